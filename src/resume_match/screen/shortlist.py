"""Rank the scored candidates and apply the shortlist filters; the finished report."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..errors import MIN_SCORE_HINT
from ..model import CheckResult, DocumentResult
from ..taxonomy import Taxonomy
from .discover import SkippedFile
from .pairing import Candidate


@dataclass(frozen=True)
class CandidateResult:
    """A candidate's check result, rank among the scored candidates, and why it was filtered out."""

    candidate: Candidate
    check: CheckResult
    rank: int | None = None
    filtered_out: str = ""
    fit: float | None = None

    @property
    def name(self) -> str:
        return self.candidate.name

    @property
    def main(self) -> DocumentResult:
        return self.check.main

    @property
    def shortlisted(self) -> bool:
        return self.main.ok and not self.filtered_out

    @property
    def documents(self) -> tuple[DocumentResult, ...]:
        letter = self.check.cover_letter
        return (self.check.resume,) if letter is None else (self.check.resume, letter)


@dataclass(frozen=True)
class Shortlist:
    """Filters that pick the shortlist; candidates they drop stay in the report with the reason."""

    min_score: float | None = None
    require: tuple[str, ...] = ()
    top: int | None = None
    rank_by: Callable[[DocumentResult], float] | None = field(default=None, compare=False)
    """A fit that ranks instead of the coverage score (a posting's, a level's); --min-score
    then applies to it."""

    def score_of(self, result: DocumentResult) -> float:
        """What ranks and gates a scored result: the fit when there is one, else the score."""
        return self.rank_by(result) if self.rank_by is not None else result.score or 0.0

    def fit_of(self, result: CandidateResult) -> float | None:
        """The fit a report shows for a candidate: only when ranking by one, and when scored."""
        if self.rank_by is None or not result.main.ok:
            return None
        return self.score_of(result.main)

    def validate(self, taxonomy: Taxonomy) -> None:
        """Raise :class:`TaxonomyError` naming the known ids when a required id is unknown."""
        for skill_id in self.require:
            taxonomy.skill(skill_id)

    def reason(self, result: DocumentResult) -> str:
        """Why a scored result misses the shortlist (before ``top``), or "" when it passes."""
        return self.reason_for(self.score_of(result), found_ids(result))

    def reason_for(self, score: float | None, found: set[str]) -> str:
        """:meth:`reason` from what ranks (:meth:`score_of`) and the ids of the skills found."""
        reasons = []
        score = score or 0.0
        if self.min_score is not None and score < self.min_score:
            reasons.append(f"score {score:.1f} is below {MIN_SCORE_HINT} {self.min_score:g}")
        missing = [skill_id for skill_id in self.require if skill_id not in found]
        if missing:
            reasons.append(f"missing required {', '.join(missing)}")
        return "; ".join(reasons)

    @property
    def active(self) -> bool:
        return self.min_score is not None or bool(self.require) or self.top is not None


@dataclass(frozen=True)
class ScreenReport:
    """A finished screen: candidates in rank order (unscored ones last) and the skipped paths.

    ``failed`` counts files whose status is not ``ok``; ``read`` counts files scored in this run,
    ``cached`` those whose earlier result was reused; ``duplicates`` the files folded into another
    candidate because they hold the same document. From :func:`screen`, ``candidates`` is read
    from the run's store one at a time, so a screen of a million files fits in memory.
    """

    candidates: Sequence[CandidateResult]
    skipped: tuple[SkippedFile, ...]
    taxonomy: Taxonomy
    shortlist: Shortlist = field(default_factory=Shortlist)
    read: int = 0
    cached: int = 0
    failed: int = 0
    seconds: float = 0.0
    warnings: tuple[str, ...] = ()
    duplicates: int = 0
    shortlist_size: int | None = None
    outline: Callable[[], Iterable[tuple[Candidate, str]]] | None = field(
        default=None, compare=False, repr=False
    )
    """The table's rows as ``(candidate, status)`` without their results, when the screen can
    give them cheaply (its store); None: the table reads :attr:`candidates`."""

    @property
    def files(self) -> int:
        return self.read + self.cached

    @property
    def shortlisted(self) -> tuple[CandidateResult, ...]:
        return tuple(c for c in self.candidates if c.shortlisted)

    @property
    def shortlisted_count(self) -> int:
        """How many are shortlisted, without reading every candidate when the screen knows."""
        if self.shortlist_size is not None:
            return self.shortlist_size
        return sum(1 for c in self.candidates if c.shortlisted)


def found_ids(result: DocumentResult) -> set[str]:
    """Ids of every skill a result shows, core or extra (what ``--require`` asks about)."""
    return {m.skill.id for m in (*result.matched, *result.extras)}


def rank_candidates(
    results: Iterable[CandidateResult], shortlist: Shortlist | None = None
) -> tuple[CandidateResult, ...]:
    """Order by score (highest first), then name; number the scored ones and apply the filters."""
    shortlist = shortlist or Shortlist()
    ordered = sorted(
        results,
        key=lambda r: (
            not r.main.ok,
            -(shortlist.score_of(r.main) if r.main.ok else 0.0),
            r.name,
            [str(p) for p in r.candidate.files],
        ),
    )
    keys = (
        (r.main.status, shortlist.score_of(r.main) if r.main.ok else None, found_ids(r.main))
        for r in ordered
    )
    return tuple(
        dataclasses.replace(result, rank=rank, filtered_out=reason, fit=shortlist.fit_of(result))
        for result, (rank, reason) in zip(ordered, number(keys, shortlist), strict=True)
    )


def number(
    ordered: Iterable[tuple[str, float | None, set[str]]], shortlist: Shortlist
) -> Iterator[tuple[int | None, str]]:
    """Rank and reason for each ``(status, score_of, found ids)`` in rank order, as one pass.

    The scored are numbered from 1; the unscored get no rank; ``--top`` counts only those that
    passed the other filters.
    """
    rank = kept = 0
    for status, score, found in ordered:
        if status != "ok":
            yield None, f"not scored ({status})"
            continue
        rank += 1
        reason = shortlist.reason_for(score, found)
        if not reason and shortlist.top is not None and kept >= shortlist.top:
            reason = f"not in the top {shortlist.top}"
        kept += not reason
        yield rank, reason
