"""Screen folders of applications: find the files, pair resumes with cover letters, score them in
worker processes, rank and shortlist the candidates, and write the report.

Each worker process builds one :class:`Checker` and scores one file at a time. A file that takes
longer than the time limit has its worker killed and replaced; a worker that dies takes only its
current file with it. Results travel back as the plain dicts of :func:`report.result_to_dict`.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import errno
import hashlib
import json
import multiprocessing
import os
import re
import signal
import stat
import tempfile
import textwrap
import threading
import time
import unicodedata
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import IO, Any

from . import __version__, isolation
from .api import Checker
from .cache import ResultCache
from .errors import (
    INSIDE_INPUT_HINT,
    RECURSIVE_HINT,
    VANISHED,
    CacheError,
    ScreeningError,
    UnsupportedFileError,
    cannot_open,
    over_memory,
)
from .isolation import TIME_LIMIT
from .model import CheckResult, DocumentResult, Evidence, Flag, SkillMatch, Status
from .reading import SUPPORTED_SUFFIXES, ReadOptions, read_document
from .report import check_to_dict, result_to_dict
from .taxonomy import Taxonomy, load_taxonomy

DEFAULT_TIMEOUT = TIME_LIMIT
REPORT_SUFFIXES = (".csv", ".jsonl", ".json")
CheckFunction = Callable[[Checker, Path], DocumentResult]

_COVER_MARKERS = frozenset({"cover", "coverletter", "cl"})
_RESUME_MARKERS = frozenset({"resume", "résumé", "cv"})
_SEPARATORS = re.compile(r"[\s_.\-]+")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_UNLISTED_SKIPS = frozenset({"hidden", "lock file", "sub-folder"})
_STARTUP_LIMIT = 180.0


# --- data -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkippedFile:
    """A path that was not scored, and why; ``kind`` is a short stable name for counting."""

    path: str
    kind: str
    reason: str

    @property
    def listed(self) -> bool:
        """Whether reports give it a row; hidden files, lock files, sub-folders are only counted."""
        return self.kind not in _UNLISTED_SKIPS


@dataclass(frozen=True)
class FoundFile:
    """A supported file; files pair up within one (``label``, ``folder``) group.

    ``label`` names the input folder when several are screened; ``folder`` and ``rel`` are the
    file's folder and path inside it (for a file given by itself: as given).
    """

    path: Path
    label: str
    folder: str
    rel: str
    size: int
    in_subfolder: bool


@dataclass(frozen=True)
class Discovery:
    """What a search of the input folders found, and what it skipped."""

    files: tuple[FoundFile, ...]
    skipped: tuple[SkippedFile, ...]


@dataclass(frozen=True)
class Candidate:
    """One person's documents: a resume (or a lone cover letter) and maybe a cover letter."""

    name: str
    resume: Path
    cover_letter: Path | None = None

    @property
    def files(self) -> tuple[Path, ...]:
        return (self.resume,) if self.cover_letter is None else (self.resume, self.cover_letter)


@dataclass(frozen=True)
class CandidateResult:
    """A candidate's check result, rank among the scored candidates, and why it was filtered out."""

    candidate: Candidate
    check: CheckResult
    rank: int | None = None
    filtered_out: str = ""

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

    def validate(self, taxonomy: Taxonomy) -> None:
        """Raise :class:`TaxonomyError` naming the known ids when a required id is unknown."""
        for skill_id in self.require:
            taxonomy.skill(skill_id)

    def reason(self, result: DocumentResult) -> str:
        """Why a scored result misses the shortlist (before --top), or "" when it passes."""
        reasons = []
        score = result.score or 0.0
        if self.min_score is not None and score < self.min_score:
            reasons.append(f"score {score:g} is below --min-score {self.min_score:g}")
        found = {m.skill.id for m in (*result.matched, *result.extras)}
        missing = [skill_id for skill_id in self.require if skill_id not in found]
        if missing:
            reasons.append(f"missing required {', '.join(missing)}")
        return "; ".join(reasons)

    @property
    def active(self) -> bool:
        return self.min_score is not None or bool(self.require) or self.top is not None


@dataclass(frozen=True)
class Progress:
    """How far a screen has got: ``done`` counts files from the cache as well as files read."""

    done: int
    total: int
    cached: int
    failed: int
    elapsed: float


@dataclass(frozen=True)
class ScreenReport:
    """A finished screen: candidates in rank order (unscored ones last) and the skipped paths.

    ``failed`` counts files whose status is not ``ok``; ``read`` counts files scored in this run,
    ``cached`` those whose earlier result was reused.
    """

    candidates: tuple[CandidateResult, ...]
    skipped: tuple[SkippedFile, ...]
    taxonomy: Taxonomy
    shortlist: Shortlist = field(default_factory=Shortlist)
    read: int = 0
    cached: int = 0
    failed: int = 0
    seconds: float = 0.0
    warnings: tuple[str, ...] = ()

    @property
    def files(self) -> int:
        return self.read + self.cached

    @property
    def shortlisted(self) -> tuple[CandidateResult, ...]:
        return tuple(c for c in self.candidates if c.shortlisted)


