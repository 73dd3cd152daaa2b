"""Answers derived when data is loaded (fengong.scale.derived.DERIVED_QUESTIONS): the derived form answers
exactly as the question itself, on the Jilin plan and on synthetic national, provincial and city plans; the
service answers from the derived graph only while it follows from the data — after a load, after every update,
after a restart, and not after a process died between an update and the derivation."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter

import pyoxigraph as ox
import pytest
from conftest import start_service, stop_service
from engines import environment_without_proxies, start_oxigraph
from jilin_graph import jilin_files
from synthetic_plans import synthetic_dataset

from fengong import PROJECT_ROOT, load_state
from fengong.questions import bind, load_questions, with_values
from fengong.scale import derived
from fengong.scale.http import Endpoint
from fengong.service.app import create_app
from fengong.store import GraphStore, open_store

QUESTION = "cross-level-counterpart-load"
GRAPH = derived.DERIVED_QUESTIONS[QUESTION].graph
TOKEN = "derived-token"
FG = "https://w3id.org/fengong/ontology#"
# 省民政厅's counterpart is 民政部: without the link, 民政部's provincial load (21 tasks on the Jilin plan) goes.
CIVIL_AFFAIRS_JL, CIVIL_AFFAIRS_CN = ("https://w3id.org/fengong/id/agency/220000/0002",
                                      "https://w3id.org/fengong/id/agency/100000/0002")
UNLINK = f"DELETE WHERE {{ GRAPH ?g {{ <{CIVIL_AFFAIRS_JL}> <{FG}counterpart> ?c }} }}"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    dataset, _ = synthetic_dataset(tmp_path_factory.mktemp("derived"), city_registry=True)
    return [dataset, PROJECT_ROOT / "ontology" / "schemes.ttl"]


def _rows(store: ox.Store, text: str, values: dict[str, str]) -> list[tuple]:
    terms = bind(load_questions()[QUESTION], values) if values else {}
    query = with_values(text, terms) if terms else text
    return [tuple(row) for row in store.query(query, use_default_graph_as_union=True)]


@pytest.mark.parametrize("data", ["jilin", "synthetic"])
def test_the_derived_form_answers_as_the_question(data, synthetic):
    graph_store = open_store(None, jilin_files() if data == "jilin" else synthetic)
    derived.refresh_answers(graph_store)
    store, question = graph_store.store, load_questions()[QUESTION]
    form = derived.DERIVED_QUESTIONS[QUESTION].query
    levels = sorted({row[0].value for row in store.query(f"SELECT ?l WHERE {{ ?a <{FG}adminLevel> ?l }}",
                                                         use_default_graph_as_union=True)})
    answered = 0
    # Every level of the data, and one no agency has (no rows either way).
    for level in [*levels, "https://w3id.org/fengong/id/admin-level/no-such-level"]:
        naive = _rows(store, question.query, {"level": level})
        assert _rows(store, form, {"level": level}) == naive, level  # the same rows, in the same order
        answered += bool(naive)
    assert answered >= (1 if data == "jilin" else 2)  # synthetic: provincial and city bodies both carry load
    # Every level at once: what a researcher reading the graph gets.
    assert Counter(_rows(store, form, {})) == Counter(_rows(store, question.query, {}))


def _json(client_or_service, values: str = "") -> tuple[list, str | None]:
    path = f"/queries/{QUESTION}.json{values}"
    if hasattr(client_or_service, "get"):
        reply = client_or_service.get(path)
        assert reply.status_code == 200, reply.data[:300]
        return reply.json["rows"], reply.headers.get("Fengong-Derived")
    reply = client_or_service.request("GET", path)
    assert reply.status == 200, reply.body[:300]
    return json.loads(reply.body)["rows"], reply.headers.get("fengong-derived")


def _update(service, text: str) -> None:
    reply = service.request("POST", "/update", text, {"Content-Type": "application/sparql-update",
                                                      "Authorization": f"Bearer {TOKEN}"})
    assert reply.status == 204, reply.body


def _naive(files, update: str | None = None) -> list:
    """The question itself, asked through the service on a store given without derived graphs."""
    graph_store = open_store(None, files)
    if update:
        graph_store.update(update)
    rows, source = _json(create_app({"graph_store": graph_store}).test_client())
    assert source is None
    return rows


def test_the_service_answers_from_the_graph_derived_after_every_load_and_update(tmp_path):
    files = jilin_files()
    before, after = _naive(files), _naive(files, UNLINK)
    assert any(r["national"] == CIVIL_AFFAIRS_CN for r in before)
    assert after != before and not any(r["national"] == CIVIL_AFFAIRS_CN for r in after)
    location = tmp_path / "store"
    service = start_service(files, {"update_token": TOKEN}, tmp_path / "service.log", location)
    try:
        assert _json(service) == (before, GRAPH.value)
        _update(service, UNLINK)
        assert _json(service) == (after, GRAPH.value)
    finally:
        stop_service(service)
    # Served again as it is: the record says the graphs follow from the data, so they are kept and used.
    assert load_state.read(location)["derived"] == derived.digests()
    again = start_service([], {}, tmp_path / "again.log", location)
    try:
        assert _json(again) == (after, GRAPH.value)
    finally:
        stop_service(again)


def test_derived_graphs_are_kept_only_while_they_follow_from_the_data(tmp_path):
    location = tmp_path / "store"
    graph_store = open_store(location, jilin_files())
    assert derived.ensure(graph_store)  # a load: derived
    version = graph_store.version
    assert derived.answering(QUESTION, graph_store) is not None and graph_store.derived_version == version
    graph_store.close()
    reopened = open_store(location, None)
    assert not derived.ensure(reopened)  # nothing changed since: kept
    assert derived.answering(QUESTION, reopened) is not None
    # An update, and the process dies before deriving: the derived graph no longer answers, here or later.
    reopened.update(UNLINK)
    assert derived.answering(QUESTION, reopened) is None
    reopened.close()
    after_crash = open_store(location, None)
    assert derived.ensure(after_crash)  # derived again
    store = after_crash.store
    question = load_questions()[QUESTION]
    form = derived.DERIVED_QUESTIONS[QUESTION].query
    assert _rows(store, form, {"level": "https://w3id.org/fengong/id/admin-level/provincial"}) == _rows(
        store, question.query, {"level": "https://w3id.org/fengong/id/admin-level/provincial"})
    after_crash.close()
    # A store another program wrote (no record of fengong's): derived when fengong first serves it.
    other = tmp_path / "other"
    written = ox.Store(str(other))
    written.bulk_load(path=str(jilin_files()[0]), format=ox.RdfFormat.TRIG)
    written.flush()
    del written
    assert derived.ensure(GraphStore(other))


def test_load_pushes_the_derived_graphs_also_from_a_store_fengong_did_not_load(tmp_path):
    location = tmp_path / "store"
    written = ox.Store(str(location))
    written.bulk_load(path=str(jilin_files()[0]), format=ox.RdfFormat.TRIG)
    written.flush()
    expected = open_store(None, [jilin_files()[0]])
    derived.ensure(expected)
    del written
    engine = start_oxigraph(tmp_path / "oxigraph")
    try:
        done = subprocess.run([sys.executable, "-m", "fengong", "load", "--endpoint", engine.query_url,
                               "--store", str(location), "--journal", str(tmp_path / "journal")],
                              capture_output=True, text=True, timeout=300, env=environment_without_proxies())
        assert done.returncode == 0, done.stderr
        counts = Endpoint(engine.query_url).graph_counts()
        for graph in derived.digests():
            here = sum(1 for _ in expected.store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
            assert here > 0 and counts.get(graph) == here, graph
    finally:
        engine.stop()


def test_every_derived_term_is_described_in_both_languages():
    quads = list(ox.parse(path=str(derived.VOCABULARY_FILE), format=ox.RdfFormat.TURTLE))
    described = {q.subject.value for q in quads}
    forms = [*derived.QUERIES.values(), *(question.query for question in derived.DERIVED_QUESTIONS.values())]
    used = {derived.FGD + name for form in forms for name in re.findall(r"fgd:(\w+)", form)}
    used |= {derived.FGD + name for question in derived.DERIVED_QUESTIONS.values()
             for name in [question.kind, *question.columns.values()]}
    assert len(used) > 15 and used <= described
    for term in described - {"https://w3id.org/fengong/derived"}:
        for predicate in ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#definition"):
            languages = {q.object.language for q in quads if q.subject.value == term and q.predicate.value == predicate}
            assert languages >= {"zh", "en"}, (term, predicate)
