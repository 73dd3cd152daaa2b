"""One HTML report, readable top to bottom: data and options, what was left out, the plan's measures,
figures, the agencies, brokerage, communities, and how to read each measure."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from fengong.analysis.brokerage import ROLES
from fengong.analysis.measures import COLUMNS

if TYPE_CHECKING:
    from fengong.analysis.run import Analysis

STYLE = """
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       max-width: 70em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #222; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
img { max-width: 100%; border: 1px solid #eee; }
.note { background: #f6f6f0; padding: 0.5em 1em; border-left: 4px solid #cc9; }
"""

PLAN_MEASURES = [
    ("tasks", "任务数 tasks analysed", "Tasks kept after the options below."),
    ("assignments", "分工数 assignments", "Unit mentions kept."),
    ("agents", "单位数 agents", "Nodes of the co-responsibility network."),
    ("ties", "共担关系 ties", "Pairs of agents that share at least one task."),
    ("density", "密度 density", "Share of all possible pairs that share a task (0–1)."),
    ("lead_gini", "牵头基尼系数 Gini of tasks led",
     "0 = every agent leads equally many tasks; near 1 = one agent leads nearly all."),
    ("lead_hhi", "牵头集中度 HHI of tasks led",
     "Sum of squared shares of the tasks led: 1/n if n agents lead equally, 1 if one leads all."),
    ("distinct_leads", "牵头单位数 distinct leads", "Agents that lead at least one task."),
    ("community_count", "社区数 communities", "Groups found by greedy modularity maximisation."),
    ("modularity", "模块度 modularity",
     "How much more weight lies inside the communities than chance would put there (−0.5–1)."),
]


def _cell(value) -> str:
    if isinstance(value, float):
        return f'<td class="n">{value:.4f}</td>'
    if isinstance(value, int):
        return f'<td class="n">{value}</td>'
    return f"<td>{escape('' if value is None else str(value))}</td>"


def _table(rows: list[dict], columns: list[str]) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(_cell(r.get(c)) for c in columns) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _list(items: list, empty: str) -> str:
    return "、".join(escape(str(i)) for i in items) if items else escape(empty)


def render(analysis: Analysis, date: str) -> str:
    """The report as one HTML page (figures referenced by file name, beside it)."""
    s = analysis.summary
    options = s["options"]
    measures = "".join(f"<tr><th>{escape(label)}</th>{_cell(s[key])}<td>{escape(text)}</td></tr>"
                       for key, label, text in PLAN_MEASURES)
    agencies = _table(analysis.agencies, ["label", "agency_type", "tasks_led", "tasks_joined", "degree",
                                          "strength", "betweenness", "eigenvector", "constraint",
                                          "effective_size", "core_number", "community"])
    brokers = [r for r in analysis.agencies if r["brokerage_total"]]
    brokerage = _table(brokers, ["label", "agency_type", *ROLES, "brokerage_total"]) if brokers else \
        "<p>No agency brokers an open two-path. 没有单位处于开放的两步路径中间。</p>"
    bridging = _table(s["bridging_agencies"], ["label", "participation", "communities_reached"]) \
        if s["bridging_agencies"] else "<p>No agency has ties into another community.</p>"
    glossary = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in COLUMNS.items())
    figure = ('<figure><img src="{0}.png" alt="{1}"><figcaption>{1} (<a href="{0}.svg">SVG</a>)'
              "</figcaption></figure>")
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>分工协作分析 Coordination analysis</title>
<style>{STYLE}</style></head><body>
<h1>分工协作分析 · Coordination analysis</h1>
<p>Plan(s) 规划: {_list(s["plans"], "—")}<br>Date 日期: {escape(date)}</p>

<h2>1. 数据与选项 Data and options</h2>
<div class="note">
<p><b>集合责任主体 Collective agents</b> (e.g. 地方各级政府): {_list(s["collective_agents"], "none 无")} —
option <code>--collectives {escape(options["collectives"])}</code>:
{"left out of every network 已从网络中排除" if options["collectives"] == "exclude" else "kept as nodes 作为节点保留"}.
A collective is a class of governments, not one body; keeping it adds a node that stands for many.</p>
<p><b>列举未尽的任务 Tasks with open lists (等)</b>: {_list(s["open_list_tasks"], "none 无")} —
option <code>--open-lists {escape(options["open_lists"])}</code>:
{"kept, and every tie they support counts them in open_list_tasks 保留并在边上标记" if options["open_lists"] == "keep"
 else "left out 已排除"}. Absence from an open list is no evidence of non-involvement.</p>
<p><b>未识别单位 Unresolved names</b>: {_list(s["unresolved_agents"], "none 无")} (kept as nodes).</p>
</div>

<h2>2. 规划层面 The plan as a whole</h2>
<table>{measures}</table>

<h2>3. 图 Figures</h2>
{figure.format("co_responsibility", "共担责任网络：节点大小=共同任务总数，颜色=单位类型 · Co-responsibility")}
{figure.format("lead_participant", "牵头→参与网络 · Lead → participant ties")}
{figure.format("leads_and_participations", "各单位牵头与参与任务数 · Tasks led and joined")}

<h2>4. 各单位 Agencies</h2>
<p>Degree = partners; strength = shared-task ties summed; betweenness uses distance 1/shared tasks;
constraint is high for agencies whose partners all know each other; effective size counts non-redundant
partners. The full table with every column is <a href="agencies.csv">agencies.csv</a> / <a
href="agencies.json">agencies.json</a>.</p>
{agencies}

<h2>5. 经纪角色 Brokerage (Gould–Fernandez)</h2>
<p>On the lead → participant network, with agency types as groups: an agency B brokers a → B → c when a
leads a task B joins, B leads a task c joins, and a leads no task c joins. Coordinator: all in B's group;
gatekeeper: a from outside; representative: c outside; consultant: a and c share a group B is not in;
liaison: three different groups.</p>
{brokerage}

<h2>6. 社区与桥接 Communities and bridges</h2>
<p>{s["community_count"]} communities, modularity {s["modularity"]:.4f}.</p>
{_table(analysis.community_rows(), ["community", "size", "members"])}
<p>Bridging agencies: ties into more than one community, by participation coefficient.</p>
{bridging}

<h2>7. 指标说明 How to read the measures</h2>
<table>{glossary}</table>

<h2>8. 文件 Files</h2>
<p>Tables: agencies, co_responsibility_ties, lead_participant_ties, communities (.csv, .json), summary.json.
Networks: bipartite, co_responsibility, lead_participant (.graphml, .gexf for Gephi). RDF: measures.trig
(load it with <code>fengong query --data</code> and ask the <code>agency-network-measures</code> question).</p>
</body></html>
"""


def write_report(analysis: Analysis, path: Path, date: str) -> Path:
    """Write :func:`render` to ``path``."""
    path.write_text(render(analysis, date), encoding="utf-8")
    return path
