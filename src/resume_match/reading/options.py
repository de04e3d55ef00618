"""The limits that keep one hostile file from costing more than a resume should."""

from __future__ import annotations

from dataclasses import dataclass

from ..isolation import MEMORY_MB, TIME_LIMIT


@dataclass(frozen=True)
class ReadOptions:
    """Limits that keep one hostile file from costing more than a resume should.

    SECURITY.md explains each limit. ``isolate`` (on by default, as files are untrusted) reads
    and scores the file in child processes capped at ``max_memory_mb`` of memory and, together,
    ``time_limit`` seconds, for what no check of the input can foresee; it costs a few
    milliseconds a file. Those two are the limits of :mod:`resume_match.isolation`, which
    ``screen`` puts on its workers instead (they read with ``isolate`` off).
    """

    max_bytes: int = 20 * 1024 * 1024
    max_pages: int = 30
    max_chars: int = 500_000
    max_unzipped_bytes: int = 150 * 1024 * 1024
    max_xml_bytes: int = 32 * 1024 * 1024
    max_xml_tags: int = 1_000_000
    max_zip_entries: int = 2_000
    max_pdf_stream_bytes: int = 256 * 1024 * 1024
    max_pdf_content_bytes: int = 8 * 1024 * 1024
    max_page_chars: int = 100_000
    min_words: int = 25
    pdf_engine: str = "pdfium"
    isolate: bool = True
    time_limit: float = TIME_LIMIT
    max_memory_mb: int = MEMORY_MB
