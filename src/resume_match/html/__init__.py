"""HTML reports: one self-contained page per check, and one for a screen's shortlist."""

from __future__ import annotations

from .marks import MarkedText, Segment, marked_text
from .pages import render_check_page, render_shortlist_page
from .views import shortlist_view

__all__ = [
    "MarkedText",
    "Segment",
    "marked_text",
    "render_check_page",
    "render_shortlist_page",
    "shortlist_view",
]
