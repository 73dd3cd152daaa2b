"""China's administrative divisions (province, prefecture, county) as shipped in ``data/registry/divisions.tsv``.

The table is data in the project, derived once from a published package (its header says which and of what date),
so that a plan of any jurisdiction can be placed and its local bodies generated without fetching anything.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from fengong import PROJECT_ROOT

NATIONAL = "100000"
DIVISIONS_FILE = PROJECT_ROOT / "data" / "registry" / "divisions.tsv"
#: The province-level municipalities: their bodies take a city's names (市科技局) at the level of a province.
MUNICIPALITIES = ("11", "12", "31", "50")
COLUMNS = ["code", "name", "short", "parent", "level"]


class DivisionError(Exception):
    """The divisions table is malformed; the message names the file and the line."""


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short: str
    parent: str
    level: str  # provincial, prefectural or county

    @property
    def municipality(self) -> bool:
        return self.level == "provincial" and self.code[:2] in MUNICIPALITIES

    @property
    def prefixes(self) -> tuple[str, ...]:
        """How documents of this division name its own bodies: 省科技厅, 市科技局, 区科技局, 县科技局, 州科技局."""
        if self.level == "provincial":
            return {"省": ("省",), "区": ("自治区", "区")}.get(self.name[-1], ("市",))
        for suffix, prefixes in (("林区", ("林区",)), ("特区", ("特区",)), ("地区", ("地区",)), ("州", ("州",)),
                                 ("区", ("区",)), ("县", ("县",)), ("旗", ("旗",)), ("盟", ("盟",))):
            if self.name.endswith(suffix):
                return prefixes
        return ("市",)

    @property
    def committee(self) -> tuple[str, ...]:
        """The short forms of its Party committee, one per prefix: 省委, 市委, 县委, 地委; 自治区党委 and 区党委."""
        if self.level == "provincial" and self.name.endswith("自治区"):
            return ("自治区党委", "区党委")
        if self.prefixes == ("地区",):
            return ("地委",)
        return tuple(p + "委" for p in self.prefixes)


class Divisions:
    """The table, with each division's chain of divisions above it."""

    def __init__(self, divisions: list[Division]):
        self.by_code = {d.code: d for d in divisions}
        self.children: dict[str, list[Division]] = {}
        for d in divisions:
            self.children.setdefault(d.parent, []).append(d)
        self.by_name: dict[str, list[Division]] = {}
        for d in divisions:
            self.by_name.setdefault(d.name, []).append(d)

    def __contains__(self, code: str) -> bool:
        return code in self.by_code

    def __len__(self) -> int:
        return len(self.by_code)

    def get(self, code: str) -> Division | None:
        return self.by_code.get(code)

    def chain(self, code: str) -> list[str]:
        """The codes above ``code``, nearest first, ending with the national code (a municipality's district
        lies directly in the municipality; a county a province administers directly, in the province)."""
        above = []
        d = self.by_code.get(code)
        while d is not None and d.parent != NATIONAL:
            above.append(d.parent)
            d = self.by_code.get(d.parent)
        return [*above, NATIONAL] if code != NATIONAL else []


@functools.cache
def load_divisions(path: Path = DIVISIONS_FILE) -> Divisions:
    """Read the table (cached: it is the same for every registry of a process)."""
    divisions = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if cells != COLUMNS:
                raise DivisionError(f"{path}:{number}: the column line must be {' '.join(COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(COLUMNS) or not cells[0].isdigit() or len(cells[0]) != 6:
            raise DivisionError(f"{path}:{number}: expected a six-digit code and {len(COLUMNS) - 1} more columns")
        if cells[4] not in ("provincial", "prefectural", "county"):
            raise DivisionError(f"{path}:{number}: level {cells[4]!r} is not provincial, prefectural or county")
        divisions.append(Division(*cells))
    table = Divisions(divisions)
    for d in divisions:
        if d.parent != NATIONAL and d.parent not in table:
            raise DivisionError(f"{path}: {d.code} {d.name} names the parent {d.parent}, which the table lacks")
    return table
