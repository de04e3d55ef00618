"""Look inside a PDF before pdfium parses it, and refuse the ones built to exhaust a reader.

pdfium decodes every content stream of a page, and every form XObject the page draws, in full when
the page loads, and it cannot be interrupted. A 1 MB file can hold a content stream that inflates
to gigabytes, or a form that draws itself twice at every level. So the raw file is scanned first:
each stream is inflated with a budget (nothing is kept but the sizes and the streams that pages
draw), then each page's content is costed with its forms expanded. The scan is conservative: it
reads every stream it can find, whatever the cross-reference table says.

What it cannot see (streams of an encrypted PDF, filters it does not know) is left to the page
limits in the reader and to the child process that ``ReadOptions.isolate`` runs the reader in.
"""

from __future__ import annotations

import bisect
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_CHUNK = 1 << 20
_MAX_FORM_DEPTH = 64
_MAX_OBJECTS = 200_000
_MAX_VARIANTS = 16
# What pdfium spends on drawing a form even when the form is empty, in bytes of content.
_FORM_OVERHEAD = 64

# Generation numbers as pdfium takes them: any integer, signed or not ("6 -1 obj").
_OBJ = re.compile(rb"(\d{1,10})\s+[-+]?\d{1,10}\s+obj\b")
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_ENDOBJ = re.compile(rb"endobj")
_ENDSTREAM = re.compile(rb"endstream")
_REF = re.compile(rb"(\d{1,10})\s+[-+]?\d{1,10}\s+R\b")
_NAME_REF = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*(\d{1,10})\s+[-+]?\d{1,10}\s+R\b")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do(?![^\s/\[\]()<>{}%])")
_DELIMITED = rb"(?![^\s/\[\]()<>{}%])"
_FILTER_NAMES = re.compile(rb"/([A-Za-z0-9]+)")
_INT = re.compile(rb"\s*(\d{1,10})")


class PdfBudgetError(Exception):
    """The PDF would cost more to parse than the limits allow; the message says why."""


@dataclass
class _Stream:
    header: bytes
    start: int
    end: int
    size: int = 0
    data: bytes | None = None


def check_pdf(data: bytes, max_stream_bytes: int, max_content_bytes: int) -> None:
    """Raise :class:`PdfBudgetError` if ``data`` expands beyond the limits.

    Args:
        data: the whole PDF file.
        max_stream_bytes: the most that all its streams together may inflate to.
        max_content_bytes: the most content one page may draw, forms expanded as often as drawn.
    """
    scan = _Scan(data, max_stream_bytes, max_content_bytes)
    scan.read_objects()
    scan.check_pages()


