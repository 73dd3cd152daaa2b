"""A pandas DataFrame printed as text (``to_string()``, or a frame's repr) → the tab-separated rows the table reader
reads, every character kept traceable to the file.

A workbook read with pandas (``read_excel(sheet_name=None, header=None)``) and printed sheet by sheet is a frame per
sheet: a header line of column labels (``0 1 2 …`` where the sheet had no header), then one line per row, the row's
index first (``0``, ``1`` … at the line's start), each cell right-aligned to its label's end, a merged or empty
cell printed ``NaN``. Its columns are known by those ends alone (a cell's text holds spaces of its own), in
characters as pandas pads by default, or in display columns where its East Asian width option is on. Such a frame
is rendered (:func:`render`) as its cells separated by tabs, the index and ``NaN`` left out, and a header of
pandas' column numbers dropped; lines outside a frame stay as they are. The spans read in the rendering are put
back into the file (:class:`fengong.readers.markup.Rendering`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fengong.readers.lines import LineIndex, positions
from fengong.readers.markup import Rendering
from fengong.records import SourceText

MISSING = {"NaN", "<NA>"}  # pandas' print of a missing value (an empty or merged cell)
TOKEN = re.compile(r"\S+")
INDEX_ZERO = re.compile(r"^0 ", re.MULTILINE)  # a frame's first row, opened by its index
WHOLE_FLOAT = re.compile(r"\d+\.0")
MIN_COLUMNS = 3
MIN_ROWS = 2


@dataclass(frozen=True)
class Frame:
    header: int  # the index of its header line
    last: int  # the index of its last row's line
    display: bool  # columns counted in display columns (else characters)
    indexed: bool  # each row opens with its index


def frames(lines) -> list[Frame]:
    """The printed frames among ``lines`` (:class:`fengong.readers.lines.Line`): a header line of labels and two
    lines or more under it, up to a blank line, whose cells all end at the labels' ends; its rows open with the
    running index 0, 1, 2 …, or it has three columns or more and prints ``NaN`` (so no table a typist laid out)."""
    found: list[Frame] = []
    k = 0
    while k < len(lines):
        best = None
        for indexed in (True, False):  # rows opening with the running index are the surer sign
            for display in (False, True):
                end = _rows_under(lines, k, display, indexed)
                if end - k >= MIN_ROWS and (best is None or end > best.last):
                    best = Frame(k, end, display, indexed)
            if best is not None:
                break
        if best is not None and (best.indexed or any(t in MISSING for ln in lines[k + 1 : best.last + 1]
                                                     for t in TOKEN.findall(ln.text))):
            found.append(best)
            k = best.last + 1
        else:
            k += 1
    return found


def _rows_under(lines, k: int, display: bool, indexed: bool) -> int:
    """The index of the last line under the header ``lines[k]`` that keeps to its columns (``k`` for none)."""
    edges = _edges(lines[k].text, display)
    if not edges or len(edges) < MIN_COLUMNS and not indexed or indexed and not lines[k].text[:1].isspace():
        return k
    last = k
    for n, line in enumerate(lines[k + 1 :]):
        if line.blank or _cells(line.text, edges, display, n if indexed else None) is None:
            break
        last = k + 1 + n
    return last


def _edges(text: str, display: bool) -> list[int]:
    at = positions(text + " ", display)
    return [at[m.end()] for m in TOKEN.finditer(text)]


def _cells(text: str, edges: list[int], display: bool, index: int | None) -> list[tuple[int, int]] | None:
    """The ``(start, end)`` of each cell of a row line, its spaces trimmed (an empty cell's ``start == end``), or
    None where the line does not keep to the columns: a character standing across a column's end, a cell not
    right-aligned to it, a line wider than the frame, or (``index``) no running index opening it."""
    text = text.rstrip()  # a line's end (``\r``, spaces an editor left) is no cell's
    at = positions(text + " ", display)
    if index is not None:
        opening = TOKEN.match(text)
        if opening is None or opening.group() != str(index):
            return None
        text = " " * opening.end() + text[opening.end() :]  # the index is no cell
    if at[len(text)] > edges[-1]:
        return None
    cells = []
    i = 0
    for edge in edges:
        start = i
        while i < len(text) and at[i] < edge:
            i += 1
        if i < len(text) and at[i] != edge:
            return None  # a wide character across the column's end
        cell = text[start:i]
        if cell.strip() and (cell[-1].isspace() or at[i] != edge):
            return None  # pandas right-aligns a cell to its label's end
        lead = len(cell) - len(cell.lstrip())
        cells.append((start + lead, i))
    return cells


def printed_frame(raw: str) -> bool:
    """True for a text holding a printed DataFrame (see the module docstring)."""
    if not INDEX_ZERO.search(raw) and not any(m in raw for m in MISSING):
        return False  # no row 0 and no NaN: no frame (a long text is not searched line by line)
    return bool(frames(LineIndex(raw).lines))


def render(source: SourceText) -> Rendering:
    """``source`` with each printed frame's rows as tab-separated cells (see the module docstring)."""
    raw = source.raw
    lines = LineIndex(raw).lines
    out: list[tuple[str, int, int]] = []
    done = 0
    for frame in frames(lines):
        head = lines[frame.header]
        out.extend((raw[i], i, i + 1) for i in range(done, head.start))
        edges = _edges(head.text, frame.display)
        labels = TOKEN.findall(head.text)
        numbered = labels == [str(n) for n in range(len(labels))]  # pandas' column numbers: no row of the table
        rows = [] if numbered else [(head, _cells(head.text, edges, frame.display, None))]
        rows += [(ln, _cells(ln.text, edges, frame.display, n if frame.indexed else None))
                 for n, ln in enumerate(lines[frame.header + 1 : frame.last + 1])]
        for line, cells in rows:
            for j, (start, end) in enumerate(cells):
                if j:
                    gap = line.start + cells[j - 1][1]
                    out.append(("\t", gap, gap + 1))
                if line.text[start:end] not in MISSING:
                    if WHOLE_FLOAT.fullmatch(line.text[start:end]):
                        end -= 2  # a whole number in a column holding NaN, which pandas prints as a float: 2.0
                    out.extend((raw[i], i, i + 1) for i in range(line.start + start, line.start + end))
            out.append(("\n", min(line.end, len(raw) - 1), min(line.end + 1, len(raw))))
        done = lines[frame.last].end + 1
    out.extend((raw[i], i, i + 1) for i in range(done, len(raw)))
    return Rendering(source, "".join(p[0] for p in out), [p[1] for p in out], [p[2] for p in out],
                     rendered_from="frame")
