"""SPARQL 1.1 Protocol requests: from HTTP method, query string, headers and body to an operation.

Follows https://www.w3.org/TR/sparql11-protocol/ §2.1 (query) and §2.2 (update): GET with ``query=``,
POST form-encoded, POST direct; the dataset from ``default-graph-uri``/``named-graph-uri`` (queries) or
``using-graph-uri``/``using-named-graph-uri`` (updates); UTF-8 only; exactly one operation per request; an
operation nesting too deep for the parser is refused here (:mod:`fengong.nesting`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import pyoxigraph

from fengong.nesting import TooDeep, check_depth
from fengong.sparql.errors import SparqlError

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
#: Enough for any real request; more form fields are refused rather than parsed.
MAX_FIELDS = 1000


@dataclass
class Operation:
    """One SPARQL operation asked for by a request.

    ``kind`` is "query" or "update"; ``text`` the SPARQL source; ``default_graphs`` and ``named_graphs`` the
    protocol dataset (empty lists: the request names none); ``formats`` the values of the ``format``
    parameter (SPARQLWrapper sends both a short name and a media type).
    """

    kind: str
    text: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)

    @property
    def has_dataset(self) -> bool:
        """Whether the request itself names the dataset (which then overrides FROM/FROM NAMED)."""
        return bool(self.default_graphs or self.named_graphs)


def _media_type(content_type: str | None) -> tuple[str, dict[str, str]]:
    """The media type (lower case) and parameters of a Content-Type header."""
    if not content_type:
        return "", {}
    mime, *raw_parameters = content_type.split(";")
    parameters = {}
    for raw in raw_parameters:
        key, _, value = raw.partition("=")
        parameters[key.strip().lower()] = value.strip().strip('"').lower()
    return mime.strip().lower(), parameters


def _check_charset(parameters: dict[str, str]) -> None:
    charset = parameters.get("charset")
    if charset and charset.replace("_", "-") not in {"utf-8", "utf8", "us-ascii", "ascii"}:
        raise SparqlError(415, f"charset {charset!r} is not supported: send UTF-8")


def _decode(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SparqlError(400, f"the {what} is not valid UTF-8 (byte {error.start})") from error


def _parse_pairs(encoded: bytes, what: str) -> list[tuple[str, str]]:
    text = _decode(encoded, what)
    try:
        return parse_qsl(text, keep_blank_values=True, errors="strict", max_num_fields=MAX_FIELDS)
    except UnicodeDecodeError as error:
        raise SparqlError(400, f"the {what} has a percent-encoded value that is not UTF-8") from error
    except ValueError as error:
        raise SparqlError(400, f"the {what} is malformed: {error}") from error


def _single(pairs: list[tuple[str, str]], name: str) -> str | None:
    values = [value for key, value in pairs if key == name]
    if len(values) > 1:
        raise SparqlError(400, f"more than one '{name}' parameter: send exactly one")
    return values[0] if values else None


def _iris(pairs: list[tuple[str, str]], name: str) -> list[str]:
    iris = []
    for key, value in pairs:
        if key != name:
            continue
        try:
            pyoxigraph.NamedNode(value)
        except ValueError as error:
            raise SparqlError(400, f"{name} {value!r} is not an absolute IRI: {error}") from error
        iris.append(value)
    return iris


def parse_request(
    method: str, query_string: bytes, content_type: str | None, body: bytes, endpoint: str = "query"
) -> Operation | None:
    """The operation an HTTP request to a SPARQL endpoint asks for.

    ``endpoint`` is "query" for ``/sparql`` (queries; an update there is recognised, so it can be refused
    clearly) or "update" for ``/update``. Returns ``None`` for a GET without any operation, which asks
    for the service description. Raises :class:`SparqlError` (400, 405, 415) for a request the protocol
    does not allow.
    """
    method = method.upper()
    url_pairs = _parse_pairs(query_string, "query string")
    if method == "GET":
        pairs = url_pairs
        if _single(pairs, "update") is not None:
            raise SparqlError(405, "SPARQL Update is not allowed with GET: use POST", {"Allow": "POST"})
        query = _single(pairs, "query")
        if query is None:
            return None
        return _operation("query", query, pairs)
    if method != "POST":
        raise SparqlError(405, f"method {method} is not allowed: use GET or POST", {"Allow": "GET, POST"})

    mime, parameters = _media_type(content_type)
    if not mime:
        raise SparqlError(415, "a POST needs a Content-Type: application/x-www-form-urlencoded, "
                               "application/sparql-query or application/sparql-update")
    _check_charset(parameters)
    if mime == FORM:
        pairs = url_pairs + _parse_pairs(body, "form body")
        query, update = _single(pairs, "query"), _single(pairs, "update")
        if query is not None and update is not None:
            raise SparqlError(400, "send either 'query' or 'update', not both")
        if query is not None:
            return _operation("query", query, pairs)
        if update is not None:
            return _operation("update", update, pairs)
        raise SparqlError(400, "the form has no 'query' (or 'update') parameter")
    if mime in {QUERY_TYPE, UPDATE_TYPE}:
        kind = "query" if mime == QUERY_TYPE else "update"
        if _single(url_pairs, "query") is not None or _single(url_pairs, "update") is not None:
            raise SparqlError(400, f"a direct POST carries the {kind} in its body, not in the URL")
        return _operation(kind, _decode(body, f"{kind} body"), url_pairs)
    wanted = "application/sparql-update" if endpoint == "update" else "application/sparql-query"
    raise SparqlError(415, f"Content-Type {mime!r} is not accepted: use application/x-www-form-urlencoded "
                           f"or {wanted}")


def _operation(kind: str, text: str, pairs: list[tuple[str, str]]) -> Operation:
    try:
        check_depth(text, "sparql")
    except TooDeep as error:
        raise SparqlError(400, f"the {kind} is refused at {error}") from None
    prefix = "" if kind == "query" else "using-"
    default_name = "default-graph-uri" if kind == "query" else "using-graph-uri"
    return Operation(
        kind=kind,
        text=text,
        default_graphs=_iris(pairs, default_name),
        named_graphs=_iris(pairs, f"{prefix}named-graph-uri"),
        formats=[value for key, value in pairs if key == "format"],
    )
