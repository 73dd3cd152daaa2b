"""docs/benchmarks.md must describe this build: a section that names a number of questions, or a number of
triples for the project's own data, that the build no longer has was measured on another build and must be
run again (each section says the command)."""

from __future__ import annotations

import re

from fengong import PROJECT_ROOT
from fengong.questions import load_questions
from fengong.store import open_store

DOCS = PROJECT_ROOT / "docs" / "benchmarks.md"
#: Sections measured on the project's own data (built graphs, ontology, shapes), which fengong serves by default.
OWN_DATA = ("## Load run", "## fengong against the Oxigraph server")


def _sections() -> dict[str, str]:
    parts = re.split(r"(?m)^(?=## )", DOCS.read_text(encoding="utf-8"))
    return {part.splitlines()[0]: part for part in parts if part.startswith("## ")}


def test_every_question_count_is_the_library_s():
    questions = len(load_questions())
    for title, text in _sections().items():
        for count in re.findall(r"(\d+) questions of `queries/`", text):
            assert int(count) == questions, f"{title} names {count} questions; queries/ has {questions}"


def test_triple_counts_of_the_project_data_are_this_build_s():
    triples = len(open_store(None, None))
    sections = _sections()
    for title in OWN_DATA:
        assert title in sections, f"docs/benchmarks.md lacks the section {title}"
        for count in re.findall(r"([\d,]+) triples", sections[title]):
            assert int(count.replace(",", "")) == triples, f"{title} names {count} triples; the data has {triples}"
