"""The reports: CSV, JSON Lines and JSON, formula defusing, atomic writes, interrupts."""

from __future__ import annotations

import io
import json
import multiprocessing
from pathlib import Path

import pytest
from click.testing import CliRunner

import resume_match.screen
import resume_match.screen.output
from helpers import write
from resume_match.cli import cli
from resume_match.screen import Progress, defuse_formula, screen, write_report
from screen_fakes import LETTER, STRONG, rows


def test_csv_cells_cannot_start_formulas(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("=cmd.txt", "+sum.txt", "-dash.txt", "@at.txt"):
        write(folder, name, STRONG)
    out = tmp_path / "r.csv"
    write_report(screen([folder], fold_same_documents=False, jobs=1), out)
    assert sorted(row["candidate"] for row in rows(out)) == [
        "'+sum.txt", "'-dash.txt", "'=cmd.txt", "'@at.txt",
    ]  # fmt: skip
    assert defuse_formula("-1 reason") == "'-1 reason"
    assert defuse_formula("\tx") == "'\tx"
    assert defuse_formula("plain -") == "plain -"


def test_jsonl_objects_match_check_json(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    resume = write(folder, "jordan-resume.txt", STRONG)
    letter = write(folder, "jordan-cover.txt", LETTER)
    out = tmp_path / "r.jsonl"
    assert runner.invoke(cli, ["screen", str(folder), "--out", str(out)]).exit_code == 0
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    check = runner.invoke(
        cli, ["check", str(resume), "--cover-letter", str(letter), "--format", "json"]
    )
    extra = {"candidate": "jordan", "rank": 1, "shortlisted": True, "filtered_out": None,
             "duplicates": []}  # fmt: skip
    assert row == {**extra, **json.loads(check.stdout)}


def test_json_report_has_summary_and_skipped(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.txt", STRONG)
    write(folder, ".DS_Store", "junk")
    out = tmp_path / "r.json"
    assert runner.invoke(cli, ["screen", str(folder), "--out", str(out)]).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["files"] == 1 and data["summary"]["skipped"] == {"hidden": 1}
    assert [c["candidate"] for c in data["candidates"]] == ["a.txt"]
    assert data["skipped"][0]["kind"] == "hidden"


def test_out_inside_the_input_folder_needs_a_flag(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", STRONG)
    inside = tmp_path / "report.csv"
    refused = runner.invoke(cli, ["screen", str(tmp_path), "--out", str(inside)])
    assert refused.exit_code == 2
    assert "is inside the input folder" in refused.stderr and "--out-in-input" in refused.stderr
    assert not inside.exists()
    allowed = runner.invoke(cli, ["screen", str(tmp_path), "--out", str(inside), "--out-in-input"])
    assert allowed.exit_code == 0 and inside.exists()
    again = runner.invoke(cli, ["screen", str(tmp_path)])
    assert "1 unsupported type" in again.stderr


def test_out_must_have_a_known_suffix(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    write(tmp_path / "in", "a.txt", STRONG)
    result = runner.invoke(cli, ["screen", str(tmp_path / "in"), "--out", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 2 and "must end in .csv, .jsonl, .json or .html" in result.stderr


def test_interrupt_while_scoring_leaves_no_workers(tmp_path: Path) -> None:
    for index in range(4):
        write(tmp_path, f"r{index}.txt", STRONG)

    def interrupt(progress: Progress) -> None:
        if progress.done >= 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        screen([tmp_path], jobs=2, progress=interrupt)
    assert multiprocessing.active_children() == []


def test_ctrl_c_exits_130_without_a_report(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.txt", STRONG)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(resume_match.screen, "screen", interrupted)
    out = tmp_path / "r.csv"
    result = runner.invoke(cli, ["screen", str(folder), "--out", str(out)])
    assert result.exit_code == 130
    assert result.stderr == "error: interrupted; no report was written\n"
    assert not out.exists()


def test_interrupt_while_writing_keeps_the_old_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.txt", STRONG)
    report = screen([folder], jobs=1)
    out = tmp_path / "r.csv"
    out.write_text("old report", encoding="utf-8")

    def half_then_interrupt(handle: io.TextIOBase, *args: object) -> None:
        handle.write("rank,candidate\n1,half")
        raise KeyboardInterrupt

    monkeypatch.setattr(resume_match.screen.output, "write_csv", half_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_report(report, out)
    assert out.read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "r.csv"]
