"""Files read while the matcher is still being built: the same results, and the same guarantees
(a time limit, a crash or a memory hog takes only its file, Ctrl-C leaves no worker)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import write
from resume_match.samples import sample_paths
from resume_match.screen import screen
from screen_fakes import STRONG, WEAK

pytestmark = [
    pytest.mark.timeout(120),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="readers are forked"),
]
HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"


def _read_ahead(folder: Path, log: Path, timeout: float = 30, fault: str = "") -> Any:
    """What ``read_ahead_run.py`` says of a two-worker screen of ``folder`` (its matcher slow)."""
    script = str(HERE / "read_ahead_run.py")
    done = subprocess.run(
        [sys.executable, script, str(folder), str(log), "2", str(timeout), fault],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(HERE)])},
        timeout=100,
    )
    outcome = json.loads(done.stdout)
    assert outcome.pop("threads") == 1
    return outcome


def test_files_read_ahead_give_the_results_of_a_single_worker(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sample_paths():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    write(folder, "weak.txt", WEAK)
    write(folder, "empty.txt", "")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a PDF")
    report = screen([folder], fold_same_documents=False, jobs=1)
    alone = {c.name: [c.main.status, c.main.score, c.main.reason] for c in report.candidates}
    log = tmp_path / "read.log"
    assert _read_ahead(folder, log) == {"results": alone, "children": 0}
    assert log.read_text().split(), "no file was read ahead"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("slow.txt", "timed out after 1 s; the file may be damaged or hostile"),
        ("crash.txt", "the reader crashed on this file"),
        (
            "hog.txt",
            "needs more than the 1,024 MB memory limit; it may be damaged or built to exhaust"
            " readers",
        ),
    ],
)
def test_a_file_that_fails_its_reader_fails_alone(name: str, reason: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # The bad file is the largest, so the reader takes it first and the others after it.
    write(folder, name, STRONG + "\n" * 200)
    for index in range(6):
        write(folder, f"r{index}.txt", STRONG)
    log = tmp_path / "read.log"
    outcome = _read_ahead(folder, log, timeout=1)
    assert log.read_text().split()[0] == name
    results = outcome["results"]
    assert results.pop(name) == ["error", None, reason]
    assert {status for status, _, _ in results.values()} == {"ok"}
    assert outcome["children"] == 0


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("interrupt", "KeyboardInterrupt"),
        ("break", "a worker process could not start: RuntimeError: no spaCy here"),
    ],
)
def test_a_build_interrupted_or_failed_leaves_no_reader(
    fault: str, error: str, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(4):
        write(folder, f"r{index}.txt", STRONG)
    log = tmp_path / "read.log"
    assert _read_ahead(folder, log, fault=fault) == {"error": error, "children": 0}


def test_a_reader_keeps_reading_while_nobody_listens(tmp_path: Path) -> None:
    """What a reader read waits in its pipe until the matcher is built: a pipe with the system's
    default room held some forty small files, and the reader sat idle for the rest of the
    build. All of these should be read ahead, with the results of one worker."""
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(200):
        write(folder, f"r{index:03}.txt", STRONG if index % 2 else WEAK)
    report = screen([folder], fold_same_documents=False, jobs=1)
    alone = {c.name: [c.main.status, c.main.score, c.main.reason] for c in report.candidates}
    log = tmp_path / "read.log"
    assert _read_ahead(folder, log) == {"results": alone, "children": 0}
    assert len(log.read_text().split()) >= 150
