"""OCR text of a scan → the text the readers read: the spaces OCR put between characters dropped.

OCR of a scanned document (Tesseract, ABBYY, PaddleOCR) prints spaces between the characters of Chinese words and
around punctuation (``国务 院办公 厅关于深化 企 业登 记``, ``（一 )``, ``市场监管 总局 ,国务``): spaces Chinese never
prints, which cut names, labels and the readers' words. A text whose lines are so spaced (:func:`ocr_spaced`) is
read in a rendering without them (a single space with a Chinese character or mark on one side of it); a run of two
spaces or more is kept, as it parts a table's cells, and so is an indent. Each rendered character is the file's
own, so the spans read in the rendering are put back into the file (:class:`fengong.readers.markup.Rendering`).
"""

from __future__ import annotations

import re

from fengong.readers.markup import Rendering
from fengong.records import SourceText
from fengong.textrepair import is_cjk

_SPACE_IN_WORDS = re.compile(r"(?<=[\u4e00-\u9fff，。、；：（）]) (?=[\u4e00-\u9fff，。、；：（）])")
_IDEOGRAPHS = re.compile(r"[\u4e00-\u9fff]")
# A table's row, whose spaces part cells: a number and a space opening it, pipes, tabs, a run of spaces inside it.
_ROW = re.compile(r"^\d+\s|[|\t\u3000]|\S {2,}\S")
_APOSTROPHE = re.compile(r"(?<=[\u4e00-\u9fff）)\]])'(?=[\u4e00-\u9fff])")
_LABEL = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}'", re.M)  # 一' 健全…: read by the outline
# A mark of a sentence with a space on each side, between characters: ``短 板 ， 经 商``.
_SPACED_MARK = re.compile(r"[\u4e00-\u9fff] [，。、；：] [\u4e00-\u9fff]")
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


def render(source: SourceText) -> Rendering:
    """``source`` without OCR's spaces: a single space (or ideographic space) between two characters of a line,
    one of them Chinese (an ideograph, a Chinese or full-width mark); an apostrophe between Chinese characters is
    the 、 it renders, one character for one."""
    raw = source.raw
    kept = [i for i, char in enumerate(raw)
            if not (char in " \u3000" and 0 < i < len(raw) - 1 and not raw[i - 1].isspace()
                    and not raw[i + 1].isspace() and (is_cjk(raw[i - 1]) or is_cjk(raw[i + 1])))]
    text = "".join(raw[i] for i in kept)
    # OCR (WPS's) reads 、 as an apostrophe (省委金融办' 广东证监局, 省' 市' 县三级): read as 、 between Chinese
    # characters, as a typed text's apostrophe (a quote: '放管服'改革) is not; a label's (一' 健全…) stays as printed
    labels = {m.end() - 1 for m in _LABEL.finditer(text)}
    chars = list(text)
    for m in _APOSTROPHE.finditer(text):
        if m.start() not in labels:
            chars[m.start()] = "、"
    text = "".join(chars)
    return Rendering(source, text, kept, [i + 1 for i in kept], rendered_from=None)
