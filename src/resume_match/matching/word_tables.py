"""The English lemma table and word list from spacy-lookups-data, built once and kept on disk.

Both come from two gzipped JSON files of spacy-lookups-data; parsing them and sorting the
120,000 words took about a tenth of a second of every start (and again in each process that first
needed the sorted list). :mod:`resume_match.startup_cache` keeps the result, keyed by the two
files' bytes.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import startup_cache

_SOURCES = ("en_lemma_lookup.json.gz", "en_lemma_index.json.gz")


@dataclass(frozen=True)
class WordTables:
    """``lemmas``: lower-cased word -> lemma; ``words``: every English word the lookups know,
    sorted (inflected forms, their lemmas and the base-form index)."""

    lemmas: dict[str, str]
    words: tuple[str, ...]


@lru_cache(maxsize=1)
def word_tables() -> WordTables:
    """The tables, from the start-up cache when it holds them for these very source files."""
    data = resources.files("spacy_lookups_data") / "data"
    sources = [(data / name).read_bytes() for name in _SOURCES]
    key = startup_cache.entry_key("word-tables", *sources)
    lemmas, words = startup_cache.load_or_build(
        "word-tables", key, lambda: _build(*sources), _valid
    )
    return WordTables(lemmas, words)


def _build(lookup: bytes, index: bytes) -> tuple[dict[str, str], tuple[str, ...]]:
    table: dict[str, str] = json.loads(gzip.decompress(lookup))
    base_forms: dict[str, list[str]] = json.loads(gzip.decompress(index))
    words = set(table) | set(table.values())
    for forms in base_forms.values():
        words.update(forms)
    return table, tuple(sorted(words))


def _valid(value: Any) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], dict)
        and isinstance(value[1], tuple)
    )
