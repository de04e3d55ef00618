"""Results for people (text) and for programs (JSON), and JSON back into results; nothing prints.

:func:`result_to_dict` and :func:`result_from_dict` are the one codec: the JSON report, the screen
workers' answers and the cache all use it.
"""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

from .model import CheckResult, DocumentResult, Evidence, Flag, SkillMatch
from .taxonomy import Taxonomy

JSON_SCHEMA_VERSION = 1
_COLORS = {"green": "32", "red": "31", "yellow": "33", "bold": "1", "dim": "2"}


def result_to_dict(
    result: DocumentResult, max_evidence: int = 5, complete: bool = False
) -> dict[str, Any]:
    """The stable JSON object of one document (or combined) result; documented in the README.

    ``complete`` keeps everything :func:`result_from_dict` needs for an exact copy: every piece of
    evidence with its term and offsets, and the document's kind and page count. That is the form
    screen workers send and the cache stores; the README's schema is the default form.
    """
    limit = None if complete else max_evidence
    data = {
        "file": result.file,
        "status": result.status,
        "reason": result.reason or None,
        "score": result.score,
        "technical_score": result.technical_score,
        "soft_score": result.soft_score,
        "matched": [_match_to_dict(m, limit, complete) for m in result.matched],
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
        "extras": [_match_to_dict(m, limit, complete) for m in result.extras],
        "flags": [{"kind": f.kind, "message": f.message} for f in result.flags],
    }
    if complete:
        data.update(kind=result.kind, pages=result.pages)
    return data


def result_from_dict(
    data: dict[str, Any], taxonomy: Taxonomy, file: str | None = None
) -> DocumentResult:
    """The result that :func:`result_to_dict` turned into ``data``; exact for the complete form.

    Skills the taxonomy no longer has are dropped; ``file`` replaces the recorded file name.
    """
    skills = {skill.id: skill for skill in taxonomy.skills}

    def matches(items: list[dict[str, Any]]) -> tuple[SkillMatch, ...]:
        return tuple(
            SkillMatch(skills[item["id"]], tuple(_evidence(e) for e in item["evidence"]))
            for item in items
            if item["id"] in skills
        )

    return DocumentResult(
        file=data["file"] if file is None else file,
        status=data["status"],
        reason=data["reason"] or "",
        kind=data.get("kind", ""),
        score=data["score"],
        technical_score=data["technical_score"],
        soft_score=data["soft_score"],
        matched=matches(data["matched"]),
        missing=tuple(skills[s["id"]] for s in data["missing"] if s["id"] in skills),
        extras=matches(data["extras"]),
        flags=tuple(Flag(f["kind"], f["message"]) for f in data["flags"]),
        pages=data.get("pages", 0),
    )


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


def _match_to_dict(match: SkillMatch, max_evidence: int | None, complete: bool) -> dict[str, Any]:
    return {
        "id": match.skill.id,
        "name": match.skill.name,
        "category": match.skill.category,
        "evidence": [_evidence_to_dict(e, complete) for e in match.evidence[:max_evidence]],
    }


def _evidence_to_dict(evidence: Evidence, complete: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "text": evidence.text,
        "page": evidence.page,
        "section": evidence.section,
    }
    if complete:
        data.update(term=evidence.term, start=evidence.start, end=evidence.end)
    return data


def _evidence(data: dict[str, Any]) -> Evidence:
    # Results cached before the complete form kept only text, page and section.
    return Evidence(
        data["text"], data.get("term", ""), data["page"], data["section"],
        data.get("start", 0), data.get("end", 0),
    )  # fmt: skip


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


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` safe for a terminal: control characters (escape sequences in a file name that
    would move the cursor or retitle the window) shown as ``?``."""
    return _CONTROL.sub("?", text)


def _document_text(result: DocumentResult, paint: Any, width: int, heading: str = "") -> str:
    file = printable(result.file)
    title = f"{heading}: {file}" if heading else file
    lines = [paint(title, "bold")]
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
