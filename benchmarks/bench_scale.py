"""National scale, side by side: the embedded store (memory, disk), the Oxigraph server, Virtuoso and rdflib —
load, every question of ``queries/``, co-responsibility across all plans (naive and derived), SHACL.

    python benchmarks/bench_scale.py --plans 3200 --write     # national scale; results into docs/benchmarks.md
    python benchmarks/bench_scale.py --plans 60                # a small slice (CI-sized)

The corpus: ``benchmarks/synthetic_corpus.py`` writes ``--plans`` documents, one per jurisdiction (national, 31
provinces, then cities and counties), and ``fengong ingest`` reads them into one N-Quads file; the Jilin graph,
the registry and the ontology are added once. (Earlier runs cloned 40 plans under new IRIs: the clones shared
their units, so every unit's label was stored 30 times and questions by name grew with the copies — not the
corpus a researcher has.) Everything is written to a temporary folder and removed.

Each measurement runs in a child process of its own, which reports its peak memory (ru_maxrss). Question times
are medians of 3 runs with each question's example values; a measurement longer than ``--limit`` seconds is
stopped and reported as such. SHACL: violations are injected into ``--broken`` plans
(:mod:`fengong.scale.inject`); the compiled validator must find exactly the clean count plus the injected ones,
the latter counted by pySHACL on one broken plan.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
JILIN = ROOT / "data" / "graphs" / "fengong.trig"
ONTOLOGY = [ROOT / "ontology" / "fengong.ttl", ROOT / "ontology" / "schemes.ttl"]
SECTION = "## National scale: embedded, Oxigraph server, Virtuoso, rdflib"
COSTLY = ("co-responsibility-pairs",)


# ---------------------------------------------------------------- the dataset


def make_dataset(work: Path, plans: int) -> Path:
    """``plans`` synthetic plans, one per jurisdiction (national, provinces, cities, counties), ingested into one
    N-Quads file: the corpus the issue describes, each plan with its own units (no copies of one plan)."""
    corpus, out = work / "corpus", work / "national.nq"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synthetic_corpus.py"), str(corpus), "--documents",
                    str(plans)], check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "fengong", "ingest", str(corpus), "-o", str(out), "--jobs",
                    str(os.cpu_count() or 1), "--no-progress"], check=True, capture_output=True)
    return out


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

    from fengong.scale.derived import DERIVED_GRAPH, QUERIES, refresh

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
    if options.get("derived_out"):
        ox.serialize(store.quads_for_pattern(None, None, None, DERIVED_GRAPH), options["derived_out"],
                     format=ox.RdfFormat.N_QUADS)
    if options["location"]:
        store.flush()
        del store
        store = ox.Store.read_only(options["location"])
    derived_time, rows = _median(lambda: _embedded_rows(store, QUERIES["co-responsibility-pairs"]))
    return {"load": load, "triples": triples, "derive": derive,
            "derived_all_plans": derived_time, "derived_rows": len(rows), "derived_digest": _digest(rows)}


def stage_question(options) -> dict:
    """One question, 3 times, on the on-disk store opened read-only (as the service opens it)."""
    import pyoxigraph as ox

    from fengong.questions import bind, example_values, load_questions, with_values

    store = ox.Store.read_only(options["location"])
    question = load_questions()[options["name"]]
    # Bound as the service binds them: a VALUES block of terms (fengong.questions.with_values).
    text = with_values(question.query, bind(question, example_values(question)))
    seconds, rows = _median(lambda: _embedded_rows(store, text))
    return {"seconds": seconds, "rows": len(rows)}


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


def stage_shacl(options) -> dict:
    """Compiled SHACL over everything, clean and with violations injected into ``broken`` plans."""
    import pyoxigraph as ox

    from fengong.scale.inject import inject
    from fengong.scale.shacl.runner import validate_store
    from fengong.validate import load_shapes

    shapes = load_shapes(ROOT / "shapes")
    jobs = os.cpu_count() or 1  # as `fengong check --store` runs by default
    started = time.perf_counter()
    clean = len(validate_store(options["location"], shapes, jobs=jobs))
    clean_time = time.perf_counter() - started
    store = ox.Store(options["location"])
    plans = sorted(r["p"].value for r in store.query(
        "SELECT ?p WHERE { GRAPH ?g { ?p a <https://w3id.org/fengong/ontology#Plan> } }"))
    broken = [plan for plan in plans if "/plan/syn-" in plan][:options["broken"]]
    inject(store, broken)
    store.flush()
    del store  # the checking processes open the store read-only
    started = time.perf_counter()
    found = len(validate_store(options["location"], shapes, jobs=jobs))
    return {"shacl_clean": clean, "shacl_clean_time": clean_time, "shacl_found": found,
            "shacl_time": time.perf_counter() - started, "broken_plans": len(broken), "broken_example": broken[0],
            "jobs": jobs, "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def stage_pyshacl_delta(options) -> dict:
    """pySHACL's count of results on one plan (with registry and schemes), clean and broken: the delta."""
    import pyoxigraph as ox
    import rdflib
    from pyshacl import validate

    from fengong.scale.inject import inject
    from fengong.validate import load_shapes

    shapes = load_shapes(ROOT / "shapes")
    plan = options["plan"]
    graph = plan.replace("/id/plan/", "/graph/plan/")
    store = ox.Store()
    for path in map(Path, options["files"]):
        fmt = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}.get(path.suffix, ox.RdfFormat.TURTLE)
        store.bulk_load(path=str(path), format=fmt,
                        to_graph=None if path.suffix in (".nq", ".trig") else ox.NamedNode(path.as_uri()))
    keep = [q for q in store if q.graph_name.value == graph or "/graph/registry/" in q.graph_name.value
            or q.graph_name.value.endswith("schemes.ttl")]
    small = ox.Store()
    small.extend(keep)

    def count() -> int:
        data = rdflib.Graph().parse(data=ox.serialize([q.triple for q in small], format=ox.RdfFormat.N_TRIPLES),
                                    format="nt")
        _, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
        return len(set(report.subjects(rdflib.RDF.type, rdflib.SH.ValidationResult)))

    clean = count()
    inject(small, [plan])
    return {"pyshacl_delta": count() - clean}


