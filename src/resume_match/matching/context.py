"""Whose words a mention is: the writer's claim, a statement of lack, or somebody else's words.

A mention in a clause that says the person lacks the skill ("no experience with", "eager to
learn", "a course that begins next month"), that another person did the work ("our biller handled
payments"), or that quotes or praises the employer ("your posting asks for", "your commitment to
patient-centered care") is not evidence of the writer's skill.
"""

from __future__ import annotations

import bisect
import re

from ..prefilter import Screen
from .clauses import LOOK_AHEAD, ClauseBreaks
from .hoped import not_lived
from .quoted import asked_for_in_table, quoted_from_someone_else
from .staff import around_the_mention

_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:no|without|lack|lacks|lacking|limited|minimal|zero|(?<!\ba\s)little)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:experience|exposure|knowledge|background|training|familiarity|skills?)\b"
    r"|(?:\bnot|\bnever|n't)\s+(?:[\w'-]+\s+){0,2}?(?:familiar|experienced|trained|certified|used|worked|"
    r"exposed|had|done|performed|handled|learned|proficient|comfortable|knowledgeable|confident|skilled|"
    r"savvy|fluent)\b"
    r"|\b(?:unfamiliar|inexperienced|new to)\b"
    r"|\b(?:never|have not|has not|had not|did not|do not|does not|cannot|haven't|hasn't|hadn't|"
    r"didn't|don't|doesn't|can't|dont|didnt|doesnt|havent|hasnt|hadnt|cant|couldnt)\b"
    r"|\b(?:signed up for|sign up for|signing up for|will take|will be taking|plan to take)\b"
    r"|\b(?:enrolled|registered|signed\s+up)(?:\s+(?:for|in))?\s*:"
    r"|\b(?:currently\s+(?:enrolled(?:\s+in\b|\s*:)|registered(?:\s+for\b|\s*:)|studying)|will\s+(?:complete|finish|start|begin|attend|be\s+(?:trained|taught|shown)))\b"
    r"|\b(?:need|needs|will need|'ll need)\s+(?:\w+\s+)?(?:training|to learn)\b"
    r"|\b(?:apply|applying|applied)\s+for\b|\byour\s+(?:[\w-]+\s+){0,4}$"
    r"|\b(?:eager|hope|hoping|hopes|want|wanting|wants|like|looking forward|plan|planning|excited|"
    r"(?:goal|aim|plan|objective)\s+is|"
    r"ready|willing|keen|aim|aiming|intend|intending|expect|expecting|expects|going)\s+to\s+"
    r"(?:\w+\s+)?(?:learn|learning|gain|gaining|"
    r"develop|build|acquire|grow|get|become|pursue|take|complete|finish|attend|enroll|earn|obtain)\b"
    r"|\b(?:love|hope|hoping|hopes|eager|excited|keen|thrilled)\s+to\s+(?:be|join)(?=\s+(?:[\w'-]+,?\s+){0,3}$)"
    # "Interested in learning more about HIPAA", "hoping to improve my people skills": a wish.
    r"|\binterested\s+in\s+(?:learning|gaining|developing|building|pursuing|taking|getting|training|"
    r"studying|receiving|attending)\b"
    r"|\bstruggl(?:e|es|ed|ing)\s+(?:a\s+bit\s+|a\s+little\s+|a\s+lot\s+)?with\b"
    r"|\b(?:eager|hope|hoping|hopes|want|wanting|wants|plan|planning|keen|aim|aiming|intend|intending|"
    r"looking|(?:would|'d)\s+like)\s+to\s+(?:further\s+)?(?:improve|strengthen|sharpen|polish|work\s+on|"
    r"brush\s+up(?:\s+on)?|build|develop|grow|expand|boost)\s+my\s+(?=(?:[\w'-]+\s+){0,2}$)"
    r"|\b(?:yet to|not yet|have yet)\b"
    r"|\b(?:your|the|this)\s+(?:job\s+)?(?:posting|listing|advertisement|ad|description|role|position|"
    r"opening|job)\s+(?:\w+\s+)?(?:asks?|requires?|required|calls?|mentions?|lists?|emphasi[sz]es|seeks?|"
    r"needs?|wants?|prefers?)\b"
    r"|\byou\s+(?:are\s+)?(?:require|need|seek|asked|ask|looking|want|prefer|mention)\w*\b"
    # "Checked whether coverage was active", "call the plan to find out ... and whether an approval
    # is needed": an indirect question the writer answered, no condition.
    r"|(?<!\bsee\s)(?<!\bout\s)(?<!\bcheck\s)(?<!checked\s)(?<!checking\s)(?<!verify\s)(?<!verified\s)"
    r"(?<!confirm\s)(?<!confirmed\s)(?<!determine\s)(?<!determined\s)(?<!\bask\s)(?<!\basked\s)"
    r"(?:\bif\b|(?<!\band\s)\bwhether\b)"
    r"|\b(?:observed|observing|shadowed|shadowing|watched|watching)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:staff|team|nurses?|receptionists?|representatives?|registrars?|coworkers?|colleagues?|"
    r"coordinators?|managers?|supervisors?|mentors?|preceptors?|"
    r"employees?|clinicians?|physicians?|doctors?|assistants?|specialists?|billers?|schedulers?|"
    r"psrs?|reps|agents|clerks|secretar(?:y|ies)|techs|technicians|trainers|teammates|peers|"
    r"managers|supervisors|providers|tellers|cashiers|hygienists|therapists|pharmacists)\b"
    r"|\b(?:shadowed|shadowing|watched|watching)\s+(?:[\w-]+\s+){0,3}$"
    # "showed me how she scheduled ...": a demonstration of somebody else's work.
    r"|\b(?:show|shows|showed|shown|showing|taught|watched|saw|seen)\s+(?:(?:me|us)\s+)?how\s+"
    r"(?:she|he|they)\s"
    # "ready to adapt", "eager to verify insurance": what the writer would do, next to "to".
    r"|\b(?:ready|willing|eager|keen|excited|hoping|hope|hopes|want|wants|wanting|prepared|"
    r"(?:would|'d)\s+(?:like|love)|looking\s+forward)\s+to\s+"
    r"(?!(?:bring|use|apply|put|offer|share|contribute|leverage|continue|keep)\b)"
    r"(?:(?!(?:my|our)\b)[\w-]+\s+){0,2}(?![\s\S])"
    r"|\b(?:that|which)\s+(?:begins|starts|will\s+begin|will\s+start)\s+(?:[\w-]+\s+){0,2}$"
    r"|\b(?:planned|upcoming|in\s+progress|future)(?:\s+[\w-]+){0,4}\s*(?:\([^)]*\)\s*)?:"
    # "I think that matters at a check-in desk too": an opinion of what a job needs.
    r"|\b(?:matters|counts|helps|transfers|carries\s+over|(?:is|are|would\s+be|will\s+be)\s+"
    r"(?:important|useful|valuable|helpful|key|essential|vital))\s+(?:at|in|to|for|on)\s+"
    r"(?:a|an|any|every)\s+(?:[\w-]+\s+){0,2}$"
    # "a role where I can grow, learn EHR systems": what the job would teach.
    r"|\b(?:where|in\s+which)\s+I\s+(?:can|could|will|would|may|might)\s+(?:[\w-]+,?\s+(?:and\s+)?){0,3}?"
    r"(?:learn|develop|gain|acquire|master)\b"
    r"|\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:handled|done|managed|covered|processed)\s+by\s+"
    r"(?:my|our|the|a|an|his|her|their)\b(?![^.;!?]*(?-i:\bI\b))"
    r"|\b(?:that|which)\s+(?:[\w-]+\s+){0,3}?(?:nurses|staff|doctors|physicians|clinicians|users|"
    r"providers|registrars|employees|schedulers)\s+(?:use|used|uses)\b"
    r"|\b(?:want|wants|wanting|hope|hoping|hopes|eager|excited|keen|love|like|looking|seeking|aim|"
    r"aiming|ready)\s+to\s+bring\s+"
    r"[^.;!?]*?\bto\s+(?:a|an|the|this)\s+(?:[\w-]+\s+){0,5}$"
    r"|\b(?:tell|tells|told|telling|inform|informs|informed|informing)\s+(?:the\s+)?"
    r"(?:patients?|callers?|customers?|members?|clients?|families|parents|them)\s+(?:that\s+)?"
    r"(?:their|his|her)\s+(?:[\w-]+\s+){0,4}$"
    r")[^.;!?]*$",
    re.IGNORECASE,
)
# A promise, a wish for the chance to learn, or somebody else's own work, before the mention:
# searched apart from the lacks above, so that each is skipped by its own words.
_PROMISED_BEFORE = re.compile(
    r"(?:"
    r"\b(?:would|'d)\s+(?:\w+\s+){1,3}?(?:chance|opportunity)\s+to\s+(?:learn|train|be\s+trained|gain)\b"
    # "I will verify each patient's insurance": a promise of the future, not work done ("I will
    # bring my experience ..." points back at the past and stays).
    r"|\b(?:I\s+(?:will|shall)|I'll|I'm\s+going\s+to|I\s+am\s+going\s+to)\s+"
    r"(?:also\s+|always\s+|then\s+|gladly\s+|happily\s+)?"
    r"(?!(?:bring|use|utili[sz]e|employ|apply|put|offer|share|contribute|leverage|continue|draw|"
    r"rely|build|transfer|carry|add|be\s+able|be\s+an?)\b)"
    r"|\bwhat\s+I(?:'m|\s+am)\s+not\s*:"
    # "grew up listening to her talk about insurance verification": somebody else's work.
    r"|\b(?:listen|listening|listened|hear|heard|hearing)\s+(?:to\s+)?(?:her|him|them|my\s+[\w-]+)\s+"
    r"(?:talk|talking|speak|speaking|complain|complaining|chat|chatting)\s+about\b"
    r"|\b(?:she|he|they)\s+(?:[\w-]+\s+){0,2}?(?:does|do|did|handles|handled|runs|ran|files|filed|"
    r"manages|managed)\s+(?:her|his|their)\s+own\b"
    # "When the insurer said no, she was the one who called them": a new subject, not the writer.
    r"|,\s+(?:and\s+)?(?:she|he|they)\s+(?!(?:and|or)\b)(?![^.;!?]*(?-i:\bI\b|\bme\b|\bmy\b))"
    r")[^.;!?]*$",
    re.IGNORECASE,
)
_OTHER_SUBJECT = re.compile(
    r"[\s\-•*>]*(?:(?:our|my|the|their|his|her|(?:the\s+)?[\w.]+'s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:counselors?|managers?|supervisors?|team|staff|coworkers?|colleagues?|department|billers?|"
    r"coordinators?|specialists?|nurses?|doctors?|physicians?|providers?|office|leads?|boss|"
    r"schedulers?|registrars?|receptionists?|aunts?|uncles?|mom|mother|dad|father|parents|sisters?|"
    r"brothers?|cousins?|grandm(?:a|other)|grandpa|grandfather|friends?|roommates?|neighbou?rs?|"
    r"wife|husband|daughter|son)"
    r"|patients|they|she|he|someone else|others"
    r"|[\w-]+s(?:\s+and\s+[\w-]+s)?\s+(?:can|could|may)(?:\s+(?:both|also|now|easily))?)"
    r"\b(?![^.;!?]*(?:(?-i:\bI\b)|\bme\b|\bmy\b))",
    re.IGNORECASE,
)
_OTHER_DID = re.compile(
    r"\b(?:our|my|the|their|his|her|[\w.]+'s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:coordinator|manager|supervisor|team|staff|counselor|department|biller|specialist|nurse|"
    r"doctor|office|lead|cashier|receptionist|scheduler|registrar|clerk|assistant|coworker|colleague)s?\s+"
    r"(?:(?:at|in|of|from)\s+(?:my|our|the|this|that)\s+[\w-]+\s+)?(?:handled|handles|did|does|took|takes|managed|manages|ran|runs|"
    r"processed|processes|verified|verifies|checked|checks|covered|covers|made|makes)\b"
    r"(?![^.;!?]*(?-i:\bI\b))",
    re.IGNORECASE,
)
# "Our office runs on eClinicalWorks, and I have used it every day": the writer's own use.
_WRITER_USED_IT = re.compile(
    r"[^.;!?]{0,80}?\band\s+I\s+(?:have\s+|'ve\s+|had\s+)?(?:used|use|worked|been\s+using)\s+"
    r"(?:it|them|this|that|both)\b"
)
_NOT_JUST_BEFORE = re.compile(
    r"\bnot\s+(?:(?:an?|the|any|very|really|too|that|so|yet|fully|most|overly|particularly)\s+){0,2}$",
    re.IGNORECASE,
)
_NEGATION_AFTER = re.compile(
    r"^[^.;!?]{0,80}?\b(?:(?:i|i've|i'm)\s+(?:\w+\s+){0,2}?(?:not|never|no|yet to)\b"
    r"|(?:is|are|will be|would be)\s+(?:all\s+|completely\s+|entirely\s+)?new\s+(?:to|for)\s+me"
    r"|which i lack"
    r"|not yet|in the future|in progress"
    r"|\bsomething\s+I\s+(?:still\s+)?(?:need|want|hope|plan|have)\s+to\s+(?:learn|study|improve|work\s+on)\b"
    r"|\bexpected\s+(?:completion|graduation|(?:in\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"\w*|(?:19|20)\d\d)\b"
    r"|\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:taken|handled|done|processed|managed|made)\s+by\b"
    r"|\b(?:is|are|has been|have been|was)\s+(?:\w+\s+)?"
    r"(?:zero|none|nil|nonexistent|non-existent)\b"
    r"|(?:that|which)\s+(?:begins|starts|will start)\b"
    r"|\b(?:has|have|carries|carry|follows?)\s+(?:its|their)\s+own\b"
    r"|\bnext\s+(?:month|week|semester|year|fall|spring)\b"
    # "Medical Terminology (online, starts January)": a course not begun.
    r"|\b(?:starts|begins|starting|beginning)\s+(?:in\s+|on\s+|this\s+|next\s+)?(?:jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec|spring|summer|fall|autumn|winter|(?:19|20)\d\d)"
    r"|\b(?:finishing|completing|ending|graduating|due\s+to\s+(?:finish|end|be\s+completed))\s+"
    r"(?:in\s+|by\s+|on\s+|this\s+|next\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"spring|summer|fall|autumn|winter|(?:19|20)\d\d)"
    r")",
    re.IGNORECASE,
)
_EMPLOYER_VALUES = re.compile(
    r"(?:(?:\b(?:your|its|their)|\w's|s')\s+(?:[\w'-]+\s+){0,6}?"
    r"(?:commitment|dedication|devotion|mission|reputation|focus|emphasis|values?|"
    r"vision(?!\s+(?:and\s+[\w-]+\s+)?(?:insurance|benefits?|plans?|coverage|exams?|care)\b)|"
    r"approach|philosophy|culture|standards?|priority|priorities)\b"
    r"|\b(?:is|are)\s+(?:well\s+)?(?:known|renowned|recognized|famous|respected)\s+for\b"
    # "a healthcare environment that values HIPAA compliance": what the workplace prizes.
    r"|\b(?:that|which)\s+(?:values|prizes|prioriti[sz]es|emphasi[sz]es)\b"
    r"|\bits\s+(?:[\w-]+\s+){0,2}$|\b(?:its|their)\s+own\s+(?:[\w-]+\s+){0,2}$"
    r"|\b(?:the\s+)?(?:ideal|successful|right|preferred|qualified)\s+(?:candidate|applicant|hire|person)s?\b"
    r"|\b(?:candidates?|applicants?)\s+(?:will|should|must|need)\b"
    r"|\b(?:position|role|job|posting|opening)\s+(?:requires?|calls\s+for|asks\s+for|needs?)\b"
    r")[^.;!?]*$",
    re.IGNORECASE,
)
_A_JOB_NAMED = re.compile(
    r"^[ \t]*(?:[\w-]+[ \t]+){0,2}?(?:position|role|opening|vacancy|posting)\b", re.IGNORECASE
)
# "I see the registration people every shift": the skill names the people who do the work.
_THE_PEOPLE_WHO = re.compile(
    r"\b(?:the|those|these)\s+[\w-]+(?:[ \t]+desk)?[ \t]+"
    r"(?:people|folks|ladies|guys|clerks|workers)\b",
    re.IGNORECASE,
)
_BY_SOMEONE_ELSE = re.compile(
    r"^[ \t]*by[ \t]+(?:the|our|their|his|her|a|an|another|other)[ \t]+(?!phone|telephone)",
    re.IGNORECASE,
)
_SUBJECT_FIRST = re.compile(
    r"(?:patients|they|she|he|customers|members|clients)\s+(?!and\b|,)[a-z]", re.IGNORECASE
)
_USERS_CAN = re.compile(
    r"[\s\-•*>]*(?:[\w-]+s,?\s+(?:and|or)\s+)?[\w-]+s\s+(?:can|could|may)\s+"
    r"(?:both\s+|also\s+|now\s+|easily\s+)?(?![^.;!?]{0,240}?(?:(?-i:\bI\b)|\bme\b))",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s+|$)")
