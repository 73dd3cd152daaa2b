"""Reader for tables whose rows are records: CSV files, XLSX workbooks and HTML tables rendered as tab-separated
lines (by :mod:`fengong.readers.sources` and :mod:`fengong.readers.markup`).

Columns are known by their headers (:mod:`fengong.readers.rows`); the header row may come after a title row.
Every cell keeps its place in the text, so each unit points back to where it is printed. A row with a single
filled cell (or a heading such as 一、… in the number column) opens a section; a row with units and text but no
number is numbered by its order when the table has no number column, and reported otherwise.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from dataclasses import replace

from fengong.readers.docmeta import new_plan
from fengong.readers.frame import MISSING
from fengong.readers.layout import NOTE
from fengong.readers.lexicon import Lexicon, lexicon_for
from fengong.readers.lines import PAGE_NUMBER, RULE_LINE, LineIndex
from fengong.readers.markdown import blank_marks
from fengong.readers.rows import (
    EMPTY_CELLS,
    NUMBER,
    SECTION_ROW,
    UNREADABLE_CELL,
    carried_by_notes,
    check_sequence,
    document_rule,
    left_open,
    map_header,
    merged_lead,
    noted_columns,
    read_pieces,
    section_items,
    section_label,
    sections_of,
    sub_header,
    task_from_cells,
)
from fengong.readers.sources import LONG_LINE
from fengong.readers.vocabulary import FULL_STOPS, LEAD_RULE, NUMBER_HEADERS, rule_extent
from fengong.records import ItemRecord, PlanRecord, Problem, ReadError, SourceText, Span, TaskRecord
from fengong.textrepair import normalise, normalise_typed, repair

Cell = Span  # a cell's content in the text (quotes excluded)
SPACES = re.compile(r"[ \t\u3000]+")
SNIFF = 400  # lines looked at for a header
PIPE = "|"
# A cell that repeats the cell above it in its column.
SAME_AS_ABOVE = {"同上", "同上栏", "同左"}
# A note saying that the table's empty cells are merged cells of the original (空白单元格系原表合并单元格，内容与上一行
# 相同): a table copied from Word leaves a merged cell's text in its first row only, so an empty unit cell is the
# cell above it.
MERGED_EMPTY = re.compile(r"合并单元格|(?:空白|空)(?:的)?(?:单元)?[格栏][^。\n]{0,16}(?:同上|与上一?[行格栏]相同)")
# A line of its own a page break leaves in a table: the page's number, 续表 (the table goes on).
FURNITURE = re.compile(rf"{PAGE_NUMBER.pattern}|^\s*续表\s*\d*\s*$|{RULE_LINE.pattern}")
BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
FIELD = re.compile(r"^\s*[^\s：:，,。；;、]{1,8}[：:]")  # a line opening with a label of its own: 抄送：, 附件：
# A 序号 cell OCR misread: one or two letters or marks, no digit, no ideograph (1 → l, I, ], |).
MISREAD_DIGIT = re.compile(r"^[^\d\u4e00-\u9fff\s]{1,2}$")
RULE_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")  # | --- | :---: |


def read(source: SourceText, slug: str | None = None, jurisdiction: str | None = None) -> PlanRecord:
    """Read the first task-division table of ``source``; :class:`ReadError` when there is none."""
    reading = blank_marks(repair(source.raw))  # Markdown's marks (# title, | **序号** |) are layout: offsets stay put
    plan = new_plan(source, LineIndex(reading), slug, jurisdiction)
    problems = plan.problems
    source = replace(source, raw=reading)  # the plan keeps the file's text; its table is read without the marks
    rows = _without_index(source, list(split_rows(source.raw, delimiter(source), source.path, problems,
                                                  not source.rendered_from)))
    found = next((f for i in range(len(rows)) if (f := _header_at(source, rows, i)) is not None), None)
    if found is None:
        raise ReadError(problems + [Problem(source.path, 1, "no table header found: no row with columns such as "
                                                            "工作任务 and 牵头单位 / 责任单位")])
    at, columns, header = found
    heads = [_texts(source, rows[i]) for i in range(max(at - 1, 0), at + 1)]  # its rows, where it takes two
    columns = noted_columns(columns, header, source.raw)  # “责任单位”栏所列单位为配合单位
    parts: list[tuple[str, Span | None, list[TaskRecord]]] = [("任务分工", None, [])]
    numbers: list[tuple[int, int]] = []
    rule: Span | None = None
    body: list[tuple[list[Cell], dict[int, list[Cell]]]] = []  # each row, with the cells that continue it
    spanned: set[int] = set()  # the rows whose lead cell is the one merged over them from the row above
    tails: dict[int, dict[int, list[Cell]]] = {}  # by row: each wrapped cell's tails, the lines it wraps onto
    lexicon = lexicon_for(plan.jurisdiction)
    sep = delimiter(source)
    pipes = sep == PIPE  # an empty cell prints between its pipes: a short row is a merged cell's
    widths = _column_widths(source, rows[at + 1 :], columns) if sep in (PIPE, " ") else {}
    broke = False  # a rule, a page's number or a blank line since the last row: no wrap goes on across it
    for row, seeded in _centred_rows(source, _broken_rows_joined(source, rows[at + 1 :], columns), columns, header):
        if len(row) > columns.width and delimiter(source) == " ":
            extra = len(row) - columns.width  # spaces inside the task's text: its cells are one
            row = [*row[: columns.task], Cell(row[columns.task].start, row[columns.task + extra].end,
                                              row[columns.task].line), *row[columns.task + extra + 1 :]]
        if pipes and len(row) == 1 and not SECTION_ROW.match(source.quote(row[0])):
            # a line drawn with no pipe is none of the table's rows: the page's text an extractor prints before
            # the tables it appends (PyMuPDF's find_tables().to_markdown() after get_text(), camelot's after
            # pdfminer's), the same cells one a line (序号 / 重点任务 / …); the table goes on at its next pipes
            broke = True
            continue
        row = _merged_cells_restored(row, columns)
        texts = _texts(source, row)
        filled = [(k, t) for k, t in enumerate(texts) if t not in EMPTY_CELLS]
        if texts not in heads and (lacking := _wider_header(texts, columns)):
            raise ReadError(problems + [Problem(source.path, row[0].line, "the table's header is printed again with "
                                                f"columns its first printing lacks ({'、'.join(lacking)}): the "
                                                "structure step lost columns where it printed fewer, and whose units "
                                                "stand in them is not in the text; not read rather than guessed")])
        if body and texts not in heads and (again := map_header(texts)) is not None and again.width < columns.width:
            # the other way round: the table's rows are whole above, and what this printing lost is not in the text
            problems.append(Problem(source.path, row[0].line, f"the table's header is printed again with {again.width} "
                                    f"of its {columns.width} columns: the structure step lost columns here; the rows "
                                    "under it are not read"))
            break
        if (not filled or texts == header or FURNITURE.match(source.raw[row[0].start : row[-1].end])
                or _column_numbers(texts)):
            # a page's number (— 3 —, whose dashes a space-separated row takes for empty cells) and 续表 where a
            # page break cut the table, and the header it repeats
            broke = True
            continue
        wrapped = None if broke or not body else _wrapped_tails(source, row, texts, body[-1][0], tails.get(
            len(body) - 1, {}), columns, widths, lexicon, sep)
        broke = False
        if wrapped:
            for k, cell in wrapped.items():
                tails.setdefault(len(body) - 1, {}).setdefault(k, []).append(cell)
            continue
        if body and _other_header(texts, columns):
            break  # the header of another table (a workbook's 联系人 sheet: 序号 单位 联系人 职务): this one has ended
        above = _texts(source, body[-1][0]) if body else []
        if body and (_continues_row(texts, columns) or _repeats_row(texts, above, columns)):
            for k, _ in columns.units:  # …、市市场监管局、 / page break / (empty) (empty) 市知识产权局
                if k < len(row) and texts[k] not in EMPTY_CELLS and (k >= len(above) or texts[k] != above[k]
                                                                     or _continues_row(texts, columns)):
                    cut = body[-1][1].get(k) or body[-1][0]
                    at = len(cut) - 1 if k in body[-1][1] else k
                    if at < len(cut):  # the separator the cut cell ends with joins it to its continuation
                        end = cut[at].end
                        while end > cut[at].start and source.raw[end - 1] in "、，,；; \t\u3000":
                            end -= 1
                        cut[at] = Cell(cut[at].start, end, cut[at].line)
                    body[-1][1].setdefault(k, []).append(row[k])
            continue
        if body and pipes and _spanned_unit_missing(texts, _texts(source, body[-1][0]), columns, lexicon):
            k = columns.units[0][0]  # the lead cell merged over this row and the one above
            row = [*row[:k], Cell(row[k].start, row[k].start, row[k].line), *row[k:]]
            spanned.add(id(row))
        if seeded:
            tails[len(body)] = seeded
        body.append((row, {}))
    previous: dict[int, list[Cell]] = {}
    # empty unit cells under a merged one: where a note says so, or where a numbered row has none of its own
    merged = MERGED_EMPTY.search(source.raw) is not None or _merged_unit_cells(source, body, columns)
    heading = columns.task
    grouped = _merged_numbers(source, body, columns)
    # a ledger's 工作措施 describes its item: an item printed on one row is named by its 重点任务, as in a table
    # whose 重点任务 is merged over no rows; a 具体措施 names every row's task, however many its item has
    alone = columns if grouped and not re.sub(r"\s+", "", header[columns.texts[1]]).startswith("具体") else None
    if grouped or _grouping_text(source, body, columns, header):
        # the merged 重点任务 names the item its rows share, or groups numbered rows: each row's text is its 具体措施
        columns = replace(columns, task=columns.texts[1], texts=columns.texts[1:])
    # rows with no number of their own are statements where the 序号 is merged over them, or where no row prints
    # one (Word's automatic numbering, lost in the export)
    unnumbered = grouped or columns.number is not None and not any(
        NUMBER.match(t) for row, _ in body for t in _texts(source, row)[columns.number : columns.number + 1])
    headings: dict[int, Cell] = {}
    problems_before = len(problems)
    lost = {} if unnumbered else _lost_numbers(source, [row for row, _ in body], columns)
    spaced = _spaces_wrap([source.quote(row[k]) for row, _ in body for k in columns.texts if k < len(row)])
    for n, (row, more) in enumerate(body):
        texts = _texts(source, row)
        filled = [(k, t) for k, t in enumerate(texts) if t not in EMPTY_CELLS]
        if len({t for _, t in filled}) == 1:  # python-docx prints a cell merged across the row in every column
            cell = row[filled[0][0]]
            found_rule = LEAD_RULE.search(source.raw, cell.start, cell.end)
            if found_rule is not None:
                rule = Span(cell.start, rule_extent(source.raw[: cell.end], found_rule), cell.line)
            else:
                parts.append((filled[0][1], cell, []))
            continue
        wraps = tails.get(n, {})
        cells = {k: [(row[k], *wraps.get(k, [])), *((c,) for c in more.get(k, []))] for k, _ in columns.units
                 if k < len(row)}
        for k in list(cells):
            # 同上: the cell of the row above; so is an empty cell below a merged one, where the note says so
            if k in previous and (texts[k] in SAME_AS_ABOVE or merged and texts[k] == ""):
                cells[k] = previous[k]
            elif (merged and texts[k] in {"", *MISSING} and not more.get(k)  # a dash or 无 names nobody
                  or id(row) in spanned and k == columns.units[0][0]) and k in previous:
                cells[k] = previous[k]  # under a merged cell: the units of the cell it spans from
        previous = cells
        order = sum(len(part[2]) for part in parts) + 1
        single = alone is not None and _single_row_item(source, body, n, columns)
        task = _task(source, alone if single else columns, row, texts, order, problems, lexicon, cells, unnumbered,
                     wraps, lost.get(n), spaced)
        if task is not None:
            if task.label:
                numbers.append((task.number, row[0].line))
            headings[id(task)] = row[heading] if heading < len(row) else task.span
            parts[-1][2].append(task)
    read = sum(len(part[2]) for part in parts)
    unreadable = sum(p.message.endswith(UNREADABLE_CELL) for p in problems[problems_before:])
    if unreadable >= max(read, 3):
        # as many unit cells the grammar cannot read as rows read: the rendering no longer keeps a row's cells
        # together (OCR's row assembly interleaving wrapped cells, 完成时 / 限); what the rest seem to say is unproved
        raise ReadError(problems + [Problem(source.path, rows[at][0].line, f"{unreadable} unit cells under the "
                                            f"table's header cannot be read, against {read} rows read: its cells do "
                                            "not line up with its columns; not read rather than guessed")])
    check_sequence(numbers, source.path, problems)
    grouped_items = _rows_of_items(parts, headings, source) if unnumbered else []
    lines = {c.line for row, more in body if sum(t not in EMPTY_CELLS for t in _texts(source, row)) > 1
             for c in [*row, *(x for cells in more.values() for x in cells)]}  # a note of one cell may carry
    lines |= {c.line for wraps in tails.values() for cells in wraps.values() for c in cells}
    carried = carried_by_notes(source, lexicon, lines)
    plan.sections = sections_of(parts, columns, rule or document_rule(source), source, carried)
    plan.items = section_items(parts, source) + grouped_items
    if not plan.sections:
        raise ReadError(problems + [Problem(source.path, rows[at][0].line, "a table header was found but no row "
                                                                           "with units follows it")])
    return plan


def _header_at(source: SourceText, rows: list[list[Cell]], i: int) -> tuple[int, object, list[str]] | None:
    """``(the header's last row, its columns, its names)`` where the table's header starts at row ``i``: the row
    itself, or with the row under it where the header is printed over two rows (:func:`sub_header`)."""
    texts = _texts(source, rows[i])
    names = sub_header(texts, _texts(source, rows[i + 1])) if i + 1 < len(rows) else None
    if names is not None and (columns := map_header(names)) is not None:
        return i + 1, columns, names
    columns = map_header(texts)
    return (i, columns, texts) if columns is not None else None


def _broken_rows_joined(source: SourceText, rows: list[list[Cell]], columns) -> list[list[Cell]]:
    """The rows with a row a line break cuts made whole: a converter that prints a table as tab-separated lines
    (catdoc of a .doc, python-docx) prints a cell of two paragraphs with a line break between them, unquoted, so
    the row goes on on the next line (``7\t发展…；`` / ``大力发展…。\t人力资源社会保障部、…``). A row short of the
    header's cells (numbered, or with an empty 序号 and its text: Word's automatic numbering lost), followed by lines
    that open with text and no number of their own whose cells, the first continuing the row's last, make up
    exactly the header's count, is one row, its cell spanning the break."""
    if delimiter(source) not in ("\t", PIPE):
        return rows  # CSV quotes a cell's line break; spaces print a row a line (html2text's pipes break at a <br>)
    out: list[list[Cell]] = []
    i = 0
    broken = False  # a row went on over lines: the table's cells wrap onto lines of their own
    while i < len(rows):
        row, i = rows[i], i + 1
        number = source.quote(row[columns.number]).strip() if columns.number is not None and columns.number < len(
            row) else None
        numbered = number is not None and (NUMBER.match(number) is not None or not number and len(row) > columns.task
                                           and source.quote(row[columns.task]).strip() != "")
        width, k = len(row), i
        while numbered and width < columns.width and k < len(rows) and rows[k] and source.quote(
                rows[k][0]).strip() and not NUMBER.match(source.quote(rows[k][0])):
            width, k = width + len(rows[k]) - 1, k + 1
        if numbered and k > i and width == columns.width:
            for more in rows[i:k]:
                row = [*row[:-1], Cell(row[-1].start, more[0].end, row[-1].line), *more[1:]]
            i = k
            broken = True
        # pdfplumber's and PyMuPDF's table rows joined by tabs break every wrapped cell's lines apart: in a table
        # whose rows go on so, the lines of one cell after a row's last tab are its last cell's (…、省市场监管 / 局、
        # 省商务厅), up to a number, a section row, a note or a label (抄送：), or a page's furniture
        while broken and numbered and width == columns.width and i < len(rows) and _last_cell_goes_on(
                source, rows[i]):
            row = [*row[:-1], Cell(row[-1].start, rows[i][0].end, row[-1].line)]
            i += 1
        out.append(row)
    return out


