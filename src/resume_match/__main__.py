"""Allow ``python -m resume_match``."""

from .cli import main

main()
