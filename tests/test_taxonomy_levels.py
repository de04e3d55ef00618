"""The taxonomy's optional posting and career-path tables: what is accepted, what is refused."""

from __future__ import annotations

from typing import Any

import pytest

from resume_match.errors import TaxonomyError
from resume_match.taxonomy import Taxonomy, parse_taxonomy

BASE: dict[str, Any] = {
    "schema": 1,
    "role": {"id": "r", "name": "Role"},
    "skill": [{"id": "a", "name": "A", "category": "technical", "phrases": ["alpha"]}],
}


def parse(**extra: Any) -> Taxonomy:
    return parse_taxonomy({**BASE, **extra})


def test_the_bundled_taxonomy_has_the_guides_career_path(taxonomy: Taxonomy) -> None:
    assert [(lvl.id, lvl.years) for lvl in taxonomy.levels] == [
        ("junior", (0, 1)),
        ("psr", (1, 3)),
        ("senior", (3, 5)),
        ("lead", (5, 8)),
        ("supervisor", (8, None)),
    ]
    known = {s.id for s in (*taxonomy.skills, *taxonomy.level_skills)}
    assert all(need in known for level in taxonomy.levels for need in level.needs)
    assert not any(skill.core for skill in taxonomy.level_skills)


def test_levels_and_posting_tables_parse() -> None:
    taxonomy = parse(
        posting={"titles": ["Role"], "terms": [{"kind": "payer", "names": ["Acme"]}]},
        level_skill=[{"id": "b", "name": "B", "phrases": ["beta"]}],
        level=[{"id": "one", "name": "One", "years": [0], "needs": ["a", "b"], "enough": 1}],
    )
    assert taxonomy.levels[0].years == (0.0, None)
    assert taxonomy.level_skills[0].category == "career-path"
    assert taxonomy.posting.terms[0].names == ("Acme",)


@pytest.mark.parametrize(
    ("extra", "where"),
    [
        ({"level": [{"id": "x", "name": "X", "years": [3, 1]}]}, "level 'x'.years"),
        ({"level": [{"id": "x", "name": "X", "years": [1], "needs": ["nope"]}]}, "level 'x'.needs"),
        (
            {"level": [{"id": "x", "name": "X", "years": [1], "needs": ["a"], "enough": 2}]},
            "level 'x'.enough",
        ),
        ({"level": [{"id": "x", "name": "X", "years": [1], "colour": "red"}]}, "level 'x'.colour"),
        ({"level_skill": [{"id": "a", "name": "Dup", "phrases": ["d"]}]}, "level_skill 'a'"),
        ({"posting": {"terms": [{"kind": "payer", "names": "Acme"}]}}, "posting.terms[0].names"),
        ({"posting": {"titles": "Role"}}, "posting.titles"),
    ],
)
def test_bad_tables_name_the_field(extra: dict[str, Any], where: str) -> None:
    with pytest.raises(TaxonomyError) as caught:
        parse(**extra)
    assert where in str(caught.value)
