"""The nationwide gazetteer: divisions, bodies generated from the national pattern, their counterparts, the
national bodies of the 1998-2023 reforms with their lineage, name matching and jurisdiction detection.

Expected values are written by hand: the full names and counterparts from the naming scheme of Chinese local
bodies (四川省科学技术厅 → 科学技术部; 罗湖区 lies in 深圳市, 深圳市 in 广东省), the lineage from the reform plans'
well-known outcomes (铁道部 split in 2013; 卫生部 → 国家卫生和计划生育委员会 → 国家卫生健康委员会), the jurisdictions
from data/corpus/index.json.
"""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import SKOS

from fengong import PROJECT_ROOT
from fengong.gazetteer.detect import detect_jurisdiction
from fengong.gazetteer.divisions import DivisionError, load_divisions
from fengong.gazetteer.pattern import Pattern, PatternError, PatternUnit, load_pattern
from fengong.graph import registry_graph
from fengong.namespaces import CONF, FG, ID
from fengong.registry import CONFIDENCE, Registry, RegistryError, default_registry_paths, load_registry

CORPUS = PROJECT_ROOT / "data" / "corpus"
CITY_REGISTRY = PROJECT_ROOT / "tests" / "data" / "registry-city"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(default_registry_paths(PROJECT_ROOT))


# ---------------------------------------------------------------- divisions

def test_divisions_place_each_level_under_its_parent():
    divisions = load_divisions()
    assert len([d for d in divisions.by_code.values() if d.level == "provincial"]) == 34
    assert divisions.get("320585").name == "太仓市" and divisions.chain("320585") == ["320500", "320000", "100000"]
    assert divisions.chain("440303") == ["440300", "440000", "100000"]  # 罗湖区 in 深圳市 in 广东省
    assert divisions.chain("500101") == ["500000", "100000"]  # a municipality's district lies in the municipality
    assert divisions.chain("419001") == ["410000", "100000"]  # 济源市, administered by the province
    shorts = {code: divisions.get(code).short for code in ("510000", "410100", "450000", "422800", "330327")}
    assert shorts == {"510000": "四川", "410100": "郑州", "450000": "广西", "422800": "恩施", "330327": "苍南"}


def test_a_malformed_divisions_table_names_its_line(tmp_path):
    bad = tmp_path / "divisions.tsv"
    bad.write_text("# header\ncode\tname\tshort\tparent\tlevel\n510000\t四川省\t四川\t100000\tstate\n", encoding="utf-8")
    with pytest.raises(DivisionError, match=r"divisions.tsv:3: level 'state'"):
        load_divisions(bad)


# ---------------------------------------------------------------- the pattern and the bodies it gives

def test_a_pattern_name_is_printed_after_the_place_the_prefix_or_alone(registry):
    science = next(u for u in load_pattern().units if u.counterpart == "科学技术部")
    assert science.names_for(load_divisions().get("510000")) == (
        "四川省科学技术厅", "省科学技术厅", "科学技术厅", "四川省科技厅", "省科技厅", "科技厅")
    # An autonomous region names its Party committee 自治区党委 or 区党委.
    organisation = next(u for u in load_pattern().units if u.counterpart == "中共中央组织部")
    assert organisation.names_for(load_divisions().get("450000")) == (
        "中共广西壮族自治区委员会组织部", "自治区党委组织部", "区党委组织部")


def test_every_division_generates_without_a_name_given_twice():
    registry = load_registry(default_registry_paths(PROJECT_ROOT))
    for code in registry.divisions.by_code:
        registry.ensure(code)  # raises RegistryError on a name two units share
    generated = [j for j in registry.jurisdictions.values() if j.generated]
    assert len(generated) == len(registry.divisions) - 1  # all but Jilin, which has its own file
    assert all(a.confidence == "P" for j in generated for a in j.agencies)


def test_a_name_two_units_give_is_refused_naming_the_pattern_and_both():
    twice = (PatternUnit("901", "a", "government-department", None, {"provincial": ("科技厅",)}),
             PatternUnit("902", "b", "government-department", None, {"provincial": ("科技厅",)}))
    registry = Registry([], load_divisions(), Pattern(twice, ()))
    with pytest.raises(RegistryError, match=r"pattern.toml \(generated for 510000 四川省\).*p901 and p902"):
        registry.ensure("510000")


