"""Fixtures for the screen tests: a warm fork server and a private cache folder."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest


@pytest.fixture(scope="module", autouse=True)
def preloaded_fork_server() -> None:
    """Import spaCy once into the fork server the workers come from: the same code, ~1 s less a run.

    The CLI does not preload, so that its fork server stays small and exits at once.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        multiprocessing.get_context("forkserver").set_forkserver_preload(
            ["spacy", "spacy.lang.en", "spacy.matcher", "pypdfium2", "docx", "resume_match.api"]
        )


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("RESUME_MATCH_CACHE_DIR", str(folder))
    return folder
