"""Somebody else's words laid out on the page: a quotation given to someone else, a posting's
bullets quoted over several lines, and the employer's column of a requirements table.

"Your posting says the successful candidate will: "- Verify insurance ..."" and "Your requirement
| My experience" put the employer's list beside the writer's; only the writer's side is evidence.
"""

from __future__ import annotations

import re

_REPORTED = re.compile(
    r"\b(?:says?|said|saying|told|tells|describes?|described|calls?|called|wrote|writes|asks?|asked|"
    r"wants?|wanted|lists?|listed|posting|listing|ad|review|praised?|quote[sd]?|according|"
    r"description|requires?|required|requirements?|candidates?|seeks?|seeking|states?|stated|"
    r"looking\s+for|needs?|needed|expects?|expected|mentions?|mentioned|someone|somebody)\b",
    re.IGNORECASE,
)


def quoted_from_someone_else(text: str, start: int) -> bool:
    """True inside a quotation that the sentence gives to someone else ("the posting says ...")."""
    if '"' not in text:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if text.count('"', line_start, start) % 2 == 0:
        return _quoted_lines(text, line_start, start) or _quoted_run(text, start)
    # The quotation may have opened sentences before: who speaks is said before it opens.
    opening = text.rfind('"', line_start, start)
    sentence_start = max(text.rfind(". ", line_start, opening) + 1, line_start)
    return bool(_REPORTED.search(text, sentence_start, opening))


_QUOTE_ENDS_LINE = re.compile(r"[ \t]*\n")
_LONGEST_QUOTE = 1200


def _open_quotation(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The paragraph's start and the opening mark of a quotation still open at ``end``, within
    ``_LONGEST_QUOTE`` of the mention at ``start``; None when no quotation is open there."""
    low = max(0, start - _LONGEST_QUOTE)
    if text.find('"', low, end) == -1:
        return None
    paragraph = max(text.rfind("\n\n", low, end) + 2, low)
    if text.count('"', paragraph, end) % 2 == 0:
        return None
    return paragraph, text.rfind('"', paragraph, end)


def _quoted_lines(text: str, line_start: int, start: int) -> bool:
    """True inside a quotation of several lines (a posting's bullets) that opened on an earlier
    line of the paragraph, after words that give it to someone else ("Your posting says:")."""
    open_quote = _open_quotation(text, start, line_start)
    if open_quote is None:
        return False
    paragraph, opening = open_quote
    opens_line = not text[text.rfind("\n", 0, opening) + 1 : opening].strip(" \t-•*>")
    sentence_start = max(text.rfind(". ", paragraph, opening) + 1, paragraph)
    # 'Your posting asks for "EHR ...': a quotation opened mid-line right after who says it.
    given = _REPORTED.search(text, max(sentence_start, opening - 40), opening)
    if not (opens_line or given or _QUOTE_ENDS_LINE.match(text, opening + 1)):
        return False
    return bool(_REPORTED.search(text, sentence_start, opening))


_BETWEEN_QUOTES = re.compile(r'"\s*[,;]?\s*(?:(?:and|or)\s+)?', re.IGNORECASE)


def _quoted_run(text: str, start: int) -> bool:
    """True inside one of a run of quotations ('who can "verify insurance," "collect co-pays,"
    and "answer phones"') that the sentence opening the run gives to someone else."""
    open_quote = _open_quotation(text, start, start)
    if open_quote is None:
        return False
    paragraph, opening = open_quote
    first = opening
    while True:
        closing = text.rfind('"', paragraph, first)
        if closing == -1 or not _BETWEEN_QUOTES.fullmatch(text, closing, first):
            break
        previous = text.rfind('"', paragraph, closing)
        if previous == -1:
            break
        first = previous
    if first == opening:
        return False
    sentence_start = max(text.rfind(". ", paragraph, first) + 1, paragraph)
    return bool(_REPORTED.search(text, sentence_start, first))


_CELL = re.compile(r"[ \t]\|[ \t]|\t")
_ASKED_HEADER = re.compile(
    r"[ \t|]*(?:(?:your|the|job|role|position|posting|employer)(?:'s)?\s+)?"
    r"(?:requirements?|needs|wants|asks|wish\s+list|criteria|must[ -]haves"
    r"|(?:required|requested|desired|preferred)\s+(?:skills|qualifications|experience)"
    r"|qualifications\s+(?:required|requested|sought)"
    r"|you\s+(?:need|needed|want|wanted|require|required|seek|asked\s+for|ask\s+for|are\s+looking\s+for)"
    r"|what\s+you(?:'re|\s+are)?\s+(?:need|want|seek|asking\s+for|looking\s+for|asked\s+for)"
    r"|(?:posting|job\s+ad|advertisement|ad)\s+(?:asks\s+for|says|requires|lists))\b",
    re.IGNORECASE,
)
_LONGEST_TABLE = 40


def asked_for_in_table(text: str, start: int) -> bool:
    """True in the first cell of a requirements table, under a header that gives that column
    to the employer ("Your requirement | My experience"): the writer answers in the next cell."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    if not _CELL.search(text, start, line_end) or _CELL.search(text, line_start, start):
        return False
    header = line_start
    for _ in range(_LONGEST_TABLE):
        if header == 0:
            break
        above = text.rfind("\n", 0, header - 1) + 1
        if not _CELL.search(text, above, header - 1) and "|" not in text[above : header - 1]:
            break
        header = above
    if header == line_start:
        return False
    first_cell = _CELL.search(text, header, text.find("\n", header))
    return bool(first_cell and _ASKED_HEADER.match(text[header : first_cell.start()] + " "))
