"""Where a mention's clause begins and ends, from one scan of the document for clause breaks.

The context rules ask of every mention where its clause begins (the end of the last break in the
160 characters before it) and where it ends (the first break in the 100 characters after it).
Scanning both windows with the long break pattern cost more than the rules themselves; one scan of
the whole text, bisected, gives the same answers.

They are the windows' own answers, not the whole text's: a window's scan sees the text cut at its
ends. Apart from a comma's run of spaces, no attempt at a break looks more than ``_REACH - 16``
characters past where it starts, so the whole text's breaks are a window's breaks until
``_REACH`` characters before its cut, and those last characters are scanned as the window would.
A window that opens inside a break, or right after a letter when it ends in one, is scanned whole.
"""

from __future__ import annotations

import bisect
import re

from ..prefilter import fold

CLAUSE_BREAK = re.compile(
    r"[.;!?•|]|\n\n|\n(?=(?-i:[A-Z])|•)"
    r"|,\s*(?:but|yet|so|and|while|though|although|which|where)?\s*(?=(?:i|i've|i'm|my|we)\b)"
    r"|\b(?:but|however|although|though|whereas|while|whilst)\b|\band\s(?=(?-i:I)\s)",
    re.IGNORECASE,
)
LOOK_BACK = 160
LOOK_AHEAD = 100
# An attempt at a comma looks through its spaces and optional word (the run below), then at
# most 8 characters on; any other attempt looks at most 8 characters past where it starts.
_COMMA_RUN = re.compile(
    r",\s*(?:but|yet|so|and|while|though|although|which|where)?\s*", re.IGNORECASE
)
_SHORT_RUN = 16
_REACH = _SHORT_RUN + 9
_LETTERS = re.compile(r"\w\w")
# CLAUSE_BREAK for a whole text, in two parts. Its marks, each alternative opening with a
# literal, so that the engine skips straight to the next mark (a first ``\b`` stops it from
# skipping anywhere); and its words, searched in the folded text (folding keeps each
# character's offset and word-ness, and gives the words' letters exactly where IGNORECASE
# matches them).
# A word inside a comma's mark (", but I ...") is part of that match, not a break of its own.
_MARK_BREAK = re.compile(
    r"\.|;|!|\?|•|\||\n\n|\n(?=(?-i:[A-Z])|•)"
    r"|,\s*(?:but|yet|so|and|while|though|although|which|where)?\s*(?=(?:i|i've|i'm|my|we)\b)",
    re.IGNORECASE,
)
# "b(?<!\wb)ut\b" is "\bbut\b" opening with its letter, so that the engine skips to a "b".
_WORD_BREAK = re.compile(
    r"b(?<!\wb)ut\b|h(?<!\wh)owever\b|a(?<!\wa)lthough\b|t(?<!\wt)hough\b"
    r"|w(?<!\ww)hereas\b|w(?<!\ww)hile\b|w(?<!\ww)hilst\b"
)
_BREAK_WORDS = ("but", "however", "although", "though", "whereas", "while")
_WORD_CHAR = re.compile(r"\w")
# "and" before a capital "I" ("... and I never ..."): the "I" is read in the text itself.
# Searched by its literal opening; an "and" inside a word ("band I") is dropped after: no
# match can open inside another.
_AND_I_BREAK = re.compile(r"and\s(?=i\s)")


