"""Loading rule files (``models/patterns/*.json``): ``{NAME}`` macros expand to their definitions."""

from __future__ import annotations

from typing import Any

from .. import resources


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = resources.read_json("patterns", name)
    return data


def expand(src: str, defs: dict[str, str]) -> str:
    """Replace ``{NAME}`` by its definition (definitions may use definitions).

    >>> expand("{A}+{B}", {"A": "a{B}", "B": "b"})
    'ab+b'
    """
    for _ in range(3):
        for name, value in defs.items():
            src = src.replace("{" + name + "}", value)
    return src
