"""Words from pdfplumber (pdfminer): slower, kept as a second engine to compare layouts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .layout import Word
from .options import ReadOptions
from .pdf_words import PageWords, PdfWord, check_page_chars, hidden_how, is_light, load_page
from .visibility import judge_words, page_visibility


def pdfplumber_pages(path: Path, pdf: Any, options: ReadOptions) -> Iterator[PageWords | None]:
    """Words from pdfplumber: slower, kept as a second engine to compare layouts against."""
    import pdfplumber
    import pypdfium2.raw as pdfium_c

    # pdfminer would take minutes over a page that pdfium counts in milliseconds: count first.
    for index in range(min(len(pdf), options.max_pages)):
        page = load_page(pdf, index)
        if page is not None:
            textpage = page.get_textpage()
            count = pdfium_c.FPDFText_CountChars(textpage.raw)
            textpage.close()
            page.close()
            check_page_chars(path, index, count, options)
    with pdfplumber.open(str(path)) as document:
        for index, page in enumerate(document.pages[: options.max_pages]):
            words = []
            for item in _words(page):
                color = item.get("non_stroking_color")
                white = (
                    color is not None
                    and is_light(color)
                    and len(list(color) if isinstance(color, (list, tuple)) else [color]) != 4
                )
                invisible = (
                    item["size"] < 2.5
                    or item["x1"] < 0
                    or item["x0"] > page.width
                    or item["bottom"] < 0
                    or item["top"] > page.height
                )
                word = Word(item["text"], item["x0"], item["x1"], item["top"], item["bottom"])
                how = hidden_how(word, page.width, page.height) if invisible or white else ""
                if item["size"] < 2.5:
                    how = "tiny text"
                words.append(PdfWord(word, invisible or white, how))
            yield float(page.width), _judged(pdf, index, words), bool(page.images)


def _judged(pdf: Any, index: int, words: list[PdfWord]) -> list[PdfWord]:
    """What a person sees is decided by pdfium's renderer, the same for both engines."""
    page = load_page(pdf, index)
    if page is None:
        return words
    try:
        textpage = page.get_textpage()
        try:
            return judge_words(page_visibility(page, textpage), words)
        finally:
            textpage.close()
    finally:
        page.close()


def _words(page: Any) -> list[dict[str, Any]]:
    """pdfplumber's words, upright ones first, then any set sideways.

    An upright word breaks at a gap of an eighth of the font size, as the pdfium engine judges it:
    pdfplumber's default of 3 pt glues TeX's words, which are spaced by position alone, at small
    sizes ("andcleaning"). Sideways glyphs keep the default, which holds them together, and their
    size is the word's width: pdfminer's size of a rotated glyph varies from glyph to glyph.
    pdfplumber reads sideways text top to bottom, so a title running up the margin would come out
    backwards ("MULUCIRRUC"): glyphs whose baseline points up are read the other way.
    """
    options: dict[str, Any] = {"keep_blank_chars": False, "use_text_flow": False}
    upright_options = {
        **options,
        "x_tolerance_ratio": 0.125,
        "extra_attrs": ["size", "non_stroking_color"],
    }
    if all(char["upright"] for char in page.chars):
        return list(page.extract_words(**upright_options))
    upright = page.filter(lambda obj: obj.get("object_type") != "char" or obj["upright"])
    sideways = page.filter(lambda obj: obj.get("object_type") == "char" and not obj["upright"])
    words = list(upright.extract_words(**upright_options))
    up = sideways.filter(lambda obj: obj.get("object_type") == "char" and obj["matrix"][1] > 0)
    down = sideways.filter(lambda obj: obj.get("object_type") == "char" and obj["matrix"][1] <= 0)
    for part, upward in ((up, True), (down, False)):
        found = list(part.extract_words(extra_attrs=["non_stroking_color"], **options))
        for item in reversed(found) if upward else found:
            text = item["text"][::-1] if upward else item["text"]
            words.append({**item, "text": text, "size": item["x1"] - item["x0"]})
    return words
