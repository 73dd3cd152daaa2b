"""The responsibility grammar, one form of the genre at a time, each on a sentence of that form.

Sentences marked (corpus) are quoted from the documents of data/corpus; the others follow the wording of State
Council and provincial documents of the same genre (the forms listed in issue 11). Every expected reading is
derived by hand from the sentence.
"""

from __future__ import annotations

import pytest

from fengong.readers.lexicon import Lexicon, lexicon_for
from fengong.readers.statement import read_statement, settle_roles
from fengong.readers.vocabulary import column_role, is_task_header, numeral_value


def read(text: str, label_role: str | None = None):
    return read_statement(text, 0, len(text), 1, lexicon_for("100000"), label_role=label_role)


def units(text: str, label_role: str | None = None):
    statement = read(text, label_role)
    assert statement is not None, text
    settled, _ = settle_roles(statement.units)
    return [(u.name, u.role) for u in settled]


# ---------------------------------------------------------------- role labels


@pytest.mark.parametrize(("text", "expected"), [
    ("责任单位：省科技厅、省财政厅，各市州人民政府",  # (corpus: hubei)
     [("省科技厅", "lead"), ("省财政厅", "participant"), ("各市州人民政府", "participant")]),
    ("牵头单位：市科技局、市数据局，责任单位：资产集团",  # (corpus: taicang)
     [("市科技局", "lead"), ("市数据局", "lead"), ("资产集团", "participant")]),
    ("负责单位：省民政厅、省财政厅", [("省民政厅", "lead"), ("省财政厅", "participant")]),
    ("负责部门：商务部、海关总署；适用范围：全国", [("商务部", "lead"), ("海关总署", "participant")]),
    ("牵头部门：国家发展改革委；配合单位：财政部、商务部",
     [("国家发展改革委", "lead"), ("财政部", "cooperating"), ("商务部", "cooperating")]),
    ("牵头单位:省教育厅,参与单位:省财政厅", [("省教育厅", "lead"), ("省财政厅", "participant")]),
    ("牵头单位：省发展改革委；协办单位：省统计局", [("省发展改革委", "lead"), ("省统计局", "cooperating")]),
    ("【牵头单位】省发展改革委【配合单位】省财政厅", [("省发展改革委", "lead"), ("省财政厅", "cooperating")]),
])
def test_role_labels(text, expected):
    assert units(text) == expected


def test_a_label_and_a_verb_in_one_part():
    assert units("责任单位：市发展改革委牵头，市财政局、市商务局配合") == [
        ("市发展改革委", "lead"), ("市财政局", "cooperating"), ("市商务局", "cooperating")]


def test_slots_that_name_no_unit_are_passed_over():
    statement = read("责任单位：省科技厅；完成时限：2026年底前，持续推进")
    assert [u.name for u in statement.units] == ["省科技厅"] and statement.reading == "labelled"


# ---------------------------------------------------------------- role verbs


@pytest.mark.parametrize(("text", "expected"), [
    ("生态环境部牵头，国家发展改革委、工业和信息化部参与",  # (corpus: wufei)
     [("生态环境部", "lead"), ("国家发展改革委", "participant"), ("工业和信息化部", "participant")]),
    ("公安部牵头负责，司法部、民政部配合", [("公安部", "lead"), ("司法部", "cooperating"), ("民政部", "cooperating")]),
    ("教育部、民政部牵头负责", [("教育部", "lead"), ("民政部", "lead")]),  # co-leads, stated
    ("由民政部会同财政部负责", [("民政部", "lead"), ("财政部", "participant")]),
    ("国家发展改革委会同有关部门负责",  # (corpus: jili)
     [("国家发展改革委", "lead"), ("有关部门", "participant")]),
    ("税务总局负责", [("税务总局", "lead")]),
    ("国家发展改革委、财政部按职责分工负责", [("国家发展改革委", "lead"), ("财政部", "participant")]),
    ("商务部指导，供销合作总社参与",  # (corpus: wufei) no unit leads
     [("商务部", "guiding"), ("供销合作总社", "participant")]),
    ("生态环境部指导，试点城市政府负责落实", [("生态环境部", "guiding"), ("试点城市政府", "implementing")]),
    ("各省级人民政府负总责", [("各省级人民政府", "lead")]),
])
def test_role_verbs(text, expected):
    assert units(text) == expected


def test_a_guiding_only_statement_has_no_lead():
    _, basis = settle_roles(read("自然资源部、工业和信息化部指导").units)
    assert basis is None


# ---------------------------------------------------------------- open markers and collectives


@pytest.mark.parametrize(("text", "names", "is_open"), [
    ("海关总署、商务部等有关部门负责", ["海关总署", "商务部"], True),  # (corpus: zonghe)
    ("国家发展改革委、财政部、工业和信息化部等有关部门和单位按职责分工负责",
     ["国家发展改革委", "财政部", "工业和信息化部"], True),
    ("国家发展改革委、财政部、自然资源部等和各省级人民政府负责",
     ["国家发展改革委", "财政部", "自然资源部", "各省级人民政府"], True),
    ("民政部、财政部等部门负责", ["民政部", "财政部"], True),
    ("责任单位：市发改委、市税务局等相关单位", ["市发改委", "市税务局"], True),
    ("国家发展改革委、财政部，各省级人民政府按职责分工负责", ["国家发展改革委", "财政部", "各省级人民政府"], False),
])
def test_open_markers_end_the_list_and_name_no_unit(text, names, is_open):
    statement = read(text)
    assert [u.name for u in statement.units] == names and statement.open is is_open


@pytest.mark.parametrize("name", ["各省级人民政府", "各有关省级人民政府", "各区（县、市）政府", "有关区县",
                                  "各开发区管委会", "各产业主管部门", "各OPC社区", "市直有关部门"])
def test_collectives_are_units(name):
    assert units(f"责任单位：省发展改革委，{name}")[1] == (name, "participant")
    assert lexicon_for("100000").recognise(name) in ("collective", "gazetteer")



@pytest.mark.parametrize(("text", "expected"), [
    ("国务院办公厅牵头，国务院各有关部门和各省级人民政府按职责分工负责",  # (set 69)
     [("国务院办公厅", "lead"), ("国务院各有关部门", "participant"), ("各省级人民政府", "participant")]),
    ("民政部牵头，各地区和各部门配合", [("民政部", "lead"), ("各地区", "cooperating"), ("各部门", "cooperating")]),
    ("责任单位：省发展改革委，省直有关部门及各市（州）人民政府",
     [("省发展改革委", "lead"), ("省直有关部门", "participant"), ("各市（州）人民政府", "participant")]),
])
def test_and_before_a_collective_opening_with_ge_parts_two_units(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "name"), [
    ("责任单位：市发改委，各地级以上市工业和信息化主管部门", "各地级以上市工业和信息化主管部门"),  # 和 inside a name
    ("责任单位：市发改委，人力资源和社会保障部", "人力资源和社会保障部"),
])
def test_and_inside_a_name_parts_nothing(text, name):
    assert units(text)[1:] == [(name, "participant")]


def test_and_before_ge_after_no_unit_parts_nothing():
    # 中小企业 is no unit: nothing is read from the pair, whole or parted
    assert "中小企业" not in [name for name, _ in units("市工信局牵头，中小企业和各类市场主体参与")]


@pytest.mark.parametrize(("text", "expected"), [
    ("责任单位：商务部会同有关部门", [("商务部", "lead"), ("有关部门", "participant")]),  # (set 72: a table cell)
    ("牵头单位：市发展改革委会同市财政局", [("市发展改革委", "lead"), ("市财政局", "participant")]),
    ("责任单位：省商务厅联合省市场监管局负责", [("省商务厅", "lead"), ("省市场监管局", "participant")]),
    ("配合单位：市财政局会同市税务局", [("市财政局", "cooperating"), ("市税务局", "cooperating")]),
])
def test_a_labelled_list_joined_by_huitong_leads_with_its_first(text, expected):
    assert units(text) == expected

# ---------------------------------------------------------------- the lead rule and standing statements


@pytest.mark.parametrize("rule", ["排在第一位的部门为牵头部门，下同", "列第一位的为牵头单位",
                                  "列第一位者为牵头单位，其余为主要参与单位", "排名第一的为牵头单位",
                                  "列第一位的责任单位为牵头单位，其他为配合单位", "排在首位的责任部门为牵头部门",
                                  "标注“（牵头）”的为牵头单位，其余为配合单位", "标明“牵头”的为牵头单位",
                                  "注明（牵头）的为牵头部门，其他部门为配合部门",
                                  "标明“牵头”的为牵头单位，其他单位为参与单位；未标明牵头的，所列单位均为牵头单位"])
def test_the_lead_rule_in_its_wordings(rule):
    text = f"税务总局、财政部负责，{rule}"
    statement = read(text)
    assert text[statement.rule.start : statement.rule.end] == rule
    assert [u.name for u in statement.units] == ["税务总局", "财政部"]


def test_a_standing_statement_carries_its_units():
    statement = read("生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出")  # (corpus: wufei)
    assert [(u.name, u.role, u.carried) for u in statement.carry] == [("试点城市政府", "implementing", True)]


# ---------------------------------------------------------------- names


def test_brackets_inside_names_stay_and_notes_go():
    assert [u.name for u in read("牵头单位：市委组织部（人才办），责任单位：市政府办（金融）、港口委").units] == [
        "市委组织部（人才办）", "市政府办（金融）", "港口委"]  # (corpus: taicang)
    statement = read("责任单位：各区人民政府〈含开发区、长江新区、风景区管委会,下同〉")  # (corpus: wuhan)
    assert [u.name for u in statement.units] == ["各区人民政府"]
    assert [u.name for u in read("责任单位：各县（市、区）人民政府，市直有关部门").units] == [
        "各县（市、区）人民政府", "市直有关部门"]


def test_a_prefix_written_once_keeps_what_is_printed():
    assert [u.name for u in read("责任单位：省发展改革委、教育厅、科技厅").units] == ["省发展改革委", "教育厅", "科技厅"]


def test_a_marked_unit_leads():
    statement = read("责任单位：县科技局、*县人力社保局、县金融服务中心")
    settled, basis = settle_roles(statement.units)
    assert basis == "marked" and [(u.name, u.role) for u in settled] == [
        ("县科技局", "participant"), ("县人力社保局", "lead"), ("县金融服务中心", "participant")]


def test_a_role_in_brackets_after_a_unit():
    assert units("市发展改革委（牵头）、市财政局、市商务局", label_role="responsible") == [
        ("市发展改革委", "lead"), ("市财政局", "participant"), ("市商务局", "participant")]


def test_conjunctions_split_only_between_units():
    assert [u.name for u in read("民政部和财政部负责").units] == ["民政部", "财政部"]
    assert [u.name for u in read("人力资源和社会保障部负责").units] == ["人力资源和社会保障部"]


@pytest.mark.parametrize(("text", "names"), [
    # (set 40: wenlv) 与/和 inside one department's name: a body the gazetteer knows, words that are no department
    # yet, then a department's ending with no level of its own
    ("资源开发司、国家文物局博物馆与社会文物司配合", ["资源开发司", "国家文物局博物馆与社会文物司"]),
    ("国家文物局文物保护与考古司牵头", ["国家文物局文物保护与考古司"]),
    # a department on each side, nothing after the body on the left, a unit of its own level on the right: two units
    ("国家卫生健康委医政医管局和基层卫生健康司负责", ["国家卫生健康委医政医管局", "基层卫生健康司"]),
    ("民政部与财政部社会保障司负责", ["民政部", "财政部社会保障司"]),
    ("国家文物局办公室与省文物局负责", ["国家文物局办公室", "省文物局"]),
])
def test_a_department_named_with_and_is_one_unit(text, names):
    assert [u.name for u in read(text).units] == names


def test_names_broken_across_lines_are_rejoined_and_keep_their_place():
    text = "省民政厅、省公安\n厅、省财政厅"
    statement = read(text, label_role="responsible")
    assert [u.name for u in statement.units] == ["省民政厅", "省公安厅", "省财政厅"]
    assert text[statement.units[1].span.start : statement.units[1].span.end] == "省公安\n厅"


@pytest.mark.parametrize("text", ["企业直接向国家发展改革委申报，不需省级发展改革部门转报",  # (corpus: jili)
                                  "以下简称“两库”", "2026—2027年", "区、市", "此件公开发布", "One Person Company"])
def test_brackets_of_prose_are_not_statements(text):
    assert read(text) is None


def test_the_rules_that_read_a_statement_are_named():
    assert read("责任单位：市经济信息委、市科技局，有关区县").reading == "labelled+listed"
    assert read("税务总局、财政部负责，排在第一位的部门为牵头部门，下同").reading == "verbal+rule"


# ---------------------------------------------------------------- vocabulary


@pytest.mark.parametrize(("printed", "value"), [("三", 3), ("十", 10), ("十三", 13), ("二十", 20), ("二十一", 21),
                                                ("一百零五", 105), ("12", 12), ("１２", 12), ("③", 3)])
def test_numerals(printed, value):
    assert numeral_value(printed) == value


@pytest.mark.parametrize(("header", "role"), [("牵头单位", "lead"), ("责任单位", "responsible"), ("配合部门", "cooperating"),
                                              ("牵头", "lead"), ("完成时限", None), ("指导部门", "guiding")])
def test_column_headers(header, role):
    assert column_role(header) == role


@pytest.mark.parametrize("header", ["工作任务", "重点任务", "具体举措", "工作措施", "主要举措", "任务举措", "重点举措",
                                    "工作内容", "具体任务", "主要工作内容", "改革事项", "重点工作任务", "项目名称",
                                    "支持政策", "配套措施", "政策条款", "支持条款", "条款内容",
                                    "行动内容", "措施内容", "任务分解", "目标分解"])
def test_a_task_column_is_headed_by_a_noun_of_measures(header):
    assert is_task_header(header)


@pytest.mark.parametrize("header", ["对应国家任务", "对应省级任务", "工作目标", "完成时限", "工作", "内容", "牵头单位",
                                    "预期成果", "成果形式", "落实期限", "工作要求", "进度安排", "备注", "责任单位",
                                    "条款依据", "对应条款", "分解", "分解情况"])
def test_headers_that_name_no_measure_head_no_task_column(header):
    assert not is_task_header(header)


def test_labels_side_by_side_without_a_separator():
    assert units("牵头单位：省发展改革委 配合单位：省财政厅、省商务厅") == [
        ("省发展改革委", "lead"), ("省财政厅", "cooperating"), ("省商务厅", "cooperating")]


@pytest.mark.parametrize(("text", "expected"), [
    ("国家发展改革委负责，2025年底前完成", [("国家发展改革委", "lead")]),
    ("省发展改革委牵头，省财政厅参与，持续推进", [("省发展改革委", "lead"), ("省财政厅", "participant")]),
    ("市商务局主办，市财政局协办", [("市商务局", "lead"), ("市财政局", "cooperating")]),
    ("市发展改革委、市财政局分工负责", [("市发展改革委", "lead"), ("市财政局", "participant")]),
])
def test_when_is_not_who(text, expected):
    assert units(text) == expected


