"""The SPARQL service description (https://www.w3.org/TR/sparql11-service-description/) and the VoID
description of the data (https://www.w3.org/TR/void/), with statistics from the store."""

from __future__ import annotations

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from fengong.sparql import negotiation

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCT_TITLE = NamedNode("http://purl.org/dc/terms/title")
XSD_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
FORMATS_NS = "http://www.w3.org/ns/formats/"
_FORMAT_IRIS = {
    negotiation.SPARQL_JSON: "SPARQL_Results_JSON", negotiation.SPARQL_XML: "SPARQL_Results_XML",
    negotiation.CSV: "SPARQL_Results_CSV", negotiation.TSV: "SPARQL_Results_TSV",
    negotiation.TURTLE: "Turtle", negotiation.N_TRIPLES: "N-Triples", negotiation.JSON_LD: "JSON-LD",
    negotiation.RDF_XML: "RDF_XML", negotiation.TRIG: "TriG", negotiation.N_QUADS: "N-Quads",
}


def _sd(name: str) -> NamedNode:
    return NamedNode(SD + name)


def _void(name: str) -> NamedNode:
    return NamedNode(VOID + name)


def _count(value: int) -> Literal:
    return Literal(str(value), datatype=XSD_INTEGER)


def void_triples(dataset, endpoint: str, statistics: dict) -> list[Triple]:
    """VoID statements about ``dataset`` (an IRI or blank node): totals, and one subset per named graph."""
    triples = [
        Triple(dataset, RDF_TYPE, _void("Dataset")),
        Triple(dataset, DCT_TITLE,
               Literal("fengong: task division of Chinese government plans", language="en")),
        Triple(dataset, _void("sparqlEndpoint"), NamedNode(endpoint)),
        Triple(dataset, _void("triples"), _count(statistics["triples"])),
        Triple(dataset, _void("distinctSubjects"), _count(statistics["distinct_subjects"])),
        Triple(dataset, _void("properties"), _count(statistics["properties"])),
        Triple(dataset, _void("distinctObjects"), _count(statistics["distinct_objects"])),
        Triple(dataset, _void("classes"), _count(statistics["classes"])),
    ]
    for name, size in sorted(statistics["graphs"].items()):
        subset = BlankNode()
        triples += [
            Triple(dataset, _void("subset"), subset),
            Triple(subset, RDF_TYPE, _void("Dataset")),
            Triple(subset, _sd("name"), NamedNode(name)),
            Triple(subset, _void("triples"), _count(size)),
        ]
    return triples


def service_triples(endpoint: str, statistics: dict, settings: dict) -> list[Triple]:
    """The service description of the endpoint at ``endpoint``, its default dataset described by VoID."""
    service = NamedNode(endpoint)
    triples = [
        Triple(service, RDF_TYPE, _sd("Service")),
        Triple(service, _sd("endpoint"), service),
        Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        Triple(service, _sd("defaultEntailmentRegime"), NamedNode("http://www.w3.org/ns/entailment/Simple")),
    ]
    if settings["update_token"]:
        triples.append(Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Update")))
    if settings["union_default_graph"]:
        triples.append(Triple(service, _sd("feature"), _sd("UnionDefaultGraph")))
    if settings["federation_allowlist"]:
        triples.append(Triple(service, _sd("feature"), _sd("BasicFederatedQuery")))
    for iri in _FORMAT_IRIS.values():
        triples.append(Triple(service, _sd("resultFormat"), NamedNode(FORMATS_NS + iri)))
    dataset = BlankNode()
    default_graph = BlankNode()
    triples += [
        Triple(service, _sd("defaultDataset"), dataset),
        Triple(dataset, RDF_TYPE, _sd("Dataset")),
        Triple(dataset, _sd("defaultGraph"), default_graph),
        Triple(default_graph, RDF_TYPE, _sd("Graph")),
        Triple(default_graph, _void("triples"), _count(statistics["triples"])),
    ]
    for name, size in sorted(statistics["graphs"].items()):
        named, graph = BlankNode(), BlankNode()
        triples += [
            Triple(dataset, _sd("namedGraph"), named),
            Triple(named, RDF_TYPE, _sd("NamedGraph")),
            Triple(named, _sd("name"), NamedNode(name)),
            Triple(named, _sd("graph"), graph),
            Triple(graph, RDF_TYPE, _sd("Graph")),
            Triple(graph, _void("triples"), _count(size)),
        ]
    return triples + void_triples(dataset, endpoint, statistics)
