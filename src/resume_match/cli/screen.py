"""``resume-match screen``: a folder of applications, ranked."""

from __future__ import annotations

import os
import shutil
import sys
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import click

from ..isolation import TIME_LIMIT
from .common import CliError, ExitCode
from .hints import report_with_flags, with_flags
from .options import load_checker, load_posting, reading_options, require_skills

if TYPE_CHECKING:
    from ..cache import ResultCache
    from ..screen import Progress


class _PathOrUrl(click.ParamType):  # type: ignore[type-arg]
    """A local path (checked as ``click.Path`` checks it) or a URL, left for fsspec to open."""

    name = "path"

    def __init__(self, local: click.Path) -> None:
        self.local = local

    def convert(
        self,
        value: str | os.PathLike[str],
        param: click.Parameter | None,
        ctx: click.Context | None,
    ) -> object:
        if isinstance(value, str) and "://" in value:
            return value
        return self.local.convert(value, param, ctx)


@click.command("screen")
@click.argument(
    "folders",
    nargs=-1,
    required=True,
    type=_PathOrUrl(click.Path(exists=True, path_type=Path)),
)
@click.option("-r", "--recursive", is_flag=True, help="Search sub-folders too, at any depth.")
@click.option(
    "--out",
    type=_PathOrUrl(click.Path(path_type=Path, dir_okay=False)),
    multiple=True,
    metavar="FILE",
    help="Write every candidate to FILE.csv, .jsonl, .json or .html (a page to share);"
    " FILE may be a URL (s3://...). Give it again for more files.",
)
@click.option(
    "--out-in-input",
    is_flag=True,
    help="Allow --out inside an input folder (refused by default, to keep reports apart).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    show_default="one per CPU",
    help="Worker processes that read files in parallel.",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=None,
    metavar="N",
    help="Shortlist only candidates scoring at least N.",
)
@click.option(
    "--require",
    multiple=True,
    metavar="ID",
    help="Shortlist only candidates showing this skill id (repeat, or separate with commas).",
)
@click.option(
    "--top", type=click.IntRange(min=1), default=None, metavar="K", help="Shortlist the best K."
)
@click.option(
    "--job",
    type=click.Path(path_type=Path, allow_dash=True),
    default=None,
    metavar="POSTING",
    help="Rank by fit to this job posting; --require may then name the posting's terms too.",
)
@click.option(
    "--level",
    default=None,
    metavar="LEVEL",
    help="Rank by fit for this career level (junior, psr, senior, lead, supervisor).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=TIME_LIMIT,
    show_default=True,
    metavar="SECONDS",
    help="Stop reading a file after this long and report it as an error.",
)
@click.option(
    "--no-cache", is_flag=True, help="Read every file again; do not use or update the cache."
)
@click.option(
    "--no-follow-links",
    is_flag=True,
    help="Skip symbolic links that lead out of the folder instead of reading their targets.",
)
@click.option(
    "--keep-duplicates",
    is_flag=True,
    help="Score files that hold the same document (a PDF and a DOCX of one resume) separately.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where files are read: this machine's worker processes, or Dask tasks"
    " (needs resume-match[dask]).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="With --engine dask, the scheduler to use (tcp://host:8786); without it a local"
    " cluster of --jobs workers is started for the run.",
)
@reading_options
def screen_command(
    folders: tuple[Path | str, ...],
    recursive: bool,
    out: tuple[Path | str, ...],
    out_in_input: bool,
    jobs: int | None,
    min_score: float | None,
    require: tuple[str, ...],
    top: int | None,
    job: Path | None,
    level: str | None,
    timeout: float,
    no_cache: bool,
    no_follow_links: bool,
    keep_duplicates: bool,
    engine: Literal["local", "dask"],
    scheduler: str | None,
    taxonomy: Path | None,
    max_size: float,
    pdf_engine: str,
) -> None:
    """Score every application in FOLDERS and rank the candidates.

    Reads PDF, DOCX, TXT and MD files; a resume and its cover letter count together when they
    sit alone in one sub-folder, or share a name apart from a cover/cover-letter/cl marker
    (jane-doe-resume.pdf + jane-doe-cover-letter.docx). The ranked table goes to stdout,
    progress and the summary to stderr.

    Exit status: 0 every file was scored, 1 error, 2 bad usage or taxonomy, 4 some files could
    not be scored (the report is still written), 130 interrupted (no report written).
    """
    from ..cache import ResultCache
    from ..errors import CacheError, ScreeningError, TaxonomyError
    from ..screen import Shortlist, check_output_path, make_engine, screen, summary_line
    from ..screen.output import write_report
    from ..screen.together import print_and_write

    if scheduler is not None and engine != "dask":
        raise CliError("--scheduler needs --engine dask", ExitCode.USAGE)
    try:
        runner = make_engine(engine, jobs, scheduler)
    except ScreeningError as error:
        raise CliError(f"--engine {engine}: {error}") from None
    if len({str(path) for path in out}) < len(out):
        raise CliError("--out: the same file is given twice", ExitCode.USAGE)
    for path in out:
        try:
            check_output_path(path, folders, allow_inside=out_in_input)
        except ScreeningError as error:
            raise CliError(str(error), ExitCode.USAGE) from None
    checker = load_checker(taxonomy, max_size, pdf_engine)
    required = tuple(i.strip() for item in require for i in item.split(",") if i.strip())
    run_taxonomy, rank_by, posting = _target(checker, job, level)
    if posting is not None:
        from ..posting.targets import resolve_required

        required = resolve_required(required, run_taxonomy, posting)
    shortlist = Shortlist(min_score, required, top, rank_by)
    try:
        shortlist.validate(run_taxonomy)
    except TaxonomyError as error:
        raise CliError(f"--require: {error}", ExitCode.USAGE) from None
    cache: ResultCache | None = None
    if not no_cache:
        try:
            cache = ResultCache()
        except CacheError as error:
            click.echo(with_flags(f"warning: the cache is off: {error}"), err=True)
    bar = _ProgressBar() if sys.stderr.isatty() else None
    try:
        report = screen(
            folders,
            run_taxonomy,
            checker.options,
            recursive=recursive,
            follow_links=not no_follow_links,
            fold_same_documents=not keep_duplicates,
            jobs=jobs,
            timeout=timeout,
            cache=cache,
            shortlist=shortlist,
            progress=bar,
            engine=runner,
        )
        report = report_with_flags(report)
        if bar is not None:
            bar.clear()
        width = max(40, shutil.get_terminal_size((120, 24)).columns)
        print_and_write(report, out[0] if out else None, partial(click.echo, nl=False), width)
        for path in out[1:]:
            write_report(report, path)
    except KeyboardInterrupt:
        if bar is not None:
            bar.clear()
        message = "interrupted; no report was written" if out else "interrupted"
        raise CliError(message, ExitCode.INTERRUPTED) from None
    except ScreeningError as error:
        raise CliError(str(error)) from None
    finally:
        if cache is not None:
            try:
                cache.close()
            except CacheError as error:
                click.echo(with_flags(f"warning: {error}"), err=True)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(summary_line(report), err=True)
    for path in out:
        click.echo(f"report: {path}", err=True)
    if report.failed:
        click.echo(
            f"{report.failed} file(s) could not be scored; see the status column (exit status 4)",
            err=True,
        )
        raise click.exceptions.Exit(ExitCode.SOME_FILES_FAILED)


def _target(checker: Any, job: Path | None, level: str | None) -> tuple[Any, Any, Any]:
    """The taxonomy a run uses (with level skills or posting terms), the fit that ranks, and
    the posting read for --job (levels and postings imported only when asked for)."""
    taxonomy = checker.taxonomy
    if job is not None and level is not None:
        raise CliError("--job and --level rank in different ways; give one", ExitCode.USAGE)
    if level is not None:
        from ..levels import level_ids, level_score, with_level_skills

        if level not in level_ids(taxonomy):
            known = ", ".join(level_ids(taxonomy)) or "none (the taxonomy has no [[level]])"
            raise CliError(f"--level: unknown level {level!r}; levels are: {known}", ExitCode.USAGE)
        run = with_level_skills(taxonomy)
        return run, lambda r: level_score(run, level, (*r.matched, *r.extras)), None
    if job is not None:
        from ..posting.targets import job_score, with_terms

        posting = load_posting(checker, job)
        require_skills(posting, taxonomy)
        return with_terms(taxonomy, posting), lambda r: job_score(posting, r), posting
    return taxonomy, None, None


class _ProgressBar:
    """Files done, rate and time left, redrawn in place on stderr at most ten times a second."""

    def __init__(self, width: int = 24) -> None:
        self.width = width
        self.drawn = 0.0
        self.first: tuple[float, int] | None = None

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        fresh = progress.done - progress.cached
        if self.first is None and fresh:
            # The rate is timed from the first file read, so worker start-up does not skew it.
            self.first = (now, fresh)
        if progress.done < progress.total and now - self.drawn < 0.1:
            return
        self.drawn = now
        rate = 0.0
        if self.first is not None and now > self.first[0]:
            rate = (fresh - self.first[1]) / (now - self.first[0])
        left = progress.total - progress.done
        eta = _clock(left / rate) if rate > 0 else "--:--" if left else "0:00"
        filled = self.width * progress.done // max(progress.total, 1)
        bar = "#" * filled + "-" * (self.width - filled)
        click.echo(
            f"\r[{bar}] {progress.done}/{progress.total} files  {rate:.1f} files/s  "
            f"{eta} left  {progress.failed} failed\x1b[K",
            nl=False,
            err=True,
        )

    def clear(self) -> None:
        if self.drawn:
            click.echo("\r\x1b[K", nl=False, err=True)
            self.drawn = 0.0


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"
