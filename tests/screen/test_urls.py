"""Applications and reports by URL through fsspec (memory:// and file://); skipped without it."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from helpers import STRONG_RESUME, write
from resume_match.cli import cli
from resume_match.screen import screen, write_report

fsspec = pytest.importorskip("fsspec")

MARIA = """Maria Lopez
EXPERIENCE
Front desk receptionist at a dental office: greeted patients, answered the phones, booked
appointments and took payments. Bilingual in Spanish and English; friendly and organised.
"""
WEAK = """Sam Rivera
EXPERIENCE
Barista at a neighbourhood coffee shop for two years. Made espresso drinks, kept the counter
clean, restocked the pastry case and opened the store on weekends with the shift lead.
"""
LETTER = "Dear Hiring Manager,\nI listen carefully to patients and stay calm under pressure.\n"


@pytest.fixture
def bucket() -> Iterator[Any]:
    """An in-memory bucket of applications, emptied after each test."""
    memory = fsspec.filesystem("memory")
    files = {
        "apps/jordan-lee-resume.txt": STRONG_RESUME,
        "apps/jordan-lee-cover-letter.txt": LETTER,
        "apps/sam.txt": WEAK,
        "apps/broken.pdf": "%PDF-1.7 truncated",
        "apps/notes.rtf": "{\\rtf1 hi}",
        "apps/.hidden.txt": STRONG_RESUME,
        "apps/maria/resume.txt": MARIA,
    }
    for name, text in files.items():
        memory.pipe_file(f"/{name}", text.encode())
    yield memory
    memory.rm("/", recursive=True)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_a_bucket_screens_like_the_same_folder(bucket: Any, tmp_path: Path) -> None:
    folder = tmp_path / "apps"
    for name in bucket.find("/apps", withdirs=False):
        local = folder / name.removeprefix("/apps/")
        local.parent.mkdir(parents=True, exist_ok=True)
        local.write_bytes(bucket.cat_file(name))
    remote = screen(["memory://apps"], recursive=True, jobs=1)
    local = screen([folder], recursive=True, jobs=1)
    assert [(c.name, c.rank, c.main.status, c.main.score) for c in remote.candidates] == [
        (c.name, c.rank, c.main.status, c.main.score) for c in local.candidates
    ]
    assert [(s.kind, s.reason) for s in remote.skipped] == [
        (s.kind, s.reason) for s in local.skipped
    ]
    resumes = {c.check.resume.file for c in remote.candidates}
    assert "memory://apps/jordan-lee-resume.txt" in resumes
    assert "memory://apps/maria/resume.txt" in resumes


def test_report_to_a_url_and_the_cli(bucket: Any, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["screen", "memory://apps", "--no-cache", "--out", "memory://reports/out.csv"]
    )
    assert result.exit_code == 4, result.output
    assert "report: memory://reports/out.csv" in result.stderr
    table = rows(bucket.cat_file("/reports/out.csv").decode("utf-8"))
    by_name = {row["candidate"]: row for row in table}
    assert by_name["jordan-lee"]["cover_letter"] == "memory://apps/jordan-lee-cover-letter.txt"
    assert by_name["broken.pdf"]["status"] == "error"
    assert by_name["notes.rtf"]["status"] == "skipped"
    assert by_name["notes.rtf"]["resume"] == "memory://apps/notes.rtf"
    assert "maria" not in " ".join(by_name)  # a sub-folder, without --recursive


def test_the_cache_works_for_urls(bucket: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("RESUME_MATCH_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    assert "read 5, cached 0" in runner.invoke(cli, ["screen", "memory://apps", "-r"]).stderr
    bucket.pipe_file("/apps/new.txt", STRONG_RESUME.encode() + b"\nBilingual.\n")
    assert "read 1, cached 5" in runner.invoke(cli, ["screen", "memory://apps", "-r"]).stderr


def test_file_urls_are_opened_by_the_workers(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", STRONG_RESUME)
    write(tmp_path, "b.txt", WEAK)
    report = screen([f"file://{tmp_path}"], jobs=2)
    assert [c.main.status for c in report.candidates] == ["ok", "ok"]
    assert report.candidates[0].check.resume.file == f"file://{tmp_path}/a.txt"
    out = tmp_path / "out"
    out.mkdir()
    write_report(report, f"file://{out}/report.jsonl")
    assert (out / "report.jsonl").read_text().count("\n") == 2


def test_bad_urls_are_one_line_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["screen", "memory://nothing-here"])
    assert result.exit_code == 1
    assert result.stderr == "error: memory://nothing-here: does not exist; check the URL\n"
    result = runner.invoke(cli, ["screen", "nosuch://bucket/apps"])
    assert result.exit_code == 1 and result.stderr.startswith("error: nosuch://bucket/apps: ")
    result = runner.invoke(cli, ["screen", str(tmp_path), "--out", "memory://r/out.txt"])
    assert result.exit_code == 2 and "memory://r/out.txt: must end in .csv" in result.stderr
    monkeypatch.setitem(sys.modules, "fsspec", None)
    monkeypatch.setitem(sys.modules, "fsspec.core", None)
    result = runner.invoke(cli, ["screen", "s3://bucket/apps"])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: s3://bucket/apps: reading URLs needs fsspec; "
        "install resume-match[dask] (or pip install fsspec)\n"
    )


def test_dask_reads_a_memory_bucket(bucket: Any) -> None:
    pytest.importorskip("distributed")
    result = CliRunner().invoke(
        cli, ["screen", "memory://apps", "-r", "--no-cache", "--engine", "dask", "--jobs", "1"]
    )
    local = CliRunner().invoke(cli, ["screen", "memory://apps", "-r", "--no-cache", "--jobs", "1"])
    assert result.exit_code == local.exit_code == 4
    assert result.stdout == local.stdout