# --- finding files ----------------------------------------------------------------------------


def display_path(path: Path | str) -> str:
    """A path as text that can always be written out: undecodable name bytes become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def discover(
    paths: Sequence[Path], recursive: bool = False, follow_links: bool = True
) -> Discovery:
    """Find supported files under ``paths`` (folders, or files given one by one).

    Hidden files, Office lock files (``~$*``), unsupported types, symbolic-link loops and
    duplicates (the same file reached twice) are skipped with a reason; without ``recursive``
    sub-folders are skipped too; without ``follow_links``, so are symbolic links that lead out
    of the folder being searched.

    Raises:
        ScreeningError: when an input path does not exist.
    """
    found: list[FoundFile] = []
    skipped: list[SkippedFile] = []
    seen_files: dict[tuple[int, int], str] = {}
    seen_folders: set[tuple[int, int]] = set()

    def add_file(
        path: Path, info: os.stat_result, label: str, folder: str, rel: str, sub: bool
    ) -> None:
        shown = display_path(path)
        identity = (info.st_dev, info.st_ino)
        if identity in seen_files:
            skipped.append(
                SkippedFile(shown, "duplicate", f"is the same file as {seen_files[identity]}")
            )
            return
        seen_files[identity] = shown
        found.append(FoundFile(path, label, folder, rel, info.st_size, sub))

    for top in paths:
        try:
            info = top.stat()
        except OSError as exc:
            raise ScreeningError(
                f"cannot be opened ({exc.strerror or exc}); check the path", top
            ) from None
        if not stat.S_ISDIR(info.st_mode):
            kind, reason = _file_verdict(top, info)
            if kind:
                skipped.append(SkippedFile(display_path(top), kind, reason))
            else:
                parent = "" if top.parent == Path() else str(top.parent)
                add_file(top, info, "", parent, str(top), False)
            continue
        label = str(top) if len(paths) > 1 else ""
        top_resolved = top.resolve()
        seen_folders.add((info.st_dev, info.st_ino))
        stack: list[tuple[Path, str, frozenset[tuple[int, int]]]] = [
            (top, "", frozenset({(info.st_dev, info.st_ino)}))
        ]
        while stack:
            folder, rel, ancestors = stack.pop()
            try:
                with os.scandir(folder) as scan:
                    entries = sorted(scan, key=lambda e: (e.is_symlink(), e.name))
            except OSError as exc:
                skipped.append(
                    SkippedFile(
                        display_path(folder),
                        "unreadable folder",
                        cannot_open(exc),
                    )
                )
                continue
            subfolders = []
            for entry in entries:
                path = Path(entry.path)
                entry_rel = f"{rel}/{entry.name}" if rel else entry.name
                if entry.name.startswith("."):
                    skipped.append(SkippedFile(display_path(path), "hidden", "is hidden"))
                    continue
                if not follow_links and entry.is_symlink():
                    target = path.resolve()
                    if not target.is_relative_to(top_resolved):
                        skipped.append(
                            SkippedFile(
                                display_path(path),
                                "outside link",
                                f"is a symbolic link out of {display_path(top)} "
                                f"(to {display_path(target)}); not followed",
                            )
                        )
                        continue
                try:
                    entry_info = entry.stat()
                except OSError as exc:
                    skipped.append(_unstatable(path, entry, exc))
                    continue
                if stat.S_ISDIR(entry_info.st_mode):
                    identity = (entry_info.st_dev, entry_info.st_ino)
                    if not recursive:
                        skipped.append(
                            SkippedFile(
                                display_path(path),
                                "sub-folder",
                                "is a sub-folder; add --recursive to search it",
                            )
                        )
                    elif identity in ancestors:
                        skipped.append(
                            SkippedFile(
                                display_path(path),
                                "symbolic-link loop",
                                "is a symbolic link to a folder that contains it",
                            )
                        )
                    elif identity in seen_folders:
                        skipped.append(
                            SkippedFile(
                                display_path(path),
                                "duplicate",
                                "is a link to a folder already searched",
                            )
                        )
                    else:
                        seen_folders.add(identity)
                        subfolders.append((path, entry_rel, ancestors | {identity}))
                    continue
                kind, reason = _file_verdict(path, entry_info)
                if kind:
                    skipped.append(SkippedFile(display_path(path), kind, reason))
                else:
                    add_file(path, entry_info, label, rel, entry_rel, bool(rel))
            stack.extend(reversed(subfolders))
    return Discovery(tuple(found), tuple(skipped))


def _file_verdict(path: Path, info: os.stat_result) -> tuple[str, str]:
    """("", "") for a file to score, else the kind of skip and its reason."""
    if path.name.startswith("."):
        return "hidden", "is hidden"
    if path.name.startswith("~$"):
        return "lock file", "is an Office lock file (the document is open in Word)"
    if not stat.S_ISREG(info.st_mode):
        return "not a file", "is not a regular file (a pipe, socket or device)"
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        try:
            read_document(path)
        except UnsupportedFileError as error:
            return "unsupported type", error.message
        except Exception:
            pass
        return "unsupported type", "is not a supported type (supported: PDF, DOCX, TXT or MD)"
    return "", ""


def _unstatable(path: Path, entry: os.DirEntry[str], exc: OSError) -> SkippedFile:
    shown = display_path(path)
    if exc.errno == errno.ELOOP:
        return SkippedFile(
            shown, "symbolic-link loop", "is a symbolic link that loops back on itself"
        )
    if entry.is_symlink() and exc.errno == errno.ENOENT:
        return SkippedFile(
            shown, "broken link", "is a symbolic link to something that does not exist"
        )
    if exc.errno == errno.ENOENT:
        return SkippedFile(shown, "vanished", "disappeared while the folder was being searched")
    return SkippedFile(shown, "unreadable", cannot_open(exc))


# --- pairing ----------------------------------------------------------------------------------


def is_cover_letter(path: Path) -> bool:
    """True when the name has a cover-letter marker: ``cover``, ``cover-letter``, ``cl``."""
    return any(token in _COVER_MARKERS for token in _tokens(path))


def pair_files(discovery: Discovery) -> list[Candidate]:
    """Group found files into candidates, sorted by name (the rule is in docs/screen.md).

    A sub-folder whose files are one document plus at most one cover letter is one candidate,
    named after the sub-folder. Elsewhere a resume and a cover letter pair up when their names
    match once the markers (``resume``, ``cv``, ``cover``, ``letter``, ``cl``) are removed, and
    exactly one of each matches; every other file is a candidate alone.
    """
    groups: dict[tuple[str, str], list[FoundFile]] = {}
    for found in discovery.files:
        groups.setdefault((found.label, found.folder), []).append(found)
    candidates: list[Candidate] = []
    for (label, folder), files in groups.items():
        covers = [f for f in files if is_cover_letter(f.path)]
        others = [f for f in files if not is_cover_letter(f.path)]
        if files[0].in_subfolder and len(others) <= 1 and len(covers) <= 1:
            main, letter = (
                (others[0], covers[0] if covers else None) if others else (covers[0], None)
            )
            candidates.append(
                Candidate(_join(label, folder), main.path, letter.path if letter else None)
            )
            continue
        by_stem: dict[tuple[str, ...], list[FoundFile]] = {}
        for found in files:
            by_stem.setdefault(_stem_key(found.path), []).append(found)
        for group in by_stem.values():
            group_covers = [f for f in group if is_cover_letter(f.path)]
            group_others = [f for f in group if not is_cover_letter(f.path)]
            if len(group_covers) == 1 and len(group_others) == 1:
                resume = group_others[0]
                candidates.append(
                    Candidate(
                        _join(label, folder, _pair_name(resume.path)),
                        resume.path,
                        group_covers[0].path,
                    )
                )
            else:
                candidates.extend(Candidate(_join(f.label, f.rel), f.path) for f in group)
    return sorted(candidates, key=lambda c: (c.name, [str(p) for p in c.files]))


def _tokens(path: Path) -> list[str]:
    stem = unicodedata.normalize("NFKC", path.stem).casefold()
    return [token for token in _SEPARATORS.split(stem) if token]


def _stem_key(path: Path) -> tuple[str, ...]:
    tokens = _tokens(path)
    drop = _COVER_MARKERS | _RESUME_MARKERS
    if any(token in _COVER_MARKERS for token in tokens):
        drop |= {"letter"}
    return tuple(token for token in tokens if token not in drop)


def _pair_name(path: Path) -> str:
    stem = unicodedata.normalize("NFKC", path.stem)
    kept = [t for t in _SEPARATORS.split(stem) if t and t.casefold() not in _RESUME_MARKERS]
    separator = _SEPARATORS.search(stem)
    return (separator.group(0) if separator else "-").join(kept) or stem


def _join(*parts: str) -> str:
    return display_path("/".join(part for part in parts if part))


# --- scoring ----------------------------------------------------------------------------------


def check_file(checker: Checker, path: Path) -> DocumentResult:
    """The default check a worker runs on each file."""
    return checker.check_document(path)


def screen(
    paths: Sequence[Path],
    taxonomy: Taxonomy | None = None,
    options: ReadOptions | None = None,
    *,
    recursive: bool = False,
    follow_links: bool = True,
    jobs: int | None = None,
    timeout: float | None = None,
    cache: ResultCache | None = None,
    shortlist: Shortlist | None = None,
    progress: Callable[[Progress], None] | None = None,
    check_function: CheckFunction = check_file,
) -> ScreenReport:
    """Score every candidate found under ``paths`` and rank them.

    Args:
        paths: folders (or single files) to screen.
        taxonomy: the role's skills; None loads the bundled one.
        options: reading limits, as for ``check``.
        recursive: search sub-folders at any depth.
        follow_links: read what symbolic links lead to, even out of the folder.
        jobs: worker processes; None uses one per available CPU.
        timeout: seconds one file may take before its worker is killed; None takes
            ``options.time_limit``.
        cache: earlier results to reuse and to add to; None reads every file.
        shortlist: filters for the shortlist; None keeps every scored candidate.
        progress: called after each file (and once at the start), from this process.
        check_function: what a worker runs on a file; a module-level function (it is pickled).

    Returns:
        A :class:`ScreenReport`; unreadable files are rows with a status, never exceptions.

    Raises:
        ScreeningError: no supported file was found, or the workers could not start.
        TaxonomyError: a required skill id is not in the taxonomy.
    """
    started = time.monotonic()
    taxonomy = taxonomy or load_taxonomy()
    options = options or ReadOptions()
    shortlist = shortlist or Shortlist()
    shortlist.validate(taxonomy)
    timeout = options.time_limit if timeout is None else timeout
    if timeout <= 0:
        raise ScreeningError(f"the time limit must be above 0 s, not {timeout:g}")
    discovery = discover(paths, recursive, follow_links)
    candidates = pair_files(discovery)
    if not candidates:
        raise ScreeningError(_nothing_found(discovery))
    batch = _Batch(
        [path for candidate in candidates for path in candidate.files], started, progress, cache
    )
    if cache is not None:
        batch.reuse(_context_hash(taxonomy, options, check_function), discovery, options.max_bytes)
    batch.report_progress()
    todo = batch.todo(discovery)
    try:
        if todo:
            setup = _WorkerSetup(taxonomy, options, check_function)
            size = max(1, min(jobs or available_cpus(), len(todo)))
            _Pool(setup, size, timeout).run(todo, batch.finish)
    finally:
        batch.flush()
    bad_names = sum(1 for f in batch.files if display_path(f) != str(f))
    if bad_names:
        batch.warnings.append(
            f"{bad_names} file name(s) are not valid UTF-8; they are shown with \ufffd"
        )
    results = _assemble(candidates, batch, taxonomy, options)
    return ScreenReport(
        candidates=rank_candidates(results, shortlist),
        skipped=discovery.skipped,
        taxonomy=taxonomy,
        shortlist=shortlist,
        read=len(batch.files) - batch.cached,
        cached=batch.cached,
        failed=batch.failed,
        seconds=time.monotonic() - started,
        warnings=tuple(batch.warnings),
    )


class _Batch:
    """The files of one screen and their results so far, with the cache and progress reports."""

    def __init__(
        self,
        files: list[Path],
        started: float,
        progress: Callable[[Progress], None] | None,
        cache: ResultCache | None,
    ) -> None:
        self.files = files
        self.started = started
        self.progress = progress
        self.cache = cache
        self.payloads: list[dict[str, Any] | None] = [None] * len(files)
        self.keys: list[str | None] = [None] * len(files)
        self.warnings: list[str] = []
        self.done = self.cached = self.failed = 0

    def reuse(self, context: str, discovery: Discovery, max_bytes: int) -> None:
        """Key each file on its content and ``context``, and take the cached results."""
        cache = self.cache
        if cache is None:
            return
        sizes = {f.path: f.size for f in discovery.files}
        for index, path in enumerate(self.files):
            if sizes.get(path, 0) > max_bytes:
                continue
            try:
                with path.open("rb") as handle:
                    digest = hashlib.file_digest(handle, "sha256").hexdigest()
            except FileNotFoundError:
                self.finish(index, _error_payload(VANISHED), cacheable=False, quiet=True)
                continue
            except OSError:
                continue
            self.keys[index] = hashlib.sha256(f"{context}:{digest}".encode()).hexdigest()
        try:
            hits = cache.get_many(key for key in self.keys if key is not None)
        except CacheError as error:
            self._drop_cache(error)
            return
        for index, key in enumerate(self.keys):
            if key is not None and key in hits:
                self.cached += 1
                self.finish(index, hits[key], cacheable=False, quiet=True)

    def todo(self, discovery: Discovery) -> list[tuple[int, Path]]:
        """Files still to read, largest first, so that no big file is left for the end alone."""
        sizes = {f.path: f.size for f in discovery.files}
        waiting = [i for i, payload in enumerate(self.payloads) if payload is None]
        waiting.sort(key=lambda i: -sizes.get(self.files[i], 0))
        return [(i, self.files[i]) for i in waiting]

    def finish(
        self, index: int, payload: dict[str, Any], cacheable: bool, quiet: bool = False
    ) -> None:
        """Record a file's result, remember it in the cache when it may be reused."""
        self.payloads[index] = payload
        self.done += 1
        self.failed += payload["status"] != "ok"
        key = self.keys[index]
        if self.cache is not None and cacheable and key is not None:
            try:
                self.cache.put(key, payload)
            except CacheError as error:
                self._drop_cache(error)
        if not quiet:
            self.report_progress()

    def report_progress(self) -> None:
        if self.progress is not None:
            elapsed = time.monotonic() - self.started
            self.progress(Progress(self.done, len(self.files), self.cached, self.failed, elapsed))

    def flush(self) -> None:
        if self.cache is not None:
            try:
                self.cache.flush()
            except CacheError as error:
                self._drop_cache(error)

    def _drop_cache(self, error: CacheError) -> None:
        self.warnings.append(f"the cache was turned off: {error}")
        self.cache = None