def test_a_collective_with_separators_inside_it():
    assert [u.name for u in read("责任单位：市商务局、市财政局、各区、县（市）政府").units] == [
        "市商务局", "市财政局", "各区、县（市）政府"]
    assert [u.name for u in read("责任单位：省优化办，各市、州、县人民政府").units] == ["省优化办", "各市、州、县人民政府"]
    # a modified level (辖市: the county-level cities a city holds) opens the collective as well
    assert [u.name for u in read("市商务局、市民政局负责，各辖市、区人民政府落实").units] == [
        "市商务局", "市民政局", "各辖市、区人民政府"]
    assert [u.name for u in read("责任单位：省住房城乡建设厅，各设区市、县（市、区）人民政府").units] == [
        "省住房城乡建设厅", "各设区市、县（市、区）人民政府"]
    # 有关 / 相关 single out some places of each level as 各 takes them all; the level's bracket may be 〔〕
    assert [u.name for u in read("责任单位：市发改委、滨海新区管委会、有关区、县〔市〕政府").units] == [
        "市发改委", "滨海新区管委会", "有关区、县〔市〕政府"]
    assert [u.name for u in read("市发改委牵头，相关区、县（市、区）人民政府配合").units] == [
        "市发改委", "相关区、县（市、区）人民政府"]
    assert [u.name for u in read("责任单位：市发改委、各区、县〔市〕政府").units] == ["市发改委", "各区、县〔市〕政府"]
    # not where a body of its own follows the places
    assert [u.name for u in read("责任单位：市发改委、有关区、市财政局").units] == ["市发改委", "有关区", "市财政局"]


@pytest.mark.parametrize(("text", "names"), [
    ("区商务局牵头，区文体旅局、区公安分局和相关街道办事处按职责分工负责",
     ["区商务局", "区文体旅局", "区公安分局", "相关街道办事处"]),
    ("责任单位：省教育厅及相关高校", ["省教育厅", "相关高校"]),
    ("由省发展改革委与有关部门负责", ["省发展改革委", "有关部门"]),
])
def test_a_unit_and_a_collective_joined_by_a_conjunction_are_two(text, names):
    # 有关/相关 after a unit and a conjunction opens a collective of its own, not a qualifier of one
    assert [u.name for u in read(text).units] == names


@pytest.mark.parametrize("name", ["市直有关部门", "省工业和信息化厅有关处室", "区公安分局相关科室"])
def test_what_qualifies_a_collective_stays_in_it(name):
    assert [u.name for u in read(f"责任单位：市商务局，{name}").units] == ["市商务局", name]


def test_an_open_marker_after_a_bracketed_name_ends_the_list():
    statement = read("市城管局、市水利局（市水务局）等部门负责")
    assert [u.name for u in statement.units] == ["市城管局", "市水利局（市水务局）"] and statement.open
    assert [u.name for u in read("各市（含定州、辛集市）政府负责").units] == ["各市（含定州、辛集市）政府"]


def test_a_unit_named_in_its_place_beside_recognised_units():
    statement = read("农业部、环境保护部指导，畜禽规模养殖场负责落实")
    assert [(u.name, u.recognised) for u in statement.units][-1] == ("畜禽规模养殖场", "context")
    assert read("畜禽规模养殖场负责落实") is None  # alone, nothing says it is a unit


@pytest.mark.parametrize("text", [
    # (set 37) a duty in running text: the run after 会同 holds the measure's words, no unit's name
    "由公安部会同有关部门加强安全监管指导",
    "由财政部会同有关部门完善资金管理办法并指导",
    "由教育部会同相关司局推进试点工作并负责",
    "商务部会同地方做好统计监测负责",
])
def test_a_run_holding_a_measures_verb_is_no_unit_by_its_place(text):
    statement = read(text)
    assert statement is None or all(u.recognised != "context" for u in statement.units), text


def test_the_rule_names_the_role_of_the_others():
    from fengong.readers.vocabulary import rest_role

    assert rest_role("标注“*”的为牵头单位，其余为配合单位") == "cooperating"
    assert rest_role("列第一位者为牵头单位，其余为主要参与单位") == "participant"
    assert rest_role("排在第一位的为牵头部门，其余为协作部门") == "cooperating"


def test_several_marked_units_lead_together():
    settled, basis = settle_roles(read("责任单位：*区住房和建设局、*区工业和信息化局、区投资推广署").units, "cooperating")
    assert basis == "marked" and [u.role for u in settled] == ["lead", "lead", "cooperating"]


def test_a_role_in_brackets_for_the_units_before_it():
    assert units("市发展改革委、市城乡水务局（共同牵头），国网济南供电公司", label_role="responsible") == [
        ("市发展改革委", "lead"), ("市城乡水务局", "lead"), ("国网济南供电公司", "participant")]


def test_a_bracket_inside_a_name_whatever_it_holds():
    assert [u.name for u in read("责任单位：各市（含定州、辛集市）政府，省农业厅").units] == [
        "各市（含定州、辛集市）政府", "省农业厅"]


@pytest.mark.parametrize("tail", ["等市直有关执法部门", "等省属煤炭企业", "等相关金融机构"])
def test_open_markers_with_a_description_of_the_rest(tail):
    statement = read(f"责任单位：市司法局、市城市管理局{tail}")
    assert [u.name for u in statement.units] == ["市司法局", "市城市管理局"] and statement.open


def test_vertical_branches_end_like_bodies():
    assert [u.name for u in read("杭州海关、宁波海关负责").units] == ["杭州海关", "宁波海关"]


def test_a_name_known_by_its_ending_alone_holds_no_clause():
    lexicon = Lexicon()
    for clause in ("日常工作由市商务局", "办公室设在市商务局", "成立工作专班", "负责统筹的市商务局"):
        assert lexicon.recognise(clause) is None, clause
    for name in ("中国（上海）自由贸易试验区管委会", "市商务局", "市委组织部（人才办）"):
        assert lexicon.recognise(name) == "suffix", name


def test_a_township_named_as_a_unit_is_its_government():
    # a town or a township (…镇, …乡) stands in a list as a county's cities and districts do: its government
    lexicon = Lexicon()
    for name in ("正定镇", "城关镇", "柳林镇人民政府", "南口乡", "大河乡"):
        assert lexicon.recognise(name) in ("suffix", "gazetteer"), name
    assert units("县商务局牵头，县住建局、正定镇配合") == [
        ("县商务局", "lead"), ("县住建局", "cooperating"), ("正定镇", "cooperating")]
    # words that end so and name no township: kinds of place, where someone comes from or goes
    for word in ("特色小镇", "新型城镇", "美丽古镇", "统筹城乡", "鱼米之乡", "返乡", "科技下乡", "江南水乡"):
        assert lexicon.recognise(word) is None, word


def test_autonomous_and_directly_governed_levels_join_the_collective():
    # 各省、自治区、直辖市人民政府 is one collective: 自治区 and 直辖市 are levels like 省 and 市
    assert [u.name for u in read("商务部、财政部，各省、自治区、直辖市人民政府按职责分工负责").units] == [
        "商务部", "财政部", "各省、自治区、直辖市人民政府"]
    assert [u.name for u in read("责任单位：省民政厅，各市、自治州人民政府").units] == [
        "省民政厅", "各市、自治州人民政府"]


def test_each_for_its_own_area_is_a_modifier_of_the_verb():
    # 按属地负责: the units answer each for their own area; the modifier is no part of their names
    assert units("区商务委、区规划资源局负责，相关街镇按属地负责") == [
        ("区商务委", "lead"), ("区规划资源局", "participant"), ("相关街镇", "participant")]
    assert units("区市场监管局、区公安分局，各街镇、莘庄工业区按属地负责") == [
        ("区市场监管局", "lead"), ("区公安分局", "participant"), ("各街镇", "participant"), ("莘庄工业区", "participant")]


def test_a_duty_in_running_text_names_no_unit_in_a_units_place():
    # 要 is the modal of a duty: 各功能区要结合实际抓好 is a clause, not a unit standing beside 各区县
    assert read("各区县、各功能区要结合实际抓好落实") is None
    assert Lexicon().recognise("县政府要督促乡镇") is None  # ends like a body, but is a duty
    assert Lexicon().recognise("市重要产品追溯管理中心") == "suffix"  # 重要 is no modal


# ---------------------------------------------------------------- forms found measuring blind set 9


def test_a_rule_for_lists_that_print_no_lead():
    from fengong.readers.vocabulary import rest_role, unmarked_leads

    rule = "标明“牵头”的为牵头单位，其他单位为参与单位；未标明牵头的，所列单位均为牵头单位"
    assert unmarked_leads(rule) and rest_role(rule) == "participant"
    assert unmarked_leads("标注“*”的为牵头单位；未标注牵头单位的，均为责任单位")
    assert not unmarked_leads("列第一位者为牵头单位，其余为配合单位")
    # a bare list: every unit leads; a list that names its lead: the others take the rule's role
    settled, basis = settle_roles(read("住房城乡建设部、市场监管总局，各省级人民政府").units, unmarked_lead=True)
    assert basis == "rule" and [u.role for u in settled] == ["lead", "lead", "lead"]
    settled, basis = settle_roles(read("商务部牵头，公安部、财政部参与").units, unmarked_lead=True)
    assert basis == "stated" and [u.role for u in settled] == ["lead", "participant", "participant"]


@pytest.mark.parametrize(("text", "expected"), [
    ("牵头单位：县公安局交警大队　　配合单位：县城管局、县交通运输局　　完成时限：2021年6月底前",
     [("县公安局交警大队", "lead"), ("县城管局", "cooperating"), ("县交通运输局", "cooperating")]),
    ("责任单位：县教体局、县文明办　　时间要求：持续推进", [("县教体局", "lead"), ("县文明办", "participant")]),
    ("牵头单位：市商务局  分管领导：副市长　王某某  配合单位：市财政局",
     [("市商务局", "lead"), ("市财政局", "cooperating")]),
])
def test_labelled_fields_side_by_side_separated_by_spaces(text, expected):
    assert units(text) == expected


def test_a_bracket_saying_how_a_unit_answers_is_no_part_of_its_name():
    assert units("责任单位：各街道办事处（按职责分工负责）　　完成时限：长期坚持") == [("各街道办事处", "lead")]
    assert units("责任单位：市发展改革委（牵头）、各区人民政府（按属地负责）") == [
        ("市发展改革委", "lead"), ("各区人民政府", "participant")]


def test_social_organisations_are_units_and_lianhe_inside_a_name_joins_nothing():
    assert units("牵头单位：林业和草原改革发展司；参加单位：宣传中心、中国林业产业联合会") == [
        ("林业和草原改革发展司", "lead"), ("宣传中心", "participant"), ("中国林业产业联合会", "participant")]
    assert units("省工商联牵头，省企业联合会、省餐饮行业协会、省个体劳动者协会配合") == [
        ("省工商联", "lead"), ("省企业联合会", "cooperating"), ("省餐饮行业协会", "cooperating"),
        ("省个体劳动者协会", "cooperating")]
    assert [u.name for u in read("市商务局会同市消费者权益保护委员会、市电子商务促进会负责").units] == [
        "市商务局", "市消费者权益保护委员会", "市电子商务促进会"]
    # 联合 and 会同 still join two groups of units where a unit stands before them
    assert units("由省商务厅联合省市场监管局负责") == [("省商务厅", "lead"), ("省市场监管局", "participant")]
    assert units("供销合作总社会同商务部负责") == [("供销合作总社", "lead"), ("商务部", "participant")]


def test_shishi_implements_as_luoshi_does():
    assert units("区教育局指导，区老年大学、各街道办事处实施") == [
        ("区教育局", "guiding"), ("区老年大学", "implementing"), ("各街道办事处", "implementing")]


# ---------------------------------------------------------------- a topic before 由


@pytest.mark.parametrize(("text", "expected"), [
    ("此项工作由市发展改革委牵头，市财政局、市自然资源局配合",
     [("市发展改革委", "lead"), ("市财政局", "cooperating"), ("市自然资源局", "cooperating")]),
    ("该项工作由市商务局负责", [("市商务局", "lead")]),
    ("该项任务由省应急管理厅牵头负责，省公安厅参与", [("省应急管理厅", "lead"), ("省公安厅", "participant")]),
    ("本项工作由市住房城乡建设局会同市财政局负责", [("市住房城乡建设局", "lead"), ("市财政局", "participant")]),
    ("这项工作由市委宣传部牵头，市网信办配合", [("市委宣传部", "lead"), ("市网信办", "cooperating")]),
    ("上述工作由市数据局牵头，市财政局参与", [("市数据局", "lead"), ("市财政局", "participant")]),
    ("以上工作由市科技局负责", [("市科技局", "lead")]),
    ("上述任务由市教育局会同市人力资源社会保障局负责", [("市教育局", "lead"), ("市人力资源社会保障局", "participant")]),
    ("以上各项任务由市发展改革委牵头，各区人民政府配合", [("市发展改革委", "lead"), ("各区人民政府", "cooperating")]),
    ("此项任务由市公安局负责", [("市公安局", "lead")]),
    ("上述措施由各区县人民政府负责落实", [("各区县人民政府", "lead")]),  # 由…负责落实: as 由…负责
    ("该项工作具体由市民政局负责", [("市民政局", "lead")]),
    ("具体工作由省应急管理厅牵头负责", [("省应急管理厅", "lead")]),
])
def test_a_topic_pointing_to_the_measure_before_by(text, expected):
    # the topic says what the clause is about (the measure: 此项, 该项, 本项, 上述, 以上 …; or its doing: 具体工作);
    # the roles are those of 由A牵头 / 由A会同B负责
    assert units(text) == expected
    statement = read(text)
    assert statement.reading.startswith("topical") and statement.topic in ("pointed", "work")


