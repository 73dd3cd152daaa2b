"""The SPARQL 1.1 Protocol at /sparql, driven by SPARQLWrapper and by plain HTTP on the fixture dataset.

Expected answers come from reading tests/data/service/plans.trig: plan A has tasks a1, a2 (led by agency x)
and a3 (led by y); plan B has b1 (led by y) and b2 (led by z, joined by x).
"""

from __future__ import annotations

import csv
import io
import json
import urllib.parse
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper

from fengong.sparql.settings import SETTINGS, settings_markdown

FGID = "https://w3id.org/fengong/id/"
PREFIXES = f"PREFIX fg: <https://w3id.org/fengong/ontology#>\nPREFIX fgid: <{FGID}>\n"
PLAN_A = "https://w3id.org/fengong/graph/test/plan-a"
PLAN_B = "https://w3id.org/fengong/graph/test/plan-b"
LED_BY_X = PREFIXES + "SELECT ?task WHERE { ?task fg:ledBy fgid:agency-x } ORDER BY ?task"
SRX = "{http://www.w3.org/2005/sparql-results#}"


def _wrapper(service, query: str, fmt) -> SPARQLWrapper:
    client = SPARQLWrapper(service.sparql_url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def test_sparqlwrapper_select_json(service):
    result = _wrapper(service, LED_BY_X, JSON).query().convert()
    assert [row["task"]["value"] for row in result["results"]["bindings"]] == [FGID + "task-a1", FGID + "task-a2"]
    assert result["fengong:truncated"] is False


def test_sparqlwrapper_post_and_ask(service):
    client = _wrapper(service, PREFIXES + "ASK { fgid:task-b2 fg:joinedBy fgid:agency-x }", JSON)
    client.setMethod("POST")
    assert client.query().convert()["boolean"] is True
    client.setQuery(PREFIXES + "ASK { fgid:task-b2 fg:ledBy fgid:agency-x }")
    assert client.query().convert()["boolean"] is False


def test_sparqlwrapper_construct_gives_a_graph(service):
    query = PREFIXES + "CONSTRUCT { ?t fg:ledBy ?a } WHERE { ?t fg:ledBy ?a }"
    graph = _wrapper(service, query, XML).queryAndConvert()
    assert isinstance(graph, rdflib.Graph)
    assert len(graph) == 5
    assert (rdflib.URIRef(FGID + "task-b2"), rdflib.URIRef("https://w3id.org/fengong/ontology#ledBy"),
            rdflib.URIRef(FGID + "agency-z")) in graph


def test_select_in_xml_csv_tsv(service):
    xml_root = ElementTree.fromstring(_wrapper(service, LED_BY_X, XML).query().response.read())
    assert [uri.text for uri in xml_root.iter(SRX + "uri")] == [FGID + "task-a1", FGID + "task-a2"]
    query = PREFIXES + 'SELECT ?label WHERE { fgid:task-b2 rdfs:label ?label }'
    query = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + query
    text = _wrapper(service, query, CSV).query().response.read().decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["label"], ['任务乙二, with a comma and "quotes"\tand a tab']]
    text = _wrapper(service, query, TSV).query().response.read().decode()
    header, line = text.rstrip("\n").split("\n")
    assert header == "?label"
    assert "\t" not in line and line.startswith('"任务乙二, with a comma and \\"quotes\\"\\tand a tab"')


@pytest.mark.parametrize("accept, expected", [
    ("application/sparql-results+xml;q=0.5, text/csv;q=0.9", "text/csv"),
    ("text/*;q=0.1, application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/tab-separated-values, */*;q=0.1", "text/tab-separated-values"),
    ("application/json", "application/sparql-results+json"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),
    ("", "application/sparql-results+json"),
])
def test_accept_with_q_values(service, accept, expected):
    reply = service.query(LED_BY_X, accept=accept)
    assert reply.status == 200
    assert reply.headers["content-type"].split(";")[0] == expected
    assert "Accept" in reply.headers["vary"]


def test_format_parameter_wins_over_accept(service):
    reply = service.query(LED_BY_X, accept="application/sparql-results+xml", format="csv")
    assert reply.headers["content-type"].startswith("text/csv")
    assert reply.text.splitlines() == ["task", FGID + "task-a1", FGID + "task-a2"]