def available_cpus() -> int:
    """CPUs this process may run on (the default for ``--jobs``)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def rank_candidates(
    results: Iterable[CandidateResult], shortlist: Shortlist | None = None
) -> tuple[CandidateResult, ...]:
    """Order by score (highest first), then name; number the scored ones and apply the filters."""
    shortlist = shortlist or Shortlist()
    ordered = sorted(
        results,
        key=lambda r: (
            not r.main.ok,
            -(r.main.score or 0.0),
            r.name,
            [str(p) for p in r.candidate.files],
        ),
    )
    ranked: list[CandidateResult] = []
    rank = kept = 0
    for result in ordered:
        if not result.main.ok:
            ranked.append(
                dataclasses.replace(
                    result, rank=None, filtered_out=f"not scored ({result.main.status})"
                )
            )
            continue
        rank += 1
        reason = shortlist.reason(result.main)
        if not reason and shortlist.top is not None and kept >= shortlist.top:
            reason = f"not in the top {shortlist.top}"
        kept += not reason
        ranked.append(dataclasses.replace(result, rank=rank, filtered_out=reason))
    return tuple(ranked)


def _context_hash(taxonomy: Taxonomy, options: ReadOptions, check_function: CheckFunction) -> str:
    """Everything besides the file's bytes that decides its result."""
    skills = json.dumps([dataclasses.asdict(s) for s in taxonomy.skills], sort_keys=True)
    context = {
        "taxonomy": [taxonomy.id, taxonomy.name, hashlib.sha256(skills.encode()).hexdigest()],
        "version": __version__,
        "options": dataclasses.asdict(options),
        "check": f"{check_function.__module__}.{check_function.__qualname__}",
    }
    return hashlib.sha256(json.dumps(context, sort_keys=True).encode()).hexdigest()


