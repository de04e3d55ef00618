"""Cost every stream and every page of a PDF, forms expanded, against the budgets."""

from __future__ import annotations

from collections import Counter

from ...errors import PdfBudgetError
from .objects import Objects, Stream, mb
from .syntax import (
    DO,
    NAME_REF,
    REF,
    dict_value,
    is_subtype,
    unescape,
    well_formed,
)

_MAX_FORM_DEPTH = 64
# What pdfium spends on drawing a form even when the form is empty, in bytes of content.
_FORM_OVERHEAD = 64


def check_pdf(data: bytes, max_stream_bytes: int, max_content_bytes: int) -> bool:
    """Raise :class:`PdfBudgetError` if ``data`` expands beyond the limits; else say whether
    the file may hold marked content (see :mod:`.marks`).

    Args:
        data: the whole PDF file.
        max_stream_bytes: the most that all its streams together may inflate to.
        max_content_bytes: the most content one page may draw, forms expanded as often as drawn.
    """
    scan = _Scan(data, max_stream_bytes, max_content_bytes)
    scan.read_objects()
    scan.check_pages()
    return scan.marked


class _Scan(Objects):
    def __init__(self, data: bytes, max_stream_bytes: int, max_content_bytes: int) -> None:
        super().__init__(data, max_stream_bytes, max_content_bytes)
        self.costs: dict[tuple[int, int, bytes, tuple[bytes, ...], bool], int] = {}

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
                        f"a page draws more than {mb(self.content_cap)} of content (forms "
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
        # With no form to draw the search finds nothing to count: a page's 150 kB go unread.
        for name, count in Counter(DO.findall(data) if xobjects else ()).items():
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

    def _content_of(self, stream: Stream) -> bytes:
        """Decode again a stream whose header hid that a page draws it (an "image" as content)."""
        again = Stream(stream.header, stream.start, stream.end, filters=stream.filters)
        self._decode(again, self.content_cap + 1)
        return again.data or b""
