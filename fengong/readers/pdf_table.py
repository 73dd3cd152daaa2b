"""Read a task-division table whose text was extracted from a PDF (the Jilin form, and its wider kin).

The table's header is one line — 序号 工作任务 负责单位 (the Jilin form), or 序号 重点任务 牵头单位 配合单位 完成时限:
the number, the task, one or more unit columns, and columns after them that name no units — repeated at the top
of each page. Text extraction flattens the rows: each row starts with its number on a line of its own (or
followed by the task text), the task text wraps over several lines, and the unit cells follow, themselves wrapped,
sometimes in the middle of a name (``省公安\\n厅``, ``省发展改\\n革委``), sometimes on the same line as the end of
the text or as each other (``划暠 省残联、省体育局``, ``…的应用 省农业农村厅 省林草局、省财政厅 持续推进``). A note
after the table (注:负责单位中列第一位者为牵头单位,其余为主要参与单位。) says how list order maps to roles.

Reading one row: every line start and every space inside a line is a place where a cell could begin. The unit
list begins at the first place, after a blank line if there is such a place, from which the rest of the row
splits into the unit cells (each of unit names only) and the cells after them; where several splits do, the one
naming the most bodies the gazetteer knows wins (``省发展改\\n革委`` is one name, not a text ending in 省发展改).

Text extracted with its layout kept (``pdftotext -layout``: columns padded with spaces, cells wrapped inside them)
is the other form of the PDF's table: :mod:`fengong.readers.layout` cuts it at its header's columns (the
``pdf-table`` reader tries it first, :func:`fengong.readers.detect.read_pdf_table`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import combinations, product

from fengong.readers.flat_table import wrapped_cells
from fengong.readers.lexicon import Lexicon, lexicon_for
from fengong.readers.lines import (
    PAGE_NUMBER,
    Line,
    LineIndex,
    bare_page_numbers,
    blank_lines,
    blank_out,
    running_heads,
)
from fengong.readers.markdown import blank_marks
from fengong.readers.rows import (
    EMPTY_CELLS,
    OTHER_HEADERS,
    SECTION_ROW,
    Columns,
    document_rule,
    is_header_cell,
    map_header,
    read_pieces,
    restarting_parts,
    section_items,
)
from fengong.readers.statement import Statement, read_statement, settle_roles
from fengong.readers.vocabulary import LEAD_RULE, RESPONSIBLE, rest_role
from fengong.records import (
    ItemRecord,
    Problem,
    ReadError,
    SectionRecord,
    SourceText,
    Span,
    TaskRecord,
    UnitMention,
)
from fengong.textrepair import normalise, repair

HEADER = re.compile(
    r"^\s*序\s*号\s*(工\s*作\s*)?任\s*务(\s*内\s*容)?\s*(负\s*责|牵\s*头|责\s*任)\s*(单\s*位|部\s*门)\s*$"
)
ROW_START = re.compile(r"^\s*(\d{1,3})(?:\s+(\S.*))?\s*$")
NOTE = re.compile(r"^\s*注\s*[:：]")
INNER_ROW_START = re.compile(r"(?<=\S)[ \t]+(\d{1,3})[ \t]+(?=[\u4e00-\u9fff])")
SPACES = re.compile(r"[ \u3000]+")
DISTRIBUTION = re.compile(r"^\s*(?:抄送|分送|印发)\s*[:：]")
SECTION_MAX = 40  # a section row (一、…) is a heading, not a cell's wrapped line
PROSE = 30  # a line longer than this ending in 。 after a complete row is a paragraph after the table


@dataclass
class _Row:
    number: int
    lines: list[Line]  # the row's lines, the number line first; blank lines kept as gaps
    text_start: int  # offset where the row's content begins (after the number)
    section: Line | None = None  # the section row (一、…) the row stands under


def read_table(source: SourceText, jurisdiction: str | None = None) -> tuple[SectionRecord, list[Problem]]:
    """Find the task-division table in ``source`` and read all its rows.

    Raises :class:`ReadError` when the text holds no recognisable table. Malformed rows are returned as
    problems naming their line; rows that could be read are kept.
    """
    section, _, problems = read_table_items(source, jurisdiction)
    return section, problems


def read_table_items(source: SourceText, jurisdiction: str | None = None
                     ) -> tuple[SectionRecord, list[ItemRecord], list[Problem]]:
    """:func:`read_table`, with the outline items its section rows make where the table numbers its rows anew in
    each section (``二、提升服务品质`` / 1 2 3: item ``2``, its row ``3`` task ``2.3``)."""
    text = blank_marks(repair(source.raw))  # Markdown's marks (### — 5 —, ## 附件) are layout: offsets stay put
    first_header = next((ln for ln in LineIndex(text).lines if header_columns(ln.text)), None)
    if first_header is None:
        raise ReadError([Problem(source.path, 1, "no task-division table found: no header line "
                                 "like '序号 工作任务 负责单位'")])
    columns = header_columns(first_header.text)
    # the header repeated at the top of each page, and page numbers, are furniture
    masked, pages = blank_out(text, PAGE_NUMBER.match)
    bare = bare_page_numbers(masked)  # a booklet's bare 6 before a blank gap and the running head
    masked, pages = blank_lines(masked, bare), sorted(set(pages) | bare)
    # the running head after a page number too: above the header printed again, never the row under it
    heads = set(running_heads(masked, pages))
    masked, headers = blank_out(blank_lines(masked, heads), header_columns)
    furniture = frozenset(pages) | heads | set(headers)  # blanked, but no blank line parting a row's cells
    index = LineIndex(masked)
    problems: list[Problem] = []
    body = [ln for ln in index.lines if ln.number > first_header.number]
    note = next((ln for ln in body if NOTE.match(ln.text)), None)
    if note is not None:
        body = [ln for ln in body if ln.number < note.number]

    lexicon = lexicon_for(jurisdiction)
    rows = _split_rows(body, source.path, problems, lexicon, masked, columns)
    if not rows:
        raise ReadError([Problem(source.path, first_header.number,
                                 "a table header was found but no numbered rows follow it")])
    rule = _rule(source, masked, note, rows, problems, columns)
    rest = rest_role(source.quote(rule)) if rule is not None else "participant"
    once = [_read_row(r, masked, index, source.path, [], lexicon, rest, columns, furniture=furniture) for r in rows]
    # a name the table prints in its other rows is a body's name, where the gazetteer knows neither split's
    printed = Counter(name for t in once if t is not None for name in {u.name for u in t.units})
    tasks = []
    for r, t in zip(rows, once, strict=True):
        own = Counter({u.name for u in t.units}) if t is not None else Counter()
        tasks.append(_read_row(r, masked, index, source.path, problems, lexicon, rest, columns,
                               frozenset(printed - own), furniture))
    under = [r.section for r, t in zip(rows, tasks, strict=True) if t is not None]
    tasks = [t for t in tasks if t is not None]
    if len(columns.texts) > 1:
        tasks = _grouped_texts(tasks, masked, index)
    tasks, items = _restarting(tasks, under, source)

    title_line = _title_before(index, first_header.number)
    role_rule = normalise(source.quote(rule)) if rule is not None else None
    basis = "stated" if rule is not None else "convention"
    listed = "rule" if basis == "stated" else "convention"
    tasks = [replace(t, lead_basis=listed) if t.lead_basis == "listed-first" else t for t in tasks]
    end = (note or rows[-1].lines[-1]).end
    section = SectionRecord(
        key="annex-1",
        title=normalise(title_line.text) if title_line else "任务分工",
        span=Span(title_line.start if title_line else first_header.start, end,
                  title_line.number if title_line else first_header.number),
        role_rule=role_rule,
        role_rule_span=rule,
        role_rule_basis=basis,
        tasks=tuple(tasks),
    )
    return section, items, problems


def _restarting(tasks: list[TaskRecord], under: list[Line | None], source: SourceText
                ) -> tuple[list[TaskRecord], list[ItemRecord]]:
    """Where the table numbers its rows anew under each section row (一、… 1 2 3, 二、… 1 2), the section rows are
    items and the rows their children (``2.3``, parent ``2``), as in a table of any other rendering; else the
    tasks as they are, and no items."""
    parts: list[tuple[str, Span | None, list[TaskRecord]]] = []
    for task, line in zip(tasks, under, strict=True):
        span = Span(line.start, line.end, line.number) if line is not None else None
        if not parts or parts[-1][1] != span:
            parts.append((normalise(line.text) if line is not None else "", span, []))
        parts[-1][2].append(task)
    heads = restarting_parts(parts)
    if not heads:
        return tasks, []
    keyed = [replace(t, key=f"{heads[n][0]}.{t.number}", parent=heads[n][0])
             for n, (_, _, part) in enumerate(parts) for t in part]
    return keyed, section_items(parts, source)


def header_columns(text: str) -> Columns | None:
    """The columns of a one-line table header: the Jilin form (``序号 工作任务 负责单位``, its letters spaced or
    not), or cells separated by spaces with the number first, the task next and the unit columns after it."""
    if HEADER.match(repair(text)):
        return Columns(0, 1, ((2, RESPONSIBLE),), 3, (1,))
    if "\t" in text:
        return None
    cells = SPACES.split(text.strip())
    if any(len(c) == 1 for c in cells):
        # letter-spaced (序 号 重 点 任 务 …), or a narrow cell wrapped in its column a letter a line (序 号)
        cells = _header_cells("".join(cells))
    columns = map_header(cells) if cells else None
    if columns is None or columns.number != 0 or columns.task != 1:
        return None
    # the task's columns (重点任务, 具体措施) first, then the unit columns side by side
    first = len(columns.texts) + 1
    if columns.texts != tuple(range(1, first)):
        return None
    return columns if [k for k, _ in columns.units] == list(range(first, first + len(columns.units))) else None


def _header_cells(letters: str) -> list[str] | None:
    """A letter-spaced header's cells: its letters cut into the fewest known header cells (序号 重点任务 牵头单位
    配合单位 完成时限), None where they do not cut so."""
    best: dict[int, list[str]] = {0: []}
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - 8), end - 1):
            piece = letters[start:end]
            if start in best and (is_header_cell(piece) or piece in OTHER_HEADERS) and (
                    end not in best or len(best[start]) + 1 < len(best[end])):
                best[end] = best[start] + [piece]
    return best.get(len(letters))


def _rule(source: SourceText, masked: str, note: Line | None, rows: list[_Row], problems: list[Problem],
          columns: Columns) -> Span | None:
    """The table's lead rule: its note (注:负责单位中列第一位者为牵头单位…), else a rule the document states
    elsewhere (in the notice sending the table out), else None, with a warning where no column names the lead:
    the convention applies."""
    if note is not None:
        start = note.start + len(note.text) - len(note.text.lstrip())
        if LEAD_RULE.search(masked, start, note.end):
            return Span(start, note.end, note.number)
    found = document_rule(source)
    if found is None and all(role != "lead" for _, role in columns.units):
        where = note.number if note is not None else rows[-1].lines[-1].number
        problems.append(Problem(source.path, where, "no note says which unit leads; the first listed is taken as "
                                                   "lead by convention", "warning"))
    return found


def _title_before(index: LineIndex, header_line: int) -> Line | None:
    """The table's title: the nearest non-blank line above the first header (e.g. 重点任务分工)."""
    for ln in reversed(index.lines[: header_line - 1]):
        if not ln.blank:
            return ln
    return None


