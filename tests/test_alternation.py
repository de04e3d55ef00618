"""One search for any of many strings finds exactly where a plain alternation does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_match.alternation import any_of

PIECES = ["no", "not", "nothing", "i", "i've", "if", "the", "then", ":", "'s", "n't", "new to"]
LETTERS = st.text(alphabet="notihef:'s _-\nNOT", max_size=40)


def _plain(words: set[str], texts: set[str]) -> re.Pattern[str]:
    parts = [rf"\b{re.escape(word)}\b" for word in words] + [re.escape(text) for text in texts]
    return re.compile("|".join(parts))


@settings(max_examples=300, deadline=None)
@given(
    st.sets(st.sampled_from([p for p in PIECES if p.isalnum()]), max_size=6),
    st.sets(st.sampled_from(PIECES), max_size=6),
    LETTERS,
)
def test_it_finds_a_string_wherever_the_plain_alternation_does(
    words: set[str], texts: set[str], string: str
) -> None:
    search = any_of(frozenset(words), tuple(texts))
    if not words and not texts:
        assert search is None
        return
    assert search is not None
    assert bool(search.search(string)) == bool(_plain(words, texts).search(string))


def test_a_word_is_found_whole_and_a_string_anywhere() -> None:
    search = any_of(frozenset({"no", "not"}), ("n't",))
    assert search is not None
    assert search.search("I do not know")
    assert search.search("don't")
    assert not search.search("nothing known")
