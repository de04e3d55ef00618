"""The Dask engine: the same screen as the local pool, hangs cut off, lost workers retried."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest

from helpers import STRONG_RESUME, write
from resume_match.reading import ReadOptions
from resume_match.screen.score import WorkerSetup
from resume_match.taxonomy import Taxonomy
from screen_fakes import alive, slow_everywhere, slow_on_name

# --- the Dask engine --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Any:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local


def test_dask_engine_gives_every_file_and_cuts_off_hangs(
    tmp_path: Path, taxonomy: Taxonomy, cluster: Any
) -> None:
    from resume_match.screen.dask_engine import DaskEngine

    paths = [write(tmp_path, f"{n}.txt", STRONG_RESUME) for n in ("a", "b", "c")]
    paths.append(write(tmp_path, "slow.txt", STRONG_RESUME))
    results: dict[int, tuple[dict[str, Any], bool]] = {}
    DaskEngine(cluster.scheduler_address).run(
        WorkerSetup(taxonomy, ReadOptions(), slow_on_name),
        list(enumerate(paths)),
        2,
        lambda index, payload, cacheable: results.__setitem__(index, (payload, cacheable)),
    )
    assert sorted(results) == [0, 1, 2, 3]
    assert all(results[i][0]["status"] == "ok" and results[i][1] for i in range(3))
    assert results[3][0]["reason"].startswith("timed out after 2 s")
    assert not alive(int((tmp_path / "slow.txt.pid").read_text()))


def test_dask_engine_retries_the_files_of_a_killed_worker(
    tmp_path: Path, taxonomy: Taxonomy, cluster: Any
) -> None:
    from distributed import Client

    from resume_match.screen.dask_engine import DaskEngine

    paths = [write(tmp_path, f"{n:02}.txt", STRONG_RESUME) for n in range(24)]
    results: dict[int, dict[str, Any]] = {}
    with Client(cluster.scheduler_address) as client:
        victims = list(client.run(os.getpid).values())

        def on_result(index: int, payload: dict[str, Any], cacheable: bool) -> None:
            results[index] = payload
            if len(results) == 3:
                os.kill(victims[0], signal.SIGKILL)

        DaskEngine(cluster.scheduler_address).run(
            WorkerSetup(taxonomy, ReadOptions(), slow_everywhere),
            list(enumerate(paths)),
            30,
            on_result,
        )
        assert victims[0] not in client.run(os.getpid).values()
    assert sorted(results) == list(range(24))
    assert {payload["status"] for payload in results.values()} == {"ok"}


# --- screen on the Dask engine ----------------------------------------------------------------

LETTER = """Dear Hiring Manager,
I am applying for the Patient Service Representative role. I listen carefully to patient
concerns, stay calm and courteous under pressure, and work closely with nurses. Sincerely, Jo
"""
WEAK = """Sam Rivera
EXPERIENCE
Barista at a neighbourhood coffee shop for two years. Made espresso drinks, kept the counter
clean, restocked the pastry case and opened the store on weekends with the shift lead.
"""


def mixed_folder(folder: Path) -> Path:
    """Every kind of outcome: PDF, DOCX, TXT, pairs, sub-folders, broken and skipped files."""
    from builders import make_docx, make_pdf

    folder.mkdir()
    make_pdf(folder / "jordan-lee-resume.pdf", STRONG_RESUME.splitlines())
    make_docx(folder / "jordan-lee-cover-letter.docx", LETTER.splitlines())
    make_docx(folder / "Kim_Lee_CV.docx", STRONG_RESUME.splitlines())
    write(folder, "sam-rivera.txt", WEAK)
    write(folder, "=HYPERLINK(x).txt", STRONG_RESUME)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    (folder / "fake.docx").write_bytes(b"PK\x03\x04 not really a zip")
    write(folder, "empty.txt", "")
    write(folder, "name-only.md", "Jordan Lee")
    write(folder, "notes.rtf", "{\\rtf1 hello}")
    write(folder, ".hidden.txt", STRONG_RESUME)
    sub = folder / "maria-lopez"
    sub.mkdir()
    write(sub, "resume.txt", STRONG_RESUME + "\nBilingual in Spanish.\n")
    write(sub, "Maria Lopez cover.txt", LETTER)
    return folder


def test_dask_engine_report_is_byte_identical_to_the_local_one(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from click.testing import CliRunner

    from resume_match.cli import cli

    folder = mixed_folder(tmp_path / "in")
    outputs = {}
    for engine in ("local", "dask"):
        for suffix in ("csv", "json"):
            out = tmp_path / f"{engine}.{suffix}"
            args = ["screen", str(folder), "-r", "--no-cache", "--jobs", "2", "--out", str(out)]
            result = CliRunner().invoke(cli, [*args, "--engine", engine])
            assert result.exit_code == 4, result.output
            outputs[engine, suffix] = out.read_bytes()
            outputs[engine, "table"] = result.stdout.encode()
    for kind in ("csv", "json", "table"):
        assert outputs["local", kind] == outputs["dask", kind]
    text = outputs["dask", "csv"].decode("utf-8-sig")
    for name in ("jordan-lee-resume.pdf", "jordan-lee-cover-letter.docx", "Kim_Lee_CV.docx",
                 "sam-rivera.txt", "HYPERLINK", "broken.pdf", "fake.docx", "empty.txt",
                 "name-only.md", "notes.rtf", "Maria Lopez cover.txt"):  # fmt: skip
        assert name in text


def test_screen_on_dask_finishes_when_a_worker_dies(tmp_path: Path, cluster: Any) -> None:
    from distributed import Client

    from resume_match.screen import screen
    from resume_match.screen.dask_engine import DaskEngine

    for n in range(30):
        write(tmp_path, f"applicant-{n:02}.txt", STRONG_RESUME)
    with Client(cluster.scheduler_address) as client:
        victim = sorted(client.run(os.getpid).values())[0]
        killed: list[int] = []

        def progress(state: Any) -> None:
            if state.done - state.cached >= 4 and not killed:
                killed.append(victim)
                os.kill(victim, signal.SIGKILL)

        report = screen(
            [tmp_path],
            jobs=2,
            progress=progress,
            check_function=slow_everywhere,
            fold_same_documents=False,
            engine=DaskEngine(cluster.scheduler_address),
        )
        assert killed and victim not in client.run(os.getpid).values()
    assert len(report.candidates) == 30 and report.read == 30
    assert {c.main.status for c in report.candidates} == {"ok"}


def test_a_missing_dask_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from click.testing import CliRunner

    from resume_match.cli import cli

    for name in [n for n in sys.modules if n == "distributed" or n.startswith("distributed.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "distributed", None)
    monkeypatch.delitem(sys.modules, "resume_match.screen.dask_engine", raising=False)
    write(tmp_path, "a.txt", STRONG_RESUME)
    result = CliRunner().invoke(cli, ["screen", str(tmp_path), "--engine", "dask"])
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        "error: --engine dask: the dask engine needs Dask; install resume-match[dask]\n"
    )
    result = CliRunner().invoke(cli, ["screen", str(tmp_path), "--scheduler", "tcp://x:1"])
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.stderr