def test_a_bad_pattern_entry_is_named(tmp_path):
    bad = tmp_path / "pattern.toml"
    bad.write_text('[[unit]]\nid = "001"\nen = "x"\ntype = "government-department"\nprovincial = ["{city}局"]\n',
                   encoding="utf-8")
    with pytest.raises(PatternError, match=r"pattern.toml: 001: provincial name '\{city\}局'"):
        load_pattern(bad)


# Printed name, jurisdiction → (the body's full name, its counterpart one level up, and that one's).
LOCAL_NAMES = {
    ("科技厅", "510000"): ("四川省科学技术厅", "科学技术部", None),
    ("省发展改革委", "510000"): ("四川省发展和改革委员会", "国家发展和改革委员会", None),
    ("人行四川省分行", "510000"): ("中国人民银行四川省分行", "中国人民银行", None),
    ("四川金融监管局", "510000"): ("国家金融监督管理总局四川监管局", "国家金融监督管理总局", None),
    ("成都市", "510000"): ("成都市人民政府", "四川省人民政府", "国务院"),
    ("省人社厅", "420000"): ("湖北省人力资源和社会保障厅", "人力资源和社会保障部", None),
    ("市教委", "500000"): ("重庆市教育委员会", "教育部", None),
    ("市人力社保局", "500000"): ("重庆市人力资源和社会保障局", "人力资源和社会保障部", None),
    ("市科创局", "420100"): ("武汉市科学技术局", "湖北省科学技术厅", "科学技术部"),
    ("团市委", "420100"): ("共青团武汉市委员会", "共青团湖北省委员会", "中国共产主义青年团中央委员会"),
    ("市委组织部", "320585"): ("中共太仓市委员会组织部", "中共苏州市委员会组织部", "中共江苏省委员会组织部"),
    ("市政府办", "320585"): ("太仓市人民政府办公室", "苏州市人民政府办公室", "江苏省人民政府办公厅"),
    ("区科技和工业信息化局", "440303"): ("罗湖区科学技术局", "深圳市科学技术局", "广东省科学技术厅"),
    ("县人力社保局", "330327"): ("苍南县人力资源和社会保障局", "温州市人力资源和社会保障局", "浙江省人力资源和社会保障厅"),
    ("县市监局", "330327"): ("苍南县市场监督管理局", "温州市市场监督管理局", "浙江省市场监督管理局"),
    # A county document naming its province's department finds it two levels up.
    ("省科技厅", "330327"): ("浙江省科学技术厅", "科学技术部", None),
}


@pytest.mark.parametrize(("name", "code"), LOCAL_NAMES)
def test_local_short_forms_resolve_with_counterparts_one_level_up(registry, name, code):
    body = registry.resolve(name, code)
    counterpart = registry.counterpart(body)
    above = registry.counterpart(counterpart) if counterpart is not None else None
    assert (body.zh, counterpart.zh, above.zh if above else None) == LOCAL_NAMES[name, code]
    assert body.confidence == "P" and registry.knows(name, code)


# Printed collective, jurisdiction → (its first name there, the level of its members).
COLLECTIVES = {
    ("各市州人民政府", "420000"): ("各市（州）人民政府", "prefectural"),
    ("有关市州人民政府", "420000"): ("有关市（州）人民政府", "prefectural"),
    ("有关区县", "500000"): ("有关区县人民政府", "county"),  # a municipality's districts and counties
    ("有关市级部门", "500000"): ("市直有关部门", "provincial"),
    ("各区人民政府", "420100"): ("各区县（市）人民政府", "county"),
    ("各区县（市）政府", "410100"): ("各区县（市）人民政府", "county"),
    ("各区镇", "320585"): ("各乡镇人民政府", "township"),
}


