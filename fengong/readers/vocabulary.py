"""The words Chinese plans use to say who does what: role labels, role verbs, open markers, the lead rule.

This is data, not code: the grammar (:mod:`fengong.readers.statement`) is written over the kinds of word
listed here, so a new wording of the genre is a line added here, never a new branch in a reader.

Roles are keys of the role scheme: ``lead`` (牵头), ``participant`` (参与), ``cooperating`` (配合, 协办),
``guiding`` (指导), ``implementing`` (落实); ``responsible`` is not a role but a list whose first unit leads
(by the document's rule, a mark, or the convention) and whose others participate.
"""

from __future__ import annotations

import re

RESPONSIBLE = "responsible"
# 承办 names the body that handles the task: where a lead is stated beside it (A牵头，B配合，C承办) it carries the
# task out in its area (implementing); alone (承办单位：A；协办单位：B, A承办，B指导) it is the one who answers for it.
HANDLER = "handler"
# 负责落实: implementing, or responsible where 由 gives the measure to its units (由A负责落实, 此项工作由A负责落实).
ANSWERING = "answering"
# 抓好落实 (see to it that it is done) with no modifier: the units carry out what a lead stated beside them leads
# (A牵头，各县（市、区）党委和政府抓好落实); with none stated they answer for it, as with 负责 (A、B抓好落实).
SEEING_TO = "seeing-to"
# 分别负责: each answers for its own part. Without 由 every unit leads its part (A、B分别负责, as A、B分别牵头); where
# 由 gives the measure to them (此项工作由A、B、C分别负责) they are a responsible list, as with 由A、B负责落实.
SEVERALLY = "severally"
ROLES = ("lead", "participant", "cooperating", "guiding", "implementing")

# The role word of a label (牵头单位：, 责任部门：, 配合单位：) → the role of the units it introduces.
LABEL_ROLES = {
    "牵头": "lead", "主责": "lead", "牵头负责": "lead", "主办": "lead",
    # 第一责任单位 (an 指标分解's or a 整改清单's column, 第一责任单位对…负总责): the body that answers first leads
    "第一责任": "lead",
    "责任": RESPONSIBLE, "负责": RESPONSIBLE, "承担": RESPONSIBLE, "承办": HANDLER,
    "参与": "participant", "参加": "participant",
    "配合": "cooperating", "协办": "cooperating", "协同": "cooperating", "协助": "cooperating",
    "支持": "cooperating",
    "协作": "cooperating",  # 协作部门 assists the lead as 协助 / 协办 do (牵头部门：A；协作部门：B、C)
    # 服务单位 (a 重点项目计划's: the departments that serve a project, its approvals and land, beside its 责任单位;
    # see SERVING)
    "服务": "cooperating",
    "指导": "guiding", "督导": "guiding",
    "落实": "implementing", "实施": "implementing",
    # 起草单位 (a 立法计划's, a 标准计划's drafting body): the body that answers for drafting the listed law or
    # standard, a responsible list (the first leads by the document's rule: 排在第一位的为牵头起草单位); the role
    # before it says how it drafts (牵头起草单位, 参与起草单位, 配合起草单位: the label noun 起草单位)
    "起草": RESPONSIBLE,
}
# 由 opening a sentence's last clause gives the measure of the clauses before it to the units it names (…融合发展，
# 由A会同B、C负责), but not where 由 begins a word (由于 because, 由此 hence).
NOT_A_TOPIC_BY = ("由于", "由此")
# Verbs a measure's paragraph opens with, their object and a comma after them (依托中国大竹海等资源，开发…): where a
# rendering ran a title into its paragraph with nothing between, the title ends before one.
PARAGRAPH_OPENERS = ("依托", "围绕", "聚焦", "立足", "按照", "对照", "针对", "根据", "对标", "面向")
# A task force's block (专班, 工作组, 指挥部: 组长单位：A / 副组长单位：B / 成员单位：C, on lines of their own, in one
# sentence or side by side): the 组长单位 leads (牵头组长单位 too), the 副组长单位 and 成员单位 take part. The block
# is a statement only where its 组长单位 opens it: a 成员单位 list alone is a body's membership (an annex's 联席会议
# 成员单位名单), not who answers for a measure. The label needs its noun (组长：区长 names a person).
GROUP_LABEL_ROLES = {"组长": "lead", "牵头组长": "lead", "副组长": "participant", "成员": "participant"}
GROUP_HEADS = ("组长", "牵头组长")
GROUP_LABEL_NOUNS = ("单位", "部门")
# 督办：镇纪委, 督办单位：市政府督查室 — the body that supervises the work (督查督办) is no role of the scheme: the
# field is read as a slot and names no unit.
# 主办：省工业和信息化厅　督办：省政府办公厅五处 — a government document's colophon at its end (the office that
# drafted it and the one that oversees it): 主办 beside 督办 with no other field names no task's units.
COLOPHON = re.compile(r"\s*主办\s*[:：][^：:；;，,。]*?\s督办\s*[:：][^：:；;，,。]*$")
# What the role word is a label of: 单位, 部门 … (or nothing: 牵头：A), or the kind of body named by two or three of
# the characters that end bodies' names: a 科室 or 处室 is a department of a 街道, a bureau or a ministry (牵头科室：
# 党建工作办公室, 责任处室：规划处), a 司局 a ministry's department (牵头司局：森林资源管理司, 责任司局：…), 厅局 and
# 委办局 a government's departments.
LABEL_NOUNS = ("单位", "部门", "主体", "机构", "责任单位", "起草单位")
BODY_KIND_CHARS = "司局处科股室厅委办"
_KIND = rf"(?:{'|'.join(LABEL_NOUNS)}|[{BODY_KIND_CHARS}]{{2,3}})"
# A kind may be followed by the other kinds the field admits, in a bracket: 责任单位（部门）, 牵头部门（单位）,
# 责任科室（单位）, 配合单位（部门、科室）.
LABEL_NOUN = rf"(?:{_KIND}(?:[（(]{_KIND}(?:[、/／]{_KIND})*[）)])?)"
# A label or a column's header may say before its role word what the work is or how much of it the body bears
# (整改责任单位, 落实责任单位, 主体责任单位, 任务牵头部门, 主要责任单位): the role is the role word's. 落实 before 责任
# is the work (the body answers for carrying it out), while 落实单位 alone is an implementing label.
LABEL_QUALIFIERS = ("主要", "整改", "落实", "主体", "任务", "工作", "具体")
LABEL_QUALIFIER = rf"(?:{'|'.join(LABEL_QUALIFIERS)})"

