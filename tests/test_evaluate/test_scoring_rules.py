"""The geo/timex scoring rules and the claim counts, on hand-made extract objects (no model).

Why: the shared-set tests compare with the reference scorers only where ../shared is present;
these pin the rules themselves (overlap credit, the 20,039 km miss, offsets mapped through a
normalised text, a failed document counted as claimless) everywhere.
"""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.evaluate.extracted import aligned, claim_counts, mapped_spans
from claimgraph.evaluate.geo import MISS_KM, haversine_km
from claimgraph.evaluate.geo import score as geo_score
from claimgraph.evaluate.timeml import score as timex_score

TEXT = "Flooding hit Port Harcourt and Lagos State on Monday, officials in Abuja said."


def _span(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


def _toponym(word: str, lat: float | None, lon: float | None) -> dict[str, Any]:
    s, e = _span(word)
    return {"start": s, "end": e, "name": word, "lat": lat, "lon": lon}


def _place(word: str, lat: float | None, lon: float | None) -> dict[str, Any]:
    s, e = _span(word)
    return {"start": s, "end": e, "mention": word, "lat": lat, "lon": lon}


def test_geo_exact_spans_for_f1_overlap_credit_for_km() -> None:
    gold = [
        {
            "id": "d1",
            "text": TEXT,
            "toponyms": [
                _toponym("Port Harcourt", 4.78, 7.01),  # exact, right place
                _toponym("Lagos State", 6.55, 3.59),  # only "Lagos" predicted: overlap credit
                _toponym("Abuja", 9.06, 7.49),  # predicted without coordinates: a miss
            ],
        }
    ]
    out = [
        {
            "id": "d1",
            "text": TEXT,
            "claims": [{"event": "DISASTER"}],
            "places": [
                _place("Port Harcourt", 4.80, 7.00),
                _place("Lagos", 6.45, 3.40),
                _place("Abuja", None, None),
            ],
        }
    ]
    m = geo_score(gold, out)
    assert (m["toponym_p"], m["toponym_r"]) == (round(2 / 3, 4), round(2 / 3, 4))
    assert m["geo_acc_161km"] == round(2 / 3, 4)  # Port Harcourt + Lagos State (overlap)
    assert m["geo_acc_161km_exact"] == round(1 / 3, 4)  # Lagos State has no exact span
    assert m["geo_median_km"] == round(haversine_km(6.45, 3.40, 6.55, 3.59), 1)
    assert m["geo_mean_km"] > MISS_KM / 3  # the unresolved Abuja counts as half the globe
    assert m["n_resolved"] == 2 and m["gold_with_coords"] == 3


def test_geo_missing_document_counts_every_toponym_as_missed() -> None:
    gold = [{"id": "d1", "text": TEXT, "toponyms": [_toponym("Abuja", 9.06, 7.49)]}]
    m = geo_score(gold, [])
    assert m["missing_docs"] == 1 and m["geo_acc_161km"] == 0.0
    assert m["geo_mean_km"] == MISS_KM and m["docs_without_claims"] == 1


def test_timex_first_overlap_and_value() -> None:
    text = "The talks ended last week and resume on 4 March 2024."
    week = text.index("last week")
    date = text.index("4 March 2024")
    gold = [
        {
            "id": "t1",
            "text": text,
            "timexes": [
                {"start": week, "end": week + 9, "value": "2024-W08"},
                {"start": date, "end": date + 12, "value": "2024-03-04"},
            ],
        }
    ]
    out = [
        {
            "id": "t1",
            "text": text,
            "claims": [],
            "times": [
                {"start": week + 5, "end": week + 9, "value": "2024-W08"},  # overlap, right value
                {"start": date, "end": date + 12, "value": "2024-03"},  # exact, wrong value
            ],
        }
    ]
    m = timex_score(gold, out)
    assert m["timex_f1_strict"] == 0.5
    assert m["timex_f1_relaxed"] == 1.0
    assert m["timex_value_acc"] == 0.5 and m["timex_value_f1"] == 0.5
    assert m["docs_without_claims"] == 1 and m["claims_per_doc"] == 0.0


def test_offsets_map_through_a_normalised_text() -> None:
    gold_text = "Rain  fell in Kano."
    out_text = "Rain fell in Kano."  # the reader collapsed a double space
    doc = {"text": out_text, "places": [{"start": 13, "end": 17, "mention": "Kano"}]}
    [(s, e, _)] = mapped_spans(doc, "places", gold_text)
    assert gold_text[s:e] == "Kano"
    assert aligned(gold_text, gold_text)(5) == 5


@pytest.mark.parametrize(
    ("claims", "without", "per_doc"),
    [([2, 0, 1], 1, 1.0), ([0, 0, 0], 3, 0.0), ([4, 4, 5], 0, 4.333)],
)
def test_claim_counts(claims: list[int], without: int, per_doc: float) -> None:
    gold = [{"id": str(i), "text": "x"} for i in range(len(claims))]
    out = [{"id": str(i), "claims": [{}] * n} for i, n in enumerate(claims)]
    m = claim_counts(gold, out)
    assert (m["docs_without_claims"], m["claims_per_doc"]) == (without, per_doc)
    assert m["docs_without_claims_rate"] == round(without / len(claims), 3)
