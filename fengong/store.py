"""The embedded RDF store: a pyoxigraph ``Store`` in memory or on disk, and loading files into it.

Every triple file (Turtle, N-Triples, JSON-LD, RDF/XML) goes into a named graph of its own, whose IRI is
derived from the file (:func:`graph_for_file`); quad files (TriG, N-Quads) keep their graphs. Loading never
fetches anything: JSON-LD remote contexts are refused by the parser (no document loader is set). An RDF/XML
file that declares XML entities anywhere, or nests too deep, and a JSON-LD file nesting too deep are refused
before they are parsed (:mod:`fengong.rdfxml`, :mod:`fengong.nesting`).
"""

from __future__ import annotations

import io
import logging
import secrets
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

import pyoxigraph

from fengong import PROJECT_ROOT, load_state
from fengong.inputs import check_text_file
from fengong.namespaces import GRAPH
from fengong.nesting import TooDeep, check_depth
from fengong.rdfxml import UnsafeXml, check_rdfxml

log = logging.getLogger(__name__)

#: File name endings and their RDF syntaxes.
FORMATS = {
    ".ttl": pyoxigraph.RdfFormat.TURTLE,
    ".turtle": pyoxigraph.RdfFormat.TURTLE,
    ".trig": pyoxigraph.RdfFormat.TRIG,
    ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
    ".nq": pyoxigraph.RdfFormat.N_QUADS,
    ".jsonld": pyoxigraph.RdfFormat.JSON_LD,
    ".json": pyoxigraph.RdfFormat.JSON_LD,
    ".rdf": pyoxigraph.RdfFormat.RDF_XML,
    ".owl": pyoxigraph.RdfFormat.RDF_XML,
    ".xml": pyoxigraph.RdfFormat.RDF_XML,
}
QUAD_FORMATS = {pyoxigraph.RdfFormat.TRIG, pyoxigraph.RdfFormat.N_QUADS}
#: Syntaxes an on-disk store bulk-loads (the large ones; JSON-LD and RDF/XML go through the checked parser).
BULK_FORMATS = {pyoxigraph.RdfFormat.N_QUADS, pyoxigraph.RdfFormat.TRIG, pyoxigraph.RdfFormat.N_TRIPLES,
                pyoxigraph.RdfFormat.TURTLE}
#: Quads handed to the store at once while loading.
BATCH = 50_000
#: Bytes read from a file at once while loading (and the step of the progress report).
READ_SIZE = 1 << 20


class LoadError(Exception):
    """A file that cannot be loaded, with a message for people."""


@dataclass(frozen=True)
class LoadReport:
    """What loading one file did: the file, the graph its triples went to (None: its own graphs), the count
    and the time taken."""

    path: Path
    graph: str | None
    triples: int
    seconds: float


