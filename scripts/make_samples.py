"""Write the sample resumes and cover letter in ``samples/`` as PDF and DOCX.

Run ``python scripts/make_samples.py`` (optionally ``--out DIR``). All of the text lives in the
plain data at the top of this file, so the PDF and the DOCX of a sample always say the same thing.
Every person, employer and number is invented (555-01xx phones, example.com addresses).
Output is deterministic: reportlab runs with ``invariant=1`` and the DOCX zip gets fixed dates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Pt, RGBColor
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

ROOT = Path(__file__).resolve().parent.parent
FIXED_DATE = dt.datetime(2025, 1, 6, 9, 0, 0)
ZIP_DATE = (2025, 1, 6, 9, 0, 0)
AUTHOR = "resume-match samples"

# --------------------------------------------------------------------------------------------
# Sample text: the only place the words live.
# --------------------------------------------------------------------------------------------

STRONG_RESUME = {
    "file": "psr-strong-resume",
    "name": "Maria Delgado",
    "title": "Patient Service Representative",
    "contact": "Sacramento, CA  |  555-0110  |  maria.delgado@example.com",
    # Left sidebar of the PDF; in the DOCX these become the skills table and short lists.
    "skills": [
        "Patient registration and intake",
        "Appointment scheduling",
        "Insurance eligibility verification",
        "Prior authorizations",
        "Co-pay collection and payment posting",
        "Multi-line phone systems",
        "Medical terminology",
        "HIPAA compliance",
        "Data entry (10-key, 55 WPM)",
        "Bilingual English / Spanish",
    ],
    "certifications": [
        "CPSR, Certified Patient Service Representative (2019)",
        "CMAA, National Healthcareer Association (2016)",
        "BLS, American Heart Association (2024)",
    ],
    "tools": [
        "Epic (Cadence, Prelude)",
        "Allscripts",
        "Dentrix",
        "Availity payer portal",
        "Microsoft Office (Word, Excel, Outlook)",
        "Microsoft Teams",
    ],
    "languages": ["English (native)", "Spanish (fluent, medical interpreting)"],
    "awards": [
        "Front Desk Employee of the Year, Sierra Vista Family Medicine (2023)",
        "98% patient-satisfaction score for courtesy at check-in (2024)",
    ],
    "summary": (
        "Patient Service Representative with seven years at the front desk of busy primary care, "
        "orthopedic and dental practices. I register, schedule and check in up to 90 patients a "
        "day, verify insurance before every visit, and keep the waiting room calm and moving. "
        "Patients and providers know me for a warm, patient manner with anxious people and for "
        "staying courteous and professional when the desk is at its busiest."
    ),
    "experience": [
        {
            "role": "Senior Patient Service Representative",
            "where": "Sierra Vista Family Medicine, Sacramento, CA",
            "dates": "2020 - Present",
            "bullets": [
                "Register new patients and update demographics, insurance and emergency contacts "
                "in Epic; collect signed consent forms and HIPAA acknowledgments.",
                "Schedule, reschedule and confirm appointments for eight providers, and work the "
                "daily waitlist to fill same-day cancellations.",
                "Verify insurance eligibility and benefits on payer portals two days before each "
                "visit, and request prior authorizations for imaging and specialist referrals.",
                "Collect co-pays, deductibles and past-due balances at check-in and check-out; "
                "post payments and balance the cash drawer at close.",
                "Answer a 10-line phone system, route clinical questions to the nurse line, and "
                "take accurate messages for providers.",
                "Listen carefully to each caller's concerns and repeat dates and instructions back "
                "before ending the call.",
                "Resolve scheduling conflicts and billing discrepancies, following each one with "
                "the billing office until it is closed.",
                "Protect patient privacy under HIPAA at the window, on the phone and in the chart.",
                "Work closely with medical assistants, nurses and providers to keep clinics on "
                "time; trained five new front-desk hires.",
                "When the practice moved from Allscripts to Epic in 2022, adapted quickly, served "
                "as the front-desk super-user, and rewrote the check-in tip sheet.",
            ],
        },
        {
            "role": "Patient Service Representative",
            "where": "River City Orthopedics, Sacramento, CA",
            "dates": "2017 - 2020",
            "bullets": [
                "Checked in 60-70 patients a day and scanned IDs and insurance cards into the EHR.",
                "Booked surgical consults, post-op visits and physical therapy evaluations across "
                "three locations.",
                "Obtained pre-authorizations for MRIs and injections and kept a tracking log in "
                "Excel so no request went stale.",
                "Comforted patients in pain, and their families, with empathy, and explained "
                "delays honestly.",
                "Handled check-in, phones and records requests at the same time on 12-provider "
                "clinic days while keeping the desk organized.",
            ],
        },
        {
            "role": "Front Desk Receptionist",
            "where": "Capitol Dental Group, Sacramento, CA",
            "dates": "2015 - 2017",
            "bullets": [
                "Scheduled hygiene recalls and entered treatment notes and insurance details in "
                "Dentrix.",
                "Processed card payments and set up payment plans for larger treatment plans.",
                "Greeted patients, answered the main line, and kept paper and digital records in "
                "order.",
            ],
        },
    ],
    "education": [
        (
            "Certificate in Medical Office Administration",
            "American River College, 2015. Coursework: Medical Terminology, Health Insurance "
            "Basics, Medical Office Procedures.",
        ),
        ("High School Diploma", "Hiram Johnson High School, Sacramento, 2013."),
    ],
    "training": [
        "Epic Cadence and Prelude end-user training, Sierra Vista Family Medicine (2022)",
        "De-escalation and Compassionate Communication workshop, Sacramento County (2023)",
        "Annual HIPAA privacy and security training (2017 - 2024)",
    ],
    "volunteer": [
        (
            "Patient Ambassador (volunteer)",
            "Mercy General Hospital, 2014 - 2015. Greeted visitors, walked patients to their "
            "clinics, and answered questions at the information desk in English and Spanish.",
        ),
    ],
}

WEAK_RESUME = {
    "file": "psr-weak-resume",
    "name": "Kayla Simmons",
    "title": "Cashier and Barista",
    "contact": "Fresno, CA  |  555-0155  |  kayla.simmons@example.com",
    "summary": (
        "Friendly cashier and barista with four years in grocery and coffee shops. I excel at "
        "keeping the line moving, and I bring a positive outlook to every shift. Looking for a "
        "front-desk job where I can keep learning."
    ),
    "experience": [
        {
            "role": "Cashier",
            "where": "Valley Fresh Market, Fresno, CA",
            "dates": "2022 - Present",
            "bullets": [
                "Ring up orders on the register and take cash, card and EBT payments; balance my "
                "drawer at close.",
                "Answer the store phone and take special orders for the deli and bakery.",
                "Sort out price-check and coupon problems at the register so the line keeps "
                "moving.",
                "Stock shelves, build end-cap displays, and keep the front end clean.",
            ],
        },
        {
            "role": "Barista",
            "where": "Daily Grind Cafe, Clovis, CA",
            "dates": "2020 - 2022",
            "bullets": [
                "Made espresso drinks and pastries for a morning rush of about 150 customers.",
                "Our regulars mostly found us by word of mouth, and many knew the whole crew by "
                "name.",
                "Opened the store at 5:30 a.m. three days a week.",
            ],
        },
    ],
    "skills": [
        ("Cash register and POS", "Customer service"),
        ("Food handler card", "Opening and closing"),
        ("Stocking and displays", "Reliable and on time"),
    ],
    "education": [("High School Diploma", "Clovis West High School, 2020.")],
    "interests": "Listening to music, softball, baking.",
}

COVER_LETTER = {
    "file": "psr-cover-letter",
    "name": STRONG_RESUME["name"],
    "contact": STRONG_RESUME["contact"],
    "date": "January 6, 2025",
    "recipient": [
        "Hiring Manager",
        "Oak Park Community Clinic",
        "1200 Example Avenue",
        "Sacramento, CA 95817",
    ],
    "salutation": "Dear Hiring Manager,",
    "paragraphs": [
        "I am writing to apply for the Patient Service Representative position at Oak Park "
        "Community Clinic. For the last seven years I have worked the front desk of busy primary "
        "care, orthopedic and dental practices, and I would love to bring that experience to a "
        "community clinic that serves many of the same families I grew up with.",
        "At Sierra Vista Family Medicine I register and check in up to 90 patients a day in Epic, "
        "verify insurance eligibility before every visit, and schedule and confirm appointments "
        "for eight providers. Your posting mentions a patient population that is often uninsured "
        "or between plans; I am used to explaining coverage and payment options clearly, and I "
        "do it in English or Spanish.",
        "What I am proudest of is how people feel when they leave the desk. Many of our patients "
        "arrive worried or in pain, and I take the extra minute to listen, to explain what "
        "happens next, and to treat them with compassion. I also protect every patient's privacy "
        "under HIPAA, at the window and on the phone.",
        "Here is how my experience lines up with what you asked for:",
    ],
    "table": [
        ("You asked for", "My experience"),
        ("Accurate registration", "Seven years registering patients and updating demographics."),
        ("Insurance verification", "Eligibility checks and prior authorizations every day."),
        ("A calm, caring front desk", "Front Desk Employee of the Year, 2023."),
    ],
    "closing_paragraphs": [
        "Thank you for considering my application. I would welcome the chance to talk about how "
        "I can help your front office run smoothly.",
    ],
    "signoff": "Sincerely,",
}

# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------

INK = colors.HexColor("#1F2933")
ACCENT = colors.HexColor("#1D4E89")
MUTED = colors.HexColor("#52606D")
SIDEBAR_FILL = colors.HexColor("#EEF2F6")

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12.5, textColor=INK)
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=10, bulletIndent=0, spaceAfter=1.5)
HEADING = ParagraphStyle(
    "heading",
    fontName="Helvetica-Bold",
    fontSize=11,
    leading=14,
    textColor=ACCENT,
    spaceBefore=8,
    spaceAfter=3,
)
ROLE = ParagraphStyle("role", parent=BODY, fontName="Helvetica-Bold", fontSize=10, spaceBefore=5)
WHERE = ParagraphStyle("where", parent=BODY, fontName="Helvetica-Oblique", textColor=MUTED)
SIDE_HEADING = ParagraphStyle(
    "side_heading", parent=HEADING, fontSize=10, spaceBefore=10, spaceAfter=3
)
SIDE_ITEM = ParagraphStyle(
    "side_item", parent=BODY, fontSize=8.5, leading=11, leftIndent=8, bulletIndent=0, spaceAfter=2
)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11.5, alignment=TA_LEFT)
CELL_HEAD = ParagraphStyle("cell_head", parent=CELL, fontName="Helvetica-Bold")

PAGE_W, PAGE_H = LETTER
MARGIN = 36
SIDEBAR_W = 168
GUTTER = 18
BANNER_H = 74
MAIN_X = MARGIN + SIDEBAR_W + GUTTER
MAIN_W = PAGE_W - MARGIN - MAIN_X
LETTER_X = MARGIN + 36 + 6  # SimpleDocTemplate's frame pads its text by 6 pt


def _p(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    return Paragraph(escape(text), style, bulletText=bullet)


def _sidebar_story(sections: list[tuple[str, list[str]]]) -> list[Paragraph]:
    story: list[Paragraph] = []
    for heading, items in sections:
        story.append(_p(heading.upper(), SIDE_HEADING))
        story.extend(_p(item, SIDE_ITEM, "\u2022") for item in items)
    return story


def _job_flowables(job: dict[str, object]) -> list[object]:
    head = [
        _p(str(job["role"]), ROLE),
        _p(f"{job['where']}  |  {job['dates']}", WHERE),
        Spacer(1, 2),
    ]
    bullets = [_p(b, BULLET, "\u2022") for b in job["bullets"]]  # type: ignore[attr-defined]
    # Short jobs move as one block; long ones keep the title with two bullets, so no heading
    # or lone bullet is stranded at a page break.
    if len(bullets) <= 4:
        return [KeepTogether(head + bullets)]
    return [KeepTogether(head + bullets[:2]), *bullets[2:]]


def build_strong_pdf(path: Path, data: dict) -> None:
    """Two-column resume: a shaded left sidebar (skills, certifications, tools) on each page."""
    sidebar_pages = [
        [
            ("Skills", data["skills"]),
            ("Certifications", data["certifications"]),
            ("Tools", data["tools"]),
        ],
        [("Languages", data["languages"]), ("Awards", data["awards"])],
    ]

    def draw_sidebar(canvas, page_index: int, top: float) -> None:
        canvas.saveState()
        canvas.setFillColor(SIDEBAR_FILL)
        canvas.rect(MARGIN - 8, MARGIN - 8, SIDEBAR_W + 8, top - MARGIN + 8, stroke=0, fill=1)
        canvas.restoreState()
        if page_index < len(sidebar_pages):
            story = _sidebar_story(sidebar_pages[page_index])
            frame = Frame(MARGIN, MARGIN, SIDEBAR_W - 6, top - MARGIN, 4, 0, 0, 0)
            frame.addFromList(story, canvas)
            if story:
                raise RuntimeError("sidebar text does not fit on its page; shorten it")

    def first_page(canvas, doc) -> None:
        top = PAGE_H - MARGIN
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.setFont("Helvetica-Bold", 24)
        canvas.drawString(MARGIN, top - 24, data["name"])
        canvas.setFillColor(INK)
        canvas.setFont("Helvetica", 12.5)
        canvas.drawString(MARGIN, top - 42, data["title"])
        canvas.setFillColor(MUTED)
        canvas.setFont("Helvetica", 9.5)
        canvas.drawString(MARGIN, top - 58, data["contact"])
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.2)
        canvas.line(MARGIN, top - 66, PAGE_W - MARGIN, top - 66)
        canvas.restoreState()
        draw_sidebar(canvas, 0, PAGE_H - MARGIN - BANNER_H - 6)

    def later_page(canvas, doc) -> None:
        top = PAGE_H - MARGIN
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont("Helvetica", 9)
        canvas.drawString(MARGIN, top - 10, f"{data['name']}  |  {data['title']}")
        canvas.drawRightString(PAGE_W - MARGIN, top - 10, f"Page {doc.page}")
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, top - 16, PAGE_W - MARGIN, top - 16)
        canvas.restoreState()
        draw_sidebar(canvas, doc.page - 1, PAGE_H - MARGIN - 28)

    first_h = PAGE_H - 2 * MARGIN - BANNER_H - 6
    later_h = PAGE_H - 2 * MARGIN - 28
    doc = BaseDocTemplate(
        str(path),
        pagesize=LETTER,
        invariant=1,
        title=f"{data['name']} - Resume",
        author=data["name"],
        subject=data["title"],
        creator=AUTHOR,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                "first",
                [Frame(MAIN_X, MARGIN, MAIN_W, first_h, 0, 0, 0, 0, id="main1")],
                onPage=first_page,
            ),
            PageTemplate(
                "later",
                [Frame(MAIN_X, MARGIN, MAIN_W, later_h, 0, 0, 0, 0, id="main2")],
                onPage=later_page,
            ),
        ]
    )
    story: list[object] = [NextPageTemplate("later")]
    story += [_p("SUMMARY", HEADING), _p(data["summary"], BODY)]
    story.append(_p("EXPERIENCE", HEADING))
    for job in data["experience"]:
        story += _job_flowables(job)
    story.append(_p("EDUCATION", HEADING))
    for title, detail in data["education"]:
        story += [_p(title, ROLE), _p(detail, BODY)]
    story.append(_p("PROFESSIONAL DEVELOPMENT", HEADING))
    story += [_p(item, BULLET, "\u2022") for item in data["training"]]
    story.append(_p("VOLUNTEER", HEADING))
    for title, detail in data["volunteer"]:
        story += [_p(title, ROLE), _p(detail, BODY)]
    doc.build(story)


def build_weak_pdf(path: Path, data: dict) -> None:
    """One-page, single-column resume with a small skills table."""

    def page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.setFont("Helvetica-Bold", 22)
        canvas.drawCentredString(PAGE_W / 2, PAGE_H - MARGIN - 24, data["name"])
        canvas.setFillColor(INK)
        canvas.setFont("Helvetica", 12)
        canvas.drawCentredString(PAGE_W / 2, PAGE_H - MARGIN - 42, data["title"])
        canvas.setFillColor(MUTED)
        canvas.setFont("Helvetica", 9.5)
        canvas.drawCentredString(PAGE_W / 2, PAGE_H - MARGIN - 58, data["contact"])
        canvas.setStrokeColor(ACCENT)
        canvas.line(MARGIN + 36, PAGE_H - MARGIN - 66, PAGE_W - MARGIN - 36, PAGE_H - MARGIN - 66)
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(path),
        pagesize=LETTER,
        invariant=1,
        leftMargin=MARGIN + 36,
        rightMargin=MARGIN + 36,
        topMargin=MARGIN + BANNER_H,
        bottomMargin=MARGIN,
        title=f"{data['name']} - Resume",
        author=data["name"],
        creator=AUTHOR,
    )
    story: list[object] = [_p("SUMMARY", HEADING), _p(data["summary"], BODY)]
    story.append(_p("EXPERIENCE", HEADING))
    for job in data["experience"]:
        story += _job_flowables(job)
    story.append(_p("SKILLS", HEADING))
    story.append(_table([[a, b] for a, b in data["skills"]], header=False, width=doc.width))
    story.append(_p("EDUCATION", HEADING))
    for title, detail in data["education"]:
        story += [_p(title, ROLE), _p(detail, BODY)]
    story.append(_p("INTERESTS", HEADING))
    story.append(_p(data["interests"], BODY))
    doc.build(story, onFirstPage=page, onLaterPages=page)


def _table(rows: list[list[str]] | list[tuple[str, str]], *, header: bool, width: float) -> Table:
    cells = [
        [_p(text, CELL_HEAD if header and i == 0 else CELL) for text in row]
        for i, row in enumerate(rows)
    ]
    table = Table(cells, colWidths=[width * 0.38, width * 0.62] if header else [width / 2] * 2)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#9AA5B1")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), SIDEBAR_FILL))
    table.setStyle(TableStyle(style))
    return table


def build_letter_pdf(path: Path, data: dict) -> None:
    """Single-column letter with a letterhead and a two-column "you asked / I offer" table."""

    def page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.setFont("Helvetica-Bold", 18)
        canvas.drawString(LETTER_X, PAGE_H - MARGIN - 20, data["name"])
        canvas.setFillColor(MUTED)
        canvas.setFont("Helvetica", 9.5)
        canvas.drawString(LETTER_X, PAGE_H - MARGIN - 36, data["contact"])
        canvas.setStrokeColor(ACCENT)
        canvas.line(LETTER_X, PAGE_H - MARGIN - 44, PAGE_W - LETTER_X, PAGE_H - MARGIN - 44)
        canvas.restoreState()

    letter_body = ParagraphStyle("letter", parent=BODY, fontSize=10.5, leading=14.5, spaceAfter=9)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=LETTER,
        invariant=1,
        leftMargin=MARGIN + 36,
        rightMargin=MARGIN + 36,
        topMargin=MARGIN + 64,
        bottomMargin=MARGIN,
        title=f"{data['name']} - Cover letter",
        author=data["name"],
        creator=AUTHOR,
    )
    story: list[object] = [_p(data["date"], letter_body)]
    story += [
        _p(line, ParagraphStyle("addr", parent=letter_body, spaceAfter=0))
        for line in data["recipient"]
    ]
    story += [Spacer(1, 10), _p(data["salutation"], letter_body)]
    story += [_p(text, letter_body) for text in data["paragraphs"]]
    story += [_table(data["table"], header=True, width=doc.width), Spacer(1, 10)]
    story += [_p(text, letter_body) for text in data["closing_paragraphs"]]
    story += [_p(data["signoff"], letter_body), _p(data["name"], letter_body)]
    doc.build(story, onFirstPage=page, onLaterPages=page)


# --------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------


def _docx_base(name: str, header_line: str, title: str):
    doc = new_docx()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    run = header.add_run(name)
    run.bold = True
    run.font.size = Pt(16)
    run.font.color.rgb = RGBColor(0x1D, 0x4E, 0x89)
    header.add_run("\n" + header_line).font.size = Pt(9)
    props = doc.core_properties
    props.author = name
    props.last_modified_by = AUTHOR
    props.title = title
    props.comments = "Invented sample for resume-match; regenerate with scripts/make_samples.py"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    # The default template ships a thumbnail of someone else's document; drop it.
    package = doc.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]
    return doc


def _docx_heading(doc, text: str) -> None:
    para = doc.add_paragraph()
    para.paragraph_format.space_before = Pt(10)
    para.paragraph_format.space_after = Pt(3)
    run = para.add_run(text.upper())
    run.bold = True
    run.font.size = Pt(11.5)
    run.font.color.rgb = RGBColor(0x1D, 0x4E, 0x89)


def _docx_job(doc, job: dict) -> None:
    para = doc.add_paragraph()
    para.paragraph_format.space_before = Pt(6)
    para.paragraph_format.space_after = Pt(0)
    para.add_run(job["role"]).bold = True
    where = doc.add_paragraph()
    where.paragraph_format.space_after = Pt(2)
    where.add_run(f"{job['where']}  |  {job['dates']}").italic = True
    for bullet in job["bullets"]:
        doc.add_paragraph(bullet, style="List Bullet")


def _docx_table(doc, rows, *, header: bool) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = doc.styles["Table Grid"]
    for i, (left, right) in enumerate(rows):
        cells = table.add_row().cells
        cells[0].text = left
        cells[1].text = right
        if header and i == 0:
            for cell in cells:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def _docx_titled(doc, items: list[tuple[str, str]]) -> None:
    for title, detail in items:
        para = doc.add_paragraph()
        para.paragraph_format.space_after = Pt(2)
        para.add_run(title).bold = True
        para.add_run("\n" + detail)


def _docx_resume_top(data: dict):
    """A resume's name header, contact line and summary, as both resumes start."""
    doc = _docx_base(data["name"], data["title"], f"{data['name']} - Resume")
    doc.add_paragraph(data["contact"])
    _docx_heading(doc, "Summary")
    doc.add_paragraph(data["summary"])
    return doc


