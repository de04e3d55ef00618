"""Benchmark ``resume-match screen`` on generated applications against a grep floor.

Generates (once, seeded) a folder of realistic applications in ``benchmarks/out/``: PDF (one
column or a two-column sidebar layout, one or two pages), DOCX (paragraphs, bullets, a skills
table in some) and TXT, with a cover letter beside some resumes. Then times, as whole commands
with start-up included:

- ``resume-match screen FOLDER --no-cache --jobs 1`` and ``--jobs 2``;
- a floor that only extracts text and greps for the taxonomy's phrases, one file after another:
  ``pdftotext FILE - | grep -F -i -o -f keywords`` per PDF (LC_ALL=C), one python process
  dumping every DOCX with python-docx (paragraphs and tables) into one grep, and ``grep`` per TXT.

Prints a table and the ratios, and writes ``benchmarks/out/screen.json``.

    python benchmarks/bench_screen.py [--files 1000] [--repeat 1] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"

FIRST = [
    "Aaliyah", "Amir", "Ana", "Andre", "Ava", "Ben", "Carmen", "Chloe", "Daniel", "Dev", "Elena",
    "Eli", "Fatima", "Grace", "Hana", "Ivan", "Jada", "Jamal", "Jin", "Jordan", "Kai", "Keisha",
    "Laila", "Leo", "Lucia", "Maya", "Mateo", "Mei", "Nia", "Noah", "Omar", "Priya", "Rosa",
    "Sam", "Sofia", "Tariq", "Uma", "Victor", "Wei", "Yara", "Zoe",
]  # fmt: skip
LAST = [
    "Abbott", "Alvarez", "Baker", "Chen", "Cohen", "Diaz", "Edwards", "Fischer", "Garcia",
    "Gupta", "Hall", "Ibrahim", "Jackson", "Kim", "Kowalski", "Lee", "Lopez", "Martin", "Murphy",
    "Nguyen", "Okafor", "Patel", "Quinn", "Reyes", "Rossi", "Singh", "Smith", "Tanaka", "Torres",
    "Walker", "Washington", "Young", "Zhang",
]  # fmt: skip
CITIES = [
    "Springfield, IL",
    "Madison, WI",
    "Tucson, AZ",
    "Columbus, OH",
    "Raleigh, NC",
    "Boise, ID",
]
EMPLOYERS = [
    "Lakeside Family Medicine", "Northwest Community Clinic", "St. Mary's Medical Group",
    "Valley Orthopedics", "Riverside Pediatrics", "Harbor Dental Care", "Mercy Urgent Care",
    "Summit Dermatology", "Greenfield Physical Therapy", "City Hospital Outpatient Center",
]  # fmt: skip
OTHER_EMPLOYERS = ["Bean There Coffee", "QuickMart", "Sunrise Hotel", "Metro Call Solutions"]
TITLES = [
    "Patient Service Representative", "Front Desk Receptionist", "Medical Receptionist",
    "Patient Access Representative", "Patient Registrar", "Front Office Coordinator",
]  # fmt: skip
OTHER_TITLES = ["Barista", "Cashier", "Hotel Front Desk Agent", "Customer Service Agent"]
PSR_BULLETS = [
    "Scheduled, confirmed and rescheduled {n} patient appointments a day in {ehr}.",
    "Verified insurance eligibility and benefits before each visit; obtained prior authorizations.",
    "Registered new patients and updated demographics in the {ehr} practice management system.",
    "Collected co-pays and balances, posted payments and balanced the cash drawer daily.",
    "Answered a {lines}-line phone system, triaged calls and routed messages to nurses.",
    "Maintained HIPAA compliance and patient confidentiality at the front desk.",
    "Explained billing statements and financial policies to patients with empathy.",
    "Used medical terminology to route referrals and record the reason for each visit.",
    "Entered intake forms and referral data accurately with {wpm} WPM typing.",
    "Resolved scheduling conflicts and billing questions calmly during peak hours.",
    "Checked patients in and out, scanned insurance cards and photo IDs.",
    "Coordinated with physicians and medical assistants to keep clinic flow on time.",
    "Trained {k} new front desk staff on check-in workflow and {ehr} shortcuts.",
    "Listened to patient concerns and escalated complaints to the practice manager.",
]  # fmt: skip
OTHER_BULLETS = [
    "Prepared espresso drinks and handled a register in a high-volume cafe.",
    "Greeted guests, processed payments and kept the lobby clean and stocked.",
    "Handled {n} inbound customer calls a day and logged every case in Salesforce.",
    "Opened and closed the store, counted the till and restocked shelves.",
    "Worked weekend shifts and covered for coworkers on short notice.",
]  # fmt: skip
EHRS = ["Epic", "Cerner", "athenahealth", "eClinicalWorks", "NextGen", "Meditech", "Kareo"]
SKILLS = [
    "EHR systems", "Epic Cadence", "insurance verification", "appointment scheduling",
    "patient registration", "HIPAA", "medical terminology", "payment posting", "multi-line phones",
    "Microsoft Office", "data entry", "bilingual English/Spanish", "active listening",
    "problem-solving", "adaptability", "professionalism", "time management", "teamwork",
    "customer service", "cash handling", "Excel", "typing 60 WPM", "conflict resolution",
]  # fmt: skip
CERTS = [
    "CPR/BLS (American Heart Association)",
    "Certified Patient Access Specialist (CHAA)",
    "Medical Terminology certificate",
    "Certified Medical Administrative Assistant (CMAA)",
]
SUMMARIES = [
    "{title} with {years} years of experience in busy outpatient clinics. Known for a calm, "
    "friendly manner, accurate registration and quick insurance verification.",
    "Detail-oriented front office professional who keeps schedules full and patients informed. "
    "Comfortable with {ehr}, payments and multi-line phones.",
    "Customer-focused worker moving into healthcare administration; strong communication and "
    "cash-handling skills, eager to support patients and providers.",
]  # fmt: skip
LETTER = [
    "Dear Hiring Manager,",
    "I am writing to apply for the {title} position at {employer}. In {years} years at the front "
    "desk I have learned to listen carefully to patients, stay calm under pressure and adapt "
    "quickly when the day changes.",
    "I would welcome the chance to bring my experience with scheduling, insurance verification "
    "and {ehr} to your team.",
    "Sincerely,",
    "{name}",
]  # fmt: skip


def resume_content(rng: random.Random, name: str, pages: int) -> dict[str, list[str]]:
    """Sections of one resume: header, summary, experience bullets, skills, education."""
    psr = rng.random() < 0.75
    ehr = rng.choice(EHRS)
    years = rng.randint(1, 12)
    title = rng.choice(TITLES if psr else OTHER_TITLES)

    def fill(text: str) -> str:
        return text.format(
            n=rng.randint(30, 120), ehr=ehr, lines=rng.choice([6, 8, 12]), wpm=rng.randint(45, 75),
            k=rng.randint(2, 8), title=title, years=years,
        )  # fmt: skip

    jobs = []
    for index in range(rng.randint(2, 3) + 2 * (pages - 1)):
        healthcare = psr and (index < 2 or rng.random() < 0.5)
        employer = rng.choice(EMPLOYERS if healthcare else OTHER_EMPLOYERS)
        role = rng.choice(TITLES if healthcare else OTHER_TITLES)
        start = 2024 - 2 * index - rng.randint(1, 2)
        jobs.append(f"{role} - {employer}, {rng.choice(CITIES)} ({start} - {start + 2})")
        pool = PSR_BULLETS if healthcare else OTHER_BULLETS
        jobs.extend(f"- {fill(b)}" for b in rng.sample(pool, min(len(pool), rng.randint(3, 5))))
    phone = f"(555) 01{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
    email = f"{name.lower().replace(' ', '.')}@example.com"
    return {
        "header": [name, f"{rng.choice(CITIES)} | {phone} | {email}"],
        "summary": [fill(rng.choice(SUMMARIES))],
        "experience": jobs,
        "skills": rng.sample(SKILLS, rng.randint(5, 10)),
        "education": [
            rng.choice(["Medical Office Administration Certificate, Madison College",
                        "A.A.S. Health Information Technology, Valley Community College",
                        "High School Diploma, Central High School"]),
            *rng.sample(CERTS, rng.randint(0, 2)),
        ],
    }  # fmt: skip


def letter_lines(rng: random.Random, name: str) -> list[str]:
    values = {
        "title": rng.choice(TITLES), "employer": rng.choice(EMPLOYERS), "years": rng.randint(1, 9),
        "ehr": rng.choice(EHRS), "name": name,
    }  # fmt: skip
    return [line.format(**values) for line in LETTER]


def as_lines(content: dict[str, list[str]]) -> list[str]:
    lines = [*content["header"], "", "SUMMARY", *content["summary"], "", "EXPERIENCE"]
    lines += content["experience"]
    lines += ["", "SKILLS", ", ".join(content["skills"]), "", "EDUCATION", *content["education"]]
    return lines


def write_txt(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_docx(path: Path, content: dict[str, list[str]] | None, lines: list[str] | None) -> None:
    import docx

    document = docx.Document()
    if content is None:
        for line in lines or []:
            document.add_paragraph(line)
        document.save(str(path))
        return
    document.add_heading(content["header"][0], level=1)
    document.add_paragraph(content["header"][1])
    document.add_heading("Summary", level=2)
    document.add_paragraph(content["summary"][0])
    document.add_heading("Experience", level=2)
    for line in content["experience"]:
        if line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        else:
            document.add_paragraph(line).runs[0].bold = True
    document.add_heading("Skills", level=2)
    skills = content["skills"]
    if len(skills) % 2 == 0:
        table = document.add_table(rows=len(skills) // 2, cols=2)
        for index, skill in enumerate(skills):
            table.cell(index // 2, index % 2).text = skill
    else:
        document.add_paragraph(", ".join(skills))
    document.add_heading("Education", level=2)
    for line in content["education"]:
        document.add_paragraph(line)
    document.save(str(path))


def write_pdf(path: Path, content: dict[str, list[str]] | None, lines: list[str] | None,
              two_column: bool) -> None:  # fmt: skip
    from reportlab.lib.pagesizes import LETTER as PAGE
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=PAGE, invariant=1)
    height = PAGE[1]
    top, bottom = height - 60, 60

    def flow(items: list[str], x: float, y: float, chars: int, size: float = 10) -> float:
        for item in items:
            wrapped = textwrap.wrap(item, chars) or [""]
            for part in wrapped:
                if y < bottom:
                    canvas.showPage()
                    y = top
                canvas.setFont("Helvetica-Bold" if item.isupper() else "Helvetica", size)
                canvas.drawString(x, y, part)
                y -= size * 1.4
        return y

    if content is None:
        flow(lines or [], 60, top, 95)
    elif two_column:
        canvas.setFont("Helvetica-Bold", 16)
        canvas.drawString(60, top, content["header"][0])
        sidebar = ["CONTACT", *content["header"][1].split(" | "), "", "SKILLS", *content["skills"],
                   "", "EDUCATION", *content["education"]]  # fmt: skip
        flow(sidebar, 40, top - 30, 30, 9)
        main = ["SUMMARY", *content["summary"], "", "EXPERIENCE", *content["experience"]]
        flow(main, 215, top - 30, 70)
    else:
        flow(as_lines(content), 60, top, 95)
    canvas.showPage()
    canvas.save()


def generate(folder: Path, count: int, seed: int) -> dict[str, int]:
    """Write ``count`` files into ``folder``; return how many of each kind."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    kinds = {"pdf": 0, "pdf-two-column": 0, "docx": 0, "txt": 0, "cover-letters": 0, "two-page": 0}
    written = person = 0
    while written < count:
        person += 1
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        stem = f"{name.lower().replace(' ', '-')}-{person:04d}"
        pages = 2 if rng.random() < 0.3 else 1
        content = resume_content(rng, name, pages)
        kinds["two-page"] += pages == 2
        roll = rng.random()
        if roll < 0.45:
            two_column = rng.random() < 0.35
            write_pdf(folder / f"{stem}-resume.pdf", content, None, two_column)
            kinds["pdf-two-column" if two_column else "pdf"] += 1
        elif roll < 0.8:
            write_docx(folder / f"{stem}-resume.docx", content, None)
            kinds["docx"] += 1
        else:
            write_txt(folder / f"{stem}-resume.txt", as_lines(content))
            kinds["txt"] += 1
        written += 1
        if written < count and rng.random() < 0.15:
            letter = letter_lines(rng, name)
            if rng.random() < 0.5:
                write_docx(folder / f"{stem}-cover-letter.docx", None, letter)
            else:
                write_pdf(folder / f"{stem}-cover-letter.pdf", None, letter, False)
            kinds["cover-letters"] += 1
            written += 1
    return kinds


