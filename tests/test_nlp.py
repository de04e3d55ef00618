"""spaCy imported for matching without its command-line package, which stays importable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")

SCRIPT = """
import sys
from resume_match.nlp import blank_english
nlp = blank_english()
print([t.text for t in nlp("Checked-in 40 patients, e.g. walk-ins.")])
print("spacy.cli" in sys.modules, "typer" in sys.modules)
import spacy.cli
print(callable(spacy.cli.info), spacy.info.__module__)
"""


def run(script: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.splitlines()


def test_blank_english_tokenises_as_spacy_blank_without_importing_spacy_cli() -> None:
    import spacy

    tokens, modules, later = run(SCRIPT)
    expected = [t.text for t in spacy.blank("en")("Checked-in 40 patients, e.g. walk-ins.")]
    assert tokens == repr(expected)
    assert modules == "False False"
    assert later.startswith("True")


def test_blank_english_reuses_a_spacy_that_is_already_imported() -> None:
    script = "import spacy, spacy.cli\nfrom resume_match.nlp import blank_english\n"
    script += "print(type(blank_english()).__name__, spacy.cli.__file__ is not None)"
    assert run(script) == ["English True"]
