"""Choose the reader that fits a document, and read it.

The forms, tried in this order: a record table (CSV/TSV files, and XLSX workbooks or HTML pages whose
rendering holds a header row) → ``tabular``, but a table laid out in columns by spaces (pdftotext -layout) is
tried first; the PDF appendix with its one-line header ``序号 工作任务 负责单位`` → ``pdf-table`` (which also reads
the layout form); a header of one cell per line (序号 / 工作任务 / 牵头单位 …) → ``flat-table``; anything else is
prose whose measures carry responsibility statements → ``clauses``. A document's reader can be forced (the
``--reader`` option, or ``reader`` in a folder's ``index.json``). A page's HTML, and an OCR text with spaces inside
its words, are read in their renderings (:mod:`fengong.readers.markup`, :mod:`fengong.readers.ocr`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from fengong.readers import flat_table, layout, markup, ocr, pdf_table, prose, tabular
from fengong.readers.docmeta import new_plan
from fengong.readers.lines import LineIndex
from fengong.readers.markdown import blank_marks
from fengong.readers.rows import map_header
from fengong.readers.sources import HTML_SUFFIXES, load_source
from fengong.records import PlanRecord, ReadError, SourceText
from fengong.textrepair import repair

SNIFF_LINES = 400  # headers sit near the top; a long document is not scanned to its end to choose


def read_pdf_table(source: SourceText, slug: str | None = None, jurisdiction: str | None = None) -> PlanRecord:
    """The PDF appendix reader with the plan around its table: a table laid out in columns by spaces
    (:mod:`fengong.readers.layout`), else one whose rows the extraction ran together
    (:func:`fengong.readers.pdf_table.read_table`)."""
    found = layout.find(LineIndex(source.raw).lines)
    if found is not None:
        return layout.read(source, found, slug, jurisdiction)
    plan = new_plan(source, LineIndex(source.raw), slug, jurisdiction)
    section, problems = pdf_table.read_table(source, plan.jurisdiction)
    plan.sections = [section]
    plan.problems.extend(problems)
    return plan


READERS: dict[str, Callable[..., PlanRecord]] = {
    "tabular": tabular.read,
    "pdf-table": read_pdf_table,
    "flat-table": flat_table.read,
    "clauses": prose.read,
}


def choose_reader(source: SourceText) -> str:
    """The name of the reader whose form ``source`` shows (see the module docstring)."""
    found = table_header(source)
    return found[0] if found is not None else "clauses"


def table_header(source: SourceText) -> tuple[str, int] | None:
    """``(reader, offset of its header's line)`` for the first table form ``source`` shows, or None for prose."""
    source = replace(source, raw=blank_marks(repair(source.raw)))  # Markdown's marks (| **序号** |) are layout
    lines = source.raw.split("\n", SNIFF_LINES)[:SNIFF_LINES]
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    found = layout.find(LineIndex(source.raw).lines[:SNIFF_LINES])
    if found is not None:  # columns laid out by spaces (pdftotext -layout), rows wrapped inside them
        return "pdf-table", found.header.start
    sep = tabular.delimiter(source)  # a plain-text file may hold a table as tab-separated lines too
    at = next((i for i, line in enumerate(lines) if sep in line and map_header(line.split(sep)) is not None), None)
    if at is not None:
        return "tabular", starts[at]
    at = next((i for i, line in enumerate(lines) if pdf_table.header_columns(repair(line))), None)
    if at is not None:
        return "pdf-table", starts[at]
    content = [line for line in LineIndex("\n".join(lines)).lines if not line.blank]
    found = flat_table.find_header(content) or flat_table.find_box_header(content)
    return ("flat-table", content[found[0]].start) if found is not None else None


def with_prose_before(plan: PlanRecord, source: SourceText, end: int) -> None:
    """Add to a table's plan the statements of the text before its table (``source.raw[:end]``), read as prose:
    a plan whose measures close with brackets (（责任单位：…）) may send out a task table as its annex, and both
    state responsibility. A table row whose key a statement of the text already took numbers anew (``3~2``)."""
    before = prose.read(SourceText(source.path, source.raw[:end], source.rendered_from), slug=plan.slug,
                        jurisdiction=plan.jurisdiction)
    plan.problems.extend(p for p in before.problems if p not in plan.problems)
    plan.statements_seen += before.statements_seen
    plan.statements_read += before.statements_read
    if not before.tasks:
        return
    taken = {t.key for t in before.tasks}
    plan.sections[:] = before.sections + [
        replace(s, tasks=tuple(replace(t, key=f"{t.key}~2") if t.key in taken else t for t in s.tasks))
        for s in plan.sections]
    plan.items[:0] = before.items


def read_path(path: Path, relative_to: Path | None = None, reader: str | None = None, slug: str | None = None,
              jurisdiction: str | None = None) -> tuple[PlanRecord, str]:
    """Load, choose a reader (unless given) and read one file; returns the plan and the reader's name.

    Raises :class:`fengong.records.ReadError` for a file that cannot be read or holds no table its reader
    needs; the plan's ``problems`` hold the warnings of loading and reading.
    """
    original, problems = load_source(path, relative_to)
    # a page's source, or a text with its table left as HTML, or an OCR text with spaces inside its words: read in
    # its rendering, spans put back into the file
    rendering = None
    if original.rendered_from is None and (path.suffix.lower() in HTML_SUFFIXES or markup.holds_html(original.raw)):
        rendering = markup.render(original)
    elif original.rendered_from is None and ocr.ocr_spaced(original.raw):
        rendering = ocr.render(original)
    source = rendering.source if rendering is not None else original
    name = reader or choose_reader(source)
    try:
        plan = READERS[name](source, slug=slug, jurisdiction=jurisdiction)
    except ReadError as exc:
        if rendering is None:
            raise
        raise ReadError([rendering.problem(p) for p in exc.problems]) from None
    if name != "clauses":
        plan.count_rows_as_statements()
        found = table_header(source)
        if found is not None and found[0] == name:
            with_prose_before(plan, source, found[1])
    if rendering is not None:
        rendering.restore(plan)
    plan.problems[:0] = problems
    return plan, name
