"""Every command fed a binary, an empty, a GBK-encoded and a truncated file: one line naming the file (and the
line where there is one), no traceback, and the README's exit code (2: the input cannot be read).

Commands run in process (click's runner), except `serve`, which is run as people run it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from fengong import PROJECT_ROOT
from fengong.cli import main

GRAPH_TEXT = (PROJECT_ROOT / "ontology" / "schemes.ttl").read_text(encoding="utf-8")
SOURCE_TEXT = (PROJECT_ROOT / "data" / "sources" / "jilin-disability-13fyp.txt").read_text(encoding="utf-8")
TRUTH = sorted((PROJECT_ROOT / "tests" / "groundtruth").glob("*.json"))[0]
GOOD_DATA = PROJECT_ROOT / "ontology" / "fengong.ttl"

#: What each kind of bad file is, per file type, and the words that say so.
KINDS = {
    "binary": (lambda text: bytes(range(256)) * 8, ("binary", "not UTF-8", "NUL")),
    "empty": (lambda text: b"", ("empty",)),
    "gbk": (lambda text: text.encode("gbk", errors="replace"), ("GBK",)),
    "truncated": (lambda text: text.encode("utf-8")[: len(text.encode("utf-8")) // 3], ("line", "error at")),
}
TEXTS = {
    ".trig": GRAPH_TEXT,
    ".rq": "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
           "SELECT ?concept WHERE { ?concept skos:prefLabel \"牵头单位\"@zh }\n",
    ".json": TRUTH.read_text(encoding="utf-8"),
    ".txt": SOURCE_TEXT,
}

#: Each command with a bad file in one of its inputs: (name, arguments with {bad} and {tmp}, bad file's suffix).
COMMANDS = [
    ("validate", ["validate", "{bad}"], ".trig"),
    ("export", ["export", "tasks", "--data", "{bad}"], ".trig"),
    ("query", ["query", "{bad}"], ".rq"),
    ("query --data", ["query", str(PROJECT_ROOT / "queries" / "plan-overview.rq"), "--data", "{bad}"], ".trig"),
    ("analyze", ["analyze", "--data", "{bad}", "--out", "{tmp}/out"], ".trig"),
    ("ingest", ["ingest", "{bad}", "-o", "{tmp}/out.trig"], ".txt"),
    ("evaluate --data", ["evaluate", "--data", "{bad}", str(TRUTH)], ".trig"),
    ("evaluate", ["evaluate", "--data", str(GOOD_DATA), "{bad}"], ".json"),
    ("derive", ["derive", "--data", "{bad}", "-o", "{tmp}/derived.trig"], ".trig"),
    ("check", ["check", "{bad}"], ".trig"),
    ("link", ["link", "--from", "a", "--to", "b", "--data", "{bad}"], ".trig"),
    ("load", ["load", "--endpoint", "http://127.0.0.1:9/query", "--data", "{bad}", "--retry-seconds", "0",
              "--journal", "{tmp}/journal"], ".trig"),
]
#: Where a command reads a bad file on purpose, what it does instead (documented in the README).
EXPECTED_CODE = {("ingest", "gbk"): 0}  # source texts in GBK/GB18030 are read, with a warning naming the line


def bad_file(tmp_path: Path, kind: str, suffix: str) -> Path:
    path = tmp_path / f"bad-{kind}{suffix}"
    path.write_bytes(KINDS[kind][0](TEXTS[suffix]))
    return path


def check_output(output: str, path: Path, kind: str) -> None:
    """The output says, on one line that names the file, what is wrong with it; nothing else is long."""
    assert "Traceback" not in output
    lines = [line for line in output.replace("\r", "\n").splitlines() if line.strip()]
    naming = [line for line in lines if str(path) in line and any(w in line for w in KINDS[kind][1])]
    assert naming, output
    assert all(len(line) <= 300 for line in lines), output


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name, args, suffix", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_bad_input_gets_one_line_and_the_documented_exit_code(tmp_path, name, args, suffix, kind):
    path = bad_file(tmp_path, kind, suffix)
    result = CliRunner().invoke(main, [a.format(bad=path, tmp=tmp_path) for a in args])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    assert result.exit_code == EXPECTED_CODE.get((name, kind), 2), result.output
    check_output(result.output, path, kind if (name, kind) not in EXPECTED_CODE else "truncated")


@pytest.mark.parametrize("kind", KINDS)
def test_build_names_the_bad_source(tmp_path, kind):
    root = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT / "data" / "registry", root / "data" / "registry")
    sources = root / "data" / "sources"
    sources.mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "data" / "sources" / "jilin-disability-13fyp.meta.toml", sources)
    path = sources / "jilin-disability-13fyp.txt"
    path.write_bytes(KINDS[kind][0](SOURCE_TEXT))
    result = CliRunner().invoke(main, ["build", "--root", str(root), "--out", str(tmp_path / "out.trig")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and not (tmp_path / "out.trig").exists()
    assert "jilin-disability-13fyp.txt" in result.output


@pytest.mark.parametrize("kind", KINDS)
def test_serve_refuses_a_bad_file_before_serving(tmp_path, kind):
    path = bad_file(tmp_path, kind, ".trig")
    done = subprocess.run([sys.executable, "-m", "fengong", "serve", "--load", str(path), "--port", "9"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    check_output(done.stdout + done.stderr, path, kind)


def test_query_table_compacts_iris_with_the_querys_prefixes(tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("PREFIX r: <https://w3id.org/fengong/id/role/>\n"
                     "SELECT ?role ?other WHERE { VALUES (?role ?other) { (r:lead <https://w3id.org/fengong/id/agency/"
                     "220000/0001>) (r:participant <urn:x>) } }\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(query), "--data", str(GOOD_DATA)])
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.output.splitlines()[2:4]]
    assert rows == [["r:lead", "fgid:agency/220000/0001"], ["r:participant", "<urn:x>"]]


def test_serve_with_a_bad_file_leaves_the_on_disk_store_as_it_was(tmp_path):
    from conftest import SERVICE_DATA, start_service, stop_service

    location = tmp_path / "store"
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    first = start_service(SERVICE_DATA, {}, tmp_path / "first.log", store=location)
    stop_service(first)
    path = bad_file(tmp_path, "truncated", ".trig")
    done = subprocess.run([sys.executable, "-m", "fengong", "serve", "--store", str(location), "--load",
                           str(SERVICE_DATA[0]), "--load", str(path), "--port", "9"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    check_output(done.stdout + done.stderr, path, "truncated")
    # Served again without --load: the data of the first load, whole.
    again = start_service([], {}, tmp_path / "again.log", store=location)
    try:
        assert again.query(count, accept="text/csv").text.split() == ["n", "35"]
    finally:
        stop_service(again)
