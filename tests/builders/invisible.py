"""Build PDFs and DOCX files whose keyword stuffing a renderer would not show, and their controls.

Each builder writes the same weak, visible resume and, on page 1, the :data:`STUFFING` keywords
hidden by one technique a screener must see through. The PDFs are written operator by operator
(:func:`hostile.pdf_bytes`), so the technique is exactly the one named; the DOCX packages are the
minimal package of :mod:`hostile` with the parts each technique needs. The controls draw text a
person does see (white on a dark sidebar, light grey) and must not be flagged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .hostile_docx import W_NS, docx_bytes, docx_parts
from .hostile_pdf import HELVETICA, MEDIA_BOX, pdf_bytes, pdf_stream

VISIBLE = (
    "Jane Roe, front desk associate",
    "Greeted visitors at the front desk of a busy outpatient clinic every day.",
    "Kept the waiting room tidy and answered questions from families.",
    "Worked with a friendly team of nurses and office staff for three years.",
    "Education: High school diploma, City High School.",
)
STUFFING = "Epic Cerner HIPAA insurance verification medical terminology scheduling"
STUFFING_WORDS = len(STUFFING.split())


def _show(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(%s) Tj" % escaped.encode("cp1252")


def _visible_ops() -> bytes:
    lines = [b"BT /F1 10 Tf 14 TL 54 740 Td"]
    lines += [_show(line) + b" T*" for line in VISIBLE]
    return b"\n".join([*lines, b"ET"])


def _stuffing(before: bytes = b"", x: float = 54, y: float = 600, size: float = 10) -> bytes:
    """The stuffing as one line of text at (x, y), after ``before`` (state set inside BT)."""
    return b"BT /F1 %g Tf %s %g %g Td %s ET" % (size, before, x, y, _show(STUFFING))


_IMAGE = pdf_stream(
    b"\xff" * 16,
    b"/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray "
    b"/BitsPerComponent 8",
)
_LAYER = b"<< /Type /OCG /Name (Keywords) >>"
# A 4 x 4 picture in one light blue (0.7 0.8 1 rg), and the operators that stretch it under the
# stuffing's line.
_BLUE_IMAGE = pdf_stream(
    bytes((179, 204, 255)) * 16,
    b"/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceRGB /BitsPerComponent 8",
)
BLUE_PICTURE = b"q 420 0 0 25 50 590 cm /Im2 Do Q"


def page_pdf(
    stuffed: bytes, *, resources: bytes = b"", catalog: bytes = b"", background: bytes = b""
) -> bytes:
    """One letter page: ``background``, the visible resume, then ``stuffed`` (operators).

    What ``background`` draws comes before all the text, as a page's backdrop does.
    """
    first = background + b"\n0 g\n" if background else b""
    content = first + _visible_ops() + b"\n" + stuffed
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R %s >>" % catalog,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R %s /Contents 4 0 R /Resources << /Font << /F1 5 0 R "
            b">> /XObject << /Im1 6 0 R /Im2 8 0 R >> /Properties << /oc1 7 0 R >> %s >> >>"
            % (MEDIA_BOX, resources),
            pdf_stream(content),
            HELVETICA,
            _IMAGE,
            _LAYER,
            _BLUE_IMAGE,
        ]
    )


# The stuffing's line box: x 54-440, baseline 600, so about y 597-609.
_COVER = b"50 590 420 25 re f"
SAME_COLOUR = "text the colour of what is behind it"


def _on_backdrop(fill: bytes, text: bytes | None = None) -> Callable[[], bytes]:
    """The stuffing in ``text`` (``fill`` if not given) on a box of ``fill`` under all the text."""
    return lambda: page_pdf(_stuffing(text or fill), background=fill + b" " + _COVER)


@dataclass(frozen=True)
class PdfTechnique:
    """One way to hide the stuffing, and the words the flag must use to name it."""

    name: str
    build: Callable[[], bytes]
    named: str


PDF_TECHNIQUES: tuple[PdfTechnique, ...] = (
    PdfTechnique("render-mode-3", lambda: page_pdf(_stuffing(b"3 Tr")), "render mode 3"),
    PdfTechnique("render-mode-7", lambda: page_pdf(_stuffing(b"7 Tr")), "render mode 7"),
    PdfTechnique(
        "outside-clip",
        lambda: page_pdf(b"q 0 0 40 40 re W n " + _stuffing() + b" Q"),
        "outside the clipping path",
    ),
    PdfTechnique(
        "covered-by-white-box",
        lambda: page_pdf(_stuffing() + b" 1 g " + _COVER),
        "covered by something drawn over",
    ),
    PdfTechnique(
        "covered-by-image",
        lambda: page_pdf(_stuffing() + b" q 420 0 0 25 50 590 cm /Im1 Do Q"),
        "covered by something drawn over",
    ),
    PdfTechnique(
        "layer-off",
        lambda: page_pdf(
            b"/OC /oc1 BDC " + _stuffing() + b" EMC",
            catalog=b"/OCProperties << /OCGs [7 0 R] /D << /OFF [7 0 R] /Order [7 0 R] >> >>",
        ),
        "in a layer that is switched off",
    ),
    PdfTechnique(
        "white-on-covered-black-box",
        lambda: page_pdf(b"0 g " + _COVER + b" " + _stuffing(b"1 g") + b" 1 g " + _COVER),
        "white text on a white background",
    ),
    PdfTechnique(
        "white-on-clipped-black-box",
        lambda: page_pdf(b"q 0 0 40 40 re W n 0 g " + _COVER + b" Q " + _stuffing(b"1 g")),
        "white text on a white background",
    ),
    PdfTechnique("horizontal-scale-1", lambda: page_pdf(_stuffing(b"1 Tz")), "squeezed"),
    PdfTechnique("dark-grey-on-dark-grey-box", _on_backdrop(b"0.3 g"), SAME_COLOUR),
    PdfTechnique("black-on-black-box", _on_backdrop(b"0 g"), SAME_COLOUR),
    PdfTechnique(
        "light-blue-on-near-light-blue-box",
        _on_backdrop(b"0.7 0.8 1 rg", b"0.71 0.79 0.99 rg"),
        SAME_COLOUR,
    ),
    PdfTechnique(
        "light-blue-on-light-blue-picture",
        lambda: page_pdf(_stuffing(b"0.7 0.8 1 rg"), background=BLUE_PICTURE),
        SAME_COLOUR,
    ),
    PdfTechnique(
        "grey-on-grey-box-drawn-after-other-text",
        lambda: page_pdf(b"0.3 g " + _COVER + b" " + _stuffing(b"0.3 g")),
        SAME_COLOUR,
    ),
)


# Text a person sees, white on a dark box: the visibility check renders a page that holds it.
_RENDERED_SIDEBAR = (
    b"0.15 0.2 0.35 rg 40 360 460 60 re f BT /F1 10 Tf 0 Tr 1 g 54 380 Td (Lead) Tj ET"
)

# The stuffing hidden by its own properties (render mode, size, place), which need no render.
OWN_PROPERTY_TECHNIQUES: tuple[PdfTechnique, ...] = (
    PdfTechnique(
        "render-mode-3-on-a-rendered-page",
        lambda: page_pdf(_stuffing(b"3 Tr") + b" " + _RENDERED_SIDEBAR),
        "render mode 3",
    ),
    PdfTechnique(
        "tiny-on-a-rendered-page",
        lambda: page_pdf(_stuffing(size=1) + b" " + _RENDERED_SIDEBAR),
        "tiny text",
    ),
    PdfTechnique(
        "off-the-page-on-a-rendered-page",
        lambda: page_pdf(_stuffing(x=-900) + b" " + _RENDERED_SIDEBAR),
        "off the page",
    ),
)


def visible_on_backdrops_pdfs() -> dict[str, bytes]:
    """Text in a colour that stands out from the box or picture drawn under all the text."""
    return {
        "black-on-light-blue-box": _on_backdrop(b"0.7 0.8 1 rg", b"0 g")(),
        "white-on-dark-grey-box": _on_backdrop(b"0.3 g", b"1 g")(),
        "mid-grey-on-dark-grey-box": _on_backdrop(b"0.3 g", b"0.55 g")(),
        "black-on-light-blue-picture": page_pdf(_stuffing(b"0 g"), background=BLUE_PICTURE),
    }


def visible_sidebar_pdf() -> bytes:
    """White words on a dark box and light-grey words: both seen by a person, neither hidden."""
    return page_pdf(
        b"0.15 0.2 0.35 rg 40 560 460 60 re f "
        + _stuffing(b"1 g")
        + b" "
        + _stuffing(b"0.62 g", y=520)
    )


# --- DOCX ---------------------------------------------------------------------------------------


def _run(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _paragraph(content: str, props: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{content}</w:p>"


_STYLES_REL = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdStyles" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)


def _styles(styles: str, defaults: str = "") -> str:
    doc_defaults = (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{defaults}</w:rPr></w:rPrDefault></w:docDefaults>"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W_NS}">'
        f"{doc_defaults if defaults else ''}{styles}</w:styles>"
    )


def docx_with(
    stuffed: str,
    *,
    styles: str | None = None,
    namespaces: str = "",
    visible_props: str = "",
    background: str = "",
) -> bytes:
    """The visible resume as paragraphs, then ``stuffed`` (body XML); ``styles`` a styles part."""
    body = "".join(_paragraph(_run(line, visible_props)) for line in VISIBLE) + stuffed
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" {namespaces}>{background}<w:body>{body}</w:body>'
        "</w:document>"
    )
    parts = docx_parts(document)
    if styles is not None:
        parts["word/styles.xml"] = styles.encode()
        parts["word/_rels/document.xml.rels"] = _STYLES_REL.encode()
    return docx_bytes(parts)


def _char_style(style_id: str, props: str, based_on: str = "") -> str:
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="character" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
        f"{base}<w:rPr>{props}</w:rPr></w:style>"
    )


def _para_style(style_id: str, props: str, based_on: str = "") -> str:
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
        f"{base}<w:rPr>{props}</w:rPr></w:style>"
    )


_WP = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)


def _off_page_box(offset_emu: int) -> str:
    """A text box anchored ``offset_emu`` from the page's left edge (negative: off the page)."""
    return _paragraph(
        '<w:r><w:drawing><wp:anchor behindDoc="0" simplePos="0" locked="0" '
        'layoutInCell="1" allowOverlap="1" relativeHeight="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="page">'
        f"<wp:posOffset>{offset_emu}</wp:posOffset></wp:positionH>"
        '<wp:positionV relativeFrom="page"><wp:posOffset>914400</wp:posOffset></wp:positionV>'
        '<wp:extent cx="3000000" cy="400000"/><wp:wrapNone/><wp:docPr id="1" name="Box"/>'
        "<a:graphic><a:graphicData "
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f"<wps:txbx><w:txbxContent>{_paragraph(_run(STUFFING))}</w:txbxContent></wps:txbx>"
        "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


def _nested_ins(kind: str) -> str:
    return _paragraph(
        f'<w:{kind} w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z">'
        + _run(STUFFING)
        .replace("<w:t ", "<w:delText " if kind != "ins" else "<w:t ")
        .replace("</w:t>", "</w:delText>" if kind != "ins" else "</w:t>")
        + f"</w:{kind}>"
    )


_VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def _vml_box_off_page() -> str:
    """A legacy VML text box (no DrawingML choice) placed 700 pt left of the margin."""
    return _paragraph(
        '<w:r><w:pict><v:shape style="position:absolute;margin-left:-700pt;margin-top:20pt;'
        'width:300pt;height:40pt"><v:textbox>'
        f"<w:txbxContent>{_paragraph(_run(STUFFING))}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r>"
    )


@dataclass(frozen=True)
class DocxTechnique:
    name: str
    build: Callable[[], bytes]
    named: str


_HIDDEN = "<w:vanish/>"
_WHITE = '<w:color w:val="FFFFFF"/>'

DOCX_TECHNIQUES: tuple[DocxTechnique, ...] = (
    DocxTechnique(
        "character-style-hidden",
        lambda: docx_with(
            _paragraph(_run(STUFFING, '<w:rStyle w:val="Quiet"/>')),
            styles=_styles(_char_style("Quiet", _HIDDEN)),
        ),
        "hidden by style 'Quiet'",
    ),
    DocxTechnique(
        "character-style-white-inherited",
        lambda: docx_with(
            _paragraph(_run(STUFFING, '<w:rStyle w:val="Pale"/>')),
            styles=_styles(_char_style("Base", _WHITE) + _char_style("Pale", "<w:b/>", "Base")),
        ),
        "white text (style 'Pale')",
    ),
    DocxTechnique(
        "paragraph-style-hidden",
        lambda: docx_with(
            _paragraph(_run(STUFFING), '<w:pStyle w:val="Ghost"/>'),
            styles=_styles(_para_style("Ghost", _HIDDEN)),
        ),
        "hidden by style 'Ghost'",
    ),
    DocxTechnique(
        "document-defaults-white",
        lambda: docx_with(
            _paragraph(_run(STUFFING)),
            visible_props='<w:color w:val="000000"/>',
            styles=_styles(_char_style("Seen", '<w:color w:val="000000"/>'), defaults=_WHITE),
        ),
        "white text (the document's default)",
    ),
    DocxTechnique(
        "theme-colour-background",
        lambda: docx_with(
            _paragraph(_run(STUFFING, '<w:color w:val="000000" w:themeColor="background1"/>'))
        ),
        "white text",
    ),
    DocxTechnique(
        "text-box-off-page",
        lambda: docx_with(_off_page_box(-30_000_000), namespaces=_WP),
        "text box placed off the page",
    ),
    DocxTechnique(
        "vml-text-box-off-page",
        lambda: docx_with(_vml_box_off_page(), namespaces=_VML_NS),
        "text box placed off the page",
    ),
    DocxTechnique(
        "character-scale-1",
        lambda: docx_with(_paragraph(_run(STUFFING, '<w:w w:val="1"/>'))),
        "squeezed",
    ),
    DocxTechnique("tracked-deletion", lambda: docx_with(_nested_ins("del")), "tracked deletion"),
    DocxTechnique(
        "tracked-move-from", lambda: docx_with(_nested_ins("moveFrom")), "tracked deletion"
    ),
)


def docx_visible_controls() -> bytes:
    """White on a dark shaded paragraph, a text box on the page, and an inserted (tracked) run."""
    return docx_with(
        _paragraph(_run("Customer service", _WHITE), '<w:shd w:val="clear" w:fill="1F3864"/>')
        + _off_page_box(914400)
        + _nested_ins("ins"),
        namespaces=_WP,
    )


def docx_white_on_a_dark_page() -> bytes:
    """White text on a page coloured dark (``w:background``): what a person sees, and reads."""
    return docx_with(
        _paragraph(_run(STUFFING, _WHITE)),
        visible_props=_WHITE,
        background='<w:background w:color="1F1F1F"/>',
    )
