"""The table for people and the report file from one reading of the candidates.

Each candidate's result is decoded from the run's store whenever it is read; the table and the
report writer reading them one after the other decoded every result twice, a third of what the
screen's one process does after the last file. Here the report writer reads them and the table's
rows are printed as they pass, so the output is the same, in the same order, for half the work.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from typing import overload

from ..errors import ScreeningError
from .discover import FilePath
from .output import write_report
from .shortlist import CandidateResult, ScreenReport
from .table import Table


def print_and_write(
    report: ScreenReport, out: FilePath | None, emit: Callable[[str], object], width: int = 100
) -> None:
    """Give every line of :func:`~.table.table_lines` to ``emit``, and write the report to
    ``out`` (when given) as :func:`~.output.write_report` does.

    The whole table is given first when the report cannot be written, as when the two are made
    one after the other; an interruption leaves the table part-printed and no report.

    Raises:
        ScreeningError: as :func:`~.output.write_report`.
    """
    table = Table(report, width)
    for line in table.head():
        emit(line)
    if out is None or table.empty:
        if not table.empty:
            for result in report.candidates:
                for line in table.rows(result):
                    emit(line)
        for line in table.tail():
            emit(line)
        if out is not None:
            write_report(report, out)
        return
    printed = _Printing(report.candidates, table, emit)
    try:
        write_report(dataclasses.replace(report, candidates=printed), out)
    except ScreeningError:
        printed.finish()
        for line in table.tail():
            emit(line)
        raise
    printed.finish()
    for line in table.tail():
        emit(line)


class _Printing(Sequence[CandidateResult]):
    """``candidates`` whose first reading in order gives each one's table rows to ``emit``."""

    def __init__(
        self, candidates: Sequence[CandidateResult], table: Table, emit: Callable[[str], object]
    ) -> None:
        self._candidates = candidates
        self._table = table
        self._emit = emit
        self._printed = 0
        self._reading = False

    def __len__(self) -> int:
        return len(self._candidates)

    def __iter__(self) -> Iterator[CandidateResult]:
        if self._reading or self._printed:
            yield from self._candidates
            return
        self._reading = True
        for result in self._candidates:
            self._print(result)
            yield result

    def finish(self) -> None:
        """Print the rows of the candidates not read yet (all of them when none was)."""
        if self._printed < len(self._candidates):
            for result in self._candidates[self._printed :]:
                self._print(result)

    def _print(self, result: CandidateResult) -> None:
        for line in self._table.rows(result):
            self._emit(line)
        self._printed += 1

    @overload
    def __getitem__(self, index: int) -> CandidateResult: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[CandidateResult]: ...
    def __getitem__(self, index: int | slice) -> CandidateResult | Sequence[CandidateResult]:
        return self._candidates[index]
