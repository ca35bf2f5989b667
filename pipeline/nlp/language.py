"""The Dutch spaCy language: ``spacy.blank("nl")`` with parliamentary abbreviations kept as one token.

Stages are plain functions (see ``stages.py``); spaCy serves the trained
models they use, which load their own pipelines from ``models/`` on first use
and share this tokenizer's special cases.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .dutch import TOKEN_EXCEPTIONS


def add_special_cases(nlp: Any) -> Any:
    """Keep ``nr.``, ``d.d.``, ``c.s.`` … as single tokens (the default Dutch tokenizer splits some)."""
    from spacy.attrs import ORTH

    for case in TOKEN_EXCEPTIONS:
        nlp.tokenizer.add_special_case(case, [{ORTH: case}])
    return nlp


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """A blank Dutch pipeline with the special cases: a tokenizer and nothing else.

    >>> [t.text for t in tokenizer()("Kamerstuk 32 852, nr. 24 d.d. 3 mei")]
    ['Kamerstuk', '32', '852', ',', 'nr.', '24', 'd.d.', '3', 'mei']
    """
    import spacy

    return add_special_cases(spacy.blank("nl"))
