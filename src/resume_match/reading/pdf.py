"""PDF: the pre-parse guard, opening, page limits and flags; the engines give the words."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress
from operator import itemgetter, not_
from pathlib import Path

from ..errors import (
    PASSWORD_PROTECTED,
    SCANNED,
    DocumentError,
    EmptyDocumentError,
    FileTooLargeError,
    NoTextError,
    PdfBudgetError,
)
from ..model import DroppedText, Flag
from .extracted import Extracted, hidden_flag
from .layout import drop_repeated_margins, page_lines
from .options import ReadOptions
from .pdf_words import PageWords, PdfWord
from .pdfium_engine import pdfium_pages
from .pdfplumber_engine import pdfplumber_pages
from .quality import too_much_text

# A PdfWord's word and whether it is hidden, and a Word's text, by position (read in C).
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_UNREADABLE_PDF = "is not a readable PDF (damaged or truncated); export it again"


def read_pdf(path: Path, options: ReadOptions) -> Extracted:
    import pypdfium2 as pdfium

    from .pdfguard import check_pdf

    try:
        data = path.read_bytes()
        marked = check_pdf(data, options.max_pdf_stream_bytes, options.max_pdf_content_bytes)
    except PdfBudgetError as exc:
        raise FileTooLargeError(exc.message, path) from None
    try:
        # The bytes the guard checked, not the file again: it may have changed in between.
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise DocumentError(PASSWORD_PROTECTED, path) from None
        if "security" in message:
            raise DocumentError(
                "is encrypted in a way that cannot be opened; save an unprotected copy and "
                "try again",
                path,
            ) from None
        raise DocumentError(_UNREADABLE_PDF, path) from None
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise EmptyDocumentError("has no pages", path)
        flags: list[Flag] = []
        if page_count > options.max_pages:
            flags.append(
                Flag(
                    "truncated",
                    f"has {page_count} pages; only the first {options.max_pages} were read",
                )
            )
        if options.pdf_engine == "pdfplumber":
            engine = pdfplumber_pages(path, pdf, options)
        else:
            # What the guard saw of the streams holds only where pdfium decrypts none of them.
            marked = marked or pdfium.raw.FPDF_GetSecurityHandlerRevision(pdf.raw) != -1
            engine = pdfium_pages(path, pdf, options, marked=marked)
        read = _within_budget(path, engine, options)
        damaged = [index + 1 for index, page in enumerate(read) if page is None]
        if len(damaged) == len(read):
            raise DocumentError(_UNREADABLE_PDF, path)
        if damaged:
            shown = ", ".join(map(str, damaged[:10])) + (" ..." if len(damaged) > 10 else "")
            flags.append(
                Flag(
                    "damaged",
                    f"{len(damaged)} page(s) could not be read and were skipped ({shown}); "
                    "the file may be damaged",
                )
            )
        loaded = {index: page for index, page in enumerate(read) if page is not None}
        pages: list[list[str]] = []
        hidden: list[str] = []
        how: list[str] = []
        concealed: list[DroppedText] = []
        has_images = False
        for number, (_width, words, images) in enumerate(loaded.values(), start=1):
            has_images = has_images or images
            seen = list(compress(map(_FIRST, words), map(not_, map(_SECOND, words))))
            pages.append(page_lines(seen))
            if len(seen) < len(words):
                hidden.extend(w.word.text for w in words if w.hidden)
                how.extend(w.how for w in words if w.hidden)
                concealed.extend(_hidden_runs(number, words))
        pages, dropped = drop_repeated_margins(pages)
        if not any(line.strip() for page in pages for line in page) and not hidden:
            raise NoTextError(
                SCANNED
                if has_images
                else "has no text layer (its pages hold no text and no images; text drawn as "
                "shapes cannot be read): export it again from the original, or run OCR on it",
                path,
            )
        if hidden:
            flags.append(hidden_flag(hidden, how))
        return Extracted(["\n".join(page) for page in pages], hidden, flags, dropped + concealed)
    finally:
        pdf.close()


def _within_budget(
    path: Path, pages: Iterator[PageWords | None], options: ReadOptions
) -> list[PageWords | None]:
    """The pages, stopping as soon as their text passes ``max_chars``, not after all of them."""
    read: list[PageWords | None] = []
    chars = 0
    for page in pages:
        read.append(page)
        if page is not None:
            chars += sum(map(len, map(_FIRST, map(_FIRST, page[1])))) + len(page[1])
        if chars > options.max_chars:
            raise too_much_text(path, chars, options)
        if len(read) >= options.max_pages:
            break
    return read


def _hidden_runs(number: int, words: list[PdfWord]) -> list[DroppedText]:
    """The page's hidden words, a run of them hidden the same way as one entry."""
    runs: list[DroppedText] = []
    for item in words:
        if not item.hidden:
            continue
        how = item.how or "hidden text"
        if runs and runs[-1].detail == how:
            runs[-1] = DroppedText(number, "hidden", f"{runs[-1].text} {item.word.text}", how)
        else:
            runs.append(DroppedText(number, "hidden", item.word.text, how))
    return runs
