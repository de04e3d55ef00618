"""The per-file work of a screen as a plain function that any engine (Dask, Spark, Ray) can map.

A screen reads, matches and scores each file on its own, then combines and ranks in one place.
:func:`score_file` is that per-file step: bytes or a path in, the JSON-ready object of
:func:`resume_match.report.result_to_dict` (with ``kind`` and ``pages``) out. It never raises for a
bad file, holds no state a caller can see, and pickles by reference, so it can be shipped to any
cluster that has resume-match installed. :class:`FileScorer` is the same with the taxonomy and
options bound, for ``rdd.map(FileScorer(taxonomy))``.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, TypeVar

from .. import isolation
from ..api import Checker
from ..errors import VANISHED, ScreeningError, internal_error, over_memory
from ..model import DocumentResult, Status
from ..reading import ReadOptions
from ..report import result_to_dict
from ..taxonomy import Taxonomy, load_taxonomy
from .duplicates import text_fingerprint
from .store import Encoded, encoded
from .urls import fetch, is_process_local, is_url

CheckFunction = Callable[[Checker, Path], DocumentResult]
CRASHED = "the reader crashed on this file"
_KEEP_CHECKERS = 4
_checkers: dict[tuple[Taxonomy, ReadOptions], Checker] = {}
_checkers_lock = threading.Lock()
_T = TypeVar("_T")


def check_file(checker: Checker, path: Path) -> DocumentResult:
    """The default check a worker runs on each file."""
    return checker.check_document(path)


@dataclass(frozen=True)
class WorkerSetup:
    """What every worker needs, whichever the engine: the same for every file of a screen."""

    taxonomy: Taxonomy
    options: ReadOptions
    check_function: CheckFunction = check_file
    compress: bool = True
    """Whether results are sent compressed, as the cache keeps them; False when none is cached."""


@dataclass(frozen=True)
class Inline:
    """A file's bytes sent with the task, for a filesystem only this process sees (memory://)."""

    name: str
    data: bytes


# A file to score: a local path, a URL the worker opens through fsspec, or the bytes themselves.
Source = Path | str | Inline


def available_cpus() -> int:
    """CPUs this process may run on (the default for ``--jobs``)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def worker_checker(setup: WorkerSetup) -> Checker:
    """A worker's one Checker, matcher built, with the process's memory capped above the model.

    The cap is the one ``check`` gives its child (resume_match.isolation); the text is kept for
    the fingerprint that finds the same document sent twice.
    """
    checker = Checker(setup.taxonomy, setup.options, keep_text=True)
    _ = checker.matcher
    isolation.cap_memory(setup.options.max_memory_mb)
    return checker


def task_source(path: Path | str) -> Source:
    """What a worker is sent for a file: its path or URL, or its bytes when only we can see it."""
    if isinstance(path, Path) or not is_process_local(path):
        return path
    return Inline(path, fetch(path, 1 << 62))


def timed_out(timeout: float) -> str:
    """The reason given to a file that took longer than the limit, on every engine."""
    return f"timed out after {timeout:g} s; the file may be damaged or hostile"


def result_payload(result: DocumentResult) -> dict[str, Any]:
    """A result as a worker sends it and the cache keeps it: the codec's complete form, and the
    text's fingerprint (so the same document sent twice is found without keeping the text)."""
    payload = result_to_dict(result, complete=True)
    if result.text:
        payload["fingerprint"] = text_fingerprint(result.text)
    return payload


def encoded_payload(payload: dict[str, Any], compress: bool = True) -> Encoded:
    """``payload`` as a worker sends it: encoded by :func:`~resume_match.cache.encode_value` here,
    so the screen's one parent process neither encodes nor unpickles every result; compressed
    only when the cache may keep it (:attr:`WorkerSetup.compress`)."""
    return encoded(payload, compress=compress)


def error_payload(reason: str, status: Status = "error") -> dict[str, Any]:
    """The object of a file that could not be scored, for ``reason``."""
    return result_payload(DocumentResult(file="", status=status, reason=reason))


def score_path(
    checker: Checker, path: Path, check_function: CheckFunction = check_file
) -> tuple[dict[str, Any], bool]:
    """Score one file with ``check_function``; the object, and whether it may be cached.

    Only results that depend on the file's bytes are cacheable: a file that vanished, ran out
    of memory or hit an internal error is tried again next time.
    """
    if not _present(path):
        return error_payload(VANISHED), False
    outcome = _guarded(checker, lambda: check_function(checker, path))
    return outcome if isinstance(outcome, tuple) else (result_payload(outcome), True)


@dataclass(frozen=True)
class PreRead:
    """A file that a worker without the matcher has read: its :class:`Document`, pickled,
    and the seconds reading took, for a worker with the matcher to finish."""

    path: Path
    data: bytes
    spent: float


