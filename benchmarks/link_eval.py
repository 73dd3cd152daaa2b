"""Measure task alignment (``fengong link``) against known pairs: generated ones, and a hand-labelled set.

1. The generator (``benchmarks/synthetic_corpus.py``) derives each province's plan from the national plan and
   each city's from its province's, rewording every task and substituting the units' counterparts; it records
   which task implements which. The national, provincial and city plans are ingested and every lower plan is
   aligned with its parent.
2. ``benchmarks/data/jilin-city-paraphrases.toml``: hand-written city-level restatements of real Jilin tasks
   (and three that restate none), each labelled with the Jilin task it restates, aligned with the real table.

Both print precision and recall per method as Markdown tables (for docs/alignment.md).

    .venv/bin/python benchmarks/link_eval.py [--documents 400] [--seed 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_corpus import write_corpus  # noqa: E402

from fengong import PROJECT_ROOT  # noqa: E402
from fengong.graph import plan_iri  # noqa: E402
from fengong.ingest import find_documents, ingest  # noqa: E402
from fengong.link.align import Scorer, Settings  # noqa: E402
from fengong.link.measure import Measure, measure  # noqa: E402
from fengong.link.tasks import PlanTask, Unit, plan_tasks  # noqa: E402
from fengong.link.units import CounterpartKeys  # noqa: E402
from fengong.registry import default_registry_paths, load_registry  # noqa: E402
from fengong.store import default_data_files, open_store  # noqa: E402

PARAPHRASES = Path(__file__).resolve().parent / "data" / "jilin-city-paraphrases.toml"
JILIN = str(plan_iri("jilin-disability-13fyp"))

#: (label, settings): text alone, units alone, and both, for each text representation.
VARIANTS = [
    ("char n-grams only", Settings("char", 1.0, 0.0, 0.0)),
    ("jieba words only", Settings("word", 1.0, 0.0, 0.0)),
    ("words + n-grams only", Settings("char+word", 1.0, 0.0, 0.0)),
    ("counterparts only", Settings("char", 0.0, 1.0, 0.0)),
    ("char n-grams + counterparts (default)", Settings("char", 0.6, 0.4, 0.25)),
    ("jieba words + counterparts", Settings("word", 0.6, 0.4, 0.25)),
    ("words + n-grams + counterparts", Settings("char+word", 0.6, 0.4, 0.25)),
]


def known_pairs(corpus: Path, slugs: set[str]) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """(lower plan, parent plan) → known (task IRI, parent task IRI) pairs, for the plans ingested."""
    pairs: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for line in (corpus / "correspondences.jsonl").read_text(encoding="utf-8").splitlines():
        x = json.loads(line)
        parent = x["implements"]["plan"]
        if x["plan"] in slugs and parent in slugs:
            pairs.setdefault((x["plan"], parent), set()).add(
                (f"{plan_iri(x['plan'])}/task/{x['task']}", f"{plan_iri(parent)}/task/{x['implements']['task']}"))
    return pairs


def table(pairs: list[tuple[list[PlanTask], list[PlanTask], set[tuple[str, str]]]], keys: CounterpartKeys,
          variants: list[tuple[str, Settings]] = VARIANTS) -> None:
    print("| method | precision | recall | correct / predicted / known | seconds |")
    print("| --- | --- | --- | --- | --- |")
    for label, settings in variants:
        started, total = time.monotonic(), Measure(0, 0, 0)
        for sources, targets, known in pairs:
            total += measure(Scorer(sources, targets, keys, settings).propose(), known)
        print(f"| {label} | {total.precision:.3f} | {total.recall:.3f} | {total.correct} / {total.predicted} / "
              f"{total.known} | {time.monotonic() - started:.1f} |")


def synthetic(documents: int, seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, seed, documents)
        found = find_documents([corpus / "national", corpus / "province", corpus / "city"])
        registry = load_registry(default_registry_paths(PROJECT_ROOT))
        dataset = Path(tmp) / "synthetic.trig"
        ingest(found, dataset, registry, corpus, progress=False)
        store = open_store(None, [dataset]).store
        pairs = known_pairs(corpus, {d.slug or d.path.stem for d in found})
        tasks = {slug: plan_tasks(store, str(plan_iri(slug))) for pair in pairs for slug in pair}
        print(f"### Synthetic corpus (seed {seed}, {documents} documents generated)\n\n{len(pairs)} plan pairs "
              f"(provinces → national, cities → province), {sum(len(p) for p in pairs.values())} known task "
              f"pairs.\n")
        table([(tasks[lower], tasks[upper], known) for (lower, upper), known in sorted(pairs.items())],
              CounterpartKeys(store))


def paraphrases() -> None:
    store = open_store(None, default_data_files()).store
    entries = tomllib.loads(PARAPHRASES.read_text(encoding="utf-8"))["task"]
    # The hand-written tasks have no registry entries: their units are unresolved names, as in a city plan
    # ingested without a city registry.
    sources = [PlanTask(f"urn:paraphrase:{n}", n, e["text"],
                        [Unit(f"urn:unit:{name}", name, "lead" if i == 0 else "participant", False)
                         for i, name in enumerate(e["units"])])
               for n, e in enumerate(entries, start=1)]
    known = {(s.iri, f"{JILIN}/task/{e['implements']}") for s, e in zip(sources, entries, strict=True)
             if e["implements"]}
    print(f"\n### Hand-labelled set against the real Jilin table\n\n{len(sources)} hand-written city tasks, "
          f"{len(known)} of them restating a Jilin task, {len(sources) - len(known)} restating none.\n")
    pairs, keys = [(sources, plan_tasks(store, JILIN), known)], CounterpartKeys(store)
    table(pairs, keys)
    print("\nThe default method at other thresholds (the lowest combined score proposed):\n")
    table(pairs, keys, [(f"threshold {t:g}", Settings(threshold=t)) for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--part", choices=["synthetic", "paraphrases", "both"], default="both")
    args = parser.parse_args()
    if args.part in ("synthetic", "both"):
        synthetic(args.documents, args.seed)
    if args.part in ("paraphrases", "both"):
        paraphrases()


if __name__ == "__main__":
    main()
