"""The text indexes (tantivy) and the text searches they page: every page of a search answers the rows the plain
SPARQL question answers for that page's tasks (or agents), the count is the plain answer's, the order is the
question's; the match is exact; the indexes follow the store version and serve an on-disk store too."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import urllib.parse
from collections import Counter

import pyoxigraph as ox
import pytest
from conftest import start_service, stop_service
from engines import synthetic_dataset
from jilin_graph import jilin_files

from fengong.questions import bind, example_query, load_questions, with_values
from fengong.service.questions_api import PAGE_SIZE
from fengong.store import GraphStore, open_store
from fengong.textindex import TextIndex, index_directory

_XSD = "http://www.w3.org/2001/XMLSchema#"

TOKEN = "text-token"
QUESTIONS = load_questions()
#: Per question: texts found in many things, in a few, in exactly one (checked below), in none; Latin in
#: another case; punctuation.
SEARCHES = {
    "task-text-search": ["残", "康复", "无障碍", "残疾人就业", "省", "不存在的字串", "sparql", "，",
                         "建立残疾儿童康复救助制度"],
    "find-agency": ["省", "残联", "Finance", "FINANCE", "不存在的单位", "吉林省残疾人联合会", "（"],
}


@pytest.fixture(scope="module")
def jilin(live_service, tmp_path_factory):
    folder = tmp_path_factory.mktemp("jilin-text")
    return live_service(data_files=jilin_files(folder), settings={"update_token": TOKEN}, store=folder / "store")


@pytest.fixture(scope="module")
def synthetic_files(tmp_path_factory):
    """Synthetic plans (national and city level, benchmarks/synthetic_corpus.py) with the Jilin graph."""
    return [synthetic_dataset(tmp_path_factory.mktemp("synthetic-text")), *jilin_files()]


@pytest.fixture(scope="module")
def synthetic(live_service, synthetic_files):
    return live_service(data_files=synthetic_files)


def _page(service, name: str, text: str, **paging) -> dict:
    reply = service.request("GET", f"/queries/{name}.json?" + urllib.parse.urlencode({"text": text, **paging}))
    assert reply.status == 200, reply.text
    return json.loads(reply.body)


def _plain(service, name: str, text: str) -> list[dict]:
    """The question as plain SPARQL on /sparql, its whole answer: the store reads every text, no index."""
    reply = service.query(example_query(QUESTIONS[name], {"text": text}), accept="application/sparql-results+json")
    assert reply.status == 200, reply.text
    document = json.loads(reply.body)
    columns = document["head"]["vars"]
    return [{c: row[c]["value"] if c in row else None for c in columns} for row in document["results"]["bindings"]]


def _strings(rows: list[dict]) -> list[dict]:
    return [{key: None if value is None else str(value) for key, value in row.items()} for row in rows]


def _things(name: str, rows: list[dict]) -> list[str]:
    """The things a search finds (its ``?VARIABLE``), in the order of their first rows."""
    return list(dict.fromkeys(row[QUESTIONS[name].search.variable] for row in rows))


def _check_every_page(service, name: str, text: str, size: int) -> int:
    """Walk the pages of a search by their ``next`` links: each holds the plain answer's rows of its things, in
    its order; together they hold all of them. Returns how many things were found."""
    plain = _strings(_plain(service, name, text))
    things = _things(name, plain)
    document, seen = _page(service, name, text, _size=size), 0
    while True:
        expected = things[seen:seen + size]
        assert document["total"] == len(things) and document["page_size"] == size
        assert _strings(document["rows"]) == [row for row in plain if row[QUESTIONS[name].search.variable]
                                              in expected], (text, document["page"])
        seen += len(expected)
        if document["next"] is None:
            break
        assert document["next"].startswith(f"/queries/{name}.json?")  # from the site's root, whatever the host
        reply = service.request("GET", document["next"])
        document = json.loads(reply.body)
    assert seen == len(things)
    return len(things)


@pytest.mark.parametrize("name, text", [(name, text) for name, texts in SEARCHES.items() for text in texts])
def test_every_page_answers_the_rows_of_the_plain_sparql_on_the_jilin_graph(jilin, name, text):
    _check_every_page(jilin, name, text, PAGE_SIZE)
    _check_every_page(jilin, name, text, 3)


def test_the_searches_find_many_one_and_none(jilin):
    assert _check_every_page(jilin, "task-text-search", "残", 5) > 20
    assert _check_every_page(jilin, "task-text-search", "建立残疾儿童康复救助制度", 5) == 1
    assert _check_every_page(jilin, "task-text-search", "不存在的字串", 5) == 0
    assert _check_every_page(jilin, "find-agency", "吉林省残疾人联合会", 5) == 1
    # Names are compared lower-cased, as the question does: both cases find the same agencies.
    assert _page(jilin, "find-agency", "FINANCE")["total"] == _page(jilin, "find-agency", "finance")["total"] > 0


def test_every_page_answers_the_rows_of_the_plain_sparql_on_synthetic_plans(synthetic):
    # The most common character of the task texts, and pieces of texts and names drawn as the benchmark draws them.
    texts = _column(synthetic, "SELECT ?d WHERE { ?t a fg:Task ; dct:description ?d }")
    names = _column(synthetic, "SELECT ?n WHERE { ?a a fg:Agency ; skos:prefLabel|fg:shortName ?n }")
    common = Counter("".join(texts)).most_common(1)[0][0]
    rng = random.Random(14)
    pieces = {"task-text-search": [common] + [_piece(rng, texts) for _ in range(4)],
              "find-agency": [common] + [_piece(rng, names) for _ in range(4)]}
    assert _check_every_page(synthetic, "task-text-search", common, 50) > 100  # several pages
    for name, values in pieces.items():
        for text in values:
            _check_every_page(synthetic, name, text, 50)


def _column(service, query: str) -> list[str]:
    prefixes = ("PREFIX fg: <https://w3id.org/fengong/ontology#> PREFIX dct: <http://purl.org/dc/terms/> "
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")
    reply = service.query(prefixes + query, accept="application/sparql-results+json")
    return [next(iter(row.values()))["value"] for row in json.loads(reply.body)["results"]["bindings"]]


def _piece(rng: random.Random, words: list[str]) -> str:
    word = rng.choice(words)
    start = rng.randrange(max(1, len(word) - 1))
    return word[start:start + 2]


@pytest.mark.parametrize("name", sorted(SEARCHES))
def test_the_index_holds_what_the_question_answers_in_its_order(synthetic_files, tmp_path, name):
    """Asked for the empty text (which every text contains), the index gives every thing the question answers
    with, in the order of the question's rows."""
    graph_store = open_store(None, synthetic_files)
    question = QUESTIONS[name]
    terms = {**bind(question, {"text": "x"}), ox.Variable("text"): ox.Literal("")}
    rows = graph_store.store.query(with_values(question.query, terms), use_default_graph_as_union=True)
    expected = list(dict.fromkeys(row[question.search.variable].value for row in rows))
    found = TextIndex(graph_store, tmp_path / "index").search(question.search.index, "", 0, 10**6)
    assert len(expected) > 100 and found.total == len(expected)
    assert found.subjects == expected


