"""Every development-corpus document, and the Jilin appendix, read with precision and recall 1.0.

The expected answers are the ground truths typed by hand from the documents (tests/groundtruth/*.json; the
Jilin appendix: tests/groundtruth/jilin_appendix.py, the lead engineer's hand-typed table). The documents go
through the whole path: detection, reading, the graph builder, a TriG dataset, and back out with SPARQL.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph
import pytest
from groundtruth.jilin_appendix import JILIN_TASKS  # tests/ is on sys.path under pytest

from fengong.evaluate import Task, load_truth, score, tasks_in_store
from fengong.ingest import find_documents, ingest
from fengong.registry import default_registry_paths, load_registry

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
TRUTHS = sorted((ROOT / "tests" / "groundtruth").glob("*.json"))
SHARED = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> pyoxigraph.Store:
    out = tmp_path_factory.mktemp("corpus") / "corpus.trig"
    registry = load_registry(default_registry_paths(ROOT))
    documents = find_documents([CORPUS, ROOT / "data" / "sources"])
    reports = ingest(documents, out, registry, ROOT, progress=False)
    assert [r.status for r in reports] == ["ok"] * 6
    loaded = pyoxigraph.Store()
    loaded.bulk_load(path=str(out), format=pyoxigraph.RdfFormat.TRIG)
    return loaded


def test_there_is_a_ground_truth_for_every_corpus_document():
    listed = {entry["file"] for entry in json.loads((CORPUS / "index.json").read_text(encoding="utf-8"))}
    assert {json.loads(p.read_text(encoding="utf-8"))["document"] for p in TRUTHS} == listed


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.stem)
def test_corpus_document_matches_its_ground_truth(store, truth_path):
    slug, truth = load_truth(truth_path)
    s = score(tasks_in_store(store, slug), truth)
    assert (s.tasks_found, s.task_precision, s.task_recall) == (len(truth), 1.0, 1.0)
    assert (s.assignment_precision, s.assignment_recall) == (1.0, 1.0)
    assert s.lead_accuracy in (1.0, None) and s.open_accuracy in (1.0, None)


def test_the_jilin_appendix_matches_the_hand_typed_table(store):
    # Its note says the first listed leads and the rest are main participants; task 14 alone is open (等).
    truth = [Task(number, text[:12], number == 14,
                  tuple((name, "lead" if i == 0 else "participant") for i, name in enumerate(units)))
             for number, text, units in JILIN_TASKS]
    s = score(tasks_in_store(store, "jilin-disability-13fyp"), truth)
    assert (s.tasks_found, s.task_precision, s.task_recall) == (36, 1.0, 1.0)
    assert (s.assignment_precision, s.assignment_recall, s.lead_accuracy) == (1.0, 1.0, 1.0)


def test_the_document_without_clauses_has_no_tasks(store):
    assert tasks_in_store(store, "guofa-2019-05-shuang-suiji") == []


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared corpus is not beside the project")
def test_the_corpus_copy_is_unchanged():
    for path in sorted(SHARED.iterdir()):
        assert hashlib.sha256((CORPUS / path.name).read_bytes()).digest() == hashlib.sha256(path.read_bytes()).digest()
