"""Career level fit: one resume written for each level, and the floor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from resume_match.api import Checker

TODAY = date(2026, 12, 1)
BASICS = (
    "• Scheduled patient appointments and registered new patients at check-in.\n"
    "• Answered a multi-line phone system and entered demographics into the EHR.\n"
    "• Protected patient privacy under HIPAA.\n"
)
PSR = (
    "• Verified insurance eligibility before each visit and collected co-pays.\n"
    "• Resolved patient complaints and billing questions at the desk.\n"
    "• Answered billing questions and explained statements.\n"
)
SENIOR = (
    "• Obtained prior authorizations and filed insurance appeals for denied claims.\n"
    "• Primary point of contact for escalated concerns and complex cases.\n"
    "• Scheduled procedures for multiple providers across three specialties.\n"
    "• Trained and mentored new front-desk hires.\n"
)
LEAD = (
    "• Built the weekly staff schedule and planned coverage for eight representatives.\n"
    "• Conducted quality assurance reviews of registrations and calls.\n"
    "• Coached representatives and led the daily huddle.\n"
)
SUPERVISOR = (
    "• Interviewed and hired twelve patient service representatives.\n"
    "• Built the onboarding program and ran staff training sessions.\n"
    "• Wrote performance reviews and corrective action plans for direct reports.\n"
    "• Developed front-office policies and managed the department budget.\n"
)


def resume(tmp_path: Path, start: str, *bullets: str) -> Path:
    path = tmp_path / "resume.txt"
    path.write_text(
        "Alex Kim\nEXPERIENCE\nFront Desk Representative\nLakeside Clinic | "
        f"{start} - Present\n" + "".join(bullets),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("start", "parts", "level"),
    [
        ("06/2026", (BASICS,), "junior"),
        ("01/2024", (BASICS, PSR), "psr"),
        ("01/2022", (BASICS, PSR, SENIOR), "senior"),
        ("01/2020", (BASICS, PSR, SENIOR, LEAD), "lead"),
        ("01/2016", (BASICS, PSR, SENIOR, LEAD, SUPERVISOR), "supervisor"),
    ],
)
def test_each_level_is_placed(
    checker: Checker, tmp_path: Path, start: str, parts: tuple[str, ...], level: str
) -> None:
    career = checker.check_detailed(
        resume(tmp_path, start, *parts), career=True, today=TODAY
    ).career
    assert career is not None
    assert career.best.level.id == level
    if career.next is not None:
        assert career.next.level.id != level


def test_basics_only_is_junior_not_unknown(checker: Checker, tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "I am a hard-working person who likes people and wants to work in an office.\n" * 3,
        encoding="utf-8",
    )
    career = checker.check_detailed(path, career=True, today=TODAY).career
    assert career is not None and career.best.level.id == "junior"
    assert career.next is not None and career.next.level.id == "psr"


def test_years_hold_a_level_back(checker: Checker, tmp_path: Path) -> None:
    path = resume(tmp_path, "01/2025", BASICS, PSR, SENIOR)
    career = checker.check_detailed(path, career=True, today=TODAY).career
    assert career is not None
    senior = career.fit_for("senior")
    assert senior.shown >= senior.level.enough and senior.years_ok is False
    assert career.best.level.id == "psr"
    assert senior.fit < 100 * senior.shown / len(senior.needs)


def test_the_next_level_lists_what_is_missing(checker: Checker, tmp_path: Path) -> None:
    career = checker.check_detailed(
        resume(tmp_path, "01/2022", BASICS, PSR, SENIOR), career=True, today=TODAY
    ).career
    assert career is not None and career.next is not None
    missing = {n.skill.id for n in career.next.needs if not n.shown}
    assert {"staff-scheduling", "quality-reviews", "coaching"} <= missing
