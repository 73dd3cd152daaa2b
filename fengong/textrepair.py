"""Repair and normalise text extracted from PDF.

The Jilin excerpt (and PDFs set in the same fonts) comes out of text extraction with three wrong characters.
Each maps one code point to one code point, so repairing never shifts an offset: a position in the repaired
text is the same position in the raw text, and provenance can point into the raw text.

==========  ======  ==========================================================================
raw         repair  why
==========  ======  ==========================================================================
暋 U+668B   space   a space (often an ideographic indent or letter-spacing) decoded wrongly
暠 U+66A0   ”       the closing double quotation mark decoded wrongly (the opening “ survives)
灡 U+7061   .       the full stop after a list number (“6灡助残…” is “6.助残…”)
==========  ======  ==========================================================================
"""

from __future__ import annotations

import re
import unicodedata

ARTIFACTS = {"暋": " ", "暠": "”", "灡": "."}
_TABLE = str.maketrans(ARTIFACTS)

# Characters around which Chinese typography has no spaces: CJK ideographs, CJK and full-width punctuation,
# and the curly quotes Chinese text uses. A space next to one of them is a PDF layout artifact.
_CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026\u300a\u300b"
)
_SPACE_AFTER_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]+")
_SPACE_BEFORE_CJK = re.compile(rf"[ \t\u3000]+(?=[{_CJK}(（])")
_SPACE_RUN = re.compile(r"[ \t\u3000]+")


def repair(text: str) -> str:
    """Replace the extraction artifacts one code point for one; every other character is kept as it is."""
    return text.translate(_TABLE)


def is_cjk(char: str) -> bool:
    """True for a CJK ideograph or CJK / full-width punctuation mark."""
    return bool(re.match(rf"[{_CJK}]", char))


def normalise(text: str) -> str:
    """The reading form of a passage: artifacts repaired, line breaks rejoined, layout spaces dropped.

    Line breaks inside a passage are where the PDF wrapped a line, not where the author broke it, so they are
    removed; spaces next to Chinese characters are layout; other runs of spaces become one space.
    """
    text = unicodedata.normalize("NFC", repair(text))
    text = text.replace("\r", "").replace("\n", "")
    text = _SPACE_AFTER_CJK.sub("", text)
    text = _SPACE_BEFORE_CJK.sub("", text)
    return _SPACE_RUN.sub(" ", text).strip()


def normalise_typed(text: str) -> str:
    """The reading form of a table cell typed as it stands (a CSV, tab or Markdown table's, not a PDF's): artifacts
    repaired and line breaks rejoined as :func:`normalise` does, but a space between two words kept as one space —
    the author's, not the layout's (``数字乡村建设指南 第2部分``, ``核算与报告指南 印染行业``)."""
    text = unicodedata.normalize("NFC", repair(text))
    text = text.replace("\r", "").replace("\n", "")
    return _SPACE_RUN.sub(" ", text).strip()


def locate(text: str, phrase: str, start: int = 0) -> tuple[int, int] | None:
    """Find ``phrase`` in ``text`` ignoring whitespace and line breaks on both sides.

    Returns the ``[start, end)`` offsets of the match in ``text`` (from its first to its last non-space
    character), or None. Used to anchor a sentence written in reading form to the wrapped source text.
    """
    wanted = "".join(phrase.split())
    if not wanted:
        return None
    positions = [i for i in range(start, len(text)) if not text[i].isspace()]
    compact = "".join(text[i] for i in positions)
    at = compact.find(wanted)
    if at < 0:
        return None
    return positions[at], positions[at + len(wanted) - 1] + 1