class _Scan:
    def __init__(self, data: bytes, max_stream_bytes: int, max_content_bytes: int) -> None:
        self.data = data
        self.budget = max_stream_bytes
        self.content_cap = max_content_bytes
        self.spent = 0
        self.raw_spent = 0
        self.bodies: dict[int, bytes] = {}
        self.all_bodies: list[bytes] = []
        self.streams: dict[int, _Stream] = {}
        # Every definition of an object number: pdfium takes one of them, which is not known here.
        self.variants: dict[int, list[_Stream]] = {}
        self.costs: dict[tuple[int, int, bytes, tuple[bytes, ...], bool], int] = {}

    # -- reading -----------------------------------------------------------------------------

    def read_objects(self) -> None:
        data = self.data
        stream_starts = [
            start for start in _positions(_STREAM, data) if data[start - 3 : start] != b"end"
        ]
        endstreams = _positions(_ENDSTREAM, data)
        ends = sorted(_positions(_ENDOBJ, data) + endstreams)
        headers = _positions(_OBJ, data)
        for start in headers:
            match = _OBJ.match(data, start)
            if match is None:  # pragma: no cover - the same pattern found it
                continue
            limit = min(_next(ends, match.end(), len(data)), _next(headers, start + 1, len(data)))
            if _next(stream_starts, match.end(), len(data)) < limit:
                continue
            body = _unescape(data[match.end() : limit])
            self.bodies[int(match.group(1))] = body
            self.all_bodies.append(body)
        object_streams: list[_Stream] = []
        for start in stream_starts:
            index = bisect.bisect_left(headers, start) - 1
            header_match = _OBJ.match(data, headers[index]) if index >= 0 else None
            if header_match is not None and start - header_match.end() >= 65536:
                header_match = None
            number = int(header_match.group(1)) if header_match else -1
            header = _unescape(data[header_match.end() : start] if header_match else b"")
            data_start = start + (8 if data[start + 6 : start + 8] == b"\r\n" else 7)
            end = _next(endstreams, data_start, len(data))
            length = _int_value(header, b"Length")
            if length is not None and data_start + length > end:
                end = min(data_start + length, len(data))
            stream = _Stream(header, data_start, end)
            if _is_type(header, b"ObjStm"):
                keep = self.budget
            elif _is_subtype(header, b"Image"):
                keep = 0
            else:
                keep = self.content_cap + 1
            self._decode(stream, keep)
            previous = self.streams.get(number)
            if previous is None or previous.size <= stream.size:
                self.streams[number] = stream
            variants = self.variants.setdefault(number, [])
            variants.append(stream)
            del variants[:-_MAX_VARIANTS]
            if _is_type(header, b"ObjStm"):
                object_streams.append(stream)
        for stream in object_streams:
            self._read_object_stream(stream)

    def _read_object_stream(self, stream: _Stream) -> None:
        data = stream.data or b""
        first = _int_value(stream.header, b"First")
        count = _int_value(stream.header, b"N")
        if first is None or count is None or first > len(data):
            return
        numbers = [int(n) for n in re.findall(rb"\d{1,10}", data[:first])]
        pairs = list(zip(numbers[0::2], numbers[1::2], strict=False))[:count]
        offsets = [first + offset for _, offset in pairs] + [len(data)]
        for index, (number, _) in enumerate(pairs):
            body = _unescape(data[offsets[index] : max(offsets[index], offsets[index + 1])])
            self.bodies.setdefault(number, body)
            self.all_bodies.append(body)

    def _decode(self, stream: _Stream, keep: int) -> None:
        """Inflate ``stream`` within the budget, keeping its first ``keep`` bytes.

        When a filter fails or is not one pdfium decodes for content, pdfium parses the raw
        bytes instead, so the raw bytes are what is measured and kept.
        """
        try:
            self._consume(stream, _decoded(self._raw(stream), _filters(stream.header)), keep)
        except _DecodeFailed:
            stream.size = 0
            self._consume(stream, self._raw(stream), keep)

    def _consume(self, stream: _Stream, chunks: Iterator[bytes], keep: int) -> None:
        kept: list[bytes] = []
        kept_size = 0
        for chunk in chunks:
            stream.size += len(chunk)
            self.spent += len(chunk)
            if self.spent > self.budget:
                raise PdfBudgetError(
                    f"its compressed streams expand to more than {_mb(self.budget)}, "
                    "far more than a resume needs (a decompression bomb?)"
                )
            if kept_size < keep:
                kept.append(chunk[: keep - kept_size])
                kept_size += len(kept[-1])
        stream.data = b"".join(kept) if keep else None

    def _raw(self, stream: _Stream) -> Iterator[bytes]:
        """The stream's bytes in chunks; overlapping fake streams cannot make the scan quadratic."""
        for offset in range(stream.start, stream.end, _CHUNK):
            chunk = self.data[offset : min(offset + _CHUNK, stream.end)]
            self.raw_spent += len(chunk)
            if self.raw_spent > self.budget:
                raise PdfBudgetError(
                    "its streams overlap one another many times over; it is corrupt or built to "
                    "hang readers"
                )
            yield chunk

    # -- costing -----------------------------------------------------------------------------

    def check_pages(self) -> None:
        type3 = sum(self._type3_cost(body) for body in self.all_bodies if b"/CharProcs" in body)
        for body in self.all_bodies:
            contents = _value(body, b"Contents")
            if contents is None:
                continue
            refs = self._content_refs(contents)
            if not refs:
                continue
            resources = self._resources(body)
            total = type3
            for ref in refs:
                total += self._cost_of(ref, resources, (resources,), ())
                if total > self.content_cap:
                    raise PdfBudgetError(
                        f"a page draws more than {_mb(self.content_cap)} of content (forms "
                        "counted as often as they are drawn), far more than a resume page; it "
                        "may be built to exhaust readers"
                    )

    def _content_refs(self, contents: bytes) -> list[int]:
        refs = [int(n) for n in _REF.findall(contents)]
        if len(refs) == 1 and refs[0] not in self.streams and refs[0] in self.bodies:
            refs = [int(n) for n in _REF.findall(self.bodies[refs[0]])]
        return [ref for ref in refs if ref in self.streams]

    def _resources(self, body: bytes, depth: int = 0) -> bytes:
        value = _value(body, b"Resources")
        if value is not None:
            return self._deref(value)
        parent = _value(body, b"Parent")
        if parent is None or depth > _MAX_FORM_DEPTH:
            return b""
        return self._resources(self._deref(parent), depth + 1)

    def _deref(self, value: bytes) -> bytes:
        match = _REF.fullmatch(value.strip())
        if match is None:
            return value
        number = int(match.group(1))
        if number in self.bodies:
            return self.bodies[number]
        stream = self.streams.get(number)
        return stream.header if stream is not None else b""

    def _xobjects(
        self, resources: bytes, fallbacks: tuple[bytes, ...], loose: bool
    ) -> dict[bytes, set[int]]:
        """The objects each name can draw: from the resources' /XObject, else from the fallbacks.

        pdfium looks a name up in the form's own /XObject dictionary; a form without one uses
        its parent's resources and then the page's, so a form can draw itself through the page.
        When the form's dictionary is malformed (``loose``), pdfium's reading of it cannot be
        told, so every reading counts.
        """
        names: dict[bytes, set[int]] = {}
        own = self._xobject_dict(resources)
        sources = (
            [own] if own is not None and not loose else [own, *map(self._xobject_dict, fallbacks)]
        )
        for found in sources:
            for name, n in _NAME_REF.findall(found or b""):
                names.setdefault(name, set()).add(int(n))
        return names

    def _xobject_dict(self, resources: bytes) -> bytes | None:
        """The /XObject dictionary of ``resources``; None when missing or not a dictionary."""
        value = _value(resources, b"XObject")
        if value is None:
            return None
        found = self._deref(value).lstrip()
        return found if found.startswith(b"<<") else None

    def _type3_cost(self, font: bytes) -> int:
        procs = _value(font, b"CharProcs")
        if procs is None:
            return 0
        resources = self._resources(font)
        return sum(
            self._cost_of(int(n), resources, (resources,), ())
            for n in _REF.findall(self._deref(procs))
        )

    def _cost_of(
        self, number: int, resources: bytes, fallbacks: tuple[bytes, ...], stack: tuple[int, ...]
    ) -> int:
        """The dearest of the definitions of stream ``number``, drawn with ``resources``."""
        return max(
            (
                self._cost(number, index, resources, fallbacks, stack)
                for index in range(len(self.variants.get(number, ())))
            ),
            default=0,
        )

    def _cost(
        self,
        number: int,
        variant: int,
        resources: bytes,
        fallbacks: tuple[bytes, ...],
        stack: tuple[int, ...],
        loose: bool = False,
    ) -> int:
        """Bytes of content pdfium parses to draw one definition of stream ``number``.

        Forms it draws are expanded as often as they are drawn. ``resources`` are the stream's
        own; ``fallbacks`` are where pdfium looks when they have no /XObject dictionary: the
        drawing form's resources and the page's.
        """
        key = (number, variant, resources, fallbacks, loose)
        if key in self.costs:
            return self.costs[key]
        stream = self.variants[number][variant]
        if len(stack) > _MAX_FORM_DEPTH:
            raise PdfBudgetError(
                f"nests drawings more than {_MAX_FORM_DEPTH} levels deep; it may be corrupt "
                "or built to exhaust readers"
            )
        if stream.data is None and stream.size:
            stream.data = self._content_of(stream)
        data = stream.data or b""
        total = stream.size
        xobjects = self._xobjects(resources, fallbacks, loose) if b"Do" in data else {}
        for name, count in Counter(_DO.findall(data)).items():
            for target in xobjects.get(_unescape(name), ()):
                for index, form in enumerate(self.variants.get(target, ())):
                    if total > self.content_cap or not _is_subtype(form.header, b"Form"):
                        continue
                    if target in stack or target == number:
                        raise PdfBudgetError(
                            "draws a form that draws itself (a loop of form XObjects); it is "
                            "corrupt or built to hang readers"
                        )
                    own = _value(form.header, b"Resources") is not None
                    inner = self._resources(form.header) if own else resources
                    cost = self._cost(
                        target,
                        index,
                        inner,
                        (resources, fallbacks[-1]),
                        (*stack, number),
                        loose=not _well_formed(form.header),
                    )
                    total += count * max(_FORM_OVERHEAD, cost)
        self.costs[key] = total
        return total

    def _content_of(self, stream: _Stream) -> bytes:
        """Decode again a stream whose header hid that a page draws it (an "image" as content)."""
        again = _Stream(stream.header, stream.start, stream.end)
        self._decode(again, self.content_cap + 1)
        return again.data or b""


