"""Read a task-division appendix whose text was extracted from a PDF (the Jilin form).

The appendix is a three-column table — 序号 (number), 工作任务 (task), 负责单位 (units) — flattened by text
extraction: each row starts with its number on a line of its own (or followed by the task text), the task text
wraps over several lines, and the unit list follows, itself wrapped, sometimes in the middle of a name
(``省公安\\n厅``), sometimes on the same line as the end of the text (``划暠 省残联、省体育局``). Page breaks repeat the
column header. A note after the table (注:负责单位中列第一位者为牵头单位,其余为主要参与单位。) says how list order
maps to roles.

Reading one row: of all the places where the unit list could begin (each line start, each space inside a line),
take the first, after a blank line if there is such a place, from which the rest of the row splits into unit
names only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from fengong.readers.lexicon import Lexicon, lexicon_for
from fengong.readers.lines import Line, LineIndex, blank_out
from fengong.readers.rows import document_rule
from fengong.readers.statement import Statement, read_statement, settle_roles
from fengong.readers.vocabulary import LEAD_RULE, RESPONSIBLE, rest_role
from fengong.records import Problem, ReadError, SectionRecord, SourceText, Span, TaskRecord, UnitMention
from fengong.textrepair import normalise, repair

HEADER = re.compile(
    r"^\s*序\s*号\s*(工\s*作\s*)?任\s*务(\s*内\s*容)?\s*(负\s*责|牵\s*头|责\s*任)\s*(单\s*位|部\s*门)\s*$"
)
ROW_START = re.compile(r"^\s*(\d{1,3})(?:\s+(\S.*))?\s*$")
NOTE = re.compile(r"^\s*注\s*[:：]")
PROSE = 30  # a line longer than this ending in 。 after a complete row is a paragraph after the table


@dataclass
class _Row:
    number: int
    lines: list[Line]  # the row's lines, the number line first; blank lines kept as gaps
    text_start: int  # offset where the row's content begins (after the number)


def read_table(source: SourceText, jurisdiction: str | None = None) -> tuple[SectionRecord, list[Problem]]:
    """Find the task-division table in ``source`` and read all its rows.

    Raises :class:`ReadError` when the text holds no recognisable table. Malformed rows are returned as
    problems naming their line; rows that could be read are kept.
    """
    masked, _ = blank_out(repair(source.raw), HEADER)
    index = LineIndex(masked)
    first_header = next((ln for ln in LineIndex(repair(source.raw)).lines if HEADER.match(ln.text)), None)
    if first_header is None:
        raise ReadError([Problem(source.path, 1, "no task-division table found: no header line "
                                 "like '序号 工作任务 负责单位'")])
    problems: list[Problem] = []
    body = [ln for ln in index.lines if ln.number > first_header.number]
    note = next((ln for ln in body if NOTE.match(ln.text)), None)
    if note is not None:
        body = [ln for ln in body if ln.number < note.number]

    lexicon = lexicon_for(jurisdiction)
    rows = _split_rows(body, source.path, problems, lexicon, masked)
    if not rows:
        raise ReadError([Problem(source.path, first_header.number,
                                 "a table header was found but no numbered rows follow it")])
    rule = _rule(source, masked, note, rows, problems)
    rest = rest_role(source.quote(rule)) if rule is not None else "participant"
    tasks = [t for t in (_read_row(r, masked, index, source.path, problems, lexicon, rest) for r in rows)
             if t is not None]

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
    return section, problems


def _rule(source: SourceText, masked: str, note: Line | None, rows: list[_Row],
          problems: list[Problem]) -> Span | None:
    """The table's lead rule: its note (注:负责单位中列第一位者为牵头单位…), else a rule the document states
    elsewhere (in the notice sending the table out), else None with a warning: the convention applies."""
    if note is not None:
        start = note.start + len(note.text) - len(note.text.lstrip())
        if LEAD_RULE.search(masked, start, note.end):
            return Span(start, note.end, note.number)
    found = document_rule(source)
    if found is None:
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


def _ends_table(row: _Row, line: Line, masked: str, lexicon: Lexicon) -> bool:
    """True for a long sentence after a row whose unit list is complete: prose, not the row going on."""
    text = normalise(line.text)
    if len(text) <= PROSE or not text.endswith("。"):
        return False
    end = max(ln.end for ln in row.lines if not ln.blank)
    return _find_units(row, masked, end, lexicon) is not None


def _split_rows(body: list[Line], path: str, problems: list[Problem], lexicon: Lexicon,
                masked: str) -> list[_Row]:
    rows: list[_Row] = []
    expected = 1
    for ln in body:
        m = ROW_START.match(ln.text)
        if m:
            number = int(m.group(1))
            if number != expected:
                problems.append(Problem(path, ln.number, f"task number {number} is out of sequence "
                                        f"(expected {expected})"))
            offset = ln.start + (m.start(2) if m.group(2) else len(ln.text))
            rows.append(_Row(number, [ln], offset))
            expected = number + 1
        elif rows and _ends_table(rows[-1], ln, masked, lexicon):
            break  # a paragraph of prose after the last row: the table has ended without a note
        elif rows:
            rows[-1].lines.append(ln)
        elif not ln.blank:
            units = _unit_block(ln.text, 0, 0, len(ln.text), ln.number, lexicon, standalone=True)
            what = "units with no number" if units is not None else "text before the first numbered row"
            problems.append(Problem(path, ln.number, f"{what}: {normalise(ln.text)!r}"))
    return rows


def _read_row(row: _Row, masked: str, index: LineIndex, path: str, problems: list[Problem],
              lexicon: Lexicon, rest: str) -> TaskRecord | None:
    start_line = row.lines[0].number
    end = max(ln.end for ln in row.lines if not ln.blank)
    found = _find_units(row, masked, end, lexicon)
    if found is None:
        problems.append(Problem(path, start_line, f"task {row.number} has no unit list that can be read"))
        return None
    cut, units = found
    text_end = cut
    while text_end > row.text_start and masked[text_end - 1].isspace():
        text_end -= 1
    text_start = row.text_start
    while text_start < text_end and masked[text_start].isspace():
        text_start += 1
    settled, basis = settle_roles(units.units, rest)  # "listed-first" until the table's note is read
    mentions = tuple(
        UnitMention(u.name, i, u.role, Span(u.span.start, u.span.end, index.line_of(u.span.start)),
                    recognised=u.recognised, marked=u.marked)
        for i, u in enumerate(settled, 1)
    )
    return TaskRecord(
        number=row.number,
        text=normalise(masked[text_start:text_end]),
        span=Span(text_start, text_end, index.line_of(text_start)),
        units=mentions,
        open_ended=units.open,
        reading="column",
        lead_basis=basis,
        label=str(row.number),
        row_span=Span(row.lines[0].start + len(row.lines[0].text) - len(row.lines[0].text.lstrip()), end,
                      start_line),
    )


def _find_units(row: _Row, masked: str, end: int, lexicon: Lexicon) -> tuple[int, Statement] | None:
    """Where the unit list begins, and the list; None when no place works."""
    candidates: list[tuple[int, bool]] = []  # (offset, follows a blank line)
    gap = False
    for ln in row.lines:
        if ln.blank:
            gap = True
            continue
        line_start = max(ln.start, row.text_start) if ln is row.lines[0] else ln.start
        if ln is not row.lines[0]:
            candidates.append((line_start, gap))
        for m in re.finditer(r"\s+", masked[line_start:ln.end]):
            candidates.append((line_start + m.end(), False))
        gap = False
    line = row.lines[0].number
    valid = [(off, after_gap, block) for off, after_gap in candidates
             if (block := _unit_block(masked, row.text_start, off, end, line, lexicon)) is not None]
    if not valid:
        return None
    off, _, block = next((v for v in valid if v[1]), valid[0])
    return off, block


def _unit_block(masked: str, text_start: int, off: int, end: int, line: int, lexicon: Lexicon,
                standalone: bool = False) -> Statement | None:
    """``masked[off:end]`` read as the 负责单位 cell when every piece is a unit name the lexicon accepts (the
    column's label does not vouch for a piece here: it is also how the cell is told from the task text);
    unless ``standalone``, task text must come before it."""
    before = masked[text_start:off].strip()
    if not standalone and (not before or before.endswith(("、", "，", ","))):
        return None
    block = read_statement(masked, off, end, line, lexicon, label_role=RESPONSIBLE)
    if block is None or not block.units or any(u.recognised == "label" for u in block.units):
        return None
    return block
