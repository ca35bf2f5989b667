"""Kamerwacht: Dutch parliamentary papers → references, motions, promises, follow-ups.

The pipeline reads in four verbs::

    doc = extract("brief.pdf")        # file → normalized Document (+ metadata)
    doc = analyse(doc)                # + references, motions, commitments, sectors
    store.add(doc)                    # → SQLite, idempotent by content hash
    G = build_graph(store)            # → networkx MultiDiGraph  (issue 5)

Each stage is a pure function of its input; all state lives in the store.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from .config import Settings
from .errors import ExtractError
from .extract import extract_file
from .schema import Document

__all__ = ["Document", "ExtractError", "Settings", "analyse", "extract", "process"]


def extract(
    path: str | os.PathLike[str],
    settings: Settings | None = None,
    progress: Callable[[int], None] | None = None,
) -> Document:
    """Read a file (PDF, scan, officielebekendmakingen XML, text) into a Document."""
    return extract_file(path, settings, progress)


def analyse(doc: Document) -> Document:
    """Run the Dutch NLP stages over a Document's text (references and more)."""
    from .nlp.analyse import analyse_document

    return analyse_document(doc)


def process(path: str | os.PathLike[str], settings: Settings | None = None) -> Document:
    """``extract`` then ``analyse``: what ``kamer extract`` prints for one file."""
    return analyse(extract(path, settings))
