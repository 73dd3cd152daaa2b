"""``fengong link --from PLAN --to PLAN``: propose task alignments between two plans, export them for review,
read the reviewer's decisions back."""

from __future__ import annotations

from pathlib import Path

import click

from fengong.atomic import write_atomically
from fengong.cli import DATA_OPTION, InputError, _open
from fengong.graph import plan_iri
from fengong.link.align import Scorer, Settings
from fengong.link.rdf import alignment_graph
from fengong.link.review import ReviewError, apply_decisions, to_csv
from fengong.link.tasks import plan_exists, plan_tasks
from fengong.link.units import CounterpartKeys
from fengong.namespaces import ID
from fengong.trig import serialise_trig


def _plan(store, value: str) -> str:
    """A plan given as a slug or an IRI → its IRI, if the data has it."""
    iri = value if "://" in value else str(plan_iri(value))
    try:
        found = plan_exists(store, iri)
    except ValueError as exc:
        raise InputError(f"{value!r} is not a plan slug or IRI ({exc})") from None
    if not found:
        raise InputError(f"the data holds no plan {value!r} ({iri})")
    return iri


def _slug(iri: str) -> str:
    prefix = str(ID["plan/"])
    return iri[len(prefix):] if iri.startswith(prefix) else iri.rsplit("/", 1)[-1]


@click.command("link")
@click.option("--from", "source", required=True, metavar="PLAN",
              help="The lower-level plan (slug or IRI), whose tasks implement those of --to.")
@click.option("--to", "target", required=True, metavar="PLAN", help="The higher-level plan (slug or IRI).")
@DATA_OPTION
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the alignment graph here (TriG, one named graph). Default: print a table.")
@click.option("--review", "review_csv", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the review sheet (CSV): one row per proposed pair, with a 'decision' column.")
@click.option("--decisions", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A review sheet with decisions filled in: accepted pairs get fg:implements.")
@click.option("--tokens", type=click.Choice(["char", "word", "char+word"]), default="char", show_default=True,
              help="Text representation: character 2-3-grams, jieba words, or both.")
@click.option("--text-weight", type=click.FloatRange(0, 1), default=0.6, show_default=True,
              help="Weight of text similarity in the combined score.")
@click.option("--unit-weight", type=click.FloatRange(0, 1), default=0.4, show_default=True,
              help="Weight of the agreement of the units' national counterparts in the combined score.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.25, show_default=True,
              help="Lowest combined score proposed.")
@click.option("--top", type=click.IntRange(1, 10), default=1, show_default=True,
              help="Candidates proposed per source task (the best as 'localises', the rest as 'related').")
def link_command(source: str, target: str, data: tuple[Path, ...], output: Path | None, review_csv: Path | None,
                 decisions: Path | None, tokens: str, text_weight: float, unit_weight: float, threshold: float,
                 top: int) -> None:
    """Propose which task of plan --from implements which task of plan --to.

    Each pair is scored by text similarity (TF-IDF cosine of character n-grams and/or jieba words) and by
    agreement of the units' national counterparts (today's bodies, after reorganisations). Proposals become
    fg:Alignment nodes with status 'proposed'; a reviewed sheet (--decisions) turns them 'accepted' or
    'rejected', and only accepted ones give fg:implements.
    """
    store = _open(data).store
    source_iri, target_iri = _plan(store, source), _plan(store, target)
    sources, targets = plan_tasks(store, source_iri), plan_tasks(store, target_iri)
    for iri, found in ((source_iri, sources), (target_iri, targets)):
        if not found:
            raise InputError(f"the plan {iri} has no tasks in the data: nothing to align")
    scorer = Scorer(sources, targets, CounterpartKeys(store), Settings(tokens, text_weight, unit_weight, threshold,
                                                                      top))
    alignments = scorer.propose()
    if decisions is not None:
        try:
            alignments = apply_decisions(alignments, decisions, scorer)
        except ReviewError as exc:
            raise InputError(str(exc)) from None
    tasks = {t.iri: t for t in [*sources, *targets]}
    if review_csv is not None:
        write_atomically(review_csv, to_csv(alignments, tasks))
    accepted = sum(a.status == "accepted" for a in alignments)
    if output is not None:
        write_atomically(output, serialise_trig([alignment_graph(alignments, _slug(source_iri), _slug(target_iri))]))
    else:
        for a in alignments:
            click.echo(f"{tasks[a.source].number}\t→ {tasks[a.target].number}\t{a.match}\t{a.score:.3f}\t"
                       f"{a.status}\t{tasks[a.source].text[:30]} | {tasks[a.target].text[:30]}")
    click.echo(f"{len(alignments)} alignment(s) of {len(sources)} task(s) of {source_iri} to {len(targets)} of "
               f"{target_iri}; {accepted} accepted" + (f" → {output}" if output else ""), err=True)
