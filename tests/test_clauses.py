"""One scan of a document for clause breaks answers as the scan of each mention's window would.

Texts are drawn from the pieces that make or break a break (commas before "I", runs of spaces,
"but" cut by a window, lines that open with a capital), and every offset is asked about.
"""

from __future__ import annotations

import re
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resume_match.matching.clauses import CLAUSE_BREAK, LOOK_AHEAD, LOOK_BACK, ClauseBreaks

PIECES = [
    "I",
    "i've",
    "my",
    "we",
    "but",
    "But",
    "however",
    "although",
    "though",
    "while",
    "whereas",
    "butter",
    "so",
    "yet",
    "and",
    "patients",
    "x",
    "Epic",
    "HOW",
    "mywe",
    " ",
    " ",
    "  ",
    " " * 20,
    "\n",
    "\n\n",
    "\nA",
    "\n•",
    ",",
    ", ",
    ",   ",
    ".",
    ";",
    "!",
    "?",
    "•",
    "|",
    "-",
    "'",
    "\t",
    "\u212a",
    # Twins IGNORECASE matches to ASCII letters ("whereaſ"), and word characters that are not
    # letters, which keep a break word from standing alone ("_but", "9while").
    "\u017f",
    "\u0130",
    "wherea\u017f",
    "WH\u0130LE",
    "_",
    "9",
    "é",
]
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _window_start(text: str, start: int) -> int:
    clause_start = 0
    for found in CLAUSE_BREAK.finditer(text, max(0, start - LOOK_BACK), start):
        clause_start = found.end()
    return clause_start


def _window_end(text: str, end: int) -> int | None:
    found = CLAUSE_BREAK.search(text[end : end + LOOK_AHEAD])
    return found.start() if found else None


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), min_size=0, max_size=160))
def test_every_offset_answers_as_its_window(pieces: list[str]) -> None:
    text = "".join(pieces)
    breaks = ClauseBreaks(text)
    for offset in range(len(text) + 1):
        assert breaks.clause_start(offset) == _window_start(text, offset), offset
        assert breaks.clause_end(offset) == _window_end(text, offset), offset


def test_a_long_run_of_spaces_after_a_comma_is_scanned_as_the_window_sees_it() -> None:
    text = "checked in patients," + " " * 90 + "I scheduled visits, but we " + "x" * 200
    breaks = ClauseBreaks(text)
    for offset in range(len(text) + 1):
        assert breaks.clause_start(offset) == _window_start(text, offset)
        assert breaks.clause_end(offset) == _window_end(text, offset)


def test_a_word_character_is_what_the_engine_calls_one() -> None:
    """The whole-text reading tells a cut word by ``str.isalnum``: the engine's ``\\w``."""
    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        assert bool(word.fullmatch(char)) == (char.isalnum() or char == "_"), hex(code)