@pytest.mark.parametrize(("text", "expected"), [
    # (set 40: nantong) a topic pointing to the measures, 由A会同B and a verb of carrying out: A answers for them
    ("以上保障措施由市低空经济发展工作领导小组办公室会同市有关部门组织实施",
     [("市低空经济发展工作领导小组办公室", "lead"), ("市有关部门", "participant")]),
    ("此项工作由市农业农村局会同市财政局落实", [("市农业农村局", "lead"), ("市财政局", "participant")]),
    ("上述任务由市商务局会同各区人民政府具体实施", [("市商务局", "lead"), ("各区人民政府", "participant")]),
    # no topic: a task handed over inside the measure (考核由A会同B组织实施), implementing as it says
    ("由省发展改革委会同省统计局组织实施", [("省发展改革委", "implementing"), ("省统计局", "implementing")]),
    ("市发展改革委会同市统计局组织实施", [("市发展改革委", "implementing"), ("市统计局", "implementing")]),
])
def test_a_topic_by_a_joined_with_b_carrying_out_the_measures(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize("text", [
    "日常工作由市商务局负责",  # an office's housekeeping
    "日常督查工作由县委农办承担",
    "年度考核工作由区委督查室负责",  # another activity than the measure
    "所需经费由市财政局负责",  # money: who pays is no role of the scheme
    "各项扶持资金由区级财政承担",
    "所需资金由市财政局统筹保障",
    "所需经费由市财政局统筹安排",
    "本措施由市商务局负责",  # 本 without 项: the document, not the measure
    "本措施由市商务局负责解释",
    "由市政府办公室印发",  # a document's issuing
    "用好由市财政局统筹安排的资金",  # 由 inside an object
    "建设平台，上述任务由市数据局负责",  # a topic opens its statement: the text before it is the measure's
    "以上由市财政局负责",  # 以上 with neither a classifier nor a noun: no measure named
    "上述资金由市财政局负责",  # money
])
def test_a_topic_that_names_another_subject_is_no_statement(text):
    assert read(text) is None


@pytest.mark.parametrize(("text", "reach"), [
    ("以上各项任务由市发展改革委牵头，市财政局、市商务局配合", (True, True, None)),
    ("上述几项工作由市民政局负责", (True, True, None)),
    ("以上这些措施由各区人民政府负责落实", (True, True, None)),
    ("以上工作均由市科技局牵头", (True, True, None)),
    ("以上三项工作均由市人力资源社会保障局牵头，市财政局参与", (True, True, 3)),
    ("上述2项任务由市交通运输局负责", (True, True, 2)),
    ("以上十二条措施由市工业和信息化局会同市财政局负责", (True, True, 12)),
    ("上述工作由市数据局负责", (True, False, None)),  # back, but how many it does not say: its place decides
    ("此项工作由市民政局牵头，市财政局配合", (False, False, None)),  # one measure
    ("该项任务由市商务局负责", (False, False, None)),
    # the classifier alone names the items: no noun after it
    ("以上两项由部公路局牵头，各省级交通运输主管部门落实", (True, True, 2)),
    ("上述各条由市发展改革委负责", (True, True, None)),
    ("此项由市民政局负责", (False, False, None)),
])
def test_what_a_topic_pointing_back_covers(text, reach):
    # 以上 / 上述 / 前述 point back over the text above: several measures where it says so (各项, 几项, 这些, 均, a
    # count); 此项 / 该项 point to one
    statement = read(text)
    assert statement is not None and statement.reading.startswith("topical") and statement.reach == reach


@pytest.mark.parametrize(("text", "expected"), [
    ("相关工作由市委宣传部牵头，各有关部门配合", [("市委宣传部", "lead"), ("各有关部门", "cooperating")]),
    ("有关工作由市财政局负责", [("市财政局", "lead")]),
])
def test_related_work_before_by_reads_as_a_topic(text, expected):
    # in a bracket or a cell the work related to the measure is the measure's; in prose only where it closes a
    # numbered measure's own paragraph (tests/test_readers_prose.py)
    assert units(text) == expected and read(text).topic == "related"


@pytest.mark.parametrize(("cell", "expected"), [
    ("由市民政局牵头，市财政局配合", [("市民政局", "lead"), ("市财政局", "cooperating")]),
    ("此项工作由市民政局牵头，市财政局、市卫生健康委配合",
     [("市民政局", "lead"), ("市财政局", "cooperating"), ("市卫生健康委", "cooperating")]),
    ("该项任务由市住房城乡建设局会同市自然资源局负责", [("市住房城乡建设局", "lead"), ("市自然资源局", "participant")]),
    ("由市教育局负责", [("市教育局", "lead")]),
    ("由市农业农村局指导，各县（市、区）人民政府具体落实",
     [("市农业农村局", "guiding"), ("各县（市、区）人民政府", "implementing")]),
])
@pytest.mark.parametrize("column", ["responsible", "lead", "cooperating"])
def test_a_unit_cell_that_states_its_roles_itself(cell, expected, column):
    # a cell under 责任单位 / 牵头单位 / 配合单位 written as a closing sentence of prose: its own roles stand
    assert units(cell, label_role=column) == expected


@pytest.mark.parametrize("cell", [
    "所需资金由市财政局负责",  # money
    "日常工作由市民政局负责",  # an office's housekeeping
    "由各区自行组织",  # no role verb
    "本措施由市商务局负责解释",  # the document
    "由市政府办公室印发",
])
def test_a_unit_cell_with_a_clause_about_something_else_is_not_read(cell):
    # 由 inside a run makes it a clause: neither the column's label nor a reading of its own names a unit
    assert read(cell, label_role="responsible") is None


# ---------------------------------------------------------------- forms found measuring blind set 10


@pytest.mark.parametrize("text", ["市城管执法局★、市司法局", "★市城管执法局、市司法局", "市城管执法局*、市司法局",
                                  "市城管执法局▲，市司法局", "市司法局、市城管执法局△"])
def test_a_mark_before_or_after_a_name_marks_that_unit(text):
    statement = read(text, label_role="responsible")
    settled, basis = settle_roles(statement.units, "cooperating")
    assert basis == "marked" and sorted((u.name, u.role) for u in settled) == [
        ("市司法局", "cooperating"), ("市城管执法局", "lead")]


@pytest.mark.parametrize(("text", "expected"), [
    ("牵头科室：党建工作办公室；协同单位：街道总工会、团工委",
     [("党建工作办公室", "lead"), ("街道总工会", "cooperating"), ("团工委", "cooperating")]),
    ("牵头处室：规划财务司；配合处室：政策法规司", [("规划财务司", "lead"), ("政策法规司", "cooperating")]),
    ("责任科室：城市管理办公室、综合执法队", [("城市管理办公室", "lead"), ("综合执法队", "participant")]),
    ("责任领导：陈某某；牵头科室：平安建设办公室；责任单位：猎德派出所",  # a person's field names no unit
     [("平安建设办公室", "lead"), ("猎德派出所", "participant")]),
])
def test_a_department_of_a_body_as_the_noun_of_a_label(text, expected):
    # 牵头 + 科室 / 处室 / 股室: the departments of a 街道, a bureau or a ministry, labelled as units are
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("牵头单位：省商务厅；责任单位：省发展改革委 省财政厅 昆明海关",
     [("省商务厅", "lead"), ("省发展改革委", "participant"), ("省财政厅", "participant"), ("昆明海关", "participant")]),
    ("牵头单位：县商务局；配合单位：县供销社　县邮政分公司　团县委",
     [("县商务局", "lead"), ("县供销社", "cooperating"), ("县邮政分公司", "cooperating"), ("团县委", "cooperating")]),
    ("牵头单位：中国人民银行云南省分行　国家金融监督管理总局云南监管局",
     [("中国人民银行云南省分行", "lead"), ("国家金融监督管理总局云南监管局", "lead")]),
    # fields separated by single spaces, the units of the last one too
    ("牵头科室：党建工作办公室 协同单位：街道总工会 街道妇联 团工委",
     [("党建工作办公室", "lead"), ("街道总工会", "cooperating"), ("街道妇联", "cooperating"), ("团工委", "cooperating")]),
    # a space inside one name as printed splits nothing: 省人力资源 is no unit
    ("责任单位：省人力资源 和社会保障厅、省财政厅", [("省人力资源和社会保障厅", "lead"), ("省财政厅", "participant")]),
])
def test_units_printed_side_by_side_with_spaces_between_them(text, expected):
    assert units(text) == expected


def test_a_marked_unit_with_a_space_after_its_mark():
    statement = read("市供销社★ 市商务局 市城管执法局", label_role="responsible")
    settled, _ = settle_roles(statement.units, "cooperating")
    assert [(u.name, u.role) for u in settled] == [
        ("市供销社", "lead"), ("市商务局", "cooperating"), ("市城管执法局", "cooperating")]


@pytest.mark.parametrize(("text", "expected"), [
    ("减灾司牵头，各省级应急管理部门具体实施", [("减灾司", "lead"), ("各省级应急管理部门", "implementing")]),
    ("市商务局具体负责", [("市商务局", "lead")]),
    ("县教育局牵头，各乡镇人民政府具体落实", [("县教育局", "lead"), ("各乡镇人民政府", "implementing")]),
])
def test_juti_says_how_the_verb_is_done_not_who(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "names"), [
    ("减灾司牵头，各相关司局、单位按职责分工负责", ["减灾司", "各相关司局、单位"]),
    ("规划建设局牵头，各街道、园区具体落实", ["规划建设局", "各街道、园区"]),
    ("市商务局牵头，各有关部门、单位配合", ["市商务局", "各有关部门、单位"]),
    ("规划建设局牵头，各街道、各园区具体落实", ["规划建设局", "各街道", "各园区"]),  # 各 printed twice: two
    ("各市体育局、教育局负责", ["各市体育局", "教育局"]),  # a body, not a bare kind, after 、
])
def test_a_ge_collective_governs_the_bare_kinds_after_it(text, names):
    # 各 over 、-separated kinds of body (单位, 园区, 部门 …) is one collective, as 各区、县（市）政府 is
    assert [u.name for u in read(text).units] == names


@pytest.mark.parametrize("text", ["昆明市 人民政府负责", "中国人民银行 昆明中心支行牵头", "市公安局 交警支队负责",
                                  "国家金融监督管理总局 云南监管局负责"])
def test_a_space_inside_one_name_never_makes_two_units(text):
    # the people's body of a place, or a branch named after its parent with the place between: one name as printed
    statement = read(text)
    assert statement is None or len(statement.units) == 1


@pytest.mark.parametrize(("text", "expected"), [
    # a table cell's <br> printed as a space (trafilatura): the space after a role verb ends the part as ，does
    ("区发展改革局牵头 区工业和信息化局、区统计局配合",
     [("区发展改革局", "lead"), ("区工业和信息化局", "cooperating"), ("区统计局", "cooperating")]),
    ("市发展改革委牵头　市财政局配合", [("市发展改革委", "lead"), ("市财政局", "cooperating")]),
    ("省教育厅负责 省财政厅、省人力资源社会保障厅参与",
     [("省教育厅", "lead"), ("省财政厅", "participant"), ("省人力资源社会保障厅", "participant")]),
    ("区政务服务和数据管理局牵头 区直有关单位配合", [("区政务服务和数据管理局", "lead"), ("区直有关单位", "cooperating")]),
    ("市商务局牵头\n市财政局、市文广旅局按职责分工负责",  # or as a line break
     [("市商务局", "lead"), ("市财政局", "participant"), ("市文广旅局", "participant")]),
])
def test_a_space_after_a_role_verb_ends_its_part(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("市科技局牵头 负责", [("市科技局", "lead")]),  # no unit after the space: nothing parted
    ("昆明市 人民政府负责", [("昆明市人民政府", "lead")]),  # no verb before the space: one name as printed
])
def test_a_space_after_a_role_verb_parts_only_before_a_unit(text, expected):
    assert units(text) == expected


def local_units(text: str, jurisdiction: str):
    statement = read_statement(text, 0, len(text), 1, lexicon_for(jurisdiction), label_role="responsible")
    settled, _ = settle_roles(statement.units)
    return [(u.name, u.role) for u in settled]


@pytest.mark.parametrize(("jurisdiction", "text", "expected"), [
    # a cell's names one a line (<br>), run together by a converter (BeautifulSoup get_text()): parted where the
    # run is no name and every piece is one the gazetteer knows
    ("320000", "*省工业和信息化厅省数据局省通信管理局",
     [("省工业和信息化厅", "lead"), ("省数据局", "participant"), ("省通信管理局", "participant")]),
    ("320000", "省商务厅省发展改革委省生态环境厅、省财政厅",
     [("省商务厅", "lead"), ("省发展改革委", "participant"), ("省生态环境厅", "participant"), ("省财政厅", "participant")]),
    ("100000", "人力资源社会保障部财政部全国总工会",
     [("人力资源社会保障部", "lead"), ("财政部", "participant"), ("全国总工会", "participant")]),
])
def test_names_run_together_part_into_names_the_gazetteer_knows(jurisdiction, text, expected):
    assert local_units(text, jurisdiction) == expected


@pytest.mark.parametrize(("jurisdiction", "text"), [
    ("320000", "省发展改革委员会"),  # holds 省发展改革委, but 员会 is no name: a long name as printed
    ("320000", "省发展和改革委员会"),  # a name the gazetteer knows whole
    ("320000", "省委组织部人才办"),  # an office with no level of its own after a local body: the body's own
    ("320000", "江苏金融监管局人民银行江苏省分行"),  # a branch after a parent's ending: not parted
    ("330000", "宁波市税务局"),  # a place, then its body
    ("110105", "区纪委区监委"),  # two names of one body (a joint office)
    ("100000", "国家金融监督管理总局云南监管局"),  # a branch named after its parent
    ("100000", "国家发展改革委价格司"),  # a department: no name the gazetteer knows alone, never by its ending
])
def test_a_long_name_holding_a_known_name_is_not_parted(jurisdiction, text):
    assert local_units(text, jurisdiction) == [(text, "lead")]


def test_a_branch_with_a_level_of_its_own_after_a_space_is_a_unit():
    assert units("市公安局 市交警支队负责") == [("市公安局", "lead"), ("市交警支队", "participant")]


# ---------------------------------------------------------------- genre set 11

@pytest.mark.parametrize(("text", "expected"), [
    ("责任单位：科技司（牵头），综合规划司、法制司（配合）",
     [("科技司", "lead"), ("综合规划司", "cooperating"), ("法制司", "cooperating")]),
    ("责任单位：水运局、海事局（牵头），中国船级社、长江航务管理局（配合）",
     [("水运局", "lead"), ("海事局", "lead"), ("中国船级社", "cooperating"), ("长江航务管理局", "cooperating")]),
    ("责任单位：市发展改革委（牵头），市财政局、市商务局（参与），各区县人民政府（落实）",
     [("市发展改革委", "lead"), ("市财政局", "participant"), ("市商务局", "participant"),
      ("各区县人民政府", "implementing")]),
    ("责任单位：省教育厅、省人力资源社会保障厅（牵头）；省财政厅（配合）",
     [("省教育厅", "lead"), ("省人力资源社会保障厅", "lead"), ("省财政厅", "cooperating")]),
])
def test_a_role_note_closing_a_group_of_units_is_the_whole_groups(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a note inside the list, not closing it, is its unit's alone
    ("市财政局、市人社局（牵头）、团市委", [("市人社局", "lead"), ("市财政局", "participant"), ("团市委", "participant")]),
    ("市发改委（牵头）、市财政局、市商务局", [("市发改委", "lead"), ("市财政局", "participant"),
                                             ("市商务局", "participant")]),
])
def test_a_role_note_inside_a_list_is_its_units_alone(text, expected):
    assert sorted(units(text, label_role="responsible")) == sorted(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("主办部门：经济发展委员会、规划建设委员会（双牵头）", [("经济发展委员会", "lead"), ("规划建设委员会", "lead")]),
    ("责任单位：市商务局、市文广旅局（双牵头），市财政局",
     [("市商务局", "lead"), ("市文广旅局", "lead"), ("市财政局", "participant")]),
])
def test_a_joint_lead_note_is_no_part_of_the_name(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("广东省税务局<br>省财政厅", ["广东省税务局", "省财政厅"]),
    ("省交通运输厅、省市场监管局<br>广州海关、深圳海关", ["省交通运输厅", "省市场监管局", "广州海关", "深圳海关"]),
    ("省法院<br/>省检察院<br />省公安厅", ["省法院", "省检察院", "省公安厅"]),
    ("省司法厅、<br>省应急管理厅", ["省司法厅", "省应急管理厅"]),
])
def test_a_line_break_tag_in_a_cell_separates_units(text, expected):
    assert [u.name for u in read(text, label_role="lead").units] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # pymupdf4llm prints a PDF cell's wrapped lines joined by <br>: the wrap falls anywhere in a name
    ("国家卫生健康委、生态环境部、市场<br>监管总局", ["国家卫生健康委", "生态环境部", "市场监管总局"]),
    ("住房城乡建设部、财政部、自然资源<br>部", ["住房城乡建设部", "财政部", "自然资源部"]),
    ("自然资源部、税<br>务总局", ["自然资源部", "税务总局"]),
    ("人民银行、银保<br>监会", ["人民银行", "银保监会"]),
    ("国家发展改革委、水利部、农业农村<br>部等", ["国家发展改革委", "水利部", "农业农村部"]),
    # the wrap before the separator parts nothing more
    ("国家发展改革委<br>、水利部", ["国家发展改革委", "水利部"]),
    ("国家发展改革委<br>，水利部", ["国家发展改革委", "水利部"]),
])
def test_a_line_break_tag_inside_a_name_is_a_wrap(text, expected):
    assert [u.name for u in read(text, label_role="lead").units] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # near misses: two pieces each a unit stay two units, whatever their ending
    ("省发展改革委<br>各地级以上市人民政府", ["省发展改革委", "各地级以上市人民政府"]),
    ("市公安局<br>交警支队", ["市公安局", "交警支队"]),
    ("国家能源局<br>水利部", ["国家能源局", "水利部"]),
])
def test_a_line_break_tag_between_two_units_still_parts_them(text, expected):
    assert [u.name for u in read(text, label_role="lead").units] == expected


