"""The command group: every command has help, and the version."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from resume_match.cli import cli


@pytest.mark.parametrize("command", [[], ["check"], ["screen"], ["job"], ["text"], ["samples"]])
def test_every_command_has_help(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.output and len(result.output.splitlines()) > 3


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("resume-match, version ")
