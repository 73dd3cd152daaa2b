"""Writing query answers: SPARQL JSON/XML/CSV/TSV for solutions and booleans, RDF syntaxes for graphs.

Answers are cut at the row cap; the caller reports the cut (header, and a field in SPARQL JSON).
Solutions are written by pyoxigraph (in Rust, much faster than turning every term into a Python object):
first as TSV into a writer that stops the serialiser once it holds one row more than the cap, then, cut
if need be, parsed and written again in the format asked for (TSV keeps every RDF term exactly).
Specs: https://www.w3.org/TR/sparql11-results-json/, https://www.w3.org/TR/rdf-sparql-XMLres/,
https://www.w3.org/TR/sparql11-results-csv-tsv/.
"""

from __future__ import annotations

import io
import json
from itertools import islice

import pyoxigraph

from fengong.namespaces import PREFIXES
from fengong.sparql import negotiation as media

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
#: The extra member of a SPARQL JSON answer that says whether the answer was cut at the row cap.
TRUNCATED_KEY = "fengong:truncated"

_RDF_FORMATS = {
    media.TURTLE: pyoxigraph.RdfFormat.TURTLE,
    media.N_TRIPLES: pyoxigraph.RdfFormat.N_TRIPLES,
    media.JSON_LD: pyoxigraph.RdfFormat.JSON_LD,
    media.RDF_XML: pyoxigraph.RdfFormat.RDF_XML,
    media.TRIG: pyoxigraph.RdfFormat.TRIG,
    media.N_QUADS: pyoxigraph.RdfFormat.N_QUADS,
}
_QUAD_FORMATS = {media.TRIG, media.N_QUADS}
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def take(iterator, limit: int) -> tuple[list, bool]:
    """The first ``limit`` items of ``iterator`` and whether there were more."""
    items = list(islice(iterator, limit + 1))
    return items[:limit], len(items) > limit


class _RowCap(io.RawIOBase):
    """A binary sink that refuses more once it holds ``limit`` complete lines."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit
        self.chunks: list[bytes] = []
        self.lines = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if self.lines >= self.limit:
            raise _Full
        self.chunks.append(bytes(data))
        self.lines += self.chunks[-1].count(b"\n")
        return len(data)


class _Full(OSError):
    """Raised into the serialiser to stop it: the answer holds more rows than the cap."""


_NATIVE = {
    media.SPARQL_JSON: pyoxigraph.QueryResultsFormat.JSON, media.SPARQL_XML: pyoxigraph.QueryResultsFormat.XML,
    media.CSV: pyoxigraph.QueryResultsFormat.CSV, media.TSV: pyoxigraph.QueryResultsFormat.TSV,
}


def serialize_solutions(solutions, fmt: media.MediaType, max_rows: int) -> tuple[bytes, bool]:
    """A SELECT answer (a live pyoxigraph ``QuerySolutions``) in ``fmt``, cut at ``max_rows``.

    Returns the bytes and whether the answer was cut.
    """
    sink = _RowCap(max_rows + 2)  # the header line, max_rows rows, and one more to detect the cut
    try:
        solutions.serialize(sink, format=pyoxigraph.QueryResultsFormat.TSV)
    except OSError:
        if sink.lines < sink.limit:  # not the stop of the sink: a real error
            raise
    lines = b"".join(sink.chunks).split(b"\n")
    truncated = len(lines) > max_rows + 2 or (len(lines) == max_rows + 2 and lines[-1] != b"")
    tsv = b"\n".join(lines[: max_rows + 1]) + b"\n" if truncated else b"".join(sink.chunks)
    if fmt is media.TSV:
        return tsv, truncated
    body = pyoxigraph.parse_query_results(tsv, format=pyoxigraph.QueryResultsFormat.TSV).serialize(
        format=_NATIVE[fmt])
    if fmt is media.SPARQL_JSON:
        body = body.rstrip()[:-1] + f',"{TRUNCATED_KEY}":{"true" if truncated else "false"}}}'.encode()
    return body, truncated


def write_boolean(value: bool, fmt: media.MediaType) -> bytes:
    """An ASK answer in ``fmt``."""
    if fmt is media.SPARQL_JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    return ('<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()


def write_graph(triples: list, fmt: media.MediaType) -> bytes:
    """A CONSTRUCT/DESCRIBE answer (pyoxigraph triples) in ``fmt``."""
    if fmt in _QUAD_FORMATS:
        default = pyoxigraph.DefaultGraph()
        triples = [pyoxigraph.Quad(t.subject, t.predicate, t.object, default) for t in triples]
    prefixes = None if fmt in {media.N_TRIPLES, media.N_QUADS} else _PREFIXES
    return pyoxigraph.serialize(triples, format=_RDF_FORMATS[fmt], prefixes=prefixes)
