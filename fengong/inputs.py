"""Input files a command cannot use, said for people: the file named, the line where there is one, no traceback.

Every command reads its text inputs (queries, ground truths) with :func:`read_text` and has its RDF files checked
by :func:`text_problem` before a parser sees them (:mod:`fengong.store` does so on every load), so that an empty,
binary or GBK-encoded file gets one line saying what is wrong, and the exit code 2 (:class:`InputError`).
"""

from __future__ import annotations

from pathlib import Path

import click

#: Bytes looked at for an encoding problem in a file that may be very large (a national dataset).
SNIFF = 1 << 20
NUL = b"\x00"


class InputError(click.ClickException):
    """Input that cannot be read: exit 2."""

    exit_code = 2


def _position(data: bytes, index: int) -> str:
    line_start = data.rfind(b"\n", 0, index) + 1
    line = data.count(b"\n", 0, index) + 1
    return f"line {line}, column {index - line_start + 1}"


def text_problem(data: bytes, complete: bool = True) -> str | None:
    """What makes ``data`` (a file's bytes, or its first :data:`SNIFF` bytes when not ``complete``) unusable as
    UTF-8 text, or None: empty, binary (NUL bytes) or another encoding (GBK is recognised and named)."""
    if not data.strip():
        return "the file is empty"
    if NUL in data:
        return f"{_position(data, data.index(NUL))}: a binary file (NUL bytes), not text"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        if not complete and error.start >= len(data) - 3:
            return None  # a character cut at the end of the sample
        where = f"{_position(data, error.start)}: not UTF-8 text (byte 0x{data[error.start]:02x})"
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            return where
        return where + "; it reads as GBK: convert it with `iconv -f GBK -t UTF-8`"
    return None


def one_line(message: str, limit: int = 200) -> str:
    """A parser's message as one line of at most ``limit`` characters (SPARQL parsers list every token they
    expected, over several lines)."""
    first = str(message).strip().splitlines()[0] if str(message).strip() else ""
    return first if len(first) <= limit else first[:limit - 1] + "…"


def check_text_file(path: Path) -> str | None:
    """:func:`text_problem` of the file at ``path``, on its first :data:`SNIFF` bytes."""
    with open(path, "rb") as file:
        sample = file.read(SNIFF)
        complete = not file.read(1)
    return text_problem(sample, complete)


def read_text(path: Path | str, data: bytes | None = None) -> str:
    """The text of the file at ``path`` (or its ``data``, already read), or :class:`InputError` naming it."""
    try:
        if data is None:
            data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read the file: {error.strerror or error}") from None
    problem = text_problem(data)
    if problem:
        raise InputError(f"{path}: {problem}")
    return data.decode("utf-8").removeprefix("\ufeff")
