"""spaCy's blank English pipeline, imported without spaCy's command-line tools.

``import spacy`` also imports ``spacy.cli`` (typer, weasel, requests and the project tools): about
0.4 s of a one-second start that matching never uses, paid by every ``check`` and every screening
worker. While spaCy imports, a placeholder stands in for ``spacy.cli``; it is removed as soon as the
import is done, so a later ``import spacy.cli`` (or ``spacy.info()``) loads the real one.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import types
from collections.abc import Iterator
from typing import Any


def blank_english() -> Any:
    """``spacy.blank("en")``, importing spaCy first if nothing has yet."""
    import_spacy()
    import spacy

    with _collector_paused():
        return spacy.blank("en")


def import_spacy() -> None:
    """Import spaCy without ``spacy.cli``; nothing happens when spaCy is already imported."""
    if "spacy" in sys.modules:
        return
    package = types.ModuleType("spacy.cli")
    package.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    placeholders = {"spacy.cli": package, "spacy.cli.info": info}
    for name, module in placeholders.items():
        sys.modules.setdefault(name, module)
    try:
        with _collector_paused():
            import spacy  # noqa: F401
    finally:
        for name, module in placeholders.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        loaded = sys.modules.get("spacy")
        if loaded is not None and getattr(loaded, "cli", None) is package:
            delattr(loaded, "cli")


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, imported when somebody asks for it."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: importing spaCy makes half a million objects that
    live as long as the process, and the collector's 150 passes over them cost 30 ms."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
