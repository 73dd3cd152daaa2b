"""The text index of task texts (tantivy, n-grams): it narrows, the store decides, so the question answers
the same rows with and without it; it follows the store version; it serves an on-disk store too."""

from __future__ import annotations

import json
import re
import urllib.parse

import pyoxigraph as ox
import pytest
from conftest import start_service, stop_service
from jilin_graph import jilin_files

from fengong.questions import example_query, load_questions
from fengong.store import GraphStore, open_store
from fengong.textindex import TextIndex, index_directory

TOKEN = "text-token"
#: Chinese words of one to four characters, a Latin text in another case, a text found nowhere, an empty one.
SEARCHES = ["康复", "无障碍", "残", "残疾人就业", "省", "不存在的字串", "sparql", "，"]
QUESTION = load_questions()["task-text-search"]


@pytest.fixture(scope="module")
def jilin(live_service, tmp_path_factory):
    folder = tmp_path_factory.mktemp("jilin-text")
    return live_service(data_files=jilin_files(folder), settings={"update_token": TOKEN}, store=folder / "store")


def _rows_by_index(service, text: str) -> list[dict]:
    reply = service.request("GET", "/queries/task-text-search.json?" + urllib.parse.urlencode({"text": text}))
    assert reply.status == 200, reply.text
    return json.loads(reply.body)["rows"]


def _rows_by_sparql(service, text: str) -> list[dict]:
    """The question as plain SPARQL on /sparql: the texts read and matched by the store, no index."""
    reply = service.query(example_query(QUESTION, {"text": text}), accept="application/sparql-results+json")
    assert reply.status == 200, reply.text
    document = json.loads(reply.body)
    columns = document["head"]["vars"]
    return [{c: row[c]["value"] if c in row else None for c in columns} for row in document["results"]["bindings"]]


def _plain(rows: list[dict]) -> list[dict]:
    return [{key: None if value is None else str(value) for key, value in row.items()} for row in rows]


@pytest.mark.parametrize("text", SEARCHES)
def test_the_index_answers_the_rows_of_the_sparql_it_replaces(jilin, text):
    assert _plain(_rows_by_index(jilin, text)) == _plain(_rows_by_sparql(jilin, text))


def test_the_searches_find_something(jilin):
    assert len(_rows_by_index(jilin, "康复")) >= 3
    assert _rows_by_index(jilin, "不存在的字串") == []


def test_the_index_follows_updates(jilin):
    word = "索引跟随更新"
    assert _rows_by_index(jilin, word) == []
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
    rows = _rows_by_index(jilin, word)
    assert [row["task"] for row in rows] == [task]
    assert _plain(rows) == _plain(_rows_by_sparql(jilin, word))


def test_every_substring_finds_its_task(tmp_path):
    store = ox.Store()
    texts = {"https://example.org/t1": "加强残疾人康复服务", "https://example.org/t2": "推进无障碍环境建设 ABC"}
    for iri, text in texts.items():
        store.add(ox.Quad(ox.NamedNode(iri), ox.NamedNode("http://purl.org/dc/terms/description"), ox.Literal(text),
                          ox.NamedNode("https://example.org/g")))
    graph_store = GraphStore()
    graph_store.store = store
    index = TextIndex(graph_store, tmp_path / "index")
    for iri, text in texts.items():
        for start in range(len(text)):
            for end in range(start + 1, len(text) + 1):
                assert iri in index.lookup(text[start:end]), text[start:end]
    assert index.lookup("") is None
    assert index.lookup("环境康复") == []
    # Found in one text of two: too many to be worth giving the store, which then reads the texts itself.
    assert index.narrowing("康复") is None


def test_texts_of_blank_nodes_turn_the_index_off(tmp_path):
    graph_store = GraphStore()
    graph_store.store.add(ox.Quad(ox.BlankNode(), ox.NamedNode("http://purl.org/dc/terms/description"),
                                  ox.Literal("康复"), ox.DefaultGraph()))
    assert TextIndex(graph_store, tmp_path / "index").lookup("康复") is None


def test_an_on_disk_store_has_its_index_beside_it(tmp_path):
    location = tmp_path / "store"
    service = start_service(jilin_files(tmp_path), {}, tmp_path / "service.log", store=location)
    try:
        assert (index_directory(location) / "version").is_file()
        assert _plain(_rows_by_index(service, "康复")) == _plain(_rows_by_sparql(service, "康复"))
    finally:
        stop_service(service)


def test_the_search_box_asks_the_question(jilin):
    page = jilin.request("GET", "/").text
    form = re.search(r'<form class="search"[^>]*action="([^"]+)"[^>]*>\s*<input type="search" name="(\w+)"', page)
    assert form, "the page has no search box"
    action, field = form.groups()
    answer = jilin.request("GET", action + "?" + urllib.parse.urlencode({field: "康复"}))
    assert answer.status == 200
    for row in _rows_by_index(jilin, "康复"):
        assert row["description"] in answer.text


def test_rare_texts_are_narrowed_on_the_jilin_graph(tmp_path):
    """The equality above covers both ways: texts the index narrows (rare ones) and texts it leaves to the store."""
    index = TextIndex(open_store(None, jilin_files(tmp_path)), tmp_path / "index")
    assert index.narrowing("无障碍") and index.narrowing("不存在的字串") == []
    assert index.narrowing("残") is None and len(index.lookup("残")) > 20