def _nothing_found(discovery: Discovery) -> str:
    message = "found no PDF, DOCX, TXT or MD files to screen"
    if discovery.skipped:
        message += f" (skipped {skipped_summary(discovery.skipped)})"
    if any(s.kind == "sub-folder" for s in discovery.skipped):
        message += f"; {RECURSIVE_HINT}"
    return message


def _assemble(
    candidates: list[Candidate], batch: _Batch, taxonomy: Taxonomy, options: ReadOptions
) -> list[CandidateResult]:
    combiner = Checker(taxonomy, options)
    by_path = {path: index for index, path in enumerate(batch.files)}

    def document(path: Path) -> DocumentResult:
        payload = batch.payloads[by_path[path]] or _error_payload("was not scored")
        return _result_from_payload(payload, display_path(path), taxonomy)

    results = []
    for candidate in candidates:
        resume = document(candidate.resume)
        if candidate.cover_letter is None:
            check = CheckResult(resume, taxonomy=taxonomy.id)
        else:
            letter = document(candidate.cover_letter)
            combined = combiner.combine([resume, letter])
            check = CheckResult(resume, letter, combined, taxonomy=taxonomy.id)
        results.append(CandidateResult(candidate, check))
    return results


def _result_payload(result: DocumentResult) -> dict[str, Any]:
    payload = result_to_dict(result)
    payload.update(kind=result.kind, pages=result.pages)
    return payload


