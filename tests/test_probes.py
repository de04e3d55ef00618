"""Sentence probes (tests/data/probes6): the variety of wording one skill comes in, one line each.

Each line is set in a small document of its section's kind, with words around it that show no
skill, and only the line's own skill is judged. The set was written blind; its first measurement
is in the README, and the floors guard against regressions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resume_match.api import Checker
from resume_match.reading import read_document

PROBES = Path(__file__).parent / "data" / "probes6" / "probes.jsonl"
PAD = (
    "\nEducation\nSpringfield Community College, Associate of Arts, 2020\n\n"
    "Interests\nHiking, cooking, gardening, baking, birdwatching, cycling and the local history of "
    "the Springfield area\n"
)
FRAMES = {
    "experience": "Alex Example\nalex@example.com\n\nExperience\nFront Office Associate, "
    "Example Health, Springfield\n2021 - 2024\n- {text}\n" + PAD,
    "skills": "Alex Example\nalex@example.com\n\nSkills\n{text}\n" + PAD,
    "summary": "Alex Example\nalex@example.com\n\nSummary\n{text}\n" + PAD,
    "letter": "Dear Hiring Manager,\n\nI am writing to apply for the position advertised on your "
    "website.\n\n{text}\n\nThank you for your time and consideration. I look forward to hearing "
    "from you about the next steps.\n\nSincerely,\nAlex Example\n",
}
FLOOR_PRECISION = 0.97
FLOOR_RECALL = 0.95
FLOOR_REFUSED = 0.96


def load() -> list[dict[str, str | bool]]:
    lines = PROBES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_the_set_is_balanced() -> None:
    probes = load()
    assert len({p["id"] for p in probes}) == len(probes)
    per_skill: dict[str, list[int]] = {}
    for probe in probes:
        counts = per_skill.setdefault(str(probe["skill"]), [0, 0])
        counts[0 if probe["expected"] else 1] += 1
    assert len(per_skill) == 17
    assert all(pos >= 20 and neg >= 12 for pos, neg in per_skill.values()), per_skill
    assert {p["section"] for p in probes} == set(FRAMES)


def framed(probe: dict[str, str | bool]) -> str:
    return FRAMES[str(probe["section"])].format(text=probe["text"])


def test_every_probe_is_long_enough_to_be_scored(checker: Checker, tmp_path: Path) -> None:
    """The verdicts below skip the word-count gate of a check; the shortest probe of each
    section, framed, passes it."""
    for section in FRAMES:
        lines = [p for p in load() if p["section"] == section]
        shortest = min(lines, key=lambda p: len(str(p["text"]).split()))
        path = tmp_path / f"{section}.txt"
        path.write_text(framed(shortest), encoding="utf-8")
        result = checker.check_document(path)
        assert result.ok, f"{shortest['id']}: {result.reason}"


@pytest.fixture(scope="module")
def verdicts(checker: Checker, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """One line per probe: 'tp', 'fp', 'fn' or 'tn', then the probe's id and text. Each file is
    read and matched in this process: a check's forked children would cost ten times as much."""
    folder = tmp_path_factory.mktemp("probes")
    out = []
    for probe in load():
        path = folder / f"{probe['id']}.txt"
        path.write_text(framed(probe), encoding="utf-8")
        found = any(
            m.skill.id == probe["skill"] for m in checker.matcher.match(read_document(path))
        )
        kind = ("tp" if found else "fn") if probe["expected"] else ("fp" if found else "tn")
        out.append(f"{kind} {probe['id']}: {probe['text']}")
    return out


def test_precision_recall_and_refusals(verdicts: list[str]) -> None:
    count = {
        kind: sum(v.startswith(kind + " ") for v in verdicts) for kind in ("tp", "fp", "fn", "tn")
    }
    precision = count["tp"] / (count["tp"] + count["fp"])
    recall = count["tp"] / (count["tp"] + count["fn"])
    refused = count["tn"] / (count["tn"] + count["fp"])
    wrong = "\n".join(v for v in verdicts if v[:2] in ("fp", "fn"))
    summary = f"precision {precision:.3f} recall {recall:.3f} refused {refused:.3f}\n{wrong}"
    assert precision >= FLOOR_PRECISION, summary
    assert recall >= FLOOR_RECALL, summary
    assert refused >= FLOOR_REFUSED, summary
