"""HTTP caching of answers: one rule for ``/sparql`` and the questions API.

An answer fixed by the data (see :mod:`fengong.sparql.cache`) gets an ETag made of the store version and a
key of the request; a client's ``If-None-Match`` is answered 304 without evaluating anything, and the answer
itself is kept in the process's bounded answer cache. Anything else is evaluated and marked ``no-store``.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Response, current_app, request

from fengong.sparql.cache import etag, matches
from fengong.sparql.engine import Answer


def cached(key: str | None, produce: Callable[[], Answer]) -> Response:
    """The response for the answer ``produce`` gives: 304 when the client holds it, from the cache when kept.

    ``key`` identifies the request among those on the same data; ``None`` when the answer is not fixed by the
    data (it is then always produced and never kept).
    """
    version = current_app.extensions["fengong_store"].version
    if version is None or key is None:
        response = _response(produce())
        response.headers["Cache-Control"] = "no-store"
        return response
    tag = etag(version, key)
    if matches(request.headers.get("If-None-Match"), tag):
        response = Response(status=304)
    else:
        cache = current_app.extensions["fengong_answers"]
        answer = cache.get(version, key)
        if answer is None:
            answer = produce()
            cache.put(version, key, answer)
        response = _response(answer)
        if answer.status != 200:  # an error is neither kept nor given a tag to revalidate
            response.headers["Cache-Control"] = "no-store"
            return response
    max_age = current_app.config["FENGONG_SETTINGS"]["cache_max_age_s"]
    response.headers["ETag"] = tag
    response.headers["Cache-Control"] = f"public, max-age={max_age}" if max_age > 0 else "public, no-cache"
    return response


def _response(answer: Answer) -> Response:
    response = Response(answer.body, status=answer.status, content_type=answer.content_type)
    response.headers.update(answer.headers)
    return response
