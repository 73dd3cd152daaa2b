"""The IRIs fengong mints and the vocabularies it reuses.

All fengong IRIs live under one persistent base, ``https://w3id.org/fengong/``:
``ontology#`` for the TBox, ``id/`` for things (plans, tasks, agencies, concepts),
``graph/`` for the names of named graphs.
"""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/fengong/"
FG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
ROLE = Namespace(BASE + "id/role/")
ATYPE = Namespace(BASE + "id/agency-type/")
LEVEL = Namespace(BASE + "id/admin-level/")
CHANGE = Namespace(BASE + "id/change-type/")
DUTY = Namespace(BASE + "id/duty-type/")
BASIS = Namespace(BASE + "id/basis/")
CONF = Namespace(BASE + "id/confidence/")
RECOGNITION = Namespace(BASE + "id/recognition/")
DIV = Namespace(BASE + "id/division/")
MATCH = Namespace(BASE + "id/match-type/")
STATUS = Namespace(BASE + "id/alignment-status/")

ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
PPLAN = Namespace("http://purl.org/net/p-plan#")
CV = Namespace("http://data.europa.eu/m8g/")
SH = Namespace("http://www.w3.org/ns/shacl#")
ADMS = Namespace("http://www.w3.org/ns/adms#")

PREFIXES = {
    "fg": FG,
    "fgid": ID,
    "role": ROLE,
    "atype": ATYPE,
    "level": LEVEL,
    "change": CHANGE,
    "duty": DUTY,
    "basis": BASIS,
    "conf": CONF,
    "recognition": RECOGNITION,
    "div": DIV,
    "match": MATCH,
    "astatus": STATUS,
    "adms": ADMS,
    "org": ORG,
    "prov": PROV,
    "p-plan": PPLAN,
    "cv": CV,
    "oa": OA,
    "skos": SKOS,
    "dct": DCTERMS,
    "foaf": FOAF,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "sh": SH,
}


def sparql_prefixes() -> str:
    """The PREFIX lines for every namespace above, for queries written in code."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def compact(iri: str, extra: dict[str, str] | None = None) -> str:
    """``iri`` as a compact IRI (fg:Task) with the longest namespace that holds it, among ``extra`` (prefix →
    namespace, as a query declares them, preferred on a tie) and fengong's :data:`PREFIXES`; as is when none
    does."""
    best = ("", "")
    for prefix, namespace in [*(extra or {}).items(), *PREFIXES.items()]:
        namespace = str(namespace)
        if iri.startswith(namespace) and len(iri) > len(namespace) and len(namespace) > len(best[1]):
            best = (prefix, namespace)
    return f"{best[0]}:{iri[len(best[1]):]}" if best[1] else iri
