"""Task alignment (fengong.link, `fengong link`): scores, proposals against known pairs, the review loop.

The known pairs are the synthetic generator's own record of which lower task it derived from which upper task
(tests/synthetic_plans.py); the name stems and similarity cases are worked out by hand below.
"""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest
from rdflib import Dataset, Literal, URIRef
from synthetic_plans import known_pairs, synthetic_dataset

from fengong.link.align import Scorer, Settings
from fengong.link.measure import measure
from fengong.link.similarity import TOKENISERS, TfIdf, char_ngrams
from fengong.link.tasks import Unit, plan_tasks
from fengong.link.units import CounterpartKeys, stem
from fengong.namespaces import FG, ID, MATCH, STATUS
from fengong.store import default_data_files, open_store

PLAN = "https://w3id.org/fengong/id/plan/"
MINISTRY_OF_CIVIL_AFFAIRS = str(ID["agency/100000/0002"])
NATIONAL_HEALTH_COMMISSION = str(ID["agency/100000/0031"])  # 国家卫生健康委员会, formed 2018


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    return synthetic_dataset(tmp_path_factory.mktemp("synthetic"))


@pytest.fixture(scope="module")
def store(synthetic):
    return open_store(None, [synthetic[0]]).store


@pytest.mark.parametrize(("name", "expected"), [
    ("省人力资源社会保障厅", "人力资源社会保障"),
    ("人力资源社会保障部", "人力资源社会保障"),
    ("国家发展改革委", "发展改革"),
    ("县发展改革局", "发展改革"),
    ("市市场监管局", "市场监管"),
    ("市场监管总局", "市场监管"),
    ("县生态环境分局", "生态环境"),
    ("中国残联", "残联"),
    ("省残联", "残联"),
])
def test_name_stems_drop_level_and_organ(name, expected):
    assert stem(name) == expected


def test_char_ngrams_skip_punctuation():
    assert char_ngrams("推进康复，服务") == ["推进", "进康", "康复", "推进康", "进康复", "服务"]


@pytest.mark.parametrize("tokens", sorted(TOKENISERS))
def test_a_reworded_task_is_closer_than_another_task(tokens):
    texts = ["结合本地实际，开展职业技能培训，确保落实到位。", "开展职业技能培训，提高工作质量和水平。",
             "开展残疾人康复服务，提高工作质量和水平。"]
    tfidf = TfIdf(texts, TOKENISERS[tokens])
    assert tfidf.cosine(0, 1) > tfidf.cosine(0, 2)
    assert tfidf.cosine(1, 1) == pytest.approx(1.0)


def test_units_map_to_todays_national_body():
    store = open_store(None, default_data_files()).store
    keys = CounterpartKeys(store)
    # 省卫生计生委 → 国家卫生计生委 (counterpart) → 国家卫生健康委员会 (2018 renaming).
    assert keys.keys(Unit(str(ID["agency/220000/0006"]), "省卫生计生委", "lead", False)) == {
        NATIONAL_HEALTH_COMMISSION}
    # A name no registry knows: matched by its stem to 民政部.
    unknown = Unit(str(ID["unresolved/220100/x"]), "市民政局", "lead", False)
    assert keys.keys(unknown) == {MINISTRY_OF_CIVIL_AFFAIRS}
    assert keys.keys(Unit(str(ID["collective/220000/local-governments"]), "地方各级政府", "participant", True)) == set()


@pytest.mark.parametrize(("lower", "upper"), [("syn-220000", "syn-100000"), ("syn-220100", "syn-220000")])
def test_default_method_finds_the_known_pairs(synthetic, store, lower, upper):
    known = known_pairs(synthetic[1], lower, upper)
    assert len(known) == 36
    sources, targets = plan_tasks(store, PLAN + lower), plan_tasks(store, PLAN + upper)
    result = measure(Scorer(sources, targets, CounterpartKeys(store), Settings()).propose(), known)
    assert (result.precision, result.recall) == (1.0, 1.0)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fengong", *args], capture_output=True, text=True, timeout=300)


def test_review_loop_end_to_end(synthetic, tmp_path):
    dataset = str(synthetic[0])
    out, sheet = tmp_path / "alignments.trig", tmp_path / "review.csv"
    done = run("link", "--from", "syn-220000", "--to", "syn-100000", "--data", dataset, "-o", str(out),
               "--review", str(sheet))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    assert len(rows) == 36 and all(r["decision"] == "" for r in rows)
    proposed = Dataset(default_union=True)
    proposed.parse(out, format="trig")
    assert not list(proposed.triples((None, FG.implements, None)))

    by_number = {r["source_number"]: r for r in rows}
    by_number["1"]["decision"] = "accept"
    by_number["2"]["decision"] = "拒绝"
    extra = dict(by_number["3"], target_task=f"{PLAN}syn-100000/task/5", decision="accept", match="related",
                 reviewer="tester", note="added by hand")
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows([*rows, extra])
    done = run("link", "--from", "syn-220000", "--to", f"{PLAN}syn-100000", "--data", dataset, "-o", str(out),
               "--decisions", str(sheet))
    assert done.returncode == 0, done.stderr
    g = Dataset(default_union=True)
    g.parse(out, format="trig")
    implements = {(str(s), str(o)) for s, _, o in g.triples((None, FG.implements, None))}
    assert implements == {(f"{PLAN}syn-220000/task/1", f"{PLAN}syn-100000/task/1"),
                          (f"{PLAN}syn-220000/task/3", f"{PLAN}syn-100000/task/5")}
    status = {(str(g.value(a, FG.sourceTask)), str(g.value(a, FG.targetTask))): g.value(a, FG.alignmentStatus)
              for a in g.subjects(FG.alignmentStatus, None)}
    assert status[f"{PLAN}syn-220000/task/2", f"{PLAN}syn-100000/task/2"] == STATUS.rejected
    assert status[f"{PLAN}syn-220000/task/4", f"{PLAN}syn-100000/task/4"] == STATUS.proposed
    added = next(a for a in g.subjects(FG.targetTask, URIRef(f"{PLAN}syn-100000/task/5"))
                 if g.value(a, FG.sourceTask) == URIRef(f"{PLAN}syn-220000/task/3"))
    assert g.value(added, FG.alignmentMethod) == Literal("review")
    assert g.value(added, FG.matchType) == MATCH.related


def test_bad_review_sheet_names_the_line(synthetic, tmp_path):
    sheet = tmp_path / "review.csv"
    sheet.write_text("source_task,target_task,decision\n"
                     f"{PLAN}syn-220000/task/1,{PLAN}syn-100000/task/1,maybe\n", encoding="utf-8")
    done = run("link", "--from", "syn-220000", "--to", "syn-100000", "--data", str(synthetic[0]),
               "--decisions", str(sheet))
    assert done.returncode == 2
    assert "line 2" in done.stderr and "maybe" in done.stderr


def test_unknown_plan_is_a_clear_error(synthetic):
    done = run("link", "--from", "no-such-plan", "--to", "syn-100000", "--data", str(synthetic[0]))
    assert done.returncode == 2
    assert "no plan 'no-such-plan'" in done.stderr