@pytest.mark.parametrize(("text", "names"), [
    ("区司法局牵头，区政府各委、办、局按职责分工负责", ["区司法局", "区政府各委、办、局"]),
    ("市发展改革委牵头，市各委、办、局配合", ["市发展改革委", "市各委、办、局"]),
    ("主办：职成处；协办：省职教教研室，各省辖市、省直管试点县（市）教育局",
     ["职成处", "省职教教研室", "各省辖市、省直管试点县（市）教育局"]),
    ("省卫生健康委牵头，各设区市、县（市）卫生健康局落实", ["省卫生健康委", "各设区市、县（市）卫生健康局"]),
    ("省卫生健康委牵头，各设区市、县（市、区）卫生健康局落实", ["省卫生健康委", "各设区市、县（市、区）卫生健康局"]),
    ("省民政厅牵头，各市、所辖县（自治县）民政局落实", ["省民政厅", "各市、所辖县（自治县）民政局"]),
])
def test_a_ge_collective_with_separators_inside_is_one_unit(text, names):
    assert [u.name for u in read(text).units] == names


@pytest.mark.parametrize(("text", "names"), [
    ("省教育厅牵头，各省辖市、省财政厅配合", ["省教育厅", "各省辖市", "省财政厅"]),  # a known body: its own unit
    ("责任单位：区发改局、各镇（街道）、各园区管委会", ["区发改局", "各镇（街道）", "各园区管委会"]),  # its own 各
    # (set 22: liuyang) a bracket of another name is one place's, no class of places: 经开区（高新区） is one zone
    ("此项工作由市安委办负责，各镇（街道）、浏阳经开区（高新区）管委会、浏阳高新区管委会落实。",
     ["市安委办", "各镇（街道）", "浏阳经开区（高新区）管委会", "浏阳高新区管委会"]),
    ("责任单位：各镇、浏阳经开区（高新区）管委会", ["各镇", "浏阳经开区（高新区）管委会"]),
    ("各乡镇（街道）、经济开发区（工业园区）管委会负责", ["各乡镇（街道）", "经济开发区（工业园区）管委会"]),
])
def test_a_body_of_its_own_after_a_ge_place_class_stays_apart(text, names):
    assert [u.name for u in read(text).units] == names


@pytest.mark.parametrize("text", ["对有关政策措施的解释由各牵头单位负责", "日常工作由各有关部门负责",
                                  "对本方案的解释由各相关单位负责"])
def test_a_clause_ending_like_a_collective_names_no_unit(text):
    assert read(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("责任主体：各村（社区）　指导：镇人居办　督办：镇纪委", [("各村（社区）", "lead"), ("镇人居办", "guiding")]),
    ("牵头单位：市城管局；督办单位：市政府督查室", [("市城管局", "lead")]),
])
def test_a_supervising_body_is_no_unit_of_the_statement(text, expected):
    assert units(text) == expected


def test_nobody_and_the_same_as_above_name_no_unit():
    nobody = read("协办部门：无")
    assert nobody is not None and nobody.units == [] and nobody.nobody
    same = read("协办部门：同上")
    assert same is not None and same.units == [] and same.same == ["cooperating"]
    assert units("主办部门：国土环保局；协办部门：暂无") == [("国土环保局", "lead")]
    assert read("无") is None and read("同上") is None  # without a label they say nothing


@pytest.mark.parametrize(("text", "value"), [("⑴", 1), ("⑿", 12), ("⒇", 20), ("⒈", 1), ("⒓", 12)])
def test_enclosed_digits_have_their_values(text, value):
    assert numeral_value(text) == value


# ---------------------------------------------------------------- set 12: 主责/主办, 承办, kinds of body, manners


@pytest.mark.parametrize("rule", [
    "排在第一位的为主办单位，其他为协办单位",
    "列第一位的为主责单位，其余为协办单位",
    "标注“（主责）”的为主责单位，其余为协办单位",
    "标明（主办）的为主办部门，其余为配合部门",
])
def test_the_lead_rule_with_the_leads_other_names(rule):
    from fengong.readers.vocabulary import LEAD_RULE, rest_role, rule_extent
    found = LEAD_RULE.search(rule)
    assert found is not None and rule[: rule_extent(rule, found)] == rule
    assert rest_role(rule) == "cooperating"


@pytest.mark.parametrize("text", ["排在第一位的为主要领导", "主办单位要切实负起责任，会同协办单位制定具体落实措施",
                                  "由省发展改革委负责解释"])
def test_sentences_about_the_lead_that_state_no_rule(text):
    from fengong.readers.vocabulary import LEAD_RULE
    assert LEAD_RULE.search(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("县发改局（主责）、县统计局", [("县发改局", "lead"), ("县统计局", "participant")]),
    ("县建设局（主责）、县自然资源和规划局（主责）、县财政局",
     [("县建设局", "lead"), ("县自然资源和规划局", "lead"), ("县财政局", "participant")]),
    ("市经信委（主办）、市环保局（协办）", [("市经信委", "lead"), ("市环保局", "cooperating")]),
    ("县发改局（主责单位）、县统计局", [("县发改局", "lead"), ("县统计局", "participant")]),
])
def test_the_leads_other_names_as_a_role_after_a_unit(text, expected):
    assert units(text, "responsible") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("农村水利水电司牵头，规划计划司、财务司配合，各省级水行政主管部门承办",
     [("农村水利水电司", "lead"), ("规划计划司", "cooperating"), ("财务司", "cooperating"),
      ("各省级水行政主管部门", "implementing")]),
    ("主办单位：省人社厅；承办单位：省就业局", [("省人社厅", "lead"), ("省就业局", "implementing")]),
    ("承办单位：省农业农村厅；协办单位：省财政厅", [("省农业农村厅", "lead"), ("省财政厅", "cooperating")]),
    ("水资源管理司承办，农村水利水电司指导", [("水资源管理司", "lead"), ("农村水利水电司", "guiding")]),
])
def test_the_handler_carries_out_beside_a_lead_and_answers_alone(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("header", "role"), [
    ("责任司局", "responsible"), ("牵头司局", "lead"), ("配合司局", "cooperating"), ("责任处室", "responsible"),
    ("牵头科室", "lead"), ("协办处室", "cooperating"), ("主责单位", "lead"), ("承办单位", "handler"),
    ("责任委办局", "responsible"), ("完成时限", None), ("督办时限", None), ("司局", None),
])
def test_label_nouns_name_a_kind_of_body(header, role):
    assert column_role(header) == role


@pytest.mark.parametrize(("header", "role"), [
    ("责任科室（单位）", "responsible"), ("责任单位（部门）", "responsible"), ("牵头部门（单位）", "lead"),
    ("配合单位（部门）", "cooperating"), ("配合单位(部门、科室)", "cooperating"), ("协办处室（单位）", "cooperating"),
    # the bracket holds no kind of body: a person, a seal, a role, or a label of no role
    ("责任单位（人）", None), ("牵头单位（盖章）", None), ("责任单位（牵头）", None), ("责任人（单位）", None),
    ("责任领导（单位）", None), ("完成时限（单位）", None),
])
def test_a_label_noun_with_the_other_kinds_it_admits_in_a_bracket(header, role):
    """(set 22: lixia) 责任科室（单位）: a kind of body, then the other kinds the field admits, bracketed."""
    assert column_role(header) == role


@pytest.mark.parametrize(("header", "role"), [
    ("责任单位（带*为牵头单位）", "responsible"), ("责任单位(标*的为牵头单位)", "responsible"),
    ("责任单位（带“★”的为牵头单位）", "responsible"), ("责任部门（排在第一位的为牵头部门）", "responsible"),
    ("责任单位（列第一位者为牵头单位，其余为配合单位）", "responsible"), ("配合单位（标*的为牵头单位）", "cooperating"),
    # the bracket is no lead rule, or the column names no units
    ("责任单位（带*）", None), ("责任单位（牵头单位填报）", None), ("责任人（带*为牵头单位）", None),
    ("完成时限（带*为牵头单位）", None), ("责任单位（带*为牵头单位）及完成时限", None),
])
def test_a_unit_header_carrying_the_lead_rule_in_a_bracket(header, role):
    """(set 49: panfubanhan) 责任单位（带*为牵头单位）: the rule stands in the header's bracket; the column is the one
    the words before it name."""
    assert column_role(header) == role


@pytest.mark.parametrize(("text", "expected"), [
    ("责任单位（部门）：市科技局、市工信局", [("市科技局", "lead"), ("市工信局", "participant")]),
    ("牵头部门（单位）：市科技局；配合单位（部门）：市工信局", [("市科技局", "lead"), ("市工信局", "cooperating")]),
    ("【责任科室（单位）】党政综合办公室", [("党政综合办公室", "lead")]),
])
def test_a_field_labelled_with_the_other_kinds_it_admits(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("责任司局：生态保护修复司；实施主体：各省级林业和草原主管部门",
     [("生态保护修复司", "lead"), ("各省级林业和草原主管部门", "implementing")]),
    ("牵头司局：森林资源管理司　实施主体：有关省级林业和草原主管部门、国家开发银行",
     [("森林资源管理司", "lead"), ("有关省级林业和草原主管部门", "implementing"), ("国家开发银行", "implementing")]),
    ("牵头司局：科学技术司　参与单位：中国林业科学研究院、北京林业大学",
     [("科学技术司", "lead"), ("中国林业科学研究院", "participant"), ("北京林业大学", "participant")]),
    ("责任处室：规划处、财务处", [("规划处", "lead"), ("财务处", "participant")]),
])
def test_fields_labelled_by_a_kind_of_body_and_side_by_side(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("各市县党委和政府负责，省委组织部统筹指导", [("各市县党委和政府", "lead"), ("省委组织部", "guiding")]),
    ("由各省级水行政主管部门负责，各流域管理机构督促指导",
     [("各省级水行政主管部门", "lead"), ("各流域管理机构", "guiding")]),
    ("具体工作由各省级林业和草原主管部门负责，林长制工作领导小组办公室加强指导",
     [("各省级林业和草原主管部门", "lead"), ("林长制工作领导小组办公室", "guiding")]),
    ("责任主体：南漳县政府、保康县政府；市经信委负责指导",
     [("南漳县政府", "lead"), ("保康县政府", "participant"), ("市经信委", "guiding")]),
])
def test_how_a_body_guides_is_no_part_of_its_name(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "names"), [
    ("自然保护地管理司〔国家公园管理办公室〕牵头，规划财务司配合",
     ["自然保护地管理司〔国家公园管理办公室〕", "规划财务司"]),
    ("各盟行政公署、市人民政府", ["各盟行政公署、市人民政府"]),
    ("自治区发展改革委、各盟行政公署、市人民政府", ["自治区发展改革委", "各盟行政公署、市人民政府"]),
    ("长江、黄河流域管理机构", ["长江、黄河流域管理机构"]),
    ("草原管理司、内蒙古、四川、西藏等省级林业和草原主管部门",
     ["草原管理司", "内蒙古、四川、西藏等省级林业和草原主管部门"]),
    ("县建设局、各乡镇（街道、园区）", ["县建设局", "各乡镇（街道、园区）"]),
])
def test_collectives_a_ge_or_a_shared_kind_governs_across_separators(text, names):
    assert [u.name for u in read(text, "responsible").units] == names


@pytest.mark.parametrize(("text", "names"), [
    ("满洲里市、二连浩特市人民政府", ["满洲里市", "二连浩特市人民政府"]),  # the suffix printed once, as printed
    ("省发展改革委、市人民政府", ["省发展改革委", "市人民政府"]),  # no 各 to govern it
    ("各区人民政府、宁波市人民政府", ["各区人民政府", "宁波市人民政府"]),  # a named body is one of its own
    ("市发改、市财政局", ["市发改", "市财政局"]),  # a short name before a body is no place it shares
])
def test_lists_that_are_no_collective(text, names):
    assert [u.name for u in read(text, "responsible").units] == names


# ---------------------------------------------------------------- set 13: who answers, in more words


