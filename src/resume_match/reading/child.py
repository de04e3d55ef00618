"""Read one file in a child process, for what no check of the input can foresee.

The checks in :mod:`resume_match.reading` and its ``pdfguard`` refuse the hostile files they can
recognise; :mod:`resume_match.isolation` contains the rest (a loop or an allocation failure in
pdfium) in a child with the limits of :class:`ReadOptions`. This module only turns the child's
outcome into a :class:`Document` or a :class:`DocumentError`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from .. import isolation
from ..errors import DocumentError, FileTooLargeError, crashed, over_memory, too_slow, unreadable
from ..model import Document
from .options import ReadOptions

_SILENT = "made the reader stop without an answer; it may be damaged"


def read_in_child(path: Path, options: ReadOptions) -> Document:
    """Read ``path`` as :func:`~resume_match.reading.read_document` does, in a child process.

    Raises:
        DocumentError: what the reader raised, or why the child stopped: over the memory cap,
            past the time limit, or crashed.
    """
    return start_in_child(path, options)()


def start_in_child(path: Path, options: ReadOptions) -> Callable[[], Document]:
    """Fork the child that reads ``path`` now; the returned function waits for its answer.

    The caller can do other work meanwhile: ``check`` builds its matcher (importing spaCy)
    while the child reads, on the machine's second core.
    """
    _preload(path)
    limits = isolation.Limits(options.time_limit, options.max_memory_mb)
    read = partial(_read_here, path, replace(options, isolate=False))
    wait = isolation.start(read, limits, expected=(DocumentError,))
    return lambda: _document(wait(), path, options)


def _read_here(path: Path, options: ReadOptions) -> Document:  # pragma: no cover - the child
    from .readers import read_here

    return read_here(path, options)


def _document(outcome: isolation.Outcome[Document], path: Path, options: ReadOptions) -> Document:
    if outcome.value is not None:
        return outcome.value
    if outcome.error is not None:
        raise outcome.error
    if outcome.failure == "timeout":
        raise DocumentError(too_slow(options.time_limit), path)
    if outcome.failure == "crash":
        raise FileTooLargeError(crashed(outcome.detail, options.max_memory_mb), path)
    if outcome.failure == "memory":
        raise FileTooLargeError(over_memory(options.max_memory_mb), path)
    if outcome.failure == "exception":
        raise DocumentError(unreadable(outcome.detail), path)
    raise DocumentError(_SILENT, path)


_children_by_suffix: dict[str, int] = {}


def _preload(path: Path) -> None:
    """Import the readers in the parent once it reads a second file of a kind.

    The first child imports them itself, on the second core while the parent imports spaCy (a
    ``check`` of one file never needs them in the parent); from the second on, every child
    forked finds them imported.
    """
    from .readers import preload_readers

    suffix = path.suffix.lower()
    _children_by_suffix[suffix] = _children_by_suffix.get(suffix, 0) + 1
    if _children_by_suffix[suffix] >= 2:
        preload_readers([suffix])
