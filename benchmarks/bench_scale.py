"""National scale, side by side: the embedded store (memory, disk), fengong's service, the Oxigraph server,
Virtuoso and rdflib — load, every question of ``queries/`` over HTTP, co-responsibility across all plans (naive
and derived), SHACL checked against pySHACL result for result, memory.

    python benchmarks/bench_scale.py --plans 3200 --write     # national scale; results into docs/benchmarks.md
    python benchmarks/bench_scale.py --plans 100               # a small slice

The corpus: ``benchmarks/synthetic_corpus.py`` writes ``--plans`` documents, one per jurisdiction (national, 31
provinces, then cities and counties), ``fengong ingest`` reads them into one N-Quads file, and each plan gets
its title (so that the corpus conforms to the shapes); the Jilin graph, the registry and the ontology are added
once. Everything is written to a temporary folder and removed.

Servers (fengong's own service on an on-disk store, the Oxigraph server, Virtuoso) each load the data with
their own bulk loader and are asked every question ``--runs`` times by the same client, with parameter values
drawn at random (``--seed``) from the data, the same for every server; the median and p99 of each question are
reported, and each server's peak memory with its loading. The embedded stages (load, derive, the naive
co-responsibility query, every question with the same values on the store opened read-only, the derived
questions also in their derived form) run in child processes that report their peak memory. SHACL: the
compiled checks run on the conforming corpus, then on it with violations injected into ``--broken`` plans drawn
at random (:mod:`fengong.scale.inject`), and their results are compared with pySHACL's on every plan, result for
result. With ``--write`` the report replaces the "National scale, N plans" section of docs/benchmarks.md of its
size only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_ingest import tree_pss  # noqa: E402
from load_service import commit, free_port, stop, write_section  # noqa: E402

JILIN = ROOT / "data" / "graphs" / "fengong.trig"
ONTOLOGY = [ROOT / "ontology" / "fengong.ttl", ROOT / "ontology" / "schemes.ttl"]


# ---------------------------------------------------------------- the dataset


def make_dataset(work: Path, plans: int) -> Path:
    """``plans`` synthetic plans, one per jurisdiction (national, provinces, cities, counties), ingested into one
    N-Quads file: the corpus the issue describes, each plan with its own units (no copies of one plan).

    The readers take a plan's title from its document only where a document number follows it, and never an
    English one, so each synthetic plan is given its generated title in Chinese and English (``dct:title`` in
    its graph), as a researcher's sidecar would: the plans then conform to the shapes, and every violation the
    SHACL stage finds is one it injected."""
    corpus, out = work / "corpus", work / "national.nq"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synthetic_corpus.py"), str(corpus), "--documents",
                    str(plans)], check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "fengong", "ingest", str(corpus), "-o", str(out), "--jobs",
                    str(os.cpu_count() or 1), "--no-progress"], check=True, capture_output=True)
    with open(out, "a", encoding="utf-8") as handle:
        for index in sorted(corpus.glob("*/index.json")):
            for entry in json.loads(index.read_text(encoding="utf-8")):
                plan = f"<https://w3id.org/fengong/id/plan/{entry['slug']}>"
                graph = f"<https://w3id.org/fengong/graph/plan/{entry['slug']}>"
                code, title = entry["jurisdiction"], "<http://purl.org/dc/terms/title>"
                handle.write(f'{plan} {title} "{code}关于印发重点任务分工方案的通知"@zh {graph} .\n'
                             f'{plan} {title} "Notice on the division of key tasks ({code}, synthetic)"@en {graph} .\n')
    return out


class PeakMemory:
    """The peak of the memory (PSS) summed over process trees, sampled every 0.2 s while it runs: how the
    memory of a server is measured, its loading included (a loading process counts while it lives)."""

    def __init__(self):
        self.pids: list[int] = []
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(tree_pss(pid) for pid in list(self.pids)))
            self._stop.wait(0.2)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return self.peak / 2**20


# ---------------------------------------------------------------- measurements (each in a child process)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _median(action, runs: int = 3) -> tuple[float, object]:
    times, outcome = [], None
    for _ in range(runs):
        started = time.perf_counter()
        outcome = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), outcome


def _digest(rows) -> str:
    return hashlib.sha256("\n".join(sorted(json.dumps(r, ensure_ascii=False) for r in rows)).encode()).hexdigest()


def _embedded_rows(store, text: str) -> list:
    import pyoxigraph as ox

    outcome = store.query(text, use_default_graph_as_union=True)
    if isinstance(outcome, ox.QueryBoolean):
        return [bool(outcome)]
    return [[None if t is None else str(t) for t in row] for row in outcome]


def stage_embedded(options) -> dict:
    """Load into pyoxigraph (memory or disk), derive, then ask every question (disk: reopened read-only)."""
    import pyoxigraph as ox

    from fengong.scale.derived import DERIVED_GRAPH, QUERIES, derived_graphs, refresh

    files = [Path(f) for f in options["files"]]
    started = time.perf_counter()
    store = ox.Store(options["location"]) if options["location"] else ox.Store()
    for path in files:
        fmt = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}.get(path.suffix, ox.RdfFormat.TURTLE)
        graph = None if path.suffix in (".nq", ".trig") else ox.NamedNode(path.as_uri())
        store.bulk_load(path=str(path), format=fmt, to_graph=graph)
    if options["location"]:
        store.flush()
    load = time.perf_counter() - started
    triples = len(store)
    started = time.perf_counter()
    refresh(store)
    derive = time.perf_counter() - started
    started = time.perf_counter()
    answers = [quad for quads in derived_graphs(store).values() for quad in quads]
    store.extend(answers)
    derive_answers = time.perf_counter() - started
    if options.get("derived_out"):
        ox.serialize([*store.quads_for_pattern(None, None, None, DERIVED_GRAPH), *answers], options["derived_out"],
                     format=ox.RdfFormat.N_QUADS)
    if options["location"]:
        store.flush()
        del store
        store = ox.Store.read_only(options["location"])
    derived_time, rows = _median(lambda: _embedded_rows(store, QUERIES["co-responsibility-pairs"]))
    return {"load": load, "triples": triples, "derive": derive, "derive_answers": derive_answers,
            "derived_all_plans": derived_time, "derived_rows": len(rows), "derived_digest": _digest(rows)}


def stage_naive(options) -> dict:
    """The naive co-responsibility question over all plans (no parameter bound), once."""
    import pyoxigraph as ox

    from fengong.questions import load_questions

    store = ox.Store.read_only(options["location"]) if options["location"] else None
    if store is None:
        store = ox.Store()
        for path in map(Path, options["files"]):
            fmt = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}.get(path.suffix, ox.RdfFormat.TURTLE)
            store.bulk_load(path=str(path), format=fmt,
                            to_graph=None if path.suffix in (".nq", ".trig") else ox.NamedNode(path.as_uri()))
    started = time.perf_counter()
    rows = _embedded_rows(store, load_questions()["co-responsibility-pairs"].query)
    return {"naive_all_plans": time.perf_counter() - started, "naive_rows": len(rows), "naive_digest": _digest(rows)}


def stage_values(options) -> dict:
    """Parameter values for every question, ``runs`` sets drawn at random (seeded) from the data itself: plans,
    agencies and their names of the registries, pieces of task texts and agency names, task numbers; a question
    asking for one task by its outline key gets a task of the data (its plan, number and key)."""
    import random

    import pyoxigraph as ox

    from fengong.questions import example_values, load_questions

    store = ox.Store.read_only(options["location"])

    def column(text: str) -> list[str]:
        return sorted({row[0].value for row in store.query(text, use_default_graph_as_union=True)})

    fg = "https://w3id.org/fengong/ontology#"
    plans = column(f"SELECT ?p WHERE {{ ?p a <{fg}Plan> }}")
    agencies = column(f"SELECT ?a WHERE {{ ?a a <{fg}Agency> }}")
    labels = column(f"SELECT ?l WHERE {{ ?a a <{fg}Agency> ; <http://www.w3.org/2004/02/skos/core#prefLabel>|"
                    f"<{fg}shortName> ?l }}")
    texts = column(f"SELECT ?d WHERE {{ ?t a <{fg}Task> ; <http://purl.org/dc/terms/description> ?d }}")
    tasks = sorted((row["p"].value, row["n"].value, row["k"].value) for row in store.query(
        f"SELECT ?p ?n ?k WHERE {{ ?t <{fg}isStepOfPlan> ?p ; <{fg}taskNumber> ?n ; <{fg}outlineKey> ?k }}",
        use_default_graph_as_union=True))
    rng = random.Random(options["seed"])

    def piece(words: list[str]) -> str:
        word = rng.choice(words)
        start = rng.randrange(max(1, len(word) - 1))
        return word[start:start + 2]

    def value(question, parameter, example: str) -> str:
        if parameter.type == "plan" or parameter.name == "plan":
            return rng.choice(plans)
        if parameter.type == "label":
            return rng.choice(labels)
        if parameter.type == "agency":  # an agency of the same registry (national, provincial) as the example
            prefix = example.rsplit("/", 1)[0] + "/"
            return rng.choice([a for a in agencies if a.startswith(prefix)] or [example])
        if parameter.type == "string":  # a piece of what the question searches: task texts or names
            return piece(texts if question.search and question.search.index == "task-texts" else labels)
        if parameter.name == "number":
            return str(rng.randint(1, 36))
        return example  # levels, provinces, thresholds: the example's value

    def one_task() -> dict[str, str]:
        plan, number, key = rng.choice(tasks)
        return {"plan": plan, "number": number, "key": key}

    drawn = {}
    for name, question in load_questions().items():
        examples = example_values(question)
        by_key = any(p.name == "key" for p in question.parameters)
        drawn[name] = [{**{p.name: value(question, p, examples.get(p.name, "")) for p in question.parameters},
                        **(one_task() if by_key else {})} for _ in range(options["runs"])]
    return {"values": drawn, "plans": len(plans), "agencies": len(agencies)}


def stage_http(options) -> dict:
    """Every question over HTTP, once per value set, by one client: to fengong's questions API (``api``: what
    its users get, the text index included) or to a SPARQL endpoint (``sparql``: the question with the same
    values in VALUES blocks, as fengong binds them); then the co-responsibility of all plans, naive and derived.
    Every request differs (a numbered comment), so no answer can come from a cache."""
    import urllib.parse
    import urllib.request

    from fengong.questions import bind, load_questions, with_values
    from fengong.scale.derived import QUERIES
    from fengong.scale.http import Endpoint

    endpoint = Endpoint(options["sparql"])
    limit = options["question_limit"]
    counter = iter(range(1 << 30))

    def sparql(text: str) -> int:
        request = endpoint.query_request(f"# request {next(counter)}\n{text}", "application/sparql-results+json")
        with endpoint.send(request, timeout=limit) as response:
            document = json.load(response)
        return len(document.get("results", {}).get("bindings", [document.get("boolean")]))

    def api(name: str, values: dict) -> int:
        url = f"{options['api']}/queries/{name}.json?" + urllib.parse.urlencode({**values})
        request = urllib.request.Request(url, headers={"X-Request": str(next(counter))})
        with urllib.request.urlopen(request, timeout=limit) as response:
            document = json.load(response)
        if document.get("truncated"):
            raise RuntimeError("the answer was cut at the row cap")
        return len(document.get("rows", [document.get("boolean")]))

    questions = {}
    for name, question in load_questions().items():
        times, errors = [], []
        for values in options["values"][name]:
            started = time.perf_counter()
            try:
                if options["kind"] == "api":
                    api(name, values)
                else:
                    sparql(with_values(question.query, bind(question, values)))
                times.append(time.perf_counter() - started)
            except Exception as error:  # a server refusing or failing a question is a result to report
                errors.append("timed out" if "timed out" in str(error) else str(error)[:80])
        questions[name] = {"times": times, "errors": errors}
    derived = []
    for _ in range(3):
        started = time.perf_counter()
        rows = sparql(QUERIES["co-responsibility-pairs"])
        derived.append(time.perf_counter() - started)
    started = time.perf_counter()
    try:
        naive_rows = sparql(load_questions()["co-responsibility-pairs"].query)
        naive = time.perf_counter() - started
    except Exception as error:
        naive_rows, naive = None, (f"> {limit:g} s" if "timed out" in str(error) else str(error)[:60])
    return {"questions": questions, "derived_all_plans": statistics.median(derived), "derived_rows": rows,
            "naive_all_plans": naive, "naive_rows": naive_rows}


def stage_embedded_questions(options) -> dict:
    """Every question on the on-disk store opened read-only in this one process, with the values the servers
    get, bound as the service binds them (``VALUES`` blocks): what the embedded store costs without HTTP and
    without the text index. The derived questions are also asked in their derived form (the store holds the
    graphs, ``stage_embedded`` derived them), and the two answers compared for every value set."""
    import pyoxigraph as ox

    from fengong.questions import bind, load_questions, with_values
    from fengong.scale.derived import DERIVED_QUESTIONS

    store = ox.Store.read_only(options["location"])

    def ask(text: str, question, values: dict) -> tuple[float, list]:
        started = time.perf_counter()
        rows = _embedded_rows(store, with_values(text, bind(question, values)))
        return time.perf_counter() - started, rows

    questions, derived = {}, {}
    for name, question in load_questions().items():
        asked = [ask(question.query, question, values) for values in options["values"][name]]
        questions[name] = {"times": [seconds for seconds, _ in asked], "errors": []}
        if name in DERIVED_QUESTIONS:
            forms = [ask(DERIVED_QUESTIONS[name].query, question, values) for values in options["values"][name]]
            derived[name] = {"times": [seconds for seconds, _ in forms], "errors": [],
                             "same": all(rows == naive for (_, rows), (_, naive) in zip(forms, asked, strict=True))}
    return {"questions": questions, "derived": derived}


def stage_textindex(options) -> dict:
    """The text indexes alone: built from the on-disk store, then asked for the first page of tasks (as the
    service asks) for each task-text-search value."""
    from fengong.service.questions_api import PAGE_SIZE
    from fengong.store import GraphStore
    from fengong.textindex import TextIndex

    graph_store = GraphStore(options["location"], read_only=True)
    started = time.perf_counter()
    index = TextIndex(graph_store, Path(options["directory"]))
    index.ensure()
    build = time.perf_counter() - started
    times, found = [], []
    for values in options["values"]:
        started = time.perf_counter()
        found.append(index.search("task-texts", values["text"], 0, PAGE_SIZE).total)
        times.append(time.perf_counter() - started)
    return {"build": build, "times": times, "found": found, "page": PAGE_SIZE}


def stage_shacl(options) -> dict:
    """Compiled SHACL over everything, on the conforming corpus and after violations are injected into
    ``broken`` plans drawn at random; the results after injection are written to ``results`` for the
    comparison with pySHACL."""
    import random

    import pyoxigraph as ox

    from fengong.scale.inject import INJECTIONS, inject
    from fengong.scale.shacl.runner import validate_store
    from fengong.validate import load_shapes

    shapes = load_shapes(ROOT / "shapes")
    jobs = os.cpu_count() or 1  # as `fengong check --store` runs by default
    started = time.perf_counter()
    clean = validate_store(options["location"], shapes, jobs=jobs)
    clean_time = time.perf_counter() - started
    store = ox.Store(options["location"])
    plans = sorted(r["p"].value for r in store.query(
        "SELECT ?p WHERE { GRAPH ?g { ?p a <https://w3id.org/fengong/ontology#Plan> } }"))
    broken = sorted(random.Random(options["seed"]).sample([p for p in plans if "/plan/syn-" in p],
                                                          options["broken"]))
    injected = inject(store, broken)
    store.flush()
    del store  # the checking processes open the store read-only
    started = time.perf_counter()
    found = validate_store(options["location"], shapes, jobs=jobs)
    seconds = time.perf_counter() - started
    Path(options["results"]).write_text("".join(json.dumps(list(vars(r).values()), ensure_ascii=False) + "\n"
                                                for r in found), encoding="utf-8")
    return {"shacl_clean_violations": sum(r.severity == "violation" for r in clean),
            "shacl_clean_warnings": sum(r.severity == "warning" for r in clean), "shacl_clean_time": clean_time,
            "shacl_found": len(found), "shacl_found_violations": sum(r.severity == "violation" for r in found),
            "shacl_time": seconds, "broken_plans": len(broken), "injections": injected,
            "injection_kinds": len(INJECTIONS), "plans": plans, "jobs": jobs,
            "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def stage_pyshacl(options) -> dict:
    """pySHACL on the plans of ``plans`` of the store after the injection, ``batch`` plans at a time (their
    graphs with the registries and schemes); the results, one JSON line each, are written to ``results``.

    A batch of plans rather than one: the registries (0.9 M triples at 3,200 plans) are checked with every
    batch, and one plan at a time that is ~37 s per plan at 3,200 plans. No shape relates two plans, so every
    result is found in the batch of its plan, and the registries' own results in every batch (kept once)."""
    import pyoxigraph as ox
    import rdflib

    from fengong.scale.shacl.reference import pyshacl_results
    from fengong.validate import load_shapes

    shapes = load_shapes(ROOT / "shapes")
    store = ox.Store.read_only(options["location"])
    shared = [q.triple for g in store.named_graphs() if "/graph/registry/" in g.value
              or g.value.endswith("schemes.ttl") for q in store.quads_for_pattern(None, None, None, g)]
    found = set()
    plans, batch = options["plans"], options["batch"]
    for first in range(0, len(plans), batch):
        triples = list(shared)
        for plan in plans[first:first + batch]:
            graph = ox.NamedNode(plan.replace("/id/plan/", "/graph/plan/"))
            triples += [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
        data = rdflib.Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
        found.update(pyshacl_results(data, shapes)[1])
        _say(f"pySHACL: {min(first + batch, len(plans))} of {len(plans)} plans checked")
    Path(options["results"]).write_text("".join(json.dumps(list(vars(r).values()), ensure_ascii=False) + "\n"
                                                for r in found), encoding="utf-8")
    return {"results": len(found)}


def stage_rdflib(options) -> dict:
    """The rdflib baseline: parse everything into a Dataset, then the lead counts of every plan."""
    import rdflib

    from fengong.questions import load_questions

    started = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    for path in map(Path, options["files"]):
        dataset.parse(path, format={".nq": "nquads", ".trig": "trig"}.get(path.suffix, "turtle"))
    load = time.perf_counter() - started
    started = time.perf_counter()
    rows = list(dataset.query(load_questions()["agency-responsibility-counts"].query))
    return {"load": load, "lead_counts_all_plans": time.perf_counter() - started, "rows": len(rows)}


STAGES = {"embedded": stage_embedded, "naive": stage_naive, "values": stage_values, "http": stage_http,
          "embedded_questions": stage_embedded_questions, "textindex": stage_textindex, "shacl": stage_shacl,
          "pyshacl": stage_pyshacl, "rdflib": stage_rdflib}


def run_stage(name: str, options: dict, limit: float) -> dict:
    """Run a stage in a child process; its result with ``peak_mb``, or ``{"stopped": limit}``."""
    child = subprocess.Popen([sys.executable, __file__, "--stage", name, "--options", json.dumps(options)],
                             stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, _ = child.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return {"stopped": limit}
    if child.returncode != 0:
        return {"failed": child.returncode}
    return json.loads(out.strip().splitlines()[-1])


# ---------------------------------------------------------------- the run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=3200, help="synthetic plans (3200: national scale)")
    parser.add_argument("--broken", type=int, default=50, help="plans to inject violations into")
    parser.add_argument("--runs", type=int, default=20, help="times each question is asked, with new values")
    parser.add_argument("--seed", type=int, default=None, help="of the values and broken plans (default: random)")
    parser.add_argument("--limit", type=float, default=900, help="seconds any one stage may take")
    parser.add_argument("--pyshacl-batch", type=int, default=300,
                        help="plans pySHACL checks at a time (with the registries: memory grows with it)")
    parser.add_argument("--question-limit", type=float, default=60, help="seconds one question may take")
    parser.add_argument("--skip", default="",
                        help="comma-separated: fengong, oxigraph, virtuoso, rdflib, memory, shacl, pyshacl, "
                             "embedded-questions")
    parser.add_argument("--write", action="store_true", help="write the results into docs/benchmarks.md")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--options", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        result = STAGES[args.stage](json.loads(args.options))
        print(json.dumps({**result, "peak_mb": _peak_mb()}))
        return
    if args.seed is None:
        args.seed = int.from_bytes(os.urandom(4), "big")
    args.commit = commit()  # before the run: the tree may change while it lasts
    skip = set(filter(None, args.skip.split(",")))
    work = Path(tempfile.mkdtemp(prefix="fengong-scale-"))
    try:
        run(args, skip, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _say(*parts) -> None:
    print(*parts, file=sys.stderr, flush=True)


def _load_average() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def run(args, skip: set[str], work: Path) -> None:
    started = time.perf_counter()
    national = make_dataset(work, args.plans)
    files = [str(national), str(JILIN), *map(str, ONTOLOGY)]
    _say(f"dataset: {args.plans} plans in {time.perf_counter() - started:.0f} s")
    results: dict[str, dict] = {}
    loads = {"start": _load_average()}
    disk = str(work / "embedded-disk")
    derived = work / "derived.nq"
    results["embedded (disk)"] = run_stage("embedded", {"files": files, "location": disk,
                                                        "derived_out": str(derived)}, args.limit)
    results["embedded (disk)"].update(_without_peak(run_stage("naive", {"files": files, "location": disk}, args.limit)))
    _say("disk", results["embedded (disk)"])
    if "memory" not in skip:  # load, derive and co-responsibility only: the goals are on disk
        results["embedded (memory)"] = run_stage("embedded", {"files": files, "location": None}, args.limit)
        results["embedded (memory)"].update(
            _without_peak(run_stage("naive", {"files": files, "location": None}, args.limit)))
        _say("memory", results["embedded (memory)"])
    values = run_stage("values", {"location": disk, "runs": args.runs, "seed": args.seed}, args.limit)["values"]
    embedded = {} if "embedded-questions" in skip else run_stage(
        "embedded_questions", {"location": disk, "values": values}, args.limit)
    _say("embedded questions", {name: outcome.get("same") for name, outcome in embedded.get("derived", {}).items()})
    text = run_stage("textindex", {"location": disk, "directory": str(work / "text-index"),
                                   "values": values["task-text-search"]}, args.limit)
    _say("text index", text)
    data = [national, derived, JILIN, *ONTOLOGY]
    for name in ("fengong", "oxigraph", "virtuoso"):
        if name not in skip:
            label = "fengong service (disk)" if name == "fengong" else f"{name} server"
            results[label] = serve_and_ask(name, work, data, values, args)
            loads[label] = _load_average()
            _say(name, {k: v for k, v in results[label].items() if k != "questions"})
    shacl = {} if "shacl" in skip else run_stage("shacl", {"location": disk, "broken": args.broken, "seed": args.seed,
                                                            "results": str(work / "ours.jsonl")}, args.limit)
    if "plans" in shacl and "pyshacl" not in skip:
        shacl.update(compare_with_pyshacl(disk, shacl.pop("plans"), work, args.limit, args.pyshacl_batch))
    _say("shacl", shacl)
    if "rdflib" not in skip:
        results["rdflib"] = run_stage("rdflib", {"files": files}, args.limit)
        _say("rdflib", results["rdflib"])
    loads["end"] = _load_average()
    report = render(args, results, shacl, loads, text, embedded)
    print(report)
    if args.write:
        write_section(section_title(args.plans), report)


def compare_with_pyshacl(location: str, plans: list[str], work: Path, limit: float, batch: int) -> dict:
    """pySHACL on every plan, in as many processes as there are CPUs, ``batch`` plans at a time, against the
    compiled checks' results."""
    from collections import Counter

    jobs = os.cpu_count() or 1
    started = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        outcomes = list(pool.map(lambda k: run_stage("pyshacl", {
            "location": location, "plans": plans[k::jobs], "batch": batch,
            "results": str(work / f"pyshacl-{k}.jsonl")}, limit * 4), range(jobs)))
    if any("results" not in outcome for outcome in outcomes):
        return {"pyshacl": f"not finished: {outcomes}"}

    def read(path: Path) -> list[tuple]:
        return [tuple(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()]

    ours = Counter(read(work / "ours.jsonl"))
    theirs = Counter(result for k in range(jobs) for result in set(read(work / f"pyshacl-{k}.jsonl")))
    return {"pyshacl_results": sum(theirs.values()), "pyshacl_time": time.perf_counter() - started,
            "pyshacl_same": ours == theirs, "pyshacl_only_ours": sum((ours - theirs).values()),
            "pyshacl_only_theirs": sum((theirs - ours).values()), "pyshacl_plans": len(plans)}


def _without_peak(result: dict) -> dict:
    """A second stage's result without its peak memory, which must not replace the first stage's."""
    return {key: value for key, value in result.items() if key != "peak_mb"}


def serve_and_ask(name: str, work: Path, data: list[Path], values: dict, args) -> dict:
    """Load the data into a server with its own loader, ask every question over HTTP, and measure the server's
    memory (loading included) throughout."""
    from engines import start_oxigraph, start_virtuoso

    limit = args.question_limit
    folder = work / name
    folder.mkdir()
    with PeakMemory() as memory:
        started = time.perf_counter()
        if name == "fengong":
            process, port = start_fengong_service(folder / "store", data, limit, memory)
            load = time.perf_counter() - started
            urls = {"kind": "api", "api": f"http://127.0.0.1:{port}", "sparql": f"http://127.0.0.1:{port}/sparql"}
            stopper = lambda: stop(process)  # noqa: E731
        else:
            nquads = folder / "data.nq"
            _as_nquads(data, nquads)
            started = time.perf_counter()
            if name == "oxigraph":
                loader = subprocess.Popen([_oxigraph(), "load", "--location", str(folder / "store"), "--file",
                                           str(nquads)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                memory.pids.append(loader.pid)
                loader.wait()
                load = time.perf_counter() - started
                engine = start_oxigraph(folder, timeout_s=int(limit))
            else:
                engine = start_virtuoso(folder, memory_mb=6000)
                started = time.perf_counter()
                memory.pids.append(engine.process.pid)
                _isql(engine, f"ld_dir('{folder}', 'data.nq', 'urn:x-fengong:unused'); rdf_loader_run(); checkpoint;")
                load = time.perf_counter() - started
            if engine.process.pid not in memory.pids:
                memory.pids.append(engine.process.pid)
            urls = {"kind": "sparql", "sparql": engine.query_url}
            stopper = engine.stop
        try:
            result = _without_peak(run_stage("http", {**urls, "values": values, "question_limit": limit},
                                             args.limit * 3))
        finally:
            stopper()
    result["load"] = load
    result["server_peak_mb"] = memory.peak_mb
    return result


def start_fengong_service(store: Path, data: list[Path], limit: float, memory: PeakMemory):
    """``fengong serve --store`` loading ``data`` (its bulk loader, in a child process, then the text index),
    as in production: 2 worker processes, no row cap (the other servers have none), the question limit."""
    port = free_port()
    command = [sys.executable, "-m", "fengong.service.server", "--store", str(store), "--port", str(port)]
    for path in data:
        command += ["--load", str(path)]
    # No answer cache: the other servers have none, and a value drawn twice in a run would be answered from it.
    environment = {**os.environ, "FENGONG_MAX_ROWS": str(10**9), "FENGONG_QUERY_TIME_LIMIT_S": str(limit),
                   "FENGONG_WORKERS": "2", "FENGONG_ACCESS_LOG": "false", "FENGONG_ANSWER_CACHE_MB": "0"}
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    memory.pids.append(process.pid)
    deadline = time.monotonic() + 3600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"fengong serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as response:
                if response.status == 200:
                    return process, port
        except OSError:
            time.sleep(0.5)
    stop(process)
    raise SystemExit("fengong serve did not answer within an hour")


def _oxigraph() -> str:
    return str(Path(sys.executable).with_name("oxigraph"))


def _as_nquads(files: list[Path], out: Path) -> None:
    import pyoxigraph as ox

    with open(out, "wb") as handle:
        for path in files:
            fmt = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}.get(path.suffix, ox.RdfFormat.TURTLE)
            graph = None if path.suffix in (".nq", ".trig") else ox.NamedNode(path.as_uri())
            quads = ox.parse(path=str(path), format=fmt)
            if graph is not None:
                quads = (ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads)
            ox.serialize(quads, handle, format=ox.RdfFormat.N_QUADS)


def _isql(engine, statements: str) -> None:
    subprocess.run(["isql-vt", str(engine.options["sql_port"]), engine.user, engine.password,
                    f"exec={statements}"], check=True, capture_output=True, timeout=3600)


# ---------------------------------------------------------------- the table


def _fmt(value, unit: str = "s") -> str:
    if isinstance(value, (int, float)):
        return f"{value:.2f} {unit}" if unit == "s" else f"{value:,.0f} {unit}"
    return str(value) if value is not None else "—"


def _percentile(times: list[float], fraction: float) -> float:
    ordered = sorted(times)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _question_cell(outcome: dict | None) -> str:
    if not outcome:
        return "—"
    times, errors = outcome["times"], outcome["errors"]
    cell = f"{statistics.median(times):.3f} / {_percentile(times, 0.99):.3f}" if times else ""
    if errors:
        cell += f" ({len(errors)} failed: {errors[0]})".replace("|", "/")
    return cell.strip()


def _embedded_lines(embedded: dict, runs: int) -> list[str]:
    """The questions on the embedded store (disk, read-only, one process): each as written, and the derived
    questions also in their derived form, with whether the two answered alike for every value set."""
    if not embedded.get("questions"):
        return []
    lines = ["", f"The same questions with the same values on the embedded store (on disk, opened read-only, in one "
             f"process, no HTTP, no text index), median / p99 in seconds ({runs} runs each); the derived questions "
             "(`fengong.scale.derived.DERIVED_QUESTIONS`, which the service answers from their derived graph) also "
             "in their derived form:", "",
             "| question | as written | from the derived graph |", "|---|---|---|"]
    for name, outcome in sorted(embedded["questions"].items()):
        form = embedded["derived"].get(name)
        cell = "—" if form is None else _question_cell(form) + (
            " (the same answers)" if form["same"] else " (**answers DIFFER**)")
        lines.append(f"| `{name}` | {_question_cell(outcome)} | {cell} |")
    return lines


def render(args, results: dict[str, dict], shacl: dict, loads: dict[str, str], text: dict,
           embedded: dict | None = None) -> str:
    disk = results["embedded (disk)"]
    names = list(results)
    servers = [n for n in names if "questions" in results[n]]
    questions = sorted({q for n in servers for q in results[n]["questions"]})
    skip = f" --skip {args.skip}" if args.skip else ""
    during = "; ".join(f"after {name}: {value}" for name, value in loads.items() if name not in ("start", "end"))
    lines = [f"Command: `python benchmarks/bench_scale.py --plans {args.plans} --runs {args.runs} --seed {args.seed}"
             f"{skip}{' --write' if args.write else ''}`", "",
             f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
             f"run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} at commit {args.commit}; load average "
             "(1 / 5 / 15 min) at the "
             f"start {loads['start']}, {during}, at the end {loads['end']}. {args.plans} synthetic plans (titled, "
             f"so that they conform) plus the project's built graphs (`data/graphs/fengong.trig`: the Jilin plan, the "
             f"evaluation corpus, the registries) and the ontology: {disk.get('triples', 0):,} triples.",
             "",
             f"Questions: each of the {len(questions)} questions of `queries/` asked {args.runs} times over HTTP by "
             "one client, each time with other parameter values drawn at random from the data (plans, registered "
             "agencies and their names, two characters of a task text or of a name, task numbers; the same values "
             "for every server). fengong is asked through its "
             "questions API (`/queries/<name>.json`, what its users get, the text indexes included) as `fengong "
             "serve --store` runs it (2 workers, no row cap and no answer cache, as the others have none; a "
             "value drawn twice is evaluated twice); the Oxigraph server and "
             "Virtuoso get the same question with the same values in `VALUES` blocks. Each loads the data with "
             "its own bulk loader (fengong's load time includes counting the statistics and building the text "
             "index). Server memory is the peak of the memory of its processes (PSS: pages shared by processes "
             "counted once), loading included, sampled every 0.2 s.", "",
             "| measure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]

    def row(label: str, key: str, unit: str = "s") -> None:
        lines.append(f"| {label} | " + " | ".join(_fmt(results[n].get(key), unit) for n in names) + " |")

    row("load", "load")
    row("derive the counts", "derive")
    row("derive the answers of the derived questions", "derive_answers")
    row("co-responsibility, all plans, naive query", "naive_all_plans")
    row("co-responsibility, all plans, derived", "derived_all_plans")
    row("lead counts of every plan (`agency-responsibility-counts`, no plan given)", "lead_counts_all_plans")
    row("peak memory of the measuring process (embedded, rdflib)", "peak_mb", "MB")
    row("peak memory of the server, loading included", "server_peak_mb", "MB")
    lines += ["", f"Question times over HTTP, median / p99 in seconds ({args.runs} runs each; with fewer than 100 "
              "runs the p99 is the slowest run):", "",
              "| question | " + " | ".join(servers) + " |", "|---|" + "---|" * len(servers)]
    for question in questions:
        lines.append(f"| `{question}` | " + " | ".join(
            _question_cell(results[n]["questions"].get(question)) for n in servers) + " |")
    lines += _embedded_lines(embedded or {}, args.runs)
    if text.get("times"):
        lines += ["", f"The text indexes alone (`fengong.textindex`, in one process on the on-disk store): built "
                  f"in {_fmt(text['build'])}; the first page of tasks for each of the {len(text['times'])} "
                  f"`task-text-search` texts above found in {statistics.median(text['times']):.4f} s median, "
                  f"{_percentile(text['times'], 0.99):.4f} s p99 ({statistics.median(text['found']):.0f} tasks "
                  f"found, median). Over HTTP fengong answers a text search (`task-text-search`, `find-agency`) a "
                  f"page at a time, as its users get it (the first {text['page']} tasks or agents found, and how "
                  f"many in all): the store reads what those alone need; the servers answer the whole question."]
    for server in servers:
        slow = [q for q, o in results[server]["questions"].items() if o["times"] and statistics.median(o["times"]) > 1]
        failed = sum(len(o["errors"]) for o in results[server]["questions"].values())
        lines += ["", f"{server}: questions over 1 s median: {', '.join(slow) or 'none'}; failed requests: {failed}."]
    if shacl:
        lines += ["", "SHACL (shapes compiled to SPARQL, on the on-disk store, "
                  f"{shacl.get('jobs')} checking processes): the conforming corpus has "
                  f"{shacl.get('shacl_clean_violations')} violations and {shacl.get('shacl_clean_warnings')} "
                  f"warnings (units that are in no registry, kept as names by design), checked in "
                  f"{_fmt(shacl.get('shacl_clean_time'))}; after {shacl.get('injections')} injections "
                  f"({shacl.get('injection_kinds')} kinds of breakage in each of {shacl.get('broken_plans')} plans "
                  f"drawn at random; some break two rules) {shacl.get('shacl_found')} results, "
                  f"{shacl.get('shacl_found_violations')} of them violations, in {_fmt(shacl.get('shacl_time'))}; "
                  f"peak memory {_fmt(shacl.get('peak_mb'), 'MB')} in the measuring process and "
                  f"{_fmt(shacl.get('worker_peak_mb'), 'MB')} in the largest checking process."]
        if "pyshacl_same" in shacl:
            verdict = "**the same, result for result**" if shacl["pyshacl_same"] else (
                f"**DIFFERENT**: {shacl['pyshacl_only_ours']} only in fengong's, {shacl['pyshacl_only_theirs']} "
                "only in pySHACL's")
            lines += ["", f"pySHACL on every one of the {shacl['pyshacl_plans']} plans ({args.pyshacl_batch} plans' "
                      f"graphs at a time with the registries and schemes, after the injection, "
                      f"{os.cpu_count()} processes; {_fmt(shacl['pyshacl_time'])}): "
                      f"{shacl['pyshacl_results']} results; against the compiled checks' results: {verdict}."]
        elif "pyshacl" in shacl:
            lines += ["", f"pySHACL: {shacl['pyshacl']}"]
        elif "pyshacl" in args.skip.split(","):
            lines += ["", "pySHACL: not run (`--skip pyshacl`); the counts above are the compiled checks' alone, not "
                      "compared result for result."]
    same = disk.get("naive_digest") == disk.get("derived_digest")
    lines += ["", f"Derived co-responsibility answers equal the naive query's (embedded): {'yes' if same else 'NO'} "
              f"({disk.get('derived_rows')} rows).", ""]
    return "\n".join(lines)


def section_title(plans: int) -> str:
    """A section of docs/benchmarks.md per size: a run replaces only the section of its own size."""
    return f"National scale, {plans:,} plans"


if __name__ == "__main__":
    main()
