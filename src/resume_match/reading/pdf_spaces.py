"""Word breaks that pdfium's text page loses: space glyphs drawn on their own.

Some producers place every glyph with its own text operator and draw the space between two words as
a separate one (wkhtmltopdf/Qt, the writer of the most common public resume dataset, does; so does
Chrome's "Save as PDF" and several report generators). pdfium skips a text object whose bounds have
no width, which is what a lone space is, and then guesses the space back from the distance between
the glyphs around it, measured against their advance widths. Qt positions glyphs closer than their
advance widths (hinted metrics), so the guess fails after wide letters ("ofinbound",
"problemsolving"), and so does any threshold on the gap: on those pages the gap at a word boundary
is as small as the widest gap inside a word. pdftotext and pdfminer keep the space glyphs, which is
why they read those files right.

These functions find the blank text objects on a page and split the words that straddle one, so the
PDF's own spaces decide again. The scan costs one call per page object, so it runs only on pages
drawn glyph by glyph or word by word (many objects for their characters), where spaces can be lost.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import chain, compress
from operator import itemgetter
from typing import Any

from .layout import Word
from .page_objects import TEXT
from .pdf_words import PdfWord
from .pdfium_bulk import ObjectList, object_kinds

# A page with at least one object for every four characters draws words (or glyphs) one by one.
_OBJECTS_PER_CHAR = 0.25

_MAX_LINE_ROWS = 48

Blanks = dict[int, list[float]]


def drawn_piecemeal(objects: int, chars: int) -> bool:
    """True when a page has enough objects for its characters that spaces may stand alone."""
    return objects >= 2 and objects >= _OBJECTS_PER_CHAR * chars


def blank_glyphs(objects: ObjectList, height: float, limit: int) -> Blanks:
    """Where the page draws text with no ink (a lone space): x by line, the line as int(top).

    ``objects`` holds the page's objects with their bounds; ``limit`` caps those looked at, as
    the page's character limit caps the text page.
    """
    import numpy

    count = min(limit, len(objects.bounded))
    # Each C float as the Python number it reads as: the same sums, the same verdicts.
    edges = numpy.frombuffer(objects.bounds, numpy.float32, 4 * count).astype(numpy.float64)
    lefts, bottoms, rights = edges[0::4], edges[1::4], edges[2::4]
    bounded = numpy.frombuffer(objects.bounded, numpy.uint8, count) & 1
    found: list[int] = numpy.flatnonzero(bounded & (rights - lefts < 0.01)).tolist()
    # A render mode (not -1) says the object is text; anything else says what it is itself.
    modes, handles = objects.modes, objects.handles
    others = [index for index in found if modes[index] < 0]
    kinds = dict(zip(others, object_kinds([handles[index] for index in others]), strict=True))
    texts = [index for index in found if modes[index] >= 0 or kinds[index] == TEXT]
    grouped = _by_line(height - bottoms[texts], lefts[texts])
    if grouped is not None:
        return grouped
    blanks: Blanks = {}
    for index in texts:
        line = int(height - float(bottoms[index]))
        blanks.setdefault(line, []).append(float(lefts[index]))
    for xs in blanks.values():
        xs.sort()
    return blanks


def _by_line(heights: Any, lefts: Any) -> Blanks | None:
    """:func:`blank_glyphs`' lefts by line, the line as int() of each height: in array steps,
    each line's lefts sorted (the lines in order, which no reader of the dict depends on).
    None where a number is not finite (the loop then meets it as it would) or too large for
    an array to hold."""
    import numpy

    if not len(heights):
        return {}
    if not (numpy.isfinite(heights).all() and numpy.isfinite(lefts).all()):
        return None
    if float(numpy.abs(heights).max()) >= _EXACT:
        return None
    lines = numpy.trunc(heights).astype(numpy.int64)
    # By line, then left, ties in their order: the order a stable sort of each line's gives.
    order = numpy.lexsort((lefts, lines))
    lines, lefts = lines[order], lefts[order]
    cuts = numpy.flatnonzero(lines[1:] != lines[:-1]) + 1
    starts = numpy.concatenate(([0], cuts)).tolist()
    ends = [*cuts.tolist(), len(lines)]
    places = lefts.tolist()
    return {
        number: places[start:end]
        for number, start, end in zip(lines[starts].tolist(), starts, ends, strict=True)
    }


def split_at_blanks(
    words: list[PdfWord],
    spans: Sequence[tuple[int, float]],
    blanks: Blanks,
    boxes: Sequence[float],
    height: float,
) -> list[PdfWord]:
    """Split every word that has a blank text object between two of its glyphs.

    ``spans`` gives, for each word, the text-page index of its first character and the left edge
    of its last: a blank after that edge is the space that ends the word, not one inside it.
    ``boxes`` are the text page's loose character boxes (see :class:`.pdfium_bulk.PageChars`).
    """
    lines = sorted(blanks)
    found = _blank_inside_each(words, spans, blanks, lines)
    if found is None:
        found = [
            last_left > item.word.x0 and _any_blank_inside(item.word, last_left, blanks, lines)
            for item, (_, last_left) in zip(words, spans, strict=True)
        ]
    result: list[PdfWord] = []
    done = 0
    for at in compress(range(len(words)), found):
        start, last_left = spans[at]
        cuts = _blanks_inside(words[at].word, last_left, blanks)
        if cuts:
            result += words[done:at]
            result += _split(words[at], start, cuts, boxes, height)
            done = at + 1
    result += words[done:]
    return result


def _any_blank_inside(word: Word, last_left: float, blanks: Blanks, lines: list[int]) -> bool:
    """Whether :func:`_blanks_inside` finds any: the page's lines with blanks (a few dozen)
    searched for the word's rows, not each row looked up, and one blank looked at on each."""
    last = int(word.bottom)
    first = max(int(word.top + 0.5 * (word.bottom - word.top)), last - _MAX_LINE_ROWS)
    low, high = word.x0 + 0.01, last_left + 0.01
    for at in range(bisect_left(lines, first), len(lines)):
        line = lines[at]
        if line > last:
            return False
        xs = blanks[line]
        past = bisect_right(xs, low)
        if past < len(xs) and xs[past] <= high:
            return True
    return False


