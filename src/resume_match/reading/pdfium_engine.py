"""Words with boxes and colours from pdfium's text page: the default PDF engine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .options import ReadOptions
from .pdf_words import (
    PageWords,
    PdfWord,
    check_page_chars,
    load_page,
    pdf_word,
)
from .visibility import judge_words, page_visibility


def pdfium_pages(path: Path, pdf: Any, options: ReadOptions) -> Iterator[PageWords | None]:
    """Words with boxes from pdfium, about 30 times faster than pdfminer on a resume page."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    box = pdfium_c.FS_RECTF()
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    for index in range(min(len(pdf), options.max_pages)):
        page = load_page(pdf, index)
        if page is None:
            yield None
            continue
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            handle = textpage.raw
            count = pdfium_c.FPDFText_CountChars(handle)
            check_page_chars(path, index, count, options)
            words: list[PdfWord] = []
            chars: list[str] = []
            x0 = x1 = top = bottom = 0.0
            hidden_chars = 0
            for char_index in range(count):
                code = pdfium_c.FPDFText_GetUnicode(handle, char_index)
                if code in (2, 0xFFFE) and chars:
                    chars.append("-")
                    words.append(pdf_word(chars, x0, x1, top, bottom, hidden_chars))
                    chars = []
                    continue
                char = chr(code) if 0 < code < 0x110000 else " "
                if char.isspace() or char == "\x00":
                    if chars:
                        words.append(pdf_word(chars, x0, x1, top, bottom, hidden_chars))
                        chars = []
                    continue
                pdfium_c.FPDFText_GetLooseCharBox(handle, char_index, box)
                left, right = box.left, box.right
                char_top, char_bottom = height - box.top, height - box.bottom
                if chars and (left - x1 > 0.12 * (char_bottom - char_top) or left < x0 - 1):
                    words.append(pdf_word(chars, x0, x1, top, bottom, hidden_chars))
                    chars = []
                if not chars:
                    x0, x1, top, bottom, hidden_chars = left, right, char_top, char_bottom, 0
                chars.append(char)
                x1 = max(x1, right)
                top = min(top, char_top)
                bottom = max(bottom, char_bottom)
                pdfium_c.FPDFText_GetFillColor(handle, char_index, red, green, blue, alpha)
                invisible = (
                    (red.value > 245 and green.value > 245 and blue.value > 245)
                    or alpha.value < 20
                    or char_bottom - char_top < 2.5
                    or right < 0
                    or left > width
                    or char_bottom < 0
                    or char_top > height
                )
                hidden_chars += invisible
            if chars:
                words.append(pdf_word(chars, x0, x1, top, bottom, hidden_chars))
            images = _page_has_images(page, pdfium_c)
            words = judge_words(page_visibility(page, textpage), words)
            textpage.close()
            yield width, words, images
        finally:
            page.close()


def _page_has_images(page: Any, pdfium_c: Any) -> bool:
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    for index in range(min(count, 5000)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return True
    return False
