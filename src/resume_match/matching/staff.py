"""Work around a mention that is not the writer's: the staff she supervises, the records she
audits, a lack named on both sides of it, and the courses of a term still running.

A manager's resume names her team's duties ("6 representatives who check in patients"), an
auditor names the logs she checks, and "no medical office or EHR experience" puts the lack before
and after the skill. None of these is the writer doing the work.
"""

from __future__ import annotations

import re

from ..prefilter import Screen

# "This spring I am taking Insurance & Billing and Electronic Health Records": a term's courses.
_TERM_COURSES = re.compile(
    r"\b(?:this|next|in\s+the|coming)\s+(?:spring|summer|fall|autumn|winter|semester|term|quarter)"
    r"\b[^.;!?]{0,12}?\b(?:I\s+am|I'm|I\s+will\s+be)\s+(?:also\s+)?(?:taking|studying|enrolled\s+in)\s+"
    r"(?P<rest>)(?:[\w'&-]+\s+){0,8}$",
    re.IGNORECASE,
)
# "Supervise 6 representatives who check in patients", "Manage 38 FTEs across ED registration
# and central scheduling": the work of the people supervised, not the writer's.
_STAFF_WHO = re.compile(
    r"(?:\b(?:supervis\w*|manag(?:e|es|ed|ing)|train(?:s|ed|ing)?|lead|leads|led|leading|oversee\w*|"
    r"oversaw|direct(?:s|ed|ing)?|hir(?:e|es|ed|ing)|coach(?:es|ed|ing)?|mentor(?:s|ed|ing)?)\s+"
    r"(?:[\w,&-]+\s+){0,6}?(?:staff|teams?|representatives|reps|employees|agents|clerks|registrars|"
    r"schedulers|receptionists|coordinators|specialists|assistants|associates|members|psrs|people|"
    r"workers|ftes|personnel|billers|coders|tellers|cashiers)\s+(?:who|that|which)\s"
    r"|\b(?:supervis\w*|manag(?:e|es|ed|ing)|oversee\w*|oversaw|direct(?:s|ed|ing)?|lead|leads|led)\s+"
    r"(?:a\s+|the\s+|an?\s+team\s+of\s+)?(?:\d+\s+)?(?:[\w-]+\s+){0,2}?(?:ftes?|staff|employees|"
    r"representatives|reps|associates|agents|clerks|registrars)\s+(?:across|covering|spanning)\s"
    r")[^.;!?]*$",
    re.IGNORECASE,
)
# "...; I still work the complex cases myself": the writer does some of it too.
_MYSELF = re.compile(r"[^.!?\n]*?\b(?:myself|personally|I\s+(?:also|still)\b)", re.IGNORECASE)
_SUPERVISED = re.compile(
    r"\b(?:supervis(?:e|es|ed|ing)|manag(?:e|es|ed|ing)|oversee|oversees|oversaw|overseeing|"
    r"direct(?:s|ed|ing)?|lead|leads|led|leading)\s+(?:the\s+|a\s+|\d+\s+)?(?:[\w'/-]+,?\s+){0,4}?"
    r"(?:(?:and|&)\s+)?(?:[\w'/-]+\s+)?$",
    re.IGNORECASE,
)
_STAFF_AFTER = re.compile(
    r"[ \t]+(?:staff|teams?|department|departments|clerks|employees|representatives|specialists|"
    r"coordinators|personnel|associates|agents|registrars|schedulers)\b",
    re.IGNORECASE,
)
_AUDITED = re.compile(
    r"\b(?:audit|audits|audited|auditing|spot-check\w*)\s+"
    # "Audited and posted payment batches": the writer's own duty joined to the audit.
    r"(?!(?:(?:[\w'/-]+,?\s+){0,4}?(?:and|&)\s+\w+(?:ed|s)|(?:and|&))\s+$)(?:[\w'/-]+,?\s+){0,5}?$",
    re.IGNORECASE,
)
_A_RECORD = re.compile(
    r"[\w\s/-]{0,20}?\b(?:logs?|entries|records|registrations|accounts|charts|files|batches|"
    r"sheets|reports)\b",
    re.IGNORECASE,
)
# "This summer I am taking patient calls": a duty, not a course.
_A_DUTY_TAKEN = re.compile(
    r"(?:[\w'-]+\s+){0,2}(?:calls|payments|co-?pays|appointments|messages|orders|care|over|on)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\s(?:who|that|which)\s", re.IGNORECASE)
_LACK_OPENS = re.compile(
    r"\b(?:no|without|little|limited|minimal|zero)\s+(?:[\w'/-]+\s+){0,4}?"
    r"(?:[\w'/-]+\s+(?:or|and|nor)\s+)?$",
    re.IGNORECASE,
)
_LACK_CLOSES = re.compile(
    r"(?:[ \t]+(?:systems?|software|office|front[ -]desk|medical|healthcare|hands-on))?[ \t]+"
    r"(?:experience|exposure|knowledge|background|training|familiarity)\b",
    re.IGNORECASE,
)


_SCREEN = Screen(_STAFF_WHO, _SUPERVISED, _AUDITED, _LACK_OPENS, _TERM_COURSES)
# The searches of the words before a mention, refused together when none can match.
_BEFORE = _SCREEN.joined(_STAFF_WHO, _SUPERVISED, _AUDITED, _LACK_OPENS, _TERM_COURSES)


def around_the_mention(text: str, low: int, start: int, end: int) -> bool:
    """True when the words around a mention give its work to others or say it is lacking.

    ``low`` is where the mention's clause (at most its last 120 characters) begins. "Supervise 6
    representatives who check in patients", "Supervised reception and medical records staff",
    "Audit ... co-pay logs", "no medical office or EHR experience yet", "This spring I am taking
    Electronic Health Records".
    """
    before = text[low:start]
    # A span that holds the relative word ("representatives who check"): the staff named
    # before it are the ones who do the work.
    relative = _RELATIVE.search(text, start, end)
    if relative is None and not _SCREEN.may_match(_BEFORE, before):
        return False
    staff = (
        _STAFF_WHO.search(text, low, relative.end()) if relative else _STAFF_WHO.search(before)
    ) or (_SUPERVISED.search(before) and _STAFF_AFTER.match(text, end))
    if staff and not _MYSELF.match(text, end):
        return True
    if _AUDITED.search(before) and _A_RECORD.match(text, end):
        return True
    if _LACK_OPENS.search(before) and _LACK_CLOSES.match(text, end):
        return True
    term = _TERM_COURSES.search(before)
    return bool(term and not _A_DUTY_TAKEN.match(text, low + term.start("rest")))
