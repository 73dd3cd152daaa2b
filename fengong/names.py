"""Names that come closest to one that matched nothing, so that ``name=民政厅`` can point to 省民政厅.

A name parameter matches an agency's official name, its short forms and its other names exactly (an agency that
was renamed or merged keeps its own node, so its old names still match). When nothing matches, the names known
are ranked: one that holds the text asked for, or is held in it, first (the shorter the difference the better),
then by similarity of their characters.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

#: The query giving every name an agent is known by: (agent, name, official name in Chinese).
#: The properties that give an agent's names, as a SPARQL path.
NAME_PATH = ("(<http://www.w3.org/2004/02/skos/core#prefLabel>|<http://www.w3.org/2004/02/skos/core#altLabel>"
             "|<https://w3id.org/fengong/ontology#shortName>)")
NAMES_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?agent ?name ?official WHERE {
  ?agent """ + NAME_PATH + """ ?label .
  BIND (STR(?label) AS ?name)
  OPTIONAL { ?agent skos:prefLabel ?official FILTER (LANG(?official) = "zh") }
}"""
#: Least similarity for a name that neither holds nor is held in the text asked for.
MIN_SIMILARITY = 0.5


def closest_names(text: str, names: Iterable[tuple[str, str, str]], limit: int = 5) -> list[dict]:
    """The ``limit`` names of ``names`` ((agent, name, official name) triples) closest to ``text``, best first,
    one per agent: ``{"name", "agent", "official"}``."""
    text = text.strip()
    scored: dict[str, tuple[tuple, dict]] = {}
    for agent, name, official in names:
        if not name or not text:
            continue
        if text in name or name in text:
            score = (0, abs(len(name) - len(text)), -SequenceMatcher(None, text, name).ratio())
        else:
            ratio = SequenceMatcher(None, text, name).ratio()
            if ratio < MIN_SIMILARITY:
                continue
            score = (1, 0, -ratio)
        entry = {"name": name, "agent": agent, "official": official or name}
        if agent not in scored or score < scored[agent][0]:
            scored[agent] = (score, entry)
    return [entry for _, entry in sorted(scored.values(), key=lambda item: (item[0], item[1]["name"]))][:limit]
