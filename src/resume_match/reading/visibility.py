"""Which words on a PDF page a person sees: decided as a renderer would, for both engines.

Keyword stuffing hides words in ways a text layer does not show: invisible render modes, text
outside the clipping path, covered by a shape or an image drawn after it, in a layer that is off,
white on white, squeezed to a sliver, tiny, off the page. Some of these are properties of the
text (render mode, size, scaling, position); the others depend on what else is painted. For
those, the page is rendered twice with pdfium at low resolution, once as it is and once with its
text switched off: a word whose box is the same in both left no mark a person could see.
Rendering costs a few milliseconds, so it runs only on pages whose objects could hide text.
"""

from __future__ import annotations

import bisect
import ctypes
import re
from dataclasses import dataclass
from typing import Any

from .page_render import TextMarks, image_pixels
from .pdf_words import PdfWord

Box = tuple[float, float, float, float]
"""x0, x1, top, bottom in points, measured from the page's top-left corner."""

RENDER_MODE_3 = "render mode 3: drawn invisibly"
RENDER_MODE_7 = "render mode 7: used only as a clipping path"
CLIPPED = "outside the clipping path"
COVERED = "covered by something drawn over it"
LAYER_OFF = "in a layer that is switched off"
WHITE = "white text on a white background"
TRANSPARENT = "transparent text"
TINY = "tiny text"
OFF_PAGE = "off the page"
SQUEEZED = "squeezed to a sliver (horizontal scaling)"

# A letter is about half as wide as its line is high; squeezed by Tz or w:w, a sliver of it.
_MIN_WIDTH = 0.06
# Points: the narrowest a word set sideways is (its font's height) and still read as text.
_MIN_SIDEWAYS_WIDTH = 4.0
_MAX_OBJECTS = 20_000
_ROW = 8.0
# About 6,000 x 6,000 pixels: a page photo is far less; a bomb of a JPEG is far more.
_MAX_IMAGE_PIXELS = 36_000_000
# Bullets, rules and pdfminer's "(cid:127)" carry no keyword; their boxes are often not their ink.
_NO_WORD = re.compile(r"(?:\(cid:\d+\)|[^\w])+")


@dataclass(frozen=True)
class _TextObject:
    reason: str | None
    """A reason that needs no rendering: a render mode that paints nothing, transparency."""
    white: bool


