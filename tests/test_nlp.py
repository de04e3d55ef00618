"""spaCy imported for matching without its command-line package, which stays importable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")
TEXT = "Checked-in 40 patients/day, e.g. walk-ins; verified Medicaid (HMO/PPO) co-pays & U.S. ID's."

SCRIPT = f"""
import sys
from resume_match.nlp import blank_english
nlp = blank_english()
print([(t.text, t.idx, t.whitespace_) for t in nlp({TEXT!r})])
print("spacy.cli" in sys.modules, "spacy.cli.info" in sys.modules, "typer" in sys.modules)
import spacy
print(hasattr(spacy, "cli"), sorted(spacy.info()))
import spacy.cli
real_info = sys.modules["spacy.cli.info"].info
print(spacy.cli.__file__.endswith("__init__.py"), spacy.cli.info is real_info)
"""


def run(script: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.splitlines()


def tokens_of_plain_spacy() -> str:
    import spacy

    return repr([(t.text, t.idx, t.whitespace_) for t in spacy.blank("en")(TEXT)])


def test_blank_english_tokenises_as_spacy_blank_without_importing_spacy_cli() -> None:
    tokens, modules, _, _ = run(SCRIPT)
    assert tokens == tokens_of_plain_spacy()
    assert modules == "False False False"


def test_spacy_info_and_a_later_import_of_spacy_cli_are_the_real_ones() -> None:
    import spacy

    _, _, info, later = run(SCRIPT)
    assert info == f"False {sorted(spacy.info())}"  # type: ignore[attr-defined]
    assert later == "True True"


def test_blank_english_reuses_a_spacy_that_is_already_imported() -> None:
    script = "import spacy, spacy.cli\nreal = spacy.info\n"
    script += "from resume_match.nlp import blank_english\nnlp = blank_english()\n"
    script += "print(type(nlp).__name__, spacy.info is real, spacy.info.__module__)"
    assert run(script) == ["English True spacy.cli.info"]


FALLBACK = f"""
import sys, types
import resume_match.nlp as nlp
# A spaCy that needs more of spacy.cli at import than the placeholders give.
nlp._placeholders = lambda: {{"spacy.cli": types.ModuleType("spacy.cli")}}
english = nlp.blank_english()
print([(t.text, t.idx, t.whitespace_) for t in english({TEXT!r})])
import spacy, spacy.cli
print("typer" in sys.modules, spacy.cli.__file__.endswith("__init__.py"), spacy.info.__module__)
"""


def test_a_spacy_the_placeholders_do_not_fit_is_imported_as_usual() -> None:
    tokens, real = run(FALLBACK)
    assert tokens == tokens_of_plain_spacy()
    assert real == "True True spacy.cli.info"


def test_a_matcher_built_without_a_pipeline_imports_spacy_without_its_cli_too() -> None:
    script = "import sys\nfrom resume_match.matching import SkillMatcher\n"
    script += "from resume_match.taxonomy import load_taxonomy\nSkillMatcher(load_taxonomy())\n"
    script += "print('typer' in sys.modules, 'spacy.cli' in sys.modules)"
    assert run(script) == ["False False"]
