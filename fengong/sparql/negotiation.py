"""Media types of SPARQL answers and the choice among them: ``format`` parameter first, then ``Accept``.

Accept is read as RFC 9110 says: media ranges with q-values; the most specific range matching a type gives
that type its q; q=0 excludes it; among equal q the server's order below decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from fengong.sparql.errors import SparqlError


@dataclass(frozen=True)
class MediaType:
    """A format the service can write: its media type, short name (for ``format=``) and aliases."""

    mime: str
    name: str
    aliases: tuple[str, ...] = ()
    extension: str = ""

    @property
    def content_type(self) -> str:
        """The Content-Type header value; text formats are UTF-8."""
        return f"{self.mime}; charset=utf-8"


SPARQL_JSON = MediaType("application/sparql-results+json", "json", ("application/json",), "srj")
SPARQL_XML = MediaType("application/sparql-results+xml", "xml", ("application/xml", "text/xml"), "srx")
CSV = MediaType("text/csv", "csv", (), "csv")
TSV = MediaType("text/tab-separated-values", "tsv", (), "tsv")
# The aliases of the RDF formats include the short names SPARQLWrapper sends as ``format=`` ("xml",
# "json", "n3") and the generic XML/JSON media types, which mean RDF/XML and JSON-LD for a graph.
TURTLE = MediaType("text/turtle", "turtle", ("application/x-turtle", "ttl", "n3", "text/n3"), "ttl")
N_TRIPLES = MediaType("application/n-triples", "ntriples", ("text/plain", "nt"), "nt")
JSON_LD = MediaType("application/ld+json", "jsonld", ("json-ld", "json", "application/json"), "jsonld")
RDF_XML = MediaType("application/rdf+xml", "rdfxml", ("rdf", "xml", "application/xml", "text/xml"), "rdf")
TRIG = MediaType("application/trig", "trig", (), "trig")
N_QUADS = MediaType("application/n-quads", "nquads", ("nq",), "nq")

#: What each kind of answer can be written as, the preferred (default) format first.
FORMATS: dict[str, tuple[MediaType, ...]] = {
    "solutions": (SPARQL_JSON, SPARQL_XML, CSV, TSV),
    "boolean": (SPARQL_JSON, SPARQL_XML),
    "graph": (TURTLE, N_TRIPLES, JSON_LD, RDF_XML, TRIG, N_QUADS),
}


def parse_accept(header: str) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q-values (malformed entries are skipped)."""
    ranges = []
    for item in header.split(","):
        parts = [part.strip() for part in item.split(";")]
        media_range = parts[0].lower()
        if "/" not in media_range:
            continue
        quality = 1.0
        for parameter in parts[1:]:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append((media_range, quality))
    return ranges


def _quality(media: MediaType, ranges: list[tuple[str, float]]) -> float:
    """The q-value the client gives ``media``: from the most specific range that matches it."""
    best_specificity, best_quality = -1, 0.0
    mimes = {media.mime, *[alias for alias in media.aliases if "/" in alias]}
    for media_range, quality in ranges:
        kind, _, subtype = media_range.partition("/")
        for mime in mimes:
            mime_kind = mime.split("/")[0]
            if media_range == mime:
                specificity = 2
            elif subtype == "*" and kind == mime_kind:
                specificity = 1
            elif media_range == "*/*":
                specificity = 0
            else:
                continue
            if specificity > best_specificity:
                best_specificity, best_quality = specificity, quality
    return best_quality


def lookup_format(value: str, kind: str) -> MediaType:
    """The format named by a ``format`` parameter (short name, alias or media type) for ``kind``."""
    wanted = value.strip().lower()
    for media in FORMATS[kind]:
        if wanted in {media.name, media.mime, media.extension, *media.aliases}:
            return media
    offered = ", ".join(media.name for media in FORMATS[kind])
    raise SparqlError(406, f"format {value!r} is not available for this kind of answer; "
                           f"choose one of: {offered}")


def choose(kind: str, accept: str | None, format_params: list[str] | str | None = None) -> MediaType:
    """The format to answer a ``kind`` result in ("solutions", "boolean" or "graph"), or 406.

    ``format_params``: the ``format`` parameter's values; they win over Accept, and must agree.
    """
    if isinstance(format_params, str):
        format_params = [format_params]
    if format_params:
        chosen = {lookup_format(value, kind) for value in format_params}
        if len(chosen) > 1:
            raise SparqlError(400, "the format parameters ask for different formats: "
                                   + ", ".join(sorted(media.name for media in chosen)))
        return chosen.pop()
    offered = FORMATS[kind]
    if not accept or not accept.strip():
        return offered[0]
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    scored = [(_quality(media, ranges), -position, media) for position, media in enumerate(offered)]
    quality, _, media = max(scored, key=lambda item: (item[0], item[1]))
    if quality <= 0:
        types = ", ".join(media.mime for media in offered)
        raise SparqlError(406, f"none of the accepted media types can carry this answer; available: {types}")
    return media
