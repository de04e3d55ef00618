"""Read PDF, DOCX and plain-text files into normalised text, treating every file as hostile."""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import (
    DocumentError,
    EmptyDocumentError,
    FileTooLargeError,
    NoTextError,
    UnsupportedFileError,
)
from .layout import Word, drop_repeated_margins, page_lines
from .normalize import mixed_script_flags, normalize_text, repeated_line_flags
from .types import Flag

SUPPORTED_SUFFIXES = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
}
_SUPPORTED_LIST = "PDF, DOCX, TXT or MD"
_SAVE_AS = f"save it as PDF or DOCX (supported: {_SUPPORTED_LIST})"
_UNSUPPORTED_HINTS = {
    ".doc": f"is a legacy Word .doc file; {_SAVE_AS}",
    ".odt": f"is an OpenDocument file; {_SAVE_AS}",
    ".rtf": f"is an RTF file; {_SAVE_AS}",
    ".pages": f"is an Apple Pages file; {_SAVE_AS}",
    ".html": f"is a web page; {_SAVE_AS}",
    ".htm": f"is a web page; {_SAVE_AS}",
}
# pdfminer and pdfplumber log a warning for every oddity of a broken PDF; with no handler set up,
# Python would print them on stderr. The library prints nothing: an application that wants them
# configures logging, and they reach its handlers as before.
for _noisy in ("pdfminer", "pdfplumber"):
    logging.getLogger(_noisy).addHandler(logging.NullHandler())
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp", ".heic"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_TOKEN = re.compile(r"\S+")
_ENGLISH_GLUE = frozenset(
    {"the", "and", "of", "to", "in", "with", "for", "a", "an", "on", "at", "as", "by", "from"}
    | {"my", "i", "is", "was"}
)


@dataclass(frozen=True)
class ReadOptions:
    """Limits that keep one hostile file from costing more than a resume should.

    SECURITY.md explains each limit. ``isolate`` reads the file in a child process capped at
    ``max_memory_mb`` of memory and ``time_limit`` seconds, for what no check of the input can
    foresee; it costs a few milliseconds a file.
    """

    max_bytes: int = 20 * 1024 * 1024
    max_pages: int = 30
    max_chars: int = 500_000
    max_unzipped_bytes: int = 150 * 1024 * 1024
    max_xml_bytes: int = 32 * 1024 * 1024
    max_zip_entries: int = 2_000
    max_pdf_stream_bytes: int = 256 * 1024 * 1024
    max_pdf_content_bytes: int = 8 * 1024 * 1024
    max_page_chars: int = 100_000
    min_words: int = 25
    pdf_engine: str = "pdfium"
    isolate: bool = False
    time_limit: float = 30.0
    max_memory_mb: int = 1024


@dataclass(frozen=True)
class Document:
    """A document's visible text, page by page, with what was noticed while reading it."""

    path: Path
    kind: str
    pages: tuple[str, ...]
    flags: tuple[Flag, ...] = ()
    hidden_text: str = ""

    @property
    def text(self) -> str:
        """All pages joined by a blank line; offsets into it are what evidence points at."""
        return "\n\n".join(self.pages)

    def page_starts(self) -> list[int]:
        """Offset in :attr:`text` where each page begins."""
        starts, offset = [], 0
        for page in self.pages:
            starts.append(offset)
            offset += len(page) + 2
        return starts


@dataclass
class _Raw:
    pages: list[str]
    hidden: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def start_reading(path: Path | str, options: ReadOptions | None = None) -> Callable[[], Document]:
    """Begin reading a file; the returned function gives the :class:`Document` or raises.

    With ``options.isolate`` the file is read in a child process that starts now, so the caller
    can prepare other work while it runs; otherwise reading happens when the function is called.
    A missing, unsupported or mislabelled file fails here, at once.
    """
    options = options or ReadOptions()
    path = Path(path)
    if options.isolate:
        from .sandbox import start_in_child

        _sniff(path, _check_file(path, options), _read_head(path))
        return start_in_child(path, options)
    return lambda: read_document(path, options)


