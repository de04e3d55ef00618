"""Document -> skill matches, each with the words that prove it.

``matcher`` finds candidates (phrases on lemmas, named systems; ``near`` the words found apart);
the others judge them: ``spelling`` mends misspelt words, ``tokens`` reads names, list items and
sentences, ``context`` refuses statements of lack and other people's words, ``senses`` refuses
other senses of a word, ``evidence`` picks and orders the quotes a reader is shown.
"""

from __future__ import annotations

from ..model import Evidence, SkillMatch
from .matcher import SkillMatcher

__all__ = ["Evidence", "SkillMatch", "SkillMatcher"]
