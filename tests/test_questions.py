"""The canned-question library: header parsing, typed parameters bound as RDF terms, injection attempts.

The store holds tests/data/ui/jilin-sample.trig: tasks 14 and 16 of the Jilin table, both led by 省残联
(the first unit listed in both rows of data/sources/jilin-disability-13fyp.txt).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from ui_data import INJECTIONS

from fengong.questions import (
    QUERIES_DIR,
    ParameterError,
    QuestionError,
    bind,
    example_query,
    example_values,
    label_forms,
    load_question,
    load_questions,
    parse_question,
    with_values,
)
from fengong.questions import ask as ask_question

SAMPLE = Path(__file__).parent / "data" / "ui" / "jilin-sample.trig"

LED_BY = """\
#+ name: led-by
#+ title@zh: 某单位牵头的任务
#+ title@en: Tasks an agency leads
#+ group: agency
#+ description@en: Every task the named agency leads,
#+ description@en: in task order.
#+ param: name | string | 单位简称 / short name | 省残联
#+ example: name=省财政厅
PREFIX fg:   <https://w3id.org/fengong/ontology#>
PREFIX role: <https://w3id.org/fengong/id/role/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?name ?number WHERE {
  ?agency skos:altLabel ?label . FILTER (STR(?label) = ?name)
  ?a fg:agent ?agency ; fg:role role:lead ; fg:task ?task .
  ?task fg:taskNumber ?number .
} ORDER BY ?number
"""

UNITS_OF_TASK = """\
#+ name: units-of-task
#+ title@zh: 任务的责任单位
#+ title@en: Units of a task
#+ group: plan
#+ param: plan | plan | 规划 / plan | https://w3id.org/fengong/id/plan/jilin-disability-13fyp
#+ param: number | integer | 序号 / number |
#+ param: agency | iri | 单位 / agency | https://w3id.org/fengong/id/agency/220000/0001
SELECT ?plan ?number ?agency ?position WHERE {
  ?task <https://w3id.org/fengong/ontology#isStepOfPlan> ?plan ;
        <https://w3id.org/fengong/ontology#taskNumber> ?number .
  ?a <https://w3id.org/fengong/ontology#task> ?task ; <https://w3id.org/fengong/ontology#agent> ?agency ;
     <https://w3id.org/fengong/ontology#listPosition> ?position .
}
"""


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    return store


def numbers(result, column: str = "number") -> list[int]:
    return [int(row[column].value) for row in result]


def union_ask(store, question, values):
    """Run as the service does: the default graph is the union of the named graphs."""
    return store.query(with_values(question.query, bind(question, values)), use_default_graph_as_union=True)


# ---------------------------------------------------------------- header


def test_header_is_read():
    question = parse_question(LED_BY)
    assert question.name == "led-by"
    assert question.title("zh") == "某单位牵头的任务"
    assert question.title("en") == "Tasks an agency leads"
    assert question.description("en") == "Every task the named agency leads, in task order."
    assert question.description("zh") == "Every task the named agency leads, in task order."  # falls back to en
    [parameter] = question.parameters
    assert (parameter.name, parameter.type, parameter.label, parameter.default) == \
        ("name", "string", "单位简称 / short name", "省残联")
    assert question.examples == ({"name": "省财政厅"},)


def test_parameter_without_default_is_required():
    question = parse_question(UNITS_OF_TASK)
    assert [p.required for p in question.parameters] == [False, True, False]
    with pytest.raises(ParameterError, match="number .* is required"):
        bind(question, {})


def test_an_optional_parameter_may_be_left_out_and_its_variable_stays_free():
    question = parse_question(UNITS_OF_TASK.replace("#+ param: number | integer | 序号 / number |",
                                                    "#+ param: number | integer | 序号 / number | | optional"))
    number = question.parameter("number")
    assert (number.optional, number.required, number.default) == (True, False, None)
    assert ox.Variable("number") not in bind(question, {})
    assert bind(question, {"number": "3"})[ox.Variable("number")].value == "3"
    assert "?number" not in with_values(question.query, bind(question, {})).split("VALUES")[1].split("}")[0]
    with pytest.raises(QuestionError, match="optional parameter has no default"):
        parse_question(UNITS_OF_TASK.replace("#+ param: number | integer | 序号 / number |",
                                             "#+ param: number | integer | 序号 / number | 14 | optional"))
    with pytest.raises(QuestionError, match="a param reads"):
        parse_question(UNITS_OF_TASK.replace("#+ param: number | integer | 序号 / number |",
                                             "#+ param: number | integer | 序号 / number | | maybe"))


@pytest.mark.parametrize("broken, message", [
    (LED_BY.replace("#+ title@en: Tasks an agency leads\n", ""), "title@en"),
    (LED_BY.replace("#+ name: led-by", "#+ name: Led By"), "name"),
    (LED_BY.replace("#+ example:", "#+ sample:"), "unknown header key 'sample'"),
    (LED_BY.replace("#+ param: name | string |", "#+ param: name | text |"), "unknown type 'text'"),
    (LED_BY.replace("| 省残联\n", "\n"), "NAME | TYPE | LABEL | DEFAULT"),
    (LED_BY.replace("?name", "?who"), r"not used as \?name"),
    (LED_BY.replace("#+ example: name=省财政厅", "#+ example: who=省财政厅"), "undeclared parameters"),
    (LED_BY.replace("#+ title@zh:", "#+ title:"), "carry a language"),
    (UNITS_OF_TASK.replace("| 序号 / number |", "| 序号 / number | fourteen"), "default of number"),
    (LED_BY.replace("| string |", "| label |"), r"looked up as \?nameLabel"),
    (LED_BY.replace("#+ group: agency", "#+ group: misc"), "one of plan, agency"),
    (LED_BY.replace("#+ group: agency\n", ""), "exactly one '#\\+ group:'"),
    (LED_BY.replace("#+ example:", "#+ search: name | task\n#+ example:"), r"PARAMETER \| VARIABLE \| INDEX"),
    (LED_BY.replace("#+ example:", "#+ search: name | task | words\n#+ example:"), "no text index 'words'"),
    (LED_BY.replace("#+ example:", "#+ search: name | agent | task-texts\n#+ example:"), r"\?agent is not used"),
    (LED_BY.replace("param: name", "param: _name").replace("?name", "?_name").replace("e: name=", "e: _name="),
     "names starting with _ are the API's own"),
])
def test_bad_headers_are_refused_with_the_line(broken, message):
    with pytest.raises(QuestionError, match=message):
        parse_question(broken, "q.rq")


def test_a_search_header_names_its_parameter_variable_and_index():
    question = parse_question(LED_BY.replace("#+ example:", "#+ search: name | task | task-texts\n#+ example:"))
    assert (question.search.parameter, question.search.variable, question.search.index) == \
        ("name", "task", "task-texts")
    assert parse_question(LED_BY).search is None


def test_file_name_must_match_the_name(tmp_path):
    path = tmp_path / "other-name.rq"
    path.write_text(LED_BY, encoding="utf-8")
    with pytest.raises(QuestionError, match="differs from the file name"):
        load_question(path)
    (tmp_path / "other-name.rq").rename(tmp_path / "led-by.rq")
    assert list(load_questions(tmp_path)) == ["led-by"]


# ---------------------------------------------------------------- binding


def test_default_and_given_values(store):
    question = parse_question(LED_BY)
    # From the source: 省残联 is listed first (leads) in rows 14 and 16; 省财政厅 leads neither.
    assert numbers(union_ask(store, question, {})) == [14, 16]
    assert numbers(union_ask(store, question, {"name": "省残联"})) == [14, 16]
    assert numbers(union_ask(store, question, {"name": "省财政厅"})) == []


def test_typed_parameters(store):
    question = parse_question(UNITS_OF_TASK)
    rows = list(union_ask(store, question, {"number": "14"}))
    # Row 14 of the source lists 省残联 first: the default agency, at position 1.
    assert [(int(r["number"].value), int(r["position"].value)) for r in rows] == [(14, 1)]
    assert rows[0]["agency"] == ox.NamedNode("https://w3id.org/fengong/id/agency/220000/0001")
    # Bound as xsd:integer: "+14" and "014" are the same number.
    assert len(list(union_ask(store, question, {"number": "+14"}))) == 1
    terms = bind(question, {"number": "014"})
    assert terms[ox.Variable("number")] == ox.Literal("14", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer"))


@pytest.mark.parametrize("name, value, message", [
    ("number", "14.5", "not an integer"),
    ("number", "14 UNION", "not an integer"),
    ("agency", "not an iri", "absolute IRI"),
    ("agency", "https://w3id.org/x> . } UNION { ?s ?p ?o } #", "not a valid IRI"),
    ("agency", "https://w3id.org/fengong/id/agency/1\n", "not a valid IRI"),
    ("plan", "https://example.org/plan/x", "starting with https://w3id.org/fengong/id/plan/"),
])
def test_values_of_the_wrong_type_are_refused(name, value, message):
    question = parse_question(UNITS_OF_TASK)
    with pytest.raises(ParameterError, match=message):
        bind(question, {"number": "14", name: value})


def test_unknown_and_overlong_parameters_are_refused():
    question = parse_question(LED_BY)
    with pytest.raises(ParameterError, match="has no parameter who"):
        bind(question, {"who": "x"})
    with pytest.raises(ParameterError, match="longer than"):
        bind(question, {"name": "省" * 5000})




@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_attempts_are_only_values(store, value):
    """Pasted into the text, each value would either break the query or widen it to every task; bound as a
    term it is just a name no agency has, so the answer is empty."""
    question = parse_question(LED_BY)
    terms = bind(question, {"name": value})
    assert terms[ox.Variable("name")] == ox.Literal(value)
    assert list(union_ask(store, question, {"name": value})) == []


def test_ask_runs_on_a_store(store):
    question = parse_question(LED_BY)
    # Without the union default graph the named graphs are not visible: the data sits in named graphs.
    assert list(ask_question(store, question, {})) == []


def test_example_query_shows_values_as_terms(store):
    question = parse_question(UNITS_OF_TASK.replace("| 序号 / number |", "| 序号 / number | 16"))
    text = example_query(question)
    assert "#+" not in text
    assert text.startswith("# 任务的责任单位 / Units of a task\n")
    assert "WHERE {\n  VALUES (?plan ?number ?agency) { (<https://w3id.org/fengong/id/plan/jilin-disability-13fyp> " \
        '"16"^^<http://www.w3.org/2001/XMLSchema#integer> <https://w3id.org/fengong/id/agency/220000/0001>) }\n' \
        in text
    # The text runs as it stands: row 16 lists 省残联 first as well.
    rows = list(store.query(text, use_default_graph_as_union=True))
    assert [(int(r["number"].value), int(r["position"].value)) for r in rows] == [(16, 1)]


# ---------------------------------------------------------------- the project's questions


def test_every_project_question_parses_and_runs(store):
    """Each queries/*.rq reads, binds its examples (all parameters of a SELECT must be projected, or
    pyoxigraph refuses the substitution) and runs on the sample data."""
    questions = load_questions(QUERIES_DIR)
    assert len(questions) >= 5
    for question in questions.values():
        examples = question.examples or ({},)
        for example in examples:
            result = union_ask(store, question, example)
            if isinstance(result, ox.QuerySolutions):
                list(result)
        assert question.title("zh") and question.title("en"), question.name


def _answer(result):
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return sorted(tuple(str(row[name]) for name in names) for row in result)
    return sorted(str(triple) for triple in result)


def test_editor_tabs_answer_as_the_api_does(store):
    """The editor's copy of each question (header dropped, title as a comment, values written in) gives the
    answer the API gives, so what a person sees in a tab is what the question means."""
    for question in load_questions(QUERIES_DIR).values():
        in_editor = _answer(store.query(example_query(question), use_default_graph_as_union=True))
        bound = _answer(union_ask(store, question, example_values(question)))
        assert in_editor == bound, question.name


def test_editor_copy_states_a_name_parameter_in_one_line():
    """A label parameter reads as one VALUES line in the editor: the name and the one form looked for."""
    text = example_query(load_questions(QUERIES_DIR)["tasks-led-by-agency"], {"name": "省民政厅"})
    assert [line.strip() for line in text.splitlines() if "VALUES" in line] == \
        ['VALUES (?name ?nameLabel) { ("省民政厅" "省民政厅"@zh) }']


# ---------------------------------------------------------------- label parameters

LABEL_LOOKUP = """\
#+ name: agents-named
#+ title@zh: 按名称找主体
#+ title@en: Agents by name
#+ group: agency
#+ param: name | label | 名称 / name | 省残联
PREFIX fg:   <https://w3id.org/fengong/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?name ?agent ?units WHERE {
  ?agent skos:prefLabel|skos:altLabel|fg:shortName ?nameLabel .
  OPTIONAL { { SELECT ?agent (COUNT(?a) AS ?units) WHERE { ?a fg:agent ?agent } GROUP BY ?agent } }
}
"""
TEXT_LOOKUP = """PREFIX fg: <https://w3id.org/fengong/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?name ?agent WHERE {
  ?agent skos:prefLabel|skos:altLabel|fg:shortName ?label . FILTER (STR(?label) = ?name)
}"""


def test_a_label_parameter_finds_what_comparing_the_text_finds(store):
    """Every name of every agent in the sample (official zh and en, alternative, short), looked up through a label
    parameter's forms, finds the same agents as comparing each label's text, the slow way."""
    question = parse_question(LABEL_LOOKUP)
    names = {row["l"].value for row in store.query(
        "SELECT DISTINCT ?l WHERE { ?a <http://www.w3.org/2004/02/skos/core#prefLabel>"
        "|<http://www.w3.org/2004/02/skos/core#altLabel>|<https://w3id.org/fengong/ontology#shortName> ?l }",
        use_default_graph_as_union=True)}
    assert {"省残联", "吉林省残疾人联合会", "省财政厅"} <= names
    for name in names:
        by_label = {row["agent"] for row in union_ask(store, question, {"name": name})}
        by_text = {row["agent"] for row in store.query(
            TEXT_LOOKUP, substitutions={ox.Variable("name"): ox.Literal(name)}, use_default_graph_as_union=True)}
        assert by_label == by_text != set(), name


def test_a_label_parameter_matches_untagged_and_chinese_variant_labels():
    store = ox.Store()
    store.load(b'<urn:a> <http://www.w3.org/2004/02/skos/core#prefLabel> "X"@zh-Hans .\n'
               b'<urn:b> <http://www.w3.org/2004/02/skos/core#altLabel> "X" .\n'
               b'<urn:c> <http://www.w3.org/2004/02/skos/core#altLabel> "X"@de .\n', format=ox.RdfFormat.N_TRIPLES)
    question = parse_question(LABEL_LOOKUP)
    found = {row["agent"].value for row in store.query(with_values(question.query, bind(question, {"name": "X"})))}
    assert found == {"urn:a", "urn:b"}  # German is not among the languages looked in


def test_label_forms_go_only_in_the_groups_that_use_them(store):
    """Elsewhere the forms would multiply the answers: the sample holds rows 14 and 16, both led by 省残联
    (agency 0001), so it is counted twice, not twice per form."""
    question = parse_question(LABEL_LOOKUP)
    text = with_values(question.query, bind(question, {"name": "省残联"}))
    assert text.count("VALUES ?nameLabel {") == 1
    assert text.count('VALUES (?name) { ("省残联") }') == 2
    assert label_forms("省残联")[:2] == (ox.Literal("省残联"), ox.Literal("省残联", language="zh"))
    rows = list(union_ask(store, question, {"name": "省残联"}))
    assert [(row["agent"].value.rsplit("/", 1)[-1], int(row["units"].value)) for row in rows] == [("0001", 2)]
    # A sub-query that looks the name up itself gets the forms; the group around it, which does not, does not.
    nested = question.query.replace("{ ?a fg:agent ?agent }", "{ { SELECT DISTINCT ?agent WHERE { ?agent "
                                    "skos:prefLabel|skos:altLabel|fg:shortName ?nameLabel } } ?a fg:agent ?agent }")
    text = with_values(nested, bind(question, {"name": "省残联"}))
    assert text.count("VALUES ?nameLabel {") == 2
    rows = list(store.query(text, use_default_graph_as_union=True))
    assert [(row["agent"].value.rsplit("/", 1)[-1], int(row["units"].value)) for row in rows] == [("0001", 2)]
