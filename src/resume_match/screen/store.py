"""A screen's results on disk as they arrive, so its memory does not grow with the number of files.

Each file's object (about 3 KB compressed) goes into a private SQLite file the moment a worker
sends it, instead of staying in memory until the report is assembled, with the few fields that
folding and ranking need (status, score, skill ids, fingerprint) in columns of their own, so those
steps never decode an object. Ranking is a sort of small keys in SQLite; the candidates are then
read back one at a time, in rank order, by whoever writes the table or the report. The file is
deleted when the store is closed.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
import weakref
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar, overload

from ..cache import decode_value, encode_value

T = TypeVar("T")
U = TypeVar("U")
# Ranks and reasons for (status, score, found skill ids) in rank order: shortlist.number.
Numbering = Callable[
    [Iterator[tuple[str, float | None, set[str]]]], Iterator[tuple[int | None, str]]
]
_BATCH = 500
_SCHEMA = """
CREATE TABLE payloads (
    idx INTEGER PRIMARY KEY, value BLOB NOT NULL, status TEXT, score REAL, found TEXT NOT NULL,
    sketch BLOB
);
CREATE TABLE candidates (
    pos INTEGER PRIMARY KEY, failed INTEGER NOT NULL, score REAL NOT NULL,
    name BLOB NOT NULL, files BLOB NOT NULL, status TEXT NOT NULL, raw_score REAL,
    found TEXT NOT NULL, starred INTEGER NOT NULL
);
CREATE TABLE ranking (
    place INTEGER PRIMARY KEY, pos INTEGER NOT NULL, rank INTEGER, filtered_out TEXT NOT NULL
);
"""


class Fields(NamedTuple):
    """What folding and ranking read of a file's object, without decoding it."""

    status: str
    score: float | None
    found: tuple[str, ...]
    """Ids of the skills shown, core or extra."""
    sketch: Sequence[int] | None
    """The text's fingerprint, for a file that was scored and has one."""


@dataclass(frozen=True, slots=True)
class Encoded:
    """A file's object as the store keeps it: encoded, with its columns beside it.

    What a worker sends instead of the object: the parent of a screen, which shares two cores with
    the workers, then neither unpickles nor decodes the object of every file it is given.
    """

    data: bytes
    """:func:`~resume_match.cache.encode_value`'s bytes, as the cache keeps them too."""
    status: str | None
    score: float | None
    found: str
    """Ids of the skills shown, core or extra, space-separated."""
    sketch: bytes | None
    """The fingerprint of a scored file's text, as 32-bit integers, or None."""


def encoded(
    payload: Mapping[str, Any], data: bytes | None = None, compress: bool = True
) -> Encoded:
    """``payload`` encoded (``data``, when the caller has encoded it), with its columns;
    ``compress`` as for :func:`~resume_match.cache.encode_value`."""
    status = payload.get("status")
    found = " ".join(item["id"] for key in ("matched", "extras") for item in payload.get(key) or ())
    fingerprint = payload.get("fingerprint") if status == "ok" else None
    sketch = array("I", fingerprint).tobytes() if fingerprint else None
    data = encode_value(payload, compress) if data is None else data
    return Encoded(data, status, payload.get("score"), found, sketch)


