"""Ingest benchmark: generate the synthetic corpus, run ``fengong ingest`` on it end to end, and report the
wall time and the peak memory (PSS) of the whole process tree (the command and its worker processes).

    .venv/bin/python benchmarks/bench_ingest.py [--documents 3200] [--jobs 2] [--keep DIR]

Goal (issue 5): 3,200 documents in ≤ 60 s and ≤ 2 GB on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import write_corpus  # noqa: E402

SAMPLE_SECONDS = 0.2


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
    written = write_corpus(corpus, documents=documents)
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
        "documents": written, "generate_seconds": round(generated, 1), "ingest_seconds": round(seconds, 1),
        "peak_pss_mb": round(peak / 2**20), "exit_code": process.returncode,
        "tasks": sum(r["tasks"] for r in reports), "assignments": sum(r["assignments"] for r in reports),
        "dataset_mb": round(output.stat().st_size / 2**20), "command": " ".join(command[1:]),
        "summary": process.stdout.read().strip(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=3200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, default=None, help="Work in this folder and keep it.")
    args = parser.parse_args()
    print(json.dumps(run(args.documents, args.jobs, args.keep), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
