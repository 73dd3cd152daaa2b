"""The lexer of responsibility statements: characters → the kinds of word the grammar is written over.

It is the only place that looks at characters. A unit name is a run of text between separators, with the
genre's words (:mod:`fengong.readers.vocabulary`) peeled off its ends — a verb, a modifier, an open marker — and
split where 会同 or a conjunction joins two units; a bracket is part of the name before it, the role of that unit,
or a note. Whether a run is a unit name is the lexicon's call (:mod:`fengong.readers.lexicon`). Every token keeps
its place in the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token

from fengong.readers import vocabulary as v
from fengong.readers.lexicon import MAX_NAME, Lexicon
from fengong.textrepair import normalise

_VERBS_OF_STATEMENTS = ("牵头", "负责", "参与", "配合", "指导", "落实")
_ROLE_WORDS = "|".join(sorted(v.LABEL_ROLES, key=len, reverse=True))
_NOUNS = v.LABEL_NOUN
# 责任单位：  牵头部门:  主要责任单位：  整改责任单位：  【牵头单位】  [责任单位]：  组长单位： 副组长单位： 成员单位：
# (a label broken by a line end: （责任 / 单位：A）)
_GROUP_WORDS = "|".join(sorted(v.GROUP_LABEL_ROLES, key=len, reverse=True))
_LABEL = re.compile(rf"{v.LABEL_QUALIFIER}?({_ROLE_WORDS})(?:\s*{_NOUNS})?\s*[：:]"
                    rf"|[【\[［]{v.LABEL_QUALIFIER}?({_ROLE_WORDS})(?:{_NOUNS})?[】\]］]\s*[：:]?"
                    rf"|({_GROUP_WORDS})(?:{'|'.join(v.GROUP_LABEL_NOUNS)})\s*[：:]")
# A label may give its units by 为 / 是 instead of a colon, its noun printed (主责单位为A，协同单位为B、C; 牵头单位是A),
# in a statement a topic naming the measures opens (本部分任务主责单位为A，协同单位为B): without it the label's 为 is
# running text as often (起草单位为两个以上的，…; 牵头单位为两个的，两个单位共同牵头). Not 是指 (a definition), a count
# or a role word after it (配合单位为牵头单位提供支持: a duty).
_LABEL_IS = re.compile(rf"{v.LABEL_QUALIFIER}?({_ROLE_WORDS})\s*{_NOUNS}\s*(?:为|是(?![指否]))"
                       rf"(?!\s*(?:{_ROLE_WORDS}|[\d一二两三四五六七八九十多几]+[个家]))")
_GROUP_LABEL = re.compile(rf"(?<![\u4e00-\u9fff])({_GROUP_WORDS})(?:{'|'.join(v.GROUP_LABEL_NOUNS)})\s*[：:]")
_LOOKS_LIKE = re.compile(rf"(?:{_ROLE_WORDS})(?:{_NOUNS})\s*[：:]|(?:{'|'.join(_VERBS_OF_STATEMENTS)})$")
_SLOT = re.compile(r"[^\s，,；;。、：:（）()〈〉*＊]{1,12}\s*[：:]")
# A time field, the one a statement's bracket closes with, which a fixed-width wrap may cut anywhere (完成时 / 限：);
# any other field is not read across a wrap (A / 牵头单位： is a unit, then a label)
_TIME_SLOT = re.compile(r"(?:完成|办结)?(?:时限|时间|期限|时间节点)(?:要求)?\s*[：:]")
# What a label's field says where it names nobody (无, 暂无) or repeats the field above (同上).
_NO_NAME = re.compile(r"(无|暂无|同上)\s*(?=$|[，,；;。\s])")
_FILLER = re.compile(rf"下同|{v.NOT_LISTED.pattern}")
_VERBS = sorted(v.VERBS, key=len, reverse=True)
_HARD = (set(v.SEPARATOR + v.OCR_SEPARATORS + v.COMMAS + v.SEMICOLONS + v.FULL_STOPS + v.MARKS + v.FOOTNOTE_CHARS)
         | set(v.OPENERS))
_LINE_BREAK_TAG = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_WRAP = re.compile(r"[ \t]*\n\s*")  # a line break where a fixed-width rendering wrapped the text, and the indent
# …and the space between the characters of a letter-spaced label (牵 头 单 位：, as a PDF viewer copies it)
_GAP = re.compile(rf"{_WRAP.pattern}|(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff])")
_LABEL_REACH = 16  # characters a label takes at most, its wraps included
_TOPIC_REACH = 24  # characters a topic before 由 takes at most (以上各项保障措施均由), its wraps not counted



def opens_with_label(raw: str, start: int, end: int) -> bool:
    """True when ``raw[start:end]`` begins with a role label (责任单位：, 【牵头单位】), or with a topic naming the
    measures it is about before one (本部分任务主责单位为A): a statement of its own."""
    return _label_at(raw, start, end) is not None or (
        (topic := topic_at(raw, start, end)) is not None and _label_at(raw, topic[1], end, said=True) is not None)


def _label_at(raw: str, i: int, end: int, said: bool = False) -> tuple[re.Match[str], int] | None:
    """The role label at ``i`` and where it ends in ``raw``, read across the line breaks of a text wrapped at a
    fixed width, which fall anywhere inside a word (（责 / 任单位：, 牵头单 / 位：), and across letter-spacing
    (牵 头 单 位：); None where none begins. ``said``: a label giving its units by 为 too (牵头单位为A)."""
    for pattern in (_LABEL, _LABEL_IS) if said else (_LABEL,):
        if (found := _label_spaced(raw, i, end, pattern)) is not None:
            return found
    return None


def _label_spaced(raw: str, i: int, end: int, pattern: re.Pattern[str]) -> tuple[re.Match[str], int] | None:
    found = pattern.match(raw, i, end)
    if found is not None:
        return found, found.end()
    stop = min(end, i + _LABEL_REACH)
    wrap = _WRAP.search(raw, i, end)
    if wrap is not None and wrap.start() < stop:  # a wrap's padding and blank lines (a character grid's) take no reach
        stop = min(end, stop + wrap.end() - wrap.start())
    window = raw[i:stop]
    gaps = [w.span() for w in _GAP.finditer(window)]
    if not gaps:
        return None
    kept = [k for k in range(len(window)) if not any(a <= k < b for a, b in gaps)]
    found = pattern.match("".join(window[k] for k in kept))
    return (found, i + kept[found.end() - 1] + 1) if found is not None else None


def group_labels(raw: str, start: int, end: int) -> list[str]:
    """The task-force labels (组长单位, 副组长单位, 成员单位: the words of :data:`vocabulary.GROUP_LABEL_ROLES`) that
    open parts of ``raw[start:end]``, in order."""
    found, i = [], start
    while (m := _GROUP_LABEL.search(raw, i, end)) is not None:
        found.append(m.group(1))
        i = m.end()
    return found


def looks_like_statement(text: str) -> bool:
    """True for text that states responsibility in form (a role label, or a role verb at its end) — used to
    count the statements a reader saw but could not read."""
    return _LOOKS_LIKE.search(text) is not None


def tokens(raw: str, start: int, end: int, lexicon: Lexicon) -> list[Token]:
    """The tokens of the statement ``raw[start:end]`` (see :func:`lex`), collectives with separators inside
    them joined into one name."""
    return _joined_levels(raw, lex(raw, start, end, lexicon), lexicon)


def lex(raw: str, start: int, end: int, lexicon: Lexicon) -> list[Token]:
    """The tokens of ``raw[start:end]``: the genre's words, separators, brackets and unit-name runs."""
    out: list[Token] = []
    i = start
    wrapped = -1  # where the name goes on after a cell's line-break tag read as a wrap
    while i < end:
        char = raw[i]
        at_part = not out or out[-1].type in ("COMMA", "SEMI", "STOP", "LABEL", "TOPIC")
        if char.isspace():
            space = i
            i += 1
            while i < end and raw[i].isspace():
                i += 1
            if out and not at_part and _field_at(raw, i, end):
                # 牵头单位：A　　配合单位：B　　完成时限：2021年6月底前 — fields side by side, spaces between them
                out.append(token("SEMI", "", i, i))
            elif out and out[-1].type == "VERB" and out[-1].end_pos == space and _unit_follows(raw, i, end, lexicon):
                # A牵头 B、C配合: a cell's line break (<br>) a converter printed as a space ends the part as ，does
                out.append(token("COMMA", raw[space:i], space, i))
            elif (_after_unit(out, space) and "\n" not in raw[space:i] and _unit_follows(raw, i, end, lexicon)
                  and not _continues(_last_name(out), raw[i:_word_end(raw, i, end)])):
                # 市供销社★ 市商务局, 市委组织部（人才办）　市财政局: units printed side by side, a space between them
                out.append(token("SEP", raw[space:i], space, i))
        elif char in v.SEPARATOR or char in v.OCR_SEPARATORS:
            # A牵头、B配合 / A为牵头单位、B为配合单位: a 、 after a part's verb, before more units, ends the part as ，
            after_verb = bool(out) and out[-1].type == "VERB" and _unit_follows(raw, i + 1, end, lexicon)
            out.append(token("COMMA" if after_verb else "SEP", v.SEPARATOR, i, i + 1))
            i += 1
        elif (m := _LINE_BREAK_TAG.match(raw, i, end)) is not None:
            # 广东省税务局<br>省财政厅: a table cell of a web page converted to text keeps its line breaks as tags.
            # A cell wrapped at its width (pymupdf4llm) breaks anywhere: next to a separator the tag parts nothing
            # (国家发展改革委<br>、水利部), and between pieces that are no two units it is a wrap inside one name
            # (市场<br>监管总局, 自然资源<br>部), read as a PDF's line end is.
            after = _past_spaces(raw, m.end(), end)
            if _after_unit(out, i) and not (lexicon.recognise(_last_name(out)) and _unit_follows(raw, after, end,
                                                                                                  lexicon)):
                wrapped = after
            elif (out and out[-1].type not in ("SEP", "COMMA", "SEMI", "STOP", "LABEL")
                  and not (after < end and raw[after] in _HARD and raw[after] not in v.OPENERS)):
                out.append(token("SEP", m.group(), i, m.end()))
            i = after
        elif char in v.COMMAS or char in v.SEMICOLONS or char in v.FULL_STOPS:
            kind = "COMMA" if char in v.COMMAS else "SEMI" if char in v.SEMICOLONS else "STOP"
            out.append(token(kind, char, i, i + 1))
            i += 1
        elif char in v.MARKS:
            out.append(token("MARK", char, i, i + 1))
            i += 1
        elif (label := _label_at(raw, i, end, said=any(t.type == "TOPIC" for t in out))) is not None and (
                at_part or raw[i] in "【[［" or raw[i - 1].isspace()):
            if not at_part:  # 牵头单位：A 配合单位：B, 【牵头单位】A【配合单位】B: a new part without a separator
                out.append(token("SEMI", "", i, i))
            m, stop = label
            role_word, said_word, group_word = (*m.groups(), None, None)[:3]
            role = v.LABEL_ROLES[role_word or said_word] if group_word is None else v.GROUP_LABEL_ROLES[group_word]
            out.append(token("LABEL", role, i, stop))
            i = stop
        elif (out and out[-1].type == "NAME" and out[-1].end_pos == i
              and (m := v.FOOTNOTE_MARK.match(raw, i, end)) is not None):
            out.append(token("NOTE", m.group(), i, m.end()))  # 县委人才办[5]牵头: a footnote's mark, not the name
            i = m.end()
        elif char in v.FOOTNOTE_CHARS:
            out.append(token("NOTE", char, i, i + 1))  # a note mark where no name stands before it: read as nothing
            i += 1
        elif char in v.OPENERS:
            i = _bracket(raw, i, end, out)
        elif at_part and (m := v.LEAD_RULE.match(raw, i, end)) is not None:
            stop = m.end()
            while (tail := v.RULE_TAIL.match(raw, stop, end)) is not None:
                stop = tail.end()
            out.append(token("RULE", raw[i:stop], i, stop))
            i = stop
        elif at_part and (m := topic_at(raw, i, end)) is not None:
            out.append(token("TOPIC", m[0], i, m[1]))  # 此项工作由… / 具体工作由…: what the clause is about
            i = m[1]
        elif at_part and (m := v.CARRY.match(raw, i, end)) is not None:
            out.append(token("CARRY", m.group(), i, m.end()))
            i = m.end()
        elif at_part and (label_end := _slot_at(raw, i, end)) is not None:
            stop = _slot_end(raw, label_end, end)
            out.append(token("SLOT", raw[i:stop], i, stop))
            i = stop
        elif at_part and (m := v.TIME.match(raw, i, end)) is not None:
            out.append(token("SLOT", m.group(), i, m.end()))  # when, not who: 2025年底前完成
            i = m.end()
        elif out and out[-1].type == "LABEL" and (m := _NO_NAME.match(raw, i, end)) is not None:
            # 协办部门：无 (nobody), 协办部门：同上 (the units of the same label in the block above)
            out.append(token("SAME" if m.group(1).startswith("同") else "NOBODY", m.group(1), i, i + len(m.group(1))))
            i += len(m.group(1))
        elif at_part and (m := _FILLER.match(raw, i, end)) is not None:
            out.append(token("FILLER", m.group(), i, m.end()))
            i = m.end()
        else:
            stop = _run_end(raw, i, end, lexicon)
            draft = v.DRAFT_FOR_APPROVAL.search(raw, i, end)
            drafted = draft is not None and i < draft.start() < stop
            if drafted:  # A会同B提出方案，按程序报批: the drafting duty and its procedure stand for the verb
                cut = draft.start() - 2 if raw.startswith("负责", draft.start() - 2) else draft.start()
                stop = max(cut, i)
            run = _run(raw, i, stop, lexicon, at_part)
            if drafted:
                run.append(token("VERB", v.RESPONSIBLE, stop, draft.end()))
                stop = draft.end()
            elif (len(run) == 1 and run[0].type == "VERB" and normalise(raw[i:stop]).strip() not in v.VERBS
                  and raw.startswith(v.MODIFIERS, _trim(raw, i, stop)[0]) and not (out and out[-1].type == "NAME")):
                # …分别牵头，按职责分工负责: how the units before do it, naming no one (but 各镇（街道）按职责分工负责:
                # the verb of the name before it, a bracket closing the name)
                run = [token("FILLER", raw[i:stop], i, stop)]
            if run and run[0].type == "NAME" and out and out[-1].type == "NAME" and i in (out[-1].end_pos, wrapped):
                # a name goes on after a bracket inside it (各区县（市）政府), or after a cell's wrap (市场<br>监管总局)
                head = out.pop()
                joined = _LINE_BREAK_TAG.sub("", raw[head.start_pos : run[0].end_pos])
                run[0] = token("NAME", normalise(re.sub(r"\s+", "", joined)), head.start_pos, run[0].end_pos)
            out.extend(run)
            i = stop
    return out


