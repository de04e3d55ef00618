"""The Dask engine's overhead: the same screen on a local Dask cluster and on the local pool.

Uses the applications ``bench_screen.py`` generates (1,000 by default, the same seeded mix of PDF,
DOCX and TXT with cover letters), and times, in the same run and alternately, as whole commands
with start-up included:

- ``resume-match screen FOLDER --no-cache --jobs 2`` (the local engine, 2 worker processes);
- ``resume-match screen FOLDER --no-cache --engine dask --jobs 2`` (a LocalCluster of 2
  single-threaded workers, started and closed by the command).

Reports the overhead ratio (goal: within 1.3x), the cost of a file in core-seconds, and from the
Dask figure the files an hour one core screens and the cores 500,000 applications a day need.
Writes ``benchmarks/out/dask.json``. The machine's load average is printed: other work skews it.

    python benchmarks/bench_dask.py [--files 1000] [--repeat 1] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_screen import OUT, generate

DAILY = 500_000
WORKERS = 2


def run_screen(folder: Path, out: Path, engine: str) -> float:
    command = [sys.executable, "-m", "resume_match", "screen", str(folder), "--no-cache",
               "--jobs", str(WORKERS), "--out", str(out), "--engine", engine]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 4):
        raise SystemExit(f"screen failed ({done.returncode}): {done.stderr.decode()[-800:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="applications to generate")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; the best time counts")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    folder = OUT / f"applications-{args.files}-seed{args.seed}"
    manifest = folder / ".manifest.json"
    if not manifest.is_file():
        print(f"generating {args.files} applications in {folder} ...", file=sys.stderr)
        manifest.parent.mkdir(parents=True, exist_ok=True)
        manifest.write_text(json.dumps(generate(folder, args.files, args.seed)), encoding="utf-8")
    outs = {engine: OUT / f"screen-{engine}.csv" for engine in ("local", "dask")}
    load_before = os.getloadavg()
    best = {"local": float("inf"), "dask": float("inf")}
    for _ in range(args.repeat):
        for engine in ("local", "dask"):
            best[engine] = min(best[engine], run_screen(folder, outs[engine], engine))
    load_after = os.getloadavg()
    ratio = best["dask"] / best["local"]
    core_seconds = {engine: seconds * WORKERS / args.files for engine, seconds in best.items()}
    per_hour_core = 3600 / core_seconds["dask"]
    cores = DAILY / (per_hour_core * 24)
    identical = outs["local"].read_bytes() == outs["dask"].read_bytes()
    print(f"{args.files} files, {WORKERS} workers, best of {args.repeat}")
    print(f"{'engine':<44}{'seconds':>9}{'files/s':>10}{'core-s/file':>13}")
    for engine, label in (("local", "screen --jobs 2 (local pool)"),
                          ("dask", "screen --engine dask --jobs 2 (LocalCluster)")):  # fmt: skip
        print(f"{label:<44}{best[engine]:>9.2f}{args.files / best[engine]:>10.1f}"
              f"{core_seconds[engine]:>13.4f}")  # fmt: skip
    print(f"dask / local time: {ratio:.2f} (goal <= 1.30)")
    print(
        f"projection (dask): {per_hour_core:,.0f} files/hour/core; "
        f"{DAILY:,} applications/day need {cores:.1f} cores busy around the clock"
    )
    print(f"reports identical: {identical}")
    print(f"load average before / after: {load_before[0]:.2f} / {load_after[0]:.2f} "
          f"on {os.cpu_count()} CPUs (other work on the machine skews the times)")  # fmt: skip
    result = {
        "files": args.files, "seed": args.seed, "repeat": args.repeat, "workers": WORKERS,
        "seconds": best, "ratio_dask_vs_local": ratio, "core_seconds_per_file": core_seconds,
        "files_per_hour_per_core": per_hour_core, "cores_for_500k_a_day": cores,
        "identical_reports": identical, "cpus": os.cpu_count(),
        "load_average": [load_before[0], load_after[0]], "python": platform.python_version(),
    }  # fmt: skip
    (OUT / "dask.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
