"""screen(): find, pair, reuse cached results, score the rest on an engine, rank.

Each file's result goes to the run's :class:`RunStore` on disk as it arrives; ranking sorts small
keys there and the report reads the candidates back one at a time, so memory stays flat however
many files a screen has.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import json
import os
import stat
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from .. import __version__
from ..cache import ResultCache
from ..errors import RECURSIVE_HINT, VANISHED, CacheError, ScreeningError
from ..isolation import TIME_LIMIT
from ..reading import ReadOptions
from ..report import result_from_dict
from ..taxonomy import Taxonomy, load_taxonomy
from .discover import Discovery, FilePath, discover, display_path
from .duplicates import FINGERPRINT
from .engines import Engine, LocalEngine
from .pairing import pair_files
from .results import StoredResults, fold_stored
from .score import (
    CheckFunction,
    Source,
    WorkerSetup,
    check_file,
    error_payload,
    task_source,
)
from .shortlist import ScreenReport, Shortlist
from .store import Encoded, RunStore, StoredSequence
from .table import skipped_summary
from .urls import is_url, open_bytes

DEFAULT_TIMEOUT = TIME_LIMIT
_LOOKUP = 500


@dataclass(frozen=True)
class Progress:
    """How far a screen has got: ``done`` counts files from the cache as well as files read."""

    done: int
    total: int
    cached: int
    failed: int
    elapsed: float


def screen(
    paths: Sequence[FilePath],
    taxonomy: Taxonomy | None = None,
    options: ReadOptions | None = None,
    *,
    recursive: bool = False,
    follow_links: bool = True,
    jobs: int | None = None,
    timeout: float | None = None,
    cache: ResultCache | None = None,
    shortlist: Shortlist | None = None,
    progress: Callable[[Progress], None] | None = None,
    check_function: CheckFunction = check_file,
    fold_same_documents: bool = True,
    engine: Engine | None = None,
) -> ScreenReport:
    """Score every candidate found under ``paths`` and rank them.

    Args:
        paths: folders (or single files) to screen; URLs (``s3://bucket/applications/``) are
            read through fsspec.
        taxonomy: the role's skills; None loads the bundled one.
        options: reading limits, as for ``check``.
        recursive: search sub-folders at any depth.
        follow_links: read what symbolic links lead to, even out of the folder.
        jobs: worker processes; None uses one per available CPU.
        timeout: seconds one file may take before its worker is killed; None takes
            ``options.time_limit``.
        cache: earlier results to reuse and to add to; None reads every file.
        shortlist: filters for the shortlist; None keeps every scored candidate.
        progress: called after each file (and once at the start), from this process.
        check_function: what a worker runs on a file; a module-level function (it is pickled).
        fold_same_documents: list files that hold the same document (by their text: a PDF and
            a DOCX of one resume) as one candidate; False keeps every file its own candidate.
        engine: where the per-file work runs; None is this machine's pool of ``jobs`` workers
            (:class:`~resume_match.screen.dask_engine.DaskEngine` runs it on a Dask cluster).

    Returns:
        A :class:`ScreenReport`; unreadable files are rows with a status, never exceptions.

    Raises:
        ScreeningError: no supported file was found, or the workers could not start.
        TaxonomyError: a required skill id is not in the taxonomy.
    """
    started = time.monotonic()
    taxonomy = taxonomy or load_taxonomy()
    options = options or ReadOptions()
    shortlist = shortlist or Shortlist()
    shortlist.validate(taxonomy)
    timeout = options.time_limit if timeout is None else timeout
    if timeout <= 0:
        raise ScreeningError(f"the time limit must be above 0 s, not {timeout:g}")
    discovery = discover(paths, recursive, follow_links)
    candidates = pair_files(discovery)
    if not candidates:
        raise ScreeningError(_nothing_found(discovery))
    store = RunStore()
    try:
        batch = _Batch(
            [path for candidate in candidates for path in candidate.files],
            started,
            progress,
            cache,
            store,
        )
        if cache is not None:
            context = _context_hash(taxonomy, options, check_function)
            batch.reuse(context, discovery, options.max_bytes, partial(_usable, taxonomy=taxonomy))
        batch.report_progress()
        todo = batch.todo(discovery)
        skipped = discovery.skipped
        del discovery
        try:
            if todo:
                # Each worker is the file's isolation: no second child inside it.
                plain = replace(options, isolate=False)
                setup = WorkerSetup(taxonomy, plain, check_function, batch.cache is not None)
                (engine or LocalEngine(jobs)).run(setup, todo, timeout, batch.finish)
        finally:
            batch.flush()
        del todo
        bad_names = sum(1 for f in batch.files if display_path(f) != str(f))
        if bad_names:
            batch.warnings.append(
                f"{bad_names} file name(s) are not valid UTF-8; they are shown with \ufffd"
            )
        duplicates = 0
        if fold_same_documents:
            candidates, duplicates = fold_stored(candidates, batch.files, store)
        results = StoredResults(candidates, batch.files, store, taxonomy, options)
        shortlisted = results.rank(shortlist)
    except BaseException:
        store.close()
        raise
    return ScreenReport(
        candidates=StoredSequence(store, results.build),
        skipped=skipped,
        taxonomy=taxonomy,
        shortlist=shortlist,
        read=len(batch.files) - batch.cached,
        cached=batch.cached,
        failed=batch.failed,
        seconds=time.monotonic() - started,
        warnings=tuple(batch.warnings),
        duplicates=duplicates,
        shortlist_size=shortlisted,
        outline=results.outline,
    )


class _Batch:
    """The files of one screen and their results so far, with the cache and progress reports."""

    def __init__(
        self,
        files: list[FilePath],
        started: float,
        progress: Callable[[Progress], None] | None,
        cache: ResultCache | None,
        store: RunStore,
    ) -> None:
        self.files = files
        self.started = started
        self.progress = progress
        self.cache = cache
        self.store = store
        self.finished = bytearray(len(files))
        self.keys: list[str | None] = [None] * len(files)
        self.digests: list[str | None] = [None] * len(files)
        self.warnings: list[str] = []
        self.done = self.cached = self.failed = 0

    def reuse(
        self,
        context: str,
        discovery: Discovery,
        max_bytes: int,
        usable: Callable[[dict[str, Any]], bool],
    ) -> None:
        """Key each file on its content and ``context``, and take the cached results.

        Keys are looked up a few hundred at a time, so the hits never sit in memory together.
        A cached row that ``usable`` rejects (it decodes, but fields are missing or wrong) is
        read again rather than trusted.
        """
        damaged = 0
        sizes = {f.path: f.size for f in discovery.files}
        for start in range(0, len(self.files), _LOOKUP):
            chunk = range(start, min(start + _LOOKUP, len(self.files)))
            for index in chunk:
                if sizes.get(self.files[index], 0) <= max_bytes:
                    self._key(index, context)
            cache = self.cache
            if cache is None:
                return
            try:
                hits = cache.get_many_encoded(
                    k for k in (self.keys[i] for i in chunk) if k is not None
                )
            except CacheError as error:
                self._drop_cache(error)
                return
            for index in chunk:
                key = self.keys[index]
                if key is not None and key in hits:
                    payload, data = hits[key]
                    if not usable(payload):
                        damaged += 1
                        continue
                    self.cached += 1
                    self.finish(index, payload, cacheable=False, quiet=True, data=data)
        if damaged:
            self.warnings.append(
                f"the cache held {damaged} damaged result(s); those files were read again"
            )

    def _key(self, index: int, context: str) -> None:
        try:
            digest = _digest(self.files[index])
        except FileNotFoundError:
            self.finish(index, error_payload(VANISHED), cacheable=False, quiet=True)
            return
        except (OSError, ScreeningError):
            return
        self.digests[index] = digest
        self.keys[index] = hashlib.sha256(f"{context}:{digest}".encode()).hexdigest()

    def todo(self, discovery: Discovery) -> list[tuple[int, Source]]:
        """Files still to read, largest first, so that no big file is left for the end alone."""
        sizes = {f.path: f.size for f in discovery.files}
        waiting = [i for i, done in enumerate(self.finished) if not done]
        waiting.sort(key=lambda i: -sizes.get(self.files[i], 0))
        return [(i, task_source(self.files[i])) for i in waiting]

    def finish(
        self,
        index: int,
        payload: dict[str, Any] | Encoded,
        cacheable: bool,
        quiet: bool = False,
        data: bytes | None = None,
    ) -> None:
        """Record a file's result, remember it in the cache when it may be reused.

        ``data`` is the result already encoded (as the cache gave it); a worker sends its result
        :class:`Encoded`. The store and the cache keep the same encoded bytes, so a result is
        encoded at most once, and seldom here.
        """
        data = self.store.put(index, payload, data)
        status = payload.status if isinstance(payload, Encoded) else payload["status"]
        self.finished[index] = 1
        self.done += 1
        self.failed += status != "ok"
        key = self.keys[index]
        if self.cache is not None and cacheable and key is not None and self._unchanged(index):
            try:
                self.cache.put_encoded(key, data)
            except CacheError as error:
                self._drop_cache(error)
        if not quiet:
            self.report_progress()

    def _unchanged(self, index: int) -> bool:
        """Whether the file still holds the bytes its key was made from, now that it was read.

        A file rewritten during the run was read with other bytes than its key's: caching that
        result would give it to a later file with the old bytes.
        """
        try:
            return _digest(self.files[index]) == self.digests[index]
        except (OSError, ScreeningError):
            return False

    def report_progress(self) -> None:
        if self.progress is not None:
            elapsed = time.monotonic() - self.started
            self.progress(Progress(self.done, len(self.files), self.cached, self.failed, elapsed))

    def flush(self) -> None:
        if self.cache is not None:
            try:
                self.cache.flush()
            except CacheError as error:
                self._drop_cache(error)

    def _drop_cache(self, error: CacheError) -> None:
        self.warnings.append(f"the cache was turned off: {error}")
        self.cache = None


def _context_hash(taxonomy: Taxonomy, options: ReadOptions, check_function: CheckFunction) -> str:
    """Everything besides the file's bytes that decides its result."""
    skills = json.dumps([dataclasses.asdict(s) for s in taxonomy.skills], sort_keys=True)
    context = {
        "taxonomy": [taxonomy.id, taxonomy.name, hashlib.sha256(skills.encode()).hexdigest()],
        "version": __version__,
        "options": dataclasses.asdict(options),
        "check": f"{check_function.__module__}.{check_function.__qualname__}",
        "fingerprint": FINGERPRINT,
    }
    return hashlib.sha256(json.dumps(context, sort_keys=True).encode()).hexdigest()


def file_digest(path: Path) -> str:
    """SHA-256 of a regular file's bytes, without ever blocking on a pipe or a device.

    The file was a regular file when the folder was searched; by now it may have been replaced
    by a FIFO, whose plain ``open`` would wait for a writer for ever.

    Raises:
        OSError: it cannot be opened, or is no longer a regular file.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "no longer a regular file")
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _digest(path: FilePath) -> str:
    """SHA-256 of a local file (:func:`file_digest`) or of the file at a URL."""
    if not is_url(path):
        return file_digest(Path(path))
    with open_bytes(path) as handle:
        content = hashlib.sha256()
        while chunk := handle.read(1 << 20):
            content.update(chunk)
        return content.hexdigest()


def _usable(payload: dict[str, Any], taxonomy: Taxonomy) -> bool:
    try:
        result_from_dict(payload, taxonomy, file="")
    except (KeyError, TypeError, ValueError, AttributeError):
        return False
    return True


def _nothing_found(discovery: Discovery) -> str:
    message = "found no PDF, DOCX, TXT or MD files to screen"
    if discovery.skipped:
        message += f" (skipped {skipped_summary(discovery.skipped)})"
    if any(s.kind == "sub-folder" for s in discovery.skipped):
        message += f"; {RECURSIVE_HINT}"
    return message
