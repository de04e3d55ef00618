"""Is this an application at all? Job postings, READMEs and blank templates are not.

A folder of applicants often holds other files: the posting itself, a manifest, a template the
candidate started from. Scored as resumes they rank among the candidates (a posting names every
skill it asks for) and mislead the recruiter. Each kind is told by how it is written, not by
its name: a posting speaks to the reader ("you will", "we offer", "apply") and lists
requirements and benefits; a README or manifest is mostly markdown tables, headings and links;
a template is full of placeholders ("[Your Name]", "Dear :", "XXX"). A resume or cover letter
is written about oneself, so first-person and past-tense writing weighs against a posting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..prefilter import Screen

# Each cue is one name for several phrasings; a posting shows several cues, a resume hardly any.
_POSTING_CUES: dict[str, tuple[str, ...]] = {
    "we are seeking": (r"\bwe(?: are|'re) (?:currently )?(?:seeking|looking for|hiring)\b",),
    "is seeking": (
        r"\b(?:is|are) (?:currently )?(?:seeking|looking for|hiring) (?:a|an|qualified)\b",
    ),
    "the ideal candidate": (r"\b(?:the )?ideal candidates?\b",),
    "the successful candidate": (
        r"\b(?:successful|qualified|selected) (?:candidate|applicant)s?\b",
    ),
    "equal opportunity employer": (
        r"\bequal (?:employment )?opportunity\b",
        r"\beoe\b",
        r"\baffirmative action\b",
    ),
    "job description": (
        r"\bjob (?:description|summary|type|function|id|req(?:uisition)?(?: ?id)?)\b",
        r"\breq ?id\b",
    ),
    "apply": (r"\b(?:apply (?:now|today|online|here)|how to apply|to apply)\b",),
    "what we offer": (r"\bwhat (?:we offer|you(?:'ll| will) (?:do|bring|need))\b", r"\bwe offer\b"),
    "benefits": (
        r"\bbenefits (?:include|package)\b",
        r"\b(?:paid time off|paid vacation|sick time|401 ?\(?k\)?|tuition reimbursement)\b",
    ),
    "pay range": (
        r"\b(?:salary|pay|compensation) range\b",
        r"\$\s?\d[\d,.]*\s*(?:/\s*(?:hr|hour|yr|year)\s*)?(?:-|–|to)\s*(?:usd\s*)?\$?\s?\d[\d,.]*"
        r"\s*(?:/\s*|per |an? )?(?:hr|hour|hourly|yr|year)\b",
    ),
    "requirements": (
        r"\b(?:minimum|required|preferred|basic|desired) "
        r"(?:qualifications|requirements|skills|experience|education)\b",
        r"\brequirements:",
    ),
    "you will": (
        r"\byou(?: will|'ll) (?:be|have|work|provide|perform|assist|serve|support|report|need)\b",
    ),
    "candidates must": (
        r"\b(?:candidates?|applicants?) (?:must|should|will)\b",
        r"\bmust (?:be able to|possess)\b",
    ),
    "join our team": (
        r"\bjoin (?:our|a) (?:team|growing|dynamic)\b",
        r"\babout (?:us|the role|the position|our company)\b",
    ),
    "reports to": (r"\breports to:|\bposition reports to\b",),
    "required": (
        r"\b(?:degree|diploma|ged|license|certification|experience) (?:is )?"
        r"(?:required|preferred)\b",
    ),
    "full time": (
        r"^\s*(?:full|part)[- ]time\s*$",
        r"\b(?:type of employment|employment type|hours):",
    ),
    "responsibilities": (
        r"^\s*(?:key |essential |job |primary )?(?:responsibilities|duties)(?: include)?\s*:?\s*$",
    ),
    "closes": (r"\b(?:closes|closing date|posted on|date posted)\b",),
    "this position": (
        r"\b(?:this|the) (?:position|role|job) (?:is|will|requires|involves|reports)\b",
    ),
}
_POSTING = {
    name: re.compile("|".join(patterns), re.IGNORECASE | re.MULTILINE)
    for name, patterns in _POSTING_CUES.items()
}
# Each cue searched only in a text that holds the words it cannot match without.
_POSTING_SCREEN = Screen(*_POSTING.values())
# Signs of writing about oneself: an employment history and what one did.
_DATE_RANGE = re.compile(
    r"\b(?:(?:19|20)\d\d|\d{1,2}/(?:19|20)?\d\d)\s*(?:-|–|—|to|until)\s*"
    r"(?:(?:19|20)\d\d|\d{1,2}/(?:19|20)?\d\d|present|current|now|today)\b",
    re.IGNORECASE,
)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\(?\b\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b")
_PAST_LINE = re.compile(r"^[\s•*·\-–]*[A-Z][a-z]+ed\b", re.MULTILINE)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|my|me|myself)\b", re.IGNORECASE)
_SECOND_PERSON = re.compile(r"\b(?:you|your|you'll|we|our|us|we're|we'll)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
# A markdown heading line, found in one search of the text: the space after the marks is one of
# the line's own characters.
_MD_HEADING_LINE = re.compile(r"^#{1,6}[^\S\n]", re.MULTILINE)
_MD_LINK = re.compile(r"\]\((?:https?://|\.{0,2}/|[\w.-]+\.\w+)")
_CODE = re.compile(r"`[^`\n]+`")
_PLACEHOLDER = re.compile(
    r"\[(?:your|recipient|company|employer|date|street|city|phone|email|e-mail|title|name|"
    r"position|address|number|field|area|job|school|degree|state|zip|hiring|insert|month|year)"
    r"[^\]\n]{0,40}\]|<(?:your|insert|company|name)[^>\n]{0,40}>|\bx{3,}\b|\blorem ipsum\b|"
    r"^\s*dear\s*[:,]|\byour name\b|\bfirst name last name\b",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class Genre:
    """The measures behind the verdict, for tests and for tuning: counts, not judgements."""

    words: int
    posting_cues: tuple[str, ...]
    first_person: int
    addressing: int
    markdown_lines: int
    markdown_marks: int
    lines: int
    placeholders: int
    date_ranges: int
    past_lines: int
    contact: bool

    @property
    def about_oneself(self) -> bool:
        """Written in the first person, or with an employment history and past-tense duties."""
        return (
            self.first_person >= 0.01 * self.words or self.date_ranges >= 2 or self.past_lines >= 3
        )


def measure(text: str) -> Genre:
    reading = _Reading(text)
    return Genre(
        words=reading.words,
        posting_cues=tuple(reading.posting_cues()),
        first_person=reading.first_person,
        addressing=len(_SECOND_PERSON.findall(text)),
        markdown_lines=reading.markdown_lines,
        markdown_marks=reading.markdown_marks,
        lines=len(reading.lines),
        placeholders=reading.placeholders,
        date_ranges=len(_DATE_RANGE.findall(text)),
        past_lines=len(_PAST_LINE.findall(text)),
        contact=reading.contact,
    )


class _Reading:
    """The measures of one text, each taken when the verdict first needs it.

    A resume is told from a posting by its dates and duties long before twenty posting cues
    have been looked for; the verdict is the one :func:`measure`'s counts give.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def lines(self) -> list[str]:
        return [line for line in self.text.split("\n") if line.strip()]

    @cached_property
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    @cached_property
    def markdown_marks(self) -> int:
        # Headings, links and code mark markdown; a table alone is also how some resumes are typed.
        return (
            len(_MD_HEADING_LINE.findall(self.text))
            + len(_MD_LINK.findall(self.text))
            + len(_CODE.findall(self.text))
        )

    @cached_property
    def markdown_lines(self) -> int:
        return sum(1 for line in self.lines if _TABLE_ROW.match(line)) + self.markdown_marks

    @cached_property
    def first_person(self) -> int:
        return len(_FIRST_PERSON.findall(self.text))

    @cached_property
    def placeholders(self) -> int:
        return len(_PLACEHOLDER.findall(self.text))

    @cached_property
    def contact(self) -> bool:
        return _CONTACT.search(self.text) is not None

    @cached_property
    def about_oneself(self) -> bool:
        """:attr:`Genre.about_oneself`, with the cheapest signs looked for first."""
        return (
            _at_least(_DATE_RANGE, self.text, 2)
            or _at_least(_PAST_LINE, self.text, 3)
            or self.first_person >= 0.01 * self.words
        )

    def many_placeholders(self) -> bool:
        """Whether :attr:`placeholders` reaches the template threshold.

        Every placeholder holds a bracket or one of a few words, so a text with fewer than five
        of those has fewer than five placeholders, and the words need not be counted.
        """
        folded = self.text.lower()
        marks = sum(folded.count(mark) for mark in _PLACEHOLDER_MARKS)
        # Each placeholder holds a mark of its own, so there are no more placeholders than marks.
        return (
            marks >= 5 and marks >= self.words / 40 and self.placeholders >= max(5, self.words / 40)
        )

    def posting_cues(self, enough: int | None = None) -> list[str]:
        """The posting cues the text shows, in order, stopping at ``enough``."""
        found: list[str] = []
        for name, cue in _POSTING.items():
            if enough is not None and len(found) >= enough:
                break
            if _POSTING_SCREEN.search(cue, self.text):
                found.append(name)
        return found