# Verbs after a unit list, longest first where one ends another (牵头负责 before 负责). A modifier between the
# units and the verb (按职责分工负责, 分别负责, 按属地负责) changes nothing of the role.
VERBS = {
    "牵头负责": "lead", "牵头落实": "lead", "牵头组织": "lead", "牵头实施": "lead", "牵头": "lead", "负总责": "lead",
    # A为责任主体 / A、B为责任单位 / A为牵头单位: the body named is the one that answers for the measure (or leads it)
    "为责任主体": RESPONSIBLE, "为责任单位": RESPONSIBLE, "为责任部门": RESPONSIBLE, "为主体责任单位": RESPONSIBLE,
    "为牵头单位": "lead", "为牵头部门": "lead", "为主责单位": "lead", "为主责部门": "lead",
    # A、B按职责分工抓好落实: 抓好落实 (see to it that it is done) is the verb of the whole sentence, as 负责 is:
    # a responsible list (after A负总责 its units take part); bare, beside a stated lead, see SEEING_TO
    "抓好落实": SEEING_TO, "负责抓好落实": RESPONSIBLE,
    # 负责落实: implementing beside a body that answers (A指导，B负责落实; A负责，各地区负责落实), but 由A负责落实 gives
    # the measure to A as 由A负责 does: a responsible list (ANSWERING, settled by the statement's 由)
    "负责落实": ANSWERING, "具体落实": "implementing", "组织落实": "implementing", "督促落实": "implementing",
    "组织实施": "implementing", "落实": "implementing", "实施": "implementing",
    "负责": RESPONSIBLE, "承担": RESPONSIBLE,
    # a 立法计划's drafting body and a research project's body, the verb closing its statement with no object
    # (由A负责起草，B参与 / 由A起草 / 由A会同B、C开展): the body answers for the listed law or study as with 负责;
    # with an object it is a duty in running text (由A起草实施方案, A开展调研)
    "负责起草": RESPONSIBLE, "牵头起草": "lead", "起草": RESPONSIBLE, "组织起草": RESPONSIBLE,
    "负责开展": RESPONSIBLE, "组织开展": RESPONSIBLE, "开展": RESPONSIBLE,
    "参与起草": "participant", "参与": "participant", "参加": "participant",
    "配合": "cooperating", "协助": "cooperating", "协同": "cooperating", "协办": "cooperating",
    "指导": "guiding", "督导": "guiding",
    "主办": "lead", "主责": "lead", "承办": HANDLER,
    # 抓总 (take overall charge: A抓总，B配合; A负责抓总): the body that leads the measure
    "抓总": "lead", "负责抓总": "lead",
    "协作": "cooperating",
    # 分别负责: each answers for its own part, so each leads it (A、B分别负责 → two leads, as A、B分别牵头), save
    # where 由 names them (SEVERALLY); 分别 before any other verb changes nothing (A、B分别落实)
    "分别负责": SEVERALLY, "分别牵头负责": "lead",
}
# A为牵头单位，B、C为配合单位 / A为主责部门、B为协作部门: 为 and a label's role word and noun say the role the label
# would (为牵头单位 as 牵头单位：).
VERBS.update({f"为{word}{noun}": role for word, role in LABEL_ROLES.items() for noun in ("单位", "部门")
              if f"为{word}{noun}" not in VERBS})
# How a body guides, said by a pair of verbs (指导督促, 督促指导, 监督指导, 统筹指导): the guiding verb with a verb of
# supervising or steering before or after it is still guiding. The pair before it is a modifier (below); after it
# the pair is the verb.
GUIDING_VERBS = ("指导", "督导")
STEERING_VERBS = ("督促", "监督", "检查", "协调", "推动", "推进", "统筹")
VERBS.update({f"{g}{s}": "guiding" for g in GUIDING_VERBS for s in STEERING_VERBS})
MODIFIERS = ("按照职责分工", "按职责分工", "根据职责分工", "依职责分工", "按各自职责", "按照职责", "按职责", "依职责",
             "按照属地", "按属地", "属地", "分工", "分别", "共同", "各自",  # 按属地负责: each for its own area
             "具体",  # 各省级应急管理部门具体实施: 具体 says how the verb is done, not who
             # how a body guides (省委组织部统筹指导, 各流域管理机构督促指导, 市经信委负责指导): the verb before 指导
             # says how, the unit is the name before it
             "统筹", "督促", "加强", "业务", "负责", "监督", "协调")
# Kinds of body named bare, with nothing to single one out (单位, 园区): after a 各 collective and 、 they are more
# kinds the same 各 governs (各相关司局、单位, 各街道、园区), one collective, as 各区、县（市）政府 is; alone they
# are no unit.
KINDS = ("单位", "部门", "机构", "司局", "处室", "科室", "站所", "园区", "街道", "乡镇", "社区", "村", "企业", "高校",
         "院校", "学校", "医院", "开发区", "功能区", "管委会")
