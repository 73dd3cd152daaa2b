"""Full-text indexes (tantivy) that answer a text search by substring one page at a time.

A question that finds things by a substring of their texts (``FILTER (CONTAINS(…))``) makes the store read
every text; at national scale that is over a second. Such a question declares ``#+ search: PARAMETER |
VARIABLE | INDEX`` (:class:`fengong.questions.Search`), and the service asks the index instead: which
subjects match, how many, and which of them make the page asked for; only that page's subjects go to the store,
as a ``VALUES`` block of ``?VARIABLE``, where the question's own filter still applies.

Two indexes (:data:`KINDS`), each holding the subjects a question can answer with, in the question's order:

- ``task-texts``: the ``dct:description`` of every task that ``task-text-search`` can answer with (a
  ``fg:Task`` with an assignment, a plan and a number), ordered by plan, document order (the ``oa:start`` of
  the task text's ``oa:TextPositionSelector``; a task without one first) and task IRI;
- ``agent-names``: the names (``skos:prefLabel``, ``skos:altLabel``, ``fg:shortName``) of every agency,
  collective agent and unresolved agent, lower-cased (``find-agency`` compares ``LCASE`` of both sides),
  ordered by Chinese name (none first) and agent IRI.

The match is exact, not a guess: every character of a text is a token (tantivy's regex tokenizer, one
character a token, no lower-casing, positions kept), a search is the phrase of the searched text's characters,
so a subject matches when one of its texts has those characters next to each other: the text contains the
substring (tantivy leaves a gap between the texts of one subject, so no phrase spans two). The count is
tantivy's, and the page comes from tantivy's collector ordered by a fast field holding each subject's rank:
no text is read in Python. ``tests/test_textindex.py`` checks that the subjects and their order are those of
the plain questions, and the rows of every page those of the plain question's answer.

The order is computed when the index is built, from the terms as SPARQL orders them (IRIs by their text,
integers by value, language-tagged names by text and then tag, unbound first); where the data holds terms
whose order the index does not reproduce (a blank node, a plan that is not an IRI, a start that is not an
``xsd:integer`` or ``xsd:nonNegativeInteger``), that index declines (:meth:`TextIndex.search` gives None) and
the service pages the plain question's answer instead. Names are lower-cased by Python's ``str.lower``, the full
Unicode mapping that SPARQL's ``LCASE`` applies too.

Indexes live in one directory: next to an on-disk store (``DIR.text``), in a temporary directory for an
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
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import tantivy

log = logging.getLogger(__name__)

#: The tokenizer's name in the indexes: every character, as written.
ANALYZER = "fengong_chars"
_FG = "https://w3id.org/fengong/ontology#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_OA = "http://www.w3.org/ns/oa#"
#: The integer datatypes an offset (``oa:start``) is written in, which SPARQL orders by value.
_INTEGERS = {"http://www.w3.org/2001/XMLSchema#" + name for name in ("integer", "nonNegativeInteger")}


class _Unordered(Exception):
    """The data holds a term whose place in the question's order the index does not reproduce."""


@dataclass(frozen=True)
class Found:
    """One page of a search: how many subjects match in all, and the IRIs of the page's, in order."""

    total: int
    subjects: list[str]


#: A document: the subject's sort key, its IRI, its texts.
Document = tuple[tuple, str, set[str]]
#: Runs a SELECT on the store (the question's dataset) and gives its rows.
Rows = Callable[[str], Iterable]


def _text(term) -> str | None:
    """``STR(term)``: the text of a literal or IRI; None for a blank node, which ``STR`` refuses."""
    return None if isinstance(term, pyoxigraph.BlankNode) else term.value


def _iri(term) -> str:
    if not isinstance(term, pyoxigraph.NamedNode):
        raise _Unordered(f"{term} is not an IRI")
    return term.value


