"""The one error type of the protocol layer: an HTTP status and a message for people."""

from __future__ import annotations


class SparqlError(Exception):
    """A request the service answers with an error status (4xx, or 503 for a cancelled query)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}

    def __reduce__(self):
        # Query workers send errors back through a pipe: keep every field when pickled.
        return (SparqlError, (self.status, self.message, self.headers))
