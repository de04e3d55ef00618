"""Accuracy on the hand-labelled set in tests/labelled (rules in its GUIDELINES.md)."""

from __future__ import annotations

import json
from pathlib import Path

from resume_match.api import Checker

LABELLED = Path(__file__).parent / "labelled"


def evaluate(checker: Checker) -> tuple[int, int, int, list[str]]:
    """True positives, false positives, false negatives, and a line per disagreement."""
    labels = json.loads((LABELLED / "labels.json").read_text(encoding="utf-8"))
    tp = fp = fn = 0
    disagreements: list[str] = []
    for name, label in sorted(labels.items()):
        result = checker.check_document(LABELLED / name)
        assert result.ok, f"{name}: {result.reason}"
        found = {m.skill.id for m in result.matched}
        expected = set(label["skills"])
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
        disagreements += [f"{name}: extra {s}" for s in sorted(found - expected)]
        disagreements += [f"{name}: missed {s}" for s in sorted(expected - found)]
    return tp, fp, fn, disagreements


def test_precision_and_recall_on_the_labelled_set(checker: Checker) -> None:
    tp, fp, fn, disagreements = evaluate(checker)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    summary = f"precision {precision:.3f} recall {recall:.3f}\n" + "\n".join(disagreements)
    assert precision >= 0.95, summary
    assert recall >= 0.95, summary


def test_the_labelled_set_is_varied() -> None:
    labels = json.loads((LABELLED / "labels.json").read_text(encoding="utf-8"))
    assert len(labels) >= 40
    kinds = {label["kind"] for label in labels.values()}
    assert kinds == {"resume", "cover-letter"}
    counts: dict[str, int] = {}
    for label in labels.values():
        for skill in label["skills"]:
            counts[skill] = counts.get(skill, 0) + 1
    assert len(counts) == 17
    assert all(8 <= count <= len(labels) - 8 for count in counts.values()), counts
