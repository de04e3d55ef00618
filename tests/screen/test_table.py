"""The screen table fits the terminal at any width; the CSV keeps one naming and one precision."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import STRONG_RESUME, write
from resume_match.cli import cli

LONG = "kaggle-advocate-front-desk-representative.txt"
LONGER = "kaggle-advocate-front-desk-representative-with-a-very-long-file-name.txt"
WEAK = "Sam Rivera\nEXPERIENCE\n- Answered a multi-line phone system at the front desk.\n" + (
    "- Stocked shelves and helped customers find what they needed in the store.\n" * 3
)


THIRD = "Lee Wong\nEXPERIENCE\n- Answered the multi-line phone at a dental office reception.\n" + (
    "- Watered the plants, tidied the lobby and restocked the brochures each morning.\n" * 3
)
OTHER = "Kim Park\nEXPERIENCE\n- Took patient calls on a multi-line phone system all day.\n" + (
    "- Filed charts, sorted the mail and ordered office supplies every week.\n" * 3
)


@pytest.fixture(scope="module")
def applications(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("table") / "apps"
    folder.mkdir()
    write(folder, "jane-doe.txt", STRONG_RESUME)
    write(folder, LONG, WEAK)
    write(folder, "a.txt", THIRD)
    write(folder, LONGER, OTHER)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (folder / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old word")
    return folder


def table(runner: CliRunner, folder: Path, columns: int, *args: str) -> list[str]:
    result = runner.invoke(
        cli, ["screen", str(folder), "--jobs", "1", *args], env={"COLUMNS": str(columns)}
    )
    assert result.exit_code == 4, result.output
    return result.stdout.splitlines()


def test_80_columns_keeps_names_whole_and_moves_missing_skills_below(
    runner: CliRunner, applications: Path
) -> None:
    lines = table(runner, applications, 80)
    assert max(map(len, lines)) <= 80
    assert lines[0].split() == ["#", "candidate", "score", "tech", "soft", "status"]
    assert any(line.startswith(f"   4  {LONG}  ") for line in lines), lines
    assert any(
        line.startswith("   2  kaggle-advocate-front-desk-r...-file-name.txt") for line in lines
    )
    row = lines.index(next(x for x in lines if LONG in x))
    assert lines[row].endswith("  ok")
    assert lines[row + 1].startswith("      missing: Electronic Health Record (EHR) Systems; ")
    broken = next(i for i, x in enumerate(lines) if "broken.pdf" in x)
    assert lines[broken].startswith("   -  broken.pdf") and lines[broken].endswith("  error")
    assert lines[broken + 1].startswith("      is not a readable PDF")


def test_200_columns_is_one_line_per_candidate(runner: CliRunner, applications: Path) -> None:
    lines = table(runner, applications, 200)
    assert max(map(len, lines)) <= 200
    assert lines[0].split()[:8] == [
        "#",
        "candidate",
        "score",
        "tech",
        "soft",
        "top",
        "missing",
        "skills",
    ]
    assert len(lines) == 1 + 5 and any(LONGER in line for line in lines)
    long_row = next(x for x in lines if LONG in x)
    assert "Electronic Health Record (EHR) Systems; Healthcare Insurance Verification" in long_row
    assert long_row.rstrip().endswith("ok")


@pytest.mark.parametrize("columns", [40, 60, 79, 80, 81, 100, 119, 120, 150, 200, 240])
def test_no_line_is_wider_than_the_terminal(
    runner: CliRunner, applications: Path, columns: int
) -> None:
    lines = table(runner, applications, columns)
    limit = max(columns, 40)
    assert max(map(len, lines)) <= limit
    header = lines[0]
    assert header.endswith("status") and "stat" not in header[:-6]
    assert ("tech" in header) is (columns >= 60)


def test_csv_names_skipped_files_like_candidates_and_one_decimal(
    runner: CliRunner, applications: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.csv"
    runner.invoke(cli, ["screen", str(applications.resolve()), "-j", "1", "--out", str(out)])
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_name = {r["candidate"]: r for r in rows}
    assert set(by_name) == {"jane-doe.txt", LONG, LONGER, "a.txt", "broken.pdf", "notes.doc"}
    assert by_name["notes.doc"]["status"] == "skipped"
    assert by_name["notes.doc"]["resume"] == str(applications.resolve() / "notes.doc")
    for row in rows:
        for key in ("score", "technical_score", "soft_score"):
            assert row[key] == "" or (row[key].split(".")[1:] and len(row[key].split(".")[1]) == 1)
    assert by_name[LONG]["soft_score"] == "0.0"
