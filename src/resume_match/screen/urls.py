"""Applications and reports by URL (``s3://``, ``gs://``, ``az://``, ``file://``, ``memory://``).

Everything here goes through fsspec, which is imported only when a URL is given: local paths need
no new dependency. A cloud needs its fsspec driver as well (s3fs, gcsfs, adlfs); a missing one
is a one-line error that names it.
"""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from ..errors import ScreeningError

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
_DRIVERS = {"s3": "s3fs", "s3a": "s3fs", "gs": "gcsfs", "gcs": "gcsfs", "az": "adlfs",
            "abfs": "adlfs", "abfss": "adlfs", "http": "aiohttp", "https": "aiohttp"}  # fmt: skip
# Filesystems that exist only inside this process: their files travel to workers as bytes.
_PROCESS_LOCAL = frozenset({"memory"})


@dataclass(frozen=True)
class RemoteFile:
    """A file found under a URL: its URL, its path under the searched URL, and its size."""

    url: str
    rel: str
    size: int


def is_url(value: object) -> bool:
    """True for ``scheme://...`` text; a local path (str or Path) is not a URL."""
    return isinstance(value, str) and bool(_URL.match(value))


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of ``url`` and the path inside it.

    Raises:
        ScreeningError: fsspec or the protocol's driver is not installed, or the URL is not valid.
    """
    try:
        import fsspec.core
    except ImportError:
        raise ScreeningError(
            "reading URLs needs fsspec; install resume-match[dask] (or pip install fsspec)", url
        ) from None
    protocol = url.split("://", 1)[0].lower()
    try:
        fs, path = fsspec.core.url_to_fs(url)
    except ImportError:
        driver = _DRIVERS.get(protocol, f"the fsspec driver for {protocol}://")
        raise ScreeningError(
            f"reading {protocol}:// URLs needs {driver}; pip install it", url
        ) from None
    except (ValueError, OSError) as exc:
        raise ScreeningError(f"is not a URL resume-match can open ({exc})", url) from None
    return fs, str(path)


def is_process_local(url: str) -> bool:
    """True when workers in other processes cannot open ``url`` (an in-memory filesystem)."""
    return url.split("://", 1)[0].lower() in _PROCESS_LOCAL


def fetch(url: str, limit: int) -> bytes:
    """At most ``limit`` bytes of the file at ``url`` (a reader refuses anything over its cap)."""
    fs, path = filesystem(url)
    with fs.open(path, "rb") as handle:
        data: bytes = handle.read(limit)
    return data


def walk(url: str, recursive: bool) -> Iterator[tuple[RemoteFile | None, str, str]]:
    """Every entry under ``url``: ``(file, "", "")`` for a file, ``(None, url, "sub-folder")`` for a
    folder not searched. Names starting with ``.`` are yielded as files; the caller skips them.

    Raises:
        ScreeningError: the URL does not exist or cannot be listed.
    """
    fs, root = filesystem(url)
    prefix = url.rstrip("/")
    try:
        info = fs.info(root)
    except FileNotFoundError:
        raise ScreeningError("does not exist; check the URL", url) from None
    except OSError as exc:
        raise ScreeningError(
            f"cannot be opened ({exc}); check the URL and credentials", url
        ) from None
    if info.get("type") != "directory":
        yield RemoteFile(url, PurePosixPath(root).name, int(info.get("size") or 0)), "", ""
        return
    base = root.rstrip("/")
    stack = [base]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(fs.ls(folder, detail=True), key=lambda e: str(e["name"]))
        except OSError as exc:
            shown = f"{prefix}/{folder[len(base) :].lstrip('/')}".rstrip("/")
            raise ScreeningError(f"cannot be listed ({exc})", shown) from None
        subfolders = []
        for entry in entries:
            name = str(entry["name"]).rstrip("/")
            if name == folder:
                continue
            rel = name[len(base) :].lstrip("/")
            if entry.get("type") == "directory":
                if PurePosixPath(name).name.startswith("."):
                    yield None, f"{prefix}/{rel}", "hidden"
                elif not recursive:
                    yield None, f"{prefix}/{rel}", "sub-folder"
                else:
                    subfolders.append(name)
                continue
            yield RemoteFile(f"{prefix}/{rel}", rel, int(entry.get("size") or 0)), "", ""
        stack.extend(reversed(subfolders))


def write_via_local(url: str, write: Callable[[Path], None]) -> None:
    """Write a report locally with ``write(path)``, then upload it to ``url`` in one piece.

    Object stores show an object only when its upload completes, so no half report is seen.

    Raises:
        ScreeningError: the upload failed; nothing is left at ``url`` by this run.
    """
    fs, path = filesystem(url)
    with tempfile.TemporaryDirectory(prefix="resume-match-") as folder:
        local = Path(folder) / PurePosixPath(path).name
        write(local)
        try:
            fs.put_file(str(local), path)
        except OSError as exc:
            raise ScreeningError(f"cannot be written ({exc})", url) from None


@contextlib.contextmanager
def open_bytes(path: Path | str) -> Iterator[IO[bytes]]:
    """A local file or the file at a URL, open for reading (to hash it for the cache)."""
    if not is_url(path):
        with Path(path).open("rb") as handle:
            yield handle
        return
    fs, inner = filesystem(str(path))
    with fs.open(inner, "rb") as handle:
        yield handle


def url_suffix(url: str) -> str:
    """The lower-case suffix of the file a URL names (``.pdf``)."""
    return PurePosixPath(url.split("://", 1)[-1].split("?", 1)[0]).suffix.lower()


def url_name(url: str) -> str:
    """The file name a URL ends with."""
    return PurePosixPath(url.split("://", 1)[-1].split("?", 1)[0]).name