def read_document(path: Path | str, options: ReadOptions | None = None) -> Document:
    """Read a file into a :class:`Document`.

    Raises:
        DocumentError: (or a subclass) with a message that says what is wrong and what to do.
    """
    options = options or ReadOptions()
    path = Path(path)
    if options.isolate:
        from .sandbox import read_in_child

        return read_in_child(path, options)
    kind = _check_file(path, options)
    head = _read_head(path)
    reader = READERS[_sniff(path, kind, head)]
    try:
        raw = reader(path, options)
    except DocumentError:
        raise
    except MemoryError:
        raise FileTooLargeError(
            "needs more memory than a resume should; is it a resume?", path
        ) from None
    except RecursionError:
        raise DocumentError("is nested too deeply to read; it may be corrupt", path) from None
    except Exception as exc:
        raise DocumentError(
            f"could not be read ({type(exc).__name__}); the file may be corrupt: "
            f"open it and save it again as PDF or DOCX",
            path,
        ) from exc
    return _finish(path, kind, raw, options)


def _check_file(path: Path, options: ReadOptions) -> str:
    try:
        if not path.exists():
            raise DocumentError("no such file; check the path", path)
        if path.is_dir():
            raise DocumentError(
                "is a folder; give a file, or use 'resume-match screen' for folders", path
            )
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(
            f"cannot be opened ({exc.strerror or exc}); check its permissions", path
        ) from None
    suffix = path.suffix.lower()
    if suffix in _UNSUPPORTED_HINTS:
        raise UnsupportedFileError(_UNSUPPORTED_HINTS[suffix], path)
    if suffix in _IMAGE_SUFFIXES:
        raise UnsupportedFileError(
            "is an image; resume-match reads text, so export the resume as PDF or DOCX "
            "(or run OCR on it first)",
            path,
        )
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "a file with no extension"
        raise UnsupportedFileError(
            f"{shown} is not a supported type (supported: {_SUPPORTED_LIST})", path
        )
    if size == 0:
        raise EmptyDocumentError("is empty (0 bytes)", path)
    if size > options.max_bytes:
        raise FileTooLargeError(
            f"is {size / 1024 / 1024:.1f} MB, over the "
            f"{round(options.max_bytes / 1024 / 1024, 2):g} MB limit; "
            "raise it with --max-size if this really is a resume",
            path,
        )
    return SUPPORTED_SUFFIXES[suffix]


def _read_head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(1024)
    except OSError as exc:
        raise DocumentError(
            f"cannot be opened ({exc.strerror or exc}); check its permissions", path
        ) from None


def _sniff(path: Path, kind: str, head: bytes) -> str:
    """Check that the content is what the name says, and say what it really is when not."""
    is_pdf = b"%PDF-" in head
    is_zip = head.startswith(b"PK\x03\x04")
    if head.startswith(_OLE_MAGIC):
        if _is_encrypted_office(path):
            raise DocumentError(
                "is protected by a password; save an unprotected copy and try again", path
            )
        raise UnsupportedFileError(
            f"is a legacy Word .doc file renamed to {path.suffix.lower()}; {_SAVE_AS}", path
        )
    if kind == "text":
        if head.startswith(b"%PDF-"):
            raise UnsupportedFileError("is really a PDF with a text name; rename it to .pdf", path)
        if is_zip:
            raise UnsupportedFileError(
                "is really a zip file (a DOCX?) with a text name; rename it to .docx", path
            )
    if kind == "docx":
        if is_pdf:
            raise UnsupportedFileError("is really a PDF with a .docx name; rename it to .pdf", path)
        if not is_zip:
            raise DocumentError(
                "is not a valid DOCX file (not a zip package); it may be corrupt", path
            )
    if kind == "pdf" and not is_pdf:
        if is_zip:
            raise UnsupportedFileError(
                "is really a DOCX/zip file with a .pdf name; rename it", path
            )
        raise DocumentError(
            "is not a valid PDF (no %PDF header); it may be corrupt or truncated", path
        )
    return kind


def _is_encrypted_office(path: Path) -> bool:
    """A password-protected .docx is an OLE file holding an "EncryptedPackage" stream."""
    try:
        with path.open("rb") as handle:
            return "EncryptedPackage".encode("utf-16-le") in handle.read(8 * 1024 * 1024)
    except OSError:
        return False


def _too_much_text(path: Path, chars: int, options: ReadOptions) -> FileTooLargeError:
    return FileTooLargeError(
        f"holds {chars:,} characters of text, more than the {options.max_chars:,} a resume "
        "could need; is it a resume?",
        path,
    )