class RunStore:
    """Per-file objects and per-candidate sort keys of one screen, in a temporary SQLite file.

    Writes are buffered and committed in batches. Not shared between processes or threads.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="resume-match-run-", dir=folder))
        self._db = sqlite3.connect(self._folder / "run.sqlite3", isolation_level=None)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("PRAGMA cache_size = -8192")
        self._db.execute("PRAGMA temp_store = FILE")
        self._db.executescript(_SCHEMA)
        self._finalizer = weakref.finalize(self, _remove, self._db, self._folder)
        self._payloads: list[tuple[Any, ...]] = []
        self._candidates: list[tuple[Any, ...]] = []
        self.count = 0

    def put(
        self, index: int, payload: Mapping[str, Any] | Encoded, data: bytes | None = None
    ) -> bytes:
        """Keep file ``index``'s object (a later put for the same index replaces it).

        ``data`` is the object as :func:`~resume_match.cache.encode_value` encodes it, when the
        caller has it; the encoded object is returned, for the cache to keep as it is.
        """
        row = payload if isinstance(payload, Encoded) else encoded(payload, data)
        self._payloads.append((index, row.data, row.status, row.score, row.found, row.sketch))
        if len(self._payloads) >= _BATCH:
            self._flush()
        return row.data

    def get(self, index: int) -> dict[str, Any] | None:
        """File ``index``'s object, or None when none was put."""
        self._flush()
        row = self._db.execute("SELECT value FROM payloads WHERE idx = ?", (index,)).fetchone()
        return None if row is None else dict(decode_value(row[0]))

    def fields(self, index: int) -> Fields | None:
        """File ``index``'s :class:`Fields`, or None when nothing was put."""
        self._flush()
        row = self._db.execute(
            "SELECT status, score, found, sketch FROM payloads WHERE idx = ?", (index,)
        ).fetchone()
        if row is None:
            return None
        status, score, found, sketch = row
        return Fields(status, score, tuple(found.split()), array("I", sketch) if sketch else None)

    def fields_of(self, indexes: Iterable[int]) -> dict[int, Fields]:
        """:meth:`fields` of many files at once, by index; files with nothing put are left out."""
        self._flush()
        found: dict[int, Fields] = {}
        wanted = list(indexes)
        for start in range(0, len(wanted), _BATCH):
            chunk = wanted[start : start + _BATCH]
            rows = self._db.execute(
                "SELECT idx, status, score, found, sketch FROM payloads WHERE idx IN "
                f"({','.join('?' * len(chunk))})",
                chunk,
            )
            for index, status, score, skills, sketch in rows:
                sketch_array = array("I", sketch) if sketch else None
                found[index] = Fields(status, score, tuple(skills.split()), sketch_array)
        return found

    def add_candidate(
        self,
        pos: int,
        status: str,
        score: float | None,
        name: str,
        files: Sequence[str],
        found: Iterable[str],
        starred: bool = False,
    ) -> None:
        """Record candidate ``pos``'s sort key: scored first, score down, then name and files.

        ``starred``: scored, but one of its documents could not be read (kept for :meth:`outline`).
        """
        key_files = "\x00".join(files).encode("utf-8", "surrogatepass")
        key_name = name.encode("utf-8", "surrogatepass")
        failed = int(status != "ok")
        found_text = " ".join(found)
        row = (
            pos,
            failed,
            -(score or 0.0),
            key_name,
            key_files,
            status,
            score,
            found_text,
            starred,
        )
        self._candidates.append(row)
        if len(self._candidates) >= _BATCH:
            self._flush()

    def rank(
        self,
        number: Callable[
            [Iterator[tuple[str, float | None, set[str]]]], Iterator[tuple[int | None, str]]
        ],
    ) -> int:
        """Sort the candidates, then give each the ``(rank, filtered_out)`` that ``number`` yields
        for ``(status, score, found skill ids)`` in rank order; return how many are shortlisted.

        The order is Python's for the same keys: UTF-8 bytes sort as code points do, and NUL
        (never in a path) between file names sorts a list before its extensions.
        """
        self._flush()
        self._db.execute("DELETE FROM ranking")
        self._db.execute(
            "INSERT INTO ranking (place, pos, rank, filtered_out) "
            "SELECT row_number() OVER (ORDER BY failed, score, name, files) - 1, pos, NULL, '' "
            "FROM candidates"
        )
        self.count = self._db.execute("SELECT COUNT(*) FROM ranking").fetchone()[0]
        shortlisted = 0
        updates: list[tuple[int | None, str, int]] = []
        keys = self._keys_in_rank_order()
        for place, (rank, reason) in enumerate(number(keys)):
            shortlisted += rank is not None and not reason
            updates.append((rank, reason, place))
            if len(updates) >= _BATCH:
                self._update_ranking(updates)
        self._update_ranking(updates)
        return shortlisted

    def _keys_in_rank_order(self) -> Iterator[tuple[str, float | None, set[str]]]:
        for start in range(0, self.count, _BATCH):
            rows = self._db.execute(
                "SELECT c.status, c.raw_score, c.found FROM ranking r JOIN candidates c "
                "ON c.pos = r.pos WHERE r.place >= ? AND r.place < ? ORDER BY r.place",
                (start, start + _BATCH),
            ).fetchall()
            for status, score, found in rows:
                yield status, score, set(found.split())

    def _update_ranking(self, updates: list[tuple[int | None, str, int]]) -> None:
        self._db.execute("BEGIN")
        self._db.executemany(
            "UPDATE ranking SET rank = ?, filtered_out = ? WHERE place = ?", updates
        )
        self._db.execute("COMMIT")
        updates.clear()

    def ranking(
        self, start: int = 0, stop: int | None = None
    ) -> Iterator[tuple[int, int | None, str]]:
        """``(pos, rank, filtered_out)`` from place ``start`` to ``stop``, in rank order.

        Rows are fetched in pages, so other queries (for the payloads) can run in between.
        """
        stop = self.count if stop is None else min(stop, self.count)
        while start < stop:
            end = min(stop, start + _BATCH)
            rows = self._db.execute(
                "SELECT pos, rank, filtered_out FROM ranking WHERE place >= ? AND place < ? "
                "ORDER BY place",
                (start, end),
            ).fetchall()
            yield from rows
            start = end

    def outline(self) -> Iterator[tuple[int, str, bool, str]]:
        """``(pos, status, starred, filtered_out)`` in rank order, none of the objects decoded."""
        for start in range(0, self.count, _BATCH):
            yield from self._db.execute(
                "SELECT r.pos, c.status, c.starred, r.filtered_out FROM ranking r JOIN candidates "
                "c ON c.pos = r.pos WHERE r.place >= ? AND r.place < ? ORDER BY r.place",
                (start, start + _BATCH),
            ).fetchall()

    def close(self) -> None:
        """Delete the file; safe to call twice (and done when the store is garbage collected)."""
        self._finalizer()

    def _flush(self) -> None:
        if not self._payloads and not self._candidates:
            return
        self._db.execute("BEGIN")
        self._db.executemany(
            "INSERT OR REPLACE INTO payloads VALUES (?, ?, ?, ?, ?, ?)", self._payloads
        )
        self._db.executemany(
            "INSERT INTO candidates VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", self._candidates
        )
        self._db.execute("COMMIT")
        self._payloads.clear()
        self._candidates.clear()