# Kinds of body named by one character after a 各 that governs them: 区政府各委、办、局, 市各委、办、局.
BODY_KINDS = ("委", "办", "局", "厅", "室", "所", "站", "队")
# A body whose branches are named after it, their place between (中国人民银行 昆明中心支行, 市公安局 交警支队), and
# the endings of such branches; a branch that opens with a level word of its own (市交警支队) is a unit of its own.
PARENT_BODIES = ("银行", "总行", "公司", "集团", "总局", "局", "厅", "总队")
BRANCHES = ("分行", "支行", "分公司", "分局", "监管局", "供电局", "供电公司", "分中心", "分院", "支队", "大队")
OWN_LEVEL = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "各", "国家", "中国", "中央", "全国")
# A part of a statement that says when, not who: 2025年底前完成, 长期坚持, 持续推进.
TIME = re.compile(r"(?:\d{4}\s*年|\d{1,2}\s*月|年底|年内|长期|持续|逐步|每年|\d{4}\s*[-—–~至]\s*\d{4})[^，,；;。]*")
# A sentence that only says by when a measure is done, and where its result goes (2025年9月底前报送市政府。, 2025年
# 底前完成。, 6月底前提请市政府常务会议审议。): a step of its schedule, naming no one, that may follow the statement.
DEADLINE_SENTENCE = re.compile(
    r"(?:于|在)?(?:\d{4}\s*年\s*(?:\d{1,2}\s*月)?|\d{1,2}\s*月)(?:[上中下]旬|底|末|内)?(?:以)?前?"
    r"(?:完成|报送|报|提请|出台|印发|提交|上报)[^，,；;。]{0,16}[。；;]?")
# Joins a second group of units to the first, which leads: 由A会同B负责, A会同有关部门负责.
# 商 (in consultation with: 财政部商国家发展改革委负责) joins them as 会同 does: the first answers, the others
# take part.
WITH = ("会同", "联合", "商")
# A drafting duty the units answer for, then the procedure its draft goes through (国家发展改革委会同财政部提出
# 方案，按程序报批; A商B提出具体办法，按程序报批): the units are responsible for the measure, as with 负责; the
# procedure names no one. A drafting verb without the procedure is a duty in running text (由A会同B编制规划).
DRAFTING = ("研究提出", "提出", "研究制定", "制定", "起草", "拟订", "拟定", "编制", "研究")
DRAFT_FOR_APPROVAL = re.compile(
    rf"(?:{'|'.join(DRAFTING)})[^，,；;。、（）()]{{0,20}}?[，,]\s*(?:并)?(?:按程序|按规定程序|依程序|按照程序|按规定)"
    r"(?:报批|报[^，,；;。]{1,12}?(?:审批|批准|审定))(?:后(?:实施|印发|执行))?")
BY = "由"
# A topic before 由 that makes the clause a statement about the measure it closes (此项工作由A牵头，B配合):
# - pointed: a demonstrative with the classifier of a plan's items (此项, 该项, 本项, 这项) or a pointer back to the
#   text above (上述, 以上, 前述), then the measure's noun (工作, 任务, 措施, 举措, 事项); 本 without 项 is the
#   document (本措施由A负责解释), not the measure;
# - the measure's work named by its doing (具体工作, 具体实施工作): the work of what was just said — the measure's,
#   unless the measure set up a body whose work it then is (SETS_UP_A_BODY);
# - the work related to what was said (相关工作, 有关工作): in a bracket or a table cell it is the measure's; closing
#   a paragraph of prose it may be the work of the clause just before it (…纳入年度考核，相关工作由市委督查室负责),
#   so there it is read only as the whole last sentence of a numbered measure's own paragraph (the prose reader).
# Any other topic names a different subject and the clause stays unread: an office's housekeeping (日常工作,
# 日常督查工作), money (所需资金, 扶持资金, 所需经费: who pays is no role of the scheme), the document (本措施), a
# document's issuing (由A印发), another activity (年度考核工作).
TOPIC_MEASURE_NOUNS = ("工作", "任务", "措施", "举措", "事项")
_NOUN = "|".join(TOPIC_MEASURE_NOUNS)
# After the classifier of one measure (此项, 该项, 本项, 这项) the measure may be named by the work it is:
# 此项整治由A、B负责落实, 该项改造由A牵头 — a noun of work; not money (此项资金由…, 该项经费由…: who pays is no role).
TOPIC_WORK_NOUNS = ("整治", "治理", "整改", "改造", "建设", "改革", "行动", "工程", "活动", "攻坚", "排查", "检查",
                    "监管", "试点", "计划", "服务", "保障", "创建", "宣传", "培训", "考核", "督查", "清理", "提升")
_WORK_NOUN = "|".join(TOPIC_WORK_NOUNS)
_COUNT = r"[一二两三四五六七八九十\d]{1,3}"
# The measures may be named by the part of the plan they make up, a qualifier before the noun: 以上各项保障措施,
# 上述重点任务, 此项改革举措 (not 以上资金, 上述保障资金: money names no measure).
_KIND = "保障|重点|主要|政策|改革|具体|配套|支持|工作"
_MEASURE = rf"(?:{_KIND})?(?:{_NOUN})"
# The classifier of plan items (项, 条) names the measures by itself: 以上两项由A牵头, 上述各条由B负责, 此项由C负责.
# The part of the plan a statement stands in may be its topic (本部分任务由A牵头, 本部分任务主责单位为A, 本章各项
#工作由A负责, 该部分任务): the measures of that part, all of them.
_PART = r"(?:[本该这此]一?(?:部分|章|节|篇|板块))(?:各项|所有|全部)?的?"
PART_TOPIC = re.compile(_PART)
_POINTED = (rf"(?:(?:[此该]一?项?|[本这]一?项|上述|以上|前述)(?:各项|几项|各条|这些|{_COUNT}[项条])?"
            rf"{_MEASURE}|[此该本这]一?项(?:{_WORK_NOUN})(?:工作|任务)?"
            rf"|[此该本这]一?项|(?:上述|以上|前述)(?:各项|几项|各条|{_COUNT}[项条])|{_PART}(?:{_MEASURE})?)"
            rf"(?:均|都)?")
TOPIC_POINTED = re.compile(rf"{_POINTED}(?:具体|主要)?(?=由)")
# The same topic before a role label that gives the measures' units (本部分任务主责单位为A，协同单位为B; 以上任务的
# 牵头单位：A; 此项工作牵头单位为A): the label's statement is about them (the lexer checks the label after it).
TOPIC_BEFORE_LABEL = re.compile(rf"{_POINTED}的?")
# A pointed topic that points back over the text above (以上, 上述, 前述) may cover several measures: all those of
# the series it closes where it says so (以上各项任务, 上述几项工作, 以上这些措施, 以上工作均由…), the last n where it
# counts them (以上三项工作, 上述2项任务, 以上两项). 此项 / 该项 / 本项 / 这项 point to one measure. The part of the
# plan (本部分任务, 本章各项工作) is every measure of the series it closes.
BACK_POINTER = re.compile(rf"^(?:(?:以上|上述|前述)(?:(?:(各项|几项|各条|这些)|({_COUNT})[项条]){_MEASURE}?|{_MEASURE})"
                          rf"|({_PART})(?:{_MEASURE})?)(均|都)?")