def _task_documents(rows: Rows) -> list[Document]:
    """Every task ``task-text-search`` can answer with (a ``fg:Task`` with an assignment, a plan and a number
    — its sub-query's HAVING and its BOUND filter), keyed as its ``ORDER BY ?plan ?start ?task`` sorts it:
    ``?start`` is where the task's text starts in the source (unbound, and so first, for a task without one)."""
    texts: dict = defaultdict(set)
    for row in rows("SELECT ?s ?o WHERE { ?s <http://purl.org/dc/terms/description> ?o }"):
        text = _text(row[1])
        if text is not None:
            texts[row[0]].add(text)
    tasks = {row[0] for row in rows(f"SELECT ?s WHERE {{ ?s a <{_FG}Task> }}")}
    assigned = {row[0] for row in rows(f"SELECT DISTINCT ?s WHERE {{ ?a <{_FG}task> ?s }}")}
    plans, numbers = defaultdict(list), defaultdict(list)
    for row in rows(f"SELECT ?s ?o WHERE {{ ?s <{_FG}isStepOfPlan> ?o }}"):
        plans[row[0]].append(row[1])
    for row in rows(f"SELECT ?s ?o WHERE {{ ?s <{_FG}taskNumber> ?o }}"):
        numbers[row[0]].append(row[1])
    starts = defaultdict(list)
    for row in rows(f"SELECT ?s ?o WHERE {{ ?s <{_FG}derivedFromText>/<{_OA}hasSelector> ?at . "
                    f"?at a <{_OA}TextPositionSelector> ; <{_OA}start> ?o }}"):
        starts[row[0]].append(row[1])
    documents = []
    for task in texts.keys() & tasks & assigned & plans.keys() & numbers.keys():
        # A task with several plans or starts has a row for each; its first row is where the page puts it.
        start = (1, min(map(_offset, starts[task]))) if task in starts else (0, 0)
        documents.append(((min(map(_iri, plans[task])), start, _iri(task)), task.value, texts[task]))
    return documents


def _offset(term) -> int:
    if not (isinstance(term, pyoxigraph.Literal) and term.datatype.value in _INTEGERS):
        raise _Unordered(f"{term} is not an xsd:integer")
    try:
        return int(term.value)
    except ValueError:
        raise _Unordered(f"{term} is not an integer") from None


def _agent_documents(rows: Rows) -> list[Document]:
    """Every agent ``find-agency`` can answer with (an agency, collective or unresolved agent with a name),
    keyed as its ``ORDER BY ?nameZh ?agent`` sorts it: by its first Chinese name (value, then tag, as
    Oxigraph orders language-tagged strings), an agent without one first."""
    texts: dict = defaultdict(set)
    chinese: dict = defaultdict(list)
    for predicate in (_SKOS + "prefLabel", _SKOS + "altLabel", _FG + "shortName"):
        for row in rows(f"SELECT ?s ?o WHERE {{ ?s <{predicate}> ?o }}"):
            subject, name = row[0], row[1]
            text = _text(name)
            if text is not None:
                texts[subject].add(text.lower())  # LCASE(STR(?label))
            language = name.language if isinstance(name, pyoxigraph.Literal) else None
            if predicate.endswith("prefLabel") and language and (language == "zh" or language.startswith("zh-")):
                chinese[subject].append((name.value, language))  # LANGMATCHES(LANG(?nameZh), "zh")
    typed = {row[0] for kind in ("Agency", "CollectiveAgent", "UnresolvedAgent")
             for row in rows(f"SELECT ?s WHERE {{ ?s a <{_FG}{kind}> }}")}
    return [(((1, *min(chinese[agent])) if chinese[agent] else (0,), _iri(agent)), agent.value, texts[agent])
            for agent in texts.keys() & typed]


@dataclass(frozen=True)
class Kind:
    """An index: the documents it holds, and whether texts and searches are lower-cased."""

    name: str
    documents: Callable[[Rows], list[Document]]
    fold_case: bool


#: The indexes, by the name a question's ``#+ search:`` header gives.
KINDS = {kind.name: kind for kind in (Kind("task-texts", _task_documents, False),
                                      Kind("agent-names", _agent_documents, True))}