def _docx_bullets(doc, heading: str, items: list[str]) -> None:
    _docx_heading(doc, heading)
    for item in items:
        doc.add_paragraph(item, style="List Bullet")


def build_strong_docx(path: Path, data: dict) -> None:
    """Same words as the PDF; skills in a two-column table, name in the page header."""
    doc = _docx_resume_top(data)
    _docx_heading(doc, "Skills")
    skills = data["skills"]
    half = (len(skills) + 1) // 2
    left, right = skills[:half], skills[half:] + [""] * (half - len(skills[half:]))
    _docx_table(doc, list(zip(left, right, strict=True)), header=False)
    for heading, key in (("Certifications", "certifications"), ("Tools", "tools")):
        _docx_bullets(doc, heading, data[key])
    _docx_heading(doc, "Experience")
    for job in data["experience"]:
        _docx_job(doc, job)
    _docx_heading(doc, "Education")
    _docx_titled(doc, data["education"])
    _docx_bullets(doc, "Professional Development", data["training"])
    _docx_heading(doc, "Volunteer")
    _docx_titled(doc, data["volunteer"])
    for heading, key in (("Languages", "languages"), ("Awards", "awards")):
        _docx_bullets(doc, heading, data[key])
    _save_docx(doc, path)


def build_weak_docx(path: Path, data: dict) -> None:
    """One-page resume; the skills table and header carry text that paragraphs do not."""
    doc = _docx_resume_top(data)
    _docx_heading(doc, "Experience")
    for job in data["experience"]:
        _docx_job(doc, job)
    _docx_heading(doc, "Skills")
    _docx_table(doc, data["skills"], header=False)
    _docx_heading(doc, "Education")
    _docx_titled(doc, data["education"])
    _docx_heading(doc, "Interests")
    doc.add_paragraph(data["interests"])
    _save_docx(doc, path)