def _last_cell_goes_on(source: SourceText, row: list[Cell]) -> bool:
    text = source.quote(row[0]) if len(row) == 1 else ""
    return bool(text.strip()) and not (NUMBER.match(text) or SECTION_ROW.match(text) or NOTE.match(text)
                                       or FIELD.match(text) or FURNITURE.match(text))


def _merged_unit_cells(source: SourceText, body: list[tuple[list[Cell], dict[int, list[Cell]]]], columns) -> bool:
    """True for a table rendered from one whose unit cells were merged over several rows (rowspan): the merged
    cell prints in its first row and the rows below print it empty. A row with its number and task but no unit
    cell at all can be no row of its own, so the table shows it merges cells; its empty unit cells then mean the
    units of the cell above (`2\t实施…工程\t\t\t2026年底前` under `1\t…\t省交通运输厅\t省发展改革委…`); so does a
    row with units of its own but its 牵头单位 empty under a filled one (:func:`rows.merged_lead`), in a table
    whose first row has a lead. A table with no such row keeps an empty cell empty (a task with no 配合单位)."""
    units = [k for k, _ in columns.units]
    leads = [k for k, role in columns.units if role == "lead"]
    first = None  # the first numbered row: where it has no lead, the table does not give every row one
    for n, (row, more) in enumerate(body):
        texts = _texts(source, row)
        numbered = columns.number is None or (columns.number < len(texts)
                                              and NUMBER.match(texts[columns.number]) is not None)
        text = columns.text_of(texts)
        if not (numbered and text < len(texts) and texts[text] not in EMPTY_CELLS):
            continue
        if first is None:
            first = texts
            continue
        if more:
            continue
        if all(k >= len(texts) or texts[k] in EMPTY_CELLS for k in units):
            return True
        if (all(k < len(first) and first[k] not in EMPTY_CELLS for k in leads)
                and merged_lead(texts, _texts(source, body[n - 1][0]), columns)):
            return True
    return False