def _error_payload(reason: str, status: Status = "error") -> dict[str, Any]:
    return _result_payload(DocumentResult(file="", status=status, reason=reason))


def _result_from_payload(payload: dict[str, Any], file: str, taxonomy: Taxonomy) -> DocumentResult:
    """Rebuild a result from a worker's dict; evidence keeps its text, page and section."""
    skills = {skill.id: skill for skill in taxonomy.skills}

    def matches(items: list[dict[str, Any]]) -> tuple[SkillMatch, ...]:
        return tuple(
            SkillMatch(
                skills[item["id"]],
                tuple(
                    Evidence(e["text"], "", e["page"], e["section"], 0, 0) for e in item["evidence"]
                ),
            )
            for item in items
            if item["id"] in skills
        )

    return DocumentResult(
        file=file,
        status=payload["status"],
        reason=payload["reason"] or "",
        kind=payload.get("kind", ""),
        score=payload["score"],
        technical_score=payload["technical_score"],
        soft_score=payload["soft_score"],
        matched=matches(payload["matched"]),
        missing=tuple(skills[s["id"]] for s in payload["missing"] if s["id"] in skills),
        extras=matches(payload["extras"]),
        flags=tuple(Flag(f["kind"], f["message"]) for f in payload["flags"]),
        pages=payload.get("pages", 0),
    )


# --- worker processes -------------------------------------------------------------------------


@dataclass(frozen=True)
class _WorkerSetup:
    taxonomy: Taxonomy
    options: ReadOptions
    check_function: CheckFunction


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    started: float
    ready: bool = False
    task: tuple[int, Path] | None = None
    deadline: float = 0.0


