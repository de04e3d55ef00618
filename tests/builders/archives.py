"""Deflate and zip written by hand: bombs built without ever holding their expanded size.

A deflate stream of one repeated megabyte is the same bytes over and over once the compressor's
history is flushed, and the checksums of a run of one byte have a closed form.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from .plain import MB

# --- deflate, zlib and zip ----------------------------------------------------------------------


def _runs(byte: int, total: int, wbits: int) -> tuple[bytes, int]:
    """A compressed stream of ``total`` copies of ``byte`` (whole megabytes), and that size."""
    chunk = bytes([byte]) * MB
    count = max(1, total // MB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)
    return first + block * (count - 1) + tail, count * MB


def flate_bomb(total: int, byte: int = 0x20) -> bytes:
    """A zlib stream (PDF FlateDecode) that inflates to ``total`` bytes of ``byte``."""
    data, size = _runs(byte, total, 15)
    # The trailer holds the adler32 of what was compressed: two megabytes. Put the real one.
    low = (1 + size * byte) % 65521
    high = (size + byte * size * (size + 1) // 2) % 65521
    return data[:-4] + struct.pack(">I", high << 16 | low)


def deflate_bomb(total: int, byte: int = 0x20) -> tuple[bytes, int, int]:
    """Raw deflate data (a zip entry) inflating to ``total`` bytes: data, size and CRC-32."""
    data, size = _runs(byte, total, -15)
    crc = 0
    chunk = bytes([byte]) * MB
    for _ in range(size // MB):
        crc = zlib.crc32(chunk, crc)
    return data, size, crc


@dataclass(frozen=True)
class ZipEntry:
    """One member of a hand-made zip: what is stored and what the headers claim about it."""

    name: str
    data: bytes
    size: int | None = None
    crc: int | None = None
    deflated: bool = True
    raw: bool = False
    flags: int = 0


def zip_bytes(entries: Sequence[ZipEntry]) -> bytes:
    """A zip archive whose headers say exactly what each entry says, true or not."""
    out = bytearray()
    central = bytearray()
    for entry in entries:
        name = entry.name.encode("utf-8")
        if entry.raw:
            stored = entry.data
        elif entry.deflated:
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            stored = compressor.compress(entry.data) + compressor.flush()
        else:
            stored = entry.data
        size = len(entry.data) if entry.size is None else entry.size
        crc = zlib.crc32(entry.data) if entry.crc is None else entry.crc
        method = 8 if entry.deflated else 0
        offset = len(out)
        fields = (20, entry.flags, method, 0, 0x21, crc, len(stored), size, len(name), 0)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + name + stored
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            *fields,
            0,
            0,
            0,
            0,
            offset,
        )
        central += name
    start = len(out)
    out += central
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0
    )
    return bytes(out)
