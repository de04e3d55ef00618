"""DOCX packages zipped by hand: entity bombs, lying sizes, encrypted entries, missing parts."""

from __future__ import annotations

import zlib
from collections.abc import Sequence

from .archives import ZipEntry, deflate_bomb, zip_bytes
from .plain import MB, RESUME_LINES

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
TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
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


def docx_billion_laughs(padding: int = 0) -> bytes:
    prolog = (f"<!--{'x' * padding}-->" if padding else "") + _laughs()
    return docx_bytes(
        document=document_xml(
            [*RESUME_LINES[:-1], RESUME_LINES[-1] + " &lol9;"], prolog=prolog
        ).encode()
    )


def docx_external_entity() -> bytes:
    prolog = '<!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    return docx_bytes(document=document_xml([*RESUME_LINES, "&secret;"], prolog=prolog).encode())


def docx_utf16_doctype() -> bytes:
    xml = document_xml(prolog=_laughs(3)).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return docx_bytes(document=xml.encode("utf-16"))


def docx_zip_bomb() -> bytes:
    data, size, crc = deflate_bomb(200 * MB, ord("a"))
    parts = docx_parts()
    entries = [ZipEntry(name, payload) for name, payload in parts.items()]
    entries.append(ZipEntry("word/media/image1.png", data, size=size, crc=crc, raw=True))
    return zip_bytes(entries)


def docx_lying_sizes() -> bytes:
    data, _, _ = deflate_bomb(200 * MB, ord("a"))
    parts = docx_parts()
    entries = [ZipEntry(name, payload) for name, payload in parts.items() if "document" not in name]
    entries.append(ZipEntry("word/document.xml", data, size=2048, crc=0, raw=True))
    return zip_bytes(entries)


def docx_xml_bomb() -> bytes:
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


def docx_many_entries(count: int = 3000) -> bytes:
    entries = [ZipEntry(name, data) for name, data in docx_parts().items()]
    entries += [ZipEntry(f"customXml/item{i}.xml", b"<a/>") for i in range(count - len(entries))]
    return zip_bytes(entries)


def docx_missing_styles() -> bytes:
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
    )
    return docx_bytes(document_rels=rels.encode())


def docx_external_links() -> bytes:
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


def docx_deep_xml(depth: int = 300) -> bytes:
    nested = "<w:sdt><w:sdtContent>" * depth + "</w:sdtContent></w:sdt>" * depth
    return docx_bytes(document=document_xml(body_extra=nested).encode())


def docx_encrypted_entry() -> bytes:
    entries = [ZipEntry(name, data) for name, data in docx_parts().items()]
    entries[-1] = ZipEntry(entries[-1].name, entries[-1].data, flags=0x1)
    return zip_bytes(entries)


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole_file(streams: Sequence[str] = ("WordDocument",)) -> bytes:
    """The start of an OLE compound file (a .doc, or a password-protected .docx) naming streams."""
    header = OLE_MAGIC + bytes(504)
    names = b"".join(name.encode("utf-16-le").ljust(64, b"\0") + bytes(64) for name in streams)
    return header + names + bytes(2048)
