"""The library's front door: check one document (and its cover letter) against a taxonomy."""

from __future__ import annotations

import time
from dataclasses import replace
from functools import partial
from pathlib import Path

from . import isolation
from .errors import DocumentError, crashed, internal_error, over_memory, too_slow
from .matching import SkillMatcher
from .model import CheckResult, Document, DocumentResult, Flag, SkillMatch
from .reading import ReadOptions, start_reading
from .scoring import coverage, found_ids
from .taxonomy import Taxonomy, load_taxonomy

__all__ = ["CheckResult", "Checker", "DocumentResult", "check"]


class Checker:
    """Reads, matches and scores documents; build once, then check many files with it."""

    def __init__(
        self, taxonomy: Taxonomy | None = None, options: ReadOptions | None = None
    ) -> None:
        self.taxonomy = taxonomy or load_taxonomy()
        self.options = options or ReadOptions()
        self._matcher: SkillMatcher | None = None

    @property
    def matcher(self) -> SkillMatcher:
        if self._matcher is None:
            self._matcher = SkillMatcher(self.taxonomy)
        return self._matcher

    def check_document(self, path: Path | str) -> DocumentResult:
        """Score one file; a file that cannot be read gives a result with its status and reason."""
        started = time.monotonic()
        try:
            finish_reading = start_reading(path, self.options)
        except DocumentError as error:
            return DocumentResult(file=str(path), status=error.status, reason=error.message)
        _ = self.matcher  # built here while a child reads the file
        try:
            document = finish_reading()
        except DocumentError as error:
            return DocumentResult(file=str(path), status=error.status, reason=error.message)
        if not self.options.isolate:
            return self._score(str(path), document)
        return self._score_in_child(str(path), document, time.monotonic() - started)

    def _score(self, file: str, document: Document) -> DocumentResult:
        matches = self.matcher.match(document)
        return self._result(file, document.kind, matches, document.flags, len(document.pages))

    def _score_in_child(self, file: str, document: Document, spent: float) -> DocumentResult:
        """Match in a child too, so that the time limit holds for the whole check.

        The child is forked with the matcher built, so it starts at once; it gets what is left
        of the file's time limit after reading.
        """
        options = self.options
        remaining = options.time_limit - spent
        if remaining <= 0:
            return DocumentResult(file=file, status="error", reason=too_slow(options.time_limit))
        limits = isolation.Limits(remaining, options.max_memory_mb)
        outcome = isolation.run(partial(self._score, file, document), limits)
        if outcome.value is not None:
            return outcome.value
        if outcome.failure == "timeout":
            reason = too_slow(options.time_limit)
        elif outcome.failure == "crash":
            reason = crashed(outcome.detail, options.max_memory_mb)
        elif outcome.failure == "memory":
            reason = over_memory(options.max_memory_mb)
        else:
            reason = internal_error(outcome.detail or "no answer")
        return DocumentResult(file=file, status="error", reason=reason)

    def check(self, resume: Path | str, cover_letter: Path | str | None = None) -> CheckResult:
        """Check a resume, and a cover letter with it; a skill shown in either counts for both."""
        resume_result = self.check_document(resume)
        if cover_letter is None:
            return CheckResult(resume_result, taxonomy=self.taxonomy.id)
        letter_result = self.check_document(cover_letter)
        return CheckResult(
            resume_result,
            letter_result,
            self.combine([resume_result, letter_result]),
            taxonomy=self.taxonomy.id,
        )

    def combine(self, results: list[DocumentResult]) -> DocumentResult:
        """One result for several documents of one person: every skill any of them shows."""
        readable = [r for r in results if r.ok]
        files = " + ".join(r.file for r in results)
        if not readable:
            reasons = "; ".join(f"{r.file}: {r.reason}" for r in results)
            return DocumentResult(file=files, status=results[0].status, reason=reasons)
        merged: dict[str, list[SkillMatch]] = {}
        for result in readable:
            for match in (*result.matched, *result.extras):
                merged.setdefault(match.skill.id, []).append(match)
        matches = [
            SkillMatch(skill, tuple(e for m in merged[skill.id] for e in m.evidence))
            for skill in self.taxonomy.skills
            if skill.id in merged
        ]
        flags = tuple(flag for r in readable for flag in r.flags)
        reason = "; ".join(f"{r.file}: {r.reason}" for r in results if not r.ok)
        combined = self._result(files, "combined", matches, flags, sum(r.pages for r in readable))
        return replace(combined, reason=reason)

    def _result(
        self, file: str, kind: str, matches: list[SkillMatch], flags: tuple[Flag, ...], pages: int
    ) -> DocumentResult:
        cover = coverage(self.taxonomy, found_ids(m for m in matches if m.skill.core))
        return DocumentResult(
            file=file,
            status="ok",
            kind=kind,
            score=cover.score,
            technical_score=cover.technical_score,
            soft_score=cover.soft_score,
            matched=tuple(m for m in matches if m.skill.core),
            missing=cover.missing,
            extras=tuple(m for m in matches if not m.skill.core),
            flags=flags,
            pages=pages,
        )


def check(
    resume: Path | str,
    cover_letter: Path | str | None = None,
    taxonomy: Taxonomy | Path | str | None = None,
    options: ReadOptions | None = None,
) -> CheckResult:
    """Check one resume (and optionally its cover letter) against a taxonomy.

    Args:
        resume: path to a PDF, DOCX, TXT or MD file.
        cover_letter: optional second document of the same person.
        taxonomy: a loaded :class:`Taxonomy`, a taxonomy file, or None for the bundled one.
        options: reading limits; the defaults suit resumes.

    Returns:
        A :class:`CheckResult`; unreadable files come back with a status, never as an exception.
    """
    if not isinstance(taxonomy, Taxonomy):
        taxonomy = load_taxonomy(taxonomy)
    return Checker(taxonomy, options).check(resume, cover_letter)
