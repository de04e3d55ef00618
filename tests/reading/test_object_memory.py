"""Object fields read in bulk give, object for object, what pdfium's own calls give.

Bounds, clip pointers and fill colours are read for thousands of glyph objects at once (see
``reading.object_memory``); on pages drawn in many states, colours among them white and
see-through, every object's answer must be pdfium's.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2
import pytest

from builders.hostile_pdf import simple_pdf
from resume_match.reading.page_objects import TextProperties, address, calls, typed
from resume_match.reading.pdfium_bulk import object_list

_COLOURS = [b"0 0 0 rg", b"1 1 1 rg", b"0.2 0.4 0.9 rg", b"0.99 0.99 0.99 rg", b"0.5 g"]


def _glyph_page(states: int, glyphs: int) -> bytes:
    """A page drawing each glyph as its own text object, in ``states`` changing states."""
    ops = [b"BT /F1 9 Tf 20 760 Td"]
    for state in range(states):
        ops.append(_COLOURS[state % len(_COLOURS)])
        ops.append(b"/G%d gs" % (state % 2))
        ops.append(b"%d Tr" % (3 if state % 7 == 6 else 0))
        ops += [b"(%c) Tj 6 0 Td" % (97 + glyph % 26) for glyph in range(glyphs)]
        ops.append(b"%d -12 Td" % (-6 * glyphs))
    ops.append(b"ET 0 0 1 rg 20 20 100 40 re f")
    states_ = b"/ExtGState << /G0 << /ca 1 >> /G1 << /ca 0.05 >> >>"
    return simple_pdf(b"\n".join(ops), resources=states_)


@contextmanager
def _page(pdf: bytes) -> Iterator[tuple[object, list[int]]]:
    document = pypdfium2.PdfDocument(pdf)
    page = document[0]
    try:
        yield page, [address(obj.raw) for obj in page.get_objects(max_depth=1)]
    finally:
        page.close()
        document.close()


def _bounds(handle: int) -> bytes:
    edges = [ctypes.c_float() for _ in range(4)]
    assert pypdfium2.raw.FPDFPageObj_GetBounds(typed(handle), *edges)
    return b"".join(bytes(edge) for edge in edges)


@pytest.mark.parametrize(("states", "glyphs"), [(1, 80), (12, 30), (60, 3)])
def test_bulk_answers_are_pdfiums_object_for_object(states: int, glyphs: int) -> None:
    with _page(_glyph_page(states, glyphs)) as (page, handles):
        raw = page.raw  # type: ignore[attr-defined]
        listed = object_list(raw, len(handles), len(handles), bounds=True)
        assert listed.handles == handles
        assert listed.bounded == b"\x01" * len(handles)
        assert listed.bounds == b"".join(map(_bounds, handles))
        assert listed.modes == [calls().render_mode(handle) for handle in handles]
        indices = [index for index, mode in enumerate(listed.modes) if mode >= 0]
        texts = [handles[index] for index in indices]
        modes = [listed.modes[index] for index in indices]
        assert len(texts) >= 64
        one_by_one = [TextProperties()(handle) for handle in texts]
        assert TextProperties().judge(texts, modes) == one_by_one
        assert listed.runs is not None
        assert TextProperties().judge(texts, modes, listed.runs[indices]) == one_by_one
        together = one_by_one
        kinds = {(verdict.reason, verdict.white) for verdict in together}
        assert len(kinds) >= (3 if states > 6 else 1)


def test_clip_pointers_are_null_only_for_objects_without_a_clip() -> None:
    clipped = b"q 0 0 60 60 re W n BT /F1 9 Tf 70 70 Td (out) Tj ET Q "
    glyphs = b"\n".join(b"BT /F1 9 Tf %d 700 Td (x) Tj ET" % x for x in range(70))
    pdf = simple_pdf(clipped + glyphs)
    fn = calls()
    with _page(pdf) as (_, handles):
        counts = [fn.count_clip_paths(fn.clip_path(handle)) for handle in handles]
        assert counts[0] >= 1 and max(counts[1:]) < 0
        from resume_match.reading.layers_clips import any_clipped

        assert any_clipped(handles) is True
        assert any_clipped(handles[1:]) is False


@pytest.mark.parametrize("glyphs", [64, 65, 200, 1000])
def test_the_page_list_read_at_once_is_pdfiums_object_for_object(glyphs: int) -> None:
    from resume_match.reading.page_memory import page_handles, queue_layout
    from resume_match.reading.pdfium_bulk import bare_calls

    get_object = bare_calls().get_object
    with _page(_glyph_page(1, glyphs)) as (page, handles):
        raw = page.raw  # type: ignore[attr-defined]
        if queue_layout(get_object) is None:
            pytest.skip("this pdfium keeps its page objects in a way not read at once")
        read = page_handles(raw, len(handles), get_object)
        assert read is not None
        assert read[0] == handles and read[1].tolist() == handles
        assert page_handles(raw, len(handles) - 1, get_object)[0] == handles[:-1]  # type: ignore[index]


def test_a_page_list_pdfium_disagrees_with_is_asked_object_by_object() -> None:
    from resume_match.reading.page_memory import page_handles, queue_layout
    from resume_match.reading.pdfium_bulk import bare_calls

    get_object = bare_calls().get_object
    with _page(_glyph_page(1, 300)) as (page, handles):
        raw = page.raw  # type: ignore[attr-defined]
        if queue_layout(get_object) is None:
            pytest.skip("this pdfium keeps its page objects in a way not read at once")
        _, block = queue_layout(get_object)  # type: ignore[misc]

        def wrong_at_a_block_end(pointer: object, index: int) -> int | None:
            found = get_object(pointer, index)
            return found + 8 if found is not None and index == block - 1 else found

        assert page_handles(raw, len(handles), wrong_at_a_block_end) is None
        assert page_handles(raw, len(handles) + 1, get_object) is None
        assert page_handles(raw, 10, get_object) is None
        assert object_list(raw, len(handles), len(handles), bounds=True).handles == handles
