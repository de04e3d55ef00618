"""spaCy's tokenizer with its cache kept warm, so that each chunk of text is split only once.

spaCy keeps how it split each run of non-space characters ("patients.", "(EHR)") and looks it
up the next time, but once a special case has matched in a text ("and/or", "Inc.", "i.e."), it
keeps nothing more from that text (the flag is per call; spaCy issue #1250). In a resume the
first "Inc." comes early, and every chunk after it is split again in every document by the
prefix, suffix and infix searches: two thirds of the tokenizer's time on real resumes.

So each chunk not seen before is first tokenised in a small group of new chunks, where a
special case keeps only the rest of its own group out of the cache; the text's own call then
finds its chunks there. The cache only remembers what the tokenizer would split anyway, so the
tokens are the same, chunk for chunk.
"""

from __future__ import annotations

from typing import Any

# Chunks per warming call: a call costs about as much as looking up ten chunks.
_GROUP = 16
# Room left in spaCy's cache for what the pipeline itself puts there (the patterns' words).
_HEADROOM = 10_000


class WarmTokenizer:
    """``nlp.make_doc`` for one pipeline, warming the tokenizer's cache with each new chunk."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp
        self._tokenizer = nlp.tokenizer
        self._seen: set[str] = set()

    def __call__(self, text: str) -> Any:
        """The doc ``nlp.make_doc(text)`` gives."""
        seen = self._seen
        if len(seen) < self._tokenizer.max_cache_size - _HEADROOM:
            new = sorted(set(text.split()).difference(seen))
            if new:
                seen.update(new)
                tokenizer = self._tokenizer
                for first in range(0, len(new), _GROUP):
                    tokenizer(" ".join(new[first : first + _GROUP]))
        return self._nlp.make_doc(text)
