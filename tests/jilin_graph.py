"""The Jilin graph for tests: the plan of data/sources alone, with the registry, built once per test process.

`fengong build` writes every document the project holds to data/graphs/fengong.trig; the tests whose expected
answers were derived by hand from the Jilin appendix use this graph of the Jilin plan alone.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from fengong import PROJECT_ROOT
from fengong.build import build_graphs
from fengong.trig import serialise_trig


@cache
def jilin_trig() -> Path:
    """A TriG file of the Jilin plan's graph and the registry graphs."""
    folder = Path(tempfile.mkdtemp(prefix="fengong-jilin-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "jilin.trig"
    path.write_text(serialise_trig(build_graphs(PROJECT_ROOT, corpus=False).graphs), encoding="utf-8")
    return path


def jilin_files(scratch: Path | None = None) -> list[Path]:
    """The graph files of the Jilin plan plus the ontology and concept schemes."""
    return [jilin_trig(), *sorted((PROJECT_ROOT / "ontology").glob("*.ttl"))]
