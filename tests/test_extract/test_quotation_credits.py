"""Who a quotation is credited to: the sentences of '"A. B," the lawyer said' are the
lawyer's, not the last speaker's before them, and "we" inside them is whoever is credited.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims
from tests.test_extract.written import of_event as _of


def _source(claim: object) -> str:
    return str((getattr(claim, "source", None) or {}).get("name"))


def test_a_quotation_is_its_credits_not_the_last_speakers():
    found = claims('Officials said he was held. "It was a mistake. It is unfair," the lawyer said.')
    mistake = [c for c in found if "mistake" in c.evidence["text"]]
    assert mistake and all(_source(c) == "lawyer" for c in mistake)


def test_we_inside_a_quotation_is_its_speaker():
    found = claims(
        'Officials said he was held. "We want to see the judge. '
        'It would be good to know more," his wife said.'
    )
    wanted = [c for c in _of(found, "STATEMENT") if "see the judge" in c.evidence["text"]]
    assert wanted and all(_source(c) == "his wife" for c in wanted)


def test_a_quotation_closed_on_a_full_stop_ends_before_the_next_speaker():
    found = claims(
        '"He walked around the block," he said. "He never had a problem with anyone." '
        "Wilson said he was shocked."
    )
    never = [c for c in found if "never had a problem" in c.evidence["text"]]
    assert never and all(_source(c) != "Wilson" for c in never)


def test_a_phrase_named_speaker_is_that_phrase_but_no_pronoun_is():
    found = claims("The statement said two men were arrested near the bridge.")
    assert found and all(_source(c) == "statement" for c in found)
    found = claims("It was the latest bombing in the city, which officials said was a warning.")
    assert all(_source(c) not in ("which", "who", "that") for c in found)
