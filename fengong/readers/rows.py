"""What the table readers share: header rows mapped to columns, and a table row made into a task.

A table's columns are known by their headers (序号, 工作任务, 牵头单位, 责任单位, 配合单位, 指导部门 …); columns
whose header names no role (推广范围, 完成时限, 备注) hold no units and are ignored. A row becomes a task when it
has a number, a text and at least one unit; otherwise its line is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from fengong.readers.frame import MISSING
from fengong.readers.lexicon import Lexicon
from fengong.readers.lines import Line, LineIndex
from fengong.readers.statement import Statement, Unit, read_statement, settle_roles, standing_units
from fengong.readers.vocabulary import (
    CJK_LABEL_STOP,
    COLUMN_ROLE_NOTE,
    LABEL_ROLES,
    LEAD_RULE,
    NOT_LISTED,
    NUMBER_HEADERS,
    RESPONSIBLE,
    SEPARATOR,
    column_role,
    numeral_value,
    rest_role,
    rule_extent,
    serving_column,
    task_header,
    unmarked_leads,
)
from fengong.records import ItemRecord, Problem, SectionRecord, SourceText, Span, TaskRecord, UnitMention
from fengong.textrepair import normalise

# pandas prints an empty or merged cell NaN in every rendering of a frame (to_string, markitdown's pipe tables)
EMPTY_CELLS = {"", "—", "-", "－", "/", "／", "无", "——"} | MISSING
NUMBER = re.compile(r"^\s*(\d{1,4})\s*[.．、]?\s*$")
SHORT_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,8}$")  # a header cell fengong has no name for: 时间节点, 责任领导
OTHER_HEADERS = {"推广范围", "完成时限", "完成时间", "时间进度", "进度安排", "时限", "备注", "预期成果", "工作目标",
                 "时间安排", "完成期限", "工作要求", "目标任务", "成果形式"}
SECTION_ROW = re.compile(
    rf"^\s*(?:[一二三四五六七八九十]{{1,3}}{CJK_LABEL_STOP}|[（(][一二三四五六七八九十]{{1,3}}[）)]"
    r"|第[一二三四五六七八九十]{1,3}(?:部分|章|节))"
)


@dataclass(frozen=True)
class Columns:
    """Which column holds what: the number, the task text, and the unit columns with their roles."""

    number: int | None
    task: int
    units: tuple[tuple[int, str], ...]  # (column index, role)
    width: int
    texts: tuple[int, ...] = ()  # every column whose header names a task (重点任务, 工作措施), the task's first

    def text_of(self, cells: list[str]) -> int:
        """The column holding a row's text: the task column, or where a merged cell left it empty (重点任务 over
        two rows, each with its own 工作措施), the next column that names the task."""
        return next((k for k in self.texts if k < len(cells) and cells[k] not in EMPTY_CELLS), self.task)


def map_header(cells: list[str]) -> Columns | None:
    """The columns a header row names, or None when it is no task-division header."""
    names = [re.sub(r"\s+", "", normalise(_unquoted(c))) for c in cells]
    number = next((i for i, n in enumerate(names) if n in NUMBER_HEADERS), None)
    texts = tuple(i for i, n in enumerate(names) if task_header(n))
    units = tuple((i, role) for i, n in enumerate(names) if (role := column_role(n)) is not None)
    if not texts or not units or all(serving_column(names[i]) for i, _ in units):
        return None
    return Columns(number, texts[0], units, len(names), texts)


def _unquoted(cell: str) -> str:
    """A header cell as a spreadsheet's CSV export may quote it, every text cell (LibreOffice's ``"序号","具体任务"``):
    its text (the line split at its commas before the CSV is parsed, as a header is sought)."""
    bare = cell.strip()
    return bare[1:-1].replace('""', '"') if len(bare) >= 2 and bare[0] == bare[-1] == '"' else cell


def sub_header(upper: list[str], lower: list[str]) -> list[str] | None:
    """The names of a header printed over two rows, or None when ``lower`` is no second row of ``upper``'s.

    A header cell spanning columns (责任单位 over 牵头 | 参与) leaves the role of each column to the row under it,
    whose other cells are empty or repeat the cell above (序号 and 重点任务 spanning both rows). Each column is
    named by its lower cell where it has one, a bare role word made a header (牵头 → 牵头单位). A converter that
    prints a row's cells only, ignoring spans (html2text), prints the lower row as the spanning cell's columns
    alone (``序号 | 重点任务 | 责任单位 | 完成时限`` over ``牵头单位 | 配合单位``): every lower cell a role word, fewer
    than the upper's, under the one upper cell that names units, which they replace."""
    names = [normalise(c) for c in upper]
    roles = [normalise(c) for c in lower]
    spanning = [k for k, name in enumerate(names) if column_role(name) is not None]
    if (1 < len(roles) < len(names) and len(spanning) == 1
            and all(column_role(c) is not None or c in LABEL_ROLES for c in roles)):
        k = spanning[0]
        return [*names[:k], *(c if column_role(c) is not None else c + "单位" for c in roles), *names[k + 1:]]
    found, upper_names = False, list(names)
    for k, cell in enumerate(normalise(c) for c in lower):
        if cell in EMPTY_CELLS or (k < len(names) and cell == names[k]):
            continue  # empty (pandas' NaN under a cell spanning both rows), or the spanning cell printed again
        if _under_spanning(upper_names, k) and (task_header(cell) or SHORT_LABEL.fullmatch(cell)):
            names[k] = cell  # 重点任务 over 任务类别 | 具体措施 (docling repeats a cell in each column it spans)
            found = True
            continue
        if column_role(cell) is None and cell not in LABEL_ROLES:
            return None  # text of a row, not a header's
        names += [""] * (k + 1 - len(names))
        names[k] = cell if column_role(cell) is not None else cell + "单位"
        found = True
    return names if found else None


