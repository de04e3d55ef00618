"""Another sense of a word: the words around a match that say it means something else here.

"Scheduling" beside "staffing" is a rota, "POS" beside "install" is IT work, "copays" beside
"explain" is a plan's benefit. The rules are the taxonomy's ``not_near`` tables, turned into
lemma sets once; checking a match costs a look at the few tokens around each of its words.
"""

from __future__ import annotations

SenseRule = tuple[frozenset[str], frozenset[str], int, frozenset[str]]
"""The match's word, the words that give it another sense, the reach, the ``unless`` words."""
SenseRules = dict[str, tuple[int, frozenset[str], list[SenseRule]]]
"""A skill's rules by each word of a match they are about (most words of a match have none),
with their longest reach and all the words that give another sense, to look once for any."""


def by_word(rules: list[SenseRule]) -> SenseRules:
    """``rules`` looked up by the match's word, each word's rules in their order."""
    found: dict[str, list[SenseRule]] = {}
    for rule in rules:
        for word in rule[0]:
            found.setdefault(word, []).append(rule)
    return {
        word: (max(rule[2] for rule in kept), frozenset().union(*(rule[1] for rule in kept)), kept)
        for word, kept in found.items()
    }


_LIST_REACH = 2


def other_sense(
    rules: SenseRules,
    lemmas: list[str],
    breaks: list[int],
    start: int,
    end: int,
    whole_list: bool = False,
) -> bool:
    """Whether a word of the match stands beside a word that gives it another sense.

    A bare item of a list takes its sense from the items around it, so its reach is a little
    longer (commas take a token each): "routers, scheduling, TCP/IP" is an IT task.
    """
    extra = _LIST_REACH if whole_list else 0
    for index in range(start, end):
        entry = rules.get(lemmas[index])
        if entry is None:
            continue
        widest, any_other, word_rules = entry
        # No word in the longest reach gives any of the other senses: none of the rules holds.
        low, high = max(0, index - widest - extra), index + widest + extra + 1
        if any_other.isdisjoint(lemmas[low:high]):
            continue
        for _, others, within, unless in word_rules:
            reach = within + _LIST_REACH if whole_list else within
            low, high = max(0, index - reach), min(len(lemmas), index + reach + 1)
            # Nothing to look at when no word within reach gives the other sense.
            if others.isdisjoint(lemmas[low:high]):
                continue
            sentence = breaks[index]
            found = False
            for near in range(low, high):
                if near != index and breaks[near] == sentence:
                    if lemmas[near] in unless:
                        found = False
                        break
                    found = found or lemmas[near] in others
            if found:
                return True
    return False
