"""What the pdfium build can do for the visibility check, asked once rather than on every page.

pypdfium2's bindings name only the functions of the pdfium they were built against, so an older
pdfium (a distribution's own build) may lack one the check calls. That is known before the first
page: without the functions, no page is judged and each engine keeps its own view. Once they
are there, a page that still cannot be judged fails in one of the few ways pdfium and ctypes
fail; anything else is a fault in this package, and must be seen, not taken for a page pdfium
could not judge.
"""

from __future__ import annotations

import functools

# Every pdfium function the visibility modules (visibility, page_objects, page_render,
# backdrops, layers_clips, pdfium_bulk) call. FPDFPageObj_SetIsActive is optional: without it
# page_render switches text off by render mode.
NEEDED = (
    "FPDFAnnot_GetSubtype",
    "FPDFAnnot_HasKey",
    "FPDFClipPath_CountPathSegments",
    "FPDFClipPath_CountPaths",
    "FPDFClipPath_GetPathSegment",
    "FPDFFormObj_CountObjects",
    "FPDFFormObj_GetObject",
    "FPDFImageObj_GetImagePixelSize",
    "FPDFPageObjMark_GetName",
    "FPDFPageObj_CountMarks",
    "FPDFPageObj_GetBounds",
    "FPDFPageObj_GetClipPath",
    "FPDFPageObj_GetFillColor",
    "FPDFPageObj_GetMark",
    "FPDFPageObj_GetType",
    "FPDFPage_CloseAnnot",
    "FPDFPage_CountObjects",
    "FPDFPage_GetAnnot",
    "FPDFPage_GetAnnotCount",
    "FPDFPage_GetObject",
    "FPDFPathSegment_GetPoint",
    "FPDFPath_GetDrawMode",
    "FPDFTextObj_GetTextRenderMode",
    "FPDFTextObj_SetTextRenderMode",
    "FPDFText_CountChars",
    "FPDFText_GetCharIndexAtPos",
    "FPDFText_GetFillColor",
    "FPDFText_GetLooseCharBox",
    "FPDFText_GetText",
    "FPDFText_GetTextObject",
    "FPDFText_GetUnicode",
)


@functools.cache
def can_judge_pages() -> bool:
    """Whether this pdfium has every function the visibility check calls."""
    import pypdfium2.raw as c

    return all(hasattr(c, name) for name in NEEDED)


@functools.cache
def cannot_tell() -> tuple[type[BaseException], ...]:
    """What pdfium's bindings raise when a page cannot be judged: the engine's own view stands.

    pypdfium2 raises ``PdfiumError`` where pdfium fails (a bitmap it could not create); a buffer
    or an array over the memory limit raises ``MemoryError``; on Windows ctypes turns a fault
    inside pdfium into ``OSError``.
    """
    import pypdfium2

    return (pypdfium2.PdfiumError, MemoryError, OSError)
