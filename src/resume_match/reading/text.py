"""Plain text and Markdown: decode UTF-8, UTF-16 or a legacy code page; refuse binary data."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import DocumentError, FileTooLargeError
from .extracted import Extracted
from .options import ReadOptions

_BINARY = "looks like binary data, not text; is it really a .txt file?"
# The control characters no text file holds: below 32, except tab, line feed, form feed, return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def read_text(path: Path, options: ReadOptions) -> Extracted:
    size = path.stat().st_size
    # No encoding spends more than 4 bytes on a character: a bigger file is over max_chars,
    # and is refused before it is read, let alone decoded.
    if size > 4 * options.max_chars:
        raise FileTooLargeError(
            f"holds more than {options.max_chars:,} characters of text ({size / 1024 / 1024:.1f} "
            "MB), more than a resume could need; is it a resume?",
            path,
        )
    data = path.read_bytes()
    utf16 = _utf16_codec(data)
    if utf16 is not None:
        text = data.decode(utf16, "replace")
    else:
        # NULs padding the end are an editor's leftovers; a few inside hide words ("HI\0PAA").
        data = data.rstrip(b"\x00")
        if data.count(b"\x00") > max(4, len(data) // 100):
            raise DocumentError(_BINARY, path)
        text = _decode(data.replace(b"\x00", b""))
    sample = text[:20_000]
    control = len(_CONTROL.findall(sample)) if _CONTROL.search(sample) else 0
    if control > max(10, len(sample) // 50):
        raise DocumentError(_BINARY, path)
    return Extracted([text])


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _utf16_codec(data: bytes) -> str | None:
    """The codec of UTF-16 text, with or without a byte-order mark, else None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # ASCII letters in UTF-16 put a NUL in every other byte: odd bytes in little-endian order.
    if odd > 0.4 * len(sample) / 2 and even < 0.05 * len(sample) / 2:
        return "utf-16-le"
    if even > 0.4 * len(sample) / 2 and odd < 0.05 * len(sample) / 2:
        return "utf-16-be"
    return None
