"""Reading job postings: skills asked for, required or preferred, terms, and no boilerplate."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from resume_match.api import Checker
from resume_match.errors import PostingError
from resume_match.posting import Posting

DATA = Path(__file__).resolve().parents[1] / "data" / "postings"
REPO = Path(__file__).resolve().parents[2]
JOBS = Path(os.environ.get("RESUME_MATCH_CORPUS", REPO.parent / "shared" / "corpus")) / "jobs"


def read(checker: Checker, tmp_path: Path, text: str, name: str = "posting.txt") -> Posting:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return checker.read_posting(path)


def asked(posting: Posting) -> dict[str, str]:
    return {r.skill.id: r.ask.strength for r in posting.requirements}


def measure(checker: Checker, labels_file: Path, folder: Path) -> tuple[float, float, list[str]]:
    """Recall of the labelled skills, share of found ones placed right, and every problem."""
    labels = json.loads(labels_file.read_text(encoding="utf-8"))
    wanted = found = placed = 0
    problems: list[str] = []
    for name, label in labels.items():
        if name.startswith("_"):
            continue
        posting = checker.read_posting(folder / name)
        got = asked(posting)
        expected = dict.fromkeys(label["required"], "required")
        expected |= dict.fromkeys(label["preferred"], "preferred")
        for skill_id, strength in expected.items():
            wanted += 1
            if skill_id not in got:
                problems.append(f"{name}: {skill_id} not found")
                continue
            found += 1
            placed += got[skill_id] == strength
            if got[skill_id] != strength:
                problems.append(f"{name}: {skill_id} read {got[skill_id]}, labelled {strength}")
        for skill_id in label["absent"]:
            if skill_id in got:
                problems.append(f"{name}: BOILERPLATE {skill_id} counted as asked")
        terms = [(t.kind, t.text.lower()) for t in posting.terms]
        for kind, texts in label.get("terms", {}).items():
            for text in texts:
                if not any(k == kind and text in t for k, t in terms):
                    problems.append(f"{name}: TERM {kind} {text!r} not found")
        if "max_terms" in label and len(posting.terms) > label["max_terms"]:
            problems.append(f"{name}: TERMS {len(posting.terms)} from a mostly-boilerplate posting")
        if posting.experience_years != label["experience_years"]:
            problems.append(f"{name}: YEARS {posting.experience_years}")
    return found / wanted, placed / found, problems


def test_our_postings_recall_and_cues(checker: Checker) -> None:
    recall, placed, problems = measure(checker, DATA / "postings-labels.json", DATA)
    assert recall >= 0.9, problems
    assert placed >= 0.9, problems
    assert not [p for p in problems if "BOILERPLATE" in p or "TERM" in p or "YEARS" in p]


def test_real_postings_recall_and_cues(checker: Checker) -> None:
    if not JOBS.is_dir():
        pytest.skip("../shared/corpus/jobs is not present (set RESUME_MATCH_CORPUS)")
    recall, placed, problems = measure(checker, DATA / "corpus-labels.json", JOBS)
    assert recall >= 0.9, problems
    assert placed >= 0.95, problems
    assert not [p for p in problems if "BOILERPLATE" in p or "YEARS" in p], problems


def test_a_heading_carries_its_cue_to_its_bullets(checker: Checker, tmp_path: Path) -> None:
    posting = read(
        checker,
        tmp_path,
        "Front Desk Clerk\n\nMinimum Qualifications\n- Experience with appointment scheduling.\n"
        "- Knowledge of HIPAA.\n\nPreferred Qualifications\n- Medical terminology.\n"
        "- Insurance verification experience.\n",
    )
    assert asked(posting) == {
        "appointment-scheduling": "required",
        "hipaa-compliance": "required",
        "medical-terminology": "preferred",
        "insurance-verification": "preferred",
    }
    assert all(r.ask.explicit for r in posting.requirements)


@pytest.mark.parametrize(
    ("sentence", "strength"),
    [
        ("Knowledge of medical terminology is a plus.", "preferred"),
        ("Medical terminology: nice to have.", "preferred"),
        ("Medical terminology desired.", "preferred"),
        ("Working knowledge of medical terminology preferred.", "preferred"),
        ("Ideally, you know medical terminology.", "preferred"),
        ("You must know medical terminology.", "required"),
        ("Medical terminology is essential.", "required"),
        ("Medical terminology required.", "required"),
        ("A minimum of medical terminology training.", "required"),
        ("Medical terminology is not required but welcome.", "preferred"),
    ],
)
def test_a_sentence_cue_sets_the_strength(
    checker: Checker, tmp_path: Path, sentence: str, strength: str
) -> None:
    posting = read(checker, tmp_path, f"Scheduler\n\nAbout the role\n{sentence}\n")
    requirement = posting.asks_for("medical-terminology")
    assert requirement is not None
    assert (requirement.ask.strength, requirement.ask.explicit) == (strength, True)
    assert requirement.ask.sentence == sentence


def test_each_clause_keeps_its_own_cue(checker: Checker, tmp_path: Path) -> None:
    posting = read(
        checker,
        tmp_path,
        "Access Representative\n\nTwo years of HIPAA compliance experience required, with "
        "emphasis in medical terminology preferred.\nExperience in a front office, preferably "
        "with medical billing.\n",
    )
    assert asked(posting)["hipaa-compliance"] == "required"
    assert asked(posting)["medical-terminology"] == "preferred"
    assert asked(posting)["billing"] == "preferred"
    assert posting.experience_years == 2


def test_a_duty_without_a_cue_counts_as_required(checker: Checker, tmp_path: Path) -> None:
    posting = read(
        checker,
        tmp_path,
        "Receptionist\n\nResponsibilities\n- Schedule appointments for three providers.\n",
    )
    requirement = posting.asks_for("appointment-scheduling")
    assert requirement is not None and requirement.required and not requirement.ask.explicit


BOILERPLATE = (
    "We offer medical, dental and vision insurance, life insurance and a 401(k).\n"
    "Our mission is compassionate, professional care with teamwork and flexibility.\n"
    "Pay range $18.00 - $22.00 per hour, depending on experience.\n"
    "We are an equal opportunity employer and do not discriminate on the basis of race, "
    "color or national origin; reasonable accommodations are available.\n"
)


def test_boilerplate_is_never_a_source(checker: Checker, tmp_path: Path) -> None:
    posting = read(
        checker, tmp_path, "Front Desk\n\n" + BOILERPLATE + "\nBenefits\n- Paid time off\n"
    )
    assert posting.requirements == ()
    assert posting.terms == ()
    assert posting.boilerplate_words > 0.9 * posting.words


def test_a_benefits_section_is_left_out_but_duties_about_insurance_are_not(
    checker: Checker, tmp_path: Path
) -> None:
    posting = read(
        checker,
        tmp_path,
        "Biller\n\nDuties\nSubmit dental insurance claims and verify insurance eligibility.\n\n"
        "What We Offer\nHealth insurance with prior authorization support for your family.\n",
    )
    requirement = posting.asks_for("insurance-verification")
    assert requirement is not None
    assert "Submit dental insurance claims" in requirement.ask.sentence
    assert all(r.ask.heading != "What We Offer" for r in posting.requirements)


def test_terms_from_the_postings_own_words(checker: Checker, tmp_path: Path) -> None:
    posting = read(
        checker,
        tmp_path,
        "Patient Access Representative\n\nRequirements\n"
        "- 3+ years of patient access experience.\n- Must type 45 WPM.\n"
        "- High school diploma or GED.\n- Current BLS and CPR.\n"
        "- Experience with Medicaid and Medicare eligibility in EPIC.\n"
        "- Bilingual English/Spanish preferred.\n"
        "- Knowledge of the Soarian and Invision billing systems.\n",
    )
    terms = {(t.kind, t.text): t for t in posting.terms}
    assert terms["typing", "45 WPM"].value == 45
    assert ("certification", "BLS") in terms and ("certification", "CPR") in terms
    assert ("payer", "Medicaid") in terms and ("payer", "Medicare") in terms
    assert ("system", "EPIC") in terms
    assert ("system", "Invision") in terms
    assert not terms["language", "Spanish"].required
    assert posting.experience_years == 3
    assert posting.education is not None and posting.education.level == "high-school"
    assert posting.asks_for("ehr-systems") is not None  # EPIC in capitals is still Epic


def test_wrapped_lines_read_as_one_sentence(checker: Checker, tmp_path: Path) -> None:
    posting = read(
        checker,
        tmp_path,
        "Scheduler\n\nRequirements: two years in a clinic, strong knowledge of HIPAA and of\n"
        "medical terminology, and a calm phone manner.\n",
    )
    requirement = posting.asks_for("medical-terminology")
    assert requirement is not None and requirement.ask.explicit and requirement.required


@pytest.mark.parametrize("content", ["", "   \n\n", "Receptionist"])
def test_an_empty_posting_is_a_clear_error(checker: Checker, tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PostingError) as caught:
        checker.read_posting(path)
    assert caught.value.problem == "empty"
    assert "posting" in caught.value.message


def test_a_scanned_posting_is_a_clear_error(checker: Checker, tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    image = Image.new("RGB", (200, 100), "gray")
    path = tmp_path / "scan.pdf"
    canvas = Canvas(str(path))
    canvas.drawImage(ImageReader(image), 50, 500, 400, 200)
    canvas.save()
    with pytest.raises(PostingError) as caught:
        checker.read_posting(path)
    assert caught.value.problem == "no-text"


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_pdf_and_docx_postings_read_as_their_text(
    checker: Checker, tmp_path: Path, kind: str
) -> None:
    from builders import make_docx, make_pdf

    source = DATA / "p04-scheduler-call-center-must-desired.txt"
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path / f"posting.{kind}"
    (make_pdf if kind == "pdf" else make_docx)(path, lines)
    expected = checker.read_posting(source)
    got = checker.read_posting(path)
    assert asked(got) == asked(expected)
    assert got.experience_years == expected.experience_years
