"""The canned questions as an API, in the manner of Datasette's canned queries.

``/queries`` lists them (HTML, or ``/queries.json``); ``/queries/<name>`` shows a form and the answer;
``/queries/<name>.json`` and ``/queries/<name>.csv`` give the answer to programs. Parameter values come from
the URL's query string and are bound as RDF terms (:func:`fengong.questions.bind`), never pasted into the
query. Questions run through the service's query engine, with its time limit and row cap.
``/openapi.json`` describes this JSON API in OpenAPI 3.

A text search (a question with ``#+ search:``) answers one page at a time, like a search engine: ``_page``
(from 1) and ``_size`` (:data:`PAGE_SIZE` by default, at most :data:`MAX_PAGE_SIZE`) count the things found
(tasks, agents: the question's ``?VARIABLE``), and the answer says how many were found in all (``total``) and
where the next page is (``next``). A page's rows are those of the plain question's answer that belong to the
page's things, in its order. The text index finds the page (:mod:`fengong.textindex`); where there is none
(an external store) or it declines, the plain question's answer is paged instead, with the same result.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from urllib.parse import urlencode

import orjson
import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, render_template, request, url_for

from fengong import __version__
from fengong.names import NAME_PATH, NAMES_QUERY, closest_names
from fengong.questions import (
    GROUPS,
    ParameterError,
    Question,
    bind,
    example_query,
    example_values,
    label_forms,
    with_values,
)
from fengong.scale import derived
from fengong.service.caching import cached
from fengong.service.pages import curie, local_link
from fengong.service.ui import TEMPLATES_DIR, questions
from fengong.sparql.cache import key_of
from fengong.sparql.engine import Answer as EngineAnswer
from fengong.sparql.engine import Job
from fengong.sparql.errors import SparqlError

bp = Blueprint("questions_api", __name__, template_folder=str(TEMPLATES_DIR))
log = logging.getLogger(__name__)

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + name for name in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                      "positiveInteger", "nonPositiveInteger", "negativeInteger",
                                      "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_NUMBERS = {_XSD + name for name in ("decimal", "double", "float")}
#: How each parameter type is described in OpenAPI.
_SCHEMAS = {
    "iri": {"type": "string", "format": "iri"},
    "agency": {"type": "string", "format": "iri", "pattern": "^https://w3id\\.org/fengong/id/agency/"},
    "plan": {"type": "string", "format": "iri", "pattern": "^https://w3id\\.org/fengong/id/plan/"},
    "string": {"type": "string"},
    "label": {"type": "string", "description": "a name, matched exactly against labels (no language, zh, en)"},
    "integer": {"type": "integer"},
    "decimal": {"type": "number"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
}


#: How many things (tasks, agents) a page of a text search holds unless ``_size`` says otherwise.
PAGE_SIZE = 20
#: The most ``_size`` may ask for.
MAX_PAGE_SIZE = 500


@dataclass(frozen=True)
class Page:
    """Which page of a text search was asked for and how many things were found in all."""

    number: int
    size: int
    total: int = 0

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def last(self) -> bool:
        return self.number * self.size >= self.total


class Answer:
    """A question's answer: a table (``columns``/``rows`` of SPARQL JSON terms), a boolean, or a graph; for a
    text search, the ``page`` it is; ``derived`` names the derived graph it was read from, if it was."""

    def __init__(self, document: dict | None, truncated: bool, graph: bytes | None = None,
                 page: Page | None = None, derived: str | None = None):
        self.columns = document["head"]["vars"] if document and "results" in document else []
        self.rows = document["results"]["bindings"] if document and "results" in document else []
        self.boolean = document.get("boolean") if document else None
        self.graph = graph
        self.truncated = truncated
        self.page = page
        self.derived = derived


def _question(name: str) -> Question:
    question = questions().get(name)
    if question is None:
        abort(404, description=f"there is no question called {name!r}; see /queries")
    return question


def _values() -> dict[str, str]:
    """The parameter values of the URL's query string (the first, where a name repeats), without the API's own
    (``_page``, ``_size``)."""
    return {name: value for name, value in request.args.items() if not name.startswith("_")}


def _page(question: Question) -> Page | None:
    """The page of a text search the URL asks for (``_page``, ``_size``); None for other questions."""
    asked = {name: request.args[name] for name in ("_page", "_size") if name in request.args}
    if question.search is None:
        if asked:
            raise ParameterError(f"{' and '.join(asked)}: only text searches answer a page at a time; "
                                 f"{question.name} answers in full")
        return None
    number, size = asked.get("_page", "1"), asked.get("_size", str(PAGE_SIZE))
    if not number.isascii() or not number.isdigit() or int(number) < 1:
        raise ParameterError(f"_page is a page number from 1, got {number!r}")
    if not size.isascii() or not size.isdigit() or not 1 <= int(size) <= MAX_PAGE_SIZE:
        raise ParameterError(f"_size is a number of results from 1 to {MAX_PAGE_SIZE}, got {size!r}")
    return Page(int(number), int(size))


def _run(question: Question, substitutions: dict, accept: str):
    """Run ``question`` with its parameters bound (:func:`bind`) through the engine, answered in the first of
    the ``accept`` media types that fits. A question with a derived graph that follows from the data as it is
    now is asked in its derived form (:mod:`fengong.scale.derived`), with the same values; the answer then
    names that graph in its ``Fengong-Derived`` header."""
    settings = current_app.config["FENGONG_SETTINGS"]
    text, source = question.query, None
    if settings["union_default_graph"]:  # the graphs are derived from the union of all graphs
        source = derived.answering(question.name, current_app.extensions["fengong_store"])
        text = source.query if source else text
    job = Job(text=text, substitutions=substitutions, accept=accept,
              max_rows=settings["max_rows"], union_default_graph=settings["union_default_graph"])
    raw = current_app.extensions["fengong_engine"].query(job)
    if source is not None:
        raw.headers["Fengong-Derived"] = source.graph.value
    return raw


_ANSWER_TYPES = "application/sparql-results+json, application/ld+json;q=0.9"


def answer(question: Question, values: dict[str, str], page: Page | None = None) -> Answer:
    """The answer to ``question``: SPARQL JSON for tables and booleans, JSON-LD for graphs; for a text search,
    the ``page`` asked for (the first, by default)."""
    substitutions = bind(question, values)
    if question.search is not None:
        return _search(question, substitutions, page or Page(1, PAGE_SIZE))
    return _answer(_run(question, substitutions, _ANSWER_TYPES))


def _answer(raw, page: Page | None = None) -> Answer:
    truncated = raw.headers.get("Fengong-Truncated") == "true"
    if raw.content_type.startswith("application/ld+json"):
        return Answer(None, truncated, raw.body)
    return Answer(orjson.loads(raw.body), truncated, page=page, derived=raw.headers.get("Fengong-Derived"))


def _search(question: Question, substitutions: dict, page: Page) -> Answer:
    """One page of a text search: the text index finds the page's things and the store answers for them alone
    (given as a ``VALUES`` block); without an index, or where it declines, the plain answer is paged."""
    search = question.search
    variable = ox.Variable(search.variable)
    text_index = current_app.extensions["fengong_text_index"]
    found = None if text_index is None else text_index.search(
        search.index, substitutions[ox.Variable(search.parameter)].value, page.offset, page.size)
    if found is not None:
        substitutions[variable] = tuple(ox.NamedNode(iri) for iri in found.subjects)
        return _answer(_run(question, substitutions, _ANSWER_TYPES), Page(page.number, page.size, found.total))
    result = _answer(_run(question, substitutions, _ANSWER_TYPES))

    def thing(row: dict) -> tuple:
        return tuple(sorted(row.get(variable.value, {}).items()))

    things = list(dict.fromkeys(map(thing, result.rows)))  # in the order of their first rows
    chosen = set(things[page.offset:page.offset + page.size])
    result.rows = [row for row in result.rows if thing(row) in chosen]
    result.page = Page(page.number, page.size, len(things))
    return result


def suggestions(question: Question, values: dict[str, str], result: Answer) -> dict[str, list[dict]]:
    """For an answer without rows: for each name parameter that names no agent, the names known that come
    closest to the one given (:func:`fengong.names.closest_names`), so that a person sees 省民政厅 after asking
    for 民政厅. A name some agent bears needs none: the answer is empty because the data says so. Nothing when
    the names cannot be read within the time limit (every name, on an external store of a nation): the answer
    is given without them."""
    names = [p for p in question.parameters if p.type == "label" and values.get(p.name)]
    if result.rows or result.boolean is not None or result.graph is not None or not names:
        return {}
    try:
        unknown = [p for p in names if not _bears(values[p.name])]
        known = _names_near([values[p.name] for p in unknown]) if unknown else []
    except SparqlError as error:
        log.warning("no suggestions for %s: %s", question.name, error.message)
        return {}
    return {p.name: closest_names(values[p.name], known) for p in unknown}


def _sparql_rows(text: str) -> list[dict]:
    settings = current_app.config["FENGONG_SETTINGS"]
    raw = current_app.extensions["fengong_engine"].query(Job(
        text=text, accept="application/sparql-results+json", max_rows=settings["max_rows"],
        union_default_graph=settings["union_default_graph"]))
    document = orjson.loads(raw.body)
    return document["results"]["bindings"] if "results" in document else [{"boolean": document["boolean"]}]


def _bears(name: str) -> bool:
    """Whether some agent bears ``name`` (in any of its literal forms) as a name: a lookup by value."""
    forms = " ".join(str(form) for form in label_forms(name))
    return _sparql_rows(f"ASK {{ VALUES ?label {{ {forms} }} ?agent {NAME_PATH} ?label }}")[0]["boolean"]


#: How many agents each piece of a name (a character, two characters, the whole) may bring as candidates.
_CANDIDATES_PER_PIECE = 50


def _names_near(texts: list[str]) -> list[tuple[str, str, str]]:
    """(agent, name, official name) of the agents worth comparing with ``texts``: with the text index, those
    whose names hold a character, two characters or the whole of a text (a few hundred at most, at any scale);
    without it (an external store), every name."""
    text_index = current_app.extensions["fengong_text_index"]
    pieces = {piece for text in texts for piece in (text, *text, *(text[i:i + 2] for i in range(len(text) - 1)))}
    found = [text_index.search("agent-names", piece, 0, _CANDIDATES_PER_PIECE) for piece in pieces] \
        if text_index is not None else [None]
    query = NAMES_QUERY
    if None not in found:  # else no index, or it declines: every name
        agents = sorted({agent for page in found for agent in page.subjects})
        if not agents:
            return []
        query = with_values(NAMES_QUERY, {ox.Variable("agent"): tuple(map(ox.NamedNode, agents))})
    return [(row["agent"]["value"], row["name"]["value"], row.get("official", {}).get("value", ""))
            for row in _sparql_rows(query)]


def plain(term: dict | None):
    """A SPARQL JSON term as a plain JSON value: numbers and booleans typed, everything else its text."""
    if term is None:
        return None
    datatype = term.get("datatype")
    try:
        if datatype in _INTEGERS:
            return int(term["value"])
        if datatype in _NUMBERS:
            return float(term["value"])
    except ValueError:
        return term["value"]
    if datatype == _XSD + "boolean":
        return term["value"] in ("true", "1")
    return term["value"]


JSON_TYPE = "application/json; charset=utf-8"


def _json_bytes(document) -> bytes:
    """``document`` as UTF-8 JSON (Chinese text stays readable, not \\u-escaped)."""
    return orjson.dumps(document)


def json_response(document, status: int = 200) -> Response:
    """``document`` as a JSON response."""
    return Response(_json_bytes(document), status=status, content_type=JSON_TYPE)


def _error_answer(status: int, message: str, kind: str) -> EngineAnswer:
    if kind == "json":
        return EngineAnswer(status, JSON_TYPE, _json_bytes({"error": message, "status": status}))
    return EngineAnswer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


# ---------------------------------------------------------------- views


@bp.get("/queries")
def list_questions():
    """The questions by kind (:data:`fengong.questions.GROUPS`), with their titles, descriptions and parameters."""
    order = list(GROUPS)
    listed = sorted(questions().values(), key=lambda q: order.index(q.group))
    return render_template("queries.html", questions=listed, groups=GROUPS)


@bp.get("/queries.json")
def list_questions_json():
    """The questions as JSON: name, titles, descriptions, parameters, and the URLs of their answers."""
    return json_response([_summary(question) for question in questions().values()])


def _summary(question: Question) -> dict:
    return {
        "name": question.name,
        "group": question.group,
        "title": question.titles,
        "description": question.descriptions,
        "parameters": [{"name": p.name, "type": p.type, "label": p.label, "default": p.default,
                        "required": p.required} for p in question.parameters],
        "examples": list(question.examples),
        "html": url_for("questions_api.question_page", name=question.name, _external=True),
        "json": url_for("questions_api.question_page", name=question.name + ".json", _external=True),
        "csv": url_for("questions_api.question_page", name=question.name + ".csv", _external=True),
    }


@bp.get("/queries/<name>")
def question_page(name: str):
    """One question: ``<name>`` gives the form and answer as HTML, ``<name>.json`` and ``<name>.csv`` data."""
    stem, dot, extension = name.rpartition(".")
    if dot and extension in ("json", "csv"):
        return _data(_question(stem), extension)
    return _html(_question(name))


def _data(question: Question, kind: str) -> Response:
    """The answer as data, cached and revalidated like ``/sparql``'s (questions never call RAND, NOW …)."""
    values = _values()
    asked = request.args.to_dict()  # the values and the page (_page, _size)
    key = key_of((question.name, kind, *(f"{name}={value}" for name, value in sorted(asked.items()))))
    return cached(key, lambda: _data_answer(question, kind, values))