@pytest.mark.parametrize(("text", "expected"), [
    ("县工商联为责任主体，县委统战部指导", [("县工商联", "lead"), ("县委统战部", "guiding")]),
    ("港华燃气、中燃燃气为责任主体，县住建局督促指导",
     [("港华燃气", "lead"), ("中燃燃气", "participant"), ("县住建局", "guiding")]),
    ("县城管局为责任主体", [("县城管局", "lead")]),
    ("县委组织部、县委考评办为责任单位", [("县委组织部", "lead"), ("县委考评办", "participant")]),
    ("市商务局为牵头单位，市财政局配合", [("市商务局", "lead"), ("市财政局", "cooperating")]),
])
def test_the_body_named_as_the_one_that_answers(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 抓好落实 is the verb of the whole sentence, as 负责 is: a responsible list, the first leads
    ("县发改委、县自然资源局、县住建局按职责分工抓好落实",
     [("县发改委", "lead"), ("县自然资源局", "participant"), ("县住建局", "participant")]),
    ("县农业农村局负总责，县林业局、县供销社、各乡镇按职责分工抓好落实",
     [("县农业农村局", "lead"), ("县林业局", "participant"), ("县供销社", "participant"), ("各乡镇", "participant")]),
    # the lead printed last: the list before it takes part
    ("县市场监管局、县商务局按职责分工抓好落实，县住建局牵头",
     [("县市场监管局", "participant"), ("县商务局", "participant"), ("县住建局", "lead")]),
    ("市教育局、市卫生健康委共同抓好落实", [("市教育局", "lead"), ("市卫生健康委", "participant")]),
])
def test_seeing_to_it_that_a_measure_is_done_is_answering_for_it(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # bare 抓好落实 beside a stated lead: the units carry out what the lead leads (the places, in their areas)
    ("市委组织部（市委人才办）牵头，各县（市、区）党委和政府抓好落实",
     [("市委组织部（市委人才办）", "lead"), ("各县（市、区）党委和政府", "implementing")]),
    ("县农业农村局牵头，各乡镇抓好落实", [("县农业农村局", "lead"), ("各乡镇", "implementing")]),
    ("县农业农村局负总责，各乡镇、各村抓好落实",
     [("县农业农村局", "lead"), ("各乡镇", "implementing"), ("各村", "implementing")]),
    # a modifier makes it a responsible list's verb again (each answers for its share): they take part
    ("县农业农村局牵头，县林业局、县供销社各自抓好落实",
     [("县农业农村局", "lead"), ("县林业局", "participant"), ("县供销社", "participant")]),
    ("市教育局牵头，市财政局共同抓好落实", [("市教育局", "lead"), ("市财政局", "participant")]),
    # no lead stated: bare 抓好落实 answers for the measure, as 负责 does
    ("市教育局、市卫生健康委抓好落实", [("市教育局", "lead"), ("市卫生健康委", "participant")]),
    ("由市教育局抓好落实", [("市教育局", "lead")]),
    ("市教育局会同市财政局抓好落实", [("市教育局", "lead"), ("市财政局", "participant")]),
    ("市教育局负责，各区抓好落实", [("市教育局", "lead"), ("各区", "participant")]),  # 负责 states no lead
])
def test_a_bare_seeing_to_it_beside_a_stated_lead_is_carrying_it_out(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 由 gives the measure to the units it names, whatever the verb after them: 由A负责落实 is 由A负责
    ("由县农业农村局负责落实", [("县农业农村局", "lead")]),
    ("此项工作由县农业农村局负责落实", [("县农业农村局", "lead")]),
    ("由县人社局、县农业农村局负责落实，各乡镇具体实施",
     [("县人社局", "lead"), ("县农业农村局", "participant"), ("各乡镇", "implementing")]),
    ("由市住房城乡建设局会同市财政局负责落实", [("市住房城乡建设局", "lead"), ("市财政局", "participant")]),
    # without 由, beside a body that answers or alone, 负责落实 carries the measure out
    ("市发展改革委、市财政局负责落实", [("市发展改革委", "implementing"), ("市财政局", "implementing")]),
    ("省工业和信息化厅负责，各市州人民政府负责落实",
     [("省工业和信息化厅", "lead"), ("各市州人民政府", "implementing")]),
    ("生态环境部指导，试点城市政府负责落实", [("生态环境部", "guiding"), ("试点城市政府", "implementing")]),
])
def test_by_gives_the_measure_to_those_who_see_it_done(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("此项整治由县住建局、县交通运输局、县公安局负责落实",
     [("县住建局", "lead"), ("县交通运输局", "participant"), ("县公安局", "participant")]),
    ("该项改造由区房管局牵头，区城管执法局配合", [("区房管局", "lead"), ("区城管执法局", "cooperating")]),
    ("此项建设工作由市交通运输局负责", [("市交通运输局", "lead")]),
    ("这项治理由市生态环境局会同市水务局负责", [("市生态环境局", "lead"), ("市水务局", "participant")]),
])
def test_a_topic_naming_one_measure_by_its_work(text, expected):
    statement = read(text)
    assert statement is not None and statement.reading.startswith("topical"), text
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a text wrapped at a fixed width (a PDF's extracted lines) breaks the topic anywhere in a word
    ("此项工\n作由市委金融办牵头，人行青岛市分行配合", [("市委金融办", "lead"), ("人行青岛市分行", "cooperating")]),
    ("以上三\n项工作由市海洋发展局牵头，市财政局配合", [("市海洋发展局", "lead"), ("市财政局", "cooperating")]),
    ("具体\n\n工作由县住建局负责", [("县住建局", "lead")]),  # pdfminer: a blank line after each printed line
    ("该项改\n造由市住建局牵头", [("市住建局", "lead")]),
])
def test_a_topic_broken_by_a_line_wrap(text, expected):
    statement = read(text)
    assert statement is not None and statement.reading.startswith("topical"), text
    assert units(text) == expected


@pytest.mark.parametrize("text", [
    "此项资\n金由县财政局负责",  # money, wrapped as well
    "日常工\n作由市民政局负责",  # an office's housekeeping
])
def test_a_wrapped_topic_that_names_no_measure_stays_unread(text):
    statement = read(text)
    assert statement is None or statement.reading != "topical"


@pytest.mark.parametrize("text", [
    "此项资金由县财政局负责",  # money: who pays is no role
    "该项经费由市财政局保障",
    "此项整治要由县住建局牵头负责研究",  # a duty, not the measure's statement
    "日常整治由县城管局负责",  # no classifier pointing to the measure
])
def test_topics_that_name_no_measure_stay_unread(text):
    statement = read(text)
    assert statement is None or statement.reading != "topical"


@pytest.mark.parametrize(("text", "expected"), [
    ("县委人才办[5]牵头，县人社局、县科技局、县工信局配合",
     [("县委人才办", "lead"), ("县人社局", "cooperating"), ("县科技局", "cooperating"), ("县工信局", "cooperating")]),
    ("县委党校［2］、县委宣传部配合", [("县委党校", "cooperating"), ("县委宣传部", "cooperating")]),
    ("县人社局¹负责，县科技局²³配合", [("县人社局", "lead"), ("县科技局", "cooperating")]),
    ("县人社局①牵头，县财政局配合", [("县人社局", "lead"), ("县财政局", "cooperating")]),
])
def test_a_footnote_mark_after_a_name_is_no_part_of_it(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("干部一科牵头，干部二科配合", [("干部一科", "lead"), ("干部二科", "cooperating")]),
    ("组织二科负责，各乡镇党委落实", [("组织二科", "lead"), ("各乡镇党委", "implementing")]),
    ("投资股牵头，规划股、价格股配合", [("投资股", "lead"), ("规划股", "cooperating"), ("价格股", "cooperating")]),
])
def test_the_sections_of_a_department_are_units(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize("text", ["一流学科负责", "本科、专科配合", "国有控股、社会参股负责"])
def test_words_ending_like_a_section_name_none(text):
    assert read(text) is None


def test_words_ending_like_a_bank_name_none():
    # 市场运行 ends like 人行…分行 and names no body: 市场运行和消费促进处 is one division, not two units
    lexicon = Lexicon()
    for word in ("市场运行", "政策执行", "先行先试", "绿色出行", "公开发行"):
        assert lexicon.recognise(word) is None, word
    for name in ("人行芜湖市分行", "农业发展银行", "市场运行和消费促进处", "国家开发银行省分行"):
        assert lexicon.recognise(name) is not None, name
    assert units("市场运行和消费促进处牵头，服务贸易和商贸服务业处配合") == [
        ("市场运行和消费促进处", "lead"), ("服务贸易和商贸服务业处", "cooperating")]
    assert units("县财政局和人行县支行负责") == [("县财政局", "lead"), ("人行县支行", "participant")]




# ---------------------------------------------------------------- set 14: verb pairs, 商, drafting, 分别, fields


@pytest.mark.parametrize(("text", "expected"), [
    ("各省级人民政府负责落实，国家发展改革委、住房城乡建设部指导督促",
     [("各省级人民政府", "implementing"), ("国家发展改革委", "guiding"), ("住房城乡建设部", "guiding")]),
    ("各省级食品安全委员会负责，国务院食品安全办指导督促", [("各省级食品安全委员会", "lead"), ("国务院食品安全办", "guiding")]),
    ("各级人力资源社会保障部门负责落实，人力资源社会保障部督促指导",
     [("各级人力资源社会保障部门", "implementing"), ("人力资源社会保障部", "guiding")]),
    ("各省级人民政府负责，应急管理部监督指导", [("各省级人民政府", "lead"), ("应急管理部", "guiding")]),
    ("各省级人民政府负责，自然资源部指导协调", [("各省级人民政府", "lead"), ("自然资源部", "guiding")]),
])
def test_a_pair_of_verbs_around_the_guiding_verb_still_guides(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("财政部商国家发展改革委负责", [("财政部", "lead"), ("国家发展改革委", "participant")]),
    ("由财政部商国家发展改革委、工业和信息化部负责",
     [("财政部", "lead"), ("国家发展改革委", "participant"), ("工业和信息化部", "participant")]),
    ("商务部、海关总署负责", [("商务部", "lead"), ("海关总署", "participant")]),  # 商 opening a name joins nothing
    ("海关总署、商务部等有关部门负责", [("海关总署", "lead"), ("商务部", "participant")]),
])
def test_shang_joins_the_body_consulted_as_huitong_does(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("国家发展改革委会同财政部提出方案，按程序报批", [("国家发展改革委", "lead"), ("财政部", "participant")]),
    ("人力资源社会保障部商财政部提出具体办法，按程序报批", [("人力资源社会保障部", "lead"), ("财政部", "participant")]),
    ("由工业和信息化部会同国家发展改革委、科技部研究制定实施细则，按程序报国务院批准",
     [("工业和信息化部", "lead"), ("国家发展改革委", "participant"), ("科技部", "participant")]),
    ("民政部负责研究提出意见，按程序报批", [("民政部", "lead")]),
])
def test_a_drafting_duty_with_its_procedure_says_who_answers(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize("text", [
    "由省发展改革委会同省财政厅编制规划",  # a drafting duty without its procedure: running text
    "国家发展改革委会同财政部提出方案",
    "按程序报批",
    "按职责分工负责",  # how, naming no one
])
def test_duties_and_procedures_alone_are_no_statements(text):
    statement = read(text)
    assert statement is None or not statement.units


@pytest.mark.parametrize(("text", "expected"), [
    ("教育部、市场监管总局分别负责", [("教育部", "lead"), ("市场监管总局", "lead")]),
    ("省国资委、省工业和信息化厅分别牵头，按职责分工负责", [("省国资委", "lead"), ("省工业和信息化厅", "lead")]),
    ("省发展改革委牵头，按职责分工负责", [("省发展改革委", "lead")]),
    ("市民政局、市卫生健康委分别负责，各区县人民政府具体落实",
     [("市民政局", "lead"), ("市卫生健康委", "lead"), ("各区县人民政府", "implementing")]),
    ("各区县人民政府、各开发区管委会分别落实", [("各区县人民政府", "implementing"), ("各开发区管委会", "implementing")]),
])
def test_fenbie_gives_each_unit_its_own_part(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("教育部、人力资源社会保障部分别负责，各地人力资源社会保障、教育部门具体落实",
     [("教育部", "lead"), ("人力资源社会保障部", "lead"), ("各地人力资源社会保障、教育部门", "implementing")]),
    ("由国家发展改革委会同同级财政、自然资源、住房城乡建设部门负责",
     [("国家发展改革委", "lead"), ("同级财政、自然资源、住房城乡建设部门", "participant")]),
    ("各级财政、税务部门按职责分工负责", [("各级财政、税务部门", "lead")]),
    ("省财政厅、省教育厅负责", [("省财政厅", "lead"), ("省教育厅", "participant")]),  # bodies each
    ("各市州、省直有关部门负责", [("各市州", "lead"), ("省直有关部门", "participant")]),
])
def test_fields_of_government_share_the_kind_after_them(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("农业农村部牵头，各省级农业农村部门、乡村振兴部门负责落实",  # (set 18: nyncb)
     [("农业农村部", "lead"), ("各省级农业农村部门、乡村振兴部门", "implementing")]),
    ("各省级发展改革部门、财政部门、自然资源部门按职责分工负责",
     [("各省级发展改革部门、财政部门、自然资源部门", "lead")]),
    ("各地住房城乡建设部门、城镇燃气主管部门按职责分工负责",  # another kind: two (set 17: mohurd)
     [("各地住房城乡建设部门", "lead"), ("城镇燃气主管部门", "participant")]),
    ("同级财政部门、审计部门负责", [("同级财政部门、审计部门", "lead")]),
    # a body of its own, a collective of its own or a department with its own place after 、: two units
    ("各省级农业农村部门、国家乡村振兴局负责", [("各省级农业农村部门", "lead"), ("国家乡村振兴局", "participant")]),
    ("各省级农业农村部门、有关部门负责", [("各省级农业农村部门", "lead"), ("有关部门", "participant")]),
    ("各地教育部门、市财政部门负责", [("各地教育部门", "lead"), ("市财政部门", "participant")]),
    ("省农业农村厅、乡村振兴部门负责", [("省农业农村厅", "lead"), ("乡村振兴部门", "participant")]),
])
def test_a_collectives_level_governs_the_next_fields_department(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("牵头单位：市农业农村局；责任单位：市财政局，各县区人民政府〈管委会〉，下同",  # (set 18: linyi)
     ["市农业农村局", "市财政局", "各县区人民政府"]),
    ("各市人民政府〈开发区管委会〉负责落实", ["各市人民政府"]),
    ("责任单位：各区政府〈管委会〉、市民政局", ["各区政府", "市民政局"]),
    ("各旗县区人民政府〈工委〉负责", ["各旗县区人民政府"]),
    # the bracket is the name's: after a class of places that names no body, or holding the places of the name
    ("牵头：市指挥办；责任单位：市住建局、各区〈管委会〉", ["市指挥办", "市住建局", "各区〈管委会〉"]),  # (set 15: ganzhou)
    ("市安委办牵头，各县〈市、区〉安委会负责", ["市安委办", "各县〈市、区〉安委会"]),  # (set 15: quanzhou)
    ("各县区人民政府（管委会）负责", ["各县区人民政府（管委会）"]),  # round brackets: not read as a note
    ("市委组织部（人才办）负责", ["市委组织部（人才办）"]),
])
def test_an_alternative_body_in_angle_brackets_is_a_note(text, expected):
    assert [u.name for u in read(text).units] == expected


# ---------------------------------------------------------------- set 15: task forces, divided brackets, 〔〕 places


@pytest.mark.parametrize(("text", "expected"), [
    ("组长单位：区市场监管局；副组长单位：区行政审批局；成员单位：区税务局、区人社局",
     [("区市场监管局", "lead"), ("区行政审批局", "participant"), ("区税务局", "participant"),
      ("区人社局", "participant")]),
    ("组长单位：区投资促进局　副组长单位：区商务局　成员单位：区税务局",  # side by side, full-width spaces
     [("区投资促进局", "lead"), ("区商务局", "participant"), ("区税务局", "participant")]),
    ("牵头组长单位：市发展改革委，成员单位：市财政局、市自然资源局",
     [("市发展改革委", "lead"), ("市财政局", "participant"), ("市自然资源局", "participant")]),
    ("组长单位：市住建局、市城管局；成员部门：市公安局",  # two 组长单位 lead together
     [("市住建局", "lead"), ("市城管局", "lead"), ("市公安局", "participant")]),
])
def test_a_task_force_block_gives_its_head_the_lead(text, expected):
    assert units(text) == expected
    assert read(text).heads_a_group


@pytest.mark.parametrize("text", ["成员单位：省委宣传部、省发展改革委、省财政厅", "副组长单位：区法院、区检察院"])
def test_members_alone_are_marked_as_no_block_of_their_own(text):
    statement = read(text)
    assert statement is not None and statement.group_members_only  # the prose reader reads them only after a head


@pytest.mark.parametrize("text", ["组长：区长", "成员：各部门分管负责同志", "组长单位负责制"])
def test_a_group_word_without_its_noun_and_colon_is_no_label(text):
    statement = read(text)
    assert statement is None or not statement.group


