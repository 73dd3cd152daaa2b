"""RDF/XML read once with entity declarations forbidden and a depth limit, before pyoxigraph parses it.

pyoxigraph expands internal XML entities (a "billion laughs" file of a few hundred bytes asks for gigabytes)
and its RDF/XML parser slows down quadratically with element depth. So the whole document is first streamed
through defusedxml's SAX parser, which refuses any entity declaration wherever it is in the file, while
element depth is counted; nothing is built in memory.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.sax import make_parser

from fengong.nesting import MAX_DEPTH


class UnsafeXml(ValueError):
    """An XML document refused before parsing, with the line where it goes wrong."""


class _Depth(ContentHandler):
    def __init__(self, limit: int):
        super().__init__()
        self.limit, self.depth = limit, 0

    def startElement(self, name, attrs):
        self.depth += 1
        if self.depth > self.limit:
            raise UnsafeXml(f"line {self._locator.getLineNumber()}: elements nest deeper than {self.limit} levels")

    def endElement(self, name):
        self.depth -= 1


def check_rdfxml(path: Path, limit: int = MAX_DEPTH) -> None:
    """Raise :class:`UnsafeXml` if the document at ``path`` declares entities, refers to external ones, is
    not well-formed or nests deeper than ``limit`` elements."""
    parser = make_parser()  # forbids entity declarations and external references
    parser.setContentHandler(_Depth(limit))
    try:
        parser.parse(str(path))
    except (EntitiesForbidden, ExternalReferenceForbidden, DTDForbidden) as error:
        raise UnsafeXml(f"XML entity declarations and external references are not accepted ({error})") from None
    except SAXParseException as error:
        raise UnsafeXml(f"line {error.getLineNumber()}: not well-formed XML: {error.getMessage()}") from None
