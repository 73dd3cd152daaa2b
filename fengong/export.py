"""``fengong export tasks``: one row per task — plan, number, text, lead, participants, open list.

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

TASKS_QUERY = sparql_prefixes() + """
SELECT ?plan ?title ?rule ?number ?text ?open ?position ?name ?role WHERE {
  ?task a fg:Task ; fg:isStepOfPlan ?plan ; fg:taskNumber ?number ; dct:description ?text ;
        fg:agencyListIsOpen ?open .
  ?a fg:task ?task ; fg:listPosition ?position ; fg:nameAsPrinted ?name ; fg:role ?role .
  OPTIONAL { ?plan dct:title ?title . FILTER (lang(?title) = "zh") }
  OPTIONAL { ?task fg:inSection/fg:roleConvention ?rule }
}
ORDER BY ?plan ?number ?position
"""


@dataclass
class TaskRow:
    plan: str
    plan_title: str
    number: int
    text: str
    lead: str
    participants: list[str]
    open_ended: bool
    other_roles: dict[str, list[str]]  # units in roles other than lead/participant, by role
    role_rule: str  # the table's own sentence on roles, where it has one


def task_rows(store: pyoxigraph.Store) -> list[TaskRow]:
    rows: dict[tuple[str, int], TaskRow] = {}
    for sol in store.query(TASKS_QUERY, use_default_graph_as_union=True):
        key = (sol["plan"].value, int(sol["number"].value))
        row = rows.get(key)
        if row is None:
            row = rows[key] = TaskRow(
                plan=key[0], plan_title=sol["title"].value if sol["title"] else "", number=key[1],
                text=sol["text"].value, lead="", participants=[], open_ended=sol["open"].value == "true",
                other_roles={}, role_rule=sol["rule"].value if sol["rule"] else "",
            )
        role = sol["role"].value.rsplit("/", 1)[-1]
        name = sol["name"].value
        if role == "lead":
            row.lead = f"{row.lead}、{name}" if row.lead else name
        elif role == "participant":
            row.participants.append(name)
        else:
            row.other_roles.setdefault(role, []).append(name)
    return sorted(rows.values(), key=lambda r: (r.plan, r.number))


def to_json(rows: list[TaskRow]) -> str:
    return json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2) + "\n"


def to_csv(rows: list[TaskRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["plan", "number", "text", "lead", "participants", "open_ended", "other_roles"])
    for r in rows:
        others = "; ".join(f"{role}: {'、'.join(names)}" for role, names in sorted(r.other_roles.items()))
        writer.writerow([r.plan, r.number, r.text, r.lead, "、".join(r.participants),
                         "true" if r.open_ended else "false", others])
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
            out.append(f"| {r.number} | {_cell(r.text)} | {_cell(units + others)} |")
        rules = dict.fromkeys(r.role_rule for r in mine if r.role_rule)
        out += ["", *rules, ""]
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
