"""The typed form of a taxonomy: a role's skills, levels and posting words, as plain data.

Kept apart from :mod:`resume_match.taxonomy`, which reads and validates the TOML files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import TaxonomyError


@dataclass(frozen=True)
class Near:
    """Two word sets whose words may stand apart: one of each within ``within`` tokens."""

    words: tuple[str, ...]
    with_: tuple[str, ...]
    within: int
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class Skill:
    """One skill of a role and the ways a document can show it."""

    id: str
    name: str
    category: str
    weight: float
    keyword: str
    hint: str
    core: bool
    phrases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    context_members: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    near: tuple[Near, ...] = ()
    exclude: tuple[str, ...] = ()
    exclude_forms: tuple[str, ...] = ()
    not_near: tuple[Near, ...] = ()
    listed: tuple[str, ...] = ()


@dataclass(frozen=True)
class TermList:
    """Names a posting may ask for that are worth quoting as they stand (payers, certificates)."""

    kind: str
    names: tuple[str, ...]
    exact: bool = False


@dataclass(frozen=True)
class PostingVocabulary:
    """What the ``[posting]`` table adds for reading job postings: title synonyms, term lists."""

    titles: tuple[str, ...] = ()
    terms: tuple[TermList, ...] = ()


@dataclass(frozen=True)
class Level:
    """One step of the role's career path: its years and the evidence it needs.

    ``needs`` are ids of skills or level skills; ``enough`` of them must be shown.
    """

    id: str
    name: str
    years: tuple[float, float | None]
    titles: tuple[str, ...]
    needs: tuple[str, ...]
    enough: int
    focus: str = ""


@dataclass(frozen=True)
class Taxonomy:
    """A role's skills, in the order the file gives them."""

    id: str
    name: str
    source: str
    skills: tuple[Skill, ...]
    path: str = field(default="", compare=False)
    posting: PostingVocabulary = field(default_factory=lambda: PostingVocabulary())
    levels: tuple[Level, ...] = ()
    level_skills: tuple[Skill, ...] = ()

    @property
    def core(self) -> tuple[Skill, ...]:
        """The skills that the coverage score is computed over."""
        return tuple(skill for skill in self.skills if skill.core)

    @property
    def extras(self) -> tuple[Skill, ...]:
        """Skills shown in the report that do not move the score."""
        return tuple(skill for skill in self.skills if not skill.core)

    def skill(self, skill_id: str) -> Skill:
        """Return the skill with ``skill_id``; raise :class:`TaxonomyError` naming the known ids."""
        for skill in self.skills:
            if skill.id == skill_id:
                return skill
        known = ", ".join(s.id for s in self.core)
        raise TaxonomyError(f"unknown skill id {skill_id!r}; core skill ids are: {known}")
