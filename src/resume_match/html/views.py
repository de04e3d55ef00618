"""The shortlist page's data, computed from the screen report's JSON rows (``candidate_to_dict``).

Each candidate's part is kept small (first quote per skill, shortened; missing skills by name) so
a page of thousands of candidates stays a few megabytes; the full evidence is in the JSON report.
"""

from __future__ import annotations

import statistics
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

QUOTE_WIDTH = 100
BINS = 10


def main_result(row: Mapping[str, Any]) -> Mapping[str, Any]:
    """The result that ranks a candidate: the combined one when there is a cover letter."""
    combined: Mapping[str, Any] | None = row.get("combined")
    return combined if combined is not None else row


def candidate_files(row: Mapping[str, Any]) -> list[dict[str, str]]:
    """The candidate's documents, each with its role, file, status and reason."""
    if "combined" not in row:
        files = [_file("document", row)]
    else:
        files = [_file("resume", row["resume"]), _file("cover letter", row["cover_letter"])]
    same = [{"role": "same document", "file": str(f), "status": "ok", "reason": ""}
            for f in row.get("duplicates", [])]  # fmt: skip
    return files + same


def shortlist_view(
    candidates: Sequence[Mapping[str, Any]],
    skills: Sequence[Mapping[str, Any]],
    summary: Mapping[str, Any],
    skipped: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """Everything the shortlist template shows.

    Args:
        candidates: ``candidate_to_dict`` rows in rank order.
        skills: the taxonomy's core skills as dicts (``id``, ``name``, ``category``,
            ``keyword``, ``hint``), in taxonomy order: the grid's columns.
        summary: ``report_summary``'s counts and filters.
        skipped: listed skipped paths as dicts with ``file``, ``kind`` and ``reason``.
    """
    rows = [_candidate(index, row, skills) for index, row in enumerate(candidates, start=1)]
    scored = [r for r in rows if r["score"] is not None]
    pool = []
    for skill in skills:
        count = sum(1 for r in scored if skill["id"] in r["found_ids"])
        share = 100.0 * count / len(scored) if scored else 0.0
        pool.append({**skill, "count": count, "share": share})
    scores = [r["score"] for r in scored]
    return {
        "candidates": rows,
        "skills": list(skills),
        "pool": pool,
        "summary": summary,
        "distribution": _distribution(scores),
        "median": statistics.median(scores) if scores else None,
        "scored": len(scored),
        "has_fit": any("fit" in row for row in candidates),
        "shortlisted": sum(1 for r in rows if r["shortlisted"]),
        "skipped": list(skipped),
    }


def _candidate(
    index: int, row: Mapping[str, Any], skills: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    main = main_result(row)
    files = candidate_files(row)
    ok = main.get("status") == "ok"
    found = {m["id"]: m for m in main.get("matched", [])} if ok else {}
    partial = ok and any(f["status"] != "ok" for f in files)
    return {
        "key": f"c{index}",
        "name": row["candidate"],
        "rank": row.get("rank"),
        "shortlisted": bool(row.get("shortlisted")),
        "filtered_out": row.get("filtered_out") or "",
        "status": main.get("status", "error"),
        "status_label": "ok*" if partial else main.get("status", "error"),
        "reason": main.get("reason") or "",
        "fit": row.get("fit") if ok else None,
        "score": main.get("score") if ok else None,
        "technical_score": main.get("technical_score") if ok else None,
        "soft_score": main.get("soft_score") if ok else None,
        "found_ids": set(found),
        "found_count": len(found),
        "core_count": len(skills),
        "found": [
            {
                "name": m["name"],
                "quote": _quote(m["evidence"][0]["text"]) if m.get("evidence") else "",
                "where": _where(m["evidence"][0]) if m.get("evidence") else "",
            }
            for m in found.values()
        ],
        "missing": [s["name"] for s in main.get("missing", [])] if ok else [],
        "flags": list(dict.fromkeys(f["kind"] for f in main.get("flags", []))),
        "files": files,
    }


def _file(role: str, result: Mapping[str, Any]) -> dict[str, str]:
    return {
        "role": role,
        "file": str(result.get("file", "")),
        "status": str(result.get("status", "")),
        "reason": str(result.get("reason") or ""),
    }


def _quote(text: str) -> str:
    return textwrap.shorten(text, width=QUOTE_WIDTH, placeholder="...")


def _where(evidence: Mapping[str, Any]) -> str:
    return f"p{evidence.get('page', '?')}, {evidence.get('section', '')}"


def _distribution(scores: Sequence[float]) -> list[dict[str, Any]]:
    """Counts of scores in ten-point bins (the last includes 100), for a bar per bin."""
    counts = [0] * BINS
    for score in scores:
        counts[min(int(score // (100 / BINS)), BINS - 1)] += 1
    most = max(counts) if scores else 0
    step = 100 // BINS
    return [
        {
            "label": f"{low}\u2013{low + step - 1 if low + step < 100 else 100}",
            "count": count,
            "width": 100.0 * count / most if most else 0.0,
        }
        for low, count in zip(range(0, 100, step), counts, strict=True)
    ]
