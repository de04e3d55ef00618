"""The same document sent twice (PDF and DOCX, or a copy with a line changed) is one candidate."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from builders import make_docx, make_pdf
from helpers import STRONG_RESUME, write
from resume_match.cli import cli
from resume_match.screen.duplicates import duplicate_groups, similarity, text_fingerprint

LINES = [
    *STRONG_RESUME.splitlines(),
    "- Checked patients in and out, collected signatures and scanned insurance cards.",
    "- Kept the provider schedules full by calling patients on the wait list each morning.",
    "- Trained two new front desk staff on the phone tree and the check-in routine.",
    "- Reconciled the cash drawer at the end of each shift and reported any differences.",
    "- Greeted every patient by name and explained wait times when providers ran late.",
    "- Mailed appointment reminders and updated addresses and phone numbers in the chart.",
    "EDUCATION",
    "Certificate in Medical Office Administration, Valley Community College, 2019",
]
OTHER = """Sam Rivera
EXPERIENCE
- Stocked shelves, ran the register and balanced the cash drawer at close.
- Answered the store phone and took special orders for the bakery.
- Trained three new cashiers on returns and gift cards during the holidays.
SKILLS
Cash handling, customer service, inventory counts, opening and closing the store
"""


def test_fingerprint_ignores_case_punctuation_and_line_breaks() -> None:
    text = "\n".join(LINES)
    same = text.upper().replace("\n", " ").replace(";", ",")
    assert text_fingerprint(text) == text_fingerprint(same)
    assert similarity(text_fingerprint(text), text_fingerprint(same)) == 1.0
    assert similarity(text_fingerprint(text), text_fingerprint(OTHER)) < 0.1
    assert text_fingerprint("") == [] and similarity([], text_fingerprint(text)) == 0.0


def test_one_changed_line_is_still_the_same_document() -> None:
    edited = "\n".join(
        [*LINES[:4], "- Greeted every visitor and kept the waiting room calm.", *LINES[5:]]
    )
    assert similarity(text_fingerprint("\n".join(LINES)), text_fingerprint(edited)) >= 0.8
    half = "\n".join(LINES[: len(LINES) // 2])
    assert similarity(text_fingerprint("\n".join(LINES)), text_fingerprint(half)) < 0.8


@given(st.lists(st.text(alphabet="abcdefgh ", min_size=1, max_size=400), min_size=1, max_size=8))
def test_groups_are_symmetric_and_cover_identical_texts(texts: list[str]) -> None:
    sketches = [text_fingerprint(t) for t in [*texts, *texts]]
    groups = duplicate_groups(sketches)
    grouped = {i: tuple(g) for g in groups for i in g}
    for index, sketch in enumerate(sketches[: len(texts)]):
        if sketch:
            assert index + len(texts) in grouped.get(index, ())
    assert sorted(i for g in groups for i in g) == sorted({i for g in groups for i in g})


def test_a_long_pool_of_different_resumes_has_no_duplicates() -> None:
    texts = [f"Resume {i}\n" + " ".join(f"word{i}x{j}" for j in range(80)) for i in range(300)]
    assert duplicate_groups([text_fingerprint(t) for t in texts]) == []


def run_screen(runner: CliRunner, folder: Path, out: Path) -> tuple[str, list[dict[str, str]]]:
    result = runner.invoke(cli, ["screen", str(folder), "-j", "1", "--no-cache", "--out", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return result.stderr, list(csv.DictReader(handle))


def test_pdf_docx_and_edited_copy_are_one_candidate(runner: CliRunner, tmp_path: Path) -> None:
    apps = tmp_path / "apps"
    apps.mkdir()
    make_pdf(apps / "jordan-lee.pdf", LINES)
    make_docx(apps / "jordan-lee.docx", LINES)
    edited = [*LINES[:4], "- Greeted every visitor and kept the waiting room calm.", *LINES[5:]]
    write(apps, "jordan-lee-2025.txt", "\n".join(edited) + "\n")
    write(apps, "sam-rivera.txt", OTHER)
    stderr, rows = run_screen(runner, apps, tmp_path / "r.csv")
    assert [r["candidate"] for r in rows][1:] == ["sam-rivera.txt"]
    jordan = rows[0]
    files = {jordan["resume"], *jordan["duplicates"].split("; ")}
    assert files == {
        str(apps / n) for n in ("jordan-lee.pdf", "jordan-lee.docx", "jordan-lee-2025.txt")
    }
    assert "2 file(s) held the same document as another, listed with it" in stderr
    table = runner.invoke(cli, ["screen", str(apps), "-j", "1"], env={"COLUMNS": "120"})
    assert " (+2 copy)" in table.stdout
    out = tmp_path / "r.json"
    runner.invoke(cli, ["screen", str(apps), "-j", "1", "--out", str(out)])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["duplicates"] == 2 and report["summary"]["candidates"] == 2
    assert len(report["candidates"][0]["duplicates"]) == 2
    assert report["candidates"][1]["duplicates"] == []


def test_same_name_but_type_loses_the_type(runner: CliRunner, tmp_path: Path) -> None:
    apps = tmp_path / "apps"
    apps.mkdir()
    make_pdf(apps / "jordan-lee.pdf", LINES)
    make_docx(apps / "jordan-lee.docx", LINES)
    _, rows = run_screen(runner, apps, tmp_path / "r.csv")
    assert [r["candidate"] for r in rows] == ["jordan-lee"]


def test_corpus_pdf_and_docx_twin(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    name = "soupboss-office-coordinator-healthcare"
    sources = [corpus / "pdf" / f"{name}.pdf", corpus / "docx" / f"{name}.docx"]
    if not all(p.is_file() for p in sources):
        pytest.skip(f"the corpus pair {name}.pdf/.docx is not present")
    apps = tmp_path / "apps"
    apps.mkdir()
    for source in sources:
        shutil.copy(source, apps / source.name)
    write(apps, "sam-rivera.txt", OTHER)
    stderr, rows = run_screen(runner, apps, tmp_path / "r.csv")
    assert [r["candidate"] for r in rows] == [name, "sam-rivera.txt"]
    assert {rows[0]["resume"], rows[0]["duplicates"]} == {str(apps / s.name) for s in sources}
    assert "1 file(s) held the same document as another" in stderr


def test_files_from_one_template_are_not_paired_by_its_common_wording() -> None:
    """A pool written from one template shares its smallest hashes; only real copies pair up."""
    template = "Front desk receptionist at a family clinic who greets and checks in patients. "
    texts = [
        template * 3 + f"Applicant number {n} wrote this {n * 7} line alone." for n in range(300)
    ]
    sketches = [text_fingerprint(t) for t in texts]
    sketches.append(text_fingerprint(texts[42]))
    assert duplicate_groups(sketches) == [[42, 300]]
