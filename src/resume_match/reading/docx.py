"""DOCX: check the package, then walk body, headers, footers and text boxes; hidden runs apart."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from ..errors import DAMAGED_ZIP, DocumentError, FileTooLargeError, over_memory
from ..model import DroppedText
from .docx_package import DAMAGED_DOCX, Budget, open_package
from .docx_styles import Styles
from .docx_walk import Collected, Walker, page_of
from .extracted import Extracted, hidden_flag
from .options import ReadOptions

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_T = TypeVar("_T")


_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_MAIN_CONTENT_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
)


def read_docx(path: Path, options: ReadOptions) -> Extracted:
    """Read the main document, headers and footers straight from the package.

    Opening the whole package with ``docx.Document`` parses every part, styles and numbering
    included, which is most of the cost of a resume; only the parts that hold text are parsed
    here, with python-docx's own XML parser (entities are never resolved).
    """
    from lxml import etree  # type: ignore[import-untyped]

    package = open_package(path, options)
    budget = Budget(path, package, options)
    try:
        with package:
            main = _main_part(path, budget)
            _check_main_content_type(path, budget, main)
            headers, footers, style_parts = _text_parts(budget, main)
            body = budget.parse(main).find(f"{_W}body")
            if body is None:
                raise DocumentError(
                    f"has no document body in word/document.xml; {DAMAGED_DOCX}", path
                )
            margins = {name: budget.parse(name) for name in (*headers, *footers)}
            styles = (
                _from_part(budget, style_parts[0], "styles", Styles)
                if style_parts
                else Styles(None)
            )
    except etree.XMLSyntaxError as exc:
        if _out_of_memory(exc) or _needs_more_memory(budget.largest, options):
            raise FileTooLargeError(over_memory(options.max_memory_mb), path) from None
        raise DocumentError(
            f"holds XML that cannot be parsed (broken, or nested too deeply); {DAMAGED_DOCX}",
            path,
        ) from None
    except zipfile.BadZipFile:
        raise DocumentError(DAMAGED_ZIP, path) from None
    walker = Walker(styles, page_of(body))
    out = Collected()
    seen_parts: set[str] = set()
    for name in headers:
        _collect_margin(walker, margins[name], out, seen_parts)
    walker.block(body, out)
    for name in footers:
        _collect_margin(walker, margins[name], out, seen_parts)
    words = [(word, how) for text, how in out.hidden for word in text.split()]
    hidden = [text for text, _ in out.hidden]
    flags = [hidden_flag([w for w, _ in words], [h for _, h in words])] if words else []
    dropped = [DroppedText(1, "hidden", text, how) for text, how in out.hidden]
    return Extracted(["\n".join(out.visible)], hidden, flags, dropped)


def _out_of_memory(exc: Exception) -> bool:
    """libxml2 reports an allocation that failed (at the memory cap) as a syntax error."""
    log = getattr(exc, "error_log", None) or []
    return "memory" in str(exc).lower() or any("NO_MEMORY" in e.type_name for e in log)


def _needs_more_memory(part_bytes: int, options: ReadOptions) -> bool:
    """A parse that failed on a part whose tree could not fit under the memory cap failed for
    memory, whatever libxml2 called it: a parsed tree takes about ten times its XML."""
    return part_bytes * 10 > options.max_memory_mb * 2**20


def _collect_margin(walker: Walker, root: Any, out: Collected, seen: set[str]) -> None:
    """A header or footer, kept once however many sections repeat it."""
    part = Collected(hidden=out.hidden)
    walker.block(root, part)
    key = "\n".join(part.visible).strip()
    if key and key not in seen:
        seen.add(key)
        out.visible.extend(part.visible)


_package_parts: dict[str, dict[tuple[str, bytes], tuple[Any, int]]] = {}
"""What was read from package parts, with each part's count of tags, by purpose, then by the
part's name and stored bytes."""
_KEEP_PARTS = {"styles": 4}
"""How many distinct parts each purpose keeps (16 unless named): parsed style sheets are large."""


def _from_part(budget: Budget, name: str, purpose: str, derive: Callable[[Any], _T]) -> _T:
    """``derive(root)`` of the part ``name``, worked out once per process for each distinct part.

    Documents made from one template share their style sheet, ``[Content_Types].xml`` and
    relationships byte for byte, and a large sheet (the 350 KB of python-docx's default) costs
    more to parse than the rest of the document. A part is known by a hash of its bytes as the
    zip stores them (compressed), never by its size; a known part is counted against the
    document's budget as if read again, and not unzipped or parsed. ``derive`` must give an
    immutable value; a missing part gives ``derive(None)``.
    """
    digest = budget.fingerprint(name)
    kept = _package_parts.setdefault(purpose, {})
    key = (name, digest) if digest is not None else None
    known = kept.get(key) if key is not None else None
    if known is not None:
        budget.charge(name, known[1])
        return cast(_T, known[0])
    data = budget.read(name, required=False)
    if data is None:
        return derive(None)
    from docx.oxml.parser import parse_xml

    value = derive(parse_xml(data))
    if key is not None:
        while len(kept) >= _KEEP_PARTS.get(purpose, 16):
            del kept[next(iter(kept))]
        kept[key] = (value, data.count(b"<"))
    return value


def _relationships(root: Any) -> tuple[tuple[str, str], ...]:
    """(type, target) of each internal relationship in a ``.rels`` part (none when missing)."""
    if root is None:
        return ()
    return tuple(
        (rel.get("Type", ""), rel.get("Target", ""))
        for rel in root.iter(_RELATIONSHIPS)
        if rel.get("TargetMode") != "External"
    )


def _main_part(path: Path, budget: Budget) -> str:
    for kind, target in _from_part(budget, "_rels/.rels", "relationships", _relationships):
        if kind.endswith(_OFFICE_DOCUMENT):
            return target.lstrip("/")
    raise DocumentError(f"does not say which part is its main document; {DAMAGED_DOCX}", path)


def _check_main_content_type(path: Path, budget: Budget, main: str) -> None:
    # The package's checks (docx_package) have made sure that the part is there.
    overrides = _from_part(budget, "[Content_Types].xml", "overrides", _overrides)
    for part_name, content_type in overrides:
        if part_name == main:
            if content_type in _MAIN_CONTENT_TYPES:
                return
            break
    raise DocumentError(
        "is not a Word document but another Office file (a template or macro file?); "
        "open it in Word and save it as .docx",
        path,
    )


def _overrides(root: Any) -> tuple[tuple[str, Any], ...]:
    """(part name, content type) of each child of ``[Content_Types].xml``, in order."""
    if root is None:
        return ()
    return tuple(
        (str(child.get("PartName", "")).lstrip("/"), child.get("ContentType")) for child in root
    )


def _text_parts(budget: Budget, main: str) -> tuple[list[str], list[str], list[str]]:
    """The headers, footers and style sheet the main part refers to."""
    folder, _, name = main.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    found: dict[str, list[str]] = {"/header": [], "/footer": [], "/styles": []}
    for kind, target in _from_part(budget, rels, "relationships", _relationships):
        part = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}".lstrip("/")
        for suffix, parts in found.items():
            if kind.endswith(suffix):
                parts.append(part)
    return found["/header"], found["/footer"], found["/styles"]
