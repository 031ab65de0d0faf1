"""Language identification: English tables and lists stay English, other languages do not."""

from __future__ import annotations

from pathlib import Path

from claimgraph.ingest import language
from claimgraph.ingest.language import detect_language, english_function_share

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# A results table: names, countries and times, few function words (the unrestricted
# identifier called this Nigerian Pidgin).
RESULTS_TABLE = (
    "ATHLETICS - GRAND PRIX RESULTS . OSLO 1997-07-04 Leading results at the Oslo Grand Prix "
    "meeting on Friday : Women 's 400 metres 1. Ana Kovac ( Slovenia ) 50.12 seconds 2. Ngozi "
    "Okafor ( Nigeria ) 50.40 3. Lucia Moreno ( Cuba ) 50.77 Men 's 1,500 metres 1. Kipkemboi "
    "Rotich ( Kenya ) 3:31.20 2. Said Benali ( Morocco ) 3:32.05 3. Jonas Lind ( Sweden ) 3:33.90"
)


def test_english_results_table_is_english():
    assert detect_language(RESULTS_TABLE)[0] == "en"


def test_french_stays_french():
    lang, prob = detect_language((FIXTURES / "farmers_fr.txt").read_text(encoding="utf-8"))
    assert lang == "fr" and prob > 0.9


def test_other_languages_stay_themselves():
    assert (
        detect_language("Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen.")[0] == "de"
    )
    assert (
        detect_language("El gobierno anunció el lunes nuevas medidas contra la inflación.")[0]
        == "es"
    )


def test_low_confidence_verdict_on_english_function_words_falls_back(monkeypatch):
    class Unsure:
        def classify(self, text: str) -> tuple[str, float]:
            return "hr", 0.4

    monkeypatch.setattr(language, "_identifier", lambda: Unsure())
    table = "Results of the matches played on Saturday : Dinamo 2 Rijeka 1 , Osijek 0 Split 0"
    assert detect_language(table)[0] == "en"
    assert detect_language("Dinamo Rijeka Osijek Split Zadar Pula Sibenik Varazdin")[0] == "hr"


def test_english_function_share():
    share, n = english_function_share("the results of the day and some Names")
    assert n == 7 and share > 0.5
    assert english_function_share("Zagreb Split") == (0.0, 0)
