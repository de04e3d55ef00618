"""The guard's stream decoders give what the standard library gives, chunk by chunk."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_match.reading.pdfguard.filters import DecodeFailed, decoded


def _ascii85(chunks: list[bytes]) -> bytes:
    return b"".join(decoded(iter(chunks), [b"ASCII85Decode"]))


def assert_decodes_as_the_standard_library(text: bytes) -> None:
    try:
        expected: bytes | None = base64.a85decode(text)
    except ValueError:
        expected = None
    if expected is None:
        with pytest.raises(DecodeFailed, match="overflow"):
            _ascii85([text])
    else:
        assert _ascii85([text]) == expected


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.integers(min_value=1, max_value=50), st.booleans())
def test_ascii85_decodes_what_was_encoded(data: bytes, cut: int, spaced: bool) -> None:
    encoded = base64.a85encode(data, wrapcol=60 if spaced else 0)
    chunks = [encoded[i : i + cut] for i in range(0, len(encoded), cut)] + [b"~>"]
    assert _ascii85(chunks) == data


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=[chr(c) for c in range(33, 118)], min_size=5, max_size=5)))
def test_ascii85_groups_match_the_standard_library(groups: list[str]) -> None:
    assert_decodes_as_the_standard_library("".join(groups).encode("ascii"))


def test_ascii85_zero_groups_and_overflow() -> None:
    assert _ascii85([b"z!!!!!~>"]) == bytes(8)
    with pytest.raises(DecodeFailed, match="overflow"):
        _ascii85([b"uuuuu~>"])


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.text(alphabet=[chr(c) for c in range(33, 118)], min_size=5, max_size=5),
        min_size=64,
        max_size=300,
    )
)
def test_long_ascii85_streams_decode_as_the_standard_library_does(groups: list[str]) -> None:
    assert_decodes_as_the_standard_library("".join(groups).encode("ascii"))
    plain = base64.a85encode(bytes(range(256)) * 8)
    assert _ascii85([plain]) == bytes(range(256)) * 8
