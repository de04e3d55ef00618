"""What a reader takes out of a file, before the quality gates turn it into a Document."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import DroppedText, Flag


@dataclass
class Extracted:
    pages: list[str]
    hidden: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    dropped: list[DroppedText] = field(default_factory=list)


def hidden_flag(hidden: list[str]) -> Flag:
    sample = " ".join(hidden)[:80]
    return Flag(
        "hidden-text",
        f"{len(hidden)} word(s) are invisible to a reader (white, tiny, hidden or off-page "
        f"text) and were not counted: {sample!r}",
    )
