"""The colour state a page hands to the next is the same whether its characters' colours were
all read or only its last ones were asked (the engine reads them all only where the renderer
cannot judge the page)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_match.reading.pdfium_bulk import PageChars
from resume_match.reading.pdfium_words import Faint, carry_faint, page_words

# Letters, spaces, line breaks, no character at all, pdfium's hyphen marks, a code past Unicode.
_CODES = st.sampled_from([0x41, 0x62, 0x2D, 0x20, 0x0A, 0x0D, 0, 2, 0xFFFE, 0x3000, 0x110000])
_COLOURS = st.sampled_from(
    [(0, 0, 0, 255), (255, 255, 255, 255), (250, 250, 250, 255), (0, 0, 0, 10), (200, 0, 0, 255)]
)
_CHAR = st.tuples(_CODES, st.none() | _COLOURS, st.integers(0, 3))


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHAR, max_size=40), st.booleans())
def test_the_last_colours_say_what_all_of_them_do(
    chars: list[tuple[int, tuple[int, int, int, int] | None, int]], before: bool
) -> None:
    codes = [code for code, _, _ in chars]
    boxes: list[float] = []
    for index, (_, _, gap) in enumerate(chars):
        left = 6.0 * index + 4.0 * gap
        boxes += [left, 700.0, left + 5.0, 690.0]
    colours = [colour or (0, 0, 0, 0) for _, colour, _ in chars]
    page = PageChars(
        codes,
        boxes,
        bytes(channel for colour in colours for channel in colour),
        bytes(colour is not None for _, colour, _ in chars),
    )
    read_all = Faint(before)
    page_words(page, 612.0, 792.0, read_all)
    asked = Faint(before)
    carry_faint(
        codes, lambda index: None if chars[index][1] is None else bytes(colours[index]), asked
    )
    assert asked.last == read_all.last