def _ends_table(row: _Row, line: Line, masked: str, lexicon: Lexicon, columns: Columns) -> bool:
    """True for a long sentence after a row whose unit cells are complete: prose, not the row going on."""
    text = normalise(line.text)
    if len(text) <= PROSE or not text.endswith("。"):
        return False
    end = max(ln.end for ln in row.lines if not ln.blank)
    return _find_cells(row, masked, end, lexicon, columns) is not None


def _split_rows(body: list[Line], path: str, problems: list[Problem], lexicon: Lexicon,
                masked: str, columns: Columns) -> list[_Row]:
    rows: list[_Row] = []
    expected = 1
    aside = False  # after a section row (一、夯实算力和数据基础), until the next numbered row
    section: Line | None = None
    body = list(body)
    while body:
        ln = body.pop(0)
        inner = INNER_ROW_START.search(ln.text) if rows else None
        if inner is not None and int(inner.group(1)) == expected and ln.text[: inner.start()].strip():
            # the next row's number inside a line, after the last cell of the row before (kreuzberg runs a table's
            # rows together: 2026年9月 / 底 2 制定…): the line's rest opens that row
            cut = inner.start(1)
            body.insert(0, Line(ln.number, ln.start + cut, ln.end, ln.text[cut:]))
            ln = Line(ln.number, ln.start, ln.start + cut, ln.text[:cut])
        m = ROW_START.match(ln.text)
        if DISTRIBUTION.match(ln.text):
            break  # 抄送：… closes the document, and the table with it
        if not m and SECTION_ROW.match(normalise(ln.text)) and len(normalise(ln.text)) <= SECTION_MAX:
            aside, section = True, ln
            continue
        if aside and not m:
            continue
        anew = aside  # a section may number its rows anew
        aside = False
        if m:
            number = int(m.group(1))
            if number != expected and not (anew and number == 1):
                problems.append(Problem(path, ln.number, f"task number {number} is out of sequence "
                                        f"(expected {expected})"))
            offset = ln.start + (m.start(2) if m.group(2) else len(ln.text))
            rows.append(_Row(number, [ln], offset, section))
            expected = number + 1
        elif rows and _ends_table(rows[-1], ln, masked, lexicon, columns):
            break  # a paragraph of prose after the last row: the table has ended without a note
        elif rows:
            rows[-1].lines.append(ln)
        elif not ln.blank:
            units = _cell(ln.text, 0, len(ln.text), ln.number, lexicon, RESPONSIBLE)
            what = "units with no number" if units else "text before the first numbered row"
            problems.append(Problem(path, ln.number, f"{what}: {normalise(ln.text)!r}"))
    return rows


