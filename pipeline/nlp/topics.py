"""Policy topics: a spaCy text classifier over the overheid.nl top-level areas.

Trained by ``models/scripts/train_topics.py`` on the dev motions' official
areas; stored in ``models/topics/``. Without a trained model the document
keeps no topic (never a guess).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..config import MODELS

MODEL = MODELS / "topics"


@lru_cache(maxsize=1)
def _model() -> Any:
    if not (MODEL / "meta.json").exists():
        return None
    import spacy

    return spacy.load(MODEL)


def predict_topics(text: str, top: int = 3, min_score: float = 0.15, doc: Any = None) -> list[str]:
    """Topics of a text, most likely first (at most ``top``, each ≥ ``min_score``).

    ``doc``, a spaCy Doc of the same text already tokenized, saves tokenizing
    it again: the bag-of-words model reads hashed word forms, which are the
    same in every vocabulary.
    """
    nlp = _model()
    if nlp is None:
        return []
    if doc is not None and len(text) <= 20000:
        textcat = nlp.get_pipe("textcat")
        scores = textcat.predict([doc])[0]
        cats = dict(zip(textcat.labels, (float(x) for x in scores), strict=True))
    else:
        cats = nlp(text[:20000]).cats
    ranked = sorted(cats.items(), key=lambda kv: kv[1], reverse=True)
    return [name for name, score in ranked[:top] if score >= min_score] or [ranked[0][0]]
