"""Every real file in ../shared/corpus is read and scored, or gets a clear reason why not."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from resume_match.api import Checker
from resume_match.reading import Document
from resume_match.reading.normalize import normalize_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DOCUMENTS = (
    sorted(p for p in CORPUS.glob("*/*") if p.suffix.lower() in {".pdf", ".docx", ".txt"})
    if CORPUS.is_dir()
    else []
)
EXPECTED_STATUS = {
    "bj-scanned-image-only.pdf": ("no-text", "looks scanned"),
    "bj-garbled-font-encoding.pdf": ("no-text", "gibberish"),
    "fastresponse-cover-letter-template.docx": ("not-a-resume", "blank template"),
    **{
        path.name: ("not-a-resume", "job posting")
        for path in (sorted((CORPUS / "jobs").glob("*.txt")) if CORPUS.is_dir() else [])
    },
}
PSR_RESUMES = {
    "dzb-psr-resume-northwestern.pdf": 50,
    "kaggle-advocate-13342150-patient-service-rep.pdf": 60,
    "kaggle-agri-20006992-front-desk-clerk-va.pdf": 30,
}


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_file_is_scored_or_explained(checker: Checker, path: Path) -> None:
    result = checker.check_document(path)
    status, reason = EXPECTED_STATUS.get(path.name, ("ok", ""))
    assert result.status == status, result.reason
    assert reason in result.reason
    if result.ok:
        assert result.score is not None and 0 <= result.score <= 100
        for match in result.matched:
            assert match.evidence and all(e.text and e.page >= 1 for e in match.evidence)


@pytest.mark.parametrize(("name", "floor"), sorted(PSR_RESUMES.items()))
def test_real_front_office_resumes_score_well(
    checker: Checker, corpus: Path, name: str, floor: int
) -> None:
    result = checker.check_document(corpus / "pdf" / name)
    assert result.ok and (result.score or 0) >= floor


def test_unrelated_resume_scores_low(checker: Checker, corpus: Path) -> None:
    result = checker.check_document(corpus / "pdf" / "rm-template-modern-two-column.pdf")
    assert result.ok and (result.score or 0) <= 25


def test_csv_table_is_refused_with_a_reason(checker: Checker, corpus: Path) -> None:
    result = checker.check_document(corpus / "text" / "kaggle-resume-healthcare-frontoffice.csv")
    assert result.status == "error"
    assert ".csv is not a supported type" in result.reason


def test_every_csv_row_scores(checker: Checker, corpus: Path) -> None:
    csv.field_size_limit(sys.maxsize)
    with (corpus / "text" / "kaggle-resume-healthcare-frontoffice.csv").open(
        encoding="utf-8"
    ) as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 150
    scored = 0
    for row in rows:
        document = Document(Path(f"{row['id']}.txt"), "text", (normalize_text(row["text"]),))
        matches = checker.matcher.match(document)
        scored += bool(matches)
    assert scored >= 140


def test_two_column_sidebar_is_not_interleaved(checker: Checker, corpus: Path) -> None:
    from resume_match.reading import read_document

    text = read_document(corpus / "pdf" / "rm-template-modern-two-column.pdf").text
    assert (
        "Senior Software Engineer\nJan 2023 - Present\nStripe • San Francisco, CA\n• Designed"
        in text
    )


def test_banner_then_columns_then_sub_columns(corpus: Path) -> None:
    from resume_match.reading import read_document

    text = read_document(corpus / "pdf" / "bj-two-column-banner.pdf").text
    assert "usage\nEducation\nBucknell University" in text
    assert "Skills\nComputer Languages\nR English" in text
    assert "open source\ndataset and currently developing" in text
