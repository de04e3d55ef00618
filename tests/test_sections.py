"""Section headings are recognised in their many spellings, and only when they are headings."""

from __future__ import annotations

import pytest

from resume_match.sections import find_sections, heading_name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("SKILLS", "Skills"),
        ("Core Competencies:", "Skills"),
        ("Professional Experience", "Experience"),
        ("WORK HISTORY", "Experience"),
        ("Education & Training", "Education"),
        ("Licenses and Certifications", "Certifications"),
        ("Summary of Qualifications", "Summary"),
        ("Volunteer Experience", "Volunteer"),
        ("• References", "Other"),
    ],
)
def test_headings(line: str, name: str) -> None:
    assert heading_name(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "Skills in scheduling and registration.",
        "Experience with Epic, Cerner and NextGen for eight years at a busy clinic",
        "Front Desk Coordinator",
        "",
    ],
)
def test_sentences_are_not_headings(line: str) -> None:
    assert heading_name(line) is None


def test_offsets_map_to_sections() -> None:
    text = "Jane Roe\nSUMMARY\nFriendly.\nSKILLS\nEpic\nEXPERIENCE\nClerk"
    sections = find_sections(text)
    assert sections.at(0) == "Header"
    assert sections.at(text.index("Friendly")) == "Summary"
    assert sections.at(text.index("Epic")) == "Skills"
    assert sections.at(text.index("Clerk")) == "Experience"


def test_a_text_without_headings_is_one_body() -> None:
    assert find_sections("Dear Ms. Lee,\nI am applying.").at(5) == "Body"
