"""The built Jilin graph for tests: data/graphs/fengong.trig when `fengong build` wrote it, else built afresh."""

from __future__ import annotations

from pathlib import Path

from fengong import PROJECT_ROOT
from fengong.build import build_graphs
from fengong.trig import serialise_trig


def jilin_files(scratch: Path) -> list[Path]:
    """The graph files of the Jilin plan plus the ontology and concept schemes."""
    built = PROJECT_ROOT / "data" / "graphs" / "fengong.trig"
    if not built.is_file():
        built = scratch / "fengong.trig"
        built.write_text(serialise_trig(build_graphs(PROJECT_ROOT).graphs), encoding="utf-8")
    return [built, *sorted((PROJECT_ROOT / "ontology").glob("*.ttl"))]