def _read_row(row: _Row, masked: str, index: LineIndex, path: str, problems: list[Problem],
              lexicon: Lexicon, rest: str, columns: Columns, elsewhere: frozenset[str] = frozenset(),
              furniture: frozenset[int] = frozenset()) -> TaskRecord | None:
    start_line = row.lines[0].number
    end = max(ln.end for ln in row.lines if not ln.blank)
    by_line = _by_visual_line(row, masked, lexicon, columns)
    if by_line is not None:
        pieces, cells = by_line
        text_start, text_end = pieces[0].start, pieces[-1].end
        text = normalise("".join(masked[p.start : p.end] for p in pieces))
    else:
        found = _find_cells(row, masked, end, lexicon, columns, elsewhere, furniture)
        if found is None:
            problems.append(Problem(path, start_line, f"task {row.number} has no unit list that can be read"))
            return None
        cut, cells = found
        text_end = cut
        while text_end > row.text_start and masked[text_end - 1].isspace():
            text_end -= 1
        text_start = row.text_start
        while text_start < text_end and masked[text_start].isspace():
            text_start += 1
        text = normalise(masked[text_start:text_end])
    units = [u for cell in cells if cell is not None for u in cell.units]
    settled, basis = settle_roles(units, rest)  # "listed-first" until the table's note is read
    mentions = tuple(
        UnitMention(u.name, i, u.role, Span(u.span.start, u.span.end, index.line_of(u.span.start)),
                    recognised=u.recognised, marked=u.marked)
        for i, u in enumerate(settled, 1)
    )
    return TaskRecord(
        number=row.number,
        text=text,
        span=Span(text_start, text_end, index.line_of(text_start)),
        units=mentions,
        open_ended=any(cell is not None and cell.open for cell in cells),
        reading="column",
        lead_basis=basis,
        label=str(row.number),
        row_span=Span(row.lines[0].start + len(row.lines[0].text) - len(row.lines[0].text.lstrip()), end,
                      start_line),
    )


