"""The posting's own terms: systems, payers, languages, certificates, typing, years, schooling.

Role-specific names (payers, certificates, systems) come from the taxonomy's ``[posting]`` table
and from its skills' named members; what every posting shares (years of experience, schooling,
typing speed, languages) is read here. Only the usable text (boilerplate blanked) is searched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..model import SkillMatch
from ..taxonomy import Taxonomy
from .model import Ask, Education, EducationLevel, Term
from .structure import Layout

_LANGUAGES = (
    "Spanish", "Haitian Creole", "Creole", "Portuguese", "French", "Mandarin", "Cantonese",
    "Chinese", "Vietnamese", "Korean", "Tagalog", "Arabic", "Russian", "Polish", "Hindi", "Urdu",
    "Somali", "Hmong", "American Sign Language", "ASL", "Italian", "German", "Japanese", "Punjabi",
    "Bengali", "Farsi", "Amharic", "Swahili", "Ukrainian", "Nepali", "Karen", "Burmese", "Khmer",
    "Gujarati", "Greek", "Hebrew", "Turkish", "Navajo",
)  # fmt: skip
_LANGUAGE_CUE = re.compile(
    r"\b(?:bilingual|trilingual|multilingual|fluent|fluency|speak|speaks|speaking|spoken|"
    r"language|languages)\b|-speaking",
    re.IGNORECASE,
)
_LANGUAGE = re.compile(r"\b(" + "|".join(re.escape(n) for n in _LANGUAGES) + r")\b")
_BILINGUAL = re.compile(r"\b(?:bilingual|trilingual|multilingual)\b", re.IGNORECASE)
_NUMBER_WORDS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_NUM = (
    r"\b(?:\d+(?:\.\d+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)"
)
_NUM_FULL = _NUM + r"(?:\s*\(\d+\))?"
_EXPERIENCE = re.compile(
    r"(?:(?:at least|a minimum of|minimum of|minimum|min\.)\s+)?"
    rf"(?P<n>{_NUM_FULL})\s*(?:\+|plus)?\s*"
    rf"(?:(?:-|–|to)\s*(?P<m>{_NUM_FULL})\s*\+?\s*)?(?P<unit>years?|yrs?\.?|months?)\s*(?:'|’)?\s*"
    r"(?:of\s+)?(?P<what>(?:[\w/&'’()-]+,?\s+){0,10}?)(?:experience|exp\.)"
    r"(?P<tail>\s+(?:in|with|as|working)\s+[^.;,]{1,60})?",
    re.IGNORECASE,
)
_TYPING_SPEED = re.compile(
    r"(?P<n>\d{2,3})\s*\+?\s*(?:wpm|words\s+(?:per|a|/)\s*minute)", re.IGNORECASE
)
_TYPING = re.compile(r"\btyping(?:\s+(?:skills?|speed|test|experience))?\b", re.IGNORECASE)
_EDUCATION: tuple[tuple[EducationLevel, re.Pattern[str]], ...] = (
    (
        "high-school",
        re.compile(
            r"\bhigh school(?: diploma| degree| education| graduate)?"
            r"(?: or (?:a )?(?:GED|equivalent)"
            r"(?: equivalent)?)?|\bGED\b|\bHS diploma\b|\bsecondary school\b",
            re.IGNORECASE,
        ),
    ),
    (
        "associate",
        re.compile(
            r"\bassociate'?s?\s+degree"
            r"(?:\s+in\s+[\w ]{1,40}?(?=\s+(?:field|preferred|required)|[,.;]|$))?"
            r"(?:\s+field)?|\bassociate'?s?\s+(?:of|in)\s+(?:science|arts|applied science)",
            re.IGNORECASE,
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"\bbachelor'?s?(?:\s+degree)?"
            r"(?:\s+in\s+[\w ]{1,40}?(?=[,.;]|\s+(?:preferred|required)|$))?"
            r"|\b(?:four-year|college) degree\b"
            r"|\bB\.?[AS]\.?\s+(?:degree|in\s+[\w ]{1,40}?(?=[,.;]|$))",
            re.IGNORECASE,
        ),
    ),
    ("master", re.compile(r"\bmaster'?s?\s+degree\b|\bMBA\b|\bMHA\b", re.IGNORECASE)),
)
_SYSTEM_NAMES = re.compile(
    r"\b((?:[A-Z][\w+&-]*)(?:(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*/\s*|\s+)[A-Z][\w+&-]*){0,5})\s+"
    r"(?:(?:billing|scheduling|registration|practice management|EHR|EMR|dental|medical|phone|"
    r"computer|imaging|lab|PM)\s+)?(?:systems?|software|applications?|platforms?)\b"
)
_EXAMPLE_LIST = re.compile(
    r"(?:systems?|software|applications?|platforms?|tools?)[^()]{0,60}\(\s*(?:e\.g\.|eg\.?|such as|"
    r"including|like)\s*,?\s*([^)]{2,120})\)",
    re.IGNORECASE,
)
_NAME = re.compile(r"[A-Z0-9][\w+&.-]*(?:\s+[A-Z][\w+&-]*)*")
Add = Callable[[str, int, int], None]
_CERTIFICATION = re.compile(
    r"\b(?!(?:Or|And|An?|The)\b)[A-Z][\w-]*(?:[ \t]+[\w-]+){0,4}?[ \t]+(?:related[ \t]+)?"
    r"[Cc]ertification\b(?![ \t]+and[ \t]+Licensure)"
    r"|\b[Cc]ertification[ \t]+(?:in|related to|for|as)[ \t]+(?:an?[ \t]+)?"
    r"[\w-]+(?:[ \t]+[\w-]+){0,4}"
)
_NOT_NAMES = frozenset(
    [
        "the",
        "all",
        "our",
        "any",
        "other",
        "knowledge",
        "must",
        "experience",
        "strong",
        "proficiency",
        "proficient",
        "working",
        "use",
        "etc",
        "various",
        "multiple",
        "including",
        "with",
        "in",
        "of",
        "and",
        "or",
        "a",
        "an",
        "this",
        "these",
        "department",
        "office",
    ]
)


def find_terms(
    layout: Layout, taxonomy: Taxonomy, matches: Iterable[SkillMatch], employer: str = ""
) -> tuple[Term, ...]:
    """Every term the usable text names, once each, with the strongest sentence that asked."""
    text = layout.usable
    found: list[Term] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int, value: float | None = None) -> None:
        if any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        words = " ".join(layout.text[start:end].split()).strip(" ,.;:")
        found.append(Term(words, kind, layout.ask_at(start), value))

    for match in _EXPERIENCE.finditer(text):
        years = _years(match.group("n"), match.group("unit"))
        if years is not None:
            add("experience", match.start(), match.end(), years)
    for match in _TYPING_SPEED.finditer(text):
        add("typing", match.start(), match.end(), float(match.group("n")))
    for match in _TYPING.finditer(text):
        add("typing", match.start(), match.end())
    for _level, pattern in _EDUCATION:
        for match in pattern.finditer(text):
            add("education", match.start(), match.end())
    for vocabulary in sorted(
        taxonomy.posting.terms, key=lambda v: -max((len(n) for n in v.names), default=0)
    ):
        for name in sorted(vocabulary.names, key=len, reverse=True):
            for match in _name_pattern(name, vocabulary.exact).finditer(text):
                add(vocabulary.kind, match.start(), match.end())
    for match in _CERTIFICATION.finditer(text):
        add("certification", match.start(), match.end())
    for skill_match in matches:
        named = {
            n.lower() for n in (*skill_match.skill.members, *skill_match.skill.context_members)
        }
        kind = "certification" if skill_match.skill.category == "certification" else "system"
        for evidence in skill_match.evidence:
            if evidence.term.lower() in named:
                add(kind, evidence.start, evidence.end)
    _find_languages(layout, add)
    _find_systems(layout, add, employer)
    return _strongest(found)


def _level_of(text: str) -> EducationLevel | None:
    for level, pattern in _EDUCATION:
        if pattern.search(text):
            return level
    return None


def education_of(terms: Iterable[Term]) -> Education | None:
    """The lowest schooling asked for as required, else the lowest preferred, else None."""
    order: list[EducationLevel] = ["high-school", "associate", "bachelor", "master"]
    ranked = [
        (not term.required, order.index(level), term, level)
        for term in terms
        if term.kind == "education" and (level := _level_of(term.text)) is not None
    ]
    if not ranked:
        return None
    _, _, term, level = min(ranked, key=lambda r: (r[0], r[1]))
    return Education(level, term.text, term.required)


def experience_years_of(terms: Iterable[Term]) -> float | None:
    """The most years any required statement asks for (else any preferred one), or None."""
    years = [t for t in terms if t.kind == "experience" and t.value is not None]
    chosen = [t for t in years if t.required] or years
    return max((t.value for t in chosen if t.value is not None), default=None)


def _years(number: str, unit: str) -> float | None:
    first = number.split("(")[0].strip().lower()
    value = float(first) if first[0].isdigit() else float(_NUMBER_WORDS.get(first, -1))
    if value < 0 or value > 40:
        return None
    return round(value / 12, 2) if unit.lower().startswith("month") else value


def _name_pattern(name: str, exact: bool) -> re.Pattern[str]:
    body = re.escape(name)
    if exact:
        alternatives = {body, re.escape(name.upper())}
        return re.compile(r"(?<![\w-])(?:" + "|".join(sorted(alternatives)) + r")(?![\w-])")
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])", re.IGNORECASE)


def _find_languages(layout: Layout, add: Add) -> None:
    text = layout.usable
    for unit in layout.units:
        sentence = text[unit.start : unit.end]
        if not _LANGUAGE_CUE.search(sentence):
            continue
        languages = [m for m in _LANGUAGE.finditer(sentence) if m.group(1) != "English"]
        for match in languages:
            add("language", unit.start + match.start(), unit.start + match.end())
        if not languages:
            for match in _BILINGUAL.finditer(sentence):
                add("language", unit.start + match.start(), unit.start + match.end())


def _find_systems(layout: Layout, add: Add, employer: str) -> None:
    """Names standing before "system(s)"/"software", or listed as examples of them."""
    text = layout.usable
    lower_words = set(re.findall(r"\b[a-z][a-z-]+\b", text))
    excluded = {w.lower() for w in re.findall(r"[\w-]+", f"{layout.title} {employer}")}

    def keep(name: str) -> bool:
        word = name.strip()
        if len(word) < 2 or word.lower() in _NOT_NAMES or word.lower() in excluded:
            return False
        if word.isupper() or any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word):
            return True
        return word[0].isupper() and word.lower() not in lower_words

    for pattern in (_SYSTEM_NAMES, _EXAMPLE_LIST):
        for match in pattern.finditer(text):
            for name in _NAME.finditer(match.group(1)):
                if all(keep(word) for word in name.group().split()):
                    start = match.start(1) + name.start()
                    add("system", start, start + len(name.group().rstrip(".")))


def _rank(ask: Ask) -> tuple[int, int]:
    if ask.explicit:
        return (0 if ask.strength == "required" else 1, ask.start)
    return (2, ask.start)


def _strongest(terms: list[Term]) -> tuple[Term, ...]:
    best: dict[tuple[str, str], Term] = {}
    for term in terms:
        key = (term.kind, term.text.lower())
        if key not in best or _rank(term.ask) < _rank(best[key].ask):
            best[key] = term
    return tuple(sorted(best.values(), key=lambda t: t.ask.start))


def strongest_ask(asks: Iterable[Ask]) -> Ask:
    """The ask that sets a skill's strength: the posting's own words first (an explicit
    "required" over an explicit "preferred"), then a duty or qualification with no cue, which
    counts as required. A duty names what the job involves; a cue says what a candidate needs."""
    return min(asks, key=_rank)
