"""Turn matches into a coverage score that a user can reproduce by hand."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import SkillMatch
from .taxonomy import Skill, Taxonomy


@dataclass(frozen=True)
class Coverage:
    """Weighted share of the core skills found, overall and per category, 0-100."""

    score: float
    technical_score: float | None
    soft_score: float | None
    found: tuple[Skill, ...]
    missing: tuple[Skill, ...]


def coverage(taxonomy: Taxonomy, found_ids: Iterable[str]) -> Coverage:
    """Score = 100 x (sum of weights of core skills found) / (sum of weights of all core skills).

    The technical and soft sub-scores apply the same formula to that category alone. Missing
    skills come most important (highest weight) first, then in taxonomy order.
    """
    found_set = set(found_ids)
    core, technical, soft = _core_of(taxonomy)
    found = tuple(skill for skill in core if skill.id in found_set)
    missing = tuple(
        sorted((skill for skill in core if skill.id not in found_set), key=lambda s: -s.weight)
    )
    return Coverage(
        score=_share(core, found_set) or 0.0,
        technical_score=_share(technical, found_set),
        soft_score=_share(soft, found_set),
        found=found,
        missing=missing,
    )


_cores: dict[int, tuple[Taxonomy, tuple[tuple[Skill, ...], ...]]] = {}


def _core_of(taxonomy: Taxonomy) -> tuple[tuple[Skill, ...], ...]:
    """The taxonomy's core skills, all and by category; found once per taxonomy (kept, so that
    its id is not reused), not for every file."""
    kept = _cores.get(id(taxonomy))
    if kept is None or kept[0] is not taxonomy:
        if len(_cores) >= 16:
            _cores.clear()
        core = taxonomy.core
        technical = tuple(s for s in core if s.category == "technical")
        soft = tuple(s for s in core if s.category == "soft")
        kept = _cores[id(taxonomy)] = (taxonomy, (core, technical, soft))
    return kept[1]


def _share(skills: Iterable[Skill], found: set[str]) -> float | None:
    skills = list(skills)
    total = sum(skill.weight for skill in skills)
    if total == 0:
        return None
    got = sum(skill.weight for skill in skills if skill.id in found)
    return round(100 * got / total, 1)


def found_ids(matches: Iterable[SkillMatch]) -> set[str]:
    """Ids of the skills in ``matches``."""
    return {match.skill.id for match in matches}
