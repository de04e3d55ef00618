"""Fields of many pdfium page objects read in one array step, where pdfium's own calls agree.

A wkhtmltopdf page draws each glyph as its own object, so a question asked of every object is
a few thousand calls through ctypes. Some answers are plain fields of the object: its bounds
(``FPDFPageObj_GetBounds`` copies the rectangle the object keeps) and its clipping path (the
handle ``FPDFPageObj_GetClipPath`` gives is the object's own clip field, whose one member is
the pointer to the clip's paths, null when it has none). Those fields are read here for all
the objects at once, from the objects' own memory, as numpy gathers; every caller checks the
result against pdfium's calls on objects of the page first, and asks pdfium as before
wherever the two could differ.
"""

from __future__ import annotations

from typing import Any

# The object's rectangle (left, bottom, right, top as C floats) from its start, in the pdfium
# this was measured on; a page where the bounds pdfium gives are not there reads them by calls.
RECT_OFFSET = 48


class _Memory:
    """Items of ``typestr`` from ``start`` on, as numpy reads any memory: nothing is copied."""

    def __init__(self, start: int, count: int, typestr: str) -> None:
        self.__array_interface__ = {
            "data": (start, True),
            "shape": (count,),
            "typestr": typestr,
            "version": 3,
        }


def addresses(handles: list[int | None]) -> Any:
    """The handles as an array of addresses, or None when one is null."""
    import numpy

    if not handles or None in handles:
        return None
    return numpy.array(handles, dtype=numpy.uint64)


def gather(found: Any, offset: int, typestr: str) -> Any:
    """The item of ``typestr`` (a numpy type string) at ``offset`` from each of the addresses
    ``found``, which must be live objects that long; None where the items do not all lie a
    whole number of items from the lowest address (one gather needs that; heap objects do)."""
    import numpy

    size = numpy.dtype(typestr).itemsize
    low = int(found.min())
    at = (found - numpy.uint64(low)).astype(numpy.int64) + offset
    if (at % size).any():
        return None
    count = int(at.max()) // size + 1
    return numpy.asarray(_Memory(low, count, typestr))[at // size]


def null_words(found: Any, offset: int) -> Any:
    """Whether the pointer-sized word at ``offset`` from each address is zero (a bool array),
    or None where they cannot be read in one gather."""
    import numpy

    words = gather(found, offset, numpy.dtype(numpy.uint64).str)
    return None if words is None else words == 0


def samples(count: int) -> list[int]:
    """Indices spread over ``count`` items that a check asks pdfium about: ends and middle."""
    return sorted({0, count // 4, count // 2, (3 * count) // 4, count - 1}) if count else []
