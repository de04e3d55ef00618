"""Job postings: read one, say which skills it requires or prefers and which terms it names."""

from .model import Ask, Education, Posting, Requirement, Strength, Term
from .reader import parse_posting, read_posting, read_posting_bytes

__all__ = [
    "Ask",
    "Education",
    "Posting",
    "Requirement",
    "Strength",
    "Term",
    "parse_posting",
    "read_posting",
    "read_posting_bytes",
]
