"""PDFs written object by object, so that every byte a reader meets is chosen here."""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable, Sequence

from .archives import flate_bomb
from .plain import MB, RESUME_LINES

# --- PDF ----------------------------------------------------------------------------------------


def pdf_bytes(objects: Sequence[bytes], *, xref: bool = True, root: int = 1) -> bytes:
    """A PDF whose object ``n`` (from 1) is ``objects[n - 1]``, with a correct cross-reference."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root)
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def pdf_stream(data: bytes, extra: bytes = b"", filters: Sequence[str] = ()) -> bytes:
    """A stream object's body; ``filters`` are applied here, first listed is decoded first."""
    for name in reversed(filters):
        data = _ENCODERS[name](data)
    filter_entry = b""
    if filters:
        filter_entry = b" /Filter [%s]" % b" ".join(b"/" + f.encode() for f in filters)
    return (
        b"<< /Length %d%s %s>>\nstream\n" % (len(data), filter_entry, extra)
        + data
        + (b"\nendstream")
    )


def text_ops(lines: Sequence[str] = RESUME_LINES, size: float = 10, top: float = 740) -> bytes:
    """Content-stream operators that draw ``lines`` in Helvetica (font resource /F1)."""
    ops = [b"BT /F1 %g Tf 14 TL 54 %g Td" % (size, top)]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(%s) Tj T*" % escaped.encode("cp1252"))
    ops.append(b"ET")
    return b"\n".join(ops)


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
MEDIA_BOX = b"/MediaBox [0 0 612 792]"


def simple_pdf(
    content: bytes | None = None,
    *,
    filters: Sequence[str] = (),
    resources: bytes = b"",
    extra_objects: Sequence[bytes] = (),
    contents_ref: bytes = b"4 0 R",
    xref: bool = True,
) -> bytes:
    """One page: catalog 1, pages 2, page 3, content 4, font 5, then ``extra_objects`` (6, ...)."""
    body = text_ops() if content is None else content
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R %s /Contents %s /Resources << /Font << /F1 5 0 R >> "
            b"%s >> >>" % (MEDIA_BOX, contents_ref, resources),
            pdf_stream(body, filters=filters),
            HELVETICA,
            *extra_objects,
        ],
        xref=xref,
    )


def _lzw_encode(data: bytes) -> bytes:
    """PDF LZW (EarlyChange 1): a plain encoder, for streams of a few kilobytes."""
    table = {bytes([i]): i for i in range(256)}
    codes = [256]
    current = b""
    for value in data:
        candidate = current + bytes([value])
        if candidate in table:
            current = candidate
            continue
        codes.append(table[current])
        if len(table) + 2 < 4096:
            table[candidate] = len(table) + 2
        else:
            codes.append(256)
            table = {bytes([i]): i for i in range(256)}
        current = bytes([value])
    if current:
        codes.append(table[current])
    codes.append(257)
    return _pack_lzw(codes)


def _pack_lzw(codes: Sequence[int]) -> bytes:
    """Pack codes at the width the decoder expects as its table grows (EarlyChange 1)."""
    bits = 0
    count = 0
    out = bytearray()
    size = 258
    width = 9
    started = False
    for code in codes:
        bits = bits << width | code
        count += width
        while count >= 8:
            count -= 8
            out.append(bits >> count & 0xFF)
        bits &= (1 << count) - 1
        if code == 256:
            size, width, started = 258, 9, False
            continue
        if started and size < 4096:
            size += 1
        started = True
        if size + 1 >= 1 << width and width < 12:
            width += 1
    if count:
        out.append(bits << (8 - count) & 0xFF)
    return bytes(out)


def lzw_bomb(total: int) -> bytes:
    """LZW codes for ``total`` spaces or more: each code repeats the last and adds a space."""
    codes: list[int] = []
    produced = 0
    while produced < total:
        codes += [256, 32]
        produced += 1
        for index in range(3838):
            codes.append(258 + index)
            produced += index + 2
    codes.append(257)
    return _pack_lzw(codes)


def _run_length_encode(data: bytes) -> bytes:
    out = bytearray()
    for start in range(0, len(data), 128):
        piece = data[start : start + 128]
        out += bytes([len(piece) - 1]) + piece
    return bytes(out + b"\x80")


_ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    "FlateDecode": zlib.compress,
    "ASCIIHexDecode": lambda data: data.hex().encode() + b">",
    "LZWDecode": _lzw_encode,
    "RunLengthDecode": _run_length_encode,
}


def _pdf_raw_content_stream(data: bytes, filters: bytes) -> bytes:
    return b"<< /Length %d /Filter %s >>\nstream\n" % (len(data), filters) + data + b"\nendstream"


def pdf_flate_bomb() -> bytes:
    bomb = flate_bomb(2048 * MB)
    return simple_pdf(
        contents_ref=b"[6 0 R 4 0 R]",
        extra_objects=[_pdf_raw_content_stream(bomb, b"/FlateDecode")],
    )