@pytest.mark.parametrize(("name", "code"), COLLECTIVES)
def test_collectives_of_the_level_below_are_generated(registry, name, code):
    body = registry.resolve(name, code)
    assert (body.zh, body.members) == (COLLECTIVES[name, code][0], (COLLECTIVES[name, code][1],))
    assert body.iri.startswith(ID[f"collective/{code}/p"])


# Names added from the genre sets' unresolved units (set-20..28): printed name, jurisdiction → the generated body's
# full name. Expected values from the naming of Chinese local bodies (县融媒体中心, 县消防救援大队 / 市支队 / 省总队,
# 市中级人民法院, 教育和体育局, 政务服务管理办公室 (政务办), the Party committee's 金融办 of the 2023 reform …).
ADDED_NAMES = {
    # provincial
    ("省政务办", "320000"): "江苏省政务服务管理局",
    ("省贸促会", "370000"): "中国国际贸易促进委员会山东省委员会",
    ("省检察院", "420000"): "湖北省人民检察院",
    ("省应急厅", "370000"): "山东省应急管理厅",
    ("省建设厅", "330000"): "浙江省住房和城乡建设厅",
    ("省地方金融监管局", "360000"): "江西省地方金融管理局",
    ("江西银保监局", "360000"): "中国银行保险监督管理委员会江西监管局",
    ("省消防救援总队", "330000"): "浙江省消防救援总队",
    # prefectural
    ("市中级法院", "430700"): "常德市中级人民法院",
    ("市消防救援支队", "440600"): "佛山市消防救援支队",
    ("市公安局交警支队", "440600"): "佛山市公安局交通警察支队",
    ("市数据资源局", "330100"): "杭州市数据局",
    ("市城管执法局", "511500"): "宜宾市城市管理局",
    ("市教育和体育局", "511500"): "宜宾市教育局",
    ("市卫生健康局", "440600"): "佛山市卫生健康委员会",
    ("市文旅局", "420100"): "武汉市文化和旅游局",
    ("市委老干部局", "420100"): "中共武汉市委员会老干部局",
    ("潍坊海关", "370700"): "中华人民共和国潍坊海关",
    # county
    ("县融媒体中心", "130123"): "正定县融媒体中心",
    ("县消防救援大队", "610528"): "富平县消防救援大队",
    ("县法院", "330521"): "德清县人民法院",
    ("县人民检察院", "610528"): "富平县人民检察院",
    ("县教体局", "410225"): "兰考县教育局",
    ("县文广新旅局", "361130"): "婺源县文化和旅游局",
    ("区发展改革委", "340210"): "湾沚区发展和改革局",
    ("区委金融办", "310104"): "中共徐汇区委员会金融委员会办公室",
    ("县金融办", "330521"): "德清县金融服务中心",
    ("区政务服务和数据管理局", "440305"): "南山区政务服务管理局",
    ("区委文明办", "510107"): "武侯区精神文明建设委员会办公室",
    ("昆山金融监管支局", "320583"): "国家金融监督管理总局昆山监管支局",
    # a county's branch of the city's bureau, named with the city ({parent})
    ("湖州市生态环境局德清分局", "330521"): "德清县生态环境分局",
    ("国家税务总局佛山市顺德区税务局", "440606"): "国家税务总局顺德区税务局",
    # national short forms
    ("国家中医药局", "100000"): "国家中医药管理局",
    ("中国贸促会", "100000"): "中国国际贸易促进委员会",
}


@pytest.mark.parametrize(("name", "code"), ADDED_NAMES)
def test_names_added_from_the_genre_sets_resolve(registry, name, code):
    assert registry.resolve(name, code).zh == ADDED_NAMES[name, code]


