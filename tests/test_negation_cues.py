"""Mentions beside a modal verb or a role noun: what an app lets its users do, a job named.

The rules that read them are only tried where the document holds the words they need; these
cases hold the verdicts to those of trying them everywhere (cased, and inside other words).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_match.api import Checker
from resume_match.reading import Document
from resume_match.reading.normalize import normalize_text

CHECKER = Checker()
CASES = [
    ("Doctors and patients can both book appointments in the app.", ()),
    ("Doctors and patients CAN both schedule appointments online.", ()),
    ("Members may now verify insurance coverage from home.", ()),
    ("Clients could easily verify insurance coverage themselves.", ()),
    (
        "Scheduled patient appointments. Patients can also verify insurance coverage online.",
        ("appointment-scheduling",),
    ),
    (
        "Verified insurance coverage for the Patient Access Representative position at Mercy.",
        ("insurance-verification",),
    ),
    ("Scheduled appointments - Front Desk ROLE at Summit.", ("appointment-scheduling",)),
    ("Scheduled appointments for the opening team.", ()),
    (
        "Handled insurance verification (posting payments daily).",
        ("insurance-verification", "payment-processing"),
    ),
    ("Insurance verification vacancy: apply by May 1.", ()),
    (
        "Verified insurance coverage; cancelled and rescheduled appointments; scanned IDs.",
        ("appointment-scheduling", "insurance-verification"),
    ),
]


@pytest.mark.parametrize(("text", "skills"), CASES)
def test_verdicts(text: str, skills: tuple[str, ...]) -> None:
    document = Document(Path("inline.txt"), "text", (normalize_text(text),))
    assert tuple(sorted(m.skill.id for m in CHECKER.matcher.match(document))) == skills
