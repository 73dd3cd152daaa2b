"""fengong's service with every query evaluated in the request thread: no query worker, so no time limit.

Not a mode the service offers (a runaway query could not be stopped): ``service_costs.py`` runs it to measure
what the hand-off to query workers costs over HTTP, and so how far the gunicorn/Flask front alone stays from
the Oxigraph server. Takes the arguments of ``fengong serve``."""

from fengong.service.server import serve_command
from fengong.sparql import engine


def _in_thread(self, job):
    return engine.run_query(self.graph_store.store, job)


engine.QueryEngine.query = _in_thread

if __name__ == "__main__":
    serve_command()
