"""What the screen tests share: three documents, and checks that hang, crash or hog on cue.

The checks are module-level functions because the workers import them by name.
"""

from __future__ import annotations

import csv
import os
import time
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from helpers import STRONG_RESUME
from resume_match.api import Checker
from resume_match.model import DocumentResult
from resume_match.screen import Discovery, pair_files

STRONG = STRONG_RESUME
WEAK = """Sam Rivera
EXPERIENCE
Barista at a neighbourhood coffee shop for two years. Made espresso drinks, kept the counter
clean, restocked the pastry case and opened the store on weekends with the shift lead.
"""
LETTER = """Dear Hiring Manager,
I am applying for the Patient Service Representative role. I am a good listener who listens
carefully to patient concerns, and I stay calm and courteous under pressure. I adapt quickly to
change and work closely with nurses. Sincerely, Jordan Lee
"""


def slow_on_name(checker: Checker, path: Path) -> DocumentResult:
    """A check that hangs on files named slow*, to exercise the time limit.

    It leaves its process id beside the file, so a test can check that the process is gone.
    """
    if path.name.startswith("slow"):
        (path.parent / f"{path.name}.pid").write_text(str(os.getpid()))
        time.sleep(120)
    return checker.check_document(path)


def slow_everywhere(checker: Checker, path: Path) -> DocumentResult:
    """Half a second a file, so that a worker can be killed while files are in flight."""
    time.sleep(0.5)
    return checker.check_document(path)


def alive(pid: int) -> bool:
    """Whether process ``pid`` still runs."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def crash_on_name(checker: Checker, path: Path) -> DocumentResult:
    """A check that kills its process on files named crash*, like a segfault in a parser."""
    if path.name.startswith("crash"):
        os._exit(3)
    return checker.check_document(path)


def hog_on_name(checker: Checker, path: Path) -> DocumentResult:
    """A check that asks for 3 GB on files named hog*, like a decompression bomb."""
    if path.name.startswith("hog"):
        bytearray(3 * 1024**3)
    return checker.check_document(path)


def encrypted_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), encrypt="secret")
    for y, line in enumerate(STRONG.splitlines()):
        canvas.drawString(54, 720 - 14 * y, line)
    canvas.save()
    return path


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def by_file(table: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {Path(row["resume"]).name: row for row in table}


def names(discovery: Discovery) -> list[tuple[str, str, str | None]]:
    return [
        (c.name, c.resume.name, c.cover_letter.name if c.cover_letter else None)
        for c in pair_files(discovery)
    ]


def touch(folder: Path, *files: str) -> None:
    for name in files:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


def rewrite_on_name(checker: Checker, path: Path) -> DocumentResult:
    """A check during which files named rewrite* are rewritten with the strong resume."""
    if path.name.startswith("rewrite"):
        path.write_text(STRONG, encoding="utf-8")
    return checker.check_document(path)


def broken_render(checker: Checker, path: Path) -> DocumentResult:
    """A check whose PDF visibility step has a bug: every page render raises AttributeError."""
    import pypdfium2

    real = pypdfium2.PdfPage.render

    def render(*_args: object, **_kwargs: object) -> object:
        raise AttributeError("a bug in the visibility check")

    pypdfium2.PdfPage.render = render
    try:
        return checker.check_document(path)
    finally:
        pypdfium2.PdfPage.render = real
