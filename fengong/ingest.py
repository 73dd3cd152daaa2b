"""``fengong ingest PATH ... -o DATASET.trig``: many plan documents → one dataset, one named graph per plan.

Each file is read by the reader its form calls for (:mod:`fengong.readers.detect`; a folder's ``index.json``
may set ``reader``, ``jurisdiction`` or ``slug`` per file, and a ``*.meta.toml`` sidecar is read as
``fengong build`` reads it). Each plan becomes a named graph through :func:`fengong.graph.plan_graph`; the
registry's graphs are added once. A document that cannot be read is reported with its line and the others
still go through. The dataset (TriG, or N-Quads for ``.nq``) and a report of every document (tasks, units,
warnings; ``.report.json`` and ``.report.csv`` beside it) are written atomically.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import click
from tqdm import tqdm

from fengong import PROJECT_ROOT, trig
from fengong.atomic import write_atomically
from fengong.documents import read_document
from fengong.graph import nquads, plan_graph_iri, plan_iri, plan_triples, registry_graph_iri, registry_triples
from fengong.readers.detect import READERS, read_path
from fengong.readers.rows import unread_header
from fengong.readers.sources import TEXT_SUFFIXES
from fengong.records import FieldValue, PlanRecord, Problem, ReadError
from fengong.registry import NATIONAL, Registry, RegistryError, default_registry_paths, load_registry

FORMATS = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads"}
INDEX = "index.json"
SIDECAR = ".meta.toml"
# A folder's own documentation (README.md, NOTES.md, readme.txt): about the documents, not one of them.
FOLDER_NOTES = re.compile(r"^(?:readme|notes?)\.[a-z]+$", re.IGNORECASE)


@dataclass
class Document:
    """One file to ingest, with what its folder's index says about it."""

    path: Path
    reader: str | None = None
    jurisdiction: str | None = None
    slug: str | None = None
    described: dict[str, str] = field(default_factory=dict)  # title, number, issuer, date, url from the index


# What a folder's index.json may say of a document → the plan metadata field and its language tag.
INDEX_FIELDS = {"title": ("title", "zh"), "number": ("identifier", ""), "issuer": ("publisher", "zh"),
                "date": ("issued", "")}


@dataclass
class DocumentReport:
    """One row of the ingest report."""

    file: str
    status: str = "ok"  # ok | error
    slug: str = ""
    reader: str = ""
    jurisdiction: str = ""  # GB/T 2260 code the plan was read as of
    jurisdiction_basis: str = ""  # how it was known: given, or detected and from what
    jurisdictions: list[str] = field(default_factory=list)  # of the plan and of the bodies it names
    tasks: int = 0
    assignments: int = 0
    units: int = 0  # distinct unit names
    unresolved: int = 0  # distinct names the registry does not know
    open_lists: int = 0
    statements_seen: int = 0  # responsibility statements the reader saw
    statements_read: int = 0  # … and read; a document that has some but reads none is an error
    fallback_units: int = 0  # mentions accepted by the suffix heuristic, a label or context only (to review)
    warnings: int = 0
    written: bool = False  # its plan's graph is in the output (an error may leave what was read of it there)
    messages: list[str] = field(default_factory=list)


def find_documents(paths: list[Path]) -> list[Document]:
    """The files under ``paths`` (folders searched recursively, their README and NOTES files left out), with
    their folders' ``index.json`` settings. A file named in ``paths`` is read whatever its name."""
    documents: dict[Path, Document] = {}
    indexes: dict[Path, dict] = {}
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        sidecar_sources = {_sidecar_source(p) for p in files if p.name.endswith(SIDECAR)}
        for file in files:
            wanted = file.name.endswith(SIDECAR) or (file.suffix.lower() in TEXT_SUFFIXES and file.name != INDEX
                                                     and not FOLDER_NOTES.match(file.name))
            if path.is_dir() and (not wanted or file in sidecar_sources):
                continue
            documents.setdefault(file.resolve(), Document(file, **_index_entry(file, indexes)))
    return list(documents.values())


