"""resume-match: score resumes and cover letters against a role's skills taxonomy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

__all__ = [
    "CheckResult",
    "Checker",
    "DocumentResult",
    "ReadOptions",
    "ResumeMatchError",
    "Taxonomy",
    "__version__",
    "check",
    "load_taxonomy",
    "read_document",
]

_LAZY = {
    "CheckResult": "model",
    "Checker": "api",
    "DocumentResult": "model",
    "check": "api",
    "ReadOptions": "reading",
    "read_document": "reading",
    "Taxonomy": "taxonomy",
    "load_taxonomy": "taxonomy",
    "ResumeMatchError": "errors",
}

if TYPE_CHECKING:
    from .api import Checker, check
    from .errors import ResumeMatchError
    from .model import CheckResult, DocumentResult
    from .reading import ReadOptions, read_document
    from .taxonomy import Taxonomy, load_taxonomy


def __getattr__(name: str) -> Any:
    """Import heavy modules (spaCy, PDF readers) only when they are used, to keep --help fast."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
