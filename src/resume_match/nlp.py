"""spaCy's blank English pipeline, imported without spaCy's command-line tools.

``import spacy`` also imports ``spacy.cli`` (typer, weasel, requests, httpx and the project tools)
for the one name it re-exports, ``spacy.info``: about a third of spaCy's import, paid by every
``check`` and every worker that is not forked, and matching never uses it. So, only when nothing
has imported spaCy yet, placeholders stand in for ``spacy.cli`` and ``spacy.cli.info`` while
spaCy imports, and are taken out of ``sys.modules`` as soon as it has: a later ``import spacy.cli``
(the user's own, in the same process) loads the real package, and ``spacy.info`` calls the real
``spacy.cli.info.info``. Should a spaCy release need anything else from ``spacy.cli`` at import,
whatever touched a placeholder is forgotten and spaCy is imported as usual.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import types
from collections.abc import Iterator
from typing import Any

_freeze = False
# Chunks the tokenizer remembers how to split (spaCy's default is 10,000): a screen of real
# resumes meets more distinct words than that, and splits each again after the cache is full.
_TOKENIZER_CACHE = 100_000


def freeze_what_spacy_makes() -> None:
    """For a process that is resume-match's own (the command line, a worker child): from now
    on, what importing spaCy and :func:`blank_english` make is frozen out of the collector's
    way (``gc.freeze``). Those half a million objects live as long as the process; left to the
    collector, its next young and middle passes walk every one of them, about 40 ms of a
    ``check``. A library caller's process is left as it is: freezing holds on to any garbage
    that process has not yet collected.
    """
    global _freeze
    _freeze = True


def blank_english() -> Any:
    """``spacy.blank("en")``, importing spaCy first if nothing has yet; its tokenizer keeps
    the splits of up to ``_TOKENIZER_CACHE`` chunks."""
    import_spacy()
    import spacy

    with _collector_paused():
        nlp: Any = spacy.blank("en")
    nlp.tokenizer.max_cache_size = max(nlp.tokenizer.max_cache_size, _TOKENIZER_CACHE)
    return nlp


def import_spacy() -> None:
    """Import spaCy without ``spacy.cli``; nothing happens when spaCy is already imported."""
    if "spacy" in sys.modules:
        return
    placeholders = _placeholders()
    before = set(sys.modules)
    for name, module in placeholders.items():
        sys.modules.setdefault(name, module)
    failed = False
    try:
        with _collector_paused():
            import spacy
    except Exception:
        failed = True
    finally:
        _forget(placeholders, set(sys.modules) - before)
    if failed:
        with _collector_paused():
            import spacy  # noqa: F401


def _placeholders() -> dict[str, types.ModuleType]:
    package = types.ModuleType("spacy.cli")
    package.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    return {"spacy.cli": package, "spacy.cli.info": info}


def _forget(placeholders: dict[str, types.ModuleType], imported: set[str]) -> None:
    """Take the placeholders out of ``sys.modules`` and out of the spaCy modules just imported;
    a module that kept one is forgotten too, so that its next import sees the real package."""
    stand_ins = {id(module) for module in placeholders.values()}
    for name, placeholder in placeholders.items():
        if sys.modules.get(name) is placeholder:
            del sys.modules[name]
    for name in imported:
        module = sys.modules.get(name)
        if module is None or not (name == "spacy" or name.startswith("spacy.")):
            continue
        touched = [key for key, value in vars(module).items() if id(value) in stand_ins]
        if touched and name != "spacy":
            del sys.modules[name]
        for key in touched:
            delattr(module, key)


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
        if _freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()
