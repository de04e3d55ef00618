"""Every speed goal of issue 12 in one run: whole commands, start-up included, as ratios.

This machine's speed drifts (other work, up to 1.8x over an hour), so each figure is the median
of several rounds, every round times each command and its baseline back to back, and only ratios
measured in the same run are compared:

- ``generated``: ``screen --jobs 1 --no-cache`` over the 1,000-file folder of
  ``bench_screen.py`` against the serial floor (``pdftotext | grep -F`` per PDF, one python-docx
  dump into grep, ``grep`` per TXT), and ``--jobs 2`` over ``--jobs 1``;
- ``real-style``: the same on 600 copies of the corpus's Kaggle two-page PDFs (wkhtmltopdf), copied
  into ``benchmarks/out/`` at run time and never committed; skipped when the corpus is absent;
- ``corpus``: ``screen --no-cache`` (default jobs) of the corpus's PDF and DOCX files against the
  floor's wall time on the same files;
- ``check``: ``check`` of a two-page PDF against ``python -c "import spacy; spacy.blank('en')"``.

Files per second ratios are floor time / screen time (higher is better). With ``--before`` pointing
at an earlier version's ``src/``, its ``screen`` and ``check`` run in the same rounds, and the
reports of both versions are compared byte for byte. CPU seconds are those of the processes each
command waited for. Appends to ``benchmarks/out/speed.json``.

    python benchmarks/bench_speed.py [--rounds 3] [--copies 600] [--only generated,check]
        [--before ../old/src]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench_screen import DOCX_DUMP, OUT, generate, keywords_file

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus")
SCENARIOS = ("generated", "real-style", "corpus", "check")


def timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def floor(files: list[Path], keywords: Path) -> None:
    """Extract text and grep for the taxonomy's phrases, one file after another."""
    env = {**os.environ, "LC_ALL": "C"}
    grep = ["grep", "-F", "-i", "-o", "-f", str(keywords)]
    for path in files:
        if path.suffix == ".pdf":
            text = subprocess.Popen(["pdftotext", "-q", str(path), "-"], stdout=subprocess.PIPE)
            subprocess.run(grep, stdin=text.stdout, stdout=subprocess.DEVNULL, env=env, check=False)
            assert text.stdout is not None
            text.stdout.close()
            text.wait()
        elif path.suffix in (".txt", ".md"):
            subprocess.run([*grep, str(path)], stdout=subprocess.DEVNULL, env=env, check=False)
    docx_files = [str(p) for p in files if p.suffix == ".docx"]
    if docx_files:
        dump = subprocess.Popen(
            [sys.executable, "-c", DOCX_DUMP, *docx_files], stdout=subprocess.PIPE
        )
        subprocess.run(grep, stdin=dump.stdout, stdout=subprocess.DEVNULL, env=env, check=False)
        assert dump.stdout is not None
        dump.stdout.close()
        dump.wait()


def cli() -> list[str]:
    return [sys.executable, "-m", "resume_match"]


def with_source(source: Path | None) -> dict[str, str] | None:
    """The environment that runs resume-match from ``source`` (another checkout's src/)."""
    return None if source is None else {**os.environ, "PYTHONPATH": str(source)}


def screen(folders: list[Path], jobs: int | None, out: Path, source: Path | None = None) -> None:
    command = [*cli(), "screen", *map(str, folders), "--no-cache", "--out", str(out)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    done = subprocess.run(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
        env=with_source(source),
    )
    if done.returncode not in (0, 4):
        raise SystemExit(f"screen failed ({done.returncode}): {done.stderr.decode()[-800:]}")


def quiet(command: list[str], source: Path | None = None) -> None:
    subprocess.run(command, capture_output=True, check=False, env=with_source(source))


def generated_folder(count: int, seed: int) -> Path:
    folder = OUT / f"applications-{count}-seed{seed}"
    manifest = folder / ".manifest.json"
    if not manifest.is_file():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"generating {count} applications in {folder} ...", file=sys.stderr)
        manifest_data = generate(folder, count, seed)
        manifest.write_text(json.dumps(manifest_data), encoding="utf-8")
    return folder


def real_style_folder(copies: int) -> Path | None:
    """``copies`` files cycling through the corpus's Kaggle PDFs, or None without the corpus."""
    sources = sorted((CORPUS / "pdf").glob("kaggle-*.pdf"))
    if not sources:
        return None
    folder = OUT / f"real-style-{copies}"
    marker = folder / ".complete"
    if marker.is_file() and marker.read_text() == "\n".join(map(str, sources)):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for index in range(copies):
        source = sources[index % len(sources)]
        shutil.copyfile(source, folder / f"{index:04d}-{source.name}")
    marker.write_text("\n".join(map(str, sources)))
    return folder


