"""`claimgraph eval` on the shared sets gives the numbers of each folder's reference score.py.

Each test extracts the first 3 dev documents through the evaluator (the extract --json path),
keeps the JSONL it scored, and runs the reference scorer on that same JSONL and the same 3 gold
documents (geo-news, geo-local, timeml-news and ner-news: claims-news/score.py's geo, timex and
ner modes). The claim counts of issue 10 are checked against the claims that JSONL holds. Skips only when the set is absent; reads the first lines only, so growing files do
not matter.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.evaluate import dataset_kind
from tests.conftest import SHARED

EVAL = SHARED / "eval"
N_DOCS = 3


def _folder(name: str) -> Path:
    folder = EVAL / name
    if not (folder / "dev.jsonl").is_file():
        pytest.skip(f"{folder} not present")
    return folder


def _head(src: Path, dst: Path, n: int = N_DOCS) -> Path:
    lines = []
    with src.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                lines.append(line if line.endswith("\n") else line + "\n")
            if len(lines) >= n:
                break
    dst.write_text("".join(lines), encoding="utf-8")
    return dst


def _reference(script: Path, *args: str | Path) -> dict[str, Any]:
    res = subprocess.run(
        [sys.executable, str(script), *map(str, args)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(res.stdout)


def _scored(
    name: str, evaluate: Callable[..., dict[str, Any]], tmp_path: Path
) -> tuple[dict[str, Any], Path, Path]:
    """The evaluator's result on a set's first N_DOCS documents, the extract JSONL it scored
    and those N_DOCS gold lines (for the reference scorer)."""
    folder = _folder(name)
    saved = tmp_path / "out.jsonl"
    out = evaluate(folder, limit=N_DOCS, save=saved)
    return out, _head(folder / "dev.jsonl", tmp_path / "gold.jsonl"), saved


def _claims_scorer() -> Path:
    scorer = EVAL / "claims-news" / "score.py"
    if not scorer.is_file():
        pytest.skip(f"{scorer} not present")
    return scorer


def _assert_claim_counts(metrics: dict[str, Any], saved: Path) -> None:
    """docs_without_claims / claims_per_doc are the claims the saved extract output holds."""
    rows = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines() if line]
    counts = [len(r.get("claims") or []) for r in rows] + [0] * (N_DOCS - len(rows))
    assert metrics["docs_without_claims"] == counts.count(0)
    assert metrics["claims_per_doc"] == round(sum(counts) / N_DOCS, 3)


def test_claims_news_matches_reference(tmp_path: Path) -> None:
    from claimgraph.evaluate.claims_news import evaluate

    out, gold, saved = _scored("claims-news", evaluate, tmp_path)
    ref = _reference(EVAL / "claims-news" / "score.py", "claimset", gold, saved)
    m = out["metrics"]
    assert ref["docs"] == N_DOCS and ref["missing_docs"] == 0
    _assert_claim_counts(m, saved)
    for key in (
        "claim_recall",
        "claim_precision",
        "strict_recall",
        "strict_precision",
        "event_acc",
        "source_acc",
        "modality_acc",
        "time_acc",
        "docs",
        "docs_without_claims",
        "gold_claims",
        "predicted_claims",
        "matched",
    ):
        assert m[key] == ref[key], key


@pytest.mark.parametrize("name", ["geo-news", "geo-local"])
def test_geo_matches_reference(name: str, tmp_path: Path) -> None:
    """Places of extract output, scored as `score.py geo` does (overlap credit for km)."""
    from claimgraph.evaluate.geo import evaluate

    out, gold, saved = _scored(name, evaluate, tmp_path)
    ref = _reference(_claims_scorer(), "geo", gold, saved)
    m = out["metrics"]
    assert ref["docs"] == N_DOCS and ref["missing_docs"] == 0
    for key in (
        "docs",
        "missing_docs",
        "toponym_p",
        "toponym_r",
        "toponym_f1",
        "geo_acc_161km",
        "geo_mean_km",
        "geo_median_km",
        "gold_with_coords",
    ):
        assert m[key] == ref[key], key
    _assert_claim_counts(m, saved)
    assert out["speed"]["words_per_s"] > 0


def test_timeml_news_matches_reference(tmp_path: Path) -> None:
    """Times of extract output (the document's dct as "published"), scored as `score.py timex`."""
    from claimgraph.evaluate.timeml import evaluate

    out, gold, saved = _scored("timeml-news", evaluate, tmp_path)
    ref = _reference(_claims_scorer(), "timex", gold, saved)
    m = out["metrics"]
    assert ref["docs"] == N_DOCS and ref["missing_docs"] == 0
    for key in (
        "docs",
        "missing_docs",
        "timex_f1_strict",
        "timex_f1_relaxed",
        "timex_value_acc",
        "timex_value_f1",
    ):
        assert m[key] == ref[key], key
    _assert_claim_counts(m, saved)


def test_attribution_news_matches_reference(tmp_path: Path) -> None:
    from claimgraph.evaluate.attribution import evaluate

    out, gold, saved = _scored("attribution-news", evaluate, tmp_path)
    ref = _reference(
        EVAL / "attribution-news" / "score.py", "--gold", gold, "--input", gold, "--pred", saved
    )
    m, gl, cl = out["metrics"], ref["gold_level"], ref["claim_level"]
    assert ref["documents"] == N_DOCS
    assert m["speaker_recall"] == gl["recall_src_strict"]
    assert m["speaker_recall_coref"] == gl["recall_src_coref"]
    assert m["attribution_coverage"] == gl["coverage"]
    assert m["gold_attributions_with_source"] == gl["gold_attributions_with_source"]
    assert m["attr_detect_p"] == cl["attr_detect"]["P"]
    assert m["attr_detect_r"] == cl["attr_detect"]["R"]
    assert m["attr_detect_f1"] == cl["attr_detect"]["F1"]
    assert m["decision_acc_strict"] == (cl["decision_acc_strict"] or 0.0)
    assert m["claims_scored"] == ref["claims_scored"]


def test_events_news_matches_reference(tmp_path: Path) -> None:
    from claimgraph.evaluate.events import evaluate

    out, gold, saved = _scored("events-news", evaluate, tmp_path)
    ref = _reference(
        EVAL / "events-news" / "score.py", "--gold", gold, "--input", gold, "--pred", saved
    )
    m = out["metrics"]
    assert ref["documents"] == N_DOCS
    assert m["event_p"] == ref["event"]["P"]
    assert m["event_r"] == ref["event"]["R"]
    assert m["event_f1"] == ref["event"]["F1"]
    assert m["arg_r"] == ref["args_end_to_end"]["R"]
    assert m["arg_p"] == ref["args_end_to_end"]["P"]
    assert (m["gold_events"], m["predicted_claims"]) == (
        ref["gold_events_scored"],
        ref["pred_claims_scored"],
    )


def test_ner_news_scores_extract_output(tmp_path: Path) -> None:
    """The ner-news number is the reference `score.py ner` of what extract --json prints."""
    from claimgraph.evaluate.extracted import extract_documents, read_gold, write_jsonl
    from claimgraph.evaluate.ner import evaluate

    folder = _folder("ner-news")
    scorer = _claims_scorer()
    out = evaluate(folder, limit=N_DOCS)
    outputs, _ = extract_documents(read_gold(folder / "dev.jsonl", N_DOCS))
    write_jsonl(outputs, tmp_path / "out.jsonl")
    gold = _head(folder / "dev.jsonl", tmp_path / "gold.jsonl")
    ref = _reference(scorer, "ner", gold, tmp_path / "out.jsonl")
    for key in ("ner_p", "ner_r", "ner_f1"):
        assert out["metrics"][key] == ref[key], key


def test_ner_news_layer_not_below_raw_model() -> None:
    """The product's entity layer must not score below the bare model it stands on."""
    from claimgraph.evaluate.ner import evaluate

    folder = _folder("ner-news")
    product = evaluate(folder, limit=20)["metrics"]["ner_f1"]
    raw = evaluate(folder, limit=20, raw=True)["metrics"]["ner_f1"]
    assert product >= raw


# ---------------------------------------------------------------- folders `eval` cannot read

# Our own tiny events-format document (not from any shared set): one attack, trigger "attacked".
_TEXT = "Rebels attacked an army convoy near the town of Kadugli on Monday, officials said."
_OWN_EVENTS = {
    "id": "own-1",
    "published": "2024-05-06",
    "text": _TEXT,
    "events": [
        {
            "id": "own-1-E1",
            "kairos_type": "Conflict.Attack.Unspecified",
            "claimgraph_types": ["ATTACK"],
            "trigger": {"start": 7, "end": 15, "text": "attacked"},
            "arguments": [
                {
                    "role": "Attacker",
                    "claimgraph_roles": ["agent"],
                    "start": 0,
                    "end": 6,
                    "text": "Rebels",
                    "coref_texts": [],
                }
            ],
        }
    ],
}


def _shared_with_bad_folders(root: Path) -> Path:
    (root / "seed").mkdir(parents=True)
    good = root / "eval" / "own-events"
    good.mkdir(parents=True)
    (good / "dev.jsonl").write_text(json.dumps(_OWN_EVENTS) + "\n", encoding="utf-8")
    (good / "train.jsonl").write_text('{"unrelated": true}\nnot json at all\n', encoding="utf-8")
    unknown = root / "eval" / "unknown-format"
    unknown.mkdir()
    (unknown / "dev.jsonl").write_text('{"id": "x", "foo": [1, 2]}\n', encoding="utf-8")
    broken = root / "eval" / "broken-json"
    broken.mkdir()
    (broken / "dev.jsonl").write_text('{"id": "x", "text": \n', encoding="utf-8")
    (root / "eval" / "empty").mkdir()
    return root


def test_kind_reads_dev_split_and_ignores_train(tmp_path: Path) -> None:
    root = _shared_with_bad_folders(tmp_path / "shared")
    assert dataset_kind(root / "eval" / "own-events") == "events"
    with pytest.raises(ValueError, match="unknown dataset format"):
        dataset_kind(root / "eval" / "unknown-format")
    with pytest.raises(ValueError, match="invalid JSON"):
        dataset_kind(root / "eval" / "broken-json")
    with pytest.raises(ValueError, match="no dev.jsonl"):
        dataset_kind(root / "eval" / "empty")


def test_eval_goes_on_past_unreadable_folders(tmp_path: Path) -> None:
    root = _shared_with_bad_folders(tmp_path / "shared")
    res = CliRunner().invoke(app, ["eval", "--json"], env={"CLAIMGRAPH_SHARED": str(root)})
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert [d["name"] for d in report["datasets"]] == ["own-events"]
    assert 0.0 <= report["datasets"][0]["metrics"]["event_f1"] <= 1.0
    reasons = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert set(reasons) == {"unknown-format", "broken-json", "empty"}
    assert "unknown dataset format" in reasons["unknown-format"]
    assert "invalid JSON" in reasons["broken-json"]
    assert "skipped" in res.stderr and "unknown-format" in res.stderr


def test_eval_fails_when_nothing_scores(tmp_path: Path) -> None:
    root = _shared_with_bad_folders(tmp_path / "shared")
    bad = root / "eval" / "unknown-format"
    res = CliRunner().invoke(app, ["eval", str(bad)])
    assert res.exit_code == 1
    assert "unknown-format" in res.output
