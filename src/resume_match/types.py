"""Plain data shared by several stages, so that no stage has to import a later one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Flag:
    """Something a reader of the report should know about a document: not an error, a caution.

    ``kind`` is a stable machine-readable name (``hidden-text``, ``repeated-text``,
    ``mixed-script``, ``truncated``, ``garbled``); ``message`` says it to a person.
    """

    kind: str
    message: str


@dataclass(frozen=True)
class Document:
    """A document's visible text, page by page, with what was noticed while reading it."""

    path: Path
    kind: str
    pages: tuple[str, ...]
    flags: tuple[Flag, ...] = ()
    hidden_text: str = ""

    @property
    def text(self) -> str:
        """All pages joined by a blank line; offsets into it are what evidence points at."""
        return "\n\n".join(self.pages)

    def page_starts(self) -> list[int]:
        """Offset in :attr:`text` where each page begins."""
        starts, offset = [], 0
        for page in self.pages:
            starts.append(offset)
            offset += len(page) + 2
        return starts
