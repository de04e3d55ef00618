"""Batch faults: files that change under the screen, a damaged cache, output that cannot be
written, a screen killed mid-run, and text that could attack a spreadsheet or a terminal."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import resume_match.screen.run as screen_run
from builders.invisible import OWN_PROPERTY_TECHNIQUES
from resume_match.cache import ResultCache
from resume_match.cli import cli
from resume_match.screen import Discovery, defuse_formula, screen
from screen_fakes import STRONG, WEAK, broken_render, rewrite_on_name

pytestmark = pytest.mark.timeout(120)
REPO = Path(__file__).resolve().parents[2]


def _scores(report: object) -> dict[str, float | None]:
    return {r.main.file.rsplit("/", 1)[-1]: r.main.score for r in report.candidates}  # type: ignore[attr-defined]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_file_replaced_by_a_fifo_after_discovery_does_not_hang_the_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(STRONG, encoding="utf-8")
    (folder / "pipe.txt").write_text(WEAK, encoding="utf-8")
    real = screen_run.discover

    def then_swap(*args: object) -> Discovery:
        found = real(*args)  # type: ignore[arg-type]
        (folder / "pipe.txt").unlink()
        os.mkfifo(folder / "pipe.txt")
        return found

    monkeypatch.setattr(screen_run, "discover", then_swap)
    with ResultCache(tmp_path / "cache.sqlite3") as cache:
        report = screen([folder], jobs=1, cache=cache)
    reasons = {Path(r.main.file).name: r.main.reason for r in report.candidates}
    assert reasons["pipe.txt"] == "is not a regular file (a pipe or a device?); give a file"
    assert reasons["good.txt"] == ""


def test_a_file_rewritten_during_the_run_is_not_cached_under_its_old_bytes(
    tmp_path: Path,
) -> None:
    first = tmp_path / "first"
    first.mkdir()
    (first / "rewrite-me.txt").write_text(WEAK, encoding="utf-8")
    second = tmp_path / "second"
    second.mkdir()
    (second / "same-bytes-as-before.txt").write_text(WEAK, encoding="utf-8")
    with ResultCache(tmp_path / "cache.sqlite3") as cache:
        screen([first], jobs=1, cache=cache, check_function=rewrite_on_name)
        later = screen([second], jobs=1, cache=cache, check_function=rewrite_on_name)
    fresh = screen([second], jobs=1, check_function=rewrite_on_name)
    assert later.cached == 0
    assert _scores(later) == _scores(fresh)


def test_a_bug_in_the_pdf_visibility_check_fails_that_file_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    """A fault in the check is not a page pdfium could not judge: the file is a row that names
    the error, not a file read less carefully in silence."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(STRONG, encoding="utf-8")
    (folder / "stuffed.pdf").write_bytes(OWN_PROPERTY_TECHNIQUES[0].build())
    report = screen([folder], jobs=1, check_function=broken_render)
    reasons = {Path(r.main.file).name: r.main.reason for r in report.candidates}
    assert reasons["stuffed.pdf"].startswith("could not be read (AttributeError)")
    assert reasons["good.txt"] == ""


def test_cache_rows_that_decode_but_lack_fields_are_read_again_with_a_warning(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "strong.txt").write_text(STRONG, encoding="utf-8")
    path = tmp_path / "cache.sqlite3"
    with ResultCache(path) as cache:
        first = screen([folder], jobs=1, cache=cache)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE results SET value = ?", (zlib.compress(b'{"status": "ok"}'),))
    with ResultCache(path) as cache:
        again = screen([folder], jobs=1, cache=cache)
    assert again.cached == 0
    assert "the cache held 1 damaged result(s); those files were read again" in again.warnings
    assert _scores(again) == _scores(first)


def test_out_that_cannot_be_written_fails_before_the_work(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "strong.txt").write_text(STRONG, encoding="utf-8")

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("resume_match.screen.output.os.fsync", full)
    out = tmp_path / "report.csv"
    result = runner.invoke(cli, ["screen", str(folder), "--no-cache", "--out", str(out)])
    assert result.exit_code == 2  # a bad --out, like a missing folder
    assert result.stderr == (f"error: {out}: cannot be written (No space left on device)\n")
    assert not out.exists()
    assert list(tmp_path.glob(".report.csv.*")) == []


@pytest.mark.parametrize(
    "command",
    [
        ["check", "samples/psr-strong-resume.docx", "--format", "json"],
        ["screen", "samples", "--no-cache"],
    ],
    ids=["check-json", "screen-table"],
)
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_to_a_full_disk_is_an_error_not_a_cut_file(command: list[str]) -> None:
    with open("/dev/full", "w") as full:  # noqa: PTH123 - a device, not a file
        done = subprocess.run(
            [sys.executable, "-m", "resume_match", *command],
            cwd=REPO,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO / "src")},
            timeout=100,
        )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == (
        "error: the output could not be written (No space left on device)"
    )


@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_screen_killed_mid_run_leaves_no_worker_traceback(
    sent: signal.Signals, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(400):
        (folder / f"resume-{index:03}.txt").write_text(f"{STRONG}\nNumber {index}\n")
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "resume_match", "screen", str(folder), "--no-cache", "-j", "2"],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        )
        time.sleep(6)
        process.send_signal(sent)
        process.wait(timeout=30)
        time.sleep(4)  # the workers notice that their screen is gone
    assert "Traceback" not in errors.read_text()


@pytest.mark.parametrize(
    "cell", ["=1+1", "\n=HYPERLINK(1)", " =1+1", "\t@SUM(A1)", "\r\n+1", "   -2+3"]
)
def test_csv_cells_that_a_spreadsheet_would_run_are_defused(cell: str) -> None:
    assert defuse_formula(cell) == f"'{cell}"


@pytest.mark.parametrize("cell", ["Jane Roe", "HIPAA; Epic", "a = b"])
def test_ordinary_csv_cells_are_kept(cell: str) -> None:
    assert defuse_formula(cell) == cell
