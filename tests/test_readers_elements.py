"""A document parser's element dump (JSON): the text it renders, read as any text; bad JSON refused by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fengong.readers.detect import read_path
from fengong.readers.elements import is_json, render
from fengong.records import ReadError

ITEM = "（一）推进某项改革。完善工作机制，加强统筹协调。"
STATEMENT = "（省发展改革委牵头，省财政厅、省商务厅配合）"


def units(task):
    return [(u.name, u.role) for u in task.units]


def opendataloader() -> dict:
    """opendataloader-pdf's JSON: kids in reading order, a list's items, a table's rows of cells holding
    paragraphs, the page's header and footer."""
    def paragraph(text: str) -> dict:
        return {"type": "paragraph", "id": 1, "page number": 1, "bounding box": [0, 0, 1, 1], "content": text}

    def cell(text: str) -> dict:
        return {"type": "table cell", "row number": 1, "column number": 1, "kids": [paragraph(text)]}

    return {"file name": "plan.pdf", "number of pages": 2, "kids": [
        {"type": "header", "kids": [paragraph("某省人民政府办公厅文件")]},
        {"type": "heading", "level": "Doctitle", "heading level": 1, "content": "某省推进某项改革实施方案"},
        paragraph("一、重点任务"),
        paragraph(ITEM + STATEMENT),
        {"type": "list", "numbering style": "arabic numbers", "list items": [
            {"type": "list item", "content": "1.加强某项工作。（省教育厅负责）", "kids": []},
            {"type": "list item", "content": "2.完善某项制度。", "kids": [paragraph("（省民政厅、省财政厅负责）")]}]},
        {"type": "table", "number of rows": 3, "number of columns": 4, "rows": [
            {"type": "table row", "row number": 1, "cells": [cell("序号"), cell("重点任务"), cell("牵头单位"),
                                                              cell("配合单位")]},
            {"type": "table row", "row number": 2, "cells": [cell("1"), cell("建设某平台"), cell("省数据局"),
                                                              cell("省财政厅")]},
            {"type": "table row", "row number": 3, "cells": [cell("2"), cell("开展某试点"), cell("省商务厅"),
                                                              cell("省市场监管局")]}]},
        {"type": "footer", "kids": [paragraph("— 2 —")]},
    ]}


def unstructured() -> list:
    """unstructured's ``convert_to_dict``: a list of elements, a table's cells in ``metadata.text_as_html``."""
    return [
        {"type": "Header", "element_id": "a", "text": "某省人民政府办公厅文件", "metadata": {"page_number": 1}},
        {"type": "Title", "element_id": "b", "text": "一、重点任务", "metadata": {"page_number": 1}},
        {"type": "NarrativeText", "element_id": "c", "text": ITEM + STATEMENT, "metadata": {"page_number": 1}},
        {"type": "ListItem", "element_id": "d", "text": "1.加强某项工作。（省教育厅负责）", "metadata": {}},
        {"type": "ListItem", "element_id": "e", "text": "2.完善某项制度。（省民政厅、省财政厅负责）", "metadata": {}},
        {"type": "Table", "element_id": "f", "text": "序号 重点任务 牵头单位 配合单位 1 建设某平台 省数据局 省财政厅",
         "metadata": {"text_as_html": "<table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th></tr>"
                                      "<tr><td>1</td><td>建设某平台</td><td>省数据局</td><td>省财政厅</td></tr>"
                                      "<tr><td>2</td><td>开展某试点</td><td>省商务厅</td><td>省市场监管局</td></tr>"
                                      "</table>"}},
        {"type": "PageNumber", "element_id": "g", "text": "2", "metadata": {}},
    ]