def one_report(name: str) -> bytes:
    return (OUT / f"speed-{name}-jobs1.csv").read_bytes()


def files_of(folders: list[Path]) -> list[Path]:
    suffixes = {".pdf", ".docx", ".txt", ".md"}
    return sorted(p for f in folders for p in f.iterdir() if p.suffix in suffixes)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Rounds:
    """Wall times of named commands, one list per name, each round timing them back to back.

    ``cpu`` keeps the CPU seconds of the processes each command ran, as far as they were waited
    for: exact for the floor and for workers forked by ``screen`` itself, short of the truth for
    workers that come from a fork server (the server is never waited for).
    """

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}

    def add(self, name: str, action: Callable[[], None]) -> None:
        before = children_cpu()
        self.times.setdefault(name, []).append(timed(action))
        self.cpu.setdefault(name, []).append(children_cpu() - before)

    def median(self, name: str) -> float:
        return statistics.median(self.times[name])

    def ratio(self, slow: str, fast: str) -> float:
        """Median over rounds of slow/fast, each pair measured side by side."""
        return statistics.median(
            a / b for a, b in zip(self.times[slow], self.times[fast], strict=True)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--files", type=int, default=1000, help="generated applications")
    parser.add_argument("--copies", type=int, default=600, help="real-style PDFs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", default=",".join(SCENARIOS), help="comma-separated scenarios")
    parser.add_argument("--label", default="", help="a name for this run in speed.json")
    parser.add_argument(
        "--before",
        type=Path,
        default=None,
        help="the src/ folder of an earlier version: its screen --jobs 1 and check are timed in "
        "the same rounds, so before and after are compared side by side",
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
    if shutil.which("pdftotext") is None:
        raise SystemExit("pdftotext is missing: apt-get install -y poppler-utils")
    OUT.mkdir(parents=True, exist_ok=True)
    keywords = keywords_file(OUT / "keywords.txt")
    folders: dict[str, list[Path]] = {}
    if "generated" in only:
        folders["generated"] = [generated_folder(args.files, args.seed)]
    if "real-style" in only:
        real = real_style_folder(args.copies)
        if real is None:
            print(f"real-style: skipped, no Kaggle PDFs in {CORPUS / 'pdf'}", file=sys.stderr)
        else:
            folders["real-style"] = [real]
    if "corpus" in only:
        corpus = [CORPUS / "pdf", CORPUS / "docx"]
        if all(f.is_dir() for f in corpus):
            folders["corpus"] = corpus
        else:
            print(f"corpus: skipped, {CORPUS} is absent", file=sys.stderr)
    pdf = REPO / "samples" / "psr-strong-resume.pdf"
    bare = [sys.executable, "-c", "import spacy; spacy.blank('en')"]
    rounds = Rounds()
    loads = [os.getloadavg()[0]]
    quiet(bare)  # warm the page cache
    for number in range(args.rounds):
        print(f"round {number + 1}/{args.rounds} ...", file=sys.stderr)
        for name, paths in folders.items():
            files = files_of(paths)
            rounds.add(f"{name}:floor", lambda files=files: floor(files, keywords))  # type: ignore[misc]
            jobs_list: tuple[int | None, ...] = (None,) if name == "corpus" else (1, 2)
            for jobs in jobs_list:
                out = OUT / f"speed-{name}-jobs{jobs or 'default'}.csv"
                rounds.add(
                    f"{name}:jobs{jobs or 'default'}",
                    lambda p=paths, j=jobs, o=out: screen(p, j, o),  # type: ignore[misc]
                )
            if args.before is not None:
                jobs = jobs_list[0]
                out = OUT / f"speed-{name}-before-jobs{jobs or 'default'}.csv"
                rounds.add(
                    f"{name}:before-jobs{jobs or 'default'}",
                    lambda p=paths, j=jobs, o=out: screen(p, j, o, args.before),  # type: ignore[misc]
                )
        if "check" in only and pdf.is_file():
            for _ in range(3):
                rounds.add("check:bare", lambda: quiet(bare))
                rounds.add("check:check", lambda: quiet([*cli(), "check", str(pdf)]))
                if args.before is not None:
                    rounds.add(
                        "check:before-check",
                        lambda: quiet([*cli(), "check", str(pdf)], args.before),
                    )
        loads.append(os.getloadavg()[0])
    rows: list[tuple[str, str, float, str]] = []
    results: dict[str, object] = {}
    for name, paths in folders.items():
        count = len(files_of(paths))
        entry: dict[str, object] = {"files": count}
        if name == "corpus":
            ratio = rounds.ratio(f"{name}:jobsdefault", f"{name}:floor")
            rows.append((name, "screen wall / floor wall", ratio, "<= 1.2"))
            entry["screen_over_floor_wall"] = ratio
            if args.before is not None:
                before = rounds.ratio(f"{name}:before-jobsdefault", f"{name}:floor")
                rows.append((name, "before: screen wall / floor wall", before, ""))
                entry["before_screen_over_floor_wall"] = before
        else:
            per_file = rounds.ratio(f"{name}:floor", f"{name}:jobs1")
            scaling = rounds.ratio(f"{name}:jobs1", f"{name}:jobs2")
            rows.append((name, "jobs 1 files/s / floor files/s", per_file, ">= 1.5"))
            rows.append((name, "jobs 2 / jobs 1 files/s", scaling, ">= 1.7"))
            by_cpu = statistics.median(rounds.cpu[f"{name}:floor"]) / statistics.median(
                rounds.cpu[f"{name}:jobs1"]
            )
            rows.append((name, "jobs 1 / floor files per CPU-second", by_cpu, "(by CPU)"))
            entry["jobs1_over_floor_by_cpu"] = by_cpu
            entry |= {"jobs1_over_floor": per_file, "jobs2_over_jobs1": scaling}
            if args.before is not None:
                before = rounds.ratio(f"{name}:floor", f"{name}:before-jobs1")
                rows.append((name, "before: jobs 1 files/s / floor files/s", before, ""))
                speedup = rounds.ratio(f"{name}:before-jobs1", f"{name}:jobs1")
                rows.append((name, "jobs 1 now / before, files/s", speedup, ""))
                entry |= {"before_jobs1_over_floor": before, "jobs1_over_before": speedup}
                earlier = OUT / f"speed-{name}-before-jobs1.csv"
                entry["same_report_as_before"] = earlier.read_bytes() == one_report(name)
            one, two = (OUT / f"speed-{name}-jobs{j}.csv" for j in (1, 2))
            entry["identical_reports"] = one.read_bytes() == two.read_bytes()
        for key in [k for k in rounds.times if k.startswith(f"{name}:")]:
            seconds = rounds.median(key)
            entry[key.split(":")[1] + "_s"] = round(seconds, 3)
            entry[key.split(":")[1] + "_files_per_s"] = round(count / seconds, 1)
            entry[key.split(":")[1] + "_cpu_s"] = round(statistics.median(rounds.cpu[key]), 3)
        results[name] = entry
    if "check:check" in rounds.times:
        ratio = rounds.ratio("check:check", "check:bare")
        rows.append(("check", "check 2-page PDF / bare spaCy line", ratio, "<= 1.15"))
        if args.before is not None:
            before = rounds.ratio("check:before-check", "check:bare")
            rows.append(("check", "before: check / bare spaCy line", before, ""))
        results["check"] = {
            "bare_s": round(rounds.median("check:bare"), 3),
            "check_s": round(rounds.median("check:check"), 3),
            "check_over_bare": ratio,
        }
    print(f"{'scenario':<12}{'command':<20}{'wall s':>9}{'CPU s':>9}  (medians of {args.rounds})")
    for key in rounds.times:
        name, command = key.split(":")
        cpu = statistics.median(rounds.cpu[key])
        print(f"{name:<12}{command:<20}{rounds.median(key):>9.2f}{cpu:>9.2f}")
    print(f"\n{'scenario':<12}{'ratio':<40}{'value':>7}  goal")
    for name, label, value, goal in rows:
        print(f"{name:<12}{label:<40}{value:>7.2f}  {goal}")
    for name, entry in results.items():
        if isinstance(entry, dict) and "identical_reports" in entry:
            print(f"{name}: jobs 1 and jobs 2 reports identical: {entry['identical_reports']}")
        if isinstance(entry, dict) and "same_report_as_before" in entry:
            print(f"{name}: the same report as before: {entry['same_report_as_before']}")
    print(
        f"load average (1 min) per round: {', '.join(f'{x:.1f}' for x in loads)} "
        f"on {os.cpu_count()} CPUs"
    )
    record = {
        "label": args.label,
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "rounds": args.rounds,
        "results": results,
        "times": rounds.times,
        "cpu": rounds.cpu,
        "load_average": loads,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }
    path = OUT / "speed.json"
    history = json.loads(path.read_text()) if path.is_file() else []
    history.append(record)
    path.write_text(json.dumps(history, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
