"""Context classes: the sentence is about a skill, but the writer does not have it.

Each class has sentences the context rules must refuse and a near miss that must still count:
a lack said with other words, a plan or a course not finished, a demonstration of somebody
else's work, readiness, watching other people work, a later "I haven't done any of that" that
points back at a list, and a quotation that opened before the mention's sentence. All text is
written here.
"""

from __future__ import annotations

import pytest

from helpers import skills_in_text
from resume_match.api import Checker

ABSENT = [
    # A lack whose modifier is hyphenated.
    ("I have no front-desk experience taking co-pays yet.", "payment-processing"),
    ("We never hands-on used Cerner in my program.", "ehr-systems"),
    ("I have zero experience with insurance verification.", "insurance-verification"),
    ("I have little hands-on experience with Epic.", "ehr-systems"),
    # A course the writer only plans to finish, or a training still to come.
    ("My goal is to learn Epic and Cerner.", "ehr-systems"),
    ("I will be trained on Epic during onboarding.", "ehr-systems"),
    ("I intend to finish a HIPAA certificate course this summer.", "hipaa-compliance"),
    ("I plan to complete a medical terminology course before I start.", "medical-terminology"),
    # A course still running.
    (
        "Coursework: Medical Terminology for Health Careers (completing this spring)",
        "medical-terminology",
    ),
    ("Medical Terminology, Lakeside College, finishing in May 2027", "medical-terminology"),
    ("I am currently completing a HIPAA certification.", "hipaa-compliance"),
    ("I am currently taking a medical terminology class.", "medical-terminology"),
    # Readiness and wishes right before the skill.
    ("I am willing to adapt to whatever your front desk needs.", "adaptability"),
    ("I would love to verify insurance eligibility for your patients.", "insurance-verification"),
    # A demonstration of somebody else's work.
    (
        "My trainer showed me how she verified eligibility for each plan before a visit.",
        "insurance-verification",
    ),
    (
        "The lead taught us how they booked follow-up appointments in the old system.",
        "appointment-scheduling",
    ),
    # Watching other roles do the work.
    (
        "I watched the front desk agents answer multi-line phones during flu season.",
        "phone-systems",
    ),
    ("I watched the clerks adapt to the new check-in screens.", "adaptability"),
    # A later lack in the same sentence that points back at what it named.
    (
        "The role covers multi-line phones and co-pays, but I have not done any of that yet.",
        "payment-processing",
    ),
    (
        "The role covers multi-line phones and co-pays, but I have not done any of that yet.",
        "phone-systems",
    ),
    (
        "Our clinic uses Meditech and follows HIPAA rules, and I have never worked with "
        "either of those.",
        "hipaa-compliance",
    ),
    (
        "Clinics use Epic and NextGen, and I have no hands-on experience with them so far.",
        "ehr-systems",
    ),
    (
        "The office switched to an electronic records system. I left instead of learning it.",
        "ehr-systems",
    ),
    # A quotation of the job description that runs over several sentences.
    (
        'Per the job description, the right person will "answer phones. Keep the waiting room '
        'organized and reassure anxious patients with empathy." I am that person.',
        "empathetic-communication",
    ),
    (
        'Per the job description, the right person will "answer phones. Keep the waiting room '
        'organized and reassure anxious patients with empathy." I am that person.',
        "organizational-skills",
    ),
]

STILL_COUNTED = [
    (
        "My coworker showed me how she checked eligibility, and I verified insurance coverage "
        "for 30 patients a day after that.",
        "insurance-verification",
    ),
    ("I have a little experience with Epic.", "ehr-systems"),
    ("I am currently taking inbound calls for a health plan.", "phone-systems"),
    ("Currently completing intake forms for 40 patients a day.", "patient-registration"),
    ("I entered orders in Cerner for two years. I have not used it since.", "ehr-systems"),
    ("I used Epic at the clinic. I had never used it before, and I loved it.", "ehr-systems"),
    ("Eager to continue scheduling appointments for a busy practice.", "appointment-scheduling"),
    (
        "I have no front-desk experience, but I took co-pays at the pharmacy counter for "
        "two years.",
        "payment-processing",
    ),
    (
        "I have no experience in retail, but I took co-pays daily at the clinic.",
        "payment-processing",
    ),
    ("I finished a HIPAA certificate course last summer.", "hipaa-compliance"),
    (
        "Coursework: Medical Terminology for Health Careers (completed in spring 2023)",
        "medical-terminology",
    ),
    ("I adapted quickly when our clinic switched to a new EHR.", "adaptability"),
    (
        "I am eager to join you; I verified insurance eligibility for 40 patients a day.",
        "insurance-verification",
    ),
    (
        "The office manager showed me how to verify eligibility, and I verified it for every "
        "patient after that.",
        "insurance-verification",
    ),
    (
        "I watched the agents for a day; then I answered the multi-line phones all summer.",
        "phone-systems",
    ),
    (
        "I answered multi-line phones and took co-pays, but I have not done any of that "
        "in a hospital.",
        "payment-processing",
    ),
    ("I used Epic at Mercy for five years, and I have not used it since 2021.", "ehr-systems"),
    ("I scheduled appointments in Epic, and I have never found it hard.", "appointment-scheduling"),
    (
        "I keep the waiting room organized and reassure anxious patients with empathy. My "
        'manager\'s favourite line was "never a dull day."',
        "empathetic-communication",
    ),
]


@pytest.mark.parametrize(("text", "skill"), ABSENT)
def test_a_lack_plan_or_others_work_is_not_the_skill(
    checker: Checker, text: str, skill: str
) -> None:
    assert skill not in skills_in_text(checker, text)


@pytest.mark.parametrize(("text", "skill"), STILL_COUNTED)
def test_the_writers_own_claim_beside_it_still_counts(
    checker: Checker, text: str, skill: str
) -> None:
    assert skill in skills_in_text(checker, text)
