"""``fengong export tasks``: one row per task — plan, its place in the numbering, text, units by role, open list.

``number`` is the value printed (（三） → 3), ``label`` the label as printed, ``key`` the task's place in the
document's outline (unique in the plan), ``parent`` the key of the enclosing numbered item; ``units`` lists
every unit in printed order with its role, beside the lead / participants summary.

Read from the embedded store with SPARQL, so it works on any graph fengong built or ingested. Units are named
as printed in the source (line breaks rejoined); for the Jilin plan the Markdown form is the appendix table.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass

import pyoxigraph

from fengong.namespaces import sparql_prefixes
from fengong.readers.outline import outline_order

TASKS_QUERY = sparql_prefixes() + """
SELECT ?plan ?title ?rule ?key ?number ?label ?parent ?basis ?text ?open ?position ?name ?role WHERE {
  ?task a fg:Task ; fg:isStepOfPlan ?plan ; fg:outlineKey ?key ; fg:taskNumber ?number ; dct:description ?text ;
        fg:agencyListIsOpen ?open .
  ?a fg:task ?task ; fg:listPosition ?position ; fg:nameAsPrinted ?name ; fg:role ?role .
  OPTIONAL { ?task fg:numberLabel ?label }
  OPTIONAL { ?task fg:withinItem/fg:outlineKey ?parent }
  OPTIONAL { ?task fg:leadBasis ?basis }
  OPTIONAL { ?plan dct:title ?title . FILTER (lang(?title) = "zh") }
  OPTIONAL { ?task fg:inSection/fg:roleConvention ?rule }
}
"""


@dataclass
class TaskRow:
    plan: str
    plan_title: str
    key: str
    number: int
    label: str
    parent: str | None
    text: str
    lead: str
    participants: list[str]
    open_ended: bool
    other_roles: dict[str, list[str]]  # units in roles other than lead/participant, by role
    role_rule: str  # the table's own sentence on roles, where it has one
    lead_basis: str  # stated, marked, rule, convention; "" where no unit leads
    units: list[dict[str, str]]  # every unit in printed order: {"name", "role"}


def task_rows(store: pyoxigraph.Store) -> list[TaskRow]:
    rows: dict[tuple[str, str], TaskRow] = {}
    units: dict[tuple[str, str], dict[int, tuple[str, str]]] = {}
    for sol in store.query(TASKS_QUERY, use_default_graph_as_union=True):
        key = (sol["plan"].value, sol["key"].value)
        if key not in rows:
            rows[key] = TaskRow(
                plan=key[0], plan_title=sol["title"].value if sol["title"] else "", key=key[1],
                number=int(sol["number"].value), label=sol["label"].value if sol["label"] else "",
                parent=sol["parent"].value if sol["parent"] else None, text=sol["text"].value, lead="",
                participants=[], open_ended=sol["open"].value == "true", other_roles={},
                role_rule=sol["rule"].value if sol["rule"] else "",
                lead_basis=sol["basis"].value.rsplit("/", 1)[-1] if sol["basis"] else "", units=[])
        units.setdefault(key, {})[int(sol["position"].value)] = (sol["name"].value,
                                                                 sol["role"].value.rsplit("/", 1)[-1])
    for key, row in rows.items():
        for _, (name, role) in sorted(units[key].items()):
            row.units.append({"name": name, "role": role})
            if role == "lead":
                row.lead = f"{row.lead}、{name}" if row.lead else name
            elif role == "participant":
                row.participants.append(name)
            else:
                row.other_roles.setdefault(role, []).append(name)
    return sorted(rows.values(), key=lambda r: (r.plan, outline_order(r.key)))


def to_json(rows: list[TaskRow]) -> str:
    return json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2) + "\n"


def to_csv(rows: list[TaskRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["plan", "key", "number", "label", "parent", "text", "lead", "participants", "open_ended",
                     "other_roles", "lead_basis"])
    for r in rows:
        others = "; ".join(f"{role}: {'、'.join(names)}" for role, names in sorted(r.other_roles.items()))
        writer.writerow([r.plan, r.key, r.number, r.label, r.parent or "", r.text, r.lead, "、".join(r.participants),
                         "true" if r.open_ended else "false", others, r.lead_basis])
    return out.getvalue()


def to_markdown(rows: list[TaskRow]) -> str:
    """The task tables again: 序号 | 工作任务 | 负责单位, the lead first, 等 where the list is open."""
    out: list[str] = []
    for plan in dict.fromkeys(r.plan for r in rows):
        mine = [r for r in rows if r.plan == plan]
        out += [f"## {mine[0].plan_title or plan}", "", f"<{plan}>", "", "| 序号 | 工作任务 | 负责单位 |",
                "| ---: | --- | --- |"]
        for r in mine:
            units = "、".join([u for u in [r.lead, *r.participants] if u]) + ("等" if r.open_ended else "")
            others = "".join(f"；{role}：{'、'.join(names)}" for role, names in sorted(r.other_roles.items()))
            out.append(f"| {r.label or r.key} | {_cell(r.text)} | {_cell(units + others)} |")
        rules = dict.fromkeys(r.role_rule for r in mine if r.role_rule)
        out += ["", *rules, ""]
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
