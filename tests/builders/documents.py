"""Build small PDF and DOCX files on the fly for layout tests, so no binaries are committed.

``make_pdf`` draws text with reportlab's canvas at known positions: one column, two columns under
an optional full-width banner, repeated headers and footers, hidden text (white, 1 pt, or off the
page), a word hyphenated across a line break, and ligature characters such as "ﬁ".
``make_docx`` writes paragraphs, a table (optionally nested in another table), a header, a
footer, a Word-style text box, and runs hidden by white colour, a 1 pt size or ``w:vanish``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

import reportlab
from docx import Document
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

HiddenMode = Literal["white", "tiny", "offpage"]

PAGE_WIDTH, PAGE_HEIGHT = LETTER
LEFT = 54.0
RIGHT_COLUMN_X = PAGE_WIDTH / 2 + 18
TOP = PAGE_HEIGHT - 72
BOTTOM = 72.0
HEADER_Y = PAGE_HEIGHT - 36
FOOTER_Y = 36.0

_BASE_FONT = "Helvetica"
# Helvetica (a standard font) only covers cp1252; ligatures and other characters are drawn with
# Bitstream Vera, which ships inside reportlab, so the builders need no system fonts.
_UNICODE_FONT = "RMVera"
_VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"


def make_pdf(
    path: Path | str,
    lines: Sequence[str] = (),
    *,
    columns: Sequence[Sequence[str]] | None = None,
    banner: Sequence[str] | None = None,
    header: str | None = None,
    footer: str | None = None,
    pages: int = 1,
    hidden: Sequence[str] | None = None,
    hidden_mode: HiddenMode = "white",
    font_size: float = 10,
    hyphenate: Sequence[tuple[str, str]] | None = None,
) -> Path:
    """Write a letter-size PDF and return its path.

    Args:
        path: Where to write the file.
        lines: Full-width body lines, top to bottom. With ``pages > 1`` the lines (and the
            ``hyphenate`` pairs after them) are split into ``pages`` consecutive, nearly equal
            chunks, one per page; a chunk that does not fit its page continues on an extra page.
        columns: ``[left_lines, right_lines]`` drawn side by side on page 1 (left at x=54,
            right at the page's middle + 18 pt), under ``banner`` if given. ``lines`` follow
            below the taller column.
        banner: Full-width lines at the top of page 1, above the columns (name, contact line).
        header: A line repeated at the top of every page.
        footer: A line repeated at the bottom of every page.
        pages: Minimum number of pages.
        hidden: Strings drawn on page 1 so that a person cannot see them, per ``hidden_mode``:
            ``"white"`` white text inside the body area, ``"tiny"`` 1 pt black text inside the
            body area, ``"offpage"`` normal black text placed to the right of the page's
            media box.
        font_size: Size of every visible line, in points.
        hyphenate: ``(head, tail)`` pairs appended after ``lines``: one line ends with
            ``head + "-"`` and the next starts with ``tail`` (``("Handled insurance veri",
            "fication daily")``).

    Text outside cp1252 (such as "ﬁ", U+FB01) is drawn with an embedded TrueType font whose
    ToUnicode map gives the character back on extraction.
    """
    path = Path(path)
    leading = font_size * 1.35
    # A hyphenated pair is one unit, so it is never split across a page break.
    units = [[line] for line in lines]
    units += [[f"{head}-", tail] for head, tail in hyphenate or ()]

    canvas = Canvas(str(path), pagesize=LETTER, invariant=1, pageCompression=0)
    canvas.setTitle("resume-match test fixture")
    page_count = max(pages, 1)
    chunks = _split(units, page_count)
    page_number = 0
    while chunks or page_number < page_count:
        chunk = chunks.pop(0) if chunks else []
        page_number += 1
        _margins(canvas, header, footer, font_size)
        y = TOP
        if page_number == 1:
            for text in banner or ():
                _draw(canvas, LEFT, y, text, font_size + 2)
                y -= leading * 1.2
            if banner:
                y -= leading * 0.5
            if columns:
                y = _draw_columns(canvas, columns, y, font_size, leading)
        while chunk:
            if y - leading * (len(chunk[0]) - 1) < BOTTOM:
                chunks.insert(0, chunk)
                break
            for text in chunk.pop(0):
                _draw(canvas, LEFT, y, text, font_size)
                y -= leading
        if page_number == 1 and hidden:
            _draw_hidden(canvas, hidden, hidden_mode, max(y, BOTTOM + 20), font_size)
        canvas.showPage()
    canvas.save()
    return path


def _split(body: list[list[str]], parts: int) -> list[list[list[str]]]:
    size, extra = divmod(len(body), parts)
    chunks, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        chunks.append(body[start:end])
        start = end
    return chunks


def _font_for(text: str) -> str:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        if _UNICODE_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(_UNICODE_FONT, str(_VERA)))
        return _UNICODE_FONT
    return _BASE_FONT


def _draw(canvas: Canvas, x: float, y: float, text: str, size: float) -> None:
    canvas.setFont(_font_for(text), size)
    canvas.drawString(x, y, text)


def _margins(canvas: Canvas, header: str | None, footer: str | None, size: float) -> None:
    if header:
        _draw(canvas, LEFT, HEADER_Y, header, size - 1)
    if footer:
        _draw(canvas, LEFT, FOOTER_Y, footer, size - 1)


def _draw_columns(
    canvas: Canvas, columns: Sequence[Sequence[str]], top: float, size: float, leading: float
) -> float:
    if len(columns) != 2:
        raise ValueError("columns must be [left_lines, right_lines]")
    lowest = top
    for x, column in zip((LEFT, RIGHT_COLUMN_X), columns, strict=True):
        y = top
        for text in column:
            _draw(canvas, x, y, text, size)
            y -= leading
        lowest = min(lowest, y)
    return lowest - leading


def _draw_hidden(
    canvas: Canvas, hidden: Sequence[str], mode: HiddenMode, y: float, size: float
) -> None:
    canvas.saveState()
    for index, text in enumerate(hidden):
        if mode == "white":
            canvas.setFillColorRGB(1, 1, 1)
            _draw(canvas, LEFT, y - index * size * 1.35, text, size)
        elif mode == "tiny":
            _draw(canvas, LEFT, y - index * 1.5, text, 1)
        elif mode == "offpage":
            _draw(canvas, PAGE_WIDTH + 40, y - index * size * 1.35, text, size)
        else:
            raise ValueError(f"unknown hidden_mode {mode!r}")
    canvas.restoreState()


def make_rotated_pdf(
    path: Path | str, title: str, lines: Sequence[str], *, angle: float = 90, size: float = 28
) -> Path:
    """Write a PDF with ``title`` set sideways in the left margin (rotated by ``angle`` degrees,
    90 reading upwards) and ``lines`` as ordinary text to its right."""
    path = Path(path)
    canvas = Canvas(str(path), pagesize=LETTER, invariant=1, pageCompression=0)
    canvas.saveState()
    x, y = (LEFT, BOTTOM + 40) if angle == 90 else (LEFT - 20, TOP)
    canvas.translate(x, y)
    canvas.rotate(angle)
    canvas.setFont(_BASE_FONT, size)
    canvas.drawString(0, 0, title)
    canvas.restoreState()
    y = TOP
    for line in lines:
        _draw(canvas, LEFT + 60, y, line, 10)
        y -= 14
    canvas.showPage()
    canvas.save()
    return path


def make_glyph_pdf(
    path: Path | str,
    lines: Sequence[str],
    *,
    spaces: Literal["glyph", "gap", "text"] = "glyph",
    pitch: float = 1.0,
    char_space: float = 0.0,
    word_space: float = 0.0,
    font_size: float = 10,
) -> Path:
    """Write a PDF whose text is placed the ways positioning producers place it.

    ``spaces="glyph"``: every glyph is its own text object, the space too (wkhtmltopdf/Qt);
    ``"gap"``: glyphs one by one and no space character at all, a word break is only a gap;
    ``"text"``: each line one text object with real spaces. ``pitch`` scales how far each glyph
    advances against its width (Qt's hinted layout places glyphs closer: about 0.8);
    ``char_space`` is extra space after every glyph in points (tight or loose letter-spacing);
    ``word_space`` extra space after every space, as justified text has.
    """
    path = Path(path)
    canvas = Canvas(str(path), pagesize=LETTER, invariant=1, pageCompression=0)
    y = TOP
    for line in lines:
        if spaces == "text":
            text = canvas.beginText(LEFT, y)
            text.setFont(_BASE_FONT, font_size)
            text.setCharSpace(char_space)
            text.textOut(line)
            canvas.drawText(text)
        else:
            x = LEFT
            canvas.setFont(_BASE_FONT, font_size)
            for glyph in line:
                if glyph != " " or spaces == "glyph":
                    canvas.drawString(x, y, glyph)
                advance = pdfmetrics.stringWidth(glyph, _BASE_FONT, font_size)
                x += advance * pitch + char_space + (word_space if glyph == " " else 0.0)
        y -= font_size * 1.4
    canvas.showPage()
    canvas.save()
    return path


# ---------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------

_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_WHITE = RGBColor(0xFF, 0xFF, 0xFF)
_TEXTBOX_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)

# The shape Word writes for a floating text box: a DrawingML wps:wsp for Word 2010 and later,
# and a VML copy of the same text in mc:Fallback for older readers.
_TEXTBOX_XML = """
<mc:AlternateContent {ns}>
  <mc:Choice Requires="wps">
    <w:drawing>
      <wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0"
                 relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1"
                 allowOverlap="1">
        <wp:simplePos x="0" y="0"/>
        <wp:positionH relativeFrom="column"><wp:posOffset>3886200</wp:posOffset></wp:positionH>
        <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
        <wp:extent cx="2057400" cy="1371600"/>
        <wp:effectExtent l="0" t="0" r="0" b="0"/>
        <wp:wrapSquare wrapText="bothSides"/>
        <wp:docPr id="{shape_id}" name="Text Box {shape_id}"/>
        <wp:cNvGraphicFramePr/>
        <a:graphic>
          <a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
            <wps:wsp>
              <wps:cNvSpPr txBox="1"/>
              <wps:spPr>
                <a:xfrm><a:off x="0" y="0"/><a:ext cx="2057400" cy="1371600"/></a:xfrm>
                <a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
              </wps:spPr>
              <wps:txbx>{content}</wps:txbx>
              <wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720"
                          rIns="91440" bIns="45720" anchor="t"/>
            </wps:wsp>
          </a:graphicData>
        </a:graphic>
      </wp:anchor>
    </w:drawing>
  </mc:Choice>
  <mc:Fallback>
    <w:pict>
      <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"
                   path="m,l,21600r21600,l21600,xe">
        <v:stroke joinstyle="miter"/>
        <v:path gradientshapeok="t" o:connecttype="rect"/>
      </v:shapetype>
      <v:shape id="Text Box {shape_id}" o:spid="_x0000_s{spid}" type="#_x0000_t202"
               style="position:absolute;margin-left:306pt;margin-top:0;width:162pt;height:108pt;z-index:251659264"
               stroked="t">
        <v:textbox>{content}</v:textbox>
      </v:shape>
    </w:pict>
  </mc:Fallback>
</mc:AlternateContent>
"""


def make_docx(
    path: Path | str,
    paragraphs: Sequence[str] = (),
    *,
    table: Sequence[Sequence[str]] | None = None,
    nested_table: bool = False,
    header: str | None = None,
    footer: str | None = None,
    textbox: str | None = None,
    hidden_runs: Sequence[str] | None = None,
    tiny_runs: Sequence[str] | None = None,
    vanish_runs: Sequence[str] | None = None,
) -> Path:
    """Write a DOCX file and return its path.

    Args:
        path: Where to write the file.
        paragraphs: Body paragraphs, in order.
        table: Rows of cell texts, added after the paragraphs.
        nested_table: Put ``table`` inside the single cell of an outer 1x1 table, as resume
            templates often do, so its text is only reachable through the nested table.
        header: Text of the default page header.
        footer: Text of the default page footer.
        textbox: Text of a floating text box anchored in its own paragraph; lines split on
            "\\n" become paragraphs inside the box. Written as ``mc:AlternateContent`` with a
            ``wps:txbx`` DrawingML shape and an ``mc:Fallback`` VML copy, like Word does, so the
            text appears twice in ``document.xml``.
        hidden_runs: Strings each written as its own paragraph in white (``w:color FFFFFF``).
        tiny_runs: Strings each written as its own paragraph at 1 pt (``w:sz w:val="2"``).
        vanish_runs: Strings each written as its own paragraph marked ``w:vanish``.
    """
    path = Path(path)
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    if table:
        width = max(len(row) for row in table)
        if nested_table:
            outer = doc.add_table(rows=1, cols=1)
            cell = outer.cell(0, 0)
            inner = cell.add_table(rows=len(table), cols=width)
            _fill(inner, table)  # python-docx also adds the paragraph Word needs after it
        else:
            _fill(doc.add_table(rows=len(table), cols=width), table)
    if header is not None:
        doc.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        doc.sections[0].footer.paragraphs[0].text = footer
    if textbox is not None:
        _add_textbox(doc, textbox, shape_id=1)
    for text in hidden_runs or ():
        doc.add_paragraph().add_run(text).font.color.rgb = _WHITE
    for text in tiny_runs or ():
        run = doc.add_paragraph().add_run(text)
        run.font.size = Pt(1)  # python-docx writes w:sz w:val="2" (half-points)
    for text in vanish_runs or ():
        run = doc.add_paragraph().add_run(text)
        run._r.get_or_add_rPr().append(parse_xml(f"<w:vanish {_W_NS}/>"))
    doc.save(str(path))
    return path


def _fill(table, rows: Sequence[Sequence[str]]) -> None:
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def _add_textbox(doc, text: str, shape_id: int) -> None:
    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
        for line in text.split("\n")
    )
    content = f"<w:txbxContent>{paragraphs}</w:txbxContent>"
    element = parse_xml(
        _TEXTBOX_XML.format(
            ns=_TEXTBOX_NAMESPACES, content=content, shape_id=shape_id, spid=1025 + shape_id
        )
    )
    doc.add_paragraph().add_run()._r.append(element)
