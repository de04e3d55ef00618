"""Token-level helpers for matching: particle verbs, line bounds, span pruning and look-ups."""

from __future__ import annotations

import bisect
import contextlib
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import Any, cast

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


@dataclass
class Tokens:
    """A parsed document as plain lists, read from spaCy once.

    Every ``doc[i]`` or ``for token in doc`` makes a new spaCy ``Token``, and the rules look at
    each token several times; lists cost nothing to read again. Offsets are those of ``text``.
    """

    text: str
    words: list[str]
    lowers: list[str]
    starts: list[int]
    spaces: list[bool]
    lemmas: list[str] = field(default_factory=list)

    def end(self, index: int) -> int:
        """The offset just past token ``index``."""
        return self.starts[index] + len(self.words[index])


_WORD_CACHE = 200_000


def read_tokens(doc: Any, text: str, known: dict[int, str] | None = None) -> Tokens:
    """The lists of ``doc``, parsed from ``text`` or a same-length rewrite of it.

    ``known`` keeps each token's text by its hash from one document to the next: the string
    store decodes it anew at every look-up.
    """
    from spacy.attrs import IDX, ORTH

    if not len(doc):
        return Tokens(text, [], [], [], [])
    orths, starts = doc.to_array([ORTH, IDX]).T.tolist()
    strings = doc.vocab.strings
    if known is None:
        known = {}
    elif len(known) >= _WORD_CACHE:
        known.clear()
    found: list[str | None] = list(map(known.get, orths))
    if None in found:
        for index, word in enumerate(found):
            if word is None:
                found[index] = known[orths[index]] = strings[orths[index]]
    words = cast("list[str]", found)
    return Tokens(text, words, list(map(str.lower, words)), starts, list(map(str.isspace, words)))


_LEMMA_CACHE = 100_000


def write_lemmas(doc: Any, lemmas: list[str], hashes: dict[str, int]) -> None:
    """Set the lemmas of ``doc`` in one call, where a ``token.lemma_`` each costs a Token.

    ``hashes`` keeps each lemma's string-store hash from one document to the next.
    """
    if not lemmas:
        return
    import numpy
    from spacy.attrs import LEMMA

    if len(hashes) >= _LEMMA_CACHE:
        hashes.clear()
    add = doc.vocab.strings.add
    values: list[int | None] = list(map(hashes.get, lemmas))
    if None in values:
        for index, value in enumerate(values):
            if value is None:
                values[index] = hashes[lemmas[index]] = add(lemmas[index])
    doc.from_array([LEMMA], numpy.array(values, dtype=numpy.uint64).reshape(-1, 1))


def join_particles(lemmas: list[str]) -> None:
    """Read "check in", "check-in" and "checked patients in" as one lemma, "checkin".

    Without it "checked insurance" and "checked patients in" share the lemma "check", and the
    front-desk duty cannot be told from an ordinary check.
    """
    # Found by list.index: a word joined to its particle is neither a particle nor an object,
    # so the verbs can be read in any order.
    for index in _positions(lemmas, _PARTICLE_VERBS):
        lemma = lemmas[index]
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


def _positions(items: list[str], wanted: set[str]) -> list[int]:
    """The indices of ``items`` that hold one of ``wanted``."""
    found: list[int] = []
    for item in wanted:
        index = -1
        with contextlib.suppress(ValueError):
            while True:
                index = items.index(item, index + 1)
                found.append(index)
    return found


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


_LINE_STARTS = re.compile("[\n•]")


class LineBounds:
    """The token range of a token's line in the original text; a bullet starts a line.

    Asked of a few tokens only, so each answer is two bisections, not a pass over the text.
    """

    def __init__(self, tokens: Tokens) -> None:
        self._breaks = [found.start() for found in _LINE_STARTS.finditer(tokens.text)]
        self._starts = tokens.starts

    def first(self, index: int) -> int:
        """The first token of the line of token ``index``."""
        line = bisect.bisect_right(self._breaks, self._starts[index])
        return bisect.bisect_left(self._starts, self._breaks[line - 1]) if line else 0

    def last(self, index: int) -> int:
        """One past the last token of the line of token ``index``."""
        line = bisect.bisect_right(self._breaks, self._starts[index])
        if line == len(self._breaks):
            return len(self._starts)
        return bisect.bisect_left(self._starts, self._breaks[line])


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


