"""Words a regular expression cannot match without, to skip searching where they are absent.

The context rules search each mention's clause with long alternations ("no experience",
"eager to learn", "your posting asks"); most clauses hold none of their words, and Python's
engine still tries every alternative at every position. A pattern's parse tree says which
literal words any match must contain (one of "no", "without", "lack"... and one of
"experience", "exposure"...); looking those up in the clause is a few substring tests.

The check only ever says "cannot match" when no match is possible: case is folded as the
engine folds it, words are the engine's ``\\w`` runs, and any construct it does not follow
(ranges, back-references, non-ASCII literals) counts as "may match". The verdict is the
search's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .alternation import any_of

# Besides ASCII capitals, the only characters that IGNORECASE matches to an ASCII letter.
_ASCII_TWINS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))
_WORD = re.compile(r"\w+")
_MAX_STRINGS = 64

# A condition: ("all", [conditions]), ("any", [conditions]), ("text", strings) or
# ("word", strings); ("all", []) holds always.
Condition = tuple[str, Any]
_ALWAYS: Condition = ("all", [])


def fold(text: str) -> str:
    """``text`` lower-cased, with each character IGNORECASE matches to an ASCII letter made that
    letter; every character keeps its offset."""
    if text.isascii():
        return text.lower()
    for twin, letter in _ASCII_TWINS:
        if twin in text:
            text = text.replace(twin, letter)
    return text.lower()


def _expand(items: list[Any], constants: Any) -> set[str] | None:
    """The finite set of strings a sequence of parse items matches, or None."""
    strings = {""}
    for op, value in items:
        options = _expand_item(op, value, constants)
        if options is None:
            return None
        strings = {a + b for a in strings for b in options}
        if len(strings) > _MAX_STRINGS:
            return None
    return strings


def _expand_item(op: Any, value: Any, constants: Any) -> set[str] | None:
    if op is constants.LITERAL:
        char = chr(value)
        return {char.lower()} if char.isascii() else None
    if op is constants.IN:
        if all(kind is constants.LITERAL and chr(v).isascii() for kind, v in value):
            return {chr(v).lower() for _, v in value}
        return None
    if op is constants.SUBPATTERN:
        return _expand(list(value[-1]), constants)
    if op is constants.BRANCH:
        found: set[str] = set()
        for alternative in value[1]:
            options = _expand(list(alternative), constants)
            if options is None:
                return None
            found |= options
        return found if len(found) <= _MAX_STRINGS else None
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
        low, high, body = value
        options = _expand(list(body), constants)
        if options is None or high > 2:
            return None
        found = set()
        for count in range(low, high + 1):
            repeated = _expand([(constants.SUBPATTERN, (None, 0, 0, body))] * count, constants)
            if repeated is None:
                return None
            found |= repeated
        return found
    return None


def _is_boundary(item: Any, constants: Any) -> bool:
    op, value = item
    return op is constants.AT and value is constants.AT_BOUNDARY


def _opens_with_space(item: Any, constants: Any) -> bool:
    """``\\s`` or ``\\s+``: the character after a word, so the word ends there."""
    op, value = item
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and value[0] >= 1:
        body = list(value[2])
        return len(body) == 1 and _opens_with_space(body[0], constants)
    return op is constants.IN and value == [(constants.CATEGORY, constants.CATEGORY_SPACE)]


def _sequence(
    items: list[Any], constants: Any, left: bool = False, right: bool = False
) -> Condition:
    """Every run of items with a finite expansion must show one of its strings.

    ``left`` and ``right`` say that what comes before the items is a word boundary, and what
    comes after a boundary or a space, as in the group of ``\\b(?:no|without)\\s+``.
    """
    conditions: list[Condition] = []
    index = 0
    while index < len(items):
        end = index
        while end < len(items) and not _is_boundary(items[end], constants):
            if _expand([items[end]], constants) is None:
                break
            end += 1
        opens = _is_boundary(items[index - 1], constants) if index > 0 else left
        if end == index:
            if not _is_boundary(items[index], constants):
                closes = _closes(items, index + 1, constants, right)
                conditions.append(_item(items[index], constants, opens, closes))
            index += 1
            continue
        strings = _expand(items[index:end], constants)
        if strings and "" not in strings:
            whole = opens and _closes(items, end, constants, right)
            words = frozenset(s for s in strings if whole and _words_only(s))
            texts = strings - words
            if words and texts:
                conditions.append(("any", [("word", words), ("text", texts)]))
            else:
                conditions.append(("word", words) if words else ("text", texts))
        index = end
    return _all(conditions)


def _closes(items: list[Any], index: int, constants: Any, right: bool) -> bool:
    """Whether item ``index`` (or what follows the items, past their end) ends a word."""
    if index == len(items):
        return right
    return _is_boundary(items[index], constants) or _opens_with_space(items[index], constants)


def _words_only(string: str) -> bool:
    """Words joined by single spaces: between boundaries, each is a whole ``\\w`` run."""
    return all(_WORD.fullmatch(part) for part in string.split(" "))


def _item(item: Any, constants: Any, left: bool = False, right: bool = False) -> Condition:
    op, value = item
    if op is constants.SUBPATTERN:
        return _sequence(list(value[-1]), constants, left, right)
    if op is constants.BRANCH:
        alternatives = [_sequence(list(a), constants, left, right) for a in value[1]]
        if any(a == _ALWAYS for a in alternatives):
            return _ALWAYS
        return ("any", alternatives)
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and value[0] >= 1:
        return _sequence(list(value[2]), constants)
    return _ALWAYS


def _all(conditions: list[Condition]) -> Condition:
    kept = [c for c in conditions if c != _ALWAYS]
    return kept[0] if len(kept) == 1 else ("all", kept)


def needed(pattern: re.Pattern[str]) -> Condition:
    """What any match of ``pattern`` contains; "always" when the parse is not understood."""
    try:
        from re import _constants as constants  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]

        tree = parser.parse(pattern.pattern, pattern.flags)
        return _sequence(list(tree), constants)
    except Exception:  # a parser that changed shape: search everything
        return _ALWAYS


# A leaf holds when the string has one of its whole words or one of its substrings; a plan
# holds when all the leaves of one of its alternatives hold.
Leaf = tuple[frozenset[str], tuple[str, ...]]
Plan = list[list[Leaf]]


def _leaves(condition: Condition) -> list[Leaf] | None:
    """The leaves all of which a condition needs (weakened where it nests), None for always."""
    kind, value = condition
    if kind == "word":
        # A phrase of words is looked for whole, as a string: "have not" is rarer than "have".
        phrases = tuple(sorted((atom for atom in value if " " in atom), key=len, reverse=True))
        return [(frozenset(atom for atom in value if " " not in atom), phrases)]
    if kind == "text":
        return [(frozenset(), tuple(sorted(value, key=len, reverse=True)))]
    if kind == "all":
        leaves = [leaf for c in value for leaf in (_leaves(c) or [])]
        return leaves or None
    # Any of several: one leaf that holds when any alternative's first leaf holds.
    words: set[str] = set()
    texts: list[str] = []
    for alternative in value:
        first = _leaves(alternative)
        if first is None:
            return None
        words |= first[0][0]
        texts += first[0][1]
    return [(frozenset(words), tuple(texts))]


def plan(condition: Condition) -> Plan | None:
    """A condition as alternatives of leaves, cheapest leaves first; None when it always holds."""
    kind, value = condition
    alternatives = value if kind == "any" else [condition]
    found: Plan = []
    for alternative in alternatives:
        leaves = _leaves(alternative)
        if leaves is None:
            return None
        found.append(sorted(leaves, key=lambda leaf: (bool(leaf[1]), len(leaf[1]))))
    return found


def _holds(alternatives: Plan, folded: str, words: set[str]) -> bool:
    for leaves in alternatives:
        for whole, texts in leaves:
            if whole and not words.isdisjoint(whole):
                continue
            for text in texts:
                if text in folded:
                    break
            else:
                break
        else:
            return True
    return False


def _rarity(leaf: Leaf) -> int:
    """How seldom a string holds ``leaf``, guessed from its shortest word or string: "i" stands
    in most strings, "currently" in few; a whole word is rarer than the same letters anywhere."""
    return min([len(word) + 1 for word in leaf[0]] + [len(text) for text in leaf[1]], default=0)


_NO_WORDS: set[str] = set()


_FEW_WORDS = 30
# A pattern's plan, quick gate, whether it looks up words, its gate's strings and words.
_Entry = tuple[Plan, re.Pattern[str] | None, bool, re.Pattern[str] | None, frozenset[str]]


def _alternation(texts: tuple[str, ...]) -> re.Pattern[str] | None:
    """A search that finds any of ``texts``, or None for none."""
    return any_of(frozenset(), texts)


def _gate_search(words: frozenset[str], texts: tuple[str, ...]) -> re.Pattern[str] | None:
    """A search that finds any of ``words`` as a whole word or any of ``texts``; None for a
    gate of many words, which is cheaper to look up in the string's words."""
    if len(words) > _FEW_WORDS or not all(_WORD.fullmatch(word) for word in words):
        return None
    return any_of(words, texts)


