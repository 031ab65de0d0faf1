"""Chambers of parliament, islands, sums pledged in aid, acts charged in full, groups expected
to act, and emergencies declared of a thing.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims, of_event, role


def test_an_upper_or_lower_house_acts_and_a_house_does_not() -> None:
    (veto,) = of_event(claims("The upper house voted down the tax bill on Monday."), "REJECT")
    assert "upper house" in (role(veto, "agent") or "")
    assert role(veto, "object") == "tax bill"
    (backing,) = of_event(claims("The lower chamber approved the budget."), "SUPPORT")
    assert "lower chamber" in (role(backing, "agent") or "")
    assert not of_event(claims("The house blocked the lane behind it."), "REJECT")


def test_an_island_places_a_sinking() -> None:
    (wreck,) = of_event(claims("A ferry capsized off the coast of Mindanao."), "ACCIDENT")
    assert role(wreck, "location") == "Mindanao"
    (wreck,) = of_event(claims("A cargo ship sank near New Guinea."), "ACCIDENT")
    assert role(wreck, "location") == "New Guinea"  # not the country Guinea


def test_a_sum_pledged_in_aid_has_its_recipient() -> None:
    (aid,) = of_event(
        claims("Sweden pledged 400 million euros in military aid to Ukraine."), "SUPPLY"
    )
    assert role(aid, "recipient") == "Ukraine"


def test_the_act_charged_is_told_whole() -> None:
    (charge,) = of_event(
        claims("Prosecutors charged the mayor with taking kickbacks from contractors."), "CHARGE"
    )
    assert role(charge, "object") == "taking kickbacks from contractors"


def test_a_known_group_expected_to_act_is_no_count() -> None:
    found = claims("The three ministers are expected to visit Oslo next week.")
    assert not of_event(found, "MEASURE")
    assert of_event(claims("Some 2,000 soldiers are expected to be deployed."), "MEASURE")


def test_declaring_a_thing_an_emergency_imposes_nothing() -> None:
    found = claims("The World Health Organization declared the outbreak a global health emergency.")
    assert not of_event(found, "COERCE")
    assert {c.event for c in found} & {"ANNOUNCE", "STATEMENT"}
    assert of_event(claims("The governor declared a state of emergency in Ohio."), "COERCE")


def test_a_verb_read_as_a_participle_of_its_subject_is_the_verb() -> None:
    found = claims("Saudi airstrikes killed at least 40 people in northern Yemen overnight.")
    (kill,) = of_event(found, "KILL")
    assert role(kill, "agent") == "Saudi Arabia"
    assert "40 people" in (role(kill, "recipient") or "")


def test_exports_that_fell_are_a_figure_not_a_shipment() -> None:
    found = claims("Brazil's exports fell 4 percent in June.")
    assert of_event(found, "MEASURE")
    assert not of_event(found, "SUPPLY")


def test_a_rate_held_steady_is_a_figure_set_by_the_bank() -> None:
    (rate,) = of_event(
        claims("The central bank held interest rates steady on Thursday."), "MEASURE"
    )
    assert role(rate, "agent") == "central bank"
    assert role(rate, "object") == "interest rates"
    assert of_event(claims("The bank kept its benchmark rate unchanged at 4.5 percent."), "MEASURE")
    assert not claims("The minister kept his promise.")
    assert not claims("The fund left the market in May.")


def test_homes_are_built_not_converted() -> None:
    (homes,) = of_event(claims("The city plans to build 12,000 homes by 2031."), "BUILD_FACILITY")
    assert homes.modality == "planned"
    assert not of_event(claims("The trust converted its homes to charities."), "BUILD_FACILITY")
    assert not claims("The couple set up home in Porto.")
    # a facility built for a purpose is still built
    assert of_event(claims("Egypt is building plants to make vaccines."), "BUILD_FACILITY")


def test_a_passive_that_leaves_out_its_were_is_passive() -> None:
    found = claims("Three police officers were killed and six wounded in the ambush.")
    (hurt,) = of_event(found, "ASSAULT")
    assert role(hurt, "recipient") == "six"
    assert hurt.object is None
