"""Sample documents shipped with the package, to try the tool on without a resume of your own."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def samples_dir() -> Path:
    """Folder of the shipped samples (falls back to a source checkout)."""
    shipped = resources.files("resume_match") / "samples"
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[2] / "samples"


def sample_paths() -> list[Path]:
    """The shipped sample documents, sorted by name; dotfiles and the README are skipped."""
    folder = samples_dir()
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and not p.name.startswith(".")
        and p.suffix.lower() in {".pdf", ".docx", ".txt", ".md"}
        and p.name.lower() != "readme.md"
    )
