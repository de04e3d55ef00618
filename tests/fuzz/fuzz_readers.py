"""Fuzz the readers: mutate small PDF, DOCX and text files and read each mutant.

    python tests/fuzz/fuzz_readers.py --minutes 10            # the long run
    python tests/fuzz/fuzz_readers.py --executions 300 --seed 0 --no-save

Seeds are built on the fly (reportlab, python-docx and the raw writers in tests/builders/). Each
mutant is read by ``resume_match.reading.read_document`` in a worker process that has a memory cap
(1 GB above what it maps at start) and a per-input deadline. A ``DocumentError`` is the expected
answer to a broken file; anything else is a finding: another exception, a worker that dies (a
crash in pdfium or lxml), an input over the deadline (a hang) or over the cap. Each finding is
saved to tests/fuzz/regressions/, named after what it reproduces, and the run prints its figures.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import multiprocessing
import os
import random
import re
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REGRESSIONS = HERE / "regressions"
sys.path.insert(0, str(HERE.parent))

MAX_SAVED_BYTES = 50 * 1024
DEADLINE = 10.0
MEMORY_MB = 1024

# --- seeds --------------------------------------------------------------------------------------


def build_seeds(folder: Path) -> list[tuple[str, bytes]]:
    """Small, valid files of every kind the readers take, each exercising different code."""
    import builders
    from builders import make_docx, make_pdf

    lines = list(builders.RESUME_LINES)
    seeds: list[tuple[str, bytes]] = []

    def made(name: str, build: Callable[[Path], object]) -> None:
        path = folder / name
        build(path)
        seeds.append((path.suffix, path.read_bytes()))

    made("plain.pdf", lambda p: make_pdf(p, lines))
    made("columns.pdf", lambda p: make_pdf(p, columns=[lines[:5], lines[5:]], banner=lines[:1]))
    made("hidden.pdf", lambda p: make_pdf(p, lines, hidden=["Epic Cerner"], hidden_mode="white"))
    made("ligature.pdf", lambda p: make_pdf(p, ["Insurance ﬁling", *lines]))
    made("pages.pdf", lambda p: make_pdf(p, lines * 3, pages=3, header="Jane Roe"))
    made("plain.docx", lambda p: make_docx(p, lines))
    made(
        "layout.docx",
        lambda p: make_docx(
            p, lines, table=[["Epic", "HIPAA"]], nested_table=True, header="Jane", textbox="Box"
        ),
    )
    made("hidden.docx", lambda p: make_docx(p, lines, hidden_runs=["x"], vanish_runs=["y"]))
    text = builders.resume_text()
    seeds += [
        (".pdf", builders.simple_pdf()),
        (".pdf", builders.simple_pdf(filters=["FlateDecode"])),
        (".pdf", builders.simple_pdf(filters=["LZWDecode"])),
        (".pdf", builders.simple_pdf(filters=["ASCIIHexDecode", "RunLengthDecode"])),
        (".pdf", builders.pdf_form_bomb(levels=3, fanout=2)),
        (".pdf", builders.pdf_image_only()),
        (".pdf", builders.pdf_no_unicode_map()),
        (".pdf", builders.encrypted_pdf("")),
        (".docx", builders.docx_bytes()),
        (".docx", builders.docx_external_links()),
        (".txt", text.encode("utf-8")),
        (".txt", text.encode("utf-16")),
        (".txt", text.replace("Epic", "Épic").encode("cp1252")),
        (".md", ("# " + text.replace("\n", "\n- ")).encode("utf-8")),
    ]
    from builders import invisible

    # The visibility code (renders, clips, layers) and the DOCX styles and walk (issue 13).
    seeds += [(".pdf", technique.build()) for technique in invisible.PDF_TECHNIQUES]
    seeds += [(".pdf", invisible.visible_sidebar_pdf())]
    seeds += [(".docx", technique.build()) for technique in invisible.DOCX_TECHNIQUES]
    seeds += [(".docx", invisible.docx_visible_controls())]
    return [(suffix, data) for suffix, data in seeds if len(data) < 40 * 1024]


# --- mutations ----------------------------------------------------------------------------------

TOKENS = [
    b"obj",
    b"endobj",
    b"stream\n",
    b"endstream",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"(",
    b")",
    b"R",
    b"/Filter /FlateDecode",
    b"/Filter /LZWDecode",
    b"/Length 0",
    b"/Type /Page",
    b"/Type /Pages",
    b"/Kids [1 0 R]",
    b"/Contents",
    b"/Resources",
    b"/XObject",
    b"/Subtype /Form",
    b"Do",
    b"BT",
    b"ET",
    b"Tj",
    b"TJ",
    b"Tf",
    b"cm",
    b"q",
    b"Q",
    b"%%EOF",
    b"xref",
    b"trailer",
    b"startxref",
    b"/Encrypt",
    b"/ObjStm",
    b"/ToUnicode",
    b"beginbfrange",
    b"<!DOCTYPE a [",
    b"<!ENTITY e 'x'>",
    b"&e;",
    b"<w:p>",
    b"</w:p>",
    b"<w:t>",
    b"</w:t>",
    b"<w:tbl>",
    b"<w:tc>",
    b"<w:vanish/>",
    b'<w:sz w:val="2"/>',
    b"<w:txbxContent>",
    b"&amp;",
    b"&#0;",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\r",
    b"\n",
    "\u200b".encode(),
    b"\xd0\x9d",
    b"PK\x03\x04",
]
NUMBERS = [
    b"0",
    b"-1",
    b"1",
    b"255",
    b"65535",
    b"2147483647",
    b"4294967297",
    b"99999999999",
    b"1e308",
    b"-0",
    b"0.0000001",
    b"NaN",
]
_NUMBER = re.compile(rb"-?\d{1,12}")


def mutate(data: bytes, rng: random.Random, donors: list[bytes]) -> bytes:
    """One mutant: a few random edits, or edits to one part inside a zip (DOCX)."""
    if data.startswith(b"PK\x03\x04") and rng.random() < 0.6:
        inner = _mutate_zip(data, rng, donors)
        if inner is not None:
            return inner
    for _ in range(rng.randint(1, 4)):
        data = _edit(bytearray(data), rng, donors)
    return data


def _edit(data: bytearray, rng: random.Random, donors: list[bytes]) -> bytes:
    if not data:
        return bytes(rng.choice(TOKENS))
    size = len(data)
    at = rng.randrange(size)
    operation = rng.randrange(9)
    if operation == 0:
        data[at] ^= 1 << rng.randrange(8)
    elif operation == 1:
        data[at] = rng.choice([0, 0xFF, 0x7F, 0x80, 0x20, 0x0A, 0x25, 0x3C, 0x3E, 0x2F])
    elif operation == 2:
        data[at:at] = rng.choice(TOKENS)
    elif operation == 3:
        token = rng.choice(TOKENS)
        data[at : at + len(token)] = token
    elif operation == 4:
        del data[rng.randrange(size) :]
    elif operation == 5:
        length = rng.randint(1, min(4096, size))
        chunk = data[at : at + length]
        where = rng.randrange(size)
        data[where:where] = chunk * rng.randint(1, 8)
    elif operation == 6:
        del data[at : at + rng.randint(1, min(512, size))]
    elif operation == 7:
        donor = rng.choice(donors)
        start = rng.randrange(len(donor))
        data[at:at] = donor[start : start + rng.randint(1, 2048)]
    else:
        numbers = list(_NUMBER.finditer(data))
        if numbers:
            match = rng.choice(numbers)
            data[match.start() : match.end()] = rng.choice(NUMBERS)
    return bytes(data[: 64 * 1024])


def _mutate_zip(data: bytes, rng: random.Random, donors: list[bytes]) -> bytes | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = {info.filename: package.read(info) for info in package.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        return None
    if not parts:
        return None
    names = list(parts)
    if rng.random() < 0.1:
        del parts[rng.choice(names)]
    else:
        name = (
            "word/document.xml"
            if rng.random() < 0.6 and "word/document.xml" in parts
            else (rng.choice(names))
        )
        for _ in range(rng.randint(1, 4)):
            parts[name] = _edit(bytearray(parts[name]), rng, donors)
    buffer = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if rng.random() < 0.8 else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", method) as package:
        for name, payload in parts.items():
            package.writestr(name, payload)
    return buffer.getvalue()


# --- running inputs in a worker -----------------------------------------------------------------


def _worker(conn: Any) -> None:  # pragma: no cover - runs in the worker process
    import faulthandler
    import resource

    faulthandler.disable()
    from resume_match.errors import DocumentError
    from resume_match.reading import ReadOptions, read_document

    # The readers themselves, in this capped worker: a child per input would hide their crashes.
    in_process = ReadOptions(isolate=False)
    with contextlib.suppress(OSError, ValueError, IndexError):
        pages = int(Path("/proc/self/statm").read_text().split()[0])
        cap = pages * os.sysconf("SC_PAGE_SIZE") + MEMORY_MB * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, resource.RLIM_INFINITY))
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        try:
            read_document(task, in_process)
            outcome: tuple[str, str] = ("ok", "")
        except DocumentError as error:
            outcome = ("expected", type(error).__name__)
        except BaseException as exc:
            frames = [
                f for f in traceback.extract_tb(exc.__traceback__) if "resume_match" in f.filename
            ]
            where = f"{Path(frames[-1].filename).stem}.{frames[-1].name}" if frames else "?"
            outcome = ("exception", f"{type(exc).__name__} in {where}: {exc}"[:300])
        conn.send(outcome)


class _Worker:
    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child,), daemon=True)
        self.process.start()
        child.close()

    def run(self, path: Path, deadline: float) -> tuple[str, str]:
        try:
            self.conn.send(path)
            if not self.conn.poll(deadline):
                self.stop()
                return "hang", f"no answer within {deadline:g} s"
            return tuple(self.conn.recv())  # type: ignore[return-value]
        except (EOFError, OSError, BrokenPipeError):
            self.process.join(5)
            code = self.process.exitcode
            return "crash", f"worker died (exit code {code})"

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


# --- the campaign -------------------------------------------------------------------------------


@dataclass
class Stats:
    """What a run did and found."""

    executions: int = 0
    seconds: float = 0.0
    outcomes: dict[str, int] = field(default_factory=dict)
    findings: dict[str, str] = field(default_factory=dict)
    saved: list[str] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    slowest: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "executions": self.executions,
            "seconds": round(self.seconds, 1),
            "executions_per_second": round(self.executions / max(self.seconds, 1e-9), 1),
            "outcomes": self.outcomes,
            "unique_findings": len(self.findings),
            "findings": {key: f"{self.hits[key]}x {value}" for key, value in self.findings.items()},
            "saved": self.saved,
            "slowest_input_seconds": round(self.slowest, 2),
        }


def run(
    minutes: float | None = None,
    executions: int | None = None,
    seed: int = 0,
    save: bool = True,
    deadline: float = DEADLINE,
    log: Callable[[str], None] | None = None,
) -> Stats:
    """Fuzz until ``minutes`` pass or ``executions`` inputs are read, whichever comes first."""
    rng = random.Random(seed)
    stats = Stats()
    started = time.monotonic()
    stop_at = started + minutes * 60 if minutes else float("inf")
    limit = executions if executions is not None else sys.maxsize
    with tempfile.TemporaryDirectory(prefix="resume-match-fuzz-") as folder:
        work = Path(folder)
        seeds = build_seeds(work)
        donors = [data for _, data in seeds]
        worker = _Worker()
        last_log = started
        try:
            while stats.executions < limit and time.monotonic() < stop_at:
                suffix, data = rng.choice(seeds)
                if rng.random() < 0.05:
                    suffix = rng.choice([".pdf", ".docx", ".txt"])
                mutant = mutate(data, rng, donors)
                path = work / f"input{suffix}"
                path.write_bytes(mutant)
                began = time.monotonic()
                kind, detail = worker.run(path, deadline)
                stats.slowest = max(stats.slowest, time.monotonic() - began)
                stats.executions += 1
                stats.outcomes[kind] = stats.outcomes.get(kind, 0) + 1
                if kind in ("crash", "hang", "exception"):
                    worker.stop()
                    worker = _Worker()
                    # A finding counts when a fresh worker meets it again: a busy machine can
                    # stall one read past the deadline.
                    again, _ = worker.run(path, deadline)
                    if again == kind:
                        _record(stats, kind, detail, suffix, mutant, save)
                    else:
                        stats.outcomes["not-reproduced"] = (
                            stats.outcomes.get("not-reproduced", 0) + 1
                        )
                        if again in ("crash", "hang"):
                            worker.stop()
                            worker = _Worker()
                if log and time.monotonic() - last_log > 30:
                    last_log = time.monotonic()
                    log(json.dumps({"executions": stats.executions, **stats.outcomes}))
        finally:
            worker.stop()
    stats.seconds = time.monotonic() - started
    return stats


def _record(stats: Stats, kind: str, detail: str, suffix: str, data: bytes, save: bool) -> None:
    """Count a finding under its signature; keep up to 5 inputs of each, as crashes look alike."""
    signature = f"{kind}: {re.sub(r':.*', '', detail) if kind == 'exception' else detail}"
    stats.findings.setdefault(signature, detail)
    stats.hits[signature] = stats.hits.get(signature, 0) + 1
    if not save or len(data) > MAX_SAVED_BYTES or stats.hits[signature] > 5:
        return
    REGRESSIONS.mkdir(exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", signature.lower()).strip("-")[:60]
    name = f"{kind}-{slug}-{hashlib.sha256(data).hexdigest()[:8]}{suffix}"
    (REGRESSIONS / name).write_bytes(data)
    stats.saved.append(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=None, help="stop after this long")
    parser.add_argument("--executions", type=int, default=None, help="stop after this many inputs")
    parser.add_argument("--seed", type=int, default=int(time.time()), help="random seed")
    parser.add_argument("--deadline", type=float, default=DEADLINE, help="seconds per input")
    parser.add_argument("--no-save", action="store_true", help="do not write regression files")
    args = parser.parse_args()
    if args.minutes is None and args.executions is None:
        parser.error("give --minutes or --executions")
    stats = run(
        args.minutes,
        args.executions,
        args.seed,
        not args.no_save,
        args.deadline,
        log=lambda line: print(line, file=sys.stderr, flush=True),
    )
    print(json.dumps({"seed": args.seed, **stats.as_dict()}, indent=2))


if __name__ == "__main__":
    main()
