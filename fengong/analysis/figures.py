"""Figures of the networks and the lead/participation counts, as PNG and SVG with Chinese labels."""

from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no display on servers and in tests

import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import networkx as nx  # noqa: E402

from fengong.analysis.fonts import register_cjk_font  # noqa: E402
from fengong.analysis.palette import TYPE_COLOURS, TYPE_NAMES  # noqa: E402
from fengong.analysis.spread import spread_layout  # noqa: E402


class MissingGlyphs(Exception):
    """The figure font lacks glyphs for some labels (they would show as empty boxes)."""


def _setup() -> None:
    family = register_cjk_font()
    plt.rcParams["font.family"] = family
    plt.rcParams["axes.unicode_minus"] = False
    plt.rcParams["svg.fonttype"] = "path"  # glyphs as outlines: the SVG needs no font where it is viewed


def _save(figure, directory: Path, name: str) -> list[Path]:
    paths = [directory / f"{name}.png", directory / f"{name}.svg"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(paths[0], dpi=150, bbox_inches="tight", metadata=None)
        figure.savefig(paths[1], bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    if missing:
        raise MissingGlyphs(f"{name}: {missing[0]}")
    return paths


def _colour(graph, node) -> str:
    return TYPE_COLOURS.get(graph.nodes[node].get("agency_type", ""), "#333333")


def _legend(ax, graph) -> None:
    present = sorted({graph.nodes[n].get("agency_type", "") for n in graph} & TYPE_COLOURS.keys())
    handles = [plt.Line2D([], [], marker="o", linestyle="", color=TYPE_COLOURS[t], label=TYPE_NAMES[t])
               for t in present]
    ax.legend(handles=handles, loc="lower left", fontsize=7, frameon=False)


def network_figure(graph: nx.Graph, directory: Path, name: str, title: str) -> list[Path]:
    """Draw ``graph`` (node size by weighted degree, colour by agency type, edge width by weight)."""
    _setup()
    figure, ax = plt.subplots(figsize=(11, 9))
    layout = nx.spring_layout(graph, weight="weight", seed=7, k=1.2 / max(1, len(graph)) ** 0.5)
    strength = dict(graph.degree(weight="weight"))
    top = max(strength.values(), default=1) or 1
    sizes = [120 + 1400 * strength[n] / top for n in graph]
    widths = [0.4 + 2.5 * d.get("weight", 1) / max(1, max((e.get("weight", 1) for *_, e in
              graph.edges(data=True)), default=1)) for *_, d in graph.edges(data=True)]
    # Labels first, to measure them; the nodes move until no two labels overlap, then everything is drawn there.
    texts = nx.draw_networkx_labels(graph, layout, ax=ax, labels={n: graph.nodes[n]["label"] for n in graph},
                                    font_size=8, font_family=plt.rcParams["font.family"])
    layout = spread_layout(ax, layout, texts)
    limits = ax.get_xlim(), ax.get_ylim()
    for text in texts.values():
        text.set_zorder(3)
        text.set_bbox({"facecolor": "white", "alpha": 0.6, "edgecolor": "none", "pad": 0.5})
    draw_edges = nx.draw_networkx_edges
    if graph.is_directed():
        draw_edges(graph, layout, ax=ax, width=widths, alpha=0.35, arrows=True, arrowsize=8,
                   node_size=sizes, connectionstyle="arc3,rad=0.08")
    else:
        draw_edges(graph, layout, ax=ax, width=widths, alpha=0.3)
    nodes = nx.draw_networkx_nodes(graph, layout, ax=ax, node_size=sizes,
                                   node_color=[_colour(graph, n) for n in graph], alpha=0.9, linewidths=0.5,
                                   edgecolors="white")
    nodes.set_zorder(2)
    ax.set_xlim(*limits[0])  # as measured: drawing the edges must not rescale the axes
    ax.set_ylim(*limits[1])
    _legend(ax, graph)
    ax.set_title(title)
    ax.set_axis_off()
    return _save(figure, directory, name)


def counts_figure(rows: list[dict], directory: Path, name: str, title: str) -> list[Path]:
    """Horizontal bars: tasks led and joined per agency, most involved at the top."""
    _setup()
    ordered = sorted(rows, key=lambda r: (r["tasks_total"], r["tasks_led"]))
    figure, ax = plt.subplots(figsize=(9, 0.28 * len(ordered) + 1.5))
    labels = [r["label"] for r in ordered]
    led = [r["tasks_led"] for r in ordered]
    joined = [r["tasks_joined"] for r in ordered]
    ax.barh(labels, led, color="#C44E52", label="牵头 lead")
    ax.barh(labels, joined, left=led, color="#4C72B0", label="参与 participant")
    ax.set_xlabel("任务数 tasks")
    ax.legend(loc="lower right", frameon=False)
    ax.set_title(title)
    ax.tick_params(axis="y", labelsize=8)
    return _save(figure, directory, name)
