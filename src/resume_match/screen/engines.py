"""Where a screen's per-file work runs: this machine's worker pool, or a Dask cluster.

An engine takes the files still to score and calls ``on_result(index, payload, cacheable)`` for
each as it finishes; everything else (discovery, pairing, cache, ranking, reports) belongs to the
screen and is the same whatever the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, Protocol

from ..errors import ScreeningError
from .score import Source
from .task_child import ScorerSetup

EngineName = Literal["local", "dask"]
ENGINES: tuple[EngineName, ...] = ("local", "dask")
OnResult = Callable[[int, dict[str, Any], bool], None]
DASK_MISSING = "the dask engine needs Dask; install resume-match[dask]"


class Engine(Protocol):
    """Runs the per-file work of a screen."""

    def run(
        self,
        setup: ScorerSetup,
        tasks: Sequence[tuple[int, Source]],
        timeout: float,
        on_result: OnResult,
    ) -> None: ...


def make_engine(
    name: EngineName, jobs: int | None = None, scheduler: str | None = None
) -> Engine | None:
    """The engine called ``name``; None for the local pool, which the screen sizes to the work.

    Raises:
        ScreeningError: Dask is asked for but not installed, or ``scheduler`` is given without it.
    """
    if name == "local":
        if scheduler is not None:
            raise ScreeningError("a scheduler address needs the dask engine")
        return None
    try:
        from .dask_engine import DaskEngine
    except ImportError:
        raise ScreeningError(DASK_MISSING) from None
    return DaskEngine(scheduler=scheduler, workers=jobs)