def _at_least(pattern: re.Pattern[str], text: str, count: int) -> bool:
    return any(index + 1 >= count for index, _ in enumerate(pattern.finditer(text)))


# What every placeholder contains, lower-cased: "[...]", "<...>", "xxx", "lorem ipsum", "dear :",
# "your name", "first name last name". None of these letters has a case-insensitive twin outside
# ASCII (as "s" has "ſ"), so lower() keeps each placeholder's mark.
_PLACEHOLDER_MARKS = ("[", "<", "xxx", "lorem", "dear", "name")


def not_a_resume(text: str) -> str | None:
    """Why the text is not a resume or cover letter (one line), or None when it may be one."""
    genre = _Reading(text)
    # Markdown notes about something else (guidelines, a changelog) carry no contact details and
    # say nothing of their writer; a resume typed in markdown does both.
    marks = genre.markdown_marks
    notes = marks >= 5 and not genre.about_oneself and not genre.contact
    if notes or (marks >= 3 and genre.markdown_lines >= max(8, 0.3 * len(genre.lines))):
        return (
            "looks like a README, manifest or notes in markdown (headings, tables, links), "
            "not a resume or cover letter; leave it out of the applicants' files"
        )
    if genre.many_placeholders():
        return (
            f"looks like a blank template ({genre.placeholders} placeholders such as "
            "'[Your Name]'); fill it in before checking it"
        )
    if not genre.about_oneself:
        cues = genre.posting_cues(enough=3)
        if len(cues) >= 3:
            shown = ", ".join(f'"{cue}"' for cue in cues)
            return (
                f"looks like a job posting ({shown}), not a resume or cover letter; "
                "check the applicants' documents against it instead"
            )
    return None
