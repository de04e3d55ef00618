"""Words from pdfium's characters: the array steps give exactly what the character loop gives.

Both read the same :class:`PageChars`; the pages are made up here (codes with spaces, breaks,
pdfium's hyphen marks, codes past U+3000 and past the BMP; boxes that move right, jump back or
overlap; white, see-through and uncoloured glyphs), so every rule of the loop is met.
"""

from __future__ import annotations

import struct
import sys
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_match.reading.pdfium_bulk import PageChars
from resume_match.reading.pdfium_words import page_words, page_words_one_by_one
from resume_match.reading.pdfium_words_fast import Faint, page_words_at_once

_CODES = [ord(c) for c in "abcXYZ-é1"] + [32, 13, 10, 0, 2, 0xFFFE, 0xA0, 0x3000, 0x4E2D]
_CODES += [0x1F600, 0xD800, 0x10FFFF]


def _float32(value: float) -> float:
    """pdfium's boxes are C floats: the loop and the arrays both see them widened."""
    return float(struct.unpack("f", struct.pack("f", value))[0])


@st.composite
def pages(draw: st.DrawFn, moving_right: bool) -> PageChars:
    count = draw(st.integers(1, 60))
    codes = draw(st.lists(st.sampled_from(_CODES), min_size=count, max_size=count))
    boxes: list[float] = []
    x, y = draw(st.floats(-20, 600)), draw(st.floats(-20, 800))
    for _ in range(count):
        step = draw(st.sampled_from([0.0, 0.3, 1.0, 2.5, 6.0] + ([] if moving_right else [-8.0])))
        x += step
        width = draw(st.sampled_from([0.0, 0.5, 4.0, 7.0]))
        height = draw(st.sampled_from([1.0, 2.4, 2.6, 10.0, 30.0]))
        if not moving_right and draw(st.integers(0, 9)) == 0:
            y -= height
        boxes += [_float32(v) for v in (x, y + height, x + width, y)]
        x += width
    colors = bytes(
        draw(st.lists(st.sampled_from([0, 19, 20, 200, 245, 246, 255]), min_size=4 * count))[
            : 4 * count
        ]
    )
    colored = bytes(draw(st.lists(st.integers(0, 1), min_size=count, max_size=count)))
    return PageChars(codes, boxes, colors, colored)


def _both(chars: PageChars, last: bool) -> tuple[object, object]:
    fast, slow = Faint(last), Faint(last)
    at_once = page_words_at_once(chars, 612.0, 792.0, fast)
    one_by_one = page_words_one_by_one(chars, 612.0, 792.0, slow)
    if at_once is None:
        return None, None
    return (at_once, fast.last), (one_by_one, slow.last)


@settings(max_examples=400, deadline=None)
@given(pages(moving_right=True), st.booleans())
def test_array_steps_read_a_rightward_page_as_the_loop_does(chars: PageChars, last: bool) -> None:
    at_once, one_by_one = _both(chars, last)
    marks = (2, 0xFFFE)
    no_double_mark = all(not (a in marks and b in marks) for a, b in pairwise(chars.codes))
    if no_double_mark and max(chars.codes) <= 0x10FFFF:
        assert at_once is not None
    assert at_once == one_by_one


@settings(max_examples=400, deadline=None)
@given(pages(moving_right=False), st.booleans())
def test_array_steps_give_way_or_agree_on_any_page(chars: PageChars, last: bool) -> None:
    at_once, one_by_one = _both(chars, last)
    assert at_once == one_by_one


def test_a_long_page_reads_the_same_either_way() -> None:
    codes: list[int] = []
    boxes: list[float] = []
    for line in range(40):
        text = f"Patient scheduling, insurance verification and billing ({line}).\r\n"
        for column, char in enumerate(text):
            codes.append(ord(char))
            top, left = 700.0 - 12 * line, column * 5.0
            boxes += [left, top + 9, left + 4.5 if char.isprintable() else left, top]
    black = bytes([0, 0, 0, 255]) * len(codes)
    chars = PageChars(codes, boxes, black, bytes([1]) * len(codes))
    assert len(codes) >= 1000
    assert page_words_at_once(chars, 612.0, 792.0, Faint()) is not None
    words, spans = page_words(chars, 612.0, 792.0, Faint())
    assert (words, spans) == page_words_one_by_one(chars, 612.0, 792.0, Faint())
    assert [item.word.text for item in words[:3]] == ["Patient", "scheduling,", "insurance"]
    assert not any(item.hidden for item in words)


def test_every_space_but_the_space_is_unprintable() -> None:
    """What lets the visibility check count a word's letters without looking at each."""
    assert not [
        code
        for code in range(sys.maxunicode + 1)
        if code != 32 and chr(code).isspace() and chr(code).isprintable()
    ]
