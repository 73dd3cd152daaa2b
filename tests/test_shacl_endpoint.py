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
    assert report == {"conforms": True, "triples": 4, "results": [], "data": "posted",
                      "shapes": ["fengong-shapes.ttl"]}


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
