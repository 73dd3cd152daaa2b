"""What the UI, page, question and SHACL tests serve: tests/data/ui/ with the project's ontology and shapes.

jilin-sample.trig holds tasks 14 and 16 of the Jilin table in the shape `fengong build` writes; hostile.ttl holds
labels and IRIs written to attack HTML pages.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DATA = Path(__file__).resolve().parent / "data" / "ui"
DATA_FILES = [UI_DATA / "jilin-sample.trig", UI_DATA / "hostile.ttl",
              *sorted((ROOT / "ontology").glob("*.ttl")), *sorted((ROOT / "shapes").glob("*.ttl"))]

PLAN = "https://w3id.org/fengong/id/plan/jilin-disability-13fyp"
CDPF = "https://w3id.org/fengong/id/agency/220000/0001"  # 吉林省残疾人联合会, 省残联
HOSTILE = "https://w3id.org/fengong/id/agency/999999/0001"


#: Parameter values that, pasted into a query's text, would break it or widen it to every task. Bound as terms
#: they are only names no agency has. Used by the library tests and the HTTP tests alike.
INJECTIONS = [
    '省残联" ) || true || ( "',
    '省残联" } UNION { ?a ?b ?number } #',
    "省残联' . } UNION { ?s ?p ?o }",
    "省残联\n} UNION { ?a <https://w3id.org/fengong/ontology#taskNumber> ?number }",
    "省残联 # comment",
    "> . } UNION {",
    '省残联"@zh',
    "省残联\\",
]
