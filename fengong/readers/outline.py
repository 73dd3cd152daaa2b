"""The document's outline: its numbered paragraphs, nested as printed, each with a stable key.

A paragraph that begins with a numbering label (一、 （一） 1. （1） ① 第三条 …) opens an outline item. Forms nest
in the order the document uses them: a form not yet open below the current item goes one level deeper; a form
already open closes every item below it and takes its place. An item's key is the values of its enclosing
items and its own, joined by ``.`` (``二、`` → ``2``, ``（一）`` under it → ``2.1``, ``1.`` under that →
``2.1.1``), so keys follow the printed numbers, are unique in the document and stay the same at every build.
Labels inside a paragraph's running text (``（1）…；（2）…``) open no item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fengong.readers.lines import Line
from fengong.readers.vocabulary import NUMBERING, numeral_value

ANNEX = re.compile(r"^\s*附\s*件\s*(\d*)\s*[:：]?\s*$|^\s*附\s*[:：]")
# A document's own title printed inside it (the plan after its notice): its numbering starts anew.
TITLE = re.compile(r"^\s*[^。，；：:,;]{4,80}(?:方案|意见|措施|规划|纲要|计划|办法|细则|清单|要点|分工表?)"
                   r"(?:[（(][^）)]{1,20}[）)])?\s*$")

# A box set in the text (专栏　重大工程责任分工, 专栏3 数字基础设施重点工程): its title is no title of a document, and
# its entries belong to the item the box stands in.
BOX = re.compile(r"^\s*专栏\s*[\d一二三四五六七八九十]*(?:[\s　:：]|$)")


@dataclass(frozen=True, eq=False)
class Item:
    """A numbered paragraph: its key within its part of the document, its label as printed, the label's value,
    and the item that encloses it."""

    key: str
    label: str
    number: int
    parent_item: Item | None
    form: str
    line: Line
    body_start: int  # the offset just past the label
    part: int  # 0 for the text before any annex or inner title, then 1, 2 … (an annex numbers anew)


class Outline:
    """Fed the paragraphs in order, it knows which numbered items are open at each point."""

    def __init__(self) -> None:
        self.stack: list[Item] = []
        self.items: dict[str, Item] = {}  # the current part's items by key
        self.part = 0

    @property
    def current(self) -> Item | None:
        """The innermost open item."""
        return self.stack[-1] if self.stack else None

    def feed(self, line: Line) -> Item | None:
        """Read ``line``; the item it opens, or None for a paragraph without a label."""
        found = label_at(line)
        if found is None:
            if ANNEX.match(line.text) or (self.items and TITLE.match(line.text) and not BOX.match(line.text)):
                self.part += 1
                self.stack, self.items = [], {}
            return None
        form, label, value, body_start = found
        if label.startswith("l") and any(item.form == form for item in self.stack):
            return None  # OCR's l for 1 opens a series; inside one it is a letter (a list a. b. … l.)
        while self.stack and form in (item.form for item in self.stack):
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        key = f"{parent.key}.{value}" if parent else str(value)
        if key in self.items:  # a number printed twice: keep both, apart
            key += f"~{sum(k.split('~')[0] == key for k in self.items) + 1}"
        item = self.items[key] = Item(key, label, value, parent, form, line, body_start, self.part)
        self.stack.append(item)
        return item

    @staticmethod
    def root(item: Item) -> Item:
        """The top-level item that holds ``item``."""
        while item.parent_item is not None:
            item = item.parent_item
        return item

    @staticmethod
    def final_keys(used: dict[Item, set[str]]) -> dict[Item, str]:
        """The keys of the items that hold tasks (with those above them), unique across the document's parts
        among tasks and among items (``used``: what each item is, ``task``, ``item`` or both): a key an earlier
        part already used for the same kind gets ``~`` and its part's number (an annex's item ``1.1`` after the
        body's); an annex's item may share the key of the body's task (the graph keeps tasks and items apart)."""
        taken: dict[tuple[str, str], int] = {}
        final: dict[Item, str] = {}
        for item in sorted(used, key=lambda i: i.line.start):
            kinds = used[item]
            clash = any(taken.get((item.key, kind), item.part) != item.part for kind in kinds)
            final[item] = f"{item.key}~{item.part + 1}" if clash else item.key
            for kind in kinds:
                taken.setdefault((item.key, kind), item.part)
        return final


def label_at(line: Line) -> tuple[str, str, int, int] | None:
    """``(form, label as printed, value, offset past the label)`` when ``line`` begins with a numbering label."""
    text = line.text
    lead = len(text) - len(text.lstrip())
    for form, pattern in NUMBERING:
        m = pattern.match(text, lead)
        if m is None:
            continue
        value = numeral_value(m.group(1))
        if value is None:
            continue
        end = m.end()
        while end < len(text) and text[end] in " \t\u3000":
            end += 1
        # the label as printed, without the spaces OCR of a scan puts inside it (（一 ) and 1 . are （一) and 1.)
        return form, re.sub(r"\s+", "", m.group()), value, line.start + end
    return None


def past_inline_label(text: str, start: int, end: int) -> int:
    """Past the enumerator that opens a sub-item inside a paragraph's running text (``；②推动…``, ``；（2）推进…``),
    where one stands at ``start``: the label, not the measure (a task's text begins after its printed label)."""
    for form, pattern in NUMBERING:
        if form in ("chapter", "part", "article"):
            continue
        m = pattern.match(text, start, end)
        if m is not None and numeral_value(m.group(1)) is not None:
            at = m.end()
            while at < end and text[at] in " \t\u3000":
                at += 1
            return at
    return start


def outline_order(key: str) -> tuple:
    """Document order of outline keys: 2.10 after 2.9, 2.3-2 after 2.3-1, annexes after the body."""
    parts = key.replace("-", ".").replace("~", ".").replace(":", ".").split(".")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)
