"""Plans known without a source text, and links between plans: ``data/plans/*.toml`` → named graphs.

A plan file describes one plan node (slug, jurisdiction, metadata fields each with its basis and sources); a
file with ``[[link]]`` entries asserts plan-to-plan links (``fg:implementsPlan``) with their basis and
confidence. The graphs join the build's output (:func:`fengong.build.build_graphs`), so the national plan a
provincial plan follows is a node of the same graph even before any national task table is ingested; when one
is ingested under the same slug, its tasks attach to the same plan IRI.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, XSD

from fengong.documents import BASES, METADATA_FIELDS
from fengong.graph import METADATA_PROPERTIES, new_graph, plan_iri
from fengong.namespaces import BASIS, CONF, DIV, FG, GRAPH, ID
from fengong.records import Problem, ReadError
from fengong.registry import CONFIDENCE, Registry

#: The plan-to-plan properties a link may assert.
LINK_PROPERTIES = {"implementsPlan": FG.implementsPlan}
PLANS_DIR = Path("data/plans")


def plans_graph_iri(name: str) -> URIRef:
    """The named graph of one ``data/plans/<name>.toml`` file."""
    return GRAPH[f"plans/{name}"]


def source_iri(key: str) -> URIRef:
    return ID[f"source/plans/{key}"]


def plan_files(root: Path) -> list[Path]:
    """The plan files of a project folder, sorted."""
    return sorted((root / PLANS_DIR).glob("*.toml"))


def plan_graphs(root: Path, registry: Registry, known_slugs: set[str]) -> list[Graph]:
    """One graph per file of ``data/plans/``. ``known_slugs``: plans read from sources, which links may name.

    Raises :class:`ReadError` naming the file when a field lacks its basis, a source is unknown, or a link names
    a plan that neither the sources nor these files define.
    """
    files = [(path, _load(path)) for path in plan_files(root)]
    sources = _sources(files)
    slugs = known_slugs | {data["slug"] for _, data in files if "slug" in data}
    graphs = []
    for path, data in files:
        g = new_graph(plans_graph_iri(path.stem))
        for key in _cited(data):
            if key not in sources:
                raise ReadError([Problem(str(path), 1, f"cites source {key!r}, which no [[source]] in "
                                                       f"{PLANS_DIR} defines")])
            _source(g, key, *sources[key])
        if "slug" in data:
            _plan(g, path, data, registry)
        for link in data.get("link", []):
            _link(g, path, link, slugs)
        graphs.append(g)
    return graphs


def _load(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ReadError([Problem(str(path), 1, str(exc))]) from None


def _sources(files: list[tuple[Path, dict]]) -> dict[str, tuple[str, str | None]]:
    found: dict[str, tuple[str, str | None]] = {}
    for path, data in files:
        for s in data.get("source", []):
            if s["key"] in found:
                raise ReadError([Problem(str(path), 1, f"source key {s['key']!r} is defined twice")])
            found[s["key"]] = (s["title"], s.get("url"))
    return found


def _cited(data: dict) -> list[str]:
    keys = [k for name in METADATA_FIELDS for k in data.get(name, {}).get("sources", ())]
    keys += [k for link in data.get("link", []) for k in link.get("sources", ())]
    return sorted(set(keys))


def _source(g: Graph, key: str, title: str, url: str | None) -> None:
    s = source_iri(key)
    g.add((s, RDF.type, DCTERMS.BibliographicResource))
    g.add((s, DCTERMS.title, Literal(title)))
    if url:
        g.add((s, FOAF.page, URIRef(url)))


def _plan(g: Graph, path: Path, data: dict, registry: Registry) -> None:
    p = plan_iri(data["slug"])
    g.add((p, RDF.type, FG.Plan))
    for name in METADATA_FIELDS:
        entry = data.get(name, {"basis": "unknown"})
        if entry.get("basis") not in BASES:
            raise ReadError([Problem(str(path), 1, f"[{name}] basis must be one of {sorted(BASES)}")])
        prop = METADATA_PROPERTIES[name]
        for value in _values(path, name, entry, registry):
            g.add((p, prop, value))
        _basis(g, p + f"/basis/{name}", p, prop, entry)


def _values(path: Path, name: str, entry: dict, registry: Registry) -> list:
    if name == "publisher" and "agency" in entry:
        body = registry.national(entry["agency"])
        if body is None:
            raise ReadError([Problem(str(path), 1, f"[publisher] names {entry['agency']!r}, which the national "
                                                   f"registry lacks")])
        return [body.iri]
    if name == "spatial" and "value" in entry:
        return [DIV[str(entry["value"])]]
    if name == "issued" and "value" in entry:
        return [Literal(str(entry["value"]), datatype=XSD.date)]
    values = [Literal(entry[lang], lang=lang) for lang in ("zh", "en") if lang in entry]
    return values + ([Literal(str(entry["value"]))] if "value" in entry else [])


def _basis(g: Graph, node: URIRef, subject: URIRef, prop: URIRef, entry: dict) -> None:
    """The record of how a field (or a link) was established: basis, sources, confidence, note."""
    g.add((subject, FG.fieldBasis, node))
    g.add((node, RDF.type, FG.FieldBasis))
    g.add((node, FG.aboutProperty, prop))
    g.add((node, FG.basis, BASIS[entry["basis"]]))
    for key in entry.get("sources", ()):
        g.add((node, DCTERMS.source, source_iri(key)))
    if "confidence" in entry:
        g.add((node, FG.confidence, CONF[entry["confidence"]]))
    if entry.get("note"):
        g.add((node, RDFS.comment, Literal(entry["note"], lang="en")))


def _link(g: Graph, path: Path, link: dict, slugs: set[str]) -> None:
    missing = [k for k in ("from", "to", "property", "basis", "confidence") if k not in link]
    if missing:
        raise ReadError([Problem(str(path), 1, f"a [[link]] entry lacks {missing}")])
    for end in ("from", "to"):
        if link[end] not in slugs:
            raise ReadError([Problem(str(path), 1, f"the link names the plan {link[end]!r}, which no source "
                                                   f"sidecar or plan file defines")])
    prop = LINK_PROPERTIES.get(link["property"])
    if prop is None:
        raise ReadError([Problem(str(path), 1, f"unknown link property {link['property']!r}; known: "
                                               f"{sorted(LINK_PROPERTIES)}")])
    if link["basis"] not in BASES - {"unknown"} or link["confidence"] not in CONFIDENCE:
        raise ReadError([Problem(str(path), 1, f"the link {link['from']} → {link['to']} needs basis stated or "
                                               f"inferred and a confidence in {sorted(CONFIDENCE)}")])
    source, target = plan_iri(link["from"]), plan_iri(link["to"])
    g.add((source, prop, target))
    _basis(g, source + f"/basis/{link['property']}/{link['to']}", source, prop, link)
