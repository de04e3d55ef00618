"""Finding the files: what is skipped and why, and symbolic links."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from helpers import write
from resume_match.cli import cli
from resume_match.screen import discover
from screen_fakes import STRONG, WEAK, touch


def test_discovery_skips_and_says_why(tmp_path: Path) -> None:
    touch(tmp_path, "good.txt", ".hidden.txt", "~$lock.docx", "old.doc", "data.csv", "sub/x.txt")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    (tmp_path / "a-link.txt").symlink_to(tmp_path / "b-link.txt")
    (tmp_path / "b-link.txt").symlink_to(tmp_path / "a-link.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "again.txt").symlink_to(tmp_path / "good.txt")
    flat = discover([tmp_path])
    assert [f.rel for f in flat.files] == ["good.txt"]
    kinds = {Path(s.path).name: s.kind for s in flat.skipped}
    assert kinds == {
        ".hidden.txt": "hidden",
        "~$lock.docx": "lock file",
        "old.doc": "unsupported type",
        "data.csv": "unsupported type",
        "sub": "sub-folder",
        "a-link.txt": "symbolic-link loop",
        "b-link.txt": "symbolic-link loop",
        "broken.txt": "broken link",
        "again.txt": "duplicate",
    }
    reasons = {Path(s.path).name: s.reason for s in flat.skipped}
    assert "legacy Word .doc file; save it as PDF or DOCX" in reasons["old.doc"]
    deep = discover([tmp_path], recursive=True)
    assert [f.rel for f in deep.files] == ["good.txt", "sub/x.txt"]
    loop = next(s for s in deep.skipped if s.path.endswith("loop"))
    assert loop.kind == "symbolic-link loop"


def test_no_follow_links_keeps_to_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    outside = write(tmp_path, "outside.txt", STRONG)
    write(folder, "inside.txt", WEAK)
    (folder / "escape.txt").symlink_to(outside)
    (folder / "alias.txt").symlink_to(folder / "inside.txt")
    followed = discover([folder], follow_links=True)
    assert sorted(f.path.name for f in followed.files) == ["escape.txt", "inside.txt"]
    kept = discover([folder], follow_links=False)
    assert [f.path.name for f in kept.files] == ["inside.txt"]
    reasons = {Path(s.path).name: (s.kind, s.reason) for s in kept.skipped}
    assert reasons["escape.txt"][0] == "outside link"
    assert "is a symbolic link out of" in reasons["escape.txt"][1]
    assert reasons["alias.txt"][0] == "duplicate"


def test_no_follow_links_option(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "inside.txt", STRONG)
    (folder / "escape.txt").symlink_to(write(tmp_path, "outside.txt", WEAK))
    result = runner.invoke(cli, ["screen", str(folder), "--no-follow-links", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "escape.txt" not in result.stdout
    assert "1 outside link" in result.stderr
