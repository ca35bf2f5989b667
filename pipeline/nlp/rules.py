"""Loading rule files (``models/patterns/*.json``): ``{NAME}`` macros expand to their definitions.

A file's own ``defs`` (``{SP}``, ``{MONTH}``, …) expand wherever it uses them. The voices that are not the
government's (a motion's opening, the members', the Crown's formula, a committee's closing clause) are defined
once, in ``voices.json``, for every file: ``{MEMBERS_OPEN}`` and the like.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .. import resources


def load(name: str) -> dict[str, Any]:
    """A rule file with every macro expanded: its own ``defs`` and the shared voices."""
    data: dict[str, Any] = resources.read_json("patterns", name)
    own: dict[str, Any] = data.get("defs") or {}
    defs = {**shared(), **{k: v for k, v in own.items() if isinstance(v, str)}}
    expanded: dict[str, Any] = _expand_all(data, defs)
    return expanded


@lru_cache(maxsize=1)
def shared() -> dict[str, str]:
    """What every rule file may name: the voices that are not the government's (``voices.json``)."""
    defs = resources.read_json("patterns", "voices.json")["defs"]
    return {name: d["regex"] for name, d in defs.items()}


def expand(src: str, defs: dict[str, str]) -> str:
    """Replace ``{NAME}`` by its definition (definitions may use definitions).

    >>> expand("{A}+{B}", {"A": "a{B}", "B": "b"})
    'ab+b'
    """
    for _ in range(3):
        for name, value in defs.items():
            src = src.replace("{" + name + "}", value)
    return src


def _expand_all(value: Any, defs: dict[str, str]) -> Any:
    if isinstance(value, str):
        return expand(value, defs) if "{" in value else value
    if isinstance(value, list):
        return [_expand_all(v, defs) for v in value]
    if isinstance(value, dict):
        return {k: _expand_all(v, defs) for k, v in value.items()}
    return value