# -- PDF syntax, just enough -------------------------------------------------------------------


def _positions(pattern: re.Pattern[bytes], data: bytes) -> list[int]:
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


def _next(positions: list[int], after: int, default: int) -> int:
    index = bisect.bisect_left(positions, after)
    return positions[index] if index < len(positions) else default


def _unescape(raw: bytes) -> bytes:
    """Decode ``#xx`` escapes in names, as pdfium does: ``/Cont#65nts`` is ``/Contents``."""
    if b"#" not in raw:
        return raw
    return _NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)


def _is_type(header: bytes, name: bytes) -> bool:
    return re.search(rb"/Type\s*/" + name + _DELIMITED, header) is not None


def _is_subtype(header: bytes, name: bytes) -> bool:
    return re.search(rb"/Subtype\s*/" + name + _DELIMITED, header) is not None


def _int_value(header: bytes, key: bytes) -> int | None:
    value = _value(header, key)
    match = _INT.match(value or b"")
    return int(match.group(1)) if match else None


def _value(body: bytes, key: bytes) -> bytes | None:
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


def _well_formed(header: bytes) -> bool:
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


def _filters(header: bytes) -> list[bytes]:
    value = _value(header, b"Filter")
    if value is None:
        return []
    return [name for name in _FILTER_NAMES.findall(value) if name != b"R"]


