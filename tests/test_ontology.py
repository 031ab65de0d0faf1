"""The ontology as one package: every file loads against its schema, the shared vocabularies are
defined once and used as defined, and a broken copy fails naming its file, key and line."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import claimgraph
from claimgraph import ontology
from claimgraph.analyze import clusters, contradictions
from claimgraph.errors import OntologyError
from claimgraph.export import stix
from claimgraph.extract import attribution
from claimgraph.extract.ontology import EventType, load_ontology
from claimgraph.ontology import schema
from claimgraph.store import filters

PACKAGE = Path(claimgraph.__file__).parent
ONTOLOGY = PACKAGE / "ontology"


def test_every_file_has_a_schema_and_loads() -> None:
    names = {p.name for p in ONTOLOGY.glob("*.yaml")}
    assert names == set(schema.FILES)
    ontology.validate()
    ontology.validate_dir(ONTOLOGY)
    for name in names:
        assert ontology.load_yaml(name)


def test_no_data_file_outside_the_ontology() -> None:
    """Every YAML the package reads lives here and goes through the one loader (the NER label
    rules included: extract/nlp reads them with load_yaml, not a YAML parser of its own)."""
    outside = [p for p in PACKAGE.rglob("*.y*ml") if p.parent != ONTOLOGY]
    assert not outside
    from claimgraph.extract import nlp

    assert "import yaml" not in Path(nlp.__file__).read_text("utf-8")
    rules = ontology.load_yaml(nlp.LABEL_RULES)
    heads, person_before, adj_tags = nlp._label_rules()
    assert heads == set(rules["organisation_heads"]) and "Bank" in heads
    assert person_before == set(rules["person_before"])
    assert adj_tags == set(rules["norp_adjective_tags"])


def test_event_types_are_complete_and_consistent() -> None:
    events = ontology.load_yaml("events.yaml")["events"]
    onto = load_ontology()
    assert set(onto.events) == set(events)
    for name, spec in events.items():
        assert "plover" in spec, name
        assert spec["plover"] is None or spec["plover"] in schema.PLOVER, name
        assert set(spec) <= schema.EVENT_KEYS, name
        for role in (spec.get("roles") or {}).values():
            assert role in schema.ROLES, (name, role)
        # a type with `verbs: []` is emitted by code (STATEMENT: extract/statements.py)
        has_triggers = any(spec.get(k) for k in ("verbs", "inverse", "nouns", "light"))
        assert has_triggers or spec.get("verbs") == [], name
    # every schema key of an event is read into EventType (or is a trigger table)
    triggers = {"verbs", "inverse", "nouns", "light", "subject_light", "measure_nouns"}
    assert schema.EVENT_KEYS - triggers <= set(EventType.__dataclass_fields__)
    assert onto.plover == {n: e.get("plover") for n, e in events.items()}


def test_no_trigger_conflicts() -> None:
    events = ontology.load_yaml("events.yaml")["events"]
    fold = schema.fold
    nouns: dict[str, str] = {}
    light: dict[tuple[str, str], str] = {}
    for name, spec in events.items():
        direct = [fold(v) for v in spec.get("verbs") or []]
        inverse = [fold(v) for v in spec.get("inverse") or []]
        assert len(set(direct)) == len(direct) and len(set(inverse)) == len(inverse), name
        assert not set(direct) & set(inverse), name
        for n in spec.get("nouns") or []:
            assert nouns.setdefault(fold(n), name) == name, (n, nouns[fold(n)], name)
        for v, objs in (spec.get("light") or {}).items():
            for o in objs:
                pair = (fold(v), fold(o))
                assert light.setdefault(pair, name) == name, (pair, light[pair], name)
    onto = load_ontology()
    assert onto.nouns == nouns and onto.light == light


def test_modalities_are_defined_once() -> None:
    assert filters.MODALITIES == schema.MODALITIES
    assert tuple(clusters.MODALITY_STRENGTH) == schema.MODALITIES
    assert set(schema.MODALITIES) == contradictions.AFFIRMING | contradictions.DISPUTING
    assert not contradictions.AFFIRMING & contradictions.DISPUTING
    assert set(attribution.STRONG) <= set(schema.MODALITIES)
    at = ontology.load_yaml("attribution.yaml")
    for section in ("reporting_verbs", "stance_nouns", "clause_modality", "modality_adverbs"):
        assert set(at[section]) <= set(schema.MODALITIES), section
    choices = next(f for f in filters.FILTERS if f.name == "modality").choices
    assert choices is not None and tuple(choices()) == schema.MODALITIES


def _parameters(trees: list[ast.Module]) -> dict[str, list[str]]:
    """Function (and dataclass) name → its positional parameter names, over the package."""
    out: dict[str, list[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                out[node.name] = [a.arg for a in [*node.args.posonlyargs, *node.args.args]]
            elif isinstance(node, ast.ClassDef):
                out[node.name] = [
                    n.target.id
                    for n in node.body
                    if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
                ]
    return out


def _modality_literals() -> list[tuple[str, int, str]]:
    """String literals the code compares with, assigns to, passes or returns as a modality."""
    found = []
    paths = sorted(PACKAGE.rglob("*.py"))
    trees = [ast.parse(p.read_text("utf-8")) for p in paths]
    params = _parameters(trees)
    for path, tree in zip(paths, trees, strict=True):
        for node in ast.walk(tree):
            pairs: list[tuple[ast.AST, ast.AST]] = []
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                names = params.get(name, [])
                names = names[1:] if names[:1] == ["self"] else names
                pairs += [(ast.Name(id=p), a) for p, a in zip(names, node.args, strict=False)]
            elif isinstance(node, ast.BoolOp):  # `frame_class or "asserted"`
                pairs += [(a, b) for a in node.values for b in node.values if a is not b]
            elif isinstance(node, ast.Compare):
                pairs += [(node.left, c) for c in node.comparators]
                pairs += [(c, node.left) for c in node.comparators]
            elif isinstance(node, ast.Assign):
                pairs += [(t, node.value) for t in node.targets]
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                pairs.append((node.target, node.value))
            elif isinstance(node, ast.FunctionDef) and re.search(r"modality|hedging", node.name):
                pairs += [
                    (ast.Name(id="modality"), r.value)
                    for r in ast.walk(node)
                    if isinstance(r, ast.Return) and r.value is not None
                ]
            elif isinstance(node, ast.keyword) and node.arg in ("modality", "frame_class"):
                pairs.append((ast.Name(id=node.arg), node.value))
            elif isinstance(node, ast.Dict):  # {"modality": "asserted"}, not field paths
                pairs += [
                    (k, v)
                    for k, v in zip(node.keys, node.values, strict=True)
                    if k and isinstance(v, ast.Constant)
                ]
            for name, value in pairs:
                label = ast.unparse(name)
                if not re.search(r"modality|frame_class|\bmood\b", label):
                    continue
                consts = [value] if isinstance(value, ast.Constant) else []
                if isinstance(value, ast.Tuple | ast.Set | ast.List):
                    consts = [e for e in value.elts if isinstance(e, ast.Constant)]
                for c in consts:
                    if isinstance(c.value, str) and c.value not in (
                        "modality",
                        "frame_class",
                        "mood",
                    ):
                        found.append((str(path.relative_to(PACKAGE)), c.lineno, c.value))
    return found


def test_every_modality_used_in_code_exists() -> None:
    found = _modality_literals()
    assert found, "the scan should see the code's modality literals"
    unknown = [f for f in found if f[2] not in schema.MODALITIES]
    assert not unknown


def test_event_meaning_comes_from_the_ontology() -> None:
    onto = load_ontology()
    assert set(stix.relationships()) <= set(onto.events)
    assert stix.relationship_type("ACQUIRE", False, False) == "acquires-from"
    assert stix.relationship_type("KILL", True, True) == "not-kill-in"  # no stix: the default
    assert filters.agent_receives() == {"ACQUIRE"}
    assert {n for n, e in onto.events.items() if e.transfer} == {"SUPPLY", "ACQUIRE"}
    supply = {"pk": 1, "event": "SUPPLY", "agent": {"name": "Iran"}, "recipient": {"name": "X"}}
    acquire = {"pk": 2, "event": "ACQUIRE", "agent": {"name": "X"}, "supplier": {"name": "Iran"}}
    a, b = clusters.view(supply), clusters.view(acquire)
    assert a.family == b.family == "TRANSFER" and a.givers == b.givers == {"iran"}
    assert a.receiver == b.receiver == "x"
    assert clusters.view({"pk": 3, "event": "ACQUIRE", "agent": {"name": "X"}}).givers == {"?->x"}


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


def _line_of(text: str, needle: str, after: str = "") -> int:
    start = text.index(after) if after else 0
    return text[: text.index(needle, start)].count("\n") + 1


def _edit(path: Path, old: str, new: str, after: str = "") -> int:
    """Replace the first `old` (after `after`) and return its line number."""
    text = path.read_text("utf-8")
    line = _line_of(text, old, after)
    start = text.index(after) if after else 0
    i = text.index(old, start)
    path.write_text(text[:i] + new + text[i + len(old) :], "utf-8")
    return line


@pytest.mark.parametrize(
    ("name", "old", "new", "after", "key", "reason"),
    [
        (
            "events.yaml",
            "    verbs:",
            "    verb:",
            "  PRODUCE:",
            "events.PRODUCE.verb",
            "unknown key",
        ),
        (
            "events.yaml",
            "verbs: [produce, ",
            "verbs: [produce, produce, ",
            "  PRODUCE:",
            "events.PRODUCE.verbs[1]",
            "'produce' is listed twice",
        ),
        (
            "events.yaml",
            "    roles: {dobj: object",
            "    roles: {dobj: objekt",
            "  PRODUCE:",
            "events.PRODUCE.roles.dobj",
            "'objekt' is not one of",
        ),
        (
            "events.yaml",
            "    plover: null\n",
            "    plover: null\n    plover: AID\n",
            "  PRODUCE:",
            "events.PRODUCE.plover",
            "duplicate key",
        ),
        (
            "events.yaml",
            "    plover: ASSAULT\n",
            "    plover: ASSAULT\n    light: {impose: [sanctions]}\n",
            "  DAMAGE:",
            "events.DAMAGE.light.impose",
            "already a light trigger of SANCTION",
        ),
        (
            "events.yaml",
            "    nouns: [",
            "    nouns: [construction, ",
            "  OPEN_FACILITY:",
            "events.OPEN_FACILITY.nouns",
            "'construction' is already a noun of BUILD_FACILITY",
        ),
        (
            "events.yaml",
            "    attempted_as: ATTACK",
            "    attempted_as: ATACK",
            "  KILL:",
            "events.KILL.attempted_as",
            "'ATACK' is no event type",
        ),
        (
            "attribution.yaml",
            "stance_verbs:",
            "stance_verb:",
            "",
            "stance_verb",
            "did you mean 'stance_verbs'",
        ),
        (
            "attribution.yaml",
            "  doubted: [doubt,",
            "  doubtful: [doubt,",
            "reporting_verbs:",
            "reporting_verbs.doubtful",
            "unknown key",
        ),
        ("time_rules.yaml", "check: [cap_month]", "check: [cap_mnth]", "", "rules[0].check[0]", ""),
        ("places.yaml", "lat: 29.0", "lat: north", "", "macro_regions[0].lat", "expected int"),
        ("boilerplate.yaml", "\ntail:", "\ntails:", "", "tails", "unknown key"),
        ("entities.yaml", "person_titles:", "person_title:", "", "person_title", "unknown key"),
        ("ner_labels.yaml", "person_before:", "person_befor:", "", "person_befor", "unknown key"),
        (
            "ner_labels.yaml",
            "  - Bank\n",
            "  - Bank\n  - bank\n",
            "organisation_heads:",
            "organisation_heads[5]",
            "'bank' is listed twice",
        ),
    ],
)
def test_a_broken_copy_fails_naming_file_key_and_line(
    tmp_path: Path, name: str, old: str, new: str, after: str, key: str, reason: str
) -> None:
    folder = _copy(tmp_path)
    ontology.validate_dir(folder)  # the unedited copy is fine
    path = folder / name
    line = _edit(path, old, new, after)
    with pytest.raises(OntologyError) as err:
        ontology.validate_dir(folder)
    exc = err.value
    assert exc.file == str(path) and exc.key == key and reason in exc.reason
    # the line of the edit's last line that holds the bad key or word
    bad = key.rsplit(".", 1)[-1].split("[")[0]
    at = new.rindex(bad) if bad in new else len(new.rstrip("\n"))
    assert exc.line == line + new[:at].count("\n")
    assert str(exc).startswith(f"{path}:{exc.line}: {key}: ")


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    line = _edit(folder / "events.yaml", "events:\n", "events:\n  - [unclosed\n")
    with pytest.raises(OntologyError) as err:
        ontology.validate_dir(folder)
    assert err.value.file.endswith("events.yaml") and err.value.line >= line


def test_an_invalid_ontology_stops_every_command(tmp_path: Path) -> None:
    """The package copied with one misspelt key: `claimgraph` refuses to start, naming it."""
    pkg = tmp_path / "src" / "claimgraph"
    shutil.copytree(PACKAGE, pkg, ignore=shutil.ignore_patterns("__pycache__", "static", "data"))
    shutil.copytree(PACKAGE / "data", pkg / "data", symlinks=True)
    events = pkg / "ontology" / "events.yaml"
    line = _edit(events, "    inverse:", "    invers:", "  SUPPLY:")
    env = {**os.environ, "PYTHONPATH": str(pkg.parent)}
    for args in (["articles"], ["--help"]):
        run = subprocess.run(
            [sys.executable, "-m", "claimgraph", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 3, run.stderr
        assert f"{events}:{line}: events.SUPPLY.invers: unknown key" in run.stderr
        assert "did you mean 'inverse'" in run.stderr and "E120" in run.stderr


def test_time_rules_name_real_normalisers_and_checks() -> None:
    """Every `norm:` has its normaliser and every check name its branch in times._check."""
    from claimgraph.resolve import times
    from claimgraph.resolve.time_norm import NORMALISERS

    rules = ontology.load_yaml("time_rules.yaml")["rules"]
    assert {r["norm"] for r in rules} <= set(NORMALISERS)
    handled = set(re.findall(r'check == "(\w+)"', Path(times.__file__).read_text("utf-8")))
    assert handled == set(schema.TIME_CHECKS)


def test_a_key_yaml_reads_as_a_boolean_is_refused() -> None:
    import pytest

    from claimgraph.errors import OntologyError
    from claimgraph.ontology import load_yaml, parse

    text = "demonyms:\n  NO: [Norwegian]\n"
    with pytest.raises(OntologyError, match="quote it"):
        parse(text, "places.yaml")
    assert load_yaml("places.yaml")["demonyms"]["NO"] == ["Norwegian", "Norwegians"]


def test_a_named_list_inside_a_word_list_is_read_as_its_words() -> None:
    from claimgraph.ontology import parse

    text = "demonyms:\n  DK: &nordic [Dane, Danes]\n  SE: [*nordic, Swede]\n"
    assert parse(text, "places.yaml")["demonyms"]["SE"] == ["Dane", "Danes", "Swede"]
    with pytest.raises(OntologyError, match="listed twice"):
        parse("demonyms:\n  DK: &n [Dane]\n  SE: [*n, Dane]\n", "places.yaml")
