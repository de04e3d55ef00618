"""``resume-match screen``: a folder of applications, ranked."""

from __future__ import annotations

import click


@click.command("screen")
def screen_command() -> None:
    """Score every resume in a folder and rank the candidates (not built yet)."""
    raise click.UsageError("screen is not available yet")