def pdf_double_flate_bomb() -> bytes:
    # A gigabyte of spaces deflated twice: each pass is ~1000:1, so 3 KB on disk.
    inner = flate_bomb(1024 * MB)
    outer = zlib.compress(inner, 9)
    return simple_pdf(
        contents_ref=b"[6 0 R 4 0 R]",
        extra_objects=[_pdf_raw_content_stream(outer, b"[/FlateDecode /FlateDecode]")],
    )


def pdf_lzw_bomb() -> bytes:
    return simple_pdf(
        contents_ref=b"[6 0 R 4 0 R]",
        extra_objects=[_pdf_raw_content_stream(lzw_bomb(300 * MB), b"/LZWDecode")],
    )


def pdf_hex_flate_bomb() -> bytes:
    hexed = flate_bomb(512 * MB).hex().encode() + b">"
    return simple_pdf(
        contents_ref=b"[6 0 R 4 0 R]",
        extra_objects=[_pdf_raw_content_stream(hexed, b"[/ASCIIHexDecode /FlateDecode]")],
    )


def pdf_lzw_text() -> bytes:
    # Comment lines of random letters fill the LZW table, so the encoder resets it mid-stream.
    rng = random.Random(7)
    noise = b"\n".join(
        b"% " + bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz ") for _ in range(100))
        for _ in range(300)
    )
    return simple_pdf(noise + b"\n" + text_ops(), filters=["LZWDecode"])


def pdf_dense_content() -> bytes:
    # 150,000 one-letter text objects in 1 MB of content: cheap to parse, slow to walk per char.
    ops = b"BT /F1 1 Tf 100 100 Td " + b"(a)Tj " * 150_000 + b"ET"
    return simple_pdf(ops, filters=["FlateDecode"])


def pdf_huge_content() -> bytes:
    # 16 MB of path operators in one content stream: pdfium would hold millions of points.
    ops = b"0 0 m 1 1 l " * (16 * MB // 12) + b"S"
    return simple_pdf(ops, filters=["FlateDecode"])


def pdf_disguised_content() -> bytes:
    # The page's content stream says it is an image, hoping to be skipped by a checker.
    ops = zlib.compress(b"0 0 m 1 1 l " * (16 * MB // 12), 9)
    disguised = (
        b"<< /Length %d /Filter /FlateDecode /Subtype /Image /Width 1 /Height 1 >>\nstream\n"
        % len(ops)
        + ops
        + b"\nendstream"
    )
    return simple_pdf(contents_ref=b"[6 0 R 4 0 R]", extra_objects=[disguised])


def _form(body: bytes, resources: bytes) -> bytes:
    extra = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources %s" % resources
    return pdf_stream(body, extra)


def pdf_form_bomb(levels: int = 9, fanout: int = 10) -> bytes:
    """Form 6 draws form 7 ten times, which draws form 8 ten times...: 10^9 texts in 3 KB."""
    forms = []
    for level in range(levels):
        number = 6 + level
        if level == levels - 1:
            forms.append(
                _form(b"BT /F1 9 Tf 54 60 Td (HIPAA) Tj ET", b"<< /Font << /F1 5 0 R >> >>")
            )
        else:
            # The name is written with a #xx escape in the resources: /F#6fo is /Foo.
            body = b" ".join([b"/Foo Do"] * fanout)
            forms.append(_form(body, b"<< /XObject << /F#6fo %d 0 R >> >>" % (number + 1)))
    return simple_pdf(
        text_ops() + b"\n/Foo Do",
        resources=b"/XObject << /Foo 6 0 R >>",
        extra_objects=forms,
    )


def pdf_form_loop() -> bytes:
    loop = _form(
        b"/Self Do /Self Do " + text_ops(RESUME_LINES[:2]),
        b"<< /Font << /F1 5 0 R >> /XObject << /Self 6 0 R >> >>",
    )
    return simple_pdf(
        text_ops() + b"\n/Self Do", resources=b"/XObject << /Self 6 0 R >>", extra_objects=[loop]
    )


def _page(content: int = 4, parent: int = 2) -> bytes:
    return b"<< /Type /Page /Parent %d 0 R %s /Contents %d 0 R %s >>" % (
        parent,
        MEDIA_BOX,
        content,
        b"/Resources << /Font << /F1 5 0 R >> >>",
    )


def pdf_many_pages(count: int = 5000) -> bytes:
    kids = b" ".join(b"%d 0 R" % (7 + index) for index in range(count))
    pages = [_page(content=4)] + [_page(content=6) for _ in range(count - 1)]
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
            b"<< >>",
            pdf_stream(text_ops()),
            HELVETICA,
            pdf_stream(text_ops(["Page filler line with nothing new to say."])),
            *pages,
        ]
    )


def pdf_lying_page_count() -> bytes:
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>",
            _page(),
            pdf_stream(text_ops()),
            HELVETICA,
        ]
    )