def _finish(path: Path, kind: str, raw: _Raw, options: ReadOptions) -> Document:
    # Checked before normalising too, so that the normaliser never works on more than the limit.
    raw_chars = sum(len(page) for page in raw.pages)
    if raw_chars > options.max_chars:
        raise _too_much_text(path, raw_chars, options)
    pages = [normalize_text(page) for page in raw.pages]
    text = "\n\n".join(pages)
    flags = list(raw.flags)
    if len(text) > options.max_chars:
        raise _too_much_text(path, len(text), options)
    words = _WORD.findall(text)
    if not words:
        if kind == "pdf":
            raise NoTextError(
                "has no text layer; it looks scanned (images only), so run OCR on it "
                "or export the original as PDF or DOCX",
                path,
            )
        raise EmptyDocumentError("has no text", path)
    if _looks_garbled(text):
        raise NoTextError(
            "text extracts as gibberish (its fonts have no usable character map); "
            "export it again from the original, or run OCR on it",
            path,
        )
    if len(words) < options.min_words:
        raise EmptyDocumentError(
            f"has only {len(words)} words, too few to score (a resume needs at least "
            f"{options.min_words}); is this the whole document?",
            path,
        )
    flags.extend(mixed_script_flags(text))
    flags.extend(repeated_line_flags(text))
    lowered = [w.lower() for w in words]
    glue = sum(1 for w in lowered if w in _ENGLISH_GLUE)
    if len(words) >= 80 and glue / len(words) < 0.02:
        flags.append(
            Flag("not-english", "the text does not look like English; the skills list is English")
        )
    hidden = normalize_text("\n".join(raw.hidden))
    return Document(path, kind, tuple(pages), tuple(flags), hidden)


def _looks_garbled(text: str) -> bool:
    """True when most tokens are not words in any alphabet: a font without a Unicode map."""
    tokens = _TOKEN.findall(text)
    if len(tokens) < 30:
        return False
    clean = sum(1 for token in tokens if _plausible(token))
    return clean / len(tokens) < 0.45


def _plausible(token: str) -> bool:
    core = token.strip(".,;:()[]\"'!?•-|/")
    if not core:
        return True
    if core.replace(",", "").replace(".", "").replace("-", "").replace("/", "").isdigit():
        return True
    if not core.replace("'", "").replace("-", "").replace(".", "").isalpha():
        return "@" in core or "://" in core or "." in core
    lower_then_upper = re.search(r"[a-z][A-Z]", core) is not None
    has_vowel = re.search(r"[aeiouyAEIOUYà-ÿ]", core) is not None or len(core) <= 3
    return has_vowel and not (lower_then_upper and len(core) < 8)


# --- plain text -------------------------------------------------------------------------------


_BINARY = "looks like binary data, not text; is it really a .txt file?"


