"""Read one responsibility statement: who is named, in which role, whether the list is open, and by which rule.

A statement is a span of the source (a bracket's content, a line after 责任单位：, a table cell). The lexer
(:mod:`fengong.readers.lexer`) turns it into the kinds of word of :mod:`fengong.readers.vocabulary`; the grammar
(``responsibility.lark``, parsed by lark's LALR parser) says which sequences of them state responsibility; the
interpretation below settles the roles and checks each name with the lexicon. Every unit keeps its place in the
raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError
from lark.lexer import Lexer

from fengong.readers import lexer
from fengong.readers import vocabulary as v
from fengong.readers.lexicon import Lexicon
from fengong.records import Span


@dataclass(frozen=True)
class Unit:
    """A unit named in a statement: its name as printed, where, its role, and how it was recognised."""

    name: str
    span: Span
    role: str  # a role key, or vocabulary.RESPONSIBLE until the lead is settled
    recognised: str  # gazetteer | collective | suffix | label (accepted because a label introduced it)
    marked: bool = False  # printed with a mark (*A)
    carried: bool = False  # named by a standing statement, carried to later tasks


@dataclass
class Statement:
    """What one statement says."""

    span: Span
    units: list[Unit] = field(default_factory=list)
    carry: list[Unit] = field(default_factory=list)
    open: bool = False
    rule: Span | None = None  # the document's lead rule, where this statement states it
    reading: str = ""  # the grammar rules that read it, in order: "labelled+listed"
    labelled: bool = False
    topic: str | None = None  # the kind of topic before 由 (pointed: 此项工作; work: 具体工作), where one stands
    same: list[str] = field(default_factory=list)  # roles whose field reads 同上: the units of the block above
    nobody: bool = False  # a field that names nobody (协办部门：无)
    reach: tuple[bool, bool, int | None] = (False, False, None)  # what the topic covers (vocabulary.topic_reach)
    part: bool = False  # the topic names the part of the plan it stands in (本部分任务): every measure of it
    group: list[str] = field(default_factory=list)  # the task-force labels of its parts (组长, 副组长, 成员)

    @property
    def heads_a_group(self) -> bool:
        """True where a 组长单位 opens one of its parts: a task force's block, which 副组长单位 and 成员单位
        lines after it go on."""
        return any(word in v.GROUP_HEADS for word in self.group)

    @property
    def group_members_only(self) -> bool:
        """True for 副组长单位 / 成员单位 fields with no 组长单位: a body's membership, unless they go on a block."""
        return bool(self.group) and not self.heads_a_group

    @property
    def names_units(self) -> bool:
        return bool(self.units or self.carry)


