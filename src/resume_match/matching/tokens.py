"""Token-level helpers for matching: particle verbs, line bounds, span pruning and look-ups."""

from __future__ import annotations

import bisect
from typing import Any

from ..sections import SectionMap
from .spelling import Speller

_PARTICLE_VERBS = {"check", "sign"}
_PARTICLES = {"in", "out", "ins", "outs"}
_PARTICLE_OBJECTS = {
    "them",
    "him",
    "her",
    "patient",
    "pt",
    "pts",
    "people",
    "everyone",
    "guest",
    "visitor",
    "kid",
    "client",
    "walk-in",
    "walk-ins",
    "family",
    "member",
    "resident",
    "child",
    "children",
}


def join_particles(lemmas: list[str]) -> None:
    """Read "check in", "check-in" and "checked patients in" as one lemma, "checkin".

    Without it "checked insurance" and "checked patients in" share the lemma "check", and the
    front-desk duty cannot be told from an ordinary check.
    """
    for index, lemma in enumerate(lemmas):
        if lemma not in _PARTICLE_VERBS:
            continue
        following = lemmas[index + 1 : index + 3]
        particle = None
        if following[:1] and following[0] in _PARTICLES:
            particle = following[0]
        elif (
            len(following) == 2
            and following[0] in ("-", *_PARTICLE_OBJECTS)
            and following[1] in _PARTICLES
        ):
            particle = following[1]
        if particle is not None:
            lemmas[index] = lemma + particle.removesuffix("s")


def run(matcher: Any, doc: Any) -> list[tuple[int, int, int]]:
    """Run a spaCy matcher; one without patterns (a small custom taxonomy) finds nothing."""
    return list(matcher(doc)) if len(matcher) else []


def shortest(spans: set[tuple[str, int, int]]) -> set[tuple[str, int, int]]:
    """Drop a span of a skill that contains another span of the same skill.

    Spans are a few tokens long, so each looks only at the spans that start inside it: linear in
    the number of spans, where comparing every pair made a stuffed document take minutes.
    """
    ends: dict[tuple[str, int], list[int]] = {}
    for skill_id, start, end in spans:
        ends.setdefault((skill_id, start), []).append(end)
    return {
        (skill_id, start, end)
        for skill_id, start, end in spans
        if not any(
            inner_end <= end and (inner_start, inner_end) != (start, end)
            for inner_start in range(start, end)
            for inner_end in ends.get((skill_id, inner_start), ())
        )
    }


def token_lines(doc: Any, text: str) -> list[tuple[int, int]]:
    """For each token, the token range of its line in the original text; a bullet starts a line."""
    breaks = [i for i, ch in enumerate(text) if ch in "\n•"]
    line_ids = [bisect.bisect_right(breaks, token.idx) for token in doc]
    bounds: list[tuple[int, int]] = []
    first = 0
    for index in range(1, len(line_ids) + 1):
        if index == len(line_ids) or line_ids[index] != line_ids[first]:
            bounds.extend([(first, index)] * (index - first))
            first = index
    return bounds


def found_outside(positions: list[int], low: int, high: int, start: int, end: int) -> bool:
    """Whether sorted ``positions`` hold one in [low, high) that is not in [start, end)."""
    index = bisect.bisect_left(positions, low)
    while index < len(positions) and positions[index] < high:
        if not start <= positions[index] < end:
            return True
        index += 1
    return False


_SENTENCE_OPENERS = frozenset({".", "!", "?", "•", ":", ";", "-", "*", "|", "(", '"', "–"})
_ITEM_OPENERS = frozenset({",", "/"})
_ITEM_MARKS = frozenset({",", ";", "|", "•", "/", "·", ".", ":", "▪", "●", "*", "–", "—"})
_STOP_IN_WINDOW = frozenset({".", "!", "?", ";", "•", "|"})


def sentence_breaks(doc: Any, text: str) -> list[int]:
    """A running count of sentence breaks, token by token.

    Tokens ``a < b`` share a sentence when ``breaks[a] == breaks[b]``. A break is a sentence
    mark, a blank, or a line that starts with a capital or a bullet: "... medical insurance" and
    a next line "Coordinate with management to review ..." are two items, not one phrase.
    """
    breaks: list[int] = []
    count = 0
    for token in doc:
        first = token.text[0]
        if (
            token.is_space
            or token.text in _STOP_IN_WINDOW
            or (token.idx and text[token.idx - 1] == "\n" and (first.isupper() or first in "•*-"))
        ):
            count += 1
        breaks.append(count)
    return breaks


def inside_names(doc: Any, breaks: list[int]) -> set[int]:
    """Tokens of a run of three or more capitalised words that starts after a lower-case word:
    the name of a program, department or system ("through Fee Basis Claims System").

    A run at the start of a line is left alone: real resumes capitalise whole duty lines
    ("Responsible For Registering Patients"); nor does a run go on into the next sentence or
    line ("... and GI Lab" / "Register patients in MPAC").
    """
    inside: set[int] = set()
    index = 1
    while index < len(doc):
        end = index
        while (
            end < len(doc)
            and doc[end].text[:1].isupper()
            and doc[end].text.isalpha()
            and (end == index or breaks[end] == breaks[index])
        ):
            end += 1
        if end - index >= 3 and doc[index - 1].text.isalpha() and doc[index - 1].text.islower():
            inside.update(range(index, end))
        index = max(end, index + 1)
    return inside


def whole_item(doc: Any, text: str, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are a whole list item ("Scheduling" in "Filing, Scheduling")."""
    first, last = doc[start], doc[end - 1]
    before = start == 0 or text[first.idx - 1] == "\n" or doc[start - 1].text in _ITEM_MARKS
    after_offset = last.idx + len(last.text)
    after = (
        end == len(doc)
        or text[after_offset : after_offset + 1] == "\n"
        or doc[end].text in _ITEM_MARKS
        or doc[end].is_space
    )
    return before and after


def beside_a_name(tokens: list[Any], index: int, speller: Speller) -> bool:
    """Whether a capitalised neighbour is a word no dictionary knows: a name ("Courtney Baines")."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(tokens):
            word = tokens[other].text
            if word[:1].isupper() and word[1:].islower() and speller.needs_mending(word.lower()):
                return True
    return False


def opens_item(tokens: list[Any], index: int, text: str, sections: SectionMap) -> bool:
    """Whether a token starts a sentence, a line, or (in a skills list) a list item."""
    token = tokens[index]
    if index == 0 or text[token.idx - 1] == "\n":
        return True
    previous = tokens[index - 1].text
    if previous in _SENTENCE_OPENERS or tokens[index - 1].is_space:
        return True
    return previous in _ITEM_OPENERS and sections.at(token.idx) == "Skills"
