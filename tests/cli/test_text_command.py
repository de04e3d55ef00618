"""``resume-match text``: exactly the text we match in, with its markers and what was left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import make_docx, make_pdf
from builders.documents import HiddenMode
from helpers import STRONG_RESUME, write
from resume_match.cli import cli
from resume_match.reading import read_document

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
BODY = [
    "Summary",
    "Front desk receptionist who greets patients and checks them in.",
    "Skills",
    "Scheduling appointments, insurance verification, data entry",
    "Experience",
    "Answered phones and registered new patients at a family clinic.",
]


def _text_lines(data: dict[str, object]) -> str:
    pages = data["pages"]
    assert isinstance(pages, list)
    return "\n\n".join(
        "\n".join(line["text"] for line in page["lines"] if "text" in line) for page in pages
    )


def test_text_shows_pages_sections_and_what_was_dropped(runner: CliRunner, tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "r.pdf",
        BODY * 2,
        header="Jordan Lee - Resume",
        footer="Page 1 of 2",
        pages=2,
        hidden=["keyword stuffing hidden here"],
    )
    result = runner.invoke(cli, ["text", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "=== page 1 ===" and "=== page 2 ===" in lines
    assert "--- section: Skills ---" in lines and "--- section: Experience ---" in lines
    assert "[hidden: white text on a white background] keyword stuffing hidden here" in lines
    assert "[dropped: repeated header] Jordan Lee - Resume" in lines
    assert any(line.startswith("[dropped: page number] Page") for line in lines)
    assert lines.index("--- section: Skills ---") + 1 == lines.index("Skills"), (
        "a section marker stands right before its heading"
    )


@pytest.mark.parametrize(
    ("mode", "how"),
    [
        ("white", "white text on a white background"),
        ("tiny", "tiny text"),
        ("offpage", "off the page"),
    ],
)
@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_text_says_how_hidden_text_was_hidden(
    runner: CliRunner, tmp_path: Path, mode: HiddenMode, how: str, engine: str
) -> None:
    path = make_pdf(tmp_path / "r.pdf", BODY, hidden=["Epic Cerner HIPAA"], hidden_mode=mode)
    result = runner.invoke(cli, ["text", str(path), "--pdf-engine", engine])
    assert f"[hidden: {how}] Epic Cerner HIPAA" in result.output.splitlines(), result.output


def test_text_json_gives_back_exactly_the_matched_text(runner: CliRunner, tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "r.pdf", BODY, header="Jordan Lee", pages=2)
    result = runner.invoke(cli, ["text", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["kind"] == "pdf" and [p["page"] for p in data["pages"]] == [1, 2]
    assert _text_lines(data) == read_document(path).text
    assert {"section": "Skills"} in data["pages"][0]["lines"]


@pytest.mark.parametrize(
    ("option", "how"),
    [
        ("vanish_runs", "hidden (w:vanish)"),
        ("hidden_runs", "white text"),
        ("tiny_runs", "tiny text"),
    ],
)
def test_text_of_a_docx_marks_hidden_runs(
    runner: CliRunner, tmp_path: Path, option: str, how: str
) -> None:
    path = make_docx(tmp_path / "r.docx", BODY, **{option: ["Epic Cerner HIPAA"]})
    result = runner.invoke(cli, ["text", str(path)])
    assert result.exit_code == 0, result.output
    assert f"[hidden: {how}] Epic Cerner HIPAA" in result.output.splitlines()
    assert "Epic Cerner" not in result.output.split("[hidden")[0]


def test_text_of_a_plain_text_file(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", STRONG_RESUME)
    result = runner.invoke(cli, ["text", str(path)])
    assert result.exit_code == 0
    assert result.output.splitlines()[:3] == [
        "=== page 1 ===",
        "--- section: Header ---",
        "Jordan Lee",
    ]


def test_text_shows_a_file_too_short_to_score(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["text", str(write(tmp_path, "n.txt", "Jane Doe\nReceptionist"))])
    assert result.exit_code == 0
    assert "Jane Doe\nReceptionist\n" in result.output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.pdf", None, "no such file; check the path"),
        ("old.doc", b"\xd0\xcf\x11\xe0", "is a legacy Word .doc file"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj garbage", "is not a readable PDF"),
        ("empty.txt", b"", "is empty (0 bytes)"),
        ("binary.txt", bytes(range(256)) * 40, "looks like binary data, not text"),
    ],
)
def test_text_bad_input_gives_one_line_error(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(cli, ["text", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {path}: ") and message in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_text_of_a_folder_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["text", str(tmp_path)])
    assert result.exit_code == 1 and "is a folder" in result.output


_SUFFIXES = {".pdf", ".docx", ".txt", ".md"}
CORPUS_FILES = (
    [
        *sorted(p for p in CORPUS.glob("*/*") if p.suffix.lower() in _SUFFIXES),
        CORPUS / "MANIFEST.md",
    ]
    if CORPUS.is_dir()
    else []
)
UNREADABLE = {
    "bj-scanned-image-only.pdf": "looks scanned",
    "bj-garbled-font-encoding.pdf": "gibberish",
}


@pytest.mark.slow
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_text_works_on_every_corpus_file(runner: CliRunner, path: Path) -> None:
    result = runner.invoke(cli, ["text", str(path), "--format", "json"])
    if path.name in UNREADABLE:
        assert result.exit_code == 1 and UNREADABLE[path.name] in result.output
        return
    assert result.exit_code == 0, result.output
    assert _text_lines(json.loads(result.output)) == read_document(path).text