def _under_spanning(names: list[str], k: int) -> bool:
    """True where the upper header cell over column ``k`` names the task and is printed again in a column beside it:
    one cell spanning both, as docling and python-docx print a merged cell (``重点任务 | 重点任务``)."""
    return k < len(names) and task_header(re.sub(r"\s+", "", names[k])) and (
        k > 0 and names[k - 1] == names[k] or k + 1 < len(names) and names[k + 1] == names[k])


def noted_columns(columns: Columns, names: list[str], raw: str) -> Columns:
    """The columns with the roles a note gives them, wherever the note stands (a 说明 after the table, a 注 before
    it): ``“责任单位”栏所列单位为配合单位`` makes the units of the 责任单位 column cooperating."""
    roles = dict(columns.units)
    headers = [re.sub(r"\s+", "", normalise(n)) for n in names]
    for note in COLUMN_ROLE_NOTE.finditer(raw):
        for k, name in enumerate(headers):
            if k in roles and name == note.group(1):
                roles[k] = LABEL_ROLES[note.group(2)]
    return replace(columns, units=tuple((k, roles[k]) for k, _ in columns.units))


def merged_lead(texts: list[str], above: list[str], columns: Columns) -> bool:
    """True for a row whose 牵头单位 cell is empty under a filled one while it names other units: a table with a
    lead column gives every row a lead, so the cell is merged from the row above (a workbook's or a Word table's
    export prints a merged cell in its first row only: xlsx2csv, pandas, docx2txt)."""
    def filled(cells: list[str], k: int) -> bool:
        return k < len(cells) and cells[k] not in EMPTY_CELLS

    leads = [k for k, role in columns.units if role == "lead"]
    return (any(not filled(texts, k) and filled(above, k) for k in leads)
            and any(filled(texts, k) for k, role in columns.units if role != "lead"))


