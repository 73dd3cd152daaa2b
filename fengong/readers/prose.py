"""Reader for plans written as prose: measures, each with a statement of who carries it out.

A statement stands where the genre puts it: a bracket closing the measure (``…试点。（税务总局、财政部负责）``),
several brackets inside one measure, or a line of its own after it (``责任单位：市科技局、市工信局``). Whether a
bracket is a statement is the grammar's call (:mod:`fengong.readers.statement`); brackets of prose are passed
over, and one that looks like a statement but cannot be read is counted and reported.

Each statement is a task. Its place in the document's numbering (:mod:`fengong.readers.outline`) gives its key:
a numbered item holding one statement is that task; an item holding several gives one task per statement, its
children. The task's text is the measure the statement closes: from the previous statement in the same
paragraph, or the paragraph's start (the item's start, where the item holds this statement alone). A closing
statement that points back over several measures (``1.… 2.… 3.… / 以上各项任务由A牵头``) is also given to each
measure of the series it closes that has no statement of its own (:func:`_series_closed`).

The lead rule of the document (``排在第一位的部门为牵头部门，下同``) holds from the statement that states it on;
a standing statement (``以下均需试点城市政府落实，不再列出``) adds its units to every later task, marked as
carried. Tasks fall into sections by the top-level item that holds them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from fengong.readers import vocabulary as v
from fengong.readers.docmeta import new_plan
from fengong.readers.lexer import looks_like_statement, matching_bracket, opens_with_label, topic_at
from fengong.readers.lexicon import Lexicon, lexicon_for
from fengong.readers.lines import (
    PAGE_NUMBER,
    Line,
    LineIndex,
    blank_lines,
    blank_out,
    glued_feet,
    line_numbers,
    page_footer,
    running_heads,
)
from fengong.readers.markdown import blank_marks
from fengong.readers.outline import Item, Outline, label_at, past_inline_label
from fengong.readers.sources import readable_lines
from fengong.readers.statement import Statement, Unit, read_division, read_statement, settle_roles, standing_units
from fengong.records import ItemRecord, PlanRecord, Problem, SectionRecord, SourceText, Span, TaskRecord, UnitMention
from fengong.textrepair import locate, normalise, repair

STATEMENT_OPENERS = {"（": "）", "(": ")", "【": "】"}
MAX_STATEMENT = 400  # longer brackets are prose, not statements
HEADING_MAX = 60
SLOT_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}\s*[：:]")
MAX_NAME_BEFORE = 12  # the longest name looked for before a bracket that may be its other name
HEADING_TITLE = 40  # an item's line this short, without a full stop, is a title over the paragraphs below it
BULLETS = "◆◇■□●○▪▫•►▶▸❖"  # the bullets of a box's or a list's entries
WRAPPED_LINES = 10  # a hard-wrapped text has at least so many lines of its wrap width …
WRAPPED_SHARE = 0.35  # … and they are at least this share of its lines
LAYOUT_MARGIN = 2  # spaces before every line: the page's left margin a layout-keeping extraction prints
WRAP_MIN = 16  # narrower lines are a list's or a table's, not a wrap width
DOUBLE_SPACED = 0.9  # a wrapped text with so many of its full lines followed by a blank line is double-spaced
BRACKET_LINES = 3  # a statement's bracket cut by line ends closes on one of the so many lines after its first
SENTENCE_END = ("。", "！", "？", "；", "）", ")")  # what a paragraph's last line ends with
INDENT = 2  # a paragraph's first line is indented two characters, which text extractors drop


@dataclass
class _Found:
    """A statement read, with what its task needs from the text around it."""

    statement: Statement
    item: Item | None
    line: Line
    start: int  # where its measure starts if it shares the item with other statements
    end: int  # where its measure ends
    follows: bool  # another statement of the same paragraph ends where this one's measure starts
    whole: Span  # the measure and the statement
    rule: Span | None = None  # the lead rule in force where it stands
    carried: list[Unit] = field(default_factory=list)  # the units a standing statement carries to it
    alone: bool = False  # it stands on a line of its own, closing the paragraph before it


@dataclass
class _State:
    rule: Span | None = None
    carry: list[Unit] = field(default_factory=list)
    unread: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of statements not read


def read(source: SourceText, slug: str | None = None, jurisdiction: str | None = None,
         lexicon: Lexicon | None = None) -> PlanRecord:
    """Read every responsibility statement of a prose plan. Zero tasks is a valid answer (some documents
    assign no units); ``plan.statements_seen`` tells the caller whether statements were there to read."""
    # Markdown's marks (## 一、, 1\., **牵头单位：**) and page numbers are furniture, a PDF font's mis-decoded
    # characters (暋暋责任单位：, 1灡) are read as the characters they stand for; offsets stay put
    raw, pages = blank_out(blank_marks(repair(source.raw)), PAGE_NUMBER.match)
    raw = glued_feet(raw)  # …人行绍兴市分行、-5- / (next page) 市财政局负责）: the page number OCR ran into the line
    margins = line_numbers(raw)  # a column of line numbers printed in the margin (9 　　８．…, 4 务局、…)
    heads = running_heads(raw, pages)  # the running head printed again after a page number
    # the running heads, and a web page's footer after its article (links, the site's credits)
    raw = blank_lines(raw, set(heads) | page_footer(LineIndex(raw, margins).lines, label_at), margins)
    pages = sorted(set(pages) | set(heads))
    lines = LineIndex(raw, margins)
    plan = new_plan(source, lines, slug, jurisdiction)
    lexicon = lexicon or lexicon_for(plan.jurisdiction)
    outline = Outline()
    state = _State()
    found: list[_Found] = []
    seen: list[Item] = []  # every outline item, in document order
    last_line: dict[Item, Line] = {}  # the last paragraph of each item
    plain: list[tuple[Line, str]] = []  # lines under no outline item: each a title, a paragraph or a closing line
    before: tuple[int, int] | None = None  # the last paragraph read, without its label
    general: Span | None = None  # a lead rule stated outside any statement holds for the whole document
    own_line: int | None = None  # the line number of the last statement that stood on a line of its own
    # the number of the line read before this one: blank lines and page furniture (a page number, a running head)
    # between two lines of labels (牵头单位：A / — 2 — / 参与单位：B) do not part them
    previous: int | None = None
    this_line: int | None = None
    bare = _states_in_bare_brackets(raw, lines, lexicon)
    for line in _run_on_headings(_across_pages(readable_lines(lines.lines, source.path, plan.problems), raw,
                                               set(pages), lexicon)):
        previous, this_line = this_line, line.number
        if v.COLOPHON.match(raw, line.start, line.end):
            continue  # 主办：A　督办：B — the office that drafted the document and the one overseeing it, no task's
        item = outline.feed(line)
        if item is not None:
            seen.append(item)
        body = item.body_start if item else line.start
        measure_start = body
        follows = False
        read_here = False
        for start, end, outer_start, outer_end in _candidates(raw, line, body, plan.problems, source.path, lexicon,
                                                              item is not None):
            # A bare list is a statement where the rule says lists name units and it closes a clause, a sentence
            # or the paragraph: 省（自治区、直辖市）, 党委办公室（校长办公室）， qualify the word they follow.
            closes = raw[outer_end : line.end].lstrip(" \t\u3000")[:1] in ("", "。", "；", ";")
            lists = bool(state.rule or general) and (_after_sentence(raw, body, outer_start) or closes)
            # …1000万亩。（草原管理司、规划财务司；…主管部门） — in a document that states who answers in its
            # brackets, a bracket after the measure's last sentence that lists only units is such a statement
            lists = lists or bool(found) and closes and _after_sentence(raw, body, outer_start)
            # …建设（工程管理部，安全生产监督管理部，各项目公司）。 — a document whose measures close, one after
            # another, with brackets that list only units states who answers in them, though no rule says so
            lists = lists or bare and closes
            statement = read_statement(raw, start, end, line.number, lexicon, lists=lists)
            if statement is None and start == outer_start + 1 and raw[outer_start] in STATEMENT_OPENERS:
                statement = read_division(raw, start, end, line.number, lexicon)  # （A负责X，B负责Y）
            if statement is None:
                if looks_like_statement(normalise(raw[start:end])):
                    state.unread.append((line.number, normalise(raw[outer_start:outer_end])))
                continue
            if statement.reading == "listed" and len(statement.units) == 1 and _after_name(raw, line.start,
                                                                                          outer_start, lexicon):
                continue  # 报送县安委办（县应急管理局）: the other name of the body before it, not who answers
            read_here = True
            if statement.rule is not None:
                state.rule = statement.rule  # it holds from here on (下同); earlier tasks keep the convention
            alone = outer_start <= body + (len(raw[body:line.end]) - len(raw[body:line.end].lstrip()))
            if statement.same:  # 协办部门：同上 — the units the same label named in the block above
                continued = alone and own_line == previous and found
                above = found[-2] if continued and len(found) > 1 else found[-1] if found and not continued else None
                if above is not None:
                    statement.units.extend(u for u in above.statement.units if u.role in statement.same)
            goes_on = bool(statement.units and alone and own_line is not None and own_line == previous and found)
            if statement.group_members_only and not (goes_on and found[-1].statement.heads_a_group):
                continue  # 成员单位：A、B with no 组长单位 before it: who belongs to a body, not who answers
            if goes_on:
                _extend(found[-1], statement, outer_end)  # 牵头单位：A on one line, 配合单位：B on the next
                own_line = line.number
                continue
            if statement.units:
                text_end = outer_start
                alone = False
                if not normalise(raw[measure_start:text_end]).strip("。；;，, "):
                    if before is None:
                        plan.problems.append(Problem(source.path, line.number, "a responsibility statement with no "
                                                                               "measure before it: not a task",
                                                     "warning"))
                        measure_start = _after(raw, outer_end, line.end)
                        continue
                    measure_start, text_end = before  # a statement on a line of its own closes the paragraph before
                    own_line = line.number
                    alone = True
                found.append(_Found(statement, outline.current, line, measure_start, text_end, follows,
                                    Span(measure_start, outer_end, lines.line_of(measure_start)), state.rule,
                                    list(state.carry), alone))
            if statement.carry:
                state.carry = statement.carry
            measure_start = _after(raw, outer_end, line.end)
            follows = True
        if not read_here and general is None:
            general = _lead_rule(raw, line)
        if not read_here and v.NOT_LISTED.search(raw, line.start, line.end):
            state.carry = _standing(raw, body, line, lexicon) or state.carry
        if not _slot_line(raw, line):
            before = (body, line.end)
            if outline.current is not None:
                last_line[outline.current] = line
            else:
                plain.append((line, _plain_kind(raw, line, found)))
    if general is not None:
        for f in found:
            f.rule = f.rule or general
        state.rule = state.rule or general
    plan.statements_read = len({id(f.statement) for f in found})
    plan.statements_seen = plan.statements_read + len(state.unread)
    found = _series_closed(found, seen, last_line)
    found = _paragraphs_closed(found, plain)
    for number, text in state.unread:
        plan.problems.append(Problem(source.path, number, f"a responsibility statement that could not be read: "
                                                          f"{text[:60]!r}", "warning"))
    kinds = _holding(found)
    keys = Outline.final_keys(kinds)
    tasks = _tasks(found, raw, lines, keys)
    plan.sections = _sections(tasks, keys, source, state.rule)
    plan.items = _items(tasks, {item: key for item, key in keys.items() if "item" in kinds[item]})
    return plan


def _across_pages(lines, raw: str, pages: set[int], lexicon: Lexicon):
    """The lines, each paragraph that a page break cut (…、省总 / — 4 — / 工会) or a line end cut inside a bracket
    (…（牵头单位：A；责任单位：B、各街道办 / 事处）) rejoined into one line."""
    held: Line | None = None
    lines = list(lines)
    width = wrap_width(lines)
    # a double-spaced extraction (pdfminer's box for each printed line) prints a blank line after every line: its
    # blank lines part no paragraphs, and are passed over as page furniture is
    gaps = pages | _blank_after_every_line(LineIndex(raw).lines, width)
    margin = _margin(lines, width)
    layout = _layout_margin(lines)
    for k, line in enumerate(lines):
        if held is not None and (_cut_by_page(held, line, raw, pages)
                                 or _cut_in_bracket(held, line, raw, lexicon, lines[k + 1 : k + BRACKET_LINES])
                                 or _cut_in_sentence(held, line, raw, lexicon)
                                 or _item_goes_on(held, line, raw, lexicon)
                                 or _wrapped(held, line, raw, width, gaps, margin, layout)):
            held = Line(held.number, held.start, line.end, raw[held.start : line.end])
            continue
        if held is not None:
            yield held
        held = line
    if held is not None:
        yield held


# A section's label (（二）, 二、) and a title with no mark of a sentence in it
HEADING = (r"(?:(?:[（(]\s*)?[一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}、)"
           rf"[^，。；：,;:！？!?（）()]{{2,{HEADING_TITLE}}}?")
# A heading run on after a paragraph's last sentence or statement (…市财政局配合。（二）建设行业数字化公共平台,
# …（A负责）二、保障措施), or after a space closing any line (pdf2docx joins a short line and the heading under it
# into one paragraph with a space: 责任单位：A、B （二）壮大…, …省交通运输厅 三、保障措施), closing the line.
RUN_ON_HEADING = re.compile(rf"(?:(?<=[。）)])\s*|(?<=\S)[ \u3000]+){HEADING}\s*$")
# A heading with the line under it run on after a space (pdf2docx: 二、重点工作 各乡镇（街道）负责…。; a PDF tool's
# paragraphs: 二、健全…体系 （一）完善…。): the heading's line ends at the space where a sentence or an item follows.
HEADING_RUN_INTO = re.compile(rf"\s*{HEADING}(?=[ \u3000]+\S.*[。；;])")


# A heading with the next item's label run into it with nothing between (pdftohtml's paragraphs read back by
# get_text(): 二、重点任务（一）提升竹林经营水平1.深化…。): the title, no mark of a sentence in it, ends where a label
# of another form opens.
HEAD_LABEL = re.compile(r"\s*(?:(?:[（(]\s*)?[一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}、)")
TITLE_MARKS = "，。；：,;:！？!?（）()"
RUN_INTO_SHOWN = 2  # headings run into a label so often show the rendering does it
TITLE_RUN_INTO_MIN = 4  # a title run into its paragraph is at least so long


def _label_run_into(line: Line) -> int | None:
    """The offset in ``line`` of a label of another form than its own run into its heading's title, if any."""
    opening = label_at(line)
    m = HEAD_LABEL.match(line.text)
    if opening is None or m is None:
        return None
    for i in range(m.end() + 2, min(len(line.text), m.end() + HEADING_TITLE + 1)):
        inner = label_at(Line(line.number, 0, 0, line.text[i:]))
        if inner is not None and inner[0] != opening[0] and not line.text[i - 1].isspace():
            return i
        if line.text[i] in TITLE_MARKS:
            return None
    return None


