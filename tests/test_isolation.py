"""The child process that check reads in, on functions that know nothing of resumes."""

from __future__ import annotations

import os
import sys
import time

import pytest

from resume_match import isolation
from resume_match.errors import DocumentError

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="containment needs fork")
LIMITS = isolation.Limits(seconds=2.0, memory_mb=256)


def _answer() -> int:
    return 42


def _refuse() -> int:
    raise DocumentError("is not wanted", "a.txt")


def _hang() -> int:
    time.sleep(60)
    return 0


def _abort() -> int:
    os.abort()


def _no_memory() -> int:
    raise MemoryError


def _hog() -> int:
    return len(bytearray(2 * 1024**3))


def _break() -> int:
    raise RuntimeError("unexpected")


def test_a_value_comes_back() -> None:
    assert isolation.run(_answer, LIMITS) == isolation.Outcome(value=42)


def test_an_expected_error_comes_back_with_its_path() -> None:
    outcome = isolation.run(_refuse, LIMITS, expected=(DocumentError,))
    assert isinstance(outcome.error, DocumentError)
    assert str(outcome.error) == "a.txt: is not wanted"


@pytest.mark.parametrize(
    ("function", "failure", "detail"),
    [
        (_hang, "timeout", ""),
        (_abort, "crash", "SIGABRT"),
        (_no_memory, "memory", ""),
        (_break, "exception", "RuntimeError: unexpected"),
    ],
)
def test_every_other_end_is_a_failure(function: object, failure: str, detail: str) -> None:
    outcome = isolation.run(function, isolation.Limits(seconds=1.0, memory_mb=256))  # type: ignore[arg-type]
    assert (outcome.value, outcome.failure, outcome.detail) == (None, failure, detail)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_the_memory_cap_holds() -> None:
    assert isolation.run(_hog, LIMITS).failure == "memory"