def _index_of(texts: dict[str, list[str]], tmp_path, predicate: str = "http://purl.org/dc/terms/description"):
    """An index of the tasks ``texts`` (IRI → descriptions), each a task of one plan with a number and a lead."""
    fg = "https://w3id.org/fengong/ontology#"
    graph_store = GraphStore()
    graph = ox.NamedNode("https://example.org/g")
    for number, (iri, descriptions) in enumerate(texts.items(), start=1):
        task = ox.NamedNode(iri)
        quads = [(task, ox.NamedNode(fg + "isStepOfPlan"), ox.NamedNode("https://example.org/p")),
                 (task, ox.NamedNode(fg + "taskNumber"), ox.Literal(str(number), datatype=ox.NamedNode(
                     "http://www.w3.org/2001/XMLSchema#integer"))),
                 (task, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(fg + "Task")),
                 (ox.NamedNode(iri + "/a"), ox.NamedNode(fg + "task"), task)]
        quads += [(task, ox.NamedNode(predicate), ox.Literal(text)) for text in descriptions]
        graph_store.store.extend(ox.Quad(s, p, o, graph) for s, p, o in quads)
    return graph_store, TextIndex(graph_store, tmp_path / "index")


def test_every_substring_finds_its_task_and_nothing_else(tmp_path):
    texts = {"https://example.org/t1": ["加强残疾人康复服务"], "https://example.org/t2": ["推进无障碍环境建设 ABC", "好好"]}
    _, index = _index_of(texts, tmp_path)
    for descriptions in texts.values():
        for text in descriptions:
            for start in range(len(text)):
                for end in range(start + 1, len(text) + 1):
                    found = index.search("task-texts", text[start:end], 0, 10)
                    assert found.subjects == [t for t, d in texts.items() if any(text[start:end] in x for x in d)]
    # Characters apart, in another case, or across the two texts of one task are not the text.
    for absent in ("环境康复", "abc", "C好", "C 好", "好好好"):
        assert index.search("task-texts", absent, 0, 10).total == 0, absent
    assert index.search("task-texts", "", 0, 10).subjects == list(texts)


