"""Files read while the matcher is still being built: the same results, and the same guarantees
(a time limit, a crash or a memory hog takes only its file, Ctrl-C leaves no worker)."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers import write
from resume_match.api import Checker
from resume_match.errors import ScreeningError
from resume_match.model import Document, DocumentResult
from resume_match.samples import sample_paths
from resume_match.screen import screen
from screen_fakes import STRONG, WEAK

pytestmark = [
    pytest.mark.timeout(120),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="readers need fork"),
]
_read = Checker.read
_matcher = Checker.matcher


def _slow_build(monkeypatch: pytest.MonkeyPatch, then: Callable[[], None] | None = None) -> None:
    """The screen's own process takes a second more to build its matcher (or ``then`` raises),
    so its readers are sure to read while it builds."""
    parent = os.getpid()

    def matcher(self: Checker) -> Any:
        if os.getpid() == parent and self._matcher is None:
            time.sleep(1.5)
            if then is not None:
                then()
        return _matcher.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(Checker, "matcher", property(matcher))


def _reads_logged(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Each file read ahead leaves its name in ``log``; files named slow*, crash* and hog*
    hang, kill their reader and ask for 3 GB."""

    def read(self: Checker, path: Path | str) -> Document | DocumentResult:
        name = Path(path).name
        with log.open("a") as handle:
            handle.write(f"{name}\n")
        if name.startswith("slow"):
            time.sleep(60)
        if name.startswith("crash"):
            os._exit(3)
        if name.startswith("hog"):
            bytearray(3 * 1024**3)
        return _read(self, path)

    monkeypatch.setattr(Checker, "read", read)


def _results(folder: Path, **options: Any) -> dict[str, tuple[str, float | None, str]]:
    report = screen([folder], fold_same_documents=False, **options)
    return {c.name: (c.main.status, c.main.score, c.main.reason) for c in report.candidates}


def test_files_read_ahead_give_the_results_of_a_single_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sample_paths():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    write(folder, "weak.txt", WEAK)
    write(folder, "empty.txt", "")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a PDF")
    alone = _results(folder, jobs=1)
    log = tmp_path / "read.log"
    _slow_build(monkeypatch)
    _reads_logged(monkeypatch, log)
    assert _results(folder, jobs=2) == alone
    assert log.read_text().split(), "no file was read ahead"
    assert multiprocessing.active_children() == []


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
def test_a_file_that_fails_its_reader_fails_alone(
    name: str, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # The bad file is the largest, so the reader takes it first and the others after it.
    write(folder, name, STRONG + "\n" * 200)
    for index in range(6):
        write(folder, f"r{index}.txt", STRONG)
    log = tmp_path / "read.log"
    _slow_build(monkeypatch)
    _reads_logged(monkeypatch, log)
    results = _results(folder, jobs=2, timeout=1)
    assert log.read_text().split()[0] == name
    assert results.pop(name) == ("error", None, reason)
    assert {status for status, _, _ in results.values()} == {"ok"}
    assert multiprocessing.active_children() == []


def test_ctrl_c_while_the_matcher_is_built_leaves_no_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for index in range(4):
        write(tmp_path, f"r{index}.txt", STRONG)

    def interrupt() -> None:
        raise KeyboardInterrupt

    _slow_build(monkeypatch, interrupt)
    with pytest.raises(KeyboardInterrupt):
        screen([tmp_path], jobs=2)
    assert multiprocessing.active_children() == []


def test_a_matcher_that_cannot_be_built_stops_the_readers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for index in range(4):
        write(tmp_path, f"r{index}.txt", STRONG)

    def broken() -> None:
        raise RuntimeError("no spaCy here")

    _slow_build(monkeypatch, broken)
    with pytest.raises(ScreeningError, match="could not start: RuntimeError: no spaCy here"):
        screen([tmp_path], jobs=2)
    assert multiprocessing.active_children() == []
