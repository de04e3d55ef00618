"""Text for people: the ranked table and the one-line summary."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable

from ..report import printable
from .discover import SkippedFile
from .shortlist import ScreenReport


def skipped_summary(skipped: Iterable[SkippedFile]) -> str:
    """``3: 2 hidden, 1 unsupported type`` style counts by kind."""
    counts = Counter(s.kind for s in skipped)
    total = sum(counts.values())
    return f"{total}: " + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))


def summary_line(report: ScreenReport) -> str:
    """One line for stderr: files, candidates, cache use, failures, skips and the shortlist."""
    line = (
        f"screened {report.files} file(s) of {len(report.candidates)} candidate(s) in "
        f"{report.seconds:.1f} s: read {report.read}, cached {report.cached}, "
        f"failed {report.failed}"
    )
    if report.skipped:
        line += f"; skipped {skipped_summary(report.skipped)}"
    if report.shortlist.active:
        line += f"; shortlisted {len(report.shortlisted)}"
    return line


def render_table(report: ScreenReport, width: int = 100) -> str:
    """The ranked shortlist, then the candidates that could not be scored, as aligned text."""
    rows = [c for c in report.candidates if c.shortlisted or not c.main.ok]
    if not rows:
        return "No candidate passed the shortlist filters.\n"
    names = [printable(c.name) for c in rows]
    fixed = len(f"{'#':>4}  {''}  score   tech   soft  {''}  status")
    name_width = min(max(9, *map(len, names)), max(16, (width - fixed) * 3 // 5))
    rest = max(20, width - fixed - name_width)
    lines = [
        f"{'#':>4}  {'candidate':<{name_width}}  score   tech   soft  "
        f"{'top missing skills':<{rest}}  status"
    ]
    for result, name in zip(rows, names, strict=True):
        main = result.main
        if len(name) > name_width:
            keep = name_width - 3
            name = f"{name[: keep - keep // 3]}...{name[len(name) - keep // 3 :]}"
        if main.ok:
            detail = "; ".join(s.keyword for s in main.missing[:3]) or "-"
            status = "ok*" if any(not d.ok for d in result.documents) else "ok"
        else:
            detail = main.reason
            status = main.status
        detail = textwrap.shorten(printable(detail), width=rest, placeholder="...")
        lines.append(
            f"{result.rank or '-':>4}  {name:<{name_width}}  {_column(main.score)}  "
            f"{_column(main.technical_score)}  {_column(main.soft_score)}  "
            f"{detail:<{rest}}  {status}"
        )
    if any(line.endswith("ok*") for line in lines):
        lines.append("ok*: scored without a document that could not be read (see the report)")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _column(value: float | None) -> str:
    return f"{value:5.1f}" if value is not None else f"{'-':>5}"
