"""A screen keeps its results on disk: its memory must not grow with the files' results."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from helpers import STRONG_RESUME
from resume_match.screen import screen, write_report


def _peak_kb(folder: Path, out: Path) -> float:
    tracemalloc.start()
    try:
        report = screen([folder], recursive=True, jobs=2, fold_same_documents=False)
        write_report(report, out)
        assert out.read_text(encoding="utf-8-sig").count("\n") == report.files + 1
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_memory_per_file_is_small_and_the_report_complete(tmp_path: Path) -> None:
    """Before results went to disk, a screen held ~34 KB per file until the end (68 MB here)."""
    folders = {}
    for count in (200, 2000):
        folder = folders[count] = tmp_path / f"apps-{count}"
        for index in range(count):
            sub = folder / f"batch-{index // 500}"
            sub.mkdir(parents=True, exist_ok=True)
            text = STRONG_RESUME.replace("Jordan Lee", f"Applicant {index}")
            (sub / f"applicant-{index:05}.txt").write_text(text + f"\nRef {index}\n")
    small = _peak_kb(folders[200], tmp_path / "small.csv")
    large = _peak_kb(folders[2000], tmp_path / "large.csv")
    per_file = (large - small) / 1800
    assert per_file < 5, f"{per_file:.1f} KB more per file ({small:.0f} KB -> {large:.0f} KB)"
