"""Split a printed list of responsible units into unit names, with their places in the text.

A unit list such as ``省残联、省民政厅、省财政厅等`` is split at the list separators; a trailing 等 (or
等有关部门 …) marks the list as open and is not a unit. Names keep their place in the raw text so that each
mention can be traced back; line breaks inside a name (``省公安\\n厅``) are rejoined in the name only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fengong.textrepair import normalise

SEPARATORS = "、，,；;"

# Longest first: the first that ends a list wins.
OPEN_MARKERS = ("等有关部门和单位", "等有关部门、单位", "等有关单位", "等有关部门", "等部门", "等单位", "等")

# What unit names end with. A list piece that ends otherwise is not a unit name (it is task text).
UNIT_SUFFIXES = (
    "厅", "委", "局", "办", "联", "部", "会", "府", "院", "室", "署", "行", "处", "所", "司", "队", "社",
    "中心", "政府", "团省委", "团市委", "团县委", "团中央", "总局", "委员会", "办公室", "集团", "公司",
    "法院", "检察院", "银行", "协会", "学会", "总会", "总工会", "部门", "单位", "机构", "党委", "组织",
    "科协", "组委",
)

# Words that join two units inside one list piece (``省委宣传部和省文化厅``, ``发展改革委会同财政部``). Many
# names contain 和 themselves (人力资源和社会保障部, 国家发展和改革委员会), so a piece is split only where both
# sides are unit names.
CONJUNCTIONS = ("会同", "和", "及", "与")

# Collectives: classes of bodies named by a description, not one body.
COLLECTIVE_PATTERNS = (
    re.compile(r"^(地方)?各级(人民)?政府$"),
    re.compile(r"^地方各级(人民)?政府$"),
    re.compile(r"^各(省|市|县|区|地|级)"),
    re.compile(r"^(各)?(有关|相关)(部门|单位|地方)"),
    re.compile(r"^.{0,6}(试点|示范)(城市|地区|县|区)(人民)?政府$"),
    re.compile(r"^各.*(政府|部门|单位)$"),
)


@dataclass(frozen=True)
class Piece:
    """One unit named in a list: its reading form and its raw slice ``[start, end)``."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class UnitList:
    """A parsed unit list."""

    pieces: tuple[Piece, ...]
    open_ended: bool
    open_marker: Piece | None = None


def looks_like_unit(name: str) -> bool:
    """A plausible unit name: short, no sentence punctuation, ending like a body's name."""
    if not name or len(name) > 30 or re.search(r"[。；;：:，,（）()“”《》\s]", name):
        return False
    return name.endswith(UNIT_SUFFIXES) or is_collective(name)


def is_collective(name: str) -> bool:
    """True when the name describes a class of bodies (地方各级政府, 各有关部门) rather than one body."""
    return any(p.search(name) for p in COLLECTIVE_PATTERNS)


def split_units(raw: str, offset: int = 0) -> UnitList:
    """Split ``raw`` (a slice of the source starting at ``offset``) into unit pieces.

    Raises ``ValueError`` when a piece is empty (two separators in a row) — the caller names the line.
    """
    pieces: list[Piece] = []
    open_marker: Piece | None = None
    pos = 0
    parts = re.split(f"([{re.escape(SEPARATORS)}])", raw)
    for i, part in enumerate(parts):
        if i % 2 == 1:  # a separator
            pos += len(part)
            continue
        start, end = trim(raw, pos, pos + len(part))
        pos += len(part)
        if start == end:
            if i == len(parts) - 1 and pieces:
                continue  # a list may end with its separator before a line break
            raise ValueError(f"empty unit name in list {normalise(raw)!r}")
        name = normalise(raw[start:end])
        if i == len(parts) - 1:
            for marker in OPEN_MARKERS:
                if name.endswith(marker) and len(name) > len(marker):
                    cut = _raw_index_of_suffix(raw, start, end, len(marker))
                    open_marker = Piece(marker, offset + cut, offset + end)
                    start, end = trim(raw, start, cut)
                    name = normalise(raw[start:end])
                    break
        pieces.append(Piece(name, offset + start, offset + end))
    return UnitList(tuple(pieces), open_marker is not None, open_marker)


def split_conjoined(units: UnitList, raw: str, offset: int = 0) -> UnitList:
    """Split the pieces of ``units`` (parsed from ``raw`` at ``offset``) where a conjunction joins two units.

    ``国家发展和改革委员会`` stays whole (国家发展 is no unit); ``民政部和财政部`` becomes two pieces; a collective
    such as 各有关部门和单位 is one class of bodies and stays whole.
    """
    pieces: list[Piece] = []
    for piece in units.pieces:
        pieces.extend(_split_piece(raw, piece, offset))
    return UnitList(tuple(pieces), units.open_ended, units.open_marker)


def _split_piece(raw: str, piece: Piece, offset: int) -> list[Piece]:
    if is_collective(piece.name):
        return [piece]
    start, end = piece.start - offset, piece.end - offset
    for i in range(start + 1, end - 1):
        for word in CONJUNCTIONS:
            if not raw.startswith(word, i):
                continue
            left = trim(raw, start, i)
            right = trim(raw, i + len(word), end)
            left_name, right_name = normalise(raw[left[0] : left[1]]), normalise(raw[right[0] : right[1]])
            if looks_like_unit(left_name) and looks_like_unit(right_name) and len(right_name) > 2:
                head = Piece(left_name, offset + left[0], offset + left[1])
                rest = Piece(right_name, offset + right[0], offset + right[1])
                return [head, *_split_piece(raw, rest, offset)]
    return [piece]


def trim(raw: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` narrowed to leave out white space at both ends of ``raw[start:end]``."""
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def _raw_index_of_suffix(raw: str, start: int, end: int, length: int) -> int:
    """Where the last ``length`` non-space characters of ``raw[start:end]`` begin."""
    seen = 0
    i = end
    while i > start and seen < length:
        i -= 1
        if not raw[i].isspace():
            seen += 1
    return i
