"""The per-file step: score_file for any engine or cluster, and the isolated scorer child."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

from helpers import STRONG_RESUME, write
from resume_match.reading import ReadOptions
from resume_match.screen.score import (
    FileScorer,
    WorkerSetup,
    error_payload,
    score_file,
)
from resume_match.screen.task_child import IsolatedScorer
from resume_match.taxonomy import Taxonomy
from screen_fakes import alive, crash_on_name, slow_on_name

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


def test_isolated_scorer_cuts_off_a_hang_and_kills_its_child(
    tmp_path: Path, taxonomy: Taxonomy
) -> None:
    good = write(tmp_path, "a.txt", STRONG_RESUME)
    slow = write(tmp_path, "slow.txt", STRONG_RESUME)
    scorer = IsolatedScorer(WorkerSetup(taxonomy, ReadOptions(), slow_on_name))
    try:
        assert scorer.score(good, 30)[0]["status"] == "ok"
        started = time.monotonic()
        payload, cacheable = scorer.score(slow, 1)
        assert time.monotonic() - started < 10
        assert payload["reason"] == "timed out after 1 s; the file may be damaged or hostile"
        assert not cacheable
        assert not alive(int((tmp_path / "slow.txt.pid").read_text()))
        assert scorer.score(good, 30) == (score_file(good, taxonomy) | {"file": str(good)}, True)
    finally:
        scorer.close()


def test_isolated_scorer_survives_a_crash(tmp_path: Path, taxonomy: Taxonomy) -> None:
    good = write(tmp_path, "a.txt", STRONG_RESUME)
    crash = write(tmp_path, "crash.txt", STRONG_RESUME)
    scorer = IsolatedScorer(WorkerSetup(taxonomy, ReadOptions(), crash_on_name))
    try:
        assert scorer.score(crash, 30) == (error_payload("the reader crashed on this file"), False)
        assert scorer.score(good, 30)[0]["status"] == "ok"
    finally:
        scorer.close()
