"""The evaluator itself, tested with wrong data: each kind of error lowers exactly the figures it should.

The truth is the hand-typed ground truth of one document; the "found" side is that truth with one error put
in, so every expected figure below follows from counting by hand.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from fengong.evaluate import Task, count, load_truth, scores

ROOT = Path(__file__).resolve().parent.parent
TRUTH = ROOT / "tests" / "groundtruth" / "guofa-2019-03-zonghe-baoshuiqu.json"  # 21 tasks, 48 mentions


@pytest.fixture()
def truth() -> list[Task]:
    return load_truth(TRUTH)[1]


def figures(found: list[Task], truth: list[Task]) -> dict:
    s = scores(count(found, truth))
    return {"task_p": s.task_precision, "task_r": s.task_recall, "mention_p": s.mention_precision,
            "mention_r": s.mention_recall, "lead": s.lead_accuracy, "numbering": s.numbering_accuracy,
            "open": s.open_accuracy}


PERFECT = {"task_p": 1.0, "task_r": 1.0, "mention_p": 1.0, "mention_r": 1.0, "lead": 1.0, "numbering": 1.0,
           "open": 1.0}


def test_the_truth_against_itself_is_perfect(truth):
    assert sum(len(t.units) for t in truth) == 48
    assert figures(truth, truth) == PERFECT


def test_a_wrong_lead_lowers_lead_accuracy_and_two_mentions(truth):
    found = list(truth)
    first = found[0]  # 税务总局 leads, 财政部 and 海关总署 participate
    found[0] = dataclasses.replace(first, units=(("税务总局", "participant"), ("财政部", "lead"), *first.units[2:]))
    assert figures(found, truth) == {**PERFECT, "lead": 20 / 21, "mention_p": 46 / 48, "mention_r": 46 / 48}


def test_a_missing_task_lowers_task_and_mention_recall(truth):
    found = truth[:4] + truth[5:]  # task 5 has one unit
    assert figures(found, truth) == {**PERFECT, "task_r": 20 / 21, "mention_r": 47 / 48, "lead": 20 / 21,
                                     "numbering": 20 / 21, "open": 20 / 21}


def test_altered_text_unaligns_the_task(truth):
    found = list(truth)
    found[2] = dataclasses.replace(found[2], text="另一项措施")  # task 3 has two units
    assert figures(found, truth) == {"task_p": 20 / 21, "task_r": 20 / 21, "mention_p": 46 / 48,
                                     "mention_r": 46 / 48, "lead": 20 / 21, "numbering": 20 / 21, "open": 20 / 21}


def test_an_extra_unit_lowers_mention_precision_only(truth):
    found = list(truth)
    found[4] = dataclasses.replace(found[4], units=(*found[4].units, ("商务部", "participant")))
    assert figures(found, truth) == {**PERFECT, "mention_p": 48 / 49}


def test_a_wrong_number_lowers_numbering_accuracy_only(truth):
    found = list(truth)
    found[6] = dataclasses.replace(found[6], key="4.2.70", number=70)
    assert figures(found, truth) == {**PERFECT, "numbering": 20 / 21}


def test_an_extra_task_lowers_task_precision(truth):
    extra = Task("9", "九、", 9, None, "不存在的措施", False, (("民政部", "lead"),))
    assert figures([*truth, extra], truth) == {**PERFECT, "task_p": 21 / 22, "mention_p": 48 / 49}


def test_a_wrong_open_flag_lowers_open_accuracy_only(truth):
    found = list(truth)
    found[0] = dataclasses.replace(found[0], open=not found[0].open)
    assert figures(found, truth) == {**PERFECT, "open": 20 / 21}


def test_the_command_names_a_bad_ground_truth_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"slug": "x"}', encoding="utf-8")
    data = tmp_path / "data.trig"
    data.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    done = subprocess.run([str(Path(sys.executable).parent / "fengong"), "evaluate", "--data", str(data), str(bad)],
                          capture_output=True, text=True, timeout=120)
    # Input that cannot be read: exit 2, as in every command (an empty data file would be refused first).
    assert done.returncode == 2 and "bad.json: not a ground-truth file" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_command_skips_a_set_index_that_a_glob_picks_up(tmp_path):
    # DIR/*.json holds the set's index.json beside the truths: it is skipped with a note, not refused
    index = tmp_path / "index.json"
    index.write_text('[{"file": "a.txt", "slug": "a", "title": "某方案"}]', encoding="utf-8")
    data = tmp_path / "data.trig"
    data.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    command = [str(Path(sys.executable).parent / "fengong"), "evaluate", "--data", str(data)]
    done = subprocess.run([*command, str(index), str(TRUTH)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "index.json: skipped, a set's index" in done.stderr
    assert "guofa-2019-03-zonghe-baoshuiqu" in done.stdout
    # the index alone: nothing to score, and the error says what to pass
    done = subprocess.run([*command, str(index)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "pass the truth files" in done.stderr


def test_found_tasks_come_in_document_order_when_an_annex_numbers_anew(tmp_path):
    import pyoxigraph

    from fengong.evaluate import tasks_in_store
    from fengong.ingest import find_documents, ingest
    from fengong.registry import default_registry_paths, load_registry

    (tmp_path / "doc.txt").write_text(
        "某省数字政府建设实施方案\n一、主要任务\n各项任务详见附件。\n二、保障措施\n"
        "（一）加强统筹协调。建立工作机制。（责任单位：省大数据局）\n附件\n重点任务分解\n一、夯实基础\n"
        "（一）推进政务云整合。推动系统迁移上云。（牵头单位：省大数据局；责任单位：省通信管理局）\n", encoding="utf-8")
    out = tmp_path / "doc.trig"
    ingest(find_documents([tmp_path]), out, load_registry(default_registry_paths(ROOT)), tmp_path, progress=False)
    store = pyoxigraph.Store()
    store.bulk_load(path=str(out), format=pyoxigraph.RdfFormat.TRIG)
    # The annex's 1.1 sorts before the body's 2.1 by key, but stands after it in the text.
    assert [(t.key, t.text[:6]) for t in tasks_in_store(store, "doc")] == [("2.1", "加强统筹协调"), ("1.1", "推进政务云整")]
