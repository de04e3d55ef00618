"""Put positioned words from a PDF page back into reading order.

PDF text has no order of its own: a two-column resume read line by line mixes the sidebar into the
job entries. These functions work on plain boxes, so every PDF engine shares them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    """A word on a page: its text and box, in points from the top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


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


_MIN_GUTTER = 8.0
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d+(\s*(of|/)\s*\d+)?$", re.IGNORECASE)


def page_lines(words: Sequence[Word], page_width: float) -> list[str]:
    """Return the page's lines in reading order, column by column where the page has columns."""
    lines = _group_lines(words)
    return [line.text() for line in _reading_order(lines, page_width)]


def _group_lines(words: Sequence[Word]) -> list[_Line]:
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        middle = (word.top + word.bottom) / 2
        height = max(word.bottom - word.top, 1.0)
        for line in reversed(lines[-4:]):
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


def _reading_order(lines: list[_Line], page_width: float) -> list[_Line]:
    """Split the page at a vertical gutter, if one runs through most of it, and recurse."""
    if len(lines) < 6:
        return lines
    gutter = _find_gutter(lines, page_width)
    if gutter is None:
        return lines
    ordered: list[_Line] = []
    left: list[_Line] = []
    right: list[_Line] = []

    def flush() -> None:
        ordered.extend(_reading_order(left, page_width) if len(left) > 5 else left)
        ordered.extend(_reading_order(right, page_width) if len(right) > 5 else right)
        left.clear()
        right.clear()

    for line in lines:
        if any(w.x0 < gutter < w.x1 for w in line.words):
            flush()
            ordered.append(line)
            continue
        left_words = [w for w in line.words if w.x1 <= gutter]
        right_words = [w for w in line.words if w.x0 >= gutter]
        if left_words:
            left.append(_Line(left_words, line.top, line.bottom))
        if right_words:
            right.append(_Line(right_words, line.top, line.bottom))
    flush()
    return ordered


def _find_gutter(lines: list[_Line], page_width: float) -> float | None:
    """Find an x where few lines cross and both sides carry real text, or None.

    Counts are kept in 2-point bins with difference arrays, so a page costs one pass over its
    words rather than one per candidate x.
    """
    x_min = min(line.x0 for line in lines)
    x_max = max(line.x1 for line in lines)
    width = x_max - x_min
    if width < 100:
        return None
    step = 2.0
    bins = int(width / step) + 2

    def at(x: float) -> int:
        return min(max(int((x - x_min) / step), 0), bins - 1)

    crossing = [0] * (bins + 1)
    left = [0] * (bins + 1)
    right = [0] * (bins + 1)
    for line in lines:
        for word in line.words:
            crossing[at(word.x0 - _MIN_GUTTER / 2) + 1] += 1
            crossing[at(word.x1 + _MIN_GUTTER / 2)] -= 1
        left[at(min(w.x1 for w in line.words)) + 1] += 1
        right[0] += 1
        right[at(max(w.x0 for w in line.words)) + 1] -= 1
    best: tuple[float, float] | None = None
    cross_now = left_now = right_now = 0
    for index in range(bins):
        cross_now += crossing[index]
        left_now += left[index]
        right_now += right[index]
        x = x_min + index * step
        if not x_min + 0.15 * width < x < x_min + 0.85 * width:
            continue
        both = min(left_now, right_now)
        if cross_now <= 0.2 * len(lines) and both >= max(4, 0.25 * len(lines)):
            score = both - 3 * cross_now
            if best is None or score > best[0]:
                best = (score, x)
    return None if best is None else best[1]


def drop_repeated_margins(pages: list[list[str]]) -> list[list[str]]:
    """Keep a header or footer line that repeats on every page only on the first page.

    Page numbers ("Page 2 of 3") carry no meaning and are dropped everywhere.
    """
    if len(pages) < 2:
        return [[line for line in lines if not _PAGE_NUMBER.match(line)] for lines in pages]
    edge_counts: Counter[str] = Counter()
    for lines in pages:
        edge_counts.update({_margin_key(line) for line in lines[:3] + lines[-3:]})
    repeated = {key for key, count in edge_counts.items() if count >= 2 and key}
    kept_pages: list[list[str]] = []
    seen: set[str] = set()
    for lines in pages:
        kept: list[str] = []
        for index, line in enumerate(lines):
            if _PAGE_NUMBER.match(line.strip()):
                continue
            key = _margin_key(line)
            at_edge = index < 3 or index >= len(lines) - 3
            if at_edge and key in repeated:
                if key in seen:
                    continue
                seen.add(key)
            kept.append(line)
        kept_pages.append(kept)
    return kept_pages


def _margin_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())
