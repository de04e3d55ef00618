"""How the command line ends: at once once its output is out, with nothing of the run left over.

The console entry point leaves without the interpreter's teardown, after the exit handlers ran
and standard output and error were flushed; these run it as a user does, in a fresh process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str, temporary: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resume_match", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src"), "TMPDIR": str(temporary)},
        timeout=120,
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_screen_ends_with_its_whole_output_its_status_and_no_run_folder(
    tmp_path: Path, jobs: str
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    out = tmp_path / "report.json"
    command = ("screen", "samples", "--no-cache", "-j", jobs, "--out", str(out))
    done = _run(*command, temporary=temporary)
    assert done.returncode == 4  # the samples' README is not a resume
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines()[-1].split()[-1] == "not-a-resume"
    assert done.stderr.splitlines()[-1].endswith("(exit status 4)")
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["files"] == 7
    assert list(temporary.iterdir()) == []


def test_usage_errors_and_messages_keep_their_status(tmp_path: Path) -> None:
    done = _run("screen", "--jobs", "0", "samples", temporary=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "--jobs" in done.stderr
    help_text = _run("--help", temporary=tmp_path)
    assert help_text.returncode == 0
    assert help_text.stdout.startswith("Usage:")
