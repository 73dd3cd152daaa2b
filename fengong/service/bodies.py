"""Request bodies read whole, within a size limit and a deadline, before the application sees them.

gunicorn hands the application a body it reads from the socket on demand: a client announcing
``Content-Length: 100`` and sending 6 bytes, or a chunk of ``ffffffffffffffff`` bytes, holds a worker thread as
long as the connection stays open, and malformed chunking surfaces as an exception in the view (500). So
this WSGI middleware reads every body first: at most ``limit`` bytes (413 beyond), within ``deadline_s``
seconds in all (408 after; the socket's reading side is shut then, which ends a blocked read at once), and
answers malformed framing with 400. The application then reads the body from memory.
"""

from __future__ import annotations

import contextlib
import io
import socket
import threading

from gunicorn.http.errors import NoMoreData, ParseException

_READ_SIZE = 64 * 1024


class BodyRefused(Exception):
    """A body that is not read: the status and the message for the client."""

    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def _has_body(environ: dict) -> bool:
    chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    return chunked or environ.get("CONTENT_LENGTH", "") not in ("", "0")


def _read(stream, limit: int) -> bytes:
    parts, size = [], 0
    while size <= limit:
        part = stream.read(min(_READ_SIZE, limit + 1 - size))
        if not part:
            break
        parts.append(part)
        size += len(part)
    if size > limit:
        raise BodyRefused("413 Content Too Large", f"the request body is larger than the limit of {limit} bytes")
    return b"".join(parts)


def read_body(environ: dict, limit: int, deadline_s: float) -> bytes:
    """The whole body of the request in ``environ``; raises :class:`BodyRefused`."""
    declared = environ.get("CONTENT_LENGTH", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyRefused("413 Content Too Large", f"the request body is larger than the limit of {limit} bytes")
    sock = environ.get("gunicorn.socket")
    expired = threading.Event()

    def expire() -> None:
        expired.set()
        with contextlib.suppress(OSError):  # the client may have gone already
            sock.shutdown(socket.SHUT_RD)

    timer = threading.Timer(deadline_s, expire) if sock is not None else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    try:
        body = _read(environ["wsgi.input"], limit)
    except ParseException as error:
        raise BodyRefused("400 Bad Request", f"the request body is malformed: {error}") from None
    except (NoMoreData, OSError) as error:
        if expired.is_set():
            raise BodyRefused("408 Request Timeout",
                              f"the request body did not arrive within {deadline_s:g} s") from None
        raise BodyRefused("400 Bad Request", f"the request body ended early: {error}") from None
    finally:
        if timer is not None:
            timer.cancel()
    if expired.is_set():
        raise BodyRefused("408 Request Timeout", f"the request body did not arrive within {deadline_s:g} s")
    if declared.isdigit() and int(declared) != len(body):
        raise BodyRefused("400 Bad Request", f"the request body has {len(body)} bytes, not the {declared} "
                                             "its Content-Length announces")
    return body


class ReadBodies:
    """WSGI middleware: the application gets the request body from memory, read by :func:`read_body`."""

    def __init__(self, app, limit: int, deadline_s: float):
        self.app, self.limit, self.deadline_s = app, limit, deadline_s

    def __call__(self, environ: dict, start_response):
        if _has_body(environ):
            try:
                body = read_body(environ, self.limit, self.deadline_s)
            except BodyRefused as refused:
                message = (refused.message + "\n").encode()
                start_response(refused.status, [("Content-Type", "text/plain; charset=utf-8"),
                                                ("Content-Length", str(len(message))),
                                                ("X-Content-Type-Options", "nosniff")])
                return [message]
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
            environ.pop("HTTP_TRANSFER_ENCODING", None)
        return self.app(environ, start_response)
