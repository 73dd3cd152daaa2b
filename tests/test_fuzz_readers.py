"""Hostile input: every reader either reads or raises ReadError naming the document — never anything else.

Bounded fuzzing (hypothesis, a fixed number of examples) over text made of the pieces these documents are
made of (brackets, unit names, role words, separators, numbers, headers, line breaks), over raw bytes, and a
few hand-made worst cases: an enormous line, unbalanced brackets, a table cut mid-row, GBK bytes.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fengong.readers.detect import READERS, read_path
from fengong.records import PlanRecord, ReadError, SourceText
from fengong.textrepair import normalise

PIECES = ["（", "）", "(", ")", "、", "，", "。", "；", "\n", "\n\n", " ", "负责", "牵头", "参与", "指导", "配合",
          "负责落实", "等", "等有关部门", "和", "会同", "财政部", "省民政厅", "试点城市政府", "1", "2", "3.", "一、",
          "（一）", "序号", "工作任务", "牵头单位", "责任单位", "配合单位", "注：列第一位者为牵头单位", "以下均需",
          "落实，不再列出", "排在第一位的部门为牵头部门，下同", "推进改革", ",", "\t", '"', "—", "暋", "暠"]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=60).map("".join)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_result(plan_or_error, raw: str, path: str) -> None:
    if isinstance(plan_or_error, ReadError):
        assert plan_or_error.problems and all(p.path == path for p in plan_or_error.problems)
        return
    assert isinstance(plan_or_error, PlanRecord)
    for task in plan_or_error.tasks:
        assert 0 <= task.span.start < task.span.end <= len(raw)
        for unit in task.units:
            assert 0 <= unit.span.start < unit.span.end <= len(raw)
            assert unit.carried or normalise(raw[unit.span.start : unit.span.end]) == unit.name
    assert all(p.path == path for p in plan_or_error.problems)


def read_with(name: str, raw: str, path: str = "fuzz.txt"):
    try:
        return READERS[name](SourceText(path, raw))
    except ReadError as exc:
        return exc


@SETTINGS
@given(texts, st.sampled_from(sorted(READERS)))
def test_every_reader_reads_or_reports(raw, name):
    check_result(read_with(name, raw), raw, "fuzz.txt")


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from([".txt", ".csv", ".html", ".xlsx"]))
def test_any_bytes_in_any_file_are_read_or_reported(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"doc{suffix}"
    path.write_bytes(data)
    try:
        plan, _ = read_path(path)
    except ReadError as exc:
        assert exc.problems and all(p.path == str(path) for p in exc.problems)
    else:
        check_result(plan, plan.source.raw, str(path))


HTML_PIECES = ["<p>", "</p>", "<div>", "</div>", "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>",
               '<td rowspan="2">', '<td colspan="3">', "<td rowspan=x>", "<br/>", "<strong>", "</strong>", "&nbsp;",
               "&ldquo;", "&amp;", "&#8220;", "&bogus;", "<!-- x -->", "<script>", "</script>", "<", ">", "&"]
pages = st.lists(st.sampled_from(HTML_PIECES + PIECES) | st.text(max_size=3), max_size=80).map("".join)


@SETTINGS
@given(pages, st.sampled_from([".html", ".txt"]))
def test_any_markup_is_read_with_its_spans_in_the_file(tmp_path_factory, raw, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"page{suffix}"
    path.write_text(raw, encoding="utf-8")
    try:
        plan, _ = read_path(path)
    except ReadError as exc:
        assert exc.problems and all(p.path == str(path) for p in exc.problems)
        return
    assert plan.source.raw == raw
    for task in plan.tasks:
        assert 0 <= task.span.start < task.span.end <= len(raw)
        for unit in task.units:
            assert 0 <= unit.span.start < unit.span.end <= len(raw)
            assert 1 <= unit.span.line <= raw.count("\n") + 1


def test_an_enormous_line_is_skipped_with_its_line_number():
    raw = "1.甲。（财政部负责）\n" + "（" * 50_000 + "财政部、" * 100_000 + "\n2.乙。（民政部负责）\n"
    for name in ("clauses", "flat-table", "tabular"):
        result = read_with(name, raw)
        problems = result.problems if isinstance(result, ReadError) else result.problems
        assert any(p.line == 2 and "too long" in p.message for p in problems), name
    plan = read_with("clauses", raw)
    assert [t.number for t in plan.tasks] == [1, 2]


def test_unbalanced_brackets_are_reported_not_fatal():
    plan = read_with("clauses", "甲。（（财政部负责）\n乙。财政部负责）)\n丙。（民政部负责\n丁。（教育部负责）\n")
    # Line 3's bracket never closes but its content is a statement: read to the line end, with a warning.
    assert [u.name for t in plan.tasks for u in t.units] == ["民政部", "教育部"]
    assert [p.line for p in plan.problems if "bracket" in p.message] == [1, 3]


def test_gbk_text_is_read_with_a_warning(tmp_path: Path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("标题\n1.推进改革。（民政部、财政部负责）\n".encode("gbk"))
    plan, reader = read_path(path)
    assert reader == "clauses" and [u.name for u in plan.tasks[0].units] == ["民政部", "财政部"]
    assert plan.problems[0].severity == "warning" and plan.problems[0].line == 1
