"""Pages at the edges of what the pdfium engine reads in bulk: empty, huge, astral characters."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import resume_match
from builders import HELVETICA, MEDIA_BOX, RESUME_LINES, pdf_bytes, pdf_stream, text_ops
from resume_match.reading import ReadOptions, read_document

_PAGE = b"<< /Type /Page /Parent 2 0 R %s /Contents %d 0 R /Resources << /Font << %s >> >> >>"


def _pdf(contents: list[bytes], fonts: bytes = b"/F1 3 0 R", extra: Sequence[bytes] = ()) -> bytes:
    """Catalog 1, pages 2, font 3, extra objects, then each page and its content stream."""
    first = 4 + len(extra)
    pages = [_PAGE % (MEDIA_BOX, first + 2 * i + 1, fonts) for i in range(len(contents))]
    kids = b" ".join(b"%d 0 R" % (first + 2 * i) for i in range(len(contents)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(contents)),
        HELVETICA,
        *extra,
    ]
    for page, content in zip(pages, contents, strict=True):
        objects += [page, pdf_stream(content)]
    return pdf_bytes(objects)


def test_a_first_page_without_text_in_a_fresh_process(tmp_path: Path) -> None:
    """A worker's first page may have no characters at all; the page after it is still read."""
    path = tmp_path / "blank-first.pdf"
    path.write_bytes(_pdf([b"", text_ops()]))
    code = (
        "import sys; from pathlib import Path; "
        "from resume_match.reading import ReadOptions, read_document; "
        "print(read_document(Path(sys.argv[1]), ReadOptions(isolate=False)).text)"
    )
    source = str(Path(resume_match.__file__).parents[1])
    env = {**os.environ, "PYTHONPATH": source}
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert RESUME_LINES[0] in done.stdout


def test_a_page_longer_than_the_engine_keeps_buffers_for(tmp_path: Path) -> None:
    vocabulary = [w for line in RESUME_LINES for w in line.split() if w.isalpha()]
    words = [vocabulary[index % len(vocabulary)] for index in range(2_400)]
    lines = [" ".join(words[i : i + 16]) for i in range(0, len(words), 16)]
    assert sum(map(len, lines)) > 16_384
    ops = [b"BT /F1 4 Tf 4.6 TL 30 770 Td"]
    ops += [b"(%s) Tj T*" % line.encode() for line in lines]
    path = tmp_path / "dense.pdf"
    path.write_bytes(_pdf([b"\n".join([*ops, b"ET"])]))
    text = read_document(path, ReadOptions(isolate=False)).text
    assert text.split() == words


def test_characters_beyond_the_basic_plane(tmp_path: Path) -> None:
    """pdfium gives a character outside the basic plane as two; they read as the one again."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /E def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"2 beginbfchar <41> <0041> <42> <D83DDE00> endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    emoji_font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 5 0 R >>"
    content = text_ops() + b"\nBT /F2 12 Tf 54 80 Td (ABA) Tj ET"
    pdf = _pdf([content], b"/F1 3 0 R /F2 4 0 R", [emoji_font, pdf_stream(cmap)])
    path = tmp_path / "emoji.pdf"
    path.write_bytes(pdf)
    text = read_document(path, ReadOptions(isolate=False)).text
    assert "A\U0001f600A" in text
    assert RESUME_LINES[-1] in text
