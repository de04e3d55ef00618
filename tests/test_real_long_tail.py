"""The long tail of wrong calls left on the real labelled set, each class tested on text written here.

Each case is a line a resume might hold, the skill in question, and whether a recruiter reading
tests/data/labelled/GUIDELINES.md would count it. None of the lines comes from the corpus; the
true cases beside each false one show that the rule keeps the skill where the words do prove it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_match.api import Checker
from resume_match.reading import Document

CASES: dict[str, list[tuple[str, str, bool]]] = {
    # A record-system vendor in a merger or an acquisition is the company, not a system used.
    "ehr: the vendor as a company": [
        ("Grew services revenue ahead of the Cerner acquisition.", "ehr-systems", False),
        ("After the Allscripts merger, led the sales integration.", "ehr-systems", False),
        ("Charted visits in Cerner and Allscripts.", "ehr-systems", True),
    ],
    "insurance: eligibility data is reporting": [
        ("Generated eligibility and pharmacy claims extracts for the plan.", "insurance-verification", False),
        ("Verified eligibility for every scheduled patient.", "insurance-verification", True),
    ],
    # Driving a client to an appointment is transport; writing or testing a scheduling system is
    # management or IT; household cleaning is not a dental cleaning.
    "appointments: transport, rules, IT and household cleaning": [
        ("Drove elderly clients to and from their medical appointments.", "appointment-scheduling", False),
        ("Escorted residents to outside appointments.", "appointment-scheduling", False),
        ("Wrote new patient scheduling guidelines for the clinics.", "appointment-scheduling", False),
        ("Tested scheduling system configuration changes before release.", "appointment-scheduling", False),
        ("Did household cleaning and laundry, and managed the family's schedule.", "appointment-scheduling", False),
        ("Scheduled and drove clients to their medical appointments.", "appointment-scheduling", True),
        ("Booked patients following the scheduling guidelines.", "appointment-scheduling", True),
        ("Scheduled hygiene cleanings and recall exams.", "appointment-scheduling", True),
    ],
    "registration: admission criteria and signing in clients": [
        ("Explained admission criteria and costs to families of prospective patients.", "patient-registration", False),
        ("Signed in walk-in clients at the leasing office.", "patient-registration", False),
        ("Checked in clients and their dogs for grooming.", "patient-registration", False),
        ("Checked in patients and updated their demographics.", "patient-registration", True),
        ("Registered walk-in patients at the urgent care desk.", "patient-registration", True),
    ],
    # "Charts and confidential files": the adjective belongs to the files, not to the charts.
    "hipaa: confidential belongs to the next noun": [
        ("Maintained resident charts and confidential files.", "hipaa-compliance", False),
        ("Kept patient charts confidential and secure.", "hipaa-compliance", True),
        ("Maintained confidential patient files.", "hipaa-compliance", True),
    ],
    "phones: supervising a call center, transferring knowledge": [
        ("Supervised clinic operations and call center teams.", "phone-systems", False),
        ("Supervised front office operations and call center agents.", "phone-systems", False),
        ("Supervised the desk and answered patient calls.", "phone-systems", True),
        ("Developed a knowledge transfer methodology for the call center.", "phone-systems", False),
        ("Answered and routed calls in a hospital call center.", "phone-systems", True),
        ("Transferred calls to the nurse line.", "phone-systems", True),
    ],
    "data entry: IT databases, design documents, others' records": [
        ("Tuned and backed up the Oracle databases on the cluster.", "data-entry", False),
        ("Wrote detailed design documents for the billing platform.", "data-entry", False),
        ("Supervised records management for the training unit.", "data-entry", False),
        ("Entered patient data into the database.", "data-entry", True),
        ("Maintained the patient database and call logs.", "data-entry", True),
    ],
    "empathy: physical comfort is care, not comfort given": [
        ("Took vitals and maximized patient comfort.", "empathetic-communication", False),
        ("Ensured resident comfort with positioning and hygiene.", "empathetic-communication", False),
        ("Comforted anxious patients before their procedures.", "empathetic-communication", True),
    ],
    "problem-solving: a health issue is a condition": [
        ("Designed wellness programs to address chronic health issues.", "problem-solving", False),
        ("Educated members about mental health concerns.", "problem-solving", False),
        ("Resolved patients' billing issues and complaints.", "problem-solving", True),
        ("Resolved medical billing problems for patients.", "problem-solving", True),
    ],
    # The implementer of a go-live at client sites does not adapt to it; a user who goes through one does.
    "adaptability: the implementer's go-live": [
        ("Supported client go-lives at implementation sites nationwide.", "adaptability", False),
        ("Learned the new workflows during our Epic go-live.", "adaptability", True),
        ("Led our go-live when the clinic converted from paper to Cerner.", "adaptability", True),
        ("Converted from Meditech to Epic with no drop in volume.", "adaptability", True),
    ],
    "professionalism: a job's latitude, other people's professionalism": [
        ("Handled tasks requiring discretion and judgment.", "professionalism", False),
        ("Refunds are issued at the discretion of the manager.", "professionalism", False),
        ("Improved employee professionalism and engagement scores.", "professionalism", False),
        ("Handled sensitive patient questions with discretion.", "professionalism", True),
        ("Maintained professionalism with upset callers.", "professionalism", True),
    ],
    "organizational: arranging an event is not being organized": [
        ("Organized logistics for quarterly meetings.", "organizational-skills", False),
        ("Organized the new employee orientation for all hires.", "organizational-skills", False),
        ("Organized patient files and the front desk.", "organizational-skills", True),
    ],
    # The guidelines want a claim, course or certificate in the terminology: anatomy alone is not it.
    "terminology: an anatomy course is not a terminology course": [
        ("Coursework: Anatomy and Physiology I and II, Microbiology", "medical-terminology", False),
        ("Coursework: Medical Terminology, Anatomy and Physiology", "medical-terminology", True),
    ],
    "payment: tills and transaction data": [
        ("Distributed cash between the four registers each morning.", "payment-processing", True),
        ("Analyzes vast amounts of transaction-level data.", "payment-processing", False),
        ("Processed card transactions at the front desk.", "payment-processing", True),
    ],
}


def _skills_line(checker: Checker, line: str) -> set[str]:
    text = f"SUMMARY\nOffice worker.\nSKILLS\n{line}\nEXPERIENCE\nClerk, 2019 to 2024\n"
    return {m.skill.id for m in checker.matcher.match(Document(Path("x.txt"), "text", (text,)))}


def test_a_bare_scheduling_among_a_leaders_duties_is_a_rota(checker: Checker) -> None:
    """A bare list item takes its sense from its neighbours: beside team leadership and budgets
    "Scheduling" is the team's rota; beside front-desk duties it is still the patients' calendar."""
    leader = "Patient Safety, Scheduling, Team Lead, Budgeting, CPR Instructor"
    assert "appointment-scheduling" not in _skills_line(checker, leader)
    assert "appointment-scheduling" in _skills_line(checker, "Check-in, Scheduling, Filing")


def _found(checker: Checker, text: str) -> set[str]:
    document = Document(
        Path("line.txt"), "text", (f"EXPERIENCE\nAssociate, 2019 to 2024\n{text}\n",)
    )
    return {match.skill.id for match in checker.matcher.match(document)}


@pytest.mark.parametrize(
    ("text", "skill", "counts"),
    [case for cases in CASES.values() for case in cases],
    ids=[f"{name}: {case[0][:40]}" for name, cases in CASES.items() for case in cases],
)
def test_a_recruiter_would_agree(checker: Checker, text: str, skill: str, counts: bool) -> None:
    assert (skill in _found(checker, text)) is counts
