"""``fengong evaluate``: how well an ingested plan matches a ground truth written by hand.

A ground truth (``tests/groundtruth/<document>.json``) lists each task's number, the first characters of its
text, whether its list is open, and its units in printed order with their roles. Scores per document:

- tasks: a found task is right when the ground truth has its number and its text starts with the truth's text;
- assignments: (task number, list position, unit name as printed, role) — all four must agree;
- lead accuracy: the share of ground-truth tasks whose found leads are exactly the true leads (none included).

Precision and recall are 1.0 when both sides are empty (a document without tasks, read as such).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import pyoxigraph

from fengong.graph import plan_iri
from fengong.inputs import InputError, check_text_file, read_text
from fengong.namespaces import ROLE, sparql_prefixes

QUERY = sparql_prefixes() + """
SELECT ?number ?text ?open ?position ?name ?role WHERE {
  GRAPH ?g {
    ?task fg:isStepOfPlan ?plan ; fg:taskNumber ?number ; dct:description ?text ; fg:agencyListIsOpen ?open .
    OPTIONAL { ?a fg:task ?task ; fg:listPosition ?position ; fg:nameAsPrinted ?name ; fg:role ?role . }
  }
}"""


@dataclass(frozen=True)
class Task:
    """A task as evaluation sees it: number, text (or its first characters), open flag, (name, role) units."""

    number: int
    text: str
    open: bool
    units: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Scores:
    tasks_found: int
    tasks_true: int
    task_precision: float
    task_recall: float
    assignment_precision: float
    assignment_recall: float
    lead_accuracy: float | None  # None when the ground truth has no tasks
    open_accuracy: float | None


def load_truth(path: Path) -> tuple[str, list[Task]]:
    """The plan slug and tasks of a ground-truth file."""
    data = json.loads(read_text(path))
    tasks = [Task(t["number"], t["text"], t["open"], tuple((u[0], u[1]) for u in t["units"])) for t in data["tasks"]]
    return data["slug"], tasks


def tasks_in_store(store: pyoxigraph.Store, slug: str) -> list[Task]:
    """The tasks of plan ``slug`` as the dataset holds them, units in list order."""
    rows: dict[int, dict] = {}
    query = QUERY.replace("?plan", f"<{plan_iri(slug)}>")
    for solution in store.query(query):
        number = int(solution["number"].value)
        task = rows.setdefault(number, {"text": solution["text"].value, "open": solution["open"].value == "true",
                                        "units": {}})
        if solution["position"] is not None:
            role = solution["role"].value.removeprefix(str(ROLE))
            task["units"][int(solution["position"].value)] = (solution["name"].value, role)
    return [Task(n, r["text"], r["open"], tuple(r["units"][k] for k in sorted(r["units"])))
            for n, r in sorted(rows.items())]


def score(found: list[Task], truth: list[Task]) -> Scores:
    """Compare found tasks with the ground truth (see the module docstring)."""
    by_number = {t.number: t for t in truth}
    right = [f for f in found if f.number in by_number and f.text.startswith(by_number[f.number].text)]
    found_assignments = _assignments(found)
    true_assignments = _assignments(truth)
    shared = len(found_assignments & true_assignments)
    matched = {f.number: f for f in right}
    leads = [t for t in truth if t.number in matched and _leads(matched[t.number]) == _leads(t)]
    opens = [t for t in truth if t.number in matched and matched[t.number].open == t.open]
    return Scores(
        tasks_found=len(found),
        tasks_true=len(truth),
        task_precision=_ratio(len(right), len(found)),
        task_recall=_ratio(len(right), len(truth)),
        assignment_precision=_ratio(shared, len(found_assignments)),
        assignment_recall=_ratio(shared, len(true_assignments)),
        lead_accuracy=len(leads) / len(truth) if truth else None,
        open_accuracy=len(opens) / len(truth) if truth else None,
    )


def _assignments(tasks: list[Task]) -> set[tuple[int, int, str, str]]:
    return {(t.number, position, name, role) for t in tasks for position, (name, role) in enumerate(t.units, 1)}


def _leads(task: Task) -> set[str]:
    return {name for name, role in task.units if role == "lead"}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


@click.command("evaluate")
@click.argument("truths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--data", "data", required=True, multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Dataset written by `fengong ingest` (TriG or N-Quads; repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def evaluate_command(truths: tuple[Path, ...], data: tuple[Path, ...], fmt: str) -> None:
    """Score ingested plans against hand-made ground truths (GROUNDTRUTH.json ...).

    Prints, per document, task-level and assignment-level precision and recall and the lead accuracy.
    """
    store = pyoxigraph.Store()
    for path in data:
        problem = check_text_file(path)
        if problem:
            raise InputError(f"{path}: {problem}")
        rdf_format = pyoxigraph.RdfFormat.N_QUADS if path.suffix in (".nq", ".nquads") else pyoxigraph.RdfFormat.TRIG
        try:
            store.bulk_load(path=str(path), format=rdf_format)
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(f"cannot load {path}: {exc}") from None
    results = {}
    for truth_path in truths:
        try:
            slug, truth = load_truth(truth_path)
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise InputError(f"{truth_path}: not a ground-truth file ({exc})") from None
        results[slug] = score(tasks_in_store(store, slug), truth)
    if fmt == "json":
        click.echo(json.dumps({slug: s.__dict__ for slug, s in results.items()}, indent=1))
        return
    header = ("document", "tasks", "task P", "task R", "assign P", "assign R", "lead acc", "open acc")
    click.echo("  ".join(header))
    for slug, s in results.items():
        click.echo("  ".join([slug, f"{s.tasks_found}/{s.tasks_true}", f"{s.task_precision:.3f}",
                              f"{s.task_recall:.3f}", f"{s.assignment_precision:.3f}", f"{s.assignment_recall:.3f}",
                              _show(s.lead_accuracy), _show(s.open_accuracy)]))
    sys.stdout.flush()


def _show(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"
