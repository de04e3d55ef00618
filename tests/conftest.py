"""Shared fixtures: the corpus folder, a CLI runner, one checker for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from resume_match.api import Checker
from resume_match.taxonomy import Taxonomy, load_taxonomy

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="session")
def checker(taxonomy: Taxonomy) -> Checker:
    return Checker(taxonomy)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present beside the repository")
    return CORPUS