def _grouped_texts(tasks: list[TaskRecord], masked: str, index: LineIndex) -> list[TaskRecord]:
    """A table with two task columns (重点任务 / 具体措施): where the first is printed only on the first of the
    numbered rows it spans (a cell merged over rows, empty below), it groups the rows, and each row's task is its
    next task column's cell. The text before the unit cells is split into the task columns' cells as columns
    wrap (:func:`fengong.readers.flat_table.wrapped_cells`); where every row fills the first column, it names the
    task as before."""
    widths: dict[int, int] = {}
    cells = []
    for task in tasks:
        lines = [Line(ln.number, max(ln.start, task.span.start), min(ln.end, task.span.end),
                      masked[max(ln.start, task.span.start) : min(ln.end, task.span.end)])
                 for ln in index.lines if ln.end > task.span.start and ln.start < task.span.end]
        cells.append(wrapped_cells(lines, 2, widths))
    if all(c is None or any(c[0]) for c in cells):
        return tasks
    out = []
    for task, split in zip(tasks, cells, strict=True):
        rest = [ln for group in split[1] for ln in group] if split is not None else []
        if not rest:
            out.append(task)
            continue
        start = rest[0].start + len(rest[0].text) - len(rest[0].text.lstrip())
        text = normalise("".join(masked[ln.start : ln.end] for ln in rest))
        out.append(replace(task, text=text, span=Span(start, rest[-1].end, rest[0].number)))
    return out