# -- decoders that stream, so that a bomb costs only the budget --------------------------------

_Decoder = Callable[[Iterator[bytes]], Iterator[bytes]]


class _DecodeFailed(Exception):
    """A filter failed or is unknown here; pdfium then falls back to the raw bytes."""


def _decoded(raw: Iterator[bytes], filters: list[bytes]) -> Iterator[bytes]:
    """Chunks of the stream's data after its filters (an unfiltered stream is its own data).

    Raises:
        _DecodeFailed: while iterating, or at once for a filter that is not decoded here (an
            image codec such as DCT, or a name pdfium does not know).
    """
    chunks = raw
    for name in filters:
        decoder = _DECODERS.get(name)
        if decoder is None:
            raise _DecodeFailed(name.decode("latin-1"))
        chunks = decoder(chunks)
    return chunks


def _inflate(chunks: Iterator[bytes]) -> Iterator[bytes]:
    first = True
    inflater = zlib.decompressobj()
    for chunk in chunks:
        if first and not _zlib_header(chunk):
            inflater = zlib.decompressobj(-15)
        first = False
        data = chunk
        while data and not inflater.eof:
            try:
                out = inflater.decompress(data, _CHUNK)
            except zlib.error as exc:
                raise _DecodeFailed(str(exc)) from None
            if out:
                yield out
            data = inflater.unconsumed_tail
        if inflater.eof:
            return


