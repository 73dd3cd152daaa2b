"""A full-text index of the task texts (tantivy), so that a search by substring does not read every text.

Chinese is written without spaces between words, and a question asks for any substring (``CONTAINS``), not
for words: the index holds every character and every pair of adjacent characters of each text (tantivy's
n-gram tokenizer, 1–2 characters, lower-cased). A text that contains a substring contains all of the
substring's characters and pairs, so asking for all of them finds every text that contains it, and perhaps a
few that hold the pairs apart; those the question's own ``FILTER (CONTAINS(…))`` removes. The index only
narrows the tasks the store reads (their IRIs go into the query as a ``VALUES`` block); the store decides,
so the answers are the same as without the index (``tests/test_textindex.py`` checks it). A text found in
many tasks (more than one in :data:`NARROW_RATIO`) is asked without the index: the store then reads the texts
faster than it would join that many given IRIs.

What is indexed: every ``dct:description`` of an IRI, in the default graph and in every named graph (a
superset of what any dataset of a question can see). A description of a blank node cannot be named in a
``VALUES`` block: the index then declines (:meth:`TextIndex.lookup` gives None) and the question reads
the texts as it does without an index.

The index lives in a directory: next to an on-disk store (``DIR.text``), in a temporary directory for an
in-memory one. It records the store version it was built for (:attr:`fengong.store.GraphStore.version`); a
search on a newer version (after an update) rebuilds it first. Each process opens it itself (the service's
workers are forked after it is built).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pyoxigraph
import tantivy

log = logging.getLogger(__name__)

#: The analyzer's name in the index: characters and pairs of characters, lower-cased.
ANALYZER = "fengong_ngram"
#: A search narrows the question only when it finds at most one in this many subjects (see ``narrowing``).
NARROW_RATIO = 20
_DESCRIPTIONS = """SELECT DISTINCT ?s ?text WHERE {
  { ?s <http://purl.org/dc/terms/description> ?text } UNION
  { GRAPH ?g { ?s <http://purl.org/dc/terms/description> ?text } }
}"""


def _analyzer() -> tantivy.TextAnalyzer:
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.ngram(min_gram=1, max_gram=2, prefix_only=False))
            .filter(tantivy.Filter.lowercase()).build())


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("n", fast=True)  # the line of the subject's IRI in subjects.txt
    builder.add_text_field("text", tokenizer_name=ANALYZER, index_option="basic")
    return builder.build()


def index_directory(location: Path | None) -> Path:
    """Where the index of a store at ``location`` lives (None: a new temporary directory, removed at exit)."""
    if location is not None:
        return location.with_name(location.name + ".text")
    directory = tempfile.TemporaryDirectory(prefix="fengong-text-")
    _TEMPORARY.append(directory)  # kept alive (and removed at exit) with the process that made it
    return Path(directory.name)


_TEMPORARY: list[tempfile.TemporaryDirectory] = []


def build(store: pyoxigraph.Store, directory: Path, version: str) -> None:
    """(Re)build the index of ``store``'s descriptions in ``directory`` for ``version``.

    Written beside and then moved into place, so a process reading the old index never sees half of one.
    """
    started = time.monotonic()
    fresh = directory.with_name(directory.name + f".new-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    index = tantivy.Index(_schema(), path=str(fresh), reuse=False)
    index.register_tokenizer(ANALYZER, _analyzer())
    writer = index.writer(heap_size=64_000_000, num_threads=1)
    subjects: list[str] = []
    numbers: dict[str, int] = {}
    complete, texts = True, 0
    for row in store.query(_DESCRIPTIONS):
        subject, text = row["s"], row["text"]
        if not isinstance(subject, pyoxigraph.NamedNode):
            complete = False
            continue
        number = numbers.setdefault(subject.value, len(subjects))
        if number == len(subjects):
            subjects.append(subject.value)
        document = tantivy.Document()
        document.add_unsigned("n", number)
        document.add_text("text", text.value)
        writer.add_document(document)
        texts += 1
    writer.commit()
    writer.wait_merging_threads()
    (fresh / "subjects.txt").write_text("".join(s + "\n" for s in subjects), encoding="utf-8")
    (fresh / "complete").write_text("yes\n" if complete else "no\n", encoding="utf-8")
    (fresh / "version").write_text(version + "\n", encoding="utf-8")
    old = directory.with_name(directory.name + f".old-{os.getpid()}")
    if directory.exists():
        directory.rename(old)
    fresh.rename(directory)
    shutil.rmtree(old, ignore_errors=True)
    log.info("text index: %d texts of %d subjects in %.2f s", texts, len(subjects), time.monotonic() - started)


class TextIndex:
    """The index of a :class:`fengong.store.GraphStore`'s texts, opened (or rebuilt) when first searched."""

    def __init__(self, graph_store, directory: Path):
        self.graph_store = graph_store
        self.directory = directory
        self._lock = threading.Lock()
        self._opened: tuple | None = None  # (pid, version, searcher, schema, subjects, complete)

    def ensure(self) -> None:
        """Build the index now if it is not built for the store's version."""
        self._current()

    def _current(self) -> tuple:
        version = self.graph_store.version
        with self._lock:
            opened = self._opened
            if opened is None or opened[0] != os.getpid() or opened[1] != version:
                built = (self.directory / "version").read_text().strip() if (self.directory / "version").exists() \
                    else None
                if built != version:
                    build(self.graph_store.store, self.directory, version)
                index = tantivy.Index.open(str(self.directory))
                index.register_tokenizer(ANALYZER, _analyzer())
                subjects = (self.directory / "subjects.txt").read_text(encoding="utf-8").splitlines()
                complete = (self.directory / "complete").read_text().strip() == "yes"
                opened = self._opened = (os.getpid(), version, index.searcher(), index.schema, subjects, complete)
            return opened

    def narrowing(self, text: str) -> list[str] | None:
        """:meth:`lookup`, when the IRIs found are few enough to be worth a ``VALUES`` block: the store joins
        each given IRI (~0.25 ms each, measured at 100 plans) where it reads a text in ~0.01–0.02 ms, so beyond
        1 in :data:`NARROW_RATIO` of the texts reading them all is as fast. None: ask without the index."""
        found = self.lookup(text)
        if found is None or len(found) * NARROW_RATIO > len(self._current()[4]):
            return None
        return found

    def lookup(self, text: str) -> list[str] | None:
        """The IRIs whose description may contain ``text`` (every one that does), in the order of the index;
        None when the index cannot answer (an empty text, or texts of blank nodes)."""
        _, _, searcher, schema, subjects, complete = self._current()
        tokens = sorted(set(_analyzer().analyze(text)))
        if not tokens or not complete:
            return None
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, tantivy.Query.term_query(schema, "text", token)) for token in tokens])
        hits = searcher.search(tantivy.Query.const_score_query(query, 1.0), limit=max(1, searcher.num_docs),
                               count=False).hits
        numbers = searcher.fast_field_values("n", [address for _, address in hits])
        return [subjects[number] for number in sorted(set(numbers))]