def _data_answer(question: Question, kind: str, values: dict[str, str]) -> EngineAnswer:
    try:
        page = _page(question)
        if kind == "csv" and page is None:
            raw = _run(question, bind(question, values), "text/csv")
            return EngineAnswer(200, raw.content_type, raw.body, {
                **raw.headers, "Content-Disposition": f'inline; filename="{question.name}.csv"'})
        result = answer(question, values, page)
    except ParameterError as error:
        return _error_answer(400, str(error), kind)
    except SparqlError as error:
        return _error_answer(error.status, error.message, kind)
    if kind == "csv":
        return _csv(question, result)
    headers = {"Fengong-Truncated": "true" if result.truncated else "false"}
    if result.derived:
        headers["Fengong-Derived"] = result.derived
    if result.graph is not None:
        return EngineAnswer(200, "application/ld+json; charset=utf-8", result.graph, headers)
    terms = bind(question, values)
    bound = {p.name: terms[ox.Variable(p.name)].value for p in question.parameters
             if ox.Variable(p.name) in terms}  # an optional parameter not given is not bound
    document = {"name": question.name, "title": question.titles, "parameters": bound}
    if result.boolean is not None:
        document["boolean"] = result.boolean
    else:
        document.update(columns=result.columns,
                        rows=[{c: plain(row.get(c)) for c in result.columns} for row in result.rows],
                        truncated=result.truncated)
        closest = suggestions(question, {**example_values(question), **values}, result)
        if closest:
            document["suggestions"] = closest
    if result.page is not None:
        document.update(page=result.page.number, page_size=result.page.size, total=result.page.total,
                        next=None if result.page.last else _page_link(question, values, result.page))
    return EngineAnswer(200, JSON_TYPE, _json_bytes(document), headers)


