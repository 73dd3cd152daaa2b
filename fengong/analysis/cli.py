"""``fengong analyze``: the coordination analysis of the built graph (or of given files)."""

from __future__ import annotations

import datetime
from pathlib import Path

import click

STAGES = ("read", "measure", "tables", "networks", "figures", "rdf", "report")


@click.command("analyze")
@click.option("--data", "data", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="RDF file to analyse (repeatable). Default: the graph fengong build wrote to data/graphs/.")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory for the tables, networks, figures, RDF and report.")
@click.option("--plan", "plan", default=None, metavar="IRI",
              help="Analyse only this plan (default: every plan in the data, together).")
@click.option("--collectives", type=click.Choice(["exclude", "keep"]), default="exclude", show_default=True,
              help="Leave collective agents such as 地方各级政府 out of the networks, or keep them as nodes.")
@click.option("--open-lists", "open_lists", type=click.Choice(["keep", "exclude"]), default="keep",
              show_default=True, help="Keep tasks whose unit list ends with 等 (flagged on their ties), "
              "or leave them out.")
@click.option("--date", "date", default=None, metavar="YYYY-MM-DD",
              help="Date recorded for the run (default: today); fix it for reproducible output.")
def analyze_command(data, out, plan, collectives, open_lists, date):
    """Measure how responsibility is shared: networks, centrality, brokerage, communities, concentration.

    Writes CSV/JSON tables, GraphML/GEXF networks, PNG/SVG figures, measures.trig (RDF in an analysis named
    graph) and report.html into OUT.
    """
    from tqdm import tqdm

    from fengong.analysis.fonts import NoCJKFont
    from fengong.analysis.load import NoAssignments, read_mentions
    from fengong.analysis.networks import Options
    from fengong.analysis.run import analyse, write_all
    from fengong.inputs import InputError
    from fengong.store import LoadError, open_store

    try:
        day = datetime.date.fromisoformat(date).isoformat() if date else datetime.date.today().isoformat()
    except ValueError:
        raise click.BadParameter(f"not a date in the form YYYY-MM-DD: {date!r}", param_hint="--date") from None
    with tqdm(total=len(STAGES), desc="analyse", unit="step", leave=False, disable=None) as bar:
        def step(name: str) -> None:
            bar.set_postfix_str(name)
            bar.update(1)

        try:
            graph_store = open_store(None, list(data) or None)
            bar.set_postfix_str("read")
            mentions = read_mentions(graph_store.store, plan)
            bar.update(1)
            result = analyse(mentions, Options(collectives=collectives, open_lists=open_lists))
            step("measure")
            written = write_all(result, out, day, step)
        except (LoadError, OSError) as error:
            raise InputError(str(error)) from None
        except (NoAssignments, NoCJKFont) as error:
            raise click.ClickException(str(error)) from None
    summary = result.summary
    click.echo(f"{summary['tasks']} tasks, {summary['agents']} agents, {summary['ties']} co-responsibility ties; "
               f"lead Gini {summary['lead_gini']:.3f}, HHI {summary['lead_hhi']:.3f}; "
               f"{summary['community_count']} communities (modularity {summary['modularity']:.3f})")
    if summary["excluded_agents"]:
        click.echo(f"left out (collectives): {'、'.join(summary['excluded_agents'])}")
    if summary["open_list_tasks"]:
        verb = "left out" if open_lists == "exclude" else "kept, flagged"
        click.echo(f"open lists (等), {verb}: tasks {', '.join(map(str, summary['open_list_tasks']))}")
    click.echo(f"{len(written)} files in {out}; start with {out / 'report.html'}")
