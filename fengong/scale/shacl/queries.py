"""The SPARQL query of each kind of constraint, for the focus nodes of one shape (its :class:`Scope`).

The queries are written for a store on disk, where Oxigraph's index lookup for each solution of a join (tens of
microseconds each) costs more than scanning a whole predicate: the values of every node are scanned once and
joined to the focus nodes by hashing (sub-SELECTs, MINUS, OPTIONAL of a sub-SELECT), and the existence tests of
each value are flags joined the same way (:meth:`.expressions.Expressions.exists`) instead of EXISTS.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    """The focus nodes of a shape: ``pattern`` binds ``?focus``; ``path`` is the shape's (None: a node shape).

    A property shape under a property shape has the value nodes as focus nodes, once for each focus node they are
    reached from (SHACL validates them again for each): ``keys`` are the variables that keep those reaches apart
    (the outer focus nodes), empty for a targeted shape.
    """

    pattern: str
    path: str | None
    keys: str = ""

    @property
    def values(self) -> str:
        """Every value of every node of the store, in one scan, to be joined to the focus nodes by hashing."""
        if self.path is None:
            return "BIND (?focus AS ?value)"
        return f"{{ SELECT ?focus ?value WHERE {{ ?focus {self.path} ?value }} }}"

    def distinct_values(self, flags=()) -> str:
        """The distinct (focus, value) pairs, with the flags of the value tests."""
        names = "".join(f" {flag}" for flag, _ in flags)
        joined = "".join(f" OPTIONAL {{ SELECT DISTINCT ?value (true AS {flag}) WHERE {{ {pattern} }} }}"
                         for flag, pattern in flags)
        return f"{{ SELECT DISTINCT ?focus{self.keys} ?value{names} WHERE {{ {self.pattern} {self.values}{joined} }} }}"

    def nested(self, outer: str, path: str | None) -> Scope:
        """The scope of a property shape (of path ``path``) under this shape; ``outer`` names this focus."""
        if self.path is None:
            return Scope(self.pattern, path, self.keys)
        pattern = (f"{{ SELECT ?focus{self.keys} {outer} WHERE {{ {{ SELECT{self.keys} (?focus AS {outer}) WHERE {{ "
                   f"{self.pattern} }} }} {{ SELECT DISTINCT {outer} ?focus WHERE {{ {outer} {self.path} ?focus }} }} "
                   "} }")
        return Scope(pattern, path, f"{self.keys} {outer}")

    # ---------------------------------------------------------------- one query per constraint

    def value_test(self, test: str, flags: list) -> str:
        """Each value (``?value``) for which ``test`` fails."""
        return f"SELECT ?focus ?value WHERE {{ {self.distinct_values(flags)} FILTER (!{test}) }}"

    def min_count(self, n: int) -> str:
        if n == 1:  # the foci that are no subject of the path: an anti-join, by hashing
            return (f"SELECT ?focus WHERE {{ {self.pattern} MINUS {{ SELECT ?focus WHERE {{ ?focus {self.path} "
                    "?value } } }")
        # Counted for every node first, then joined: foci without a value (unbound ?n) count zero.
        counts = f"SELECT ?focus (COUNT(DISTINCT ?value) AS ?n) WHERE {{ ?focus {self.path} ?value }} GROUP BY ?focus"
        return f"SELECT ?focus WHERE {{ {self.pattern} OPTIONAL {{ {counts} }} FILTER (COALESCE(?n, 0) < {n}) }}"

    def max_count(self, n: int) -> str:
        """The nodes with too many values, counted for every node first, then joined to the foci."""
        return (f"SELECT ?focus WHERE {{ {self.pattern} {{ SELECT ?focus WHERE {{ ?focus {self.path} ?value }} "
                f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) > {n}) }} }}")

    def has_value(self, value: str) -> str:
        if self.path is None:
            return f"SELECT ?focus WHERE {{ {self.pattern} FILTER (!sameTerm(?focus, {value})) }}"
        return (f"SELECT ?focus WHERE {{ {self.pattern} MINUS {{ SELECT ?focus WHERE {{ ?focus {self.path} {value} }} "
                "} }")

    def unique_lang(self) -> str:
        """One result per focus and language used by more than one value."""
        return (f"SELECT ?focus WHERE {{ {self.distinct_values()} FILTER (LANG(?value) != \"\") }} "
                f"GROUP BY ?focus{self.keys} (LANG(?value)) HAVING (COUNT(?value) > 1)")

    def qualified(self, test: str, flags: list, op: str, bound: int) -> str:
        """The foci whose count of values passing ``test`` is ``op bound``; foci without values count zero."""
        tally = (f"SELECT ?focus (SUM(IF(BOUND(?value) && {test}, 1, 0)) AS ?n) WHERE {{ {self.pattern} "
                 f"OPTIONAL {{ {self.distinct_values(flags)} }} }} GROUP BY ?focus{self.keys}")
        return f"SELECT ?focus WHERE {{ {{ {tally} }} FILTER (?n {op} {bound}) }}"

    def equals(self, other: str) -> str:
        """The values not among those of ``other``, and those of ``other`` not among the values."""
        among = f"?focus {self.path} ?value" if self.path else "FILTER (sameTerm(?focus, ?value))"
        return (f"SELECT DISTINCT ?focus{self.keys} ?value WHERE {{ {{ {self.pattern} {self.values} FILTER NOT EXISTS "
                f"{{ ?focus {other} ?value }} }} UNION {{ {self.pattern} ?focus {other} ?value FILTER NOT EXISTS "
                f"{{ {among} }} }} }}")

    def disjoint(self, other: str) -> str:
        return (f"SELECT DISTINCT ?focus{self.keys} ?value WHERE {{ {self.pattern} {self.values} "
                f"?focus {other} ?value }}")

    def less_than(self, other: str, op: str) -> str:
        """One result for each pair of a value and a value of ``other`` that are not in order ``op``."""
        return (f"SELECT ?focus ?value WHERE {{ {{ SELECT DISTINCT ?focus{self.keys} ?value WHERE {{ {self.pattern} "
                f"{self.values} }} }} ?focus {other} ?other FILTER (!COALESCE(?value {op} ?other, false)) }}")

    def closed(self, allowed: list[str]) -> str:
        """Each triple of a value node whose predicate is not allowed (binding ``?object`` and ``?path``)."""
        return (f"SELECT ?focus ?object ?path WHERE {{ {self.distinct_values()} ?value ?path ?object "
                f"FILTER (?path NOT IN ({', '.join(allowed)})) }}")

    def sparql(self, select: str, projected: str, prefixes: str) -> str:
        return f"{prefixes}SELECT {projected} WHERE {{ {self.pattern} {{ {select} }} }}"
