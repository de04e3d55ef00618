"""The screening API under its old name; it lives in :mod:`resume_match.screen` now."""

from __future__ import annotations

from .screen import *  # noqa: F403
from .screen import __all__ as __all__
