"""Screen folders of applications: many files -> ranked candidates.

The stages, each a module: :mod:`.discover` finds the files (and says why others are skipped),
:mod:`.pairing` groups them into candidates, :mod:`.run` scores them (reusing the cache) in the
worker processes of :mod:`.pool`, :mod:`.shortlist` ranks and filters, and :mod:`.output` and
:mod:`.table` write the report for programs and for people. docs/screen.md follows one run
through them.
"""

from __future__ import annotations

from .discover import Discovery, FoundFile, SkippedFile, discover, display_path
from .output import (
    REPORT_SUFFIXES,
    candidate_to_dict,
    check_output_path,
    csv_columns,
    defuse_formula,
    report_summary,
    skipped_to_dict,
    write_report,
)
from .pairing import Candidate, is_cover_letter, pair_files
from .pool import CheckFunction, available_cpus
from .run import DEFAULT_TIMEOUT, Progress, check_file, screen
from .shortlist import CandidateResult, ScreenReport, Shortlist, rank_candidates
from .table import render_table, skipped_summary, summary_line

__all__ = [
    "DEFAULT_TIMEOUT",
    "REPORT_SUFFIXES",
    "Candidate",
    "CandidateResult",
    "CheckFunction",
    "Discovery",
    "FoundFile",
    "Progress",
    "ScreenReport",
    "Shortlist",
    "SkippedFile",
    "available_cpus",
    "candidate_to_dict",
    "check_file",
    "check_output_path",
    "csv_columns",
    "defuse_formula",
    "discover",
    "display_path",
    "is_cover_letter",
    "pair_files",
    "rank_candidates",
    "render_table",
    "report_summary",
    "screen",
    "skipped_summary",
    "skipped_to_dict",
    "summary_line",
    "write_report",
]
