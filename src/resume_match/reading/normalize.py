"""Normalise extracted text so that the matcher sees words, not extraction artefacts."""

from __future__ import annotations

import itertools
import re
import unicodedata

from ..model import Flag

# Format characters and fillers that draw nothing: soft hyphen, zero-width spaces and joiners, bidi
# controls, variation selectors, Hangul fillers, tag characters. Inside a word they only hide it.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4"
    "\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff"
    "\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
_CID = re.compile(r"\(cid:\d+\)")
_SURROGATE = re.compile("[\ud800-\udfff]")
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
_PUNCTUATION_PAIRS = tuple((chr(code), str(text)) for code, text in _PUNCTUATION.items())
_BULLET_CHARS = (
    "•●○◦▪▫■□◆◇►▸▹‣⁃∙·⦁❖➢➤➔→✓✔✗☐☑★☆♦⚫⚪\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8\uf02d\uf0be"
)
_BULLET_LINE = re.compile(
    rf"^[ ]*(?:[{re.escape(_BULLET_CHARS)}]+|[-*o](?= )|\d{{1,2}}[.)](?= ))[ ]*", re.MULTILINE
)
# A run of bullets and the spaces after it; the spaces before it are left, for the collapse of
# double spaces that follows to fold into the " • " put in its place. Starting with the bullets,
# not with optional spaces, it is tried at a bullet only, never at every space of the text.
_INLINE_BULLET = re.compile(rf"[{re.escape(_BULLET_CHARS)}]+[ ]*")
_ANY_BULLET = re.compile(f"[{re.escape(_BULLET_CHARS)}]")
# Lookarounds, not captured runs of letters: capturing makes the search quadratic on a long word.
_HYPHEN_BREAK = re.compile(r"(?<=[A-Za-z]{2})-\n[ ]*(?=[a-z]{2})")
_SPACES = re.compile(r"[ ]{2,}")
_BLANK_LINES = re.compile(r"\n{3,}")
_MOJIBAKE = {"Â ": " ", "Â": "", "â€™": "'", "â€œ": '"', "â€\x9d": '"', "â€“": "-", "â€”": "-"}
# UTF-8 read as Windows-1252: a lead byte (Â-ô) and one to three continuation bytes as cp1252 shows
# them ("â€¢" is "•", "Ã©" is "é"). Real resume exports (one Kaggle row in four) carry it.
_CP1252_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE_RUN = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONTINUATION}]{{1,3}}")
_LATIN = re.compile(r"[A-Za-z]")
_MAX_LINE = 5_000
_WORD = re.compile(r"\w+")
# A word character outside ASCII: text without one (bullets and dashes are not) has only ASCII
# words, none of which can mix scripts.
_FOREIGN_LETTER = re.compile(r"[^\W\x00-\x7f]")


def normalize_text(text: str) -> str:
    """Return ``text`` with extraction artefacts removed and Unicode folded to one spelling.

    Compatibility forms (ligatures, full-width letters) are folded with NFKC; zero-width
    characters and soft hyphens go, so that "HI\\u200bPAA" reads "HIPAA"; words hyphenated across a
    line break are joined; bullets of every glyph become "•"; runs of spaces collapse. The result
    is stable: normalising it again changes nothing.
    """
    result = _normalize_once(text)
    for _ in range(5):
        # Folding can bring the halves of a mis-decoded character together ("A" + tilde + "©");
        # another pass repairs them, and each repair shortens the text.
        if not _MOJIBAKE_RUN.search(result):
            break
        again = _normalize_once(result)
        if again == result:
            break
        result = again
    return result


