"""The warmed tokenizer splits every text exactly as spaCy's own call does, cached or not."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_match.matching.warm import WarmTokenizer
from resume_match.nlp import blank_english

# Special cases ("Inc.", "and/or", "don't", ":)") among chunks with affixes and infixes.
CHUNKS = [
    "Inc.",
    "and/or",
    "don't",
    "i.e.",
    ":)",
    "St.",
    "(EHR)",
    "patients.",
    "co-pays",
    "walk-ins;",
    "U.S.",
    "10am",
    "ID's",
    "Medicaid/Medicare",
    '"front',
    'desk",',
    "Scheduling",
    "  ",
    "\n\n",
    "\t",
    "é-mail",
    "1,200",
    "$15/hr",
]
WARM = WarmTokenizer(blank_english())
PLAIN = spacy.blank("en")


def tokens(doc: spacy.tokens.Doc) -> list[tuple[str, int, str, int]]:
    return [(t.text, t.idx, t.whitespace_, t.orth) for t in doc]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(CHUNKS), max_size=40), st.lists(st.sampled_from(" \n"), max_size=40)
)
def test_same_tokens_as_spacy(chunks: list[str], gaps: list[str]) -> None:
    text = "".join(chunk + (gaps[i] if i < len(gaps) else " ") for i, chunk in enumerate(chunks))
    assert tokens(WARM(text)) == tokens(PLAIN.make_doc(text))
    # Again, now that every chunk is in the cache.
    assert tokens(WARM(text)) == tokens(PLAIN.make_doc(text))


def test_our_pipeline_keeps_more_splits_than_spacys_default() -> None:
    assert blank_english().tokenizer.max_cache_size > spacy.blank("en").tokenizer.max_cache_size


def test_a_pipeline_with_the_default_cache_splits_the_same() -> None:
    warm = WarmTokenizer(spacy.blank("en"))
    text = "Registered patients at Summit Inc. and verified insurance, co-pays and/or (EHR)."
    assert tokens(warm(text)) == tokens(PLAIN.make_doc(text))
