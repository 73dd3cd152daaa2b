"""Splitting printed unit lists."""

import pytest

from fengong.unitlist import is_collective, looks_like_unit, split_units


def test_names_broken_across_lines_are_rejoined_with_their_raw_places():
    raw = "省残联、省卫生计生委、省公安\n厅、省人力资源社会保障厅"
    units = split_units(raw, 1000)
    assert [p.name for p in units.pieces] == ["省残联", "省卫生计生委", "省公安厅", "省人力资源社会保障厅"]
    third = units.pieces[2]
    assert raw[third.start - 1000 : third.end - 1000] == "省公安\n厅"
    assert not units.open_ended


def test_a_trailing_deng_opens_the_list_and_is_no_unit():
    units = split_units("省民\n政厅、省财政厅等")
    assert [p.name for p in units.pieces] == ["省民政厅", "省财政厅"]
    assert units.open_ended and units.open_marker.name == "等"
    assert split_units("民政部、财政部等有关部门").open_marker.name == "等有关部门"


def test_a_list_may_end_with_its_separator_before_the_line_break():
    assert [p.name for p in split_units("省残联、省人力资源社会保障厅、\n").pieces] == ["省残联", "省人力资源社会保障厅"]


def test_two_separators_in_a_row_are_an_error():
    with pytest.raises(ValueError):
        split_units("省残联、、省教育厅")


def test_unit_names_and_task_text_are_told_apart():
    assert looks_like_unit("省语言文字工作委员会") and looks_like_unit("团省委") and looks_like_unit("地方各级政府")
    assert not looks_like_unit("为家庭经济困难的残疾儿童")
    assert not looks_like_unit("划” 省残联")


def test_collectives():
    assert is_collective("地方各级政府") and is_collective("各有关部门") and is_collective("各部门")
    assert not is_collective("省残联") and not is_collective("省民政厅")
