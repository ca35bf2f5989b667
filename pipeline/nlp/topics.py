"""Policy topics: a spaCy text classifier over the overheid.nl top-level areas.

Trained by ``models/scripts/train_topics.py``; stored in ``models/topics/``.
Without a trained model, or below the calibrated threshold, the document keeps no topic (never a guess).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .. import resources


@lru_cache(maxsize=1)
def _model() -> Any:
    if not resources.exists("topics", "meta.json"):
        return None
    import spacy

    return spacy.load(resources.path("topics"))


@lru_cache(maxsize=1)
def abstain_below() -> float:
    """The top score below which a text gets no topic, calibrated on held-out motions
    (``models/scripts/train_topics.py --calibrate``: above it, 95% of the topics given are right)."""
    metrics = json.loads(resources.read_text("topics", "metrics.json"))
    return float(metrics.get("abstain_below", 0.5))


def predict_topics(text: str, top: int = 3) -> list[str]:
    """Topics of a text, most likely first (at most ``top``); none when the classifier is unsure."""
    nlp = _model()
    if nlp is None:
        return []
    cats = nlp(text[:20000]).cats
    ranked = sorted(cats.items(), key=lambda kv: kv[1], reverse=True)
    return [name for name, score in ranked[:top] if score >= abstain_below()]
