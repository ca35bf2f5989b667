"""Syntax: who is the subject of a verb, read from a dependency tree.

The tree comes from ``models/parser/`` (tok2vec → morphologizer → parser, trained on the UD Dutch
treebanks by ``models/scripts/train_parser.py``; ``models/README.md`` gives its scores). A parse costs
far more than a regular expression, so nothing here runs over a whole paper: a rule that has already
picked a sentence asks one question of it, and the parse of that sentence is kept for the next question.

>>> s = "Ik kan slechts hopen, dat hij achteraf zal inzien, dat hij zich vergiste."
>>> subjects(s, s.index("zal"))
['hij']
>>> subjects("De Minister zal de Kamer voor 1 juli informeren.", 12)[0]
'De Minister'
>>> s = "Het kabinet heeft de voorstellen uitgewerkt en zal deze voor de zomer voorleggen."
>>> subjects(s, s.index("zal"))
['Het kabinet']
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .. import resources

VERBAL = ("AUX", "VERB")


@lru_cache(maxsize=1)
def parser() -> Any:
    """The trained Dutch parser, loaded once per process (about a second); ``None`` when the models folder
    (``$KAMER_MODELS``, a copy of one's own) has none: then nothing is parsed and the rules read alone."""
    if not resources.exists("parser", "meta.json"):
        return None
    import spacy

    return spacy.load(resources.path("parser"))


@lru_cache(maxsize=16)  # a sentence is asked about each of its futures in turn
def parse(sentence: str) -> Any:
    nlp = parser()
    return None if nlp is None else nlp(sentence)


def subjects(sentence: str, at: int) -> list[str] | None:
    """Who acts: the subjects of the verb whose finite form or auxiliary starts at character ``at`` of
    ``sentence``, the words of each as written. An auxiliary ("zal", "wil") stands for the verb it serves
    ("zal … inzien"); a verb coordinated right after "en"/"maar" shares the subject of the verb before it
    (a subject of its own after the auxiliary, "… en zullen de gemeenten het uitvoeren", is then missed).
    A passive's subject (``nsubj:pass``) is what is acted on, not who acts, and is left out. ``None`` when
    no verb starts at ``at``; an empty list when the verb has no acting subject in the tree (a passive, an
    infinitive, a parse that missed it).
    """
    doc = parse(sentence)
    first = None if doc is None else next((t for t in doc if t.idx == at), None)
    if first is None or first.pos_ not in VERBAL:
        return None  # no parser, or the word at ``at`` is not a verb by the tagger (a mis-tag: no answer)
    verb = first.head if first.dep_.startswith("aux") else first
    if verb.dep_ == "conj" and first.i > 0 and doc[first.i - 1].pos_ == "CCONJ":
        # "Het kabinet heeft … uitgewerkt en zal deze … voorleggen": the second verb shares the first's
        # subject (what the parse may take for its own, "deze", is its object)
        verb = verb.head
    return [
        sentence[c.left_edge.idx : c.right_edge.idx + len(c.right_edge.text)]
        for c in verb.children
        if c.dep_ == "nsubj"
    ]
