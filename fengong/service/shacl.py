"""``/shacl``: the SHACL validation report of the loaded data (GET) or of posted data (POST), against the
project's shapes (``shapes/*.ttl``), as JSON or HTML.

Posted data is parsed by pyoxigraph, which never fetches anything (a JSON-LD remote ``@context`` is an error),
and is limited in size and, for JSON-LD, in nesting depth (:mod:`fengong.nesting`). Both the loaded and the
posted data are validated as ``fengong validate`` does it (:func:`fengong.validate.data_graph`). The
service's own data is validated once per content of the store and the report kept.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import rdflib
from flask import Blueprint, Response, abort, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from fengong import PROJECT_ROOT
from fengong.nesting import TooDeep, check_depth
from fengong.scale import derived
from fengong.service.questions_api import json_response
from fengong.service.shacl_rules import rule_table
from fengong.service.ui import TEMPLATES_DIR
from fengong.store import graph_for_file
from fengong.validate import NotValidatable, data_graph, load_shapes, validate_graph

SHAPES_DIR = PROJECT_ROOT / "shapes"
#: Posted syntaxes (media type → pyoxigraph format); RDF/XML is left out: its entities are a risk for no gain.
POSTED_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/trig": ox.RdfFormat.TRIG,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}
#: The syntaxes of an uploaded file, by its name's suffix.
UPLOAD_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".jsonld": ox.RdfFormat.JSON_LD,
                  ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS}
#: Most statements a posted document may hold: validation time grows with it.
MAX_POSTED_TRIPLES = 100_000

bp = Blueprint("shacl", __name__, template_folder=str(TEMPLATES_DIR))


def shape_files(directory: Path = SHAPES_DIR) -> list[Path]:
    """The shapes files validation uses."""
    return sorted(Path(directory).glob("*.ttl"))


@cache
def shapes_graph() -> rdflib.Graph:
    """All shapes files in one graph, read once."""
    return load_shapes(SHAPES_DIR)


def report_on(data: rdflib.Graph, triples: int) -> dict:
    """The validation report on ``data`` (``triples`` statements, before the concept schemes were added):
    ``conforms``, the findings in words (worst first), the size, and each shape's rules with the focus nodes
    checked and failed."""
    findings = [asdict(finding) for finding in validate_graph(data, shapes_graph())]
    conforms = not any(finding["severity"] == "violation" for finding in findings)
    return {"conforms": conforms, "triples": triples, "results": findings,
            "rules": rule_table(shapes_graph(), data, findings)}


def _distinct_triples(quads: list) -> int:
    return len({quad.triple for quad in quads})


def loaded_data() -> list:
    """Everything the service holds except the shapes themselves and the graphs it derived from the data
    (:mod:`fengong.scale.derived`), as quads."""
    graph_store = current_app.extensions["fengong_store"]
    left_out = {ox.NamedNode(graph_for_file(path)) for path in shape_files()}
    left_out |= {ox.NamedNode(graph) for graph in derived.digests()}
    return [quad for quad in graph_store.store.quads_for_pattern(None, None, None, None)
            if quad.graph_name not in left_out]


def loaded_report() -> dict:
    """The report on the loaded data, computed once for each size of the store."""
    graph_store = current_app.extensions["fengong_store"]
    key = len(graph_store.store)
    cached = current_app.extensions.get("fengong_shacl_report")
    if cached is None or cached[0] != key:
        quads = loaded_data()
        cached = (key, {**report_on(data_graph(quads), _distinct_triples(quads)), "data": "loaded"})
        current_app.extensions["fengong_shacl_report"] = cached
    return cached[1]


def posted_report() -> dict:
    """The report on the request body, parsed by its Content-Type."""
    limit = current_app.config["FENGONG_SETTINGS"]["max_body_bytes"]
    if request.content_length is not None and request.content_length > limit:
        abort(413, description=f"the body is larger than {limit} bytes")
    mime = (request.mimetype or "").lower()
    if mime == "multipart/form-data":  # the page's form: a file, its syntax by its name or as chosen
        return _uploaded_report()
    if mime not in POSTED_FORMATS:
        abort(415, description="send Turtle, TriG, JSON-LD, N-Triples or N-Quads; accepted Content-Types: "
                               + ", ".join(POSTED_FORMATS))
    body = request.get_data(cache=False)
    if len(body) > limit:
        abort(413, description=f"the body is larger than {limit} bytes")
    return _report_on_body(body, POSTED_FORMATS[mime])


def _uploaded_report() -> dict:
    upload = request.files.get("data")
    if upload is None or not upload.filename:
        abort(400, description="choose a file to check")
    rdf_format = UPLOAD_FORMATS.get(request.form.get("format") or Path(upload.filename).suffix.lower())
    if rdf_format is None:
        abort(415, description="the file's syntax: " + ", ".join(UPLOAD_FORMATS))
    return {**_report_on_body(upload.read(), rdf_format), "file": upload.filename}


def _report_on_body(body: bytes, rdf_format: ox.RdfFormat) -> dict:
    try:
        if rdf_format == ox.RdfFormat.JSON_LD:
            check_depth(body.decode("utf-8", errors="replace"), "json")
        quads = []
        for quad in ox.parse(body, format=rdf_format, base_iri="https://w3id.org/fengong/posted/"):
            quads.append(quad)
            if len(quads) > MAX_POSTED_TRIPLES:
                abort(413, description=f"the data holds more than {MAX_POSTED_TRIPLES} statements")
    except (SyntaxError, TooDeep) as error:
        abort(400, description=f"the data cannot be parsed: {error}")
    try:
        data = data_graph(quads)
    except NotValidatable as error:
        abort(400, description=f"the data cannot be validated: {error}")
    return {**report_on(data, _distinct_triples(quads)), "data": "posted"}


def _wants_html() -> bool:
    if request.args.get("format") in ("html", "json"):
        return request.args["format"] == "html"
    best = request.accept_mimetypes.best_match(["application/json", "text/html"], default="application/json")
    return best == "text/html" and request.accept_mimetypes.quality("text/html") > 0


@bp.route("/shacl", methods=["GET", "POST"])
def validate():
    """The validation report: of the loaded data (GET) or of the posted data (POST)."""
    try:
        report = loaded_report() if request.method == "GET" else posted_report()
    except HTTPException as error:
        if _wants_html():
            raise
        return json_response({"error": error.description, "status": error.code}, error.code)
    report = {**report, "shapes": [path.name for path in shape_files()]}
    if _wants_html():
        counts = Counter(result["severity"] for result in report["results"])
        page = render_template("shacl.html", report=report, counts=counts)
        return Response(page, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})
    response = json_response(report)
    response.headers["Vary"] = "Accept"
    return response
