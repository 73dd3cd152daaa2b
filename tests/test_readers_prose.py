"""The prose reader: where statements stand, the document's numbering, the lead rule, standing statements."""

from __future__ import annotations

import re

import pytest

from fengong.readers import prose
from fengong.readers.detect import read_path
from fengong.records import SourceText
from fengong.textrepair import normalise


def read(text: str):
    source = SourceText("doc.txt", text)
    return source, prose.read(source)


def units(task):
    return [(u.name, u.role) for u in task.units]


def test_a_stated_rule_applies_from_where_it_is_stated():
    source, plan = read("一、主要任务\n1.甲措施。（财政部、商务部负责，排在第一位的部门为牵头部门，下同）\n"
                        "2.乙措施。（商务部负责）\n")
    (section,) = plan.sections
    assert section.role_rule_basis == "stated"
    assert source.quote(section.role_rule_span) == "排在第一位的部门为牵头部门，下同"
    assert [units(t) for t in section.tasks] == [[("财政部", "lead"), ("商务部", "participant")],
                                                [("商务部", "lead")]]
    assert [t.text for t in section.tasks] == ["甲措施。", "乙措施。"]


def test_without_a_stated_rule_the_first_listed_leads_by_convention():
    _, plan = read("（一）甲。（教育部、民政部负责）\n")
    (section,) = plan.sections
    assert section.role_rule_basis == "convention" and section.role_rule is None
    assert units(section.tasks[0]) == [("教育部", "lead"), ("民政部", "participant")]


def test_explicit_roles_are_kept_as_stated():
    _, plan = read("甲。（生态环境部牵头，国家发展改革委、工业和信息化部参与）乙。（商务部指导，供销合作总社参与）"
                   "丙。（教育部、民政部牵头负责）丁。（公安部负责，司法部配合）\n")
    assert [units(t) for t in plan.tasks] == [
        [("生态环境部", "lead"), ("国家发展改革委", "participant"), ("工业和信息化部", "participant")],
        [("商务部", "guiding"), ("供销合作总社", "participant")],
        [("教育部", "lead"), ("民政部", "lead")],  # two stated leads
        [("公安部", "lead"), ("司法部", "cooperating")],
    ]
    # Four statements outside any numbered item: s1 … s4.
    assert [(t.key, t.number, t.label, t.parent) for t in plan.tasks] == [
        ("s1", 1, "", None), ("s2", 2, "", None), ("s3", 3, "", None), ("s4", 4, "", None)]
    # 公安部负责，司法部配合: nothing states the lead; the first of the responsible list leads by convention.
    assert [t.lead_basis for t in plan.tasks] == ["stated", None, "stated", "convention"]


def test_a_standing_implementer_is_carried_to_later_measures():
    source, plan = read("甲。（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）\n"
                        "乙。（自然资源部、工业和信息化部指导）\n")
    first, second = plan.tasks
    assert units(first) == [("生态环境部", "guiding"), ("试点城市政府", "implementing")]
    assert units(second) == [("自然资源部", "guiding"), ("工业和信息化部", "guiding"),
                             ("试点城市政府", "implementing")]
    carried = second.units[-1]
    assert carried.carried and carried.position == 3
    assert source.raw[carried.span.start - 4 : carried.span.end] == "以下均需试点城市政府"


def test_open_lists_and_collectives():
    _, plan = read("甲。（海关总署、商务部等有关部门负责）乙。（国家发展改革委、财政部会同有关部门负责）\n")
    first, second = plan.tasks
    assert first.open_ended and units(first) == [("海关总署", "lead"), ("商务部", "participant")]
    assert not second.open_ended
    assert units(second) == [("国家发展改革委", "lead"), ("财政部", "participant"), ("有关部门", "participant")]


def test_brackets_of_prose_and_measures_without_units_are_not_tasks():
    _, plan = read("对市（地、州、盟）给予支持（企业直接向国家发展改革委申报，不需省级发展改革部门转报）。\n"
                   "各地区要加强组织领导。\n（此件公开发布）\n")
    assert plan.tasks == [] and plan.statements_seen == 0


def test_spans_point_at_the_measure_and_every_unit():
    source, plan = read("国务院关于某事的意见\n国发〔2019〕9号\n四、主要任务\n"
                        "3.释放产能。允许加工。(海关总署、商务部负责)\n")
    (task,) = plan.tasks
    assert source.quote(task.span) == "释放产能。允许加工。"
    assert task.span.line == 4
    assert [source.quote(u.span) for u in task.units] == ["海关总署", "商务部"]
    assert plan.jurisdiction == "100000"
    assert plan.metadata["identifier"].values == {"": "国发〔2019〕9号"}
    assert plan.sections[0].title == "主要任务" and plan.sections[0].number == "四、"
    assert (task.key, task.label, task.number, task.parent) == ("4.3", "3.", 3, "4")


def test_a_clause_on_its_own_line_closes_the_paragraph_before_it():
    source, plan = read("推进某项改革。\n（民政部负责）\n")
    (task,) = plan.tasks
    assert source.quote(task.span) == "推进某项改革。" and units(task) == [("民政部", "lead")]


def test_an_unclosed_clause_is_read_to_the_line_end_and_reported():
    _, plan = read("甲。（民政部负责）\n乙。（财政部负责\n")
    assert [[u.name for u in t.units] for t in plan.tasks] == [["民政部"], ["财政部"]]
    assert [(p.line, p.severity) for p in plan.problems if "bracket" in p.message] == [(2, "warning")]
    # Nothing in the text names a place: the reader says so rather than guess.
    assert any("no jurisdiction detected" in p.message for p in plan.problems)


def test_printed_numbers_are_kept():
    _, plan = read("三、主要任务\n（一）甲。\n（二）乙。\n（三）丙。（民政部负责）\n（四）丁。（财政部负责）\n"
                   "（二十）戊。（教育部负责）\n")
    assert [(t.key, t.label, t.number, t.parent) for t in plan.tasks] == [
        ("3.3", "（三）", 3, "3"), ("3.4", "（四）", 4, "3"), ("3.20", "（二十）", 20, "3")]


def test_a_label_followed_at_once_by_a_year_is_a_label():
    """(set 20: guobanhan fangguanfu) 3.2019年在…开展: a decimal never runs on into a year's 年, so 3. is the label."""
    _, plan = read("一、简政放权\n（二）深化改革。\n3.2019年在全国开展试点。（国务院审改办牵头，商务部参与）\n"
                   "4．2019—2020年推开改革。（司法部负责）\n5、2025年底前完成清理。（商务部负责）\n")
    assert [(t.key, t.label, t.text[:5]) for t in plan.tasks] == [
        ("1.2.3", "3.", "2019年"), ("1.2.4", "4．", "2019—"), ("1.2.5", "5、", "2025年")]
    # A number that goes on in digits is no label: a decimal (3.5亿元), a year of no 年, a multi-level number.
    for text in ("3.5亿元资金用于改造。（财政部负责）", "1.5年内完成改造。（财政部负责）", "3.2019版标准修订。（财政部负责）",
                 "1.2.3 建立机制。（财政部负责）", "2.20195年。（财政部负责）"):
        _, plan = read(f"（二）深化改革。\n{text}\n")
        assert [(t.key, t.label) for t in plan.tasks] == [("2", "（二）")], text


def test_sub_items_are_children_of_their_item():
    _, plan = read("七、甲。（民政部负责）\n八、乙\n1.丙。（财政部负责）\n2.丁。（教育部负责）\n九、戊。（商务部负责）\n")
    assert [(t.key, t.label, t.parent) for t in plan.tasks] == [
        ("7", "七、", None), ("8.1", "1.", "8"), ("8.2", "2.", "8"), ("9", "九、", None)]
    assert [(i.key, i.label, i.title) for i in plan.items] == [("8", "八、", "乙")]


def test_several_statements_in_one_item_are_its_children():
    source, plan = read("（一）甲。推进A。（民政部负责）推进B。（财政部负责）\n")
    assert [(t.key, t.label, t.number, t.parent) for t in plan.tasks] == [("1-1", "", 1, "1"), ("1-2", "", 2, "1")]
    assert [t.text for t in plan.tasks] == ["甲。推进A。", "推进B。"]


def test_a_statement_over_two_lines_of_its_own_is_one_statement():
    _, plan = read("1.推进甲。\n牵头单位：省发展改革委\n配合单位：省财政厅、省商务厅\n2.推进乙。\n责任单位：省教育厅\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1", [("省发展改革委", "lead"), ("省财政厅", "cooperating"), ("省商务厅", "cooperating")]),
        ("2", [("省教育厅", "lead")])]


def test_a_lead_rule_stated_outside_any_statement_holds_for_the_document():
    source, plan = read("（一）甲。（省财政厅、省商务厅负责）\n注：各项任务中排在第一位的为牵头单位。\n")
    (task,) = plan.tasks
    assert task.lead_basis == "rule" and source.quote(plan.sections[0].role_rule_span) == "排在第一位的为牵头单位"


def test_statements_seen_but_not_read_are_counted_and_named():
    _, plan = read("1.甲。（责任单位：）\n2.乙。（民政部负责）\n")
    assert (plan.statements_seen, plan.statements_read) == (2, 1)
    assert any(p.line == 1 and "could not be read" in p.message for p in plan.problems)


def test_an_annex_numbers_its_items_apart():
    _, plan = read("1.甲。（民政部负责）\n附件\n1.乙。（财政部负责）\n")
    assert [t.key for t in plan.tasks] == ["1", "1~2"]
    # A notice whose numbered items hold no statement leaves the annex its own numbers.
    _, plan = read("一、请高度重视。\n二、请抓好落实。\n附件\n一、甲方面\n1.乙。（财政部负责）\n")
    assert [(t.key, t.parent) for t in plan.tasks] == [("1.1", "1")]


def test_a_standing_statement_in_running_text_is_carried():
    _, plan = read("各市（州）人民政府、贵安新区管委会负责本辖区内各项任务的组织落实，以下不再列出。\n"
                   "1.甲。（省通信管理局牵头，省自然资源厅配合）\n")
    (task,) = plan.tasks
    assert [(u.name, u.role, u.carried) for u in task.units] == [
        ("省通信管理局", "lead", False), ("省自然资源厅", "cooperating", False),
        ("各市（州）人民政府", "implementing", True), ("贵安新区管委会", "implementing", True)]


def test_bare_lists_are_statements_where_the_rule_says_lists_name_units():
    text = ("各项任务所列单位，排在首位的为牵头单位，其他为参加单位。\n"
            "1.完善节水激励机制。推广合同节水管理（全国节约用水办公室、财务司）；推进用水权改革（水资源管理司、财务司）。\n"
            "2.加强组织。各省（自治区、直辖市）要落实，领导小组办公室设在党委办公室（校长办公室），统筹推进。\n")
    _, plan = read(text)
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1-1", [("全国节约用水办公室", "lead"), ("财务司", "participant")]),
        ("1-2", [("水资源管理司", "lead"), ("财务司", "participant")])]


def test_a_standing_statement_after_a_lead_in():
    _, plan = read("以下各项措施，均需东兴市人民政府、防城区人民政府结合实际抓好落实，不再逐项列出。\n"
                   "1.甲。（责任单位：市商务局）\n")
    assert [(u.name, u.role, u.carried) for u in plan.tasks[0].units] == [
        ("市商务局", "lead", False), ("东兴市人民政府", "implementing", True), ("防城区人民政府", "implementing", True)]


def test_a_closing_sentence_of_units_and_a_role_verb_states_who_answers_for_the_measure():
    _, plan = read("二、重点任务\n"
                   "（一）实施老旧小区改造。完成改造项目150个以上。市住房城乡建设局牵头，市财政局按职责分工负责，"
                   "各辖市、区人民政府具体落实。\n"
                   "（二）推进城中村改造。优先实施群众需求迫切的项目。由市住房城乡建设局会同市国资委负责。\n"
                   "（三）更新地下管网。建立管网设施数字档案。市城管局、市水利局（市水务局）等部门负责。\n"
                   "（四）拓宽资金渠道。积极争取专项债券支持。市发展改革委、市财政局负责落实。\n")
    assert [(t.key, units(t), t.open_ended) for t in plan.tasks] == [
        ("2.1", [("市住房城乡建设局", "lead"), ("市财政局", "participant"), ("各辖市、区人民政府", "implementing")],
         False),
        ("2.2", [("市住房城乡建设局", "lead"), ("市国资委", "participant")], False),
        ("2.3", [("市城管局", "lead"), ("市水利局（市水务局）", "participant")], True),  # the bracket is a name
        ("2.4", [("市发展改革委", "implementing"), ("市财政局", "implementing")], False),
    ]
    assert [t.text for t in plan.tasks][0] == "实施老旧小区改造。完成改造项目150个以上。"


def test_a_closing_sentence_under_a_heading_and_one_on_a_line_of_its_own():
    _, plan = read("（六）推进城市数字化治理\n加快建设城市信息模型基础平台。由市数据局牵头，市城管局配合。\n"
                   "（七）强化规划引领\n编制城市更新专项规划。\n市自然资源和规划局负责。\n")
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("6", "加快建设城市信息模型基础平台。", [("市数据局", "lead"), ("市城管局", "cooperating")]),
        ("7", "编制城市更新专项规划。", [("市自然资源和规划局", "lead")]),
    ]


def test_a_duty_in_running_text_and_a_lead_rule_are_not_closing_statements():
    _, plan = read("（一）加强组织领导。领导小组办公室设在市住房城乡建设局。市发展改革委负责研究提出年度计划。\n"
                   "（二）压实责任。各项任务责任单位中列在首位的为牵头单位，其他单位按职责分工负责。\n"
                   "（三）加强督导。各地要建立工作机制，落实属地责任。\n")
    assert plan.tasks == []


def test_clauses_that_end_like_a_body_are_not_units_of_a_closing_sentence():
    # Each would pass for a list of names by its endings (…班, …局, …室) without the rule that a name known by
    # its ending alone holds no clause (由, 设在) and opens with no measure's verb (成立).
    _, plan = read("（一）开展以旧换新。对购买新能源汽车的消费者给予补贴。日常工作由市商务局负责。\n"
                   "（二）加强组织领导。成立工作专班，办公室设在市商务局，具体工作由专班办公室负责。\n"
                   "（三）发展夜间经济。打造夜间消费集聚区。市商务局、市文化广电旅游局负责。\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("3", [("市商务局", "lead"), ("市文化广电旅游局", "participant")])]


def test_a_paragraph_cut_by_a_page_number_is_one_paragraph():
    source, plan = read("一、促进增收\n1．落实带薪休假。督促用人单位落实带薪年休假制度。\n责任单位：省人力资源社会保障厅、省总\n— 4 —\n"
                        "工会\n二、扩大服务消费\n2．培育消费新场景。推动商圈改造提升。\n— 5 —\n"
                        "责任单位：省商务厅\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1.1", [("省人力资源社会保障厅", "lead"), ("省总工会", "participant")]),
        ("2.2", [("省商务厅", "lead")]),  # a page number between a measure and its label line joins nothing
    ]
    assert "— 4 —" not in plan.tasks[0].text


@pytest.mark.parametrize("foot", ["— 4 —", "- 4 -", "第4页", "第 4 页 共 8 页"])
def test_a_page_number_glued_to_the_next_page_by_a_form_feed_is_furniture(foot):
    # pdfium prints each page's number at its foot and the pages are joined with \f: the next page's first line
    # (an item's number, a heading) follows the page number on the same line
    _, plan = read("二、主要任务\n（一）完善配置\n1.制定标准。明确要求。\n责任单位：住房城乡建设部、商务部\n"
                   f"{foot}\f（二）补齐短板\n2.推进改造。增设网点。\n{foot}\f牵头单位：民政部；参与单位：商务部\n"
                   f"{foot}\f3.盘活资源。简化审批。\n责任单位：自然资源部\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("2.1.1", [("住房城乡建设部", "lead"), ("商务部", "participant")]),
        ("2.2.2", [("民政部", "lead"), ("商务部", "participant")]),
        ("2.2.3", [("自然资源部", "lead")])]
    assert all("4" not in t.text for t in plan.tasks)