def carried_by_notes(source: SourceText, lexicon: Lexicon, rows: set[int]) -> list[Unit]:
    """The units a standing statement outside the table's rows gives every row: a note after the table
    (``2.各省级人民政府负责本地区各项任务的组织落实，表中不再一一列出``) or the notice before it
    (``…以下不再一一列出``), as implementing units carried to each task (``rows``: the lines of the table's rows,
    never read so)."""
    found: list[Unit] = []
    lines = LineIndex(source.raw).lines
    for k, line in enumerate(lines):
        if line.number in rows:
            continue
        if NOT_LISTED.search(source.raw, line.start, line.end) is None:
            # the phrase broken by the line end (…表中不再一一 / 列出。): the note ends on the next line, past a blank
            # line (pdfminer's text boxes part a note's lines: …表中 / / 不再一一列出。)
            nxt = next((ln for ln in lines[k + 1 : k + 3] if not ln.blank), None)
            if nxt is None or nxt.number in rows or NOT_LISTED.search(source.raw, line.start, nxt.end) is None \
                    or NOT_LISTED.search(nxt.text) is not None:
                continue
            line = Line(line.number, line.start, nxt.end, source.raw[line.start : nxt.end])
        # the note may wrap: its sentence begins on a line above (…负责本地区相关任务落实， / 以下不再列出。), past a
        # blank line where the line above it is running text cut mid-sentence (pdfminer's boxes: …落实，表中 / / 不再…)
        first = k
        while first > 0 and first > k - 3:
            above = first - 1
            if lines[above].blank and above > 0 and _cut_mid_sentence(lines[above - 1].text):
                above -= 1
            if (lines[above].blank or lines[above].number in rows
                    or normalise(lines[above].text).endswith(("。", "；", "：", ":"))):
                break
            first = above
        start = lines[first].start
        names = {u.name for u in found}
        found.extend(u for u in standing_units(source.raw, start, line.end, lines[first].number, lexicon)
                     if u.name not in names)
    return found


def _cut_mid_sentence(text: str) -> bool:
    """True for a line of running text (a comma or semicolon inside it) that stops mid-sentence."""
    text = normalise(text).rstrip()
    return bool(re.search(r"[，,；;]", text)) and not text.endswith(("。", "；", ";", "：", ":", "，", ","))


_HEADER_CELLS = re.compile(r"[\t,，|\s]+")  # what parts a header's cells in any rendering but one a line


def unread_header(raw: str) -> int | None:
    """The line of the first table header naming a unit column beside its number column (``序号 … 牵头单位``, in a
    line of cells or one cell a line, ``序 号`` spaced or wrapped), for a document of which nothing was read: where
    a table stands that fengong could not read, the user is told where it is."""
    rows = [[normalise(cell).strip("\"*#") for cell in _HEADER_CELLS.split(line)] for line in raw.splitlines()]
    for k, cells in enumerate(rows):
        compact = "".join(cells)
        # 序 alone: a narrow column wraps 序号 over two lines (and OCR's 序 … / 号 …, the other cells wrapped with it);
        # OCR spaces a cell's words (牵头 单位)
        wrapped = (cells[:1] == ["序"] and k + 1 < len(rows) and rows[k + 1][0].startswith("号")
                   and re.search(r"(?:牵头|配合|责任|负责|参与)单位", compact) is not None)
        if len(compact) <= 80 and (compact == "序" or wrapped or any(h in compact for h in NUMBER_HEADERS
                                                                   if len(h) > 1)) and any(
                column_role(cell) is not None or column_role(cell + after) is not None
                for row in rows[k : k + 8] for cell, after in zip(row, [*row[1:], ""], strict=True)):
            return k + 1
    return None

def is_header_cell(text: str) -> bool:
    """True for a cell that could be part of a header row (a known header or a short label)."""
    name = re.sub(r"\s+", "", normalise(text))
    return name in NUMBER_HEADERS or task_header(name) or column_role(name) is not None


def header_like(text: str) -> bool:
    """True for a cell that may stand in a header: a known header, a column that holds no units (完成时限), or a
    short label fengong has no name for (时间节点, 责任领导)."""
    name = re.sub(r"\s+", "", normalise(text))
    return (is_header_cell(text) or name in OTHER_HEADERS
            or (bool(SHORT_LABEL.match(name)) and not SECTION_ROW.match(name)))


