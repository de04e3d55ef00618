"""When the visibility check cannot judge a page, and when the check itself is broken.

A render pdfium cannot make leaves the words it would have judged to the engine's own view, but
the words hidden by their own properties (render mode, size, place) stay hidden: those reasons
need no render. A fault in the check (an AttributeError, a TypeError) is not a page pdfium could
not judge: it fails the file, with the error's name, instead of quietly reading less carefully.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdfium2
import pypdfium2.raw
import pytest

from builders.invisible import OWN_PROPERTY_TECHNIQUES, PdfTechnique
from resume_match.errors import DocumentError
from resume_match.reading import ReadOptions, read_document
from resume_match.reading.page_objects import TextProperties
from resume_match.reading.pdfium_support import can_judge_pages

ENGINES = ["pdfium", "pdfplumber"]
RENDER_MODE_3 = OWN_PROPERTY_TECHNIQUES[0]


def _fail_renders(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> list[int]:
    """Make every render raise ``error``; the list counts the renders tried."""
    tried: list[int] = []

    def render(*_args: object, **_kwargs: object) -> object:
        tried.append(1)
        raise error

    monkeypatch.setattr(pypdfium2.PdfPage, "render", render)
    return tried


def _write(technique: PdfTechnique, tmp_path: Path) -> Path:
    path = tmp_path / f"{technique.name}.pdf"
    path.write_bytes(technique.build())
    return path


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "error",
    [pypdfium2.PdfiumError("Failed to fill bitmap rectangle."), MemoryError()],
    ids=["pdfium-error", "memory-error"],
)
@pytest.mark.parametrize(
    "technique", OWN_PROPERTY_TECHNIQUES, ids=[t.name for t in OWN_PROPERTY_TECHNIQUES]
)
def test_words_hidden_by_their_own_properties_stay_hidden_when_the_render_fails(
    technique: PdfTechnique,
    error: BaseException,
    engine: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tried = _fail_renders(monkeypatch, error)
    document = read_document(
        _write(technique, tmp_path), ReadOptions(pdf_engine=engine, isolate=False)
    )
    assert tried, "the page was meant to need a render"
    assert "Cerner" not in document.text
    assert "Cerner" in document.hidden_text
    assert [flag.kind for flag in document.flags] == ["hidden-text"]
    assert technique.named in document.flags[0].message


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("error", [AttributeError, TypeError])
def test_a_broken_render_step_fails_the_file_instead_of_passing_for_a_page_pdfium_cannot_judge(
    error: type[Exception], engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tried = _fail_renders(monkeypatch, error("a bug in the visibility check"))
    path = _write(RENDER_MODE_3, tmp_path)
    with pytest.raises(DocumentError, match=rf"could not be read \({error.__name__}\)") as caught:
        read_document(path, ReadOptions(pdf_engine=engine, isolate=False))
    assert tried
    assert isinstance(caught.value.__cause__, error)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("error", [AttributeError, TypeError])
def test_a_broken_page_scan_fails_the_file_instead_of_passing_for_a_page_pdfium_cannot_judge(
    error: type[Exception], engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def judge(*_args: object) -> object:
        raise error("a bug in the visibility check")

    monkeypatch.setattr(TextProperties, "judge", judge)
    path = _write(RENDER_MODE_3, tmp_path)
    with pytest.raises(DocumentError, match=rf"could not be read \({error.__name__}\)") as caught:
        read_document(path, ReadOptions(pdf_engine=engine, isolate=False))
    assert isinstance(caught.value.__cause__, error)


@pytest.fixture
def probe_again() -> Iterator[None]:
    can_judge_pages.cache_clear()
    yield
    can_judge_pages.cache_clear()


@pytest.mark.usefixtures("probe_again")
@pytest.mark.parametrize("engine", ENGINES)
def test_a_pdfium_without_a_function_the_check_needs_reads_with_the_engines_own_view(
    engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older pdfium: known once, before the first page, not met as an error on each page."""
    assert can_judge_pages()
    can_judge_pages.cache_clear()
    monkeypatch.delattr(pypdfium2.raw, "FPDFPage_GetAnnotCount")
    assert not can_judge_pages()
    document = read_document(
        _write(RENDER_MODE_3, tmp_path), ReadOptions(pdf_engine=engine, isolate=False)
    )
    assert "front desk associate" in document.text
