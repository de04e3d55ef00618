"""Screening against a posting or a level: the fit that ranks, and terms the matcher can find.

A batch keeps each file's matches, not its text, so a posting's named terms ("Medicaid", "Epic
Cadence", "BLS") become extra skills of the taxonomy for that run: the same matcher finds them,
and ``--require`` can name them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import DocumentResult
from ..taxonomy import Skill, Taxonomy
from .fit import PREFERRED_FACTOR, REQUIRED_FACTOR
from .model import Posting, Term

TERM_PREFIX = "term:"
_NAMED_KINDS = ("system", "payer", "language", "certification", "regulation")


def term_id(term: Term) -> str:
    """The skill id a posting term gets while screening: ``term:`` and its words, hyphenated."""
    return TERM_PREFIX + "-".join(re.findall(r"[a-z0-9]+", term.text.lower()))


def with_terms(taxonomy: Taxonomy, posting: Posting) -> Taxonomy:
    """The taxonomy with the posting's named terms added as extras (never scored)."""
    known = {skill.id for skill in taxonomy.skills}
    extra: dict[str, Skill] = {}
    for term in posting.terms:
        identifier = term_id(term)
        if term.kind not in _NAMED_KINDS or identifier in known or identifier == TERM_PREFIX:
            continue
        exact = term.text.isupper() and len(term.text) <= 6
        extra[identifier] = Skill(
            id=identifier,
            name=term.text,
            category="tool",
            weight=1.0,
            keyword=term.text,
            hint=f"The posting names {term.text} ({term.kind}).",
            core=False,
            phrases=() if exact else (term.text,),
            exact=(term.text,) if exact else (),
        )
    return replace(taxonomy, skills=taxonomy.skills + tuple(extra.values()))


def resolve_required(
    names: tuple[str, ...], taxonomy: Taxonomy, posting: Posting | None
) -> tuple[str, ...]:
    """Skill ids for ``--require``: a skill id as it is, or a posting term by its words."""
    ids = {skill.id for skill in taxonomy.skills}
    terms = {t.text.lower(): term_id(t) for t in posting.terms} if posting is not None else {}
    return tuple(
        name if name in ids else terms.get(name.lower(), terms.get(name.lower().strip('"'), name))
        for name in names
    )


def job_score(posting: Posting, result: DocumentResult) -> float:
    """The job score of a scored result, as ``check --job`` computes it (skills only)."""
    shown = {m.skill.id for m in (*result.matched, *result.extras)}
    weights = [
        (
            r.skill.weight * (REQUIRED_FACTOR if r.required else PREFERRED_FACTOR),
            r.skill.id in shown,
        )
        for r in posting.requirements
    ]
    total = sum(w for w, _ in weights)
    return round(100 * sum(w for w, met in weights if met) / total, 1) if total else 0.0