def stage_remote(options) -> dict:
    """Every question over HTTP to an external store (the store's own protocol, no fengong service between)."""
    from fengong.questions import bind, example_values, load_questions, with_values
    from fengong.scale.derived import QUERIES
    from fengong.scale.http import Endpoint

    endpoint = Endpoint(options["url"])

    def ask(text: str) -> list:
        request = endpoint.query_request(text, "application/sparql-results+json")
        with endpoint.send(request, timeout=options["question_limit"]) as response:
            document = json.load(response)
        return document.get("results", {}).get("bindings", [document.get("boolean")])

    questions = {}
    for name, question in load_questions().items():
        text = with_values(question.query, bind(question, example_values(question)))
        try:
            questions[name], _ = _median(lambda t=text: ask(t))
        except Exception as error:  # a store refusing a question is a result to report, not a crash
            questions[name] = (f"> {options['question_limit']:g} s" if "timed out" in str(error)
                               else f"error: {str(error)[:60]}")
    derived_time, rows = _median(lambda: ask(QUERIES["co-responsibility-pairs"]))
    started = time.perf_counter()
    try:
        naive = len(ask(load_questions()["co-responsibility-pairs"].query))
        naive_time = time.perf_counter() - started
    except Exception as error:
        naive, naive_time = None, (f"> {options['question_limit']:g} s" if "timed out" in str(error)
                                   else str(error)[:60])
    return {"questions": questions, "derived_all_plans": derived_time, "derived_rows": len(rows),
            "naive_all_plans": naive_time, "naive_rows": naive}


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


