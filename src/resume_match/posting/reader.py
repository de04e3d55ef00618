"""Read a job posting with the same readers and matcher as resumes, and say what it asks for."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from ..errors import DocumentError, EmptyDocumentError, PostingError
from ..matching import SkillMatcher
from ..model import Document
from ..reading import ReadOptions, read_document
from .model import Posting, Requirement
from .structure import analyse
from .terms import education_of, experience_years_of, find_terms, strongest_ask

# A posting can be short ("Front desk, must know Epic and scheduling"); a resume cannot.
MIN_POSTING_WORDS = 5


def read_posting(
    path: Path | str, matcher: SkillMatcher, options: ReadOptions | None = None, name: str = ""
) -> Posting:
    """Read a posting file: the skills it asks for (required or preferred), its terms and years.

    Raises:
        PostingError: the file cannot be read, or has too few words to be a posting.
    """
    options = replace(options or ReadOptions(), min_words=MIN_POSTING_WORDS)
    shown = name or str(path)
    try:
        document = read_document(path, options)
    except EmptyDocumentError:
        raise PostingError(
            "is empty or too short to be a job posting; give the whole posting text",
            shown,
            "empty",
        ) from None
    except DocumentError as error:
        raise PostingError(error.message, shown, error.status) from None
    return parse_posting(document, matcher, shown)


def read_posting_bytes(
    data: bytes, matcher: SkillMatcher, options: ReadOptions | None = None, name: str = "-"
) -> Posting:
    """Read a posting given as bytes (standard input): PDF, DOCX or text, told by its content."""
    suffix = ".pdf" if data[:5] == b"%PDF-" else ".docx" if data[:4] == b"PK\x03\x04" else ".txt"
    with tempfile.TemporaryDirectory(prefix="resume-match-") as folder:
        path = Path(folder) / f"posting{suffix}"
        path.write_bytes(data)
        return read_posting(path, matcher, options, name)


def parse_posting(document: Document, matcher: SkillMatcher, name: str = "") -> Posting:
    """What a posting already read asks for; boilerplate, the title and metadata never count."""
    names = [name for skill in matcher.taxonomy.skills for name in skill.context_members]
    layout = analyse(document.text, names)
    pages, offset = [], 0
    for page in document.pages:
        pages.append(layout.usable[offset : offset + len(page)])
        offset += len(page) + 2
    usable = replace(document, pages=tuple(pages))
    matches = matcher.match(usable, veto=lambda text, start, end: False)
    requirements = tuple(
        Requirement(match.skill, strongest_ask(layout.ask_at(e.start) for e in match.evidence))
        for match in matches
    )
    employer = next((line.strip() for line in document.text.split("\n")[1:] if line.strip()), "")
    terms = find_terms(layout, matcher.taxonomy, matches, employer if len(employer) < 60 else "")
    return Posting(
        file=name or str(document.path),
        title=layout.title,
        requirements=requirements,
        terms=terms,
        experience_years=experience_years_of(terms),
        education=education_of(terms),
        words=layout.words,
        boilerplate_words=layout.words - layout.usable_words,
    )