def _centred_rows(source: SourceText, rows: list[list[Cell]], columns, header: list[str]):
    """Each row with the tails of its wrapped cells (by column) to read with it. camelot's stream tables
    (``to_markdown()``) print every line of a row as a pipe row of its own, the cells centred in the row: the 序号
    on its middle line, a taller cell's lines above and below it. Where the first row of a run of pipe rows (a
    table, or its part on the next page) has lines above its number, each numbered row takes as many lines below
    its number as above it, the rest going to the next row (as :mod:`fengong.readers.layout` reads pdfplumber's
    centred grid), and each column's lines are one cell, read as a wrap is. Any other table's rows stand as they
    are."""
    if columns.number is None or delimiter(source) != PIPE:
        return [(row, {}) for row in rows]
    out: list[tuple[list[Cell], dict[int, list[Cell]]] | list[list[Cell]]] = []
    pending: list[list[Cell]] = []
    last: int | None = None  # the place in ``out`` of the run's last numbered row, a list of its lines
    above = 0
    centred = found = False

    def flush() -> None:
        nonlocal last
        if last is not None:
            out[last].extend(pending)
        else:
            out.extend((row, {}) for row in pending)
        pending.clear()
        last = None

    lost = _lost_numbers(source, rows, columns, at_end=False)  # a whole row whose number OCR lost is no line above
    for i, row in enumerate(rows):
        texts = _texts(source, row)
        filled = [t for t in texts if t not in EMPTY_CELLS]
        if i in lost:
            flush()
            out.append((row, {}))
            centred = False
            continue
        if (len(row) < 2 or texts == header or not filled or _column_numbers(texts)
                or len(filled) == 1 and (SECTION_ROW.match(filled[0]) or NOTE.match(filled[0]))):
            # the run ends: a line of text, a page's number, the header printed again, a section row, a note
            flush()
            out.append((row, {}))
            centred = False
            continue
        if columns.number >= len(texts) or texts[columns.number] in EMPTY_CELLS:
            pending.append(row)
            continue
        if NUMBER.match(texts[columns.number]) is None:
            flush()
            out.append((row, {}))
            continue
        if last is not None:
            below = above if centred else len(pending)
            out[last].extend(pending[:below])
            pending[:below] = []
        else:  # lines above the first number that carry the task's text (not a header's second row: 牵头 / 配合)
            centred = any(columns.task < len(r) and r[columns.task].end > r[columns.task].start for r in pending)
            found = found or centred
        above = len(pending)
        last = len(out)
        out.append([*pending, row])
        pending.clear()
    flush()
    if not found:
        return [(row, {}) for row in rows]
    grouped = []
    for entry in out:
        if isinstance(entry, tuple):
            grouped.append(entry)
            continue
        numbered = next(r for r in entry if NUMBER.match(_texts(source, r)[columns.number]))
        width = max(len(r) for r in entry)
        row, tails = list(numbered) + [Cell(numbered[-1].end, numbered[-1].end, numbered[-1].line)] * (
            width - len(numbered)), {}
        for k in range(width):
            if k == columns.number:
                continue
            pieces = [r[k] for r in entry if k < len(r) and r[k].end > r[k].start]
            if pieces:
                row[k] = pieces[0]
                if pieces[1:]:
                    tails[k] = pieces[1:]
        grouped.append((row, tails))
    return grouped


