"""A posting's shape: its title, headings, sentences, boilerplate, and the cues that set strength.

Postings mix what the job asks for with what every posting of the employer says (benefits,
equal-opportunity text, salary, mission). The boilerplate is found by its headings and its
wording and blanked out (offsets kept), so that nothing in it can ever count as an ask.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Ask, Strength

_BULLET = re.compile(r"^\s*(?:[-*•⦁·▪◦●‣]|\d{1,2}[.)])\s*")
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+|^\s*\*\*(.+?)\*\*:?\s*$|^\s*__(.+?)__\s*$")
_HEADING_WORDS = re.compile(
    r"\b(?:responsibilit|duties|duty|qualification|requirement|skills|abilities|education|"
    r"experience|benefit|about|summary|overview|description|position|role|what you|who you|why|"
    r"perks|compensation|salary|equal|eeo|certification|licensure|schedule|physical|supervision|"
    r"supervises|preferred|required|nice to have|bonus|essential|minimum|culture|mission|values|"
    r"opportunity|job|knowledge|expectations|demands|offer|pay|eoe|you will|you'll|must have|"
    r"plus|desired|additional)",
    re.IGNORECASE,
)
_BOILERPLATE_HEADING = re.compile(
    r"\b(?:benefits?|perks|compensation|salary|pay range|equal (?:employment )?opportunit|eeo|eoe|"
    r"affirmative|who we are|our (?:mission|values|culture|story|commitment)|why (?:work|join)|"
    r"culture|diversity|inclusion|physical demands|working conditions|work environment|"
    r"what we offer|we offer|total rewards|disclaimer|accommodations?)\b"
    r"|^about (?!(?:the|this) (?:role|job|position|opportunity)|you\b)",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"equal (?:employment )?opportunit|affirmative action|without regard to|discriminat|"
    r"protected (?:veteran )?status|\beoe\b|reasonable accommodation|drug[- ]free|background check|"
    r"proof of vaccination|e-verify|"
    r"\bwe offer\b|\boffers? (?:an? )?(?:generous|comprehensive|competitive|wide)|"
    r"benefits? package|"
    r"benefits include|our benefits|employee benefits|benefits section|range of benefits|"
    r"benefit options|voluntary benefit|401\(?k\)?|403\(?b\)?|\bretirement\b|paid time off|\bpto\b|"
    r"tuition|student loan|dental,? and vision|wellness|well-?being|employee assistance|"
    r"sign[- ]on bonus|holiday pay|"
    r"paid (?:vacation|holidays?|parental|leave)|sick time|parental leave|discounts?\b|"
    r"total rewards|flexible spending|shift differential|career (?:advancement|ladders?|growth)|"
    r"grow your career|development opportunities|mentorship programs?|professional development|"
    r"\$\s?\d|\bsalary\b|pay range|hourly rate|per hour|/\s?hr\b|/\s?hour\b|"
    r"compensation (?:range|package)|"
    r"competitive (?:pay|compensation|wages?)|\bdoe\b|depending on experience|"
    r"\bour mission\b|\bmission\b|\bour values\b|we believe|proud to be|top workplace|"
    r"best places to work|\bculture\b|powered by|committed to (?:our|equity|diversity|excellence)|"
    r"community of colleagues|we celebrate|celebrate diverse|come help us|join our team|"
    r"shape the future|who we are|fast-growing|make a difference|world-class|award-winning|"
    r"has served|physical demands|physical requirements|\blift\b|\blbs\b|pounds|stoop|kneel|"
    r"crouch|crawl",
    re.IGNORECASE,
)
_INSURANCE_BENEFIT = re.compile(
    r"\b(?:health|medical|dental|vision|life|disability|pet) (?:insurance|coverage)\b",
    re.IGNORECASE,
)
_INSURANCE_WORK = re.compile(
    r"\b(?:verif\w*|submit\w*|claims?|bill\w*|eligibility|authori[sz]\w*|process\w*|collect\w*|"
    r"post\w*)\b",
    re.IGNORECASE,
)
_BENEFIT_TAG = re.compile(
    r"^(?:full[- ]time|part[- ]time|dental|vision|retirement|benefits|general benefits|"
    r"health insurance|pto|401k|remote|hybrid|on-?site|temporary|contract|per diem|prn)$",
    re.IGNORECASE,
)
_METADATA = re.compile(
    r"^(?:location|city/state|city|state|business unit|job reqid|req(?:uisition)? ?id|job id|"
    r"job function|shift|type of employment|employment type|job type|hours|categories|category|"
    r"reports to|attire|status|department|posted|date posted|closes|travel|job category|"
    r"work schedule|pay|salary|compensation(?: range)?)\b\s*:?\s",
    re.IGNORECASE,
)
_REQUIRED = re.compile(
    r"\b(?:required|requires?|requirements?|must|mandatory|essential|minimum|min\.|"
    r"necessary|needed|at least|need to|needs to)\b",
    re.IGNORECASE,
)
_NOT_A_CUE = re.compile(
    r"\b(?:as|if|when|where)\s+(?:\w+\s+)?$|\bwith or without\s+\w*\s*$", re.IGNORECASE
)
_PREFERRED = re.compile(
    r"\b(?:preferred|preferably|prefer|preference|"
    r"(?:is |are |would be |be )?an? (?:big |huge )?plus|"
    r"nice[- ]to[- ]haves?|desired|desirable|ideally|ideal candidate|bonus points|is a bonus|"
    r"an advantage|advantageous|helpful|beneficial|an asset|welcomed?|optional|"
    r"(?:not|no)\b[^.;:]{0,40}\b(?:required|necessary|needed|mandatory))\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(
    r";|,\s+(?=(?:with|preferably|ideally|but|although|and preferably)\b)"
    r"|\s(?=(?:preferably|ideally)\b)"
    r"|\bbut\b",
    re.IGNORECASE,
)
_OPEN_END = re.compile(
    r"\b(?:and|or|of|the|a|an|to|in|with|for|on|at|by|from|as|our|your|their|including)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")


@dataclass(frozen=True)
class Unit:
    """A sentence (or bullet) of the posting, with the heading above it."""

    start: int
    end: int
    heading: str
    heading_cue: Strength | None


@dataclass(frozen=True)
class Layout:
    """The posting's title, its usable text (boilerplate blanked), and its sentences."""

    text: str
    usable: str
    title: str
    units: tuple[Unit, ...]

    def unit_at(self, offset: int) -> Unit | None:
        starts = [unit.start for unit in self.units]
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0 or offset >= self.units[index].end:
            return None
        return self.units[index]

    def ask_at(self, offset: int) -> Ask:
        """How strongly the posting asks for what stands at ``offset``, and the sentence."""
        unit = self.unit_at(offset)
        if unit is None:
            return Ask("required", False, "", "", offset)
        sentence = self.text[unit.start : unit.end]
        strength = _clause_cue(sentence, offset - unit.start)
        explicit = strength is not None
        if strength is None and unit.heading_cue is not None:
            strength, explicit = unit.heading_cue, True
        return Ask(strength or "required", explicit, _clean(sentence), unit.heading, unit.start)

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def usable_words(self) -> int:
        return len(self.usable.split())


