"""Temporal tagger: one or more hand-written news sentences per rule family."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from claimgraph.resolve.times import normalize, tag_text
from tests.conftest import SHARED

DCT = date(2021, 3, 10)  # a Wednesday
EVAL = SHARED / "eval" / "timeml-news"


def _tags(text: str, dct: date = DCT) -> dict[str, tuple[str | None, str | None, str | None]]:
    spans = tag_text(text, dct)
    for s in spans:
        assert text[s.start : s.end] == s.text
    starts = [s.start for s in spans]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    return {s.text: (s.value, s.granularity, s.mod) for s in spans}


def test_calendar_dates_and_past_bias() -> None:
    t = _tags(
        "The ministry said on February 3 that exports fell in January, and the plant reopened in October 2019."
    )
    assert t["February 3"][:2] == ("2021-02-03", "day")
    assert t["January"][:2] == ("2021-01", "month")
    assert t["October 2019"][:2] == ("2019-10", "month")


def test_month_after_dct_in_past_tense_is_last_year() -> None:
    t = _tags("Officials signed the agreement in November.")
    assert t["November"][0] == "2020-11"


def test_future_tense_moves_forward() -> None:
    t = _tags("The committee will meet on Friday and the vote will take place in June.")
    assert t["Friday"][0] == "2021-03-12"
    assert t["June"][0] == "2021-06"


def test_a_modal_above_an_infinitive_and_a_perfects_deadline_look_ahead() -> None:
    t = _tags("The delegation would be ready to leave for Geneva as soon as Friday, he said.")
    assert t["Friday"][0] == "2021-03-12"
    t = _tags("The agency has given the relatives until 9 a.m. Friday to sign the paper.")
    assert t["9 a.m. Friday"][0] == "2021-03-12T09:00"
    # a possessive date of a noun under "before" is no deadline
    t = _tags("Its share before Monday's purchases is far below the leaders'.")
    assert t["Monday"][0] == "2021-03-08"
    t = _tags("The relatives stayed in the house until Monday.")
    assert t["Monday"][0] == "2021-03-08"


def test_weekday_past() -> None:
    t = _tags("The governor announced the decision Monday.")
    assert t["Monday"][0] == "2021-03-08"


def test_modifiers() -> None:
    t = _tags("Prices peaked at the end of 2019 and fell in early 2020, then again in mid-August.")
    assert t["the end of 2019"] == ("2019", "year", "END")
    assert t["early 2020"] == ("2020", "year", "START")
    assert t["mid-August"][0] == "2020-08" and t["mid-August"][2] == "MID"


def test_durations() -> None:
    t = _tags(
        "The talks lasted two years, after a decade of fighting and the past three weeks of shelling."
    )
    assert t["two years"][:2] == ("P2Y", "duration")
    assert t["a decade"][0] == "P10Y"
    assert t["the past three weeks"][0] == "P3W"
    t = _tags("The rebels held the town for about six months.")
    assert t["about six months"] == ("P6M", "duration", "APPROX")


def test_sets() -> None:
    t = _tags("Inspectors visit every week and the report is published annually.")
    assert t["every week"][:2] == ("P1W", "set")
    assert t["annually"][0] == "P1Y"


def test_reference_words() -> None:
    t = _tags(
        "The army is currently rebuilding, officials recently said, and more units may come in the future."
    )
    assert t["currently"][0] == "PRESENT_REF"
    assert t["recently"][0] == "PAST_REF"
    assert t["the future"][0] == "FUTURE_REF"


def test_relative_units_and_offsets() -> None:
    t = _tags(
        "Sales rose last week, after a weak month last year; yesterday the firm said next year looks better."
    )
    assert t["last week"][:2] == ("2021-W09", "week")
    assert t["last year"][0] == "2020"
    assert t["yesterday"][0] == "2021-03-09"
    assert t["next year"][0] == "2022"


def test_ago_and_quarters() -> None:
    t = _tags(
        "The company reported a loss for the fourth quarter. Two years ago it was profitable."
    )
    assert t["the fourth quarter"][:2] == ("2020-Q4", "quarter")
    assert t["Two years ago"][0] == "2019"


def test_year_ago_follows_the_quarter_discussed() -> None:
    t = _tags(
        "Third-quarter profit rose to $5 million from $3 million a year earlier.",
        date(2019, 10, 24),
    )
    assert t["Third-quarter"][0] == "2019-Q3"
    assert t["a year earlier"][0] == "2018-Q3"


def test_decades_centuries_parts_of_day_and_clock() -> None:
    t = _tags(
        "Growth slowed in the 1970s, the worst of the 20th century, and the blast came at 6:45 p.m. this evening."
    )
    assert t["the 1970s"][0] == "197"
    assert t["the 20th century"][0] == "19"
    assert t["6:45 p.m."][0] == "2021-03-10T18:45"
    assert t["this evening"][0] == "2021-03-10TEV"


def test_seasons_and_spelled_years() -> None:
    t = _tags("Fighting resumed last summer, years after the truce of nineteen ninety-four.")
    assert t["last summer"][0] == "2020-SU"
    assert t["nineteen ninety-four"][0] == "1994"


def test_not_times() -> None:
    t = _tags("The Su-35 jets cost 500,000 dollars under a long-term deal; prices may fall.")
    assert t == {}


def test_normalize_single_expressions() -> None:
    n = normalize("the end of 2022", DCT)
    assert n is not None and (n.value, n.mod) == ("2022", "END")
    assert normalize("six months", DCT).value == "P6M"  # type: ignore[union-attr]
    assert normalize("the third quarter", date(2021, 11, 2)).value == "2021-Q3"  # type: ignore[union-attr]
    assert normalize("nothing temporal here", DCT) is None


@pytest.mark.skipif(not EVAL.exists(), reason="shared evaluation folder absent")
def test_evaluate_smoke() -> None:
    from claimgraph.evaluate.timeml import evaluate

    res = evaluate(EVAL, limit=5)
    m = res["metrics"]
    for key in ("timex_f1_strict", "timex_f1_relaxed", "timex_value_acc", "timex_value_f1"):
        assert 0.0 <= m[key] <= 1.0
    assert m["timex_gold"] > 0
    assert res["speed"]["words_per_s"] > 0
    assert {p["metric"] for p in res["peers"]} >= {"timex_f1_strict", "timex_value_f1"}


# ---- a claim's time (resolve/claims.py via resolve/times.sentence_time) -------------------


def _claim_times(text: str, dct: date = DCT) -> list[tuple[str, str | None, str | None]]:

    from claimgraph.extraction import extract_text

    ex = extract_text(text, published=datetime(dct.year, dct.month, dct.day))
    return [(c.event, (c.time or {}).get("value"), (c.time or {}).get("basis")) for c in ex.claims]


def test_sentence_bounds_skip_abbreviations() -> None:
    from claimgraph.resolve.times import sentence_bounds

    text = "It rained. Dr. Okafor met U.S. envoys on Jan. 4 in Lagos. Then he left."
    s = text.index("met")
    lo, hi = sentence_bounds(text, s, s + 3)
    assert text[lo:hi] == "Dr. Okafor met U.S. envoys on Jan. 4 in Lagos."


def test_sentence_time_rules_without_a_parse() -> None:
    from claimgraph.extract.records import Mention, TimeSpan
    from claimgraph.resolve.times import sentence_time

    def span(text: str, part: str, value: str) -> TimeSpan:
        i = text.index(part)
        return TimeSpan(i, i + len(part), part, value, "day")

    def mention(text: str, part: str) -> Mention:
        i = text.index(part)
        return Mention(i, i + len(part), part)

    opening = "On June 3, 1994, the council was dissolved by decree. Nothing else."
    found = sentence_time(
        opening,
        [span(opening, "June 3, 1994", "1994-06-03")],
        mention(opening, "dissolved"),
        mention(opening, "the council was dissolved by decree"),
        [],
    )
    assert found is not None and found[0].value == "1994-06-03" and found[1] == "sentence"
    linked = "It began in 1972, when rebels seized the port."
    found = sentence_time(
        linked,
        [span(linked, "1972", "1972")],
        mention(linked, "seized"),
        mention(linked, "rebels seized the port"),
        [],
    )
    assert found is not None and found[0].value == "1972"
    # a time in another sentence never dates the claim
    other = "Rebels seized the port. On May 2 the army returned."
    assert (
        sentence_time(
            other,
            [span(other, "May 2", "2021-05-02")],
            mention(other, "seized"),
            mention(other, "Rebels seized the port"),
            [],
        )
        is None
    )


def test_time_in_the_same_sentence_beats_the_publication_day() -> None:
    times = _claim_times("Farmers protested against the new tax Monday outside parliament.")
    assert times and all(v == "2021-03-08" for _, v, _ in times)
    # a nominal event takes the date on its verb
    times = _claim_times("The senator attended a rally Monday in Des Moines.")
    assert times and all(v == "2021-03-08" for _, v, _ in times)


def test_earlier_past_without_a_time_gets_no_date() -> None:
    times = _claim_times("The ministry said the firm had sold rifles to Chad.")
    supply = [t for t in times if t[0] != "STATEMENT"]
    assert supply and all(v is None and b == "before_published" for _, v, b in supply)
    marked = _claim_times("Peru previously bought tanks from Belarus, officials said.")
    assert marked and all(v is None and b == "before_published" for _, v, b in marked)
    plain = _claim_times("Peru bought tanks from Belarus, officials said.")
    assert plain and all(v == "2021-03-10" and b == "published" for _, v, b in plain)


def test_future_reference_resolves_forward() -> None:
    times = _claim_times("The foreign minister will visit Kenya on Friday.")
    assert times and all(v == "2021-03-12" for _, v, _ in times)


def test_deadlines_arrangements_and_reported_futures_point_ahead() -> None:
    assert _tags("The council must approve the budget by Friday.")["Friday"][0] == "2021-03-12"
    assert _tags("The ministers are meeting in Oslo on Monday.")["Monday"][0] == "2021-03-15"
    assert _tags("He said the envoys would return on Monday.")["Monday"][0] == "2021-03-15"
    # told as past, the same words stay behind the DCT
    assert _tags("The envoys returned on Monday.")["Monday"][0] == "2021-03-08"
    # an arrangement in the passive present: "is planned / scheduled for"
    assert _tags("A vote is scheduled for Monday.")["Monday"][0] == "2021-03-15"
    assert _tags("A vote was scheduled for Monday.")["Monday"][0] == "2021-03-08"


def test_undated_story_months_take_the_year_in_discussion() -> None:
    spans = tag_text(
        "The mill opened in 1932. In March it was flooded, and in the spring it shut.", None
    )
    values = {s.text: s.value for s in spans}
    assert values["1932"] == "1932" and values["March"] == "1932-03"
    assert values["spring"] == "1932-SP"
    # with nothing said about the year it stays unknown
    assert {s.text: s.value for s in tag_text("In March the mill was flooded.", None)}[
        "March"
    ] == "XXXX-03"


def test_year_only_publication_is_no_day() -> None:
    import json

    from claimgraph.extraction import extract_article
    from claimgraph.ingest.sources import ReadOptions, read_jsonl

    rec = {"text": "The mayor ordered the closure of the harbour on Monday.", "published": "2019"}
    [art] = list(read_jsonl(json.dumps(rec).encode(), label="t.jsonl", opts=ReadOptions()))
    ex = extract_article(art)
    assert ex.claims
    for c in ex.claims:
        # "Monday" of an unknown week dates nothing; the fallback keeps the year only
        assert c.time["value"] == "2019" and c.time["granularity"] == "year"


def test_plans_without_a_time_are_not_dated_by_publication() -> None:
    undated = _claim_times("Chile will buy two frigates from Spain.")
    assert undated and all(v is None and b == "after_published" for _, v, b in undated)
    dated = _claim_times("Chile will buy two frigates from Spain next year.")
    assert dated and all(v == "2022" for _, v, _ in dated)


def test_a_report_day_carries_to_the_next_past_event() -> None:
    # "said Friday they found …": the story has reached Friday; the next simple-past event
    # takes it (basis "context"), not an older date told before the report
    times = _claim_times(
        "The judge was shot last year. Detectives said Friday they found a pistol in a lake. "
        "The pistol was sent to the FBI in Ohio."
    )
    sent = [(v, b) for e, v, b in times if e == "SUPPLY"]
    assert sent == [("2021-03-05", "context")]


def test_a_date_opening_a_sentence_sets_the_scene_for_the_next_past_event() -> None:
    # the dated sentence states no claim; the bomb goes off on that day, not on the dateline
    times = _claim_times(
        "On Feb. 12, the minister had just ended a news conference. They were talking when "
        "the bomb went off, killing 47 people."
    )
    assert [(e, v, b) for e, v, b in times] == [("KILL", "2021-02-12", "context")]


def test_a_slated_visit_in_a_month_lies_ahead_and_is_planned() -> None:
    from claimgraph.extraction import extract_text

    claims = extract_text(
        "He said they had talked about the slated visit of Commerce Secretary Ann Daley in "
        "February.",
        published=datetime(2021, 3, 10),
    ).claims
    assert [(c.event, c.agent["name"], c.modality, c.time["value"]) for c in claims] == [
        ("VISIT", "Ann Daley", "planned", "2022-02")
    ]


def test_a_speakers_undated_report_does_not_take_the_history_told_before_it() -> None:
    times = _claim_times(
        "The rebels declared victory on Jan. 1, 1959 when the dictator fled the country. "
        "The minister said he sympathized with the boy's father."
    )
    assert ("SUPPORT", "2021-03-10", "published") in times


def test_the_time_of_a_compared_figure_does_not_date_the_claim() -> None:
    times = _claim_times(
        "Acme reported a decline in fourth-quarter earnings. Sales in the latest period were "
        "$1.76 billion, a 13% increase from last year's $1.55 billion."
    )
    assert [v for e, v, _ in times if e == "MEASURE"] == ["2020-Q4", "2020-Q4"]  # not "2020"


def test_a_past_act_dated_months_ahead_of_the_report_is_last_years() -> None:
    # DCT 2021-03-10: "Nov. 3" told in the past is 2020; a deadline weeks ahead stays ahead
    t = _tags("He was last seen on Nov. 3, the day before the warrant was issued.")
    assert t["Nov. 3"][0] == "2020-11-03"
    t = _tags("The board declared a dividend, payable April 15 to holders of record.")
    assert t["April 15"][0] == "2021-04-15"


def test_a_day_after_last_or_next_keeps_its_day() -> None:
    t = _tags("He was shot last Oct. 23 at his home, and the trial opens next June 4.")
    assert t["last Oct. 23"][:2] == ("2020-10-23", "day")
    assert t["next June 4"][:2] == ("2021-06-04", "day")


def test_a_thing_still_to_be_done_is_dated_ahead() -> None:
    from datetime import datetime

    from claimgraph.extraction import extract_text

    art = extract_text(
        "He added that final guidelines to be published in early November will determine whether "
        "the bank is in compliance.",
        published=datetime(1989, 10, 30),
    )
    assert [t.value for t in art.times] == ["1989-11"]
    art = extract_text(
        "Her decision to meet the governor at the end of June was criticised.",
        published=datetime(2016, 9, 14),
    )
    assert [t.value for t in art.times] == ["2016-06"]  # a decision taken, a meeting held


def test_a_date_in_a_clause_of_reason_dates_nothing_else() -> None:
    from datetime import datetime

    from claimgraph.extraction import extract_text

    (c,) = extract_text(
        "Shares plummeted because the bank may not meet new rules effective Dec. 7.",
        published=datetime(1989, 10, 30),
    ).claims
    assert c.time["value"] != "1989-12-07"


def test_the_following_month_and_day_count_from_the_story_not_the_report() -> None:
    t = _tags(
        "In June the mill was sold. The following month, the buyer closed it. On Sept. 2 a "
        "worker sued. The following day, a judge froze the sale; the next day he lifted it."
    )
    assert t["The following month"][:2] == ("2020-07", "month")
    assert t["The following day"][:2] == ("2020-09-03", "day")
    assert t["the next day"][:2] == ("2020-09-04", "day")


def test_the_next_day_with_no_day_named_has_no_value() -> None:
    t = _tags("The mayor resigned, and the next day the council met.")
    assert "the next day" not in t


def test_a_timetable_in_the_simple_present_looks_ahead() -> None:
    # DCT is a Wednesday: "flies … on Friday" is two days on, "Monday's vote" two days back
    t = _tags("The premier flies to Lisbon on Friday.")
    assert t["Friday"][0] == "2021-03-12"
    t = _tags("The plan follows Monday's vote by the board, which holds a 40% stake.")
    assert t["Monday"][0] == "2021-03-08"


def test_a_count_of_years_older_than_the_calendar_keeps_only_its_direction() -> None:
    # a date object holds the years 1-9999: an ancient or far-future offset is no crash
    t = _tags("The pyramid was built more than 4,500 years ago for the pharaoh.")
    assert t["more than 4,500 years ago"][0] == "PAST_REF"
    t = _tags("The tomb was sealed 3,000,000 days ago.")
    assert t["3,000,000 days ago"][0] == "PAST_REF"
