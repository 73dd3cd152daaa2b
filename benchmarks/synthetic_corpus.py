"""Write a synthetic corpus of task-division plans: one national plan, and plans of 31 provinces, ~330 cities
and ~2,800 counties derived from the plan above them (3,200 documents, ~36 tasks each), in every form the
readers know: measures with bracketed clauses, tables one cell per line, CSV and HTML tables.

A lower plan takes each task of its parent, rewords it and substitutes the counterparts of the units
(财政部 → 省财政厅 → 市财政局 → 县财政局); the known correspondences (task → the parent task it implements) are
written to ``correspondences.jsonl`` for a later alignment issue. Deterministic for a given seed.

    python benchmarks/synthetic_corpus.py OUTDIR [--seed 5] [--documents 3200]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

# National unit → its provincial, city and county counterparts (the word that replaces it at each level).
COUNTERPARTS = {
    "国家发展改革委": ("省发展改革委", "市发展改革委", "县发展改革局"),
    "财政部": ("省财政厅", "市财政局", "县财政局"),
    "教育部": ("省教育厅", "市教育局", "县教育局"),
    "民政部": ("省民政厅", "市民政局", "县民政局"),
    "人力资源社会保障部": ("省人力资源社会保障厅", "市人力资源社会保障局", "县人力资源社会保障局"),
    "自然资源部": ("省自然资源厅", "市自然资源局", "县自然资源局"),
    "生态环境部": ("省生态环境厅", "市生态环境局", "县生态环境分局"),
    "住房城乡建设部": ("省住房城乡建设厅", "市住房城乡建设局", "县住房城乡建设局"),
    "交通运输部": ("省交通运输厅", "市交通运输局", "县交通运输局"),
    "农业农村部": ("省农业农村厅", "市农业农村局", "县农业农村局"),
    "商务部": ("省商务厅", "市商务局", "县商务局"),
    "文化和旅游部": ("省文化和旅游厅", "市文化广电旅游局", "县文化广电旅游局"),
    "国家卫生健康委": ("省卫生健康委", "市卫生健康委", "县卫生健康局"),
    "市场监管总局": ("省市场监管局", "市市场监管局", "县市场监管局"),
    "工业和信息化部": ("省工业和信息化厅", "市工业和信息化局", "县工业和信息化局"),
    "公安部": ("省公安厅", "市公安局", "县公安局"),
    "科技部": ("省科技厅", "市科技局", "县科技局"),
    "水利部": ("省水利厅", "市水利局", "县水利局"),
    "应急部": ("省应急厅", "市应急局", "县应急局"),
    "统计局": ("省统计局", "市统计局", "县统计局"),
    "中国残联": ("省残联", "市残联", "县残联"),
    "有关部门": ("省有关部门", "市有关部门", "县有关部门"),
}
NATIONAL_UNITS = list(COUNTERPARTS)
VERBS = ["健全", "完善", "推进", "加强", "实施", "建立", "深化", "优化", "落实", "开展"]
OBJECTS = ["社会救助制度", "就业创业服务", "基本公共服务", "营商环境", "生态环境监测", "农村人居环境整治",
           "医疗保障体系", "养老服务体系", "职业技能培训", "数字政府建设", "安全生产责任制", "产业转型升级",
           "科技成果转化", "文化惠民工程", "交通基础设施", "水利工程建设", "市场监管机制", "残疾人康复服务"]
REWORDINGS = ["进一步{}", "{}，确保落实到位", "结合本地实际，{}", "全面{}", "{}，形成长效机制"]
PROVINCES = ["110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000", "310000", "320000",
             "330000", "340000", "350000", "360000", "370000", "410000", "420000", "430000", "440000", "450000",
             "460000", "500000", "510000", "520000", "530000", "540000", "610000", "620000", "630000", "640000",
             "650000"]
FORMS = ["clauses", "flat", "csv", "html"]
#: The levels of government, top down: each has its folder of plans.
LEVELS = ("national", "province", "city", "county")


def national_plan(rng: random.Random, tasks: int) -> list[dict]:
    """The national tasks: text and units (the first listed leads)."""
    plan = []
    for n in range(1, tasks + 1):
        text = f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}，提高工作质量和水平。"
        units = rng.sample(NATIONAL_UNITS[:-1], rng.randint(1, 5))
        plan.append({"number": n, "text": text, "units": units, "open": rng.random() < 0.1})
    return plan


def derive(rng: random.Random, parent: list[dict], level: int) -> list[dict]:
    """A lower plan: every parent task reworded, units replaced by their counterparts at ``level`` (0-2)."""
    child = []
    for task in parent:
        national = [_national_of(u) for u in task["units"]]
        units = [COUNTERPARTS[u][level] for u in national]
        if rng.random() < 0.2:
            units.append(COUNTERPARTS["有关部门"][level])
        body = task["text"].rstrip("。")
        child.append({"number": task["number"], "text": rng.choice(REWORDINGS).format(body) + "。", "units": units,
                      "open": task["open"], "implements": task["number"]})
    return child


def _national_of(unit: str) -> str:
    for national, lower in COUNTERPARTS.items():
        if unit == national or unit in lower:
            return national
    raise KeyError(unit)


def render(form: str, title: str, number: str, tasks: list[dict]) -> tuple[str, str]:
    """(file suffix, content) of a plan in one of the forms."""
    def units(t: dict) -> str:
        return "、".join(t["units"]) + ("等" if t["open"] else "")

    if form == "clauses":
        # Measures numbered at the top level of the outline, so that a task's key is its number.
        lines = [title, number]
        lines += [f"{t['number']}.{t['text']}（{units(t)}负责）" for t in tasks]
        return ".txt", "\n".join(lines) + "\n"
    if form == "flat":
        lines = [title, number, "序号", "工作任务", "责任单位", "完成时限", "一、重点任务"]
        for t in tasks:
            lines += [str(t["number"]), t["text"], units(t), "2025年底前"]
        return ".txt", "\n".join(lines) + "\n注：责任单位中列第一位者为牵头单位。\n"
    if form == "csv":
        rows = ["序号,工作任务,牵头单位,配合单位,完成时限"]
        rows += [f'{t["number"]},"{t["text"]}",{t["units"][0]},"{"、".join(t["units"][1:]) or "—"}",长期'
                 for t in tasks]
        return ".csv", "\n".join(rows) + "\n"
    cells = "".join(f"<tr><td>{t['number']}</td><td>{t['text']}</td><td>{units(t)}</td></tr>" for t in tasks)
    return ".html", (f"<html><body><h1>{title}</h1><p>{number}</p><table><tr><th>序号</th><th>工作任务</th>"
                     f"<th>责任单位</th></tr>{cells}</table></body></html>\n")


def write_corpus(out: Path, seed: int = 5, documents: int = 3200, tasks: int = 36) -> int:
    """Write the corpus under ``out`` (one folder per level, each with an index.json); returns the count."""
    rng = random.Random(seed)
    provinces = PROVINCES
    cities = [f"{p[:2]}{k:02d}00" for k in range(1, 12) for p in provinces][: round(documents * 330 / 3200)]
    counties_wanted = documents - 1 - len(provinces) - len(cities)
    counties = [f"{c[:4]}{k:02d}" for k in range(1, 30) for c in cities][:counties_wanted]
    national = national_plan(rng, tasks)
    plans: dict[str, list[dict]] = {"100000": national}
    written, links = 0, []
    for folder in LEVELS:
        (out / folder).mkdir(parents=True, exist_ok=True)
    indexes: dict[str, list] = {folder: [] for folder in LEVELS}
    for level, (folder, codes) in enumerate(zip(LEVELS, (["100000"], provinces, cities, counties), strict=True)):
        for i, code in enumerate(codes):
            parent_code = {0: None, 1: "100000", 2: code[:2] + "0000", 3: code[:4] + "00"}[level]
            if level:
                plans[code] = derive(rng, plans[parent_code], level - 1)
            form = "clauses" if level < 2 else FORMS[(i + level) % len(FORMS)]
            slug = f"syn-{code}"
            suffix, text = render(form, f"{code}关于印发重点任务分工方案的通知", f"syn发〔2025〕{i + 1}号", plans[code])
            (out / folder / f"{slug}{suffix}").write_text(text, encoding="utf-8")
            indexes[folder].append({"file": f"{slug}{suffix}", "slug": slug, "jurisdiction": code})
            links += [{"plan": slug, "task": t["number"], "implements": {"plan": f"syn-{parent_code}",
                                                                       "task": t["implements"]}}
                      for t in plans[code] if "implements" in t]
            written += 1
    for folder, entries in indexes.items():
        (out / folder / "index.json").write_text(json.dumps(entries, ensure_ascii=False, indent=0), encoding="utf-8")
    (out / "correspondences.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in links),
                                               encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--documents", type=int, default=3200)
    args = parser.parse_args()
    print(f"wrote {write_corpus(args.out, args.seed, args.documents)} documents under {args.out}")


if __name__ == "__main__":
    main()
