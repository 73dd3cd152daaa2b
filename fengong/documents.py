"""A plan document on disk: its source text plus its sidecar (``<slug>.meta.toml``) → a :class:`PlanRecord`.

The sidecar says which reader fits the text, records the metadata the text cannot give (each field with its
basis), and lists the facts of the body text that people read and fengong anchors in the source.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from fengong.readers import pdf_table
from fengong.readers.lines import LineIndex
from fengong.records import (
    DutyRecord,
    FieldValue,
    PlanRecord,
    Problem,
    ProjectRecord,
    ReadError,
    SectionRecord,
    SourceText,
    Span,
)
from fengong.textrepair import locate, normalise, repair

READERS = {"pdf-table": pdf_table.read_table}
METADATA_FIELDS = ("title", "identifier", "issued", "publisher", "temporal", "spatial")
BASES = {"stated", "inferred", "unknown"}


def sidecars(sources_dir: Path) -> list[Path]:
    """The sidecar files of the documents kept under ``sources_dir``."""
    return sorted(sources_dir.glob("*.meta.toml"))


def read_document(sidecar: Path, root: Path) -> tuple[PlanRecord, list[Problem]]:
    """Read the document a sidecar describes. Raises :class:`ReadError` when it cannot be read."""
    try:
        meta = tomllib.loads(sidecar.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ReadError([Problem(str(sidecar), _toml_line(exc), str(exc))]) from None
    for key in ("slug", "source", "reader", "jurisdiction"):
        if key not in meta:
            raise ReadError([Problem(str(sidecar), 1, f"the sidecar lacks the key {key!r}")])
    reader = READERS.get(meta["reader"])
    if reader is None:
        raise ReadError([Problem(str(sidecar), 1, f"unknown reader {meta['reader']!r}; known: {sorted(READERS)}")])
    text_path = sidecar.parent / meta["source"]
    try:
        source = SourceText.read(text_path, relative_to=root)
    except FileNotFoundError:
        raise ReadError([Problem(str(sidecar), 1, f"the source text {text_path} does not exist")]) from None
    except UnicodeDecodeError as exc:
        raise ReadError([Problem(str(text_path), 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})")]) from None

    table, problems = reader(source, meta["jurisdiction"])
    plan = PlanRecord(slug=meta["slug"], source=source, jurisdiction=str(meta["jurisdiction"]))
    plan.metadata = _metadata(meta, sidecar)
    anchor = _Anchors(source, sidecar)
    plan.sections = [*(_section(s, anchor) for s in meta.get("section", [])), table]
    plan.projects = [_project(p, anchor) for p in meta.get("project", [])]
    plan.duties = [_duty(d, anchor) for d in meta.get("duty", [])]
    return plan, problems


class _Anchors:
    """Finds the passages a sidecar quotes in the (repaired) source and reports those it cannot find."""

    def __init__(self, source: SourceText, sidecar: Path):
        self.text = repair(source.raw)
        self.index = LineIndex(self.text)
        self.sidecar = sidecar

    def span(self, quote: str, what: str) -> Span:
        found = locate(self.text, quote)
        if found is None:
            raise ReadError([Problem(str(self.sidecar), 1, f"{what}: the quote {quote[:30]!r}… is not in the source")])
        return Span(found[0], found[1], self.index.line_of(found[0]))


def _metadata(meta: dict, sidecar: Path) -> dict[str, FieldValue]:
    out: dict[str, FieldValue] = {}
    for name in METADATA_FIELDS:
        entry = meta.get(name, {"basis": "unknown"})
        if entry.get("basis") not in BASES:
            raise ReadError([Problem(str(sidecar), 1, f"[{name}] basis must be one of {sorted(BASES)}")])
        values = {lang: entry[lang] for lang in ("zh", "en") if lang in entry}
        if "value" in entry:
            values[""] = str(entry["value"])
        out[name] = FieldValue(basis=entry["basis"], values=values, note=entry.get("note", ""))
    return out


def _section(entry: dict, anchor: _Anchors) -> SectionRecord:
    return SectionRecord(key=entry["key"], title=entry["title"], number=entry.get("number"),
                         span=anchor.span(entry["quote"], f"section {entry['key']}"))


def _project(entry: dict, anchor: _Anchors) -> ProjectRecord:
    span = anchor.span(entry["quote"], f"project {entry['key']}")
    return ProjectRecord(key=entry["key"], title=entry["title"], text=normalise(entry["quote"]), span=span,
                         number=entry.get("number"), note=entry.get("note", ""))


def _duty(entry: dict, anchor: _Anchors) -> DutyRecord:
    span = anchor.span(entry["quote"], f"duty {entry['key']}")
    return DutyRecord(
        key=entry["key"], duty_type=entry["type"], holders=tuple(entry["holders"]), text=normalise(entry["quote"]),
        span=span, section=entry["section"], addressee=entry.get("addressee"), frequency=entry.get("frequency"),
        due_when=entry.get("due_when"), due_years=tuple(entry.get("due_years", ())), note=entry.get("note", ""),
    )


def _toml_line(exc: tomllib.TOMLDecodeError) -> int:
    return getattr(exc, "lineno", None) or 1
