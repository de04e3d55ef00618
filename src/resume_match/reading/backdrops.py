"""What a PDF page paints behind its text, and whether text may be coloured like it.

Dark-grey words on a dark-grey box, black on black, light blue on light blue, or words in the
colour of the picture under them: the words are in the text layer, a person sees only the box.
A shape drawn before all the text is a background, which :mod:`.visibility` would otherwise
not render for, so this finds the backgrounds that can hide text: a filled, non-white shape
with text of nearly its colour on it, or an image with text on it (its colours are known only
by rendering it). Only the objects before the page's first text are asked, and the text's
colours only when such a shape lies under a word, so a page of black text on white pays a
handful of calls.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Any

from .page_objects import IMAGE, MAX_OBJECTS, PATH, TEXT, calls, typed
from .pdfium_bulk import ObjectList

Box = tuple[float, float, float, float]
"""x0, x1, top, bottom in points, measured from the page's top-left corner."""

Colour = tuple[int, int, int]

# Channels (0-255) this close: the text is the box's colour to the eye, or all but; whether it
# left a mark is then for the render to say.
_CLOSE = 40
# A shape this light is the page's own white; white text has a check of its own.
_WHITE = 245
_MIN_SIDE = 4.0
# Comparisons of shapes with words or text objects past which a page is simply rendered.
_BUDGET = 4_000_000


@dataclass(frozen=True)
class Backdrop:
    """A filled shape or an image drawn behind text: where, and in what colour."""

    box: Box
    colour: Colour | None
    """A shape's fill; None for an image, whose colours only a render can tell."""
    order: int
    """Its place among the page's objects: what is drawn later lies over it."""


@dataclass
class Painted:
    """The page's backdrops, in the order they are drawn."""

    shapes: list[Backdrop] = field(default_factory=list)
    text_order: dict[int, int] = field(default_factory=dict)
    """Each text object's place among the page's objects (when looked past the first text)."""
    _alike: dict[Colour, Any] = field(default_factory=dict)
    """By text colour: the boxes and places of the backdrops text of that colour is lost in."""

    def lies_on(self, key: int, box: Box, colour: Colour) -> bool:
        """Whether a word of the text object ``key`` lies on a backdrop drawn before it that
        could swallow it: an image, or a shape of nearly ``colour`` under the word's centre."""
        import numpy

        if not self.shapes:
            return False
        alike = self._alike.get(colour)
        if alike is None:
            shapes = [
                shape
                for shape in self.shapes
                if shape.colour is None
                or max(abs(a - b) for a, b in zip(colour, shape.colour, strict=True)) <= _CLOSE
            ]
            boxes = numpy.array([shape.box for shape in shapes], dtype=numpy.float64)
            orders = numpy.array([shape.order for shape in shapes], dtype=numpy.int64)
            alike = self._alike[colour] = (boxes.reshape(-1, 4), orders)
        boxes, orders = alike
        x0, x1, top, bottom = box
        centre_x, centre_y = (x0 + x1) / 2, (top + bottom) / 2
        under = (
            (boxes[:, 0] <= centre_x)
            & (centre_x <= boxes[:, 1])
            & (boxes[:, 2] <= centre_y)
            & (centre_y <= boxes[:, 3])
            & (orders < self.text_order.get(key, -1))
        )
        return bool(under.any())


def backdrops(objects: ObjectList, height: float, *, past_text: bool = False) -> Painted:
    """Non-white filled shapes and images, at least 4 pt a side, drawn before the first text.

    ``past_text``: go on past the text to the end of the page's objects, noting the order of
    each text object, to tell what lies behind one in particular. ``objects``: the page's
    objects as :func:`.pdfium_bulk.object_list` read them (at least the first
    :data:`MAX_OBJECTS`, or all), the list the other checks of the page read.
    """
    import pypdfium2.raw as c

    fn = calls()
    found = Painted()
    handles, modes = objects.handles, objects.modes
    count = min(len(handles), MAX_OBJECTS)
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(count):
        obj = handles[index] or 0
        kind = TEXT if modes[index] >= 0 else fn.get_type(obj)
        if kind == TEXT:
            if not past_text:
                break
            found.text_order[obj] = index
            continue
        if kind not in (PATH, IMAGE):
            continue
        pointer = typed(obj)
        colour = None
        if kind == PATH:
            if not c.FPDFPath_GetDrawMode(pointer, fill, stroke) or not fill.value:
                continue
            colour = fill_colour(obj)
            if colour is None or min(colour) > _WHITE:
                continue
        if not c.FPDFPageObj_GetBounds(pointer, left, bottom, right, top):
            continue
        if right.value - left.value < _MIN_SIDE or top.value - bottom.value < _MIN_SIDE:
            continue
        box = (left.value, right.value, height - top.value, height - bottom.value)
        found.shapes.append(Backdrop(box, colour, index))
    return found


