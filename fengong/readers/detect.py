"""Choose the reader that fits a document, and read it.

The forms, tried in this order: a record table (CSV/TSV files, and XLSX workbooks or HTML pages whose
rendering holds a header row) → ``tabular``, but a table laid out in columns by spaces (pdftotext -layout) is
tried first; the PDF appendix with its one-line header ``序号 工作任务 负责单位`` → ``pdf-table`` (which also reads
the layout form); a header of one cell per line (序号 / 工作任务 / 牵头单位 …) → ``flat-table``; anything else is
prose whose measures carry responsibility statements → ``clauses``. A document's reader can be forced (the
``--reader`` option, or ``reader`` in a folder's ``index.json``). A page's HTML, and an OCR text with spaces inside
its words, and a workbook printed by pandas, are read in their renderings (:mod:`fengong.readers.markup`,
:mod:`fengong.readers.ocr`, :mod:`fengong.readers.frame`), and so is a text whose paragraphs join their printed
lines by spaces (:mod:`fengong.readers.joined`), a page's HTML too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from fengong.readers import element_lines, flat_table, frame, joined, layout, markup, ocr, pdf_table, prose, tabular
from fengong.readers.docmeta import new_plan
from fengong.readers.lexicon import lexicon_for
from fengong.readers.lines import LineIndex
from fengong.readers.markdown import blank_marks, drawn_columns
from fengong.readers.rows import SECTION_ROW, carried_by_notes, carried_units, map_header
from fengong.readers.sources import HTML_SUFFIXES, load_source
from fengong.records import PlanRecord, ReadError, SourceText
from fengong.textrepair import repair

SNIFF_LINES = 400  # headers sit near the top; a long document is not scanned to its end to choose


def read_pdf_table(source: SourceText, slug: str | None = None, jurisdiction: str | None = None) -> PlanRecord:
    """The PDF appendix reader with the plan around its table: a table laid out in columns by spaces
    (:mod:`fengong.readers.layout`), else one whose rows the extraction ran together
    (:func:`fengong.readers.pdf_table.read_table`)."""
    found = layout.find(LineIndex(blank_marks(repair(source.raw))).lines, drawn_columns(source.raw))
    if found is not None:
        plan = layout.read(source, found, slug, jurisdiction)
    else:
        plan = new_plan(source, LineIndex(source.raw), slug, jurisdiction)
        section, items, problems = pdf_table.read_table_items(source, plan.jurisdiction)
        plan.sections = [section]
        plan.items = items
        plan.problems.extend(problems)
    # a standing note under the table or in the notice (各设区市政府负责…，表中不再一一列出) carries its units to
    # every row, as in a table of any other rendering
    index = LineIndex(source.raw)
    rows = {n for s in plan.sections for t in s.tasks if t.row_span is not None
            for n in range(t.row_span.line, index.line_of(t.row_span.end) + 1)}
    carried = carried_by_notes(replace(source, raw=blank_marks(repair(source.raw))), lexicon_for(plan.jurisdiction),
                               rows)
    if carried:
        plan.sections = [replace(s, tasks=tuple(replace(t, units=t.units + carried_units(t, carried))
                                                for t in s.tasks)) for s in plan.sections]
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
    original = repair(source.raw)
    source = replace(source, raw=blank_marks(original))  # Markdown's marks (| **序号** |) are layout
    lines = source.raw.split("\n", SNIFF_LINES)[:SNIFF_LINES]
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    found = layout.find(LineIndex(source.raw).lines[:SNIFF_LINES], drawn_columns(original))
    if found is not None:  # columns laid out by spaces (pdftotext -layout), rows wrapped inside them
        return "pdf-table", found.header.start
    sep = tabular.delimiter(source)  # a plain-text file may hold a table as tab-separated lines too
    at = next((i for i, line in enumerate(lines) if sep in line and map_header(line.split(sep)) is not None), None)
    printed = next((i for i, line in enumerate(lines[:at]) if pdf_table.header_columns(repair(line))), None)
    if at is not None and printed is None:
        # pdfminer's boxes of the same table before the copy (its rows' boxes opening with their numbers)
        boxed = [line for line in LineIndex("\n".join(lines[:at])).lines if not line.blank]
        found = flat_table.find_row_box_header(boxed)
        return ("flat-table", boxed[found[0]].start) if found is not None else ("tabular", starts[at])
    # a PDF's page text holding its table (one-line header) before a copy of it that a table tool appended (tabula's
    # to_csv after pypdf's text): the page's text is the document, the copy drops characters inside its cells
    at = printed if printed is not None else next(
        (i for i, line in enumerate(lines) if pdf_table.header_columns(repair(line))), None)
    if at is not None:
        return "pdf-table", starts[at]
    content = [line for line in LineIndex("\n".join(lines)).lines if not line.blank]
    found = flat_table.find_header(content) or flat_table.find_box_header(content) or flat_table.find_row_box_header(
        content)
    return ("flat-table", content[found[0]].start) if found is not None else None


def with_prose_around(plan: PlanRecord, source: SourceText, end: int) -> None:
    """Add to a table's plan the statements of the text around its table, read as prose: the text before its
    header (``source.raw[:end]``) and the text after its last row, the table's lines blanked in between (offsets
    stay the file's). A plan whose measures close with brackets (（责任单位：…）) may send out a task table as its
    annex, and a plan may hold its task table among its sections (二、重点任务 with the table, then 三、保障措施 whose
    measures a closing sentence gives units): both state responsibility. A table row whose key a statement of the
    text already took numbers anew (``3~2``)."""
    last = max((t.row_span.end for s in plan.sections for t in s.tasks if t.row_span is not None), default=end)
    start, after = _with_notes(source.raw, end, max(last, end))
    copy = _appended_copy(source.raw, after)
    text = source.raw[:start] + re.sub(r"[^\n]", " ", source.raw[start:after]) + source.raw[after:]
    if copy is not None:  # the table read again as prose would be its rows twice
        text = text[: copy[0]] + re.sub(r"[^\n]", " ", text[copy[0] : copy[1]]) + text[copy[1] :]
    before = prose.read(SourceText(source.path, text, source.rendered_from), slug=plan.slug,
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


DELIMITED = re.compile(r"[\t,|]")


def _appended_copy(raw: str, after: int) -> tuple[int, int] | None:
    """Where a table tool's copy of the table stands after it, ``(start, end)``, or None: the header printed again
    with its cells delimited (tabula-py's ``to_csv``, ``convert_into`` as TSV: ``序号,重点任务,牵头单位,配合单位``),
    then the lines that hold a delimiter, or none (the blank lines between its pages' tables)."""
    lines = LineIndex(raw).lines
    first = next((k for k, ln in enumerate(lines) if ln.start >= after and DELIMITED.search(ln.text)
                  and map_header([c for c in re.split(r"[\t,|\s]+", ln.text) if c]) is not None), None)
    if first is None:
        return None
    last = first
    while last + 1 < len(lines) and (lines[last + 1].blank or DELIMITED.search(lines[last + 1].text)):
        last += 1
    return lines[first].start, lines[last].end


def _with_notes(raw: str, start: int, end: int) -> tuple[int, int]:
    """The lines of a table from its header's (at ``start``) to its last row's (holding ``end``), with the notes
    standing right above and right below it (``注：标*的为牵头单位…``, ``说明：1.…``; the blank lines between): the
    table's, not the text's (its lead rule and its standing units hold for its rows, not for the prose)."""
    lines = LineIndex(blank_marks(repair(raw))).lines  # a grid table's border above its header is no text
    first = next(k for k, ln in enumerate(lines) if ln.end >= start)
    last = next(k for k, ln in enumerate(lines) if ln.end >= end)
    above = first - 1
    while above >= 0 and lines[above].blank:
        above -= 1
    opening = above  # the first line of the paragraph above the header
    while opening > 0 and not lines[opening - 1].blank:
        opening -= 1
    if above >= 0 and layout.NOTE.match(lines[opening].text):
        first = opening
    below = last + 1
    while below < len(lines) and lines[below].blank:
        below += 1
    if below < len(lines) and layout.NOTE.match(lines[below].text):
        last = below  # the note runs to a blank line or the next item of the outline (三、工作要求)
        while last + 1 < len(lines) and not lines[last + 1].blank and not SECTION_ROW.match(lines[last + 1].text):
            last += 1
    return lines[first].start, lines[last].end


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
    elif original.rendered_from is None and frame.printed_frame(original.raw):
        rendering = frame.render(original)  # a workbook printed by pandas: its frames' cells found by their columns
    source = rendering.source if rendering is not None else original
    if element_lines.category_lines(source.raw):  # unstructured's elements one a line, opened by their category
        stripped = element_lines.render(source)
        rendering = rendering.then(stripped) if rendering is not None else stripped
        source = rendering.source
    width = joined.joined_width(source.raw)
    if width is not None:  # paragraphs printed one a line, their printed lines joined by spaces (opendataloader)
        restored = joined.render(source, width)
        rendering = rendering.then(restored) if rendering is not None else restored
        source = rendering.source
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
            with_prose_around(plan, source, found[1])
    if rendering is not None:
        rendering.restore(plan)
    plan.problems[:0] = problems
    return plan, name
