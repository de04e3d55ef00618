"""Soft skills shown in what the writer does, not in the skill's own name, tested on written text.

Each group is one way people write a soft skill without naming it ("talk nervous patients
through it", "kept my voice level", "get on well with the nurses"), with the near miss that must
stay out by tests/data/labelled/GUIDELINES.md: the other sense of the same words, vague
self-praise, a promise, or somebody else's feelings. None of the lines comes from a labelled file.
"""

from __future__ import annotations

from helpers import recruiter_cases, skills_in_duty
from resume_match.api import Checker

EMPATHY = "empathetic-communication"
LISTENING = "active-listening"
PROBLEMS = "problem-solving"
ADAPT = "adaptability"
PRO = "professionalism"
ORG = "organizational-skills"
INTERPERSONAL = "interpersonal-skills"

CASES: dict[str, list[tuple[str, str, bool]]] = {
    # Care shown to somebody frightened or grieving, in the same clause, is empathy; patience with
    # the merely upset, or a kind word somebody else gave, is not.
    "empathy: care shown to the frightened": [
        ("Coach nervous first-time patients through the MRI prep steps.", EMPATHY, True),
        ("Callers are often bereaved and I stay unhurried and sit with them.", EMPATHY, True),
        ("Tell scared children in my softest voice what the nurse will do.", EMPATHY, True),
        ("Acknowledge the frustrations of callers on hold before booking.", EMPATHY, True),
        ("Put nervous dental patients at ease before their cleaning.", EMPATHY, True),
        ("Handled upset members with patience on the billing line.", EMPATHY, False),
        ("Customers were upset about slow service at the deli counter.", EMPATHY, False),
        ("Acknowledged receipt of each referral within one business day.", EMPATHY, False),
        ("Walked the new hires through the check-in workflow.", EMPATHY, False),
    ],
    # Composure shown: a level voice, keeping one's head, polite with the rude, steady in chaos.
    # "Works well under pressure" says no calm; a promise of good manners is the future.
    "professionalism: composure shown, not promised": [
        ("Kept calm and courteous with abusive callers on the billing line.", PRO, True),
        ("I kept my voice even and steady while the caller shouted.", PRO, True),
        ("Steady in emergencies and known as the calm presence at the desk.", PRO, True),
        ("Kept my head during the Monday rush with forty people waiting.", PRO, True),
        ("I'm not one to panic when the waiting room fills up.", PRO, True),
        ("Works well under pressure and meets deadlines.", PRO, False),
        ("I promise to stay courteous with every caller.", PRO, False),
        ("I will remain calm and professional with every patient.", PRO, False),
        ("Entry-level voice and data technician for the clinic network.", PRO, False),
        ("Keep my head down and finish the filing before noon.", PRO, False),
    ],
}


@recruiter_cases(CASES)
def test_soft_skills_shown_in_deeds_are_found(
    checker: Checker, text: str, skill: str, counts: bool
) -> None:
    assert (skill in skills_in_duty(checker, text)) is counts
