"""National scale, on a slice: the derived counts answer exactly as the naive questions, and the shapes compiled
to SPARQL find exactly what pySHACL finds, with known violations injected."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from engines import synthetic_dataset
from jilin_graph import jilin_trig  # tests/ is on sys.path under pytest

from fengong import PROJECT_ROOT
from fengong.questions import bind, load_questions
from fengong.scale import derived
from fengong.scale.inject import INJECTIONS, inject
from fengong.scale.shacl.compiler import compile_shapes
from fengong.scale.shacl.hashjoin import hash_joined
from fengong.scale.shacl.reference import pyshacl_results
from fengong.scale.shacl.runner import validate_store
from fengong.scale.shacl.terms import UnsupportedShape
from fengong.validate import load_shapes

SCHEMES = PROJECT_ROOT / "ontology" / "schemes.ttl"
JILIN = jilin_trig()


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    return synthetic_dataset(tmp_path_factory.mktemp("scale"))


def _store(*paths: Path) -> ox.Store:
    store = ox.Store()
    for path in paths:
        if path.suffix == ".trig":
            store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
        else:
            store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(path.as_uri()))
    return store


def _rows(store: ox.Store, text: str, substitutions=None) -> list[tuple]:
    return [tuple(row) for row in store.query(text, use_default_graph_as_union=True,
                                              substitutions=substitutions or {})]


# ---------------------------------------------------------------- derived counts


@pytest.mark.parametrize("name", sorted(derived.QUERIES))
def test_derived_answers_equal_the_naive_query(dataset, name):
    store = _store(dataset, JILIN)
    naive_text = load_questions()[name].query
    assert derived.refresh(store) > 0
    everything = _rows(store, naive_text)
    assert len(everything) > 50
    # All plans at once (the parameter left free), then one plan (bound as the service binds it).
    assert Counter(_rows(store, derived.QUERIES[name])) == Counter(everything)
    plans = sorted({row[0].value for row in everything})
    assert len(plans) >= 2
    for plan in (plans[0], "https://w3id.org/fengong/id/plan/jilin-disability-13fyp"):
        terms = bind(load_questions()[name], {"plan": plan})
        naive = _rows(store, naive_text, terms)
        assert naive, plan
        assert Counter(_rows(store, derived.QUERIES[name], terms)) == Counter(naive)


def test_derived_counts_follow_a_change_of_the_data(dataset):
    store = _store(dataset, JILIN)
    derived.refresh(store)
    store.update("""PREFIX fg: <https://w3id.org/fengong/ontology#>
        DELETE { GRAPH ?g { ?a ?p ?o } } WHERE { GRAPH ?g { ?a fg:task ?t ; ?p ?o .
            ?t fg:taskNumber 1 ; fg:isStepOfPlan <https://w3id.org/fengong/id/plan/jilin-disability-13fyp> } }""")
    stale = Counter(_rows(store, derived.QUERIES["co-responsibility-pairs"]))
    naive = Counter(_rows(store, load_questions()["co-responsibility-pairs"].query))
    assert stale != naive
    derived.refresh(store)
    assert Counter(_rows(store, derived.QUERIES["co-responsibility-pairs"])) == naive


def test_derive_command_writes_a_graph_that_loads(dataset, tmp_path):
    out = tmp_path / "derived.trig"
    done = subprocess.run([sys.executable, "-m", "fengong", "derive", "--data", str(dataset), "--data", str(JILIN),
                           "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    store = _store(dataset, JILIN, out)
    # The counts, and the graphs the service derives when it loads (for stores it does not load itself).
    assert {g.value for g in store.named_graphs()} >= {derived.DERIVED_GRAPH.value, *derived.digests()}
    assert Counter(_rows(store, derived.QUERIES["agency-responsibility-counts"])) == Counter(
        _rows(store, load_questions()["agency-responsibility-counts"].query))


# ---------------------------------------------------------------- SHACL compiled to SPARQL


def test_compiled_shapes_find_exactly_what_pyshacl_finds(dataset):
    store = _store(dataset, SCHEMES)
    plans = sorted(r["p"].value for r in store.query(
        "SELECT ?p WHERE { GRAPH ?g { ?p a <https://w3id.org/fengong/ontology#Plan> } }"))[:2]
    assert inject(store, plans) == 2 * len(INJECTIONS)
    shapes = load_shapes(PROJECT_ROOT / "shapes")
    ours = validate_store(store, shapes)
    data = rdflib.Graph().parse(data=ox.serialize([q.triple for q in store], format=ox.RdfFormat.N_TRIPLES),
                                format="nt")
    _, theirs = pyshacl_results(data, shapes)
    assert Counter(ours) == Counter(theirs)
    # Every injected breakage is among them, in each plan it was made in.
    components = Counter(r.component.rsplit("#", 1)[-1] for r in ours if r.severity == "violation")
    for component in ("QualifiedMinCountConstraintComponent", "QualifiedMaxCountConstraintComponent",
                      "MinCountConstraintComponent", "DatatypeConstraintComponent"):
        assert components[component] >= 2, component
    rules = Counter((r.constraint or "").rsplit("#", 1)[-1] for r in ours)
    for rule in ("TaskKeysUniqueInPlan", "LeadIsNotAlsoParticipant"):
        assert rules[rule] >= 2, rule
    # A second lead listed late breaks the list order only where the lead follows from it (not a 牵头单位 column).
    assert rules["LeadListedFirst"] >= 1


def test_checks_in_worker_processes_find_what_one_process_finds(dataset, tmp_path):
    memory = _store(dataset, SCHEMES)
    plans = sorted(r["p"].value for r in memory.query(
        "SELECT ?p WHERE { GRAPH ?g { ?p a <https://w3id.org/fengong/ontology#Plan> } }"))[:2]
    inject(memory, plans)
    location = tmp_path / "store"
    disk = ox.Store(str(location))
    disk.extend(memory)
    disk.flush()
    del disk
    shapes = load_shapes(PROJECT_ROOT / "shapes")
    one = validate_store(location, shapes, jobs=1)
    assert Counter(one) == Counter(validate_store(memory, shapes))
    assert validate_store(location, shapes, jobs=2) == one  # same results, in the same order
    assert sum(r.severity == "violation" for r in one) >= 2 * len(INJECTIONS)
    done = subprocess.run([sys.executable, "-m", "fengong", "check", "--store", str(location), "--jobs", "2"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    assert "LeadIsNotAlsoParticipant" in done.stdout + done.stderr


def test_sparql_rules_are_rewritten_to_the_same_solutions_or_run_as_written():
    store = ox.Store()
    store.add_graph(ox.NamedNode("urn:g"))
    for s, p, o in [("a", "p", "b"), ("a", "p", "c"), ("b", "q", "a"), ("c", "q", "c"), ("d", "p", "d")]:
        store.add(ox.Quad(ox.NamedNode(f"urn:{s}"), ox.NamedNode(f"urn:{p}"), ox.NamedNode(f"urn:{o}"),
                          ox.NamedNode("urn:g")))
    query = "SELECT DISTINCT ?x ?y WHERE { ?x ex:p ?y . ?y ex:q ?z . FILTER (?x != ?z || sameTerm(?y, ?z)) }"
    rewritten = hash_joined(query, {"ex": "urn:"})
    assert rewritten is not None and "ex:" not in rewritten
    assert Counter(_rows(store, rewritten)) == Counter(_rows(store, "PREFIX ex: <urn:> " + query))
    assert _rows(store, rewritten) == [(ox.NamedNode("urn:a"), ox.NamedNode("urn:c"))]
    # Anything but one basic graph pattern and filters runs as written.
    assert hash_joined("SELECT ?x WHERE { ?x <urn:p> ?y OPTIONAL { ?y <urn:q> ?z } }", {}) is None
    assert hash_joined("SELECT ?x WHERE { ?x <urn:p>/<urn:q> ?y }", {}) is None


PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    @prefix ex: <urn:ex:> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."""


@pytest.mark.parametrize(("shapes", "feature"), [
    ("ex:s a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ; sh:select 'SELECT ?this {}' ] .", "sh:target"),
    ("ex:s a sh:NodeShape ; sh:targetClass ex:C ; sh:node ex:s .", "recursive"),
    ("ex:s sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:node ex:t ] . ex:t sh:property ex:u . "
     "ex:u sh:path ex:q ; sh:node ex:t .", "recursive"),
    ("ex:s a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:datatype xsd:int ] .", "xsd:integer"),
    ("ex:s a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:in ( 1 '1'^^xsd:short ) ] .",
     "short"),
    ("ex:s sh:targetClass ex:C ; sh:datatype <http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral> .",
     "cannot tell a well-formed"),
    ("ex:s sh:targetClass ex:C ; sh:node [ sh:sparql [ sh:select 'SELECT $this {}' ] ] .", "sh:sparql"),
    ("ex:s sh:targetClass ex:C ; sh:sparql [ sh:select 'SELECT $this WHERE { $this ex:p ?x }' ] .", "cannot run"),
    ("ex:s sh:targetClass ex:C ; sh:pattern '(' .", "regular expression"),
    ("ex:s sh:targetClass ex:C ; sh:minCount 1 .", "needs sh:path"),
    ("ex:s sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1, 2 ] .", "more than one"),
    ("ex:s sh:targetClass ex:C ; sh:property [ sh:path ex:p, ex:q ; sh:minCount 1 ] .", "more than one"),
    ("ex:s sh:targetClass ex:C ; sh:property [ sh:path [ sh:inversePath ( ex:p ) ] ; sh:minCount 1 ] .",
     "wants a SHACL path"),
    ("ex:s sh:targetClass ex:C ; sh:rule [ a sh:TripleRule ] .", "rule"),
    ("ex:s sh:targetClass ex:C ; ex:max 3 . ex:Max a sh:ConstraintComponent ; sh:parameter [ sh:path ex:max ] .",
     "constraint component"),
    ("ex:s sh:targetNode [] ; sh:class ex:C .", "blank node"),
    ("ex:g sh:entailment <http://www.w3.org/ns/entailment/RDFS> . ex:s sh:targetClass ex:C ; sh:class ex:C .",
     "entailment"),
])
def test_unsupported_shacl_is_refused_naming_shape_and_feature(shapes, feature):
    graph = rdflib.Graph().parse(data=PREFIXES + shapes, format="turtle")
    with pytest.raises(UnsupportedShape, match=feature) as refusal:
        compile_shapes(graph)
    if feature != "entailment":
        assert str(refusal.value).startswith("shape urn:ex:s:"), refusal.value


def test_check_command_exits_1_on_a_violation_and_0_on_conforming_data(dataset, tmp_path):
    broken = tmp_path / "broken.nq"
    store = _store(dataset)
    plan = next(iter(store.query("SELECT ?p WHERE { GRAPH ?g { ?p a <https://w3id.org/fengong/ontology#Plan> } }")))
    inject(store, [plan["p"].value])
    broken.write_bytes(ox.serialize(store, format=ox.RdfFormat.N_QUADS))
    done = subprocess.run([sys.executable, "-m", "fengong", "check", str(broken)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 1, done.stderr
    assert "LeadIsNotAlsoParticipant" in done.stdout + done.stderr
    good = subprocess.run([sys.executable, "-m", "fengong", "check", str(JILIN)], capture_output=True, text=True,
                          timeout=300)
    assert good.returncode == 0, good.stdout + good.stderr


def test_check_command_names_unreadable_shapes_without_a_traceback(tmp_path):
    shapes = tmp_path / "mine.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n<urn:s> sh:targetClass <urn:C .\n")
    done = subprocess.run([sys.executable, "-m", "fengong", "check", str(JILIN), "--shapes", str(shapes)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert str(shapes) in done.stderr and "not Turtle" in done.stderr and "Traceback" not in done.stderr
