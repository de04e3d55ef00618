"""The worker pool: a file that hangs, crashes or wants too much memory fails alone."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

import pytest

from helpers import write
from resume_match.screen import screen
from screen_fakes import STRONG, crash_on_name, hog_on_name, slow_on_name


def test_a_hanging_file_is_stopped_and_the_batch_goes_on(tmp_path: Path) -> None:
    for name in ("a.txt", "slow.txt", "z.txt"):
        write(tmp_path, name, STRONG)
    report = screen(
        [tmp_path], fold_same_documents=False, jobs=1, timeout=1, check_function=slow_on_name
    )
    status = {c.name: (c.main.status, c.main.reason) for c in report.candidates}
    assert status["slow.txt"][0] == "error"
    assert status["slow.txt"][1].startswith("timed out after 1 s")
    assert status["a.txt"][0] == status["z.txt"][0] == "ok"
    assert report.failed == 1
    assert multiprocessing.active_children() == []


def test_a_crashing_worker_is_replaced(tmp_path: Path) -> None:
    for name in ("a.txt", "crash1.txt", "crash2.txt", "z.txt"):
        write(tmp_path, name, STRONG)
    report = screen([tmp_path], fold_same_documents=False, jobs=1, check_function=crash_on_name)
    status = {c.name: (c.main.status, c.main.reason) for c in report.candidates}
    assert (
        status["crash1.txt"] == status["crash2.txt"] == ("error", "the reader crashed on this file")
    )
    assert status["a.txt"][0] == status["z.txt"][0] == "ok"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_a_file_that_wants_too_much_memory_fails_alone(tmp_path: Path) -> None:
    for name in ("a.txt", "hog.txt"):
        write(tmp_path, name, STRONG)
    report = screen([tmp_path], jobs=1, check_function=hog_on_name)
    status = {c.name: (c.main.status, c.main.reason) for c in report.candidates}
    assert status["a.txt"][0] == "ok"
    assert status["hog.txt"] == (
        "error",
        "needs more than the 1,024 MB memory limit; it may be damaged or built to exhaust readers",
    )
