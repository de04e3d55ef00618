"""Where a PDF page's text leaves a mark: two low-resolution renders, with and without it.

A word whose pixels are the same in both was covered, clipped away, drawn in the background's
colour or not drawn at all: a person does not see it. :mod:`.visibility` decides when this is
needed and what to call what it finds.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any

Box = tuple[float, float, float, float]

# Pixels whose grey level moves by less than this when the text is taken away show no text.
_CONTRAST = 16
_MAX_RENDER_PIXELS = 1_500_000
_DPI = 50.0


class TextMarks:
    """The pixels of ``page`` that its ``text_objects`` changed, at about 50 dpi."""

    def __init__(self, page: Any, text_objects: list[Any]) -> None:
        import numpy
        import pypdfium2.raw as c

        self._page = page
        width, height = page.get_size()
        pixels = width * height * (_DPI / 72) ** 2
        self._scale = _DPI / 72 * min(1.0, (_MAX_RENDER_PIXELS / max(pixels, 1.0)) ** 0.5)
        painted = self._render()
        # Older pdfium builds cannot switch an object off; drawing it invisibly does the same.
        switch = getattr(c, "FPDFPageObj_SetIsActive", None)
        modes = [c.FPDFTextObj_GetTextRenderMode(obj) for obj in text_objects] if not switch else []
        for obj in text_objects:
            _ = switch(obj, False) if switch else c.FPDFTextObj_SetTextRenderMode(obj, 3)
        try:
            bare = self._render()
        finally:
            for index, obj in enumerate(text_objects):
                _ = (
                    switch(obj, True)
                    if switch
                    else c.FPDFTextObj_SetTextRenderMode(obj, modes[index])
                )
        self._diff: Any = None
        if painted.shape == bare.shape:
            contrast = numpy.abs(painted.astype(numpy.int16) - bare.astype(numpy.int16))
            self._diff = contrast >= _CONTRAST

    def _render(self) -> Any:
        import numpy

        bitmap = self._page.render(scale=self._scale, grayscale=True, may_draw_forms=False)
        try:
            array = numpy.array(bitmap.to_numpy(), copy=True)
        finally:
            bitmap.close()
        return array[..., 0] if array.ndim == 3 else array

    def painted(self, box: Box) -> bool:
        """Whether the text left a mark in ``box`` (points from the top-left corner)."""
        if self._diff is None:
            return True
        x0, x1, top, bottom = box
        scale = self._scale
        rows, cols = self._diff.shape
        # Half a pixel to each side, as a glyph's ink may start just before its box; a fifth of
        # the height off the top and bottom, where the lines above and below may bleed in.
        inset = (bottom - top) / 5
        left = max(0, math.floor(x0 * scale - 0.5))
        right = min(cols, math.ceil(x1 * scale + 0.5))
        upper = max(0, math.floor((top + inset) * scale))
        lower = min(rows, math.ceil((bottom - inset) * scale))
        if left >= right or upper >= lower:
            return False
        return bool(self._diff[upper:lower, left:right].any())


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