def _run_on_headings(lines):
    """The lines, a heading run on at the end of one, or a line run on after a heading, parted from it: an OCR
    tool that merges a page's rows into paragraphs while a row reaches the right margin runs the next row on
    where a paragraph's last row is full, a heading's too; pdf2docx joins a heading and the line beside it into
    one paragraph with a space. An inline list's item closes with a mark (（一）…；（二）…。), a heading does not."""
    for line in _labels_run_into(lines):
        m = RUN_ON_HEADING.search(line.text)
        if m is not None and label_at(Line(line.number, 0, 0, m.group().lstrip())) is not None:
            at = line.start + m.start() + len(m.group()) - len(m.group().lstrip())
        else:
            m = HEADING_RUN_INTO.match(line.text)
            if m is None or label_at(Line(line.number, 0, 0, m.group().lstrip())) is None:
                yield line
                continue
            at = _past_space(line.text, m.end(), len(line.text)) + line.start
        yield Line(line.number, line.start, at, line.text[: at - line.start])
        yield Line(line.number, at, line.end, line.text[at - line.start :])


def _title_run_into(line: Line) -> int | None:
    """The offset in ``line`` where its paragraph's opening verb (依托, 围绕 …, then its object and a comma) follows a
    heading's title run into it (（五）推动竹产业与文旅深度融合依托中国大竹海、竹博园等资源，…), if one does."""
    m = HEAD_LABEL.match(line.text)
    if m is None or label_at(line) is None:
        return None
    text = line.text
    for i in range(m.end() + TITLE_RUN_INTO_MIN, min(len(text), m.end() + HEADING_TITLE + 1)):
        if text[i] in TITLE_MARKS:
            return None
        if text.startswith(v.PARAGRAPH_OPENERS, i):
            comma = text.find("，", i)
            return i if comma > 0 and not any(c in TITLE_MARKS for c in text[i:comma]) else None
    return None


