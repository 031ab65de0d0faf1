"""A service people post on is an organisation, never a person: "She wrote on Facebook" made
Facebook a person, then the "she" of the next sentence and so the speaker (found judging claims
of GeoWebNews and attribution-news train texts outside claims-news).

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from claimgraph.extract.nlp import load_nlp
from tests.test_extract.written import claims, role


def test_a_platform_is_an_organisation() -> None:
    doc = load_nlp()("The singer wrote on Facebook that she was moving to Lisbon.")
    assert [(e.text, e.label_) for e in doc.ents if e.text == "Facebook"] == [("Facebook", "ORG")]


def test_she_after_a_post_is_the_poster() -> None:
    found = claims(
        'Maria Lopes wrote on Facebook: "We lost everything." She said the family would rebuild.'
    )
    assert {role(c, "source") for c in found} == {"Maria Lopes"}
