"""OCR text of a scan → the text the readers read: the spaces OCR put between characters dropped.

OCR of a scanned document (Tesseract, ABBYY, PaddleOCR) prints spaces between the characters of Chinese words and
around punctuation (``国务 院办公 厅关于深化 企 业登 记``, ``（一 )``, ``市场监管 总局 ,国务``): spaces Chinese never
prints, which cut names, labels and the readers' words. A text whose lines are so spaced (:func:`ocr_spaced`) is
read in a rendering without them (a single space with a Chinese character or mark on one side of it); a run of two
spaces or more is kept, as it parts a table's cells, and so is an indent. Each rendered character is the file's
own, so the spans read in the rendering are put back into the file (:class:`fengong.readers.markup.Rendering`).

Tesseract (``chi_sim``) prints few such spaces but reads a bracket's （ as 〈 or 《 and its ） as ``)``
(``〈市商务局牵头，市财政局配合)``), a pair no typed text prints (:func:`ocr_brackets`); in its rendering the pair is
（…）, a label's ``(一)`` is （一）, and a label whose numeral it garbled (``《A) 推广…``, ``(NX) 强化…``) between two
of its series that leave one number out is that number, and a stray character before a heading's label the series
awaits (人六、 after 五、) is none of it (:func:`_garbled_labels`).

OCR misreads a character of a name (省文化和旅游斤 for 省文化和旅游厅): a unit name of an OCR text that no registry
knows and that does not even end like a body's name (read by its place only), differing in one character at the same
place from one name only that the plan's jurisdiction knows, is that name (:func:`known_names`); a name ending like a
body's stays as printed, as it may name a body the registry lacks (市文物局 beside the known 市文旅局), and so does a
name two characters off or near two known names.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fengong.readers.markup import Rendering
from fengong.readers.vocabulary import numeral_value
from fengong.records import PlanRecord, SourceText
from fengong.textrepair import is_cjk

_SPACE_IN_WORDS = re.compile(r"(?<=[\u4e00-\u9fff，。、；：（）]) (?=[\u4e00-\u9fff，。、；：（）])")
_IDEOGRAPHS = re.compile(r"[\u4e00-\u9fff]")
# A table's row, whose spaces part cells: a number and a space opening it, pipes, tabs, a run of spaces inside it.
_ROW = re.compile(r"^\d+\s|[|\t\u3000]|\S {2,}\S")
_APOSTROPHE = re.compile(r"(?<=[\u4e00-\u9fff）)\]])'(?=[\u4e00-\u9fff])")
_LABEL = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}'", re.M)  # 一' 健全…: read by the outline
# A mark of a sentence with a space on each side, between characters: ``短 板 ， 经 商``.
_SPACED_MARK = re.compile(r"[\u4e00-\u9fff] [，。、；：] [\u4e00-\u9fff]")
# Tesseract's bracket: 〈 or 《 for （, closed by ) or ） on its line or the next two (a title's 《 closes with 》)
_MISPAIRED = re.compile(r"[〈《][^〈《〉》()（）\n]{0,80}(?:\n[^〈《〉》()（）\n]{0,80}){0,2}[)）]")
MISPAIRED = 2  # such pairs a text must hold
# A bracket OCR opened so and whose ） it lost, closing the paragraph's statement (`…。 〈国家邮政局负责` / blank line)
_OPENER = re.compile(r"(?<=[。；;])\s*([〈《])"
                     r"(?=[^〈《〉》()（）\n]*(?:\n[^〈《〉》()（）\n]+){0,2}\n?(?:\n|$))")
_CJK_LABEL = re.compile(r"^[ \t\u3000]*([(（〈《]?)([一二三四五六七八九十]{1,3})([)）])", re.M)
_HEADING = re.compile(r"^[ \t\u3000]*([^\s一二三四五六七八九十(（〈《]?)([一二三四五六七八九十]{1,3})、"
                      r"(?=[^\n。]{2,30}$)", re.M)
# A label whose numeral OCR garbled: one or two characters, no numeral and no mark, in its brackets, a title after
_GARBLED = re.compile(r"^[ \t\u3000]*([(（〈《]?)([^\s()（）〈《〉》、，。：:；;]{1,2})([)）])"
                      r"(?=[ \t]*[\u4e00-\u9fff])", re.M)
RUNNING_TEXT = 12  # ideographs on a line of running text
OCR_LINES = 10  # lines of running text a text must have to be judged
OCR_SHARE = 0.3
APART_SHARE = 0.1  # of lines spaced character by character, their marks too


def ocr_spaced(text: str) -> bool:
    """True for a text read by OCR from a scan: of its lines of running text (twelve ideographs or more, ten lines
    or more, table rows aside), three in ten or more hold two spaces or more between Chinese characters, the runs
    between them short (under twelve characters on average), or one in ten or more is spaced character by
    character, its sentence's marks too (``短 板 ， 经 商 有 关 部 门 ，``: PaddleOCR spaces some lines so and prints
    the rest unspaced). A typed text's spaces part words, fields or columns: on about a tenth of such lines at most (a
    letter-spaced head, a label's field), and never around a full-width mark (a letter-spaced head holds none)."""
    lines = [line for line in map(str.strip, text.splitlines())
             if len(_IDEOGRAPHS.findall(line)) >= RUNNING_TEXT and not _ROW.search(line)]
    spaced = apart = 0
    for line in lines:
        n = len(_SPACE_IN_WORDS.findall(line))
        spaced += n >= 2 and len(line) / (n + 1) < RUNNING_TEXT
        apart += n >= 0.8 * (len(_IDEOGRAPHS.findall(line)) - 1) and _SPACED_MARK.search(line) is not None
    return len(lines) >= OCR_LINES and (spaced >= OCR_SHARE * len(lines) or apart >= APART_SHARE * len(lines))


