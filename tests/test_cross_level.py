"""Across levels and across time: counterparts of city and county bodies, external identifiers, and the
cross-level questions (queries/cross-level-*.rq) — on the Jilin graph through the service, and on synthetic
national / provincial / city plans in the embedded store.

Expected answers are counted by hand from the Jilin table (tests/expected_jilin.py, the reference note on the
agencies) and from the synthetic source texts themselves.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

import pytest
from expected_jilin import ASSIGNMENTS, HEALTH_COMMISSION_TASKS, PLAN, ROWS_NAMED, SUCCESSORS, TAX_SERVICE_TASKS
from jilin_graph import jilin_files
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from synthetic_plans import CITY_REGISTRY, synthetic_dataset

from fengong import PROJECT_ROOT
from fengong.build import build_graphs
from fengong.graph import registry_graph
from fengong.link.align import Alignment
from fengong.link.rdf import alignment_graph
from fengong.namespaces import ADMS, FG, ID, ORG
from fengong.questions import bind, load_questions, with_values
from fengong.registry import RegistryError, default_registry_paths, load_registry
from fengong.store import open_store
from fengong.trig import serialise_trig

AGENCY = "https://w3id.org/fengong/id/agency/"
CIVIL_AFFAIRS_JL, HEALTH_JL, TAX_JL, JUSTICE_JL = (AGENCY + "220000/0002", AGENCY + "220000/0006",
                                                   AGENCY + "220000/0045", AGENCY + "220000/0016")
CIVIL_AFFAIRS_CN, FINANCE_CN, HEALTH_CN = AGENCY + "100000/0002", AGENCY + "100000/0003", AGENCY + "100000/0031"
# The printed names of the units the reform ended (SUCCESSORS' keys), as the registry names them in full.
FULL_NAMES = {
    "省卫生计生委": "吉林省卫生和计划生育委员会", "省文化厅": "吉林省文化厅", "省新闻出版广电局": "吉林省新闻出版广电局",
    "省网信办": "中共吉林省委网络安全和信息化领导小组办公室", "省国税局": "吉林省国家税务局",
    "省地税局": "吉林省地方税务局", "省质监局": "吉林省质量技术监督局", "省法制办": "吉林省人民政府法制办公室",
    "省扶贫办": "吉林省扶贫开发办公室",
}


# ---------------------------------------------------------------- registry: every level resolves the same way

def registry_with_cities():
    return load_registry(default_registry_paths(PROJECT_ROOT) + sorted(CITY_REGISTRY.glob("*.toml")))


def test_city_and_county_bodies_resolve_to_the_level_above():
    registry = registry_with_cities()
    city = {a.zh: registry.counterpart(a).zh for a in registry.jurisdictions["220100"].agencies}
    assert city["长春市民政局"] == "吉林省民政厅"
    assert city["长春市残疾人联合会"] == "吉林省残疾人联合会"
    district = registry.jurisdictions["220102"].agencies[0]
    assert registry.counterpart(district).zh == "长春市民政局"
    # A city plan naming a provincial body finds it one level up; a provincial plan still finds national ones.
    assert registry.resolve("省民政厅", "220100").zh == "吉林省民政厅"
    assert registry.resolve("民政部", "220000").zh == "民政部"


def test_the_counterpart_triple_points_one_level_up():
    registry = registry_with_cities()
    g = registry_graph(registry.jurisdictions["220100"], registry)
    assert (ID["agency/220100/0001"], FG.counterpart, ID["agency/220000/0002"]) in g


def test_an_unknown_counterpart_is_refused(tmp_path):
    bad = tmp_path / "agencies-220100.toml"
    bad.write_text((CITY_REGISTRY / "agencies-220100.toml").read_text(encoding="utf-8")
                   .replace('counterpart = "省民政厅"', 'counterpart = "省无此厅"'), encoding="utf-8")
    with pytest.raises(RegistryError, match="省无此厅"):
        load_registry([*default_registry_paths(PROJECT_ROOT), bad])


# ---------------------------------------------------------------- external identifiers: a place, never unsourced

def test_identifier_datatypes_are_in_the_ontology():
    g = Graph().parse(PROJECT_ROOT / "ontology" / "fengong.ttl")
    for datatype in (FG.UnifiedSocialCreditCode, FG.WikidataItemId):
        assert (datatype, RDF.type, RDFS.Datatype) in g
        assert {label.language for label in g.objects(datatype, RDFS.label)} == {"zh", "en"}


def city_file_with(tmp_path: Path, addition: str) -> Path:
    path = tmp_path / "agencies-220100.toml"
    text = (CITY_REGISTRY / "agencies-220100.toml").read_text(encoding="utf-8")
    path.write_text(text.replace('counterpart = "省民政厅"\n', 'counterpart = "省民政厅"\n' + addition, 1),
                    encoding="utf-8")
    return path


def test_an_identifier_without_a_source_is_refused(tmp_path):
    path = city_file_with(tmp_path, 'wikidata = { value = "Q1" }\n')
    with pytest.raises(RegistryError, match="wikidata"):
        load_registry([*default_registry_paths(PROJECT_ROOT), path])


def test_an_identifier_with_a_source_is_typed_and_sourced(tmp_path):
    path = city_file_with(tmp_path, 'uscc = { value = "11220100013544296X", source = "T1" }\n')
    path.write_text(path.read_text(encoding="utf-8").replace(
        "[[agency]]", '[[source]]\nkey = "T1"\ntitle = "test source"\n\n[[agency]]', 1), encoding="utf-8")
    registry = load_registry([*default_registry_paths(PROJECT_ROOT), path])
    g = registry_graph(registry.jurisdictions["220100"], registry)
    agency = ID["agency/220100/0001"]
    assert (agency, ORG.identifier, Literal("11220100013544296X", datatype=FG.UnifiedSocialCreditCode)) in g
    node = g.value(agency, ADMS.identifier)
    assert g.value(node, SKOS.notation) == Literal("11220100013544296X", datatype=FG.UnifiedSocialCreditCode)
    assert g.value(node, DCTERMS.source) == ID["source/220100/T1"]


def test_no_identifier_in_the_project_data_lacks_a_source():
    g = Graph()
    for part in build_graphs(PROJECT_ROOT).graphs:
        for triple in part:
            g.add(triple)
    for agency, value in g.subject_objects(ORG.identifier):
        nodes = [n for n in g.objects(agency, ADMS.identifier) if g.value(n, SKOS.notation) == value]
        assert nodes and all(g.value(n, DCTERMS.source) is not None for n in nodes), (agency, value)


# ---------------------------------------------------------------- the Jilin graph through the service

@pytest.fixture(scope="module")
def jilin_service(live_service, tmp_path_factory):
    return live_service(data_files=jilin_files(tmp_path_factory.mktemp("jilin")))


def ask(service, name: str, **params) -> dict:
    reply = service.request("GET", f"/queries/{name}.json?" + urllib.parse.urlencode(params))
    assert reply.status == 200, reply.text
    return json.loads(reply.body)


@pytest.mark.parametrize(("lead", "national", "expected"), [
    (CIVIL_AFFAIRS_JL, CIVIL_AFFAIRS_CN, "direct"),  # 省民政厅 → 民政部
    (HEALTH_JL, HEALTH_CN, "via-reform"),  # 省卫生计生委 → 国家卫生计生委 → (2018) 国家卫生健康委员会
    (CIVIL_AFFAIRS_JL, FINANCE_CN, "no"),
])
def test_is_the_lead_the_counterpart_of_the_national_lead(jilin_service, lead, national, expected):
    rows = ask(jilin_service, "cross-level-is-counterpart", lead=lead, national=national)["rows"]
    assert [r["match"] for r in rows] == [expected]


def test_who_holds_each_task_today(jilin_service):
    rows = ask(jilin_service, "cross-level-task-holders-today", plan=PLAN)["rows"]
    # Every assignment once, and the split 省新闻出版广电局 twice (two successors) on each of its rows.
    assert len(rows) == ASSIGNMENTS + ROWS_NAMED["省新闻出版广电局"]
    health = {int(r["number"]) for r in rows if r["namedName"] == FULL_NAMES["省卫生计生委"]}
    assert health == set(HEALTH_COMMISSION_TASKS)
    for short, successors in SUCCESSORS.items():
        today = {r["todayName"] for r in rows if r["namedName"] == FULL_NAMES[short]}
        assert today == successors, short
    civil = {r["todayName"] for r in rows if r["namedName"] == "吉林省民政厅"}
    assert civil == {"吉林省民政厅"}


def test_which_agencies_of_the_plan_no_longer_exist(jilin_service):
    rows = ask(jilin_service, "cross-level-agencies-gone", plan=PLAN)["rows"]
    gone = {r["agencyName"]: int(r["tasks"]) for r in rows}
    assert gone == {FULL_NAMES[short]: ROWS_NAMED[short] for short in SUCCESSORS}


def test_what_a_merged_agency_inherited(jilin_service):
    rows = ask(jilin_service, "cross-level-merger-inheritance", agency=TAX_JL)["rows"]
    assert {r["predecessorName"] for r in rows} == {"吉林省国家税务局", "吉林省地方税务局"}
    assert {int(r["number"]) for r in rows} == set(TAX_SERVICE_TASKS)
    absorbed = ask(jilin_service, "cross-level-merger-inheritance", agency=JUSTICE_JL)["rows"]
    assert {r["predecessorName"] for r in absorbed} == {"吉林省人民政府法制办公室"}
    assert len(absorbed) == ROWS_NAMED["省法制办"]


def test_national_agencies_by_provincial_load(jilin_service):
    rows = {r["nationalName"]: r for r in ask(jilin_service, "cross-level-counterpart-load")["rows"]}
    assert int(rows["中国残疾人联合会"]["tasks"]) == ROWS_NAMED["省残联"]
    assert int(rows["民政部"]["tasks"]) == ROWS_NAMED["省民政厅"]
    assert int(rows["民政部"]["led"]) == 3  # rows 1, 2, 28
    # 省卫生计生委's counterpart was renamed in 2018: its load counts for today's 国家卫生健康委员会.
    assert int(rows["国家卫生健康委员会"]["tasks"]) == ROWS_NAMED["省卫生计生委"]
    assert "国家卫生和计划生育委员会" not in rows


# ---------------------------------------------------------------- synthetic national / provincial / city plans

REGISTERED_PROVINCIAL = {"省残联", "省民政厅", "省财政厅", "省教育厅", "省发展改革委", "省人力资源社会保障厅",
                         "省住房城乡建设厅", "省交通运输厅", "省商务厅", "省公安厅", "省科技厅", "省统计局",
                         "省工业和信息化厅", "省文化和旅游厅", "省卫生健康委"}
ACCEPTED = [1, 2, 3]


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cross-level")
    dataset, corpus = synthetic_dataset(folder, city_registry=True)
    plan = "https://w3id.org/fengong/id/plan/"
    accepted = [Alignment(f"{plan}syn-220000/task/{n}", f"{plan}syn-100000/task/{n}", "localises", 1.0, 1.0, 1.0,
                          "test", status="accepted") for n in ACCEPTED]
    links = folder / "links.trig"
    links.write_text(serialise_trig([alignment_graph(accepted, "syn-220000", "syn-100000")]), encoding="utf-8")
    plan_link = folder / "plan-link.ttl"
    plan_link.write_text(f"<{plan}syn-220000> <{FG.implementsPlan}> <{plan}syn-100000> .\n", encoding="utf-8")
    return open_store(None, [dataset, links, plan_link]).store, corpus


def answer(store, name: str, **values) -> list[dict]:
    question = load_questions()[name]
    result = store.query(with_values(question.query, bind(question, values)), use_default_graph_as_union=True)
    return [{v.value: (row[v.value].value if row[v.value] is not None else None) for v in result.variables}
            for row in result]


def clauses(path: Path) -> dict[int, list[str]]:
    """Task number → units, read from a synthetic plan in the clause form: ``n.text（A、B负责）``."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(\d+)\..*（(.+)负责）$", line)
        if m:
            found[int(m.group(1))] = m.group(2).removesuffix("等").split("、")
    return found


