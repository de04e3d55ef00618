"""Name the flag for a fix: library messages say "raise the size limit", the CLI "--max-size"."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import (
    CACHE_HINT,
    INSIDE_INPUT_HINT,
    MIN_SCORE_HINT,
    RECURSIVE_HINT,
    SIZE_HINT,
    SUBFOLDER_HINT,
    TAXONOMY_PATH_HINT,
)

if TYPE_CHECKING:
    from ..model import CheckResult, DocumentResult
    from ..screen import CandidateResult, ScreenReport

FLAG_HINTS = {
    SIZE_HINT: "raise it with --max-size if this really is a resume",
    CACHE_HINT: "use --no-cache",
    TAXONOMY_PATH_HINT: "check the --taxonomy path",
    INSIDE_INPUT_HINT: "or pass --out-in-input",
    RECURSIVE_HINT: "add --recursive to search sub-folders",
    SUBFOLDER_HINT: "add --recursive to search it",
    MIN_SCORE_HINT: "--min-score",
}


def with_flags(message: str) -> str:
    """``message`` with each library hint replaced by the command-line flag that does it."""
    for hint, flag in FLAG_HINTS.items():
        if hint in message:
            message = message.replace(hint, flag)
    return message


def _document(result: DocumentResult) -> DocumentResult:
    return replace(result, reason=with_flags(result.reason)) if result.reason else result


def check_with_flags(result: CheckResult) -> CheckResult:
    """A check result whose reasons name the flags."""
    return replace(
        result,
        resume=_document(result.resume),
        cover_letter=_document(result.cover_letter) if result.cover_letter else None,
        combined=_document(result.combined) if result.combined else None,
    )


def report_with_flags(report: ScreenReport) -> ScreenReport:
    """A screen report whose reasons, filters and warnings name the flags.

    Candidates are mapped as they are read, so a report from the run's store stays there.
    """
    from ..screen.store import mapped

    def candidate(c: CandidateResult) -> CandidateResult:
        return replace(c, check=check_with_flags(c.check), filtered_out=with_flags(c.filtered_out))

    return replace(
        report,
        candidates=mapped(report.candidates, candidate),
        skipped=tuple(replace(s, reason=with_flags(s.reason)) for s in report.skipped),
        warnings=tuple(with_flags(w) for w in report.warnings),
    )
