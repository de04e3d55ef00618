"""Walk a Word body in document order, sorting its text into what a person sees and what not.

Paragraphs, tables (nested too), content controls, insertions and text boxes are read once, in
order; tracked deletions, runs hidden by their properties or styles (:mod:`.docx_styles`) and text
boxes anchored off the page go to the hidden side with the reason. The walk visits each element
once, passing what it knows down (inside a deletion, on a dark shading), so its cost is linear in
the size of the part however deeply the XML nests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .docx_styles import (
    RunLook,
    Styles,
    W,
    dark_fill,
    first,
    paragraph_look,
    run_look,
    run_reason,
)

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_VML = "{urn:schemas-microsoft-com:vml}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_MAX_DEPTH = 20
_EMU_PER_TWIP = 635
DELETED = "tracked deletion (Word does not show it as current text)"
OFF_PAGE_BOX = "text box placed off the page"
_TRANSPARENT = {f"{W}ins", f"{W}moveTo", f"{W}hyperlink", f"{W}smartTag", f"{W}customXml"}
_TRANSPARENT |= {f"{W}sdt", f"{W}sdtContent", f"{W}fldSimple", f"{W}bdo", f"{W}dir"}
_DELETIONS = {f"{W}del", f"{W}moveFrom"}
_SKIPPED = {f"{W}pPr", f"{W}rPr", f"{W}sectPr", f"{W}tblPr", f"{W}trPr", f"{W}tcPr"}
_BOX_HOLDERS = {f"{W}drawing", f"{W}pict", f"{_MC}AlternateContent", f"{W}object"}
_RUN_PROPS = f"{W}rPr"
_TEXT, _DELETED_TEXT, _TAB, _NO_BREAK_HYPHEN = (
    f"{W}{name}" for name in ("t", "delText", "tab", "noBreakHyphen")
)
_BREAKS = {f"{W}br", f"{W}cr"}
# Tags the walk compares every element with, made once rather than at each comparison.
_P, _TBL, _TR, _TC, _TC_PROPS, _SHADING, _PARAGRAPH_PROPS, _RUN, _TEXT_BOX = (
    f"{W}{name}" for name in ("p", "tbl", "tr", "tc", "tcPr", "shd", "pPr", "r", "txbxContent")
)
_FALLBACK = f"{_MC}Fallback"
_ANCHOR = f"{_WP}anchor"


@dataclass
class Collected:
    """Lines a person sees, and the hidden texts with how each was hidden."""

    visible: list[str] = field(default_factory=list)
    hidden: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Page:
    """The page's size and margins in EMU, to tell where an anchored text box lands."""

    width: int = 12240 * _EMU_PER_TWIP
    height: int = 15840 * _EMU_PER_TWIP
    left: int = 1440 * _EMU_PER_TWIP
    top: int = 1440 * _EMU_PER_TWIP
    dark: bool = False
    """A dark page colour (``w:background``), on which white text is seen."""


def page_of(body: Any) -> _Page:
    """The last section's page: its size (Letter with 1-inch margins when unsaid) and colour."""
    background = body.getparent().find(f"{W}background") if body is not None else None
    dark = background is not None and dark_fill(background, f"{W}color")
    sections = body.findall(f"{W}sectPr") if body is not None else []
    if not sections:
        return _Page(dark=dark)
    size = sections[-1].find(f"{W}pgSz")
    margin = sections[-1].find(f"{W}pgMar")

    def twips(element: Any, name: str, default: int) -> int:
        value = element.get(f"{W}{name}") if element is not None else None
        try:
            return int(value) * _EMU_PER_TWIP if value is not None else default
        except ValueError:
            return default

    page = _Page()
    return _Page(
        twips(size, "w", page.width),
        twips(size, "h", page.height),
        twips(margin, "left", page.left),
        twips(margin, "top", page.top),
        dark,
    )