def _without_index(source: SourceText, rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows without the index pandas writes before them (``to_csv()``): a row opening with an empty cell (its
    header's) over three rows or more opening with the running index 0, 1, 2 …; each frame (a workbook's sheet)
    opens its own."""
    out: list[list[Cell]] = []
    i = 0
    while i < len(rows):
        k = i + 1
        while k < len(rows) and len(rows[k]) > 1 and source.quote(rows[k][0]).strip() == str(k - i - 1):
            k += 1
        if k - i > 3 and len(rows[i]) > 1 and not source.quote(rows[i][0]).strip():
            out.extend(row[1:] for row in rows[i:k])
            i = k
        else:
            out.append(rows[i])
            i += 1
    return out


def _column_numbers(texts: list[str]) -> bool:
    """True for pandas' header of column numbers (``,0,1,2,…``: a sheet read with no header of its own, written
    with ``to_csv``), which is no row of the table."""
    numbers = texts[1:] if texts and texts[0] == "" else texts
    return len(numbers) >= 3 and numbers == [str(n) for n in range(len(numbers))]


def _wider_header(texts: list[str], columns) -> list[str]:
    """The columns a task-division header printed again under the table names and the table's own header lacks
    (a 序号, a unit column of another role): OCR by cells (img2table on a skewed scan) can find only a page's middle
    columns, leaving the others to come out as prose after the table, while the next page's table is whole: the
    header printed again is wider. Empty where ``texts`` is no such header."""
    again = map_header(texts)
    if again is None or again.width <= columns.width:  # as many columns: the upper row of a header of two, say
        return []
    names = [re.sub(r"\s+", "", t) for t in texts]
    lacking = [names[k] for k, role in again.units if role not in {r for _, r in columns.units}]
    if again.number is not None and columns.number is None:
        lacking.insert(0, names[again.number])
    return lacking


def _other_header(texts: list[str], columns) -> bool:
    """True for the header row of another table: its 序号 cell says 序号 and it is no task-division header, no cell
    naming a task column or none a unit column (the task table's header printed again on a workbook's next sheet
    names both, its upper row too where it takes two; a 主要目标 sheet's 序号 / 指标名称 / 单位 / 目标 names no unit
    column)."""
    k = columns.number
    return (k is not None and k < len(texts) and re.sub(r"\s+", "", texts[k]) in NUMBER_HEADERS
            and map_header(texts) is None)


def _spanned_unit_missing(texts: list[str], above: list[str], columns, lexicon: Lexicon) -> bool:
    """True for a row that lacks a unit cell merged over it and the row above (rowspan), as a converter that
    prints each row's own cells only (html2text's Markdown) leaves it: the row is one cell short, with its number
    and task in place, right under a full row, and the cells it prints after its units name no unit (a 完成时限
    is no column that went missing). Which unit cell went missing is not in the text: the lead's is taken, a lead
    over several measures being what such tables merge. Read in pipe tables only, where an empty cell still
    prints (`| |`); a row short otherwise (no number, under a short row, a unit printed last) stands as it is.
    A row short by the lead and every column after the units (the 完成时限 merged over the same rows: markitdown's
    and markdownify's tables, ``| 2 | 建设… | 市资源规划局、各县级市（区）政府 |``) prints its other unit cells and
    stops, its last cell naming units: it lacks the lead too, by the same reading."""
    units = [k for k, _ in columns.units]
    after = columns.width - 1 - units[-1]  # the columns after the units (完成时限, 备注)
    short = columns.width - len(texts)
    if (short not in (1, 1 + after) or len(texts) <= units[0] or len(above) != columns.width
            or columns.number is None or columns.number >= units[0] or columns.task >= units[0]
            or NUMBER.match(texts[columns.number]) is None or NUMBER.match(above[columns.number]) is None
            or texts[columns.task] in EMPTY_CELLS or texts[units[0]] in EMPTY_CELLS):
        return False
    named = [any(lexicon.recognise(name) for name in re.split(r"[、，,；;\s]+", cell) if name) for cell in texts]
    return named[-1] if short > 1 else not any(named[len(texts) - after:] if after else [])


def _merged_cells_restored(row: list[Cell], columns) -> list[Cell]:
    """A row copied from a table with merged cells lacks them: where a row is short by as many cells as there
    are columns before the task that hold neither a number nor units (任务类别), those are the ones it lacks."""
    missing = columns.width - len(row)
    units = {k for k, _ in columns.units}
    merged = [k for k in range(1, columns.task) if k != columns.number and k not in units]
    if missing <= 0 or missing > len(merged) or len(row) <= columns.task - missing:
        return row
    for k in merged[:missing]:
        at = row[k].start if k < len(row) else row[-1].end
        row = [*row[:k], Cell(at, at, row[0].line), *row[k:]]
    return row


def delimiter(source: SourceText) -> str:
    """Comma for CSV files and for plain text holding a CSV table's lines; a pipe for plain text whose table is
    drawn with pipes, as web pages and Markdown give tables (``| 序号 | 重点任务 | 牵头单位 |``); a space for plain
    text whose table is laid out in columns separated by spaces (序号 工作任务 牵头单位 责任单位, then one row a
    line); tab for everything else (renderings, .tsv)."""
    if source.path.lower().endswith(".csv") and not source.rendered_from:
        return ","
    if source.rendered_from:
        return "\t"
    head = source.raw.split("\n", SNIFF)[:SNIFF]
    if any(PIPE in line and map_header(piped_cells(line)) is not None for line in head):
        return PIPE
    # a CSV table printed in a plain text (an annex pasted as it was exported): a header of cells separated by
    # ASCII commas, which Chinese prose never uses between its words (it writes ，)
    if any("\t" not in line and "," in line and map_header(line.split(",")) is not None for line in head):
        return ","
    return " " if spaced_header(head) else "\t"


def piped_cells(line: str) -> list[str]:
    """The cells of a line drawn with pipes, the pipes that open and close it aside: ``| 1 | 任务 | A |``."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith(PIPE) else inner
    inner = inner[:-1] if inner.endswith(PIPE) else inner
    return inner.split(PIPE)


def spaced_header(lines: list[str]) -> bool:
    """True when a line is a header of cells separated by spaces and the lines after it are rows of as many
    cells (or more: a task's text may hold a space), each opening with its number."""
    content = [line for line in lines if line.strip()]
    for i, line in enumerate(content):
        columns = map_header(SPACES.split(line.strip())) if "\t" not in line else None
        if columns is None or columns.width < 3 or columns.number != 0:
            continue
        # (a section row, 一、…, and a rule, ————, stand between rows)
        rows = [SPACES.split(r.strip()) for r in content[i + 1 :]
                if not SECTION_ROW.match(r.strip()) and not RULE_LINE.match(r)][:3]
        if rows and sum(len(r) >= columns.width and NUMBER.match(r[0]) is not None for r in rows) >= len(rows) - 1:
            return True
    return False


def split_rows(raw: str, sep: str, path: str, problems: list[Problem], quoted: bool = True):
    """The rows of a CSV/TSV text as lists of cell spans. A spreadsheet's export (CSV, or Excel's tab-delimited
    text) quotes a cell that holds the separator, a quote or a line break (RFC 4180: ``"A,B"``, ``"打造""夜游""品牌"``,
    a cell over two lines): such a text is parsed by Python's csv module (``quoted``; not a rendering, which
    never quotes), each cell mapped back to where it stands in the text, its quotes outside the span."""
    if sep == PIPE:
        yield from _piped_rows(raw)
        return
    quoting = quoted and sep in ",\t" and '"' in raw
    for row in _csv_rows(raw, sep) if quoting else _plain_rows(raw, sep):
        if row and row[-1].end - row[0].start > LONG_LINE:
            problems.append(Problem(path, row[0].line, f"row of {row[-1].end - row[0].start} characters skipped: "
                                                       "too long to be a table row", "warning"))
            continue
        yield [_trim(raw, c) for c in row]


def _csv_rows(raw: str, sep: str) -> list[list[Cell]]:
    """The rows of ``raw``, each record that holds a quote read by the csv module, strictly (a quote closes a cell
    only before a separator or a line end); a line that is no well-formed quoted record (a typed cell opening with
    a quote, ``"放管服"改革``; prose before the table) is split at its separators alone."""
    if "\n" in raw:
        # a CR alone inside a line of a text whose lines end with LF wraps a cell (tabula-java joins a cell's lines
        # so: `国家邮政局,司法部、国家发展改革委、\r生态环境部`), read as a line break inside the cell, no record's end
        raw = re.sub(r"\r(?!\n)", "\v", raw)  # one character for one: every offset stays the file's
    lines = list(io.StringIO(raw, newline=""))  # the csv module's lines: ends kept, \r\n, \n or \r
    breaks = [m.start() for m in re.finditer("\n", raw)]
    rows: list[list[Cell]] = []
    k, start = 0, 0
    while k < len(lines):
        line = bisect.bisect_left(breaks, start) + 1
        found = None
        if '"' in lines[k]:
            try:
                values = next(csv.reader((lines[j] for j in range(k, len(lines))), delimiter=sep, strict=True))
                found = _record_cells(raw, start, values, sep, line)
            except (csv.Error, StopIteration):
                found = None
        if found is None:
            found = (next(_plain_rows(lines[k], sep)), start + len(lines[k]))
            found = ([Cell(start + c.start, start + c.end, line) for c in found[0]], found[1])
        cells, end = found
        while k < len(lines) and start < end:
            start += len(lines[k])
            k += 1
        if cells:
            rows.append(cells)
    return rows


def _record_cells(raw: str, i: int, values: list[str], sep: str, line: int) -> tuple[list[Cell], int] | None:
    """The cells of the record the csv module read as ``values`` from offset ``i``, and where it ends (past its
    line end); None where the text does not print it so."""
    row: list[Cell] = []
    for k, value in enumerate(values):
        if k:
            if raw[i : i + 1] != sep:
                return None
            i += 1
        if raw.startswith('"', i):
            width = len(value) + value.count('"')  # its quotes are doubled in the text
            if raw[i + 1 + width : i + 2 + width] != '"':
                return None
            row.append(Cell(i + 1, i + 1 + width, line))
            i += width + 2
        else:
            if raw[i : i + len(value)] != value:
                return None
            row.append(Cell(i, i + len(value), line))
            i += len(value)
        line += raw.count("\n", row[-1].start, row[-1].end)
    for end in ("\r\n", "\n", "\r"):  # the record's end
        if raw.startswith(end, i):
            return row, i + len(end)
    return (row, i) if i >= len(raw) else None


def _plain_rows(raw: str, sep: str):
    """The rows of a text whose cells are separated by ``sep`` and hold no quoting: one row a line."""
    line = 1
    i, n = 0, len(raw)
    stops = " \t\u3000" if sep == " " else sep
    while i < n:
        row: list[Cell] = []
        while True:
            end = i
            while end < n and raw[end] != "\n" and raw[end] not in stops:
                end += 1
            stop = end - 1 if end > i and raw[end - 1] == "\r" else end
            row.append(Cell(i, stop, line))
            i = end
            if i < n and raw[i] in stops:
                i += 1
                while sep == " " and i < n and raw[i] in stops:
                    i += 1  # columns laid out with spaces: a run of them is one separator
                continue
            i += 1  # past the line break
            line += 1
            break
        yield row


def _piped_rows(raw: str):
    """The rows of a text whose table is drawn with pipes, one row a line (see :func:`piped_cells`); a rule
    under the header (``| --- | :--: |``) draws the table and is no row."""
    for line in LineIndex(raw).lines:
        if RULE_ROW.match(line.text):
            continue
        start = line.start + len(line.text) - len(line.text.lstrip())
        if line.text.lstrip().startswith(PIPE):
            start += 1
        cells = []
        for text in piped_cells(line.text):
            cells.append(_trim(raw, Cell(start, start + len(text), line.number)))
            start += len(text) + 1
        yield cells


def _trim(raw: str, cell: Cell) -> Cell:
    start, end = cell.start, cell.end
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return Cell(start, end, cell.line + raw.count("\n", cell.start, start))


def _lines_of(raw: str, cell: Cell) -> tuple[Cell, ...]:
    """A cell's lines, each trimmed, blank ones left out (the cell itself when it holds one)."""
    lines = []
    for m in re.finditer(r"[^\r\n]+", raw[cell.start : cell.end]):
        start = cell.start + m.start()
        line = _trim(raw, Cell(start, cell.start + m.end(), cell.line + raw.count("\n", cell.start, start)))
        if line.end > line.start:
            lines.append(line)
    return tuple(lines) or (cell,)


def _texts(source: SourceText, row: list[Cell]) -> list[str]:
    return [normalise(source.quote(c).replace('""', '"')) for c in row]


def _lost_numbers(source: SourceText, rows: list[list[Cell]], columns, at_end: bool = True) -> dict[int, int]:
    """By row index, the number of a row whose 序号 cell came out empty or misread though the row is whole (its
    task and a unit cell filled): OCR by cells loses a narrow digit alone in its cell (1, 7, 11), or reads it as a
    letter or mark (``l``, ``I``, ``]``), and keeps the other cells.
    The sequence proves the number: the row stands alone in a gap of one (6, empty, 8) or opens a run whose next
    number is 2; and where a gap so proves that the table loses numbers, a whole row closing its last run after N
    (``at_end``) is N + 1. Rows that keep their numbers around it with no gap (a wrapped cell's line, a merged
    cell's row) prove nothing and stay unread; so do two rows in a gap, and a last row in a table losing no other."""
    def number(texts: list[str]) -> int | None:
        found = NUMBER.match(texts[columns.number]) if columns.number < len(texts) else None
        return int(found.group(1)) if found else None

    def whole(texts: list[str]) -> bool:
        return (columns.number < len(texts) and (texts[columns.number] in EMPTY_CELLS
                                                 or MISREAD_DIGIT.match(texts[columns.number]) is not None)
                and columns.task < len(texts) and texts[columns.task] not in EMPTY_CELLS
                and any(k < len(texts) and texts[k] not in EMPTY_CELLS for k, _ in columns.units))

    if columns.number is None:
        return {}
    entries: list[tuple[int, int | None]] = []  # (row index, its number; None for a whole row with none)
    runs: list[list[tuple[int, int | None]]] = [entries]
    for i, row in enumerate(rows):
        texts = _texts(source, row)
        filled = [t for t in texts if t not in EMPTY_CELLS]
        if len(filled) == 1 and SECTION_ROW.match(filled[0]):
            entries = []  # a section row: the numbers may start again under it
            runs.append(entries)
        elif (n := number(texts)) is not None or whole(texts):
            entries.append((i, n))
    lost: dict[int, int] = {}
    last: tuple[int, int] | None = None
    for run in runs:
        for j, (i, n) in enumerate(run):
            if n is not None:
                continue
            before = run[j - 1][1] if j > 0 else None
            after = run[j + 1][1] if j + 1 < len(run) else None
            if before is not None and after == before + 2 or j == 0 and after == 2:
                lost[i] = after - 1
            elif before is not None and j + 1 == len(run) and run is runs[-1]:
                last = i, before + 1
    if at_end and lost and last is not None:
        lost[last[0]] = last[1]
    return lost


def _spaces_wrap(cells: list[str]) -> bool:
    """True where the spaces inside a table's task cells are where the cells' printed lines wrapped, not its
    author's: OCR by cells (img2table's cells, RapidOCR's lines) joins a cell's lines with a space, so each piece but
    the last fills the column — all as wide as each other within two characters, six wide or more — and the last is
    no wider (``建设汉服原创设计中心，引进国内外 知名设计团队10个以上，每年发布原 创设计作品1000款以上``). An author's
    spaces part words of any width (``数字乡村建设指南 第2部分``); three full pieces from two cells or more decide."""
    full: list[float] = []
    last: list[float] = []
    for text in cells:
        pieces = SPACES.split(text.strip())
        if len(pieces) > 1:
            full += [_width(p) for p in pieces[:-1]]
            last.append(_width(pieces[-1]))
    return (len(full) >= 3 and len(last) >= 2 and min(full) >= 6 and max(full) - min(full) <= 2
            and max(last) <= max(full) + 1)


def _single_row_item(source: SourceText, body: list[tuple[list[Cell], dict[int, list[Cell]]]], n: int,
                     columns) -> bool:
    """True for row ``n`` of a ledger whose 序号 is merged over each item's rows where it is an item of one row:
    it prints a number, and the row after it (if any) prints one too (no row of the same item under it)."""
    def numbered(k: int) -> bool:
        texts = _texts(source, body[k][0])
        return columns.number < len(texts) and texts[columns.number] not in EMPTY_CELLS

    return numbered(n) and (n + 1 == len(body) or numbered(n + 1))


def _continues_row(texts: list[str], columns) -> bool:
    """True for a line that carries on the row before it across a page break: no number and no task text, only
    the rest of a unit cell (and of the columns after it)."""
    number_empty = columns.number is None or columns.number >= len(texts) or texts[columns.number] in EMPTY_CELLS
    return (number_empty and all(texts[k] in EMPTY_CELLS for k in columns.texts if k < len(texts))
            and any(k < len(texts) and texts[k] not in EMPTY_CELLS for k, _ in columns.units))


def _repeats_row(texts: list[str], above: list[str], columns) -> bool:
    """True for a row that prints the number and the task of the row above again: the cells of one task merged
    over several rows (rowspan), each row with units of its own, are one task; a unit cell merged with them is
    the same cell, named once."""
    if columns.number is None:
        return False
    keys = (columns.number, columns.text_of(texts))
    return all(k < len(texts) and k < len(above) and texts[k] not in EMPTY_CELLS and texts[k] == above[k]
               for k in keys)


def _width(text: str) -> float:
    """How wide ``text`` prints: a Latin letter or digit ½, any other character 1 (a Chinese text's marks print
    full-width, even where OCR reads them as their ASCII look-alikes: ，→,)."""
    return sum(0.5 if c.isascii() and c.isalnum() else 1 for c in text if not c.isspace())


def _column_widths(source: SourceText, rows: list[list[Cell]], columns) -> dict[int, float]:
    """The width of each column of a table printed a line a row (pipes, spaces): its widest cell on the first
    line of a numbered row, the width the column wraps at."""
    widths: dict[int, float] = {}
    for row in rows:
        if columns.number is None or columns.number >= len(row) or len(row) != columns.width or NUMBER.match(
                source.quote(row[columns.number])) is None:
            continue
        for k, cell in enumerate(row):
            widths[k] = max(widths.get(k, 0), _width(source.quote(cell)))
    return widths


def _wrapped_tails(source: SourceText, row: list[Cell], texts: list[str], above: list[Cell],
                   wrapped: dict[int, list[Cell]], columns, widths: dict[int, float], lexicon: Lexicon,
                   sep: str) -> dict[int, Cell] | None:
    """The cells of a line that carries on the numbered row above it where the row's cells wrap inside their
    columns (OCR of a scan, a plain text's table: a row printed over two lines, the second holding only the
    wrapped tails ``| | 中心扩容升级 | | 管委会 |``), by column; None for a line of its own. The line prints no
    number, no section's label and no note, and each of its pieces, no wider than its column, stands under a cell
    that fills its column's width (a cell wraps only where its line is full). With pipes each piece is in its
    column; with spaces, a line of one piece fewer than the columns holds each column's tail after the number,
    and a line of one piece the tail of a unit cell the line ends cut (``、`` at its end, or a last piece that is
    no name alone and with this one completes a name: 区商务 / 局, 各街 / 道办事处), else of the task's text."""
    if columns.number is None or columns.number >= len(above) or NUMBER.match(source.quote(above[columns.number])) \
            is None:
        return None
    first = next((t for t in texts if t not in EMPTY_CELLS), "")
    if NUMBER.match(first) or SECTION_ROW.match(first) or NOTE.match(first):
        return None

    def last(k: int) -> Cell:
        return (wrapped.get(k) or [above[k]])[-1]

    def full(k: int) -> bool:
        return k < len(above) and k in widths and _width(source.quote(last(k))) >= widths[k] - 1

    if source.rendered_from == "frame":
        # tabula's stream table printed by pandas splits a row's lines over several frame rows, NaN where a cell has
        # no more lines: a row with no number whose task text goes on a text left open (no full stop) and whose unit
        # cells each carry on a cell left open (区发展改 / 革委, 市城乡建设局、 / 市城管局, 市住房保 / 障和房产 /
        # 管理局) is the row above going on; a workbook's row under a merged 序号 starts a text and names units of
        # its own
        found = {k: row[k] for k, t in enumerate(texts) if t not in EMPTY_CELLS}
        task = columns.text_of(texts)
        if (len(row) != len(above) or texts[columns.number] not in EMPTY_CELLS or task not in found
                or source.quote(last(task)).rstrip().endswith(tuple(FULL_STOPS + "；;"))):
            return None
        roles = dict(columns.units)
        return found if all(left_open(source.raw, (last(k),), lexicon, roles[k]) for k in found if k in roles) \
            else None
    if sep == PIPE:
        if len(row) != len(above) or texts[columns.number] not in EMPTY_CELLS:
            return None
        found = {k: row[k] for k, t in enumerate(texts) if t not in EMPTY_CELLS}
    elif columns.number == 0 and len(row) == columns.width - 1:
        found = {k + 1: cell for k, cell in enumerate(row)}
    elif len(row) == 1:
        cut = next((k for k, role in columns.units if full(k) and _cut(source, last(k), row[0], lexicon, role)),
                   columns.task)
        found = {cut: row[0]}
    else:
        return None
    # a tail is no wider than its column (a note or 抄送 under the table is)
    return found if found and all(full(k) and _width(source.quote(c)) <= widths[k] + 1 for k, c in found.items()) \
        else None


def _cut(source: SourceText, cell: Cell, piece: Cell, lexicon: Lexicon, role: str) -> bool:
    """True where a unit cell ends cut and ``piece`` (the next line's) carries it on: the cell ends with a
    separator, or its last name is no name alone (read by its place only) and the two read joined end with one."""
    joined = read_pieces(source.raw, (cell, piece), lexicon, role)
    if joined is None or not joined.units or joined.units[-1].recognised == "label":
        return False
    return left_open(source.raw, (cell,), lexicon, role)


def _task(source: SourceText, columns, row: list[Cell], texts: list[str], order: int,
          problems: list[Problem], lexicon: Lexicon, cells: dict[int, list[tuple[Cell, ...]]],
          unnumbered: bool = False, wraps: dict[int, list[Cell]] | None = None,
          lost: int | None = None, spaces_wrap: bool = False) -> TaskRecord | None:
    def cell(k: int) -> Cell | None:
        return row[k] if k < len(row) else None

    line = row[0].line
    blank = unnumbered and (columns.number >= len(texts) or texts[columns.number] in EMPTY_CELLS)
    if columns.number is None or blank:
        number = order
    elif lost is not None:  # its number lost in OCR, proved by its neighbours' (:func:`_lost_numbers`)
        number = lost
        problems.append(Problem(source.path, line, f"a row whose number is empty or misread: read as row {lost}, "
                                                   "the number its neighbours leave out", "warning"))
    else:
        found = NUMBER.match(texts[columns.number]) if columns.number < len(texts) else None
        if found is None:
            problems.append(Problem(source.path, line, "a row with no number: not read as a task", "warning"))
            return None
        number = int(found.group(1))
    text = cell(columns.text_of(texts))
    if text is None:
        problems.append(Problem(source.path, line, f"row {number} is cut short: it has no task text", "error"))
        return None
    # a line break inside a delimited text's cell was typed (a spreadsheet's wrap is display only; a Word cell's
    # paragraphs): the cell's lines are read apart, one name a line
    # a cell wrapped onto the row's next lines (:func:`_wrapped_tails`) is read as its lines joined, as a wrap is
    units = [(role, tuple(x for piece in c for x in _lines_of(source.raw, piece)))
             for k, role in columns.units for c in cells.get(k, [])]
    if len(row) < columns.width:
        problems.append(Problem(source.path, line, f"row {number} has {len(row)} of {columns.width} cells",
                                "warning"))
    # a typed table's cell keeps its author's spaces between words; a CSV cell's doubled quotes are one quote
    # (where the table's spaces are its cells' wraps, :func:`_spaces_wrap`, they are layout, as a PDF's are)
    typed = normalise if spaces_wrap else normalise_typed
    body = typed(source.quote(text)).replace('""', '"') if not source.rendered_from else None
    wraps = wraps or {}
    if wraps.get(columns.text_of(texts)):
        body = normalise("".join(source.quote(c) for c in (text, *wraps[columns.text_of(texts)])))
    if body is not None:  # a Markdown cell's line break (<br>, a PDF cell's wrap: pymupdf4llm) is no text
        body = BREAK_TAG.sub("", body)
    task = task_from_cells(source, number, text, units, problems, lexicon, body, apart=not wraps)
    if task is None:
        return None
    pieces = [*row, *(c for more in wraps.values() for c in more)]  # a centred row's lines stand above its number
    return replace(task, row_span=Span(min(c.start for c in pieces), max(c.end for c in pieces), line),
                   label="" if blank else task.label)


def _merged_numbers(source: SourceText, body: list[tuple[list[Cell], dict[int, list[Cell]]]], columns) -> bool:
    """True for a ledger whose 序号 and 重点任务 are merged over the 具体措施 rows of one item (Excel writes a merged
    cell in its first row and leaves it blank below): a row after a numbered one has neither, but a task column
    after them and units of its own."""
    if columns.number is None or len(columns.texts) < 2:
        return False
    seen = False
    for row, _ in body:
        texts = _texts(source, row)
        if columns.number < len(texts) and NUMBER.match(texts[columns.number]):
            seen = True
        elif (seen and all(k >= len(texts) or texts[k] in EMPTY_CELLS for k in (columns.number, columns.task))
              and any(k < len(texts) and texts[k] not in EMPTY_CELLS for k in columns.texts[1:])
              and any(k < len(texts) and texts[k] not in EMPTY_CELLS for k, _ in columns.units)):
            return True
    return False


def _grouping_text(source: SourceText, body: list[tuple[list[Cell], dict[int, list[Cell]]]], columns,
                   names: list[str]) -> bool:
    """True for a table with two task columns, the second the specific one (具体措施, 具体任务), whose first is
    printed only on the first of the numbered rows it spans (重点任务 merged over rows 1-3, each with its 序号 and
    具体措施): it groups the rows, and every row's task is its specific cell, as in a PDF's table
    (:func:`fengong.readers.pdf_table._grouped_texts`). A second column that only describes (工作措施) leaves the
    first printed text the task's."""
    if columns.number is None or len(columns.texts) < 2 or not re.sub(r"\s+", "", names[columns.texts[1]]).startswith(
            "具体"):
        return False
    for n, (row, _) in enumerate(body):
        texts = _texts(source, row)
        if (n > 0 and columns.number < len(texts) and NUMBER.match(texts[columns.number])
                and columns.task < len(texts) and (texts[columns.task] in EMPTY_CELLS or _filled_from_left(texts,
                                                                                            columns.task))
                and columns.texts[1] < len(texts) and texts[columns.texts[1]] not in EMPTY_CELLS):
            return True
    return False


def _filled_from_left(texts: list[str], k: int) -> bool:
    """True for a cell printing the text of the cell to its left: PyMuPDF's ``Table.to_markdown()`` fills a cell
    merged over rows (empty below its first row) with its left neighbour's text (``| 2 | 2 | 推动… |``); a task
    cell that says only the row's number is such an empty cell."""
    return 0 < k < len(texts) and texts[k] not in EMPTY_CELLS and texts[k] == texts[k - 1] and NUMBER.fullmatch(
        texts[k]) is not None


def _rows_of_items(parts: list[tuple[str, Span | None, list[TaskRecord]]], headings: dict[int, Cell],
                   source: SourceText) -> list[ItemRecord]:
    """The items whose rows print no number of their own, each row a statement of its item (keyed ``N-k``, no
    label): a numbered row and the rows its merged 序号 spans (item ``N``, titled by its 重点任务), or the rows
    under a section row where no row prints a number (``一、…`` is item ``1``). An item with one row is keyed by
    its own number, as before. Returns the items made, the parts' tasks keyed in place."""
    items: list[ItemRecord] = []
    for n, (title, span, tasks) in enumerate(parts):
        groups: list[list[TaskRecord]] = []
        for task in tasks:
            if task.label or not groups or not groups[-1][0].label and span is None:
                groups.append([task])
            else:
                groups[-1].append(task)
        keyed: list[TaskRecord] = []
        for group in groups:
            head = group[0]
            section = section_label(title) if not head.label and span is not None else None
            if head.label:
                cell = headings[id(head)]
                item = ItemRecord(head.key, head.label, head.number, None, normalise(source.quote(cell)), cell)
            elif section is not None:
                item = ItemRecord(str(section[1]), section[0], section[1], None,
                                  normalise(title[len(section[0]) :]).strip() or title, span)
            else:
                keyed.extend(group)  # rows with no number and no section: numbered by their order
                continue
            if len(group) == 1:
                keyed.append(replace(head, key=item.key, number=item.number))
                continue
            items.append(item)
            keyed.extend(replace(t, key=f"{item.key}-{k}", number=k, label="", parent=item.key)
                         for k, t in enumerate(group, 1))
        parts[n] = (title, span, keyed)
    return items
