"""Options shared by several commands, as decorators."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

F = Callable[..., Any]

text_or_json = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for programs (schema in the README).",
)
"""``--format text|json``, for the commands that print either."""


def reading_options(func: F) -> F:
    """--taxonomy, --max-size and --pdf-engine."""
    return click.option(
        "--taxonomy",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="A taxonomy TOML file to use instead of the bundled Patient Service Representative.",
    )(file_options(func))


def file_options(func: F) -> F:
    """--max-size and --pdf-engine: how a file is read."""
    func = click.option(
        "--pdf-engine",
        type=click.Choice(["pdfium", "pdfplumber"]),
        default="pdfium",
        show_default=True,
        help="PDF text engine: pdfium is fast; pdfplumber is slower, for comparison.",
    )(func)
    return click.option(
        "--max-size",
        type=click.FloatRange(min=0.1),
        default=20.0,
        show_default=True,
        metavar="MB",
        help="Refuse files larger than this many megabytes.",
    )(func)


def load_checker(
    taxonomy: Path | None,
    max_size: float,
    pdf_engine: str,
    isolate: bool = False,
    keep_text: bool = False,
) -> Any:
    """Build a Checker from CLI options, turning library errors into CLI errors.

    ``isolate`` reads each file in a child process with a memory cap and a time limit
    (``ReadOptions.isolate``); ``screen`` does not need it, as its workers have their own.
    ``keep_text`` keeps each document's text for the HTML report.
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
    return Checker(loaded, options, keep_text=keep_text)


def load_posting(checker: Any, path: Path, output_format: str = "text") -> Any:
    """Read a posting (``-`` is standard input) or stop with a one-line error and status 1.

    With ``--format json`` the failure is also printed as ``{"file", "status", "reason"}``.
    """
    import json

    from ..errors import PostingError
    from ..posting import read_posting_bytes
    from .common import CliError
    from .hints import with_flags

    try:
        if str(path) == "-":
            data = sys.stdin.buffer.read()
            return read_posting_bytes(data, checker.matcher, checker.options, "-")
        return checker.read_posting(path)
    except PostingError as error:
        if output_format == "json":
            failure = {"file": str(error.path), "status": error.problem, "reason": error.message}
            click.echo(json.dumps(failure, indent=2, ensure_ascii=False))
        raise CliError(with_flags(str(error))) from None


def require_skills(posting: Any, taxonomy: Any) -> None:
    """Stop when a posting asks for none of the role's core skills: there is nothing to score."""
    from .common import CliError

    if not any(r.skill.core for r in posting.requirements):
        raise CliError(
            f"{posting.file}: asks for none of the {len(taxonomy.core)} core skills of "
            f"{taxonomy.name} (status no-skills); is it a posting for this role? "
            "Use --taxonomy for another role"
        )
