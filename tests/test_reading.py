"""Readers: layouts that tools like ours get wrong, built on the fly by tests/builders.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import make_docx, make_pdf
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


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "\ufeffHIPAA trained clerk\r\nwith " + "front desk work " * 10,
            "HIPAA trained clerk\nwith",
        ),
        (None, "Café résumé"),
    ],
)
def test_text_encodings(tmp_path: Path, data: str | None, expected: str) -> None:
    path = tmp_path / "resume.txt"
    if data is None:
        path.write_bytes(("Café résumé " + "front desk work " * 10).encode("cp1252"))
    else:
        path.write_bytes(data.encode("utf-8"))
    assert read_document(path).text.startswith(expected)


def test_unreadable_file_says_check_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads any file, so the permission error is simulated where the reader opens it."""
    from resume_match.errors import DocumentError

    path = tmp_path / "secret.txt"
    path.write_text("front desk work " * 20, encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert info.value.message == "cannot be opened (Permission denied); check its permissions"