@pytest.mark.parametrize(("text", "expected"), [
    ("县河湖长办牵头，各镇〔街道〕落实", [("县河湖长办", "lead"), ("各镇〔街道〕", "implementing")]),
    ("各镇〔街道〕负责，县河湖长办指导", [("各镇〔街道〕", "lead"), ("县河湖长办", "guiding")]),
    ("县水利局、各乡〔镇〕负责", [("县水利局", "lead"), ("各乡〔镇〕", "participant")]),
    ("县河湖长办牵头，县水利局、各镇（街道）按职责分工负责",  # the bracket closes the name; the verb is its
     [("县河湖长办", "lead"), ("县水利局", "participant"), ("各镇（街道）", "participant")]),
])
def test_a_class_of_places_with_its_kinds_in_either_bracket_is_a_collective(text, expected):
    assert units(text) == expected


def test_a_place_class_needs_its_each():
    assert lexicon_for("330000").recognise("镇〔街道〕") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("省发展改革委负责政策评估，省工商联负责组织企业座谈", [("省发展改革委", "lead"), ("省工商联", "lead")]),
    ("城镇燃气由市城管局负责，工业燃气由市工业和信息化局负责", [("市城管局", "lead"), ("市工业和信息化局", "lead")]),
    ("市教育局负责校园安全；市卫生健康委负责食品卫生", [("市教育局", "lead"), ("市卫生健康委", "lead")]),
])
def test_a_bracket_dividing_the_measure_gives_each_its_lead(text, expected):
    from fengong.readers.statement import read_division
    statement = read_division(text, 0, len(text), 1, lexicon_for("100000"))
    assert statement is not None and statement.reading == "divided"
    assert [(u.name, u.role) for u in statement.units] == expected


@pytest.mark.parametrize("text", [
    "省发展改革委负责政策评估",  # one clause: a duty, not a division
    "省发展改革委负责政策评估，省工商联配合",  # a clause with no part of its own
    "此项工作由市城管局负责，工业燃气由市工业和信息化局负责",  # a topic of the whole measure
    "市教育局牵头负责校园安全，市卫生健康委负责食品卫生",  # a stated lead is no division
    "研究提出方案，报市政府审定",
])
def test_what_is_no_division_stays_unread(text):
    from fengong.readers.statement import read_division
    assert read_division(text, 0, len(text), 1, lexicon_for("100000")) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("责任\n单位：县农业农村局、县卫生健康局", [("县农业农村局", "lead"), ("县卫生健康局", "participant")]),
    ("牵头\n单位：县林业局；配合单位：县住建局", [("县林业局", "lead"), ("县住建局", "cooperating")]),
])
def test_a_label_broken_by_a_line_end(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("责任单位：省发展改革委、省商务厅", [("省发展改革委", "lead"), ("省商务厅", "participant")]),
    ("牵头单位：省商务厅；配合单位：省财政厅", [("省商务厅", "lead"), ("省财政厅", "cooperating")]),
    ("牵头部门:市教育局,协办部门:市财政局", [("市教育局", "lead"), ("市财政局", "cooperating")]),
    ("【牵头单位】省发展改革委【配合单位】省财政厅", [("省发展改革委", "lead"), ("省财政厅", "cooperating")]),
])
def test_a_label_broken_anywhere_by_a_fixed_width_wrap(text, expected):
    # a converter that breaks every line at a fixed width cuts a label between any two characters (（责 / 任单位：,
    # 牵头单 / 位：), the next line indented or not, a blank line between (pdfminer's double spacing) or the
    # padding of a character grid (pdfplumber's layout: the line filled to the page's width, a padded blank line,
    # the left margin)
    grid = " " * 30 + "\n" + " " * 80 + "\n" + " " * 10
    for at in range(1, len(text)):
        for wrap in ("\n", "  \n　　", "\n\n", grid):
            assert units(text[:at] + wrap + text[at:]) == expected, (at, wrap)


@pytest.mark.parametrize("field", ["完成时限", "完成时间", "办结时限", "时间节点"])
def test_a_time_field_broken_anywhere_by_a_fixed_width_wrap_names_no_one(field):
    # pdfplumber's page text (set 48's zigui): …、各乡镇人民政府；完成时 / 限：2026年11月底前）
    text = f"牵头单位：县农业农村局；责任单位：县卫健局、各乡镇人民政府；{field}：2026年11月底前"
    expected = [("县农业农村局", "lead"), ("县卫健局", "participant"), ("各乡镇人民政府", "participant")]
    at = text.index(field)
    for cut in range(at + 1, at + len(field) + 1):
        for wrap in ("\n", "\n\n"):
            assert units(text[:cut] + wrap + text[cut:]) == expected, (cut, wrap)


def test_a_unit_before_a_wrapped_label_is_no_field():
    # only a time field is read across a wrap: a unit on the line before a label stays a unit
    assert sorted(units("责任单位：县财政局；县卫健局\n牵头单位：县农业农村局")) == [
        ("县农业农村局", "lead"), ("县卫健局", "participant"), ("县财政局", "participant")]


@pytest.mark.parametrize("text", [
    "责\n任编辑：县政府办信息科",  # a field that is no role label, wrapped alike
    "牵头\n抓总，统筹推进各项工作",  # a role word wrapped, no label after it
    "责任" + " " * 30 + "\n" + " " * 80 + "\n" + " " * 10 + "编辑：县政府办信息科",  # the same in a character grid
])
def test_a_wrapped_word_that_is_no_label_stays_unread(text):
    statement = read(text)
    assert statement is None or not statement.units


# ---------------------------------------------------------------- set 16: drafting bodies, listed things, cells' labels


@pytest.mark.parametrize(("header", "role"), [
    ("起草单位", "responsible"), ("牵头起草单位", "lead"), ("参与起草单位", "participant"), ("配合起草单位", "cooperating"),
    ("牵头责任单位", "lead"), ("协同责任单位", "cooperating"),
    # who reviews, proposes, owns, builds or answers as a person is no role of the task
    ("审查单位", None), ("提出单位", None), ("归口单位", None), ("报送单位", None), ("项目业主", None),
    ("建设单位", None), ("包保市领导", None), ("牵头领导", None),
])
def test_drafting_columns_name_the_drafting_body_and_reviewers_none(header, role):
    assert column_role(header) == role


@pytest.mark.parametrize("header", ["标准名称", "法规名称", "规章名称", "课题名称", "立法项目名称", "督查事项", "督办事项",
                                    "实事项目", "民生实事项目", "目标任务", "立法项目", "年度任务", "攻坚任务", "考核事项"])
def test_a_task_column_named_for_what_the_list_holds(header):
    assert is_task_header(header)


@pytest.mark.parametrize("header", ["单位名称", "企业名称", "名称", "督查时限", "督查方式", "目标", "投资（万元）",
                                    "建设内容及规模", "制定/修订", "报送省政府时间"])
def test_names_of_whoever_does_it_and_other_columns_are_no_task_column(header):
    assert not is_task_header(header)


@pytest.mark.parametrize(("text", "expected"), [
    ("起草单位：市公安局；配合单位：市城管局、市农业农村局",
     [("市公安局", "lead"), ("市城管局", "cooperating"), ("市农业农村局", "cooperating")]),
    ("起草单位：市住建局、市文广旅局", [("市住建局", "lead"), ("市文广旅局", "participant")]),
    ("牵头起草单位：省标准化研究院；参与起草单位：东南大学、南京大学",
     [("省标准化研究院", "lead"), ("东南大学", "participant"), ("南京大学", "participant")]),
    ("由市水利局负责起草，镇江海事局、市交通运输局参与",
     [("市水利局", "lead"), ("镇江海事局", "participant"), ("市交通运输局", "participant")]),
    ("由省司法厅起草", [("省司法厅", "lead")]),
    ("由市司法局牵头起草，市城管局参与起草", [("市司法局", "lead"), ("市城管局", "participant")]),
    ("由市司法局会同市城管局、市园林局开展", [("市司法局", "lead"), ("市城管局", "participant"), ("市园林局", "participant")]),
    ("由市发展改革委组织开展", [("市发展改革委", "lead")]),
])
def test_drafting_labels_and_verbs_name_the_body_that_drafts(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize("text", [
    "由省司法厅起草实施细则",  # a drafting duty with its object: running text
    "由起草单位向省政府提出申请",
    "市司法局开展调研",
    "审查单位：省司法厅",  # a reviewer is no role of the task
    "建设单位：中国稀土集团有限公司",
    "项目业主：洛阳水务集团有限公司",
])
def test_duties_with_objects_and_reviewers_stay_unread(text):
    statement = read(text)
    assert statement is None or not statement.units


@pytest.mark.parametrize(("text", "expected"), [
    ("牵头：市发改委；配合：市交通运输局、市自然资源和规划局",
     [("市发改委", "lead"), ("市交通运输局", "cooperating"), ("市自然资源和规划局", "cooperating")]),
    ("牵头：市农业农村局；配合：市财政局、各区、县（市）人民政府",
     [("市农业农村局", "lead"), ("市财政局", "cooperating"), ("各区、县（市）人民政府", "cooperating")]),
    ("牵头单位：市卫生健康委；配合单位：市教育局、市妇联",
     [("市卫生健康委", "lead"), ("市教育局", "cooperating"), ("市妇联", "cooperating")]),
    ("牵头：市发改委和市司法局；配合：各区、县（市）人民政府",
     [("市发改委", "lead"), ("市司法局", "lead"), ("各区、县（市）人民政府", "cooperating")]),
])
def test_a_cell_under_a_responsible_column_that_labels_its_roles_itself(text, expected):
    assert units(text, label_role="responsible") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("市公安局和市住建局（牵头）、市综合执法局",
     [("市公安局", "lead"), ("市住建局", "lead"), ("市综合执法局", "participant")]),
    ("市财政局、市公安局和市住建局（牵头）", [("市公安局", "lead"), ("市住建局", "lead"), ("市财政局", "participant")]),
    ("市发改委（牵头）、市财政局、市住建局", [("市发改委", "lead"), ("市财政局", "participant"), ("市住建局", "participant")]),
    # a note inside a list after a unit joined by 、 stays its unit's
    ("市财政局、市人社局（牵头）、团市委", [("市人社局", "lead"), ("市财政局", "participant"), ("团市委", "participant")]),
])
def test_a_role_note_after_units_joined_by_he_is_the_pair_s(text, expected):
    assert sorted(units(text, label_role="responsible"), key=lambda u: u[1] != "lead") == expected


def test_lead_rules_that_name_the_lead_by_what_it_answers_for():
    from fengong.readers.vocabulary import LEAD_RULE, rest_role, rule_extent
    for rule, rest in [("责任单位有两个以上的，排在第一位的为牵头责任单位，其余为协同责任单位", "cooperating"),
                       ("起草单位为两个以上的，排在第一位的为牵头起草单位，其他为参与起草单位", "participant"),
                       ("项目起草单位为两个以上的，第一个为牵头起草单位", "participant"),
                       ("列第一位的为牵头单位，其余为配合单位", "cooperating")]:
        found = LEAD_RULE.search(rule)
        assert found is not None, rule
        assert rest_role(rule[found.start():rule_extent(rule, found)]) == rest
    assert LEAD_RULE.search("排在第一位的为审查单位") is None


@pytest.mark.parametrize(("sentence", "deadline"), [
    ("2025年9月底前报送市政府。", True), ("2025年底前完成。", True), ("6月底前提请市政府常务会议审议。", True),
    ("2024年10月前出台", True),
    ("报送市政府。", False),  # no time: not a schedule's step
    ("市财政局负责。", False), ("完成情况报送市政府督查室，由其负责汇总。", False),
])
def test_a_deadline_sentence_says_only_by_when(sentence, deadline):
    from fengong.readers.vocabulary import DEADLINE_SENTENCE
    assert (DEADLINE_SENTENCE.fullmatch(sentence) is not None) == deadline


# ---------------------------------------------------------------- set 25: a column headed by the division itself


@pytest.mark.parametrize(("header", "role"), [
    ("责任分工", "responsible"), ("职责分工", "responsible"), ("工作分工", "responsible"), ("分工", "responsible"),
    # the task's own column and a person's column are no unit columns
    ("任务分工", None), ("分工领导", None), ("分管领导", None),
])
def test_a_column_headed_by_the_division_of_the_work_holds_its_units(header, role):
    assert column_role(header) == role


@pytest.mark.parametrize(("text", "expected"), [
    # levels governed by the province directly, a forest district, prefectures: one collective with the body they share
    ("省科技厅牵头，省财政厅、各市、州、直管市人民政府配合",
     [("省科技厅", "lead"), ("省财政厅", "cooperating"), ("各市、州、直管市人民政府", "cooperating")]),
    ("各市、州、直管市、林区人民政府负责", [("各市、州、直管市、林区人民政府", "lead")]),
    ("省财政厅、各市、县级市人民政府负责", [("省财政厅", "lead"), ("各市、县级市人民政府", "participant")]),
    # but regions and departments are two collectives, and a comma ends the levels
    ("各地区、各部门负责", [("各地区", "lead"), ("各部门", "participant")]),
    ("省民政厅、各市、州人民政府，省直有关部门负责",
     [("省民政厅", "lead"), ("各市、州人民政府", "participant"), ("省直有关部门", "participant")]),
])
def test_levels_of_every_kind_share_the_body_after_the_last(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "names"), [
    # (set 29: linye) a name's line broke before its bracket: the bracket is still the name's
    ("生态保护修复司\n（全国绿化委员会办公室）、森林资源管理司", ["生态保护修复司（全国绿化委员会办公室）", "森林资源管理司"]),
    ("市委组织部\n（人才办）、市科技局", ["市委组织部（人才办）", "市科技局"]),
    ("各县\n（市、区）人民政府", ["各县（市、区）人民政府"]),
])
def test_a_bracket_on_the_line_after_a_name_is_the_names(text, names):
    assert [u.name for u in read(text, "responsible").units] == names


def test_a_role_note_on_the_line_after_a_name_is_its_role():
    assert units("市发展改革委\n（牵头）、市财政局", label_role="responsible") == [
        ("市发展改革委", "lead"), ("市财政局", "participant")]
    # a note on the next line stays a note (its 下同), as on the same line
    assert [u.name for u in read("责任单位：各区人民政府\n〈含开发区、长江新区管委会,下同〉").units] == ["各区人民政府"]


def test_a_backtick_is_the_separator_ocr_reads_for_a_list_comma():
    # OCR of a scan reads 、 as a backtick where nothing else prints one
    assert units("责任单位：省商务厅`省财政厅、省公安厅") == [
        ("省商务厅", "lead"), ("省财政厅", "participant"), ("省公安厅", "participant")]
    assert units("省住房城乡建设厅`省文化和旅游厅、省教育厅负责") == [
        ("省住房城乡建设厅", "lead"), ("省文化和旅游厅", "participant"), ("省教育厅", "participant")]
    assert units("各县（市`区）人民政府负责") == [("各县（市`区）人民政府", "lead")]  # inside a bracket: the name's own


# ---------------------------------------------------------------- set 31: office exports


