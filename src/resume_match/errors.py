"""The library's exception family, and every user-facing message that more than one place says.

Library messages say what is wrong and what to do in the library's terms ("raise the size
limit"); they never name a command-line flag. A front end that has a flag for the fix swaps the
hint for it: the CLI turns :data:`SIZE_HINT` into "raise it with --max-size ...".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from .model import Status

# Hints that name a setting; the CLI replaces each with its flag (cli/hints.py).
SIZE_HINT = "raise the size limit if this really is a resume"
CACHE_HINT = "turn the cache off"
TAXONOMY_PATH_HINT = "check the taxonomy path"
INSIDE_INPUT_HINT = "or allow a report inside the input folder"
RECURSIVE_HINT = "search sub-folders recursively to include them"
SUBFOLDER_HINT = "search sub-folders recursively to include it"
MIN_SCORE_HINT = "the minimum score"

PASSWORD_PROTECTED = "is protected by a password; save an unprotected copy and try again"
SCANNED = (
    "has no text layer; it looks scanned (images only), so run OCR on it "
    "or export the original as PDF or DOCX"
)
DAMAGED_ZIP = "is not a valid DOCX file (damaged zip); it may be truncated"
VANISHED = "disappeared during the run; it was there when the folder was searched"


def cannot_open(exc: OSError) -> str:
    """A file or folder the system refuses to open."""
    return f"cannot be opened ({exc.strerror or exc}); check its permissions"


def unreadable(detail: str) -> str:
    """A reader failed in a way no check foresaw; ``detail`` names the exception."""
    return (
        f"could not be read ({detail}); the file may be corrupt: open it and save it again as "
        "PDF or DOCX"
    )


def too_slow(seconds: float) -> str:
    """Reading went past the time limit."""
    return (
        f"took longer than the {seconds:g} s limit to read; it may be damaged or built to hang "
        "readers"
    )


def over_memory(limit_mb: int) -> str:
    """Reading went past the memory limit."""
    return (
        f"needs more than the {limit_mb:,} MB memory limit; it may be damaged or built to "
        "exhaust readers"
    )


def internal_error(detail: str) -> str:
    """Something failed that should not have: a bug to report, not a fault of the file."""
    return f"internal error ({detail}); please report it"


def crashed(signal_name: str, limit_mb: int) -> str:
    """The reader's process was killed by a signal, most often at the memory cap."""
    return (
        f"made the reader stop (signal {signal_name}), most likely by needing more than the "
        f"{limit_mb:,} MB memory limit; it may be damaged or built to exhaust readers"
    )


class ResumeMatchError(Exception):
    """Base of every error resume-match raises on purpose.

    ``status`` is the document status the error maps to in reports; ``path`` names the file when
    there is one, so a CLI can print ``error: FILE: message``. A URL stays text (``Path`` would
    fold its ``//``).
    """

    status: ClassVar[Status] = "error"

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path: Path | str | None = (
            path if path is None or (isinstance(path, str) and "://" in path) else Path(path)
        )

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path is not None else self.message

    def __reduce__(self) -> tuple[type[ResumeMatchError], tuple[str, Path | str | None]]:
        # Pickled across a process boundary (isolation), the path must travel with the message.
        return (type(self), (self.message, self.path))


class DocumentError(ResumeMatchError):
    """A document cannot be read: missing, unsupported, corrupt, encrypted, too large."""


class UnsupportedFileError(DocumentError):
    """The file's type is not one resume-match reads."""


class FileTooLargeError(DocumentError):
    """The file, or what it expands to, exceeds a configured limit."""


class PdfBudgetError(FileTooLargeError):
    """A PDF would cost more to parse than its budgets allow; found before pdfium opens it."""


class NoTextError(DocumentError):
    """The document opens but has no usable text layer (scanned, or a broken font map)."""

    status: ClassVar[Status] = "no-text"


class EmptyDocumentError(DocumentError):
    """The document has text, but too little to judge (a name only, a blank template)."""

    status: ClassVar[Status] = "empty"


class TaxonomyError(ResumeMatchError):
    """A taxonomy file is missing, is not valid TOML, or breaks the schema.

    ``field`` names the part that breaks it (``skill 'espresso'.category``) when there is one, so a
    validator can point at the line.
    """

    field: str = ""


class ScreeningError(ResumeMatchError):
    """A batch cannot start or its output cannot be written."""


class CacheError(ResumeMatchError):
    """The cache file cannot be opened, read or written; screening goes on without it."""


class PostingError(ResumeMatchError):
    """A job posting cannot be used: unreadable, empty, or it names none of the role's skills.

    ``problem`` is the document status (``error``, ``no-text``, ``empty``) or ``no-skills``.
    """

    def __init__(
        self, message: str, path: Path | str | None = None, problem: str = "error"
    ) -> None:
        super().__init__(message, path)
        self.problem = problem