def format_for(path: Path) -> pyoxigraph.RdfFormat:
    """The RDF syntax of a file, from its name."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise LoadError(f"{path}: unknown RDF file type {path.suffix!r} (known: {known})") from None


def graph_for_file(path: Path) -> str:
    """The named graph a triple file is loaded into: ``<base>graph/file/<parent folder>/<file name>``."""
    path = Path(path)
    return f"{GRAPH}file/{quote(path.parent.name)}/{quote(path.name)}"


def _check_before_parsing(path: Path, rdf_format: pyoxigraph.RdfFormat) -> None:
    """Refuse what would crash or swamp the parser: XML entities or deep elements, deep JSON."""
    try:
        if rdf_format == pyoxigraph.RdfFormat.RDF_XML:
            check_rdfxml(path)
        elif rdf_format == pyoxigraph.RdfFormat.JSON_LD:
            check_depth(path.read_text(encoding="utf-8", errors="replace"), "json")
    except (UnsafeXml, TooDeep) as error:
        raise LoadError(f"{path}: {error}") from None


class _Reading(io.RawIOBase):
    """A file that tells ``progress`` how many of its bytes have been read: the parsers and Oxigraph's bulk
    loader report nothing while they work, and a national file takes minutes."""

    def __init__(self, raw: BinaryIO, progress: Callable[[int], None]):
        self.raw, self.progress, self.done = raw, progress, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self.raw.readinto(buffer)
        self.done += count
        self.progress(self.done)
        return count


class GraphStore:
    """A pyoxigraph store and what the service needs to know about it.

    ``location`` is the store's directory, or ``None`` for an in-memory store.
    """

    def __init__(self, location: str | Path | None = None, read_only: bool = False, closed: bool = False):
        self.location = Path(location) if location else None
        self.read_only = read_only
        self._statistics: dict | None = None
        # The version names the data: a token drawn when this object is made (in the service's master
        # process, so every worker forked from it shares it; a restart, which may load other data, draws a
        # new one) and the number of changes since (:meth:`changed`).
        self._token = secrets.token_hex(4)
        self._changes = 0
        #: The version whose derived graphs the store holds (:mod:`fengong.scale.derived`); None: none that
        #: are known to follow from the data. Any change leaves it behind the version until they are derived.
        self.derived_version: str | None = None
        if closed and self.location is not None:
            self.store = None  # opened later by reopen(), in the process that will use it
            return
        if self.location is None:
            self.store = pyoxigraph.Store()
        elif read_only:
            self.store = pyoxigraph.Store.read_only(str(self.location))
        else:
            self.location.mkdir(parents=True, exist_ok=True)
            self.store = pyoxigraph.Store(str(self.location))

    def load(self, path: str | Path, progress: Callable[[int], None] | None = None,
             replace: bool = False) -> LoadReport:
        """Load one RDF file (see the module docstring for where its triples go).

        ``progress`` receives the bytes of the file read so far. ``replace``: first empty the graphs the file
        fills, so loading a file again refreshes it.
        """
        path = Path(path)
        if not path.is_file():
            raise LoadError(f"{path}: no such file")
        rdf_format = format_for(path)
        problem = check_text_file(path)
        if problem:
            raise LoadError(f"{path}: {problem}")
        _check_before_parsing(path, rdf_format)
        graph = None if rdf_format in QUAD_FORMATS else graph_for_file(path)
        started = time.monotonic()
        try:
            if replace:
                targets = {pyoxigraph.NamedNode(graph)} if graph else self._graphs_in(path, rdf_format)
                for name in targets:
                    self.store.remove_graph(name)
            with open(path, "rb") as raw:
                source = io.BufferedReader(_Reading(raw, progress), READ_SIZE) if progress else raw
                if self.location is not None and rdf_format in BULK_FORMATS:
                    count = self._bulk_load(source, path, rdf_format, graph)
                else:
                    count = self._add(self._parse(path, rdf_format, source), graph)
        except SyntaxError as error:
            raise LoadError(f"{path}: {error}") from None
        except MemoryError as error:
            # pyoxigraph's parsers raise it for a token (a literal, an IRI) longer than their 16 MiB buffer.
            raise LoadError(f"{path}: too large to parse: {error}") from None
        self.changed()
        report = LoadReport(path, graph, count, time.monotonic() - started)
        log.info("loaded %s: %d triples into %s in %.2f s", path, count, graph or "its own graphs",
                 report.seconds)
        return report

    @staticmethod
    def _parse(path: Path, rdf_format: pyoxigraph.RdfFormat, source: BinaryIO | None = None):
        return pyoxigraph.parse(source, path=None if source else str(path), format=rdf_format,
                                base_iri=path.resolve().as_uri(), rename_blank_nodes=True)

    def _graphs_in(self, path: Path, rdf_format: pyoxigraph.RdfFormat) -> set:
        return {quad.graph_name for quad in self._parse(path, rdf_format)
                if not isinstance(quad.graph_name, pyoxigraph.DefaultGraph)
                and self.store.contains_named_graph(quad.graph_name)}

    def _bulk_load(self, source: BinaryIO, path: Path, rdf_format: pyoxigraph.RdfFormat, graph: str | None) -> int:
        # Oxigraph's bulk loader writes the index files directly, on all cores: at national scale 4-5x faster
        # than adding the quads in transactions (3.7 M triples on disk: ~50 s against ~240 s).
        before = len(self.store)
        self.store.bulk_load(source, format=rdf_format, base_iri=path.resolve().as_uri(),
                             to_graph=pyoxigraph.NamedNode(graph) if graph else None)
        return len(self.store) - before

    def _add(self, quads: Iterable, graph: str | None) -> int:
        target = pyoxigraph.NamedNode(graph) if graph else None
        count, batch = 0, []
        for quad in quads:
            if target is not None:
                quad = pyoxigraph.Quad(quad.subject, quad.predicate, quad.object, target)
            batch.append(quad)
            if len(batch) >= BATCH:
                self.store.extend(batch)
                count += len(batch)
                batch = []
        if batch:
            self.store.extend(batch)
            count += len(batch)
        return count

    def update(self, text: str, base_iri: str | None = None) -> None:
        """Apply a SPARQL Update and note the change. An on-disk store's record first says that its derived
        graphs no longer follow from the data (:func:`fengong.load_state.changing`), so that a process killed
        before they are derived again does not leave them to be served."""
        if self.location is not None:
            load_state.changing(self.location)
        self.store.update(text, base_iri=base_iri)
        self.flush()
        self.changed()

    def close(self) -> None:
        """Close an on-disk store (a forked process must not inherit an open RocksDB); see :meth:`reopen`."""
        if self.location is not None and self.store is not None:
            if not self.read_only:
                self.store.flush()
            self.store = None

    def reopen(self, read_only: bool) -> None:
        """Open an on-disk store again after :meth:`close`, read-only (several processes may) or not."""
        if self.location is not None:
            path = str(self.location)
            self.store = pyoxigraph.Store.read_only(path) if read_only else pyoxigraph.Store(path)
            self.read_only = read_only

    def flush(self) -> None:
        """Write pending changes of an on-disk store."""
        if self.location is not None and not self.read_only:
            self.store.flush()

    def __len__(self) -> int:
        return len(self.store)

    def graph_names(self) -> list[str]:
        """The IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, pyoxigraph.NamedNode))

    def has_graph(self, iri: str) -> bool:
        """Whether the store holds a named graph called ``iri``."""
        return self.store.contains_named_graph(pyoxigraph.NamedNode(iri))

    def statistics(self) -> dict:
        """Counts for the VoID description: triples, subjects, properties, objects, classes, per graph.

        Computed once and kept until the next load or update (:meth:`changed`).
        """
        if self._statistics is None:
            self._statistics = self._count()
        return self._statistics

    def set_statistics(self, statistics: dict) -> None:
        """Take statistics counted elsewhere (by the process that loaded an on-disk store)."""
        self._statistics = statistics

    @property
    def version(self) -> str:
        """Names the data held: changes with every load and update (cached answers are kept per version)."""
        return f"{self._token}.{self._changes}"

    def set_version(self, version: str) -> None:
        """Take the version reached elsewhere (by the process that loaded an on-disk store)."""
        self._token, _, changes = version.partition(".")
        self._changes = int(changes)

    def changed(self) -> None:
        """Note that the data changed: a new version, and the statistics counted again when next asked."""
        self._statistics = None
        self._changes += 1

    def _count(self) -> dict:
        def number(query: str) -> int:
            rows = list(self.store.query(query))
            return int(rows[0][0].value) if rows and rows[0][0] is not None else 0

        whole = "GRAPH ?g { ?s ?p ?o }"
        graphs = {}
        for row in self.store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"):
            if isinstance(row["g"], pyoxigraph.NamedNode):
                graphs[row["g"].value] = int(row["n"].value)
        return {
            "triples": len(self.store),
            "distinct_subjects": number(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {whole} }}"),
            "properties": number(f"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ {whole} }}"),
            "distinct_objects": number(f"SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {{ {whole} }}"),
            "classes": number("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?s a ?c } }"),
            "graphs": graphs,
        }


