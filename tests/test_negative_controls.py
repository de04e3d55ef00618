"""Resumes from other fields score below real front-office resumes (files in ../shared/corpus).

An IT specialist, an HR manager and a registered nurse use many of the same words as a front
desk: "scheduling", "POS", "phone system", "medical insurance", "consent forms". Read in their
own sense, those words do not make them patient service representatives.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_match.api import Checker

CONTROLS = [
    "pdf/kaggle-it-26480367-it-specialist.pdf",
    "docx/rm-naukri-hr-manager-hospital.docx",
    "pdf/kaggle-hc-14062078-registered-nurse.pdf",
]
FRONT_OFFICE = ["pdf/kaggle-hc-*.pdf", "pdf/kaggle-advocate-*.pdf", "pdf/kaggle-agri-*.pdf"]


def _score(checker: Checker, path: Path) -> float:
    result = checker.check_document(path)
    assert result.ok and result.score is not None, f"{path.name}: {result.reason}"
    return result.score


@pytest.mark.parametrize("control", CONTROLS)
def test_a_resume_from_another_field_scores_below_every_front_office_peer(
    checker: Checker, corpus: Path, control: str
) -> None:
    if not (corpus / control).is_file():
        pytest.skip(f"{control} is not in the corpus")
    controls = {corpus / name for name in CONTROLS}
    peers = sorted({path for pattern in FRONT_OFFICE for path in corpus.glob(pattern)} - controls)
    if not peers:
        pytest.skip("no front-office peers in the corpus")
    score = _score(checker, corpus / control)
    peer_scores = {path.name: _score(checker, path) for path in peers}
    lowest = min(peer_scores, key=peer_scores.__getitem__)
    assert score < peer_scores[lowest], (
        f"{control} scores {score}, not below {lowest} ({peer_scores[lowest]})"
    )
