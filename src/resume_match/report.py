"""Render results for people (text) and for programs (JSON); nothing here prints."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from .model import CheckResult, DocumentResult, SkillMatch

JSON_SCHEMA_VERSION = 1
_COLORS = {"green": "32", "red": "31", "yellow": "33", "bold": "1", "dim": "2"}


def result_to_dict(result: DocumentResult, max_evidence: int = 5) -> dict[str, Any]:
    """The stable JSON object of one document (or combined) result; documented in the README."""
    return {
        "file": result.file,
        "status": result.status,
        "reason": result.reason or None,
        "score": result.score,
        "technical_score": result.technical_score,
        "soft_score": result.soft_score,
        "matched": [_match_to_dict(m, max_evidence) for m in result.matched],
        "missing": [
            {
                "id": s.id,
                "name": s.name,
                "category": s.category,
                "keyword": s.keyword,
                "hint": s.hint,
            }
            for s in result.missing
        ],
        "extras": [_match_to_dict(m, max_evidence) for m in result.extras],
        "flags": [{"kind": f.kind, "message": f.message} for f in result.flags],
    }


def check_to_dict(result: CheckResult) -> dict[str, Any]:
    """A check result as JSON data: one document's object, or resume, cover letter and combined."""
    if result.cover_letter is None or result.combined is None:
        return result_to_dict(result.resume)
    return {
        "resume": result_to_dict(result.resume),
        "cover_letter": result_to_dict(result.cover_letter),
        "combined": result_to_dict(result.combined),
    }


def render_json(result: CheckResult) -> str:
    """Pretty JSON with a trailing newline."""
    return json.dumps(check_to_dict(result), indent=2, ensure_ascii=False) + "\n"


def _match_to_dict(match: SkillMatch, max_evidence: int) -> dict[str, Any]:
    return {
        "id": match.skill.id,
        "name": match.skill.name,
        "category": match.skill.category,
        "evidence": [
            {"text": e.text, "page": e.page, "section": e.section}
            for e in match.evidence[:max_evidence]
        ],
    }


def render_text(result: CheckResult, color: bool = False, width: int = 100) -> str:
    """A report for a person: the score, found skills with evidence, and what to add."""
    paint = _painter(color)
    parts = []
    if result.cover_letter is not None and result.combined is not None:
        parts.append(_document_text(result.resume, paint, width, heading="Resume"))
        parts.append(_document_text(result.cover_letter, paint, width, heading="Cover letter"))
        parts.append(_document_text(result.combined, paint, width, heading="Combined"))
    else:
        parts.append(_document_text(result.resume, paint, width))
    return "\n".join(parts)


def _painter(color: bool) -> Any:
    def paint(text: str, *styles: str) -> str:
        if not color or not styles:
            return text
        codes = ";".join(_COLORS[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"

    return paint


def _document_text(result: DocumentResult, paint: Any, width: int, heading: str = "") -> str:
    title = f"{heading}: {result.file}" if heading else result.file
    lines = [paint(title, "bold")]
    if not result.ok:
        lines.append(f"  status: {result.status} - {result.reason}")
        return "\n".join(lines) + "\n"
    score = result.score or 0.0
    tone = "green" if score >= 75 else "yellow" if score >= 50 else "red"
    subscores = "".join(
        f"   {label} {value:.0f}"
        for label, value in (("technical", result.technical_score), ("soft", result.soft_score))
        if value is not None
    )
    lines.append(
        f"  Coverage {paint(f'{score:.0f}/100', 'bold', tone)}{subscores}"
        f"   ({len(result.matched)} of {len(result.matched) + len(result.missing)} core skills)"
    )
    for flag in result.flags:
        lines.append(paint(f"  ! {flag.message}", "yellow"))
    if result.matched:
        lines.append("")
        lines.append(paint("  Found", "bold"))
        for match in result.matched:
            first = match.evidence[0]
            more = f", +{len(match.evidence) - 1} more" if len(match.evidence) > 1 else ""
            where = paint(f"(p{first.page}, {first.section}{more})", "dim")
            lines.append(f"  {paint('+', 'green')} {match.skill.name}  {where}")
            quote = textwrap.shorten(first.text, width=width - 8, placeholder="...")
            lines.append(f'      "{quote}"')
    if result.missing:
        lines.append("")
        lines.append(paint("  Missing (most important first)", "bold"))
        for skill in result.missing:
            lines.append(f"  {paint('-', 'red')} {skill.keyword}")
            if skill.hint:
                hint = textwrap.fill(
                    skill.hint, width=width, initial_indent="      ", subsequent_indent="      "
                )
                lines.append(paint(hint, "dim"))
    if result.extras:
        lines.append("")
        extras = ", ".join(m.skill.name for m in result.extras)
        lines.append(
            textwrap.fill(
                f"Also shown: {extras}", width=width, initial_indent="  ", subsequent_indent="    "
            )
        )
    return "\n".join(lines) + "\n"
