"""A SQLite cache of per-file screening results, so a re-run only reads new or changed files.

Rows are keyed on a hash of the file's bytes together with everything else that decides its result
(taxonomy, tool version, read options), never on its name: a renamed or copied file still hits.
WAL mode and a busy timeout let two screens share the file; the oldest rows by last use are
evicted above ``max_rows``.
"""

from __future__ import annotations

import json
import os
import time
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from .errors import CACHE_HINT, CacheError

if TYPE_CHECKING:  # imported where used: a check finds the cache folder, never opens the cache
    import sqlite3

CACHE_ENV = "RESUME_MATCH_CACHE_DIR"
CACHE_FILE = "screen-cache.sqlite3"
MAX_ROWS = 50_000
_SCHEMA_VERSION = 1
# zlib level 1: a tenth larger than level 6 and a third cheaper; any level reads back the same.
_LEVEL = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL,
    last_used REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS results_last_used ON results (last_used);
"""


def encode_value(value: Mapping[str, Any], compress: bool = True) -> bytes:
    """A value as the cache (and a screen's run store) keeps it: compact JSON, zlib-compressed.

    ``compress=False`` leaves the JSON plain, for a screen's run store when nothing goes to the
    cache: compressing is a third of a worker's cost of sending a result, and decompressing a
    fifth of the parent's cost of reading it back.
    """
    text = json.dumps(value, separators=(",", ":")).encode("ascii")
    return zlib.compress(text, _LEVEL) if compress else text


def decode_value(data: bytes) -> dict[str, Any]:
    """What :func:`encode_value` made, compressed or not (a zlib stream never starts with "{").

    Raises:
        zlib.error, ValueError: ``data`` is damaged.
    """
    value: dict[str, Any] = json.loads(data if data[:1] == b"{" else zlib.decompress(data))
    return value


def default_cache_dir() -> Path:
    """``$RESUME_MATCH_CACHE_DIR`` when set, else the user's cache folder for resume-match."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("resume-match"))


def default_cache_path() -> Path:
    """Where ``resume-match screen`` keeps its cache unless told otherwise."""
    return default_cache_dir() / CACHE_FILE


class ResultCache:
    """Cached results by key; values are JSON objects, stored zlib-compressed (about 2.8 KB a file).

    Writes are buffered and committed in batches, so a cache shared by two runs holds its write
    lock only briefly.
    """

    def __init__(
        self, path: Path | str | None = None, max_rows: int = MAX_ROWS, busy_timeout: float = 30.0
    ) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self.max_rows = max_rows
        self._pending: dict[str, bytes] = {}
        self._touched: set[str] = set()
        self._closed = False
        import sqlite3

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"cannot be opened ({exc}); {CACHE_HINT}", self.path) from None
        try:
            self._db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, _SCHEMA_VERSION):
                raise CacheError(
                    f"was written by another version of resume-match (schema {version}); "
                    f"delete it or {CACHE_HINT}",
                    self.path,
                )
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        except sqlite3.Error as exc:
            self._db.close()
            raise CacheError(_unusable(exc), self.path) from None
        except CacheError:
            self._db.close()
            raise

    def get_many(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The cached values among ``keys``; each hit counts as a use, for eviction."""
        return {key: value for key, (value, _) in self.get_many_encoded(keys).items()}

    def get_many_encoded(self, keys: Iterable[str]) -> dict[str, tuple[dict[str, Any], bytes]]:
        """:meth:`get_many` with each value's stored bytes, to keep elsewhere without encoding
        it again (:meth:`put`'s ``data``)."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, tuple[dict[str, Any], bytes]] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._run(f"SELECT key, value FROM results WHERE key IN ({marks})", chunk)
            for key, value in rows:
                try:
                    found[key] = (decode_value(value), bytes(value))
                except (zlib.error, ValueError):
                    continue
        self._touched.update(found)
        return found

    def put(self, key: str, value: Mapping[str, Any], data: bytes | None = None) -> None:
        """Remember ``value`` under ``key``; written at the next :meth:`flush`.

        ``data`` is ``value`` already encoded by :func:`encode_value`, when the caller has it.
        """
        self.put_encoded(key, encode_value(value) if data is None else data)

    def put_encoded(self, key: str, data: bytes) -> None:
        """Remember a value already encoded by :func:`encode_value` under ``key``."""
        self._pending[key] = data
        if len(self._pending) >= 200:
            self.flush()

    def flush(self) -> None:
        """Write buffered values and the last-use times of hits, in one short transaction."""
        if not self._pending and not self._touched:
            return
        now = time.time()
        pending, touched = self._pending, self._touched
        self._pending, self._touched = {}, set()
        import sqlite3

        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "INSERT OR REPLACE INTO results (key, value, last_used) VALUES (?, ?, ?)",
                [(key, value, now) for key, value in pending.items()],
            )
            self._db.executemany(
                "UPDATE results SET last_used = ? WHERE key = ?",
                [(now, key) for key in touched - pending.keys()],
            )
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise CacheError(f"cannot be written ({exc}); {CACHE_HINT}", self.path) from None

    def prune(self) -> int:
        """Evict the least recently used rows above ``max_rows``; return how many went."""
        self.flush()
        count = self._run("SELECT COUNT(*) FROM results")[0][0]
        excess = int(count) - self.max_rows
        if excess <= 0:
            return 0
        self._run(
            "DELETE FROM results WHERE key IN "
            "(SELECT key FROM results ORDER BY last_used, key LIMIT ?)",
            [excess],
        )
        return excess

    def __len__(self) -> int:
        return int(self._run("SELECT COUNT(*) FROM results")[0][0])

    def close(self) -> None:
        """Flush, prune and close; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        try:
            self.prune()
        finally:
            self._db.close()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _run(self, sql: str, parameters: Iterable[Any] = ()) -> list[Any]:
        import sqlite3

        try:
            return self._db.execute(sql, tuple(parameters)).fetchall()
        except sqlite3.ProgrammingError:
            raise CacheError("is closed", self.path) from None
        except sqlite3.Error as exc:
            raise CacheError(_unusable(exc), self.path) from None


def _unusable(exc: sqlite3.Error) -> str:
    return f"is unusable ({exc}); delete it or {CACHE_HINT}"
