"""A taxonomy's parsed TOML comes back from the start-up cache only for the very same text."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_match import startup_cache
from resume_match.errors import TaxonomyError
from resume_match.taxonomy import bundled_taxonomy_path, load_taxonomy


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RESUME_MATCH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv(startup_cache.SWITCH_ENV, raising=False)
    return tmp_path / "cache" / startup_cache.FOLDER


def test_a_cached_taxonomy_equals_one_parsed_without_the_cache(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = load_taxonomy(), load_taxonomy()
    assert len(list(folder.glob("taxonomy-*.bin"))) == 1
    monkeypatch.setenv(startup_cache.SWITCH_ENV, "off")
    assert first == second == load_taxonomy()


def test_an_edited_taxonomy_is_parsed_again(folder: Path, tmp_path: Path) -> None:
    path = tmp_path / "role.toml"
    text = bundled_taxonomy_path().read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    before = load_taxonomy(path)
    path.write_text(text.replace(f'name = "{before.name}"', 'name = "Edited role"', 1), "utf-8")
    assert load_taxonomy(path).name == "Edited role"
    assert load_taxonomy(path).skills == before.skills


def test_invalid_toml_fails_the_same_with_a_cache_holding_a_valid_one(
    folder: Path, tmp_path: Path
) -> None:
    load_taxonomy()
    path = tmp_path / "broken.toml"
    path.write_text('id = "x"\nname = [unclosed\n', encoding="utf-8")
    with pytest.raises(TaxonomyError, match="is not valid TOML"):
        load_taxonomy(path)
    assert not list(folder.glob("taxonomy-*.tmp"))


def test_a_damaged_entry_is_parsed_again(folder: Path) -> None:
    expected = load_taxonomy()
    (entry,) = folder.glob("taxonomy-*.bin")
    entry.write_bytes(entry.read_bytes()[:-10])
    assert load_taxonomy() == expected
