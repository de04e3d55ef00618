"""Career level: which step of the role's career path a resume's evidence supports best.

The levels are taxonomy data (``[[level]]``): each names its years and the evidence it needs
(skills, or ``[[level_skill]]`` entries matched like skills). A level is supported when at least
``enough`` of its needs are shown and the dated roles (when there are any) reach its minimum
years. The first level is the floor: a readable resume with nothing beyond the basics is there.

    level fit = 100 x (needs of the level shown) / (needs of the level)
                x (years / the level's minimum years, when dates show fewer; else 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from .experience import Experience
from .model import Evidence, SkillMatch
from .taxonomy import Level, Skill, Taxonomy


@dataclass(frozen=True)
class Need:
    """One piece of evidence a level needs, and where the resume shows it (empty: missing)."""

    skill: Skill
    evidence: tuple[Evidence, ...]

    @property
    def shown(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True)
class LevelFit:
    """How a resume stands against one level."""

    level: Level
    needs: tuple[Need, ...]
    years_ok: bool | None
    fit: float

    @property
    def shown(self) -> int:
        return sum(need.shown for need in self.needs)

    @property
    def supported(self) -> bool:
        return self.shown >= self.level.enough and self.years_ok is not False


@dataclass(frozen=True)
class CareerFit:
    """Every level's fit, the best supported one, and what the next one up still needs."""

    levels: tuple[LevelFit, ...]
    best: LevelFit
    next: LevelFit | None
    years: float | None

    def fit_for(self, level_id: str) -> LevelFit:
        return next(f for f in self.levels if f.level.id == level_id)


def with_level_skills(taxonomy: Taxonomy) -> Taxonomy:
    """The taxonomy with its level skills as extras, so one matcher finds both at once."""
    known = {skill.id for skill in taxonomy.skills}
    extra = tuple(skill for skill in taxonomy.level_skills if skill.id not in known)
    return replace(taxonomy, skills=taxonomy.skills + extra) if extra else taxonomy


def career_fit(
    taxonomy: Taxonomy, matches: Iterable[SkillMatch], experience: Experience | None = None
) -> CareerFit | None:
    """Place a resume's matches (skills and level skills) on the career path; None without one."""
    if not taxonomy.levels:
        return None
    shown = {match.skill.id: match.evidence for match in matches}
    skills = {skill.id: skill for skill in (*taxonomy.skills, *taxonomy.level_skills)}
    years = experience.years if experience is not None and experience.dated else None
    fits = []
    for level in taxonomy.levels:
        needs = tuple(Need(skills[i], shown.get(i, ())) for i in level.needs if i in skills)
        minimum = level.years[0]
        years_ok = None if years is None else years >= minimum
        share = sum(n.shown for n in needs) / len(needs) if needs else 1.0
        if years is not None and minimum and years < minimum:
            share *= years / minimum
        fits.append(LevelFit(level, needs, years_ok, round(100 * share, 1)))
    best_index = max(i for i, f in enumerate(fits) if f.supported or i == 0)
    upper = fits[best_index + 1] if best_index + 1 < len(fits) else None
    return CareerFit(tuple(fits), fits[best_index], upper, years)


def level_ids(taxonomy: Taxonomy) -> tuple[str, ...]:
    """The taxonomy's level ids, lowest first."""
    return tuple(level.id for level in taxonomy.levels)


def level_score(taxonomy: Taxonomy, level_id: str, matches: Iterable[SkillMatch]) -> float:
    """A level's fit from evidence alone (a batch keeps matches, not dates): its needs shown."""
    career = career_fit(taxonomy, matches)
    return career.fit_for(level_id).fit if career is not None else 0.0
