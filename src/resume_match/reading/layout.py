"""Put positioned words from a PDF page back into reading order.

PDF text has no order of its own: a two-column resume read line by line mixes the sidebar into the
job entries. These functions work on plain boxes, so every PDF engine shares them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter, sub
from typing import NamedTuple

from ..model import DroppedText, DropReason


class Word(NamedTuple):
    """A word on a page: its text and box, in points from the top-left corner.

    A named tuple, not a dataclass: a resume page makes thousands, and a frozen dataclass costs
    three times as much to build.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    vertical: bool = False
    """Set sideways (rotated a quarter turn): its letters run up or down the page."""


@dataclass
class _Line:
    words: list[Word]
    top: float
    bottom: float

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    def text(self) -> str:
        return " ".join(w.text for w in sorted(self.words, key=lambda w: w.x0))


# A Word's fields by position, read in C across a region's words (see :func:`_xy_cut`).
_TOP, _BOTTOM = itemgetter(3), itemgetter(4)
_ACROSS, _DOWN = itemgetter(1, 2), itemgetter(3, 4)
_MIN_COLUMN_GAP = 9.0
_MAX_DEPTH = 60
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d+(\s*(of|/)\s*\d+)?$", re.IGNORECASE)


def page_lines(words: Sequence[Word]) -> list[str]:
    """Return the page's lines in reading order, column by column where the page has columns."""
    lines: list[str] = []
    for block in _xy_cut(_runs(_join_vertical_letters(words)), 0):
        if len(block) == 1:
            # Most blocks are one run: its line is its text.
            lines.append(block[0].text)
        else:
            lines.extend(line.text() for line in _group_lines(block))
    return lines


def _join_vertical_letters(words: Sequence[Word]) -> list[Word]:
    """Read text set sideways (a title running up the margin) as one line of words.

    Some engines break the line after every glyph of rotated text, so each letter comes alone;
    read as they are, the letters of "CURRICULUM" land one by one at the starts of the body's
    lines. Rotated glyphs of one font share their horizontal extent (the font's height), which
    letters stacked on lines of ordinary text do not: three or more letters in a row with the
    same extent, each touching the last above or below it, are a word read in their order. A
    word of three letters or more that is twice as tall as it is wide is sideways too; the
    sideways words that follow one another in one column are one line.
    """
    result: list[Word] = []
    run: list[Word] = []
    for word in words:
        text = word.text
        if len(text) == 1 and text.isalpha():
            if run and not _continues_vertically(run, word):
                _flush(result, run)
                run = []
            run.append(word)
            continue
        if run:
            _flush(result, run)
            run = []
        if len(text) >= 3 and word.bottom - word.top > 2 * (word.x1 - word.x0):
            _add_vertical(result, text, [word])
        else:
            result.append(word)
    if run:
        _flush(result, run)
    return result


def _flush(result: list[Word], run: list[Word]) -> None:
    if len(run) >= 3 and len({w.text for w in run}) >= 2:
        _add_vertical(result, "".join(w.text for w in run), run)
    else:
        result.extend(run)


def _add_vertical(result: list[Word], text: str, parts: list[Word]) -> None:
    last = result[-1] if result else None
    x0, x1 = min(w.x0 for w in parts), max(w.x1 for w in parts)
    if last is not None and last.vertical and min(last.x1, x1) > max(last.x0, x0):
        result.pop()
        text, parts = f"{last.text} {text}", [last, *parts]
        x0, x1 = min(x0, last.x0), max(x1, last.x1)
    top, bottom = min(w.top for w in parts), max(w.bottom for w in parts)
    result.append(Word(text, x0, x1, top, bottom, vertical=True))


def _continues_vertically(run: list[Word], word: Word) -> bool:
    last = run[-1]
    extent = last.x1 - last.x0
    if abs(word.x0 - last.x0) > 0.5 or abs(word.x1 - last.x1) > 0.5 or extent <= 0:
        return False
    upward = abs(last.top - word.bottom) < 0.12 * extent
    downward = abs(word.top - last.bottom) < 0.12 * extent
    if len(run) >= 2:
        going_up = run[-1].top < run[-2].top
        return upward if going_up else downward
    return upward or downward


def _runs(words: Sequence[Word]) -> list[Word]:
    """Join words that follow each other on one baseline with less than a column gap between.

    No column can split such a run, so the cuts and line grouping work on runs: several times
    fewer boxes than words on a resume page.
    """
    runs: list[Word] = []
    run: list[Word] = []
    top = bottom = last_x1 = 0.0
    last_vertical = False
    # min and max written out (the same values, ties included): a call each costs more here;
    # each word unpacked once, and the last one's edge and turn kept from it.
    for word in words:
        _, x0, x1, word_top, word_bottom, vertical = word
        if run:
            height, own = bottom - top, word_bottom - word_top
            if own < height:
                height = own
            same_line = abs((top + bottom) - (word_top + word_bottom)) / 2 < 0.3 * height
            upright = not (last_vertical or vertical)
            if upright and same_line and 0 <= x0 - last_x1 < _MIN_COLUMN_GAP:
                run.append(word)
                if word_top < top:
                    top = word_top
                if word_bottom > bottom:
                    bottom = word_bottom
                last_x1, last_vertical = x1, vertical
                continue
            runs.append(_run(run, top, bottom))
        run = [word]
        top, bottom = word_top, word_bottom
        last_x1, last_vertical = x1, vertical
    if run:
        runs.append(_run(run, top, bottom))
    return runs


