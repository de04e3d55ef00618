"""The hostile and broken files the readers must survive, and what reading each must give.

Each :class:`Case` writes one file and says what reading it must give: the status and a piece of
the reason (or, for a readable file, the flags). The files are built on the fly by
:mod:`builders`, so that no large or dangerous binary is committed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from builders import hostile_pdf
from builders.hostile_docx import (
    TEMPLATE,
    document_xml,
    docx_billion_laughs,
    docx_bytes,
    docx_deep_xml,
    docx_encrypted_entry,
    docx_external_entity,
    docx_external_links,
    docx_lying_sizes,
    docx_many_entries,
    docx_missing_styles,
    docx_parts,
    docx_utf16_doctype,
    docx_xml_bomb,
    docx_zip_bomb,
    ole_file,
)
from builders.hostile_pdf import (
    encrypted_pdf,
    pdf_broken_xref,
    pdf_cyclic_page_tree,
    pdf_deep_nesting,
    pdf_dense_content,
    pdf_disguised_content,
    pdf_double_flate_bomb,
    pdf_flate_bomb,
    pdf_form_bomb,
    pdf_form_loop,
    pdf_hex_flate_bomb,
    pdf_huge_content,
    pdf_image_only,
    pdf_lying_page_count,
    pdf_lzw_bomb,
    pdf_lzw_text,
    pdf_many_pages,
    pdf_no_unicode_map,
    pdf_reference_cycle,
    pdf_truncated,
    simple_pdf,
)
from builders.plain import MB, binary_junk, resume_text, text_with_nuls


@dataclass(frozen=True)
class Case:
    """One hostile file: how to build it and what reading it must give."""

    name: str
    suffix: str
    build: Callable[[], bytes]
    status: str
    message: str = ""
    flags: tuple[str, ...] = ()
    options: dict[str, int] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return f"{self.name}{self.suffix}"

    def write(self, folder: Path) -> Path:
        """Write the file into ``folder`` and return its path."""
        path = folder / self.filename
        path.write_bytes(self.build())
        return path


# --- the catalogue ------------------------------------------------------------------------------

_MISSING_PART = (
    "a part every Word document has; it may be damaged: open it in Word and save it again"
)
_BAD_XML = "holds XML that cannot be parsed (broken, or nested too deeply)"
_UNREADABLE_PDF = "is not a readable PDF (damaged or truncated); export it again"
_BOMB = "its compressed streams expand to more than 256 MB, far more than a resume needs"
_CONTENT = "a page draws more than 8 MB of content (forms counted as often as they are drawn)"
_ENTITIES = "contains XML entity declarations (word/document.xml), which Word never writes"
_NO_LAYER = "has no text layer (its pages hold no text and no images"

CASES: tuple[Case, ...] = (
    # plain text
    Case("text-binary-junk", ".txt", binary_junk, "error", "looks like binary data, not text"),
    Case("text-nul-bytes", ".txt", text_with_nuls, "ok"),
    Case("text-utf16-without-bom", ".txt", lambda: resume_text().encode("utf-16-le"), "ok"),
    Case("text-utf16-odd-length", ".txt", lambda: resume_text().encode("utf-16") + b"!", "ok"),
    Case(
        "text-single-line-50mb",
        ".txt",
        lambda: b"a" * (50 * MB),
        "error",
        "is 50.0 MB, over the 20 MB limit",
    ),
    Case(
        "text-single-line-50mb-raised-limit",
        ".txt",
        lambda: b"a" * (50 * MB),
        "error",
        "holds more than 500,000 characters of text (50.0 MB)",
        options={"max_bytes": 100 * MB},
    ),
    Case(
        "text-1mb-of-letters",
        ".txt",
        lambda: b"Skills: " + b"a" * MB,
        "error",
        "holds 1,048,584 characters of text, more than the 500,000",
    ),
    Case(
        "text-pdf-renamed",
        ".txt",
        simple_pdf,
        "error",
        "is really a PDF with a text name; rename it to .pdf",
    ),
    Case(
        "text-docx-renamed",
        ".md",
        docx_bytes,
        "error",
        "is really a zip file (a DOCX?) with a text name; rename it to .docx",
    ),
    # DOCX
    Case(
        "docx-zip-bomb",
        ".docx",
        docx_zip_bomb,
        "error",
        "expands to 200 MB when unzipped, over the 150 MB limit (a zip bomb?)",
    ),
    Case(
        "docx-zip-lying-sizes",
        ".docx",
        docx_lying_sizes,
        "error",
        "is not a valid DOCX file (damaged zip); it may be truncated",
    ),
    Case(
        "docx-xml-bomb",
        ".docx",
        docx_xml_bomb,
        "error",
        "holds more than 32 MB of XML, far more than a Word document needs",
    ),
    Case(
        "docx-3000-entries",
        ".docx",
        docx_many_entries,
        "error",
        "is a DOCX with 3,000 parts, far more than a document has",
    ),
    Case("docx-billion-laughs", ".docx", docx_billion_laughs, "error", _ENTITIES),
    Case(
        "docx-billion-laughs-after-comment",
        ".docx",
        lambda: docx_billion_laughs(padding=10_000),
        "error",
        _ENTITIES,
    ),
    Case("docx-external-entity", ".docx", docx_external_entity, "error", _ENTITIES),
    Case("docx-utf16-entities", ".docx", docx_utf16_doctype, "error", _ENTITIES),
    Case(
        "docx-no-document-part",
        ".docx",
        lambda: docx_bytes(document=None),
        "error",
        "is a zip file but not a Word document (no word/document.xml)",
    ),
    Case(
        "docx-no-content-types",
        ".docx",
        lambda: docx_bytes(content_types=None),
        "error",
        f"is missing [Content_Types].xml, {_MISSING_PART}",
    ),
    Case(
        "docx-no-package-rels",
        ".docx",
        lambda: docx_bytes(rels=None),
        "error",
        f"is missing _rels/.rels, {_MISSING_PART}",
    ),
    # Only the parts that hold text are parsed, so a missing style sheet costs nothing.
    Case("docx-missing-styles-part", ".docx", docx_missing_styles, "ok"),
    Case(
        "docx-broken-xml",
        ".docx",
        lambda: docx_bytes(document=document_xml().encode()[:-40]),
        "error",
        _BAD_XML,
    ),
    Case("docx-deep-xml", ".docx", docx_deep_xml, "error", _BAD_XML),
    Case(
        "docx-wrong-root",
        ".docx",
        lambda: docx_bytes(document=b'<?xml version="1.0"?><html><body/></html>'),
        "error",
        "has no document body in word/document.xml",
    ),
    Case(
        "docx-truncated",
        ".docx",
        lambda: docx_bytes()[:300],
        "error",
        "is not a valid DOCX file (damaged zip); it may be truncated",
    ),
    Case(
        "docx-encrypted-entry",
        ".docx",
        docx_encrypted_entry,
        "error",
        "has encrypted parts; save an unprotected copy and try again",
    ),
    Case(
        "docx-template",
        ".docx",
        lambda: docx_bytes(docx_parts(main=TEMPLATE)),
        "error",
        "is not a Word document but another Office file",
    ),
    Case(
        "docx-really-pdf",
        ".docx",
        simple_pdf,
        "error",
        "is really a PDF with a .docx name; rename it to .pdf",
    ),
    Case(
        "docx-renamed-doc",
        ".docx",
        ole_file,
        "error",
        "is a legacy Word .doc file renamed to .docx; save it as PDF or DOCX",
    ),
    Case(
        "docx-password-protected",
        ".docx",
        lambda: ole_file(["EncryptionInfo", "EncryptedPackage"]),
        "error",
        "is protected by a password; save an unprotected copy and try again",
    ),
    Case(
        "docx-not-a-zip",
        ".docx",
        lambda: resume_text().encode(),
        "error",
        "is not a valid DOCX file (not a zip package)",
    ),
    Case("docx-external-links", ".docx", docx_external_links, "ok"),
    # PDF
    Case("pdf-truncated", ".pdf", pdf_truncated, "error", _UNREADABLE_PDF),
    Case("pdf-header-only", ".pdf", lambda: b"%PDF-1.7\n", "error", _UNREADABLE_PDF),
    Case("pdf-broken-xref", ".pdf", pdf_broken_xref, "ok"),
    Case("pdf-no-xref", ".pdf", lambda: simple_pdf(xref=False), "ok"),
    Case(
        "pdf-user-password",
        ".pdf",
        lambda: encrypted_pdf("secret"),
        "error",
        "is protected by a password; save an unprotected copy and try again",
    ),
    Case("pdf-owner-password-only", ".pdf", lambda: encrypted_pdf(""), "ok"),
    Case(
        "pdf-5000-pages",
        ".pdf",
        pdf_many_pages,
        "ok",
        flags=("truncated",),
    ),
    Case("pdf-lying-page-count", ".pdf", pdf_lying_page_count, "ok"),
    Case("pdf-lzw-text", ".pdf", pdf_lzw_text, "ok"),
    Case("pdf-run-length-text", ".pdf", lambda: simple_pdf(filters=["RunLengthDecode"]), "ok"),
    Case(
        "pdf-hex-flate-text",
        ".pdf",
        lambda: simple_pdf(filters=["ASCIIHexDecode", "FlateDecode"]),
        "ok",
    ),
    Case("pdf-cyclic-page-tree", ".pdf", pdf_cyclic_page_tree, "ok", flags=("damaged",)),
    Case("pdf-reference-cycle", ".pdf", pdf_reference_cycle, "no-text", _NO_LAYER),
    Case("pdf-deep-arrays", ".pdf", lambda: pdf_deep_nesting(b"[", b"]"), "ok"),
    Case("pdf-deep-dicts", ".pdf", lambda: pdf_deep_nesting(b"<< /A ", b">>"), "ok"),
    Case(
        "pdf-form-loop",
        ".pdf",
        pdf_form_loop,
        "error",
        "draws a form that draws itself (a loop of form XObjects)",
    ),
    Case("pdf-form-bomb", ".pdf", pdf_form_bomb, "error", _CONTENT),
    Case("pdf-flate-bomb", ".pdf", pdf_flate_bomb, "error", _BOMB),
    Case("pdf-double-flate-bomb", ".pdf", pdf_double_flate_bomb, "error", _BOMB),
    Case("pdf-lzw-bomb", ".pdf", pdf_lzw_bomb, "error", _BOMB),
    Case("pdf-hex-flate-bomb", ".pdf", pdf_hex_flate_bomb, "error", _BOMB),
    Case("pdf-16mb-content", ".pdf", pdf_huge_content, "error", _CONTENT),
    Case(
        "pdf-object-flood",
        ".pdf",
        lambda: b"%PDF-1.7\n" + b"1 0 obj " * 250_000,
        "error",
        "holds more than 200,000 objects, far more than a resume",
    ),
    Case("pdf-content-disguised-as-image", ".pdf", pdf_disguised_content, "error", _CONTENT),
    Case(
        "pdf-150000-characters",
        ".pdf",
        pdf_dense_content,
        "error",
        "page 1 holds 150,000 characters, more than the 100,000 a page of a resume could",
    ),
    Case(
        "pdf-no-unicode-map",
        ".pdf",
        pdf_no_unicode_map,
        "no-text",
        "text extracts as gibberish (its fonts have no usable character map)",
    ),
    Case(
        "pdf-image-only",
        ".pdf",
        pdf_image_only,
        "no-text",
        "has no text layer; it looks scanned (images only), so run OCR on it",
    ),
    Case("pdf-blank-page", ".pdf", lambda: simple_pdf(b""), "no-text", _NO_LAYER),
    Case(
        "pdf-really-docx",
        ".pdf",
        docx_bytes,
        "error",
        "is really a DOCX/zip file with a .pdf name; rename it",
    ),
    Case(
        "pdf-renamed-doc",
        ".pdf",
        ole_file,
        "error",
        "is a legacy Word .doc file renamed to .pdf; save it as PDF or DOCX",
    ),
    Case(
        "pdf-not-a-pdf",
        ".pdf",
        lambda: resume_text().encode(),
        "error",
        "is not a valid PDF (no %PDF header); it may be corrupt or truncated",
    ),
    # bombs whose /Filter the scan must find as pdfium does (issue 13)
    *(
        Case(
            f"pdf-bomb-{name}",
            ".pdf",
            getattr(hostile_pdf, f"pdf_bomb_{name.replace('-', '_')}"),
            "error",
            _BOMB,
        )
        for name in (
            "filter-by-reference",
            "filter-array-of-references",
            "filter-given-twice",
            "decoy-filter-in-string",
            "decoy-filter-in-nested-dictionary",
            "padded-dictionary",
        )
    ),
    Case(
        "pdf-padded-dictionary-huge-content",
        ".pdf",
        hostile_pdf.pdf_padded_dictionary_huge_content,
        "error",
        _CONTENT,
    ),
)
