"""The per-file function, the isolated scorer and the Dask engine (skipped without Dask)."""

from __future__ import annotations

import os
import pickle
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import STRONG_RESUME, write
from resume_match.api import Checker, DocumentResult
from resume_match.reading import ReadOptions
from resume_match.screen.score import (
    FileScorer,
    WorkerSetup,
    check_file,
    error_payload,
    score_file,
)
from resume_match.screen.task_child import IsolatedScorer
from resume_match.taxonomy import Taxonomy


def slow_on_name(checker: Checker, path: Path) -> DocumentResult:
    """Hangs on files named slow*, after leaving its process id beside the file."""
    if path.name.startswith("slow"):
        (path.parent / f"{path.name}.pid").write_text(str(os.getpid()))
        time.sleep(120)
    return checker.check_document(path)


def crash_on_name(checker: Checker, path: Path) -> DocumentResult:
    """Kills its process on files named crash*, like a segfault in a parser."""
    if path.name.startswith("crash"):
        os._exit(3)
    return checker.check_document(path)


def slow_everywhere(checker: Checker, path: Path) -> DocumentResult:
    """Takes half a second a file, so that a worker can be killed while files are in flight."""
    time.sleep(0.5)
    return checker.check_document(path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# --- score_file -------------------------------------------------------------------------------


def test_score_file_takes_a_path_or_bytes_and_gives_the_same_object(tmp_path: Path) -> None:
    path = write(tmp_path, "jordan.txt", STRONG_RESUME)
    from_path = score_file(path)
    from_bytes = score_file(path.read_bytes(), name=str(path))
    assert from_path == from_bytes
    assert from_path["status"] == "ok" and from_path["score"] > 50
    assert from_path["file"] == str(path)
    assert {"matched", "missing", "extras", "flags", "kind", "pages"} <= from_path.keys()


def test_score_file_never_raises_for_a_bad_file(tmp_path: Path) -> None:
    broken = score_file(b"%PDF-1.4 truncated", name="broken.pdf")
    assert broken["status"] == "error" and "PDF" in broken["reason"]
    assert score_file(b"", name="empty.txt")["status"] == "empty"
    assert score_file(tmp_path / "missing.txt")["status"] == "error"
    assert score_file(b"plain words", name="photo.png")["status"] == "error"


def test_file_scorer_pickles_and_uses_its_taxonomy(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write(tmp_path, "jordan.txt", STRONG_RESUME)
    scorer = pickle.loads(pickle.dumps(FileScorer(taxonomy)))
    assert scorer(path) == score_file(path, taxonomy)
    assert pickle.loads(pickle.dumps(score_file)) is score_file


# --- the isolated scorer ----------------------------------------------------------------------


def _setup(taxonomy: Taxonomy, check: Any = check_file) -> WorkerSetup:
    return WorkerSetup(taxonomy, ReadOptions(), check)


def test_isolated_scorer_cuts_off_a_hang_and_kills_its_child(
    tmp_path: Path, taxonomy: Taxonomy
) -> None:
    good = write(tmp_path, "a.txt", STRONG_RESUME)
    slow = write(tmp_path, "slow.txt", STRONG_RESUME)
    scorer = IsolatedScorer(_setup(taxonomy, slow_on_name))
    try:
        assert scorer.score(good, 30)[0]["status"] == "ok"
        started = time.monotonic()
        payload, cacheable = scorer.score(slow, 1)
        assert time.monotonic() - started < 10
        assert payload["reason"] == "timed out after 1 s; the file may be damaged or hostile"
        assert not cacheable
        assert not _alive(int((tmp_path / "slow.txt.pid").read_text()))
        assert scorer.score(good, 30) == (score_file(good, taxonomy) | {"file": str(good)}, True)
    finally:
        scorer.close()


def test_isolated_scorer_survives_a_crash(tmp_path: Path, taxonomy: Taxonomy) -> None:
    good = write(tmp_path, "a.txt", STRONG_RESUME)
    crash = write(tmp_path, "crash.txt", STRONG_RESUME)
    scorer = IsolatedScorer(_setup(taxonomy, crash_on_name))
    try:
        assert scorer.score(crash, 30) == (error_payload("the reader crashed on this file"), False)
        assert scorer.score(good, 30)[0]["status"] == "ok"
    finally:
        scorer.close()


# --- the Dask engine --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Any:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def test_dask_engine_gives_every_file_and_cuts_off_hangs(
    tmp_path: Path, taxonomy: Taxonomy, cluster: Any
) -> None:
    from resume_match.screen.dask_engine import DaskEngine

    paths = [write(tmp_path, f"{n}.txt", STRONG_RESUME) for n in ("a", "b", "c")]
    paths.append(write(tmp_path, "slow.txt", STRONG_RESUME))
    results: dict[int, tuple[dict[str, Any], bool]] = {}
    DaskEngine(cluster.scheduler_address).run(
        _setup(taxonomy, slow_on_name),
        list(enumerate(paths)),
        2,
        lambda index, payload, cacheable: results.__setitem__(index, (payload, cacheable)),
    )
    assert sorted(results) == [0, 1, 2, 3]
    assert all(results[i][0]["status"] == "ok" and results[i][1] for i in range(3))
    assert results[3][0]["reason"].startswith("timed out after 2 s")
    assert not _alive(int((tmp_path / "slow.txt.pid").read_text()))


def test_dask_engine_retries_the_files_of_a_killed_worker(
    tmp_path: Path, taxonomy: Taxonomy, cluster: Any
) -> None:
    from distributed import Client

    from resume_match.screen.dask_engine import DaskEngine

    paths = [write(tmp_path, f"{n:02}.txt", STRONG_RESUME) for n in range(24)]
    results: dict[int, dict[str, Any]] = {}
    with Client(cluster.scheduler_address) as client:
        victims = list(client.run(os.getpid).values())

        def on_result(index: int, payload: dict[str, Any], cacheable: bool) -> None:
            results[index] = payload
            if len(results) == 3:
                os.kill(victims[0], signal.SIGKILL)

        DaskEngine(cluster.scheduler_address).run(
            _setup(taxonomy, slow_everywhere), list(enumerate(paths)), 30, on_result
        )
        assert victims[0] not in client.run(os.getpid).values()
    assert sorted(results) == list(range(24))
    assert {payload["status"] for payload in results.values()} == {"ok"}