@pytest.mark.parametrize(("text", "reach"), [
    # the measures named by the part of the plan they make up (a qualifier before the noun)
    ("以上各项保障措施由省海洋局牵头，省发展改革委、省财政厅配合", (True, True, None)),
    ("上述重点任务由市发展改革委负责", (True, False, None)),
    ("以上三项改革举措均由市司法局牵头", (True, True, 3)),
    ("上述各项政策措施由市财政局会同市税务局负责", (True, True, None)),
    ("此项改革任务由市商务局负责", (False, False, None)),
])
def test_a_topic_pointing_back_names_the_measures_by_their_kind(text, reach):
    statement = read(text)
    assert statement is not None and statement.reading.startswith("topical") and statement.reach == reach


@pytest.mark.parametrize("text", [
    "以上保障资金由市财政局统筹安排",  # money names no measure, whatever its qualifier
    "上述支持资金由省财政厅负责",
    "以上重点由市商务局负责",  # a qualifier without the measure's noun
])
def test_a_qualified_topic_that_names_no_measure_stays_unread(text):
    assert read(text) is None


@pytest.mark.parametrize("rule", ["注：标\\*的为牵头单位，其余为配合单位", "标\\*者为牵头部门，其他为配合部门"])
def test_a_lead_rule_whose_mark_markdown_escapes(rule):
    # pandoc -t gfm escapes the mark typed in Word (标\*的): read with its marks blanked, 标* 的
    from fengong.readers.markdown import blank_marks
    from fengong.readers.vocabulary import LEAD_RULE, rest_role

    text = blank_marks("# 附件\n\n## 任务分工表\n\n" + rule + "\n")
    found = LEAD_RULE.search(text)
    assert found is not None and rest_role(text[found.start():]) == "cooperating"


@pytest.mark.parametrize(("text", "expected"), [
    ("各市、州、县人民政府负责本地区相关工作", ["各市、州、县人民政府"]),
    ("各市、县人民政府负责本地区相关工作", ["各市、县人民政府"]),
    ("各区、县（市）政府负责组织落实", ["各区、县（市）政府"]),
    ("省民政厅、各市、州、县人民政府负责组织实施", ["省民政厅", "各市、州、县人民政府"]),
    ("各市、州、县人民政府、省直有关部门负责落实", ["各市、州、县人民政府", "省直有关部门"]),
    # a level the 各 governs with no shared body after it, or a body of its own after 、: units of their own
    ("各市、省民政厅负责", ["各市", "省民政厅"]),
    ("各市、州负责", ["各市"]),
])
def test_a_standing_subject_over_levels_is_one_collective(text, expected):
    # a note's standing statement (各市、州、县人民政府负责本地区相关工作，表中不再列出) names its subject as a
    # statement does (_joined_levels): 各 and a level, the other levels, the last with the body they share
    from fengong.readers.lexer import subject_units
    from fengong.readers.lexicon import lexicon_for

    end = text.index("负责")
    assert [name for name, *_ in subject_units(text, 0, end, lexicon_for("420000"))] == expected


# ---------------------------------------------------------------- set 39: OCR renderings


@pytest.mark.parametrize(("text", "expected"), [
    ("中央宣传部（国家版权局）牵头，推进使用正版软件工作部际联席会议各成员单位参与",
     [("中央宣传部（国家版权局）", "lead"), ("推进使用正版软件工作部际联席会议各成员单位", "participant")]),
    ("市发展改革委牵头，推进京津冀协同发展工作领导小组办公室配合",
     [("市发展改革委", "lead"), ("推进京津冀协同发展工作领导小组办公室", "cooperating")]),
    ("加强食品安全工作协调小组各成员单位按职责分工负责", [("加强食品安全工作协调小组各成员单位", "lead")]),
])
def test_a_body_named_by_the_work_it_coordinates_is_a_unit(text, expected):
    # a joint conference or a leading group named by its remit opens with the remit's verb: a name, not a measure
    assert units(text) == expected


def test_a_body_set_up_or_a_verb_before_its_members_stays_a_measure():
    lexicon = Lexicon()
    for clause in ("成立打击侵权假冒工作领导小组办公室", "建立推进使用正版软件工作部际联席会议各成员单位",
                   "推进工作领导小组办公室", "推进各成员单位", "加强部门", "成立工作专班"):
        assert lexicon.recognise(clause) is None, clause


def test_ocr_square_brackets_for_a_names_own_bracket():
    # OCR of a scan prints 〔〕 as [ ]: the bracket is the name's, as 〔〕 or （） would be
    assert units("省市场监管局[知识产权局]、省商务厅负责") == [
        ("省市场监管局[知识产权局]", "lead"), ("省商务厅", "participant")]
    assert units("牵头单位：市委组织部[市人才办]；配合单位：市人社局") == [
        ("市委组织部[市人才办]", "lead"), ("市人社局", "cooperating")]
    assert Lexicon().recognise("加强知识产权保护[重点任务]") is None  # what it qualifies is still no body


@pytest.mark.parametrize(("text", "expected"), [
    ("各地级以上市工业和信息化主管部门负责落实", ["各地级以上市工业和信息化主管部门"]),
    ("各市工业和信息化主管部门\n负责落实", ["各市工业和信息化主管部门"]),
    ("各县人力资源和社会保障部门负责组织实施", ["各县人力资源和社会保障部门"]),
    # 和 between two units parts them; after a unit and the words that follow it, the subject has ended
    ("各市人民政府和省工业和信息化厅负责落实", ["各市人民政府", "省工业和信息化厅"]),
    ("东兴市人民政府和防城区人民政府负责落实", ["东兴市人民政府", "防城区人民政府"]),
    ("各县区政府结合实际和本地情况负责落实", ["各县区政府"]),
])
def test_a_standing_subject_keeps_the_and_inside_a_name(text, expected):
    from fengong.readers.lexer import subject_units

    end = text.index("负责")
    assert [name for name, *_ in subject_units(text, 0, end, lexicon_for("440000"))] == expected


# ---------------------------------------------------------------- set 51: qualified labels, 为-labels, scopes, 分别


@pytest.mark.parametrize(("header", "role"), [
    # what the work is or how much of it the body bears, before the role word: the role is the role word's
    ("整改责任单位", "responsible"), ("落实责任单位", "responsible"), ("主体责任单位", "responsible"),
    ("主要责任单位", "responsible"), ("任务牵头部门", "lead"), ("整改牵头单位", "lead"),
    ("整改配合单位", "cooperating"), ("工作责任部门", "responsible"),
    ("落实单位", "implementing"),  # 落实 alone is still the role word
    # no units: a person's field, a deadline, a goal, a supervising body, a qualifier that is no work
    ("责任领导", None), ("整改时限", None), ("整改责任人", None), ("整改目标", None), ("督办单位", None),
    ("监督责任单位", None),
])
def test_a_label_qualified_by_its_work_keeps_its_role(header, role):
    assert column_role(header) == role


def test_a_qualified_label_in_prose():
    assert units("整改责任单位：市生态环境局、市水利局") == [("市生态环境局", "lead"), ("市水利局", "participant")]
    assert units("任务牵头部门：市商务局；整改配合单位：市财政局") == [("市商务局", "lead"), ("市财政局", "cooperating")]


@pytest.mark.parametrize("header", ["反馈问题", "存在问题", "督察反馈问题", "问题描述", "主要问题", "问题", "整改措施",
                                    "整改任务", "巡视反馈问题"])
def test_a_rectification_list_s_problem_column_names_the_task(header):
    assert is_task_header(header)


@pytest.mark.parametrize("header", ["整改目标", "整改时限", "问题整改情况", "整改责任单位", "解决问题数量"])
def test_a_rectification_list_s_other_columns_name_no_task(header):
    assert not is_task_header(header)


@pytest.mark.parametrize("header", ["审计查出问题", "查摆问题", "检视问题", "审计发现问题", "巡察查摆问题"])
def test_a_problem_column_says_how_the_problems_were_found(header):
    # (set 68: an audit's 整改责任分工 heads its problems 审计查出问题; a self-inspection's 查摆问题, 检视问题)
    assert is_task_header(header)


@pytest.mark.parametrize("header", ["查出问题数", "问题查摆情况", "检视情况", "审计意见"])
def test_how_problems_were_found_heads_no_task_column_of_its_own(header):
    assert not is_task_header(header)


@pytest.mark.parametrize("header", ["指标", "指标名称", "主要指标", "约束性指标", "预期性指标", "考核指标", "核心指标"])
def test_an_indicator_breakdown_s_indicator_column_names_the_task(header):
    # (set 68: a 主要指标分解表 lists the plan's targets, each the task of its 牵头单位 / 第一责任单位)
    assert is_task_header(header)


@pytest.mark.parametrize("header", ["目标值", "2019年目标值", "2026年目标", "指标值", "指标目标", "指标说明", "指标属性",
                                    "计量单位", "单位", "指标完成情况"])
def test_an_indicator_breakdown_s_values_name_no_task(header):
    assert not is_task_header(header)


@pytest.mark.parametrize(("header", "role"), [
    ("第一责任单位", "lead"), ("第一责任部门", "lead"), ("协作部门", "cooperating"), ("协作单位", "cooperating"),
    # a person's field, not a body's
    ("第一责任人", None), ("分管市领导", None), ("协作人", None)])
def test_a_first_responsible_body_leads_and_a_collaborating_one_cooperates(header, role):
    assert column_role(header) == role


def test_first_responsible_and_collaborating_labels_in_prose():
    assert units("第一责任单位：市发展改革委；责任单位：市统计局、市商务局") == [
        ("市发展改革委", "lead"), ("市统计局", "participant"), ("市商务局", "participant")]
    assert units("牵头部门：综合规划司；协作部门：国家铁路局、运输服务司") == [
        ("综合规划司", "lead"), ("国家铁路局", "cooperating"), ("运输服务司", "cooperating")]
    assert units("牵头单位：市商务局，协作单位：市财政局") == [("市商务局", "lead"), ("市财政局", "cooperating")]


@pytest.mark.parametrize(("text", "expected", "reach"), [
    ("本部分任务主责单位为区政务服务和数据管理局，协同单位为区发展改革局、区工业和信息化局及区直各有关部门",
     [("区政务服务和数据管理局", "lead"), ("区发展改革局", "cooperating"), ("区工业和信息化局", "cooperating"),
      ("区直各有关部门", "cooperating")], (True, True, None)),
    ("本章各项任务牵头单位：市发展改革委；配合单位：市财政局",
     [("市发展改革委", "lead"), ("市财政局", "cooperating")], (True, True, None)),
    ("以上任务的牵头单位为市商务局，配合单位是市财政局",
     [("市商务局", "lead"), ("市财政局", "cooperating")], (True, False, None)),
    ("上述两项工作责任单位为市水利局、市农业农村局",
     [("市水利局", "lead"), ("市农业农村局", "participant")], (True, True, 2)),
    ("此项工作牵头单位为市民政局", [("市民政局", "lead")], (False, False, None)),
])
def test_a_topic_before_a_label_scopes_the_labelled_statement(text, expected, reach):
    statement = read(text)
    assert statement is not None and statement.reading.startswith("scoped") and statement.reach == reach
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("本部分任务由市发展改革委牵头，市财政局配合", [("市发展改革委", "lead"), ("市财政局", "cooperating")]),
    ("本节各项工作均由市教育局负责", [("市教育局", "lead")]),
])
def test_the_part_of_the_plan_as_a_topic_covers_its_measures(text, expected):
    statement = read(text)
    assert statement is not None and statement.reading.startswith("topical") and statement.reach == (True, True, None)
    assert units(text) == expected


def test_a_said_label_opens_a_statement_only_after_a_topic():
    from fengong.readers.lexer import opens_with_label

    for text in ("本部分任务主责单位为市商务局", "以上任务的牵头单位为市商务局", "牵头单位：市商务局"):
        assert opens_with_label(text, 0, len(text)), text
    # alone at a sentence's start, 为 after a label is running text as often as a statement
    for text in ("起草单位为两个以上的，排在第一位的为牵头起草单位", "牵头单位为市商务局", "配合单位为牵头单位提供支持",
                 "牵头单位是指负总责的单位", "本部分资金由市财政局安排"):
        assert not opens_with_label(text, 0, len(text)), text
    assert read("本部分资金由市财政局安排") is None  # money names no measure


@pytest.mark.parametrize(("text", "expected"), [
    # 由 gives the measure to the units it names: a responsible list, the first leading by the convention
    ("此项工作由教育部、市场监管总局分别负责", [("教育部", "lead"), ("市场监管总局", "participant")]),
    ("由民政部、财政部分别负责", [("民政部", "lead"), ("财政部", "participant")]),
    # without 由 each answers for its own part: every unit leads (test_fenbie_gives_each_unit_its_own_part)
    ("民政部、财政部分别负责", [("民政部", "lead"), ("财政部", "lead")]),
])
def test_fenbie_after_you_is_a_responsible_list(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize("text", ["牵头单位为两个的，两个单位共同牵头", "起草单位为市司法局", "牵头单位为市商务局，配合单位为市财政局"])
def test_a_said_label_without_a_topic_is_no_label(text):
    statement = read(text)
    assert statement is None or not statement.labelled


# ---------------------------------------------------------------- set 52: kinds of body in rules, collectives, headers


@pytest.mark.parametrize(("rule", "rest"), [
    ("标注“*”的为牵头科室（单位），其余为责任科室（单位）", "participant"),  # (set 52: shouguang)
    ("排在第一位的为牵头处室，其余为配合处室", "cooperating"),
    ("标注*的为牵头股室（单位），其他为配合股室（单位）", "cooperating"),
    ("列第一位的为牵头司局，其他为参与司局", "participant"),
])
def test_the_lead_rule_names_the_lead_by_its_kind_of_body(rule, rest):
    from fengong.readers.vocabulary import LEAD_RULE, rest_role, rule_extent
    found = LEAD_RULE.search(rule)
    assert found is not None and rule[: rule_extent(rule, found)] == rule
    assert rest_role(rule) == rest


@pytest.mark.parametrize("text", ["标注“*”的为牵头领导", "排在第一位的为牵头人",
                                  "各牵头科室（单位）要会同责任科室（单位）制定具体落实措施"])
def test_a_lead_or_its_kind_that_is_no_label_states_no_rule(text):
    from fengong.readers.vocabulary import LEAD_RULE
    assert LEAD_RULE.search(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("护理科牵头，医务科配合", [("护理科", "lead"), ("医务科", "cooperating")]),
    ("审理科负责，案件管理科配合", [("审理科", "lead"), ("案件管理科", "cooperating")]),
])
def test_a_section_named_by_its_work_ends_in_li_ke(text, expected):
    assert units(text) == expected
    text = "基础教育科、*安全管理科、体育卫生与艺术教育科"  # (set 52: shouguang) a bare list under a marking rule
    statement = read_statement(text, 0, len(text), 1, lexicon_for("100000"), lists=True)
    settled, basis = settle_roles(statement.units)
    assert [(u.name, u.role) for u in settled] == [("基础教育科", "participant"), ("安全管理科", "lead"),
                                                   ("体育卫生与艺术教育科", "participant")] and basis == "marked"


