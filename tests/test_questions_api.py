"""The questions API over HTTP: /queries, /queries/<name>(.json|.csv), /openapi.json, injection attempts.

Data: tests/data/ui/jilin-sample.trig — rows 14 and 16 of the Jilin table. From the source text: row 14 lists
省残联、省卫生计生委、省公安厅、省人力资源社会保障厅、省民政厅、省财政厅等 (6 units, open list); row 16 lists
省残联、省发展改革委、省财政厅、省卫生计生委 (4 units). 省残联 leads both; 省财政厅 takes part in both.
"""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.parse

import pytest
from ui_data import CDPF, INJECTIONS, PLAN

from fengong.questions import QUERIES_DIR, load_questions

pytest_plugins = ["ui_fixtures"]


def get(service, path: str, **params):
    query = ("?" + urllib.parse.urlencode(params)) if params else ""
    return service.request("GET", path + query)


def test_list_names_every_question(ui_service):
    names = set(load_questions(QUERIES_DIR))
    listed = json.loads(get(ui_service, "/queries.json").body)
    assert {item["name"] for item in listed} == names
    led = next(item for item in listed if item["name"] == "tasks-led-by-agency")
    assert led["title"]["zh"] == "某单位牵头的任务"
    assert led["json"].endswith("/queries/tasks-led-by-agency.json")
    page = get(ui_service, "/queries")
    assert page.status == 200 and "text/html" in page.headers["content-type"]
    assert all(f'href="/queries/{name}"' in page.text for name in names)


def test_json_answer(ui_service):
    reply = get(ui_service, "/queries/tasks-led-by-agency.json", name="省残联")
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("application/json")
    document = json.loads(reply.body)
    assert document["parameters"] == {"name": "省残联"}
    assert document["truncated"] is False
    rows = document["rows"]
    assert [row["number"] for row in rows] == [14, 16]
    assert [row["units"] for row in rows] == [6, 4]
    assert [row["openList"] for row in rows] == [True, False]
    assert {row["agency"] for row in rows} == {CDPF}


def test_defaults_apply_when_a_parameter_is_left_out(ui_service):
    # The question's default name is 省残联.
    explicit = json.loads(get(ui_service, "/queries/tasks-led-by-agency.json", name="省残联").body)
    default = json.loads(get(ui_service, "/queries/tasks-led-by-agency.json").body)
    assert default["rows"] == explicit["rows"]


def test_csv_answer(ui_service):
    reply = get(ui_service, "/queries/tasks-joined-by-agency.csv", name="省财政厅")
    assert reply.status == 200 and reply.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(reply.text)))
    # 省财政厅 is listed (not first) in both rows.
    assert sorted(int(row["number"]) for row in table) == [14, 16]


def test_typed_parameters(ui_service):
    document = json.loads(get(ui_service, "/queries/task-units.json", plan=PLAN, number="014").body)
    assert document["parameters"] == {"plan": PLAN, "number": "14"}
    rows = sorted(document["rows"], key=lambda row: row["position"])
    assert [(row["position"], row["nameAsPrinted"]) for row in rows] == [
        (1, "省残联"), (2, "省卫生计生委"), (3, "省公安厅"), (4, "省人力资源社会保障厅"), (5, "省民政厅"),
        (6, "省财政厅")]
    assert rows[0]["agent"] == CDPF
    by_key = json.loads(get(ui_service, "/queries/task-units.json", plan=PLAN, key="14").body)
    assert by_key["parameters"] == {"plan": PLAN, "key": "14"} and by_key["rows"] == document["rows"]


@pytest.mark.parametrize("params, fragment", [
    ({"plan": PLAN, "number": "fourteen"}, "not an integer"),
    ({"plan": "not an iri", "number": "14"}, "absolute IRI"),
    ({"plan": PLAN + "> } UNION { ?s ?p ?o", "number": "14"}, "IRI"),
    ({"plan": PLAN, "number": "14", "extra": "1"}, "no parameter extra"),
])
def test_bad_values_get_400_with_the_reason(ui_service, params, fragment):
    reply = get(ui_service, "/queries/task-units.json", **params)
    assert reply.status == 400
    assert fragment in json.loads(reply.body)["error"]
    assert get(ui_service, "/queries/task-units.csv", **params).status == 400




@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_attempts_find_nothing(ui_service, value):
    """Each value, pasted into the query, would break it or widen it to every task; bound as an RDF term it is
    a name no agency has."""
    reply = get(ui_service, "/queries/tasks-led-by-agency.json", name=value)
    assert reply.status == 200
    document = json.loads(reply.body)
    assert document["parameters"] == {"name": value}
    assert document["rows"] == []
    page = get(ui_service, "/queries/tasks-led-by-agency", name=value)
    assert page.status == 200 and 'id="results"' in page.text
    assert "<td>" not in page.text.split('id="results"')[1].split("</table>")[0]


