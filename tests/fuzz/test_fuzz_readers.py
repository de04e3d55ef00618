"""The fuzzer in miniature, and every input it ever found, read again on every run."""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz_readers import REGRESSIONS, run

from helpers import assert_document_or_refusal

REGRESSION_FILES = sorted(path for path in REGRESSIONS.iterdir() if not path.name.startswith("."))


@pytest.mark.timeout(120)
def test_a_short_deterministic_fuzz_run_finds_nothing() -> None:
    stats = run(executions=300, seed=0, save=False)
    assert stats.executions == 300
    assert stats.findings == {}
    assert stats.outcomes.keys() <= {"ok", "expected"}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("path", REGRESSION_FILES, ids=[path.name for path in REGRESSION_FILES])
def test_regression_file_gives_a_document_or_a_document_error(path: Path) -> None:
    """Read in this process, on purpose: a crash here must fail the run, not hide in a child."""
    assert_document_or_refusal(path)


def test_regression_files_are_small_and_named_after_what_they_reproduce() -> None:
    for path in REGRESSION_FILES:
        assert path.stat().st_size < 50 * 1024, path.name
        assert path.suffix in {".pdf", ".docx", ".txt", ".md"}, path.name
        assert not path.name.startswith(("crash-", "hang-", "exception-")), (
            f"{path.name}: rename it after the bug it reproduces"
        )
