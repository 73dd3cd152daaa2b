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


# ---------------------------------------------------------------- tasks listed in document order, by key

TAICANG = "https://w3id.org/fengong/id/plan/taicang-2026-ai-opc"


def _ask(store, name: str, **values) -> list[dict]:
    from fengong.questions import bind, load_questions, with_values
    question = load_questions()[name]
    rows = store.query(with_values(question.query, bind(question, values)), use_default_graph_as_union=True)
    return [{variable.value: row[variable].value for variable in rows.variables if row[variable] is not None}
            for row in rows]


def test_a_printed_number_that_repeats_lists_each_task_in_document_order(store):
    # data/corpus/taicang-2026-ai-opc.txt, 三、主要任务: （一） is one statement (3.1); （二）, （三） and （五） each
    # print several statements numbered by their place in the item (“一核” 3.2-1, 建设AI算力平台 3.3-1,
    # 金融支持 3.5-1): four tasks numbered 1, in this order in the text, with 7, 11, 3 and 6 units.
    rows = _ask(store, "task-units", plan=TAICANG, number="1")
    keys = [row["key"] for row in rows]
    assert keys == ["3.1"] * 7 + ["3.2-1"] * 11 + ["3.3-1"] * 3 + ["3.5-1"] * 6
    assert {row["number"] for row in rows} == {"1"}
    assert all(row["task"] == f"{TAICANG}/task/{row['key']}" for row in rows)
    assert [int(row["position"]) for row in rows] == [*range(1, 8), *range(1, 12), *range(1, 4), *range(1, 7)]


def test_a_task_is_asked_for_by_its_key(store):
    # 建设AI算力平台 …（牵头单位：市科技局、市数据局，责任单位：资产集团）: the first statement of 三、（三）.
    rows = _ask(store, "task-units", plan=TAICANG, key="3.3-1")
    assert [(row["number"], row["key"], row["position"], row["nameAsPrinted"]) for row in rows] == [
        ("1", "3.3-1", "1", "市科技局"), ("1", "3.3-1", "2", "市数据局"), ("1", "3.3-1", "3", "资产集团")]
    assert _ask(store, "task-units", plan=TAICANG, key="3.3-1", number="1") == rows
    assert _ask(store, "task-units", plan=TAICANG, key="3.3-1", number="2") == []
    every = _ask(store, "task-units", plan=TAICANG)  # neither: every task of the plan, in document order
    assert [row["key"] for row in every if row["position"] == "1"] == [
        "3.1", "3.2-1", "3.2-2", "3.2-3", "3.3-1", "3.3-2", "3.3-3", "3.4", "3.5-1", "3.5-2", "3.5-3", "3.5-4"]


def test_tasks_with_equal_counts_come_in_document_order_not_number_order(store):
    # Units counted from the text: （四） 3.4 names 1 lead and 21 others; “一核” 3.2-1 11; three tasks 7 each, in this
    # order in the text: （一） 3.1 (printed 1), 建设OPC共享赋能平台 3.3-3 (printed 3), 市场对接 3.5-2 (printed 2).
    rows = _ask(store, "tasks-by-unit-count", plan=TAICANG, min="7")  # a row per lead: 3.2-1 has three
    tasks = [(row["units"], row["key"], row["number"]) for row in rows]
    assert [task for i, task in enumerate(tasks) if i == 0 or tasks[i - 1] != task] == [
        ("22", "3.4", "4"), ("11", "3.2-1", "1"), ("7", "3.1", "1"), ("7", "3.3-3", "3"), ("7", "3.5-2", "2")]
