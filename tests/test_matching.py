"""The matcher: phrasings that prove a skill, and the traps that must not."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_match.api import Checker
from resume_match.reading import Document
from resume_match.reading.normalize import normalize_text


def found(checker: Checker, text: str) -> set[str]:
    document = Document(Path("inline.txt"), "text", (normalize_text(text),))
    return {match.skill.id for match in checker.matcher.match(document)}


POSITIVE = [
    ("Scheduled and confirmed patient appointments for four providers.", "appointment-scheduling"),
    ("Verified patients' insurance coverage before each visit.", "insurance-verification"),
    ("Obtained prior authorizations from payers.", "insurance-verification"),
    ("Performed eligibility verification in real time.", "insurance-verification"),
    ("Entered patient data into Epic and updated charts.", "ehr-systems"),
    ("Trained on Cener and Allscripts.", "ehr-systems"),
    ("Maintained EMR accuracy.", "ehr-systems"),
    ("Strict adherence to HIPPA rules.", "hipaa-compliance"),
    ("Protected patient confidentiality at all times.", "hipaa-compliance"),
    ("Collected co-payments and posted payments daily.", "payment-processing"),
    ("Answered a 12-line phone system and routed calls to departments.", "phone-systems"),
    ("Operated the switchboard.", "phone-systems"),
    ("Proficient in Microsoft Word, Excel and Outlook.", "computer-proficiency"),
    ("Skills: Word, Excel, Outlook", "computer-proficiency"),
    ("Data entry at 65 WPM with 10-key.", "data-entry"),
    ("Registered new patients and updated demographics.", "patient-registration"),
    ("Completed coursework in medical terminolgy.", "medical-terminology"),
    ("Calmly reassured anxious patients and their families.", "empathetic-communication"),
    ("Listened attentively to patient concerns.", "active-listening"),
    ("Resolved scheduling conflicts and billing discrepancies.", "problem-solving"),
    ("Adapted quickly to a new EHR rollout.", "adaptability"),
    ("Maintained a calm, professional demeanor under pressure.", "professionalism"),
    ("Highly organized; managed multiple tasks simultaneously.", "organizational-skills"),
    ("Built rapport with patients and collaborated with nurses.", "interpersonal-skills"),
    ("Appointment\nscheduling across a line break.", "appointment-scheduling"),
    ("HI\u200bPAA training completed.", "hipaa-compliance"),
    ("\uff28\uff29\uff30\uff21\uff21 certified front desk.", "hipaa-compliance"),
    ("Completed insurance veri-\nfication for walk-ins.", "insurance-verification"),
]

NEGATIVE = [
    ("I excel at customer service and always go above and beyond.", "computer-proficiency"),
    ("Most of our clients came by word of mouth.", "computer-proficiency"),
    ("Known for a positive outlook.", "computer-proficiency"),
    ("PROFESSIONAL EXPERIENCE\nCashier, Corner Market", "professionalism"),
    ("Our road trip was an epic journey across the country.", "ehr-systems"),
    ("Worked for a nonprofit organization for three years.", "organizational-skills"),
    ("The organization grew to 40 staff.", "organizational-skills"),
    ("I have no experience with insurance verification yet.", "insurance-verification"),
    ("I am not yet familiar with Epic.", "ehr-systems"),
    ("I am eager to learn medical terminology.", "medical-terminology"),
    ("Your posting asks for HIPAA knowledge.", "hipaa-compliance"),
    ("Scheduled delivery trucks and warehouse shifts.", "appointment-scheduling"),
    ("Enjoy listening to music and hiking.", "active-listening"),
    ("Flexible schedule; available weekends.", "adaptability"),
    ("Registered nurse with ICU background.", "patient-registration"),
    ("Sold life insurance policies door to door.", "insurance-verification"),
    ("Maintained a healthy work-life balance.", "payment-processing"),
    ("\u041dIPAA training completed.", "hipaa-compliance"),
    ("Developed a cross-platform mobile app.", "computer-proficiency"),
    ("Worked on call as a volunteer firefighter.", "phone-systems"),
]


@pytest.mark.parametrize(("text", "skill"), POSITIVE)
def test_phrasings_that_prove_a_skill(checker: Checker, text: str, skill: str) -> None:
    assert skill in found(checker, text)


@pytest.mark.parametrize(("text", "skill"), NEGATIVE)
def test_traps_that_are_not_evidence(checker: Checker, text: str, skill: str) -> None:
    assert skill not in found(checker, text)


def test_negation_is_scoped_to_its_clause(checker: Checker) -> None:
    text = "Although I have no experience with Epic, I have used Cerner daily."
    assert "ehr-systems" in found(checker, text)
    assert "ehr-systems" not in found(checker, "Although I have no experience with Epic.")


def test_evidence_keeps_words_page_and_section(checker: Checker) -> None:
    text = "Jane Roe\n\nSKILLS\nHIPAA compliance\n\nEXPERIENCE\nAnswered multi-line phones."
    document = Document(
        Path("x.txt"), "text", (normalize_text(text), "Verified insurance eligibility.")
    )
    matches = {m.skill.id: m for m in checker.matcher.match(document)}
    hipaa = matches["hipaa-compliance"].evidence[0]
    assert (hipaa.text, hipaa.page, hipaa.section) == ("HIPAA compliance", 1, "Skills")
    phones = matches["phone-systems"].evidence[0]
    assert phones.section == "Experience" and "multi-line phones" in phones.text
    assert matches["insurance-verification"].evidence[0].page == 2


def test_mixed_script_word_is_flagged_not_matched(checker: Checker, tmp_path: Path) -> None:
    path = tmp_path / "homoglyph.txt"
    path.write_text(
        "\u041dIPAA trained front desk clerk. " + "Greeted visitors warmly. " * 10, encoding="utf-8"
    )
    result = checker.check_document(path)
    assert "hipaa-compliance" not in {m.skill.id for m in result.matched}
    assert [f.kind for f in result.flags] == ["mixed-script"]
    assert "\u041dIPAA" in result.flags[0].message


@pytest.mark.parametrize("word", ["clinical", "healthcare", "effective", "center", "career"])
def test_english_words_are_never_spell_corrected(checker: Checker, word: str) -> None:
    assert checker.matcher.lemmas(word) == [word]


@pytest.mark.parametrize(
    ("typo", "fixed"),
    [
        ("terminolgy", "terminology"),
        ("cener", "cerner"),
        ("insurence", "insurance"),
        ("apointment", "appointment"),
    ],
)
def test_misspellings_of_taxonomy_words_are_mended(checker: Checker, typo: str, fixed: str) -> None:
    assert checker.matcher.lemmas(typo) == [fixed]
