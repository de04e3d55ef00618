"""A reader: a worker forked before spaCy is loaded, which reads files while the parent builds
the matcher, and stops when the parent says so (the matcher is ready) or its files run out.

It tells the parent when it begins each file, so the parent holds the time limit to it and
knows which file a reader that dies or hangs was reading; each file comes back read
(:class:`~.score.PreRead`, for a worker with the matcher to finish) or, if it could not be
read, as its final result.
"""

from __future__ import annotations

import contextlib
import signal
import time
from multiprocessing.connection import Connection
from pathlib import Path

from .. import isolation
from ..api import Checker
from .score import PreRead, WorkerSetup, encoded_payload, read_path


def reader_main(conn: Connection, setup: WorkerSetup, files: list[tuple[int, Path]]) -> None:
    """Read ``files`` in order until the parent sends anything (it means stop), then say so."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    isolation.exit_with_parent()
    # No matcher is built: a Checker only reads until its matcher is asked for.
    checker = Checker(setup.taxonomy, setup.options, keep_text=True)
    isolation.cap_memory(setup.options.max_memory_mb)
    with contextlib.suppress(EOFError, OSError):
        for index, path in files:
            if conn.poll():
                break
            conn.send(("begun", time.monotonic()))
            outcome = read_path(checker, path)
            if isinstance(outcome, PreRead):
                conn.send(("read", index, outcome))
            else:
                payload, cacheable = outcome
                conn.send(("done", index, encoded_payload(payload, setup.compress), cacheable))
        conn.send(("stopped",))
