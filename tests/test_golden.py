"""Golden JSON for the shipped samples: any change in reading, matching or scoring shows here.

Regenerate after an intended change with
``RESUME_MATCH_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff like code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from resume_match.api import Checker
from resume_match.report import result_to_dict
from resume_match.samples import sample_paths, samples_dir

GOLDEN = Path(__file__).parent / "data" / "golden"
SAMPLES = sample_paths()


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_matches_golden(checker: Checker, path: Path) -> None:
    data = result_to_dict(checker.check_document(path))
    data["file"] = path.name
    golden = GOLDEN / f"{path.name}.json"
    if os.environ.get("RESUME_MATCH_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert data == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", ["psr-strong-resume", "psr-weak-resume", "psr-cover-letter"])
def test_pdf_and_docx_of_one_document_find_the_same_skills(checker: Checker, stem: str) -> None:
    found = [
        {m.skill.id for m in checker.check_document(samples_dir() / f"{stem}.{ext}").matched}
        for ext in ("pdf", "docx")
    ]
    assert found[0] == found[1]


def test_samples_ship_and_rank_as_intended(checker: Checker) -> None:
    assert {p.name for p in SAMPLES} >= {
        "psr-strong-resume.pdf",
        "psr-strong-resume.docx",
        "psr-weak-resume.pdf",
        "psr-weak-resume.docx",
        "psr-cover-letter.pdf",
        "psr-cover-letter.docx",
    }
    strong = checker.check_document(samples_dir() / "psr-strong-resume.pdf").score or 0
    weak = checker.check_document(samples_dir() / "psr-weak-resume.pdf").score or 0
    assert strong >= 90 and weak <= 30
