"""Every evaluation-corpus document, and the Jilin appendix, read exactly as its hand-typed ground truth says.

The expected answers are the ground truths typed by hand from the documents (tests/groundtruth/*.json, format
in tests/groundtruth/README.md). The documents go the whole way: detection, the grammar, the graph builder, a
TriG dataset, and back out with SPARQL.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from groundtruth.jilin_appendix import JILIN_TASKS  # tests/ is on sys.path under pytest

from fengong.evaluate import count, load_truth, scores, tasks_in_store
from fengong.ingest import find_documents, ingest
from fengong.registry import default_registry_paths, load_registry

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
GROUNDTRUTH = ROOT / "tests" / "groundtruth"
TRUTHS = sorted(GROUNDTRUTH.glob("*.json"))
SHARED = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "corpus.trig"
    registry = load_registry(default_registry_paths(ROOT))
    documents = find_documents([CORPUS, ROOT / "data" / "sources"])
    reports = ingest(documents, out, registry, ROOT, progress=False)
    assert [r.status for r in reports] == ["ok"] * 14
    return out


@pytest.fixture(scope="module")
def store(dataset) -> pyoxigraph.Store:
    loaded = pyoxigraph.Store()
    loaded.bulk_load(path=str(dataset), format=pyoxigraph.RdfFormat.TRIG)
    return loaded


def test_the_ingested_corpus_conforms_to_the_shapes(dataset):
    # Guiding-only statements give no lead and stated co-leads are jointly led tasks: no violation is left.
    done = subprocess.run([str(Path(sys.executable).parent / "fengong"), "validate", str(dataset),
                           str(ROOT / "ontology" / "schemes.ttl")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and "0 violation(s)" in done.stdout, done.stdout[-2000:]


def test_there_is_a_ground_truth_for_every_document_the_project_holds():
    listed = {entry["file"] for entry in json.loads((CORPUS / "index.json").read_text(encoding="utf-8"))}
    listed.add("jilin-disability-13fyp.txt")
    assert {json.loads(p.read_text(encoding="utf-8"))["document"] for p in TRUTHS} == listed


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.stem)
def test_document_reads_exactly_as_its_ground_truth(store, truth_path):
    slug, truth = load_truth(truth_path)
    s = scores(count(tasks_in_store(store, slug), truth))
    assert (s.counts.found, s.counts.aligned) == (len(truth), len(truth))
    assert (s.task_f1, s.mention_f1) == (1.0, 1.0)
    if truth:
        assert (s.lead_accuracy, s.numbering_accuracy, s.open_accuracy) == (1.0, 1.0, 1.0)


def test_the_jilin_truth_agrees_with_the_earlier_hand_typed_table():
    # Two hand typings of the appendix, made apart: they must agree name for name.
    _, truth = load_truth(GROUNDTRUTH / "jilin-disability-13fyp.json")
    assert [(t.number, [name for name, _ in t.units]) for t in truth] == [(n, list(u)) for n, _, u in JILIN_TASKS]
    assert all(text.startswith(t.text) or t.text.startswith(text[:10]) for t, (_, text, _) in
               zip(truth, JILIN_TASKS, strict=True))


def test_the_document_without_statements_has_no_tasks(store):
    assert tasks_in_store(store, "guofa-2019-05-shuang-suiji") == []


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared corpus is not beside the project")
def test_the_corpus_copy_is_unchanged():
    for path in sorted(SHARED.iterdir()):
        assert hashlib.sha256((CORPUS / path.name).read_bytes()).digest() == hashlib.sha256(path.read_bytes()).digest()
