"""The long tail of wrong calls left on the real labelled set, each class tested on written text.

Each case is a line a resume might hold, the skill in question, and whether a recruiter reading
tests/data/labelled/GUIDELINES.md would count it. None of the lines comes from the corpus; the
true cases beside each false one show that the rule keeps the skill where the words do prove it.
"""

from __future__ import annotations

from pathlib import Path

from helpers import (
    ADAPT,
    APPT,
    DATA,
    EHR,
    EMPATHY,
    HIPAA,
    INSURANCE,
    INTERPERSONAL,
    ORG,
    PAY,
    PHONE,
    PRO,
    PROBLEMS,
    REG,
    TERMS,
    recruiter_cases,
    skills_in_duty,
)
from resume_match.api import Checker
from resume_match.reading import Document

CASES: dict[str, list[tuple[str, str, bool]]] = {
    # A record-system vendor in a merger or an acquisition is the company, not a system used.
    "ehr: the vendor as a company": [
        ("Grew services revenue ahead of the Cerner acquisition.", EHR, False),
        ("After the Allscripts merger, led the sales integration.", EHR, False),
        ("Charted visits in Cerner and Allscripts.", EHR, True),
    ],
    "insurance: eligibility data is reporting": [
        ("Generated eligibility and pharmacy claims extracts for the plan.", INSURANCE, False),
        ("Verified eligibility for every scheduled patient.", INSURANCE, True),
    ],
    # Driving a client to an appointment is transport; writing or testing a scheduling system is
    # management or IT; household cleaning is not a dental cleaning.
    "appointments: transport, rules, IT and household cleaning": [
        ("Drove elderly clients to and from their medical appointments.", APPT, False),
        ("Escorted residents to outside appointments.", APPT, False),
        ("Wrote new patient scheduling guidelines for the clinics.", APPT, False),
        ("Tested scheduling system configuration changes before release.", APPT, False),
        ("Did household cleaning and laundry, and managed the family's schedule.", APPT, False),
        ("Scheduled and drove clients to their medical appointments.", APPT, True),
        ("Booked patients following the scheduling guidelines.", APPT, True),
        ("Scheduled hygiene cleanings and recall exams.", APPT, True),
    ],
    "registration: admission criteria and signing in clients": [
        ("Explained admission criteria and costs to families of prospective patients.", REG, False),
        ("Signed in walk-in clients at the leasing office.", REG, False),
        ("Checked in clients and their dogs for grooming.", REG, False),
        ("Checked in patients and updated their demographics.", REG, True),
        ("Registered walk-in patients at the urgent care desk.", REG, True),
    ],
    # "Charts and confidential files": the adjective belongs to the files, not to the charts.
    "hipaa: confidential belongs to the next noun": [
        ("Maintained resident charts and confidential files.", HIPAA, False),
        ("Kept patient charts confidential and secure.", HIPAA, True),
        ("Maintained confidential patient files.", HIPAA, True),
    ],
    "phones: supervising a call center, transferring knowledge": [
        ("Supervised clinic operations and call center teams.", PHONE, False),
        ("Supervised front office operations and call center agents.", PHONE, False),
        ("Supervised the desk and answered patient calls.", PHONE, True),
        ("Developed a knowledge transfer methodology for the call center.", PHONE, False),
        ("Answered and routed calls in a hospital call center.", PHONE, True),
        ("Transferred calls to the nurse line.", PHONE, True),
    ],
    "data entry: IT databases, design documents, others' records": [
        ("Tuned and backed up the Oracle databases on the cluster.", DATA, False),
        ("Wrote detailed design documents for the billing platform.", DATA, False),
        ("Supervised records management for the training unit.", DATA, False),
        ("Entered patient data into the database.", DATA, True),
        ("Maintained the patient database and call logs.", DATA, True),
    ],
    "empathy: physical comfort is care, not comfort given": [
        ("Took vitals and maximized patient comfort.", EMPATHY, False),
        ("Ensured resident comfort with positioning and hygiene.", EMPATHY, False),
        ("Comforted anxious patients before their procedures.", EMPATHY, True),
    ],
    "problem-solving: a health issue is a condition": [
        ("Designed wellness programs to address chronic health issues.", PROBLEMS, False),
        ("Educated members about mental health concerns.", PROBLEMS, False),
        ("Resolved patients' billing issues and complaints.", PROBLEMS, True),
        ("Resolved medical billing problems for patients.", PROBLEMS, True),
    ],
    # The implementer of a go-live at client sites does not adapt to it; a user who lives one does.
    "adaptability: the implementer's go-live": [
        ("Supported client go-lives at implementation sites nationwide.", ADAPT, False),
        ("Learned the new workflows during our Epic go-live.", ADAPT, True),
        ("Led our go-live when the clinic converted from paper to Cerner.", ADAPT, True),
        ("Converted from Meditech to Epic with no drop in volume.", ADAPT, True),
    ],
    "professionalism: a job's latitude, other people's professionalism": [
        ("Handled tasks requiring discretion and judgment.", PRO, False),
        ("Refunds are issued at the discretion of the manager.", PRO, False),
        ("Improved employee professionalism and engagement scores.", PRO, False),
        ("Handled sensitive patient questions with discretion.", PRO, True),
        ("Maintained professionalism with upset callers.", PRO, True),
    ],
    "organizational: arranging an event is not being organized": [
        ("Organized logistics for quarterly meetings.", ORG, False),
        ("Organized the new employee orientation for all hires.", ORG, False),
        ("Organized patient files and the front desk.", ORG, True),
        ("Helped plan, organize, and host meetings.", ORG, False),
        # A trait in a list of traits: "Organized, dependable and calm".
        ("Organized, dependable and calm with a full lobby.", ORG, True),
        ("Strengths: Epic, fast typing, organized, dependable", ORG, True),
    ],
    # The guidelines want a claim, course or certificate in the terminology; anatomy is not it.
    "terminology: an anatomy course is not a terminology course": [
        ("Coursework: Anatomy and Physiology I and II, Microbiology", TERMS, False),
        ("Coursework: Medical Terminology, Anatomy and Physiology", TERMS, True),
    ],
    # A dash between two words ends one item: "study visits - Confirmed eligibility" is two duties.
    "a spaced dash ends an item": [
        ("Monitored study visits - Confirmed eligibility of trial subjects.", APPT, False),
        ("Confirmed visits for the next day - about 60 calls.", APPT, True),
    ],
    # What an app lets its users do is no duty of the developer who built it.
    "what an app's users can do": [
        (
            "Built a web portal: doctors and patients can both book appointments online.",
            APPT,
            False,
        ),
        ("Booked appointments for patients who could not use the portal.", APPT, True),
    ],
    "interpersonal: coordinating things is not working with people": [
        ("Coordinated supply carts and deliveries to the nursing units.", INTERPERSONAL, False),
        ("Coordinated all department functions for a team of 40.", INTERPERSONAL, False),
        ("Coordinated discharges with nurses and case managers.", INTERPERSONAL, True),
    ],
    "data entry: keying in, charting status, filing claims": [
        ("Keyed in a high volume of orders each shift.", DATA, True),
        ("Her calm manner has been key in her success.", DATA, False),
        ("Observed and documented resident status every two hours.", DATA, True),
        ("Ensured the timely filing of new insurance claims.", DATA, False),
        ("Filing and scanning of patient charts.", DATA, True),
    ],
    "problem-solving: improvement opportunities": [
        (
            "Ran reviews to identify, resolve and report opportunities to improve care.",
            PROBLEMS,
            False,
        ),
        ("Resolved registration errors before claims dropped.", PROBLEMS, True),
    ],
    "ehr: Epic among the other software named": [
        ("Software: Microsoft Excel, Outlook, AS400, Epic, SAP", EHR, True),
        ("An epic journey across three continents.", EHR, False),
    ],
    "payment: tills and transaction data": [
        ("Distributed cash between the four registers each morning.", PAY, True),
        ("Analyzes vast amounts of transaction-level data.", PAY, False),
        ("Processed card transactions at the front desk.", PAY, True),
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


def test_two_words_in_two_items_of_a_skills_list_are_no_duty(checker: Checker) -> None:
    """Words found apart prove a duty only inside one item of a list: "Collections, Credit" are two
    neighbours, and a neighbour's word does not veto a skill named in its own item."""
    finance = "Budgets, Basis, Collections, Credit, Operations"
    assert "payment-processing" not in _skills_line(checker, finance)
    assert "payment-processing" in _skills_line(checker, "Collect co-pays and deductibles, Filing")
    assert "data-entry" in _skills_line(checker, "Training, Data Entry, Data Validation, 10-key")


def test_a_job_title_with_its_unit_after_the_role_proves_nothing(checker: Checker) -> None:
    """A job title with its unit ("Admitting Clerk II Emergency") proves nothing; its duties do."""
    title = "EXPERIENCE\nAdmitting Clerk II Emergency\nCity Hospital, 2016 to 2019\nFiled charts.\n"
    duty = "EXPERIENCE\nAdmitting Clerk II Emergency\nAdmitted patients to the emergency unit.\n"
    found = [
        {m.skill.id for m in checker.matcher.match(Document(Path("x.txt"), "text", (text,)))}
        for text in (title, duty)
    ]
    assert "patient-registration" not in found[0]
    assert "patient-registration" in found[1]


def test_a_pastime_under_interests_proves_no_soft_skill(checker: Checker) -> None:
    """Hobbies are not duties: "solving problems and fixing radios" under Interests proves
    nothing, the same words in a duty do."""
    hobby = "EXPERIENCE\nClerk, 2019 to 2024\nINTERESTS\nHiking, solving problems, fixing radios\n"
    duty = "EXPERIENCE\nClerk, 2019 to 2024\nSolving problems at the front desk every day.\n"
    found = [
        {m.skill.id for m in checker.matcher.match(Document(Path("x.txt"), "text", (text,)))}
        for text in (hobby, duty)
    ]
    assert PROBLEMS not in found[0]
    assert PROBLEMS in found[1]


@recruiter_cases(CASES)
def test_a_recruiter_would_agree(checker: Checker, text: str, skill: str, counts: bool) -> None:
    assert (skill in skills_in_duty(checker, text)) is counts
