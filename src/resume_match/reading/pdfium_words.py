"""pdfium's characters into words: a space, a hyphen pdfium marks, or a gap between glyphs ends one.

A page's codes, boxes and colours come as flat lists (see :mod:`.pdfium_bulk`), read in array
steps (:mod:`.pdfium_words_fast`), or, where those cannot tell, in one loop over the characters,
a box four numbers at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .layout import Word
from .pdf_words import PdfWord
from .pdfium_bulk import PageChars
from .pdfium_words_fast import BREAKS, HYPHENS, Faint, Spans, page_words_at_once

__all__ = ["Faint", "Spans", "carry_faint", "page_words", "page_words_one_by_one"]

_LIGHT = bytes(int(value > 245) for value in range(256))
_FAINT = bytes(int(value < 20) for value in range(256))


def page_words(
    chars: PageChars, width: float, height: float, faint: Faint
) -> tuple[list[PdfWord], Spans]:
    """The page's words, each hidden when most of its letters are too white, faint, small or off
    the page (the engine's own view, for when :mod:`.visibility` cannot judge the page)."""
    # Below about a thousand characters, the arrays' fixed cost outweighs the loop's.
    found = page_words_at_once(chars, width, height, faint) if len(chars.codes) >= 1000 else None
    return found if found is not None else page_words_one_by_one(chars, width, height, faint)


def page_words_one_by_one(
    chars: PageChars, width: float, height: float, faint: Faint
) -> tuple[list[PdfWord], Spans]:
    """:func:`page_words` a character at a time: for the pages the array version leaves."""
    words: list[PdfWord] = []
    spans: Spans = []
    codes = _valid(chars.codes)
    text = "".join(map(chr, codes))
    boxes = iter(chars.boxes)
    x0 = x1 = top = bottom = last_left = 0.0
    start = -1
    hidden = 0
    last_faint = faint.last
    for index, code, left, box_top, right, box_bottom, has_color, color_hidden in zip(
        range(len(codes)),
        codes,
        boxes,
        boxes,
        boxes,
        boxes,
        chars.colored,
        _invisible(chars),
        strict=True,
    ):
        if code in BREAKS:
            if start >= 0:
                hyphen = "-" if code in HYPHENS else ""
                words.append(_word(text, start, index, x0, x1, top, bottom, hidden, hyphen))
                spans.append((start, last_left))
                start = -1
                continue
            if code not in HYPHENS:
                continue
        char_top, char_bottom = height - box_top, height - box_bottom
        if start >= 0 and (left - x1 > 0.12 * (char_bottom - char_top) or left < x0 - 1):
            words.append(_word(text, start, index, x0, x1, top, bottom, hidden))
            spans.append((start, last_left))
            start = -1
        if start >= 0:
            if right > x1:
                x1 = right
            if char_top < top:
                top = char_top
            if char_bottom > bottom:
                bottom = char_bottom
        else:
            x0, x1, top, bottom, hidden = left, right, char_top, char_bottom, 0
            start = index
        last_left = left
        if has_color:
            last_faint = color_hidden == 1
        hidden += (
            last_faint
            or char_bottom - char_top < 2.5
            or right < 0
            or left > width
            or char_bottom < 0
            or char_top > height
        )
    if start >= 0:
        words.append(_word(text, start, len(codes), x0, x1, top, bottom, hidden))
        spans.append((start, last_left))
    faint.last = last_faint
    return words, spans


def carry_faint(codes: list[int], color: Callable[[int], bytes | None], faint: Faint) -> None:
    """Leave ``faint`` as :func:`page_words` would on a page with these ``codes``, asking
    ``color`` (a character's red, green, blue, alpha, or None) of its last characters only."""
    for index in _colour_counts_backwards(_valid(codes)):
        rgba = color(index)
        if rgba is not None:
            red, green, blue, alpha = rgba
            faint.last = bool(_LIGHT[red] & _LIGHT[green] & _LIGHT[blue] | _FAINT[alpha])
            return


def _colour_counts_backwards(codes: list[int]) -> Iterator[int]:
    """The characters whose colour :func:`page_words` takes into account, last first: all but
    those that end a word, and a hyphen mark only where it starts one."""
    index = len(codes) - 1
    while index >= 0:
        if codes[index] not in HYPHENS:
            if codes[index] not in BREAKS:
                yield index
            index -= 1
            continue
        start = index
        while start >= 0 and codes[start] in HYPHENS:
            start -= 1
        # After a character that counts a word is open: the first mark ends it, the next starts
        # one, and so on; after a break (or at the page's start) the first mark starts one.
        opens = 1 if start >= 0 and codes[start] not in BREAKS else 0
        yield from (at for at in range(index, start, -1) if (at - start) % 2 != opens)
        index = start


def _valid(codes: list[int]) -> list[int]:
    """The codes, with none (0) where a code is beyond Unicode."""
    if codes and max(codes) > 0x10FFFF:
        return [0 if code > 0x10FFFF else code for code in codes]
    return codes


def _invisible(chars: PageChars) -> bytes:
    """1 for each character filled white or nearly transparent, else 0 (one byte a character)."""
    colors = chars.colors

    def channel(offset: int, table: bytes) -> int:
        return int.from_bytes(colors[offset::4].translate(table), "big")

    white = channel(0, _LIGHT) & channel(1, _LIGHT) & channel(2, _LIGHT)
    return (white | channel(3, _FAINT)).to_bytes(len(chars.codes), "big")


def _word(
    text: str,
    start: int,
    end: int,
    x0: float,
    x1: float,
    top: float,
    bottom: float,
    hidden: int,
    hyphen: str = "",
) -> PdfWord:
    """The word of characters ``start`` to ``end``: hidden when most of its letters are."""
    letters = text[start:end] + hyphen
    return PdfWord(Word(letters, x0, x1, top, bottom), hidden * 2 > len(letters))
