"""HTML in a source text (a saved page, a text with its annex table left as HTML): the rendering the readers read,
and the spans put back into the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from fengong.readers.detect import read_path
from fengong.readers.markup import holds_html, render
from fengong.records import ReadError, SourceText


def units(task):
    return [(u.name, u.role) for u in task.units]


def rendered(raw: str) -> str:
    return render(SourceText("page.html", raw)).text


def test_entities_blocks_and_line_breaks():
    text = rendered('<html><head><style>p{color:red}</style><script>var a="<p>x</p>";</script></head><body>\n'
                    '<div class="title">关于印发《方案（2023&mdash;2025年）》的通知</div>\n<!-- 注释 -->'
                    '<p style="text-indent: 2em;">实施&ldquo;三品&rdquo;战略，<strong>推动</strong>\n  发展。</p>'
                    '<p>甲&amp;乙&#8220;丙&#x201D;，（市财\n政局、\n  市商务局负责）</p><div>第一行<br/>第二行</div><p>&nbsp;</p><p>&bogus;</p>'
                    '</body></html>')
    assert text.split("\n") == ["关于印发《方案（2023—2025年）》的通知", "实施“三品”战略，推动发展。",
                                "甲&乙“丙”，（市财政局、市商务局负责）", "第一行", "第二行", "&bogus;", ""]


def test_text_outside_elements_keeps_its_lines_and_a_table_is_rows_of_cells():
    raw = ("一、重点任务\n（一）推进某事。\n\n附件\n<table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td></tr>\n"
           "<tr><td colspan=\"3\"><strong>一、某类</strong></td></tr>\n"
           "<tr>\n<td>1</td>\n<td>做<b>某</b>事</td>\n<td>市城管局、<br>市水利局&nbsp;</td>\n</tr></table>\n抄送：市委。\n")
    assert rendered(raw).split("\n") == ["一、重点任务", "（一）推进某事。", "", "附件", "序号\t重点任务\t牵头单位",
                                         "一、某类\t\t", "1\t做某事\t市城管局、 市水利局", "抄送：市委。", ""]


def test_a_cell_spanning_rows_is_printed_in_each_and_one_spanning_columns_in_its_first():
    text = rendered("<table><tr><td rowspan='2'>A</td><td colspan='2'>B</td><td>C</td></tr>"
                    "<tr><td>D</td><td>E</td><td>F</td></tr><tr><td>G</td><td></td><td>&nbsp;</td><td>H</td></tr>"
                    "</table>")
    assert text.split("\n") == ["A\tB\t\tC", "A\tD\tE\tF", "G\t\t\tH", ""]


def test_a_table_laying_out_the_page_prints_its_cells_as_blocks():
    text = rendered("<table><tr><td><p>一、标题</p><p>正文。</p><table><tr><td>序号</td><td>重点任务</td></tr>"
                    "<tr><td>1</td><td>甲</td></tr></table></td></tr></table>")
    assert text.split("\n") == ["一、标题", "正文。", "序号\t重点任务", "1\t甲", ""]


def test_every_character_renders_its_own_place():
    raw = "<p>甲&ldquo;乙&rdquo;</p>\n<table><tr><td rowspan=2>丙</td><td>丁</td></tr><tr><td>戊</td></tr></table>"
    r = render(SourceText("x.html", raw))
    for char, start, end in zip(r.text, r.starts, r.ends, strict=True):
        if char not in "\t\n ":
            assert raw[start:end] == char or raw[start:end] in ("&ldquo;", "&rdquo;")
    second = r.text.index("丙", r.text.index("丙") + 1)  # printed again in the second row: the first row's cell
    assert raw[r.starts[second]] == "丙" and r.starts[second] == raw.index("丙")


def test_what_holds_html():
    assert holds_html('<p style="text-align: center;">附件</p>') and holds_html("<TABLE border=1>")
    # a Markdown table keeps its cells' line breaks as <br>: it is read as it stands
    assert not holds_html("| 1 | 任务 | 广东省税务局<br>省财政厅 |") and not holds_html("a<b，《通知》")


TABLE = """郑州市某实施方案
一、重点任务
（一）推进某事。
附件
<table border="1"><tbody>
<tr><td><p align="center"><strong>序号</strong></p></td><td><p>重点任务</p></td><td><p>牵头单位</p></td><td><p>配合单位</p></td></tr>
<tr><td colspan="4"><p><strong>一、设备更新行动</strong></p></td></tr>
<tr><td>1</td><td><p>推动设备更新</p></td><td rowspan="2"><p>市工信局</p></td><td><p>市发展改革委、市财政局</p></td></tr>
<tr><td>2</td><td><p>推进节能改造</p></td><td><p>市生态环境局&nbsp;</p></td></tr>
<tr><td>3</td><td><p>推进市政设备更新</p></td><td><p>市城建局</p></td><td><p>&nbsp;</p></td></tr>
</tbody></table>
"""


def test_a_text_with_its_table_left_as_html_points_into_the_file(tmp_path: Path):
    path = tmp_path / "plan.txt"
    path.write_text(TABLE, encoding="utf-8")
    plan, reader = read_path(path, jurisdiction="410100")
    assert reader == "tabular" and plan.source.raw == TABLE and plan.source.rendered_from is None
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "推动设备更新", [("市工信局", "lead"), ("市发展改革委", "cooperating"), ("市财政局", "cooperating")]),
        ("2", "推进节能改造", [("市工信局", "lead"), ("市生态环境局", "cooperating")]),  # the merged lead cell
        ("3", "推进市政设备更新", [("市城建局", "lead")]),  # an &nbsp; cell names no one, nor the cell above
    ]
    lines = TABLE.split("\n")
    for task in plan.tasks:
        assert plan.source.quote(task.span) == task.text
        for unit in task.units:
            assert plan.source.quote(unit.span) == unit.name
            assert unit.name in lines[unit.span.line - 1]
    # the lead of row 2 is printed in row 1: it points there
    assert plan.tasks[1].units[0].span == plan.tasks[0].units[0].span and plan.tasks[1].units[0].span.line == 8
    assert plan.sections[-1].title == "一、设备更新行动"


PAGE = """<div class="title">关于印发某方案的通知</div>
<div class="TRS_Editor">
<p style="text-indent: 2em;">（一）提升创新能力。支持企业建设技术中心。（工业和信息化部、科技部负责）</p>
<p style="text-indent: 2em;">（二）丰富产品供给。开发&ldquo;智能化&rdquo;产品。</p>
<table border="1">
<tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td colspan="2">责任单位</td></tr>
<tr><td>牵头</td><td>参与</td></tr>
<tr><td>1</td><td>突破关键技术</td><td>工业和信息化部</td><td>国家发展改革委</td></tr>
<tr>
<td>2</td>
<td>发展冰雪运动装备</td>
<td>体育总局、<br />工业和信息化部</td>
<td>商务部</td>
</tr>
</table>
</div>
<div class="fx">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
"""


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.txt"])
def test_a_page_source_with_a_header_over_two_rows(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    plan, reader = read_path(path)
    assert reader == "tabular"
    assert [units(t) for t in plan.tasks] == [
        [("工业和信息化部", "lead"), ("科技部", "participant")],  # the bracket of the text before the table
        [("工业和信息化部", "lead"), ("国家发展改革委", "participant")],
        [("体育总局", "lead"), ("工业和信息化部", "lead"), ("商务部", "participant")],
    ]
    for task in plan.tasks:
        for unit in task.units:
            assert plan.source.quote(unit.span) == unit.name
            assert unit.name in PAGE.split("\n")[unit.span.line - 1]
    assert plan.source.quote(plan.tasks[2].span) == "发展冰雪运动装备"


def test_a_read_error_names_the_line_of_the_file(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text("<p>一</p>\n\n\n<table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td></tr></table>\n",
                    encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read_path(path, reader="tabular")
    assert caught.value.problems[-1].line == 4  # no row follows the header of line 4


# docling's DocTags (export_to_doctags): each element a tag of its own, <loc_N> its place, tables in OTSL
DOCTAGS = ("<doctag><title><loc_10><loc_20><loc_400><loc_30>某县关于印发工作要点的通知</title>\n"
           "<section_header_level_1>一、重点任务</section_header_level_1>\n"
           "<text>1．推进某事。做好某项工作。（县发改局牵头，县财政局配合）</text>\n"
           "<list_item>2．做好另一事。加快建设。（县林业局负责）</list_item>\n"
           "<text>附件</text>\n"
           "<otsl><loc_1><loc_2><loc_3><loc_4><ched>序号<ched>重点任务<ched>牵头单位<ched>配合单位<nl>"
           "<fcel>1<fcel>推动设备更新<fcel>市工信局<fcel>市财政局<nl>"
           "<fcel>2<fcel>推进节能改造<ucel><ecel><nl>"
           "<fcel>二、其他<lcel><lcel><lcel><nl></otsl>\n"
           "<page_footer>- 2 -</page_footer>\n</doctag>")


def test_doctags_are_rendered_as_lines_and_otsl_tables_as_rows_of_cells():
    r = render(SourceText("x.txt", DOCTAGS))
    assert r.text.split("\n") == [
        "某县关于印发工作要点的通知", "一、重点任务", "1．推进某事。做好某项工作。（县发改局牵头，县财政局配合）",
        "2．做好另一事。加快建设。（县林业局负责）", "附件", "序号\t重点任务\t牵头单位\t配合单位",
        "1\t推动设备更新\t市工信局\t市财政局", "2\t推进节能改造\t市工信局\t",  # <ucel>: the cell above again
        "二、其他\t\t\t", "- 2 -", ""]
    at = r.text.index("推进某事")
    assert DOCTAGS[r.starts[at]:r.starts[at] + 4] == "推进某事"


def test_what_holds_doctags():
    assert holds_html("<doctag><text>某市</text></doctag>") and holds_html("\n<doctag>\n<text>某市</text>")
    # a <text> or <title> alone is no page and no DocTags (a text naming a tag, a template's placeholder)
    assert not holds_html("标题写作<title>，正文写作<text>。") and not holds_html("某文<doctag>样例</doctag>")


def test_a_doctags_export_is_read_in_its_rendering(tmp_path: Path):
    path = tmp_path / "plan.txt"
    path.write_text(DOCTAGS, encoding="utf-8")
    plan, _ = read_path(path, jurisdiction="410100")
    assert [(t.key, t.text[:4], units(t)) for t in plan.tasks] == [
        ("1.1", "推进某事", [("县发改局", "lead"), ("县财政局", "cooperating")]),
        ("1.2", "做好另一", [("县林业局", "lead")]),
        ("1", "推动设备", [("市工信局", "lead"), ("市财政局", "cooperating")]),
        ("2", "推进节能", [("市工信局", "lead")])]  # the annex's table, its <ucel> lead the cell above
    assert plan.source.raw == DOCTAGS and plan.source.quote(plan.tasks[0].units[0].span) == "县发改局"
