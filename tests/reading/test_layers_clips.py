"""Whether any text object lies under a clip or in a layer: the shortcut gives pdfium's answer.

The clip handles are worked out from the objects' addresses where the page shows that holds; on
pages whose first, middle or last text object is clipped the answer must still be pdfium's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2
import pytest

from builders.invisible import _stuffing, page_pdf
from resume_match.reading.layers_clips import any_clipped, any_in_layer
from resume_match.reading.page_objects import address, calls

_CLIP = b"q 0 0 40 40 re W n "
PAGES = {
    "no clip": (page_pdf(_stuffing()), False),
    "last object clipped": (page_pdf(_CLIP + _stuffing() + b" Q"), True),
    "first object clipped": (
        page_pdf(_stuffing(), background=_CLIP + b"BT /F1 20 Tf 30 30 Td (cut away) Tj ET Q"),
        True,
    ),
    "in a layer": (page_pdf(b"/OC /oc1 BDC " + _stuffing() + b" EMC"), False),
}


@contextmanager
def _text_objects(pdf: bytes) -> Iterator[list[int]]:
    document = pypdfium2.PdfDocument(pdf)
    page = document[0]
    try:
        objects = [obj.raw for obj in page.get_objects(max_depth=1)]
        kinds = [pypdfium2.raw.FPDFPageObj_GetType(obj) for obj in objects]
        yield [address(obj) for obj, kind in zip(objects, kinds, strict=True) if kind == 1]
    finally:
        page.close()
        document.close()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_any_clipped_is_what_pdfium_says_of_each_object(name: str) -> None:
    pdf, clipped = PAGES[name]
    fn = calls()
    with _text_objects(pdf) as keys:
        asked = any(fn.count_clip_paths(fn.clip_path(key)) > 0 for key in keys)
        assert asked is clipped
        assert any_clipped(keys) is clipped
        for one in (keys[:1], keys[-1:]):
            assert any_clipped(one) is any(fn.count_clip_paths(fn.clip_path(k)) > 0 for k in one)
        assert any_clipped([]) is False


def test_a_layer_is_found_and_plain_text_is_not() -> None:
    with _text_objects(PAGES["in a layer"][0]) as keys:
        assert any_in_layer(keys)
    with _text_objects(PAGES["no clip"][0]) as keys:
        assert not any_in_layer(keys)