@cache
def _parser() -> Lark:
    grammar = (Path(__file__).parent / "responsibility.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer=_TokenLexer)


class _TokenLexer(Lexer):
    """Lark's lexer slot, fed with the tokens :func:`lex` made (lark's custom-lexer pattern)."""

    def __init__(self, lexer_conf):  # noqa: D107 - lark passes its configuration
        pass

    def lex(self, data, *args):
        yield from data


def read_statement(raw: str, start: int, end: int, line: int, lexicon: Lexicon,
                   label_role: str | None = None, lists: bool = False) -> Statement | None:
    """The statement ``raw[start:end]``, or None when it does not state responsibility (a bracket of prose).

    ``label_role`` reads the span as if a label of that role opened it: a table column's header. ``lists``
    accepts a bare list of names that only end like bodies' (（规划计划司、财务司）) where the document's lead rule
    says its lists are lists of units; otherwise a bare list needs a name the gazetteer knows.
    """
    found = lexer.tokens(raw, start, end, lexicon)
    if not found:
        return None
    # A cell that opens with labels of its own (牵头：A；配合：B、C under a 责任单位 column) states its roles itself:
    # the column's header gives it none.
    own_label = found[0].type == "LABEL"
    labelled = ([lexer.token("LABEL", label_role, start, start), *found] if label_role is not None and not own_label
                else found)
    try:
        tree = _parser().parse(labelled)
    except LarkError:
        if label_role is None:
            return None
        # A cell under a unit column that states its roles itself, as a closing sentence of prose does
        # (由A牵头，B配合 / 此项工作由A牵头，B配合): read as it stands; the column gives no role then.
        statement = read_statement(raw, start, end, line, lexicon, lists=lists)
        return statement if statement is not None and _STATES_ROLES.search(statement.reading) else None
    parts = [p for p in _Parts().transform(tree).children if isinstance(p, _Part)]  # separators dropped
    statement = _interpret(parts, Span(start, end, line), line, lexicon, lists)
    if statement is not None:
        statement.group = lexer.group_labels(raw, start, end)
    if statement is not None and statement.topic == "pointed":
        topic = next(t for t in found if t.type == "TOPIC")
        statement.reach = v.topic_reach(raw[topic.start_pos : topic.end_pos])
        statement.part = v.PART_TOPIC.match(raw, topic.start_pos, topic.end_pos) is not None
    return statement


_STATES_ROLES = re.compile(r"^(?:verbal|led_with|topical)\b")


def read_division(raw: str, start: int, end: int, line: int, lexicon: Lexicon) -> Statement | None:
    """A bracket that divides the measure between bodies, each clause one body's part of it: ``（A负责政策评估，B负责
    组织企业座谈）``, ``（城镇燃气由A负责，工业燃气由B负责）``. Each body answers for its part: every unit leads, as
    ``A、B分别负责`` says. Two clauses or more, each units, 负责 and the part (or the part, 由, units and 负责), and
    nothing else; None otherwise. Only a bracket of its own is read so: in running text the same sentence is a
    duty (the measure's bracket says who answers)."""
    clauses, depth, at = [], 0, start
    for i in range(start, end + 1):
        if i < end and raw[i] in v.OPENERS:
            depth += 1
        elif i < end and raw[i] in v.OPENERS.values():
            depth = max(0, depth - 1)
        elif i == end or (depth == 0 and raw[i] in "，,；;"):
            clauses.append((at, i))
            at = i + 1
    if len(clauses) < 2:
        return None
    statement = Statement(Span(start, end, line), reading="divided")
    for a, b in clauses:
        clause = raw[a:b]
        if lexer.topic_at(raw, a, b) is not None:
            return None  # 此项工作由A负责: a statement of the whole measure, read by the grammar or not at all
        if (m := _DIVIDED_BY.match(clause)) is not None:  # 城镇燃气由A负责
            sub = read_statement(raw, a + m.start(2), a + m.end(2), line, lexicon)
        elif (m := _DIVIDED_OWN.match(clause)) is not None:  # A负责政策评估
            sub = read_statement(raw, a + m.start(1), a + m.end(1), line, lexicon)
        else:
            return None
        if sub is None or sub.reading != "verbal" or not sub.units or any(u.role != v.RESPONSIBLE for u in sub.units):
            return None
        statement.units.extend(_with_role(u, "lead") for u in sub.units)
    return statement


# 城镇燃气由市城管局负责: the part (a noun phrase: no verb of its own), 由, units, 负责. A负责政策评估: units, 负责, the
# part (an object of two to twelve characters, no punctuation nor a second 负责 in it).
_DIVIDED_BY = re.compile(r"^([\u4e00-\u9fff]{2,12}?)(由[^，,；;。由]{2,40}?负责)$")
_DIVIDED_OWN = re.compile(r"^([^，,；;。由]{2,40}?负责)(?!落实|抓好)([\u4e00-\u9fff“”]{2,14})$")


# ---------------------------------------------------------------- interpretation


@dataclass
class _Part:
    kind: str
    role: str | None  # the role the label or verb gives; None for a listed part
    units: list[tuple[Token, bool, str]]  # (NAME token, marked, role) — role settled below
    open: bool = False
    span: tuple[int, int] | None = None  # a rule's or slot's place
    labelled_by: str | None = None  # the role of the label that introduced these units
    topic: str | None = None  # the kind of topic before 由 (vocabulary.TOPIC_POINTED, TOPIC_WORK)


class _Parts(Transformer):
    """The parse tree → one :class:`_Part` per part of the statement."""

    def unit(self, children):
        name = next(c for c in children if c.type == "NAME")
        stated = next((c.value for c in children if c.type == "ROLE_NOTE"), None)
        return name, any(c.type == "MARK" for c in children), stated

    def open(self, children):
        return ("open", [c for c in children if isinstance(c, tuple)])

    def units(self, children):
        found, is_open = [], False
        chain = 0  # the units before this one joined to it by 和 / 及 (市公安局和市住建局（牵头）)
        for child in children:
            if isinstance(child, Token):
                chain = chain + 1 if child.type == "AND" else 0
            elif isinstance(child, tuple) and child and child[0] == "open":
                is_open = True
                found.extend(child[1])
            elif isinstance(child, tuple):
                name, marked, stated = child
                if stated and stated.endswith("*"):
                    stated = stated[:-1]
                    found = [(n, m, stated) for n, m, _ in found]
                elif stated:
                    # 和 joins tighter than 、: a note after units joined by 和 is the pair's (A和B（牵头）、C: both
                    # lead), even inside a list
                    for k in range(len(found) - chain, len(found)):
                        if found[k][2] is None:
                            found[k] = (found[k][0], found[k][1], stated)
                found.append((name, marked, stated))
        return _group_tagged(found), is_open

    def labelled(self, children):
        label, (units, is_open) = children[:2]
        role = _verb_role(children[2]) if len(children) > 2 else label.value  # 责任单位：A牵头，B配合
        return _Part("labelled", role, _roles(units, role), is_open)

    def labelled_with(self, children):
        """责任单位：A会同B (a cell of that column reads so): the first answers as the label says, the others
        joined to it, as in 由A会同B负责."""
        label, first, with_, second = children[:4]
        verb = children[4] if len(children) > 4 else Token("VERB", label.value)
        part = self.led_with([first, with_, second, verb])
        return _Part("labelled", part.role, part.units, part.open)

    def verbal(self, children, by: bool = False):
        by = by or any(isinstance(c, Token) and c.type == "BY" for c in children)
        (units, is_open), verb = [c for c in children if not (isinstance(c, Token) and c.type == "BY")]
        role = _verb_role(verb, by)
        return _Part("verbal", role, _roles(units, role), is_open)

    def led_with(self, children, by: bool = False, topical: bool = False):
        by = by or any(isinstance(c, Token) and c.type == "BY" for c in children)
        (first, open1), _, (second, open2), verb = [c for c in children
                                                    if not (isinstance(c, Token) and c.type == "BY")]
        role = _verb_role(verb, by, joined=True)
        if topical and role == "implementing":
            # 以上保障措施由A会同B组织实施: the measures given to A, B joined to it (as 由A会同B负责); without the
            # topic (考核由A会同B组织实施) it is a task handed over inside the measure, no statement
            role = v.RESPONSIBLE
        joined = "participant" if role in (v.RESPONSIBLE, "lead") else role
        leading = v.RESPONSIBLE if role in (v.RESPONSIBLE, "lead") else role
        return _Part("led_with", role, _roles(first, leading) + _roles(second, joined), open1 or open2)

    def joined(self, children):
        _, (units, is_open), verb = children
        role = _verb_role(verb, joined=True)
        role = "participant" if role in (v.RESPONSIBLE, "lead") else role
        return _Part("joined", role, _roles(units, role), is_open)

    def topical(self, children):
        """此项工作由A牵头 / 上述任务由A会同B负责: the roles as in 由A牵头 / 由A会同B负责; the topic is kept."""
        topic = children[0]
        rest = [c for c in children[1:] if not (isinstance(c, Token) and c.type == "BY")]
        part = self.led_with(rest, by=True, topical=True) if len(rest) == 4 else self.verbal(rest, by=True)
        return _Part("topical", part.role, part.units, part.open, topic=topic.value)

    def scoped(self, children):
        """本部分任务主责单位为A / 以上任务的牵头单位：A: the label's roles; the topic is kept."""
        part = self.labelled(children[1:])
        return _Part("scoped", part.role, part.units, part.open, topic=children[0].value)

    def carried(self, children):
        _, (units, is_open), verb = children
        return _Part("carried", _verb_role(verb), _roles(units, _verb_role(verb)), is_open)

    def rule(self, children):
        return _Part("rule", None, [], span=(children[0].start_pos, children[0].end_pos))

    def slot(self, children):
        return _Part("slot", None, [])

    def nobody(self, children):
        return _Part("nobody", children[0].value, [])

    def same(self, children):
        return _Part("same", children[0].value, [])

    def filler(self, children):
        return _Part("filler", None, [])

    def listed(self, children):
        units, is_open = children[0]
        return _Part("listed", None, _roles(units, ""), is_open)


def _verb_role(verb: Token, by: bool = False, joined: bool = False) -> str:
    """The role a verb gives its units. 负责落实 (vocabulary.ANSWERING) gives the measure to them where 由 names them
    (由A负责落实, 此项工作由A、B负责落实: a responsible list, as 由A负责 is); without 由 it is the implementing
    units' verb beside a body that answers (A负责，各地区负责落实). 分别负责 (vocabulary.SEVERALLY) likewise: a
    responsible list after 由, each unit leading its part without it."""
    if verb.value == v.ANSWERING:
        return v.RESPONSIBLE if by else "implementing"
    if verb.value == v.SEVERALLY:  # 由A、B分别负责: a responsible list; A、B分别负责: each leads its part
        return v.RESPONSIBLE if by else "lead"
    if verb.value == v.SEEING_TO and (by or joined):
        return v.RESPONSIBLE  # 由A抓好落实, A会同B抓好落实: the measure given to them
    return verb.value


def _group_tagged(found: list[tuple[Token, bool, str | None]]) -> list[tuple[Token, bool, str | None]]:
    """A role note closing a group of units is the whole group's (科技司（牵头），综合规划司、法制司（配合）: both
    cooperate; 综合规划司、运输服务司（牵头）: both lead): the untagged units before the last one, back to the
    previous tagged unit, take its role. A note inside the list (市财政局、市人社局（牵头）、团市委) is its unit's."""
    if len(found) < 2 or found[-1][2] is None:
        return found
    role = found[-1][2]
    out = list(found)
    k = len(out) - 2
    while k >= 0 and out[k][2] is None:
        out[k] = (out[k][0], out[k][1], role)
        k -= 1
    return out


def _roles(units: list[tuple[Token, bool, str | None]], role: str) -> list[tuple[Token, bool, str]]:
    """The units with the role of their part, unless a bracket after a unit states its own (A（牵头））."""
    return [(name, marked, stated or role) for name, marked, stated in units]


def _interpret(parts: list[_Part], span: Span, line: int, lexicon: Lexicon, lists: bool) -> Statement | None:
    """Roles for listed parts, unit names checked, the lead settled; None when a part is not about units."""
    if any(p.kind == "topical" for p in parts[1:]):
        return None  # a topic opens its statement (此项工作由A牵头): what stands before it is the measure's text
    _settle_listed(parts)
    statement = Statement(span, reading="+".join(p.kind for p in parts if p.kind not in ("slot", "filler")))
    statement.same = [p.role for p in parts if p.kind == "same"]
    statement.nobody = any(p.kind == "nobody" for p in parts)
    statement.labelled = any(p.kind in ("labelled", "scoped") for p in parts)
    statement.topic = next((p.topic for p in parts if p.topic is not None), None)
    bare = all(p.kind in ("listed", "slot", "filler") for p in parts)
    known = {token.value: lexicon.recognise(token.value) for part in parts for token, _, _ in part.units}
    # a bare 抓好落实 beside a stated lead carries it out; with no lead stated its units answer for the measure
    seeing_to = "implementing" if any(role == "lead" for part in parts for _, _, role in part.units) else v.RESPONSIBLE
    anchored = any(known.values())  # some name is a unit by itself: the others stand beside it
    for part in parts:
        if part.kind == "rule" and part.span is not None:
            statement.rule = Span(part.span[0], part.span[1], line)
        statement.open = statement.open or part.open
        for token, marked, role in part.units:
            recognised = known[token.value]
            if (recognised is None and part.labelled_by is not None and not _BY_INSIDE.search(token.value)
                    and len(token.value) > 1):  # no body's name is one character: 限 / 委 are a wrapped cell's pieces
                recognised = "label"  # but not 所需资金由市财政局, 日常工作由市民政局: a clause about something else
            elif (recognised is None and anchored and part.kind in _VERBAL and _PLAIN_NAME.match(token.value)
                  and not v.CLAUSE_WORDS.search(token.value) and not any(w in token.value for w in v.MEASURE_VERBS)):
                # 农业部指导，畜禽规模养殖场负责落实: named in a unit's place, with a role verb; not a measure's
                # words (由公安部会同有关部门加强安全监管指导: 有关部门 and what it is to do)
                recognised = "context"
            if recognised is None or (bare and not lists and "gazetteer" not in known.values()):
                return None  # prose in a bracket, or a bare list of names none of which the gazetteer knows
            role = seeing_to if role == v.SEEING_TO else role
            unit = Unit(token.value, Span(token.start_pos, token.end_pos, line), role, recognised, marked,
                        carried=part.kind == "carried")
            (statement.carry if part.kind == "carried" else statement.units).append(unit)
    if not statement.names_units and statement.rule is None and not statement.same and not statement.nobody:
        return None
    return statement


_BY_INSIDE = re.compile(r"(?<!自)由")  # 由 inside a run makes it a clause (自由贸易试验区 is a name)
_VERBAL = ("verbal", "led_with", "joined", "carried", "topical")
_PLAIN_NAME = re.compile(r"^[\u4e00-\u9fffA-Za-z（）()〔〕]{2,20}$")


def _settle_listed(parts: list[_Part]) -> None:
    """A listed part takes the role of the label before it (责任单位：A，B) or of the verb after it (A，B负责), save
    a 落实 right after it, whose units carry out what the list answers for (A、B，C落实)."""
    label: _Part | None = None
    for i, part in enumerate(parts):
        if part.kind in ("labelled", "scoped"):
            label = part
            part.labelled_by = part.role
        elif part.kind in (*_VERBAL, "rule"):
            label = None
        elif part.kind == "listed":
            if label is not None:
                role, part.labelled_by = label.role, label.role
            else:
                after = next((p for p in parts[i + 1:] if p.kind in ("verbal", "led_with", "topical", "labelled",
                                                                     "scoped")),
                             None)
                role = after.units[0][2] if after is not None and after.units else v.RESPONSIBLE
                if (role == "implementing" and after is parts[i + 1] and after.kind == "verbal"
                        and all(v.COLLECTIVE.match(name.value) for name, _, _ in after.units)):
                    # A、B，各省级人民政府落实: the genre's A、B负责，各地落实 with 负责 left out — the places
                    # that carry the measure out (a collective) are named apart from the bodies that answer for it
                    role = v.RESPONSIBLE
            part.role = role
            part.units = [(n, m, r or role) for n, m, r in part.units]


def settle_roles(units: list[Unit], rest: str = "participant",
                 unmarked_lead: bool = False) -> tuple[list[Unit], str | None]:
    """The lead of a statement's units, and how it was settled (``stated``, ``marked``, ``listed-first``,
    ``rule``).

    A unit that handles the task (承办) carries it out beside a stated lead, and answers for it otherwise. A unit
    stated as lead (牵头) leads, with any others stated so (co-leads); the units of a responsible list
    then take the ``rest`` role (participant, or what the document's rule says: 其余为配合单位). Otherwise the
    marked units lead (*A); otherwise, where the document's rule says that a list printing no lead names leads
    only (``unmarked_lead``: 未标明牵头的，所列单位均为牵头单位), every unit of the responsible list leads;
    otherwise its first unit, by the document's rule or the convention (the caller knows which). Returns None
    as basis where nobody leads.
    """
    if any(u.role == v.HANDLER for u in units):  # 承办: implementing beside a stated lead, else answers for it
        handles = "implementing" if any(u.role == "lead" for u in units) else v.RESPONSIBLE
        units = [_with_role(u, handles) if u.role == v.HANDLER else u for u in units]
    if any(u.role == "lead" for u in units):
        return [_with_role(u, rest) if u.role == v.RESPONSIBLE else u for u in units], "stated"
    responsible = [u for u in units if u.role == v.RESPONSIBLE]
    if not responsible:
        return units, None
    marked = [u for u in responsible if u.marked]
    leads = marked or (responsible if unmarked_lead else responsible[:1])
    settled = [_with_role(u, "lead" if any(u is lead for lead in leads) else rest) if u.role == v.RESPONSIBLE else u
               for u in units]
    return settled, "marked" if marked else "rule" if unmarked_lead else "listed-first"


def _with_role(unit: Unit, role: str) -> Unit:
    return Unit(unit.name, unit.span, role, unit.recognised, unit.marked, unit.carried)


def standing_units(raw: str, body: int, end: int, line: int, lexicon: Lexicon) -> list[Unit]:
    """The units a standing statement in running text gives every later task (or, in a table's note, every row),
    as implementing units (cooperating where they help: ``均需各社区配合落实``): the subject of
    ``各市（州）人民政府、贵安新区管委会负责本辖区内各项任务的组织落实，以下不再列出``, of
    ``以下各项措施，均需东兴市人民政府、防城区人民政府结合实际抓好落实，不再逐项列出`` or of a
    note's ``2.各省级人民政府负责本地区各项任务的组织落实，表中不再一一列出`` (its enumerator aside)."""
    from fengong.readers.outline import past_inline_label

    mark = v.NOT_LISTED.search(raw, body, end)
    sentence = body
    for i in range(body, mark.start() if mark is not None else end):
        if raw[i] in "。；;！!：:":  # …通知如下。各项工作均需地方各级人民政府负责落实，以下不再一一列出
            sentence = i + 1
    while sentence < end and raw[sentence].isspace():
        sentence += 1
    sentence = past_inline_label(raw, sentence, end)
    if v.ONE_MEASURE.search(raw, sentence, mark.start() if mark is not None else end):
        return []
    lead_in = v.CARRY.search(raw, body, end) or v.CARRY_SCOPE.match(raw, sentence, end)
    start = lead_in.end() if lead_in is not None else sentence
    # the verb of a predicate, not of a clause naming what they do (各街道办事处负责的任务，表中不一一列出)
    verb = re.compile(r"(?:负责|落实|组织实施)++(?!的)").search(raw, start, end)
    if verb is None:
        return []
    units = lexer.subject_units(raw, start, verb.start(), lexicon)
    # 均需各社区配合落实: units that help carry out the tasks others lead are cooperating, not implementing
    helps = bool(units) and re.search(r"配合|协助|协同", raw[units[-1][2] : verb.start()]) is not None
    return [Unit(name, Span(s, e, line), "cooperating" if helps else "implementing", recognised, carried=True)
            for name, s, e, recognised in units]