def build_letter_docx(path: Path, data: dict) -> None:
    """Cover letter with the sender in the page header and a two-column table."""
    doc = _docx_base(data["name"], data["contact"], f"{data['name']} - Cover letter")
    doc.add_paragraph(data["date"])
    recipient = doc.add_paragraph()
    recipient.add_run("\n".join(data["recipient"]))
    doc.add_paragraph(data["salutation"])
    for text in data["paragraphs"]:
        doc.add_paragraph(text)
    _docx_table(doc, data["table"], header=True)
    doc.add_paragraph()
    for text in data["closing_paragraphs"]:
        doc.add_paragraph(text)
    doc.add_paragraph(data["signoff"])
    doc.add_paragraph(data["name"]).alignment = WD_ALIGN_PARAGRAPH.LEFT
    _save_docx(doc, path)


def _save_docx(doc, path: Path) -> None:
    """Save with every zip entry dated FIXED_DATE, so reruns give identical bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    buffer.seek(0)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    """Write all six sample files into ``samples/`` (or ``--out``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "samples", help="output folder")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    jobs = [
        (STRONG_RESUME, build_strong_pdf, build_strong_docx),
        (WEAK_RESUME, build_weak_pdf, build_weak_docx),
        (COVER_LETTER, build_letter_pdf, build_letter_docx),
    ]
    for data, pdf, docx in jobs:
        for suffix, build in ((".pdf", pdf), (".docx", docx)):
            target = out / f"{data['file']}{suffix}"
            build(target, data)
            print(target.relative_to(out.parent) if out.parent in target.parents else target)


if __name__ == "__main__":
    main()
