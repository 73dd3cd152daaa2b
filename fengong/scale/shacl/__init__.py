"""SHACL at national scale: shapes compiled to SPARQL and run on the pyoxigraph store, one module per job.

- :mod:`.terms`: what the others share — :class:`~.terms.Result`, :class:`~.terms.Check`, the refusal
  :class:`~.terms.UnsupportedShape`, and RDF terms and paths written as SPARQL;
- :mod:`.vocabulary`: which triples of a shape are constraints, and the values of their parameters;
- :mod:`.expressions`: whether a node conforms to a shape, as one SPARQL expression (``sh:node``, ``sh:or`` …);
- :mod:`.compiler`: every constraint of every targeted shape as one SPARQL query with its result fields;
- :mod:`.queries`: the query of each kind of constraint, written to join by hashing on a store on disk;
- :mod:`.hashjoin`: SHACL-SPARQL rules of one basic graph pattern rewritten to join by hashing;
- :mod:`.runner`: the checks run on a store, in this process or in read-only worker processes;
- :mod:`.report`: results written as a SHACL ``sh:ValidationReport``, and read from one;
- :mod:`.reference`: pySHACL, run as `fengong validate` runs it, its report read into the same results;
- :mod:`.shapes`: shapes files read as written;
- :mod:`.command`: ``fengong check``.
"""
