"""Roles in a task's unit list: the words and column headers that state them, and the lead rule.

Documents state roles three ways: a verb after the units (``A牵头，B、C参与``, ``A、B指导``), a column header
(牵头单位, 配合单位 …), or a plain responsible list (``A、B负责``, 负责单位) whose first unit leads — by the
document's own rule (``排在第一位的部门为牵头部门``) or, where the document states none, by the common
convention, which fengong then records as its own assumption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fengong.records import Span, UnitMention

# A list whose roles follow from the lead rule: the first unit leads, the others participate.
RESPONSIBLE = "responsible"

# Clause verbs, longest first: ``A、B牵头负责`` are two stated leads, ``A负责`` is a responsible list.
VERBS = (
    ("牵头负责", "lead"),
    ("负责落实", "implementing"),
    ("具体落实", "implementing"),
    ("牵头", "lead"),
    ("参与", "participant"),
    ("参加", "participant"),
    ("配合", "cooperating"),
    ("协助", "cooperating"),
    ("指导", "guiding"),
    ("落实", "implementing"),
    ("负责", RESPONSIBLE),
)

# Table column headers (spaces removed) → the role of the units in that column.
HEADER_ROLES = {
    "牵头单位": "lead", "牵头部门": "lead", "牵头": "lead", "牵头责任单位": "lead",
    "责任单位": RESPONSIBLE, "负责单位": RESPONSIBLE, "责任部门": RESPONSIBLE, "负责部门": RESPONSIBLE,
    "承担单位": RESPONSIBLE, "责任主体": RESPONSIBLE,
    "参与单位": "participant", "参与部门": "participant", "参加单位": "participant",
    "配合单位": "cooperating", "配合部门": "cooperating", "协办单位": "cooperating", "协同单位": "cooperating",
    "指导部门": "guiding", "指导单位": "guiding",
    "落实单位": "implementing", "实施主体": "implementing", "实施单位": "implementing",
}
NUMBER_HEADERS = {"序号", "编号", "序"}
TASK_HEADERS = {
    "工作任务", "重点任务", "主要任务", "任务", "具体任务", "任务内容", "工作内容", "主要内容", "具体措施",
    "政策措施", "改革举措", "工作措施", "重点工作", "任务措施", "改革任务", "工作事项", "事项",
}

# The document's own lead rule: 列第一位者为牵头单位 / 排在第一位的部门为牵头部门 / 排名第一的为牵头单位.
LEAD_RULE = re.compile(r"(?:列|排|排在|排名)第一(?:位)?的?(?:者|部门|单位)?为牵头(?:单位|部门)")
# Its usual scope words and sequel (其余为参与单位, 下同), kept in the quoted rule.
_RULE_TAIL = re.compile(r"[，,；;]?\s*(?:其余(?:为|的为)?(?:主要)?(?:参与|配合|责任)(?:单位|部门)|下同)")




@dataclass(frozen=True)
class ListedUnit:
    """A unit name found in a list, with the role its verb or column gives it (or RESPONSIBLE)."""

    name: str
    span: Span
    role: str
    carried: bool = False


def column_role(header: str) -> str | None:
    """The role a column header gives its units, or None for a column that holds no units."""
    return HEADER_ROLES.get(re.sub(r"\s+", "", header))


def split_verb(segment: str) -> tuple[str, str] | None:
    """``(units, role)`` when ``segment`` ends with a role verb, else None."""
    for verb, role in VERBS:
        if segment.endswith(verb) and len(segment) > len(verb):
            return segment[: -len(verb)], role
    return None


def rule_extent(text: str, match: re.Match[str]) -> int:
    """Where a lead rule found by :data:`LEAD_RULE` ends, its 其余为… / 下同 sequel included."""
    end = match.end()
    while tail := _RULE_TAIL.match(text, end):
        end = tail.end()
    return end


def assign_roles(units: list[ListedUnit]) -> list[UnitMention]:
    """Number the units in printed order and settle the roles of responsible lists.

    A responsible list's first unit leads unless a unit is stated as lead (``A牵头``, a 牵头单位 column); then
    the responsible units participate. Stated leads are kept as stated, two of them too.
    """
    stated_lead = any(u.role == "lead" for u in units)
    mentions: list[UnitMention] = []
    first_responsible = True
    for position, unit in enumerate(units, 1):
        role = unit.role
        if role == RESPONSIBLE:
            role = "lead" if first_responsible and not stated_lead else "participant"
            first_responsible = False
        mentions.append(UnitMention(unit.name, position, role, unit.span, carried=unit.carried))
    return mentions


def uses_lead_rule(units: list[ListedUnit]) -> bool:
    """True when the lead rule decided a role in this list (a responsible list without a stated lead)."""
    return any(u.role == RESPONSIBLE for u in units) and not any(u.role == "lead" for u in units)
