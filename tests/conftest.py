"""Shared fixtures: the corpus folder, a CLI runner, one checker for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from resume_match.api import Checker
from resume_match.errors import DocumentError
from resume_match.reading import read_document
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


STRONG_RESUME = """Jordan Lee
SUMMARY
Patient service representative with four years at a busy clinic.
EXPERIENCE
- Scheduled and confirmed patient appointments in Epic.
- Verified insurance eligibility and collected co-pays.
- Answered a multi-line phone system; registered new patients.
- Maintained HIPAA compliance and patient confidentiality.
SKILLS
Microsoft Office, data entry, medical terminology, empathy, problem-solving
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    """Write ``text`` to a file in ``tmp_path`` and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_document_or_refusal(path: Path) -> None:
    """Reading gives a document with text, or a DocumentError that says why: nothing else."""
    try:
        document = read_document(path)
    except DocumentError as error:
        assert error.message
    else:
        assert document.text.strip()
