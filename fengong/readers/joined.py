"""A text whose paragraphs join their printed lines with a space → its paragraphs, each on a line of its own.

Some PDF extractors (opendataloader-pdf's text, Markdown, HTML and JSON; pymupdf4llm's Markdown) print each
paragraph they find as one line, its printed lines joined with a space: a space Chinese never prints, cutting
words at every line end (``推动我省银发经济高质 量发展``, ``…（市税务局、国家外汇管理局苏州市分局按职责 分工负责）``),
and a heading or a labelled line joined to the paragraph after it (``二、完善基础设施和物流体系 （四）建设高水平…``,
``责任单位：A、B 完成时限：… （二）推动…``). Their paragraphs are not the document's either: a list item's first line
printed as a paragraph of its own (``- 1.完善…机关企`` / ``事业单位食堂…``), a page's first lines parted from the
page before.

Such a text (:func:`joined_width`: the runs between its single spaces are, most of them, as wide as the page's
line) is read in a rendering (:func:`render`) that puts each of the document's paragraphs, headings and labelled
lines on a line of its own: a space after a run as wide as the line is where the line wrapped (dropped, the
paragraph goes on), one after a sentence's end or a labelled line, or before an item's label or a role label, is
where a line ended (a line break). The text's own spaces stay, and so does one after a shorter run that ends no
sentence (a title's, a table cell's wrapped in its column). Every character is the file's, so spans are put back
into the file (:class:`fengong.readers.markup.Rendering`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from fengong.readers.lexer import opens_with_label
from fengong.readers.lines import Line, LineIndex, running_heads
from fengong.readers.markup import Rendering
from fengong.readers.outline import label_at
from fengong.readers.vocabulary import BACK_POINTER, TOPIC_POINTED
from fengong.records import SourceText
from fengong.textrepair import is_cjk

# A single space between two printed characters: where a printed line ended, in a text that joins lines so.
_SPACE = re.compile(r"(?<=\S) (?=\S)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
FULL_LINES = 10  # runs as wide as the commonest, give or take a character: so many at least, …
FULL_SHARE = 0.5  # … and give or take two, this share of the runs a space closes as wide as a line may be
LINE_MIN = 32  # display columns: a narrower commonest run is a list's or a table's cell, not a page's line
SLACK = 4  # display columns (two characters): the typesetter's rules push a character on, an indent takes two
# the line break after a line and the blank lines after it, before the next line's text
_BLANK_RUN = re.compile(r"\n(?:[ \t\f]*\n)+[ \t\f]*(?=\S)")
FIELD = re.compile(r"[ \t]*[\u4e00-\u9fff]{2,8}[ \t]*[：:]")  # 责任单位：, 完成时限：, 联系人：
_MARK = re.compile(r"[，、。；：,;:]")
# A page number opening a line that goes on with the next page's text (a Markdown heading's marks before it).
_RUN_ON_NUMBER = re.compile(r"[ \t]*(?:#{1,6}[ \t]*)?[—－–\-]{1,2}[\s\xa0]*\d{1,4}[\s\xa0]*[—－–\-]{1,2}"
                            r"[ \t\xa0]+(?=\S)")
SENTENCE_END = ("。", "！", "？", "；", "：", "）", ")", "!", "?", ";", ":")


def _width(text: str) -> int:
    """Display columns: a CJK character or mark is two wide (quotes and dashes too, East Asian ambiguous: a
    Chinese font prints them full), as the page prints them beside digits and Latin letters."""
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F", "A") else 1 for char in text)


def _runs(text: str):
    """``(offset, line, spaces)`` for each line of ``text`` that holds an ideograph and is no table's row (tabs,
    pipes): the offsets in the line of its single spaces."""
    at = 0
    for line in text.split("\n"):
        if _CJK.search(line) and "\t" not in line and "|" not in line:
            yield at, line, [m.start() for m in _SPACE.finditer(line)]
        at += len(line) + 1


def joined_width(text: str) -> int | None:
    """The printed line's width (display columns) where ``text`` joins its paragraphs' printed lines with a
    space: of the runs a single space closes that are as wide as a page's line may be (sixteen characters or
    more: a heading, a labelled line or a paragraph's last line is shorter), ten or more are as wide as the
    commonest of them or two characters wider (the commonest a first line's), give or take a character, and
    half or more give or take two (a first line's indent).
    OCR's spaces part a word's characters (short runs), a typed text's part fields and cells (runs of any width),
    a table's rows are left aside (tabs, pipes). None for any other text."""
    if " " not in text:
        return None
    widths = [w for _, line, spaces in _runs(text)
              for a, b in zip([-1, *spaces], spaces, strict=False) if (w := _width(line[a + 1 : b])) >= LINE_MIN]
    if len(widths) < FULL_LINES:
        return None
    common = Counter(widths).most_common(1)[0][0]
    # the line is as wide as the commonest run, or two characters wider where first lines (indented) are commonest;
    # give or take the character the typesetter's rules push on
    exact, width = max((sum(abs(w - c) <= 2 for w in widths), c) for c in (common, common + SLACK))
    full = sum(abs(w - width) <= SLACK for w in widths)  # a first line too
    # lines that join nothing yet are wider than the runs: the page's lines are, and the runs are a narrower
    # column's lines, a table's cells printed side by side (pdftotext's rows of an unruled table), not paragraphs
    wider = sum(not spaces and _width(line.strip()) > width + SLACK for _, line, spaces in _runs(text))
    return width if exact >= FULL_LINES and full >= FULL_SHARE * len(widths) and wider < FULL_LINES else None


def render(source: SourceText, width: int) -> Rendering:
    """``source`` with its paragraphs rejoined (see the module docstring). A single space is a printed line's end
    where a Chinese character or mark stands on either side of it, or the run it closes is as wide as the line
    (``于201 9年``); a space before a line's content (``- 1.``, ``# 标题``) is the mark's, one after the label
    opening a line the label's (``（一） 推进…``). After a run as wide as the
    line (less a first line's indent: a list item's first line), the paragraph goes on: the space is dropped, and
    so are the blank lines after such a run of running text (marks in it: no title) where it ends no sentence (a
    paragraph parted at a page break or after a list item's first line). After a sentence's end (a paragraph's
    last line) or a labelled line, the line ends: the space is a line break. Before an item's label or a role
    label (（二）…, 责任单位：…), and between two fields (责任单位：… 完成时限：…), a line always ends."""
    raw = source.raw
    dropped: set[int] = _page_feet(raw)
    breaks: set[int] = set()
    goes_on: dict[int, bool] = {}  # for each line holding an ideograph (by offset of its end): its last run goes on
    for at, line, spaces in _runs(raw):
        cut = 0  # where the printed line being measured begins
        opening = 0  # where the line of the rendering begins
        for end in spaces:
            run = _width(line[cut:end].lstrip())
            if not (_CJK.search(line[:end]) and (is_cjk(line[end - 1]) or is_cjk(line[end + 1])
                                                  or run >= width - 2 * SLACK)) or _after_label(line, opening, end):
                continue  # a space of the text itself
            # a field goes on to its next line, save where another field opens (责任单位：… / 完成时限：…)
            field = FIELD.match(line, opening) is not None and FIELD.match(line, end + 1) is not None
            opens = field or _opens(line[end + 1 :])
            if run >= width - 2 * SLACK and not opens:
                dropped.add(at + end)
            elif opens or line[:end].endswith(SENTENCE_END) or FIELD.match(line, opening) is not None:
                breaks.add(at + end)  # a paragraph's last line, a labelled line (完成时限：… / 严格查处…)
                opening = end + 1
            # else a shorter line that ends no sentence: a heading's, a cell's wrapped in its column (区自然资 源和
            # 规划分局): the space stays, as the text's own do
            cut = end + 1
        # a line of running text (a title or a heading prints no mark) as wide as a first line, ending no sentence
        last = line[cut:].strip()
        goes_on[at + len(line)] = (_width(last) >= width - SLACK and not last.endswith(SENTENCE_END)
                                   and _MARK.search(last) is not None)
    for m in _BLANK_RUN.finditer(raw):
        stop = raw.find("\n", m.end())
        if goes_on.get(m.start()) and not _opens(raw[m.end() : stop if stop >= 0 else len(raw)]):
            dropped.update(range(m.start(), m.end()))
    kept = [i for i in range(len(raw)) if i not in dropped]
    text = "".join("\n" if i in breaks else raw[i] for i in kept)
    return Rendering(source, text, kept, [i + 1 for i in kept], rendered_from=source.rendered_from)


def _page_feet(raw: str) -> set[int]:
    """The offsets of a page's number run into the next page's first line (kreuzberg's Markdown prints it as a
    heading before the page's text: ``### — 4 — 财政局、市工信局负责）``), and of the running head standing before
    it (:func:`fengong.readers.lines.running_heads`) with the blank lines after the head: furniture, dropped, so
    that a paragraph (a bracket) cut at the page break goes on across it."""
    dropped: set[int] = set()
    pages = []
    for line in LineIndex(raw).lines:
        m = _RUN_ON_NUMBER.match(line.text)
        if m is not None:
            pages.append(line.number)
            dropped.update(range(line.start, line.start + m.end()))
    index = LineIndex(raw)
    for number in running_heads(raw, pages):
        head = index.lines[number - 1]
        if number in pages:
            continue
        after = _BLANK_RUN.match(raw, head.end)
        dropped.update(range(head.start, after.end() if after else head.end + 1))
    return dropped


def _after_label(line: str, opening: int, end: int) -> bool:
    """Whether the space at ``end`` follows the label opening the line (``（一） 推进…``, ``一、 总体要求``): the
    label's, no line end."""
    found = label_at(Line(0, 0, len(line) - opening, line[opening:]))
    return found is not None and opening + len(line[opening : opening + found[3]].rstrip()) == end


def _opens(text: str) -> bool:
    """Whether ``text`` opens a paragraph of its own: an item's label (（二）, 二、, 3.), a role label
    (责任单位：…), or a statement pointing back over the items above (以上各项任务由A牵头, 上述工作由A负责), which
    documents print after the items it closes, not inside the last one's paragraph."""
    return (label_at(Line(0, 0, len(text), text)) is not None or opens_with_label(text, 0, len(text))
            or BACK_POINTER.match(text) is not None and TOPIC_POINTED.match(text) is not None)
