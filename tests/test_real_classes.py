"""Classes of wrong calls found on the real labelled set, each tested on text written here.

Each case is a line a resume might hold, the skill in question, and whether a recruiter reading
tests/data/labelled/GUIDELINES.md would count it. None of the lines comes from the corpus.
"""

from __future__ import annotations

from pathlib import Path

from helpers import recruiter_cases, skills_in_duty
from resume_match.api import Checker
from resume_match.reading import Document

CASES: dict[str, list[tuple[str, str, bool]]] = {
    # "Collection(s)" is mostly specimens, data or a debt department; taking money needs a money
    # word, and the weak verbs "process" and "post" need a payment or a card, not a fee or a credit.
    "payment: collection and weak verbs": [
        ("Performed specimen collection and processing for the lab.", "payment-processing", False),
        ("Led survey collection and analysis for the quality team.", "payment-processing", False),
        ("Oversaw third party collections for the hospital.", "payment-processing", False),
        ("Skills: Accounts Receivable, Billing, Collections", "payment-processing", False),
        ("Posted late fees and interest charges to delinquent loans.", "payment-processing", False),
        ("Training, Process Improvement, Credit Analysis", "payment-processing", False),
        ("Collected co-pays and outstanding balances at check-in.", "payment-processing", True),
        ("Processed cash, check and card payments.", "payment-processing", True),
        ("Processed tuition, tax and loan payments for members.", "payment-processing", True),
        ("Prepared the daily bank deposits.", "payment-processing", True),
        ("Took deposits and cashed checks for members.", "payment-processing", True),
        ("Collected and applied funds received from insurers.", "payment-processing", True),
    ],
    # "Organizational" alone qualifies the employer ("organizational goals, design, efficiency");
    # "time management" is not among the guidelines' signs of organizational skill.
    "organizational: the employer's sense": [
        ("Led an organizational redesign that cut costs by 12%.", "organizational-skills", False),
        ("Improved organizational efficiency with new software.", "organizational-skills", False),
        ("Aligned the team with organizational strategies.", "organizational-skills", False),
        ("Skills: Time management, Customer service", "organizational-skills", False),
        ("Excellent organizational and analytical skills.", "organizational-skills", True),
        ("Strong organizational abilities.", "organizational-skills", True),
        ("Improved medical record organization across the clinic.", "organizational-skills", True),
        ("Commended for organization and efficiency.", "organizational-skills", True),
        ("HIGHLY-ORGANIZED front desk lead.", "organizational-skills", True),
    ],
    # Lemmas collapse senses: "key" the adjective, "file" the computer file or the claim, and
    # "records" inside the name of an EHR are not record keeping; "maintain" needs a record.
    "data entry: words in another sense": [
        ("Key member of the leadership team.", "data-entry", False),
        ("Served as a key contributing member to the board.", "data-entry", False),
        ("Created file systems and managed file servers.", "data-entry", False),
        ("Ensured insurance claims were filed on time.", "data-entry", False),
        ("Delivered design files to the print vendor.", "data-entry", False),
        ("Skills: Electronic Medical Records, Scheduling", "data-entry", False),
        ("Maintained existing accounts and grew sales.", "data-entry", False),
        ("Established and maintained systems for residents.", "data-entry", False),
        ("Filing, faxing and scanning for three providers.", "data-entry", True),
        ("Maintained accurate and up-to-date patient records.", "data-entry", True),
        ("Maintained the referral tracking log.", "data-entry", True),
        ("Keyed patient information into the database.", "data-entry", True),
        ("Filed lab results in patient charts.", "data-entry", True),
    ],
    # Weak verbs (manage, make, coordinate, arrange) book nothing unless their object is an
    # appointment: "managed procedures", "made a visit", "conducted visits, managed the budget".
    "appointments: weak verbs need an appointment": [
        ("Managed IT policies and procedures for the region.", "appointment-scheduling", False),
        ("Made reasonable procedure exceptions for customers.", "appointment-scheduling", False),
        ("Conducted site visits, managed the budget and staff.", "appointment-scheduling", False),
        ("Wrote training procedures for managed care claims.", "appointment-scheduling", False),
        ("Coordinated appointments for four surgeons.", "appointment-scheduling", True),
        ("Made follow-up appointments at check-out.", "appointment-scheduling", True),
        ("Scheduled procedures and consults for the GI clinic.", "appointment-scheduling", True),
    ],
    # Adjusting or adapting a thing is another sense; adjusting oneself to a change is the skill.
    "adaptability: adjusting a thing": [
        ("Monitored and adjusted production processes daily.", "adaptability", False),
        ("Tracked vendor orders and adjusted when necessary.", "adaptability", False),
        ("Adapted programs as needed for each participant.", "adaptability", False),
        ("Set nurse staffing, adjusting for census each shift.", "adaptability", False),
        ("When the clinic changed systems I adjusted within a week.", "adaptability", True),
        ("Adjusted quickly to a new scheduling workflow.", "adaptability", True),
        ("Adapted to a new EHR during the conversion.", "adaptability", True),
    ],
    # Addressing or handling a concrete complaint, dispute or discrepancy solves it; critical
    # thinking and analytical skills are other claims.
    "problem-solving: addressing a concrete issue": [
        ("Addressed billing complaints at the front window.", "problem-solving", True),
        ("Handled tense customer issues with the pharmacy.", "problem-solving", True),
        ("Assisted members with returns and complaints.", "problem-solving", True),
        ("Addressed charting discrepancies with the nurses.", "problem-solving", True),
        ("Repaired jammed printers and copiers for the office.", "problem-solving", True),
        ("When a booking goes wrong I find a workable solution.", "problem-solving", True),
        ("Skills: Critical thinking, Analytical skills", "problem-solving", False),
        ("Handled double shifts on weekends.", "problem-solving", False),
    ],
    # Office software named generically ("Microsoft Suite", "MS applications"), typing skills and
    # computer training are the general computer claim; a computer-science degree or entering
    # data "in the computer" is not.
    "computer proficiency: generic names and typing": [
        ("Proficient with the Microsoft Suite and Windows OS.", "computer-proficiency", True),
        ("Experienced with various MS applications.", "computer-proficiency", True),
        ("Excellent typing skills; skilled typist.", "computer-proficiency", True),
        ("Diploma in Computer Applications, 2015.", "computer-proficiency", True),
        ("Strong computer-based skills.", "computer-proficiency", True),
        ("Bachelor of Science, Computer Science.", "computer-proficiency", False),
        ("Entered applicant information in the computer system.", "computer-proficiency", False),
    ],
    # Practice-management and EHR products the taxonomy did not name (Medisoft, Misys, Kaiser's
    # HealthConnect, CareTracker), and "electronic medical database" for a record system.
    "ehr: more named systems": [
        ("Posted charges in Medisoft and Lytec.", "ehr-systems", True),
        ("Misys Tiger medical software proficient.", "ehr-systems", True),
        ("Registered members in KP HealthConnect.", "ehr-systems", True),
        ("CareTracker documentation for home visits.", "ehr-systems", True),
        ("Knowledge of the electronic medical database.", "ehr-systems", True),
        ("Connected with local health agencies.", "ehr-systems", False),
    ],
    # Relationships and partnerships built over several words, working with staff or a team,
    # multidisciplinary teams and client relations are the skill; Microsoft Teams is not.
    "interpersonal: relationships, teams and staff": [
        ("Built long-term customer relationships.", "interpersonal-skills", True),
        (
            "Developed successful partnerships with surgeons and clinic staff.",
            "interpersonal-skills",
            True,
        ),
        ("Worked effectively with all hospital staff.", "interpersonal-skills", True),
        ("Worked as part of a team to deliver care.", "interpersonal-skills", True),
        ("Presented at multidisciplinary team meetings.", "interpersonal-skills", True),
        ("Assisted coworkers with special projects.", "interpersonal-skills", True),
        ("Facilitated communication between departments.", "interpersonal-skills", True),
        ("Work in Outlook, Teams and Excel every day.", "interpersonal-skills", False),
    ],
    # A registrar's office, a job title and trial enrolment are not patient intake; admission
    # packets and patient paperwork are.
    "registration: titles and other registers": [
        ("Registrar, School of Design, 2010 to 2014.", "patient-registration", False),
        ("Built an OCR system for the Registrar Office.", "patient-registration", False),
        ("Grew admits per day by 5% through outreach.", "patient-registration", False),
        (
            "Confirmed eligibility and registered patients on clinical trials.",
            "patient-registration",
            False,
        ),
        ("Coordinated admission packages for the unit.", "patient-registration", True),
        ("Completed patient paperwork and scanned it into Dentrix.", "patient-registration", True),
        ("Front desk check-in and scheduling.", "patient-registration", True),
    ],
    # Etiquette on the phone is a manner (professionalism); calls in other senses are not calls
    # handled: service calls to repair machines, sick call, conference calls, sales call points.
    "phones: etiquette and other calls": [
        ("Exceptional telephone etiquette.", "phone-systems", False),
        ("Exceptional telephone etiquette.", "professionalism", True),
        ("Made service calls to maintain and repair copiers.", "phone-systems", False),
        ("Ran sick call daily at the correctional facility.", "phone-systems", False),
        ("Led weekly conference calls with the project team.", "phone-systems", False),
        ("Answered and routed incoming calls for six providers.", "phone-systems", True),
    ],
    # "Professional" as one of the writer's traits, calm or courtesy under pressure, and a
    # professional bedside manner are professionalism; "a motivated professional" (a noun),
    # "professional and personal growth" and a professional-services firm are not.
    "professionalism: professional as a trait": [
        ("Professional and caring with every patient.", "professionalism", True),
        ("Organized and professional.", "professionalism", True),
        ("Highly coachable and professional.", "professionalism", True),
        ("Professional bedside manner.", "professionalism", True),
        # A bedside manner praised with no "professional" names no demeanor (two labels agree).
        ("Wonderful bedside manner with children.", "professionalism", False),
        ("Defused volatile situations calmly and courteously.", "professionalism", True),
        ("Keeps a positive attitude under pressure.", "professionalism", True),
        ("Dedicated and motivated professional with a sales background.", "professionalism", False),
        ("Committed to professional and personal growth.", "professionalism", False),
        ("Recruited qualified professionals and processed applications.", "professionalism", False),
        ("Account manager at a professional services firm.", "professionalism", False),
        ("Maintained central heating and cooling systems.", "professionalism", False),
        ("Professional bedside manner.", "empathetic-communication", False),
    ],
    # Listening named among the writer's communication skills, and asking open or clarifying
    # questions, are active listening.
    "active listening: named with communication, questions asked": [
        ("Excellent interpersonal, listening and communication skills.", "active-listening", True),
        ("Effective verbal, listening and written communication.", "active-listening", True),
        ("Asked open-ended questions to learn each caller's needs.", "active-listening", True),
        ("Clarified requests by asking clear and specific questions.", "active-listening", True),
        ("Enjoy listening to jazz records.", "active-listening", False),
    ],
    # Calls made or requests taken by telephone are phone work; the telecom industry is not.
    "phones: cold calls and requests by telephone": [
        ("Made 100+ daily cold calls to clinics.", "phone-systems", True),
        ("Responded to telephone and in-person requests for information.", "phone-systems", True),
        ("Resolved complaints in person and via telephone.", "phone-systems", True),
        ("Clients in telecommunication, retail and manufacturing.", "phone-systems", False),
    ],
    # Adapting named as a trait or as coping with change; a data conversion or adaptive
    # equipment is another sense.
    "adaptability: adaptive, coping, handling change": [
        ("Adaptive team player.", "adaptability", True),
        ("Adept at handling change and new start-ups.", "adaptability", True),
        ("Ability to cope with different situations.", "adaptability", True),
        ("Quick adaptation to new medical technologies.", "adaptability", True),
        ("Provided data conversion from the old system to the new one.", "adaptability", False),
        ("Fitted adaptive equipment for rehab patients.", "adaptability", False),
    ],
    # "Composed" as written; its lemma "compose" is also composing a schedule.
    "professionalism: composing is not composure": [
        ("Compose the weekly schedule for 24 lab employees.", "professionalism", False),
        ("Composed letters and memos for the director.", "professionalism", False),
        ("Stayed composed with upset callers.", "professionalism", True),
    ],
    # Records kept current, logs completed and documents uploaded into a system are record keeping.
    "data entry: records kept current": [
        ("Ensured the provider database and documentation were up to date.", "data-entry", True),
        ("Completed monthly infection control logs.", "data-entry", True),
        ("Uploads lab data and medical documentation into the portal.", "data-entry", True),
    ],
    # "Flexible" alone is vague self-description; flexible about change, or re-prioritising as
    # situations change, is adapting.
    "adaptability: flexible about what": [
        ("Flexible and hardworking.", "adaptability", False),
        ("Skills: Flexibility, Teamwork", "adaptability", False),
        ("Promoted development and enhanced flexibility in the department.", "adaptability", False),
        ("Flexible when priorities change during clinic.", "adaptability", True),
        ("Reprioritize work as situations change.", "adaptability", True),
    ],
    # Prioritising features, opportunities or areas of improvement is planning, and
    # "simultaneously" alone is not doing many tasks at once.
    "organizational: prioritising things, doing things at once": [
        ("Prioritized features for the mobile app roadmap.", "organizational-skills", False),
        (
            "Reviewed survey data to prioritize areas of improvement.",
            "organizational-skills",
            False,
        ),
        ("Monitors up to 3 individuals simultaneously.", "organizational-skills", False),
        ("Handled phones and check-in simultaneously.", "organizational-skills", True),
        ("Prioritized urgent tasks at a busy front desk.", "organizational-skills", True),
    ],
    # "Scheduling" beside patient work is booking; helping members with appointments too.
    "appointments: scheduling beside patient work": [
        (
            "Directed medical receptionist operations, including scheduling.",
            "appointment-scheduling",
            True,
        ),
        ("Patient support including scheduling and discharge.", "appointment-scheduling", True),
        ("Assisted members with appointments.", "appointment-scheduling", True),
        ("Created the weekly front desk schedule for 9 agents.", "appointment-scheduling", False),
    ],
    # Eligibility for a study or a programme is not insurance eligibility; dealing with
    # third-party payers is billing, not verifying coverage.
    "insurance: other eligibilities": [
        (
            "Verified eligibility of subjects against the study protocol.",
            "insurance-verification",
            False,
        ),
        (
            "Confirmed eligibility and enrolled patients on clinical trials.",
            "insurance-verification",
            False,
        ),
        ("Determined special program eligibility for families.", "insurance-verification", False),
        ("Posted payments received from third party payers.", "insurance-verification", False),
        (
            "Checked eligibility and benefits when claims were rejected.",
            "insurance-verification",
            True,
        ),
    ],
    # "Patient-centered" names a care model or a goal, not the writer's empathy.
    "empathy: patient-centered is a model": [
        (
            "Promoted patient-centered goals in clinical documentation.",
            "empathetic-communication",
            False,
        ),
        ("Skills: Patient-centered care, Triage", "empathetic-communication", False),
        ("Comforted anxious patients before procedures.", "empathetic-communication", True),
    ],
    # A capitalised run that ends one line ("... and GI Lab") is no name together with the next
    # line's first word; collecting or updating a patient's information is intake.
    "registration: next line, patient information": [
        (
            "Day Surgery, and GI Lab\nRegister patients in MPAC for hospital services",
            "patient-registration",
            True,
        ),
        (
            "Gathered forms and collected patient information at intake.",
            "patient-registration",
            True,
        ),
        ("Updated personal information on every call.", "patient-registration", True),
    ],
    # HIPAA spelt out; securing money is not securing health information; Microsoft's products
    # named generically; telephones answered among other duties; training staff on Epic.
    "misc: names spelt out and other senses": [
        (
            "Ensured compliance with the Health Insurance Portability and Accountability Act.",
            "hipaa-compliance",
            True,
        ),
        ("Collected and secured patient co-pays and deductibles.", "hipaa-compliance", False),
        ("Proficient in Microsoft Family Products.", "computer-proficiency", True),
        ("Responding to call lights and telephones on the unit.", "phone-systems", True),
        ("Train all employees for the successful go-live of EPIC.", "ehr-systems", True),
        ("Installed label printers ahead of the hospital's Epic go-live.", "ehr-systems", False),
    ],
    # Paying out (a vendor's invoice, a payment request, capitation) is not taking a payment, and
    # "payment process" is a noun phrase, not "payment processing".
    "payments: paying out and the payment process": [
        (
            "Processed invoices and special payment requests for travellers.",
            "payment-processing",
            False,
        ),
        ("Managed the monthly capitation payment process.", "payment-processing", False),
        ("Payment processing and cash handling at the front desk.", "payment-processing", True),
    ],
    # Applying payments posts them; authorising a treatment with the payer is a prior
    # authorisation; intake forms are registration unless the client is a law firm's.
    "recall: applied payments, treatment authorizations, intake forms": [
        ("Applied payments and resolved billing issues.", "payment-processing", True),
        ("Obtained authorization for treatments and medicine.", "insurance-verification", True),
        ("Handed out and reviewed intake forms with new patients.", "patient-registration", True),
        (
            "Keyed new-client intake forms into Clio for the attorneys.",
            "patient-registration",
            False,
        ),
        ("Provided caring companionship to elderly patients.", "empathetic-communication", True),
    ],
    # Building the software is another sense of every front-office word: the developer wrote the
    # forms, the API and the EHR product that other people use.
    "building the software is not using it": [
        ("Wrote data entry forms and validation rules for the intake module.", "data-entry", False),
        ("Built data entry forms in Microsoft Access for the claims team.", "data-entry", False),
        ("Accurate data entry into the EHR; strong data entry skills.", "data-entry", True),
        (
            "Fixed a race condition that double-booked appointment slots under heavy load.",
            "appointment-scheduling",
            False,
        ),
        (
            "Scheduled and rescheduled appointments for six providers.",
            "appointment-scheduling",
            True,
        ),
        (
            "Designed the patient registration and insurance-eligibility integration services.",
            "patient-registration",
            False,
        ),
        (
            "Designed the patient registration and insurance-eligibility integration services.",
            "insurance-verification",
            False,
        ),
        ("Built card-payment processing microservices.", "payment-processing", False),
        ("Shipped features for a cloud EHR product used by 900 practices.", "ehr-systems", False),
        ("Registered patients and verified insurance eligibility.", "insurance-verification", True),
    ],
    # Hardware and other lines: installing POS terminals or a Mitel system is IT work, a nurse's
    # call lights and a bank's teller line are not telephones.
    "IT hardware, call lights and teller lines": [
        ("Hands-on with networks, point-of-sale hardware and VoIP.", "payment-processing", False),
        (
            "Installed and repaired the Mitel phone system for three offices.",
            "phone-systems",
            False,
        ),
        ("Answered multi-line phones on the Mitel phone system.", "phone-systems", True),
        ("Answer call lights promptly and round hourly on patients.", "phone-systems", False),
        ("My years at the teller line can transfer to your team.", "phone-systems", False),
        ("Transferred calls to the right line.", "phone-systems", True),
    ],
    # Administering staff benefits is HR; a HIPAA form collected at intake is paperwork.
    "HR benefits and HIPAA paperwork": [
        (
            "Administer employee medical, dental and vision insurance benefits and COBRA.",
            "insurance-verification",
            False,
        ),
        ("Collect medical history updates and HIPAA forms at check-in.", "hipaa-compliance", False),
        ("Intake forms, consent, HIPAA acknowledgment.", "hipaa-compliance", False),
        ("Followed HIPAA rules when handling intake forms.", "hipaa-compliance", True),
        ("Completed HIPAA training and signed the HIPAA forms.", "hipaa-compliance", True),
    ],
    # Words that sound like a soft skill but say nothing of it: "versatile" is not adapting to a
    # change, a bare "de-escalation" is a technique (so is calming the merely angry: GUIDELINES want
    # empathy explicit; the frightened count), a wish to join a team is not teamwork, and the
    # plural "organizations" names employers.
    "soft-skill words that prove nothing": [
        ("Cross-trained, versatile, and comfortable in a fast room.", "adaptability", False),
        ("Adapted quickly to the new check-in workflow.", "adaptability", True),
        ("Trained in de-escalation techniques.", "empathetic-communication", False),
        ("De-escalated angry patients at the front desk.", "empathetic-communication", False),
        ("De-escalated anxious patients at the front desk.", "empathetic-communication", True),
        ("I would love to be part of the team at Fox River.", "interpersonal-skills", False),
        (
            "I was proud to be part of the team that opened the clinic.",
            "interpersonal-skills",
            True,
        ),
        (
            "I would love to join your team and bring my experience with Epic and Cerner.",
            "ehr-systems",
            True,
        ),
        ("Volunteered with local organizations.", "organizational-skills", False),
        ("Created and maintained Access databases for the department.", "data-entry", False),
        ("Maintained the patient database and updated records.", "data-entry", True),
        ("Built interfaces to exchange data with external EMRs.", "ehr-systems", False),
    ],
    # A call center designed or sold as a service is a business line; compassion as a mentor is
    # not comfort for somebody upset; "spreadsheets" alone names no office software.
    "business lines, mentors and spreadsheets": [
        (
            "Analyzed, designed and reorganized the customer care call center for an HMO.",
            "phone-systems",
            False,
        ),
        ("Handled 80 inbound calls a day in a busy call center.", "phone-systems", True),
        ("Compassionate mentor to new hires.", "empathetic-communication", False),
        ("Comforted anxious patients with compassion.", "empathetic-communication", True),
        ("Prepared reports, spreadsheets, and memos.", "computer-proficiency", False),
        ("Prepared reports and spreadsheets in Microsoft Excel.", "computer-proficiency", True),
        ("Revenue cycle, call center services, credentialing.", "phone-systems", False),
        ("Customer service, call center, cash handling.", "phone-systems", True),
        (
            "Made cold calls and appointments with prospects at local hospitals.",
            "appointment-scheduling",
            False,
        ),
    ],
    # A till among retail duties: "register" beside cash is a cash register, "scheduling" beside
    # inventory and closing is a store task.
    "retail duties": [
        (
            "Ready to bring cash handling, register and people skills.",
            "patient-registration",
            False,
        ),
        ("Registered patients at the front desk.", "patient-registration", True),
        (
            "Compiled statistical data such as patient admissions and discharges.",
            "patient-registration",
            False,
        ),
        (
            "Performed the initial admission visit in the patient's home.",
            "patient-registration",
            False,
        ),
        ("Processed patient admissions and compiled the census.", "patient-registration", True),
        ("Briefed National Guard and Reserve members called to duty.", "phone-systems", False),
    ],
}


