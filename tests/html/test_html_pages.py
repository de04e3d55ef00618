"""The HTML pages without a browser: escaping, the security policy, and what each section holds."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from helpers import STRONG_RESUME, write
from resume_match.api import Checker, DocumentResult
from resume_match.cli import cli
from resume_match.html import marked_text, render_check_page, shortlist_view
from resume_match.matching import Evidence, SkillMatch
from resume_match.report import check_to_dict
from resume_match.taxonomy import Taxonomy

REPO = Path(__file__).resolve().parents[2]
HOSTILE_RESUME = """Jordan Lee
EXPERIENCE
- Verified insurance eligibility <script>alert(2)</script> for every patient at the desk.
- Front desk work at a clinic for four years, with patients and families every day.
"""
HOSTILE = '<script>alert("doc")</script> <img src=x onerror=alert(1)> &amp; "quoted"'


class _Page(HTMLParser):
    """Collects tags, attributes and inline blocks, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline: dict[str, list[str]] = {"script": [], "style": []}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.inline:
            self._open = tag
            self.inline[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.inline[self._open][-1] += data


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def csp(page: _Page) -> str:
    metas = [a for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert len(metas) == 1
    return metas[0]["content"] or ""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def assert_self_contained(page: _Page) -> None:
    """Only our inline style and script, each allowed by its hash; nothing loads from anywhere."""
    policy = csp(page)
    assert "default-src 'none'" in policy
    assert [
        t for t, _ in page.tags if t in {"img", "iframe", "object", "embed", "link", "base"}
    ] == []
    for tag, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert tag != "script" or "src" not in attrs
        for value in attrs.values():
            assert not re.match(r"\s*(https?:|//|javascript:)", value or ""), (tag, attrs)
    for style in page.inline["style"]:
        assert sha256(style) in policy
    for script in page.inline["script"]:
        assert sha256(script) in policy
    if not page.inline["script"]:
        assert "script-src 'none'" in policy


@pytest.fixture(scope="module")
def text_checker(taxonomy: Taxonomy) -> Checker:
    return Checker(taxonomy, keep_text=True)


def test_check_page_marks_evidence_in_the_documents_words(
    text_checker: Checker, tmp_path: Path
) -> None:
    resume = write(tmp_path, "resume.txt", STRONG_RESUME + "\n" + HOSTILE + "\n")
    result = text_checker.check(resume)
    marked = marked_text(result.resume)
    assert marked is not None
    page_text = render_check_page(check_to_dict(result), [marked])
    page = parse(page_text)
    assert_self_contained(page)
    assert page.inline["script"] == []
    assert "&lt;script&gt;alert(&#34;doc&#34;)&lt;/script&gt;" in page_text
    assert "<img" not in page_text
    marks = [a for t, a in page.tags if t == "mark"]
    found = {m.skill.id for m in (*result.resume.matched, *result.resume.extras)}
    assert {a["data-skill"] for a in marks} == found
    anchors = [a["id"] for a in marks if a.get("id")]
    assert sorted(anchors) == sorted(f"m-{skill}" for skill in found)
    links = {
        a["href"] for t, a in page.tags if t == "a" and (a.get("href") or "").startswith("#m-")
    }
    assert links <= {f"#{anchor}" for anchor in anchors}
    headings = [t for t, _ in page.tags if t in {"h1", "h2", "h3"}]
    assert headings[0] == "h1" and headings.count("h1") == 1


def test_check_page_with_cover_letter_says_what_each_adds(
    text_checker: Checker, tmp_path: Path
) -> None:
    resume = write(tmp_path, "r.txt", "Jordan Lee\n" + "Scheduled patient appointments. " * 10)
    letter = write(tmp_path, "l.txt", "Dear team, " + "I verified insurance eligibility. " * 10)
    result = text_checker.check(resume, letter)
    assert result.cover_letter is not None
    texts = [t for t in map(marked_text, (result.resume, result.cover_letter)) if t]
    page_text = render_check_page(check_to_dict(result), texts)
    assert "What each document adds" in page_text
    adds = page_text.split("What each document adds")[1].split("</table>")[0]
    resume_row, letter_row = adds.split('<th scope="row">')[1:]
    assert "Appointment Scheduling" in resume_row and "Insurance" not in resume_row
    assert "Insurance Verification" in letter_row and "Appointment" not in letter_row
    ids = [a["id"] for t, a in parse(page_text).tags if a.get("id")]
    assert len(ids) == len(set(ids))


def test_job_and_career_sections_slot_in(text_checker: Checker, tmp_path: Path) -> None:
    result = text_checker.check(write(tmp_path, "r.txt", STRONG_RESUME))
    data: dict[str, Any] = check_to_dict(result)
    assert "Job posting" not in render_check_page(data)
    data["job"] = {"title": "Front desk <b>", "unmet": [{"text": "bilingual Spanish"}]}
    data["career"] = {"best": "Senior", "next": "Lead", "missing": ["coaching"]}
    page_text = render_check_page(data)
    assert '<h2 id="job-h">Job posting</h2>' in page_text
    assert '<h2 id="level-h">Career level</h2>' in page_text
    assert "Front desk &lt;b&gt;" in page_text and "bilingual Spanish" in page_text
    assert "coaching" in page_text


def test_check_job_and_career_in_the_page(runner: CliRunner, tmp_path: Path) -> None:
    posting = REPO / "tests" / "data" / "postings" / "p01-clinic-psr-minimum-preferred.md"
    resume = REPO / "samples" / "psr-weak-resume.pdf"
    out = tmp_path / "report.html"
    result = runner.invoke(cli, ["check", str(resume), "--job", str(posting), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page_text = out.read_text(encoding="utf-8")
    assert_self_contained(parse(page_text))
    data = json.loads(
        runner.invoke(cli, ["check", str(resume), "--job", str(posting), "--format", "json"]).stdout
    )
    job, career = data["job"], data["career"]
    assert f'{job["score"]:.1f}<span class="of">/100' in page_text
    section = page_text.split('id="job"')[1].split("</section>")[0]
    for skill in job["skills"]:
        assert f'<th scope="row">{skill["name"]}</th>' in section
    assert section.count("&#10003; met") == sum(1 for s in job["skills"] if s["met"]) + sum(
        1 for t in job["terms"] if t["met"]
    ) + (1 if (job["experience"].get("met")) else 0)
    levels = page_text.split('id="level"')[1].split("</section>")[0]
    assert f"<strong>{career['name']}</strong>" in levels
    assert all(level["name"] in levels for level in career["levels"])


def test_unreadable_document_page(tmp_path: Path, text_checker: Checker) -> None:
    result = text_checker.check(tmp_path / "missing <x>.pdf")
    page_text = render_check_page(check_to_dict(result))
    assert "Not scored" in page_text and "missing &lt;x&gt;.pdf" in page_text


@given(
    text=st.text(min_size=1, max_size=200),
    spans=st.lists(st.tuples(st.integers(0, 220), st.integers(1, 40)), max_size=12),
)
def test_marked_text_keeps_every_character_once(
    taxonomy: Taxonomy, text: str, spans: list[tuple[int, int]]
) -> None:
    skill = taxonomy.core[0]
    evidence = tuple(Evidence("", "", 1, "Body", s, s + n) for s, n in spans)
    result = DocumentResult("f", "ok", matched=(SkillMatch(skill, evidence),), text=text)
    marked = marked_text(result)
    assert marked is not None
    assert "".join(s.text for s in marked.segments) == text
    assert all(s.text for s in marked.segments)
    assert marked.marks == sum(1 for s in marked.segments if s.skill)


def test_shortlist_view_counts() -> None:
    def row(name: str, score: float | None, found: list[str]) -> dict[str, Any]:
        status = "ok" if score is not None else "error"
        return {"candidate": name, "rank": None, "shortlisted": status == "ok",
                "filtered_out": None, "file": name, "status": status, "reason": None,
                "score": score, "technical_score": score, "soft_score": score,
                "matched": [{"id": i, "name": i, "evidence": []} for i in found],
                "missing": [], "flags": []}  # fmt: skip

    skills = [{"id": i, "name": i.upper(), "category": "technical", "keyword": i, "hint": ""}
              for i in ("a", "b")]  # fmt: skip
    view = shortlist_view(
        [row("x", 100.0, ["a", "b"]), row("y", 9.9, ["a"]), row("z", 55.0, []), row("w", None, [])],
        skills,
        {"taxonomy": "t", "failed": 1, "filters": {"min_score": None, "require": [], "top": None}},
    )
    assert [b["count"] for b in view["distribution"]] == [1, 0, 0, 0, 0, 1, 0, 0, 0, 1]
    assert [(p["id"], p["count"]) for p in view["pool"]] == [("a", 2), ("b", 1)]
    assert view["scored"] == 3 and view["median"] == 55.0
    assert view["candidates"][3]["score"] is None


def test_check_cli_writes_html(runner: CliRunner, tmp_path: Path) -> None:
    resume = write(tmp_path, "<b>resume<i>.txt", STRONG_RESUME)
    out = tmp_path / "report.html"
    result = runner.invoke(cli, ["check", str(resume), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page_text = out.read_text(encoding="utf-8")
    assert "&lt;b&gt;resume&lt;i&gt;.txt" in page_text and "<b>resume" not in page_text
    assert_self_contained(parse(page_text))
    printed = runner.invoke(cli, ["check", str(resume), "--format", "html"])
    assert printed.exit_code == 0 and printed.stdout.startswith("<!DOCTYPE html>")


def test_check_cli_out_errors(runner: CliRunner, tmp_path: Path) -> None:
    resume = write(tmp_path, "resume.txt", STRONG_RESUME)
    missing_folder = runner.invoke(
        cli, ["check", str(resume), "--out", str(tmp_path / "no" / "r.html")]
    )
    assert missing_folder.exit_code == 2
    assert "does not exist" in missing_folder.stderr and "Traceback" not in missing_folder.output
    folder = runner.invoke(cli, ["check", str(resume), "--out", str(tmp_path)])
    assert folder.exit_code == 2


def test_screen_cli_writes_html_with_hostile_names(runner: CliRunner, tmp_path: Path) -> None:
    apps = tmp_path / "apps"
    apps.mkdir()
    write(apps, "<img src=x onerror=alert(1)>.txt", STRONG_RESUME)
    write(apps, "plain.txt", HOSTILE_RESUME)
    (apps / "broken.pdf").write_bytes(b"not a pdf")
    out = tmp_path / "shortlist.html"
    result = runner.invoke(cli, ["screen", str(apps), "--jobs", "1", "--out", str(out)])
    assert result.exit_code == 4, result.output
    page_text = out.read_text(encoding="utf-8")
    page = parse(page_text)
    assert_self_contained(page)
    assert len(page.inline["script"]) == 1
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in page_text
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page_text
    assert "<script>alert" not in page_text
    rows = [a for t, a in page.tags if t == "tr" and "data-candidate" in a]
    assert len(rows) == 2 * 3
    headers = [a for t, a in page.tags if t == "th" and a.get("scope") in {"col", "row"}]
    assert headers


def test_shortlist_by_posting_has_a_fit_column(runner: CliRunner, tmp_path: Path) -> None:
    posting = REPO / "tests" / "data" / "postings" / "p01-clinic-psr-minimum-preferred.md"
    apps = tmp_path / "apps"
    apps.mkdir()
    write(apps, "jordan.txt", STRONG_RESUME)
    write(apps, "sam.txt", HOSTILE_RESUME)
    pages = {}
    for suffix in ("html", "json"):
        out = tmp_path / f"shortlist.{suffix}"
        args = ["screen", str(apps), "-j", "1", "--job", str(posting), "--out", str(out)]
        assert runner.invoke(cli, args).exit_code == 0
        pages[suffix] = out.read_text(encoding="utf-8")
    assert '<button type="button">Fit</button>' in pages["html"]
    for row in json.loads(pages["json"])["candidates"]:
        assert f'data-sort="{row["fit"]}">{row["fit"]:.1f}</td>' in pages["html"]


def test_check_page_gives_no_english_advice_to_a_document_in_another_language(
    tmp_path: Path, text_checker: Checker
) -> None:
    spanish = write(
        tmp_path,
        "cv.txt",
        "Curriculum vitae\nExperiencia\n"
        + "Atendí a los pacientes en la recepción de la clínica y programé las citas con los "
        "médicos de la mañana. Llevé el archivo de los expedientes y cobré los pagos de la "
        "consulta. Trabajé con el equipo de enfermería para que cada paciente fuera atendido "
        "a tiempo y con amabilidad. " * 3,
    )
    result = text_checker.check(spanish)
    assert any(flag.kind == "not-english" for flag in result.main.flags)
    page = render_check_page(check_to_dict(result))
    assert "does not read as English" in page
    assert 'class="hint"' not in page