def _mp_context() -> BaseContext:
    """A fork server where there is one: workers fork from a small clean process, not this one.

    Nothing heavy is preloaded into it: each worker imports spaCy itself, in parallel, and the
    server stays small enough to exit at once when the screen ends.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


class _Pool:
    """Worker processes that each take one file at a time over their own pipe.

    One pipe per worker (not a shared queue) means a worker killed mid-message can only break its
    own pipe, and the parent always knows which file a dead or stuck worker was holding.
    """

    def __init__(self, setup: _WorkerSetup, size: int, timeout: float) -> None:
        self.setup = setup
        self.size = size
        self.timeout = timeout
        self.context = _mp_context()

    def run(
        self,
        tasks: list[tuple[int, Path]],
        on_result: Callable[[int, dict[str, Any], bool], None],
    ) -> None:
        """Run every task; ``on_result(index, payload, cacheable)`` is called as each finishes."""
        queue = deque(tasks)
        workers: list[_Worker] = []
        try:
            workers.extend(self._start() for _ in range(self.size))
            while queue or any(w.task is not None for w in workers):
                for worker in workers:
                    if worker.ready and worker.task is None and queue:
                        self._assign(worker, queue)
                ready = set(wait(self._waitables(workers), timeout=self._wait_time(workers)))
                now = time.monotonic()
                for slot, worker in enumerate(workers):
                    if self._service(worker, ready, now, on_result):
                        workers[slot] = self._start()
                        with contextlib.suppress(ValueError):
                            worker.process.close()
            self._stop(workers, graceful=True)
        except BaseException:
            self._stop(workers, graceful=False)
            raise

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(  # type: ignore[attr-defined]
            target=_worker_main,
            args=(child_end, self.setup),
            name="resume-match-worker",
            daemon=True,
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end, time.monotonic())

    def _assign(self, worker: _Worker, queue: deque[tuple[int, Path]]) -> None:
        task = queue.popleft()
        try:
            worker.conn.send(task)
        except OSError:
            queue.appendleft(task)
            return
        worker.task = task
        worker.deadline = time.monotonic() + self.timeout

    @staticmethod
    def _waitables(workers: list[_Worker]) -> list[Any]:
        return [w.conn for w in workers] + [w.process.sentinel for w in workers]

    def _wait_time(self, workers: list[_Worker]) -> float:
        now = time.monotonic()
        deadlines = [
            w.deadline if w.ready else w.started + _STARTUP_LIMIT
            for w in workers
            if w.task is not None or not w.ready
        ]
        return max(0.0, min([now + 1.0, *deadlines]) - now)

    def _service(
        self,
        worker: _Worker,
        ready: set[Any],
        now: float,
        on_result: Callable[[int, dict[str, Any], bool], None],
    ) -> bool:
        """Handle what a worker said or did; True when it is gone and needs a replacement."""
        broken = False
        if worker.conn in ready:
            try:
                message = worker.conn.recv()
            except (EOFError, OSError):
                broken = True
            else:
                if message[0] == "ready":
                    worker.ready = True
                elif message[0] == "failed":
                    raise ScreeningError(f"a worker process could not start: {message[1]}")
                elif worker.task is not None:
                    _, index, payload, cacheable = message
                    worker.task = None
                    on_result(index, payload, cacheable)
        died = broken or (worker.process.sentinel in ready and not worker.process.is_alive())
        if died:
            self._kill(worker)
            if not worker.ready:
                raise ScreeningError(
                    f"a worker process stopped while starting (exit code {worker.process.exitcode})"
                )
            if worker.task is not None:
                on_result(worker.task[0], _error_payload("the reader crashed on this file"), False)
            return True
        if worker.task is not None and now >= worker.deadline:
            self._kill(worker)
            on_result(
                worker.task[0],
                _error_payload(
                    f"timed out after {self.timeout:g} s; the file may be damaged or hostile"
                ),
                False,
            )
            return True
        if not worker.ready and now >= worker.started + _STARTUP_LIMIT:
            self._kill(worker)
            raise ScreeningError(f"a worker process did not start within {_STARTUP_LIMIT:g} s")
        return False

    @staticmethod
    def _kill(worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()

    def _stop(self, workers: list[_Worker], graceful: bool) -> None:
        for worker in workers:
            if graceful and not worker.conn.closed:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        deadline = time.monotonic() + (2.0 if graceful else 0.0)
        for worker in workers:
            if worker.process.is_alive():
                worker.process.join(max(0.0, deadline - time.monotonic()))
            self._kill(worker)
            with contextlib.suppress(ValueError):
                worker.process.close()


def _worker_main(conn: Connection, setup: _WorkerSetup) -> None:
    """A worker: build one Checker, then score the files the parent sends until it sends None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    try:
        checker = Checker(setup.taxonomy, setup.options)
        _ = checker.matcher
        # The same memory cap as check's child (resume_match.isolation), above the loaded model.
        isolation.cap_memory(setup.options.max_memory_mb)
    except Exception as exc:
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready",))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path = task
        payload, cacheable = _check_in_worker(checker, setup, path)
        conn.send(("done", index, payload, cacheable))


