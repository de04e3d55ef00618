"""Results for people (text) and for programs (JSON), and JSON back into results; nothing prints.

:func:`result_to_dict` and :func:`result_from_dict` are the one codec: the JSON report, the screen
workers' answers and the cache all use it.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from .model import CheckResult, DocumentResult, Evidence, Flag, SkillMatch
from .taxonomy import Taxonomy

if TYPE_CHECKING:  # only the job and career reports need them, and check seldom asks for those
    from .levels import CareerFit
    from .posting import Posting
    from .posting.fit import JobFit

JSON_SCHEMA_VERSION = 1


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


def render_json(
    result: CheckResult, job: JobFit | None = None, career: CareerFit | None = None
) -> str:
    """Pretty JSON with a trailing newline; ``job`` and ``career`` objects only when given."""
    data = check_to_dict(result)
    if job is not None:
        data["job"] = job_to_dict(job)
    if career is not None:
        data["career"] = career_to_dict(career)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def career_to_dict(career: CareerFit) -> dict[str, Any]:
    """The ``career`` object: the level the evidence supports, every level's fit, what is next."""
    upper = career.next
    return {
        "level": career.best.level.id,
        "name": career.best.level.name,
        "years": career.years,
        "levels": [
            {
                "id": f.level.id,
                "name": f.level.name,
                "years": list(f.level.years),
                "fit": f.fit,
                "shown": f.shown,
                "enough": f.level.enough,
                "supported": f.supported,
                "years_ok": f.years_ok,
                "needs": [
                    {
                        "id": n.skill.id,
                        "name": n.skill.name,
                        "shown": n.shown,
                        "evidence": [_evidence_to_dict(e, False) for e in n.evidence[:2]],
                    }
                    for n in f.needs
                ],
            }
            for f in career.levels
        ],
        "next": None
        if upper is None
        else {
            "id": upper.level.id,
            "name": upper.level.name,
            "missing": [
                {"id": n.skill.id, "keyword": n.skill.keyword, "hint": n.skill.hint}
                for n in upper.needs
                if not n.shown
            ],
        },
    }


def posting_to_dict(posting: Posting) -> dict[str, Any]:
    """How a posting was read, as ``resume-match job --format json`` prints it (README)."""
    education = posting.education
    return {
        "file": posting.file,
        "title": posting.title,
        "required": [r.skill.id for r in posting.required],
        "preferred": [r.skill.id for r in posting.preferred],
        "terms": [
            {"text": t.text, "kind": t.kind, "required": t.required, "evidence": t.ask.sentence}
            for t in posting.terms
        ],
        "experience_years": posting.experience_years,
        "education": None
        if education is None
        else {"level": education.level, "text": education.text, "required": education.required},
    }


def job_to_dict(job: JobFit) -> dict[str, Any]:
    """The ``job`` object of ``check --job``: score, each ask met or not, years, title."""
    experience = job.experience
    return {
        "file": job.posting.file,
        "title": job.posting.title,
        "score": job.score,
        "skills": [
            {
                "id": s.requirement.skill.id,
                "name": s.requirement.skill.name,
                "required": s.requirement.required,
                "weight": s.weight,
                "met": s.met,
                "asked": s.requirement.ask.sentence,
                "evidence": [
                    {"text": e.text, "page": e.page, "section": e.section} for e in s.evidence[:3]
                ],
                "hint": s.requirement.skill.hint,
            }
            for s in job.skills
        ],
        "terms": [
            {
                "text": t.term.text,
                "kind": t.term.kind,
                "required": t.term.required,
                "met": t.met,
                "asked": t.term.ask.sentence,
                "found": t.found or None,
                "how": t.how,
            }
            for t in job.terms
        ],
        "experience": {
            "required_years": job.posting.experience_years,
            "years": experience.years if experience.dated else None,
            "met": job.years_met,
            "overlap_months": experience.overlap_months,
            "roles": [
                {
                    "title": r.title,
                    "dates": r.dates,
                    "months": r.months,
                    "relevant": r.relevant,
                }
                for r in experience.roles
            ],
            "notes": list(experience.notes),
        },
        "title_match": None
        if job.title is None
        else {"resume_title": job.title.resume_title, "how": job.title.how},
    }


def _match_to_dict(match: SkillMatch, max_evidence: int | None, complete: bool) -> dict[str, Any]:
    return {
        "id": match.skill.id,
        "name": match.skill.name,
        "category": match.skill.category,
        "evidence": [_evidence_to_dict(e, complete) for e in match.evidence[:max_evidence]],
    }


def _evidence_to_dict(evidence: Evidence, complete: bool) -> dict[str, Any]:
    if complete:
        return {
            "text": evidence.text,
            "page": evidence.page,
            "section": evidence.section,
            "term": evidence.term,
            "start": evidence.start,
            "end": evidence.end,
        }
    return {"text": evidence.text, "page": evidence.page, "section": evidence.section}


_COMPLETE_EVIDENCE = frozenset(("text", "term", "page", "section", "start", "end"))
_new_object = object.__new__


def _evidence(data: dict[str, Any]) -> Evidence:
    if data.keys() == _COMPLETE_EVIDENCE:
        # The complete form holds exactly the fields: set at once, not one frozen __setattr__
        # each (a thousand-file report rebuilds some forty thousand of these in one process).
        evidence: Evidence = _new_object(Evidence)
        evidence.__dict__.update(data)
        return evidence
    # Results cached before the complete form kept only text, page and section.
    return Evidence(
        data["text"], data.get("term", ""), data["page"], data["section"],
        data.get("start", 0), data.get("end", 0),
    )  # fmt: skip


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` safe for a terminal: control characters (escape sequences in a file name that
    would move the cursor or retitle the window) shown as ``?``."""
    return _CONTROL.sub("?", text)