def _labels_run_into(lines):
    """The lines, each heading an item's label runs into parted from it (``二、A（一）B1.C…`` is three lines); in a
    rendering that runs headings into what follows them so (twice or more), a title run into its paragraph too."""
    lines = list(lines)
    runs_into = sum(_label_run_into(line) is not None for line in lines) >= RUN_INTO_SHOWN
    for line in lines:
        at = _label_run_into(line)
        while at is not None:
            yield Line(line.number, line.start, line.start + at, line.text[:at])
            line = Line(line.number, line.start + at, line.end, line.text[at:])
            at = _label_run_into(line)
        at = _title_run_into(line) if runs_into else None
        if at is not None:
            yield Line(line.number, line.start, line.start + at, line.text[:at])
            line = Line(line.number, line.start + at, line.end, line.text[at:])
        yield line


def wrap_width(lines: list[Line]) -> int | None:
    """The width at which a text extracted from print breaks its paragraphs into lines (the A4 line of 28
    characters of 仿宋三号), where it does: many of its lines are as long, give or take the character the
    typesetter's rules push to the next line. None for a text whose lines are its paragraphs."""
    lengths = [len(line.text.rstrip()) for line in lines if not line.blank]
    if len(lengths) < WRAPPED_LINES:
        return None
    counts = Counter(lengths)
    common = counts.most_common(1)[0][0]
    near = sum(abs(n - common) <= 1 for n in lengths)
    if common >= WRAP_MIN and near >= WRAPPED_LINES and near >= WRAPPED_SHARE * len(lengths):
        return common
    # short paragraphs (two or three lines each) whose first lines lost their indent (pdftotext, pdfminer,
    # markitdown): those first lines, at the width less the indent, are the commonest length; the full lines
    # above them and the first lines together are the text's
    wide = common + INDENT
    full = sum(abs(n - wide) <= 1 for n in lengths)
    near = full + counts[common]
    return wide if (common >= WRAP_MIN and full >= WRAPPED_LINES and near >= WRAPPED_SHARE * len(lengths)) else None


def _blank_after_every_line(lines: list[Line], width: int | None) -> set[int]:
    """The blank lines of a hard-wrapped text that prints a blank line after (nearly) every line of its wrap
    width, as pdfminer does where the line pitch of the print is wider than its line margin (an official
    document's fixed 28pt): such blank lines carry no paragraph breaks. Empty for any other text, where a blank
    line after a full line ends its paragraph."""
    full = [i for i, line in enumerate(lines) if width and not line.blank and len(line.text.rstrip()) >= width - 1]
    spaced = sum(i + 1 < len(lines) and lines[i + 1].blank for i in full)
    if len(full) < WRAPPED_LINES or spaced < DOUBLE_SPACED * len(full):
        return set()
    return {line.number for line in lines if line.blank}


def _margin(lines: list[Line], width: int | None) -> int:
    """The left margin a character-grid extraction prints before every line (pdfplumber's layout=True pads from
    the page's edge: ten spaces before each full line): the indent of most lines of the wrap width; 0 for a text
    whose lines start at its left edge. A line is indented as a paragraph's first line only beyond it."""
    indents = [_indent(line.text) for line in lines if width and abs(len(line.text.rstrip()) - width) <= 1]
    return Counter(indents).most_common(1)[0][0] if indents else 0


def _layout_margin(lines: list[Line]) -> int:
    """The page's left margin a layout-keeping extraction prints before every line (pdftotext -layout), whose
    paragraphs and labelled lines open indented past it: the ASCII spaces before every line (a word processor's
    　　 indents a paragraph), where some lines stand further in; else 0."""
    indents = [len(line.text) - len(line.text.lstrip(" \f")) for line in lines if not line.blank]
    margin = min(indents, default=0)
    return margin if any(n >= margin + LAYOUT_MARGIN for n in indents) else 0


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _wrapped(before: Line, after: Line, raw: str, width: int | None, pages: set[int], margin: int = 0,
             layout: int = 0) -> bool:
    """True where a hard-wrapped paragraph goes on: the line before is as long as the text's lines are, and this
    one is not indented (beyond the text's margin) as a paragraph's first line is, opens no item and no statement,
    and no blank line parts them (pdfminer's between blocks; page furniture blanked is none). A paragraph's first
    line whose indent the extractor dropped (pdftotext, pdfminer) is as long as the text's lines less the indent.
    The form feed opening a page is no indent. ``layout``: the left margin of a layout-keeping text
    (:func:`_layout_margin`), where a line at the margin goes on with the one before, however wide
    (…国家金融监督管理总局合 / 肥监管分局、…)."""
    if after.blank:
        return False
    indent = _indent(after.text.lstrip("\f"))
    if layout >= LAYOUT_MARGIN and indent == layout:
        width = 0
    elif width is None or indent > margin:
        return False
    if any(n not in pages for n in range(before.number + before.text.count("\n") + 1, after.number)):
        return False
    last = before.text.rsplit("\n", 1)[-1].rstrip()
    dropped = INDENT if "\n" not in before.text and _indent(last) <= margin else 0
    # a line ending in a colon introduces what follows (the addressees: 各街道办事处，…，区政府各部门：), save a
    # label's inside a bracket left open (…（牵头单位： / 市应急局；…）)
    colon = last.endswith(("：", ":")) and _open_bracket(raw, before.start, before.end) is None
    # after a sentence's end, a line as long as the text's less the indent that stops mid-sentence is no paragraph's
    # last line: it is the first, its indent dropped (…体育总局负责） / 加强体育市场监管，…，)
    text = after.text.rstrip()
    opens = (width and last.endswith(SENTENCE_END) and len(text.lstrip("\f")) == width - INDENT
             and not text.endswith(SENTENCE_END))
    return (len(last) >= width - 1 - dropped and not colon and not opens
            and (label_at(after) is None or _mid_word(raw, before, after, last))
            and not opens_with_label(raw, after.start, after.end) and not PAGE_NUMBER.match(after.text))


