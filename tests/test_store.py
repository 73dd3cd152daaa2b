"""The embedded store: where files go, what is refused while loading, persistence across restarts."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from fengong.store import GraphStore, LoadError, graph_for_file, open_store

PLAN_A = "https://w3id.org/fengong/graph/test/plan-a"


def _count(graph_store: GraphStore, graph: str) -> int:
    rows = list(graph_store.store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))
    return int(rows[0]["n"].value)


def test_triple_file_goes_into_a_graph_named_after_the_file(tmp_path):
    path = tmp_path / "notes" / "one.ttl"
    path.parent.mkdir()
    path.write_text('<http://e/s> <http://e/p> "a", "b" .', encoding="utf-8")
    graph_store = GraphStore()
    report = graph_store.load(path)
    assert report.triples == 2
    assert report.graph == "https://w3id.org/fengong/graph/file/notes/one.ttl" == graph_for_file(path)
    assert graph_store.graph_names() == [report.graph]
    assert _count(graph_store, report.graph) == 2


def test_quad_file_keeps_its_graphs():
    graph_store = GraphStore()
    report = graph_store.load("tests/data/service/plans.trig")
    assert report.graph is None
    assert graph_store.graph_names() == [
        "https://w3id.org/fengong/graph/test/agencies", PLAN_A, "https://w3id.org/fengong/graph/test/plan-b"]
    # plan A: the plan (type + 2 labels) and three tasks of 4, 4 and 5 statements.
    assert _count(graph_store, PLAN_A) == 16


@pytest.mark.parametrize("name, text", [
    ("a.nt", '<http://e/s> <http://e/p> "x" .\n'),
    ("a.nq", '<http://e/s> <http://e/p> "x" <http://e/g> .\n'),
    ("a.jsonld", '{"@id": "http://e/s", "http://e/p": "x"}'),
    ("a.rdf", '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
              'xmlns:e="http://e/"><rdf:Description rdf:about="http://e/s"><e:p>x</e:p></rdf:Description>'
              '</rdf:RDF>'),
])
def test_every_syntax_loads(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    graph_store = GraphStore()
    assert graph_store.load(path).triples == 1
    assert bool(graph_store.store.query('ASK { GRAPH ?g { <http://e/s> <http://e/p> "x" } }'))


def test_unknown_extension_and_bad_syntax_are_clear_errors(tmp_path):
    graph_store = GraphStore()
    odd = tmp_path / "data.csv"
    odd.write_text("a,b", encoding="utf-8")
    with pytest.raises(LoadError, match="unknown RDF file type '.csv'"):
        graph_store.load(odd)
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://e/s> <http://e/p> .", encoding="utf-8")
    with pytest.raises(LoadError, match="broken.ttl"):
        graph_store.load(broken)




def test_json_ld_remote_context_is_never_fetched(tmp_path, listener):
    port, seen = listener
    path = tmp_path / "remote.jsonld"
    path.write_text(f'{{"@context": "http://127.0.0.1:{port}/context.jsonld", "@id": "http://e/s", "name": "x"}}',
                    encoding="utf-8")
    with pytest.raises(LoadError, match="remote context"):
        GraphStore().load(path)
    assert seen == []


def test_xml_entity_declarations_are_refused(tmp_path, listener):
    port, seen = listener
    path = tmp_path / "laughs.rdf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;"> ]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/">'
        '<rdf:Description rdf:about="http://e/s"><e:p>&b;</e:p></rdf:Description></rdf:RDF>', encoding="utf-8")
    graph_store = GraphStore()
    with pytest.raises(LoadError, match="entity"):
        graph_store.load(path)
    assert len(graph_store) == 0
    assert seen == []


def test_persistent_store_is_reused_and_reloading_replaces(tmp_path):
    location = tmp_path / "store"
    extra = tmp_path / "extra.ttl"
    extra.write_text('<http://e/s> <http://e/p> "old" .', encoding="utf-8")
    first = open_store(location, ["tests/data/service/plans.trig", extra])
    size = len(first)
    del first  # closes the store
    # Without files: the stored data is served as it is.
    again = open_store(location, None)
    assert len(again) == size
    # Loading the same files again replaces their graphs instead of adding to them.
    extra.write_text('<http://e/s> <http://e/p> "new" .', encoding="utf-8")
    again.load("tests/data/service/plans.trig", replace=True)
    again.load(extra, replace=True)
    assert len(again) == size
    assert bool(again.store.query('ASK { GRAPH ?g { <http://e/s> <http://e/p> "new" } }'))
    assert not bool(again.store.query('ASK { GRAPH ?g { <http://e/s> <http://e/p> "old" } }'))


def test_statistics_count_the_data():
    graph_store = GraphStore()
    graph_store.load("tests/data/service/plans.trig")
    statistics = graph_store.statistics()
    assert statistics["triples"] == 34
    assert statistics["graphs"][PLAN_A] == 16
    # fg:Plan, fg:Task, fg:Agency
    assert statistics["classes"] == 3
    assert pyoxigraph.NamedNode(PLAN_A) in set(graph_store.store.named_graphs())


def test_served_store_survives_a_restart(tmp_path):
    from conftest import SERVICE_DATA, start_service, stop_service

    location = tmp_path / "served"
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    first = start_service(SERVICE_DATA, {}, tmp_path / "first.log", store=location)
    try:
        assert first.query(count, accept="text/csv").text.split() == ["n", "35"]
    finally:
        stop_service(first)
    # No --load: the stored data is served again, nothing is duplicated.
    second = start_service([], {}, tmp_path / "second.log", store=location)
    try:
        assert second.query(count, accept="text/csv").text.split() == ["n", "35"]
    finally:
        stop_service(second)


@pytest.mark.parametrize("on_disk", [False, True], ids=["memory", "disk (bulk load)"])
def test_progress_counts_the_bytes_read_and_both_loaders_load_the_same(tmp_path, on_disk):
    plans = "tests/data/service/plans.trig"
    reported = []
    graph_store = open_store(tmp_path / "store" if on_disk else None, [plans],
                             progress=lambda path: reported.append((path.name, [])) or reported[-1][1].append)
    [(name, steps)] = reported
    assert name == "plans.trig" and steps == sorted(steps) and steps[-1] == Path(plans).stat().st_size
    expected = open_store(None, [plans])
    assert len(graph_store) == len(expected) > 0
    # The same quads, blank nodes aside (none in this file).
    assert set(map(str, graph_store.store)) == set(map(str, expected.store))


def _stored(location) -> set[str]:
    graph_store = open_store(location, None)
    quads = {str(quad) for quad in graph_store.store}
    graph_store.close()
    return quads


def test_a_failed_load_leaves_the_store_as_it_was(tmp_path):
    location = tmp_path / "store"
    good, bad = tmp_path / "good.ttl", tmp_path / "bad.ttl"
    good.write_text('<http://e/s> <http://e/p> "kept" .\n', encoding="utf-8")
    open_store(location, [good]).close()
    before = _stored(location)
    # The second file replaces good.ttl's graph first, then a later file fails at its line 2.
    good.write_text('<http://e/s> <http://e/p> "replaced" .\n', encoding="utf-8")
    bad.write_text('<http://e/a> <http://e/p> "1" .\n<http://e/b> <http://e/p> "unterminated .\n', encoding="utf-8")
    with pytest.raises(LoadError, match=r"bad\.ttl.*line 2"):
        open_store(location, [good, bad])
    # Served as it was: the same quads, its last load complete, nothing left beside it.
    assert _stored(location) == before and any('"kept"' in quad for quad in before)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.ttl", "good.ttl", "store"]


def test_a_failed_first_load_leaves_no_store(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('<http://e/b> <http://e/p> "unterminated .\n', encoding="utf-8")
    with pytest.raises(LoadError):
        open_store(tmp_path / "store", [bad])
    assert not (tmp_path / "store").exists() and not (tmp_path / "store.staging").exists()


def test_a_load_killed_between_its_renames_leaves_the_previous_store(tmp_path):
    location = tmp_path / "store"
    good = tmp_path / "good.ttl"
    good.write_text('<http://e/s> <http://e/p> "kept" .\n', encoding="utf-8")
    open_store(location, [good]).close()
    before = _stored(location)
    # As a process killed after the first rename leaves it: the store set aside, a staged copy beside it.
    location.rename(tmp_path / "store.previous")
    (tmp_path / "store.staging").mkdir()
    assert _stored(location) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["good.ttl", "store"]
