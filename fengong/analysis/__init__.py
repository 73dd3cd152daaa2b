"""Coordination analysis: who shares responsibility with whom in a plan's task division.

The pipeline reads the assignments from the embedded store with SPARQL (:mod:`.load`), builds the three
networks (:mod:`.networks`), measures them (:mod:`.measures`, :mod:`.brokerage`, :mod:`.plan_measures`) and
writes tables, graph files, figures, an HTML report and RDF (:mod:`.outputs`, :mod:`.figures`,
:mod:`.report`, :mod:`.rdf`). :func:`.run.analyse` ties the steps together.
"""
