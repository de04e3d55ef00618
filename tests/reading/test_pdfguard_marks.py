"""The guard says a file holds no marked content only where it saw all of the file's streams.

A text object can lie in a layer only through a marked-content operator, so where the guard finds
none the reader skips the check of every text object for a layer: a "no" must never be wrong.
"""

from __future__ import annotations

import pypdfium2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders.hostile_pdf import HELVETICA, MEDIA_BOX, pdf_bytes, pdf_stream, simple_pdf
from resume_match.reading.page_objects import address, calls
from resume_match.reading.pdfguard import check_pdf
from resume_match.reading.pdfguard.marks import may_mark

_TEXT = b"BT /F1 12 Tf 72 700 Td (Front desk scheduling) Tj ET"
_LIMIT = 64 * 1024 * 1024


def _marked(pdf: bytes) -> bool:
    return check_pdf(pdf, _LIMIT, _LIMIT)


def _two_streams(first: bytes, second: bytes) -> bytes:
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R %s /Contents [4 0 R 6 0 R] /Resources << /Font << "
            b"/F1 5 0 R >> >> >>" % MEDIA_BOX,
            pdf_stream(first),
            HELVETICA,
            pdf_stream(second),
        ]
    )


def _pdfium_marks(pdf: bytes) -> int:
    document = pypdfium2.PdfDocument(pdf)
    page = document[0]
    try:
        objects = [address(obj.raw) for obj in page.get_objects(max_depth=1)]
        return sum(calls().count_marks(obj) for obj in objects)
    finally:
        page.close()
        document.close()


def test_plain_text_holds_no_marked_content() -> None:
    pdf = simple_pdf(_TEXT)
    assert _pdfium_marks(pdf) == 0
    assert _marked(pdf) is False
    assert _marked(simple_pdf(_TEXT, filters=["FlateDecode"])) is False


@pytest.mark.parametrize(
    "content",
    [
        b"/Span << /Lang (en-US) >> BDC " + _TEXT + b" EMC",
        b"/Artifact BMC " + _TEXT + b" EMC",
    ],
)
@pytest.mark.parametrize("filters", [(), ("FlateDecode",), ("ASCIIHexDecode", "FlateDecode")])
def test_marked_content_is_seen_through_the_filters(content: bytes, filters: tuple[str]) -> None:
    pdf = simple_pdf(content, filters=filters)
    assert _pdfium_marks(pdf) > 0
    assert _marked(pdf) is True


@pytest.mark.parametrize("cut", [1, 2])
def test_an_operator_split_over_two_content_streams_counts(cut: int) -> None:
    operator = b"/Artifact BMC"
    first, second = _TEXT + b"\n" + operator[: len(operator) - 3 + cut], operator[-3 + cut :]
    pdf = _two_streams(first, second + b" " + _TEXT + b" EMC")
    assert _marked(pdf) is True


def test_a_stream_not_read_as_one_leaves_the_answer_at_yes() -> None:
    # "stream" followed by a space: not a stream to the guard, perhaps one to a lenient reader.
    pdf = simple_pdf(_TEXT).replace(b"stream\n", b"stream \n", 1)
    assert _marked(pdf) is True


def test_a_stream_the_guard_cannot_decode_leaves_the_answer_at_yes() -> None:
    pdf = simple_pdf(_TEXT).replace(b"/Length", b"/Filter /FlateDecode /Length", 1)
    assert _marked(pdf) is True


def test_an_image_leaves_the_answer_at_yes() -> None:
    image = pdf_stream(
        b"\xff\x00\x00",
        b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 "
        b"/ColorSpace /DeviceRGB",
    )
    pdf = simple_pdf(_TEXT, extra_objects=[image])
    assert _marked(pdf) is True


_SPLIT_STARTS = (b"C", b"MC", b"DC")
_PIECES = [b" ", b"\n", b"\x0b", b"\x00", b"B", b"M", b"D", b"C", b"BT", b"ET", b"BMC", b"BD"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=40) | st.lists(st.sampled_from(_PIECES), max_size=12).map(b"".join))
def test_a_stream_may_mark_exactly_where_an_operator_or_its_end_could_be(data: bytes) -> None:
    starts = data.startswith(_SPLIT_STARTS) or data.lstrip().startswith(_SPLIT_STARTS)
    assert may_mark(data, len(data)) == (starts or b"BMC" in data or b"BDC" in data)
    assert may_mark(data, len(data) + 1)
