"""Evidence: the words that prove a skill, where they stand, and which of them a reader accepts.

A reader does not accept a heading ("Leadership & Collaboration:") or a job title ("Team Lead
Manager") as proof of a skill, and wants the first quote to be a sentence that shows it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import NamedTuple

from ..model import Evidence
from ..sections import SectionMap
from ..taxonomy import Skill

_CONNECTORS = frozenset(
    {"of", "and", "&", "as", "for", "the", "in", "at", "to", "/", "-", "–", "|", "a", "an", "with"}
)
# A contact line: a supervisor's or reference's name after a colon, an email, a phone number.
# Each is searched only in a line with its colon, "@" or digit: most lines have none.
_CONTACT_NAME = re.compile(
    r"\b(?i:supervisor|manager|references?|contact)\s*:\s*"
    r"(?:(?:SSG|SFC|SGT|Sgt|Dr|Mr|Mrs|Ms|Capt)\.?\s+)?[A-Z][a-z]+"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[^\W\d_][\w'&.-]*|[&/|–-]")
_TITLE_SECTIONS = frozenset({"Experience", "Volunteer"})
_ROLE_NOUNS = frozenset(
    {
        "clerk",
        "specialist",
        "coordinator",
        "assistant",
        "manager",
        "representative",
        "rep",
        "supervisor",
        "receptionist",
        "nurse",
        "technician",
        "tech",
        "director",
        "officer",
        "agent",
        "associate",
        "lead",
        "intern",
        "secretary",
        "administrator",
        "registrar",
        "analyst",
        "scheduler",
        "aide",
        "advocate",
        "liaison",
        "consultant",
        "i",
        "ii",
        "iii",
    }
)
_DUTY_OPENERS = frozenset({"responsible", "assist", "assists", "answer", "answers", "handle"})
_JOB_SECTIONS = frozenset({"Header", "Experience", "Volunteer"})
_BULLETS = frozenset("•*·>-–—▪●◦")
_LIST_SECTIONS = frozenset({"Skills"})


class _Line(NamedTuple):
    heading: bool
    title: bool


class LineMap:
    """What each line of a text is, so a match in a heading or a job title can be set aside.

    A ``heading`` is a label that ends in a colon ("Leadership & Collaboration:"), a few
    capitalised words alone on a line of an Experience section ("Team Lead Manager"), or a
    contact line (a supervisor's or reference's name, an email, a phone number); none proves
    any skill. A ``dated`` title line ("Front Desk Lead - Summit Club (2020 - Present)")
    and a short capitalised label before a sentence ("COLLABORATION: Attended weekly ...", up to
    ``label_end``) name a job or a topic: they prove no soft skill. Nor does a hobby under
    Interests ("video games, solving problems and fixing things"): a pastime is not a duty.

    A line is read when a match on it is first judged: most lines hold no match.
    """

    def __init__(self, text: str, sections: SectionMap) -> None:
        self._lines = text.split("\n")
        self._sections = sections
        self._starts: list[int] = []
        offset = 0
        for line in self._lines:
            self._starts.append(offset)
            offset += len(line) + 1
        self._read: dict[int, _Line] = {}
        self._soft_read: dict[int, tuple[bool, int, bool]] = {}
        self._name = _name_line(self._lines)

    def refuses(self, skill: Skill, start: int) -> bool:
        """Whether a reader would not take a match at ``start`` as proof of a core ``skill``.

        Extras keep titles: "Senior Patient Service Representative" is what proves a career step.
        """
        index = bisect.bisect_right(self._starts, start) - 1
        if index < 0 or not skill.core:
            return False
        line = self._line(index)
        if line.heading or index == self._name or (line.title and not self._in_list(index)):
            return True
        if skill.category != "soft":
            return False
        dated, label_end, pastime = self._soft(index)
        return dated or start < label_end or pastime

    def _in_list(self, index: int) -> bool:
        """Three or more short capitalised lines in a row are a list of skills, not job titles."""
        first = index
        while first > 0 and index - first < 2 and self._line(first - 1).title:
            first -= 1
        last = index
        while last + 1 < len(self._lines) and last - first < 2 and self._line(last + 1).title:
            last += 1
        return last - first >= 2

    def _line(self, index: int) -> _Line:
        if index not in self._read:
            self._read[index] = self._classify(index)
        return self._read[index]

    def _classify(self, index: int) -> _Line:
        stripped = self._lines[index].strip()
        words = _WORD.findall(stripped)
        section = self._sections.at(self._starts[index])
        bulleted = stripped[:1] in _BULLETS
        return _Line(
            heading=(stripped.endswith(":") and 0 < len(words) <= 6) or _contact(stripped),
            title=section in _TITLE_SECTIONS and not bulleted and _is_title(stripped, words),
        )

    def _soft(self, index: int) -> tuple[bool, int, bool]:
        """What only a soft skill asks of a line: whether it is dated, where a label before a
        sentence ends (-1 for none), whether it is a pastime; read when first asked."""
        found = self._soft_read.get(index)
        if found is not None:
            return found
        line, offset = self._lines[index], self._starts[index]
        stripped = line.strip()
        section = self._sections.at(offset)
        end = -1
        colon = stripped.find(":")
        if colon > 0 and section not in _LIST_SECTIONS:
            label = _WORD.findall(stripped[:colon])
            body = _WORD.findall(stripped[colon + 1 :])
            if 0 < len(label) <= 5 and _capitalised(label) and len(body) >= 4:
                end = offset + line.find(":")
        dated = (
            section in _JOB_SECTIONS
            and stripped[:1] not in _BULLETS
            and _is_dated_title(stripped, _WORD.findall(stripped))
        )
        found = self._soft_read[index] = (dated, end, section == "Interests")
        return found


def _contact(line: str) -> bool:
    return bool(
        (":" in line and _CONTACT_NAME.search(line))
        or ("@" in line and _EMAIL.search(line))
        or (_DIGIT.search(line) and _PHONE.search(line))
    )


def map_lines(text: str, sections: SectionMap) -> LineMap:
    """What the lines of ``text`` are, each read when first asked about."""
    return LineMap(text, sections)


def _name_line(lines: list[str]) -> int:
    """The first line of a document, when it is a few capitalised words, is the writer's name:
    "Courtney Gentle" or "HOPE PATIENCE" proves nothing. Its index, or -1.
    """
    for index, line in enumerate(lines):
        words = _WORD.findall(line)
        if not words:
            continue
        plain = not any(c.isdigit() or c in ":,|@" for c in line)
        return index if 2 <= len(words) <= 4 and plain and _capitalised(words) else -1
    return -1


def _capitalised(words: list[str]) -> bool:
    significant = [w for w in words if w.lower() not in _CONNECTORS]
    return bool(significant) and all(w[0].isupper() for w in significant)


def _is_title(stripped: str, words: list[str]) -> bool:
    """A job title or sub-heading alone on its line: two to six capitalised words, no list."""
    names = [w for w in words if w[0].isalpha()]
    first = names[0].lower() if names else ""
    last = names[-1].lower().rstrip(".") if names else ""
    return (
        2 <= len(names) <= 6
        and (
            last in _ROLE_NOUNS
            # "Admitting Clerk I Emergency": a role noun inside names the job, and its unit
            # follows.
            or (
                not first.endswith("ed")
                and first not in _DUTY_OPENERS
                and any(w.lower() in _ROLE_NOUNS for w in names[1:-1])
            )
            or (not first.endswith(("ed", "ing")) and first not in _DUTY_OPENERS)
        )
        and not stripped.endswith((".", ";", "!", "?"))
        and "," not in stripped
        and not _YEAR.search(stripped)
        and _capitalised(words)
    )


def _is_dated_title(stripped: str, words: list[str]) -> bool:
    """A line of capitalised words with a year: a job, its employer and its dates."""
    if not _YEAR.search(stripped) or stripped.endswith("."):
        return False
    significant = [w for w in words if w.lower() not in _CONNECTORS]
    capitals = sum(w[0].isupper() for w in significant)
    return 0 < len(significant) <= 16 and capitals >= 0.8 * len(significant)


def snippet(text: str, start: int, end: int, width: int = 50) -> str:
    """The words around a match, within its line and sentence, cut at word boundaries."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    sentence = max(text.rfind(". ", line_start, start), text.rfind("•", line_start, start))
    left = max(line_start, sentence + 2 if sentence != -1 else line_start, start - width)
    right = min(line_end, end + width)
    if left > line_start and text[left - 1] not in " •":
        left = text.find(" ", left, start) + 1 or start
    if right < line_end and not text[right].isspace():
        space = text.rfind(" ", end, right)
        right = space if space != -1 else end
    prefix = "..." if left > line_start and sentence + 2 != left else ""
    suffix = "..." if right < line_end else ""
    return f"{prefix}{' '.join(text[left:right].split()).strip(' •')}{suffix}"