UNREADABLE_CELL = "could not be read"


def task_from_cells(source: SourceText, number: int, text: Span, unit_cells: list[tuple[str, Span]],
                    problems: list[Problem], lexicon: Lexicon, body: str | None = None,
                    apart: bool = False) -> TaskRecord | None:
    """A task from its cells (``unit_cells``: the role of each unit column and the cell's span). Each unit cell
    is read by the grammar as a statement whose label is the column's header. ``body``: the task's text where the
    table's form gives it otherwise than its cell's reading form (a CSV cell's doubled quotes undone). ``apart``:
    a cell's pieces are lines typed apart (:func:`read_pieces`)."""
    units: list[Unit] = []
    open_ended = False
    for role, pieces in unit_cells:
        pieces = pieces if isinstance(pieces, tuple) else (pieces,)
        if normalise("".join(source.quote(p) for p in pieces)) in EMPTY_CELLS:
            continue
        cell = pieces[0]
        statement = read_pieces(source.raw, pieces, lexicon, role, apart)
        if statement is None:
            problems.append(Problem(source.path, cell.line, f"row {number}: the unit cell "
                                                            f"{normalise(source.quote(cell))!r} {UNREADABLE_CELL}",
                                    "warning"))
            continue
        open_ended = open_ended or statement.open
        # A unit printed again in another unit cell of its row (牵头单位 财政局, 配合单位 财政局: one cell merged
        # across both columns, its text repeated in each) is named once, in the role of the cell it is first in;
        # a lead keeps its lead.
        named = {u.name: u.role for u in units}
        units.extend(Unit(u.name, Span(u.span.start, u.span.end, cell.line + source.raw.count("\n", cell.start,
                                                                                             u.span.start)),
                          u.role, u.recognised, u.marked) for u in statement.units
                     if u.name not in named)
        leads = {u.name for u in statement.units if u.role == "lead" and u.name in named}
        units = [replace(u, role="lead") if u.name in leads else u for u in units]
    if not units:
        problems.append(Problem(source.path, text.line, f"row {number} names no units: not a task", "warning"))
        return None
    body = body if body is not None else normalise(source.quote(text))
    if not body:
        problems.append(Problem(source.path, text.line, f"row {number} has no task text: not a task", "warning"))
        return None
    settled, basis = settle_roles(units, RESPONSIBLE)  # the others' role is the table's rule's (sections_of)
    mentions = tuple(UnitMention(u.name, i, u.role, u.span, recognised=u.recognised, marked=u.marked)
                     for i, u in enumerate(settled, 1))
    return TaskRecord(number=number, text=body, span=text, units=mentions, open_ended=open_ended,
                      reading="column", lead_basis=basis, label=str(number))


def read_pieces(raw: str, pieces: tuple[Span, ...], lexicon: Lexicon, role: str,
                apart: bool = False) -> Statement | None:
    """The statement of a cell printed in pieces (a wrapped cell's lines, a row split by a page break: the cell's
    first lines on one page, its last on the next), read as one text, the pieces joined as the line breaks of a
    wrap are (``区财政局`` / ``（区金融服`` / ``务中心）`` is one name); each unit's span is mapped back to the
    pieces it stands in. ``apart``: the pieces are lines typed apart (a spreadsheet cell's line breaks, a Word
    cell's paragraphs: one name a line), a break between names where a line ends in no separator; read joined
    instead where that names more bodies the gazetteer knows (a long name typed over two lines), or as many and
    fewer names only the column vouches for (a PDF cell's wrap: 中国汽车流 / 通协会)."""
    if len(pieces) == 1:
        return read_statement(raw, pieces[0].start, pieces[0].end, pieces[0].line, lexicon, label_role=role)
    statement = _read_joined(raw, pieces, lexicon, role, "")
    if apart:
        broken = _read_joined(raw, pieces, lexicon, role, SEPARATOR)
        # the most known bodies; then the fewest names the column's header alone vouches for (a PDF cell's wrap,
        # camelot's CSV: 商务部、中国汽车流 / 通协会等 is 中国汽车流通协会, a name by its ending, not a piece that is
        # a name only because it stands in the column)
        known = [(-1, 0) if s is None else (sum(u.recognised == "gazetteer" for u in s.units),
                                            -sum(u.recognised == "label" for u in s.units))
                 for s in (statement, broken)]
        statement = broken if broken is not None and known[1] >= known[0] else statement
    return statement


