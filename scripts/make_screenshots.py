"""Render the README's screenshots of the two HTML pages (``docs/check-page.png``,
``docs/shortlist-page.png``) with the system's headless chromium.

Run ``python scripts/make_screenshots.py`` (needs Playwright's Python package, no browser download:
``--chromium PATH`` or ``chromium`` on PATH). The check page is of the shipped weak resume with the
cover letter; the shortlist is of a folder of invented applicants built from the shipped samples
and a few short generated resumes, so no real person's details reach the repository.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
LINES = [
    "- Scheduled and confirmed patient appointments in Epic.",
    "- Verified insurance eligibility and collected co-pays.",
    "- Answered a multi-line phone system; registered new patients.",
    "- Maintained HIPAA compliance and patient confidentiality.",
    "- Used medical terminology with providers; accurate data entry.",
    "- Calmed anxious patients with empathy; solved billing problems.",
]
APPLICANTS = {
    "alex-rivera.txt": LINES,
    "sam-okafor.txt": LINES[:4],
    "lee-chen.txt": LINES[1:3],
    "pat-morgan.txt": LINES[::2],
    "jo-bauer.txt": LINES[4:],
}


def build_folder(folder: Path) -> None:
    """Invented applicants: the shipped samples under new names, and short generated resumes."""
    shutil.copy(SAMPLES / "psr-strong-resume.pdf", folder / "maria-delgado-resume.pdf")
    shutil.copy(SAMPLES / "psr-cover-letter.docx", folder / "maria-delgado-cover-letter.docx")
    shutil.copy(SAMPLES / "psr-weak-resume.docx", folder / "kayla-simmons-cv.docx")
    for name, lines in APPLICANTS.items():
        body = "\n".join(["Front desk resume", "EXPERIENCE", *lines, "- Front desk work " * 4])
        (folder / name).write_text(body + "\n", encoding="utf-8")
    (folder / "scan-only.pdf").write_bytes(b"%PDF-1.4\n% an unreadable upload\n")


def run(cwd: Path, *args: str) -> None:
    command = [sys.executable, "-m", "resume_match", *args]
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, cwd=cwd)


def shoot(
    chromium: str, page_file: Path, png: Path, width: int, height: int, open_first: bool
) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(page_file.as_uri())
        if open_first:
            page.locator("#ranked tbody tr").nth(4).locator("summary").click()
        page.screenshot(path=str(png), full_page=False)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        apps = work / "applications"
        apps.mkdir()
        build_folder(apps)
        check_page = work / "check.html"
        shortlist = work / "shortlist.html"
        run(
            ROOT,
            "check",
            "samples/psr-weak-resume.pdf",
            "--cover-letter",
            "samples/psr-cover-letter.docx",
            "--out",
            str(check_page),
        )
        run(work, "screen", "applications", "--no-cache", "--jobs", "1", "--out", str(shortlist))
        shoot(args.chromium, check_page, args.out / "check-page.png", 1100, 1500, False)
        shoot(args.chromium, shortlist, args.out / "shortlist-page.png", 1100, 1500, True)
    print(f"wrote {args.out / 'check-page.png'} and {args.out / 'shortlist-page.png'}")


if __name__ == "__main__":
    main()
