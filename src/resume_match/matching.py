"""Find the taxonomy's skills in a document's text, keeping the words that prove each one.

spaCy's blank English tokenizer splits the text; lemmas come from the spacy-lookups-data table
(lower-cased first, since the table is case-sensitive); rapidfuzz mends misspellings of the
taxonomy's own words before anything is matched. A PhraseMatcher finds phrases and named systems,
a Matcher finds abbreviations and names by their case, and an index from lemma to rule finds words
that stand apart. A mention that the person lacks the skill, or that someone else's words hold,
is not evidence.
"""

from __future__ import annotations

import bisect
import gzip
import json
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from .model import Document, Evidence, SkillMatch
from .sections import find_sections
from .taxonomy import Skill, Taxonomy

_STOP_IN_WINDOW = frozenset({".", "!", "?", ";", "•", "|"})
_MIN_FUZZY_LENGTH = 5
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:no|without|lack|lacks|lacking|limited|minimal)\s+(?:\w+\s+){0,2}?"
    r"(?:experience|exposure|knowledge|background|training|familiarity|skills?)\b"
    r"|(?:\bnot|\bnever|n't)\s+(?:\w+\s+){0,2}?(?:familiar|experienced|trained|certified|used|worked|"
    r"exposed|had|done|performed|handled|learned|proficient|comfortable|knowledgeable)\b"
    r"|\b(?:unfamiliar|inexperienced|new to)\b"
    r"|\b(?:never|have not|has not|had not|did not|do not|does not|cannot|haven't|hasn't|hadn't|"
    r"didn't|don't|doesn't|can't)\b"
    r"|\b(?:signed up for|sign up for|signing up for|will take|will be taking|plan to take)\b"
    r"|\b(?:need|needs|will need|'ll need)\s+(?:\w+\s+)?(?:training|to learn)\b"
    r"|\b(?:apply|applying|applied)\s+for\b|\byour\s+(?:[\w-]+\s+){0,4}$"
    r"|\b(?:eager|hope|hoping|hopes|want|wanting|wants|like|looking forward|plan|planning|excited|"
    r"willing|keen|aim|aiming|intend|intending)\s+to\s+(?:\w+\s+)?(?:learn|learning|gain|gaining|"
    r"develop|build|acquire|grow|get|become|pursue|take)\b"
    r"|\b(?:yet to|not yet|have yet)\b"
    r"|\b(?:your|the|this)\s+(?:job\s+)?(?:posting|listing|advertisement|ad|description|role|position|"
    r"opening|job)\s+(?:\w+\s+)?(?:asks?|requires?|required|calls?|mentions?|lists?|emphasi[sz]es|seeks?|"
    r"needs?|wants?|prefers?)\b"
    r"|\byou\s+(?:are\s+)?(?:require|need|seek|asked|ask|looking|want|prefer|mention)\w*\b"
    r"|\b(?:if|whether)\b)[^.;!?]*$",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:says?|said|saying|told|tells|describes?|described|calls?|called|wrote|writes|asks?|asked|"
    r"wants?|wanted|lists?|listed|posting|listing|ad|review|praised?|quote[sd]?)\b",
    re.IGNORECASE,
)
_OTHER_SUBJECT = re.compile(
    r"[\s\-•*>]*(?:(?:our|my|the|their|his|her|[\w.]+'s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:counselors?|managers?|supervisors?|team|staff|coworkers?|colleagues?|department|billers?|"
    r"coordinators?|specialists?|nurses?|doctors?|physicians?|providers?|office|leads?|boss)"
    r"|patients|they|she|he|someone else|others)\b(?![^.;!?]*(?-i:\bI\b))",
    re.IGNORECASE,
)
_OTHER_DID = re.compile(
    r"\b(?:our|my|the|their|his|her|[\w.]+'s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:coordinator|manager|supervisor|team|staff|counselor|department|biller|specialist|nurse|"
    r"doctor|office|lead)s?\s+(?:handled|handles|did|does|took|takes|managed|manages|ran|runs|"
    r"processed|processes|verified|verifies|checked|checks|covered|covers|made|makes)\b"
    r"(?![^.;!?]*(?-i:\bI\b))",
    re.IGNORECASE,
)
_LONGEST_CLAUSE = 400
# Past this many proofs of one skill, more prove nothing: a text that repeats a skill's name
# forty thousand times is not checked forty thousand times.
_MAX_EVIDENCE = 200
_NOT_JUST_BEFORE = re.compile(r"\bnot\s+(?:an?\s+|the\s+|any\s+)?$", re.IGNORECASE)
_NEGATION_AFTER = re.compile(
    r"^[^.;!?]{0,80}?\b(?:(?:i|i've|i'm)\s+(?:\w+\s+){0,2}?(?:not|never|no|yet to)\b"
    r"|(?:is|are|will be|would be)\s+(?:all\s+|completely\s+|entirely\s+)?new to me|which i lack"
    r"|not yet|in the future"
    r"|\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:taken|handled|done|processed|managed|made)\s+by\b"
    r"|\b(?:is|are|has been|have been|was)\s+(?:\w+\s+)?"
    r"(?:zero|none|nil|nonexistent|non-existent)\b"
    r"|(?:that|which)\s+(?:begins|starts|will start)\b"
    r"|\bnext\s+(?:month|week|semester|year|fall|spring)\b)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[.;!?•|]|\n\n|\n(?=[A-Z•])|,\s*(?:but|yet|so|and|while|though|although)?\s*(?=(?:i|i've|i'm|my|we)\b)"
    r"|\b(?:but|however|although|though|whereas|while)\b",
    re.IGNORECASE,
)
_SPAN_BREAK = re.compile(
    r"[;!?•|]|\.\s+(?-i:[A-Z])|\n\n|,\s*(?:but|yet|so|and|while|though|although)?\s*(?=(?:i|i've|i'm|my|we)\b)"
    r"|\b(?:but|however|although|though|whereas)\b",
    re.IGNORECASE,
)
_CONTEXT_PREPOSITIONS = frozenset({"in", "into", "on", "using", "with", "via", "through"})
_LINE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


