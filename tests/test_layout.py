"""The package stays readable: no module longer than one reads in a sitting (the brief's ~400)."""

from __future__ import annotations

from pathlib import Path

import resume_match

MAX_LINES = 400
PACKAGE = Path(resume_match.__file__).parent


def test_no_module_is_longer_than_a_sitting() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
