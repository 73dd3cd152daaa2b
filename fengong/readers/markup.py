"""HTML in a source text → the plain text the readers read, every character kept traceable to the file.

Researchers save pages from government sites: a whole page's source (``<p style=…>`` paragraphs, a ``<table>``
annex), or a text whose annex table was left as HTML. The readers read lines and tab-separated rows, so such a
text is rendered first (:func:`render`), with Python's own HTML parser:

- entities are decoded (``&ldquo;`` → “; ``&nbsp;`` → a space); ``script``, ``style`` and comments are dropped;
- block elements (``p``, ``div``, ``h1``…, ``li``) and ``<br>`` break lines; inside an element white space runs
  together as a browser shows it (a line break between two Chinese characters is none: ``市财\n政局`` is 市财政局),
  while text outside any element (a plain text around an HTML table) keeps its own line breaks;
- a table becomes one line per row, its cells separated by tabs (the form the table readers read), ``<br>`` and
  paragraphs inside a cell one space; a cell spanning rows (``rowspan``) is printed in each row it spans, and one
  spanning columns (``colspan``) in its first column, the others left empty; a table whose cells hold tables
  (a page laid out by a table) prints its cells as blocks.

Each rendered character remembers the piece of the file it renders (a character, an entity, a tag), so the
spans a reader finds in the rendering are turned back into spans of the file itself (:meth:`Rendering.restore`):
a unit of a merged cell points at the cell where it is printed, and a quote is the file's own text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, fields, is_dataclass, replace
from html.parser import HTMLParser

from fengong.readers.lines import LineIndex
from fengong.records import PlanRecord, Problem, SourceText, Span
from fengong.textrepair import is_cjk

# An element that only HTML writes: a text holding one is (partly) HTML. ``<br>`` alone is not enough: a Markdown
# table keeps its cells' line breaks as ``<br>`` and is read as it stands.
HTML_BLOCK = re.compile(r"<(?:p|div|table|tr|td|th|li|ul|ol|h[1-6]|body|html|section|article|span)\b[^<>]*>",
                        re.IGNORECASE)
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
          "header", "footer", "nav", "main", "aside", "title", "pre", "blockquote", "caption", "center", "form",
          "address", "figure", "figcaption", "hr"}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "param", "source", "wbr"}
SKIP = {"script", "style", "noscript", "template"}
WRAPPERS = {"html", "head", "body"}  # text directly inside them is as good as outside any element
MAX_SPAN = 1000  # a larger rowspan or colspan is an error of the page, not a merge


# docling's DocTags (export_to_doctags): the document wrapped in <doctag>, each element one tag (<text>, <title>,
# <section_header_level_1>, <list_item> …), <loc_N> its place on the page, a table in OTSL (<otsl>: one tag opens
# each cell, <nl> ends a row; <lcel>/<xcel> go on the cell to the left, <ucel> the one above).
DOCTAGS = re.compile(r"^\s*<doctag>")
DOCTAG_BLOCKS = re.compile(r"text|title|paragraph|caption|footnote|page_header|page_footer|list_item|code|formula"
                           r"|reference|section_header_level_\d|doctag|ordered_list|unordered_list|page_break")
LOCATION = re.compile(r"loc_\d+")
OTSL_CELLS = {"fcel", "ecel", "ched", "rhed", "srow", "lcel", "ucel", "xcel"}


def holds_html(text: str) -> bool:
    """True when ``text`` holds HTML elements (or docling's DocTags) the readers cannot read as they stand."""
    return HTML_BLOCK.search(text) is not None or DOCTAGS.match(text) is not None


@dataclass(frozen=True)
class Rendering:
    """The rendering of a text holding HTML: ``text``, and for each of its characters the piece of the original
    ``[starts[i], ends[i])`` it renders."""

    original: SourceText
    text: str
    starts: list[int]
    ends: list[int]
    rendered_from: str | None = "html"  # None: the rendering reads as a plain text (an OCR text's, its spaces dropped)

    @property
    def source(self) -> SourceText:
        """The rendering as the source text the readers read."""
        return SourceText(self.original.path, self.text, rendered_from=self.rendered_from)

    def restore(self, plan: PlanRecord) -> None:
        """Point every span and line of ``plan`` (read from :attr:`source`) into the original file instead."""
        index = LineIndex(self.original.raw)
        lines = LineIndex(self.text)

        def span(s: Span) -> Span:
            if not self.text:
                return s
            first = min(max(s.start, 0), len(self.text) - 1)
            if s.end <= s.start:  # an empty cell's place
                return Span(self.starts[first], self.starts[first], index.line_of(self.starts[first]))
            last = min(max(s.end - 1, first), len(self.text) - 1)
            start, end = self.starts[first], self.ends[last]
            if end <= start:  # the span runs into a cell printed again from a row above
                end = max(self.ends[first : last + 1])
            return Span(start, end, index.line_of(start))

        def walk(value):
            if isinstance(value, Span):
                return span(value)
            if isinstance(value, tuple):
                return tuple(walk(v) for v in value)
            if isinstance(value, list):
                return [walk(v) for v in value]
            if is_dataclass(value) and not isinstance(value, type):
                return replace(value, **{f.name: walk(getattr(value, f.name)) for f in fields(value) if f.init})
            return value

        plan.sections = walk(plan.sections)
        plan.items = walk(plan.items)
        plan.projects = walk(plan.projects)
        plan.duties = walk(plan.duties)
        plan.problems = [self.problem(p, lines, index) for p in plan.problems]
        plan.source = self.original

    def then(self, inner: Rendering) -> Rendering:
        """This rendering rendered again by ``inner`` (whose original is :attr:`source`): one rendering of the file,
        each character pointing at the piece of the file it renders."""
        return Rendering(self.original, inner.text, [self.starts[i] for i in inner.starts],
                         [self.ends[j - 1] for j in inner.ends], self.rendered_from)

    def problem(self, problem: Problem, lines: LineIndex | None = None, index: LineIndex | None = None) -> Problem:
        """``problem`` with its line of the rendering made the line of the original it comes from."""
        lines, index = lines or LineIndex(self.text), index or LineIndex(self.original.raw)
        if not 1 <= problem.line <= len(lines.lines) or not self.text:
            return problem
        at = min(lines.lines[problem.line - 1].start, len(self.text) - 1)
        return replace(problem, line=index.line_of(self.starts[at]))


def render(source: SourceText) -> Rendering:
    """The plain-text rendering of ``source`` (see the module docstring)."""
    parser = _Renderer(source.raw)
    parser.feed(source.raw)
    parser.close()
    parser.finish()
    # a line break of the source between two Chinese characters is no space (as CSS renders a segment break)
    pieces = [p for k, p in enumerate(parser.out)
              if not (p[0] == " " and source.raw[p[1]] == "\n" and 0 < k < len(parser.out) - 1
                      and is_cjk(parser.out[k - 1][0]) and is_cjk(parser.out[k + 1][0]))]
    return Rendering(source, "".join(p[0] for p in pieces), [p[1] for p in pieces], [p[2] for p in pieces])


Piece = tuple[str, int, int]  # a rendered character and the piece of the original [start, end) it renders


@dataclass
class _Cell:
    at: tuple[int, int]  # the cell's tag
    rows: int
    columns: int
    pieces: list[Piece]
    above: bool = False  # OTSL's <ucel>: the cell above goes on into this one


@dataclass
class _Table:
    rows: list[tuple[tuple[int, int], list[_Cell]]]  # each row's tag and its cells
    layout: bool = False  # its cells hold tables: a page laid out by a table


class _Renderer(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.out: list[Piece] = []
        self.sinks: list[list[Piece]] = [self.out]  # where text goes: the page, or the cell being read
        self.open: list[str] = []  # the elements open (outside tables' own structure)
        self.tables: list[_Table] = []
        self.cells: list[_Cell | None] = []  # the cell open in each table, if any
        self.skipping = 0
        self.doctags = DOCTAGS.match(raw) is not None

    # where the parser stands, as an offset of the raw text
    def _here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _tag(self) -> tuple[int, int]:
        start = self._here()
        text = self.get_starttag_text()
        if text is not None and self.raw.startswith(text, start):
            return start, start + len(text)
        end = self.raw.find(">", start)
        return start, (end + 1 if end >= 0 else start + 1)

    def _flowing(self) -> bool:
        """White space runs together: inside an element or a table, not in text around them."""
        return bool(self.tables) or any(t not in WRAPPERS for t in self.open)

    def _emit(self, char: str, start: int, end: int) -> None:
        self.sinks[-1].append((char, start, end))

    def _break(self, at: tuple[int, int]) -> None:
        sink = self.sinks[-1]
        while sink and sink[-1][0] == " ":
            sink.pop()
        if sink and sink[-1][0] != "\n":
            sink.append(("\n", *at))

    def _text(self, text: str, start: int, end: int | None = None) -> None:
        """Text of the page (``end`` given: one entity rendered by ``text``)."""
        if self.skipping:
            return
        sink = self.sinks[-1]
        flowing = self._flowing()
        for i, char in enumerate(text):
            s, e = (start, end) if end is not None else (start + i, start + i + 1)
            if flowing and char in " \t\r\n\f" and end is None:
                if sink and sink[-1][0] not in " \n":
                    sink.append((" ", s, e))
                continue
            if char == "\n" and end is None and (not sink or sink[-1][0] == "\n" and self.raw[sink[-1][1]] == "<"):
                if sink:  # the line break after a block's end tag is the break the block already made
                    sink[-1] = (char, s, e)
                continue
            sink.append((char, s, e))

    def handle_data(self, data: str) -> None:
        self._text(data, self._here())

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, written: str) -> None:
        start = self._here()
        end = start + len(written) + (self.raw.startswith(";", start + len(written)))
        decoded = html.unescape(self.raw[start:end] if self.raw[end - 1] == ";" else written + ";")
        if decoded == self.raw[start:end] or decoded == written + ";":  # no entity HTML knows: text as written
            self._text(self.raw[start:end], start)
            return
        self._text(decoded.replace("\xa0", " "), start, end)

    def handle_starttag(self, tag: str, attrs) -> None:
        at = self._tag()
        if tag in SKIP:
            self.skipping += 1
            return
        if self.doctags and LOCATION.fullmatch(tag):
            return
        if self.doctags and self.tables and tag in OTSL_CELLS | {"nl"}:
            self._otsl_cell(tag, at)
            return
        if self.doctags and DOCTAG_BLOCKS.fullmatch(tag):
            self._break(at)
            return
        if tag == "table" or self.doctags and tag == "otsl":
            if self.cells and self.cells[-1] is not None:
                self.tables[-1].layout = True
            self._break(at)
            self.tables.append(_Table([]))
            self.cells.append(None)
            return
        if self.tables and tag == "tr":
            self._end_cell()
            self.tables[-1].rows.append((at, []))
            return
        if self.tables and tag in ("td", "th"):
            self._end_cell()
            if not self.tables[-1].rows:
                self.tables[-1].rows.append((at, []))
            values = dict(attrs)
            cell = _Cell(at, _span(values.get("rowspan")), _span(values.get("colspan")), [])
            self.tables[-1].rows[-1][1].append(cell)
            self.cells[-1] = cell
            self.sinks.append(cell.pieces)
            return
        if tag == "br":
            if self._in_cell():
                self._emit(" ", *at)
            else:
                self._break(at)
            return
        if tag in BLOCKS:
            while self.open and self.open[-1] == "p":  # a block closes the paragraph open before it
                self.open.pop()
            self._break(at)
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and tag not in ("table", "tr", "td", "th") and self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        start = self._here()
        end = self.raw.find(">", start)
        at = (start, end + 1 if end >= 0 else start + 1)
        if tag in SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.tables and tag in ("td", "th"):
            self._end_cell()
            return
        if self.tables and tag == "tr":
            self._end_cell()
            return
        if tag == "table" or self.doctags and tag == "otsl":
            if self.tables:
                self._end_table(at)
            return
        if self.doctags and DOCTAG_BLOCKS.fullmatch(tag):
            self._break(at)
            return
        if tag in self.open:
            while self.open.pop() != tag:
                pass
        if tag in BLOCKS:
            self._break(at)

    def _otsl_cell(self, tag: str, at: tuple[int, int]) -> None:
        """An OTSL token: ``<nl>`` ends the row, any other opens a cell (one going on from its left neighbour
        is left empty, as a cell spanning columns prints in its first; one going on from above prints it again)."""
        self._end_cell()
        table = self.tables[-1]
        if tag == "nl":
            table.rows.append((at, []))
            return
        if not table.rows:
            table.rows.append((at, []))
        cell = _Cell(at, 1, 1, [], above=tag == "ucel")
        table.rows[-1][1].append(cell)
        if tag not in ("lcel", "xcel", "ucel"):
            self.cells[-1] = cell
            self.sinks.append(cell.pieces)

    def _in_cell(self) -> bool:
        return bool(self.cells) and self.cells[-1] is not None

    def _end_cell(self) -> None:
        if self._in_cell():
            self.sinks.pop()
            self.cells[-1] = None

    def _end_table(self, at: tuple[int, int]) -> None:
        self._end_cell()
        table = self.tables.pop()
        self.cells.pop()
        self._break(at)
        sink = self.sinks[-1]
        for (_, above), (_, row) in zip(table.rows, table.rows[1:], strict=False):
            for k, cell in enumerate(row):
                if cell.above and k < len(above):
                    cell.pieces = above[k].pieces  # OTSL's <ucel>: printed in each row it spans
        if table.layout:  # a page laid out by a table: each cell a block of the page
            for _, cells in table.rows:
                for cell in cells:
                    sink.extend(_trimmed(cell.pieces, keep_lines=True))
                    self._break(cell.at)
            return
        for row_at, row in _grid(table.rows):
            if not any(pieces for _, pieces in row):
                continue
            for k, (cell_at, pieces) in enumerate(row):
                if k:
                    sink.append(("\t", *cell_at))
                sink.extend(pieces)
            sink.append(("\n", *row_at))

    def finish(self) -> None:
        """Close what the page left open (a table never closed is still a table)."""
        while self.tables:
            self._end_table((len(self.raw), len(self.raw)))


def _span(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), MAX_SPAN)
    except ValueError:
        return 1