def left_open(raw: str, pieces: tuple[Span, ...], lexicon: Lexicon, role: str) -> bool:
    """True where a unit cell's text stops inside its list: on a separator, or on a piece that is no name alone
    (read by its place only: 区商务, 市住房保), so its next line or box carries it on."""
    if raw[pieces[-1].start : pieces[-1].end].rstrip().endswith(tuple(SEPARATOR + "，,；;")):
        return True
    found = read_pieces(raw, pieces, lexicon, role)
    return found is None or not found.units or found.units[-1].recognised == "label"


def _read_joined(raw: str, pieces: tuple[Span, ...], lexicon: Lexicon, role: str, gap: str) -> Statement | None:
    """The pieces read as one text, ``gap`` put between two where the first ends in no separator."""
    gaps = [gap if raw[p.end - 1] not in SEPARATOR + "，,；;" else "" for p in pieces[:-1]] + [""]
    joined = "".join(raw[p.start : p.end] + g for p, g in zip(pieces, gaps, strict=True))
    statement = read_statement(joined, 0, len(joined), pieces[0].line, lexicon, label_role=role)
    if statement is None:
        return None
    starts = [0]
    for p, g in zip(pieces[:-1], gaps, strict=False):
        starts.append(starts[-1] + p.end - p.start + len(g))

    def where(offset: int) -> int:
        k = max(i for i, s in enumerate(starts) if s <= offset)
        return pieces[k].start + min(offset - starts[k], pieces[k].end - pieces[k].start)

    units = [replace(u, span=Span(where(u.span.start), where(u.span.end), u.span.line)) for u in statement.units]
    return replace(statement, units=units)


def sections_of(parts: list[tuple[str, Span | None, list[TaskRecord]]], columns: Columns, rule: Span | None,
                source: SourceText, carried: list[Unit] | None = None) -> list[SectionRecord]:
    """Table parts (a title, its span, its tasks) → sections, with the lead rule of the table's note if any.

    Without a stated rule, a table whose leads come from list order (a 责任单位 column and no 牵头单位 column)
    is marked as read by the first-listed convention.
    """
    roles = {role for _, role in columns.units}
    needs_rule = RESPONSIBLE in roles and "lead" not in roles
    listed = "rule" if rule is not None else "convention"
    stated = source.quote(rule) if rule is not None and needs_rule else ""
    rest = rest_role(stated) if stated else "participant"
    every = unmarked_leads(stated)
    heads = restarting_parts(parts)
    sections = []
    for title, span, tasks in (part for part in parts if part[2]):
        key = f"table-{len(sections) + 1}"
        head = heads.get(len(sections))
        tasks = [replace(t, lead_basis=_basis(t, listed, every),
                         units=_others(t, rest, every) + carried_units(t, carried),
                         key=f"{head[0]}.{t.number}" if head and t.label else t.key,
                         parent=head[0] if head and t.label else t.parent)
                 for t in tasks]
        if rule is not None and needs_rule:
            sections.append(SectionRecord(key, title, span=span, role_rule=normalise(source.quote(rule)),
                                          role_rule_span=rule, tasks=tuple(tasks)))
        else:
            sections.append(SectionRecord(key, title, span=span, tasks=tuple(tasks),
                                          role_rule_basis="convention" if needs_rule else "stated"))
    return sections


