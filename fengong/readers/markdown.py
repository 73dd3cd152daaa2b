"""Markdown marks read as layout: a plan exported to Markdown (pandoc, WPS, a web page or a model's conversion)
states its responsibility in the genre's usual forms, printed through Markdown's syntax::

    ## 二、重点任务
    ### （一）做强农产品加工业
    1\\. **培育农产品加工龙头企业。** 实施……
    **牵头单位：**县农业农村局；**配合单位：**县财政局、县经信局

:func:`blank_marks` gives the text the readers read: every mark replaced by spaces of its length, so that every
offset still points at the same character of the file (``## 一、`` is an indented ``一、``, ``**牵头单位：**A`` a
labelled line). A backslash escape (``1\\.``, ``\\*``, ``\\#``) prints its character: the character takes the
backslash's place and a space its own (``1. ``), so a label reads as printed. A pipe table's pipes and rule row
are left to the table readers, which read tables drawn with pipes; the marks inside its cells are blanked.
"""

from __future__ import annotations

import re

ATX_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")  # ## 一、总体要求
CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")  # ## 一、总体要求 ##
THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,}|=+[ \t]*)$")  # --- *** ===
BULLET = re.compile(r"^([ \t]*(?:>[ \t]?)*[ \t]*)([-+*])(?=[ \t])")  # - A  * A  > - A
QUOTE = re.compile(r"^[ \t]*(>[ \t]?)+")  # > A
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # \. \* \# \( … (CommonMark: any ASCII punctuation but |, see below)
STRONG = re.compile(r"\*{2,}|(?<![A-Za-z0-9])_{2,}|_{2,}(?![A-Za-z0-9])")  # **A** __A__, not a__b inside a word
# *A* _A_ set apart from the words around it; a star before a name alone is the genre's lead mark (*A、*B), no
# emphasis, and so is a star a name follows (*A、*B: the second star opens B)
EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])[^*_\n]*?(?<=[^\s*_])\1(?![\w*])")
CODE = re.compile(r"`+")
LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")  # [A](url) ![A](url): the link's text is the text
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")  # | --- | :---: |


def is_markdown(text: str) -> bool:
    """Whether ``text`` is printed through Markdown: two of its kinds of marks (ATX headings, strong emphasis,
    backslash escapes, pipe tables' rule rows, thematic breaks) each on some line, or three ATX headings. Chinese
    plain text uses none of them (a star marks a lead unit alone, ``*A``, never ``**A**``)."""
    if "#" not in text and "**" not in text and "\\" not in text and "---" not in text:
        return False  # at most a thematic break: one kind (read at every document, so decided cheaply first)
    lines = text.splitlines()
    headings = sum(bool(ATX_HEADING.match(line) and line.lstrip("# \t")) for line in lines)
    kinds = [
        headings > 0,
        any(re.search(r"\*\*[^*\s][^*]*\*\*", line) for line in lines),
        any(re.search(r"(?:^|[0-9])\\[.)]|\\[*#_\[\]]", line) for line in lines),
        any(TABLE_RULE.match(line) and "|" in line for line in lines),
        any(THEMATIC_BREAK.match(line) and line.strip()[:1] in "-*_" for line in lines),
    ]
    return headings >= 3 or sum(kinds) >= 2


def blank_marks(text: str) -> str:
    """``text`` with its Markdown marks replaced by spaces of the same length (escapes: the character moved onto
    the backslash); the text itself when it is not Markdown (:func:`is_markdown`)."""
    if not is_markdown(text):
        return text
    return "".join(_line(chunk) for chunk in text.splitlines(keepends=True))


def _line(chunk: str) -> str:
    body = chunk.rstrip("\r\n")
    end = chunk[len(body):]
    if THEMATIC_BREAK.match(body) or (TABLE_RULE.match(body) and "|" not in body):
        return " " * len(body) + end  # a rule, or a heading's underline (setext)
    chars = list(body)

    def blank(start: int, stop: int) -> None:
        chars[start:stop] = " " * (stop - start)

    for m in ESCAPE.finditer(body):  # the marks below are found in the body as printed: an escaped one is no mark
        if m.group(1) != "|":  # \| is a pipe inside a table's cell: the table reader splits on the others only
            chars[m.start()], chars[m.start() + 1] = m.group(1), " "
    heading = ATX_HEADING.match(body)
    if heading:
        blank(heading.start(2), heading.end(2))
        closing = CLOSING_HASHES.search(body)
        if closing and closing.start() > heading.end():
            blank(closing.start(), closing.end())
    elif quote := QUOTE.match(body):
        blank(quote.start(), quote.end())
    if (bullet := BULLET.match(body)) and not heading:
        blank(bullet.start(2), bullet.end(2))
    for m in LINK.finditer(body):
        blank(m.start(), m.start(1))  # [ or ![
        blank(m.end(1), m.end())  # ](url)
    for m in STRONG.finditer(body):
        blank(m.start(), m.end())
    for m in EMPHASIS.finditer(body):
        blank(m.start(), m.start() + 1)
        blank(m.end() - 1, m.end())
    for m in CODE.finditer(body):
        blank(m.start(), m.end())
    trailing = len(body) - len(body.rstrip("\\"))
    if trailing % 2:  # a backslash closing the line is a hard line break (an even run is escaped backslashes)
        blank(len(body) - 1, len(body))
    return "".join(chars) + end
