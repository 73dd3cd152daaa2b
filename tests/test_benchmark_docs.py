"""docs/benchmarks.md must describe this build. Every section but the summary written by hand says the command
that wrote it (a script of ``benchmarks/`` that exists and accepts those options), when it ran and the load
average of the machine. A section that names a number of questions, a number of triples or SHACL suite counts
that the build no longer has was measured on another build and must be run again (each section says the
command). Triple counts are checked for the project's own data and at 100 plans; at 1,200 and 3,200 plans
building the corpus takes minutes, so only the plan count of the title is checked against the command's."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest

from fengong import PROJECT_ROOT
from fengong.questions import load_questions
from fengong.store import default_data_files, open_store

DOCS = PROJECT_ROOT / "docs" / "benchmarks.md"
BENCHMARKS = PROJECT_ROOT / "benchmarks"
#: The summary, written by hand from the figures of the sections below it.
HAND_WRITTEN = "## Where the goals of issue 14 stand"
#: Sections measured on the project's own data (built graphs, ontology, shapes), which fengong serves by default.
OWN_DATA = ("## Load run", "## fengong against the Oxigraph server", "## Where the CPU of an uncached answer goes")
#: The sections at 100 synthetic plans and how each script counts its triples (see ``triples_at_100_plans``).
AT_100_PLANS = {"## fengong against the Oxigraph server, 100 plans": "service", "## National scale, 100 plans": "scale"}
SHACL_SUITE = "## SHACL Core: the W3C test suite (issue 15)"
COMMAND = re.compile(r"^Command: `python benchmarks/(\w+)\.py((?: [^`]+)?)`$", re.MULTILINE)
DATE = re.compile(r"\brun \d{4}-\d\d-\d\d \d\d:\d\d UTC\b")
LOAD_AVERAGE = re.compile(r"load average\b[^.]*?\d+\.\d\d / \d+\.\d\d / \d+\.\d\d")


def _sections() -> dict[str, str]:
    parts = re.split(r"(?m)^(?=## )", DOCS.read_text(encoding="utf-8"))
    return {part.splitlines()[0]: part for part in parts if part.startswith("## ")}


MEASURED = sorted(title for title in _sections() if not title.startswith(HAND_WRITTEN))


def test_the_sections_are_found():
    # Without them the checks below would pass on an empty document.
    assert {*OWN_DATA, *AT_100_PLANS, SHACL_SUITE} <= set(MEASURED)


@pytest.mark.parametrize("title", MEASURED)
def test_each_section_says_its_command_its_date_and_the_load(title):
    text = _sections()[title]
    commands = COMMAND.findall(text)
    assert commands, f"{title}: no line 'Command: `python benchmarks/<script>.py …`'"
    assert DATE.search(text), f"{title}: no run date"
    assert LOAD_AVERAGE.search(text), f"{title}: no load average"
    for script, options in commands:
        path = BENCHMARKS / f"{script}.py"
        assert path.is_file(), f"{title}: benchmarks/{script}.py does not exist"
        _check_options(title, path, shlex.split(options))


def _check_options(title: str, script, options: list[str]) -> None:
    """The script's own argparse reads ``options`` (values converted to their types) and then stops at ``--help``,
    so the benchmark does not run; an option the usage does not list, a value where none is taken or a missing
    value fails (argparse leaves unknown options to the end, after ``--help`` has ended the run)."""
    done = subprocess.run([sys.executable, str(script), *options, "--help"], capture_output=True, text=True,
                          timeout=120, cwd=PROJECT_ROOT)
    assert done.returncode == 0, f"{title}: {script.name} refuses {options}: {done.stderr}"
    usage = done.stdout.split("\n\n")[0]
    takes_value = {name: bool(metavar) for name, metavar in re.findall(r"\[(--[\w-]+)(?: ([^\]]+))?\]", usage)}
    tokens = iter(options)
    for token in tokens:
        name, given = token.partition("=")[::2]
        assert name in takes_value, f"{title}: {script.name} has no option {token}"
        if takes_value[name] and not given:
            assert next(tokens, None) is not None, f"{title}: {name} needs a value"
        assert takes_value[name] or not given, f"{title}: {name} takes no value"


def test_every_question_count_is_the_library_s():
    questions = len(load_questions())
    for title, text in _sections().items():
        for count in re.findall(r"(\d+) questions of `queries/`", text):
            assert int(count) == questions, f"{title} names {count} questions; queries/ has {questions}"


def _named_triples(title: str) -> list[int]:
    return [int(count.replace(",", "")) for count in re.findall(r"([\d,]+) triples", _sections()[title])]


def test_triple_counts_of_the_project_data_are_this_build_s():
    triples = len(open_store(None, None))
    for title in OWN_DATA:
        for count in _named_triples(title):
            assert count == triples, f"{title} names {count} triples; the data has {triples}"


@pytest.fixture(scope="module")
def triples_at_100_plans(tmp_path_factory) -> dict[str, int]:
    """The triples of 100 synthetic plans with the rest of the data, as each script loads them:
    bench_service.py the plans and fengong's default data, bench_scale.py the plans, the Jilin graph and the
    ontology (its embedded stage counts them)."""
    sys.path.insert(0, str(BENCHMARKS))
    from bench_scale import JILIN, ONTOLOGY, make_dataset, stage_embedded

    dataset = make_dataset(tmp_path_factory.mktemp("plans"), 100)
    scale = stage_embedded({"files": list(map(str, [dataset, JILIN, *ONTOLOGY])), "location": None})
    return {"service": len(open_store(None, [dataset, *default_data_files()])), "scale": scale["triples"]}


@pytest.mark.parametrize("title", sorted(AT_100_PLANS))
def test_triple_counts_at_100_plans_are_this_build_s(title, triples_at_100_plans):
    triples = triples_at_100_plans[AT_100_PLANS[title]]
    named = _named_triples(title)
    assert named, f"{title} names no triple count"
    for count in named:
        assert count == triples, f"{title} names {count} triples; 100 plans give {triples} in this build"


@pytest.mark.parametrize("title", [title for title in MEASURED if re.search(r", [\d,]+ plans$", title)])
def test_a_section_of_n_plans_was_run_with_n_plans(title):
    plans = int(re.search(r", ([\d,]+) plans$", title)[1].replace(",", ""))
    for _, options in COMMAND.findall(_sections()[title]):
        assert f"--plans {plans} " in options + " ", f"{title}: the command is not run with --plans {plans}"


def test_the_shacl_suite_counts_are_this_build_s():
    # The count is exact and takes seconds: the section's tables and lists must be what the script prints now.
    done = subprocess.run([sys.executable, str(BENCHMARKS / "shacl_suite.py")], capture_output=True, text=True,
                          timeout=600, cwd=PROJECT_ROOT, check=True)

    def figures(text: str) -> list[str]:  # all but the title, the command and the machine, date and load line
        return [line for line in text.splitlines()
                if line and not line.startswith(("## ", "Command: ")) and not DATE.search(line)]

    assert figures(_sections()[SHACL_SUITE]) == figures(done.stdout)