def restarting_parts(parts: list[tuple[str, Span | None, list[TaskRecord]]]) -> dict[int, tuple[str, str, int]]:
    """Where each part of a table numbers its rows anew (一、… 1 2 3, 二、… 1 2), the section rows are the items the
    rows belong to: for the n-th part that holds rows, ``(key, label, number)`` of its section row — its printed
    number (一、 → 1, （二） → 2) where every such row prints a distinct one, its order otherwise. Empty where the
    rows are numbered through the table (they are then keyed by their own numbers, at the top level)."""
    holding = [part for part in parts if part[2]]
    numbers = [t.number for part in holding for t in part[2] if t.label]  # a row printing no number: its item's
    if len(numbers) == len(set(numbers)):
        return {}
    labels = [section_label(title) if span is not None else None for title, span, _ in holding]
    values = [label[1] for label in labels if label is not None]
    printed = len(values) == len(holding) and len(set(values)) == len(values)
    return {n: (str(labels[n][1]), labels[n][0], labels[n][1]) if printed else (str(n + 1), "", n + 1)
            for n in range(len(holding))}


def section_label(title: str) -> tuple[str, int] | None:
    """``(label as printed, value)`` of a section row's numbering label (一、 （二） 第三部分), or None."""
    found = SECTION_ROW.match(title)
    if found is None:
        return None
    value = numeral_value(re.sub(r"[^一二三四五六七八九十]", "", found.group()))
    return (found.group().strip(), value) if value is not None else None


def section_items(parts: list[tuple[str, Span | None, list[TaskRecord]]], source: SourceText) -> list[ItemRecord]:
    """The section rows of a table whose parts number their rows anew (:func:`restarting_parts`), as the outline
    items its rows are children of: ``二、产业发展任务`` is item ``2``, its row ``3`` task ``2.3``."""
    heads = restarting_parts(parts)
    holding = [part for part in parts if part[2]]
    items = []
    for n, (key, label, number) in heads.items():
        title, span, tasks = holding[n]
        at = span if span is not None else tasks[0].span
        items.append(ItemRecord(key, label, number, None, normalise(title[len(label):]).strip() or title, at))
    return items


def _others(task: TaskRecord, rest: str, every: bool) -> tuple[UnitMention, ...]:
    """A responsible list's units besides its lead (the first, a marked one, one noted A（牵头）), in the role the
    table's rule gives them: 其余为配合单位; all leads where it says a list printing no lead names leads only."""
    role = "lead" if every and task.lead_basis == "listed-first" else rest
    return tuple(replace(u, role=role) if u.role == RESPONSIBLE else u for u in task.units)


def carried_units(task: TaskRecord, carried: list[Unit] | None) -> tuple[UnitMention, ...]:
    """The units a standing statement carries to the row, after its printed ones (not one it prints itself)."""
    names = {u.name for u in task.units}
    return tuple(UnitMention(u.name, len(task.units) + n, u.role, u.span, carried=True, recognised=u.recognised)
                 for n, u in enumerate((u for u in carried or () if u.name not in names), 1))


def _basis(task: TaskRecord, listed: str, every: bool) -> str | None:
    if task.lead_basis != "listed-first":
        return task.lead_basis
    return "rule" if every else listed


def document_rule(source: SourceText) -> Span | None:
    """The lead rule where a document states it outside its table (in the notice that sends the table out:
    任务分工中列在第一位的为牵头单位，其他为配合单位), or None."""
    found = LEAD_RULE.search(source.raw)
    if found is None:
        return None
    return Span(found.start(), rule_extent(source.raw, found), source.raw.count("\n", 0, found.start()) + 1)


def check_sequence(numbers: list[tuple[int, int]], path: str, problems: list[Problem]) -> None:
    """Warn where a row number does not follow the previous one (``numbers``: (number, line))."""
    for (before, _), (after, line) in zip(numbers, numbers[1:], strict=False):
        if after != before + 1 and after != 1:
            problems.append(Problem(path, line, f"row number {after} follows {before}: out of sequence",
                                    "warning"))