def test_html_page_has_form_and_results(ui_service):
    page = get(ui_service, "/queries/tasks-led-by-agency", name="省残联")
    assert page.status == 200
    assert '<form class="params"' in page.text and 'name="name"' in page.text and 'value="省残联"' in page.text
    table = page.text.split('id="results"')[1].split("</table>")[0]
    assert table.count("<tr>") == 3  # the header and tasks 14 and 16
    assert '/id/plan/jilin-disability-13fyp/task/14' in table
    assert "/queries/tasks-led-by-agency.json?name=" in page.text
    # The link to the editor carries the query with the value asked for written into it.
    other = get(ui_service, "/queries/tasks-led-by-agency", name="省财政厅").text
    assert urllib.parse.quote_plus('VALUES (?name ?nameLabel) { ("省财政厅" "省财政厅"@zh) }') in other
    # A field left empty takes its parameter's default (tasks-by-unit-count: min 6; here task 14 alone).
    empty = get(ui_service, "/queries/tasks-by-unit-count", plan=PLAN, min="")
    assert empty.status == 200 and 'value="6"' in empty.text
    assert empty.text.split('id="results"')[1].split("</table>")[0].count("<tr>") == 2
    # An optional field left empty stays free (task-units: by key, the number not given).
    by_key = get(ui_service, "/queries/task-units", plan=PLAN, number="", key="14")
    assert by_key.status == 200
    assert by_key.text.split('id="results"')[1].split("</table>")[0].count("<tr>") == 7
    bad = get(ui_service, "/queries/task-units", plan=PLAN, number="x")
    assert bad.status == 400 and "not an integer" in bad.text


def test_unknown_question_is_404(ui_service):
    assert get(ui_service, "/queries/no-such-question.json").status == 404
    assert get(ui_service, "/queries/no-such-question").status == 404


def test_openapi_describes_every_question(ui_service):
    document = json.loads(get(ui_service, "/openapi.json").body)
    assert document["openapi"].startswith("3.")
    questions = load_questions(QUERIES_DIR)
    for name, question in questions.items():
        operation = document["paths"][f"/queries/{name}.json"]["get"]
        paging = ["_page", "_size"] if question.search else []
        assert [p["name"] for p in operation["parameters"]] == [p.name for p in question.parameters] + paging
        for parameter in operation["parameters"]:
            assert parameter["in"] == "query"
    integer = next(p for p in document["paths"]["/queries/task-units.json"]["get"]["parameters"]
                   if p["name"] == "number")
    assert integer["schema"]["type"] == "integer"
    assert "/shacl" in document["paths"] and "/queries.json" in document["paths"]
    # Every reference resolves.
    text = json.dumps(document)
    for reference in {part.split('"')[0] for part in text.split('"$ref": "')[1:]}:
        assert reference.removeprefix("#/components/schemas/") in document["components"]["schemas"]


def test_a_name_that_matches_nothing_gets_the_closest_names(ui_service):
    """name=民政厅 finds nothing (the agency is 省民政厅, officially 吉林省民政厅): the answer says which names come
    closest, in JSON and on the page, each linking to the question asked again."""
    answer = json.loads(get(ui_service, "/queries/tasks-joined-by-agency.json", name="民政厅").text)
    assert answer["rows"] == []
    closest = answer["suggestions"]["name"]
    assert closest[0] == {"name": "省民政厅", "agent": "https://w3id.org/fengong/id/agency/220000/0002",
                          "official": "吉林省民政厅"}
    page = get(ui_service, "/queries/tasks-joined-by-agency", name="民政厅").text
    hint = page.split('class="suggestions"')[1].split("</p>")[0]
    assert "民政厅" in hint and '<a href="?name=%E7%9C%81%E6%B0%91%E6%94%BF%E5%8E%85">省民政厅</a>' in hint
    # A name that matches has no suggestions.
    assert "suggestions" not in json.loads(get(ui_service, "/queries/tasks-joined-by-agency.json",
                                               name="省民政厅").text)
    # Nor does a name some agent bears when the answer is empty because the data says so: the disabled
    # persons' federation leads and never joins (looking for names would cost seconds at national scale).
    empty = json.loads(get(ui_service, "/queries/tasks-joined-by-agency.json", name="吉林省残疾人联合会").text)
    assert empty["rows"] == [] and "suggestions" not in empty


def test_closest_names_rank_containment_first():
    from fengong.names import closest_names

    names = [("a", "省民政厅", "吉林省民政厅"), ("a", "吉林省民政厅", "吉林省民政厅"), ("b", "民政部", "民政部"),
             ("c", "省财政厅", "吉林省财政厅"), ("d", "团省委", "共青团吉林省委")]
    assert [entry["name"] for entry in closest_names("民政厅", names)] == ["省民政厅", "民政部", "省财政厅"]
    assert closest_names("完全不同的名字", names) == []


def test_the_list_is_grouped_by_kind_of_question(ui_service):
    from fengong.questions import GROUPS

    page = get(ui_service, "/queries").text
    heads = re.findall(r'<tr class="group" id="group-([a-z]+)">', page)
    assert heads == list(GROUPS)
    listed = json.loads(get(ui_service, "/queries.json").text)
    assert {q["group"] for q in listed} == set(GROUPS)
    # Each question sits under the head of its own group.
    for question in load_questions(QUERIES_DIR).values():
        position = page.index(f'href="/queries/{question.name}"')
        head = page.index(f'<tr class="group" id="group-{question.group}"')
        assert page.rfind('<tr class="group"', 0, position) == head, question.name