def _page_link(question: Question, values: dict[str, str], page: Page) -> str:
    """The next page's URL, from the site's root (an answer is cached for every host it is asked through)."""
    return (url_for("questions_api.question_page", name=question.name + ".json") + "?"
            + urlencode({**values, "_page": page.number + 1, "_size": page.size}))


def _csv(question: Question, result: Answer) -> EngineAnswer:
    """A page of a text search as SPARQL CSV (IRIs and literals as their text, blank nodes as ``_:label``),
    with the number of things found in all in ``Fengong-Total``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(["" if term is None else ("_:" if term["type"] == "bnode" else "") + term["value"]
                         for term in (row.get(c) for c in result.columns)])
    return EngineAnswer(200, "text/csv; charset=utf-8", out.getvalue().encode("utf-8"), {
        "Fengong-Truncated": "true" if result.truncated else "false", "Fengong-Total": str(result.page.total),
        "Content-Disposition": f'inline; filename="{question.name}.csv"'})


def _cell(term: dict | None) -> dict:
    """A SPARQL JSON term ready for the results table: text, link, language, datatype."""
    if term is None:
        return {"text": "", "link": None, "lang": "", "datatype": "", "number": False}
    if term["type"] == "uri":
        return {"text": curie(term["value"]), "link": local_link(term["value"]), "lang": "", "datatype": "",
                "number": False}
    datatype = term.get("datatype", "")
    return {"text": term["value"], "link": None, "lang": term.get("xml:lang", ""),
            "datatype": curie(datatype) if datatype and datatype not in _INTEGERS else "",
            "number": datatype in _INTEGERS or datatype in _NUMBERS}


def _html(question: Question) -> Response:
    values = _values()
    # A bare visit shows the example; a submitted form shows what was asked (defaults filling the gaps).
    shown = example_values(question) if not values else {
        p.name: values.get(p.name) or p.default or "" for p in question.parameters}
    result, error, status = None, None, 200
    ready = all(shown.get(p.name) for p in question.parameters if p.required)
    if ready:
        try:
            result = answer(question, shown, _page(question))
        except ParameterError as problem:
            error, status = str(problem), 400
        except SparqlError as problem:
            error, status = problem.message, problem.status
    # The downloads give the page shown.
    query_string = urlencode({**{k: v for k, v in shown.items() if v},
                              **{k: v for k, v in request.args.items() if k in ("_page", "_size")}})
    # The editor gets the values asked for, or the example's when they were refused.
    editor_values = example_values(question) if error else shown
    editor_link = url_for("ui.index") + "#" + urlencode({"query": example_query(question, editor_values),
                                                         "tabTitle": question.title("zh")})
    rows = [[_cell(row.get(c)) for c in result.columns] for row in result.rows] if result else []
    closest = suggestions(question, shown, result) if result else {}
    asked = {k: v for k, v in shown.items() if v}
    # Each name suggested links to the question asked again with that name.
    closest = {name: [{**entry, "link": "?" + urlencode({**asked, name: entry["name"]})} for entry in entries]
               for name, entries in closest.items()}
    pager = _pager(result.page, asked) if result and result.page else None
    page = render_template("query.html", question=question, values=shown, result=result, rows=rows,
                           error=error, query_string=query_string, editor_link=editor_link, suggestions=closest,
                           pager=pager)
    return Response(page, status=status, content_type="text/html; charset=utf-8")


def _pager(page: Page, asked: dict[str, str]) -> dict:
    """What the HTML page says about a text search's page: the count, and links to the pages either side."""
    def link(number: int) -> str:
        return "?" + urlencode({**asked, "_page": number, **({"_size": page.size} if page.size != PAGE_SIZE else {})})

    return {"total": page.total, "number": page.number, "pages": max(1, -(-page.total // page.size)),
            "previous": link(page.number - 1) if page.number > 1 else None,
            "next": None if page.last else link(page.number + 1)}


@bp.get("/openapi.json")
def openapi():
    """An OpenAPI 3 description of the JSON API: one path per question, plus the list and /shacl."""
    paths = {
        "/queries.json": {"get": {
            "summary": "List the canned questions", "operationId": "listQuestions",
            "responses": {"200": {"description": "The questions", "content": {"application/json": {
                "schema": {"type": "array", "items": {"$ref": "#/components/schemas/QuestionSummary"}}}}}}}},
        "/shacl": {"get": {
            "summary": "SHACL validation report of the loaded data", "operationId": "validateLoaded",
            "responses": {"200": {"description": "The report", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/ValidationReport"}}}}}},
            "post": {
                "summary": "SHACL validation report of posted RDF data", "operationId": "validatePosted",
                "requestBody": {"required": True, "content": {
                    mime: {"schema": {"type": "string"}} for mime in
                    ("text/turtle", "application/trig", "application/ld+json", "application/n-triples",
                     "application/n-quads")}},
                "responses": {
                    "200": {"description": "The report", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/ValidationReport"}}}},
                    "400": {"description": "The data cannot be parsed"},
                    "413": {"description": "The data is too large"},
                    "415": {"description": "Unsupported Content-Type"}}}},
    }
    for question in questions().values():
        paths[f"/queries/{question.name}.json"] = {"get": {
            "summary": question.title("en"),
            "description": f"{question.title('zh')}. {question.description('en')}".strip(),
            "operationId": _operation_id(question.name),
            "parameters": [{
                "name": p.name, "in": "query", "required": p.required, "description": p.label,
                "schema": {**_SCHEMAS[p.type], **({"default": p.default} if p.default is not None else {})},
            } for p in question.parameters] + (_PAGING if question.search else []),
            "responses": {
                "200": {"description": "The answer", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Answer"}}}},
                "400": {"description": "A parameter is missing or not of its type", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "503": {"description": "The question ran longer than the time limit"}},
        }}
    document = {
        "openapi": "3.0.3",
        "info": {"title": "fengong questions API", "version": __version__,
                 "description": "Canned questions about plans, tasks and the agencies responsible for them. "
                                "Parameters are bound as RDF terms. The SPARQL endpoint is at /sparql."},
        "servers": [{"url": request.url_root.rstrip("/")}],
        "paths": paths,
        "components": {"schemas": _COMPONENTS},
    }
    return json_response(document)


def _operation_id(name: str) -> str:
    head, *rest = name.split("-")
    return head + "".join(part.capitalize() for part in rest)


#: The paging parameters of a text search, in OpenAPI.
_PAGING = [
    {"name": "_page", "in": "query", "required": False, "description": "which page of the things found",
     "schema": {"type": "integer", "minimum": 1, "default": 1}},
    {"name": "_size", "in": "query", "required": False, "description": "how many things found a page holds",
     "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": PAGE_SIZE}},
]

_COMPONENTS = {
    "Answer": {"type": "object", "required": ["name", "title", "parameters"], "properties": {
        "name": {"type": "string"},
        "title": {"type": "object", "additionalProperties": {"type": "string"}},
        "parameters": {"type": "object", "additionalProperties": {"type": "string"}},
        "columns": {"type": "array", "items": {"type": "string"}},
        "rows": {"type": "array", "items": {"type": "object"}},
        "boolean": {"type": "boolean"},
        "truncated": {"type": "boolean", "description": "Whether the answer was cut at the row cap"},
        "page": {"type": "integer", "description": "Text searches: the page given"},
        "page_size": {"type": "integer", "description": "Text searches: how many things found a page holds"},
        "total": {"type": "integer", "description": "Text searches: how many things were found in all"},
        "next": {"type": "string", "format": "uri-reference", "nullable": True,
                 "description": "Text searches: the URL of the next page (null on the last)"},
        "suggestions": {"type": "object", "description": "When no row was found: for each name parameter, the "
                        "names known that come closest", "additionalProperties": {"type": "array", "items": {
                            "type": "object", "properties": {"name": {"type": "string"}, "agent": {
                                "type": "string"}, "official": {"type": "string"}}}}}}},
    "Error": {"type": "object", "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
    "QuestionSummary": {"type": "object", "properties": {
        "name": {"type": "string"}, "title": {"type": "object"}, "description": {"type": "object"},
        "parameters": {"type": "array", "items": {"type": "object"}}, "json": {"type": "string"},
        "csv": {"type": "string"}, "html": {"type": "string"}}},
    "ValidationReport": {"type": "object", "properties": {
        "conforms": {"type": "boolean"}, "triples": {"type": "integer"}, "data": {"type": "string"},
        "shapes": {"type": "array", "items": {"type": "string"}},
        "results": {"type": "array", "items": {"type": "object", "properties": {
            "severity": {"type": "string", "enum": ["violation", "warning", "info"]},
            "shape": {"type": "string"}, "rule_zh": {"type": "string"}, "rule_en": {"type": "string"},
            "focus": {"type": "string"}, "plan": {"type": "string", "nullable": True},
            "task_number": {"type": "integer", "nullable": True},
            "agent": {"type": "string", "nullable": True}, "detail": {"type": "string"}}}},
        "rules": {"type": "array", "description": "Each targeted shape: its rules, focus nodes checked, failed",
                  "items": {"type": "object", "properties": {
                      "name": {"type": "string"}, "iri": {"type": "string"}, "checked": {"type": "integer"},
                      "failed": {"type": "integer"}, "rules": {"type": "array", "items": {"type": "object"}}}}}}},
}
