"""DOCX: check the package, then walk body, headers, footers and text boxes; hidden runs apart."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path
from typing import Any

from ..errors import DAMAGED_ZIP, DocumentError, FileTooLargeError, over_memory
from ..model import DroppedText
from .docx_styles import Styles
from .docx_walk import Collected, Walker, page_of
from .extracted import Extracted, hidden_flag
from .options import ReadOptions

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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
        raise DocumentError(DAMAGED_ZIP, path) from None
    except (zipfile.LargeZipFile, NotImplementedError) as exc:
        raise DocumentError(f"uses an unsupported zip feature ({exc})", path) from None


_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_MAIN_CONTENT_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
)


def read_docx(path: Path, options: ReadOptions) -> Extracted:
    """Read the main document, headers and footers straight from the package.

    Opening the whole package with ``docx.Document`` parses every part, styles and numbering
    included, which is most of the cost of a resume; only the parts that hold text are parsed
    here, with python-docx's own XML parser (entities are never resolved).
    """
    _check_zip(path, options)
    from lxml import etree  # type: ignore[import-untyped]

    try:
        with zipfile.ZipFile(path) as package:
            budget = _Budget(path, package, options)
            main = _main_part(path, budget)
            _check_main_content_type(path, budget, main)
            headers, footers, style_parts = _text_parts(budget, main)
            body = budget.parse(main).find(f"{_W}body")
            if body is None:
                raise DocumentError(
                    f"has no document body in word/document.xml; {_DAMAGED_DOCX}", path
                )
            margins = {name: budget.parse(name) for name in (*headers, *footers)}
            styles = _styles(budget.read(style_parts[0], required=False) if style_parts else None)
    except etree.XMLSyntaxError as exc:
        if _out_of_memory(exc) or _needs_more_memory(budget.largest, options):
            raise FileTooLargeError(over_memory(options.max_memory_mb), path) from None
        raise DocumentError(
            f"holds XML that cannot be parsed (broken, or nested too deeply); {_DAMAGED_DOCX}",
            path,
        ) from None
    except zipfile.BadZipFile:
        raise DocumentError(DAMAGED_ZIP, path) from None
    walker = Walker(styles, page_of(body))
    out = Collected()
    seen_parts: set[str] = set()
    for name in headers:
        _collect_margin(walker, margins[name], out, seen_parts)
    walker.block(body, out)
    for name in footers:
        _collect_margin(walker, margins[name], out, seen_parts)
    words = [(word, how) for text, how in out.hidden for word in text.split()]
    hidden = [text for text, _ in out.hidden]
    flags = [hidden_flag([w for w, _ in words], [h for _, h in words])] if words else []
    dropped = [DroppedText(1, "hidden", text, how) for text, how in out.hidden]
    return Extracted(["\n".join(out.visible)], hidden, flags, dropped)


_style_sheets: dict[bytes, Styles] = {}
_KEEP_STYLE_SHEETS = 4


def _styles(data: bytes | None) -> Styles:
    """The style sheet in ``data``, parsed once per process for each distinct sheet.

    Documents made from one template share their sheet byte for byte, and a large one (the
    350 KB of python-docx's default) costs more to parse than the rest of the document. The
    sheet is found by a hash of its bytes, never by its name or size.
    """
    if data is None:
        return Styles(None)
    key = hashlib.sha256(data).digest()
    styles = _style_sheets.get(key)
    if styles is None:
        from docx.oxml.parser import parse_xml

        styles = Styles(parse_xml(data))
        while len(_style_sheets) >= _KEEP_STYLE_SHEETS:
            del _style_sheets[next(iter(_style_sheets))]
        _style_sheets[key] = styles
    return styles


def _out_of_memory(exc: Exception) -> bool:
    """libxml2 reports an allocation that failed (at the memory cap) as a syntax error."""
    log = getattr(exc, "error_log", None) or []
    return "memory" in str(exc).lower() or any("NO_MEMORY" in e.type_name for e in log)


def _needs_more_memory(part_bytes: int, options: ReadOptions) -> bool:
    """A parse that failed on a part whose tree could not fit under the memory cap failed for
    memory, whatever libxml2 called it: a parsed tree takes about ten times its XML."""
    return part_bytes * 10 > options.max_memory_mb * 2**20


def _collect_margin(walker: Walker, root: Any, out: Collected, seen: set[str]) -> None:
    """A header or footer, kept once however many sections repeat it."""
    part = Collected(hidden=out.hidden)
    walker.block(root, part)
    key = "\n".join(part.visible).strip()
    if key and key not in seen:
        seen.add(key)
        out.visible.extend(part.visible)


class _Budget:
    """Parses the package's XML parts, each at most once, within one budget for the package.

    Every part, the package's own ``[Content_Types].xml`` and ``.rels`` included, is refused when
    it declares entities, and counted against the bytes and the elements a document may hold.
    """

    def __init__(self, path: Path, package: zipfile.ZipFile, options: ReadOptions) -> None:
        self._path = path
        self._package = package
        self._options = options
        self._bytes = options.max_xml_bytes
        self._elements = options.max_xml_tags
        self.largest = 0
        """The size of the largest part parsed so far, in bytes."""

    def parse(self, name: str, *, required: bool = True) -> Any:
        from docx.oxml.parser import parse_xml

        data = self.read(name, required=required)
        return None if data is None else parse_xml(data)

    def read(self, name: str, *, required: bool = True) -> bytes | None:
        """The part's bytes, once they pass the checks that :meth:`parse` makes."""
        path, options = self._path, self._options
        try:
            info = self._package.getinfo(name)
        except KeyError:
            if not required:
                return None
            raise DocumentError(
                f"is missing {name}, a part it refers to; {_DAMAGED_DOCX}", path
            ) from None
        self._bytes -= info.file_size
        self.largest = max(self.largest, info.file_size)
        if self._bytes < 0:
            raise FileTooLargeError(
                f"holds more than {options.max_xml_bytes / 1024 / 1024:.0f} MB of XML, far "
                "more than a Word document needs; it may be built to exhaust readers",
                path,
            )
        data = self._package.read(info)
        # Every declaration starts "<!" (in UTF-16 too): a plain search first, the patterns after.
        if (b"<!" in data or b"<\x00!" in data) and _DECLARATIONS.search(data):
            raise DocumentError(
                f"contains XML entity declarations ({name}), which Word never writes; refusing "
                "to read it",
                path,
            )
        # Every tag starts with "<": counted before parsing, so that millions of empty
        # elements in a few kilobytes of zip are refused before they cost minutes.
        self._elements -= data.count(b"<")
        if self._elements < 0:
            raise FileTooLargeError(
                f"holds more than {options.max_xml_tags:,} XML tags, far more than a "
                "Word document needs; it may be built to slow readers down",
                path,
            )
        return data


def _relationships(budget: _Budget, name: str) -> list[tuple[str, str]]:
    """(type, target) of each internal relationship in the ``.rels`` part ``name``."""
    root = budget.parse(name, required=False)
    if root is None:
        return []
    return [
        (rel.get("Type", ""), rel.get("Target", ""))
        for rel in root.iter(_RELATIONSHIPS)
        if rel.get("TargetMode") != "External"
    ]


def _main_part(path: Path, budget: _Budget) -> str:
    for kind, target in _relationships(budget, "_rels/.rels"):
        if kind.endswith(_OFFICE_DOCUMENT):
            return target.lstrip("/")
    raise DocumentError(f"does not say which part is its main document; {_DAMAGED_DOCX}", path)


def _check_main_content_type(path: Path, budget: _Budget, main: str) -> None:
    types = budget.parse("[Content_Types].xml")
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


def _text_parts(budget: _Budget, main: str) -> tuple[list[str], list[str], list[str]]:
    """The headers, footers and style sheet the main part refers to."""
    folder, _, name = main.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    found: dict[str, list[str]] = {"/header": [], "/footer": [], "/styles": []}
    for kind, target in _relationships(budget, rels):
        part = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}".lstrip("/")
        for suffix, parts in found.items():
            if kind.endswith(suffix):
                parts.append(part)
    return found["/header"], found["/footer"], found["/styles"]
