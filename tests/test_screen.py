"""``resume-match screen`` and the screening library: discovery, pairing, bad files, reports."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from reportlab.pdfgen.canvas import Canvas

import resume_match.screen
import resume_match.screen.output
from builders import make_docx, make_pdf
from conftest import STRONG_RESUME, write
from resume_match.api import Checker
from resume_match.cli import cli
from resume_match.model import CheckResult, DocumentResult
from resume_match.screen import (
    Candidate,
    CandidateResult,
    Discovery,
    Progress,
    Shortlist,
    defuse_formula,
    discover,
    pair_files,
    rank_candidates,
    screen,
    write_report,
)

STRONG = STRONG_RESUME
WEAK = """Sam Rivera
EXPERIENCE
Barista at a neighbourhood coffee shop for two years. Made espresso drinks, kept the counter
clean, restocked the pastry case and opened the store on weekends with the shift lead.
"""
LETTER = """Dear Hiring Manager,
I am applying for the Patient Service Representative role. I am a good listener who listens
carefully to patient concerns, and I stay calm and courteous under pressure. I adapt quickly to
change and work closely with nurses. Sincerely, Jordan Lee
"""


@pytest.fixture(scope="module", autouse=True)
def preloaded_fork_server() -> None:
    """Import spaCy once into the fork server the workers come from: the same code, ~1 s less a run.

    The CLI does not preload, so that its fork server stays small and exits at once.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        multiprocessing.get_context("forkserver").set_forkserver_preload(
            ["spacy", "spacy.lang.en", "spacy.matcher", "pypdfium2", "docx", "resume_match.api"]
        )


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("RESUME_MATCH_CACHE_DIR", str(folder))
    return folder


def slow_on_name(checker: Checker, path: Path) -> DocumentResult:
    """A check that hangs on files named slow*, to exercise the time limit."""
    if path.name.startswith("slow"):
        time.sleep(120)
    return checker.check_document(path)


def crash_on_name(checker: Checker, path: Path) -> DocumentResult:
    """A check that kills its process on files named crash*, like a segfault in a parser."""
    if path.name.startswith("crash"):
        os._exit(3)
    return checker.check_document(path)


def hog_on_name(checker: Checker, path: Path) -> DocumentResult:
    """A check that asks for 3 GB on files named hog*, like a decompression bomb."""
    if path.name.startswith("hog"):
        bytearray(3 * 1024**3)
    return checker.check_document(path)


