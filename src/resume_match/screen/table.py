"""Text for people: the ranked table and the one-line summary."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable, Iterator

from ..report import printable
from .discover import SkippedFile
from .pairing import Candidate
from .shortlist import CandidateResult, ScreenReport

_GAP = 2
_INDENT = 6
_NAME_ROOM = 28
_DETAIL_ROOM = 36


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
    if report.duplicates:
        line += f"; {report.duplicates} file(s) held the same document as another, listed with it"
    if report.skipped:
        line += f"; skipped {skipped_summary(report.skipped)}"
    if report.shortlist.active:
        line += f"; shortlisted {report.shortlisted_count}"
    return line


def render_table(report: ScreenReport, width: int = 100) -> str:
    """The ranked shortlist, then the candidates that could not be scored, in ``width`` columns.

    Every line fits (from 40 columns). Columns by priority: rank, candidate, fit (when ranked by
    a posting or a level), score, status, then
    the sub-scores and the top missing skills (or why a file was not scored). When the missing
    skills would get too little room beside the rest, they go on a line of their own under the
    candidate; below about 60 columns the sub-scores are left out.
    """
    return "".join(table_lines(report, width))


def table_lines(report: ScreenReport, width: int = 100) -> Iterator[str]:
    """:func:`render_table` line by line (each ends in a newline), for a screen of any size.

    Two passes over the candidates (widths, then rows), so none is kept in between.
    """
    table = Table(report, width)
    yield from table.head()
    if table.empty:
        return
    for result in report.candidates:
        yield from table.rows(result)
    yield from table.tail()


class Table:
    """The table's layout, from the report's outline (or a pass over its candidates), and its
    lines: the head, then each candidate's rows as it is given, then the tail.

    Rows come one candidate at a time, so whoever reads the candidates for another reason (a
    report writer) can print the table on the way without reading them again.
    """

    def __init__(self, report: ScreenReport, width: int = 100) -> None:
        outline = (
            report.outline()
            if report.outline is not None
            else ((row.candidate, _status(row)) for row in report.candidates if _shown(row))
        )
        longest, status_width, starred, empty = 9, 6, False, True
        for candidate, status in outline:
            empty = False
            longest = max(longest, len(printable(_named(candidate))))
            status_width = max(status_width, len(status))
            starred = starred or status == "ok*"
        self.empty = empty
        self.starred = starred
        self.width = width
        self.fit = report.shortlist.rank_by is not None
        scores = 1 + self.fit
        self.subscores = width - (4 + (scores + 2) * (_GAP + 5) + 2 * _GAP + status_width) >= min(
            longest, 12
        )
        numbers = (scores + 2 * self.subscores) * (_GAP + 5)
        fixed = 4 + _GAP + numbers + _GAP + status_width
        self.wide = width - fixed - _GAP - min(longest, _NAME_ROOM) >= _DETAIL_ROOM
        if self.wide:
            flexible = width - fixed - _GAP
            self.name_width = min(longest, max(_NAME_ROOM, flexible // 2), flexible - _DETAIL_ROOM)
            self.detail_width = flexible - self.name_width
        else:
            self.name_width = max(9, min(longest, width - fixed))
            self.detail_width = 0

    def head(self) -> Iterator[str]:
        """The header line, or the line that says no candidate is shown."""
        if self.empty:
            yield "No candidate passed the shortlist filters.\n"
            return
        gap = " " * _GAP
        header = f"{'#':>4}{gap}{'candidate':<{self.name_width}}{gap}"
        header += (f"  fit{gap}" if self.fit else "") + "score"
        header += f"{gap} tech{gap} soft" if self.subscores else ""
        header += f"{gap}{'top missing skills':<{self.detail_width}}" if self.wide else ""
        yield f"{header}{gap}status".rstrip() + "\n"

    def rows(self, result: CandidateResult) -> Iterator[str]:
        """The lines of one candidate: none when it is scored but not shortlisted."""
        if self.empty or not _shown(result):
            return
        gap = " " * _GAP
        main = result.main
        name = printable(_with_copies(result))
        status = _status(result)
        detail = printable(_detail(result))
        line = f"{result.rank or '-':>4}{gap}{_fit_name(name, self.name_width):<{self.name_width}}"
        line += gap + (f"{_column(result.fit)}{gap}" if self.fit else "") + _column(main.score)
        if self.subscores:
            line += f"{gap}{_column(main.technical_score)}{gap}{_column(main.soft_score)}"
        if self.wide:
            shown = textwrap.shorten(detail, self.detail_width, placeholder="...")
            line += f"{gap}{shown:<{self.detail_width}}"
        yield f"{line}{gap}{status}".rstrip() + "\n"
        if not self.wide and detail != "-":
            label = "missing: " if main.ok else ""
            room = max(10, self.width - _INDENT)
            text = textwrap.shorten(label + detail, room, placeholder="...")
            yield (" " * _INDENT + text).rstrip() + "\n"

    def tail(self) -> Iterator[str]:
        """The note under a table with ``ok*`` rows."""
        if self.starred and not self.empty:
            note = "ok*: scored without a document that could not be read (see the report)"
            yield from (line.rstrip() + "\n" for line in textwrap.wrap(note, max(20, self.width)))


def _shown(result: CandidateResult) -> bool:
    return result.shortlisted or not result.main.ok


def _with_copies(result: CandidateResult) -> str:
    return _named(result.candidate)


def _named(candidate: Candidate) -> str:
    copies = len(candidate.duplicates)
    return f"{candidate.name} (+{copies} copy)" if copies else candidate.name


def _status(result: CandidateResult) -> str:
    if not result.main.ok:
        return result.main.status
    return "ok*" if any(not d.ok for d in result.documents) else "ok"


def _detail(result: CandidateResult) -> str:
    main = result.main
    if not main.ok:
        return main.reason
    return "; ".join(s.name for s in main.missing[:3]) or "-"


def _fit_name(name: str, width: int) -> str:
    """The whole name, or its start and end around "..." (the end tells files apart)."""
    if len(name) <= width:
        return name
    keep = width - 3
    return f"{name[: keep - keep // 3]}...{name[len(name) - keep // 3 :]}"


def _column(value: float | None) -> str:
    return f"{value:5.1f}" if value is not None else f"{'-':>5}"
