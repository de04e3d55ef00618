"""Plain data for a job posting as read: what it asks for, how strongly, and where it said so."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..taxonomy import Skill

Strength = Literal["required", "preferred"]
TermKind = Literal[
    "system",
    "payer",
    "language",
    "certification",
    "typing",
    "experience",
    "education",
    "regulation",
]
EducationLevel = Literal["high-school", "associate", "bachelor", "master"]


@dataclass(frozen=True)
class Ask:
    """One sentence of the posting that asks for something, and how strongly.

    ``explicit`` is true when the posting's own words ("required", "preferred", a "Minimum
    Qualifications" heading...) set the strength; otherwise a duty or qualification counts as
    required.
    """

    strength: Strength
    explicit: bool
    sentence: str
    heading: str
    start: int


@dataclass(frozen=True)
class Requirement:
    """A taxonomy skill the posting asks for, with the sentence that asked most strongly."""

    skill: Skill
    ask: Ask

    @property
    def required(self) -> bool:
        return self.ask.strength == "required"


@dataclass(frozen=True)
class Term:
    """A term the posting names in its own words: a system, payer, language, certificate...

    ``value`` holds a number where the term has one: years of experience, typing speed.
    """

    text: str
    kind: str
    ask: Ask
    value: float | None = None

    @property
    def required(self) -> bool:
        return self.ask.strength == "required"


@dataclass(frozen=True)
class Education:
    """The lowest schooling the posting asks for, as it said it."""

    level: EducationLevel
    text: str
    required: bool


@dataclass(frozen=True)
class Posting:
    """A job posting as resume-match read it: skills asked for, its own terms, years, schooling."""

    file: str
    title: str
    requirements: tuple[Requirement, ...]
    terms: tuple[Term, ...]
    experience_years: float | None
    education: Education | None
    words: int = 0
    boilerplate_words: int = 0

    @property
    def required(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.required)

    @property
    def preferred(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if not r.required)

    def asks_for(self, skill_id: str) -> Requirement | None:
        """The requirement for ``skill_id``, or None when the posting does not ask for it."""
        return next((r for r in self.requirements if r.skill.id == skill_id), None)
