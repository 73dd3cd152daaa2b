"""Line bookkeeping shared by the readers: offsets, line numbers, blanked page furniture."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

# A table's ruling read as a line of text (OCR of a scan prints it |||, ————): layout, no cell.
RULE_LINE = re.compile(r"^\s*(?:[|｜]{2,}|[—─━]{3,}|[-_=]{6,})\s*$")
# A page number printed on a line of its own (— 2 —, - 12 -, 第3页, 第3页 共8页; OCR of a scan reads either dash as
# 一 or as a hyphen, each on its own: 一 3 一, -3一, 一2-), or the line an OCR tool prints before each page
# (Umi-OCR's --- 第3页 ---): page furniture of a text extracted from print, never content.
PAGE_NUMBER = re.compile(r"^\s*(?:[—－–\-一]{1,2}\s*\d{1,4}\s*[—－–\-一]{1,2}"
                         r"|(-{3}\s*)?第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?(?(1)\s*-{3}))\s*$")


def positions(text: str, display: bool = True) -> list[int]:
    """The column each character of ``text`` starts at: in display columns (a CJK character is two wide, as a
    terminal or a fixed-width rendering lays it out: East Asian wide and full-width characters) or in characters."""
    out, at = [], 0
    for char in text:
        out.append(at)
        at += 2 if display and unicodedata.east_asian_width(char) in ("W", "F") else 1
    return out


def chunks(text: str) -> list[str]:
    """The lines of ``text`` with their line ends, split at ``\\n`` only, as every offset's line number is counted
    (``raw.count("\\n")``): a form feed or a record separator inside a line ends none (str.splitlines would)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int  # offset of the first character
    end: int  # offset just past the last character, line break excluded
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


class LineIndex:
    """The lines of a text with their offsets. ``margins`` (line number → width) skips a margin printed before a
    line's text (its line number, :func:`line_numbers`): the line starts after it."""

    def __init__(self, text: str, margins: dict[int, int] | None = None):
        self.text = text
        self.lines: list[Line] = []
        pos = 0
        for number, chunk in enumerate(chunks(text), 1):
            body = chunk.rstrip("\r\n")
            skip = (margins or {}).get(number, 0)
            self.lines.append(Line(number, pos + skip, pos + len(body), body[skip:]))
            pos += len(chunk)
        self._starts = [line.start for line in self.lines]

    def line_of(self, offset: int) -> int:
        """The 1-based line number holding ``offset``."""
        return max(1, bisect.bisect_right(self._starts, offset))


def blank_out(text: str, furniture: Callable[[str], object]) -> tuple[str, list[int]]:
    """Replace every line for which ``furniture`` is true (``PAGE_NUMBER.match``) by spaces of the same length
    (offsets stay put).

    Page numbers and headers repeated by the PDF are furniture, not content; blanking keeps every other offset
    valid. Returns the new text and the numbers of the blanked lines.

    An extractor that joins its pages with a form feed glues the page's foot to the next page's first line
    (``— 4 —\f4.盘活…``, pdfium's page text ends with its page number): furniture before a form feed becomes form
    feeds, so the line reads as the next page's first, not indented, and is not listed as blanked.
    """
    out: list[str] = []
    blanked: list[int] = []
    for number, chunk in enumerate(chunks(text), 1):
        body = chunk.rstrip("\r\n")
        if body.strip() and furniture(body):
            out.append(" " * len(body) + chunk[len(body):])
            blanked.append(number)
        elif "\f" in body:
            *feet, rest = body.split("\f")
            feet = ["\f" * len(foot) if foot.strip() and furniture(foot) else foot for foot in feet]
            out.append("\f".join([*feet, rest]) + chunk[len(body):])
        else:
            out.append(chunk)
    return "".join(out), blanked


# A page number an OCR tool's paragraphs glued to the end of the page's last line (…人行绍兴市分行、-5-, …每年培训在岗
# 职工1-4一): its dashes as OCR reads them, closing the line.
_GLUED_FOOT = re.compile(r"[—－–\-一]{1,2}\s*\d{1,4}\s*[—－–\-一]{1,2}[ \t]*$")


def glued_feet(text: str) -> str:
    """``text`` with each page number glued to the end of a page's last line blanked (offsets stay put): an OCR
    tool that merges a page's rows into paragraphs runs the page number at the foot into the last row where that
    row reaches the right margin. Only right before a page break (a blank line, blanked furniture, a form feed),
    where a page's foot stands; the line then goes on on the next page."""
    out = chunks(text)
    for k, chunk in enumerate(out[:-1]):
        body = chunk.rstrip("\r\n")
        after = out[k + 1]
        m = _GLUED_FOOT.search(body)
        if m is not None and m.start() > 0 and body[: m.start()].strip() and (not after.strip() or after[:1] == "\f"):
            out[k] = body[: m.start()] + " " * (len(body) - m.start()) + chunk[len(body):]
    return "".join(out)