VISUAL_SPLITS = 20000  # ways to deal a row's pieces to its columns tried at most


def _by_visual_line(row: _Row, masked: str, lexicon: Lexicon,
                    columns: Columns) -> tuple[tuple[Span, ...], list[Statement | None]] | None:
    """A row copied by visual line (a PDF viewer's copy): its first line holds every cell's first line, run
    together with spaces (``1 建设智能算力中心，推动算 市工信局 市数据局、市财政局 2026年底``), and each later line
    the next lines of the cells that wrap, in column order (``易等数据服务业态 管局``: the task's and the
    配合单位's). Each piece is dealt to a column, in order on its line; the unit cells must read as unit names,
    the deal naming the most known bodies wins, then the one keeping pieces in the earliest columns (the task's
    text). ``(the task text's pieces, each unit cell's statement)``; None where the first line does not hold the
    unit cells."""
    lines = [ln for ln in row.lines if not ln.blank]
    pieces: list[list[Span]] = []
    for n, ln in enumerate(lines):
        start = row.text_start if n == 0 else ln.start
        pieces.append([Span(start + m.start(), start + m.end(), ln.number)
                       for m in re.finditer(r"\S+", masked[start : ln.end])])
    count = columns.width - 1  # the task, the unit columns, the columns after them
    roles = {k - 1: role for k, role in columns.units}
    if not pieces[0] or not len(roles) + 1 <= len(pieces[0]) <= count or any(len(p) > count for p in pieces):
        return None
    deals = [[(0, *c) for c in combinations(range(1, count), len(pieces[0]) - 1)]]
    deals += [list(combinations(range(count), len(p))) for p in pieces[1:] if p]
    pieces = [p for p in pieces if p]
    total = 1
    for d in deals:
        total *= len(d)
    if total > VISUAL_SPLITS:
        return None
    read: dict[tuple[Span, ...], Statement | None | bool] = {}
    best = None
    for deal in product(*deals):
        cells: list[list[Span]] = [[] for _ in range(count)]
        for line, columns_of in zip(pieces, deal, strict=True):
            for piece, column in zip(line, columns_of, strict=True):
                cells[column].append(piece)
        if not cells[min(roles)]:
            continue  # the first unit column (牵头单位) is printed on the row's first line
        statements = []
        for column, role in roles.items():
            key = tuple(cells[column])
            if key not in read:
                read[key] = _pieces_cell(masked, key, lexicon, role) if key else None
            statements.append(read[key])
        if any(s is False for s in statements):
            continue
        known = sum(u.recognised == "gazetteer" for s in statements if s for u in s.units)
        rank = (known, -sum(sum(d) for d in deal))
        if best is None or rank > best[0]:
            best = (rank, tuple(cells[0]), statements)
    return None if best is None else (best[1], best[2])


