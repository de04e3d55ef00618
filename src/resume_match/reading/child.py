"""Read one file in a child process with a memory cap and a time limit.

The checks in :mod:`resume_match.reading` and its ``pdfguard`` refuse the hostile files they can
recognise, but pdfium is C code that a clever file can still send into a loop or out of
memory, and pdfium stops the whole process when an allocation fails. A forked child takes that
risk instead: it gets an address-space cap and a CPU-time cap, and the parent kills it at the
deadline. Where there is no ``fork`` (Windows), the file is read in the calling process.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DocumentError, FileTooLargeError, over_memory, too_slow, unreadable

if TYPE_CHECKING:
    from ..model import Document
    from .options import ReadOptions

# SIGABRT is how pdfium stops when an allocation fails; SIGKILL, how the system does.
_CRASH_SIGNALS = {
    signal.SIGABRT,
    signal.SIGKILL,
    signal.SIGSEGV,
    signal.SIGBUS,
    signal.SIGILL,
    signal.SIGFPE,
}


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
    from .readers import read_here

    inline = replace(options, isolate=False)
    if not hasattr(os, "fork"):
        return lambda: read_here(path, inline)
    _preload(path)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its outcome is what the tests check
        os.close(read_end)
        _child(path, inline, write_end)
    os.close(write_end)
    return lambda: _answer(path, options, pid, read_end)


def _answer(path: Path, options: ReadOptions, pid: int, read_end: int) -> Document:
    """Wait for the child's outcome and turn it into a document or a DocumentError."""
    payload, status, timed_out = _collect(pid, read_end, options.time_limit)
    if timed_out:
        raise DocumentError(too_slow(options.time_limit), path)
    outcome: tuple[Any, ...] | None = None
    if payload:
        # The payload comes from this very process, forked; a truncated one means a crash.
        with contextlib.suppress(Exception):
            outcome = pickle.loads(payload)
    if outcome is not None:
        return _unpack(outcome, path)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        raise DocumentError(too_slow(options.time_limit), path)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) in _CRASH_SIGNALS:
        raise FileTooLargeError(
            f"made the reader stop (signal {signal.Signals(os.WTERMSIG(status)).name}), most "
            f"likely by needing more than the {options.max_memory_mb:,} MB memory limit; it may "
            "be damaged or built to exhaust readers",
            path,
        )
    raise DocumentError("made the reader stop without an answer; it may be damaged", path)


def _preload(path: Path) -> None:
    """Import the main reader library in the parent: imported once for every child it forks."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import pypdfium2  # noqa: F401
    elif suffix == ".docx":
        import docx  # noqa: F401


def _child(path: Path, options: ReadOptions, write_end: int) -> None:  # pragma: no cover
    """Run in the forked child: limit, read, send the outcome, and leave without cleanup."""
    code = 0
    try:
        # A crash here is an answer the parent reports; a Python traceback dump would be noise.
        faulthandler.disable()
        _limit(options)
        from .readers import read_here

        try:
            outcome: tuple[Any, ...] = ("ok", read_here(path, options))
        except DocumentError as error:
            outcome = ("error", type(error), error.message)
        except MemoryError:
            outcome = ("error", FileTooLargeError, over_memory(options.max_memory_mb))
        except BaseException as exc:
            outcome = ("crash", f"{type(exc).__name__}: {exc}")
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _limit(options: ReadOptions) -> None:  # pragma: no cover - runs in the child
    """Cap the child's address space above what it already maps, its CPU time, and its writes."""
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    cpu = max(1, int(options.time_limit) + 1)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
        mapped = pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return
    cap = mapped + options.max_memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _collect(pid: int, read_end: int, time_limit: float) -> tuple[bytes, int, bool]:
    """Read the child's answer until it closes the pipe or the deadline passes; reap it."""
    deadline = time.monotonic() + time_limit
    chunks: list[bytes] = []
    timed_out = False
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([read_end], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
        if timed_out:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    return b"".join(chunks), status, timed_out


def _unpack(outcome: tuple[Any, ...], path: Path) -> Document:
    if outcome[0] == "ok":
        document: Document = outcome[1]
        return document
    if outcome[0] == "error":
        raise outcome[1](outcome[2], path)
    raise DocumentError(unreadable(outcome[1]), path)
