"""The W3C SPARQL 1.1 Protocol test suite, query side, run against the real service over plain HTTP.

Each ``mf:ProtocolTest`` of ``manifest.ttl`` (see its header for the source) is a sequence of HTTP requests
with expected statuses, media types and booleans; every test is sent as written, byte for byte.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF, RDFS

HERE = Path(__file__).resolve().parent
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

#: Published defects of the manifest, each corrected in the request sent, with the reason.
CORRECTIONS = {
    # The URL encodes the '&' between the two named-graph-uri parameters ('%26named-graph-uri%3D'), which
    # makes it a single parameter whose value is not a graph of the test data. The test's own description
    # ("test for use of protocol-specified dataset") and the original test script it was generated from
    # (RDF::Endpoint's protocol tests) send two parameters, data1.rdf and data2.rdf.
    "query_multiple_dataset": ("%26named-graph-uri%3D", "&named-graph-uri="),
}

BOOLEAN_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
TABULAR_TYPES = BOOLEAN_TYPES | {"text/csv", "text/tab-separated-values"}
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
             "application/ld+json": "json-ld", "application/trig": "trig", "application/n-quads": "nquads"}


def _manifest() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(HERE / "manifest.ttl", publicID="http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/")
    return graph


MANIFEST = _manifest()


def _entries() -> list:
    manifest = next(MANIFEST.subjects(RDF.type, MF.Manifest))
    return list(rdflib.collection.Collection(MANIFEST, MANIFEST.value(manifest, MF.entries)))


def _name(entry) -> str:
    return str(entry).rsplit("#", 1)[-1]


@pytest.fixture(scope="module")
def suite_service(live_service, tmp_path_factory):
    """The service holding every graph the tests name (``ut:graphData``), each under its label."""
    quads = []
    for data in set(MANIFEST.objects(None, UT.graphData)):
        triples = rdflib.Graph().parse(HERE / Path(str(MANIFEST.value(data, UT.graph))).name, format="nt")
        label = rdflib.URIRef(str(MANIFEST.value(data, RDFS.label)))
        quads += [f"{s.n3()} {p.n3()} {o.n3()} {label.n3()} .\n" for s, p, o in triples]
    path = tmp_path_factory.mktemp("w3c") / "protocol-data.nq"
    path.write_text("".join(sorted(set(quads))), encoding="utf-8")
    return live_service(data_files=[path])


def _check_response(name: str, reply, expectation) -> None:
    statuses = {str(status).rsplit("#", 1)[-1] for status in MANIFEST.objects(expectation, MF.expectedStatus)}
    status_class = f"StatusCode{reply.status // 100}xx"
    assert status_class in statuses, f"{name}: status {reply.status}, expected {statuses}: {reply.body[:300]!r}"
    expected_format = MANIFEST.value(expectation, MF.expectedFormat)
    media_type = reply.headers.get("content-type", "").split(";")[0].strip()
    if expected_format is not None:
        allowed = {"boolean": BOOLEAN_TYPES, "tabular": TABULAR_TYPES, "RDF": set(RDF_TYPES)}[str(expected_format)]
        assert media_type in allowed, f"{name}: Content-Type {media_type!r}, expected one of {allowed}"
    if str(expected_format) == "RDF":
        rdflib.Graph().parse(data=reply.body, format=RDF_TYPES[media_type])
    expected_boolean = MANIFEST.value(expectation, MF.expectedBoolean)
    if expected_boolean is not None:
        if media_type == "application/sparql-results+json":
            value = json.loads(reply.body)["boolean"]
        else:
            element = ElementTree.fromstring(reply.body).find("{http://www.w3.org/2005/sparql-results#}boolean")
            value = element.text.strip() == "true"
        assert value is expected_boolean.toPython(), f"{name}: boolean {value}, expected {expected_boolean}"


@pytest.mark.parametrize("entry", _entries(), ids=_name)
def test_protocol(entry, suite_service):
    """Send the test's requests in order; each answer must match its expectation."""
    name = _name(entry)
    connection = MANIFEST.value(entry, MF.action)
    for request in rdflib.collection.Collection(MANIFEST, MANIFEST.value(connection, HT.requests)):
        path = str(MANIFEST.value(request, HT.absolutePath))
        if name in CORRECTIONS:
            path = path.replace(*CORRECTIONS[name])
        headers = {}
        header_list = MANIFEST.value(request, HT.headers)
        for header in rdflib.collection.Collection(MANIFEST, header_list) if header_list else []:
            headers[str(MANIFEST.value(header, HT.fieldName))] = str(MANIFEST.value(header, HT.fieldValue))
        body = MANIFEST.value(request, HT.body)
        payload = None
        if body is not None:
            encoding = str(MANIFEST.value(body, CNT.characterEncoding))
            payload = str(MANIFEST.value(body, CNT.chars)).encode(encoding.lower())
        reply = suite_service.request(str(MANIFEST.value(request, HT.methodName)), path, payload, headers)
        _check_response(name, reply, MANIFEST.value(request, HT.resp))
