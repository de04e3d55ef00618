"""pdfium's characters into words with array operations: the whole page in a few numpy steps.

A Python step a character (:func:`.pdfium_words.page_words_one_by_one`) costs about a
millisecond on a wkhtmltopdf page of 4,000 glyphs. The rules are the same: a space, no
character or a hyphen pdfium marks ends a word, and so does a gap wider than an eighth of the
glyph's height after the right edge of the word so far, or a step back of more than a point
from its left edge. On a line that only moves right (every glyph starts and ends at or past
the one before it, as on every page measured) the word so far ends where its last glyph does
and no glyph steps back, so each gap is that to the glyph before. Any other page, or one with
a box that is not a number or two hyphen marks in a row, goes the slow way, whose result is
the same.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from .layout import Word
from .pdf_words import PdfWord
from .pdfium_bulk import PageChars

# Codes that end a word: the whitespace of str.isspace (none above U+3000), no character at all,
# and the marks pdfium puts where it took out a line-end hyphen (which ends a word with "-").
BREAKS = frozenset(code for code in range(0x3001) if chr(code).isspace()) | {0, 2, 0xFFFE}
HYPHENS = (2, 0xFFFE)

Spans = list[tuple[int, float]]
"""For each word, the text-page index of its first character and the left edge of its last."""


@dataclass
class Faint:
    """Whether the last character with a colour of its own was white or see-through.

    pdfium gives every glyph its text object's colour; a character it made up (a space, a line
    break) has none and takes the last one seen, which starts as none at all (see-through).
    """

    last: bool = True


_new = tuple.__new__
_BEYOND = 0x3001
_MARK = 0xFFFE
_tables: list[tuple[Any, Any]] = []


def _code_tables() -> tuple[Any, Any]:
    """Whether a code breaks a word, and whether it is a hyphen mark, by slot: one a code up to
    U+3000, one for U+FFFE and one for every other code beyond (see :func:`_slots`)."""
    if not _tables:
        import numpy

        def table(codes: frozenset[int] | tuple[int, ...]) -> Any:
            found = numpy.zeros(_BEYOND + 2, dtype=bool)
            found[[_BEYOND + 1 if code == _MARK else code for code in codes]] = True
            return found

        _tables.append((table(BREAKS), table(HYPHENS)))
    return _tables[0]


def _slots(codes: Any) -> Any:
    import numpy

    return numpy.where(codes == _MARK, _BEYOND + 1, numpy.minimum(codes, _BEYOND))


def page_words_at_once(
    chars: PageChars, width: float, height: float, faint: Faint
) -> tuple[list[PdfWord], Spans] | None:
    """:func:`.pdfium_words.page_words`, or None where the page needs the character loop."""
    import numpy

    codes = chars.codes
    count = len(codes)
    if count == 0:
        return [], []
    # The codes as C unsigned ints (each below 2**32, as pdfium gives them) are the text's
    # UTF-32, lone surrogates and all: one conversion, not a chr() a character.
    try:
        units = array("I", codes)
    except OverflowError:
        return None
    if units.itemsize != 4:
        return None
    index = numpy.frombuffer(units, dtype=numpy.uint32)
    if int(index.max()) > 0x10FFFF:
        return None
    text = units.tobytes().decode("utf-32-le", "surrogatepass")
    breaks_table, hyphens_table = _code_tables()
    index = _slots(index)
    breaks, hyphens = breaks_table[index], hyphens_table[index]
    if (hyphens[1:] & hyphens[:-1]).any():
        return None
    raw = chars.boxes
    if isinstance(raw, memoryview):
        boxes = numpy.frombuffer(raw, dtype=numpy.float32, count=4 * count).astype(numpy.float64)
    else:
        boxes = numpy.fromiter(raw, dtype=numpy.float64, count=4 * count)
    boxes = boxes.reshape(count, 4)
    if numpy.isnan(boxes).any():
        return None
    left, right = boxes[:, 0], boxes[:, 2]
    char_top, char_bottom = height - boxes[:, 1], height - boxes[:, 3]
    # With no two hyphen marks in a row, a mark starts a word exactly when a break precedes it.
    before_break = numpy.empty(count, dtype=bool)
    before_break[0] = True
    before_break[1:] = breaks[:-1]
    member = ~breaks | (hyphens & before_break)
    follows = numpy.zeros(count, dtype=bool)
    follows[1:] = member[1:] & member[:-1]
    inner = numpy.flatnonzero(follows)
    if (left[inner] < left[inner - 1]).any() or (right[inner] < right[inner - 1]).any():
        return None
    gap = numpy.zeros(count, dtype=bool)
    gap[inner] = left[inner] - right[inner - 1] > 0.12 * (char_bottom[inner] - char_top[inner])
    starts = numpy.flatnonzero(member & (~follows | gap))
    if len(starts) == 0:
        return [], []
    bounds = numpy.flatnonzero(~member | gap)
    bounds = numpy.append(bounds, count)
    ends = bounds[numpy.searchsorted(bounds, starts, side="right")]
    closed = numpy.zeros(count + 1, dtype=bool)
    closed[:count] = hyphens
    hyphened = closed[ends]

    given = numpy.frombuffer(chars.colored, dtype=numpy.uint8).astype(bool)
    if given.any():
        colours = numpy.frombuffer(chars.colors, dtype=numpy.uint8).reshape(count, 4)
        white = (colours[:, 0] > 245) & (colours[:, 1] > 245) & (colours[:, 2] > 245)
        invisible = white | (colours[:, 3] < 20)
        coloured = member & given
        last_coloured = numpy.maximum.accumulate(numpy.where(coloured, numpy.arange(count), -1))
        faint_now = numpy.where(last_coloured >= 0, invisible[last_coloured], faint.last)
    else:
        # No colours read (the renderer judges the page): every character takes the last one.
        faint_now = numpy.full(count, faint.last, dtype=bool)
    hidden = (
        faint_now
        | (char_bottom - char_top < 2.5)
        | (right < 0)
        | (left > width)
        | (char_bottom < 0)
        | (char_top > height)
    ) & member
    hidden_count = numpy.add.reduceat(hidden.astype(numpy.int64), starts)
    x1 = numpy.maximum.reduceat(numpy.where(member, right, -numpy.inf), starts)
    top = numpy.minimum.reduceat(numpy.where(member, char_top, numpy.inf), starts)
    bottom = numpy.maximum.reduceat(numpy.where(member, char_bottom, -numpy.inf), starts)
    lengths = ends - starts + hyphened
    faint.last = bool(faint_now[-1])

    start_list = starts.tolist()
    letters = list(map(text.__getitem__, map(slice, start_list, ends.tolist())))
    for at in numpy.flatnonzero(hyphened).tolist():
        letters[at] += "-"
    hidden_words = (hidden_count * 2 > lengths).tolist()
    # Built as the tuples they are, with no Python-level __new__ a word: a third of the cost.
    fields = zip(
        letters, left[starts].tolist(), x1.tolist(), top.tolist(), bottom.tolist(), repeat(False)
    )
    made = map(_new, repeat(Word), fields)
    words: list[PdfWord] = list(map(_new, repeat(PdfWord), zip(made, hidden_words, repeat(""))))
    return words, list(zip(start_list, left[ends - 1].tolist(), strict=True))
