"""Lemmas and spelling: read a word as the taxonomy would, mending misspellings but never names.

Lemmas come from the spacy-lookups-data table (lower-cased first, since the table is
case-sensitive). rapidfuzz mends a misspelling of a taxonomy word ("hippa", "cener") only when the
word is not English, is not an abbreviation of an English word ("admin"), and is not a name: a
capitalised word inside a line ("Supervisor: Ellis, Courtney") may only be a misspelt product
name, never a misspelt ordinary word.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from functools import lru_cache

from .word_tables import word_tables

MIN_FUZZY_LENGTH = 5
_CACHE_SIZE = 100_000


@lru_cache(maxsize=1)
def lemma_table() -> dict[str, str]:
    """The lookup table from a lower-cased word to its lemma."""
    return word_tables().lemmas


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Every English word the lookups know: inflected forms, their lemmas, and the base-form index.

    The lemma table alone lacks words that never inflect ("clinical", "healthcare"), and a word
    missing here would be "corrected" towards a taxonomy word.
    """
    return frozenset(word_tables().words)


def _sorted_words() -> tuple[str, ...]:
    return word_tables().words


def is_abbreviation(word: str) -> bool:
    """True when ``word`` begins a longer English word ("admin", "mgmt" is not): a short form."""
    words = _sorted_words()
    index = bisect.bisect_right(words, word)
    return index < len(words) and words[index].startswith(word)


class Speller:
    """Mends misspellings of one taxonomy's words; build once per taxonomy."""

    def __init__(self, vocabulary: Iterable[str], names: Iterable[str]) -> None:
        self._vocabulary = sorted(
            word for word in vocabulary if len(word) >= MIN_FUZZY_LENGTH and word.isalpha()
        )
        self._names = sorted(
            word for word in names if len(word) >= MIN_FUZZY_LENGTH and word.isalpha()
        )
        self._words = english_words()
        # Asked of both, not of their union: copying 120,000 words cost 10 ms of every start.
        self._taxonomy_words = frozenset(vocabulary)
        self._cache: dict[tuple[str, bool], str] = {}
        self._reach: dict[tuple[int, int, bool], list[str]] = {}

    def needs_mending(self, lower: str) -> bool:
        """Whether a lower-cased token is a candidate misspelling at all."""
        return (
            len(lower) >= MIN_FUZZY_LENGTH
            and lower.isascii()
            and lower.isalpha()
            and lower not in self._words
            and lower not in self._taxonomy_words
        )

    def correct(self, lower: str, names_only: bool = False) -> str:
        """The taxonomy word ``lower`` misspells, or ``lower`` itself.

        ``names_only`` is for a capitalised word inside a line: it may be a misspelt product
        ("Cener"), never a misspelt ordinary word. On a tie, a name that is not an English word
        wins ("cener" is Cerner before "center").
        """
        key = (lower, names_only)
        if key not in self._cache:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = lower if is_abbreviation(lower) else self._nearest(lower, names_only)
        return self._cache[key]

    def _nearest(self, word: str, names_only: bool) -> str:
        from rapidfuzz import fuzz, process

        cutoff = 80 if len(word) <= 6 else 85
        choices = self._within_reach(len(word), cutoff, names_only)
        candidates = [
            (score, choice not in self._words, choice)
            for choice, score, _ in process.extract(
                word, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
            )
            if choice[0] == word[0]
        ]
        return str(max(candidates)[2]) if candidates else word

    def _within_reach(self, length: int, cutoff: int, names_only: bool) -> list[str]:
        """The choices whose length lets them score ``cutoff`` against a word of ``length``, in
        order: a ratio is at most 200 * shorter / (both lengths), so the others never make the
        cut, and leaving them out changes neither the matches nor their order."""
        key = (length, cutoff, names_only)
        found = self._reach.get(key)
        if found is None:
            choices = self._names if names_only else self._vocabulary
            found = self._reach[key] = [
                choice
                for choice in choices
                if 200 * min(length, len(choice)) / (length + len(choice)) >= cutoff - 1e-6
            ]
        return found
