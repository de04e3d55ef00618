"""``check`` refuses a bad input before printing any report, and a low score is an outcome."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import STRONG_RESUME, write
from resume_match.cli import cli


@pytest.mark.parametrize("output_format", ["text", "json", "html"])
@pytest.mark.parametrize(
    ("letter", "message"),
    [("missing.txt", "no such file"), ("letter.doc", "legacy Word .doc"), ("sub", "is a folder")],
)
def test_bad_cover_letter_fails_before_any_report(
    runner: CliRunner, tmp_path: Path, output_format: str, letter: str, message: str
) -> None:
    resume = write(tmp_path, "resume.txt", STRONG_RESUME)
    (tmp_path / "sub").mkdir()
    (tmp_path / "letter.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old word")
    out = tmp_path / "report.out"
    args = ["check", str(resume), "--cover-letter", str(tmp_path / letter)]
    result = runner.invoke(cli, [*args, "--format", output_format, "--out", str(out)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {tmp_path / letter}: ") and message in result.stderr
    assert result.stderr.count("\n") == 1
    assert not out.exists()
    printed = runner.invoke(cli, [*args, "--format", output_format])
    assert printed.exit_code == 1 and printed.stdout == ""


def test_below_min_score_is_an_outcome_not_an_error(runner: CliRunner, tmp_path: Path) -> None:
    resume = write(tmp_path, "resume.txt", STRONG_RESUME)
    result = runner.invoke(cli, ["check", str(resume), "--min-score", "100"])
    assert result.exit_code == 3
    assert "Coverage" in result.stdout
    assert result.stderr.endswith("is below --min-score 100 (exit status 3)\n")
    assert "error" not in result.stderr
