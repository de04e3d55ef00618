"""Properties of the normaliser, the matcher and the score, checked on generated input.

The documents are drawn from a pool of resume lines (skills claimed, skills denied, skills asked
for, plain filler, tricky words such as "Epic" and "react"), so that hypothesis explores the
combinations a hand-written test would not think of.
"""

from __future__ import annotations

import random
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from builders import make_docx, make_pdf
from helpers import assert_document_or_refusal
from resume_match.api import Checker
from resume_match.reading import Document, read_document
from resume_match.reading.normalize import normalize_text
from resume_match.scoring import coverage
from resume_match.taxonomy import Taxonomy, load_taxonomy

TAXONOMY = load_taxonomy()
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CLAIMS = [
    "Scheduled and confirmed patient appointments for four providers.",
    "Verified patients' insurance coverage before each visit.",
    "Entered patient data into Epic and updated charts.",
    "Strict adherence to HIPPA rules and patient confidentiality.",
    "Collected co-payments and posted payments daily.",
    "Answered a 12-line phone system and routed calls.",
    "Proficient in Microsoft Word, Excel and Outlook.",
    "Data entry at 65 WPM with 10-key.",
    "Registered new patients and updated demographics.",
    "Completed coursework in medical terminolgy.",
    "Calmly reassured anxious patients and their families.",
    "Listened attentively to patient concerns.",
    "Resolved scheduling conflicts and billing discrepancies.",
    "Adapted quickly to a new EHR rollout.",
    "Kept the front desk organized and prioritized tasks.",
    "Worked closely with nurses as part of a team.",
]
TRAPS = [
    "I have no experience with insurance verification yet.",
    "Not yet familiar with Epic, but eager to learn medical terminology.",
    "Your posting asks for HIPAA knowledge.",
    "I excel at keeping my desk tidy.",
    "Cooked an epic dinner for the staff party.",
    "Students react quickly in class.",
    "Pick up the slack when the team is busy.",
]
FILLER = [
    "Greeted visitors at the entrance of a busy clinic.",
    "Enjoy hiking and reading on weekends.",
    "References available on request.",
    "City College, 2019.",
    "Volunteered at the food bank every Saturday.",
]
HEADINGS = ["Summary", "Experience", "Skills", "Education", "Certifications", "Volunteer"]
LINES = st.sampled_from(CLAIMS + TRAPS + FILLER)


@st.composite
def sections(draw: st.DrawFn) -> list[str]:
    """A resume as sections: a heading, then one to five lines; one to five sections."""
    count = draw(st.integers(1, 5))
    headings = draw(st.permutations(HEADINGS))[:count]
    return [
        "\n".join([heading, *draw(st.lists(LINES, min_size=1, max_size=5))]) for heading in headings
    ]


def found(checker: Checker, *pages: str) -> set[str]:
    document = Document(Path("generated.txt"), "text", tuple(normalize_text(p) for p in pages))
    return {match.skill.id for match in checker.matcher.match(document)}


# --- the normaliser -----------------------------------------------------------------------------

MANY = settings(max_examples=300, deadline=None)


@MANY
@given(st.text(max_size=400))
@example("o·")
def test_normalising_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@MANY
@given(st.text(max_size=400))
def test_normalised_text_has_no_invisible_or_control_characters(text: str) -> None:
    result = normalize_text(text)
    assert "\r" not in result and "\t" not in result
    bad = [
        ch
        for ch in result
        if ch != "\n" and (unicodedata.category(ch) in ("Cc", "Cf", "Cs") or ch == "\ufffd")
    ]
    assert bad == []


@MANY
@given(st.lists(st.sampled_from(["HIPAA", "a" * 700, " " * 300, "•", "-\n", "x-"]), max_size=40))
def test_no_normalised_line_is_longer_than_5000_characters(parts: list[str]) -> None:
    text = "".join(parts) * 20
    assert max(len(line) for line in normalize_text(text).split("\n")) <= 5000


@SETTINGS
@given(
    st.lists(st.sampled_from(["HIPAA", "Epic", "scheduling", "Cerner"]), min_size=1),
    st.lists(
        st.sampled_from(["\u200b", "\u00ad", "\u200d", "\u2060", "\ufeff", "\u202e"]), min_size=1
    ),
    st.randoms(use_true_random=False),
)
def test_invisible_characters_inside_words_are_removed(
    words: list[str], junk: list[str], rng: random.Random
) -> None:
    spoiled = []
    for word in words:
        position = rng.randrange(1, len(word))
        spoiled.append(word[:position] + rng.choice(junk) + word[position:])
    assert normalize_text(" ".join(spoiled)) == " ".join(words)