def _analyzer() -> tantivy.TextAnalyzer:
    # One token per character, at consecutive positions (tantivy's n-gram tokenizer gives every n-gram the
    # same position, which phrases cannot use).
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(r"(?s).")).build()


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("rank", fast=True)  # the subject's place in the question's order
    builder.add_text_field("iri", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("text", tokenizer_name=ANALYZER, index_option="position")
    return builder.build()


def index_directory(location: Path | None) -> Path:
    """Where the indexes of a store at ``location`` live (None: a new temporary directory, removed at exit)."""
    if location is not None:
        return location.with_name(location.name + ".text")
    directory = tempfile.TemporaryDirectory(prefix="fengong-text-")
    _TEMPORARY.append(directory)  # kept alive (and removed at exit) with the process that made it
    return Path(directory.name)


_TEMPORARY: list[tempfile.TemporaryDirectory] = []


def build(store: pyoxigraph.Store, directory: Path, version: str, union_default_graph: bool = True) -> None:
    """(Re)build every index of :data:`KINDS` from ``store`` in ``directory`` for ``version``, reading the
    data as the questions do (the default graph as the union of all graphs, or not).

    Written beside and then moved into place, so a process reading the old indexes never sees half of one.
    """
    fresh = directory.with_name(directory.name + f".new-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)

    def rows(query: str) -> Iterable:
        return store.query(query, use_default_graph_as_union=union_default_graph)

    for kind in KINDS.values():
        started = time.monotonic()
        try:
            documents = sorted(kind.documents(rows))
            complete = True
        except _Unordered as reason:
            log.warning("text index %s: not used, the data holds terms it cannot order (%s)", kind.name, reason)
            documents, complete = [], False
        _write(fresh / kind.name, documents, complete)
        log.info("text index %s: %d subjects in %.2f s", kind.name, len(documents), time.monotonic() - started)
    (fresh / "version").write_text(version + "\n", encoding="utf-8")
    old = directory.with_name(directory.name + f".old-{os.getpid()}")
    if directory.exists():
        directory.rename(old)
    fresh.rename(directory)
    shutil.rmtree(old, ignore_errors=True)


def _write(folder: Path, documents: list[Document], complete: bool) -> None:
    folder.mkdir()
    index = tantivy.Index(_schema(), path=str(folder), reuse=False)
    index.register_tokenizer(ANALYZER, _analyzer())
    writer = index.writer(heap_size=64_000_000, num_threads=1)
    for rank, (_, subject, texts) in enumerate(documents):
        document = tantivy.Document()
        document.add_unsigned("rank", rank)
        document.add_text("iri", subject)
        for text in sorted(texts):
            document.add_text("text", text)
        writer.add_document(document)
    writer.commit()
    writer.wait_merging_threads()
    (folder / "complete").write_text("yes\n" if complete else "no\n", encoding="utf-8")


@dataclass
class _Opened:
    """An index opened in one process for one store version."""

    searcher: tantivy.Searcher
    schema: tantivy.Schema
    complete: bool


class TextIndex:
    """The indexes of a :class:`fengong.store.GraphStore`, opened (or rebuilt) when first searched."""

    def __init__(self, graph_store, directory: Path, union_default_graph: bool = True):
        self.graph_store = graph_store
        self.directory = directory
        self.union_default_graph = union_default_graph
        self._lock = threading.Lock()
        self._opened: tuple[int, str, dict[str, _Opened]] | None = None  # (pid, version, indexes by kind)

    def ensure(self) -> None:
        """Build the indexes now if they are not built for the store's version."""
        self._current()

    def _current(self) -> dict[str, _Opened]:
        version = self.graph_store.version
        with self._lock:
            if self._opened is None or self._opened[:2] != (os.getpid(), version):
                marker = self.directory / "version"
                if not marker.exists() or marker.read_text().strip() != version:
                    build(self.graph_store.store, self.directory, version, self.union_default_graph)
                self._opened = (os.getpid(), version, {name: _open(self.directory / name) for name in KINDS})
            return self._opened[2]

    def search(self, kind: str, text: str, offset: int, limit: int) -> Found | None:
        """The subjects of the index ``kind`` with a text that contains ``text``: how many, and the IRIs of
        the ``limit`` (at least 1) from ``offset`` on, in the question's order. None when the index declines
        (see above)."""
        opened = self._current()[kind]
        if not opened.complete:
            return None
        characters = list(text.lower() if KINDS[kind].fold_case else text)
        if not characters:
            query = tantivy.Query.all_query()  # CONTAINS(x, "") holds for every text
        elif len(characters) == 1:
            query = tantivy.Query.term_query(opened.schema, "text", characters[0])
        else:
            query = tantivy.Query.phrase_query(opened.schema, "text", characters)
        result = opened.searcher.search(query, limit=limit, count=True, order_by_field="rank", offset=offset,
                                        order=tantivy.Order.Asc)
        return Found(result.count, [opened.searcher.doc(address)["iri"][0] for _, address in result.hits])


def _open(folder: Path) -> _Opened:
    index = tantivy.Index.open(str(folder))
    index.register_tokenizer(ANALYZER, _analyzer())
    return _Opened(index.searcher(), index.schema, (folder / "complete").read_text().strip() == "yes")
