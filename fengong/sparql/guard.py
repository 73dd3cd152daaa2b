"""What a request may reach beyond the local store, decided before anything runs.

Oxigraph evaluates ``SERVICE`` and ``LOAD`` by opening HTTP connections, so every operation is scanned
for their targets first; a target not under an allowlisted prefix (compared as parsed URLs:
:mod:`fengong.sparql.targets`) is refused (403) and nothing is sent. ``FROM``/``FROM NAMED`` and the
protocol's dataset IRIs only ever name graphs of the local store (Oxigraph never dereferences them), so they
need no allowlist: they are reported for the unknown-graph warning. As defence in depth the query worker
also drops its network access when the allowlist is empty (:func:`drop_network`).

The scan is lexical (SPARQL tokens: comments, strings, IRIs, prefixed names, variables, keywords). SPARQL
allows ``\\uXXXX`` escapes anywhere in the text, so the text is scanned both as sent and with escapes
decoded; a target found by either scan counts, and a ``SERVICE``/``LOAD`` whose target cannot be read
(a variable, or something unexpected) is refused.
"""

from __future__ import annotations

import ctypes
import hmac
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from fengong.nesting import decode_sparql_escapes
from fengong.sparql.errors import SparqlError
from fengong.sparql.targets import on_allowlist

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$) | \"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|$)
              | '(?:[^'\\\n\r]|\\.)*'? | "(?:[^"\\\n\r]|\\.)*"? )
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7-\uFFFF]+)
  | (?P<bnode>_:[\w\-.\u00B7-\uFFFF]+)
  | (?P<pname>(?:[^\W\d_][\w\-.\u00B7-\uFFFF]*)?:(?:[\w\-.:%\u00B7-\uFFFF]|\\.)*)
  | (?P<word>[^\W\d][\w\-]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
#: Texts without any of these (and without escapes) cannot name a remote target or a FROM graph.
_KEYWORDS = re.compile(r"service|load|from", re.IGNORECASE)


@dataclass
class Reach:
    """What an operation names outside its own text: remote endpoints and dataset graphs."""

    remote: list[tuple[str, str | None]] = field(default_factory=list)  # (keyword, target IRI or None)
    graphs: list[str] = field(default_factory=list)  # FROM / FROM NAMED IRIs


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        value = match.group()
        if kind in {"space", "comment"}:
            continue
        if kind == "pname" and value.endswith("."):
            # A prefixed name cannot end with '.': that dot ends the triple.
            tokens.append(("pname", value.rstrip(".")))
            tokens.extend(("other", ".") for _ in range(len(value) - len(value.rstrip("."))))
            continue
        tokens.append((kind, value))
    return tokens


def _scan(text: str, base: str | None) -> Reach:
    reach = Reach()
    tokens = _tokens(text)
    prefixes: dict[str, str] = {}

    def resolve(kind: str, value: str) -> str | None:
        if kind == "iri":
            iri = value[1:-1]
            return urljoin(base, iri) if base else iri
        if kind == "pname":
            prefix, _, local = value.partition(":")
            namespace = prefixes.get(prefix)
            return None if namespace is None else namespace + re.sub(r"\\(.)", r"\1", local)
        return None

    position = 0
    while position < len(tokens):
        kind, value = tokens[position]
        keyword = value.upper() if kind == "word" else ""
        following = tokens[position + 1] if position + 1 < len(tokens) else ("", "")
        if keyword == "BASE" and following[0] == "iri":
            base = resolve("iri", following[1])
        elif keyword == "PREFIX" and following[0] == "pname" and position + 2 < len(tokens):
            target_kind, target = tokens[position + 2]
            if target_kind == "iri":
                prefixes[following[1].rstrip(":").split(":")[0]] = resolve("iri", target) or ""
        elif keyword in {"SERVICE", "LOAD"}:
            target = following
            if target[0] == "word" and target[1].upper() == "SILENT":
                target = tokens[position + 2] if position + 2 < len(tokens) else ("", "")
            reach.remote.append((keyword, resolve(*target)))
        elif keyword == "FROM":
            target = following
            if target[0] == "word" and target[1].upper() == "NAMED":
                target = tokens[position + 2] if position + 2 < len(tokens) else ("", "")
            iri = resolve(*target)
            if iri:
                reach.graphs.append(iri)
        position += 1
    return reach


def scan(text: str, base: str | None = None) -> Reach:
    """The remote targets (``SERVICE``, ``LOAD``) and dataset graphs (``FROM``) an operation names."""
    if "\\" not in text and not _KEYWORDS.search(text):
        return Reach()
    reach = _scan(text, base)
    decoded = decode_sparql_escapes(text)
    if decoded != text:
        other = _scan(decoded, base)
        reach.remote += [item for item in other.remote if item not in reach.remote]
        reach.graphs += [iri for iri in other.graphs if iri not in reach.graphs]
    return reach


def check_remote(reach: Reach, allowlist: list[str]) -> None:
    """Refuse (403) any ``SERVICE``/``LOAD`` whose target is unreadable or not allowlisted."""
    for keyword, target in reach.remote:
        if target is None:
            raise SparqlError(403, f"{keyword} is refused: its target must be a literal IRI on the "
                                   "federation allowlist (variables are not accepted)")
        if not on_allowlist(target, allowlist):
            hint = "no remote target is allowed" if not allowlist else "allowed: " + ", ".join(allowlist)
            raise SparqlError(403, f"{keyword} <{target}> is refused: it is not on the federation allowlist "
                                   f"({hint}); no connection was attempted")


def check_update_token(authorization: str | None, token: str) -> None:
    """Refuse an update unless the service has an update token and the request bears it."""
    if not token:
        raise SparqlError(403, "this service is read-only: SPARQL Update is disabled")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise SparqlError(401, "SPARQL Update needs 'Authorization: Bearer <token>' with the update token",
                          {"WWW-Authenticate": 'Bearer realm="fengong-update"'})


def drop_network() -> bool:
    """Move this process into a new, empty network namespace, so no connection can leave it.

    Returns whether that worked (it needs root or unprivileged user namespaces; the lexical check above
    is the rule either way, this only backs it up).
    """
    clone_newnet, clone_newuser = 0x40000000, 0x10000000
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.unshare(clone_newnet) == 0 or libc.unshare(clone_newuser | clone_newnet) == 0
    except (OSError, AttributeError):
        return False
