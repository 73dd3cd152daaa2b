"""/shacl: the validation report of the loaded data (GET) and of posted data (POST), as JSON and HTML."""

from __future__ import annotations

import json
import socket

import pytest
from ui_data import HOSTILE

pytest_plugins = ["ui_fixtures"]

SHAPES = "https://w3id.org/fengong/shapes#"
AGENCY = "https://w3id.org/fengong/id/agency/220000/9999"

PREFIXES = """\
@prefix fg:   <https://w3id.org/fengong/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct:  <http://purl.org/dc/terms/> .
"""
GOOD_AGENCY = PREFIXES + f"""
<{AGENCY}> a fg:Agency ; skos:prefLabel "吉林省测试厅"@zh , "Jilin Test Department"@en ;
    dct:spatial <https://w3id.org/fengong/id/division/220000> .
"""
NO_ENGLISH_NAME = PREFIXES + f"""
<{AGENCY}> a fg:Agency ; skos:prefLabel "吉林省测试厅"@zh ;
    dct:spatial <https://w3id.org/fengong/id/division/220000> .
"""


def post(service, body: str | bytes, content_type: str, accept: str = "application/json"):
    return service.request("POST", "/shacl", body=body, headers={"Content-Type": content_type, "Accept": accept})


def test_loaded_data_report(ui_service):
    reply = ui_service.request("GET", "/shacl", headers={"Accept": "application/json"})
    assert reply.status == 200 and reply.headers["content-type"].startswith("application/json")
    report = json.loads(reply.body)
    assert report["data"] == "loaded" and report["conforms"] is False
    assert report["shapes"] == ["fengong-shapes.ttl"]
    # The Jilin sample conforms; only the hostile agency (no jurisdiction, no English name) breaks shapes.
    assert {(r["focus"], r["shape"]) for r in report["results"]} == {
        (HOSTILE, SHAPES + "AgentJurisdiction"), (HOSTILE, SHAPES + "AgentNameEn")}
    assert all(r["severity"] == "violation" for r in report["results"])
    assert {r["rule_zh"] for r in report["results"]} == {"缺少管辖区域", "缺少英文正式名称"}


def test_loaded_data_report_as_html(ui_service):
    reply = ui_service.request("GET", "/shacl", headers={"Accept": "text/html"})
    assert reply.status == 200 and reply.headers["content-type"].startswith("text/html")
    table = reply.text.split('id="report"')[1].split("</table>")[0]
    assert table.count("<tr>") == 3
    assert "缺少英文正式名称" in table
    assert "<script>" not in reply.text and "&lt;script&gt;" in table


GOOD_AGENCY_TRIG = PREFIXES + f"""
<https://w3id.org/fengong/graph/test> {{
    <{AGENCY}> a fg:Agency ; skos:prefLabel "吉林省测试厅"@zh , "Jilin Test Department"@en ;
        dct:spatial <https://w3id.org/fengong/id/division/220000> .
}}
"""


@pytest.mark.parametrize("body, content_type", [
    (GOOD_AGENCY, "text/turtle"),
    (GOOD_AGENCY, "text/turtle; charset=utf-8"),
    (GOOD_AGENCY_TRIG, "application/trig"),
])
def test_posted_data_that_conforms(ui_service, body, content_type):
    report = json.loads(post(ui_service, body, content_type).body)
    rules = report.pop("rules")
    assert report == {"conforms": True, "triples": 4, "results": [], "data": "posted",
                      "shapes": ["fengong-shapes.ttl"]}
    # The one agency posted is the one focus node of the agent shape, and passes it.
    assert [(shape["checked"], shape["failed"]) for shape in rules if shape["name"] == "AgentNameShape"] == [(1, 0)]


def test_posted_data_that_breaks_a_shape(ui_service):
    reply = post(ui_service, NO_ENGLISH_NAME, "text/turtle")
    assert reply.status == 200
    report = json.loads(reply.body)
    assert report["conforms"] is False
    [result] = report["results"]
    assert (result["focus"], result["shape"], result["severity"]) == (AGENCY, SHAPES + "AgentNameEn", "violation")
    assert result["agent"] == "吉林省测试厅"
    html = post(ui_service, NO_ENGLISH_NAME, "text/turtle", accept="text/html")
    assert html.headers["content-type"].startswith("text/html") and "缺少英文正式名称" in html.text


