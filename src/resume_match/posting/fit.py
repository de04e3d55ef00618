"""How well a resume meets one posting: the skills it asks for, its terms, years and title.

    job score = 100 x (sum of the weights of the asked skills the documents show)
                    / (sum of the weights of every skill the posting asks for)
    weight    = the skill's taxonomy weight x 2 when the posting requires it, x 1 when it prefers it

Skills the posting does not ask for are left out, so they never count against the resume. The
posting's own terms, years and title are reported beside the score and never move it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ..experience import Experience, TitleMatch, match_title, read_experience
from ..model import DocumentResult, Evidence
from ..taxonomy import Taxonomy
from .model import Posting, Requirement, Term

REQUIRED_FACTOR = 2.0
PREFERRED_FACTOR = 1.0
_SCHOOLING = (
    r"\bhigh school\b|\bGED\b|\bdiploma\b",
    r"\bassociate'?s?\b(?: degree| of)|\bA\.?A\.?S?\.?\b",
    r"\bbachelor'?s?\b|\bB\.?[AS]\.?\b|\bB\.?Sc\b",
    r"\bmaster'?s?\b|\bMBA\b|\bMHA\b|\bM\.?S\.?\b",
)
_WPM = re.compile(r"(\d{2,3})\s*\+?\s*(?:wpm|words\s+(?:per|a)\s+minute)", re.IGNORECASE)
_LANGUAGE_WORDS = re.compile(r"\b(?:bilingual|trilingual|multilingual|fluent)\b", re.IGNORECASE)
_HOW = {
    "system": 'Name {text} and what you did in it, e.g. "Worked daily in {text}."',
    "payer": 'Name the payer if you worked with it, e.g. "Verified {text} eligibility."',
    "language": 'State the language and your level, e.g. "{text}: fluent".',
    "certification": 'List it under Certifications with the year, e.g. "{text}, 2024".',
    "regulation": 'Say how you followed it, e.g. "Followed {text} standards at registration."',
    "typing": 'State your speed, e.g. "Typing: 45 WPM".',
    "education": 'List it under Education with the school and year, e.g. "{text}, 2020".',
    "experience": "Give each role a start and end date (03/2019 - Present) so time adds up.",
}


@dataclass(frozen=True)
class SkillFit:
    """A skill the posting asks for, its weight here, and the resume's evidence (empty: unmet)."""

    requirement: Requirement
    weight: float
    evidence: tuple[Evidence, ...]

    @property
    def met(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True)
class TermFit:
    """A term of the posting and whether the documents name it; ``met`` None means unknown."""

    term: Term
    met: bool | None
    found: str
    how: str


@dataclass(frozen=True)
class JobFit:
    """A resume against a posting: the job score, each ask met or not, years and title."""

    posting: Posting
    score: float
    skills: tuple[SkillFit, ...]
    terms: tuple[TermFit, ...]
    experience: Experience
    years_met: bool | None
    title: TitleMatch | None

    @property
    def unmet(self) -> tuple[SkillFit | TermFit, ...]:
        """What the resume lacks, required first, each in the order the posting asked."""
        missing: list[SkillFit | TermFit] = [s for s in self.skills if not s.met]
        missing += [t for t in self.terms if t.met is False]
        return tuple(sorted(missing, key=lambda m: (not _required(m), _asked_at(m))))


def fit(
    posting: Posting,
    result: DocumentResult,
    resume_text: str,
    taxonomy: Taxonomy,
    other_text: str = "",
    today: date | None = None,
    resume: DocumentResult | None = None,
) -> JobFit:
    """Compare a scored result (``result``; the resume's text beside it) with a posting.

    With a cover letter, ``result`` is the combined one and ``resume`` the resume's own (whose
    evidence says which dated roles are relevant); ``other_text`` counts for terms, not for roles.
    """
    shown = {m.skill.id: m.evidence for m in (*result.matched, *result.extras)}
    own = resume or result
    own_shown = {m.skill.id: m.evidence for m in (*own.matched, *own.extras)}
    skills = tuple(
        SkillFit(
            requirement,
            requirement.skill.weight
            * (REQUIRED_FACTOR if requirement.required else PREFERRED_FACTOR),
            shown.get(requirement.skill.id, ()),
        )
        for requirement in posting.requirements
    )
    total = sum(s.weight for s in skills)
    score = round(100 * sum(s.weight for s in skills if s.met) / total, 1) if total else 0.0
    asked = set(own_shown) & {r.skill.id for r in posting.requirements} or set(own_shown)
    offsets = [e.start for skill_id in asked for e in own_shown[skill_id]]
    titles = [*taxonomy.posting.titles, *(t for level in taxonomy.levels for t in level.titles)]
    experience = read_experience(resume_text, offsets, titles, today)
    years_met = (
        None
        if posting.experience_years is None or not experience.dated
        else experience.years >= posting.experience_years
    )
    text = f"{resume_text}\n\n{other_text}"
    terms = _alternatives([_term_fit(term, text, experience, shown) for term in posting.terms])
    return JobFit(
        posting,
        score,
        skills,
        terms,
        experience,
        years_met,
        match_title(resume_text, posting.title, taxonomy),
    )


