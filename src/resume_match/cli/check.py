"""``resume-match check``: one resume, optionally with its cover letter."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import click

from ..errors import DocumentError
from .common import CliError, ExitCode, use_color
from .hints import check_with_flags, with_flags
from .options import load_checker, load_posting, reading_options, require_skills
from .output import HTML_SUFFIXES, check_writable, render_check_html, write_output


@click.command("check")
@click.argument("resume", type=click.Path(path_type=Path))
@click.option(
    "--cover-letter",
    "cover_letter",
    type=click.Path(path_type=Path),
    default=None,
    help="The same person's cover letter; a skill shown in either document counts.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "html"]),
    default=None,
    show_default="text, or html for --out FILE.html",
    help="text for people, json for programs (schema in the README), html for a page to share.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    metavar="FILE",
    help="Write the report to FILE instead of stdout (replaced whole, never half-written).",
)
@click.option(
    "--evidence",
    type=click.Choice(["first", "all"]),
    default="first",
    show_default=True,
    help="Text report: quote the best place each skill was found, or every place.",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=None,
    metavar="N",
    help="Exit with status 3 when the coverage score is below N (for scripts).",
)
@click.option(
    "--job",
    "job",
    type=click.Path(path_type=Path, allow_dash=True),
    default=None,
    metavar="POSTING",
    help="Also score against this job posting (PDF, DOCX, TXT, MD or -): required skills weigh "
    "double, skills it does not ask for are left out; --min-score then gates on the job score.",
)
@click.option(
    "--career",
    is_flag=True,
    help="Also say which career level the evidence supports and what the next level needs "
    "(always shown with --job).",
)
@reading_options
def check_command(
    resume: Path,
    cover_letter: Path | None,
    output_format: str | None,
    out: Path | None,
    evidence: str,
    min_score: float | None,
    job: Path | None,
    career: bool,
    taxonomy: Path | None,
    max_size: float,
    pdf_engine: str,
) -> None:
    """Score RESUME (PDF, DOCX, TXT or MD) and say which skills are missing.

    Exit status: 0 scored, 1 a file could not be read or scored, 2 bad usage or taxonomy,
    3 scored below --min-score.
    """
    from ..report import render_json
    from ..text_report import EvidenceMode, render_text

    if output_format is None:
        is_html = out is not None and out.suffix.lower() in HTML_SUFFIXES
        output_format = "html" if is_html else "text"
    if out is not None:
        check_writable(out)
    # A file that beats the reader's checks must cost one child process, never this one.
    checker = load_checker(
        taxonomy, max_size, pdf_engine, isolate=True, keep_text=output_format == "html"
    )
    inputs = [resume] if cover_letter is None else [resume, cover_letter]
    try:
        checker.check_inputs(*inputs)
    except DocumentError as error:
        raise CliError(with_flags(str(error))) from None
    if job is not None or career:
        _check_detailed(checker, resume, cover_letter, job, output_format, out, min_score)
        return
    result = check_with_flags(checker.check(resume, cover_letter))
    documents = [r for r in (result.resume, result.cover_letter) if r is not None]
    failed = [r for r in documents if not r.ok]
    if output_format == "html":
        write_output(render_check_html(result), out)
    elif output_format == "json":
        write_output(render_json(result), out)
    elif len(failed) < len(documents):
        mode: EvidenceMode = "all" if evidence == "all" else "first"
        width = min(100, shutil.get_terminal_size((100, 24)).columns)
        if out is not None:
            write_output(render_text(result, evidence=mode), out)
        else:
            text = render_text(result, color=True, width=width, evidence=mode)
            click.echo(text, nl=False, color=use_color())
    if failed:
        raise CliError(f"{failed[0].file}: {failed[0].reason}")
    if min_score is not None and (result.main.score or 0.0) < min_score:
        _below_min_score(result.main.file, "coverage", result.main.score or 0.0, min_score)


def _check_detailed(
    checker: Any,
    resume: Path,
    cover_letter: Path | None,
    job: Path | None,
    output_format: str,
    out: Path | None,
    min_score: float | None,
) -> None:
    """check with --job and/or --career: the usual report, then the posting and the level."""
    from ..report import career_to_dict, job_to_dict, render_json
    from ..report_job import render_career_text, render_job_text
    from ..text_report import painter, render_text

    posting = None
    if job is not None:
        posting = load_posting(checker, job)
        require_skills(posting, checker.taxonomy)
    detailed = checker.check_detailed(resume, cover_letter, posting, career=True)
    result, fit, career = check_with_flags(detailed.check), detailed.job, detailed.career
    documents = [r for r in (result.resume, result.cover_letter) if r is not None]
    failed = [r for r in documents if not r.ok]
    if output_format == "html":
        extra = {"job": job_to_dict(fit) if fit is not None else None,
                 "career": career_to_dict(career) if career is not None else None}  # fmt: skip
        write_output(render_check_html(result, extra), out)
    elif output_format == "json":
        write_output(render_json(result, fit, career), out)
    elif len(failed) < len(documents):
        color = out is None
        text = render_text(result, color=color)
        if fit is not None:
            text += "\n" + render_job_text(fit, painter(color))
        if career is not None:
            text += "\n" + render_career_text(career, painter(color))
        if out is not None:
            write_output(text, out)
        else:
            click.echo(text, nl=False, color=use_color())
    if failed:
        raise CliError(f"{failed[0].file}: {failed[0].reason}")
    if min_score is not None and fit is None and (result.main.score or 0.0) < min_score:
        _below_min_score(result.main.file, "coverage", result.main.score or 0.0, min_score)
    if min_score is not None and fit is not None and fit.score < min_score:
        _below_min_score(result.main.file, "job score", fit.score, min_score)


def _below_min_score(file: str, what: str, score: float, min_score: float) -> None:
    """Not an error: the file was scored, and the score is the answer a script asked for."""
    click.echo(
        f"{file}: {what} {score:.1f} is below --min-score {min_score:g} "
        f"(exit status {ExitCode.BELOW_MIN_SCORE:d})",
        err=True,
    )
    raise click.exceptions.Exit(ExitCode.BELOW_MIN_SCORE)


@click.command("samples")
def samples_command() -> None:
    """List the sample documents shipped with resume-match, one path a line."""
    from ..samples import sample_paths

    for path in sample_paths():
        click.echo(str(path))
