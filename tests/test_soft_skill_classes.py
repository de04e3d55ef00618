"""Soft skills shown in what the writer does, not in the skill's own name, tested on written text.

Each group is one way people write a soft skill without naming it ("talk nervous patients
through it", "kept my voice level", "get on well with the nurses"), with the near miss that must
stay out by tests/data/labelled/GUIDELINES.md: the other sense of the same words, vague
self-praise, a promise, or somebody else's feelings. None of the lines comes from a labelled file.
"""

from __future__ import annotations

import pytest

from helpers import (
    ADAPT,
    EMPATHY,
    INTERPERSONAL,
    LISTENING,
    ORG,
    PRO,
    PROBLEMS,
    recruiter_cases,
    skills_in_duty,
)
from resume_match.api import Checker

CASES: dict[str, list[tuple[str, str, bool]]] = {
    # A fix set in motion ("got it reprocessed"), a booking clash found a slot, floating between
    # sites, several providers at once, a calendar kept clash-free, files in order; a calm,
    # professional tone is manner, not compassion.
    "deeds in plain words: reprocessed, bumped, float, at once, in order": [
        ("The claim had the wrong member ID, so I got it reprocessed.", PROBLEMS, True),
        ("Claims are reprocessed by the adjusters each Friday.", PROBLEMS, False),
        ("When a visit was bumped I found the patient a slot the same week.", PROBLEMS, True),
        ("Float between the north and south clinics as staffing needs.", ADAPT, True),
        ("Floated the idea of a new check-in kiosk to the manager.", ADAPT, False),
        ("Check in patients for three doctors at once at the front window.", ORG, True),
        ("Kept the family calendar so that no two visits overlapped.", ORG, True),
        ("Kept the patients' cards in order by date.", ORG, True),
        ("Placed supply orders once a month.", ORG, False),
        ("Answer frustrated callers with a calm, professional tone.", EMPATHY, False),
        ("Answer frustrated callers with a calm, professional tone.", PRO, True),
    ],
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
        ("Help every visitor with a hearing loss feel cared for at check-in.", EMPATHY, True),
        ("I feel that patient care starts at the front desk.", EMPATHY, False),
        ("Held the hand of a frightened toddler while her mother signed in.", EMPATHY, True),
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
        ("Politely redirected callers who needed the pharmacy.", PRO, True),
        ("Handled a steady volume of eighty calls a day.", PRO, False),
        ("Friendly and professional with callers on a busy line.", PRO, True),
        ("I never lose my temper, however long the queue.", PRO, True),
    ],
    # A concrete problem dealt with, a missing piece chased down, a fix found; a family's issues
    # are the writer's life, and chasing routine paperwork is the job, not a problem solved.
    "problem-solving: problems dealt with": [
        ("Dealt with billing disputes and duplicate charges at checkout.", PROBLEMS, True),
        ("When a chart lacks a signature I chase it down before the visit.", PROBLEMS, True),
        ("When a shipment goes missing I get it sorted with the vendor.", PROBLEMS, True),
        ("Worked denials for two orthopedic practices.", PROBLEMS, True),
        ("Offer callers an option that works for both of us.", PROBLEMS, True),
        ("Had to deal with some family issues during 2018.", PROBLEMS, False),
        ("Chase down signatures on consent forms every morning.", PROBLEMS, False),
        ("Clarify with the ordering office when a lab order is incomplete.", PROBLEMS, True),
        (
            "Noticed a payment was posted to the savings account instead.",
            PROBLEMS,
            True,
        ),
        ("Resubmitted rejected claims after fixing the member ID.", PROBLEMS, True),
        ("Found work as a cashier instead of going to college.", PROBLEMS, False),
        ("Clarified processes and wrote the new desk manual.", PROBLEMS, False),
    ],
    # Change lived through: off paper, onto a new system, a template changed at short notice.
    # Moving house or into a new role, or being free at short notice, is no change adapted to.
    "adaptability: a change at work": [
        ("Helped the office switch from paper sign-in sheets to tablets.", ADAPT, True),
        ("When the practice migrated to a new EHR I retrained the desk.", ADAPT, True),
        ("Rebooked thirty patients when a clinic was cancelled at short notice.", ADAPT, True),
        ("I was the first to learn the new phone tree.", ADAPT, True),
        ("Moved to a new city in 2021 and joined the clinic.", ADAPT, False),
        ("Transitioned new patients to their care teams.", ADAPT, False),
        ("Available to cover shifts at short notice.", ADAPT, False),
        ("Handed each patient the privacy notice and moved them to the lobby.", ADAPT, False),
        ("Posted notices of clinic changes in the lobby.", ADAPT, False),
        ("Able to start at short notice.", ADAPT, False),
        ("Covered classes across three grades on short notice.", ADAPT, False),
        ("Moved paper charts to the archive room.", ADAPT, False),
        ("The practice moved to telehealth visits and I ran the video check-ins.", ADAPT, True),
        ("Comfortable with change; learned three scheduling tools in a year.", ADAPT, True),
        ("Transitioned patients to telehealth visits after surgery.", ADAPT, False),
        ("Rx to OTC switches; establishment of new product lines.", ADAPT, False),
        ("Supported a smooth transition during new project implementations.", ADAPT, False),
    ],
    "organizational skills: many things kept straight": [
        ("Keep every provider's schedule straight across three sites.", ORG, True),
        ("Juggled several priorities without dropping one.", ORG, True),
        ("Usually have a dozen prior-auth cases open at once.", ORG, True),
        ("I'll be straight with you about what I have not done.", ORG, False),
        ("Ranked first in sales for four straight quarters.", ORG, False),
        ("Cheerful and organized, with a tidy front desk.", ORG, True),
        ("Gather and organize billing data for the monthly report.", ORG, False),
        ("Cleaned and organized the residents' rooms each morning.", ORG, False),
        ("I keep the referral files in order and answer the fax line.", ORG, True),
        ("Work the message queue by urgency, not by time of arrival.", ORG, True),
        ("Sent lab kits to patients by priority mail.", ORG, False),
    ],
    # Working beside the people of other roles; a job held "as" or a work-study job is not.
    "interpersonal: working with other roles": [
        ("Work daily with the ultrasound technologists to fit add-ons in.", INTERPERSONAL, True),
        ("Worked with the practice manager and billers on month-end.", INTERPERSONAL, True),
        ("I get along well with the hygienists and the dentists.", INTERPERSONAL, True),
        ("Built a loyal following among our regular clients.", INTERPERSONAL, True),
        ("Worked as a pharmacy technician for two years.", INTERPERSONAL, False),
        ("Worked three years as office manager at a dental practice.", INTERPERSONAL, False),
        ("My supervisor at my work-study job did all the billing.", INTERPERSONAL, False),
        ("A good team worker on a short-staffed ward.", INTERPERSONAL, True),
        ("Part-time team member at the deli counter.", INTERPERSONAL, False),
        ("The aide assists the work of the charge nurse on nights.", INTERPERSONAL, False),
    ],
    "active listening: letting people finish, reading back": [
        ("I let callers talk before I offer a slot.", LISTENING, True),
        ("I read the member ID back to confirm it.", LISTENING, True),
        ("I listen patiently to patients before answering.", LISTENING, True),
        ("Let's talk about how I can help your front desk.", LISTENING, False),
        ("When a member is angry I let them explain the whole bill first.", LISTENING, True),
        ("Let me explain why I am applying to your clinic.", LISTENING, False),
        ("Read the back of each insurance card for the payer phone number.", LISTENING, False),
    ],
    # A change lived through: a record system converted, a shift moved at short notice, a plan
    # rebuilt after last-minute cancellations, change that does not rattle the writer.
    "adaptability: conversions, short notice, rebuilt plans": [
        ("Supported the front desk through the Cerner-to-Epic conversion.", ADAPT, True),
        ("Prepared the currency conversion tables for the travel desk.", ADAPT, False),
        ("Kept the discharge binders complete during the Cerner conversion.", ADAPT, False),
        ("Switched to evenings with two days' notice when the clinic extended hours.", ADAPT, True),
        ("Available to cover shifts at short notice.", ADAPT, False),
        ("Handed each patient the privacy notice and moved them to the lobby.", ADAPT, False),
        ("Rearranged the day's list when two surgeons cancelled last-minute.", ADAPT, True),
        ("Rearranged the supply closet every spring.", ADAPT, False),
        ("Policies change often here; change has never rattled me.", ADAPT, True),
        ("When the office went to a new system last spring I learned it first.", ADAPT, True),
        ("Adjusted my routine overnight when the clinic moved hours suddenly.", ADAPT, True),
        ("Adjusted medications per the nurse's orders.", ADAPT, False),
    ],
    # Being an organised person, multitasking spelled apart, reprioritising the day.
    "organizational skills: an organised person who reprioritises": [
        ("I am a calm and organized person at a busy desk.", ORG, True),
        ("I organized a person-to-person fundraiser for the clinic.", ORG, False),
        ("Multi tasking between check-in, phones and faxes.", ORG, True),
        ("I reprioritize the day when a provider runs late.", ORG, True),
        ("Paged the triage nurse for clinical questions.", ORG, False),
    ],
    # Working with the front desk is working with another role; de-escalating the merely
    # frustrated is a technique, not empathy stated (GUIDELINES: explicit empathy).
    "interpersonal and empathy: the front desk, the frustrated, calm and soft": [
        ("Work with the front desk to fix eligibility errors before visits.", INTERPERSONAL, True),
        ("Work at the front desk on Saturdays.", INTERPERSONAL, False),
        ("De-escalated angry customers at the returns counter.", EMPATHY, False),
        ("De-escalated frightened parents in the waiting room.", EMPATHY, True),
        ("I speak calm and soft to the parents of a sick baby.", EMPATHY, True),
        ("Kept the waiting room calm and the lighting soft.", EMPATHY, False),
        ("Soft skills: calm under pressure, punctual.", EMPATHY, False),
    ],
    # Listening before acting, or first, is listening to understand.
    "active listening: listening first": [
        ("I listen before I suggest a fix to a caller.", LISTENING, True),
        ("I listen first, then offer the patient options.", LISTENING, True),
        ("First place in the school listening contest.", LISTENING, False),
        ("Listened to podcasts before work.", LISTENING, False),
    ],
    # A job title or a letter's formula names no manner; a manner claimed does.
    "professionalism and empathy: titles and formulas": [
        ("Courtesy Desk Associate, Greenway Market, 2021 to 2023", PRO, False),
        ("Stayed courteous with callers who were shouting.", PRO, True),
        ("Calm under tight deadlines and a full waiting room.", PRO, True),
        ("Kindly see my attached resume for your review.", EMPATHY, False),
        ("Spoke kindly to a tearful widow at the counter.", EMPATHY, True),
        ("Sent gentle reminders about unpaid balances.", EMPATHY, False),
        ("Made courtesy reminder calls for overdue accounts.", PRO, False),
    ],
    # Adjusting a thing is a task; adjusting to a new unit's routines is adapting to change.
    "adaptability: adjusting a thing or adjusting to a change": [
        ("Adjust and repair eyeglass frames for walk-in customers.", ADAPT, False),
        ("Adjusted guest checks for comps at the end of the night.", ADAPT, False),
        (
            "Pulled to the pediatric floor when short staffed and adjusted to its routines.",
            ADAPT,
            True,
        ),
        (
            "Moved with my team from Kronos to Workday and rewrote our guides for the new tool.",
            ADAPT,
            True,
        ),
        ("Pulled paper files prior to the clinic's EMR conversion.", ADAPT, False),
        ("Responds well to change on a busy unit.", ADAPT, True),
    ],
    # Errors cut, a glitch's double booking caught, a policy exception won are problems solved;
    # looking into a discrepancy and handing the findings up is escalation.
    "problem-solving: fixed at the source or handed up": [
        ("Cut eligibility denials by 25% with a pre-visit checklist.", PROBLEMS, True),
        ("Reduced wait times by 10 minutes with a new sign-in sheet.", PROBLEMS, False),
        (
            "Rebooked two families the same day after a glitch overbooked the morning slot.",
            PROBLEMS,
            True,
        ),
        ("Got a billing exception approved for a family that was charged twice.", PROBLEMS, True),
        ("Investigate count discrepancies and report them to the shift manager.", PROBLEMS, False),
        ("Arranged alternative routings for travelers when the train line closed.", PROBLEMS, True),
    ],
    # People skills claimed, teamwork with named coworkers; getting along with all, or getting
    # equipment working for coworkers, is no teamwork.
    "interpersonal: people skills or vague praise": [
        ("Good with people of all ages and backgrounds.", INTERPERSONAL, True),
        ("I get along well with the nurses and the billing staff.", INTERPERSONAL, True),
        ("Honestly, I get along with just about anybody.", INTERPERSONAL, False),
        ("Helped the nurses put together discharge folders.", INTERPERSONAL, True),
        ("Helped physicians examine patients and take vitals.", INTERPERSONAL, False),
        ("Helped two coworkers get their printers working again.", INTERPERSONAL, False),
    ],
}


@recruiter_cases(CASES)
def test_soft_skills_shown_in_deeds_are_found(
    checker: Checker, text: str, skill: str, counts: bool
) -> None:
    assert (skill in skills_in_duty(checker, text)) is counts


# "... and I never ...": the negation opens the writer's next clause and says nothing of the first.
NEXT_CLAUSE = [
    ("I stay courteous with rude callers and I never raise my voice.", PRO, True),
    (
        "I booked the surgeries and I never verified insurance myself.",
        "appointment-scheduling",
        True,
    ),
    (
        "I booked the surgeries and I never verified insurance myself.",
        "insurance-verification",
        False,
    ),
]


@pytest.mark.parametrize(("text", "skill", "counts"), NEXT_CLAUSE)
def test_a_negation_after_and_i_belongs_to_the_next_clause(
    checker: Checker, text: str, skill: str, counts: bool
) -> None:
    assert (skill in skills_in_duty(checker, text)) is counts