def test_text_before_a_form_feed_that_is_no_page_number_stays():
    # a line's text before the form feed is content where it is no page furniture (a wrapped name, a date)
    _, plan = read("二、主要任务\n1.制定标准。明确要求。\n责任单位：住房城乡建设部、\f商务部\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("2.1", [("住房城乡建设部", "lead"), ("商务部", "participant")])]


def test_a_bracket_naming_the_body_before_it_again_is_no_statement():
    # 国务院安委会办公室（应急管理部）: the body's other seat, not who answers for the measure
    _, plan = read("请各地区于每季度末将任务推进情况报送国务院安委会办公室（应急管理部）。\n"
                   "1.开展隐患排查。（应急管理部负责）\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [("1", [("应急管理部", "lead")])]


def test_an_annex_item_may_share_the_key_of_a_task_of_the_body():
    # the body's 三、（一） holds one statement: it is task 3.1; the annex's 三、（一） holds items with statements:
    # it is item 3.1 (the graph keeps tasks and items apart), while the annex's 三、 meets the body's item 3
    _, plan = read("三、保障措施\n（一）加强组织领导。（责任单位：省大数据局）\n"
                   "附件\n三、安全保障\n（一）筑牢安全防线\n8.落实网络安全责任制。（牵头单位：省委网信办）\n")
    assert [(t.key, t.parent) for t in plan.tasks] == [("3.1", "3"), ("3.1.8", "3.1")]
    assert [(i.key, i.parent) for i in plan.items] == [("3", None), ("3~2", None), ("3.1", "3~2")]


# ---------------------------------------------------------------- forms found measuring blind set 9


def test_a_rule_that_lists_without_a_lead_name_co_leads():
    # the rule's second clause: 未标明牵头的，所列单位均为牵头单位 — a bare list is all leads, not the first
    source, plan = read("一、总体要求\n到2027年，设备投资增长25%以上。（以下各项任务中，标明“牵头”的为牵头单位，"
                        "其他单位为参与单位；未标明牵头的，所列单位均为牵头单位）\n二、重点任务\n"
                        "1.推进设备更新。（省工业和信息化厅牵头，省发展改革委、省财政厅参与）\n"
                        "2.推动家电换新。（省商务厅、省财政厅）\n")
    first, second = plan.tasks
    assert units(first) == [("省工业和信息化厅", "lead"), ("省发展改革委", "participant"), ("省财政厅", "participant")]
    assert units(second) == [("省商务厅", "lead"), ("省财政厅", "lead")] and second.lead_basis == "rule"
    assert plan.statements_seen == 2  # the rule's bracket is the rule, not a statement left unread


def test_a_mark_quoted_in_a_rule_is_no_statement():
    _, plan = read("注：责任单位中标注“（牵头）”的为牵头单位，其余为配合单位。\n1.甲措施。（市税务局（牵头）、市财政局）\n")
    (task,) = plan.tasks
    assert units(task) == [("市税务局", "lead"), ("市财政局", "cooperating")]
    assert plan.statements_seen == 1 and not any("could not be read" in p.message for p in plan.problems)


def test_fields_on_one_line_separated_by_spaces():
    _, plan = read("1.严查机动车交通违法行为。重点整治闯红灯等行为。\n分管领导：县委常委、副县长　王某某\n"
                   "牵头单位：县公安局交警大队　　配合单位：县城管局、县交通运输局　　完成时限：2021年6月底前\n"
                   "2.清理占道经营。对主次干道两侧占道经营实施常态化管控。\n分管领导：副县长　李某某\n"
                   "责任单位：各街道办事处（按职责分工负责）　　完成时限：长期坚持\n")
    first, second = plan.tasks
    assert units(first) == [("县公安局交警大队", "lead"), ("县城管局", "cooperating"), ("县交通运输局", "cooperating")]
    assert units(second) == [("各街道办事处", "lead")]


def test_inline_labels_after_the_full_stop_name_a_society():
    _, plan = read("（十一）推进品牌建设。培育一批林草知名品牌。牵头单位：林业和草原改革发展司；参加单位：宣传中心、"
                   "中国林业产业联合会。\n")
    (task,) = plan.tasks
    assert units(task) == [("林业和草原改革发展司", "lead"), ("宣传中心", "participant"),
                           ("中国林业产业联合会", "participant")]


def test_a_closing_sentence_with_shishi():
    _, plan = read("七、发展老年教育。扩大老年大学办学规模。区教育局指导，区老年大学、各街道办事处实施。\n")
    (task,) = plan.tasks
    assert units(task) == [("区教育局", "guiding"), ("区老年大学", "implementing"), ("各街道办事处", "implementing")]
    assert task.text == "发展老年教育。扩大老年大学办学规模。"


def test_a_closing_sentence_with_a_topic_pointing_to_the_measure():
    source, plan = read("二、重点任务\n"
                        "（一）推进老旧小区改造。完成改造项目150个以上。此项工作由市发展改革委牵头，市财政局、"
                        "市自然资源局配合。\n"
                        "（二）培育消费市场。打造消费集聚区。该项任务由市商务局会同市市场监管局负责。\n"
                        "（三）完善监测预警。健全监测网络，具体工作由省应急管理厅牵头负责。\n"
                        "（四）建设数据平台。推进数据共享。\n以上各项任务由市数据局牵头，各区人民政府参与。\n")
    assert [(t.key, t.text, units(t), t.reading) for t in plan.tasks] == [
        ("2.1", "推进老旧小区改造。完成改造项目150个以上。",
         [("市发展改革委", "lead"), ("市财政局", "cooperating"), ("市自然资源局", "cooperating")], "topical+verbal"),
        ("2.2", "培育消费市场。打造消费集聚区。", [("市商务局", "lead"), ("市市场监管局", "participant")], "topical"),
        # the topic's clause closes the sentence: the clauses before it are the measure's text
        ("2.3", "完善监测预警。健全监测网络", [("省应急管理厅", "lead")], "topical"),
        # on a line of its own: it closes the paragraph before, as any statement there does
        ("2.4", "建设数据平台。推进数据共享。", [("市数据局", "lead"), ("各区人民政府", "participant")], "topical+verbal"),
    ]
    assert plan.statements_seen == plan.statements_read == 4


def test_a_measure_closed_by_a_topic_sentence_has_exactly_one_lead():
    _, plan = read("（一）推进老旧小区改造。完成改造项目150个以上，同步实施管网改造。此项工作由市住房城乡建设局牵头负责，"
                   "市财政局、市自然资源和规划局按职责分工负责。\n")
    (task,) = plan.tasks
    assert [u.name for u in task.units if u.role == "lead"] == ["市住房城乡建设局"]
    assert task.lead_basis == "stated"
    assert units(task) == [("市住房城乡建设局", "lead"), ("市财政局", "participant"), ("市自然资源和规划局", "participant")]


def test_sentences_with_a_topic_of_another_subject_are_not_statements():
    # an office's housekeeping, money, the document, its issuing, 由 inside an object, the work of a body the
    # measure set up: none says who answers for the measure
    _, plan = read("（一）加强组织领导。领导小组办公室设在市商务局，日常工作由市商务局负责。\n"
                   "（二）强化资金保障。所需资金由市财政局统筹保障。所需经费由市财政局统筹安排。\n"
                   "（三）加大扶持。各项扶持资金由区级财政承担。所需经费由市财政局负责。\n"
                   "（四）抓好落实。经市政府同意，由市政府办公室印发。\n"
                   "（五）用好资金。统筹用好由市财政局统筹安排的资金。\n"
                   "（六）健全机制。成立工作专班，办公室设在市商务局。具体工作由专班办公室负责。\n"
                   "（七）严格考核。年度考核工作由区委督查室负责。\n"
                   "本措施由市商务局负责解释。\n")
    assert plan.tasks == [] and plan.statements_seen == 0


# ---------------------------------------------------------------- forms found measuring blind set 10


def test_full_width_digits_are_read_as_numbers_in_labels():
    _, plan = read("一、强化组织责任体系\n１．落实防汛责任制。压实责任。（牵头单位：区应急管理局）\n"
                   "１１．加强物资储备。补充物资。（区发改局负责）\n二、加强监测\n２、落实叫应机制。（区水利水电局负责）\n"
                   "（１）完善监测网络。（区气象局负责）\n")
    assert [(t.key, t.label, t.number, t.parent, t.text[:4]) for t in plan.tasks] == [
        ("1.1", "１．", 1, "1", "落实防汛"), ("1.11", "１１．", 11, "1", "加强物资"), ("2.2", "２、", 2, "2", "落实叫应"),
        ("2.2.1", "（１）", 1, "2.2", "完善监测")]


def test_a_bracket_left_open_at_a_line_end_goes_on_on_the_next_line():
    source, plan = read("１．落实防汛责任制。逐级明确责任人。（牵头单位：区应急管理局；责任单位：区水利水电局、各街道办\n"
                        "事处）\n２．加强物资储备。补充物资。（牵头单位：区应急管理局；责任单位：区发改局、区财\n"
                        "政局、各街道办事处）\n")
    assert [units(t) for t in plan.tasks] == [
        [("区应急管理局", "lead"), ("区水利水电局", "participant"), ("各街道办事处", "participant")],
        [("区应急管理局", "lead"), ("区发改局", "participant"), ("区财政局", "participant"),
         ("各街道办事处", "participant")]]
    broken = plan.tasks[0].units[2].span
    assert source.raw[broken.start : broken.end] == "各街道办\n事处"
    _, plan = read("各项任务中排在第一位的为牵头单位，其他为配合单位。\n"
                   "10.强化人才支撑。建设培训基地。（省人社厅，省教育厅，哈尔滨工业\n大学）\n")
    assert [units(t) for t in plan.tasks] == [
        [("省人社厅", "lead"), ("省教育厅", "cooperating"), ("哈尔滨工业大学", "cooperating")]]


def test_a_bracket_a_skewed_photo_parts_over_three_lines_is_rejoined():
    # a phone photo's skewed line is read as two: the bracket wrapped once more closes two lines on
    for bracket in ("(责任单位：省卫生健康委、省民政厅、\n省医保局、省中医药管理\n局)",
                    "（牵头单位：省卫生健康委；\n配合单位：省民政厅、省医\n保局、省中医药管理局）",
                    "（省卫生健康委牵头，\n省民政厅、省医保局、\n省中医药管理局配合）"):
        _, plan = read("各项措施的责任单位中，排在第一位的为牵头单位，其他为参与单位。\n"
                       f"（三）优化老年健康服务。推进老年医学科建设。{bracket}\n"
                       "（四）丰富老年文体服务。推动老年大学扩容。（责任单位：省文化和旅游厅）\n")
        assert [(t.key, [name for name, _ in units(t)]) for t in plan.tasks] == [
            ("3", ["省卫生健康委", "省民政厅", "省医保局", "省中医药管理局"]),
            ("4", ["省文化和旅游厅"])], bracket
    # an item's line ends the bracket's reach: the next measure keeps its own line and bracket
    _, plan = read("1.推进甲。（责任单位：省民政厅、\n省医保局\n2.推进乙。（省财政厅负责）\n")
    assert [(t.key, units(t)) for t in plan.tasks][-1] == ("2", [("省财政厅", "lead")])


def test_a_bracket_of_prose_left_open_joins_nothing():
    _, plan = read("1.推进甲（含乙\n2.推进丙。（市商务局负责）\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [("2", [("市商务局", "lead")])]


def test_inline_sub_items_begin_after_their_enumerator():
    # each inline sub-item with its own bracket is a child of the item; its text begins after its printed label
    _, plan = read("（二）强化基层能力。加强队伍建设：①开展分级培训（减灾司牵头，中国消防救援学院配合）；"
                   "②推动信息员纳入网格（减灾司牵头，救灾司参与）；③升级灾情管理系统（通信信息中心负责）。\n"
                   "3.抓好交通项目建设。（1）加快高速公路前期工作（县交通运输局负责）；"
                   "（2）推进航道整治工程（县交通运输局牵头，县水利局配合）。\n")
    assert [(t.key, t.label, t.number, t.parent, t.text) for t in plan.tasks] == [
        ("2-1", "", 1, "2", "强化基层能力。加强队伍建设：①开展分级培训"), ("2-2", "", 2, "2", "推动信息员纳入网格"),
        ("2-3", "", 3, "2", "升级灾情管理系统"), ("2.3-1", "", 1, "2.3", "抓好交通项目建设。（1）加快高速公路前期工作"),
        ("2.3-2", "", 2, "2.3", "推进航道整治工程")]


# ---------------------------------------------------------------- set 12


def test_two_short_sentences_closing_the_measure_state_who_answers_together():
    _, plan = read("（六）落实草原保护制度。全面落实草原禁牧和草畜平衡制度。由各省级林业和草原主管部门负责。草原管理司指导。\n"
                   "（七）加强监测。建立草原监测网络。国家林业和草原局负责。草原管理司、规划财务司配合。\n")
    assert [units(t) for t in plan.tasks] == [
        [("各省级林业和草原主管部门", "lead"), ("草原管理司", "guiding")],
        [("国家林业和草原局", "lead"), ("草原管理司", "cooperating"), ("规划财务司", "cooperating")]]
    assert [t.text for t in plan.tasks] == ["落实草原保护制度。全面落实草原禁牧和草畜平衡制度。",
                                            "加强监测。建立草原监测网络。"]


def test_a_duty_sentence_before_a_closing_statement_stays_the_measures_text():
    _, plan = read("（一）加强监测。草原管理司负责研究提出监测方案。规划财务司指导。\n")
    (task,) = plan.tasks
    assert units(task) == [("规划财务司", "guiding")]
    assert task.text == "加强监测。草原管理司负责研究提出监测方案。"


def test_a_bullet_is_no_part_of_an_entrys_text():
    _, plan = read("一、重点工程\n1.建设算力网络。（市数据局牵头，市经信局配合）\n专栏1　重点工程\n"
                   "◆宁波人工智能算力中心工程。建设公共智能算力平台。\n牵头单位：市数据局\n"
                   "■港口数字化提升工程。建设数字孪生平台。\n牵头单位：市交通运输局\n")
    assert [(t.key, t.text) for t in plan.tasks] == [
        ("1.1-1", "建设算力网络。"), ("1.1-2", "宁波人工智能算力中心工程。建设公共智能算力平台。"),
        ("1.1-3", "港口数字化提升工程。建设数字孪生平台。")]


def test_a_box_title_is_no_title_of_a_document():
    _, plan = read("一、总体要求\n（一）甲。（国家林业和草原局负责）\n四、推进重大工程\n专栏　重大工程责任分工\n"
                   "1.国家储备林建设工程。新建国家储备林。\n牵头司局：森林资源管理司　实施主体：国家开发银行\n"
                   "2.林草种质资源保护工程。建设种质资源库。\n牵头司局：林场种苗司　参与单位：中国林业科学研究院\n")
    assert [(t.key, t.parent) for t in plan.tasks] == [("1.1", "1"), ("4.1", "4"), ("4.2", "4")]
    assert [units(t) for t in plan.tasks[1:]] == [
        [("森林资源管理司", "lead"), ("国家开发银行", "implementing")],
        [("林场种苗司", "lead"), ("中国林业科学研究院", "participant")]]


def test_a_bare_list_of_units_closing_a_measure_in_a_document_of_bracketed_statements():
    _, plan = read("（五）整合优化自然保护地。完成整合优化。（自然保护地管理司负责）\n"
                   "（六）开展小水电整改。确保退出类电站按期退出。（农村水利水电司、水利部农村电气化研究所，长江、黄河流域管理机构）\n"
                   "（七）实施草原生态修复。修复退化草原。（草原管理司、规划财务司；内蒙古、四川等省级林业和草原主管部门）\n")
    assert [units(t) for t in plan.tasks[1:]] == [
        [("农村水利水电司", "lead"), ("水利部农村电气化研究所", "participant"), ("长江、黄河流域管理机构", "participant")],
        [("草原管理司", "lead"), ("规划财务司", "participant"), ("内蒙古、四川等省级林业和草原主管部门", "participant")]]


def test_a_bare_list_is_no_statement_before_any_statement_or_inside_a_sentence():
    _, plan = read("（一）开展小水电整改。确保按期退出。（农村水利水电司、规划计划司）\n"
                   "（二）甲。（自然保护地管理司负责）\n"
                   "（三）会同有关司局（农村水利水电司、规划计划司）开展研究。\n")
    assert [t.key for t in plan.tasks] == ["2"]

# ---------------------------------------------------------------- a closing statement over several measures

SERIES = ("二、重点任务\n（一）优化营商环境\n"
          "1.推进企业开办便利化。压缩企业开办时间至1个工作日以内。\n"
          "2.深化工程建设项目审批制度改革。推行区域评估。\n"
          "3.推行证明事项告知承诺制。\n"
          "{closing}\n"
          "（二）扩大对外开放\n4.稳住外贸基本盘。（市商务局负责）\n")
SERIES_TEXTS = ["推进企业开办便利化。压缩企业开办时间至1个工作日以内。", "深化工程建设项目审批制度改革。推行区域评估。",
                "推行证明事项告知承诺制。"]


@pytest.mark.parametrize(("closing", "expected"), [
    ("以上各项任务由市发展改革委牵头，市财政局、市商务局配合。",
     [("市发展改革委", "lead"), ("市财政局", "cooperating"), ("市商务局", "cooperating")]),
    ("上述几项工作由市政务服务局负责。", [("市政务服务局", "lead")]),
    ("以上工作均由市政务服务局会同市市场监管局负责。", [("市政务服务局", "lead"), ("市市场监管局", "participant")]),
    # 由…负责落实 gives the measures to the units it names, as 由…负责 does: a responsible list
    ("以上这些措施由各区人民政府负责落实。", [("各区人民政府", "lead")]),
    ("以上三项工作均由市发展改革委牵头，市司法局参与。", [("市发展改革委", "lead"), ("市司法局", "participant")]),
    # no word says several, but on a line of its own right after the last numbered paragraph it closes the series
    ("上述工作由市政务服务局负责。", [("市政务服务局", "lead")]),
    ("以上任务由市发展改革委牵头，市财政局配合。", [("市发展改革委", "lead"), ("市财政局", "cooperating")]),
    # the classifier and the count name the items without a noun
    ("以上三项由市发展改革委牵头，各区人民政府落实。", [("市发展改革委", "lead"), ("各区人民政府", "implementing")]),
])
def test_a_closing_statement_after_a_series_covers_every_measure_of_it(closing, expected):
    _, plan = read(SERIES.format(closing=closing))
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("2.1.1", SERIES_TEXTS[0], expected), ("2.1.2", SERIES_TEXTS[1], expected),
        ("2.1.3", SERIES_TEXTS[2], expected),
        ("2.2.4", "稳住外贸基本盘。", [("市商务局", "lead")])]  # the next heading's items are not the series
    assert plan.statements_seen == plan.statements_read == 2  # one statement, given to three measures


def test_a_closing_statement_saying_several_covers_the_series_from_inside_the_last_paragraph():
    _, plan = read("（一）稳定就业\n1.扩大企业吸纳就业。给予一次性扩岗补助。\n2.支持灵活就业。\n"
                   "3.加强职业技能培训。以上各项工作由市人力资源社会保障局牵头，市财政局参与。\n")
    expected = [("市人力资源社会保障局", "lead"), ("市财政局", "participant")]
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1.1", "扩大企业吸纳就业。给予一次性扩岗补助。", expected), ("1.2", "支持灵活就业。", expected),
        ("1.3", "加强职业技能培训。", expected)]


def test_an_items_own_statement_stands_and_the_closing_one_applies_to_the_others():
    _, plan = read("（一）稳定就业\n1.扩大企业吸纳就业。\n2.支持灵活就业。（市人力资源社会保障局负责，市总工会配合）\n"
                   "3.加强职业技能培训。\n4.做好困难群体帮扶。此项工作由市民政局负责。\n"
                   "上述各项工作由市人力资源社会保障局牵头，市财政局参与。\n")
    closing = [("市人力资源社会保障局", "lead"), ("市财政局", "participant")]
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1.1", closing),
        ("1.2", [("市人力资源社会保障局", "lead"), ("市总工会", "cooperating")]),
        ("1.3", closing),
        # on a line of its own the closing statement is the series', and the last item's own statement stands too
        ("1.4", [("市民政局", "lead")])]


@pytest.mark.parametrize(("own", "closing"), [
    ("（市网络理政办负责）", "以上各项工作由市经信局牵头，市财政局配合，各街道办事处按职责落实。"),
    ("此项工作由市网络理政办负责。", "上述各项任务由市经信局牵头，市财政局配合。"),
    ("（责任单位：市网络理政办）", "以上三项工作由市经信局、市财政局按职责分工负责。"),
    ("责任单位：市网络理政办", "以上工作均由市经信局负责。"),
    # no word says several: on a line of its own right after the last item it closes the series all the same
    ("（市网络理政办负责）", "上述工作由市经信局牵头，市财政局配合。"),
])
def test_the_last_items_own_statement_stands_before_a_closing_line_of_its_own(own, closing):
    _, plan = read("（一）全面排查\n1.开展全面排查。梳理合同履约情况。\n2.建立动态台账。逐笔登记。\n"
                   f"3.畅通投诉渠道。受理中小企业投诉。{own}\n{closing}\n")
    assert [(t.key, units(t)[0]) for t in plan.tasks] == [
        ("1.1", ("市经信局", "lead")), ("1.2", ("市经信局", "lead")), ("1.3", ("市网络理政办", "lead"))]


@pytest.mark.parametrize(("text", "expected"), [
    # closing the last item's own paragraph, after its own statement: that item's second statement, as before
    ("（一）全面排查\n1.开展全面排查。\n2.建立动态台账。\n3.畅通投诉渠道（市网络理政办负责）。以上各项工作由市经信局负责。\n",
     [("1.1", "市经信局"), ("1.2", "市经信局"), ("1.3-1", "市网络理政办"), ("1.3-2", "市经信局")]),
    # a line of its own after a heading's paragraphs closes the heading, no series: the heading's second statement
    ("一、全面排查\n（一）摸清底数\n开展全面排查。（市网络理政办负责）\n建立动态台账。\n以上工作由市经信局负责。\n",
     [("1.1-1", "市网络理政办"), ("1.1-2", "市经信局")]),
    # a count beyond the series is not guessed at: the item's own second statement
    ("（一）全面排查\n1.开展全面排查。\n2.畅通投诉渠道。（市网络理政办负责）\n以上五项工作由市经信局负责。\n",
     [("1.2-1", "市网络理政办"), ("1.2-2", "市经信局")]),
])
def test_a_closing_statement_that_closes_no_series_of_its_own_line_stays_the_items_second(text, expected):
    _, plan = read(text)
    assert [(t.key, units(t)[0][0]) for t in plan.tasks] == expected


def test_a_count_covers_the_last_measures_and_a_count_beyond_the_series_is_not_guessed_at():
    text = "（一）稳定就业\n1.扩大企业吸纳就业。\n2.支持灵活就业。\n3.加强职业技能培训。\n{closing}\n"
    _, plan = read(text.format(closing="以上两项工作由市人力资源社会保障局负责。"))
    assert [(t.key, units(t)) for t in plan.tasks] == [("1.2", [("市人力资源社会保障局", "lead")]),
                                                     ("1.3", [("市人力资源社会保障局", "lead")])]
    _, plan = read(text.format(closing="以上五项工作由市人力资源社会保障局负责。"))
    assert [(t.key, units(t)) for t in plan.tasks] == [("1.3", [("市人力资源社会保障局", "lead")])]


def test_a_series_of_titled_items_and_a_second_closing_statement():
    # each item's own line a title: its measure starts at the paragraph below; a later closing statement covers
    # the items after the earlier one's, which gave the first two theirs
    _, plan = read("（一）稳定就业\n1.扩大企业吸纳就业\n对招用高校毕业生的企业给予补助。\n2.支持灵活就业\n开发一批公益岗位。\n"
                   "以上各项工作由市人力资源社会保障局负责。\n3.加强职业技能培训\n开展补贴性培训。\n4.做好困难群体帮扶\n"
                   "落实临时救助政策。\n以上各项工作由市民政局牵头，市财政局配合。\n")
    assert [(t.key, t.text, [u for u, _ in units(t)]) for t in plan.tasks] == [
        ("1.1", "对招用高校毕业生的企业给予补助。", ["市人力资源社会保障局"]),
        ("1.2", "开发一批公益岗位。", ["市人力资源社会保障局"]),
        ("1.3", "开展补贴性培训。", ["市民政局", "市财政局"]),
        ("1.4", "落实临时救助政策。", ["市民政局", "市财政局"])]


@pytest.mark.parametrize("text", [
    # 此项 points to one measure
    "（一）稳定就业\n1.扩大企业吸纳就业。\n2.支持灵活就业。\n3.加强职业技能培训。\n此项工作由市人力资源社会保障局负责。\n",
    # closing the last paragraph without saying several: that paragraph's
    "（一）稳定就业\n1.扩大企业吸纳就业。\n2.支持灵活就业。\n3.加强职业技能培训。以上工作由市人力资源社会保障局负责。\n",
    # a statement without a topic pointing back, on a line of its own: the paragraph before
    "（一）稳定就业\n1.扩大企业吸纳就业。\n2.支持灵活就业。\n3.加强职业技能培训。\n市人力资源社会保障局负责。\n",
    "（一）稳定就业\n1.扩大企业吸纳就业。\n2.支持灵活就业。\n3.加强职业技能培训。\n责任单位：市人力资源社会保障局\n",
])
def test_a_closing_statement_that_does_not_point_back_over_several_closes_one_measure(text):
    _, plan = read(text)
    assert [(t.key, units(t)) for t in plan.tasks] == [("1.3", [("市人力资源社会保障局", "lead")])]


def test_a_closing_line_under_a_heading_covers_its_paragraphs_only():
    # （三） is a title over paragraphs: 以上工作 on a line after them is the heading's work, not its siblings'
    _, plan = read("一、完善设施网络\n（一）建设物流枢纽\n布局建设一批骨干冷链物流基地。\n（二）补齐产地设施短板\n"
                   "支持建设田头预冷设施。\n（三）提升销地服务能力\n推动批发市场冷库改造。\n鼓励发展城市共同配送。\n"
                   "以上工作由省商务厅会同省市场监管局负责。\n")
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1.3", "推动批发市场冷库改造。鼓励发展城市共同配送。", [("省商务厅", "lead"), ("省市场监管局", "participant")])]


def test_a_series_stops_at_an_item_with_items_of_its_own():
    # 一、 holds items of its own: a heading, not a measure of the series 以上各项工作 closes
    _, plan = read("一、总体要求\n（一）指导思想。坚持稳中求进。\n（二）基本原则。坚持问题导向。\n"
                   "二、加强组织领导。建立工作机制。\n三、强化督导考核。定期通报进展。\n以上各项工作由市发展改革委负责。\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [("2", [("市发展改革委", "lead")]),
                                                     ("3", [("市发展改革委", "lead")])]


# ---------------------------------------------------------------- 相关工作由A负责


def test_related_work_closing_a_numbered_measure_is_its_statement():
    _, plan = read("（一）加强宣传引导。营造全社会关心支持的良好氛围。相关工作由市委宣传部牵头，各有关部门配合。\n"
                   "（二）强化资金保障。统筹安排专项资金。有关工作由市财政局负责。\n"
                   "（三）深化审批改革。推行告知承诺制（相关工作由市政务服务局负责）。\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1", [("市委宣传部", "lead"), ("各有关部门", "cooperating")]), ("2", [("市财政局", "lead")]),
        ("3", [("市政务服务局", "lead")])]


def test_related_work_that_may_be_some_other_work_stays_unread():
    _, plan = read("（一）严格考核问责。将任务完成情况纳入年度考核，相关工作由市委督查室负责。\n"  # the clause before's
                   "（二）加强组织领导。成立领导小组，办公室设在市发展改革委。相关工作由领导小组办公室负责。\n"  # the body's
                   "（三）强化资金保障。统筹安排专项资金。\n相关工作由市财政局负责。\n"  # a line of its own
                   "四、其他事项\n做好政策解读。相关工作由市委宣传部负责。\n")  # a paragraph no label opens
    assert plan.tasks == [] and plan.statements_seen == 0


def test_enclosed_digit_enumerators_are_outline_labels():
    # ⑴ and ⒈ are what a word processor's numbering leaves: labels of the forms （1） and 1.
    _, plan = read("一、重点任务\n1.开展环境整治\n⑴组织开展春季清洁行动。\n牵头：镇人居办　配合：镇环卫所\n"
                   "⑵整治乱堆乱放。\n牵头：镇综合执法中队\n2.完善管护机制。（镇人居办负责）\n")
    assert [(t.key, t.label, t.text[:8], units(t)) for t in plan.tasks] == [
        ("1.1.1", "⑴", "组织开展春季清洁", [("镇人居办", "lead"), ("镇环卫所", "cooperating")]),
        ("1.1.2", "⑵", "整治乱堆乱放。", [("镇综合执法中队", "lead")]),
        ("1.2", "2.", "完善管护机制。", [("镇人居办", "lead")])]
    _, plan = read("一、职业教育\n㈠推进园区建设\n⒈推动职教园区规划编制（主办：规划处）；\n"
                   "⒉完成中职学校布局调整。（主办：职成处；协办：财务处）\n")
    assert [(t.key, t.label, units(t)) for t in plan.tasks] == [
        ("1.1.1", "⒈", [("规划处", "lead")]), ("1.1.2", "⒉", [("职成处", "lead"), ("财务处", "cooperating")])]


