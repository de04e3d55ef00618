"""Mending looks only at taxonomy words long or short enough to make the cut: the same answers
as looking at every one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from resume_match.matching.spelling import Speller, english_words, is_abbreviation

VOCABULARY = [
    "scheduling",
    "schedule",
    "registration",
    "insurance",
    "verification",
    "cerner",
    "meditech",
    "eclinicalworks",
    "terminology",
    "hipaa",
    "copayments",
    "athenahealth",
    "nextgen",
    "allscripts",
]
NAMES = ["cerner", "meditech", "eclinicalworks", "athenahealth", "nextgen", "allscripts"]
SPELLER = Speller(VOCABULARY, NAMES)


def nearest_of_all(word: str, choices: list[str]) -> str:
    cutoff = 80 if len(word) <= 6 else 85
    found = [
        (score, choice not in english_words(), choice)
        for choice, score, _ in process.extract(
            word, sorted(choices), scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
        )
        if choice[0] == word[0]
    ]
    return str(max(found)[2]) if found else word


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(VOCABULARY),
    st.lists(st.tuples(st.integers(0, 20), st.sampled_from("aeiorstnx")), max_size=4),
    st.booleans(),
)
def test_the_same_word_as_looking_at_every_choice(
    word: str, edits: list[tuple[int, str]], names_only: bool
) -> None:
    for place, letter in edits:
        place %= len(word) + 1
        word = word[:place] + letter + word[place + 1 :]
    word = word or "x"
    expected = nearest_of_all(word, NAMES if names_only else VOCABULARY)
    assert SPELLER.correct(word, names_only) == (word if is_abbreviation(word) else expected)
