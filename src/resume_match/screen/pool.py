"""Worker processes that score one file at a time, with a deadline, replaced when they die.

Each worker builds one :class:`Checker` and caps its memory as :mod:`resume_match.isolation` does;
a file that takes longer than the time limit has its worker killed and replaced, and a worker that
dies takes only its current file with it. Results travel back in :mod:`resume_match.report`'s
complete form, the one the cache stores, with its encoded bytes (the parent does not encode).

Where workers are forked, reading starts before spaCy is loaded: all but one of the workers begin
as readers (:mod:`.ahead`), forked at once, while the parent builds the Checker on the remaining
core; once it is ready the readers stop after their current file and give way to workers forked
with it, which match what the readers read first.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import PurePath
from typing import Any

from .. import isolation
from ..api import Checker
from ..errors import ScreeningError
from ..reading.readers import preload_readers
from .ahead import reader_main
from .score import (
    CRASHED,
    Inline,
    PreRead,
    Source,
    WorkerSetup,
    check_file,
    encoded_payload,
    error_payload,
    match_read,
    score_source,
    timed_out,
)
from .store import Encoded

_STARTUP_LIMIT = 180.0
# What a reader's pipe may hold (the system caps it): enough for the files read while the parent
# builds the matcher and reads none of them.
_READER_BUFFER = 8 << 20
_Task = tuple[int, Source | PreRead]


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    started: float
    ready: bool = False
    task: _Task | None = None
    deadline: float = 0.0
    # A reader's files not yet begun, in order; None for a worker with the matcher.
    ahead: deque[tuple[int, Source]] | None = None


def _mp_context() -> BaseContext:
    """Where workers come from: forked from this process where that is safe.

    On Linux, in a process with no other thread, the Checker (spaCy and the matcher, about a
    second) is built once here and every worker, a replacement too, is forked with it ready in
    milliseconds. Elsewhere (threads that a fork could leave holding a lock, or no safe ``fork``)
    workers come from a fork server, or are spawned, and each builds its own.
    """
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def _new_checker(setup: WorkerSetup) -> Checker:
    return Checker(setup.taxonomy, setup.options, keep_text=True)


def _shared_checker(setup: WorkerSetup) -> Checker:
    try:
        checker = _new_checker(setup)
        _ = checker.matcher
    except Exception as exc:
        raise ScreeningError(
            f"a worker process could not start: {type(exc).__name__}: {exc}"
        ) from None
    return checker


class Pool:
    """Worker processes that each take one file at a time over their own pipe.

    One pipe per worker (not a shared queue) means a worker killed mid-message can only break its
    own pipe, and the parent always knows which file a dead or stuck worker was holding.
    """

    def __init__(self, setup: WorkerSetup, size: int, timeout: float) -> None:
        self.setup = setup
        self.size = size
        self.timeout = timeout
        self.context = _mp_context()
        self.forked = self.context.get_start_method() == "fork"
        self.checker: Checker | None = None
        self.queue: deque[tuple[int, Source]] = deque()
        self.matching: deque[tuple[int, PreRead]] = deque()
        self.order: dict[int, int] = {}

    def run(
        self,
        tasks: Sequence[tuple[int, Source]],
        on_result: Callable[[int, dict[str, Any] | Encoded, bool], None],
    ) -> None:
        """Run every task; ``on_result(index, payload, cacheable)`` is called as each finishes."""
        self.queue = deque(tasks)
        self.order = {index: position for position, (index, _) in enumerate(tasks)}
        workers: list[_Worker] = []
        try:
            if self.forked:
                preload_readers({_suffix(source) for _, source in tasks})
                readers = self._readers(tasks)
                workers.extend(self._start_reader(list(tasks)[n::readers]) for n in range(readers))
                if readers:
                    self.queue.clear()
                self.checker = _shared_checker(self.setup)
                for reader in workers:
                    with contextlib.suppress(OSError):
                        reader.conn.send(None)
            workers.extend(self._start() for _ in range(self.size - len(workers)))
            while self.queue or self.matching or any(_busy(w) for w in workers):
                for worker in workers:
                    if worker.ready and worker.ahead is None and worker.task is None:
                        self._assign(worker)
                ready = set(wait(self._waitables(workers), timeout=self._wait_time(workers)))
                now = time.monotonic()
                for slot, worker in enumerate(workers):
                    if self._service(worker, ready, now, on_result):
                        workers[slot] = self._start()
                        with contextlib.suppress(ValueError):
                            worker.process.close()
            self._stop(workers, graceful=True)
        except BaseException:
            self._stop(workers, graceful=False)
            raise

    def _readers(self, tasks: Sequence[tuple[int, Source]]) -> int:
        """How many workers begin as readers: all but one, for local files and the usual check
        (a custom check function may need the matcher to read)."""
        if self.setup.check_function is not check_file:
            return 0
        if not all(isinstance(source, PurePath) for _, source in tasks):
            return 0
        return self.size - 1

    def _start_reader(self, share: list[tuple[int, Source]]) -> _Worker:
        """A worker that reads ``share`` (files from every reader's turn) until it is stopped."""
        parent_end, child_end = self.context.Pipe()
        _widen(child_end)
        process = self.context.Process(  # type: ignore[attr-defined]
            target=reader_main,
            args=(child_end, self.setup, share),
            name="resume-match-reader",
            daemon=True,
        )
        with isolation.frozen_heap():
            process.start()
        child_end.close()
        return _Worker(process, parent_end, time.monotonic(), ready=True, ahead=deque(share))

    def _give_back(self, worker: _Worker) -> None:
        """Put the files a stopped reader did not begin back in the queue, in their order."""
        if worker.ahead:
            back = [*worker.ahead, *self.queue]
            self.queue = deque(sorted(back, key=lambda task: self.order[task[0]]))
        worker.ahead = None

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(  # type: ignore[attr-defined]
            target=_worker_main,
            args=(child_end, self.setup, self.checker),
            name="resume-match-worker",
            daemon=True,
        )
        with isolation.frozen_heap():
            process.start()
        child_end.close()
        return _Worker(process, parent_end, time.monotonic())

    def _assign(self, worker: _Worker) -> None:
        """Send a worker what a reader read, first, or the next file; with its deadline."""
        task: _Task
        limit = self.timeout
        if self.matching:
            task = self.matching.popleft()
            limit -= task[1].spent
        elif self.queue:
            task = self.queue.popleft()
        else:
            return
        try:
            worker.conn.send(task)
        except OSError:
            if isinstance(task[1], PreRead):
                self.matching.appendleft((task[0], task[1]))
            else:
                self.queue.appendleft((task[0], task[1]))
            return
        worker.task = task
        worker.deadline = time.monotonic() + limit

    @staticmethod
    def _waitables(workers: list[_Worker]) -> list[Any]:
        return [w.conn for w in workers] + [w.process.sentinel for w in workers]

    def _wait_time(self, workers: list[_Worker]) -> float:
        now = time.monotonic()
        deadlines = [
            w.deadline if w.ready else w.started + _STARTUP_LIMIT
            for w in workers
            if w.task is not None or not w.ready
        ]
        return max(0.0, min([now + 1.0, *deadlines]) - now)

    def _service(
        self,
        worker: _Worker,
        ready: set[Any],
        now: float,
        on_result: Callable[[int, dict[str, Any] | Encoded, bool], None],
    ) -> bool:
        """Handle what a worker said or did; True when it is gone and needs a replacement."""
        broken = False
        if worker.conn in ready:
            try:
                # A reader can say several things and leave: hear them all before its exit.
                while not self._hear(worker, worker.conn.recv(), on_result):
                    if not worker.conn.poll():
                        break
                else:
                    self._kill(worker)
                    self._give_back(worker)
                    return True
            except (EOFError, OSError):
                broken = True
        died = broken or (worker.process.sentinel in ready and not worker.process.is_alive())
        if died:
            self._kill(worker)
            if not worker.ready:
                raise ScreeningError(
                    f"a worker process stopped while starting (exit code {worker.process.exitcode})"
                )
            if worker.task is not None:
                on_result(worker.task[0], error_payload(CRASHED), False)
            self._give_back(worker)
            return True
        if worker.task is not None and now >= worker.deadline:
            self._kill(worker)
            on_result(worker.task[0], error_payload(timed_out(self.timeout)), False)
            self._give_back(worker)
            return True
        if not worker.ready and now >= worker.started + _STARTUP_LIMIT:
            self._kill(worker)
            raise ScreeningError(f"a worker process did not start within {_STARTUP_LIMIT:g} s")
        return False

    def _hear(
        self,
        worker: _Worker,
        message: tuple[Any, ...],
        on_result: Callable[[int, dict[str, Any] | Encoded, bool], None],
    ) -> bool:
        """Act on one message; True when it is a reader's last (it has stopped)."""
        kind = message[0]
        if kind == "ready":
            worker.ready = True
        elif kind == "failed":
            raise ScreeningError(f"a worker process could not start: {message[1]}")
        elif kind == "begun" and worker.ahead:
            worker.task = worker.ahead.popleft()
            worker.deadline = message[1] + self.timeout
        elif kind == "stopped":
            return True
        elif worker.task is not None:
            worker.task = None
            if kind == "read":
                self.matching.append((message[1], message[2]))
            else:
                _, index, payload, cacheable = message
                on_result(index, payload, cacheable)
        return False

    @staticmethod
    def _kill(worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()

    def _stop(self, workers: list[_Worker], graceful: bool) -> None:
        for worker in workers:
            if graceful and not worker.conn.closed:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        deadline = time.monotonic() + (2.0 if graceful else 0.0)
        for worker in workers:
            if worker.process.is_alive():
                worker.process.join(max(0.0, deadline - time.monotonic()))
            self._kill(worker)
            with contextlib.suppress(ValueError):
                worker.process.close()


def _widen(conn: Connection) -> None:
    """Let ``conn`` hold :data:`_READER_BUFFER` bytes unread, so that its writer is not stopped.

    A reader's results wait in its pipe until the matcher is built; with the system's default
    room (about 200 kB) a reader of small files stopped after some forty of them, idle for the
    rest of the build. What is written stays readable if the writer dies, so nothing it said is
    lost, unlike a queue of its own.
    """
    try:
        descriptor = os.dup(conn.fileno())
    except (OSError, ValueError):
        return
    try:
        end = socket.socket(fileno=descriptor)
    except OSError:  # not a socket (a one-way pipe): it keeps the room it has
        os.close(descriptor)
        return
    with end, contextlib.suppress(OSError):
        end.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, _READER_BUFFER)


def _busy(worker: _Worker) -> bool:
    return worker.task is not None or bool(worker.ahead)


def _suffix(source: Source) -> str:
    if isinstance(source, PurePath):
        return source.suffix
    name = source.name if isinstance(source, Inline) else str(source)
    return PurePath(name.rsplit("/", 1)[-1]).suffix


def _worker_main(conn: Connection, setup: WorkerSetup, shared: Checker | None = None) -> None:
    """A worker: take the parent's Checker or build one, then score files until it sends None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    isolation.exit_with_parent()
    try:
        checker = shared if shared is not None else _new_checker(setup)
        _ = checker.matcher
        # The same memory cap as check's child (resume_match.isolation), above the loaded model.
        isolation.cap_memory(setup.options.max_memory_mb)
    except Exception as exc:
        with contextlib.suppress(OSError):
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    try:
        conn.send(("ready",))
        while True:
            task = conn.recv()
            if task is None:
                return
            index, source = task
            if isinstance(source, PreRead):
                payload, cacheable = match_read(checker, source)
            else:
                payload, cacheable = score_source(checker, source, setup.check_function)
            conn.send(("done", index, encoded_payload(payload, setup.compress), cacheable))
    except (EOFError, OSError):
        # The screen is gone (killed, interrupted): nobody is left to answer, so leave quietly.
        return