def topic_reach(topic: str) -> tuple[bool, bool, int | None]:
    """What a pointed topic covers: ``(back, plural, count)`` — whether it points back over the text above
    (以上, 上述, 前述), whether it says it covers several measures (各项, 几项, 这些, 均, a count), and the count it
    states (以上三项工作 → 3)."""
    m = BACK_POINTER.match(topic)
    if m is None:
        return False, False, None
    count = numeral_value(m.group(2)) if m.group(2) else None
    return True, bool(m.group(1) or m.group(3) or m.group(4) or count), count
# The measure's work divided between bodies by its parts, named before 分别由 (县城区和各乡镇集镇排涝工作分别由A、
# B负责，C配合; 城区和农村的排查整治分别由A、B负责): the clause from 由 is a statement about the measure, as after a
# topic; not money (所需资金分别由市、县财政承担: no noun of work before it).
SEVERAL_PARTS = re.compile(rf"(?:{_NOUN}|{_WORK_NOUN})分别(?=由)")
# A condition opening a closing sentence after a statement (由A负责；涉及资本市场的，由B负责; 属于中央事权的，由…):
# who answers for that part of the measure, a statement of its own.
CONDITION = re.compile(r"(?:涉及|属于|其中|对于|针对)[^，,；;。、（）()由]{1,20}的[，,]\s*(?=由)")
TOPIC_RELATED = re.compile(r"(?:相关|有关)(?:工作|任务)(?:均|都)?(?:具体|主要)?(?=由)")
TOPIC_WORK = re.compile(r"具体(?:实施|落实|推进|组织)?(?:工作|任务)(?:均|都)?(?=由)")
# What sets up a body in a measure (领导小组办公室设在市商务局, 成立工作专班, 组建工作组): an unpointed topic after
# it is that body's work (成立工作专班，…，具体工作由专班办公室负责), not the measure's.
SETS_UP_A_BODY = re.compile(r"设在|成立|组建|设立|建立[^，,。；;]{0,16}(?:小组|专班|机制|办公室|委员会)")
# An open marker ends a list without naming the rest: 等, 等部门, 等有关部门和单位, 等省直有关单位, 等相关单位,
# 等市直有关执法部门, 等省属煤炭企业.
OPEN_MARKER = re.compile(r"等(?:[^、，,；;。等和]{0,10}?(?:部门|单位|机构|企业|组织|地区|方面|院校|高校|银行|主体))?"
                         r"(?:(?:和|及|、)(?:有关|相关)?(?:部门|单位))?")
# Words joining two units inside one list piece (民政部和财政部), and a collective to an open list (等和各省级
# 人民政府). Many names hold 和 themselves (人力资源和社会保障部), so a piece is split only where both sides are units.
AND = ("和", "及", "与", "以及")
SEPARATOR = "、"
# What OCR of a scan reads 、 as, where nothing else prints it: a backtick (省市场监管局`省商务厅).
OCR_SEPARATORS = "`"
COMMAS = "，,"
SEMICOLONS = "；;"
FULL_STOPS = "。"
# A note mark a word processor leaves after a name that a footnote explains (县委人才办[5], 县人社局¹, 县科技局①): no
# part of the name, nor a statement's word.
FOOTNOTE_CHARS = "¹²³⁴⁵⁶⁷⁸⁹⁰①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
FOOTNOTE_MARK = re.compile(rf"[\[［〔]\s*(?:注)?\d{{1,3}}\s*[\]］〕]|[{FOOTNOTE_CHARS}]+")
MARKS = "*＊★☆▲△●◆"  # a mark on a unit, before or after its name: the marked unit leads (*县人力社保局, 市城管执法局★)
OPENERS = {"（": "）", "(": ")", "〈": "〉", "〔": "〕", "［": "］", "[": "]", "【": "】", "<": ">", "《": "》"}
# A bracket inside a list that is a note on the unit before it, not part of its name: 〈含开发区…，下同〉.
NOTE_OPENING = re.compile(r"^\s*(?:含|包括|不含|包含|以下|下同)")
# A bare body in angle brackets after a government's name is a note too, the body in the same role where there is no
# such government (各县区人民政府〈管委会〉: the development zones' committees), not part of the name.
ALTERNATIVE_BODY = re.compile(r"^\s*[\u4e00-\u9fff]{0,6}(?:管委会|管理委员会|工委|办事处)\s*$")
GOVERNMENT_BODY = re.compile(r"(?:人民政府|政府|行政公署)$")
# A bracket that is part of the name before it although it holds separators: 各县（市、区）人民政府.
# So is a bracket that names the other kinds of place a collective's 各 covers: 各乡镇（街道、园区）.
LEVELS_IN_NAME = re.compile(rf"^(?:[省市县区州盟旗地自治直辖、，,]|{'|'.join(KINDS)})+$")
# After a 各 collective, a bracket of the other kinds of body its 各 covers is part of the name: 各局（办、中心）,
# 各委（办、局）, 各部门（单位、中心）.
KINDS_IN_NAME = re.compile(rf"^(?:[、，,]|中心|{'|'.join(KINDS)}|[{''.join(BODY_KINDS)}])+$")
# A bracket after a unit that gives its role, not its name: 市发展改革委（牵头）, and how it takes it: 各街道办事处
# （按职责分工负责）, 各区（分别落实）.
# The lead's words (牵头, and 主责 / 主办 in the documents that call the lead so) are as good in a note
# (县发改局（主责）, A（主办）) as in a label or a rule; 双牵头 is a joint lead's note.
LEAD_WORDS = ("牵头", "主责", "主办")
_LEADS = "|".join(LEAD_WORDS)
ROLE_NOTE = re.compile(rf"^\s*(?:共同|联合|主要|双)?(?:{'|'.join(MODIFIERS)})?"
                       rf"((?:{_LEADS})(?:单位|部门)?|配合|参与|协办|协助|协同|指导|负责|落实|实施)\s*$")

