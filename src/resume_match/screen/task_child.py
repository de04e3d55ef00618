"""Score files in a long-lived child process that can be killed at a deadline, from any process.

A Dask worker (or any host process) must not run a hostile file's parsing itself: a file that
hangs would hold the worker past the time limit, and a crash in a PDF library would take the
worker down. :class:`IsolatedScorer` keeps one child (started with ``subprocess``, so it works
inside daemonic processes where ``multiprocessing`` may not start children) that builds the
matcher once and scores one file at a time; past the deadline the child is killed and the next
file gets a fresh one. Messages are length-prefixed pickles over the child's stdin and stdout.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

from .. import isolation
from ..nlp import freeze_what_spacy_makes
from .score import (
    CRASHED,
    Source,
    WorkerSetup,
    error_payload,
    score_source,
    timed_out,
    worker_checker,
)

STARTUP_LIMIT = 180.0
_HEADER = struct.Struct("!Q")


class IsolatedScorer:
    """One child process that scores files with a deadline each; restarted after a kill or crash."""

    def __init__(self, setup: WorkerSetup) -> None:
        self.setup = setup
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def score(self, source: Source, timeout: float) -> tuple[dict[str, Any], bool]:
        """Score ``source`` in the child; the object and whether it may be cached.

        Raises:
            RuntimeError: the child could not start (resume-match broken in this environment).
        """
        with self._lock:
            process = self._running()
            assert process.stdin is not None and process.stdout is not None
            try:
                _send(process.stdin, source)
                message = _receive(process.stdout, time.monotonic() + timeout)
            except TimeoutError:
                self._kill()
                return error_payload(timed_out(timeout)), False
            except (OSError, EOFError):
                self._kill()
                return error_payload(CRASHED), False
            payload, cacheable = message
            return payload, cacheable

    def close(self) -> None:
        """Stop the child; safe to call twice."""
        with self._lock:
            self._kill()

    def _running(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._kill()
        package_root = str(Path(__file__).resolve().parents[2])
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            dict.fromkeys([package_root, *filter(None, sys.path)])
        )
        process = subprocess.Popen(
            [sys.executable, "-m", __name__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=environment,
            start_new_session=True,
        )
        self._process = process
        assert process.stdin is not None and process.stdout is not None
        try:
            _send(process.stdin, self.setup)
            ready = _receive(process.stdout, time.monotonic() + STARTUP_LIMIT)
        except (OSError, EOFError) as exc:
            self._kill()
            raise RuntimeError(
                f"the scoring process did not start ({exc or 'it stopped'})"
            ) from None
        if ready != "ready":
            self._kill()
            raise RuntimeError(f"the scoring process could not start: {ready}")
        return process

    def _kill(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            with contextlib.suppress(OSError):
                os.killpg(process.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(5)
        for stream in (process.stdin, process.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()


def _send(stream: IO[bytes], value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes], deadline: float) -> Any:
    """One message, or TimeoutError at ``deadline``; EOFError when the other side is gone."""
    header = _read_exactly(stream, _HEADER.size, deadline)
    (size,) = _HEADER.unpack(header)
    return pickle.loads(_read_exactly(stream, size, deadline))


def _read_exactly(stream: IO[bytes], size: int, deadline: float) -> bytes:
    descriptor = stream.fileno()
    chunks: list[bytes] = []
    left = size
    while left:
        wait = deadline - time.monotonic()
        if wait <= 0:
            raise TimeoutError
        readable, _, _ = select.select([descriptor], [], [], min(wait, 3600.0))
        if not readable:
            continue
        chunk = os.read(descriptor, min(left, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _child_main() -> None:
    """The child: build one Checker, then answer each path with its result until stdin closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    isolation.exit_with_parent()
    freeze_what_spacy_makes()
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    forever = float("inf")
    try:
        setup: WorkerSetup = _receive(requests, time.monotonic() + STARTUP_LIMIT)
        checker = worker_checker(setup)
    except Exception as exc:
        _send(answers, f"{type(exc).__name__}: {exc}")
        return
    _send(answers, "ready")
    while True:
        try:
            source = _receive(requests, forever)
        except (EOFError, OSError):
            return
        _send(answers, score_source(checker, source, setup.check_function))


if __name__ == "__main__":
    _child_main()