def test_the_new_units_names_for_a_sample_division():
    units, divisions = {u.id: u for u in load_pattern().units}, load_divisions()
    zhengding, foshan, zhejiang = divisions.get("130123"), divisions.get("440600"), divisions.get("330000")
    assert units["072"].names_for(zhengding) == ("正定县消防救援大队", "县消防救援大队", "消防救援大队")
    assert units["072"].names_for(foshan) == ("佛山市消防救援支队", "市消防救援支队", "消防救援支队")
    assert units["072"].names_for(zhejiang) == ("浙江省消防救援总队", "省消防救援总队", "消防救援总队")
    assert units["074"].names_for(zhengding) == ("正定县融媒体中心", "县融媒体中心", "融媒体中心")
    assert units["075"].names_for(divisions.get("610528")) == (
        "富平县人民法院", "县人民法院", "人民法院", "富平县法院", "县法院", "法院")
    # {parent}: the city a county lies in; left out for a county the province administers directly (济源市).
    deqing, jiyuan = divisions.get("330521"), divisions.get("419001")
    assert "湖州市生态环境局德清分局" in units["014"].names_for(deqing, divisions.get(deqing.parent))
    assert "湖州市生态环境局德清分局" not in units["014"].names_for(deqing)
    assert not any("河南省" in n for n in units["014"].names_for(jiyuan, divisions.get(jiyuan.parent)))


# Printed collective, jurisdiction → its first name there.
ADDED_COLLECTIVES = {
    ("各区、县（市）政府", "210100"): "各区县（市）人民政府",
    ("各区（市）县政府（管委会）", "510100"): "各区县（市）人民政府",  # the bracket qualifies the known collective
    ("各县市区政府", "370700"): "各区县（市）人民政府",
    ("各设区市政府", "330000"): "各市（州）人民政府",
    ("各省辖市政府", "410000"): "各市（州）人民政府",
    ("各市〔州〕人民政府", "520000"): "各市（州）人民政府",
    ("各街道", "310104"): "各乡镇人民政府",
    ("相关乡镇", "410225"): "有关乡镇人民政府",
    ("县级各有关部门", "330521"): "县直有关部门",
}


@pytest.mark.parametrize(("name", "code"), ADDED_COLLECTIVES)
def test_collective_variants_added_from_the_genre_sets_resolve(registry, name, code):
    assert registry.resolve(name, code).zh == ADDED_COLLECTIVES[name, code]


def test_a_division_below_named_with_its_government_is_that_government(registry):
    assert registry.resolve("和平区政府", "210100").iri == ID["agency/210102/p001"]
    assert registry.resolve("贵阳市人民政府", "520000").zh == "贵阳市人民政府"
    # Courts share the type "government"; the division's government is still unit 001.
    assert registry.resolve("顺德区人民政府", "440600").iri == ID["agency/440606/p001"]
    assert registry.resolve("余杭区", "330100").iri == ID["agency/330110/p001"]


def test_a_bracket_of_the_other_kind_qualifies_a_known_body_too(registry):
    assert registry.resolve("市市场监管局〔市知识产权局〕", "330100").zh == "杭州市市场监督管理局"


NEAR_MISSES = [
    ("国网正定县供电公司", "130123"), ("县供电公司", "410225"), ("德清国投集团", "330521"),  # companies
    ("小寨路街道办事处", "610113"), ("华泾镇", "310104"), ("各村（社区）", "520328"),  # streets, towns, villages
    ("昆山开发区管委会", "320583"), ("地理信息小镇管委会", "330521"),  # park committees
    ("区图书馆", "330106"), ("县疾控中心", "620422"),  # service institutions
    ("市住保房管局", "330100"), ("区城运中心", "310104"),  # one place's own bodies
    ("武汉海关", "420000"),  # a customs office named after a city, in a provincial plan
    ("市公安局雁塔分局交警大队", "610113"), ("市大数据局2026年12月", "370700"),
]


@pytest.mark.parametrize(("name", "code"), NEAR_MISSES)
def test_near_misses_of_the_added_names_stay_unresolved(registry, name, code):
    assert not registry.knows(name, code)


def test_a_bracket_qualifying_a_known_body_resolves_to_that_body(registry):
    assert registry.resolve("市委组织部（人才办）", "320585").zh == "中共太仓市委员会组织部"
    assert registry.resolve("市政府办（金融）", "320585").zh == "太仓市人民政府办公室"
    assert not registry.knows("星际办（人才办）", "320585")