@lru_cache(maxsize=1)
def _lemma_table() -> dict[str, str]:
    data = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
    table: dict[str, str] = json.loads(gzip.decompress(data.read_bytes()))
    return table


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Every English word the lookups know: inflected forms, their lemmas, and the base-form index.

    The lemma table alone lacks words that never inflect ("clinical", "healthcare"), and a word
    missing here would be "corrected" towards a taxonomy word.
    """
    table = _lemma_table()
    data = resources.files("spacy_lookups_data") / "data" / "en_lemma_index.json.gz"
    index: dict[str, list[str]] = json.loads(gzip.decompress(data.read_bytes()))
    words = set(table) | set(table.values())
    for base_forms in index.values():
        words.update(base_forms)
    return frozenset(words)


class SkillMatcher:
    """Matches one taxonomy against documents; build it once and reuse it for many files."""

    def __init__(self, taxonomy: Taxonomy, nlp: Any | None = None) -> None:
        import spacy
        from spacy.matcher import Matcher, PhraseMatcher

        self.taxonomy = taxonomy
        self.nlp = nlp if nlp is not None else spacy.blank("en")
        self._lemmas = _lemma_table()
        self._words = _english_words()
        self._skills = {skill.id: skill for skill in taxonomy.skills}
        self._phrases = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        self._exclusions = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        self._patterns = Matcher(self.nlp.vocab)
        self._near: list[tuple[str, int]] = []
        self._near_index: dict[str, list[tuple[int, int]]] = {}
        self._context: dict[str, frozenset[str]] = {}
        vocabulary: set[str] = set()
        for skill in taxonomy.skills:
            self._add_skill(skill, vocabulary)
        self._vocabulary = sorted(
            word for word in vocabulary if len(word) >= _MIN_FUZZY_LENGTH and word.isalpha()
        )
        self._known = self._words | frozenset(vocabulary)

    # -- building ---------------------------------------------------------------------------

    def _pattern_doc(self, phrase: str) -> Any:
        doc = self.nlp.make_doc(phrase.lower())
        lemmas = [self._lemma(token.lower_) for token in doc]
        _join_particles(lemmas)
        for token, lemma in zip(doc, lemmas, strict=True):
            token.lemma_ = lemma
        return doc

    def _add_skill(self, skill: Skill, vocabulary: set[str]) -> None:
        phrase_docs = [self._pattern_doc(p) for p in (*skill.phrases, *skill.members)]
        if phrase_docs:
            self._phrases.add(skill.id, phrase_docs)
        for doc in phrase_docs:
            vocabulary.update(token.lower_ for token in doc)
        if skill.exclude:
            self._exclusions.add(skill.id, [self._pattern_doc(p) for p in skill.exclude])
        patterns: list[list[dict[str, Any]]] = [[{"ORTH": token}] for token in skill.exact]
        if skill.context_members:
            self._patterns.add(
                f"{skill.id}#context", [[{"ORTH": member}] for member in skill.context_members]
            )
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
        if patterns:
            self._patterns.add(skill.id, patterns)

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
        veto = veto or _negated
        text = document.text
        doc = self._parse(text)
        spans = self._candidate_spans(doc, text)
        excluded = self._excluded_ranges(doc)
        sections = find_sections(text)
        page_starts = document.page_starts()
        found: dict[str, list[Evidence]] = {}
        for skill_id, start, end in sorted(spans, key=lambda s: (s[1], s[2])):
            if len(found.get(skill_id, ())) >= _MAX_EVIDENCE:
                continue
            span = doc[start:end]
            char_start, char_end = span.start_char, span.end_char
            if any(a < char_end and char_start < b for a, b in excluded.get(skill_id, ())):
                continue
            if end - start > 1 and _SPAN_BREAK.search(text, char_start + 1, char_end):
                continue
            if veto(text, char_start, char_end):
                continue
            evidence = Evidence(
                text=_snippet(text, char_start, char_end),
                term=text[char_start:char_end],
                page=_page_of(page_starts, char_start),
                section=sections.at(char_start),
                start=char_start,
                end=char_end,
            )
            found.setdefault(skill_id, []).append(evidence)
        return [
            SkillMatch(skill, _dedupe(found[skill.id]))
            for skill in self.taxonomy.skills
            if skill.id in found
        ]

    def lemmas(self, text: str) -> list[str]:
        """The lemma of each token of ``text`` as matching sees it, misspellings mended."""
        return [token.lemma_ for token in self._parse(text)]

    def _parse(self, text: str) -> Any:
        """Tokenise with single line breaks read as spaces, so wrapped phrases still match."""
        doc = self.nlp.make_doc(_LINE_BREAK.sub(" ", text))
        tokens = list(doc)
        corrections: dict[str, str] = {}
        lemmas: list[str] = []
        for token in tokens:
            lower = token.lower_
            lemma = self._lemmas.get(lower)
            if lemma is None:
                lemma = lower
                if (
                    len(lower) >= _MIN_FUZZY_LENGTH
                    and lower.isascii()
                    and lower.isalpha()
                    and lower not in self._known
                ):
                    if lower not in corrections:
                        corrections[lower] = self._lemma(self._correct(lower))
                    lemma = corrections[lower]
            lemmas.append(lemma)
        _join_particles(lemmas)
        for token, lemma in zip(tokens, lemmas, strict=True):
            token.lemma_ = lemma
        return doc

    def _correct(self, word: str) -> str:
        """Map a misspelling of a taxonomy word ("hippa", "cener") to that word.

        On a tie, a name that is not an English word wins ("cener" is Cerner before "center").
        """
        from rapidfuzz import fuzz, process

        cutoff = 80 if len(word) <= 6 else 85
        candidates = [
            (score, choice not in self._words, choice)
            for choice, score, _ in process.extract(
                word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
            )
            if choice[0] == word[0]
        ]
        return str(max(candidates)[2]) if candidates else word

    def _candidate_spans(self, doc: Any, text: str) -> set[tuple[str, int, int]]:
        vocab = self.nlp.vocab.strings
        spans = {(vocab[key], start, end) for key, start, end in _run(self._phrases, doc)}
        spans.update(self._near_spans(doc))
        candidates: list[tuple[str, int, int]] = []
        for key, start, end in _run(self._patterns, doc):
            label = vocab[key]
            if label.endswith("#context"):
                candidates.append((label.removesuffix("#context"), start, end))
            else:
                spans.add((label, start, end))
        spans.update(self._in_context(doc, text, candidates, spans))
        return _shortest(spans)

    def _near_spans(self, doc: Any) -> set[tuple[str, int, int]]:
        """Pairs of words, one from each set of a ``near`` rule, close together in one sentence.

        An index from lemma to rule finds the candidates in one pass over the document, which costs
        a fraction of what spaCy's Matcher spends on wildcard patterns.
        """
        positions: dict[tuple[int, int], list[int]] = {}
        stops = [0]
        for index, token in enumerate(doc):
            for key in self._near_index.get(token.lemma_, ()):
                positions.setdefault(key, []).append(index)
            stops.append(stops[-1] + (token.is_space or token.text in _STOP_IN_WINDOW))
        spans: set[tuple[str, int, int]] = set()
        for (rule_index, side), firsts in positions.items():
            if side:
                continue
            seconds = positions.get((rule_index, 1))
            if not seconds:
                continue
            skill_id, within = self._near[rule_index]
            for a in firsts:
                # Only the words within reach: linear in the text, not in its square.
                first = bisect.bisect_left(seconds, a - within - 1)
                for b in seconds[first : bisect.bisect_right(seconds, a + within + 1)]:
                    low, high = (a, b) if a < b else (b, a)
                    if 0 < high - low <= within + 1 and stops[high] == stops[low + 1]:
                        spans.add((skill_id, low, high + 1))
        return spans

    def _in_context(
        self,
        doc: Any,
        text: str,
        candidates: list[tuple[str, int, int]],
        spans: set[tuple[str, int, int]],
    ) -> set[tuple[str, int, int]]:
        """Names that are also words ("Word", "Epic") that have a confirming word beside them.

        Confirmation is a preposition just before ("in Epic"), or in the same line a context word
        or another match of the same skill. Positions are looked up by bisection, so a stuffed
        line of thousands of names costs no more than a normal one per name.
        """
        if not candidates:
            return set()
        lowers = [token.lower_ for token in doc]
        lines = _token_lines(doc, text)
        hits = {
            skill_id: [i for i, lower in enumerate(lowers) if lower in self._context[skill_id]]
            for skill_id in {skill_id for skill_id, _, _ in candidates}
        }
        starts: dict[str, list[int]] = {}
        for skill_id, start, _ in spans:
            starts.setdefault(skill_id, []).append(start)
        for positions in starts.values():
            positions.sort()
        confirmed: set[tuple[str, int, int]] = set()
        for skill_id, start, end in candidates:
            line_start, line_end = lines[start][0], lines[end - 1][1]
            if (
                (start > 0 and lowers[start - 1] in _CONTEXT_PREPOSITIONS)
                or _found_outside(hits[skill_id], line_start, line_end, start, end)
                or _found_outside(starts.get(skill_id, []), line_start, line_end, start, end)
            ):
                confirmed.add((skill_id, start, end))
        return confirmed

    def _excluded_ranges(self, doc: Any) -> dict[str, list[tuple[int, int]]]:
        vocab = self.nlp.vocab.strings
        ranges: dict[str, list[tuple[int, int]]] = {}
        for key, start, end in _run(self._exclusions, doc):
            span = doc[start:end]
            ranges.setdefault(vocab[key], []).append((span.start_char, span.end_char))
        return ranges


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


def _join_particles(lemmas: list[str]) -> None:
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


def _run(matcher: Any, doc: Any) -> list[tuple[int, int, int]]:
    """Run a spaCy matcher; one without patterns (a small custom taxonomy) finds nothing."""
    return list(matcher(doc)) if len(matcher) else []


def _shortest(spans: set[tuple[str, int, int]]) -> set[tuple[str, int, int]]:
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


def _token_lines(doc: Any, text: str) -> list[tuple[int, int]]:
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


def _found_outside(positions: list[int], low: int, high: int, start: int, end: int) -> bool:
    """Whether sorted ``positions`` hold one in [low, high) that is not in [start, end)."""
    index = bisect.bisect_left(positions, low)
    while index < len(positions) and positions[index] < high:
        if not start <= positions[index] < end:
            return True
        index += 1
    return False


def _negated(text: str, start: int, end: int) -> bool:
    """True when a mention's clause says the person lacks the skill, or only the employer asks."""
    clause_start = 0
    for found in _CLAUSE_BREAK.finditer(text, max(0, start - 160), start):
        clause_start = found.end()
    before = text[max(clause_start, start - 120) : start]
    if _NEGATION_BEFORE.search(before) or _NOT_JUST_BEFORE.search(before):
        return True
    # A clause with no break in the 160 characters before the mention is searched over its last
    # _LONGEST_CLAUSE characters only, so that a text without punctuation costs linear time.
    prefix = text[max(clause_start, start - _LONGEST_CLAUSE) : start]
    whole = start - clause_start <= _LONGEST_CLAUSE
    if (whole and _OTHER_SUBJECT.match(prefix)) or _OTHER_DID.search(prefix):
        return True
    if _quoted_from_someone_else(text, start):
        return True
    after = text[end : end + 100]
    stop = _CLAUSE_BREAK.search(after)
    return bool(_NEGATION_AFTER.search(after[: stop.start()] if stop else after))


