"""The terminal report: one vocabulary, all the evidence on request, a compact combined view."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from helpers import STRONG_RESUME, write
from resume_match.api import Checker
from resume_match.cli import cli
from resume_match.text_report import render_text

RESUME = (
    "Jordan Lee\nEXPERIENCE\n"
    + "- Scheduled and confirmed patient appointments.\n" * 3
    + (
        "- Collected co-pays at check-in; collected co-pays at check-out; processed card "
        "payments.\n"
        "- Front desk work with patients and families every day of the week, all year.\n"
    )
)
LETTER = (
    "Dear hiring manager,\nI verified insurance eligibility before every visit at my clinic, "
    "and I kept every patient's information confidential under HIPAA. I would welcome the "
    "chance to bring this to your front desk.\nSincerely, Jordan Lee\n"
)


def test_found_and_missing_use_the_same_names(checker: Checker, tmp_path: Path) -> None:
    text = render_text(checker.check(write(tmp_path, "r.txt", RESUME)))
    found = [x[4:].split("  (")[0] for x in text.splitlines() if x.startswith("  + ")]
    missing = [x[4:].split("  add: ") for x in text.splitlines() if x.startswith("  - ")]
    names = {s.name: s for s in checker.taxonomy.core}
    assert found and all(name in names for name in found)
    assert missing and all(m[0] in names and m[1] == names[m[0]].keyword for m in missing)
    assert "  - Basic Computer Proficiency  add: Microsoft Office (Word, Excel, Outlook)" in text


def test_cover_letter_shows_combined_first_then_what_each_adds(
    checker: Checker, tmp_path: Path
) -> None:
    resume, letter = write(tmp_path, "r.txt", RESUME), write(tmp_path, "l.txt", LETTER)
    text = render_text(checker.check(resume, letter), width=100)
    lines = text.splitlines()
    assert lines[0] == f"{resume} + {letter}"
    assert lines[1].startswith("  Coverage ") and "both documents together" in lines[1]
    assert lines[2].startswith("    resume:       ") and "adds Appointment Scheduling" in lines[2]
    letter_line = next(i for i, x in enumerate(lines) if x.startswith("    cover letter: "))
    assert "adds Healthcare Insurance Verification, HIPAA Compliance" in " ".join(
        x.strip() for x in lines[letter_line : letter_line + 3]
    )
    assert "+ Appointment Scheduling Software  (p1, Experience; resume only)" in text
    assert "+ HIPAA Compliance  (p1, Body, +1 more; cover letter only)" in text
    assert text.count(" Coverage ") == 1 and "Found" in text and len(lines) < 60


def test_evidence_all_quotes_every_distinct_place(runner: CliRunner, tmp_path: Path) -> None:
    resume = str(write(tmp_path, "r.txt", RESUME))
    first = runner.invoke(cli, ["check", resume])
    every = runner.invoke(cli, ["check", resume, "--evidence", "all"])
    assert first.exit_code == every.exit_code == 0
    assert "+ Payment Processing Systems  (p1, Experience, +" in first.output
    block = every.output.split("+ Payment Processing Systems  (")[1].split("\n  + ")[0]
    assert block.startswith("2 places)")
    quotes = [x for x in block.splitlines()[1:] if x.startswith("      p1, Experience: ")]
    assert len(quotes) == 2 and "processed card payments" in quotes[1]


def test_text_fits_the_terminal(runner: CliRunner, tmp_path: Path) -> None:
    resume = str(write(tmp_path, "r.txt", STRONG_RESUME))
    for columns in (60, 80, 200):
        result = runner.invoke(
            cli, ["check", resume, "--evidence", "all"], env={"COLUMNS": str(columns)}
        )
        assert result.exit_code == 0
        lines = result.output.splitlines()
        assert lines[0] == resume
        assert max(map(len, lines[1:])) <= min(columns, 100)
