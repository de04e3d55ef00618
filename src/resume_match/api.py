"""The library's front door: check one document (and its cover letter) against a taxonomy."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import isolation
from .errors import DocumentError, crashed, internal_error, over_memory, too_slow
from .model import CheckResult, Document, DocumentResult, Flag, SkillMatch
from .nlp import blank_english
from .reading import ReadOptions, start_reading
from .reading.genre import not_a_resume
from .reading.sniff import check_file, read_head, sniff
from .scoring import coverage, found_ids
from .taxonomy import Taxonomy, load_taxonomy

if TYPE_CHECKING:  # imported where used: a plain check needs neither postings nor levels
    from .levels import CareerFit
    from .matching import SkillMatcher
    from .posting import Posting
    from .posting.fit import JobFit

__all__ = ["CheckResult", "Checker", "DocumentResult", "check"]


@dataclass(frozen=True)
class DetailedCheck:
    """A check result with, when asked for, its fit to a posting and to the career path."""

    check: CheckResult
    job: JobFit | None = None
    career: CareerFit | None = None


def _unreadable(path: Path | str, error: DocumentError) -> DocumentResult:
    return DocumentResult(file=str(path), status=error.status, reason=error.message)


def _merge(matches: list[SkillMatch]) -> list[SkillMatch]:
    merged: dict[str, SkillMatch] = {}
    for match in matches:
        if match.skill.id in merged:
            match = SkillMatch(match.skill, merged[match.skill.id].evidence + match.evidence)
        merged[match.skill.id] = match
    return list(merged.values())


class Checker:
    """Reads, matches and scores documents; build once, then check many files with it."""

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        options: ReadOptions | None = None,
        keep_text: bool = False,
    ) -> None:
        self.taxonomy = taxonomy or load_taxonomy()
        self.options = options or ReadOptions()
        # The HTML report shows evidence in the document's own words; a batch need not keep them.
        self.keep_text = keep_text
        self._matcher: SkillMatcher | None = None
        self._level_matcher: SkillMatcher | None = None

    @property
    def matcher(self) -> SkillMatcher:
        if self._matcher is None:
            # Imported here: a process that only reads (a screen's reader, check's child) is
            # forked before it, and sooner.
            from .matching import SkillMatcher

            self._matcher = SkillMatcher(self.taxonomy, blank_english())
        return self._matcher

    def check_inputs(self, *paths: Path | str) -> None:
        """Refuse a missing, unsupported or mislabelled file before any is read (cheap checks).

        Raises:
            DocumentError: for the first path that fails, naming it.
        """
        for path in map(Path, paths):
            sniff(path, check_file(path, self.options), read_head(path))

    def check_document(self, path: Path | str) -> DocumentResult:
        """Score one file; a file that cannot be read gives a result with its status and reason."""
        return self._check_with_text(path)[0]

    def read(self, path: Path | str) -> Document | DocumentResult:
        """Read a file without matching it (so without spaCy): its :class:`Document`, or the
        result of a file that cannot be read. :meth:`check_read` finishes the check."""
        try:
            return start_reading(path, self.options)()
        except DocumentError as error:
            return _unreadable(path, error)

    def check_read(self, path: Path | str, document: Document) -> DocumentResult:
        """Finish :meth:`check_document` for a document :meth:`read` gave; the time limit of
        ``options.isolate`` counts from now."""
        return self._check_read(path, document, time.monotonic())[0]

    def _check_with_text(self, path: Path | str) -> tuple[DocumentResult, Document | None]:
        started = time.monotonic()
        try:
            finish_reading = start_reading(path, self.options)
        except DocumentError as error:
            return _unreadable(path, error), None
        _ = self.matcher  # built here while a child reads the file
        try:
            document = finish_reading()
        except DocumentError as error:
            return _unreadable(path, error), None
        return self._check_read(path, document, started)

    def _check_read(
        self, path: Path | str, document: Document, started: float
    ) -> tuple[DocumentResult, Document | None]:
        # A posting names every skill it asks for: scored, it would outrank the applicants.
        reason = not_a_resume(document.text)
        if reason is not None:
            unscored = DocumentResult(
                file=str(path),
                status="not-a-resume",
                reason=reason,
                kind=document.kind,
                flags=document.flags,
                pages=len(document.pages),
            )
            return unscored, None
        if self.options.isolate:
            result = self._score_in_child(str(path), document, time.monotonic() - started)
        else:
            result = self._score(str(path), document)
        if not result.ok:
            return result, None
        if self.keep_text:
            result = replace(result, text=document.text)
        return result, document

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

    def read_posting(self, path: Path | str, name: str = "") -> Posting:
        """Read a job posting with this checker's readers and matcher.

        Raises:
            PostingError: the posting cannot be read or is too short.
        """
        from .posting import read_posting

        return read_posting(path, self.matcher, self.options, name)

    def check_detailed(
        self,
        resume: Path | str,
        cover_letter: Path | str | None = None,
        posting: Posting | None = None,
        career: bool = False,
        today: date | None = None,
    ) -> DetailedCheck:
        """Check as :meth:`check` does, then against a posting and/or the career path.

        The job and career parts are None when not asked for or when the resume is unreadable.
        """
        from .experience import read_experience
        from .levels import career_fit
        from .posting.fit import fit

        resume_result, resume_doc = self._check_with_text(resume)
        letter_doc = None
        if cover_letter is None:
            result = CheckResult(resume_result, taxonomy=self.taxonomy.id)
        else:
            letter_result, letter_doc = self._check_with_text(cover_letter)
            combined = self.combine([resume_result, letter_result])
            result = CheckResult(resume_result, letter_result, combined, taxonomy=self.taxonomy.id)
        if resume_doc is None:
            return DetailedCheck(result)
        resume_text = resume_doc.text
        letter_text = letter_doc.text if letter_doc is not None else ""
        job = None
        if posting is not None:
            job = fit(
                posting, result.main, resume_text, self.taxonomy, letter_text, today, resume_result
            )
        level = None
        if career:
            documents = [d for d in (resume_doc, letter_doc) if d is not None]
            matches = [m for d in documents for m in self.level_matcher.match(d)]
            offsets = [e.start for m in self.level_matcher.match(resume_doc) for e in m.evidence]
            titles = [t for lvl in self.taxonomy.levels for t in lvl.titles]
            experience = read_experience(resume_text, offsets, titles, today)
            level = career_fit(self.taxonomy, _merge(matches), experience)
        return DetailedCheck(result, job, level)

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

    @property
    def level_matcher(self) -> SkillMatcher:
        """A matcher for the skills and the level skills together (career level, screen --level)."""
        if self._level_matcher is None:
            from .levels import with_level_skills
            from .matching import SkillMatcher

            self._level_matcher = SkillMatcher(with_level_skills(self.taxonomy), blank_english())
        return self._level_matcher

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
