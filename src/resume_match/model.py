"""Plain data the stages hand each other: what was read, what was found, what it scored.

Every stage imports these from here, so that no stage needs a later one: the readers make a
:class:`Document`, the matcher :class:`SkillMatch` items with their :class:`Evidence`, the API
a :class:`DocumentResult` per file and a :class:`CheckResult` per person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .taxonomy import Skill

Status = Literal["ok", "no-text", "empty", "not-a-resume", "error"]
"""``ok`` scored; ``no-text`` opens but has no usable text (scanned, garbled); ``empty`` too few
words to judge; ``not-a-resume`` reads as something else (a job posting, a README or manifest, a
blank template), so it is not scored; ``error`` cannot be read."""

FlagKind = Literal[
    "hidden-text", "repeated-text", "mixed-script", "truncated", "damaged", "not-english"
]
"""The stable machine-readable names of :class:`Flag`, as they appear in the JSON report."""


@dataclass(frozen=True)
class Flag:
    """Something a reader of the report should know about a document: not an error, a caution.

    ``kind`` is one of :data:`FlagKind`; ``message`` says it to a person.
    """

    kind: FlagKind
    message: str


DropReason = Literal["hidden", "repeated-header", "repeated-footer", "page-number"]
"""Why text read from a file is kept out of matching: invisible to a person, or a page's
furniture (a header or footer repeated on every page is kept once; page numbers never)."""


@dataclass(frozen=True)
class DroppedText:
    """Text the reader found but kept out of :attr:`Document.text`, with why and where.

    ``page`` counts from 1 (0 when the format has no pages); ``detail`` names how hidden text
    was hidden ("white text", "1-pt text", "off the page", "hidden run").
    """

    page: int
    reason: DropReason
    text: str
    detail: str = ""


@dataclass(frozen=True)
class Document:
    """A document's visible text, page by page, with what was noticed while reading it."""

    path: Path
    kind: str
    pages: tuple[str, ...]
    flags: tuple[Flag, ...] = ()
    hidden_text: str = ""
    dropped: tuple[DroppedText, ...] = ()

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


@dataclass(frozen=True)
class Evidence:
    """The words that proved a skill, with where they stand in the document."""

    text: str
    term: str
    page: int
    section: str
    start: int
    end: int


@dataclass(frozen=True)
class SkillMatch:
    """A skill found in a document and every place that shows it."""

    skill: Skill
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class DocumentResult:
    """What one file showed: status, score and evidence, or why it could not be scored.

    ``status`` is one of :data:`Status`; ``reason`` says why when it is not ``ok``.
    ``text`` is the document's visible text (what evidence offsets point into), kept only when the
    :class:`~resume_match.api.Checker` was built with ``keep_text=True``.
    """

    file: str
    status: Status
    reason: str = ""
    kind: str = ""
    score: float | None = None
    technical_score: float | None = None
    soft_score: float | None = None
    matched: tuple[SkillMatch, ...] = ()
    missing: tuple[Skill, ...] = ()
    extras: tuple[SkillMatch, ...] = ()
    flags: tuple[Flag, ...] = ()
    pages: int = 0
    text: str = field(default="", repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class CheckResult:
    """A resume's result, with its cover letter's and the combined coverage when one is given."""

    resume: DocumentResult
    cover_letter: DocumentResult | None = None
    combined: DocumentResult | None = None
    taxonomy: str = field(default="", compare=False)

    @property
    def main(self) -> DocumentResult:
        """The result that ranks and gates: the combined one when there is a cover letter."""
        return self.combined or self.resume