# A line number printed in the margin of a PDF's lines (line-numbered drafts, 公文 set with 行号), extracted before
# each line's text: ``9 　　８．推进乡村绿化美化…``, ``4 务局、县妇联）``, ``15 三、保障措施``.
_MARGIN_NUMBER = re.compile(r"^(\d{1,3}) (?=[^ \t])")
# A margin number stands before the line's own structure somewhere in its column: an indent, an item's number
# (``9 　　８．``, ``15 三、``), or text that cannot open a line of its own (``8 、县自然资源局``, ``4 务局）``).
_BEFORE_STRUCTURE = re.compile(r"^\d{1,3} (?:[\u3000]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）"
                               r"|[、，,。；）)])")
MARGIN_RUN = 5  # so many lines in a row numbered 1, 2, 3 … make a column of line numbers


def line_numbers(text: str) -> dict[int, int]:
    """The lines of ``text`` that carry a margin line number, and its width (the number and the space after it).

    A column of line numbers is a pattern of the document, not one number: :data:`MARGIN_RUN` or more non-blank
    lines in a row (page furniture and blank lines between them aside) whose numbers count up by one (1 2 3 …, a
    new page starting again), one of them at least printed before the line's own indent or item number, or
    before text that cannot open a line (``8 、县自然资源局``). A table's 序号 column (``1 实施…``) is no such
    column: its rows hold no indent and no item number after the number."""
    found: dict[int, int] = {}
    run: list[tuple[int, int]] = []  # (line number, width) of the current run
    structured = False
    expected = None

    def close() -> None:
        if len(run) >= MARGIN_RUN and structured:
            found.update(run)

    for number, body in enumerate((c.rstrip("\r\n") for c in chunks(text)), 1):
        if not body.strip() or PAGE_NUMBER.match(body):
            continue
        m = _MARGIN_NUMBER.match(body)
        value = int(m.group(1)) if m else None
        if m is not None and value == expected:
            run.append((number, m.end()))
            structured = structured or bool(_BEFORE_STRUCTURE.match(body))
            expected = value + 1
            continue
        close()
        run, structured = ([(number, m.end())], bool(_BEFORE_STRUCTURE.match(body))) if m else ([], False)
        expected = value + 1 if m else None
    close()
    return found


def running_heads(text: str, pages: list[int], before_numbers: bool = True) -> list[int]:
    """The lines that print the document's running head after a page number (``— 3 —`` / ``桃江县…实施方案``), or
    before it on two pages or more (pdftext: ``桃江县…实施方案`` / ``— 3 —``): the first non-blank line after a page
    number (the last before it), where its text stands as a line of its own elsewhere in the document
    too (after another page number, or as the title or the heading it repeats). Furniture, as the page number is.
    A text printed as a line many times elsewhere but after one page number only is a table's recurring cell or a
    wrapped name's last piece (``人力资源社会保`` / ``— 9 —`` / ``障部``), no head. ``before_numbers`` False: the
    heads after a page number only (in a table one cell a line, a cell recurring at the foot of pages, ``2027年底前``,
    is printed before them as a head would be)."""
    lines = [c.rstrip("\r\n") for c in chunks(text)]
    counts: dict[str, int] = {}
    for body in lines:
        if body.strip():
            counts[body.strip()] = counts.get(body.strip(), 0) + 1
    def head(at: int) -> str | None:
        if 0 <= at < len(lines) and counts.get(lines[at].strip(), 0) >= 2 and not PAGE_NUMBER.match(lines[at]) \
                and not re.search(r"[。；;，,：:]", lines[at]) and len(lines[at].strip()) <= HEAD_MAX:
            return lines[at].strip()
        return None

    after: dict[int, str] = {}  # furniture lines in a row (a page number, the header again) precede one line
    before: dict[int, str] = {}
    for page in pages:
        at = page  # the line after the page number (0-based index = number)
        while at < len(lines) and not lines[at].strip():
            at += 1
        if (found := head(at)) is not None:
            after[at] = found
        at = page - 2  # the line before it: pdfium's page text (pdftext) prints each page's head, then its number
        while at >= 0 and not lines[at].strip():
            at -= 1
        if (found := head(at)) is not None:
            before[at] = found
    heads: dict[str, int] = {}
    for found in after.values():
        heads[found] = heads.get(found, 0) + 1
    printed_before: dict[str, int] = {}
    for found in before.values():
        printed_before[found] = printed_before.get(found, 0) + 1
    # before the number, only a line printed so on two pages or more and hardly anywhere else (a cell recurring at
    # the foot of pages is printed in other rows too)
    return sorted({at + 1 for at, found in after.items()
                   if heads[found] >= 2 or counts[found] - heads[found] <= HEAD_ELSEWHERE}
                  | {at + 1 for at, found in before.items() if before_numbers
                     and printed_before[found] >= 2 and counts[found] - printed_before[found] <= HEAD_ELSEWHERE})


