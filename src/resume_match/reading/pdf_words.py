"""The words of a PDF page as both engines give them, and what they share about visibility."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from ..errors import FileTooLargeError
from .layout import Word
from .options import ReadOptions


class PdfWord(NamedTuple):
    """A word and whether a person sees it (a named tuple, as cheap to build as :class:`Word`)."""

    word: Word
    hidden: bool
    how: str = ""
    """Why a person cannot see the word (see :mod:`.visibility`), when ``hidden``."""


def hidden_how(word: Word, width: float, height: float, see_through: bool = False) -> str:
    """Why a person cannot see ``word``, in the words the transcript shows."""
    if word.bottom - word.top < 2.5:
        return "tiny text"
    if word.x1 < 0 or word.x0 > width or word.bottom < 0 or word.top > height:
        return "off the page"
    return "see-through text" if see_through else "white text"


PageWords = tuple[float, list[PdfWord], bool]


def load_page(pdf: Any, index: int) -> Any:
    """The page, or None when pdfium cannot load it (a broken page tree, a missing object)."""
    import pypdfium2 as pdfium

    try:
        return pdf[index]
    except pdfium.PdfiumError:
        return None


def check_page_chars(path: Path, index: int, count: int, options: ReadOptions) -> None:
    if count > options.max_page_chars:
        raise FileTooLargeError(
            f"page {index + 1} holds {count:,} characters, more than the "
            f"{options.max_page_chars:,} a page of a resume could; it may be built to slow "
            "readers down",
            path,
        )


def pdf_word(
    chars: list[str], x0: float, x1: float, top: float, bottom: float, hidden: int
) -> PdfWord:
    return PdfWord(Word("".join(chars), x0, x1, top, bottom), hidden * 2 > len(chars))


def unhide_covered(
    words: list[PdfWord], shapes: list[tuple[float, float, float, float]]
) -> list[PdfWord]:
    return [
        PdfWord(item.word, False)
        if item.hidden and is_white_size(item.word) and _inside_any(item.word, shapes)
        else item
        for item in words
    ]


def _inside_any(word: Word, shapes: list[tuple[float, float, float, float]]) -> bool:
    return any(
        x0 - 1 <= word.x0
        and word.x1 <= x1 + 1
        and top - 1 <= word.top
        and word.bottom <= bottom + 1
        for x0, x1, top, bottom in shapes
    )


def is_white_size(word: Word) -> bool:
    return word.bottom - word.top >= 2.5


def is_light(color: Any) -> bool:
    if color is None:
        return False
    values = list(color) if isinstance(color, (list, tuple)) else [color]
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return False
    if len(values) == 4:
        return bool(sum(values) < 0.15)
    return all(v > 0.9 for v in values)
