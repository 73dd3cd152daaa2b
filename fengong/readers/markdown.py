"""Markdown marks read as layout: a plan exported to Markdown (pandoc, WPS, a web page or a model's conversion)
states its responsibility in the genre's usual forms, printed through Markdown's syntax::

    ## 二、重点任务
    ### （一）做强农产品加工业
    1\\. **培育农产品加工龙头企业。** 实施……
    **牵头单位：**县农业农村局；**配合单位：**县财政局、县经信局

:func:`blank_marks` gives the text the readers read: every mark replaced by spaces of its length, so that every
offset still points at the same character of the file (``## 一、`` is an indented ``一、``, ``**牵头单位：**A`` a
labelled line). A backslash escape (``1\\.``, ``\\*``, ``\\#``) prints its character: the character takes the
backslash's place and a space its own (``1. ``), so a label reads as printed. A pipe table's pipes and rule row
are left to the table readers, which read tables drawn with pipes; the marks inside its cells are blanked.

Pandoc draws its other tables (``-t plain``, ``-t markdown``) with rules, in any text, Markdown or not
(:func:`blank_drawn_tables`): a simple or multiline table's rules are lines of dashes, one run per column (the
header's underline ``------ ------------ --------``), a grid table's borders ``+------+------+`` (``+======+``
under the header) and the ``|`` that part its cells, standing under the border's ``+``. Drawn so, the table is
its cells laid out in columns by spaces, each cell wrapped inside its column: the rules and borders are blanked,
and the layout reader (:mod:`fengong.readers.layout`) reads what is left.
"""

from __future__ import annotations

import re

from fengong.readers.lines import chunks, positions

ATX_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")  # ## 一、总体要求
CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")  # ## 一、总体要求 ##
THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,}|=+[ \t]*)$")  # --- *** ===
BULLET = re.compile(r"^([ \t]*(?:>[ \t]?)*[ \t]*)([-+*])(?=[ \t])")  # - A  * A  > - A
# A list item whose first content is another list item: its markers stacked on one line (`* + 1. A`, `- - A`).
# markdownify prints so a Word paragraph numbered at a deeper level than the list open above it (mammoth opens
# the missing levels as bullet lists): the bullets are the empty parents' marks, the last marker the item's.
STACKED = re.compile(r"^[ \t]*((?:[-+*][ \t]+)+)([-+*]|\d{1,9}[.)])[ \t]+(?![-+*](?:[ \t]|$))\S", re.MULTILINE)
LIST_ITEM = re.compile(r"^[ \t]*[-+*][ \t]+[^-+*\s]")  # - 1.完善… (not a rule, not a stack)
LIST_ITEMS = 3  # bulleted lines that make a list
QUOTE = re.compile(r"^[ \t]*(>[ \t]?)+")  # > A
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # \. \* \# \( … (CommonMark: any ASCII punctuation but |, see below)
STRONG = re.compile(r"\*{2,}|(?<![A-Za-z0-9])_{2,}|_{2,}(?![A-Za-z0-9])")  # **A** __A__, not a__b inside a word
# *A* _A_ set apart from the words around it; a star before a name alone is the genre's lead mark (*A、*B), no
# emphasis, and so is a star a name follows (*A、*B: the second star opens B)
EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])[^*_\n]*?(?<=[^\s*_])\1(?![\w*])")
CODE = re.compile(r"`+")
LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")  # [A](url) ![A](url): the link's text is the text
DASH_RULE = re.compile(r"^[ \t]*-{3,}(?:[ \t]+-{3,})*[ \t]*$")  # pandoc's simple/multiline table: a run a column
# +------+-----+  +======+=====+; a cell spanning rows has no border under it, blank there between its edges
# (+----+      +----+, |      +----+, +----+      |)
GRID_BORDER = re.compile(r"^[ \t]*(?=[^\n]*\+[-=:]{3,}\+)[+|](?:(?:[-=:]{3,}| {3,})[+|])+[ \t]*$")
OPEN_CELL = re.compile(r"(?<=[+|]) {3,}(?=[+|])")  # a border's blank run: the cell above goes on under it
GRID_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")  # | 1    | 任务 |
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")  # | --- | :---: |


