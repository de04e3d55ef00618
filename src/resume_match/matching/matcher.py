"""Find the taxonomy's skills in a document's text, keeping the words that prove each one.

spaCy's blank English tokenizer splits the text; lemmas and spelling come from ``spelling``. A
PhraseMatcher finds phrases and named systems, a Matcher finds abbreviations and names by their
case, and an index from lemma to rule finds words that stand apart. Then a match is set aside
when a reader would not take it as proof: inside an ``exclude`` phrase, in another sense of the
word (``not_near``: "scheduling" beside "staffing"), in a statement of lack or somebody else's
words (``context``), or in a heading or a job title (``evidence``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from operator import itemgetter
from typing import Any, cast

from ..model import Document, Evidence, SkillMatch
from ..sections import SectionMap, find_sections, in_keyword_list
from ..taxonomy import Skill, Taxonomy
from .context import SPAN_BREAK, negated
from .evidence import (
    dedupe,
    map_lines,
    new_evidence,
    page_of,
    section_rank,
    snippet,
    splits_items,
)
from .near import in_context, near_spans
from .senses import SenseRule, SenseRules, by_word, other_sense
from .spelling import Speller, lemma_table
from .tokens import (
    Tokens,
    beside_a_name,
    join_particles,
    opens_item,
    read_tokens,
    run,
    sentence_breaks,
    shortest,
    whole_item,
    write_lemmas,
)
from .warm import WarmTokenizer

# A single line break. Written to open with the break itself, so that the engine skips straight
# to the next one (a look-behind first is tried at every offset).
_LINE_BREAK = re.compile(r"\n(?<!\n\n)(?!\n)")

Span = tuple[str, int, int]
# Past this many proofs of one skill, more prove nothing: a text that repeats a skill's name
# forty thousand times is not checked forty thousand times (the report shows five).
_MAX_EVIDENCE = 200
_PLAIN_CACHE = 200_000


class SkillMatcher:
    """Matches one taxonomy against documents; build it once and reuse it for many files."""

    def __init__(self, taxonomy: Taxonomy, nlp: Any | None = None) -> None:
        from ..nlp import blank_english

        self.nlp = nlp if nlp is not None else blank_english()
        self._make_doc = WarmTokenizer(self.nlp)
        from spacy.matcher import Matcher, PhraseMatcher

        self.taxonomy = taxonomy
        self._lemmas = lemma_table()
        self._skills = {skill.id: skill for skill in taxonomy.skills}
        self._phrases = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        # Bare list items, which count only in a Skills section: looked for from its start on.
        self._listed = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        self._exclusions = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        self._exclusion_forms = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._patterns = Matcher(self.nlp.vocab)
        # A token pattern of one ORTH is a phrase of one token: the PhraseMatcher finds it in a
        # hash look-up per token, where the Matcher tries every pattern at every token.
        self._tokens = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._lemma_hashes: dict[str, int] = {}
        self._labels: dict[int, str] = {}
        self._words: dict[int, str] = {}
        self._plain_lemmas: dict[str, str] = {}
        self._near: list[tuple[str, int]] = []
        self._near_index: dict[str, list[tuple[int, int]]] = {}
        self._context: dict[str, frozenset[str]] = {}
        self._senses: dict[str, list[SenseRule]] = {}
        self._bigrams: set[tuple[str, str]] = set()
        vocabulary: set[str] = set()
        names: set[str] = set()
        for skill in taxonomy.skills:
            self._add_skill(skill, vocabulary, names)
        self._speller = Speller(vocabulary, names)
        self._sense_index: dict[str, SenseRules] = {
            skill_id: by_word(rules) for skill_id, rules in self._senses.items()
        }

    # -- building ---------------------------------------------------------------------------

    def _pattern_doc(self, phrase: str) -> Any:
        doc = self.nlp.make_doc(phrase.lower())
        lemmas = [self._lemma(token.lower_) for token in doc]
        join_particles(lemmas)
        for token, lemma in zip(doc, lemmas, strict=True):
            token.lemma_ = lemma
        return doc

    def _add_skill(self, skill: Skill, vocabulary: set[str], names: set[str]) -> None:
        phrase_docs = [self._pattern_doc(p) for p in (*skill.phrases, *skill.members)]
        if phrase_docs:
            self._phrases.add(skill.id, phrase_docs)
        for doc in phrase_docs:
            vocabulary.update(token.lower_ for token in doc)
            lemmas = [token.lemma_ for token in doc]
            self._bigrams.update(pairwise(lemmas))
        for written in (*skill.phrases, *skill.members, *skill.exact, *skill.context_members):
            names.update(
                w.lower() for w in written.split() if w.lower() != w or written in skill.members
            )
        if skill.listed:
            self._listed.add(skill.id, [self._pattern_doc(p) for p in skill.listed])
        if skill.exclude:
            self._exclusions.add(skill.id, [self._pattern_doc(p) for p in skill.exclude])
        if skill.exclude_forms:
            self._exclusion_forms.add(
                skill.id, [self.nlp.make_doc(p.lower()) for p in skill.exclude_forms]
            )
        self._add_tokens(skill.id, skill.exact)
        if skill.context_members:
            self._add_tokens(f"{skill.id}#context", skill.context_members)
            self._context[skill.id] = frozenset(word.lower() for word in skill.context)
        for rule in skill.near:
            first = {self._lemma(w.lower()) for w in rule.words}
            second = {self._lemma(w.lower()) for w in rule.with_}
            vocabulary.update(first | second)
            self._near.append((skill.id, rule.within))
            rule_index = len(self._near) - 1
            for lemma in first:
                self._near_index.setdefault(lemma, []).append((rule_index, 0))
            for lemma in second:
                self._near_index.setdefault(lemma, []).append((rule_index, 1))
        for rule in skill.not_near:
            self._senses.setdefault(skill.id, []).append(
                (
                    frozenset(self._lemma(w.lower()) for w in rule.words),
                    frozenset(self._lemma(w.lower()) for w in rule.with_),
                    rule.within,
                    frozenset(self._lemma(w.lower()) for w in rule.unless),
                )
            )

    def _add_tokens(self, label: str, words: tuple[str, ...]) -> None:
        """Patterns that match one token by its exact text."""
        single: list[str] = []
        other: list[str] = []
        for word in words:
            doc = self.nlp.make_doc(word)
            (single if len(doc) == 1 and doc[0].text == word else other).append(word)
        if single:
            self._tokens.add(label, [self.nlp.make_doc(word) for word in single])
        if other:
            self._patterns.add(label, [[{"ORTH": word}] for word in other])

    def _label(self, key: int) -> str:
        """The label of a match id, kept: the string store decodes it anew at every look-up."""
        label: str = self.nlp.vocab.strings[key]
        self._labels[key] = label
        return label

    def _lemma(self, lower: str) -> str:
        return self._lemmas.get(lower, lower)

    # -- matching ---------------------------------------------------------------------------

    def match(
        self, document: Document, veto: Callable[[str, int, int], bool] | None = None
    ) -> list[SkillMatch]:
        """Return the skills the document shows, in taxonomy order, each with its evidence.

        ``veto(text, start, end)`` says a mention is not evidence; the default is written for a
        person's own documents (lack, plans, other people's words). A job posting brings its own.
        """
        veto = veto or negated
        text = document.text
        sections = find_sections(text)
        doc, tokens = self._parse(text, sections)
        breaks = sentence_breaks(tokens)
        listed: set[Span] = set()
        loose: set[Span] = set()
        spans = self._candidate_spans(doc, tokens, breaks, sections, listed, loose)
        loose_offsets: dict[str, set[tuple[int, int]]] = {}
        excluded = self._excluded_ranges(doc, tokens)
        lines = map_lines(text, sections)
        page_starts = document.page_starts()
        # Skills that share words ask the same question of the same words: ask it once.
        vetoed: dict[tuple[int, int], bool] = {}
        several_pages = len(page_starts) > 1
        found: dict[str, list[Evidence]] = {}
        # A quote that a skill already shows from a section that ranks no lower would be set
        # aside by ``dedupe``, whatever it is: it is not judged. A skill with more candidates
        # than it may keep judges every one, so that the count comes out the same.
        shown: dict[str, dict[str, tuple[int, bool]]] = {}
        crowded = {
            id_ for id_, n in Counter(map(itemgetter(0), spans)).items() if n > _MAX_EVIDENCE
        }
        starts, words, senses = tokens.starts, tokens.words, self._sense_index
        for span in sorted(spans, key=itemgetter(1, 2)):
            skill_id, start, end = span
            if len(found.get(skill_id, ())) >= _MAX_EVIDENCE:
                continue
            char_start, char_end = starts[start], starts[end - 1] + len(words[end - 1])
            ranges = excluded.get(skill_id)
            if ranges and any(a < char_end and char_start < b for a, b in ranges):
                continue
            if end - start > 1 and SPAN_BREAK.search(text, char_start + 1, char_end):
                continue
            offsets = (char_start, char_end)
            quote = snippet(text, char_start, char_end)
            section = sections.at(char_start)
            is_loose = span in loose
            rank = (section_rank(section), is_loose)
            best = shown.get(skill_id, {}).get(quote)
            if best is not None and best <= rank and skill_id not in crowded:
                continue
            rules = senses.get(skill_id)
            if rules and other_sense(rules, tokens.lemmas, breaks, start, end, span in listed):
                continue
            if lines.refuses(self._skills[skill_id], char_start):
                continue
            if is_loose and splits_items(text, char_start, char_end, section):
                continue
            if offsets not in vetoed:
                vetoed[offsets] = veto(text, char_start, char_end)
            if vetoed[offsets]:
                continue
            evidence = new_evidence(
                quote,
                text[char_start:char_end],
                page_of(page_starts, char_start) if several_pages else 1,
                section,
                char_start,
                char_end,
            )
            found.setdefault(skill_id, []).append(evidence)
            quotes = shown.setdefault(skill_id, {})
            quotes[quote] = min(quotes.get(quote, rank), rank)
            if is_loose:
                loose_offsets.setdefault(skill_id, set()).add(offsets)
        return [
            SkillMatch(skill, dedupe(found[skill.id], frozenset(loose_offsets.get(skill.id, ()))))
            for skill in self.taxonomy.skills
            if skill.id in found
        ]

    def lemmas(self, text: str) -> list[str]:
        """The lemma of each token of ``text`` as matching sees it, misspellings mended."""
        return self._parse(text)[1].lemmas

    def _parse(self, text: str, sections: SectionMap | None = None) -> tuple[Any, Tokens]:
        """Tokenise with single line breaks read as spaces, so wrapped phrases still match.

        Returns the spaCy doc, with lemmas set for the PhraseMatchers, and its plain lists.
        """
        sections = sections or find_sections(text)
        doc = self._make_doc(_LINE_BREAK.sub(" ", text))
        tokens = read_tokens(doc, text, self._words)
        first_line_end = text.find("\n") if "\n" in text else len(text)
        speller = self._speller
        table = self._lemmas
        # The lemma of every word that needs no mending, whatever its neighbours.
        plain = self._plain_lemmas
        if len(plain) >= _PLAIN_CACHE:
            plain.clear()
        # Looked up all at once; the words not yet known are then read in order, so that a
        # mended word sees the lemmas before it as they end up.
        found: list[str | None] = list(map(plain.get, tokens.lowers))
        lemmas = cast("list[str]", found)
        for index in [index for index, lemma in enumerate(found) if lemma is None]:
            lower = tokens.lowers[index]
            lemma = plain.get(lower)
            if lemma is None:
                lemma = table.get(lower)
                if lemma is not None or not speller.needs_mending(lower):
                    lemma = plain[lower] = lower if lemma is None else lemma
                else:
                    lemma = self._mend(tokens, index, lemmas, sections, first_line_end)
            lemmas[index] = lemma
        join_particles(lemmas)
        tokens.lemmas = lemmas
        write_lemmas(doc, lemmas, self._lemma_hashes)
        return doc, tokens

    def _mend(
        self,
        tokens: Tokens,
        index: int,
        lemmas: list[str],
        sections: SectionMap,
        first_line_end: int,
    ) -> str:
        """The lemma of a misspelt token, or of the token itself when it is a name.

        A capitalised word inside a line, or on the first line, is a name: it may be a
        misspelt product ("Cener"), or a misspelt word of a phrase that its neighbour begins or
        ends ("Medical Terminolgy"), never an ordinary word on its own ("Ellis, Courtney").
        """
        written, lower = tokens.words[index], tokens.lowers[index]
        name_like = written[0].isupper() and (
            tokens.starts[index] < first_line_end
            or beside_a_name(tokens, index, self._speller)
            or (not written.isupper() and not opens_item(tokens, index, sections))
        )
        if not name_like:
            return self._lemma(self._speller.correct(lower))
        word = self._lemma(self._speller.correct(lower))
        before = lemmas[index - 1] if index else ""
        after = self._lemma(tokens.lowers[index + 1]) if index + 1 < len(tokens.lowers) else ""
        if word != lower and ((before, word) in self._bigrams or (word, after) in self._bigrams):
            return word
        return self._lemma(self._speller.correct(lower, names_only=True))

    def _candidate_spans(
        self,
        doc: Any,
        tokens: Tokens,
        breaks: list[int],
        sections: SectionMap,
        listed: set[Span],
        loose: set[Span],
    ) -> set[Span]:
        """Every candidate match; bare list items are also added to ``listed``, and pairs of
        words found apart to ``loose``."""
        labels = self._labels
        spans: set[Span] = set()
        for key, start, end in run(self._phrases, doc):
            spans.add((labels.get(key) or self._label(key), start, end))
        skills = [
            at for at, name in zip(sections.starts, sections.names, strict=True) if name == "Skills"
        ]
        if skills and len(self._listed):
            first = bisect.bisect_left(tokens.starts, skills[0])
            for key, start, end in self._listed(doc[first:]):
                if (
                    sections.at(tokens.starts[start]) == "Skills"
                    and whole_item(tokens, start, end)
                    and not in_keyword_list(tokens.text, tokens.starts[start])
                ):
                    item = (labels.get(key) or self._label(key), start, end)
                    spans.add(item)
                    listed.add(item)
        pairs = near_spans(tokens, breaks, self._near_index, self._near)
        spans.update(pairs)
        loose.update(pair for pair in pairs if pair[2] - pair[1] > 2)
        candidates: list[Span] = []
        for key, start, end in (*run(self._tokens, doc), *run(self._patterns, doc)):
            label = labels.get(key) or self._label(key)
            if label.endswith("#context"):
                candidates.append((label.removesuffix("#context"), start, end))
            else:
                spans.add((label, start, end))
        spans.update(in_context(tokens, candidates, spans, self._context))
        return shortest(spans)

    def _excluded_ranges(self, doc: Any, tokens: Tokens) -> dict[str, list[tuple[int, int]]]:
        labels = self._labels
        ranges: dict[str, list[tuple[int, int]]] = {}
        for matcher in (self._exclusions, self._exclusion_forms):
            for key, start, end in run(matcher, doc):
                offsets = (tokens.starts[start], tokens.end(end - 1))
                ranges.setdefault(labels.get(key) or self._label(key), []).append(offsets)
        return ranges
