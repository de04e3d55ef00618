"""Texts and helpers the tests share, imported by name; the fixtures are in conftest.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from resume_match.api import Checker
from resume_match.errors import DocumentError
from resume_match.reading import Document, read_document
from resume_match.reading.normalize import normalize_text

# The skill ids the class tests name, each once.
LISTENING = "active-listening"
ADAPT = "adaptability"
APPT = "appointment-scheduling"
COMPUTER = "computer-proficiency"
DATA = "data-entry"
EHR = "ehr-systems"
EMPATHY = "empathetic-communication"
HIPAA = "hipaa-compliance"
INSURANCE = "insurance-verification"
INTERPERSONAL = "interpersonal-skills"
TERMS = "medical-terminology"
ORG = "organizational-skills"
REG = "patient-registration"
PAY = "payment-processing"
PHONE = "phone-systems"
PROBLEMS = "problem-solving"
PRO = "professionalism"

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


def skills_in_duty(checker: Checker, line: str) -> set[str]:
    """The skill ids found in ``line`` written as a duty under a dated job in Experience."""
    document = Document(
        Path("line.txt"), "text", (f"EXPERIENCE\nAssociate, 2019 to 2024\n{line}\n",)
    )
    return {match.skill.id for match in checker.matcher.match(document)}


def skills_in_text(checker: Checker, text: str) -> set[str]:
    """The core skill ids found in ``text`` read as a whole document (a letter's sentences),
    normalised as a read text is."""
    document = Document(Path("inline.txt"), "text", (normalize_text(text),))
    return {match.skill.id for match in checker.matcher.match(document) if match.skill.core}


def recruiter_cases(cases: dict[str, list[tuple[str, str, bool]]]) -> Any:
    """Parametrize ``(text, skill, counts)`` over named groups of duty lines, each id its group."""
    return pytest.mark.parametrize(
        ("text", "skill", "counts"),
        [case for group in cases.values() for case in group],
        ids=[f"{name}: {case[0][:40]}" for name, group in cases.items() for case in group],
    )
