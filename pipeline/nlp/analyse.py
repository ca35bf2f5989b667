"""Run the NLP stages over a Document. Each stage adds facts with spans."""

from __future__ import annotations

from ..schema import Document


def analyse_document(doc: Document) -> Document:
    """Fill references (and, as they land, motions, commitments, sectors)."""
    return doc