def test_a_standing_statement_opening_with_its_scope():
    for standing in ("各项工作均需地方各级人民政府负责落实，以下不再一一列出。",
                     "现将任务分工如下。上述各项任务均由各区县人民政府负责落实，不再列出。",
                     "所有任务均需各市州人民政府组织实施，以下不再逐项列出。"):
        _, plan = read(f"{standing}\n一、改善条件\n（一）改造校舍。（教育部负责，财政部参加）\n（二）建设饮水工程。（水利部负责）\n")
        carried = {u.name for t in plan.tasks for u in t.units if u.carried}
        assert len(carried) == 1 and all(t.units[-1].carried and t.units[-1].role == "implementing"
                                          for t in plan.tasks), standing
    _, plan = read("各项工作要加强组织领导，以下不再一一列出。\n（一）改造校舍。（教育部负责）\n")  # names nobody
    assert units(plan.tasks[0]) == [("教育部", "lead")]


def test_a_standing_statement_in_the_plans_preamble_naming_the_work_it_stands_in():
    """(set 18: nyncb) the paragraph after the plan's title: 各项工作中，A、B负责具体落实，以下不再列出."""
    for standing, name in (
            ("2022年是关键之年。各项工作中，各省级农业农村部门、乡村振兴部门负责具体落实，以下不再列出。",
             "各省级农业农村部门、乡村振兴部门"),
            ("各项任务中，各省级人民政府负责组织落实，以下不再一一列出。", "各省级人民政府"),
            ("以下各项工作当中，各市州人民政府负责具体落实，不再列出。", "各市州人民政府")):
        _, plan = read(f"2022年工作要点\n{standing}\n一、改善条件\n（一）改造校舍。（教育部负责，财政部参加）\n"
                       "（二）建设饮水工程。（水利部负责）\n")
        assert [[(u.name, u.role) for u in t.units if u.carried] for t in plan.tasks] == [
            [(name, "implementing")]] * 2, standing
    _, plan = read("各项工作中，要加强组织领导，以下不再列出。\n（一）改造校舍。（教育部负责）\n")  # names nobody
    assert units(plan.tasks[0]) == [("教育部", "lead")]


def test_a_standing_statement_whose_scope_is_a_topic_before_its_units():
    """(set 20: fagai xiaofei) 以下各项任务，A均负责…抓好落实，不再逐项列出: the scope, a comma, the units, 均/都, a verb."""
    for standing, names in (
            ("以下各项任务，各省级人民政府均负责结合本地实际抓好落实，不再逐项列出。", ["各省级人民政府"]),
            ("上述各项工作，各市（州）人民政府都要认真组织实施，不再一一列出。", ["各市（州）人民政府"]),
            ("本方案所列各项任务，各区县政府、西咸新区管委会均负责抓好落实，以下不再列出。", ["各区县政府", "西咸新区管委会"]),
            ("以下各项措施，各市人民政府负责落实，不再逐项列出。", ["各市人民政府"]),
            ("以下各项任务，各有关市、县（区）人民政府均负责抓好落实，不再逐项列出。", ["各有关市、县（区）人民政府"]),
            ("以下各项任务，各市人民政府、宁东管委会均负责抓好落实，不再逐项列出。", ["各市人民政府", "宁东管委会"])):
        _, plan = read(f"{standing}\n一、改善条件\n（一）改造校舍。（教育部负责，财政部参加）\n（二）建设饮水工程。（水利部负责）\n")
        assert [[(u.name, u.role) for u in t.units if u.carried] for t in plan.tasks] == [
            [(name, "implementing") for name in names]] * 2, standing
    for near_miss in ("以下各项任务，要加强组织领导，不再逐项列出。",  # names nobody
                      "以下各项任务，各省级人民政府均负责结合本地实际抓好落实。",  # not "not listed again"
                      "以下各项任务，各省级人民政府均要高度重视，不再逐项列出。",  # no verb of doing
                      "以下各项任务，牵头部门要会同各省级人民政府抓好落实，不再逐项列出。"):  # the units do not open it
        _, plan = read(f"{near_miss}\n（一）改造校舍。（教育部负责）\n")
        assert units(plan.tasks[0]) == [("教育部", "lead")], near_miss


def test_a_standing_statement_saying_not_listed_without_zai():
    """(set 58: xiangyang-gxq) 不一一列出 / 不逐项列出 / 不单独列出 say "not listed" as 不再…列出 does; a bare or
    descriptive one (未一一列出, 不一一列举) and a sentence about one measure carry nothing."""
    for standing, name in (("各街道办事处负责本辖区相关任务落实，以下不一一列出。", "各街道办事处"),
                           ("以下各项任务，各乡镇（街道）均需结合实际抓好落实，不逐项列出。", "各乡镇（街道）"),
                           ("各部门负责本部门相关任务落实，以下不单独列出。", "各部门")):
        _, plan = read(f"{standing}\n（一）改造校舍。（教育部负责）\n（二）建设饮水工程。（水利部负责）\n")
        assert [[(u.name, u.role) for u in t.units if u.carried] for t in plan.tasks] == [
            [(name, "implementing")]] * 2, standing
    for near_miss in ("各街道办事处负责本辖区相关任务落实，以下未一一列出。",
                      "各街道办事处负责本辖区相关任务落实，不一一列举。",
                      "各街道办事处负责的具体任务，以下不一一列出。",
                      "各街道办事处负责第2项任务在本辖区的落实，以下不一一列出。"):
        _, plan = read(f"{near_miss}\n（一）改造校舍。（教育部负责）\n")
        assert units(plan.tasks[0]) == [("教育部", "lead")], near_miss


def test_a_standing_statement_of_helpers_carries_them_as_cooperating():
    """(set 33: wujialing) 以下各项任务均需各社区配合落实，不再一一列出: the tasks' leads are printed; the helpers
    are carried to each as cooperating, a plain 落实 / 负责 as implementing."""
    for standing, role in (("以下各项任务均需各社区配合落实，不再一一列出。", "cooperating"),
                           ("以下各项任务，各社区均需协助抓好落实，不再逐项列出。", "cooperating"),
                           ("以下各项任务均需各社区抓好落实，不再一一列出。", "implementing")):
        _, plan = read(f"{standing}\n（一）改造校舍。（街道城管办牵头）\n（二）建设饮水工程。（街道党建办牵头）\n")
        assert [[(u.name, u.role) for u in t.units if u.carried] for t in plan.tasks] == [[("各社区", role)]] * 2
    _, plan = read("以下各项任务均需加强配合、抓好落实，不再一一列出。\n（一）改造校舍。（教育部负责）\n")  # names nobody
    assert units(plan.tasks[0]) == [("教育部", "lead")]


def test_an_interpretation_clause_is_no_statement():
    _, plan = read("请认真贯彻执行。对有关政策措施的解释由各牵头单位负责。\n1.甲措施。（市商务局负责）\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [("1", [("市商务局", "lead")])]


def test_labelled_blocks_with_nobody_and_the_same_as_above():
    _, plan = read("1.支持企业技术改造\n按设备投资额给予补助。\n主办部门：经济发展委员会\n协办部门：科技创新委员会、财政局\n"
                   "完成时限：2022年10月底\n2.强化人才引育\n发放人才安居补贴。\n主办部门：人力资源管理服务中心\n协办部门：同上\n"
                   "3.盘活低效用地\n盘活低效工业用地。\n主办部门：国土环保局\n协办部门：无\n完成时限：2022年12月底\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1", [("经济发展委员会", "lead"), ("科技创新委员会", "cooperating"), ("财政局", "cooperating")]),
        ("2", [("人力资源管理服务中心", "lead"), ("科技创新委员会", "cooperating"), ("财政局", "cooperating")]),
        ("3", [("国土环保局", "lead")])]


def wrapped(*paragraphs: str, width: int = 28) -> str:
    """Paragraphs as a text extracted from print gives them: broken into lines of ``width`` characters, a
    paragraph's first line indented, no line opening with a closing punctuation mark (the typesetter's rule)."""
    out = []
    for paragraph in paragraphs:
        line = "　　"
        for char in paragraph:
            if len(line) >= width and char not in "，。、；：）":
                out.append(line)
                line = ""
            line += char
        out.append(line)
    return "\n".join(out) + "\n"


WRAPPED = wrapped(
    "为切实加强农村生活污水治理设施运行维护管理，巩固治理成果，结合我县实际，制定本方案。到2021年底，全县农村生活污水"
    "治理设施标准化运维覆盖率达到100%，出水水质达标率达到90%以上，农户受益率保持在95%以上。",
    "一、主要任务",
    "（一）健全运维管理体制（牵头单位：县治水办（县河长办）；责任单位：县农业农村局、县住建局、各乡镇（街道））",
    "建立县级统筹、乡镇主体、村级落实、农户参与的运维管理体系，明确各方职责，形成一级抓一级、层层抓落实的工作格局。",
    "（二）落实运维经费保障",
    "第一，将农村生活污水治理设施运维经费纳入县级财政预算，按照每户每年不低于100元的标准安排运维补助资金（县财政局负责）。",
    "第二，建立运维经费以奖代补制度，根据年度考核结果拨付补助资金，鼓励村集体和受益农户合理分担运维费用（县财政局、"
    "县治水办（县河长办）负责，各乡镇（街道）落实）。",
    "（三）提升运维专业化水平",
    "1）推行第三方专业运维，通过公开招标方式确定运维单位，2019年底前实现专业运维全覆盖（县治水办（县河长办）牵头，"
    "县住建局、县市场监管局配合）。",
    "2）建立运维单位考核评价和退出机制，考核结果与运维费用拨付挂钩（县治水办（县河长办）负责）。",
    "（四）加大宣传引导力度，通过电视、报纸、微信公众号等多种渠道宣传农村生活污水治理设施运维知识，营造全社会共同参与"
    "的良好氛围。（县委宣传部、县融媒体中心负责）",
)


def test_a_hard_wrapped_text_reads_each_paragraph_from_its_start():
    _, plan = read(WRAPPED)
    assert [(t.key, t.text[:10], units(t)) for t in plan.tasks] == [
        ("1.1", "健全运维管理体制", [("县治水办（县河长办）", "lead"), ("县农业农村局", "participant"),
                                     ("县住建局", "participant"), ("各乡镇（街道）", "participant")]),
        ("1.2-1", "第一，将农村生活污水", [("县财政局", "lead")]),
        ("1.2-2", "第二，建立运维经费以", [("县财政局", "lead"), ("县治水办（县河长办）", "participant"),
                                        ("各乡镇（街道）", "implementing")]),
        ("1.3.1", "推行第三方专业运维，", [("县治水办（县河长办）", "lead"), ("县住建局", "cooperating"),
                                        ("县市场监管局", "cooperating")]),
        ("1.3.2", "建立运维单位考核评价", [("县治水办（县河长办）", "lead")]),
        ("1.4", "加大宣传引导力度，通", [("县委宣传部", "lead"), ("县融媒体中心", "participant")])]


def test_a_full_line_ending_in_a_colon_closes_its_paragraph():
    # the notice's addressees, as long as the text's lines and unindented as pdftotext prints them, then the
    # notice's sentence wrapped before a body's name (…已经 / 县人民政府同意): the addressees close no sentence
    for addressees, sentence in [
        ("各街道办事处，经济开发区、庙山开发区管委会，区政府各部门：",
         "《某区2026年宜居宜业和美乡村建设重点任务清单》已经\n区人民政府同意，现印发给你们，请认真贯彻落实。"),
        ("各乡镇人民政府，高新技术产业园区管委会，县政府各部门：",
         "《某县2026年城乡建设重点任务清单》已经县人民政\n府同意，现印发给你们，请结合实际认真贯彻落实。"),
    ]:
        text = "某区人民政府办公室关于印发\n重点任务清单的通知\n" + addressees + "\n" + sentence + "\n" + WRAPPED
        plan = prose.read(SourceText("doc.txt", text), jurisdiction="420115")
        assert [t.key for t in plan.tasks] == ["1.1", "1.2-1", "1.2-2", "1.3.1", "1.3.2", "1.4"]
    # a colon inside a full line does not stop the paragraph going on
    inside = wrapped("（五）落实运维经费：按每户每年不低于100元的标准安排运维补助资金，建立以奖代补制度，"
                     "根据考核结果拨付补助资金（县财政局负责）。")
    _, plan = read(WRAPPED + inside)
    assert units(plan.tasks[-1]) == [("县财政局", "lead")] and plan.tasks[-1].text.startswith("落实运维经费")


def test_lines_that_are_paragraphs_are_not_joined_as_wrapped():
    # unindented lines of a text whose lines are its paragraphs, whatever their lengths
    text = "".join(f"{k}.推进第{k}项重点工作任务落实。（市发展改革委负责）\n" for k in range(1, 13))
    text += "市商务局负责汇总各项措施推进情况并按月报送市政府办公厅。\n"
    _, plan = read(text)
    assert [t.key for t in plan.tasks] == [str(k) for k in range(1, 13)]
    assert prose.wrap_width(prose.LineIndex(text).lines) is None


def test_short_paragraphs_whose_first_lines_lost_their_indent_are_wrapped_at_the_full_width():
    # markitdown / pdfminer (set 48: wuhou): paragraphs of two lines, each first line printed without its indent, so
    # the commonest length is the width less the indent; a closing line on its own after （三） covers the series
    items = [f"（{n}）推进第{k}项重点工作。支持商圈提档升级，推动老旧商业载体改造和业态调整，引入一批首店和特色品牌，"
             "打造“一圈一特色”，形成一批具有影响力的消费新地标和新场景。"
             for n, k in zip("一二三四五六七八九十", range(1, 11), strict=True)]
    body = [items[0], items[1] + "（区商务局、区城管局负责）", items[2], "以上工作由区投促局牵头，区商务局配合。"]
    text = wrapped("二、提升商圈消费能级", *body, *items[3:], width=34).replace("　　", "")
    lines = prose.LineIndex(text).lines
    assert prose.wrap_width(lines) == 34
    _, plan = read(text)
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("2.1", [("区投促局", "lead"), ("区商务局", "cooperating")]),
        ("2.2", [("区商务局", "lead"), ("区城管局", "participant")]),
        ("2.3", [("区投促局", "lead"), ("区商务局", "cooperating")])]
    assert plan.tasks[2].text.startswith("推进第3项重点工作")


def test_a_line_at_the_width_less_the_indent_after_a_sentences_end_opens_a_paragraph():
    # pdftext (set 48: guoban): an item of two bracketed paragraphs, the second's first line printed without its
    # indent (32 of 34), stopping mid-sentence after the first's bracket (33 of 34): the paragraph starts there
    head = "（七）改善体育消费环境。鼓励保险机构开发场地责任保险、运动人身意\n"
    assert len(head) - 1 == 32
    full = "外伤害保险等产品，支持金融机构创新适合体育企业的金融产品，推广体育消\n"
    first = "费券、健身积分等消费激励措施。（银保监会、人民银行、体育总局负责）\n"
    second = ("加强体育市场监管，规范预付式消费行为，建立体育经营主体信用记录，\n"
              "依法查处侵害消费者权益的违法行为。（市场监管总局、体育总局、国家发展\n改革委负责）\n")
    filler = wrapped(*(f"（{n}）推进第{n}项体育产业重点工作。支持体育场馆拓展健身休闲、运动培训、文化演艺、会议展览等功能，"
                       "打造城市体育服务综合体，提高场馆综合利用效率。推进大型体育场馆所有权与经营权分离改革，引入社会"
                       "力量参与运营管理。（体育总局负责）" for n in "一二三四五六"), width=34).replace("　　", "")
    _, plan = read("二、重点任务\n" + filler + head + full + first + second)
    assert [(t.key, t.text[:8]) for t in plan.tasks][-2:] == [("2.7-1", "改善体育消费环境"), ("2.7-2", "加强体育市场监管")]
    # a line as short that ends its sentence is the paragraph's last line: it goes on from the line before
    last = "费券、健身积分等消费激励措施。推广体育消费券、健身积分等激励措施\n加强体育市场监管，规范预付式消费行为，推动体育消费提质扩容。\n（体育总局负责）\n"
    _, plan = read("二、重点任务\n" + filler + head + full + last)
    assert [t.key for t in plan.tasks][-1] == "2.7"
    assert "加强体育市场监管" in plan.tasks[-1].text


def test_closing_sentences_that_name_who_answers_in_more_words():
    _, plan = read("二、重点任务\n"
                   "（一）盘活闲置资产。通过出租、入股等方式盘活利用。此项工作由县农业农村局负责落实。\n"
                   "（二）推进村企联建。引导龙头企业与村结对共建。县工商联为责任主体，县委统战部指导。\n"
                   "（三）发展物业经济。建设标准厂房和商铺。县发改委、县自然资源局按职责分工抓好落实。\n"
                   "（四）瓶装液化气整治。严厉打击非法充装行为。此项整治由县住建局、县公安局负责落实。\n"
                   "（五）严格考核奖惩。将集体经济发展纳入考核。县委组织部、县委考评办为责任主体。\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("2.1", [("县农业农村局", "lead")]),
        ("2.2", [("县工商联", "lead"), ("县委统战部", "guiding")]),
        ("2.3", [("县发改委", "lead"), ("县自然资源局", "participant")]),
        ("2.4", [("县住建局", "lead"), ("县公安局", "participant")]),
        ("2.5", [("县委组织部", "lead"), ("县委考评办", "participant")]),
    ]
    assert plan.tasks[1].text == "推进村企联建。引导龙头企业与村结对共建。"


def test_duties_with_an_object_and_notices_to_see_it_done_are_no_statements():
    _, plan = read("（一）加强组织领导。县融媒体中心要及时宣传典型经验。\n"
                   "（二）抓好落实。各乡镇、各有关部门要结合实际抓好落实。\n"
                   "（三）强化督导。现将方案印发给你们，请认真抓好落实。\n"
                   "（四）明确资金。此项资金由县财政局负责落实。\n")
    assert plan.tasks == []


def test_fields_side_by_side_on_one_line_are_one_statement():
    _, plan = read("一、聚焦民生\n"
                   "　　1.做好就业工作。新增城镇就业300人。\n"
                   "牵头领导：党委副书记　郑某某　　牵头单位：镇社事办　　责任人：卫某　　完成时限：2024年12月底\n"
                   "　　2.提升教育卫生服务水平。完成镇卫生院发热门诊改造。\n"
                   "牵头领导：副镇长　蒋某　　牵头单位：镇社事办、茅滩镇卫生院　　配合单位：镇财政所　　责任人：沈某\n"
                   "　　3.做好宣传。联系人：王某　　联系电话：12345678\n")
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1.1", "做好就业工作。新增城镇就业300人。", [("镇社事办", "lead")]),
        ("1.2", "提升教育卫生服务水平。完成镇卫生院发热门诊改造。",
         [("镇社事办", "lead"), ("茅滩镇卫生院", "lead"), ("镇财政所", "cooperating")]),
    ]



@pytest.mark.parametrize("gap", ["\u3000", "\u3000\u3000", "  "])
def test_a_person_field_then_a_unit_field_parted_by_one_full_width_space(gap):
    """(set 72: sanlitun) one full-width space is as wide as two: the fields stand side by side."""
    _, plan = read("一、党建引领\n"
                   "1.深化区域化党建。推动驻街单位与社区党组织结对共建。\n"
                   f"责任领导：刘某某{gap}责任科室：党群工作办公室、社区建设办公室\n"
                   "2.加强干部队伍建设。全年培训社区工作者1200人次。\n"
                   f"责任领导：刘某某{gap}完成时限：2026年底\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1.1", [("党群工作办公室", "lead"), ("社区建设办公室", "participant")])]


def test_a_person_field_then_a_unit_label_after_one_narrow_space_is_no_field_pair():
    _, plan = read("一、党建引领\n"
                   "1.深化区域化党建。推动驻街单位与社区党组织结对共建。\n"
                   "责任领导：刘某某 责任科室：党群工作办公室\n")
    assert plan.tasks == []

BARE = ("二、重点任务\n"
        "（一）压实安全生产责任。修订全员安全生产责任清单（安全生产监督管理部，集团公司办公室，各子公司）。\n"
        "（二）加强施工现场管控。推行“平安工地”建设（工程管理部，安全生产监督管理部，各项目公司）。\n"
        "（三）提升信息化水平。建设安全生产风险监测平台（信息化管理中心、安全生产监督管理部）。\n"
        "（四）加强教育培训。开展全员安全培训（党委组织部（人力资源部），集团工会；2024年6月底前）。\n")


def test_a_document_stating_responsibility_in_bare_brackets_of_units():
    _, plan = read(BARE)
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("2.1", [("安全生产监督管理部", "lead"), ("集团公司办公室", "participant"), ("各子公司", "participant")]),
        ("2.2", [("工程管理部", "lead"), ("安全生产监督管理部", "participant"), ("各项目公司", "participant")]),
        ("2.3", [("信息化管理中心", "lead"), ("安全生产监督管理部", "participant")]),
        ("2.4", [("党委组织部（人力资源部）", "lead"), ("集团工会", "participant")]),
    ]


def test_a_bracket_or_two_of_names_in_running_text_is_no_way_of_the_document():
    _, plan = read("二、重点任务\n"
                   "（一）完善公共设施。建设一批文体场馆（市民中心、体育中心）。\n"
                   "（二）优化营商环境。推行“一网通办”（以下简称“通办”）。\n"
                   "（三）强化服务保障。支持重点企业发展（集团公司，各子公司）。\n"
                   "（四）加强宣传。开展系列宣传活动（2024年6月底前）。\n")
    assert plan.tasks == []


def test_footnote_marks_after_units_and_their_footnotes():
    _, plan = read("一、强化政治引领\n"
                   "（一）抓好学习教育。依托县委党校开展轮训（组织一科牵头，县委党校[2]、县委宣传部配合）。\n"
                   "（二）实施人才计划。全年引进高层次人才50名（县委人才办[5]牵头，县人社局¹配合）。\n"
                   "（三）树立选人用人导向。完善考核评价（干部一科牵头，干部二科配合）。\n"
                   "——————————\n"
                   "[5]县委人才办设在县委组织部。\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1.1", [("组织一科", "lead"), ("县委党校", "cooperating"), ("县委宣传部", "cooperating")]),
        ("1.2", [("县委人才办", "lead"), ("县人社局", "cooperating")]),
        ("1.3", [("干部一科", "lead"), ("干部二科", "cooperating")]),
    ]




def test_a_conditional_closing_sentence_is_a_statement_of_its_own():
    _, plan = read("四、加强要素保障\n（八）加大财政金融支持。发挥国家级基金引导作用。"
                   "由财政部商国家发展改革委、工业和信息化部负责；涉及资本市场的，由中国证监会负责。\n"
                   "（九）强化人才支撑。完善人才评价机制。由教育部负责；属于职业技能培训的，由人力资源社会保障部负责。\n")
    assert [(t.key, t.text[:7], units(t)) for t in plan.tasks] == [
        ("4.8-1", "加大财政金融支", [("财政部", "lead"), ("国家发展改革委", "participant"),
                              ("工业和信息化部", "participant")]),
        ("4.8-2", "涉及资本市场的", [("中国证监会", "lead")]),
        ("4.9-1", "强化人才支撑。", [("教育部", "lead")]),
        ("4.9-2", "属于职业技能培", [("人力资源社会保障部", "lead")])]


