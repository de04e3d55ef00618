"""How Word shows a run: its properties resolved as Word does, and whether a person sees it.

A run's look comes from the document defaults, then its paragraph's style, then its character
style (each style through its ``basedOn`` chain), then the run's own properties. Stuffing hides
words at any of these levels, so the hidden ones are judged on the resolved properties and the
flag names the level ("hidden by style 'Quiet'").
"""

from __future__ import annotations

from typing import Any, NamedTuple

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WHITE = {"FFFFFF", "FEFEFE", "FDFDFD"}
_WHITE_THEMES = {"background1", "light1", "bg1"}
_MAX_CHAIN = 20


class RunLook(NamedTuple):
    """The properties that decide whether a run is seen, each with where it came from.

    A tuple, not a dataclass: one is looked up or made for every run of a document.
    """

    vanish: str = ""
    white: str = ""
    tiny: str = ""
    squeezed: str = ""
    shading: str = ""


def _truthy(element: Any) -> bool:
    return element.get(f"{W}val", "true") not in ("0", "false", "off")


_VANISH, _COLOR, _SIZE, _SCALE, _SHADING = (
    f"{W}{n}" for n in ("vanish", "color", "sz", "w", "shd")
)
_STYLE = f"{W}rStyle"
_PARAGRAPH_STYLE, _VAL = f"{W}pStyle", f"{W}val"
_WATCHED = frozenset((_VANISH, _COLOR, _SIZE, _SCALE, _SHADING))
_RUN_WATCHED = _WATCHED | {_STYLE}


def first(element: Any, tag: str) -> Any:
    """``element.find(tag)`` for a plain tag, without its path parsing."""
    return next(element.iterchildren(tag), None)


def _read_props(props: Any, origin: str, base: RunLook) -> RunLook:
    """``base`` with what ``props`` (a ``w:rPr``) sets, each labelled with ``origin``."""
    if props is None:
        return base
    return _apply([child for child in props if child.tag in _WATCHED], origin, base)


def _apply(children: list[Any], origin: str, base: RunLook) -> RunLook:
    """``base`` with the first of each watched property among ``children`` applied."""
    if not children:
        return base
    vanish, white, tiny, squeezed, shading = base
    seen: set[str] = set()
    for child in children:
        tag = child.tag
        if tag in seen:
            continue
        seen.add(tag)
        if tag == _VANISH:
            vanish = origin if _truthy(child) else ""
        elif tag == _COLOR:
            theme = child.get(f"{W}themeColor") or ""
            value = (child.get(f"{W}val") or "").upper()
            is_white = theme in _WHITE_THEMES if theme else value in _WHITE
            white = origin if is_white else ""
        elif tag == _SIZE:
            if (child.get(f"{W}val") or "").isdigit():
                tiny = origin if int(child.get(f"{W}val")) <= 4 else ""
        elif tag == _SCALE:
            if (child.get(f"{W}val") or "").rstrip("%").isdigit():
                squeezed = origin if int(child.get(f"{W}val").rstrip("%")) < 20 else ""
        elif tag == _SHADING:
            shading = origin if dark_fill(child) else ""
    return RunLook(vanish, white, tiny, squeezed, shading)


def dark_fill(shading: Any, attribute: str = f"{W}fill") -> bool:
    """Whether a shading's fill (or another colour ``attribute``) is dark enough for white text."""
    fill = (shading.get(attribute) or "auto").upper()
    if fill in ("AUTO", "FFFFFF") or len(fill) != 6:
        return False
    try:
        red, green, blue = (int(fill[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return red + green + blue < 600


class Styles:
    """The style sheet of one document, resolved lazily and cached per style."""

    def __init__(self, root: Any | None) -> None:
        self._defaults = RunLook()
        self._styles: dict[str, Any] = {}
        self._resolved: dict[tuple[str, RunLook], RunLook] = {}
        if root is None:
            return
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self._defaults = _read_props(defaults, "the document's default", RunLook())
        for style in root.iterchildren(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if style_id:
                self._styles.setdefault(style_id, style)

    @property
    def defaults(self) -> RunLook:
        return self._defaults

    def look(self, style_id: str | None, base: RunLook) -> RunLook:
        """``base`` with the style ``style_id`` (and what it is based on) applied over it."""
        if not style_id or style_id not in self._styles:
            return base
        key = (style_id, base)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(style_id, base)
        return self._resolved[key]

    def _resolve(self, style_id: str, base: RunLook) -> RunLook:
        chain: list[Any] = []
        current: str | None = style_id
        while current and current in self._styles and len(chain) < _MAX_CHAIN:
            style = self._styles[current]
            if any(style is seen for seen in chain):
                break
            chain.append(style)
            based_on = first(style, f"{W}basedOn")
            current = based_on.get(f"{W}val") if based_on is not None else None
        look = base
        for style in reversed(chain):
            look = _read_props(first(style, f"{W}rPr"), f"style '{style_id}'", look)
        return look


def run_reason(look: RunLook) -> str | None:
    """Why a run with this look is not seen, naming where the property was set; None if seen."""
    if look.vanish:
        return "hidden (w:vanish)" if look.vanish == "the run" else f"hidden by {look.vanish}"
    if look.tiny:
        return "tiny text" if look.tiny == "the run" else f"tiny text ({look.tiny})"
    if look.squeezed:
        return "squeezed to a sliver (character scaling)"
    if look.white and not look.shading:
        return "white text" if look.white == "the run" else f"white text ({look.white})"
    return None


def paragraph_look(styles: Styles, paragraph_props: Any) -> RunLook:
    """The defaults with the paragraph's style applied: where each of its runs starts from."""
    style_id = None
    shaded = False
    if paragraph_props is not None:
        style = first(paragraph_props, _PARAGRAPH_STYLE)
        style_id = style.get(_VAL) if style is not None else None
        shading = first(paragraph_props, _SHADING)
        shaded = shading is not None and dark_fill(shading)
    look = styles.look(style_id, styles.defaults)
    return look._replace(shading="the paragraph") if shaded else look


def run_look(styles: Styles, base: RunLook, run_props: Any) -> RunLook:
    """A run's look: ``base`` (its paragraph's), its character style, its own properties."""
    if run_props is None:
        return base
    children = [child for child in run_props if child.tag in _RUN_WATCHED]
    if not children:
        return base
    style = next((child for child in children if child.tag == _STYLE), None)
    look = styles.look(style.get(_VAL) if style is not None else None, base)
    return _apply([child for child in children if child.tag != _STYLE], "the run", look)