def sentence_breaks(tokens: Tokens) -> list[int]:
    """A running count of sentence breaks, token by token.

    Tokens ``a < b`` share a sentence when ``breaks[a] == breaks[b]``. A break is a sentence
    mark, a blank, or a line that starts with a capital or a bullet: "... medical insurance" and
    a next line "Coordinate with management to review ..." are two items, not one phrase.
    """
    text, words, starts = tokens.text, tokens.words, tokens.starts
    opens = list(map(operator.or_, tokens.spaces, map(_STOP_IN_WINDOW.__contains__, words)))
    line = text.find("\n")
    while line != -1:
        index = bisect.bisect_left(starts, line + 1)
        if index < len(starts) and starts[index] == line + 1:
            first = words[index][0]
            if first.isupper() or first in "•*-":
                opens[index] = True
        line = text.find("\n", line + 1)
    return list(itertools.accumulate(opens, initial=0))[1:]


def inside_names(tokens: Tokens, breaks: list[int]) -> NameRuns:
    """Tokens of a run of three or more capitalised words that starts after a lower-case word:
    the name of a program, department or system ("through Fee Basis Claims System").

    A run at the start of a line is left alone: real resumes capitalise whole duty lines
    ("Responsible For Registering Patients"); nor does a run go on into the next sentence or
    line ("... and GI Lab" / "Register patients in MPAC").
    """
    return NameRuns(tokens.words, breaks)


class NameRuns:
    """The tokens :func:`inside_names` finds, told apart when asked: few tokens are asked about.

    A run is what a scan from the second token finds: capitalised words of one sentence, each
    run starting where the word before is not one of them. Each run is read once.
    """

    def __init__(self, words: list[str], breaks: list[int]) -> None:
        self._words = words
        self._breaks = breaks
        self._known: dict[int, bool] = {}

    def __contains__(self, index: object) -> bool:
        words, breaks = self._words, self._breaks
        if not isinstance(index, int) or not 0 < index < len(words) or not _capital(words[index]):
            return False
        if index in self._known:
            return self._known[index]
        start = index
        while start > 1 and _capital(words[start - 1]) and breaks[start - 1] == breaks[start]:
            start -= 1
        end = index + 1
        while end < len(words) and _capital(words[end]) and breaks[end] == breaks[start]:
            end += 1
        if end - start < 3:
            # Too short to be a name: found again as quickly as it would be looked up.
            return False
        before = words[start - 1]
        inside = before.isalpha() and before.islower()
        self._known.update(dict.fromkeys(range(start, end), inside))
        return inside


def _capital(word: str) -> bool:
    return word[:1].isupper() and word.isalpha()


def whole_item(tokens: Tokens, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are a whole list item ("Scheduling" in "Filing, Scheduling")."""
    text, words = tokens.text, tokens.words
    before = start == 0 or text[tokens.starts[start] - 1] == "\n" or words[start - 1] in _ITEM_MARKS
    after_offset = tokens.end(end - 1)
    after = (
        end == len(words)
        or text[after_offset : after_offset + 1] == "\n"
        or words[end] in _ITEM_MARKS
        or tokens.spaces[end]
    )
    return before and after


def beside_a_name(tokens: Tokens, index: int, speller: Speller) -> bool:
    """Whether a capitalised neighbour is a word no dictionary knows: a name ("Courtney Baines")."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(tokens.words):
            word = tokens.words[other]
            if word[:1].isupper() and word[1:].islower() and speller.needs_mending(word.lower()):
                return True
    return False


def opens_item(tokens: Tokens, index: int, sections: SectionMap) -> bool:
    """Whether a token starts a sentence, a line, or (in a skills list) a list item."""
    start = tokens.starts[index]
    if index == 0 or tokens.text[start - 1] == "\n":
        return True
    previous = tokens.words[index - 1]
    if previous in _SENTENCE_OPENERS or tokens.spaces[index - 1]:
        return True
    return previous in _ITEM_OPENERS and sections.at(start) == "Skills"