def _normalize_once(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        # Every repair but these is of a character outside ASCII, and NFKC leaves ASCII as it is.
        text = _CID.sub(" ", text).replace("\t", " ")
    else:
        if _SURROGATE.search(text):
            text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        text = _MOJIBAKE_RUN.sub(_undo_cp1252, text)
        for broken, fixed in _MOJIBAKE.items():
            text = text.replace(broken, fixed)
        text = _CID.sub(" ", text)
        text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
        # What str.translate(_PUNCTUATION) gives (no replacement is itself replaced), at C speed:
        # translate looks up every character of a non-ASCII string in the dict.
        for char, replacement in _PUNCTUATION_PAIRS:
            text = text.replace(char, replacement)
    text = _CONTROL.sub(" ", text)
    if "-\n" in text:
        text = _HYPHEN_BREAK.sub("", text)
    # Line by line in effect, on the whole text at once: no pattern here matches a line feed.
    # Spaces collapse first: the bullet patterns start with [ ]*, which backtracks on long runs.
    text = _BULLET_LINE.sub("• ", _SPACES.sub(" ", text) if "  " in text else text)
    if not text.isascii() and _ANY_BULLET.search(text):
        text = _INLINE_BULLET.sub(" • ", text)
        text = _SPACES.sub(" ", text) if "  " in text else text
        # "o·" became "o • ": a line that now opens with a bullet letter has one more bullet.
        text = _BULLET_LINE.sub("• ", text)
    lines = ["" if line == "•" else _wrap(line) for line in map(str.strip, text.split("\n"))]
    text = "\n".join(lines)
    return (_BLANK_LINES.sub("\n\n", text) if "\n\n\n" in text else text).strip()


def _undo_cp1252(match: re.Match[str]) -> str:
    """The character a UTF-8 sequence meant, when it was decoded as Windows-1252 by mistake."""
    run = match.group()
    try:
        return run.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run


def _wrap(line: str) -> str:
    """Break a line longer than ``_MAX_LINE`` at spaces into pieces of nearly equal length.

    No resume has such a line; a hostile file does, and every later step that looks for the
    edges of a line (sections, snippets, context) would pay its length once per match. Pieces
    stay long (over a thousand characters), so none can pass for a section heading.
    """
    if len(line) <= _MAX_LINE:
        return line
    parts = -(-len(line) * 5 // (_MAX_LINE * 4))
    step = len(line) / parts
    cuts = [0]
    for index in range(1, parts):
        target = int(index * step)
        space = line.rfind(" ", target - int(step / 4), target + 1)
        cuts.append(space if space > cuts[-1] else target)
    cuts.append(len(line))
    return "\n".join(line[start:end].strip() for start, end in itertools.pairwise(cuts))


def mixed_script_flags(text: str) -> list[Flag]:
    """Flag words spelled with look-alike letters from another script ("НIPAA", "НІРАА").

    A word that mixes Latin letters with Cyrillic or Greek ones, or that is written wholly in
    letters that look Latin in a document that is otherwise Latin, is a known trick to slip past
    keyword filters. Such words are left as they are, so they never match a skill; the flag tells
    the reader why a skill that seems to be there was not counted.
    """
    if text.isascii() or not _FOREIGN_LETTER.search(text):
        return []
    words = _WORD.findall(text)
    latin = -1  # counted when a word first needs it: most documents have none such
    suspects: dict[str, str] = {}
    for word in itertools.filterfalse(str.isascii, words):
        if word in suspects:
            continue
        letters = [ch for ch in word if ch.isalpha()]
        if _LATIN.search(word):
            if len({_script(ch) for ch in letters}) > 1:
                suspects[word] = _latin_reading(word)
        elif len(letters) >= 3 and all(ch in _LOOKALIKES for ch in letters):
            if latin < 0:
                latin = sum(1 for other in words if other.isascii() or _all_latin(other))
            if latin >= 0.8 * len(words):
                suspects[word] = _latin_reading(word)
    if not suspects:
        return []
    shown = ", ".join(f"{word} (reads {reading})" for word, reading in list(suspects.items())[:5])
    more = " ..." if len(suspects) > 5 else ""
    return [
        Flag(
            "mixed-script",
            f"{len(suspects)} word(s) are spelled with look-alike letters from another script "
            f"and were not matched: {shown}{more}",
        )
    ]


def _all_latin(word: str) -> bool:
    return all(_script(ch) == "LATIN" for ch in word if ch.isalpha())


def _latin_reading(word: str) -> str:
    return "".join(_LOOKALIKES.get(ch, ch) for ch in word)


def repeated_line_flags(text: str, min_words: int = 3, min_repeats: int = 5) -> list[Flag]:
    """Flag a line of ``min_words`` or more words that appears ``min_repeats`` times or more.

    A skills line pasted fifty times is keyword stuffing. It cannot raise coverage, which counts
    each skill once, but a reader should know the document tried. A short line needs twice the
    repeats: a place written under every job ("Pune, Maharashtra, India" seven times) is not
    stuffing.
    """
    counts: dict[str, int] = {}
    sizes: dict[str, int] = {}
    shown: dict[str, str] = {}
    for line in text.split("\n"):
        words = _WORD.findall(line.lower())
        if len(words) < min_words:
            continue
        key = " ".join(words)
        counts[key] = counts.get(key, 0) + 1
        sizes[key] = len(words)
        shown.setdefault(key, line.strip(" •"))
    repeated = sorted(
        (
            key
            for key, count in counts.items()
            if count >= min_repeats and (sizes[key] > min_words or count >= 2 * min_repeats)
        ),
        key=lambda k: -counts[k],
    )
    if not repeated:
        return []
    top = repeated[0]
    sample = shown[top] if len(shown[top]) <= 80 else shown[top][:77] + "..."
    lines = "a line is" if len(repeated) == 1 else f"{len(repeated)} lines are"
    return [
        Flag(
            "repeated-text",
            f"{lines} repeated many times, which looks like keyword stuffing; repeats count "
            f"once: {sample!r} appears {counts[top]} times",
        )
    ]


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


# Letters of other scripts that print like Latin ones, and the Latin letter each passes for.
_LOOKALIKES = {
    **dict(
        zip("АВСЕНІЈКМОРЅТХУҮԜаеосрхуіјѕһԁԛԝӏ", "ABCEHIJKMOPSTXYYWaeocpxyijshdqwl", strict=True)
    ),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοριν", "ABEZHIKMNOPTYXopiv", strict=True)),
    "Օ": "O",
    "օ": "o",
}