_DISOWNED = re.compile(
    r"(?:but\s+)?I\s+(?:have\s+|'ve\s+)?(?:never|not)\s+(?:yet\s+)?(?:done|had|used|handled)\s+"
    r"(?:any\s+of\s+|all\s+of\s+)?(?:those|these|that|this|them|it)\b"
    # "I have not used it since 2021" says it was used.
    r"(?!\s+(?:since|recently|lately|in\s+(?:years|a\s+while|a\s+long\s+time)|for\s+(?:years|\d)))",
    re.IGNORECASE,
)
# "... things like EHR systems and HIPAA, and honestly I haven't done any of that yet": a lack
# later in the sentence (or opening the next) that points back at what it named, and says no
# more than that ("... I have not used it since 2021" is not one).
_TAKEN_BACK = re.compile(
    r"\bI\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:(?:never|not|haven't|hasn't|didn't|don't)\s+(?:yet\s+|really\s+|actually\s+|ever\s+)?"
    r"(?:done|had|used|handled|touched|tried|performed|practiced|worked\s+(?:with|on|in))\s+"
    r"(?:any\s+of\s+|all\s+of\s+|much\s+of\s+|either\s+of\s+)?"
    r"|(?:have|had)\s+no\s+(?:[\w'-]+\s+){0,2}?(?:experience|exposure|training|background)\s+"
    r"(?:with|in|of|using|doing)\s+(?:any\s+of\s+)?"
    r"|(?:[\w'-]+\s+){0,2}?(?:instead\s+of|rather\s+than)\s+(?:learning|learn|using|use)\s+)"
    r"(?:(?:those|these)(?:\s+(?:things|tasks|duties|systems|programs|skills))?|that|this|them|it)"
    r"(?:\s+(?:yet|so\s+far|at\s+all|myself|personally|first-?hand))*\s*(?:[.,;!?)]|$)",
    re.IGNORECASE,
)
# "currently completing a HIPAA certification", "I am starting a terminology class in
# January": a course still running or not begun, named as one.
_RUNNING = re.compile(
    r"(?:\bcurrently\s+(?:taking|completing|pursuing|working\s+(?:on|towards?))\s+"
    r"|\b(?:I\s+am|I'm|am)\s+(?:now\s+|currently\s+|also\s+)?(?:starting|beginning|taking|"
    r"enrolled\s+in|registered\s+for|signed\s+up\s+for|attending)\s+(?:an?\s+|the\s+|my\s+)?)"
    r"(?:[\w'-]+\s+){0,3}$",
    re.IGNORECASE,
)
_CLOSED_SUBORDINATE = re.compile(
    r"^(?:[^,]*?)\b(?:when|whenever|if|because|since|after|before|until|once)\s+[^,;.!?]*?"
    r"(?:\b(?:not|never|no)\b|n't)[^,;.!?]*,\s+(?=(?:and\s+)?(?-i:[a-z]+ed)\b)",
    re.IGNORECASE,
)
# "If a patient is paying self-pay I collect the payment": a habit, whose condition ends where
# the writer's present deed begins ("if I could ..." and "if hired I would ..." stay conditions).
_IF_THEN_I = re.compile(
    r"\bif\s+(?!I\b)[^,;.!?]*?\s(?=(?-i:I)\s+(?!(?:would|could|will|might|may|can|should|shall|"
    r"want|hope|plan|wish|am|was)\b)[a-z]+\b)",
    re.IGNORECASE,
)
_A_COURSE = re.compile(
    r"[^.;!?]{0,40}?\b(?:course|class|certification|certificate|program|training"
    r"|this\s+(?:semester|term|quarter))\b",
    re.IGNORECASE,
)
# A title's full stop ("Dr. Kim's patients", "St. Mary's") ends no sentence.
SPAN_BREAK = re.compile(
    r"[;!?•|]|(?<!\bdr)(?<!\bmr)(?<!\bms)(?<!\bmrs)(?<!\bst)(?<!\bprof)(?<!\bdrs)\.\s+(?-i:[A-Z])"
    r"|\n\n|[ \t][-–—][ \t]"
    r"|,\s*(?:but|yet|so|and|while|though|although)?\s*(?=(?:i|i've|i'm|my|we)\b)"
    r"|\b(?:but|however|although|though|whereas|whilst)\b",
    re.IGNORECASE,
)


