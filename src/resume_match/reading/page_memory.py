"""A page's object handles read from the page's own list of them, where pdfium's calls agree.

``FPDFPage_GetObject`` hands out, one call an index, the pointers a page keeps in a double-ended
queue (blocks of pointers, and an array of the blocks). A wkhtmltopdf page holds thousands of
objects, and the calls cost more than all the rest of reading its object list. Where the page
keeps the queue, and how many pointers a block holds, is learnt once a process from a page made
for the purpose; each page's queue is then read in one array step, and taken only where its size
is the page's object count and pdfium's own call gives the same pointer at both ends of every
block. Anywhere else the calls are made as before.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

from .object_memory import GROUPED, gather, one_page_pdf

# The queue's fields, as words from where it starts: the block array's allocation, its first
# and end used entries and its capacity, then the index of the first item and the count.
_FIELDS = 6
# How far into the page the probe looks for the queue, in pointer-sized words.
_LOOKED_WORDS = 64
_PROBE_OBJECTS = 200
_MAX_TABLE_BYTES = 1 << 24

_layout: list[tuple[int, int] | None] = []


def page_handles(page: Any, count: int, get_object: Callable[[Any, int], int | None]) -> Any:
    """The handles of the page's first ``count`` objects as ``get_object`` (the bare
    ``FPDFPage_GetObject``) gives them, and as an array (see :func:`.object_memory.addresses`);
    None where the page's own list cannot be read so."""
    layout = queue_layout(get_object)
    address = ctypes.cast(page, ctypes.c_void_p).value or 0
    if layout is None or count < GROUPED or not address:
        return None
    word, block = layout
    read = _read_queue(address + 8 * word, block, count)
    if read is None:
        return None
    handles, items, start = read
    for index in _block_ends(start, block, count):
        if get_object(page, index) != handles[index]:
            return None
    return handles, items


def _read_queue(queue: int, block: int, count: int) -> tuple[list[int], Any, int] | None:
    """The queue's first ``count`` pointers and the index of its first, or None where its
    fields do not hold that many."""
    import numpy

    first, begin, end, capacity, start, size = (ctypes.c_uint64 * _FIELDS).from_address(queue)
    blocks = (start + count - 1) // block + 1
    if size < count or begin % 8 or not first <= begin <= end <= capacity:
        return None
    # A block array is small (a pointer a block); larger fields are not the queue's.
    if capacity - first > _MAX_TABLE_BYTES:
        return None
    if (end - begin) // 8 < blocks or start >= block:
        return None
    table = numpy.ctypeslib.as_array((ctypes.c_uint64 * blocks).from_address(begin)).copy()
    if not table.all():
        return None
    at = numpy.arange(start, start + count, dtype=numpy.uint64)
    found = table[at // numpy.uint64(block)] + numpy.uint64(8) * (at % numpy.uint64(block))
    items = gather(found, 0, numpy.dtype(numpy.uint64).str)
    if items is None or not items.all():
        return None
    handles: list[int] = items.tolist()
    return handles, items, start


def _block_ends(start: int, block: int, count: int) -> list[int]:
    """The first and last index the queue keeps in each of its blocks."""
    ends = {0, count - 1}
    for edge in range(block - start, count, block):
        ends.update((edge - 1, edge))
    return sorted(ends)


def queue_layout(get_object: Callable[[Any, int], int | None]) -> tuple[int, int] | None:
    """Where a page keeps its queue of objects (in words from the page's address) and how many
    pointers a block of it holds, as ``get_object`` shows on a probe page; None where it does
    not show it."""
    if not _layout:
        _layout.append(_probe(get_object))
    return _layout[0]


def _probe_pdf() -> bytes:
    return one_page_pdf(b"", b"0 0 1 1 re f\n" * _PROBE_OBJECTS)


def _probe(get_object: Callable[[Any, int], int | None]) -> tuple[int, int] | None:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(_probe_pdf())
    except pdfium.PdfiumError:
        return None
    try:
        page = document[0]
        try:
            raw = page.raw
            handles = [get_object(raw, index) for index in range(_PROBE_OBJECTS)]
            if len(set(handles)) != _PROBE_OBJECTS or None in handles:
                return None
            address = ctypes.cast(raw, ctypes.c_void_p).value or 0
            return _find_queue(address, handles)
        finally:
            page.close()
    finally:
        document.close()


def _find_queue(address: int, handles: list[int | None]) -> tuple[int, int] | None:
    """The one (word, block size) at which the page's words read as a queue of ``handles``."""
    words = (ctypes.c_uint64 * (_LOOKED_WORDS + _FIELDS)).from_address(address)
    found = []
    for word in range(_LOOKED_WORDS):
        first, begin, end, capacity, start, size = words[word : word + _FIELDS]
        # Only fields that look like the queue's are followed: a count of the probe's objects
        # after four ordered, aligned pointers near the page, spanning a small array.
        plausible = (
            size == len(handles)
            and start == 0
            and 0 < first <= begin < end <= capacity
            and begin % 8 == 0
            and capacity - first < _MAX_TABLE_BYTES
            and abs(begin - address) < 1 << 40
        )
        if not plausible:
            continue
        # From the smallest block up: one too large would read past the end of a block.
        for shift in range(2, 13):
            block = 1 << shift
            if (end - begin) // 8 < (len(handles) - 1) // block + 1:
                continue
            read = _read_queue(address + 8 * word, block, len(handles))
            if read is not None and read[0] == handles:
                found.append((word, block))
            break
    return found[0] if len(found) == 1 else None
