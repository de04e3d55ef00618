"""Job postings, READMEs and blank templates get the status ``not-a-resume``; applications never do.

The classes are tested on text written here; the corpus and every labelled set check that no real
resume or cover letter is refused.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import write
from resume_match.api import Checker
from resume_match.cli import cli

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus"
POSTINGS = {
    "corporate.txt": """Patient Access Representative
Lakeside Health System

Job Description
Lakeside Health is seeking a Patient Access Representative for our busy emergency department.
The Patient Access Representative registers patients, verifies insurance and collects co-pays.

Responsibilities:
Registers patients accurately and courteously.
Verifies insurance eligibility and obtains authorizations.
Schedules follow-up appointments in Epic.

Qualifications
High school diploma required; two years of medical office experience preferred.
Candidates must be able to work rotating weekends.

We offer competitive pay, tuition reimbursement, paid time off and a 401(k) match.
Lakeside Health is an Equal Opportunity Employer.
""",
    "tags.txt": """Front Desk Receptionist
Riverside Family Dental | Ohio
March 3, 2024 | Closes March 31, 2024
$17/hr - $21/hr

Full Time
Paid Vacation
Sick time
High school degree required

Greets patients, answers phones, schedules appointments and collects payments.
Responsibilities:
Checks patients in and out, verifies dental insurance, keeps the schedule full.
""",
    "startup.txt": """About the role
We're looking for a friendly Patient Coordinator to join our growing clinic team.
What you'll do: you will be the first face our patients see. You will schedule visits,
verify coverage and keep our front office calm and organised.
What we offer: a four-day week, health benefits package and a salary range of
$42,000 - $48,000 a year. The ideal candidate has a year of front-desk experience.
How to apply: send us your resume and a short note about why you want this job.
""",
}

README = """# Applicants, spring intake