@recruiter_cases(CASES)
def test_a_recruiter_would_agree(checker: Checker, text: str, skill: str, counts: bool) -> None:
    assert (skill in skills_in_duty(checker, text)) is counts


def _skills_line(checker: Checker, line: str) -> set[str]:
    text = f"SUMMARY\nOffice worker.\nSKILLS\n{line}\nEXPERIENCE\nClerk, 2019 to 2024\n"
    return {m.skill.id for m in checker.matcher.match(Document(Path("x.txt"), "text", (text,)))}


def test_a_bare_word_in_a_machine_made_keyword_list_is_not_a_claim(checker: Checker) -> None:
    """Job boards append alphabetised keyword lists; a word that counts only as a list item
    ("Scheduling") is not claimed there, though a phrase that names the skill still is."""
    dump = "budgets, contracts, payroll, recruiting, reporting, scheduling, training, vendors"
    assert "appointment-scheduling" not in _skills_line(checker, dump)
    assert "appointment-scheduling" in _skills_line(checker, "Scheduling, Filing, Cash handling")
    assert "phone-systems" in _skills_line(checker, dump + ", multi-line phones")


def test_scheduling_among_retail_duties_is_a_store_task(checker: Checker) -> None:
    retail = "cash handling, POS, opening and closing procedures, scheduling, inventory"
    assert "appointment-scheduling" not in _skills_line(checker, retail)
    assert "appointment-scheduling" in _skills_line(checker, "appointment scheduling, inventory")