def docling() -> dict:
    """docling's DoclingDocument: the body's children refer to texts, groups and tables, in reading order; the
    page's furniture in its own layer."""
    def grid(rows):
        return [[{"text": text} for text in row] for row in rows]

    return {"schema_name": "DoclingDocument", "version": "1.0.0",
            "body": {"self_ref": "#/body", "children": [
                {"$ref": "#/texts/0"}, {"$ref": "#/texts/1"}, {"$ref": "#/texts/2"}, {"$ref": "#/groups/0"},
                {"$ref": "#/tables/0"}]},
            "furniture": {"self_ref": "#/furniture", "children": [{"$ref": "#/texts/5"}]},
            "groups": [{"self_ref": "#/groups/0", "label": "list",
                        "children": [{"$ref": "#/texts/3"}, {"$ref": "#/texts/4"}]}],
            "texts": [
                {"self_ref": "#/texts/0", "label": "title", "text": "某省推进某项改革实施方案"},
                {"self_ref": "#/texts/1", "label": "section_header", "text": "一、重点任务"},
                {"self_ref": "#/texts/2", "label": "text", "text": ITEM + STATEMENT},
                {"self_ref": "#/texts/3", "label": "list_item", "text": "1.加强某项工作。（省教育厅负责）"},
                {"self_ref": "#/texts/4", "label": "list_item", "text": "2.完善某项制度。（省民政厅、省财政厅负责）"},
                {"self_ref": "#/texts/5", "label": "page_header", "content_layer": "furniture",
                 "text": "某省人民政府办公厅文件"}],
            "tables": [{"self_ref": "#/tables/0", "label": "table", "data": {"num_rows": 3, "num_cols": 4, "grid": grid(
                [["序号", "重点任务", "牵头单位", "配合单位"], ["1", "建设某平台", "省数据局", "省财政厅"],
                 ["2", "开展某试点", "省商务厅", "省市场监管局"]])}}]}


@pytest.mark.parametrize("dump", [opendataloader, unstructured, docling])
def test_an_element_dump_renders_its_elements_in_order_and_its_tables_as_rows(dump):
    text = render(json.dumps(dump(), ensure_ascii=False, indent=2), "plan.json")
    assert "某省人民政府办公厅文件" not in text and "— 2 —" not in text  # the page's furniture
    blocks = text.split("\n\n")
    assert blocks[blocks.index("一、重点任务") + 1] == ITEM + STATEMENT
    assert "序号\t重点任务\t牵头单位\t配合单位\n1\t建设某平台\t省数据局\t省财政厅\n2\t开展某试点\t省商务厅\t省市场监管局" in text
    assert text.index("1.加强某项工作") < text.index("2.完善某项制度") < text.index("序号")


@pytest.mark.parametrize("dump", [opendataloader, unstructured, docling])
def test_an_element_dump_is_read_as_the_text_it_renders(tmp_path: Path, dump):
    path = tmp_path / "plan.txt"  # a dump saved under any name: known by its text
    path.write_text(json.dumps(dump(), ensure_ascii=False, indent=2), encoding="utf-8")
    plan, reader = read_path(path)
    assert plan.source.rendered_from == "json" and reader == "tabular"
    assert [units(t) for t in plan.tasks] == [
        [("省发展改革委", "lead"), ("省财政厅", "cooperating"), ("省商务厅", "cooperating")],
        [("省教育厅", "lead")], [("省民政厅", "lead"), ("省财政厅", "participant")],
        [("省数据局", "lead"), ("省财政厅", "cooperating")], [("省商务厅", "lead"), ("省市场监管局", "cooperating")]]
    task = plan.tasks[0]  # offsets point into the rendering, the source the plan keeps
    assert plan.source.quote(task.units[0].span) == "省发展改革委"


def test_bad_json_is_refused_with_the_file_and_the_line(tmp_path: Path):
    path = tmp_path / "plan.json"
    path.write_text('{\n  "kids": [\n    {"type": "paragraph", "content": "甲"\n  ]\n}\n', encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read_path(path)
    problem = caught.value.problems[0]
    assert problem.path.endswith("plan.json") and problem.line == 4 and "not valid JSON" in problem.message
    for empty in ('{"tasks": [{"key": "1", "units": []}]}', "[]", '{"kids": []}'):
        path.write_text(empty, encoding="utf-8")
        with pytest.raises(ReadError, match="no document elements"):
            read_path(path)


def test_what_is_read_as_json():
    assert is_json("{\n  \"kids\": []}", ".txt") and is_json('[{"type": "Title"}]', ".txt")
    assert is_json("甲", ".json")  # named so: refused if it is no JSON
    assert not is_json("[2019]12号文件", ".txt") and not is_json("一、总体要求", ".md")