# The document's own lead rule, in its wordings: 列第一位者为牵头单位 / 排在第一位的部门为牵头部门 /
# 排名第一的为牵头单位 / 第一个单位为牵头单位 / 列第一位的责任单位为牵头单位 / 标*的为牵头单位, and the lead named by a
# mark printed in words after it: 标注“（牵头）”的为牵头单位 / 标明“牵头”的为牵头单位 / 注明（牵头）的为牵头部门. A
# mark Markdown escapes (标\*的, pandoc's) reads with a space after it (markdown.blank_marks: 标* 的).
_MARKING = r"(?:标注|标明|标有|注明|注有|带有|标|带|加)"
_MARK = rf"(?:[“\"‘]?[（(]?(?:(?:{_LEADS})(?:单位|部门)?|[{MARKS}]号?)[）)]?[”\"’]?)"  # the mark a rule speaks of
LEAD_RULE = re.compile(
    r"(?:(?:列|排|排在|排名|列于|列在|位列|名列)?(?:第一|首)(?:位|个|家)?的?(?:者|(?:责任)?(?:部门|单位))?"
    rf"|{_MARKING}?[“\"‘]?[{MARKS}][”\"’]?号?[ ]?(?:的|者)?(?:部门|单位)?"
    rf"|{_MARKING}[“\"‘]?[（(]?(?:{_LEADS})[）)]?[”\"’]?(?:字样)?(?:的|者)(?:部门|单位)?)为(?:{_LEADS})(?:责任|起草)?{LABEL_NOUN}")
# The lead and the others may be named by what they answer for (为牵头责任单位，其余为协同责任单位; a 立法计划's
# 为牵头起草单位，其他为参与起草单位), or by their kind as a label names it (为牵头科室（单位），其余为责任科室
# （单位）).
# Its sequel, kept in the quoted rule: 其余为参与单位, 其他为配合部门, 下同, and what a list without a lead says
# (未标明牵头的，所列单位均为牵头单位: every unit of it leads).
RULE_TAIL = re.compile(
    rf"[，,；;]?\s*(?:其余|其他|其它)(?:的)?(?:单位|部门)?(?:为|是)(?:主要)?(参与|配合|责任|协办|协同|协作)(?:责任|起草)?{LABEL_NOUN}"
    r"|[，,；;]?\s*下同"
    rf"|[，,；;]?\s*(?:未|没有|不)(?:(?:{_MARKING}|明确|列明){_MARK}?|{_MARK})的(?:任务|事项|措施)?[，,]?"
    r"\s*(?:所列|列出的|列明的|其|各)?(?:单位|部门)?(?:均|都|皆|共同)?(?:为|是)(牵头|责任)(?:单位|部门)")
# A standing statement: 以下均需试点城市政府落实，不再列出 — the units implement every later measure.
CARRY = re.compile(r"以下(?:各项)?(?:任务|措施|工作)?[，,]?(?:均|都|皆)?(?:需|须|由|需由|须由)")
# The scope a standing statement opens with where it names the later measures by what they are, not by 以下:
# 各项工作均需地方各级人民政府负责落实，以下不再一一列出 / 上述各项任务均由各区县政府负责落实，不再列出.
# 各项工作中，各省级农业农村部门、乡村振兴部门负责具体落实，以下不再列出: the scope as the work in which they act;
# 以下各项任务，各省级人民政府均负责结合本地实际抓好落实，不再逐项列出: the scope as a topic, the units after it.
# 以上任务均需各乡镇（街道）配合落实: a demonstrative alone scopes the work as well as a quantifier does.
CARRY_SCOPE = re.compile(r"(?:(?:上述|以上|以下|本方案|本通知|本要点)(?:所列)?(?:各项|所有|全部)?"
                         r"|(?:所列)?(?:各项|所有|全部))(?:工作|任务|措施|事项)(?:[，,]?(?:均|都|皆)?(?:需|须|需由|须由|由)|(?:中|当中)?[，,])")
# "Not listed again": the mark of a standing statement in running text (A、B负责本辖区各项任务的组织落实，以下不再列出).
# (across the line ends and OCR's spaces that fall anywhere inside the words: 表中不再一一 / 列出, …不再一一列 / 出。)
# Without 再 the adverb says it as well (表中不一一列出, 不单独列出): never a bare 不列出 (…的单位不列出).
_ONE_BY_ONE = r"一\s*一|单\s*独|逐\s*一|逐\s*项"
NOT_LISTED = re.compile(rf"不\s*(?:再\s*(?:{_ONE_BY_ONE})?|{_ONE_BY_ONE})\s*列\s*出")
# A standing statement names no one measure: a note naming a row by its number or pointing to one (序号2中各园区负责…,
# …负责第3项任务…, 此项任务…) is about that row, not every task.
ONE_MEASURE = re.compile(r"序号\s*\d|第\s*[\d一二三四五六七八九十]+\s*[项条行]|(?:此|该)项(?!目)")
# A note that gives a table column's units a role, wherever it stands (说明 after the table, 注 before it):
# “责任单位”栏所列单位为配合单位 / 配合单位一栏中列出的单位均为参与单位 / 责任部门栏为协办部门: the column's
# header, then the role word of the units it lists.
COLUMN_ROLE_NOTE = re.compile(
    r"[“\"「‘]?([^“”\"「」‘’，,。；;：:、\s\d.．]{2,10}?)[”\"」’]?(?:一?栏|列)(?:中|内|里)?(?:所列|列出|列明|填列|列)?"
    rf"的?(?:单位|部门)?(?:均|都)?(?:为|是)({'|'.join(sorted(LABEL_ROLES, key=len, reverse=True))})(?:单位|部门)")
# Words in a statement that name no unit: 下同, 不再列出, 按职责分工 on their own.