This folder holds the applications for the front desk opening. See the [posting](https://example.com/job).

## Files

| file | who | notes |
|---|---|---|
| `anna.pdf` | Anna | resume |
| `ben.docx` | Ben | resume and letter |
| `carla.txt` | Carla | resume |

## How to score them

Run `resume-match screen applicants/` and open the `report.html`.
"""

NOTES = """# Labelling guidelines

## What counts
A skill counts when the document shows the person doing it, not when it only names it.

## Scheduling
Booking, confirming or rescheduling appointments counts. A `schedule` of shifts does not.

## Insurance verification
Checking coverage or eligibility counts; selling insurance does not.

## Examples
See [the labelled set](labels.json) and the `samples/` folder.
"""

TEMPLATE = """[Your Name]
[Street Address], [City, ST ZIP Code]
[Phone] | [Email]

OBJECTIVE
[Describe the position you want at [Company Name].]

EXPERIENCE
[Job Title], [Company Name], [Dates]
- [Responsibility or achievement]
- [Responsibility or achievement]
[Job Title], [Company Name], [Dates]
- [Responsibility or achievement]

EDUCATION
[Degree], [School Name], [Year]
Phone: XXX-XXX-XXXX
"""

# Real applications written with a posting's vocabulary: they must be scored.
APPLICATIONS = {
    "recruiter.txt": """Dana Whitfield
HR Recruiter
EXPERIENCE
Talent Acquisition Specialist, Northside Medical Group, 2019 - Present
Wrote job descriptions and posted openings for front desk and patient access roles.
Screened qualified applicants and scheduled interviews with hiring managers.
Explained benefits including paid time off, 401(k) and tuition reimbursement to new hires.
Recruiter, Bayview Staffing, 2015 - 2019
Sourced the ideal candidates for travel assignments; candidates must pass a background check.
Coordinated offers and onboarding; equal opportunity hiring training.
SKILLS
Applicant tracking systems, interviewing, onboarding, HIPAA
""",
    "cover-letter.txt": """Dear Hiring Manager,
I am applying for the Patient Service Representative position you posted. Your posting says
the ideal candidate has front desk experience and that you will offer paid time off; I have
four years of front desk experience at a busy clinic, where I scheduled appointments,
verified insurance and registered new patients. I would welcome the chance to join your team.
Sincerely,
Jordan Lee
""",
    "markdown-resume.md": """# Maria Lopez
Patient Service Representative - maria@example.com - [LinkedIn](https://linkedin.com/in/x)

## Experience
### Front Desk Coordinator, Sunrise Clinic (2020 - Present)
- Scheduled and confirmed patient appointments in Epic.
- Verified insurance eligibility and collected co-pays.
- Answered a six-line phone system.

## Education
Associate of Applied Science, Medical Office Administration, 2019

## Skills
Scheduling, insurance verification, medical terminology, HIPAA, customer service
""",
    "skills-only.md": """# Priya Shah
priya.shah@example.com | 555-0142

## Skills
- Appointment scheduling in Epic
- Insurance verification and prior authorisations

## Certifications
- Certified Medical Administrative Assistant

## Languages
- English, Gujarati, Hindi

## Education
- Medical Office Administration certificate, Lakeview College
""",
    "one-placeholder.txt": """Sam Ortiz
Medical Receptionist
Checked in 60 patients a day and scheduled follow-up appointments.
Verified insurance coverage and entered demographics into [EHR system].
Answered phones, took messages and routed calls to nurses.
Kept the waiting room calm and patients informed about delays.
Education: Medical Office Certificate, 2021
""",
}


@pytest.mark.parametrize("name", sorted(POSTINGS))
def test_a_job_posting_is_not_a_resume(checker: Checker, tmp_path: Path, name: str) -> None:
    result = checker.check_document(write(tmp_path, name, POSTINGS[name]))
    assert result.status == "not-a-resume", result.reason
    assert "looks like a job posting" in result.reason and result.score is None


@pytest.mark.parametrize(("name", "text"), [("README.md", README), ("GUIDELINES.md", NOTES)])
def test_a_readme_or_notes_are_not_a_resume(
    checker: Checker, tmp_path: Path, name: str, text: str
) -> None:
    result = checker.check_document(write(tmp_path, name, text))
    assert result.status == "not-a-resume"
    assert "README, manifest or notes" in result.reason


def test_a_blank_template_is_not_a_resume(checker: Checker, tmp_path: Path) -> None:
    result = checker.check_document(write(tmp_path, "template.txt", TEMPLATE))
    assert result.status == "not-a-resume"
    assert "blank template" in result.reason and "fill it in" in result.reason


@pytest.mark.parametrize("name", sorted(APPLICATIONS))
def test_applications_in_posting_words_are_scored(
    checker: Checker, tmp_path: Path, name: str
) -> None:
    result = checker.check_document(write(tmp_path, name, APPLICATIONS[name]))
    assert result.status == "ok", result.reason


def test_check_says_so_and_exits_non_zero(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "posting.txt", POSTINGS["corporate.txt"])
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {path}: looks like a job posting")
    output = runner.invoke(cli, ["check", str(path), "--format", "json"]).output
    data = json.loads(output[: output.rindex("}") + 1])
    assert data["status"] == "not-a-resume" and data["score"] is None


def test_screen_never_ranks_a_posting(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "applicants"
    folder.mkdir()
    write(folder, "posting.txt", POSTINGS["startup.txt"])
    write(folder, "README.md", README)
    write(folder, "maria.md", APPLICATIONS["markdown-resume.md"])
    out = tmp_path / "report.json"
    result = runner.invoke(cli, ["screen", str(folder), "--out", str(out), "--no-cache"])
    assert result.exit_code == 4, result.output
    candidates = json.loads(out.read_text(encoding="utf-8"))["candidates"]
    ranked = [c["candidate"] for c in candidates if c["rank"] is not None]
    assert ranked == ["maria.md"]
    statuses = {c["candidate"]: c["status"] for c in candidates}
    assert statuses["posting.txt"] == statuses["README.md"] == "not-a-resume"


# --- the real documents ----------------------------------------------------------------------

LABELLED = sorted(
    path
    for folder in ("labelled", "heldout", "blind", "final", "fresh")
    for path in (REPO / "tests" / "data" / folder).glob("*.txt")
)
SAMPLES = sorted(p for p in (REPO / "samples").glob("*") if p.suffix in {".pdf", ".docx"})


def _corpus_applications() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(
        path
        for path in [*(CORPUS / "pdf").glob("*.pdf"), *(CORPUS / "docx").glob("*.docx")]
        if "template" not in path.name
    )


@pytest.mark.slow
def test_no_real_resume_or_letter_is_refused(checker: Checker, tmp_path: Path) -> None:
    paths = [*LABELLED, *SAMPLES, *_corpus_applications()]
    rows = CORPUS / "text" / "kaggle-resume-healthcare-frontoffice.csv"
    if rows.is_file():
        csv.field_size_limit(10**8)
        with rows.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                paths.append(write(tmp_path, f"row-{row['id']}.txt", row["text"]))
    assert len(paths) > 300
    refused = {
        path.name: result.reason
        for path in paths
        if (result := checker.check_document(path)).status == "not-a-resume"
    }
    assert not refused


def test_the_corpus_postings_and_manifest_are_not_resumes(checker: Checker, corpus: Path) -> None:
    others = [*sorted((corpus / "jobs").glob("*.txt")), corpus / "MANIFEST.md"]
    others.append(corpus / "docx" / "fastresponse-cover-letter-template.docx")
    assert len(others) == 8
    results = {path.name: checker.check_document(path) for path in others}
    assert {name: r.status for name, r in results.items()} == dict.fromkeys(results, "not-a-resume")


def test_the_repository_readmes_are_not_resumes(checker: Checker) -> None:
    for path in (REPO / "samples" / "README.md", REPO / "tests/data/labelled/GUIDELINES.md"):
        assert checker.check_document(path).status == "not-a-resume", path