def _read_text(path: Path, options: ReadOptions) -> _Raw:
    size = path.stat().st_size
    # No encoding spends more than 4 bytes on a character: a bigger file is over max_chars,
    # and is refused before it is read, let alone decoded.
    if size > 4 * options.max_chars:
        raise FileTooLargeError(
            f"holds more than {options.max_chars:,} characters of text ({size / 1024 / 1024:.1f} "
            "MB), more than a resume could need; is it a resume?",
            path,
        )
    data = path.read_bytes()
    utf16 = _utf16_codec(data)
    if utf16 is not None:
        text = data.decode(utf16, "replace")
    else:
        # NULs padding the end are an editor's leftovers; a few inside hide words ("HI\0PAA").
        data = data.rstrip(b"\x00")
        if data.count(b"\x00") > max(4, len(data) // 100):
            raise DocumentError(_BINARY, path)
        text = _decode(data.replace(b"\x00", b""))
    control = sum(1 for ch in text[:20_000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > max(10, len(text[:20_000]) // 50):
        raise DocumentError(_BINARY, path)
    return _Raw([text])


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _utf16_codec(data: bytes) -> str | None:
    """The codec of UTF-16 text, with or without a byte-order mark, else None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # ASCII letters in UTF-16 put a NUL in every other byte: odd bytes in little-endian order.
    if odd > 0.4 * len(sample) / 2 and even < 0.05 * len(sample) / 2:
        return "utf-16-le"
    if even > 0.4 * len(sample) / 2 and odd < 0.05 * len(sample) / 2:
        return "utf-16-be"
    return None


# --- DOCX -------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_WHITE = {"FFFFFF", "FEFEFE", "FDFDFD"}


_DAMAGED_DOCX = "it may be damaged: open it in Word and save it again"
_REQUIRED_PARTS = ("[Content_Types].xml", "_rels/.rels")
_DECLARATIONS = re.compile(
    b"|".join(
        re.escape(word.encode(codec))
        for word in ("<!DOCTYPE", "<!ENTITY")
        for codec in ("ascii", "utf-16-le", "utf-16-be")
    )
)


def _check_zip(path: Path, options: ReadOptions) -> None:
    """Refuse a package before any part is parsed: too many parts, bombs, missing parts."""
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
            if len(entries) > options.max_zip_entries:
                raise FileTooLargeError(
                    f"is a DOCX with {len(entries):,} parts, far more than a document has; "
                    "it is not a resume, or it is damaged",
                    path,
                )
            total = sum(entry.file_size for entry in entries)
            if total > options.max_unzipped_bytes:
                raise FileTooLargeError(
                    f"expands to {total / 1024 / 1024:,.0f} MB when unzipped, over the "
                    f"{options.max_unzipped_bytes / 1024 / 1024:.0f} MB limit (a zip bomb?)",
                    path,
                )
            names = {entry.filename for entry in entries}
            if "word/document.xml" not in names:
                raise DocumentError(
                    "is a zip file but not a Word document (no word/document.xml); "
                    "open it in Word and save it again",
                    path,
                )
            for name in _REQUIRED_PARTS:
                if name not in names:
                    raise DocumentError(
                        f"is missing {name}, a part every Word document has; {_DAMAGED_DOCX}", path
                    )
            if any(entry.flag_bits & 0x1 for entry in entries):
                raise DocumentError(
                    "has encrypted parts; save an unprotected copy and try again", path
                )
    except zipfile.BadZipFile:
        raise DocumentError(
            "is not a valid DOCX file (damaged zip); it may be truncated", path
        ) from None
    except (zipfile.LargeZipFile, NotImplementedError) as exc:
        raise DocumentError(f"uses an unsupported zip feature ({exc})", path) from None


_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_MAIN_CONTENT_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
)


def _read_docx(path: Path, options: ReadOptions) -> _Raw:
    """Read the main document, headers and footers straight from the package.

    Opening the whole package with ``docx.Document`` parses every part, styles and numbering
    included, which is most of the cost of a resume; only the parts that hold text are parsed
    here, with python-docx's own XML parser (entities are never resolved).
    """
    _check_zip(path, options)
    from lxml import etree  # type: ignore[import-untyped]

    try:
        with zipfile.ZipFile(path) as package:
            main = _main_part(path, package)
            _check_main_content_type(path, package, main)
            headers, footers = _header_footer_parts(path, package, main)
            budget = [options.max_xml_bytes]
            body = _parse_part(path, package, main, budget, options).find(f"{_W}body")
            if body is None:
                raise DocumentError(
                    f"has no document body in word/document.xml; {_DAMAGED_DOCX}", path
                )
            margins = {
                name: _parse_part(path, package, name, budget, options)
                for name in (*headers, *footers)
            }
    except etree.XMLSyntaxError:
        raise DocumentError(
            f"holds XML that cannot be parsed (broken, or nested too deeply); {_DAMAGED_DOCX}",
            path,
        ) from None
    except zipfile.BadZipFile:
        raise DocumentError(
            "is not a valid DOCX file (damaged zip); it may be truncated", path
        ) from None
    visible: list[str] = []
    hidden: list[str] = []
    seen_parts: set[str] = set()
    for name in headers:
        _collect_part(margins[name], visible, hidden, seen_parts)
    _collect_block(body, visible, hidden)
    for name in footers:
        _collect_part(margins[name], visible, hidden, seen_parts)
    concealed = [word for text in hidden for word in text.split()]
    return _Raw(["\n".join(visible)], hidden, [_hidden_flag(concealed)] if concealed else [])


def _relationships(path: Path, package: zipfile.ZipFile, name: str) -> list[tuple[str, str]]:
    """(type, target) of each internal relationship in the ``.rels`` part ``name``."""
    from docx.oxml.parser import parse_xml

    try:
        root = parse_xml(package.read(name))
    except KeyError:
        return []
    return [
        (rel.get("Type", ""), rel.get("Target", ""))
        for rel in root.iter(_RELATIONSHIPS)
        if rel.get("TargetMode") != "External"
    ]


def _main_part(path: Path, package: zipfile.ZipFile) -> str:
    for kind, target in _relationships(path, package, "_rels/.rels"):
        if kind.endswith(_OFFICE_DOCUMENT):
            return target.lstrip("/")
    raise DocumentError(f"does not say which part is its main document; {_DAMAGED_DOCX}", path)


def _check_main_content_type(path: Path, package: zipfile.ZipFile, main: str) -> None:
    from docx.oxml.parser import parse_xml

    types = parse_xml(package.read("[Content_Types].xml"))
    for override in types:
        if str(override.get("PartName", "")).lstrip("/") == main:
            if override.get("ContentType") in _MAIN_CONTENT_TYPES:
                return
            break
    raise DocumentError(
        "is not a Word document but another Office file (a template or macro file?); "
        "open it in Word and save it as .docx",
        path,
    )


def _header_footer_parts(
    path: Path, package: zipfile.ZipFile, main: str
) -> tuple[list[str], list[str]]:
    folder, _, name = main.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    headers: list[str] = []
    footers: list[str] = []
    for kind, target in _relationships(path, package, rels):
        part = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}".lstrip("/")
        if kind.endswith("/header"):
            headers.append(part)
        elif kind.endswith("/footer"):
            footers.append(part)
    return headers, footers


def _parse_part(
    path: Path, package: zipfile.ZipFile, name: str, budget: list[int], options: ReadOptions
) -> Any:
    """Parse one XML part, refusing entity declarations and XML beyond the size budget."""
    from docx.oxml.parser import parse_xml

    try:
        info = package.getinfo(name)
    except KeyError:
        raise DocumentError(
            f"is missing {name}, a part it refers to; {_DAMAGED_DOCX}", path
        ) from None
    budget[0] -= info.file_size
    if budget[0] < 0:
        raise FileTooLargeError(
            f"holds more than {options.max_xml_bytes / 1024 / 1024:.0f} MB of XML, far "
            "more than a Word document needs; it may be built to exhaust readers",
            path,
        )
    data = package.read(info)
    if _DECLARATIONS.search(data):
        raise DocumentError(
            f"contains XML entity declarations ({name}), which Word never writes; refusing to "
            "read it",
            path,
        )
    return parse_xml(data)


def _collect_part(root: Any, visible: list[str], hidden: list[str], seen: set[str]) -> None:
    """A header or footer, kept once however many sections repeat it."""
    lines: list[str] = []
    _collect_block(root, lines, hidden)
    key = "\n".join(lines).strip()
    if key and key not in seen:
        seen.add(key)
        visible.extend(lines)


def _collect_block(element: Any, visible: list[str], hidden: list[str], depth: int = 0) -> None:
    """Walk paragraphs and tables in document order, nested tables and text boxes included."""
    if depth > 20:
        return
    for child in element.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            _collect_paragraph(child, visible, hidden, depth)
        elif tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                cells: list[str] = []
                seen_cells: set[int] = set()
                for cell in row.iterchildren(f"{_W}tc"):
                    if id(cell) in seen_cells:
                        continue
                    seen_cells.add(id(cell))
                    cell_lines: list[str] = []
                    _collect_block(cell, cell_lines, hidden, depth + 1)
                    cells.append("\n".join(line for line in cell_lines if line.strip()))
                visible.extend(cell for cell in cells if cell)
        elif tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"):
            _collect_block(child, visible, hidden, depth + 1)


def _collect_paragraph(paragraph: Any, visible: list[str], hidden: list[str], depth: int) -> None:
    shown: list[str] = []
    concealed: list[str] = []
    boxes: list[Any] = []
    for node in paragraph.iter(f"{_W}r", f"{_W}txbxContent"):
        if node.tag == f"{_W}txbxContent":
            if not _inside(node, _MC_FALLBACK) and _outermost_box(node, paragraph):
                boxes.append(node)
            continue
        if _inside(node, f"{_W}txbxContent", stop=paragraph) or _inside(
            node, f"{_W}del", paragraph
        ):
            continue
        text = _run_text(node)
        if text:
            (concealed if _run_is_hidden(node) else shown).append(text)
    line = "".join(shown)
    if line.strip():
        visible.extend(line.split("\n"))
    if concealed:
        hidden.append("".join(concealed))
    for box in boxes:
        _collect_block(box, visible, hidden, depth + 1)


def _run_text(run: Any) -> str:
    parts: list[str] = []
    for node in run.iterchildren():
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}tab":
            parts.append(" ")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _run_is_hidden(run: Any) -> bool:
    props = run.find(f"{_W}rPr")
    if props is None:
        return False
    vanish = props.find(f"{_W}vanish")
    if vanish is not None and vanish.get(f"{_W}val", "true") not in ("0", "false"):
        return True
    size = props.find(f"{_W}sz")
    if (
        size is not None
        and (size.get(f"{_W}val") or "").isdigit()
        and int(size.get(f"{_W}val")) <= 4
    ):
        return True
    color = props.find(f"{_W}color")
    if color is not None and (color.get(f"{_W}val") or "").upper() in _WHITE:
        return not _on_dark_shading(run, props)
    return False


def _on_dark_shading(run: Any, props: Any) -> bool:
    shadings = [props.find(f"{_W}shd")]
    node = run.getparent()
    while node is not None:
        if node.tag in (f"{_W}tc", f"{_W}p"):
            container_props = node.find(f"{_W}tcPr" if node.tag == f"{_W}tc" else f"{_W}pPr")
            if container_props is not None:
                shadings.append(container_props.find(f"{_W}shd"))
        node = node.getparent()
    for shading in shadings:
        if shading is None:
            continue
        fill = (shading.get(f"{_W}fill") or "auto").upper()
        if fill not in ("AUTO", "FFFFFF") and len(fill) == 6:
            red, green, blue = (int(fill[i : i + 2], 16) for i in (0, 2, 4))
            if red + green + blue < 600:
                return True
    return False


def _inside(node: Any, tag: str, stop: Any = None) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _outermost_box(node: Any, paragraph: Any) -> bool:
    return not _inside(node, f"{_W}txbxContent", stop=paragraph)


# --- PDF --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _PdfWord:
    word: Word
    hidden: bool


_UNREADABLE_PDF = "is not a readable PDF (damaged or truncated); export it again"


def _read_pdf(path: Path, options: ReadOptions) -> _Raw:
    import pypdfium2 as pdfium

    from .pdfguard import PdfBudgetError, check_pdf

    try:
        check_pdf(path.read_bytes(), options.max_pdf_stream_bytes, options.max_pdf_content_bytes)
    except PdfBudgetError as exc:
        raise FileTooLargeError(str(exc), path) from None
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise DocumentError(
                "is protected by a password; save an unprotected copy and try again", path
            ) from None
        if "security" in message:
            raise DocumentError(
                "is encrypted in a way that cannot be opened; save an unprotected copy and "
                "try again",
                path,
            ) from None
        raise DocumentError(_UNREADABLE_PDF, path) from None
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise EmptyDocumentError("has no pages", path)
        flags: list[Flag] = []
        if page_count > options.max_pages:
            flags.append(
                Flag(
                    "truncated",
                    f"has {page_count} pages; only the first {options.max_pages} were read",
                )
            )
        engine = _pdfplumber_pages if options.pdf_engine == "pdfplumber" else _pdfium_pages
        read = list(engine(path, pdf, options))[: options.max_pages]
        damaged = [index + 1 for index, page in enumerate(read) if page is None]
        if len(damaged) == len(read):
            raise DocumentError(_UNREADABLE_PDF, path)
        if damaged:
            shown = ", ".join(map(str, damaged[:10])) + (" ..." if len(damaged) > 10 else "")
            flags.append(
                Flag(
                    "damaged",
                    f"{len(damaged)} page(s) could not be read and were skipped ({shown}); "
                    "the file may be damaged",
                )
            )
        loaded = {index: page for index, page in enumerate(read) if page is not None}
        pages: list[list[str]] = []
        hidden: list[str] = []
        has_images = False
        for _width, words, images in loaded.values():
            has_images = has_images or images
            pages.append(page_lines([w.word for w in words if not w.hidden]))
            hidden.extend(w.word.text for w in words if w.hidden)
        pages = drop_repeated_margins(pages)
        if not any(line.strip() for page in pages for line in page) and not hidden:
            raise NoTextError(
                "has no text layer; it looks scanned (images only), so run OCR on it "
                "or export the original as PDF or DOCX"
                if has_images
                else "has no text layer (its pages hold no text and no images; text drawn as "
                "shapes cannot be read): export it again from the original, or run OCR on it",
                path,
            )
        if hidden:
            flags.append(_hidden_flag(hidden))
        return _Raw(["\n".join(page) for page in pages], hidden, flags)
    finally:
        pdf.close()


def _hidden_flag(hidden: list[str]) -> Flag:
    sample = " ".join(hidden)[:80]
    return Flag(
        "hidden-text",
        f"{len(hidden)} word(s) are invisible to a reader (white, tiny, hidden or off-page "
        f"text) and were not counted: {sample!r}",
    )


_PageWords = tuple[float, list[_PdfWord], bool]


def _load_page(pdf: Any, index: int) -> Any:
    """The page, or None when pdfium cannot load it (a broken page tree, a missing object)."""
    import pypdfium2 as pdfium

    try:
        return pdf[index]
    except pdfium.PdfiumError:
        return None


def _check_page_chars(path: Path, index: int, count: int, options: ReadOptions) -> None:
    if count > options.max_page_chars:
        raise FileTooLargeError(
            f"page {index + 1} holds {count:,} characters, more than the "
            f"{options.max_page_chars:,} a page of a resume could; it may be built to slow "
            "readers down",
            path,
        )


def _pdfium_pages(path: Path, pdf: Any, options: ReadOptions) -> Iterator[_PageWords | None]:
    """Words with boxes from pdfium, about 30 times faster than pdfminer on a resume page."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    box = pdfium_c.FS_RECTF()
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    for index in range(min(len(pdf), options.max_pages)):
        page = _load_page(pdf, index)
        if page is None:
            yield None
            continue
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            handle = textpage.raw
            count = pdfium_c.FPDFText_CountChars(handle)
            _check_page_chars(path, index, count, options)
            words: list[_PdfWord] = []
            chars: list[str] = []
            x0 = x1 = top = bottom = 0.0
            hidden_chars = 0
            for char_index in range(count):
                code = pdfium_c.FPDFText_GetUnicode(handle, char_index)
                if code in (2, 0xFFFE) and chars:
                    chars.append("-")
                    words.append(_pdf_word(chars, x0, x1, top, bottom, hidden_chars))
                    chars = []
                    continue
                char = chr(code) if 0 < code < 0x110000 else " "
                if char.isspace() or char == "\x00":
                    if chars:
                        words.append(_pdf_word(chars, x0, x1, top, bottom, hidden_chars))
                        chars = []
                    continue
                pdfium_c.FPDFText_GetLooseCharBox(handle, char_index, box)
                left, right = box.left, box.right
                char_top, char_bottom = height - box.top, height - box.bottom
                if chars and (left - x1 > 0.12 * (char_bottom - char_top) or left < x0 - 1):
                    words.append(_pdf_word(chars, x0, x1, top, bottom, hidden_chars))
                    chars = []
                if not chars:
                    x0, x1, top, bottom, hidden_chars = left, right, char_top, char_bottom, 0
                chars.append(char)
                x1 = max(x1, right)
                top = min(top, char_top)
                bottom = max(bottom, char_bottom)
                pdfium_c.FPDFText_GetFillColor(handle, char_index, red, green, blue, alpha)
                invisible = (
                    (red.value > 245 and green.value > 245 and blue.value > 245)
                    or alpha.value < 20
                    or char_bottom - char_top < 2.5
                    or right < 0
                    or left > width
                    or char_bottom < 0
                    or char_top > height
                )
                hidden_chars += invisible
            if chars:
                words.append(_pdf_word(chars, x0, x1, top, bottom, hidden_chars))
            images = _page_has_images(page, pdfium_c)
            textpage.close()
            if any(w.hidden and _is_white_size(w.word) for w in words):
                words = _unhide_covered(words, _dark_shapes(page, height, pdfium_c))
            yield width, words, images
        finally:
            page.close()


def _pdf_word(
    chars: list[str], x0: float, x1: float, top: float, bottom: float, hidden: int
) -> _PdfWord:
    return _PdfWord(Word("".join(chars), x0, x1, top, bottom), hidden * 2 > len(chars))


def _page_has_images(page: Any, pdfium_c: Any) -> bool:
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    for index in range(min(count, 5000)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return True
    return False


_MAX_SHAPES = 5_000


def _dark_shapes(
    page: Any, height: float, pdfium_c: Any
) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, x1, top, bottom) of filled dark shapes and images drawn on the page.

    White text on a dark sidebar is visible, so these tell white-on-dark from white-on-white.
    """
    import ctypes

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    shapes = []
    for index in range(min(pdfium_c.FPDFPage_CountObjects(page.raw), _MAX_SHAPES)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            if not pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke) or not fill_mode.value:
                continue
            if not pdfium_c.FPDFPageObj_GetFillColor(obj, red, green, blue, alpha):
                continue
            light = red.value > 229 and green.value > 229 and blue.value > 229
            if light or alpha.value < 20:
                continue
        elif kind != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            continue
        if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            shapes.append((left.value, right.value, height - top.value, height - bottom.value))
    return shapes


def _unhide_covered(
    words: list[_PdfWord], shapes: list[tuple[float, float, float, float]]
) -> list[_PdfWord]:
    return [
        _PdfWord(item.word, False)
        if item.hidden and _is_white_size(item.word) and _inside_any(item.word, shapes)
        else item
        for item in words
    ]


def _inside_any(word: Word, shapes: list[tuple[float, float, float, float]]) -> bool:
    return any(
        x0 - 1 <= word.x0
        and word.x1 <= x1 + 1
        and top - 1 <= word.top
        and word.bottom <= bottom + 1
        for x0, x1, top, bottom in shapes
    )


def _unhide_on_dark_background(page: Any, words: list[_PdfWord]) -> list[_PdfWord]:
    """The pdfplumber engine's version of :func:`_dark_shapes`: its filled shapes and images."""
    backgrounds = [
        (shape["x0"], shape["x1"], shape["top"], shape["bottom"])
        for shape in [*page.rects, *page.images, *page.curves]
        if shape.get("fill", True) and not _is_light(shape.get("non_stroking_color"))
    ]
    return _unhide_covered(words, backgrounds)


def _is_white_size(word: Word) -> bool:
    return word.bottom - word.top >= 2.5


def _is_light(color: Any) -> bool:
    if color is None:
        return False
    values = list(color) if isinstance(color, (list, tuple)) else [color]
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return False
    if len(values) == 4:
        return bool(sum(values) < 0.15)
    return all(v > 0.9 for v in values)


def _pdfplumber_pages(path: Path, pdf: Any, options: ReadOptions) -> Iterator[_PageWords | None]:
    """Words from pdfplumber: slower, kept as a second engine to compare layouts against."""
    import pdfplumber
    import pypdfium2.raw as pdfium_c

    # pdfminer would take minutes over a page that pdfium counts in milliseconds: count first.
    for index in range(min(len(pdf), options.max_pages)):
        page = _load_page(pdf, index)
        if page is not None:
            textpage = page.get_textpage()
            count = pdfium_c.FPDFText_CountChars(textpage.raw)
            textpage.close()
            page.close()
            _check_page_chars(path, index, count, options)
    with pdfplumber.open(str(path)) as document:
        for page in document.pages[: options.max_pages]:
            words = []
            for item in page.extract_words(
                keep_blank_chars=False,
                use_text_flow=False,
                extra_attrs=["size", "non_stroking_color"],
            ):
                color = item.get("non_stroking_color")
                white = (
                    color is not None
                    and _is_light(color)
                    and len(list(color) if isinstance(color, (list, tuple)) else [color]) != 4
                )
                invisible = (
                    item["size"] < 2.5
                    or item["x1"] < 0
                    or item["x0"] > page.width
                    or item["bottom"] < 0
                    or item["top"] > page.height
                )
                word = Word(item["text"], item["x0"], item["x1"], item["top"], item["bottom"])
                words.append(_PdfWord(word, invisible or white))
            if any(w.hidden for w in words):
                words = _unhide_on_dark_background(page, words)
            yield float(page.width), words, bool(page.images)


# The reader for each kind of file; applications and tests may add or replace entries.
READERS: dict[str, Callable[[Path, ReadOptions], _Raw]] = {
    "text": _read_text,
    "docx": _read_docx,
    "pdf": _read_pdf,
}
