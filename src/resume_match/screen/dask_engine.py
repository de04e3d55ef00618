"""Run a screen's per-file work as Dask tasks, on a cluster or a LocalCluster started for the run.

Only the per-file step moves: discovery, pairing, the cache, ranking and the report stay with the
caller, which gets each file's object through ``on_result`` as it arrives, exactly as from the
local pool. Each task scores its file in an :class:`IsolatedScorer` child kept by the worker, so
a file that hangs is killed at the time limit (not left running on the worker) and a crash in a
reader costs that file only. Dask retries the tasks of a worker lost mid-run on the others; a file
that has taken down workers ``allowed-failures`` times becomes an error row, like a crash.
Tasks are submitted in a window, so the client's memory does not grow with the number of files.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from distributed.diagnostics.plugin import WorkerPlugin

from .. import __version__
from ..errors import ScreeningError, internal_error
from .score import CRASHED, Source, WorkerSetup, available_cpus, error_payload
from .task_child import IsolatedScorer

if TYPE_CHECKING:
    from distributed import Client, Future, Worker

OnResult = Callable[[int, dict[str, Any], bool], None]
_PLUGIN_PREFIX = "resume-match-"
_scorers: dict[tuple[str, int], IsolatedScorer] = {}
_scorers_lock = threading.Lock()


class DaskEngine:
    """Score files as Dask tasks.

    Args:
        scheduler: the address of a running scheduler (``tcp://host:8786``); None starts a
            LocalCluster of ``workers`` single-threaded worker processes for the run.
        workers: worker processes of the LocalCluster; None uses one per available CPU.
        window: tasks in flight at once per worker thread.
    """

    def __init__(
        self, scheduler: str | None = None, workers: int | None = None, window: int = 32
    ) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.window = window

    def run(
        self,
        setup: WorkerSetup,
        tasks: Sequence[tuple[int, Source]],
        timeout: float,
        on_result: OnResult,
    ) -> None:
        """Score every task; ``on_result(index, payload, cacheable)`` is called as each finishes.

        Raises:
            ScreeningError: the scheduler cannot be reached, the cluster cannot start, or its
                workers do not run this version of resume-match.
        """
        with self._client(len(tasks)) as client:
            _check_workers(client)
            token = f"{_PLUGIN_PREFIX}{uuid.uuid4().hex}"
            try:
                client.register_plugin(_SetupPlugin(token, setup), name=token)
            except Exception as exc:
                raise ScreeningError(
                    f"the Dask workers could not take the screen's setup ({exc})"
                ) from None
            try:
                self._run(client, token, tasks, timeout, on_result)
            finally:
                with contextlib.suppress(Exception):
                    client.unregister_worker_plugin(token)

    def _run(
        self,
        client: Client,
        token: str,
        tasks: Sequence[tuple[int, Source]],
        timeout: float,
        on_result: OnResult,
    ) -> None:
        from distributed import as_completed

        limit = max(1, sum(client.nthreads().values())) * self.window
        pending = iter(tasks)
        futures: dict[Future[Any], int] = {}

        def submit(count: int) -> list[Future[Any]]:
            batch = _take(pending, count)
            if not batch:
                return []
            submitted = client.map(
                score_task,
                [token] * len(batch),
                [source for _, source in batch],
                [timeout] * len(batch),
                key=[f"{token}-{index}" for index, _ in batch],
                pure=False,
            )
            futures.update(zip(submitted, (index for index, _ in batch), strict=True))
            return list(submitted)

        running = as_completed(submit(limit), with_results=True, raise_errors=False)
        try:
            for future, result in running:
                index = futures.pop(future)
                future.release()
                on_result(index, *_outcome(result))
                if len(futures) <= limit // 2:
                    running.update(submit(limit - len(futures)))
        except BaseException:
            client.cancel(list(futures))
            raise

    @contextlib.contextmanager
    def _client(self, size: int) -> Iterator[Client]:
        import distributed

        if self.scheduler is not None:
            try:
                client = distributed.Client(self.scheduler, timeout="30s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise ScreeningError(
                    f"cannot reach the Dask scheduler at {self.scheduler} ({exc}); "
                    "check the address and that the scheduler is running"
                ) from None
            with client:
                yield client
            return
        workers = max(1, min(self.workers or available_cpus(), size))
        try:
            cluster = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.CRITICAL,
            )
        except Exception as exc:
            raise ScreeningError(f"could not start a local Dask cluster ({exc})") from None
        with cluster, distributed.Client(cluster) as client:
            yield client


def worker_version() -> str:
    """The resume-match version a worker runs (results must not depend on where a file went)."""
    return __version__


def _check_workers(client: Client) -> None:
    try:
        versions = client.run(worker_version)
    except Exception as exc:
        detail = " ".join(str(exc).split())[:200]
        raise ScreeningError(
            f"the Dask workers cannot run resume-match ({type(exc).__name__}: {detail}); "
            f"install resume-match {__version__} on every worker"
        ) from None
    wrong = sorted({version for version in versions.values() if version != __version__})
    if wrong:
        raise ScreeningError(
            f"the Dask workers run resume-match {', '.join(wrong)}, not {__version__}; "
            "install the same version everywhere so results do not depend on the worker"
        )


def score_task(token: str, source: Source, timeout: float) -> tuple[dict[str, Any], bool]:
    """The Dask task: score one file in this worker's isolated child."""
    from distributed import get_worker

    worker = get_worker()
    plugin = worker.plugins.get(token)
    if not isinstance(plugin, _SetupPlugin):
        raise RuntimeError(f"the worker {worker.address} has no resume-match setup {token}")
    key = (token, threading.get_ident())
    with _scorers_lock:
        scorer = _scorers.get(key)
        if scorer is None:
            scorer = _scorers[key] = IsolatedScorer(plugin.config)
    return scorer.score(source, timeout)


def _outcome(result: Any) -> tuple[dict[str, Any], bool]:
    """A finished task's object; a task that killed its workers, or failed, is an error row."""
    from distributed import KilledWorker

    if isinstance(result, KilledWorker):
        return error_payload(CRASHED), False
    if isinstance(result, BaseException):
        detail = " ".join(str(result).split())[:200]
        reason = internal_error(f"{type(result).__name__}: {detail}")
        return error_payload(reason), False
    payload, cacheable = result
    return payload, cacheable


def _take(iterator: Iterator[tuple[int, Source]], count: int) -> list[tuple[int, Source]]:
    taken = []
    for item in iterator:
        taken.append(item)
        if len(taken) >= count:
            break
    return taken


class _SetupPlugin(WorkerPlugin):
    """Gives every worker, including ones that join or restart mid-run, the screen's setup.

    Its teardown, when the run unregisters it, stops the worker's scoring children.
    """

    def __init__(self, token: str, config: WorkerSetup) -> None:
        self.token = token
        self.config = config

    def teardown(self, worker: Worker) -> None:
        with _scorers_lock:
            for key in [k for k in _scorers if k[0] == self.token]:
                _scorers.pop(key).close()
