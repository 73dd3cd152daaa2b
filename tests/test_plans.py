"""Plan nodes known without a source text (data/plans/) and the plan-to-plan link, as the build writes them.

Expected values come from the brief and the sources recorded in data/plans/national-disability-13fyp.toml
(国发〔2016〕47号, issued 2016-08-03 by 国务院), and from reading the Jilin excerpt (本纲要 on line 16).
"""

from __future__ import annotations

import json
import shutil

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDFS, SKOS, XSD

from fengong import PROJECT_ROOT
from fengong.build import build_graphs
from fengong.ingest import find_documents, ingest
from fengong.namespaces import BASIS, CONF, FG, ID
from fengong.records import ReadError
from fengong.registry import default_registry_paths, load_registry
from fengong.store import default_data_files, open_store

NATIONAL = ID["plan/national-disability-13fyp"]
JILIN = ID["plan/jilin-disability-13fyp"]


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()  # the union of the built graphs
    for part in build_graphs(PROJECT_ROOT).graphs:
        for triple in part:
            g.add(triple)
    return g


def basis_of(g, plan: URIRef, prop: URIRef) -> URIRef:
    nodes = [b for b in g.objects(plan, FG.fieldBasis) if (b, FG.aboutProperty, prop) in g]
    assert len(nodes) == 1, f"one basis record for {prop}"
    return nodes[0]


def test_national_plan_metadata(graph):
    assert (NATIONAL, FG.implementsPlan, None) not in graph
    assert Literal("“十三五”加快残疾人小康进程规划纲要", lang="zh") in set(graph.objects(NATIONAL, DCTERMS.title))
    assert set(graph.objects(NATIONAL, DCTERMS.identifier)) == {Literal("国发〔2016〕47号")}
    assert set(graph.objects(NATIONAL, DCTERMS.issued)) == {Literal("2016-08-03", datatype=XSD.date)}
    publisher = graph.value(NATIONAL, DCTERMS.publisher)
    assert Literal("国务院", lang="zh") in set(graph.objects(publisher, SKOS.prefLabel))


@pytest.mark.parametrize("prop", [DCTERMS.title, DCTERMS.identifier, DCTERMS.issued, DCTERMS.publisher])
def test_stated_fields_name_their_sources(graph, prop):
    basis = basis_of(graph, NATIONAL, prop)
    assert graph.value(basis, FG.basis) == BASIS.stated
    sources = list(graph.objects(basis, DCTERMS.source))
    assert sources, "a stated field cites at least one source"
    for source in sources:
        assert graph.value(source, FOAF.page) is not None
        assert graph.value(source, DCTERMS.title) is not None


def test_period_is_inferred_not_stated(graph):
    assert graph.value(basis_of(graph, NATIONAL, DCTERMS.temporal), FG.basis) == BASIS.inferred


def test_jilin_plan_implements_the_national_plan_with_its_basis(graph):
    assert (JILIN, FG.implementsPlan, NATIONAL) in graph
    basis = basis_of(graph, JILIN, FG.implementsPlan)
    assert graph.value(basis, FG.basis) == BASIS.inferred
    assert graph.value(basis, FG.confidence) == CONF.S
    assert "本纲要" in str(graph.value(basis, RDFS.comment))


def copy_project(tmp_path):
    for part in ("data/sources", "data/registry", "data/plans"):
        shutil.copytree(PROJECT_ROOT / part, tmp_path / part)
    return tmp_path


def test_a_link_to_an_unknown_plan_stops_the_build(tmp_path):
    root = copy_project(tmp_path)
    links = root / "data/plans/links.toml"
    links.write_text(links.read_text(encoding="utf-8").replace('to = "national-disability-13fyp"',
                                                               'to = "no-such-plan"'), encoding="utf-8")
    with pytest.raises(ReadError, match="no-such-plan"):
        build_graphs(root)


def test_a_field_citing_an_unknown_source_stops_the_build(tmp_path):
    root = copy_project(tmp_path)
    plan = root / "data/plans/national-disability-13fyp.toml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('sources = ["P1", "P3"]', 'sources = ["P9"]'),
                    encoding="utf-8")
    with pytest.raises(ReadError, match="P9"):
        build_graphs(root)


def test_an_ingested_national_table_joins_the_plan_node(tmp_path):
    """A task table ingested under the plan's slug attaches its tasks to the node data/plans describes."""
    folder = tmp_path / "national"
    folder.mkdir()
    # A made-up two-measure table in the bracketed-clause form (not the plan's text, which the repository lacks).
    (folder / "table.txt").write_text("测试用任务分工\n一、主要任务\n1.完善残疾人两项补贴制度。（民政部、财政部、中国残联负责）\n"
                                      "2.实施残疾人职业技能提升计划。（人力资源社会保障部、中国残联负责）\n", encoding="utf-8")
    (folder / "index.json").write_text(json.dumps([{"file": "table.txt", "slug": "national-disability-13fyp",
                                                    "jurisdiction": "100000", "reader": "clauses"}]), encoding="utf-8")
    dataset = tmp_path / "national.trig"
    ingest(find_documents([folder]), dataset, load_registry(default_registry_paths(PROJECT_ROOT)), tmp_path,
           progress=False)
    store = open_store(None, [*default_data_files(), dataset]).store
    rows = list(store.query(f"""SELECT ?n WHERE {{ ?t <{FG.isStepOfPlan}> <{NATIONAL}> ; <{FG.taskNumber}> ?n .
        <{NATIONAL}> <{DCTERMS.identifier}> "国发〔2016〕47号" }} ORDER BY ?n""", use_default_graph_as_union=True))
    assert [int(r["n"].value) for r in rows] == [1, 2]
