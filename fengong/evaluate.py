"""``fengong evaluate``: how well an ingested plan matches a ground truth typed by hand.

A ground truth (``tests/groundtruth/<document>.json``, format in ``tests/groundtruth/README.md``) lists each
task's place in the numbering (key, label, number, parent), the first characters of its text, whether its list
is open, and its units in printed order with their roles.

Found tasks are aligned with true ones by text, in document order: a found task stands for a true task when
its text starts with the truth's text. Then, per document and pooled over documents (counts summed first):

- task precision / recall / F1: aligned pairs over found tasks / over true tasks;
- mention precision / recall / F1: (task, unit name as printed, role) triples, the task being the aligned
  true task (a mention of an unaligned task matches nothing);
- lead accuracy: the share of true tasks whose aligned task has exactly the true leads (none included);
- numbering accuracy: the share of true tasks whose aligned task has the true key, label, number and parent;
- open accuracy: the share of true tasks whose aligned task has the true open flag.

Ratios over nothing are 1.0 for precision and recall (a document without tasks, read as such) and None for
the accuracies.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import click
import pyoxigraph

from fengong.graph import plan_iri
from fengong.inputs import InputError, check_text_file, read_text
from fengong.namespaces import ROLE, sparql_prefixes
from fengong.readers.outline import outline_order

QUERY = sparql_prefixes() + """
SELECT ?key ?label ?number ?parent ?text ?open ?start ?position ?name ?role WHERE {
  GRAPH ?g {
    ?task fg:isStepOfPlan ?plan ; fg:outlineKey ?key ; fg:taskNumber ?number ; dct:description ?text ;
          fg:agencyListIsOpen ?open ; fg:derivedFromText/oa:hasSelector ?at .
    ?at a oa:TextPositionSelector ; oa:start ?start .
    OPTIONAL { ?task fg:numberLabel ?label }
    OPTIONAL { ?task fg:withinItem/fg:outlineKey ?parent }
    OPTIONAL { ?a fg:task ?task ; fg:listPosition ?position ; fg:nameAsPrinted ?name ; fg:role ?role . }
  }
}"""


@dataclass(frozen=True)
class Task:
    """A task as evaluation sees it."""

    key: str
    label: str
    number: int
    parent: str | None
    text: str
    open: bool
    units: tuple[tuple[str, str], ...]  # (name as printed, role) in printed order

    @property
    def numbering(self) -> tuple:
        return self.key, self.label, self.number, self.parent

    @property
    def leads(self) -> set[str]:
        return {name for name, role in self.units if role == "lead"}


@dataclass(frozen=True)
class Counts:
    """What one comparison counted; documents are pooled by adding these."""

    found: int = 0
    true: int = 0
    aligned: int = 0
    mentions_found: int = 0
    mentions_true: int = 0
    mentions_shared: int = 0
    leads_right: int = 0
    numbering_right: int = 0
    open_right: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.__dict__.values(), other.__dict__.values(), strict=True)))


@dataclass(frozen=True)
class Scores:
    counts: Counts
    task_precision: float
    task_recall: float
    task_f1: float
    mention_precision: float
    mention_recall: float
    mention_f1: float
    lead_accuracy: float | None
    numbering_accuracy: float | None
    open_accuracy: float | None


def load_truth(path: Path) -> tuple[str, list[Task]]:
    """The plan slug and tasks of a ground-truth file."""
    data = json.loads(read_text(path))
    tasks = [Task(t["key"], t["label"], t["number"], t["parent"], t["text"], t["open"],
                  tuple((u[0], u[1]) for u in t["units"])) for t in data["tasks"]]
    return data["slug"], tasks


def is_set_index(path: Path) -> bool:
    """True for a folder's ``index.json`` (a list of the documents with their metadata, ``"file"`` in each), the
    file that ``DIR/*.json`` picks up beside the ground truths."""
    try:
        data = json.loads(read_text(path))
    except (ValueError, OSError, UnicodeDecodeError):
        return False
    return (isinstance(data, list) and bool(data)
            and all(isinstance(entry, dict) and "file" in entry and "tasks" not in entry for entry in data))


def tasks_in_store(store: pyoxigraph.Store, slug: str) -> list[Task]:
    """The tasks of plan ``slug`` as the dataset holds them, in document order, units in list order."""
    rows: dict[str, dict] = {}
    for solution in store.query(QUERY.replace("?plan", f"<{plan_iri(slug)}>")):
        key = solution["key"].value
        task = rows.setdefault(key, {
            "label": solution["label"].value if solution["label"] else "", "number": int(solution["number"].value),
            "parent": solution["parent"].value if solution["parent"] else None, "text": solution["text"].value,
            "open": solution["open"].value == "true", "start": int(solution["start"].value), "units": {}})
        if solution["position"] is not None:
            role = solution["role"].value.removeprefix(str(ROLE))
            task["units"][int(solution["position"].value)] = (solution["name"].value, role)
    # Document order is where each task's text stands: an annex that numbers anew puts keys that sort first
    # after the body's.
    order = sorted(rows, key=lambda k: (rows[k]["start"], outline_order(k)))
    return [Task(k, rows[k]["label"], rows[k]["number"], rows[k]["parent"], rows[k]["text"], rows[k]["open"],
                 tuple(rows[k]["units"][p] for p in sorted(rows[k]["units"]))) for k in order]


def align(found: list[Task], truth: list[Task]) -> dict[int, Task]:
    """For each true task (by index) the found task that stands for it: the next found task, in document
    order, whose text starts with the truth's text."""
    pairs: dict[int, Task] = {}
    start = 0
    for i, t in enumerate(truth):
        for j in range(start, len(found)):
            if found[j].text.startswith(t.text):
                pairs[i] = found[j]
                start = j + 1
                break
    return pairs


def count(found: list[Task], truth: list[Task]) -> Counts:
    """What :func:`score` computes its figures from."""
    pairs = align(found, truth)
    standing_for = {id(f): truth[i].key for i, f in pairs.items()}
    found_mentions = Counter((standing_for.get(id(f)), name, role) for f in found for name, role in f.units
                             if id(f) in standing_for)
    true_mentions = Counter((t.key, name, role) for t in truth for name, role in t.units)
    return Counts(
        found=len(found), true=len(truth), aligned=len(pairs),
        mentions_found=sum(len(f.units) for f in found), mentions_true=sum(true_mentions.values()),
        mentions_shared=sum((found_mentions & true_mentions).values()),
        leads_right=sum(pairs[i].leads == t.leads for i, t in enumerate(truth) if i in pairs),
        numbering_right=sum(pairs[i].numbering == t.numbering for i, t in enumerate(truth) if i in pairs),
        open_right=sum(pairs[i].open == t.open for i, t in enumerate(truth) if i in pairs),
    )


def score(found: list[Task], truth: list[Task]) -> Scores:
    """Compare found tasks with the ground truth (see the module docstring)."""
    return scores(count(found, truth))


def scores(c: Counts) -> Scores:
    tp, tr = _ratio(c.aligned, c.found), _ratio(c.aligned, c.true)
    mp, mr = _ratio(c.mentions_shared, c.mentions_found), _ratio(c.mentions_shared, c.mentions_true)
    share = (lambda n: n / c.true) if c.true else (lambda n: None)
    return Scores(c, tp, tr, _f1(tp, tr), mp, mr, _f1(mp, mr), share(c.leads_right), share(c.numbering_right),
                  share(c.open_right))


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(data: list[Path], truths: list[Path]) -> dict[str, Scores]:
    """Scores per document (by slug) and pooled (``"pooled"``); raises InputError (exit 2) for unreadable input."""
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
    results: dict[str, Scores] = {}
    pooled = Counts()
    for truth_path in truths:
        try:
            slug, truth = load_truth(truth_path)
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            what = "a set's index (the documents and their metadata)" if is_set_index(truth_path) else repr(exc)
            raise InputError(f"{truth_path}: not a ground-truth file ({what}); pass the truth files, one JSON "
                             "file per document with its slug and tasks") from None
        counted = count(tasks_in_store(store, slug), truth)
        results[slug] = scores(counted)
        pooled = pooled + counted
    results["pooled"] = scores(pooled)
    return results


COLUMNS = ("document", "tasks", "task F1", "mention F1", "lead acc", "numbering acc", "open acc", "task P/R",
           "mention P/R")


def table_rows(results: dict[str, Scores]) -> list[list[str]]:
    """The figures as the table prints them (also the rows of docs/accuracy.md)."""
    return [[slug, f"{s.counts.aligned}/{s.counts.true} (found {s.counts.found})", f"{s.task_f1:.3f}",
             f"{s.mention_f1:.3f}", _show(s.lead_accuracy), _show(s.numbering_accuracy), _show(s.open_accuracy),
             f"{s.task_precision:.3f}/{s.task_recall:.3f}", f"{s.mention_precision:.3f}/{s.mention_recall:.3f}"]
            for slug, s in results.items()]


@click.command("evaluate")
@click.argument("truths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--data", "data", required=True, multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Dataset written by `fengong ingest` or `fengong build` (TriG or N-Quads; repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json"]), default="table",
              show_default=True)
def evaluate_command(truths: tuple[Path, ...], data: tuple[Path, ...], fmt: str) -> None:
    """Score ingested plans against hand-typed ground truths (GROUNDTRUTH.json ...).

    Prints, per document and pooled over all of them: task F1, mention F1 (task, unit as printed, role),
    lead accuracy, numbering accuracy (key, label, number, parent) and open-list accuracy, with the task and
    mention precision and recall.
    """
    indexes = [path for path in truths if is_set_index(path)]
    for path in indexes:  # DIR/*.json picks up the set's index.json beside its truths
        click.echo(f"{path}: skipped, a set's index (the documents and their metadata), not a ground truth", err=True)
    if len(indexes) == len(truths):
        raise InputError("no ground-truth file given: pass the truth files (one JSON file per document with its "
                         "slug and tasks), not only a set's index.json")
    results = evaluate(list(data), [path for path in truths if path not in indexes])
    if fmt == "json":
        click.echo(json.dumps({slug: {**s.counts.__dict__, **{k: v for k, v in s.__dict__.items() if k != "counts"}}
                               for slug, s in results.items()}, indent=1))
        return
    rows = table_rows(results)
    if fmt == "markdown":
        click.echo("| " + " | ".join(COLUMNS) + " |")
        click.echo("|" + "---|" * len(COLUMNS))
        for row in rows:
            click.echo("| " + " | ".join(row) + " |")
        return
    widths = [max(len(str(r[i])) for r in [list(COLUMNS), *rows]) for i in range(len(COLUMNS))]
    for row in [list(COLUMNS), *rows]:
        click.echo("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    sys.stdout.flush()


def _show(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"
