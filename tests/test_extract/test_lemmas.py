"""The ontology's trigger, reporting and intention verbs are found by lemma: their regular
forms must lemmatise to them (after the ontology's lemma_fixes), or a listed verb silently
never fires in that form ("hopes" read as "hop" left every "hopes to …" asserted)."""

from __future__ import annotations

from claimgraph.extract.nlp import load_nlp
from claimgraph.extract.ontology import load_ontology

# not verbs a template can inflect regularly ("be"), irregular pasts checked by the parser
# as written ("fled", "foresaw"), and "install", whose "-ed" form the model reads as
# "instal": fixing it would let "installing solar panels" appoint panels (APPOINT install)
_SKIP = {"be", "flee", "foresee", "install"}


def _forms(word: str) -> list[tuple[str, str]]:
    if word.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = word + "es"
    elif word.endswith("y") and word[-2] not in "aeiou":
        third = word[:-1] + "ies"
    else:
        third = word + "s"
    if word.endswith("e"):
        past, ing = word + "d", word[:-1] + "ing"
    elif word.endswith("y") and word[-2] not in "aeiou":
        past, ing = word[:-1] + "ied", word + "ing"
    else:
        past, ing = word + "ed", word + "ing"
    return [
        (f"He {third} to it.", third),
        (f"He {past} it yesterday.", past),
        (f"He is {ing} it.", ing),
    ]


def test_listed_verbs_lemmatise_to_themselves():
    onto, nlp = load_ontology(), load_nlp()
    words = {w for w in (*onto.verbs, *onto.reporting, *onto.intention_verbs) if w.isalpha()}
    wrong = []
    for word in sorted(words - _SKIP):
        for sentence, form in _forms(word):
            tok = next((t for t in nlp(sentence) if t.text == form), None)
            if tok is None or tok.pos_ not in ("VERB", "AUX"):
                continue  # the template did not make it a verb: nothing to check
            if onto.lemma_fixes.get(tok.lower_, tok.lemma_.lower()) != word:
                wrong.append((word, form, tok.lemma_))
    assert not wrong, wrong
