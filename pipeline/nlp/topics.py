"""Policy topics: a spaCy text classifier over the overheid.nl top-level areas.

Trained by ``models/scripts/train_topics.py``; stored in ``models/topics/``.
Without a trained model the document keeps no topic (never a guess).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .. import resources


@lru_cache(maxsize=1)
def _model() -> Any:
    if not resources.exists("topics", "meta.json"):
        return None
    import spacy

    return spacy.load(resources.path("topics"))


def predict_topics(text: str, top: int = 3, min_score: float = 0.15) -> list[str]:
    """Topics of a text, most likely first (at most ``top``, each ≥ ``min_score``)."""
    nlp = _model()
    if nlp is None:
        return []
    cats = nlp(text[:20000]).cats
    ranked = sorted(cats.items(), key=lambda kv: kv[1], reverse=True)
    return [name for name, score in ranked[:top] if score >= min_score] or [ranked[0][0]]
