"""A task-division table laid out in columns by spaces: ``pdftotext -layout``, a fixed-width rendering copied out
of a viewer (the kin of :mod:`fengong.readers.pdf_table`'s flowed PDF text, where every row runs together)::

    序号  重点任务                    牵头单位      配合单位                完成时限
    1     推进企业开办便利化，压缩开  市市场监管局  市公安局、市税务局、市  2019年底前
          办时间至3个工作日以内                     人社局
    2     …

**Columns.** The header line names the columns (序号 / 重点任务 or 工作任务 / 牵头单位 / 配合单位 or 责任单位 /
完成时限 …, as every table reader knows them: :func:`fengong.readers.rows.map_header`); where each stands is
measured in display columns — a CJK character is two columns wide in a terminal's rendering (wcwidth's rule: East
Asian wide and full-width characters two, the rest one) — or in characters, as pdftotext counts them: the measure
under which the body's text stands clear of the boundaries wins. The boundary between two columns lies in the gap
between their headers' words, where the body's runs of text cross it least (a header centred over its column, a
cell that starts a little left or right of its header). A body line is cut at the boundaries: each character
belongs to the column its first display column falls in, but a run printed past its column's edge into a column
whose own cell stands apart on the line overflowed, and stays whole. A header may take two or three lines: a
cell spanning the cells under it (责任单位 over 牵头单位 / 配合单位) gives way to them; a word wrapped (牵头 / 单位)
is joined (:func:`_spanned`). A table pandoc draws (its rules blanked by :mod:`fengong.readers.markdown`) is cut
where its drawing puts the columns, as its format defines them, not where its text is measured.

**Rows.** A line whose number column holds a number opens a row (without a number column: a line whose first
column holds text); a line whose number column is empty carries on the row above, cell by cell, across page
breaks. A page number (``— 3 —``, ``第3页``), ``续表``, the header repeated and what stands between a page number
and that header (the document's running head) are page furniture. A line of its own such as ``一、…`` in the number
column opens a section; a note (注：…) or a line that fits no column (text in the number column that is no number,
a run of text across two boundaries: prose) ends the table.

**Cells.** A cell spread over several lines is its pieces joined without spaces (Chinese wraps anywhere: ``市规`` /
``划局`` is 市规划局); in a unit column, where a piece ends in no separator, the pieces are also tried as separate
names (a list printed one name a line; a piece stopping short of the column's reach ends a name unless what it ends
with is no name alone; in a cell whose units separators part, a line that fills its column or ends in no name
wraps; a 、 inside one collective parts none), and the reading that names the most bodies the gazetteer knows (or
collectives the grammar reads whole), and the fewest the column's label alone
vouches for, wins. The joined cell is read by the statement grammar with the column's header as its label, as
every table's cells are. Every unit keeps its place in the text: its span runs from its first character to its
last, so the span of a name cut across lines also covers what the columns to its right print between its pieces
(the record has one span per mention; its line is the line of its first piece). The task's text is its column's
pieces joined, its span from the first to the last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import product

from fengong.readers.docmeta import new_plan
from fengong.readers.lexicon import Lexicon, lexicon_for
from fengong.readers.lines import PAGE_NUMBER, Line, LineIndex, positions
from fengong.readers.markdown import blank_marks, open_cells
from fengong.readers.rows import (
    EMPTY_CELLS,
    NUMBER,
    OTHER_HEADERS,
    SECTION_ROW,
    Columns,
    carried_by_notes,
    check_sequence,
    document_rule,
    header_like,
    is_header_cell,
    map_header,
    merged_lead,
    section_items,
    sections_of,
)
from fengong.readers.statement import Statement, Unit, read_statement, settle_roles
from fengong.readers.vocabulary import LEAD_RULE, RESPONSIBLE, SEPARATOR, column_role, rule_extent
from fengong.records import PlanRecord, Problem, ReadError, SourceText, Span, TaskRecord, UnitMention
from fengong.textrepair import normalise, repair

CONTINUED = re.compile(r"^\s*[（(]?续表\s*\d*[）)]?\s*$")
NOTE = re.compile(r"^\s*(?:注|说明|备注)\s*[:：]")
SAME_AS_ABOVE = {"同上", "同上栏", "同左"}
SAMPLE = 30  # body lines looked at to tell a layout table from text that only has a header-like line
ALIGNED = 0.8  # the share of those lines that must stand clear of the boundaries
RUNNING_HEAD = 4  # lines between a page number and the repeated header that are the page's running head
HEADER_LINES = 3  # lines a header may take (a cell over the cells under it, a header word wrapped)
JOINS = 4  # junctions of a unit cell tried both ways (2**JOINS readings at most)


@dataclass(frozen=True)
class Layout:
    """Where a layout table's header stands and how its columns are cut."""

    header: Line
    columns: Columns
    names: tuple[tuple[str, ...], ...]  # each header line's cells, spaces dropped: how a repeated header is known
    bounds: tuple[int, ...]  # the first column of each column but the first (display or character measure)
    display: bool  # positions measured in display columns (CJK two wide) rather than characters


