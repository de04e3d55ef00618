"""Which words on a PDF page a person sees: decided as a renderer would, for both engines.

Keyword stuffing hides words in ways a text layer does not show: invisible render modes, text
outside the clipping path, covered by a shape or an image drawn after it, in a layer that is off,
white on white or coloured like the box under it, squeezed to a sliver, tiny, off the page. Some
of these are properties of the text (render mode, size, scaling, position); the others depend
on what else is painted. For those, the page is rendered twice with pdfium at low resolution,
once as it is and once with its text switched off: a word whose box is the same in both left
no mark a person could see.
Rendering costs a few milliseconds, so it runs only on pages whose objects could hide a word: a
shape drawn after text that meets one, a layer, a clip, white text, a form, an annotation that
draws something, or a background under a word that could swallow it (:mod:`.backdrops`).
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import re
from typing import Any

from .backdrops import Backdrop, Painted, backdrops, coloured_like, fill_colour, under_words
from .layers_clips import any_clipped, any_in_layer, clip_box, in_layer
from .page_objects import (
    MAX_OBJECTS,
    RENDER_MODE_3,
    TextObject,
    TextProperties,
    address,
    annotations_paint,
    calls,
    image_pixel_count,
    scan_page,
)
from .page_render import TextMarks, image_pixels, render_scale
from .pdf_words import PdfWord
from .pdfium_bulk import ObjectList, object_list
from .pdfium_support import can_judge_pages, cannot_tell
from .word_boxes import MIN_WIDTH, inside_any, meets_any, sideways

Box = tuple[float, float, float, float]
"""x0, x1, top, bottom in points, measured from the page's top-left corner."""

CLIPPED = "outside the clipping path"
COVERED = "covered by something drawn over it"
LAYER_OFF = "in a layer that is switched off"
WHITE = "white text on a white background"
SAME_COLOUR = "text the colour of what is behind it"
TINY = "tiny text"
OFF_PAGE = "off the page"
SQUEEZED = "squeezed to a sliver (horizontal scaling)"

_ROW = 8.0
# About 6,000 x 6,000 pixels: a page photo is far less; a bomb of a JPEG is far more.
_MAX_IMAGE_PIXELS = 36_000_000
# Bullets, rules and pdfminer's "(cid:127)" carry no keyword; their boxes are often not their ink.
_NO_WORD = re.compile(r"(?:\(cid:\d+\)|[^\w])+")


