"""``resume-match text``: show exactly what was read from a file, as the matcher sees it."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import CliError
from .options import file_options, text_or_json


@click.command("text")
@click.argument("file", type=click.Path(path_type=Path))
@text_or_json
@file_options
def text_command(file: Path, output_format: str, max_size: float, pdf_engine: str) -> None:
    """Print the text read from FILE (PDF, DOCX, TXT or MD), the text skills are matched in.

    Pages and sections are marked; hidden text and dropped page furniture (a repeated header or
    footer, page numbers) are listed after each page with the reason. Exit status: 0 read,
    1 the file could not be read.
    """
    from ..errors import DocumentError
    from ..reading import ReadOptions, read_document
    from ..reading.transcript import render_transcript, transcribe, transcript_to_dict

    # Even a short file is shown: "too few words to score" is when one most wants to see them.
    options = ReadOptions(
        max_bytes=int(max_size * 1024 * 1024), pdf_engine=pdf_engine, isolate=True, min_words=1
    )
    try:
        document = read_document(file, options)
    except DocumentError as error:
        raise CliError(str(error)) from None
    transcript = transcribe(document)
    if output_format == "json":
        click.echo(json.dumps(transcript_to_dict(transcript), indent=2, ensure_ascii=False))
    else:
        click.echo(render_transcript(transcript), nl=False)
