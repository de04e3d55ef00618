"""Accuracy on the hand-labelled sets (rules in tests/data/labelled/GUIDELINES.md).

- ``labelled/``: written with the taxonomy in view and used to tune it.
- ``heldout/``, ``blind/``, ``final/``, ``fresh/`` and ``blind2/`` to ``blind11/``: written by
  people who never saw the taxonomy or the matcher. Their first measurement was the honest one
  (see the README); they have since been used to find gaps, so the floors here guard against
  regressions rather than promise accuracy. ``blind11/`` has driven no fix yet: its floor sits
  just under what the tool read on it when it was kept out.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resume_match.api import Checker

TESTS = Path(__file__).parent / "data"
FLOORS = {
    "labelled": (0.97, 0.97),
    "heldout": (0.96, 0.93),
    "blind": (0.96, 0.91),
    "final": (0.96, 0.95),
    "fresh": (0.96, 0.90),
    "blind2": (0.96, 0.91),
    "blind3": (0.96, 0.95),
    "blind4": (0.96, 0.95),
    "blind5": (0.96, 0.95),
    "blind6": (0.96, 0.95),
    "blind7": (0.96, 0.95),
    "blind8": (0.96, 0.94),
    "blind9": (0.96, 0.96),
    "blind10": (0.96, 0.96),
    "blind11": (0.93, 0.93),
}
# blind3 is a front-office pile: all but four of its 40 documents keep records and handle calls,
# as real applicants to the role do, so those two skills have four documents without them.
# blind9 is a pile of job-board resumes, and 31 of its 36 keep records of some kind.
FEWEST_WITHOUT = {"blind3": 4, "blind9": 5}


def evaluate(checker: Checker, folder: Path) -> tuple[int, int, int, list[str]]:
    """True positives, false positives, false negatives, and a line per disagreement."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    tp = fp = fn = 0
    disagreements: list[str] = []
    for name, label in sorted(labels.items()):
        result = checker.check_document(folder / name)
        assert result.ok, f"{name}: {result.reason}"
        found = {m.skill.id for m in result.matched}
        expected = set(label["skills"])
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
        disagreements += [f"{name}: extra {s}" for s in sorted(found - expected)]
        disagreements += [f"{name}: missed {s}" for s in sorted(expected - found)]
    return tp, fp, fn, disagreements


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_precision_and_recall(checker: Checker, name: str) -> None:
    tp, fp, fn, disagreements = evaluate(checker, TESTS / name)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    summary = f"{name}: precision {precision:.3f} recall {recall:.3f}\n" + "\n".join(disagreements)
    floor_precision, floor_recall = FLOORS[name]
    assert precision >= floor_precision, summary
    assert recall >= floor_recall, summary


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_each_set_is_varied(name: str) -> None:
    labels = json.loads((TESTS / name / "labels.json").read_text(encoding="utf-8"))
    assert len(labels) >= 30
    assert {label["kind"] for label in labels.values()} == {"resume", "cover-letter"}
    counts: dict[str, int] = {}
    for label in labels.values():
        for skill in label["skills"]:
            counts[skill] = counts.get(skill, 0) + 1
    assert len(counts) == 17
    fewest_without = FEWEST_WITHOUT.get(name, 6)
    assert all(6 <= count <= len(labels) - fewest_without for count in counts.values()), counts