@dataclass(frozen=True)
class JoinedGate:
    """The gates of several patterns: their words and, in one search, their strings."""

    words: frozenset[str]
    texts: re.Pattern[str] | None
    always: bool = False
    quick: re.Pattern[str] | None = None
    """Its words and strings in one search, which is quicker than splitting a string into words."""


class Screen:
    """Searches that first ask whether the searched string holds the pattern's words."""

    def __init__(self, *patterns: re.Pattern[str]) -> None:
        # Keyed by identity: a compiled pattern hashes its whole program at every look-up. The
        # patterns are kept, so that no identity is reused.
        self._patterns = patterns
        self._plans = {id(pattern): plan(needed(pattern)) for pattern in patterns}
        # Whether a plan has whole words to look up: the words of a string are found only then.
        self._wordy: dict[Any, bool] = {
            key: any(leaf[0] for leaves in alternatives for leaf in leaves)
            for key, alternatives in self._plans.items()
            if alternatives is not None
        }
        # Every alternative needs its first leaf: a string that holds none of the first leaves'
        # words and strings is refused at once, without going through the alternatives.
        self._gates: dict[Any, tuple[frozenset[str], tuple[str, ...]]] = {
            key: (
                frozenset(word for leaves in alternatives for word in leaves[0][0]),
                tuple(dict.fromkeys(text for leaves in alternatives for text in leaves[0][1])),
            )
            for key, alternatives in self._plans.items()
            if alternatives is not None
        }
        # The gate as searches of the folded string: its strings in one alternation, and, for
        # a gate of a few words, its words too ("\\bword\\b" finds a word exactly where the
        # words of the string hold it), so a string searched once is not split into words.
        self._texts: dict[Any, re.Pattern[str] | None] = {
            key: _alternation(texts) for key, (_, texts) in self._gates.items()
        }
        self._quick: dict[Any, re.Pattern[str] | None] = {
            key: _gate_search(words, texts) for key, (words, texts) in self._gates.items()
        }
        # All that a search asks about its pattern, in one look-up.
        self._entries: dict[Any, _Entry] = {
            key: (alternatives, self._quick[key], self._wordy[key], self._texts[key], words)
            for key, alternatives in self._plans.items()
            if alternatives is not None
            for words in (self._gates[key][0],)
        }
        self._last: tuple[str, str, set[str] | None] = ("", "", None)

    def joined(self, *patterns: re.Pattern[str]) -> JoinedGate:
        """The gates of ``patterns`` as one, for a string that they are all searched in.

        Each alternative of each plan gives its rarest leaf rather than its cheapest: a string
        that passes is searched by every pattern, each behind its own gate.
        """
        gates = [self._rare_gate(id(pattern)) for pattern in patterns]
        if any(gate is None for gate in gates):
            return JoinedGate(frozenset(), None, always=True)
        words = frozenset(word for gate in gates if gate for word in gate[0])
        texts = tuple(dict.fromkeys(text for gate in gates if gate for text in gate[1]))
        quick = any_of(words, texts) if all(map(_WORD.fullmatch, words)) else None
        return JoinedGate(words, _alternation(texts), quick=quick)

    def _rare_gate(self, key: int) -> tuple[frozenset[str], tuple[str, ...]] | None:
        alternatives = self._plans.get(key)
        if alternatives is None:
            return None
        chosen = [max(leaves, key=_rarity) for leaves in alternatives]
        words = frozenset(word for leaf in chosen for word in leaf[0])
        return words, tuple(dict.fromkeys(text for leaf in chosen for text in leaf[1]))

    def may_match(self, gate: JoinedGate, string: str) -> bool:
        """False when no pattern of ``gate`` can match in ``string``: each search would be
        skipped by its own gate."""
        if gate.always:
            return True
        if gate.quick is not None:
            folded = string.lower() if string.isascii() else fold(string)
            return gate.quick.search(folded) is not None
        folded, words = self._read(string, True)
        return not words.isdisjoint(gate.words) or (
            gate.texts is not None and gate.texts.search(folded) is not None
        )

    def search(self, pattern: re.Pattern[str], string: str) -> re.Match[str] | None:
        """``pattern.search(string)``, skipped when ``string`` lacks what a match needs."""
        entry = self._entries.get(id(pattern))
        if entry is not None:
            alternatives, quick, wordy, texts, gate_words = entry
            last = self._last
            if quick is not None and (last[0] != string or last[2] is None):
                if last[0] != string:
                    folded = string.lower() if string.isascii() else fold(string)
                    self._last = (string, folded, None)
                else:
                    folded = last[1]
                if quick.search(folded) is None:
                    return None
                folded, words = self._read(string, wordy)
            else:
                folded, words = self._read(string, wordy)
                if words.isdisjoint(gate_words) and (texts is None or texts.search(folded) is None):
                    return None
            if not _holds(alternatives, folded, words):
                return None
        return pattern.search(string)

    def _read(self, string: str, wordy: bool) -> tuple[str, set[str]]:
        """The folded string and, when ``wordy``, its words; kept for the next search of it."""
        last = self._last
        if last[0] != string:
            folded = string.lower() if string.isascii() else fold(string)
            last = (string, folded, None)
            self._last = last
        words = last[2]
        if words is None:
            if not wordy:
                return last[1], _NO_WORDS
            # Folding keeps each character's length and word-ness, so the words of the folded
            # string are the folded words.
            words = set(_WORD.findall(last[1]))
            self._last = (string, last[1], words)
        return last[1], words
