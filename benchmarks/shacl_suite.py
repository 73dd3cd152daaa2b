"""The W3C SHACL Core test suite counted for `fengong check` (the compiled checks) and for pySHACL: how many tests
each passes, refuses and gets wrong.

    .venv/bin/python benchmarks/shacl_suite.py [--write]

The cases, the run of the compiled checks and the comparison of reports are those of the test harness,
``tests/w3c/shacl_suite.py`` (its docstring says how a report is compared with the expected one). pySHACL is run
twice: as `fengong validate` runs it, and with its own defaults. Prints the section; with ``--write`` it
replaces the "SHACL Core: the W3C test suite" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import pyshacl
from rdflib.namespace import RDF

ROOT = Path(__file__).resolve().parents[1]
# Before this folder: the harness has this script's name, and is what ``import shacl_suite`` must find.
sys.path.insert(0, str(ROOT / "tests" / "w3c"))
from load_service import machine, write_section  # noqa: E402
from shacl_suite import SUITE, Case, cases, run, same_results  # noqa: E402

from fengong.namespaces import SH  # noqa: E402
from fengong.scale.shacl.reference import pyshacl_results  # noqa: E402
from fengong.scale.shacl.report import report_results  # noqa: E402

SECTION = "SHACL Core: the W3C test suite (issue 15)"


def pyshacl_defaults(case: Case) -> tuple[bool, list]:
    """pySHACL with nothing set but the shapes (no SHACL-SPARQL, a report of warnings only does not conform)."""
    _, report, _ = pyshacl.validate(case.data, shacl_graph=case.shapes)
    root = report.value(None, RDF.type, SH.ValidationReport, any=False)
    return report.value(root, SH.conforms).toPython(), report_results(report, root)


def count() -> dict:
    """Each case's outcome for `fengong check` and for pySHACL (both ways), and where pySHACL's results and the
    compiled checks' agree."""
    suite = cases()
    ours = {case.name: run(case) for case in suite}
    theirs = {case.name: pyshacl_results(case.data, case.shapes) for case in suite}
    defaults = {case.name: pyshacl_defaults(case) for case in suite}

    def meets(case: Case, outcome: tuple[bool, list]) -> bool:
        return same_results(outcome[1], case.expected) and outcome[0] == case.conforms

    met = [case for case in suite if meets(case, theirs[case.name])]
    return {
        "cases": len(suite),
        "ours": Counter(kind for kind, _ in ours.values()),
        "refused": {name: detail for name, (kind, detail) in ours.items() if kind == "refused"},
        "pyshacl": Counter(meets(case, theirs[case.name]) for case in suite),
        "pyshacl_defaults": Counter(meets(case, defaults[case.name]) for case in suite),
        "pyshacl_misses": {case.name: (case, theirs[case.name]) for case in suite if case not in met},
        # Where pySHACL meets the expected report and the compiled checks run: do they find exactly its results?
        "compared": [case.name for case in met if ours[case.name][0] != "refused"],
        "agree": [case.name for case in met
                  if ours[case.name][0] != "refused" and same_results(ours[case.name][1], theirs[case.name][1])],
    }


def render(counts: dict, started_on: str, seconds: float) -> str:
    ours, pyshacl_met, defaults_met = counts["ours"], counts["pyshacl"], counts["pyshacl_defaults"]
    pyshacl_version = version("pyshacl")
    refused = "".join(f"\n- `{name}`: {detail}" for name, detail in sorted(counts["refused"].items()))
    def report(conforms: bool, results: list) -> str:
        return f"{'conforms' if conforms else 'does not conform'}, {len(results)} result{'s' * (len(results) != 1)}"

    misses = "".join(f"\n- `{name}`: expected {report(case.conforms, case.expected)}; pySHACL: {report(*outcome)}"
                     for name, (case, outcome) in sorted(counts["pyshacl_misses"].items()))
    command = ("python benchmarks/shacl_suite.py " + shlex.join(sys.argv[1:])).strip()
    return (f"Command: `{command}`\n\n"
            f"{started_on}, at the end {' / '.join(f'{v:.2f}' for v in os.getloadavg())}; the whole count took "
            f"{seconds:.1f} s.\n\n"
            "`fengong check` compiles SHACL Core (every target, path and component, nested shapes, severities, "
            "`sh:deactivated`) and SHACL-SPARQL `sh:select` constraints (`fengong/scale/shacl/`). Held to the "
            f"{counts['cases']} tests of the W3C SHACL Core test suite (`{SUITE.relative_to(ROOT)}`, run by "
            "`tests/w3c/test_shacl_suite.py` with the harness `tests/w3c/shacl_suite.py`): a test passes when "
            "the report has the expected results, each as often, with every field the suite gives, and the "
            "expected `sh:conforms`.\n\n"
            "| | pass | refused, with the shape and feature named | wrong |\n|---|---|---|---|\n"
            f"| `fengong check` | {ours['pass']} | {ours['refused']} | {ours['wrong']} |\n"
            f"| pySHACL {pyshacl_version} as `fengong validate` runs it (SHACL-SPARQL on, a report of warnings "
            f"only conforms) | {pyshacl_met[True]} | — | {pyshacl_met[False]} |\n"
            f"| pySHACL {pyshacl_version} with its own defaults | {defaults_met[True]} | — | {defaults_met[False]} |"
            f"\n\n`fengong check` refuses:{refused}\n\n"
            f"pySHACL as `fengong validate` runs it does not meet:{misses}\n\n"
            f"Where pySHACL meets the expected report and `fengong check` runs the test ({len(counts['compared'])} "
            f"tests), `fengong check` finds exactly pySHACL's results in {len(counts['agree'])}.\n\n"
            "Earlier figures (the compiler before full SHACL Core, and its cost at national scale against the "
            "previous compiler) are in the git log of docs/benchmarks.md; the SHACL figures at scale are "
            "`bench_scale.py`'s, in the national-scale sections.\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the results into docs/benchmarks.md")
    args = parser.parse_args()
    started_on, started = machine(), time.perf_counter()
    counts = count()
    report = render(counts, started_on, time.perf_counter() - started)
    print(report)
    if args.write:
        write_section(SECTION, report)


if __name__ == "__main__":
    main()