def test_a_condition_without_a_statement_before_it_and_a_condition_in_running_text_stay_unread():
    _, plan = read("（一）加大支持。发挥基金作用，涉及资本市场的，由中国证监会负责。\n"
                   "（二）做好解释。涉及本方案的具体问题，由市发展改革委负责解释。\n")
    assert plan.tasks == []


def test_a_drafting_duty_with_its_procedure_closes_the_measure():
    _, plan = read("三、推进未来产业发展\n（四）开展先导区建设。布局建设一批未来产业先导区。\n"
                   "由工业和信息化部会同国家发展改革委、科技部提出先导区布局方案，按程序报批。\n"
                   "（五）加大投入。中央预算内投资予以支持。（国家发展改革委会同财政部提出方案，按程序报批）\n"
                   "（六）编制规划。由国家发展改革委会同有关部门编制专项规划。\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("3.4", [("工业和信息化部", "lead"), ("国家发展改革委", "participant"), ("科技部", "participant")]),
        ("3.5", [("国家发展改革委", "lead"), ("财政部", "participant")])]  # (六): a duty, no statement


def test_guiding_verb_pairs_and_fenbie_in_brackets():
    _, plan = read("（一）压实地方责任。建立责任清单。（各省级食品安全委员会负责，国务院食品安全办指导督促）\n"
                   "（二）加强校园食品安全。落实校长负责制。（教育部、市场监管总局分别负责）\n"
                   "（三）培育经营主体。支持国有企业布局。（省国资委、省工业和信息化厅分别牵头，按职责分工负责）\n")
    assert [units(t) for t in plan.tasks] == [
        [("各省级食品安全委员会", "lead"), ("国务院食品安全办", "guiding")],
        [("教育部", "lead"), ("市场监管总局", "lead")],
        [("省国资委", "lead"), ("省工业和信息化厅", "lead")]]


# ---------------------------------------------------------------- set 15


def test_a_task_force_block_on_three_lines_is_one_statement():
    _, plan = read("三、专班任务\n（一）企业服务专班\n　　推行企业开办“一日办结”，压缩开办时间。\n"
                   "　　组长单位：区市场监管局\n　　副组长单位：区行政审批局\n　　成员单位：区税务局、区人社局\n"
                   "（二）政务服务专班\n　　深化“高效办成一件事”改革。\n　　组长单位：区行政审批局\n"
                   "　　成员单位：区大数据中心、各镇（街道）\n")
    first, second = plan.tasks
    assert first.text.startswith("推行企业开办") and second.text.startswith("深化")
    assert units(first) == [("区市场监管局", "lead"), ("区行政审批局", "participant"),
                            ("区税务局", "participant"), ("区人社局", "participant")]
    assert units(second) == [("区行政审批局", "lead"), ("区大数据中心", "participant"),
                             ("各镇（街道）", "participant")]


def test_a_task_force_block_in_one_sentence_or_side_by_side():
    _, plan = read("（一）金融专班\n　　落实普惠金融支持政策，搭建融资对接平台。组长单位：区金融工作局；副组长单位：人民银行温江支行；"
                   "成员单位：区财政局、区农业农村局等。\n（二）外资专班\n　　优化外资企业服务。\n"
                   "　　组长单位：区投资促进局　副组长单位：区商务局　成员单位：区税务局\n")
    first, second = plan.tasks
    assert first.text.startswith("落实普惠金融") and first.open_ended
    assert units(first)[0] == ("区金融工作局", "lead") and len(units(first)) == 4
    assert units(second) == [("区投资促进局", "lead"), ("区商务局", "participant"), ("区税务局", "participant")]


@pytest.mark.parametrize("text", [
    "附件\n\n湖南省促进民营经济发展联席会议成员单位名单\n\n　　召 集 人：省人民政府分管副省长\n"
    "　　成员单位：省委宣传部、省发展改革委、省财政厅。\n",
    "（一）加强组织领导。成立工作领导小组，由市长任组长。\n　　成员单位：市发展改革委、市财政局\n",
    "　　副组长单位：区法院、区检察院\n",
])
def test_members_without_a_head_state_no_one_responsible(text):
    _, plan = read(text)
    assert plan.tasks == []


def test_two_statements_in_one_paragraph_each_close_their_measure():
    _, plan = read("第三章　主要任务\n第一节　筑牢生态安全屏障\n"
                   "　　实施国土绿化行动，每年新增珍贵树种100万株。此项工作由市林业局牵头，市自然资源和规划局配合。"
                   "加强森林火灾防控，完善监测体系，由市林业局、市应急管理局按职责分工负责。\n"
                   "第二节　强化要素保障\n　　加大财政投入力度，整合涉林资金。市财政局牵头，市林业局、市发展改革委参与。"
                   "完善林业用地保障，此项工作由市自然资源和规划局负责，市林业局配合。\n")
    assert [t.key for t in plan.tasks] == ["3.1-1", "3.1-2", "3.2-1", "3.2-2"]
    assert [t.text[:4] for t in plan.tasks] == ["实施国土", "加强森林", "加大财政", "完善林业"]
    assert units(plan.tasks[1]) == [("市林业局", "lead"), ("市应急管理局", "participant")]
    assert units(plan.tasks[3]) == [("市自然资源和规划局", "lead"), ("市林业局", "cooperating")]


def test_a_statement_followed_by_a_sentence_that_states_no_one():
    _, plan = read("第四节　强化监测评估\n　　建立规划实施年度监测和中期评估制度。此项工作由市林业局牵头，市发展改革委、"
                   "市统计局参与。规划中期评估结果报市政府审定后向社会公布。\n")
    (task,) = plan.tasks
    assert task.text.startswith("建立规划实施")
    assert units(task) == [("市林业局", "lead"), ("市发展改革委", "participant"), ("市统计局", "participant")]


@pytest.mark.parametrize("text", [
    # a duty with an object, mid-paragraph
    "（一）加强统筹。市发展改革委负责研究提出年度计划。各地要抓好落实。\n",
    # a sentence before the last naming only participants or implementers: running text
    "4.鼓励公益慈善组织参与。支持公益慈善组织兴办养老机构。\n",
    "（一）加强组织领导。盟级成立工作专班，统筹推进各项任务落实。各旗县要落实主体责任。\n",
    # a condition's clause with no statement before it
    "（一）加大支持。发挥基金作用，涉及资本市场的，由中国证监会负责。规划实施情况纳入考核。\n",
    # a last clause opened by 由 that names only who carries something out: the clause's work, not the measure's
    "（二）强化调度。市发改委负责统筹协调，每月通报进展。项目推进情况纳入市政府督查考核，由市政府督查室组织实施。\n",
    "（三）加强宣传。开展主题宣传活动，由各县（市、区）配合。\n",
    # the work of the clause before it, not the measure's, before another sentence
    "（二）严格考核。纳入年度考核，相关工作由市委督查室负责。考核结果向社会公布。\n",
])
def test_running_text_mid_paragraph_stays_unread(text):
    _, plan = read(text)
    assert plan.tasks == []


def test_a_bracket_dividing_the_measure_is_read_but_the_same_in_running_text_is_not():
    _, plan = read("6．开展政策评估，组织民营企业家座谈会。（省发展改革委负责政策评估，省工商联负责组织企业座谈）\n"
                   "7．深化燃气安全整治。（城镇燃气由市城管局负责，工业燃气由市工业和信息化局负责）\n"
                   "8．推进数据开放。市数据局负责平台建设，市发展改革委负责目录编制。（市数据局牵头，市发展改革委配合）\n")
    assert [units(t) for t in plan.tasks] == [
        [("省发展改革委", "lead"), ("省工商联", "lead")],
        [("市城管局", "lead"), ("市工业和信息化局", "lead")],
        [("市数据局", "lead"), ("市发展改革委", "cooperating")],  # the running text's split stays unread
    ]


_NUMBERED = (
    "二、重点任务\n"
    "（一）推进垃圾治理\n"
    "　　5.健全收运处置体系。完善“户分类、村收集、乡镇转运、县\n"
    "处理”模式，推进乡镇垃圾中转站提质改造。（责任单位：县城管执\n"
    "\n— 3 —\n\n"
    "桃江县农村人居环境整治提升五年行动实施方案\n"
    "1 法局、县住建局、各乡镇人民政府）\n"
    "2 　　6．推进源头分类减量。推进农村生活垃圾就地分类和资源化利\n"
    "3 用，建设再生资源回收网点200个。（责任单位：县供销社、县商\n"
    "4 务局、县妇联）\n"
    "5 （二）推动村容村貌整体提升\n"
    "6 　　7．改善村庄公共环境。全面清理私搭乱建、乱堆乱放，整治农\n"
    "7 村户外广告，推进“四好农村路”建设。（责任单位：县农业农村局\n"
    "8 、县自然资源局、县交通运输局、县林业局）\n"
    "9 　　８．加强乡村规划管理。有序推进“多规合一”实用性村庄规划\n"
    "10 编制，2023年底前实现有条件的村庄规划应编尽编。（\n"
    "11 责任单位：县自然资源局、县住建局）\n"
    "12 三、保障措施\n"
    "13 　　（一）强化资金保障。整合涉农资金，每年安排农村人居环境整\n"
    "14 治专项资金不少于3000万元，积极争取地方政府专项债券支持。\n"
    "\n— 4 —\n\n"
    "桃江县农村人居环境整治提升五年行动实施方案\n"
    "（责任单位：县财政局、县农业农村局）\n"
)


def test_pdf_line_numbers_page_heads_and_breaks_are_no_part_of_the_text():
    _, plan = read("桃江县农村人居环境整治提升五年行动实施方案\n\n" + _NUMBERED)
    assert [(t.key, [u.name for u in t.units]) for t in plan.tasks] == [
        ("2.1.5", ["县城管执法局", "县住建局", "各乡镇人民政府"]),
        ("2.1.6", ["县供销社", "县商务局", "县妇联"]),
        ("2.2.7", ["县农业农村局", "县自然资源局", "县交通运输局", "县林业局"]),
        ("2.2.8", ["县自然资源局", "县住建局"]),
        ("3.1", ["县财政局", "县农业农村局"]),
    ]
    assert plan.tasks[-1].text.startswith("强化资金保障")


def test_a_table_numbered_by_its_rows_keeps_its_numbers():
    from fengong.readers.lines import line_numbers
    rows = "".join(f"{n} 实施第{n}项工程 市发展改革委\n" for n in range(1, 9))
    assert line_numbers(rows) == {}
    items = "".join(f"{n} 完成第{n}项任务。（市财政局负责）\n" for n in range(1, 9))
    assert line_numbers(items) == {}


def test_a_column_of_line_numbers_is_found_as_a_pattern_of_the_document():
    from fengong.readers.lines import line_numbers, running_heads
    text = "标题\n" + "".join(f"{n} 　　{n}．措施{n}。\n" for n in range(1, 7))
    assert line_numbers(text) == {n + 1: len(str(n)) + 1 for n in range(1, 7)}
    assert line_numbers("标题\n9 　　８．推进绿化。\n15 三、保障措施\n") == {}  # two numbers are no column
    # the title printed again after a page number is a running head; a paragraph after one is not
    page = "实施方案\n正文。\n— 3 —\n实施方案\n正文。\n— 4 —\n加强组织领导，完善机制。\n"
    assert running_heads(page, [3, 6]) == [4]


# ---------------------------------------------------------------- set 16: a legislative plan, a rule of 协同责任单位

LEGISLATION = """某市人民政府2025年度立法计划

　　项目起草单位为两个以上的，第一个为牵头起草单位。

一、地方性法规项目
　　1.《某市养犬管理条例》（修订）。起草单位：市公安局；配合单位：市城管局、市农业农村局。2025年6月底前报送市政府。
　　2.《某市历史文化名城保护条例》（修订）。起草单位：市住建局、市文广旅局。2025年8月底前报送市政府。
　　3.《某市长江岸线保护条例》。由市水利局负责起草，市交通运输局参与。2025年9月底前报送市政府。
二、政府规章项目
　　1.《某市政府投资项目审计办法》（修订）。由市审计局起草。2025年8月底前报送市政府。
三、立法调研项目
　　1.城市绿化管理立法调研。由市司法局会同市城管局、市园林局开展。
　　2.物业管理立法调研。市司法局开展调研，形成报告。

　　各起草单位要在规定时间内将送审稿报送市司法局。市司法局负责审查修改。立法工作经费由市财政局予以保障。
"""


def test_a_legislative_plan_s_drafting_sentences_and_labels():
    _, plan = read(LEGISLATION)
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1.1", [("市公安局", "lead"), ("市城管局", "cooperating"), ("市农业农村局", "cooperating")]),
        ("1.2", [("市住建局", "lead"), ("市文广旅局", "participant")]),
        ("1.3", [("市水利局", "lead"), ("市交通运输局", "participant")]),  # the deadline after it names no one
        ("2.1", [("市审计局", "lead")]),
        ("3.1", [("市司法局", "lead"), ("市城管局", "participant"), ("市园林局", "participant")])]
    # 3.2's 开展 has an object (调研): a duty in running text; the reviewer and the money are no task's


def test_a_deadline_sentence_alone_closing_a_measure_states_nothing():
    _, plan = read("一、重点工作\n　　1.修订物业管理办法。2025年底前报送市政府。\n")
    assert plan.tasks == []


PACKAGES = """重大项目市领导包保推进工作方案

　　实行市领导包保、责任单位推进、项目业主实施的工作机制。项目业主负责项目的具体建设；责任单位有两个以上的，排在第一位的为牵头责任单位，其余为协同责任单位。

一、产业类项目
　　1.稀土新材料产业园
　　建设单位：中国稀土集团有限公司
　　包保市领导：市长 曾某某
　　责任单位：赣州经开区管委会、市工信局、市自然资源局
　　2.高铁新区数字经济产业园
　　建设单位：某发展投资控股集团有限责任公司
　　包保市领导：副市长 刘某某
　　牵头责任单位：蓉江新区管委会；协同责任单位：市发改委、市科技局
"""


def test_a_stated_rule_gives_the_others_of_a_bare_list_their_role():
    _, plan = read(PACKAGES)
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1.1", [("赣州经开区管委会", "lead"), ("市工信局", "cooperating"), ("市自然资源局", "cooperating")]),
        ("1.2", [("蓉江新区管委会", "lead"), ("市发改委", "cooperating"), ("市科技局", "cooperating")])]
    assert all(t.text.endswith("产业园") for t in plan.tasks)  # the owner and the leader are no units


PAGE_TOP = "首页 > 政策 > 文件库\n【字体：大 中 小】【打印】【关闭】\n关于某事的意见\n"
ARTICLE = "一、主要任务\n（一）推进甲。（商务部负责）\n（二）推进乙。（财政部负责）\n国务院办公厅\n2025年6月18日\n"


@pytest.mark.parametrize("footer", [
    "【我要纠错】\t责任编辑：刘　洋\n【打印】\t【关闭】\n相关链接\n·商务部就意见答记者问\n关于本网 | 网站声明 | 联系我们\n"
    "主办单位：国务院办公厅　运行维护单位：中国政府网运行中心\n版权所有：中国政府网\n",
    "【打印本页】　　【关闭窗口】\n责任编辑：县政府办信息科\n上一篇：关于某事的通知\n"
    "主办单位：正定县人民政府办公室　　承办单位：正定县政务服务和数据管理中心\n",
    "扫一扫在手机打开当前页\n主办单位：某市人民政府办公室\n",
], ids=["gov.cn", "county-portal", "qr-code"])
def test_a_web_pages_footer_holds_no_statement(footer):
    _, plan = read(PAGE_TOP + ARTICLE + footer)
    assert [(t.key, units(t)) for t in plan.tasks] == [("1.1", [("商务部", "lead")]), ("1.2", [("财政部", "lead")])]


@pytest.mark.parametrize("footer", [
    "相关链接\n主办单位：浙江省人民政府办公厅 承办：浙江省大数据发展中心 浙ICP备05002195号\n网站标识码：3300000001\n",
    "主办单位：某县人民政府办公室\n承办单位：某县融媒体中心\n赣ICP备05004721号　赣公网安备36113002000123号\n",
    "主办：湖南省人民政府办公厅\n技术支持：某中心\n网站标识码：4300000063\n",
], ids=["one-line", "fields-above-licence", "site-code"])
def test_a_sites_credits_are_its_footer_where_the_article_end_marks_were_dropped(footer):
    # jusText or readability keep the credits but drop 【打印】【关闭】 above them
    _, plan = read(PAGE_TOP + ARTICLE + footer)
    assert [(t.key, units(t)) for t in plan.tasks] == [("1.1", [("商务部", "lead")]), ("1.2", [("财政部", "lead")])]


def test_a_site_field_away_from_the_credits_or_before_a_numbered_paragraph_stays():
    # a body's own 主办单位 line is read: the credits stand after the last numbered paragraph, the fields right above
    _, plan = read("一、重点活动\n（一）举办国际会展周。\n主办单位：市商务局\n（二）推进乙。（财政部负责）\n"
                   "网站标识码：3300000001\n")
    assert [units(t) for t in plan.tasks] == [[("市商务局", "lead")], [("财政部", "lead")]]
    _, plan = read("一、重点活动\n（一）举办国际会展周。\n主办单位：市商务局\n国务院办公厅\n网站标识码：3300000001\n")
    assert [units(t) for t in plan.tasks] == [[("市商务局", "lead")]]


def test_a_print_button_above_the_article_or_a_credit_line_in_it_is_no_footer():
    # the marks above the article (its title's print button) leave the article alone
    _, plan = read("【打印】【关闭】\n" + ARTICLE)
    assert len(plan.tasks) == 2
    # the body's own labelled line is read where no end of the article stands before it
    _, plan = read("一、重点活动\n（一）举办国际会展周。\n主办单位：市商务局\n（二）推进乙。（财政部负责）\n")
    assert [units(t) for t in plan.tasks] == [[("市商务局", "lead")], [("财政部", "lead")]]


MARKDOWN = """# 某县人民政府办公室关于印发某某行动方案的通知

**某政办〔2025〕3号**

## 一、重点任务

### （一）做强加工业

1\\. **培育龙头企业。** 支持龙头企业做大做强。

**牵头单位：**县农业农村局；**配合单位：**县财政局、县经信局

2\\. **建设集聚区。** 完善配套设施。

- **牵头单位**：县商务局
- __配合单位__：县供销社

3\\. 发展电子商务。（牵头单位：**县商务局**；配合单位：*县邮政分公司*）

4\\. 发展社会化服务。

> 责任单位：县农业农村局、各乡镇人民政府\\

### 5\\. 加强人才培养（县人社局牵头，县财政局配合） ###

---

抄送：县委办。
"""


def test_a_plan_printed_through_markdown_reads_as_the_plan():
    # headings (## 一、), escaped labels (1\.), strong and emphasis (**牵头单位：**, __A__, *A*), bullets, block
    # quotes, a hard break and rules are Markdown's marks, not text: each blanked in place, every offset kept
    source, plan = read(MARKDOWN)
    assert [(t.key, t.label) for t in plan.tasks] == [("1.1.1", "1."), ("1.1.2", "2."), ("1.1.3", "3."),
                                                      ("1.1.4", "4."), ("1.1.5", "5.")]
    assert [units(t) for t in plan.tasks] == [
        [("县农业农村局", "lead"), ("县财政局", "cooperating"), ("县经信局", "cooperating")],
        [("县商务局", "lead"), ("县供销社", "cooperating")],
        [("县商务局", "lead"), ("县邮政分公司", "cooperating")],
        [("县农业农村局", "lead"), ("各乡镇人民政府", "participant")],
        [("县人社局", "lead"), ("县财政局", "cooperating")],
    ]
    assert plan.tasks[0].text.startswith("培育龙头企业。")
    assert all(source.quote(u.span) == u.name for t in plan.tasks for u in t.units)


def test_a_star_before_a_name_in_markdown_stays_the_lead_mark():
    # a star a name follows is no emphasis: *A、*B are two marks, not *A、* italic
    _, plan = read("## 一、任务\n\n标注*的为牵头单位。\n\n**1\\. 甲措施。**（责任单位：*县商务局、县财政局）\n\n"
                   "**2\\. 乙措施。**（责任单位：县财政局、*县商务局、*县发展改革委）\n")
    first, second = plan.tasks
    assert units(first)[0] == ("县商务局", "lead")
    assert [u.marked for u in second.units] == [False, True, True]


@pytest.mark.parametrize("text", [
    "一、任务\n1#机组改造。（责任单位：县发改委）\n",  # a # inside a line
    "一、任务\n# 注：以下按职责分工。\n1.甲。（责任单位：县发改委）\n",  # one line opened by # alone is no Markdown
    "一、任务\n1.甲。（责任单位：县发改委、县财政局）见content_2025附件。\n",
])
def test_plain_text_with_a_markdown_character_is_read_as_printed(text):
    from fengong.readers.markdown import blank_marks
    assert blank_marks(text) == text
    _, plan = read(text)
    assert units(plan.tasks[0])[0] == ("县发改委", "lead")


def test_pandoc_s_bold_paragraphs_alone_make_a_text_markdown():
    # (set 40: wenlv) pandoc -t markdown of a body whose headings were bold paragraphs: **一、…** on lines of
    # their own and no other mark; three such lines are Markdown, the heading its numbered item
    from fengong.readers.markdown import is_markdown
    body = ("**某县乡村振兴工作要点**\n\n**一、完善工作制度**\n\n（一）建立台账。逐项推进。\n\n牵头单位：县农业农村局\n\n"
            "配合单位：县财政局\n\n**二、强化保障**\n\n（二）加强督查。定期通报。\n\n牵头单位：县政府办\n")
    assert is_markdown(body)
    _, plan = read(body)
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1.1", [("县农业农村局", "lead"), ("县财政局", "cooperating")]), ("2.2", [("县政府办", "lead")])]
    # two bold lines, or bold inside a line (**A**乙), are not enough alone
    assert not is_markdown("**一、总体要求**\n甲\n**二、重点任务**\n乙\n")
    assert not is_markdown("**甲**乙\n**丙**丁\n**戊**己\n")


# markdownify of mammoth's HTML of a Word file numbered automatically (一、 （一） 1.): the numbers lost, each list
# item printed 1.; a paragraph numbered at a deeper level than the list open above it printed under empty parents'
# bullets (`* + 1.`), which are layout: its own 1. is its label
MARKDOWNIFY = """**某市人民政府办公室关于印发提振消费实施方案的通知**

1. 重点任务
   1. 推动大宗消费更新升级
      1. 持续实施汽车以旧换新。用好补贴政策。

责任单位：市商务局、市财政局

完成时限：2026年12月底

* + 1. 推进家电家装焕新。支持以旧换新。

牵头单位：市商务局；配合单位：市市场监管局

* 1. 培育服务消费新增长点
     1. 扩大文旅消费。提升景区品质。

责任单位：市文化广电和旅游局、各县（市）区政府
"""


