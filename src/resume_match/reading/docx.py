"""DOCX: check the package, then walk body, headers, footers and text boxes; hidden runs apart."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from ..errors import DAMAGED_ZIP, DocumentError, FileTooLargeError
from ..model import DroppedText
from .extracted import Extracted, hidden_flag
from .options import ReadOptions

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_WHITE = {"FFFFFF", "FEFEFE", "FDFDFD"}


# (how it is hidden, its text) of each hidden stretch of a paragraph.
_Hidden = list[tuple[str, str]]
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
        raise DocumentError(DAMAGED_ZIP, path) from None
    visible: list[str] = []
    hidden: _Hidden = []
    seen_parts: set[str] = set()
    for name in headers:
        _collect_part(margins[name], visible, hidden, seen_parts)
    _collect_block(body, visible, hidden)
    for name in footers:
        _collect_part(margins[name], visible, hidden, seen_parts)
    texts = [text for _, text in hidden]
    concealed = [word for text in texts for word in text.split()]
    dropped = [DroppedText(1, "hidden", text, how) for how, text in hidden]
    flags = [hidden_flag(concealed)] if concealed else []
    return Extracted(["\n".join(visible)], texts, flags, dropped)


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


def _collect_part(root: Any, visible: list[str], hidden: _Hidden, seen: set[str]) -> None:
    """A header or footer, kept once however many sections repeat it."""
    lines: list[str] = []
    _collect_block(root, lines, hidden)
    key = "\n".join(lines).strip()
    if key and key not in seen:
        seen.add(key)
        visible.extend(lines)


def _collect_block(element: Any, visible: list[str], hidden: _Hidden, depth: int = 0) -> None:
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


def _collect_paragraph(paragraph: Any, visible: list[str], hidden: _Hidden, depth: int) -> None:
    shown: list[str] = []
    concealed: list[tuple[str, str]] = []
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
            how = _how_hidden(node)
            if not how:
                shown.append(text)
            elif concealed and concealed[-1][0] == how:
                concealed[-1] = (how, concealed[-1][1] + text)
            else:
                concealed.append((how, text))
    line = "".join(shown)
    if line.strip():
        visible.extend(line.split("\n"))
    hidden.extend(concealed)
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


def _how_hidden(run: Any) -> str:
    """How a run is hidden from a reader ("hidden run", "tiny text", "white text"), or ""."""
    props = run.find(f"{_W}rPr")
    if props is None:
        return ""
    vanish = props.find(f"{_W}vanish")
    if vanish is not None and vanish.get(f"{_W}val", "true") not in ("0", "false"):
        return "hidden run"
    size = props.find(f"{_W}sz")
    if (
        size is not None
        and (size.get(f"{_W}val") or "").isdigit()
        and int(size.get(f"{_W}val")) <= 4
    ):
        return "tiny text"
    color = props.find(f"{_W}color")
    if color is not None and (color.get(f"{_W}val") or "").upper() in _WHITE:
        return "" if _on_dark_shading(run, props) else "white text"
    return ""


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
