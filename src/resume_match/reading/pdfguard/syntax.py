"""Just enough PDF syntax to find objects, streams and dictionary values in raw bytes."""

from __future__ import annotations

import bisect
import re

from ...errors import PdfBudgetError

_MAX_OBJECTS = 200_000

# Generation numbers as pdfium takes them: any integer, signed or not ("6 -1 obj").
OBJ = re.compile(rb"(\d{1,10})\s+[-+]?\d{1,10}\s+obj\b")
STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
ENDOBJ = re.compile(rb"endobj")
ENDSTREAM = re.compile(rb"endstream")
REF = re.compile(rb"(\d{1,10})\s+[-+]?\d{1,10}\s+R\b")
NAME_REF = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*(\d{1,10})\s+[-+]?\d{1,10}\s+R\b")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do(?![^\s/\[\]()<>{}%])")
_DELIMITED = rb"(?![^\s/\[\]()<>{}%])"
_FILTER_NAMES = re.compile(rb"/([A-Za-z0-9]+)")
_INT = re.compile(rb"\s*(\d{1,10})")


def find_positions(pattern: re.Pattern[bytes], data: bytes) -> list[int]:
    """Where ``pattern`` occurs; a resume has a few thousand objects, a flood of them is refused."""
    found: list[int] = []
    for match in pattern.finditer(data):
        found.append(match.start())
        if len(found) > _MAX_OBJECTS:
            raise PdfBudgetError(
                f"holds more than {_MAX_OBJECTS:,} objects, far more than a resume; it may be "
                "built to slow readers down"
            )
    return found


def next_after(positions: list[int], after: int, default: int) -> int:
    index = bisect.bisect_left(positions, after)
    return positions[index] if index < len(positions) else default


def unescape(raw: bytes) -> bytes:
    """Decode ``#xx`` escapes in names, as pdfium does: ``/Cont#65nts`` is ``/Contents``."""
    if b"#" not in raw:
        return raw
    return _NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)


def is_type(header: bytes, name: bytes) -> bool:
    return re.search(rb"/Type\s*/" + name + _DELIMITED, header) is not None


def is_subtype(header: bytes, name: bytes) -> bool:
    return re.search(rb"/Subtype\s*/" + name + _DELIMITED, header) is not None


def int_value(header: bytes, key: bytes) -> int | None:
    value = dict_value(header, key)
    match = _INT.match(value or b"")
    return int(match.group(1)) if match else None


def dict_value(body: bytes, key: bytes) -> bytes | None:
    """The raw value of ``/key`` in a dictionary: a reference, a nested dict or array, a token."""
    match = re.search(rb"/" + key + _DELIMITED, body)
    if match is None:
        return None
    position = match.end()
    while position < len(body) and body[position : position + 1] in b" \t\r\n\x0c\x00":
        position += 1
    rest = body[position:]
    if rest.startswith(b"<<"):
        return rest[: _balanced(rest, b"<<", b">>")]
    if rest.startswith(b"["):
        return rest[: _balanced(rest, b"[", b"]")]
    ref = re.match(rb"\d{1,10}\s+\d{1,5}\s+R\b", rest)
    if ref is not None:
        return ref.group(0)
    token = re.match(rb"/?[^\s/\[\]()<>{}%]*", rest)
    return token.group(0) if token else b""


def _balanced(text: bytes, opening: bytes, closing: bytes) -> int:
    depth = 0
    for match in re.finditer(re.escape(opening) + b"|" + re.escape(closing), text):
        depth += 1 if match.group(0) == opening else -1
        if depth == 0:
            return match.end()
    return len(text)


_TOKEN = re.compile(
    rb"<<|>>|\[|\]|\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<[0-9A-Fa-f\s]*>|%[^\r\n]*"
    rb"|[^\s\[\]()<>{}%]+|[()<>{}]"
)


def well_formed(header: bytes) -> bool:
    """True when the dictionary's brackets pair up, so that its top-level keys are certain."""
    stack: list[bytes] = []
    closing = {b">>": b"<<", b"]": b"["}
    for match in _TOKEN.finditer(header):
        token = match.group(0)
        if token in (b"<<", b"["):
            stack.append(token)
        elif token in closing:
            if not stack or stack.pop() != closing[token]:
                return False
        elif token in (b"(", b")", b"<", b">", b"{", b"}"):
            return False
    return not stack


def stream_filters(header: bytes) -> list[bytes]:
    value = dict_value(header, b"Filter")
    if value is None:
        return []
    return [name for name in _FILTER_NAMES.findall(value) if name != b"R"]
