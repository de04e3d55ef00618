"""Layers and clipping paths of a page's text objects: what the visibility check asks of each.

A wkhtmltopdf page draws every glyph as its own text object, so proving that none lies in a layer
or under a clip costs a call or two an object. pdfium keeps an object's clipping path as a field of
the object (``FPDFPageObj_GetClipPath`` gives its address), so the clip's handle is the object's
plus a constant, measured on the page's own objects: one call an object is saved, and a page
where the measure does not hold asks pdfium for every object as before.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable, Sequence
from typing import Any

from .page_objects import calls, typed

Box = tuple[float, float, float, float]
"""x0, x1, top, bottom in points, measured from the page's top-left corner."""


def any_in_layer(keys: Iterable[int]) -> bool:
    """Whether any of the text objects ``keys`` lies in a layer (optional content)."""
    keys = list(keys)
    return any(map(calls().count_marks, keys)) and any(map(in_layer, keys))


def any_clipped(keys: Sequence[int], found: Any = None) -> bool:
    """Whether any of the text objects ``keys`` has a clipping path with a path in it
    (``found``: the keys as :func:`.object_memory.addresses` gives them, if already made)."""
    fn = calls()
    if not keys:
        return False
    offset = _clip_offset(keys)
    if offset is None:
        clips: Iterable[int] = filter(None, map(fn.clip_path, keys))
    else:
        clips = _with_paths(keys, offset, found)
    return any(map((0).__lt__, map(fn.count_clip_paths, clips)))


def _clip_offset(keys: Sequence[int]) -> int | None:
    """How far each object's clip handle lies from the object, where the page shows it holds."""
    fn = calls()
    first = keys[0]
    offset = (fn.clip_path(first) or 0) - first
    samples = {keys[len(keys) // 2], keys[-1]}
    if offset > 0 and all(fn.clip_path(key) == key + offset for key in samples):
        return offset
    return None


def _with_paths(keys: Sequence[int], offset: int, found: Any = None) -> list[int]:
    """The clip handles whose pointer to the clip's paths is not null: the others have none
    (pdfium counts -1 paths for them), as pdfium confirms for objects spread over the page."""
    import numpy

    from .object_memory import GROUPED, addresses, null_words, samples

    # On a page of few objects the calls cost less than the gather.
    if len(keys) < GROUPED:
        found = None
    elif found is None:
        found = addresses(list(keys))
    null = None if found is None else null_words(found, offset)
    if null is None:
        return [key + offset for key in keys]
    count = calls().count_clip_paths
    if any((count(keys[index] + offset) < 0) != null[index] for index in samples(len(keys))):
        return [key + offset for key in keys]
    return [keys[index] + offset for index in numpy.flatnonzero(~null).tolist()]


def in_layer(key: int) -> bool:
    """Whether the text object ``key`` carries an optional-content ("OC") mark."""
    import pypdfium2.raw as c

    count = calls().count_marks(key)
    if not count:
        return False
    obj = typed(key)
    name = (ctypes.c_ushort * 8)()
    length = ctypes.c_ulong()
    for index in range(min(count, 16)):
        mark = c.FPDFPageObj_GetMark(obj, index)
        if not mark or not c.FPDFPageObjMark_GetName(mark, name, ctypes.sizeof(name), length):
            continue
        if bytes(name)[: max(0, length.value - 2)].decode("utf-16-le", "replace") == "OC":
            return True
    return False


def clip_box(key: int, height: float) -> Box | None:
    """The bounding box of the object's clipping path, or None when it has none."""
    import pypdfium2.raw as c

    obj: Any = typed(key)
    clip = c.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    xs: list[float] = []
    ys: list[float] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for path in range(min(c.FPDFClipPath_CountPaths(clip), 64)):
        for segment in range(min(c.FPDFClipPath_CountPathSegments(clip, path), 256)):
            point = c.FPDFClipPath_GetPathSegment(clip, path, segment)
            if point and c.FPDFPathSegment_GetPoint(point, x, y):
                xs.append(x.value)
                ys.append(y.value)
    if not xs:
        return None
    return (min(xs), max(xs), height - max(ys), height - min(ys))
