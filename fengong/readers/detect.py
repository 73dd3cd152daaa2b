"""Choose the reader that fits a document, and read it.

The forms, tried in this order: a record table (CSV/TSV files, and XLSX workbooks or HTML pages whose
rendering holds a header row) → ``tabular``; the PDF appendix with its one-line header ``序号 工作任务 负责单位``
→ ``pdf-table``; a header of one cell per line (序号 / 工作任务 / 牵头单位 …) → ``flat-table``; anything else is
prose whose measures carry responsibility statements → ``clauses``. A document's reader can be forced (the
``--reader`` option, or ``reader`` in a folder's ``index.json``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fengong.readers import flat_table, pdf_table, prose, tabular
from fengong.readers.docmeta import new_plan
from fengong.readers.lines import LineIndex
from fengong.readers.rows import map_header
from fengong.readers.sources import load_source
from fengong.records import PlanRecord, SourceText
from fengong.textrepair import repair

SNIFF_LINES = 400  # headers sit near the top; a long document is not scanned to its end to choose


def read_pdf_table(source: SourceText, slug: str | None = None, jurisdiction: str | None = None) -> PlanRecord:
    """The PDF appendix reader (:func:`fengong.readers.pdf_table.read_table`) with the plan around its table."""
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
    lines = source.raw.split("\n", SNIFF_LINES)[:SNIFF_LINES]
    sep = tabular.delimiter(source)  # a plain-text file may hold a table as tab-separated lines too
    if any(map_header(line.split(sep)) is not None for line in lines if sep in line):
        return "tabular"
    repaired = [repair(line) for line in lines]
    if any(pdf_table.header_columns(line) for line in repaired):
        return "pdf-table"
    content = [line for line in LineIndex("\n".join(lines)).lines if not line.blank]
    if flat_table.find_header(content) is not None:
        return "flat-table"
    return "clauses"


def read_path(path: Path, relative_to: Path | None = None, reader: str | None = None, slug: str | None = None,
              jurisdiction: str | None = None) -> tuple[PlanRecord, str]:
    """Load, choose a reader (unless given) and read one file; returns the plan and the reader's name.

    Raises :class:`fengong.records.ReadError` for a file that cannot be read or holds no table its reader
    needs; the plan's ``problems`` hold the warnings of loading and reading.
    """
    source, problems = load_source(path, relative_to)
    name = reader or choose_reader(source)
    plan = READERS[name](source, slug=slug, jurisdiction=jurisdiction)
    plan.problems[:0] = problems
    if name != "clauses":
        plan.count_rows_as_statements()
    return plan, name
