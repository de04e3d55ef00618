"""The gibberish gate counts every plausible token: at 45% of them the text is read, below not.

Plain words are counted in blocks and the rest one by one; tokens that look like words but are
not plausible (a capital after a small letter in a short token, no vowel) must not count.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_match.errors import NoTextError
from resume_match.reading import read_document

PLAUSIBLE = ["care", "(Front", "desk),", "I", "Ayes", "Patient's", "x-ray", "2024", "a@b"]
IMPLAUSIBLE = ["bcdfgh", "frNt", "mixEd", "zzqq,", "qwrtp-x", "Hrsxk"]


def _text(plausible: int, total: int) -> str:
    tokens = [PLAUSIBLE[i % len(PLAUSIBLE)] for i in range(plausible)]
    tokens += [IMPLAUSIBLE[i % len(IMPLAUSIBLE)] for i in range(total - plausible)]
    # Spread out, so that no block of tokens is all of one kind.
    return " ".join(tokens[i] for i in sorted(range(total), key=lambda i: (i * 7919) % total))


@pytest.mark.parametrize("total", [100, 300, 1000])
def test_the_share_of_plausible_tokens_decides(tmp_path: Path, total: int) -> None:
    enough = -(-45 * total // 100)
    path = tmp_path / "resume.txt"
    path.write_text(_text(enough, total), encoding="utf-8")
    assert read_document(path).text
    path.write_text(_text(enough - 1, total), encoding="utf-8")
    with pytest.raises(NoTextError, match="gibberish"):
        read_document(path)