class Walker:
    """Sorts one part's text; ``styles`` resolve run properties, ``page`` places text boxes."""

    def __init__(self, styles: Styles, page: _Page) -> None:
        self._styles = styles
        self._page = page

    def block(self, element: Any, out: Collected, *, deleted: bool = False, depth: int = 0) -> None:
        """Paragraphs and tables in document order, nested tables and text boxes included."""
        if depth > _MAX_DEPTH:
            return
        for child in element.iterchildren():
            tag = child.tag
            if tag == _P:
                self._paragraph(child, out, deleted, False, depth)
            elif tag == _TBL:
                self._table(child, out, deleted, depth)
            elif tag in _TRANSPARENT:
                self.block(child, out, deleted=deleted, depth=depth + 1)
            elif tag in _DELETIONS:
                self.block(child, out, deleted=True, depth=depth + 1)

    def _table(self, table: Any, out: Collected, deleted: bool, depth: int) -> None:
        for row in table.iterchildren(_TR):
            cells: list[str] = []
            for cell in row.iterchildren(_TC):
                props = first(cell, _TC_PROPS)
                shading = first(props, _SHADING) if props is not None else None
                shaded = shading is not None and dark_fill(shading)
                inner = Collected(hidden=out.hidden)
                for child in cell.iterchildren():
                    if child.tag == _P:
                        self._paragraph(child, inner, deleted, shaded, depth + 1)
                    elif child.tag == _TBL:
                        self._table(child, inner, deleted, depth + 1)
                    else:
                        self.block_child(child, inner, deleted, depth + 1)
                cells.append("\n".join(line for line in inner.visible if line.strip()))
            out.visible.extend(cell for cell in cells if cell)

    def block_child(self, child: Any, out: Collected, deleted: bool, depth: int) -> None:
        if child.tag in _TRANSPARENT:
            self.block(child, out, deleted=deleted, depth=depth + 1)
        elif child.tag in _DELETIONS:
            self.block(child, out, deleted=True, depth=depth + 1)

    def _paragraph(
        self, paragraph: Any, out: Collected, deleted: bool, shaded: bool, depth: int
    ) -> None:
        look = paragraph_look(self._styles, first(paragraph, _PARAGRAPH_PROPS))
        if (shaded or self._page.dark) and not look.shading:
            look = look._replace(shading="the cell" if shaded else "the page")
        shown: list[str] = []
        concealed: list[tuple[str, str]] = []
        boxes: list[tuple[Any, bool]] = []
        self._inline(paragraph, look, deleted, shown, concealed, boxes)
        line = "".join(shown)
        if line.strip():
            out.visible.extend(line.split("\n"))
        out.hidden.extend(concealed)
        for box, off_page in boxes:
            if off_page:
                hidden_box = Collected()
                self.block(box, hidden_box, deleted=deleted, depth=depth + 1)
                text = " ".join(hidden_box.visible)
                if text.strip():
                    out.hidden.append((text, OFF_PAGE_BOX))
                out.hidden.extend(hidden_box.hidden)
            else:
                self.block(box, out, deleted=deleted, depth=depth + 1)

    def _inline(
        self,
        node: Any,
        look: RunLook,
        deleted: bool,
        shown: list[str],
        concealed: list[tuple[str, str]],
        boxes: list[tuple[Any, bool]],
    ) -> None:
        """The runs under ``node`` (a paragraph or an inline container), once each."""
        for child in node.iterchildren():
            tag = child.tag
            if tag == _RUN:
                self._run(child, look, deleted, shown, concealed, boxes)
            elif tag in _DELETIONS:
                self._inline(child, look, True, shown, concealed, boxes)
            elif tag in _SKIPPED or tag == _FALLBACK:
                continue
            elif isinstance(tag, str):
                self._inline(child, look, deleted, shown, concealed, boxes)

    def _run(
        self,
        run: Any,
        look: RunLook,
        deleted: bool,
        shown: list[str],
        concealed: list[tuple[str, str]],
        boxes: list[tuple[Any, bool]],
    ) -> None:
        # One pass over the run's children: its text, its properties, the drawings it holds.
        parts: list[str] = []
        props = None
        holders: list[Any] = []
        for node in run.iterchildren():
            tag = node.tag
            if tag == _TEXT or (deleted and tag == _DELETED_TEXT):
                parts.append(node.text or "")
            elif tag == _RUN_PROPS:
                if props is None:
                    props = node
            elif tag == _TAB:
                parts.append(" ")
            elif tag in _BREAKS:
                parts.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                parts.append("-")
            elif tag in _BOX_HOLDERS:
                holders.append(node)
        text = "".join(parts)
        if text:
            reason = DELETED if deleted else run_reason(run_look(self._styles, look, props))
            if reason is None:
                shown.append(text)
            else:
                concealed.append((text, reason))
        for holder in holders:
            self._find_boxes(holder, boxes, False)

    def _find_boxes(self, node: Any, boxes: list[tuple[Any, bool]], off_page: bool) -> None:
        """The outermost text boxes under a drawing, skipping the VML copy in ``mc:Fallback``."""
        for child in node.iterchildren():
            tag = child.tag
            if tag == _TEXT_BOX:
                boxes.append((child, off_page))
            elif tag == _FALLBACK:
                continue
            elif tag == _ANCHOR:
                self._find_boxes(child, boxes, off_page or self._off_page(child))
            elif isinstance(tag, str) and tag.startswith(_VML) and child.get("style"):
                self._find_boxes(child, boxes, off_page or self._vml_off_page(child.get("style")))
            elif isinstance(tag, str):
                self._find_boxes(child, boxes, off_page)

    def _off_page(self, anchor: Any) -> bool:
        extent = anchor.find(f"{_WP}extent")
        width = _emu(extent.get("cx") if extent is not None else None)
        height = _emu(extent.get("cy") if extent is not None else None)
        page = self._page
        x = self._offset(anchor.find(f"{_WP}positionH"), page.left)
        y = self._offset(anchor.find(f"{_WP}positionV"), page.top)
        off_across = x is not None and (x + width <= 0 or x >= page.width)
        off_down = y is not None and (y + height <= 0 or y >= page.height)
        return off_across or off_down

    def _vml_off_page(self, style: str) -> bool:
        """A legacy VML shape placed off the page by its CSS-like ``style``."""
        values = {
            key.strip().lower(): value.strip()
            for key, _, value in (item.partition(":") for item in style.split(";"))
        }
        if values.get("position") != "absolute":
            return False
        page = self._page
        relative = "page" in values.get("mso-position-horizontal-relative", "")
        x = _css_emu(values.get("margin-left") or values.get("left"))
        y = _css_emu(values.get("margin-top") or values.get("top"))
        width = _css_emu(values.get("width")) or 0
        height = _css_emu(values.get("height")) or 0
        if x is not None and not relative:
            x += page.left
        if y is not None and "page" not in values.get("mso-position-vertical-relative", ""):
            y += page.top
        off_across = x is not None and (x + width <= 0 or x >= page.width)
        off_down = y is not None and (y + height <= 0 or y >= page.height)
        return off_across or off_down

    @staticmethod
    def _offset(position: Any, margin: int) -> int | None:
        if position is None:
            return None
        offset = position.find(f"{_WP}posOffset")
        if offset is None or offset.text is None:
            return None
        base = 0 if position.get("relativeFrom") == "page" else margin
        return base + _emu(offset.text)


def _emu(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


_CSS_LENGTH = re.compile(r"\s*([-+]?\d+(?:\.\d+)?)\s*(pt|in|cm|mm|px|emu)?\s*$", re.IGNORECASE)
_EMU_PER_UNIT = {"pt": 12700, "in": 914400, "cm": 360000, "mm": 36000, "px": 9525, "emu": 1}


def _css_emu(value: str | None) -> int | None:
    """A VML length ("-700pt", "2in", "96px"; unitless is pixels) in EMU, or None."""
    match = _CSS_LENGTH.match(value or "")
    if match is None:
        return None
    unit = (match.group(2) or "px").lower()
    return int(float(match.group(1)) * _EMU_PER_UNIT[unit])
