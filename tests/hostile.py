"""Build hostile and broken files on the fly, so that no large or dangerous binary is committed.

Each :class:`Case` writes one file and says what reading it must give: the status and a piece of
the reason (or, for a readable file, the flags). The PDFs are written object by object, so that
every byte a reader meets is chosen here; the DOCX packages are zipped by hand for the same reason
(lying sizes, encrypted entries, hundreds of parts). Bombs are built without ever holding their
expanded size: a deflate stream of one repeated megabyte is the same bytes over and over once the
compressor's history is flushed, and the checksums of a run of one byte have a closed form.
"""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

RESUME_LINES = (
    "Jane Roe, Patient Service Representative",
    "Summary",
    "Front desk representative with five years in a busy outpatient clinic.",
    "Experience",
    "Scheduled patient appointments in Epic and verified insurance eligibility before visits.",
    "Collected co-pays, balanced the cash drawer and answered a multi-line phone system.",
    "Protected patient privacy under HIPAA and used medical terminology with providers.",
    "Skills",
    "Customer service, data entry, insurance verification, appointment scheduling, Epic.",
    "Education",
    "Medical Office Administration certificate, City College, 2019.",
)
MB = 1024 * 1024


def resume_text(lines: Sequence[str] = RESUME_LINES) -> str:
    """The plain resume every hostile variant starts from, one line a line."""
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Case:
    """One hostile file: how to build it and what reading it must give."""

    name: str
    suffix: str
    build: Callable[[], bytes]
    status: str
    message: str = ""
    flags: tuple[str, ...] = ()
    options: dict[str, int] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return f"{self.name}{self.suffix}"

    def write(self, folder: Path) -> Path:
        """Write the file into ``folder`` and return its path."""
        path = folder / self.filename
        path.write_bytes(self.build())
        return path


# --- deflate, zlib and zip ----------------------------------------------------------------------


def _runs(byte: int, total: int, wbits: int) -> tuple[bytes, int]:
    """A compressed stream of ``total`` copies of ``byte`` (whole megabytes), and that size."""
    chunk = bytes([byte]) * MB
    count = max(1, total // MB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)
    return first + block * (count - 1) + tail, count * MB


def flate_bomb(total: int, byte: int = 0x20) -> bytes:
    """A zlib stream (PDF FlateDecode) that inflates to ``total`` bytes of ``byte``."""
    data, size = _runs(byte, total, 15)
    # The trailer holds the adler32 of what was compressed: two megabytes. Put the real one.
    low = (1 + size * byte) % 65521
    high = (size + byte * size * (size + 1) // 2) % 65521
    return data[:-4] + struct.pack(">I", high << 16 | low)


def deflate_bomb(total: int, byte: int = 0x20) -> tuple[bytes, int, int]:
    """Raw deflate data (a zip entry) inflating to ``total`` bytes: data, size and CRC-32."""
    data, size = _runs(byte, total, -15)
    crc = 0
    chunk = bytes([byte]) * MB
    for _ in range(size // MB):
        crc = zlib.crc32(chunk, crc)
    return data, size, crc


@dataclass(frozen=True)
class ZipEntry:
    """One member of a hand-made zip: what is stored and what the headers claim about it."""

    name: str
    data: bytes
    size: int | None = None
    crc: int | None = None
    deflated: bool = True
    raw: bool = False
    flags: int = 0


def zip_bytes(entries: Sequence[ZipEntry]) -> bytes:
    """A zip archive whose headers say exactly what each entry says, true or not."""
    out = bytearray()
    central = bytearray()
    for entry in entries:
        name = entry.name.encode("utf-8")
        if entry.raw:
            stored = entry.data
        elif entry.deflated:
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            stored = compressor.compress(entry.data) + compressor.flush()
        else:
            stored = entry.data
        size = len(entry.data) if entry.size is None else entry.size
        crc = zlib.crc32(entry.data) if entry.crc is None else entry.crc
        method = 8 if entry.deflated else 0
        offset = len(out)
        fields = (20, entry.flags, method, 0, 0x21, crc, len(stored), size, len(name), 0)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + name + stored
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            *fields,
            0,
            0,
            0,
            0,
            offset,
        )
        central += name
    start = len(out)
    out += central
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0
    )
    return bytes(out)


# --- DOCX ---------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main}"/>'
    "</Types>"
)
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def document_xml(
    paragraphs: Sequence[str] = RESUME_LINES, *, prolog: str = "", body_extra: str = ""
) -> str:
    """A minimal word/document.xml, with anything wanted before the root element."""
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{_escape(text)}</w:t></w:r></w:p>'
        for text in paragraphs
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{_REL}"><w:body>{body}{body_extra}'
        "</w:body></w:document>"
    )


