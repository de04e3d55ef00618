"""Stream decoders that stream, so that a bomb costs only the budget."""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Callable, Iterator

CHUNK = 1 << 20

_Decoder = Callable[[Iterator[bytes]], Iterator[bytes]]


class DecodeFailed(Exception):
    """A filter failed or is unknown here; pdfium then falls back to the raw bytes."""


def decoded(raw: Iterator[bytes], filters: list[bytes]) -> Iterator[bytes]:
    """Chunks of the stream's data after its filters (an unfiltered stream is its own data).

    Raises:
        DecodeFailed: while iterating, or at once for a filter that is not decoded here (an
            image codec such as DCT, or a name pdfium does not know).
    """
    chunks = raw
    for name in filters:
        decoder = _DECODERS.get(name)
        if decoder is None:
            raise DecodeFailed(name.decode("latin-1"))
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
                out = inflater.decompress(data, CHUNK)
            except zlib.error as exc:
                raise DecodeFailed(str(exc)) from None
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
        if usable:
            yield _ascii85_groups(text[:usable])
        pending = text[usable:]
        if end != -1:
            break
    if len(pending) > 1:
        try:
            yield base64.a85decode(pending + b"u" * (5 - len(pending)))[: len(pending) - 1]
        except ValueError as exc:
            raise DecodeFailed(str(exc)) from None


def _ascii85_groups(text: bytes) -> bytes:
    """``base64.a85decode`` of whole groups of five characters ``!`` to ``u``, a group a step.

    The standard library's decoder takes a Python step a character: a few milliseconds for the
    content of one page.
    """
    if len(text) >= _ARRAY_GROUPS * 5:
        return _ascii85_arrays(text)
    digits = iter(text.translate(_ASCII85_DIGITS))
    values = [
        (((a * 85 + b) * 85 + c) * 85 + d) * 85 + e
        for a, b, c, d, e in zip(digits, digits, digits, digits, digits, strict=True)
    ]
    if values and max(values) > 0xFFFFFFFF:
        raise DecodeFailed("Ascii85 overflow")
    return struct.pack(f">{len(values)}I", *values)


def _ascii85_arrays(text: bytes) -> bytes:
    """:func:`_ascii85_groups` in array steps: the same sums (below 85**5, far inside 64 bits),
    the same overflow, the same big-endian words."""
    import numpy

    digits = numpy.frombuffer(text.translate(_ASCII85_DIGITS), dtype=numpy.uint8)
    columns = digits.reshape(-1, 5).astype(numpy.uint64)
    values = columns[:, 0]
    for column in range(1, 5):
        values = values * numpy.uint64(85) + columns[:, column]
    if int(values.max()) > 0xFFFFFFFF:
        raise DecodeFailed("Ascii85 overflow")
    return bytes(values.astype(">u4").tobytes())


# Groups of five past which the arrays cost less than the list.
_ARRAY_GROUPS = 64


_ASCII85_DIGITS = bytes((code - 33) % 256 for code in range(256))


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
            if len(out) >= CHUNK:
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
                    raise DecodeFailed(f"LZW code {code} is not in the table")
                out += entry
                previous = entry
                if len(table) + 1 >= 1 << width and width < 12:
                    width += 1
                if len(out) >= CHUNK:
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