def _check_in_worker(
    checker: Checker, setup: _WorkerSetup, path: Path
) -> tuple[dict[str, Any], bool]:
    try:
        path.stat()
    except FileNotFoundError:
        return _error_payload(VANISHED), False
    except OSError:
        pass
    try:
        result = setup.check_function(checker, path)
    except MemoryError:
        return _error_payload(over_memory(setup.options.max_memory_mb)), False
    except Exception as exc:
        detail = " ".join(str(exc).split())[:200]
        reason = f"internal error ({type(exc).__name__}: {detail}); please report it"
        return _error_payload(reason), False
    return _result_payload(result), True


def _exit_with_parent() -> None:
    """Exit when the screening process is gone, even if a file has this worker stuck."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


# --- reports ----------------------------------------------------------------------------------


def csv_columns(taxonomy: Taxonomy) -> list[str]:
    """The CSV header: fixed columns, then a ``skill:ID`` column (1 found, 0 not) per core skill."""
    return [
        "rank",
        "candidate",
        "status",
        "score",
        "technical_score",
        "soft_score",
        "shortlisted",
        "filtered_out",
        "resume",
        "cover_letter",
        "missing_keywords",
        "flags",
        "reason",
        *(f"skill:{skill.id}" for skill in taxonomy.core),
    ]


def candidate_to_dict(result: CandidateResult) -> dict[str, Any]:
    """A candidate as JSON: ``check --format json``'s object after rank and shortlist fields."""
    return {
        "candidate": result.name,
        "rank": result.rank,
        "shortlisted": result.shortlisted,
        "filtered_out": result.filtered_out or None,
        **check_to_dict(result.check),
    }


def skipped_to_dict(skipped: SkippedFile) -> dict[str, Any]:
    """A skipped path as a JSON row shaped like a candidate's."""
    return {
        "candidate": skipped.path,
        "rank": None,
        "shortlisted": False,
        "filtered_out": "skipped",
        "file": skipped.path,
        "status": "skipped",
        "reason": skipped.reason,
    }


def report_summary(report: ScreenReport) -> dict[str, Any]:
    """Counts and filters, for the JSON report."""
    return {
        "taxonomy": report.taxonomy.id,
        "files": report.files,
        "read": report.read,
        "cached": report.cached,
        "failed": report.failed,
        "candidates": len(report.candidates),
        "shortlisted": len(report.shortlisted),
        "skipped": dict(sorted(Counter(s.kind for s in report.skipped).items())),
        "filters": {
            "min_score": report.shortlist.min_score,
            "require": list(report.shortlist.require),
            "top": report.shortlist.top,
        },
    }


def write_report(report: ScreenReport, path: Path) -> None:
    """Write the report as CSV, JSON Lines or JSON (by suffix), atomically.

    Raises:
        ScreeningError: the suffix is not one of :data:`REPORT_SUFFIXES`, or the file cannot be
            written; an existing file is then left as it was.
    """
    suffix = path.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise ScreeningError("must end in .csv, .jsonl or .json", path)
    listed = [s for s in report.skipped if s.listed]
    if suffix == ".csv":
        _atomic_write(path, lambda handle: _write_csv(handle, report, listed), encoding="utf-8-sig")
    elif suffix == ".jsonl":
        rows = [*map(candidate_to_dict, report.candidates), *map(skipped_to_dict, listed)]
        _atomic_write(path, lambda handle: handle.writelines(_json_line(row) for row in rows))
    else:
        document = {
            "schema": 1,
            "summary": report_summary(report),
            "candidates": [candidate_to_dict(c) for c in report.candidates],
            "skipped": [
                {"file": s.path, "kind": s.kind, "reason": s.reason} for s in report.skipped
            ],
        }
        _atomic_write(
            path,
            lambda handle: handle.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n"),
        )


def check_output_path(path: Path, inputs: Sequence[Path], allow_inside: bool = False) -> None:
    """Refuse a report path before the work starts rather than after it.

    Raises:
        ScreeningError: wrong suffix, missing folder, or inside an input folder (unless allowed:
            a report among the applications gets mixed up with them).
    """
    if path.suffix.lower() not in REPORT_SUFFIXES:
        raise ScreeningError("must end in .csv, .jsonl or .json", path)
    folder = path.resolve().parent
    if not folder.is_dir():
        raise ScreeningError(f"cannot be written: the folder {folder} does not exist", path)
    if path.is_dir():
        raise ScreeningError("is a folder; give a file name ending in .csv, .jsonl or .json", path)
    if allow_inside:
        return
    for top in inputs:
        if top.is_dir():
            root = top.resolve()
            if folder == root or root in folder.parents:
                raise ScreeningError(
                    f"is inside the input folder {top}; write the report elsewhere, "
                    f"{INSIDE_INPUT_HINT}",
                    path,
                )


