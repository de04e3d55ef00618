"""PDF reading: columns, repeated margins, hyphens, hidden text, with both engines."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import make_pdf
from resume_match.reading import ReadOptions, read_document

FILLER = [f"Handled front desk duty number {i} for a busy outpatient clinic." for i in range(12)]
LEFT = [
    "SKILLS",
    "Epic",
    "Cerner",
    "HIPAA",
    "Medical terminology",
    "Data entry",
    "Scheduling",
    "Billing",
]
RIGHT = [
    "EXPERIENCE",
    "Front Desk Lead, Valley Clinic",
    "Verified insurance eligibility for all patients",
    "Answered a twelve line phone system daily",
    "Collected co-pays and balanced the drawer",
    "Registered new patients at check-in",
    "Scheduled follow-up appointments for providers",
    "Trained three new representatives",
]


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_two_columns_are_read_column_by_column(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "two-column.pdf"
    make_pdf(path, columns=[LEFT, RIGHT], banner=["Jane Roe", "Patient Service Representative"])
    text = read_document(path, ReadOptions(pdf_engine=engine)).text
    lines = text.splitlines()
    assert lines[:2] == ["Jane Roe", "Patient Service Representative"]
    assert "\n".join(LEFT) in text
    assert "\n".join(RIGHT) in text


def test_repeated_header_is_kept_once_and_page_numbers_dropped(tmp_path: Path) -> None:
    path = tmp_path / "header.pdf"
    make_pdf(path, FILLER * 6, header="Jane Roe - Resume", footer="Page 1 of 3", pages=3)
    document = read_document(path)
    assert len(document.pages) >= 2
    assert document.text.count("Jane Roe - Resume") == 1
    assert "Page 1 of 3" not in document.text


def test_hyphenated_word_is_joined_and_ligature_folded(tmp_path: Path) -> None:
    path = tmp_path / "hyphen.pdf"
    make_pdf(path, ["Completed insurance ﬁling and", *FILLER], hyphenate=[("veri", "fication")])
    text = read_document(path).text
    assert "verification" in text
    assert "filing" in text


@pytest.mark.parametrize("mode", ["white", "tiny", "offpage"])
def test_hidden_pdf_text_is_flagged_and_not_read(tmp_path: Path, mode: str) -> None:
    path = tmp_path / f"hidden-{mode}.pdf"
    make_pdf(path, FILLER, hidden=["Epic Cerner HIPAA insurance verification"], hidden_mode=mode)
    document = read_document(path)
    assert "Cerner" not in document.text
    assert [flag.kind for flag in document.flags] == ["hidden-text"]
    assert "Cerner" in document.hidden_text


def test_the_pdf_read_is_the_one_the_guard_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file replaced between the guard's look and the parse is not read in its new form."""
    import resume_match.reading.pdfguard as pdfguard

    path = tmp_path / "swapped.pdf"
    make_pdf(path, ["Checked text about front desk duty", *FILLER])
    other = tmp_path / "other.pdf"
    make_pdf(other, ["Swapped text about billing codes", *FILLER])
    checked = pdfguard.check_pdf

    def check_then_swap(data: bytes, *limits: int) -> bool:
        marked = checked(data, *limits)
        path.write_bytes(other.read_bytes())
        return marked

    monkeypatch.setattr(pdfguard, "check_pdf", check_then_swap)
    text = read_document(path, ReadOptions(isolate=False)).text
    assert "Checked text" in text
    assert "Swapped text" not in text
