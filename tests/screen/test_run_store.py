"""The run store keeps what folding, ranking and the table need beside each encoded result."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from helpers import STRONG_RESUME, write
from resume_match.cache import decode_value, encode_value
from resume_match.screen import screen
from resume_match.screen.store import RunStore
from resume_match.screen.table import render_table


def _payload(status: str, score: float | None, fingerprint: list[int]) -> dict[str, object]:
    return {
        "status": status,
        "score": score,
        "matched": [{"id": "ehr-systems", "evidence": []}],
        "extras": [{"id": "typing", "evidence": []}],
        "fingerprint": fingerprint,
    }


def test_fields_are_read_without_the_object_and_it_is_encoded_once() -> None:
    store = RunStore()
    try:
        payload = _payload("ok", 61.5, [3, 1, 2])
        data = store.put(0, payload)
        assert data == encode_value(payload)
        assert store.put(1, _payload("error", None, [7]), data=b"kept as given") == b"kept as given"
        first, second = store.fields(0), store.fields(1)
        assert first is not None and second is not None
        assert (first.status, first.score, first.found) == ("ok", 61.5, ("ehr-systems", "typing"))
        assert list(first.sketch or []) == [3, 1, 2]
        assert second.status == "error" and second.sketch is None
        assert store.fields(2) is None
        assert store.get(0) == decode_value(data) == payload
    finally:
        store.close()


def test_the_table_from_the_store_matches_the_table_from_the_results(tmp_path: Path) -> None:
    """The table's first pass reads the store's outline; it must not change a line."""
    folder = tmp_path / "apps"
    folder.mkdir()
    write(folder, "alex.txt", STRONG_RESUME)
    write(folder, "blair.txt", STRONG_RESUME.replace("Jordan Lee", "Blair Moss") + "\nTeam lead\n")
    write(folder, "casey-resume.txt", STRONG_RESUME.replace("Jordan Lee", "Casey Park"))
    (folder / "casey-cover-letter.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    write(folder, "empty.txt", "")
    report = screen([folder], jobs=1, fold_same_documents=False)
    assert report.outline is not None
    statuses = {c.name: s for c, s in report.outline()}
    assert "ok*" in statuses.values()
    for width in (60, 100, 200):
        assert render_table(report, width) == render_table(
            dataclasses.replace(report, outline=None), width
        )


def test_a_workers_result_crosses_the_pipe_with_its_encoded_bytes() -> None:
    import pickle

    from resume_match.screen.score import encoded_payload

    payload = _payload("ok", 70.0, [5, 9])
    sent = pickle.loads(pickle.dumps(encoded_payload(payload)))
    assert sent.data == encode_value(payload)
    assert len(pickle.dumps(sent)) < len(sent.data) + 200
    store, direct = RunStore(), RunStore()
    try:
        assert store.put(0, sent) == sent.data
        direct.put(0, payload)
        assert store.get(0) == payload
        assert store.fields(0) == direct.fields(0)
        assert store.fields(0) is not None and store.fields(0).sketch is not None
    finally:
        store.close()
        direct.close()
