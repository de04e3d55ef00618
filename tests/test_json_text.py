"""The fast indented JSON writes exactly what ``json.dumps(indent=2, ensure_ascii=False)`` does."""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from enum import IntEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_match.json_text import indented_json

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=40,
)


def standard(value: Any, depth: int = 0) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)


@settings(max_examples=400, deadline=None)
@given(values, st.integers(min_value=0, max_value=3))
def test_any_json_value_is_written_as_the_standard_library_writes_it(
    value: Any, depth: int
) -> None:
    assert indented_json(value, depth) == standard(value, depth)


class Level(IntEnum):
    LOW = 1


class Name(str):
    pass


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": {}, "b": [], "c": [{}], "d": [[]]},
        {"nan": math.nan, "inf": math.inf, "-inf": -math.inf, "small": 1e-310, "big": 1e300},
        {'quote"back\\slash': "line\nbreak\ttab\u0000nul\u2028sep é 漢字 \U0001f600 \ud800"},
        {3: "int key", 2.5: "float key", True: "bool key", None: "null key"},
        {"level": Level.LOW, "name": Name("x"), Name("key"): OrderedDict(b=1, a=2)},
        (1, (2, [3, {"four": (5,)}])),
        True,
        -0.0,
        10**30,
    ],
)
def test_edge_values_are_written_as_the_standard_library_writes_them(value: Any) -> None:
    for depth in (0, 2):
        assert indented_json(value, depth) == standard(value, depth)


@pytest.mark.parametrize("value", [{"set": {1}}, {(1, 2): "tuple key"}, [b"bytes"], [object()]])
def test_a_value_json_cannot_hold_fails_as_json_dumps_fails(value: Any) -> None:
    with pytest.raises(TypeError) as standard_error:
        standard(value)
    with pytest.raises(TypeError) as error:
        indented_json(value)
    assert str(error.value) == str(standard_error.value)


def test_a_circular_value_fails_as_json_dumps_fails() -> None:
    looped: list[Any] = []
    looped.append(looped)
    with pytest.raises(ValueError, match="Circular reference"):
        indented_json({"loop": looped})
