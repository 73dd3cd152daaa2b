"""``fengong ingest`` and ``fengong evaluate`` end to end, through the installed command."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
FENGONG = [str(Path(sys.executable).parent / "fengong")]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*FENGONG, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_ingest_a_folder_then_evaluate(tmp_path: Path):
    out = tmp_path / "corpus.nq"
    done = run("ingest", str(CORPUS), "-o", str(out), "--no-progress", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    graphs = {line.rsplit(" ", 2)[-2] for line in out.read_text(encoding="utf-8").splitlines()}
    plan_graphs = {g for g in graphs if "/graph/plan/" in g}
    assert len(plan_graphs) == 13
    report = json.loads((tmp_path / "corpus.nq.report.json").read_text(encoding="utf-8"))
    # The statements counted by hand in each document (tests/groundtruth/*.json).
    assert {r["slug"]: r["tasks"] for r in report} == {
        "guobanfa-2018-117-jili-zhichi": 30, "guobanfa-2018-121-tiyu-jingsai": 21,
        "guobanfa-2018-128-wufei-chengshi": 39, "guofa-2019-03-zonghe-baoshuiqu": 21,
        "guofa-2019-05-shuang-suiji": 0, "sichuan-2026-ai-opc": 16, "hubei-2026-ai-opc": 12,
        "chongqing-2026-weilaixing-opc": 10, "wuhan-2026-ai-opc": 24, "zhengzhou-2026-opc-shequ": 16,
        "taicang-2026-ai-opc": 12, "luohu-2026-ai-opc": 15, "cangnan-2026-ai-opc-draft": 8}
    assert all(r["statements_seen"] == r["statements_read"] == r["tasks"] for r in report)
    assert (tmp_path / "corpus.nq.report.csv").read_text(encoding="utf-8").startswith("file,status,slug")
    truth = ROOT / "tests" / "groundtruth" / "guofa-2019-03-zonghe-baoshuiqu.json"
    scored = run("evaluate", "--data", str(out), str(truth), "--format", "json", cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    scores = json.loads(scored.stdout)["guofa-2019-03-zonghe-baoshuiqu"]
    assert (scores["task_recall"], scores["mention_precision"], scores["lead_accuracy"]) == (1.0, 1.0, 1.0)
    assert scores["numbering_accuracy"] == 1.0 and scores["aligned"] == 21


def test_broken_documents_are_reported_and_the_others_go_through(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(CORPUS / "guofa-2019-03-zonghe-baoshuiqu.txt", docs)
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (docs / "cut.csv").write_text("序号,工作任务,责任单位\n", encoding="utf-8")
    (docs / "gbk.txt").write_bytes("1.推进改革。（民政部负责）\n".encode("gbk"))
    out = tmp_path / "out.trig"
    done = run("ingest", str(docs), "-o", str(out), "--no-progress", cwd=tmp_path)
    assert done.returncode == 2
    assert "binary.txt:1: error: binary file" in done.stderr
    assert "cut.csv:1: error: a table header was found but no row" in done.stderr
    assert "gbk.txt:1: warning: not UTF-8" in done.stderr
    assert "Traceback" not in done.stderr
    report = {Path(r["file"]).name: r for r in json.loads((tmp_path / "out.trig.report.json").read_text("utf-8"))}
    assert {name: r["status"] for name, r in report.items()} == {
        "binary.txt": "error", "cut.csv": "error", "gbk.txt": "ok", "guofa-2019-03-zonghe-baoshuiqu.txt": "ok"}
    assert report["gbk.txt"]["tasks"] == 1 and report["guofa-2019-03-zonghe-baoshuiqu.txt"]["tasks"] == 21
    assert "<https://w3id.org/fengong/graph/plan/gbk>" in out.read_text(encoding="utf-8")


def test_the_summary_tells_documents_left_out_from_documents_read_with_errors(tmp_path: Path):
    """A document read in part (a table row cut short) is an error whose read part is written: the summary does not
    say it could not be read, and says which documents are not in the output at all."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (docs / "cut.txt").write_text("序号\n工作任务\n牵头单位\n配合单位\n完成时限\n1\n推进企业开办便利化。\n市市场监管局\n"
                                  "市公安局\n2019年底前\n2\n简化不动产登记。\n", encoding="utf-8")
    (docs / "good.txt").write_text("1.推进丙。（民政部、财政部负责）\n", encoding="utf-8")
    out = tmp_path / "out.trig"
    done = run("ingest", str(docs), "-o", str(out), "--no-progress", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "cut.txt:11: error: row 2 is cut short" in done.stderr
    assert "cut.txt: 1 of 1 responsibility statement(s) read (flat-table): 1 tasks" in done.stderr
    assert "ingested 2 of 3 document(s) (1 with errors): 2 tasks" in done.stdout
    assert "1 document(s) not ingested, nothing of them written: docs/binary.txt" in done.stderr
    assert "1 document(s) read with errors, what was read of them written: docs/cut.txt" in done.stderr
    assert "could not be read:" not in done.stderr
    report = {Path(r["file"]).name: r for r in json.loads((tmp_path / "out.trig.report.json").read_text("utf-8"))}
    assert {name: (r["status"], r["written"]) for name, r in report.items()} == {
        "binary.txt": ("error", False), "cut.txt": ("error", True), "good.txt": ("ok", True)}
    assert "<https://w3id.org/fengong/graph/plan/cut>" in out.read_text(encoding="utf-8")
    # Only documents that all read: no error summary, exit 0.
    (docs / "binary.txt").unlink()
    (docs / "cut.txt").unlink()
    done = run("ingest", str(docs), "-o", str(out), "--no-progress", cwd=tmp_path)
    assert done.returncode == 0 and "ingested 1 of 1 document(s): 1 tasks" in done.stdout
    assert "not ingested" not in done.stderr and "with errors" not in done.stderr


def test_an_element_dump_that_is_no_json_is_left_out_naming_its_line(tmp_path: Path):
    """A parser's JSON export cut short: one error line with the file and the line, nothing of it written, the
    other documents ingested; a folder's .json files (ground truths) are not documents unless named."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "cut.json").write_text('{"kids": [\n  {"type": "paragraph", "content": "1.推进甲。（民政部负责）"},\n',
                                   encoding="utf-8")
    (docs / "good.txt").write_text("1.推进丙。（民政部、财政部负责）\n", encoding="utf-8")
    out = tmp_path / "out.trig"
    done = run("ingest", str(docs / "cut.json"), str(docs / "good.txt"), "-o", str(out), "--no-progress",
               cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "docs/cut.json:3: error: not valid JSON" in done.stderr
    assert "1 document(s) not ingested, nothing of them written: docs/cut.json" in done.stderr
    assert "/graph/plan/cut>" not in out.read_text(encoding="utf-8")
    assert "/graph/plan/good>" in out.read_text(encoding="utf-8")
    done = run("ingest", str(docs), "-o", str(out), "--no-progress", cwd=tmp_path)
    assert done.returncode == 0 and "ingested 1 of 1 document(s)" in done.stdout


def test_statements_seen_but_none_read_is_an_error_naming_the_first(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "unread.txt").write_text("标题\n1.推进甲。（责任单位：）\n2.推进乙。（负责单位：；）\n", encoding="utf-8")
    (docs / "good.txt").write_text("1.推进丙。（民政部、财政部负责）\n", encoding="utf-8")
    out = tmp_path / "out.trig"
    done = run("ingest", str(docs), "-o", str(out), "--no-progress", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "unread.txt:2: error: 2 responsibility statement(s) seen and none read" in done.stderr
    assert "good.txt: 1 of 1 responsibility statement(s) read (clauses): 1 tasks" in done.stderr
    report = {Path(r["file"]).name: r for r in json.loads((tmp_path / "out.trig.report.json").read_text("utf-8"))}
    assert (report["unread.txt"]["status"], report["unread.txt"]["statements_seen"]) == ("error", 2)


def test_a_bad_registry_writes_nothing(tmp_path: Path):
    out = tmp_path / "out.trig"
    out.write_text("previous\n", encoding="utf-8")
    done = run("ingest", str(CORPUS / "index.json"), "-o", str(out), "--reader", "pdf-table",
               "--registry", str(tmp_path / "missing.toml"), cwd=tmp_path)
    assert done.returncode != 0
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.trig"]  # no temporary file left behind


def test_unknown_output_format_is_refused(tmp_path: Path):
    done = run("ingest", str(CORPUS), "-o", str(tmp_path / "out.ttl"), cwd=tmp_path)
    assert done.returncode == 2 and "must end in one of" in done.stderr
    assert not (tmp_path / "out.ttl").exists()


def test_an_interrupted_ingest_leaves_the_previous_dataset(tmp_path: Path, monkeypatch):
    from fengong import ingest as ingest_module
    from fengong.registry import default_registry_paths, load_registry

    out = tmp_path / "out.trig"
    out.write_text("previous\n", encoding="utf-8")
    calls = []

    def interrupted(triples, graph, rdf_format, plan=None):
        calls.append(graph)
        if len(calls) > 3:  # the registry graphs, then the first plan, then stop
            raise KeyboardInterrupt
        return ""

    monkeypatch.setattr(ingest_module, "serialise", interrupted)
    registry = load_registry(default_registry_paths(ROOT))
    documents = ingest_module.find_documents([CORPUS])
    with contextlib.suppress(KeyboardInterrupt):
        ingest_module.ingest(documents, out, registry, ROOT, progress=False)
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.trig"]


def test_a_folders_readme_and_notes_are_not_documents_but_a_named_file_is(tmp_path: Path):
    # a folder of plans documented by its README.md / NOTES.md: the notes describe the plans, they are not one
    from fengong.ingest import find_documents

    for name in ("plan.txt", "README.md", "NOTES.md", "notes.txt", "index.json", "plan-notes.md"):
        (tmp_path / name).write_text("（市发展改革委负责）\n", encoding="utf-8")
    found = sorted(d.path.name for d in find_documents([tmp_path]))
    assert found == ["plan-notes.md", "plan.txt"]
    assert [d.path.name for d in find_documents([tmp_path / "NOTES.md"])] == ["NOTES.md"]


def test_a_folders_saved_web_pages_are_documents(tmp_path: Path):
    from fengong.ingest import find_documents, ingest
    from fengong.registry import default_registry_paths, load_registry

    page = "<p>（一）推进甲。（商务部负责）</p>\n<p>（二）推进乙。（财政部、<strong>商务部</strong>负责）</p>\n"
    for name in ("a.html", "b.htm", "c.HTML", "d.txt"):
        (tmp_path / name).write_text(f"<title>{name}</title>\n{page}", encoding="utf-8")  # each its own slug
    (tmp_path / "style.css").write_text("p { color: red }", encoding="utf-8")
    found = sorted(d.path.name for d in find_documents([tmp_path]))
    assert found == ["a.html", "b.htm", "c.HTML", "d.txt"]
    out = tmp_path / "out" / "x.trig"
    reports = ingest(find_documents([tmp_path]), out, load_registry(default_registry_paths(ROOT)), tmp_path,
                     progress=False)
    assert [(r.status, r.tasks, r.assignments) for r in reports] == [("ok", 2, 3)] * 4


def test_a_document_with_no_task_is_written_with_a_warning_that_says_where_its_unread_table_stands(tmp_path: Path):
    """A table no row of which is read (here: the prose reader forced on it) gives no task: the user is told where
    its header stands, not left with an empty plan and no word; a text with no statement at all says so."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "table.txt").write_text("关于印发重点任务清单的通知\n\n附件\n\n重点任务清单\n序号\t工作任务\t牵头单位\t责任单位\n"
                                    "1\t推进一网通办\t市数据局\t市政务服务中心\n", encoding="utf-8")
    (docs / "prose.txt").write_text("关于做好春节期间值班工作的通知\n\n各单位要按序号顺序排班，牵头单位要做好统筹，值班人员要"
                                    "坚守岗位，确保信息畅通，重大情况及时报告。\n", encoding="utf-8")
    out = tmp_path / "out.trig"
    done = run("ingest", str(docs), "-o", str(out), "--reader", "clauses", "--no-progress", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = {Path(r["file"]).name: r for r in json.loads((tmp_path / "out.trig.report.json").read_text("utf-8"))}
    assert report["table.txt"]["tasks"] == 0 and report["table.txt"]["written"]
    assert any(":6: warning: a table header naming units stands here, but no row of it was read" in m
               for m in report["table.txt"]["messages"])
    # running text naming 序号 and 牵头单位 is no header: the plain warning, at the top
    assert any(m.endswith(":1: warning: no responsibility statement found: the document is written with no tasks")
               for m in report["prose.txt"]["messages"])


def test_a_document_with_tasks_gets_no_such_warning(tmp_path: Path):
    doc = tmp_path / "one.txt"
    doc.write_text("关于印发工作要点的通知\n\n一、推进政务服务改革。全面推行一网通办。（市数据局牵头，市政务服务中心配合）\n",
                   encoding="utf-8")
    done = run("ingest", str(doc), "-o", str(tmp_path / "out.trig"), "--no-progress", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (entry,) = json.loads((tmp_path / "out.trig.report.json").read_text("utf-8"))
    assert entry["tasks"] == 1 and not [m for m in entry["messages"] if "written with no tasks" in m]
