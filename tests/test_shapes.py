"""SHACL: the built graph conforms; each broken variant fails with exactly the rule it breaks."""

import pytest
from jilin_graph import jilin_trig  # tests/ is on sys.path under pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from fengong import PROJECT_ROOT
from fengong.namespaces import BASIS, FG, ID, RDF, ROLE
from fengong.store import open_store
from fengong.validate import data_graph, load_shapes, validate_graph

PLAN = ID["plan/jilin-disability-13fyp"]
TASK14 = URIRef(PLAN + "/task/14")
FIN = ID["agency/220000/0003"]  # 吉林省财政厅
CDPF = ID["agency/220000/0001"]  # 吉林省残疾人联合会


@pytest.fixture(scope="module")
def shapes():
    return load_shapes(PROJECT_ROOT / "shapes")


@pytest.fixture(scope="module")
def built():
    store = open_store(None, [jilin_trig()]).store
    return data_graph(store.quads_for_pattern(None, None, None, None))


@pytest.fixture()
def data(built):
    """A fresh copy of the built graph for each test to break."""
    copy = Graph()
    copy += built
    return copy


def rules(findings, severity="violation"):
    return sorted({f.shape.rsplit("#", 1)[1] for f in findings if f.severity == severity})


def a(task, position):
    return URIRef(f"{task}/assignment/{position}")


def test_the_jilin_graph_conforms(data, shapes):
    assert validate_graph(data, shapes) == []


def test_no_lead(data, shapes):
    data.set((a(TASK14, 1), FG.role, ROLE.participant))
    findings = validate_graph(data, shapes)
    assert rules(findings) == ["TaskHasLead"]
    assert findings[0].task_number == 14 and findings[0].plan == "吉林省“十三五”加快残疾人小康进程规划纲要"


def test_two_leads(data, shapes):
    data.set((a(TASK14, 2), FG.role, ROLE.lead))
    findings = validate_graph(data, shapes)
    # Two leads, and the second lead is not listed first (the table's rule).
    assert rules(findings) == ["LeadListedFirst", "TaskAtMostOneLead"]
    first = next(f for f in findings if f.shape.endswith("LeadListedFirst"))
    assert first.rule_en == "Task 14: the lead 吉林省卫生和计划生育委员会 is not listed first (position 2)"
    assert first.rule_zh == "第 14 项任务：牵头单位 吉林省卫生和计划生育委员会 未列第一位（第 2 位）"


def test_lead_also_participant(data, shapes):
    extra = a(TASK14, 7)
    for p, o in data.predicate_objects(a(TASK14, 6)):
        data.add((extra, p, o))
    data.set((extra, FG.agent, CDPF))
    data.set((extra, FG.listPosition, Literal(7)))
    findings = validate_graph(data, shapes)
    assert rules(findings) == ["LeadIsNotAlsoParticipant"]
    assert findings[0].rule_en == "Task 14: 吉林省残疾人联合会 is both the lead and a participant"


def test_duplicate_outline_key(data, shapes):
    data.set((URIRef(PLAN + "/task/32"), FG.outlineKey, Literal("14")))
    findings = validate_graph(data, shapes)
    assert rules(findings) == ["TaskKeysUniqueInPlan"]
    assert findings[0].rule_en == "Outline key 14 is used by more than one task of this plan"


def test_printed_numbers_may_repeat_under_different_parents(data, shapes):
    data.set((URIRef(PLAN + "/task/32"), FG.taskNumber, Literal(14)))
    assert validate_graph(data, shapes) == []


def test_jointly_led_tasks_need_two_stated_leads(data, shapes):
    data.set((a(TASK14, 2), FG.role, ROLE.lead))
    data.remove((TASK14, RDF.type, FG.LedTask))
    data.add((TASK14, RDF.type, FG.JointlyLedTask))
    # Task 14's leads follow from the table's rule: joint leads must be stated by the document itself.
    assert rules(validate_graph(data, shapes)) == ["JointLeadsStated", "LeadListedFirst"]
    data.set((TASK14, FG.leadBasis, BASIS.stated))
    assert rules(validate_graph(data, shapes)) == []
    data.set((a(TASK14, 2), FG.role, ROLE.participant))
    assert rules(validate_graph(data, shapes)) == ["TaskLeadsJointly"]


def test_a_task_whose_statement_names_no_lead_needs_none(data, shapes):
    data.set((a(TASK14, 1), FG.role, ROLE.guiding))
    data.remove((TASK14, RDF.type, FG.LedTask))
    data.remove((TASK14, FG.leadBasis, None))
    assert validate_graph(data, shapes) == []


def test_duplicate_list_position(data, shapes):
    data.set((a(TASK14, 3), FG.listPosition, Literal(2)))
    findings = validate_graph(data, shapes)
    assert rules(findings) == ["ListPositionsUnique"]
    assert findings[0].rule_en == "Task 14: list position 2 is used twice"


def test_missing_english_name(data, shapes):
    data.remove((FIN, SKOS.prefLabel, Literal("Jilin Provincial Department of Finance", lang="en")))
    findings = validate_graph(data, shapes)
    assert rules(findings) == ["AgentNameEn"]
    assert findings[0].agent == "吉林省财政厅"


def test_missing_task_text_and_open_flag(data, shapes):
    data.remove((TASK14, FG.agencyListIsOpen, None))
    findings = validate_graph(data, shapes)
    assert rules(findings) == ["TaskListOpen"]


def test_an_unresolved_unit_is_a_warning_not_a_violation(data, shapes):
    stranger = ID["unresolved/220000/x"]
    data.set((a(TASK14, 6), FG.agent, stranger))
    data.add((stranger, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), FG.UnresolvedAgent))
    data.add((stranger, SKOS.prefLabel, Literal("省某某厅", lang="zh")))
    findings = validate_graph(data, shapes)
    assert rules(findings) == []
    assert rules(findings, "warning") == ["UnresolvedAgentShape"]


def test_the_shapes_are_valid_shacl_and_every_rule_is_named_and_bilingual(shapes):
    from pyshacl import validate

    from fengong.namespaces import SH

    conforms, _, text = validate(shapes, shacl_graph=shapes, meta_shacl=True)
    assert conforms, text
    for shape in set(shapes.subjects(SH.message, None)):
        assert isinstance(shape, URIRef), shape
        assert {m.language for m in shapes.objects(shape, SH.message)} == {"zh", "en"}, shape
    for blank in (s for s in shapes.subjects(SH.path, None) if not isinstance(s, URIRef)):
        raise AssertionError(f"a property shape without an IRI: {blank}")
