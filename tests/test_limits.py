"""Time limits that hold everywhere: the whole check, the library's defaults, tiny costly files.

The pytest timeouts are hang guards, not measurements: each case once ran for minutes (the
figures in the test names are from issue 13), and each now ends with a status well inside the
time limit, or at it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from builders import HELVETICA, MEDIA_BOX, document_xml, docx_bytes, pdf_bytes, pdf_stream
from resume_match.api import Checker
from resume_match.errors import too_slow
from resume_match.matching import SkillMatcher
from resume_match.model import Document
from resume_match.reading import ReadOptions, read_document
from resume_match.taxonomy import Taxonomy

pytestmark = [
    pytest.mark.timeout(180),
    pytest.mark.skipif(not hasattr(os, "fork"), reason="containment needs fork"),
]


def test_the_library_reads_untrusted_files_in_a_child_by_default() -> None:
    assert ReadOptions().isolate is True


def test_matching_is_under_the_time_limit_too(
    tmp_path: Path, taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A matcher stuck on a file ends at the file's time limit, as a reader stuck would."""

    def stuck(self: SkillMatcher, document: Document) -> list[object]:
        time.sleep(120)
        return []

    checker = Checker(taxonomy, ReadOptions(time_limit=2))
    _ = checker.matcher
    monkeypatch.setattr(SkillMatcher, "match", stuck)
    path = tmp_path / "resume.txt"
    path.write_text("Front desk work, " * 40, encoding="utf-8")
    result = checker.check_document(path)
    assert (result.status, result.reason) == ("error", too_slow(2))


@pytest.mark.parametrize("phrase", ["verified insurance", "Epic Cerner", "electronic records"])
def test_a_486_kb_text_repeating_two_words_is_scored_not_timed_out(
    phrase: str, tmp_path: Path, checker: Checker
) -> None:
    """Once 997 s: the near rules compared every pair of words; now linear."""
    path = tmp_path / "repeat.txt"
    path.write_text((phrase + " ") * (486_000 // (len(phrase) + 1)), encoding="utf-8")
    result = checker.check_document(path)
    assert result.status == "ok", result.reason


def _nested_insertions(runs: int, depth: int = 240) -> bytes:
    body = (
        "<w:p>"
        + '<w:ins w:id="1" w:author="a">' * depth
        + "<w:r/>" * runs
        + "</w:ins>" * depth
        + "</w:p>"
    )
    return docx_bytes(document=document_xml(body_extra=body).encode())


def test_a_47_kb_docx_of_5_million_empty_runs_is_refused_from_its_count(
    tmp_path: Path, checker: Checker
) -> None:
    """Once over 900 s: every run climbed through 240 insertions; now refused before parsing."""
    path = tmp_path / "insertions.docx"
    path.write_bytes(_nested_insertions(5_000_000))
    assert path.stat().st_size < 64 * 1024
    result = checker.check_document(path)
    assert (result.status, result.reason) == (
        "error",
        "holds more than 1,000,000 XML tags, far more than a Word document needs; it may be "
        "built to slow readers down",
    )


def test_deeply_nested_insertions_under_the_budget_are_walked_once(tmp_path: Path) -> None:
    path = tmp_path / "insertions.docx"
    path.write_bytes(_nested_insertions(900_000))
    document = read_document(path)
    assert "Patient Service Representative" in document.text


def _white_words_over_dark_boxes(pages: int = 30, boxes: int = 5000) -> bytes:
    squares = b" ".join(b"0 g %d %d 10 10 re f" % (i % 60 * 10, i // 60 * 9) for i in range(boxes))
    words = b" ".join(
        b"1 0 0 1 %d %d Tm (Epic) Tj" % (i % 60 * 10, i // 60 * 9) for i in range(boxes)
    )
    content = pdf_stream(squares + b"\nBT 1 g /F1 6 Tf " + words + b" ET", filters=["FlateDecode"])
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    page = (
        b"<< /Type /Page /Parent 2 0 R %s /Contents 3 0 R /Resources << /Font << /F1 %d 0 R >> "
        b">> >>" % (MEDIA_BOX, 4 + pages)
    )
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
            content,
            *[page] * pages,
            HELVETICA,
        ]
    )


def test_a_small_pdf_of_white_words_over_5000_dark_boxes_stops_at_the_text_budget(
    tmp_path: Path, checker: Checker
) -> None:
    """Once 302 s (every white word against every box); now stopped once the text passes 500,000
    characters, without reading the remaining pages."""
    path = tmp_path / "boxes.pdf"
    path.write_bytes(_white_words_over_dark_boxes())
    assert path.stat().st_size < 64 * 1024
    result = checker.check_document(path)
    assert result.status == "error"
    assert result.reason.startswith("holds ")
    assert "characters of text, more than the 500,000 a resume could need" in result.reason
