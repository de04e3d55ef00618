"""What else a page paints decides whether its text is seen, and how much of it is checked.

The renderer is asked only where a shape drawn after text meets a word, or where a form, a
layer, a clip or white text could hide one; these pages hold each case next to what must stay
readable: bullets beside the lines (what wkhtmltopdf draws on every real-style page), a box over
a single word, stuffing inside a form, and a scan's invisible OCR layer, which is what is read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builders.hostile_pdf import HELVETICA, MEDIA_BOX, pdf_bytes, pdf_stream
from builders.invisible import STUFFING, VISIBLE
from resume_match.reading import ReadOptions, read_document

ENGINES = ["pdfium", "pdfplumber"]


def _show(text: str) -> bytes:
    return b"(%s) Tj" % text.encode("cp1252")


def _lines() -> bytes:
    """The visible resume, then the stuffing as one more line at y 600, all in black."""
    ops = [b"BT /F1 10 Tf 14 TL 54 740 Td"]
    ops += [_show(line) + b" T*" for line in VISIBLE]
    ops.append(b"ET BT /F1 10 Tf 54 600 Td " + _show(STUFFING) + b" ET")
    return b"\n".join(ops)


def _bullets() -> bytes:
    """A 4-pt black square left of each line, drawn after all the text, as wkhtmltopdf does."""
    baselines = [740 - 14 * index for index in range(len(VISIBLE))] + [600]
    return b" ".join(b"0 g 44 %g 4 4 re f" % (y + 2) for y in baselines)


def _page(
    content: bytes, form: bytes | None = None, image: bool = False, annotation: bytes = b""
) -> bytes:
    xobjects = b""
    extra = []
    if form is not None:
        xobjects = b"/XObject << /Fm1 6 0 R >>"
        resources = b"<< /Font << /F1 5 0 R >> >>"
        extra.append(
            pdf_stream(
                form, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources %s" % resources
            )
        )
    elif image:
        xobjects = b"/XObject << /Im1 6 0 R >>"
        extra.append(
            pdf_stream(
                bytes(range(256)) * 64,
                b"/Type /XObject /Subtype /Image /Width 128 /Height 128 "
                b"/ColorSpace /DeviceGray /BitsPerComponent 8",
            )
        )
    annots = b""
    if annotation:
        annots = b"/Annots [%d 0 R]" % (6 + len(extra))
        extra.append(annotation)
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R %s /Contents 4 0 R /Resources << /Font << /F1 5 0 R "
            b">> %s >> %s >>" % (MEDIA_BOX, xobjects, annots),
            pdf_stream(content),
            HELVETICA,
            *extra,
        ]
    )


def _read(tmp_path: Path, data: bytes, engine: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "page.pdf"
    path.write_bytes(data)
    return read_document(path, ReadOptions(pdf_engine=engine))


@pytest.mark.parametrize("engine", ENGINES)
def test_bullets_drawn_after_the_text_hide_nothing(tmp_path: Path, engine: str) -> None:
    document = _read(tmp_path, _page(_lines() + b"\n" + _bullets()), engine)
    assert document.flags == ()
    assert "Cerner" in document.text
    assert "Greeted visitors" in document.text


@pytest.mark.parametrize("engine", ENGINES)
def test_a_box_over_one_word_hides_that_word_and_no_other(tmp_path: Path, engine: str) -> None:
    # "Cerner" runs from about x 76 to 107 on the stuffing's line (Helvetica 10 pt at x 54).
    box = b"1 g 75 595 33 16 re f"
    document = _read(tmp_path, _page(_lines() + b"\n" + _bullets() + b" " + box), engine)
    assert "Cerner" not in document.text
    assert "Cerner" in document.hidden_text
    assert "Epic" in document.text and "HIPAA" in document.text
    assert [flag.kind for flag in document.flags] == ["hidden-text"]
    assert "1 word(s) are invisible" in document.flags[0].message
    assert "covered by something drawn over it" in document.flags[0].message


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("form", "named"),
    [
        (b"BT /F1 10 Tf 3 Tr 54 600 Td " + _show(STUFFING) + b" ET", "render mode 3"),
        (b"BT /F1 10 Tf 54 600 Td " + _show(STUFFING) + b" ET 1 g 50 590 420 25 re f", "covered"),
    ],
    ids=["drawn-invisibly", "covered-inside-the-form"],
)
def test_stuffing_inside_a_form_is_flagged(
    tmp_path: Path, engine: str, form: bytes, named: str
) -> None:
    visible = _lines().rsplit(b"ET BT", 1)[0] + b"ET"
    document = _read(tmp_path, _page(visible + b"\n/Fm1 Do", form=form), engine)
    assert "Cerner" not in document.text
    assert "Cerner" in document.hidden_text
    assert [flag.kind for flag in document.flags] == ["hidden-text"]
    assert named in document.flags[0].message
    assert "Greeted visitors" in document.text


def test_the_invisible_ocr_layer_of_a_scan_is_what_is_read(tmp_path: Path) -> None:
    scan = b"q 612 0 0 792 0 0 cm /Im1 Do Q\n"
    ocr = _lines().replace(b"Tf 14 TL", b"Tf 3 Tr 14 TL").replace(b"Tf 54 600", b"Tf 3 Tr 54 600")
    document = _read(tmp_path, _page(scan + ocr, image=True), "pdfium")
    assert not [flag for flag in document.flags if flag.kind == "hidden-text"]
    assert "Cerner" in document.text
    assert "Greeted visitors" in document.text


_OVER_THE_STUFFING = b"/Rect [50 590 470 615]"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_link_over_words_hides_nothing_and_a_filled_square_hides_them(
    tmp_path: Path, engine: str
) -> None:
    link = b"<< /Type /Annot /Subtype /Link %s /Border [0 0 0] /A << /S /URI /URI (x:y) >> >>"
    document = _read(tmp_path, _page(_lines(), annotation=link % _OVER_THE_STUFFING), engine)
    assert document.flags == ()
    assert "Cerner" in document.text
    square = b"<< /Type /Annot /Subtype /Square %s /IC [1 1 1] /C [1 1 1] >>"
    document = _read(tmp_path, _page(_lines(), annotation=square % _OVER_THE_STUFFING), engine)
    assert "Cerner" not in document.text
    assert "Cerner" in document.hidden_text
    assert "Greeted visitors" in document.text
