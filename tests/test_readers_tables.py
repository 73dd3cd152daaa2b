"""The table readers: one cell per line, CSV, XLSX and HTML; detection of each form."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook

from fengong.readers import flat_table, rows, tabular
from fengong.readers.detect import choose_reader, read_path
from fengong.readers.sources import load_source
from fengong.records import ReadError, SourceText

FLAT = """某市人民政府办公厅关于印发优化营商环境任务分工的通知
某政办发〔2019〕12号
序号
工作任务
牵头单位
配合单位
完成时限
一、优化营商环境
1
推进企业开办便利化。
市市场监管局
市公安局、市税务局
2019年底前
2
简化不动产登记。
市自然资源局
—
2019年6月
二、加强监管
3
建立信用监管机制。
市发展改革委
市市场监管局等
长期
"""


def units(task):
    return [(u.name, u.role) for u in task.units]


def test_flat_table_columns_sections_and_roles():
    source = SourceText("flat.txt", FLAT)
    plan = flat_table.read(source)
    assert [s.title for s in plan.sections] == ["一、优化营商环境", "二、加强监管"]
    one, two, three = plan.tasks
    assert (one.number, one.text) == (1, "推进企业开办便利化。")
    assert units(one) == [("市市场监管局", "lead"), ("市公安局", "cooperating"), ("市税务局", "cooperating")]
    assert units(two) == [("市自然资源局", "lead")]  # — is an empty cell; 2019年6月 is no unit
    assert three.open_ended and units(three) == [("市发展改革委", "lead"), ("市市场监管局", "cooperating")]
    assert [source.quote(u.span) for u in one.units] == ["市市场监管局", "市公安局", "市税务局"]
    assert one.units[1].span.line == 12


def test_a_unit_column_headed_with_the_other_kinds_it_admits():
    """(set 22: lixia) 责任科室（单位） beside the person columns 分管领导 and 责任人, which name no unit."""
    table = ("序号\t重点任务\t责任科室（单位）\t分管领导\t责任人\t完成时限\n"
             "1\t制定年度改造方案\t城市管理办公室、各相关社区\t王俊峰\t韩晓东\t2026年3月底\n"
             "2\t做好资金监管\t财政所、党政综合办公室\t刘　涛\t杨　静\t2026年12月底\n")
    plan = tabular.read(SourceText("t.txt", table))
    assert [units(t) for t in plan.tasks] == [[("城市管理办公室", "lead"), ("各相关社区", "participant")],
                                              [("财政所", "lead"), ("党政综合办公室", "participant")]]


def test_flat_table_cut_mid_row_names_the_row_and_line():
    cut = FLAT.split("3\n")[0] + "3\n建立信用监管机制。\n"
    plan = flat_table.read(SourceText("cut.txt", cut))
    assert len(plan.tasks) == 2
    (problem,) = [p for p in plan.problems if p.severity == "error"]
    assert problem.line == 20 and "row 3 is cut short" in problem.message


FLAT_EMPTY = """序号
重点任务
牵头单位
配合单位
完成时限
1
推进供销合作社综合改革。
省供销社

2023年底前
2
改造农产品批发市场。
省商务厅
省农业农村厅
2024年底前
3
建设冷链物流基地。

省发展改革委
长期
4
引导流通企业向县乡延伸。
省商务厅
省市场监管局等