@pytest.mark.parametrize("stack", ["* + 1. ", "- * 1. ", "+ - 2) ", "* - + "])
def test_list_markers_stacked_on_a_line_are_markdown_and_the_last_is_the_item_s(stack):
    from fengong.readers.markdown import blank_marks, is_markdown
    text = MARKDOWNIFY.replace("* + 1. ", stack)
    assert is_markdown(text) and is_markdown(text.replace("**", ""))  # two stacks are Markdown alone
    line = next(ln for ln in blank_marks(text).splitlines() if "推进家电" in ln)
    assert line.lstrip().startswith(stack.split()[-1] + " 推进" if stack[-2] in ".)" else "推进")
    _, plan = read(text)
    assert [(t.text[:6], units(t)) for t in plan.tasks] == [
        ("持续实施汽车", [("市商务局", "lead"), ("市财政局", "participant")]),
        ("推进家电家装", [("市商务局", "lead"), ("市市场监管局", "cooperating")]),
        ("扩大文旅消费", [("市文化广电和旅游局", "lead"), ("各县（市）区政府", "participant")])]


@pytest.mark.parametrize("text", [
    "一、任务\n* 市商务局、市财政局负责宣传。\n1.甲。（责任单位：县发改委）\n",  # one bullet is no stack
    "一、任务\n* * *\n1.甲。（责任单位：县发改委）\n",  # a thematic break
    "一、任务\n1. 1.甲。（责任单位：县发改委）\n",  # numbers alone are no bullets
    "一、任务\n1.甲。（责任单位：*县发改委、*县财政局）\n",  # the lead mark
])
def test_a_bullet_or_a_rule_alone_stacks_no_list_markers(text):
    from fengong.readers.markdown import STACKED, is_markdown
    assert STACKED.search(text) is None and not is_markdown(text)


def test_markdown_marks_are_blanked_in_place():
    from fengong.readers.markdown import blank_marks
    text = "## 一、任务\n\n1\\. **甲**。[县商务局](http://x.cn/a_b)、`县财政局`\\\n2\\. 乙 \\\\\n| A \\| B | **C** |\n| --- | --- |\n"
    out = blank_marks(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert out.splitlines() == ["   一、任务", "", "1.    甲  。 县商务局" + " " * len("](http://x.cn/a_b)") + "、 县财政局  ",
                                "2.  乙 \\ ", "| A \\| B |   C   |", "| --- | --- |"]


def test_pandoc_s_table_drawing_is_blanked_where_the_format_puts_it():
    # (set 31) a grid table's borders and the | under their +, a simple or multiline table's dashed rules: layout,
    # in any text; a | inside a cell stands under no + and stays; the columns begin where the drawing says
    from fengong.readers.markdown import blank_marks, drawn_columns
    grid = ("+------+--------------+\n| 序号 | 责任单位     |\n+======+==============+\n"
            "| 1    | 市商务局|市  |\n+------+--------------+\n")
    out = blank_marks(grid)
    assert len(out) == len(grid) and out.count("\n") == grid.count("\n")
    assert [line.rstrip() for line in out.splitlines()] == ["", "  序号   责任单位", "", "  1      市商务局|市", ""]
    assert drawn_columns(grid) == {2: (7,)}
    multiline = ("  --------------------\n  序号   重点任务\n  ------ ------------\n  1      推进甲项\n"
                 "  --------------------\n")
    assert [line.strip() for line in blank_marks(multiline).splitlines()] == ["", "序号   重点任务", "", "1      推进甲项", ""]
    assert drawn_columns(multiline) == {2: (9,)}


@pytest.mark.parametrize("text", [
    "甲 | 乙 | 丙\n",  # pipes outside a grid table's borders
    "+ 加强领导 +\n| 一、任务 |\n",  # a plus that draws no border
    "2024-2026年\n",  # dashes inside a line
])
def test_text_drawn_with_no_pandoc_table_keeps_its_characters(text):
    from fengong.readers.markdown import blank_drawn_tables, drawn_columns
    assert blank_drawn_tables(text) == text and drawn_columns(text) == {}


def test_a_pdf_fonts_mis_decoded_characters_are_read_as_what_they_stand_for():
    # 暋 a full-width space (the indent), 灡 the dot after a list number, 暟/暠 the quotes, ⽅ a Kangxi radical for 方:
    # labels and statements are read through them, offsets stay the file's, quotes are of the file
    from fengong.textrepair import repair
    source, plan = read("一、扩大服务消费\n暋暋1灡发展暟时间银行暠等互助养老模式。\n暋暋责任单位：省民政厅、省地⽅金融管理局\n"
                        "暋暋2灡扩大托育服务供给。\n暋暋责任单位：省卫健委\n")
    assert [(t.key, t.label, units(t)) for t in plan.tasks] == [
        ("1.1", "1．", [("省民政厅", "lead"), ("省地方金融管理局", "participant")]),
        ("1.2", "2．", [("省卫健委", "lead")])]
    assert plan.tasks[0].text == "发展“时间银行”等互助养老模式。"
    assert source.quote(plan.tasks[0].units[1].span) == "省地⽅金融管理局"
    assert all(repair(source.quote(u.span)) == u.name for t in plan.tasks for u in t.units)


def test_brackets_of_an_unverified_mapping_stay_unread():
    _, plan = read("一、任务\n1.甲措施。氀责任单位：省民政厅氁\n")
    assert plan.tasks == []


def test_a_stated_lead_rule_is_read_across_the_line_break_of_a_wrapped_paragraph():
    items = "".join(wrapped(f"{k}.推进第{k}项服务消费重点工作，完善相关配套政策措施，加强政策宣传和工作指导，及时总结"
                            "推广各地典型经验做法，定期调度工作进展情况，协调解决推进中遇到的困难和问题，确保各项任务落到"
                            "实处。") + "责任单位：省商务厅、省财政厅\n" for k in range(1, 5))
    preamble = ("　　为进一步激发服务消费潜力，推动服务消费提质扩容，更好\n"
                "满足人民群众多样化需求，结合本市实际，制定以下措施。本措施\n"
                "所列各项重点工作任务对应的责任单位中，排在第一位的单位为\n"
                "牵头单位，其他为配合单位。\n")
    assert "排在第一位的单位为\n牵头单位" in preamble  # the rule is cut by the line break
    source, plan = read(preamble + "一、主要任务\n" + items)
    (section,) = plan.sections
    assert normalise(source.quote(section.role_rule_span)) == "排在第一位的单位为牵头单位，其他为配合单位"
    assert [units(t) for t in plan.tasks] == [[("省商务厅", "lead"), ("省财政厅", "cooperating")]] * 4
    # without the rule the first leads by convention and the others take part
    _, plan = read(preamble.replace("排在第一位的单位为\n牵头单位，", "\n") + "一、主要任务\n" + items)
    assert [units(t) for t in plan.tasks] == [[("省商务厅", "lead"), ("省财政厅", "participant")]] * 4


@pytest.mark.parametrize("labels", [
    "牵 头 单 位：国家卫生健康委\n参 与 单 位：市场监管总局、海关总署\n",  # a PDF.js copy of letter-spaced labels
    "牵　头　单　位：国家卫生健康委\n参　与　单　位：市场监管总局、海关总署\n",  # spaced by ideographic spaces
    "牵头单位：国家卫生健康委\n-2-\n2019年重点工作任务分工\n参与单位：市场监管总局、海关总署\n",  # a page break between
    "牵 头 单 位：国家卫生健康委\n\n参 与 单 位：市场监管总局、海关总署\n",  # pdfminer's blank line between blocks
])
def test_labelled_lines_read_through_letter_spacing_and_what_parts_them(labels):
    text = ("2019年重点工作任务分工\n一、标准\n（一）加快制修订食品安全标准。\n" + labels +
            "（二）加强标准跟踪评价。\n责 任 单 位：国家卫生健康委\n-3-\n2019年重点工作任务分工\n二、治理\n")
    _, plan = read(text)
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1.1", [("国家卫生健康委", "lead"), ("市场监管总局", "participant"), ("海关总署", "participant")]),
        ("1.2", [("国家卫生健康委", "lead")])]


@pytest.mark.parametrize("line", [
    "完 成 时 限：2019年底前",  # a letter-spaced field that names nobody
    "工 作 任 务：加快制修订食品安全标准",
    "牵 头 负 责 同 志 要 亲 自 抓",  # letter-spaced words that are no label
])
def test_letter_spaced_lines_that_are_no_role_label_stay_unread(line):
    _, plan = read(f"一、标准\n（一）加快制修订食品安全标准。\n{line}\n")
    assert plan.tasks == [] and plan.statements_seen == 0


def test_a_closing_sentence_whose_first_line_lost_its_indent_is_read_whole():
    # pdftotext and pdfminer drop a paragraph's indent: its first line is two characters short of the others, and
    # the sentence wraps on (…三江新 / 区管委会…); pdfminer prints a blank line between blocks, which parts them
    items = [f"{k}.开展第{k}项产业链精准招商。围绕储能电池材料、结构件、系统集成和回收利用等环节，编制产业链招商图谱，"
             "实行链长加链主工作机制，每年引进储能领域重大项目一批以上，形成集聚效应。" for k in range(1, 6)]
    closing = "以上工作由市投资促进局牵头，市经济和信息化局、三江新区管委会、各区县人民政府配合。"
    expected = [("市投资促进局", "lead"), ("市经济和信息化局", "cooperating"), ("三江新区管委会", "cooperating"),
                ("各区县人民政府", "cooperating")]
    for blank in ("", "\n"):
        text = "（二）强化产业招引培育\n" + blank + "".join(
            wrapped(p).replace("　　", "") + blank for p in [*items, closing])
        assert "三江新\n区管委会" in text
        _, plan = read(text)
        assert [(t.key, units(t)) for t in plan.tasks] == [(f"2.{k}", expected) for k in range(1, 6)]


def test_a_blank_line_or_a_short_first_line_ends_a_paragraph():
    # a closing line after a blank line, or after a one-line paragraph shorter than the text's lines less the
    # indent, is not joined to the paragraph before: it closes the last measure alone, not a paragraph of it
    items = "".join(wrapped(f"{k}.开展第{k}项产业链精准招商。围绕储能电池材料、结构件、系统集成和回收利用等环节，编制"
                            "产业链招商图谱，实行链长加链主工作机制，每年引进储能领域重大项目十个一批以上。").replace("　　", "")
                    for k in range(1, 6))
    assert items.endswith("一批以上。\n") and len(items.splitlines()[-1]) >= 27  # a full last line
    _, plan = read("一、任务\n" + items + "\n以上工作由市投资促进局牵头，市财政局配合。\n")
    assert [(t.key, t.text[-5:], units(t)) for t in plan.tasks] == [  # on a line of its own: the whole series
        (f"1.{k}", "一批以上。", [("市投资促进局", "lead"), ("市财政局", "cooperating")]) for k in range(1, 6)]
    _, plan = read("一、任务\n" + items + "加强组织保障工作。\n各区县要建立健全产业招商工作推进机制。\n")
    assert plan.tasks == []


def test_a_label_colon_at_a_line_end_inside_an_open_bracket_goes_on():
    # …（牵头单位： / 市应急局；责任单位：A、B…）: the colon is the label's, not one introducing what follows
    items = "".join(wrapped(f"{k}.健全储能安全管理体系。落实储能电站安全管理主体责任，开展储能电站消防安全评估，建立储能"
                            "电站全生命周期安全监管机制，储能电池产品质量检测认证能力建设。（牵头单位：市应急局；"
                            "责任单位：市发展改革委、市消防救援支队、市市场监管局）").replace("　　", "") for k in range(1, 5))
    assert "（牵头单位：\n市应急局" in items
    _, plan = read("一、任务\n" + items)
    assert [units(t) for t in plan.tasks] == [[("市应急局", "lead"), ("市发展改革委", "participant"),
                                               ("市消防救援支队", "participant"), ("市市场监管局", "participant")]] * 4


def test_a_running_head_is_no_recurring_line_of_a_table():
    from fengong.readers.lines import running_heads
    # the title after one page number, and a head after two, are heads (a chapter's heading repeated too)
    booklet = "林下经济规划\n正文。\n— 3 —\n林下经济规划\n正文。\n"
    assert running_heads(booklet, [3]) == [4]
    chapters = "第三章 做强产业\n正文。\n— 3 —\n第三章 做强产业\n正文。\n— 4 —\n第三章 做强产业\n正文。\n"
    assert running_heads(chapters, [3, 6]) == [4, 7]
    # a wrapped name's last piece that a page number cut once, printed as a line in many rows: no head
    rows = "".join(f"{n}\n人力资源社会保\n障部\n" for n in range(1, 5)) + "5\n人力资源社会保\n— 9 —\n障部\n"
    assert running_heads(rows, [16]) == []
    # the page numbers in a row (— 5 — / — 6 — / header) precede one line: counted once
    stacked = "正文。\n— 5 —\n— 6 —\n序号 任务\n1\n正文二。\n"
    assert running_heads(stacked, [2, 3, 4]) == []


def test_a_running_head_printed_before_its_page_number():
    from fengong.readers.lines import running_heads
    # pdftext (pdfium's page text): each page's head, then its number, then the page's text
    pages = "— 1 —\n正文。\n某市方案\n— 2 —\n正文。\n某市方案\n\n— 3 —\n正文。\n"
    assert running_heads(pages, [1, 4, 8]) == [3, 6]
    # printed so before one page number only: the last line of a page (a unit cell), no head
    once = "某市方案\n正文。\n市财政局\n— 2 —\n正文。\n"
    assert running_heads(once, [4]) == []
    # a table's recurring cell at the foot of two pages, printed in other rows too: no head
    rows = "".join(f"{n}\n市财政局\n" for n in range(1, 6)) + "市财政局\n— 2 —\n6\n市财政局\n— 3 —\n"
    pages_at = [i + 1 for i, line in enumerate(rows.split("\n")) if line.startswith("—")]
    assert running_heads(rows, pages_at) == []


LUOYANG_LIKE = """某市人民政府办公室关于印发某市行动方案的通知
1.加强宣传推广。统筹利用主流媒体和新媒体平台，开展系列主题营销。
牵头单位：市委宣传部
 某市人民政府办公室文件
— 2 —
配合单位：市文化广电和旅游局、市外事办
完成时限：长期坚持
2.繁荣夜间经济。优化活动组织。
 某市人民政府办公室文件
— 3 —
延长开放时间。
牵头单位：市商务局
"""


def test_labelled_lines_go_on_over_a_head_printed_before_the_page_number():
    _, plan = read(LUOYANG_LIKE)
    assert [units(t) for t in plan.tasks] == [
        [("市委宣传部", "lead"), ("市文化广电和旅游局", "cooperating"), ("市外事办", "cooperating")],
        [("市商务局", "lead")]]


# (set 29: hefei) pdftotext -layout: every line carries the page's left margin, paragraphs and labelled lines open
# indented past it, and their next lines stand at the margin, however wide the line before
LAYOUT_MARGIN_TEXT = """
                    某市2026年重点任务清单
          一、强化要素保障
          1．破解企业融资难题。深化“信易贷”平台建设，扩大首贷、
      信用贷覆盖面，全年新增普惠小微贷款300亿元以上。
          牵头单位：市委金融办
          配合单位：人民银行某市分行、国家金融监督管理总局某
      市监管分局、市发展改革委
          完成时限：2026年12月底
          2．提高土地要素配置效率。推行工业用地“标准地”出让。
          牵头单位：市自然资源和规划局
          配合单位：市发展改革委
"""


def test_a_line_at_a_layout_texts_margin_goes_on_with_the_line_before():
    _, plan = read(LAYOUT_MARGIN_TEXT)
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1.1", [("市委金融办", "lead"), ("人民银行某市分行", "cooperating"),
                 ("国家金融监督管理总局某市监管分局", "cooperating"), ("市发展改革委", "cooperating")]),
        ("1.2", [("市自然资源和规划局", "lead"), ("市发展改革委", "cooperating")])]


def test_paragraphs_indented_by_full_width_spaces_have_no_layout_margin():
    # a word processor's 　　 opens every paragraph: the paragraphs are no lines of one another
    text = "".join(f"　　{k}.推进第{k}项工作。\n　　牵头单位：市发展改革委\n" for k in range(1, 4))
    _, plan = read(text)
    assert [(t.key, units(t)) for t in plan.tasks] == [(str(k), [("市发展改革委", "lead")]) for k in range(1, 4)]
    # a text whose every line has the same ASCII margin and none indented past it: each line its own paragraph
    _, plan = read("  加强统筹协调，形成工作合力。\n  推进重点项目建设（市发展改革委负责）。\n")
    assert [t.text for t in plan.tasks] == ["推进重点项目建设"]


def test_a_documents_colophon_of_drafting_and_overseeing_offices_names_no_task():
    # (set 29: henan) 主办 beside 督办 at a provincial document's end: who drafted it and who oversees it
    text = "一、加强组织保障\n推进重点工作（省发展改革委负责）。\n\n主办：省工业和信息化厅　　督办：省政府办公厅五处\n"
    _, plan = read(text)
    assert [(t.key, units(t)) for t in plan.tasks] == [("1", [("省发展改革委", "lead")])]
    # a task's own block names its 主办 (lead) beside its 协办, whatever follows
    _, plan = read("1.推进重点工作。\n主办单位：省发展改革委　　协办单位：省财政厅　　督办：省政府督查室\n")
    assert units(plan.tasks[0]) == [("省发展改革委", "lead"), ("省财政厅", "cooperating")]


def test_a_hard_wrapped_line_goes_on_after_the_form_feed_that_opens_the_next_page():
    # (set 29: henan) pdftotext ends a page with its number and a form feed: the form feed opening the next line is
    # no indent (half-width punctuation and 暋 indents as a wrongly decoded font prints them)
    text = "暋暋(一)优化发展环境。\n" + "推动中小企业高质量发展,完善政策支持体系和公共服务体系建设\n" * 8 + \
        "持续推进。(省发展改革委负责)\n" + """暋暋(二)落实减税降费政策。全面落实小微企业普惠性税收减免
政策,深入开展 “便民办税春风行动暠,提高纳税服务便利度。规范
涉企行政事业性收费,降低中小企业用能、用地、物流等成本。
(省税务局、省财政厅负责)
暋暋(三)支持中小企业开拓市场。
暋暋1灡落实首台套产品推广应用政策,预留本部门年度采购项目
—5—
\f预算总额的一定比例专门面向首台套产品采购,形成示范效应。(省
工业和信息化厅负责)
暋暋2灡组织企业参加中国国际中小企业博览会、中国(郑州)国际
跨境电商大会等展会活动,支持中小企业开拓国际市场,对参加境
外展会的展位费按规定给予补贴。(省商务厅负责)
"""
    _, plan = read(text)
    assert [(t.key, t.text[:10]) for t in plan.tasks] == [
        ("1", "优化发展环境。推动中"), ("2", "落实减税降费政策。全"), ("3.1", "落实首台套产品推广应"),
        ("3.2", "组织企业参加中国国际")]
    # an indented line after the form feed opens a paragraph of its own
    _, plan = read(text.replace("\f预算总额", "\f暋暋预算总额"))
    assert plan.tasks[2].key == "3.1" and plan.tasks[2].text.startswith("预算总额")



# ---------------------------------------------------------------- OCR text of a scan (set 30)

# OCR of a scan spaces the characters of words apart, reads 、 as a backtick and a label's 、 as a comma, a dash or
# a backtick, and prints the page's number between dashes it reads as 一: a clean text, wrapped at 28 characters,
# then spaced as OCR spaces it.
CLEAN = ["某省人民政府办公厅文件", "————————————————————", "某省人民政府办公厅关于做好防汛工作的通知",
         "各市州人民政府，省政府各厅委、各直属机构：",
         "当前我省已进入汛期，据省气象局预测，今年汛期全省降水偏多，局地强降雨引发山洪地质灾害的风险较高，防汛形势"
         "严峻复杂。为切实做好今年防汛工作，全力保障人民群众生命财产安全，经省人民政府同意，现就有关事项通知如下。",
         "{one}压紧压实防汛责任",
         "1 .全面落实以行政首长负责制为核心的防汛责任制，逐级明确防汛行政责任人和水库、堤防等各类责任人，及时在媒体"
         "上公布，接受社会监督。",
         "2.健全成员单位信息共享`会商研判机制，汛期严格执行24小时值班和领导带班制度，确保信息报送及时准确。",
         "一 2 一",
         "以上各项工作由省防指办牵头，省水利厅、省应急厅配合。",
         "二{comma}强化监测预报预警",
         "（一 )加强雨情水情监测预报，滚动开展短临预报，提高暴雨、洪水预报精度和预见期，及时发布预警信息。"
         "(省气象局`省水文中心负责)",
         "（ 二 ）加强山洪灾害监测预警，完善县、乡、村、组、户五级预警体系，确保预警信息及时传递到户到人。"
         "（省水利厅、省自然资源厅负责）",
         "（三)加强城市防洪排涝，全面排查城市易涝点，落实断电、封闭、警示等措施。（省住房城乡建设厅,省公安厅负责)"]


def ocr(lines: list[str], every: int) -> str:
    """The lines wrapped at 28 characters, a space put after every ``every``-th character of a line of text."""
    out = []
    for line in lines:
        for at in range(0, len(line), 28):
            piece = line[at : at + 28]
            out.append("".join(c + (" " if k % every == every - 1 and len(piece) > 20 and " " not in piece[k : k + 2]
                                    else "") for k, c in enumerate(piece)).rstrip())
    return "\n".join(out) + "\n"


def test_an_ocr_text_is_read_without_its_spaces_and_its_look_alikes(tmp_path):
    for every, one, comma in ((2, "一,", "`"), (3, "—、", ","), (5, "-、", "、"), (4, "一`", "、")):
        path = tmp_path / "ocr.txt"
        path.write_text(ocr([line.format(one=one, comma=comma) for line in CLEAN], every), encoding="utf-8")
        plan, reader = read_path(path)
        assert reader == "clauses"
        assert [(t.key, t.label, t.text[:6], units(t)) for t in plan.tasks] == [
            ("1.1", "1.", "全面落实以行", [("省防指办", "lead"), ("省水利厅", "cooperating"), ("省应急厅", "cooperating")]),
            ("1.2", "2.", "健全成员单位", [("省防指办", "lead"), ("省水利厅", "cooperating"), ("省应急厅", "cooperating")]),
            ("2.1", "（一)", "加强雨情水情", [("省气象局", "lead"), ("省水文中心", "participant")]),
            ("2.2", "（二）", "加强山洪灾害", [("省水利厅", "lead"), ("省自然资源厅", "participant")]),
            ("2.3", "（三)", "加强城市防洪", [("省住房城乡建设厅", "lead"), ("省公安厅", "participant")])], every
        raw = path.read_text(encoding="utf-8")
        mention = plan.tasks[3].units[1]  # the span points into the file, OCR's spaces inside it
        assert normalise(raw[mention.span.start : mention.span.end]) == "省自然资源厅"