def _mid_word(raw: str, before: Line, after: Line, last: str) -> bool:
    """True where a full line of running text stops on an ideograph and the next opens with 一、: the word 单一、
    (统一、, 唯一、) wrapped at the line end (…业态结构单 / 一、经营成本偏高…), as OCR prints it with the indents
    that tell a paragraph's first line dropped; not after a heading of one line (no full stop in it) nor a
    labelled line (责任单位：…), whose last name may end on the line."""
    found = label_at(after)
    heading = "\n" not in before.text and label_at(before) is not None and "。" not in before.text
    return (found is not None and found[0] == "cjk" and found[1].startswith("一") and found[2] == 1
            and "\u4e00" <= last[-1:] <= "\u9fff" and not heading
            and not opens_with_label(raw, before.start + _indent(before.text), before.end))


def _cut_by_page(before: Line, after: Line, raw: str, pages: set[int]) -> bool:
    """True when a page number stands between two lines of one paragraph: the first is not complete (it ends
    without a full stop or closing bracket and is no title) and the second opens no item and no statement."""
    if not any(n in pages for n in range(before.number + 1, after.number)):
        return False
    text = before.text.rstrip()
    title = label_at(before) is not None and "。" not in text and len(normalise(text)) <= HEADING_TITLE
    start = after.start + len(after.text) - len(after.text.lstrip())
    # a labelled line goes on with the rest of its list (…省总 / — 4 — / 工会), not with sentences (a paragraph whose
    # label OCR lost: 责任单位：…河西五市人民政府 / — 2 — / 推进集中连片建设。支持…)
    labelled = opens_with_label(raw, before.start + _indent(before.text), before.end)
    sentences = labelled and "。" in after.text.rstrip()[:-1]
    return (not text.endswith(("。", "！", "？", "!", "?", "；", ";", "：", ":", "）", ")")) and not title
            and label_at(after) is None and not opens_with_label(raw, start, after.end) and not sentences)


def _cut_in_bracket(before: Line, after: Line, raw: str, lexicon: Lexicon, ahead: list[Line] = ()) -> bool:
    """True when a line ends inside a bracket that the next line closes, as text extracted from print wraps it
    (…、哈尔滨工业 / 大学，哈尔滨工程大学）, …（牵头单位：A；/ 责任单位：B）): the next line opens no item and closes
    the bracket, and the bracket, rejoined, is a statement. A photographed page's skewed line may part the bracket
    into three (…、省民政厅、 / 省医保局、省中医药管理 / 局）): a line of ``ahead`` that goes on so may close it."""
    start = _open_bracket(raw, before.start, before.end)
    if start is None or after.blank or label_at(after) is not None:
        return False
    end = after.end
    for line in ahead:
        if line.blank or label_at(line) is not None or matching_bracket(raw, start, end) is not None:
            break
        end = line.end
    close = matching_bracket(raw, start, end)  # …（牵头单位：A；/ 责任单位：B、C）: the label goes on inside it
    return close is not None and read_statement(raw, start + 1, close, before.number, lexicon, lists=True) is not None


def _cut_in_sentence(before: Line, after: Line, raw: str, lexicon: Lexicon) -> bool:
    """True when a line ends inside a statement's sentence, a name cut in two, that the next line finishes
    (…由A牵头，县发 / 改局、B配合。: pdftohtml's paragraphs read back by get_text() break where the print's lines
    did): the line stops on an ideograph, the next opens no item, and the sentence, rejoined, is a statement that
    its first part alone is not, with a name across the break."""
    last = before.text.rstrip()
    if not "\u4e00" <= last[-1:] <= "\u9fff" or after.blank or label_at(after) is not None:
        return False
    start = before.start + max(last.rfind(mark) for mark in "。；;！？") + 1
    start = _past_space(raw, start, before.end)
    stop = after.text.find("。")
    end = after.end if stop < 0 else after.start + stop
    if opens_with_label(raw, after.start, after.end) or start >= before.start + len(last):
        return False
    cut = before.start + len(last)
    if read_statement(raw, start, cut, before.number, lexicon) is not None:
        return False
    whole = read_statement(raw, start, end, before.number, lexicon)
    return whole is not None and any(u.span.start < cut < u.span.end for u in whole.units)


def _item_goes_on(before: Line, after: Line, raw: str, lexicon: Lexicon) -> bool:
    """True when an item's line, past a full stop (no title), stops on an ideograph: its paragraph goes on in the
    next line (1.培育…龙头企业。实施…企业培育计 / 划，支持…, where the print's first line was kept apart and the rest
    of the paragraph joined), which opens no item and no label."""
    last = before.text.rstrip()
    found = label_at(before)
    if not (found is not None and "\n" not in last and "\u4e00" <= last[-1:] <= "\u9fff"
            and "。" in raw[found[3] : before.end] and not after.blank and label_at(after) is None
            and not opens_with_label(raw, after.start, after.end)):
        return False
    # a statement closing the line (…。责任单位：A) ends the paragraph, and one opening the next line stands alone
    tail = before.start + last.rfind("。") + 1
    stop = after.text.find("。")
    return (read_statement(raw, tail, before.start + len(last), before.number, lexicon) is None
            and read_statement(raw, after.start, after.end if stop < 0 else after.start + stop, after.number,
                               lexicon) is None)


def _open_bracket(raw: str, start: int, end: int) -> int | None:
    """Where the statement bracket left open at the end of ``raw[start:end]`` opens (the outermost), or None."""
    opened: list[int] = []
    for i in range(start, end):
        if raw[i] in v.OPENERS:
            opened.append(i)
        elif raw[i] in v.OPENERS.values() and opened:
            opened.pop()
    return opened[0] if opened and raw[opened[0]] in STATEMENT_OPENERS else None