def default_data_files(root: Path = PROJECT_ROOT) -> list[Path]:
    """The files served when no ``--load`` is given: built graphs, ontology and shapes of the project."""
    files: list[Path] = []
    for pattern in ("data/graphs/*.trig", "ontology/*.ttl", "shapes/*.ttl"):
        files.extend(sorted(root.glob(pattern)))
    return files


def open_store(location: str | Path | None, files: list | None,
               progress: Callable[[Path], Callable[[int], None] | None] | None = None) -> GraphStore:
    """Open a store and load files into it.

    ``location``: directory of a persistent store, or ``None`` for memory. ``files``: files to load; when
    ``None``, :func:`default_data_files`, except into a persistent store that already holds data (which is
    then served as it is, unless its last load did not finish: :mod:`fengong.load_state`). Into a persistent
    store each file replaces the graphs it fills, so loading the same file at every restart does not duplicate
    anything, and the load is all or nothing (:func:`_load_persistent`). ``progress(path)`` may give a callback
    that receives the bytes of that file read so far.
    """
    if location is None:
        graph_store = GraphStore(None)
        for path in default_data_files() if files is None else files:
            graph_store.load(path, progress=progress(Path(path)) if progress else None)
        return graph_store
    location = Path(location)
    _finish_interrupted_swap(location)
    if files is None and (location / "CURRENT").exists():
        graph_store = GraphStore(location)
        if len(graph_store):
            last = load_state.read(location)
            if last["state"] == load_state.LOADING:
                raise LoadError(f"{location}: the last load into this store (of {', '.join(last['files'])}, "
                                f"started {last['at']}) did not finish, so it holds part of the data: load the "
                                "files again with --load")
            log.info("store %s holds %d triples: serving them", location, len(graph_store))
            return graph_store
        graph_store.close()
    files = default_data_files() if files is None else files
    if files:
        _load_persistent(location, files, progress)
    return GraphStore(location)


