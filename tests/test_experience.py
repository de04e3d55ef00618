"""Years of experience from a resume's date ranges, and job-title matches."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_match.experience import match_title, read_experience
from resume_match.taxonomy import Taxonomy

TODAY = date(2026, 12, 1)

RESUME = """Jane Doe
EXPERIENCE
Patient Service Representative
Lakeside Clinic | 03/2019 - Present
• Scheduled appointments and verified insurance.
Front Desk Receptionist, Smile Dental, Jan 2017 to Dec 2018
• Checked patients in.
Cashier, Food Mart, 2015-2017
• Ran the register.
Billing Clerk (part time), 2018 – Current
• Posted payments.
EDUCATION
High school diploma, 2014
"""


def test_each_date_format_is_read() -> None:
    experience = read_experience(RESUME, today=TODAY)
    months = {role.title: (role.dates, role.months) for role in experience.roles}
    assert months["Patient Service Representative"] == ("03/2019 - Present", 94)
    assert months["Front Desk Receptionist, Smile Dental"] == ("Jan 2017 to Dec 2018", 24)
    assert months["Cashier, Food Mart"] == ("2015-2017", 24)
    assert months["Billing Clerk (part time)"] == ("2018 – Current", 108)


def test_overlaps_count_once() -> None:
    experience = read_experience(RESUME, today=TODAY)
    # 2015-01 .. 2026-12 is covered without a gap: 144 months, whatever overlaps.
    assert experience.months == 144
    assert experience.overlap_months == 94 + 24 + 24 + 108 - 144
    assert experience.years == 12.0


def test_only_relevant_roles_count() -> None:
    at = RESUME.index("Scheduled appointments")
    experience = read_experience(RESUME, relevant_offsets=[at], today=TODAY)
    assert [r.relevant for r in experience.roles] == [True, False, False, False]
    assert experience.months == 94


def test_a_title_makes_a_role_relevant() -> None:
    experience = read_experience(
        RESUME, relevant_offsets=[], titles=["Front Desk Receptionist"], today=TODAY
    )
    assert [r.title for r in experience.roles if r.relevant] == [
        "Front Desk Receptionist, Smile Dental"
    ]


def test_nonsense_dates_become_notes() -> None:
    text = (
        "Experience\nClerk, 13/2019 - 2020\nClerk, 2021 - 2019\nClerk, 1890 - 1900\n"
        "Clerk, 2030 - Present\nClerk, Feb 2020 - Mar 2020\n"
    )
    experience = read_experience(text, today=TODAY)
    assert experience.months == 2
    assert len(experience.notes) == 4
    assert any("month 13 does not exist" in note for note in experience.notes)
    assert any("ends before it starts" in note for note in experience.notes)


def test_no_dates_is_said() -> None:
    experience = read_experience("Experience\nReceptionist at a clinic for years.\n", today=TODAY)
    assert not experience.dated
    assert experience.notes == ("no date ranges found in the experience section",)


_PART = st.one_of(
    st.sampled_from(["Jan", "Sept", "13", "00", "99", "/", "-", "–", " to ", "Present", "'"]),
    st.integers(min_value=-5, max_value=10_000).map(str),
    st.text(alphabet="0123456789/-– .JanFebPresntCuo", max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PART, min_size=1, max_size=8))
def test_any_dates_give_an_answer_never_a_crash(parts: list[str]) -> None:
    text = "Experience\nClerk, " + "".join(parts) + "\n• Did things.\n"
    experience = read_experience(text, today=TODAY)
    assert experience.months >= 0
    assert all(role.months > 0 for role in experience.roles)


def test_title_matches_same_and_synonym(taxonomy: Taxonomy) -> None:
    same = match_title(RESUME, "Patient Service Representative - Days", taxonomy)
    assert same is not None and same.how == "same"
    synonym = match_title(RESUME, "Medical Receptionist", taxonomy)
    assert synonym is not None and synonym.how == "synonym"
    assert synonym.resume_title in {
        "Patient Service Representative",
        "Front Desk Receptionist, Smile Dental, Jan 2017 to Dec 2018",
    }
    assert match_title(RESUME, "Patient Access Supervisor", taxonomy) is None


def test_more_formats() -> None:
    text = (
        "Experience\nClerk, Sept. 2016 - May 2018\nAide, Summer 2018 - Fall 2019\nTech 2019-2019\n"
    )
    experience = read_experience(text, today=TODAY)
    assert [(r.dates, r.months) for r in experience.roles] == [
        ("Sept. 2016 - May 2018", 21),
        ("Summer 2018 - Fall 2019", 16),
        ("2019-2019", 12),
    ]
