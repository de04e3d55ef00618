"""DOCX reading: tables, nested tables, text boxes, headers, hidden runs."""

from __future__ import annotations

from pathlib import Path

from builders import make_docx
from resume_match.reading import read_document

FILLER = [f"Handled front desk duty number {i} for a busy outpatient clinic." for i in range(12)]


def test_docx_tables_nested_tables_text_boxes_headers(tmp_path: Path) -> None:
    path = tmp_path / "layout.docx"
    make_docx(
        path,
        ["Summary paragraph about front desk work at a clinic.", *FILLER],
        table=[["Epic", "Cerner"], ["HIPAA", "Scheduling"]],
        nested_table=True,
        header="Jane Roe Header",
        footer="Jane Roe Footer",
        textbox="Text box: insurance verification",
    )
    text = read_document(path).text
    for expected in ("Epic", "Cerner", "HIPAA", "Scheduling", "Jane Roe Header", "Jane Roe Footer"):
        assert expected in text
    assert text.count("Text box: insurance verification") == 1


def test_docx_hidden_runs_are_flagged(tmp_path: Path) -> None:
    path = tmp_path / "hidden.docx"
    make_docx(
        path, FILLER, hidden_runs=["Meditech"], tiny_runs=["Allscripts"], vanish_runs=["NextGen"]
    )
    document = read_document(path)
    for word in ("Meditech", "Allscripts", "NextGen"):
        assert word not in document.text
        assert word in document.hidden_text
