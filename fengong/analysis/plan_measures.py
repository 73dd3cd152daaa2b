"""Whole-network measures: concentration of leadership, density, communities and who bridges them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx


def gini(values: list[float]) -> float:
    """Gini coefficient of non-negative values (0 = equal, → 1 = one holds all); 0 for no or all-zero values.

    Uses the sorted form G = 2·Σ i·x_(i) / (n·Σx) − (n+1)/n, with x ascending and i from 1.
    """
    ordered = sorted(values)
    n, total = len(ordered), sum(ordered)
    if n == 0 or total == 0:
        return 0.0
    weighted = sum(i * x for i, x in enumerate(ordered, start=1))
    return 2 * weighted / (n * total) - (n + 1) / n


def hhi(values: list[float]) -> float:
    """Herfindahl–Hirschman index of the shares of ``values`` (1/n when equal, 1 when one holds all)."""
    total = sum(values)
    return sum((v / total) ** 2 for v in values) if total else 0.0


@dataclass
class Communities:
    """A partition of the co-responsibility network and how each node sits in it."""

    groups: list[list[str]]  # node lists, largest first
    modularity: float
    membership: dict[str, int]  # node → index in groups
    participation: dict[str, float]  # node → participation coefficient (0: all ties inside its community)
    reached: dict[str, int]  # node → communities its ties reach (its own included)


def communities(graph: nx.Graph) -> Communities:
    """Communities by greedy modularity maximisation (Clauset–Newman–Moore, weighted; deterministic).

    A node's participation coefficient P = 1 − Σ_s (w_s / w)² over communities s, with w its strength and
    w_s the weight of its ties into s (Guimerà & Amaral 2005); bridging agencies have high P.
    """
    if graph.number_of_edges() == 0:
        groups = [[n] for n in sorted(graph)]
    else:
        found = nx.community.greedy_modularity_communities(graph, weight="weight")
        groups = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))
    membership = {node: i for i, group in enumerate(groups) for node in group}
    modularity = nx.community.modularity(graph, [set(g) for g in groups], weight="weight") \
        if graph.number_of_edges() else 0.0
    participation, reached = {}, {}
    for node in graph:
        into: Counter = Counter()
        for neighbour, data in graph[node].items():
            into[membership[neighbour]] += data.get("weight", 1)
        strength = sum(into.values())
        participation[node] = 1 - sum((w / strength) ** 2 for w in into.values()) if strength else 0.0
        reached[node] = len(into.keys() | {membership[node]})
    return Communities(groups, modularity, membership, participation, reached)