def encrypted_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), encrypt="secret")
    for y, line in enumerate(STRONG.splitlines()):
        canvas.drawString(54, 720 - 14 * y, line)
    canvas.save()
    return path


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def by_file(table: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {Path(row["resume"]).name: row for row in table}


def names(discovery: Discovery) -> list[tuple[str, str, str | None]]:
    return [
        (c.name, c.resume.name, c.cover_letter.name if c.cover_letter else None)
        for c in pair_files(discovery)
    ]


def touch(folder: Path, *files: str) -> None:
    for name in files:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


# --- discovery and pairing ----------------------------------------------------------------------


def test_pairing_by_name_marker(tmp_path: Path) -> None:
    touch(
        tmp_path,
        "jane-doe-resume.pdf",
        "jane-doe-cover-letter.docx",
        "John_Smith_CV.pdf",
        "John_Smith_CL.docx",
        "alone.txt",
        "bob-cover.txt",
        "amy-resume.pdf",
        "amy-resume.docx",
        "amy-cover.txt",
    )
    assert names(discover([tmp_path])) == [
        ("John_Smith", "John_Smith_CV.pdf", "John_Smith_CL.docx"),
        ("alone.txt", "alone.txt", None),
        ("amy-cover.txt", "amy-cover.txt", None),
        ("amy-resume.docx", "amy-resume.docx", None),
        ("amy-resume.pdf", "amy-resume.pdf", None),
        ("bob-cover.txt", "bob-cover.txt", None),
        ("jane-doe", "jane-doe-resume.pdf", "jane-doe-cover-letter.docx"),
    ]


def test_pairing_by_candidate_folder(tmp_path: Path) -> None:
    touch(
        tmp_path,
        "kim/cv.pdf",
        "kim/Motivation cover.docx",
        "lee/resume.txt",
        "batch/a.txt",
        "batch/b.txt",
        "batch/b-cover-letter.md",
        "batch/c.txt",
    )
    assert names(discover([tmp_path], recursive=True)) == [
        ("batch/a.txt", "a.txt", None),
        ("batch/b", "b.txt", "b-cover-letter.md"),
        ("batch/c.txt", "c.txt", None),
        ("kim", "cv.pdf", "Motivation cover.docx"),
        ("lee", "resume.txt", None),
    ]


def test_discovery_skips_and_says_why(tmp_path: Path) -> None:
    touch(tmp_path, "good.txt", ".hidden.txt", "~$lock.docx", "old.doc", "data.csv", "sub/x.txt")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    (tmp_path / "a-link.txt").symlink_to(tmp_path / "b-link.txt")
    (tmp_path / "b-link.txt").symlink_to(tmp_path / "a-link.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "again.txt").symlink_to(tmp_path / "good.txt")
    flat = discover([tmp_path])
    assert [f.rel for f in flat.files] == ["good.txt"]
    kinds = {Path(s.path).name: s.kind for s in flat.skipped}
    assert kinds == {
        ".hidden.txt": "hidden",
        "~$lock.docx": "lock file",
        "old.doc": "unsupported type",
        "data.csv": "unsupported type",
        "sub": "sub-folder",
        "a-link.txt": "symbolic-link loop",
        "b-link.txt": "symbolic-link loop",
        "broken.txt": "broken link",
        "again.txt": "duplicate",
    }
    reasons = {Path(s.path).name: s.reason for s in flat.skipped}
    assert "legacy Word .doc file; save it as PDF or DOCX" in reasons["old.doc"]
    deep = discover([tmp_path], recursive=True)
    assert [f.rel for f in deep.files] == ["good.txt", "sub/x.txt"]
    loop = next(s for s in deep.skipped if s.path.endswith("loop"))
    assert loop.kind == "symbolic-link loop"


# --- the command on a folder of good and bad files ---------------------------------------------


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
        cli, ["screen", str(mixed), "-r", "--out", str(out), "--max-size", "0.1", "--jobs", "2"]
    )
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    table = rows(out)
    assert list(table[0])[:13] == [
        "rank", "candidate", "status", "score", "technical_score", "soft_score", "shortlisted",
        "filtered_out", "resume", "cover_letter", "missing_keywords", "flags", "reason",
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
    result = runner.invoke(cli, ["screen", str(tmp_path)])
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


# --- reports ------------------------------------------------------------------------------------


def test_csv_cells_cannot_start_formulas(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("=cmd.txt", "+sum.txt", "-dash.txt", "@at.txt"):
        write(folder, name, STRONG)
    out = tmp_path / "r.csv"
    write_report(screen([folder], jobs=1), out)
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
    extra = {"candidate": "jordan", "rank": 1, "shortlisted": True, "filtered_out": None}
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
    assert result.exit_code == 2 and "must end in .csv, .jsonl or .json" in result.stderr


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


# --- shortlist, ranking, cache ------------------------------------------------------------------


def ranked_folder(folder: Path) -> Path:
    folder.mkdir()
    write(folder, "b-strong.txt", STRONG)
    write(folder, "a-strong.txt", STRONG)
    write(folder, "c-weak.txt", WEAK + "\nMicrosoft Office and data entry.\n" * 3)
    write(folder, "d-letter.txt", LETTER + STRONG)
    make_docx(folder / "e-mixed.docx", [*STRONG.splitlines()[:6], *WEAK.splitlines()])
    make_pdf(folder / "f-mixed.pdf", [*STRONG.splitlines()[4:], *WEAK.splitlines()])
    return folder


def test_jobs_1_and_2_give_identical_reports(runner: CliRunner, tmp_path: Path) -> None:
    folder = ranked_folder(tmp_path / "in")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.csv"
        result = runner.invoke(
            cli, ["screen", str(folder), "--jobs", jobs, "--no-cache", "--out", str(out)]
        )
        assert result.exit_code == 0, result.output
        outputs.append((out.read_bytes(), result.stdout))
    assert outputs[0] == outputs[1]
    table = rows(tmp_path / "jobs1.csv")
    scores = [float(row["score"]) for row in table]
    assert scores == sorted(scores, reverse=True)
    assert [row["rank"] for row in table] == [str(i) for i in range(1, 7)]
    strong = [row["candidate"] for row in table if row["candidate"].endswith("-strong.txt")]
    assert strong == ["a-strong.txt", "b-strong.txt"]


def test_shortlist_filters_keep_everyone_in_the_report(runner: CliRunner, tmp_path: Path) -> None:
    folder = ranked_folder(tmp_path / "in")
    out = tmp_path / "r.csv"
    result = runner.invoke(
        cli,
        ["screen", str(folder), "--out", str(out), "--min-score", "50",
         "--require", "active-listening,ehr-systems", "--top", "1"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    table = rows(out)
    assert len(table) == 6
    kept = [row for row in table if row["shortlisted"] == "1"]
    assert [row["candidate"] for row in kept] == ["d-letter.txt"]
    reasons = {row["candidate"]: row["filtered_out"] for row in table}
    assert reasons["a-strong.txt"] == "missing required active-listening"
    assert "is below --min-score 50" in reasons["c-weak.txt"]
    assert result.stdout.count("\n") == 2 and "d-letter.txt" in result.stdout
    assert "; shortlisted 1" in result.stderr
    unknown = runner.invoke(cli, ["screen", str(folder), "--require", "typing"])
    assert unknown.exit_code == 2
    assert "unknown skill id 'typing'" in unknown.stderr and "ehr-systems" in unknown.stderr


def test_top_counts_only_candidates_that_pass() -> None:
    results = [
        CandidateResult(
            Candidate(name, Path(name)),
            CheckResult(DocumentResult(name, "ok", score=score)),
        )
        for name, score in [("b", 50.0), ("a", 50.0), ("c", 90.0), ("d", 10.0)]
    ]
    ranked = rank_candidates(results, Shortlist(min_score=20, top=2))
    assert [(r.name, r.rank, r.filtered_out) for r in ranked] == [
        ("c", 1, ""),
        ("a", 2, ""),
        ("b", 3, "not in the top 2"),
        ("d", 4, "score 10 is below --min-score 20"),
    ]


def test_cache_reuse_and_invalidation(runner: CliRunner, tmp_path: Path, cache_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.txt", STRONG)
    write(folder, "b.txt", WEAK + STRONG)

    def run(*extra: str) -> str:
        result = runner.invoke(cli, ["screen", str(folder), *extra])
        assert result.exit_code == 0, result.output
        return result.stderr

    assert "read 2, cached 0" in run()
    first = runner.invoke(cli, ["screen", str(folder)]).stdout
    assert "read 0, cached 2" in run()
    write(folder, "c.txt", STRONG + "\nBilingual in Spanish.\n")
    assert "read 1, cached 2" in run()
    assert runner.invoke(cli, ["screen", str(folder)]).stdout.count("\n") == first.count("\n") + 1
    assert "read 3, cached 0" in run("--no-cache")
    assert "read 3, cached 0" in run("--max-size", "5")
    taxonomy = write(tmp_path, "t.toml", TAXONOMY.format(phrase="insurance"))
    assert "read 3, cached 0" in run("--taxonomy", str(taxonomy))
    assert "read 0, cached 3" in run("--taxonomy", str(taxonomy))
    write(tmp_path, "t.toml", TAXONOMY.format(phrase="epic"))
    assert "read 3, cached 0" in run("--taxonomy", str(taxonomy))
    assert (cache_dir / "screen-cache.sqlite3").is_file()


TAXONOMY = """schema = 1
[role]
id = "mini"
name = "Mini"
[[skill]]
id = "one"
name = "One"
category = "technical"
phrases = ["{phrase}"]
"""


def test_broken_cache_is_a_warning(runner: CliRunner, tmp_path: Path, cache_dir: Path) -> None:
    (cache_dir / "screen-cache.sqlite3").write_bytes(b"this is not a database" * 100)
    write(tmp_path, "a.txt", STRONG)
    result = runner.invoke(cli, ["screen", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("warning: the cache is off: ")
    assert "delete it or use --no-cache" in result.stderr


# --- hangs and crashes ------------------------------------------------------------------------


def test_a_hanging_file_is_stopped_and_the_batch_goes_on(tmp_path: Path) -> None:
    for name in ("a.txt", "slow.txt", "z.txt"):
        write(tmp_path, name, STRONG)
    report = screen([tmp_path], jobs=1, timeout=1, check_function=slow_on_name)
    status = {c.name: (c.main.status, c.main.reason) for c in report.candidates}
    assert status["slow.txt"][0] == "error"
    assert status["slow.txt"][1].startswith("timed out after 1 s")
    assert status["a.txt"][0] == status["z.txt"][0] == "ok"
    assert report.failed == 1
    assert multiprocessing.active_children() == []


def test_a_crashing_worker_is_replaced(tmp_path: Path) -> None:
    for name in ("a.txt", "crash1.txt", "crash2.txt", "z.txt"):
        write(tmp_path, name, STRONG)
    report = screen([tmp_path], jobs=1, check_function=crash_on_name)
    status = {c.name: (c.main.status, c.main.reason) for c in report.candidates}
    assert (
        status["crash1.txt"] == status["crash2.txt"] == ("error", "the reader crashed on this file")
    )
    assert status["a.txt"][0] == status["z.txt"][0] == "ok"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_a_file_that_wants_too_much_memory_fails_alone(tmp_path: Path) -> None:
    for name in ("a.txt", "hog.txt"):
        write(tmp_path, name, STRONG)
    report = screen([tmp_path], jobs=1, check_function=hog_on_name)
    status = {c.name: (c.main.status, c.main.reason) for c in report.candidates}
    assert status["a.txt"][0] == "ok"
    assert status["hog.txt"] == (
        "error",
        "needs more than the 1,024 MB memory limit; it may be damaged or built to exhaust readers",
    )


# --- the shared corpus ------------------------------------------------------------------------


@pytest.mark.slow
def test_corpus_every_file_accounted_for(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus.csv"
    result = runner.invoke(cli, ["screen", str(corpus), "--recursive", "--out", str(out)])
    assert result.exit_code in (0, 4), result.output
    assert "Traceback" not in result.output
    table = rows(out)
    listed = {row[column] for row in table for column in ("resume", "cover_letter") if row[column]}
    on_disk = {
        str(path) for path in corpus.rglob("*") if path.is_file() and not path.name.startswith(".")
    }
    assert listed == on_disk
    statuses = {Path(row["resume"]).name: row["status"] for row in table}
    assert statuses["bj-scanned-image-only.pdf"] == "no-text"
    assert statuses["kaggle-resume-healthcare-frontoffice.csv"] == "skipped"
    assert all(row["reason"] or row["status"] == "ok" for row in table)


def test_no_follow_links_keeps_to_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    outside = write(tmp_path, "outside.txt", STRONG)
    write(folder, "inside.txt", WEAK)
    (folder / "escape.txt").symlink_to(outside)
    (folder / "alias.txt").symlink_to(folder / "inside.txt")
    followed = discover([folder], follow_links=True)
    assert sorted(f.path.name for f in followed.files) == ["escape.txt", "inside.txt"]
    kept = discover([folder], follow_links=False)
    assert [f.path.name for f in kept.files] == ["inside.txt"]
    reasons = {Path(s.path).name: (s.kind, s.reason) for s in kept.skipped}
    assert reasons["escape.txt"][0] == "outside link"
    assert "is a symbolic link out of" in reasons["escape.txt"][1]
    assert reasons["alias.txt"][0] == "duplicate"


def test_no_follow_links_option(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "inside.txt", STRONG)
    (folder / "escape.txt").symlink_to(write(tmp_path, "outside.txt", WEAK))
    result = runner.invoke(cli, ["screen", str(folder), "--no-follow-links", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "escape.txt" not in result.stdout
    assert "1 outside link" in result.stderr