# What unit names end with: the fallback when the gazetteer does not know a name (marked as such).
UNIT_SUFFIXES = (
    "厅", "委", "局", "办", "联", "部", "会", "府", "院", "室", "署", "行", "处", "所", "司", "队", "社", "庭",
    "中心", "政府", "团省委", "团市委", "团县委", "团区委", "团中央", "总局", "委员会", "办公室", "集团", "公司",
    "法院", "检察院", "银行", "协会", "学会", "总会", "总工会", "部门", "单位", "机构", "党委", "组织", "科协",
    "组委", "专班", "管委会", "街道", "乡镇", "区镇", "园区", "社区", "平台", "基地", "学院", "大学", "医院",
    "海关", "站", "台", "馆", "校",
    "科", "股",  # the sections of a department or a bureau (干部一科, 组织二科, 投资股): but not NOT_A_SECTION
    "市", "县", "区", "州", "盟", "旗",  # a place named as a unit is its government: （第一师阿拉尔市负责）
    "镇", "乡",  # so is a township (TOWNSHIPS): （县文广旅局、县文物保护局、正定镇）, but not NOT_A_TOWNSHIP
)
TOWNSHIPS = ("镇", "乡")
# Words that end like a township (…镇, …乡) and name none: a kind of place, or where someone comes from or goes.
NOT_A_TOWNSHIP = ("城镇", "小镇", "古镇", "村镇", "集镇", "重镇", "名镇", "城乡", "家乡", "故乡", "下乡", "返乡",
                  "回乡", "老乡", "同乡", "水乡", "之乡", "异乡", "他乡", "入乡")
# Words that end like a section (…科, …股) and name none: a field of study, a degree, a share (文理科; but 管理科,
# 护理科, 审理科 are sections named by their work).
NOT_A_SECTION = ("学科", "本科", "专科", "预科", "文科", "文理科", "工科", "医科", "控股", "入股", "参股", "持股",
                 "配股", "新股", "个股", "A股", "B股")
# Words that end like a bank (…行: 银行, 分行, 人行) and name none: the verbs of carrying out and going (市场运行 is a
# division's field, 市场运行和消费促进处 one division).
NOT_A_BANK = ("运行", "执行", "进行", "实行", "推行", "施行", "试行", "先行", "现行", "暂行", "履行", "践行", "奉行",
              "举行", "发行", "通行", "出行", "旅行", "步行", "航行", "飞行", "并行", "同行", "可行", "流行", "例行")
# Words a unit's name never begins with: a bracket or run that begins so is a note or prose (（含省属企业所属
# 景区）, （设在区发展改革委）, 对符合条件的…).
NOT_A_NAME_START = ("含", "包括", "不含", "包含", "如", "即", "其中", "设在", "以下", "下同", "为", "对", "在", "把",
                    "将", "向", "按", "由于", "根据", "按照", "通过", "其他", "其余")
# Words a name known by its ending alone, or by its place, never holds: with them the run is a clause that
# happens to end like a body's name (日常工作由市商务局, 办公室设在市商务局, 负责统筹的市商务局) or a duty in
# running text (各功能区要结合实际抓好落实, 各社区均需结合本社区实际: 要, 需, 须 are the modals of a duty); 自由 is a
# word of names (自由贸易试验区), 主要, 重要, 要素, 需求 are no modals; nor does a name hold how a duty is done
# (各省级农业农村部门按照职责分工抓好本地区…: 按照职责, 依职责, 抓好, 做好 open the predicate).
DUTY_MODAL = r"(?<![主重纲摘提])要(?![素点件])|须|需(?!求)|[均都皆]应"
# (按职责分工 run into a name by OCR's stray character, 国家安全部按职责分工人负责, is no name either)
DUTY_MANNER = r"(?:按照|按|依照|依|根据)(?:各自)?职责|[抓做]好"
CLAUSE_WORDS = re.compile(rf"(?<!自)由|设在|负责|牵头|的|{DUTY_MODAL}|{DUTY_MANNER}")
# Verbs that open a measure and never a name (成立工作专班, 开展…活动): a run that begins so is the measure's text.
MEASURE_VERBS = ("成立", "设立", "组建", "建立", "开展", "推进", "加强", "完善", "实施", "落实", "做好", "强化")
# A coordinating body named by the work it coordinates opens with that work's verb (推进使用正版软件工作部际联席会议
# 各成员单位, 推进京津冀协同发展工作领导小组办公室): a name, not a measure; a body set up (成立…领导小组) is a measure.
REMIT_BODY = re.compile(r"^(?:开展|推进|加强|完善|实施|落实|做好|强化).{2,}?工作(?:部际|省际|厅际)?"
                        r"(?:联席会议|领导小组|协调小组)")
# Collectives: a class of bodies named by a description (各省级人民政府, 有关区县, 各OPC社区), not one body. What
# stands before 有关/相关 qualifies the class (市直有关部门), save where a conjunction closes it:
# 区公安分局和相关街道办事处 is a unit and a collective.
COLLECTIVE = re.compile(
    r"^(?:(?:地方)?各级(?:人民)?政府|各.{1,16}|.{0,8}(?<![和及与])(?:有关|相关).{1,16}"
    r"|.{0,8}(?:试点|示范).{0,6}(?:政府|城市|地区))$")

# Table headers: the number column, the task columns (a unit column is a label: column_role). A task column is
# headed by a noun of measures (任务 措施 举措 事项 内容 工作 项目) with the words that qualify it in the genre
# (重点 主要 具体 工作 改革 任务 …: 重点任务, 具体举措, 主要工作内容, 任务举措), or names a task or project by its
# name (项目名称, 任务名称). A table's first task column names the task and the others describe it (项目名称 then
# 主要内容, 重点工作 then 工作内容). A qualifier that points elsewhere is no task column's (对应国家任务: a reference).
NUMBER_HEADERS = {"序号", "编号", "序"}
# 条款: a 扶持办法's clauses are its measures, each a row of its 责任分工表 (政策条款, 支持条款)
MEASURE_NOUNS = ("任务", "措施", "举措", "事项", "内容", "工作", "项目", "政策", "行动", "工程", "条款")
MEASURE_QUALIFIERS = ("重点", "主要", "具体", "工作", "改革", "政策", "任务", "重大", "核心", "关键", "配套",
                      "支持", "保障", "推进", "实施", "建设", "创新", "专项",
                      # what kind of list the rows are: a 督查清单's 督查事项, a 民生实事 list's 实事项目, a 政府工作
                      # 报告 breakdown's 目标任务, a 立法计划's 立法项目, a year's 年度任务, 攻坚任务, 考核事项
                      "督查", "督办", "实事", "民生", "目标", "立法", "年度", "攻坚", "考核",
                      # a rectification list's 整改任务, 整改措施, 整改事项
                      "整改")