def _lead_rule(raw: str, line: Line) -> Span | None:
    """The lead rule a line states (:data:`LEAD_RULE` with its sequel), read across the breaks of a wrapped
    paragraph (…排在第一位的为 / 牵头单位，其他为配合单位。), or None."""
    if "为" not in raw[line.start : line.end]:
        return None  # every rule says 为
    flat = normalise(raw[line.start : line.end])
    rule = v.LEAD_RULE.search(flat)
    if rule is None:
        return None
    found = locate(raw[: line.end], flat[rule.start() : v.rule_extent(flat, rule)], line.start)
    return Span(found[0], found[1], line.number) if found else None


def _standing(raw: str, body: int, line: Line, lexicon: Lexicon) -> list[Unit]:
    """The units a standing statement in running text gives every later task (:func:`standing_units`)."""
    return standing_units(raw, body, line.end, line.number, lexicon)


def _past_space(raw: str, i: int, end: int) -> int:
    while i < end and raw[i].isspace():
        i += 1
    return i


def _extend(into: _Found, statement: Statement, end: int) -> None:
    """Add a statement's units to the one before it: one statement printed over consecutive lines."""
    into.statement.units.extend(statement.units)
    into.statement.open = into.statement.open or statement.open
    into.statement.reading += "+" + statement.reading
    into.whole = Span(into.whole.start, end, into.whole.line)


def _candidates(raw: str, line: Line, body: int, problems: list[Problem], path: str, lexicon: Lexicon,
                numbered: bool = False):
    """``(start, end, outer_start, outer_end)`` of each possible statement of a line: the line itself when it
    opens with a role label; else each top-level bracket (its content, and the bracket with its marks), a role
    label that begins a sentence, read to the end of the line, and a closing sentence that only says who is
    responsible (:func:`_closing_sentence`)."""
    at = body
    while at < line.end and raw[at].isspace():
        at += 1
    if opens_with_label(raw, at, line.end) or _fields_with_a_label(raw, at, line.end):
        yield at, _trim_end(raw, at, line.end), at, line.end
        return
    closings = _closing_sentence(raw, body, line, lexicon, numbered)
    closing = closings[0] if closings else None
    i = body
    while i < (closing[0] if closing else line.end):
        if not raw[i].isspace() and _after_sentence(raw, body, i) and opens_with_label(raw, i, line.end):
            # …。责任单位：A、B — a label closing the paragraph, neither bracketed nor on a line of its own
            yield i, _trim_end(raw, i, line.end), i, line.end
            return
        closer = STATEMENT_OPENERS.get(raw[i])
        if closer is None:
            i += 1
            continue
        close = matching_bracket(raw, i, line.end)
        if close is None:
            content = normalise(raw[i + 1 : line.end])
            if looks_like_statement(content) or opens_with_label(raw, i + 1, line.end):
                problems.append(Problem(path, line.number, f"bracket opened at column {i - line.start + 1} is never "
                                                           "closed: read to the end of the line", "warning"))
                yield i + 1, _trim_end(raw, i + 1, line.end), i, line.end
            elif looks_like_statement(content.strip("（）()【】")):
                problems.append(Problem(path, line.number, f"bracket opened at column {i - line.start + 1} is never "
                                                           "closed: a responsibility statement may be lost", "warning"))
            return
        if _printed(raw, i + 1, close) <= MAX_STATEMENT and not _quoted(raw, i, close + 1):
            yield i + 1, close, i, close + 1
        i = close + 1
    for n, (start, stop) in enumerate(closings):
        yield start, stop, start, stop if n + 1 < len(closings) else line.end


BARE_BRACKETS = 3  # so many paragraphs closing with a bracket of units alone make it the document's way


def _states_in_bare_brackets(raw: str, lines: LineIndex, lexicon: Lexicon) -> bool:
    """True for a document whose paragraphs close, at least :data:`BARE_BRACKETS` of them, with a bracket that
    lists only units, no role word nor rule in it (…推行“平安工地”建设（工程管理部，安全生产监督管理部，各项目公司）。):
    the way it states who answers for each measure (the first listed leads). A bracket or two of names in running
    text (…建设市民中心、体育馆（市文旅局、市体育局）) is not a way of the document."""
    count = 0
    for line in lines.lines:
        m = _CLOSING_BRACKET.search(line.text)
        if m is None:
            continue
        start = line.start + m.start() + 1
        close = matching_bracket(raw, start - 1, line.end)
        if close is None:
            continue
        statement = read_statement(raw, start, close, line.number, lexicon, lists=True)
        if statement is not None and statement.units and set(statement.reading.split("+")) == {"listed"}:
            count += 1
            if count >= BARE_BRACKETS:
                return True
    return False


_CLOSING_BRACKET = re.compile(r"[（(][^（()）]*(?:[（(][^（()）]*[）)][^（()）]*)*[）)][。；;]?\s*$")


def _fields_with_a_label(raw: str, at: int, end: int) -> bool:
    """True for a line of fields side by side, spaces between them, one a role label's (牵头领导：X　　牵头单位：A
    责任人：Y　　完成时限：…): the fields of one statement, as they are on lines of their own."""
    if not _FIELD.match(raw, at, end):
        return False
    return any(opens_with_label(raw, m.end(), end) for m in _FIELD_GAP.finditer(raw, at, end))


_FIELD_GAP = re.compile(r"[ \t\u3000]{2,}|\u3000")  # one full-width space is as wide as two
_FIELD = re.compile(r"[\u4e00-\u9fff]{2,8}\s*[：:]")


def _closing_sentence(raw: str, body: int, line: Line, lexicon: Lexicon,
                      numbered: bool = False) -> list[tuple[int, int]]:
    """The paragraph's sentences that are statements of their own (the last, or any before it: see below): units
    and a role verb, nothing else
    (…连片改造。市住房城乡建设局牵头，市财政局按职责分工负责。 / 由A会同B负责。 / A、B等部门负责。). A sentence
    whose verb has an object (市住房城乡建设局负责研究提出…) states a duty in running text, not who answers for the
    measure, and does not parse as a statement. A last sentence that opens with a condition (由A负责；涉及资本市场的，
    由B负责) states who answers for that part of the measure: a statement of its own after the one before it, the
    condition its text. Empty where there is none."""
    stop = _trim_end(raw, body, line.end)
    starts, depth = [body], 0
    for i in range(body, stop):  # a full stop inside a bracket ends no sentence
        if raw[i] in v.OPENERS:
            depth += 1
        elif raw[i] in v.OPENERS.values():
            depth = max(0, depth - 1)
        elif depth == 0 and raw[i] in "。；;！!":
            starts.append(i + 1)
    starts = [_past_blank(raw, at, stop) for at in starts]
    while len(starts) > 2 and v.DEADLINE_SENTENCE.fullmatch(normalise(raw[starts[-1]:stop])):
        # …。由市水利局负责起草，镇江海事局参与。2025年9月底前报送市政府。 — a sentence that only says by when (and
        # where the result goes) after the statement: the statement still closes the measure
        stop = _trim_end(raw, starts[-2], starts[-1])
        starts.pop()
    start = starts[-1]
    condition = v.CONDITION.match(raw, start, stop)
    if condition is not None and len(starts) > 1:
        found = _closing_statement(raw, body, condition.end(), stop, line, lexicon, numbered)
        earlier = _closing_statement(raw, body, starts[-2], _trim_end(raw, starts[-2], start), line, lexicon,
                                     numbered)
        if found is not None and earlier is not None and earlier[0] == starts[-2]:
            return [earlier, found]
        return []
    # Every sentence of the paragraph that is a statement of its own closes the measure before it: a 规划's
    # paragraph may state who answers for its first measure, then go on with a second and its own statement
    # (…100万株。此项工作由A牵头，B配合。加强森林火灾防控，…，由A、B按职责分工负责。), or follow its statement with
    # a sentence that states no one (…此项工作由A牵头，B参与。规划中期评估结果报市政府审定后向社会公布。).
    # Consecutive statement sentences state who answers for the measure together (…制度。由各省级林业和草原主管部门
    # 负责。草原管理司指导。). A sentence before the last is read only as a whole sentence or a last clause opened
    # by a topic pointing to the measure or by 由 (…，此项工作由A牵头 / …，由A会同B负责): never a duty in running text.
    found: list[tuple[int, int]] = []
    for n, at in enumerate(starts):
        last = n + 1 == len(starts)
        end = stop if last else _trim_end(raw, at, starts[n + 1])
        if end <= at:
            continue
        statement = _closing_statement(raw, body, at, end, line, lexicon, numbered, inside=not last)
        if statement is None:
            continue
        if found and found[-1][1] == _trim_end(raw, found[-1][0], at) and found[-1][0] != statement[0] \
                and statement[0] == at and _whole_sentence(raw, found[-1], starts):
            found[-1] = (found[-1][0], statement[1])  # 由A负责。B指导。: one statement over two sentences
        else:
            found.append(statement)
    return found