def test_a_typed_text_is_no_ocr_text():
    from fengong.readers.ocr import ocr_spaced

    lines = [line.format(one="一、", comma="、") for line in CLEAN]
    assert ocr_spaced(ocr(lines, 3)) and ocr_spaced(ocr(lines, 6))
    clean = ocr(lines, 1000)
    assert not ocr_spaced(clean)
    # a letter-spaced head, fields side by side, words and a table's cells parted by spaces: a typed text's spaces
    typed = ("某 省 人 民 政 府 办 公 厅\n" + clean
             + "牵头单位：省水利厅　　配合单位：省应急厅　　完成时限：2026年6月底前\n"
             + "标准名称为数字乡村建设指南 第2部分，由省农业农村厅负责组织起草和报批工作。\n"
             + "序号 重点任务 牵头单位 配合单位\n"
             + "".join(f"{k} 开展第{k}项防汛隐患排查整治工作 省水利厅 省应急厅、省自然资源厅\n" for k in range(1, 9)))
    assert not ocr_spaced(typed)
    assert not ocr_spaced(ocr(lines[:6], 3))  # too short to judge


def test_an_ocr_text_that_spaces_some_lines_character_by_character_is_ocr_text():
    from fengong.readers.ocr import ocr_spaced

    lines = ocr([line.format(one="一、", comma="、") for line in CLEAN], 1000).splitlines()

    def spaced_every(every: int) -> str:  # PaddleOCR: a line spaced character by character, its marks too
        return "\n".join(" ".join(line) if k % every == 0 else line for k, line in enumerate(lines)) + "\n"

    for every in (2, 3, 5):  # one line in two, three, five so spaced, the rest printed as typed
        assert ocr_spaced(spaced_every(every)), every
    # too few such lines (one in twelve), or lines letter-spaced with no mark in them (a head, a header row)
    assert not ocr_spaced(spaced_every(12))
    heads = "\n".join(lines) + "\n" + "序 号 重 点 任 务 牵 头 单 位 配 合 单 位 完 成 时 限\n" * 2 \
        + "某 省 人 民 政 府 办 公 厅 关 于 做 好 防 汛 工 作 的 通 知\n"
    assert not ocr_spaced(heads)


def test_labels_as_ocr_reads_them_and_their_near_misses():
    # 一、 read 一, 二` —、 -、, 1、 read 1`, 1. read 1 . : labels, printed without their spaces
    _, plan = read("一,组织领导\n1`建立工作机制。（市发改委负责）\n2 .完善考核制度。（市财政局负责）\n"
                   "二`工作任务\n（ 一 )开展专项行动。（市商务局负责）\n")
    assert [(t.key, t.label) for t in plan.tasks] == [("1.1", "1`"), ("1.2", "2."), ("2.1", "（一)")]
    for dash in ("—、", "-、", "- 、"):
        _, plan = read(f"{dash}工作任务\n1.开展专项行动。（市商务局负责）\n")
        assert [(t.key, t.label) for t in plan.tasks] == [("1.1", "1.")], dash
    # a dash not before 、 opens no item, nor a number before a comma and a digit
    _, plan = read("—2026年底前，完成专项行动。（市商务局负责）\n十,5家企业完成改造。（市经信局负责）\n")
    assert [(t.key, t.label) for t in plan.tasks] == [("s1", ""), ("s2", "")]


def test_wps_ocr_reads_its_list_comma_as_an_apostrophe_and_a_1_as_the_letter_l(tmp_path):
    # WPS 图片转文字 reads 、 as ' (in labels too: 一' 二') and once 1. as l . : read so in an OCR text
    lines = [line.format(one="一'", comma="'").replace("1 .", "l .").replace("`", "'") for line in CLEAN]
    for every in (2, 3):
        path = tmp_path / "ocr.txt"
        path.write_text(ocr(lines, every), encoding="utf-8")
        plan, _ = read_path(path)
        assert [(t.key, t.label, t.text[:6], units(t)) for t in plan.tasks] == [
            ("1.1", "l.", "全面落实以行", [("省防指办", "lead"), ("省水利厅", "cooperating"), ("省应急厅", "cooperating")]),
            ("1.2", "2.", "健全成员单位", [("省防指办", "lead"), ("省水利厅", "cooperating"), ("省应急厅", "cooperating")]),
            ("2.1", "（一)", "加强雨情水情", [("省气象局", "lead"), ("省水文中心", "participant")]),
            ("2.2", "（二）", "加强山洪灾害", [("省水利厅", "lead"), ("省自然资源厅", "participant")]),
            ("2.3", "（三)", "加强城市防洪", [("省住房城乡建设厅", "lead"), ("省公安厅", "participant")])], every
        assert [item.label for item in plan.items if "." not in item.key] == ["一'", "二'"]


def test_an_apostrophe_and_a_letter_l_in_a_typed_text():
    # a typed text's apostrophe is a quote, inside a name too: no separator there
    _, plan = read("一、深化改革\n（一）推进'放管服'改革。（市'放管服'改革办公室、市政数局负责）\n"
                   "（二）推进改革。（市政数局'市商务局负责）\n")
    assert [units(t) for t in plan.tasks] == [
        [("市'放管服'改革办公室", "lead"), ("市政数局", "participant")], [("市政数局'市商务局", "lead")]]
    # 一' before Chinese text opens an item in any text, as 一` does; a letter l opens only a series of 1. 2.
    _, plan = read("一' 深化改革\n（一）推进改革\nl.推进丙。（市商务局负责）\n2.推进丁。（市财政局负责）\n")
    assert [(t.key, t.label) for t in plan.tasks] == [("1.1.1", "l."), ("1.1.2", "2.")]
    # inside a series (a list a. … l. under 3.) it is a letter; before Latin text (l.c.) no label at all
    _, plan = read("3.推进改革。（市政数局负责）\na.推进甲\nk.推进乙\nl.推进丙。（市商务局负责）\nl.c.推进丁。（市财政局负责）\n")
    assert [(t.key, t.label) for t in plan.tasks] == [("3-1", ""), ("3-2", ""), ("3-3", "")]


def double_spaced(text: str) -> str:
    """``text`` as pdfminer extracts a print whose line pitch is wider than its line margin (an official document's
    fixed 28pt): each printed line a text box of its own, its indent dropped, a blank line after every line."""
    return "".join(line.lstrip("　") + "\n\n" for line in text.splitlines())


def character_grid(text: str, margin: int = 10, page: int = 80) -> str:
    """``text`` as pdfplumber's extract_text(layout=True) gives it: a grid of the page, every line padded to its
    width after a left margin of spaces (an indent of two characters is five spaces more), a padded blank line
    between lines for the line pitch."""
    out = []
    for line in text.splitlines():
        indent = 5 if line.startswith("　　") else 0
        out.append((" " * (margin + indent) + line.lstrip("　")).ljust(page) + "\n" + " " * page + "\n")
    return "".join(out)


SPACED = wrapped(
    "为加快普及学前教育和托育服务，结合本省实际，制定本方案。各项任务责任单位中，排在第一位的为牵头单位，其他为配合单位。",
    "一、主要任务",
    "（一）保障幼儿园教师待遇。督促民办园按照劳动合同法规定足额发放教师工资，依法缴纳社会保险费和住房公积金。"
    "（责任单位：省教育厅、省人力资源社会保障厅、省财政厅、省住房城乡建设厅）",
    "（二）提升教师专业素质。实施幼儿园教师全员培训，完善省、市、县三级培训体系，每五年一周期对幼儿园园长和"
    "教师开展全员轮训，推动优质园与薄弱园结对帮扶，提升保育教育质量。",
    "责任单位：省教育厅、省财政厅、各设区市人民政府",
    "（三）深化幼小科学衔接。建立幼儿园与小学结对机制，开展入学准备和入学适应教育，每年组织联合教研活动不少于两次。"
    "（牵头单位：省教育厅；责任单位：省卫生健康委、各设区市人民政府）",
    "（四）强化卫生保健和安全管理。落实幼儿园卫生保健制度，配齐卫生保健人员，定期开展安全隐患排查整治，"
    "完善安全风险防控体系，切实保障幼儿身心健康和生命安全。（责任单位：省卫生健康委、省教育厅、省公安厅）",
)
SPACED_TASKS = [
    ("1.1", "保障幼儿园教师待遇", [("省教育厅", "lead"), ("省人力资源社会保障厅", "cooperating"),
                                  ("省财政厅", "cooperating"), ("省住房城乡建设厅", "cooperating")]),
    ("1.2", "提升教师专业素质", [("省教育厅", "lead"), ("省财政厅", "cooperating"),
                                ("各设区市人民政府", "cooperating")]),
    ("1.3", "深化幼小科学衔接", [("省教育厅", "lead"), ("省卫生健康委", "cooperating"),
                                ("各设区市人民政府", "cooperating")]),
    ("1.4", "强化卫生保健和安全管理", [("省卫生健康委", "lead"), ("省教育厅", "cooperating"),
                                      ("省公安厅", "cooperating")])]


@pytest.mark.parametrize("render", [double_spaced, character_grid], ids=["pdfminer", "pdfplumber-layout"])
def test_a_double_spaced_extraction_reads_its_paragraphs_across_its_blank_lines(render):
    # a blank line after every printed line parts no paragraphs: the measure, its bracket cut over three lines
    # (…（责 / 任单位：…省住房 / 城乡建设厅）), the 责任单位 line and the lead rule cut inside its words (其他为配 / 合单位)
    # are read whole; a short line (the heading) still ends its paragraph
    text = render(SPACED)
    assert all(re.search(cut + " *\n", text) for cut in ("其他为配", "（责", "省住房"))
    _, plan = read(text)
    assert [(t.key, t.text[:t.text.index("。")], units(t)) for t in plan.tasks] == SPACED_TASKS
    assert plan.tasks[2].text.endswith("每年组织联合教研活动不少于两次。")
    assert prose.wrap_width(prose.LineIndex(text).lines) is not None


def test_blank_lines_between_paragraphs_of_a_wrapped_text_still_end_them():
    # blank lines after some lines only (between paragraphs) are paragraph breaks: the lines before a blank line
    # are no more read on into the next paragraph, and a statement after a blank line closes its paragraph alone
    paragraphs = wrapped(*[f"{k}.开展第{k}项产业链精准招商。围绕储能电池材料、结构件、系统集成和回收利用等环节，编制产业链"
                           "招商图谱，实行链长加链主工作机制，每年引进储能领域重大项目一批以上。" for k in range(1, 6)])
    lines = paragraphs.splitlines()
    assert prose._blank_after_every_line(prose.LineIndex(paragraphs.replace("一批以上。\n", "一批以上。\n\n")).lines,
                                         prose.wrap_width(prose.LineIndex(paragraphs).lines)) == set()
    assert len(lines) > 10
    # a text of one-line paragraphs, each followed by a blank line, has no wrap width: nothing is joined
    text = "".join(f"{k}.推进第{k}项重点工作任务落实。（市发展改革委负责）\n\n" for k in range(1, 13))
    _, plan = read(text)
    assert [t.key for t in plan.tasks] == [str(k) for k in range(1, 13)]


def test_a_statement_bracket_is_as_long_as_its_printed_characters():
    # a character grid pads the lines of a bracket cut by a page break (…（牵头单位： / — 2 — / 县文广新旅局；…）) to
    # hundreds of spaces: its printed characters, not its padding, are its length; a bracket of prose longer than a
    # statement is printed stays unread
    measure = "（二）加强代表性传承人队伍建设。完善县级代表性传承人认定与管理办法，落实传承补助政策，县级代表性传承人" \
              "传承补助由县财政局按每人每年3000元标准予以保障。（牵头单位：县文广新旅局；责任单位：县财政局）"
    text = character_grid(wrapped("一、主要任务", measure))
    cut = text.index("县文广新旅局")
    text = text[:cut].rstrip(" ") + "\n" + (" " * 80 + "\n") * 12 + " " * 12 + "— 2 —\n" + " " * 10 + text[cut:]
    _, plan = read(text)
    assert [(t.key, units(t)) for t in plan.tasks] == [("1.2", [("县文广新旅局", "lead"), ("县财政局", "participant")])]
    prose_bracket = "（" + "加强组织领导，完善工作机制，" * 30 + "由县财政局负责）"
    _, plan = read(character_grid(wrapped("一、主要任务", "（一）加强保障。" + prose_bracket)))
    assert plan.tasks == []


# ---------------------------------------------------------------- set 44: Word's automatic numbers lost (docx2txt)

NUMBERS_LOST = ("重点任务\n深化垃圾分类处理\n完善分类投放体系。优化投放点布局。\n推进资源化利用。建成处理站2个。（县商务局负责）\n"
                "健全长效机制。推行积分制。\n{closing}\n提升道路通达水平。改造农村公路。（县交通运输局负责）\n")


@pytest.mark.parametrize("closing", ["以上各项工作由县综合行政执法局牵头，县财政局配合。",
                                     "上述几项工作均由县综合行政执法局牵头，县财政局配合。",
                                     "以上三项工作由县综合行政执法局牵头，县财政局配合。"])
def test_a_closing_line_covers_the_paragraphs_above_it_where_the_numbers_are_lost(closing):
    # no label: the paragraphs back to the title above them are the series, each without a statement of its own
    _, plan = read(NUMBERS_LOST.format(closing=closing))
    assert [(t.text[:6], [u for u, _ in units(t)]) for t in plan.tasks] == [
        ("完善分类投放", ["县综合行政执法局", "县财政局"]), ("推进资源化利", ["县商务局"]),
        ("健全长效机制", ["县综合行政执法局", "县财政局"]), ("提升道路通达", ["县交通运输局"])]


@pytest.mark.parametrize("closing", ["以上两项工作由县综合行政执法局牵头，县财政局配合。",
                                     "以上五项工作由县综合行政执法局牵头，县财政局配合。"])
def test_a_count_takes_the_last_paragraphs_and_a_count_beyond_them_is_not_guessed_at(closing):
    _, plan = read(NUMBERS_LOST.format(closing=closing))
    covered = [t.text[:6] for t in plan.tasks if units(t)[0][0] == "县综合行政执法局"]
    assert covered == ["健全长效机制"]  # 推进资源化利用 keeps its own; 完善分类投放 is beyond the count
    assert "完善分类投放" not in [t.text[:6] for t in plan.tasks]


def test_a_closing_line_without_several_closes_the_block_under_its_title_as_one_measure():
    # 标题 / 段落 / 段落 / 以上工作由A负责: one task, its text from the first paragraph; with no title above the
    # paragraphs it closes the last one alone, as before
    text = ("推进村容村貌提升\n全面开展村庄清洁行动，清理杂物。\n加强农房风貌管控，编制图集。\n以上工作由县农业农村局负责。\n")
    _, plan = read(text)
    assert [(t.text[:8], units(t)) for t in plan.tasks] == [("全面开展村庄清洁", [("县农业农村局", "lead")])]
    _, plan = read(text.replace("推进村容村貌提升\n", "为提升村容村貌，制定本方案。\n"))
    assert [(t.text[:8], units(t)) for t in plan.tasks] == [("加强农房风貌管控", [("县农业农村局", "lead")])]


# ---------------------------------------------------------------- set 47: RapidOCR (PP-OCR) of rendered pages

@pytest.mark.parametrize("foot", ["-3一", "一2-", "—3一", "一 4 —", "--- 第3页 ---", "---第12页---"])
def test_page_numbers_whose_dashes_ocr_read_apart_are_furniture(foot):
    assert prose.PAGE_NUMBER.match(foot)
    _, plan = read("一、主要任务\n（一）落实带薪休假。督促用人单位落实制度。\n责任单位：省人力资源社会保障厅、省总\n"
                   f"{foot}\n工会\n")
    assert units(plan.tasks[0]) == [("省人力资源社会保障厅", "lead"), ("省总工会", "participant")]


@pytest.mark.parametrize("line", ["一、2026年", "1-2", "-3", "第3页内容", "--- 第3页", "二一3一四"])
def test_lines_that_only_look_like_page_numbers_stay(line):
    assert not prose.PAGE_NUMBER.match(line)


@pytest.mark.parametrize("brk", ["\n--- 第6页 ---\n", "\n\f", "\n\n", "\n一6一\n"])
def test_a_page_number_ocr_ran_into_the_pages_last_line_is_furniture(brk):
    # Umi-OCR's natural paragraphs run a page's number into its last row where that row reaches the margin
    text = ("一、重点任务\n1.强化金融服务。鼓励银行机构推出专项信贷产品。（市委金融办、人行绍兴市分行、-5-" + brk
            + "市财政局负责）\n2.开展培训。每年培训在岗职工1-4一" + brk + "万人次以上。（市人力社保局负责）\n")
    _, plan = read(text)
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("1.1", [("市委金融办", "lead"), ("人行绍兴市分行", "participant"), ("市财政局", "participant")]),
        ("1.2", [("市人力社保局", "lead")])]
    assert "4" not in plan.tasks[1].text and "职工1" in plan.tasks[1].text


def test_a_number_between_dashes_inside_a_page_is_text():
    # not before a page break: no page's foot
    assert prose.glued_feet("编号为A-5-\n第二行\n") == "编号为A-5-\n第二行\n"
    assert prose.glued_feet("-5-\n\n") == "-5-\n\n"  # a line of its own is PAGE_NUMBER's


@pytest.mark.parametrize("label", ["二）", "二)", "二 ）"])
def test_a_bracketed_label_whose_opening_bracket_ocr_dropped_is_the_label(label):
    # PP-OCR reads the label as a box of its own and may drop its （: 二） 盘活存量设施资源。
    _, plan = read(f"一、优化布局\n（一）完善标准。明确配建指标。（自然资源部负责）\n{label} 盘活存量资源。鼓励改造利用。"
                   "（商务部负责）\n（三）推动网点进社区。支持连锁企业。（住房城乡建设部负责）\n")
    assert [(t.key, t.label, t.text[:6]) for t in plan.tasks] == [
        ("1.1", "（一）", "完善标准。明"), ("1.2", label.replace(" ", ""), "盘活存量资源"), ("1.3", "（三）", "推动网点进社")]


def test_a_numeral_and_closing_bracket_inside_a_line_open_no_item():
    _, plan = read("（一）完善标准。按附件二）所列执行。（自然资源部负责）\n（二）盘活资源。（商务部负责）\n")
    assert [(t.key, t.text[:6]) for t in plan.tasks] == [("1", "完善标准。按"), ("2", "盘活资源。")]


# RapidOCR's rows of a printed page (set 47: guobanfa-2019-shequ-bianmin), 28 characters a full row, the indent of a
# paragraph's first row dropped
OCR_ROWS = """社区便民商业是服务居民日常生活的重要载体，直接关系
群众切身利益。近年来，各地积极推进社区商业网点建设，便
民服务水平不断提升，但仍存在网点布局不均衡、业态结构单
一、经营成本偏高、服务质量参差不齐等问题。为加快发展社
区便民商业，更好满足居民消费需求，经国务院同意，现提出
以下意见。
总的要求是：以习近平新时代中国特色社会主义思想为指
导，全面贯彻党的十九大和十九届二中、三中、四中全会精神，
坚持以人民为中心的发展思想，坚持市场主导、政府引导，坚
持补齐短板、提升品质，以便利居民生活为出发点和落脚点，
加快补齐社区便民商业设施短板，优化业态结构，提升服务质
量。
{before}
一、优化社区商业网点布局
（一）完善规划配置标准。将社区便民商业网点纳人国土
空间规划和城市更新统筹考虑，明确新建居住区便民商业设施
配建指标，按照每百户居民不低于一定面积的标准配置菜市场、
便利店、早餐店等网点。（自然资源部、住房城乡建设部、商
务部按职责分工负责)
（二）盘活存量设施资源。鼓励利用老旧厂房、闲置用房
等存量资源改造建设社区商业网点，在不改变用地主体和规划
条件的前提下，可按过渡期政策办理相关手续。（自然资源部
牵头，住房城乡建设部、商务部参与）
"""


def test_a_row_opening_with_the_tail_of_a_word_is_no_label():
    # …业态结构单 / 一、经营成本偏高…: the word 单一、 wrapped at the row's end, where OCR printed no indent
    text = OCR_ROWS.format(before="")
    assert prose.wrap_width(prose.LineIndex(text).lines) in (27, 28)  # digits and marks OCR prints narrow
    _, plan = read(text)
    assert [(t.key, t.label) for t in plan.tasks] == [("1.1", "（一）"), ("1.2", "（二）")]


@pytest.mark.parametrize("before", [
    "二、总体要求：以习近平新时代中国特色社会主义思想为指导坚持",  # a heading of one line: no full stop in it
    "责任单位：省发展改革委、省财政厅、省自然资源厅、省农业农村",  # a labelled line ends on a name
])
def test_a_full_row_that_may_end_its_paragraph_leaves_the_label_after_it(before):
    _, plan = read(OCR_ROWS.format(before=before))
    assert [(t.key.split("~")[0], t.label) for t in plan.tasks][-2:] == [("1.1", "（一）"), ("1.2", "（二）")]
    assert all(t.text[:4] in ("完善规划", "盘活存量") for t in plan.tasks[-2:])


@pytest.mark.parametrize("heading", ["（二）建设行业数字化公共平台", "(二)建设行业数字化、智能化公共平台"])
def test_a_heading_run_on_after_a_paragraphs_last_sentence_opens_its_item(heading):
    # OCR's natural paragraphs run the next row on where a paragraph's last row reaches the margin
    _, plan = read("二、重点任务\n（一）推进企业智能化改造\n1.实施诊断。组织服务机构开展诊断。\n2.推进低碳改造。推广先进工艺。\n"
                   f"以上各项任务由市经信局牵头，市科技局、市财政局配合。{heading}\n"
                   "1.建设产业大脑。集成订单数据。（市数据局负责）\n")
    assert [(t.key, t.text[:4]) for t in plan.tasks] == [("2.1.1", "实施诊断"), ("2.1.2", "推进低碳"),
                                                       ("2.2.1", "建设产业")]


def test_a_section_heading_run_on_after_a_paragraph_opens_its_section():
    _, plan = read("一、重点任务\n（一）实施诊断。组织服务机构开展诊断。（市经信局负责）二、保障措施\n"
                   "（一）加强组织领导。成立工作专班。（市政府办公室负责）\n")
    assert [t.key for t in plan.tasks] == ["1.1", "2.1"]


PDF2DOCX_LABELS = ("二、重点任务\n（一）强化基础设施\n1.布局起降设施。编制布局规划。\n"
                   "责任单位：省发展改革委、省交通运输厅{sep}{heading}\n"
                   "2.突破关键技术。组织科技项目。\n责任单位：省科技厅、省教育厅\n")


