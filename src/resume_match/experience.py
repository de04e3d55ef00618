"""Years of experience from a resume's dates, and whether its job titles match a posting's.

Date ranges are read in the Experience section ("03/2019 - Present", "Jan 2017 to Dec 2018",
"2015-2017", "2019 – Current"); each starts a role. Roles that show a skill the posting asks for
(or carry one of the role's titles) are relevant; their months are added up with overlaps counted
once. A date that cannot be real becomes a note, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .sections import find_sections, heading_name
from .taxonomy import Taxonomy

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12, "spring": 4, "summer": 7, "fall": 10,
    "autumn": 10, "winter": 1,
}  # fmt: skip
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter)"
)
_DATE = rf"(?:{_MONTH_NAME}\.?,?\s+'?\d{{2,4}}|\d{{1,2}}\s*/\s*\d{{2,4}}|\d{{1,2}}-\d{{4}}|\d{{4}})"
_RANGE = re.compile(
    rf"(?<![\w/])(?P<start>{_DATE})\s*(?:-|–|—|to|until|through|thru|~)\s*"
    rf"(?P<end>{_DATE}|present|current|now|today|date)(?![\w/])",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*[•\-*–]")
_SEPARATORS = " |,•-–—:"
TitleHow = Literal["same", "synonym"]


@dataclass(frozen=True)
class Role:
    """One dated role: what the resume says, the months it covers, and whether it counts."""

    title: str
    dates: str
    start: int
    end: int
    relevant: bool
    offset: int

    @property
    def months(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Experience:
    """The resume's dated roles and the relevant time, overlaps counted once."""

    roles: tuple[Role, ...]
    months: int
    overlap_months: int
    notes: tuple[str, ...]

    @property
    def years(self) -> float:
        return round(self.months / 12, 1)

    @property
    def dated(self) -> bool:
        return bool(self.roles)


@dataclass(frozen=True)
class TitleMatch:
    """A title in the resume that matches the posting's, the same or a common synonym."""

    posting_title: str
    resume_title: str
    how: TitleHow


def read_experience(
    text: str,
    relevant_offsets: Iterable[int] | None = None,
    titles: Iterable[str] = (),
    today: date | None = None,
) -> Experience:
    """Dated roles of a resume; with ``relevant_offsets`` only roles holding one count.

    A role also counts when its heading lines carry one of ``titles``. ``today`` is what
    "Present" means (tests fix it).
    """
    today = today or date.today()
    now = today.year * 12 + today.month - 1
    spans = _experience_spans(text)
    matches = [m for low, high in spans for m in _RANGE.finditer(text, low, high)]
    offsets = sorted(relevant_offsets) if relevant_offsets is not None else None
    title_pattern = _titles_pattern(titles)
    notes: list[str] = []
    roles: list[Role] = []
    blocks = [_block_start(text, m.start(), spans) for m in matches]
    for index, match in enumerate(matches):
        low = blocks[index]
        high = blocks[index + 1] if index + 1 < len(blocks) else _span_end(spans, match.start())
        dates = " ".join(match.group().split())
        months, problem = _months(match.group("start"), match.group("end"), now)
        if problem:
            notes.append(f'"{dates}": {problem}; not counted')
            continue
        head = text[low : match.end()]
        title = _title_of(head, match.start() - low)
        relevant = offsets is None or any(low <= o < high for o in offsets)
        if not relevant and title_pattern is not None:
            relevant = bool(title_pattern.search(head))
        roles.append(Role(title, dates, months[0], months[1], relevant, low))
    if not matches and spans:
        notes.append("no date ranges found in the experience section")
    total, overlap = _union([r for r in roles if r.relevant])
    return Experience(tuple(roles), total, overlap, tuple(notes))


def match_title(text: str, posting_title: str, taxonomy: Taxonomy) -> TitleMatch | None:
    """Does a line of the resume's experience carry the posting's title, or a synonym of it?"""
    groups = [taxonomy.posting.titles, *(level.titles for level in taxonomy.levels)]
    posting_lower = _words(posting_title)
    named = [t for group in groups for t in group if _contains(posting_lower, t)]
    synonyms = {t for group in groups if any(t in group for t in named) for t in group}
    key = (
        max(named, key=len) if named else re.split(r"\s+[-|–(]\s*|\s*[-|–(,]\s+", posting_title)[0]
    )
    spans = _experience_spans(text) or [(0, len(text))]
    lines = [line for low, high in spans for line in text[low:high].split("\n") if line.strip()]
    ways: tuple[tuple[TitleHow, list[str]], ...] = (
        ("same", [key]),
        ("synonym", sorted(synonyms, key=len, reverse=True)),
    )
    for how, candidates in ways:
        for line in lines:
            for title in candidates:
                if title and _contains(_words(line), title):
                    return TitleMatch(key, " ".join(line.split())[:80], how)
    return None


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def _contains(haystack_words: str, title: str) -> bool:
    return _words(title) in haystack_words


