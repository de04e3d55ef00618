"""Classes of wrong calls found on real resumes, each tested on text written here.

Each class is a mechanism, not a phrase: another sense of a word, spell correction on names,
somebody else's words, vague self-description, an exclude that vetoes too much, headings and
titles taken as proof, and the misses the same mechanisms must not cause.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_match.api import Checker
from resume_match.model import Evidence
from resume_match.reading import Document
from resume_match.reading.normalize import normalize_text


def matches(checker: Checker, text: str) -> dict[str, tuple[Evidence, ...]]:
    document = Document(Path("inline.txt"), "text", (normalize_text(text),))
    return {m.skill.id: m.evidence for m in checker.matcher.match(document) if m.skill.core}


def found(checker: Checker, text: str) -> set[str]:
    return set(matches(checker, text))


def resume(*experience: str, skills: str = "") -> str:
    """A small resume around the lines under test, so sections are as in a real one."""
    body = "\n".join(f"- {line}" for line in experience)
    tail = f"\nSKILLS\n{skills}\n" if skills else ""
    top = "Dana Whitfield\nSUMMARY\nSteady worker.\nEXPERIENCE\nClerk, Acme (2019 - 2023)"
    return f"{top}\n{body}\n{tail}"


# -- another sense of the word -----------------------------------------------------------------

OTHER_SENSE = [
    ("Managed staffing, scheduling, and patient flow for the unit.", "appointment-scheduling"),
    (
        "Assisted clients with scheduling and implementing system hardware.",
        "appointment-scheduling",
    ),
    ("Built the weekly shift scheduling for 30 employees.", "appointment-scheduling"),
    ("Installed PCs, printers and POS equipment across 12 stores.", "payment-processing"),
    ("Configured POS terminals and network routers.", "payment-processing"),
    ("Streamlined transaction processes, raising efficiency 15%.", "payment-processing"),
    ("Managed and trouble shoot the telecom phone system.", "phone-systems"),
    ("Repaired and installed office telephone systems.", "phone-systems"),
    (
        "Administered employee benefits including leave and medical insurance.",
        "insurance-verification",
    ),
    ("Helped members in obtaining maximum benefit coverage.", "insurance-verification"),
    ("Coordinate with management to review organizational performance.", "organizational-skills"),
    ("Led organizational change and culture programs.", "organizational-skills"),
    ("Obtained procedural consent forms before each biopsy.", "patient-registration"),
    ("Verified patient demographics prior to performing the ordered test.", "patient-registration"),
    ("Registered students for courses and workshops.", "patient-registration"),
    ("Collected blood specimens and urine samples.", "payment-processing"),
    ("Processed deposits and credit card authorizations at night audit.", "insurance-verification"),
    ("Worked in a clinic registering incoming patients.", "payment-processing"),
    ("Placed purchase orders to maintain adequate stock levels.", "data-entry"),
    ("Took inbound calls in provider services at Harbor Health Plan.", "interpersonal-skills"),
    ("Implemented and maintained electronic health records systems.", "data-entry"),
    (
        "Built patient-centered healthcare solutions with machine learning.",
        "empathetic-communication",
    ),
    ("Wrote conflict resolution algorithms for the sync engine.", "problem-solving"),
    ("Built collaborative editing infrastructure in Go.", "interpersonal-skills"),
    ("Coordinated staff schedules and weekly meetings.", "interpersonal-skills"),
    ("Directed teams across organizational silos.", "organizational-skills"),
    ("Under my direction, organizational improvements raised visibility.", "organizational-skills"),
    ("Administered Citrix, SQL and VoIP phone systems.", "phone-systems"),
    ("Users can book appointments and pay online in the app I built.", "appointment-scheduling"),
    ("Answered billing inquiries for home and auto insurance.", "payment-processing"),
    ("Made service calls to maintain and repair copiers.", "phone-systems"),
    ("Called on cardiologists and pain clinics to promote new drugs.", "phone-systems"),
    ("Sold cell phones and phone accessories.", "phone-systems"),
    ("Worked with legal counsel to manage IT policies and procedures.", "appointment-scheduling"),
    ("Completed entries in log books to document client progress.", "appointment-scheduling"),
    ("Planned and implemented a cafe menu and POS system.", "payment-processing"),
    (
        "Protected patients and employees by adhering to infection-control rules.",
        "hipaa-compliance",
    ),
    ("Coded claims with Current Procedural Terminology (CPT).", "medical-terminology"),
    ("Learned banking terminology in the teller role.", "medical-terminology"),
    ("Met long and short term healthcare objectives.", "medical-terminology"),
    ("Inputs or adjusts commission payment splits in the ledger.", "adaptability"),
    ("Highly flexible and willing to work all shifts.", "adaptability"),
    ("Developed flexible payment plans for patients.", "adaptability"),
    ("Reduced organizational operating costs by 45%.", "organizational-skills"),
    ("Ran a patient centered medical home practice model.", "empathetic-communication"),
    ("At the same time, I finished my degree at night.", "organizational-skills"),
    ("Work in Outlook, Teams and Excel all day.", "interpersonal-skills"),
    ("I spot where our schedule and a patient's life do not line up.", "appointment-scheduling"),
    ("Ran the client retention program at Cerner.", "ehr-systems"),
    (
        "Analyzed patient information to determine special program eligibility.",
        "insurance-verification",
    ),
    (
        "Offered lifestyle consulting for high net worth individuals making decisions.",
        "appointment-scheduling",
    ),
    (
        "Made reasonable procedure exceptions for unusual customer requests.",
        "appointment-scheduling",
    ),
    ("Conducted site visits and managed the program budget.", "appointment-scheduling"),
    ("Porter, Registrar, School of Design, University of Pennsylvania.", "patient-registration"),
    ("Wrote procedures for the customer service and data entry staff.", "data-entry"),
    ("Ran the BAC screen and drug screen collection.", "payment-processing"),
    ("Built a report in Access to find asset balance discrepancies.", "payment-processing"),
    ("Created LVM file systems to match UNIX specifications.", "data-entry"),
    (
        "Verify member eligibility, benefits, copays and deductibles for calling offices.",
        "payment-processing",
    ),
    (
        "Explain member bills; premium payments are taken by the billing department.",
        "payment-processing",
    ),
    ("Patients book their next visit and pay at the front desk.", "appointment-scheduling"),
    ("Secured prior authorizations for scheduled surgeries.", "appointment-scheduling"),
    (
        "Signed in families and recorded each visit on the sign-in log at the food bank.",
        "patient-registration",
    ),
    ("Committed to personal and professional growth.", "professionalism"),
    ("Processed authorizations through the Fee Basis Claims System daily.", "payment-processing"),
    ("Kept accountability for organizational equipment and six vehicles.", "organizational-skills"),
    ("Solutions-focused professional who learns quickly.", "professionalism"),
    ("Providing professional care to the patient.", "professionalism"),
]


@pytest.mark.parametrize(("text", "skill"), OTHER_SENSE)
def test_another_sense_of_the_word_is_not_the_skill(
    checker: Checker, text: str, skill: str
) -> None:
    assert skill not in found(checker, resume(text))


SAME_WORD_RIGHT_SENSE = [
    ("Scheduled patients and confirmed appointments for 6 providers.", "appointment-scheduling"),
    ("Scheduled appointments and staff meetings for the clinic.", "appointment-scheduling"),
    ("Ran the POS and balanced the cash drawer.", "payment-processing"),
    ("Processed card transactions and collected co-pays.", "payment-processing"),
    ("Answered a multi-line phone system and routed calls.", "phone-systems"),
    ("Verified insurance eligibility for every patient.", "insurance-verification"),
    ("Strong organizational skills; kept files organized.", "organizational-skills"),
    ("Had patients sign consent forms at check-in.", "patient-registration"),
    ("Collected and updated patient demographics at check-in.", "patient-registration"),
    ("Collected co-pays and balances at check-out.", "payment-processing"),
    ("Collection of co-pays and outstanding balances.", "payment-processing"),
    ("Verified eligibility and collected copays at check-in.", "payment-processing"),
    ("Responsible for scheduling appointments for surgeries.", "appointment-scheduling"),
]


@pytest.mark.parametrize(("text", "skill"), SAME_WORD_RIGHT_SENSE)
def test_the_same_words_in_the_front_office_sense_still_count(
    checker: Checker, text: str, skill: str
) -> None:
    assert skill in found(checker, resume(text))


# -- spell correction on names -----------------------------------------------------------------


def test_a_name_inside_a_line_is_not_a_misspelt_skill(checker: Checker) -> None:
    text = resume(
        "Answered phones. City, State, Supervisor: SSG Ellis, Courtney, Weekly Hrs: 40",
        "Worked with Sgt. Courtney Baines on the records audit.",
    )
    assert "professionalism" not in found(checker, text)


def test_a_name_at_the_top_is_not_a_misspelt_skill(checker: Checker) -> None:
    text = "Courtney Gentle\nEXPERIENCE\n- Answered phones and greeted visitors every day.\n"
    assert found(checker, text).isdisjoint({"professionalism", "empathetic-communication"})


def test_a_contact_line_is_not_evidence(checker: Checker) -> None:
    text = resume(
        "Greeted visitors. Supervisor: Joy Gentle, Weekly Hrs: 40",
        "References: Grace Patience, grace@example.com, (555) 555-0100",
    )
    assert found(checker, text).isdisjoint({"empathetic-communication", "professionalism"})


def test_an_abbreviation_is_not_a_misspelling(checker: Checker) -> None:
    text = resume("Office Admin for a construction firm.", "Handled HR & Admin paperwork.")
    assert "patient-registration" not in found(checker, text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Trained in HIPPA, FDCPA, and Medical Terminolgy.", "medical-terminology"),
        ("Trained in HIPPA rules.", "hipaa-compliance"),
        ("Charted in Cener every shift.", "ehr-systems"),
        ("Courtious and calm with upset callers.", "professionalism"),
    ],
)
def test_misspellings_of_skill_words_are_still_mended(
    checker: Checker, text: str, skill: str
) -> None:
    assert skill in found(checker, resume(text))


# -- somebody else's words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "I am drawn to Lakeside Health because of your reputation for excellence and commitment "
        "to patient-centered care.",
        "Lakeside's long-standing mission of compassionate care is why I am applying.",
        "I admire the clinic's focus on empathy for every family.",
        "Your clinic is known for its compassionate care.",
        "The ideal candidate shows compassion for anxious patients.",
    ],
)
def test_the_employers_values_are_not_the_writers_skill(checker: Checker, sentence: str) -> None:
    letter = f"Dear Hiring Manager,\n\n{sentence}\n\nI have answered phones for three years.\n"
    assert "empathetic-communication" not in found(checker, letter)


@pytest.mark.parametrize(
    ("sentence", "skill"),
    [
        ("The ideal candidate knows HIPAA and Epic.", "hipaa-compliance"),
        ("I noticed the position requires insurance verification.", "insurance-verification"),
        ("Candidates should be skilled in medical terminology.", "medical-terminology"),
        ("I am writing about the Patient Registrar position at Lakeside.", "patient-registration"),
        ("I would love the Insurance Verification Specialist role.", "insurance-verification"),
    ],
)
def test_what_the_posting_asks_for_is_not_the_writers_skill(
    checker: Checker, sentence: str, skill: str
) -> None:
    letter = f"Dear Hiring Manager,\n\n{sentence}\n\nI have answered phones for three years.\n"
    assert skill not in found(checker, letter)


@pytest.mark.parametrize(
    "sentence",
    [
        "I know patient privacy carries its own rules, so I will study them.",
        "Medical offices have their own privacy law, which I would learn first.",
        "The job means protecting patient privacy under HIPAA. I have never done any of those.",
    ],
)
def test_rules_that_belong_to_others_or_are_disowned_are_not_claims(
    checker: Checker, sentence: str
) -> None:
    letter = f"Dear Hiring Manager,\n\n{sentence}\n\nI have answered phones for three years.\n"
    assert "hipaa-compliance" not in found(checker, letter)


def test_the_writers_own_values_still_count(checker: Checker) -> None:
    letter = (
        "Dear Hiring Manager,\n\nMy commitment to patient-centered care shows in how I comfort "
        "anxious patients.\n"
    )
    assert "empathetic-communication" in found(checker, letter)


def test_praise_about_the_writer_is_the_writers_claim(checker: Checker) -> None:
    text = resume("Patients know me for staying courteous and professional at the busiest desk.")
    assert "professionalism" in found(checker, text)


# -- vague self-description --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("I bring a versatile skill set that fits this role.", "adaptability"),
        ("Cross trained in other areas and performed other duties as assigned.", "adaptability"),
        ("Built systems while prioritizing community welfare.", "organizational-skills"),
        ("Prioritized patient safety in every decision.", "organizational-skills"),
    ],
)
def test_vague_self_description_is_not_the_skill(checker: Checker, text: str, skill: str) -> None:
    assert skill not in found(checker, resume(text))


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Adapted quickly to the new EHR and changing priorities.", "adaptability"),
        ("When the store switched to new handhelds, I adjusted within days.", "adaptability"),
        ("Prioritized urgent calls while juggling check-ins.", "organizational-skills"),
    ],
)
def test_concrete_self_description_still_counts(checker: Checker, text: str, skill: str) -> None:
    assert skill in found(checker, resume(text))


# -- an exclude vetoes only the sense it names ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Scheduled appointments.",
        "Scheduled appointments as needed.",
        "Confirmed appointments as requested by providers.",
    ],
)
def test_an_exclude_does_not_veto_a_neighbouring_sense(checker: Checker, text: str) -> None:
    assert "appointment-scheduling" in found(checker, resume(text))


def test_the_excluded_sense_is_still_vetoed(checker: Checker) -> None:
    text = resume("Received my appointment as Office Supervisor in 2021.")
    assert "appointment-scheduling" not in found(checker, text)


def test_keeping_a_record_of_calls_is_record_keeping(checker: Checker) -> None:
    assert "data-entry" in found(checker, resume("Kept a record of every call in a daily log."))


# -- misses ------------------------------------------------------------------------------------

MISSES = [
    ("Very professional and articulate.", "professionalism"),
    ("Highly professional with upset callers.", "professionalism"),
    ("Charted in AHLTA and pulled reports from CHCS.", "ehr-systems"),
    ("Tracked consults through the Computerized Patient Record System.", "ehr-systems"),
    ("Posted charges in Medisoft and Lytec for two practices.", "ehr-systems"),
    ("Booked visits in Sorian Scheduling.", "ehr-systems"),
    ("Proficiencies include trouble shooting hardware and software issues.", "problem-solving"),
    ("Keyed everything into athenaOne before the visit.", "data-entry"),
    ("Checked in patients and verified coverage.", "insurance-verification"),
    ("Obtained authorizations for MRIs.", "insurance-verification"),
    ("I take calls on our financial counseling line.", "phone-systems"),
    ("Addressed patient concerns about hospital fees every week.", "problem-solving"),
    ("I paraphrase back what the caller needs before I act.", "active-listening"),
    ("Let callers finish, then confirm back the details.", "active-listening"),
    ("Comforted a widow who came in to close her husband's account.", "empathetic-communication"),
    ("Worked with the coding team on record requests.", "interpersonal-skills"),
    ("Folks trusted me with their families' care.", "interpersonal-skills"),
    ("Triaged requests from attorneys and insurers by deadline.", "organizational-skills"),
    ("Kept activations, payments and walk-ins moving at the same time.", "organizational-skills"),
    ("Worked rejected claims through to approval.", "problem-solving"),
    ("I run every new patient's coverage and benefits before the visit.", "insurance-verification"),
    ("Learned the eye-care lingo well enough to explain visit types.", "medical-terminology"),
    ("Adjusted quickly to each new duty station.", "adaptability"),
    ("Booked appointments and scheduled procedures.", "appointment-scheduling"),
    ("Answered phones and greeted patients.", "phone-systems"),
    ("Collected copays and posted payments.", "payment-processing"),
    ("Maintained medical records and filed charts.", "data-entry"),
    ("Processed authorizations for specialty referrals.", "insurance-verification"),
    ("Assisted callers with questions about their accounts.", "phone-systems"),
    ("Operated the drive-through window and sales register.", "payment-processing"),
    ("Expert in building lasting customer relationships.", "interpersonal-skills"),
    ("Worked side by side with assistants and hygienists.", "interpersonal-skills"),
    (
        "Coordinated bed assignments with the house supervisor and nursing units.",
        "interpersonal-skills",
    ),
    ("When a room is double-booked I find a fix on the spot.", "problem-solving"),
    ("I find a workable solution when a reservation goes wrong.", "problem-solving"),
    ("Sorted out double-booked physicals and duplicate charges.", "problem-solving"),
    ("Kept a tidy binder of receipts and a running ledger.", "data-entry"),
    ("Document chief complaint, med reconciliation and allergies in eClinicalWorks.", "data-entry"),
    ("Provide prompt, friendly, and professional service at all times.", "professionalism"),
    ("Improved medical record organization for 200 charts.", "organizational-skills"),
    ("Commended for priority management skills.", "organizational-skills"),
    ("Excellent interpersonal, listening and communication skills.", "active-listening"),
]


@pytest.mark.parametrize(("text", "skill"), MISSES)
def test_phrasings_from_real_resumes_are_found(checker: Checker, text: str, skill: str) -> None:
    assert skill in found(checker, resume(text))


def test_a_trait_in_a_skills_list_counts(checker: Checker) -> None:
    text = resume("Greeted visitors.", skills="Personal and professional integrity\nTeamwork")
    assert "professionalism" in found(checker, text)


@pytest.mark.parametrize(
    ("item", "skill"),
    [
        ("Scheduling", "appointment-scheduling"),
        ("Multi-line phones", "phone-systems"),
        ("Cash", "payment-processing"),
        ("Registration", "patient-registration"),
        ("Organization", "organizational-skills"),
        ("Medical terminology", "medical-terminology"),
        ("EMR", "ehr-systems"),
        ("Insurance verification", "insurance-verification"),
        ("Data entry", "data-entry"),
    ],
)
def test_a_bare_item_of_a_skills_list_counts(checker: Checker, item: str, skill: str) -> None:
    text = resume("Greeted visitors.", skills=f"Customer service, {item}, Filing cabinets")
    assert skill in found(checker, text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Handled scheduling of delivery trucks.", "appointment-scheduling"),
        ("Paid cash for supplies.", "payment-processing"),
        ("Joined the organization in 2019.", "organizational-skills"),
    ],
)
def test_a_bare_list_word_outside_a_list_does_not_count(
    checker: Checker, text: str, skill: str
) -> None:
    assert skill not in found(checker, resume(text))


# -- evidence a person would accept ------------------------------------------------------------


def test_a_heading_alone_is_not_evidence(checker: Checker) -> None:
    text = "Dana Whitfield\nPROFILE\nLeadership & Collaboration:\nI lead a real estate brokerage.\n"
    assert "interpersonal-skills" not in found(checker, text)


def test_a_label_before_a_sentence_is_not_evidence_of_a_soft_skill(checker: Checker) -> None:
    text = resume("COLLABORATION: Attended weekly in-service training sessions at the hospital.")
    assert "interpersonal-skills" not in found(checker, text)


def test_a_job_title_alone_is_not_evidence(checker: Checker) -> None:
    text = (
        "Dana Whitfield\nEXPERIENCE\nTeam Lead Manager\nJanuary 2023 - Present\n"
        "- Grew sales for a real estate office.\n"
        "Spent three years as a Team Lead Manager and Licensed Managing Broker.\n"
    )
    assert "interpersonal-skills" not in found(checker, text)


def test_a_job_title_with_a_duty_word_is_still_a_title(checker: Checker) -> None:
    text = (
        "Dana Whitfield\nEXPERIENCE\nEmergency Room Admitting Specialist\n"
        "Acme Hospital, 2019 - 2023\n- Stocked supply rooms on every shift.\n"
    )
    assert "patient-registration" not in found(checker, text)


def test_a_duty_in_title_case_is_not_a_title(checker: Checker) -> None:
    text = "Dana Whitfield\nEXPERIENCE\nResponsible For Registering Patients\nAnswered Phones\n"
    assert {"patient-registration", "phone-systems"} <= found(checker, text)


def test_a_bare_list_item_takes_its_sense_from_the_list(checker: Checker) -> None:
    it = resume("Kept servers running.", skills="Routers, Scheduling, TCP/IP, Desktop support")
    office = resume("Greeted visitors.", skills="Filing, Scheduling, Multi-line phones, Typing")
    assert "appointment-scheduling" not in found(checker, it)
    assert "appointment-scheduling" in found(checker, office)


def test_the_first_quote_is_a_sentence_that_proves_the_skill(checker: Checker) -> None:
    text = resume(
        "Worked closely with nurses and physicians to keep the clinic on time.",
        skills="Teamwork",
    )
    evidence = matches(checker, text)["interpersonal-skills"]
    assert evidence[0].text.startswith("Worked closely with nurses")


def test_words_found_together_are_quoted_before_words_found_apart(checker: Checker) -> None:
    text = resume(
        "Processed claims for veterans desiring payment of approved outside bills.",
        "Operated cash registers and pricing guns.",
    )
    assert matches(checker, text)["payment-processing"][0].text.startswith("Operated cash")


def test_a_phrase_does_not_run_into_the_next_line(checker: Checker) -> None:
    text = resume(
        "Explained benefits including leaves and medical insurance",
        "Coordinate with management to review staffing plans.",
    )
    assert "insurance-verification" not in found(checker, text)
