"""Reading the Jilin appendix, checked against the table typed by hand (groundtruth/jilin_appendix.py)."""

from pathlib import Path

import pytest
from groundtruth.jilin_appendix import COLLECTIVE_TASKS, JILIN_TASKS, OPEN_TASKS, ROLE_RULE

from fengong import PROJECT_ROOT
from fengong.documents import read_document
from fengong.textrepair import normalise

SIDECAR = PROJECT_ROOT / "data" / "sources" / "jilin-disability-13fyp.meta.toml"


@pytest.fixture(scope="module")
def plan():
    record, problems = read_document(SIDECAR, PROJECT_ROOT)
    assert problems == []
    return record


def test_the_project_keeps_the_seed_unchanged():
    seed = PROJECT_ROOT.parent / "shared" / "seed" / "jilin-disability-13th-fyp-excerpt.txt"
    ours = PROJECT_ROOT / "data" / "sources" / "jilin-disability-13fyp.txt"
    if not seed.exists():
        pytest.skip("../shared is not beside this checkout")
    assert ours.read_bytes() == seed.read_bytes()


def test_all_36_tasks_with_their_text_and_units_in_printed_order(plan):
    got = [(t.number, t.text, [u.name for u in t.units]) for t in plan.tasks]
    assert got == [(n, text, units) for n, text, units in JILIN_TASKS]


def test_153_assignments_31_units_first_listed_leads(plan):
    mentions = [u for t in plan.tasks for u in t.units]
    assert len(mentions) == 153
    assert len({u.name for u in mentions}) == 31
    for task in plan.tasks:
        assert [u.role for u in task.units] == ["lead"] + ["participant"] * (len(task.units) - 1)
        assert [u.position for u in task.units] == list(range(1, len(task.units) + 1))


def test_open_list_and_collective(plan):
    assert {t.number for t in plan.tasks if t.open_ended} == OPEN_TASKS
    assert {t.number for t in plan.tasks if any(u.name == "地方各级政府" for u in t.units)} == COLLECTIVE_TASKS


def test_the_role_rule_is_read_from_the_note(plan):
    table = plan.sections[-1]
    assert table.role_rule == ROLE_RULE and table.role_rule_basis == "stated"
    assert table.title == "重点任务分工"
    assert table.role_rule_span.line == 316


def test_every_span_points_at_what_it_stands_for(plan):
    raw = plan.source.raw
    for task in plan.tasks:
        assert normalise(raw[task.span.start : task.span.end]) == task.text
        for unit in task.units:
            quote = raw[unit.span.start : unit.span.end]
            assert normalise(quote) == unit.name
            assert raw.count("\n", 0, unit.span.start) + 1 == unit.span.line
    task14 = plan.tasks[13]
    assert raw[task14.units[2].span.start : task14.units[2].span.end] == "省公安\n厅"  # line 146-147


def test_body_facts_are_anchored(plan):
    duties = {d.key: d for d in plan.duties}
    assert duties["annual-report"].addressee == "省政府残疾人工作委员会"
    assert duties["annual-report"].frequency == "每年"
    assert duties["annual-report"].span.line == 27
    assert duties["assessment"].due_years == (2018, 2020)
    assert {p.title for p in plan.projects} == {"志愿助残服务示范项目", "助残社会组织培育项目"}
    assert plan.metadata["identifier"].basis == "unknown" and not plan.metadata["identifier"].values
    assert plan.metadata["title"].basis == "inferred"


def test_the_sidecar_quotes_must_be_in_the_source(tmp_path: Path):
    from fengong.records import ReadError

    (tmp_path / "x.txt").write_text((PROJECT_ROOT / "data/sources/jilin-disability-13fyp.txt").read_text())
    side = SIDECAR.read_text().replace('source = "jilin-disability-13fyp.txt"', 'source = "x.txt"')
    side = side.replace("对先进典型予以表彰。", "对先进集体予以奖励。")
    (tmp_path / "x.meta.toml").write_text(side)
    with pytest.raises(ReadError, match="duty commendation"):
        read_document(tmp_path / "x.meta.toml", tmp_path)
