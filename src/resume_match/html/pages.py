"""Render the check report and the shortlist as single self-contained HTML files.

The pages are built from the JSON codec's dicts (``report.check_to_dict``, ``candidate_to_dict``)
with Jinja2, autoescaping on: document text and file names only ever reach the page as escaped
variables. The one stylesheet and the one script are inlined and allowed by their SHA-256 in a
Content-Security-Policy, so nothing else can run or load, and the page needs no network.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from .marks import MarkedText

TEMPLATES = "templates"
_TONES = (
    (75.0, "strong", "\u2713", "strong coverage"),
    (50.0, "partial", "\u25d0", "partial coverage"),
    (0.0, "weak", "\u2717", "weak coverage"),
)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("resume_match", TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(tone=tone, number=number, asset=_asset)
    return env


@lru_cache(maxsize=4)
def _asset(name: str) -> dict[str, Any]:
    """An inline asset's text (marked safe: it is ours, not the document's) and its CSP hash."""
    text = (resources.files("resume_match") / TEMPLATES / name).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return {"text": Markup(text), "hash": Markup(f"'sha256-{digest}'")}


def tone(score: float | None) -> dict[str, str]:
    """The band of a score as a class, a symbol and words, so colour is never the only signal."""
    if score is None:
        return {"name": "none", "symbol": "\u2013", "label": "not scored"}
    for floor, name, symbol, label in _TONES:
        if score >= floor:
            return {"name": name, "symbol": symbol, "label": label}
    return {"name": "weak", "symbol": "\u2717", "label": "weak coverage"}


def number(value: float | None) -> str:
    """Scores with one decimal everywhere, and a dash when there is none."""
    return "\u2013" if value is None else f"{value:.1f}"


def render_check_page(
    data: Mapping[str, Any], texts: Sequence[MarkedText] = (), title: str = ""
) -> str:
    """The report of one check as HTML.

    Args:
        data: ``check_to_dict``'s object: one document's, or ``resume``/``cover_letter``/
            ``combined``. Optional ``job`` and ``career`` (or ``level``) objects add the "Job
            posting" and "Career level" sections.
        texts: each document's text with its evidence marked (``marked_text``); without them
            the page lists the evidence quotes only.
        title: the page title; by default the file name.
    """
    if "combined" in data:
        main = data["combined"]
        parts = [("Resume", data["resume"]), ("Cover letter", data["cover_letter"])]
    else:
        main, parts = data, []
    found = [*main["matched"], *main["extras"]]
    skills = {m["id"]: (n, m["name"]) for n, m in enumerate(found, start=1)}
    core = {m["id"] for m in main["matched"]}
    by_file = {t.file: t for t in texts}
    anchored: set[str] = set()
    documents = []
    for heading, part in parts or [("Document", main)]:
        marked = by_file.get(part["file"])
        segments = _segments(marked, skills, core, anchored) if marked is not None else []
        documents.append({"heading": heading, "data": part, "segments": segments})
    template = _environment().get_template("check.html.j2")
    return template.render(
        title=title or f"resume-match: {main['file']}",
        main=main,
        documents=documents,
        adds=_what_each_adds(parts),
        anchored=anchored,
        job=data.get("job"),
        level=data.get("career") or data.get("level"),
    )


def render_shortlist_page(view: Mapping[str, Any], title: str = "resume-match shortlist") -> str:
    """The shortlist page from :func:`resume_match.html.views.shortlist_view`'s data."""
    template = _environment().get_template("shortlist.html.j2")
    return template.render(title=title, **view)


def _segments(
    marked: MarkedText,
    skills: Mapping[str, tuple[int, str]],
    core: set[str],
    anchored: set[str],
) -> list[dict[str, Any]]:
    """Segments as the template needs them; a skill's first mark on the page gets its anchor."""
    rows: list[dict[str, Any]] = []
    for segment in marked.segments:
        if not segment.skill or segment.skill not in skills:
            rows.append({"text": segment.text, "skill": ""})
            continue
        number, name = skills[segment.skill]
        anchor = ""
        if segment.skill not in anchored:
            anchored.add(segment.skill)
            anchor = f"m-{segment.skill}"
        kind = "core" if segment.skill in core else "extra"
        rows.append(
            {"text": segment.text, "skill": segment.skill, "number": number, "name": name,
             "kind": kind, "anchor": anchor}
        )  # fmt: skip
    return rows


def _what_each_adds(parts: list[tuple[str, Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """Per document, the skills only it shows: what a cover letter adds to a resume, and back."""
    if not parts:
        return []
    found = [{m["id"]: m["name"] for m in d.get("matched", [])} for _, d in parts]
    rows = []
    for index, (heading, document) in enumerate(parts):
        others = set().union(*(f for i, f in enumerate(found) if i != index))
        rows.append(
            {
                "heading": heading,
                "file": document["file"],
                "status": document["status"],
                "reason": document.get("reason"),
                "score": document.get("score"),
                "only": [name for skill, name in found[index].items() if skill not in others],
            }
        )
    return rows
