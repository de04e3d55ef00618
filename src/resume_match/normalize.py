"""Normalise extracted text so that the matcher sees words, not extraction artefacts."""

from __future__ import annotations

import re
import unicodedata

from .types import Flag

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e\u200e\u200f"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_CID = re.compile(r"\(cid:\d+\)")
_PUNCTUATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\t": " ",
    }
)
_BULLET_CHARS = (
    "•●○◦▪▫■□◆◇►▸▹‣⁃∙·⦁❖➢➤➔→✓✔✗☐☑★☆♦⚫⚪\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8\uf02d\uf0be"
)
_BULLET_LINE = re.compile(rf"^[ ]*(?:[{re.escape(_BULLET_CHARS)}]+|[-*o](?= )|\d{{1,2}}[.)](?= ))[ ]*")
_INLINE_BULLET = re.compile(rf"[ ]*[{re.escape(_BULLET_CHARS)}]+[ ]*")
_HYPHEN_BREAK = re.compile(r"([A-Za-z]{2,})-\n[ ]*([a-z]{2,})")
_SPACES = re.compile(r"[ ]{2,}")
_BLANK_LINES = re.compile(r"\n{3,}")
_MOJIBAKE = {"Â ": " ", "Â": "", "â€™": "'", "â€œ": '"', "â€\x9d": '"', "â€“": "-", "â€”": "-"}
_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"\w+")


def normalize_text(text: str) -> str:
    """Return ``text`` with extraction artefacts removed and Unicode folded to one spelling.

    Compatibility forms (ligatures, full-width letters) are folded with NFKC; zero-width
    characters and soft hyphens go, so that "HI\\u200bPAA" reads "HIPAA"; words hyphenated across a
    line break are joined; bullets of every glyph become "•"; runs of spaces collapse. The result
    is stable: normalising it again changes nothing.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    for broken, fixed in _MOJIBAKE.items():
        text = text.replace(broken, fixed)
    text = _CID.sub(" ", text)
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_PUNCTUATION)
    text = _CONTROL.sub(" ", text)
    while _HYPHEN_BREAK.search(text):
        text = _HYPHEN_BREAK.sub(r"\1\2", text)
    lines = []
    for line in text.split("\n"):
        line = _BULLET_LINE.sub("• ", line, count=1) if _BULLET_LINE.match(line) else line
        line = _INLINE_BULLET.sub(" • ", line)
        line = _SPACES.sub(" ", line).strip()
        lines.append("" if line == "•" else line)
    text = "\n".join(lines)
    text = _BLANK_LINES.sub("\n\n", text).strip()
    return text


def mixed_script_flags(text: str) -> list[Flag]:
    """Flag words that mix Latin letters with look-alikes from another script ("НIPAA").

    Such words are left as they are, so they never match a skill silently; the flag tells the
    reader why a skill that seems to be there was not counted.
    """
    suspects: list[str] = []
    for word in _WORD.findall(text):
        if not _LATIN.search(word) or word.isascii():
            continue
        scripts = {_script(ch) for ch in word if ch.isalpha()}
        if len(scripts) > 1 and word not in suspects:
            suspects.append(word)
    if not suspects:
        return []
    shown = ", ".join(suspects[:5]) + (" ..." if len(suspects) > 5 else "")
    return [
        Flag(
            "mixed-script",
            f"{len(suspects)} word(s) mix Latin letters with look-alike letters from another "
            f"script and were not matched: {shown}",
        )
    ]


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"