def test_a_page_is_cut_from_the_things_found_in_order(tmp_path):
    texts = {f"https://example.org/t{n:02}": [f"任务{n}"] for n in range(1, 26)}
    _, index = _index_of(texts, tmp_path)
    first, last = index.search("task-texts", "任务", 0, 10), index.search("task-texts", "任务", 20, 10)
    assert (first.total, last.total) == (25, 25)
    assert first.subjects == list(texts)[:10] and last.subjects == list(texts)[20:]
    assert index.search("task-texts", "任务", 30, 10).subjects == []


def _place(graph_store, task: str, start) -> None:
    """Give ``task`` a text whose position selector starts at ``start`` (a literal)."""
    oa, source, selector = "http://www.w3.org/ns/oa#", ox.NamedNode(task + "/text"), ox.NamedNode(task + "/text#at")
    graph_store.store.extend(ox.Quad(s, ox.NamedNode(p), o, ox.DefaultGraph()) for s, p, o in [
        (ox.NamedNode(task), "https://w3id.org/fengong/ontology#derivedFromText", source),
        (source, oa + "hasSelector", selector),
        (selector, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", ox.NamedNode(oa + "TextPositionSelector")),
        (selector, oa + "start", start)])
    graph_store.changed()


def test_tasks_are_found_in_document_order_not_number_order(tmp_path):
    # t1 is numbered 1 and t2 2 (as _index_of numbers them), but t2's text comes first in the source; t3 has no
    # place in the text and comes first, as an unbound ?start does in SPARQL.
    graph_store, index = _index_of({f"https://example.org/t{n}": ["康复"] for n in (1, 2, 3)}, tmp_path)
    _place(graph_store, "https://example.org/t1", ox.Literal("900", datatype=ox.NamedNode(_XSD + "integer")))
    _place(graph_store, "https://example.org/t2", ox.Literal("45", datatype=ox.NamedNode(_XSD + "integer")))
    expected = ["https://example.org/t3", "https://example.org/t2", "https://example.org/t1"]
    assert index.search("task-texts", "康复", 0, 10).subjects == expected
    question = load_questions()["task-text-search"]
    rows = graph_store.store.query(with_values(question.query, bind(question, {"text": "康复"})),
                                   use_default_graph_as_union=True)
    assert [row["task"].value for row in rows] == expected


def test_terms_the_index_cannot_order_turn_it_off(tmp_path):
    graph_store, index = _index_of({"https://example.org/t1": ["康复"]}, tmp_path)
    assert index.search("task-texts", "康复", 0, 10).total == 1
    # A task whose text starts at a string: the index would not know where SPARQL puts it.
    _place(graph_store, "https://example.org/t1", ox.Literal("二"))
    assert index.search("task-texts", "康复", 0, 10) is None


def test_texts_of_blank_nodes_turn_the_index_off(tmp_path):
    graph_store, index = _index_of({"https://example.org/t1": ["康复"]}, tmp_path)
    blank = ox.BlankNode()
    graph_store.store.extend([
        ox.Quad(blank, ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal("残联"),
                ox.DefaultGraph()),
        ox.Quad(blank, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                ox.NamedNode("https://w3id.org/fengong/ontology#Agency"), ox.DefaultGraph())])
    graph_store.changed()
    assert index.search("agent-names", "残联", 0, 10) is None
    assert index.search("task-texts", "康复", 0, 10).total == 1  # the other index is not affected


def test_the_index_follows_updates(jilin):
    word = "索引跟随更新"
    assert _page(jilin, "task-text-search", word)["rows"] == []
    task = "https://w3id.org/fengong/id/plan/test-text/task/1"
    update = f"""PREFIX fg: <https://w3id.org/fengong/ontology#>
    PREFIX dct: <http://purl.org/dc/terms/>
    INSERT DATA {{ GRAPH <https://w3id.org/fengong/graph/plan/test-text> {{
      <{task}> a fg:Task ; dct:description "检查{word}的任务" ; fg:taskNumber 1 ;
        fg:isStepOfPlan <https://w3id.org/fengong/id/plan/test-text> .
      <{task}/assignment/1> fg:task <{task}> ; fg:nameAsPrinted "某单位" .
    }} }}"""
    reply = jilin.request("POST", "/update", update, {"Content-Type": "application/sparql-update",
                                                      "Authorization": f"Bearer {TOKEN}"})
    assert reply.status == 204, reply.text
    document = _page(jilin, "task-text-search", word)
    assert [row["task"] for row in document["rows"]] == [task] and document["total"] == 1
    assert _strings(document["rows"]) == _strings(_plain(jilin, "task-text-search", word))


def test_the_page_is_asked_for_in_words(jilin):
    for paging, message in (({"_page": "0"}, "_page is a page number from 1"),
                            ({"_size": "501"}, "_size is a number of results from 1 to 500"),
                            ({"_size": "many"}, "_size is a number")):
        reply = jilin.request("GET", "/queries/task-text-search.json?" + urllib.parse.urlencode(
            {"text": "残", **paging}))
        assert reply.status == 400 and message in json.loads(reply.body)["error"]
    reply = jilin.request("GET", "/queries/plan-overview.json?_page=2")
    assert reply.status == 400 and "only text searches answer a page at a time" in json.loads(reply.body)["error"]


def test_the_csv_and_html_answers_give_the_same_page(jilin):
    page = _page(jilin, "task-text-search", "残", _page=2, _size=5)
    reply = jilin.request("GET", "/queries/task-text-search.csv?text=%E6%AE%8B&_page=2&_size=5")
    assert reply.status == 200 and reply.headers["fengong-total"] == str(page["total"])
    table = list(csv.DictReader(io.StringIO(reply.text)))
    assert [row["task"] for row in table] == [row["task"] for row in page["rows"]]
    assert [int(row["number"]) for row in table] == [row["number"] for row in page["rows"]]
    html = jilin.request("GET", "/queries/task-text-search?text=%E6%AE%8B&_page=2&_size=5").text
    assert f"{page['total']} found, page 2 of {-(-page['total'] // 5)}" in html
    assert 'rel="next" href="?text=%E6%AE%8B&amp;_page=3&amp;_size=5"' in html
    assert 'rel="prev" href="?text=%E6%AE%8B&amp;_page=1&amp;_size=5"' in html
    for row in page["rows"]:
        assert row["description"] in html


def test_an_on_disk_store_has_its_index_beside_it(tmp_path):
    location = tmp_path / "store"
    service = start_service(jilin_files(tmp_path), {}, tmp_path / "service.log", store=location)
    try:
        assert {path.name for path in index_directory(location).iterdir()} == {"version", "task-texts",
                                                                                 "agent-names"}
        _check_every_page(service, "task-text-search", "康复", 2)
    finally:
        stop_service(service)


def test_the_search_box_asks_the_question(jilin):
    page = jilin.request("GET", "/").text
    form = re.search(r'<form class="search"[^>]*action="([^"]+)"[^>]*>\s*<input type="search" name="(\w+)"', page)
    assert form, "the page has no search box"
    action, field = form.groups()
    answer = jilin.request("GET", action + "?" + urllib.parse.urlencode({field: "康复"}))
    assert answer.status == 200
    for row in _page(jilin, "task-text-search", "康复")["rows"]:
        assert row["description"] in answer.text
