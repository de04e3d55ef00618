"""We read every word of a PDF: what pdftotext finds is in our text, and no two words run together.

pdftotext (poppler) is the reference: it keeps a PDF's own space glyphs and breaks words at a gap
of a tenth of the font size. A word of it that is missing from our text is either dropped on
purpose (hidden text, a page number, mojibake, a ligature pdftotext leaves unexpanded), one of
pdftotext's own mistakes (a word split where the font size changes, as with small capitals; two
words joined across a column), or a word we lost; only the last counts against us. The same class
is tested on PDFs built here: glyphs placed one by one, spaces drawn on their own or not at all.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from builders import make_glyph_pdf, make_pdf, make_rotated_pdf
from resume_match.errors import DocumentError
from resume_match.reading import Document, ReadOptions, read_document

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
PDFTOTEXT = shutil.which("pdftotext")
PDFS = sorted((CORPUS / "pdf").glob("*.pdf")) if (CORPUS / "pdf").is_dir() else []

_BBOX = re.compile(
    r'<page |<word xMin="([-\d.]+)" yMin="([-\d.]+)" '
    r'xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>',
    re.DOTALL,
)
_RUN = re.compile(r"[^\W\d_]+")
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d+(\s*(of|/)\s*\d+)?$", re.IGNORECASE)
_LIGATURES = re.compile("[\ufb00-\ufb06]")


@dataclass(frozen=True)
class _RefWord:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class Comparison:
    """How pdftotext's words of one file fare in our text."""

    words: int = 0
    missing: list[str] = field(default_factory=list)
    excused: Counter[str] = field(default_factory=Counter)
    glued: list[str] = field(default_factory=list)


def _tokens(text: str) -> list[str]:
    return _RUN.findall(unicodedata.normalize("NFKC", text).lower())


def _reference_lines(path: Path) -> list[list[_RefWord]]:
    """pdftotext's words with their boxes, grouped into its lines, in its reading order."""
    assert PDFTOTEXT is not None
    out = subprocess.run(
        [PDFTOTEXT, "-q", "-bbox", str(path), "-"], capture_output=True, text=True, check=False
    ).stdout
    lines: list[list[_RefWord]] = []
    page = -1
    for match in _BBOX.finditer(out):
        if match.group(1) is None:
            page += 1
            continue
        x0, top, x1, bottom = (float(match.group(i)) for i in range(1, 5))
        word = _RefWord(html.unescape(match.group(5)), page, x0, x1, top, bottom)
        last = lines[-1][-1] if lines else None
        if (
            last is not None
            and last.page == page
            and abs(last.top + last.bottom - top - bottom)
            < min(last.bottom - last.top, bottom - top)
            and x0 >= last.x1 - 0.5
        ):
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _touching(a: _RefWord, b: _RefWord) -> bool:
    """No visible gap between two words of one line: pdftotext split them for a font change."""
    return b.x0 - a.x1 < 0.05 * (a.bottom - a.top)


def compare(path: Path, document: Document) -> Comparison:
    ours = set(_tokens(document.text))
    our_sequence = _tokens(document.text)
    our_pairs = {a + b for a, b in itertools.pairwise(our_sequence)}
    hidden = set(_tokens(document.hidden_text))
    lines = _reference_lines(path)
    reference = {token for line in lines for word in line for token in _tokens(word.text)}
    result = Comparison()
    for number, line in enumerate(lines):
        line_text = " ".join(word.text for word in line)
        for index, word in enumerate(line):
            for run in _RUN.findall(word.text):
                if len(run) < 2:
                    continue
                result.words += 1
                tokens = [t for t in _tokens(run) if len(t) >= 2]
                if all(token in ours for token in tokens):
                    if _LIGATURES.search(run):
                        result.excused["ligature pdftotext leaves unexpanded"] += 1
                    continue
                token = unicodedata.normalize("NFKC", run).lower()
                reason = _excuse(token, line_text, ours, hidden, our_pairs)
                if not reason and _hyphenated(lines, number, index, ours):
                    reason = "pdftotext keeps a word hyphenated across lines"
                if not reason and _fragments_of_one_word(path, line, index, ours):
                    reason = "pdftotext split one word (letter-spacing, font change)"
                if reason:
                    result.excused[reason] += 1
                else:
                    result.missing.append(run)
        for a, b in itertools.pairwise(line):
            glued = _glued(a, b, ours, reference)
            if glued and _space_between(path, a, b):
                result.glued.append(glued)
    return result


def _excuse(token: str, line: str, ours: set[str], hidden: set[str], our_pairs: set[str]) -> str:
    if token in hidden:
        return "hidden text"
    if _PAGE_NUMBER.match(line.strip()):
        return "page number"
    if "â" in token and all(part in ours for part in _tokens(token.replace("â", " "))):
        return "mojibake (Â of a no-break space)"
    if token in our_pairs:
        return "pdftotext joined two words"
    return ""


