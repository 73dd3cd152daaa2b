"""The service's public address, from a setting and never from the request's ``Host`` header.

Absolute URLs the service writes (the service description, VoID, ``/queries.json``, ``/openapi.json``) and
the base IRI of queries come from Flask's view of the request, which follows ``Host``: any client could make
the service advertise an address of its choosing. This WSGI middleware puts the configured public base URL
(``--public-base-url``, e.g. the address of a reverse proxy) in its place for every request.
"""

from __future__ import annotations

from urllib.parse import urlsplit


class PublicBaseUrl:
    """WSGI middleware: every request is seen as addressed to ``base_url`` (scheme, host, port, path prefix)."""

    def __init__(self, app, base_url: str):
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc or "@" in parts.netloc:
            raise ValueError(f"the public base URL {base_url!r} must be an http(s) URL with a host and no user")
        self.app = app
        self.scheme, self.host, self.prefix = parts.scheme, parts.netloc, parts.path.rstrip("/")

    def __call__(self, environ: dict, start_response):
        environ["wsgi.url_scheme"] = self.scheme
        environ["HTTP_HOST"] = self.host
        environ["SCRIPT_NAME"] = self.prefix
        return self.app(environ, start_response)