def test_generated_ids_come_from_the_pattern_unit_not_the_name(registry):
    sichuan, luohu = registry.resolve("科技厅", "510000"), registry.resolve("区科技局", "440303")
    assert sichuan.iri == ID["agency/510000/p005"] and luohu.iri == ID["agency/440303/p005"]


def test_a_hand_made_file_wins_over_the_pattern(registry):
    assert not registry.ensure("220000").generated
    assert registry.resolve("省民政厅", "220000").confidence == "K"
    # A generated city under a hand-made province finds its counterpart among the hand-made bodies.
    city = registry.resolve("市民政局", "220100")
    assert city.confidence == "P" and registry.counterpart(city).iri == ID["agency/220000/0002"]
    with_city = load_registry([*default_registry_paths(PROJECT_ROOT), *sorted(CITY_REGISTRY.glob("*.toml"))])
    assert with_city.resolve("市民政局", "220100").iri == ID["agency/220100/0001"]


def test_unknown_names_and_codes_stay_unresolved(registry):
    assert not registry.knows("省星际事务厅", "510000")
    assert not registry.knows("科技厅", "999999")


def test_a_generated_jurisdiction_is_described_with_confidence_p(registry):
    registry.ensure("440303")
    g = registry_graph(registry.jurisdictions["440303"], registry)
    body, city = ID["agency/440303/p005"], ID["agency/440300/p005"]
    assert (body, FG.confidence, CONF["P"]) in g and (body, FG.counterpart, city) in g
    assert (body, SKOS.altLabel, Literal("区科技和工业信息化局", lang="zh")) in g


def test_confidence_p_is_a_concept_with_both_labels_and_definitions():
    g = Graph().parse(PROJECT_ROOT / "ontology" / "schemes.ttl")
    assert {str(n) for c in g.subjects(SKOS.inScheme, CONF["scheme"]) for n in g.objects(c, SKOS.notation)} \
        == CONFIDENCE
    for prop in (SKOS.prefLabel, SKOS.definition):
        assert {label.language for label in g.objects(CONF["P"], prop)} == {"zh", "en"}


# ---------------------------------------------------------------- matching names inside a string

def test_the_matcher_splits_lists_with_a_prefix_written_once(registry):
    found = registry.matcher("510000").find("省发展改革委、教育厅、科技厅")
    assert [(m.name, m.value.zh) for m in found] == [
        ("省发展改革委", "四川省发展和改革委员会"), ("教育厅", "四川省教育厅"), ("科技厅", "四川省科学技术厅")]


def test_the_matcher_finds_a_bracketed_office_and_leaves_task_text(registry):
    text = "市委组织部（人才办）、市教育局，团市委"
    assert [(m.start, m.end, m.name) for m in registry.matcher("320585").find(text)] == [
        (0, 5, "市委组织部"), (6, 9, "人才办"), (11, 15, "市教育局"), (16, 19, "团市委")]
    assert registry.matcher("320585").find("加快培育人工智能创业生态，完善服务体系") == []


# ---------------------------------------------------------------- national bodies through the reforms

def successors(registry: Registry, name: str) -> dict[str, list[str]]:
    """Change id → the names of the bodies it resulted in, for the changes that ended or changed ``name``."""
    body = registry.national(name)
    national = registry.jurisdictions["100000"]
    by_iri = {a.iri: a.zh for a in national.agencies}
    return {c.id: sorted(by_iri[r] for r in c.resulting) for c in national.changes if body.iri in c.original}


def test_old_names_resolve_and_lead_to_todays_bodies(registry):
    assert successors(registry, "铁道部") == {"2013-railways": ["中国国家铁路集团有限公司", "交通运输部", "国家铁路局"]}
    assert successors(registry, "卫生部") == {"2013-health-family-planning": ["国家卫生和计划生育委员会"]}
    assert successors(registry, "国家卫生计生委") == {"2018-health": ["国家卫生健康委员会"]}
    assert successors(registry, "国家环保总局") == {"2008-environment": ["环境保护部"]}
    assert successors(registry, "环境保护部") == {"2018-ecology": ["生态环境部"]}
    assert successors(registry, "国家计委") == {"2003-development-reform": ["国家发展和改革委员会"]}
    assert successors(registry, "银保监会") == {"2023-financial-regulation": ["国家金融监督管理总局"]}
    assert successors(registry, "国家乡村振兴局") == {"2023-rural-revitalisation": ["农业农村部"]}
    for name in ("农业部", "建设部", "信息产业部", "劳动和社会保障部", "人事部", "国土资源部", "国家测绘局", "交通部",
                 "民航总局", "国防科工委", "国家电监会", "监察部", "国家工商总局", "国家质检总局", "国家安全监管总局"):
        assert successors(registry, name), name