def _whole_sentence(raw: str, span: tuple[int, int], starts: list[int]) -> bool:
    """True where the statement ``span`` is a whole sentence (not a sentence's last clause)."""
    return span[0] in starts


def _printed(raw: str, start: int, stop: int) -> int:
    """The characters printed in ``raw[start:stop]``: the white space of line ends, of a character grid's padding
    and of a page break between (pdfplumber's layout pads each line to the page's width) is no length."""
    return stop - start - sum(c.isspace() for c in raw[start:stop])


def _past_blank(raw: str, at: int, stop: int) -> int:
    while at < stop and raw[at].isspace():
        at += 1
    return at


def _closing_statement(raw: str, body: int, start: int, stop: int, line: Line, lexicon: Lexicon,
                       numbered: bool = False, inside: bool = False) -> tuple[int, int] | None:
    """``(start, stop)`` where the sentence ``raw[start:stop]`` is a statement of its own (or its last clause is,
    opened by a topic pointing to the measure or by 由: …，由A会同B负责), else None. ``inside``: a sentence with
    more of the paragraph after it, where 相关工作 (the work of the clause before) is not read."""
    text = normalise(raw[start:stop])
    drafted = (m := v.DRAFT_FOR_APPROVAL.search(text)) is not None and m.end() == len(text)  # …提出方案，按程序报批
    if (stop - start > MAX_STATEMENT or not (text.endswith(tuple(v.VERBS)) or drafted)
            or text[:1] in STATEMENT_OPENERS
            or opens_with_label(raw, start, stop) or v.LEAD_RULE.search(text)):  # the rule is read as a rule
        return None
    statement = read_statement(raw, start, stop, line.number, lexicon)
    clause = statement is None
    if statement is None:
        start = _topic_clause(raw, start, stop)  # …健全监测网络，具体工作由省应急管理厅牵头负责。 / …，由A负责。
        statement = read_statement(raw, start, stop, line.number, lexicon) if start is not None else None
    if statement is None or not statement.units or statement.reading in ("", "listed"):
        return None
    if (inside or clause) and not (statement.topic
                                   or any(u.role in ("lead", v.RESPONSIBLE, v.HANDLER) for u in statement.units)):
        # 鼓励公益慈善组织参与。 before the paragraph's last sentence, …纳入督查考核，由市政府督查室组织实施 closing
        # it: running text, unless it says who leads or answers for the measure
        return None
    if statement.topic == "related" and (inside or not numbered):
        return None  # 相关工作由A负责 closes a numbered measure's own paragraph, or names some other work
    if statement.topic in ("work", "related") and v.SETS_UP_A_BODY.search(raw, body, start):
        return None  # 成立工作专班，办公室设在市商务局，具体工作由专班办公室负责: the body's work, not the measure's
    return start, stop


def _quoted(raw: str, start: int, end: int) -> bool:
    """True for a bracket printed inside quotation marks: a mark the text speaks of (标注“（牵头）”的为牵头单位),
    not a statement."""
    return start > 0 and raw[start - 1] in "“\"‘「" and raw[end : end + 1] in ("”", "\"", "’", "」")


def _topic_clause(raw: str, start: int, stop: int) -> int | None:
    """Where a clause of the sentence ``raw[start:stop]`` opens with a topic that points to the measure and runs to
    the sentence's end (…完善工作机制，此项工作由A牵头，B配合): its topic names what it is about, so the clauses
    before it are the measure's text, not part of the statement. So does 由 after the measure's work divided by its
    parts (…排涝工作分别由A、B负责: :data:`vocabulary.SEVERAL_PARTS`)."""
    depth = 0
    for i in range(start, stop):
        if raw[i] in v.OPENERS:
            depth += 1
        elif raw[i] in v.OPENERS.values():
            depth = max(0, depth - 1)
        elif depth == 0 and raw.startswith("分别由", i) and v.SEVERAL_PARTS.search(
                normalise(raw[max(start, i - 6) : i + 3])):
            return i + 2  # …排涝工作分别由A、B负责，C配合: the work named before 分别 is the measure's, divided
        elif depth == 0 and raw[i] in v.COMMAS:
            at = i + 1
            while at < stop and raw[at].isspace():
                at += 1
            if (topic := topic_at(raw, at, stop)) is not None and topic[0] != "related":
                return at  # …纳入考核，相关工作由A负责: the work related to the clause before, not the measure
            if raw.startswith("由", at) and not raw.startswith(v.NOT_A_TOPIC_BY, at) and raw[i - 1] not in "的者":
                # (涉及资本市场的，由B负责: a condition's part of the measure, read as a condition or not at all)
                return at  # …推动林业一二三产业融合发展，由A会同B、C负责: the clauses before are the measure
    return None


def _after_name(raw: str, start: int, i: int, lexicon: Lexicon) -> bool:
    """True where the text just before ``i`` ends with a body's name (市委组织部（人才办）, 报送县安委办（…）), a page
    break's blanked furniture inside it aside (…会同县自然资源和规 / — 4 — / head / 划局（县林业局）…)."""
    starts, j = [], i - 1
    while j >= start and len(starts) < MAX_NAME_BEFORE:
        if not raw[j].isspace():
            starts.append(j)
        j -= 1
    return any(lexicon.recognise(normalise(raw[j:i])) for j in starts[2:])


def _after_sentence(raw: str, start: int, i: int) -> bool:
    """True where ``i`` begins a sentence of its paragraph: the text before it ends with 。；！ (spaces aside)."""
    j = i - 1
    while j >= start and raw[j].isspace():
        j -= 1
    return j >= start and raw[j] in "。；;！!"


def _trim_end(raw: str, start: int, end: int) -> int:
    while end > start and (raw[end - 1].isspace() or raw[end - 1] in "。；;，,"):
        end -= 1
    return end


