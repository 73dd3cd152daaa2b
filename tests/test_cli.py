"""The command line, end to end through subprocess: build, validate, export, query, and bad input."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from groundtruth.jilin_appendix import COLLECTIVE_TASKS, JILIN_TASKS, OPEN_TASKS
from jilin_graph import jilin_trig  # tests/ is on sys.path under pytest

from fengong import PROJECT_ROOT

FENGONG = [sys.executable, "-m", "fengong"]
GRAPH = jilin_trig()  # the Jilin plan alone: the expected answers below are its appendix
SIDECAR = """slug = "{slug}"
source = "{slug}.txt"
reader = "pdf-table"
jurisdiction = "220000"
[title]
zh = "测试规划"
en = "Test plan"
basis = "stated"
"""


def run(*args, cwd=None):
    return subprocess.run([*FENGONG, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def project(tmp_path: Path, text: str, slug: str = "doc") -> Path:
    """A project folder with the real registry and one document."""
    shutil.copytree(PROJECT_ROOT / "data" / "registry", tmp_path / "data" / "registry")
    sources = tmp_path / "data" / "sources"
    sources.mkdir(parents=True)
    (sources / f"{slug}.txt").write_text(text, encoding="utf-8")
    (sources / f"{slug}.meta.toml").write_text(SIDECAR.format(slug=slug), encoding="utf-8")
    return tmp_path


TABLE = "重点任务分工\n序号 工作任务 负责单位\n{rows}\n注:负责单位中列第一位者为牵头单位,其余为主要参与单位。\n"


def test_every_command_has_help():
    # In process: one subprocess per command would only measure import time.
    from click.testing import CliRunner

    from fengong.cli import main

    runner = CliRunner()
    top = runner.invoke(main, ["--help"])
    assert top.exit_code == 0
    names = main.list_commands(None)
    assert {"build", "validate", "export", "query", "serve"} <= set(names)
    for name in names:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, name
        assert name in top.output
    assert runner.invoke(main, ["export", "tasks", "--help"]).exit_code == 0


def test_export_json_is_the_appendix():
    result = run("export", "tasks", "--format", "json", "--data", str(GRAPH))
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["number"], r["text"], [r["lead"], *r["participants"]]) for r in rows] == [
        (n, t, u) for n, t, u in JILIN_TASKS]
    assert {r["number"] for r in rows if r["open_ended"]} == OPEN_TASKS
    assert {r["number"] for r in rows if "地方各级政府" in r["participants"]} == COLLECTIVE_TASKS
    assert sum(1 + len(r["participants"]) for r in rows) == 153


def test_export_markdown_and_csv():
    md = run("export", "tasks", "--format", "markdown", "--data", str(GRAPH)).stdout
    assert "| 14 | 制定实施国家残疾预防行动计划。广泛开展三级预防,实施重点干预工程 | " \
           "省残联、省卫生计生委、省公安厅、省人力资源社会保障厅、省民政厅、省财政厅等 |" in md
    assert "注:负责单位中列第一位者为牵头单位,其余为主要参与单位。" in md
    csv_text = run("export", "tasks", "--format", "csv", "--data", str(GRAPH)).stdout
    assert csv_text.splitlines()[0] == ("plan,key,number,label,parent,text,lead,participants,open_ended,other_roles,"
                                        "lead_basis")
    assert len(csv_text.splitlines()) == 37


def test_validate_passes_on_the_built_graph_and_fails_on_a_broken_one(tmp_path):
    ok = run("validate")  # the graph `fengong build` wrote: every document the project holds
    assert ok.returncode == 0 and "the data conforms" in ok.stdout
    broken = tmp_path / "broken.trig"
    text = GRAPH.read_text(encoding="utf-8")
    # Task 22's second unit (省体育局) made a second lead.
    marker = "<https://w3id.org/fengong/id/plan/jilin-disability-13fyp/task/22/assignment/2> a fg:Assignment ;"
    start = text.index(marker)
    end = text.index(" .\n", start)
    broken.write_text(text[:start] + text[start:end].replace("role:participant", "role:lead") + text[end:],
                      encoding="utf-8")
    bad = run("validate", str(broken))
    assert bad.returncode == 1
    assert "[TaskAtMostOneLead]" in bad.stdout and "task 22" in bad.stdout
    assert "The task has more than one lead unit / 任务有多个牵头单位" in bad.stdout


def test_query_formats_and_errors(tmp_path):
    q = tmp_path / "q.rq"
    q.write_text('PREFIX fg: <https://w3id.org/fengong/ontology#>\nSELECT (COUNT(*) AS ?n) WHERE { ?t a fg:Task }')
    jilin = ("--data", str(GRAPH))
    assert run("query", str(q), *jilin).stdout.splitlines()[2].strip() == "36"
    assert run("query", str(q), "--format", "csv", *jilin).stdout.splitlines() == ["n", "36"]
    assert json.loads(run("query", str(q), "--format", "json", *jilin).stdout)["results"]["bindings"][0]["n"][
        "value"] == "36"
    piped = subprocess.run([*FENGONG, "query", "-", *jilin], input=q.read_text(), capture_output=True, text=True)
    assert piped.returncode == 0 and "36" in piped.stdout
    # Without --data: every document the project holds, 260 tasks by the hand truths (tests/groundtruth).
    assert run("query", str(q), "--format", "csv").stdout.splitlines() == ["n", "260"]
    q.write_text("SELECT ?x WHERE { ?x ?y }")
    bad = run("query", str(q))
    assert bad.returncode == 2 and "1:26" in bad.stderr and "Traceback" not in bad.stderr


def test_build_is_deterministic(tmp_path):
    a, b = tmp_path / "a.trig", tmp_path / "b.trig"
    assert run("build", "--out", str(a)).returncode == 0
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([*FENGONG, "build", "--out", str(b)], env=env, check=True, capture_output=True)
    assert a.read_bytes() == b.read_bytes()


def test_no_task_table_exits_2_and_writes_nothing(tmp_path):
    root = project(tmp_path, "这是一段没有任务分工表的文字。\n各地要制定规划。\n")
    out = root / "data" / "graphs" / "fengong.trig"
    result = run("build", "--root", str(root))
    assert result.returncode == 2
    assert "doc.txt:1" in result.stderr and "no task-division table" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() and not list(out.parent.glob("*")) if out.parent.exists() else True


@pytest.mark.parametrize(("rows", "line", "words"), [
    ("1 第一项任务\n省民政厅、省财政厅\n2 第二项任务没有单位\n3 第三项任务\n省残联", 5, "task 2 has no unit list"),
    ("省民政厅、省财政厅\n1 第一项任务\n省残联", 3, "units with no number"),
    ("1 第一项任务\n省民政厅\n3 第三项任务\n省残联", 5, "task number 3 is out of sequence (expected 2)"),
])
def test_malformed_rows_are_errors_naming_the_line(tmp_path, rows, line, words):
    root = project(tmp_path, TABLE.format(rows=rows))
    out = tmp_path / "out.trig"
    out.write_text("previous", encoding="utf-8")
    result = run("build", "--root", str(root), "--out", str(out))
    assert result.returncode == 1
    assert f"doc.txt:{line}: error: {words}" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous"


def test_an_unknown_unit_is_kept_unresolved_and_reported(tmp_path):
    root = project(tmp_path, TABLE.format(rows="1 第一项任务\n省民政厅、省星际事务厅"))
    out = tmp_path / "out.trig"
    result = run("build", "--root", str(root), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "'省星际事务厅' is not in the registry" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert "fg:UnresolvedAgent" in text and '"省星际事务厅"@zh' in text
    check = run("validate", str(out))
    assert check.returncode == 0 and "WARNING [UnresolvedAgentShape]" in check.stdout


def test_a_killed_build_leaves_the_previous_graph_intact(tmp_path):
    fresh = tmp_path / "fresh.trig"
    assert run("build", "--out", str(fresh)).returncode == 0
    complete = fresh.read_bytes()
    out = tmp_path / "graph.trig"
    out.write_text("previous", encoding="utf-8")
    for delay in (0.2, 0.5, 0.8, 1.1, 1.4):
        proc = subprocess.Popen([*FENGONG, "build", "--out", str(out)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert out.read_bytes() in (b"previous", complete)
    assert run("build", "--out", str(out)).returncode == 0
    assert out.read_bytes() == complete
