"""The HTML pages in a real headless browser: Debian's chromium driven by Playwright.

No browser is downloaded: the system's chromium is used (``RESUME_MATCH_CHROMIUM`` or ``chromium``
on PATH). Without Playwright or a browser these tests skip and say why; CI installs both.
"""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from helpers import STRONG_RESUME, write
from resume_match.cli import cli

playwright = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed: pip install '.[test]'"
)

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = "- Verified insurance eligibility <script>alert(2)</script> for each patient.\n"


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("RESUME_MATCH_CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        "/usr/bin/chromium",
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        pytest.skip(
            "no chromium on this machine (apt-get install chromium, or RESUME_MATCH_CHROMIUM)"
        )
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


class Console:
    """Every console message, page error and dialog of one page: a clean page has none."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: m.type in {"error", "warning"} and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: r.url.startswith("file:") or self.errors.append(r.url))


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
    )

    def load(path: Path) -> tuple[Any, Console]:
        page = context.new_page()
        console = Console(page)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        return page, console

    yield load
    context.close()


@pytest.fixture(scope="module")
def screened(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A folder of five candidates (hostile names and text among them), screened to HTML and CSV."""
    root = tmp_path_factory.mktemp("browser")
    apps = root / "apps"
    apps.mkdir()
    lines = STRONG_RESUME.splitlines(keepends=True)
    write(apps, f"{HOSTILE_NAME}.txt", STRONG_RESUME)
    write(apps, "ann-weak.txt", "".join(lines[:3]) + HOSTILE_TEXT + "- Front desk work " * 6)
    write(apps, "bo-mid.txt", "".join(lines[:7]) + "- Greeted every visitor warmly at the desk.\n")
    write(apps, '"><svg onload=alert(3)>.txt', "".join(lines[:5] + lines[8:]))
    (apps / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    runner = CliRunner()
    for name in ("shortlist.html", "shortlist.csv"):
        result = runner.invoke(
            cli, ["screen", str(apps), "--jobs", "1", "--no-cache", "--out", str(root / name)]
        )
        assert result.exit_code == 4, result.output
    return root / "shortlist.html", root / "shortlist.csv"


def column(page: Any, table: str, index: int) -> list[str]:
    return page.eval_on_selector_all(
        f"#{table} tbody tr", f"rows => rows.map(r => r.cells[{index}].textContent.trim())"
    )


def test_shortlist_loads_clean_and_escapes(open_page: Any, screened: tuple[Path, Path]) -> None:
    page, console = open_page(screened[0])
    assert page.title().startswith("resume-match shortlist")
    names = page.eval_on_selector_all(
        "#ranked tbody th .name", "cells => cells.map(c => c.textContent)"
    )
    assert HOSTILE_NAME + ".txt" in names and '"><svg onload=alert(3)>.txt' in names
    assert page.locator("#ranked img").count() == 0
    assert page.locator("script").count() == 1
    page.locator("#ranked tbody tr", has_text="ann-weak").locator("summary").click()
    assert (
        "<script>alert(2)</script>"
        in page.locator("#ranked tbody tr", has_text="ann-weak").inner_text()
    )
    page.wait_for_timeout(100)
    assert console.errors == [] and console.dialogs == []


def test_sorting_by_any_column(open_page: Any, screened: tuple[Path, Path]) -> None:
    page, console = open_page(screened[0])

    def numbers(index: int) -> list[float | None]:
        return [
            None if v == "\u2013" else float(v.split("/")[0]) for v in column(page, "ranked", index)
        ]

    ranks = numbers(0)
    assert ranks[:-1] == sorted(ranks[:-1]) and ranks[-1] is None
    header = page.locator("#ranked thead th").nth(4)
    header.locator("button").click()
    soft = numbers(4)
    scored = [v for v in soft if v is not None]
    assert scored == sorted(scored, reverse=True) and soft[-1] is None
    assert header.get_attribute("aria-sort") == "descending"
    header.locator("button").click()
    soft = numbers(4)
    assert [v for v in soft if v is not None] == sorted(scored) and soft[-1] is None
    assert header.get_attribute("aria-sort") == "ascending"
    page.locator("#ranked thead th").nth(1).locator("button").click()
    names = page.eval_on_selector_all("#ranked tbody th .name", "c => c.map(x => x.textContent)")
    assert names == sorted(names, key=str.lower)
    page.locator("#grid thead th").nth(3).locator("button").click()
    cells = page.eval_on_selector_all(
        "#grid tbody tr", "rows => rows.map(r => r.cells[3].dataset.sort)"
    )
    assert cells == sorted(cells, key=lambda v: -1 if v == "" else int(v), reverse=True)
    assert "Sorted by" in page.locator("#grid-status").inner_text()
    assert console.errors == []


def test_grid_matches_the_csv(open_page: Any, screened: tuple[Path, Path]) -> None:
    page, console = open_page(screened[0])
    skills = page.eval_on_selector_all("#grid thead th", "hs => hs.map(h => h.dataset.skill)")
    grid = page.eval_on_selector_all(
        "#grid tbody tr",
        """rows => rows.map(r => [r.dataset.candidate,
             Array.from(r.cells).map(c => c.dataset.sort)])""",
    )
    grid = [(name, dict(zip(skills[1:], cells[1:], strict=True))) for name, cells in grid]
    with screened[1].open(encoding="utf-8-sig", newline="") as handle:
        table = [r for r in csv.DictReader(handle) if r["status"] != "skipped"]
    expected = {
        row["candidate"].removeprefix("'")
        if row["candidate"].startswith("'=")
        else row["candidate"]: {
            key.removeprefix("skill:"): value
            for key, value in row.items()
            if key.startswith("skill:")
        }
        for row in table
    }
    assert dict(grid) == expected
    assert [name for name, _ in grid] == [row["candidate"] for row in table]
    assert console.errors == []


def test_check_page_loads_clean_and_marks_the_text(
    open_page: Any, tmp_path: Path, runner: CliRunner
) -> None:
    resume = write(tmp_path, f"{HOSTILE_NAME}.txt", STRONG_RESUME + HOSTILE_TEXT)
    out = tmp_path / "report.html"
    assert runner.invoke(cli, ["check", str(resume), "--out", str(out)]).exit_code == 0
    page, console = open_page(out)
    assert HOSTILE_NAME in page.locator("header .file").inner_text()
    assert "<script>alert(2)</script>" in page.locator(".doctext").inner_text()
    assert page.locator("img").count() == 0 and page.locator("script").count() == 0
    marks = page.locator("mark.ev")
    assert marks.count() >= 10
    page.locator("#skill-insurance-verification a.jump").click()
    assert page.evaluate("location.hash") == "#m-insurance-verification"
    assert page.locator("mark:target").get_attribute("data-skill") == "insurance-verification"
    assert console.errors == [] and console.dialogs == []


def test_pages_print_without_errors(open_page: Any, screened: tuple[Path, Path]) -> None:
    page, console = open_page(screened[0])
    page.emulate_media(media="print")
    assert page.locator("th button").first.is_visible()
    assert page.pdf()[:4] == b"%PDF"
    assert console.errors == []


def test_check_page_with_job_and_career_loads_clean(
    open_page: Any, tmp_path: Path, runner: CliRunner
) -> None:
    repo = Path(__file__).resolve().parents[2]
    posting = repo / "tests" / "data" / "postings" / "p01-clinic-psr-minimum-preferred.md"
    out = tmp_path / "job.html"
    args = ["check", str(repo / "samples" / "psr-weak-resume.pdf"), "--job", str(posting)]
    assert runner.invoke(cli, [*args, "--out", str(out)]).exit_code == 0
    page, console = open_page(out)
    assert page.locator("#job h2").inner_text() == "Job posting"
    assert page.locator("#level h2").inner_text() == "Career level"
    assert page.locator("#job tbody tr").count() >= 3
    assert console.errors == []
