"""Worker processes that score one file at a time, with a deadline, replaced when they die.

Each worker builds one :class:`Checker` and caps its memory as :mod:`resume_match.isolation` does;
a file that takes longer than the time limit has its worker killed and replaced, and a worker that
dies takes only its current file with it. Results travel back in :mod:`resume_match.report`'s
complete form, the one the cache stores, with its encoded bytes (the parent does not encode).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
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
from .score import (
    CRASHED,
    Inline,
    Source,
    WorkerSetup,
    encoded_payload,
    error_payload,
    score_source,
    timed_out,
)

_STARTUP_LIMIT = 180.0


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    started: float
    ready: bool = False
    task: tuple[int, Source] | None = None
    deadline: float = 0.0


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
        forked = self.context.get_start_method() == "fork"
        self.checker = _shared_checker(setup) if forked else None

    def run(
        self,
        tasks: Sequence[tuple[int, Source]],
        on_result: Callable[[int, dict[str, Any], bool], None],
    ) -> None:
        """Run every task; ``on_result(index, payload, cacheable)`` is called as each finishes."""
        queue = deque(tasks)
        workers: list[_Worker] = []
        if self.checker is not None:
            preload_readers({_suffix(source) for _, source in tasks})
        try:
            workers.extend(self._start() for _ in range(self.size))
            while queue or any(w.task is not None for w in workers):
                for worker in workers:
                    if worker.ready and worker.task is None and queue:
                        self._assign(worker, queue)
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

    def _assign(self, worker: _Worker, queue: deque[tuple[int, Source]]) -> None:
        task = queue.popleft()
        try:
            worker.conn.send(task)
        except OSError:
            queue.appendleft(task)
            return
        worker.task = task
        worker.deadline = time.monotonic() + self.timeout

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
        on_result: Callable[[int, dict[str, Any], bool], None],
    ) -> bool:
        """Handle what a worker said or did; True when it is gone and needs a replacement."""
        broken = False
        if worker.conn in ready:
            try:
                message = worker.conn.recv()
            except (EOFError, OSError):
                broken = True
            else:
                if message[0] == "ready":
                    worker.ready = True
                elif message[0] == "failed":
                    raise ScreeningError(f"a worker process could not start: {message[1]}")
                elif worker.task is not None:
                    _, index, payload, cacheable = message
                    worker.task = None
                    on_result(index, payload, cacheable)
        died = broken or (worker.process.sentinel in ready and not worker.process.is_alive())
        if died:
            self._kill(worker)
            if not worker.ready:
                raise ScreeningError(
                    f"a worker process stopped while starting (exit code {worker.process.exitcode})"
                )
            if worker.task is not None:
                on_result(worker.task[0], error_payload(CRASHED), False)
            return True
        if worker.task is not None and now >= worker.deadline:
            self._kill(worker)
            on_result(worker.task[0], error_payload(timed_out(self.timeout)), False)
            return True
        if not worker.ready and now >= worker.started + _STARTUP_LIMIT:
            self._kill(worker)
            raise ScreeningError(f"a worker process did not start within {_STARTUP_LIMIT:g} s")
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


def _suffix(source: Source) -> str:
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
            payload, cacheable = score_source(checker, source, setup.check_function)
            conn.send(("done", index, encoded_payload(payload), cacheable))
    except (EOFError, OSError):
        # The screen is gone (killed, interrupted): nobody is left to answer, so leave quietly.
        return
