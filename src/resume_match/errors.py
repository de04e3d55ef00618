"""The library's exception family: every failure a user can cause is one of these."""

from __future__ import annotations

from pathlib import Path


class ResumeMatchError(Exception):
    """Base of every error resume-match raises on purpose.

    ``status`` is the document status the error maps to in reports; ``path`` names the file when
    there is one, so a CLI can print ``error: FILE: message``.
    """

    status = "error"

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path is not None else self.message


class DocumentError(ResumeMatchError):
    """A document cannot be read: missing, unsupported, corrupt, encrypted, too large."""


class UnsupportedFileError(DocumentError):
    """The file's type is not one resume-match reads."""


class FileTooLargeError(DocumentError):
    """The file, or what it expands to, exceeds a configured limit."""


class NoTextError(DocumentError):
    """The document opens but has no usable text layer (scanned, or a broken font map)."""

    status = "no-text"


class EmptyDocumentError(DocumentError):
    """The document has text, but too little to judge (a name only, a blank template)."""

    status = "empty"


class TaxonomyError(ResumeMatchError):
    """A taxonomy file is missing, is not valid TOML, or breaks the schema."""


class ScreeningError(ResumeMatchError):
    """A batch cannot start or its output cannot be written."""
