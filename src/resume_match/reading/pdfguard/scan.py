"""Cost every stream and every page of a PDF, forms expanded, against the budgets."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ...errors import PdfBudgetError
from .filters import CHUNK, DecodeFailed, decoded
from .syntax import (
    DO,
    ENDOBJ,
    ENDSTREAM,
    NAME_REF,
    OBJ,
    REF,
    STREAM,
    dict_value,
    find_positions,
    int_value,
    is_subtype,
    is_type,
    next_after,
    object_positions,
    parse_dictionary,
    stream_filters,
    unescape,
    well_formed,
)

_MAX_FORM_DEPTH = 64
_MAX_VARIANTS = 16
# What pdfium spends on drawing a form even when the form is empty, in bytes of content.
_FORM_OVERHEAD = 64


@dataclass
class _Stream:
    header: bytes
    start: int
    end: int
    size: int = 0
    data: bytes | None = None
    filters: list[bytes] | None = None


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
        self.endstreams: list[int] = []

    # -- reading -----------------------------------------------------------------------------

    def read_objects(self) -> None:
        data = self.data
        stream_starts = [
            start for start in find_positions(STREAM, data) if data[start - 3 : start] != b"end"
        ]
        endstreams = self.endstreams = find_positions(ENDSTREAM, data)
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
    ) -> _Stream:
        """Measure the stream whose keyword is at ``start`` and record it under ``number``."""
        data = self.data
        data_start = start + (8 if data[start + 6 : start + 8] == b"\r\n" else 7)
        end = next_after(self.endstreams, data_start, len(data))
        length = self._integer(entries.get(b"Length"))
        if length is not None and data_start + length > end:
            end = min(data_start + length, len(data))
        stream = _Stream(header, data_start, end, filters=self._filters(entries))
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

    def _read_object_stream(self, stream: _Stream) -> None:
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

    def _decode(self, stream: _Stream, keep: int) -> None:
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
        for offset in range(stream.start, stream.end, CHUNK):
            chunk = self.data[offset : min(offset + CHUNK, stream.end)]
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
            contents = dict_value(body, b"Contents")
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
        refs = [int(n) for n in REF.findall(contents)]
        if len(refs) == 1 and refs[0] not in self.streams and refs[0] in self.bodies:
            refs = [int(n) for n in REF.findall(self.bodies[refs[0]])]
        return [ref for ref in refs if ref in self.streams]

    def _resources(self, body: bytes, depth: int = 0) -> bytes:
        value = dict_value(body, b"Resources")
        if value is not None:
            return self._deref(value)
        parent = dict_value(body, b"Parent")
        if parent is None or depth > _MAX_FORM_DEPTH:
            return b""
        return self._resources(self._deref(parent), depth + 1)

    def _deref(self, value: bytes) -> bytes:
        match = REF.fullmatch(value.strip())
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
            for name, n in NAME_REF.findall(found or b""):
                names.setdefault(name, set()).add(int(n))
        return names

    def _xobject_dict(self, resources: bytes) -> bytes | None:
        """The /XObject dictionary of ``resources``; None when missing or not a dictionary."""
        value = dict_value(resources, b"XObject")
        if value is None:
            return None
        found = self._deref(value).lstrip()
        return found if found.startswith(b"<<") else None

    def _type3_cost(self, font: bytes) -> int:
        procs = dict_value(font, b"CharProcs")
        if procs is None:
            return 0
        resources = self._resources(font)
        return sum(
            self._cost_of(int(n), resources, (resources,), ())
            for n in REF.findall(self._deref(procs))
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
        for name, count in Counter(DO.findall(data)).items():
            for target in xobjects.get(unescape(name), ()):
                for index, form in enumerate(self.variants.get(target, ())):
                    if total > self.content_cap or not is_subtype(form.header, b"Form"):
                        continue
                    if target in stack or target == number:
                        raise PdfBudgetError(
                            "draws a form that draws itself (a loop of form XObjects); it is "
                            "corrupt or built to hang readers"
                        )
                    own = dict_value(form.header, b"Resources") is not None
                    inner = self._resources(form.header) if own else resources
                    cost = self._cost(
                        target,
                        index,
                        inner,
                        (resources, fallbacks[-1]),
                        (*stack, number),
                        loose=not well_formed(form.header),
                    )
                    total += count * max(_FORM_OVERHEAD, cost)
        self.costs[key] = total
        return total

    def _content_of(self, stream: _Stream) -> bytes:
        """Decode again a stream whose header hid that a page draws it (an "image" as content)."""
        again = _Stream(stream.header, stream.start, stream.end, filters=stream.filters)
        self._decode(again, self.content_cap + 1)
        return again.data or b""


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB"
