"""Gould–Fernandez brokerage roles on a directed network with groups.

Gould, R. V. & Fernandez, R. M. (1989), "Structures of mediation", Sociological Methodology 19: 89–126.
A broker ``b`` mediates an open two-path ``a → b → c`` (``a``, ``b``, ``c`` distinct and no tie ``a → c``).
Its role depends on the groups of the three:

========================  =====================================
coordinator               a, b, c all in one group
gatekeeper                a outside; b and c in one group
representative            a and b in one group; c outside
consultant (itinerant)    a and c in one group; b outside
liaison                   all three in different groups
========================  =====================================
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

ROLES = ("coordinator", "gatekeeper", "representative", "consultant", "liaison")


def classify(group_a, group_b, group_c) -> str:
    """The brokerage role of ``b`` in ``a → b → c`` given the three groups."""
    if group_a == group_b == group_c:
        return "coordinator"
    if group_b == group_c:
        return "gatekeeper"
    if group_a == group_b:
        return "representative"
    if group_a == group_c:
        return "consultant"
    return "liaison"


def brokerage(graph: nx.DiGraph, group: dict) -> dict[str, Counter]:
    """Per node, how many open two-paths it brokers in each role (every role present, zero if none)."""
    counts = {node: Counter({role: 0 for role in ROLES}) for node in graph}
    for b in graph:
        for a in graph.predecessors(b):
            for c in graph.successors(b):
                if a in (b, c) or c == b or graph.has_edge(a, c):
                    continue
                counts[b][classify(group[a], group[b], group[c])] += 1
    return counts
