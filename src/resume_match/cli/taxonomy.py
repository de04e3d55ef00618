"""``resume-match taxonomy``: list the shipped taxonomies, show one's skills, validate a file."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import click

from .common import CliError, ExitCode
from .options import text_or_json


@click.group("taxonomy")
def taxonomy_group() -> None:
    """List, inspect and validate skills taxonomies (the TOML files skills are matched against)."""


@taxonomy_group.command("list")
@text_or_json
def list_command(output_format: str) -> None:
    """The taxonomies shipped with resume-match: id, name, skills and file."""
    from ..taxonomy import bundled_taxonomies, load_taxonomy

    rows: list[dict[str, Any]] = []
    for path in bundled_taxonomies():
        taxonomy = load_taxonomy(path)
        rows.append(
            {"id": taxonomy.id, "name": taxonomy.name, "core": len(taxonomy.core),
             "extras": len(taxonomy.extras), "file": str(path)}
        )  # fmt: skip
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    width = max((len(r["id"]) for r in rows), default=2)
    click.echo(f"{'id':<{width}}  skills      name")
    for row in rows:
        counts = f"{row['core']} + {row['extras']}"
        click.echo(f"{row['id']:<{width}}  {counts:<10}  {row['name']}")
    click.echo("skills: core (scored) + extras; show one with 'resume-match taxonomy show ID'")


@taxonomy_group.command("show")
@click.argument("taxonomy", required=False, metavar="[ID|FILE]")
@click.option("--skill", "skill_id", metavar="ID", help="Show everything about one skill.")
@text_or_json
def show_command(taxonomy: str | None, skill_id: str | None, output_format: str) -> None:
    """The skills of a taxonomy: ids, names, weights and keywords (default: the bundled one).

    ID is a shipped taxonomy's id (see 'taxonomy list'); FILE a taxonomy .toml file.
    """
    from ..errors import TaxonomyError
    from ..taxonomy_tools import describe_skill, describe_taxonomy

    loaded = _load(taxonomy)
    if skill_id is not None:
        try:
            skill = describe_skill(loaded.skill(skill_id))
        except TaxonomyError as error:
            raise CliError(f"--skill: {error}", ExitCode.USAGE) from None
        if output_format == "json":
            click.echo(json.dumps(skill, indent=2, ensure_ascii=False))
            return
        for key, value in skill.items():
            if value not in ([], ""):
                shown = _listing(value) if isinstance(value, list) else _scalar(value)
                click.echo(f"{key + ':':<17}{shown}")
        return
    data = describe_taxonomy(loaded)
    if output_format == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(f"{data['name']} ({data['id']})")
    if data["source"]:
        click.echo(f"source: {data['source']}")
    click.echo(f"file:   {data['file']}")
    skills = data["skills"]
    width = max(len(s["id"]) for s in skills)
    for title, core in (("Core skills (scored)", True), ("Extras (reported, not scored)", False)):
        group = [s for s in skills if s["core"] is core]
        if not group:
            continue
        total = sum(s["weight"] for s in group)
        click.echo("")
        click.echo(f"{title}: {len(group)}" + (f", total weight {total:g}" if core else ""))
        click.echo(f"  {'id':<{width}}  {'category':<14}  weight  name / keyword")
        for s in group:
            keyword = f"  [{s['keyword']}]" if s["keyword"] != s["name"] else ""
            columns = f"  {s['id']:<{width}}  {s['category']:<14}  {s['weight']:>6g}"
            click.echo(f"{columns}  {s['name']}{keyword}")
    if data["levels"]:
        click.echo("")
        click.echo(f"Career levels: {len(data['levels'])}")
        for level in data["levels"]:
            low, high = level["years"]
            years = f"{low:g}+ years" if high is None else f"{low:g}-{high:g} years"
            needs = f"{level['enough']} of {', '.join(level['needs'])}" if level["needs"] else "-"
            line = f"  {level['id']:<{width}}  {years:<14}  {level['name']}; needs {needs}"
            indent = " " * (width + 20)
            click.echo(textwrap.fill(line, 100, subsequent_indent=indent, break_on_hyphens=False))


@taxonomy_group.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate_command(files: tuple[Path, ...]) -> None:
    """Check taxonomy FILES against the schema; each problem names the file, line and field.

    Exit status: 0 valid (warnings allowed), 2 a file breaks the schema.
    """
    from ..taxonomy_tools import validate_taxonomy_file

    broken = 0
    for path in files:
        taxonomy, problems = validate_taxonomy_file(path)
        for problem in problems:
            click.echo(
                ("" if problem.severity == "warning" else "error: ") + str(problem), err=True
            )
        if taxonomy is None:
            broken += 1
            continue
        warned = sum(1 for p in problems if p.severity == "warning")
        note = f", {warned} warning(s)" if warned else ""
        click.echo(
            f"ok: {path}: {taxonomy.name} ({taxonomy.id}), {len(taxonomy.core)} core skills, "
            f"{len(taxonomy.extras)} extras{note}"
        )
    if broken:
        raise click.exceptions.Exit(ExitCode.USAGE)


def _load(name: str | None) -> Any:
    from ..errors import TaxonomyError
    from ..taxonomy import bundled_taxonomies, load_taxonomy

    try:
        if name is None:
            return load_taxonomy()
        if name.endswith(".toml") or Path(name).is_file():
            return load_taxonomy(name)
        shipped = {p.stem: p for p in bundled_taxonomies()}
        for path in shipped.values():
            taxonomy = load_taxonomy(path)
            if taxonomy.id == name:
                return taxonomy
        known = ", ".join(sorted(shipped)) or "none"
        raise CliError(
            f"{name}: no shipped taxonomy has this id (shipped: {known}); give a .toml file",
            ExitCode.USAGE,
        )
    except TaxonomyError as error:
        raise CliError(str(error), ExitCode.USAGE) from None


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _listing(values: list[Any]) -> str:
    return "; ".join(
        " ".join(f"{k}={v}" for k, v in item.items()) if isinstance(item, dict) else str(item)
        for item in values
    )
