"""Library messages give advice in the library's terms; the CLI names the flag for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_match import errors
from resume_match.cli.hints import FLAG_HINTS, with_flags
from resume_match.errors import FileTooLargeError
from resume_match.reading import ReadOptions, read_document


def test_every_hint_has_a_flag_and_no_hint_names_one() -> None:
    hints = [value for name, value in vars(errors).items() if name.endswith("_HINT")]
    assert sorted(hints) == sorted(FLAG_HINTS)
    assert not any("--" in hint for hint in hints)
    assert all("--" in flag for flag in FLAG_HINTS.values())


def test_the_library_says_what_to_do_and_the_cli_which_flag(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 60_000, encoding="utf-8")
    with pytest.raises(FileTooLargeError) as raised:
        read_document(path, ReadOptions(max_bytes=100_000))
    assert "--" not in raised.value.message
    assert with_flags(raised.value.message).endswith(
        "raise it with --max-size if this really is a resume"
    )
