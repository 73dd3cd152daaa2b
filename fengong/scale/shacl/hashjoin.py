"""SHACL-SPARQL rules of one basic graph pattern rewritten for the store to join by hashing.

Oxigraph joins the triple patterns of a basic graph pattern by an index lookup for each solution so far; on
disk a lookup costs tens of microseconds, and a rule over every plan makes millions. Wrapped in sub-SELECTs,
each pattern is scanned once and joined by hashing: first the patterns of one subject, then the subjects.
"""

from __future__ import annotations

from pyparsing import ParseException
from rdflib import Literal, URIRef, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from fengong.scale.shacl.terms import written

#: What :func:`hash_joined` writes back from rdflib's algebra of a FILTER; anything else is run as written.
_OPERATORS = {"=", "!=", "<", ">", "<=", ">="}
_FUNCTIONS = {"BOUND", "sameTerm", "LANG", "DATATYPE", "STR", "isIRI", "isURI", "isLITERAL", "isBLANK", "isNUMERIC",
              "LANGMATCHES"}


def _expression(e) -> str | None:
    """A FILTER expression from rdflib's algebra back in SPARQL, or None when it uses anything else."""
    if isinstance(e, Variable):
        return f"?{e}"
    if isinstance(e, (URIRef, Literal)):
        return written(e)
    if not isinstance(e, CompValue):
        return None
    if e.name == "RelationalExpression" and e["op"] in _OPERATORS:
        parts, joiner = [e["expr"], e["other"]], f" {e['op']} "
    elif e.name in ("ConditionalAndExpression", "ConditionalOrExpression"):
        parts, joiner = [e["expr"], *e["other"]], " && " if e.name == "ConditionalAndExpression" else " || "
    elif e.name == "UnaryNot":
        inner = _expression(e["expr"])
        return None if inner is None else f"(!{inner})"
    elif e.name.startswith("Builtin_") and e.name[len("Builtin_"):] in _FUNCTIONS:
        args = [_expression(e[key]) for key in ("arg", "arg1", "arg2") if key in e]
        return None if None in args else f"{e.name[len('Builtin_'):]}({', '.join(args)})"
    else:
        return None
    texts = [_expression(part) for part in parts]
    return None if None in texts else "(" + joiner.join(texts) + ")"


def hash_joined(query: str, namespaces: dict[str, str]) -> str | None:
    """``query``, a SELECT of one basic graph pattern and FILTERs, rewritten for the store to join by hashing.

    The same solutions (a basic graph pattern is the join of its triple patterns). None for any other query,
    and for one rdflib cannot parse (the caller has had the store parse it): it then runs as written.
    """
    try:
        node = prepareQuery(query, initNs=namespaces).algebra
    except ParseException:
        return None
    if node.name != "SelectQuery" or node.get("datasetClause"):
        return None
    node, modifier = node.p, ""
    if node.name in ("Distinct", "Reduced"):
        node, modifier = node.p, node.name.upper() + " "
    if node.name != "Project":
        return None
    projected = " ".join(f"?{v}" for v in node.PV)
    node, filters = node.p, []
    while node.name == "Filter":
        filters.append(_expression(node.expr))
        node = node.p
    if node.name != "BGP" or None in filters or not node.triples:
        return None
    stars: dict = {}
    for triple in node.triples:
        if not all(isinstance(t, (Variable, URIRef, Literal)) for t in triple) or isinstance(triple[1], Literal):
            return None
        stars.setdefault(triple[0], []).append(" ".join(f"?{t}" if isinstance(t, Variable) else written(t)
                                                         for t in triple))

    def wrap(text: str) -> str:
        return f"{{ SELECT * WHERE {{ {text} }} }}"

    body = " ".join(wrap(" ".join(wrap(p) for p in patterns)) if len(patterns) > 1 else wrap(patterns[0])
                    for patterns in stars.values())
    return f"SELECT {modifier}{projected} WHERE {{ {body} " + "".join(f"FILTER {f} " for f in filters) + "}"
