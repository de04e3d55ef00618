"""``resume-match taxonomy list | show | validate``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from resume_match.cli import cli
from resume_match.taxonomy import bundled_taxonomy_path, load_taxonomy

GOOD = """schema = 1

[role]
id = "barista"
name = "Barista"

[[skill]]
id = "espresso"
name = "Espresso preparation"
category = "technical"
weight = 2
keyword = "espresso"
hint = "Say how many drinks a shift you pulled."
phrases = ["espresso", "pulled shots"]

[[skill]]
id = "latte-art"
name = "Latte art"
category = "technical"
phrases = ["latte art"]
"""


def taxonomy_file(tmp_path: Path, text: str, name: str = "role.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_list_shows_the_shipped_taxonomy(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["taxonomy", "list"])
    assert result.exit_code == 0
    assert "patient-service-representative  17 + " in result.output
    rows = json.loads(runner.invoke(cli, ["taxonomy", "list", "--format", "json"]).output)
    by_id = {row["id"]: row for row in rows}
    assert by_id["patient-service-representative"]["core"] == 17
    assert all(Path(row["file"]).is_file() for row in rows) and len(rows) >= 2


def test_show_lists_ids_names_weights_keywords(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["taxonomy", "show"])
    assert result.exit_code == 0
    assert "Core skills (scored): 17, total weight 33" in result.output
    line = next(
        x for x in result.output.splitlines() if x.strip().startswith("computer-proficiency")
    )
    assert line.split()[1:3] == ["technical", "1"]
    assert line.endswith("Basic Computer Proficiency  [Microsoft Office (Word, Excel, Outlook)]")
    same = runner.invoke(cli, ["taxonomy", "show", "patient-service-representative"])
    assert same.output == result.output
    data = json.loads(runner.invoke(cli, ["taxonomy", "show", "--format", "json"]).output)
    assert [s["id"] for s in data["skills"]] == [s.id for s in load_taxonomy().skills]


def test_show_one_skill_and_a_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["taxonomy", "show", "--skill", "hipaa-compliance"])
    assert result.exit_code == 0
    assert (
        "keyword:         HIPAA compliance" in result.output
        and "exact:           PHI" in result.output
    )
    own = runner.invoke(cli, ["taxonomy", "show", str(taxonomy_file(tmp_path, GOOD))])
    assert own.exit_code == 0 and "Barista (barista)" in own.output
    assert "  espresso   technical            2  Espresso preparation  [espresso]\n" in own.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "nope"], "nope: no shipped taxonomy has this id"),
        (
            ["show", "--skill", "nope"],
            "--skill: unknown skill id 'nope'; core skill ids are: ehr-systems",
        ),
        (["show", "missing.toml"], "missing.toml: taxonomy file not found"),
    ],
)
def test_show_errors(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(cli, ["taxonomy", *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {message}")
    assert "Traceback" not in result.output


def test_validate_accepts_the_shipped_taxonomy(runner: CliRunner) -> None:
    path = bundled_taxonomy_path()
    result = runner.invoke(cli, ["taxonomy", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"ok: {path}: Patient Service Representative (patient-service-representative), "
        "17 core skills, 15 extras\n"
    )


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        ('category = "technical"\nphrases = ["latte', 'category = "magic"\nphrases = ["latte', 19,
         "skill 'latte-art'.category", "'magic' is not one of technical, soft"),
        ("weight = 2", "weight = -1", 11, "skill 'espresso'.weight", "must be a number above 0"),
        ('id = "latte-art"', 'id = "espresso"', 17, "skill 'espresso'", "duplicate id"),
        ('name = "Barista"', 'name = ""', 5, "role.name", "must be a non-empty string"),
        ('phrases = ["latte art"]', 'phrases = ["latte art"]\ncolour = "x"', 21,
         "skill 'latte-art'.colour", "unknown field"),
        ('phrases = ["latte art"]', 'phrases = "latte art"', 20, "skill 'latte-art'.phrases",
         "must be a list of non-empty strings"),
        ('[[skill]]\nid = "latte-art"', '[[skill]]\nname2 = "x"\nid = "latte-art"', 17,
         "skill 'latte-art'.name2", "unknown field"),
        ("schema = 1", "schema = 2", 1, "schema", "version 2 is not supported"),
        ('keyword = "espresso"', 'keyword = "espresso', 12, "", "is not valid TOML"),
    ],
)  # fmt: skip
def test_validate_names_file_line_and_field(
    runner: CliRunner, tmp_path: Path, old: str, new: str, line: int, field: str, message: str
) -> None:
    assert old in GOOD
    path = taxonomy_file(tmp_path, GOOD.replace(old, new, 1))
    result = runner.invoke(cli, ["taxonomy", "validate", str(path)])
    assert result.exit_code == 2
    prefix = f"error: {path}:{line}: " + (f"{field}: " if field else "")
    assert result.stderr.startswith(prefix + message), result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_validate_warns_but_passes(runner: CliRunner, tmp_path: Path) -> None:
    text = GOOD.replace('phrases = ["latte art"]', 'phrases = ["latte art", "pulled shots"]')
    path = taxonomy_file(tmp_path, text)
    result = runner.invoke(cli, ["taxonomy", "validate", str(path), str(bundled_taxonomy_path())])
    assert result.exit_code == 0
    assert f"{path}:16: warning: skill 'latte-art'.hint: a core skill with no hint" in result.stderr
    assert (
        f"{path}:20: warning: skill 'latte-art'.phrases: 'pulled shots' also in core skill "
        "'espresso': one mention scores both"
    ) in result.stderr
    assert result.stdout.count("ok: ") == 2 and "2 warning(s)" in result.stdout


def test_validate_several_files_fails_if_one_does(runner: CliRunner, tmp_path: Path) -> None:
    good = taxonomy_file(tmp_path, GOOD, "good.toml")
    result = runner.invoke(cli, ["taxonomy", "validate", str(good), str(tmp_path / "gone.toml")])
    assert result.exit_code == 2
    assert result.stdout.startswith(f"ok: {good}")
    assert f"error: {tmp_path / 'gone.toml'}: taxonomy file not found" in result.stderr
