"""Plain text: encodings, and files the system will not open."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_match.reading import read_document


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "\ufeffHIPAA trained clerk\r\nwith " + "front desk work " * 10,
            "HIPAA trained clerk\nwith",
        ),
        (None, "Café résumé"),
    ],
)
def test_text_encodings(tmp_path: Path, data: str | None, expected: str) -> None:
    path = tmp_path / "resume.txt"
    if data is None:
        path.write_bytes(("Café résumé " + "front desk work " * 10).encode("cp1252"))
    else:
        path.write_bytes(data.encode("utf-8"))
    assert read_document(path).text.startswith(expected)


def test_unreadable_file_says_check_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads any file, so the permission error is simulated where the reader opens it."""
    from resume_match.errors import DocumentError

    path = tmp_path / "secret.txt"
    path.write_text("front desk work " * 20, encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert info.value.message == "cannot be opened (Permission denied); check its permissions"


@pytest.mark.parametrize(
    ("garbled", "meant"),
    [
        ("staff and procedures \u00e2\u20ac\u00a2Extensive", "staff and procedures • Extensive"),
        ("Caf\u00c3\u00a9 and r\u00c3\u00a9sum\u00c3\u00a9", "Café and résumé"),
        ("Jan 2010 \u00e2\u20ac\u201c 2012", "Jan 2010 - 2012"),
        ("zero\u00e2\u20ac\u2039width", "zerowidth"),
        ("Se\u00f1or \u00d1o\u00f1o", "Señor Ñoño"),
    ],
)
def test_utf8_read_as_windows_1252_is_repaired(tmp_path: Path, garbled: str, meant: str) -> None:
    """Exports that decoded UTF-8 as Windows-1252 ("â€¢" for "•") read as the writer typed them;
    real Latin-1 text is left alone."""
    path = tmp_path / "resume.txt"
    path.write_text(garbled + "\n" + "front desk work " * 10, encoding="utf-8")
    assert read_document(path).text.startswith(meant)