def ingest_one(document: Document, registry: Registry, root: Path, forced_reader: str | None,
               jurisdiction: str | None, rdf_format: str) -> tuple[DocumentReport, PlanRecord | None, str]:
    """Read one document and serialise its graph; a document that cannot be read gives an error report."""
    report = DocumentReport(file=_shown(document.path, root))
    try:
        plan, report.reader = read_one(document, root, forced_reader, jurisdiction)
    except ReadError as exc:
        report.status = "error"
        report.messages = [str(p) for p in exc.problems]
        return report, None, ""
    except (OSError, ValueError, KeyError) as exc:  # a reader's bug must not stop the other documents
        report.status = "error"
        report.messages = [f"{report.file}:0: error: could not be read ({exc.__class__.__name__}: {exc})"]
        return report, None, ""
    triples, unresolved = plan_triples(plan, registry)
    tasks = plan.tasks
    spatial = plan.metadata.get("spatial")
    report.jurisdiction = plan.jurisdiction or NATIONAL
    report.jurisdiction_basis = f"{spatial.basis}: {spatial.note}" if spatial is not None else ""
    report.jurisdictions = sorted({report.jurisdiction} | {getattr(registry.resolve(u.name, report.jurisdiction),
                                                                   "jurisdiction", report.jurisdiction)
                                                           for t in tasks for u in t.units})
    mentions = [u for t in tasks for u in t.units]
    report.slug = plan.slug
    report.tasks = len(tasks)
    report.assignments = len(mentions)
    report.units = len({u.name for u in mentions})
    report.unresolved = len(unresolved)
    report.open_lists = sum(t.open_ended for t in tasks)
    report.statements_seen, report.statements_read = plan.statements_seen, plan.statements_read
    report.fallback_units = sum(u.recognised in ("suffix", "label", "context") for u in mentions)
    if plan.statements_seen and not plan.statements_read:
        first = next((p for p in plan.problems if "could not be read" in p.message), None)
        plan.problems.append(Problem(report.file, first.line if first else 1, f"{plan.statements_seen} "
                                     "responsibility statement(s) seen and none read: no tasks", "error"))
    if not tasks and not plan.statements_seen:
        header = unread_header(plan.source.raw)
        plan.problems.append(Problem(report.file, header or 1, (
            "a table header naming units stands here, but no row of it was read (a form or rendering fengong does not "
            "read yet): the document is written with no tasks" if header else
            "no responsibility statement found: the document is written with no tasks"), "warning"))
    report.warnings = len(plan.problems)
    report.messages = [str(p) for p in plan.problems] + [
        f"{report.file}: warning: unit {u.name!r} is not in the registry of {u.jurisdiction}; kept as an "
        "unresolved agent" for u in unresolved]
    if any(p.severity == "error" for p in plan.problems):
        report.status = "error"
    # Written straight from the builder's plain triples: rdflib terms would cost ten times more per plan.
    return report, plan, serialise(triples, str(plan_graph_iri(plan.slug)), rdf_format, str(plan_iri(plan.slug)))


def read_one(document: Document, root: Path, forced_reader: str | None = None,
             jurisdiction: str | None = None) -> tuple[PlanRecord, str]:
    """Read one document (a text with its folder's index entry, or a sidecar) into a plan, and say which reader
    read it. Raises :class:`ReadError` when it cannot be read."""
    if document.path.name.endswith(SIDECAR):
        plan, problems = read_document(document.path, root)
        plan.problems.extend(problems)
        plan.count_rows_as_statements()
        return plan, "sidecar"
    plan, reader = read_path(document.path, root, reader=forced_reader or document.reader, slug=document.slug,
                             jurisdiction=document.jurisdiction or jurisdiction)
    _describe(plan, document)
    return plan, reader


def _describe(plan: PlanRecord, document: Document) -> None:
    """Metadata the text does not print, taken from the folder's index (which cites where the text came from)."""
    where = document.described.get("url") or document.described.get("source")
    for key, (name, lang) in INDEX_FIELDS.items():
        value = document.described.get(key)
        if value and plan.metadata.get(name, FieldValue("unknown")).basis == "unknown":
            note = "given in the folder's index.json" + (f" (text from {where})" if where else "")
            plan.metadata[name] = FieldValue("stated", {lang: value}, note)


def serialise(triples: list, graph: str, rdf_format: str, plan: str | None = None) -> str:
    """One named graph as a TriG block (a plan's own IRIs relative to the plan) or as N-Quads lines."""
    if rdf_format == "trig":
        return "\n" + trig.block(triples, graph, base=plan + "/" if plan else None)
    return nquads(triples, graph)


# A worker's registry and settings, set once per process (the registry is loaded before the pool forks).
_WORKER: dict = {}