def test_higher_tasks_without_lower_counterpart(synthetic_store):
    store, _ = synthetic_store
    rows = answer(store, "cross-level-higher-tasks-uncovered", plan="https://w3id.org/fengong/id/plan/syn-220000")
    assert sorted(int(r["number"]) for r in rows) == [n for n in range(1, 37) if n not in ACCEPTED]


def test_lower_tasks_without_higher_basis(synthetic_store):
    store, _ = synthetic_store
    rows = answer(store, "cross-level-tasks-without-basis", plan="https://w3id.org/fengong/id/plan/syn-220000")
    assert sorted(int(r["number"]) for r in rows) == [n for n in range(1, 37) if n not in ACCEPTED]


def test_lead_agreement_of_implementing_tasks(synthetic_store):
    store, corpus = synthetic_store
    leads = {n: units[0] for n, units in clauses(corpus / "province" / "syn-220000.txt").items()}
    rows = answer(store, "cross-level-lead-agreement", plan="https://w3id.org/fengong/id/plan/syn-220000")
    assert sorted(int(r["number"]) for r in rows) == ACCEPTED
    for r in rows:
        # The generator replaced the national lead by its provincial counterpart, so the lead agrees whenever
        # the registry knows the provincial body (and through it the counterpart).
        assert (r["counterpartOfLead"] == "true") == (leads[int(r["number"])] in REGISTERED_PROVINCIAL), r


