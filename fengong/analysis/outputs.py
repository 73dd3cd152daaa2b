"""Write the analysis tables (CSV, JSON) and networks (GraphML, GEXF)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx


def write_table(rows: list[dict], directory: Path, name: str) -> list[Path]:
    """``name.csv`` (UTF-8 with BOM, so spreadsheet programs read the Chinese) and ``name.json``."""
    csv_path, json_path = directory / f"{name}.csv", directory / f"{name}.json"
    columns = list(rows[0]) if rows else []
    with open(csv_path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    write_json(rows, json_path)
    return [csv_path, json_path]


def write_json(data, path: Path) -> Path:
    """Pretty, sorted-free JSON with Chinese kept readable."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _exportable(graph: nx.Graph) -> nx.Graph:
    # GraphML and GEXF take scalar attributes only: drop empty values rather than write "None".
    copy = graph.copy()
    for _, data in copy.nodes(data=True):
        for key in [k for k, v in data.items() if v is None]:
            del data[key]
    return copy


def write_network(graph: nx.Graph, directory: Path, name: str) -> list[Path]:
    """``name.graphml`` and ``name.gexf`` (for Gephi), node and edge attributes included."""
    exportable = _exportable(graph)
    graphml, gexf = directory / f"{name}.graphml", directory / f"{name}.gexf"
    nx.write_graphml(exportable, graphml, encoding="utf-8")
    nx.write_gexf(exportable, gexf, encoding="utf-8")
    return [graphml, gexf]
