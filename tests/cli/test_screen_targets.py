"""screen --job and --level: ranking by fit, and --require with a posting's terms."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from resume_match.cli import cli

DATA = Path(__file__).resolve().parents[1] / "data" / "postings"
POSTING = DATA / "p01-clinic-psr-minimum-preferred.md"

STRONG = """Sam Lee
EXPERIENCE
Patient Service Representative | 01/2019 - Present
- Greeted patients and completed check-in and check-out at the front desk.
- Scheduled and confirmed patient appointments in Epic Cadence.
- Verified insurance eligibility for Medicaid and Medicare patients.
- Collected co-pays and balanced the cash drawer; answered a multi-line phone system.
- Followed HIPAA; knowledge of medical terminology; bilingual English/Spanish.
"""
SENIOR = STRONG + (
    "- Obtained prior authorizations and filed insurance appeals for denied claims.\n"
    "- Point of contact for escalated concerns; trained and mentored new hires.\n"
)
WEAK = """Pat Doe
EXPERIENCE
Cashier | 2018 - 2020
- Rang up orders on the register and helped customers find items on the shelves.
- Kept the store clean and stocked shelves every morning before opening.
"""


def folder(tmp_path: Path) -> Path:
    apps = tmp_path / "apps"
    apps.mkdir()
    for name, text in (("strong.txt", STRONG), ("senior.txt", SENIOR), ("weak.txt", WEAK)):
        (apps / name).write_text(text, encoding="utf-8")
    return apps


def run(tmp_path: Path, *args: str) -> list[dict[str, str]]:
    out = tmp_path / "report.csv"
    result = CliRunner().invoke(
        cli,
        ["screen", str(folder(tmp_path)), "--no-cache", "--jobs", "1", "--out", str(out), *args],
    )
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_screen_job_ranks_by_the_job_score(tmp_path: Path) -> None:
    rows = run(tmp_path, "--job", str(POSTING))
    assert [r["candidate"] for r in rows][-1] == "weak.txt"
    assert all(r["fit"] for r in rows)
    fits = [float(r["fit"]) for r in rows]
    assert fits == sorted(fits, reverse=True)


def test_screen_require_takes_posting_terms(tmp_path: Path) -> None:
    rows = run(tmp_path, "--job", str(POSTING), "--require", "Medicaid,Epic Cadence")
    kept = {r["candidate"] for r in rows if r["shortlisted"] == "1"}
    assert kept == {"strong.txt", "senior.txt"}
    weak = next(r for r in rows if r["candidate"] == "weak.txt")
    assert "term:medicaid" in weak["filtered_out"]


def test_screen_level_ranks_by_fit_for_the_level(tmp_path: Path) -> None:
    rows = run(tmp_path, "--level", "senior")
    assert rows[0]["candidate"] == "senior.txt"
    assert float(rows[0]["fit"]) > float(rows[1]["fit"])


def test_screen_without_targets_has_no_fit_column(tmp_path: Path) -> None:
    rows = run(tmp_path)
    assert "fit" not in rows[0]


def test_screen_level_unknown_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["screen", str(folder(tmp_path)), "--level", "boss"])
    assert result.exit_code == 2
    assert "levels are: junior, psr, senior, lead, supervisor" in result.output


def test_screen_json_carries_the_fit(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    result = CliRunner().invoke(
        cli,
        [
            "screen",
            str(folder(tmp_path)),
            "--no-cache",
            "-j",
            "1",
            "--job",
            str(POSTING),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["fit"] >= 0 and first["rank"] == 1