def analyse(text: str, names: Iterable[str] = ()) -> Layout:
    """Split a posting into headed sentences and blank its boilerplate, title and metadata.

    ``names`` (a taxonomy's names that are also words, such as "Epic") are given their case
    where the posting writes them in capitals, so the matcher's case rule can find them.
    """
    usable = list(text)
    for start, name in _shouted_names(text, names):
        usable[start : start + len(name)] = list(name)
    units: list[Unit] = []
    title = ""
    heading, heading_cue, section_boilerplate = "", None, False
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    number = 0
    while number < len(lines):
        line, start = lines[number], starts[number]
        number += 1
        stripped = line.strip()
        if not stripped:
            continue
        if not title:
            title = _heading_text(stripped)
            _blank(usable, start, start + len(line))
            continue
        if _METADATA.match(_heading_text(stripped)) or _BENEFIT_TAG.match(stripped.strip(" .")):
            _blank(usable, start, start + len(line))
            continue
        if _is_heading(line, lines[number] if number < len(lines) else ""):
            heading = _heading_text(stripped)
            section_boilerplate = bool(_BOILERPLATE_HEADING.search(heading))
            heading_cue = None if section_boilerplate else _cue_of(heading)
            if section_boilerplate:
                _blank(usable, start, start + len(line))
            else:
                units.append(Unit(start, start + len(line), heading, heading_cue))
            continue
        end = start + len(line)
        while number < len(lines) and _continues(text[start:end], lines[number]):
            end = starts[number] + len(lines[number])
            number += 1
        for sentence_start, sentence_end in _sentences(text[start:end], start):
            sentence = text[sentence_start:sentence_end]
            if section_boilerplate or _is_boilerplate(sentence):
                _blank(usable, sentence_start, sentence_end)
            else:
                units.append(Unit(sentence_start, sentence_end, heading, heading_cue))
    return Layout(text, "".join(usable), title, tuple(units))


