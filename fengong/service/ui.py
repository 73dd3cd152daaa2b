"""The browser UI at ``/``: the YASGUI editor and result viewer, with the canned questions in a picker grouped by
kind of question, and a result table that shows labels, compact IRIs and plain numbers (``results.js``).

YASGUI is installed from the npm registry at set-up (``scripts/setup-ui.sh``, into ``service/node_modules``)
and served from there: the page loads nothing from any other host.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request, send_from_directory

from fengong import PROJECT_ROOT
from fengong.namespaces import PREFIXES
from fengong.questions import GROUPS, Question, example_query, load_questions

#: The folder of the service's browser files: templates, static files and the npm-installed assets.
SERVICE_DIR = PROJECT_ROOT / "service"
TEMPLATES_DIR = SERVICE_DIR / "templates"
YASGUI_BUILD = SERVICE_DIR / "node_modules" / "@zazuko" / "yasgui" / "build"
#: The YASGUI files the page needs (the bundle holds the editor, YASQE, and the viewer, YASR).
YASGUI_FILES = ("yasgui.min.js", "yasgui.min.css", "yasgui.min.js.map")
#: The question open when the editor starts: the whole table of a plan, the place most questions begin.
FIRST_QUESTION = "plan-overview"

bp = Blueprint("ui", __name__, template_folder=str(TEMPLATES_DIR), static_folder=str(SERVICE_DIR / "static"),
               static_url_path="/assets")


def questions() -> dict[str, Question]:
    """The canned questions (``queries/*.rq``), read once per app."""
    if "fengong_questions" not in current_app.extensions:
        current_app.extensions["fengong_questions"] = load_questions()
    return current_app.extensions["fengong_questions"]


@bp.get("/")
def index():
    """The query editor; the first question opens in it, the others are in the picker by kind."""
    groups = [{"titles": titles, "examples": [
        {"name": q.name, "title": q.title("zh"), "title_en": q.title("en"), "query": example_query(q)}
        for q in questions().values() if q.group == key]} for key, titles in GROUPS.items()]
    return render_template("ui.html", groups=groups, first=FIRST_QUESTION, endpoint=request.script_root + "/sparql",
                           prefixes={prefix: str(namespace) for prefix, namespace in PREFIXES.items()})


@bp.get("/assets/yasgui/<name>")
def yasgui_asset(name: str):
    """One file of the installed YASGUI build."""
    if name not in YASGUI_FILES:
        abort(404)
    if not (YASGUI_BUILD / name).is_file():
        # The page is useless without it; say how to fix the installation.
        abort(500, description="YASGUI is not installed: run scripts/setup-ui.sh")
    return send_from_directory(YASGUI_BUILD, name, max_age=86400)


@bp.get("/favicon.ico")
def favicon():
    """The site's icon (SVG, at the path browsers ask for first)."""
    return send_from_directory(SERVICE_DIR / "static", "favicon.svg", mimetype="image/svg+xml", max_age=86400)