def ocr_brackets(text: str) -> bool:
    """True for a text read by Tesseract: it opens two brackets or more with 〈 or 《 and closes them with ) or ）."""
    return len(_MISPAIRED.findall(text)) >= MISPAIRED


def render(source: SourceText) -> Rendering:
    """``source`` without OCR's spaces: a single space (or ideographic space) between two characters of a line,
    one of them Chinese (an ideograph, a Chinese or full-width mark), save beside a table's rule read as ``|``; an
    apostrophe between Chinese characters is the 、 it renders, one character for one; a Tesseract text's brackets
    and labels as :func:`_brackets` reads them."""
    raw = source.raw
    kept = [i for i, char in enumerate(raw)
            if not (char in " \u3000" and 0 < i < len(raw) - 1 and not raw[i - 1].isspace()
                    and not raw[i + 1].isspace() and (is_cjk(raw[i - 1]) or is_cjk(raw[i + 1]))
                    and "|" not in raw[i - 1 : i + 2])]  # a table's rule read as | parts cells
    text = "".join(raw[i] for i in kept)
    # OCR (WPS's) reads 、 as an apostrophe (省委金融办' 广东证监局, 省' 市' 县三级): read as 、 between Chinese
    # characters, as a typed text's apostrophe (a quote: '放管服'改革) is not; a label's (一' 健全…) stays as printed
    labels = {m.end() - 1 for m in _LABEL.finditer(text)}
    chars = list(text)
    for m in _APOSTROPHE.finditer(text):
        if m.start() not in labels:
            chars[m.start()] = "、"
    starts, ends = kept, [i + 1 for i in kept]
    if ocr_brackets(raw):
        chars, starts, ends = _brackets(chars, starts, ends)
    return Rendering(source, "".join(chars), starts, ends, rendered_from=None)


