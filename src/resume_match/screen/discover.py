"""Folders -> the files to score, and every path skipped with its reason."""

from __future__ import annotations

import dataclasses
import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import SUBFOLDER_HINT, ScreeningError, cannot_open
from ..reading import unsupported_reason
from .urls import is_url, url_name, walk

_UNLISTED_SKIPS = frozenset({"hidden", "lock file", "sub-folder"})
_SUBFOLDER = f"is a sub-folder; {SUBFOLDER_HINT}"


@dataclass(frozen=True)
class SkippedFile:
    """A path that was not scored, and why; ``kind`` is a short stable name for counting.

    ``name`` is the path inside its input folder, as candidates are named (empty for an input
    given by itself, which is named by its path).
    """

    path: str
    kind: str
    reason: str
    name: str = ""

    @property
    def candidate(self) -> str:
        """The name a report lists it under, alongside the candidates' names."""
        return self.name or self.path

    @property
    def listed(self) -> bool:
        """Whether reports give it a row; hidden files, lock files, sub-folders are only counted."""
        return self.kind not in _UNLISTED_SKIPS


# A local file, or the URL of a remote one (s3://bucket/applications/jane.pdf).
FilePath = Path | str


@dataclass(frozen=True)
class FoundFile:
    """A supported file; files pair up within one (``label``, ``folder``) group.

    ``label`` names the input folder when several are screened; ``folder`` and ``rel`` are the
    file's folder and path inside it (for a file given by itself: as given).
    """

    path: FilePath
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


def display_path(path: Path | str) -> str:
    """A path as text that can always be written out: undecodable name bytes become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def discover(
    paths: Sequence[FilePath], recursive: bool = False, follow_links: bool = True
) -> Discovery:
    """Find supported files under ``paths`` (folders, or files given one by one, or URLs).

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
            reason = f"is the same file as {seen_files[identity]}"
            skipped.append(SkippedFile(shown, "duplicate", reason, _inside(label, rel)))
            return
        seen_files[identity] = shown
        found.append(FoundFile(path, label, folder, rel, info.st_size, sub))

    def skip(rel: str, item: SkippedFile) -> None:
        skipped.append(dataclasses.replace(item, name=_inside(label, rel)))

    label = ""
    for given in paths:
        if is_url(given):
            label = str(given) if len(paths) > 1 else ""
            _discover_url(str(given), recursive, label, found, skipped)
            continue
        top = Path(given)
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
                    skip(entry_rel, SkippedFile(display_path(path), "hidden", "is hidden"))
                    continue
                if not follow_links and entry.is_symlink():
                    target = path.resolve()
                    if not target.is_relative_to(top_resolved):
                        skip(
                            entry_rel,
                            SkippedFile(
                                display_path(path),
                                "outside link",
                                f"is a symbolic link out of {display_path(top)} "
                                f"(to {display_path(target)}); not followed",
                            ),
                        )
                        continue
                try:
                    entry_info = entry.stat()
                except OSError as exc:
                    skip(entry_rel, _unstatable(path, entry, exc))
                    continue
                if stat.S_ISDIR(entry_info.st_mode):
                    identity = (entry_info.st_dev, entry_info.st_ino)
                    if not recursive:
                        skip(
                            entry_rel,
                            SkippedFile(
                                display_path(path),
                                "sub-folder",
                                _SUBFOLDER,
                            ),
                        )
                    elif identity in ancestors:
                        skip(
                            entry_rel,
                            SkippedFile(
                                display_path(path),
                                "symbolic-link loop",
                                "is a symbolic link to a folder that contains it",
                            ),
                        )
                    elif identity in seen_folders:
                        skip(
                            entry_rel,
                            SkippedFile(
                                display_path(path),
                                "duplicate",
                                "is a link to a folder already searched",
                            ),
                        )
                    else:
                        seen_folders.add(identity)
                        subfolders.append((path, entry_rel, ancestors | {identity}))
                    continue
                kind, reason = _file_verdict(path, entry_info)
                if kind:
                    skip(entry_rel, SkippedFile(display_path(path), kind, reason))
                else:
                    add_file(path, entry_info, label, rel, entry_rel, bool(rel))
            stack.extend(reversed(subfolders))
    return Discovery(tuple(found), tuple(skipped))


def _inside(label: str, rel: str) -> str:
    return display_path(f"{label}/{rel}" if label else rel)


def _discover_url(
    url: str, recursive: bool, label: str, found: list[FoundFile], skipped: list[SkippedFile]
) -> None:
    """The files under a URL, skipped by name as local ones are (their bytes are not read here)."""
    for remote, shown, kind in walk(url, recursive):
        if remote is None:
            reason = "is hidden" if kind == "hidden" else _SUBFOLDER
            rel = shown[len(url.rstrip("/")) :].lstrip("/")
            skipped.append(SkippedFile(shown, kind, reason, _inside(label, rel)))
            continue
        name = url_name(remote.url)
        kind, reason = _name_verdict(name)
        unsupported = unsupported_reason(Path(name))
        if not kind and unsupported is not None:
            kind, reason = "unsupported type", unsupported
        if kind:
            skipped.append(SkippedFile(remote.url, kind, reason, _inside(label, remote.rel)))
            continue
        folder, _, _ = remote.rel.rpartition("/")
        found.append(FoundFile(remote.url, label, folder, remote.rel, remote.size, bool(folder)))


def _name_verdict(name: str) -> tuple[str, str]:
    if name.startswith("."):
        return "hidden", "is hidden"
    if name.startswith("~$"):
        return "lock file", "is an Office lock file (the document is open in Word)"
    return "", ""


def _file_verdict(path: Path, info: os.stat_result) -> tuple[str, str]:
    """("", "") for a file to score, else the kind of skip and its reason."""
    kind, reason = _name_verdict(path.name)
    if kind:
        return kind, reason
    if not stat.S_ISREG(info.st_mode):
        return "not a file", "is not a regular file (a pipe, socket or device)"
    unsupported = unsupported_reason(path)
    if unsupported is not None:
        return "unsupported type", unsupported
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
