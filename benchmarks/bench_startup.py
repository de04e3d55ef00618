"""Start-up benchmark: how long a user waits for --help, --version and one check.

Every figure is the median wall time of several runs of a fresh process, and the check is
reported as a ratio against ``python -c "import spacy; spacy.blank('en')"`` measured in the
same run, because this machine's speed drifts by up to 1.8x over an hour.

    python benchmarks/bench_startup.py [--runs 7] [--pdf FILE]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def wall(command: list[str], runs: int) -> float:
    """Median wall time of ``command`` over ``runs`` fresh processes (one warm-up first)."""
    subprocess.run(command, capture_output=True, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def two_page_pdf(folder: Path) -> Path:
    """The shipped two-page sample, or a generated two-page resume when samples are absent."""
    sample = REPO / "samples" / "psr-strong-resume.pdf"
    if sample.is_file():
        return sample
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    path = folder / "two-page.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    line = "Scheduled patient appointments, verified insurance eligibility and collected co-pays."
    for _ in range(2):
        for row in range(50):
            pdf.drawString(54, 740 - row * 14, line)
        pdf.showPage()
    pdf.save()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pdf", type=Path, default=None)
    args = parser.parse_args()
    tool = shutil.which("resume-match")
    cli = [tool] if tool else [sys.executable, "-m", "resume_match"]
    with tempfile.TemporaryDirectory() as tmp:
        pdf = args.pdf or two_page_pdf(Path(tmp))
        baseline = wall([sys.executable, "-c", "import spacy; spacy.blank('en')"], args.runs)
        bare = wall([sys.executable, "-c", "pass"], args.runs)
        help_time = wall([*cli, "--help"], args.runs)
        version_time = wall([*cli, "--version"], args.runs)
        check_time = wall([*cli, "check", str(pdf)], args.runs)
    results = {
        "python_bare_s": round(bare, 3),
        "baseline_import_spacy_blank_s": round(baseline, 3),
        "help_s": round(help_time, 3),
        "version_s": round(version_time, 3),
        "check_2_page_pdf_s": round(check_time, 3),
        "check_over_baseline": round(check_time / baseline, 2),
        "goals": {"help_s": "< 0.3", "version_s": "< 0.3", "check_over_baseline": "<= 1.5"},
    }
    print(f"{'python -c pass':<44}{bare:8.3f} s")
    print(f"{'baseline: import spacy; spacy.blank(en)':<44}{baseline:8.3f} s")
    print(f"{'resume-match --help':<44}{help_time:8.3f} s   goal < 0.3 s")
    print(f"{'resume-match --version':<44}{version_time:8.3f} s   goal < 0.3 s")
    print(f"{'resume-match check (2-page PDF)':<44}{check_time:8.3f} s")
    print(f"{'check / baseline':<44}{check_time / baseline:8.2f} x   goal <= 1.5 x")
    out = REPO / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "startup.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
