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


# What may come before "obj" in a header: its numbers, a sign, whitespace (re's \s for bytes).
_HEADER_BODY = b"0123456789+- \t\n\r\x0b\x0c"
_LOOK_BACK = 64


def object_positions(data: bytes) -> list[int]:
    """``find_positions(OBJ, data)``, faster: the pattern is tried only where "obj" is.

    A regular expression that starts with digits is tried at every digit of a file's compressed
    streams. A header holds nothing but digits, signs and whitespace before its "obj", so each
    match is the leftmost one between where those begin and that "obj"; where they run on past
    the look-back (or never are in the file), the whole file is searched as before.
    """
    found: list[int] = []
    at = data.find(b"obj")
    while at >= 0:
        window = data[max(0, at - _LOOK_BACK) : at]
        body = len(window) - len(window.rstrip(_HEADER_BODY))
        if body == len(window) and at >= _LOOK_BACK:
            return find_positions(OBJ, data)
        match = OBJ.search(data, at - body, at + 4) if body else None
        if match is not None:
            found.append(match.start())
            if len(found) > _MAX_OBJECTS:
                return find_positions(OBJ, data)
        at = data.find(b"obj", at + 3)
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


# --- dictionaries read as pdfium reads them ----------------------------------------------------

_SPACE = re.compile(rb"(?:[\s\x00]|%[^\r\n]*)*")
_BARE = re.compile(rb"[^\s\x00/\[\]()<>{}%]*")
_PAREN = re.compile(rb"\\.|[()]", re.DOTALL)
_REF_AFTER = re.compile(rb"[\s\x00]+[-+]?\d{1,10}[\s\x00]+R(?![^\s\x00/\[\]()<>{}%])")
_MAX_NESTING = 64


def parse_dictionary(data: bytes, position: int) -> tuple[dict[bytes, bytes], int]:
    """The top-level entries of the dictionary at ``position`` and where it ends.

    Strings, nested dictionaries and arrays are skipped whole, so a ``/Filter`` inside them is
    no entry; a key given twice keeps its last value, as in pdfium; names are unescaped. Without
    a dictionary there, the entries are empty and the end is ``position``.
    """
    position = _SPACE.match(data, position).end()  # type: ignore[union-attr]
    if not data.startswith(b"<<", position):
        return {}, position
    entries: dict[bytes, bytes] = {}
    position += 2
    while position < len(data):
        position = _SPACE.match(data, position).end()  # type: ignore[union-attr]
        if data.startswith(b">>", position):
            return entries, position + 2
        if data[position : position + 1] != b"/":
            position = max(position + 1, _value_end(data, position, 1))
            continue
        key_end = _BARE.match(data, position + 1).end()  # type: ignore[union-attr]
        key = unescape(data[position + 1 : key_end])
        start = _SPACE.match(data, key_end).end()  # type: ignore[union-attr]
        if data.startswith(b">>", start):
            return entries, start + 2
        position = _value_end(data, start, 1)
        entries[key] = data[start:position]
    return entries, len(data)


def _value_end(data: bytes, position: int, depth: int) -> int:
    """Where the PDF object starting at ``position`` ends."""
    if depth > _MAX_NESTING:
        return len(data)
    if data.startswith(b"<<", position):
        return parse_dictionary(data, position)[1] if depth < _MAX_NESTING else len(data)
    first = data[position : position + 1]
    if first == b"[":
        position += 1
        while position < len(data):
            position = _SPACE.match(data, position).end()  # type: ignore[union-attr]
            if data.startswith(b"]", position):
                return position + 1
            if data.startswith(b">>", position):
                return position
            position = max(position + 1, _value_end(data, position, depth + 1))
        return len(data)
    if first == b"(":
        level = 0
        for match in _PAREN.finditer(data, position):
            token = match.group(0)
            level += 1 if token == b"(" else -1 if token == b")" else 0
            if level == 0:
                return match.end()
        return len(data)
    if first == b"<":
        end = data.find(b">", position)
        return len(data) if end < 0 else end + 1
    if first == b"/":
        return _BARE.match(data, position + 1).end()  # type: ignore[union-attr]
    end = _BARE.match(data, position).end()  # type: ignore[union-attr]
    if end == position:
        return position + 1
    if data[position:end].isdigit():
        ref = _REF_AFTER.match(data, end)
        if ref is not None:
            return ref.end()
    return end
