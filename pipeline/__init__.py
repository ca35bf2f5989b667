"""Kamerwacht: Dutch parliamentary papers → references, motions, promises, follow-ups.

The pipeline reads in four verbs::

    doc = extract("brief.pdf")             # file → normalized Document (+ metadata)
    doc = analyse(doc)                     # + references, motions, commitments, sectors, topics
    ingest(["corpus/"], Store("k.sqlite")) # → SQLite, idempotent by content hash (+ open data)
    G = build_graph(store)                 # → networkx MultiDiGraph with evidence on every edge
    query.open_motions(G)                  # → answers: open_commitments, cites, cited_by, chain

Each stage is a pure function of its input; all state lives in the store.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from .config import Settings
from .errors import ExtractError
from .extract import extract_file
from .schema import Document

__all__ = [
    "Document",
    "ExtractError",
    "Settings",
    "analyse",
    "build_graph",
    "extract",
    "ingest",
    "process",
    "query",
]


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


def ingest(paths: list[str], store: Any, settings: Settings | None = None, progress: bool = False) -> Any:
    """Add files (documents, open-data exports) to a ``Store``; see ``batch.ingest_paths``."""
    from .batch import ingest_paths

    return ingest_paths(paths, store, settings or Settings.from_env(), progress)


def build_graph(store: Any) -> Any:
    """The store as a networkx ``MultiDiGraph`` (cached while the store is unchanged)."""
    from .graph import load_graph

    return load_graph(store)


def __getattr__(name: str) -> Any:
    # ``pipeline.query`` is the module of lifecycle queries, imported on first use
    if name == "query":
        import importlib

        return importlib.import_module(".query", __name__)
    raise AttributeError(name)
