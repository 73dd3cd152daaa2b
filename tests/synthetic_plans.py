"""Synthetic plans with known correspondences, for the alignment and cross-level tests.

``benchmarks/synthetic_corpus.py`` derives a province's plan from the national one and a city's from its
province's (each task reworded, units replaced by their counterparts) and records which task implements which.
:func:`synthetic_dataset` writes such a corpus, ingests the national plan, Jilin's (220000) and Changchun's
(220100) into one dataset, with the project's registry and optionally the city fixtures of
``tests/data/registry-city/``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fengong import PROJECT_ROOT
from fengong.ingest import find_documents, ingest
from fengong.registry import default_registry_paths, load_registry

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
from synthetic_corpus import write_corpus  # noqa: E402

CITY_REGISTRY = Path(__file__).resolve().parent / "data" / "registry-city"
SLUGS = {"100000": "syn-100000", "220000": "syn-220000", "220100": "syn-220100"}
# The generator lists cities province by province, so 220100 (the 7th province's first city) needs 7 cities,
# i.e. at least 68 documents.
DOCUMENTS = 70


def synthetic_dataset(folder: Path, city_registry: bool = False) -> tuple[Path, Path]:
    """Write the corpus under ``folder`` and ingest the three plans; returns (dataset, corpus folder)."""
    corpus = folder / "corpus"
    write_corpus(corpus, seed=5, documents=DOCUMENTS)
    files = [corpus / "national" / "syn-100000.txt", corpus / "province" / "syn-220000.txt",
             corpus / "city" / "syn-220100.txt"]
    paths = default_registry_paths(PROJECT_ROOT) + (sorted(CITY_REGISTRY.glob("*.toml")) if city_registry else [])
    dataset = folder / "synthetic.trig"
    ingest(find_documents(files), dataset, load_registry(paths), corpus, progress=False)
    return dataset, corpus


def known_pairs(corpus: Path, lower: str, upper: str) -> set[tuple[str, str]]:
    """The generator's record: (lower task IRI, upper task IRI) for the plan pair."""
    base = "https://w3id.org/fengong/id/plan/"
    pairs = set()
    for line in (corpus / "correspondences.jsonl").read_text(encoding="utf-8").splitlines():
        x = json.loads(line)
        if x["plan"] == lower and x["implements"]["plan"] == upper:
            pairs.add((f"{base}{lower}/task/{x['task']}", f"{base}{upper}/task/{x['implements']['task']}"))
    return pairs
