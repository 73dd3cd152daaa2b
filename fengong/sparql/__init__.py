"""The SPARQL 1.1 Protocol as a library, independent of any web framework.

Map of the modules:

- :mod:`~fengong.sparql.settings` — every setting of the service, declared once (name, default, help);
- :mod:`~fengong.sparql.protocol` — turns an HTTP request (method, query string, headers, body) into an
  operation (query or update text and its dataset), or a :class:`~fengong.sparql.errors.SparqlError`;
- :mod:`~fengong.sparql.negotiation` — media types, ``Accept`` with q-values and the ``format`` parameter;
- :mod:`~fengong.sparql.guard` — what a request may reach: ``SERVICE``/``LOAD`` targets, dataset graphs,
  the update token;
- :mod:`~fengong.sparql.results` — result serialisation with the row cap;
- :mod:`~fengong.sparql.engine` — runs each operation in a worker process that is killed at the time limit;
- :mod:`~fengong.sparql.description` — the service description (``sd:``) and the VoID description.
"""
