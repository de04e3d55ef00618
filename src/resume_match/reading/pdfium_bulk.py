"""A pdfium page's characters and objects in bulk: a page at a time, not a Python step each.

pypdfium2's bindings convert every argument of every call, and a wkhtmltopdf resume page draws
4,000 glyphs, each its own object: three such calls a character, one or two an object, and reading
each result field by field, cost more than pdfium's own parse. Here the text comes in one call;
boxes, colours and bounds come from calls that convert nothing and write straight into one array
through pointers made once per thread, and each array turns into Python numbers in one step. What
pdfium reports is unchanged, number for number.
"""

from __future__ import annotations

import ctypes
import functools
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, islice, repeat
from typing import Any, cast

# Slots (16 bytes each) whose pointers a thread keeps; a longer page makes its own, more slowly.
_MAX_KEPT = 16_384
_NO_TEXT = 0xFFFE
"""What FPDFText_GetText writes where its text has no character (codes 0, 2 and 0xFFFE)."""
_LOW_BYTE = 0 if sys.byteorder == "little" else ctypes.sizeof(ctypes.c_uint) - 1


@dataclass(frozen=True)
class PageChars:
    """Every character of a text page, index for index as pdfium numbers them."""

    codes: list[int]
    """The character's code, as ``FPDFText_GetUnicode`` gives it."""
    boxes: Sequence[float]
    """Loose boxes, four numbers a character: left, top, right, bottom in PDF points (from
    :func:`page_chars`, a memoryview of the C floats, which numpy reads as they are)."""
    colors: bytes
    """Fill colour, four bytes a character (red, green, blue, alpha), where ``colored``."""
    colored: bytes
    """1 where pdfium gave the character a fill colour (it has a text object), else 0."""


@dataclass(frozen=True)
class ObjectList:
    """The first objects of a page, in drawing order, read once for every pass that needs them."""

    total: int
    """How many objects the page holds (``FPDFPage_CountObjects``), looked at or not."""
    handles: list[int | None]
    """Each object's address (``FPDF_PAGEOBJECT``), None where pdfium has none."""
    modes: list[int]
    """Each object's text render mode: -1 for anything but text, so also what it is."""
    bounds: bytes
    """Four native C floats an object: left, bottom, right, top in PDF points, where
    ``bounded``; empty when they were not asked."""
    bounded: bytes
    """1 where pdfium gave the object's bounds, else 0; empty when they were not asked."""
    runs: Any = None
    """For each object, the run of objects drawn in the same states it belongs to (a numpy
    array, see :func:`.object_memory.shared_states`); None where they were not read."""
    mode_array: Any = None
    """``modes`` as a numpy array, where they were read a run at a time (else None)."""
    addresses: Any = None
    """``handles`` as :func:`.object_memory.addresses` gives them, where made (else None)."""