def _after(raw: str, pos: int, limit: int) -> int:
    """Past the punctuation that closes a statement (``）。``)."""
    while pos < limit and (raw[pos] in "。；;，, \t\u3000"):
        pos += 1
    return pos


def _tasks(found: list[_Found], raw: str, lines: LineIndex,
           keys: dict[Item, str]) -> list[tuple[TaskRecord, Item | None]]:
    """One task per statement, keyed by its item (or as the item's n-th child); with the rule basis used."""
    by_item: dict[Item | None, list[int]] = defaultdict(list)
    for index, f in enumerate(found):
        by_item[f.item].append(index)
    tasks: list[tuple[TaskRecord, Item | None]] = []
    for index, f in enumerate(found):
        siblings = by_item[f.item]
        ordinal = siblings.index(index) + 1
        start = f.start
        if f.item is None:
            key, label, number, parent = f"s{ordinal}", "", ordinal, None
        elif len(siblings) == 1:
            above = f.item.parent_item
            key, label, number, parent = keys[f.item], f.item.label, f.item.number, keys[above] if above else None
            if not f.follows:  # the item's only statement closes all of it, its heading aside
                start = min(f.start, _item_start(f, raw, lines))
        else:
            key, label, number, parent = f"{keys[f.item]}-{ordinal}", "", ordinal, keys[f.item]
        start, end = _strip(raw, start, f.end)
        if f.follows:  # …（A负责）；②推动… — the sub-item's enumerator is its label, not its measure
            start = past_inline_label(raw, start, end)
        names = {u.name for u in f.statement.units}
        units = f.statement.units + [u for u in f.carried if u.name not in names]
        rule = f.rule
        stated = normalise(raw[rule.start : rule.end]) if rule else ""  # across its line breaks (其他为配 / 合单位)
        settled, basis = settle_roles(units, v.rest_role(stated) if rule else "participant", v.unmarked_leads(stated))
        if basis == "listed-first":
            basis = "rule" if rule is not None else "convention"
        mentions = tuple(UnitMention(u.name, position, u.role, u.span, carried=u.carried, recognised=u.recognised,
                                     marked=u.marked) for position, u in enumerate(settled, 1))
        task = TaskRecord(number=number, text=normalise(raw[start:end]), span=Span(start, end, lines.line_of(start)),
                          units=mentions, open_ended=f.statement.open, row_span=f.whole, key=key, label=label,
                          parent=parent, reading=f.statement.reading, lead_basis=basis)
        tasks.append((task, f.item))
    return tasks


def _series_closed(found: list[_Found], seen: list[Item], last_line: dict[Item, Line]) -> list[_Found]:
    """The statements, with each closing statement that points back over a series of measures given to every
    measure of it that has no statement of its own.

    A topic pointing back (以上, 上述, 前述: :func:`vocabulary.topic_reach`) covers the series of numbered items it
    closes — the items of the outline level of the item it stands in (``X``), from the first after the heading
    above them (their enclosing item) or after the last item that has items of its own, to ``X`` — where it says
    it covers several (以上各项任务, 上述几项工作, 以上工作均由…; a count, 以上三项工作, takes the last three), or
    where it stands on a line of its own right after ``X``'s own paragraph (1.… 2.… 3.… / 上述工作由A负责). Standing
    on a line of its own after paragraphs under a heading ``X`` (（三）提升服务能力 / 段落 / 段落 / 以上工作由A负责),
    or closing a paragraph without saying several, it is ``X``'s alone, as any closing statement is.

    An item's own statement stands: the closing statement applies to the items of the series that have none (a
    statement an earlier closing statement gave counts as their own). It is ``X``'s in any case, as it was before
    (a second statement of ``X`` where ``X`` has one), but on a line of its own after ``X``'s own statement (3.…
    （A负责） / 以上各项工作由B牵头) it is the series', and ``X``'s own stands. A count larger than the series is
    not guessed at: the statement is then ``X``'s alone."""
    if not any(f.statement.reach[0] for f in found):
        return found
    parents = {i.parent_item for i in seen if i.parent_item is not None}
    stated: set[Item | None] = set()
    out: list[_Found] = []
    ahead: list[_Found] = []  # the entries of items after the statement that covers them (本部分任务… before them)
    for f in found:
        below = _part_below(f, seen, parents)
        if below:
            # 四、… / 本部分任务由A牵头 / （一）… （二）…: the part's statement before its items is theirs, not the
            # heading's
            own = {g.item for g in found if g is not f}
            ahead.extend(_Found(f.statement, y, last_line[y], max(y.body_start, last_line[y].start), last_line[y].end,
                                False, Span(y.body_start, last_line[y].end, y.line.number), f.rule, f.carried, True)
                         for y in below if y not in own and y in last_line)
            continue
        series = _series(f, seen, parents)
        for y in (y for y in series if y is not f.item and y not in stated and y in last_line):
            last = last_line[y]  # the measure runs to it; where y's own line is a title, from the paragraph below
            entry = _Found(f.statement, y, last, max(y.body_start, last.start), last.end, False,
                           Span(y.body_start, f.whole.end, y.line.number), f.rule, f.carried, True)
            out.insert(next((k for k, e in enumerate(out) if e.line.start > y.body_start), len(out)), entry)
            stated.add(y)
        if f.alone and len(series) > 1 and any(e.item is f.item and e.line.number < f.line.number for e in out):
            continue  # a line of its own after the series is the series': the last item's own statement stands
        out.append(f)
        stated.add(f.item)
    for entry in ahead:  # placed in document order among the statements
        out.insert(next((k for k, e in enumerate(out) if e.line.start > entry.item.body_start), len(out)), entry)
    return out


def _part_below(f: _Found, seen: list[Item], parents: set[Item]) -> list[Item]:
    """The items under the heading a statement naming the part of the plan (本部分任务, 本章各项工作) stands in, where
    it stands before them (in the heading's line or its lead-in): the part's measures, those with no items of their
    own; none for any other statement (one after the items closes their series: :func:`_series`)."""
    x = f.item
    if not f.statement.part or x is None or x not in parents:
        return []
    below = [y for y in seen if y.parent_item is x]
    if not below or below[0].line.start <= f.line.start:
        return []
    return [y for y in below if y not in parents]


def _plain_kind(raw: str, line: Line, found: list[_Found]) -> str:
    """What a line under no outline item is: ``closing`` where a statement stands on it alone, ``title`` where it
    is short and holds no full stop (重点任务, 深化农村生活垃圾分类处理), a ``paragraph`` otherwise."""
    if found and found[-1].alone and found[-1].line.number == line.number:
        return "closing"
    text = normalise(line.text).strip()
    return "title" if "。" not in text and len(text) <= HEADING_TITLE else "paragraph"