def docx_parts(document: str | bytes | None = None, main: str = _MAIN) -> dict[str, bytes]:
    """The three parts every Word document has, as name -> bytes."""
    xml = document_xml() if document is None else document
    return {
        "[Content_Types].xml": _CONTENT_TYPES.format(main=main).encode(),
        "_rels/.rels": _PACKAGE_RELS.encode(),
        "word/document.xml": xml.encode() if isinstance(xml, str) else xml,
    }


def docx_bytes(parts: dict[str, bytes] | None = None, **overrides: bytes | None) -> bytes:
    """A DOCX package: ``parts`` (default: the minimal three) with some replaced or removed."""
    merged = dict(docx_parts() if parts is None else parts)
    for key, value in overrides.items():
        name = _PART_NAMES.get(key, key)
        if value is None:
            merged.pop(name, None)
        else:
            merged[name] = value
    return zip_bytes([ZipEntry(name, data) for name, data in merged.items()])


_PART_NAMES = {
    "content_types": "[Content_Types].xml",
    "rels": "_rels/.rels",
    "document": "word/document.xml",
    "document_rels": "word/_rels/document.xml.rels",
}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _laughs(levels: int = 10) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)
    ]
    return f"<!DOCTYPE lolz [{''.join(entities)}]>"


def _docx_billion_laughs(padding: int = 0) -> bytes:
    prolog = (f"<!--{'x' * padding}-->" if padding else "") + _laughs()
    return docx_bytes(
        document=document_xml(
            [*RESUME_LINES[:-1], RESUME_LINES[-1] + " &lol9;"], prolog=prolog
        ).encode()
    )


def _docx_external_entity() -> bytes:
    prolog = '<!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    return docx_bytes(document=document_xml([*RESUME_LINES, "&secret;"], prolog=prolog).encode())


def _docx_utf16_doctype() -> bytes:
    xml = document_xml(prolog=_laughs(3)).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return docx_bytes(document=xml.encode("utf-16"))


def _docx_zip_bomb() -> bytes:
    data, size, crc = deflate_bomb(200 * MB, ord("a"))
    parts = docx_parts()
    entries = [ZipEntry(name, payload) for name, payload in parts.items()]
    entries.append(ZipEntry("word/media/image1.png", data, size=size, crc=crc, raw=True))
    return zip_bytes(entries)


def _docx_lying_sizes() -> bytes:
    data, _, _ = deflate_bomb(200 * MB, ord("a"))
    parts = docx_parts()
    entries = [ZipEntry(name, payload) for name, payload in parts.items() if "document" not in name]
    entries.append(ZipEntry("word/document.xml", data, size=2048, crc=0, raw=True))
    return zip_bytes(entries)


def _docx_xml_bomb() -> bytes:
    # 40 MB of empty paragraphs: under the zip limit, but lxml would need about 1 GB to hold it.
    chunk = b"<w:p/>" * (MB // 6)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = document_xml([]).split("<w:body>")[0].encode() + b"<w:body>"
    stored = compressor.compress(head)
    stored += b"".join(compressor.compress(chunk) for _ in range(40))
    tail = b"</w:body></w:document>"
    stored += compressor.compress(tail) + compressor.flush()
    size = len(head) + len(chunk) * 40 + len(tail)
    crc = zlib.crc32(head)
    for _ in range(40):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    parts = docx_parts()
    entries = [ZipEntry(name, payload) for name, payload in parts.items() if "document" not in name]
    entries.append(ZipEntry("word/document.xml", stored, size=size, crc=crc, raw=True))
    return zip_bytes(entries)


def _docx_many_entries(count: int = 3000) -> bytes:
    entries = [ZipEntry(name, data) for name, data in docx_parts().items()]
    entries += [ZipEntry(f"customXml/item{i}.xml", b"<a/>") for i in range(count - len(entries))]
    return zip_bytes(entries)


def _docx_missing_styles() -> bytes:
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
    )
    return docx_bytes(document_rels=rels.encode())


