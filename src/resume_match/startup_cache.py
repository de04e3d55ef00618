"""Tables every run derives from installed data, kept on disk so start-up need not rebuild them.

Building the spelling tables from spacy-lookups-data (two JSON files, 120,000 words, sorted) costs
about a tenth of a second each time resume-match starts; loading what the last run built costs a
few milliseconds. An entry is named by a hash of everything it was built from (the source files'
bytes, this package's version, the Python version), so a changed source or an upgrade simply
misses. Entries hold only plain values (``marshal``: dicts, tuples, strings; never code), each
behind a digest of its bytes: a damaged, truncated or foreign file is ignored and rebuilt.
Writes go to a temporary file in the same folder, then replace the entry at once.

Nothing here ever fails a run: an unreadable or read-only cache folder only means building the
tables again. The entries live in ``startup/`` inside the cache folder of
:func:`resume_match.cache.default_cache_dir`; ``RESUME_MATCH_STARTUP_CACHE=off`` turns them off.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from . import __version__

T = TypeVar("T")

SWITCH_ENV = "RESUME_MATCH_STARTUP_CACHE"
FOLDER = "startup"
_MAGIC = b"resume-match startup cache 1\n"
_DIGEST_SIZE = 32
_NAME = re.compile(r"[a-z][a-z0-9-]{0,40}")
_ENTRY_TAIL = re.compile(r"[0-9a-f]{32}\.bin")
_OFF = frozenset({"0", "off", "no", "false"})


def enabled() -> bool:
    """False when ``$RESUME_MATCH_STARTUP_CACHE`` is ``off`` (or ``0``, ``no``, ``false``)."""
    return os.environ.get(SWITCH_ENV, "").strip().lower() not in _OFF


def cache_folder() -> Path:
    """Where the entries live: ``startup/`` in resume-match's cache folder."""
    from .cache import default_cache_dir

    return default_cache_dir() / FOLDER


def entry_key(*parts: bytes | str) -> str:
    """A hex digest of ``parts`` with this package's version and the Python that reads the entry."""
    digest = hashlib.sha256()
    context = (__version__, sys.implementation.cache_tag, str(marshal.version))
    for part in (*context, *parts):
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def load_or_build(name: str, key: str, build: Callable[[], T], valid: Callable[[Any], bool]) -> T:
    """The entry ``name`` for ``key`` from disk when it is there and sound, else ``build()``.

    ``build`` must return plain values that ``marshal`` can write (dicts, lists, tuples, sets,
    strings, numbers); ``valid`` says whether a loaded value has the shape ``build`` returns.
    A value built here is written for the next run, quietly, when the folder allows it.
    """
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a cache entry name: {name!r}")
    if not enabled():
        return build()
    try:
        path = cache_folder() / f"{name}-{key[:32]}.bin"
    except Exception:  # a platform without a user cache folder: build, as without a cache
        return build()
    loaded = _read(path, key)
    if loaded is not None and valid(loaded):
        value: T = loaded
        return value
    value = build()
    _write(path, key, value)
    return value


def _read(path: Path, key: str) -> Any | None:
    try:
        data = path.read_bytes()
    except (OSError, ValueError):
        return None
    head = len(_MAGIC) + _DIGEST_SIZE
    if len(data) <= head or not data.startswith(_MAGIC):
        return None
    stored, payload = data[len(_MAGIC) : head], memoryview(data)[head:]
    if hashlib.sha256(payload).digest() != stored:
        return None
    try:
        entry_key, value = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return value if entry_key == key else None


def _write(path: Path, key: str, value: Any) -> None:
    """Write the entry atomically; any failure leaves the folder as it was, and is not an error."""
    try:
        payload = marshal.dumps((key, value))
    except ValueError:
        return
    data = _MAGIC + hashlib.sha256(payload).digest() + payload
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        temporary = Path(name)
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
        temporary.replace(path)
        temporary = None
        _remove_stale(path)
    except OSError:
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


def _remove_stale(current: Path) -> None:
    """Entries of the same name for other keys (an older version's): nothing reads them again."""
    prefix = current.name.rsplit("-", 1)[0] + "-"
    with contextlib.suppress(OSError):
        for other in current.parent.iterdir():
            name = other.name
            stale = name != current.name and name.startswith(prefix)
            if stale and _ENTRY_TAIL.fullmatch(name[len(prefix) :]):
                with contextlib.suppress(OSError):
                    other.unlink()
