"""One pass over a pdfium page's objects: what the visibility check needs to know of each.

wkhtmltopdf, which made much of the real corpus, draws every glyph as its own text object, so a
real page holds thousands of objects and the pass is paid per object. It calls pdfium through
prototypes that take and return plain integers, about half the cost per call of pypdfium2's typed
pointers, and asks each text object only its render mode and fill colour: clip paths and layer
marks are asked later, only where the answer could change what is decided.
"""

from __future__ import annotations

import ctypes
import functools
import struct
from dataclasses import dataclass, field
from itertools import compress
from types import SimpleNamespace
from typing import Any, cast

from .object_memory import GROUPED, runs_of, samples, shared_states
from .pdfium_bulk import ObjectList, bare_calls, fill_colors, held

Box = tuple[float, float, float, float]
"""x0, x1, top, bottom in points, measured from the page's top-left corner."""

RENDER_MODE_3 = "render mode 3: drawn invisibly"
RENDER_MODE_7 = "render mode 7: used only as a clipping path"
TRANSPARENT = "transparent text"

MAX_OBJECTS = 20_000
# pdfium's object kinds (fpdf_edit.h): FPDF_PAGEOBJ_TEXT, _PATH, _IMAGE, _SHADING, _FORM.
TEXT, PATH, IMAGE, FORM = 1, 2, 3, 5


@dataclass(frozen=True)
class TextObject:
    reason: str | None
    """A reason that needs no rendering: a render mode that paints nothing, transparency."""
    white: bool


@dataclass
class PageObjects:
    """What one pass over a page's top-level objects (the first :data:`MAX_OBJECTS`) found."""

    text_keys: list[int] = field(default_factory=list)
    """The text objects' addresses, in drawing order, each once."""
    text_verdicts: list[TextObject] = field(default_factory=list)
    """Their verdicts (see :class:`TextProperties`), index for index; or one they all share."""
    text_found: Any = None
    """``text_keys`` as :func:`.object_memory.addresses` gives them, where already made."""
    covers: list[Box] = field(default_factory=list)
    """Filled shapes, images and shadings drawn after some text, big enough to hide a word."""
    unbounded_cover: bool = False
    """Such an object whose bounds pdfium cannot give: it may cover anything."""
    over_text: list[Box] = field(default_factory=list)
    """Every image drawn after some text, however small (what a cover check by boxes uses)."""
    images: list[int] = field(default_factory=list)
    forms: bool = False
    others: bool = False
    """Objects other than text and paths (an OCR layer lies over a scan's image)."""
    complete: bool = True
    """Whether the page holds no more objects than were looked at."""

    @functools.cached_property
    def text(self) -> dict[int, TextObject]:
        """The text objects by address, as :class:`TextProperties` judges them (made when
        first asked: a page that needs no render never asks)."""
        if len(self.text_verdicts) == len(self.text_keys):
            return dict(zip(self.text_keys, self.text_verdicts, strict=True))
        return dict.fromkeys(self.text_keys, self.text_verdicts[0])


@functools.cache
def calls() -> SimpleNamespace:
    """The pdfium functions the pass uses, taking and returning plain integers."""
    import pypdfium2.raw as c

    def proto(function: Any, result: Any, *args: Any) -> Any:
        # Plain types set on the pointer itself: a tenth cheaper a call than a prototype's.
        return held(function, result, args)

    handle, number = ctypes.c_void_p, ctypes.c_int
    shared = bare_calls()
    return SimpleNamespace(
        get_type=shared.get_type,
        render_mode=shared.render_mode,
        set_render_mode=proto(c.FPDFTextObj_SetTextRenderMode, number, handle, number),
        fill_color=shared.fill_color,
        count_marks=proto(c.FPDFPageObj_CountMarks, number, handle),
        draw_mode=proto(c.FPDFPath_GetDrawMode, number, handle, handle, handle),
        clip_path=proto(c.FPDFPageObj_GetClipPath, handle, handle),
        count_clip_paths=proto(c.FPDFClipPath_CountPaths, number, handle),
        text_object=proto(c.FPDFText_GetTextObject, handle, handle, number),
        set_active=(
            proto(c.FPDFPageObj_SetIsActive, number, handle, number)
            if hasattr(c, "FPDFPageObj_SetIsActive")
            else None
        ),
    )


def address(pointer: Any) -> int:
    """The integer handle of one of pypdfium2's typed pointers (0 for a null one)."""
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


def typed(handle: int) -> Any:
    """A page object's integer handle as the typed pointer pypdfium2's own calls take."""
    import pypdfium2.raw as c

    return ctypes.cast(ctypes.c_void_p(handle), c.FPDF_PAGEOBJECT)