class _Slots(threading.local):
    """A buffer of 16-byte slots and, for each slot, pointers to its four 4-byte parts."""

    def __init__(self) -> None:
        self.size = 0
        self.buffer: Any = None
        self.parts: tuple[list[Any], ...] = ()

    def get(self, count: int) -> tuple[Any, tuple[list[Any], ...]]:
        if count > _MAX_KEPT:
            # Rounded up, so that pages of many sizes share a few array types (ctypes keeps each).
            return _slots(-(-count // _MAX_KEPT) * _MAX_KEPT)
        if count > self.size or self.buffer is None:
            self.size = max(count, min(2 * self.size, _MAX_KEPT), 1024)
            self.buffer, self.parts = _slots(self.size)
        return self.buffer, self.parts


def _slots(count: int) -> tuple[Any, tuple[list[Any], ...]]:
    buffer = (ctypes.c_float * (4 * count))()
    byref = ctypes.byref
    return buffer, tuple(
        [byref(buffer, 16 * i + 4 * part) for i in range(count)] for part in range(4)
    )


_slots_here = _Slots()


class _Calls:
    """pdfium's functions as bare pointers: arguments passed as they are, no conversion."""

    def __init__(self) -> None:
        import pypdfium2.raw as pdfium_c

        def bare(function: Any, restype: Any = ctypes.c_int) -> Any:
            return held(function, restype)

        self.get_text = bare(pdfium_c.FPDFText_GetText)
        self.get_unicode = bare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
        self.get_box = bare(pdfium_c.FPDFText_GetLooseCharBox)
        self.get_color = bare(pdfium_c.FPDFText_GetFillColor)
        # Object handles come back as plain numbers, and go in as pointers (the first argument).
        self.get_object = bare(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p)
        self.get_bounds = bare(pdfium_c.FPDFPageObj_GetBounds)
        self.get_bounds.argtypes = [ctypes.c_void_p]
        # The object calls :func:`.page_objects.calls` shares: every argument a plain address
        # (a byref() passes as one), so 64-bit handles are never cut to a C int.
        handle = ctypes.c_void_p
        self.get_type = held(pdfium_c.FPDFPageObj_GetType, ctypes.c_int, [handle])
        self.render_mode = held(pdfium_c.FPDFTextObj_GetTextRenderMode, ctypes.c_int, [handle])
        self.fill_color = held(pdfium_c.FPDFPageObj_GetFillColor, ctypes.c_int, [handle] * 5)


def held(function: Any, restype: Any, argtypes: Any = None) -> Any:
    """A pointer to one of pypdfium2's functions, called with the GIL held (a fifth cheaper a
    call than releasing and taking it back): only for calls that return in a microsecond."""
    pointer = ctypes.PYFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value or 0)
    pointer.restype, pointer.argtypes = restype, argtypes
    return pointer


@functools.cache
def bare_calls() -> _Calls:
    """pdfium's functions as this module calls them, made once a process."""
    return _Calls()


def page_chars(handle: Any, count: int, colors: bool = True) -> PageChars:
    """The codes, loose boxes and (if ``colors``) fill colours of a text page's first ``count``
    characters; without colours, every character reads as having none (see :func:`with_colors`).
    """
    calls = bare_calls()
    count = max(count, 0)
    codes = _codes(calls, handle, count)
    buffer, parts = _slots_here.get(count)
    numbers = memoryview(buffer).cast("B")[: 16 * count]
    for _ in map(calls.get_box, repeat(handle, count), range(count), parts[0][:count]):
        pass
    chars = PageChars(codes, _floats(numbers), bytes(4 * count), bytes(count))
    return with_colors(chars, handle) if colors else chars


def with_colors(chars: PageChars, handle: Any) -> PageChars:
    """``chars`` with the fill colours of its characters read from the text page ``handle``."""
    calls = bare_calls()
    count = len(chars.codes)
    buffer, parts = _slots_here.get(count)
    red, green, blue, alpha = (part[:count] for part in parts)
    indices = range(count)
    colored = bytes(map(calls.get_color, repeat(handle, count), indices, red, green, blue, alpha))
    # A channel is 0..255, all of it in the low byte of its unsigned int.
    colors = bytes(memoryview(buffer).cast("B")[: 16 * count][_LOW_BYTE::4])
    return PageChars(chars.codes, chars.boxes, colors, colored)


def char_color(handle: Any, index: int) -> bytes | None:
    """The fill colour (red, green, blue, alpha) of one character, None where it has none."""
    rgba = (ctypes.c_uint * 4)()
    parts = (ctypes.byref(rgba, 4 * part) for part in range(4))
    if not bare_calls().get_color(handle, index, *parts):
        return None
    return bytes(value & 0xFF for value in rgba)


def object_list(page: Any, total: int, count: int, bounds: bool) -> ObjectList:
    """A page's first ``count`` objects (``page`` is pdfium's), with their bounds if ``bounds``."""
    from .object_memory import GROUPED, addresses
    from .page_memory import page_handles

    calls = bare_calls()
    count = max(min(count, total), 0)
    read = page_handles(page, count, calls.get_object)
    if read is None:
        handles = list(map(calls.get_object, repeat(page, count), range(count)))
        found = addresses(handles) if count >= GROUPED else None
    else:
        handles, found = read
    modes, runs, mode_array = _render_modes(calls, handles, found)
    if not bounds:
        return ObjectList(total, handles, modes, b"", b"", runs, mode_array, found)
    kept = _kept_bounds(calls, handles, modes, found)
    if kept is not None:
        return ObjectList(total, handles, modes, kept, b"\x01" * count, runs, mode_array, found)
    buffer, parts = _slots_here.get(count)
    left, bottom, right, top = (part[:count] for part in parts)
    bounded = bytes(map(calls.get_bounds, handles, left, bottom, right, top))
    boxes = bytes(memoryview(buffer).cast("B")[: 16 * count])
    return ObjectList(total, handles, modes, boxes, bounded, runs, mode_array, found)


def _render_modes(
    calls: _Calls, handles: list[int | None], found: Any
) -> tuple[list[int], Any, Any]:
    """Each object's render mode (-1 for all but text), the runs of objects drawn in the same
    states and the modes as an array (both None where the runs cannot be read): pdfium reads
    the mode through the object's kind and text state, so one object of a run is asked, and
    objects spread over the page confirm it. ``found``: the handles as an array (see
    :func:`.object_memory.addresses`), or None where there are few or one is null."""
    import numpy

    from .object_memory import samples, shared_states

    grouped = None if found is None else shared_states(cast(list[int], handles), found)
    if grouped is None:
        return list(map(calls.render_mode, handles)), None, None
    first, runs = grouped
    told = list(map(calls.render_mode, [handles[index] for index in first]))
    array = numpy.array(told, dtype=numpy.int64)[runs]
    modes: list[int] = array.tolist()
    if any(calls.render_mode(handles[index]) != modes[index] for index in samples(len(modes))):
        return list(map(calls.render_mode, handles)), None, None
    return modes, runs, array


def _kept_bounds(
    calls: _Calls, handles: list[int | None], modes: list[int], found: Any
) -> bytes | None:
    """Every object's bounds as the objects keep them (see :mod:`.object_memory`), or None
    unless pdfium's own call gives the same bytes for objects spread over the page and for
    the first of those that are not text."""
    from .object_memory import RECT_OFFSET, gather, samples

    # On a page of few objects (no ``found``) the calls cost less than the gather.
    rows = None if found is None else gather(found, RECT_OFFSET, "|V16")
    if rows is None:
        return None
    kept: bytes = rows.tobytes()
    others = islice(compress(range(len(modes)), map((0).__gt__, modes)), _CHECKED_OTHERS)
    rect = (ctypes.c_float * 4)()
    parts = [ctypes.byref(rect, 4 * part) for part in range(4)]
    for index in sorted({*samples(len(handles)), *others}):
        if not calls.get_bounds(handles[index], *parts):
            return None
        if bytes(rect) != kept[16 * index : 16 * index + 16]:
            return None
    return kept


# Objects not text that the check of the kept bounds asks pdfium about: the first ones.
_CHECKED_OTHERS = 8


def object_kinds(handles: list[int | None]) -> bytes:
    """Each object's type (``FPDF_PAGEOBJ_TEXT``, ``..._PATH``...), one byte an object."""
    return bytes(map(bare_calls().get_type, handles))


def fill_colors(handles: list[int]) -> tuple[bytes, bytes]:
    """Each object's fill colour, four native unsigned ints (red, green, blue, alpha) an object,
    and 1 for each object pdfium gave a colour, else 0 (its four ints are then left as they were).
    """
    calls = bare_calls()
    count = len(handles)
    buffer, parts = _slots_here.get(count)
    red, green, blue, alpha = (part[:count] for part in parts)
    found = bytes(map(calls.fill_color, handles, red, green, blue, alpha))
    return found, bytes(memoryview(buffer).cast("B")[: 16 * count])


def _floats(view: memoryview) -> Sequence[float]:
    """A copy of bytes holding C floats, read as Python numbers (typeshed calls every memoryview
    item an int)."""
    return cast(Sequence[float], memoryview(bytes(view)).cast("f"))


def _codes(calls: _Calls, handle: Any, count: int) -> list[int]:
    """One call for the page's text, and one a character only where the text cannot tell."""
    if count == 0:
        return []
    # The text (two bytes a character and a terminator) goes where the boxes go next.
    buffer, _ = _slots_here.get((count + 8) // 8)
    written = calls.get_text(handle, 0, count, ctypes.byref(buffer))
    if written != count + 1:
        return list(map(calls.get_unicode, repeat(handle, count), range(count)))
    codes = memoryview(buffer).cast("B")[: 2 * count].cast("H").tolist()
    # The text is the page's text buffer, not its characters: a shift between them shows here.
    for index in {0, count // 2, count - 1}:
        if codes[index] not in (_NO_TEXT, calls.get_unicode(handle, index)):
            return list(map(calls.get_unicode, repeat(handle, count), range(count)))
    if _NO_TEXT in codes:
        for index, code in enumerate(codes):
            if code == _NO_TEXT:
                codes[index] = calls.get_unicode(handle, index)
    return codes