def _brackets(chars: list[str], starts: list[int], ends: list[int]) -> tuple[list[str], list[int], list[int]]:
    """Tesseract's brackets read as printed: a mispaired 〈…) or 《…) is （…）, a bracket it opened so after a
    sentence and never closed opens a statement too (（…), a label's (一) 《一) 〈一) is （一）; then its garbled
    labels (:func:`_garbled_labels`)."""
    text = "".join(chars)
    for m in _MISPAIRED.finditer(text):
        chars[m.start()], chars[m.end() - 1] = "（", "）"
    for m in _OPENER.finditer(text):
        chars[m.start(1)] = "（"
    text = "".join(chars)
    for m in _CJK_LABEL.finditer(text):
        if m.group(1):
            chars[m.start(1)] = "（"
        chars[m.start(3)] = "）"
    return _garbled_labels(chars, starts, ends)


def _garbled_labels(chars: list[str], starts: list[int], ends: list[int]
                    ) -> tuple[list[str], list[int], list[int]]:
    """A line opening with a bracketed token of one or two characters that is no numeral (``《A)``, ``(NX)``,
    ``4和)``, ``(人八)``) and a title after it is a label Tesseract garbled where the labels before and after it
    (（五） … （七）, or （五） and none after) leave one number out: it is that number, rendered （六） over the
    garbled characters. Elsewhere it stays as printed (no item)."""
    text = "".join(chars)
    labels = [(m.start(), numeral_value(m.group(2))) for m in _CJK_LABEL.finditer(text) if m.group(1)]
    done: list[tuple[int, int, str]] = []
    for m in _GARBLED.finditer(text):
        if numeral_value(m.group(2)) is not None or not m.group(1) and not re.search(r"\d", m.group(2)):
            continue  # a label read right; an unbracketed token is a label only where OCR read a digit in it
        before = [v for at, v in labels if at < m.start()]
        after = [v for at, v in labels if at > m.start()]
        if not before or (after and after[0] not in (before[-1] + 2, 1)):
            continue
        numeral = "一二三四五六七八九十"[before[-1]] if before[-1] < 10 else None
        if numeral is None:
            continue
        done.append((m.start(1) if m.group(1) else m.start(2), m.end(3), f"（{numeral}）"))
    # a heading's label with a stray character before it (人六、加强行业监管 after 五、): the character is none of it
    headings = [(m.start(2), numeral_value(m.group(2)), m.start(1) if m.group(1) else None)
                for m in _HEADING.finditer(text)]
    for k, (_, value, stray) in enumerate(headings):
        clean = [v for _, v, s in headings[:k] if s is None]
        after = [v for _, v, s in headings[k + 1 :] if s is None]
        if stray is not None and clean and value == clean[-1] + 1 and (not after or after[0] == value + 1):
            done.append((stray, stray + 1, ""))
    done.sort()
    for start, end, label in reversed(done):
        if not label:
            del chars[start], starts[start], ends[start]
            continue
        # the label over the garbled characters: its brackets over theirs, its numeral over what stands between
        chars[start:end] = list(label)
        starts[start:end] = [starts[start], starts[start + 1], starts[end - 1]]
        ends[start:end] = [ends[start], ends[end - 2], ends[end - 1]]
    return chars, starts, ends


MIN_NEAR = 4  # characters a name must have to be taken for a known one it differs from in one


def known_names(plan: PlanRecord) -> None:
    """Each unit of ``plan`` (read from an OCR text) accepted by its place only, named as the one known name of the
    plan's jurisdiction it differs from in one character: OCR's misreading of that name."""
    from fengong.readers.lexicon import project_registry
    from fengong.registry import NATIONAL

    registry = project_registry()
    code = plan.jurisdiction if plan.jurisdiction and registry.ensure(plan.jurisdiction) is not None else NATIONAL

    def named(unit):
        if unit.recognised not in ("label", "context") or len(unit.name) < MIN_NEAR:
            return unit
        near = registry.near(unit.name, code)
        return replace(unit, name=near, recognised="gazetteer") if near is not None else unit

    plan.sections = [replace(s, tasks=tuple(replace(t, units=tuple(named(u) for u in t.units)) for t in s.tasks))
                     for s in plan.sections]
