"""Plain-text reader: datelines, titles, cleaning, the seed article."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from claimgraph.errors import EmptyInput
from claimgraph.ingest.clean import clean_text, split_paragraphs, strip_boilerplate
from claimgraph.ingest.dates import parse_dateline
from claimgraph.ingest.text import text_to_article


def test_seed_article(seed_path):
    art = text_to_article(seed_path.read_bytes(), source=str(seed_path))
    assert art.title == "ISW: Iran is building drone factories in Belarus and Russia"
    assert art.published == datetime(2023, 8, 2, 13, 30)
    assert art.language == "en" and art.supported
    assert art.text.startswith("Iran is building factories to produce unmanned aerial vehicles")
    assert art.text.endswith(
        "In May 2022, Iran opened the Ababil-2 drone factory in Dushanbe, Tajikistan."
    )
    for gone in (
        "spelling error",
        "Ctrl+Enter",
        "Spelling error report",
        "sent to our editors",
        "13:30",
    ):
        assert gone not in art.text
    assert art.extra["boilerplate_removed"] == 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("13:30 02 Aug 2023", datetime(2023, 8, 2, 13, 30)),
        ("August 2, 2023", datetime(2023, 8, 2)),
        ("Wed, 02 Aug 2023 13:30 GMT", datetime(2023, 8, 2, 13, 30, tzinfo=UTC)),
        (
            "2023-08-02T13:30:00+03:00",
            datetime(2023, 8, 2, 13, 30, tzinfo=timezone(timedelta(hours=3))),
        ),
        ("02.08.2023 13:30", datetime(2023, 8, 2, 13, 30)),
    ],
)
def test_datelines(line, expected):
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "ISW: Iran is building drone factories in Belarus and Russia",
        "Russia can also benefit the Iranian military.",
        "Su-35 fighter jets delivered in 2023 to the air force",
        "",
    ],
)
def test_not_datelines(line):
    assert parse_dateline(line) is None


def test_no_dateline_keeps_first_lines():
    raw = b"Flood waters recede in the valley\n\nResidents returned home on Tuesday as the river fell.\n"
    art = text_to_article(raw, source="flood.txt")
    assert art.published is None
    assert art.title == "Flood waters recede in the valley"
    assert art.text == "Residents returned home on Tuesday as the river fell."


def test_single_paragraph_has_no_title():
    raw = b"Residents returned home on Tuesday as the river fell, officials said."
    art = text_to_article(raw, source="one.txt")
    assert art.title is None and art.text.startswith("Residents returned")


def test_whitespace_unicode_and_hard_wraps():
    raw = "Title line\n\nThe  caf\u0065\u0301\u00a0opened\ton   Monday\nafter repairs.\u200b\n\n\n\nSecond  para.\r\n".encode()
    art = text_to_article(raw, source="w.txt")
    assert art.text == "The caf\u00e9 opened on Monday after repairs.\n\nSecond para."


def test_boilerplate_is_data_driven_and_general():
    other_site = [
        "The council approved the budget on Thursday after a long debate.",
        "Found a typo? Select it and press Ctrl+Enter to let our editors know.",
        "Follow us on Telegram",
        "Advertisement",
    ]
    kept, removed = strip_boilerplate(other_site)
    assert kept == other_site[:1]
    assert len(removed) == 3


def test_story_quoting_shortcut_keeps_body():
    paras = [
        "Software makers say the Ctrl+Enter shortcut sends a message in most chat programs, and "
        "errors in the new release made it post twice, according to a report published on Monday "
        "by the company, which apologised to users and promised a fix within days after "
        "thousands of complaints reached its support desk over the weekend and it reviewed them.",
        "The fix ships next week.",
    ]
    kept, removed = strip_boilerplate(paras)
    assert kept == paras and removed == []


def test_clean_text_paragraph_split():
    assert split_paragraphs("a\nb\nc") == ["a", "b", "c"]
    assert clean_text("a\nb\n\nc") == "a b\n\nc"


def test_dateline_only_is_empty():
    with pytest.raises(EmptyInput, match="no story text"):
        text_to_article(b"13:30 02 Aug 2023\n\n", source="h.txt")
