"""A WSGI application answering every request with one fixed SPARQL JSON answer.

gunicorn serving it, with the service's worker class and settings, measures gunicorn's own cost per request:
the floor under anything fengong's front does (``service_costs.py``)."""

BODY = b'{"head":{"vars":["x"]},"results":{"bindings":[]}}'


def app(_environ, start_response):
    start_response("200 OK", [("Content-Type", "application/sparql-results+json"),
                              ("Content-Length", str(len(BODY)))])
    return [BODY]
