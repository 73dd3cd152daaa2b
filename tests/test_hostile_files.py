"""Hostile files given to the command line (issue 13): each refused with exit 2 and a message naming the file
and the place, nothing fetched, nothing expanded, no traceback — as real subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from jilin_graph import jilin_trig  # tests/ is on sys.path under pytest

from fengong import PROJECT_ROOT

LAUGHS = """<?xml version="1.0"?>
{padding}<!DOCTYPE rdf:RDF [
 <!ENTITY a "lollollollollollollollollollol">
""" + "".join(f' <!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(9)) + """]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:p="http://e/">
  <rdf:Description rdf:about="http://e/s"><p:p>&j;</p:p></rdf:Description>
</rdf:RDF>
"""


def _fengong(*arguments, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fengong", *arguments], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture
def count_query(tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return query


@pytest.mark.parametrize("padding", ["", "<!--" + "x" * (1 << 20) + "-->\n"])
def test_billion_laughs_is_refused_wherever_the_entities_are(tmp_path, count_query, padding):
    laughs = tmp_path / "laughs.rdf"
    laughs.write_text(LAUGHS.format(padding=padding))
    for arguments in (["query", str(count_query), "--data", str(laughs)], ["validate", str(laughs)]):
        result = _fengong(*arguments)
        assert result.returncode == 2, result.stderr
        assert "laughs.rdf" in result.stderr and "entity" in result.stderr
        assert "Traceback" not in result.stderr


def test_deep_rdf_xml_is_refused_with_its_line(tmp_path, count_query):
    deep = tmp_path / "deep.rdf"
    deep.write_text('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:p="http://e/">\n'
                    '<rdf:Description rdf:about="http://e/a">\n' + "<p:x><rdf:Description>\n" * 5000
                    + "</rdf:Description></p:x>" * 5000 + "</rdf:Description></rdf:RDF>")
    result = _fengong("query", str(count_query), "--data", str(deep))
    assert result.returncode == 2 and "deep.rdf: line 34" in result.stderr


def test_remote_json_ld_context_is_never_fetched(tmp_path, listener):
    port, seen = listener
    remote = tmp_path / "remote.jsonld"
    remote.write_text(json.dumps({"@context": f"http://127.0.0.1:{port}/context.jsonld", "@id": "http://e/a",
                                  "name": "x"}))
    result = _fengong("validate", str(remote))
    assert result.returncode == 2 and "remote.jsonld" in result.stderr
    assert seen == []


def test_deep_json_ld_file_is_refused_with_its_place(tmp_path, count_query):
    deep = tmp_path / "deep.jsonld"
    deep.write_text('{"@id": "http://e/a", "http://e/p": ' * 10_000 + '"x"' + "}" * 10_000)
    result = _fengong("query", str(count_query), "--data", str(deep))
    assert result.returncode == 2
    assert "deep.jsonld: line 1, column" in result.stderr and "nest deeper" in result.stderr


def test_deep_query_file_is_refused_with_its_place(tmp_path):
    query = tmp_path / "deep.rq"
    query.write_text("SELECT * WHERE {\n FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }")
    result = _fengong("query", str(query), "--data", str(PROJECT_ROOT / "ontology" / "schemes.ttl"))
    assert result.returncode == 2
    assert "deep.rq: line 2, column" in result.stderr


def test_a_token_longer_than_the_parser_takes_is_a_clear_error(tmp_path, count_query):
    big = tmp_path / "big.nt"
    big.write_text('<http://e/a> <http://e/p> "' + "x" * (17 << 20) + '" .\n')
    for arguments in (["query", str(count_query), "--data", str(big)], ["export", "tasks", "--data", str(big)],
                      ["validate", str(big)]):
        result = _fengong(*arguments)
        assert result.returncode == 2, result.stderr
        assert "big.nt: too large to parse" in result.stderr and "Traceback" not in result.stderr


def test_posted_get_and_cli_validation_agree_on_the_built_graph(live_service):
    graph = jilin_trig()  # a fresh build of the Jilin plan and the registries
    assert _fengong("validate", str(graph)).returncode == 0
    served = live_service(data_files=[graph])
    loaded = json.loads(served.request("GET", "/shacl", headers={"Accept": "application/json"}).body)
    posted = json.loads(served.request("POST", "/shacl", graph.read_bytes(),
                                       {"Content-Type": "application/trig", "Accept": "application/json"}).body)
    assert loaded["conforms"] is True and loaded["results"] == []
    assert posted["conforms"] is True and posted["results"] == []
    assert posted["triples"] == loaded["triples"]