def _docx_external_links() -> bytes:
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId9" Type="{_REL}/image" '
        'Target="http://tracker.invalid/pixel.png" TargetMode="External"/>'
        f'<Relationship Id="rId8" Type="{_REL}/hyperlink" '
        'Target="http://tracker.invalid/cv" TargetMode="External"/></Relationships>'
    )
    link = '<w:p><w:hyperlink r:id="rId8"><w:r><w:t>portfolio</w:t></w:r></w:hyperlink></w:p>'
    return docx_bytes(document=document_xml(body_extra=link).encode(), document_rels=rels.encode())


def _docx_deep_xml(depth: int = 300) -> bytes:
    nested = "<w:sdt><w:sdtContent>" * depth + "</w:sdtContent></w:sdt>" * depth
    return docx_bytes(document=document_xml(body_extra=nested).encode())


def _docx_encrypted_entry() -> bytes:
    entries = [ZipEntry(name, data) for name, data in docx_parts().items()]
    entries[-1] = ZipEntry(entries[-1].name, entries[-1].data, flags=0x1)
    return zip_bytes(entries)


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole_file(streams: Sequence[str] = ("WordDocument",)) -> bytes:
    """The start of an OLE compound file (a .doc, or a password-protected .docx) naming streams."""
    header = OLE_MAGIC + bytes(504)
    names = b"".join(name.encode("utf-16-le").ljust(64, b"\0") + bytes(64) for name in streams)
    return header + names + bytes(2048)


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


def _pdf_flate_bomb() -> bytes:
    bomb = flate_bomb(2048 * MB)
    return simple_pdf(
        contents_ref=b"[6 0 R 4 0 R]",
        extra_objects=[_pdf_raw_content_stream(bomb, b"/FlateDecode")],
    )


def _pdf_double_flate_bomb() -> bytes:
    # A gigabyte of spaces deflated twice: each pass is ~1000:1, so 3 KB on disk.
    inner = flate_bomb(1024 * MB)
    outer = zlib.compress(inner, 9)
    return simple_pdf(
        contents_ref=b"[6 0 R 4 0 R]",
        extra_objects=[_pdf_raw_content_stream(outer, b"[/FlateDecode /FlateDecode]")],
    )


def _pdf_lzw_bomb() -> bytes:
    return simple_pdf(
        contents_ref=b"[6 0 R 4 0 R]",
        extra_objects=[_pdf_raw_content_stream(lzw_bomb(300 * MB), b"/LZWDecode")],
    )


def _pdf_hex_flate_bomb() -> bytes:
    hexed = flate_bomb(512 * MB).hex().encode() + b">"
    return simple_pdf(
        contents_ref=b"[6 0 R 4 0 R]",
        extra_objects=[_pdf_raw_content_stream(hexed, b"[/ASCIIHexDecode /FlateDecode]")],
    )


def _pdf_lzw_text() -> bytes:
    # Comment lines of random letters fill the LZW table, so the encoder resets it mid-stream.
    rng = random.Random(7)
    noise = b"\n".join(
        b"% " + bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz ") for _ in range(100))
        for _ in range(300)
    )
    return simple_pdf(noise + b"\n" + text_ops(), filters=["LZWDecode"])


def _pdf_dense_content() -> bytes:
    # 150,000 one-letter text objects in 1 MB of content: cheap to parse, slow to walk per char.
    ops = b"BT /F1 1 Tf 100 100 Td " + b"(a)Tj " * 150_000 + b"ET"
    return simple_pdf(ops, filters=["FlateDecode"])


