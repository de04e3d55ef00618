"""The table printed while the report is written: the same lines and file, each result read once."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import overload

import pytest

from helpers import STRONG_RESUME, write
from resume_match.errors import ScreeningError
from resume_match.screen import CandidateResult, ScreenReport, screen, together, write_report
from resume_match.screen.table import table_lines


class _Counted(Sequence[CandidateResult]):
    """Candidates that count how often each one is read."""

    def __init__(self, items: Sequence[CandidateResult]) -> None:
        self.items = items
        self.reads = 0

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[CandidateResult]:
        for item in self.items:
            self.reads += 1
            yield item

    @overload
    def __getitem__(self, index: int) -> CandidateResult: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[CandidateResult]: ...
    def __getitem__(self, index: int | slice) -> CandidateResult | Sequence[CandidateResult]:
        self.reads += 1 if isinstance(index, int) else len(range(*index.indices(len(self))))
        return self.items[index]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> ScreenReport:
    folder = tmp_path_factory.mktemp("apps")
    write(folder, "alex.txt", STRONG_RESUME)
    write(folder, "blair.txt", STRONG_RESUME.replace("Jordan Lee", "Blair Moss") + "\nTeam lead\n")
    write(folder, "casey-resume.txt", STRONG_RESUME.replace("Jordan Lee", "Casey Park"))
    (folder / "casey-cover-letter.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    write(folder, "empty.txt", "")
    write(folder, "short.txt", "Front desk. Scheduling appointments.\n")
    return screen([folder], jobs=1, fold_same_documents=False)


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl", ".html"])
@pytest.mark.parametrize("width", [50, 120])
def test_same_table_and_same_file_reading_each_candidate_once(
    report: ScreenReport, tmp_path: Path, suffix: str, width: int
) -> None:
    expected_lines = list(table_lines(report, width))
    write_report(report, tmp_path / f"expected{suffix}")
    counted = _Counted(list(report.candidates))
    lines: list[str] = []
    together.print_and_write(
        dataclasses.replace(report, candidates=counted),
        tmp_path / f"got{suffix}",
        lines.append,
        width,
    )
    assert lines == expected_lines
    assert (tmp_path / f"got{suffix}").read_bytes() == (tmp_path / f"expected{suffix}").read_bytes()
    assert counted.reads == len(counted)


def test_without_a_report_file_it_prints_the_table(report: ScreenReport) -> None:
    lines: list[str] = []
    together.print_and_write(report, None, lines.append, 80)
    assert lines == list(table_lines(report, 80))
    assert any("ok*" in line for line in lines)


def test_a_report_that_cannot_be_written_still_gets_the_whole_table_first(
    report: ScreenReport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails_halfway(partial: ScreenReport, path: Path) -> None:
        for position, _ in enumerate(partial.candidates):
            if position == 1:
                raise ScreeningError("cannot be written (disk full)", path)

    monkeypatch.setattr(together, "write_report", fails_halfway)
    lines: list[str] = []
    with pytest.raises(ScreeningError, match="disk full"):
        together.print_and_write(report, tmp_path / "x.csv", lines.append, 100)
    assert lines == list(table_lines(report, 100))


def test_an_interrupted_report_leaves_no_file(
    report: ScreenReport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0

    def interrupt(line: str) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        together.print_and_write(report, tmp_path / "x.csv", interrupt, 100)
    assert list(tmp_path.iterdir()) == []
