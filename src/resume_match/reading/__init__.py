"""Read PDF, DOCX and plain-text files into normalised text, treating every file as hostile.

``read_document`` checks the name and the first bytes (:mod:`.sniff`), hands the file to the reader
for its kind (:data:`READERS`), and passes what it extracts through the quality gates
(:mod:`.quality`). With ``ReadOptions.isolate`` the same happens in a child process.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Document
from .options import ReadOptions
from .sniff import SUPPORTED_SUFFIXES, check_file, read_head, sniff, unsupported_reason

if TYPE_CHECKING:
    from .readers import READERS

__all__ = [
    "READERS",
    "SUPPORTED_SUFFIXES",
    "Document",
    "ReadOptions",
    "read_document",
    "start_reading",
    "unsupported_reason",
]

# pdfminer and pdfplumber log a warning for every oddity of a broken PDF; with no handler set up,
# Python would print them on stderr. The library prints nothing: an application that wants them
# configures logging, and they reach its handlers as before.
for _noisy in ("pdfminer", "pdfplumber"):
    logging.getLogger(_noisy).addHandler(logging.NullHandler())


def start_reading(path: Path | str, options: ReadOptions | None = None) -> Callable[[], Document]:
    """Begin reading a file; the returned function gives the :class:`Document` or raises.

    With ``options.isolate`` the file is read in a child process that starts now, so the caller
    can prepare other work while it runs; otherwise reading happens when the function is called.
    A missing, unsupported or mislabelled file fails here, at once.
    """
    options = options or ReadOptions()
    path = Path(path)
    if options.isolate:
        from .child import start_in_child

        sniff(path, check_file(path, options), read_head(path))
        return start_in_child(path, options)
    return lambda: read_document(path, options)


def read_document(path: Path | str, options: ReadOptions | None = None) -> Document:
    """Read a file into a :class:`Document`.

    Raises:
        DocumentError: (or a subclass) with a message that says what is wrong and what to do.
    """
    options = options or ReadOptions()
    path = Path(path)
    if options.isolate:
        from .child import read_in_child

        return read_in_child(path, options)
    from .readers import read_here

    return read_here(path, options)


def __getattr__(name: str) -> Any:
    """``READERS``, imported when first asked for.

    The readers (pdfium, python-docx, the quality gates) are imported where a file is read: a
    ``check`` reads in a child, which imports them on the second core while the parent imports
    spaCy.
    """
    if name == "READERS":
        from .readers import READERS

        return READERS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
