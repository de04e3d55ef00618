"""Fields of many pdfium page objects read in one array step, where pdfium's own calls agree.

A wkhtmltopdf page draws each glyph as its own object, so a question asked of every object is
a few thousand calls through ctypes. Some answers are plain fields of the object: its bounds
(``FPDFPageObj_GetBounds`` copies the rectangle the object keeps) and its clipping path (the
handle ``FPDFPageObj_GetClipPath`` gives is the object's own clip field, whose one member is
the pointer to the clip's paths, null when it has none). Its colour, transparency and render
mode are read through pointers to states it shares with the objects drawn in the same state, so
objects whose pointers are all the same get the same answers. Those fields are read here for
all the objects at once, from the objects' own memory, as numpy gathers; every caller checks
the result against pdfium's calls on objects of the page first, and asks pdfium as before
wherever the two could differ.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any, cast

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
    columns = gather_columns(found, [offset], typestr)
    return None if columns is None else columns[0]


def gather_columns(found: Any, offsets: list[int], typestr: str) -> list[Any] | None:
    """:func:`gather` for each of ``offsets``, the addresses worked out once."""
    import numpy

    size = numpy.dtype(typestr).itemsize
    low = int(found.min())
    at = (found - numpy.uint64(low)).astype(numpy.int64)
    if (at % size).any() or any(offset % size for offset in offsets):
        return None
    count = (int(at.max()) + max(offsets)) // size + 1
    memory = numpy.asarray(_Memory(low, count, typestr))
    at //= size
    return [memory[at + offset // size] for offset in offsets]


def null_words(found: Any, offset: int) -> Any:
    """Whether the pointer-sized word at ``offset`` from each address is zero (a bool array),
    or None where they cannot be read in one gather."""
    import numpy

    words = gather(found, offset, numpy.dtype(numpy.uint64).str)
    return None if words is None else words == 0


def samples(count: int) -> list[int]:
    """Indices spread over ``count`` items that a check asks pdfium about: ends and middle."""
    return sorted({0, count // 4, count // 2, (3 * count) // 4, count - 1}) if count else []


# Objects past which a page's objects are asked a run of alike ones at a time.
GROUPED = 64
# The object's class (its C++ vtable) and its graphic states: pointers to the clip, line,
# colour, text and general state it shares with every object drawn in the same state.
STATES_SIZE = 48


def shared_states(handles: list[int], found: Any = None) -> tuple[list[int], Any] | None:
    """Runs of objects that share every state pointer: the first of each run, and each
    object's run; None where the objects cannot be read so or pdfium does not keep its
    states there (see :func:`states_hold`). ``found``: the handles as :func:`addresses` gives
    them, where already made.

    pdfium's per-object questions about colour, transparency and render mode read only the
    states, so the objects of a run get one answer (callers check that on objects of the page).
    """
    import numpy

    if found is None:
        found = addresses(cast(list[int | None], handles))
    if found is None or not states_hold():
        return None
    word = numpy.dtype(numpy.uint64).str
    columns = gather_columns(found, list(range(0, STATES_SIZE, 8)), word)
    if columns is None:
        return None
    # Objects drawn in one state come one after another: a run of them is a group.
    starts = numpy.zeros(len(handles), dtype=bool)
    starts[0] = True
    for column in columns:
        starts[1:] |= column[1:] != column[:-1]
    return runs_of(numpy.cumsum(starts) - 1)


def runs_of(groups: Any) -> tuple[list[int], Any]:
    """The first index of each run of equal numbers in ``groups``, and each item's run."""
    import numpy

    starts = numpy.ones(len(groups), dtype=bool)
    starts[1:] = groups[1:] != groups[:-1]
    return numpy.flatnonzero(starts).tolist(), numpy.cumsum(starts) - 1


def states_hold() -> bool:
    """Whether, in this pdfium, text objects drawn in different colours, transparencies or render
    modes differ in their first :data:`STATES_SIZE` bytes, and those drawn alike do not: asked
    once of a page made for the purpose."""
    if not _held:
        _held.append(_check_states())
    return _held[0]


_held: list[bool] = []
# Six glyphs, each its own text object: two alike, then each one changed from the one before in
# one state only: its colour, its transparency, its render mode, its colour again (to white).
_PROBE_CONTENT = (
    b"BT /F1 12 Tf 0 0 0 rg 10 10 Td (a) Tj (b) Tj 0 0 1 rg (c) Tj /G1 gs (d) Tj 3 Tr (e) Tj "
    b"1 1 1 rg (f) Tj ET"
)


def _probe_pdf() -> bytes:
    return one_page_pdf(
        b"/Resources << /Font << /F1 5 0 R >> /ExtGState << /G1 << /ca 0.05 >> >> >>",
        _PROBE_CONTENT,
        [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"],
    )


def one_page_pdf(resources: bytes, content: bytes, extra: list[bytes] | None = None) -> bytes:
    """A one-page PDF of 200 x 200 points drawing ``content``, for a probe of what this pdfium
    keeps where; ``extra`` objects are numbered from 5 on."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R %s >>" % resources,
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        *(extra or []),
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        start,
    )
    return bytes(out)


def _check_states() -> bool:
    import ctypes

    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(_probe_pdf())
    except pdfium.PdfiumError:
        return False
    try:
        page = document[0]
        try:
            objects = page.get_objects(max_depth=1)
            handles = [ctypes.cast(obj.raw, ctypes.c_void_p).value or 0 for obj in objects]
            if len(handles) != 6 or 0 in handles:
                return False
            rows = [ctypes.string_at(handle, STATES_SIZE) for handle in handles]
            # Each change of state shows as a change of exactly one pointer in the row.
            changed = [
                sum(before[at : at + 8] != after[at : at + 8] for at in range(0, STATES_SIZE, 8))
                for before, after in pairwise(rows[1:])
            ]
            return rows[0] == rows[1] and changed == [1, 1, 1, 1]
        finally:
            page.close()
    finally:
        document.close()
