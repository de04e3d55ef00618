"""The registry of readers, one per kind of file, and reading a file in this process."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import DocumentError, FileTooLargeError, unreadable
from ..model import Document
from .docx import read_docx
from .extracted import Extracted
from .options import ReadOptions
from .pdf import read_pdf
from .quality import finish
from .sniff import check_file, read_head, sniff
from .text import read_text

# The reader for each kind of file; applications and tests may add or replace entries.
READERS: dict[str, Callable[[Path, ReadOptions], Extracted]] = {
    "text": read_text,
    "docx": read_docx,
    "pdf": read_pdf,
}


def read_here(path: Path, options: ReadOptions) -> Document:
    """Read ``path`` in the calling process: sniff, extract, then the quality gates."""
    kind = check_file(path, options)
    head = read_head(path)
    reader = READERS[sniff(path, kind, head)]
    try:
        raw = reader(path, options)
    except DocumentError:
        raise
    except MemoryError:
        raise FileTooLargeError(
            "needs more memory than a resume should; is it a resume?", path
        ) from None
    except RecursionError:
        raise DocumentError("is nested too deeply to read; it may be corrupt", path) from None
    except Exception as exc:
        raise DocumentError(unreadable(type(exc).__name__), path) from exc
    return finish(path, kind, raw, options)


def preload_readers(suffixes: Iterable[str]) -> None:
    """Import the library each of these kinds of file needs now (the readers are, with this).

    For a process about to fork children that read such files: imported here once, they are
    imported in none of the children.
    """
    kinds = {suffix.lower() for suffix in suffixes}
    if ".pdf" in kinds:
        import numpy  # noqa: F401
        import pypdfium2  # noqa: F401

        from .pdfguard import check_pdf  # noqa: F401
    if ".docx" in kinds:
        import docx  # noqa: F401
