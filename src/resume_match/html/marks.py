"""A document's own text cut into plain and marked pieces, so a page can show where each skill was
found without the page ever holding raw document text outside an escaped template variable."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import DocumentResult, SkillMatch


@dataclass(frozen=True)
class Segment:
    """A run of the document's text; ``skill`` is the id of the skill it proves, or ``""``."""

    text: str
    skill: str = ""


@dataclass(frozen=True)
class MarkedText:
    """One document's text with its evidence marked: the input of the "in your words" section."""

    file: str
    segments: tuple[Segment, ...]

    @property
    def marks(self) -> int:
        return sum(1 for s in self.segments if s.skill)


def marked_text(result: DocumentResult) -> MarkedText | None:
    """The document's text cut at its evidence, or None when the result kept no text.

    Overlapping matches keep the one that starts first (the longer one on a tie), so every
    character of the text appears exactly once.
    """
    if not result.text:
        return None
    text = result.text
    spans = sorted(
        (
            (e.start, e.end, m.skill.id)
            for m in _matches(result)
            for e in m.evidence
            if 0 <= e.start < e.end <= len(text)
        ),
        key=lambda span: (span[0], -span[1]),
    )
    segments: list[Segment] = []
    cursor = 0
    for start, end, skill in spans:
        if start < cursor:
            continue
        if start > cursor:
            segments.append(Segment(text[cursor:start]))
        segments.append(Segment(text[start:end], skill))
        cursor = end
    if cursor < len(text):
        segments.append(Segment(text[cursor:]))
    return MarkedText(result.file, tuple(segments))


def _matches(result: DocumentResult) -> Iterable[SkillMatch]:
    return (*result.matched, *result.extras)
