"""A screen's candidates after the last file: folded, ranked and rebuilt from the run's store.

Folding and ranking read the store's small columns; a candidate's whole result is decoded only
when a report asks for it (or when ranking needs it: a cover letter, a fit), one at a time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from ..api import Checker
from ..model import CheckResult, DocumentResult
from ..reading import ReadOptions
from ..report import result_from_dict
from ..taxonomy import Taxonomy
from .discover import FilePath, display_path
from .duplicates import fold_duplicates
from .pairing import Candidate
from .score import error_payload
from .shortlist import CandidateResult, Shortlist, found_ids, number
from .store import Fields, RunStore

_CHUNK = 500


def fold_stored(
    candidates: list[Candidate], files: list[FilePath], store: RunStore
) -> tuple[list[Candidate], int]:
    """Fold candidates whose resumes are one document (by the workers' text fingerprints).

    Fingerprints are read from the store's columns one candidate at a time and kept as compact
    arrays; no result is decoded.
    """
    index_of = {path: index for index, path in enumerate(files)}

    resumes = store.fields_of(index_of[c.resume] for c in candidates)

    def sketch(path: FilePath) -> Sequence[int] | None:
        fields = resumes.get(index_of[path])
        return None if fields is None else fields.sketch

    def score(candidate: Candidate) -> float | None:
        fields = (store.fields(index_of[p]) for p in candidate.files)
        return max(((f.score if f else None) or 0.0 for f in fields), default=None)

    return fold_duplicates(candidates, sketch, score)


class StoredResults:
    """The candidates' check results, rebuilt from the store when the ranking or a report asks."""

    def __init__(
        self,
        candidates: list[Candidate],
        files: list[FilePath],
        store: RunStore,
        taxonomy: Taxonomy,
        options: ReadOptions,
    ) -> None:
        self.candidates = candidates
        self.store = store
        self.taxonomy = taxonomy
        self.combiner = Checker(taxonomy, options)
        self.shortlist = Shortlist()
        self.index_of = {path: index for index, path in enumerate(files)}
        self.skill_ids = {skill.id for skill in taxonomy.skills}

    def rank(self, shortlist: Shortlist) -> int:
        """Sort and number the candidates in the store; how many are shortlisted."""
        self.shortlist = shortlist
        for start in range(0, len(self.candidates), _CHUNK):
            chunk = self.candidates[start : start + _CHUNK]
            columns = self.store.fields_of(self.index_of[c.resume] for c in chunk)
            for pos, candidate in enumerate(chunk, start):
                files = [str(p) for p in candidate.files]
                status, score, found, starred = self._key(pos, shortlist, columns)
                self.store.add_candidate(pos, status, score, candidate.name, files, found, starred)
        return self.store.rank(lambda keys: number(keys, shortlist))

    def _key(
        self, pos: int, shortlist: Shortlist, columns: dict[int, Fields]
    ) -> tuple[str, float | None, set[str], bool]:
        """What ranks candidate ``pos`` (and whether a document of a scored one failed): from the
        store's columns (``columns``, by file) for a lone resume ranked by its score; a cover
        letter (combined with the resume) or a fit needs the whole result."""
        candidate = self.candidates[pos]
        if candidate.cover_letter is None and shortlist.rank_by is None:
            fields = columns.get(self.index_of[candidate.resume])
            if fields is None:
                return "error", None, set(), False
            found = {i for i in fields.found if i in self.skill_ids}
            ok = fields.status == "ok"
            return fields.status, (fields.score or 0.0) if ok else None, found, False
        check = self.check(pos)
        main = check.main
        documents = (
            (check.resume,) if check.cover_letter is None else (check.resume, check.cover_letter)
        )
        starred = main.ok and any(not d.ok for d in documents)
        score = shortlist.score_of(main) if main.ok else None
        return main.status, score, found_ids(main), starred

    def outline(self) -> Iterator[tuple[Candidate, str]]:
        """The table's rows (shortlisted or unscored) as ``(candidate, status)``, with ``ok*``
        for a scored one missing a document, in rank order, without decoding any result."""
        for pos, status, starred, filtered_out in self.store.outline():
            if status != "ok" or not filtered_out:
                yield self.candidates[pos], "ok*" if starred else status

    def build(self, pos: int, rank: int | None, filtered_out: str) -> CandidateResult:
        result = CandidateResult(self.candidates[pos], self.check(pos), rank, filtered_out)
        fit = self.shortlist.fit_of(result)
        return result if fit is None else dataclasses.replace(result, fit=fit)

    def check(self, pos: int) -> CheckResult:
        candidate = self.candidates[pos]
        resume = self._document(self.index_of[candidate.resume], candidate.resume)
        if candidate.cover_letter is None:
            return CheckResult(resume, taxonomy=self.taxonomy.id)
        letter = self._document(self.index_of[candidate.cover_letter], candidate.cover_letter)
        combined = self.combiner.combine([resume, letter])
        return CheckResult(resume, letter, combined, taxonomy=self.taxonomy.id)

    def _document(self, index: int, path: FilePath) -> DocumentResult:
        payload = self.store.get(index) or error_payload("was not scored")
        return result_from_dict(payload, self.taxonomy, file=display_path(path))
