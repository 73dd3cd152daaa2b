"""Document metadata printed at the head and foot of a government document: title, 文号, issuer, date.

A State Council document opens with its title (often wrapped over two lines) and its number
(``国发〔2019〕3号``) and closes with the issuing body and the date. Each value found is ``stated`` (read from
the text, with the line it came from); a value not found is ``unknown`` and never invented. The jurisdiction
follows from the document number's issuer prefix (国发/国办发 → national, 吉政发 → Jilin, ...).
"""

from __future__ import annotations

import re
from pathlib import Path

from fengong.gazetteer.detect import detect_jurisdiction
from fengong.readers.lines import LineIndex
from fengong.records import FieldValue, PlanRecord, Problem, SourceText
from fengong.textrepair import normalise

DOC_NUMBER = re.compile(r"^\s*([\u4e00-\u9fff]{1,12})\s*[〔\[［(（](\d{4})[〕\]］)）]\s*(\d{1,4})\s*号\s*$")
DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
ISSUER = re.compile(r"^\s*([\u4e00-\u9fff]{0,30}(?:国务院|办公厅|人民政府|委员会|办公室|政府))\s*$")
# The salutation line that follows the head of a document sent down to lower levels.
_SALUTATION = re.compile(r"^.{0,80}(人民政府|各部委|各直属机构|各有关单位|各有关部门)[^。]{0,60}[：:]\s*$")

NATIONAL_PREFIXES = ("国", "中发", "中办发")  # 国发, 国办发, 国办函, 国税发 …; the Party centre
# The one-character abbreviation a province's document numbers start with → its GB/T 2260 code.
PROVINCE_ABBREVIATIONS = {
    "京": "110000", "津": "120000", "冀": "130000", "晋": "140000", "蒙": "150000", "内蒙": "150000",
    "辽": "210000", "吉": "220000", "黑": "230000", "沪": "310000", "苏": "320000", "浙": "330000",
    "皖": "340000", "闽": "350000", "赣": "360000", "鲁": "370000", "豫": "410000", "鄂": "420000",
    "湘": "430000", "粤": "440000", "桂": "450000", "琼": "460000", "渝": "500000", "川": "510000",
    "黔": "520000", "滇": "530000", "云": "530000", "藏": "540000", "陕": "610000", "甘": "620000",
    "青": "630000", "宁": "640000", "新": "650000",
}
NATIONAL_ISSUERS = ("国务院", "国务院办公厅", "中共中央", "中共中央办公厅")
HEAD_LINES = 12  # the head of a document: title, number and salutation come within its first lines
FIELDS = ("title", "identifier", "issued", "publisher", "temporal", "spatial")  # as fengong.documents


def read_metadata(lines: LineIndex) -> dict[str, FieldValue]:
    """The metadata fields of :mod:`fengong.documents`, each ``stated`` with its line, or ``unknown``.

    ``spatial`` (the jurisdiction) is ``inferred`` from the document number's prefix or the issuer.
    """
    found: dict[str, FieldValue] = {}
    head = [line for line in lines.lines[:HEAD_LINES] if not line.blank]
    number_at = next((i for i, line in enumerate(head) if DOC_NUMBER.match(line.text)), None)
    if number_at is not None:
        line = head[number_at]
        found["identifier"] = FieldValue("stated", {"": normalise(line.text)}, f"printed on line {line.number}")
    # Without a number line there is no telling a title from the first line of an excerpt: leave it unknown.
    title_lines = head[:number_at] if number_at else []
    if title_lines and not _SALUTATION.match(title_lines[0].text) and len(title_lines) <= 3:
        title = normalise("".join(line.text for line in title_lines))
        if 4 <= len(title) <= 120 and not title.endswith(("。", "：", ":")):
            where = ", ".join(str(line.number) for line in title_lines)
            found["title"] = FieldValue("stated", {"zh": title}, f"printed on line {where}")
    start = head[number_at].number if number_at is not None else 0
    for line in lines.lines[start:]:
        date = DATE.match(line.text)
        if date is None:
            continue
        y, m, d = date.groups()
        found["issued"] = FieldValue("stated", {"": f"{y}-{int(m):02d}-{int(d):02d}"}, f"printed on line {line.number}")
        issuer = _previous_nonblank(lines, line.number)
        if issuer is not None and ISSUER.match(issuer.text):
            found["publisher"] = FieldValue("stated", {"zh": normalise(issuer.text)},
                                            f"printed on line {issuer.number}")
        break
    code = jurisdiction_of(found)
    if code is not None:
        found["spatial"] = FieldValue("inferred", {"": code}, "from the document number's prefix or the issuer")
    return {key: found.get(key, FieldValue("unknown", {}, "not printed in the text")) for key in FIELDS}


def jurisdiction_of(meta: dict[str, FieldValue]) -> str | None:
    """The GB/T 2260 code the document number or issuer points to, or None when neither tells."""
    number = _value(meta, "identifier")
    if number:
        prefix = DOC_NUMBER.match(number).group(1)
        if prefix.startswith(NATIONAL_PREFIXES):
            return "100000"
        for abbreviation in sorted(PROVINCE_ABBREVIATIONS, key=len, reverse=True):
            if prefix.startswith(abbreviation):
                return PROVINCE_ABBREVIATIONS[abbreviation]
    if _value(meta, "publisher") in NATIONAL_ISSUERS:
        return "100000"
    return None


def _value(meta: dict[str, FieldValue], key: str) -> str | None:
    field = meta.get(key)
    return next(iter(field.values.values()), None) if field is not None else None


def _previous_nonblank(lines: LineIndex, number: int):
    for line in reversed(lines.lines[: number - 1]):
        if not line.blank:
            return line
    return None


def default_slug(source: SourceText) -> str:
    """A slug from the file name (``guofa-2019-03-zonghe-baoshuiqu``), or from the text's hash if it has none."""
    stem = Path(source.path).name.split(".")[0]
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug if slug and len(slug) >= 3 else f"plan-{source.sha256[:12]}"


def new_plan(source: SourceText, lines: LineIndex, slug: str | None, jurisdiction: str | None) -> PlanRecord:
    """An empty plan record with the metadata printed in the text. The given jurisdiction wins; otherwise the
    one the text names (its issuer, title or head: :func:`fengong.gazetteer.detect.detect_jurisdiction`), then
    the one its document number's prefix points to; the field's note says which and why."""
    meta = read_metadata(lines)
    problems = []
    if jurisdiction is not None:
        meta["spatial"] = FieldValue("stated", {"": jurisdiction}, "given with the document")
    else:
        found = detect_jurisdiction(source.raw, title=_value(meta, "title"), issuer=_value(meta, "publisher"))
        if found:
            evidence = "; ".join(f"{e.where}: {e.matched}" for e in found.evidence)
            meta["spatial"] = FieldValue("inferred", {"": found.code}, f"detected from the text ({evidence})")
            jurisdiction = found.code
        elif (jurisdiction := jurisdiction_of(meta)) is None:
            problems.append(Problem(source.path, 1, f"no jurisdiction detected ({found.reason}); unit names are "
                                                    "resolved against national bodies: give --jurisdiction",
                                    "warning"))
    return PlanRecord(slug=slug or default_slug(source), source=source, metadata=meta, jurisdiction=jurisdiction,
                      problems=problems)