def keywords_file(path: Path) -> Path:
    from resume_match.taxonomy import load_taxonomy

    words: set[str] = set()
    for skill in load_taxonomy().skills:
        words.update(p.lower() for p in (*skill.phrases, *skill.members, *skill.exact))
        words.update(p.lower() for p in skill.context_members)
    path.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    return path


def timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run_screen(folder: Path, jobs: int, out: Path) -> None:
    command = [sys.executable, "-m", "resume_match", "screen", str(folder), "--no-cache",
               "--jobs", str(jobs), "--out", str(out)]  # fmt: skip
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    if done.returncode not in (0, 4):
        raise SystemExit(f"screen failed ({done.returncode}): {done.stderr.decode()[-500:]}")


DOCX_DUMP = """
import sys, docx
for name in sys.argv[1:]:
    d = docx.Document(name)
    for p in d.paragraphs:
        print(p.text)
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                print(cell.text)
"""


def run_floor(folder: Path, keywords: Path) -> None:
    env = {**os.environ, "LC_ALL": "C"}
    grep = ["grep", "-F", "-i", "-o", "-f", str(keywords)]
    files = sorted(folder.iterdir())
    for path in files:
        if path.suffix == ".pdf":
            text = subprocess.Popen(["pdftotext", "-q", str(path), "-"], stdout=subprocess.PIPE)
            subprocess.run(grep, stdin=text.stdout, stdout=subprocess.DEVNULL, env=env, check=False)
            assert text.stdout is not None
            text.stdout.close()
            text.wait()
        elif path.suffix == ".txt":
            subprocess.run([*grep, str(path)], stdout=subprocess.DEVNULL, env=env, check=False)
    docx_files = [str(p) for p in files if p.suffix == ".docx"]
    dump = subprocess.Popen([sys.executable, "-c", DOCX_DUMP, *docx_files], stdout=subprocess.PIPE)
    subprocess.run(grep, stdin=dump.stdout, stdout=subprocess.DEVNULL, env=env, check=False)
    assert dump.stdout is not None
    dump.stdout.close()
    if dump.wait() != 0:
        raise SystemExit("the DOCX dump failed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="applications to generate")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; the best time counts")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if shutil.which("pdftotext") is None:
        raise SystemExit("pdftotext is missing: apt-get install -y poppler-utils")
    folder = OUT / f"applications-{args.files}-seed{args.seed}"
    manifest = folder / ".manifest.json"
    if manifest.is_file():
        kinds = json.loads(manifest.read_text(encoding="utf-8"))
    else:
        shutil.rmtree(folder, ignore_errors=True)
        print(f"generating {args.files} applications in {folder} ...", file=sys.stderr)
        kinds = generate(folder, args.files, args.seed)
        manifest.write_text(json.dumps(kinds), encoding="utf-8")
    keywords = keywords_file(OUT / "keywords.txt")
    load_before = os.getloadavg()[0]
    outs = {jobs: OUT / f"screen-jobs{jobs}.csv" for jobs in (1, 2)}
    best = {"floor": float("inf"), "jobs1": float("inf"), "jobs2": float("inf")}
    for _ in range(args.repeat):
        best["floor"] = min(best["floor"], timed(lambda: run_floor(folder, keywords)))
        for jobs in (1, 2):
            seconds = timed(lambda jobs=jobs: run_screen(folder, jobs, outs[jobs]))  # type: ignore[misc]
            best[f"jobs{jobs}"] = min(best[f"jobs{jobs}"], seconds)
    rate = {name: args.files / seconds for name, seconds in best.items()}
    identical = outs[1].read_bytes() == outs[2].read_bytes()
    ratios = {
        "jobs2_vs_floor": rate["jobs2"] / rate["floor"],
        "jobs2_vs_jobs1": rate["jobs2"] / rate["jobs1"],
    }
    labels = {
        "floor": "floor: pdftotext|grep, python-docx dump|grep, grep",
        "jobs1": "resume-match screen --jobs 1",
        "jobs2": "resume-match screen --jobs 2",
    }
    print(f"{args.files} files: {kinds}")
    print(f"{'command':<54}{'seconds':>9}{'files/s':>10}")
    for name, label in labels.items():
        print(f"{label:<54}{best[name]:>9.2f}{rate[name]:>10.1f}")
    print(f"screen --jobs 2 vs floor: {ratios['jobs2_vs_floor']:.2f} (goal >= 1.0)")
    print(f"scaling jobs 2 / jobs 1:  {ratios['jobs2_vs_jobs1']:.2f} (goal >= 1.6)")
    print(f"jobs 1 and jobs 2 reports identical: {identical}")
    print(f"load average before / after: {load_before:.2f} / {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} CPUs (other work on the machine skews the times)")  # fmt: skip
    result = {
        "files": args.files, "seed": args.seed, "repeat": args.repeat, "mix": kinds,
        "seconds": best, "files_per_second": rate, "ratios": ratios,
        "identical_reports": identical, "cpus": os.cpu_count(),
        "load_average": [load_before, os.getloadavg()[0]], "python": platform.python_version(),
    }  # fmt: skip
    (OUT / "screen.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
