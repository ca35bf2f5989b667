"""Stage 2, analyse: the Dutch NLP stages over a Document; each adds facts with spans."""

from __future__ import annotations

from ..schema import Document, Reference
from .language import make_nlp
from .references import Found, resolve_short_forms
from .sentences import sentence_at


def analyse_document(doc: Document) -> Document:
    """References (with footnote-to-sentence links and resolved short forms)."""
    text = doc.text
    sdoc = make_nlp()(text)
    bounds: list[tuple[int, int]] = sdoc.user_data["kamer_sentences"]
    found: list[Found] = list(sdoc.user_data["kamer_references"])
    notes = {f.number: (f.start, f.end) for f in doc.footnotes}
    found += resolve_short_forms(text, found, notes)
    doc.references = [
        _reference(doc, f, bounds) for f in sorted(found, key=lambda f: f.start) if not _own(doc, f)
    ]
    return doc


def _reference(doc: Document, f: Found, bounds: list[tuple[int, int]]) -> Reference:
    span = doc.span(f.start, f.end)
    sentence = None
    if span.in_footnote:
        # a reference in a footnote also belongs to the body sentence carrying its marker
        note = next((n for n in doc.footnotes if n.start <= f.start < n.end), None)
        if note is not None and note.marker is not None:
            sentence = sentence_at(bounds, max(0, note.marker - 1))
    else:
        sentence = sentence_at(bounds, f.start)
    return Reference(kind=f.kind, id=f.id, span=span, sentence=sentence, resolved_from=f.resolved_from)


def _own(doc: Document, f: Found) -> bool:
    """The document's own number, or its own dossier printed in its head, is no citation."""
    ks = doc.meta.kamerstuk
    if ks is None:
        return False
    if f.id == ks.id:
        return True
    own_dossier = "dossier-" + "-".join([ks.dossier] + ([ks.toevoeging] if ks.toevoeging else []))
    return f.kind == "dossier" and f.id == own_dossier and f.start < 600
