"""The codec: a result to JSON and back, exactly, in the form the workers and the cache use."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import STRONG_RESUME, write
from resume_match.api import Checker
from resume_match.report import result_from_dict, result_to_dict


def test_the_complete_form_round_trips_exactly(tmp_path: Path, checker: Checker) -> None:
    result = checker.check_document(write(tmp_path, "resume.txt", STRONG_RESUME))
    assert result.ok and result.matched
    data = json.loads(json.dumps(result_to_dict(result, complete=True)))
    assert result_from_dict(data, checker.taxonomy) == result


def test_a_refusal_round_trips_exactly(tmp_path: Path, checker: Checker) -> None:
    result = checker.check_document(write(tmp_path, "short.txt", "Jordan Lee"))
    assert not result.ok
    data = result_to_dict(result, complete=True)
    assert result_from_dict(data, checker.taxonomy) == result


def test_the_report_form_keeps_the_schema(tmp_path: Path, checker: Checker) -> None:
    result = checker.check_document(write(tmp_path, "resume.txt", STRONG_RESUME))
    data = result_to_dict(result)
    assert "kind" not in data and "pages" not in data
    evidence = data["matched"][0]["evidence"][0]
    assert list(evidence) == ["text", "page", "section"]