def is_markdown(text: str) -> bool:
    """Whether ``text`` is printed through Markdown: two of its kinds of marks (ATX headings, strong emphasis,
    backslash escapes, pipe tables' rule rows, thematic breaks; three bulleted lines) each on some line, or three
    ATX headings, or three lines each wholly strong (``**一、总体要求**``: pandoc's bold paragraph). Chinese plain
    text uses none of them (a star marks a lead unit alone, ``*A``, never ``**A**``)."""
    if ("#" not in text and "**" not in text and "\\" not in text and "---" not in text
            and STACKED.search(text) is None):
        return False  # at most a thematic break: one kind (read at every document, so decided cheaply first)
    lines = text.splitlines()
    stacked = sum(bool(STACKED.match(line)) for line in lines)  # typed text never stacks list markers
    headings = sum(bool(ATX_HEADING.match(line) and line.lstrip("# \t")) for line in lines)
    bullets = sum(bool(LIST_ITEM.match(line)) for line in lines)
    kinds = [
        headings > 0,
        any(re.search(r"\*\*[^*\s][^*]*\*\*", line) for line in lines),
        any(re.search(r"(?:^|[0-9])\\[.)]|\\[*#_\[\]]", line) for line in lines),
        any(TABLE_RULE.match(line) and "|" in line for line in lines),
        any(THEMATIC_BREAK.match(line) and line.strip()[:1] in "-*_" for line in lines),
        stacked > 0,
        bullets >= LIST_ITEMS,  # a bulleted list (opendataloader prints its numbered items so: - 1.完善…)
    ]
    # pandoc's bold paragraphs (**一、总体要求**, a Word heading set in bold): a line wholly strong, as ATX headings
    strong = sum(bool(re.fullmatch(r"\*\*[^*\s][^*]*\*\*", line.strip())) for line in lines)
    return headings >= 3 or strong >= 3 or stacked >= 2 or sum(kinds) >= 2


def blank_marks(text: str) -> str:
    """``text`` with its Markdown marks replaced by spaces of the same length (escapes: the character moved onto
    the backslash); the text itself when it is not Markdown (:func:`is_markdown`)."""
    text = blank_drawn_tables(text)
    if not is_markdown(text):
        return text
    return "".join(_line(chunk) for chunk in text.splitlines(keepends=True))


def blank_drawn_tables(text: str) -> str:
    """``text`` with the rules and borders pandoc draws its tables with blanked (see the module's docstring): a
    line of dashes in runs; a grid table's borders, and in the rows between two of them each ``|`` standing (in
    display columns, a CJK character two wide, as pandoc lays the table out) under a ``+`` of the border above.
    A ``|`` inside a cell's text stands under no ``+`` and stays."""
    if "---" not in text:
        return text  # no rule: no table drawn (read at every document, so decided cheaply first)
    out = []
    joints: set[int] | None = None  # the display columns of the last grid border's +, while its rows follow
    for chunk in chunks(text):
        body = chunk.rstrip("\r\n")
        if DASH_RULE.match(body) or GRID_BORDER.match(body):
            joints = {at for at, char in zip(positions(body), body, strict=True) if char in "+|"} or None
            out.append(" " * len(body) + chunk[len(body):])
        elif joints is not None and GRID_ROW.match(body):
            out.append("".join(" " if char == "|" and at in joints else char
                               for at, char in zip(positions(body), body, strict=True)) + chunk[len(body):])
        else:
            joints = None
            out.append(chunk)
    return "".join(out)


