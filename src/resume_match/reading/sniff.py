"""Which files are read as what: suffixes, magic bytes, and why a type is not supported."""

from __future__ import annotations

import stat
from pathlib import Path

from ..errors import (
    PASSWORD_PROTECTED,
    SIZE_HINT,
    DocumentError,
    EmptyDocumentError,
    FileTooLargeError,
    UnsupportedFileError,
    cannot_open,
)
from .options import ReadOptions

SUPPORTED_SUFFIXES = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
}
_SUPPORTED_LIST = "PDF, DOCX, TXT or MD"
_SAVE_AS = f"save it as PDF or DOCX (supported: {_SUPPORTED_LIST})"
_UNSUPPORTED_HINTS = {
    ".doc": f"is a legacy Word .doc file; {_SAVE_AS}",
    ".odt": f"is an OpenDocument file; {_SAVE_AS}",
    ".rtf": f"is an RTF file; {_SAVE_AS}",
    ".pages": f"is an Apple Pages file; {_SAVE_AS}",
    ".html": f"is a web page; {_SAVE_AS}",
    ".htm": f"is a web page; {_SAVE_AS}",
}
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp", ".heic"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def unsupported_reason(path: Path) -> str | None:
    """Why a file of this name's type is not read, and what to ask for instead; None if it is."""
    suffix = path.suffix.lower()
    if suffix in _UNSUPPORTED_HINTS:
        return _UNSUPPORTED_HINTS[suffix]
    if suffix in _IMAGE_SUFFIXES:
        return (
            "is an image; resume-match reads text, so export the resume as PDF or DOCX "
            "(or run OCR on it first)"
        )
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "a file with no extension"
        return f"{shown} is not a supported type (supported: {_SUPPORTED_LIST})"
    return None


def check_file(path: Path, options: ReadOptions) -> str:
    """The kind of file at ``path``, once it exists, is supported and is under the size limit."""
    try:
        if not path.exists():
            raise DocumentError("no such file; check the path", path)
        if path.is_dir():
            raise DocumentError(
                "is a folder; give a file, or use 'resume-match screen' for folders", path
            )
        info = path.stat()
    except OSError as exc:
        raise DocumentError(cannot_open(exc), path) from None
    if not stat.S_ISREG(info.st_mode):
        # A pipe or a device: opening it could wait for ever, and it holds no document.
        raise DocumentError("is not a regular file (a pipe or a device?); give a file", path)
    size = info.st_size
    reason = unsupported_reason(path)
    if reason is not None:
        raise UnsupportedFileError(reason, path)
    suffix = path.suffix.lower()
    if size == 0:
        raise EmptyDocumentError("is empty (0 bytes)", path)
    if size > options.max_bytes:
        raise FileTooLargeError(
            f"is {size / 1024 / 1024:.1f} MB, over the "
            f"{round(options.max_bytes / 1024 / 1024, 2):g} MB limit; "
            f"{SIZE_HINT}",
            path,
        )
    return SUPPORTED_SUFFIXES[suffix]


def read_head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(1024)
    except OSError as exc:
        raise DocumentError(cannot_open(exc), path) from None


def sniff(path: Path, kind: str, head: bytes) -> str:
    """Check that the content is what the name says, and say what it really is when not."""
    is_pdf = b"%PDF-" in head
    is_zip = head.startswith(b"PK\x03\x04")
    if head.startswith(_OLE_MAGIC):
        if _is_encrypted_office(path):
            raise DocumentError(PASSWORD_PROTECTED, path)
        raise UnsupportedFileError(
            f"is a legacy Word .doc file renamed to {path.suffix.lower()}; {_SAVE_AS}", path
        )
    if kind == "text":
        if head.startswith(b"%PDF-"):
            raise UnsupportedFileError("is really a PDF with a text name; rename it to .pdf", path)
        if is_zip:
            raise UnsupportedFileError(
                "is really a zip file (a DOCX?) with a text name; rename it to .docx", path
            )
    if kind == "docx":
        # A zip package is a DOCX whatever its first kilobyte holds ("%PDF-" in a part's name or
        # data); only a file that is not a zip and holds the PDF marker is a renamed PDF.
        if is_pdf and not is_zip:
            raise UnsupportedFileError("is really a PDF with a .docx name; rename it to .pdf", path)
        if not is_zip:
            raise DocumentError(
                "is not a valid DOCX file (not a zip package); it may be corrupt", path
            )
    if kind == "pdf" and not is_pdf:
        if is_zip:
            raise UnsupportedFileError(
                "is really a DOCX/zip file with a .pdf name; rename it", path
            )
        raise DocumentError(
            "is not a valid PDF (no %PDF header); it may be corrupt or truncated", path
        )
    return kind


def _is_encrypted_office(path: Path) -> bool:
    """A password-protected .docx is an OLE file holding an "EncryptedPackage" stream."""
    try:
        with path.open("rb") as handle:
            return "EncryptedPackage".encode("utf-16-le") in handle.read(8 * 1024 * 1024)
    except OSError:
        return False