def _hyphenated(lines: list[list[_RefWord]], number: int, index: int, ours: set[str]) -> bool:
    """The word ends a line with a hyphen, or starts the line after one: we join the halves."""
    line = lines[number]
    if index == len(line) - 1 and line[-1].text.endswith("-") and number + 1 < len(lines):
        head, tail = line[-1].text, lines[number + 1][0].text
    elif index == 0 and number > 0 and lines[number - 1][-1].text.endswith("-"):
        head, tail = lines[number - 1][-1].text, line[0].text
    else:
        return False
    joined = _tokens(head[:-1])[-1:] + _tokens(tail)[:1]
    return "".join(joined) in ours


def _fragments_of_one_word(path: Path, line: list[_RefWord], index: int, ours: set[str]) -> bool:
    """pdftotext words next to this one spell, with it, one word of ours ("B ACHELOR"), and no
    space stands between them on the page."""
    for start in range(max(0, index - 6), index + 1):
        for end in range(max(index, start + 1), min(len(line), start + 8)):
            span = line[start : end + 1]
            if "".join(_tokens("".join(w.text for w in span))) in ours and not any(
                _space_between(path, a, b) for a, b in itertools.pairwise(span)
            ):
                return True
    return False


def _glued(a: _RefWord, b: _RefWord, ours: set[str], reference: set[str]) -> str:
    """``a`` and ``b`` stand apart on the page, yet our text has them as one word."""
    if _touching(a, b):
        return ""
    head, tail = _RUN.findall(a.text), _RUN.findall(b.text)
    if not head or not tail or not a.text[-1].isalpha() or not b.text[0].isalpha():
        return ""
    joined = unicodedata.normalize("NFKC", head[-1] + tail[0]).lower()
    return joined if joined in ours and joined not in reference else ""


@functools.lru_cache(maxsize=8)
def _pdfminer_chars(path: Path, page: int) -> list[dict[str, Any]]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return list(pdf.pages[page].chars)


def _space_between(path: Path, a: _RefWord, b: _RefWord) -> bool:
    """A reader sees a space between ``a`` and ``b``, judged on pdfminer's characters.

    A space glyph between them is one. Without one (TeX positions words and draws no spaces),
    a change of font (small capitals: "T ECHINCAL") or a gap no wider than those between the
    letters around it (a letter-spaced heading: "DE TAILS") is not: pdftotext breaks there
    because it breaks at a tenth of the font size, whatever the letter-spacing.
    """
    chars = _pdfminer_chars(path, a.page)
    line = sorted(
        (c for c in chars if a.top - 2 <= c["top"] <= a.bottom and a.x0 - 1 <= c["x0"] < b.x1),
        key=lambda c: c["x0"],
    )
    head = [c for c in line if c["x0"] < a.x1 and c["text"].strip()]
    tail = [c for c in line if c["x0"] >= b.x0 - 0.1 and c["text"].strip()]
    if not head or not tail:
        return True
    end, begin = head[-1], tail[0]
    if any(not c["text"].strip() and end["x0"] < c["x0"] < begin["x0"] for c in line):
        return True
    if end["fontname"] != begin["fontname"] or abs(end["size"] - begin["size"]) > 0.1:
        return False
    inner = [y["x0"] - x["x1"] for part in (head, tail) for x, y in itertools.pairwise(part)]
    return not inner or begin["x0"] - end["x1"] > 1.5 * max(inner) + 0.01


@pytest.fixture(scope="module")
def comparisons() -> dict[str, Comparison]:
    if not PDFS:
        pytest.skip("../shared/corpus is not present beside the repository")
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = {}
    for path in PDFS:
        try:
            document = read_document(path)
        except DocumentError:
            continue  # no text layer (scanned) or unreadable fonts: nothing to compare
        result[path.name] = compare(path, document)
    return result


def test_no_word_pair_is_glued_on_any_corpus_pdf(comparisons: dict[str, Comparison]) -> None:
    glued = {name: c.glued for name, c in comparisons.items() if c.glued}
    assert not glued


def test_at_most_one_percent_of_pdftotext_words_are_missing(
    comparisons: dict[str, Comparison],
) -> None:
    words = sum(c.words for c in comparisons.values())
    missing = sum(len(c.missing) for c in comparisons.values())
    assert words > 10_000
    assert missing / words <= 0.01, {
        name: len(c.missing) for name, c in comparisons.items() if c.missing
    }


def test_every_corpus_pdf_keeps_nearly_all_its_words(
    comparisons: dict[str, Comparison],
) -> None:
    poor = {
        name: f"{len(c.missing)}/{c.words}"
        for name, c in comparisons.items()
        if len(c.missing) > max(3, 0.03 * c.words)
    }
    assert not poor