def _paragraphs_closed(found: list[_Found], plain: list[tuple[Line, str]]) -> list[_Found]:
    """The statements, with a closing statement on a line of its own that points back (以上, 上述) over paragraphs
    under no outline item (a Word file's automatic numbers lost in its text: docx2txt) given to the paragraphs it
    covers, as :func:`_series_closed` gives it to numbered items: back to the title above them or the closing line
    before them, where it says it covers several (以上各项工作由A牵头: each paragraph without a statement of its own;
    以上三项工作: the last three), else the block under a title as one measure (标题 / 段落 / 段落 / 以上工作由A负责:
    from its first paragraph)."""
    if not any(f.item is None and f.alone and f.statement.reach[0] for f in found):
        return found
    at = {line.number: k for k, (line, _) in enumerate(plain)}
    own = {e.line.number for e in found if not e.alone}  # paragraphs with a statement of their own
    out: list[_Found] = []
    for f in found:
        back, several, count = f.statement.reach
        k = at.get(f.line.number)
        if f.item is not None or not f.alone or not back or k is None:
            out.append(f)
            continue
        block: list[Line] = []
        while k > 0 and plain[k - 1][1] == "paragraph":
            k -= 1
            block.insert(0, plain[k][0])
        titled = k > 0 and plain[k - 1][1] == "title"
        # paragraphs of which one states its own responsibility are measures, not one measure's paragraphs: the
        # statement covers the others as it covers a numbered series (标题 / 段落 / 段落（B负责） / 以上工作由A负责)
        measures = k > 0 and len(block) > 1 and bool(own & {p.number for p in block})
        if (several or measures) and block and (not count or count <= len(block)):
            for p in block[-count if count else 0 : -1]:
                if p.number not in own:  # placed in document order among the statements
                    entry = _Found(f.statement, None, p, p.start, p.end, False, Span(p.start, f.whole.end, p.number),
                                   f.rule, f.carried, True)
                    out.insert(next((j for j, e in enumerate(out) if e.line.start > p.start), len(out)), entry)
            if block[-1].number in own:
                continue  # the series': the last paragraph's own statement stands, as a numbered item's does
        elif not several and titled and len(block) > 1:
            f = replace(f, start=block[0].start, whole=Span(block[0].start, f.whole.end, block[0].number))
        out.append(f)
    return out


def _series(f: _Found, seen: list[Item], parents: set[Item]) -> list[Item]:
    """The items, ``f``'s own the last, that its closing statement covers (see :func:`_series_closed`); none where
    it closes no series."""
    back, several, count = f.statement.reach
    x = f.item
    if not back or x is None or not (several or (f.alone and f.start <= x.line.end)):
        return []
    series: list[Item] = []
    for y in reversed([i for i in seen if i.parent_item is x.parent_item and i.part == x.part
                       and i.line.start <= x.line.start]):
        if y is not x and y in parents:
            break  # a heading of items of its own closes the series
        series.insert(0, y)
    if count and count > len(series):
        return []  # the count does not match the outline: not guessed at
    return series[-count:] if count else series


def _item_start(f: _Found, raw: str, lines: LineIndex) -> int:
    """Where the measure of an item's only statement starts: after the label, or, where the item's own line is
    only a short title (第一条 办公空间支持) and the statement stands below it, at the paragraph after the title."""
    item = f.item
    title = normalise(raw[item.body_start : item.line.end])
    if f.line.number == item.line.number or "。" in title or len(title) > HEADING_TITLE:
        return item.body_start
    own = lines.lines[item.line.number - 1]
    if item.line.end < own.end:  # the title was parted from the paragraph run into it: the paragraph's start
        return _past_space(raw, item.line.end, own.end)
    below = next((ln for ln in lines.lines[item.line.number :] if not ln.blank and not _slot_line(raw, ln)), None)
    return below.start if below is not None and below.start < f.end else item.body_start


def _slot_line(raw: str, line: Line) -> bool:
    """A line such as 牵头领导：周建华 or 完成时限：2025年底: a field of the measure, not its text nor a statement."""
    return bool(SLOT_LINE.match(line.text)) and not opens_with_label(raw, line.start + len(line.text)
                                                                     - len(line.text.lstrip()), line.end)


def _holding(found: list[_Found]) -> dict[Item, set[str]]:
    """The items that hold statements, and every item above them, with what each becomes: a ``task`` (an item
    holding one statement is that task), an ``item`` (it holds several, or items that hold them; a top-level one
    also names its section), or both."""
    direct: dict[Item, int] = defaultdict(int)
    for f in found:
        if f.item is not None:
            direct[f.item] += 1
    kinds: dict[Item, set[str]] = defaultdict(set)
    for item, count in direct.items():
        kinds[item].add("task" if count == 1 else "item")
        if item.parent_item is None:
            kinds[item].add("item")
        above = item.parent_item
        while above is not None:
            kinds[above].add("item")
            above = above.parent_item
    return kinds


def _strip(raw: str, start: int, end: int) -> tuple[int, int]:
    """The measure without white space at its ends, a bullet before it, the punctuation left by a statement before
    it or the comma before a statement's clause after it."""
    while start < end and (raw[start].isspace() or raw[start] in "。；;，," or raw[start] in BULLETS):
        start += 1  # a bullet opening an entry (◆宁波人工智能算力中心工程) is no part of its text
    while end > start and (raw[end - 1].isspace() or raw[end - 1] in "，,"):
        end -= 1  # …健全监测网络，具体工作由A负责: the measure ends before the comma of the topic's clause
    return start, end


def _sections(tasks: list[tuple[TaskRecord, Item | None]], keys: dict[Item, str], source: SourceText,
              rule: Span | None) -> list[SectionRecord]:
    """Tasks grouped by their top-level item; the lead rule recorded where a task of the section used it."""
    groups: dict[Item | None, list[TaskRecord]] = defaultdict(list)
    for task, item in tasks:
        groups[Outline.root(item) if item is not None else None].append(task)
    sections = []
    for head, members in groups.items():
        key = f"part-{keys[head]}" if head is not None else "body"
        title = _heading(head.line.text[head.body_start - head.line.start:]) if head is not None else "正文"
        span = Span(head.line.start, head.line.end, head.line.number) if head is not None else None
        bases = {t.lead_basis for t in members}
        if "rule" in bases and rule is not None:
            sections.append(SectionRecord(key, title, number=head.label if head else None, span=span,
                                          role_rule=normalise(source.quote(rule)), role_rule_span=rule,
                                          role_rule_basis="stated", tasks=tuple(members)))
        else:
            sections.append(SectionRecord(key, title, number=head.label if head else None, span=span,
                                          role_rule_basis="convention" if "convention" in bases else "stated",
                                          tasks=tuple(members)))
    return sections


def _items(tasks: list[tuple[TaskRecord, Item | None]], keys: dict[Item, str]) -> list[ItemRecord]:
    """The outline items above the tasks (an item holding one statement is that task, not an item), in
    document order."""
    by_key = {key: item for item, key in keys.items()}
    wanted: dict[str, Item] = {}
    for task, _ in tasks:
        key = task.parent
        while key is not None and key not in wanted:
            wanted[key] = item = by_key[key]
            key = keys[item.parent_item] if item.parent_item else None
    return [ItemRecord(keys[i], i.label, i.number, keys[i.parent_item] if i.parent_item else None,
                       _heading(i.line.text[i.body_start - i.line.start:]),
                       Span(i.line.start, i.line.end, i.line.number))
            for i in sorted(wanted.values(), key=lambda i: i.line.start)]


def _heading(text: str) -> str:
    """A section title: the item's line up to its first full stop, at most HEADING_MAX characters."""
    text = normalise(text)
    return text.split("。")[0][:HEADING_MAX]
