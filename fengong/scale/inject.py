"""Known violations, injected into a store, to prove that a validator finds exactly what pySHACL finds.

Each injection breaks one rule in one plan's graph with a SPARQL Update, so the same breakage can be made in
a slice (compared with pySHACL result for result) and at national scale (counted).
"""

from __future__ import annotations

import pyoxigraph as ox

_PREFIXES = """PREFIX fg: <https://w3id.org/fengong/ontology#>
PREFIX role: <https://w3id.org/fengong/id/role/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

#: name → update; ``{plan}`` is the plan's IRI. Each touches one task (by number) of that plan.
INJECTIONS = {
    # Task 1 loses its lead: no lead (qualified min count).
    "no-lead": """DELETE { GRAPH ?g { ?a fg:role role:lead } } INSERT { GRAPH ?g { ?a fg:role role:participant } }
        WHERE { GRAPH ?g { ?t fg:isStepOfPlan <{plan}> ; fg:taskNumber 1 . ?a fg:task ?t ; fg:role role:lead } }""",
    # Task 2 gets a second lead at a later position: two leads, and a lead not listed first.
    "two-leads": """INSERT { GRAPH ?g { <{plan}/x/second-lead> a fg:Assignment ; fg:task ?t ; fg:agent ?agent ;
            fg:role role:lead ; fg:listPosition 99 ; fg:nameAsPrinted "x" ; fg:derivedFromText ?src } }
        WHERE { GRAPH ?g { ?t fg:isStepOfPlan <{plan}> ; fg:taskNumber 2 . ?a fg:task ?t ; fg:role role:lead ;
            fg:agent ?agent ; fg:derivedFromText ?src } }""",
    # Task 3 loses its number: a required field missing.
    "no-number": """DELETE { GRAPH ?g { ?t fg:taskNumber 3 } }
        WHERE { GRAPH ?g { ?t fg:isStepOfPlan <{plan}> ; fg:taskNumber 3 } }""",
    # Task 4 takes task 5's outline key: a key used twice in one plan.
    "duplicate-key": """DELETE { GRAPH ?g { ?t fg:outlineKey "4" } } INSERT { GRAPH ?g { ?t fg:outlineKey "5" } }
        WHERE { GRAPH ?g { ?t fg:isStepOfPlan <{plan}> ; fg:outlineKey "4" } }""",
    # Task 6's lead also appears as a participant.
    "lead-also-participant": """INSERT { GRAPH ?g { <{plan}/x/lead-again> a fg:Assignment ; fg:task ?t ;
            fg:agent ?agent ; fg:role role:participant ; fg:listPosition 98 ; fg:nameAsPrinted "x" ;
            fg:derivedFromText ?src } }
        WHERE { GRAPH ?g { ?t fg:isStepOfPlan <{plan}> ; fg:taskNumber 6 . ?a fg:task ?t ; fg:role role:lead ;
            fg:agent ?agent ; fg:derivedFromText ?src } }""",
    # Task 7's open-list flag becomes a string: wrong datatype.
    "wrong-datatype": """DELETE { GRAPH ?g { ?t fg:agencyListIsOpen ?o } }
        INSERT { GRAPH ?g { ?t fg:agencyListIsOpen "no" } }
        WHERE { GRAPH ?g { ?t fg:isStepOfPlan <{plan}> ; fg:taskNumber 7 ; fg:agencyListIsOpen ?o } }""",
}


def inject(store: ox.Store, plans: list[str]) -> int:
    """Apply every injection to each plan of ``plans``; returns the number of injections applied."""
    for plan in plans:
        for update in INJECTIONS.values():
            store.update(_PREFIXES + update.replace("{plan}", plan))
    return len(plans) * len(INJECTIONS)