@pytest.mark.parametrize("text", ["文理科负责", "文科、理科配合"])
def test_fields_of_study_ending_in_li_ke_name_none(text):
    assert read(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("以上工作由党政办牵头，各局（办、中心）按职责分工负责。",  # (set 52: kunshan)
     [("党政办", "lead"), ("各局（办、中心）", "participant")]),
    ("区发改局牵头，区政府各委（办、局）配合", [("区发改局", "lead"), ("区政府各委（办、局）", "cooperating")]),
    ("各部门（单位、中心）按职责分工负责", [("各部门（单位、中心）", "lead")]),
    ("县卫健委牵头，各科室（站、所）落实", [("县卫健委", "lead"), ("各科室（站、所）", "implementing")]),
])
def test_a_ge_collective_with_the_other_kinds_it_covers_in_a_bracket(text, expected):
    assert units(text) == expected


def test_a_bracket_of_kinds_after_no_ge_or_of_names_after_one_is_no_part_of_the_name():
    # a bracket of bodies' names after a collective names them (a note), and one of kinds after a body is no class
    assert [u.name for u in read("各有关部门（市财政局、市税务局）负责").units] == ["各有关部门"]
    statement = read("市财政局（办、中心）负责")
    assert statement is None or [u.name for u in statement.units] == ["市财政局"]


@pytest.mark.parametrize(("text", "names"), [
    ("以下各项任务，各社区均需结合本社区实际抓好落实，不再一一列出。", ["各社区"]),  # (set 52: guicheng)
    ("以下各项工作，各镇（街道）均须结合本地实际抓好落实，不再逐项列出。", ["各镇（街道）"]),
    ("以下各项任务，各村（社区）都要结合实际抓好落实，不再一一列出。", ["各村（社区）"]),
    ("以下各项措施，各学校需对照本校实际抓好落实，不再列出。", ["各学校"]),
])
def test_a_standing_statement_whose_collective_is_followed_by_a_duty_modal(text, names):
    from fengong.readers.statement import standing_units
    carried = standing_units(text, 0, len(text), 1, lexicon_for("440605"))
    assert [(u.name, u.role, u.carried) for u in carried] == [(n, "implementing", True) for n in names]


@pytest.mark.parametrize(("name", "how"), [
    ("各社区均需结合本社区", None), ("各单位要结合本单位", None), ("各部门须按照本部门", None),
    ("各镇（街道）均应结合本镇（街道）", None), ("各需求单位", "collective"), ("各要素保障部门", "collective"),
    ("各重要部门", "collective"), ("区应急管理局", "gazetteer"),
])
def test_a_duty_modal_makes_a_run_a_clause_not_a_collective(name, how):
    assert lexicon_for("440605").recognise(name) == how


@pytest.mark.parametrize(("text", "names"), [
    ("注：各省级农业农村部门按照职责分工抓好本地区相关任务落实，表中不再一一列出。", ["各省级农业农村部门"]),  # (set 63)
    ("注：各省级农业农村部门抓好本地区相关任务落实，表中不再一一列出。", ["各省级农业农村部门"]),
    ("注：各省级人民政府按职责做好本地区相关任务落实，表中不再一一列出。", ["各省级人民政府"]),
    ("注：各市、县人民政府依职责抓好辖区内各项任务落实，表中不再一一列出。", ["各市、县人民政府"]),
    ("各区县政府根据职责分工做好本地区相关工作落实，以下不再一一列出。", ["各区县政府"]),
])
def test_a_standing_statement_whose_units_are_followed_by_how_they_do_it(text, names):
    # 按照职责分工, 抓好, 做好 open the predicate: no name runs on into them (…部门按照职责分工抓好本地区)
    from fengong.readers.statement import standing_units
    carried = standing_units(text, 0, len(text), 1, lexicon_for("100000"))
    assert [(u.name, u.role) for u in carried] == [(n, "implementing") for n in names]


@pytest.mark.parametrize(("name", "how"), [
    ("各省级农业农村部门按照职责分工抓好本地区", None), ("各地区做好本地区", None), ("市商务局按职责负责的开发区", None),
    ("各省级农业农村部门", "collective"), ("市职责编制办公室", "suffix"), ("好人好事评选委员会", "suffix"),
])
def test_how_a_duty_is_done_makes_a_run_a_clause_not_a_name(name, how):
    assert lexicon_for("100000").recognise(name) == how


@pytest.mark.parametrize("header", ["项目（企业）名称", "任务（事项）名称", "项目(工程)名称"])
def test_a_task_column_naming_a_thing_with_another_kind_in_a_bracket(header):
    assert is_task_header(header)


@pytest.mark.parametrize("header", ["单位（企业）名称", "企业（单位）名称", "项目（企业）", "名称（项目）"])
def test_a_bracketed_kind_does_not_make_a_doers_name_a_task_column(header):
    assert not is_task_header(header)


@pytest.mark.parametrize("text", ["责任单位：委", "牵头单位：限", "配合单位：局"])
def test_one_character_is_no_unit_even_where_a_label_or_column_vouches(text):
    # (set 47: RapidOCR's rows interleave a wrapped cell's lines: 限 of 完成时限, 委 of 区社治委) no body's name is
    # one character, so the statement is not read rather than read with a fragment for a unit
    assert read(text) is None
    assert read(text.split("：")[1], label_role="lead") is None


def test_two_characters_vouched_for_by_a_label_still_name_a_unit():
    assert units("责任单位：妇联") == [("妇联", "lead")]
    assert units("团委", label_role="lead") == [("团委", "lead")]


# ---------------------------------------------------------------- two names run together (OCR lost the 、)


@pytest.mark.parametrize(("text", "expected"), [
    # OCR joined a cell's lines with nothing, or lost the 、 between two names (set 53)
    ("财政部人民银行、人力资源社会保障部负责",
     [("财政部", "lead"), ("人民银行", "participant"), ("人力资源社会保障部", "participant")]),
    ("国家发展改革委牵头，财政部人民银行参与",
     [("国家发展改革委", "lead"), ("财政部", "participant"), ("人民银行", "participant")]),
    ("人民银行银保监会负责", [("人民银行", "lead"), ("银保监会", "participant")]),
    ("牵头单位：商务部；配合单位：海关总署国家发展改革委",
     [("商务部", "lead"), ("海关总署", "cooperating"), ("国家发展改革委", "cooperating")]),
])
def test_two_known_names_run_together_are_two_units(text, expected):
    assert units(text) == expected


def test_two_local_names_run_together_are_two_units():
    text = "县财政局县税务局负责"
    statement = read_statement(text, 0, len(text), 1, lexicon_for("371721"))
    assert [(u.name, text[u.span.start : u.span.end]) for u in statement.units] == [
        ("县财政局", "县财政局"), ("县税务局", "县税务局")]


@pytest.mark.parametrize("name", [
    "国务院办公厅",  # a name the gazetteer knows whole is never cut (国务院 + 办公厅)
    "教育部办公厅",  # a body's own office: 办公厅 is no name known alone
    "省发展改革委能源局",  # a short name of three after a body may be its part
    "国家统计局成都调查队",  # the rest is no name known alone
    "昆明市人民政府",  # a place's people's government
])
def test_a_name_that_is_no_run_of_two_known_names_stays_whole(name):
    statement = read(f"{name}牵头")
    assert statement is None or [u.name for u in statement.units] == [name]


def test_a_place_and_a_body_run_together_are_the_places_body():
    text = "南京市政务服务管理办公室负责"
    statement = read_statement(text, 0, len(text), 1, lexicon_for("320000"))
    assert [u.name for u in statement.units] == ["南京市政务服务管理办公室"]


@pytest.mark.parametrize(("text", "expected"), [
    # A、B负责，各地落实 with 负责 left out (set 53): the list answers for the measure, the places carry it out
    ("人力资源社会保障部、民政部，各省级人民政府落实",
     [("人力资源社会保障部", "lead"), ("民政部", "participant"), ("各省级人民政府", "implementing")]),
    ("国家发展改革委，地方各级人民政府落实", [("国家发展改革委", "lead"), ("地方各级人民政府", "implementing")]),
    ("省交通运输厅、省邮政管理局，有关设区市政府落实",
     [("省交通运输厅", "lead"), ("省邮政管理局", "participant"), ("有关设区市政府", "implementing")]),
    # not where the list and the bodies after the comma are peers, nor a list with 落实 its own verb
    ("教育部，体育总局落实", [("教育部", "implementing"), ("体育总局", "implementing")]),
    ("国家发展改革委、财政部落实", [("国家发展改革委", "implementing"), ("财政部", "implementing")]),
])
def test_a_list_with_no_verb_before_the_places_that_carry_the_measure_out(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize("text", [
    "国家邮政局、公安部、国家安全部按职责分工人负责",  # OCR's stray 人 inside 按职责分工负责
    "国家邮政局、公安部、国家安全部按职责分工之负责",
    "国家邮政局、公安部、国家安全部按职责分负责",
])
def test_a_role_phrase_run_into_a_name_is_no_name(text):
    statement = read(text)
    assert statement is None or all("按职责" not in u.name for u in statement.units)


@pytest.mark.parametrize("text, expected", [
    ("国家邮政局、公安部、国家安全部按职责分工负责",
     [("国家邮政局", "lead"), ("公安部", "participant"), ("国家安全部", "participant")]),
    ("公安部牵头，国家安全部等部门按职责分工负责", [("公安部", "lead"), ("国家安全部", "participant")]),
])
def test_the_role_phrase_after_the_names_still_reads(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize("header", ["项目名称及建设内容", "项目名称和建设内容", "项目名称及建设规模", "重点项目及建设内容",
                                    "项目名称及主要内容"])
def test_a_project_joined_to_what_it_builds_heads_the_task_column(header):
    from fengong.readers.vocabulary import task_header
    assert task_header(header)


@pytest.mark.parametrize("header", ["建设规模", "责任单位及建设内容", "完成时限及建设内容", "建设单位"])
def test_what_a_project_builds_alone_heads_no_task_column(header):
    from fengong.readers.vocabulary import task_header
    assert not task_header(header)


# ---------------------------------------------------------------- set 68: the role words of 整改方案 and 项目清单


@pytest.mark.parametrize(("text", "expected"), [
    # 为 and a label's role word and noun say the role the label would, every role of the scheme
    ("工业和信息化部为牵头单位，财政部、国务院国资委为配合单位",  # (set 68: guoban-2018)
     [("工业和信息化部", "lead"), ("财政部", "cooperating"), ("国务院国资委", "cooperating")]),
    ("市商务局为牵头部门，市财政局为参与部门", [("市商务局", "lead"), ("市财政局", "participant")]),
    ("县民政局为主责单位，县财政局、县卫健委为协办单位",
     [("县民政局", "lead"), ("县财政局", "cooperating"), ("县卫健委", "cooperating")]),
    ("市卫健委为第一责任单位，市医保局为责任单位", [("市卫健委", "lead"), ("市医保局", "participant")]),
    ("区教育局为牵头单位，各街道为落实单位", [("区教育局", "lead"), ("各街道", "implementing")]),
])
def test_a_body_said_to_be_a_label_of_a_role(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a 、 after a part's verb, before more units, ends the part as ， does
    ("市城市管理和综合执法局为牵头单位、市住房城乡建设局为配合单位",  # (set 68: dongguan)
     [("市城市管理和综合执法局", "lead"), ("市住房城乡建设局", "cooperating")]),
    ("市发展改革委牵头、市财政局配合", [("市发展改革委", "lead"), ("市财政局", "cooperating")]),
    ("市发展改革委牵头、市财政局、市商务局配合",
     [("市发展改革委", "lead"), ("市财政局", "cooperating"), ("市商务局", "cooperating")]),
    ("市发展改革委、市财政局牵头、市商务局参与",
     [("市发展改革委", "lead"), ("市财政局", "lead"), ("市商务局", "participant")]),
    ("省教育厅指导、各市落实", [("省教育厅", "guiding"), ("各市", "implementing")]),
])
def test_a_separator_after_a_parts_verb_ends_the_part(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 抓总 (take overall charge) names the lead
    ("市应急管理局抓总，市安委会各成员单位配合",  # (set 68: dongguan)
     [("市应急管理局", "lead"), ("市安委会各成员单位", "cooperating")]),
    ("由市应急管理局抓总，市消防救援支队配合", [("市应急管理局", "lead"), ("市消防救援支队", "cooperating")]),
    ("市发展改革委负责抓总，市财政局、市统计局配合",
     [("市发展改革委", "lead"), ("市财政局", "cooperating"), ("市统计局", "cooperating")]),
    ("县委办抓总，县政府办、县委组织部参与",
     [("县委办", "lead"), ("县政府办", "participant"), ("县委组织部", "participant")]),
    # 协作 (work with the lead): assisting, as 协助
    ("牵头部门：市应急管理局；协作部门：市消防救援支队、市市场监管局",  # (set 68: dongguan, jtb)
     [("市应急管理局", "lead"), ("市消防救援支队", "cooperating"), ("市市场监管局", "cooperating")]),
    ("牵头单位：水运局；协作单位：综合规划司", [("水运局", "lead"), ("综合规划司", "cooperating")]),
    ("市商务局牵头，市财政局协作", [("市商务局", "lead"), ("市财政局", "cooperating")]),
    # 第一责任单位: the lead of the 责任单位 beside it
    ("第一责任单位：市消防救援支队；责任单位：市住房城乡建设局、各镇街（园区）",  # (set 68: dongguan)
     [("市消防救援支队", "lead"), ("市住房城乡建设局", "participant"), ("各镇街（园区）", "participant")]),
    ("第一责任单位：市财政局、市税务局；责任单位：市自然资源和规划局",
     [("市财政局", "lead"), ("市税务局", "lead"), ("市自然资源和规划局", "participant")]),
    # 服务单位 (a 重点项目's): cooperating beside the units that answer
    ("责任单位：县住建局、嘉定镇；服务单位：县自然资源局、县城管局",
     [("县住建局", "lead"), ("嘉定镇", "participant"), ("县自然资源局", "cooperating"), ("县城管局", "cooperating")]),
])
def test_the_role_words_of_rectification_plans_and_project_lists(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize("text", [
    "市财政局为参与单位提供经费保障",  # 为 a beneficiary: a duty with an object
    "市财政局为配合单位提供资金保障",
    "成立以市商务局为牵头单位的工作专班",
    "市政府办公室负责抓总协调",  # 抓总 with what it does after it: running text
    "由市应急管理局抓总推进全市安全生产工作",
    "市商务局牵头、推进",  # no unit after the 、
    "第一责任人：张三",  # a person
    "各镇街党政主要负责同志为第一责任人",
])
def test_near_misses_of_the_rectification_forms_stay_unread(text):
    assert read(text) is None


def test_names_holding_the_new_role_words_stay_whole():
    assert units("市对口支援和协作办公室负责") == [("市对口支援和协作办公室", "lead")]
    assert units("市经济协作办牵头，市财政局协作") == [("市经济协作办", "lead"), ("市财政局", "cooperating")]


@pytest.mark.parametrize(("header", "role"), [
    ("第一责任单位", "lead"), ("协作部门", "cooperating"), ("协作单位", "cooperating"), ("服务单位", "cooperating"),
    ("服务部门", "cooperating"),
    # the owner of a project, a person, what a service is for: no unit column
    ("业主单位", None), ("项目业主", None), ("第一责任人", None), ("挂点县领导", None), ("服务对象", None),
    ("服务内容", None),
])
def test_the_columns_of_rectification_plans_and_project_lists(header, role):
    assert column_role(header) == role
