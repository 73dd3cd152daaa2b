"""The genre test sets (tests/data/genre/README.md): documents written in the genre's style by a colleague who had
not seen the readers, each with hand-typed truth. Every figure is held at 1.0 so that no change loses a form."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from fengong.evaluate import Counts, count, load_truth, scores, tasks_in_store
from fengong.ingest import find_documents, ingest
from fengong.registry import default_registry_paths, load_registry

ROOT = Path(__file__).resolve().parent.parent
SETS = sorted((ROOT / "tests" / "data" / "genre").glob("set-*"))
# Documents with a form the reader does not read yet, by set: each is left out of the set's 1.0 and must still
# fall short of it (strict, as an xfail is: a document read right must leave this list). The truth stays as typed.
KNOWN_GAPS: dict[str, dict[str, str]] = {
    "set-26": {
        "guoban-2018-kuajing-maoyi-bianlihua": "brackets printed 氀/氁: no known font mapping (GBK 9AD1/9AD2 fit no shift of （）)",
        "huangpu-2026-xinxing-gongyehua-fangan": "brackets printed 氀/氁: no known font mapping (GBK 9AD1/9AD2 fit no shift of （）)",
        "lankao-2026-minsheng-shishi": "brackets printed 氀/氁: no known font mapping (GBK 9AD1/9AD2 fit no shift of （）)",
    },
    "set-29": {
        "henan-2019-zhongxiao-qiye-fangan": "raw PDF extraction (blind set 29): every statement read; only labels "
                                            "differ: the truth types （一） and 1. where the text prints (一) and 1灡 "
                                            "(= 1．, typed 1． in set 26's hubei)",
    },
    "set-34": {
        "fuping-2026-wenwu-anquan-pdfminer": "pdfminer printed the one-character line 局 of （十）'s 责任单位 line before the "
                                             "line it ends (…县城市管理执法): the name 县城市管理执法局 no longer occurs; "
                                             "every other task and mention reads",
        "slb-2019-hehu-guanli-pdfplumber": "pdfplumber's extract_text() merges each printed line across the page with no "
                                           "column positions: a row's cells come out line by line, centred cells "
                                           "starting on different lines, pieces parted by one space, so which piece "
                                           "is which column's (人事司、各 / 流域管理机 / 构) is not in the text",
    },
    "set-42": {
        # real PDFs through extractors the earlier probes did not use (blind set 42, by 3f36bc9); reasons as measured
        "shuzhengbanfa-2026-huamu-chanye": "pdfminer detect_vertical: a table printed in text boxes with a second "
                                           "text column (具体措施), lead cells merged over two or three rows printed "
                                           "once, a 配合单位 cell and its 完成时限 in one box: the columns' cells do not "
                                           "align one to one, refused (not guessed)",
        "yongzhengbanfa-2026-jishuyun": "PyMuPDF blocks sorted by position: one cell a block, a row's 序号 after its "
                                        "cells, merged lead cells printed once at their span's middle (市交通局 "
                                        "between rows 2 and 3): no order proves which cell is whose; refused "
                                        "(header found, no row with units)",
    },
    "set-41": {
        # pdfminer's boxes: the header cut by a section row (序号 主要任务 / 一、… / 牵头单位 责任单位), task and lead
        # runs interleaved, a page's 责任单位 cells printed after the next section's rows, boxes holding two cells
        # (9 任务 省商务厅, 省商务厅 省统计局): which unit box is a 牵头单位 cell and which a 责任单位 cell is
        # left to the columns' widths, which the text does not keep; read_boxes refuses rather than guess
        "yuzhengban-2026-xianyu-shangye": "real PDF extraction (blind set 41): pdfminer's text boxes regrouped "
                                          "across sections; not read (never guessed)",
    },
    "set-44": {
        # office files through real converters no earlier probe used (blind set 44, by 3f36bc9); reasons as measured
        "dezhengbanfa-2026-renju-huanjing": "docx2txt: Word's automatic numbers lost (一、（一）1.); every task and "
                                            "unit read (the closing 以上…由… lines cover the paragraphs above them), "
                                            "but keyed s1…s12: the truth keeps the clean text's labels",
        "guobanfa-2019-lenglian-wuliu": "mammoth convert_to_markdown: Word's automatic （一） numbers printed as a "
                                        "Markdown list's 1.; the truth keeps the clean text's labels (every unit read)",
    },
    "set-47": {
        # blind set 47, measured by a086724 (task F1 / mention F1 / lead accuracy); studied: what is left is OCR's
        # (characters lost or misread, a label's box not found) or a table whose rows OCR's assembly interleaved
        "anji-2026-baicha-chanye": "0.286 / 0.047 / 0.000: landscape table in visual rows (space-joined): wrapped "
                                   "cells interleaved row by row, the 县领导 names run into the unit cells; not read. "
                                   "OCR also read 1.2's and 6.1's ” as \"",
        "gansu-2026-gebi-nongye": "0.923 / 0.902 / 0.923: OCR found no box for the label （二） opening page 3, so its "
                                  "paragraph reads as 1.1's second statement (1.1-1, 1.1-2): OCR's lost label",
        "guobanfa-2018-lenglian-sheshi": "0 / 0 / 0: table one OCR box a line in engine order (cells interleaved, the "
                                         "merged lead cells on one row of their span); OCR also read 序号 9 as 6",
        "guobanfa-2019-shequ-bianmin": "0.923 / 0.914 / 0.923: every task and unit read; OCR read 2.4's ” as \" "
                                       "(发展“一站式\"便民服务): OCR's misread character",
        "hunan-2026-dikong-jingji": "0.143 / 0.000 / 0.000: table rows merged into paragraphs by the OCR tool, the "
                                    "wrapped cells of every column interleaved; not read",
        "lankao-2026-yueqi-chanye": "1.000 / 0.818 / 1.000: OCR lost 堌 of 堌阳镇 (4 tasks) and read the labels' "
                                    "full-width ． as . (6 tasks; the truth keeps the clean text's 1．)",
        "luoyang-2026-wenlv-xiaofei": "0.846 / 0.848 / 0.846: OCR's losses only: 瀍 of 瀍河区政府, 1.3-1's ＋ read "
                                      "as 十, 2.7's 入 as 大",
        "shaoxing-2026-yinran-shuzhi": "1.000 / 1.000 / 1.000, numbering 0.250: every task and unit read; OCR read "
                                       "the labels' full-width ． as . in 9 of 12 (the truth keeps the clean 1．)",
        "wuhou-2026-chengshi-gengxin": "0.121 / 0.000 / 0.000: table in tab-joined visual rows: the merged 牵头单位 "
                                       "cell on one row of four, wrapped cells interleaved: refused (37 unit "
                                       "cells unreadable against 20 rows; it wrote 30 tasks, 2 right, before)",
        "yuhang-2026-rengong-zhineng": "0.909 / 0.902 / 0.909: OCR's losses only: 2.6's ＋ read as 十, the labels' "
                                       "full-width ． read as . in 4",
    },
    "set-48": {
        # blind set 48 (PDF table tools), measured by 9033734; the other nine read since
        "xihu-2026-laojiu-xiaoqu": "PyMuPDF extract() rows joined by tabs: every full-width mark (and 一) of a cell "
                                   "moved onto a line of its own under its line, a space left where it stood; with "
                                   "one mark more than spaces (区住建局 区规划资 / 、 、) the text does not say whether "
                                   "it opened the line or closed it (…管理办、区住建局 or 区规划资、源分局), nor which "
                                   "mark of two such lines went in which space: refused (the header's 序 / 号 "
                                   "wrapped too: row 1 reads cut short), not guessed",
    },
    "set-49": {
        # office files through real converters (blind set 49): Word's automatic numbers lost in the rendering
        "xuzhengbanfa-2026-15-tizhen-xiaofei": "mammoth HTML + markdownify: Word's automatic 一、（一）1. printed as "
                                               "Markdown list items, each 1.; every task and unit read, but the "
                                               "truth keeps the clean text's labels (2.1.2, 2.)",
        "yizhengbanzi-2026-06-renju-huanjing": "mammoth raw text: Word's automatic 一、 1. lost; every task and unit "
                                               "read (keyed s1…s13), the truth keeps the clean text's labels",
    },
    "set-53": {
        # OCR'd tables assembled by their structure (img2table cells + RapidOCR text; blind set 53)
        "suitianfuban-2026-6-louyu-jingji": "a skewed scan (CER 17%): the structure step found 2 of 4 columns on the "
                                            "first table page (序号 and 配合单位 came out as prose), the header on the "
                                            "next page names all four: refused, not guessed",
        "zhezhengbanfa-2026-11-dikong-jingji": "OCR lost the first line of a page: task 2.5.9's text is not in the "
                                               "document (every task it holds is read)",
    },
    "set-56": {
        # unstructured's elements written out (blind set 56, before any rule)
        "guoban-2019-41-nongcun-lenglian": "convert_to_dict's text fields, one a line: a Table element's str puts the "
                                           "whole table on one line, every cell joined by one space: refused (a "
                                           "header, no numbered rows), not read",
        "tianhe-2026-rengong-zhineng": "partition_pdf fast, elements_to_text: 12 of 12 tasks since joined lines, "
                                       "three units cut where a labelled line's element ends (区交通运输 / 局)",
    },
    "set-62": {
        # poppler-utils and mupdf-tools CLIs (blind set 62, by fb4c0ea, before any rule)
        "guoban-2018-kouan-tongguan": "pdftotext's default mode prints the ruled table's cells in blocks out of row "
                                      "order (numbers 7-12 in one block, row 2's 配合单位 after row 5's lead): "
                                      "which cell is whose is not in the text; no row read, warned at the header",
    },
    "set-63": {
        # LibreOffice conversions, antiword, catdoc (blind set 63, by fb4c0ea, before any rule; fixc: hubei, shaoxing)
        "fagai-2018-gonggong-shixun": "（…指导，各省级发展改革部门、人力资源社会保障部门落实）: the truth types two units, "
                                      "while set 18 types 各省级农业农村部门、乡村振兴部门 as one collective (各 governs both), "
                                      "as the reader does; every other mention reads",
        "huangpu-2026-yingshang-huanjing": "各街道办事处、镇政府 (rows 10, 12): the truth types two units, while set 12 "
                                           "types 各盟行政公署、市人民政府 as one collective (各 governs the level's body "
                                           "after 、), as the reader does; every other task and mention reads",
        "nongban-2019-zhiliang-anquan": "row 5 prints one unit cell of two, the other merged from row 4 (rowspan, "
                                        "printed once): which column it is the text does not say; read as the lead's "
                                        "(as for html2text's pipe table), the truth has the 配合单位 merged; every "
                                        "other row reads",
        "wuhou-2026-shequ-shangye": "catdoc lost task 2.1.1's text and number (garbage in their place): not in the "
                                    "text; every other task reads",
    },
    "set-65": {
        # docling (DOCX/HTML/XLSX/PPTX backends) (blind set 65, by fb4c0ea, before any rule)
        "d07-anzhengban-2026-zhuchanye": "blind: read 11/14 (found 13), task F1 0.815, mention F1 0.800, lead 0.786, numbering 0.786",
    },
    "set-61": {
        # Tesseract 5 OCR (chi_sim; psm 3/4/6, TSV and hOCR assembled; blind set 61); figures after s25-fixg's rules
        # (misread characters of names and task texts are the OCR's: the truth is typed from the clean text)
        "dangshan-2026-06-suli-chanye": "read 8/11 (found 10, the other 2 with OCR-misread texts): 2.1.1's bracket "
                                        "reads 沙实 for 落实, 合肥海关驻厌山办事处 and 良殊镇人民政府 misread",
        "fagai-2019-1150-chengxiang-ronghe": "read 3/15 (found 3): psm 6 read the table across its columns; the rows "
                                             "whose cells wrap side by side are refused, 3 numbers lost",
        "ganzhou-2026-11-wuliu-jiangben": "read 1/14 (found 1): the table, TSV words spaced and read across its "
                                          "columns, is unread (warned at its header); 赣 misread throughout",
        "guoban-2018-41-nongcun-jidi-dianshang": "read 7/15 (found 14, 7 with OCR-misread texts): 国家发展改车委 and "
                                                 "kin misread; 6.13's bracket reads 按职责分工人负责",
        "hunan-2026-09-shebei-gengxin": "refused: psm 3 prints each cell as a paragraph and lost most row numbers "
                                        "and a unit cell; row 1's cells cannot be told apart (error at line 137)",
        "luoyang-2026-12-yejian-wenlv": "read 11/13 (found 12): 2.5's bracket lost its close (负 / 雁 / 山); "
                                        "龙门石富研究院, 市消防救援文队 misread",
        "shangwubu-2019-186-shequ-shangye": "no statement read: psm 6 lost the table's header and read it across "
                                            "its columns",
        "shaoxing-2026-07-shuzhihua-gaizao": "no statement read: hOCR words spaced, the table read across its columns "
                                             "(warned at its header, line 98)",
        "wuhou-2026-05-chengshi-gengxin": "read 11/13 (found 12): 2.4.1's label read 上., 区市场监管局 read 区市场监局, "
                                          "a task text misread",
    },
}


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_every_document_of_the_set_reads_as_its_truth(tmp_path, folder):
    out = tmp_path / "set.trig"
    reports = ingest(find_documents([folder]), out, load_registry(default_registry_paths(ROOT)), folder,
                     progress=False)
    gaps = KNOWN_GAPS.get(folder.name, {})
    assert [r.file for r in reports if r.status != "ok" and Path(r.file).stem not in gaps] == []
    store = pyoxigraph.Store()
    store.bulk_load(path=str(out), format=pyoxigraph.RdfFormat.TRIG)
    pooled = Counts()
    wrong = {}
    for truth_path in sorted(p for p in folder.glob("*.json") if p.name != "index.json"):
        slug, truth = load_truth(truth_path)
        counted = count(tasks_in_store(store, slug), truth)
        s = scores(counted)
        if (s.task_f1, s.mention_f1, s.lead_accuracy, s.numbering_accuracy, s.open_accuracy) != (1.0,) * 5:
            wrong[slug] = s
        if slug not in gaps:
            pooled = pooled + counted
    assert {slug: s for slug, s in wrong.items() if slug not in gaps} == {}
    assert sorted(slug for slug in gaps if slug not in wrong) == [], "read right now: remove from KNOWN_GAPS"
    truths = [p for p in folder.glob("*.json") if p.name != "index.json"]
    # every task of the documents outside the gaps read (a set may be all gaps while a probe's forms are unread)
    assert pooled.true == pooled.aligned == pooled.found and (pooled.found > 0 or len(gaps) == len(truths))
