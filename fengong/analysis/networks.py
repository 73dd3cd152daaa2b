"""The three networks of a task division, built from :class:`~fengong.analysis.load.Mention` records.

Collective agents (地方各级政府) and open lists (等) are handled by :class:`Options`, never silently:
collectives are left out or kept as nodes; tasks with an open list are kept (and flagged on every edge they
support) or left out. :func:`select` returns what was left out so the report can say so.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from fengong.analysis.load import Mention

COLLECTIVES = ("exclude", "keep")
OPEN_LISTS = ("keep", "exclude")


@dataclass(frozen=True)
class Options:
    """How to treat collectives (``exclude`` | ``keep``) and tasks with open lists (``keep`` | ``exclude``)."""

    collectives: str = "exclude"
    open_lists: str = "keep"

    def __post_init__(self):
        if self.collectives not in COLLECTIVES:
            raise ValueError(f"collectives must be one of {COLLECTIVES}, got {self.collectives!r}")
        if self.open_lists not in OPEN_LISTS:
            raise ValueError(f"open_lists must be one of {OPEN_LISTS}, got {self.open_lists!r}")


@dataclass
class Selection:
    """The mentions analysed, and what was set aside or flagged (for the report)."""

    mentions: list[Mention]
    excluded_agents: dict[str, str] = field(default_factory=dict)  # agent IRI → name
    excluded_tasks: dict[str, int] = field(default_factory=dict)  # task IRI → number
    open_tasks: dict[str, int] = field(default_factory=dict)  # task IRI → number (kept or not)
    collective_agents: dict[str, str] = field(default_factory=dict)  # agent IRI → name (kept or not)
    unresolved_agents: dict[str, str] = field(default_factory=dict)


def select(mentions: list[Mention], options: Options) -> Selection:
    """Apply ``options`` to the mentions; record every agent and task set aside and every flag."""
    selection = Selection([])
    for m in mentions:
        if m.open_list:
            selection.open_tasks[m.task] = m.number
        if m.kind == "collective":
            selection.collective_agents[m.agent] = m.name_zh
        if m.kind == "unresolved":
            selection.unresolved_agents[m.agent] = m.name_zh
        if m.open_list and options.open_lists == "exclude":
            selection.excluded_tasks[m.task] = m.number
            continue
        if m.kind == "collective" and options.collectives == "exclude":
            selection.excluded_agents[m.agent] = m.name_zh
            continue
        selection.mentions.append(m)
    return selection


def _agent_attributes(m: Mention) -> dict:
    return {"label": m.printed or m.name_zh, "name_zh": m.name_zh, "name_en": m.name_en,
            "agency_type": m.agency_type or m.kind, "kind": m.kind}


def _tasks(mentions: list[Mention]) -> dict[str, list[Mention]]:
    tasks: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        tasks[m.task].append(m)
    return tasks


def bipartite(mentions: list[Mention]) -> nx.Graph:
    """Tasks and agents, an edge for each assignment (``role``, ``position``); ``bipartite`` 0 = task, 1 = agent."""
    graph = nx.Graph()
    for m in mentions:
        graph.add_node(m.task, bipartite=0, label=f"任务 {m.number}", number=m.number, open_list=m.open_list,
                       kind="task")
        graph.add_node(m.agent, bipartite=1, **_agent_attributes(m))
        graph.add_edge(m.task, m.agent, role=m.role, position=m.position)
    return graph


def co_responsibility(mentions: list[Mention]) -> nx.Graph:
    """Agents linked when named on the same task; ``weight`` = shared tasks, ``open_list_tasks`` = of them open."""
    graph = nx.Graph()
    for m in mentions:
        graph.add_node(m.agent, **_agent_attributes(m))
    for members in _tasks(mentions).values():
        agents = sorted({m.agent for m in members})
        is_open = members[0].open_list
        for a, b in combinations(agents, 2):
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += 1
                graph[a][b]["open_list_tasks"] += int(is_open)
            else:
                graph.add_edge(a, b, weight=1, open_list_tasks=int(is_open))
    return graph


def lead_network(mentions: list[Mention]) -> nx.DiGraph:
    """Directed ties from each task's lead to each of its participants; ``weight`` = tasks behind the tie."""
    graph = nx.DiGraph()
    for m in mentions:
        graph.add_node(m.agent, **_agent_attributes(m))
    for members in _tasks(mentions).values():
        leads = [m.agent for m in members if m.role == "lead"]
        participants = [m.agent for m in members if m.role == "participant"]
        is_open = members[0].open_list
        for lead in leads:
            for participant in participants:
                if graph.has_edge(lead, participant):
                    graph[lead][participant]["weight"] += 1
                    graph[lead][participant]["open_list_tasks"] += int(is_open)
                else:
                    graph.add_edge(lead, participant, weight=1, open_list_tasks=int(is_open))
    return graph


def role_counts(mentions: list[Mention]) -> dict[str, Counter]:
    """Per agent: how many tasks it leads (``lead``) and joins as a participant (``participant``)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        counts[m.agent][m.role] += 1
    return counts
