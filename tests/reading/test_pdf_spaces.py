"""Words split at the blank glyphs between them: the quick look for a blank inside a word finds
every word the full look splits, blanks at a word's very edges included."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_match.reading import pdf_spaces
from resume_match.reading.layout import Word
from resume_match.reading.pdf_spaces import split_at_blanks
from resume_match.reading.pdf_words import PdfWord

_HEIGHT = 792.0
_Page = tuple[list[PdfWord], list[tuple[int, float]], dict[int, list[float]], list[float]]


@st.composite
def pages(draw: st.DrawFn) -> _Page:
    words: list[PdfWord] = []
    spans: list[tuple[int, float]] = []
    boxes: list[float] = []
    edges: list[float] = []
    rows: list[int] = []
    for _ in range(draw(st.integers(0, 12))):
        text = draw(st.sampled_from(["a", "ab", "word", "problemsolving", "x-y"]))
        x, top = draw(st.floats(-5, 300)), draw(st.floats(-60, 760))
        size = draw(st.sampled_from([0.0, 2.0, 10.0, 60.0, 120.0]))
        step = draw(st.sampled_from([0.0, 3.0, 5.5]))
        start = len(boxes) // 4
        for index in range(len(text)):
            left = x + step * index
            boxes += [left, _HEIGHT - top, left + step, _HEIGHT - top - size]
        last_left = x + step * (len(text) - 1)
        words.append(PdfWord(Word(text, x, x + step * len(text), top, top + size), False))
        spans.append((start, last_left))
        edges += [x + 0.01, x + 0.005, last_left + 0.01, last_left + 0.02, x + step]
        rows += [int(top + size), int(top + size / 2), int(top + size) - 48]
    line = st.integers(-70, 900) | (st.sampled_from(rows) if rows else st.integers(0, 1))
    lines = draw(st.lists(line, min_size=1, max_size=20))
    places = st.floats(-10, 400) | (st.sampled_from(edges) if edges else st.floats(0, 1))
    blanks = {line: sorted(draw(st.lists(places, min_size=1, max_size=8))) for line in lines}
    return words, spans, blanks, boxes


@settings(max_examples=500, deadline=None)
@given(pages())
def test_the_quick_look_splits_what_the_full_look_splits(page: _Page) -> None:
    words, spans, blanks, boxes = page
    quick = split_at_blanks(words, spans, blanks, boxes, _HEIGHT)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_spaces, "_any_blank_inside", lambda *_: True)
        patch.setattr(pdf_spaces, "_blank_inside_each", lambda *_: None)
        full = split_at_blanks(words, spans, blanks, boxes, _HEIGHT)
    assert quick == full


@settings(max_examples=500, deadline=None)
@given(pages())
def test_the_page_at_once_finds_what_the_word_by_word_look_finds(page: _Page) -> None:
    words, spans, blanks, _ = page
    lines = sorted(blanks)
    one_by_one = [
        last_left > item.word.x0
        and pdf_spaces._any_blank_inside(item.word, last_left, blanks, lines)
        for item, (_, last_left) in zip(words, spans, strict=True)
    ]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_spaces, "_ARRAY_WORDS", 0)
        at_once = pdf_spaces._blank_inside_each(words, spans, blanks, lines)
    assert at_once is None or at_once == one_by_one
    if words:
        assert at_once is not None


def test_a_word_over_a_blank_is_split() -> None:
    word = PdfWord(Word("ofinbound", 10.0, 58.0, 100.0, 110.0), False)
    boxes: list[float] = []
    for index in range(9):
        left = 10.0 + 5 * index + (3 if index >= 2 else 0)
        boxes += [left, _HEIGHT - 100.0, left + 4.5, _HEIGHT - 110.0]
    split = split_at_blanks([word], [(0, boxes[-4])], {107: [21.0]}, boxes, _HEIGHT)
    assert [item.word.text for item in split] == ["of", "inbound"]


def test_the_pieces_of_a_split_word_keep_their_boxes_and_its_verdict() -> None:
    word = PdfWord(Word("inboundcalls", 10.0, 70.0, 100.0, 111.0), True, "white text")
    boxes: list[float] = []
    for index in range(12):
        left = 10.0 + 5 * index
        top = 100.0 if index != 3 else 99.0
        boxes += [left, _HEIGHT - top, left + 4.5, _HEIGHT - 110.0 - (index == 9)]
    blanks = {107: [44.0, 60.0]}
    split = split_at_blanks([word], [(0, boxes[-4])], blanks, boxes, _HEIGHT)
    assert split == [
        PdfWord(Word("inbound", 10.0, 44.5, 99.0, 110.0), True, "white text"),
        PdfWord(Word("cal", 45.0, 59.5, 100.0, 111.0), True, "white text"),
        PdfWord(Word("ls", 60.0, 69.5, 100.0, 110.0), True, "white text"),
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(-900, 900) | st.sampled_from([0.0, -0.0, 0.5, -0.5, 3.0]), st.floats(-50, 650)
        ),
        max_size=40,
    )
)
def test_blanks_grouped_at_once_are_those_grouped_one_by_one(
    points: list[tuple[float, float]],
) -> None:
    import numpy

    heights = numpy.array([height for height, _ in points], dtype=numpy.float64)
    lefts = numpy.array([left for _, left in points], dtype=numpy.float64)
    one_by_one: dict[int, list[float]] = {}
    for height, left in points:
        one_by_one.setdefault(int(height), []).append(left)
    for xs in one_by_one.values():
        xs.sort()
    assert pdf_spaces._by_line(heights, lefts) == one_by_one
