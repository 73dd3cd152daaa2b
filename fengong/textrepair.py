"""Repair and normalise text extracted from PDF.

The Jilin excerpt (and PDFs set in the same fonts) comes out of text extraction with a few wrong characters,
and many PDFs' fonts map common ideographs to the look-alike Kangxi radicals (``⽅`` U+2F45 for 方, ``⽹`` U+2F79
for 网). Each maps one code point to one code point, so repairing never shifts an offset: a position in the repaired
text is the same position in the raw text, and provenance can point into the raw text.

==========  ======  ==========================================================================
raw         repair  why
==========  ======  ==========================================================================
暋 U+668B   space   a space (often an ideographic indent or letter-spacing) decoded wrongly
暠 U+66A0   ”       the closing double quotation mark decoded wrongly (in the Jilin text the opening “ survives)
灡 U+7061   ．      the full stop after a list number (“6灡助残…” is “6．助残…”): full-width, as every character
                    such a font mis-decodes is a double-byte one (a half-width . is a single byte)
暟 U+669F   “       the opening double quotation mark: it sits next to 暠 (U+66A0, ”) as “ and ” sit next
                    to each other in GB2312 (A1B0, A1B1); in GBK 暋 95A1, 暟 95B0 and 暠 95B1 are the GB2312
                    codes A1A1 (the ideographic space), A1B0 (“) and A1B1 (”) with the lead byte shifted
⼀-⿕        一-龠   a Kangxi radical (U+2F00–U+2FD5) for the unified ideograph it looks like: its NFKC form,
                    one character for one
省 U+F96D   省      a CJK compatibility ideograph (U+F900–U+FAFF) for the unified one it stands for (a
                    subset font's ToUnicode map): its canonical (NFC) form, one character for one
==========  ======  ==========================================================================

Not in the table: 氀/氁 for the round brackets （ ）, proposed from memory but not verified in any PDF's fonts
(in GBK 9AD1/9AD2: the shift that takes 暋/暟/暠 to their GB2312 codes does not take them to A3A8/A3A9).
"""

from __future__ import annotations

import re
import unicodedata

ARTIFACTS = {"暋": " ", "暠": "”", "灡": "．", "暟": "“"}
KANGXI_RADICALS = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)}
# A CJK compatibility ideograph (U+F900–U+FAFF: 省 U+F96D, 行 U+FA08) a PDF's ToUnicode map gives for a unified one:
# its canonical form, one character for one (the twelve unified ideographs of the block stay)
COMPATIBILITY = {chr(c): n for c in range(0xF900, 0xFB00)
                 if len(n := unicodedata.normalize("NFC", chr(c))) == 1 and n != chr(c)}
_TABLE = str.maketrans(ARTIFACTS | KANGXI_RADICALS | COMPATIBILITY)

# Characters around which Chinese typography has no spaces: CJK ideographs, CJK and full-width punctuation,
# and the curly quotes Chinese text uses. A space next to one of them is a PDF layout artifact.
_CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026\u300a\u300b"
)
_SPACE_AFTER_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]+")
_SPACE_BEFORE_CJK = re.compile(rf"[ \t\u3000]+(?=[{_CJK}(（])")
_SPACE_RUN = re.compile(r"[ \t\u3000]+")
# Line and page ends inside a passage: a PDF's wraps, and the form feed an extractor prints at a page break
# (市民政 / page break / 局 is one name).
_LINE_ENDS = re.compile(r"[\r\n\f\v]")


def repair(text: str) -> str:
    """Replace the extraction artifacts one code point for one; every other character is kept as it is.

    The readers read this view of a text (offsets as in the file, quotes taken from the file), as they read
    Markdown with its marks blanked."""
    return text.translate(_TABLE)


def is_cjk(char: str) -> bool:
    """True for a CJK ideograph or CJK / full-width punctuation mark."""
    return bool(re.match(rf"[{_CJK}]", char))


def normalise(text: str) -> str:
    """The reading form of a passage: artifacts repaired, line breaks rejoined, layout spaces dropped.

    Line breaks inside a passage are where the PDF wrapped a line, not where the author broke it, so they are
    removed; spaces next to Chinese characters are layout; other runs of spaces become one space.
    """
    text = _LINE_ENDS.sub("", unicodedata.normalize("NFC", repair(text)))
    text = _SPACE_AFTER_CJK.sub("", text)
    text = _SPACE_BEFORE_CJK.sub("", text)
    return _SPACE_RUN.sub(" ", text).strip()


def normalise_typed(text: str) -> str:
    """The reading form of a table cell typed as it stands (a CSV, tab or Markdown table's, not a PDF's): artifacts
    repaired and line breaks rejoined as :func:`normalise` does, but a space between two words kept as one space —
    the author's, not the layout's (``数字乡村建设指南 第2部分``, ``核算与报告指南 印染行业``)."""
    text = _LINE_ENDS.sub("", unicodedata.normalize("NFC", repair(text)))
    return _SPACE_RUN.sub(" ", text).strip()


def locate(text: str, phrase: str, start: int = 0) -> tuple[int, int] | None:
    """Find ``phrase`` in ``text`` ignoring whitespace and line breaks on both sides.

    Returns the ``[start, end)`` offsets of the match in ``text`` (from its first to its last non-space
    character), or None. Used to anchor a sentence written in reading form to the wrapped source text. A
    full-width letter, digit or mark matches its half-width form (a quote typed ``6.助残`` finds ``6．助残``).
    """
    wanted = "".join(_narrow(c) for c in phrase if not c.isspace())
    if not wanted:
        return None
    positions = [i for i in range(start, len(text)) if not text[i].isspace()]
    compact = "".join(_narrow(text[i]) for i in positions)
    at = compact.find(wanted)
    if at < 0:
        return None
    return positions[at], positions[at + len(wanted) - 1] + 1


def _narrow(char: str) -> str:
    """The half-width form of a full-width ASCII character (U+FF01–U+FF5E); any other character as it is."""
    return chr(ord(char) - 0xFEE0) if "\uff01" <= char <= "\uff5e" else char