def bare_page_numbers(text: str) -> set[int]:
    """The line numbers of page numbers printed as bare digits (a booklet's ``6``, pages parted by blank lines
    only): a line of digits, then a blank gap, then the running head, a line that follows two such numbers or
    more. A table's 序号 standing alone is followed by its row, never by the head."""
    lines = [c.rstrip("\r\n") for c in chunks(text)]
    after: dict[int, str] = {}
    for k, line in enumerate(lines):
        if re.fullmatch(r"\s*\d{1,4}\s*", line) and k + 1 < len(lines) and not lines[k + 1].strip():
            at = k + 1
            while at < len(lines) and not lines[at].strip():
                at += 1
            if at < len(lines):
                after[k + 1] = lines[at].strip()
    counts: dict[str, int] = {}
    for head in after.values():
        counts[head] = counts.get(head, 0) + 1
    return {number for number, head in after.items() if counts[head] >= 2}


HEAD_ELSEWHERE = 2  # the title, the heading a head repeats (a cover and a title page): not a row's every line
HEAD_MAX = 40  # a running head is a title, not a paragraph


# The marks a web page prints where its article ends: the print and close buttons (【打印】【关闭】, 【打印本页】
# 【关闭窗口】), 【我要纠错】, the editor's line (责任编辑：…), the links to the previous and next article, the QR code.
ARTICLE_END = re.compile(r"【\s*(?:打印|关闭|我要纠错)|^\s*(?:责任编辑|上一篇|下一篇)\s*[：:]|扫一扫在手机")
# The site's credits every Chinese government site prints at its foot, kept where an extractor dropped the marks
# above (jusText, readability): its ICP licence, its public-security filing, its site code (浙ICP备05002195号,
# 京公网安备…, 网站标识码：…); the site's fields on the lines right above them are theirs (主办单位：A / 承办：B).
SITE_CREDITS = re.compile(r"ICP[备证]|公网安备|网站标识码")
SITE_FIELD = re.compile(r"^\s*(?:主办|承办|协办|技术支持|运行维护|运维|版权所有)(?:单位)?\s*[：:]")


def page_footer(lines: list[Line], numbered: Callable[[Line], object]) -> set[int]:
    """The numbers of the lines of a web page's footer: from the first line that marks the article's end
    (:data:`ARTICLE_END`) to the end of the text, where no line after it opens a numbered paragraph (``numbered``:
    :func:`fengong.readers.outline.label_at`), or where no such mark stands, from the site's credits
    (:data:`SITE_CREDITS` and the site's fields right above them). Related links, the site's links and credits
    (主办单位：…　版权所有…) are the site's, not the document's; the same marks above the article (a print button
    by its title) leave it alone."""
    last_numbered = max((i for i, line in enumerate(lines) if numbered(line)), default=-1)
    start = next((i for i, line in enumerate(lines) if i > last_numbered and ARTICLE_END.search(line.text)), None)
    if start is None:
        start = next((i for i, line in enumerate(lines) if i > last_numbered and SITE_CREDITS.search(line.text)), None)
        while start is not None and start - 1 > last_numbered and SITE_FIELD.match(lines[start - 1].text):
            start -= 1
    return set() if start is None else {line.number for line in lines[start:]}


def blank_lines(text: str, numbers: set[int], margins: dict[int, int] | None = None) -> str:
    """``text`` with the lines ``numbers`` and the ``margins`` (line number → width) replaced by spaces of the
    same length: offsets stay put."""
    out: list[str] = []
    for number, chunk in enumerate(chunks(text), 1):
        body = chunk.rstrip("\r\n")
        if number in numbers:
            out.append(" " * len(body) + chunk[len(body):])
        elif margins and number in margins:
            out.append(" " * margins[number] + chunk[margins[number]:])
        else:
            out.append(chunk)
    return "".join(out)
