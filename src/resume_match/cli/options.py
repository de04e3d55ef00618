"""Options shared by several commands, as decorators."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

F = Callable[..., Any]


def reading_options(func: F) -> F:
    """--taxonomy, --max-size and --pdf-engine."""
    func = click.option(
        "--pdf-engine",
        type=click.Choice(["pdfium", "pdfplumber"]),
        default="pdfium",
        show_default=True,
        help="PDF text engine: pdfium is fast; pdfplumber is slower, for comparison.",
    )(func)
    func = click.option(
        "--max-size",
        type=click.FloatRange(min=0.1),
        default=20.0,
        show_default=True,
        metavar="MB",
        help="Refuse files larger than this many megabytes.",
    )(func)
    return click.option(
        "--taxonomy",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="A taxonomy TOML file to use instead of the bundled Patient Service Representative.",
    )(func)


def load_checker(
    taxonomy: Path | None, max_size: float, pdf_engine: str, isolate: bool = False
) -> Any:
    """Build a Checker from CLI options, turning library errors into CLI errors.

    ``isolate`` reads each file in a child process with a memory cap and a time limit
    (``ReadOptions.isolate``); ``screen`` does not need it, as its workers have their own.
    """
    from ..api import Checker
    from ..errors import TaxonomyError
    from ..reading import ReadOptions
    from ..taxonomy import load_taxonomy
    from .common import CliError, ExitCode

    try:
        loaded = load_taxonomy(taxonomy)
    except TaxonomyError as error:
        raise CliError(str(error), ExitCode.USAGE) from None
    options = ReadOptions(
        max_bytes=int(max_size * 1024 * 1024), pdf_engine=pdf_engine, isolate=isolate
    )
    return Checker(loaded, options)