def test_posted_json_ld(ui_service):
    document = {
        "@context": {"skos": "http://www.w3.org/2004/02/skos/core#", "dct": "http://purl.org/dc/terms/"},
        "@id": AGENCY, "@type": "https://w3id.org/fengong/ontology#Agency",
        "skos:prefLabel": {"@value": "吉林省测试厅", "@language": "zh"},
        "dct:spatial": {"@id": "https://w3id.org/fengong/id/division/220000"},
    }
    report = json.loads(post(ui_service, json.dumps(document), "application/ld+json").body)
    assert [r["shape"] for r in report["results"]] == [SHAPES + "AgentNameEn"]


def test_remote_json_ld_context_is_never_fetched(ui_service):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        document = {"@context": f"http://127.0.0.1:{port}/context.jsonld", "@id": AGENCY, "name": "x"}
        reply = post(ui_service, json.dumps(document), "application/ld+json")
        assert reply.status == 400
        assert "cannot be parsed" in reply.text
        with pytest.raises(TimeoutError):
            listener.accept()


@pytest.mark.parametrize("body, content_type, status", [
    ("<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'/>", "application/rdf+xml", 415),
    (GOOD_AGENCY, "text/plain", 415),
    (GOOD_AGENCY, "", 415),
    ("<https://w3id.org/x> <https://w3id.org/p> .", "text/turtle", 400),
    ("{ not json", "application/ld+json", 400),
])
def test_bad_posts(ui_service, body, content_type, status):
    headers = {"Content-Type": content_type} if content_type else {}
    reply = ui_service.request("POST", "/shacl", body=body, headers={**headers, "Accept": "application/json"})
    assert reply.status == status


def test_body_size_limit(ui_service):
    # The default request-body limit is 1,000,000 bytes.
    big = GOOD_AGENCY + "# " + "x" * 1_000_000 + "\n"
    assert post(ui_service, big, "text/turtle").status == 413


def test_report_lists_each_rule_with_the_focus_nodes_checked_and_failed(ui_service):
    report = json.loads(ui_service.request("GET", "/shacl", headers={"Accept": "application/json"}).body)
    shapes = {shape["name"]: shape for shape in report["rules"]}
    # The sample holds tasks 14 and 16; every assignment of theirs (6 + 4) is checked by the assignment shape.
    assert shapes["TaskShape"]["checked"] == 2 and shapes["TaskShape"]["failed"] == 0
    assert shapes["AssignmentShape"]["checked"] == 10
    agents = shapes["AgentNameShape"]
    failed = {rule["name"]: rule["failed"] for rule in agents["rules"]}
    assert failed["AgentNameEn"] == 1 and failed["AgentJurisdiction"] == 1 and failed["AgentNameZh"] == 0
    assert agents["failed"] == 1 and agents["checked"] >= 8
    messages = {rule["name"]: rule["messages"] for rule in agents["rules"]}
    assert messages["AgentNameEn"]["zh"] == "缺少英文正式名称"


def test_page_shows_the_rules_and_a_form_for_a_file(ui_service):
    page = ui_service.request("GET", "/shacl", headers={"Accept": "text/html"}).text
    rules = page.split('id="rules"')[1].split("</table>")[0]
    assert "AgentNameEn" in rules and "缺少英文正式名称" in rules and rules.count('class="failed"') == 2
    assert 'enctype="multipart/form-data"' in page and 'type="file" name="data"' in page


def test_a_file_sent_by_the_form_is_checked(ui_service):
    boundary = "fengongboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"data\"; filename=\"mine.ttl\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n{NO_ENGLISH_NAME}\r\n--{boundary}\r\n"
            f"Content-Disposition: form-data; name=\"format\"\r\n\r\n\r\n--{boundary}--\r\n").encode()
    reply = post(ui_service, body, f"multipart/form-data; boundary={boundary}", accept="text/html")
    assert reply.status == 200, reply.text
    assert "(mine.ttl)" in reply.text and "不符合" in reply.text
    report = json.loads(post(ui_service, body, f"multipart/form-data; boundary={boundary}").body)
    assert report["file"] == "mine.ttl" and {r["shape"] for r in report["results"]} == {SHAPES + "AgentNameEn"}
