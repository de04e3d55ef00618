"""A quote that a document repeats is shown once, from the place that proves the most.

The matcher does not judge a mention whose quote the skill already shows from a section that
ranks no lower; these tests hold the evidence to what judging every mention gives.
"""

from __future__ import annotations

from pathlib import Path

from resume_match.api import Checker
from resume_match.model import Evidence
from resume_match.reading import Document
from resume_match.reading.normalize import normalize_text

CHECKER = Checker()
LINE = "Verified patients' insurance coverage before each visit."
TERM = LINE.index("insurance coverage")


def evidence(text: str, skill: str = "insurance-verification") -> tuple[Evidence, ...]:
    document = Document(Path("inline.txt"), "text", (normalize_text(text),))
    matches = {match.skill.id: match for match in CHECKER.matcher.match(document)}
    return matches[skill].evidence


def test_a_line_repeated_in_one_section_is_quoted_once_from_its_first_place() -> None:
    text = f"Experience\n{LINE}\nFiled records.\n{LINE}\nAnswered phones.\n{LINE}\n"
    quotes = [e for e in evidence(text) if e.text == LINE]
    assert len(quotes) == 1
    assert quotes[0].start == text.index(LINE) + TERM


def test_a_later_repeat_from_a_section_that_proves_more_is_the_one_shown() -> None:
    text = f"Summary\n{LINE}\nExperience\n{LINE}\n"
    quotes = [e for e in evidence(text) if e.text == LINE]
    assert [(e.section, e.start) for e in quotes] == [("Experience", text.rindex(LINE) + TERM)]


def test_an_earlier_place_that_proves_more_stays_shown() -> None:
    text = f"Experience\n{LINE}\nSummary\n{LINE}\n"
    quotes = [e for e in evidence(text) if e.text == LINE]
    assert [(e.section, e.start) for e in quotes] == [("Experience", text.index(LINE) + TERM)]


def test_a_repeat_after_a_refused_mention_is_judged_on_its_own() -> None:
    denied = "I have no experience with insurance verification."
    text = f"Experience\n{denied}\nVerified insurance verification daily.\n{denied}\n"
    assert all(e.text != denied for e in evidence(text))
