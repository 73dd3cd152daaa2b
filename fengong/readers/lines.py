"""Line bookkeeping shared by the readers: offsets, line numbers, blanked page furniture."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

# A page number printed on a line of its own (— 2 —, - 12 -, 第3页, 第3页 共8页): page furniture of a text
# extracted from print, never content.
PAGE_NUMBER = re.compile(r"^\s*(?:[—－–-]{1,2}\s*\d{1,4}\s*[—－–-]{1,2}"
                         r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)\s*$")


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
    """The lines of a text with their offsets."""

    def __init__(self, text: str):
        self.text = text
        self.lines: list[Line] = []
        pos = 0
        for number, chunk in enumerate(text.splitlines(keepends=True), 1):
            body = chunk.rstrip("\r\n")
            self.lines.append(Line(number, pos, pos + len(body), body))
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
    """
    out: list[str] = []
    blanked: list[int] = []
    for number, chunk in enumerate(text.splitlines(keepends=True), 1):
        body = chunk.rstrip("\r\n")
        if body.strip() and furniture(body):
            out.append(" " * len(body) + chunk[len(body):])
            blanked.append(number)
        else:
            out.append(chunk)
    return "".join(out), blanked