@pytest.mark.parametrize("sep", [" ", "\u3000", "  "])
@pytest.mark.parametrize("heading", ["（二）壮大装备制造产业", "(二)壮大装备制造、检测产业", "三、保障措施"])
def test_a_heading_run_on_after_a_space_closing_a_line_opens_its_item(sep, heading):
    # (set 54: suzhengbanfa) pdf2docx joins a short labelled line and the heading under it into one paragraph
    # with a space: the heading is no unit of the list, and the next item is under it
    _, plan = read(PDF2DOCX_LABELS.format(sep=sep, heading=heading))
    assert [units(t) for t in plan.tasks][0] == [("省发展改革委", "lead"), ("省交通运输厅", "participant")]
    key = "2.2.2" if heading.startswith(("（", "(")) else "3.2"
    assert [t.key for t in plan.tasks] == ["2.1.1", key]


@pytest.mark.parametrize("tail", ["（二）壮大产业，推动改造", "（二）壮大产业。推动改造", "二、三产业融合发展。"])
def test_a_label_after_a_space_with_a_sentence_after_it_is_no_heading(tail):
    _, plan = read(PDF2DOCX_LABELS.format(sep=" ", heading=tail))
    assert [t.key for t in plan.tasks][-1] == "2.1.2"


@pytest.mark.parametrize("sep", [" ", "\u3000"])
def test_a_heading_with_its_next_line_run_on_after_a_space_is_parted_from_it(sep):
    # (set 54: lanzhengban) pdf2docx joins the heading and the standing statement under it: the heading's title
    # is no part of the carried collective
    _, plan = read(f"二、重点工作{sep}各乡镇（街道）负责本辖区相关工作落实，以下不再一一列出。\n"
                   "（一）落实保护责任。签订责任书。（责任单位：县自然资源局、县农业农村局）\n")
    assert units(plan.tasks[0])[-1] == ("各乡镇（街道）", "implementing")
    # (set 55: a PDF tool's paragraphs) a section heading with its first item run on after it
    _, plan = read(f"一、总体要求{sep}坚持问题导向。\n二、健全支撑体系{sep}（一）完善机构网络。依托现有机构。（国家卫生健康委负责）\n"
                   "三、强化源头治理 （二）深化专项治理。开展排查。（应急管理部负责）\n")
    assert [(t.key, t.label, t.text[:4]) for t in plan.tasks] == [("2.1", "（一）", "完善机构"),
                                                                 ("3.2", "（二）", "深化专项")]


@pytest.mark.parametrize("line", ["一、总体目 标", "一、加强组织 领导", "一、重点任务 推进改革"])
def test_a_heading_with_a_space_inside_and_no_sentence_after_it_stays_whole(line):
    _, plan = read(f"{line}\n（一）完善机构网络。依托现有机构。（国家卫生健康委负责）\n")
    assert [(t.key, t.text[:4]) for t in plan.tasks] == [("1.1", "完善机构")]


@pytest.mark.parametrize("tail", ["主要包括：（一）完善标准；（二）盘活资源。", "（二）盘活资源，推动改造。"])
def test_an_inline_item_closed_by_a_mark_is_no_heading(tail):
    _, plan = read(f"（一）完善标准。明确指标。{tail}（自然资源部负责）\n（二）推动网点进社区。（商务部负责）\n")
    assert [t.key for t in plan.tasks] == ["1", "2"]


def test_a_labelled_line_goes_on_across_a_page_break_with_its_list_not_with_sentences():
    # (set 47: gansu) OCR lost the label of the paragraph opening the next page: its sentences are no part of the
    # list above the page number
    _, plan = read("（一）科学划定区域。引导项目集中。\n责任单位：省农业农村厅、省自然资源厅，河西五市人民政府\n一2-\n"
                   "推进集中连片建设。支持建设一批产业园。\n责任单位：省农业农村厅、省发展改革委\n")
    assert [units(t) for t in plan.tasks] == [
        [("省农业农村厅", "lead"), ("省自然资源厅", "participant"), ("河西五市人民政府", "participant")],
        [("省农业农村厅", "lead"), ("省发展改革委", "participant")]]


SERIES_LOST = ("推进村容村貌整体提升\n深入开展村庄清洁行动。清理杂物。\n推进美丽乡村示范村建设。打造示范片区。\n"
               "开展农村危房改造。做到应改尽改。（县住房城乡建设局负责）\n{closing}\n")


@pytest.mark.parametrize("closing", ["以上工作由县农业农村局牵头，县文化和旅游局配合，各乡镇（街道）落实。",
                                     "上述工作由县农业农村局牵头，县文化和旅游局配合，各乡镇（街道）落实。",
                                     "以上各项工作由县农业农村局牵头，县文化和旅游局配合，各乡镇（街道）落实。"])
def test_a_closing_line_over_paragraphs_that_state_their_own_is_the_series_one(closing):
    # (set 49: yizhengbanzi, mammoth's raw text) a paragraph with a statement of its own is a measure: the block
    # under the title is a series, as numbered items are; the closing line covers each paragraph without one,
    # and the last paragraph's own statement stands (said several or not)
    _, plan = read(SERIES_LOST.format(closing=closing))
    closing_units = [("县农业农村局", "lead"), ("县文化和旅游局", "cooperating"), ("各乡镇（街道）", "implementing")]
    assert [(t.text[:8], units(t)) for t in plan.tasks] == [
        ("深入开展村庄清洁", closing_units), ("推进美丽乡村示范", closing_units),
        ("开展农村危房改造", [("县住房城乡建设局", "lead")])]
    # the paragraph with its own statement in the middle: the last takes the closing line
    middle = SERIES_LOST.replace("（县住房城乡建设局负责）", "").replace("打造示范片区。", "打造示范片区。（县住房城乡建设局负责）")
    _, plan = read(middle.format(closing=closing))
    assert [(t.text[:8], units(t)[0][0]) for t in plan.tasks] == [
        ("深入开展村庄清洁", "县农业农村局"), ("推进美丽乡村示范", "县住房城乡建设局"), ("开展农村危房改造", "县农业农村局")]


def test_paragraphs_that_state_their_own_with_no_title_above_them_are_no_series():
    # nothing bounds the block (no title, no closing line before it): not taken back over the text above
    text = SERIES_LOST.replace("推进村容村貌整体提升\n", "为提升村容村貌，制定本方案。\n").format(
        closing="以上工作由县农业农村局牵头，各乡镇（街道）落实。")
    _, plan = read(text)
    assert [t.text[:8] for t in plan.tasks if units(t)[0][0] == "县农业农村局"] == ["开展农村危房改造"]


# ---------------------------------------------------------------- set 51: a part's statement, work divided by 分别由

PART = ("三、推进基层治理\n（一）甲措施。（主责单位：区民政局；协同单位：区财政局）\n"
        "四、加强数据开发利用\n　　坚持数据赋能，释放数据价值。\n（一）完善数据目录。全面梳理数据资源。\n"
        "（二）推进授权运营。探索开展试点。\n（三）提升数据质量。加强数据治理。\n"
        "　　{closing}\n五、保障措施\n（一）加强统筹。各主责单位要制定实施计划。\n")


@pytest.mark.parametrize("closing", [
    "本部分任务主责单位为区政务服务和数据管理局，协同单位为区发展改革局、区工业和信息化局及区直各有关部门。",
    "本部分各项任务由区政务服务和数据管理局牵头，区发展改革局、区工业和信息化局及区直各有关部门协同。",
    "以上任务的牵头单位为区政务服务和数据管理局，配合单位为区发展改革局、区工业和信息化局及区直各有关部门。",
])
def test_a_part_s_statement_on_a_line_of_its_own_covers_its_items(closing):
    _, plan = read(PART.format(closing=closing))
    assert [t.key for t in plan.tasks] == ["3.1", "4.1", "4.2", "4.3"]
    for task in plan.tasks[1:]:
        assert units(task) == [("区政务服务和数据管理局", "lead"), ("区发展改革局", "cooperating"),
                               ("区工业和信息化局", "cooperating"), ("区直各有关部门", "cooperating")]


def test_an_item_s_own_statement_stands_under_a_part_s_statement():
    text = PART.format(closing="本部分任务主责单位为区政务服务和数据管理局，协同单位为区发展改革局。").replace(
        "探索开展试点。", "探索开展试点。（主责单位：区财政局）")
    _, plan = read(text)
    assert [(t.key, units(t)[0][0]) for t in plan.tasks] == [
        ("3.1", "区民政局"), ("4.1", "区政务服务和数据管理局"), ("4.2", "区财政局"), ("4.3", "区政务服务和数据管理局")]


@pytest.mark.parametrize("text", [
    # a label's 为 at a sentence's start, with no topic naming the measures, is running text
    "三、加强组织实施\n（一）各起草单位要落实责任制。起草单位为两个以上的，排在第一位的为牵头起草单位，其他为参与起草单位。\n",
    "三、保障措施\n（一）加强统筹。牵头单位为各项任务的第一责任主体。\n",
    "三、保障措施\n（一）加强保障。本部分所需资金由区财政局统筹安排。\n",
])
def test_a_said_label_without_a_topic_and_a_part_s_money_stay_unread(text):
    _, plan = read(text)
    assert plan.tasks == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("县城区和各乡镇集镇排涝工作分别由县城市管理局、各乡（镇）人民政府负责，县住建局配合。",
     [("县城市管理局", "lead"), ("各乡（镇）人民政府", "participant"), ("县住建局", "cooperating")]),
    ("城区和农村的排查整治分别由县住建局、县农业农村局负责。",
     [("县住建局", "lead"), ("县农业农村局", "participant")]),
])
def test_the_measure_s_work_divided_by_fenbie_you(sentence, expected):
    _, plan = read(f"三、主要任务\n（一）隐患排查\n1. 城区内涝隐患排查。全面清理排水管网，消除易涝点。{sentence}\n")
    (task,) = plan.tasks
    assert task.key == "3.1.1" and units(task) == expected


@pytest.mark.parametrize("sentence", [
    "所需资金分别由县财政局、各乡（镇）人民政府承担。",  # money: no noun of work before 分别由
    "年度考核工作由县委督查室负责。",  # another activity's work, without 分别: running text as before
])
def test_money_and_other_work_before_you_stay_unread(sentence):
    _, plan = read(f"三、主要任务\n（一）隐患排查\n1. 城区内涝隐患排查。全面清理排水管网，消除易涝点。{sentence}\n")
    assert plan.tasks == []


PART_AHEAD = ("三、推进基层治理\n（一）甲措施。（主责单位：区民政局；协同单位：区财政局）\n"
              "四、加强数据开发利用{heading}\n{lead_in}（一）完善数据目录。全面梳理数据资源。\n"
              "（二）推进授权运营。探索开展试点。（主责单位：区财政局）\n（三）提升数据质量。加强数据治理。\n"
              "五、保障措施\n（一）加强统筹。各主责单位要制定实施计划。\n")


@pytest.mark.parametrize(("heading", "lead_in"), [
    ("", "　　坚持数据赋能。本部分任务主责单位为区政务服务和数据管理局，协同单位为区发展改革局。\n"),
    ("", "　　本部分各项任务由区政务服务和数据管理局牵头，区发展改革局配合。\n"),
    ("（本部分任务由区政务服务和数据管理局牵头，区发展改革局配合）", ""),
])
def test_a_part_s_statement_before_its_items_covers_them_not_its_heading(heading, lead_in):
    _, plan = read(PART_AHEAD.format(heading=heading, lead_in=lead_in))
    assert [(t.key, units(t)) for t in plan.tasks] == [
        ("3.1", [("区民政局", "lead"), ("区财政局", "cooperating")]),
        ("4.1", [("区政务服务和数据管理局", "lead"), ("区发展改革局", "cooperating")]),
        ("4.2", [("区财政局", "lead")]),  # its own statement stands
        ("4.3", [("区政务服务和数据管理局", "lead"), ("区发展改革局", "cooperating")])]
    assert plan.tasks[1].text == "完善数据目录。全面梳理数据资源。"


def test_a_statement_of_one_measure_in_a_heading_s_lead_in_stays_the_heading_s():
    # 此项工作 points to one measure, not the part: the heading's own, as before
    _, plan = read(PART_AHEAD.format(heading="", lead_in="　　坚持数据赋能。此项工作由区政务服务和数据管理局负责。\n"))
    assert [t.key for t in plan.tasks] == ["3.1", "4", "4.2"]


@pytest.mark.parametrize("closing", ["以上工作由党政办牵头，各局（办、中心）按职责分工负责。",
                                     "以上工作由区委组织部牵头，区直各委（办、局）配合。"])
def test_a_title_heading_closed_by_a_collective_with_its_kinds_in_a_bracket(closing):
    # (set 52: kunshan) a title line without a full stop, unnumbered paragraphs, then the closing line: one task of
    # the heading, from its first paragraph; the collective's bracket of kinds is part of its name
    _, plan = read("二、重点任务\n（四）优化服务\n1.完善政策。修订政策。（经发局负责）\n（五）加强招商队伍建设\n"
                   "选优配强专业招商力量。\n定期组织专题培训。\n" + closing + "\n")
    assert [(t.key, t.text[:11], [n for n, _ in units(t)]) for t in plan.tasks] == [
        ("2.4.1", "完善政策。修订政策。", ["经发局"]),
        ("2.5", "选优配强专业招商力量。", [n for n in ("党政办", "各局（办、中心）", "区委组织部", "区直各委（办、局）")
                                    if n in closing])]


@pytest.mark.parametrize(("rule", "rest"), [("其余为责任科室（单位）", "participant"),
                                            ("其余为配合科室（单位）", "cooperating")])
def test_a_marking_rule_naming_sections_reads_bare_brackets_with_a_mark_anywhere(rule, rest):
    # (set 52: shouguang) the rule in the notice names the lead by its kind (科室（单位）); the mark may stand on a
    # unit after the first, and two marks are two leads
    _, plan = read(f"各项任务中标注“*”的为牵头科室（单位），{rule}。\n一、压实责任\n"
                   "（一）健全体系。落实责任清单。（*安全管理科、局办公室，各学校）\n"
                   "（二）推进护校安园。落实高峰勤务。（基础教育科、*安全管理科）\n"
                   "（三）排查隐患。建立隐患台账。（*安全管理科、*后勤管理服务中心、各学校）\n")
    assert [units(t) for t in plan.tasks] == [
        [("安全管理科", "lead"), ("局办公室", rest), ("各学校", rest)],
        [("基础教育科", rest), ("安全管理科", "lead")],
        [("安全管理科", "lead"), ("后勤管理服务中心", "lead"), ("各学校", rest)]]


def test_a_standing_statement_with_a_duty_modal_carries_its_collective_after_the_printed_units():
    # (set 52: guicheng) 各社区均需结合本社区实际…不再一一列出: 各社区 (the modal ends the name) is carried to every
    # later task, after the units each prints (涉及社区负责落实 among them)
    _, plan = read("二、重点任务\n以下各项任务，各社区均需结合本社区实际抓好落实，不再一一列出。\n"
                   "（一）加快改造\n1.推动项目启动。（牵头单位：街道城市更新局；责任单位：街道财政局）\n"
                   "2.做好群众工作。（牵头单位：街道政法委员会；责任单位：街道城市更新局，涉及社区负责落实）\n")
    assert [units(t) for t in plan.tasks] == [
        [("街道城市更新局", "lead"), ("街道财政局", "participant"), ("各社区", "implementing")],
        [("街道政法委员会", "lead"), ("街道城市更新局", "participant"), ("涉及社区", "implementing"),
         ("各社区", "implementing")]]


# ---------------------------------------------------------------- paragraphs whose printed lines are joined by spaces

JOINED = [  # the paragraphs a PDF extractor found, each a list of the document's own paragraphs it ran together
    ["某市人民政府办公室关于印发某市促进消费若干措施的通知"],
    ["各区人民政府，市政府各部门：", "现将《某市促进消费若干措施》印发给你们，请结合实际认真贯彻落实。促进消费是畅通经济循环、"
     "推动高质量发展的重要举措，各地各部门要强化统筹协调，抓好各项措施落实。"],
    ["为深入贯彻落实国家和省关于恢复和扩大消费的决策部署，进一步激发消费潜力，增强消费对经济发展的基础性作用，"
     "推动我市消费市场加快恢复和提质升级，结合我市实际，制定以下措施。到2027年，全市社会消费品零售总额稳步增长，"
     "消费新业态新模式加快发展，消费环境持续优化，群众消费满意度明显提升，建成区域消费中心城市。"],
    ["一、扩大优质消费供给", "（一）支持品牌首店落户。对新落户我市的国际国内知名品牌首店给予一次性奖励，鼓励商业综合体"
     "引进品牌首店和旗舰店，提升核心商圈能级和影响力。（市商务局牵头，市财政局、市市场监管局配合）"],
    ["（二）丰富夜间消费业态。打造一批夜间经济集聚区，鼓励商场、超市和餐饮企业延长营业时间，推出夜间文化和旅游"
     "活动，繁荣夜间消费市场，满足群众多样化消费需求。"],
    ["责任单位：市文化广电和旅游局、市商务局", "完成时限：2026年底前", "二、优化消费环境",
     "（三）加强消费维权。畅通消费投诉举报渠道，开展放心消费示范创建，依法查处侵害消费者权益的违法行为，"
     "营造安全放心的消费环境。（市市场监管局负责）"],
    ["（四）完善消费设施。推进社区便民商业网点建设，完善停车、充电等配套设施，优化商圈交通组织和公共服务，"
     "提升消费便利度。（市住房城乡建设局、市交通运输局按职责分工负责）"],
    ["三、强化要素保障", "（五）加大金融支持。鼓励金融机构创新消费信贷产品和服务，合理降低消费信贷成本，扩大新能源"
     "汽车、绿色家电等大宗消费信贷规模，推广移动支付等便捷支付方式，提升支付便利化水平。（市委金融办牵头，"
     "人民银行某市分行配合）"],
]
JOINED_UNITS = [
    ("1.1", [("市商务局", "lead"), ("市财政局", "cooperating"), ("市市场监管局", "cooperating")]),
    ("1.2", [("市文化广电和旅游局", "lead"), ("市商务局", "participant")]),
    ("2.3", [("市市场监管局", "lead")]),
    ("2.4", [("市住房城乡建设局", "lead"), ("市交通运输局", "participant")]),
    ("3.5", [("市委金融办", "lead"), ("人民银行某市分行", "cooperating")]),
]


def printed(paragraph: str, width: int) -> list[str]:
    """A paragraph's printed lines at ``width`` characters, the first indented two (the indent not extracted)."""
    lines, at = [paragraph[: width - 2]], width - 2
    while at < len(paragraph):
        lines.append(paragraph[at : at + width])
        at += width
    return lines


def joined(width: int, cut_first: bool = False, bullet: str = "") -> str:
    """JOINED as opendataloader prints it: each paragraph it found on a line, its printed lines joined by spaces;
    ``cut_first``: each paragraph found apart, an item's first printed line a paragraph of its own (a list item,
    ``bullet`` before it: Markdown, its title a heading)."""
    blocks = []
    for found in JOINED:
        if not cut_first:
            blocks.append(" ".join(line for paragraph in found for line in printed(paragraph, width)))
            continue
        for paragraph in found:
            lines = printed(paragraph, width)
            if paragraph.startswith("（") and len(lines) > 1:
                blocks += [bullet + lines[0], " ".join(lines[1:])]
            else:
                blocks.append(" ".join(lines))
    if bullet:
        blocks[0] = "# " + blocks[0]
    return "\n\n".join(blocks) + "\n"


@pytest.mark.parametrize(("width", "cut_first", "bullet"), [(28, False, ""), (26, False, ""), (28, True, "- "),
                                                            (33, True, "")])
def test_paragraphs_whose_printed_lines_are_joined_by_spaces(tmp_path, width, cut_first, bullet):
    path = tmp_path / "plan.md"
    path.write_text(joined(width, cut_first, bullet), encoding="utf-8")
    plan, reader = read_path(path)
    assert reader == "clauses"
    assert [(t.key, units(t)) for t in plan.tasks] == JOINED_UNITS
    assert plan.tasks[1].text.startswith("丰富夜间消费业态。打造一批夜间经济集聚区")
    raw = path.read_text(encoding="utf-8")
    for task in plan.tasks:  # the spans point into the file, the spaces at its line ends inside them
        for u in task.units:
            assert normalise(raw[u.span.start : u.span.end]) == u.name


def test_paragraphs_joined_by_spaces_in_a_page(tmp_path):
    html = "<html><body>" + "".join(f"<p>{block}</p>\n" for block in joined(30).split("\n\n")) + "</body></html>"
    path = tmp_path / "plan.txt"  # opendataloader's HTML, saved as text
    path.write_text(html, encoding="utf-8")
    plan, _ = read_path(path)
    assert [(t.key, units(t)) for t in plan.tasks] == JOINED_UNITS
    mention = plan.tasks[0].units[2]  # through both renderings, back into the page
    assert normalise(html[mention.span.start : mention.span.end]) == "市市场监管局"


def test_the_rendering_of_joined_lines():
    from fengong.readers.joined import joined_width, render

    text = joined(28, True, "- ")
    assert joined_width(text) == 56  # display columns: 28 characters
    lines = render(SourceText("x.md", text), 56).text.split("\n")
    # a heading and a labelled line part from what follows; a list item's first line goes on after its blank line
    assert "一、扩大优质消费供给" in lines and "完成时限：2026年底前" in lines
    assert "责任单位：市文化广电和旅游局、市商务局" in lines
    assert any(line.startswith("- （一）支持品牌首店落户。") and line.endswith("市市场监管局配合）") for line in lines)
    # the text's own spaces stay: between Latin words, after a list's bullet, between fields of a typed line
    kept = render(SourceText("x.md", text + "联系人：张三　电话：12345 Noto Serif\n（六） 加强宣传。\n一、 总体要求\n"),
                  56).text
    assert "Noto Serif" in kept and "- （一）" in kept  # and a label's, opening a line
    assert "\n（六） 加强宣传。\n一、 总体要求\n" in kept
    # a table printed one cell a line keeps its cells' wrapping spaces; a labelled line ends at its space
    cells = "1\n深化“高效办成一件事”改革，新增企业信 息变更\n区住房和城市更新局、区自然资 源和规划分局\n"
    kept = render(SourceText("x.md", text + cells + "完成时限：2019年11月底前 严格查处毁林开垦行为。\n"), 56).text
    assert kept.endswith(cells + "完成时限：2019年11月底前\n严格查处毁林开垦行为。\n")


def _full(paragraph: str, tail: str = "", width: int = 28) -> str:
    """``paragraph`` and ``tail`` printed at ``width``, ``paragraph`` lengthened before its full stop so that the
    last printed line is full: the paragraph ends at the line's end."""
    while (len(paragraph) + len(tail) + 2) % width:
        paragraph = paragraph[:-1] + "好" + "。"
    return " ".join(printed(paragraph + tail, width))