_LONGEST_CLAUSE = 400
# The long alternations, searched only in clauses that hold the words a match needs.
_SCREEN = Screen(
    _NEGATION_BEFORE,
    _PROMISED_BEFORE,
    _NOT_JUST_BEFORE,
    _EMPLOYER_VALUES,
    _OTHER_DID,
    _NEGATION_AFTER,
    _TAKEN_BACK,
    _RUNNING,
)
# The searches of the words before a mention, refused together when none can match.
_BEFORE = _SCREEN.joined(
    _NEGATION_BEFORE, _PROMISED_BEFORE, _NOT_JUST_BEFORE, _EMPLOYER_VALUES, _RUNNING
)


def negated(text: str, start: int, end: int) -> bool:
    """True when a mention's clause says the person lacks the skill or holds another's words.

    The next sentence may take it back too: "... and protect patient privacy under HIPAA. I have
    never done any of those things."
    """
    cues = _cues_of(text)
    breaks = cues.breaks
    clause_start = breaks.clause_start(start)
    before = text[max(clause_start, start - 120) : start]
    # "when the allergies did not match, stopped the orders and worked with HIM to ...": the
    # negation of a "when" clause ends with it, where the writer's next deed begins.
    closed = _CLOSED_SUBORDINATE.search(before) if "," in before else None
    if closed:
        before = before[closed.end() :]
    low = start - len(before)
    habit = _IF_THEN_I.search(text, low, end) if "I " in text[low:end] else None
    if habit and habit.end() <= start:
        before = text[habit.end() : start]
    running = None
    if _SCREEN.may_match(_BEFORE, before):
        if (
            _SCREEN.search(_NEGATION_BEFORE, before)
            or _SCREEN.search(_PROMISED_BEFORE, before)
            or _SCREEN.search(_NOT_JUST_BEFORE, before)
            or _SCREEN.search(_EMPLOYER_VALUES, before)
        ):
            return True
        running = _SCREEN.search(_RUNNING, before)
    if around_the_mention(text, max(clause_start, start - 120), start, end):
        return True
    if not_lived(text, before, start, end):
        return True
    # A clause with no break in the 160 characters before the mention is searched over its last
    # _LONGEST_CLAUSE characters only, so that a text without punctuation costs linear time.
    prefix = text[max(clause_start, start - _LONGEST_CLAUSE) : start]
    whole = start - clause_start <= _LONGEST_CLAUSE
    others = (whole and _OTHER_SUBJECT.match(prefix)) or _SCREEN.search(_OTHER_DID, prefix)
    if others and not _WRITER_USED_IT.match(text, end):
        return True
    people = _THE_PEOPLE_WHO.search(text, max(clause_start, start - 8), end + 20)
    if people and people.start() < end:
        return True
    if not prefix.strip(" \t-•*>") and _SUBJECT_FIRST.match(text, start, end):
        return True
    # "Doctors and patients can both book appointments": what an app lets its users do.
    opening = max(clause_start, text.rfind(":", clause_start, start) + 1)
    users = _USERS_CAN.match(text, opening) if whole and cues.last_modal >= opening else None
    if users and start <= users.end():
        return True
    if running and _A_COURSE.match(text, end):
        return True
    if quoted_from_someone_else(text, start) or asked_for_in_table(text, start):
        return True
    after = text[end : end + LOOK_AHEAD]
    if (
        _any_in(cues.roles, end, end + LOOK_AHEAD) and _A_JOB_NAMED.match(after)
    ) or _BY_SOMEONE_ELSE.match(after):
        return True
    sentence_end = _SENTENCE_END.search(text, end, end + 240)
    if sentence_end and (
        _DISOWNED.match(text, sentence_end.end()) or _TAKEN_BACK.match(text, sentence_end.end())
    ):
        return True
    rest = text[end : sentence_end.start() + 1 if sentence_end else end + 240]
    if _SCREEN.search(_TAKEN_BACK, rest):
        return True
    stop = breaks.clause_end(end)
    return bool(_SCREEN.search(_NEGATION_AFTER, after if stop is None else after[:stop]))


