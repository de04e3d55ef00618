"""Ranking, shortlist filters and the result cache."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from builders import make_docx, make_pdf
from helpers import write
from resume_match.cli import cli
from resume_match.model import CheckResult, DocumentResult
from resume_match.screen import Candidate, CandidateResult, Shortlist, rank_candidates
from screen_fakes import LETTER, STRONG, WEAK, rows


def ranked_folder(folder: Path) -> Path:
    folder.mkdir()
    write(folder, "b-strong.txt", STRONG)
    write(folder, "a-strong.txt", STRONG)
    write(folder, "c-weak.txt", WEAK + "\nMicrosoft Office and data entry.\n" * 3)
    write(folder, "d-letter.txt", LETTER + STRONG)
    make_docx(folder / "e-mixed.docx", [*STRONG.splitlines()[:6], *WEAK.splitlines()])
    make_pdf(folder / "f-mixed.pdf", [*STRONG.splitlines()[4:], *WEAK.splitlines()])
    return folder


def test_jobs_1_and_2_give_identical_reports(runner: CliRunner, tmp_path: Path) -> None:
    folder = ranked_folder(tmp_path / "in")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.csv"
        result = runner.invoke(
            cli,
            [
                "screen",
                str(folder),
                "--keep-duplicates",
                "--jobs",
                jobs,
                "--no-cache",
                "--out",
                str(out),
            ],
        )
        assert result.exit_code == 0, result.output
        outputs.append((out.read_bytes(), result.stdout))
    assert outputs[0] == outputs[1]
    table = rows(tmp_path / "jobs1.csv")
    scores = [float(row["score"]) for row in table]
    assert scores == sorted(scores, reverse=True)
    assert [row["rank"] for row in table] == [str(i) for i in range(1, 7)]
    strong = [row["candidate"] for row in table if row["candidate"].endswith("-strong.txt")]
    assert strong == ["a-strong.txt", "b-strong.txt"]


def test_shortlist_filters_keep_everyone_in_the_report(runner: CliRunner, tmp_path: Path) -> None:
    folder = ranked_folder(tmp_path / "in")
    out = tmp_path / "r.csv"
    result = runner.invoke(
        cli,
        ["screen", str(folder), "--keep-duplicates", "--out", str(out), "--min-score", "50",
         "--require", "active-listening,ehr-systems", "--top", "1"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    table = rows(out)
    assert len(table) == 6
    kept = [row for row in table if row["shortlisted"] == "1"]
    assert [row["candidate"] for row in kept] == ["d-letter.txt"]
    reasons = {row["candidate"]: row["filtered_out"] for row in table}
    assert reasons["a-strong.txt"] == "missing required active-listening"
    assert "is below --min-score 50" in reasons["c-weak.txt"]
    assert result.stdout.count("\n") == 2 and "d-letter.txt" in result.stdout
    assert "; shortlisted 1" in result.stderr
    unknown = runner.invoke(
        cli, ["screen", str(folder), "--keep-duplicates", "--require", "typing"]
    )
    assert unknown.exit_code == 2
    assert "unknown skill id 'typing'" in unknown.stderr and "ehr-systems" in unknown.stderr


def test_top_counts_only_candidates_that_pass() -> None:
    results = [
        CandidateResult(
            Candidate(name, Path(name)),
            CheckResult(DocumentResult(name, "ok", score=score)),
        )
        for name, score in [("b", 50.0), ("a", 50.0), ("c", 90.0), ("d", 10.0)]
    ]
    ranked = rank_candidates(results, Shortlist(min_score=20, top=2))
    assert [(r.name, r.rank, r.filtered_out) for r in ranked] == [
        ("c", 1, ""),
        ("a", 2, ""),
        ("b", 3, "not in the top 2"),
        ("d", 4, "score 10.0 is below the minimum score 20"),
    ]


def test_cache_reuse_and_invalidation(runner: CliRunner, tmp_path: Path, cache_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.txt", STRONG)
    write(folder, "b.txt", WEAK + STRONG)

    def run(*extra: str) -> str:
        result = runner.invoke(cli, ["screen", str(folder), "--keep-duplicates", *extra])
        assert result.exit_code == 0, result.output
        return result.stderr

    assert "read 2, cached 0" in run()
    first = runner.invoke(cli, ["screen", str(folder), "--keep-duplicates"]).stdout
    assert "read 0, cached 2" in run()
    write(folder, "c.txt", STRONG + "\nBilingual in Spanish.\n")
    assert "read 1, cached 2" in run()
    assert (
        runner.invoke(cli, ["screen", str(folder), "--keep-duplicates"]).stdout.count("\n")
        == first.count("\n") + 1
    )
    assert "read 3, cached 0" in run("--no-cache")
    assert "read 3, cached 0" in run("--max-size", "5")
    taxonomy = write(tmp_path, "t.toml", TAXONOMY.format(phrase="insurance"))
    assert "read 3, cached 0" in run("--taxonomy", str(taxonomy))
    assert "read 0, cached 3" in run("--taxonomy", str(taxonomy))
    write(tmp_path, "t.toml", TAXONOMY.format(phrase="epic"))
    assert "read 3, cached 0" in run("--taxonomy", str(taxonomy))
    assert (cache_dir / "screen-cache.sqlite3").is_file()


TAXONOMY = """schema = 1
[role]
id = "mini"
name = "Mini"
[[skill]]
id = "one"
name = "One"
category = "technical"
phrases = ["{phrase}"]
"""


def test_broken_cache_is_a_warning(runner: CliRunner, tmp_path: Path, cache_dir: Path) -> None:
    (cache_dir / "screen-cache.sqlite3").write_bytes(b"this is not a database" * 100)
    write(tmp_path, "a.txt", STRONG)
    result = runner.invoke(cli, ["screen", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("warning: the cache is off: ")
    assert "delete it or use --no-cache" in result.stderr
