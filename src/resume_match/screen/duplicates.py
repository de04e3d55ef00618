"""The same document twice in one screen (a resume sent as PDF and as DOCX), found by its text.

Each scored file gets a fingerprint in its worker: the smallest hashes of its three-word shingles
(a bottom-k MinHash sketch). Two files whose shingle sets are at least :data:`THRESHOLD` alike
(Jaccard similarity, estimated from the sketches) are one document. Only pairs that share one of
their few smallest hashes are compared, and a hash that many files share (the wording of one
template, a school's standard lines) is too common to pair by: past :data:`_COMMON` files it is
passed over, so a screen of many files costs about one pass, not a pass per pair. Files whose
sketches are equal (the same text, whatever the format) are always paired.
"""

from __future__ import annotations

import dataclasses
import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from pathlib import PurePath

from .discover import FilePath
from .pairing import Candidate

THRESHOLD = 0.8
SKETCH_SIZE = 64
SHINGLE = 3
# Part of the cache key: results cached with another kind of fingerprint are read again.
FINGERPRINT = f"crc32-shingle{SHINGLE}-bottom{SKETCH_SIZE}"
_BUCKETS = 8
_COMMON = 64
_WORD = re.compile(r"\w+")
_ASCII_WORD = re.compile(rb"\w+")


def text_fingerprint(text: str) -> list[int]:
    """The sketch of ``text``: the :data:`SKETCH_SIZE` smallest CRC-32s of its shingles.

    Case, punctuation and line breaks do not count, so the same words read from a PDF and from
    a DOCX give the same sketch. An empty text gives an empty sketch, which matches nothing.
    """
    folded = text.casefold()
    if folded.isascii():
        # An ASCII text's words are the same as bytes, and each shingle need not be encoded.
        raw = _ASCII_WORD.findall(folded.encode())
        if len(raw) > SHINGLE:
            shingled = map(b" ".join, zip(*(raw[i:] for i in range(SHINGLE)), strict=False))
            return sorted(set(map(zlib.crc32, shingled)))[:SKETCH_SIZE]
    words = _WORD.findall(folded)
    if not words:
        return []
    if len(words) <= SHINGLE:
        shingles = {" ".join(words)}
    else:
        shingles = set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))
    # sorted()[:k] is heapq.nsmallest(k), for less, at a few hundred shingles (every scored file).
    return sorted(set(map(zlib.crc32, map(str.encode, shingles))))[:SKETCH_SIZE]


def similarity(first: Sequence[int], second: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the two texts behind two sketches (exact for short texts)."""
    if not first or not second:
        return 0.0
    a, b = set(first), set(second)
    # sorted()[:k] equals heapq.nsmallest(k) and costs two thirds as much at this size: a screen
    # of many files from one template compares hundreds of thousands of pairs.
    union = sorted(a | b)[:SKETCH_SIZE]
    both = a & b
    return sum(1 for h in union if h in both) / len(union)


def _alike(first: Sequence[int], second: Sequence[int], threshold: float) -> bool:
    """``similarity(first, second) >= threshold``, mostly without sorting the union.

    The estimate counts shared hashes among the union's smallest :data:`SKETCH_SIZE`, so it is at
    most the share of all shared hashes in that many: below ``threshold``, the pair is not alike.
    """
    if not first or not second:
        return threshold <= 0.0
    return _sets_alike(set(first), set(second), threshold)


def _sets_alike(a: AbstractSet[int], b: AbstractSet[int], threshold: float) -> bool:
    """:func:`_alike` of two non-empty sketches as sets, made once per file for all its pairs."""
    both = a & b
    if len(both) / min(SKETCH_SIZE, len(a) + len(b) - len(both)) < threshold:
        return False
    union = sorted(a | b)[:SKETCH_SIZE]
    return sum(1 for h in union if h in both) / len(union) >= threshold


def duplicate_groups(
    sketches: Sequence[Sequence[int] | None], threshold: float = THRESHOLD
) -> list[list[int]]:
    """Indexes of ``sketches`` that are one document, in groups of two or more, in input order."""
    buckets: dict[int, list[int]] = defaultdict(list)
    same: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for index, sketch in enumerate(sketches):
        if sketch:
            same[tuple(sketch)].append(index)
        for value in (sketch or [])[:_BUCKETS]:
            buckets[value].append(index)
    parent = list(range(len(sketches)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for members in same.values():
        for other in members[1:]:
            parent[other] = members[0]
    compared: set[tuple[int, int]] = set()
    sets = [frozenset(sketch) if sketch else frozenset() for sketch in sketches]
    for members in buckets.values():
        if len(members) > _COMMON:
            continue
        for position, first in enumerate(members):
            for second in members[position + 1 :]:
                if (first, second) in compared or root(first) == root(second):
                    continue
                compared.add((first, second))
                if _sets_alike(sets[first], sets[second], threshold):
                    parent[max(root(first), root(second))] = min(root(first), root(second))
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(sketches)):
        groups[root(index)].append(index)
    return [members for members in groups.values() if len(members) > 1]


def fold_duplicates(
    candidates: Sequence[Candidate],
    sketch_of: Callable[[FilePath], Sequence[int] | None],
    score_of: Callable[[Candidate], float | None],
) -> tuple[list[Candidate], int]:
    """One candidate per document: candidates whose resumes are the same text become one.

    The one kept is the best scored (then the one with more files, then the first by name), with
    the others' files as its ``duplicates``; a name shared but for the file type loses the type
    (``jane.pdf`` and ``jane.docx`` are ``jane``). Returns the candidates and how many were folded.
    """
    groups = duplicate_groups([sketch_of(c.resume) for c in candidates])
    folded: dict[int, Candidate] = {}
    dropped: set[int] = set()
    for members in groups:
        ordered = sorted(
            members,
            key=lambda i: (-(score_of(candidates[i]) or 0.0), -len(candidates[i].files),
                           candidates[i].name),
        )  # fmt: skip
        keep, *others = ordered
        stems = {PurePath(candidates[i].name).stem if candidates[i].cover_letter is None
                 else candidates[i].name for i in members}  # fmt: skip
        primary = candidates[keep]
        name = stems.pop() if len(stems) == 1 else primary.name
        copies = tuple(path for i in others for path in candidates[i].files)
        folded[keep] = dataclasses.replace(
            primary, name=name, duplicates=(*primary.duplicates, *copies)
        )
        dropped.update(others)
    kept = [folded.get(i, c) for i, c in enumerate(candidates) if i not in dropped]
    return kept, len(dropped)
