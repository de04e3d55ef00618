"""The gates a document passes after extraction: enough text, real words, English."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import compress
from operator import not_
from pathlib import Path

from ..errors import SCANNED, EmptyDocumentError, FileTooLargeError, NoTextError
from ..model import Document
from .extracted import Extracted
from .language import language_flags
from .normalize import mixed_script_flags, normalize_text, repeated_line_flags
from .options import ReadOptions

_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_TOKEN = re.compile(r"\S+")


def too_much_text(path: Path, chars: int, options: ReadOptions) -> FileTooLargeError:
    return FileTooLargeError(
        f"holds {chars:,} characters of text, more than the {options.max_chars:,} a resume "
        "could need; is it a resume?",
        path,
    )


def finish(path: Path, kind: str, raw: Extracted, options: ReadOptions) -> Document:
    # Checked before normalising too, so that the normaliser never works on more than the limit.
    raw_chars = sum(len(page) for page in raw.pages)
    if raw_chars > options.max_chars:
        raise too_much_text(path, raw_chars, options)
    pages = [normalize_text(page) for page in raw.pages]
    text = "\n\n".join(pages)
    flags = list(raw.flags)
    if len(text) > options.max_chars:
        raise too_much_text(path, len(text), options)
    words = _WORD.findall(text)
    if not words:
        if kind == "pdf":
            raise NoTextError(SCANNED, path)
        raise EmptyDocumentError("has no text", path)
    if _looks_garbled(text):
        raise NoTextError(
            "text extracts as gibberish (its fonts have no usable character map); "
            "export it again from the original, or run OCR on it",
            path,
        )
    if len(words) < options.min_words:
        raise EmptyDocumentError(
            f"has only {len(words)} words, too few to score (a resume needs at least "
            f"{options.min_words}); is this the whole document?",
            path,
        )
    flags.extend(mixed_script_flags(text))
    flags.extend(repeated_line_flags(text))
    flags.extend(language_flags(words))
    hidden = normalize_text("\n".join(raw.hidden))
    dropped = tuple(replace(item, text=normalize_text(item.text)) for item in raw.dropped)
    return Document(path, kind, tuple(pages), tuple(flags), hidden, dropped)


def _looks_garbled(text: str) -> bool:
    """True when most tokens are not words in any alphabet: a font without a Unicode map.

    Counting stops once enough tokens are plausible, which for real text is about half of them.
    """
    tokens = _TOKEN.findall(text)
    if len(tokens) < 30:
        return False
    total, clean = len(tokens), 0
    plain = _PLAIN_WORD.fullmatch
    # A block of tokens at a time: plain words in one step, only the others one by one.
    for start in range(0, total, 128):
        block = tokens[start : start + 128]
        found = list(map(plain, block))
        clean += len(block) - found.count(None)
        clean += sum(map(_plausible, compress(block, map(not_, found))))
        if clean / total >= 0.45:
            return False
    return True


# A token that _plausible passes: letters with a vowel and no capital after a small letter,
# perhaps in the punctuation it strips.
_EDGE = "[.,;:()\\[\\]\"'!?•|/-]*"
_PLAIN_WORD = re.compile(rf"{_EDGE}(?:[A-Z]?[a-z]*[aeiouy][a-z]*|[AEIOUY][a-z]*){_EDGE}")
_LOWER_THEN_UPPER = re.compile(r"[a-z][A-Z]")
_VOWEL = re.compile(r"[aeiouyAEIOUYà-ÿ]")


def _plausible(token: str) -> bool:
    core = token.strip(".,;:()[]\"'!?•-|/")
    if not core:
        return True
    if core.replace(",", "").replace(".", "").replace("-", "").replace("/", "").isdigit():
        return True
    if not core.replace("'", "").replace("-", "").replace(".", "").isalpha():
        return "@" in core or "://" in core or "." in core
    lower_then_upper = _LOWER_THEN_UPPER.search(core) is not None
    has_vowel = len(core) <= 3 or _VOWEL.search(core) is not None
    return has_vowel and not (lower_then_upper and len(core) < 8)
