"""Whether a PDF may hold marked content, told from the streams the guard decodes anyway.

pdfium puts a page object in a layer (optional content) only through a marked-content operator
(``BMC`` or ``BDC``) of what it parses. The guard decodes every stream of the file it can find;
where none holds either operator, no object carries a mark, and the check of every text object
for a layer can be skipped. Anything the guard cannot see in full (a stream it cannot decode,
one kept only in part, an image, a "stream" keyword it does not read as one) leaves the answer
at yes.
"""

from __future__ import annotations

import re

# Either operator, found in one pass over a stream (the two searches and the copy lstrip made
# cost a quarter of a millisecond on a wkhtmltopdf resume's 150 kB of content).
_OPERATORS = re.compile(rb"B[MD]C")
# pdfium may join a page's content streams end to end, so an operator could span two of them:
# the later one then starts with its end, perhaps after white space (a bytes pattern's \s is
# the white space bytes.lstrip takes off). (The guard reads from where pdfium starts, but may
# read past where pdfium stops, so only a stream's start is sure.)
_SPLIT_START = re.compile(rb"\s*(?:C|MC|DC)")


def may_mark(data: bytes | None, size: int) -> bool:
    """Whether a stream decoded to ``size`` bytes, of which ``data`` were kept, may mark content."""
    if data is None or len(data) < size:
        return True
    return _SPLIT_START.match(data) is not None or _OPERATORS.search(data) is not None


def unread_streams(data: bytes, read: int) -> bool:
    """Whether ``data`` holds more "stream" keywords than the ``read`` streams the guard found."""
    return data.count(b"stream") - data.count(b"endstream") > read
