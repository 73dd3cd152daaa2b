"""``fengong check``: validate a large dataset with the shapes compiled to SPARQL, and say what was found."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

import click
from tqdm import tqdm

from fengong.scale.shacl.terms import UnsupportedShape


@click.command("check")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Validate what this on-disk store holds (opened read-only) instead of FILES.")
@click.option("--shapes", type=click.Path(exists=True, path_type=Path), default=None,
              help="SHACL shapes: a Turtle file, or a folder of them (*.ttl). Default: the project's shapes/.")
@click.option("--format", "fmt", type=click.Choice(["text", "report"]), default="text", show_default=True,
              help="text: one line per result and a tally; report: SHACL's sh:ValidationReport in Turtle.")
@click.option("--limit", default=50, show_default=True, help="Results to print as text (all are counted).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="number of CPUs",
              help="Worker processes for --store, each opening the store read-only (FILES are checked in one).")
def check_command(files: tuple[Path, ...], store_dir: Path | None, shapes: Path | None, fmt: str, limit: int,
                  jobs: int) -> None:
    """Validate a large dataset against SHACL shapes, compiled to SPARQL on the embedded store.

    Finds what `fengong validate` (pySHACL) finds, in seconds at national scale. FILES are loaded with the
    concept schemes (ontology/schemes.ttl), as `fengong validate` does. A shape using SHACL that is not compiled
    is refused, naming the shape and the feature, before anything runs (exit 2). Exit 1 on a violation.
    """
    from fengong import PROJECT_ROOT
    from fengong.inputs import InputError
    from fengong.scale.shacl.report import validation_report
    from fengong.scale.shacl.runner import validate_store
    from fengong.scale.shacl.shapes import read_shapes
    from fengong.store import LoadError, open_store

    if store_dir is None and not files:
        raise click.UsageError("name the FILES to validate, or --store")
    started = time.monotonic()
    shapes = shapes or PROJECT_ROOT / "shapes"
    try:
        graph = read_shapes(shapes)
    except SyntaxError as error:
        raise InputError(f"{shapes}: not Turtle: {error}") from None
    try:
        if store_dir is not None:
            store = store_dir
        else:
            store = open_store(None, [*files, PROJECT_ROOT / "ontology" / "schemes.ttl"]).store
        with tqdm(desc="checking", unit=" checks", leave=False, disable=not sys.stderr.isatty()) as bar:
            results = validate_store(store, graph, jobs, progress=lambda _check: bar.update())
    except UnsupportedShape as error:
        raise InputError(f"{shapes}: refused, not compiled to SPARQL: {error}") from None
    except (LoadError, OSError) as error:
        raise InputError(str(error)) from None
    if fmt == "report":
        click.echo(validation_report(results, graph).serialize(format="turtle"))
    tally = Counter((r.severity, r.constraint or r.shape) for r in results)
    for result in results[:limit] if fmt == "text" else []:
        rule = (result.constraint or result.shape).rsplit("#", 1)[-1]
        value = f" ({result.value})" if result.value else ""
        level = result.severity.rsplit("#", 1)[-1].rsplit("/", 1)[-1]  # a custom severity by its local name
        click.echo(f"{level.upper()} [{rule}] {result.focus}{value}")
    for (severity, rule), n in sorted(tally.items()):
        click.echo(f"{n:8d} {severity} {rule.rsplit('#', 1)[-1]}", err=True)
    violations = sum(n for (severity, _), n in tally.items() if severity == "violation")
    click.echo(f"{violations} violation(s), {len(results) - violations} other result(s) in "
               f"{time.monotonic() - started:.1f} s", err=True)
    sys.exit(1 if violations else 0)