def test_provincial_agencies_by_city_load(synthetic_store):
    store, corpus = synthetic_store
    city = clauses(corpus / "city" / "syn-220100.txt")
    rows = {r["provincialName"]: r for r in answer(store, "cross-level-city-counterpart-load",
                                                   province="https://w3id.org/fengong/id/division/220000")}
    for bureau, provincial in (("市民政局", "吉林省民政厅"), ("市财政局", "吉林省财政厅"), ("市残联", "吉林省残疾人联合会")):
        tasks = [n for n, units in city.items() if bureau in units]
        led = [n for n, units in city.items() if units[0] == bureau]
        assert tasks, f"the synthetic city plan names {bureau}"
        assert int(rows[provincial]["tasks"]) == len(tasks)
        assert int(rows[provincial]["led"]) == len(led)


def test_national_agencies_by_city_load(synthetic_store):
    store, corpus = synthetic_store
    city = clauses(corpus / "city" / "syn-220100.txt")
    rows = {r["nationalName"]: r for r in answer(store, "cross-level-counterpart-load",
                                                 level="https://w3id.org/fengong/id/admin-level/prefectural")}
    # 市民政局 → 省民政厅 → 民政部: the chain runs through the province.
    for bureau, national in (("市民政局", "民政部"), ("市残联", "中国残疾人联合会")):
        assert int(rows[national]["tasks"]) == len([n for n, units in city.items() if bureau in units])
