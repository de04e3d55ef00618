"""Look inside a PDF before pdfium parses it, and refuse the ones built to exhaust a reader.

pdfium decodes every content stream of a page, and every form XObject the page draws, in full when
the page loads, and it cannot be interrupted. A 1 MB file can hold a content stream that inflates
to gigabytes, or a form that draws itself twice at every level. So the raw file is scanned first:
each stream is inflated with a budget (nothing is kept but the sizes and the streams that pages
draw), then each page's content is costed with its forms expanded. The scan is conservative: it
reads every stream it can find, whatever the cross-reference table says.

What it cannot see (streams of an encrypted PDF, filters it does not know) is left to the page
limits in the reader and to the child process that ``ReadOptions.isolate`` runs the reader in.
"""

from __future__ import annotations

from ...errors import PdfBudgetError
from .scan import check_pdf

__all__ = ["PdfBudgetError", "check_pdf"]