class TextProperties:
    """Judges text objects by render mode and fill colour, one verdict per distinct pair."""

    def __init__(self) -> None:
        self._known: dict[int, TextObject] = {}
        self._calls = calls()

    def __call__(self, obj: int) -> TextObject:
        return self.judge([obj], [self._calls.render_mode(obj)])[0]

    def judge(self, objects: list[int], modes: list[int], runs: Any = None) -> list[TextObject]:
        """The verdict on each of ``objects`` (drawn in ``modes``): a call an object, no more.

        ``runs``: for each object, a number that only objects drawn in the same states, one
        after another, share (see :func:`.object_memory.shared_states`), if already read.
        """
        import numpy

        given, colours = _fill_colours(objects, runs)
        # What decides a verdict, as one small number: the mode, whether pdfium gave a colour,
        # whether that colour is white, whether it is all but transparent.
        white = (colours[:, :3] > 245).all(axis=1)
        faint = colours[:, 3] < 20
        codes = (numpy.array(modes, dtype=numpy.int64) * 2 + given) * 4 + (
            white * 2 + faint
        ) * given
        known = self._known
        # Mostly one verdict for the whole page: no list of numbers to build.
        alike = len(codes) and codes.min() == codes.max()
        numbers = codes[:1].tolist() if alike else codes.tolist()
        for code in sorted(set(numbers)):
            if code not in known:
                mode, rest = divmod(code, 8)
                known[code] = _judged(mode, bool(rest & 4), bool(rest & 2), bool(rest & 1))
        if len(numbers) < len(codes):
            return [known[numbers[0]]] * len(codes)
        return list(map(known.__getitem__, numbers))

    def verdicts(self) -> list[TextObject]:
        """Each distinct verdict given so far: what the page's text objects are, in a few."""
        return list(self._known.values())


def _fill_colours(objects: list[int], runs: Any = None) -> tuple[Any, Any]:
    """Whether pdfium gives each object a fill colour (a bool array), and the colours (red,
    green, blue, alpha: a row of four an object, read where given).

    A page of glyphs draws thousands of objects in a few hundred states; objects that share
    every state pointer share their colour, so one of each group is asked (see
    :func:`.object_memory.shared_states`), and objects spread over the page confirm it.
    """
    import numpy

    def read(handles: list[int]) -> tuple[Any, Any]:
        given_bytes, rgba = fill_colors(handles)
        given = numpy.frombuffer(given_bytes, dtype=numpy.uint8) != 0
        return given, numpy.frombuffer(rgba, dtype=numpy.uint32).reshape(len(handles), 4)

    if len(objects) < GROUPED:
        groups = None
    else:
        groups = shared_states(objects) if runs is None else runs_of(runs)
    if groups is None:
        return read(objects)
    first, inverse = groups
    given, colours = read([objects[index] for index in first])
    picked = samples(len(objects))
    own_given, own = read([objects[index] for index in picked])
    told_given, told = given[inverse[picked]], colours[inverse[picked]]
    if (own_given != told_given).any() or (own[own_given] != told[own_given]).any():
        return read(objects)
    return given[inverse], colours[inverse]


def _judged(mode: int, given: bool, white: bool, faint: bool) -> TextObject:
    reason = {3: RENDER_MODE_3, 7: RENDER_MODE_7}.get(mode)
    if given and reason is None and faint and mode in (0, 2, 4, 6):
        reason = TRANSPARENT
    return TextObject(reason, given and white)


