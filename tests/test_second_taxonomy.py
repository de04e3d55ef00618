"""A second role (dental front office) through the same code: postings and levels are data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from resume_match.api import Checker
from resume_match.taxonomy import Taxonomy, bundled_taxonomy_path, load_taxonomy

DENTAL = Path(__file__).resolve().parents[1] / "samples" / "dental-front-office"
TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def dental() -> Checker:
    return Checker(load_taxonomy(bundled_taxonomy_path("dental-front-office")))


def test_it_loads_with_its_own_levels_and_posting_data(dental: Checker) -> None:
    taxonomy: Taxonomy = dental.taxonomy
    assert [level.id for level in taxonomy.levels] == ["receptionist", "coordinator", "manager"]
    assert "Dental Receptionist" in taxonomy.posting.titles
    assert {t.kind for t in taxonomy.posting.terms} == {"payer", "system", "certification"}


def test_strong_and_weak_samples(dental: Checker) -> None:
    strong = dental.check(DENTAL / "dental-strong-resume.txt").main
    weak = dental.check(DENTAL / "dental-weak-resume.txt").main
    assert strong.score is not None and weak.score is not None
    assert strong.score >= 90 > 20 >= weak.score


def test_its_posting_is_read_with_its_own_skills(dental: Checker) -> None:
    posting = dental.read_posting(DENTAL / "dental-front-desk-posting.txt")
    asked = {r.skill.id: r.ask.strength for r in posting.requirements}
    assert asked == {
        "dental-insurance": "required",
        "recall-scheduling": "required",
        "treatment-plans": "required",
        "collections": "required",
        "front-desk-organization": "required",
        "dental-software": "preferred",
        "dental-terminology": "preferred",
        "cpr-certified": "preferred",
    }
    payers = {t.text for t in posting.terms if t.kind == "payer"}
    assert payers == {"Delta Dental", "MetLife", "Medicaid"}
    assert posting.experience_years == 1


def test_its_levels_place_the_samples(dental: Checker) -> None:
    posting = dental.read_posting(DENTAL / "dental-front-desk-posting.txt")
    strong = dental.check_detailed(
        DENTAL / "dental-strong-resume.txt", posting=posting, career=True, today=TODAY
    )
    weak = dental.check_detailed(DENTAL / "dental-weak-resume.txt", career=True, today=TODAY)
    assert strong.career is not None and strong.career.best.level.id == "coordinator"
    assert strong.career.next is not None and strong.career.next.level.id == "manager"
    assert weak.career is not None and weak.career.best.level.id == "receptionist"
    assert strong.job is not None and strong.job.score == 100
    assert strong.job.title is not None and strong.job.title.how == "synonym"


def test_a_taxonomy_without_levels_or_posting_data_still_works(tmp_path: Path) -> None:
    path = tmp_path / "barista.toml"
    path.write_text(
        'schema = 1\n[role]\nid = "barista"\nname = "Barista"\n'
        '[[skill]]\nid = "espresso"\nname = "Espresso"\ncategory = "technical"\n'
        'phrases = ["espresso"]\n',
        encoding="utf-8",
    )
    checker = Checker(load_taxonomy(path))
    posting_file = tmp_path / "job.txt"
    posting_file.write_text("Barista\n\nRequirements\n- You must pull espresso shots.\n", "utf-8")
    posting = checker.read_posting(posting_file)
    assert [(r.skill.id, r.ask.strength) for r in posting.requirements] == [
        ("espresso", "required")
    ]
    resume = tmp_path / "r.txt"
    resume.write_text(
        "Experience\nBarista | 2020 - 2022\n"
        + "- Pulled espresso shots all day long for the morning crowd.\n" * 4
    )
    detailed = checker.check_detailed(resume, posting=posting, career=True, today=TODAY)
    assert detailed.career is None and detailed.job is not None and detailed.job.score == 100