# A rectification list (整改方案's 问题清单, 督察 / 巡视 / 审计 整改台账) is a list of the problems found, one a row,
# each the task its 整改责任单位 answers for: its problem column names the task (反馈问题, 存在问题, 问题描述, 问题).
PROBLEM_QUALIFIERS = ("反馈", "存在", "主要", "突出", "发现", "整改", "督察", "督查", "巡视", "巡察", "审计", "检查",
                      "具体",
                      # how the problems were found: 审计查出问题, 查摆问题 (a self-inspection's), 检视问题
                      "查出", "查摆", "检视")
# The things a plan lists by their names, one a row: a column of their names names the task (项目名称, 标准名称 of a
# 标准制修订计划, 法规名称 / 规章名称 of a 立法计划, 课题名称, 文件名称), with another kind of thing listed beside it
# in a bracket (a 包联 table's 项目（企业）名称: the firm served is the row's object); never a name of whoever does it
# (单位名称, 企业名称: a unit column's).
LISTED_THINGS = ("任务", "项目", "工作", "事项", "措施", "标准", "法规", "规章", "条例", "课题", "文件", "规划",
                 "计划", "政策", "工程", "行动", "指标")
# An indicator breakdown (主要指标分解表) lists the plan's targets, one a row, each the task its 牵头单位 or
# 第一责任单位 answers for: the indicator column names the task (指标, 主要指标, 指标名称); its target value
# (目标值, 2026年目标) describes it.
INDICATOR_QUALIFIERS = ("主要", "重点", "核心", "关键", "考核", "预期性", "约束性", "发展", "经济")
_TASK_HEADER = re.compile(
    rf"(?:{'|'.join(MEASURE_QUALIFIERS)}){{0,2}}(?:{'|'.join(MEASURE_NOUNS)})(?:及(?:{'|'.join(MEASURE_NOUNS)}))?"
    rf"|(?:{'|'.join(MEASURE_QUALIFIERS + MEASURE_NOUNS)})*(?:{'|'.join(MEASURE_NOUNS)})(?:名称|内容)"
    rf"|(?:{'|'.join(MEASURE_QUALIFIERS)})?(?:任务|目标|工作|措施|举措)分解"
    rf"|(?:{'|'.join(MEASURE_QUALIFIERS)})?(?:{'|'.join(LISTED_THINGS)})(?:[（(][\u4e00-\u9fff、/／]{{2,8}}[）)])?名称"
    rf"|(?:{'|'.join(PROBLEM_QUALIFIERS)}){{0,2}}问题(?:描述|内容|表现|清单)?"
    rf"|(?:{'|'.join(INDICATOR_QUALIFIERS)})?指标")
# A bare noun heads a task column only where it names measures alone (任务, 事项, 项目); 工作, 内容, 政策 need a
# qualifier (重点工作, 主要内容, 支持政策).
_BARE = ("工作", "内容", "政策", "行动", "工程")


def is_task_header(header: str) -> bool:
    """True for a table header that names the column of the tasks: 工作任务, 重点任务, 具体举措, 工作措施, 主要举措,
    任务举措, 工作内容, 改革事项, 项目名称, a rectification list's 反馈问题 / 审计查出问题, an indicator
    breakdown's 指标名称; not 对应国家任务, 工作目标, 完成时限, 目标值, 工作 alone."""
    name = re.sub(r"\s+", "", header)
    return name not in _BARE and _TASK_HEADER.fullmatch(name) is not None


TASK_HEADERS = {  # the headers the earlier sets printed, kept as examples (tests/test_grammar.py)
    "工作任务", "重点任务", "主要任务", "任务", "具体任务", "任务内容", "工作内容", "主要内容", "具体措施",
    "政策措施", "改革举措", "工作措施", "重点工作", "任务措施", "改革任务", "工作事项", "事项",
    "项目名称", "项目", "重点项目", "任务名称", "工作名称", "事项名称",
}
# What a task header may be joined to (项目名称及内容, 工作任务和措施, 重点任务与目标): the header of one column
# (a project's 建设内容: 项目名称及建设内容, 项目名称和建设规模)
_TASK_HEADER_PAIR = re.compile(r"(.+?)[及和与](?:主要|具体|建设)?(?:内容|措施|目标|要求|标准|进度|举措|规模)")


def task_header(name: str) -> bool:
    """True for a column header that names the task: a noun of measures with its qualifiers
    (:func:`is_task_header`: 工作任务, 重点任务, 具体举措 …), or one joined to what describes it (项目名称及内容,
    工作任务和措施, 重点任务与目标)."""
    pair = _TASK_HEADER_PAIR.fullmatch(re.sub(r"\s+", "", name))
    return is_task_header(name) or (pair is not None and is_task_header(pair.group(1)))


def column_role(header: str) -> str | None:
    """The role a table column's header gives its units (牵头单位 → lead, 配合部门 → cooperating, 责任司局 →
    responsible), or None for a column that holds no units (完成时限, 备注)."""
    name = re.sub(r"\s+", "", header)
    # the header may carry the table's lead rule in a bracket (责任单位（带*为牵头单位）): the rule holds for the
    # table as a note's does, and the column is named by what stands before it
    noted = re.fullmatch(r"(.+?)[（(](.+)[）)]", name)
    if noted is not None and (rule := LEAD_RULE.match(noted.group(2))) and rule_extent(noted.group(2), rule) == len(
            noted.group(2)):
        name = noted.group(1)
    found = _COLUMN.fullmatch(name)
    if found is not None:
        return LABEL_ROLES[found.group(1)]
    if name in DIVISION_HEADERS:
        return RESPONSIBLE
    return LABEL_ROLES.get(name) if name in ("牵头",) else None


