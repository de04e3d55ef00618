"""Load and validate taxonomy files: the skills of a role, kept as data so anyone can write one."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from . import startup_cache
from .errors import TAXONOMY_PATH_HINT, TaxonomyError
from .taxonomy_model import Level, Near, PostingVocabulary, Skill, Taxonomy, TermList

__all__ = [
    "CORE_CATEGORIES",
    "DEFAULT_TAXONOMY",
    "EXTRA_CATEGORIES",
    "Level",
    "Near",
    "PostingVocabulary",
    "Skill",
    "Taxonomy",
    "TermList",
    "bundled_taxonomies",
    "bundled_taxonomy_path",
    "load_taxonomy",
    "parse_taxonomy",
]

CORE_CATEGORIES = ("technical", "soft")
EXTRA_CATEGORIES = ("certification", "responsibility", "tool", "career-path")
DEFAULT_TAXONOMY = "patient-service-representative"
_SKILL_KEYS = {
    "id",
    "name",
    "category",
    "weight",
    "keyword",
    "hint",
    "phrases",
    "exact",
    "members",
    "context_members",
    "context",
    "near",
    "exclude",
    "exclude_forms",
    "not_near",
    "listed",
    "core",
}
_NEAR_KEYS = {"words", "with", "within"}
_LIST_KEYS = (
    "phrases",
    "exact",
    "members",
    "context_members",
    "context",
    "exclude",
    "exclude_forms",
    "listed",
)
_TOP_KEYS = {"schema", "role", "skill", "posting", "level", "level_skill"}
_LEVEL_KEYS = {"id", "name", "years", "titles", "needs", "enough", "focus"}


def bundled_taxonomy_path(name: str = DEFAULT_TAXONOMY) -> Path:
    """Path of a taxonomy that ships inside the package (falls back to a source checkout)."""
    shipped = resources.files("resume_match") / "taxonomy" / f"{name}.toml"
    if shipped.is_file():
        return Path(str(shipped))
    checkout = Path(__file__).resolve().parents[2] / "taxonomy" / f"{name}.toml"
    if checkout.is_file():
        return checkout
    raise TaxonomyError(f"the bundled taxonomy {name!r} is missing; reinstall resume-match")


def bundled_taxonomies() -> list[Path]:
    """The taxonomy files that ship with the package, sorted by name."""
    folder = bundled_taxonomy_path().parent
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith("."))


def load_taxonomy(path: Path | str | None = None) -> Taxonomy:
    """Load and validate a taxonomy file; ``None`` loads the bundled Patient Service Representative.

    Raises:
        TaxonomyError: naming the file and the field that is wrong.
    """
    path = Path(path) if path is not None else bundled_taxonomy_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TaxonomyError(f"taxonomy file not found; {TAXONOMY_PATH_HINT}", path) from None
    except IsADirectoryError:
        raise TaxonomyError("is a folder; give a taxonomy .toml file", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"cannot be read ({exc})", path) from None
    return parse_taxonomy(_toml_table(text, path), source=str(path))


def _toml_table(text: str, path: Path) -> dict[str, Any]:
    """The parsed TOML, kept in the start-up cache for this very text: parsing the bundled
    taxonomy is about 12 ms of every start, loading it back 0.5 ms (validation still runs)."""

    def parse() -> dict[str, Any]:
        import tomllib

        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise TaxonomyError(f"is not valid TOML: {exc}", path) from None

    key = startup_cache.entry_key("taxonomy", text)
    return startup_cache.load_or_build(
        "taxonomy", key, parse, lambda value: isinstance(value, dict)
    )


def parse_taxonomy(data: dict[str, Any], source: str = "<taxonomy>") -> Taxonomy:
    """Validate parsed TOML data and build a :class:`Taxonomy`."""

    def fail(where: str, problem: str) -> TaxonomyError:
        error = TaxonomyError(f"{where}: {problem}", source)
        error.field = where
        return error

    if data.get("schema", 1) != 1:
        raise fail("schema", f"version {data.get('schema')!r} is not supported (expected 1)")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise fail(
            ", ".join(sorted(unknown)),
            f"unknown top-level key (expected {', '.join(sorted(_TOP_KEYS))})",
        )
    role = data.get("role")
    if not isinstance(role, dict):
        raise fail("role", "missing [role] table with id and name")
    for key in ("id", "name"):
        if not isinstance(role.get(key), str) or not role[key].strip():
            raise fail(f"role.{key}", "must be a non-empty string")
    raw_skills = data.get("skill")
    if not isinstance(raw_skills, list) or not raw_skills:
        raise fail("skill", "no [[skill]] entries")
    skills: list[Skill] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_skills):
        where = f"skill[{index}]"
        if not isinstance(raw, dict):
            raise fail(where, "must be a table")
        if isinstance(raw.get("id"), str) and raw["id"].strip():
            where = f"skill {raw['id']!r}"
        skill = _parse_skill(raw, where, fail)
        if skill.id in seen:
            raise fail(where, "duplicate id")
        seen.add(skill.id)
        skills.append(skill)
    if not any(skill.core for skill in skills):
        raise fail("skill", "no core skill (category technical or soft); nothing to score")
    level_skills = _parse_level_skills(data.get("level_skill", []), seen, fail)
    return Taxonomy(
        id=role["id"],
        name=role["name"],
        source=str(role.get("source", "")),
        skills=tuple(skills),
        path=source,
        posting=_parse_posting(data.get("posting", {}), fail),
        levels=_parse_levels(data.get("level", []), seen, fail),
        level_skills=level_skills,
    )


def _strings(value: Any, where: str, fail: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(where, "must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _parse_posting(raw: Any, fail: Any) -> PostingVocabulary:
    if not isinstance(raw, dict) or set(raw) - {"titles", "terms"}:
        raise fail("posting", "must be a table with titles and [[posting.terms]]")
    terms = []
    raw_terms = raw.get("terms", [])
    if not isinstance(raw_terms, list):
        raise fail("posting.terms", "must be a list of {kind, names, exact} tables")
    for index, item in enumerate(raw_terms):
        where = f"posting.terms[{index}]"
        if not isinstance(item, dict) or set(item) - {"kind", "names", "exact"}:
            raise fail(where, "must be a table with kind, names and (optionally) exact")
        if not isinstance(item.get("kind"), str) or not item["kind"].strip():
            raise fail(f"{where}.kind", "must be a non-empty string")
        if not isinstance(item.get("exact", False), bool):
            raise fail(f"{where}.exact", "must be true or false")
        names = _strings(item.get("names"), f"{where}.names", fail)
        terms.append(TermList(item["kind"].strip(), names, item.get("exact", False)))
    return PostingVocabulary(_strings(raw.get("titles", []), "posting.titles", fail), tuple(terms))


def _parse_level_skills(raw: Any, seen: set[str], fail: Any) -> tuple[Skill, ...]:
    if not isinstance(raw, list):
        raise fail("level_skill", "must be [[level_skill]] tables")
    skills = []
    for index, item in enumerate(raw):
        where = f"level_skill[{index}]"
        if not isinstance(item, dict):
            raise fail(where, "must be a table")
        item = {"category": "career-path", **item}
        if isinstance(item.get("id"), str) and item["id"].strip():
            where = f"level_skill {item['id']!r}"
        skill = _parse_skill(item, where, fail)
        if skill.core or skill.id in seen:
            raise fail(where, "duplicate id" if skill.id in seen else "cannot be a core skill")
        seen.add(skill.id)
        skills.append(skill)
    return tuple(skills)


def _parse_levels(raw: Any, known: set[str], fail: Any) -> tuple[Level, ...]:
    if not isinstance(raw, list):
        raise fail("level", "must be [[level]] tables")
    levels: list[Level] = []
    for index, item in enumerate(raw):
        where = f"level[{index}]"
        if not isinstance(item, dict):
            raise fail(where, "must be a table")
        if isinstance(item.get("id"), str) and item["id"].strip():
            where = f"level {item['id']!r}"
        if set(item) - _LEVEL_KEYS:
            field_name = sorted(set(item) - _LEVEL_KEYS)[0]
            raise fail(
                f"{where}.{field_name}", f"unknown field (known: {', '.join(sorted(_LEVEL_KEYS))})"
            )
        for key in ("id", "name"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise fail(f"{where}.{key}", "must be a non-empty string")
        years = item.get("years")
        if (
            not isinstance(years, list)
            or len(years) not in (1, 2)
            or not all(
                isinstance(y, (int, float)) and not isinstance(y, bool) and y >= 0 for y in years
            )
            or (len(years) == 2 and years[1] < years[0])
        ):
            raise fail(f"{where}.years", "must be [min] or [min, max] years, 0 or more")
        needs = _strings(item.get("needs", []), f"{where}.needs", fail)
        for need in needs:
            if need not in known:
                raise fail(f"{where}.needs", f"{need!r} is not a skill or level_skill id")
        enough = item.get("enough", len(needs))
        if isinstance(enough, bool) or not isinstance(enough, int) or not 0 <= enough <= len(needs):
            raise fail(f"{where}.enough", f"must be a whole number from 0 to {len(needs)}")
        if any(level.id == item["id"].strip() for level in levels):
            raise fail(where, "duplicate id")
        levels.append(
            Level(
                id=item["id"].strip(),
                name=item["name"].strip(),
                years=(float(years[0]), float(years[1]) if len(years) == 2 else None),
                titles=_strings(item.get("titles", []), f"{where}.titles", fail),
                needs=needs,
                enough=enough,
                focus=str(item.get("focus", "")).strip(),
            )
        )
    return tuple(levels)


def _parse_skill(raw: dict[str, Any], where: str, fail: Any) -> Skill:
    unknown = set(raw) - _SKILL_KEYS
    if unknown:
        raise fail(
            f"{where}.{sorted(unknown)[0]}",
            f"unknown field (known: {', '.join(sorted(_SKILL_KEYS))})",
        )
    for key in ("id", "name", "category"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise fail(f"{where}.{key}", "must be a non-empty string")
    category = raw["category"]
    if category not in CORE_CATEGORIES + EXTRA_CATEGORIES:
        raise fail(
            f"{where}.category",
            f"{category!r} is not one of {', '.join(CORE_CATEGORIES + EXTRA_CATEGORIES)}",
        )
    weight = raw.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= 100:
        raise fail(f"{where}.weight", "must be a number above 0 and at most 100")
    core = raw.get("core", category in CORE_CATEGORIES)
    if not isinstance(core, bool):
        raise fail(f"{where}.core", "must be true or false")
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(f"{where}.{key}", "must be a list of non-empty strings")
        lists[key] = tuple(v.strip() for v in value)
    if lists["context_members"] and not lists["context"]:
        raise fail(f"{where}.context", "context_members needs a context list")
    near = _parse_rules(raw, "near", where, fail)
    not_near = _parse_rules(raw, "not_near", where, fail)
    if not (
        lists["phrases"]
        or lists["exact"]
        or lists["members"]
        or lists["context_members"]
        or near
        or lists["listed"]
    ):
        raise fail(
            where,
            "gives no way to recognise it "
            "(phrases, exact, members, context_members, near or listed)",
        )
    return Skill(
        id=raw["id"].strip(),
        name=raw["name"].strip(),
        category=category,
        weight=float(weight),
        keyword=str(raw.get("keyword", raw["name"])).strip(),
        hint=str(raw.get("hint", "")).strip(),
        core=core,
        near=near,
        not_near=not_near,
        **lists,
    )


def _parse_rules(raw: dict[str, Any], key: str, where: str, fail: Any) -> tuple[Near, ...]:
    """A ``near`` or ``not_near`` list: tables of two word lists and a distance in tokens.

    A ``not_near`` rule may also name ``unless`` words: the front-office sense is back when one
    of them stands in the same window ("copays" beside "explain" is a plan's benefit, unless
    "collect" is there too).
    """
    keys = _NEAR_KEYS | {"unless"} if key == "not_near" else _NEAR_KEYS
    rules: list[Near] = []
    raw_rules = raw.get(key, [])
    if not isinstance(raw_rules, list):
        raise fail(f"{where}.{key}", "must be a list of {words, with, within} tables")
    for position, rule in enumerate(raw_rules):
        here = f"{where}.{key}[{position}]"
        if not isinstance(rule, dict) or set(rule) - keys or not {"words", "with"} <= set(rule):
            optional = "within and unless" if key == "not_near" else "within"
            raise fail(here, f"must be a table with words, with and (optionally) {optional}")
        for field_name in ("words", "with", "unless"):
            if field_name not in rule:
                continue
            if (
                not isinstance(rule[field_name], list)
                or not rule[field_name]
                or not all(isinstance(v, str) and v.strip() for v in rule[field_name])
            ):
                raise fail(f"{here}.{field_name}", "must be a non-empty list of strings")
        within = rule.get("within", 4)
        if isinstance(within, bool) or not isinstance(within, int) or not 1 <= within <= 12:
            raise fail(f"{here}.within", "must be a whole number from 1 to 12")
        unless = tuple(rule.get("unless", ()))
        rules.append(Near(tuple(rule["words"]), tuple(rule["with"]), within, unless))
    return tuple(rules)