class PageVisibility:
    """What a person sees of one pdfium page: ``reason(box)`` says why words there are hidden.

    The text page must stay open while :meth:`reason` is asked.
    """

    def __init__(self, page: Any, textpage: Any) -> None:
        import pypdfium2.raw as pdfium_c

        self._c = pdfium_c
        self._textpage = textpage.raw
        self._page = page
        self.width, self.height = page.get_size()
        self._objects: dict[int, _TextObject] = {}
        self._handles: dict[int, Any] = {}
        self._rgba = tuple(ctypes.c_uint() for _ in range(4))
        self._hidden_chars: dict[int, tuple[list[float], list[tuple[float, float, str]]]] = {}
        self._read_objects()
        self._ocr_layer = self._looks_like_ocr_layer()
        self._index_hidden_chars()
        self._marks: TextMarks | None = None
        self._covers: list[Box] = []
        if self._needs_rendering():
            if image_pixels(self._page.raw, [_MAX_OBJECTS]) <= _MAX_IMAGE_PIXELS:
                self._marks = TextMarks(page, list(self._handles.values()))
            else:
                # Decoding the images to render them could take gigabytes: judge by their boxes.
                self._covers = self._images_over_text()

    # --- the text's own properties -------------------------------------------------------------

    def _read_objects(self) -> None:
        """Each text object once, with the run of characters it draws (one call a character)."""
        c = self._c
        handle = self._textpage
        self._runs: list[tuple[int, int, int]] = []
        previous, start = -1, 0
        for index in range(c.FPDFText_CountChars(handle)):
            obj = c.FPDFText_GetTextObject(handle, index)
            key = ctypes.addressof(obj.contents) if obj else 0
            if key != previous:
                if previous > 0:
                    self._runs.append((start, index, previous))
                previous, start = key, index
                if key and key not in self._objects:
                    self._objects[key] = self._properties(obj)
                    self._handles[key] = obj
        if previous > 0:
            self._runs.append((start, c.FPDFText_CountChars(handle), previous))

    def _properties(self, obj: Any) -> _TextObject:
        c = self._c
        mode = c.FPDFTextObj_GetTextRenderMode(obj)
        reason = {3: RENDER_MODE_3, 7: RENDER_MODE_7}.get(mode)
        red, green, blue, alpha = self._rgba
        white = False
        if c.FPDFPageObj_GetFillColor(obj, red, green, blue, alpha):
            white = red.value > 245 and green.value > 245 and blue.value > 245
            if reason is None and alpha.value < 20 and mode in (0, 2, 4, 6):
                reason = TRANSPARENT
        return _TextObject(reason, white)

    def _clipped(self, obj: Any) -> bool:
        clip = self._c.FPDFPageObj_GetClipPath(obj)
        return bool(clip) and self._c.FPDFClipPath_CountPaths(clip) > 0

    def _in_layer(self, obj: Any) -> bool:
        c = self._c
        if not c.FPDFPageObj_CountMarks(obj):
            return False
        name = (ctypes.c_ushort * 8)()
        length = ctypes.c_ulong()
        for index in range(min(c.FPDFPageObj_CountMarks(obj), 16)):
            mark = c.FPDFPageObj_GetMark(obj, index)
            if not mark or not c.FPDFPageObjMark_GetName(mark, name, ctypes.sizeof(name), length):
                continue
            if bytes(name)[: max(0, length.value - 2)].decode("utf-16-le", "replace") == "OC":
                return True
        return False

    def _clip_box(self, obj: Any) -> Box | None:
        """The bounding box of the object's clipping path, or None when it has none."""
        c = self._c
        clip = c.FPDFPageObj_GetClipPath(obj)
        if not clip:
            return None
        xs: list[float] = []
        ys: list[float] = []
        x, y = ctypes.c_float(), ctypes.c_float()
        for path in range(min(c.FPDFClipPath_CountPaths(clip), 64)):
            for segment in range(min(c.FPDFClipPath_CountPathSegments(clip, path), 256)):
                point = c.FPDFClipPath_GetPathSegment(clip, path, segment)
                if point and c.FPDFPathSegment_GetPoint(point, x, y):
                    xs.append(x.value)
                    ys.append(y.value)
        if not xs:
            return None
        return (min(xs), max(xs), self.height - max(ys), self.height - min(ys))

    def _index_hidden_chars(self) -> None:
        """The boxes of characters hidden by their own properties, in rows, for :meth:`reason`."""
        c = self._c
        box = c.FS_RECTF()
        rows: dict[int, list[tuple[float, float, str]]] = {}
        for start, end, key in self._runs:
            reason = self._objects[key].reason
            if reason is None or (self._ocr_layer and reason == RENDER_MODE_3):
                continue
            for index in range(start, end):
                code = c.FPDFText_GetUnicode(self._textpage, index)
                if code < 33 or code in (0xFFFE, 0xA0):
                    continue
                c.FPDFText_GetLooseCharBox(self._textpage, index, box)
                centre_x = (box.left + box.right) / 2
                centre_y = self.height - (box.top + box.bottom) / 2
                rows.setdefault(int(centre_y // _ROW), []).append((centre_x, centre_y, reason))
        for row, items in rows.items():
            items.sort()
            self._hidden_chars[row] = ([x for x, _, _ in items], items)

    def _geometry_reason(self, box: Box) -> str | None:
        x0, x1, top, bottom = box
        if bottom - top < 2.5:
            return TINY
        if x1 < 0 or x0 > self.width or bottom < 0 or top > self.height:
            return OFF_PAGE
        return None

    def _looks_like_ocr_layer(self) -> bool:
        """A scan with its OCR text laid invisibly over the image: the image is what is read."""
        objects = self._objects.values()
        if not objects or any(obj.reason != RENDER_MODE_3 for obj in objects):
            return False
        return self._has_objects_other_than(self._c.FPDF_PAGEOBJ_TEXT, self._c.FPDF_PAGEOBJ_PATH)

    # --- what else is painted --------------------------------------------------------------------

    def _has_objects_other_than(self, *kinds: int) -> bool:
        c = self._c
        page = self._page.raw
        for index in range(min(c.FPDFPage_CountObjects(page), _MAX_OBJECTS)):
            if c.FPDFPageObj_GetType(c.FPDFPage_GetObject(page, index)) not in kinds:
                return True
        return False

    def _needs_rendering(self) -> bool:
        """Only what else is painted (or a layer, or a clip) can hide text that looks visible.

        Shapes and images drawn before all the text are backgrounds: they can hide nothing but
        white text, so a page of text over a background is rendered only when it has white text.
        """
        candidates = [key for key, obj in self._objects.items() if obj.reason is None]
        if not candidates:
            return False
        c = self._c
        page = self._page.raw
        if c.FPDFPage_GetAnnotCount(page) > 0:
            return True
        seen_text = seen_other = False
        for index in range(min(c.FPDFPage_CountObjects(page), _MAX_OBJECTS)):
            obj = c.FPDFPage_GetObject(page, index)
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_TEXT:
                seen_text = True
            elif kind == c.FPDF_PAGEOBJ_FORM or (seen_text and self._could_cover(obj, kind)):
                return True
            else:
                seen_other = True
        return any(
            self._objects[key].white
            or self._in_layer(self._handles[key])
            or self._clipped(self._handles[key])
            for key in candidates
        ) or (seen_other and any(self._objects[key].white for key in candidates))

    def _images_over_text(self) -> list[Box]:
        c = self._c
        page = self._page.raw
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        covers: list[Box] = []
        seen_text = False
        for index in range(min(c.FPDFPage_CountObjects(page), _MAX_OBJECTS)):
            obj = c.FPDFPage_GetObject(page, index)
            kind = c.FPDFPageObj_GetType(obj)
            seen_text = seen_text or kind == c.FPDF_PAGEOBJ_TEXT
            drawn_over = seen_text and kind in (c.FPDF_PAGEOBJ_IMAGE, c.FPDF_PAGEOBJ_FORM)
            if drawn_over and c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                low, high = self.height - top.value, self.height - bottom.value
                covers.append((left.value, right.value, low, high))
        return covers

    def _could_cover(self, obj: Any, kind: int) -> bool:
        """A filled shape, an image or a shading large enough to hide a word."""
        c = self._c
        if kind == c.FPDF_PAGEOBJ_PATH:
            fill, stroke = ctypes.c_int(), ctypes.c_int()
            if not c.FPDFPath_GetDrawMode(obj, fill, stroke) or not fill.value:
                return False
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        if not c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            return True
        return right.value - left.value >= 4 and top.value - bottom.value >= 4

    # --- the verdict -----------------------------------------------------------------------------

    def reason(self, box: Box, letters: int) -> str | None:
        """Why a word of ``letters`` characters with this box is not seen; None when it is."""
        hidden = self._hidden_in(box)
        if hidden and len(hidden) * 2 >= letters:
            return max(set(hidden), key=hidden.count)
        geometry = self._geometry_reason(box)
        x0, x1, top, bottom = box
        squeezed = x1 - x0 < _MIN_WIDTH * (bottom - top) * letters
        if geometry is None and letters > 1 and squeezed and not _sideways(box, letters):
            geometry = SQUEEZED
        if self._covers and _inside_any(box, self._covers):
            return COVERED
        if geometry is not None or self._marks is None or self._marks.painted(box):
            return geometry
        return self._unpainted_reason(box)

    def _hidden_in(self, box: Box) -> list[str]:
        x0, x1, top, bottom = box
        found: list[str] = []
        first, last = int((top - 0.5) // _ROW), int((bottom + 0.5) // _ROW)
        for row in range(first, min(last, first + 200) + 1):
            centres, items = self._hidden_chars.get(row, ([], []))
            start = bisect.bisect_left(centres, x0 - 0.5)
            end = bisect.bisect_right(centres, x1 + 0.5)
            for _, centre_y, reason in items[start:end]:
                if top - 0.5 <= centre_y <= bottom + 0.5:
                    found.append(reason)
        return found

    def _unpainted_reason(self, box: Box) -> str:
        """Name what hides a word that left no mark: its layer, its clip, its colour, a cover."""
        c = self._c
        x0, x1, top, bottom = box
        index = c.FPDFText_GetCharIndexAtPos(
            self._textpage, (x0 + x1) / 2, self.height - (top + bottom) / 2, 2.0, 2.0
        )
        obj = c.FPDFText_GetTextObject(self._textpage, index) if index >= 0 else None
        key = ctypes.addressof(obj.contents) if obj else None
        props = self._objects.get(key or 0)
        if props is None:
            return COVERED
        if self._in_layer(obj):
            return LAYER_OFF
        clip = self._clip_box(obj)
        if clip is not None:
            cx0, cx1, ctop, cbottom = clip
            if x1 <= cx0 or x0 >= cx1 or bottom <= ctop or top >= cbottom:
                return CLIPPED
        return WHITE if props.white else COVERED


def _inside_any(box: Box, covers: list[Box]) -> bool:
    x0, x1, top, bottom = box
    return any(
        cx0 - 1 <= x0 and x1 <= cx1 + 1 and ctop - 1 <= top and bottom <= cbottom + 1
        for cx0, cx1, ctop, cbottom in covers
    )


def page_visibility(page: Any, textpage: Any) -> PageVisibility | None:
    """The page's visibility, or None when pdfium cannot tell (the caller keeps its own view)."""
    try:
        return PageVisibility(page, textpage)
    except (OSError, ValueError, AttributeError, ImportError, MemoryError):
        return None


def _sideways(box: Box, letters: int) -> bool:
    """A word set a quarter turn (a title up the margin): tall, a letter's height of it per
    letter, and as wide as a readable font is high. A squeezed word is a sliver far narrower."""
    x0, x1, top, bottom = box
    width, height = x1 - x0, bottom - top
    return width >= _MIN_SIDEWAYS_WIDTH and height >= 2 * width and height <= 1.5 * width * letters


def judge_words(visibility: PageVisibility | None, words: list[PdfWord]) -> list[PdfWord]:
    """The words with the renderer's verdict; without one, the engine's own view stands."""
    if visibility is None:
        return words
    judged = []
    for item in words:
        word = item.word
        if _NO_WORD.fullmatch(word.text):
            judged.append(PdfWord(word, False))
            continue
        letters = sum(not char.isspace() for char in word.text)
        how = visibility.reason((word.x0, word.x1, word.top, word.bottom), letters)
        judged.append(PdfWord(word, how is not None, how or ""))
    return judged