def fill_colour(obj: int) -> Colour | None:
    """An object's fill colour as 0-255 RGB, or None when pdfium cannot give it."""
    rgba = (ctypes.c_uint * 4)()
    base = ctypes.addressof(rgba)
    if not calls().fill_color(obj, base, base + 4, base + 8, base + 12):
        return None
    return (rgba[0], rgba[1], rgba[2])


def under_words(shapes: list[Backdrop], words: list[Box]) -> list[Backdrop]:
    """The ``shapes`` that lie under one of the ``words`` (all of them, past a budget)."""
    if not shapes or not words:
        return []
    if len(shapes) * len(words) > _BUDGET:
        return shapes
    mask = _meeting([shape.box for shape in shapes], words).any(axis=1)
    return [shape for shape, under in zip(shapes, mask.tolist(), strict=True) if under]


def coloured_like(texts: list[int], shapes: list[Backdrop], height: float) -> bool:
    """Whether any of the ``texts`` (object handles) lies on a shape of nearly its colour.

    The colours are asked in one pass, a call an object, and the bounds only of the text
    objects coloured like some shape; past a budget of comparisons, the answer is yes (the
    render then decides, word by word).
    """
    import numpy
    import pypdfium2.raw as c

    shapes = [shape for shape in shapes if shape.colour is not None]
    if not shapes or not texts:
        return False
    distinct = {shape.colour for shape in shapes if shape.colour is not None}
    fills = numpy.array(sorted(distinct), dtype=numpy.int64)
    count = len(texts)
    if len(fills) * count > _BUDGET:
        return True
    rgba = (ctypes.c_uint * (4 * count))()
    base = ctypes.addressof(rgba)
    slots = (range(base + 4 * part, base + 16 * count, 16) for part in range(4))
    given = numpy.fromiter(map(calls().fill_color, texts, *slots), numpy.int64, count) != 0
    colours = numpy.frombuffer(memoryview(rgba), dtype=numpy.uint32).reshape(count, 4)
    colours = colours[:, :3].astype(numpy.int64)
    near = (numpy.abs(colours[:, None, :] - fills[None, :, :]).max(axis=2) <= _CLOSE).any(axis=1)
    candidates = numpy.flatnonzero(near & given).tolist()
    if len(candidates) * len(shapes) > _BUDGET:
        return True
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    boxes: list[Box] = []
    kept: list[int] = []
    for index in candidates:
        if c.FPDFPageObj_GetBounds(typed(texts[index]), left, bottom, right, top):
            boxes.append((left.value, right.value, height - top.value, height - bottom.value))
            kept.append(index)
    if not boxes:
        return False
    meets = _meeting([shape.box for shape in shapes], boxes)
    shape_fills = numpy.array([shape.colour for shape in shapes], dtype=numpy.int64)
    kept_colours = colours[kept]
    alike = numpy.abs(shape_fills[:, None, :] - kept_colours[None, :, :]).max(axis=2) <= _CLOSE
    return bool((meets & alike).any())


def _meeting(shapes: list[Box], boxes: list[Box]) -> Any:
    """Which of ``shapes`` (rows) meets which of ``boxes`` (columns)."""
    import numpy

    one = numpy.array(shapes, dtype=numpy.float64)[:, :, None]
    other = numpy.array(boxes, dtype=numpy.float64).T[None, :, :]
    return (
        (one[:, 0] <= other[:, 1])
        & (other[:, 0] <= one[:, 1])
        & (one[:, 2] <= other[:, 3])
        & (other[:, 2] <= one[:, 3])
    )
