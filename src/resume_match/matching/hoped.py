"""Work the writer only hopes for, watched or values: the duties of the job applied for, told
as what the writer would do there, a process observed, a course not done, an opinion of what a
job needs, and a pair of words whose second half is somebody else's deed.

"As a Patient Service Representative at your clinic I would greet patients and verify insurance.
I would answer the phones." describes the posting, not the writer's past; nor does "Observed the
front desk check-in process". A "would" of habit ("Before each visit I would call the payer")
has no such frame and stays the writer's deed.
"""

from __future__ import annotations

import re

# What opens a hoped-for job: "As a PSR at Westfold I would", "As your new receptionist, I
# would", "At your clinic I would", "If hired, I would", "In this role I would", "Once I join
# your team I would".
_FRAME = re.compile(
    r"(?:\bas\s+(?:a|an|your)\s+(?:new\s+)?(?:[\w'-]+\s+){1,5}?(?:at|with|for|in|on)\s+"
    r"(?:[\w&'.-]+\s+){1,4}?"
    r"|\bas\s+your\s+(?:[\w'-]+,?\s+){1,5}?"
    r"|\b(?:at|with|for|in|on|to)\s+your\s+(?:[\w'&-]+,?\s+){1,4}?"
    r"|\b(?:when|once)\s+I\s+(?:join|start|begin)\b[^.;!?]*?"
    r"|\bif\s+(?:I\s+(?:am|were|was)\s+)?(?:hired|selected|chosen|offered|given)\b[^.;!?]*?"
    r"|\bshould\s+I\s+be\s+(?:hired|selected|chosen|offered|given)\b[^.;!?]*?"
    r"|\bin\s+(?:this|the|that|your|such\s+a)\s+(?:new\s+)?(?:role|position|job)\b[^.;!?]*?"
    r"|\bonce\s+(?:hired|I\s+(?:start|join|am\s+hired))\b[^.;!?]*?)"
    r",?\s*I(?:\s+would|'d)\s",
    re.IGNORECASE,
)
# "I would often call ...", "As a PSR at Mercy from 2018 to 2022 I would ...", "..., where I
# worked for three years, I would ...": a habit of the past, whatever opened the sentence.
_HABIT = re.compile(
    r"\bI\s+would\s+(?:often|always|usually|typically|sometimes|regularly|normally|then|each|every)\b"
    r"|\bused\s+to\b|\b(?:19|20)\d\d\b|\bfor\s+(?:[\w-]+\s+)?years\b"
    r"|\bI\s+(?:worked|was|served|spent|held)\b",
    re.IGNORECASE,
)
_LAST_I = re.compile(r"(?-i:\bI\b)(?:'d\b|\s+would\b)?(?![\s\S]*(?-i:\bI\b))")
_OPENS_WITH_WOULD = re.compile(r"[\s\-•*>]*I\s+would\s", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?](?=\s)|\n\s*\n")
_LONGEST_CHAIN = 4
_LONGEST_SENTENCE = 400


def hoped_for(text: str, start: int, end: int) -> bool:
    """True when the mention is a duty of the job applied for: the last "I" before it in its
    sentence is "I would", and a hoped-for job opens this sentence or a run of "I would ..."
    sentences of its paragraph leading to it. (A pair of words found apart may hold the
    "I would" itself: "desk coordinator at your clinic I would check".)"""
    inner = text.find(" would ", start, end)
    start = start if inner == -1 else inner + 7
    low = max(0, start - _LONGEST_SENTENCE)
    window = text[low:start]
    if "would" not in window and "I'd" not in window:
        return False
    until = start
    for _ in range(_LONGEST_CHAIN):
        opening = _sentence_start(text, until)
        sentence = text[opening:until]
        last = _LAST_I.search(sentence)
        if until == start and (last is None or not last.group().endswith(("would", "'d"))):
            return False
        if _HABIT.search(sentence):
            return False
        if _FRAME.search(sentence):
            return True
        paragraph = text.rfind("\n\n", 0, until)
        if not _OPENS_WITH_WOULD.match(sentence) or opening <= 1 or opening <= paragraph + 2:
            return False
        until = opening - 1
    return False


def _sentence_start(text: str, end: int) -> int:
    """Where the sentence holding ``end`` starts (after its last break, at most 400 back)."""
    low = max(0, end - _LONGEST_SENTENCE)
    opening = low
    for found in _SENTENCE_BREAK.finditer(text, low, end):
        opening = found.end()
    return opening


_OBSERVED = re.compile(
    # "Observed and assisted with check-in" is check-in done.
    r"\b(?:observed|observing|observe)\s+(?:the\s+|a\s+|how\s+(?:the\s+)?)?"
    r"(?:(?!(?:and|then|assist\w*|perform\w*|participat\w*|help\w*)\b)[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_A_PROCESS = re.compile(
    r"[\w \t-]{0,24}?\b(?:process|processes|workflows?|operations|routines?|works)\b",
    re.IGNORECASE,
)


def observed(text: str, before: str, end: int) -> bool:
    """True for a process watched: "Observed front desk check-in process". ("Observed HIPAA
    rules" is the rules followed, and stays.)"""
    return bool(_OBSERVED.search(before) and _A_PROCESS.match(text, end))


_NOT_YET_OR_OPINION = re.compile(
    # "Medical Terminology (currently enrolled)": a course not done.
    r"[ \t]*\([ \t]*(?:currently\s+(?:enrolled|taking|studying)|enrolled|upcoming|planned"
    r"|not\s+yet)\b"
    # "Empathy is important in a front desk role": an opinion of what a job needs.
    r"|[ \t]+(?:skills?\s+)?(?:is|are)\s+(?:so\s+|very\s+|really\s+|especially\s+)?"
    r"(?:important|essential|key|vital|crucial|critical)\s+(?:in|at|for|to)\s+"
    r"(?:a|an|any|every|this|that|such)\b",
    re.IGNORECASE,
)


def not_yet_or_opinion(text: str, end: int) -> bool:
    """True when the words right after a mention say the course is not done ("(currently
    enrolled)") or make it an opinion ("... is key in any front office")."""
    return bool(_NOT_YET_OR_OPINION.match(text, end))


# "When the claim was denied, they appealed it": a pair of words found apart whose verb has
# another subject.
_ANOTHER_INSIDE = re.compile(r",\s+(?:and\s+)?(?:she|he|they)\s+(?!(?:and|or)\b)", re.IGNORECASE)
_WRITER = re.compile(r"(?-i:\bI\b)|\b(?:me|my)\b", re.IGNORECASE)


def not_lived(text: str, before: str, start: int, end: int) -> bool:
    """True when the mention is work the writer only hopes for, watched or values, or a pair
    whose verb is somebody else's (see the module's docstring)."""
    if hoped_for(text, start, end) or observed(text, before, end):
        return True
    if not_yet_or_opinion(text, end):
        return True
    inside = _ANOTHER_INSIDE.search(text, start, end)
    return bool(inside and not _WRITER.search(text, inside.end(), end))
