"""Which files are one candidate: name markers and candidate folders."""

from __future__ import annotations

from pathlib import Path

from resume_match.screen import discover
from screen_fakes import names, touch


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
