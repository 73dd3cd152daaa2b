"""How deep brackets nest in a text, measured before a parser sees it.

pyoxigraph's SPARQL parser (queries and updates) and its JSON-LD parser recurse once per level of nesting and
overflow the stack a few thousand levels down: a segfault, which no ``except`` catches and which takes the
whole process with it. So SPARQL and JSON texts are scanned here first, skipping what cannot nest (comments,
strings, IRIs), and a text nesting deeper than :data:`MAX_DEPTH` is refused with the place where it does.
RDF/XML has its own check (:mod:`fengong.rdfxml`); Turtle, TriG, N-Triples and N-Quads are parsed without
recursion and need none.
"""

from __future__ import annotations

import re

#: Deepest nesting accepted: real queries and documents stay far below it (the question library: 7 levels).
MAX_DEPTH = 64

_SPARQL = re.compile(
    r"""\#[^\n\r]*
      | '''(?:[^'\\]|\\.|'(?!''))*(?:'''|$) | \"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|$)
      | '(?:[^'\\\n\r]|\\.)*'? | "(?:[^"\\\n\r]|\\.)*"?
      | <[^<>"{}|^`\\\x00-\x20]*>
      | [(\[{] | [)\]}]""",
    re.VERBOSE | re.DOTALL,
)
_JSON = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[{]|[\]}]', re.DOTALL)
_PATTERNS = {"sparql": _SPARQL, "json": _JSON}
_STEP = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class TooDeep(ValueError):
    """A text that nests deeper than allowed; ``line`` and ``column`` (1-based) say where it goes too deep."""

    def __init__(self, line: int, column: int, limit: int):
        super().__init__(f"line {line}, column {column}: brackets nest deeper than {limit} levels "
                         "(refused before parsing)")
        self.line, self.column, self.limit = line, column, limit


def _deepest(text: str, pattern: re.Pattern, limit: int) -> int | None:
    """The offset where ``text`` first nests deeper than ``limit``, or None."""
    depth = 0
    for match in pattern.finditer(text):
        depth = max(0, depth + _STEP.get(match.group(), 0))
        if depth > limit:
            return match.start()
    return None


def decode_sparql_escapes(text: str) -> str:
    """``text`` with SPARQL's ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes (allowed anywhere) decoded."""

    def replace(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group()

    return _ESCAPE.sub(replace, text)


def check_depth(text: str, syntax: str, limit: int = MAX_DEPTH) -> None:
    """Raise :class:`TooDeep` if ``text`` (``syntax``: "sparql" or "json") nests deeper than ``limit``."""
    if "\\" not in text and sum(map(text.count, "([{")) <= limit:
        return  # it cannot nest deeper than it opens (escapes aside): no need to read it token by token
    pattern = _PATTERNS[syntax]
    offset = _deepest(text, pattern, limit)
    if offset is None and syntax == "sparql" and "\\" in text:
        # An escaped bracket is a bracket too; the place is then counted in the decoded text.
        text = decode_sparql_escapes(text)
        offset = _deepest(text, pattern, limit)
    if offset is not None:
        line = text.count("\n", 0, offset) + 1
        raise TooDeep(line, offset - (text.rfind("\n", 0, offset) + 1) + 1, limit)