_new_object = object.__new__


def new_evidence(text: str, term: str, page: int, section: str, start: int, end: int) -> Evidence:
    """``Evidence(text, term, page, section, start, end)``, its fields set at once rather than
    one frozen ``__setattr__`` each: a document makes dozens."""
    evidence: Evidence = _new_object(Evidence)
    evidence.__dict__.update(text=text, term=term, page=page, section=section, start=start, end=end)
    return evidence


def page_of(page_starts: list[int], offset: int) -> int:
    page = 1
    for number, start in enumerate(page_starts, start=1):
        if start <= offset:
            page = number
    return page


_SECTION_RANK = {"Experience": 0, "Volunteer": 1, "Body": 1, "Skills": 2, "Summary": 3}


def section_rank(section: str) -> int:
    """How convincing evidence from ``section`` is, best first: what the person did, then what
    they list, then what they say of themselves."""
    return _SECTION_RANK.get(section, 4)


def dedupe(
    items: Iterable[Evidence], loose: frozenset[tuple[int, int]] = frozenset()
) -> tuple[Evidence, ...]:
    """Distinct evidence, most convincing first: what the person did before what they list,
    a sentence before a bare title or keyword, and words that stand together before words
    found apart (``loose``, as (start, end) offsets).
    """
    pool = items if isinstance(items, list | tuple) else list(items)
    if len(pool) == 1:
        return (pool[0],)
    seen: set[str] = set()
    kept: list[Evidence] = []
    for item in sorted(
        pool,
        key=lambda e: (
            section_rank(e.section),
            len(e.text) < 25,
            (e.start, e.end) in loose,
            e.start,
        ),
    ):
        if item.text in seen:
            continue
        seen.add(item.text)
        kept.append(item)
    return tuple(kept)


def splits_items(text: str, start: int, end: int, section: str) -> bool:
    """Whether two words found apart in a skills list stand in two of its items.

    "Collections, Credit" or "Medical Records, Medisoft, Meditech" are neighbours in a list, not
    one duty: in a Skills section a comma between the two words ends one item and starts the next.
    """
    return section in _LIST_SECTIONS and "," in text[start:end]
