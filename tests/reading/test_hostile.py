"""Hostile and broken files: every one gives a status and a reason, never a crash or a hang.

The files are built on the fly by tests/builders/, as tests/reading/hostile_cases.py lists them.
Each test reads them through the public entry points (``read_document``, ``Checker``, the ``check``
and ``screen`` commands) and asserts the exact status and the reason a user would see. Hang
guards are pytest timeouts, not assertions about speed.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from builders import MB, RESUME_LINES, make_docx, make_pdf, resume_text, simple_pdf
from hostile_cases import CASES, Case
from resume_match.api import Checker, DocumentResult
from resume_match.cli import cli
from resume_match.errors import DocumentError, FileTooLargeError
from resume_match.reading import ReadOptions, read_document
from resume_match.reading.normalize import normalize_text
from resume_match.taxonomy import Taxonomy

pytestmark = pytest.mark.timeout(120)

BY_NAME = {case.name: case for case in CASES}


def _check(checker: Checker, taxonomy: Taxonomy, case: Case, path: Path) -> DocumentResult:
    if case.options:
        return Checker(taxonomy, ReadOptions(**case.options)).check_document(path)
    return checker.check_document(path)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_file_gives_its_status_and_reason(
    case: Case, tmp_path: Path, checker: Checker, taxonomy: Taxonomy
) -> None:
    result = _check(checker, taxonomy, case, case.write(tmp_path))
    assert (result.status, result.reason[: len(case.message)]) == (case.status, case.message)
    if case.status == "ok":
        assert result.reason == ""
        assert sorted(flag.kind for flag in result.flags) == sorted(case.flags)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_command_reports_in_one_line(case: Case, tmp_path: Path, runner: CliRunner) -> None:
    """The CLI reads in a child process (ReadOptions.isolate): same answer, never a traceback."""
    path = case.write(tmp_path)
    size = ["--max-size", str(case.options["max_bytes"] // MB)] if case.options else []
    result = runner.invoke(cli, ["check", str(path), "--format", "json", *size])
    assert "Traceback" not in result.output + result.stderr
    if case.status == "ok":
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
    else:
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: {path}: {case.message}")
        assert result.stderr.count("\n") == 1


def test_screen_scores_a_folder_of_hostile_files(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESUME_MATCH_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "applications"
    folder.mkdir()
    for case in CASES:
        case.write(folder)
    before = _snapshot(folder)
    out = tmp_path / "report.csv"
    result = runner.invoke(cli, ["screen", str(folder), "--no-cache", "--out", str(out)])
    assert "Traceback" not in result.output + result.stderr
    assert result.exit_code == 4, result.stderr
    report = out.read_text(encoding="utf-8-sig")
    missing = [case.filename for case in CASES if case.filename not in report]
    assert missing == []
    assert _snapshot(folder) == before


# --- the reader's promises ----------------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize("isolate", [False, True], ids=["in-process", "child-process"])
def test_reading_never_writes_into_the_input_folder(tmp_path: Path, isolate: bool) -> None:
    for case in CASES:
        case.write(tmp_path)
    before = _snapshot(tmp_path)
    for case in CASES:
        with contextlib.suppress(DocumentError):
            read_document(tmp_path / case.filename, ReadOptions(isolate=isolate, **case.options))
    assert _snapshot(tmp_path) == before


def test_reading_never_opens_the_network(
    tmp_path: Path, checker: Checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{name}{args}")
            raise OSError("network access in a test")

        return call

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    for case in CASES:
        if not case.options:
            checker.check_document(case.write(tmp_path))
    assert attempts == []


def test_docx_external_links_are_read_but_not_followed(tmp_path: Path) -> None:
    document = read_document(BY_NAME["docx-external-links"].write(tmp_path))
    assert "portfolio" in document.text
    assert "tracker.invalid" not in document.text


def test_garbled_corpus_pdf_is_detected(corpus: Path, checker: Checker) -> None:
    result = checker.check_document(corpus / "pdf" / "bj-garbled-font-encoding.pdf")
    assert (result.status, result.reason) == (
        "no-text",
        "text extracts as gibberish (its fonts have no usable character map); "
        "export it again from the original, or run OCR on it",
    )


@pytest.mark.parametrize(
    "text",
    [
        "a" * 400_000,
        " " * 400_000 + "x",
        ("ab-\n" * 100_000),
        "•" + " " * 200_000 + "•" + " " * 200_000,
        "-" * 400_000,
        ("(cid:1" * 60_000),
        "HI\u200b" * 100_000,
    ],
    ids=["letters", "spaces", "hyphen-breaks", "spaced-bullets", "dashes", "open-cid", "zwsp"],
)
@pytest.mark.timeout(60)
def test_normaliser_stays_linear_on_adversarial_lines(text: str) -> None:
    """Each of these took minutes with patterns that backtrack; the timeout is the assertion."""
    result = normalize_text(text)
    assert normalize_text(result) == result
    assert max(len(line) for line in result.split("\n")) <= 5000


@pytest.mark.timeout(60)
def test_a_long_document_full_of_skills_is_scored(tmp_path: Path, checker: Checker) -> None:
    """Thousands of mentions of the same skills: the matcher must stay near linear in them."""
    line = "HIPAA, Epic and scheduling appointments; no experience with Cerner yet.\n"
    path = tmp_path / "long.txt"
    path.write_text(resume_text() + line * (200_000 // len(line)), encoding="utf-8")
    result = checker.check_document(path)
    assert result.status == "ok"
    assert "hipaa-compliance" in {match.skill.id for match in result.matched}


# --- Unicode tricks -----------------------------------------------------------------------------

FILLER = "I worked at the front desk of a small clinic for three years and I enjoyed my time.\n"


def _hipaa_result(checker: Checker, tmp_path: Path, spelling: str) -> DocumentResult:
    path = tmp_path / "unicode.txt"
    path.write_text(FILLER * 2 + f"Trained in {spelling} rules for patient records.\n", "utf-8")
    result = checker.check_document(path)
    assert result.status == "ok"
    return result


def _hipaa_terms(result: DocumentResult) -> list[str]:
    return [e.term for m in result.matched if m.skill.id == "hipaa-compliance" for e in m.evidence]


@pytest.mark.parametrize(
    "spelling",
    ["HI\u200bPAA", "HI\u00adPAA", "HI\u2060PAA", "HI\u202ePAA", "ＨＩＰＡＡ", "HIPAA\ufe0f"],
    ids=["zero-width-space", "soft-hyphen", "word-joiner", "bidi-override", "full-width", "vs16"],
)
def test_invisible_characters_and_full_width_letters_are_folded(
    spelling: str, tmp_path: Path, checker: Checker
) -> None:
    result = _hipaa_result(checker, tmp_path, spelling)
    assert _hipaa_terms(result) == ["HIPAA"]
    assert result.flags == ()


@pytest.mark.parametrize(
    ("spelling", "shown"),
    [("НIPAA", "НIPAA (reads HIPAA)"), ("НІРАА", "НІРАА (reads HIPAA)")],
    ids=["cyrillic-first-letter", "all-cyrillic"],
)
def test_look_alike_letters_are_flagged_not_matched(
    spelling: str, shown: str, tmp_path: Path, checker: Checker
) -> None:
    result = _hipaa_result(checker, tmp_path, spelling)
    assert _hipaa_terms(result) == []
    assert [(flag.kind, flag.message) for flag in result.flags] == [
        (
            "mixed-script",
            "1 word(s) are spelled with look-alike letters from another script and were not "
            f"matched: {shown}",
        )
    ]


def test_look_alike_letter_inside_a_word_is_not_fuzzy_matched(
    tmp_path: Path, checker: Checker
) -> None:
    assert _hipaa_terms(_hipaa_result(checker, tmp_path, "HIPАA")) == []


# --- keyword stuffing ---------------------------------------------------------------------------

VISIBLE = [
    "Jane Roe, front desk associate",
    "Greeted visitors at the front desk of a busy outpatient clinic every day.",
    "Kept the waiting room tidy and answered questions from families.",
    "Worked with a friendly team of nurses and office staff for three years.",
    "Education: High school diploma, City High School.",
]
STUFFING = "Epic Cerner HIPAA insurance verification medical terminology scheduling"


def _score(checker: Checker, path: Path) -> tuple[float | None, list[str]]:
    result = checker.check_document(path)
    assert result.status == "ok", result.reason
    return result.score, sorted(match.skill.id for match in result.matched)


@pytest.mark.parametrize("mode", ["white", "tiny", "offpage"])
def test_hidden_pdf_stuffing_is_flagged_and_scores_nothing(
    mode: str, tmp_path: Path, checker: Checker
) -> None:
    clean = make_pdf(tmp_path / "clean.pdf", VISIBLE)
    stuffed = make_pdf(tmp_path / "stuffed.pdf", VISIBLE, hidden=[STUFFING], hidden_mode=mode)
    assert _score(checker, stuffed) == _score(checker, clean)
    flags = checker.check_document(stuffed).flags
    assert [flag.kind for flag in flags] == ["hidden-text"]
    assert flags[0].message.startswith("8 word(s) are invisible to a reader")


@pytest.mark.parametrize(
    ("runs", "named"),
    [
        ("hidden_runs", "white text"),
        ("tiny_runs", "tiny text"),
        ("vanish_runs", "hidden (w:vanish)"),
    ],
)
def test_hidden_docx_stuffing_is_flagged_and_scores_nothing(
    runs: str, named: str, tmp_path: Path, checker: Checker
) -> None:
    clean = make_docx(tmp_path / "clean.docx", VISIBLE)
    stuffed = make_docx(tmp_path / "stuffed.docx", VISIBLE, **{runs: [STUFFING]})
    assert _score(checker, stuffed) == _score(checker, clean)
    assert [(f.kind, f.message) for f in checker.check_document(stuffed).flags] == [
        (
            "hidden-text",
            f"8 word(s) are invisible to a reader ({named}) and were not counted: {STUFFING!r}",
        )
    ]


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
def test_a_skills_line_repeated_50_times_is_flagged_and_counts_once(
    suffix: str, tmp_path: Path, checker: Checker
) -> None:
    skills = "Skills: HIPAA, Epic, insurance verification, appointment scheduling"
    once = [*VISIBLE, skills]
    fifty = [*VISIBLE, *[skills] * 50]
    paths = []
    for name, lines in (("once", once), ("fifty", fifty)):
        path = tmp_path / f"{name}{suffix}"
        if suffix == ".txt":
            path.write_text("\n".join(lines), encoding="utf-8")
        elif suffix == ".pdf":
            make_pdf(path, lines, font_size=8)
        else:
            make_docx(path, lines)
        paths.append(path)
    assert _score(checker, paths[1]) == _score(checker, paths[0])
    assert [(f.kind, f.message) for f in checker.check_document(paths[1]).flags] == [
        (
            "repeated-text",
            "a line is repeated many times, which looks like keyword stuffing; repeats count "
            f"once: {skills!r} appears 50 times",
        )
    ]
    assert checker.check_document(paths[0]).flags == ()


def test_a_place_written_under_every_job_is_not_stuffing(tmp_path: Path) -> None:
    jobs = [line for index in range(7) for line in (f"Front desk job {index}", "Pune, India")]
    path = tmp_path / "places.txt"
    path.write_text(resume_text() + "\n".join(jobs), encoding="utf-8")
    assert read_document(path).flags == ()


# --- the child process --------------------------------------------------------------------------


def _fake_reader(behaviour: str) -> Any:
    def read(path: Path, options: ReadOptions) -> Any:
        if behaviour == "hang":
            time.sleep(60)
        if behaviour == "abort":
            os.abort()
        if behaviour == "memory":
            raise MemoryError
        raise RuntimeError("unexpected")

    return read


@pytest.mark.parametrize(
    ("behaviour", "error", "message"),
    [
        ("hang", DocumentError, "took longer than the 0.5 s limit to read"),
        ("abort", FileTooLargeError, "made the reader stop (signal SIGABRT)"),
        ("memory", FileTooLargeError, "needs more memory than a resume should"),
        ("unexpected", DocumentError, "could not be read (RuntimeError)"),
    ],
)
def test_child_process_turns_every_failure_into_a_document_error(
    behaviour: str,
    error: type[DocumentError],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from resume_match import reading

    monkeypatch.setitem(reading.READERS, "text", _fake_reader(behaviour))
    path = tmp_path / "resume.txt"
    path.write_text(resume_text(), encoding="utf-8")
    with pytest.raises(error) as raised:
        read_document(path, ReadOptions(isolate=True, time_limit=0.5))
    assert raised.value.message.startswith(message)


def test_child_process_caps_memory_when_the_checks_are_off(tmp_path: Path) -> None:
    """With the PDF budget switched off, a form bomb meets the child's memory cap instead."""
    path = BY_NAME["pdf-form-bomb"].write(tmp_path)
    options = ReadOptions(isolate=True, max_pdf_content_bytes=1 << 40, max_memory_mb=256)
    with pytest.raises(FileTooLargeError) as raised:
        read_document(path, options)
    assert "the 256 MB memory limit" in raised.value.message


def test_child_process_gives_the_same_document(tmp_path: Path) -> None:
    path = tmp_path / "resume.pdf"
    path.write_bytes(simple_pdf())
    inline = read_document(path)
    isolated = read_document(path, ReadOptions(isolate=True))
    assert isolated == inline
    assert isolated.text.splitlines()[:2] == list(RESUME_LINES[:2])
