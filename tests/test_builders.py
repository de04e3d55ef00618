"""The fixture builders put text where they say; checked in the files, not via resume-match."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
from lxml import etree

from builders import make_docx, make_pdf

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}


def _chars(path: Path, page: int = 0) -> list[dict]:
    with pdfplumber.open(path) as pdf:
        return list(pdf.pages[page].chars)


def _page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [p.extract_text(expand_ligatures=False) or "" for p in pdf.pages]


def _chars_of(chars: list[dict], word: str) -> list[dict]:
    """The run of characters that spells ``word`` (first occurrence)."""
    text = "".join(c["text"] for c in chars)
    start = text.index(word)
    return chars[start : start + len(word)]


def _xml(path: Path, member: str) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(member))


def _text(element: etree._Element) -> str:
    return "".join(element.itertext())


# --- PDF -------------------------------------------------------------------------------------


def test_pdf_single_column(tmp_path: Path) -> None:
    lines = ["Patient Service Representative", "Verified insurance eligibility daily"]
    path = make_pdf(tmp_path / "one.pdf", lines)
    assert _page_texts(path) == ["\n".join(lines)]


def test_pdf_two_columns_under_banner(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "two.pdf",
        ["Full width after the columns"],
        banner=["Maria Example", "555-0100"],
        columns=[["SKILLS", "Epic", "HIPAA"], ["EXPERIENCE", "Scheduled appointments"]],
    )
    chars = _chars(path)
    with pdfplumber.open(path) as pdf:
        middle = pdf.pages[0].width / 2
    banner, left, right = (_chars_of(chars, w) for w in ("Maria", "SKILLS", "EXPERIENCE"))
    after = _chars_of(chars, "Full width")
    assert all(c["x1"] < middle for c in left)
    assert all(c["x0"] > middle for c in right)
    assert left[0]["top"] == pytest.approx(right[0]["top"])
    assert banner[0]["top"] < left[0]["top"] < after[0]["top"]


def test_pdf_header_and_footer_on_every_page(tmp_path: Path) -> None:
    body = [f"Body line {n}" for n in range(6)]
    path = make_pdf(
        tmp_path / "hf.pdf", body, header="Maria Example resume", footer="Page foot", pages=3
    )
    texts = _page_texts(path)
    assert len(texts) == 3
    for number, text in enumerate(texts):
        page_lines = text.splitlines()
        assert page_lines[0] == "Maria Example resume"
        assert page_lines[-1] == "Page foot"
        assert page_lines[1:-1] == body[2 * number : 2 * number + 2]


def test_pdf_more_pages_than_asked_when_the_body_overflows(tmp_path: Path) -> None:
    body = [f"Line {n}" for n in range(120)]
    path = make_pdf(tmp_path / "long.pdf", body)
    texts = _page_texts(path)
    assert len(texts) > 1
    assert "\n".join(texts).splitlines() == body


def test_pdf_hidden_white_text(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "white.pdf", ["Visible line"], hidden=["EPIC CERNER HIPAA"])
    hidden = _chars_of(_chars(path), "EPIC CERNER HIPAA")
    assert all(tuple(c["non_stroking_color"]) == (1, 1, 1) for c in hidden if c["text"] != " ")
    visible = _chars_of(_chars(path), "Visible")
    assert all(tuple(c["non_stroking_color"]) != (1, 1, 1) for c in visible)


def test_pdf_hidden_tiny_text(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "tiny.pdf", ["Visible line"], hidden=["EPIC"], hidden_mode="tiny")
    assert all(c["size"] == pytest.approx(1) for c in _chars_of(_chars(path), "EPIC"))
    assert all(c["size"] == pytest.approx(10) for c in _chars_of(_chars(path), "Visible"))


def test_pdf_hidden_text_off_the_page(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "off.pdf", ["Visible line"], hidden=["EPIC"], hidden_mode="offpage")
    with pdfplumber.open(path) as pdf:
        width = pdf.pages[0].width
    assert all(c["x0"] > width for c in _chars_of(_chars(path), "EPIC"))
    assert b"(EPIC)" in path.read_bytes()  # uncompressed content stream


def test_pdf_unknown_hidden_mode(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="hidden_mode"):
        make_pdf(tmp_path / "x.pdf", ["a"], hidden=["b"], hidden_mode="blink")  # type: ignore[arg-type]


def test_pdf_word_hyphenated_across_lines(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "hyph.pdf",
        ["Front desk"],
        hyphenate=[("Handled insurance veri", "fication daily")],
        pages=2,
    )
    texts = _page_texts(path)
    assert texts[0] == "Front desk"
    assert texts[1].splitlines() == ["Handled insurance veri-", "fication daily"]


def test_pdf_ligature_survives_extraction(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "lig.pdf", ["Certiﬁed in ﬁling and ofﬁce work"])
    assert "\ufb01" in {c["text"] for c in _chars(path)}
    assert _page_texts(path) == ["Certiﬁed in ﬁling and ofﬁce work"]


def test_pdf_is_deterministic(tmp_path: Path) -> None:
    kwargs = {"columns": [["a"], ["b"]], "header": "h", "hidden": ["x"]}
    first = make_pdf(tmp_path / "a.pdf", ["same"], **kwargs).read_bytes()
    second = make_pdf(tmp_path / "b.pdf", ["same"], **kwargs).read_bytes()
    assert first == second


# --- DOCX ------------------------------------------------------------------------------------


def test_docx_paragraphs_table_header_footer(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "plain.docx",
        ["Maria Example", "Patient Service Representative"],
        table=[["Skills", "Epic"], ["Tools", "Excel"]],
        header="Header name",
        footer="Footer line",
    )
    body = _xml(path, "word/document.xml")
    assert [_text(p) for p in body.iterfind(".//w:body/w:p", NS)][:2] == [
        "Maria Example",
        "Patient Service Representative",
    ]
    cells = [_text(tc) for tc in body.iterfind(".//w:tbl/w:tr/w:tc", NS)]
    assert cells == ["Skills", "Epic", "Tools", "Excel"]
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
    headers = [n for n in names if n.startswith("word/header")]
    footers = [n for n in names if n.startswith("word/footer")]
    assert any("Header name" in _text(_xml(path, n)) for n in headers)
    assert any("Footer line" in _text(_xml(path, n)) for n in footers)
    docx.Document(str(path))  # python-docx can open what it wrote


def test_docx_nested_table(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "nested.docx", [], table=[["HIPAA", "Epic"]], nested_table=True)
    body = _xml(path, "word/document.xml")
    inner = body.findall(".//w:tbl//w:tc//w:tbl", NS)
    assert len(inner) == 1
    assert [_text(tc) for tc in inner[0].iterfind("w:tr/w:tc", NS)] == ["HIPAA", "Epic"]
    outer_cell = body.find("w:body/w:tbl/w:tr/w:tc", NS)
    assert outer_cell is not None
    assert etree.QName(outer_cell[-1]).localname == "p"  # a cell must end with a paragraph
    assert docx.Document(str(path)).tables[0].cell(0, 0).tables[0].cell(0, 1).text == "Epic"


def test_docx_text_box_like_word(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "box.docx", ["Body"], textbox="Skills: Epic\nHIPAA & scheduling")
    body = _xml(path, "word/document.xml")
    alternate = body.findall(".//w:r/mc:AlternateContent", NS)
    assert len(alternate) == 1
    choice = alternate[0].find("mc:Choice", NS)
    fallback = alternate[0].find("mc:Fallback", NS)
    assert choice is not None and choice.get("Requires") == "wps"
    assert fallback is not None
    modern = choice.find(".//wps:txbx/w:txbxContent", NS)
    legacy = fallback.find(".//v:textbox/w:txbxContent", NS)
    for content in (modern, legacy):
        assert content is not None
        assert [_text(p) for p in content.iterfind("w:p", NS)] == [
            "Skills: Epic",
            "HIPAA & scheduling",
        ]
    # python-docx's paragraph API does not see inside the box: that is what makes it a test.
    assert all("Epic" not in p.text for p in docx.Document(str(path)).paragraphs)


@pytest.mark.parametrize(
    ("option", "xpath", "value"),
    [
        ("hidden_runs", "w:rPr/w:color", "FFFFFF"),
        ("tiny_runs", "w:rPr/w:sz", "2"),
        ("vanish_runs", "w:rPr/w:vanish", None),
    ],
)
def test_docx_hidden_runs(tmp_path: Path, option: str, xpath: str, value: str | None) -> None:
    path = make_docx(tmp_path / f"{option}.docx", ["Visible"], **{option: ["EPIC CERNER"]})
    body = _xml(path, "word/document.xml")
    runs = [r for r in body.iterfind(".//w:r", NS) if _text(r) == "EPIC CERNER"]
    assert len(runs) == 1
    prop = runs[0].find(xpath, NS)
    assert prop is not None
    if value is not None:
        assert prop.get(f"{{{W}}}val") == value
    visible = [r for r in body.iterfind(".//w:r", NS) if _text(r) == "Visible"]
    assert visible[0].find("w:rPr", NS) is None
