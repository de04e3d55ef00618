"""The terminal report of a check: the score, found skills with evidence, and what to add.

Skills are named one way throughout (the guide's names, as in the taxonomy); a missing skill also
gives the keyword to add. With a cover letter the combined result comes first, then one line per
document saying what it adds, so a reader sees the answer without scrolling three reports.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Literal

from .model import CheckResult, DocumentResult, Evidence, SkillMatch
from .report import printable

EvidenceMode = Literal["first", "all"]
Paint = Callable[..., str]
_COLORS = {"green": "32", "red": "31", "yellow": "33", "bold": "1", "dim": "2"}


def render_text(
    result: CheckResult, color: bool = False, width: int = 100, evidence: EvidenceMode = "first"
) -> str:
    """A report for a person; ``evidence="all"`` quotes every place a skill was found."""
    paint = painter(color)
    letter, combined = result.cover_letter, result.combined
    if letter is None or combined is None:
        return _report(result.resume, paint, width, evidence)
    documents = [("resume", result.resume), ("cover letter", letter)]
    readable = [(label, d) for label, d in documents if d.ok]
    sources = {label: {m.skill.id for m in (*d.matched, *d.extras)} for label, d in readable}
    adds = [_adds_line(label, document, documents, width) for label, document in documents]
    return _report(combined, paint, width, evidence, sources=sources, adds=adds)


def _report(
    result: DocumentResult,
    paint: Paint,
    width: int,
    evidence: EvidenceMode,
    sources: dict[str, set[str]] | None = None,
    adds: list[str] | None = None,
) -> str:
    lines = [paint(printable(result.file), "bold")]
    if not result.ok:
        lines.append(f"  status: {result.status} - {printable(result.reason)}")
        return "\n".join(lines) + "\n"
    score = result.score or 0.0
    tone = "green" if score >= 75 else "yellow" if score >= 50 else "red"
    subscores = "".join(
        f"   {label} {value:.0f}"
        for label, value in (("technical", result.technical_score), ("soft", result.soft_score))
        if value is not None
    )
    together = ", both documents together" if sources and len(sources) > 1 else ""
    counts = (
        f"({len(result.matched)} of {len(result.matched) + len(result.missing)} core "
        f"skills{together})"
    )
    head = f"  Coverage {score:.0f}/100{subscores}"
    painted = f"  Coverage {paint(f'{score:.0f}/100', 'bold', tone)}{subscores}"
    lines += _fit(painted, len(head), counts, width, gap="   ")
    lines += adds or []
    lines += [paint(f"  ! {flag.message}", "yellow") for flag in result.flags]
    if result.matched:
        lines += ["", paint("  Found", "bold")]
        for match in result.matched:
            lines += _found(match, paint, width, evidence, _shown_in(match, sources))
    # Advice on English phrasing would tell the writer of a Spanish CV that it is merely weak.
    if result.missing and not any(flag.kind == "not-english" for flag in result.flags):
        lines += ["", paint("  Missing (most important first)", "bold")]
        for skill in result.missing:
            lines.append(
                f"  {paint('-', 'red')} {skill.name}  {paint('add: ' + skill.keyword, 'dim')}"
            )
            if skill.hint:
                hint = textwrap.fill(
                    skill.hint, width=width, initial_indent="      ", subsequent_indent="      "
                )
                lines.append(paint(hint, "dim"))
    if result.extras:
        extras = ", ".join(m.skill.name for m in result.extras)
        lines += ["", textwrap.fill(f"Also shown: {extras}", width=width,
                                    initial_indent="  ", subsequent_indent="    ")]  # fmt: skip
    return "\n".join(lines) + "\n"


def _found(
    match: SkillMatch, paint: Paint, width: int, evidence: EvidenceMode, shown_in: str
) -> list[str]:
    first = match.evidence[0]
    places = _distinct(match.evidence)
    head = f"  + {match.skill.name}"
    painted = f"  {paint('+', 'green')} {match.skill.name}"
    if evidence == "all" and len(places) > 1:
        lines = _fit(painted, len(head), f"({len(places)} places{shown_in})", width, paint)
        for item in places:
            where = f"p{item.page}, {item.section}: "
            lines.append(_quote(item, width, f"      {paint(where, 'dim')}", len(where) + 6))
        return lines
    more = f", +{len(places) - 1} more" if len(places) > 1 else ""
    where = f"(p{first.page}, {first.section}{more}{shown_in})"
    return [*_fit(painted, len(head), where, width, paint), _quote(first, width, "      ", 6)]


def _fit(
    painted: str, length: int, tail: str, width: int, paint: Paint | None = None, gap: str = "  "
) -> list[str]:
    """``painted`` (``length`` characters shown) and ``tail`` on one line, or two if too wide."""
    shown = paint(tail, "dim") if paint else tail
    if length + len(gap) + len(tail) <= width:
        return [f"{painted}{gap}{shown}"]
    return [painted, f"      {shown}"]


def _distinct(evidence: tuple[Evidence, ...]) -> list[Evidence]:
    """Evidence without repeats: several terms of one sentence give overlapping quotes."""
    kept: list[tuple[tuple[int, str], str, Evidence]] = []
    for item in evidence:
        place, core = (item.page, item.section), item.text.strip(". ")
        if not any(p == place and (core in seen or seen in core) for p, seen, _ in kept):
            kept.append((place, core, item))
    return [item for _, _, item in kept]


def _quote(evidence: Evidence, width: int, prefix: str, used: int) -> str:
    room = max(20, width - used - 2)
    return f'{prefix}"{textwrap.shorten(evidence.text, width=room, placeholder="...")}"'


def _shown_in(match: SkillMatch, sources: dict[str, set[str]] | None) -> str:
    if not sources or len(sources) < 2:
        return ""
    labels = [label for label, ids in sources.items() if match.skill.id in ids]
    return "; both" if len(labels) > 1 else f"; {labels[0]} only" if labels else ""


def _adds_line(
    label: str,
    document: DocumentResult,
    documents: list[tuple[str, DocumentResult]],
    width: int,
) -> str:
    head = f"    {label + ':':<14}"
    if not document.ok:
        text = f"{printable(document.file)}: {document.status} - {printable(document.reason)}"
        return textwrap.fill(head + text, width=width, subsequent_indent=" " * 18)
    others = {m.skill.id for _, d in documents if d is not document for m in d.matched}
    only = [m.skill.name for m in document.matched if m.skill.id not in others]
    alone = f"{document.score or 0:.0f}/100 alone"
    adds = f"adds {', '.join(only)}" if only else "adds no core skill the other lacks"
    text = f"{head}{alone}; {adds}  ({printable(document.file)})"
    return textwrap.fill(text, width=width, subsequent_indent=" " * 18)


def painter(color: bool) -> Paint:
    """A function that colours text with named styles when ``color`` is true (other reports)."""

    def paint(text: str, *styles: str) -> str:
        if not color or not styles:
            return text
        codes = ";".join(_COLORS[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"

    return paint
