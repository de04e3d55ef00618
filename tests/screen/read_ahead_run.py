"""Run a screen in a fresh process whose matcher takes a second more to build, so that its
readers are sure to read while it builds; print what came of it as JSON.

A fresh process because the readers are forked, and a test process may hold threads (then the
pool rightly forks nothing). Files named slow*, crash* and hog* hang, kill their reader and ask
for 3 GB while they are read ahead; each file read ahead leaves its name in the log.

    python read_ahead_run.py FOLDER LOG JOBS TIMEOUT [interrupt|break]
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from resume_match.api import Checker
from resume_match.errors import ScreeningError
from resume_match.model import Document, DocumentResult
from resume_match.screen import screen

_read = Checker.read
_matcher = Checker.matcher


def main(folder: str, log: str, jobs: str, timeout: str, fault: str = "") -> None:
    parent = os.getpid()

    def matcher(self: Checker) -> Any:
        if os.getpid() == parent and self._matcher is None:
            time.sleep(1.5)
            if fault == "interrupt":
                raise KeyboardInterrupt
            if fault == "break":
                raise RuntimeError("no spaCy here")
        return _matcher.fget(self)  # type: ignore[attr-defined]

    def read(self: Checker, path: Path | str) -> Document | DocumentResult:
        name = Path(path).name
        with Path(log).open("a") as handle:
            handle.write(f"{name}\n")
        if name.startswith("slow"):
            time.sleep(60)
        if name.startswith("crash"):
            os._exit(3)
        if name.startswith("hog"):
            bytearray(3 * 1024**3)
        return _read(self, path)

    Checker.matcher = property(matcher)  # type: ignore[method-assign,assignment]
    Checker.read = read  # type: ignore[method-assign]
    outcome: dict[str, Any] = {"threads": threading.active_count()}
    try:
        report = screen(
            [Path(folder)], jobs=int(jobs), timeout=float(timeout), fold_same_documents=False
        )
        outcome["results"] = {
            c.name: [c.main.status, c.main.score, c.main.reason] for c in report.candidates
        }
    except KeyboardInterrupt:
        outcome["error"] = "KeyboardInterrupt"
    except ScreeningError as error:
        outcome["error"] = error.message
    outcome["children"] = len(multiprocessing.active_children())
    print(json.dumps(outcome))


if __name__ == "__main__":
    main(*sys.argv[1:])
