"""The view's full-text search over the demo store: words, filters, and text that stays text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.store import Store
from pipeline.web.lookup import index, name
from pipeline.web.search import SearchIndex


@pytest.fixture(scope="module")
def store(demo_db: Path) -> Iterator[Store]:
    with Store(demo_db, readonly=True) as s:
        yield s


@pytest.fixture(scope="module")
def search(store: Store) -> SearchIndex:
    return SearchIndex(store)


def test_every_word_without_diacritics_finds_the_sentence(search: SearchIndex, store: Store) -> None:
    hits = search.search("financiele drempelbedrag")
    assert hits and hits[0].what == "text"
    assert "<mark>drempelbedrag</mark>" in hits[0].snippet
    assert (
        name(index(store), hits[0].node)
        == "Openbaarmaking van financiële belangen van bewindspersonen (brief, 2025-10-14)"
    )


def test_filters_by_fact_type_dossier_and_actor(search: SearchIndex) -> None:
    motions = search.search("interseksekinderen", what="motion")
    assert motions == [] or all(h.what == "motion" for h in motions)
    in_dossier = search.search("behandelingen", dossier="36600 VIII")
    assert in_dossier and {h.node for h in in_dossier} == {"kst-36600-VIII-38"}
    assert search.search("behandelingen", dossier="28844") == []
    promises = search.search("informeren", what="commitment")
    assert promises and all(h.what == "commitment" for h in promises)
    by_westerveld = search.search("verbod", actor="westerveld")
    assert [(h.node, h.what) for h in by_westerveld] == [("kst-36600-VIII-38", "motion")]
    assert search.search("verbod", actor="Nobody At All") == []


def test_query_syntax_is_taken_as_words(search: SearchIndex) -> None:
    for q in ('"', "NEAR(motie", "motie*", "motie OR", "-motie", "body:motie", "'; DROP TABLE fts; --"):
        search.search(q)  # no FTS5 syntax error
    assert search.search("") == [] and search.search("   ") == []


def test_a_script_tag_in_a_paper_comes_back_escaped(search: SearchIndex) -> None:
    (hit, *_) = search.search("script alert proef")
    assert "&lt;" in hit.snippet and "<script" not in hit.snippet