@pytest.mark.parametrize(("closing", "own"), [
    ("上述工作由市科技局负责。", True),
    ("以上各项任务由市工信局牵头，市财政局配合。", True),
    ("以上三项工作均由市工信局牵头，各板块负责落实。", True),
    ("此项工作由市人社局牵头，市教育局配合。", False),  # 此项 points at its own measure: inside its paragraph
    ("上述资金由市财政局统筹安排。", False),  # money, no measure: a sentence of the paragraph
    ("支持企业牵头组建创新联合体。", False),
])
def test_a_statement_pointing_back_after_a_full_line_opens_a_line_of_its_own(closing, own):
    from fengong.readers.joined import render

    item = _full("3.建设创新载体和公共服务平台。支持建设人工智能领域新型研发机构和中试验证平台，提升源头创新能力。")
    text = joined(28) + "\n" + item + " " + closing + " （四）强化要素支撑\n"
    lines = render(SourceText("x.md", text), 56).text.split("\n")
    assert (closing in lines) is own
    paragraph = next(line for line in lines if line.startswith("3.建设"))
    assert paragraph.endswith(closing) is not own  # else the paragraph goes on into it, as before


def test_a_page_number_run_into_the_next_page_s_first_line_is_dropped_with_the_running_head(tmp_path):
    from fengong.readers.joined import render

    head = "某市推进人工智能加制造行动方案（2026—2028年）"
    item = _full("1.加大财政支持力度。统筹市级专项资金，支持智能工厂建设、工业大模型研发和应用场景打造，实行先建后补。", "（市")
    text = (joined(28) + "\n" + item + "\n\n" + head + "\n\n### —\xa04\xa0— 财政局、市工信局负责） "
            "2.强化金融服务保障。（市委金融办牵头）\n\n" + head + "\n\n### — 5 — 三、保障措施\n")
    rendered = render(SourceText("x.md", text), 56).text
    assert "（市财政局、市工信局负责）\n2.强化金融服务保障" in rendered
    assert head not in rendered and "— 4 —" not in rendered and "\n三、保障措施" in rendered
    # a page number on a line of its own is left to the readers (furniture they blank), a dash inside a line stays
    kept = render(SourceText("x.md", joined(28) + "\n— 6 —\n\n某县2026—2028年工作方案\n"), 56).text
    assert "\n— 6 —\n" in kept and "某县2026—2028年工作方案" in kept


@pytest.mark.parametrize("text", [
    "某 省 人 民 政 府 办 公 厅\n" * 12,  # OCR's spaces: short runs
    "".join(f"{k} 开展第{k}项防汛隐患排查整治工作 省水利厅 省应急厅、省自然资源厅\n" for k in range(1, 20)),  # a table
    "".join(f"联系人：张三 电话：1234567 地址：某市某区某路{k}号 邮编：100000\n" for k in range(20)),  # fields
    "\n".join(printed(JOINED[2][0] * 4, 28)) + "\n",  # printed lines, one a line (pdftotext)
    "".join(f"| {k} | 推进某项重点工作任务落实到位并按期完成全部建设内容的相关要求 | 市发展改革委 |\n" for k in range(20)),
    # an unruled table's cells side by side (pdftotext): runs as wide as its task column, under a page whose own
    # lines, joining nothing, are wider
    "民生实事项目资金实行专款专用，任何单位不得截留、挤占、挪用资金。\n" * 12
    + "".join(f"新增中小学学位800{k}个以上，新建改扩建中小学、 区教育局、区发改局\n" for k in range(12)),
])
def test_texts_that_join_no_printed_lines(text):
    from fengong.readers.joined import joined_width
    assert joined_width(text) is None


# unstructured's elements written out one a line, each opened by its category (f"{e.category}: {e}")
ELEMENT_LINES = [
    "Header: 某市人民政府办公室文件",
    "Title: 某市人民政府办公室关于印发某市促进数字经济发展若干措施的通知",
    "NarrativeText: 各区人民政府，市政府各部门：",
    "NarrativeText: 《某市促进数字经济发展若干措施》已经市政府同意，现印发给你们，请认真贯彻落实。",
    "Title: 一、夯实数字基础",
    "ListItem: （一）建设算力设施。统筹布局智算中心，提升算力供给能力。（责任单位：市发展改革委、市数据局）",
    "UncategorizedText: （二）推进数据开放。建立公共数据开放目录，分批次向社会开放，",
    "Footer: — 2 —",
    "PageNumber: 2",
    "PageBreak: ",
    "Header: 某市人民政府办公室文件",
    "NarrativeText: 推动数据资源开发利用。（市数据局牵头，市委网信办、市公安局参与）",
    "FigureCaption: 图1 数据开放流程",
    "Formula: E=mc2",
    "Title: 二、培育数字产业",
    "NarrativeText: （一）培育骨干企业。对首次入选数字经济百强的企业给予奖励。（责任单位：市工业和信息化局）",
    "Table: 索 引 号： 0000-2026-00571 发文机关： 某市人民政府办公室 成文日期： 2026-03-06",
    "Address: 某市某区某路1号",
    "EmailAddress: office@example.gov.cn",
]


def test_element_lines_opened_by_their_category_are_read_without_it(tmp_path):
    from fengong.readers.element_lines import category_lines

    path = tmp_path / "elements.txt"
    path.write_text("\n".join(ELEMENT_LINES) + "\n", encoding="utf-8")
    assert category_lines(path.read_text(encoding="utf-8"))
    plan, reader = read_path(path)
    assert reader == "clauses"
    assert [(t.key, t.label, t.text[:6], units(t)) for t in plan.tasks] == [
        ("1.1", "（一）", "建设算力设施", [("市发展改革委", "lead"), ("市数据局", "participant")]),
        # the paragraph the page broke (a Footer's page number, a PageBreak, the Header again) is one
        ("1.2", "（二）", "推进数据开放", [("市数据局", "lead"), ("市委网信办", "participant"),
                                        ("市公安局", "participant")]),
        ("2.1", "（一）", "培育骨干企业", [("市工业和信息化局", "lead")])]
    raw = path.read_text(encoding="utf-8")
    task = plan.tasks[0]  # spans point into the file, past the category
    assert raw[task.span.start : task.span.start + 6] == "建设算力设施"
    assert raw[task.units[1].span.start : task.units[1].span.end] == "市数据局"


def test_element_lines_with_a_table_as_html_read_its_rows(tmp_path):
    path = tmp_path / "elements.txt"
    path.write_text("\n".join([
        "Title: 某市促进数字经济发展2026年工作要点",
        "NarrativeText: 《工作要点》已经市政府同意，现印发给你们，请认真贯彻落实。",
        "UncategorizedText: 附件：重点任务分工表",
        "Title: 重点任务分工表",
        "Table: <table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th></tr>"
        "<tr><td>1</td><td>建设算力设施</td><td>市发展改革委</td><td>市数据局</td></tr>"
        "<tr><td>2</td><td>推进数据开放</td><td>市数据局</td><td>市公安局</td></tr></table>",
        "UncategorizedText: 【打印本页】 【关闭窗口】",
        "UncategorizedText: 主办：某市人民政府办公厅 承办：某市人民政府信息中心",
        "UncategorizedText: 网站标识码：5101000002 ICP备案号：蜀ICP备05002023号"]) + "\n", encoding="utf-8")
    plan, _ = read_path(path)
    assert [(t.key, t.text, units(t)) for t in plan.tasks] == [
        ("1", "建设算力设施", [("市发展改革委", "lead"), ("市数据局", "cooperating")]),
        ("2", "推进数据开放", [("市数据局", "lead"), ("市公安局", "cooperating")])]


def test_a_line_opening_with_an_english_word_and_a_colon_is_no_element_line():
    from fengong.readers.element_lines import category_lines

    # a real document's lines that open so (a record's fields, a note, a few categories' words) keep them
    record = "Title: 数字经济发展报告\nAuthor: 某市数据局\nDate: 2026-03-01\nNote: 内部资料\nSource: 某市政府网站\n" * 3
    assert not category_lines(record)
    prose_text = "\n".join(["Title: 一、夯实数字基础"] + [f"（{n}）推进第{n}项工作。（市数据局负责）" for n in "一二三四五六"]
                           + ["Text: 附注", "Table: 见附件", "Header: 无", "Footer: 无"])
    assert not category_lines(prose_text)  # five such lines among eleven: the document's own
    assert not category_lines("NarrativeText: 一\n" * 8)  # one category only: no element write-out
    # in an element write-out, only the category opening the line goes: an element's own words stay
    from fengong.readers.element_lines import render

    text = "\n".join(ELEMENT_LINES[:6] + ["NarrativeText: Note: 本措施由市数据局负责解释。", "Note: 自印发之日起施行。"])
    rendered = render(SourceText("doc.txt", text)).text
    assert rendered.splitlines()[-2:] == ["Note: 本措施由市数据局负责解释。", "Note: 自印发之日起施行。"]
    assert rendered.splitlines()[1] == "某市人民政府办公室关于印发某市促进数字经济发展若干措施的通知"


# Tesseract (chi_sim) reads （ as 〈 or 《 and ） as ), may lose a closing ）, garbles a label's numeral (《A)) and
# puts a stray character before a heading's (人二、)
TESSERACT = """某市人民政府办公室关于印发若干措施的通知
各县区人民政府，市人民政府各部门：
现将《某市促进消费若干措施》印发给你们，请认真贯彻落实。
一、提升消费供给
(一)提升街区品质。完善街区灯光亮化和导视标识，打造一批特色
街区。〈市商务局牵头，市财政局、市文化广电和旅游局配合)

《二) 培育消费场景。支持景区开发夜游产品。 《市文化广电和旅游局、
市文物局负责)

{garbled} 规范餐饮发展。布局一批美食街区。 〈市商务局负责

(四)延长交通服务。优化公交线路。〈市交通运输局牵头，市公安局配合)
{stray}二、完善配套服务
(五)增加停车供给。增设临时停车泊位。《市城市管理局、市公安局负责)
"""


@pytest.mark.parametrize("garbled", ["《A)", "(NX)", "4和)", "(人三)"])
def test_a_tesseract_text_is_read_with_its_brackets_and_labels_as_printed(tmp_path, garbled):
    path = tmp_path / "t.txt"
    path.write_text(TESSERACT.format(garbled=garbled, stray="人"), encoding="utf-8")
    plan, reader = read_path(path)
    assert reader == "clauses"
    assert [(t.key, t.label, t.text[:4], units(t)) for t in plan.tasks] == [
        ("1.1", "（一）", "提升街区", [("市商务局", "lead"), ("市财政局", "cooperating"),
                                   ("市文化广电和旅游局", "cooperating")]),
        ("1.2", "（二）", "培育消费", [("市文化广电和旅游局", "lead"), ("市文物局", "participant")]),
        ("1.3", "（三）", "规范餐饮", [("市商务局", "lead")]),  # its ） lost: the paragraph closes the bracket
        ("1.4", "（四）", "延长交通", [("市交通运输局", "lead"), ("市公安局", "cooperating")]),
        ("2.5", "（五）", "增加停车", [("市城市管理局", "lead"), ("市公安局", "participant")])]
    raw = path.read_text(encoding="utf-8")
    garbled_at = plan.tasks[2]
    assert raw[garbled_at.span.start : garbled_at.span.start + 4] == "规范餐饮"  # spans point into the file


def test_a_garbled_label_the_series_does_not_leave_a_number_for_opens_no_item(tmp_path):
    path = tmp_path / "t.txt"
    # (四) printed (六): the labels around 《A) leave two numbers out, so which it is is not known; 人二、 after
    # 一、 but before 四、 is no heading either
    text = TESSERACT.format(garbled="《A)", stray="人").replace("(四)", "(六)").replace("(五)", "四、其他\n(七)")
    path.write_text(text, encoding="utf-8")
    plan, _ = read_path(path)
    assert "1.3" not in [t.key for t in plan.tasks] and "2" not in [item.key for item in plan.items]


def test_a_typed_text_with_titles_in_book_marks_is_no_tesseract_text():
    from fengong.readers.ocr import ocr_brackets

    assert ocr_brackets(TESSERACT.format(garbled="《A)", stray=""))
    typed = ("依据《中华人民共和国安全生产法》(2021年修正)和《国务院办公厅关于加强安全生产工作的通知》（国办发〔2020〕1号）"
             "制定本方案。\n（一）加强监管。（市应急管理局负责）\n（二）强化执法。（市应急管理局、市公安局负责）\n")
    assert not ocr_brackets(typed)
    path_plan = prose.read(SourceText("t.txt", typed))
    assert [t.label for t in path_plan.tasks] == ["（一）", "（二）"]


OCR_NAMES = """某省人民政府办公厅关于印发行动方案的通知
（一）发展低空文旅消费。开发低空观光产品。〈{first}、省体育局、省商务厅负责)
（二）推广低空公共服务应用。推广无人机规模化应用。《省应急管理厅、{second}负责)
"""


@pytest.mark.parametrize("printed, read", [
    ("省文化和旅游斤", "省文化和旅游厅"),  # OCR's 斤 for 厅: no body's name ends so
    ("省文化和旅游亍", "省文化和旅游厅"),
])
def test_an_ocr_text_s_name_one_character_off_a_known_one_is_that_name(tmp_path, printed, read):
    path = tmp_path / "t.txt"
    path.write_text(OCR_NAMES.format(first=printed, second="省公安厅"), encoding="utf-8")
    plan, _ = read_path(path, jurisdiction="320000")
    assert units(plan.tasks[0])[0] == (read, "lead")


@pytest.mark.parametrize("second", [
    "省文物局",  # ends like a body's name: a body the registry may lack, though one character off a known name
    "省公安厅局",  # no known name one character off at the same place
])
def test_an_ocr_text_s_names_near_known_ones_stay_as_printed_where_they_may_be_bodies(tmp_path, second):
    path = tmp_path / "t.txt"
    path.write_text(OCR_NAMES.format(first="省文化和旅游厅", second=second), encoding="utf-8")
    plan, _ = read_path(path, jurisdiction="320000")
    assert [u.name for t in plan.tasks for u in t.units] == [
        "省文化和旅游厅", "省体育局", "省商务厅", "省应急管理厅", second]
    # a typed text's name is never taken for another
    typed = tmp_path / "typed.txt"
    typed.write_text(OCR_NAMES.format(first="省文化和旅游斤", second="省公安厅").replace("〈", "（").replace("《", "（")
                     .replace(")", "）"), encoding="utf-8")
    plan, _ = read_path(typed, jurisdiction="320000")
    assert "省文化和旅游厅" not in [u.name for t in plan.tasks for u in t.units]


def test_a_name_near_a_known_one_differs_in_an_ideograph_not_a_mark():
    from fengong.readers.lexicon import project_registry

    registry = project_registry()
    assert registry.near("省文化和旅游斤", "320000") == "省文化和旅游厅"
    assert registry.near("国家发展改车委", "100000") == "国家发展改革委"
    # OCR's ) for ） inside a name is printed so (set 30's truth keeps it); two characters off is no near name
    assert registry.near("省文化和旅游厅)", "320000") is None
    assert registry.near("各县（市、区)政府", "510700") is None
    assert registry.near("省文化和旅斤斤", "320000") is None


# (set 62: anji) pdftohtml's paragraphs read back by BeautifulSoup's get_text(): a short title line runs into the
# line under it with nothing between, the print's first line of a paragraph stands alone and the rest is joined
RUN_INTO = ("二、重点任务{sep}（一）提升竹林经营水平{sep}1.深化流转改革。推广统一流转模式，建立交易平\n"
            "台和价格指导机制（县林业局、县农业农村局负责）。\n"
            "2.推进道路建设。新建作业道路500公里（县林业局牵头，县财政局配合）。\n"
            "（二）推进碳汇价值实现{sep}1.完善监测体系。建立碳汇数据库。\n2.开发金融产品。推广质押贷款。\n"
            "以上各项工作由县自然资源和规划局牵头，县发\n改局、县委金融办配合。\n"
            "（三）推动竹产业与文旅深度融合{sep}依托中国大竹海、竹博园等资源，开发研学产品，带动竹农增\n"
            "收（县文广旅体局、各乡镇〈街道〉等负责）。\n"
            "三、保障措施{sep}（一）加强人才支撑。将领军人才纳入计划（县委人才办负责）。\n")


def test_headings_run_into_the_next_label_are_parted_from_it():
    _, plan = read(RUN_INTO.format(sep=""))
    assert [(t.key, t.label, t.text[:4]) for t in plan.tasks] == [
        ("2.1.1", "1.", "深化流转"), ("2.1.2", "2.", "推进道路"), ("2.2.1", "1.", "完善监测"),
        ("2.2.2", "2.", "开发金融"), ("2.3", "（三）", "依托中国"), ("3.1", "（一）", "加强人才")]
    # the closing line's name cut at the line end (县发 / 改局) is read whole, and given to the series
    assert units(plan.tasks[2]) == [("县自然资源和规划局", "lead"), ("县发改局", "cooperating"),
                                    ("县委金融办", "cooperating")]


def test_a_title_runs_into_its_paragraph_only_where_the_rendering_runs_headings_into_labels():
    # with the headings on lines of their own the title is the item's line, its paragraph below it, as ever
    _, plan = read(RUN_INTO.format(sep="\n"))
    assert [t.text[:4] for t in plan.tasks][-2:] == ["依托中国", "加强人才"]
    # no heading run into a label elsewhere: a paragraph opening with a title and 依托 is read as printed
    _, plan = read("（一）推动文旅融合依托中国大竹海等资源，开发研学产品（县文广旅体局负责）。\n"
                   "（二）围绕主导产业开展招商，引进项目（县商务局负责）。\n")
    assert [t.text[:4] for t in plan.tasks] == ["推动文旅", "围绕主导"]


@pytest.mark.parametrize(("line", "text"), [
    ("（一）加快5G网络建设。新建基站（县经信局负责）。", "加快5G"),  # a digit in the title, no label
    ("一、总体要求坚持生态优先，以改革为基础（县发改局负责）。", "总体要求"),  # a title run into a sentence, no label
    ("（一）打造3.0版营商环境（县发改局负责）。", "打造3.0"),  # a decimal, no label
    ("（一）提升水平（二）强化保障（县发改局负责）。", "提升水平"),  # a label of the same form: no heading's
])
def test_a_heading_line_without_a_label_of_another_form_after_its_title_stays_whole(line, text):
    _, plan = read(line + "\n")
    assert [(t.key, t.text[: len(text)]) for t in plan.tasks] == [("1", text)]


@pytest.mark.parametrize(("text", "expected"), [
    # a title line over a standing statement: no name across the line end, the statement stands alone
    ("2022年工作要点\n以下各项工作当中，各市州人民政府负责具体落实，不再列出。\n（一）改造校舍。（教育部负责）\n",
     [[("教育部", "lead"), ("各市州人民政府", "implementing")]]),
    # a labelled line closing the item's line ends the paragraph; the closing line after it stands alone
    ("（一）全面排查\n1.开展排查。梳理合同。\n2.畅通渠道。受理投诉。责任单位：市网络理政办\n以上工作均由市经信局负责。\n",
     [[("市经信局", "lead")], [("市网络理政办", "lead")]]),
])
def test_a_line_ending_on_an_ideograph_goes_on_only_inside_a_name_or_an_items_sentence(text, expected):
    _, plan = read(text)
    assert [units(t) for t in plan.tasks] == expected


def test_a_bodys_other_name_after_a_name_a_page_break_cut_is_no_statement():
    # (set 62: anji) 县自然资源和规 / — 4 — / head / 划局（县林业局）: the bracket is the body's other name, the name
    # read across the page's furniture
    _, plan = read("安政办发〔2026〕11号\n（一）加强人才支撑。开展技能培训（县人力社保局负责）。\n"
                   "（二）强化资金保障。整合专项资金。县财政局要会同县自然资源和规\n— 4 —\n\n安政办发〔2026〕11号\n"
                   "划局（县林业局）制定资金管理办法，确保资金使用规范高效。\n")
    assert [(t.key, units(t)) for t in plan.tasks] == [("1", [("县人力社保局", "lead")])]


@pytest.mark.parametrize("cut", ["\n", ""])
def test_an_items_line_cut_after_a_full_stop_goes_on_in_the_next(cut):
    # (set 62: anji) the print's first line of the paragraph kept apart from the rest: the first of two statements
    # opens with the item's measure, as with the line whole
    _, plan = read("（四）做强市场主体\n1.培育龙头企业。实施企业培育计" + cut + "划，支持兼并重组（县经信局负责）；"
                   "加强用地保障（县自然资源和规划局负责）。\n2.打响区域品牌。完善标准体系（县商务局负责）。\n")
    assert [(t.key, t.text[:4]) for t in plan.tasks] == [("4.1-1", "培育龙头"), ("4.1-2", "加强用地"),
                                                       ("4.2", "打响区域")]


@pytest.mark.parametrize(("closing", "expected"), [
    ("工业和信息化部为牵头单位，财政部、国务院国资委为配合单位。",  # (set 68: guoban-2018)
     [("工业和信息化部", "lead"), ("财政部", "cooperating"), ("国务院国资委", "cooperating")]),
    ("市城市管理和综合执法局为牵头单位、市住房城乡建设局为配合单位。",  # (set 68: dongguan)
     [("市城市管理和综合执法局", "lead"), ("市住房城乡建设局", "cooperating")]),
    ("市应急管理局抓总，市安委会各成员单位配合。", [("市应急管理局", "lead"), ("市安委会各成员单位", "cooperating")]),
    ("市发展改革委牵头、市财政局配合。", [("市发展改革委", "lead"), ("市财政局", "cooperating")]),
])
def test_a_closing_sentence_naming_the_roles_of_a_rectification_task(closing, expected):
    _, plan = read("三、整改任务\n（一）推进安全生产治本攻坚。逐项梳理年度目标完成情况，组织开展专项排查整治。"
                   f"{closing}\n（二）深化安全宣传教育培训。开展安全生产月活动。（市应急管理局负责）\n")
    tasks = [t for s in plan.sections for t in s.tasks]
    assert [units(t) for t in tasks] == [expected, [("市应急管理局", "lead")]]


@pytest.mark.parametrize("sentence", [
    "市财政局为配合单位提供资金保障。",  # a duty in running text
    "由市应急管理局抓总推进全市安全生产工作。",
    "成立以市商务局为牵头单位的工作专班。",
])
def test_running_text_with_the_rectification_role_words_is_no_statement(sentence):
    _, plan = read(f"三、整改任务\n（一）推进安全生产治本攻坚。逐项梳理年度目标完成情况。{sentence}\n"
                   "（二）深化安全宣传教育培训。开展安全生产月活动。（市应急管理局负责）\n")
    tasks = [t for s in plan.sections for t in s.tasks]
    assert [units(t) for t in tasks] == [[("市应急管理局", "lead")]]
