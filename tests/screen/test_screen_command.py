"""``resume-match screen`` on folders of good and bad files, and on the shared corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import make_docx, make_pdf
from helpers import write
from resume_match.cli import cli
from resume_match.screen import Progress, screen
from screen_fakes import LETTER, STRONG, WEAK, by_file, encrypted_pdf, rows, touch


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "applications"
    folder.mkdir()
    write(folder, "jordan-lee-resume.txt", STRONG)
    write(folder, "jordan-lee-cover-letter.txt", LETTER)
    make_docx(folder / "sam-rivera.docx", WEAK.splitlines())
    make_pdf(folder / "pat-kim.pdf", STRONG.splitlines())
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4 garbage")
    encrypted_pdf(folder / "locked.pdf")
    make_pdf(folder / "blank.pdf", [])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "huge.txt").write_text("patient scheduling " * 11_000, encoding="utf-8")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 old word")
    write(folder, ".hidden.txt", STRONG)
    write(folder, "~$lock.docx", "lock")
    write(folder, "=cmd.txt", STRONG)
    (folder / "loop").symlink_to(folder)
    return folder


def test_mixed_folder(runner: CliRunner, mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    result = runner.invoke(
        cli,
        [
            "screen",
            str(mixed),
            "--keep-duplicates",
            "-r",
            "--out",
            str(out),
            "--max-size",
            "0.1",
            "--jobs",
            "2",
        ],
    )
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    table = rows(out)
    assert list(table[0])[:13] == [
        "rank", "candidate", "status", "score", "technical_score", "soft_score", "shortlisted",
        "filtered_out", "resume", "cover_letter", "duplicates", "missing_keywords", "flags",
    ]  # fmt: skip
    assert "skill:ehr-systems" in table[0] and "skill:active-listening" in table[0]
    files = by_file(table)
    assert files["jordan-lee-resume.txt"]["candidate"] == "jordan-lee"
    assert files["jordan-lee-resume.txt"]["cover_letter"].endswith("jordan-lee-cover-letter.txt")
    assert files["jordan-lee-resume.txt"]["rank"] == "1"
    assert files["=cmd.txt"]["candidate"] == "'=cmd.txt"
    assert files["sam-rivera.docx"]["status"] == "ok"
    assert files["pat-kim.pdf"]["status"] == "ok"
    assert files["pat-kim.pdf"]["skill:ehr-systems"] == "1"
    expected = {
        "corrupt.pdf": ("error", "is not a readable PDF"),
        "locked.pdf": ("error", "is protected by a password"),
        "blank.pdf": ("no-text", "has no text layer"),
        "empty.txt": ("empty", "is empty (0 bytes)"),
        "huge.txt": ("error", "over the 0.1 MB limit"),
        "old.doc": ("skipped", "legacy Word .doc file"),
        "loop": ("skipped", "symbolic link to a folder that contains it"),
    }
    for name, (status, reason) in expected.items():
        assert files[name]["status"] == status, name
        assert reason in files[name]["reason"], name
        assert files[name]["shortlisted"] == "0"
        assert "\n" not in files[name]["reason"]
    assert files["corrupt.pdf"]["skill:ehr-systems"] == ""
    assert ".hidden.txt" not in files and "~$lock.docx" not in files
    assert len(table) == 11
    assert sorted(p.name for p in tmp_path.iterdir()) == ["applications", "report.csv"]
    summary = result.stderr.strip().splitlines()
    assert summary[0] == summary[0].strip()
    assert "read 10, cached 0, failed 5" in result.stderr
    assert "skipped 4: 1 hidden, 1 lock file, 1 symbolic-link loop, 1 unsupported type" in (
        result.stderr
    )
    assert "5 file(s) could not be scored" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["#", "candidate", "score", "tech", "soft", "top", "missing",
                                "skills", "status"]  # fmt: skip
    assert lines[1].split()[:2] == ["1", "jordan-lee"]
    assert any(line.startswith("   -  locked.pdf") for line in lines)


def test_every_file_good_exits_0_and_pipes_plain_text(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", STRONG)
    write(tmp_path, "b.txt", WEAK + STRONG)
    result = runner.invoke(cli, ["screen", str(tmp_path), "--keep-duplicates"])
    assert result.exit_code == 0, result.output
    assert "\r" not in result.stderr and "\x1b" not in result.output
    assert result.stderr.startswith("screened 2 file(s) of 2 candidate(s) in ")


def test_nothing_to_screen_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    touch(tmp_path, "notes.csv", "jane/resume.txt")
    result = runner.invoke(cli, ["screen", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: found no PDF, DOCX, TXT or MD files to screen (skipped 2: 1 sub-folder, "
        "1 unsupported type); add --recursive to search sub-folders\n"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without permissions")
def test_unreadable_file_is_a_row(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    secret = write(folder, "secret.txt", STRONG)
    secret.chmod(0)
    out = tmp_path / "r.csv"
    result = runner.invoke(cli, ["screen", str(folder), "--out", str(out)])
    secret.chmod(0o600)
    assert result.exit_code == 4
    row = by_file(rows(out))["secret.txt"]
    assert row["status"] == "error" and "check its permissions" in row["reason"]


def test_file_name_not_utf8(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        with open(os.fsencode(folder) + b"/caf\xe9-resume.txt", "wb") as handle:  # noqa: PTH123
            handle.write(STRONG.encode())
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    out = tmp_path / "r.jsonl"
    result = runner.invoke(cli, ["screen", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "caf\ufffd-resume.txt" in result.stdout
    assert "not valid UTF-8" in result.stderr
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["status"] == "ok" and row["file"].endswith("caf\ufffd-resume.txt")


def test_file_that_vanishes_during_the_run(tmp_path: Path) -> None:
    write(tmp_path, "stays.txt", STRONG)
    gone = write(tmp_path, "goes.txt", STRONG)

    def delete_first(progress: Progress) -> None:
        if progress.done == 0:
            gone.unlink(missing_ok=True)

    report = screen([tmp_path], jobs=1, progress=delete_first)
    status = {Path(c.main.file).name: (c.main.status, c.main.reason) for c in report.candidates}
    assert status["stays.txt"] == ("ok", "")
    assert status["goes.txt"][0] == "error"
    assert status["goes.txt"][1].startswith("disappeared during the run")


@pytest.mark.slow
def test_corpus_every_file_accounted_for(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus.csv"
    result = runner.invoke(cli, ["screen", str(corpus), "--recursive", "--out", str(out)])
    assert result.exit_code in (0, 4), result.output
    assert "Traceback" not in result.output
    table = rows(out)
    columns = ("resume", "cover_letter", "duplicates")
    listed = {f for row in table for column in columns for f in row[column].split("; ") if f}
    on_disk = {
        str(path) for path in corpus.rglob("*") if path.is_file() and not path.name.startswith(".")
    }
    assert listed == on_disk
    statuses = {Path(row["resume"]).name: row["status"] for row in table}
    assert statuses["bj-scanned-image-only.pdf"] == "no-text"
    assert statuses["kaggle-resume-healthcare-frontoffice.csv"] == "skipped"
    assert all(row["reason"] or row["status"] == "ok" for row in table)
    twin = next(r for r in table if r["candidate"] == "soupboss-office-coordinator-healthcare")
    assert {Path(twin["resume"]).suffix, Path(twin["duplicates"]).suffix} == {".pdf", ".docx"}


def test_every_out_given_is_written(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "apps"
    folder.mkdir()
    write(folder, "jordan-lee-resume.txt", STRONG)
    csv_out, html_out = tmp_path / "list.csv", tmp_path / "list.html"
    result = runner.invoke(
        cli, ["screen", str(folder), "--no-cache", "--out", str(csv_out), "--out", str(html_out)]
    )
    assert result.exit_code == 0, result.output
    assert by_file(rows(csv_out))["jordan-lee-resume.txt"]["status"] == "ok"
    assert html_out.read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert f"report: {csv_out}" in result.stderr and f"report: {html_out}" in result.stderr


def test_the_same_out_twice_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "apps"
    folder.mkdir()
    write(folder, "jordan-lee-resume.txt", STRONG)
    out = tmp_path / "list.csv"
    result = runner.invoke(cli, ["screen", str(folder), "--out", str(out), "--out", str(out)])
    assert result.exit_code == 2
    assert "error: --out: the same file is given twice" in result.stderr
    assert not out.exists()
