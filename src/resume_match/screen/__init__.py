"""Screen folders of applications: many files -> ranked candidates.

The stages, each a module: :mod:`.discover` finds the files (and says why others are skipped),
:mod:`.pairing` groups them into candidates, :mod:`.run` scores them (reusing the cache) in the
worker processes of :mod:`.pool` or on a Dask cluster (:mod:`.dask_engine`, chosen in
:mod:`.engines`; :mod:`.score` is the per-file step both run, public for Spark or Ray users),
keeping results on disk in :mod:`.store`; :mod:`.shortlist` ranks and filters, :mod:`.output`
and :mod:`.table` write the report for programs and for people. docs/screen.md follows one run
through them.
"""

from __future__ import annotations

from .discover import Discovery, FoundFile, SkippedFile, discover, display_path
from .engines import ENGINES, Engine, LocalEngine, make_engine
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
from .run import DEFAULT_TIMEOUT, Progress, screen
from .score import CheckFunction, FileScorer, available_cpus, check_file, score_file
from .shortlist import CandidateResult, ScreenReport, Shortlist, rank_candidates
from .table import render_table, skipped_summary, summary_line

__all__ = [
    "DEFAULT_TIMEOUT",
    "ENGINES",
    "REPORT_SUFFIXES",
    "Candidate",
    "CandidateResult",
    "CheckFunction",
    "Discovery",
    "Engine",
    "FileScorer",
    "FoundFile",
    "LocalEngine",
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
    "make_engine",
    "pair_files",
    "rank_candidates",
    "render_table",
    "report_summary",
    "score_file",
    "screen",
    "skipped_summary",
    "skipped_to_dict",
    "summary_line",
    "write_report",
]