@dataclass
class _Row:
    number: int
    line: Line
    cells: dict[int, list[Span]] = field(default_factory=dict)  # column → its pieces, line by line
    end: int = 0
    above: int = 0  # the lines of its cells printed above its number's line (cells centred in the row)
    page: int = 0  # the page it stands on (by the page numbers passed)


def _runs(text: str) -> list[tuple[int, int]]:
    """The runs of text of a line, as (first character, past the last)."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def _header_cells(text: str) -> list[tuple[int, int]] | None:
    """The cells of a header line (runs of text apart by spaces), two runs one space apart joined where they
    read as one header together and the first alone does not (序 号, 牵头 单位); None for a line of tabs or pipes."""
    if "\t" in text or "|" in text:
        return None
    merged: list[tuple[int, int]] = []
    for run in _runs(text):
        if (merged and text[merged[-1][1] : run[0]] == " " and not is_header_cell(text[merged[-1][0] : merged[-1][1]])
                and is_header_cell(text[merged[-1][0] : run[1]])):
            merged[-1] = (merged[-1][0], run[1])
        else:
            merged.append(run)
    return merged


def find(lines: list[Line], drawn: dict[int, tuple[int, ...]] | None = None) -> Layout | None:
    """The first layout table among ``lines``: a header line (and the header lines right under it) whose columns
    the lines after it keep to, or whose columns a drawing gives (``drawn``: by the header's line number, where
    pandoc's rules put the columns, :func:`fengong.readers.markdown.drawn_columns`)."""
    for i, line in enumerate(lines):
        cells = _header_cells(repair(line.text))
        if not cells:
            continue
        if len(cells) > 1 and all(line.text[b:c] == " " for (_, b), (c, _) in zip(cells, cells[1:], strict=False)):
            continue  # cells a single space parts: a row of the space-separated form
        block = [line]
        words = len(cells) >= 2 and all(_header_word(line.text[a:b]) for a, b in cells)  # not a title over one
        for below in lines[i + 1 : i + HEADER_LINES] if words else []:
            under = _header_cells(repair(below.text))
            if not under or not all(_header_word(below.text[a:b]) for a, b in under):
                break
            block.append(below)
        alone = len(cells) >= 3 and map_header([line.text[a:b] for a, b in cells]) is not None
        if not (words or alone):
            continue  # a line holding anything but header words opens no header: not worth measuring
        around = _around(lines, i)
        for tried in ([block, [line]] if alone and len(block) > 1 else [block]):
            if around is not None and tried == [line]:
                tried = [line, around[1]]
            layout = _measured(tried, lines[i + len(tried) : i + len(tried) + SAMPLE * 2],
                               (drawn or {}).get(line.number), around and around[0])
            if layout is not None:
                return layout
    return None


def _around(lines: list[Line], i: int) -> tuple[Line, Line] | None:
    """The two halves of a header word wrapped in its narrow cell while the header's other cells stand centred on
    the line between them (``序`` above the header line, ``号`` under it, in one place): the line above and the
    line under, or None."""
    if i == 0 or i + 1 >= len(lines):
        return None
    upper, lower = (_runs(repair(ln.text)) for ln in (lines[i - 1], lines[i + 1]))
    if len(upper) != 1 or len(lower) != 1 or upper[0][0] != lower[0][0]:
        return None
    name = (lines[i - 1].text[slice(*upper[0])] + lines[i + 1].text[slice(*lower[0])]).strip()
    free = not lines[i].text[upper[0][0] : upper[0][1] + 1].strip()  # the header line leaves its place empty
    return (lines[i - 1], lines[i + 1]) if free and len(name) <= 4 and is_header_cell(name) else None


def _header_word(text: str) -> bool:
    """A cell a header line under the first may hold: a header, a short label, or a wrapped header's last
    character (序 / 号)."""
    name = re.sub(r"\s+", "", normalise(text))
    return header_like(name) or bool(re.fullmatch(r"[\u4e00-\u9fff]", name))


def _header(block: list[Line], display: bool, above: Line | None = None) -> tuple[list[tuple[int, int, str]], int]:
    """The header's cells — (first column, past the last, name) in the measure — over the lines of ``block``, and
    how many of its lines the header takes (a line under it that merges into no header is none of it). ``above``:
    the first half of a header word whose second half is ``block``'s second line (:func:`_around`)."""
    def cells_of(line: Line) -> list[tuple[int, int, str]]:
        text = repair(line.text)
        at = positions(text + " ", display)
        return [(at[a], at[b], re.sub(r"\s+", "", text[a:b])) for a, b in _header_cells(text) or []]

    cells, used = cells_of(block[0]), 1
    if above is not None:  # 序 / 号 around the line: one cell of its own, 序号
        (a, b, upper), (_, d, lower) = cells_of(above)[0], cells_of(block[1])[0]
        return sorted([*cells, (a, max(b, d), upper + lower)]), 2
    for line in block[1:]:
        merged = _spanned(cells, cells_of(line))
        if merged is None:
            break
        cells, used = merged, used + 1
    return cells, used


def _spanned(upper: list[tuple[int, int, str]], lower: list[tuple[int, int, str]]) -> list[tuple[int, int, str]] | None:
    """A header line's cells with the line under it merged in, or None when the lower line is no part of the
    header. Each lower cell stands under the upper cell whose stretch (to the middle of the gaps to its
    neighbours) holds its middle: several under one cell are its sub-columns (责任单位 over 牵头单位 | 配合单位;
    a bare 牵头 | 配合 takes the upper's noun: 配合单位); one alone is the upper header's sub-column where both are
    headers (责任单位 over 牵头单位), else the rest of a wrapped word (牵头 / 单位, 完成 / 时限)."""
    mids = [(end + start) / 2 for (_, end, _), (start, _, _) in zip(upper, upper[1:], strict=False)]
    under: list[list[tuple[int, int, str]]] = [[] for _ in upper]
    out: list[tuple[int, int, str]] = []
    named: list[str] = []
    for cell in lower:
        k = _column((cell[0] + cell[1]) / 2, mids)
        if column_role(upper[k][2]) is None and (cell[1] <= upper[k][0] or upper[k][1] <= cell[0]):
            out.append(cell)  # beside a header that spans no units (重点任务), under none: a column of its own
            named.append(cell[2])
        else:
            under[k].append(cell)
    for (start, end, name), cells in zip(upper, under, strict=True):
        if cells and (end <= min(a for a, _, _ in cells) or max(b for _, b, _ in cells) <= start):
            return None  # the cells under a header stand clear of it: the lines are not aligned in this measure
        if len(cells) == 1:
            low = cells[0][2]
            if is_header_cell(name) and is_header_cell(low) and not is_header_cell(name + low):
                joined = low
            elif is_header_cell(name + low) or name + low in OTHER_HEADERS:
                joined = name + low
            elif is_header_cell(name) and name.endswith(low):
                joined = name  # the noun a sub-column took from the cell over it, printed under it after all
            else:
                return None
            out.append((min(start, cells[0][0]), max(end, cells[0][1]), joined))
            named.append(joined)
            continue
        for a, b, low in cells:
            sub = low if is_header_cell(low) or not is_header_cell(low + name[-2:]) else low + name[-2:]
            out.append((a, b, sub))
            named.append(sub)
        if not cells:
            out.append((start, end, name))
    return sorted(out) if any(is_header_cell(n) for n in named) else None


def _measured(block: list[Line], after: list[Line], drawn: tuple[int, ...] | None = None,
              above: Line | None = None) -> Layout | None:
    """The layout of the table under the header ``block`` in the measure its body keeps to, or None when the lines
    after it do not keep to the header's columns (text that only has a header-like line). A table drawn with
    rules (``drawn``: where its columns begin, in display columns) is cut where the drawing puts its columns, as
    the format defines them, whatever the text after it."""
    body = []
    for line in after:
        text = repair(line.text)
        if not text.strip() or PAGE_NUMBER.match(text) or CONTINUED.match(text):
            continue
        if NOTE.match(text):
            break
        if SECTION_ROW.match(text) and len(text.split()) == 1:
            continue  # 一、… on a line of its own: a section row across the columns
        body.append(text)
        if len(body) == SAMPLE:
            break
    best: tuple[tuple[float, int, int], Layout] | None = None
    for display in (True, False):
        cells, used = _header(block, display, above)
        if used < len(block) or len(cells) < 3:
            continue  # a line of the block is no part of the header in this measure
        columns = map_header([name for _, _, name in cells])
        if columns is None:
            continue
        spans = [(a, b) for a, b, _ in cells]  # each header cell's first and past-last column
        if display and drawn is not None and len(drawn) == len(cells) - 1:
            lines = tuple(tuple(re.sub(r"\s+", "", ln.text[a:b]) for a, b in _header_cells(repair(ln.text)) or [])
                          for ln in block)
            return Layout(block[0], columns, lines, drawn, display)
        pieces = [[(p[a], p[b]) for a, b in _runs(text)] for text in body for p in [positions(text + " ", display)]]
        bounds = []
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            # the boundary: in the gap between the two headers' words, where the body's runs cross it least (the
            # one nearest the right-hand header among those)
            bounds.append(min(range(end, start + 1),
                              key=lambda x: (sum(a < x < b for row in pieces for a, b in row), start - x)))
        crossing = sum(a < x < b for line in pieces for a, b in line for x in bounds)
        clear = [line for line in pieces if all(not any(a < x < b for x in bounds) for a, b in line)]
        kept = [line for line in pieces if not _crossing(line, bounds, display)]  # clear, or overflowing only
        rows = [line for line in pieces if len({_column(a, bounds) for a, _ in line}) >= 2]
        if len(body) < 2 or len(rows) < 2:
            continue
        # how far the runs that open a column's cell stand from its header's first column
        off = sum(min(abs(a - s) for s, _ in spans) for line in pieces for a, _ in line)
        key = (len(clear) / len(body), -crossing, -off)
        if len(kept) / len(body) >= ALIGNED and (best is None or key > best[0]):
            lines = tuple(tuple(re.sub(r"\s+", "", ln.text[a:b]) for a, b in _header_cells(repair(ln.text)) or [])
                          for ln in [*block, *([above] if above else [])])
            best = (key, Layout(block[0], columns, lines, tuple(bounds), display))
    return None if best is None else best[1]


def _column(at: float, bounds: tuple[int, ...] | list[int]) -> int:
    return sum(at >= x for x in bounds)


def _homes(runs: list[tuple[int, int]], bounds: tuple[int, ...] | list[int], display: bool) -> list[int]:
    """The column each of a line's runs (first and past-last column) opens: the one its first column falls in,
    but a run opening a character before a boundary one space after a run of that column opens the next column's
    cell (cells printed a space apart, each a character off its place as the measure counts it: a line of figures
    prints narrower: ``…惠及农村人口 输局、区林水局``, ``10 开展…``)."""
    near = 2 if display else 1
    homes = [_column(a, bounds) for a, _ in runs]
    for n, (a, _) in enumerate(runs):
        if n and a - runs[n - 1][1] == 1 and homes[n - 1] == homes[n] < len(bounds) and bounds[homes[n]] - a <= near:
            homes[n] += 1
    return homes


def _last_past(home: int, past: int, bounds: tuple[int, ...] | list[int], display: bool) -> bool:
    """True for a run whose last character alone stands past its column's edge (a character is no cell: a line
    a character longer as the measure counts it): it stays whole."""
    return home < len(bounds) and 0 < past - bounds[home] <= (2 if display else 1)


def _crossing(runs: list[tuple[int, int]], bounds: tuple[int, ...] | list[int], display: bool = False) -> bool:
    """True when a line's runs (first and past-last column) cross a boundary other than by overflowing: a run
    printed past its column's edge into a column whose own cell stands apart on the line (a long name run past
    its header) keeps to the layout; a run across into a column with nothing else on the line (two cells run
    together, or a last character alone: the measure is not proved) or across two boundaries does not."""
    opens = set(_homes(runs, bounds, display))
    return any(_column(b - 1, bounds) not in opens or sum(a < x < b for x in bounds) > 1
               for a, b in runs if any(a < x < b for x in bounds))


def read(source: SourceText, layout: Layout, slug: str | None = None, jurisdiction: str | None = None) -> PlanRecord:
    """Read the layout table ``layout`` of ``source`` (:func:`find`) into a plan."""
    text = blank_marks(repair(source.raw))  # pandoc's rules and borders (blank_drawn_tables) are layout
    index = LineIndex(text)
    plan = new_plan(source, LineIndex(source.raw), slug, jurisdiction)
    problems = plan.problems
    lexicon = lexicon_for(plan.jurisdiction)
    columns = layout.columns
    title = _title_before(index, layout.header.number)
    parts: list[tuple[str, Span | None, list[TaskRecord]]] = [
        (normalise(title.text) if title else "任务分工", Span(title.start, title.end, title.number) if title else None,
         [])]
    rows: list[tuple[int, _Row]] = []  # (part, row)
    rule: Span | None = None
    ends: dict[int, int] = {}  # a piece's end offset → the column past it
    lines = index.lines[layout.header.number :]
    # the lines read since the last row's number, not yet given to a row: a table whose cells are centred in their
    # rows (pdfplumber's grid: the 序号 on a row's middle line, a taller cell's lines above it) prints some of a
    # row's lines before its number; there each row takes as many lines below its number as above it, the rest
    # going up to the next row
    pending: list[tuple[Line, dict[int, list[Span]]]] = []
    centred = False
    gap: int | None = None  # how many pending lines stand before the first blank line among them
    padded = False  # blank lines stand between the lines of the first row (a grid's padding), not only between rows
    page = 0

    def place(row: _Row, taken: list[tuple[Line, dict[int, list[Span]]]]) -> None:
        for line, cut in taken:
            for k, pieces in cut.items():
                row.cells.setdefault(k, []).extend(pieces)
            row.end = max(row.end, line.end)

    def flush() -> None:  # a section row or the table's end: the lines left belong to the last row
        nonlocal gap
        gap = None
        if rows and rows[-1][0] == len(parts) - 1:
            place(rows[-1][1], pending)
        else:
            for line, _ in pending:
                problems.append(Problem(source.path, line.number, f"text before the first row of the table: "
                                                                  f"{normalise(line.text)!r}", "warning"))
        pending.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.blank:
            gap = len(pending) if gap is None and pending else gap
            continue
        if CONTINUED.match(line.text) or _is_header(line.text, layout):
            continue
        if PAGE_NUMBER.match(line.text):
            page += 1
            ahead = [k for k in range(i, len(lines)) if not lines[k].blank][: RUNNING_HEAD + 1]
            repeat = next((k for k in ahead if _is_header(lines[k].text, layout)), None)
            if repeat is not None:
                i = repeat + 1  # the next page's running head and the header printed again
            continue
        if NOTE.match(line.text):
            flush()
            found = LEAD_RULE.search(text, line.start, line.end)
            if found is not None:
                start = line.start + len(line.text) - len(line.text.lstrip())
                rule = Span(start, max(rule_extent(text[: line.end], found), found.end()), line.number)
            break
        content = normalise(line.text)
        if SECTION_ROW.match(content) and len(line.text.split()) == 1 and not NUMBER.match(content):
            flush()
            start = line.start + len(line.text) - len(line.text.lstrip())
            parts.append((content, Span(start, line.start + len(line.text.rstrip()), line.number), []))
            continue  # 一、优化营商环境 on a line of its own: a section of the table
        cut = _cut(line, layout, ends)
        if cut is None:
            break  # prose across the columns: the table has ended
        first = columns.number if columns.number is not None else 0
        head = normalise(_joined(text, cut.get(first, []))[0])
        if not head:
            pending.append((line, cut))
            continue
        number = NUMBER.match(head)
        if number is None and columns.number is not None:
            break  # text in the number column that is no number: the table has ended
        if rows and rows[-1][0] == len(parts) - 1:  # the row above takes its lines below its number
            below = rows[-1][1].above if centred else len(pending)
            if centred and not padded and gap is not None:
                below = gap  # a ruled table's rows stand a blank line apart: the gap parts them
            place(rows[-1][1], pending[:below])
            pending[:below] = []
        else:  # the first row of the table or of a section: the lines above its number are its own
            padded = padded or (not centred and bool(pending) and gap is not None)  # blank lines part nothing
            centred = centred or bool(pending)
        row = _Row(int(number.group(1)) if number else len(rows) + 1, line, above=len(pending), page=page)
        rows.append((len(parts) - 1, row))
        place(row, [*pending, (line, cut)])
        pending.clear()
        gap = None
    flush()
    check_sequence([(row.number, row.line.number) for _, row in rows], source.path, problems)
    # how far each column's text reaches (a cell that overflowed past its column's edge aside): a line of a cell
    # that stops short of it was broken on purpose; page by page, as a page's table may stand a column further over
    edge = {k: layout.bounds[k] if k < len(layout.bounds) else None for k, _ in columns.units}
    reach = {(page, k): max(found) for page in {row.page for _, row in rows} for k, _ in columns.units
             if (found := [ends[p.end] for _, row in rows if row.page == page for p in row.cells.get(k, [])
                           if edge[k] is None or ends[p.end] <= edge[k]])}
    room = 4 if layout.display else 2  # two characters' room: a wrap may carry a character down with 、
    spanning = open_cells(source.raw)  # pandoc's grid: a cell with no border under it spans the row below too
    for (_, above), (_, row) in zip(rows, rows[1:], strict=False):
        for start in spanning.get(row.line.number - 1, []) if layout.display else []:
            k = _column(start, layout.bounds)
            cell = above.cells.setdefault(k, [])  # one cell: what the row below prints in it goes on with it
            cell.extend(row.cells.get(k, []))
            row.cells[k] = cell
    _merge_leads(rows, columns, text, index, centred)
    previous: dict[int, list[Span]] = {}
    for part, row in rows:
        for k, _ in columns.units:
            if normalise(_joined(text, row.cells.get(k, []))[0]) in SAME_AS_ABOVE and k in previous:
                row.cells[k] = previous[k]  # 同上: the cell of the row above
        previous = {k: row.cells.get(k, []) for k, _ in columns.units}
        full = {p.end for page, k in reach if page == row.page for p in row.cells.get(k, [])
                if ends.get(p.end, 0) >= reach[page, k] - room}
        task = _task(source, text, index, columns, row, problems, lexicon, full)
        if task is not None:
            parts[part][2].append(task)
    rows_at = {n for _, row in rows for n in range(row.line.number, index.line_of(row.end) + 1)}
    carried = carried_by_notes(source, lexicon, rows_at)  # 注：各省（区、市）人民政府负责…，表中不再一一列出
    plan.sections = sections_of(parts, columns, rule or document_rule(source), source, carried)
    plan.items = section_items(parts, source)
    if not plan.sections:
        raise ReadError(problems + [Problem(source.path, layout.header.number, "a table header was found but no "
                                                                              "row with units follows it")])
    return plan


def _merge_leads(rows: list[tuple[int, _Row]], columns: Columns, text: str, index: LineIndex, centred: bool) -> None:
    """Give a row whose 牵头单位 is empty while it names other units the lead of the cell merged over it
    (:func:`fengong.readers.rows.merged_lead`): printed once, in the first row of the span where the table's cells
    stand at the top of their rows, and centred over the span where they are centred in them (pdftotext
    -layout), so there the row next to it whose lead stands nearer — on the lines between the two rows' texts."""
    def texts(row: _Row) -> list[str]:
        return [normalise(_joined(text, row.cells.get(k, []))[0]) for k in range(columns.width)]

    leads = [k for k, role in columns.units if role == "lead"]
    for n, (part, row) in enumerate(rows):
        first, last = min(p.line for ps in row.cells.values() for p in ps), index.line_of(row.end)
        near = []
        for m in (n - 1, n + 1) if centred else (n - 1,):
            if 0 <= m < len(rows) and rows[m][0] == part and merged_lead(texts(row), texts(rows[m][1]), columns):
                printed = [p.line for k in leads for p in rows[m][1].cells.get(k, [])]
                near.append((min(abs(line - (first if m < n else last)) for line in printed), m))
        if len(near) == 1 or (near and near[0][0] != near[1][0]):  # two as near: which span is not said
            source = rows[min(near)[1]][1]
            row.cells.update({k: source.cells[k] for k in leads if k in source.cells})


def _is_header(text: str, layout: Layout) -> bool:
    cells = _header_cells(repair(text))
    return bool(cells) and tuple(re.sub(r"\s+", "", text[a:b]) for a, b in cells) in layout.names


def _cut(line: Line, layout: Layout, ends: dict[int, int]) -> dict[int, list[Span]] | None:
    """The line's pieces by column (each character in the column its first display column falls in), or None for
    a line whose runs of text cross two boundaries or more (prose, not a row)."""
    text = repair(line.text)
    at = positions(text + " ", layout.display)
    cut: dict[int, list[int]] = {}
    runs = _runs(text)
    placed = [(at[a], at[b]) for a, b in runs]
    homes = _homes(placed, layout.bounds, layout.display)
    opens = set(homes)
    for (a, b), home, (first, past) in zip(runs, homes, placed, strict=True):
        crossed = sum(first < x < past for x in layout.bounds)
        if crossed >= 2:
            return None
        whole = _last_past(home, past, layout.bounds, layout.display)  # a last character alone past the edge
        for k in range(a, b):
            column = _column(at[k], layout.bounds)
            cut.setdefault(home if column in opens or whole else column, []).append(k)  # an overflow stays whole
    for ks in cut.values():
        ends[line.start + ks[-1] + 1] = at[ks[-1] + 1]  # the column just past the piece's last character
    return {col: [Span(line.start + ks[0], line.start + ks[-1] + 1, line.number)] for col, ks in cut.items()}


def _title_before(index: LineIndex, header_line: int) -> Line | None:
    for ln in reversed(index.lines[: header_line - 1]):
        if not ln.blank:
            return ln
    return None


def _joined(text: str, pieces: list[Span], breaks: tuple[bool, ...] = ()) -> tuple[str, list[int]]:
    """The pieces of a cell joined (a separator 、 put in where ``breaks`` says the pieces are names of their own),
    with the offset in the text of each character (a separator put in: the next piece's first)."""
    out: list[str] = []
    where: list[int] = []
    for n, piece in enumerate(pieces):
        if n and n - 1 < len(breaks) and breaks[n - 1] and text[piece.start] not in SEPARATOR:
            out.append("、")  # (a piece that opens with its separator has it: 市发改委 / 、市人防办)
            where.append(piece.start)
        for k in range(piece.start, piece.end):
            if text[k].isspace() and (not out or out[-1].isspace()):
                continue
            out.append(text[k])
            where.append(k)
    return "".join(out), where


def _read_cell(text: str, pieces: list[Span], role: str, lexicon: Lexicon,
               full: set[int]) -> tuple[Statement, list[int]] | None:
    """A unit cell read by the grammar, the column's header as its label: its pieces joined where a piece ends in
    a separator; a break between names where a piece stops short of its column's reach (``full``: the ends of
    the pieces that reach it); both tried elsewhere (see the module's docstring)."""
    ends = SEPARATOR + "，,；;"
    # a piece that stops short of the column's reach ends a name, save where what it ends with is no name alone
    # (省文旅厅、省体育局、省老 / 龄办: a layout that cuts the cell's lines unevenly): both readings are tried there
    either = [n for n, piece in enumerate(pieces[:-1])
              if piece.end in full or not lexicon.recognise(_tail(text, piece))]
    # but a cell that parts its units with separators wraps there: 司、国家 / 中医药局 / 医政司 is one name, however
    # many the gazetteer would know in its pieces (a 、 inside one collective, 各区、县（市）政府, parts none)
    parted = any(_parts_units(text, piece, ends, role, lexicon) for piece in pieces)
    open_joins = [n for n, piece in enumerate(pieces[:-1])
                  if text[piece.end - 1] not in ends and n in either and not parted]
    short = [n for n, piece in enumerate(pieces[:-1]) if text[piece.end - 1] not in ends and n not in either]
    best = None
    for choice in product((False, True), repeat=min(len(open_joins), JOINS)):
        breaks = [n in short for n in range(max(len(pieces) - 1, 0))]
        for n, broken in zip(open_joins, choice, strict=False):
            breaks[n] = broken
        joined, where = _joined(text, pieces, tuple(breaks))
        statement = read_statement(joined, 0, len(joined), pieces[0].line, lexicon, label_role=role)
        if statement is None or not statement.units:
            continue
        # a collective the grammar reads whole (各区、县（市）政府) is as sure a name as one the gazetteer knows
        known = sum(u.recognised in ("gazetteer", "collective") for u in statement.units)
        vouched = sum(u.recognised == "label" for u in statement.units)
        key = (known - vouched, -sum(choice))
        if best is None or key > best[0]:
            best = (key, statement, where)
    return None if best is None else (best[1], best[2])


def _parts_units(text: str, piece: Span, ends: str, role: str, lexicon: Lexicon) -> bool:
    """True where a separator in the piece stands between units, not inside a name the piece reads alone as one
    (``各区、县（市）政府``, ``各市、州、县人民政府``); a piece that reads as no statement (``司、国家``) counts its
    separators as it prints them."""
    piece_text = text[piece.start : piece.end]
    at = [k for k, c in enumerate(piece_text) if c in ends]
    if not at:
        return False
    statement = read_statement(piece_text, 0, len(piece_text), piece.line, lexicon, label_role=role)
    if statement is None or not statement.units:
        return True
    return any(not any(u.span.start <= k < u.span.end for u in statement.units) for k in at)


def _tail(text: str, piece: Span) -> str:
    """What a cell's piece ends with after its last separator: the name it ends with, or the first part of one
    the next line goes on with."""
    return normalise(re.split(rf"[{SEPARATOR}，,；;\s]", text[piece.start : piece.end].strip())[-1])


def _task(source: SourceText, text: str, index: LineIndex, columns: Columns, row: _Row, problems: list[Problem],
          lexicon: Lexicon, full: set[int]) -> TaskRecord | None:
    texts = [normalise(_joined(text, row.cells.get(k, []))[0]) for k in range(columns.width)]
    body = row.cells.get(columns.text_of(texts), [])
    if not body:
        problems.append(Problem(source.path, row.line.number, f"row {row.number} has no task text: not a task",
                                "warning"))
        return None
    units: list[Unit] = []
    open_ended = False
    for k, role in columns.units:
        pieces = row.cells.get(k, [])
        if not pieces or texts[k] in EMPTY_CELLS:
            continue
        found = _read_cell(text, pieces, role, lexicon, full)
        if found is None:
            problems.append(Problem(source.path, pieces[0].line, f"row {row.number}: the unit cell {texts[k]!r} "
                                                                 "could not be read", "warning"))
            continue
        statement, where = found
        open_ended = open_ended or statement.open
        for u in statement.units:
            start, end = where[u.span.start], where[u.span.end - 1] + 1
            units.append(Unit(u.name, Span(start, end, index.line_of(start)), u.role, u.recognised, u.marked))
    if not units:
        problems.append(Problem(source.path, row.line.number, f"row {row.number} names no units: not a task",
                                "warning"))
        return None
    settled, basis = settle_roles(units, RESPONSIBLE)  # the others' role is the table's rule's (sections_of)
    mentions = tuple(UnitMention(u.name, i, u.role, u.span, recognised=u.recognised, marked=u.marked)
                     for i, u in enumerate(settled, 1))
    span = Span(body[0].start, body[-1].end, body[0].line)
    first = min(s.start for pieces in row.cells.values() for s in pieces)
    return replace(TaskRecord(number=row.number, text=texts[columns.text_of(texts)], span=span, units=mentions,
                              open_ended=open_ended, reading="column", lead_basis=basis, label=str(row.number)),
                   row_span=Span(first, row.end, row.line.number))
