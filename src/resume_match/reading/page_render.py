"""Where a PDF page's text leaves a mark: two low-resolution renders, with and without it.

A word whose pixels are the same in both was covered, clipped away, drawn in the background's
colour or not drawn at all: a person does not see it. :mod:`.visibility` decides when this is
needed and what to call what it finds.
"""

from __future__ import annotations

import ctypes
import itertools
from typing import Any

from .page_objects import calls

Box = tuple[float, float, float, float]

# Pixels whose grey level moves by less than this when the text is taken away show no text.
_CONTRAST = 16
_MAX_RENDER_PIXELS = 1_500_000
_DPI = 50.0


def render_scale(width: float, height: float) -> float:
    """Pixels per point of the renders: about 50 dpi, less on a page too big for the budget."""
    pixels = width * height * (_DPI / 72) ** 2
    shrink: float = min(1.0, (_MAX_RENDER_PIXELS / max(pixels, 1.0)) ** 0.5)
    return _DPI / 72 * shrink


class TextMarks:
    """The pixels of ``page`` its ``text_objects`` (integer handles) changed, at about 50 dpi."""

    def __init__(self, page: Any, text_objects: list[int]) -> None:
        import numpy

        fn = calls()
        self._page = page
        self._scale = render_scale(*page.get_size())
        painted = self._render()
        # Older pdfium builds cannot switch an object off; drawing it invisibly does the same.
        switch = fn.set_active
        modes = [] if switch else list(map(fn.render_mode, text_objects))
        off = itertools.repeat(0 if switch else 3, len(text_objects))
        _ = list(map(switch or fn.set_render_mode, text_objects, off))
        try:
            bare = self._render()
        finally:
            back = itertools.repeat(1, len(text_objects)) if switch else modes
            _ = list(map(switch or fn.set_render_mode, text_objects, back))
        # Counts of changed pixels above and left of each corner: any box's count in four reads.
        self._counts: Any = None
        if painted.shape == bare.shape:
            contrast = numpy.abs(painted.astype(numpy.int16) - bare.astype(numpy.int16))
            rows, cols = contrast.shape
            counts = numpy.zeros((rows + 1, cols + 1), dtype=numpy.int64)
            counts[1:, 1:] = (contrast >= _CONTRAST).cumsum(axis=0).cumsum(axis=1)
            self._counts = counts

    def _render(self) -> Any:
        import numpy

        bitmap = self._page.render(scale=self._scale, grayscale=True, may_draw_forms=False)
        try:
            array = numpy.array(bitmap.to_numpy(), copy=True)
        finally:
            bitmap.close()
        return array[..., 0] if array.ndim == 3 else array

    def painted(self, boxes: list[Box]) -> list[bool]:
        """Whether the text left a mark in each box (points from the top-left corner)."""
        if self._counts is None:
            return [True] * len(boxes)
        if not boxes:
            return []
        import numpy

        x0, x1, top, bottom = numpy.array(boxes, dtype=numpy.float64).T
        scale = self._scale
        rows, cols = self._counts.shape[0] - 1, self._counts.shape[1] - 1
        # Half a pixel to each side, as a glyph's ink may start just before its box; a fifth of
        # the height off the top and bottom, where the lines above and below may bleed in.
        inset = (bottom - top) / 5
        left = numpy.clip(numpy.floor(x0 * scale - 0.5), 0, cols).astype(numpy.int64)
        right = numpy.clip(numpy.ceil(x1 * scale + 0.5), 0, cols).astype(numpy.int64)
        upper = numpy.clip(numpy.floor((top + inset) * scale), 0, rows).astype(numpy.int64)
        lower = numpy.clip(numpy.ceil((bottom - inset) * scale), 0, rows).astype(numpy.int64)
        counts = self._counts
        inside = counts[lower, right] - counts[upper, right] - counts[lower, left]
        marked = (inside + counts[upper, left] > 0) & (left < right) & (upper < lower)
        return [bool(value) for value in marked]


def image_pixels(holder: Any, budget: list[int], form: bool = False) -> int:
    """Pixels of all the images a page (or a form on it) would decode to be rendered."""
    import pypdfium2.raw as c

    count = c.FPDFFormObj_CountObjects(holder) if form else c.FPDFPage_CountObjects(holder)
    width, height = ctypes.c_uint(), ctypes.c_uint()
    total = 0
    for index in range(max(0, count)):
        budget[0] -= 1
        if budget[0] < 0:
            return total
        obj = (
            c.FPDFFormObj_GetObject(holder, index) if form else c.FPDFPage_GetObject(holder, index)
        )
        kind = c.FPDFPageObj_GetType(obj)
        if kind == c.FPDF_PAGEOBJ_IMAGE and c.FPDFImageObj_GetImagePixelSize(obj, width, height):
            total += width.value * height.value
        elif kind == c.FPDF_PAGEOBJ_FORM:
            total += image_pixels(obj, budget, form=True)
    return total