def _blank_inside_each(
    words: list[PdfWord],
    spans: Sequence[tuple[int, float]],
    blanks: Blanks,
    lines: list[int],
) -> list[bool] | None:
    """For each word, whether its last glyph starts past its first and :func:`_any_blank_inside`
    finds a blank: the whole page in a few array steps, the same comparisons of the same
    numbers. None where a number is not finite or too large for an array to hold exactly."""
    import numpy

    count = len(words)
    if count < _ARRAY_WORDS or not lines:
        return None
    fields = map(_X0_TOP_BOTTOM, map(_WORD, words))
    boxes = numpy.fromiter(chain.from_iterable(fields), numpy.float64, 3 * count)
    x0, top, bottom = boxes.reshape(count, 3).T
    last_left = numpy.fromiter(map(itemgetter(1), spans), numpy.float64, count)
    places = numpy.fromiter(chain.from_iterable(map(blanks.__getitem__, lines)), numpy.float64)
    rows = numpy.array(lines, dtype=numpy.float64)
    numbers = (boxes, last_left, places, rows)
    if not all(numpy.isfinite(array).all() for array in numbers):
        return None
    if max(float(numpy.abs(array).max(initial=0)) for array in numbers) > _EXACT:
        return None
    last = numpy.trunc(bottom)
    first = numpy.maximum(numpy.trunc(top + 0.5 * (bottom - top)), last - _MAX_LINE_ROWS)
    low, high = x0 + 0.01, last_left + 0.01
    # The page's lines with blanks that each word's rows hold: a few pairs, most words none.
    begin = numpy.searchsorted(rows, first, side="left")
    end = numpy.searchsorted(rows, last, side="right")
    spread = numpy.maximum(end - begin, 0) * (last_left > x0)
    owner = numpy.repeat(numpy.arange(count), spread)
    offsets = numpy.arange(len(owner)) - numpy.repeat(numpy.cumsum(spread) - spread, spread)
    line = rows[begin[owner] + offsets]
    # Blanks in (line, x) order, compared as complex numbers are: the line, then the x.
    keys = numpy.empty(len(places), dtype=numpy.complex128)
    keys.real = numpy.repeat(rows, [len(blanks[at]) for at in lines])
    keys.imag = places
    asked = numpy.empty(len(owner), dtype=numpy.complex128)
    asked.real, asked.imag = line, low[owner]
    past = numpy.minimum(numpy.searchsorted(keys, asked, side="right"), len(keys) - 1)
    met = (keys.real[past] == line) & (keys.imag[past] > low[owner])
    met &= keys.imag[past] <= high[owner]
    hits = numpy.zeros(count, dtype=bool)
    hits[owner[met]] = True
    found: list[bool] = hits.tolist()
    return found


# A PdfWord's word, and a Word's x0, top and bottom, by position (read in C).
_WORD, _X0_TOP_BOTTOM = itemgetter(0), itemgetter(1, 3, 4)
# Below this many words on a page, the loop costs less than the arrays.
_ARRAY_WORDS = 32
# Integers up to this size are floats exactly, and so are their sums with a row or two.
_EXACT = float(2**50)


def _blanks_inside(word: Word, last_left: float, blanks: Blanks) -> list[float]:
    """x of each blank on the word's line between its first and its last glyph's origin."""
    # The baseline lies in the lower half of a glyph's box, above the descenders; a box taller
    # than a line of text is looked at along its bottom only, so no word costs more than that.
    last = int(word.bottom)
    first = max(int(word.top + 0.5 * (word.bottom - word.top)), last - _MAX_LINE_ROWS)
    cuts: list[float] = []
    for line in range(first, last + 1):
        xs = blanks.get(line)
        if xs:
            at = bisect_right(xs, word.x0 + 0.01)
            while at < len(xs) and xs[at] <= last_left + 0.01:
                cuts.append(xs[at])
                at += 1
    cuts.sort()
    return cuts


def _split(
    item: PdfWord, start: int, cuts: list[float], boxes: Sequence[float], height: float
) -> list[PdfWord]:
    """``item`` cut before each glyph that starts past one of ``cuts``: its text sliced and its
    tuples built directly, not through ``_replace`` (ten such words a wkhtmltopdf page)."""
    pieces: list[PdfWord] = []
    text, hidden, how = item.word.text, item.hidden, item.how
    first = 0
    x0 = x1 = top = bottom = 0.0
    previous_left = float("-inf")
    corners = iter(boxes[4 * start : 4 * (start + len(text))])
    for offset, (left, box_top, right, box_bottom) in enumerate(
        zip(corners, corners, corners, corners, strict=True)
    ):
        char_top, char_bottom = height - box_top, height - box_bottom
        at = bisect_right(cuts, previous_left)
        if offset > first and at < len(cuts) and cuts[at] <= left + 0.01:
            pieces.append(PdfWord(Word(text[first:offset], x0, x1, top, bottom), hidden, how))
            first = offset
        if offset == first:
            x0, x1, top, bottom = left, right, char_top, char_bottom
        else:
            if right > x1:
                x1 = right
            if char_top < top:
                top = char_top
            if char_bottom > bottom:
                bottom = char_bottom
        previous_left = left
    pieces.append(PdfWord(Word(text[first:], x0, x1, top, bottom), hidden, how))
    return pieces
