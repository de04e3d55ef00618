"""What a reader takes out of a file, before the quality gates turn it into a Document."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import DroppedText, Flag


@dataclass
class Extracted:
    pages: list[str]
    hidden: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    dropped: list[DroppedText] = field(default_factory=list)


def hidden_flag(hidden: list[str], how: list[str]) -> Flag:
    """One flag for a document's hidden words, naming each way they were hidden (most first).

    ``how`` says, for each word of ``hidden``, how it was hidden; empty where the reader could
    not tell.
    """
    sample = " ".join(hidden)[:80]
    counts = Counter(reason for reason in how if reason)
    named = "; ".join(reason for reason, _ in counts.most_common()) or "white, tiny or hidden text"
    return Flag(
        "hidden-text",
        f"{len(hidden)} word(s) are invisible to a reader ({named}) and were not counted: "
        f"{sample!r}",
    )
