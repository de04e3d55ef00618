"""``resume-match check`` through click's CliRunner: output, JSON shape, exit codes, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import STRONG_RESUME, write
from resume_match.cli import cli

RESUME = STRONG_RESUME
LETTER = """Dear Hiring Manager,
I am applying for the Patient Service Representative role. I am a good listener who
listens carefully to patient concerns, and I stay calm and courteous under pressure.
I adapt quickly to change and work closely with nurses.
Sincerely, Jordan Lee
"""


def test_check_text_report(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["check", str(write(tmp_path, "r.txt", RESUME))])
    assert result.exit_code == 0, result.output
    assert "Coverage 82/100   technical 100   soft 40   (12 of 17 core skills)" in result.output
    assert "+ Healthcare Insurance Verification  (p1, Experience)" in result.output
    assert '"Verified insurance eligibility and collected co-pays."' in result.output
    assert (
        "Missing (most important first)\n  - Organizational Skills  add: organizational skills"
        in (result.output)
    )
    assert "\x1b[" not in result.output


def test_check_json_schema(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["check", str(write(tmp_path, "r.txt", RESUME)), "--format", "json"]
    )
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert set(data) == {
        "file",
        "status",
        "reason",
        "score",
        "technical_score",
        "soft_score",
        "matched",
        "missing",
        "extras",
        "flags",
    }
    assert data["status"] == "ok" and data["score"] == 81.8
    assert data["technical_score"] == 100.0
    first = data["matched"][0]
    assert set(first) == {"id", "name", "category", "evidence"}
    assert set(first["evidence"][0]) == {"text", "page", "section"}
    assert set(data["missing"][0]) == {"id", "name", "category", "keyword", "hint"}


def test_cover_letter_combines_coverage(runner: CliRunner, tmp_path: Path) -> None:
    resume = write(tmp_path, "r.txt", RESUME)
    letter = write(tmp_path, "l.txt", LETTER)
    result = runner.invoke(
        cli, ["check", str(resume), "--cover-letter", str(letter), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"resume", "cover_letter", "combined"}
    resume_ids = {m["id"] for m in data["resume"]["matched"]}
    letter_ids = {m["id"] for m in data["cover_letter"]["matched"]}
    combined_ids = {m["id"] for m in data["combined"]["matched"]}
    assert combined_ids == resume_ids | letter_ids
    assert data["combined"]["score"] > data["resume"]["score"]
    text = runner.invoke(cli, ["check", str(resume), "--cover-letter", str(letter)])
    assert text.output.startswith(f"{resume} + {letter}\n  Coverage ")
    assert "    resume:       " in text.output and "    cover letter: " in text.output


def test_min_score_gates_with_exit_3(runner: CliRunner, tmp_path: Path) -> None:
    resume = str(write(tmp_path, "r.txt", RESUME))
    assert runner.invoke(cli, ["check", resume, "--min-score", "70"]).exit_code == 0
    result = runner.invoke(cli, ["check", resume, "--min-score", "90"])
    assert result.exit_code == 3
    assert result.stderr == f"{resume}: coverage 81.8 is below --min-score 90 (exit status 3)\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.pdf", None, "no such file; check the path"),
        (
            "resume.doc",
            b"\xd0\xcf\x11\xe0 old word",
            "is a legacy Word .doc file; save it as PDF or DOCX",
        ),
        ("photo.png", b"\x89PNG", "is an image; resume-match reads text"),
        ("notes.xyz", b"hello", ".xyz is not a supported type (supported: PDF, DOCX, TXT or MD)"),
        (
            "broken.pdf",
            b"%PDF-1.4\n1 0 obj garbage",
            "is not a readable PDF (damaged or truncated)",
        ),
        ("fake.pdf", b"hello world", "is not a valid PDF (no %PDF header)"),
        ("broken.docx", b"PK\x03\x04junk", "is not a valid DOCX file (damaged zip)"),
        (
            "really-pdf.docx",
            b"%PDF-1.4 ...",
            "is really a PDF with a .docx name; rename it to .pdf",
        ),
        ("empty.txt", b"", "is empty (0 bytes)"),
        ("name-only.txt", b"Jane Doe\njane@example.com", "has only 5 words, too few to score"),
        ("binary.txt", bytes(range(256)) * 40, "looks like binary data, not text"),
    ],
)
def test_bad_input_gives_one_line_error(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {path}: ")
    assert message in result.output
    assert result.output.count("\n") == 1
    assert "Traceback" not in result.output


def test_folder_and_size_cap(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["check", str(tmp_path)])
    assert (
        result.exit_code == 1
        and "is a folder; give a file, or use 'resume-match screen'" in result.output
    )
    big = tmp_path / "big.txt"
    big.write_text("word " * 60_000, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(big), "--max-size", "0.1"])
    assert result.exit_code == 1
    assert "is 0.3 MB, over the 0.1 MB limit; raise it with --max-size" in result.output


def test_json_status_for_unscorable_document(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "name.txt"
    path.write_text("Jane Doe", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output[: result.output.rindex("}") + 1])
    assert (
        data["status"] == "empty" and "too few to score" in data["reason"] and data["score"] is None
    )


def test_bad_taxonomy_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    bad = write(tmp_path, "t.toml", "schema = 1\n[role]\nid = 'x'\nname = 'X'\n")
    result = runner.invoke(
        cli, ["check", str(write(tmp_path, "r.txt", RESUME)), "--taxonomy", str(bad)]
    )
    assert result.exit_code == 2
    assert result.output == f"error: {bad}: skill: no [[skill]] entries\n"


def test_custom_taxonomy(runner: CliRunner, tmp_path: Path) -> None:
    taxonomy = write(
        tmp_path,
        "barista.toml",
        'schema = 1\n[role]\nid = "barista"\nname = "Barista"\n'
        '[[skill]]\nid = "espresso"\nname = "Espresso"\ncategory = "technical"\n'
        'phrases = ["espresso"]\n'
        '[[skill]]\nid = "latte-art"\nname = "Latte art"\ncategory = "technical"\n'
        'phrases = ["latte art"]\n',
    )
    resume = write(tmp_path, "b.txt", "Pulled espresso shots for six years at a busy cafe. " * 5)
    result = runner.invoke(
        cli, ["check", str(resume), "--taxonomy", str(taxonomy), "--format", "json"]
    )
    data = json.loads(result.output)
    assert (data["score"], data["technical_score"], data["soft_score"]) == (50.0, 50.0, None)
    assert [m["id"] for m in data["matched"]] == ["espresso"]
    assert [m["keyword"] for m in data["missing"]] == ["Latte art"]


@pytest.mark.parametrize("output", ["text", "json"])
def test_check_escapes_terminal_sequences_in_file_names(
    runner: CliRunner, tmp_path: Path, output: str
) -> None:
    """A name like "a\\x1b]0;owned\\x07.txt" would retitle the terminal or move its cursor."""
    path = write(tmp_path, "resume\x1b]0;owned\x07\x1b[2J.txt", STRONG_RESUME)
    result = runner.invoke(cli, ["check", str(path), "--format", output])
    assert result.exit_code == 0, result.stderr
    assert "\x1b]" not in result.output and "\x07" not in result.output
    assert "\x1b[2J" not in result.output
    broken = runner.invoke(cli, ["check", str(tmp_path / "gone\x1b[2J.txt")])
    assert broken.exit_code == 1
    assert broken.stderr == f"error: {tmp_path}/gone?[2J.txt: no such file; check the path\n"
