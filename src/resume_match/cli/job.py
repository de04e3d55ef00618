"""``resume-match job``: show how a job posting was read, so a user can trust what it measures."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import use_color
from .options import load_checker, load_posting, reading_options, require_skills, text_or_json


@click.command("job")
@click.argument("posting", type=click.Path(path_type=Path, allow_dash=True))
@text_or_json
@reading_options
def job_command(
    posting: Path, output_format: str, taxonomy: Path | None, max_size: float, pdf_engine: str
) -> None:
    """Read a job POSTING (PDF, DOCX, TXT, MD, or - for standard input).

    Lists the skills it requires or prefers, each with the sentence that asked, and its own
    terms (systems, payers, languages, certificates, typing, years, schooling). Benefits, pay,
    equal-opportunity and mission text are never read as asks.

    Exit status: 0 read, 1 the posting cannot be read or asks for none of the role's skills,
    2 bad usage or taxonomy.
    """
    from ..report import posting_to_dict
    from ..report_job import render_posting_text
    from ..text_report import painter

    checker = load_checker(taxonomy, max_size, pdf_engine, isolate=True)
    read = load_posting(checker, posting, output_format)
    if output_format == "json":
        click.echo(json.dumps(posting_to_dict(read), indent=2, ensure_ascii=False))
    else:
        click.echo(render_posting_text(read, painter(True)), nl=False, color=use_color())
    require_skills(read, checker.taxonomy)
