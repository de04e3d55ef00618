"""Tools for people writing a taxonomy: validate a file with the line of each problem, and describe
a loaded taxonomy's skills (ids, names, weights, keywords) as plain data."""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .errors import TaxonomyError
from .taxonomy import Skill, Taxonomy, load_taxonomy

Severity = Literal["error", "warning"]
_KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_SKILL_FIELD = re.compile(
    r"^skill (?:'(?P<id>[^']*)'|\[(?P<index>\d+)\])(?:\.(?P<key>[A-Za-z0-9_]+))?"
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a second look) in a taxonomy file, and where it is."""

    file: str
    line: int | None
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        label = "warning: " if self.severity == "warning" else ""
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {label}{field}{self.message}"


def validate_taxonomy_file(path: Path | str) -> tuple[Taxonomy | None, list[Problem]]:
    """Load ``path`` as a taxonomy; return it (None when it breaks the schema) and its problems.

    A file that breaks the schema gives one error (the first, as loading it would); a valid file
    may still get warnings: a core skill with no hint, a phrase two skills share.
    """
    path = Path(path)
    try:
        taxonomy = load_taxonomy(path)
    except TaxonomyError as error:
        return None, [_locate(path, error)]
    lines = _table_lines(path.read_text(encoding="utf-8"))
    return taxonomy, _warnings(taxonomy, str(path), lines)


def describe_taxonomy(taxonomy: Taxonomy) -> dict[str, Any]:
    """A taxonomy as JSON data: the role, every skill's id, name, category, weight and keyword,
    and the career levels."""
    return {
        "id": taxonomy.id,
        "name": taxonomy.name,
        "source": taxonomy.source,
        "file": taxonomy.path,
        "skills": [describe_skill(skill) for skill in taxonomy.skills],
        "levels": [
            {
                "id": lvl.id,
                "name": lvl.name,
                "years": list(lvl.years),
                "needs": list(lvl.needs),
                "enough": lvl.enough,
            }
            for lvl in taxonomy.levels
        ],
    }


def describe_skill(skill: Skill) -> dict[str, Any]:
    """One skill as JSON data, with the ways it is recognised."""
    return {
        "id": skill.id,
        "name": skill.name,
        "category": skill.category,
        "core": skill.core,
        "weight": skill.weight,
        "keyword": skill.keyword,
        "hint": skill.hint,
        "phrases": list(skill.phrases),
        "exact": list(skill.exact),
        "members": list(skill.members),
        "context_members": list(skill.context_members),
        "context": list(skill.context),
        "near": [
            {"words": list(n.words), "with": list(n.with_), "within": n.within} for n in skill.near
        ],
        "exclude": list(skill.exclude),
    }


def _locate(path: Path, error: TaxonomyError) -> Problem:
    """The error with the line it points at: from TOML's own message, or by finding the field."""
    message = error.message
    toml_line = _TOML_LINE.search(message)
    if toml_line:
        return Problem(str(path), int(toml_line.group(1)), "", message)
    if "(at end of document)" in message:
        end = len(path.read_text(encoding="utf-8", errors="replace").splitlines())
        return Problem(str(path), end or None, "", message)
    field = error.field
    if field and message.startswith(f"{field}: "):
        message = message[len(field) + 2 :]
    line = None
    if field:
        try:
            text = path.read_text(encoding="utf-8")
            line = _line_of(field, _table_lines(text), tomllib.loads(text), message)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            line = None
    return Problem(str(path), line, field, message)


@dataclass
class _Tables:
    """Line numbers of a TOML file's tables and of the keys in each: enough to find a field."""

    top: dict[str, int]
    role: dict[str, int]
    skills: list[dict[str, int]]


def _table_lines(text: str) -> _Tables:
    tables = _Tables({}, {}, [])
    current = tables.top
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("[[skill]]"):
            current = {"": number}
            tables.skills.append(current)
        elif stripped.startswith("[role]"):
            current = tables.role
            current[""] = number
        elif stripped.startswith("[[skill.") and tables.skills:
            current = tables.skills[-1]
            current.setdefault(stripped.strip("[]").split(".")[1], number)
        elif stripped.startswith("["):
            current = {}
        elif key := _KEY.match(line):
            current.setdefault(key.group(1), number)
    return tables


def _line_of(field: str, tables: _Tables, data: dict[str, Any], message: str) -> int | None:
    if field.startswith("role"):
        key = field.partition(".")[2]
        return tables.role.get(key) or tables.role.get("")
    match = _SKILL_FIELD.match(field)
    if match is None:
        first = field.split(",")[0].strip()
        return tables.top.get(first) or (tables.skills[0][""] if tables.skills else None)
    raw = data.get("skill")
    raw_skills = raw if isinstance(raw, list) else []
    if match.group("index") is not None:
        index = int(match.group("index"))
    else:
        indexes = [i for i, s in enumerate(raw_skills)
                   if isinstance(s, dict) and s.get("id") == match.group("id")]  # fmt: skip
        if not indexes:
            return None
        index = indexes[1] if message == "duplicate id" and len(indexes) > 1 else indexes[0]
    if index >= len(tables.skills):
        return None
    keys = tables.skills[index]
    key = match.group("key") or ("id" if message == "duplicate id" else "")
    return keys.get(key) or keys.get("")


def _warnings(taxonomy: Taxonomy, file: str, tables: _Tables) -> list[Problem]:
    problems = []
    for index, skill in enumerate(taxonomy.skills):
        keys = tables.skills[index] if index < len(tables.skills) else {}
        if skill.core and not skill.hint:
            problems.append(
                Problem(file, keys.get(""), f"skill {skill.id!r}.hint",
                        "a core skill with no hint: its missing entry gives no advice", "warning")
            )  # fmt: skip
    owners: dict[str, list[int]] = defaultdict(list)
    for index, skill in enumerate(taxonomy.skills):
        if skill.core:
            for phrase in dict.fromkeys(p.lower() for p in skill.phrases):
                owners[phrase].append(index)
    shared: dict[tuple[int, int], list[str]] = defaultdict(list)
    for phrase, indexes in owners.items():
        for later in indexes[1:]:
            shared[(later, indexes[0])].append(phrase)
    for (index, first), phrases in sorted(shared.items()):
        skill, other = taxonomy.skills[index], taxonomy.skills[first]
        keys = tables.skills[index] if index < len(tables.skills) else {}
        listed = ", ".join(repr(p) for p in phrases)
        problems.append(
            Problem(file, keys.get("phrases") or keys.get(""), f"skill {skill.id!r}.phrases",
                    f"{listed} also in core skill {other.id!r}: one mention scores both",
                    "warning")
        )  # fmt: skip
    return problems
