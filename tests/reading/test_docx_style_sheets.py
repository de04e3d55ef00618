"""A style sheet is parsed once per process for each distinct sheet, found by its bytes alone.

Documents made from one template share the sheet, so a batch parses it once; a document whose
sheet differs by one property, with the same size and part name, must still be read with its own.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from builders.hostile_docx import W_NS, document_xml, docx_bytes
from builders.invisible import STUFFING, docx_with
from resume_match.errors import DocumentError, FileTooLargeError
from resume_match.reading import ReadOptions, read_document

OPTIONS = ReadOptions(isolate=False)


def sheet(props: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W_NS}">'
        '<w:style w:type="character" w:styleId="Quiet"><w:name w:val="Quiet"/>'
        f"<w:rPr>{props}</w:rPr></w:style></w:styles>"
    )


BENIGN = sheet('<w:b w:val="on"/>')
HIDING = sheet("<w:vanish/><w:b/>")
STYLED_RUN = f'<w:p><w:r><w:rPr><w:rStyle w:val="Quiet"/></w:rPr><w:t>{STUFFING}</w:t></w:r></w:p>'


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def hidden_reasons(path: Path) -> list[str]:
    return [dropped.detail for dropped in read_document(path, OPTIONS).dropped]


def test_a_sheet_of_the_same_size_but_other_bytes_is_read_for_itself(tmp_path: Path) -> None:
    assert len(BENIGN) == len(HIDING)
    benign = write(tmp_path, "benign.docx", docx_with(STYLED_RUN, styles=BENIGN))
    hiding = write(tmp_path, "hiding.docx", docx_with(STYLED_RUN, styles=HIDING))
    for _ in range(2):  # in either order, and again once both sheets are known
        assert hidden_reasons(benign) == []
        assert hidden_reasons(hiding) == ["hidden by style 'Quiet'"]
    assert STUFFING in read_document(benign, OPTIONS).text
    assert STUFFING not in read_document(hiding, OPTIONS).text


def test_documents_sharing_a_sheet_read_as_they_do_alone(tmp_path: Path) -> None:
    first = write(tmp_path, "first.docx", docx_with(STYLED_RUN, styles=HIDING))
    alone = read_document(first, OPTIONS)
    others = [
        write(tmp_path, f"copy-{n}.docx", docx_with(STYLED_RUN, styles=HIDING)) for n in range(6)
    ]
    for path in others:  # more documents than the sheets kept
        document = read_document(path, OPTIONS)
        assert (document.text, document.dropped) == (alone.text, alone.dropped)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_declarations_are_refused_in_any_encoding(tmp_path: Path, codec: str) -> None:
    xml = document_xml(prolog='<!DOCTYPE d [<!ENTITY e "x">]>')
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    bom = "\ufeff".encode(codec)
    path = write(tmp_path, "doc.docx", docx_bytes(document=bom + xml.encode(codec)))
    with pytest.raises(DocumentError, match="entity declarations"):
        read_document(path, OPTIONS)


def test_a_declaration_in_the_style_sheet_is_refused(tmp_path: Path) -> None:
    declared = BENIGN.replace("<w:styles ", '<!DOCTYPE s [<!ENTITY e "x">]><w:styles ', 1)
    path = write(tmp_path, "doc.docx", docx_with(STYLED_RUN, styles=declared))
    with pytest.raises(DocumentError, match=r"entity declarations \(word/styles.xml\)"):
        read_document(path, OPTIONS)


LARGE = sheet('<w:b w:val="on"/>' + "<w:i/>" * 3000)


def test_a_known_sheet_still_counts_against_the_limits(tmp_path: Path) -> None:
    path = write(tmp_path, "large.docx", docx_with(STYLED_RUN, styles=LARGE))
    assert hidden_reasons(path) == []  # the sheet is now known
    with pytest.raises(FileTooLargeError, match="XML tags"):
        read_document(path, ReadOptions(isolate=False, max_xml_tags=2_000))
    with pytest.raises(FileTooLargeError, match="MB of XML"):
        read_document(path, ReadOptions(isolate=False, max_xml_bytes=len(LARGE)))


def _with_crc(data: bytes, part: str, crc: int) -> bytes:
    """``data`` (a zip) with the CRC the central directory records for ``part`` replaced."""
    entry = data.index(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + len(part)] != part.encode():
        entry = data.index(b"PK\x01\x02", entry + 4)
    return data[: entry + 16] + struct.pack("<L", crc) + data[entry + 20 :]


def test_a_known_sheet_stored_with_a_wrong_checksum_is_refused(tmp_path: Path) -> None:
    good = docx_with(STYLED_RUN, styles=HIDING)
    assert hidden_reasons(write(tmp_path, "good.docx", good)) == ["hidden by style 'Quiet'"]
    broken = write(tmp_path, "broken.docx", _with_crc(good, "word/styles.xml", 12345))
    with pytest.raises(DocumentError, match="damaged zip"):
        read_document(broken, OPTIONS)
