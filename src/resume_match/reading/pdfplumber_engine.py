"""Words from pdfplumber (pdfminer): slower, kept as a second engine to compare layouts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .layout import Word
from .options import ReadOptions
from .pdf_words import PageWords, PdfWord, check_page_chars, is_light, load_page, unhide_covered


def _unhide_on_dark_background(page: Any, words: list[PdfWord]) -> list[PdfWord]:
    """The pdfplumber engine's version of :func:`_dark_shapes`: its filled shapes and images."""
    backgrounds = [
        (shape["x0"], shape["x1"], shape["top"], shape["bottom"])
        for shape in [*page.rects, *page.images, *page.curves]
        if shape.get("fill", True) and not is_light(shape.get("non_stroking_color"))
    ]
    return unhide_covered(words, backgrounds)


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
        for page in document.pages[: options.max_pages]:
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
            if any(w.hidden for w in words):
                words = _unhide_on_dark_background(page, words)
            yield float(page.width), words, bool(page.images)