def _work(document: Document):
    """Ingest one document in a worker; its graph goes to the worker's own part file, not through the pipe.

    Sending each graph back to the parent as text cost more than reading the document; the parent now only
    gets the report and where the bytes are, and copies them into the dataset in document order.
    """
    report, plan, text = ingest_one(document, **_WORKER["settings"])
    data = text.encode("utf-8")
    part = _WORKER.get("part")
    if part is None:
        part = _WORKER["part"] = open(os.path.join(_WORKER["parts"], f"part-{os.getpid()}"), "ab")  # noqa: SIM115
    start = part.tell()
    part.write(data)
    part.flush()
    return report, part.name, start, len(data)


def ingest(documents: list[Document], output: Path, registry: Registry, root: Path, reader: str | None = None,
           jurisdiction: str | None = None, jobs: int = 1, progress: bool = True) -> list[DocumentReport]:
    """Ingest ``documents`` into ``output`` (written atomically) and return one report per document."""
    rdf_format = FORMATS[output.suffix.lower()]
    reports: list[DocumentReport] = []
    slugs: dict[str, str] = {}
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    parts = tempfile.mkdtemp(prefix=f".{output.name}.parts.", dir=output.parent)
    _WORKER.clear()
    _WORKER.update(parts=parts, settings=dict(registry=registry, root=root, forced_reader=reader,
                                              jurisdiction=jurisdiction, rdf_format=rdf_format))
    sources: dict[str, int] = {}
    try:
        with os.fdopen(fd, "wb") as out:
            if rdf_format == "trig":
                out.write(trig.HEAD.encode("utf-8"))
            out.flush()  # the plans are copied into the file descriptor itself, after what is buffered here
            with _workers(jobs) as pool:
                results = pool.imap(_work, documents, chunksize=8) if pool else map(_work, documents)
                bar = tqdm(results, total=len(documents), desc="ingesting", unit="doc", disable=not progress,
                           file=sys.stderr)
                for report, part, start, length in bar:
                    if report.status != "error" or length:
                        if report.slug in slugs:
                            report.status = "error"
                            report.messages.append(f"{report.file}:1: error: slug {report.slug!r} is already used "
                                                   f"by {slugs[report.slug]}; not ingested")
                            length = 0
                        slugs.setdefault(report.slug, report.file)
                    report.written = bool(length)
                    if length:
                        if part not in sources:
                            sources[part] = os.open(part, os.O_RDONLY)
                        _copy(sources[part], out.fileno(), start, length)
                    reports.append(report)
                    for code in report.jurisdictions:  # generated jurisdictions the plan's bodies belong to
                        registry.ensure(code)
            # The registries last: only now is every jurisdiction a plan named known.
            for code in sorted(registry.jurisdictions):
                triples = trig.sorted_triples(registry_triples(registry.jurisdictions[code], registry))
                out.write(serialise(triples, str(registry_graph_iri(code)), rdf_format).encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; a dataset is for sharing
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        for handle in sources.values():
            os.close(handle)
        if _WORKER.get("part") is not None:
            _WORKER.pop("part").close()
        shutil.rmtree(parts, ignore_errors=True)
    return reports


def _copy(source: int, target: int, start: int, length: int) -> None:
    """Append ``length`` bytes of ``source`` from ``start`` to ``target``, in the kernel where it can."""
    while length:
        done = os.copy_file_range(source, target, length, start)
        if done == 0:
            raise OSError("a part file ended early")
        start += done
        length -= done


class _workers:
    """A process pool for ``jobs`` > 1, or nothing (work in this process)."""

    def __init__(self, jobs: int):
        self.pool = multiprocessing.get_context("fork").Pool(jobs) if jobs > 1 else None

    def __enter__(self):
        return self.pool

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()


def write_reports(reports: list[DocumentReport], output: Path) -> tuple[Path, Path]:
    """The per-document report beside ``output``: ``<output>.report.json`` and ``<output>.report.csv``."""
    json_path = output.with_name(output.name + ".report.json")
    csv_path = output.with_name(output.name + ".report.csv")
    write_atomically(json_path, json.dumps([asdict(r) for r in reports], ensure_ascii=False, indent=1) + "\n")
    buffer = io.StringIO()
    columns = [f for f in DocumentReport.__dataclass_fields__ if f != "messages"]
    writer = csv.writer(buffer)
    writer.writerow([*columns, "first_message"])
    for r in reports:
        writer.writerow([getattr(r, c) for c in columns] + [r.messages[0] if r.messages else ""])
    write_atomically(csv_path, buffer.getvalue())
    return json_path, csv_path


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The dataset to write: .trig (TriG) or .nq (N-Quads).")
@click.option("--reader", type=click.Choice(sorted(READERS)), default=None,
              help="Read every document with this reader instead of choosing one per document.")
@click.option("--jurisdiction", default=None, metavar="CODE",
              help="GB/T 2260 code for documents that do not show theirs (e.g. 220000).")
@click.option("--registry", "registry_files", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Registry file (repeatable). Default: data/registry/agencies-*.toml.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
def ingest_command(paths: tuple[Path, ...], output: Path, reader: str | None, jurisdiction: str | None,
                   registry_files: tuple[Path, ...], jobs: int, progress: bool) -> None:
    """Read plan documents (files or folders) into one dataset, one named graph per plan.

    The form of each document is detected (tables as CSV/XLSX/HTML, the PDF appendix, tables flattened one
    cell per line, measures with bracketed clauses). A document that cannot be read is reported with its
    line and the others are still ingested; one read with an error (a table row cut short) is reported so and
    what was read of it is written; the exit code is then 2. A report of every document is written beside the
    output (.report.json, .report.csv; ``written`` says whether its plan is in the output).
    """
    if output.suffix.lower() not in FORMATS:
        raise click.UsageError(f"the output must end in one of {', '.join(FORMATS)}: {output}")
    try:
        registry = load_registry(list(registry_files) or default_registry_paths(PROJECT_ROOT))
    except RegistryError as exc:
        raise click.ClickException(f"cannot load the registry: {exc}") from None
    documents = find_documents(list(paths))
    if not documents:
        raise click.ClickException("no documents found in the given paths; nothing was written")
    reports = ingest(documents, output, registry, Path.cwd(), reader, jurisdiction, jobs, progress)
    json_path, _ = write_reports(reports, output)
    # A document with an error is either left out (unreadable, or its slug taken) or, read in part (a table row
    # cut short), written with what was read: the summary says which, so no one takes the kept part for missing.
    left_out = [r for r in reports if not r.written]
    with_errors = [r for r in reports if r.written and r.status == "error"]
    for r in reports:
        for message in r.messages:
            click.echo(message, err=True)
        if r.written:
            click.echo(f"{r.file}: {r.statements_read} of {r.statements_seen} responsibility statement(s) read "
                       f"({r.reader}): {r.tasks} tasks, {r.assignments} assignments, {r.fallback_units} unit "
                       "name(s) accepted by their ending, a label or their place only"
                       + ("; read with errors" if r.status == "error" else ""), err=True)
    written = [r for r in reports if r.written]
    click.echo(f"ingested {len(written)} of {len(reports)} document(s)"
               + (f" ({len(with_errors)} with errors)" if with_errors else "")
               + f": {sum(r.tasks for r in written)} tasks, {sum(r.assignments for r in written)} assignments, "
               f"{sum(r.unresolved for r in written)} unresolved unit name(s); statements read "
               f"{sum(r.statements_read for r in written)} of {sum(r.statements_seen for r in written)} seen "
               f"→ {output} (report: {json_path})")
    if left_out:
        click.echo(f"{len(left_out)} document(s) not ingested, nothing of them written: "
                   + ", ".join(r.file for r in left_out), err=True)
    if with_errors:
        click.echo(f"{len(with_errors)} document(s) read with errors, what was read of them written: "
                   + ", ".join(r.file for r in with_errors), err=True)
    if left_out or with_errors:
        sys.exit(2)


def _index_entry(file: Path, indexes: dict[Path, dict]) -> dict:
    """What the ``index.json`` beside ``file`` says about it (reader, jurisdiction, slug); ``indexes`` keeps
    each folder's index once read (a folder may hold thousands of files)."""
    if file.parent not in indexes:
        indexes[file.parent] = _folder_index(file.parent)
    return indexes[file.parent].get(file.name, {})


def _folder_index(folder: Path) -> dict[str, dict]:
    """A folder's ``index.json`` by file name, read once per folder (a folder may hold thousands of files)."""
    index = folder / INDEX
    if not index.is_file():
        return {}
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return {}
    found: dict[str, dict] = {}
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            settings = {k: str(entry[k]) for k in ("reader", "jurisdiction", "slug") if entry.get(k)}
            settings["described"] = {k: str(entry[k]) for k in (*INDEX_FIELDS, "url", "source") if entry.get(k)}
            found.setdefault(entry["file"], settings)
    return found


def _sidecar_source(sidecar: Path) -> Path | None:
    import tomllib

    try:
        source = tomllib.loads(sidecar.read_text(encoding="utf-8")).get("source")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    return sidecar.parent / source if isinstance(source, str) else None


def _shown(path: Path, root: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(root.resolve())) if resolved.is_relative_to(root.resolve()) else str(path)
