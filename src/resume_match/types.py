"""Plain data shared by several stages, so that no stage has to import a later one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Flag:
    """Something a reader of the report should know about a document: not an error, a caution.

    ``kind`` is a stable machine-readable name (``hidden-text``, ``repeated-text``,
    ``mixed-script``, ``truncated``, ``garbled``); ``message`` says it to a person.
    """

    kind: str
    message: str