def read_path(checker: Checker, path: Path) -> PreRead | tuple[dict[str, Any], bool]:
    """The half of :func:`score_path` (with :func:`check_file`) that needs no spaCy: the file
    read, or the final object of one that cannot be read, with whether it may be cached."""
    if not _present(path):
        return error_payload(VANISHED), False
    started = time.monotonic()
    outcome = _guarded(checker, lambda: checker.read(path))
    if isinstance(outcome, tuple):
        return outcome
    if isinstance(outcome, DocumentResult):
        return result_payload(outcome), True
    data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    return PreRead(path, data, time.monotonic() - started)


def match_read(checker: Checker, read: PreRead) -> tuple[dict[str, Any], bool]:
    """The other half: what :func:`score_path` gives for the file :func:`read_path` read."""
    outcome = _guarded(checker, lambda: checker.check_read(read.path, pickle.loads(read.data)))
    return outcome if isinstance(outcome, tuple) else (result_payload(outcome), True)


def _present(path: Path) -> bool:
    try:
        path.stat()
    except FileNotFoundError:
        return False
    except OSError:
        pass
    return True


def _guarded(checker: Checker, action: Callable[[], _T]) -> _T | tuple[dict[str, Any], bool]:
    """``action()``, or the uncacheable object of a file that ran out of memory or broke it."""
    try:
        return action()
    except MemoryError:
        return error_payload(over_memory(checker.options.max_memory_mb)), False
    except Exception as exc:
        detail = " ".join(str(exc).split())[:200]
        return error_payload(internal_error(f"{type(exc).__name__}: {detail}")), False


def score_source(
    checker: Checker, source: Source, check_function: CheckFunction = check_file
) -> tuple[dict[str, Any], bool]:
    """:func:`score_path` for any :data:`Source`; remote bytes go through a temporary copy."""
    if isinstance(source, Path):
        return score_path(checker, source, check_function)
    if isinstance(source, Inline):
        name, data = source.name, source.data
    else:
        try:
            name, data = source, fetch(source, checker.options.max_bytes + 1)
        except FileNotFoundError:
            return error_payload(VANISHED), False
        except OSError as exc:
            return error_payload(f"cannot be opened ({exc}); check the URL and credentials"), False
        except ScreeningError as error:
            return error_payload(error.message), False
    with _temporary_copy(data, name) as path:
        return score_path(checker, path, check_function)


def score_file(
    source: bytes | str | os.PathLike[str],
    taxonomy: Taxonomy | None = None,
    options: ReadOptions | None = None,
    *,
    name: str = "",
) -> dict[str, Any]:
    """Score one file (a path, or its bytes) and return its JSON-ready result.

    Args:
        source: the file's path or URL (``s3://...``, read through fsspec), or its content as
            bytes (from object storage, a database...).
        taxonomy: the role's skills; None uses the bundled one.
        options: reading limits; the defaults suit resumes.
        name: the file's name; required with bytes, since the suffix decides how it is read.
            It becomes the result's ``file`` (default: the path as given).

    Returns:
        ``result_to_dict``'s object plus ``kind`` and ``pages``; a bad file has a ``status``
        other than ``ok`` and a ``reason``, never an exception. The same input gives the same
        object in any process: the matcher is built once per process and reused.
    """
    checker = _checker(taxonomy, options)
    if isinstance(source, bytes | bytearray | memoryview):
        payload, _ = score_source(checker, Inline(name, bytes(source)))
        payload["file"] = name
        return payload
    text = os.fspath(source)
    payload, _ = score_source(checker, text if is_url(text) else Path(text))
    payload["file"] = name or text
    return payload


@contextlib.contextmanager
def _temporary_copy(data: bytes, name: str) -> Iterator[Path]:
    """``data`` in a private file with ``name``'s suffix, which decides how it is read."""
    suffix = PurePath(name.rsplit("/", 1)[-1]).suffix if name else ""
    descriptor, temporary = tempfile.mkstemp(prefix="resume-match-", suffix=suffix)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        yield Path(temporary)
    finally:
        Path(temporary).unlink(missing_ok=True)


class FileScorer:
    """:func:`score_file` with its taxonomy and options bound; pickles without its matcher."""

    def __init__(self, taxonomy: Taxonomy | None = None, options: ReadOptions | None = None):
        self.taxonomy = taxonomy or load_taxonomy()
        self.options = options or ReadOptions()

    def __call__(self, source: bytes | str | os.PathLike[str], name: str = "") -> dict[str, Any]:
        return score_file(source, self.taxonomy, self.options, name=name)


def _checker(taxonomy: Taxonomy | None, options: ReadOptions | None) -> Checker:
    """One Checker per taxonomy and options in this process: building the matcher costs seconds.

    Keyed on the taxonomy's content, so a copy unpickled for every task still finds it.
    """
    key = (taxonomy or _bundled(), options or ReadOptions())
    with _checkers_lock:
        checker = _checkers.get(key)
        if checker is None:
            while len(_checkers) >= _KEEP_CHECKERS:
                del _checkers[next(iter(_checkers))]
            checker = _checkers[key] = Checker(*key, keep_text=True)
    return checker


@functools.cache
def _bundled() -> Taxonomy:
    return load_taxonomy()