5
开展年度评估。
省商务厅
省财政厅
2025年
"""


def test_a_blank_line_inside_a_flat_row_is_an_empty_cell():
    source = SourceText("t.txt", FLAT_EMPTY)
    plan = flat_table.read(source)
    assert not [p for p in plan.problems if p.severity == "error"]
    one, two, three, four, five = plan.tasks
    assert units(one) == [("省供销社", "lead")]  # the empty 配合单位 cell: 2023年底前 stays 完成时限
    assert units(two) == [("省商务厅", "lead"), ("省农业农村厅", "cooperating")]
    # an empty lead cell leaves the others in place; under a filled one it is merged from the row above (set 44)
    assert units(three) == [("省商务厅", "lead"), ("省发展改革委", "cooperating")]
    assert four.open_ended and units(four)[-1] == ("省市场监管局", "cooperating")  # an empty last cell
    assert [source.quote(u.span) for u in five.units] == ["省商务厅", "省财政厅"]


def test_a_flat_table_with_a_blank_line_between_cells_takes_two_more_as_an_empty_cell():
    spaced = "\n\n".join(FLAT_EMPTY.split("\n"))  # a blank line parts each cell: an empty cell is three
    plan = flat_table.read(SourceText("t.txt", spaced))
    assert not [p for p in plan.problems if p.severity == "error"]
    assert [units(t) for t in plan.tasks] == [units(t) for t in flat_table.read(SourceText("t.txt", FLAT_EMPTY)).tasks]


@pytest.mark.parametrize("broken", [
    FLAT_EMPTY.replace("省供销社\n\n", "省供销社\n"),  # the cell left out with no line: the row is cut
    # the table's end: the blank line is the paragraph break after it, and the lines after it no cells
    FLAT_EMPTY.split("5\n")[0] + "5\n开展年度评估。\n省商务厅\n\n抄送：省委各部门。\n省人民政府办公厅2023年2月27日印发\n",
])
def test_a_flat_row_cut_short_stays_an_error(broken):
    plan = flat_table.read(SourceText("t.txt", broken))
    (problem,) = [p for p in plan.problems if p.severity == "error"]
    assert "is cut short" in problem.message


def test_a_page_number_between_flat_cells_is_no_empty_cell():
    paged = FLAT_EMPTY.replace("省商务厅\n省农业农村厅", "省商务厅\n\n— 3 —\n\n省农业农村厅")
    plan = flat_table.read(SourceText("t.txt", paged))
    assert not [p for p in plan.problems if p.severity == "error"]
    assert units(plan.tasks[1]) == [("省商务厅", "lead"), ("省农业农村厅", "cooperating")]


def test_flat_table_without_header_is_a_read_error():
    with pytest.raises(ReadError) as caught:
        flat_table.read(SourceText("none.txt", "一段文字。\n另一段。\n"))
    assert caught.value.problems[0].path == "none.txt"


def test_csv_with_quoted_cells_and_a_responsible_column(tmp_path: Path):
    path = tmp_path / "plan.csv"
    path.write_text('任务分工表\n序号,工作任务,责任单位,完成时限\n一、放管服,,,\n1,推进企业开办,"市场监管总局、\n'
                    '税务总局",2019年\n2,"简化登记,提速",自然资源部等,2020年\n', encoding="utf-8")
    plan, reader = read_path(path)
    assert reader == "tabular"
    one, two = plan.tasks
    assert units(one) == [("市场监管总局", "lead"), ("税务总局", "participant")]
    assert one.units[1].span.line == 5
    assert two.text == "简化登记,提速" and two.open_ended
    assert plan.sections[0].title == "一、放管服" and plan.sections[0].role_rule_basis == "convention"


def test_xlsx_is_rendered_and_read_by_headers(tmp_path: Path):
    book = Workbook()
    sheet = book.active
    sheet.append(["某方案任务分工"])
    sheet.append(["序号", "重点任务", "牵头部门", "配合部门", "推广范围"])
    sheet.append([1, "建立制度", "国家发展改革委", "财政部、商务部", "全国"])
    sheet.append([2, "完善机制", "教育部", None, "全国"])
    book.save(tmp_path / "plan.xlsx")
    plan, reader = read_path(tmp_path / "plan.xlsx")
    assert reader == "tabular" and plan.source.rendered_from == "xlsx"
    assert [units(t) for t in plan.tasks] == [
        [("国家发展改革委", "lead"), ("财政部", "cooperating"), ("商务部", "cooperating")],
        [("教育部", "lead")],
    ]


def test_html_table_and_html_prose(tmp_path: Path):
    table = tmp_path / "table.html"
    table.write_text("<html><head><style>p{}</style></head><body><table><tr><th>序号</th><th>工作任务</th>"
                     "<th>指导部门</th></tr><tr><td>1</td><td>做<b>某</b>事</td><td>民政部、<br>财政部</td></tr>"
                     "</table></body></html>", encoding="utf-8")
    plan, reader = read_path(table)
    assert reader == "tabular"
    assert plan.tasks[0].text == "做某事" and units(plan.tasks[0]) == [("民政部", "guiding"), ("财政部", "guiding")]
    prose = tmp_path / "prose.html"
    prose.write_text("<p>1.促进内销便利。（商务部、海关总署负责）</p><p>2.其他。</p>", encoding="utf-8")
    plan, reader = read_path(prose)
    assert reader == "clauses" and units(plan.tasks[0]) == [("商务部", "lead"), ("海关总署", "participant")]


def test_detection_of_each_form():
    root = Path(__file__).resolve().parent.parent
    assert choose_reader(load_source(root / "data" / "sources" / "jilin-disability-13fyp.txt")[0]) == "pdf-table"
    assert choose_reader(SourceText("flat.txt", FLAT)) == "flat-table"
    assert choose_reader(load_source(root / "data" / "corpus" / "guofa-2019-03-zonghe-baoshuiqu.txt")[0]) == "clauses"


def test_a_table_with_no_units_is_a_read_error():
    with pytest.raises(ReadError):
        tabular.read(SourceText("t.csv", "序号,工作任务,责任单位\n1,甲,\n"))


def test_a_row_copied_without_its_merged_cells():
    from fengong.readers.detect import READERS

    text = ("序号\t任务类别\t具体任务\t牵头单位\t配合单位\t完成时限\n"
            "1\t市场环境\t深化经营主体登记改革\t区市场监管局\t区政务服务和数据局\t2025年6月\n"
            "2\t深化“一业一证”改革\t区政务服务和数据局\t区市场监管局、区商务局\t2025年12月\n")
    plan = READERS["tabular"](SourceText("t.txt", text))
    assert [(t.number, t.text, [(u.name, u.role) for u in t.units]) for t in plan.tasks] == [
        (1, "深化经营主体登记改革", [("区市场监管局", "lead"), ("区政务服务和数据局", "cooperating")]),
        (2, "深化“一业一证”改革", [("区政务服务和数据局", "lead"), ("区市场监管局", "cooperating"),
                                   ("区商务局", "cooperating")])]


def test_a_merged_task_cell_leaves_the_row_its_measure_as_text():
    from fengong.readers.detect import READERS

    # 重点任务 merged over two rows: the second row's field is empty, its own 工作措施 is its text; the 责任领导
    # column holds people's names, not units
    text = ("序号\t重点任务\t工作措施\t责任领导\t牵头单位\t配合单位\t完成时限\n"
            "1\t开展隐患排查整治\t全面落实生产经营单位主要负责人带队检查。\t吴立新\t县应急管理局\t各乡镇（街道）\t2025年12月\n"
            "2\t\t聚焦燃气、自建房等重点行业领域开展专项整治。\t吴立新\t县应急管理局\t县住建局、县消防救援大队\t2025年6月\n")
    plan = READERS["tabular"](SourceText("t.txt", text))
    assert [(t.number, t.text, units(t)) for t in plan.tasks] == [
        (1, "开展隐患排查整治", [("县应急管理局", "lead"), ("各乡镇（街道）", "cooperating")]),
        (2, "聚焦燃气、自建房等重点行业领域开展专项整治。", [("县应急管理局", "lead"), ("县住建局", "cooperating"),
                                                          ("县消防救援大队", "cooperating")])]


PDF_COLUMNS = """附件
重点任务分工
序号 重点任务 牵头单位 配合单位 完成时限
1
完善低空基础设施网络。加快通用机
场建设
省发展改
革委
省交通运输厅、省自然资
源厅，各市州
政府
2027年底前
— 4 —
序号 重点任务 牵头单位 配合单位 完成时限
2 推进空域精细化管理。协调推动低空空域分类划
设
省发展改
革委、民航
甘肃监管局
省交通运输厅、省公安厅 持续推进
3 推进低空农林作业。推广植保无人机在农田病
虫害防治中的应用 省农业农村厅 省林草局、省财政厅 持续推进
4
发展低空文旅。开发低空观光产品
省文化和
旅游厅
省体育局，
酒泉市政府
— 5 —
"""


def test_a_pdf_table_with_several_unit_columns_split_where_it_names_known_bodies():
    from fengong.readers.detect import READERS

    source = SourceText("gansu.txt", PDF_COLUMNS)
    assert choose_reader(source) == "pdf-table"
    plan = READERS["pdf-table"](source, jurisdiction="620000")
    assert [(t.number, t.text, units(t)) for t in plan.tasks] == [
        (1, "完善低空基础设施网络。加快通用机场建设", [
            ("省发展改革委", "lead"), ("省交通运输厅", "cooperating"), ("省自然资源厅", "cooperating"),
            ("各市州政府", "cooperating")]),
        (2, "推进空域精细化管理。协调推动低空空域分类划设", [  # two leads, each broken over lines
            ("省发展改革委", "lead"), ("民航甘肃监管局", "lead"), ("省交通运输厅", "cooperating"),
            ("省公安厅", "cooperating")]),
        (3, "推进低空农林作业。推广植保无人机在农田病虫害防治中的应用", [  # four cells on one line
            ("省农业农村厅", "lead"), ("省林草局", "cooperating"), ("省财政厅", "cooperating")]),
        (4, "发展低空文旅。开发低空观光产品", [  # no 完成时限: the last unit cell is not taken for it
            ("省文化和旅游厅", "lead"), ("省体育局", "cooperating"), ("酒泉市政府", "cooperating")]),
    ]


PIPED = """商务部等部门关于印发行动方案的通知
一、总体要求
各地要高度重视。
附件
重点任务分工表
| 序号 | 重点任务 | 牵头单位 | 配合单位 |
| --- | :---: | --- | --- |
| 1 | 推动即时配送网络向县城、乡镇延伸 | 商务部、国家邮政局 | 国家发展改革委、交通运输部 |
| 2 | 依法查处不正当竞争行为 | 市场监管总局 |  |
| 3 | 推动配送车辆电动化 | 商务部 | 生态环境部、国家邮政局，各地商务主管部门 |
抄送：国务院办公厅。
"""


def test_a_table_drawn_with_pipes_is_read_like_a_tab_separated_one():
    # web pages and Markdown give tables as pipe-separated rows under a rule; the outer pipes open no cell
    source = SourceText("t.txt", PIPED)
    assert choose_reader(source) == "tabular" and tabular.delimiter(source) == "|"
    plan = tabular.read(source)
    assert [(t.number, t.text, units(t)) for t in plan.tasks] == [
        (1, "推动即时配送网络向县城、乡镇延伸", [("商务部", "lead"), ("国家邮政局", "lead"),
                                                ("国家发展改革委", "cooperating"), ("交通运输部", "cooperating")]),
        (2, "依法查处不正当竞争行为", [("市场监管总局", "lead")]),  # an empty cell names nobody
        (3, "推动配送车辆电动化", [("商务部", "lead"), ("生态环境部", "cooperating"), ("国家邮政局", "cooperating"),
                                   ("各地商务主管部门", "cooperating")])]
    assert [source.quote(u.span) for u in plan.tasks[0].units] == ["商务部", "国家邮政局", "国家发展改革委",
                                                                   "交通运输部"]


# OCR of a scanned table (set 39): a row printed over two lines, each wrapped cell's tail on the second under its
# column (pipes), a rule between rows; a cell wraps where its line fills the column's width.
OCR_PIPED = """| 序号 | 重点任务 | 牵头单位 | 责任单位 |
——————————————
| 1 | 推动先进计算中心、人工智能计算 | 市数据资源局 | 市发改委、市经信局、高新区 |
|   | 中心扩容升级 |   | 管委会 |
——————————————
| 2 | 实施人工智能领域高层次人才引进 | 市委组织部(市人 | 市人社局、市科技局 |
|   | 计划 | 才办） |   |
|||  ||| |||
| 3 | 支持建设行业可信数据空间 | 市数据资源局 | 市委宣传部、各县(市)区政 |
|   |   |   | 府 |
——————————————
| 4 | 建设面向制造业的公共算力调度平 | 市经信局 | 市财政局 |
| 5 | 推广典型案例。 | 市经信局 | 市商务局 |
|   | 开展供需对接。 |   | 市科技局 |
——————————————
| 6 | 发布场景需求清单和能力清单，组 | 市经信局 | 市科技局、市投资促进局 |
— 3 —
|   | 织供需对接 |   |   |
"""


def test_a_piped_row_wrapped_over_two_lines_is_one_row_its_cells_joined():
    plan = tabular.read(SourceText("t.txt", OCR_PIPED))
    assert [(t.number, t.text, units(t)) for t in plan.tasks] == [
        (1, "推动先进计算中心、人工智能计算中心扩容升级",
         [("市数据资源局", "lead"), ("市发改委", "participant"), ("市经信局", "participant"),
          ("高新区管委会", "participant")]),
        (2, "实施人工智能领域高层次人才引进计划",
         [("市委组织部(市人才办）", "lead"), ("市人社局", "participant"), ("市科技局", "participant")]),
        (3, "支持建设行业可信数据空间", [("市数据资源局", "lead"), ("市委宣传部", "participant"),
                                     ("各县(市)区政府", "participant")]),
        (4, "建设面向制造业的公共算力调度平", [("市经信局", "lead"), ("市财政局", "participant")]),
        # the line under a row whose cells fill no column is no wrap of it, nor a line after a page's number
        (5, "推广典型案例。", [("市经信局", "lead"), ("市商务局", "participant")]),
        (6, "发布场景需求清单和能力清单，组", [("市经信局", "lead"), ("市科技局", "participant"),
                                          ("市投资促进局", "participant")])]
    assert sum("no number" in p.message for p in plan.problems) == 1


# The same in a table whose cells are parted by spaces: the second line holds the tails with no empty cells, its
# pieces in the columns' order; a line of one piece is a unit cell's tail where the cell ends cut (、, or a last
# piece that is no name alone and completes one with it), else the task's.
OCR_SPACED = """（标注“*”的为牵头单位）
序号    重点任务    责任单位
一、丰富夜间消费业态
1   提升锦里、武侯祠夜间文旅消费品质   *区文体旅局、区商务局、浆洗
,延长开放时间    街街道
2    培育夜间健身、夜间阅读等新兴业态    区教育局、*区文体旅局、各街
道办事处
3     发展“夜购”经济，支持大型商场延     *区商务局、区市场监管局
时营业
4    加强夜间消费场所治安管理和巡逻    *武侯公安分局、各街道办事处
二、强化夜间消费保障
1     支持金融机构推出夜间消费信贷产品     *区金融工作服务中心、区商务
局
2    开展夜间经济宣传推介    *区委宣传部、区融媒体中心、
区文体旅局
3    开展夜间经济统计监测    *区统计局,区商务局
抄送:区委办,区人大办,区政协办,区纪委监委。
"""


def test_a_spaced_row_wrapped_over_two_lines_is_one_row_its_pieces_placed_by_the_names_they_complete():
    source = SourceText("t.txt", OCR_SPACED)
    assert tabular.delimiter(source) == " "
    plan = tabular.read(source)
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1.1", "提升锦里、武侯祠夜间文旅消费品质,延长开放时间",
         [("区文体旅局", "lead"), ("区商务局", "participant"), ("浆洗街街道", "participant")]),
        ("1.2", "培育夜间健身、夜间阅读等新兴业态",
         [("区教育局", "participant"), ("区文体旅局", "lead"), ("各街道办事处", "participant")]),
        # 区市场监管局 is a name alone: 时营业 is the task's
        ("1.3", "发展“夜购”经济，支持大型商场延时营业", [("区商务局", "lead"), ("区市场监管局", "participant")]),
        ("1.4", "加强夜间消费场所治安管理和巡逻", [("武侯公安分局", "lead"), ("各街道办事处", "participant")]),
        ("2.1", "支持金融机构推出夜间消费信贷产品", [("区金融工作服务中心", "lead"), ("区商务局", "participant")]),
        ("2.2", "开展夜间经济宣传推介",
         [("区委宣传部", "lead"), ("区融媒体中心", "participant"), ("区文体旅局", "participant")]),
        # 抄送 under a row whose cells fill no column is none of it
        ("2.3", "开展夜间经济统计监测", [("区统计局", "lead"), ("区商务局", "participant")])]


@pytest.mark.parametrize("under", ["注：表中任务2026年底前完成", "抄送：区委办，区人大办，区政协办，区纪委监委，区法院。",
                                   "二、强化夜间消费保障"])
def test_a_line_under_a_full_spaced_row_that_is_a_note_a_wider_line_or_a_section_is_none_of_it(under):
    text = ("序号    重点任务    责任单位\n1    开展夜间经济统计监测    *区统计局,区商务局\n"
            f"2    加强夜间消费场所治安管理和巡逻    *武侯公安分局、各街道办事处\n{under}\n")
    plan = tabular.read(SourceText("t.txt", text))
    assert plan.tasks[-1].text == "加强夜间消费场所治安管理和巡逻"
    assert units(plan.tasks[-1]) == [("武侯公安分局", "lead"), ("各街道办事处", "participant")]


def test_a_markdown_table_with_marks_in_its_cells():
    # a Markdown export bolds the header and a cell (| **序号** |, *A* in italics): the marks are layout, blanked in
    # place, so the header is found and the spans still quote the file
    text = ("# 某市人民政府办公室关于印发重点任务分工的通知\n\n**某政办发〔2024〕3号**\n\n"
            "| **序号** | **重点任务** | **牵头单位** | **配合单位** |\n| :---: | --- | --- | --- |\n"
            "| 1 | **推进企业开办便利化** | 市市场监管局 | 市公安局、市税务局 |\n| 2 | 简化不动产登记 | *市自然资源局* | — |\n")
    source = SourceText("t.md", text)
    assert choose_reader(source) == "tabular"
    plan = tabular.read(source)
    assert [(t.text, units(t)) for t in plan.tasks] == [
        ("推进企业开办便利化", [("市市场监管局", "lead"), ("市公安局", "cooperating"), ("市税务局", "cooperating")]),
        ("简化不动产登记", [("市自然资源局", "lead")])]
    assert plan.source.raw == text and source.quote(plan.tasks[1].units[0].span) == "市自然资源局"


def test_a_flat_table_in_markdown_bolds_its_header():
    flat = "**序号**\n**重点任务**\n**牵头单位**\n**配合单位**\n1\n推进供销合作社综合改革\n省供销社\n省财政厅\n"
    (task,) = flat_table.read(SourceText("t.txt", "## 附件\n\n" + flat)).tasks
    assert units(task) == [("省供销社", "lead"), ("省财政厅", "cooperating")]


def test_the_first_task_column_names_the_task_and_the_others_describe_it():
    # 项目名称 before 主要内容: the project's name is the task, its content a description
    flat = ("序号\n项目名称\n主要内容\n牵头单位\n责任单位\n完成时限\n"
            "1\n新增普惠托位2000个\n新建或改扩建一批普惠性托育机构\n市卫健委\n市教育局、市财政局\n2026年12月底\n")
    (task,) = flat_table.read(SourceText("t.txt", flat)).tasks
    assert task.text == "新增普惠托位2000个"
    assert units(task) == [("市卫健委", "lead"), ("市教育局", "participant"), ("市财政局", "participant")]


def test_a_plan_with_statements_in_its_text_and_a_task_table_as_its_annex(tmp_path: Path):
    # the body's measures close with brackets, the annex is a table laid out with spaces: both are read, the
    # body's statements by the prose reader (keyed by the outline), the rows by the table's 序号
    text = ("某县茶产业工作方案\n四、保障措施\n（一）加强组织领导。领导小组办公室设在县农业农村局。"
            "（责任单位：县农业农村局，各乡镇）\n"
            "（二）强化督查考核。将工作纳入年度考评。（责任单位：县委督查室、县政府督查室）\n"
            "附件\n序号 重点工作 工作内容 牵头单位 责任单位 完成时限\n"
            "1 建设生态茶园 新建改造生态茶园2万亩 县农业农村局 县林业局，各乡镇 2026年12月\n"
            "2 拓展销售市场 新开设品牌专卖店100家 县商务局 县供销社 2026年12月\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    plan, name = read_path(path)
    assert name == "tabular"
    assert [(t.key, t.text[:6], units(t)[0]) for t in plan.tasks] == [
        ("4.1", "加强组织领导", ("县农业农村局", "lead")), ("4.2", "强化督查考核", ("县委督查室", "lead")),
        ("1", "建设生态茶园", ("县农业农村局", "lead")), ("2", "拓展销售市场", ("县商务局", "lead"))]
    assert (plan.statements_seen, plan.statements_read) == (4, 4)


# ---------------------------------------------------------------- forms found measuring blind set 9

MARKED = ("南通市优化营商环境2022年重点任务清单\n{above}序号\t重点任务\t责任单位\t完成时限\n"
          "1\t推行企业开办“一网通办”\t市行政审批局（牵头）、市市场监管局、市公安局\t2022年6月底前\n"
          "2\t规范涉企收费\t市市场监管局、市发改委（牵头）、市财政局\t2022年10月底前\n"
          "3\t加大普惠金融支持力度\t人民银行南通市中心支行（牵头）、南通银保监分局（牵头）、市地方金融监管局\t2022年底前\n"
          "{after}")
NOTE = "注：责任单位中标注“（牵头）”的为牵头单位，其余为配合单位。\n"


@pytest.mark.parametrize(("above", "after"), [(NOTE, ""), ("", NOTE)])
def test_a_note_before_or_after_the_table_governs_its_marked_rows(above, after):
    source = SourceText("t.txt", MARKED.format(above=above, after=after))
    plan = tabular.read(source)
    assert [units(t) for t in plan.tasks] == [
        [("市行政审批局", "lead"), ("市市场监管局", "cooperating"), ("市公安局", "cooperating")],
        [("市市场监管局", "cooperating"), ("市发改委", "lead"), ("市财政局", "cooperating")],
        [("人民银行南通市中心支行", "lead"), ("南通银保监分局", "lead"), ("市地方金融监管局", "cooperating")]]
    assert source.quote(plan.sections[0].role_rule_span).endswith("标注“（牵头）”的为牵头单位，其余为配合单位")
    # without the note the others participate, as the convention has it
    plain = tabular.read(SourceText("t.txt", MARKED.format(above="", after="")))
    assert [u.role for u in plain.tasks[0].units] == ["lead", "participant", "participant"]


def test_a_table_rule_that_lists_without_a_lead_name_co_leads():
    flat = ("注：标注“*”的为牵头单位，其余为配合单位；未标注的，所列单位均为牵头单位。\n"
            "序号\n工作任务\n责任单位\n完成时限\n1\n甲任务\n*市商务局、市财政局\n2026年底\n"
            "2\n乙任务\n市教育局、市卫健委\n2026年底\n")
    one, two = flat_table.read(SourceText("t.txt", flat)).tasks
    assert units(one) == [("市商务局", "lead"), ("市财政局", "cooperating")]
    assert units(two) == [("市教育局", "lead"), ("市卫健委", "lead")] and two.lead_basis == "rule"


# ---------------------------------------------------------------- forms found measuring blind set 10

TRAILING = ("柳州市2020年生活垃圾分类工作任务分解表\n序号\t工作任务\t责任单位\t完成时限\n"
            "1\t制定出台管理办法。\t市城管执法局{mark}、市司法局\t2020年12月底前\n"
            "2\t推进居住小区生活垃圾分类。\t市住建局、市城管执法局{mark}、各城区人民政府\t长期坚持\n"
            "3\t推进再生资源回收网点建设。\t市供销社{mark} 市商务局 市城管执法局\t2020年10月底前\n"
            "4\t推进餐厨垃圾资源化利用。\t市发改委{mark}、市城管执法局{mark}、市财政局\t2020年底前\n"
            "注：责任单位中标注“{mark}”的为牵头单位，其余为配合单位。\n")


@pytest.mark.parametrize("mark", ["★", "*", "▲"])
def test_a_mark_after_a_unit_name_governed_by_the_note_after_the_table(mark):
    plan = tabular.read(SourceText("t.txt", TRAILING.format(mark=mark)))
    assert [units(t) for t in plan.tasks] == [
        [("市城管执法局", "lead"), ("市司法局", "cooperating")],
        [("市住建局", "cooperating"), ("市城管执法局", "lead"), ("各城区人民政府", "cooperating")],
        [("市供销社", "lead"), ("市商务局", "cooperating"), ("市城管执法局", "cooperating")],
        [("市发改委", "lead"), ("市城管执法局", "lead"), ("市财政局", "cooperating")]]
    assert all(t.lead_basis == "marked" for t in plan.tasks)


# ---------------------------------------------------------------- forms found measuring blind set 12

SECTIONED = ("吉林省“十一五”规划纲要主要目标和任务分工表\n序号\t责任单位\t工作任务\n"
             "一、经济发展目标\n1\t省发展改革委、省统计局\t全省生产总值年均增长12%以上\n"
             "2\t省财政厅、省地税局\t地方财政收入年均增长13%以上\n"
             "二、产业发展任务\n1\t省经委、省国资委\t推进老工业基地调整改造\n"
             "— 3 —\n序号\t责任单位\t工作任务\n"
             "2\t省旅游局、省建设厅\t以长白山为龙头发展旅游业\n"
             "三、社会发展任务\n1\t省教育厅、省财政厅\t巩固九年义务教育成果\n")


@pytest.mark.parametrize("notice", ["分工表中每项任务所列责任单位，排在第一位的为主办单位，其他为协办单位。\n",
                                    "说明：责任单位中排在第一位的为主责单位，其余为协办单位。\n"])
def test_a_rule_before_the_table_that_the_others_are_cooperating_governs_it(notice):
    plan = tabular.read(SourceText("t.txt", notice + SECTIONED))
    assert [units(t) for t in plan.tasks][:2] == [[("省发展改革委", "lead"), ("省统计局", "cooperating")],
                                                 [("省财政厅", "lead"), ("省地税局", "cooperating")]]
    assert all(u.role in ("lead", "cooperating") for t in plan.tasks for u in t.units)


def test_section_rows_of_a_table_numbered_anew_are_the_parents_of_their_rows():
    plan = tabular.read(SourceText("t.txt", SECTIONED))
    assert [(t.key, t.label, t.number, t.parent) for t in plan.tasks] == [
        ("1.1", "1", 1, "1"), ("1.2", "2", 2, "1"), ("2.1", "1", 1, "2"), ("2.2", "2", 2, "2"),
        ("3.1", "1", 1, "3")]
    assert [(i.key, i.label, i.number, i.parent, i.title) for i in plan.items] == [
        ("1", "一、", 1, None, "经济发展目标"), ("2", "二、", 2, None, "产业发展任务"), ("3", "三、", 3, None, "社会发展任务")]
    # the page number and the header repeated after it open no section: 二、 goes on
    assert [s.title for s in plan.sections] == ["一、经济发展目标", "二、产业发展任务", "三、社会发展任务"]


def test_a_table_numbered_through_its_sections_keeps_its_rows_at_the_top_level():
    text = SECTIONED.replace("2\t省财政厅", "2\t省财政厅").replace("1\t省经委", "3\t省经委").replace(
        "2\t省旅游局", "4\t省旅游局").replace("1\t省教育厅", "5\t省教育厅")
    plan = tabular.read(SourceText("t.txt", text))
    assert [(t.key, t.parent) for t in plan.tasks] == [(str(n), None) for n in range(1, 6)]
    assert plan.items == []


def test_the_leads_other_name_as_a_mark_with_the_rule_in_a_line_before_the_header():
    text = ("长兴县“十五五”规划纲要主要目标任务分解表\n说明：责任单位中标注“（主责）”的为主责单位，其余为协办单位。\n"
            "序号\t责任单位\t完成时限\t工作任务\n（一）经济发展\n1\t县发改局（主责）、县统计局\t2030年\t地区生产总值年均增长6%左右\n"
            "— 2 —\n序号\t责任单位\t完成时限\t工作任务\n（二）城乡建设\n"
            "1\t县建设局（主责）、县自然资源和规划局（主责）、各乡镇（街道、园区）\t2030年\t完成城镇老旧小区改造120个\n"
            "2\t县民政局\t2030年\t每千名老年人拥有养老机构护理型床位数达到35张\n")
    plan = tabular.read(SourceText("t.txt", text))
    assert [units(t) for t in plan.tasks] == [
        [("县发改局", "lead"), ("县统计局", "cooperating")],
        [("县建设局", "lead"), ("县自然资源和规划局", "lead"), ("各乡镇（街道、园区）", "cooperating")],
        [("县民政局", "lead")]]
    assert [(t.key, t.parent) for t in plan.tasks] == [("1.1", "1"), ("2.1", "2"), ("2.2", "2")]


FLAT_PAGED = ("序号\n工作任务\n牵头单位\n完成时限\n配合单位\n"
              "1\n严格控制高耗能行业过快增长\n自治区发展改革委\n2015年底前\n自治区经信委\n"
              "— 3 —\n序号\n工作任务\n牵头单位\n完成时限\n配合单位\n"
              "2\n推进建筑节能\n自治区住房和城乡建设厅\n2015年底前\n自治区财政厅、各盟行政公署、市人民政府\n"
              "第4页\n序号\n工作任务\n牵头单位\n完成时限\n配合单位\n"
              "3\n推进公共机构节能\n自治区机关事务管理局\n2015年底前\n—\n")


def test_a_header_repeated_after_a_page_number_in_a_table_one_cell_per_line():
    plan = flat_table.read(SourceText("t.txt", FLAT_PAGED))
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1", [("自治区发展改革委", "lead"), ("自治区经信委", "cooperating")]),
        ("2", [("自治区住房和城乡建设厅", "lead"), ("自治区财政厅", "cooperating"),
               ("各盟行政公署、市人民政府", "cooperating")]),
        ("3", [("自治区机关事务管理局", "lead")])]
    assert len(plan.sections) == 1


def test_a_page_number_in_a_table_one_cell_per_line_where_no_header_follows():
    plan = flat_table.read(SourceText("t.txt", FLAT_PAGED.replace("第4页\n序号\n工作任务\n牵头单位\n完成时限\n配合单位\n",
                                                                  "第4页\n")))
    assert [t.key for t in plan.tasks] == ["1", "2", "3"]

ROLES_IN_CELLS = ("序号\t工作任务\t责任单位\t完成时限\n"
                  "1\t完善社会救助机制\t此项工作由市民政局牵头，市财政局、市人力资源社会保障局配合\t2026年底前\n"
                  "2\t推进养老服务设施建设\t由市民政局负责，市住房城乡建设局配合\t长期\n"
                  "3\t落实困难群众补助\t该项任务由市民政局会同市财政局负责\t长期\n"
                  "4\t加强社区服务\t由市民政局指导，各区人民政府具体落实\t长期\n"
                  "5\t保障补助资金\t所需资金由市财政局负责\t长期\n"  # money: no role, unread
                  "6\t完善工作机制\t日常工作由市民政局负责\t长期\n"  # an office's housekeeping, unread
                  "7\t健全评估制度\t市民政局、市卫生健康委\t长期\n")


def test_a_unit_cell_that_states_its_roles_itself_is_read_as_its_statement():
    source = SourceText("t.txt", ROLES_IN_CELLS)
    plan = tabular.read(source)
    assert [(t.number, units(t)) for t in plan.tasks] == [
        (1, [("市民政局", "lead"), ("市财政局", "cooperating"), ("市人力资源社会保障局", "cooperating")]),
        (2, [("市民政局", "lead"), ("市住房城乡建设局", "cooperating")]),
        (3, [("市民政局", "lead"), ("市财政局", "participant")]),
        (4, [("市民政局", "guiding"), ("各区人民政府", "implementing")]),
        (7, [("市民政局", "lead"), ("市卫生健康委", "participant")])]
    assert [source.quote(u.span) for u in plan.tasks[0].units] == ["市民政局", "市财政局", "市人力资源社会保障局"]
    unread = [p.message for p in plan.problems if "could not be read" in p.message]
    assert unread == ["row 5: the unit cell '所需资金由市财政局负责' could not be read",
                      "row 6: the unit cell '日常工作由市民政局负责' could not be read"]


def test_a_statement_in_a_lead_column_of_a_flat_table():
    flat = ("序号\n工作任务\n牵头单位\n配合单位\n完成时限\n"
            "1\n推进老旧小区改造。\n此项工作由市住房城乡建设局牵头\n市财政局\n2026年底前\n"
            "2\n完善城市更新机制。\n由市自然资源和规划局牵头，市发展改革委参与\n—\n长期\n")
    plan = flat_table.read(SourceText("flat.txt", flat))
    assert [(t.number, units(t)) for t in plan.tasks] == [
        (1, [("市住房城乡建设局", "lead"), ("市财政局", "cooperating")]),
        (2, [("市自然资源和规划局", "lead"), ("市发展改革委", "participant")])]


PIPED_BR = """广东省促进民营经济发展若干措施重点任务分工方案

| 序号 | 重点任务 | 牵头单位 | 参与单位 | 完成时限 |
| --- | --- | --- | --- | --- |
| **一、降低经营主体成本** |  |  |  |  |
| 1 | 落实国家阶段性减税降费政策。 | 广东省税务局<br>省财政厅 | 省发展改革委<br>各地级以上市人民政府（含深汕特别合作区管委会，下同） | 持续推进 |
| 2 | 降低物流成本。 | 省发展改革委（双牵头） | 省交通运输厅、省市场监管局<br>广州海关 | 2023年9月底前 |
| 3 | 规范涉企行政检查。 | 省司法厅 | 省市场监管局<br/>省应急管理厅 | 2023年12月底前 |
| 4 | 规范行政执法自由裁量权。 | 省司法厅 | 同上 | 2023年11月底前 |
| 5 | 推行涉企审批“一网通办”。 | 省政务服务数据管理局 | 无 | 2023年10月底前 |
"""


def test_line_break_tags_same_as_above_and_nobody_in_a_piped_table():
    plan = tabular.read(SourceText("t.txt", PIPED_BR))
    assert [(t.number, units(t)) for t in plan.tasks] == [
        (1, [("广东省税务局", "lead"), ("省财政厅", "lead"), ("省发展改革委", "participant"),
             ("各地级以上市人民政府", "participant")]),
        (2, [("省发展改革委", "lead"), ("省交通运输厅", "participant"), ("省市场监管局", "participant"),
             ("广州海关", "participant")]),
        (3, [("省司法厅", "lead"), ("省市场监管局", "participant"), ("省应急管理厅", "participant")]),
        (4, [("省司法厅", "lead"), ("省市场监管局", "participant"), ("省应急管理厅", "participant")]),  # 同上
        (5, [("省政务服务数据管理局", "lead")])]  # 无 names nobody


ROWSPAN = ("江苏省贯彻落实内河水运高质量发展意见重点任务分工方案\n\n"
           "序号\t对应国家任务\t具体举措\t牵头单位\t配合单位\t完成时限\n"
           "1\t（一）完善航道网络\t推进京杭运河江苏段示范区建设\t省交通运输厅\t省发展改革委、省自然资源厅\t2027年底前\n"
           "2\t\t实施干线航道整治工程\t\t\t2026年底前\n"
           "3\t\t推进出海航道前期工作\t省发展改革委\t省水利厅\t2025年底前\n"
           "4\t（二）提升港口能力\t建设内河集装箱码头\t省交通运输厅\t\t2027年底前\n"
           "5\t\t建设岸电设施\t\t省能源局\t2026年底前\n")


@pytest.mark.parametrize("header", ["具体举措", "主要举措", "任务举措", "工作内容", "重点任务"])
def test_empty_unit_cells_under_merged_ones_take_the_cell_above(header):
    plan = tabular.read(SourceText("t.txt", ROWSPAN.replace("具体举措", header)))
    assert [(t.number, t.text, units(t)) for t in plan.tasks] == [
        (1, "推进京杭运河江苏段示范区建设", [("省交通运输厅", "lead"), ("省发展改革委", "cooperating"),
                                  ("省自然资源厅", "cooperating")]),
        (2, "实施干线航道整治工程", [("省交通运输厅", "lead"), ("省发展改革委", "cooperating"),
                            ("省自然资源厅", "cooperating")]),  # both cells merged from row 1
        (3, "推进出海航道前期工作", [("省发展改革委", "lead"), ("省水利厅", "cooperating")]),
        (4, "建设内河集装箱码头", [("省交通运输厅", "lead"), ("省水利厅", "cooperating")]),  # 配合 merged from 3
        (5, "建设岸电设施", [("省交通运输厅", "lead"), ("省能源局", "cooperating")])]  # 牵头 merged from 4


def test_an_empty_unit_cell_stays_empty_where_no_row_shows_merged_cells():
    table = ROWSPAN.replace("2\t\t实施干线航道整治工程\t\t\t", "2\t\t实施干线航道整治工程\t省交通运输厅\t省生态环境厅\t")
    table = table.replace("5\t\t建设岸电设施\t\t省能源局", "5\t\t建设岸电设施\t省能源局\t")
    plan = tabular.read(SourceText("t.txt", table))
    assert [(t.number, units(t)) for t in plan.tasks][3:] == [
        (4, [("省交通运输厅", "lead")]),  # no 配合单位: nothing shows a merged cell
        (5, [("省能源局", "lead")])]


# html2text's Markdown of a web page's table: spans ignored, each row printing its own cells only
HTML2TEXT = ("附件\n\n重点任务分工\n\n"
             "序号 | 重点任务 | 责任单位 | 完成时限  \n---|---|---|---  \n牵头单位 | 配合单位  \n"
             "一、丰富文旅消费供给  \n"
             "1 | 推动重点景区提质升级 | 市文广旅局 | 市发展改革委、市财政局 | 2026年12月底  \n"
             "2 | 打造沉浸式演艺新业态 | 市文物局、市科技局 | 2026年10月底  \n"
             "3 | 建设特色文旅街区 | 老城区政府 | 市商务局 | 持续推进  \n")


@pytest.mark.parametrize(("upper", "lower", "roles"), [
    ("责任单位", "牵头单位 | 配合单位", ("lead", "cooperating")),
    ("责任分工", "牵头 | 参与", ("lead", "participant")),  # bare role words take the noun
    ("责任部门", "牵头部门 | 协办部门", ("lead", "cooperating")),
])
def test_a_two_level_header_printed_as_a_row_of_its_own_under_the_rule(upper, lower, roles):
    # the row under the rule holds the spanning cell's columns alone, which take its place
    text = HTML2TEXT.replace("| 责任单位 |", f"| {upper} |").replace("牵头单位 | 配合单位", lower)
    source = SourceText("t.txt", text)
    plan = tabular.read(source)
    lead, other = roles
    assert [(t.number, units(t)) for t in plan.tasks] == [
        (1, [("市文广旅局", lead), ("市发展改革委", other), ("市财政局", other)]),
        (2, [("市文广旅局", lead), ("市文物局", other), ("市科技局", other)]),  # the lead merged over rows 1-2
        (3, [("老城区政府", lead), ("市商务局", other)])]
    merged = plan.tasks[1].units[0].span  # the merged lead points at the cell where it is printed, in row 1
    assert source.quote(merged) == "市文广旅局" and merged.start < text.index("2 | 打造")


# docling's pipe table of a workbook whose 重点任务 spans two sub-columns: the spanning cell is printed in each column
# it spans, the sub-columns named on the row under it; the sub-column that names the task is each row's text, the
# category (merged down, printed in every row) only groups them
SPANNED_TASK = ("| 序号 | {up} | {up} | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                "| 序号 | {first} | {second} | 责任单位 | 完成时限 |\n"
                "| 1 | 打造消费地标 | 推动重点商圈改造提升 | 区商务局*、区发展改革委 | 2026年底 |\n"
                "| 2 | 打造消费地标 | 建设国际风情水岸 | 区水务局 | 2026年底 |\n")


@pytest.mark.parametrize(("up", "first", "second"), [
    ("重点任务", "任务类别", "具体措施"),
    ("主要任务", "重点领域", "工作任务"),
    ("工作任务", "类别", "具体任务"),
])
def test_a_task_header_spanning_two_sub_columns_is_named_by_the_row_under_it(up, first, second):
    plan = tabular.read(SourceText("t.txt", SPANNED_TASK.format(up=up, first=first, second=second)))
    assert [(t.number, t.text[:6]) for t in plan.tasks] == [(1, "推动重点商圈"), (2, "建设国际风情")]


@pytest.mark.parametrize("lower", [
    # a row of the table, not a header: its cells are the task's own text and a number
    "| 1 | 打造消费地标 | 推动重点商圈改造提升 | 区商务局 | 2026年底 |\n",
])
def test_a_row_under_a_spanning_task_header_that_names_no_columns_is_a_row(lower):
    text = ("| 序号 | 重点任务 | 重点任务 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n" + lower
            + "| 2 | 建设国际风情水岸 | 建设国际风情水岸 | 区水务局 | 2026年底 |\n")
    plan = tabular.read(SourceText("t.txt", text))
    assert [t.number for t in plan.tasks] == [1, 2]


def test_a_note_printed_across_a_row_above_the_header_is_no_upper_header():
    # docling prints a 注 merged across the sheet in every column: it repeats, but names no task over the header
    from fengong.readers.rows import sub_header
    note = ["注：标注“*”的为牵头单位。"] * 5
    assert sub_header(note, ["序号", "重点任务", "重点任务", "责任单位", "完成时限"]) is None
    assert sub_header(["序号", "重点任务", "重点任务", "责任单位", "完成时限"],
                      ["序号", "任务类别", "具体措施", "责任单位", "完成时限"]) == [
        "序号", "任务类别", "具体措施", "责任单位", "完成时限"]


@pytest.mark.parametrize("rows", [
    # a lead merged over three rows: each short row takes the cell above
    ("1 | 推动重点景区提质升级 | 市文广旅局 | 市财政局  \n2 | 打造沉浸式演艺新业态 | 市文物局  \n"
     "3 | 建设特色文旅街区 | 市商务局  \n", [["市文广旅局", "市财政局"], ["市文广旅局", "市文物局"],
                                              ["市文广旅局", "市商务局"]]),
])
def test_rows_one_cell_short_under_a_merged_lead_cell(rows):
    text, expected = rows
    plan = tabular.read(SourceText("t.txt", "序号 | 重点任务 | 牵头单位 | 参与单位  \n---|---|---|---  \n" + text))
    assert [[u.name for u in t.units] for t in plan.tasks] == expected
    assert [t.units[0].role for t in plan.tasks] == ["lead"] * 3


@pytest.mark.parametrize(("text", "second"), [
    # the row's last cell names units: the 完成时限 went missing (merged), not a unit cell
    ("1 | 推动景区提质 | 市文广旅局 | 市财政局 | 2026年12月底  \n2 | 打造新业态 | 市文物局 | 市科技局  \n",
     [("市文物局", "lead"), ("市科技局", "cooperating")]),
    # an empty cell prints between its pipes: the row is full, its empty cell names nobody
    ("1 | 推动景区提质 | 市文广旅局 | 市财政局 | 2026年12月底  \n2 | 打造新业态 | 市文物局 |  | 2026年10月底  \n",
     [("市文物局", "lead")]),
    # under a section row no merged cell reaches
    ("1 | 推动景区提质 | 市文广旅局 | 市财政局 | 2026年12月底  \n二、优化环境  \n2 | 打造新业态 | 市文物局 | 2026年10月底  \n",
     [("市文物局", "lead")]),
])
def test_a_row_short_for_another_reason_stands_as_it_is(text, second):
    plan = tabular.read(SourceText("t.txt", "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限  \n---|---|---|---|---  \n"
                                   + text))
    assert units(plan.tasks[1]) == second


def test_a_space_delimited_row_one_cell_short_is_no_merged_cell():
    # spaces print no empty cell: a row one short may lack its 配合单位, so nothing is taken from above
    plan = tabular.read(SourceText("t.txt", "序号 重点任务 牵头单位 配合单位 完成时限\n"
                                   "1 推动景区提质 市文广旅局 市财政局 2026年12月底\n2 打造新业态 市文物局 2026年10月底\n"))
    assert units(plan.tasks[1])[0] == ("市文物局", "lead")


def test_a_reference_column_before_the_task_is_not_the_task():
    plan = tabular.read(SourceText("t.txt", ROWSPAN))
    assert "对应" not in plan.tasks[0].text and plan.tasks[0].text.startswith("推进京杭运河")


PAGE_CUT = ("成都市促进消费责任分工表\n\n序号\t牵头单位\t工作任务\t责任单位\t完成时限\n"
            "1\t市商务局\t开展消费促进活动。\t市文广旅局、市财政局\t2022年12月底前\n"
            "2\t市商务局\t支持老字号企业创新发展。\t市经信局（市新经济委）、市市场监管局、\n\n"
            "第 3 页 共 4 页\n\n续表\n序号\t牵头单位\t工作任务\t责任单位\t完成时限\n"
            "\t\t\t市知识产权局\t2022年12月底前\n"
            "3\t市农业农村局\t开展农产品产销对接。\t市商务局；各区（市）县政府\t持续推进\n")


def test_a_row_a_page_break_cut_is_joined_to_its_continuation():
    source = SourceText("t.txt", PAGE_CUT)
    plan = tabular.read(source)
    assert [(t.number, t.text, units(t)) for t in plan.tasks] == [
        (1, "开展消费促进活动。", [("市商务局", "lead"), ("市文广旅局", "participant"), ("市财政局", "participant")]),
        (2, "支持老字号企业创新发展。", [("市商务局", "lead"), ("市经信局（市新经济委）", "participant"),
                                       ("市市场监管局", "participant"), ("市知识产权局", "participant")]),
        (3, "开展农产品产销对接。", [("市农业农村局", "lead"), ("市商务局", "participant"),
                                   ("各区（市）县政府", "participant")])]
    assert [source.quote(u.span) for u in plan.tasks[1].units][-1] == "市知识产权局"
    assert len(plan.sections) == 1  # the page number and 续表 open no section


def test_a_row_without_a_number_that_has_a_task_is_no_continuation():
    text = ("序号\t工作任务\t责任单位\n1\t推进甲项工作。\t市商务局\n\t推进乙项工作。\t市财政局\n")
    plan = tabular.read(SourceText("t.txt", text))
    assert [(t.number, units(t)) for t in plan.tasks] == [(1, [("市商务局", "lead")])]
    assert any("no number" in p.message for p in plan.problems)


NOTED_FLAT = """宝鸡市贯彻落实银发经济若干措施任务清单
序号
工作任务
牵头单位
责任单位
完成时限
1
扩大老年助餐服务。
市民政局
市财政局、各县区人民政府
2025年底前
2
推动二级以上综合医院设立老年医学科。
市卫生健康委
市医保局
2025年底前
说明：1.“牵头单位”栏列两个单位的，均为牵头单位。2.“责任单位”栏所列单位为配合单位，按职责分工配合牵头单位做好相关工作。
"""


@pytest.mark.parametrize("note", ["2.“责任单位”栏所列单位为配合单位，按职责分工配合牵头单位做好相关工作。",
                                  "2.责任单位一栏中列出的单位均为配合单位。", "2.“责任单位”栏为协办单位。"])
def test_a_note_after_a_flat_table_gives_a_column_its_role(note):
    table = NOTED_FLAT.replace("2.“责任单位”栏所列单位为配合单位，按职责分工配合牵头单位做好相关工作。", note)
    plan = flat_table.read(SourceText("t.txt", table))
    assert [units(t) for t in plan.tasks] == [
        [("市民政局", "lead"), ("市财政局", "cooperating"), ("各县区人民政府", "cooperating")],
        [("市卫生健康委", "lead"), ("市医保局", "cooperating")]]


def test_a_note_on_a_column_the_table_does_not_have_changes_nothing():
    table = NOTED_FLAT.replace("“责任单位”栏所列单位为配合单位", "“参与单位”栏所列单位为配合单位")
    plan = flat_table.read(SourceText("t.txt", table))
    assert units(plan.tasks[1]) == [("市卫生健康委", "lead"), ("市医保局", "participant")]


NOTED_TABS = ("新就业形态劳动者权益保障重点任务分工方案\n\n"
              "序号\t重点任务\t牵头部门\t参加部门\t落实期限\n"
              "1\t制定平台企业劳动用工指引。\t人力资源社会保障部\t最高人民法院、全国总工会\t2025年底前\n"
              "2\t规范平台订单分配规则。\t中央网信办、市场监管总局\t人力资源社会保障部\t持续推进\n"
              "说明：1.牵头部门为两个的，均为牵头部门。2.各省级人民政府负责本地区各项任务的组织落实，表中不再一一列出。"
              "3.请各牵头部门于每年11月底前将进展情况报送国务院办公厅。\n")


def test_a_standing_statement_in_a_note_after_the_table_is_carried_to_every_row():
    plan = tabular.read(SourceText("t.txt", NOTED_TABS))
    assert [units(t) for t in plan.tasks] == [
        [("人力资源社会保障部", "lead"), ("最高人民法院", "participant"), ("全国总工会", "participant"),
         ("各省级人民政府", "implementing")],
        [("中央网信办", "lead"), ("市场监管总局", "lead"), ("人力资源社会保障部", "participant"),
         ("各省级人民政府", "implementing")]]
    assert [u.carried for u in plan.tasks[0].units] == [False, False, False, True]


@pytest.mark.parametrize(("note", "carried"), [
    # (set 33: anji) a demonstrative alone scopes the work; units that 配合 the tasks cooperate
    ("注：以上任务均需各乡镇（街道）配合落实，表中不再一一列出。", ("各乡镇（街道）", "cooperating")),
    ("注：上述措施均由各县（市、区）人民政府协助落实，不再列出。", ("各县（市、区）人民政府", "cooperating")),
    ("注：以上任务均需各省级人民政府负责落实，表中不再一一列出。", ("各省级人民政府", "implementing")),
    ("注：本方案所列任务，各市人民政府均要抓好落实，不再逐项列出。", ("各市人民政府", "implementing")),
    # (set 36: ningxia) a collective whose levels a 、 parts, joined as a statement's are
    ("注：各有关市、县（区）人民政府负责本地区相关任务落实，表中不再一一列出。", ("各有关市、县（区）人民政府", "implementing")),
    ("注：各市、州、直管市人民政府负责组织落实，表中不再列出。", ("各市、州、直管市人民政府", "implementing")),
])
def test_a_note_scoping_the_tasks_by_a_demonstrative_carries_its_units_with_their_verbs_role(note, carried):
    table = NOTED_TABS.split("说明：")[0] + note + "\n"
    plan = tabular.read(SourceText("t.txt", table))
    assert [[(u.name, u.role) for u in t.units if u.carried] for t in plan.tasks] == [[carried]] * 2


@pytest.mark.parametrize(("note", "carried"), [
    # (set 58: xiangyang-gxq) units answering for their own area's share of the tasks, "not listed" said by the
    # adverb without 再 (表中不一一列出) as with it, before or after the table
    ("注：各街道办事处负责本辖区相关任务落实，表中不一一列出。", "各街道办事处"),
    ("注：各镇（街道）负责本地区相关工作落实，表中不逐一列出。", "各镇（街道）"),
    ("注：各区人民政府结合实际抓好落实，表中不单独列出。", "各区人民政府"),
    ("注：各部门负责本部门相关任务落实，不再单独列出。", "各部门"),
    ("注：1.带*为牵头单位；2.各园区负责本园区相关任务落实，表中不逐项列出。", "各园区"),
])
def test_a_note_of_units_answering_for_their_own_area_is_carried_to_every_row(note, carried):
    for table in (NOTED_TABS.split("说明：")[0] + note + "\n",
                  NOTED_TABS.replace("序号\t", note + "\n序号\t", 1).split("说明：")[0]):
        plan = tabular.read(SourceText("t.txt", table))
        assert [[(u.name, u.role) for u in t.units if u.carried] for t in plan.tasks] == [[(carried, "implementing")]] * 2


@pytest.mark.parametrize("note", [
    # notes that only describe the table, a duty with no carried scope, a bare or descriptive "not listed"
    "注：排名不分先后。", "注：带*为牵头单位。", "注：完成时限为2026年12月底前。", "注：各地要结合实际抓好落实。",
    "注：各街道办事处负责本辖区相关任务落实。", "注：配合单位较多，表中不一一列出。",
    "注：各街道办事处负责本辖区相关任务落实，表中未一一列出。", "注：各街道办事处负责的具体任务，表中不一一列出。",
    "注：其他配合单位表中不一一列出。", "注：具体项目清单较长，表中不一一列出。",
    # notes about one row
    "注：序号2中各园区负责本园区相关任务落实，表中不一一列出。", "注：第2项任务由各街道办事处负责落实，表中不再列出。",
    "注：各街道办事处负责第2项任务在本辖区的落实，表中不再一一列出。",
])
def test_a_note_that_carries_no_unit_to_every_row(note):
    plan = tabular.read(SourceText("t.txt", NOTED_TABS.split("说明：")[0] + note + "\n"))
    assert [[u.name for u in t.units if u.carried] for t in plan.tasks] == [[], []]


def test_a_note_that_carries_no_one_leaves_the_rows_as_printed():
    table = NOTED_TABS.replace("各省级人民政府负责本地区各项任务的组织落实，表中不再一一列出", "各项任务完成情况纳入年度考核")
    plan = tabular.read(SourceText("t.txt", table))
    assert [len(t.units) for t in plan.tasks] == [3, 3]


# A table as pdftotext -layout gives it (columns padded with spaces, CJK characters two columns wide): the task
# text wraps inside its column, a lead cut inside its name twice (省发展改革 / 委、民航甘肃 / 监管局), a unit list
# wrapped at 、 and inside a name (省自然资 / 源厅); a page break with its number, 续表, the page's running head and
# the header printed again; a cell one column right of its header (row 4's 省文化和旅游).
LAYOUT = """甘肃省人民政府办公厅关于印发低空经济发展行动方案的通知
各市州人民政府，省政府有关部门：
    现将《甘肃省低空经济发展行动方案》印发给你们，请认真贯彻落实。

附件

                         重点任务分工

序号  重点任务                      牵头单位      责任单位                  完成时限
1     完善低空基础设施网络，加快通  省发展改革委  省交通运输厅、省自然资    2027年底前
      用机场建设，推进起降点布局                  源厅、各市州政府
2     推进空域精细化管理，协调推动  省发展改革    省公安厅、省财政厅        持续推进
      低空空域分类划设              委、民航甘肃
                                    监管局

                                 — 5 —

甘肃省人民政府办公厅文件
续表
序号  重点任务                      牵头单位      责任单位                  完成时限
3     推进低空农林作业，推广植保无  省农业农村厅  省林草局、省财政厅，各    2026年6月
      人机在病虫害防治中的应用                    市州政府
4     发展低空文旅                   省文化和旅游 省体育局                  持续推进
                                    厅

抄送：省委办公厅，省人大常委会办公厅。
"""


def test_a_layout_table_cut_at_its_header_s_columns():
    from fengong.readers.detect import READERS

    source = SourceText("gansu-layout.txt", LAYOUT)
    assert choose_reader(source) == "pdf-table"
    plan = READERS["pdf-table"](source, jurisdiction="620000")
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "完善低空基础设施网络，加快通用机场建设，推进起降点布局", [
            ("省发展改革委", "lead"), ("省交通运输厅", "participant"), ("省自然资源厅", "participant"),
            ("各市州政府", "participant")]),
        ("2", "推进空域精细化管理，协调推动低空空域分类划设", [
            ("省发展改革委", "lead"), ("民航甘肃监管局", "lead"), ("省公安厅", "participant"),
            ("省财政厅", "participant")]),
        ("3", "推进低空农林作业，推广植保无人机在病虫害防治中的应用", [
            ("省农业农村厅", "lead"), ("省林草局", "participant"), ("省财政厅", "participant"),
            ("各市州政府", "participant")]),
        ("4", "发展低空文旅", [("省文化和旅游厅", "lead"), ("省体育局", "participant")]),
    ]
    assert [s.title for s in plan.sections] == ["重点任务分工"]
    assert not [p for p in plan.problems if p.severity == "error"]
    one, two, _, four = plan.tasks
    # every unit points at its place: a name on one line quotes as printed; a name cut across lines runs from its
    # first character to its last (what the columns to its right print between its pieces included)
    assert source.quote(one.units[0].span) == "省发展改革委"
    cut = source.quote(one.units[2].span)
    assert cut.startswith("省自然资") and cut.endswith("源厅") and one.units[2].span.line == 10
    lead = source.quote(two.units[1].span)
    assert lead.startswith("民航甘肃") and lead.endswith("监管局")
    assert source.quote(four.units[0].span).startswith("省文化和旅游") and four.units[1].span.line == 23
    text = source.quote(one.span)
    assert text.startswith("完善低空基础设施网络，加快通") and text.endswith("推进起降点布局")


# The same form as pdftotext counts it: one column a character, CJK or not; a 责任单位 column only (the first
# listed leads by the note's rule), section rows, a unit list printed one name a line with no separator.
LAYOUT_CHARACTERS = """某市2025年民生实事项目责任分工表
序号   工作任务              责任单位        完成时限
一、教育提质
1    新建改扩建中小学校5所，新     市教育局        2025年底前
     增学位6000个          市财政局
                       市自然资源和规划局
2    实施校园安全提升工程        市公安局、市教育局   2025年6月
二、医疗服务
3    建成社区卫生服务中心3个      市卫生健康委、各    2025年12月
                       区人民政府
注：责任单位中排在第一位的为牵头单位，其余为配合单位。
"""


def test_a_layout_table_measured_in_characters_with_a_responsible_column_only():
    from fengong.readers.detect import READERS

    source = SourceText("city-layout.txt", LAYOUT_CHARACTERS)
    assert choose_reader(source) == "pdf-table"
    plan = READERS["pdf-table"](source)
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "新建改扩建中小学校5所，新增学位6000个", [
            ("市教育局", "lead"), ("市财政局", "cooperating"), ("市自然资源和规划局", "cooperating")]),
        ("2", "实施校园安全提升工程", [("市公安局", "lead"), ("市教育局", "cooperating")]),
        ("3", "建成社区卫生服务中心3个", [("市卫生健康委", "lead"), ("各区人民政府", "cooperating")]),
    ]
    assert [s.title for s in plan.sections] == ["一、教育提质", "二、医疗服务"]
    assert {t.lead_basis for t in plan.tasks} == {"rule"}
    assert "责任单位中排在第一位的为牵头单位" in plan.sections[0].role_rule


def test_text_with_aligned_spaces_is_no_layout_table():
    from fengong.readers import layout
    from fengong.readers.lines import LineIndex

    # labelled fields side by side, a signature block, and a header-like line over paragraphs of prose
    prose = ("各区县人民政府：\n"
             "    一、推进企业开办便利化。\n"
             "    牵头单位：市市场监管局          配合单位：市公安局、市税务局\n"
             "    二、按照下表明确分工：\n"
             "序号  工作任务  牵头单位  配合单位\n"
             "    各牵头单位要会同配合单位制定实施细则，明确时间表和路线图，于每季度末将进展情况报市政府督查室。\n"
             "    各配合单位要积极支持，主动对接，形成工作合力，确保各项任务按期完成，重大事项及时请示报告。\n"
             "                                        某市人民政府\n"
             "                                      2025年3月1日\n")
    assert layout.find(LineIndex(prose).lines) is None
    without_header = prose.replace("序号  工作任务  牵头单位  配合单位\n", "")
    assert layout.find(LineIndex(without_header).lines) is None
    assert choose_reader(SourceText("notice.txt", without_header)) == "clauses"
    # a table whose cells a single space parts, one row a line, is the space-separated form, not a layout
    spaced = ("序号 工作任务 牵头单位 配合单位\n1 推进企业开办便利化 市市场监管局 市公安局、市税务局\n"
              "2 简化不动产登记 市自然资源局 市税务局\n3 建立信用监管机制 市发展改革委 市市场监管局\n")
    assert layout.find(LineIndex(spaced).lines) is None
    assert choose_reader(SourceText("spaced.txt", spaced)) == "tabular"


# A row a page break cut inside its 配合单位 cell (…区税务局、 / 第 3 页 共 4 页 / the header / 区人社局、区医保局 with
# the number and task columns empty), a task cell filled to its column's edge (its text runs into the lead's with
# no space between: cut where the columns part), and a role note in a cell.
LAYOUT_PAGE_BREAK = """附件：2025年优化营商环境重点任务清单
序号  工作任务                  牵头单位      配合单位                完成时限
1     推行企业开办全程网办，压缩区市场监管局  区公安分局、区税务局、  2025年6月
      开办时间至1个工作日
                              第 3 页 共 4 页
序号  工作任务                  牵头单位      配合单位                完成时限
                                              区人社局、区医保局
2     推进不动产登记一窗受理    区规划资源局  区税务局（配合）        2025年12月
3     推广惠企政策免申即享      区发展改革委  区财政局、各街道办事处  2025年9月
"""


def test_a_layout_table_row_cut_by_a_page_break_goes_on_after_the_header():
    from fengong.readers.detect import READERS

    source = SourceText("district-layout.txt", LAYOUT_PAGE_BREAK)
    plan = READERS["pdf-table"](source)
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "推行企业开办全程网办，压缩开办时间至1个工作日", [
            ("区市场监管局", "lead"), ("区公安分局", "cooperating"), ("区税务局", "cooperating"),
            ("区人社局", "cooperating"), ("区医保局", "cooperating")]),
        ("2", "推进不动产登记一窗受理", [("区规划资源局", "lead"), ("区税务局", "cooperating")]),
        ("3", "推广惠企政策免申即享", [("区发展改革委", "lead"), ("区财政局", "cooperating"),
                                      ("各街道办事处", "cooperating")]),
    ]
    one = plan.tasks[0]
    assert source.quote(one.units[0].span) == "区市场监管局" and one.units[3].span.line == 7
    assert [p for p in plan.problems if p.severity == "error"] == []


def test_a_layout_table_whose_headers_are_centred_over_their_columns():
    from fengong.readers.detect import READERS

    # pdftotext centres a header's word over its column: the cells start left of it; a task header joined to
    # what describes it (项目名称及内容) names the task
    text = ("序号        项目名称及内容          主办单位       协办单位         完成时间\n"
            " 1    新建城区公办幼儿园10所，新增  市教育局      市财政局、市自然  2025年8月\n"
            "      学位3000个                                  资源和规划局\n"
            " 2    新建社区卫生服务中心8个       市卫生健康委  市财政局          2025年10月\n"
            " 3    新辟和调整公交线路15条        市交通运输局  市公安局交通警察  2025年12月\n"
            "                                                  支队\n")
    source = SourceText("centred.txt", text)
    assert choose_reader(source) == "pdf-table"
    plan = READERS["pdf-table"](source, jurisdiction="320200")
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "新建城区公办幼儿园10所，新增学位3000个", [
            ("市教育局", "lead"), ("市财政局", "cooperating"), ("市自然资源和规划局", "cooperating")]),
        ("2", "新建社区卫生服务中心8个", [("市卫生健康委", "lead"), ("市财政局", "cooperating")]),
        ("3", "新辟和调整公交线路15条", [("市交通运输局", "lead"), ("市公安局交通警察支队", "cooperating")]),
    ]


# A header printed on two lines, as pdftotext -layout gives a table whose 责任单位 cell spans two columns: the upper
# line holds the cells that span both rows (序号, 重点任务, 完成时限) and the spanning cell; the lower its columns. A
# wrapped unit cell interleaved with the task's (市工业和信 / 息化局), a cell run past its header's edge into the next
# column whose own text stands apart (市交通运输局、市港航中心 …), a date column whose header starts left of its dates.
TWO_LINE_HEADER = """附件

重点工作任务分工表

序号   重点任务                                  {upper}                                          完成时限
                                                 {lead}              {other}
一、数字产业化
1      壮大集成电路、智能终端、虚拟现实等数字     市工业和信息化局      市发展改革委、市科技局、各县市区政府    2026年12月
       产业集群，新引进数字产业项目30个以上
2      推进算力基础设施建设，建成潍坊人工智能     市大数据局            市发展改革委、市工业和信              2026年12月
       计算中心二期                                                     息化局、市通信发展办
二、产业数字化
1      培育省级以上智能工厂、数字化车间40家以上   市工业和信息化局                                               2026年12月
2      推进智慧港口和智慧物流园区建设              市交通运输局、市港航中心   市商务局、市发展改革委              2026年12月
"""
TWO_LINE_READ = [
    ("1.1", "壮大集成电路、智能终端、虚拟现实等数字产业集群，新引进数字产业项目30个以上", [
        ("市工业和信息化局", "lead"), ("市发展改革委", "cooperating"), ("市科技局", "cooperating"),
        ("各县市区政府", "cooperating")]),
    ("1.2", "推进算力基础设施建设，建成潍坊人工智能计算中心二期", [
        ("市大数据局", "lead"), ("市发展改革委", "cooperating"), ("市工业和信息化局", "cooperating"),
        ("市通信发展办", "cooperating")]),
    ("2.1", "培育省级以上智能工厂、数字化车间40家以上", [("市工业和信息化局", "lead")]),
    ("2.2", "推进智慧港口和智慧物流园区建设", [
        ("市交通运输局", "lead"), ("市港航中心", "lead"), ("市商务局", "cooperating"), ("市发展改革委", "cooperating")]),
]


@pytest.mark.parametrize(("upper", "lead", "other"), [
    ("责任单位", "牵头单位", "配合单位"),
    ("责任部门", "牵头部门", "配合部门"),
    ("责任单位", "牵头    ", "配合    "),  # sub-headers that leave the upper cell's noun to it: 配合 → 配合单位
    ("责任单位", "牵头    ", "配合    \n" + " " * 49 + "单位                  单位"),  # … then wrap it: 牵头 / 单位
])
def test_a_layout_table_whose_header_spans_two_lines(upper, lead, other):
    from fengong.readers.detect import READERS

    source = SourceText("two-line.txt", TWO_LINE_HEADER.format(upper=upper, lead=lead, other=other))
    assert choose_reader(source) == "pdf-table"
    plan = READERS["pdf-table"](source, jurisdiction="370700")
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == TWO_LINE_READ
    assert [s.title for s in plan.sections] == ["一、数字产业化", "二、产业数字化"]


def test_a_layout_table_whose_header_words_wrap_onto_a_second_line():
    from fengong.readers.detect import READERS

    # a narrow column wraps its header word (牵头 / 单位, 完成 / 时限), the header printed again after a page break
    text = ("序号  重点任务                    牵头        配合              完成\n"
            "                                  单位        单位              时限\n"
            "1     推进企业开办便利化，压缩开  市市场监管局  市公安局、市税务局  2019年底前\n"
            "      办时间至3个工作日以内\n"
            "2     简化不动产登记流程          市自然资源局  市税务局            2019年底前\n"
            "                                  — 2 —\n"
            "序号  重点任务                    牵头        配合              完成\n"
            "                                  单位        单位              时限\n"
            "3     建立信用监管机制            市发展改革委  市市场监管局        2020年6月\n")
    plan = READERS["pdf-table"](SourceText("wrapped-header.txt", text), jurisdiction="320200")
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1", [("市市场监管局", "lead"), ("市公安局", "cooperating"), ("市税务局", "cooperating")]),
        ("2", [("市自然资源局", "lead"), ("市税务局", "cooperating")]),
        ("3", [("市发展改革委", "lead"), ("市市场监管局", "cooperating")]),
    ]


def test_a_line_under_a_layout_header_that_completes_no_header_is_none_of_it():
    from fengong.readers import layout
    from fengong.readers.lines import LineIndex

    # a section title with no number right under the header, a title over the header: the header is one line
    text = ("重点任务分工\n"
            "序号  重点任务                    牵头单位      配合单位            完成时限\n"
            "      数字产业化\n"
            "1     推进企业开办便利化          市市场监管局  市公安局、市税务局  2019年底前\n"
            "2     简化不动产登记流程          市自然资源局  市税务局            2019年底前\n"
            "3     建立信用监管机制            市发展改革委  市市场监管局        2020年6月\n")
    found = layout.find(LineIndex(text).lines)
    assert found is not None and found.header.number == 2 and len(found.names) == 1
    assert [name for _, name in found.columns.units] == ["lead", "cooperating"]


MERGED = ("遂川县城乡环境综合整治提升行动任务清单\n\n序号\t整治内容\t工作任务\t牵头单位\t责任单位\t完成时限\n"
          "1\t城区市容秩序\t整治占道经营。\t县城管局\t泉江镇、县市场监管局\t2022年7月底\n"
          "2\t\t规范户外广告设置。\t　\t县住建局、泉江镇\t2022年8月底\n"
          "3\t交通秩序\t整治机动车乱停乱放。\t县公安局交警大队\t县城管局、县住建局\t2022年9月底\n"
          "4\t\t规范非机动车停放。\t县公安局交警大队\t\t2022年6月底\n"
          "{note}")


def test_merged_cells_left_empty_below_take_the_cell_above_where_the_document_says_so():
    plan = tabular.read(SourceText("t.txt", MERGED.format(note="\n说明：表格中空白单元格系原表合并单元格，内容与上一行相同。\n")))
    assert [(t.number, units(t)) for t in plan.tasks] == [
        (1, [("县城管局", "lead"), ("泉江镇", "participant"), ("县市场监管局", "participant")]),
        (2, [("县城管局", "lead"), ("县住建局", "participant"), ("泉江镇", "participant")]),
        (3, [("县公安局交警大队", "lead"), ("县城管局", "participant"), ("县住建局", "participant")]),
        (4, [("县公安局交警大队", "lead"), ("县城管局", "participant"), ("县住建局", "participant")])]


def test_empty_cells_name_nobody_where_no_note_says_they_are_merged():
    # no note, and no row shows a merged cell: row 2's empty 牵头单位 lies under the table's first row, which has
    # a lead, but row 1's own (set 44: an empty lead under a filled one beside units of the row's own is merged)
    # is taken only where the first row has one; here the empty cell is moved to row 1, which has none
    text = MERGED.format(note="").replace("整治占道经营。\t县城管局\t", "整治占道经营。\t　\t").replace(
        "规范户外广告设置。\t　\t", "规范户外广告设置。\t县城管局\t")
    plan = tabular.read(SourceText("t.txt", text))
    assert [(t.number, units(t)) for t in plan.tasks] == [
        (1, [("泉江镇", "lead"), ("县市场监管局", "participant")]),
        (2, [("县城管局", "lead"), ("县住建局", "participant"), ("泉江镇", "participant")]),
        (3, [("县公安局交警大队", "lead"), ("县城管局", "participant"), ("县住建局", "participant")]),
        (4, [("县公安局交警大队", "lead")])]
    # the table as printed: row 2's empty lead under row 1's is merged, and so the table's empty cells are
    plan = tabular.read(SourceText("t.txt", MERGED.format(note="")))
    assert [t.units[0].name for t in plan.tasks] == ["县城管局", "县城管局", "县公安局交警大队", "县公安局交警大队"]


def test_a_unit_repeated_across_the_lead_and_cooperating_cells_of_a_row_is_named_once_as_lead():
    text = ("序号\t领域\t工作任务\t牵头部门\t配合部门\t完成时限\n"
            "1\t政务服务\t推进“一件事一次办”。\t行政审批服务局\t行政审批服务局\t2023年9月底\n"
            "2\t政务服务\t深化“互联网+政务服务”。\t行政审批服务局\t党政办公室、财政局\t2023年6月底\n"
            "3\t金融服务\t组织“政银企”对接活动。\t财政局\t财政局、投资促进局\t2023年11月底\n")
    plan = tabular.read(SourceText("t.txt", text))
    assert [(t.number, units(t)) for t in plan.tasks] == [
        (1, [("行政审批服务局", "lead")]),
        (2, [("行政审批服务局", "lead"), ("党政办公室", "cooperating"), ("财政局", "cooperating")]),
        (3, [("财政局", "lead"), ("投资促进局", "cooperating")])]


# ---------------------------------------------------------------- set 16: tables named for what they list

LEGISLATION_MD = """省政府2023年度立法项目表

起草单位为两个以上的，排在第一位的为牵头起草单位，其他为参与起草单位。

| 序号 | 项目名称 | 起草单位 | 审查单位 | 报送省政府时间 |
|:---:|:---|:---|:---:|---:|
| | **一、地方性法规草案** | | | |
| 1 | 某省黄河流域生态保护条例 | 省生态环境厅、省水利厅 | 省司法厅 | 2023年5月 |
| 2 | 某省数据条例 | 省数据局 | 省司法厅 | 2023年9月 |
| | **二、省政府规章** | | | |
| 3 | 某省行政执法监督办法（修订） | 省司法厅 | 省政府办公厅 | 2023年10月 |
"""


def test_a_markdown_table_of_laws_with_its_drafting_column():
    source = SourceText("t.txt", LEGISLATION_MD)
    assert choose_reader(source) == "tabular"
    plan = tabular.read(source)
    assert [(t.number, t.text, units(t)) for t in plan.tasks] == [
        (1, "某省黄河流域生态保护条例", [("省生态环境厅", "lead"), ("省水利厅", "participant")]),
        (2, "某省数据条例", [("省数据局", "lead")]),
        (3, "某省行政执法监督办法（修订）", [("省司法厅", "lead")])]  # the reviewer column names no one


PROJECTS_CSV = """关于下达2024年市级重点建设项目计划的通知

二、项目业主（建设单位）是项目建设的实施主体，责任单位负责协调解决项目推进中的问题。

序号,项目名称,建设内容及规模,总投资（亿元）,项目业主,包保市领导,责任单位
1,新能源汽车零部件产业园,"规划用地1200亩，建设电机、电控生产线",85.0,某新能源汽车产业发展有限公司,王某某,"市工业和信息化局,洛龙区人民政府"
2,第二水源地工程,"新建取水泵站、输水管线42公里",21.6,某水务集团有限公司,赵某某,市水利局
"""


def test_a_csv_table_inside_a_plain_text_with_quoted_cells():
    source = SourceText("t.txt", PROJECTS_CSV)
    assert tabular.delimiter(source) == "," and choose_reader(source) == "tabular"
    plan = tabular.read(source)
    assert [(t.number, t.text, units(t)) for t in plan.tasks] == [
        (1, "新能源汽车零部件产业园", [("市工业和信息化局", "lead"), ("洛龙区人民政府", "participant")]),
        (2, "第二水源地工程", [("市水利局", "lead")])]  # the owner and the leader are no units


def soup_text(rows: list) -> str:
    """A Word table as BeautifulSoup's ``get_text('\\n')`` of LibreOffice's HTML prints it: each cell's spans on
    lines of their own (a cell given as a list of its spans), a ``<br>`` two blank lines (a cell given as a tuple of
    its lines), six blank lines between cells, ten between rows; a cell merged from the row above prints nothing."""
    def cell(c) -> str:
        return "\n\n\n".join(c) if isinstance(c, tuple) else "\n".join(c) if isinstance(c, list) else c
    return ("附件\n\n重点任务分工\n\n\n" + ("\n" * 11).join("\n\n\n\n\n\n\n".join(cell(c) for c in row) for row in rows)
            + "\n\n\n\n注：各省级农业农村部门按照职责分工抓好本地区相关任务落实，表中不再一一列出。\n")


SOUP_ROWS = [
    ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
    ("一、标准引领",),
    ("1", "新制定农兽药残留限量标准", "农产品质量安全监管司", ("种植业管理司、", "畜牧兽医局"), ["2019", "年", "12", "月底"]),
    ("2", "创建绿色优质农产品生产基地", ["2019", "年", "9", "月底"]),  # both unit cells merged with row 1's
    ("3", "制定农产品质量分级标准", "法规司", "全年"),  # one unit cell merged: which one the text does not say
    ("二、产地管控",),
    ("4", "推进高毒农药定点经营", "种植业管理司", "农产品质量安全监管司", "全年"),
]


def test_a_web_page_s_word_table_printed_one_span_a_line_with_merged_cells():
    # (set 63 nongban) the cells stand apart by the header's run of blank lines, a cell's spans (digits split off
    # a date) and <br>s closer; a row short of cells under a row of its section takes its unit cells from the row
    # above (rowspan: printed once), the lead's first
    plan, name = read_path_of(soup_text(SOUP_ROWS))
    assert name == "flat-table"
    carried = ("各省级农业农村部门", "implementing")
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "新制定农兽药残留限量标准", [("农产品质量安全监管司", "lead"), ("种植业管理司", "cooperating"),
                                           ("畜牧兽医局", "cooperating"), carried]),
        ("2", "创建绿色优质农产品生产基地", [("农产品质量安全监管司", "lead"), ("种植业管理司", "cooperating"),
                                             ("畜牧兽医局", "cooperating"), carried]),
        ("3", "制定农产品质量分级标准", [("农产品质量安全监管司", "lead"), ("法规司", "cooperating"), carried]),
        ("4", "推进高毒农药定点经营", [("种植业管理司", "lead"), ("农产品质量安全监管司", "cooperating"), carried])]


def test_a_web_page_s_row_short_of_cells_after_a_section_row_is_not_filled():
    # no cell is merged across a section row: the row is cut short, reported, and not read
    rows = [*SOUP_ROWS[:3], ("二、产地管控",), ("2", "推进高毒农药定点经营", "全年")]
    plan, _ = read_path_of(soup_text(rows))
    assert [t.key for t in plan.tasks] == ["1"]
    assert any("row 2 is cut short" in p.message for p in plan.problems)


# (set 63 hubei) LibreOffice's CSV filter quotes every text cell, the header's too, after the notice's prose: a
# title row and a 填报单位 row above the header, 序号 restarting under each section row, a merged 牵头单位 empty below
QUOTED_LEDGER = """附件：重点任务清单
"附件  重点任务清单",,,,
"填报单位（盖章）：",,,"填报时间：    年  月  日",
"序号","具体任务","牵头单位","配合单位","完成时限"
"一、发展民生事业",,,,
"1","合理布局老年食堂和社区助餐点","省民政厅","省财政厅
省商务厅","2026年12月"
"2","推进居家养老服务圈建设",,"省住建厅
省残联",
"二、扩大产品供给",,,,
"1","扩大老年教育资源供给","省教育厅","省委组织部（省委老干部局）
省民政厅","2026年9月"
"""


@pytest.mark.parametrize("quote", ['"', ""], ids=["quoted", "bare"])
def test_a_ledger_csv_whose_every_text_cell_is_quoted(quote):
    header = ",".join(f"{quote}{c}{quote}" for c in ("序号", "具体任务", "牵头单位", "配合单位", "完成时限"))
    text = QUOTED_LEDGER.replace('"序号","具体任务","牵头单位","配合单位","完成时限"', header)
    source = SourceText("t.txt", "各市、州、县人民政府：\n现将有关事项通知如下。\n" + text)
    assert tabular.delimiter(source) == "," and choose_reader(source) == "tabular"
    plan = tabular.read(source)
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1.1", "合理布局老年食堂和社区助餐点", [("省民政厅", "lead"), ("省财政厅", "cooperating"),
                                               ("省商务厅", "cooperating")]),
        ("1.2", "推进居家养老服务圈建设", [("省民政厅", "lead"), ("省住建厅", "cooperating"), ("省残联", "cooperating")]),
        ("2.1", "扩大老年教育资源供给", [("省教育厅", "lead"), ("省委组织部（省委老干部局）", "cooperating"),
                                         ("省民政厅", "cooperating")])]


@pytest.mark.parametrize("cells", [
    ['"序号', '具体任务"', '"牵头单位"'],  # quotes that do not close a cell: no export's quoting
    ['“序号”', '“具体任务”', '“牵头单位”'],  # a typed text's quotes
    ["'序号'", "'具体任务'", "'牵头单位'"],  # single quotes: no CSV quoting
])
def test_quotes_that_wrap_no_whole_header_cell_make_no_header(cells):
    from fengong.readers.rows import map_header
    assert map_header(cells) is None


STANDARDS_CSV = """序号,标准名称,制定/修订,提出单位,归口单位,牵头起草单位,参与起草单位,完成时间
1,"数字乡村建设指南 第2部分：""一村一码""应用",制定,省农业农村厅,省农业标准化技术委员会,省农业信息中心,"南京农业大学,省标准化研究院",2025年8月
2,工业企业碳排放核算指南 印染行业,制定,省生态环境厅,省生态环境标准化技术委员会,省环境科学研究院,—,2025年10月
"""


def test_a_standards_plan_whose_drafting_columns_give_lead_and_participants():
    plan = tabular.read(SourceText("t.txt", STANDARDS_CSV))
    one, two = plan.tasks
    # the cell as typed: its space between words and one quote for each doubled one
    assert one.text == "数字乡村建设指南 第2部分：\"一村一码\"应用"
    assert units(one) == [("省农业信息中心", "lead"), ("南京农业大学", "participant"), ("省标准化研究院", "participant")]
    assert (two.text, units(two)) == ("工业企业碳排放核算指南 印染行业", [("省环境科学研究院", "lead")])


INSPECTION_TAB = ("清单中责任单位有两个以上的，列第一位的为牵头单位，其余为配合单位；注明“牵头”“配合”的，按注明执行。\n\n"
                  "序号\t督查事项\t督查内容\t责任单位\t督查时限\n"
                  "1\t打造现代纺织产业集群\t1.推动印染企业集聚提升；2.新增智能化改造项目80个\t市经信局、柯桥区人民政府\t2025年12月底\n"
                  "2\t推进临空经济一体化\t完成示范区控规编制\t牵头：市发改委；配合：市交通运输局、各区、县（市）人民政府\t2025年10月底\n"
                  "3\t实施“千项万亿”工程\t完成重大项目投资800亿元\t市发改委（牵头）、市财政局\t2025年12月底\n"
                  "4\t提升城市交通治理水平\t新增公共停车泊位5000个\t市公安局和市住建局（牵头）、市综合执法局\t2025年12月底\n")


def test_an_inspection_list_with_its_rule_labelled_cells_and_notes_in_cells():
    source = SourceText("t.txt", INSPECTION_TAB)
    assert choose_reader(source) == "tabular"
    plan = tabular.read(source)
    assert [(t.number, t.text, units(t)) for t in plan.tasks] == [
        (1, "打造现代纺织产业集群", [("市经信局", "lead"), ("柯桥区人民政府", "cooperating")]),
        (2, "推进临空经济一体化", [("市发改委", "lead"), ("市交通运输局", "cooperating"),
                                   ("各区、县（市）人民政府", "cooperating")]),  # the time cell is no unit's
        (3, "实施“千项万亿”工程", [("市发改委", "lead"), ("市财政局", "cooperating")]),
        (4, "提升城市交通治理水平", [("市公安局", "lead"), ("市住建局", "lead"), ("市综合执法局", "cooperating")])]


@pytest.mark.parametrize(("header", "row", "text"), [
    ("| 序号 | 实事项目 | 主要内容和目标 | 投资（万元） | 责任单位 | 配合单位 |\n| :--: | :-- | :-- | --: | :-- | :-- |",
     "| 1 | 新建城区公办幼儿园 | 1.新建幼儿园6所；2.新增学位2700个 | 32000 | 市教育局 | 各区人民政府 |",
     "新建城区公办幼儿园"),
    ("序号\t目标任务\t具体措施\t牵头科室\t配合单位\t完成时限",
     "1\t提升基层治理水平\t（1）推进网格化管理；（2）完善议事协商\t社区发展治理办公室\t各社区\t2024年12月",
     "提升基层治理水平"),
    ("序号\t督查事项\t督查内容\t责任单位\t督查时限",
     "1\t推进托育服务体系建设\t新增普惠托位3000个\t市卫生健康委\t2025年12月底",
     "推进托育服务体系建设"),
])
def test_the_column_naming_the_task_before_its_detail_is_the_task_text(header, row, text):
    plan = tabular.read(SourceText("t.txt", f"{header}\n{row}\n"))
    assert [t.text for t in plan.tasks] == [text]


@pytest.mark.parametrize("text", [
    # a list of names with no unit column is no task table
    "序号,项目名称,建设内容及规模,总投资（亿元）,项目业主,包保市领导\n1,某产业园,建设生产线,85.0,某公司,王某某\n",
    "| 序号 | 标准名称 | 提出单位 | 归口单位 |\n|---|---|---|---|\n| 1 | 某指南 | 省农业农村厅 | 省农业标准化技术委员会 |\n",
    # prose with ASCII commas names no columns
    "一、工作目标\n到2025年,全市新增就业岗位1万个,市人社局负责。\n",
])
def test_lists_without_a_unit_column_are_no_task_tables(text):
    assert choose_reader(SourceText("t.txt", text)) == "clauses"


def test_a_column_headed_by_the_division_itself_reads_the_roles_its_cells_state():
    # 责任分工 / 职责分工: the cells say who leads and who helps; a bare list there is a responsible list
    for header in ("责任分工", "职责分工"):
        source = SourceText("t.txt", f"序号\t工作任务\t{header}\t完成时限\n"
                                     "1\t建设一批人工智能应用场景\t区科信局牵头，区发改局、区财政局配合\t2026年底前\n"
                                     "2\t落实创业补贴政策\t由区人社局负责\t持续推进\n"
                                     "3\t开放公共数据集\t区数据局、区教育局负责\t2026年9月\n")
        plan = tabular.read(source)
        assert [(t.number, units(t)) for t in plan.tasks] == [
            (1, [("区科信局", "lead"), ("区发改局", "cooperating"), ("区财政局", "cooperating")]),
            (2, [("区人社局", "lead")]),
            (3, [("区数据局", "lead"), ("区教育局", "participant")])]


@pytest.mark.parametrize("upper, lower, roles", [
    ("序号\t重点任务\t责任单位\t", "\t\t牵头\t参与", ["lead", "participant"]),  # a merged cell left empty below
    ("序号\t重点任务\t责任单位\t", "序号\t重点任务\t牵头\t配合", ["lead", "cooperating"]),  # printed in each row
    ("序号\t重点任务\t责任部门\t\t完成时限", "\t\t牵头部门\t协同部门\t", ["lead", "cooperating"]),
    ("序号\t重点任务\t责任分工\t", "\t\t主责\t协办", ["lead", "cooperating"]),  # the upper row alone is no header
])
def test_a_header_printed_over_two_rows(upper, lower, roles):
    plan = tabular.read(SourceText("t.tsv", f"{upper}\n{lower}\n1\t建立制度\t商务部\t财政部\n"))
    assert [u.role for u in plan.tasks[0].units] == roles and plan.tasks[0].text == "建立制度"


def test_a_row_under_a_header_is_no_second_header_row():
    plan = tabular.read(SourceText("t.tsv", "序号\t重点任务\t牵头单位\t配合单位\n1\t牵头\t商务部\t财政部\n"
                                            "2\t完善机制\t教育部\t\n"))
    assert [t.text for t in plan.tasks] == ["牵头", "完善机制"]
    # a lower row naming a column that holds no units is no header of unit columns either
    plan = tabular.read(SourceText("t.tsv", "序号\t重点任务\t责任单位\t\n\t\t牵头\t备注\n1\t建立制度\t商务部、财政部\t\n"))
    assert [(u.name, u.role) for u in plan.tasks[0].units] == [("商务部", "lead"), ("财政部", "participant")]


def test_a_task_merged_over_rows_with_units_of_its_own_in_each():
    # 序号 and 重点任务 merged over two rows (printed in each by the rendering), each row its own units: one task
    plan = tabular.read(SourceText("t.tsv", "序号\t重点任务\t牵头单位\t配合单位\n1\t建设平台\t商务部\t财政部\n"
                                            "1\t建设平台\t工业和信息化部\t财政部\n2\t完善机制\t教育部\t\n"))
    assert [(t.key, [(u.name, u.role) for u in t.units]) for t in plan.tasks] == [
        ("1", [("商务部", "lead"), ("工业和信息化部", "lead"), ("财政部", "cooperating")]),
        ("2", [("教育部", "lead")])]
    # a row printing another task's text under the same number is a row of its own
    plan = tabular.read(SourceText("t.tsv", "序号\t重点任务\t牵头单位\n1\t建设平台\t商务部\n1\t完善机制\t教育部\n"))
    assert [t.text for t in plan.tasks] == ["建设平台", "完善机制"]


# pdftotext without -layout: a table one cell per line, each cell wrapped over lines of its column's width, a
# person column (责任领导) before the units, a row split by a page break, a standing note (以下不再列出) wrapped.
WRAPPED = """注：各县区政府负责本地区相关任务落实，
以下不再列出。
序号
工作任务
责任领导
牵头单位
配合单位
完成时限
一、稳定生产
1
稳定粮食生产，全年粮食播
种面积稳定在38万亩以上，
新建高标准农田2.5万亩
市政府副市
长 王××
市农业农村
局
市财政局、市自然
资源和规划局、市
水务局
2026年12
月
2
发展现代都市农业，培育壮
大特色产业，新增龙头企业
市政府副市
长 陈××
市商务局
市农业农村局、市
市场监管局
2026年10
月
— 3 —
序号
工作任务
责任领导
牵头单位
配合单位
完成时限
二、改善环境
1
推进农村公路提档升级，新
改建农村公路60公里，实施
危桥改造10座
市政府副市
长 陈××
市交通运输
局
市财政局、市城管
2026年12
月
— 4 —
执法局
抄送：市委各部门，市人大常委会办公室，市政协办公室，市纪
委监委，市法院，市检察院。
"""


def test_flat_table_cells_wrapped_over_lines():
    plan = flat_table.read(SourceText("wrapped.txt", WRAPPED))
    one, two, three = plan.tasks
    assert one.text == "稳定粮食生产，全年粮食播种面积稳定在38万亩以上，新建高标准农田2.5万亩"
    carried = [("各县区政府", "implementing")]
    assert units(one) == [("市农业农村局", "lead"), ("市财政局", "cooperating"), ("市自然资源和规划局", "cooperating"),
                          ("市水务局", "cooperating")] + carried
    # the 责任领导 cell (区政府副区 / 长 陈××) is no part of the lead's name
    assert units(two) == [("市商务局", "lead"), ("市农业农村局", "cooperating"), ("市市场监管局", "cooperating")] + carried
    assert two.text == "发展现代都市农业，培育壮大特色产业，新增龙头企业"
    # the last row's cell ends after the page break (执法局); 抄送 after the table is not in it
    assert units(three) == [("市交通运输局", "lead"), ("市财政局", "cooperating"), ("市城管执法局", "cooperating")] + carried
    assert [t.key for t in plan.tasks] == ["1.1", "1.2", "2.1"]


# PyMuPDF: each cell its own block of wrapped lines, an empty cell printing nothing at all; a 、 or ， pushed by the
# renderer to the start of a cell's next line; a unit cell whose last line is short, before a 责任领导 column.
BLOCKS = """序号
重点任务
牵头单位
参与单位
1
统筹规划建设综合性公共实
训基地
人力资源社会
保障部
国家发展改革委、财
政部
2
落实职业培训补贴和生活费补
贴政策
财政部、人力
资源社会保障
部
3
加快修订国家职业技能标准
人力资源社会
保障部
教育部
"""

LEADERS = """序号
重点任务
责任单位
县级责任领导
完成时限
1
实施农村人居环境整治提升，完成整治提升村
个以上，开展村庄清洁行动
县农业农村局、县城管局
、县卫健委、县民政局
负责
分管副县长
2026年11月底
2
实施农村电网巩固提升工程，推进充电基础设施
向农村延伸，提升农村供电可靠性
县供电公司负责
，县发展改革委配合
分管副县长
2026年12月底
3
深化党建引领乡村治理，推广积分制、清单制等
治理方式，开展文明村镇创建
县委组织部指导，县委宣
传部、县民政局、各乡镇
（园区）负责
县委组织部部长
2026年12月底
"""


def test_flat_table_a_unit_cell_after_the_first_printed_empty_as_nothing():
    plan = flat_table.read(SourceText("blocks.txt", BLOCKS), jurisdiction="100000")
    assert [units(t) for t in plan.tasks] == [
        [("人力资源社会保障部", "lead"), ("国家发展改革委", "participant"), ("财政部", "participant")],
        # 参与单位 empty: 人力 / 资源社会保障 / 部 is one name of the lead cell, not a lead and a participant
        [("财政部", "lead"), ("人力资源社会保障部", "lead")],
        # both cells filled: never one lead cell and an empty one
        [("人力资源社会保障部", "lead"), ("教育部", "participant")]]


def test_flat_table_a_mark_at_a_line_start_goes_on_a_cell_and_units_take_their_lines():
    plan = flat_table.read(SourceText("leaders.txt", LEADERS), jurisdiction="340123")
    assert [units(t) for t in plan.tasks] == [
        # 、县卫健委… opens no cell: it goes on the unit cell, and 负责 with it (not the 责任领导 cell)
        [("县农业农村局", "lead"), ("县城管局", "participant"), ("县卫健委", "participant"),
         ("县民政局", "participant")],
        [("县供电公司", "lead"), ("县发展改革委", "cooperating")],
        # （园区）负责 ends the unit cell: 县委组织部部长 alone is the 责任领导 cell
        [("县委组织部", "guiding"), ("县委宣传部", "lead"), ("县民政局", "participant"),
         ("各乡镇（园区）", "participant")]]
    assert [t.text for t in plan.tasks][1] == "实施农村电网巩固提升工程，推进充电基础设施向农村延伸，提升农村供电可靠性"


def test_flat_table_a_deadline_cell_reads_as_a_deadline():
    # 负责 / 分管副县长 / 2026年11月底: the 完成时限 cell is the date alone, the 责任领导 cell 分管副县长
    text = LEADERS.replace("县农业农村局、县城管局\n、县卫健委、县民政局\n负责", "县农业农村局、县人社局\n负责")
    plan = flat_table.read(SourceText("leaders.txt", text), jurisdiction="340123")
    assert units(plan.tasks[0]) == [("县农业农村局", "lead"), ("县人社局", "participant")]


def test_flat_table_with_blank_lines_for_empty_cells_never_reads_a_silent_one():
    # where the table prints an empty cell as a blank line, a cell left out with no line cuts the row short
    text = BLOCKS.replace("3\n加快修订", "\n3\n加快修订")
    plan = flat_table.read(SourceText("blocks.txt", text), jurisdiction="100000")
    assert units(plan.tasks[1]) != [("财政部", "lead"), ("人力资源社会保障部", "lead")]
    assert units(plan.tasks[2]) == [("人力资源社会保障部", "lead"), ("教育部", "participant")]


def test_flat_table_one_line_cells_stay_read_line_by_line():
    """A table whose cells are one line each keeps its reading; the prose after its last row stays out of it."""
    text = FLAT + "为确保各项任务落实，各牵头单位要会同配合单位制定具体方案，\n明确时间表和路线图，按期完成各项任务。\n"
    plan = flat_table.read(SourceText("flat.txt", text))
    assert [units(t) for t in plan.tasks] == [units(t) for t in flat_table.read(SourceText("flat.txt", FLAT)).tasks]
    assert plan.tasks[-1].text == "建立信用监管机制。"


# A PDF viewer's copy: each visual line of the table is one line, the cells of a row run together with spaces and
# the wrapped lines of several cells joined on the lines below; a letter-spaced header repeated after each page's
# foot (第n页 共N页) and running head; section rows (一、…) between the rows; 抄送 after the table.
VIEWER = """某市推进行动实施方案
附件
重点任务分工表
序 号 重 点 任 务 牵 头 单 位 配 合 单 位 完 成 时 限
一、夯实基础
1 建设智能算力中心，推动算 市工业和信息化局 市财政局 2026年底
力统一调度
2 培育发展数据标注、数据交 市发展改革委 市商务局、市市场监 2027年底
易等数据服务业态 管局
二、推动应用
3 建设智能网联汽车测试示范 市工业和信息化局、市 市公安局、市财政 2026年底
第2页 共3页
某市推进行动实施方案
序 号 重 点 任 务 牵 头 单 位 配 合 单 位 完 成 时 限
区 交通运输局 局
4 推动大模型在研发设计等环 市科学技术局 市教育局 持续推进
节深度应用
第3页 共3页
某市推进行动实施方案
抄送：市委各部门，市人大常委会办公室。
"""


def test_a_pdf_table_copied_by_visual_line():
    from fengong.readers.detect import READERS

    source = SourceText("viewer.txt", VIEWER)
    assert choose_reader(source) == "pdf-table"
    plan = READERS["pdf-table"](source, jurisdiction="320500")
    assert not [p for p in plan.problems if p.severity == "error"]
    assert [(t.number, t.text, units(t)) for t in plan.tasks] == [
        (1, "建设智能算力中心，推动算力统一调度", [("市工业和信息化局", "lead"), ("市财政局", "cooperating")]),
        # the 配合单位 cell's second line beside the task's
        (2, "培育发展数据标注、数据交易等数据服务业态", [
            ("市发展改革委", "lead"), ("市商务局", "cooperating"), ("市市场监管局", "cooperating")]),
        # a row split by the page's foot, head and header: its lines after them go on with its cells
        (3, "建设智能网联汽车测试示范区", [
            ("市工业和信息化局", "lead"), ("市交通运输局", "lead"), ("市公安局", "cooperating"),
            ("市财政局", "cooperating")]),
        (4, "推动大模型在研发设计等环节深度应用", [("市科学技术局", "lead"), ("市教育局", "cooperating")]),
    ]


def test_a_letter_spaced_header_is_cut_into_known_cells_only():
    from fengong.readers.pdf_table import header_columns

    assert header_columns("序 号 重 点 任 务 牵 头 单 位 配 合 单 位 完 成 时 限").width == 5
    assert header_columns("序 号 工 作 任 务 责 任 单 位").width == 3
    assert header_columns("苏 州 市 人 民 政 府 办 公 室") is None  # a letter-spaced signature
    assert header_columns("序 号 重 点 任 务 其 他 说 明") is None  # no unit column


def test_a_header_with_a_narrow_cell_wrapped_letter_by_letter():
    from fengong.readers.pdf_table import header_columns

    # the 序号 cell wraps in its narrow column (序 / 号), the extractor joining its lines by a space
    assert header_columns("序 号 工作任务 牵头单位 责任单位 完成时限").width == 5
    assert header_columns("序 号 各 有关 单位 完成") is None  # pieces that make no header


# kreuzberg's Markdown of a ruled PDF table: each row's cells and wrapped lines joined by spaces, rows run together
# (a row's last date split: 2026年9月 / 底 2 …), a page's number as a heading, the header printed again after it
RUN_TOGETHER = """附件
序 号 工作任务 牵头单位 责任单位 完成时限

1 修订公共数据授权运营管理办法，细 化授权方式和安全管理规则 省数据局 省发展改革委、省司法 厅、省财政厅 2026年9月

底 2 制定授权运营协议示范文本，规范授 权期限和各方权利义务 省数据局 省司法厅 2026年6月

底 3 支持国有企业、民营企业、科研机构 依法参与公共数据运营，培育数据商 和第三方专业服务机构 省数据局、 省国资委 省经信厅、省市场监管 局 持续推进

### — 6 —

序 号 工作任务 牵头单位 责任单位 完成时限

4 培养数据运营专业人才，完成培训 3 期 省人力社保 厅 省数据局、省教育厅 2027年12

月底 5 建设数据要素实验室 省科技厅 省教育厅 持续推进

### 注：各设区市人民政府负责本地区相关任务落实，表中不再一一列出。
"""


def test_a_table_whose_rows_run_together_in_lines():
    from fengong.readers.detect import READERS

    source = SourceText("t.md", RUN_TOGETHER)
    assert choose_reader(source) == "pdf-table"
    plan = READERS["pdf-table"](source, jurisdiction="330000")
    carried = [("各设区市人民政府", "implementing")]
    assert [(t.number, t.text[:8], units(t)) for t in plan.tasks] == [
        (1, "修订公共数据授权", [("省数据局", "lead"), ("省发展改革委", "participant"), ("省司法厅", "participant"),
                         ("省财政厅", "participant"), *carried]),
        (2, "制定授权运营协议", [("省数据局", "lead"), ("省司法厅", "participant"), *carried]),
        # a list opens with no conjunction: 和第三方专业服务机构 goes on the task's text
        (3, "支持国有企业、民", [("省数据局", "lead"), ("省国资委", "lead"), ("省经信厅", "participant"),
                         ("省市场监管局", "participant"), *carried]),
        # a number inside a row that is not the next row's (3 期) opens none
        (4, "培养数据运营专业", [("省人力社保厅", "lead"), ("省数据局", "participant"), ("省教育厅", "participant"),
                         *carried]),
        (5, "建设数据要素实验", [("省科技厅", "lead"), ("省教育厅", "participant"), *carried]),
    ]
    assert plan.tasks[2].text.endswith("和第三方专业服务机构")
    assert not [p for p in plan.problems if p.severity == "error"]


# ------------------------------------------- set 29: a PDF table with a merged category column (PyMuPDF, landscape)

GROUPED = """关于实施技能提升行动的通知
各有关单位：
现将重点任务分工方案印发给你们，请认真贯彻落实。
— 2 —
— 3 —
序号 重点任务 具体措施 牵头单位 参与单位 完成时限
1
构建终身技能
培训体系
完善劳动者终身职业技能培训政策，
建立覆盖城乡全体劳动者的职业技
能培训制度
人力资源社会保
障部
国家发展改革委、
教育部、财政部
2019年底
前
2
持续开展就业技能培训，面向城乡
各类有就业要求的劳动者开展培训
人力资源社会保
障部
教育部、财政部
持续实施
3
深化培训体制
— 4 —
机制改革
建立职业技能培训市场化社会化发
展机制，支持社会力量开展培训
人力资源社会保
障部
财政部、税务总局
持续实施
4
推进职业资格制度改革，建立职业
技能等级制度
人力资源社会保
— 5 —
障部
全国总工会、共青
团中央
持续实施
抄送：国务院办公厅。
"""


def test_a_pdf_table_whose_first_task_column_is_merged_over_its_rows_takes_the_next_as_the_task():
    from fengong.readers.detect import READERS

    source = SourceText("grouped.txt", GROUPED)
    assert choose_reader(source) == "pdf-table"  # 重点任务 and 具体措施 before the unit columns
    plan = READERS["pdf-table"](source)
    assert not [p for p in plan.problems if p.severity == "error"]
    assert [(t.number, t.text[:8], units(t)) for t in plan.tasks] == [
        (1, "完善劳动者终身职", [("人力资源社会保障部", "lead"), ("国家发展改革委", "participant"),
                         ("教育部", "participant"), ("财政部", "participant")]),
        (2, "持续开展就业技能", [("人力资源社会保障部", "lead"), ("教育部", "participant"), ("财政部", "participant")]),
        # the category cell cut by the page number printed first on the landscape page
        (3, "建立职业技能培训", [("人力资源社会保障部", "lead"), ("财政部", "participant"), ("税务总局", "participant")]),
        # the page number inside the lead's name; 障部, a line of many rows, is no running head
        (4, "推进职业资格制度", [("人力资源社会保障部", "lead"), ("全国总工会", "participant"),
                         ("共青团中央", "participant")]),
    ]


def test_two_task_columns_filled_in_every_row_keep_the_first_as_the_task():
    from fengong.readers.detect import READERS

    text = GROUPED.replace("2\n持续开展", "2\n开展就业\n技能培训\n持续开展").replace(
        "4\n推进职业资格", "4\n推进资格\n制度改革\n推进职业资格")
    plan = READERS["pdf-table"](SourceText("filled.txt", text))
    # rows 2 and 4 print their own first cell: nothing is merged, the first task column names the task
    assert [t.text[:4] for t in plan.tasks][1] == "开展就业"


def test_a_one_line_header_needs_its_unit_columns_after_the_task_columns():
    from fengong.readers.pdf_table import header_columns

    assert header_columns("序号 重点任务 具体措施 牵头单位 参与单位 完成时限").texts == (1, 2)
    assert header_columns("序号 工作任务 牵头单位 配合单位 完成时限").texts == (1,)
    assert header_columns("序号 重点任务 牵头单位 具体措施 配合单位") is None  # a unit column between the tasks
    assert header_columns("序号 牵头单位 重点任务 配合单位") is None


# (set 29: linye) a booklet: bare page numbers, pages parted by blank lines, the running head on every page; the
# table's names wrap inside their column and the gazetteer knows none of them
BOOKLET = """林下经济发展规划
附件
重点任务分工
序号 重点任务 责任单位
1
制定林下种植负面清单，科学发展林药、
林菌、林果等林下种植
改革发展司、生态保护修复司
（全国绿化委员会办
公室）、资源管理司
2 推进林产品采集加工标准化、规模化
改革发展司、科学技术司
3 建设森林康养基地和森林体验基地
6


林下经济发展规划

种苗管理司、改革发展
司、自然保护地管理司
4
支持发展林下经济专业合作社、家庭林
场和龙头企业
改革发展司、种苗管理
司
5
加强林下经济科技攻关和技术推广，编
制林下经济技术标准
科学技术司、中国林科
院
7


林下经济发展规划

抄送：国家发展改革委、财政部。
"""


def test_a_booklet_table_with_bare_page_numbers_and_names_its_other_rows_print():
    from fengong.readers.detect import READERS

    plan = READERS["pdf-table"](SourceText("booklet.txt", BOOKLET))
    assert not [p for p in plan.problems if p.severity == "error"]
    assert [(t.number, [u.name for u in t.units]) for t in plan.tasks] == [
        (1, ["改革发展司", "生态保护修复司（全国绿化委员会办公室）", "资源管理司"]),
        (2, ["改革发展司", "科学技术司"]),
        (3, ["种苗管理司", "改革发展司", "自然保护地管理司"]),  # the bare 6 and the head between are furniture
        # the text's last line is no part of a name the other rows print (not 场和龙头企业改革发展司)
        (4, ["改革发展司", "种苗管理司"]),
        (5, ["科学技术司", "中国林科院"]),
    ]
    assert plan.tasks[4].text.endswith("编制林下经济技术标准")


def test_bare_page_numbers_are_the_ones_a_running_head_follows():
    from fengong.readers.lines import bare_page_numbers

    assert bare_page_numbers(BOOKLET) == {14, 31}
    # a table's numbers alone on their lines, each followed by its row, are no page numbers
    rows = "".join(f"{n}\n\n推进第{n}项工作\n市发展改革委\n" for n in range(1, 5))
    assert bare_page_numbers(rows) == set()


# (set 29: fagai) pdftotext's default mode: the header again after each page number, a row split by the page break
PAGED = """附件
重点任务分工
序号 重点任务 牵头单位 配合单位
1
支持快递企业为制造企业提供
入厂物流等综合服务
国家邮政局
工业和信息化部、
商务部
2
推动快递包装标准化、循环化，
开展包装减量试点
国家邮政局
市场监管总局、工
— 9 —
序号 重点任务 牵头单位 配合单位
业和信息化部、商
务部
3
推进园区物流设施共建共享，
提高设施利用效率
— 10 —
序号 重点任务 牵头单位 配合单位
交通运输部
国家发展改革委、
国家邮政局
注：各省级人民政府负责本地区各项任务的组织落实，表中不再一一
列出。
抄送：国务院办公厅。
"""


def test_a_pdf_table_row_split_by_a_page_break_goes_on_in_its_cells():
    from fengong.readers.detect import READERS

    plan = READERS["pdf-table"](SourceText("paged.txt", PAGED))
    assert [units(t) for t in plan.tasks] == [
        [("国家邮政局", "lead"), ("工业和信息化部", "cooperating"), ("商务部", "cooperating"),
         ("各省级人民政府", "implementing")],
        # the page number and the header again part no cells: 工 / 业和信息化部 is one name
        [("国家邮政局", "lead"), ("市场监管总局", "cooperating"), ("工业和信息化部", "cooperating"),
         ("商务部", "cooperating"), ("各省级人民政府", "implementing")],
        # 交通运输部 under the header again is the row's lead, no running head
        [("交通运输部", "lead"), ("国家发展改革委", "cooperating"), ("国家邮政局", "cooperating"),
         ("各省级人民政府", "implementing")],
    ]


def test_a_note_whose_phrase_a_line_end_breaks_carries_only_where_it_says_so():
    from fengong.readers.detect import READERS

    # the note wrapped inside 不再一一 / 列出 carries (above); one that lists no units as not listed carries nothing
    plan = READERS["pdf-table"](SourceText("paged.txt", PAGED.replace("表中不再一一\n列出", "进展情况每季度\n报送")))
    assert [[u.name for u in t.units if u.carried] for t in plan.tasks] == [[], [], []]


# (set 29: tianhe) a PDF viewer's copy: each row one line, its cells parted by single spaces, the page number
# between two rows of a section
SPACED_PAGED = """序号 工作任务 牵头单位 配合单位 完成时限
一、集聚首店首发资源
1 编制首发经济发展地图 区商务局 区发展改革局、区投资促进局 2026年6月底
2 对新引进的首店给予一次性奖励 区商务局 区财政局 长期坚持
— 3 —
3 推动老字号创新发展 区商务局 区文化广电旅游体育局 2027年12月底
二、优化首发经济服务保障
1 建立首店首发企业服务专员制度 区投资促进局 区商务局、各街道办事处 2026年5月底
"""


@pytest.mark.parametrize("page", ["— 3 —", "- 3 -", "第3页", "续表"])
def test_a_page_number_between_space_separated_rows_opens_no_section(page):
    plan = tabular.read(SourceText("t.txt", SPACED_PAGED.replace("— 3 —", page)))
    assert [(t.key, units(t)[0][0]) for s in plan.sections for t in s.tasks] == [
        ("1.1", "区商务局"), ("1.2", "区商务局"), ("1.3", "区商务局"), ("2.1", "区投资促进局")]


# ---------------------------------------------------------------- OCR text of a scan (set 30)

def test_a_table_ruled_as_ocr_reads_the_rules(tmp_path: Path):
    # one cell per line, the table's rules read as |||, a page number between a row's cells
    text = ("附件\n重点任务分工\n序号\n重点任务\n责任单位\n|||\n1\n推广尾矿综合利用技术\n工业和信息化部、自然资源部\n|||\n"
            "2\n推动煤矸石发电\n\n— 4 —\n\n工业和信息化部、国家能源局\n||||\n3\n开展赤泥综合利用示范\n工业和信息化部、科技部\n")
    path = tmp_path / "flat.txt"
    path.write_text(text, encoding="utf-8")
    plan, reader = read_path(path)
    assert reader == "flat-table"
    assert [(t.key, [u.name for u in t.units]) for t in plan.tasks] == [
        ("1", ["工业和信息化部", "自然资源部"]), ("2", ["工业和信息化部", "国家能源局"]), ("3", ["工业和信息化部", "科技部"])]


def test_a_space_separated_table_with_section_rows_and_rules_between_its_rows(tmp_path: Path):
    # cells parted by runs of spaces; section rows (一、 read 一` or 二,) and rules (————) between the rows, 序号
    # restarting in each section
    for one, two in (("一`", "二,"), ("一、", "二、")):
        text = (f"序号   主要任务  牵头单位  配合单位  完成时限\n{one}基础设施建设\n"
                "1   编制低空基础设施布局规划   市发改委  市自然资源规划局、市住建局    2026年6月\n————————————\n"
                "2  建设低空飞行服务站  市工信局  市发改委、市数据局  2027年12月\n"
                f"{two}产业培育\n1   招引整机制造企业   市工信局   市商务局、各市(县)区政府   持续推进\n")
        path = tmp_path / "spaced.txt"
        path.write_text(text, encoding="utf-8")
        plan, reader = read_path(path)
        assert reader == "tabular", one
        assert [(t.key, [u.name for u in t.units]) for t in plan.tasks] == [
            ("1.1", ["市发改委", "市自然资源规划局", "市住建局"]), ("1.2", ["市工信局", "市发改委", "市数据局"]),
            ("2.1", ["市工信局", "市商务局", "各市(县)区政府"])], one
        assert not plan.problems or all(p.severity != "error" for p in plan.problems)


def test_a_note_under_the_table_wrapped_inside_its_words_carries_its_units(tmp_path: Path):
    for note in ("注:各省级人民政府负责本地区相关任务落实，表中不再一一列\n出。\n",
                 "注：各省级人民政府负责本地区相关任务落实，表中不再一一列出。\n"):
        text = ("序号 | 重点任务 | 牵头单位 | 参与单位\n1 | 将便民商业网点纳入规划 | 自然资源部 | 商务部\n"
                "2 | 推动品牌连锁便利店发展 | 商务部 | 市场监管总局\n" + note)
        path = tmp_path / "piped.txt"
        path.write_text(text, encoding="utf-8")
        plan, _ = read_path(path)
        assert [[(u.name, u.role) for u in t.units][-1] for t in plan.tasks] == [("各省级人民政府", "implementing")] * 2
    text = ("序号 | 重点任务 | 牵头单位 | 参与单位\n1 | 将便民商业网点纳入规划 | 自然资源部 | 商务部\n"
            "注:各省级人民政府要加强组织领导，确保任务\n落实。\n")  # no 不再列出: a duty, nothing carried
    path.write_text(text, encoding="utf-8")
    plan, _ = read_path(path)
    assert [u.name for u in plan.tasks[0].units] == ["自然资源部", "商务部"]


# ---------------------------------------------------------------- forms found measuring blind set 31 (office exports)

def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def pandoc_grid(header: list[str], rows: list[list[list[str]]], widths: list[int]) -> str:
    """A table as pandoc draws a grid table (``-t plain``): each cell's lines padded to its column, in display
    columns; ``+---+`` between rows, ``+===+`` under the header."""
    def border(char: str) -> str:
        return "+" + "+".join(char * (w + 2) for w in widths) + "+\n"

    def lines(cells: list[list[str]]) -> str:
        height = max(len(c) for c in cells)
        return "".join("|" + "|".join(f" {_pad(c[k] if k < len(c) else '', w)} "
                                      for c, w in zip(cells, widths, strict=True)) + "|\n" for k in range(height))

    out = border("-") + lines([[h] for h in header]) + border("=")
    for row in rows:
        out += lines(row) + border("-")
    return out


def pandoc_multiline(header: list[str], rows: list[list[list[str]]], widths: list[int]) -> str:
    """A table as pandoc draws a multiline table (``-t plain``): a full rule above and below, the header's
    underline a run of dashes a column, rows parted by blank lines, each cell wrapped inside its column."""
    full = "  " + "-" * (sum(widths) + len(widths) - 1) + "\n"

    def lines(cells: list[list[str]]) -> str:
        height = max(len(c) for c in cells)
        return "".join(("  " + " ".join(_pad(c[k] if k < len(c) else "", w) for c, w in zip(cells, widths, strict=True))).rstrip()
                       + "\n" for k in range(height))

    under = "  " + " ".join("-" * w for w in widths) + "\n"
    return full + lines([[h] for h in header]) + under + "\n".join(lines(row) for row in rows) + full


GRID_ROWS = [
    [["1"], ["建设冷链物流园区，完善仓", "储配送设施。"], ["市商务局"], ["市发展改革委、市财政局、", "市自然资源和规划局"],
     ["2026年底前"]],
    [["2"], ["培育农产品电商主体。"], ["市农业农村局、", "市商务局"], ["市市场监管局、市邮政管", "理局等"],
     ["持续推进"]],
]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_pandoc_grid_table_is_read_as_cells_laid_out_in_columns(tmp_path: Path, newline):
    # (set 31: shandong) pandoc -t plain of a .docx with wrapped cells: a grid table, each cell wrapped inside
    # its column; a name cut across the cell's lines (市邮政管 / 理局) is one name, two leads in the lead column;
    # a page's form feed before it counts no line (the columns are found on the header's line)
    table = pandoc_grid(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"], GRID_ROWS, [4, 24, 14, 24, 10])
    path = tmp_path / "grid.txt"
    text = "某市农村电商发展行动方案\n\f一、重点任务\n\n" + table + "\n二、保障措施\n"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    plan, name = read_path(path)
    assert name == "pdf-table"
    assert [(t.key, t.text, units(t), t.open_ended) for t in plan.tasks] == [
        ("1", "建设冷链物流园区，完善仓储配送设施。", [
            ("市商务局", "lead"), ("市发展改革委", "cooperating"), ("市财政局", "cooperating"),
            ("市自然资源和规划局", "cooperating")], False),
        ("2", "培育农产品电商主体。", [
            ("市农业农村局", "lead"), ("市商务局", "lead"), ("市市场监管局", "cooperating"),
            ("市邮政管理局", "cooperating")], True)]


# pandoc 3.9 -t plain of a table whose cells span rows (牵头单位 over rows 1-3, 配合单位 over rows 4-5): a cell
# spanning rows has no border under it, blank between its edges, the last column's edge a | (set 40: fagai)
SPANNED_GRID = (
    "+------+--------------------+--------------------+----------------------------+\n"
    "| 序号 | 重点任务           | 牵头单位           | 配合单位                   |\n"
    "+======+====================+====================+============================+\n"
    "| 1    | 建设冷链物流园区   | 市商务局           | 市财政局                   |\n"
    "+------+--------------------+                    +----------------------------+\n"
    "| 2    | 培育农产品电商主体 |                    | 市农业农村局               |\n"
    "+------+--------------------+                    +----------------------------+\n"
    "| 3    | 完善县乡村物流体系 |                    | 市交通运输局、市邮政管理局 |\n"
    "+------+--------------------+--------------------+----------------------------+\n"
    "| 4    | 推进快递进村       | 市邮政管理局       | 市交通运输局               |\n"
    "+------+--------------------+--------------------+                            |\n"
    "| 5    | 发展直播电商       | 市商务局、市网信办 |                            |\n"
    "+------+--------------------+--------------------+----------------------------+\n"
    "| 6    | 加强人才培训       | 市人社局           |                            |\n"
    "+------+--------------------+--------------------+----------------------------+\n"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_pandoc_grid_cell_with_no_border_under_it_spans_the_rows_below(tmp_path: Path, newline):
    path = tmp_path / "spanned.txt"
    path.write_bytes(("重点任务分工表\n\n" + SPANNED_GRID + "\n").replace("\n", newline).encode("utf-8"))
    plan, name = read_path(path)
    assert name == "pdf-table"
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1", [("市商务局", "lead"), ("市财政局", "cooperating")]),
        ("2", [("市商务局", "lead"), ("市农业农村局", "cooperating")]),
        ("3", [("市商务局", "lead"), ("市交通运输局", "cooperating"), ("市邮政管理局", "cooperating")]),
        ("4", [("市邮政管理局", "lead"), ("市交通运输局", "cooperating")]),
        ("5", [("市商务局", "lead"), ("市网信办", "lead"), ("市交通运输局", "cooperating")]),
        # under a full border a blank cell is blank: row 6 borrows nothing
        ("6", [("市人社局", "lead")])]


def test_only_a_grid_border_s_blank_runs_are_open_cells():
    from fengong.readers.markdown import blank_drawn_tables, open_cells

    text = ("+------+--------+------------+\n"
            "| 领域 | 序号   | 牵头单位   |\n"
            "+======+========+============+\n"
            "| 营商 | 1      | 市商务局   |\n"
            "|      +--------+------------+\n"  # the first column spans: its edge a |
            "|      | 2      | 市财政局   |\n"
            "+------+--------+------------+\n")
    assert open_cells(text) == {5: [1]}
    assert blank_drawn_tables(text).splitlines()[5].split() == ["2", "市财政局"]  # its row's | blanked too
    # a full border, a row of blanks, a line of plus signs or of dashes alone: no cell open
    for line in ["+------+--------+", "|      |        |", "+      +        +", "|------|        |", "+ 1 + 2 +"]:
        assert open_cells(line + "\n") == {}


def test_a_pandoc_multiline_table_with_sections_numbered_anew_and_a_note_after_it(tmp_path: Path):
    # (set 31: guoban) pandoc -t plain's multiline table: dashed rules, rows parted by blank lines, the section
    # rows printed in the task column, 序号 restarting in each section; the rule before the table, the note after
    # it carried to every row
    rows = [
        [[""], ["一、优化审批服务"], [""]],
        [["1"], ["推行企业开办一网通办，压缩", "开办时间。"], ["市场监管总局、公安部、", "税务总局"]],
        [["2"], ["深化工程建设项目审批改革。"], ["住房城乡建设部、自然资源部"]],
        [[""], ["二、加强事中事后监管"], [""]],
        [["1"], ["推进信用监管。"], ["国家发展改革委、人民银行"]],
    ]
    table = pandoc_multiline(["序号", "重点任务", "责任单位"], rows, [6, 28, 24])
    text = ("重点任务分工\n\n表中所列任务，责任单位为多个部门的，排在第一位的为牵头单位，其他部门按职责分工负责。\n\n"
            + table + "\n注：各省（区、市）人民政府负责本地区相关任务的落实，表中不再一一列出。\n")
    path = tmp_path / "multiline.txt"
    path.write_text(text, encoding="utf-8")
    plan, name = read_path(path)
    assert name == "pdf-table"
    carried = ("各省（区、市）人民政府", "implementing")
    assert [(t.key, t.parent, t.text, units(t)) for t in plan.tasks] == [
        ("1.1", "1", "推行企业开办一网通办，压缩开办时间。", [
            ("市场监管总局", "lead"), ("公安部", "participant"), ("税务总局", "participant"), carried]),
        ("1.2", "1", "深化工程建设项目审批改革。", [("住房城乡建设部", "lead"), ("自然资源部", "participant"), carried]),
        ("2.1", "2", "推进信用监管。", [("国家发展改革委", "lead"), ("人民银行", "participant"), carried])]


def test_a_pandoc_simple_table_is_read_under_its_dashed_underline():
    text = ("  序号   工作任务                 牵头单位       配合单位\n"
            "  ------ ------------------------ -------------- ----------------\n"
            "  1      建设智慧养老服务平台     市民政局       市数据局\n"
            "  2      推进老旧小区加装电梯     市住建局       市市场监管局\n")
    from fengong.readers.detect import READERS

    source = SourceText("simple.txt", text)
    assert choose_reader(source) == "pdf-table"
    plan = READERS["pdf-table"](source)
    assert [units(t) for t in plan.tasks] == [[("市民政局", "lead"), ("市数据局", "cooperating")],
                                             [("市住建局", "lead"), ("市市场监管局", "cooperating")]]


def test_the_text_after_a_table_is_read_and_the_table_s_notes_stay_the_table_s(tmp_path: Path):
    # (set 31: shandong, hubei) the task table stands among the plan's sections: the measures after it are read
    # as prose (a closing sentence over them); the note right above the table is the table's: its rule (标*) and
    # its standing units hold for the rows, not for the body's brackets
    table = pandoc_grid(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"], GRID_ROWS, [4, 24, 14, 24, 10])
    text = ("某市农村电商发展行动方案\n\n一、总体要求\n\n（一）强化统筹。建立联席会议制度。（责任单位：市商务局、市财政局）\n\n"
            "二、重点任务\n\n注：各县（市、区）人民政府负责本地区相关工作，表中不再列出；排在第一位的为牵头单位，其余为配合单位。\n\n"
            + table + "\n三、保障措施\n\n（一）加强组织领导。建立工作专班。\n\n（二）加大资金支持。统筹用好各类资金。\n\n"
            "以上各项保障措施由市商务局牵头，市财政局配合。\n\n（三）强化考核评估。纳入年度考核。\n")
    path = tmp_path / "around.txt"
    path.write_text(text, encoding="utf-8")
    plan, _ = read_path(path)
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1.1", [("市商务局", "lead"), ("市财政局", "participant")]),
        ("3.1", [("市商务局", "lead"), ("市财政局", "cooperating")]),
        ("3.2", [("市商务局", "lead"), ("市财政局", "cooperating")]),
        ("1", [("市商务局", "lead"), ("市发展改革委", "cooperating"), ("市财政局", "cooperating"),
               ("市自然资源和规划局", "cooperating"), ("各县（市、区）人民政府", "implementing")]),
        ("2", [("市农业农村局", "lead"), ("市商务局", "lead"), ("市市场监管局", "cooperating"),
               ("市邮政管理局", "cooperating"), ("各县（市、区）人民政府", "implementing")])]


CATDOC = ("序号\t重点任务\t负责单位\n"
          "1\t发展夜间经济。鼓励错峰休假；\n推动夜间文旅消费集聚区建设。\t文化和旅游部、商务部\n"
          "2\t加强消费统计监测。\t国家统计局、文化和旅游部\n"
          "3\t加大金融支持。鼓励信贷支持；\n推动开发性金融支持；\n完善保险服务。\t人民银行、银保监会\n")


def test_a_tab_row_a_cell_s_line_break_cut_goes_on_on_the_next_lines():
    # (set 31: wenlv) catdoc of a .doc prints a cell of two paragraphs with a line break between them, unquoted
    plan = tabular.read(SourceText("t.txt", CATDOC))
    assert [(t.number, t.text.replace("\n", ""), units(t)[0]) for t in plan.tasks] == [
        (1, "发展夜间经济。鼓励错峰休假；推动夜间文旅消费集聚区建设。", ("文化和旅游部", "lead")),
        (2, "加强消费统计监测。", ("国家统计局", "lead")),
        (3, "加大金融支持。鼓励信贷支持；推动开发性金融支持；完善保险服务。", ("人民银行", "lead"))]
    assert not [p for p in plan.problems if "cells" in p.message]


@pytest.mark.parametrize("text", [
    # a short row followed by a numbered row: the row is short, the next one its own
    "序号\t重点任务\t负责单位\n1\t发展夜间经济。\n2\t加强消费统计监测。\t国家统计局\n",
    # the lines after it would make more cells than the header's: no continuation of the row
    "序号\t重点任务\t负责单位\n1\t发展夜间经济。\n推动集聚区建设。\t文化和旅游部\t2026年\t备注\n"
    "2\t加强消费统计监测。\t国家统计局\n",
])
def test_a_short_tab_row_is_joined_only_to_lines_that_complete_it(text):
    plan = tabular.read(SourceText("t.txt", text))
    assert all(t.number != 1 or not t.units for t in plan.tasks)


def test_a_plan_with_rules_of_dashes_between_its_parts_stays_prose(tmp_path: Path):
    # a rule of dashes draws no table by itself: the plan's brackets are read as prose, the rules blanked
    text = ("某县工作方案\n\n----------------------------------------\n\n一、重点任务\n\n"
            "（一）建设冷链物流园区。（责任单位：县商务局、县财政局）\n\n------ ------\n\n"
            "（二）培育电商主体。（责任单位：县农业农村局）\n")
    path = tmp_path / "rules.txt"
    path.write_text(text, encoding="utf-8")
    plan, name = read_path(path)
    assert name == "clauses"
    assert [(t.key, units(t)[0]) for t in plan.tasks] == [("1.1", ("县商务局", "lead")), ("1.2", ("县农业农村局", "lead"))]


def boxes(*cells: str) -> str:
    """Cells as pdfminer prints a ruled table's text boxes: each box's lines, then a blank line."""
    return "".join(cell + "\n\n" for cell in cells)


# pdfminer reads a ruled table column by column within blocks of rows: the 序号 of a section as a run after its
# cells, the task cells of rows 2-4 and then their unit cells (the 完成时限 cells between them), a page number
BOXED = boxes(
    "某省人民政府办公厅关于印发重点任务分工的通知", "附件", "序号 工作任务", "责任单位", "完成时限",
    "一、消费品以旧换新",
    "组织实施汽车报废更\n新和置换更新补贴", "省商务厅、省财政厅、省公\n安厅", "2026年12月底",
    "组织实施家电产品以\n旧换新补贴", "省商务厅、省市场监管局", "持续推进",
    "1", "2",
    "二、设备更新", "1", "2", "3",
    "实施工业领域设备更\n新和技术改造", "省工业和信息化厅、省发展\n改革委", "2026年12月底",
    "推进老旧电梯、供水\n供热设备更新", "加快老旧营运货车淘\n汰更新",
    "省住房城乡建设厅、省市场\n监管局", "2026年12月底", "省交通运输厅、省财政厅", "2026年底前",
    "— 6 —", "\f4", "实施农业机械报废更\n新补贴", "省农业农村厅、省财政厅", "2026年12月底",
    "抄送：省委各部门。")


def test_a_table_pdfminer_printed_in_text_boxes_column_by_column():
    source = SourceText("boxed.txt", BOXED)
    assert choose_reader(source) == "flat-table"
    plan = flat_table.read(source)
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1.1", "组织实施汽车报废更新和置换更新补贴", [("省商务厅", "lead"), ("省财政厅", "participant"),
                                                    ("省公安厅", "participant")]),
        ("1.2", "组织实施家电产品以旧换新补贴", [("省商务厅", "lead"), ("省市场监管局", "participant")]),
        ("2.1", "实施工业领域设备更新和技术改造", [("省工业和信息化厅", "lead"), ("省发展改革委", "participant")]),
        ("2.2", "推进老旧电梯、供水供热设备更新", [("省住房城乡建设厅", "lead"), ("省市场监管局", "participant")]),
        ("2.3", "加快老旧营运货车淘汰更新", [("省交通运输厅", "lead"), ("省财政厅", "participant")]),
        ("2.4", "实施农业机械报废更新补贴", [("省农业农村厅", "lead"), ("省财政厅", "participant")])]


def test_a_boxed_table_with_a_lead_and_a_cooperating_column_deals_a_run_of_rows_column_after_column():
    # the 序号 of the page first, the header again after a page break, a run of two task cells followed by their
    # two 牵头单位 cells and then their two 配合单位 cells
    text = boxes("附件", "序号 工作任务", "牵头单位", "配合单位", "完成时限", "2026年6\n月底前", "1", "2", "3",
                 "编制保障性租赁住房发展规划和年度筹集计\n划", "市住房城乡建\n设局", "市发展改革局、市自然资源\n局",
                 "支持利用集体经营性建设用地建设保障性租\n赁住房", "推进非居住存量房屋改建为保障性租赁住\n房",
                 "市自然资源局", "市住房城乡建\n设局、市自然\n资源局", "市农业农村局，各区人民政府",
                 "市消防救援支队、市城管执\n法局", "持续推进", "— 9 —", "序号 工作任务", "牵头单位", "配合单位",
                 "完成时限", "2026年9\n月底前", "公开方式：主动公开")
    plan = flat_table.read(SourceText("boxed.txt", text))
    assert [(t.key, t.text[:6], units(t)) for t in plan.tasks] == [
        ("1", "编制保障性租", [("市住房城乡建设局", "lead"), ("市发展改革局", "cooperating"),
                           ("市自然资源局", "cooperating")]),
        ("2", "支持利用集体", [("市自然资源局", "lead"), ("市农业农村局", "cooperating"),
                           ("各区人民政府", "cooperating")]),
        ("3", "推进非居住存", [("市住房城乡建设局", "lead"), ("市自然资源局", "lead"),
                           ("市消防救援支队", "cooperating"), ("市城管执法局", "cooperating")])]


@pytest.mark.parametrize("broken", [
    BOXED.replace("省交通运输厅、省财政厅\n\n", ""),  # a unit cell too few: the run of rows no longer aligns
    BOXED.replace("\n\n2\n\n二、", "\n\n二、"),  # a 序号 too few in a section
    BOXED.replace("2026年底前", "年内完成改造任务"),  # a cell of another kind read as a task: the counts differ
    BOXED.replace("持续推进\n\n1\n\n2\n\n", "持续推进\n\n1\n\n3\n\n"),  # 序号 that do not count up by one
])
def test_a_boxed_table_whose_cells_do_not_align_is_not_guessed_at(broken):
    with pytest.raises(ReadError, match="do not align"):
        flat_table.read(SourceText("boxed.txt", broken))


def test_a_boxed_table_whose_first_section_row_stands_among_the_header_boxes():
    # pdfminer orders boxes by position: the first section row, at the left under 序号, comes before the header
    # cells to its right (牵头单位 / 配合单位 under a 责任单位 spanning them); it opens the table's first section
    text = boxes("附件", "序号", "工作任务", "一、种业创新提升", "责任单位", "牵头单位", "配合单位", "完成时限",
                 "1", "2", "建设花木种质资\n源圃", "开展花木新品种\n选育", "县农业农村局", "县商务局",
                 "县科技局、县自然资源规\n划局", "县科技局、县市场监管局", "2028年12月", "2027年6月",
                 "二、标准化生产推进", "3", "制定花木生产技\n术规程", "县市场监\n管局", "县农业农村局", "2027年6月",
                 "抄送：县委办公室。")
    assert choose_reader(SourceText("boxed.txt", text)) == "flat-table"
    plan = flat_table.read(SourceText("boxed.txt", text))
    assert [s.title for s in plan.sections] == ["一、种业创新提升", "二、标准化生产推进"]
    assert [(t.key, t.text, [u.name for u in t.units]) for t in plan.tasks] == [
        ("1", "建设花木种质资源圃", ["县农业农村局", "县科技局", "县自然资源规划局"]),  # 序号 running on: top-level
        ("2", "开展花木新品种选育", ["县商务局", "县科技局", "县市场监管局"]),
        ("3", "制定花木生产技术规程", ["县市场监管局", "县农业农村局"])]
    assert [u.role for u in plan.tasks[0].units] == ["lead", "cooperating", "cooperating"]
    # a merged lead cell printed once for two rows: the counts no longer prove which row is whose, not guessed
    merged = text.replace("县商务局\n\n", "")
    with pytest.raises(ReadError, match="do not align"):
        flat_table.read(SourceText("boxed.txt", merged))


def test_a_section_row_before_no_header_cell_is_no_part_of_a_boxed_header():
    from fengong.readers.lines import LineIndex

    # the header ends where a line of no header cells follows the section row: 一、 opens the rows, as before
    text = boxes("序号", "工作任务", "牵头单位", "一、种业创新提升", "1", "建设花木种质资源圃", "县农业农村局")
    found = flat_table.find_box_header([ln for ln in LineIndex(text).lines if not ln.blank])
    assert found is not None and found[1] == 3


def centred_grid(rows: list[tuple], spaced: bool) -> str:
    """A table laid out in columns by spaces whose cells are centred in their rows, as pdfplumber's layout grid
    prints it: a row as tall as its tallest cell, each other cell (the 序号 too) on the lines around its middle;
    ``spaced``: a padded blank line between grid lines. A row of one cell is a section row."""
    starts = (13, 17, 38, 52)
    out = [" " * 11 + "序号    重点任务" + " " * 17 + "牵头单位" + " " * 7 + "配合单位"]
    for number, *cells in rows:
        if not cells:
            out.append(" " * 11 + number)
            continue
        cells = [[number], *cells]
        height = max(len(c) for c in cells)
        grid = [[""] * 4 for _ in range(2 * height - 1)]  # half-line steps: a cell of fewer lines sits between
        for k, cell in enumerate(cells):
            top = height - len(cell)
            for n, text in enumerate(cell):
                grid[top + 2 * n][k] = text
        for slots in grid:
            if any(slots):
                line = ""
                for at, text in zip(starts, slots, strict=True):
                    line = (line.ljust(at) + text) if text else line
                out.append(line)
    sep = "\n" + " " * 80 + "\n" if spaced else "\n"
    return "附件\n" + sep.join(line.ljust(80) if spaced else line for line in out) + "\n"


CENTRED = [
    ("一、完善基础设施",),
    ("1", ["加密起降设施网络，编制", "全市起降设施布局规划"], ["市交通运输", "局、市规划", "和自然资源", "局"],
     ["市住房建设局、市城管和综", "合执法局，各区政府"]),
    ("2", ["建设智能融合基础设施", "，建成飞行服务平台"], ["市工业和信", "息化局"], ["市气象局"]),
    ("二、拓展应用场景",),
    ("1", ["推广无人机即时配送"], ["市邮政管理", "局"], ["市商务局，各区政府"]),
]


@pytest.mark.parametrize("spaced", [True, False], ids=["grid", "lines"])
def test_a_layout_table_whose_cells_are_centred_in_their_rows(spaced):
    # the lines of a row printed above its 序号 are its own, and it takes as many below: 市交通运输 / 局、市规划 /
    # 和自然资源 / 局 is one cell, the task text starts above the number's line
    text = centred_grid(CENTRED, spaced)
    assert "市交通运输" in text.split("1   全市")[0]
    plan, name = read_path_of(text)
    assert name == "pdf-table"
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1.1", "加密起降设施网络，编制全市起降设施布局规划", [("市交通运输局", "lead"), ("市规划和自然资源局", "lead"),
                                                          ("市住房建设局", "cooperating"),
                                                          ("市城管和综合执法局", "cooperating"),
                                                          ("各区政府", "cooperating")]),
        ("1.2", "建设智能融合基础设施，建成飞行服务平台", [("市工业和信息化局", "lead"), ("市气象局", "cooperating")]),
        ("2.1", "推广无人机即时配送", [("市邮政管理局", "lead"), ("市商务局", "cooperating"),
                                      ("各区政府", "cooperating")])]


def _at(*parts: tuple[int, str]) -> str:
    """A line of a layout rendering: each text at its display column (a CJK character two wide)."""
    out = ""
    for at, text in parts:
        out += " " * (at - sum(2 if ord(c) > 0x2E80 else 1 for c in out)) + text
    return out


def test_a_layout_cell_cut_unevenly_joins_a_name_whose_first_piece_is_no_name():
    # pdfplumber's layout text with a narrow x_density prints a unit cell's lines at different columns (further
    # left where the line holds no task text): a line stopping short of the column's reach still goes on into the
    # next where it ends with no name (省老 / 龄办, 省市 / 场监管局, 人民银行湖北 / 省分行); where it ends with a
    # name (省数据局 / 省民政厅, a list one name a line) the break parts two names
    text = "\n".join([
        "附件", "某省重点任务分工", _at((2, "序号"), (20, "工作任务"), (60, "责任单位")), _at((1, "一、扩大服务供给")),
        _at((46, "省民政厅、省商务厅、省市")), _at((10, "健全老年助餐服务网络，推广")),
        _at((3, "1"), (46, "场监管局，各市、州人民政")), _at((10, "中央厨房模式")), _at((46, "府")),
        _at((46, "省文旅厅、省体育局、省老")), _at((3, "2"), (10, "发展老年文化旅游和体育健身")), _at((46, "龄办")),
        _at((10, "推动老年用品制造业发展，培育"), (56, "省经信厅、省科技厅、省民")), _at((3, "3")),
        _at((10, "品特色产业园区"), (50, "政厅")),
        _at((46, "省委金融办、人民银行湖北")), _at((3, "4"), (10, "加大金融支持，丰富养老金融"), (56, "省分行、湖北金融监管局、")),
        _at((46, "省发改委")),
        _at((46, "省数据局")), _at((3, "5"), (10, "建设全省统一的智慧养老服务平台")), _at((46, "省民政厅")),
        "注：排在第一位的为牵头单位，其他单位按职责分工负责。", ""])
    plan, name = read_path_of(text)
    assert name == "pdf-table"
    assert [[u.name for u in t.units] for t in plan.tasks] == [
        ["省民政厅", "省商务厅", "省市场监管局", "各市、州人民政府"], ["省文旅厅", "省体育局", "省老龄办"],
        ["省经信厅", "省科技厅", "省民政厅"], ["省委金融办", "人民银行湖北省分行", "湖北金融监管局", "省发改委"], ["省数据局", "省民政厅"]]


def read_path_of(text: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.txt"
        path.write_text(text, encoding="utf-8")
        return read_path(path)


# Excel's "Text (Tab delimited)": CRLF row ends, a cell holding a line break or a quote quoted, its quotes doubled
EXCEL_TSV = ("序号\t重点工作\t责任单位\t完成时限\r\n"
             "1\t\"打造\"\"古都夜八点\"\"夜游品牌，\n接待游客1.6亿人次以上。\"\t市文化广电和旅游局、市住建局\t2026年10月底\r\n"
             "2\t提升对外开放水平\t\"市商务局、洛阳海关、\n市交通运输局\"\t2026年12月底\r\n")


def test_an_excel_tab_delimited_export_with_quoted_cells_over_lines():
    source = SourceText("t.txt", EXCEL_TSV)
    plan = tabular.read(source)
    assert [(t.number, t.text, units(t)) for t in plan.tasks] == [
        (1, "打造\"古都夜八点\"夜游品牌，接待游客1.6亿人次以上。", [("市文化广电和旅游局", "lead"), ("市住建局", "participant")]),
        (2, "提升对外开放水平", [("市商务局", "lead"), ("洛阳海关", "participant"), ("市交通运输局", "participant")])]
    # every unit points at where the file prints it, inside the quotes, on its own line
    unit = plan.tasks[1].units[2]
    assert source.raw[unit.span.start : unit.span.end] == "市交通运输局" and unit.span.line == 5


# a spreadsheet's unit cell typed one name a line (Alt+Enter; openpyxl → csv, tab- or comma-delimited): the
# cell's line breaks were typed, a break between names (set 40: yichang); the lead marked (牵头) after its name
@pytest.mark.parametrize("sep", ["\t", ","])
def test_a_spreadsheet_unit_cell_typed_one_name_a_line(sep):
    text = ("序号{s}项目名称{s}责任单位{s}完成时限\n"
            "1{s}城乡居家养老服务提升工程{s}\"市民政局（牵头）\n市财政局\n各县市区人民政府，宜昌高新区管委会\"{s}2026年12月底\n"
            "2{s}基础教育扩容提质工程{s}\"市教育局（牵头）\n市发改委、\n市住建局\"{s}2026年9月底\n"
            "3{s}城乡供水一体化工程{s}\"市水利和湖泊局（牵头）\n\n市住建局\n宜昌水务集团\"{s}2026年12月底\n"
            "说明：责任单位中标注“（牵头）”的为牵头单位，其余为责任单位。\n").replace("{s}", sep)
    source = SourceText("t.txt", text)
    plan = tabular.read(source)
    assert [units(t) for t in plan.tasks] == [
        [("市民政局", "lead"), ("市财政局", "participant"), ("各县市区人民政府", "participant"),
         ("宜昌高新区管委会", "participant")],
        [("市教育局", "lead"), ("市发改委", "participant"), ("市住建局", "participant")],
        # a blank line inside the cell parts nothing
        [("市水利和湖泊局", "lead"), ("市住建局", "participant"), ("宜昌水务集团", "participant")]]
    assert all(source.quote(u.span) == u.name for t in plan.tasks for u in t.units)
    assert plan.tasks[0].units[2].span.line == 4


def test_a_spreadsheet_cell_s_long_name_typed_over_two_lines_stays_one_name():
    # a break inside a name the gazetteer knows whole (国家发展和改革委 / 员会): read joined, the known name wins
    text = "序号,重点任务,牵头单位\n1,推进物流降本,\"国家发展和改革委\n员会\"\n"
    assert [units(t) for t in tabular.read(SourceText("t.csv", text)).tasks] == [[("国家发展和改革委员会", "lead")]]


def test_a_typed_tab_table_whose_cell_opens_with_a_quote_is_split_at_its_tabs():
    # no export's quoting (the quote closes before text, not before a tab): the quotes are the cell's own
    text = ("序号\t重点工作\t责任单位\n"
            "1\t\"放管服\"改革\t市政务服务中心、市司法局\n"
            "2\t优化营商环境\t市发展改革委\n")
    plan = tabular.read(SourceText("t.txt", text))
    assert [(t.number, units(t)) for t in plan.tasks] == [
        (1, [("市政务服务中心", "lead"), ("市司法局", "participant")]), (2, [("市发展改革委", "lead")])]
    assert plan.tasks[0].text.startswith("\"放管服\"")


# An .xlsx ledger saved as CSV: 序号 and 重点任务 merged over the 具体措施 rows of one item, written in its first row
# only; each row has its own units
LEDGER_CSV = ("序号,重点任务,具体措施,牵头单位,配合单位,责任领导,完成时限\r\n"
              "1,深化企业开办改革,推行企业开办“一件事”集成办理。,市市场监管局,市数据资源局、市公安局,张××,2026年6月底前\r\n"
              ",,拓展企业简易注销适用范围。,市市场监管局,\"市税务局,合肥海关\",,2026年12月底前\r\n"
              "2,提升审批效率,\"深化“拿地即开工”改革，\n压缩审批时间。\",市城乡建设局,市自然资源和规划局,李××,2026年9月底前\r\n"
              "3,优化政务服务,推进“高效办成一件事”。,市数据资源局,市政务服务中心,李××,2026年12月底前\r\n"
              ",,完善“办不成事”反映窗口。,市政务服务中心,市数据资源局,,持续推进\r\n"
              ",,建立政务服务“好差评”制度。,市政务服务中心,,,持续推进\r\n")


def test_a_ledger_whose_merged_number_spans_several_measures():
    plan = tabular.read(SourceText("t.csv", LEDGER_CSV))
    assert [(t.key, t.label, t.parent, t.text[:8], units(t)) for t in plan.tasks] == [
        ("1-1", "", "1", "推行企业开办“一", [("市市场监管局", "lead"), ("市数据资源局", "cooperating"),
                                               ("市公安局", "cooperating")]),
        ("1-2", "", "1", "拓展企业简易注销", [("市市场监管局", "lead"), ("市税务局", "cooperating"),
                                                ("合肥海关", "cooperating")]),
        # an item of one row is keyed by its number; its text is its measure, as every row's is
        ("2", "2", None, "深化“拿地即开工", [("市城乡建设局", "lead"), ("市自然资源和规划局", "cooperating")]),
        ("3-1", "", "3", "推进“高效办成一", [("市数据资源局", "lead"), ("市政务服务中心", "cooperating")]),
        ("3-2", "", "3", "完善“办不成事”", [("市政务服务中心", "lead"), ("市数据资源局", "cooperating")]),
        ("3-3", "", "3", "建立政务服务“好", [("市政务服务中心", "lead")])]
    # the merged 重点任务 titles the item its rows share
    assert [(i.key, i.label, i.title) for i in plan.items] == [("1", "1", "深化企业开办改革"), ("3", "3", "优化政务服务")]


def test_a_numbered_row_per_measure_keeps_its_numbers():
    # every row prints its number: no row is another's, whatever is merged beside it; a row with no number
    # where the others print theirs is reported, not read
    text = ("序号,重点任务,具体措施,牵头单位,配合单位\n"
            "1,深化企业开办改革,推行企业开办“一件事”集成办理。,市市场监管局,市数据资源局\n"
            "2,,拓展企业简易注销适用范围。,市市场监管局,市税务局\n"
            ",优化政务服务,推进“高效办成一件事”。,市数据资源局,市政务服务中心\n")
    plan = tabular.read(SourceText("t.csv", text))
    assert [(t.key, t.label, t.parent) for t in plan.tasks] == [("1", "1", None), ("2", "2", None)]
    # the merged 重点任务 groups rows 1-2 (no item of its own): each row's task is its 具体措施 (set 44)
    assert plan.tasks[0].text == "推行企业开办“一件事”集成办理。" and not plan.items
    assert any("no number" in p.message for p in plan.problems)


# python-docx's dump of a .docx table: Word's automatic numbering of 序号 lost (the cell empty), a section row merged
# across the table repeated in every cell, a cell of two paragraphs joined by a line break
DOCX_DUMP = ("序号\t重点任务\t牵头单位\t责任单位\t完成时限\n"
             "一、做强产业\t一、做强产业\t一、做强产业\t一、做强产业\t一、做强产业\n"
             "\t支持整车企业加快新能源车型研发\t市工业和信息化局\t市财政局\t2028年底前\n"
             "\t完善充换电基础设施\n推进居住社区充电设施建设\t市发展改革委\t市住房城乡建设局、柳州供电局\t2028年底前\n"
             "二、强化保障\t二、强化保障\t二、强化保障\t二、强化保障\t二、强化保障\n"
             "\t保障重大项目用地\t市自然资源和规划局\t各县区人民政府\t持续推进\n"
             "抄送：市委各部门，市人大常委会办公室。\t抄送：市委各部门，市人大常委会办公室。\n")


def test_a_python_docx_dump_of_a_table_whose_numbering_was_automatic():
    plan = tabular.read(SourceText("t.txt", DOCX_DUMP))
    assert [(t.key, t.label, t.parent, t.text, units(t)) for t in plan.tasks] == [
        ("1-1", "", "1", "支持整车企业加快新能源车型研发", [("市工业和信息化局", "lead"), ("市财政局", "participant")]),
        ("1-2", "", "1", "完善充换电基础设施推进居住社区充电设施建设",
         [("市发展改革委", "lead"), ("市住房城乡建设局", "participant"), ("柳州供电局", "participant")]),
        # a section of one row: the row is the section's statement
        ("2", "", None, "保障重大项目用地", [("市自然资源和规划局", "lead"), ("各县区人民政府", "participant")])]
    assert [(i.key, i.label, i.title) for i in plan.items] == [("1", "一、", "做强产业")]


def test_a_short_line_is_joined_to_the_next_only_where_it_completes_the_row():
    # the next line opens a numbered row of its own (a row missing its last cells): not a cell's second line
    text = ("序号\t重点任务\t牵头单位\t责任单位\n"
            "1\t加快新能源车型研发\t市工业和信息化局\n"
            "2\t保障重大项目用地\t市自然资源和规划局\n")
    plan = tabular.read(SourceText("t.txt", text))
    assert [(t.number, units(t)) for t in plan.tasks] == [
        (1, [("市工业和信息化局", "lead")]), (2, [("市自然资源和规划局", "lead")])]


def test_a_line_that_is_no_quoted_record_leaves_the_export_s_quoting_to_the_others():
    # prose before the table opens with a quote that closes before text: that line alone is split plainly
    text = ("\"放管服\"改革重点任务分工如下。\n"
            "序号,重点任务,牵头单位,配合单位\n"
            "1,\"推进“一网通办”，\n压缩办理时限\",市数据资源局,\"市政务服务中心,市司法局\"\n"
            "2,\"放管服\"改革,市发展改革委,市司法局\n")
    plan = tabular.read(SourceText("t.txt", text))
    assert [(t.number, t.text, units(t)) for t in plan.tasks] == [
        (1, "推进“一网通办”，压缩办理时限", [("市数据资源局", "lead"), ("市政务服务中心", "cooperating"),
                                           ("市司法局", "cooperating")]),
        (2, "\"放管服\"改革", [("市发展改革委", "lead"), ("市司法局", "cooperating")])]


def test_rows_whose_numbering_was_automatic_with_no_section_are_numbered_by_their_order():
    text = ("序号\t重点任务\t牵头单位\t责任单位\n"
            "\t支持整车企业加快新能源车型研发\t市工业和信息化局\t市财政局\n"
            "\t保障重大项目用地\t市自然资源和规划局\t各县区人民政府\n")
    plan = tabular.read(SourceText("t.txt", text))
    assert [(t.key, t.label, t.parent) for t in plan.tasks] == [("1", "", None), ("2", "", None)]


# (set 41: guoweiban, pdfplumber layout) a cell that parts its units with 、 wraps at its full lines' ends: the
# gazetteer knowing 国家中医药局 (or 省农业农村厅) does not cut a department's name printed after it on the next line
LAYOUT_PARTED_CELL = """附件：重点任务分工
序号   重点任务                牵头单位    配合单位
1    推进县域医疗共同体建设       医政医管    体制改革
     试点                局、基层    司、国家
                       卫生健康    中医药局
                       司       医政司
2    加强乡村医生队伍建设        基层卫生    人事司、省农
                       健康司     业农村厅
                               科教处
3    提升基层中医药服务能力       基层卫生    国家中医药局
                       健康司     财务司
                               规划司
"""


def test_a_layout_cell_parted_by_separators_wraps_at_its_full_lines():
    plan, name = read_path_of(LAYOUT_PARTED_CELL)
    assert name == "pdf-table"
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1", [("医政医管局", "lead"), ("基层卫生健康司", "lead"), ("体制改革司", "cooperating"),
               ("国家中医药局医政司", "cooperating")]),
        ("2", [("基层卫生健康司", "lead"), ("人事司", "cooperating"), ("省农业农村厅科教处", "cooperating")]),
        # no separator in the cell: a list printed one name a line, each line a name
        ("3", [("基层卫生健康司", "lead"), ("国家中医药局", "cooperating"), ("财务司", "cooperating"),
               ("规划司", "cooperating")]),
    ]


# (set 63 shaoxing, inscriptis) a list printed one name a line whose last name is a collective holding 、: the 、
# parts no units, so the line above it that fills the column still ends a name
@pytest.mark.parametrize("collective", ["各区、县（市）政府", "各市、州、县人民政府", "各县（市、区）人民政府"])
def test_a_layout_cell_one_name_a_line_ending_with_a_collective_holding_a_separator(collective):
    text = "\n".join([
        "附件", "重点任务分工表", _at((0, "序号"), (13, "工作任务"), (40, "责任单位"), (64, "完成时限")),
        _at((0, "1"), (13, "推进通用机场规划建设"), (40, "市发改委"), (64, "2027年底")),
        _at((40, "市自然资源规划局")), _at((40, collective)),
        _at((0, "2"), (13, "建设低空飞行服务平台"), (40, "市数据局"), (64, "2026年底")), _at((40, "市公安局")), ""])
    plan, name = read_path_of(text)
    assert name == "pdf-table"
    assert [[u.name for u in t.units] for t in plan.tasks] == [
        ["市发改委", "市自然资源规划局", collective], ["市数据局", "市公安局"]]


# ---------------------------------------------------------------- set 44: workbooks through xlsx2csv and pandas

XLSX2CSV = """-------- 1 - 民生实事
附件,,,,,
2026年民生实事项目责任分解表,,,,,
序号,项目名称,主要内容,责任单位,,完成时限
,,,牵头单位,配合单位,
1,老旧小区改造,实施城镇老旧小区改造项目36个,市住建局,市自然资源和规划局、市城管局,2026年11月底
2,城市停车设施建设,新增城市公共停车泊位5000个,,市公安局、市城管局,2026年12月底
-------- 2 - 重点改革
序号,改革任务,主要内容,责任单位,,完成时限
,,,牵头单位,配合单位,
3,营商环境改革,开展营商环境对标提升行动,市发改委,市司法局,2026年12月底
4,社会信用体系建设改革,推进信用修复“一网通办”,,市市场监管局、人行芜湖市分行,2026年10月底
-------- 3 - 联系人
序号,单位,联系人,职务,联系电话
1,市住建局,周立,城市更新科科长,0553-3831510
2,市发改委,马骏,综合科科长,0553-3956211
"""


def test_an_empty_lead_cell_beside_cooperating_units_is_merged_from_the_row_above():
    # xlsx2csv (and pandas) print a merged 牵头单位 in its first row only: units that assist with no lead to assist
    # show the cell merged; the task header printed again on the next sheet (改革任务) goes on; the 联系人 sheet's
    # header (序号 单位 联系人 …: no task column) ends the table, its rows no tasks
    plan = tabular.read(SourceText("t.csv", XLSX2CSV))
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "老旧小区改造", [("市住建局", "lead"), ("市自然资源和规划局", "cooperating"), ("市城管局", "cooperating")]),
        ("2", "城市停车设施建设", [("市住建局", "lead"), ("市公安局", "cooperating"), ("市城管局", "cooperating")]),
        ("3", "营商环境改革", [("市发改委", "lead"), ("市司法局", "cooperating")]),
        ("4", "社会信用体系建设改革", [("市发改委", "lead"), ("市市场监管局", "cooperating"),
                                  ("人行芜湖市分行", "cooperating")])]


# xlsx2csv -a of a workbook: the notice in rows merged across, the rule in the unit column's header, 任务类别 merged
XLSX2CSV_MARKED = """-------- 1 - 任务清单
某区人民政府办公室关于印发重点任务清单的通知,,,,,
经区人民政府同意，现将重点任务清单印发给你们。各牵头单位要会同配合单位细化工作措施。,,,,,
序号,任务类别,工作任务,责任单位（带*为牵头单位）,完成时限,备注
1,强镇带村,推动中心镇创建,*区发展改革局、区农业农村局、石楼镇,2026年12月,
2,,实施园区提质增效行动,区住房城乡建设局、*区工业和信息化局、各镇街,2026年12月,
3,乡村振兴,建设乡村振兴示范带,*区农业农村局、*区文化广电旅游体育局、沙湾街道,2026年12月,
4,,完善镇村公交网络,*区交通运输局,2026年9月,资金由区财政局统筹安排
-------- 2 - 联络员名单
序号,单位,联络员,职务,联系电话
1,区发展改革局,陈××,综合科科长,020-84641234
"""


def test_a_unit_column_whose_header_states_the_lead_rule_in_a_bracket():
    # the marked unit leads wherever it stands in the cell, two marks two leads; the 备注 and the liaison sheet
    # name no one
    plan = tabular.read(SourceText("t.csv", XLSX2CSV_MARKED))
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1", [("区发展改革局", "lead"), ("区农业农村局", "participant"), ("石楼镇", "participant")]),
        ("2", [("区住房城乡建设局", "participant"), ("区工业和信息化局", "lead"), ("各镇街", "participant")]),
        ("3", [("区农业农村局", "lead"), ("区文化广电旅游体育局", "lead"), ("沙湾街道", "participant")]),
        ("4", [("区交通运输局", "lead")])]
    # the rule of order in the header: the first listed leads, the others take the role the rule gives them
    ordered = XLSX2CSV_MARKED.replace("带*为牵头单位", "排在第一位的为牵头单位，其余为配合单位").replace("*", "")
    ordered = ordered.replace("区住房城乡建设局、区工业和信息化局", "区工业和信息化局、区住房城乡建设局")
    plan = tabular.read(SourceText("t.csv", ordered))
    assert units(plan.tasks[1]) == [("区工业和信息化局", "lead"), ("区住房城乡建设局", "cooperating"),
                                    ("各镇街", "cooperating")]


def test_an_empty_lead_cell_is_merged_only_where_the_table_gives_every_row_a_lead():
    text = ("序号,重点任务,牵头单位,责任单位\n1,推进企业开办便利化,市市场监管局,市公安局、市税务局\n"
            "2,简化不动产登记,,市自然资源局、市税务局\n")
    plan = tabular.read(SourceText("t.csv", text))
    assert units(plan.tasks[1]) == [("市市场监管局", "lead"), ("市自然资源局", "participant"),
                                    ("市税务局", "participant")]
    # a first row with no lead: the table does not give every row one, and an empty 牵头单位 stays empty
    text = text.replace("1,推进企业开办便利化,市市场监管局,", "1,推进企业开办便利化,,") + "3,建立信用监管机制,,市发展改革委\n"
    plan = tabular.read(SourceText("t.csv", text.replace("2,简化不动产登记,,", "2,简化不动产登记,市自然资源局,")))
    assert [u.name for u in plan.tasks[2].units] == ["市发展改革委"]


DOCX2TXT = """序号

重点任务

牵头单位

责任单位

一、发展民生事业

1

扩大老年助餐服务覆盖面

省民政厅

省财政厅、省商务厅

2

推进家庭养老床位建设



省卫健委、省住建厅

二、发展银发经济

3

培育银发经济领军企业



省发改委
"""


def test_a_word_cell_merged_over_rows_printed_once_by_docx2txt():
    # one cell per line, blank lines between: the merged 牵头单位 is an empty cell under a filled one, its units
    # the row above's; after a section row (no cell is merged across it) an empty lead stays empty
    plan = flat_table.read(SourceText("t.txt", DOCX2TXT))
    assert [(t.number, [u for u, _ in units(t)]) for t in plan.tasks] == [
        (1, ["省民政厅", "省财政厅", "省商务厅"]), (2, ["省民政厅", "省卫健委", "省住建厅"]), (3, ["省发改委"])]
    assert plan.tasks[1].units[0].span.line == 15  # where the merged cell is printed


def test_a_specific_task_column_names_the_tasks_a_merged_first_column_groups():
    # 重点任务 merged over numbered rows (empty below its first): each row's task is its 具体措施
    text = ("序号,重点任务,具体措施,牵头单位,配合单位\n"
            "1,完善县域商业网络,支持乡镇商贸中心改造提升,流通业发展处,财务处\n"
            "2,,推动连锁商贸流通企业下沉供应链,,市场运行和消费促进处\n"
            "3,发展农村电子商务,实施“数商兴农”行动,电子商务和信息化处,对外贸易处\n")
    plan = tabular.read(SourceText("t.csv", text))
    assert [(t.number, t.text) for t in plan.tasks] == [
        (1, "支持乡镇商贸中心改造提升"), (2, "推动连锁商贸流通企业下沉供应链"), (3, "实施“数商兴农”行动")]
    assert units(plan.tasks[1]) == [("流通业发展处", "lead"), ("市场运行和消费促进处", "cooperating")]
    # every row filling 重点任务: it names the task
    full = text.replace("2,,推动", "2,发展县域连锁,推动")
    assert [t.text for t in tabular.read(SourceText("t.csv", full)).tasks][0] == "完善县域商业网络"


FRAME_ROWS = [["附件", None, None, None, None], ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
              [1, "推进企业开办便利化", "市市场监管局", "市公安局、市税务局", "2026年底"],
              [2, "简化不动产登记", None, "市税务局", "2026年6月"],
              [3, "建立信用监管机制", "市发展改革委", "市市场监管局等", "长期"]]
# pandas DataFrame(FRAME_ROWS).to_string(): by default, with index=False, and with East Asian widths on
FRAMES = {
    "default": """    0          1       2          3        4
0  附件        NaN     NaN        NaN      NaN
1  序号       重点任务    牵头单位       配合单位     完成时限
2   1  推进企业开办便利化  市市场监管局  市公安局、市税务局   2026年底
3   2    简化不动产登记     NaN       市税务局  2026年6月
4   3   建立信用监管机制  市发展改革委    市市场监管局等       长期
""",
    "no-index": """ 0         1      2         3       4
附件       NaN    NaN       NaN     NaN
序号      重点任务   牵头单位      配合单位    完成时限
 1 推进企业开办便利化 市市场监管局 市公安局、市税务局  2026年底
 2   简化不动产登记    NaN      市税务局 2026年6月
 3  建立信用监管机制 市发展改革委   市市场监管局等      长期
""",
    "east-asian-width": """      0                   1             2                   3          4
0  附件                 NaN           NaN                 NaN        NaN
1  序号            重点任务      牵头单位            配合单位   完成时限
2     1  推进企业开办便利化  市市场监管局  市公安局、市税务局   2026年底
3     2      简化不动产登记           NaN            市税务局  2026年6月
4     3    建立信用监管机制  市发展改革委      市市场监管局等       长期
""",
}


@pytest.mark.parametrize("form", sorted(FRAMES))
def test_a_workbook_printed_by_pandas_is_read_by_its_columns(tmp_path: Path, form: str):
    from fengong.readers import frame

    path = tmp_path / "frame.txt"
    path.write_text("工作任务分工表\n\n" + FRAMES[form], encoding="utf-8")
    assert frame.printed_frame(path.read_text(encoding="utf-8"))
    plan, reader = read_path(path)
    assert reader == "tabular"
    assert [(t.number, t.text, units(t), t.open_ended) for t in plan.tasks] == [
        (1, "推进企业开办便利化", [("市市场监管局", "lead"), ("市公安局", "cooperating"), ("市税务局", "cooperating")],
         False),
        (2, "简化不动产登记", [("市市场监管局", "lead"), ("市税务局", "cooperating")], False),  # NaN: merged
        (3, "建立信用监管机制", [("市发展改革委", "lead"), ("市市场监管局", "cooperating")], True)]
    raw = path.read_text(encoding="utf-8")
    assert [raw[u.span.start : u.span.end] for u in plan.tasks[0].units] == ["市市场监管局", "市公安局", "市税务局"]


# markitdown of a workbook: a Markdown table per sheet, pandas' header of Unnamed: n under a merged title row, and
# NaN where a cell is empty or merged (the lead of row 3 is the one merged from row 2)
MARKITDOWN_XLSX = """## 任务台账
| 重点任务台账 | Unnamed: 1 | Unnamed: 2 | Unnamed: 3 | Unnamed: 4 | Unnamed: 5 |
| --- | --- | --- | --- | --- | --- |
| 序号 | 重点领域 | 具体任务 | 牵头单位 | 责任单位 | 完成时限 |
| 1 | 政务服务 | 推行高效办成一件事 | 市政务服务中心 | 市数据局、市级有关部门 | 2026年12月底 |
| 2 | 法治保障 | 推行包容审慎监管 | 市司法局 | 市市场监管局 | 2026年9月底 |
| 3 | NaN | 规范涉企行政检查 | NaN | 市级有关行政执法部门 | 2026年12月底 |
| 4 | NaN | 平等保护民营企业产权 | 市公安局 | NaN | 2026年11月底 |
"""


@pytest.mark.parametrize("missing", ["NaN", "<NA>"])
def test_a_workbook_in_markitdown_s_tables_prints_its_empty_and_merged_cells_nan(missing):
    plan = tabular.read(SourceText("t.md", MARKITDOWN_XLSX.replace("NaN", missing)))
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1", [("市政务服务中心", "lead"), ("市数据局", "participant"), ("市级有关部门", "participant")]),
        ("2", [("市司法局", "lead"), ("市市场监管局", "participant")]),
        ("3", [("市司法局", "lead"), ("市级有关行政执法部门", "participant")]),  # merged from row 2
        ("4", [("市公安局", "lead"), ("市级有关行政执法部门", "participant")])]  # the table merges: so from row 3
    # no row shows a merged cell (every lead printed): a NaN cell is empty, and names no one
    plain = MARKITDOWN_XLSX.replace("| 规范涉企行政检查 | NaN |", "| 规范涉企行政检查 | 市司法局 |").replace("NaN", missing)
    plan = tabular.read(SourceText("t.md", plain))
    assert units(plan.tasks[3]) == [("市公安局", "lead")]


def test_a_two_level_header_in_markitdown_s_table_prints_nan_under_the_cells_spanning_both_rows():
    # 序号 and 重点任务 merged over both header rows, 责任单位 across two columns: pandas names the empty upper cell
    # Unnamed: 3 and prints NaN under the spanning ones
    text = ("## 任务\n| 序号 | 重点任务 | 责任单位 | Unnamed: 3 | 完成时限 |\n| --- | --- | --- | --- | --- |\n"
            "| NaN | NaN | 牵头单位 | 配合单位 | NaN |\n| 1 | 推进甲项 | 市商务局 | 市财政局 | 2026年 |\n"
            "| 2 | 推进乙项 | NaN | 市公安局 | 2026年 |\n")
    plan = tabular.read(SourceText("t.md", text))
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1", [("市商务局", "lead"), ("市财政局", "cooperating")]),
        ("2", [("市商务局", "lead"), ("市公安局", "cooperating")])]


def test_a_table_laid_out_by_spaces_is_no_printed_frame():
    from fengong.readers import frame

    # typed columns (left-aligned, no index, no NaN), prose, and a numbered list are no pandas frame
    typed = ("序号  重点任务            牵头单位      配合单位\n1     推进企业开办便利化  市市场监管局  市公安局\n"
             "2     简化不动产登记      市自然资源局  市税务局\n")
    prose_text = "一、主要任务\n1.推进企业开办便利化。（市市场监管局负责）\n2.简化不动产登记。（市自然资源局负责）\n"
    for text in (typed, prose_text):
        assert not frame.printed_frame(text), text


def test_a_sheet_written_by_pandas_to_csv_with_its_index_and_column_numbers():
    # read_excel(header=None).to_csv(): a header of column numbers (,0,1,2,…) and every row opened by its index;
    # neither is the table's (the header over two rows is found under them, merged cells empty)
    text = (",0,1,2,3,4\n0,附件,,,,\n1,序号,项目名称,责任单位,,完成时限\n2,,,牵头单位,配合单位,\n"
            "3,1,老旧小区改造,市住建局,市城管局,2026年11月底\n4,2,城市停车设施建设,,市公安局,2026年12月底\n"
            ",0,1,2,3,4\n0,序号,项目名称,责任单位,,完成时限\n1,,,牵头单位,配合单位,\n2,3,营商环境改革,市发改委,市司法局,2026年12月底\n")
    plan = tabular.read(SourceText("t.csv", text))
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1", [("市住建局", "lead"), ("市城管局", "cooperating")]),
        ("2", [("市住建局", "lead"), ("市公安局", "cooperating")]),
        ("3", [("市发改委", "lead"), ("市司法局", "cooperating")])]
    # a first column that counts no rows from 0 is the table's own (its 序号)
    own = "序号,项目名称,牵头单位,配合单位\n1,老旧小区改造,市住建局,市城管局\n2,城市停车设施建设,市公安局,市城管局\n"
    assert [t.key for t in tabular.read(SourceText("t.csv", own)).tasks] == ["1", "2"]


# ---------------------------------------------------------------- set 48: tables a PDF table tool appends to the text

# PyMuPDF: page.get_text() (the table's cells one a line), then each page's find_tables() table as to_markdown()
# (wrapped cell lines joined by <br>, a cell merged over rows filled with its left neighbour's text, the 序号)
PYMUPDF_PAGES = """附件
重点任务分工表
序号
重点任务
具体措施
责任单位
1
完善配送
网络
编制城市配送发展
规划
运输服务司、综
合规划司
2
推动设置智能快件箱
国家邮政局

|序号|重点任务|具体措施|责任单位|完成时限|
|---|---|---|---|---|
|1|完善配送<br>网络|编制城市配送发展<br>规划|运输服务司、综<br>合规划司|2018年12<br>月底前|
|2|2|推动设置智能快件箱|国家邮政局|2019年6月<br>底前|

— 6 —
序号
重点任务
具体措施
责任单位
3
强化法规保障
研究修订管理规定
法制司、运输服
务司
抄送：公安部。

|序号|重点任务|具体措施|责任单位|完成时限|
|---|---|---|---|---|
|3|强化法规<br>保障|研究修订管理规定|法制司、运输服<br>务司|2019年12<br>月底前|
"""


def test_a_pymupdf_markdown_table_after_the_page_text():
    plan = tabular.read(SourceText("t.txt", PYMUPDF_PAGES))
    # the page text's cells are no rows; the table goes on in the next page's Markdown table; the 重点任务 merged
    # over rows (its lower row filled with the 序号) groups them, so each row's task is its 具体措施
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "编制城市配送发展规划", [("运输服务司", "lead"), ("综合规划司", "participant")]),
        ("2", "推动设置智能快件箱", [("国家邮政局", "lead")]),
        ("3", "研究修订管理规定", [("法制司", "lead"), ("运输服务司", "participant")])]


def test_a_task_cell_that_is_no_copy_of_the_number_names_the_task():
    # a 重点任务 printed in every row (none empty, none the 序号 again) names each row's task
    text = ("|序号|重点任务|具体措施|责任单位|\n|---|---|---|---|\n|1|完善配送网络|编制发展规划|运输服务司|\n"
            "|2|推广新能源车辆|完善支持政策|财务审计司|\n")
    assert [t.text for t in tabular.read(SourceText("t.txt", text)).tasks] == ["完善配送网络", "推广新能源车辆"]
    # a task cell that is a number of its own, not the 序号 beside it, is no filled cell
    text = ("|序号|重点任务|具体措施|责任单位|\n|---|---|---|---|\n|1|完善配送网络|编制发展规划|运输服务司|\n"
            "|2|12|完善支持政策|财务审计司|\n")
    assert [t.text for t in tabular.read(SourceText("t.txt", text)).tasks] == ["完善配送网络", "12"]


# camelot's stream table (to_markdown): each printed line of a row a pipe row, the cells centred in the row, the 序号
# on its middle line; pandas' column numbers above the header
CAMELOT_STREAM = """| 0   | 1                  | 2          | 3       |
|:----|:-------------------|:-----------|:--------|
| 序 号 | 工作任务               | 责任单位       | 完成时限    |
|     | 建立科技成果“常态化发  |            | 2026年6  |
|     | 布”机制，每季度发布一批 | 市科技局*、科学城办 | 月底前启    |
| 1   |  可转化科技成果清单     |            |  动     |
|     | 推动成果信息与企业需  | 、市教育和体育局   |  长期    |
|     | 求精准对接              |            | 坚持      |
|     | 支持在绵院所开  |            |         |
| 2   | 展职务科技成果赋权改革试点  | 科学城办*、市科技局 | 2026年12 |
|     | 研人员成果所有权     |            |  月底前    |
|     | 推动中试平台开放共享  | 市经济和信息化局*、 |         |
| 3   | 降低中小企业中试成本  | 市科技局、市市场监管 | 2027年6月 |
|     | 企业中试成本             | 局          |         |

注：责任单位中标注“*”的为牵头单位。
"""


def test_a_camelot_stream_table_of_rows_centred_on_their_number():
    plan = tabular.read(SourceText("t.txt", CAMELOT_STREAM))
    assert [(t.key, t.text[:8], units(t)) for t in plan.tasks] == [
        ("1", "建立科技成果“常", [("市科技局", "lead"), ("科学城办", "participant"), ("市教育和体育局", "participant")]),
        ("2", "支持在绵院所开展", [("科学城办", "lead"), ("市科技局", "participant")]),
        ("3", "推动中试平台开放", [("市经济和信息化局", "lead"), ("市科技局", "participant"),
                            ("市市场监管局", "participant")])]


def test_a_pipe_tables_second_header_row_and_section_rows_are_no_centred_lines():
    # 牵头单位 / 配合单位 under 责任单位, and a section row, stand above the first number: the rows are one line each
    text = ("|序号|重点任务||责任单位|\n|---|---|---|---|\n|||牵头单位|配合单位|\n|| 一、完善机制 |||\n"
            "|1|建立管理机构|水利部|财政部|\n|2|制定管理办法|水利部|生态环境部、市场<br>监管总局|\n")
    plan = tabular.read(SourceText("t.txt", text))
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1", [("水利部", "lead"), ("财政部", "cooperating")]),
        ("2", [("水利部", "lead"), ("生态环境部", "cooperating"), ("市场监管总局", "cooperating")])]


def test_a_csv_cells_line_break_inside_a_name_that_only_its_ending_vouches_for():
    # camelot's lattice table as CSV: a PDF cell's wrap is a line break inside the quoted cell; 中国汽车流 is a name
    # only because it stands in the column, 中国汽车流通协会 one by its ending
    text = ('序号,工作任务,牵头单位,配合单位,完成时限\n'
            '1,"修订二手车鉴定评估技术规范",市场监管总局,"商务部、中国汽车流\n通协会等",2020年底前\n'
            '2,"开展二手车流通统计监测",商务部,"国家统计局\n某市城市发展集团",持续推进\n'
            '3,"推进养老服务",市民政局,"市财政局\n市卫生健康委",持续推进\n')
    plan = tabular.read(SourceText("t.csv", text))
    assert [units(t) for t in plan.tasks] == [
        [("市场监管总局", "lead"), ("商务部", "cooperating"), ("中国汽车流通协会", "cooperating")],
        # names each a line, typed apart, stay apart (known, or each a name by its ending)
        [("商务部", "lead"), ("国家统计局", "cooperating"), ("某市城市发展集团", "cooperating")],
        [("市民政局", "lead"), ("市财政局", "cooperating"), ("市卫生健康委", "cooperating")]]


# pdfplumber's find_tables() rows joined by tabs (set 48: jiangxi): every wrapped cell's lines parted by line breaks,
# so a row runs over lines, its last cell's lines standing after its last tab
PLUMBER_ROWS = """序号\t重点任务\t牵头单位\t配合单位
一、发展民生事业，解决急难愁盼\t\t\t
1\t扩大老年助餐服务，建设城乡老年助餐点
，到2027年覆盖率达到
75%以上\t省民政厅\t省财政厅、省市场监管
局、省商务厅
2\t发展社区便民服务，推进一刻钟便民生活
圈建设\t省商务厅、省住
房城乡建设厅\t省民政厅、省发展改革
委
二、扩大产品供给，提升质量水平\t\t\t
1\t推动老年用品创新\t省工业和信息化
厅\t省科技厅、省民政厅、
省残联
注：各设区市人民政府负责本地区相关任务落实，表中不再一一列出。
抄送：省委各部门。
"""


def test_a_tab_joined_table_whose_cells_wrap_onto_lines_of_their_own():
    plan = tabular.read(SourceText("t.txt", PLUMBER_ROWS))
    assert [(t.key, t.text[:8], units(t)[:4]) for t in plan.tasks] == [
        ("1.1", "扩大老年助餐服务", [("省民政厅", "lead"), ("省财政厅", "cooperating"), ("省市场监管局", "cooperating"),
                               ("省商务厅", "cooperating")]),
        ("1.2", "发展社区便民服务", [("省商务厅", "lead"), ("省住房城乡建设厅", "lead"), ("省民政厅", "cooperating"),
                               ("省发展改革委", "cooperating")]),
        ("2.1", "推动老年用品创新", [("省工业和信息化厅", "lead"), ("省科技厅", "cooperating"), ("省民政厅", "cooperating"),
                               ("省残联", "cooperating")])]


def test_a_line_after_a_tab_table_whose_rows_stand_whole_is_no_cell_of_it():
    # rows each on one line: a paragraph under the table is none of the last row's cells
    text = ("序号\t重点任务\t牵头单位\t配合单位\n1\t扩大老年助餐服务\t省民政厅\t省财政厅\n"
            "2\t发展社区便民服务\t省商务厅\t省民政厅\n各地要结合实际抓好落实\n")
    plan = tabular.read(SourceText("t.txt", text))
    assert [units(t) for t in plan.tasks] == [[("省民政厅", "lead"), ("省财政厅", "cooperating")],
                                              [("省商务厅", "lead"), ("省民政厅", "cooperating")]]


# ----------------------------- set 50: a page's get_text(), one cell a line, a header over two rows (bs4, jusText)
GET_TEXT = ("婺源县人民政府办公室关于印发婺源县茶产业行动方案的通知\n附件\n重点任务清单\n序号\n重点任务\n具体措施\n{upper}\n{lower}\n"
            "1\n低产低效茶园改造\n每年改造低产低效茶园1万亩\n县农业农村局\n县财政局、各乡（镇）人民政府\n分管农业副县长\n2028年底\n"
            "2\n茶叶龙头企业培育\n培育龙头企业5家以上\n县农业农村局\n县工信局\n县财政局、县税务局\n分管农业副县长\n2028年底\n"
            "3\n茶叶电商销售\n支持茶企入驻电商平台\n县商务局\n—\n分管商务副县长\n2027年底\n"
            "4\n茶产业科技支撑\n共建茶叶科技服务平台\n县科技局\n县农业农村局、县茶叶产业发展中心\n2028年底\n"
            "5\n茶文化传承\n建设茶文化博物馆\n县文广新旅局\n县教体局、县农业农村局\n2027年底\n"
            "抄送：县委办，县人大办。\n某县人民政府办公室　　2026年3月27日印发\n")
GET_TEXT_READ = [
    [("县农业农村局", "lead"), ("县财政局", "cooperating"), ("各乡（镇）人民政府", "cooperating")],
    [("县农业农村局", "lead"), ("县工信局", "lead"), ("县财政局", "cooperating"), ("县税务局", "cooperating")],
    [("县商务局", "lead")],
    [("县科技局", "lead"), ("县农业农村局", "cooperating"), ("县茶叶产业发展中心", "cooperating")],
    [("县文广新旅局", "lead"), ("县教体局", "cooperating"), ("县农业农村局", "cooperating")]]


@pytest.mark.parametrize(("upper", "lower"), [
    ("责任单位\n责任县领导\n完成时限", "牵头单位\n配合单位"),
    ("责任部门\n责任领导\n完成时间", "牵头\n配合"),
    ("责任单位\n县级领导\n时间节点", "牵头部门\n配合部门"),
], ids=["words-of-the-set", "bare-role-words", "部门"])
def test_a_header_over_two_rows_printed_one_cell_a_line(upper, lower):
    # get_text() prints the upper row, then the lower row's cells only: the role words closing the block are the
    # columns of the one cell above naming units; an empty 责任县领导 prints nothing; a <br> between two leads
    # parts them onto two lines; 抄送 closes the last row
    plan = flat_table.read(SourceText("t.txt", GET_TEXT.format(upper=upper, lower=lower)))
    assert [units(t) for t in plan.tasks] == GET_TEXT_READ
    assert [t.text for t in plan.tasks][-1] == "茶文化传承" and not plan.problems


# pdf2docx's Word table read back by mammoth's raw text: a cell a paragraph, a blank line after each; the header over
# two rows (责任分工 spanning 牵头单位 / 责任单位) prints its upper row, then the lower row's cells only
MAMMOTH_PDF2DOCX = ("湖南省某某厅文件\n\n附件\n\n重点任务分工表\n\n序号\n\n工作任务\n\n{upper}\n\n完成时限\n\n{lower}\n\n"
                    "一、夯实数据基础\n\n1\n\n建设工业智算中心。\n\n省发展改革委\n\n省数据局、省通信管理局\n\n2026年底\n\n"
                    "二、推动场景应用\n\n1\n\n实施赋能行动。\n\n省工业和信息化厅、省科技厅\n\n省财政厅\n\n持续推进\n\n"
                    "— 5 —\n\n\n\n湖南省某某厅文件\n\n序号\n\n工作任务\n\n{upper}\n\n完成时限\n\n{lower}\n\n"
                    "2\n\n打造标杆智能工厂。\n\n省工业和信息化厅\n\n省国资委、省商务厅等\n\n2027年底\n\n"
                    "— 6 —\n\n\n\n湖南省某某厅文件\n\n抄送：省委各部门。\n")


@pytest.mark.parametrize(("upper", "lower", "others"), [
    ("责任分工", "牵头单位\n\n责任单位", "participant"),
    ("责任单位", "牵头单位\n\n责任单位", "participant"),
    ("责任分工", "牵头单位\n\n配合单位", "cooperating"),
])
def test_a_two_row_header_whose_lower_row_ends_with_a_responsible_column(upper, lower, others):
    # (set 54: xiangzhengbanfa) after 牵头单位 the lower row's 责任单位 is its column (牵头单位：A，责任单位：B); the
    # running head printed after each page number is furniture, as the number and the header printed again are
    plan = flat_table.read(SourceText("t.txt", MAMMOTH_PDF2DOCX.format(upper=upper, lower=lower)))
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1.1", [("省发展改革委", "lead"), ("省数据局", others), ("省通信管理局", others)]),
        ("2.1", [("省工业和信息化厅", "lead"), ("省科技厅", "lead"), ("省财政厅", others)]),
        ("2.2", [("省工业和信息化厅", "lead"), ("省国资委", others), ("省商务厅", others)])]
    assert not [p for p in plan.problems if p.severity == "error"]


def test_only_the_line_after_a_page_number_is_a_running_head_in_a_table_one_cell_a_line():
    # a deadline cell closing the rows at the foot of two pages is the row's, though printed before the numbers as
    # pdftext prints a head; the header's 序号 printed again after a page number is no head either
    header = "序号\n工作任务\n牵头单位\n完成时限\n配合单位\n"
    flat = (f"某某厅文件\n{header}1\n推进甲\n市商务局\n2027年底前\n市财政局\n— 2 —\n某某厅文件\n{header}"
            f"2\n推进乙\n市科技局\n2026年底前\n市财政局\n— 3 —\n{header}"
            "3\n推进丙\n市民政局\n2026年底前\n市财政局\n— 4 —\n")
    plan = flat_table.read(SourceText("t.txt", flat))
    assert [(t.key, units(t)) for t in plan.tasks] == [
        (key, [(lead, "lead"), ("市财政局", "cooperating")])
        for key, lead in (("1", "市商务局"), ("2", "市科技局"), ("3", "市民政局"))]
    assert not [p for p in plan.problems if p.severity == "error"]


def test_a_responsible_column_opening_the_role_words_is_the_upper_rows():
    # a 责任单位 opening the run of role words is a column of the upper row (a one-row header, as printed)
    for names in (["序号", "工作任务", "完成时限", "责任单位", "牵头单位"], ["序号", "工作任务", "完成时限", "牵头单位", "责任单位"],
                  ["序号", "工作任务", "责任单位", "牵头单位", "配合单位"]):
        assert flat_table.header_names(names) == names
    assert flat_table.header_names(["序号", "工作任务", "责任分工", "完成时限", "牵头单位", "责任单位"]) == [
        "序号", "工作任务", "牵头单位", "责任单位", "完成时限"]


def test_role_words_in_a_one_row_header_are_its_columns_as_printed():
    # role words after the task (no unit column above them) or after a unit column are a one-row header's columns
    flat = "序号\n重点任务\n牵头单位\n配合单位\n1\n推进甲\n县商务局\n县财政局\n2\n推进乙\n县科技局\n县教体局\n"
    assert [units(t) for t in flat_table.read(SourceText("t.txt", flat)).tasks] == [
        [("县商务局", "lead"), ("县财政局", "cooperating")], [("县科技局", "lead"), ("县教体局", "cooperating")]]
    assert flat_table.header_names(["序号", "重点任务", "责任单位", "牵头单位", "配合单位"]) == [
        "序号", "重点任务", "责任单位", "牵头单位", "配合单位"]
    # two cells naming units above: which one the role words divide is not said, the header is taken as printed
    names = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限", "牵头单位", "配合单位"]
    assert flat_table.header_names(names) == names


def test_a_row_one_cell_a_line_prints_an_empty_non_unit_cell_as_nothing_only_when_short():
    # a row with as many lines as cells fills them all: its date is the 完成时限's, never left to an empty cell
    flat = ("序号\n重点任务\n牵头单位\n配合单位\n责任领导\n完成时限\n"
            "1\n推进甲\n县商务局\n县财政局\n分管副县长\n2026年底\n2\n推进乙\n县科技局\n县教体局\n"
            "分管副县长\n每年12月底前\n")
    plan = flat_table.read(SourceText("t.txt", flat))
    assert [units(t) for t in plan.tasks] == [[("县商务局", "lead"), ("县财政局", "cooperating")],
                                              [("县科技局", "lead"), ("县教体局", "cooperating")]]
    # a row short of a line whose other cell names no unit: the 配合单位 is the empty one, not the leader's
    short = flat.replace("县教体局\n分管副县长\n每年12月底前\n", "分管副县长\n2027年底\n")
    assert units(flat_table.read(SourceText("t.txt", short)).tasks[1]) == [("县科技局", "lead")]


# --------------------- set 50: markitdown's and markdownify's pipe tables drop a cell merged over rows (rowspan)
PIPE_HEADER = "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |\n| --- | --- | --- | --- | --- |\n"


@pytest.mark.parametrize(("rows", "second"), [
    # the lead and the 完成时限 merged over rows 1-2: row 2 prints its 配合单位 and stops
    ("| 1 | 引进整机企业 | 市工信局 | 市商务局、市发改委 | 持续推进 |\n| 2 | 建设特色产业园 | 市资源规划局、各县级市（区）政府 |\n",
     [("市工信局", "lead"), ("市资源规划局", "cooperating"), ("各县级市（区）政府", "cooperating")]),
    # two leads printed with a space (a <br>) merged likewise; an open list
    ("| 1 | 开展应用示范 | 市交通运输局 市公安局 | 市应急局 | 2027年底 |\n| 2 | 发展低空物流 | 市商务局、市邮政管理局等 |\n",
     [("市交通运输局", "lead"), ("市公安局", "lead"), ("市商务局", "cooperating"), ("市邮政管理局", "cooperating")]),
])
def test_a_pipe_row_short_by_the_lead_and_the_deadline_takes_the_lead_above(rows, second):
    plan = tabular.read(SourceText("t.txt", PIPE_HEADER + rows))
    assert units(plan.tasks[1]) == second


@pytest.mark.parametrize("rows", [
    # short by the two columns after the units (完成时限, 备注), not by the lead: its unit cells are all printed
    "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 | 备注 |\n| --- | --- | --- | --- | --- | --- |\n"
    "| 1 | 引进整机企业 | 市工信局 | 市商务局 | 持续推进 | 无 |\n| 2 | 建设特色产业园 | 市资源规划局 | 市住建局 |\n",
    # under a section row no merged cell reaches
    "| 1 | 引进整机企业 | 市工信局 | 市商务局 | 持续推进 |\n| 二、完善设施 | | | | |\n| 2 | 建设特色产业园 | 市资源规划局 |\n",
    # under a row itself short
    "| 1 | 引进整机企业 | 市工信局 | 市商务局 |\n| 2 | 建设特色产业园 | 市资源规划局 |\n",
])
def test_a_pipe_row_short_otherwise_takes_no_lead_from_above(rows):
    plan = tabular.read(SourceText("t.txt", rows if rows.startswith("| 序号") else PIPE_HEADER + rows))
    assert all(u.name != "市工信局" for u in plan.tasks[-1].units)


# ------------------------------ set 50: html2text's pipe table (no outer pipes) breaks a row at a cell's <br>
H2T_HEADER = "序号| 重点任务| 牵头单位| 配合单位| 完成时限  \n---|---|---|---|---  \n"


@pytest.mark.parametrize(("rows", "expected"), [
    # two leads parted by a <br>: the row goes on on the next line, the lead cell spanning the break
    ("1| 茶叶龙头企业培育| 县农业农村局  \n县工信局| 县财政局、县税务局| 2028年底  \n2| 茶叶电商销售| 县商务局| 县财政局| 2027年底  \n",
     [[("县农业农村局", "lead"), ("县工信局", "lead"), ("县财政局", "cooperating"), ("县税务局", "cooperating")],
      [("县商务局", "lead"), ("县财政局", "cooperating")]]),
    # the break in the 配合单位 cell
    ("1| 茶叶龙头企业培育| 县农业农村局| 县财政局  \n县税务局| 2028年底  \n2| 茶叶电商销售| 县商务局| 县财政局| 2027年底  \n",
     [[("县农业农村局", "lead"), ("县财政局", "cooperating"), ("县税务局", "cooperating")],
      [("县商务局", "lead"), ("县财政局", "cooperating")]]),
])
def test_an_html2text_row_broken_at_a_br_is_one_row(rows, expected):
    plan = tabular.read(SourceText("t.txt", "某县人民政府办公室关于印发茶产业方案的通知\n" + H2T_HEADER + rows))
    assert [units(t) for t in plan.tasks] == expected


def test_a_dash_under_a_table_of_merged_cells_names_nobody():
    # a table that merges its unit cells (row 2 prints none) reads an empty cell as the cell above, never a dash
    rows = ("1| 推进甲| 县农业农村局| 县财政局| 2028年底  \n2| 推进乙| | | 2028年底  \n"
            "3| 推进丙| 县商务局| —| 2027年底  \n")
    plan = tabular.read(SourceText("t.txt", "某县人民政府办公室关于印发茶产业方案的通知\n" + H2T_HEADER + rows))
    assert [units(t) for t in plan.tasks] == [[("县农业农村局", "lead"), ("县财政局", "cooperating")],
                                              [("县农业农村局", "lead"), ("县财政局", "cooperating")],
                                              [("县商务局", "lead")]]


# ---------------------------------------------------------------- set 51: a rectification list (整改方案's 问题清单)

RECTIFICATION = ("督察反馈问题整改任务清单\n\n"
                 "序号\t{problem}\t整改目标\t整改措施\t责任领导\t{units}\t整改时限\n"
                 "1\t核心区内仍存在违规养殖设施\t完成清理\t依法拆除违规设施\t刘建华\t市林业局、市农业农村局、岳阳县政府\t"
                 "2026年9月底前\n"
                 "2\t部分工业企业在线监测数据弄虚作假\t严厉打击\t开展专项检查\t张明远\t市生态环境局、市公安局\t长期坚持\n"
                 "注：{units}中排在第一位的为牵头单位，其他为配合单位。各县市区人民政府负责本辖区内相关问题整改落实，"
                 "表中不再一一列出。\n")


@pytest.mark.parametrize(("problem", "unit_header"), [
    ("反馈问题", "整改责任单位"), ("存在问题", "责任单位"), ("问题描述", "落实责任单位"), ("问题", "主体责任单位")])
def test_a_rectification_list_reads_its_problems_as_tasks(problem, unit_header):
    plan = tabular.read(SourceText("t.txt", RECTIFICATION.format(problem=problem, units=unit_header)))
    assert [t.text for t in plan.tasks] == ["核心区内仍存在违规养殖设施", "部分工业企业在线监测数据弄虚作假"]
    assert [units(t) for t in plan.tasks] == [
        [("市林业局", "lead"), ("市农业农村局", "cooperating"), ("岳阳县政府", "cooperating"),
         ("各县市区人民政府", "implementing")],
        [("市生态环境局", "lead"), ("市公安局", "cooperating"), ("各县市区人民政府", "implementing")]]


AUDIT_LIST = ("附件\n\n2018年度审计查出问题整改责任分工\n\n"
              "序号\t{problem}\t整改要求\t牵头单位\t责任单位\t完成时限\n"
              "1\t部分中央基建投资项目推进缓慢，国家发展改革委下达的投资计划中有资金闲置\t加快项目前期工作\t"
              "国家发展改革委\t财政部、有关中央部门\t2019年11月底前\n"
              "2\t保障性住房闲置，部分地区住房城乡建设部门审核把关不严\t盘活闲置住房\t住房城乡建设部\t财政部\t"
              "2019年12月底前\n"
              "注：各省、自治区、直辖市人民政府负责本地区审计查出问题的整改落实，表中不再一一列出。\n")


@pytest.mark.parametrize("problem", ["审计查出问题", "查摆问题", "检视问题", "存在问题"])
def test_an_audit_rectification_list_reads_its_problems_and_not_the_bodies_they_name(problem):
    # (set 68: guoban-2019-shenji) the problem cell names the task; a body it names (国家发展改革委 下达的…, 住房城乡
    # 建设部门 审核…) is the finding's subject, never a unit: only the unit columns and the 注 give units
    plan = tabular.read(SourceText("t.txt", AUDIT_LIST.format(problem=problem)))
    assert [t.text.split("，")[0] for t in plan.tasks] == ["部分中央基建投资项目推进缓慢", "保障性住房闲置"]
    assert [units(t) for t in plan.tasks] == [
        [("国家发展改革委", "lead"), ("财政部", "participant"), ("有关中央部门", "participant"),
         ("各省、自治区、直辖市人民政府", "implementing")],
        [("住房城乡建设部", "lead"), ("财政部", "participant"), ("各省、自治区、直辖市人民政府", "implementing")]]


INDICATORS = ("附件\n\n主要指标任务分解表\n\n"
              "序号\t{indicator}\t2026年目标值\t分管市领导\t{lead}\t{other}\n"
              "1\t地区生产总值增速\t6%左右\t市长\t市发展改革委\t市统计局、市商务局\n"
              "2\t一般公共预算收入增速\t5%以上\t常务副市长\t市财政局、市税务局\t市自然资源和规划局\n"
              "3\t城镇新增就业人数\t5.5万人以上\t分管副市长\t市人力资源社会保障局\t\n")


@pytest.mark.parametrize(("indicator", "lead", "other", "role"), [
    ("指标名称", "第一责任单位", "责任单位", "participant"), ("指标", "牵头单位", "责任单位", "participant"),
    ("主要指标", "牵头部门", "配合部门", "cooperating"), ("约束性指标", "第一责任部门", "协作部门", "cooperating")])
def test_an_indicator_breakdown_reads_each_indicator_as_the_task_of_its_units(indicator, lead, other, role):
    # (set 68: luoyang, jtb) the indicator names the row; its target value and the leader's post name no unit
    plan = tabular.read(SourceText("t.txt", INDICATORS.format(indicator=indicator, lead=lead, other=other)))
    assert [(t.label, t.text) for t in plan.tasks] == [
        ("1", "地区生产总值增速"), ("2", "一般公共预算收入增速"), ("3", "城镇新增就业人数")]
    assert [units(t) for t in plan.tasks] == [
        [("市发展改革委", "lead"), ("市统计局", role), ("市商务局", role)],
        [("市财政局", "lead"), ("市税务局", "lead"), ("市自然资源和规划局", role)],
        [("市人力资源社会保障局", "lead")]]


def test_an_indicator_table_without_a_unit_column_is_no_task_table():
    # 指标名称 / 单位 (of measure) / 目标 / 备注: targets with no one named to answer for them
    table = ("序号\t指标名称\t单位\t2026年目标\t备注\n"
             "1\t新建改造县级物流配送中心\t个\t15\t由各设区市商务局组织申报\n"
             "2\t农村网络零售额增速\t%\t8以上\t\n")
    with pytest.raises(ReadError):
        tabular.read(SourceText("t.txt", table))


def test_an_indicator_sheet_after_the_task_table_ends_it():
    # (set 44: a workbook's 主要目标 sheet after its 任务分工 sheet) the sheet's header names a task column but no
    # unit column: another table, whose rows are no tasks of the first
    table = ("序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
             "1\t完善县域商业网络\t流通业发展处\t财务处\t2026年12月底\n"
             "2\t发展农村电子商务\t电子商务和信息化处\t对外贸易处\t2026年12月底\n"
             "序号\t指标名称\t单位\t2026年目标\t备注\n"
             "1\t新建改造县级物流配送中心\t个\t15\t由各设区市商务局组织申报，厅流通业发展处审核汇总\n"
             "2\t农村网络零售额增速\t%\t8以上\t\n")
    plan = tabular.read(SourceText("t.txt", table))
    assert [t.text for t in plan.tasks] == ["完善县域商业网络", "发展农村电子商务"]


def test_a_rectification_list_without_a_unit_column_is_no_task_table():
    # 责任领导 names persons, 整改时限 a deadline: no column of units, no task table
    table = RECTIFICATION.format(problem="反馈问题", units="整改责任人")
    with pytest.raises(ReadError):
        tabular.read(SourceText("t.txt", table))


def test_a_baolian_table_with_a_leaders_post_column_and_numbers_restarting_in_each_section(tmp_path: Path):
    # (set 52: yiling) 项目（企业）名称 names the row; 包联区领导 (posts), 年度目标 and 完成时限 hold no units; the
    # 序号 restarts under each section row, so the rows are the sections' children
    text = ("附件\n\n重点项目包联责任分工表\n\n"
            "序号\t项目（企业）名称\t年度目标\t包联区领导\t牵头单位\t责任单位\t完成时限\n"
            "一、重点工业项目\n"
            "1\t高端磷化工新材料产业园项目\t完成一期主体工程\t区委常委、常务副区长\t区经信局\t区自然资源规划分局、龙泉镇\t2026年12月底\n"
            "2\t数字经济产业园二期项目\t引进企业20家\t区政府副区长（分管科技）\t区科技局、区招商服务中心\t区住建局\t2026年12月底\n"
            "二、重点企业\n"
            "1\t宜昌三峡精密机械有限公司\t产值增长15%\t区政府副区长（分管工业）\t区财政局\t区国资中心、区发改局等\t2026年12月底\n")
    path = tmp_path / "baolian.txt"
    path.write_text(text, encoding="utf-8")
    plan, _ = read_path(path)
    assert [(t.key, t.parent, t.text, units(t), t.open_ended) for t in plan.tasks] == [
        ("1.1", "1", "高端磷化工新材料产业园项目", [("区经信局", "lead"), ("区自然资源规划分局", "participant"),
                                                   ("龙泉镇", "participant")], False),
        ("1.2", "1", "数字经济产业园二期项目", [("区科技局", "lead"), ("区招商服务中心", "lead"),
                                               ("区住建局", "participant")], False),
        ("2.1", "2", "宜昌三峡精密机械有限公司", [("区财政局", "lead"), ("区国资中心", "participant"),
                                                 ("区发改局", "participant")], True)]


def test_a_table_whose_unit_cells_mostly_cannot_be_read_is_refused():
    # (set 47: wuhou) OCR's rows interleave wrapped cells: unit cells hold pieces (2026年, 3月, 委，…) the grammar
    # cannot read; as many such cells as rows read, and the rows that seem read are not proved: refused
    text = ("序号\t工作任务\t牵头单位\t配合单位\n"
            "1\t制定改造计划\t区财政局、区社治\t2026年\n"
            "2\t开展意愿征询\t委，各街道办事处\t3月\n"
            "3\t实施基础类改造\t2026年1\t区应急局、区消防\n"
            "4\t推进加装电梯\t1月\t救援大队、国网成\n")
    with pytest.raises(ReadError) as refused:
        tabular.read(SourceText("t.txt", text))
    assert any("not read rather than guessed" in p.message for p in refused.value.problems)


def test_a_table_with_one_unreadable_unit_cell_is_still_read():
    text = ("序号\t工作任务\t牵头单位\t配合单位\n"
            "1\t制定改造计划\t区住建局\t区财政局\n"
            "2\t开展意愿征询\t区民政局\t2026年\n"
            "3\t实施基础类改造\t区应急局\t区消防救援大队\n"
            "4\t推进加装电梯\t区住建局\t区市场监管局\n")
    plan = tabular.read(SourceText("t.txt", text))
    assert [t.number for t in plan.tasks] == [1, 2, 3, 4]


# pypdf's page text of a ruled table (one-line header, the rows run together, cells wrapped), then the same table
# as a table tool appended it (tabula-py's to_csv, or convert_into as TSV), characters inside cells dropped
PAGE_TEXT_TABLE = """某市推进行动实施方案
附件：重点任务分工表
序号 重点任务 牵头单位 配合单位
一、完善法规标准
1 推动修订配套规章，明确寄递企业包装减
量责任。
市邮政管理局 市司法局、市发展改革委
2 开展快递包装产品质量监督抽查，依法查
处违法行为。
市市场监管局 市邮政管理局、市商务局
— 2 —
某市推进行动实施方案
序号 重点任务 牵头单位 配合单位
二、强化监督管理
3 支持建设区域性快递包装回收分拣中心。 市发展改革委 市住房城乡建设局
抄送：市委各部门。
"""
TABULA_CSV = """
序号,重点任务,牵头单位,配合单位
一、完善法规标准,,,
1,"推动修订配套规章,明确寄递企业包装减\r量责任。",市邮政管理局,市司法局、市发展改革委
2,"展快递包装产品质量监督抽查,依法查\r处违法行为。",市市场监管局,市邮政管理局、市商务局
二、强化监督管理,,,
3,支建设区域性快递包装回收分拣中心。,市发展改革委,市住房城乡建设局
"""
TABULA_TSV = TABULA_CSV.replace(",,,", "\t\t\t").replace('"', "").replace(",", "\t").replace("\t明确", ",明确")


@pytest.mark.parametrize("copy", [TABULA_CSV, TABULA_TSV], ids=["to_csv", "convert_into_tsv"])
def test_a_pdf_page_texts_table_is_read_not_the_copy_a_table_tool_appended(copy):
    from fengong.readers.detect import READERS

    source = SourceText("t.txt", PAGE_TEXT_TABLE + copy)
    assert choose_reader(source) == "pdf-table"
    plan = READERS["pdf-table"](source, jurisdiction="320500")
    # each row once, its text whole as the page prints it (开展, 支持: the copy dropped 开 and 持)
    assert [(t.key, t.text[:8], units(t)) for t in plan.tasks] == [
        ("1", "推动修订配套规章", [("市邮政管理局", "lead"), ("市司法局", "cooperating"), ("市发展改革委", "cooperating")]),
        ("2", "开展快递包装产品", [("市市场监管局", "lead"), ("市邮政管理局", "cooperating"), ("市商务局", "cooperating")]),
        ("3", "支持建设区域性快", [("市发展改革委", "lead"), ("市住房城乡建设局", "cooperating")])]


# the same copy printed by pandas (to_string(index=False)): read in its rendering, as tab-separated rows
TABULA_STRING = """ 序号               重点任务   牵头单位        配合单位
1.0 推动修订配套规章,明确寄递企业包装减 市邮政管理局 市司法局、市发展改革委
NaN               量责任。    NaN         NaN
2.0  展快递包装产品质量监督抽查,依法查 市市场监管局 市邮政管理局、市商务局
NaN             处违法行为。    NaN         NaN
3.0  支建设区域性快递包装回收分拣中心。 市发展改革委    市住房城乡建设局
"""


def test_a_pdf_page_texts_table_is_read_not_the_frame_a_table_tool_printed_after_it():
    plan, name = read_path_of(PAGE_TEXT_TABLE + "\n" + TABULA_STRING)
    assert name == "pdf-table"
    assert [(t.key, t.text[:8]) for t in plan.tasks] == [("1", "推动修订配套规章"), ("2", "开展快递包装产品"),
                                                        ("3", "支持建设区域性快")]

def test_a_delimited_table_with_no_page_text_before_it_is_read_as_it_stands():
    # the CSV alone, or a one-line header only after it (in its own copy's text), keeps the delimited reader
    assert choose_reader(SourceText("t.txt", "某市推进行动实施方案\n" + TABULA_CSV)) == "tabular"
    after = TABULA_CSV + "\n序号 重点任务 牵头单位 配合单位\n1 推动修订配套规章。 市邮政管理局 市司法局\n"
    assert choose_reader(SourceText("t.txt", after)) == "tabular"


PAGE_TEXT_ANEW = """某区行动方案
附件
序号 重点任务 责任单位 完成时限
一、补齐便民服务短板
1 开展便民商业网点缺项摸排，建立街乡便民网点
建设台账。
区商务局、各街乡 4月底前
2 新建或改造提升一刻钟便民生活圈20个。
区商务局、区规划自然
资源分局
12月底前
二、提升服务品质
1 支持品牌连锁企业进社区。
区商务局牵头，区财政
局、区市场监管局配合
12月底前
— 2 —
某区行动方案
序号 重点任务 责任单位 完成时限
2 开展生活性服务业标准化建设。
区市场监管局、区商务
局
10月底前
三、推动融合创新
1 鼓励菜市场、便利店等网点开展适老化改造。
区商务局、区民政局、
区残联等
12月底前
注：责任单位中排在第一位的为牵头单位。
"""


def test_a_pdf_table_numbered_anew_in_each_section_makes_its_section_rows_items():
    from fengong.readers.detect import READERS

    plan = READERS["pdf-table"](SourceText("t.txt", PAGE_TEXT_ANEW), jurisdiction="110105")
    assert not [p for p in plan.problems if p.severity == "error"]  # 1 after a section row is no gap
    assert [(t.key, t.label, t.number, t.parent, t.text[:6], t.open_ended) for t in plan.tasks] == [
        ("1.1", "1", 1, "1", "开展便民商业", False), ("1.2", "2", 2, "1", "新建或改造提", False),
        ("2.1", "1", 1, "2", "支持品牌连锁", False), ("2.2", "2", 2, "2", "开展生活性服", False),
        ("3.1", "1", 1, "3", "鼓励菜市场、", True)]
    assert [(i.key, i.label, i.title) for i in plan.items] == [
        ("1", "一、", "补齐便民服务短板"), ("2", "二、", "提升服务品质"), ("3", "三、", "推动融合创新")]
    assert units(plan.tasks[2]) == [("区商务局", "lead"), ("区财政局", "cooperating"), ("区市场监管局", "cooperating")]
    assert units(plan.tasks[3]) == [("区市场监管局", "lead"), ("区商务局", "participant")]


def test_a_pdf_table_numbered_through_its_sections_keeps_its_rows_at_the_top_level():
    from fengong.readers.detect import READERS

    text = PAGE_TEXT_ANEW.replace("1 支持", "3 支持").replace("2 开展生活", "4 开展生活").replace("1 鼓励", "5 鼓励")
    plan = READERS["pdf-table"](SourceText("t.txt", text), jurisdiction="110105")
    assert [(t.key, t.parent) for t in plan.tasks] == [(str(n), None) for n in range(1, 6)]
    assert plan.items == []
    # a row numbered 1 with no section row before it is out of sequence still
    text = PAGE_TEXT_ANEW.replace("二、提升服务品质\n", "")
    problems = READERS["pdf-table"](SourceText("t.txt", text), jurisdiction="110105").problems
    assert any("out of sequence" in p.message for p in problems)


# tabula-py's to_csv: a cell's lines joined by a CR alone, the unit cells unquoted (pandas quotes only for the comma)
TABULA_CR = ("序号,重点任务,牵头单位,配合单位\n"
             '1,"推动修订配套规章,明确寄递企业包装减\r量责任。",国家邮政局,司法部、国家发展改\r革委、生态环境部\n'
             "2,建立统计监测制度。,国家发展改革\r委,国家统计局\r生态环境部\n")


@pytest.mark.parametrize("end", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_cr_alone_inside_a_csv_record_wraps_its_cell(end):
    plan = tabular.read(SourceText("t.txt", TABULA_CR.replace("\n", end)))
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "推动修订配套规章,明确寄递企业包装减量责任。",
         [("国家邮政局", "lead"), ("司法部", "cooperating"), ("国家发展改革委", "cooperating"),
          ("生态环境部", "cooperating")]),
        # a wrap inside a name joins it; a name a line stays apart
        ("2", "建立统计监测制度。", [("国家发展改革委", "lead"), ("国家统计局", "cooperating"),
                              ("生态环境部", "cooperating")])]



def test_the_copy_a_table_tool_appended_is_no_prose_read_again():
    # tabula's TSV copy (convert_into) after the page's table and its distribution line: a cell stating roles in
    # the copy (此项工作由A牵头，B配合) is the same row, not a statement of the text after the table
    copy = ("\n序号 重点任务\t\t责任单位\t完成时限\n一、补齐便民服务短板\t\t\t\n"
            "1 展便民商业网点缺项摸排,建立街乡便民网点\t\t区商务局、各街乡\t4月底前\n建设台账。\t\t\t\n"
            "二、提升服务品质\t\t\t\n1 支 品牌连 企业进社区。\t\t此项工作由区商务局牵头，区财政局配合。\t12月底前\n")
    text = PAGE_TEXT_ANEW.replace("注：", "抄送：区委办公室。\n注：")
    plan, name = read_path_of(text + copy)
    assert name == "pdf-table"
    assert [t.key for t in plan.tasks] == ["1.1", "1.2", "2.1", "2.2", "3.1"]
    # a text after the table that holds no copy is read as prose still
    plan, _ = read_path_of(text + "\n二、保障措施\n（一）加强宣传。开展宣传活动。此项工作由区委宣传部牵头，区商务局配合。\n")
    assert "区委宣传部" in {u.name for t in plan.tasks for u in t.units}


# tabula-py's stream table printed by pandas (to_string(index=False)): each line of a row a frame row, NaN where a
# cell has no more lines, the 序号 a float once a NaN stands in its column
TABULA_FRAME = """ 序号           工作任务 责任领导 牵头单位    配合单位     完成时限
1.0  编制全市充电基础设施专项规  何光辉 市发展改 市自然资源和规   2026年6
NaN     划，纳入国土空间规划  NaN   革委 划局、供电公司        月
2.0 推进既有居住社区充电设施建设  周立群 市住房保 市城乡建设局、   2027年1
NaN      ，开展统建统营试点  NaN 障和房产 市交通运输局、       2月
NaN       小区100个以上  NaN  管理局    市城管局      NaN
3.0     加强配电网建设改造。  何光辉 供电公司  市发展改革委 2026年12月
NaN      新建充电站20座。  NaN 市城管局  市交通运输局      NaN
"""


def test_frame_rows_with_no_number_carry_on_the_row_tabula_split():
    plan, reader = read_path_of("合肥市充换电基础设施建设重点任务清单\n\n" + TABULA_FRAME)
    assert reader == "tabular"
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "编制全市充电基础设施专项规划，纳入国土空间规划",
         [("市发展改革委", "lead"), ("市自然资源和规划局", "cooperating"), ("供电公司", "cooperating")]),
        ("2", "推进既有居住社区充电设施建设，开展统建统营试点小区100个以上",
         [("市住房保障和房产管理局", "lead"), ("市城乡建设局", "cooperating"), ("市交通运输局", "cooperating"),
          ("市城管局", "cooperating")]),
        # a text closed by its full stop goes on no more: the line under it is a row of its own (no number: unread)
        ("3", "加强配电网建设改造。", [("供电公司", "lead"), ("市发展改革委", "cooperating")])]
    assert any("no number" in p.message for p in plan.problems)


def test_a_frame_row_with_no_number_naming_whole_units_is_no_wrap():
    # the text left open, but the unit cells above are whole names (no separator, no cut name): the line is a row
    # of its own (a workbook's under a merged 序号), no wrap
    text = """ 序号          工作任务 责任领导   牵头单位      配合单位   完成时限
1.0 编制全市充电基础设施专项规  何光辉 市发展改革委 市自然资源和规划局 2026年6
NaN    划，纳入国土空间规划  NaN   市住建局      市城管局      月
"""
    plan, _ = read_path_of("合肥市充换电基础设施建设重点任务清单\n\n" + text)
    assert [(t.text, units(t)) for t in plan.tasks][:1] == [
        ("编制全市充电基础设施专项规", [("市发展改革委", "lead"), ("市自然资源和规划局", "cooperating")])]


# pdfminer's boxes of a ruled table whose rows' task boxes open with their number: the two-level header's boxes after
# the first row's task, a row's 牵头单位 and 配合单位 side by side in one box or a box each, a name cut into the next
# box (省市场监 / 管局), tasks 3-4 in a run under two sections with their unit cells after them row by row, the
# 完成时限 merged over rows 3-4 (printed once), a deadline beside the units (2026年) completed by the next box
ROW_BOXES = boxes(
    "附件", "重点任务分工表", "序号", "重点任务", "一、完善商业网络",
    "1 实施县城商业提质工程，支持每个县\n（市）改造提升商业综合体。", "责任单位", "完成时限", "牵头单位", "配合单位",
    "省商务厅 省发展改革委、省建\n设厅", "2027年\n底前",
    "— 2 —", "浙政办发〔2026〕9号", "序号", "重点任务",
    "2 推进乡镇商贸中心改造提升，引导连锁", "商贸企业向乡镇延伸网点。", "责任单位", "牵头单位", "配合单位",
    "省商务厅 省供销社、省市场监", "管局", "完成时限", "2027年\n底前",
    "二、健全物流体系", "3 建设县级共同配送中心，推动县域物流\n统仓共配。", "三、提升电商水平",
    "4 实施农村电商高质量发展工程。", "省交通运\n输厅", "省邮政管理局、省商\n务厅",
    "省数据局 省商务厅、省经信厅 2026年", "底前",
    "5 组织开展县域专场促消费活动。", "省商务厅 省文化广电旅游厅、", "省发展改革委", "每年持续\n推进",
    "注：各设区市人民政府负责本地区相关任务落实，表中不再一一列出。",
    "抄送：省委各部门。", "— 3 —")


def test_a_boxed_table_whose_task_boxes_open_with_their_number_deals_its_unit_cells_row_by_row():
    plan = flat_table.read(SourceText("boxed.txt", "浙政办发〔2026〕9号\n\n" + ROW_BOXES))
    assert [(t.key, t.text[:10], units(t)) for t in plan.tasks] == [
        ("1", "实施县城商业提质工程", [("省商务厅", "lead"), ("省发展改革委", "cooperating"), ("省建设厅", "cooperating"),
                              ("各设区市人民政府", "implementing")]),
        # the task broken into two boxes; the 配合单位 cut into the next box
        ("2", "推进乡镇商贸中心改造", [("省商务厅", "lead"), ("省供销社", "cooperating"), ("省市场监管局", "cooperating"),
                              ("各设区市人民政府", "implementing")]),
        ("3", "建设县级共同配送中心", [("省交通运输厅", "lead"), ("省邮政管理局", "cooperating"), ("省商务厅", "cooperating"),
                              ("各设区市人民政府", "implementing")]),
        ("4", "实施农村电商高质量发", [("省数据局", "lead"), ("省商务厅", "cooperating"), ("省经信厅", "cooperating"),
                              ("各设区市人民政府", "implementing")]),
        ("5", "组织开展县域专场促消", [("省商务厅", "lead"), ("省文化广电旅游厅", "cooperating"),
                              ("省发展改革委", "cooperating"), ("各设区市人民政府", "implementing")])]
    assert plan.tasks[1].text == "推进乡镇商贸中心改造提升，引导连锁商贸企业向乡镇延伸网点。"


@pytest.mark.parametrize("broken", [
    ROW_BOXES.replace("省数据局 省商务厅、省经信厅 2026年", "省数据局 2026年"),  # a cell too few: not dealt
    # the two cells of a box would open at a row's 配合单位: the boxes are not in row order
    ROW_BOXES.replace("省交通运\n输厅\n\n", ""),
    ROW_BOXES.replace("3 建设县级", "7 建设县级"),  # numbers that do not count up
])
def test_a_boxed_table_of_numbered_task_boxes_whose_cells_do_not_fill_its_rows_is_not_guessed_at(broken):
    with pytest.raises(ReadError, match="do not fill"):
        flat_table.read(SourceText("boxed.txt", broken))


def test_pdfminer_boxes_of_the_table_before_a_table_tools_copy_are_read_not_the_copy():
    copy = ("\n| 序号 | 重点任务 | 责任单位 | 完成时限 |\n|:--|:--|:--|--:|\n"
            "| 1 | 实施县城商业提质工程,支每个县 | 省发展改革委、省建 | nan |\n")
    source = SourceText("t.txt", "浙政办发〔2026〕9号\n\n" + ROW_BOXES + copy)
    assert choose_reader(source) == "flat-table"
    plan, _ = read_path_of(source.raw)
    assert [t.key for t in plan.tasks] == ["1", "2", "3", "4", "5"]
    # the copy alone is read as the pipe table it is, the page text alone as its boxes
    assert choose_reader(SourceText("t.txt", "浙政办发〔2026〕9号\n" + copy)) == "tabular"
    assert choose_reader(SourceText("t.txt", "浙政办发〔2026〕9号\n\n" + ROW_BOXES)) == "flat-table"
    assert choose_reader(SourceText("t.txt", "合政办秘〔2026〕8号\n\n" + LEADER_BOXES)) == "flat-table"


# pdfminer's boxes of an unruled-looking table with a 责任领导 column: 序 / 号 over two lines, the table's title among
# the header's boxes, a person and the lead side by side (何光辉 市发展改 / 革委), row 2's 配合单位 printed after row
# 3's lead (each column keeps its cells' order), a person alone and the lead in its own box, a date cut beside the
# 配合单位 (2026年1 / 2月), the task's text broken into a box after the units
LEADER_BOXES = boxes(
    "合肥市人民政府办公室关于加快充电设施建设的通知", "附件", "序\n号", "合肥市充电设施建设重点任务清单", "工作任务",
    "责任领导 牵头单位", "配合单位", "完成时限",
    "1 编制全市充电设施专项规\n划，纳入国土空间规划", "何光辉 市发展改", "革委", "市自然资源和规\n划局、供电公司",
    "2026年6\n月", "2 在商业中心新建公共充电\n桩", "何光辉 市发展改", "革委",
    "3 推进既有居住社区充电设施建设", "周立群 市住房保\n障和房产\n管理局", "市城乡建设局、\n市交通运输局",
    "2028年1\n2月", "市城乡建设局、\n供电公司", "2027年1\n2月",
    "— 2 —", "合政办秘〔2026〕8号", "序\n号", "工作任务", "责任领导 牵头单位", "配合单位", "完成时限",
    "4 加强配电网建设改造，简化充电", "何光辉", "供电公司", "市发展改革委 2026年1", "设施报装流程，压缩接电时间", "2月",
    "抄送：市委各部门。")


def test_a_boxed_table_with_a_leaders_column_deals_each_columns_cells_in_order():
    plan = flat_table.read(SourceText("boxed.txt", "合政办秘〔2026〕8号\n\n" + LEADER_BOXES), jurisdiction="340100")
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "编制全市充电设施专项规划，纳入国土空间规划",
         [("市发展改革委", "lead"), ("市自然资源和规划局", "cooperating"), ("供电公司", "cooperating")]),
        ("2", "在商业中心新建公共充电桩",
         [("市发展改革委", "lead"), ("市城乡建设局", "cooperating"), ("市交通运输局", "cooperating")]),
        ("3", "推进既有居住社区充电设施建设",
         [("市住房保障和房产管理局", "lead"), ("市城乡建设局", "cooperating"), ("供电公司", "cooperating")]),
        ("4", "加强配电网建设改造，简化充电设施报装流程，压缩接电时间",
         [("供电公司", "lead"), ("市发展改革委", "cooperating")])]
    # the persons are no units
    assert not {"何光辉", "周立群"} & {u.name for t in plan.tasks for u in t.units}


def test_a_boxed_table_with_a_leaders_column_missing_a_rows_cells_is_not_guessed_at():
    broken = LEADER_BOXES.replace("桩\n\n何光辉 市发展改\n\n革委\n\n", "桩\n\n")  # row 2's person and lead gone
    with pytest.raises(ReadError, match="do not fill"):
        flat_table.read(SourceText("boxed.txt", broken), jurisdiction="340100")


# OCR by cells (img2table's cells, RapidOCR's lines; set 53): a narrow digit alone in its 序号 cell is lost while the
# row's other cells are whole, and a cell's lines are joined with a space
OCR_TSV = ("序 号\t工作任务\t责任单位\t完成时 限\n"
           "\t建设原创设计中心，引进国内外 知名设计团队10个以上\t县商务局、县工业和 信息化局\t2027年 底\n"
           "2\t开展设计大赛，设立原创设计奖 励，加强知识产权保护\t县市场监管局、县文 化和旅游局\t每年\n"
           "3\t建设智能制造产业园，推动企业 应用智能裁剪设备\t县工业和信息化局\t2028年 底\n"
           "\t拓展直播电商、跨境电商等销售 渠道，建设直播基地3个\t县商务局、县电子商 务服务中心\t持续推 进\n"
           "5\t加强设计、制版、电商运营等专 业人才培养\t县人力资源社会保障 局\t每年\n"
           "\t开展产业统计监测，建立重点企 业联系制度\t县统计局、县税务局\t持续推 进\n")


def test_rows_whose_number_ocr_lost_are_numbered_by_the_gap_their_neighbours_leave():
    plan = tabular.read(SourceText("t.txt", OCR_TSV))
    # 1 opens the run before 2; 4 fills the gap between 3 and 5; the table losing numbers, the last row after 5 is 6
    assert [(t.number, t.label, units(t)[0][0]) for t in plan.tasks] == [
        (1, "1", "县商务局"), (2, "2", "县市场监管局"), (3, "3", "县工业和信息化局"), (4, "4", "县商务局"),
        (5, "5", "县人力资源社会保障局"), (6, "6", "县统计局")]
    assert sum("empty or misread" in p.message for p in plan.problems) == 3
    # the cells' spaces are where their lines wrapped (each piece but the last as wide as the column): no text's
    assert plan.tasks[4].text == "加强设计、制版、电商运营等专业人才培养"


def test_a_markdown_table_over_a_page_break_whose_rows_lost_their_numbers():
    text = ("| 序 号 | 重点任务 | 负责部门 |\n| --- | --- | --- |\n"
            "|  | 进一步压减企业开办时间，推行企业登记、 公章刻制、申领发票等“一网通办” | 市场监管总局、公安部、 税务总局 |\n"
            "| 2 | 全面推开“证照分离”改革，对所有涉企 经营许可事项实行清单管理 | 市场监管总局、司法部 |\n"
            "|  | 缓解民营企业和小微企业融资难融资贵问 题，完善续贷政策 | 人民银行、银保监会、财 政部 |\n"
            "\n— 6 —\n\n| 序 号 | 重点任务 | 负责部门 |\n| --- | --- | --- |\n"
            "| 4 | 推进跨境贸易便利化，进一步压缩货物通 关时间 | 海关总署、商务部 |\n")
    plan = tabular.read(SourceText("t.md", text))
    # a whole row with an empty 序号 before 2 (or between 2 and 4) is no line above 2's (camelot's centred rows)
    assert [(t.number, [u.name for u in t.units]) for t in plan.tasks] == [
        (1, ["市场监管总局", "公安部", "税务总局"]), (2, ["市场监管总局", "司法部"]),
        (3, ["人民银行", "银保监会", "财政部"]), (4, ["海关总署", "商务部"])]


@pytest.mark.parametrize("rows", [
    "1\t推进甲项工作。\t市商务局\n\t推进乙项工作。\t市财政局\n2\t推进丙项工作。\t市民政局\n",  # no gap: proves nothing
    "1\t推进甲项工作。\t市商务局\n\t推进乙项工作。\t市财政局\n\t推进丙项工作。\t市民政局\n"
    "4\t推进丁项工作。\t市统计局\n",  # two rows in a gap of two: which is which is not proved
    "\t推进乙项工作。\t市财政局\n3\t推进丙项工作。\t市民政局\n",  # a first row before 3 (not 2)
])
def test_a_row_with_no_number_its_neighbours_do_not_prove_stays_unread(rows):
    plan = tabular.read(SourceText("t.txt", "序号\t工作任务\t责任单位\n" + rows))
    assert "推进乙项工作。" not in [t.text for t in plan.tasks]
    assert any("no number" in p.message for p in plan.problems)


def test_a_row_with_no_number_and_no_units_is_not_numbered_by_the_gap():
    text = "序号\t工作任务\t责任单位\n1\t推进甲项工作。\t市商务局\n\t推进乙项工作。\t\n3\t推进丙项工作。\t市民政局\n"
    plan = tabular.read(SourceText("t.txt", text))
    assert [t.number for t in plan.tasks] == [1, 3]


@pytest.mark.parametrize(("cells", "wrap"), [
    (["建设汉服原创设计中心，引进国内外 知名设计团队10个以上，每年发布原 创设计作品1000款以上",
      "开展汉服设计大赛，设立原创设计奖 励，加强知识产权保护", "实施品牌培育工程"], True),
    (["进一步压减企业开办时间，推行企业登记、 公章刻制、申领发票和税控设备、员工参 保登记等“一网通办”",
      "全面推开“证照分离”改革，对所有涉企 经营许可事项实行清单管理"], True),
    # an author's spaces part words of any width
    (["制定数字乡村建设指南 第2部分", "修订核算与报告指南 印染行业", "发布团体标准 智慧农业 数据采集规范"], False),
    (["推进企业开办 便利化", "优化审批 流程"], False),  # too narrow for a column's full line
    (["建设汉服原创设计中心，引进国内外 知名设计团队"], False),  # one wrap decides nothing
])
def test_spaces_that_are_a_cells_wraps(cells, wrap):
    assert tabular._spaces_wrap(cells) is wrap


# a ledger (xlsx → CSV, merged cells empty below their first row) whose second task column only describes
LEDGER_MEASURES = ("序号,重点任务,工作措施,责任领导,牵头单位,责任单位,完成时限\n"
                   "1,扩大文旅体育消费,推出精品旅游线路20条。,李文涛,市文广旅局,市商务局,2026年12月\n"
                   ",,引进举办重大体育赛事15项以上。,,市体育局,市公安局,持续推进\n"
                   "2,培育数字消费新场景,建设数字消费体验中心10个。,陈宇航,市商务局,市数据局,2027年12月\n"
                   "3,优化服务消费环境,开展放心消费创建活动。,周启明,市市场监管局,市商务局,持续推进\n"
                   ",,建立服务消费统计监测体系。,,市统计局,市商务局,2026年9月\n"
                   "4,加大服务消费金融支持,鼓励金融机构开发消费信贷产品。,王立群,市委金融办,市财政局,2026年12月\n")


def test_a_ledger_item_of_one_row_is_named_by_its_task_where_the_measure_column_only_describes():
    plan = tabular.read(SourceText("t.csv", LEDGER_MEASURES))
    assert [(t.key, t.text) for t in plan.tasks] == [
        ("1-1", "推出精品旅游线路20条。"), ("1-2", "引进举办重大体育赛事15项以上。"),
        ("2", "培育数字消费新场景"), ("3-1", "开展放心消费创建活动。"), ("3-2", "建立服务消费统计监测体系。"),
        ("4", "加大服务消费金融支持")]
    # a 具体措施 names every row's task, an item of one row too (LEDGER_CSV's item 2)
    specific = tabular.read(SourceText("t.csv", LEDGER_MEASURES.replace("工作措施", "具体措施")))
    assert [t.text for t in specific.tasks if "-" not in t.key] == ["建设数字消费体验中心10个。",
                                                                  "鼓励金融机构开发消费信贷产品。"]


SKEWED = ("| 工作任务 | 牵头单位 |\n| --- | --- |\n"
          "| 编制商务楼宇发展布局规划 | 区发展和改革局 |\n| 推动老旧楼宇更新改造 | 区住房建设和交通局 |\n\n"
          "序\n号配合单位\n区商务局、区住房建设和1交通局\n区财政局、区城市更新局\n-5-\n\n"
          "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n| --- | --- | --- | --- |\n"
          "| 3 | 建立楼宇经济统计监测制度 | 区统计局 | 区税务局、区商务局 |\n")


def test_a_table_whose_header_printed_again_names_columns_its_first_printing_lacks_is_refused():
    # img2table on a skewed scan found the middle columns only on the first page; the next page's table is whole
    with pytest.raises(ReadError) as refused:
        tabular.read(SourceText("t.md", SKEWED))
    assert "序号、配合单位" in refused.value.problems[-1].message


def test_a_header_printed_again_with_the_same_columns_is_furniture():
    text = SKEWED.replace("| 工作任务 | 牵头单位 |\n| --- | --- |", "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n"
                          "| --- | --- | --- | --- |").replace("| 编制商务楼宇发展布局规划 | 区发展和改革局 |",
                                                            "| 1 | 编制商务楼宇发展布局规划 | 区发展和改革局 | 区商务局 |"
                                                            ).replace("| 推动老旧楼宇更新改造 | 区住房建设和交通局 |",
                                                                      "| 2 | 推动老旧楼宇更新改造 | 区住房建设和交通局 | 区财政局 |")
    plan = tabular.read(SourceText("t.md", text))
    assert [t.number for t in plan.tasks] == [1, 2, 3]


@pytest.mark.parametrize("misread", ["l", "I", "]", "|"])
def test_a_number_ocr_misread_as_a_letter_or_mark_is_numbered_by_the_gap(misread):
    text = ("序号,工作任务,牵头单位,配合单位\n1,推进甲项工作。,市商务局,市财政局\n"
            f"\"{misread}\",推进乙项工作。,市民政局,市财政局\n3,推进丙项工作。,市统计局,市商务局\n")
    plan = tabular.read(SourceText("t.csv", text))
    assert [(t.number, t.text) for t in plan.tasks] == [
        (1, "推进甲项工作。"), (2, "推进乙项工作。"), (3, "推进丙项工作。")]


def test_a_number_cell_holding_words_is_no_misread_number():
    text = ("序号,工作任务,牵头单位,配合单位\n1,推进甲项工作。,市商务局,市财政局\n"
            "其他,推进乙项工作。,市民政局,市财政局\n3,推进丙项工作。,市统计局,市商务局\n")
    plan = tabular.read(SourceText("t.csv", text))
    assert [t.number for t in plan.tasks] == [1, 3]


def test_a_header_printed_again_narrower_ends_the_table_with_an_error():
    text = ("| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n| --- | --- | --- | --- |\n"
            "| 1 | 编制商务楼宇发展布局规划 | 区发展和改革局 | 区商务局 |\n\n-5-\n\n"
            "| 工作任务 | 牵头单位 |\n| --- | --- |\n| 推动老旧楼宇更新改造 | 区住房建设和交通局 |\n")
    plan = tabular.read(SourceText("t.md", text))
    assert [(t.number, units(t)) for t in plan.tasks] == [(1, [("区发展和改革局", "lead"), ("区商务局", "cooperating")])]
    assert any("2 of its 4 columns" in p.message and p.severity == "error" for p in plan.problems)


# unstructured's partition_pdf (fast: pdfminer's text boxes), each element's printed lines joined by a space and the
# elements by a blank line: a header cell wrapped in its narrow column (序 号), a short row's cells run together on
# one line, and the page's last column (完成时限), its header with it, printed after the page's other cells
UNSTRUCTURED_BOXES = boxes(
    "杭州市人民政府办公厅关于印发杭州市公共数据授权运营 实施方案的通知", "附件", "重点任务分工表", "序 号", "重点任务", "责任单位", "一、夯实数据基础",
    "1", "编制全市统一的公共数据资 源目录", "市数据局、市委网信办",
    "2 建立数据质量问题闭环机制 市数据局、市市场监管局",
    "二、推进授权运营", "3", "出台公共数据授权运营管理 办法实施细则", "市数据局、市司法局、市财政局",
    "4 规范授权运营收益分配", "市财政局、市数据局、市国资委",
    "— 2 —", "完成时 限", "2026年6 月", "每年12 月", "持续推 进", "2027年6 月",
    "三、强化支撑保障", "5 探索制定数据出境负面清单 市委网信办、市商务局", "6", "建设数据产教融合基地",
    "市教育局、市人力社保局、市数据局",
    "注：排在第一位的为牵头单位；各区县（市）政府负责本地区相关工作落实，表中", "不再一一列出。",
    "— 3 —", "2026年 12月", "2027年 12月")


def test_a_table_of_text_boxes_with_rows_run_together_and_a_column_after_the_page():
    source = SourceText("boxes.txt", UNSTRUCTURED_BOXES)
    assert choose_reader(source) == "flat-table"
    plan = flat_table.read(source)
    carried = ("各区县（市）政府", "implementing")  # the note under the table, its sentence parted by a blank line
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "编制全市统一的公共数据资源目录", [("市数据局", "lead"), ("市委网信办", "participant"), carried]),
        ("2", "建立数据质量问题闭环机制", [("市数据局", "lead"), ("市市场监管局", "participant"), carried]),
        ("3", "出台公共数据授权运营管理办法实施细则", [("市数据局", "lead"), ("市司法局", "participant"),
                                                     ("市财政局", "participant"), carried]),
        ("4", "规范授权运营收益分配", [("市财政局", "lead"), ("市数据局", "participant"),
                                     ("市国资委", "participant"), carried]),
        ("5", "探索制定数据出境负面清单", [("市委网信办", "lead"), ("市商务局", "participant"), carried]),
        ("6", "建设数据产教融合基地", [("市教育局", "lead"), ("市人力社保局", "participant"),
                                     ("市数据局", "participant"), carried])]
    assert [s.title for s in plan.sections] == ["一、夯实数据基础", "二、推进授权运营", "三、强化支撑保障"]


def test_a_table_of_text_boxes_whose_lines_are_printed_apart_reads_the_same():
    # the same boxes with each printed line on a line of its own (the spaces a line end): 序 / 号 is one header cell
    lines = re.sub(r"(?<=[\u4e00-\u9fff\d]) (?=[\u4e00-\u9fff\d])", "\n", UNSTRUCTURED_BOXES)
    assert "序\n号" in lines and "2\n建立数据质量问题闭环机制\n市数据局" in lines
    plan = flat_table.read(SourceText("boxes.txt", lines))
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        (t.key, t.text, units(t)) for t in flat_table.read(SourceText("boxes.txt", UNSTRUCTURED_BOXES)).tasks]
    assert len(plan.tasks) == 6


def test_a_row_run_together_with_a_lead_and_a_cooperating_cell_keeps_them_apart():
    text = boxes("杭州市公共数据授权运营实施方案", "序号", "工作任务", "牵头单位", "配合单位", "1 建立数据质量问题闭环机制 市数据局 市市场监管局、市财政局",
                 "2", "出台公共数据授权运营管理 办法实施细则", "市数据局", "市司法局")
    plan = flat_table.read(SourceText("boxes.txt", text))
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1", [("市数据局", "lead"), ("市市场监管局", "cooperating"), ("市财政局", "cooperating")]),
        ("2", [("市数据局", "lead"), ("市司法局", "cooperating")])]


def test_a_table_of_text_boxes_whose_unit_cells_are_scattered_is_refused():
    # the unit column printed after the page's other cells: which row each belongs to the text cannot say
    scattered = boxes("杭州市公共数据授权运营实施方案", "序号", "工作任务", "牵头单位", "1 建立数据质量问题闭环机制", "2 出台公共数据授权运营管理办法",
                      "3", "规范授权运营收益分配", "— 2 —", "市数据局", "市司法局、市财政局")
    with pytest.raises(ReadError, match="do not align"):
        flat_table.read(SourceText("boxes.txt", scattered))
    # a unit cell missing from a row run together: the counts no longer align
    short = UNSTRUCTURED_BOXES.replace("市委网信办、市商务局", "").replace("5 探索制定数据出境负面清单 ", "5 探索制定数据出境负面清单")
    with pytest.raises(ReadError, match="do not align"):
        flat_table.read(SourceText("boxes.txt", short))


def test_header_cells_wrapped_in_their_narrow_column_are_one_cell():
    assert flat_table._header_cells("序 号 工作任务") == ["序号", "工作任务"]
    assert flat_table._header_cells("完成时 限") == ["完成时限"]
    assert flat_table._header_cells("序号 工作任务 牵头单位") == ["序号", "工作任务", "牵头单位"]
    assert flat_table._header_cells("牵头单位 配合单位") == ["牵头单位", "配合单位"]  # two headers stay two


def test_a_note_parted_by_a_text_box_break_is_read_whole():
    from fengong.readers.lexicon import lexicon_for
    from fengong.readers.rows import carried_by_notes

    lexicon = lexicon_for("330100")

    def carried(text: str) -> list:
        return [(u.name, u.role) for u in carried_by_notes(SourceText("note.txt", text), lexicon, set())]

    unit = [("各区县（市）政府", "implementing")]
    # pdfminer's boxes part the note's sentence with a blank line (…落实，表中 / / 不再一一列出。)
    assert carried("注：排在第一位的为牵头单位；各区县（市）政府负责本地区相关工作落实，表中\n\n不再一一列出。\n") == unit
    # a heading above a blank line is no part of the note's sentence; a sentence that ended above parts it too
    assert carried("三、保障措施\n\n各区县（市）政府负责本地区相关工作落实，表中不再一一列出。\n") == unit
    assert carried("注：排在第一位的为牵头单位。\n\n各区县（市）政府负责本地区相关工作落实，表中不再一一列出。\n") == unit
    assert carried("各区县（市）政府负责本地区相关工作落实，表中\n\n\n\n不再一一列出。\n") == []  # paragraphs apart


def test_a_numbered_paragraph_after_a_flat_table_is_no_row_run_together():
    # the table ends at a line that opens with a number and text but not the next row's: the rows read stand
    text = ("杭州市公共数据授权运营实施方案\n序号\n工作任务\n牵头单位\n1\n建立数据质量问题闭环机制\n市数据局\n"
            "2\n出台公共数据授权运营管理办法\n市司法局\n1 各区县（市）要加强组织领导，确保各项任务落到实处。\n")
    plan = flat_table.read(SourceText("flat.txt", text))
    assert [(t.key, units(t)) for t in plan.tasks] == [("1", [("市数据局", "lead")]), ("2", [("市司法局", "lead")])]


# A table one cell a line (pdfminer's text boxes, unstructured's elements): a row whose one-line task cell sits on
# its number's baseline is printed as one line with the number (set 56: jianghan).
ROWS_ONE_A_LINE = """附件
序号
工作任务
责任单位
1
深化“高效办成一件事”改革，新增企业信 息变更等重点事项10项以上
区行政审批局、区数据局
{two}
区市场监管局、区财政局、区发 改局
3
推进政府采购领域突出问题整 治
区财政局、区发改局
"""


@pytest.mark.parametrize("two", ["2 开展涉企违规收费专项整治", "2. 开展涉企违规收费专项整治",
                                 "2\u3000开展涉企违规收费专项整治", "2 开展涉企违规收费 专项整治"])
def test_a_rows_number_and_its_one_line_first_cell_on_one_line(two):
    plan = flat_table.read(SourceText("t.txt", ROWS_ONE_A_LINE.format(two=two)))
    assert [(t.number, t.text) for t in plan.tasks] == [
        (1, "深化“高效办成一件事”改革，新增企业信息变更等重点事项10项以上"), (2, "开展涉企违规收费专项整治"),
        (3, "推进政府采购领域突出问题整治")]
    assert units(plan.tasks[1]) == [("区市场监管局", "lead"), ("区财政局", "participant"), ("区发改局", "participant")]
    assert not [p for p in plan.problems if p.severity == "error"]


def test_a_line_running_every_cell_of_the_next_row_together_is_refused_not_read_as_a_joined_row():
    text = ROWS_ONE_A_LINE.format(two="2 开展涉企违规收费专项整治 区市场监管局、区财政局")
    with pytest.raises(ReadError, match="run together"):
        flat_table.read(SourceText("t.txt", text))


def test_a_line_opening_with_another_rows_number_is_no_joined_row():
    text = ROWS_ONE_A_LINE.format(two="3 开展涉企违规收费专项整治")
    try:
        tasks = flat_table.read(SourceText("t.txt", text)).tasks
    except ReadError:
        return  # refused: fine, never misread
    assert "开展涉企违规收费专项整治" not in [t.text for t in tasks]
    assert all("开展" not in u.name for t in tasks for u in t.units)


def test_a_joined_rows_next_line_must_be_its_other_cell_not_a_section_row():
    text = ROWS_ONE_A_LINE.format(two="2 建立数据质量问题闭环机制 区数据局、区市场监管局\n二、推进授权运营")
    text = text.replace("区市场监管局、区财政局、区发 改局\n", "")
    try:
        tasks = flat_table.read(SourceText("t.txt", text)).tasks
    except ReadError:
        return
    assert not any(u.name.startswith("二、") or "推进授权运营" in u.name for t in tasks for u in t.units)


@pytest.mark.parametrize("note", ["注：各街道办事处负责本辖区相关任务落实，表中不再一一列出。",
                                  "备注：各街道办事处负责本辖区相关任务落实，不再一一列出。"])
def test_a_standing_note_printed_on_the_last_rows_line_is_cut_from_its_cell_and_carried(note):
    text = ROWS_ONE_A_LINE.format(two="2\n开展涉企违规收费专项整治").replace(
        "推进政府采购领域突出问题整 治\n", f"推进政府采购领域突出问题整 治 {note}\n")
    plan = flat_table.read(SourceText("t.txt", text))
    assert plan.tasks[2].text == "推进政府采购领域突出问题整治"
    assert [[(u.name, u.role) for u in t.units if u.carried] for t in plan.tasks] == [
        [("各街道办事处", "implementing")]] * 3


@pytest.mark.parametrize("cell", [
    "推进政府采购领域突出问题整治 注：含招标投标领域",  # a note of the cell's own: no units left out
    "推进政府采购领域突出问题整治注：各街道办事处负责本辖区相关任务落实，表中不再一一列出。",  # no space: the cell's
])
def test_a_cells_own_note_stays_in_the_cell_and_carries_nothing(cell):
    text = ROWS_ONE_A_LINE.format(two="2 开展涉企违规收费专项整治").replace("推进政府采购领域突出问题整 治\n", cell + "\n")
    plan = flat_table.read(SourceText("t.txt", text))
    assert plan.tasks[2].text.startswith("推进政府采购领域突出问题整治")
    assert not [u for t in plan.tasks for u in t.units if u.carried]


# (set 62: wuhou) mutool's stext lines joined, a blank line after each block: a block may hold several cells' lines
# or part of one cell, the cells of one baseline share a line parted by a space, the header's 序 / 号 wrapped
STEXT_LINES = ("附件\n\n某区城市更新重点任务分工表\n\n序\n\n号\n重点任务\n\n责任单位\n\n完成时限\n\n牵头\n配合\n\n"
               "1\n\n编制玉林、簇桥等重点片区更新单\n\n元实施方案，明确片区功能定位、\n\n更新方式和资金平衡方案\n\n"
               "区住建交通局\n\n市规划和自然资源\n\n局武侯分局、区发\n\n改局\n\n2026年1\n\n0月\n\n"
               "2\n\n推动区属国有企业作为片区综合开\n\n发主体，探索建设运营一体化模式\n\n"
               "区国资金融局 区住建交通局、区财\n\n政局\n\n2027年1\n\n2月\n\n"
               "— 4 —\n\n序\n\n号\n重点任务\n\n责任单位\n\n完成时限\n\n牵头\n配合\n\n"
               "3\n发展社区养老、托育、健身等品质提\n\n升类服务\n\n区民政局、区\n\n卫健局\n\n区文体旅局、区教育\n\n"
               "局、各街道办事处\n\n2028年1\n\n2月\n\n"
               "4\n建立城市更新项目库，实行“一项\n\n目一专班”推进机制\n区住建交通局 区发改局、区投资促\n\n进局\n\n"
               "持续推进\n\n抄送：区委办公室。\n")


def test_a_table_printed_as_a_pdf_tools_page_lines_reads_each_piece_as_its_cells_line():
    plan = flat_table.read(SourceText("stext.txt", STEXT_LINES))
    assert [(t.key, t.text[:6], units(t)) for t in plan.tasks] == [
        ("1", "编制玉林、簇", [("区住建交通局", "lead"), ("市规划和自然资源局武侯分局", "cooperating"),
                           ("区发改局", "cooperating")]),
        ("2", "推动区属国有", [("区国资金融局", "lead"), ("区住建交通局", "cooperating"), ("区财政局", "cooperating")]),
        ("3", "发展社区养老", [("区民政局", "lead"), ("区卫健局", "lead"), ("区文体旅局", "cooperating"),
                           ("区教育局", "cooperating"), ("各街道办事处", "cooperating")]),
        ("4", "建立城市更新", [("区住建交通局", "lead"), ("区发改局", "cooperating"), ("区投资促进局", "cooperating")])]


# (set 64: wuhou) PDFBox's lines through Tika's XHTML: the 责任领导 cell and a 牵头单位 cell merged over rows
# printed once, in the first row of their span; the page's foot (the issuer) printed before its number
PDFBOX_LINES = ("某区人民政府办公室\n\n附件\n某区重点任务清单\n\n序\n号\n\n重点任务 责任领导 牵头单位 责任单位 完成时限\n"
                "一、提升政务服务效能\n\n1\n推进“高效办成一件事”扩面增效，\n年内新增上线重点事项不少于15\n项\n\n"
                "区政府副\n区长 刘建\n\n区行政审批\n局\n\n区网络理政办、区\n人社局、区市场监\n\n管局\n2026年12\n\n月底\n\n"
                "2\n建立企业诉求“接诉即办”闭环机制，\n依托亲清在线平台实行分级分类办\n理\n\n"
                "区网络理政\n办 各街道办事处 持续推进\n\n某区人民政府办公室\n\n— 5 —\n\n"
                "序\n号\n\n重点任务 责任领导 牵头单位 责任单位 完成时限\n"
                "二、营造公平竞争的市场环境\n1\n\n落实市场准入负面清单制度，全\n面清理妨碍公平竞争的政策措施\n\n"
                "区政府副\n区长 周颖\n\n区市场监管\n局\n\n区发改局、区司法\n局\n\n2026年6\n月底\n\n"
                "2\n推行“综合查一次”和信用分级分类\n监管，统筹制定年度涉企行政检\n查计划\n\n"
                "区司法局、区住建\n交通局、区应急局、\n\n区卫健局\n2026年12\n\n月底\n\n"
                "某区人民政府办公室\n\n— 6 —\n\n抄送：区委办公室。\n")


def test_cells_merged_over_rows_printed_once_in_a_pdf_tools_page_lines():
    plan = flat_table.read(SourceText("pdfbox.txt", PDFBOX_LINES))
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1.1", [("区行政审批局", "lead"), ("区网络理政办", "participant"), ("区人社局", "participant"),
                 ("区市场监管局", "participant")]),
        ("1.2", [("区网络理政办", "lead"), ("各街道办事处", "participant")]),  # no 责任领导 printed: the lead's
        ("2.1", [("区市场监管局", "lead"), ("区发改局", "participant"), ("区司法局", "participant")]),
        # the merged 牵头单位 printed in the row above
        ("2.2", [("区市场监管局", "lead"), ("区司法局", "participant"), ("区住建交通局", "participant"),
                 ("区应急局", "participant"), ("区卫健局", "participant")])]


@pytest.mark.parametrize("broken", [
    STEXT_LINES.replace("区国资金融局 区住建交通局、区财\n\n政局", "加快推进\n\n有关工作"),  # a row with no units
    STEXT_LINES.replace("\n3\n", "\n5\n"),  # 序号 that do not count up by one
])
def test_a_pdf_tools_page_lines_whose_rows_do_not_all_read_are_refused(broken):
    with pytest.raises(ReadError, match="do not align"):
        flat_table.read(SourceText("stext.txt", broken))


# pdftotext -layout on a ruled table whose cells are centred in their rows (set 62, hefei): 序 / 号 wrapped in the
# narrow number column stand above and under the header line; a row's lines around its number, rows a blank line
# apart; a 牵头单位 merged over two rows printed once, centred over the span (on the line between them or in the
# second row's first line); a 责任领导 column, merged too, holds persons; the second page's table stands a column
# further right, its header repeated after the running head and blank lines.
def _chars(*parts: tuple[int, str], shift: int = 0) -> str:
    """A line of pdftotext -layout: each text at its character column."""
    out = ""
    for at, text in parts:
        out = out.ljust(at + shift) + text
    return out


def _ruled(shift: int, rows: list[list[tuple[int, str]]]) -> list[str]:
    header = [_chars((0, "序"), shift=shift),
              _chars((10, "工作任务"), (22, "责任领导"), (31, "牵头单位"), (40, "责任单位"), (52, "完成时限"), shift=shift),
              _chars((0, "号"), shift=shift), ""]
    return header + [_chars(*parts, shift=shift) if parts else "" for parts in rows]


CENTRED_RULED = "\n".join([
    "附件", "", "              某区重点任务清单",
    *_ruled(0, [
        [(3, "推进企业开办便利化，压缩开办")],
        [(3, "时间至1个工作日，实现“一网通"), (31, "区市场监"), (40, "区政务服务中心、区"), (52, "2026年6")],
        [(0, "1")],
        [(3, "办”全覆盖"), (32, "管局"), (40, "税务局、区公安分局"), (52, "月底前")],
        [(22, "区政府分")],
        [(3, "开展涉企收费专项清理，建立长"), (22, "管副区长")],
        [(40, "区财政局、区审计局"), (52, "2026年9")],
        [(0, "2"), (3, "效监管机制")],
        [(52, "月底前")],
        [(31, "区发改局")],
        [(3, "推广“一业一证”改革，拓展行业"), (40, "区市场监管局、区司")],
        [(52, "2026年12")],
        [(0, "3"), (3, "综合许可范围，压减审批环节"), (40, "法局、各街道办事处")],
        [(52, "月底前")],
        [], [], [], [(24, "—2—")], [(43, "某政办〔2026〕3号")], [], [], []]),
    *_ruled(1, [
        [(3, "深化工程建设项目审批改革，压"), (22, "区政府分"), (31, "区住建局"), (40, "区规资分局、区人防"), (52, "2026年12")],
        [(0, "4")],
        [(3, "缩审批时间"), (22, "管副区长"), (40, "办"), (52, "月底前")],
        [],
        [(3, "注：责任领导按区政府领导分工确定。")]]),
    ""])


def test_a_ruled_layout_table_with_centred_rows_and_merged_cells():
    plan, name = read_path_of(CENTRED_RULED)
    assert name == "pdf-table"
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "推进企业开办便利化，压缩开办时间至1个工作日，实现“一网通办”全覆盖",
         [("区市场监管局", "lead"), ("区政务服务中心", "participant"), ("区税务局", "participant"),
          ("区公安分局", "participant")]),
        # the lead printed on the line between rows 2 and 3 is merged over both
        ("2", "开展涉企收费专项清理，建立长效监管机制",
         [("区发改局", "lead"), ("区财政局", "participant"), ("区审计局", "participant")]),
        ("3", "推广“一业一证”改革，拓展行业综合许可范围，压减审批环节",
         [("区发改局", "lead"), ("区市场监管局", "participant"), ("区司法局", "participant"),
          ("各街道办事处", "participant")]),
        ("4", "深化工程建设项目审批改革，压缩审批时间",
         [("区住建局", "lead"), ("区规资分局", "participant"), ("区人防办", "participant")])]


def test_a_layout_row_without_a_lead_takes_none_where_the_merge_is_not_said():
    from fengong.readers import layout
    from fengong.readers.lines import LineIndex
    # negatives: the lead printed on row 3's own line stands as far from row 2 as row 1's (which cell is merged over
    # row 2 is not said): row 2 stays without a lead; a line above the header that makes no header with the line
    # under it (附 / 件), or whose half under it stands elsewhere, is no number column
    text = CENTRED_RULED.replace("\n" + _chars((31, "区发改局")) + "\n", "\n\n", 1).replace(
        _chars((3, "推广“一业一证”改革，拓展行业"), (40, "区市场监管局、区司")),
        _chars((3, "推广“一业一证”改革，拓展行业"), (31, "区发改局"), (40, "区市场监管局、区司")))
    text = text.replace(_chars((3, "办”全覆盖"), (32, "管局"), (40, "税务局、区公安分局"), (52, "月底前")) + "\n",
                        _chars((3, "办”全覆盖"), (32, "管局"), (40, "税务局、区公安分局"), (52, "月底前")) + "\n\n")
    plan, _ = read_path_of(text)
    two, three = (next(t for t in plan.tasks if t.key == key) for key in ("2", "3"))
    assert [name for name, _ in units(two)] == ["区财政局", "区审计局"]  # no lead merged over it
    assert units(three) == [("区发改局", "lead"), ("区市场监管局", "participant"), ("区司法局", "participant"),
                            ("各街道办事处", "participant")]
    assert layout._around(LineIndex("附\n   工作任务   牵头单位   责任单位\n件\n").lines, 1) is None
    assert layout._around(LineIndex("序\n   工作任务   牵头单位   责任单位\n    号\n").lines, 1) is None


# pdftotext (no -layout) on an unruled table (set 62, yuhang): a row's number alone or before its text, then its
# lines, the lines of its cells that share a baseline side by side a space apart, a unit name wrapped in its cell
# parted by the task's text (区 / 财政局), the 完成时限's pieces (2026年12 / 月底) on lines of their own or after the
# units; 序 / 号 printed around the header's other cells; the header again after the page break.
SIDE_BY_SIDE = """—3—

某政办发〔2026〕3号

附件

某区2026年民生实事项目任务分解表
序
项目名称及建设内容
责任单位
完成时限
号
1
新增公办幼儿园学位3000个，新建改扩建中小学 区教育局、区发改局、区
幼儿园8所，完成中小学食堂“明厨亮灶”改造 财政局、区住建局

2026年9
月底

全覆盖
2

新建嵌入式养老服务中心6家，每千名老年人拥

区民政局、区卫健局、区 2026年12

有养老床位达到40张，开展老年人能力评估

医保分局、各镇街

月底

3000人次以上
3 建成社区卫生服务站10家，推广“家门口 区卫健局牵头，区医保分 2026年12
”慢性病一体化门诊服务 局、各镇街配合

月底

—4—

某政办发〔2026〕3号

序
项目名称及建设内容
责任单位
完成时限
号
4 建设智慧安防小区80个，更换老旧燃气管道150

区公安分局、区住建局、 2026年11

公里，完成高层住宅消防设施改造30幢，为老旧小 区消防救援大队等

月底

区配置电动自行车集中充电设施1000个

注：1.责任单位中排在第一位的为牵头单位；2.各项目的联系区领导按区政府领导工作分工确定。
"""


def test_an_unruled_table_printed_with_its_cells_side_by_side():
    plan, name = read_path_of(SIDE_BY_SIDE)
    assert name == "flat-table"
    assert [(t.key, t.text, units(t), t.open_ended) for t in plan.tasks] == [
        ("1", "新增公办幼儿园学位3000个，新建改扩建中小学幼儿园8所，完成中小学食堂“明厨亮灶”改造全覆盖",
         [("区教育局", "lead"), ("区发改局", "participant"), ("区财政局", "participant"), ("区住建局", "participant")],
         False),
        # a piece alone carries on the open cell (区 / 医保分局) where it reads as names; with figures it is the task's
        ("2", "新建嵌入式养老服务中心6家，每千名老年人拥有养老床位达到40张，开展老年人能力评估3000人次以上",
         [("区民政局", "lead"), ("区卫健局", "participant"), ("区医保分局", "participant"), ("各镇街", "participant")],
         False),
        ("3", "建成社区卫生服务站10家，推广“家门口”慢性病一体化门诊服务",
         [("区卫健局", "lead"), ("区医保分局", "cooperating"), ("各镇街", "cooperating")], False),
        # a cell closed (等) leaves the piece after it to the task, whatever it opens with (区配置…)
        ("4", "建设智慧安防小区80个，更换老旧燃气管道150公里，完成高层住宅消防设施改造30幢，为老旧小区配置电动自行车集中"
              "充电设施1000个",
         [("区公安分局", "lead"), ("区住建局", "participant"), ("区消防救援大队", "participant")], True)]


def test_a_table_side_by_side_is_read_so_only_with_one_unit_column():
    from fengong.readers.lexicon import lexicon_for
    from fengong.readers.lines import LineIndex
    from fengong.textrepair import normalise
    # negatives: two unit columns side by side (which piece is whose is not said), a line of three pieces, a table
    # one cell a line (no line holds two): not this form
    two = SIDE_BY_SIDE.replace("责任单位\n", "牵头单位\n配合单位\n")
    one_a_line = ("序号\n重点任务\n责任单位\n完成时限\n1\n推进老旧小区改造\n区住建局、各镇街\n2026年底前\n"
                  "2\n建设城市书房\n区文广旅体局\n2026年底前\n")
    three = SIDE_BY_SIDE.replace("全覆盖\n2\n", "全覆盖 区民政局 区教育局\n2\n")
    # a table one cell a line whose cells keep a wrap's space (pdfminer's boxes): the piece after the space is no
    # names (信 / 息变更…10项以上), or the piece before it is (区财政局、区发 / 改局)
    wrapped = ROWS_ONE_A_LINE.format(two="2 开展涉企违规收费专项整治")
    for text in (two, one_a_line, three, wrapped, wrapped.replace("信 息变更", "信息变更")):
        source = SourceText("t.txt", text)
        content = [ln for ln in LineIndex(text).lines if not ln.blank]
        at, columns, run = flat_table.find_header(content)
        headers = [normalise(ln.text) for ln in content[at : at + run]]
        names = flat_table.header_names(headers[: len(headers) - (headers[-1] == "号")])
        assert flat_table.read_side_by_side(source, content, at + run, columns, names, headers, lexicon_for(None),
                                            []) is None


@pytest.mark.parametrize(("text", "line"), [
    ("附件\n序号\t工作任务\t牵头单位\t配合单位\n1\t…", 2),
    ('标题\n"序号","具体任务","牵头单位","配合单位","完成时限"\n', 2),
    ("标题\n\n序 号 工作任务 牵头单位 责任单位 完成时限\n", 3),  # unstructured's spaced header cells
    ("| **序号** | 重点任务 | 责任单位 |\n|---|---|---|\n", 1),
    ("附件\n序\n\n项目名称及建设内容\n\n责任单位\n\n完成时限\n号\n", 2),  # 序号 wrapped in a narrow column
    ("序号\n工作任务\n牵头部门\n", 1),
    # OCR (Tesseract's hOCR or TSV words joined with spaces) wraps 序号 with the other cells and spaces their words
    ("附件\n序 工作 任务 牵头 单位 责任 单位 责任 领导\n号\n", 2),
    ("附件\n序 | 任务 类 工作 任务 牵头 单位 | ”配合 单位 | 完成 时\n号 别 限\n", 2),
])
def test_an_unread_tables_header_is_found_in_any_rendering(text, line):
    assert rows.unread_header(text) == line


@pytest.mark.parametrize("text", [
    "各单位要按序号顺序排班，牵头单位要做好统筹，值班人员要坚守岗位，确保信息畅通，重大情况及时报告，不得擅离职守。\n",
    "序号\t项目名称\t建设内容\t完成时限\n1\t…\n",  # no unit column
    "牵头单位：市数据局\n",  # a label, no number column
    "序 工作 任务 完成 时限\n号\n",  # 序号 wrapped, but no unit column
    "序 言 由牵头单位撰写\n号召各单位参与\n",  # running text that opens with 序 and 号
])
def test_no_header_is_claimed_where_no_table_names_units(text):
    assert rows.unread_header(text) is None


# Tesseract --psm 6 reads a table straight across its columns, its rules read as | or “|: a cell wrapped over lines
# has its next line beside the next line of the cell before it
ACROSS = """国家发展改革委关于印发重点任务分工方案的通知
（负责单位中排在第一位的为牵头单位，其他为参与单位）
序       重点任务          负责单位     时间进度
号
1 |加快推进户籍制度改革，城区常住人“| 公安部、国家发展改革委 | 2019年底前
口100万以下的中小城市全面取消落户限制
2 | 建立城市人才入乡激励机制，制定财 | 人力资源社会保障部、农 | 2019年10月
政、金融、社会保障等激励政策，吸“| 业农村部、财政部    底前
引各类人才返乡入乡创业
3 | 统筹城乡社会救助体系，做好城乡社 | 民政部、财政部
会救助兜底工作 |
"""


@pytest.mark.parametrize("second", [
    "政、金融、社会保障等激励政策，吸“| 业农村部、财政部    底前",
    "政、金融、社会保障等激励政策，吸 | 业农村部、财政部",
    "政、金融、社会保障等激励政策，吸|业农村部、财政部 |底前",
])
def test_a_table_row_read_across_its_columns_is_refused_its_neighbours_read(second):
    from fengong.readers.detect import READERS

    source = SourceText("t.txt", ACROSS.replace("政、金融、社会保障等激励政策，吸“| 业农村部、财政部    底前", second))
    assert choose_reader(source) == "pdf-table"
    plan = READERS["pdf-table"](source, jurisdiction="100000")
    # rows whose cells wrap on their own lines are read, the rules around the task's text no part of it
    assert [(t.number, t.text[:10], units(t)) for t in plan.tasks] == [
        (1, "加快推进户籍制度改革", [("公安部", "lead"), ("国家发展改革委", "participant")]),
        (3, "统筹城乡社会救助体系", [("民政部", "lead"), ("财政部", "participant")])]
    (problem,) = [p for p in plan.problems if "across the table's columns" in p.message]
    assert problem.line == 8 and "task 2" in problem.message


FLAT_PARAGRAPHS = """附件
重点任务分工

序号

重点任务

责任单位

完成时限

一、设备更新

1

{task}

省工业和信息化厅、省发展改革委

2026年12月

2

加快更新住宅老旧电梯

省住房城乡建设厅

2026年12月
"""


def test_a_flat_row_whose_cell_wraps_where_blank_lines_part_cells_is_refused_where_it_cannot_end():
    # OCR (Tesseract --psm 3) prints each cell as a paragraph; a row ending where the next row's number stands is
    # read with its wrapped cell whole
    wrapped = FLAT_PARAGRAPHS.format(task="推进工程机械、轨道交通装备、电\n子信息、有色金属、石化等")
    plan = flat_table.read(SourceText("t.txt", wrapped), jurisdiction="430000")
    assert [(t.number, units(t)) for t in plan.tasks] == [
        (1, [("省工业和信息化厅", "lead"), ("省发展改革委", "participant")]), (2, [("省住房城乡建设厅", "lead")])]
    assert plan.tasks[0].text.endswith("石化等")
    # the next row's number lost (OCR): where the row ends is unknown, and its task's second line is no unit cell
    with pytest.raises(ReadError) as refused:
        flat_table.read(SourceText("t.txt", wrapped.replace("\n2\n\n", "\n")), jurisdiction="430000")
    assert any(p.line == 14 and "cannot be told apart" in p.message for p in refused.value.problems)



def test_a_piped_row_whose_cells_go_on_out_of_their_columns_is_refused():
    # Tesseract's TSV words joined with spaces, its rules read as |: row 1's cells wrap onto the next line with no
    # empty cells to keep their columns (市 交通 运 / 输 局): which piece is whose is unknown
    text = ("序 | 工作 任务 | 牵头 单位 | 配合 单位\n1 | 推动 大 宗 货物 运 “| 市 交通 运 | 市 发 改 委 、 赣\n"
            "输 结构 调整 | 输 局 | 州 车 务 段\n2 | 规范 物流 收费 | 市 市场 监管 局 | 市 发 改 委\n")
    plan = tabular.read(SourceText("t.txt", text))
    assert [(t.number, units(t)) for t in plan.tasks] == [(2, [("市市场监管局", "lead"), ("市发改委", "cooperating")])]
    assert any(p.line == 2 and "out of their columns" in p.message for p in plan.problems)
    # a line of one cell after a row (a section row) leaves it read
    kept = text.replace("输 结构 调整 | 输 局 | 州 车 务 段", "二、降低 成本").replace("市 交通 运 |", "市 交通 运输 局 |")
    assert [t.number for t in tabular.read(SourceText("t.txt", kept)).tasks] == [1, 2]


# pdftotext -layout on an unruled table (set 62, yuhang, its -layout rendering): cells a single space apart, each
# printed a character off its place as the measure counts it (a line of figures prints narrower than its characters)
UNRULED_LAYOUT = "\n".join([
    "附件", "", "          某区2026年民生实事项目任务分解表",
    _chars((0, "序"), (11, "项目名称及建设内容"), (36, "责任单位"), (48, "完成时限")),
    _chars((0, "号")), "",
    _chars((0, "6"), (4, "新开（优化）公交线路15条，开通中小学定制公交"), (28, "区交通运输局、区综合行"), (40, "2026年11")),
    _chars((4, "线路10条，新增公共停车泊位3000个"), (28, "政执法局、区发改局"), (49, "月底")), "",
    _chars((0, "7"), (4, "新建改建公共厕所20座，完成背街小巷改造提升5处")),
    _chars((4, "开工改造城镇老旧小区20个，同步推进小区停车1处")),
    _chars((4, "新增公共停车泊位300个，新建新能源汽车充电桩1")),
    _chars((4, "000个"), (28, "区住建局、各镇街"), (48, "2026年12")), "",
    _chars((0, "8"), (4, "建设“15分钟品质文化生活圈”，新建城市书房、"), (28, "区文广旅体局、各镇街"), (48, "2026年12")),
    _chars((4, "文化驿站20家，新建改建百姓健身房、社区多功能"), (49, "月底")),
    _chars((4, "运动场15处，举办群众性文化体育活动1000场以上")), "",
    _chars((0, "9"), (4, "新建改建农村公路50公里，实施农村供水提标改造"), (28, "区农业农村局、区交通运"), (40, "2026年11")),
    _chars((4, "和农村生活污水处理设施运维提升，惠及农村人口"), (27, "输局、区林水局"), (49, "月底")),
    _chars((4, "5万人")), "",
    _chars((0, "10"), (3, "开展食品安全放心工程，完成农贸市场改造提升10"), (27, "区市场监管局、各镇街"), (46, "2026年10")),
    _chars((4, "家，实现食用农产品快检全覆盖"), (49, "月底")), "",
    "    注：责任单位中排在第一位的为牵头单位。", ""])


def test_a_layout_table_whose_cells_stand_a_space_apart_a_character_off():
    # 输局 opens a character before the boundary after the task's run: the unit cell's (区交通运 / 输局); 10 then
    # 开展… a character before the task column: the number and the task; 以上's 上 alone past the task's edge stays
    plan, name = read_path_of(UNRULED_LAYOUT)
    assert name == "pdf-table"
    assert [(t.key, t.text, [n for n, _ in units(t)]) for t in plan.tasks][2:] == [
        ("8", "建设“15分钟品质文化生活圈”，新建城市书房、文化驿站20家，新建改建百姓健身房、社区多功能运动场15处，举办群众"
              "性文化体育活动1000场以上", ["区文广旅体局", "各镇街"]),
        ("9", "新建改建农村公路50公里，实施农村供水提标改造和农村生活污水处理设施运维提升，惠及农村人口5万人",
         ["区农业农村局", "区交通运输局", "区林水局"]),
        ("10", "开展食品安全放心工程，完成农贸市场改造提升10家，实现食用农产品快检全覆盖", ["区市场监管局", "各镇街"])]


def test_a_layout_run_past_its_edge_by_more_than_a_character_is_cut():
    from fengong.readers import layout
    from fengong.readers.lines import LineIndex
    # negatives: a task run into the lead cell by a name (压缩区市场监管局: two cells run together) is cut at the
    # boundary; a second run of a column opening further before the boundary stays in its column
    found = layout.find(LineIndex(UNRULED_LAYOUT).lines)
    ends: dict[int, int] = {}
    line = LineIndex(_chars((4, "运动场15处，举办群众性文化体育活动1000场次区文化局"))).lines[0]
    cut = layout._cut(line, found, ends)
    assert [line.text[p.start : p.end] for p in cut[2]] == ["区文化局"]
    line = LineIndex(_chars((4, "建设城市书房"), (24, "文化驿站"))).lines[0]
    assert list(layout._cut(line, found, ends)) == [1]
    line = LineIndex(_chars((4, "建设城市书房"), (27, "区文化局"))).lines[0]  # two spaces apart: no cell's shift
    assert list(layout._cut(line, found, ends)) == [1, 2]
    # a run's last character past the edge stays in its cell, but the line does not keep to the measure
    assert layout._crossing([(4, 29)], found.bounds) and not layout._crossing([(4, 28)], found.bounds)


# ---------------------------------------------------------------- set 68: a 重点项目计划's columns

PROJECTS = ("序号\t项目名称\t建设内容\t挂点县领导\t业主单位\t{duty}\t{serving}\n"
            "1\t电子信息产业园三期\t新建标准厂房28万平方米\t刘志明\t县工业园区发展有限公司\t县工信局、县商务局\t"
            "县自然资源局、县住建局\n"
            "2\t殡仪服务中心迁建项目\t新建殡仪馆\t曾丽萍\t县民政局\t县民政局\t县自然资源局等\n")


@pytest.mark.parametrize(("duty", "serving"), [("责任单位", "服务单位"), ("责任部门", "服务部门"),
                                               ("牵头单位", "服务单位")])
def test_a_project_lists_serving_units_cooperate_and_its_owner_is_no_unit(duty, serving):
    """(set 68: xinfeng) 服务单位 serve the project its 责任单位 push on (approvals, land): cooperating. The 业主单位
    is the project's owner, what the row describes (县民政局 in row 2 is a unit by its 责任单位 cell only), and
    挂点县领导 a person."""
    plan = tabular.read(SourceText("t.txt", PROJECTS.format(duty=duty, serving=serving)))
    assert [units(t) for t in plan.tasks] == [
        [("县工信局", "lead"), ("县商务局", "lead" if duty == "牵头单位" else "participant"),
         ("县自然资源局", "cooperating"), ("县住建局", "cooperating")],
        [("县民政局", "lead"), ("县自然资源局", "cooperating")]]
    assert [t.open_ended for t in plan.tasks] == [False, True]


def test_a_serving_column_alone_names_no_division_of_the_work():
    """A 购买服务 list's 服务单位 is the provider of each service, not a unit beside those who answer: unread."""
    table = ("序号\t项目名称\t服务单位\t服务内容\n"
             "1\t居家养老上门服务\t县社会工作服务中心\t为特困老人提供上门服务\n"
             "2\t未成年人关爱服务\t县青少年服务中心\t开展关爱活动\n")
    try:
        tasks = tabular.read(SourceText("t.txt", table)).tasks
    except ReadError:
        return
    assert tasks == []


def test_a_policys_clauses_table_reads_each_clause_as_a_task():
    """(set 70: nanshan) a 扶持办法's 政策条款责任分工表: each clause a row, its units in 牵头/配合 columns."""
    table = ("附件\n政策条款责任分工表\n序号\t政策条款\t牵头单位\t配合单位\n"
             "1\t空间支持（第四条）\t区工业和信息化局\t区投资推广署、各街道办事处\n"
             "2\t融资支持（第八条）\t区财政局\t区国资局\n")
    plan = tabular.read(SourceText("t.txt", table))
    assert [(t.text, units(t)) for t in plan.tasks] == [
        ("空间支持（第四条）", [("区工业和信息化局", "lead"), ("区投资推广署", "cooperating"), ("各街道办事处", "cooperating")]),
        ("融资支持（第八条）", [("区财政局", "lead"), ("区国资局", "cooperating")])]


def test_a_unit_cell_joining_its_units_by_huitong():
    """(set 72: xianyu) 商务部会同有关部门 in a 负责单位 cell: the first answers, the others join it."""
    table = ("序号\t重点任务\t负责单位\t完成时限\n"
             "1\t开展县域商业流通体系建设评估\t商务部会同有关部门\t2021年底前\n"
             "2\t完善农村物流配送网络\t交通运输部、商务部\t持续推进\n")
    plan = tabular.read(SourceText("t.txt", table))
    assert [units(t) for t in plan.tasks] == [[("商务部", "lead"), ("有关部门", "participant")],
                                              [("交通运输部", "lead"), ("商务部", "participant")]]
