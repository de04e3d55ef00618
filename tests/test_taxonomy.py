"""The bundled taxonomy and the schema validation that protects users' own taxonomy files."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_match.errors import TaxonomyError
from resume_match.taxonomy import Taxonomy, load_taxonomy

CORE_IDS = [
    "ehr-systems",
    "medical-terminology",
    "insurance-verification",
    "appointment-scheduling",
    "patient-registration",
    "hipaa-compliance",
    "payment-processing",
    "phone-systems",
    "computer-proficiency",
    "data-entry",
    "empathetic-communication",
    "active-listening",
    "problem-solving",
    "adaptability",
    "professionalism",
    "organizational-skills",
    "interpersonal-skills",
]

MINIMAL = """
schema = 1
[role]
id = "barista"
name = "Barista"
[[skill]]
id = "espresso"
name = "Espresso"
category = "technical"
phrases = ["espresso"]
"""


def test_bundled_taxonomy_has_the_17_core_skills_in_guide_order(taxonomy: Taxonomy) -> None:
    assert [s.id for s in taxonomy.core] == CORE_IDS
    assert {s.category for s in taxonomy.core[:10]} == {"technical"}
    assert {s.category for s in taxonomy.core[10:]} == {"soft"}


def test_bundled_taxonomy_has_extras_that_do_not_score(taxonomy: Taxonomy) -> None:
    extra_ids = {s.id for s in taxonomy.extras}
    assert {"cmaa", "cpsr", "referrals", "prior-authorizations", "check-in-check-out"} <= extra_ids
    assert all(not s.core for s in taxonomy.extras)


def test_every_core_skill_has_keyword_and_hint(taxonomy: Taxonomy) -> None:
    for skill in taxonomy.core:
        assert skill.keyword and skill.hint and skill.weight > 0


def test_a_minimal_taxonomy_loads(tmp_path: Path) -> None:
    path = tmp_path / "barista.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    loaded = load_taxonomy(path)
    assert loaded.name == "Barista"
    assert [s.id for s in loaded.core] == ["espresso"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('category = "technical"', 'category = "magic"'),
            "skill 'espresso'.category: 'magic' is not one of",
        ),
        (
            ('phrases = ["espresso"]', 'phrases = "espresso"'),
            "skill 'espresso'.phrases: must be a list",
        ),
        (
            ('phrases = ["espresso"]', 'phrases = ["espresso"]\ncolour = "red"'),
            "skill 'espresso'.colour: unknown field",
        ),
        (('id = "espresso"', 'id = ""'), "skill[0].id: must be a non-empty string"),
        (('name = "Barista"', ""), "role.name: must be a non-empty string"),
        (
            (
                'phrases = ["espresso"]',
                'near = [{ words = ["pull"], with = ["shot"], within = 40 }]',
            ),
            "within: must be a whole number from 1 to 12",
        ),
        (
            ('phrases = ["espresso"]', 'weight = -1\nphrases = ["x"]'),
            "weight: must be a number above 0",
        ),
        (("schema = 1", "schema = 7"), "schema: version 7 is not supported"),
        (
            ('phrases = ["espresso"]', 'phrases = ["espresso"]\nnot_near = [{ words = ["shot"] }]'),
            "skill 'espresso'.not_near[0]: must be a table with words, with",
        ),
        (
            ('phrases = ["espresso"]', 'phrases = ["espresso"]\nnot_near = { words = ["a"] }'),
            "skill 'espresso'.not_near: must be a list",
        ),
        (
            (
                'phrases = ["espresso"]',
                'phrases = ["espresso"]\nnear = [{ words = ["a"], with = ["b"], unless = ["c"] }]',
            ),
            "skill 'espresso'.near[0]: must be a table with words, with and (optionally) within",
        ),
        (
            (
                'phrases = ["espresso"]',
                'phrases = ["espresso"]\nnot_near = [{ words = ["a"], with = ["b"], unless = [] }]',
            ),
            "skill 'espresso'.not_near[0].unless: must be a non-empty list of strings",
        ),
        (
            ('phrases = ["espresso"]', 'phrases = ["espresso"]\nexclude_forms = [""]'),
            "skill 'espresso'.exclude_forms: must be a list of non-empty strings",
        ),
        (
            ('phrases = ["espresso"]', 'listed = "espresso"'),
            "skill 'espresso'.listed: must be a list of non-empty strings",
        ),
        (('phrases = ["espresso"]', ""), "gives no way to recognise it"),
    ],
)
def test_schema_errors_name_the_file_and_the_field(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(MINIMAL.replace(*change), encoding="utf-8")
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[role\nid=", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="is not valid TOML"):
        load_taxonomy(bad)
    with pytest.raises(TaxonomyError, match="taxonomy file not found"):
        load_taxonomy(tmp_path / "nope.toml")
    with pytest.raises(TaxonomyError, match="is a folder"):
        load_taxonomy(tmp_path)


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.toml"
    path.write_text(MINIMAL + MINIMAL[MINIMAL.index("[[skill]]") :], encoding="utf-8")
    with pytest.raises(TaxonomyError, match="duplicate id"):
        load_taxonomy(path)


def test_unknown_skill_id_lists_the_known_ones(taxonomy: Taxonomy) -> None:
    with pytest.raises(TaxonomyError, match="core skill ids are: ehr-systems"):
        taxonomy.skill("typing")


def test_a_taxonomy_may_recognise_a_skill_by_list_items_alone(tmp_path: Path) -> None:
    path = tmp_path / "barista.toml"
    path.write_text(MINIMAL.replace('phrases = ["espresso"]', 'listed = ["espresso"]'), "utf-8")
    assert load_taxonomy(path).core[0].listed == ("espresso",)


def test_other_senses_and_exact_forms_load(tmp_path: Path) -> None:
    path = tmp_path / "barista.toml"
    extra = (
        'phrases = ["espresso", "shot"]\nexclude_forms = ["shot as"]\n'
        'not_near = [{ words = ["shot"], with = ["flu", "vaccine"], within = 2 }]'
    )
    path.write_text(MINIMAL.replace('phrases = ["espresso"]', extra), "utf-8")
    skill = load_taxonomy(path).core[0]
    assert skill.exclude_forms == ("shot as",)
    assert [(r.words, r.with_, r.within, r.unless) for r in skill.not_near] == [
        (("shot",), ("flu", "vaccine"), 2, ())
    ]