def _staging(location: Path) -> Path:
    return location.with_name(location.name + ".staging")


def _previous(location: Path) -> Path:
    return location.with_name(location.name + ".previous")


def _load_persistent(location: Path, files: list,
                     progress: Callable[[Path], Callable[[int], None] | None] | None) -> None:
    """Load ``files`` into the on-disk store at ``location``, all or nothing.

    The files go into a copy of the store (a RocksDB checkpoint beside it: hard links, no data copied), which
    replaces the store by two renames once every file is loaded and flushed. A file that cannot be read, a full
    disk or a killed process leaves the store as it was (a load straight into it would leave part of the data,
    the graphs a file replaces already emptied).
    """
    staging = _staging(location)
    shutil.rmtree(staging, ignore_errors=True)
    if (location / "CURRENT").exists():  # a RocksDB store already there: start from its data
        current = GraphStore(location, read_only=True)
        current.store.backup(str(staging))
        current.close()
        if (location / load_state.MARKER).exists():
            shutil.copy2(location / load_state.MARKER, staging / load_state.MARKER)
    staged = GraphStore(staging)
    try:
        load_state.begin(staging, files)
        for path in files:
            staged.load(path, progress=progress(Path(path)) if progress else None, replace=True)
        staged.flush()
        load_state.finish(staging, files)
    except BaseException:
        staged.close()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staged.close()
    previous = _previous(location)
    shutil.rmtree(previous, ignore_errors=True)
    if location.exists():
        location.rename(previous)
    staging.rename(location)
    shutil.rmtree(previous, ignore_errors=True)


def _finish_interrupted_swap(location: Path) -> None:
    """Put back the store a process killed between the two renames of :func:`_load_persistent` left aside (its
    new data is lost with the load that was not acknowledged), and remove what such a process left behind."""
    previous = _previous(location)
    if previous.exists() and not location.exists():
        previous.rename(location)
    shutil.rmtree(previous, ignore_errors=True)
    shutil.rmtree(_staging(location), ignore_errors=True)


def open_configured_store(config: dict) -> GraphStore:
    """:func:`open_store` for a service configuration's ``store`` and ``load`` keys."""
    return open_store(config.get("store"), config.get("load"))