def _write_csv(handle: IO[str], report: ScreenReport, skipped: list[SkippedFile]) -> None:
    writer = csv.DictWriter(handle, csv_columns(report.taxonomy), restval="")
    writer.writeheader()
    for result in report.candidates:
        main = result.main
        letter = result.check.cover_letter
        documents = result.documents
        reasons = [
            d.reason if len(documents) == 1 else f"{Path(d.file).name}: {d.reason}"
            for d in documents
            if d.reason
        ]
        row: dict[str, object] = {
            "rank": result.rank or "",
            "candidate": result.name,
            "status": main.status,
            "score": _number(main.score),
            "technical_score": _number(main.technical_score),
            "soft_score": _number(main.soft_score),
            "shortlisted": int(result.shortlisted),
            "filtered_out": result.filtered_out,
            "resume": result.check.resume.file,
            "cover_letter": letter.file if letter else "",
            "missing_keywords": "; ".join(s.keyword for s in main.missing) if main.ok else "",
            "flags": "; ".join(dict.fromkeys(f.kind for f in main.flags)),
            "reason": " | ".join(reasons),
        }
        if main.ok:
            found = {m.skill.id for m in main.matched}
            row.update((f"skill:{s.id}", int(s.id in found)) for s in report.taxonomy.core)
        writer.writerow({k: defuse_formula(v) if isinstance(v, str) else v for k, v in row.items()})
    for item in skipped:
        row = {"candidate": item.path, "status": "skipped", "shortlisted": 0,
               "filtered_out": "skipped", "resume": item.path, "reason": item.reason}  # fmt: skip
        writer.writerow({k: defuse_formula(v) if isinstance(v, str) else v for k, v in row.items()})


def defuse_formula(text: str) -> str:
    """Defuse spreadsheet formulas: a cell starting with = + - @ (tab, CR) gets a leading '."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _json_line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n"


def _atomic_write(path: Path, write: Callable[[IO[str]], object], encoding: str = "utf-8") -> None:
    """Write a temporary file beside ``path``, then rename it over: no half file is ever seen."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    try:
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ScreeningError(f"cannot be written ({exc.strerror or exc})", path) from None
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "w", encoding=encoding, errors="replace", newline="") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(mode)
        temporary.replace(path)
    except BaseException as exc:
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ScreeningError(f"cannot be written ({exc.strerror or exc})", path) from None
        raise


# --- text for people --------------------------------------------------------------------------


def skipped_summary(skipped: Iterable[SkippedFile]) -> str:
    """``3: 2 hidden, 1 unsupported type`` style counts by kind."""
    counts = Counter(s.kind for s in skipped)
    total = sum(counts.values())
    return f"{total}: " + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))


def summary_line(report: ScreenReport) -> str:
    """One line for stderr: files, candidates, cache use, failures, skips and the shortlist."""
    line = (
        f"screened {report.files} file(s) of {len(report.candidates)} candidate(s) in "
        f"{report.seconds:.1f} s: read {report.read}, cached {report.cached}, "
        f"failed {report.failed}"
    )
    if report.skipped:
        line += f"; skipped {skipped_summary(report.skipped)}"
    if report.shortlist.active:
        line += f"; shortlisted {len(report.shortlisted)}"
    return line


def render_table(report: ScreenReport, width: int = 100) -> str:
    """The ranked shortlist, then the candidates that could not be scored, as aligned text."""
    rows = [c for c in report.candidates if c.shortlisted or not c.main.ok]
    if not rows:
        return "No candidate passed the shortlist filters.\n"
    names = [_printable(c.name) for c in rows]
    fixed = len(f"{'#':>4}  {''}  score   tech   soft  {''}  status")
    name_width = min(max(9, *map(len, names)), max(16, (width - fixed) * 3 // 5))
    rest = max(20, width - fixed - name_width)
    lines = [
        f"{'#':>4}  {'candidate':<{name_width}}  score   tech   soft  "
        f"{'top missing skills':<{rest}}  status"
    ]
    for result, name in zip(rows, names, strict=True):
        main = result.main
        if len(name) > name_width:
            keep = name_width - 3
            name = f"{name[: keep - keep // 3]}...{name[len(name) - keep // 3 :]}"
        if main.ok:
            detail = "; ".join(s.keyword for s in main.missing[:3]) or "-"
            status = "ok*" if any(not d.ok for d in result.documents) else "ok"
        else:
            detail = main.reason
            status = main.status
        detail = textwrap.shorten(_printable(detail), width=rest, placeholder="...")
        lines.append(
            f"{result.rank or '-':>4}  {name:<{name_width}}  {_column(main.score)}  "
            f"{_column(main.technical_score)}  {_column(main.soft_score)}  "
            f"{detail:<{rest}}  {status}"
        )
    if any(line.endswith("ok*") for line in lines):
        lines.append("ok*: scored without a document that could not be read (see the report)")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _column(value: float | None) -> str:
    return f"{value:5.1f}" if value is not None else f"{'-':>5}"


def _printable(text: str) -> str:
    return _CONTROL.sub("?", text)
