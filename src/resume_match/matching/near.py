"""Words found apart: pairs from the two word lists of a ``near`` rule, close in one sentence.

The matcher builds the rules and their index from the taxonomy; this finds the pairs in a parsed
document, with the few readings that keep a pair from being proof.
"""

from __future__ import annotations

import bisect
import contextlib

from .tokens import LineBounds, Tokens, found_outside, inside_names

Span = tuple[str, int, int]
_CONTEXT_PREPOSITIONS = frozenset({"in", "into", "on", "using", "with", "via", "through"})

_OPENS_A_NEW_VERB = frozenset({",", "to"})
_VERB_OR_NOUN = frozenset(
    {"schedule", "book", "record", "file", "log", "chart", "call", "note", "document", "order"}
)
# "Pre-register scheduled patients": patients booked before, registered now.
_BEFORE_AN_ADJECTIVE = frozenset(
    {"for", "of", "all", "upcoming", "any", "every", "with", "register", "preregister", "greet"}
)
# A possessive before the word makes it a noun too ("a children's book", "the doctor's schedule").
_DETERMINERS = frozenset(
    {"the", "a", "an", "our", "my", "their", "his", "her", "its", "your", "this", "that", "each"}
    | {"'s", "\N{RIGHT SINGLE QUOTATION MARK}s"}
)


def near_spans(
    tokens: Tokens,
    breaks: list[int],
    near: dict[str, list[tuple[int, int]]],
    rules: list[tuple[str, int]],
) -> set[tuple[str, int, int]]:
    """Pairs of words, one from each set of a ``near`` rule, close together in one sentence.

    ``near`` maps a lemma to the (rule, side) keys it belongs to; ``rules`` holds each rule's
    skill and reach. An index from lemma to rule finds the candidates in one pass over the
    document, which costs a fraction of what spaCy's Matcher spends on wildcard patterns. A pair
    in reverse order whose verb opens a new item or purpose ("completing work orders, maintaining
    inventory", "placed orders to maintain stock") does not hold that word as its object, a word
    inside a proper name ("through Fee Basis Claims System") is no word of a pair, and a
    verb after a determiner is a noun ("our schedule and a patient's life").
    """
    lowers, lemmas, words = tokens.lowers, tokens.lemmas, tokens.words
    names = inside_names(tokens, breaks)
    # The places of each word, then of each rule's side: one list per word, not per rule.
    places: dict[str, tuple[list[int], list[int]]] = {}
    for index in [i for i, lemma in enumerate(lemmas) if lemma in near]:
        lemma = lemmas[index]
        # Only a capitalised word can stand inside a name.
        if words[index][:1].isupper() and index in names:
            continue
        nominal = False
        if lemma in _VERB_OR_NOUN:
            before = lowers[index - 1] if index else ""
            nominal = before in _DETERMINERS or (
                lowers[index].endswith("ed") and before in _BEFORE_AN_ADJECTIVE
            )
        lists = places.get(lemma)
        if lists is None:
            lists = places[lemma] = ([], [])
        lists[0].append(index)
        if not nominal:
            lists[1].append(index)
    positions: dict[tuple[int, int], list[int]] = {}
    for lemma, (anywhere, as_first) in places.items():
        for key in near[lemma]:
            found = as_first if key[1] == 0 else anywhere
            if found:
                positions.setdefault(key, []).extend(found)
    for found in positions.values():
        if len(found) > 1:
            found.sort()
    # A hyphenated word of a rule ("follow-up", "co-pay") is three tokens in the text.
    for index in _hyphens(lowers):
        for key, at in _compound(lowers, lemmas, near, index):
            bisect.insort(positions.setdefault(key, []), at)
    spans: set[tuple[str, int, int]] = set()
    for (rule_index, side), firsts in positions.items():
        if side:
            continue
        seconds = positions.get((rule_index, 1))
        if not seconds:
            continue
        skill_id, within = rules[rule_index]
        for a in firsts:
            # Only the words within reach: linear in the text, not in its square.
            first = bisect.bisect_left(seconds, a - within - 1)
            for b in seconds[first : bisect.bisect_right(seconds, a + within + 1)]:
                low, high = (a, b) if a < b else (b, a)
                if not 0 < high - low <= within + 1 or breaks[high] != breaks[low]:
                    continue
                if b < a and lowers[a - 1] in _OPENS_A_NEW_VERB:
                    continue
                spans.add((skill_id, low, high + 1))
    return spans


def _hyphens(lowers: list[str]) -> list[int]:
    """The indices of the hyphen tokens, in order (found by list.index, at C speed)."""
    found: list[int] = []
    index = -1
    with contextlib.suppress(ValueError):
        while True:
            index = lowers.index("-", index + 1)
            found.append(index)
    return found


def _compound(
    lowers: list[str], lemmas: list[str], near: dict[str, list[tuple[int, int]]], hyphen: int
) -> list[tuple[tuple[int, int], int]]:
    """The rule keys of the hyphenated word around ``hyphen`` ("follow-ups", "check-in"), read as
    written or by its parts' lemmas, each at the token that ends the word on the side its pair
    is looked for: its first word for a verb, its last for an object."""
    if not 0 < hyphen < len(lowers) - 1:
        return []
    written = f"{lowers[hyphen - 1]}-{lowers[hyphen + 1]}"
    keys = near.get(written) or near.get(f"{lemmas[hyphen - 1]}-{lemmas[hyphen + 1]}") or []
    return [(key, hyphen + 1 if key[1] else hyphen - 1) for key in keys]


def in_context(
    tokens: Tokens, candidates: list[Span], spans: set[Span], context: dict[str, frozenset[str]]
) -> set[Span]:
    """Names that are also words ("Word", "Epic") that have a confirming word beside them:
    ``context`` holds each such skill's confirming words.

    Confirmation is a preposition just before ("in Epic"), or in the same line a context word
    or another match of the same skill. Positions are looked up by bisection, so a stuffed
    line of thousands of names costs no more than a normal one per name.
    """
    if not candidates:
        return set()
    lowers = tokens.lowers
    lines = LineBounds(tokens)
    wanted = {skill_id for skill_id, _, _ in candidates}
    hits: dict[str, list[int]] = {skill_id: [] for skill_id in wanted}
    words = frozenset().union(*(context[skill_id] for skill_id in wanted))
    # One pass over the text for all the skills' context words, in order.
    for index in [i for i, lower in enumerate(lowers) if lower in words]:
        for skill_id in wanted:
            if lowers[index] in context[skill_id]:
                hits[skill_id].append(index)
    starts: dict[str, list[int]] = {}
    for skill_id, start, _ in spans:
        starts.setdefault(skill_id, []).append(start)
    for positions in starts.values():
        positions.sort()
    confirmed: set[Span] = set()
    for skill_id, start, end in candidates:
        line_start, line_end = lines.first(start), lines.last(end - 1)
        if (
            (start > 0 and lowers[start - 1] in _CONTEXT_PREPOSITIONS)
            or found_outside(hits[skill_id], line_start, line_end, start, end)
            or found_outside(starts.get(skill_id, []), line_start, line_end, start, end)
        ):
            confirmed.add((skill_id, start, end))
    return confirmed
