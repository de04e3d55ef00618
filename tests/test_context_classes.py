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
    ("If hired I would collect co-pays at the window.", "payment-processing"),
    # A relative's work, the people at a desk, and what a workplace values are no claims.
    ("My uncle has booked patient appointments at a clinic for years.", "appointment-scheduling"),
    (
        "I walk past the registration folks in the clinic lobby each morning.",
        "patient-registration",
    ),
    (
        "Seeking a front-desk role in a friendly practice that values HIPAA compliance and "
        "insurance verification.",
        "hipaa-compliance",
    ),
    (
        'Your ad asks for "Cerner experience, insurance verification, patient registration,\n'
        'professionalism and organizational skills." I could learn them all.',
        "professionalism",
    ),
    ("I have not verified insurance, scheduled appointments or used Cerner.", "ehr-systems"),
    # A promise of what the writer will do in the job.
    ("I will confirm every appointment by phone the day before.", "phone-systems"),
    (
        "In your office I will check each family's eligibility before the visit.",
        "insurance-verification",
    ),
    ("I'll always protect patient privacy under HIPAA.", "hipaa-compliance"),
    ("I'm going to confirm every appointment by phone the day before.", "phone-systems"),
    ("I expect to complete a medical terminology course in May.", "medical-terminology"),
    ("I would welcome the opportunity to learn Cerner.", "ehr-systems"),
    # The work of the staff the writer supervises, named in a clause of their own.
    (
        "Manage 9 front desk associates who register patients, collect co-pays and book visits.",
        "payment-processing",
    ),
    ("Direct 20 FTEs across admitting and outpatient scheduling.", "appointment-scheduling"),
    ("Supervised billing and medical records clerks at two sites.", "data-entry"),
    # A lack named around the mention, a course not yet begun or still running this term.
    ("I have no hospital or Epic experience so far.", "ehr-systems"),
    ("I am starting a HIPAA certificate class at the college in March.", "hipaa-compliance"),
    ("This fall I am taking Medical Terminology and Office Procedures.", "medical-terminology"),
    ("Future coursework: Medical Terminology (enrolled for Fall 2027)", "medical-terminology"),
    ("What I am not: a nurse, a coder or someone who has worked in Cerner.", "ehr-systems"),
    ("I dont know yet how to verify insurance benefits.", "insurance-verification"),
    # Somebody else's work: a relative talked about it, or did it herself; a supervisor watched.
    ("I grew up hearing my dad talk about prior authorizations.", "insurance-verification"),
    ("My sister is a biller and she still does her own claim appeals.", "problem-solving"),
    ("I watched the intake coordinator verify benefits for a week.", "insurance-verification"),
    ("Hoping to bring my energy to a central scheduling team.", "appointment-scheduling"),
    # A posting's bullets quoted over several lines, after words that give them to the employer.
    (
        'The ad lists these duties:\n"- Verify insurance eligibility\n- Take co-pays at check-out\n'
        '- Keep HIPAA standards"\n\nI am a hard worker.',
        "payment-processing",
    ),
    # Auditing other people's records is not keeping or taking them.
    ("Audit registration packets and copay logs each Friday.", "payment-processing"),
    # The employer's column of a requirements table.
    (
        "What you need | What I bring\nHIPAA knowledge | I am a fast learner\n"
        "Cash handling | (ask me)\n",
        "hipaa-compliance",
    ),
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
    ("If a patient pays cash I collect the payment and give a receipt.", "payment-processing"),
    (
        "My uncle told me about the job; I have booked patient appointments for years.",
        "appointment-scheduling",
    ),
    (
        "I worked beside the registration clerks and registered patients myself.",
        "patient-registration",
    ),
    ("I value HIPAA compliance and have followed it for six years.", "hipaa-compliance"),
    # A "when" clause's negation ends with it; the writer's next deed after the comma counts.
    (
        "I caught it when the totals did not match the deposit slip, recounted the drawer "
        "and corrected the posting error with my manager.",
        "problem-solving",
    ),
    ("I had the chance to use the EHR every day at my externship.", "ehr-systems"),
    (
        "Whilst I never trained on EMIS, I booked appointments in SystmOne daily.",
        "appointment-scheduling",
    ),
    ("This summer I am taking inbound calls for a pediatric clinic.", "phone-systems"),
    ("I will utilize my insurance verification experience at your desk.", "insurance-verification"),
    ("Audited and posted payment batches daily.", "payment-processing"),
    (
        "I admire your focus on diabetes education, which I have been helping our nurses "
        "run for a year.",
        "interpersonal-skills",
    ),
    (
        "I will bring five years of verifying insurance eligibility to your desk.",
        "insurance-verification",
    ),
    (
        "Lead the pre-service team that verifies benefits; I still take the hardest cases myself.",
        "insurance-verification",
    ),
    ("Supervised the front desk and answered the multi-line phones myself.", "phone-systems"),
    ("I checked in patients with no errors in Epic for three years.", "ehr-systems"),
    ("I am taking payments and answering phones at a dental office.", "payment-processing"),
    (
        "What you need | What I bring\nHIPAA knowledge | I follow HIPAA every day at the clinic\n",
        "hipaa-compliance",
    ),
    (
        'The ad lists these duties:\n"- Verify insurance eligibility"\n\nI take co-pays at a '
        "pharmacy counter every day.",
        "payment-processing",
    ),
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