def drawn_columns(text: str) -> dict[int, tuple[int, ...]]:
    """Where pandoc's drawing of a table puts its columns, for each header line of a table it draws (by line
    number): the display column each column but the first begins at — a grid table's ``+`` in the border above
    the header, the first dash of each run of a simple or multiline table's underline under it (the header's
    lines between it and the rule or blank line above). The format defines its columns so: the layout reader
    cuts the table there rather than measuring where its text stands."""
    found: dict[int, tuple[int, ...]] = {}
    lines = [chunk.rstrip("\r\n") for chunk in chunks(text)]  # numbered as every reader numbers them (\n only)
    for n, line in enumerate(lines):
        top = n == 0 or not GRID_ROW.match(lines[n - 1])  # the table's top border, no row above it
        if GRID_BORDER.match(line) and top and n + 1 < len(lines) and GRID_ROW.match(lines[n + 1]):
            joints = [at for at, char in zip(positions(line), line, strict=True) if char == "+"]
            found[n + 2] = tuple(joints[1:-1])  # the header (or first row) under the top border
        elif DASH_RULE.match(line) and len(line.split()) > 1 and n > 0 and lines[n - 1].strip():
            at = positions(line)
            starts = tuple(at[m.start()] for m in re.finditer(r"-+", line))[1:]
            k = n - 1
            while k >= 0 and lines[k].strip() and not DASH_RULE.match(lines[k]):
                found[k + 1] = starts  # each line of the header above the underline
                k -= 1
    return found


def open_cells(text: str) -> dict[int, list[int]]:
    """The cells of pandoc's grid tables that span rows, by the line number of the border they go on under (as
    every reader numbers lines): the display column each begins at. A cell spanning rows has no border under
    it, blank between its edges (``+----+      +----+``): the row below shares the cell."""
    found: dict[int, list[int]] = {}
    for n, chunk in enumerate(chunks(text)):
        body = chunk.rstrip("\r\n")
        if " " in body.strip() and GRID_BORDER.match(body):
            at = positions(body)
            found[n + 1] = [at[m.start()] for m in OPEN_CELL.finditer(body)]
    return found


def _line(chunk: str) -> str:
    body = chunk.rstrip("\r\n")
    end = chunk[len(body):]
    if THEMATIC_BREAK.match(body) or (TABLE_RULE.match(body) and "|" not in body):
        return " " * len(body) + end  # a rule, or a heading's underline (setext)
    chars = list(body)

    def blank(start: int, stop: int) -> None:
        chars[start:stop] = " " * (stop - start)

    for m in ESCAPE.finditer(body):  # the marks below are found in the body as printed: an escaped one is no mark
        if m.group(1) != "|":  # \| is a pipe inside a table's cell: the table reader splits on the others only
            chars[m.start()], chars[m.start() + 1] = m.group(1), " "
    heading = ATX_HEADING.match(body)
    if heading:
        blank(heading.start(2), heading.end(2))
        closing = CLOSING_HASHES.search(body)
        if closing and closing.start() > heading.end():
            blank(closing.start(), closing.end())
    elif quote := QUOTE.match(body):
        blank(quote.start(), quote.end())
    if (bullet := BULLET.match(body)) and not heading:
        blank(bullet.start(2), bullet.end(2))
        if stack := STACKED.match(body):  # the empty parents' bullets, and the item's if a bullet (1. is a label)
            blank(stack.start(1), stack.end(2) if stack.group(2) in "-+*" else stack.end(1))
    for m in LINK.finditer(body):
        blank(m.start(), m.start(1))  # [ or ![
        blank(m.end(1), m.end())  # ](url)
    for m in STRONG.finditer(body):
        blank(m.start(), m.end())
    for m in EMPHASIS.finditer(body):
        blank(m.start(), m.start() + 1)
        blank(m.end() - 1, m.end())
    for m in CODE.finditer(body):
        blank(m.start(), m.end())
    trailing = len(body) - len(body.rstrip("\\"))
    if trailing % 2:  # a backslash closing the line is a hard line break (an even run is escaped backslashes)
        blank(len(body) - 1, len(body))
    return "".join(chars) + end
