"""Keyword stuffing a person cannot see is kept out of the score and flagged, naming the trick.

Each technique of tests/invisible.py hides the same keywords under the same weak resume; the
weak resume's score must not move, on both PDF engines, and the flag must say how the words were
hidden. Text a person does see (white on a dark box, light grey) must not be flagged, neither in
the controls nor in the samples and the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builders.invisible import (
    DOCX_TECHNIQUES,
    PDF_TECHNIQUES,
    STUFFING,
    STUFFING_WORDS,
    DocxTechnique,
    PdfTechnique,
    docx_visible_controls,
    docx_white_on_a_dark_page,
    docx_with,
    page_pdf,
    visible_on_backdrops_pdfs,
    visible_sidebar_pdf,
)
from resume_match.api import Checker
from resume_match.errors import DocumentError
from resume_match.reading import ReadOptions, read_document
from resume_match.samples import samples_dir
from resume_match.taxonomy import Taxonomy

ENGINES = ["pdfium", "pdfplumber"]


def _score(checker: Checker, path: Path) -> tuple[float | None, list[str]]:
    result = checker.check_document(path)
    assert result.status == "ok", result.reason
    return result.score, sorted(match.skill.id for match in result.matched)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("technique", PDF_TECHNIQUES, ids=[t.name for t in PDF_TECHNIQUES])
def test_pdf_stuffing_nobody_sees_is_flagged_by_name_and_not_read(
    technique: PdfTechnique, engine: str, tmp_path: Path
) -> None:
    path = tmp_path / f"{technique.name}.pdf"
    path.write_bytes(technique.build())
    document = read_document(path, ReadOptions(pdf_engine=engine))
    assert "Cerner" not in document.text
    assert "Cerner" in document.hidden_text
    assert [flag.kind for flag in document.flags] == ["hidden-text"]
    message = document.flags[0].message
    assert message.startswith(f"{STUFFING_WORDS} word(s) are invisible to a reader (")
    assert technique.named in message


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("technique", PDF_TECHNIQUES, ids=[t.name for t in PDF_TECHNIQUES])
def test_pdf_stuffing_nobody_sees_does_not_move_a_weak_score(
    technique: PdfTechnique, engine: str, tmp_path: Path, taxonomy: Taxonomy
) -> None:
    checker = Checker(taxonomy, ReadOptions(pdf_engine=engine))
    weak = tmp_path / "weak.pdf"
    weak.write_bytes(page_pdf(b""))
    stuffed = tmp_path / "stuffed.pdf"
    stuffed.write_bytes(technique.build())
    assert _score(checker, stuffed) == _score(checker, weak)


@pytest.mark.parametrize("engine", ENGINES)
def test_white_text_on_a_dark_box_and_light_grey_text_are_read(
    engine: str, tmp_path: Path, taxonomy: Taxonomy
) -> None:
    path = tmp_path / "sidebar.pdf"
    path.write_bytes(visible_sidebar_pdf())
    document = read_document(path, ReadOptions(pdf_engine=engine))
    assert document.flags == ()
    assert document.text.count("Cerner") == 2
    weak = tmp_path / "weak.pdf"
    weak.write_bytes(page_pdf(b""))
    checker = Checker(taxonomy, ReadOptions(pdf_engine=engine))
    assert (_score(checker, path)[0] or 0) > (_score(checker, weak)[0] or 0)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", sorted(visible_on_backdrops_pdfs()))
def test_text_that_stands_out_from_the_box_or_picture_under_it_is_read(
    engine: str, name: str, tmp_path: Path
) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(visible_on_backdrops_pdfs()[name])
    document = read_document(path, ReadOptions(pdf_engine=engine))
    assert document.flags == ()
    assert "Cerner" in document.text
    assert "Greeted visitors" in document.text


def _hidden_flags(path: Path, engine: str) -> list[str]:
    try:
        document = read_document(path, ReadOptions(pdf_engine=engine))
    except DocumentError:
        return []
    return [flag.message for flag in document.flags if flag.kind == "hidden-text"]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_sample_pdfs_have_no_hidden_text(engine: str) -> None:
    paths = sorted(samples_dir().glob("*.pdf"))
    assert paths
    assert {path.name: _hidden_flags(path, engine) for path in paths} == {
        path.name: [] for path in paths
    }


# What the corpus really hides: a browser's 1-pt header line, a pdf-lib page whose text runs off
# the page, and two words Word clipped at the edge of a text box (pdftoppm shows them cut away).
CORPUS_HIDDEN = {
    "dzb-patient-access-supervisor-resume-pdflib.pdf": "(off the page)",
    "dzb-patient-registrar-cover-letter.pdf": "(tiny text)",
    "dzb-patient-registrar-resume.pdf": "(tiny text)",
    "pyresparser-word-2col-right-sidebar.pdf": "(outside the clipping path)",
}


@pytest.mark.parametrize("engine", ENGINES)
def test_corpus_pdfs_are_flagged_only_where_text_is_really_hidden(
    engine: str, corpus: Path
) -> None:
    found = {}
    for path in sorted((corpus / "pdf").glob("*.pdf")):
        flags = _hidden_flags(path, engine)
        if flags:
            found[path.name] = flags[0].split(" reader ", 1)[1].split(" and were", 1)[0]
    assert found == CORPUS_HIDDEN


# --- DOCX ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("technique", DOCX_TECHNIQUES, ids=[t.name for t in DOCX_TECHNIQUES])
def test_docx_stuffing_nobody_sees_is_flagged_by_name_and_not_read(
    technique: DocxTechnique, tmp_path: Path, checker: Checker
) -> None:
    path = tmp_path / f"{technique.name}.docx"
    path.write_bytes(technique.build())
    document = read_document(path)
    assert "Cerner" not in document.text
    assert "Cerner" in document.hidden_text
    assert [flag.kind for flag in document.flags] == ["hidden-text"]
    message = document.flags[0].message
    assert message.startswith(f"{STUFFING_WORDS} word(s) are invisible to a reader (")
    assert technique.named in message
    weak = tmp_path / "weak.docx"
    weak.write_bytes(docx_with(""))
    assert _score(checker, path) == _score(checker, weak)


def test_docx_text_a_person_sees_is_read(tmp_path: Path) -> None:
    path = tmp_path / "controls.docx"
    path.write_bytes(docx_visible_controls())
    document = read_document(path)
    assert document.flags == ()
    assert "Customer service" in document.text
    assert document.text.count(STUFFING) == 2


def test_docx_white_text_on_a_dark_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "dark-page.docx"
    path.write_bytes(docx_white_on_a_dark_page())
    document = read_document(path)
    assert document.flags == ()
    assert STUFFING in document.text


def test_an_image_too_big_to_render_is_judged_by_its_box(tmp_path: Path) -> None:
    """A JPEG declared 8,000 pixels square would take gigabytes to decode for the render: the
    words under it, drawn before it, are taken as covered without rendering."""
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 8000 /Height 8000 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /DCTDecode /Length 4 >>\nstream\n\xff\xd8\xff\xd9\nendstream"
    )
    stuffed = b"BT /F1 10 Tf 54 600 Td (" + STUFFING.encode() + b") Tj ET"
    pdf = page_pdf(stuffed + b" q 420 0 0 25 50 590 cm /Im2 Do Q", resources=b"")
    pdf = pdf.replace(b"/XObject << /Im1 6 0 R >>", b"/XObject << /Im1 6 0 R /Im2 8 0 R >>")
    path = tmp_path / "huge-image.pdf"
    path.write_bytes(_with_object(pdf, image))
    document = read_document(path)
    assert "Cerner" not in document.text
    assert "covered by something drawn over it" in document.flags[0].message


def _with_object(pdf: bytes, body: bytes) -> bytes:
    """``pdf`` with one more object (number 8) appended as an incremental update."""
    offset = len(pdf)
    xref_at = offset + len(b"8 0 obj\n" + body + b"\nendobj\n")
    return (
        pdf
        + b"8 0 obj\n"
        + body
        + b"\nendobj\n"
        + b"xref\n8 1\n%010d 00000 n \n" % offset
        + b"trailer\n<< /Size 9 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
        % (int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0]), xref_at)
    )