def _quoted_from_someone_else(text: str, start: int) -> bool:
    """True inside a quotation that the sentence gives to someone else ("the posting says ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    sentence_start = max(text.rfind(". ", line_start, start) + 1, line_start)
    prefix = text[sentence_start:start]
    if prefix.count('"') % 2 == 0:
        return False
    return bool(_REPORTED.search(prefix[: prefix.rfind('"')]))


def _snippet(text: str, start: int, end: int, width: int = 50) -> str:
    """The words around a match, within its line and sentence, cut at word boundaries."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    sentence = max(text.rfind(". ", line_start, start), text.rfind("•", line_start, start))
    left = max(line_start, sentence + 2 if sentence != -1 else line_start, start - width)
    right = min(line_end, end + width)
    if left > line_start and text[left - 1] not in " •":
        left = text.find(" ", left, start) + 1 or start
    if right < line_end and not text[right].isspace():
        space = text.rfind(" ", end, right)
        right = space if space != -1 else end
    prefix = "..." if left > line_start and sentence + 2 != left else ""
    suffix = "..." if right < line_end else ""
    return f"{prefix}{' '.join(text[left:right].split()).strip(' •')}{suffix}"


def _page_of(page_starts: list[int], offset: int) -> int:
    page = 1
    for number, start in enumerate(page_starts, start=1):
        if start <= offset:
            page = number
    return page


_SECTION_RANK = {"Experience": 0, "Volunteer": 1, "Body": 1, "Skills": 2, "Summary": 3}


def _dedupe(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """Distinct evidence, most convincing first: what the person did before what they list,
    and a sentence before a bare title or keyword.
    """
    seen: set[str] = set()
    kept: list[Evidence] = []
    for item in sorted(
        items, key=lambda e: (_SECTION_RANK.get(e.section, 4), len(e.text) < 25, e.start)
    ):
        if item.text in seen:
            continue
        seen.add(item.text)
        kept.append(item)
    return tuple(kept)
