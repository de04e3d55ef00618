"""The SQLite result cache: round trips, eviction, sharing between processes, broken files."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from resume_match.cache import ResultCache, default_cache_dir, default_cache_path
from resume_match.errors import CacheError


def test_values_survive_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    value = {"status": "ok", "score": 81.8, "matched": [{"id": "x", "text": "café \udce9"}]}
    with ResultCache(path) as cache:
        cache.put("k1", value)
        assert cache.get_many(["k1"]) == {}
    with ResultCache(path) as cache:
        assert cache.get_many(["k1", "k2"]) == {"k1": value}
        assert len(cache) == 1


def test_wal_mode(tmp_path: Path) -> None:
    with ResultCache(tmp_path / "c.sqlite3"):
        db = sqlite3.connect(tmp_path / "c.sqlite3")
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        db.close()


def test_least_recently_used_rows_go_first(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    with ResultCache(path, max_rows=1000) as cache:
        for index in range(5):
            cache.put(f"k{index}", {"n": index})
    db = sqlite3.connect(path)
    db.executemany(
        "UPDATE results SET last_used = ? WHERE key = ?", [(i, f"k{i}") for i in range(5)]
    )
    db.commit()
    db.close()
    with ResultCache(path, max_rows=3) as cache:
        cache.get_many(["k0"])
    with ResultCache(path, max_rows=3) as cache:
        assert set(cache.get_many(f"k{i}" for i in range(5))) == {"k0", "k3", "k4"}


def _fill(path: Path, prefix: str) -> None:
    with ResultCache(path, max_rows=10_000) as cache:
        for index in range(300):
            cache.put(f"{prefix}{index}", {"n": index})
            if index % 50 == 0:
                cache.flush()
                cache.get_many([f"{prefix}{index}"])


def test_two_processes_share_one_cache(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    ResultCache(path).close()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_fill, args=(path, prefix)) for prefix in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    with ResultCache(path) as cache:
        assert len(cache) == 600


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"not a database" * 200)
    with pytest.raises(CacheError, match="delete it or turn the cache off"):
        ResultCache(path)


def test_a_cache_folder_that_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(CacheError, match="cannot be opened"):
        ResultCache(tmp_path / "file" / "c.sqlite3")


def test_location_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESUME_MATCH_CACHE_DIR", str(tmp_path))
    assert default_cache_dir() == tmp_path
    assert default_cache_path() == tmp_path / "screen-cache.sqlite3"
    monkeypatch.delenv("RESUME_MATCH_CACHE_DIR")
    assert "resume-match" in str(default_cache_dir())


def test_values_written_by_earlier_versions_still_read(tmp_path: Path) -> None:
    """Earlier versions compressed at level 6; the codec reads any level, so no version bump."""
    import json
    import zlib

    cache = ResultCache(tmp_path / "c.sqlite3")
    value = {"status": "ok", "score": 42.0}
    cache.put("new", value)
    cache.flush()
    old = zlib.compress(json.dumps(value, separators=(",", ":")).encode("ascii"), 6)
    with sqlite3.connect(tmp_path / "c.sqlite3") as db:
        db.execute("INSERT INTO results VALUES ('old', ?, 0)", (old,))
    found = cache.get_many_encoded(["old", "new", "absent"])
    assert found["old"] == (value, old)
    assert found["new"][0] == value
    assert cache.get_many(["old", "new"]) == {"old": value, "new": value}
    cache.close()
