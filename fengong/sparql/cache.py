"""Query answers cached per store version: ETags for conditional requests and a bounded answer cache.

The data only changes when files are loaded or an update is applied, and each of those bumps the store's
version (:attr:`fengong.store.GraphStore.version`). An answer is therefore fixed by the store version and
what the request asks: the query text, the dataset, the base IRI, the negotiation inputs (``Accept`` and
``format``) and the row cap. :func:`request_key` hashes those; the ETag is the version and that hash, so a
client's ``If-None-Match`` is answered 304 without evaluating anything, and a new version gives every answer
a new ETag. The ETag is weak (``W/``): a CONSTRUCT may label its blank nodes differently each time, which
changes the bytes but not the answer.

Some answers are not fixed by the data: queries calling ``RAND``, ``NOW``, ``UUID``, ``STRUUID`` or ``BNODE``,
and any ``SERVICE`` (another store's data). They get ``Cache-Control: no-store`` and are never kept.
An external store (``serve --backend``) has no version: its data changes behind the service's back.

:class:`AnswerCache` keeps recent answers of one process (each gunicorn worker has its own), bounded in
bytes, least recently used first out; it empties itself when the version changes.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable

from fengong.sparql.engine import Answer, Job

#: SPARQL functions whose value is not fixed by the data (SPARQL 1.1 §17.4).
_VOLATILE = re.compile(r"\b(?:RAND|NOW|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)


def cacheable(text: str, remote: bool) -> bool:
    """Whether the answer to ``text`` is fixed by the store's data (``remote``: it names a SERVICE)."""
    if remote:
        return False
    lowered = text.lower()  # the words first (fast), the regular expression only when one is there
    return not (any(word in lowered for word in ("rand", "now", "uuid", "bnode")) and _VOLATILE.search(text))


def key_of(parts: Iterable[str]) -> str:
    """A short hash of ``parts``: everything besides the data that an answer depends on."""
    digest = hashlib.blake2b(digest_size=12)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def request_key(job: Job) -> str:
    """A hash of everything in ``job`` that the answer depends on, besides the data."""
    return key_of((job.text, " ".join(job.default_graphs), " ".join(job.named_graphs), job.base_iri or "",
                   job.accept or "", " ".join(job.formats), str(job.max_rows), str(job.union_default_graph)))


def etag(version: str, key: str) -> str:
    """The (weak) ETag of the answer to the request ``key`` on the data of ``version``."""
    return f'W/"{version}-{key}"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``tag`` (weak comparison, RFC 9110 §13.1.2) or is ``*``."""
    if not if_none_match:
        return False
    opaque = tag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == opaque:
            return True
    return False


class AnswerCache:
    """Recent answers by request key, for one store version; at most ``max_bytes`` of bodies (0: off)."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._answers: OrderedDict[str, Answer] = OrderedDict()
        self._version: str | None = None
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, version: str, key: str) -> Answer | None:
        """The answer kept for ``key`` on ``version``, or None."""
        with self._lock:
            if version != self._version:
                return None
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def put(self, version: str, key: str, answer: Answer) -> None:
        """Keep ``answer`` (a 200) unless it alone is larger than a quarter of the cache."""
        size = len(answer.body)
        if answer.status != 200 or not self.max_bytes or size * 4 > self.max_bytes:
            return
        with self._lock:
            if version != self._version:
                self._answers.clear()
                self._version, self._bytes = version, 0
            previous = self._answers.pop(key, None)
            if previous is not None:
                self._bytes -= len(previous.body)
            self._answers[key] = answer
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, dropped = self._answers.popitem(last=False)
                self._bytes -= len(dropped.body)