def _pdf_huge_content() -> bytes:
    # 16 MB of path operators in one content stream: pdfium would hold millions of points.
    ops = b"0 0 m 1 1 l " * (16 * MB // 12) + b"S"
    return simple_pdf(ops, filters=["FlateDecode"])


def _pdf_disguised_content() -> bytes:
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


def _pdf_form_bomb(levels: int = 9, fanout: int = 10) -> bytes:
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


def _pdf_form_loop() -> bytes:
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


def _pdf_many_pages(count: int = 5000) -> bytes:
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


def _pdf_lying_page_count() -> bytes:
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>",
            _page(),
            pdf_stream(text_ops()),
            HELVETICA,
        ]
    )


def _pdf_cyclic_page_tree() -> bytes:
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
            _page(),
            pdf_stream(text_ops()),
            HELVETICA,
        ]
    )


def _pdf_reference_cycle() -> bytes:
    return simple_pdf(contents_ref=b"6 0 R", extra_objects=[b"7 0 R", b"6 0 R"])


def _pdf_deep_nesting(opening: bytes, closing: bytes, depth: int = 100_000) -> bytes:
    junk = opening * depth + closing * depth
    return simple_pdf(resources=b"/Junk " + junk)


def _pdf_broken_xref() -> bytes:
    data = bytearray(simple_pdf())
    at = data.index(b"xref") + 10
    data[at : at + 60] = b"garbage!" * 7 + b"xxxx"
    return bytes(data)


