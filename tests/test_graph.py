"""The built Jilin graph, read back through the embedded store with SPARQL."""

import hashlib

import pyoxigraph
import pytest
from groundtruth.jilin_appendix import JILIN_TASKS
from jilin_graph import jilin_trig

from fengong import PROJECT_ROOT
from fengong.namespaces import sparql_prefixes

GRAPH_FILE = PROJECT_ROOT / "data" / "graphs" / "fengong.trig"  # what `fengong build` wrote: every document
PLAN = "https://w3id.org/fengong/id/plan/jilin-disability-13fyp"


@pytest.fixture(scope="module")
def store():
    s = pyoxigraph.Store()
    s.load(path=str(jilin_trig()), format=pyoxigraph.RdfFormat.TRIG)
    s.load(path=str(PROJECT_ROOT / "ontology" / "schemes.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    return s


def rows(store, body):
    return [[t.value if t is not None else None for t in sol]
            for sol in store.query(sparql_prefixes() + body, use_default_graph_as_union=True)]


def test_counts(store):
    assert rows(store, "SELECT (COUNT(*) AS ?n) WHERE { ?t a fg:Task }") == [["36"]]
    assert rows(store, "SELECT (COUNT(*) AS ?n) WHERE { ?a a fg:Assignment }") == [["153"]]
    assert rows(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { ?a fg:agent ?g }") == [["31"]]
    leads = rows(store, "SELECT (COUNT(*) AS ?n) WHERE { ?a fg:role role:lead }")
    assert leads == [["36"]]


def test_agents_are_registry_bodies_and_the_collective(store):
    kinds = rows(store, """SELECT ?kind (COUNT(DISTINCT ?g) AS ?n) WHERE { ?a fg:agent ?g . ?g a ?kind .
        FILTER (?kind IN (fg:Agency, fg:CollectiveAgent, fg:UnresolvedAgent)) } GROUP BY ?kind ORDER BY ?kind""")
    assert kinds == [["https://w3id.org/fengong/ontology#Agency", "30"],
                     ["https://w3id.org/fengong/ontology#CollectiveAgent", "1"]]
    tasks = rows(store, """SELECT ?n WHERE { ?a fg:agent ?c ; fg:task ?t . ?c a fg:CollectiveAgent ;
        skos:altLabel "地方各级政府"@zh . ?t fg:taskNumber ?n } ORDER BY ?n""")
    assert tasks == [["32"], ["36"]]


def test_lead_shortcut_matches_the_first_listed_unit(store):
    got = rows(store, """SELECT ?n ?name WHERE { ?t fg:taskNumber ?n ; fg:leadAgent ?g .
        ?a fg:task ?t ; fg:agent ?g ; fg:listPosition 1 ; fg:nameAsPrinted ?name } ORDER BY ?n""")
    assert got == [[str(n), units[0]] for n, _, units in JILIN_TASKS]


def test_every_selector_quotes_the_raw_text_it_points_at(store):
    raw = (PROJECT_ROOT / "data" / "sources" / "jilin-disability-13fyp.txt").read_text(encoding="utf-8")
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    selectors = rows(store, """SELECT ?thing ?sha ?start ?end ?exact WHERE {
        ?thing fg:derivedFromText ?r . ?r oa:hasSource ?src ; oa:hasSelector ?p , ?q .
        ?src fg:sha256 ?sha . ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact }""")
    assert len(selectors) == 36 + 153 + 2 + 8 + 2  # tasks, assignments, projects, duties, sections
    for thing, sha, start, end, exact in selectors:
        assert sha == digest
        assert raw[int(start) : int(end)] == exact, thing


def test_plan_metadata_says_how_it_was_established(store):
    basis = dict(rows(store, f"""SELECT ?prop ?basis WHERE {{ <{PLAN}> fg:fieldBasis ?b .
        ?b fg:aboutProperty ?prop ; fg:basis ?basis }}"""))
    assert basis["http://purl.org/dc/terms/title"].endswith("/inferred")
    assert basis["http://purl.org/dc/terms/identifier"].endswith("/unknown")
    assert not store.query(sparql_prefixes() + f"ASK {{ <{PLAN}> dct:identifier ?x }}",
                           use_default_graph_as_union=True)  # no document number is invented
    assert rows(store, f"""SELECT ?t WHERE {{ <{PLAN}> dct:title ?t FILTER(lang(?t) = "zh") }}""") == [
        ["吉林省“十三五”加快残疾人小康进程规划纲要"]]


def test_the_role_rule_is_data(store):
    assert rows(store, "SELECT ?r WHERE { ?s fg:roleConvention ?r ; fg:roleRuleBasis basis:stated }") == [
        ["注:负责单位中列第一位者为牵头单位,其余为主要参与单位。"]]


def test_duties_say_who_owes_what_to_whom_and_when(store):
    report = rows(store, """SELECT ?holder ?to ?freq WHERE { ?d fg:dutyType duty:progress-report ;
        fg:dutyHolder/skos:altLabel ?holder ; fg:addressee/skos:prefLabel ?to ; fg:frequency ?freq .
        FILTER (lang(?to) = "zh") }""")
    assert report == [["各地", "吉林省人民政府残疾人工作委员会", "每年"]]
    years = rows(store, "SELECT ?y WHERE { ?d fg:dutyType duty:assessment ; fg:dueYear ?y } ORDER BY ?y")
    assert years == [["2018"], ["2020"]]
    assert rows(store, "SELECT (COUNT(*) AS ?n) WHERE { ?d a fg:Duty }") == [["8"]]


def test_registry_carries_confidence_and_the_2018_reform(store):
    conf = rows(store, """SELECT ?c WHERE { ?g fg:shortName "省卫生计生委"@zh ; fg:confidence/skos:notation ?c }""")
    assert conf == [["V"]]
    successor = rows(store, """SELECT ?name WHERE { ?g fg:shortName "省卫生计生委"@zh ;
        org:changedBy/org:resultingOrganization ?new . ?new skos:prefLabel ?name FILTER(lang(?name) = "zh") }""")
    assert successor == [["吉林省卫生健康委员会"]]
    merged = rows(store, """SELECT (COUNT(?old) AS ?n) WHERE { ?e org:resultingOrganization ?new ;
        org:originalOrganization ?old . ?new skos:prefLabel "国家税务总局吉林省税务局"@zh }""")
    assert merged == [["2"]]
    counterpart = rows(store, """SELECT ?n WHERE { ?g fg:shortName "省残联"@zh ; fg:counterpart/skos:prefLabel ?n
        FILTER(lang(?n) = "zh") }""")
    assert counterpart == [["中国残疾人联合会"]]
    vertical = rows(store, """SELECT ?n WHERE { ?g fg:shortName "省通信管理局"@zh ;
        org:subOrganizationOf/skos:prefLabel ?n FILTER(lang(?n) = "zh") }""")
    assert vertical == [["工业和信息化部"]]
    types = rows(store, """SELECT ?short WHERE { ?g org:classification atype:party-organ ; fg:shortName ?short .
        ?a fg:agent ?g } GROUP BY ?short ORDER BY ?short""")
    assert types == [["省委宣传部"], ["省网信办"]]  # code-point order


def test_the_committed_graph_is_what_build_makes(tmp_path):
    from click.testing import CliRunner

    from fengong.cli import main

    out = tmp_path / "fresh.trig"
    result = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == GRAPH_FILE.read_bytes(), "data/graphs/fengong.trig is stale: run `fengong build`"
