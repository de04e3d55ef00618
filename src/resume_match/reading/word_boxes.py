"""Word boxes: whether shapes meet or hold them, whether one is set sideways (see visibility)."""

from __future__ import annotations

from itertools import chain

Box = tuple[float, float, float, float]
"""x0, x1, top, bottom in points, measured from the page's top-left corner."""

# A letter is about half as wide as its line is high; squeezed by Tz or w:w, a sliver of it.
MIN_WIDTH = 0.06
# Points: the narrowest a word set sideways is (its font's height) and still read as text.
MIN_SIDEWAYS_WIDTH = 4.0


def meets_any(covers: list[Box], boxes: list[Box], margin: float) -> bool:
    """Whether any of ``covers``, grown by ``margin``, meets any of ``boxes``."""
    if not covers or not boxes:
        return False
    if len(covers) * len(boxes) > 4_000_000:
        return True
    import numpy

    shapes = numpy.array(covers, dtype=numpy.float64)[:, :, None]
    # The words' boxes (four numbers each) in one pass in C, not an array made of tuples.
    edges = numpy.fromiter(chain.from_iterable(boxes), numpy.float64, 4 * len(boxes))
    words = edges.reshape(len(boxes), 4).T[None, :, :]
    meets = (
        (shapes[:, 0] - margin <= words[:, 1])
        & (words[:, 0] <= shapes[:, 1] + margin)
        & (shapes[:, 2] - margin <= words[:, 3])
        & (words[:, 2] <= shapes[:, 3] + margin)
    )
    return bool(meets.any())


def inside_any(box: Box, covers: list[Box]) -> bool:
    x0, x1, top, bottom = box
    return any(
        cx0 - 1 <= x0 and x1 <= cx1 + 1 and ctop - 1 <= top and bottom <= cbottom + 1
        for cx0, cx1, ctop, cbottom in covers
    )


def sideways(box: Box, letters: int) -> bool:
    """A word set a quarter turn (a title up the margin): tall, a letter's height of it per
    letter, and as wide as a readable font is high. A squeezed word is a sliver far narrower."""
    x0, x1, top, bottom = box
    width, height = x1 - x0, bottom - top
    return width >= MIN_SIDEWAYS_WIDTH and height >= 2 * width and height <= 1.5 * width * letters
