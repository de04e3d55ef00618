"""The start-up cache: entries keyed by their sources, sound or ignored, never in the way."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from resume_match import startup_cache
from resume_match.matching.spelling import english_words, lemma_table
from resume_match.matching.word_tables import word_tables


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RESUME_MATCH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv(startup_cache.SWITCH_ENV, raising=False)
    return tmp_path / "cache" / startup_cache.FOLDER


class Builder:
    """Counts its calls, so a test can tell a loaded entry from a rebuilt one."""

    def __init__(self, value: Any = None) -> None:
        self.calls = 0
        self.value = value if value is not None else {"word": ("a", "b"), "n": 3}

    def __call__(self) -> Any:
        self.calls += 1
        return self.value


def is_dict(value: Any) -> bool:
    return isinstance(value, dict)


KEY = startup_cache.entry_key("test", b"source bytes")


def entry(folder: Path) -> Path:
    (path,) = folder.glob("tables-*.bin")
    return path


def test_a_built_value_is_loaded_by_the_next_run(folder: Path) -> None:
    build = Builder()
    assert startup_cache.load_or_build("tables", KEY, build, is_dict) == build.value
    assert startup_cache.load_or_build("tables", KEY, build, is_dict) == build.value
    assert build.calls == 1
    assert [p.name for p in folder.iterdir()] == [entry(folder).name]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit of the payload
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"",  # empty
        lambda data: b"\x00" * len(data),  # foreign
        lambda data: data[:40],  # the header alone
    ],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(folder: Path, damage: Any) -> None:
    build = Builder()
    startup_cache.load_or_build("tables", KEY, build, is_dict)
    path = entry(folder)
    path.write_bytes(damage(path.read_bytes()))
    assert startup_cache.load_or_build("tables", KEY, build, is_dict) == build.value
    assert build.calls == 2
    # ... and the rebuilt entry is sound again.
    assert startup_cache.load_or_build("tables", KEY, build, is_dict) == build.value
    assert build.calls == 2


def test_an_entry_of_the_wrong_shape_or_for_another_key_is_rebuilt(folder: Path) -> None:
    startup_cache.load_or_build("tables", KEY, Builder(["a list"]), lambda v: True)
    build = Builder()
    assert startup_cache.load_or_build("tables", KEY, build, is_dict) == build.value
    assert build.calls == 1
    # Same file name (the first 32 hex digits), another key: the stored key tells them apart.
    other = KEY[:32] + "0" * 32
    again = Builder({"other": 1})
    assert startup_cache.load_or_build("tables", other, again, is_dict) == {"other": 1}
    assert again.calls == 1


def test_an_unreadable_entry_or_an_unwritable_folder_only_costs_a_rebuild(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = Builder()
    folder.mkdir(parents=True)
    (folder / f"tables-{KEY[:32]}.bin").mkdir()  # a folder where the entry should be
    assert startup_cache.load_or_build("tables", KEY, build, is_dict) == build.value
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file")
    monkeypatch.setenv("RESUME_MATCH_CACHE_DIR", str(blocker))
    assert startup_cache.load_or_build("tables", KEY, build, is_dict) == build.value
    assert build.calls == 2
    assert blocker.read_text() == "a file"
    assert not list(folder.glob(".*.tmp"))


def test_the_off_switch_neither_reads_nor_writes(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = Builder()
    startup_cache.load_or_build("tables", KEY, build, is_dict)
    before = entry(folder).read_bytes()
    monkeypatch.setenv(startup_cache.SWITCH_ENV, "off")
    assert not startup_cache.enabled()
    startup_cache.load_or_build("tables", KEY, build, is_dict)
    startup_cache.load_or_build("other", KEY, build, is_dict)
    assert build.calls == 3
    assert not list(folder.glob("other-*"))
    assert entry(folder).read_bytes() == before


def test_entries_stay_in_their_folder_and_replace_their_older_keys(folder: Path) -> None:
    startup_cache.load_or_build("tables", startup_cache.entry_key("old"), Builder(), is_dict)
    startup_cache.load_or_build("tables-two", KEY, Builder(), is_dict)
    (folder / "notes.txt").write_text("not ours")
    startup_cache.load_or_build("tables", KEY, Builder(), is_dict)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(["notes.txt", f"tables-{KEY[:32]}.bin", f"tables-two-{KEY[:32]}.bin"])
    assert all(p.parent == folder for p in folder.parent.rglob("*") if p.is_file())


@pytest.mark.parametrize("name", ["../escape", "a/b", "", "UPPER", "x" * 60])
def test_an_entry_name_is_never_a_path(folder: Path, name: str) -> None:
    with pytest.raises(ValueError, match="not a cache entry name"):
        startup_cache.load_or_build(name, KEY, Builder(), is_dict)


def test_keys_change_with_sources_and_version(monkeypatch: pytest.MonkeyPatch) -> None:
    key = startup_cache.entry_key("words", b"one")
    assert startup_cache.entry_key("words", b"one") == key
    assert startup_cache.entry_key("words", b"two") != key
    assert startup_cache.entry_key("words", b"on", b"e") != key
    monkeypatch.setattr(startup_cache, "__version__", "99.0")
    assert startup_cache.entry_key("words", b"one") != key


def test_word_tables_from_the_cache_are_those_built_from_the_lookups(folder: Path) -> None:
    data = resources.files("spacy_lookups_data") / "data"
    table = json.loads(gzip.decompress((data / "en_lemma_lookup.json.gz").read_bytes()))
    index = json.loads(gzip.decompress((data / "en_lemma_index.json.gz").read_bytes()))
    words = set(table) | set(table.values())
    for forms in index.values():
        words.update(forms)
    word_tables.cache_clear()
    try:
        built = word_tables()
        word_tables.cache_clear()
        loaded = word_tables()
    finally:
        word_tables.cache_clear()
    assert entry_exists(folder)
    for tables in (built, loaded):
        assert tables.lemmas == table
        assert tables.words == tuple(sorted(words))
    assert lemma_table() == table
    assert english_words() == frozenset(words)


def entry_exists(folder: Path) -> bool:
    return any(folder.glob("word-tables-*.bin"))


NO_WRITES = """
import os, resource
resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
from resume_match import startup_cache
value = startup_cache.load_or_build("tables", "0" * 64, lambda: {"a": 1}, lambda v: True)
print(value, sorted(os.listdir(startup_cache.cache_folder())))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="file-size limits are POSIX")
def test_a_process_that_may_not_write_files_builds_and_leaves_nothing(folder: Path) -> None:
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", NO_WRITES], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.split("\n")[0] == "{'a': 1} []"
