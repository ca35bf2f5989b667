"""Topics know when they don't know: below the threshold calibrated on held-out motions, no topic."""

from __future__ import annotations

from pipeline.nlp import topics
from tests.conftest import CORPUS


def test_the_topics_given_to_real_motions_are_their_official_areas() -> None:
    """The sample's motions carry their official area in the XML; the classifier reads the text alone."""
    from pipeline import analyse, extract

    given = right = 0
    for path in sorted((CORPUS / "motions").glob("*.xml")):
        doc = analyse(extract(path))
        official = doc.meta.topics[:1]
        guess = topics.predict_topics(doc.text)[:1]
        if official and guess:
            given += 1
            right += guess == list(official)
    assert given >= 10 and right / given >= 0.8, (right, given)


def test_a_text_without_a_policy_area_gets_none() -> None:
    assert topics.predict_topics("Geachte voorzitter, hierbij zend ik u de stukken. Hoogachtend.") == []


def test_the_threshold_is_calibrated_not_guessed() -> None:
    assert 0.2 < topics.abstain_below() < 0.9