def _said_by_a_skill(term: Term, posting: Posting) -> bool:
    """A term that only repeats an asked skill's name in the same sentence ("Bilingual.")."""
    return any(
        r.ask.start == term.ask.start and term.text.lower() in r.skill.name.lower()
        for r in posting.requirements
    )


_ANY_OF = re.compile(r"\bor\b|\betc\b|e\.g\.|such as|\beither\b", re.IGNORECASE)


def _alternatives(fits: list[TermFit]) -> tuple[TermFit, ...]:
    """Terms of one kind listed as choices in one sentence ("AAHAM, NAHAM, HMFA, etc."): one
    of them is enough, so they are met together, or reported once as "AAHAM or NAHAM or HMFA"."""
    groups: dict[tuple[str, int], list[TermFit]] = {}
    for item in fits:
        choice = item.term.kind not in ("experience", "education") and _ANY_OF.search(
            item.term.ask.sentence
        )
        key = (item.term.kind, item.term.ask.start if choice else -1 - len(groups))
        groups.setdefault(key, []).append(item)
    merged = []
    for group in groups.values():
        if len(group) == 1:
            merged.append(group[0])
            continue
        met = [g for g in group if g.met]
        if met:
            merged.extend(met)
            continue
        text = " or ".join(g.term.text for g in group)
        first = group[0]
        how = f"Any one is enough. {first.how}"
        merged.append(TermFit(replace(first.term, text=text), first.met, "", how))
    return tuple(merged)


def _required(item: SkillFit | TermFit) -> bool:
    return item.requirement.required if isinstance(item, SkillFit) else item.term.required


def _asked_at(item: SkillFit | TermFit) -> int:
    return item.requirement.ask.start if isinstance(item, SkillFit) else item.term.ask.start


def _term_fit(
    term: Term, text: str, experience: Experience, shown: dict[str, tuple[Evidence, ...]]
) -> TermFit:
    how = _HOW.get(term.kind, 'Use the posting\'s words, "{text}", where they are true.')
    how = how.format(text=term.text)
    if term.kind == "experience":
        if term.value is None or not experience.dated:
            return TermFit(term, None, "", how)
        return TermFit(term, experience.years >= term.value, f"{experience.years:g} years", how)
    if term.kind == "education":
        return _schooling(term, text, how)
    if term.kind == "typing":
        speeds = [int(m.group(1)) for m in _WPM.finditer(text)]
        if term.value is not None:
            best = max(speeds, default=0)
            return TermFit(term, best >= term.value, f"{best} WPM" if speeds else "", how)
        found = _line_with(text, re.compile(r"\btyping\b|\bkeyboarding\b|\bwpm\b", re.I))
        return TermFit(term, bool(found), found, how)
    if term.kind == "language" and term.text.lower() in ("bilingual", "multilingual"):
        found = _line_with(text, _LANGUAGE_WORDS)
        return TermFit(term, bool(found) or "bilingual" in shown, found, how)
    pattern = re.compile(rf"(?<![\w-]){re.escape(term.text)}(?![\w-])", re.IGNORECASE)
    found = _line_with(text, pattern)
    return TermFit(term, bool(found), found, how)


def _schooling(term: Term, text: str, how: str) -> TermFit:
    wanted = next(
        (i for i, p in enumerate(_SCHOOLING) if re.search(p, term.text, re.IGNORECASE)), 0
    )
    for pattern in _SCHOOLING[wanted:]:
        found = _line_with(text, re.compile(pattern, re.IGNORECASE))
        if found:
            return TermFit(term, True, found, how)
    return TermFit(term, False, "", how)


def _line_with(text: str, pattern: re.Pattern[str]) -> str:
    match = pattern.search(text)
    if match is None:
        return ""
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    line = " ".join(text[start : end if end != -1 else len(text)].split())
    return line if len(line) <= 100 else line[:97].rsplit(" ", 1)[0] + "..."