def _zlib_header(chunk: bytes) -> bool:
    return len(chunk) >= 2 and chunk[0] & 0x0F == 8 and (chunk[0] << 8 | chunk[1]) % 31 == 0


def _ascii_hex(chunks: Iterator[bytes]) -> Iterator[bytes]:
    pending = b""
    for chunk in chunks:
        end = chunk.find(b">")
        digits = pending + re.sub(rb"[^0-9A-Fa-f]", b"", chunk if end == -1 else chunk[:end])
        usable = len(digits) - len(digits) % 2
        if usable:
            yield bytes.fromhex(digits[:usable].decode("ascii"))
        pending = digits[usable:]
        if end != -1:
            break
    if pending:
        yield bytes.fromhex((pending + b"0").decode("ascii"))


def _ascii85(chunks: Iterator[bytes]) -> Iterator[bytes]:
    import base64

    pending = b""
    for chunk in chunks:
        end = chunk.find(b"~>")
        text = pending + re.sub(rb"[^!-uz]", b"", chunk if end == -1 else chunk[:end])
        text = text.replace(b"z", b"!!!!!")
        usable = len(text) - len(text) % 5
        try:
            if usable:
                yield base64.a85decode(text[:usable])
        except ValueError as exc:
            raise _DecodeFailed(str(exc)) from None
        pending = text[usable:]
        if end != -1:
            break
    if len(pending) > 1:
        try:
            yield base64.a85decode(pending + b"u" * (5 - len(pending)))[: len(pending) - 1]
        except ValueError as exc:
            raise _DecodeFailed(str(exc)) from None


def _run_length(chunks: Iterator[bytes]) -> Iterator[bytes]:
    pending = b""
    for chunk in chunks:
        data = pending + chunk
        out = bytearray()
        position = 0
        while position < len(data):
            length = data[position]
            if length == 128:
                if out:
                    yield bytes(out)
                return
            if length < 128:
                if position + length + 2 > len(data):
                    break
                out += data[position + 1 : position + length + 2]
                position += length + 2
            else:
                if position + 1 >= len(data):
                    break
                out += data[position + 1 : position + 2] * (257 - length)
                position += 2
            if len(out) >= _CHUNK:
                yield bytes(out)
                out.clear()
        if out:
            yield bytes(out)
        pending = data[position:]


def _lzw(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """PDF's LZW (EarlyChange 1), emitting as it goes."""
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    width = 9
    previous: bytes | None = None
    bits = 0
    count = 0
    out = bytearray()
    for chunk in chunks:
        for byte in chunk:
            bits = bits << 8 | byte
            count += 8
            while count >= width:
                count -= width
                code = bits >> count & ((1 << width) - 1)
                bits &= (1 << count) - 1
                if code == 256:
                    del table[258:]
                    width = 9
                    previous = None
                    continue
                if code == 257:
                    if out:
                        yield bytes(out)
                    return
                if code < len(table):
                    entry = table[code]
                    if previous is not None and len(table) < 4096:
                        table.append(previous + entry[:1])
                elif previous is not None and code == len(table) and len(table) < 4096:
                    entry = previous + previous[:1]
                    table.append(entry)
                else:
                    raise _DecodeFailed(f"LZW code {code} is not in the table")
                out += entry
                previous = entry
                if len(table) + 1 >= 1 << width and width < 12:
                    width += 1
                if len(out) >= _CHUNK:
                    yield bytes(out)
                    out.clear()
    if out:
        yield bytes(out)


_DECODERS: dict[bytes, _Decoder] = {
    b"FlateDecode": _inflate,
    b"Fl": _inflate,
    b"ASCIIHexDecode": _ascii_hex,
    b"AHx": _ascii_hex,
    b"ASCII85Decode": _ascii85,
    b"A85": _ascii85,
    b"RunLengthDecode": _run_length,
    b"RL": _run_length,
    b"LZWDecode": _lzw,
    b"LZW": _lzw,
}


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB"
