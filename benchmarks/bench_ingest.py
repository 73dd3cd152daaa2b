"""Ingest benchmark: generate the synthetic corpus, run ``fengong ingest`` on it end to end, and report the
wall time and the peak memory (PSS) of the whole process tree (the command and its worker processes).

    .venv/bin/python benchmarks/bench_ingest.py [--documents 3200] [--jobs 2] [--keep DIR] [--write]

Goal (issue 5): 3,200 documents in ≤ 60 s and ≤ 2 GB on a 2-core machine. Prints the figures as JSON; with
``--write`` they also replace the "Ingest of the synthetic corpus" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_service import machine, write_section  # noqa: E402
from synthetic_corpus import LEVELS, write_corpus  # noqa: E402

SAMPLE_SECONDS = 0.2
SEED = 5  # of the synthetic corpus
SECTION = "Ingest of the synthetic corpus (issue 5)"
#: Issue 5's goal, for the national corpus of 3,200 documents on a 2-core machine.
GOAL_DOCUMENTS, GOAL_SECONDS, GOAL_MB = 3200, 60, 2048


def tree_pss(pid: int) -> int:
    """The proportional set size (bytes) of ``pid`` and its descendants, from /proc: memory shared by forked
    processes (workers share what their parent loaded, copy-on-write) counted once, not once per process."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += int(next(line.split()[1] for line in rollup.splitlines() if line.startswith("Pss:"))) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def run(documents: int, jobs: int, keep: Path | None) -> dict:
    if keep is None:  # the corpus and the dataset are ~600 MB at national scale: removed unless kept
        with tempfile.TemporaryDirectory(prefix="fengong-bench-") as work:
            return _run(documents, jobs, Path(work))
    return _run(documents, jobs, keep)


def _run(documents: int, jobs: int, work: Path) -> dict:
    corpus = work / "corpus"
    started = time.perf_counter()
    written = write_corpus(corpus, seed=SEED, documents=documents)
    generated = time.perf_counter() - started
    output = work / "synthetic.trig"  # compact TriG: a third of the bytes of N-Quads
    command = [str(Path(sys.executable).parent / "fengong"), "ingest", str(corpus), "-o", str(output),
               "--jobs", str(jobs), "--no-progress"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_pss(process.pid))
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - started
    reports = json.loads(output.with_name(output.name + ".report.json").read_text(encoding="utf-8"))
    return {
        "documents": written,
        "plans": {level: len(json.loads((corpus / level / "index.json").read_text(encoding="utf-8")))
                  for level in LEVELS}, "generate_seconds": round(generated, 1), "ingest_seconds": round(seconds, 1),
        "peak_pss_mb": round(peak / 2**20), "exit_code": process.returncode,
        "tasks": sum(r["tasks"] for r in reports), "assignments": sum(r["assignments"] for r in reports),
        "dataset_mb": round(output.stat().st_size / 2**20), "command": " ".join(command[1:]),
        "summary": process.stdout.read().strip(),
    }


def render(result: dict, started_on: str, jobs: int) -> str:
    """The section of docs/benchmarks.md: the command, the machine, what was run, the table and the goal."""
    plans = ", ".join(f"{count:,} {level}" for level, count in result["plans"].items())
    time_met, memory_met = result["ingest_seconds"] <= GOAL_SECONDS, result["peak_pss_mb"] <= GOAL_MB
    if result["documents"] == GOAL_DOCUMENTS:
        verdict = (f"time **{'met' if time_met else 'missed'}** ({result['ingest_seconds']:.1f} s), memory "
                   f"**{'met' if memory_met else 'missed'}** ({result['peak_pss_mb']:,} MB)")
    else:  # the goal is for the national corpus; a smaller run shows the script works, not the goal
        verdict = f"not judged: this run had {result['documents']:,} documents"
    failed = f" **`fengong ingest` exited with {result['exit_code']}.**" if result["exit_code"] else ""
    return (f"Command: `python benchmarks/bench_ingest.py {shlex.join(sys.argv[1:])}`\n\n"
            f"{started_on}, at the end {' / '.join(f'{v:.2f}' for v in os.getloadavg())}. The corpus is written "
            f"by `benchmarks/synthetic_corpus.py` (seed {SEED}; {plans} plans; every form the readers know: clauses, "
            f"one cell per line, CSV and HTML tables), then `fengong ingest CORPUS -o synthetic.trig --jobs {jobs} "
            "--no-progress` reads it, while the memory (PSS: pages shared by processes counted once) of its "
            f"whole process tree is sampled every {SAMPLE_SECONDS:g} s.{failed}\n\n"
            "| documents | tasks | assignments | ingest wall time | peak memory (tree, PSS) "
            "| dataset (compact TriG) |\n|---|---|---|---|---|---|\n"
            f"| {result['documents']:,} | {result['tasks']:,} | {result['assignments']:,} | "
            f"**{result['ingest_seconds']:.1f} s** | **{result['peak_pss_mb']:,} MB** | "
            f"{result['dataset_mb']:,} MB |\n\n"
            f"Goal (issue 5: {GOAL_DOCUMENTS:,} documents in ≤ {GOAL_SECONDS} s and ≤ {GOAL_MB // 1024} GB): "
            f"{verdict}. Generating the corpus took another {result['generate_seconds']:.1f} s, outside the "
            "goal.\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=3200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, default=None, help="Work in this folder and keep it.")
    parser.add_argument("--write", action="store_true", help="write the results into docs/benchmarks.md")
    args = parser.parse_args()
    started_on = machine()
    result = run(args.documents, args.jobs, args.keep)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.write:
        write_section(SECTION, render(result, started_on, args.jobs))


if __name__ == "__main__":
    main()
