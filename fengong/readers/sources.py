"""Files → :class:`SourceText`: decoding, and a plain-text rendering of spreadsheets.

Readers work on text with line numbers. Plain text is decoded as it is (UTF-8; a GB18030/GBK file is read with
a warning). An XLSX workbook is rendered to text first — one table row per line, cells separated by tabs — and
that rendering is the source the offsets point into (``SourceText.rendered_from`` says so), and so is a
parser's element dump (JSON: opendataloader's, unstructured's, docling's), rendered by
:mod:`fengong.readers.elements`. An HTML page (or a
text holding HTML) is decoded as text; :mod:`fengong.readers.markup` renders it for reading and puts the offsets
back into the file. Binary or undecodable files raise :class:`ReadError` naming the file and the line where
reading stopped.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from fengong.readers import elements
from fengong.records import Problem, ReadError, SourceText

SNIFF = 8192
LONG_LINE = 100_000  # no printed line of a plan is this long: such a line is data, not text
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".csv", ".tsv", ".xlsx", *HTML_SUFFIXES}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def load_source(path: Path, relative_to: Path | None = None) -> tuple[SourceText, list[Problem]]:
    """Read ``path`` into a :class:`SourceText`; returns it with the warnings met (encoding, long lines)."""
    shown = _shown(path, relative_to)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError([Problem(shown, 0, f"cannot read the file: {exc.strerror or exc}")]) from None
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return SourceText(shown, render_xlsx(data, shown), rendered_from="xlsx"), []
    text, problems = decode(data, shown)
    if elements.is_json(text, suffix):  # a parser's element dump: read in the text it renders
        return SourceText(shown, elements.render(text, shown), rendered_from="json"), problems
    return SourceText(shown, text), problems


def decode(data: bytes, shown: str) -> tuple[str, list[Problem]]:
    """UTF-8 (a BOM is dropped), UTF-16 with a BOM, or GB18030 with a warning; binary data is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise ReadError([Problem(shown, 0, "the file is empty")])
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data.decode("utf-16", errors="replace"), shown), []
    if b"\x00" in data[:SNIFF]:
        raise ReadError([Problem(shown, _line_at(data, data.index(b"\x00")), "binary file (NUL bytes): not text")])
    try:
        return _checked(data.decode("utf-8"), shown), []
    except UnicodeDecodeError as exc:
        line = _line_at(data, exc.start)
        bad = data[exc.start : exc.start + 1].hex()
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise ReadError([Problem(shown, line, f"not UTF-8 text (byte 0x{bad} cannot be decoded) "
                                                  "and not GB18030 either")]) from None
        text = _checked(text, shown)
        return text, [Problem(shown, line, f"not UTF-8 (byte 0x{bad} on this line); read as GB18030/GBK, "
                                           "so offsets refer to the decoded text", "warning")]


def too_long(text: str, path: str, number: int) -> Problem | None:
    """A warning when a line is too long to be a printed line; readers skip such lines."""
    if len(text) <= LONG_LINE:
        return None
    return Problem(path, number, f"line of {len(text)} characters skipped: too long to be a line of a document",
                   "warning")


def readable_lines(lines, path: str, problems: list[Problem]):
    """The non-blank lines a reader should look at; lines too long to be printed lines are skipped with a
    warning added to ``problems``."""
    for line in lines:
        if line.blank:
            continue
        if (warning := too_long(line.text, path, line.number)) is not None:
            problems.append(warning)
            continue
        yield line


def render_xlsx(data: bytes, shown: str) -> str:
    """Every sheet as lines of tab-separated cells, each sheet opened by a ``【工作表：name】`` line."""
    import io

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReadError([Problem(shown, 1, f"not a readable XLSX workbook ({exc.__class__.__name__})")]) from None
    out: list[str] = []
    try:
        for sheet in book.worksheets:
            out.append(f"【工作表：{sheet.title}】")
            for row in sheet.iter_rows(values_only=True):
                out.append("\t".join(_cell_text(v) for v in row).rstrip("\t"))
    finally:
        book.close()
    return "\n".join(out) + "\n"


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\t", " ").replace("\r", "").replace("\n", " ")


def _checked(text: str, shown: str) -> str:
    """Refuse decoded text that is mostly control characters: a binary file that happened to decode."""
    sample = text[:SNIFF]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        first = _CONTROL.search(sample)
        raise ReadError([Problem(shown, sample.count("\n", 0, first.start()) + 1, "binary file: control "
                                                                                   "characters, not text")])
    return text


def _line_at(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, index) + 1


def _shown(path: Path, relative_to: Path | None) -> str:
    resolved = path.resolve()
    if relative_to is not None and resolved.is_relative_to(relative_to.resolve()):
        return str(resolved.relative_to(relative_to.resolve()))
    return str(path)