def _pieces_cell(masked: str, pieces: tuple[Span, ...], lexicon: Lexicon, role: str) -> Statement | None | bool:
    """A unit cell printed in pieces, read as :func:`_cell` reads one."""
    if normalise("".join(masked[p.start : p.end] for p in pieces)) in EMPTY_CELLS:
        return None
    block = read_pieces(masked, pieces, lexicon, role)
    if block is None or not block.units or any(u.recognised == "label" for u in block.units):
        return False
    return block


def _find_cells(row: _Row, masked: str, end: int, lexicon: Lexicon, columns: Columns,
                elsewhere: frozenset[str] = frozenset(), furniture: frozenset[int] = frozenset()
                ) -> tuple[int, list[Statement | None]] | None:
    """Where the unit cells begin, and each unit cell's statement (None for an empty cell); None when no split
    of the row works (see the module's docstring). ``elsewhere``: the names the table's other rows print, which
    rank a split after the gazetteer's (``…，编`` / ``制林下经济技术标准`` / ``科学技术司``: the text's last line is no
    part of 科学技术司, a name row 3 prints). ``furniture``: the blanked lines of a page break (its number, the
    header again), which part no cells (``市场监管总局、工`` / page / ``业和信息化部、商`` is one cell going on)."""
    places: list[tuple[int, bool]] = []  # (offset, follows a blank line)
    gap = False
    for ln in row.lines:
        if ln.blank:
            gap = gap or ln.number not in furniture
            continue
        line_start = max(ln.start, row.text_start) if ln is row.lines[0] else ln.start
        if ln is not row.lines[0]:
            places.append((line_start, gap))
        for m in re.finditer(r"\s+", masked[line_start:ln.end]):
            places.append((line_start + m.end(), False))
        gap = False
    line = row.lines[0].number
    roles = [role for _, role in columns.units]
    after = columns.width > 1 + len(columns.texts) + len(roles)  # cells after the unit columns (完成时限)
    read: dict[tuple[int, int, str], Statement | None | bool] = {}

    def cell(start: int, stop: int, role: str) -> Statement | None | bool:
        """The cell ``masked[start:stop]`` read as unit names, None when empty, False when it is not units."""
        if (start, stop, role) not in read:
            read[(start, stop, role)] = _cell(masked, start, stop, line, lexicon, role)
        return read[(start, stop, role)]

    best: tuple | None = None
    offsets = [off for off, _ in places] + [end]  # the cells after the unit columns may be empty
    for i, (first, after_gap) in enumerate(places):
        before = masked[row.text_start:first].strip()
        if not before or before.endswith(("、", "，", ",")):
            continue  # the task's text comes first, and a list does not end in a separator
        for cut in combinations(range(i + 1, len(offsets)), len(roles) - 1 + after):
            bounds = [first, *(offsets[k] for k in cut)] + ([] if after else [end])
            cells = [cell(a, b, role) for a, b, role in zip(bounds, bounds[1:], roles, strict=False)]
            if not cells[0] or any(c is False for c in cells):
                continue
            opening = cells[0].units[0]
            if opening.name[:1] in "和与及" and opening.recognised != "gazetteer":
                continue  # a list opens with no conjunction: …培育数据商 / 和第三方专业服务机构 goes on the text
            known = sum(u.recognised == "gazetteer" for c in cells if c for u in c.units)
            echoed = sum(u.name in elsewhere for c in cells if c for u in c.units)
            # the first place after a blank line, then the most known bodies, the most names the other rows print,
            # then the earliest place, then the longest unit cells
            key = (after_gap, known, echoed, -first, bounds[-1])
            if best is None or key > best[0]:
                best = (key, first, cells)
    return None if best is None else (best[1], best[2])


def _cell(masked: str, start: int, stop: int, line: int, lexicon: Lexicon, role: str) -> Statement | None | bool:
    """``masked[start:stop]`` read as a unit cell of the column's role: its statement when every piece is a
    unit name the lexicon accepts (the column's label does not vouch for a piece here: it is also how a cell is
    told from the task text), None for an empty cell, False otherwise."""
    if normalise(masked[start:stop]) in EMPTY_CELLS:
        return None
    block = read_statement(masked, start, stop, line, lexicon, label_role=role)
    if block is None or not block.units or any(u.recognised == "label" for u in block.units):
        return False
    return block
