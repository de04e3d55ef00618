"""The search screen never changes a search's answer: it only skips searches that cannot match.

Checked on every regular expression of the context rules (so a rule added later is checked too),
on clauses drawn from the rules' own words in every case, cut mid-word, and spelt with the
characters that match ASCII letters only when case is ignored ("ſ", "ı", "İ", the Kelvin sign).
"""

from __future__ import annotations

import re
import sys
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resume_match.matching import context
from resume_match.prefilter import Screen, needed, plan

PATTERNS = [value for value in vars(context).values() if isinstance(value, re.Pattern)]
SCREEN = Screen(*PATTERNS)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _atoms(condition: tuple[str, Any]) -> set[str]:
    kind, value = condition
    if kind in ("word", "text"):
        return set(value)
    return {atom for part in value for atom in _atoms(part)}


WORDS = sorted(
    {word for pattern in PATTERNS for atom in _atoms(needed(pattern)) for word in atom.split()}
    | {"i", "I", "we", "experience", "patients", "the", "a", "Epic", "scheduling", "xno", "nott"}
)
TWINS = {"i": "ıİ", "s": "ſ", "k": "\u212a"}
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "; ", "-", "'", "•", "\t", '"']


@st.composite
def clauses(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 14))):
        word = draw(st.sampled_from(WORDS))
        style = draw(st.sampled_from(["plain", "plain", "upper", "title", "twin", "cut"]))
        if style == "upper":
            word = word.upper()
        elif style == "title":
            word = word.title()
        elif style == "twin":
            word = "".join(
                draw(st.sampled_from(TWINS[c])) if c in TWINS and draw(st.booleans()) else c
                for c in word
            )
        elif style == "cut" and len(word) > 2:
            word = word[draw(st.integers(1, len(word) - 1)) :]
        parts += [word, draw(st.sampled_from(SEPARATORS))]
    return "".join(parts)


def _span(found: re.Match[str] | None) -> tuple[int, int] | None:
    return found.span() if found else None


@SETTINGS
@given(clauses())
def test_a_screened_search_answers_as_the_search_does(text: str) -> None:
    for pattern in PATTERNS:
        assert _span(SCREEN.search(pattern, text)) == _span(pattern.search(text)), pattern.pattern


@SETTINGS
@given(clauses(), st.sets(st.sampled_from(PATTERNS), min_size=1))
def test_a_joined_gate_refuses_only_what_each_search_would_skip(
    text: str, patterns: set[re.Pattern[str]]
) -> None:
    if not SCREEN.may_match(SCREEN.joined(*patterns), text):
        assert all(SCREEN.search(pattern, text) is None for pattern in patterns)


def test_a_joined_gate_refuses_a_clause_without_any_patterns_words() -> None:
    first = re.compile(r"\bno\s+experience\b", re.I)
    second = re.compile(r"\beager\s+to\s+learn\b", re.I)
    screen = Screen(first, second)
    gate = screen.joined(first, second)
    assert not screen.may_match(gate, "Registered patients in Epic")
    assert screen.may_match(gate, "Eager to LEARN")
    assert screen.may_match(screen.joined(re.compile(r"(\w+)\1")), "anything")


def test_a_joined_gate_asks_for_the_rarer_words_of_a_pattern() -> None:
    promise = re.compile(r"\bI\s+(?:will|shall)\s+(?:learn|train)\b", re.I)
    lack = re.compile(r"\bno\s+(?:prior\s+)?experience\b", re.I)
    screen = Screen(promise, lack)
    gate = screen.joined(promise, lack)
    # "I" stands in most clauses: the gate looks for "learn" or "train" instead.
    assert not screen.may_match(gate, "I verified insurance and I scheduled visits")
    assert screen.may_match(gate, "I will learn Epic")
    assert screen.may_match(gate, "no prior experience")


def test_the_screen_skips_clauses_without_the_words() -> None:
    pattern = re.compile(r"\b(?:no|without)\s+(?:\w+\s+){0,2}?(?:experience|training)\b", re.I)
    screen = Screen(pattern)
    assert plan(needed(pattern)) is not None
    assert screen.search(pattern, "Registered patients in Epic") is None
    assert screen.search(pattern, "NO prior EXPERIENCE") is not None
    assert screen.search(pattern, "without any formal training") is not None


def test_a_pattern_it_cannot_read_is_always_searched() -> None:
    backreference = re.compile(r"(\w+)\1")
    assert plan(needed(backreference)) is None
    assert Screen(backreference).search(backreference, "veryvery") is not None


def test_folding_keeps_each_characters_length_and_word_ness() -> None:
    """What the screen relies on to read the folded clause's words as the clause's own."""
    word = re.compile(r"\w")
    twins = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        folded = char.translate(twins).lower()
        assert len(folded) == 1, hex(code)
        assert bool(word.fullmatch(char)) == bool(word.fullmatch(folded)), hex(code)