# Role words whose column names a task's units only beside a column of units that answer for it: a 重点项目计划's
# 服务单位 serve the project its 责任单位 push on, but a 服务单位 column alone (a 购买服务 list's: the provider of
# each service) names no division of the work.
SERVING = ("服务",)


def serving_column(header: str) -> bool:
    """True for a unit column headed by a role word of :data:`SERVING` (服务单位, 服务部门)."""
    found = _COLUMN.fullmatch(re.sub(r"\s+", "", header))
    return found is not None and found.group(1) in SERVING


# A column headed by the division of the work itself (责任分工, 职责分工, 分工): its cells say who does it, mostly
# with their own role words (A牵头，B配合); a bare list in it is a responsible list.
DIVISION_HEADERS = ("责任分工", "职责分工", "工作分工", "分工")


_COLUMN = re.compile(rf"{LABEL_QUALIFIER}?({'|'.join(sorted(LABEL_ROLES, key=len, reverse=True))}){LABEL_NOUN}")


def rule_extent(text: str, match: re.Match[str]) -> int:
    """Where a lead rule found by :data:`LEAD_RULE` ends, its sequel (其余为…, 下同) included."""
    end = match.end()
    while tail := RULE_TAIL.match(text, end):
        end = tail.end()
    return end


def unmarked_leads(rule: str) -> bool:
    """True where a lead rule says that a list printing no lead names leads only: 未标明牵头的，所列单位均为
    牵头单位 (or 均为责任单位: each answers for the task), so every unit of a bare list leads, not the first."""
    return any(m.group(2) is not None for m in RULE_TAIL.finditer(rule))


def rest_role(rule: str) -> str:
    """The role a lead rule gives the units after the lead: 其余为配合单位 → cooperating; participant otherwise."""
    word = next((m.group(1) for m in RULE_TAIL.finditer(rule) if m.group(1) is not None), None)
    return LABEL_ROLES.get(word, "participant") if word not in (None, "责任") else "participant"


# What ends a Chinese numeral's label (一、 二．), and what OCR of a scan reads its 、 as: a comma not before a digit,
# a backtick or an apostrophe before Chinese text (一,  三`  二' 强化…).
CJK_LABEL_STOP = r"(?:[、.．`]|,(?!\d)|'(?=\s*[\u4e00-\u9fff]))"
# Numbering labels at the start of a paragraph, each form with its value's group.
NUMBERING = (
    ("chapter", re.compile(r"第([一二三四五六七八九十百零〇两\d]{1,5})章")),
    ("part", re.compile(r"第([一二三四五六七八九十百零〇两\d]{1,5})(?:部分|节)")),
    ("article", re.compile(r"第([一二三四五六七八九十百零〇两\d]{1,5})条")),
    # (a lone 一 before the 、 that OCR of a scan reads as a dash: —、 -、)
    ("cjk", re.compile(rf"([一二三四五六七八九十百零〇两]{{1,5}}|[—-](?=\s*[、`,]))\s*{CJK_LABEL_STOP}")),
    # (OCR of a scan reads a label apart from its line and may drop its opening bracket: 二） 盘活…)
    ("cjk-bracket", re.compile(r"(?:[（(]\s*)?([一二三四五六七八九十百零〇两]{1,5})\s*[）)]")),
    # Not before a digit (3.5亿元 is a number, 1.2.3 no label of this form), save a year's four (3.2019年在…开展,
    # 7.2019—2020年…): a decimal never runs on so into 年. OCR of a scan reads a 1 as the letter l (l.督促…): a
    # Latin l, a full stop and Chinese text open no paragraph else (the outline takes it only to open a series).
    ("arabic", re.compile(r"(\d{1,3}|l(?=\s*[.．]\s*[\u4e00-\u9fff]))\s*[.．、`]"
                          r"(?!(?!\d{4}\s*(?:[—–\-~～至到]\s*\d{2,4}\s*)?年)\d)")),
    ("arabic-bracket", re.compile(r"[（(]\s*(\d{1,3})\s*[）)]")),
    ("arabic-half-bracket", re.compile(r"(\d{1,3})\s*[)）]")),
    ("circled", re.compile(r"([①-⑳])")),
    ("cjk-paren-char", re.compile(r"([㈠-㈩])")),
    # The enumerators a word processor's numbering leaves in text it exports: ⑴ (U+2474…, a bracketed Arabic
    # number as one character) and ⒈ (U+2488…, an Arabic number with its full stop).
    ("arabic-paren-char", re.compile(r"([⑴-⒇])")),
    ("arabic-stop-char", re.compile(r"([⒈-⒛])")),
)
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def numeral_value(text: str) -> int | None:
    """The value of a printed number: ``十三`` → 13, ``二十`` → 20, ``一百零五`` → 105, ``12`` → 12, ``１２`` → 12,
    ``③`` → 3."""
    if len(text) == 1 and "①" <= text <= "⑳":
        return ord(text) - ord("①") + 1
    if len(text) == 1 and "㈠" <= text <= "㈩":
        return ord(text) - ord("㈠") + 1
    if len(text) == 1 and "⑴" <= text <= "⒇":
        return ord(text) - ord("⑴") + 1
    if len(text) == 1 and "⒈" <= text <= "⒛":
        return ord(text) - ord("⒈") + 1
    if text in ("—", "-"):  # 一 as OCR reads it before a label's 、 (—、 -、): the label's pattern admits it only there
        return 1
    if text == "l":  # 1 as OCR reads it in a label (l.): the label's pattern admits it only there
        return 1
    if text.isdecimal():  # ASCII or full-width (１３ is 13, as PDF text and full-width typesetting print it)
        return int(text)
    total, digit = 0, 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char == "十":
            total += (digit or 1) * 10
            digit = 0
        elif char == "百":
            total += (digit or 1) * 100
            digit = 0
        else:
            return None
    return total + digit or None
