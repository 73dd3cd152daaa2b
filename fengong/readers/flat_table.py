"""Reader for task-division tables flattened one cell per line.

Copying a table out of a web page or a word processor often gives one cell per line::

    序号
    工作任务
    牵头单位
    配合单位
    完成时限
    一、优化营商环境          ← a section row
    1
    推进企业开办便利化。
    市场监管局
    公安局、税务局
    2019年底前

The header lines (序号, 工作任务 / 重点任务, 牵头单位 / 责任单位 / 配合单位 / 指导部门, and columns that hold no
units such as 推广范围, 完成时限) give the number of cells per row and the role of each unit column. An empty
cell is written ``—``, ``/`` or ``无``, or left an empty line: where the header's cells stand on consecutive lines,
a blank line inside a row is an empty cell (where a blank line parts every cell, each further pair of blank lines
is one); where the header's cells stand apart by two blank lines or more, a cell's lines stand closer (a web
page's ``get_text('\\n')``: a span a line) and a row short of cells lacks the unit cells merged from the row above
(:func:`_gapped_row`). A row is its number line and the cells after it; a line where a number
is due that is a heading (一、…, （一）…) opens a section; a note (注：…) ends the table and may state the
lead rule. A row cut short (the next number or the end comes early) is reported with its line.

A ruled table pdfminer printed in text boxes, column by column within blocks of rows, is read by counting each
column's cells (:func:`read_boxes`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from itertools import combinations_with_replacement, product

from fengong.readers.docmeta import new_plan
from fengong.readers.lexicon import Lexicon, lexicon_for
from fengong.readers.lines import PAGE_NUMBER, RULE_LINE, Line, LineIndex, blank_out, running_heads
from fengong.readers.markdown import blank_marks
from fengong.readers.rows import (
    EMPTY_CELLS,
    NUMBER,
    NUMBER_HEADERS,
    OTHER_HEADERS,
    SECTION_ROW,
    carried_by_notes,
    check_sequence,
    document_rule,
    header_like,
    is_header_cell,
    left_open,
    map_header,
    merged_lead,
    noted_columns,
    read_pieces,
    section_items,
    sections_of,
    sub_header,
    task_from_cells,
)
from fengong.readers.sources import readable_lines
from fengong.readers.statement import Statement
from fengong.readers.vocabulary import (
    COMMAS,
    FULL_STOPS,
    LABEL_ROLES,
    LEAD_RULE,
    NOT_LISTED,
    OPENERS,
    RESPONSIBLE,
    SEMICOLONS,
    SEPARATOR,
    column_role,
    rule_extent,
)
from fengong.records import PlanRecord, Problem, ReadError, SourceText, Span, TaskRecord
from fengong.textrepair import normalise, repair

NOTE = re.compile(r"^\s*(?:注|说明|备注)\s*[:：]")


def read(source: SourceText, slug: str | None = None, jurisdiction: str | None = None) -> PlanRecord:
    """Read the flattened table of ``source``; :class:`ReadError` when it has no header block."""
    lines = LineIndex(blank_marks(repair(source.raw)))  # Markdown's marks (**序号**) are layout: offsets stay put
    plan = new_plan(source, lines, slug, jurisdiction)
    source = replace(source, raw=lines.text)  # the plan keeps the file's text; its table is read without the marks
    problems = plan.problems
    # a page number between the rows (— 3 —, then the header again) is page furniture: the table goes on
    # and so is a rule (|||) between them, and the running head printed after the page number (never the header's
    # own cell printed again there: 序号)
    heads = {n for n in running_heads(*blank_out(lines.text, PAGE_NUMBER.match), before_numbers=False)
             if not is_header_cell(lines.lines[n - 1].text)}
    content = [line for line in readable_lines(lines.lines, source.path, problems)
               if not PAGE_NUMBER.match(line.text) and not RULE_LINE.match(line.text) and line.number not in heads]
    found = find_header(content)
    boxed = find_box_header(content) if found is None else None
    if boxed is not None and _read_in_boxes(source, lines, content, boxed, plan):
        return plan  # a ruled table pdfminer printed in text boxes, column by column
    numbered = find_row_box_header(content)
    if numbered is not None and (found is None or numbered[0] < found[0]):
        # a ruled table pdfminer printed in text boxes, each task box opening with its row's number
        lexicon = lexicon_for(plan.jurisdiction)
        parts = read_row_boxes(source, lines, content[numbered[0]].number, numbered[1], numbered[2], lexicon,
                               problems)
        if parts is None:
            raise ReadError(problems + [Problem(source.path, content[numbered[0]].number, "a table printed in text "
                                                "boxes whose cells do not fill its rows one to one: not read")])
        plan.sections = sections_of(parts, numbered[1], document_rule(source), source,
                                    carried_by_notes(source, lexicon, set()))
        plan.items = section_items(parts, source)
        return plan
    if boxed is not None:
        if _read_printed_lines(source, lines, content, plan):
            return plan
        raise ReadError(problems + [Problem(source.path, content[boxed[0]].number, "a table printed in text "
                                            "boxes whose columns' cells do not align one to one: not read")])
    if found is None:
        raise ReadError(problems + [Problem(source.path, 1, "no table header found: no lines such as 序号 / "
                                                            "工作任务 / 牵头单位 one per line")])
    return _read_rows(source, lines, content, found, plan, _blank_runs(lines.lines, content))


def _read_printed_lines(source: SourceText, lines: LineIndex, content: list[Line], plan: PlanRecord) -> bool:
    """Read into ``plan`` a table printed as a PDF tool prints the page's lines, each on a line of its own (mutool's
    stext lines joined, PDFBox's text): a blank line ends a block of lines, no cell (a cell's lines may stand in two
    blocks, a block may hold the lines of several cells); cells on one baseline are parted by spaces (区住建交通局
    区发改局、区投资促): each piece is its cell's line; a header cell wrapped in its narrow column (序 / 号) is one
    cell. Read as a table one cell line per line whose cells wrap (:func:`_wrapped_row`); False where its rows do
    not all read so, in sequence, with every unit a name the gazetteer knows or that ends as a body's (nothing is
    kept then)."""
    # such a tool prints a page's foot before its number (the issuer, 成都市…办公室 / — 5 —), as pdftext does
    feet = set(running_heads(*blank_out(lines.text, PAGE_NUMBER.match)))
    pieces: list[Line] = []
    for line in (line for line in content if line.number not in feet or is_header_cell(line.text)):
        for m in re.finditer(r"\S+", line.text):
            piece = Line(line.number, line.start + m.start(), line.start + m.end(), m.group())
            if pieces and re.sub(r"\s+", "", normalise(pieces[-1].text + piece.text)) in NUMBER_HEADERS:
                piece = Line(pieces[-1].number, pieces[-1].start, piece.end, source.raw[pieces[-1].start : piece.end])
                pieces.pop()
            pieces.append(piece)
    found = find_header(pieces)
    if found is None:
        return False
    trial = replace(plan, problems=[], sections=[], items=[])
    try:
        _read_rows(source, lines, pieces, found, trial, {}, merged=True)
    except ReadError:
        return False
    # every row read, in sequence, each unit a name known or ending as a body's (not one the column alone vouches for)
    numbers = [p for p in pieces[found[0] :] if NUMBER.match(p.text)]
    if (any(p.severity == "error" or "out of sequence" in p.message for p in trial.problems)
            or len(trial.tasks) != len(numbers) or not trial.tasks
            or any(u.recognised == "label" for t in trial.tasks for u in t.units)):
        return False
    plan.sections, plan.items = trial.sections, trial.items
    plan.problems.extend(trial.problems)
    return True


def _read_rows(source: SourceText, lines: LineIndex, content: list[Line], found, plan: PlanRecord,
               blanks: dict[int, list[Line]], merged: bool = False) -> PlanRecord:
    """Read into ``plan`` the rows under the header :func:`find_header` found (``found``) in ``content``, the blank
    lines before each content line ``blanks`` (``merged``: see :func:`_wrapped_row`)."""
    problems = plan.problems
    at, columns, run = found
    breaks = _page_breaks(lines.lines, content)
    widths: dict[int, int] = {}  # a wrapped table's columns: the width of their full lines
    gap = _cell_gap(content[at : at + run], blanks)
    header_texts = [normalise(line.text) for line in content[at : at + run]]  # as printed
    names = header_names(header_texts[: len(header_texts) - (header_texts[-1] == "号")])  # each column's
    kept: list[Problem] = []
    side = read_side_by_side(source, content, at + run, columns, names, header_texts, lexicon_for(plan.jurisdiction),
                             kept)
    if side is not None:  # an unruled table's cells printed side by side on their shared lines
        parts, rule = side
        problems.extend(kept)
        rows = {t.row_span.line + k for _, _, tasks in parts for t in tasks
                for k in range(source.raw.count("\n", t.row_span.start, t.row_span.end) + 1)}
        carried = carried_by_notes(source, lexicon_for(plan.jurisdiction), rows)
        plan.sections = sections_of(parts, columns, rule or document_rule(source), source, carried)
        plan.items = section_items(parts, source)
        return plan
    # an empty cell printed as nothing (PyMuPDF), where no blank line after the header prints one
    silent = not any(blanks.get(line.number) for line in content[at + 1 :])
    columns = noted_columns(columns, names, source.raw)  # “责任单位”栏所列单位为配合单位
    parts: list[tuple[str, Span | None, list[TaskRecord]]] = [("任务分工", None, [])]
    numbers: list[tuple[int, int]] = []
    rule: Span | None = None
    i = at + run
    above: tuple[list, list[str]] | None = None  # the row above: its cells and their texts
    leads = [k for k, role in columns.units if role == "lead"]
    given: bool | None = None  # whether the first row has a lead: a table that gives every row one
    flat = len(problems)
    run_together = False  # the rows stopped at a line holding a row's cells run together (2 建立… 省数据局)
    notes: set[int] = set()  # lines of the rows on which a note after the table is printed (:func:`_note_cut`)
    while i < len(content):
        line = content[i]
        text = normalise(line.text)
        if [normalise(x.text) for x in content[i : i + run]] == header_texts:
            i += run  # the header repeated at a page break
            continue
        if NOTE.match(line.text):
            rule = _rule(source, line)
            break
        number = NUMBER.match(text)
        joined = None
        if number is None:
            if SECTION_ROW.match(text) and len(text) <= 60:
                parts.append((text, Span(line.start, line.end, line.number), []))
                above = None  # no cell is merged across a section row
                i += 1
                continue
            joined = _joined_row(source, content, i, numbers[-1][0] + 1 if numbers else 1, columns.width,
                                 header_texts, lexicon_for(plan.jurisdiction))
            if joined is None:
                # the next row's number opening a line of more text: its cells run together (pdfminer's boxes)
                run_together = _opens_with_row(line.text) == (numbers[-1][0] + 1 if numbers else 1)
                break  # the table has ended
            line, cells, taken = joined
            number = NUMBER.match(line.text)
        else:
            cells, taken = _row_cells(content, i, columns.width, gap, blanks)
        cut = next((k for k, c in enumerate(cells) if _starts_next_row(c, int(number.group(1)))), None)
        gapped = _gapped_row(content, i, columns, gap, blanks, header_texts, above) if joined is None else None
        if gapped is not None:
            cells, taken = gapped
            cut = None
        elif joined is None and (cut is not None or len(cells) < columns.width - 1
                                 or not _row_ends(content, i + taken, int(number.group(1)), header_texts)):
            wrapped = _wrapped_row(source, content, i, columns, header_texts, names, blanks, breaks,
                                   lexicon_for(plan.jurisdiction), widths, silent, merged)
            if wrapped is not None:
                cells, taken = wrapped
                cut = None
        if cut is not None or len(cells) < columns.width - 1 or (
                not isinstance(cells[0], tuple) and not _closed(content, i + taken, cells, number)):
            have = len([c for c in cells[:cut] if not c.blank])  # the cells printed before the next row
            problems.append(Problem(source.path, line.number, f"row {number.group(1)} is cut short: {have + 1} of "
                                                              f"{columns.width} cells", "error"))
            i += 1 + have
            continue
        if gap and not isinstance(cells[0], tuple) and any(not a.blank and not b.blank and b.number == a.number + 1
                                                           for a, b in zip(cells, cells[1:], strict=False)):
            # cells parted by blank lines, as the header's are (OCR's paragraph a cell), yet two of this row's stand
            # on adjacent lines: one cell wrapped over both, so which line is which cell's is not known
            problems.append(Problem(source.path, line.number, f"row {number.group(1)}: a cell wraps over lines where "
                                    "the table parts its cells by blank lines; its cells cannot be told apart",
                                    "error"))
            i += taken
            continue
        row = [line, *cells]
        if _row_ends(content, i + taken, int(number.group(1)), header_texts) and not (
                i + taken < len(content) and _starts_next_row(content[i + taken], int(number.group(1)))):
            row, noted = _note_cut(row)  # the last row of its table: a note may follow on its line
            notes.update(noted)
        texts = _cell_texts(source, row)
        given = all(texts[k] not in EMPTY_CELLS for k in leads) if given is None else given
        if given and above is not None and merged_lead(texts, above[1], columns):
            # docx2txt prints a Word cell merged over rows in its first row, empty below: the lead of the row above
            row = [above[0][k] if k in leads else cell for k, cell in enumerate(row)]
            texts = _cell_texts(source, row)
        above = (row, texts)
        numbers.append((int(number.group(1)), line.number))
        task = _task(source, columns, row, int(number.group(1)), problems, lexicon_for(plan.jurisdiction))
        if task is not None:
            parts[-1][2].append(task)
        i += taken
    cut_short = any(p.severity == "error" for p in problems[flat:])
    boxed = find_box_header(content) if cut_short or run_together else None
    if boxed is not None:
        # rows cut short, or a line running a row's cells together, under a header one cell per line: pdfminer's
        # text boxes (a blank line after each), read as boxes where their cells align one to one
        kept = problems[flat:]
        del problems[flat:]
        if _read_in_boxes(source, lines, content, boxed, plan):
            return plan
        if run_together:  # no guess at which row a scattered cell belongs to
            raise ReadError(problems + kept + [Problem(source.path, content[i].number, "a table printed in text boxes "
                                                       "(a row's cells run together on this line) whose columns' cells "
                                                       "do not align one to one: not read")])
        problems.extend(kept)
    check_sequence(numbers, source.path, problems)
    table = {ln.number for ln in content[at:i]} - notes  # a cell never carries; a note after the rows or before may
    carried = carried_by_notes(source, lexicon_for(plan.jurisdiction), table)
    plan.sections = sections_of(parts, columns, rule or document_rule(source), source, carried)
    plan.items = section_items(parts, source)
    if not plan.sections:
        raise ReadError(problems + [Problem(source.path, content[at].number, "a table header was found but no "
                                                                             "row with units follows it")])
    return plan


def _read_in_boxes(source: SourceText, lines: LineIndex, content: list[Line], boxed, plan: PlanRecord) -> bool:
    """Read into ``plan`` the table whose header :func:`find_box_header` found (``boxed``); False where its boxes'
    cells do not align one to one."""
    at, run, columns, header = boxed
    lexicon = lexicon_for(plan.jurisdiction)
    # from the header's last line on, or from its 序号 on where a section row stands among its boxes (the
    # header's own boxes are skipped there as the header printed again is)
    inside = any(_section_in_header(content, k) for k in range(at + 1, at + run))
    start = content[at].number if inside else content[at + run - 1].number
    parts = read_boxes(source, lines, start, columns, header, lexicon, plan.problems)
    if parts is None:
        return False
    plan.sections = sections_of(parts, columns, document_rule(source), source, carried_by_notes(source, lexicon, set()))
    plan.items = section_items(parts, source)
    return True


def find_header(content: list[Line]):
    """``(index, Columns, lines)`` of the first header block (one header cell per line): 序号, then the cells that
    follow it — known headers, or short labels (时间节点, 责任领导) whose columns hold no units."""
    for i, line in enumerate(content):
        if re.sub(r"\s+", "", normalise(line.text)) not in NUMBER_HEADERS:
            continue
        run = 1
        while i + run < len(content) and header_like(content[i + run].text):
            run += 1
        columns = map_header(header_names([line.text for line in content[i : i + run]])) if run >= 3 else None
        # 序 / 号 printed around the other cells (its narrow cell wraps it over two lines, the others stand on the
        # middle one): 号 closes the header
        wrapped = i + run < len(content) and normalise(line.text + content[i + run].text).strip() == "序号"
        if columns is not None and columns.number == 0:
            return i, columns, run + wrapped
    return None


def header_names(cells: list[str]) -> list[str]:
    """The columns of a header printed one cell per line. A header over two rows prints its upper row, then the
    lower row's cells only (a page's text, ``get_text()``: the cells spanning both rows are not printed again):
    ``序号`` … ``责任单位`` ``责任县领导`` ``完成时限`` ``牵头单位`` ``配合单位`` — role words closing the block,
    after a column that names no units, are the columns of the one cell above that names units
    (:func:`sub_header`). A block whose role words follow one another names its columns as printed."""
    names = [re.sub(r"\s+", "", normalise(c)) for c in cells]
    roles = [column_role(n) or LABEL_ROLES.get(n) for n in names]
    k = len(names)
    while k > 0 and roles[k - 1] is not None:
        k -= 1
    # 责任单位 opening the run is the upper row's own column; after 牵头单位 it is the lower row's (pdf2docx's Word
    # table in mammoth: 责任分工 over 牵头单位 / 责任单位)
    while k < len(names) and roles[k] == RESPONSIBLE:
        k += 1
    if len(names) - k < 2 or roles[k - 1] is not None or sum(r is not None for r in roles[:k]) != 1:
        return names
    return sub_header(names[:k], names[k:]) or names


def _blank_runs(lines: list[Line], content: list[Line]) -> dict[int, list[Line]]:
    """Line number of each content line → the blank lines right before it, where nothing else (a page number, a
    skipped line) stands between it and the content line before."""
    kept = {line.number for line in content}
    runs: dict[int, list[Line]] = {}
    run: list[Line] = []
    after_content = False
    for line in lines:
        if line.blank:
            run.append(line)
            continue
        if line.number in kept:
            runs[line.number] = run if after_content else []
        after_content, run = line.number in kept, []
    return runs


def _cell_gap(header: list[Line], blanks: dict[int, list[Line]]) -> int | None:
    """The blank lines parting two cells, as the header block parts its cells (None where it varies)."""
    gaps = {len(blanks.get(line.number, [])) for line in header[1:]}
    return gaps.pop() if len(gaps) == 1 else None


def _row_cells(content: list[Line], i: int, width: int, gap: int | None,
               blanks: dict[int, list[Line]]) -> tuple[list[Line], int]:
    """The cells after the number line ``content[i]`` (a blank line for an empty cell: blank lines beyond the
    table's cell gap, ``gap + 1`` of them a cell) and how many content lines the row takes."""
    cells: list[Line] = []
    j = i + 1
    while len(cells) < width - 1 and j < len(content):
        run = blanks.get(content[j].number, []) if gap is not None else []
        cells.extend(run[gap + k * (gap + 1)] for k in range(max(0, len(run) - gap) // (gap + 1)))
        if len(cells) >= width - 1:
            break
        cells.append(content[j])
        j += 1
    return cells[: width - 1], j - i


def _gapped_row(content: list[Line], i: int, columns, gap: int | None, blanks: dict[int, list[Line]],
                header_texts: list[str], above: tuple[list, list[str]] | None):
    """A row of a table whose cells stand apart by a run of blank lines, as its header's do, while a cell's own
    lines stand closer (a web page's ``get_text('\\n')``: every span of a cell a line of its own, ``2019`` / ``年`` /
    ``12`` / ``月底``, each ``<br>`` a short run of blank lines): the lines after the number line ``content[i]`` grouped
    into cells by the runs as wide as the header's (wider: empty cells, as :func:`_row_cells` counts them), up to
    the next row. Such a rendering prints a cell merged over rows (rowspan) in its first row only: a row short of
    cells under a row of its section lacks unit cells, taken from the row above — the first unit columns', as a
    lead over several measures is what such tables merge (which unit cell went missing is not in the text), the
    printed cells after them filling the rest in order. ``(cells, lines taken)``, each cell a tuple of its lines;
    None where the header's cells are not so parted, or the row fits no reading."""
    if gap is None or gap < 2:
        return None
    number = int(NUMBER.match(normalise(content[i].text)).group(1))
    cells: list = []
    j = i + 1
    while j < len(content) and not TABLE_END.match(content[j].text):  # a note closes the last row
        run = len(blanks.get(content[j].number, []))
        if run >= gap:
            if _row_ends(content, j, number, header_texts) or len(cells) == columns.width - 1:
                break
            blank = blanks[content[j].number]  # an empty cell: a run of its own, as in :func:`_row_cells`
            cells.extend(blank[gap + k * (gap + 1)] for k in range((run - gap) // (gap + 1)))
            cells.append([])
        elif not cells:
            return None  # the number's line goes on: no such table
        cells[-1].append(content[j])
        j += 1
    cells = [cell if isinstance(cell, Line) else (cell,) for cell in cells[: columns.width - 1]]
    short = columns.width - 1 - len(cells)
    unit_columns = [k for k, _ in columns.units]
    if not short:
        return cells, j - i
    if above is None or short > len(unit_columns):
        return None
    missing = unit_columns[:short]
    filled = dict(zip((k for k in range(1, columns.width) if k not in missing), cells, strict=True))
    return [filled[k] if k in filled else above[0][k] for k in range(1, columns.width)], j - i


def _closed(content: list[Line], j: int, cells: list[Line], number: re.Match) -> bool:
    """Whether a row read with empty cells is followed by what follows a row (the next row's number, a section
    row, a note, the header again, the end): elsewhere the blank lines may be a paragraph break after the table,
    and the row is cut, its lines taken from the text after it."""
    if not any(c.blank for c in cells) or j >= len(content):
        return True
    text = normalise(content[j].text)
    return (_starts_next_row(content[j], int(number.group(1))) or bool(SECTION_ROW.match(text))
            or bool(NOTE.match(text)) or re.sub(r"\s+", "", text) in NUMBER_HEADERS)


def _starts_next_row(line: Line, number: int) -> bool:
    """Whether ``line`` opens row ``number + 1``: its number alone, or its number, a space and its first cell
    (:func:`_joined_row`)."""
    found = NUMBER.match(normalise(line.text))
    return int(found.group(1)) == number + 1 if found else _opens_with_row(line.text) == number + 1


_NOTE_ON_LINE = re.compile(r"\s+(?:注|说明|备注)\s*[:：]")


def _note_cut(row: list) -> tuple[list, set[int]]:
    """The last row's cells without a standing note a tool printed on one of their lines (``…直达快享
    注：各街道办事处负责本辖区相关任务落实，表中不再一一列出。``: the note's text box on the row's baseline,
    grouped with it), and the lines holding one. Only a note that says its units are not listed: such words are
    never a cell's."""
    cut, noted = list(row), set()
    for k, cell in enumerate(row):
        found = _NOTE_ON_LINE.search(cell.text) if isinstance(cell, Line) else None
        if found is not None and NOT_LISTED.search(cell.text, found.end()):
            cut[k] = Line(cell.number, cell.start, cell.start + found.start(), cell.text[: found.start()])
            noted.add(cell.number)
    return cut, noted


def _joined_row(source: SourceText, content: list[Line], i: int, number: int, width: int, header_texts: list[str],
                lexicon: Lexicon):
    """Row ``number`` where its number and its first cell share the line ``content[i]`` (``5 开展…专项整治``)
    and every other cell is one line after it: a one-line cell on its row's number's baseline, which pdfminer
    (and tools built on it) groups into one line with the number. Only where the row then ends as a row does
    (:func:`_row_ends`); a line running all of a row's cells together (its last piece unit names) is no such row.
    ``(the number as a line, [first cell, other cells…], lines taken)`` or None."""
    line = content[i]
    if _opens_with_row(line.text) != number:
        return None
    head = re.match(r"\s*\S+\s+", line.text).end()
    tail = re.search(r"\s(\S+)\s*$", line.text[head:])
    if tail is not None and _names_only(source, [Line(line.number, line.start + head + tail.start(1), line.end,
                                                      tail.group(1))], lexicon):
        return None
    cells = content[i + 1 : i + width - 1]
    if (len(cells) < width - 2 or any(c.blank or NUMBER.match(normalise(c.text)) or _opens_with_row(c.text)
                                      or TABLE_END.match(c.text) or SECTION_ROW.match(normalise(c.text)) for c in cells)
            or not _row_ends(content, i + width - 1, number, header_texts)):
        return None
    digits = line.text[:head].rstrip()
    first = Line(line.number, line.start + head, line.end, line.text[head:])
    return Line(line.number, line.start, line.start + len(digits), digits), [first, *cells], width - 1


def _task(source: SourceText, columns, row: list, number: int, problems: list[Problem], lexicon: Lexicon):
    text = _pieces(row[columns.task])
    units = [(role, _pieces(row[col], lines=True)) for col, role in columns.units]
    body = normalise("".join(source.quote(p) for p in text)) if len(text) > 1 else None
    task = task_from_cells(source, number, text[0], units, problems, lexicon, body)
    if task is None:
        return None
    first = _pieces(row[0])[0]
    return replace(task, row_span=Span(first.start, max(p.end for cell in row for p in _pieces(cell)), first.line))


def _text(source: SourceText, cell: tuple) -> str:
    return normalise("".join(source.quote(p) for p in _pieces(cell, lines=True)))


def _cell_texts(source: SourceText, row: list) -> list[str]:
    return [normalise("".join(source.quote(p) for p in _pieces(cell))).strip() for cell in row]


def _pieces(cell, lines: bool = False) -> tuple[Span, ...]:
    """A cell's text as spans: one line, or (a wrapped cell) its lines on each page, one span a page (``lines``:
    one span a line)."""
    groups = cell if isinstance(cell, tuple) else ([cell],)
    if lines:
        groups = tuple([line] for group in groups for line in group)
    return tuple(Span(group[0].start + len(group[0].text) - len(group[0].text.lstrip()),
                      group[-1].start + len(group[-1].text.rstrip()), group[0].number) for group in groups if group)


def _page_breaks(lines: list[Line], content: list[Line]) -> set[int]:
    """Line numbers of the content lines that open a page: a page number (— 3 —) or a form feed before them."""
    opened: set[int] = set()
    pending = False
    kept = {line.number for line in content}
    for line in lines:
        if line.number in kept:
            if pending or line.text.startswith("\f"):
                opened.add(line.number)
            pending = False
        elif PAGE_NUMBER.match(line.text):
            pending = True
    return opened


def _row_ends(content: list[Line], j: int, number: int, header_texts: list[str]) -> bool:
    """Whether ``content[j]`` is what follows a row: the next row's number, a section row, a note, the document's
    closing lines (抄送：, 公开方式：, 联系人：), the header again, or the end."""
    if j >= len(content):
        return True
    text = normalise(content[j].text)
    return (_starts_next_row(content[j], number) or bool(SECTION_ROW.match(text) and len(text) <= 60)
            or bool(TABLE_END.match(text)) or normalise(content[j].text) == header_texts[0])


WRAP_SLACK = 4  # display columns: a wrapped cell's full lines differ by a character or two (punctuation, digits)
MAX_ROW_LINES = 40


_MID_TEXT = set(SEPARATOR + COMMAS + SEMICOLONS + FULL_STOPS + "：:" + "".join(OPENERS.values()))


def _width(text: str) -> int:
    text = normalise(text).rstrip("，、。；：,;:")
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _misfits(group: list[Line], column: int | None) -> int:
    """How many lines of a wrapped cell break the wrapping: every line but the last fills the column (as wide as
    the widest, within a character or two), the last is no wider, and none is wider than the column's full lines
    in the rows above (``column``, where known)."""
    widths = [_width(line.text) for line in group]
    wider = sum(w > column + WRAP_SLACK for w in widths) if column is not None else 0
    if len(group) < 2:
        return wider
    full = max(widths)
    return wider + sum(full - w > WRAP_SLACK for w in widths[:-1]) + (widths[-1] > full + WRAP_SLACK)


def _reads_as_deadline(cell: tuple) -> bool:
    """True for a 完成时限 cell that is empty or opens with a date or a standing time (2026年12 / 月 is one)."""
    text = normalise("".join(line.text.strip() for group in cell for line in group))
    return not text or DEADLINE_CELL.match(text) is not None


def _opens_mid_text(cell: tuple) -> bool:
    """True for a cell whose first line opens with a mark that only goes on a text (、，；。 or a closing bracket): a
    renderer pushes such a mark to the start of a cell's next line (县农业农村局、县城管局 / 、县卫健委), never to its
    first."""
    first = next((group for group in cell if group), None)
    return first is not None and normalise(first[0].text).lstrip()[:1] in _MID_TEXT


def _wrapped_row(source: SourceText, content: list[Line], i: int, columns, header_texts: list[str],
                 names: list[str], blanks: dict[int, list[Line]], breaks: set[int], lexicon: Lexicon,
                 widths: dict[int, int], silent: bool = False, merged: bool = False):
    """A row whose cells wrap over several lines each (pdftotext without -layout): the lines after the number
    line ``content[i]`` up to the next row, split into the row's cells in order, where every unit cell reads as
    unit names and each cell's lines wrap as a column's do (see :func:`_misfits`). A row split by a page break
    (the page number, the header again) is its cells' first lines, then the rest of each cell in the same order,
    any of them empty. The last row, whose end nothing marks, ends where its cells split best.
    ``merged``: a cell merged over rows is printed once (a PDF tool's page lines), so a cell that names no task and
    no unit, and the first unit cell, may print nothing in any row; such a cell never holds a body's name alone.
    ``(cells, lines taken)``, each cell a tuple of its lines on each page; None where no split reads."""
    number = int(NUMBER.match(normalise(content[i].text)).group(1))
    lines: list[tuple[int, Line, bool]] = []  # (index in content, line, opens a page)
    j, page = i + 1, False
    while j < len(content) and len(lines) < MAX_ROW_LINES:
        if [normalise(x.text) for x in content[j : j + len(header_texts)]] == header_texts:
            j, page = j + len(header_texts), True
            continue
        if _row_ends(content, j, number, header_texts) or blanks.get(content[j].number):
            break
        lines.append((j, content[j], page or content[j].number in breaks))
        page = False
        j += 1
    closed = j < len(content) and _row_ends(content, j, number, header_texts)  # the last row's end is unmarked
    width = columns.width - 1
    unit_columns = dict(columns.units)
    deadlines = [c for c, text in enumerate(names) if DEADLINE_HEADER.search(text) and 0 < c <= width]
    read: dict = {}

    def unit_cell(col: int, groups: tuple) -> Statement | None | bool:
        spans = _pieces(groups, lines=True)
        key = (col, spans)
        if key not in read:
            text = normalise("".join(source.quote(p) for p in spans))
            if text in EMPTY_CELLS:
                read[key] = None
            else:
                # the column's header vouches for a name only beside one known otherwise: task text is not units
                found = read_pieces(source.raw, spans, lexicon, unit_columns[col])
                read[key] = (found if found is not None and any(u.recognised != "label" for u in found.units)
                             else False)
        return read[key]

    best = None
    # an open last row takes as many lines as it can; fewer than its cells only where a cell may print nothing
    for count in range(len(lines), 0 if silent else width - 1, -1) if not closed else [len(lines)]:
        pages: list[list[Line]] = []
        for _, line, opens in lines[:count]:
            if opens or not pages:
                pages.append([])
            pages[-1].append(line)
        if len(pages) > 3:
            continue
        # a unit cell after the first may be empty (a row with no 参与单位: PyMuPDF prints nothing for it) in a
        # table that never prints an empty cell as a blank line; other cells only on a row's second page
        unit_runs = {c - 1 for c in unit_columns if c > min(unit_columns)} if silent else set()
        # and so may a cell that names no task and no unit (a page's get_text() prints an empty 责任县领导 as nothing),
        # where the row prints fewer lines than it has cells (a date it prints is its 完成时限's, 每年12月底前)
        others = {c - 1 for c in range(1, width + 1) if c not in columns.texts and c not in unit_columns}
        unit_runs |= others if silent and (count < width or merged) else set()
        unit_runs |= {min(unit_columns) - 1} if merged else set()
        for split in product(*(_splits(len(p), width, range(width) if k else unit_runs)
                               for k, p in enumerate(pages))):
            cells = tuple(tuple(p[a:b] for p, (a, b) in zip(pages, (s[c] for s in split), strict=True))
                          for c in range(width))
            statements = [unit_cell(c + 1, cells[c]) for c in range(width) if c + 1 in unit_columns]
            if any(s is False for s in statements) or not any(statements):
                continue
            misfits = (sum(_misfits(g, widths.get(c)) for c, cell in enumerate(cells) for g in cell)
                       + sum(_opens_mid_text(cell) for cell in cells)
                       + sum(not _reads_as_deadline(cells[c - 1]) for c in deadlines))
            named = [u.recognised for s in statements if s for u in s.units]
            # the split that wraps as columns do, then the fewest names only the header vouches for, the most
            # known bodies, the most lines (the last row), and the text before the unit cells taking every line
            # it can (区政府副区 / 长 王×× is the 责任领导 cell, not the start of a name); a unit cell left empty
            # only where no filled one reads as well; then the unit cells taking every line they can before the
            # cells after them (县委宣 / 传部、各乡镇 / （园区）负责 is one cell, not a 责任领导 cell （园区）负责)
            empties = sum(not cells[c][0] for c in unit_runs)
            # (a merged cell printed once) a 责任领导 cell holding a body's name is the unit cell's
            bodies = sum(bool(lexicon.recognise(_text(source, cells[c]))) for c in others) if merged else 0
            key = (-misfits, -bodies, -named.count("label"), named.count("gazetteer"), -empties, count,
                   sum(len(cells[c][0]) for c in range(min(unit_columns) - 1)),
                   sum(len(cells[c][0]) for c in range(max(unit_columns))))
            if best is None or key > best[0]:
                best = (key, cells, count)
    if best is None:
        return None
    _, cells, count = best
    for c, cell in enumerate(cells):  # a column is as wide in every row: its full lines tell later rows
        for group in cell:
            if len(group) > 1:
                widths[c] = max(widths.get(c, 0), *(_width(line.text) for line in group[:-1]))
    return list(cells), lines[count - 1][0] + 1 - i


def wrapped_cells(lines: list[Line], count: int, widths: dict[int, int]) -> tuple[tuple[list[Line], ...], ...] | None:
    """``lines`` (a stretch of one row, blank lines where a page broke it) split into ``count`` cells in order, any
    of them empty, each wrapping as a column does (:func:`_misfits`; ``widths``: the columns' full width from
    the rows before, updated). On each page the cells go on in order; a cell's piece that goes on to the next
    page fills its column. Ties go to the earlier cells left empty (a merged cell is printed once). Each cell as
    its lines on each page; None for no lines."""
    pages: list[list[Line]] = [[]]
    for line in lines:
        if line.blank:
            if pages[-1]:
                pages.append([])
        else:
            pages[-1].append(line)
    pages = [p for p in pages if p]
    if not pages or len(pages) > 3:
        return None
    best = None
    for split in product(*(_splits(len(p), count, range(count)) for p in pages)):
        cells = tuple(tuple(p[a:b] for p, (a, b) in zip(pages, (s[c] for s in split), strict=True))
                      for c in range(count))
        misfits = sum(_misfits(g, widths.get(c)) for c, cell in enumerate(cells) for g in cell)
        # a piece followed by more of its cell on the next page ends full
        misfits += sum(1 for c, cell in enumerate(cells) for k, g in enumerate(cell)
                       if g and any(cell[k + 1 :]) and widths.get(c) is not None
                       and widths[c] - _width(g[-1].text) > WRAP_SLACK)
        key = (-misfits, [-sum(len(g) for g in cell) for cell in cells[:-1]])
        if best is None or key > best[0]:
            best = (key, cells)
    cells = best[1]
    for c, cell in enumerate(cells):
        for group in cell:
            if len(group) > 1:
                widths[c] = max(widths.get(c, 0), *(_width(line.text) for line in group[:-1]))
    return cells


def _splits(size: int, width: int, empty):
    """Each way to cut ``size`` lines into ``width`` runs in order, as (start, stop) per run; only the runs
    numbered in ``empty`` may be empty."""
    for cut in combinations_with_replacement(range(size + 1), width - 1):
        bounds = [0, *cut, size]
        runs = list(zip(bounds, bounds[1:], strict=False))
        if all(a < b or k in empty for k, (a, b) in enumerate(runs)):
            yield runs


def _rule(source: SourceText, line: Line) -> Span | None:
    found = LEAD_RULE.search(source.raw, line.start, line.end)
    if found is None:
        return None
    start = line.start + len(line.text) - len(line.text.lstrip())
    return Span(start, max(rule_extent(source.raw[: line.end], found), found.end()), line.number)


# A 完成时限 column's header, and its cell: a date or a standing time (2026年12月底, 2027年底前, 持续推进).
DEADLINE_HEADER = re.compile(r"时限|完成时间|时间节点")
DEADLINE_CELL = re.compile(r"(?:(?:\d{4}年|每年|每半年)(?:\d{1,2}月)?(?:[上中下]旬|底|末)?(?:以)?前?|每季度|每月"
                           r"|长期坚持|(?:每年)?持续(?:推进|开展)|长期)")
# What closes a table (its last row, or one printed in text boxes): a note, the contact, the distribution list, the
# disclosure line.
TABLE_END = re.compile(r"^\s*(?:注|说明|备注|联\s*系\s*人|抄送|公开方式)\s*[:：]")


def find_box_header(content: list[Line]):
    """``(index, lines, Columns, its cells)`` of a header printed as pdfminer prints a ruled table's header, one
    text box a cell or several cells close together in one box (``序号 工作任务`` / ``责任单位`` / ``完成时限``): 序号
    first, then lines of header cells only. The table's first section row may stand among them (pdfminer orders
    boxes by position: ``一、种业创新提升`` at the left under 序号, before the cells of a two-level header to its
    right); it is the table's, not the header's (:func:`read_boxes` reads it from the 序号 line on)."""
    for i, line in enumerate(content):
        cells = _header_cells(line.text)
        if not cells or cells[0] not in NUMBER_HEADERS or len(cells) > 4:
            continue
        run = 1
        while i + run < len(content):
            more = _header_cells(content[i + run].text, cells)  # a cell wrapped over a box's lines (序 / 号) goes on
            if all(header_like(c) for c in more[len(cells) - 1 :]):
                cells = more
            elif not _section_in_header(content, i + run):
                break
            run += 1
        columns = map_header(_spanned_away(cells)) if len(cells) >= 3 and run > 1 else None
        if columns is not None and columns.number == 0:
            return i, run, columns, set(cells)
    return None


def _header_cells(text: str, cells: list[str] | tuple = ()) -> list[str]:
    """``cells`` and the header cells of a box's line after them, parted by spaces, a cell wrapped in its narrow
    column kept whole (pdfminer's lines joined with a space, ``序 号``, ``完成时 限``, or on lines of their own): a
    piece that is no header cell alone goes on with the one before where together they are one."""
    cells = list(cells)
    for piece in (normalise(c) for c in text.split()):
        if cells and not header_like(piece) and header_like(cells[-1] + piece):
            cells[-1] += piece
        else:
            cells.append(piece)
    return cells


def _spanned_away(cells: list[str]) -> list[str]:
    """A two-level header's cells printed in a row without the upper cell that spans the role columns under it
    (责任单位 over 牵头单位 | 配合单位): a column of its own it is not."""
    roles = [column_role(c) for c in cells]
    return [c for k, c in enumerate(cells)
            if not (roles[k] == RESPONSIBLE and len(roles) > k + 2
                    and all(r not in (None, RESPONSIBLE) for r in roles[k + 1 : k + 3]))]


def _section_in_header(content: list[Line], k: int) -> bool:
    """True for a section row (``一、…``, one cell) with a header cell on the line after it."""
    text = normalise(content[k].text)
    return (len(content[k].text.split()) == 1 and bool(SECTION_ROW.match(text)) and len(text) <= 60
            and k + 1 < len(content) and all(header_like(c) for c in content[k + 1].text.split()))


def read_boxes(source: SourceText, lines: LineIndex, after: int, columns, header: set[str], lexicon: Lexicon,
               problems: list[Problem]) -> list[tuple[str, Span | None, list[TaskRecord]]] | None:
    """The rows of a ruled table that pdfminer printed as text boxes (a blank line after each) read column by
    column within blocks of rows: the 序号 cells of a page as a run of their own (``1`` ``2`` ``3``), the task cells
    of several rows, then their unit cells, the 完成时限 cells anywhere. Each column keeps its cells' order, so
    within a section (its row ``二、…`` parts them) the k-th number, task and unit cell are one row's; a run of k task
    cells is followed by its k cells of each unit column in turn (牵头单位 of the k rows, then their 配合单位). Every
    box is a number, a section row, a deadline, a unit cell (every name in it known) or a task; the counts must
    align one to one, else None (no guess). The header again at a page break and page numbers are furniture."""
    boxes: list[list[Line]] = [[]]
    for line in lines.lines[after:]:
        if TABLE_END.match(line.text):
            break
        if line.blank or PAGE_NUMBER.match(line.text):
            boxes.append([])
        else:
            boxes[-1].append(line)
    unit_columns = [col for col, _ in columns.units]
    parts: list[tuple[str, Span | None, list[TaskRecord], list[tuple[str, list[Line]]]]] = []
    for box in filter(None, boxes):
        text = normalise("".join(line.text.strip() for line in box))
        words = _header_cells(" ".join(line.text for line in box))
        if set(words) <= header or DEADLINE_HEADER.search(text) and header_like(text):
            continue  # the header again at a page break, in boxes of its own; a 完成时限 column's, with its cells
        if len(box) == 1 and SECTION_ROW.match(text) and len(text) <= 60:
            parts.append((text, Span(box[0].start, box[0].end, box[0].number), [], []))
            continue
        if not parts:
            parts.append(("任务分工", None, [], []))
        cells = _box_cells(source, box, lexicon, len(columns.units))
        group = parts[-1][3]
        if group and group[-1][0] == "number" and cells[0][0] == "units":
            cells[0] = ("task", cells[0][1])  # the cell after a row's number is its task (建设…基地 is no body)
        group.extend(cells)
    for _, _, found, group in parts:
        numbers = [box for kind, box in group if kind == "number"]
        tasks: list[list[Line]] = []
        cells: list[list[list[Line]]] = []  # per task, its unit cells in column order
        run: list[int] = []  # the tasks of the current run
        units: list[list[Line]] = []
        for kind, box in [*group, ("task", None)]:
            if kind == "units":
                units.append(box)
            elif kind == "task" and (units or box is None):
                if len(units) != len(run) * len(unit_columns):
                    return None
                for r, t in enumerate(run):  # column after column: the run's cells of each unit column
                    cells[t] = [units[c * len(run) + r] for c in range(len(unit_columns))]
                run, units = [], []
            if kind == "task" and box is not None:
                run.append(len(tasks))
                tasks.append(box)
                cells.append([])
        values = [int(NUMBER.match(normalise(box[0].text)).group(1)) for box in numbers]
        if not tasks or len(numbers) != len(tasks) or any(not c for c in cells) or values != list(
                range(values[0], values[0] + len(values))):
            return None  # the 序号 count up by one, as many as the tasks
        for number, value, task, row_units in zip(numbers, values, tasks, cells, strict=True):
            row: list = [number[0]] + [()] * (columns.width - 1)
            row[columns.task] = (task,)
            for col, box in zip(unit_columns, row_units, strict=True):
                row[col] = (box,)
            if (read := _task(source, columns, row, value, problems, lexicon)) is not None:
                found.append(read)
    return [(title, span, found) for title, span, found, _ in parts]


def _opens_with_row(text: str) -> int | None:
    """The number of the row whose cells run together on a line opening with it, a space and more, else None."""
    first = text.split(maxsplit=1)
    number = NUMBER.match(first[0]) if len(first) == 2 else None
    return int(number.group(1)) if number else None


def _box_kind(source: SourceText, box: list[Line], lexicon: Lexicon) -> str:
    text = normalise("".join(line.text.strip() for line in box))
    return ("number" if len(box) == 1 and NUMBER.match(text) else "deadline" if DEADLINE_CELL.fullmatch(text)
            else "units" if _names_only(source, box, lexicon) else "task")


def _box_cells(source: SourceText, box: list[Line], lexicon: Lexicon, units: int) -> list[tuple[str, list[Line]]]:
    """A box as the cells it holds, each with its kind: the box itself, or, where it opens with a row's number and
    a space, that row's cells run together on one printed line (``2 建立…机制 省数据局、省市场监管局``: a short row's
    cells stand close enough for pdfminer to print them as one line): the number, then its pieces parted by spaces,
    the task's pieces in a row one cell (a task wrapped in its column), and so the unit pieces where the table has
    one unit column (each piece a cell of its own where it has several: 牵头单位, 配合单位)."""
    if _opens_with_row(" ".join(line.text for line in box)) is None:  # the number on a line of its own too (2 / 建立…)
        return [(_box_kind(source, box, lexicon), box)]
    pieces = [Line(line.number, line.start + m.start(), line.start + m.end(), m.group())
              for line in box for m in re.finditer(r"\S+", line.text)]
    cells: list[tuple[str, list[Line]]] = [("number", pieces[:1])]
    for k, piece in enumerate(pieces[1:]):
        kind = _box_kind(source, [piece], lexicon)
        if kind == "number" or not k:
            kind = "task"  # the task's cell comes first, and a number inside the row is its text's (2026年)
        if cells[-1][0] == kind and (kind == "task" or kind == "units" and units == 1):
            cells[-1][1].append(piece)
        else:
            cells.append((kind, [piece]))
    return cells


def _names_only(source: SourceText, box: list[Line], lexicon: Lexicon) -> bool:
    """True for a box that reads as unit names only, every one a body known by the gazetteer or its ending."""
    spans = _pieces((box,), lines=True)
    found = read_pieces(source.raw, spans, lexicon, "participant")
    if found is None or not found.units or any(u.recognised == "label" for u in found.units):
        return False
    named = sum(len(normalise(u.name)) for u in found.units)
    return named >= 0.8 * len(normalise("".join(source.quote(p) for p in spans)).replace("、", "").replace("，", ""))


ROW_BOX = re.compile(r"^(\s*)(\d{1,3})[ \u3000]+(?=\S)")  # a box opening with its row's number, then the task's text
ROW_BOX_LINES = 12  # the first row's task box, before the header boxes pdfminer printed after it
TITLE = re.compile(r"[^，。、；：:,]{4,40}(?:清单|分工表|任务表|一览表)")  # 重点任务清单, a title's
DATE_CUT = re.compile(r"\d{4}年\d{0,2}")  # a date its cell wraps (2026年1 / 2月)
PERSON_HEADER = re.compile(r"领导|责任人")  # a column of the persons answering for the row (责任领导), no units
PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}")  # a person's name in such a column (何光辉)


def find_row_box_header(content: list[Line]):
    """``(index, Columns, its cells)`` of a ruled table pdfminer printed in text boxes whose task boxes open with
    their row's number (``1 实施…``): ``序号`` and the header's other boxes, the first section row and the first
    row's task box among them (pdfminer orders boxes by position: the two-level header's 责任单位 / 完成时限 /
    牵头单位 / 配合单位 after the first row's task), up to the first box after the header's last. None for no such
    table."""
    for i, line in enumerate(content):
        # 序号 in a box of its own, or over two lines of it where the column is narrow (序 / 号)
        split = i + 1 < len(content) and normalise(line.text + content[i + 1].text) in NUMBER_HEADERS
        if normalise(line.text) not in NUMBER_HEADERS and not split:
            continue
        cells: list[str] = [normalise(line.text + content[i + 1].text) if split else normalise(line.text)]
        # row: where the first row's box opened; after: header boxes after it
        k, row, after = i + 1 + split, None, False
        while k < len(content) and (row is None or k - row <= ROW_BOX_LINES):
            text = content[k].text
            # (after the first row's box, known header cells only: a short cell there is the row's, 何光辉)
            if all(header_like(c) if row is None else is_header_cell(c) or normalise(c) in OTHER_HEADERS
                   for c in text.split()):
                cells += [normalise(c) for c in text.split()]
                after = row is not None
            elif after:
                break  # the first box after the header's last: the table's cells
            elif row is None and ROW_BOX.match(text):
                row = k
            elif row is None and not SECTION_ROW.match(normalise(text)) and not TITLE.fullmatch(normalise(text)):
                break  # (the table's title may stand among the header's boxes: pdfminer orders them by position)
            k += 1
        roles = [column_role(c) for c in cells]
        # a two-level header's upper cell spanning the role columns under it (责任单位 over 牵头单位 | 配合单位)
        spanned = {k for k, r in enumerate(roles) if r == RESPONSIBLE
                   and sum(x not in (None, RESPONSIBLE) for x in roles[k + 1 :]) >= 2}
        columns = map_header([c for k, c in enumerate(cells) if k not in spanned])
        if row is not None and columns is not None and columns.number == 0:
            return i + split, columns, set(cells)  # (the 序号 box's last line)
    return None


def read_row_boxes(source: SourceText, lines: LineIndex, after: int, columns, header: set[str], lexicon: Lexicon,
                   problems: list[Problem]) -> list[tuple[str, Span | None, list[TaskRecord]]] | None:
    """The rows of a ruled table pdfminer printed in text boxes whose task boxes open with their row's number
    (``1 实施…``; :func:`find_row_box_header`). The task boxes, in order, are the rows (a box of text with no number
    carries on the last row's task: a box broken at a blank line). Each counted column (a 责任领导's persons, then
    the unit columns) keeps its cells in row order: a box holds one cell or several of one row side by side
    (``省商务厅 省发展改革委、省建``, ``何光辉 市发展改``), its first cell in the column whose cells have reached the
    earliest row, or the persons' column where it opens with a person; a box that completes the cell dealt last,
    left open, goes on with it (``省市场监`` / ``管局``); the 完成时限 boxes (merged over rows, printed once) are not
    counted. Every counted column must fill the rows, each unit cell naming units: else None (no guess)."""
    heads = set(running_heads(lines.text, [ln.number for ln in lines.lines if PAGE_NUMBER.match(ln.text)]))
    boxes: list[list[Line]] = [[]]
    for line in lines.lines[after:]:
        if TABLE_END.match(line.text):
            break
        if line.blank or PAGE_NUMBER.match(line.text) or line.number in heads:
            boxes.append([])
        else:
            boxes[-1].append(line)
    # the columns dealt: a 责任领导's (a person heads the row's units: 何光辉 市发展改), then the unit columns
    person = any(PERSON_HEADER.search(c) for c in header)
    width = len(columns.units) + person
    parts: list[tuple[str, Span | None, list]] = [("任务分工", None, [])]
    rows: list[tuple[Line, list[list[Line]]]] = []  # each row's number and its task's pieces
    streams: list[list[list[Line]]] = [[] for _ in range(width)]  # each column's cells in order, as their pieces
    last: list[Line] | None = None  # the unit cell dealt last, which a box completing a cut name goes on with
    deadline: str | None = None  # the last deadline piece, which a fragment may complete (2026年 / 底前)
    for box in filter(None, boxes):
        text = normalise("".join(line.text.strip() for line in box))
        if len(box) == 1 and {normalise(c) for c in box[0].text.split()} <= header or text in header:
            continue  # the header again after a page break (序 / 号 one cell)
        if len(box) == 1 and SECTION_ROW.match(text) and len(text) <= 60:
            parts.append((text, Span(box[0].start, box[0].end, box[0].number), []))
            continue
        if not rows and TITLE.fullmatch(text):
            continue  # the table's title among the header's boxes
        opened = ROW_BOX.match(box[0].text)
        if opened is not None:
            at = box[0].start + opened.start(2)
            number = Line(box[0].number, at, at + len(opened.group(2)), opened.group(2))
            first = Line(box[0].number, box[0].start + opened.end(), box[0].end, box[0].text[opened.end() :])
            rows.append((number, [[first, *box[1:]]]))
            parts[-1][2].append(len(rows) - 1)
            deadline = None
            continue
        if DEADLINE_CELL.fullmatch(text) or deadline is not None and DEADLINE_CELL.fullmatch(deadline + text):
            deadline = text
            continue
        pieces = [Line(box[0].number, box[0].start + m.start(), box[0].start + m.end(), m.group())
                  for m in re.finditer(r"\S+", box[0].text)]
        if len(pieces) > 1 and (DEADLINE_CELL.fullmatch(normalise(pieces[-1].text))
                                or DATE_CUT.fullmatch(pieces[-1].text)):
            deadline = normalise(pieces.pop().text)  # the 完成时限 beside the unit cells: 省数据局 省商务厅 2026年
            if len(box) > 1:
                return None
        groups = [[p] for p in pieces]
        groups[-1].extend(box[1:])  # the lines under the first go on with its last cell
        if len(groups) == 1 and last and _open(source, last, lexicon) and _names_only(source, last + groups[0],
                                                                                      lexicon):
            last.extend(groups[0])  # 省市场监 / 管局, 省文化广电旅游厅、 / 省发展改革委
            continue
        leader = (person and len(groups[0]) == 1 and PERSON.fullmatch(normalise(groups[0][0].text)) is not None
                  and not _names_only(source, groups[0], lexicon))
        units = groups[1:] if leader else groups
        # every cell names units, the last maybe cut short where the next box completes it (省供销社、省市场监)
        if units and not (all(_names_only(source, g, lexicon) for g in units[:-1]) and (
                _names_only(source, units[-1], lexicon) or _cut_short(source, units[-1], lexicon, len(groups) > 1))):
            if rows and len(groups) == 1:
                rows[-1][1].append(box)  # the last row's task text, broken into another box
                continue
            return None
        # a box's cells lie side by side in one row: its first in the column whose cells have reached the
        # earliest row (a person's column where it opens with a person), the others in the columns after it
        first = 0 if leader else min(range(person, width), key=lambda k: (len(streams[k]), k))
        if first + len(groups) > width or any(len(streams[first + j]) != len(streams[first])
                                              for j in range(len(groups))):
            return None
        for j, group in enumerate(groups):
            streams[first + j].append(group)
        last = groups[-1] if units else None
    # every column fills the rows, each unit cell naming units
    if not rows or any(len(cells) != len(rows) for cells in streams) or not all(
            _names_only(source, c, lexicon) for cells in streams[person:] for c in cells):
        return None
    numbers = [int(number.text) for number, _ in rows]
    opening = {members[0] for _, _, members in parts if members}  # a section may number its rows anew
    if any(b != a + 1 and not (b == 1 and n in opening)
           for n, (a, b) in enumerate(zip(numbers, numbers[1:], strict=False), 1)):
        return None
    found: list[tuple[str, Span | None, list[TaskRecord]]] = []
    for title, span, members in parts:
        tasks = []
        for n in members:
            number, task = rows[n]
            row: list = [number] + [()] * (columns.width - 1)
            row[columns.task] = tuple(task)
            for (col, _), cells in zip(columns.units, streams[person:], strict=True):
                row[col] = (cells[n],)
            if (read := _task(source, columns, row, int(number.text), problems, lexicon)) is not None:
                tasks.append(read)
        found.append((title, span, tasks))
    return found


def _open(source: SourceText, group: list[Line], lexicon: Lexicon) -> bool:
    return left_open(source.raw, _pieces((group,), lines=True), lexicon, "participant")


def _cut_short(source: SourceText, group: list[Line], lexicon: Lexicon, beside: bool) -> bool:
    """True for a one-line cell left open that names units up to its last separator and stops on a name cut short
    (``省供销社、省市场监``); with no separator, only beside another cell of its box (``何光辉 市发展改``): a box of
    its own with no separator is text."""
    line = group[0]
    stop = max(line.text.rfind(c) for c in SEPARATOR + "，,")
    return len(group) == 1 and _open(source, group, lexicon) and (stop < 0 and beside or stop > 0 and _names_only(
        source, [Line(line.number, line.start, line.start + stop, line.text[:stop])], lexicon))


# A piece of a 完成时限 cell wrapped in its narrow column (2026年12 / 月底, 2027年 / 底前): a deadline's part.
DEADLINE_PIECE = re.compile(rf"{DEADLINE_CELL.pattern}|\d{{4}}年\d{{0,2}}"
                            r"|\d{0,2}月(?:[上中下]旬|底|末)?(?:以)?前?|底前")
SIDE_ROW = re.compile(r"^\s*(\d{1,3})(?=[ \u3000]|$)")  # a row's number, alone or before its first line's text


def read_side_by_side(source: SourceText, content: list[Line], start: int, columns, names: list[str],
                      header_texts: list[str], lexicon: Lexicon,
                      problems: list[Problem]) -> tuple[list, Span | None] | None:
    """The rows of a table pdftotext (without ``-layout``) printed row by row from an unruled table: a row's number
    alone or before its text (``1``, ``10 开展…``), then its lines, each holding the lines of its cells that stand on
    one baseline side by side a space apart (``幼儿园12所，… 财政局、区住建局``, ``…改造 区农业农村局、区交通运
    2026年11``), or one cell's line alone. Read where the table has a task, one unit column and deadlines only: a
    line's pieces after the deadline's (``2026年12``, ``月底``) are the task's and the unit cell's; a piece alone
    carries on the unit cell where that is left open (``区卫健局、区教育局、区`` / ``民政局、各镇街``) and it reads
    as names (no figure in it), or opens the cell beside a deadline; else it is the task's. ``(parts, the lead rule
    of a note after it)``, or None where a row lacks a task or units, a line holds more pieces, or no line holds two:
    not this form."""
    others = [name for k, name in enumerate(names) if k != columns.number and k not in columns.texts
              and k not in dict(columns.units)]
    if len(columns.units) != 1 or columns.number != 0 or not all(DEADLINE_HEADER.search(n) for n in others):
        return None
    # no line holding two pieces besides a row's number: not this form (checked first: reading every line's names
    # cost a table printed one cell a line a sixth of its ingest)
    if not any(len(line.text.split()) - bool(SIDE_ROW.match(line.text)) >= 2 for line in content[start:]):
        return None
    role = columns.units[0][1]
    raw = source.raw
    parts: list[tuple[str, Span | None, list[TaskRecord]]] = [("任务分工", None, [])]
    rows: list[tuple[int, Line, list[Span], list[Span]]] = []  # (number, its line, task pieces, unit pieces)
    rule = None
    beside = 0  # lines holding a task's and a unit cell's pieces side by side
    for line in content[start:]:
        text = normalise(line.text)
        if text in header_texts:
            continue  # the header printed again on the next page
        if TABLE_END.match(line.text):
            rule = _rule(source, line) if NOTE.match(line.text) else None
            break
        pieces = [Span(line.start + m.start(), line.start + m.end(), line.number)
                  for m in re.finditer(r"\S+", line.text)]
        number = SIDE_ROW.match(line.text)
        if number is not None and int(number.group(1)) == (rows[-1][0] + 1 if rows else 1):
            rows.append((int(number.group(1)), line, [], []))
            parts[-1][2].append(None)  # its place in its section
            pieces = pieces[1:]
        elif SECTION_ROW.match(text) and len(pieces) == 1:
            parts.append((text, pieces[0], []))
            continue
        elif not rows:
            return None
        dated = False
        while pieces and DEADLINE_PIECE.fullmatch(raw[pieces[-1].start : pieces[-1].end]):
            pieces, dated = pieces[:-1], True
        _, _, task, units = rows[-1]
        if len(pieces) > 2:
            return None
        if len(pieces) == 2:
            # the task's line and the unit cell's: a first piece that reads as names, or a second that does not go
            # on with the cell as names, is a cell wrapped at a space (pdfminer's boxes), not this form
            if _names(raw, pieces[:1], lexicon, role) or not _names(raw, [*units, pieces[1]], lexicon, role):
                return None
            task.append(pieces[0])
            units.append(pieces[1])
            beside += 1
        elif pieces and _names(raw, [*units, pieces[0]], lexicon, role) and (
                left_open(raw, tuple(units), lexicon, role) if units else dated):
            units.append(pieces[0])
        elif pieces:
            task.append(pieces[0])
    if beside == 0 or len(rows) < 2:
        return None
    made = iter(rows)
    for _, _, slots in parts:
        for k in range(len(slots)):
            number, line, task, units = next(made)
            if not task or not units:
                return None
            body = normalise("".join(raw[p.start : p.end] for p in task))
            found = task_from_cells(source, number, Span(task[0].start, task[-1].end, task[0].line),
                                    [(role, tuple(units))], problems, lexicon, body)
            if found is None:
                return None
            end = max(p.end for p in task + units)
            slots[k] = replace(found, row_span=Span(line.start, end, line.number))
    return parts, rule


def _names(raw: str, pieces: list[Span], lexicon: Lexicon, role: str) -> bool:
    """Whether a unit cell's pieces read as names: no figure in them, and each name known by more than the column
    it stands in, save a last one its next line completes (区教育局、区发改局、区, read up to its last separator)."""
    if not pieces or any(re.search(r"\d", raw[p.start : p.end]) for p in pieces):
        return False
    found = read_pieces(raw, tuple(pieces), lexicon, role)
    if found is None:
        cut = raw.rfind("、", pieces[-1].start, pieces[-1].end)
        found = (read_pieces(raw, (*pieces[:-1], replace(pieces[-1], end=cut)), lexicon, role)
                 if cut > pieces[-1].start else None)
    return (found is not None and bool(found.units) and all(u.recognised != "label" for u in found.units[:-1])
            and (len(found.units) > 1 or found.units[0].recognised != "label"))