@pytest.mark.slow
def test_the_pdfplumber_engine_reads_every_word_too() -> None:
    if not PDFS or PDFTOTEXT is None:
        pytest.skip("needs ../shared/corpus and pdftotext")
    words = missing = 0
    glued: dict[str, list[str]] = {}
    for path in PDFS:
        try:
            document = read_document(path, ReadOptions(pdf_engine="pdfplumber"))
        except DocumentError:
            continue
        comparison = compare(path, document)
        words += comparison.words
        missing += len(comparison.missing)
        if comparison.glued:
            glued[path.name] = comparison.glued
    assert not glued
    assert missing <= 0.01 * words


def test_what_we_drop_on_purpose_is_counted_with_its_reason(
    comparisons: dict[str, Comparison],
) -> None:
    excused: Counter[str] = Counter()
    for comparison in comparisons.values():
        excused.update(comparison.excused)
    assert set(excused) <= {
        "hidden text",
        "page number",
        "mojibake (Â of a no-break space)",
        "ligature pdftotext leaves unexpanded",
        "pdftotext joined two words",
        "pdftotext split one word (letter-spacing, font change)",
        "pdftotext keeps a word hyphenated across lines",
    }
    assert sum(excused.values()) < 0.01 * sum(c.words for c in comparisons.values())


# --- the class on PDFs built here -------------------------------------------------------------

LINES = [
    "Knowledge of Medical Terminology and of inbound calls from customers",
    "Strong problem solving ability; team player with a firm commitment",
    "Verified insurance coverage for them in person at the front desk",
]


@pytest.fixture(params=["pdfium", "pdfplumber"])
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _lines(path: Path, engine: str) -> list[str]:
    return read_document(path, ReadOptions(min_words=5, pdf_engine=engine)).text.split("\n")


def _words(path: Path, engine: str) -> list[str]:
    return " ".join(_lines(path, engine)).split()


def _expected() -> list[str]:
    return " ".join(LINES).split()


@pytest.mark.parametrize("pitch", [1.0, 0.9, 0.8])
def test_glyphs_placed_one_by_one_with_space_glyphs_drawn_alone(
    tmp_path: Path, pitch: float, engine: str
) -> None:
    # Qt's way: every glyph its own text object, advancing less than its width.
    path = make_glyph_pdf(tmp_path / "glyphs.pdf", LINES, pitch=pitch, spaces="glyph")
    assert _words(path, engine) == _expected()


@pytest.mark.parametrize("pitch", [1.0, 0.9])
def test_glyphs_placed_one_by_one_with_no_space_characters(
    tmp_path: Path, pitch: float, engine: str
) -> None:
    # The space is only a gap: no space character anywhere in the file.
    path = make_glyph_pdf(tmp_path / "gaps.pdf", LINES, pitch=pitch, spaces="gap")
    assert _words(path, engine) == _expected()


def test_tight_letter_spacing_keeps_words_whole(tmp_path: Path, engine: str) -> None:
    path = make_glyph_pdf(tmp_path / "tight.pdf", LINES, char_space=-0.6, spaces="text")
    assert _words(path, engine) == _expected()


def test_loose_letter_spacing_does_not_split_words(tmp_path: Path, engine: str) -> None:
    path = make_glyph_pdf(tmp_path / "loose.pdf", LINES, char_space=0.8, spaces="text")
    assert _words(path, engine) == _expected()


@pytest.mark.parametrize("angle", [90, -90])
def test_a_title_set_sideways_is_read_as_words(tmp_path: Path, angle: float, engine: str) -> None:
    path = make_rotated_pdf(tmp_path / "rotated.pdf", "CURRICULUM VITAE", LINES, angle=angle)
    lines = _lines(path, engine)
    assert "CURRICULUM VITAE" in lines
    assert [line for line in lines if line != "CURRICULUM VITAE"] == LINES


def test_single_letters_on_ordinary_lines_stay_apart(tmp_path: Path, engine: str) -> None:
    letters = ["A", "B", "C", "D", "E"]
    path = make_pdf(tmp_path / "letters.pdf", [*LINES, *letters], font_size=10)
    assert _lines(path, engine)[-5:] == letters


def test_a_justified_line_with_wide_spaces_stays_one_line(tmp_path: Path, engine: str) -> None:
    # A narrow justified column spaces its words wider than a column gap (9 pt).
    path = make_glyph_pdf(
        tmp_path / "justified.pdf",
        ["computational tools to analyze", *LINES],
        spaces="gap",
        word_space=12,
    )
    lines = _lines(path, engine)
    assert lines[0] == "computational tools to analyze"


def test_many_lone_spaces_split_every_word(tmp_path: Path) -> None:
    # Forty lines of twenty two-letter words, every space its own object: 800 words to split.
    lines = [
        " ".join(f"{chr(97 + (i + j) % 26)}{chr(97 + j % 26)}" for j in range(20))
        for i in range(40)
    ]
    path = make_glyph_pdf(tmp_path / "many.pdf", lines, pitch=0.8, spaces="glyph", font_size=7)
    assert read_document(path).text.split() == " ".join(lines).split()
