"""Words from pdfplumber (pdfminer): slower, kept as a second engine to compare layouts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .layout import Word
from .options import ReadOptions
from .pdf_words import PageWords, PdfWord, check_page_chars, is_light, load_page
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
            for item in page.extract_words(
                keep_blank_chars=False,
                use_text_flow=False,
                extra_attrs=["size", "non_stroking_color"],
            ):
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
                words.append(PdfWord(word, invisible or white))
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
