"""A package's content types and relationships are read once per process for each distinct part.

Documents made from one template share these parts byte for byte, so a batch parses them once;
a document whose part differs, with the same size and name, must still be judged by its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builders.hostile_docx import TEMPLATE, docx_bytes, docx_parts
from resume_match.errors import DocumentError, FileTooLargeError
from resume_match.reading import ReadOptions, read_document

OPTIONS = ReadOptions(isolate=False)
MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml"


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_a_template_is_refused_after_documents_of_the_same_size(tmp_path: Path) -> None:
    document = write(tmp_path, "resume.docx", docx_bytes(docx_parts()))
    template = write(tmp_path, "resume-template.docx", docx_bytes(docx_parts(main=TEMPLATE)))
    macro = write(tmp_path, "resume-macro.docx", docx_bytes(docx_parts(main=MACRO)))
    for _ in range(2):  # in either order, and again once every part is known
        assert read_document(document, OPTIONS).text
        with pytest.raises(DocumentError, match="not a Word document"):
            read_document(template, OPTIONS)
        assert read_document(macro, OPTIONS).text == read_document(document, OPTIONS).text


def test_a_package_relationship_of_another_kind_is_read_for_itself(tmp_path: Path) -> None:
    parts = docx_parts()
    good = write(tmp_path, "good.docx", docx_bytes(parts))
    other = parts["_rels/.rels"].replace(b'officeDocument"', b'officeDocumenT"')
    assert len(other) == len(parts["_rels/.rels"]) and other != parts["_rels/.rels"]
    lost = write(tmp_path, "lost.docx", docx_bytes(parts, rels=other))
    for _ in range(2):
        read_document(good, OPTIONS)
        with pytest.raises(DocumentError, match="which part is its main document"):
            read_document(lost, OPTIONS)


def test_known_parts_still_count_against_the_limits(tmp_path: Path) -> None:
    path = write(tmp_path, "resume.docx", docx_bytes(docx_parts()))
    document = read_document(path, OPTIONS)  # the package's parts are now known
    parts = docx_parts()
    tags = sum(data.count(b"<") for data in parts.values())
    assert read_document(path, ReadOptions(isolate=False, max_xml_tags=tags)) == document
    with pytest.raises(FileTooLargeError, match="XML tags"):
        read_document(path, ReadOptions(isolate=False, max_xml_tags=tags - 1))
    size = sum(map(len, parts.values()))
    assert read_document(path, ReadOptions(isolate=False, max_xml_bytes=size)) == document
    with pytest.raises(FileTooLargeError, match="MB of XML"):
        read_document(path, ReadOptions(isolate=False, max_xml_bytes=size - 1))
