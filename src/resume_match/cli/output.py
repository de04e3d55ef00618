"""Where a report goes: stdout, or a file written whole (``--out``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .common import CliError, ExitCode

HTML_SUFFIXES = (".html", ".htm")


def check_writable(out: Path) -> None:
    """Refuse an --out path that cannot be written before any work is done."""
    if out.is_dir():
        raise CliError(f"{out}: is a folder; give a file name for --out", ExitCode.USAGE)
    folder = out.resolve().parent
    if not folder.is_dir():
        raise CliError(
            f"{out}: cannot be written: the folder {folder} does not exist", ExitCode.USAGE
        )


def write_output(text: str, out: Path | None) -> None:
    """Print ``text``, or write it to ``out`` atomically (an existing file is replaced whole)."""
    if out is None:
        click.echo(text, nl=False)
        return
    from ..errors import ResumeMatchError
    from ..screen.output import atomic_write

    try:
        atomic_write(out, lambda handle: handle.write(text))
    except ResumeMatchError as error:
        raise CliError(str(error)) from None
    click.echo(f"report: {out}", err=True)


def render_check_html(result: Any, extra: dict[str, Any] | None = None) -> str:
    """The HTML page of a check result, with each document's text and its evidence marked;
    ``extra`` adds the ``job`` and ``career`` objects of ``--job`` / ``--career``."""
    from ..html import marked_text, render_check_page
    from ..report import check_to_dict

    documents = [d for d in (result.resume, result.cover_letter) if d is not None]
    texts = [t for t in map(marked_text, documents) if t is not None]
    data = check_to_dict(result)
    data.update((k, v) for k, v in (extra or {}).items() if v is not None)
    return render_check_page(data, texts)
