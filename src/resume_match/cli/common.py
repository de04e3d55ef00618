"""What every command shares: exit statuses, the one-line error, the colour setting."""

from __future__ import annotations

import enum
import os
from typing import IO, Any

import click

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
        from ..report import printable

        click.echo(f"error: {printable(self.format_message())}", err=True, file=file)


def use_color() -> bool | None:
    """None lets click decide (colour on a terminal only); NO_COLOR turns it off everywhere."""
    return False if os.environ.get("NO_COLOR") else None