class PageVisibility:
    """What a person sees of one pdfium page: :meth:`judge` says why words on it are hidden.

    The text page must stay open while :meth:`judge` runs.
    """

    def __init__(
        self, page: Any, textpage: Any, objects: ObjectList | None = None, layers: bool = True
    ) -> None:
        import pypdfium2.raw as pdfium_c

        self._c = pdfium_c
        self._textpage = textpage.raw
        self._page = page
        self.width, self.height = page.get_size()
        self._properties = TextProperties()
        if objects is None:
            total = pdfium_c.FPDFPage_CountObjects(page.raw)
            objects = object_list(page.raw, total, MAX_OBJECTS, bounds=False)
        self._object_list = objects
        # False where the file is known to hold no marked content, so no text in a layer.
        self._layers = layers
        self._scan = scan_page(self.height, self._properties, objects)
        self._read: dict[int, TextObject] = {}
        self._exact = False
        self._runs: list[tuple[int, int, int]] = []
        self._hidden_chars: dict[int, tuple[list[float], list[tuple[float, float, str]]]] = {}
        self._ocr_layer = False
        scan = self._scan
        if not scan.complete or scan.forms or any(v.reason for v in self._properties.verdicts()):
            self._read_objects()
            self._ocr_layer = self._looks_like_ocr_layer()
            self._index_hidden_chars()
        self._marks: TextMarks | None = None
        self._covers: list[Box] = []
        self._backdrops: list[Backdrop] | None = None
        self._painted_under: Painted | None = None

    # --- the text's own properties -------------------------------------------------------------

    @property
    def _objects(self) -> dict[int, TextObject]:
        """Once :meth:`_read_objects` ran, each text object that draws characters; until then
        every text object on the page, a superset, enough to tell that nothing needs the set."""
        return self._read if self._exact else self._scan.text

    def _read_objects(self) -> None:
        """Each text object that draws characters once, with the runs of them it draws."""
        count = self._c.FPDFText_CountChars(self._textpage)
        handle = itertools.repeat(address(self._textpage), max(0, count))
        keys = map(calls().text_object, handle, range(max(0, count)))
        scanned = self._scan.text
        objects: dict[int, TextObject] = {}
        runs = self._runs = []
        start = 0
        for key, group in itertools.groupby(keys):
            end = start + sum(1 for _ in group)
            if key:
                runs.append((start, end, key))
                if key not in objects:
                    objects[key] = scanned.get(key) or self._properties(key)
            start = end
        self._read = objects
        self._exact = True

    def _index_hidden_chars(self) -> None:
        """The boxes of characters hidden by their own properties, in rows, for :meth:`judge`."""
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

    def _geometry_reason(self, box: Box, letters: int) -> str | None:
        x0, x1, top, bottom = box
        if bottom - top < 2.5:
            return TINY
        if x1 < 0 or x0 > self.width or bottom < 0 or top > self.height:
            return OFF_PAGE
        squeezed = x1 - x0 < MIN_WIDTH * (bottom - top) * letters
        if letters > 1 and squeezed and not sideways(box, letters):
            return SQUEEZED
        return None

    def _looks_like_ocr_layer(self) -> bool:
        """A scan with its OCR text laid invisibly over the image: the image is what is read."""
        objects = self._objects.values()
        if not objects or any(obj.reason != RENDER_MODE_3 for obj in objects):
            return False
        return self._scan.others

    # --- what else is painted --------------------------------------------------------------------

    def _render_if_needed(self, seen: list[Box], painting: bool) -> None:
        """Render the page when what else is painted could hide one of the ``seen`` words.

        ``painting``: whether any of them waits on the render (the others have their reason).
        """
        if not self._needs_rendering(seen):
            return
        scan = self._scan
        pixels = image_pixels(self._page.raw, [MAX_OBJECTS]) if scan.forms else None
        if (pixels if pixels is not None else image_pixel_count(scan.images)) <= _MAX_IMAGE_PIXELS:
            if painting:
                self._marks = TextMarks(self._page, list(self._objects))
        else:
            # Decoding the images to render them could take gigabytes: judge by their boxes.
            self._covers = self._images_over_text()

    def _needs_rendering(self, seen: list[Box]) -> bool:
        """Only what else is painted (or a layer, or a clip) can hide text that looks visible.

        Shapes and images drawn before all the text are backgrounds: they hide only text of
        their own colour, so a page of text over one is rendered only when it has white text,
        text on a shape of nearly its colour, or text on an image.
        A shape drawn after text hides only what it meets: a bullet or a rule beside the words
        leaves them all to be seen. Asked first of all the page's text objects, at no cost; only
        a yes is asked again of the objects that draw characters.
        """
        if not self._exact:
            scan, verdicts = self._scan, self._properties.verdicts()
            if not self._could_hide(scan.text_keys, verdicts, seen, scan.text_found):
                return False
            self._read_objects()
        candidates = {key: obj for key, obj in self._objects.items() if obj.reason is None}
        verdicts = list(set(candidates.values()))
        return bool(candidates) and self._could_hide(list(candidates), verdicts, seen)

    def _could_hide(
        self, texts: list[int], verdicts: list[TextObject], seen: list[Box], found: Any = None
    ) -> bool:
        """Whether anything on the page could hide ``texts`` (text objects, each once), the
        ``seen`` words among them; ``found``: ``texts`` as an array, if already made."""
        scan = self._scan
        if scan.forms or scan.unbounded_cover or annotations_paint(self._page.raw):
            return True
        # Three pixels round a shape: more than its edge and a word's box blur at the render's size.
        margin = 3 / render_scale(self.width, self.height)
        if scan.covers and meets_any(scan.covers + scan.over_text, seen, margin):
            return True
        if any(obj.white for obj in verdicts):
            return True
        if self._coloured_like_a_backdrop(texts, seen):
            return True
        return (self._layers and any_in_layer(texts)) or any_clipped(texts, found)

    def _coloured_like_a_backdrop(self, texts: list[int], seen: list[Box]) -> bool:
        """Whether text lies on an image, or a shape of nearly its colour, drawn before it all.

        Shapes drawn after some text are covers, rendered for when they meet a word.
        """
        if self._backdrops is None:
            self._backdrops = backdrops(self._object_list, self.height).shapes
        under = under_words(self._backdrops, seen)
        if any(shape.colour is None for shape in under):
            return True
        return bool(under) and coloured_like(texts, under, self.height)

    def _images_over_text(self) -> list[Box]:
        c = self._c
        page = self._page.raw
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        covers: list[Box] = []
        seen_text = False
        for index in range(min(c.FPDFPage_CountObjects(page), MAX_OBJECTS)):
            obj = c.FPDFPage_GetObject(page, index)
            kind = c.FPDFPageObj_GetType(obj)
            seen_text = seen_text or kind == c.FPDF_PAGEOBJ_TEXT
            drawn_over = seen_text and kind in (c.FPDF_PAGEOBJ_IMAGE, c.FPDF_PAGEOBJ_FORM)
            if drawn_over and c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                low, high = self.height - top.value, self.height - bottom.value
                covers.append((left.value, right.value, low, high))
        return covers

    # --- the verdict -----------------------------------------------------------------------------

    def judge(self, words: list[PdfWord]) -> list[PdfWord]:
        """The words, each hidden or not with the reason a person cannot see it."""
        judged = self.verdicts(words)
        return self.without_render(words) if judged is None else judged

    def without_render(self, words: list[PdfWord]) -> list[PdfWord]:
        """The verdicts that need no render (render mode, size, place), for a page pdfium could
        not render; a word only the render could judge keeps the engine's own view."""
        judged, waiting = self._own_reasons(words)
        for index, _, geometry in waiting:
            if geometry is not None:
                judged[index] = _verdict(words[index], geometry)
        return judged

    def verdicts(self, words: list[PdfWord]) -> list[PdfWord] | None:
        """As :meth:`judge`, but None where the render failed (see :meth:`without_render`):
        the verdicts owe nothing to the words' own ``hidden`` and ``how``."""
        judged, waiting = self._own_reasons(words)
        if not waiting:
            return judged
        painting = [box for _, box, geometry in waiting if geometry is None]
        try:
            self._render_if_needed([box for _, box, _ in waiting], bool(painting))
        except cannot_tell():
            return None
        marks = iter(self._marks.painted(painting)) if self._marks else None
        covers = self._covers
        for index, box, geometry in waiting:
            inked = next(marks) if marks is not None and geometry is None else True
            how = geometry
            if covers and inside_any(box, covers):
                how = COVERED
            elif not inked:
                how = self._unpainted_reason(box)
            item = words[index]
            if how is not None or item.hidden or item.how:
                judged[index] = _verdict(item, how)
        return judged

    def _own_reasons(
        self, words: list[PdfWord]
    ) -> tuple[list[PdfWord], list[tuple[int, Box, str | None]]]:
        """Verdicts from the characters' own properties, and the words left to judge, each with
        its box and its reason of size or place if it has one."""
        judged = list(words)
        waiting: list[tuple[int, Box, str | None]] = []
        hidden_chars, width, height = self._hidden_chars, self.width, self.height
        no_word = _NO_WORD.fullmatch
        for index, item in enumerate(words):
            word = item.word
            text = word.text
            if no_word(text):
                judged[index] = _verdict(item, None)
                continue
            letters = len(text)
            # Every space str.isspace knows but " " is unprintable: most words skip the count.
            if " " in text or not text.isprintable():
                letters -= sum(map(str.isspace, text))
            box: Box = word[1:5]
            hidden = self._hidden_in(box) if hidden_chars else None
            if hidden and len(hidden) * 2 >= letters:
                judged[index] = _verdict(item, max(set(hidden), key=hidden.count))
                continue
            x0, x1, top, bottom = box
            # What _geometry_reason asks first, inline: a word it passes has no reason of its own.
            plain = not (
                bottom - top < 2.5
                or x1 < 0
                or x0 > width
                or bottom < 0
                or top > height
                or (letters > 1 and x1 - x0 < MIN_WIDTH * (bottom - top) * letters)
            )
            waiting.append((index, box, None if plain else self._geometry_reason(box, letters)))
        return judged, waiting

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
        key = address(c.FPDFText_GetTextObject(self._textpage, index)) if index >= 0 else 0
        props = self._objects.get(key)
        if props is None:
            return COVERED
        if in_layer(key):
            return LAYER_OFF
        clip = clip_box(key, self.height)
        if clip is not None:
            cx0, cx1, ctop, cbottom = clip
            if x1 <= cx0 or x0 >= cx1 or bottom <= ctop or top >= cbottom:
                return CLIPPED
        if props.white:
            return WHITE
        colour = fill_colour(key)
        if colour is not None and self._painted().lies_on(key, box, colour):
            return SAME_COLOUR
        return COVERED

    def _painted(self) -> Painted:
        if self._painted_under is None:
            self._painted_under = backdrops(self._object_list, self.height, past_text=True)
        return self._painted_under


def _verdict(item: PdfWord, how: str | None) -> PdfWord:
    """``item`` judged: itself when the engine's view was already the verdict."""
    hidden, told = how is not None, how or ""
    if item.hidden == hidden and item.how == told:
        return item
    return PdfWord(item.word, hidden, told)


def page_visibility(
    page: Any, textpage: Any, objects: ObjectList | None = None, layers: bool = True
) -> PageVisibility | None:
    """The page's visibility, or None when pdfium cannot tell (the caller keeps its own view).

    ``objects``: the page's objects (see :func:`.page_objects.scan_page`), if already read;
    ``layers``: False where the file holds no marked content (see :mod:`.pdfguard.marks`).
    """
    if not can_judge_pages():
        return None
    try:
        return PageVisibility(page, textpage, objects, layers)
    except cannot_tell():
        return None


def judge_words(visibility: PageVisibility | None, words: list[PdfWord]) -> list[PdfWord]:
    """The words with the renderer's verdict; without one, the engine's own view stands."""
    return words if visibility is None else visibility.judge(words)
