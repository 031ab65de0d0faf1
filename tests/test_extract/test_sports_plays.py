"""In a sports report a hit, a strike or a threatening run is a play of the game, not an
attack or a threat; an act with a victim stays, and the same words in other news stay attacks.
An election won in a landslide buries no one.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims
from tests.test_extract.written import of_event as _of

_GAME = (
    "Orioles beat Indians 5-3. With one out, Greer hit a 1-1 pitch from the starter over the "
    "fence for a homer in the ninth inning. The pitcher struck out six batters this season, "
    "and the umpire ejected the coach. "
)


def test_plays_in_a_sports_report_are_no_attacks():
    found = claims(_GAME)
    assert not _of(found, "ATTACK")


def test_a_victim_in_a_sports_report_is_still_attacked():
    found = claims(_GAME + "Later a stone struck the driver's head as he left the stadium.")
    victims = [(c.recipient or {}).get("name") for c in _of(found, "ATTACK")]
    assert victims == ["the driver's head"]


def test_the_same_words_in_other_news_are_attacks():
    found = claims("Rebels hit the convoy with rockets near the border on Monday.")
    assert _of(found, "ATTACK")


def test_a_vote_won_in_a_landslide_is_no_disaster():
    for text in ("The senator won in a landslide.", "It was a landslide victory for the party."):
        assert not _of(claims(text), "DISASTER"), text
    assert _of(claims("A landslide buried the village after the rains."), "DISASTER")