def scan_page(height: float, properties: TextProperties, objects: ObjectList) -> PageObjects:
    """The page's top-level objects: its text, in order, and what is drawn after text.

    ``objects``: the page's first objects as :func:`.pdfium_bulk.object_list` read them (at
    least :data:`MAX_OBJECTS` of them, or all).
    """
    import pypdfium2.raw as c

    looked = min(len(objects.handles), MAX_OBJECTS)
    handles, modes = objects.handles[:looked], objects.modes[:looked]
    # The render mode of anything but text is -1: one call says both what it is and how drawn.
    is_text, others = _text_flags(objects, modes)
    found = PageObjects(complete=objects.total <= MAX_OBJECTS)
    first_text = is_text.index(True) if len(others) < looked else looked
    fn = calls()
    # Text objects pdfium gives no render mode: after those it does, as they are found.
    later: list[int] = []
    for index in others:
        obj = handles[index]
        kind = fn.get_type(obj)
        if kind == TEXT:
            later.append(index)
            first_text = min(first_text, index)
            continue
        found.forms = found.forms or kind == FORM
        found.others = found.others or kind != PATH
        if kind == IMAGE and obj is not None:
            found.images.append(obj)
        if first_text < index and kind != FORM:
            _note_cover(found, objects, index, kind, height, c)
    text_handles = cast(list[int], list(compress(handles, is_text)))
    text_modes: Any
    text_found = None
    if later:
        texts = [*compress(range(looked), is_text), *later]
        text_handles += cast(list[int], [handles[index] for index in later])
        text_modes = [modes[index] for index in texts]
        runs = None if objects.runs is None else objects.runs[texts]
    elif objects.runs is None or objects.mode_array is None:
        text_modes, runs = list(compress(modes, is_text)), None
    elif not others:
        text_modes, runs = objects.mode_array[:looked], objects.runs[:looked]
        text_found = None if objects.addresses is None else objects.addresses[:looked]
    else:
        # is_text as the array it was made from: a list of 4,000 bools is slow to turn back.
        mask = objects.mode_array[:looked] >= 0
        text_modes, runs = objects.mode_array[:looked][mask], objects.runs[:looked][mask]
        text_found = None if objects.addresses is None else objects.addresses[:looked][mask]
    verdicts = properties.judge(text_handles, text_modes, runs)
    if None in text_handles:
        # Null handles, if pdfium gave any, are one key: the dict says which verdict it keeps.
        found.text = dict(zip(text_handles, verdicts, strict=True))
        found.text_keys, found.text_verdicts = list(found.text), list(found.text.values())
        return found
    found.text_keys, found.text_found = text_handles, text_found
    # A page's text objects mostly share one verdict (the very same object, see judge).
    alike = verdicts and verdicts.count(verdicts[0]) == len(verdicts)
    found.text_verdicts = verdicts[:1] if alike else verdicts
    return found


def _text_flags(objects: ObjectList, modes: list[int]) -> tuple[list[bool], list[int]]:
    """Whether each object has a render mode (is text), and the indices of those that have not."""
    if objects.mode_array is None:
        is_text = [mode >= 0 for mode in modes]
        return is_text, [index for index, text in enumerate(is_text) if not text]
    import numpy

    text = objects.mode_array[: len(modes)] >= 0
    return text.tolist(), numpy.flatnonzero(~text).tolist()


def _note_cover(
    found: PageObjects, objects: ObjectList, index: int, kind: int, height: float, c: Any
) -> None:
    """Record an object drawn after text that could hide a word: filled, at least 4 pt square."""
    obj = objects.handles[index] or 0
    if kind == PATH:
        fill = (ctypes.c_int * 2)()
        at = ctypes.addressof(fill)
        if not calls().draw_mode(obj, at, at + ctypes.sizeof(ctypes.c_int)) or not fill[0]:
            return
    if index < len(objects.bounded):
        if not objects.bounded[index]:
            found.unbounded_cover = True
            return
        left, bottom, right, top = struct.unpack_from("4f", objects.bounds, 16 * index)
    else:
        edges = [ctypes.c_float() for _ in range(4)]
        if not c.FPDFPageObj_GetBounds(typed(obj), *edges):
            found.unbounded_cover = True
            return
        left, bottom, right, top = (edge.value for edge in edges)
    box = (left, right, height - top, height - bottom)
    if kind == IMAGE:
        found.over_text.append(box)
    if right - left >= 4 and top - bottom >= 4:
        found.covers.append(box)


def annotations_paint(page: Any) -> bool:
    """Whether the page has an annotation that draws something: any but a link with no look.

    pdfium draws an annotation's appearance stream, and makes one up only for markup kinds
    (squares, highlights, notes...); a link without one, as in every resume with an email or a
    profile address, paints nothing and so can hide nothing.
    """
    import pypdfium2.raw as c

    for index in range(c.FPDFPage_GetAnnotCount(page)):
        annotation = c.FPDFPage_GetAnnot(page, index)
        if not annotation:
            return True
        try:
            link = c.FPDFAnnot_GetSubtype(annotation) == c.FPDF_ANNOT_LINK
            if not link or c.FPDFAnnot_HasKey(annotation, b"AP"):
                return True
        finally:
            c.FPDFPage_CloseAnnot(annotation)
    return False


def image_pixel_count(images: list[int]) -> int:
    """Pixels the page's own images decode to (a page without forms: see page_render)."""
    import pypdfium2.raw as c

    width, height = ctypes.c_uint(), ctypes.c_uint()
    total = 0
    for obj in images:
        if c.FPDFImageObj_GetImagePixelSize(typed(obj), width, height):
            total += width.value * height.value
    return total
