"""Remote targets as parsed URLs: the one rule for ``SERVICE``, ``LOAD`` and ``fengong query --endpoint``.

A target is matched against the allowlist by its parts — scheme, host, port (the scheme's default when not
written) and a path prefix that ends at a segment boundary — never as a string prefix: as strings,
``http://127.0.0.1:18952@127.0.0.1:18950/x`` begins with ``http://127.0.0.1:18952`` yet goes to port 18950.
A target with user information (``user@``), an unusual host spelling or a scheme other than HTTP(S) is
refused outright.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_HOST = re.compile(r"[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]")


class BadTarget(ValueError):
    """A URL that cannot be a remote target, with the reason."""


@dataclass(frozen=True)
class Target:
    """The parts of a target URL that decide where a connection goes and what it asks for."""

    scheme: str
    host: str
    port: int
    path: str

    def under(self, prefix: Target) -> bool:
        """Whether this target lies under the allowlisted ``prefix``."""
        if (self.scheme, self.host, self.port) != (prefix.scheme, prefix.host, prefix.port):
            return False
        base = prefix.path.rstrip("/")
        return self.path == base or self.path.startswith(base + "/")


def parse_target(url: str) -> Target:
    """The parts of ``url``; raises :class:`BadTarget` for anything but a plain HTTP(S) URL."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise BadTarget(f"<{url}> is not a URL: {error}") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise BadTarget(f"<{url}> is not an http or https URL")
    if "@" in parts.netloc:
        raise BadTarget(f"<{url}> holds user information ('…@'), which is not accepted")
    host = parts.netloc.rsplit(":", 1)[0] if port is not None or parts.netloc.endswith(":") else parts.netloc
    if not _HOST.fullmatch(host):
        raise BadTarget(f"<{url}> has no plain host name")
    return Target(scheme, host.lower(), port or _DEFAULT_PORTS[scheme], parts.path or "/")


def on_allowlist(url: str, allowlist: list[str]) -> bool:
    """Whether ``url`` is a plain HTTP(S) URL under one of the ``allowlist`` prefixes."""
    try:
        target = parse_target(url)
    except BadTarget:
        return False
    for prefix in allowlist:
        try:
            if prefix and target.under(parse_target(prefix)):
                return True
        except BadTarget:
            continue
    return False
