"""Find a resume's sections (Summary, Skills, Experience...) so evidence can say where it stood."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

_HEADINGS = {
    "Summary": (
        "summary",
        "professional summary",
        "career summary",
        "profile",
        "professional profile",
        "personal profile",
        "objective",
        "career objective",
        "professional objective",
        "about me",
        "overview",
        "summary of qualifications",
        "qualifications summary",
        "executive summary",
    ),
    "Skills": (
        "skills",
        "key skills",
        "core skills",
        "technical skills",
        "soft skills",
        "computer skills",
        "relevant skills",
        "skills and abilities",
        "skills & abilities",
        "skills and qualifications",
        "skills & qualifications",
        "core competencies",
        "competencies",
        "areas of expertise",
        "expertise",
        "strengths",
        "key strengths",
        "core qualifications",
        "qualifications",
        "highlights",
        "skill highlights",
        "skills summary",
        "professional skills",
        "tools",
        "technologies",
        "software",
        "languages and skills",
        "additional skills",
    ),
    "Experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
        "healthcare experience",
        "related experience",
        "professional history",
        "career experience",
        "experience highlights",
        "clinical experience",
        "internships",
        "internship",
    ),
    "Education": (
        "education",
        "education and training",
        "education & training",
        "academic background",
        "training",
        "coursework",
        "relevant coursework",
        "academic history",
        "academics",
    ),
    "Certifications": (
        "certifications",
        "certification",
        "certificates",
        "licenses",
        "licenses and certifications",
        "licenses & certifications",
        "certifications and licenses",
        "credentials",
        "certifications and training",
        "professional certifications",
    ),
    "Volunteer": (
        "volunteer",
        "volunteer experience",
        "volunteering",
        "community service",
        "volunteer work",
    ),
    "Interests": (
        "interests",
        "hobbies",
        "personal interests",
        "hobbies and interests",
        "interests and hobbies",
        "hobbies & interests",
        "interests & hobbies",
    ),
    "Other": (
        "languages",
        "references",
        "awards",
        "honors",
        "honors and awards",
        "projects",
        "activities",
        "accomplishments",
        "achievements",
        "publications",
        "affiliations",
        "professional affiliations",
        "memberships",
        "additional information",
    ),
}
_LOOKUP = {heading: name for name, headings in _HEADINGS.items() for heading in headings}
_CLEAN = re.compile(r"[^a-z& ]+")


@dataclass(frozen=True)
class SectionMap:
    """Where each section starts in a text, for looking up the section of an offset."""

    starts: tuple[int, ...]
    names: tuple[str, ...]

    def at(self, offset: int) -> str:
        """The section that holds ``offset``; text before any heading is the "Header"."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.names[index] if index >= 0 else "Header"


def heading_name(line: str) -> str | None:
    """Canonical section name if ``line`` is a section heading, else None."""
    stripped = line.strip().strip("•:-|").strip()
    if not stripped or len(stripped) > 45 or stripped.endswith((".", ",")):
        return None
    key = _CLEAN.sub(" ", stripped.lower()).replace("&", " & ")
    key = " ".join(key.split())
    return _LOOKUP.get(key)


def find_sections(text: str) -> SectionMap:
    """Map a document's text to its sections.

    Text before the first heading is the "Header"; a text with no headings at all (a cover letter,
    a resume in paragraphs) is one "Body" section.
    """
    starts: list[int] = [0]
    names: list[str] = ["Header"]
    offset = 0
    for line in text.split("\n"):
        name = heading_name(line)
        if name is not None:
            starts.append(offset)
            names.append(name)
        offset += len(line) + 1
    if len(names) == 1:
        names = ["Body"]
    return SectionMap(tuple(starts), tuple(names))


_KEYWORD_SPLIT = re.compile(r"\s*[,;|•·]\s*")
_MIN_KEYWORDS = 6


def in_keyword_list(text: str, offset: int) -> bool:
    """Whether ``offset`` sits in a machine-made keyword list: many items in alphabetical order.

    Job boards and resume builders append the skills they extracted ("Quality, recording,
    recruitment, sales, scheduling, spreadsheets"). A bare word there was never claimed by the
    writer, so a word that counts only as a list item ("Scheduling") does not count in one.
    """
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    items = [item.lower() for item in _KEYWORD_SPLIT.split(line.strip(" .")) if item]
    if len(items) < _MIN_KEYWORDS:
        return False
    in_order = sum(a <= b for a, b in itertools.pairwise(items))
    return bool(in_order >= 0.75 * (len(items) - 1))