def _remove(db: sqlite3.Connection, folder: Path) -> None:
    with contextlib.suppress(sqlite3.Error):
        db.close()
    shutil.rmtree(folder, ignore_errors=True)


class StoredSequence(Sequence[T], Generic[T]):
    """The ranked candidates, rebuilt one at a time from a :class:`RunStore` by ``build``."""

    def __init__(self, store: RunStore, build: Callable[[int, int | None, str], T]) -> None:
        self._store = store
        self._build = build

    def __len__(self) -> int:
        return self._store.count

    def __iter__(self) -> Iterator[T]:
        for pos, rank, reason in self._store.ranking():
            yield self._build(pos, rank, reason)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        ((pos, rank, reason),) = self._store.ranking(index, index + 1)
        return self._build(pos, rank, reason)


class _Mapped(Sequence[U], Generic[T, U]):
    def __init__(self, items: Sequence[T], function: Callable[[T], U]) -> None:
        self._items = items
        self._function = function

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[U]:
        return map(self._function, self._items)

    @overload
    def __getitem__(self, index: int) -> U: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[U]: ...
    def __getitem__(self, index: int | slice) -> U | Sequence[U]:
        if isinstance(index, slice):
            return [self._function(item) for item in self._items[index]]
        return self._function(self._items[index])


def mapped(items: Sequence[T], function: Callable[[T], U]) -> Sequence[U]:
    """``items`` with ``function`` applied to each as it is read, none of them kept."""
    return _Mapped(items, function)
