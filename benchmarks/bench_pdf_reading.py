"""Benchmark reading PDFs: ``read_document`` against pdfium's bare text, per page, in one run.

The floor is what pdfium alone costs: open the file, load each page's text page and take its text
(``get_text_range``), with no boxes, colours, layout or checks. Each file is read ``--repeat``
times and its smallest CPU time kept, since this machine's speed drifts by up to 1.8x over an
hour and other processes share its two cores; the figures are ms of CPU per page and the ratio
of ``read_document`` to the floor, for the Kaggle (wkhtmltopdf/Qt, glyph by glyph) PDFs and the
rest.

    python benchmarks/bench_pdf_reading.py [--corpus ../shared/corpus/pdf] [--repeat 6]
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from resume_match.errors import DocumentError
from resume_match.reading import read_document

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "pdf"


def _pdfium_text(path: Path) -> None:
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        pdf.close()


def _ours(path: Path) -> None:
    with contextlib.suppress(DocumentError):
        read_document(path)


def _best(read: Callable[[Path], None], path: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        read(path)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=6)
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.pdf"))
    if not files:
        raise SystemExit(f"error: {args.corpus}: no PDF files; give --corpus")
    pages = {path: len(pdfium.PdfDocument(str(path))) for path in files}
    floor = {path: _best(_pdfium_text, path, args.repeat) for path in files}
    ours = {path: _best(_ours, path, args.repeat) for path in files}
    groups = {
        "kaggle (Qt)": [p for p in files if p.name.startswith("kaggle")],
        "other": [p for p in files if not p.name.startswith("kaggle")],
        "all": files,
    }
    print(f"{'PDFs':<12} {'pages':>5} {'pdfium text':>12} {'read_document':>14} {'ratio':>6}")
    for name, group in groups.items():
        count = sum(pages[p] for p in group)
        base = sum(floor[p] for p in group) / count * 1000
        mine = sum(ours[p] for p in group) / count * 1000
        print(f"{name:<12} {count:>5} {base:>9.2f} ms {mine:>11.2f} ms {mine / base:>6.1f}")


if __name__ == "__main__":
    main()
