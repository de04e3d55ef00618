"""The plain resume every hostile variant starts from, and broken text files."""

from __future__ import annotations

import random
from collections.abc import Sequence

RESUME_LINES = (
    "Jane Roe, Patient Service Representative",
    "Summary",
    "Front desk representative with five years in a busy outpatient clinic.",
    "Experience",
    "Scheduled patient appointments in Epic and verified insurance eligibility before visits.",
    "Collected co-pays, balanced the cash drawer and answered a multi-line phone system.",
    "Protected patient privacy under HIPAA and used medical terminology with providers.",
    "Skills",
    "Customer service, data entry, insurance verification, appointment scheduling, Epic.",
    "Education",
    "Medical Office Administration certificate, City College, 2019.",
)
MB = 1024 * 1024


def resume_text(lines: Sequence[str] = RESUME_LINES) -> str:
    """The plain resume every hostile variant starts from, one line a line."""
    return "\n".join(lines) + "\n"


# --- text ---------------------------------------------------------------------------------------


def binary_junk() -> bytes:
    return random.Random(4).randbytes(64 * 1024)


def text_with_nuls() -> bytes:
    text = resume_text().replace("HIPAA", "HI\0PAA").encode("utf-8")
    return text + b"\0" * 100_000
