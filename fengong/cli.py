"""The ``fengong`` command line: build, validate, export, query, serve, and the commands of the other parts.

Errors are for people: a bad input prints what is wrong and where (file and line, or query position) and
exits non-zero without a traceback. Exit codes: 0 done, 1 the data breaks a rule, 2 the input cannot be read.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import unicodedata
from pathlib import Path

import click
import pyoxigraph
from tqdm import tqdm

from fengong import PROJECT_ROOT, __version__
from fengong.atomic import write_atomically
from fengong.build import OUTPUT, build_graphs
from fengong.export import task_rows, to_csv, to_json, to_markdown
from fengong.inputs import InputError, one_line, read_text
from fengong.namespaces import SH, compact
from fengong.nesting import TooDeep, check_depth
from fengong.records import ReadError
from fengong.registry import RegistryError
from fengong.store import LoadError, default_data_files, open_store
from fengong.trig import serialise_trig
from fengong.validate import NotValidatable, data_graph, load_shapes, shacl_report, validate_graph

DATA_OPTION = click.option(
    "--data", "data", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="RDF file to work on (repeatable). Default: the graph `fengong build` wrote to data/graphs/, "
         "with the ontology.")


class LazyGroup(click.Group):
    """A group whose commands from other parts (service, ingest, analysis) are imported only when used.

    Importing the service or the analysis pulls in Flask, matplotlib and more; `fengong build` should not pay
    for them.
    """

    lazy = {
        "serve": "fengong.service.server:serve_command",
        "ingest": "fengong.ingest:ingest_command",
        "evaluate": "fengong.evaluate:evaluate_command",
        "analyze": "fengong.analysis.cli:analyze_command",
        "link": "fengong.link.cli:link_command",
        "derive": "fengong.scale.derived:derive_command",
        "load": "fengong.scale.push:load_command",
        "check": "fengong.scale.shacl.command:check_command",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module, attr = self.lazy[name].split(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fengong")
def main() -> None:
    """fengong (分工): the task-division tables of Chinese government plans as a knowledge graph.

    Typical use: `fengong build`, `fengong validate`, `fengong serve`.
    """


@main.command()
@click.option("--root", type=click.Path(exists=True, file_okay=False, path_type=Path), default=PROJECT_ROOT,
              show_default=True, help="Project folder holding data/sources/ and data/registry/.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=f"Where to write the graph (TriG). Default: ROOT/{OUTPUT}.")
def build(root: Path, out: Path | None) -> None:
    """Read the documents of data/sources/ and the agency registry; write the graph.

    The output is written atomically and deterministically: the same input gives the same bytes, and a build
    that fails or is interrupted leaves the previous file as it was.
    """
    out = out or root / OUTPUT
    try:
        result = build_graphs(root, progress=lambda docs: tqdm(docs, desc="reading", unit="doc",
                                                              disable=None, file=sys.stderr))
    except (ReadError, RegistryError) as exc:
        raise InputError(f"cannot build: {exc}\nNothing was written.") from None
    for problem in result.problems:
        click.echo(str(problem), err=True)
    for u in result.unresolved:
        click.echo(f"warning: unit {u.name!r} is not in the registry of {u.jurisdiction}; kept as an "
                   f"unresolved agent ({u.iri})", err=True)
    if result.errors:
        raise click.ClickException(f"{len(result.errors)} error(s) in the sources; nothing was written.")
    text = serialise_trig(result.graphs)
    write_atomically(out, text)
    tasks = [t for plan in result.plans for t in plan.tasks]
    mentions = [u for t in tasks for u in t.units]
    click.echo(f"built {len(result.plans)} plan(s): {len(tasks)} tasks, {len(mentions)} assignments, "
               f"{len({u.name for u in mentions})} distinct units, {sum(t.open_ended for t in tasks)} open "
               f"list(s), {len(result.unresolved)} unresolved unit name(s); "
               f"{sum(len(g) for g in result.graphs)} triples in {len(result.graphs)} graphs → {out}")


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--shapes", type=click.Path(exists=True, path_type=Path), default=PROJECT_ROOT / "shapes",
              show_default=True, help="SHACL shapes: a Turtle file, or a folder of them (*.ttl).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "report"]), default="text", show_default=True,
              help="report: pySHACL's sh:ValidationReport in Turtle.")
def validate(files: tuple[Path, ...], shapes: Path, fmt: str) -> None:
    """Check graphs against the SHACL shapes: exit 1 on a violation, 0 when the data conforms.

    FILES default to the graph `fengong build` wrote. The concept schemes (ontology/schemes.ttl) are always
    added, since roles and types are data the rules look at. The files are read as the service reads them
    (nothing fetched, no XML entities) and checked as GET and POST /shacl check.
    """
    paths = list(files) or sorted((PROJECT_ROOT / "data" / "graphs").glob("*.trig"))
    if not paths:
        raise InputError("nothing to validate: run `fengong build` first, or name the files")
    try:
        data = data_graph(open_store(None, paths).store.quads_for_pattern(None, None, None, None))
    except LoadError as exc:
        raise InputError(str(exc)) from None
    except NotValidatable as exc:
        raise InputError(f"cannot validate the data: {exc}") from None
    if fmt == "report":
        report = shacl_report(data, load_shapes(shapes))
        click.echo(report.serialize(format="turtle"))
        sys.exit(1 if any(s == SH.Violation for s in report.objects(None, SH.resultSeverity)) else 0)
    findings = validate_graph(data, load_shapes(shapes))
    violations = [f for f in findings if f.severity == "violation"]
    if fmt == "json":
        click.echo(json.dumps([f.__dict__ for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            click.echo(f.line())
        click.echo(f"{len(violations)} violation(s), {len(findings) - len(violations)} warning(s) in "
                   f"{', '.join(str(p) for p in paths)}"
                   + ("" if violations else ": the data conforms"))
    sys.exit(1 if violations else 0)


@main.group()
def export() -> None:
    """Export tables from the graph."""


@export.command("tasks")
@DATA_OPTION
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "markdown"]), default="csv",
              show_default=True)
def export_tasks(data: tuple[Path, ...], fmt: str) -> None:
    """One row per task: plan, number, text, lead, participants (in printed order), open_ended."""
    store = _open(data)
    rows = task_rows(store.store)
    click.echo({"csv": to_csv, "json": to_json, "markdown": to_markdown}[fmt](rows), nl=False)


@main.command()
@click.argument("query_file", type=click.File("rb"))
@DATA_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="How to print SELECT results (CONSTRUCT/DESCRIBE print N-Triples).")
@click.option("--endpoint", metavar="URL", default=None,
              help="Send the (SELECT or ASK) query to this SPARQL endpoint instead of the embedded store.")
@click.option("--join-local", type=click.File("rb"), default=None, metavar="FILE.rq",
              help="With --endpoint: also run this SELECT query on the embedded store and join the two answers on "
                   "their shared variables (for endpoints that may not use SERVICE).")
@click.option("--timeout", type=click.FloatRange(0.1, 3600), default=30.0, show_default=True,
              help="With --endpoint: seconds to wait for the remote answer before giving up.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a parameter of a question file (its '#+ param:' header) to VALUE, as an RDF term of the "
                   "parameter's type (repeatable). Parameters not given take their defaults.")
def query(query_file, data: tuple[Path, ...], fmt: str, endpoint: str | None, join_local, timeout: float,
          params: tuple[str, ...]) -> None:
    """Run a SPARQL query (a .rq file, or - for standard input) on the embedded store, or at --endpoint.

    The default graph is the union of all named graphs. A question of queries/ runs with its parameters bound:
    `fengong query queries/tasks-led-by-agency.rq --param name=省残联`.
    """
    text = read_text(query_file.name, query_file.read())
    try:
        check_depth(text, "sparql")
    except TooDeep as exc:
        raise InputError(f"{query_file.name}: {exc}") from None
    if join_local is not None and endpoint is None:
        raise click.UsageError("--join-local needs --endpoint")
    terms = _parameters(text, query_file.name, params)
    from fengong.questions import with_values
    try:
        if endpoint is not None:
            from fengong import remote  # SPARQLWrapper is only needed here
            from fengong.sparql.targets import BadTarget, parse_target

            try:
                parse_target(endpoint)
            except BadTarget as exc:
                raise InputError(f"--endpoint: {exc}") from None

            local = (_open(data).store, read_text(join_local.name, join_local.read())) \
                if join_local is not None else None
            try:
                result = remote.answer(endpoint, with_values(text, terms) if terms else text, timeout, local)
            except remote.RemoteError as exc:
                raise InputError(str(exc)) from None
        else:
            result = _open(data).store.query(with_values(text, terms) if terms else text,
                                             use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise InputError(f"{query_file.name}: {one_line(exc)}") from None
    except OSError as exc:
        raise InputError(f"{query_file.name}: {exc}") from None
    if isinstance(result, pyoxigraph.QueryBoolean):
        click.echo("true" if bool(result) else "false")
    elif isinstance(result, pyoxigraph.QueryTriples):
        click.echo(result.serialize(format=pyoxigraph.RdfFormat.N_TRIPLES).decode(), nl=False)
    elif fmt == "table":
        click.echo(_table(result, _declared_prefixes(text)), nl=False)
    else:
        out = result.serialize(format=pyoxigraph.QueryResultsFormat.CSV if fmt == "csv"
                               else pyoxigraph.QueryResultsFormat.JSON)
        click.echo(out.decode(), nl=fmt == "json")


def _parameters(text: str, name: str, params: tuple[str, ...]) -> dict:
    """The question's parameters bound to terms: the values given, else the defaults of its header."""
    from fengong.questions import ParameterError, QuestionError, bind, parse_question

    if not params and "#+ param:" not in text:
        return {}
    pairs = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        pairs[key] = value
    try:
        return bind(parse_question(text, name), pairs)
    except (ParameterError, QuestionError) as exc:
        raise InputError(f"{name}: {exc}") from None


def _open(data: tuple[Path, ...]):
    files = list(data) or default_data_files()
    if not any(p.suffix == ".trig" for p in files) and not data:
        raise InputError("no graph: run `fengong build` first, or give --data")
    try:
        return open_store(None, files)
    except LoadError as exc:
        raise InputError(str(exc)) from None


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _declared_prefixes(text: str) -> dict[str, str]:
    """The PREFIX declarations of a query: prefix → namespace."""
    return dict(re.findall(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.-]*|):\s*<([^>]*)>", text))


def _table(result: pyoxigraph.QuerySolutions, prefixes: dict[str, str]) -> str:
    names = [v.value for v in result.variables]
    rows = [[_show(sol[name], prefixes) for name in names] for sol in result]
    widths = [max([_width(n), *(_width(r[i]) for r in rows)]) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(names), line(["-" * w for w in widths]), *(line(r) for r in rows), f"({len(rows)} rows)"]
    return "\n".join(out) + "\n"


def _show(term, prefixes: dict[str, str]) -> str:
    """A term as the table prints it: an IRI compacted with the query's prefixes and fengong's (or in <>)."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        short = compact(term.value, prefixes)
        return short if short != term.value else f"<{term.value}>"
    return term.value
