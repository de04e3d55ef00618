"""What a start costs: the modules a plain check imports, and the collector around spaCy and forks.

No timings here (the benchmarks measure those): these tests pin down the structure that keeps a
start short, so that a new top-level import or a collector left off is caught where it is made.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from resume_match import isolation

SRC = str(Path(__file__).resolve().parents[1] / "src")
LIMITS = isolation.Limits(seconds=10.0, memory_mb=512)


def run(script: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.splitlines()


# What check's parent imports before it forks the child that reads the file.
CHECK_PARENT = """
import sys
import resume_match.cli, resume_match.api, resume_match.report, resume_match.text_report
from resume_match.api import Checker
from resume_match.reading import ReadOptions
Checker(options=ReadOptions())
late = ["spacy", "resume_match.posting", "resume_match.levels", "resume_match.experience",
        "resume_match.reading.readers", "resume_match.reading.pdf", "resume_match.reading.docx",
        "pypdfium2", "docx", "pdfplumber", "rapidfuzz", "jinja2", "dask", "fsspec", "sqlite3"]
print(" ".join(name for name in late if name in sys.modules) or "none")
from resume_match import reading
print(type(reading.READERS).__name__, sorted(reading.READERS))
"""


def test_a_plain_check_imports_only_what_it_uses_before_reading() -> None:
    loaded, readers = run(CHECK_PARENT)
    assert loaded == "none"
    assert readers == "dict ['docx', 'pdf', 'text']"


SPACY_COLLECTOR = """
import gc
from resume_match.nlp import blank_english
gc.disable()
blank_english()
print(gc.isenabled())
gc.enable()
blank_english()
print(gc.isenabled())
"""


def test_importing_spacy_leaves_the_collector_as_it_found_it() -> None:
    assert run(SPACY_COLLECTOR) == ["False", "True"]


def _frozen_in_child() -> int:
    return gc.get_freeze_count()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="children are forked")
def test_a_child_forks_with_the_parents_objects_frozen_and_the_parent_gets_them_back() -> None:
    before = gc.get_freeze_count()
    outcome = isolation.run(_frozen_in_child, LIMITS)
    assert outcome.value is not None
    assert outcome.value > before
    assert gc.get_freeze_count() == before


# A screen with neither --job nor --level, run in a fresh process.
SCREEN = """
import sys
from click.testing import CliRunner
from resume_match.cli import cli
done = CliRunner().invoke(cli, ["screen", "--no-cache", "--jobs", "1", SAMPLES])
late = ["resume_match.posting", "resume_match.levels", "jinja2", "rich", "dask", "fsspec",
        "pdfplumber", "typer"]
print(done.exit_code, " ".join(name for name in late if name in sys.modules) or "none")
"""


def test_a_plain_screen_imports_no_posting_level_or_optional_library() -> None:
    samples = Path(__file__).resolve().parents[1] / "samples"
    (line,) = run(f"SAMPLES = {str(samples)!r}\n" + SCREEN)
    code, loaded = line.split(" ", 1)
    assert code in {"0", "4"}
    assert loaded == "none"


FROZEN = """
import gc, sys
from resume_match import nlp
if sys.argv[1:] == ["ours"]:
    nlp.freeze_what_spacy_makes()
nlp.blank_english()
print(gc.get_freeze_count() > 100_000, gc.isenabled())
"""


def test_spacy_is_frozen_out_of_the_collector_only_in_a_process_that_is_ours() -> None:
    assert run(FROZEN) == ["False True"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", FROZEN, "ours"], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.split() == ["True", "True"]
