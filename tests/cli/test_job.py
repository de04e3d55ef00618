"""``resume-match job`` and ``check --job`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from resume_match.cli import cli

DATA = Path(__file__).resolve().parents[1] / "data" / "postings"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
POSTING = DATA / "p01-clinic-psr-minimum-preferred.md"


def test_job_json_has_exactly_the_documented_keys(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["job", str(POSTING), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {
        "file", "title", "required", "preferred", "terms", "experience_years", "education"
    }  # fmt: skip
    assert "medical-terminology" in data["preferred"] and "hipaa-compliance" in data["required"]
    assert {"text": "40 WPM", "kind": "typing", "required": True}.items() <= data["terms"][
        [t["text"] for t in data["terms"]].index("40 WPM")
    ].items()
    assert data["experience_years"] == 2
    assert data["education"]["level"] == "high-school"


def test_job_text_shows_each_ask_with_its_sentence(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["job", str(POSTING)])
    assert result.exit_code == 0
    assert "Preferred Qualifications, stated" in result.output
    assert '"Bilingual English/Spanish is a plus."' in result.output


def test_job_reads_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["job", "-", "--format", "json"], input=POSTING.read_text(encoding="utf-8")
    )
    assert result.exit_code == 0
    assert json.loads(result.output)["file"] == "-"


def test_a_posting_without_skills_says_so(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["job", str(DATA / "p05-no-skills-software.txt")])
    assert result.exit_code == 1
    assert "asks for none of the 17 core skills" in result.output
    assert "Traceback" not in result.output


def test_bad_postings_get_one_line_and_a_status(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["job", str(empty), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.output.split("error:")[0])["status"] == "empty"
    missing = runner.invoke(
        cli, ["check", str(SAMPLES / "psr-weak-resume.pdf"), "--job", "nope.txt"]
    )
    assert missing.exit_code == 1
    assert missing.output.count("\n") == 1 and missing.output.startswith("error: nope.txt: ")


def test_check_without_job_is_unchanged(runner: CliRunner) -> None:
    golden = Path(__file__).resolve().parents[1] / "data" / "golden" / "psr-strong-resume.pdf.json"
    result = runner.invoke(
        cli, ["check", str(SAMPLES / "psr-strong-resume.pdf"), "--format", "json"]
    )
    assert "job" not in json.loads(result.output)
    if golden.is_file():
        expected = json.loads(golden.read_text(encoding="utf-8"))
        assert {**json.loads(result.output), "file": expected["file"]} == expected


def test_check_with_job_adds_a_job_object(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        ["check", str(SAMPLES / "psr-weak-resume.pdf"), "--job", str(POSTING), "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    job = json.loads(result.output)["job"]
    met = sum(s["weight"] for s in job["skills"] if s["met"])
    total = sum(s["weight"] for s in job["skills"])
    assert job["score"] == round(100 * met / total, 1)
    for skill in job["skills"]:
        assert skill["asked"]
        assert skill["weight"] % (2 if skill["required"] else 1) == 0


def test_check_with_job_lists_unmet_required_first(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["check", str(SAMPLES / "psr-weak-resume.pdf"), "--job", str(POSTING)]
    )
    assert result.exit_code == 0
    missing = result.output.split("Missing for this posting (required first)")[1].split("\n\n")[0]
    strengths = [line.split()[1] for line in missing.splitlines() if line.startswith("  - ")]
    assert strengths == sorted(strengths, key=lambda s: s != "REQUIRED")
    assert "asked in Minimum Qualifications:" in missing


def test_check_min_score_gates_on_the_job_score(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        ["check", str(SAMPLES / "psr-weak-resume.pdf"), "--job", str(POSTING), "--min-score", "99"],
    )
    assert result.exit_code == 3
    assert "job score" in result.output
