"""Where a screen's per-file work runs: this machine's worker pool, or a Dask cluster.

An engine takes the files still to score and calls ``on_result(index, payload, cacheable)`` for
each as it finishes; everything else (discovery, pairing, cache, ranking, reports) belongs to the
screen and is the same whatever the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, Protocol

from ..errors import ScreeningError
from .pool import Pool
from .score import Source, WorkerSetup, available_cpus
from .store import Encoded

EngineName = Literal["local", "dask"]
ENGINES: tuple[EngineName, ...] = ("local", "dask")
OnResult = Callable[[int, dict[str, Any] | Encoded, bool], None]
DASK_MISSING = "the dask engine needs Dask; install resume-match[dask]"


class Engine(Protocol):
    """Runs the per-file work of a screen."""

    def run(
        self,
        setup: WorkerSetup,
        tasks: Sequence[tuple[int, Source]],
        timeout: float,
        on_result: OnResult,
    ) -> None: ...


class LocalEngine:
    """This machine's pool of ``jobs`` worker processes (None: one per CPU), sized to the work."""

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = jobs

    def run(
        self,
        setup: WorkerSetup,
        tasks: Sequence[tuple[int, Source]],
        timeout: float,
        on_result: OnResult,
    ) -> None:
        size = max(1, min(self.jobs or available_cpus(), len(tasks)))
        Pool(setup, size, timeout).run(tasks, on_result)


def make_engine(name: EngineName, jobs: int | None = None, scheduler: str | None = None) -> Engine:
    """The engine called ``name``, with ``jobs`` workers (for Dask: of the LocalCluster).

    Raises:
        ScreeningError: Dask is asked for but not installed, or ``scheduler`` is given without it.
    """
    if name == "local":
        if scheduler is not None:
            raise ScreeningError("a scheduler address needs the dask engine")
        return LocalEngine(jobs)
    try:
        from .dask_engine import DaskEngine
    except ImportError:
        raise ScreeningError(DASK_MISSING) from None
    return DaskEngine(scheduler=scheduler, workers=jobs)
