"""The zip package of a DOCX: refused before any part is parsed, then read within one budget."""

from __future__ import annotations

import hashlib
import re
import struct
import zipfile
from pathlib import Path
from typing import Any

from ..errors import DAMAGED_ZIP, DocumentError, FileTooLargeError
from .options import ReadOptions

DAMAGED_DOCX = "it may be damaged: open it in Word and save it again"
_REQUIRED_PARTS = ("[Content_Types].xml", "_rels/.rels")
_DECLARATIONS = re.compile(
    b"|".join(
        re.escape(word.encode(codec))
        for word in ("<!DOCTYPE", "<!ENTITY")
        for codec in ("ascii", "utf-16-le", "utf-16-be")
    )
)
# A zip entry's local header: signature, versions, flags, method, time, date, CRC, sizes,
# name and extra lengths (the layout ``zipfile`` reads it with).
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_UNUSUAL_FLAGS = 0x1 | 0x20 | 0x40  # encrypted, compressed patched data, strong encryption


def open_package(path: Path, options: ReadOptions) -> zipfile.ZipFile:
    """The open package, once it passes the checks: few parts, no bomb, no missing parts."""
    try:
        package = zipfile.ZipFile(path)
        try:
            _check(path, package, options)
        except BaseException:
            package.close()
            raise
    except zipfile.BadZipFile:
        raise DocumentError(DAMAGED_ZIP, path) from None
    except (zipfile.LargeZipFile, NotImplementedError) as exc:
        raise DocumentError(f"uses an unsupported zip feature ({exc})", path) from None
    return package


def _check(path: Path, package: zipfile.ZipFile, options: ReadOptions) -> None:
    entries = package.infolist()
    if len(entries) > options.max_zip_entries:
        raise FileTooLargeError(
            f"is a DOCX with {len(entries):,} parts, far more than a document has; "
            "it is not a resume, or it is damaged",
            path,
        )
    total = sum(entry.file_size for entry in entries)
    if total > options.max_unzipped_bytes:
        raise FileTooLargeError(
            f"expands to {total / 1024 / 1024:,.0f} MB when unzipped, over the "
            f"{options.max_unzipped_bytes / 1024 / 1024:.0f} MB limit (a zip bomb?)",
            path,
        )
    names = {entry.filename for entry in entries}
    if "word/document.xml" not in names:
        raise DocumentError(
            "is a zip file but not a Word document (no word/document.xml); "
            "open it in Word and save it again",
            path,
        )
    for name in _REQUIRED_PARTS:
        if name not in names:
            raise DocumentError(
                f"is missing {name}, a part every Word document has; {DAMAGED_DOCX}", path
            )
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise DocumentError("has encrypted parts; save an unprotected copy and try again", path)


class Budget:
    """Parses the package's XML parts, each at most once, within one budget for the package.

    Every part, the package's own ``[Content_Types].xml`` and ``.rels`` included, is refused when
    it declares entities, and counted against the bytes and the elements a document may hold.
    """

    def __init__(self, path: Path, package: zipfile.ZipFile, options: ReadOptions) -> None:
        self._path = path
        self._package = package
        self._options = options
        self._bytes = options.max_xml_bytes
        self._elements = options.max_xml_tags
        self.largest = 0
        """The size of the largest part parsed so far, in bytes."""

    def parse(self, name: str, *, required: bool = True) -> Any:
        from docx.oxml.parser import parse_xml

        data = self.read(name, required=required)
        return None if data is None else parse_xml(data)

    def read(self, name: str, *, required: bool = True) -> bytes | None:
        """The part's bytes, once they pass the checks that :meth:`parse` makes."""
        info = self._info(name, required)
        if info is None:
            return None
        self._charge_bytes(info)
        data = self._package.read(info)
        # Every declaration starts "<!" (in UTF-16 too): a plain search first, the patterns after.
        if (b"<!" in data or b"<\x00!" in data) and _DECLARATIONS.search(data):
            raise DocumentError(
                f"contains XML entity declarations ({name}), which Word never writes; refusing "
                "to read it",
                self._path,
            )
        self.charge_tags(data.count(b"<"))
        return data

    def fingerprint(self, name: str) -> bytes | None:
        """A digest that names the part's content, from its stored (compressed) bytes.

        Equal digests mean the zip holds the same bytes for the part under the same sizes, CRC
        and method, so reading it gives the same data, or the same failure. None when the part
        is missing or stored in a way this does not read (then :meth:`read` decides).
        """
        try:
            info = self._package.getinfo(name)
        except KeyError:
            return None
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return None
        if info.flag_bits & _UNUSUAL_FLAGS or self._package.fp is None:
            return None
        handle = self._package.fp
        handle.seek(info.header_offset)
        header = handle.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size:
            return None
        fields = _LOCAL_HEADER.unpack(header)
        if fields[0] != b"PK\x03\x04":
            return None
        stored_name = handle.read(fields[10])
        try:
            same_name = stored_name.decode("utf-8" if fields[3] & 0x800 else "cp437")
        except UnicodeDecodeError:
            return None
        if same_name != info.orig_filename:
            return None
        start = info.header_offset + _LOCAL_HEADER.size + fields[10] + fields[11]
        end = getattr(info, "_end_offset", None)
        if end is not None and start + info.compress_size > end:
            return None
        handle.seek(start)
        stored = handle.read(info.compress_size)
        if len(stored) != info.compress_size:
            return None
        digest = hashlib.sha256(stored)
        digest.update(
            struct.pack("<4Q", info.compress_type, info.CRC, info.file_size, info.flag_bits)
        )
        return digest.digest()

    def charge(self, name: str, tags: int) -> None:
        """Count a part already known by its :meth:`fingerprint`, as :meth:`read` would."""
        info = self._info(name, True)
        assert info is not None
        self._charge_bytes(info)
        self.charge_tags(tags)

    def charge_tags(self, tags: int) -> None:
        # Every tag starts with "<": counted before parsing, so that millions of empty
        # elements in a few kilobytes of zip are refused before they cost minutes.
        self._elements -= tags
        if self._elements < 0:
            raise FileTooLargeError(
                f"holds more than {self._options.max_xml_tags:,} XML tags, far more than a "
                "Word document needs; it may be built to slow readers down",
                self._path,
            )

    def _info(self, name: str, required: bool) -> zipfile.ZipInfo | None:
        try:
            return self._package.getinfo(name)
        except KeyError:
            if not required:
                return None
            raise DocumentError(
                f"is missing {name}, a part it refers to; {DAMAGED_DOCX}", self._path
            ) from None

    def _charge_bytes(self, info: zipfile.ZipInfo) -> None:
        self._bytes -= info.file_size
        self.largest = max(self.largest, info.file_size)
        if self._bytes < 0:
            raise FileTooLargeError(
                f"holds more than {self._options.max_xml_bytes / 1024 / 1024:.0f} MB of XML, "
                "far more than a Word document needs; it may be built to exhaust readers",
                self._path,
            )