@pytest.mark.parametrize("accept, params", [
    ("image/png", {}),
    ("application/sparql-results+json;q=0, text/csv;q=0", {}),
    (None, {"format": "turtle"}),
])
def test_unavailable_format_is_406(service, accept, params):
    reply = service.query(LED_BY_X, accept=accept, **params)
    assert reply.status == 406
    assert "available" in reply.text


@pytest.mark.parametrize("accept, rdflib_format", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"), ("application/trig", "trig"),
])
def test_construct_in_every_rdf_syntax(service, accept, rdflib_format):
    reply = service.query(PREFIXES + "CONSTRUCT WHERE { ?t fg:partOf fgid:plan-a }", accept=accept)
    assert reply.status == 200
    assert reply.headers["content-type"].split(";")[0] == accept
    graph = rdflib.Dataset() if rdflib_format == "trig" else rdflib.Graph()
    graph.parse(data=reply.body, format=rdflib_format)
    assert len(graph) == 3


def test_describe_defaults_to_turtle(service):
    reply = service.query(PREFIXES + "DESCRIBE fgid:task-a3")
    assert reply.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=reply.body, format="turtle")
    assert len(graph) == 4


def _count_tasks(service, **params) -> int:
    query = PREFIXES + "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a fg:Task }"
    reply = service.query(query, **params)
    assert reply.status == 200, reply.text
    return int(json.loads(reply.body)["results"]["bindings"][0]["n"]["value"])


def test_default_graph_is_the_union_of_all_graphs(service):
    assert _count_tasks(service) == 5


def test_default_graph_uri_builds_the_dataset(service):
    assert _count_tasks(service, **{"default-graph-uri": PLAN_B}) == 2
    path = "/sparql?" + urllib.parse.urlencode(
        [("query", PREFIXES + "SELECT (COUNT(?t) AS ?n) WHERE { ?t a fg:Task }"),
         ("default-graph-uri", PLAN_A), ("default-graph-uri", PLAN_B)])
    assert json.loads(service.request("GET", path).body)["results"]["bindings"][0]["n"]["value"] == "5"


def test_named_graph_uri_limits_graph_patterns(service):
    query = PREFIXES + "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?t a fg:Task } }"
    reply = service.query(query, **{"named-graph-uri": PLAN_A})
    assert [row["g"]["value"] for row in json.loads(reply.body)["results"]["bindings"]] == [PLAN_A]
    # Only named graphs given: the default graph is empty.
    assert _count_tasks(service, **{"named-graph-uri": PLAN_A}) == 0


def test_protocol_dataset_overrides_from(service):
    query = PREFIXES + f"SELECT (COUNT(?t) AS ?n) FROM <{PLAN_A}> WHERE {{ ?t a fg:Task }}"
    assert json.loads(service.query(query).body)["results"]["bindings"][0]["n"]["value"] == "3"
    reply = service.query(query, **{"default-graph-uri": PLAN_B})
    assert json.loads(reply.body)["results"]["bindings"][0]["n"]["value"] == "2"


