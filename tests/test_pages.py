"""Resource pages (/id/...) and the ontology page (/ontology): content negotiation, facts, links, the source
quote, escaping.

Data: tests/data/ui/jilin-sample.trig. From data/sources/jilin-disability-13fyp.txt: row 14 reads
"制定实施国家残疾预防行动计划。广泛开展三级预防,\\n实施重点干预工程" and its third unit is printed across a line
break as "省公安\\n厅"; 省残联 is listed first in rows 14 and 16.
"""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest
from ui_data import CDPF, HOSTILE, PLAN, ROOT

pytest_plugins = ["ui_fixtures"]

TASK_14 = PLAN + "/task/14"
LOCAL_14 = "/id/plan/jilin-disability-13fyp/task/14"


def parsed(body: bytes, rdf_format) -> list[ox.Triple]:
    return list(ox.parse(body, format=rdf_format))


def test_browser_gets_html(ui_service):
    reply = ui_service.request("GET", LOCAL_14, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("text/html")
    assert "Accept" in reply.headers["vary"]
    page = reply.text
    assert "<h1>任务 14</h1>" in page
    assert "制定实施国家残疾预防行动计划。广泛开展三级预防,实施重点干预工程" in page  # the description
    # The quote is the raw slice of the source, line break included, with its offsets.
    quote = "制定实施国家残疾预防行动计划。广泛开展三级预防,\n实施重点干预工程"
    assert f'<blockquote class="quote">{quote}</blockquote>' in page
    assert "1486–1519" in page


def test_task_page_lists_its_units_in_printed_order(ui_service):
    page = ui_service.request("GET", LOCAL_14, headers={"Accept": "text/html"}).text
    table = page.split('<table class="assignments">')[1].split("</table>")[0]
    rows = table.split("<tr>")[2:]
    assert len(rows) == 6
    assert "牵头单位" in rows[0] and "吉林省残疾人联合会" in rows[0]
    assert all("参与单位" in row for row in rows[1:])
    assert "<q>省公安\n厅</q>" in rows[2]
    # Links go to the local pages of the agencies.
    assert 'href="/id/agency/220000/0001"' in rows[0]


def test_agency_page_lists_the_tasks_it_leads(ui_service):
    page = ui_service.request("GET", "/id/agency/220000/0001", headers={"Accept": "text/html"}).text
    assert "<h1>吉林省残疾人联合会</h1>" in page
    assert "Jilin Disabled Persons" in page
    table = page.split('<table class="assignments">')[1].split("</table>")[0]
    rows = table.split("<tr>")[2:]
    assert len(rows) == 2
    for row, number in zip(rows, ("14", "16"), strict=True):
        assert f'href="/id/plan/jilin-disability-13fyp/task/{number}"' in row and "牵头单位" in row


@pytest.mark.parametrize("accept, fmt, rdf_format, mime", [
    ("text/turtle", None, ox.RdfFormat.TURTLE, "text/turtle"),
    ("application/ld+json", None, ox.RdfFormat.JSON_LD, "application/ld+json"),
    ("text/html;q=0.5, text/turtle", None, ox.RdfFormat.TURTLE, "text/turtle"),
    ("text/html", "jsonld", ox.RdfFormat.JSON_LD, "application/ld+json"),
    (None, "ntriples", ox.RdfFormat.N_TRIPLES, "application/n-triples"),
])
def test_clients_get_rdf(ui_service, accept, fmt, rdf_format, mime):
    path = LOCAL_14 + (f"?format={fmt}" if fmt else "")
    reply = ui_service.request("GET", path, headers={"Accept": accept} if accept else {})
    assert reply.status == 200
    assert reply.headers["content-type"].startswith(mime)
    triples = parsed(reply.body, rdf_format)
    subject = ox.NamedNode(TASK_14)
    number = ox.NamedNode("https://w3id.org/fengong/ontology#taskNumber")
    assert [t.object.value for t in triples if t.subject == subject and t.predicate == number] == ["14"]
    # The provenance records minted under the task's IRI come along: the quote selector's exact text.
    exact = ox.NamedNode("http://www.w3.org/ns/oa#exact")
    assert [t.object.value for t in triples if t.predicate == exact] == [
        "制定实施国家残疾预防行动计划。广泛开展三级预防,\n实施重点干预工程"]


def test_json_ld_is_json(ui_service):
    reply = ui_service.request("GET", "/id/agency/220000/0001", headers={"Accept": "application/ld+json"})
    document = json.loads(reply.body)
    assert CDPF in json.dumps(document)


def test_unknown_resource_and_format(ui_service):
    assert ui_service.request("GET", "/id/plan/no-such-plan", headers={"Accept": "text/html"}).status == 404
    assert ui_service.request("GET", LOCAL_14 + "?format=pdf").status == 406
    assert ui_service.request("GET", LOCAL_14, headers={"Accept": "image/png"}).status == 406


def test_data_is_escaped_and_no_javascript_link(ui_service):
    page = ui_service.request("GET", "/id/agency/999999/0001", headers={"Accept": "text/html"}).text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;" in page
    assert "<img" not in page and "&lt;img src=x onerror=alert(&#39;note&#39;)&gt;" in page
    assert 'href="javascript:' not in page
    assert "javascript:alert(&#39;link&#39;)" in page  # shown as text


def test_hostile_labels_are_escaped_where_they_are_linked(ui_service):
    # The hostile agency shows up as a label in question answers too (find-agency matches "script").
    page = ui_service.request("GET", "/queries/find-agency?text=script").text
    assert "<script>alert" not in page
    assert HOSTILE.removeprefix("https://w3id.org/fengong/id/") in page


def test_ontology_page(ui_service):
    reply = ui_service.request("GET", "/ontology", headers={"Accept": "text/html"})
    assert reply.status == 200
    page = reply.text
    # Every class and property of ontology/fengong.ttl is documented with its anchor and zh/en labels.
    ontology = list(ox.parse(path="ontology/fengong.ttl"))
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    owl = "http://www.w3.org/2002/07/owl#"
    kinds = {ox.NamedNode(owl + kind) for kind in ("Class", "ObjectProperty", "DatatypeProperty",
                                                  "AnnotationProperty")}
    terms = {t.subject.value.split("#")[1] for t in ontology if t.predicate == rdf_type and t.object in kinds
             and t.subject.value.startswith("https://w3id.org/fengong/ontology#")}
    assert {"Task", "Assignment", "Agency", "taskNumber", "agent"} <= terms
    for name in terms:
        assert f'<dt id="{name}">' in page, name
    assert "fg:Task — 任务 / Task" in page
    assert "作为作品的政府规划或实施方案" in page  # fg:Plan's Chinese definition
    turtle = ui_service.request("GET", "/ontology", headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert len(parsed(turtle.body, ox.RdfFormat.TURTLE)) == len(ontology)


def test_ontology_terms_link_to_their_documentation(ui_service):
    page = ui_service.request("GET", LOCAL_14, headers={"Accept": "text/html"}).text
    assert 'href="/ontology#taskNumber"' in page
    assert 'href="/ontology#Task"' in page


def test_plan_page_links_its_tasks(ui_service):
    page = ui_service.request("GET", "/id/plan/jilin-disability-13fyp", headers={"Accept": "text/html"}).text
    assert "<h1>吉林省“十三五”加快残疾人小康进程规划纲要</h1>" in page
    linked = page.split("被引用 Linked from")[1]
    assert 'href="/id/plan/jilin-disability-13fyp/task/14"' in linked
    assert 'href="/id/plan/jilin-disability-13fyp/task/16"' in linked
    assert 'href="/id/plan/jilin-disability-13fyp/section/annex"' in linked


def _linked_from(page: str) -> dict[str, list[str]]:
    """The "Linked from" groups of a page: property (compact IRI) → the links listed under it."""
    section = page.split("被引用 Linked from</h2>")[1]
    groups = {}
    for head, items in re.findall(r'<h3 class="incoming">(.*?)</h3>\s*<ul class="incoming">(.*?)</ul>', section,
                                  re.S):
        groups[re.search(r'<span class="iri">([^<]+)</span>', head).group(1)] = \
            re.findall(r'<li><a href="([^"]+)"', items)
    return groups


def test_linked_from_is_grouped_by_property_each_subject_once(ui_service):
    page = ui_service.request("GET", "/id/agency/220000/0001", headers={"Accept": "text/html"}).text
    groups = _linked_from(page)
    # 省残联 leads tasks 14 and 16: listed once, under fg:leadAgent, not again as fg:responsibleAgent.
    assert groups["fg:leadAgent"] == [LOCAL_14, "/id/plan/jilin-disability-13fyp/task/16"]
    assert "fg:responsibleAgent" not in groups
    links = [link for group in groups.values() for link in group]
    assert len(links) == len(set(links))


def test_linked_from_sorts_numbers_by_value():
    from fengong.service.pages import natural_key

    names = ["任务 30", "任务 3", "任务 12", "任务 4", "任务 11"]
    assert sorted(names, key=natural_key) == ["任务 3", "任务 4", "任务 11", "任务 12", "任务 30"]


def test_task_facts_list_participants_in_printed_order(ui_service):
    page = ui_service.request("GET", LOCAL_14, headers={"Accept": "text/html"}).text
    row = page.split("fg:participatingAgent</span>")[1].split("</tr>")[0]
    # Row 14 prints 省残联、省卫生计生委、省公安厅、省人力资源社会保障厅、省民政厅、省财政厅等 (the sample's IRIs:
    # 0001, 0006, 0010, 0004, 0002, 0003).
    assert re.findall(r'href="/id/agency/220000/(\d+)"', row) == ["0006", "0010", "0004", "0002", "0003"]


def test_errors_are_in_the_sites_layout_for_people_and_json_for_programs(ui_service):
    page = ui_service.request("GET", "/id/plan/no-such-plan", headers={"Accept": "text/html"})
    assert page.status == 404 and page.headers["content-type"].startswith("text/html")
    assert '<header class="site">' in page.text and "nothing is known about" in page.text
    for path in ("/queries/nonexistent.json", "/no-such-page.json"):
        reply = ui_service.request("GET", path, headers={"Accept": "text/html"})
        assert reply.status == 404 and reply.headers["content-type"].startswith("application/json"), path
        assert json.loads(reply.text)["status"] == 404
    assert "no-such-question" in json.loads(ui_service.request("GET", "/queries/no-such-question.json").text)["error"]
    # A program that asks for JSON gets JSON on any path; the SPARQL protocol keeps its own errors.
    reply = ui_service.request("GET", "/nowhere", headers={"Accept": "application/json"})
    assert reply.status == 404 and json.loads(reply.text)["status"] == 404
    assert not ui_service.request("GET", "/sparql?query=SELEC", headers={"Accept": "text/html"}) \
        .headers["content-type"].startswith("application/json")


def test_favicon(ui_service):
    reply = ui_service.request("GET", "/favicon.ico")
    assert reply.status == 200 and reply.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in reply.text
    assert 'rel="icon" type="image/svg+xml" href="/favicon.ico"' in ui_service.request("GET", "/queries").text


def test_plan_table_follows_the_outline_and_marks_every_role():
    """Numbers restart in each part of a plan: the table follows the outline keys (2.9 before 2.10 before 3.1),
    shows the number as printed, and marks roles other than taking part by their Chinese label."""
    from fengong.service.plan_table import task_table

    store = ox.Store()
    store.load(path=str(ROOT / "ontology" / "schemes.ttl"), format=ox.RdfFormat.TURTLE)
    plan, fg = "https://w3id.org/fengong/id/plan/p", "https://w3id.org/fengong/ontology#"
    rows = []
    for key, number, label in (("3.1", 1, "（一）"), ("2.10", 10, "10."), ("2.9", 9, "9.")):
        task = f"{plan}/task/{key}"
        rows.append(f'<{task}> <{fg}isStepOfPlan> <{plan}> ; <{fg}taskNumber> {number} ; <{fg}outlineKey> "{key}" ;'
                    f' <{fg}numberLabel> "{label}" .')
        for position, role in ((1, "guiding"), (2, "participant")):
            rows.append(f'<{task}/a/{position}> <{fg}task> <{task}> ; <{fg}agent> <urn:agent:{position}> ;'
                        f' <{fg}listPosition> {position} ; <{fg}role> <https://w3id.org/fengong/id/role/{role}> ;'
                        f' <{fg}nameAsPrinted> "单位{position}" .')
    store.load("\n".join(rows).encode(), format=ox.RdfFormat.TURTLE)
    table = task_table(store, plan)
    assert [(row.key, row.label) for row in table] == [("2.9", "9."), ("2.10", "10."), ("3.1", "（一）")]
    assert [(unit.name, unit.role, unit.lead) for unit in table[0].units] == [("单位1", "指导", False),
                                                                              ("单位2", "", False)]


def test_network_page_offers_a_choice_of_plan(live_service):
    """With several plans loaded (the committed graph holds the corpus), the network page lets one choose a plan;
    the choice stays selected and the page's drawing asks for that plan's network."""
    import html

    graph = ROOT / "data" / "graphs" / "fengong.trig"
    service = live_service(data_files=[graph, *sorted((ROOT / "ontology").glob("*.ttl"))])
    store = ox.Store()
    store.load(path=str(graph), format=ox.RdfFormat.TRIG)
    with_tasks = {row["p"].value for row in store.query(
        "SELECT DISTINCT ?p WHERE { ?t <https://w3id.org/fengong/ontology#isStepOfPlan> ?p ; "
        "<https://w3id.org/fengong/ontology#taskNumber> ?n }", use_default_graph_as_union=True)}
    page = service.request("GET", "/network?plan=" + PLAN, headers={"Accept": "text/html"}).text
    offered = set(re.findall(r'<option value="(https://[^"]+)"', page))
    assert offered == with_tasks and len(offered) > 1
    assert f'<option value="{html.escape(PLAN)}" selected>' in page