def topic_at(raw: str, i: int, end: int) -> tuple[str, int] | None:
    """``(kind, end)`` of a topic standing before 由 at ``i`` that makes the clause a statement about the measure:
    ``pointed`` (此项工作, 上述任务), ``work`` (具体工作) or ``related`` (相关工作); None for any other text. It is
    read across the line breaks of a text wrapped at a fixed width, which fall anywhere in a word (此项工 / 作由)."""
    stop = min(end, i + _TOPIC_REACH)
    for wrap in _WRAP.finditer(raw, i, end):  # a wrap's padding and blank lines take no reach
        if wrap.start() >= stop:
            break
        stop = min(end, stop + wrap.end() - wrap.start())
    kept = [k for k in range(i, stop) if not any(a <= k < b for a, b in
                                                 (w.span() for w in _WRAP.finditer(raw, i, stop)))]
    text = "".join(raw[k] for k in kept)
    for kind, pattern in (("pointed", v.TOPIC_POINTED), ("work", v.TOPIC_WORK), ("related", v.TOPIC_RELATED)):
        if (m := pattern.match(text)) is not None and m.end() > 0:
            return kind, kept[m.end() - 1] + 1
    m = v.TOPIC_BEFORE_LABEL.match(text)  # 本部分任务主责单位为A / 以上任务的牵头单位：A: the label's measures
    if m is not None and m.end() > 0 and _label_at(raw, kept[m.end() - 1] + 1, end, said=True) is not None:
        return "pointed", kept[m.end() - 1] + 1
    return None