def test_post_form_and_direct(service):
    form = urllib.parse.urlencode({"query": LED_BY_X})
    reply = service.request("POST", "/sparql", form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert len(json.loads(reply.body)["results"]["bindings"]) == 2
    reply = service.request("POST", "/sparql?" + urllib.parse.urlencode({"default-graph-uri": PLAN_B}),
                            PREFIXES + "SELECT ?t WHERE { ?t fg:ledBy fgid:agency-x }",
                            {"Content-Type": "application/sparql-query; charset=utf-8"})
    assert [row["t"]["value"] for row in json.loads(reply.body)["results"]["bindings"]] == []


def test_syntax_error_is_400_with_position(service):
    reply = service.query("SELECT ?s WHERE {\n  ?s ?p }")
    assert reply.status == 400
    assert reply.headers["content-type"].startswith("text/plain")
    assert "syntax error" in reply.text and "2:" in reply.text


@pytest.mark.parametrize("method, path, body, headers, status", [
    ("PUT", "/sparql?query=ASK%7B%7D", None, {}, 405),
    ("DELETE", "/sparql", None, {}, 405),
    ("POST", "/sparql", "ASK {}", {"Content-Type": "text/plain"}, 415),
    ("POST", "/sparql", "ASK {}", {}, 415),
    ("POST", "/sparql", "ASK {}", {"Content-Type": "application/sparql-query; charset=latin-1"}, 415),
    ("POST", "/sparql", b"ASK { FILTER(\xff) }", {"Content-Type": "application/sparql-query"}, 400),
    ("GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D", None, {}, 400),
    ("GET", "/sparql?query=ASK%7B%7D&default-graph-uri=not%20an%20iri", None, {}, 400),
    ("POST", "/sparql?query=ASK%7B%7D", "ASK {}", {"Content-Type": "application/sparql-query"}, 400),
    ("POST", "/sparql", "query=ASK%7B%7D&update=CLEAR%20ALL",
     {"Content-Type": "application/x-www-form-urlencoded"}, 400),
])
def test_protocol_errors(service, method, path, body, headers, status):
    reply = service.request(method, path, body, headers)
    assert reply.status == status, reply.text
    assert reply.text.strip()
    if status == 405:
        assert "GET" in reply.headers["allow"] and "POST" in reply.headers["allow"]


def test_service_description(service):
    reply = service.request("GET", "/sparql", headers={"Accept": "text/turtle"})
    assert reply.status == 200 and reply.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=reply.body, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    endpoint = rdflib.URIRef(service.sparql_url)
    assert (endpoint, rdflib.RDF.type, sd.Service) in graph
    assert (endpoint, sd.endpoint, endpoint) in graph
    assert (endpoint, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert (endpoint, sd.supportedLanguage, sd.SPARQL11Update) not in graph
    assert (endpoint, sd.feature, sd.UnionDefaultGraph) in graph
    names = set(graph.objects(None, sd.name))
    assert rdflib.URIRef(PLAN_A) in names and len(names) == 4


def test_void_description_with_statistics(service):
    reply = service.request("GET", "/.well-known/void", headers={"Accept": "application/n-triples"})
    graph = rdflib.Graph().parse(data=reply.body, format="nt")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    dataset = rdflib.URIRef(service.url + "/.well-known/void")
    # 34 statements in plans.trig and 1 in extra.ttl
    assert graph.value(dataset, void.triples).toPython() == 35
    assert graph.value(dataset, void.sparqlEndpoint) == rdflib.URIRef(service.sparql_url)
    assert graph.value(dataset, void.classes).toPython() == 3
    sizes = {str(graph.value(subset, rdflib.URIRef("http://www.w3.org/ns/sparql-service-description#name"))):
             graph.value(subset, void.triples).toPython() for subset in graph.objects(dataset, void.subset)}
    assert sizes[PLAN_A] == 16 and sizes[PLAN_B] == 12


def test_settings_page_lists_every_setting(service):
    shown = json.loads(service.request("GET", "/-/settings").body)
    assert [entry["name"] for entry in shown] == [setting.name for setting in SETTINGS]
    by_name = {entry["name"]: entry for entry in shown}
    assert by_name["update_token"]["value"] is False
    assert by_name["query_time_limit_s"]["value"] == 10.0 and by_name["max_rows"]["value"] == 10000
    assert all(entry["help"] for entry in shown)


def test_unknown_graph_is_flagged(service):
    reply = service.query("ASK { ?s ?p ?o }", **{"default-graph-uri": "http://example.org/nowhere"})
    assert json.loads(reply.body)["boolean"] is False
    assert reply.headers["fengong-unknown-graphs"] == "<http://example.org/nowhere>"


def test_health(service):
    health = json.loads(service.request("GET", "/health").body)
    assert health["status"] == "ok" and health["triples"] == 35 and health["graphs"] == 4
    assert health["read_only"] is True


def test_settings_page_in_the_docs_matches_the_registry():
    documented = (Path(__file__).resolve().parent.parent / "docs" / "settings.md").read_text(encoding="utf-8")
    assert documented == settings_markdown()
    assert all(f"`{setting.name}`" in documented for setting in SETTINGS)
