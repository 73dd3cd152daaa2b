"""The repair of extraction artifacts and the reading form of passages."""

from hypothesis import given
from hypothesis import strategies as st

from fengong.textrepair import ARTIFACTS, KANGXI_RADICALS, locate, normalise, repair


def test_each_artifact_maps_to_its_character():
    # From the Jilin text: 工暋作暋任暋务 (the spaced header), “志愿助残阳光行动暠 (a closing quote), 6灡助残 (a dot).
    assert repair("工暋作暋任暋务") == "工 作 任 务"
    assert repair("“志愿助残阳光行动暠") == "“志愿助残阳光行动”"
    assert repair("6灡助残社会组织培育项目") == "6．助残社会组织培育项目"
    assert repair("发展暟时间银行暠等互助养老模式") == "发展“时间银行”等互助养老模式"  # both quotes lost
    assert ARTIFACTS == {"暋": " ", "暠": "”", "灡": "．", "暟": "“"}


def test_kangxi_radicals_read_as_the_ideographs_they_look_like():
    assert repair("地⽅⼈⺠政府、⽹信办") == "地方人⺠政府、网信办"  # ⺠ (a supplement radical) is no Kangxi one
    assert len(KANGXI_RADICALS) == 0x2FD6 - 0x2F00 and all(len(c) == 1 for c in KANGXI_RADICALS.values())
    assert repair("氀牵头单位氁") == "氀牵头单位氁"  # an unverified mapping is not applied


def test_compatibility_ideographs_read_as_the_unified_ones():
    # a subset font's ToUnicode map: 省 U+F96D, 行 U+FA08, 落 U+F918, 不 U+F967, 列 U+F99C
    assert repair("\uf96d数据局\ufa08动；\uf918实，表中\uf967再一一\uf99c出") == "省数据局行动；落实，表中不再一一列出"
    assert repair("\ufa0e\ufa0f\ufa11") == "\ufa0e\ufa0f\ufa11"  # unified ideographs of the block stay as they are


def test_a_quote_typed_half_width_finds_the_full_width_print():
    assert locate("x 6．助残社会组织", "6.助残") == (2, 6)
    assert locate("6．助残", "6．助残") == (0, 4) and locate("6。助残", "6.助残") is None


def test_repair_keeps_every_other_character():
    text = "省公安\n厅、省人力资源社会保障厅 (2015—\n2020年)》"
    assert repair(text) == text


texts = st.text(alphabet=st.sampled_from(list("暋暠灡省残联厅、，, \n“”.()12")) | st.characters(), max_size=200)


@given(texts)
def test_repair_is_idempotent(text):
    assert repair(repair(text)) == repair(text)


@given(texts)
def test_repair_loses_no_character_but_the_artifacts(text):
    fixed = repair(text)
    assert len(fixed) == len(text)  # one code point for one: offsets stay valid
    for before, after in zip(text, fixed, strict=True):
        assert after == (ARTIFACTS | KANGXI_RADICALS).get(before, before)


def test_normalise_rejoins_lines_and_drops_layout_spaces():
    assert normalise("实施 “残疾人体育健身计划暠和 “冬季残奥项目振兴计\n划暠") == "实施“残疾人体育健身计划”和“冬季残奥项目振兴计划”"
    assert normalise("组织实施 《国家手语和盲文规范化行动计划 (2015—\n2020年)》") == "组织实施《国家手语和盲文规范化行动计划(2015—2020年)》"
    assert normalise("暋暋五、落实责任") == "五、落实责任"
    assert normalise("Internet  plus   services") == "Internet plus services"
    # (set 41) a page break an extractor printed as a form feed inside a name
    assert normalise("市民政\f局、市残联") == normalise("市民政\r\n局、市残联") == "市民政局、市残联"


def test_locate_finds_a_passage_across_line_breaks():
    text = "各地每年要按时向省政\n\n府残疾人工作委员会报送规划实施报告。"
    assert locate(text, "向省政府残疾人工作委员会报送") == (7, 23)
    assert text[7:23].replace("\n", "") == "向省政府残疾人工作委员会报送"
    assert locate(text, "国务院") is None
