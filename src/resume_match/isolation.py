"""Run a function in a child process with a time limit, a memory cap and crash containment.

Some work cannot be made safe by checking its input first: pdfium is C code that a clever file
can still send into a loop or out of memory, and it stops the whole process when an allocation
fails. A forked child takes that risk instead. It gets an address-space cap (``memory_mb`` above
what it already maps), a CPU-time cap and no right to write files, and the parent kills it at the
deadline. This module knows nothing of what the function does; the caller turns an
:class:`Outcome` into its own result or error. Where there is no ``fork`` (Windows), the function
runs in the calling process.

:data:`TIME_LIMIT` and :data:`MEMORY_MB` are the one set of limits: ``check`` reads each file in
such a child, and each ``screen`` worker caps itself with :func:`cap_memory` and is killed at the
same deadline.
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import os
import pickle
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

T = TypeVar("T")

TIME_LIMIT = 30.0
"""Seconds one file may take."""
MEMORY_MB = 1024
"""Megabytes of address space one file may add to what the process already maps."""

# SIGABRT is how pdfium stops when an allocation fails; SIGKILL, how the system does.
CRASH_SIGNALS = frozenset(
    {signal.SIGABRT, signal.SIGKILL, signal.SIGSEGV, signal.SIGBUS, signal.SIGILL, signal.SIGFPE}
)

Failure = Literal["timeout", "crash", "memory", "exception", "silent"]


@dataclass(frozen=True)
class Limits:
    """What one child may spend."""

    seconds: float = TIME_LIMIT
    memory_mb: int = MEMORY_MB


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """How the child ended: a ``value``, an expected ``error`` it raised, or a ``failure``.

    ``failure`` is ``timeout`` (past the deadline or the CPU cap), ``crash`` (killed by a signal,
    named in ``detail``; most often the memory cap), ``memory`` (a MemoryError), ``exception``
    (anything else raised, described in ``detail``) or ``silent`` (no answer at all).
    """

    value: T | None = None
    error: BaseException | None = None
    failure: Failure | None = None
    detail: str = ""


def run(
    function: Callable[[], T], limits: Limits, expected: tuple[type[BaseException], ...] = ()
) -> Outcome[T]:
    """Run ``function`` in a child and wait for it; see :func:`start`."""
    return start(function, limits, expected)()


def start(
    function: Callable[[], T], limits: Limits, expected: tuple[type[BaseException], ...] = ()
) -> Callable[[], Outcome[T]]:
    """Fork the child that runs ``function`` now; the returned function waits for its outcome.

    The caller can do other work meanwhile. Exceptions of the ``expected`` types come back as
    :attr:`Outcome.error` (they must pickle); any other is reduced to its description. Without
    ``fork``, ``function`` runs when the returned function is called, and raises as it would.
    """
    if not hasattr(os, "fork"):
        return lambda: Outcome(value=function())
    read_end, write_end = os.pipe()
    with frozen_heap():
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its outcome is what the tests check
        os.close(read_end)
        _child(function, limits, expected, write_end)
    os.close(write_end)
    return lambda: _wait(pid, read_end, limits)


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """Fork inside this: the child's garbage collector leaves what the parent made alone.

    Without it, each full collection in the child walks every object the parent holds (spaCy
    and the matcher: about a million), tens of milliseconds that also copy each page they touch.
    The parent's objects go back to its collector as soon as the block ends.
    """
    parent = os.getpid()
    gc.freeze()
    try:
        yield
    finally:
        if os.getpid() == parent:
            gc.unfreeze()


def cap_memory(memory_mb: int) -> None:
    """Cap this process's address space at ``memory_mb`` above what it maps now (Linux)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
        mapped = pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return
    cap = mapped + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _cap_child(limits: Limits) -> None:  # pragma: no cover - runs in the child
    """No file writes, CPU time just past the deadline, and the memory cap."""
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    cpu = max(1, int(limits.seconds) + 1)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    cap_memory(limits.memory_mb)


def _child(
    function: Callable[[], Any],
    limits: Limits,
    expected: tuple[type[BaseException], ...],
    write_end: int,
) -> None:  # pragma: no cover - the child
    """Limit, run, send the outcome, and leave without cleanup."""
    code = 0
    try:
        # A crash here is an answer the parent reports; a Python traceback dump would be noise.
        faulthandler.disable()
        _cap_child(limits)
        try:
            outcome: Outcome[Any] = Outcome(value=function())
        except expected as error:
            outcome = Outcome(error=error)
        except MemoryError:
            outcome = Outcome(failure="memory")
        except BaseException as exc:
            outcome = Outcome(failure="exception", detail=f"{type(exc).__name__}: {exc}")
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _wait(pid: int, read_end: int, limits: Limits) -> Outcome[Any]:
    """Turn what the child sent, or how it ended, into an outcome."""
    payload, status, timed_out = _collect(pid, read_end, limits.seconds)
    if timed_out:
        return Outcome(failure="timeout")
    if payload:
        # The payload comes from this very process, forked; a truncated one means a crash.
        with contextlib.suppress(Exception):
            outcome: Outcome[Any] = pickle.loads(payload)
            return outcome
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number == signal.SIGXCPU:
            return Outcome(failure="timeout")
        if number in CRASH_SIGNALS:
            return Outcome(failure="crash", detail=signal.Signals(number).name)
    return Outcome(failure="silent")


def _collect(pid: int, read_end: int, seconds: float) -> tuple[bytes, int, bool]:
    """Read the child's answer until it closes the pipe or the deadline passes; reap it."""
    deadline = time.monotonic() + seconds
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


def exit_with_parent() -> None:
    """Exit when the process that started this one is gone, even while a file has it stuck."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
