"""Kamerwacht: Dutch parliamentary papers → references, motions, promises, follow-ups.

The flow, one paper from file to graph edge::

    doc = extract("brief.pdf")        # 1. extract/: file → text, pages, segments, footnotes, markup
                                      #    (PDF layout, OCR, XML, Word, text; knows no Dutch)
    doc = analyse(doc)                # 2. nlp/analyse.py, a new Document with its facts:
                                      #    kinds.py    what the paper says about itself (kind, meta, turns)
                                      #    stages.py   declared stages over sentence chunks:
                                      #                references, sectors, motions, commitments, follow-ups
                                      #    resolve.py  short forms, anaphora, actors, footnotes, targets
    store.put(doc)                    # 3. store.py: one paper per transaction, renditions merged,
                                      #    facts versioned by the analyser that made them
    G = build_graph(store)            # 4. graph.py: typed, evidence-carrying edges (cites, fulfils, …)
    query.open_motions(G)             # 5. query.py: open motions and toezeggingen, cites, chain

``ingest`` runs 1–3 over files on every core (``batch.py``); ``reanalyse``
runs 2–3 again from stored text after the rules or models change. Each stage
is a pure function of its input; all state lives in the store.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .batch import IngestSummary, ReanalyseSummary
    from .config import Settings
    from .errors import ExtractError
    from .schema import Document
    from .store import Store

# Nothing heavy is imported here: ``kamer query`` starts in a fresh process for every question, so the
# stages load on first use (``extract`` below, the names of ``_LAZY`` through ``__getattr__``).
_LAZY = {"Document": ".schema", "ExtractError": ".errors", "Settings": ".config", "query": ".query"}


class _Package(types.ModuleType):
    """This package: loading the subpackage ``pipeline.extract`` leaves the verb ``extract`` in place.

    (Python binds a subpackage to its parent's attribute of the same name when it is first loaded.)
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "extract" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

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
    "reanalyse",
]


def extract(
    path: str | os.PathLike[str],
    settings: Settings | None = None,
    progress: Callable[[int], None] | None = None,
) -> Document:
    """Read a file (PDF, scan, XML, Word, text) into a Document: text with layout and provenance."""
    from .extract import extract_file

    return extract_file(path, settings, progress)


def analyse(doc: Document, settings: Settings | None = None) -> Document:
    """The Dutch NLP stages over a Document's text: a new Document with its metadata and facts."""
    from .nlp.analyse import analyse_document

    return analyse_document(doc, settings)


def process(path: str | os.PathLike[str], settings: Settings | None = None) -> Document:
    """``extract`` then ``analyse``: what ``kamer extract`` prints for one file."""
    return analyse(extract(path, settings), settings)


def ingest(
    paths: list[str], store: Store, settings: Settings | None = None, progress: bool = False
) -> IngestSummary:
    """Add files (documents, open-data exports) to a ``Store``; see ``batch.ingest_paths``."""
    from .batch import ingest_paths
    from .config import Settings

    return ingest_paths(paths, store, settings or Settings.from_env(), progress)


def reanalyse(store: Store, settings: Settings | None = None, progress: bool = False) -> ReanalyseSummary:
    """Analyse every paper with stale facts again from its stored text; see ``batch.reanalyse``."""
    from .batch import reanalyse as run
    from .config import Settings

    return run(store, settings or Settings.from_env(), None, progress)


def build_graph(store: Store) -> Any:
    """The store as a networkx ``MultiDiGraph``; see ``graph.build_graph``."""
    from .graph import build_graph as build

    return build(store)


def __getattr__(name: str) -> Any:
    # the contract's types and ``pipeline.query`` (the module of lifecycle queries), imported on first use
    if name in _LAZY:
        module = importlib.import_module(_LAZY[name], __name__)
        return module if name == "query" else getattr(module, name)
    raise AttributeError(name)