class _Cues:
    """What the rules ask of one document, found once for all its mentions: its clause breaks,
    and where the words stand that two rules cannot match without (a modal verb for what an
    app lets its users do, a role noun for a job named after the mention)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = ClauseBreaks(text)
        folded = self.breaks.folded
        # Where the last modal verb starts (inside other words too): the rule looks for one
        # anywhere after a clause opens.
        self.last_modal = max(folded.rfind(word) for word in ("can", "could", "may"))
        self.roles = _places(folded, ("position", "role", "opening", "vacancy", "posting"))


def _places(folded: str, words: tuple[str, ...]) -> list[int]:
    """Where any of ``words`` starts in ``folded``, inside other words too, in order."""
    found: list[int] = []
    for word in words:
        index = folded.find(word)
        while index != -1:
            found.append(index)
            index = folded.find(word, index + 1)
    found.sort()
    return found


def _any_in(places: list[int], low: int, high: int | None = None) -> bool:
    """Whether one of sorted ``places`` is at ``low`` or after (and before ``high``)."""
    index = bisect.bisect_left(places, low)
    return index < len(places) and (high is None or places[index] < high)


_last_cues: list[_Cues] = []


def _cues_of(text: str) -> _Cues:
    """The cues of ``text``, found once for all the mentions of one document."""
    last = _last_cues[:1]
    if last and last[0].text is text:
        return last[0]
    found = _Cues(text)
    _last_cues[:] = [found]
    return found
