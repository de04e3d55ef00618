"""Matching benchmark: CPU per document of everything after a file is read (match and score).

The texts are read once (``Checker.read``) and pickled; then each version times
``Checker.check_read`` on them with ``time.process_time``, in a fresh process and with a fresh
checker for every repeat, so that each document is met once, as in a screen. With ``--before``
an earlier version runs in the same sitting, alternating with this one, and the ratio of the
medians is printed: the machine is shared, so only ratios taken together mean anything.

    python benchmarks/bench_matching.py [--before OLD/src] [--repeats 3] [--rounds 2]
        [--set NAME=FOLDER:COUNT ...]
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"
SETS = [f"real={OUT / 'real-style-600'}:100", f"generated={OUT / 'applications-1000-seed7'}:200"]
SUFFIXES = (".pdf", ".docx", ".txt", ".md")

_TIME = """
import pickle, sys, time
from pathlib import Path
from resume_match.api import Checker
from resume_match.model import Document
from resume_match.reading import ReadOptions
documents = pickle.loads(Path(sys.argv[1]).read_bytes())
checker = Checker(options=ReadOptions(isolate=False))
# Warmed on a misspelling too: the first one imports rapidfuzz.
warm = Document(Path("w.txt"), "text", ("Scheduled appointments in Cernerr; verifyed insurance.",))
checker.check_read("w.txt", warm)
started = time.process_time()
for name, document in documents:
    checker.check_read(name, document)
print((time.process_time() - started) / len(documents) * 1000)
"""


def read_set(folder: Path, count: int, into: Path) -> int:
    """Read the first ``count`` files of ``folder`` with this version; pickle their documents."""
    sys.path.insert(0, str(REPO / "src"))
    from resume_match.api import Checker
    from resume_match.reading import ReadOptions

    checker = Checker(options=ReadOptions(isolate=False))
    files = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES)[:count]
    documents = [(str(f), d) for f in files if not hasattr(d := checker.read(f), "status")]
    into.write_bytes(pickle.dumps(documents))
    return len(documents)


def cpu_ms(src: Path, documents: Path) -> float:
    """CPU ms per document of one fresh process of the version at ``src``."""
    done = subprocess.run(
        [sys.executable, "-c", _TIME, str(documents)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(src)},
    )
    return float(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="an earlier version's src/ folder")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--set", action="append", help="NAME=FOLDER:COUNT (default: both)")
    args = parser.parse_args()
    versions = {"now": REPO / "src"}
    if args.before:
        versions = {"before": args.before.resolve(), **versions}
    with tempfile.TemporaryDirectory() as scratch:
        for spec in args.set or SETS:
            name, rest = spec.split("=", 1)
            folder, count = rest.rsplit(":", 1)
            if not Path(folder).is_dir():
                print(f"{name}: {folder} is missing (run bench_screen.py or bench_speed.py)")
                continue
            documents = Path(scratch) / f"{name}.pkl"
            read = read_set(Path(folder), int(count), documents)
            times: dict[str, list[float]] = {version: [] for version in versions}
            for _ in range(args.rounds):
                for version, src in versions.items():
                    times[version] += [cpu_ms(src, documents) for _ in range(args.repeats)]
            medians = {version: statistics.median(found) for version, found in times.items()}
            shown = ", ".join(f"{v} {m:.3f} ms" for v, m in medians.items())
            ratio = f"; now/before {medians['now'] / medians['before']:.3f}" if args.before else ""
            print(f"{name} ({read} documents, {time.strftime('%H:%M')}): {shown}{ratio}")


if __name__ == "__main__":
    main()
