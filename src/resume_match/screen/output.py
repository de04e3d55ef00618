"""Report files: CSV, JSON Lines, JSON or an HTML page, written atomically, formulas defused."""

from __future__ import annotations

import csv
import json
import os
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from pathlib import Path
from typing import IO, Any

from ..errors import INSIDE_INPUT_HINT, ScreeningError
from ..json_text import indented_json
from ..report import check_to_dict
from ..taxonomy import Taxonomy
from .discover import FilePath, SkippedFile, display_path
from .shortlist import CandidateResult, ScreenReport
from .urls import filesystem, is_url, url_suffix, write_via_local

REPORT_SUFFIXES = (".csv", ".jsonl", ".json", ".html")
_WRONG_SUFFIX = "must end in .csv, .jsonl, .json or .html"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


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
        "duplicates",
        "missing_keywords",
        "flags",
        "reason",
        *(f"skill:{skill.id}" for skill in taxonomy.core),
    ]


def candidate_to_dict(result: CandidateResult) -> dict[str, Any]:
    """A candidate as JSON: ``check --format json``'s object after the rank, fit, shortlist and
    duplicate fields (``duplicates``: other files holding the same document)."""
    fit = {"fit": result.fit} if result.fit is not None else {}
    return {
        "candidate": result.name,
        "rank": result.rank,
        **fit,
        "shortlisted": result.shortlisted,
        "filtered_out": result.filtered_out or None,
        "duplicates": [display_path(p) for p in result.candidate.duplicates],
        **check_to_dict(result.check),
    }


def skipped_to_dict(skipped: SkippedFile) -> dict[str, Any]:
    """A skipped path as a JSON row shaped like a candidate's."""
    return {
        "candidate": skipped.candidate,
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
        "shortlisted": report.shortlisted_count,
        "duplicates": report.duplicates,
        "skipped": dict(sorted(Counter(s.kind for s in report.skipped).items())),
        "filters": {
            "min_score": report.shortlist.min_score,
            "require": list(report.shortlist.require),
            "top": report.shortlist.top,
        },
    }


def write_report(report: ScreenReport, path: FilePath) -> None:
    """Write the report as CSV, JSON Lines, JSON or an HTML page (by suffix), atomically; ``path``
    may be a URL.

    CSV, JSON Lines and JSON rows are written as they are read from the screen's store, so those
    reports need little memory at any size (an HTML page is built whole). A URL gets the finished
    file uploaded in one piece.

    Raises:
        ScreeningError: the suffix is not one of :data:`REPORT_SUFFIXES`, or the file cannot be
            written; an existing file is then left as it was.
    """
    if is_url(path):
        if url_suffix(str(path)) not in REPORT_SUFFIXES:
            raise ScreeningError(_WRONG_SUFFIX, path)
        write_via_local(str(path), lambda local: write_report(report, local))
        return
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise ScreeningError(_WRONG_SUFFIX, path)
    listed = [s for s in report.skipped if s.listed]
    if suffix == ".csv":
        atomic_write(path, lambda handle: write_csv(handle, report, listed), encoding="utf-8-sig")
    elif suffix == ".html":
        page = render_shortlist_html(report)
        atomic_write(path, lambda handle: handle.write(page))
    elif suffix == ".jsonl":
        rows = chain(map(candidate_to_dict, report.candidates), map(skipped_to_dict, listed))
        atomic_write(path, lambda handle: handle.writelines(_json_line(row) for row in rows))
    else:
        atomic_write(path, lambda handle: _write_json(handle, report))


def _write_json(handle: IO[str], report: ScreenReport) -> None:
    """``json.dumps(document, indent=2)`` of the whole report, byte for byte, row by row."""
    handle.write(f'{{\n  "schema": 1,\n  "summary": {_nested(report_summary(report), 1)},')
    handle.write('\n  "candidates": ')
    _write_list(handle, map(candidate_to_dict, report.candidates))
    handle.write(',\n  "skipped": ')
    skipped = ({"file": s.path, "kind": s.kind, "reason": s.reason} for s in report.skipped)
    _write_list(handle, skipped)
    handle.write("\n}\n")


def _write_list(handle: IO[str], items: Iterable[dict[str, Any]]) -> None:
    empty = True
    for item in items:
        handle.write(("[\n    " if empty else ",\n    ") + _nested(item, 2))
        empty = False
    handle.write("[]" if empty else "\n  ]")


def _nested(value: object, depth: int) -> str:
    """``value`` as it appears ``depth`` levels down in an indented document."""
    return indented_json(value, depth)


