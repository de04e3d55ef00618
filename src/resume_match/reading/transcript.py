"""What the matcher read: a document's text with page and section markers, and what was left out.

"What did it read?" is the first question about any score. A transcript answers it with exactly
the text the skills are matched in, line for line, marked where pages and sections begin, and
with the text kept out of matching (hidden, or page furniture) shown apart with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..model import Document, DroppedText, Flag
from ..sections import find_sections

LineKind = Literal["section", "text"]

_REASONS = {
    "hidden": "hidden",
    "repeated-header": "dropped: repeated header",
    "repeated-footer": "dropped: repeated footer",
    "page-number": "dropped: page number",
}


@dataclass(frozen=True)
class TranscriptLine:
    """A line of matched text, or the start of a section (``text`` is then its name)."""

    kind: LineKind
    text: str


@dataclass(frozen=True)
class TranscriptPage:
    """One page: its lines in reading order, then what was kept out of matching on it."""

    number: int
    lines: tuple[TranscriptLine, ...]
    dropped: tuple[DroppedText, ...] = ()


@dataclass(frozen=True)
class Transcript:
    """A document's text as matched, page by page."""

    file: str
    kind: str
    pages: tuple[TranscriptPage, ...]
    flags: tuple[Flag, ...] = ()


def transcribe(document: Document) -> Transcript:
    """The transcript of a document that :func:`~resume_match.reading.read_document` returned.

    Joining the text lines of every page (pages by a blank line) gives back ``document.text``.
    """
    sections = find_sections(document.text)
    boundaries = dict(zip(sections.starts, sections.names, strict=True))
    pages: list[TranscriptPage] = []
    offset = 0
    for number, page in enumerate(document.pages, start=1):
        lines: list[TranscriptLine] = []
        for line in page.split("\n"):
            name = boundaries.get(offset)
            if name is not None:
                lines.append(TranscriptLine("section", name))
            lines.append(TranscriptLine("text", line))
            offset += len(line) + 1
        offset += 1  # the blank line between pages
        dropped = tuple(item for item in document.dropped if item.page == number)
        pages.append(TranscriptPage(number, tuple(lines), dropped))
    return Transcript(str(document.path), document.kind, tuple(pages), document.flags)


def render_transcript(transcript: Transcript) -> str:
    """The transcript for a person: ``=== page N ===`` and ``--- section: Skills ---`` markers, and
    ``[hidden: white text] ...`` / ``[dropped: repeated header] ...`` lines after each page."""
    out: list[str] = []
    for page in transcript.pages:
        out.append(f"=== page {page.number} ===")
        for line in page.lines:
            out.append(f"--- section: {line.text} ---" if line.kind == "section" else line.text)
        for item in page.dropped:
            label = _REASONS[item.reason]
            if item.detail:
                label = f"{label}: {item.detail}"
            out.append(f"[{label}] {item.text}")
    for flag in transcript.flags:
        out.append(f"[note: {flag.kind}] {flag.message}")
    return "\n".join(out) + "\n"


def transcript_to_dict(transcript: Transcript) -> dict[str, Any]:
    """The transcript as plain JSON-ready data (schema in the README)."""
    return {
        "file": transcript.file,
        "kind": transcript.kind,
        "pages": [
            {
                "page": page.number,
                "lines": [
                    {"section": line.text} if line.kind == "section" else {"text": line.text}
                    for line in page.lines
                ],
                "dropped": [
                    {"reason": item.reason, "detail": item.detail, "text": item.text}
                    for item in page.dropped
                ],
            }
            for page in transcript.pages
        ],
        "flags": [{"kind": flag.kind, "message": flag.message} for flag in transcript.flags],
    }