def _trimmed(pieces: list[Piece], keep_lines: bool = False) -> list[Piece]:
    """A cell's text: white space run together (a layout cell's line breaks and its tables' tabs kept), ends
    trimmed."""
    out: list[Piece] = []
    for piece in pieces:
        if piece[0] in " \t\n\r\f" and not (keep_lines and piece[0] in "\t\n"):
            if out and out[-1][0] not in " \n":
                out.append((" ", piece[1], piece[2]))
        elif piece[0] == "\n" and out and out[-1][0] == " ":
            out[-1] = piece
        else:
            out.append(piece)
    while out and out[-1][0] in " \n":
        out.pop()
    return out


def _grid(rows: list[tuple[tuple[int, int], list[_Cell]]]):
    """Each row as ``(its tag, [(cell's tag, its text)…])``, a cell spanning rows printed in each of them, one
    spanning columns in its first column (the others empty)."""
    carried: dict[int, tuple[int, tuple[int, int], list[Piece]]] = {}  # column → (rows left, tag, text)
    for row_at, cells in rows:
        out: list[tuple[tuple[int, int], list[Piece]]] = []
        queue = list(cells)
        column = 0
        while queue or any(c >= column for c in carried):
            if column in carried:
                left, cell_at, pieces = carried[column]
                out.append((cell_at, pieces))
                if left > 1:
                    carried[column] = (left - 1, cell_at, pieces)
                else:
                    del carried[column]
                column += 1
                continue
            if not queue:
                out.append((row_at, []))
                column += 1
                continue
            cell = queue.pop(0)
            text = _trimmed(cell.pieces)
            for k in range(cell.columns):
                out.append((cell.at, text if k == 0 else []))
                if cell.rows > 1:
                    carried[column + k] = (cell.rows - 1, cell.at, text if k == 0 else [])
            column += cell.columns
        yield row_at, out