def _run(words: list[Word], top: float, bottom: float) -> Word:
    if len(words) == 1:
        return words[0]
    return Word(" ".join(w.text for w in words), words[0].x0, words[-1].x1, top, bottom)


def _xy_cut(words: list[Word], depth: int) -> list[list[Word]]:
    """Split a region at the widest blank column, else at the widest blank row, recursively.

    A column gap must be wider than the space between words, so a two-column page splits into its
    columns while a paragraph never does; a banner across the top is cut off by the blank row under
    it first, and the columns beneath then split. Within a single line the gap must be wider still
    (two line heights): a justified line in a narrow column spaces its words wide, and is one line.
    """
    if len(words) < 2 or depth > _MAX_DEPTH:
        return [words]
    minimum = _MIN_COLUMN_GAP
    if max(map(_TOP, words)) < min(map(_BOTTOM, words)):
        minimum = max(minimum, 2 * max(map(sub, map(_BOTTOM, words), map(_TOP, words))))
    column = _widest_gap(list(map(_ACROSS, words)), minimum)
    if column is not None:
        left = [w for w in words if w.x1 <= column]
        right = [w for w in words if w.x1 > column]
        return _xy_cut(left, depth + 1) + _xy_cut(right, depth + 1)
    row = _widest_gap(list(map(_DOWN, words)), 0.5)
    if row is not None:
        above = [w for w in words if w.bottom <= row]
        below = [w for w in words if w.bottom > row]
        return _xy_cut(above, depth + 1) + _xy_cut(below, depth + 1)
    return [words]


def _group_lines(words: Sequence[Word]) -> list[_Line]:
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        if word.vertical:
            lines.append(_Line([word], word.top, word.bottom))
            continue
        middle = (word.top + word.bottom) / 2
        height = max(word.bottom - word.top, 1.0)
        for line in reversed(lines[-4:]):
            if line.words[0].vertical:
                continue
            line_height = max(line.bottom - line.top, 1.0)
            if abs(middle - (line.top + line.bottom) / 2) < 0.45 * min(
                height, line_height
            ) and not (any(_overlaps(word, other) for other in line.words)):
                line.words.append(word)
                line.top = min(line.top, word.top)
                line.bottom = max(line.bottom, word.bottom)
                break
        else:
            lines.append(_Line([word], word.top, word.bottom))
    lines.sort(key=lambda line: (line.top, line.x0))
    return lines


def _overlaps(a: Word, b: Word) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def _widest_gap(spans: list[tuple[float, float]], minimum: float) -> float | None:
    """Middle of the widest gap of at least ``minimum`` between the spans' union, or None."""
    spans.sort()
    reach = spans[0][1]
    best: tuple[float, float] | None = None
    for start, end in spans[1:]:
        gap = start - reach
        if gap >= minimum and (best is None or gap > best[0]):
            best = (gap, reach + gap / 2)
        if end > reach:
            reach = end
    return None if best is None else best[1]


def drop_repeated_margins(pages: list[list[str]]) -> tuple[list[list[str]], list[DroppedText]]:
    """Keep a header or footer line that repeats on every page only on the first page.

    Page numbers ("Page 2 of 3") carry no meaning and are dropped everywhere. Returns the kept
    lines of each page and what was dropped, so that a reader can be shown both.
    """
    repeated: set[str] = set()
    if len(pages) >= 2:
        edge_counts: Counter[str] = Counter()
        for lines in pages:
            edge_counts.update({_margin_key(line) for line in lines[:3] + lines[-3:]})
        repeated = {key for key, count in edge_counts.items() if count >= 2 and key}
    kept_pages: list[list[str]] = []
    dropped: list[DroppedText] = []
    seen: set[str] = set()
    for number, lines in enumerate(pages, start=1):
        kept: list[str] = []
        for index, line in enumerate(lines):
            if _PAGE_NUMBER.match(line.strip()):
                dropped.append(DroppedText(number, "page-number", line.strip()))
                continue
            key = _margin_key(line)
            at_top = index < 3
            if (at_top or index >= len(lines) - 3) and key in repeated:
                if key in seen:
                    reason: DropReason = "repeated-header" if at_top else "repeated-footer"
                    dropped.append(DroppedText(number, reason, line.strip()))
                    continue
                seen.add(key)
            kept.append(line)
        kept_pages.append(kept)
    return kept_pages, dropped


def _margin_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())
