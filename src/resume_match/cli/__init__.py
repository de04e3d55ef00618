"""The command line: parses options, calls the library, prints what it returns."""

from __future__ import annotations

import atexit
import contextlib
import errno
import gc
import os
import sys
import threading
from pathlib import Path
from typing import NoReturn

import click

from .. import __version__
from ..nlp import freeze_what_spacy_makes
from .common import CliError, ExitCode, use_color

__all__ = ["CliError", "ExitCode", "cli", "main", "use_color"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="resume-match")
def cli() -> None:
    """Score resumes and cover letters against a role's skills taxonomy.

    The bundled taxonomy is the Patient Service Representative (healthcare front office).
    Every skill found comes with the words that proved it; missing skills come with advice.
    """


def main() -> None:
    """Console-script entry point."""
    freeze_what_spacy_makes()
    try:
        try:
            cli.main(prog_name="resume-match")
        finally:
            # Output is written when it is flushed: a full disk must fail here, not at exit.
            sys.stdout.flush()
            # The collector's passes at exit over spaCy's million objects cost 60 ms; freed
            # with the process, they need none.
            gc.freeze()
    except SystemExit as done:
        _leave(done.code)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except OSError as exc:
        _output_failed(exc)


def _leave(code: object) -> NoReturn:
    """End the process with ``code`` once its exit handlers ran and its output is flushed,
    without the interpreter's teardown.

    Tearing down spaCy's million objects one by one costs a screen about 50 ms after its last
    word is written; freed with the process, they need none. A message code, or a thread that
    the interpreter would wait for, gets the ordinary exit.
    """
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if not (code is None or isinstance(code, int)) or any(not t.daemon for t in others):
        raise SystemExit(code)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        raise SystemExit(code) from None
    os._exit(code or 0)


def _output_failed(exc: OSError) -> None:
    """Standard output could not be written (a full disk, a closed pipe): say so, exit 1."""
    with contextlib.suppress(OSError, ValueError):
        # What could not be written must not be retried by the interpreter at exit.
        sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 - lives until the process ends
    if exc.errno != errno.EPIPE:  # a reader that stopped reading (| head) needs no message
        with contextlib.suppress(OSError):
            message = f"error: the output could not be written ({exc.strerror or exc})"
            click.echo(message, err=True)
    sys.exit(ExitCode.ERROR)


def _register() -> None:
    from .check import check_command, samples_command
    from .job import job_command
    from .screen import screen_command
    from .taxonomy import taxonomy_group
    from .text import text_command

    commands = (check_command, screen_command, job_command, text_command, samples_command)
    for command in (*commands, taxonomy_group):
        cli.add_command(command)


_register()