def pdf_cyclic_page_tree() -> bytes:
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
            _page(),
            pdf_stream(text_ops()),
            HELVETICA,
        ]
    )


def pdf_reference_cycle() -> bytes:
    return simple_pdf(contents_ref=b"6 0 R", extra_objects=[b"7 0 R", b"6 0 R"])


def pdf_deep_nesting(opening: bytes, closing: bytes, depth: int = 100_000) -> bytes:
    junk = opening * depth + closing * depth
    return simple_pdf(resources=b"/Junk " + junk)


def pdf_broken_xref() -> bytes:
    data = bytearray(simple_pdf())
    at = data.index(b"xref") + 10
    data[at : at + 60] = b"garbage!" * 7 + b"xxxx"
    return bytes(data)


def pdf_truncated() -> bytes:
    data = simple_pdf()
    return data[: len(data) // 2]


def pdf_image_only() -> bytes:
    image = pdf_stream(
        bytes(range(64)),
        b"/Type /XObject /Subtype /Image /Width 8 /Height 8 "
        b"/ColorSpace /DeviceGray /BitsPerComponent 8",
    )
    return simple_pdf(
        b"q 500 0 0 700 50 50 cm /Im1 Do Q",
        resources=b"/XObject << /Im1 6 0 R >>",
        extra_objects=[image],
    )


def pdf_no_unicode_map() -> bytes:
    """Text whose font maps every code to a consonant: what a font without a Unicode map gives."""
    consonants = "bcdfghjklmnpqrstvwxz"
    cmap = "\n".join(
        f"<{code:02X}> <{ord(consonants[code % len(consonants)]):04X}>" for code in range(33, 127)
    )
    to_unicode = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Garbled def "
        "1 begincodespacerange <00> <FF> endcodespacerange "
        f"94 beginbfchar\n{cmap}\nendbfchar endcmap CMapName currentdict /CMap defineresource "
        "pop end end"
    ).encode()
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"
    lines = [*RESUME_LINES, *RESUME_LINES[2:7]]
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(),
            pdf_stream(text_ops(lines)),
            font,
            pdf_stream(to_unicode),
        ]
    )


def encrypted_pdf(user_password: str) -> bytes:
    """A reportlab PDF of the resume, encrypted with an owner password and ``user_password``."""
    import io

    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    encryption = StandardEncryption(user_password, "owner-secret", canPrint=1, canCopy=1)
    canvas = Canvas(buffer, encrypt=encryption, invariant=1)
    text = canvas.beginText(54, 740)
    text.setFont("Helvetica", 10)
    for line in RESUME_LINES:
        text.textLine(line)
    canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- bombs whose /Filter is hard to find: the scan must read the dictionary as pdfium does ------


def _pdf_bomb_with(dictionary: bytes, *extra: bytes) -> bytes:
    """A 2 GB flate bomb drawn as page content, its stream dictionary ``<< dictionary >>``."""
    bomb = flate_bomb(2048 * MB)
    stream = b"<< /Length %d %s >>\nstream\n" % (len(bomb), dictionary) + bomb + b"\nendstream"
    return simple_pdf(contents_ref=b"[6 0 R 4 0 R]", extra_objects=[stream, *extra])


def pdf_bomb_filter_by_reference() -> bytes:
    return _pdf_bomb_with(b"/Filter 7 0 R", b"/FlateDecode")


def pdf_bomb_filter_array_of_references() -> bytes:
    return _pdf_bomb_with(b"/Filter [7 0 R]", b"/FlateDecode")


def pdf_bomb_filter_given_twice() -> bytes:
    return _pdf_bomb_with(b"/Filter /ASCIIHexDecode /Filter /FlateDecode")


def pdf_bomb_decoy_filter_in_string() -> bytes:
    return _pdf_bomb_with(b"/Title (/Filter /None) /Filter /FlateDecode")


def pdf_bomb_decoy_filter_in_nested_dictionary() -> bytes:
    return _pdf_bomb_with(b"/DecodeParms << /Filter /None >> /Filter /FlateDecode")


def pdf_bomb_padded_dictionary() -> bytes:
    return _pdf_bomb_with(b"/Pad (" + b"x" * 70_000 + b") /Filter /FlateDecode")


def pdf_padded_dictionary_huge_content() -> bytes:
    """16 MB of drawing in a stream whose dictionary is padded past 64 KiB: the page cap holds."""
    content = b"0 0 m 1 1 l S\n" * (16 * MB // 14)
    packed = zlib.compress(content, 9)
    stream = (
        b"<< /Length %d /Pad (%s) /Filter /FlateDecode >>\nstream\n" % (len(packed), b"x" * 70_000)
        + packed
        + b"\nendstream"
    )
    return simple_pdf(contents_ref=b"[6 0 R 4 0 R]", extra_objects=[stream])