class ClauseBreaks:
    """The clause breaks of one text, for the windows before and after each mention."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = self._folded = fold(text)
        spans = _breaks_in(text, self._folded, 0, len(text), whole=True)
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]
        # Commas whose run of spaces reaches further than the others.
        self._far = [
            run.start() for run in _COMMA_RUN.finditer(text) if run.end() - run.start() > _SHORT_RUN
        ]

    def _inside(self, offset: int) -> int:
        """The start of the break that ``offset`` is strictly inside, or -1."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and self._starts[index] < offset < self._ends[index]:
            return self._starts[index]
        return -1

    def _safe_until(self, low: int, high: int) -> int:
        """``high``, or the first far-reaching comma in [low, high) when there is one."""
        index = bisect.bisect_left(self._far, low)
        return min(high, self._far[index]) if index < len(self._far) else high

    def clause_start(self, start: int) -> int:
        """The end of the last break that a scan of the ``LOOK_BACK`` characters before ``start``
        finds, or 0 when it finds none."""
        text = self.text
        low = max(0, start - LOOK_BACK)
        if self._inside(low) != -1:
            return _last_end(text, self._folded, low, start, 0)
        tail = self._safe_until(low, max(low, start - _REACH))
        opened = self._inside(tail)
        if opened != -1:
            tail = opened
        index = bisect.bisect_left(self._starts, tail) - 1
        before = self._ends[index] if index >= 0 and self._starts[index] >= low else 0
        last = self._last_before(tail, start)
        if last is not None:
            return self._ends[last] if last > index else before
        return _last_end(text, self._folded, tail, start, before)

    def _last_before(self, tail: int, start: int) -> int | None:
        """The last of the whole text's breaks that a scan of [tail, start) finds, as an index
        (-1 for none), or None when that scan may see otherwise.

        An attempt at a break sees otherwise only where it reads the character at ``start``,
        which the scan does not have: a word that goes on past it ("but|ter"), a line break
        just before it (whose next line may open with a capital), a comma's break that ends at
        it or an "and" a few characters before it (which look for an "I" after). A break of the
        whole text that ends past ``start`` is not the scan's either.
        """
        text = self.text
        if 0 < start < len(text) and _is_word(text[start - 1]) and _is_word(text[start]):
            return None
        if self._folded.find("and", max(tail, start - 6), start) != -1:
            return None
        # A line break just before ``start`` is a break of the whole text alone.
        limit = start - 1 if text[start - 1 : start] == "\n" else start
        last = bisect.bisect_left(self._starts, limit) - 1
        after = bisect.bisect_left(self._starts, start) - 1
        # A comma's break ends where its look for "I", "my" or "we" begins.
        if after >= 0 and (
            self._ends[after] > start
            or (self._ends[after] == start and text[self._starts[after]] == ",")
        ):
            return None
        return last

    def clause_end(self, end: int) -> int | None:
        """Where ``CLAUSE_BREAK.search(text[end:end + LOOK_AHEAD])`` finds a break, or None."""
        text = self.text
        limit = min(len(text), end + LOOK_AHEAD)
        if self._inside(end) != -1 or (end > 0 and _LETTERS.match(text, end - 1)):
            found = CLAUSE_BREAK.search(text[end:limit])
            return found.start() if found else None
        safe = limit
        if limit < len(text):
            safe = self._safe_until(end, max(end, limit - _REACH))
        index = bisect.bisect_left(self._starts, end)
        if index < len(self._starts) and self._starts[index] < safe:
            return self._starts[index] - end
        if safe == len(text):
            return None
        found = CLAUSE_BREAK.search(text[end:limit], safe - end)
        return found.start() if found else None


def _breaks_in(
    text: str, folded: str, low: int, high: int, whole: bool = False
) -> list[tuple[int, int]]:
    """The spans ``CLAUSE_BREAK.finditer(text, low, high)`` finds, from its marks and its
    words (in the folded text); ``whole`` for the whole text, where the words are looked up."""
    marks = [found.span() for found in _MARK_BREAK.finditer(text, low, high)]
    if whole:
        words = _break_words(folded)
    else:
        words = [found.span() for found in _WORD_BREAK.finditer(folded, low, high)]
    words += [
        found.span()
        for found in _AND_I_BREAK.finditer(folded, low, high)
        if text[found.end()] == "I"
        and not (found.start() and _WORD_CHAR.match(folded, found.start() - 1))
    ]
    if not words:
        return marks
    starts = [start for start, _ in marks]
    kept = list(marks)
    for start, end in words:
        index = bisect.bisect_left(starts, start) - 1
        if index < 0 or marks[index][1] <= start:
            kept.append((start, end))
    kept.sort()
    return kept


def _is_word(char: str) -> bool:
    """Whether ``\\w`` matches ``char`` (which folding keeps)."""
    return char.isalnum() or char == "_"


def _break_words(folded: str) -> list[tuple[int, int]]:
    """The spans ``_WORD_BREAK.finditer(folded)`` finds: each break word standing alone.

    Looked up word by word, which is several times quicker over a whole text than the search
    that stops at every letter a break word opens with. Two words standing alone cannot
    overlap, so the search's spans are all of them.
    """
    found: list[tuple[int, int]] = []
    size = len(folded)
    for word in _BREAK_WORDS:
        at = folded.find(word)
        while at != -1:
            end = at + len(word)
            if not (at and _WORD_CHAR.match(folded, at - 1)) and not (
                end < size and _WORD_CHAR.match(folded, end)
            ):
                found.append((at, end))
            at = folded.find(word, at + 1)
    found.sort()
    return found


def _last_end(text: str, folded: str, low: int, high: int, default: int) -> int:
    spans = _breaks_in(text, folded, low, high)
    return spans[-1][1] if spans else default
