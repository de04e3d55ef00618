"""The guard finds every object header ("12 0 obj") its pattern finds, however it looks for them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_match.reading.pdfguard.syntax import OBJ, find_positions, object_positions

_PIECES = [b"1", b"0", b"7", b" ", b"\n", b"\r\n", b"\t", b"\x0c", b"-", b"+", b"obj", b"endobj"]
_PIECES += [b"x", b"R", b"12345678901", b" " * 70, b"9" * 30, b"stream\n", b"<<", b"objx"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_headers_are_found_where_the_pattern_finds_them(pieces: list[bytes]) -> None:
    data = b"".join(pieces)
    assert object_positions(data) == find_positions(OBJ, data)


def test_a_file_of_objects_and_streams() -> None:
    body = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 -1 obj <<>> stream\n"
    data = body + b"1 0 obj 99 0 obj\n" * 3 + b"\nendstream endobj\n 3\t+0\r\nobj" + b" " * 100
    data += b"4 0 obj\n" + b" " * 80 + b"5 0 obj"
    assert object_positions(data) == find_positions(OBJ, data)
    assert len(object_positions(data)) == 11


def test_obj_must_end_a_word() -> None:
    data = b"1 0 objx 2 0 obj1 3 0 obj_ 4 0 obj"
    assert object_positions(data) == find_positions(OBJ, data) == [data.index(b"4 0")]
