"""Error answers: in the site's layout for people, as JSON for programs.

A path of the JSON API (``….json``, ``/health``, ``/-/…``) or a request that prefers JSON to HTML gets
``{"error": …, "status": …}``; a browser gets the error in the site's layout with a way on. The SPARQL protocol
paths keep their own plain-text errors (protocol clients read them), as does any error a view wrote itself.
"""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request
from werkzeug.exceptions import HTTPException

from fengong.service.questions_api import json_response
from fengong.service.ui import TEMPLATES_DIR

bp = Blueprint("errors", __name__, template_folder=str(TEMPLATES_DIR))

#: Paths whose errors stay as the protocols define them.
PROTOCOL_PATHS = ("/sparql", "/update")


def wants_json() -> bool:
    """Whether the request is one of a program: a JSON path, or JSON preferred over HTML."""
    path = request.path
    if path.endswith(".json") or path == "/health" or path.startswith("/-/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"], default=None)
    return best == "application/json" and request.accept_mimetypes["application/json"] > \
        request.accept_mimetypes["text/html"]


@bp.app_errorhandler(HTTPException)
def answer_error(error: HTTPException):
    """The error in the form the asker reads."""
    if request.path.startswith(PROTOCOL_PATHS):
        return error
    message = error.description or error.name
    if wants_json():
        return json_response({"error": message, "status": error.code}, error.code or 500)
    page = render_template("error.html", status=error.code, name=error.name, message=message)
    return Response(page, status=error.code, content_type="text/html; charset=utf-8")
