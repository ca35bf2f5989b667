"""The Dutch pipeline: ``spacy.blank("nl")`` with parliamentary tokenizer
exceptions and Kamerwacht's components (one module each)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language

from . import references, sentences  # noqa: F401  (registers the factories)

# abbreviations that must stay one token (the default Dutch tokenizer splits some)
SPECIAL_CASES = [
    "nr.",
    "nrs.",
    "Nr.",
    "Nrs.",
    "d.d.",
    "t.v.v.",
    "c.s.",
    "C.S.",
    "jl.",
    "o.a.",
    "blz.",
    "p.",
    "pp.",
    "art.",
    "Stb.",
    "Stcrt.",
    "i.v.m.",
    "m.b.t.",
    "t.a.v.",
    "n.a.v.",
    "t.b.v.",
    "v.w.b.",
    "bijv.",
    "e.d.",
]


@lru_cache(maxsize=1)
def make_nlp() -> Language:
    """The ``nl`` pipeline: tokenizer exceptions, sentences, references.

    >>> nlp = make_nlp()
    >>> doc = nlp("Zie de motie (Kamerstuk 32 852, nr. 24). Zij krijgt nr. 22 (30196).")
    >>> [(s.label_, s.kb_id_) for s in doc.spans["references"]]
    [('kamerstuk', 'kst-32852-24'), ('kamerstuk', 'kst-30196-22')]
    >>> len(list(doc.sents)), [t.text for t in doc[5:9]]
    (2, ['32', '852', ',', 'nr.'])
    """
    import spacy

    nlp = spacy.blank("nl")
    tokenizer: Any = nlp.tokenizer
    for case in SPECIAL_CASES:
        tokenizer.add_special_case(case, [{ORTH: case}])
    nlp.add_pipe("kamer_sentences")
    nlp.add_pipe("kamer_references")
    return nlp


def run(text: str) -> Any:
    """The pipeline over ``text``, with the text handed to the components as is."""
    nlp = make_nlp()
    doc = nlp.make_doc(text)
    doc.user_data["text"] = text
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
