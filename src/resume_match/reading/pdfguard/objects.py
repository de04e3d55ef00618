"""Find every object and stream in a PDF's raw bytes, each stream inflated within a budget.

pdfium takes one of the definitions of an object number, which cannot be known here, so every
definition is kept; only the sizes are kept of streams that no page could draw as content.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...errors import PdfBudgetError
from .filters import CHUNK, DecodeFailed, decoded
from .marks import may_mark, unread_streams
from .syntax import (
    ENDOBJ,
    ENDSTREAM,
    OBJ,
    REF,
    STREAM,
    find_positions,
    int_value,
    is_subtype,
    is_type,
    next_after,
    object_positions,
    parse_dictionary,
    stream_filters,
    unescape,
)

_MAX_VARIANTS = 16


@dataclass
class Stream:
    header: bytes
    start: int
    end: int
    size: int = 0
    data: bytes | None = None
    filters: list[bytes] | None = None


class Objects:
    """The bodies and streams of a PDF, read by :meth:`read_objects`; costing builds on them."""

    def __init__(self, data: bytes, max_stream_bytes: int, max_content_bytes: int) -> None:
        self.data = data
        self.budget = max_stream_bytes
        self.content_cap = max_content_bytes
        self.spent = 0
        self.raw_spent = 0
        self.bodies: dict[int, bytes] = {}
        self.all_bodies: list[bytes] = []
        self.streams: dict[int, Stream] = {}
        # Every definition of an object number: pdfium takes one of them, which is not known here.
        self.variants: dict[int, list[Stream]] = {}
        self.endstreams: list[int] = []
        self.marked = False
        """Whether the file may hold marked content (see :mod:`.marks`)."""

    def read_objects(self) -> None:
        data = self.data
        stream_starts = [
            start for start in find_positions(STREAM, data) if data[start - 3 : start] != b"end"
        ]
        endstreams = self.endstreams = find_positions(ENDSTREAM, data)
        self.marked = unread_streams(data, len(stream_starts))
        ends = sorted(find_positions(ENDOBJ, data) + endstreams)
        headers = object_positions(data)
        for start in headers:
            match = OBJ.match(data, start)
            if match is None:  # pragma: no cover - the same pattern found it
                continue
            limit = min(
                next_after(ends, match.end(), len(data)), next_after(headers, start + 1, len(data))
            )
            if next_after(stream_starts, match.end(), len(data)) < limit:
                continue
            body = unescape(data[match.end() : limit])
            self.bodies[int(match.group(1))] = body
            self.all_bodies.append(body)
        dictionaries: dict[int, tuple[int, bytes, dict[bytes, bytes]]] = {}
        found: list[tuple[int, int, bytes, dict[bytes, bytes]]] = []
        for start in stream_starts:
            index = bisect.bisect_left(headers, start) - 1
            if index < 0:
                found.append((start, -1, b"", {}))
                continue
            if index not in dictionaries:
                dictionaries[index] = self._stream_dictionary(headers[index], start)
            found.append((start, *dictionaries[index]))
        # Object streams first: a filter given by reference may name an object kept in one.
        object_streams = [item for item in found if is_type(item[2], b"ObjStm")]
        for start, number, header, entries in object_streams:
            self._read_object_stream(self._add_stream(start, number, header, entries))
        for start, number, header, entries in found:
            if not is_type(header, b"ObjStm"):
                self._add_stream(start, number, header, entries)

    def _add_stream(
        self, start: int, number: int, header: bytes, entries: dict[bytes, bytes]
    ) -> Stream:
        """Measure the stream whose keyword is at ``start`` and record it under ``number``."""
        data = self.data
        data_start = start + (8 if data[start + 6 : start + 8] == b"\r\n" else 7)
        end = next_after(self.endstreams, data_start, len(data))
        length = self._integer(entries.get(b"Length"))
        if length is not None and data_start + length > end:
            end = min(data_start + length, len(data))
        stream = Stream(header, data_start, end, filters=self._filters(entries))
        if is_type(header, b"ObjStm"):
            keep = self.budget
        elif is_subtype(header, b"Image"):
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
        return stream

    def _stream_dictionary(
        self, header_start: int, stream: int
    ) -> tuple[int, bytes, dict[bytes, bytes]]:
        """A stream's object number, dictionary bytes and entries, parsed as pdfium parses it.

        However long the dictionary, and whatever strings or nested dictionaries it holds, its
        own ``/Filter`` (the last, if given twice) is the one that counts.
        """
        match = OBJ.match(self.data, header_start)
        if match is None:  # pragma: no cover - the same pattern found it
            return -1, b"", {}
        entries, end = parse_dictionary(self.data, match.end())
        if end <= match.end():
            end = stream
        return int(match.group(1)), unescape(self.data[match.end() : end]), entries

    def _resolved(self, value: bytes | None) -> bytes | None:
        """``value``, or what it refers to when it is a reference ("9 0 R")."""
        if value is None:
            return None
        for _ in range(8):
            ref = REF.fullmatch(value.strip())
            if ref is None:
                return value
            value = self.bodies.get(int(ref.group(1)), b"")
        return value

    def _integer(self, value: bytes | None) -> int | None:
        resolved = self._resolved(value)
        match = re.match(rb"\s*(\d{1,10})\s*$", resolved or b"")
        return int(match.group(1)) if match else None

    def _filters(self, entries: dict[bytes, bytes]) -> list[bytes]:
        """The stream's filter names, references resolved, as pdfium applies them."""
        value = self._resolved(entries.get(b"Filter"))
        if value is None:
            return []
        value = value.strip()
        if value.startswith(b"["):
            items = re.findall(rb"/[^\s/\[\]()<>{}%]+|\d{1,10}\s+[-+]?\d{1,10}\s+R", value)
            resolved = [self._resolved(item) or b"" for item in items]
        else:
            resolved = [value]
        return [unescape(item.strip()[1:]) for item in resolved if item.strip().startswith(b"/")]

    def _read_object_stream(self, stream: Stream) -> None:
        data = stream.data or b""
        first = int_value(stream.header, b"First")
        count = int_value(stream.header, b"N")
        if first is None or count is None or first > len(data):
            return
        numbers = [int(n) for n in re.findall(rb"\d{1,10}", data[:first])]
        pairs = list(zip(numbers[0::2], numbers[1::2], strict=False))[:count]
        offsets = [first + offset for _, offset in pairs] + [len(data)]
        for index, (number, _) in enumerate(pairs):
            body = unescape(data[offsets[index] : max(offsets[index], offsets[index + 1])])
            self.bodies.setdefault(number, body)
            self.all_bodies.append(body)

    def _decode(self, stream: Stream, keep: int) -> None:
        """Inflate ``stream`` within the budget, keeping its first ``keep`` bytes.

        When a filter fails or is not one pdfium decodes for content, pdfium parses the raw
        bytes instead, so the raw bytes are what is measured and kept.
        """
        try:
            filters = stream.filters
            if filters is None:
                filters = stream_filters(stream.header)
            self._consume(stream, decoded(self._raw(stream), filters), keep)
        except DecodeFailed:
            self.marked = True
            stream.size = 0
            self._consume(stream, self._raw(stream), keep)
        else:
            self.marked = self.marked or may_mark(stream.data, stream.size)

    def _consume(self, stream: Stream, chunks: Iterator[bytes], keep: int) -> None:
        kept: list[bytes] = []
        kept_size = 0
        for chunk in chunks:
            stream.size += len(chunk)
            self.spent += len(chunk)
            if self.spent > self.budget:
                raise PdfBudgetError(
                    f"its compressed streams expand to more than {mb(self.budget)}, "
                    "far more than a resume needs (a decompression bomb?)"
                )
            if kept_size < keep:
                kept.append(chunk[: keep - kept_size])
                kept_size += len(kept[-1])
        stream.data = b"".join(kept) if keep else None

    def _raw(self, stream: Stream) -> Iterator[bytes]:
        """The stream's bytes in chunks; overlapping fake streams cannot make the scan quadratic."""
        for offset in range(stream.start, stream.end, CHUNK):
            chunk = self.data[offset : min(offset + CHUNK, stream.end)]
            self.raw_spent += len(chunk)
            if self.raw_spent > self.budget:
                raise PdfBudgetError(
                    "its streams overlap one another many times over; it is corrupt or built to "
                    "hang readers"
                )
            yield chunk


def mb(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB"
