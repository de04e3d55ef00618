"""DOCX reading: tables, nested tables, text boxes, headers, hidden runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import ZipEntry, document_xml, docx_bytes, docx_parts, make_docx, zip_bytes
from resume_match.errors import DocumentError
from resume_match.reading import ReadOptions, read_document

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


# --- the package's own parts, and what a zip is (issue 13) -------------------------------------

_DOCTYPE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("part", ["[Content_Types].xml", "_rels/.rels"])
def test_a_doctype_in_the_package_parts_is_refused(part: str, tmp_path: Path) -> None:
    parts = docx_parts()
    parts[part] = _DOCTYPE + parts[part].split(b"?>", 1)[1]
    path = tmp_path / "doctype.docx"
    path.write_bytes(docx_bytes(parts))
    with pytest.raises(DocumentError) as refused:
        read_document(path)
    assert refused.value.message == (
        f"contains XML entity declarations ({part}), which Word never writes; refusing to read it"
    )


def test_a_huge_content_types_part_counts_against_the_xml_budget(tmp_path: Path) -> None:
    parts = docx_parts()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b"<!--" + b" " * (40 * 1024 * 1024) + b"--></Types>"
    )
    path = tmp_path / "huge-types.docx"
    path.write_bytes(docx_bytes(parts))
    with pytest.raises(DocumentError) as refused:
        read_document(path)
    assert refused.value.message.startswith("holds more than 32 MB of XML")


def test_a_docx_with_the_pdf_marker_in_its_first_kilobyte_is_read_as_a_docx(
    tmp_path: Path,
) -> None:
    parts = {"docProps/%PDF-notes.xml": b"<notes>%PDF-1.7</notes>", **docx_parts()}
    path = tmp_path / "marker.docx"
    path.write_bytes(
        zip_bytes([ZipEntry(name, data, deflated=False) for name, data in parts.items()])
    )
    assert b"%PDF-" in path.read_bytes()[:1024]
    assert "Patient Service Representative" in read_document(path).text


def test_xml_past_the_memory_cap_is_reported_as_too_big_not_broken(tmp_path: Path) -> None:
    run = '<w:r w:rsidR="00AB12CD" w:rsidRPr="00AB12CD"><w:t xml:space="preserve">x</w:t></w:r>'
    body = f'<w:p w:rsidR="00AB12CD">{run * 240_000}</w:p>'
    path = tmp_path / "memory.docx"
    path.write_bytes(docx_bytes(document=document_xml(body_extra=body).encode()))
    with pytest.raises(DocumentError) as refused:
        read_document(path, ReadOptions(max_memory_mb=100))
    assert refused.value.message == (
        "needs more than the 100 MB memory limit; it may be damaged or built to exhaust readers"
    )
