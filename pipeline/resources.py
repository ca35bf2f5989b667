"""Rule files, lexicons and trained models: the ``models/`` folder, shipped as package data.

In a checkout ``models/`` sits beside ``pipeline/``; in a built wheel it is the
package ``pipeline.models``. Both are reached through ``importlib.resources``,
so the pipeline runs the same from the source tree and from an installed
package.

The **analyser version** names the rules and models behind a set of facts:
the package version plus a hash of the analysis code (``pipeline/nlp``) and of
every model file it reads. A store compares it with the version of each
document's facts to know which are stale (``kamer reanalyse``).
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from importlib import metadata, resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

PACKAGE = "pipeline.models"
# what analysis reads; extraction's word list for OCR repair is not part of the analyser
ANALYSIS_DATA = ("patterns", "lexicons", "parser", "classifier", "topics", "pipeline.json")


def root() -> Traversable:
    """The models folder: the package's own, or ``$KAMER_MODELS`` (a copy with rules of your own)."""
    override = os.environ.get("KAMER_MODELS")
    if override:
        return Path(override)
    return resources.files(PACKAGE)


def path(*parts: str) -> Path:
    """A model file or folder as a filesystem path (spaCy loads from folders).

    Wheels install unpacked, so package data is always a real file.
    """
    target = root().joinpath(*parts)
    if not isinstance(target, Path):  # pragma: no cover - zipped installs are not supported
        raise RuntimeError(f"kamerwacht must be installed unpacked, cannot load {'/'.join(parts)}")
    return target


def read_text(*parts: str) -> str:
    return root().joinpath(*parts).read_text(encoding="utf-8")


def read_json(*parts: str) -> Any:
    return json.loads(read_text(*parts))


def exists(*parts: str) -> bool:
    target = root().joinpath(*parts)
    return target.is_file() or target.is_dir()


def _files(top: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    out: list[tuple[str, Traversable]] = []
    for item in sorted(top.iterdir(), key=lambda t: t.name):
        name = f"{prefix}{item.name}"
        if item.name.startswith((".", "__pycache__")):
            continue
        if item.is_dir():
            out += _files(item, name + "/")
        elif item.is_file():
            out.append((name, item))
    return out


def package_version() -> str:
    try:
        return metadata.version("kamerwacht")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0+unknown"


def _analysis_files() -> list[tuple[str, Traversable]]:
    """The analysis code and the model files it reads, by name."""
    out = [(n, f) for n, f in _files(resources.files("pipeline.nlp")) if n.endswith(".py")]
    top = root()
    for entry in ANALYSIS_DATA:
        item = top.joinpath(entry)
        out += _files(item, entry + "/") if item.is_dir() else [(entry, item)] if item.is_file() else []
    return out


@lru_cache(maxsize=1)
def analyser_version() -> str:
    """``<package version>+<12 hex digits>`` over the analysis code and the models it reads.

    Hashing ~20 MB of models costs a fresh ``kamer stats`` ~0.1 s, so the result is kept in the user's
    cache folder under a key made of each file's name, size and modification time (a stat each).

    >>> analyser_version() == analyser_version() and "+" in analyser_version()
    True
    """
    files = _analysis_files()
    key = hashlib.sha256(package_version().encode())
    for name, item in files:
        st = os.stat(item) if isinstance(item, Path) else None
        key.update(f"{name}\0{st.st_size if st else -1}\0{st.st_mtime_ns if st else -1}\0".encode())
    cached = _cache_dir() / f"analyser-{key.hexdigest()[:24]}"
    try:
        known = cached.read_text(encoding="utf-8")
        if known:  # (an empty file is a write cut short: hash again)
            return known
    except OSError:
        pass
    h = hashlib.sha256()
    for name, item in files:
        h.update(name.encode() + b"\0" + item.read_bytes() + b"\0")
    version = f"{package_version()}+{h.hexdigest()[:12]}"
    try:
        # written aside and renamed into place: a process reading at the same moment sees the whole version
        # or none, never a half-written one (which would make every stored paper look stale)
        cached.parent.mkdir(parents=True, exist_ok=True)
        part = cached.with_name(f"{cached.name}.{os.getpid()}.part")
        part.write_text(version, encoding="utf-8")
        os.replace(part, cached)
    except OSError:  # a read-only home: hash every time
        pass
    return version


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kamerwacht"