def _titles_pattern(titles: Iterable[str]) -> re.Pattern[str] | None:
    names = sorted({t for t in titles if t.strip()}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


def _experience_spans(text: str) -> list[tuple[int, int]]:
    sections = find_sections(text)
    bounds = [*sections.starts[1:], len(text)]
    return [
        (start, end)
        for name, start, end in zip(sections.names, sections.starts, bounds, strict=True)
        if name in ("Experience", "Volunteer", "Body")
    ]


def _span_end(spans: list[tuple[int, int]], offset: int) -> int:
    return next((high for low, high in spans if low <= offset < high), offset)


def _block_start(text: str, offset: int, spans: list[tuple[int, int]]) -> int:
    """The start of a role: its date line, and up to two heading lines just above it."""
    floor = next((low for low, high in spans if low <= offset < high), 0)
    start = text.rfind("\n", floor, offset) + 1
    for _ in range(2):
        if start <= floor:
            break
        newline = text.rfind("\n", floor, start - 1)
        above = newline + 1 if newline != -1 else floor
        line = text[above : start - 1]
        if (
            not line.strip()
            or line.strip()[0].islower()
            or line.rstrip().endswith((".", ";", ","))
            or _BULLET.match(line)
            or len(line) > 80
            or _RANGE.search(line)
            or heading_name(line)
        ):
            break
        start = above
    return max(start, floor)


def _title_of(head: str, date_at: int) -> str:
    lines = [ln.strip(_SEPARATORS) for ln in head[:date_at].split("\n") if ln.strip(_SEPARATORS)]
    return " ".join(lines[0].split())[:70] if lines else ""


def _month_index(value: str, is_end: bool, now: int) -> tuple[int | None, str]:
    value = value.strip().lower().rstrip(".")
    if value in ("present", "current", "now", "today", "date"):
        return now + 1, ""
    named = re.match(rf"({_MONTH_NAME})\.?,?\s+'?(\d{{2,4}})$", value)
    if named:
        name, year = named.group(1), named.group(2)
        month = _MONTHS[name if name in _MONTHS else name[:3]]
    elif "/" in value or "-" in value:
        month_text, year = re.split(r"\s*[/-]\s*", value)
        month = int(month_text)
        if not 1 <= month <= 12:
            return None, f"month {month} does not exist"
    else:
        year, month = value, 0
    year_number = int(year) + (2000 if len(year) == 2 and int(year) < 50 else 0)
    year_number += 1900 if len(year) == 2 and year_number < 100 else 0
    if not 1950 <= year_number <= now // 12 + 1:
        return None, f"year {year_number} is not plausible"
    if month == 0:
        # A year alone: a start counts from January, an end up to January (2015-2017 is 2 years).
        return year_number * 12, ""
    return year_number * 12 + month - 1 + (1 if is_end else 0), ""


def _months(start: str, end: str, now: int) -> tuple[tuple[int, int], str]:
    first, problem = _month_index(start, False, now)
    if first is None:
        return (0, 0), problem
    last, problem = _month_index(end, True, now)
    if last is None:
        return (0, 0), problem
    if re.fullmatch(r"\s*\d{4}\s*", end) and re.fullmatch(r"\s*\d{4}\s*", start) and last == first:
        last = first + 12
    if last > now + 1:
        return (0, 0), "ends in the future"
    if last <= first:
        return (0, 0), "ends before it starts"
    return (first, last), ""


def _union(roles: list[Role]) -> tuple[int, int]:
    """Months covered by the roles together, and how many were counted twice or more."""
    total, merged_end = 0, None
    for role in sorted(roles, key=lambda r: r.start):
        if merged_end is None or role.start >= merged_end:
            total += role.months
            merged_end = role.end
        elif role.end > merged_end:
            total += role.end - merged_end
            merged_end = role.end
    return total, sum(r.months for r in roles) - total


def month_name(index: int) -> str:
    """'Mar 2019' for a month index (year x 12 + month - 1)."""
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{names[index % 12]} {index // 12}"


def describe(months: int) -> str:
    """'2 y 3 m' for 27 months."""
    years, rest = divmod(months, 12)
    return f"{years} y {rest} m" if years else f"{rest} m"
