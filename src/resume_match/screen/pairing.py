"""Which found files are one candidate: a resume and maybe its cover letter."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .discover import Discovery, FilePath, FoundFile, display_path
from .urls import is_url, url_name

_COVER_MARKERS = frozenset({"cover", "coverletter", "cl"})
_RESUME_MARKERS = frozenset({"resume", "résumé", "cv"})
_SEPARATORS = re.compile(r"[\s_.\-]+")


@dataclass(frozen=True)
class Candidate:
    """One person's documents: a resume (or a lone cover letter) and maybe a cover letter.

    ``duplicates`` are other files with the same document in them (a PDF and a DOCX of one
    resume): listed with the candidate, not scored again.
    """

    name: str
    resume: FilePath
    cover_letter: FilePath | None = None
    duplicates: tuple[FilePath, ...] = ()

    @property
    def files(self) -> tuple[FilePath, ...]:
        return (self.resume,) if self.cover_letter is None else (self.resume, self.cover_letter)


def is_cover_letter(path: FilePath) -> bool:
    """True when the name has a cover-letter marker: ``cover``, ``cover-letter``, ``cl``."""
    return any(token in _COVER_MARKERS for token in _tokens(path))


def pair_files(discovery: Discovery) -> list[Candidate]:
    """Group found files into candidates, sorted by name (docs/screen.md, step 2).

    A sub-folder whose files are one document plus at most one cover letter is one candidate,
    named after the sub-folder. Elsewhere a resume and a cover letter pair up when their names
    match once the markers (``resume``, ``cv``, ``cover``, ``letter``, ``cl``) are removed, and
    exactly one of each matches; every other file is a candidate alone.
    """
    tokens = {found.path: _tokens(found.path) for found in discovery.files}
    cover = {path: any(t in _COVER_MARKERS for t in words) for path, words in tokens.items()}
    groups: dict[tuple[str, str], list[FoundFile]] = {}
    for found in discovery.files:
        groups.setdefault((found.label, found.folder), []).append(found)
    candidates: list[Candidate] = []
    for (label, folder), files in groups.items():
        covers = [f for f in files if cover[f.path]]
        others = [f for f in files if not cover[f.path]]
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
            by_stem.setdefault(_stem_key(tokens[found.path]), []).append(found)
        for group in by_stem.values():
            group_covers = [f for f in group if cover[f.path]]
            group_others = [f for f in group if not cover[f.path]]
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


def _stem(path: FilePath) -> str:
    if is_url(path):
        return PurePosixPath(url_name(str(path))).stem
    return Path(path).stem


def _tokens(path: FilePath) -> list[str]:
    stem = unicodedata.normalize("NFKC", _stem(path)).casefold()
    return [token for token in _SEPARATORS.split(stem) if token]


def _stem_key(tokens: list[str]) -> tuple[str, ...]:
    drop = _COVER_MARKERS | _RESUME_MARKERS
    if any(token in _COVER_MARKERS for token in tokens):
        drop |= {"letter"}
    return tuple(token for token in tokens if token not in drop)


def _pair_name(path: FilePath) -> str:
    stem = unicodedata.normalize("NFKC", _stem(path))
    kept = [t for t in _SEPARATORS.split(stem) if t and t.casefold() not in _RESUME_MARKERS]
    separator = _SEPARATORS.search(stem)
    return (separator.group(0) if separator else "-").join(kept) or stem


def _join(*parts: str) -> str:
    return display_path("/".join(part for part in parts if part))