def _continues(paragraph: str, line: str) -> bool:
    """Whether ``line`` is the same sentence wrapped onto a new line (hard-wrapped text)."""
    last = paragraph.rsplit("\n", 1)[-1].rstrip()
    stripped = line.strip()
    if not stripped or len(last) < 50 or last.endswith((".", "!", "?", ":", ";")):
        return False
    if _BULLET.match(line) or _MARKDOWN_HEADING.match(stripped):
        return False
    return stripped[0].islower() or last.endswith(",") or bool(_OPEN_END.search(last))


def _is_boilerplate(sentence: str) -> bool:
    if _BOILERPLATE.search(sentence):
        return True
    return bool(_INSURANCE_BENEFIT.search(sentence)) and not _INSURANCE_WORK.search(sentence)


def _shouted_names(text: str, names: Iterable[str]) -> list[tuple[int, str]]:
    """Where a posting writes a name that is also a word in capitals ("EPIC"), and its case."""
    found = []
    for name in names:
        if name.upper() != name:
            for match in re.finditer(rf"(?<![\w-]){re.escape(name.upper())}(?![\w-])", text):
                found.append((match.start(), name))
    return found


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, min(end, len(chars))):
        if chars[index] != "\n":
            chars[index] = " "


def _heading_text(line: str) -> str:
    line = _MARKDOWN_HEADING.sub(lambda m: m.group(1) or m.group(2) or "", line.strip())
    return line.strip().strip("*_#:").strip()


def _is_heading(line: str, next_line: str) -> bool:
    stripped = line.strip()
    if _MARKDOWN_HEADING.match(stripped) and len(stripped) <= 80:
        return True
    if _BULLET.match(line) or len(stripped) > 60 or stripped.endswith((".", ",", ";")):
        return False
    words = stripped.rstrip(":").split()
    if not words or len(words) > 8:
        return False
    if stripped.endswith(":"):
        return True
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        return True
    if len(words) <= 5 and _HEADING_WORDS.match(stripped) and next_line.strip():
        return True
    title_case = all(w[0].isupper() or len(w) <= 3 or not w[0].isalpha() for w in words)
    return title_case and bool(_HEADING_WORDS.search(stripped))


def _sentences(line: str, offset: int) -> list[tuple[int, int]]:
    match = _BULLET.match(line)
    begin = match.end() if match else len(line) - len(line.lstrip())
    spans, start = [], begin
    for found in _SENTENCE_END.finditer(line, begin):
        spans.append((offset + start, offset + found.start()))
        start = found.end()
    end = len(line.rstrip())
    if end > start:
        spans.append((offset + start, offset + end))
    return spans


def _cue_of(text: str) -> Strength | None:
    if _PREFERRED.search(text):
        return "preferred"
    for found in _REQUIRED.finditer(text):
        if not _NOT_A_CUE.search(text[: found.start()]):
            return "required"
    return None


def _clause_cue(sentence: str, position: int) -> Strength | None:
    """The cue of the clause holding ``position``; a clause without one takes the cue before it."""
    bounds = [0, *(m.start() for m in _CLAUSE.finditer(sentence)), len(sentence)]
    carried: Strength | None = None
    for low, high in itertools.pairwise(bounds):
        cue = _nearest_cue(sentence[low:high], position - low)
        if low <= position < high or (position >= high and high == len(sentence)):
            return cue or carried
        carried = cue or carried
    return carried


def _nearest_cue(clause: str, position: int) -> Strength | None:
    found: list[tuple[int, Strength]] = []
    preferred_spans = []
    for match in _PREFERRED.finditer(clause):
        found.append((abs(match.start() - position), "preferred"))
        preferred_spans.append((match.start(), match.end()))
    for match in _REQUIRED.finditer(clause):
        inside = any(a <= match.start() < b for a, b in preferred_spans)
        if not inside and not _NOT_A_CUE.search(clause[: match.start()]):
            found.append((abs(match.start() - position), "required"))
    return min(found)[1] if found else None


def _clean(sentence: str) -> str:
    text = " ".join(_BULLET.sub("", sentence).split()).strip("*_ ")
    return text if len(text) <= 220 else text[:217].rsplit(" ", 1)[0] + "..."