STAGES = {"embedded": stage_embedded, "question": stage_question, "naive": stage_naive, "shacl": stage_shacl,
          "remote": stage_remote, "rdflib": stage_rdflib, "pyshacl_delta": stage_pyshacl_delta}


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
    parser.add_argument("--limit", type=float, default=900, help="seconds any one stage may take")
    parser.add_argument("--question-limit", type=float, default=60, help="seconds one question may take")
    parser.add_argument("--skip", default="", help="comma-separated: oxigraph, virtuoso, rdflib, memory, shacl")
    parser.add_argument("--write", action="store_true", help="write the results into docs/benchmarks.md")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--options", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        result = STAGES[args.stage](json.loads(args.options))
        print(json.dumps({**result, "peak_mb": _peak_mb()}))
        return
    skip = set(filter(None, args.skip.split(",")))
    work = Path(tempfile.mkdtemp(prefix="fengong-scale-"))
    try:
        run(args, skip, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _say(*parts) -> None:
    print(*parts, file=sys.stderr, flush=True)


def run(args, skip: set[str], work: Path) -> None:
    from fengong.questions import load_questions

    started = time.perf_counter()
    national = make_dataset(work, args.plans)
    files = [str(national), str(JILIN), *map(str, ONTOLOGY)]
    _say(f"dataset: {args.plans} plans in {time.perf_counter() - started:.0f} s")
    results: dict[str, dict] = {}
    disk = str(work / "embedded-disk")
    derived = work / "derived.nq"
    results["embedded (disk)"] = run_stage("embedded", {"files": files, "location": disk,
                                                        "derived_out": str(derived)}, args.limit)
    results["embedded (disk)"]["questions"] = questions = {}
    for name in load_questions():
        # 3 runs within the question limit, or reported as slower than a third of it.
        outcome = run_stage("question", {"location": disk, "name": name}, args.question_limit)
        questions[name] = outcome.get("seconds", f"> {args.question_limit / 3:g} s")
    _say("disk", results["embedded (disk)"])
    results["embedded (disk)"].update(_without_peak(run_stage("naive", {"files": files, "location": disk}, args.limit)))
    if "memory" not in skip:  # load, derive and co-responsibility only: the goals are on disk
        results["embedded (memory)"] = run_stage("embedded", {"files": files, "location": None}, args.limit)
        results["embedded (memory)"].update(
            _without_peak(run_stage("naive", {"files": files, "location": None}, args.limit)))
        _say("memory", results["embedded (memory)"])
    shacl = {} if "shacl" in skip else run_stage("shacl", {"location": disk, "broken": args.broken}, args.limit)
    if "broken_example" in shacl:
        shacl.update(_without_peak(run_stage("pyshacl_delta", {"files": files, "plan": shacl["broken_example"]},
                                             args.limit)))
    _say("shacl", shacl)
    for name in ("oxigraph", "virtuoso"):
        if name not in skip:
            results[f"{name} server"] = external(name, work, [national, derived], args)
            _say(name, results[f"{name} server"])
    if "rdflib" not in skip:
        results["rdflib"] = run_stage("rdflib", {"files": files}, args.limit)
        _say("rdflib", results["rdflib"])
    report = render(args, results, shacl)
    print(report)
    if args.write:
        write_section(ROOT / "docs" / "benchmarks.md", report)


def _without_peak(result: dict) -> dict:
    """A second stage's result without its peak memory, which must not replace the first stage's."""
    return {key: value for key, value in result.items() if key != "peak_mb"}


def external(name: str, work: Path, data: list[Path], args) -> dict:
    """Bulk-load the dataset into the engine with its own loader, then ask the questions over HTTP."""
    from engines import start_oxigraph, start_virtuoso

    limit = args.question_limit
    folder = work / name
    folder.mkdir()
    files = [*data, JILIN, *ONTOLOGY]
    nquads = folder / "data.nq"
    _as_nquads(files, nquads)
    started = time.perf_counter()
    if name == "oxigraph":
        subprocess.run([_oxigraph(), "load",
                        "--location", str(folder / "store"), "--file", str(nquads)], check=True,
                       capture_output=True)
        load = time.perf_counter() - started
        engine = start_oxigraph(folder, timeout_s=int(limit))
    else:
        engine = start_virtuoso(folder, memory_mb=6000)
        started = time.perf_counter()
        _isql(engine, f"ld_dir('{folder}', 'data.nq', 'urn:x-fengong:unused'); rdf_loader_run(); checkpoint;")
        load = time.perf_counter() - started
    try:
        result = run_stage("remote", {"url": engine.query_url, "question_limit": limit}, args.limit * 3)
        result["load"] = load
        result["server_peak_mb"] = _rss_mb(engine.process.pid)
        return result
    finally:
        engine.stop()


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


def _rss_mb(pid: int) -> float:
    """The engine's resident memory now (its peak is not visible from outside), from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


# ---------------------------------------------------------------- the table


def _fmt(value, unit: str = "s") -> str:
    if isinstance(value, (int, float)):
        return f"{value:.2f} {unit}" if unit == "s" else f"{value:,.0f} {unit}"
    return str(value) if value is not None else "—"


def render(args, results: dict[str, dict], shacl: dict) -> str:
    disk = results["embedded (disk)"]
    names = list(results)
    questions = sorted({q for r in results.values() for q in r.get("questions", {})})
    lines = [SECTION, "",
             f"Command: `python benchmarks/bench_scale.py --plans {args.plans}"
             + (f" --skip {args.skip}" if args.skip else "") + (" --write`" if args.write else "`"), "",
             f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
             f"{args.plans} synthetic plans plus the Jilin plan, registry and ontology: "
             f"{disk.get('triples', 0):,} triples. Question times are medians of 3 runs with each question's "
             "example values (the embedded store through pyoxigraph, the servers over HTTP without the fengong "
             "service between); the servers are loaded with their own bulk loaders (`oxigraph load`, Virtuoso's "
             "`ld_dir`/`rdf_loader_run`).", "",
             "| measure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]

    def row(label: str, key: str, unit: str = "s") -> None:
        lines.append(f"| {label} | " + " | ".join(_fmt(results[n].get(key), unit) for n in names) + " |")

    row("load", "load")
    row("derive the counts", "derive")
    row("co-responsibility, all plans, naive query", "naive_all_plans")
    row("co-responsibility, all plans, derived", "derived_all_plans")
    row("peak memory of the measuring process", "peak_mb", "MB")
    row("peak memory of the server", "server_peak_mb", "MB")
    for question in questions:
        lines.append(f"| `{question}` | " + " | ".join(
            _fmt(results[n].get("questions", {}).get(question)) for n in names) + " |")
    slow = [q for q, t in disk.get("questions", {}).items() if isinstance(t, float) and t > 1]
    expected = (shacl.get("shacl_clean") or 0) + (shacl.get("broken_plans") or 0) * (shacl.get("pyshacl_delta") or 0)
    lines += ["", "SHACL (shapes compiled to SPARQL, on the on-disk store): "
              f"clean corpus {shacl.get('shacl_clean')} results in {_fmt(shacl.get('shacl_clean_time'))}; "
              f"after injecting violations into {shacl.get('broken_plans')} plans "
              f"{shacl.get('shacl_found')} results in {_fmt(shacl.get('shacl_time'))}, "
              f"{shacl.get('jobs')} checking processes, peak memory {_fmt(shacl.get('peak_mb'), 'MB')} in the "
              f"measuring process and {_fmt(shacl.get('worker_peak_mb'), 'MB')} in the largest checking process; "
              f"pySHACL counts {shacl.get('pyshacl_delta')} more "
              f"results on one broken plan, so {shacl.get('shacl_clean', 0)} + {shacl.get('broken_plans')} × "
              f"{shacl.get('pyshacl_delta')} = {expected} are expected: "
              f"{'found exactly' if expected == shacl.get('shacl_found') else 'MISMATCH'}.", ""]
    same = disk.get("naive_digest") == disk.get("derived_digest")
    lines += [f"Derived co-responsibility answers equal the naive query's: {'yes' if same else 'NO'} "
              f"({disk.get('derived_rows')} rows).", "",
              f"Questions over 1 s median on disk: {', '.join(slow) if slow else 'none'}.", ""]
    return "\n".join(lines)


def write_section(path: Path, section: str) -> None:
    """Replace this benchmark's section of ``path`` (other sections stay as they are)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        following = text.find("\n## ", start + len(SECTION))
        text = text[:start] + section + (text[following + 1:] if following >= 0 else "")
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