def _pdf_truncated() -> bytes:
    data = simple_pdf()
    return data[: len(data) // 2]


def _pdf_image_only() -> bytes:
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


def _pdf_no_unicode_map() -> bytes:
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


# --- text ---------------------------------------------------------------------------------------


def _binary_junk() -> bytes:
    return random.Random(4).randbytes(64 * 1024)


def _text_with_nuls() -> bytes:
    text = resume_text().replace("HIPAA", "HI\0PAA").encode("utf-8")
    return text + b"\0" * 100_000


# --- the catalogue ------------------------------------------------------------------------------

_MISSING_PART = (
    "a part every Word document has; it may be damaged: open it in Word and save it again"
)
_BAD_XML = "holds XML that cannot be parsed (broken, or nested too deeply)"
_UNREADABLE_PDF = "is not a readable PDF (damaged or truncated); export it again"
_BOMB = "its compressed streams expand to more than 256 MB, far more than a resume needs"
_CONTENT = "a page draws more than 8 MB of content (forms counted as often as they are drawn)"
_ENTITIES = "contains XML entity declarations (word/document.xml), which Word never writes"
_NO_LAYER = "has no text layer (its pages hold no text and no images"

CASES: tuple[Case, ...] = (
    # plain text
    Case("text-binary-junk", ".txt", _binary_junk, "error", "looks like binary data, not text"),
    Case("text-nul-bytes", ".txt", _text_with_nuls, "ok"),
    Case("text-utf16-without-bom", ".txt", lambda: resume_text().encode("utf-16-le"), "ok"),
    Case("text-utf16-odd-length", ".txt", lambda: resume_text().encode("utf-16") + b"!", "ok"),
    Case(
        "text-single-line-50mb",
        ".txt",
        lambda: b"a" * (50 * MB),
        "error",
        "is 50.0 MB, over the 20 MB limit",
    ),
    Case(
        "text-single-line-50mb-raised-limit",
        ".txt",
        lambda: b"a" * (50 * MB),
        "error",
        "holds more than 500,000 characters of text (50.0 MB)",
        options={"max_bytes": 100 * MB},
    ),
    Case(
        "text-1mb-of-letters",
        ".txt",
        lambda: b"Skills: " + b"a" * MB,
        "error",
        "holds 1,048,584 characters of text, more than the 500,000",
    ),
    Case(
        "text-pdf-renamed",
        ".txt",
        simple_pdf,
        "error",
        "is really a PDF with a text name; rename it to .pdf",
    ),
    Case(
        "text-docx-renamed",
        ".md",
        docx_bytes,
        "error",
        "is really a zip file (a DOCX?) with a text name; rename it to .docx",
    ),
    # DOCX
    Case(
        "docx-zip-bomb",
        ".docx",
        _docx_zip_bomb,
        "error",
        "expands to 200 MB when unzipped, over the 150 MB limit (a zip bomb?)",
    ),
    Case(
        "docx-zip-lying-sizes",
        ".docx",
        _docx_lying_sizes,
        "error",
        "is not a valid DOCX file (damaged zip); it may be truncated",
    ),
    Case(
        "docx-xml-bomb",
        ".docx",
        _docx_xml_bomb,
        "error",
        "holds more than 32 MB of XML, far more than a Word document needs",
    ),
    Case(
        "docx-3000-entries",
        ".docx",
        _docx_many_entries,
        "error",
        "is a DOCX with 3,000 parts, far more than a document has",
    ),
    Case("docx-billion-laughs", ".docx", _docx_billion_laughs, "error", _ENTITIES),
    Case(
        "docx-billion-laughs-after-comment",
        ".docx",
        lambda: _docx_billion_laughs(padding=10_000),
        "error",
        _ENTITIES,
    ),
    Case("docx-external-entity", ".docx", _docx_external_entity, "error", _ENTITIES),
    Case("docx-utf16-entities", ".docx", _docx_utf16_doctype, "error", _ENTITIES),
    Case(
        "docx-no-document-part",
        ".docx",
        lambda: docx_bytes(document=None),
        "error",
        "is a zip file but not a Word document (no word/document.xml)",
    ),
    Case(
        "docx-no-content-types",
        ".docx",
        lambda: docx_bytes(content_types=None),
        "error",
        f"is missing [Content_Types].xml, {_MISSING_PART}",
    ),
    Case(
        "docx-no-package-rels",
        ".docx",
        lambda: docx_bytes(rels=None),
        "error",
        f"is missing _rels/.rels, {_MISSING_PART}",
    ),
    # Only the parts that hold text are parsed, so a missing style sheet costs nothing.
    Case("docx-missing-styles-part", ".docx", _docx_missing_styles, "ok"),
    Case(
        "docx-broken-xml",
        ".docx",
        lambda: docx_bytes(document=document_xml().encode()[:-40]),
        "error",
        _BAD_XML,
    ),
    Case("docx-deep-xml", ".docx", _docx_deep_xml, "error", _BAD_XML),
    Case(
        "docx-wrong-root",
        ".docx",
        lambda: docx_bytes(document=b'<?xml version="1.0"?><html><body/></html>'),
        "error",
        "has no document body in word/document.xml",
    ),
    Case(
        "docx-truncated",
        ".docx",
        lambda: docx_bytes()[:300],
        "error",
        "is not a valid DOCX file (damaged zip); it may be truncated",
    ),
    Case(
        "docx-encrypted-entry",
        ".docx",
        _docx_encrypted_entry,
        "error",
        "has encrypted parts; save an unprotected copy and try again",
    ),
    Case(
        "docx-template",
        ".docx",
        lambda: docx_bytes(docx_parts(main=_TEMPLATE)),
        "error",
        "is not a Word document but another Office file",
    ),
    Case(
        "docx-really-pdf",
        ".docx",
        simple_pdf,
        "error",
        "is really a PDF with a .docx name; rename it to .pdf",
    ),
    Case(
        "docx-renamed-doc",
        ".docx",
        ole_file,
        "error",
        "is a legacy Word .doc file renamed to .docx; save it as PDF or DOCX",
    ),
    Case(
        "docx-password-protected",
        ".docx",
        lambda: ole_file(["EncryptionInfo", "EncryptedPackage"]),
        "error",
        "is protected by a password; save an unprotected copy and try again",
    ),
    Case(
        "docx-not-a-zip",
        ".docx",
        lambda: resume_text().encode(),
        "error",
        "is not a valid DOCX file (not a zip package)",
    ),
    Case("docx-external-links", ".docx", _docx_external_links, "ok"),
    # PDF
    Case("pdf-truncated", ".pdf", _pdf_truncated, "error", _UNREADABLE_PDF),
    Case("pdf-header-only", ".pdf", lambda: b"%PDF-1.7\n", "error", _UNREADABLE_PDF),
    Case("pdf-broken-xref", ".pdf", _pdf_broken_xref, "ok"),
    Case("pdf-no-xref", ".pdf", lambda: simple_pdf(xref=False), "ok"),
    Case(
        "pdf-user-password",
        ".pdf",
        lambda: encrypted_pdf("secret"),
        "error",
        "is protected by a password; save an unprotected copy and try again",
    ),
    Case("pdf-owner-password-only", ".pdf", lambda: encrypted_pdf(""), "ok"),
    Case(
        "pdf-5000-pages",
        ".pdf",
        _pdf_many_pages,
        "ok",
        flags=("truncated",),
    ),
    Case("pdf-lying-page-count", ".pdf", _pdf_lying_page_count, "ok"),
    Case("pdf-lzw-text", ".pdf", _pdf_lzw_text, "ok"),
    Case("pdf-run-length-text", ".pdf", lambda: simple_pdf(filters=["RunLengthDecode"]), "ok"),
    Case(
        "pdf-hex-flate-text",
        ".pdf",
        lambda: simple_pdf(filters=["ASCIIHexDecode", "FlateDecode"]),
        "ok",
    ),
    Case("pdf-cyclic-page-tree", ".pdf", _pdf_cyclic_page_tree, "ok", flags=("damaged",)),
    Case("pdf-reference-cycle", ".pdf", _pdf_reference_cycle, "no-text", _NO_LAYER),
    Case("pdf-deep-arrays", ".pdf", lambda: _pdf_deep_nesting(b"[", b"]"), "ok"),
    Case("pdf-deep-dicts", ".pdf", lambda: _pdf_deep_nesting(b"<< /A ", b">>"), "ok"),
    Case(
        "pdf-form-loop",
        ".pdf",
        _pdf_form_loop,
        "error",
        "draws a form that draws itself (a loop of form XObjects)",
    ),
    Case("pdf-form-bomb", ".pdf", _pdf_form_bomb, "error", _CONTENT),
    Case("pdf-flate-bomb", ".pdf", _pdf_flate_bomb, "error", _BOMB),
    Case("pdf-double-flate-bomb", ".pdf", _pdf_double_flate_bomb, "error", _BOMB),
    Case("pdf-lzw-bomb", ".pdf", _pdf_lzw_bomb, "error", _BOMB),
    Case("pdf-hex-flate-bomb", ".pdf", _pdf_hex_flate_bomb, "error", _BOMB),
    Case("pdf-16mb-content", ".pdf", _pdf_huge_content, "error", _CONTENT),
    Case(
        "pdf-object-flood",
        ".pdf",
        lambda: b"%PDF-1.7\n" + b"1 0 obj " * 250_000,
        "error",
        "holds more than 200,000 objects, far more than a resume",
    ),
    Case("pdf-content-disguised-as-image", ".pdf", _pdf_disguised_content, "error", _CONTENT),
    Case(
        "pdf-150000-characters",
        ".pdf",
        _pdf_dense_content,
        "error",
        "page 1 holds 150,000 characters, more than the 100,000 a page of a resume could",
    ),
    Case(
        "pdf-no-unicode-map",
        ".pdf",
        _pdf_no_unicode_map,
        "no-text",
        "text extracts as gibberish (its fonts have no usable character map)",
    ),
    Case(
        "pdf-image-only",
        ".pdf",
        _pdf_image_only,
        "no-text",
        "has no text layer; it looks scanned (images only), so run OCR on it",
    ),
    Case("pdf-blank-page", ".pdf", lambda: simple_pdf(b""), "no-text", _NO_LAYER),
    Case(
        "pdf-really-docx",
        ".pdf",
        docx_bytes,
        "error",
        "is really a DOCX/zip file with a .pdf name; rename it",
    ),
    Case(
        "pdf-renamed-doc",
        ".pdf",
        ole_file,
        "error",
        "is a legacy Word .doc file renamed to .pdf; save it as PDF or DOCX",
    ),
    Case(
        "pdf-not-a-pdf",
        ".pdf",
        lambda: resume_text().encode(),
        "error",
        "is not a valid PDF (no %PDF header); it may be corrupt or truncated",
    ),
)