@SETTINGS
@given(st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=40))
def test_full_width_letters_fold_to_ascii(text: str) -> None:
    wide = "".join(chr(ord(ch) + 0xFEE0) for ch in text)
    assert normalize_text(wide) == normalize_text(text)


# --- the score ----------------------------------------------------------------------------------

SKILL_IDS = st.sets(st.sampled_from([skill.id for skill in TAXONOMY.skills]))


@SETTINGS
@given(SKILL_IDS, SKILL_IDS)
def test_score_is_0_to_100_and_more_skills_never_lower_it(first: set[str], more: set[str]) -> None:
    base = coverage(TAXONOMY, first)
    wider = coverage(TAXONOMY, first | more)
    for cover in (base, wider):
        for score in (cover.score, cover.technical_score, cover.soft_score):
            assert 0.0 <= score <= 100.0
    assert wider.score >= base.score
    assert wider.technical_score >= base.technical_score
    assert wider.soft_score >= base.soft_score


def test_score_is_0_and_100_at_the_ends(taxonomy: Taxonomy) -> None:
    assert coverage(taxonomy, set()).score == 0.0
    assert coverage(taxonomy, {skill.id for skill in taxonomy.core}).score == 100.0


# --- the matcher --------------------------------------------------------------------------------


@SETTINGS
@given(sections(), sections())
def test_adding_a_page_or_paragraph_never_loses_a_skill(
    checker: Checker, document: list[str], more: list[str]
) -> None:
    text = "\n\n".join(document)
    before = found(checker, text)
    assert before <= found(checker, text, "\n\n".join(more))
    assert before <= found(checker, text + "\n\n" + "\n\n".join(more))
    core = {skill.id for skill in TAXONOMY.core}
    assert (
        coverage(TAXONOMY, before & core).score
        <= coverage(TAXONOMY, found(checker, text, "\n\n".join(more)) & core).score
    )


@SETTINGS
@given(sections(), st.randoms(use_true_random=False))
def test_reordering_sections_never_changes_the_skills_found(
    checker: Checker, document: list[str], rng: random.Random
) -> None:
    shuffled = list(document)
    rng.shuffle(shuffled)
    assert found(checker, "\n\n".join(shuffled)) == found(checker, "\n\n".join(document))


@SETTINGS
@given(st.lists(LINES, min_size=1, max_size=8), st.integers(2, 50))
def test_repeating_a_line_never_changes_the_skills_found(
    checker: Checker, lines: list[str], times: int
) -> None:
    text = "\n".join(lines)
    stuffed = "\n".join(lines + [lines[0]] * times)
    assert found(checker, stuffed) == found(checker, text)


# --- a document and its own text ---------------------------------------------------------------


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sections(), st.sampled_from([".pdf", ".docx"]))
def test_a_document_and_its_text_exported_to_txt_find_the_same_skills(
    checker: Checker, document: list[str], suffix: str
) -> None:
    lines = [line for section in document for line in section.splitlines()]
    lines += ["Front desk associate at a family practice for three years."] * 3
    with tempfile.TemporaryDirectory() as folder:
        original = Path(folder) / f"resume{suffix}"
        if suffix == ".pdf":
            make_pdf(original, lines)
        else:
            make_docx(original, lines)
        _assert_same_skills_as_txt(checker, original)


def _assert_same_skills_as_txt(checker: Checker, original: Path) -> None:
    result = checker.check_document(original)
    if result.status != "ok":
        return
    exported = original.with_name(original.name + ".txt")
    exported.write_text(read_document(original).text, encoding="utf-8")
    again = checker.check_document(exported)
    assert again.status == "ok"
    ids = {m.skill.id for m in (*result.matched, *result.extras)}
    assert {m.skill.id for m in (*again.matched, *again.extras)} == ids
    assert again.score == result.score


def test_corpus_documents_and_their_text_find_the_same_skills(
    corpus: Path, checker: Checker, tmp_path: Path
) -> None:
    for original in sorted([*corpus.glob("pdf/*.pdf"), *corpus.glob("docx/*.docx")]):
        copy = tmp_path / original.name
        copy.write_bytes(original.read_bytes())
        _assert_same_skills_as_txt(checker, copy)


# --- readers on arbitrary bytes -----------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".md", ".pdf", ".docx"]))
def test_any_bytes_give_a_document_or_a_document_error(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        assert_document_or_refusal(path)