def render_shortlist_html(report: ScreenReport) -> str:
    """The shortlist as one self-contained HTML page, from the same rows as the JSON report."""
    from ..html import render_shortlist_page, shortlist_view

    skills = [
        {"id": s.id, "name": s.name, "category": s.category, "keyword": s.keyword, "hint": s.hint}
        for s in report.taxonomy.core
    ]
    skipped = [
        {"file": s.path, "kind": s.kind, "reason": s.reason} for s in report.skipped if s.listed
    ]
    view = shortlist_view(
        [candidate_to_dict(c) for c in report.candidates], skills, report_summary(report), skipped
    )
    return render_shortlist_page(view, title=f"resume-match shortlist: {report.taxonomy.name}")


def check_output_path(
    path: FilePath, inputs: Sequence[FilePath], allow_inside: bool = False
) -> None:
    """Refuse a report path before the work starts rather than after it.

    Raises:
        ScreeningError: wrong suffix, missing folder, or inside an input folder (unless allowed:
            a report among the applications gets mixed up with them); for a URL, fsspec or the
            driver its protocol needs is missing.
    """
    if is_url(path):
        if url_suffix(str(path)) not in REPORT_SUFFIXES:
            raise ScreeningError(_WRONG_SUFFIX, path)
        filesystem(str(path))
        return
    path = Path(path)
    if path.suffix.lower() not in REPORT_SUFFIXES:
        raise ScreeningError(_WRONG_SUFFIX, path)
    folder = path.resolve().parent
    if not folder.is_dir():
        raise ScreeningError(f"cannot be written: the folder {folder} does not exist", path)
    if path.is_dir():
        raise ScreeningError(
            "is a folder; give a file name ending in .csv, .jsonl, .json or .html", path
        )
    _check_writable(folder, path)
    if allow_inside:
        return
    for given in inputs:
        top = Path(given)
        if not is_url(given) and top.is_dir():
            root = top.resolve()
            if folder == root or root in folder.parents:
                raise ScreeningError(
                    f"is inside the input folder {top}; write the report elsewhere, "
                    f"{INSIDE_INPUT_HINT}",
                    path,
                )


def _check_writable(folder: Path, path: Path) -> None:
    """Write and remove a small file beside the report: a read-only or full disk fails now."""
    try:
        descriptor, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ScreeningError(f"cannot be written ({exc.strerror or exc})", path) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(b"\0" * 4096)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise ScreeningError(f"cannot be written ({exc.strerror or exc})", path) from None
    finally:
        Path(name).unlink(missing_ok=True)


def write_csv(handle: IO[str], report: ScreenReport, skipped: list[SkippedFile]) -> None:
    """The CSV report: one row per candidate, then one per listed skipped path."""
    columns = csv_columns(report.taxonomy)
    if report.shortlist.rank_by is not None:
        columns.insert(columns.index("score"), "fit")
    writer = csv.DictWriter(handle, columns, restval="")
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
            "duplicates": "; ".join(map(display_path, result.candidate.duplicates)),
            "missing_keywords": "; ".join(s.keyword for s in main.missing) if main.ok else "",
            "flags": "; ".join(dict.fromkeys(f.kind for f in main.flags)),
            "reason": " | ".join(reasons),
        }
        if result.fit is not None:
            row["fit"] = _number(result.fit)
        if main.ok:
            found = {m.skill.id for m in main.matched}
            row.update((f"skill:{s.id}", int(s.id in found)) for s in report.taxonomy.core)
        writer.writerow({k: defuse_formula(v) if isinstance(v, str) else v for k, v in row.items()})
    for item in skipped:
        row = {"candidate": item.candidate, "status": "skipped", "shortlisted": 0,
               "filtered_out": "skipped", "resume": item.path, "reason": item.reason}  # fmt: skip
        writer.writerow({k: defuse_formula(v) if isinstance(v, str) else v for k, v in row.items()})


def defuse_formula(text: str) -> str:
    """Defuse spreadsheet formulas: a cell starting with = + - @ (tab, CR, LF), also after
    spaces or line breaks that a spreadsheet skips, gets a leading '."""
    formula = text.startswith(_FORMULA_START) or text.lstrip(" \n\r\t").startswith(_FORMULA_START)
    return f"'{text}" if formula else text


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _json_line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n"


def atomic_write(path: Path, write: Callable[[IO[str]], object], encoding: str = "utf-8") -> None:
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
