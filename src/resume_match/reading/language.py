"""Is a document in English? Told by its commonest short words, which every text is made of.

Only words of two letters or more count: single letters (initials, bullets read as letters, the
letters of a title set vertically down a margin) say nothing about a language, yet "a" and "I"
are English words, and a column of them once made a Spanish CV look English. The English words
must be common enough, and outnumber those of the other languages resumes arrive in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import compress

from ..model import Flag


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ENGLISH = _words(
    "the and of to in with for an on at as by from my is was are were have has had that this "
    "or be our will all which who their into over"
)
# Common short words of other languages, leaving out those that are English words too.
_OTHERS = {
    "Spanish": _words(
        "de la el los las en con para por del una que su como se al mis sus lo es más"
    ),
    "French": _words(
        "le la les des du et en avec pour une dans sur au aux est mon mes par que qui ses"
    ),
    "German": _words(
        "der die das und mit für von zu im den dem ein eine ist bei auf des sich als nach"
    ),
    "Portuguese": _words("de da do das dos em com para uma na no os que se por ao pelo pela"),
    "Italian": _words("di il la con per del della che un una nel nella le gli dei"),
}
_MIN_WORDS = 80


def language_flags(words: Sequence[str]) -> list[Flag]:
    """A ``not-english`` flag when the document's common words are not English ones."""
    lowered = list(map(str.lower, compress(words, map((2).__le__, map(len, words)))))
    if len(lowered) < _MIN_WORDS:
        return []
    counts = Counter(lowered)
    english = sum(counts[word] for word in _ENGLISH)
    others = {name: sum(counts[word] for word in words) for name, words in _OTHERS.items()}
    language, foreign = max(others.items(), key=lambda item: item[1])
    if english >= 0.02 * len(lowered) and foreign <= 2 * english:
        return []
    named = f"it reads as {language}" if foreign > english else "it does not read as English"
    return [
        Flag(
            "not-english",
            f"{named}, and the skills list is English: the score says nothing about this document",
        )
    ]