def _joined_levels(raw: str, tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """``各区、县（市）政府``, ``各市、州、县人民政府``: one collective although 、 stands inside it — 各 and a level,
    then the other levels, the last with the body they share; ``各盟行政公署、市人民政府``: a 各 governs a level's
    own body after it (the bodies of every 盟 and every 市); ``长江、黄河流域管理机构``, ``内蒙古、四川、新疆等省级
    林业和草原主管部门``: places that name no body, then the kind of body they share; ``各省辖市、省直管县（市）
    教育局``: 各 and a class of places, then another class with the body of each; ``区政府各委、办、局``: 各 and the
    kinds of body it governs."""
    out: list[Token] = []
    for found in tokens:
        levels = _levels_before(out)
        places = _places_before(out, lexicon)
        after_sep = len(out) >= 2 and out[-1].type == "SEP" and out[-1].value == v.SEPARATOR and out[-2].type == "NAME"
        if found.type == "NAME" and levels and _LEVEL_TAIL.match(found.value):
            head = out[-levels]
            out[-levels:] = [token("NAME", normalise(raw[head.start_pos : found.end_pos]), head.start_pos,
                                    found.end_pos)]
        elif (found.type == "NAME" and after_sep and _PLACE_CLASS.match(out[-2].value)
              and (tail := _PLACES_BODY.match(found.value)) is not None and _ends_like_body(tail.group(2))
              and _A_CLASS.search(tail.group(1))
              and lexicon.recognise(found.value) != "gazetteer"):
            # 各省辖市、省直管试点县（市）教育局: the places 各 governs, then the body each of them has (a body the
            # gazetteer knows after 、 is a unit of its own: 各省辖市、省教育厅)
            head = out[-2]
            out[-2:] = [token("NAME", normalise(raw[head.start_pos : found.end_pos]), head.start_pos, found.end_pos)]
        elif (found.type == "NAME" and after_sep
              and ((found.value in v.KINDS or found.value in v.BODY_KINDS) and _GOVERNED.search(out[-2].value)
                   or _LEVEL_BODY.match(found.value) and out[-2].value.startswith("各"))):
            # 各相关司局、单位, 各街道、园区: the kind after 、 is governed by the same 各 (各街道、各园区 is two);
            # 区政府各委、办、局: 各 governs each kind of body named after it; so is a level's body named by its level
            # alone (各盟行政公署、市人民政府; 各区、XX市人民政府 is two)
            head = out[-2]
            out[-2:] = [token("NAME", normalise(raw[head.start_pos : found.end_pos]), head.start_pos, found.end_pos)]
        elif found.type == "NAME" and after_sep and governs_field(out[-2].value, found.value, lexicon):
            # 各省级农业农村部门、乡村振兴部门: the 各 and level govern the field's department after 、 too
            head = out[-2]
            out[-2:] = [token("NAME", normalise(raw[head.start_pos : found.end_pos]), head.start_pos, found.end_pos)]
        elif found.type == "NAME" and places and found.value.endswith(_SHARED_KINDS):
            head = out[-places]
            out[-places:] = [token("NAME", normalise(raw[head.start_pos : found.end_pos]), head.start_pos,
                                    found.end_pos)]
        else:
            out.append(found)
    return out


def governs_field(head: str, piece: str, lexicon: Lexicon) -> bool:
    """True where ``piece`` after 、 is a field's department that the 各 (and level) opening ``head`` governs too:
    ``各省级农业农村部门、乡村振兴部门`` (the agriculture and the rural revitalisation departments of every province),
    ``同级财政部门、审计部门``, the same kind printed again; not another kind (``各地住房城乡建设部门、城镇燃气
    主管部门``: two), a body of its own (``各省级农业农村部门、国家乡村振兴局``, ``各地教育部门、
    市财政局``), a piece with its own 各 or 有关 (``各省级农业农村部门、有关部门``), nor after a name of one body."""
    first = head.split("、")[0]
    return (_FIELD_UNDER.match(first) is not None and _BARE_FIELD.match(piece) is not None
            and _kind(piece) == _kind(first) and lexicon.recognise(piece) == "suffix")


def _kind(piece: str) -> str:
    return "主管部门" if piece.endswith("主管部门") else "部门"


# 各 (with a level: 各省级, 各级, 各地) or 同级, a field of government and its department: 各省级农业农村部门.
_FIELD_UNDER = re.compile(r"^(?:各(?:省级|市级|县级|地|级|地方各级)?|同级)[\u4e00-\u9fff]{2,10}部门$")
# A field's department with no place, level or 各 of its own: 乡村振兴部门, 教育主管部门.
_BARE_FIELD = re.compile(
    r"^(?!各|有关|相关|其他|其它|其余|同级|本级|[省市县区州](?!级)|国家|中央|自治)[\u4e00-\u9fff]{2,10}部门$")


# A body named by its level alone (市人民政府, 县政府, 盟行政公署): after a 各 list, the body of every place of it.
_LEVEL_BODY = re.compile(r"^(?:[省市县区州盟旗乡镇]|自治区|自治州|自治县|自治旗)"
                         r"(?:人民政府|政府|行政公署|党委|管委会)$")
# The kinds of body a list of places can share (长江、黄河流域管理机构; 内蒙古、四川等省级林业和草原主管部门).
_SHARED_KINDS = ("机构", "部门", "单位")
_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_FIELD = re.compile(r"^(?:各地|各级|同级|地方各级|各)?[\u4e00-\u9fff]{2,10}$")


def _places_before(out: list[Token], lexicon: Lexicon) -> int:
    """How many tokens at the end of ``out`` make a list of places that name no body (``长江、``, ``内蒙古、四川、``):
    short names the lexicon does not know, each followed by 、 (0 when there are none)."""
    i = len(out)
    while (i >= 2 and out[i - 1].type == "SEP" and out[i - 1].value == v.SEPARATOR and out[i - 2].type == "NAME"
           and _shares_a_kind(out[i - 2].value, lexicon)):
        i -= 2
    return len(out) - i


def _shares_a_kind(piece: str, lexicon: Lexicon) -> bool:
    """True for a piece of a list that names no body but what the kind after it is of: a place (长江, 内蒙古) or
    a field of government, bare or under 各 / 同级 (各地人力资源社会保障、教育部门; 同级财政、自然资源、住房城乡
    建设部门): it does not end like a body and the gazetteer does not know it."""
    if _PLACE.match(piece) and lexicon.recognise(piece) is None:
        return True
    return (_FIELD.match(piece) is not None and not _ends_like_body(piece)
            and lexicon.recognise(piece) in (None, "collective"))


# 各 and a kind of body (or several already joined): 各相关司局, 区政府各委, 区政府各委、办.
_GOVERNED = re.compile(rf"^各|各[^各]{{0,4}}(?:{'|'.join(v.KINDS)}|[{''.join(v.BODY_KINDS)}])$")
# 各 and a class of places without a body: 各省辖市, 各市（县）, 各地级市.
_PLACE_CLASS = re.compile(r"^各[^、，,；;]{0,8}[省市县区州盟旗乡镇](?:[（(][^）)]*[）)])?$")
# Places and the body each has: 省直管试点县（市）教育局, 县（市、区）卫生健康局 (the bracket whole, never cut at its
# 、; whether the places are a class, _A_CLASS says; a piece with its own 各 is a collective of its own:
# 各镇（街道）、各园区管委会).
_PLACES_BODY = re.compile(r"^(?!各)([^、，,；;（()）]{0,12}?[省市县区州盟旗乡镇](?:[（(][^）)]*[）)])?)"
                          r"([^（()）、]{2,12})$")

# A level of the administrative divisions: one character (省, 市, 县 …) or the autonomous, directly governed and
# special kinds (各省、自治区、直辖市人民政府; 各市、自治州人民政府; 各市、州、直管市、林区人民政府: Hubei's cities
# governed by the province and its forest district; 各地区、自治州; 各市、县级市).
_LEVEL_WORD = (r"(?:[省市县区州盟旗乡镇]|自治区|直辖市|自治州|自治县|自治旗|计划单列市|(?:省)?直管[市县]"
               r"|林区|地区|县级市)")
# What makes places a class rather than one place (开发区管委会 is one body): 省直管县, 试点县, 所辖区, 县（市）, a
# bracket of levels; a bracket of another name is one place's (浏阳经开区（高新区）管委会: one body).
_A_CLASS = re.compile(rf"直管|试点|所辖|所属|有关|相关|设区的|[（(]{_LEVEL_WORD}(?:、{_LEVEL_WORD})*[）)]")


def _ends_like_body(name: str) -> bool:
    return name.endswith(v.UNIT_SUFFIXES) and len(name) >= 2


def _levels_before(out: list[Token]) -> int:
    """How many tokens at the end of ``out`` make ``各市、州、`` (0 when they do not)."""
    i = len(out)
    while i >= 2 and out[i - 1].type == "SEP" and out[i - 2].type == "NAME":
        if _LEVEL_HEAD.match(out[i - 2].value):
            return len(out) - (i - 2)
        if not _LEVEL.match(out[i - 2].value):
            return 0
        i -= 2
    return 0


# A level of the administrative divisions (_LEVEL_WORD), with a bracket of its own (县（市、区）).
_LEVELS = rf"{_LEVEL_WORD}(?:[（(〔][^）)〕]*[）)〕])?"
# 各辖市、区人民政府; 有关区、县〔市〕政府 (有关 or 相关 singles out some places of each level, as 各 takes them all)
_LEVEL_HEAD = re.compile(rf"^(?:各(?:所?辖|设区的?)?|有关|相关){_LEVELS}$")
_LEVEL = re.compile(rf"^{_LEVELS}$")
_LEVEL_TAIL = re.compile(rf"^{_LEVELS}(?:人民)?(?:政府|党委|管委会)$")


def token(kind: str, value, start: int, end: int) -> Token:
    return Token(kind, value, start_pos=start, end_pos=end)


def _bracket(raw: str, i: int, end: int, out: list[Token]) -> int:
    """A bracket inside a statement: part of the name before it (市委组织部（人才办）, 各县（市、区）人民政府), the
    role of the unit before it (市发展改革委（牵头）), or a note (〈含开发区…，下同〉)."""
    close = matching_bracket(raw, i, end)
    stop = close + 1 if close is not None else end
    inner = raw[i + 1 : close if close is not None else end]
    before = out[-1] if out else None
    # right after the name, or on the next line where the name's line broke before its bracket (生态保护修复司 /
    # （全国绿化委员会办公室）)
    after_name = before is not None and before.type == "NAME" and (
        before.end_pos == i or not raw[before.end_pos : i].strip() and "\n" in raw[before.end_pos : i])
    if after_name and (role := v.ROLE_NOTE.match(inner)) is not None:
        jointly = "*" if re.match(r"\s*(?:共同|联合|双)", inner) else ""  # A、B（共同牵头）: the note is both units'
        out.append(token("ROLE_NOTE", v.LABEL_ROLES.get(role.group(1)[:2], "lead") + jointly, i, stop))
    elif after_name and raw[i] == "〈" and _alternative_body(before.value, inner) and not _name_goes_on(raw, stop, end):
        out.append(token("NOTE", raw[i:stop], i, stop))  # 各县区人民政府〈管委会〉: the zones' body in the same role
    elif after_name and (_name_goes_on(raw, stop, end) or not v.NOTE_OPENING.match(inner) and "下同" not in inner
                         and (not re.search(r"[、，,；;。]", inner) or v.LEVELS_IN_NAME.match(inner)
                              or _GOVERNED.search(before.value) and v.KINDS_IN_NAME.match(inner))):
        out[-1] = token("NAME", normalise(raw[before.start_pos:stop]), before.start_pos, stop)
    else:
        out.append(token("NOTE", raw[i:stop], i, stop))
    return stop


def _alternative_body(name: str, inner: str) -> bool:
    """True for a note in angle brackets naming the body that stands in the same role where the collective's
    body is not: ``各县区人民政府〈管委会〉`` (the development zones' committees), a note as ``〈含开发区…〉`` is;
    not after a class of places that names no body (``各区〈管委会〉``: the bracket gives the name its body) nor a
    bracket that is part of the name (``各县〈市、区〉安委会``)."""
    return v.GOVERNMENT_BODY.search(name) is not None and v.ALTERNATIVE_BODY.match(inner) is not None


def _name_goes_on(raw: str, stop: int, end: int) -> bool:
    """True when a name goes on right after a bracket: 各市（含定州、辛集市）政府 — the bracket is inside the name."""
    if stop >= end or raw[stop] in _HARD or raw[stop].isspace() or _verb_at(raw, stop, end) is not None:
        return False
    marker = v.OPEN_MARKER.match(raw, stop, end)  # 市水利局（市水务局）等部门负责: the list ends, not the name
    return marker is None or not (marker.end() >= end or raw[marker.end()] in _HARD or _verb_at(raw, marker.end(), end))


def _verb_at(raw: str, i: int, end: int) -> str | None:
    """The role verb (or modifier) that begins at ``i``, if any: 各区人民政府〈…〉负责 — the name has ended."""
    return next((w for w in (*_VERBS, *v.MODIFIERS) if raw.startswith(w, i) and i + len(w) <= end), None)


def matching_bracket(raw: str, i: int, end: int) -> int | None:
    """Where the bracket opened at ``i`` closes (nested brackets of any kind counted), or None."""
    depth = 0
    for j in range(i, end):
        if raw[j] in v.OPENERS:
            depth += 1
        elif raw[j] in v.OPENERS.values():
            depth -= 1
            if depth == 0:
                return j
    return None


def _field_at(raw: str, i: int, end: int) -> bool:
    """True where a labelled field begins at ``i``: a role label (配合单位：) or another (完成时限：, 责任领导：)."""
    return i < end and (_label_at(raw, i, end) is not None or _slot_at(raw, i, end) is not None)


def _slot_at(raw: str, i: int, end: int) -> int | None:
    """Where the label of a field that names no one (适用范围：, 完成时限：) ends, if one begins at ``i``; a time
    field is read across a fixed-width wrap inside it (完成时 / 限：2026年…), as a role label is."""
    found = _SLOT.match(raw, i, end)
    if found is not None:
        return found.end()
    wrap = _WRAP.search(raw, i, min(end, i + _LABEL_REACH))
    if wrap is None or wrap.start() == i:
        return None
    found = _TIME_SLOT.match(raw[i:wrap.start()] + raw[wrap.end():end])
    if found is None or found.end() <= wrap.start() - i:
        return None
    return wrap.end() + found.end() - (wrap.start() - i)


def _slot_end(raw: str, i: int, end: int) -> int:
    """A slot (适用范围：…) runs to the next semicolon, the next role label after a comma, or the next field
    after a space, whichever comes first."""
    j = i
    while j < end and raw[j] not in v.SEMICOLONS:
        if raw[j] in v.COMMAS and _label_at(raw, j + 1, end):
            break
        if raw[j].isspace() and _field_at(raw, _past_spaces(raw, j, end), end):
            break
        j += 1
    return j


def _past_spaces(raw: str, j: int, end: int) -> int:
    while j < end and raw[j].isspace():
        j += 1
    return j


def _run_end(raw: str, i: int, end: int, lexicon: Lexicon) -> int:
    """The end of a run of name text: the next separator, bracket or mark, or a labelled field (配合单位：,
    完成时限：) that follows a space."""
    j = i
    while j < end and raw[j] not in _HARD:
        if raw[j].isspace() and _field_at(raw, _past_spaces(raw, j, end), end):
            break
        if raw[j].isspace() and _verb_ends_part(raw, i, j, end, lexicon):
            break
        j += 1
    return j


def _verb_ends_part(raw: str, i: int, j: int, end: int, lexicon: Lexicon) -> bool:
    """True where the space at ``j`` follows a role verb closing a unit's name and a unit follows it
    (区发展改革局牵头 区工业和信息化局、区统计局配合: a cell's <br> a converter printed as a space): the part ends
    there as at a comma. A space inside a name (昆明市 人民政府) has no verb before it."""
    verb = _verb_at_end(raw, i, j)
    return verb is not None and verb[0] > i and _unit_follows(raw, _past_spaces(raw, j, end), end, lexicon)


def _run(raw: str, start: int, end: int, lexicon: Lexicon, at_part: bool) -> list[Token]:
    """A run of name text → BY? NAME … (WITH NAME …)? OPEN? VERB? tokens."""
    out: list[Token] = []
    start, end = _trim(raw, start, end)
    if at_part and raw.startswith(v.BY, start) and end - start > 1:
        out.append(token("BY", v.BY, start, start + 1))
        start += 1
    for word in v.WITH:
        at = raw.find(word, start, end)
        while at >= 0 and not _joins(raw, start, at, at + len(word), end, lexicon, alone=word != "商"):
            at = raw.find(word, at + len(word), end)
        if at >= 0:
            out.extend(_names(raw, start, at, lexicon))
            out.append(token("WITH", word, at, at + len(word)))
            out.extend(_names(raw, at + len(word), end, lexicon, verb=True))
            return out
    out.extend(_names(raw, start, end, lexicon, verb=True))
    return out


def _joins(raw: str, start: int, at: int, after: int, end: int, lexicon: Lexicon, alone: bool = True) -> bool:
    """True where 会同 or 联合 at ``raw[at:after]`` joins two groups of units (A会同B负责, 会同B负责): what stands
    before it is nothing or a unit, and a name follows it. Inside a name it joins nothing: 中国林业产业联合会,
    省企业联合会, 省供销合作联合社 (what follows is the name's ending, 会 or 社, not a unit). 商 joins only after a
    unit (财政部商国家发展改革委): at a run's start it begins a name (商务部), and inside a name it joins nothing
    (泉州台商投资区管委会), so ``alone`` is False for it and both sides must be bodies the gazetteer knows."""
    right_end = end
    if (verb := _verb_at_end(raw, after, end)) is not None:
        right_end = verb[0]
    right = _compact(raw, *_trim(raw, after, right_end)).text
    if len(right) < 3 and not lexicon.recognise(right):
        return False
    left = _compact(raw, *_trim(raw, start, at)).text
    if not left:
        return alone
    if not alone:  # 商 inside a name (泉州台商投资区管委会): only between bodies the gazetteer knows
        return lexicon.recognise(left) == "gazetteer" and lexicon.recognise(_without_verb(right)) == "gazetteer"
    marker = v.OPEN_MARKER.search(left)  # A、B等会同C负责
    return bool(lexicon.recognise(left) or (marker is not None and marker.end() == len(left)))


def _names(raw: str, start: int, end: int, lexicon: Lexicon, verb: bool = False) -> list[Token]:
    """Names with the words at their right end peeled off: NAME (AND NAME)* OPEN? (AND NAME …)? VERB?."""
    start, end = _trim(raw, start, end)
    tail: list[Token] = []
    if verb and (found := _verb_at_end(raw, start, end)) is not None:
        at, role = found
        tail.append(token("VERB", role, at, end))
        start, end = _trim(raw, start, at)
    if start >= end:
        return tail
    compact = _compact(raw, start, end)
    text = compact.text
    at = text.rfind("等")
    while at >= 0:  # 等 closing the list (等有关部门和单位; alone after a bracket: 市水利局（市水务局）等部门), or 等
        # followed by 和 and a collective (等和各省级人民政府)
        marker = v.OPEN_MARKER.match(text, at)
        joined = next((w for w in v.AND if text.startswith(w, marker.end())), None)
        if marker.end() == len(text) or (joined and lexicon.recognise(text[marker.end() + len(joined):])):
            open_start, open_end = compact.at(at), compact.at(marker.end() - 1) + 1
            out = [*_conjoined(raw, start, open_start, lexicon), token("OPEN", marker.group(), open_start, open_end)]
            if marker.end() < len(text):
                rest = compact.at(marker.end() + len(joined))
                out.append(token("AND", joined, open_end, rest))
                out.extend(_conjoined(raw, rest, end, lexicon))
            return out + tail
        at = text.rfind("等", 0, at)
    return _conjoined(raw, start, end, lexicon) + tail


def _verb_at_end(raw: str, start: int, end: int) -> tuple[int, str] | None:
    """``(where the verb and its modifier begin, role)`` when the run ends with a role verb. A modifier makes
    抓好落实 the verb of a responsible list (按职责分工抓好落实, 共同抓好落实: each answers for its share)."""
    compact = _compact(raw, start, end)
    for verb in _VERBS:
        if compact.text.endswith(verb):
            at = len(compact.text) - len(verb)
            role = v.VERBS[verb]
            for modifier in v.MODIFIERS:
                if compact.text.endswith(modifier, 0, at):
                    at -= len(modifier)
                    role = v.RESPONSIBLE if role == v.SEEING_TO else role
                    break
            return compact.at(at), role
    return None


def _after_unit(out: list[Token], at: int) -> bool:
    """True where the tokens end with a unit's name right before ``at``: its name (a bracket in it included), its
    mark after it (市城管执法局★) or its role note (A（牵头））."""
    if not out or out[-1].end_pos != at:
        return False
    last = out[-1]
    if last.type in ("MARK", "ROLE_NOTE", "NOTE"):
        return len(out) > 1 and out[-2].type == "NAME" and out[-2].end_pos == last.start_pos
    return last.type == "NAME"


def _last_name(out: list[Token]) -> str:
    """The name the tokens end with (before its mark or note, if any)."""
    return next((t.value for t in reversed(out) if t.type == "NAME"), "")


def _word_end(raw: str, i: int, end: int) -> int:
    """Where the run of text at ``i`` ends: at a space, a separator or a bracket."""
    j = i
    while j < end and not raw[j].isspace() and raw[j] not in _HARD:
        j += 1
    return j


def _continues(before: str, piece: str) -> bool:
    """Whether ``piece``, printed after the name ``before`` with a space between, is the rest of that name: the
    people's body of a place (昆明市 人民政府) or the branch of a body named with its place between them
    (中国人民银行 昆明中心支行, 国家金融监督管理总局 云南监管局, 市公安局 交警支队) — not a unit of its own level
    (市公安局 市交警支队). 人民银行 is no place's people's body but the central bank, a unit of its own
    (财政部人民银行: two names a cell's lines joined with nothing)."""
    if piece.startswith("人民") and not piece.startswith("人民银行"):
        return True
    return before.endswith(v.PARENT_BODIES) and _without_verb(piece).endswith(v.BRANCHES) \
        and not piece.startswith(v.OWN_LEVEL)


def _without_verb(text: str) -> str:
    verb = _verb_at_end(text, 0, len(text))
    return text[: verb[0]] if verb is not None else text


def _unit_follows(raw: str, i: int, end: int, lexicon: Lexicon) -> bool:
    """True where a unit's name (or a mark before one) begins at ``i``: what runs to the next space, separator or
    bracket, its role verb aside, is a unit."""
    if i >= end:
        return False
    if raw[i] in v.MARKS:
        return True
    j = _word_end(raw, i, end)
    if (verb := _verb_at_end(raw, i, j)) is not None:
        j = verb[0]
    return i < j and lexicon.recognise(normalise(raw[i:j])) is not None


# Spaces inside a line of a list; a line break is where the PDF wrapped a name (…、省总 / 工会), never a separator.
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")


def _spaced(raw: str, start: int, end: int, lexicon: Lexicon) -> list[tuple[int, int]] | None:
    """The pieces of ``raw[start:end]`` between spaces where the run is units printed side by side
    (省发展改革委 省财政厅 昆明海关, 县供销社　县邮政分公司): every piece is a unit and the whole, spaces dropped, is
    no name the gazetteer knows. None where a space stands inside one name as printed."""
    gaps = [(m.start(), m.end()) for m in _SPACES.finditer(raw, start, end)]
    if not gaps:
        return None
    bounds = [start, *(x for gap in gaps for x in gap), end]
    pieces = [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
    if lexicon.recognise(normalise(raw[start:end])) == "gazetteer":
        return None
    names = [normalise(raw[a:b]) for a, b in pieces]
    if all(lexicon.recognise(name) is not None for name in names) and \
            not any(_continues(before, name) for before, name in zip(names, names[1:], strict=False)):
        return pieces
    return None


def _conjoined(raw: str, start: int, end: int, lexicon: Lexicon) -> list[Token]:
    """One name, or two where 和/及/与 joins two units (民政部和财政部; not 人力资源和社会保障部), or several printed
    side by side with spaces between them."""
    start, end = _trim(raw, start, end)
    if start >= end:
        return []
    if (pieces := _spaced(raw, start, end, lexicon)) is not None:
        out: list[Token] = []
        for (a, b), (c, _) in zip(pieces, [*pieces[1:], (end, end)], strict=True):
            out.extend(_conjoined(raw, a, b, lexicon))
            if c < end:
                out.append(token("SEP", raw[b:c], b, c))
        return out
    name = normalise(raw[start:end])
    if (parted := _collectives_joined(raw, start, end, lexicon)) is not None:
        return parted
    if (how := lexicon.recognise(name)) not in ("gazetteer", "collective"):
        compact = _compact(raw, start, end)
        if (how == "suffix" and len(compact.text) == end - start  # ends as its last name does
                and (cuts := _run_together(compact.text, lexicon)) is not None):
            # 省工业和信息化厅省数据局省通信管理局: a cell's names, one a line, a converter ran together (a line
            # break or a space between them is a wrapped or laid-out cell's, read where its lines are read)
            bounds = [compact.at(c) for c in cuts] + [compact.at(len(compact.text) - 1) + 1]
            return [t for a, b in zip(bounds, bounds[1:], strict=False)
                    for t in (token("NAME", normalise(raw[a:b]), a, b), token("SEP", "", b, b))][:-1]
        for word in v.AND:
            at = compact.text.find(word, 1)
            while at > 0:
                left, right = compact.text[:at], compact.text[at + len(word):]
                if lexicon.recognise(left) and lexicon.recognise(right) and len(right) > 2 \
                        and not _department_named_with_and(left, right, lexicon):
                    split, rest = compact.at(at), compact.at(at + len(word))
                    return [token("NAME", normalise(raw[start:split]), start, split),
                            token("AND", word, split, rest), *_conjoined(raw, rest, end, lexicon)]
                at = compact.text.find(word, at + 1)
    return [token("NAME", name, start, end)]


def _collectives_joined(raw: str, start: int, end: int, lexicon: Lexicon) -> list[Token] | None:
    """Two units where 和/及 joins a unit to a collective opening with 各 (国务院各有关部门和各省级人民政府,
    各地区和各部门): the whole reads as one collective by its ending, but 各 opens a collective of its own, never
    the middle of a name. None where either side is no unit (中小企业和各类市场主体)."""
    compact = _compact(raw, start, end)
    for word in ("和", "及"):
        at = compact.text.find(word + "各", 1)
        if at > 0 and lexicon.recognise(compact.text[:at]) and lexicon.recognise(compact.text[at + 1 :]):
            split, rest = compact.at(at), compact.at(at + 1)
            return [token("NAME", normalise(raw[start:split]), start, split), token("AND", word, split, rest),
                    *_conjoined(raw, rest, end, lexicon)]
    return None


_LOCAL_LEVELS = tuple(w for w in v.OWN_LEVEL if len(w) == 1)  # 省 市 县 区 …: a local body's name opens with its level
_PLACES = tuple(w for w in _LOCAL_LEVELS if w != "各")  # 宁波市税务局: a place, then its own body
_NAME_ENDS = frozenset(s[-1] for s in v.UNIT_SUFFIXES)  # where a known name can end (looked up only there)


def _run_together(text: str, lexicon: Lexicon) -> list[int] | None:
    """Where ``text``, no name itself, parts wholly into two or more names the gazetteer knows (the fewest), as
    the starts of the pieces. The gazetteer only, never a name's ending: 省发展改革委员会 holds 省发展改革委 but 员会
    is no name, and a body's own department (价格司) is no name the gazetteer knows alone. None too where one
    piece is part of the one before it: its branch (国家金融监督管理总局云南监管局), the body of a place
    (宁波市税务局), an office with no level of its own after a local body (省委组织部人才办; peers of a level each
    print it: 省商务厅省发展改革委), or the same body (区纪委区监委, a joint office)."""
    best: dict[int, list[int]] = {0: []}  # the fewest cuts that reach each position
    for i in range(len(text)):
        if i not in best:
            continue
        for j in range(i + 3, min(len(text), i + MAX_NAME) + 1):  # a name has three characters or more
            if (text[j - 1] in _NAME_ENDS and (j not in best or len(best[j]) > len(best[i]) + 1)
                    and lexicon.recognise(text[i:j]) == "gazetteer"):
                best[j] = [*best[i], i]
    cuts = best.get(len(text))
    if cuts is None or len(cuts) < 2:
        return None
    pieces = [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
    if any(_continues(a, b) or a.endswith(_PLACES) or (a.startswith(_LOCAL_LEVELS) and not b.startswith(_LOCAL_LEVELS))
           for a, b in zip(pieces, pieces[1:], strict=False)):
        return None
    return cuts if len({lexicon.body(p) for p in pieces}) == len(pieces) else None


def _department_named_with_and(left: str, right: str, lexicon: Lexicon) -> bool:
    """Whether 和/与 at the join of ``left`` and ``right`` stands inside one department's name: a body the gazetteer
    knows with words after it that are no department yet (国家文物局博物馆, 国家文物局文物保护), then a department's
    ending with no level or body of its own (社会文物司, 考古司): 国家文物局博物馆与社会文物司 is one 司. Not
    国家卫生健康委医政医管局和基层卫生健康司 (a department on each side), 民政部与财政部社会保障司 (nothing after the
    body on the left) nor 省教育厅办公室与省财政厅 (a unit of its own level on the right)."""
    if not right.endswith(_DEPARTMENTS) or right.startswith(v.OWN_LEVEL) or lexicon.recognise(right) == "gazetteer":
        return False
    return not left.endswith(_DEPARTMENTS + ("局", "办", "中心")) \
        and any(lexicon.recognise(left[:k]) == "gazetteer" for k in range(len(left) - 1, 1, -1))


_DEPARTMENTS = ("司", "处", "科", "室")


@dataclass(frozen=True)
class _Compact:
    """A run without its white space (names broken across lines), mapped back to raw offsets."""

    text: str
    offsets: tuple[int, ...]

    def at(self, index: int) -> int:
        return self.offsets[index]


def _compact(raw: str, start: int, end: int) -> _Compact:
    offsets = tuple(i for i in range(start, end) if not raw[i].isspace())
    return _Compact(normalise("".join(raw[i] for i in offsets)), offsets)


def _trim(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def subject_units(raw: str, start: int, end: int, lexicon: Lexicon) -> list[tuple[str, int, int, str]]:
    """The units a sentence opens with, as ``(name, start, end, how recognised)``: the pieces between 、 and 和
    while each begins with a unit name, the last cut where its name ends (防城区人民政府结合实际 → 防城区人民政府),
    joined into collectives as a statement's are (各有关市、县（区）人民政府, 各省级农业农村部门、乡村振兴部门)."""
    found: list[Token] = []
    how: dict[int, str] = {}
    i = start
    while i < end:
        stop = _next_separator(raw, i, end)
        piece = _longest_unit(raw, i, stop, lexicon)
        if raw.startswith("和", stop) and (piece is None or piece[2] < _trim(raw, i, stop)[1]):
            # 各地级以上市工业和信息化主管部门: where what stands before 和 is no unit, the 和 is inside a name
            after = _next_separator(raw, stop + 1, end)
            longer = _longest_unit(raw, i, after, lexicon)
            if longer is not None and longer[2] > stop:
                piece, stop = longer, after
        if piece is None and found and _LEVEL.match(level := normalise(raw[i:stop])):
            piece = (level, i, stop, how[found[0].start_pos])  # 各市、州、直管市人民政府: a level between, joined below
        if piece is None:
            break
        if found:
            found.append(token("SEP", raw[i - 1], i - 1, i))
        found.append(token("NAME", piece[0], piece[1], piece[2]))
        how[piece[1]] = piece[3]
        if piece[2] < stop or stop >= end:
            break
        i = stop + 1
    return [(t.value, t.start_pos, t.end_pos, how[t.start_pos])
            for t in _joined_levels(raw, found, lexicon) if t.type == "NAME" and not _LEVEL.match(t.value)]


def _next_separator(raw: str, i: int, end: int) -> int:
    """Where the next unit of a subject begins after its separator (、 or 和), or ``end``: a separator inside a
    bracket is the name's own (各县（市、区）人民政府)."""
    while i < end:
        if raw[i] in v.OPENERS and (close := matching_bracket(raw, i, end)) is not None:
            i = close
        elif raw[i] in v.SEPARATOR or raw[i] in v.OCR_SEPARATORS or raw.startswith("和", i):
            return i
        i += 1
    return end


def _longest_unit(raw: str, start: int, end: int, lexicon: Lexicon) -> tuple[str, int, int, str] | None:
    start, end = _trim(raw, start, end)
    for stop in range(end, start + 1, -1):
        name = normalise(raw[start:stop])
        if (how := lexicon.recognise(name)) is not None:
            return name, start, stop, how
    return None

