"""The library's front door: check one document (and its cover letter) against a taxonomy."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from .errors import DocumentError
from .matching import SkillMatcher
from .model import CheckResult, DocumentResult, Flag, SkillMatch
from .posting import Posting, read_posting
from .posting.fit import JobFit, fit
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
        return self._check_with_text(path)[0]

    def _check_with_text(self, path: Path | str) -> tuple[DocumentResult, str]:
        try:
            finish_reading = start_reading(path, self.options)
        except DocumentError as error:
            return DocumentResult(file=str(path), status=error.status, reason=error.message), ""
        matcher = self.matcher
        try:
            document = finish_reading()
        except DocumentError as error:
            return DocumentResult(file=str(path), status=error.status, reason=error.message), ""
        matches = matcher.match(document)
        result = self._result(
            str(path), document.kind, matches, document.flags, len(document.pages)
        )
        return result, document.text

    def read_posting(self, path: Path | str, name: str = "") -> Posting:
        """Read a job posting with this checker's readers and matcher.

        Raises:
            PostingError: the posting cannot be read or is too short.
        """
        return read_posting(path, self.matcher, self.options, name)

    def check_job(
        self,
        resume: Path | str,
        posting: Posting,
        cover_letter: Path | str | None = None,
        today: date | None = None,
    ) -> tuple[CheckResult, JobFit | None]:
        """Check a resume as :meth:`check` does, and against ``posting``: score, terms, years.

        The fit is None when the resume could not be read.
        """
        resume_result, resume_text = self._check_with_text(resume)
        letter_text = ""
        if cover_letter is None:
            result = CheckResult(resume_result, taxonomy=self.taxonomy.id)
        else:
            letter_result, letter_text = self._check_with_text(cover_letter)
            combined = self.combine([resume_result, letter_result])
            result = CheckResult(resume_result, letter_result, combined, taxonomy=self.taxonomy.id)
        if not result.main.ok:
            return result, None
        job = fit(
            posting, result.main, resume_text, self.taxonomy, letter_text, today, resume_result
        )
        return result, job

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
