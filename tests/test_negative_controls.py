"""Resumes from other fields score below real front-office resumes (files in ../shared/corpus).

An IT specialist, an HR manager and a registered nurse use many of the same words as a front
desk: "scheduling", "POS", "phone system", "medical insurance", "consent forms". Read in their
own sense, those words do not make them patient service representatives. The IT and HR resumes
share almost nothing with the role and score below every front-office resume; the nurse's
resume honestly shows an EHR (AHLTA, CHCS), HIPAA and medical terminology, so it scores below
the typical front-office resume, not below the thinnest ones.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from resume_match.api import Checker

UNRELATED = [
    "pdf/kaggle-it-26480367-it-specialist.pdf",
    "docx/rm-naukri-hr-manager-hospital.docx",
]
CLINICAL = ["pdf/kaggle-hc-14062078-registered-nurse.pdf"]
FRONT_OFFICE = ["pdf/kaggle-hc-*.pdf", "pdf/kaggle-advocate-*.pdf", "pdf/kaggle-agri-*.pdf"]


def _score(checker: Checker, path: Path) -> float:
    result = checker.check_document(path)
    assert result.ok and result.score is not None, f"{path.name}: {result.reason}"
    return result.score


def _peer_scores(checker: Checker, corpus: Path) -> dict[str, float]:
    controls = {corpus / name for name in UNRELATED + CLINICAL}
    peers = sorted({path for pattern in FRONT_OFFICE for path in corpus.glob(pattern)} - controls)
    if len(peers) < 3:
        pytest.skip("too few front-office peers in the corpus")
    return {path.name: _score(checker, path) for path in peers}


def _control(corpus: Path, name: str) -> Path:
    if not (corpus / name).is_file():
        pytest.skip(f"{name} is not in the corpus")
    return corpus / name


@pytest.mark.parametrize("control", UNRELATED)
def test_a_resume_from_an_unrelated_field_scores_below_every_front_office_peer(
    checker: Checker, corpus: Path, control: str
) -> None:
    score = _score(checker, _control(corpus, control))
    peers = _peer_scores(checker, corpus)
    lowest = min(peers, key=peers.__getitem__)
    assert score < peers[lowest], f"{control} scores {score}, not below {lowest} ({peers[lowest]})"


@pytest.mark.parametrize("control", UNRELATED + CLINICAL)
def test_a_resume_from_another_field_scores_below_the_typical_front_office_peer(
    checker: Checker, corpus: Path, control: str
) -> None:
    score = _score(checker, _control(corpus, control))
    median = statistics.median(_peer_scores(checker, corpus).values())
    assert score < median, f"{control} scores {score}, not below the peers' median {median}"
