"""Reader for measures each followed by a bracketed responsibility clause.

State Council documents end each measure with the units responsible for it::

    1.拓展两个市场。积极稳妥地……试点。（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）
    建立……统计方法。（生态环境部牵头，国家发展改革委、工业和信息化部参与）
    优化……体制机制。（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）

A task is the text between the previous clause (or the start of the paragraph) and its clause, numbered in
document order; text that no clause follows names no units and is not a task. Roles come from the verbs
(:mod:`fengong.readers.roles`); a plain responsible list follows the document's lead rule where it states one
and the first-listed convention otherwise, recorded as a convention. A standing statement ``以下均需X落实，
不再列出`` adds X as implementing unit to every later task, marked as carried. Tasks fall into the chapter
(一、二、…) whose heading precedes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fengong.readers.docmeta import new_plan
from fengong.readers.lines import Line, LineIndex
from fengong.readers.roles import (
    LEAD_RULE,
    VERBS,
    ListedUnit,
    assign_roles,
    rule_extent,
    split_verb,
    uses_lead_rule,
)
from fengong.readers.sources import readable_lines
from fengong.records import PlanRecord, Problem, SectionRecord, SourceText, Span, TaskRecord
from fengong.textrepair import normalise
from fengong.unitlist import looks_like_unit, split_conjoined, split_units, trim

OPENERS = "（("
CLOSERS = "）)"
MAX_CLAUSE = 400  # longer brackets are prose, not unit lists
NUMBER_PREFIX = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十百零〇\d]{1,4}[）)]|[一二三四五六七八九十百零〇]{1,4}、|\d{1,3}\s*[.．、](?!\d)"
    r"|[①-⑳])\s*"
)
CHAPTER = re.compile(r"^\s*[一二三四五六七八九十]{1,3}、")
SUBHEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]{1,3}[）)]")
HEADING_MAX = 50
SEGMENT = re.compile(r"[^，,；;。]+")
CARRY = re.compile(r"^以下(?:均|都|各项|均由|均需由)?(?:需|由)?(.+?)(?:负责)?落实$")
NOT_LISTED = re.compile(r"^不(?:再)?(?:一一)?列出$")
UNITS_OPENING = re.compile(r"^\s*由")  # （由A、B负责）


@dataclass
class Clause:
    """What one bracket says: units with roles, the lead rule, a standing implementer."""

    start: int  # offset of the opening bracket
    end: int  # offset past the closing bracket
    units: list[ListedUnit] = field(default_factory=list)
    open_ended: bool = False
    rule: Span | None = None
    carry: list[ListedUnit] = field(default_factory=list)


@dataclass
class _Chapter:
    key: str
    title: str
    span: Span | None
    tasks: list[TaskRecord] = field(default_factory=list)
    stated: bool = False  # a task of this chapter follows the document's stated lead rule
    convention: bool = False  # a task of this chapter needed the first-listed convention


def read(source: SourceText, slug: str | None = None, jurisdiction: str | None = None) -> PlanRecord:
    """Read every measure that a responsibility clause follows. Zero tasks is a valid answer: some documents
    assign no units per measure; the caller decides whether that is an error."""
    lines = LineIndex(source.raw)
    plan = new_plan(source, lines, slug, jurisdiction)
    problems = plan.problems
    chapters: list[_Chapter] = []
    current = _Chapter("body", "正文", None)
    rule: Span | None = None
    carry: list[ListedUnit] = []
    unclaimed: Line | None = None  # the last paragraph no clause has claimed, for a clause on a line of its own
    number = 0
    for line in readable_lines(lines.lines, source.path, problems):
        clauses = list(_clauses(source, line, problems))
        if not clauses:
            if _is_heading(line, CHAPTER):
                chapters.append(current)
                key = f"chapter-{sum(1 for c in chapters if c.key != 'body') + 1}"
                current = _Chapter(key, normalise(line.text), Span(line.start, line.end, line.number))
                unclaimed = None
            elif not _is_heading(line, SUBHEADING):
                unclaimed = line
            continue
        measure_start = line.start
        for clause in clauses:
            if clause.rule is not None:
                rule = clause.rule  # it holds from here on (下同); earlier tasks keep the convention
            text_span = _measure(source, line, measure_start, clause.start)
            if text_span is None and measure_start == line.start and unclaimed is not None:
                text_span = _measure(source, unclaimed, unclaimed.start, unclaimed.end)
            measure_start = _after(source.raw, clause.end, line.end)
            if clause.units and text_span is None:
                problems.append(Problem(source.path, line.number, "a responsibility clause with no measure text "
                                                                  "before it: not read as a task", "warning"))
            if clause.units and text_span is not None:
                number += 1
                units = clause.units + [c for c in carry if c.name not in {u.name for u in clause.units}]
                if uses_lead_rule(units):
                    if rule is not None:
                        current.stated = True
                    else:
                        current.convention = True
                current.tasks.append(TaskRecord(
                    number=number,
                    text=normalise(source.raw[text_span.start : text_span.end]),
                    span=text_span,
                    units=tuple(assign_roles(units)),
                    open_ended=clause.open_ended,
                    row_span=Span(text_span.start, clause.end, text_span.line),
                ))
            if clause.carry:
                carry = clause.carry
        unclaimed = None
    chapters.append(current)
    plan.sections = [_section(c, rule, source) for c in chapters if c.tasks]
    if not plan.sections:
        problems.append(Problem(source.path, 1, "no measure is followed by a responsibility clause: no tasks",
                                "warning"))
    return plan


def parse_clause(raw: str, start: int, end: int, path: str, line: int,
                 problems: list[Problem]) -> Clause | None:
    """Read ``raw[start:end]`` (a bracket's content) as a responsibility clause, or None when it is not one."""
    clause = Clause(start - 1, end + 1)
    pending: list[ListedUnit] = []
    for m in SEGMENT.finditer(raw, start, end):
        seg_start, seg_end = trim(raw, m.start(), m.end())
        if seg_start == seg_end:
            continue
        text = normalise(raw[seg_start:seg_end])
        if (rule := LEAD_RULE.search(raw, seg_start, seg_end)) is not None:
            clause.rule = Span(rule.start(), trim(raw, seg_start, rule_extent(raw[:end], rule))[1], line)
            continue
        if clause.rule is not None and seg_start < clause.rule.end:
            continue  # a sequel (下同, 其余为参与单位) already taken into the rule
        if (carried := CARRY.match(text)) is not None:
            clause.carry = _carried(raw, seg_start, seg_end, carried.group(1), line)
            continue
        if NOT_LISTED.match(text):
            continue
        units_end, role = _verb_split(raw, seg_start, seg_end)
        if role is None:
            units = _units(raw, seg_start, seg_end, line, "responsible", path, problems)
            if units is None:
                return None
            pending.extend(units)
            continue
        opening = UNITS_OPENING.match(raw, seg_start, units_end)
        units = _units(raw, opening.end() if opening else seg_start, units_end, line, role, path, problems,
                       clause)
        if units is None:
            if clause.units or clause.rule:
                problems.append(Problem(path, line, f"part of a responsibility clause not read: {text!r}",
                                        "warning"))
                continue
            return None
        clause.units.extend(ListedUnit(u.name, u.span, role) for u in pending)
        clause.units.extend(units)
        pending = []
    if pending and clause.units:
        names = "、".join(u.name for u in pending)
        problems.append(Problem(path, line, f"units with no role word in a clause ignored: {names}", "warning"))
    if not clause.units and clause.rule is None and not clause.carry:
        return None
    return clause


def _clauses(source: SourceText, line: Line, problems: list[Problem]):
    """The responsibility clauses of a line, in order; brackets of prose are passed over."""
    raw = source.raw
    depth = 0
    opened = -1
    for i in range(line.start, line.end):
        char = raw[i]
        if char in OPENERS:
            if depth == 0:
                opened = i
            depth += 1
        elif char in CLOSERS and depth > 0:
            depth -= 1
            if depth == 0 and i - opened - 1 <= MAX_CLAUSE:
                clause = parse_clause(raw, opened + 1, i, source.path, line.number, problems)
                if clause is not None:
                    yield clause
    if depth > 0:
        tail = raw[opened + 1 : min(line.end, opened + 1 + MAX_CLAUSE)]
        if any(verb in tail for verb, _ in VERBS):
            problems.append(Problem(source.path, line.number, f"bracket opened at column {opened - line.start + 1}"
                                                              " is never closed: a responsibility clause may be "
                                                              "lost", "warning"))


def _units(raw: str, start: int, end: int, line: int, role: str, path: str, problems: list[Problem],
           clause: Clause | None = None) -> list[ListedUnit] | None:
    """The units of ``raw[start:end]`` with ``role``, or None when a piece is not a unit name."""
    try:
        listed = split_units(raw[start:end], start)
    except ValueError as exc:
        problems.append(Problem(path, line, str(exc), "warning"))
        return None
    listed = split_conjoined(listed, raw[start:end], start)
    if not listed.pieces or not all(looks_like_unit(p.name) for p in listed.pieces):
        return None
    if clause is not None and listed.open_ended:
        clause.open_ended = True
    return [ListedUnit(p.name, Span(p.start, p.end, line), role) for p in listed.pieces]


def _verb_split(raw: str, start: int, end: int) -> tuple[int, str | None]:
    """Where the units end and the role their verb gives, or ``(end, None)`` for a segment with no verb."""
    found = split_verb(raw[start:end])
    if found is None:
        return end, None
    units, role = found
    return start + len(units), role


def _carried(raw: str, start: int, end: int, names: str, line: int) -> list[ListedUnit]:
    """The implementers of a standing statement, pointing at their names inside it."""
    units = []
    for name in re.split(r"[、，,和及]", names):
        at = raw.find(name, start, end) if name else -1
        if at >= 0 and looks_like_unit(name):
            units.append(ListedUnit(name, Span(at, at + len(name), line), "implementing", carried=True))
    return units


def _measure(source: SourceText, line: Line, start: int, end: int) -> Span | None:
    """The measure text in ``[start, end)`` without its printed number, or None when nothing is left."""
    raw = source.raw
    prefix = NUMBER_PREFIX.match(raw, start, end)
    if prefix is not None:
        start = prefix.end()
    start, end = trim(raw, start, end)
    while start < end and raw[start] in "。；;，,":
        start += 1
    if start >= end:
        return None
    return Span(start, end, line.number)


def _after(raw: str, pos: int, limit: int) -> int:
    """Past the punctuation that closes a clause (``）。``)."""
    while pos < limit and (raw[pos] in "。；;，, \t\u3000"):
        pos += 1
    return pos


def _is_heading(line: Line, pattern: re.Pattern[str]) -> bool:
    text = normalise(line.text)
    return bool(pattern.match(text)) and len(text) <= HEADING_MAX and "。" not in text.rstrip("。")


def _section(chapter: _Chapter, rule: Span | None, source: SourceText) -> SectionRecord:
    if chapter.stated and rule is not None:
        return SectionRecord(chapter.key, chapter.title, span=chapter.span, role_rule=normalise(source.quote(rule)),
                             role_rule_span=rule, role_rule_basis="stated", tasks=tuple(chapter.tasks))
    if chapter.convention:
        return SectionRecord(chapter.key, chapter.title, span=chapter.span, role_rule_basis="convention",
                             tasks=tuple(chapter.tasks))
    return SectionRecord(chapter.key, chapter.title, span=chapter.span, tasks=tuple(chapter.tasks))


