"""Parsed records: what a reader finds in a source text, before any RDF.

Readers turn source text into these records; ``fengong.graph`` turns records into RDF. Every record that
stands for a piece of the source carries a :class:`Span` into the *raw* text (code-point offsets, end
exclusive), so the graph can point back to the exact place it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Span:
    """A slice ``raw[start:end]`` of the raw source text, with the line it starts on (1-based)."""

    start: int
    end: int
    line: int


@dataclass(frozen=True)
class SourceText:
    """The exact text a plan was read from, pinned by its SHA-256."""

    path: str  # relative to the repository root when the file lives in it
    raw: str
    # Set when ``raw`` is fengong's plain-text rendering of a file that is not plain text ("xlsx", "html"):
    # offsets and the hash then refer to that rendering, which the same file always renders to.
    rendered_from: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw.encode("utf-8")).hexdigest()

    def quote(self, span: Span) -> str:
        return self.raw[span.start : span.end]

    @classmethod
    def read(cls, path: Path, relative_to: Path | None = None) -> SourceText:
        raw = path.read_bytes().decode("utf-8")
        shown = path.resolve()
        if relative_to is not None and shown.is_relative_to(relative_to.resolve()):
            shown = shown.relative_to(relative_to.resolve())
        return cls(path=str(shown), raw=raw)


@dataclass(frozen=True)
class UnitMention:
    """One unit named in a task's list, in printed order."""

    name: str  # as printed, line breaks rejoined and artifacts repaired
    position: int  # 1-based position in the printed list
    role: str  # a role key: lead, participant, guiding, cooperating, implementing
    span: Span
    # True when the unit is not printed with this task but carried over from a standing statement such as
    # 以下均需试点城市政府落实，不再列出 ("all below: pilot city governments implement; not listed again");
    # ``span`` then points at the unit's name in that statement.
    carried: bool = False
    # How the name was accepted as a unit: the gazetteer knew it, it names a collective, it only ends like a
    # body's name (the suffix fallback), a label (责任单位：) introduced it, or it stands in a unit's place beside
    # recognised units (context).
    recognised: str = "gazetteer"
    marked: bool = False  # printed with a mark (*A) that makes it the lead


@dataclass(frozen=True)
class TaskRecord:
    """One task: a row of a task-division table, or a measure with the statement of who carries it out.

    ``key`` places the task in the document's outline (:mod:`fengong.readers.outline`): ``2.1.3`` for the item
    printed ``3.`` under ``（一）`` under ``二、``; ``2.3-2`` for the second of several statements in item ``2.3``;
    a table's row number. ``number`` is the value printed (or the ordinal of an unlabelled statement), ``label``
    the label as printed, ``parent`` the key of the enclosing item.
    """

    number: int
    text: str  # normalised task text
    span: Span  # the task text in the raw source
    units: tuple[UnitMention, ...]
    open_ended: bool = False  # the list ends with 等 / 等有关部门
    row_span: Span | None = None  # the whole row or the measure with its statement, where there is one
    key: str = ""
    label: str = ""
    parent: str | None = None
    reading: str = ""  # the grammar rules that read the statement: "labelled+listed", "verbal+rule", "column"
    lead_basis: str | None = None  # stated (牵头), marked (*A), rule (the document's rule), convention, or None

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", str(self.number))


@dataclass(frozen=True)
class ItemRecord:
    """A numbered item of the document's outline that holds tasks (``（一）强化顶层设计引领…``)."""

    key: str
    label: str
    number: int
    parent: str | None
    title: str  # its paragraph up to the first full stop
    span: Span  # its paragraph


@dataclass(frozen=True)
class SectionRecord:
    """A part of a plan: a chapter, the key projects, or a task-division table."""

    key: str  # stable within the plan, used in IRIs: "annex-1", "chapter-5", ...
    title: str
    number: str | None = None  # as printed: "五", "附件"
    span: Span | None = None
    role_rule: str | None = None  # the source's sentence that maps list order to roles
    role_rule_span: Span | None = None
    role_rule_basis: str = "stated"  # "stated" (the document says so) or "convention" (fengong applied it)
    tasks: tuple[TaskRecord, ...] = ()


@dataclass(frozen=True)
class ProjectRecord:
    """A key project named in the body text."""

    key: str
    title: str
    text: str
    span: Span
    number: int | None = None  # printed number, where the excerpt shows it
    section: str | None = None
    note: str = ""


@dataclass(frozen=True)
class DutyRecord:
    """An obligation of the plan's implementation chapter: who owes what to whom, and when."""

    key: str
    duty_type: str  # a key of the duty: scheme
    holders: tuple[str, ...]  # unit names as printed
    text: str  # normalised sentence
    span: Span
    section: str
    addressee: str | None = None
    frequency: str | None = None
    due_when: str | None = None
    due_years: tuple[int, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class FieldValue:
    """A plan metadata field: its values (keyed by language tag, "" for none) and how it was established."""

    basis: str  # stated | inferred | unknown
    values: dict[str, str] = field(default_factory=dict)
    note: str = ""


@dataclass
class PlanRecord:
    """Everything read from one plan document."""

    slug: str  # stable identifier used in IRIs
    source: SourceText
    metadata: dict[str, FieldValue] = field(default_factory=dict)
    sections: list[SectionRecord] = field(default_factory=list)
    projects: list[ProjectRecord] = field(default_factory=list)
    duties: list[DutyRecord] = field(default_factory=list)
    items: list[ItemRecord] = field(default_factory=list)  # the outline items that hold tasks
    jurisdiction: str | None = None  # GB/T 2260 code, e.g. "220000"
    problems: list[Problem] = field(default_factory=list)  # warnings met while reading, each naming its line
    # Responsibility statements the reader saw, and how many of them it read (the rest are warnings).
    statements_seen: int = 0
    statements_read: int = 0

    def count_rows_as_statements(self) -> None:
        """A table's rows are its statements: each row read is a statement read (one it could not read is a
        problem with its line)."""
        self.statements_seen = self.statements_read = len(self.tasks)

    @property
    def tasks(self) -> list[TaskRecord]:
        return [t for s in self.sections for t in s.tasks]


@dataclass(frozen=True)
class Problem:
    """Something a reader could not read cleanly: it names the document and the line."""

    path: str
    line: int
    message: str
    severity: str = "error"  # error | warning

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


class ReadError(Exception):
    """A document could not be read at all (no task table, wrong encoding, ...)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
