"""The parent's peak memory over a large screen: it must not grow with the number of files.

Generates (once, seeded) ``--files`` TXT resumes in ``benchmarks/out/memory-N/`` in folders of
1,000, runs ``resume-match screen --recursive --no-cache --keep-duplicates --out report.csv``
(``--fold`` leaves out ``--keep-duplicates``) on them in a
subprocess that records its own peak resident memory (``VmHWM``) as it exits, and checks that the
report accounts for every file. Prints the peak and the growth per file against a run of
``--baseline`` files, and writes ``benchmarks/out/memory.json``.

    python benchmarks/bench_memory.py [--files 100000] [--baseline 1000] [--jobs 2]
                                      [--engine local|dask] [--limit-mb 300] [--fold]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_screen import FIRST, LAST, OUT, as_lines, resume_content, write_txt

# Runs the CLI in this process and reports the process's own peak RSS on the way out.
WRAPPER = """
import atexit, sys
from pathlib import Path
def peak(out):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            Path(out).write_text(line.split()[1])
if __name__ == "__main__":
    atexit.register(peak, sys.argv[1])
    sys.argv = ["resume-match", *sys.argv[2:]]
    from resume_match.cli import main
    main()
"""


def generate(folder: Path, count: int, seed: int) -> None:
    """``count`` TXT resumes, 1,000 a sub-folder, kept between runs once the manifest is written."""
    manifest = folder / ".manifest.json"
    if manifest.is_file() and json.loads(manifest.read_text())["files"] == count:
        return
    rng = random.Random(seed)
    for index in range(count):
        sub = folder / f"batch-{index // 1000:04d}"
        if index % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        stem = f"{name.lower().replace(' ', '-')}-{index:06d}"
        write_txt(sub / f"{stem}.txt", as_lines(resume_content(rng, name, 1)))
    manifest.write_text(json.dumps({"files": count, "seed": seed}))


def run(folder: Path, jobs: int, engine: str, keep_duplicates: bool) -> dict[str, float]:
    out = folder.parent / f"{folder.name}-{engine}.csv"
    peak_file = folder.parent / f"{folder.name}-{engine}.peak"
    command = [sys.executable, "-c", WRAPPER, str(peak_file), "screen", str(folder),
               "--recursive", "--no-cache", "--jobs", str(jobs), "--engine", engine,
               "--out", str(out), *(["--keep-duplicates"] if keep_duplicates else [])]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 4):
        raise SystemExit(f"screen failed ({done.returncode}): {done.stderr.decode()[-800:]}")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        statuses: dict[str, int] = {}
        rows = 0  # files listed: resumes, cover letters and copies of one document
        for row in csv.DictReader(handle):
            listed = [row["resume"], row["cover_letter"], *row.get("duplicates", "").split("; ")]
            rows += sum(1 for name in listed if name)
            statuses[row["status"]] = statuses.get(row["status"], 0) + 1
    return {"seconds": seconds, "peak_mb": int(peak_file.read_text()) / 1024, "rows": rows,
            "statuses": statuses}  # type: ignore[dict-item]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--limit-mb", type=float, default=300.0)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--fold",
        action="store_true",
        help="fold files that hold the same document (off by default: the figures in the README"
        " were measured without it)",
    )
    args = parser.parse_args()
    results = {}
    load_before = os.getloadavg()[0]
    for count in (args.baseline, args.files):
        folder = OUT / f"memory-{count}"
        print(f"generating {count} TXT resumes in {folder} (once) ...", file=sys.stderr)
        generate(folder, count, args.seed)
        print(f"screening {count} files ...", file=sys.stderr)
        results[count] = run(folder, args.jobs, args.engine, not args.fold)
        print(f"{count:>8} files: peak RSS {results[count]['peak_mb']:.0f} MB, "
              f"{results[count]['seconds']:.0f} s, rows {results[count]['rows']}, "
              f"{results[count]['statuses']}")  # fmt: skip
    small, large = results[args.baseline], results[args.files]
    growth_kb = (large["peak_mb"] - small["peak_mb"]) * 1024 / (args.files - args.baseline)
    accounted = all(results[n]["rows"] == n for n in results)
    print(f"growth: {growth_kb:.2f} KB a file between {args.baseline} and {args.files} files")
    print(
        f"every file accounted for: {accounted}; "
        f"peak under {args.limit_mb:.0f} MB: {large['peak_mb'] < args.limit_mb}"
    )
    print(f"load average before / after: {load_before:.2f} / {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} CPUs")  # fmt: skip
    summary = {
        "engine": args.engine, "jobs": args.jobs, "runs": results, "accounted": accounted,
        "growth_kb_per_file": growth_kb, "limit_mb": args.limit_mb,
        "load_average": [load_before, os.getloadavg()[0]],
    }  # fmt: skip
    (OUT / "memory.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    if not accounted or large["peak_mb"] >= args.limit_mb:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