def test_reform_changes_cite_their_plan_and_only_a_found_text_verifies(registry):
    national = registry.jurisdictions["100000"]
    for change in national.changes:
        year = change.date[:4]
        if year in ("1998", "2003", "2008", "2013", "2023"):
            assert any(year in national.sources[key].title for key in change.sources), change.id
        if change.confidence == "V":
            assert any(national.sources[key].url for key in change.sources), change.id
        else:
            assert change.confidence == "K", change.id
    verified = {c.id for c in national.changes if c.confidence == "V" and c.date[:4] in ("2008", "2013")}
    assert verified == {"2008-industry", "2008-defence-industry", "2008-housing", "2008-transport",
                        "2008-civil-aviation", "2008-human-resources", "2008-environment", "2013-railways",
                        "2013-health-family-planning", "2013-food-drug", "2013-press-broadcasting", "2013-electricity"}


# ---------------------------------------------------------------- detecting a document's jurisdiction

INDEX = json.loads((CORPUS / "index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("entry", INDEX, ids=[e["file"] for e in INDEX])
def test_the_corpus_jurisdictions_are_detected_from_the_text_alone(entry):
    text = (CORPUS / entry["file"]).read_text(encoding="utf-8")
    found = detect_jurisdiction(text)
    assert found.code == entry.get("jurisdiction", "100000"), found
    assert found.evidence[0].where == "title"
    with_metadata = detect_jurisdiction(text, title=entry["title"], issuer=entry["issuer"])
    assert with_metadata.code == found.code and with_metadata.evidence[0].where == "issuer"


def test_detection_takes_the_deepest_division_and_says_why():
    found = detect_jurisdiction("罗湖区支持人工智能OPC发展若干措施\n（责任单位：区科技和工业信息化局）",
                                issuer="深圳市罗湖区科技和工业信息化局")
    assert (found.code, found.name) == ("440303", "罗湖区")
    assert [(e.where, e.matched, e.code) for e in found.evidence] == [
        ("issuer", "深圳市", "440300"), ("issuer", "罗湖区", "440303"), ("units", "区…×1", None)]


def test_a_shared_name_needs_a_parent_named_in_the_text():
    unsettled = detect_jurisdiction("朝阳区关于推进创业的实施意见")
    assert not unsettled and "more than one division" in unsettled.reason
    assert detect_jurisdiction("朝阳区关于推进创业的实施意见\n为落实北京市有关部署").code == "110105"


def test_a_text_naming_no_place_gives_the_reason():
    found = detect_jurisdiction("关于加快发展的若干措施\n一、总体要求")
    assert found.code is None and "names a division" in found.reason


# ---------------------------------------------------------------- ingest describes the bodies its plans name

def test_ingest_writes_the_registry_graph_of_a_generated_jurisdiction(tmp_path):
    from fengong.ingest import find_documents, ingest

    plan = tmp_path / "zz-plan.txt"
    plan.write_text("郑州市某某工作方案\n1.建设创业社区（市科技局、市财政局负责）\n2.完善服务体系（市人社局负责）\n",
                    encoding="utf-8")
    out = tmp_path / "out.trig"
    ingest(find_documents([plan]), out, load_registry(default_registry_paths(PROJECT_ROOT)), tmp_path,
           jurisdiction="410100", progress=False)
    text = out.read_text(encoding="utf-8")
    assert "graph/registry/410100>" in text and "graph/registry/410000>" in text
    assert "agency/410100/p005" in text and "agency/410100/p012" in text
