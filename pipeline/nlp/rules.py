"""Loading rule files (``models/patterns/*.json``): ``{NAME}`` macros expand to their definitions."""

from __future__ import annotations

import json
from typing import Any

from ..config import PATTERNS


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PATTERNS / name).read_text(encoding="utf-8"))
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
