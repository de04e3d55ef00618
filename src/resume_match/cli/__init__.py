"""The command line: parses options, calls the library, prints what it returns."""

from __future__ import annotations

import enum
import os
import sys
from typing import IO, Any

import click

from .. import __version__
from .hints import with_flags


class ExitCode(enum.IntEnum):
    """Exit statuses, documented in the README so scripts can rely on them."""

    OK = 0
    ERROR = 1
    USAGE = 2
    BELOW_MIN_SCORE = 3
    SOME_FILES_FAILED = 4
    INTERRUPTED = 130


class CliError(click.ClickException):
    """A one-line ``error: FILE: what is wrong and what to do`` and a chosen exit status."""

    def __init__(self, message: str, exit_code: int = ExitCode.ERROR) -> None:
        super().__init__(with_flags(message))
        self.exit_code = exit_code

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True, file=file)


def use_color() -> bool | None:
    """None lets click decide (colour on a terminal only); NO_COLOR turns it off everywhere."""
    return False if os.environ.get("NO_COLOR") else None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="resume-match")
def cli() -> None:
    """Score resumes and cover letters against a role's skills taxonomy.

    The bundled taxonomy is the Patient Service Representative (healthcare front office).
    Every skill found comes with the words that proved it; missing skills come with advice.
    """


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="resume-match")
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)


def _register() -> None:
    from .check import check_command, samples_command
    from .screen import screen_command

    for command in (check_command, screen_command, samples_command):
        cli.add_command(command)


_register()
