"""A document parser's element dump (JSON) → the document's text, the source the readers read.

PDF and Office parsers export a document as JSON: a tree or a list of elements, each with its type and its text.
opendataloader-pdf prints ``{"kids": [{"type": "paragraph", "content": …}, {"type": "table", "rows": [{"cells":
[{"kids": […]}]}]}, {"type": "list", "list items": […]}]}``; unstructured's ``convert_to_dict`` a list of
``{"type": "NarrativeText", "text": …, "metadata": {…}}`` (a table's cells in ``metadata.text_as_html``);
docling's ``DoclingDocument`` its ``texts`` and ``tables``, in the order its ``body`` refers to them
(``{"$ref": "#/texts/3"}``). Each is a rendering of the document's text, read as the text it renders
(:func:`render`): the elements in document order, each a paragraph of its own (a blank line between), a table's
rows one a line with their cells separated by tabs (as an XLSX workbook is rendered); the page's furniture the
parser marks as such (running heads, footers, page numbers) is left out. The rendering is the source the offsets
point into (``SourceText.rendered_from`` is ``"json"``). A file that is no JSON, or JSON with no element's text,
is refused naming the file and the line.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from fengong.records import Problem, ReadError

TEXT_FIELDS = ("content", "text")  # opendataloader's, unstructured's and docling's
CHILD_FIELDS = ("kids", "list items", "children", "elements")
# a page's furniture, as the parsers type it (Header, page_header, PageNumber …): not the document's text
FURNITURE = {"header", "footer", "pageheader", "pagefooter", "pagenumber", "pagebreak"}
_OPENS_JSON = re.compile(r"^\s*(?:\{|\[\s*[{\]])")


def is_json(text: str, suffix: str) -> bool:
    """A file to read as JSON: named ``.json``, or a text that opens as a JSON object or a list of objects does
    (no document's text opens with ``{``)."""
    return suffix == ".json" or _OPENS_JSON.match(text) is not None


def render(text: str, shown: str) -> str:
    """The text ``text`` (an element dump) renders: see the module docstring. :class:`ReadError` for text that is
    no JSON (the line and column the parser stopped at) or holds no element with text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError([Problem(shown, exc.lineno, f"not valid JSON ({exc.msg} at line {exc.lineno}, column "
                                                    f"{exc.colno}): an element dump must be JSON")]) from None
    blocks: list[str] = []
    _Walk(data, blocks).node(data)
    if not blocks:
        raise ReadError([Problem(shown, 1, "JSON holding no document elements with text (a list or tree of "
                                           "elements with a type and a 'text' or 'content' field)")])
    return "\n\n".join(blocks) + "\n"


class _Walk:
    """The elements of a dump in document order, each rendered into ``blocks``."""

    def __init__(self, root, blocks: list[str]) -> None:
        self.root = root
        self.blocks = blocks
        self.seen: set[int] = set()

    def node(self, value) -> None:
        if isinstance(value, list):
            for item in value:
                self.node(item)
            return
        if not isinstance(value, dict) or id(value) in self.seen:
            return
        self.seen.add(id(value))
        if "$ref" in value:  # docling: a body's child is a reference into texts, tables, groups
            self.node(self._resolve(value["$ref"]))
            return
        if "body" in value and isinstance(value["body"], dict):  # docling's document: its body holds the order
            self.node(value["body"])
            return
        kind = re.sub(r"[\s_-]", "", str(value.get("type") or value.get("label") or "")).lower()
        if kind in FURNITURE or value.get("content_layer") == "furniture":
            return
        table = _table_rows(value)
        if table is not None:
            if rows := ["\t".join(_one_line(cell) for cell in row) for row in table if any(row)]:
                self.blocks.append("\n".join(rows))
            return
        own = next((value[f] for f in TEXT_FIELDS if isinstance(value.get(f), str)), None)
        if own is not None and own.strip():
            self.blocks.append(own.strip())
        for field in CHILD_FIELDS:
            self.node(value.get(field))

    def _resolve(self, pointer):
        """A JSON pointer into the document (``#/texts/3``), or None."""
        target = self.root
        for part in str(pointer).lstrip("#").strip("/").split("/"):
            try:
                target = target[int(part)] if isinstance(target, list) else target[part]
            except (KeyError, IndexError, ValueError, TypeError):
                return None
        return target

    def cell_text(self, cell) -> str:
        """A cell's text: its own, or its elements' joined (opendataloader's cell holds paragraphs)."""
        blocks: list[str] = []
        _Walk(self.root, blocks).node(cell)
        return " ".join(blocks)


def _table_rows(element: dict) -> list[list[str]] | None:
    """A table element's rows of cell texts: opendataloader's ``rows`` of ``cells``, docling's ``data.grid``,
    unstructured's ``metadata.text_as_html``; None for an element that is no table."""
    if isinstance(element.get("rows"), list):
        walk = _Walk(element, [])
        return [[walk.cell_text(c) for c in (row.get("cells") if isinstance(row, dict) else row) or []]
                for row in element["rows"]]
    data = element.get("data")
    if isinstance(data, dict) and isinstance(data.get("grid"), list):
        return [[c.get("text", "") if isinstance(c, dict) else str(c) for c in row]
                for row in data["grid"] if isinstance(row, list)]
    metadata = element.get("metadata")
    if isinstance(metadata, dict) and isinstance(metadata.get("text_as_html"), str):
        cells = _HtmlRows()
        cells.feed(metadata["text_as_html"])
        cells.close()
        return cells.rows or None
    return None


def _one_line(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text).strip()


class _HtmlRows(HTMLParser):
    """A table's rows of cell texts from its HTML (``<tr><td>…</td></tr>``)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            if not self.rows:
                self.rows.append([])
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
