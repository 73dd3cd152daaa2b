"""Every question of queries/ answered on the Jilin graph, checked against hand counts (tests/expected_jilin.py).

Each question runs through the embedded store (pyoxigraph, default graph = union of the named graphs) and the
main ones again through the service's question API (Flask test client).
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from urllib.parse import urlencode

import expected_jilin as expected  # tests/ is on sys.path under pytest
import pyoxigraph as ox
import pytest
from jilin_graph import jilin_files

from fengong.questions import QUERIES_DIR, bind, load_questions, with_values
from fengong.store import open_store

QUESTIONS = load_questions()


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return jilin_files(tmp_path_factory.mktemp("jilin"))


@pytest.fixture(scope="module")
def store(files):
    return open_store(None, files).store


def value(term):
    """A result term as a Python value (integers and booleans typed)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        kind = term.datatype.value.rsplit("#", 1)[-1]
        if kind in ("integer", "int", "long"):
            return int(term.value)
        if kind in ("double", "decimal", "float"):
            return float(term.value)
        if kind == "boolean":
            return term.value == "true"
    return term.value


def ask(store, question_name: str, /, **values) -> list[dict]:
    question = QUESTIONS[question_name]
    result = store.query(with_values(question.query, bind(question, values)), use_default_graph_as_union=True)
    columns = [v.value for v in result.variables]
    return [{c: value(row[c]) for c in columns} for row in result]


def test_library_has_the_required_questions():
    required = {"tasks-led-by-agency", "tasks-joined-by-agency", "agency-responsibility-counts",
                "agencies-never-leading", "co-responsibility-pairs", "tasks-shared-by-two-agencies",
                "tasks-by-unit-count", "open-list-tasks", "tasks-with-collectives", "agencies-by-type",
                "tasks-mixing-types", "lead-participant-ties", "successors-today", "tasks-inherited-by-successor",
                "implementation-duties", "task-text-search"}
    assert required <= QUESTIONS.keys()
    assert len(QUESTIONS) >= 15
    for question in QUESTIONS.values():
        assert question.examples, f"{question.name} has no example"
        assert {"zh", "en"} <= question.descriptions.keys(), f"{question.name} lacks a description"


# Questions whose answer needs more than the Jilin plan graph: the analysis graph (`fengong analyze`),
# city plans, a national task table, or alignments (`fengong link`). On the Jilin graph alone they answer
# nothing; their own tests load what they need.
NEEDS_MORE_DATA = {"agency-network-measures", "cross-level-city-counterpart-load",
                   "cross-level-higher-tasks-uncovered", "cross-level-lead-agreement"}


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_every_example_runs(store, name):
    for example in QUESTIONS[name].examples:
        rows = ask(store, name, **example)  # raises on a query or parameter error
        if name in NEEDS_MORE_DATA:
            assert rows == [], f"{name} answered on the Jilin graph alone: update NEEDS_MORE_DATA"
        else:
            assert rows, f"{name} {example}: an example should show an answer on the Jilin graph"


def test_plan_overview(store):
    [row] = ask(store, "plan-overview")
    assert (row["tasks"], row["assignments"], row["agents"]) == (
        expected.TASKS, expected.ASSIGNMENTS, expected.DISTINCT_AGENTS)
    assert row["leads"] == expected.DISTINCT_LEADS
    assert (row["openListTasks"], row["collectiveTasks"]) == (len(expected.OPEN_TASKS),
                                                               len(expected.COLLECTIVE_TASKS))


def test_find_agency_by_short_name(store):
    rows = ask(store, "find-agency", text="省残联")
    assert [r["nameZh"] for r in rows] == ["吉林省残疾人联合会"]
    assert rows[0]["type"].endswith("peoples-organisation")


def test_tasks_led_by_cdpf(store):
    rows = ask(store, "tasks-led-by-agency", name="省残联")
    assert [r["number"] for r in rows] == expected.CDPF_LED_TASKS
    # the same agency found by its official name
    assert len(ask(store, "tasks-led-by-agency", name="吉林省残疾人联合会")) == len(expected.CDPF_LED_TASKS)


def test_tasks_joined_by_cdpf(store):
    rows = ask(store, "tasks-joined-by-agency", name="省残联")
    assert [r["number"] for r in rows] == expected.CDPF_JOINED_TASKS
    assert {r["number"]: r["leadName"] for r in rows}[21] == "省新闻出版广电局"


def test_counts_per_agency(store):
    rows = ask(store, "agency-responsibility-counts")
    by_name = {r["printedName"]: r for r in rows}
    assert len(rows) == expected.DISTINCT_AGENTS
    for name, named in expected.ROWS_NAMED.items():
        leads = expected.LEADS.get(name, 0)
        assert (by_name[name]["leads"], by_name[name]["participations"], by_name[name]["tasks"]) == (
            leads, named - leads, named), name
    assert by_name["地方各级政府"]["kind"] == "collective"


def test_agencies_that_never_lead(store):
    rows = ask(store, "agencies-never-leading")
    assert sorted(r["printedName"] for r in rows) == expected.NEVER_LEAD
    assert sum(r["kind"] == "agency" for r in rows) == expected.NEVER_LEAD_AGENCIES


def test_co_responsibility_pairs(store):
    rows = ask(store, "co-responsibility-pairs")
    pairs = {frozenset((r["nameA"], r["nameB"])): r["sharedTasks"] for r in rows}
    assert pairs[frozenset(("吉林省民政厅", "吉林省财政厅"))] == len(expected.CIVIL_AFFAIRS_AND_FINANCE)
    names = {"省民政厅": "吉林省民政厅", "省财政厅": "吉林省财政厅",
             "省人力资源社会保障厅": "吉林省人力资源和社会保障厅", "省发展改革委": "吉林省发展和改革委员会"}
    for short, count in expected.CDPF_PAIRS.items():
        assert pairs[frozenset(("吉林省残疾人联合会", names[short]))] == count
    assert not any("/collective/" in r["agencyA"] + r["agencyB"] for r in rows)  # collectives are not paired
    # the pair on the open row 14 is counted as open
    open_counts = {frozenset((r["nameA"], r["nameB"])): r["openListTasks"] for r in rows}
    assert open_counts[frozenset(("吉林省残疾人联合会", "吉林省公安厅"))] == 1


def test_tasks_two_agencies_share(store):
    rows = ask(store, "tasks-shared-by-two-agencies", first="省民政厅", second="省财政厅")
    assert [r["number"] for r in rows] == expected.CIVIL_AFFAIRS_AND_FINANCE
    assert {r["number"]: r["firstRole"].rsplit("/", 1)[-1] for r in rows}[1] == "lead"


def test_tasks_with_most_units(store):
    rows = ask(store, "tasks-by-unit-count", min="6")
    assert sorted(r["number"] for r in rows) == expected.TASKS_WITH_AT_LEAST_6_UNITS
    assert (rows[0]["number"], rows[0]["units"]) == (36, expected.UNITS_ON_TASK_36)


def test_task_units_in_printed_order(store):
    rows = ask(store, "task-units", number="14")
    assert [r["nameAsPrinted"] for r in rows] == expected.TASK_14_UNITS
    assert [r["role"].rsplit("/", 1)[-1] for r in rows] == ["lead"] + ["participant"] * 5
    assert all(r["openList"] is True for r in rows)


def test_open_list_tasks(store):
    rows = ask(store, "open-list-tasks")
    assert [r["number"] for r in rows] == expected.OPEN_TASKS
    assert rows[0]["listedUnits"] == len(expected.TASK_14_UNITS)


def test_tasks_with_collectives(store):
    rows = ask(store, "tasks-with-collectives")
    assert {r["number"]: r["position"] for r in rows} == expected.COLLECTIVE_TASKS
    assert {r["role"].rsplit("/", 1)[-1] for r in rows} == {"participant"}


def test_agencies_by_type(store):
    rows = ask(store, "agencies-by-type")
    assert len(rows) == expected.AGENCIES
    summary = {r["type"].rsplit("/", 1)[-1]: r["agencies"] for r in ask(store, "agency-type-summary")}
    assert summary == expected.AGENCIES_PER_TYPE


def test_tasks_mixing_types(store):
    assert [r["number"] for r in ask(store, "tasks-mixing-types", min="4")] == expected.TASKS_WITH_4_TYPES
    assert ask(store, "tasks-mixing-types", min="5") == []
    assert len(ask(store, "tasks-mixing-types", min="2")) == expected.TASKS_MIXING_TYPES


def test_lead_participant_ties(store):
    rows = ask(store, "lead-participant-ties")
    ties = {(r["leadName"], r["participantName"]): r["tasks"] for r in rows}
    assert ties[("吉林省残疾人联合会", "吉林省民政厅")] == expected.CDPF_LEADS_CIVIL_AFFAIRS
    assert ties[("吉林省残疾人联合会", "吉林省财政厅")] == expected.CDPF_LEADS_FINANCE
    agency_weight = sum(r["tasks"] for r in rows if r["participantKind"] == "agency")
    assert agency_weight == expected.AGENCY_PARTICIPATIONS


def test_successors_today(store):
    rows = ask(store, "successors-today")
    printed = printed_names(store)
    successors: dict[str, set] = {}
    for r in rows:
        successors.setdefault(printed[r["agency"]], set()).add(r["successorName"])
    assert len(successors) == expected.AGENCIES
    for short, today in expected.SUCCESSORS.items():
        assert successors[short] == today, short
    official = {printed[r["agency"]]: r["agencyName"] for r in rows}
    for short in expected.UNCHANGED:
        assert successors[short] == {official[short]}, short


def printed_names(store) -> dict[str, str]:
    """Agent IRI → its name as printed in the plan."""
    rows = store.query("PREFIX fg: <https://w3id.org/fengong/ontology#> SELECT DISTINCT ?a ?p "
                       "WHERE { ?x fg:agent ?a ; fg:nameAsPrinted ?p }", use_default_graph_as_union=True)
    return {row["a"].value: row["p"].value for row in rows}


def test_tasks_inherited_by_successor(store):
    rows = ask(store, "tasks-inherited-by-successor", name="吉林省卫生健康委员会")
    assert [r["number"] for r in rows] == expected.HEALTH_COMMISSION_TASKS
    assert {r["predecessorName"] for r in rows} == {"吉林省卫生和计划生育委员会"}
    tax = ask(store, "tasks-inherited-by-successor", name="国家税务总局吉林省税务局")
    assert sorted({r["number"] for r in tax}) == expected.TAX_SERVICE_TASKS
    assert len(tax) == 2  # inherited twice: from the national and the local tax bureau


def test_implementation_duties(store):
    rows = ask(store, "implementation-duties")
    assert {r["dutyType"].rsplit("/", 1)[-1] for r in rows} == expected.DUTY_TYPES
    [report] = [r for r in rows if r["dutyType"].endswith("progress-report")]
    assert (report["addresseeName"], report["frequency"]) == (expected.REPORT_ADDRESSEE, expected.REPORT_FREQUENCY)
    assessments = [r for r in rows if r["dutyType"].endswith("/assessment")]
    assert assessments and all(expected.ASSESSMENT_WHEN in r["dueWhen"] for r in assessments)


def test_task_text_search(store):
    rows = ask(store, "task-text-search", text="康复")
    assert [r["number"] for r in rows] == expected.REHABILITATION_TASKS
    assert ask(store, "task-text-search", text="不存在的字串") == []


def test_unbound_names_give_no_rows_rather_than_every_agency(store):
    # Run as plain SPARQL (fengong query), a name question with its name unbound answers nothing.
    question = QUESTIONS["tasks-led-by-agency"]
    assert list(store.query(question.query, use_default_graph_as_union=True)) == []


def test_network_measures_question(store, files, tmp_path):
    from click.testing import CliRunner

    from fengong.analysis.cli import analyze_command

    result = CliRunner().invoke(analyze_command, [*sum((["--data", str(f)] for f in files), []),
                                                  "--out", str(tmp_path), "--date", "2026-01-02"])
    assert result.exit_code == 0, result.output
    with_measures = open_store(None, [*files, tmp_path / "measures.trig"]).store
    rows = ask(with_measures, "agency-network-measures")
    assert len(rows) == expected.AGENCIES
    top = rows[0]
    assert (top["name"], top["degree"], top["strength"], top["tasksLed"]) == (
        "吉林省残疾人联合会", expected.CDPF_DEGREE, expected.CDPF_STRENGTH, expected.LEADS["省残联"])
    assert top["date"] == "2026-01-02" and top["collectives"] == "exclude"
    assert not math.isnan(top["betweenness"])


# ---------------------------------------------------------------- the same questions through the service


@pytest.fixture(scope="module")
def client(files, live_service):
    """The real service (gunicorn, on a free port) serving the Jilin graph."""
    return live_service(data_files=files)


def api(client, question_name: str, /, **values) -> list[dict]:
    reply = client.request("GET", f"/queries/{question_name}.json?{urlencode(values)}")
    assert reply.status == 200, reply.text
    return json.loads(reply.body)["rows"]


def test_the_cli_binds_a_questions_parameters(files):
    """`fengong query` runs a question of queries/ with --param, the value bound as an RDF term."""
    def cli(*args):
        data = [a for f in files for a in ("--data", str(f))]
        return subprocess.run([sys.executable, "-m", "fengong", "query", *args, *data, "--format", "json"],
                              capture_output=True, text=True, timeout=120)

    led = cli(str(QUERIES_DIR / "tasks-led-by-agency.rq"), "--param", "name=省民政厅")
    assert led.returncode == 0, led.stderr
    numbers = [int(b["number"]["value"]) for b in json.loads(led.stdout)["results"]["bindings"]]
    assert numbers == [1, 2, 28]  # the rows whose list starts with 省民政厅 (lines 60, 66, 249 of the source)
    default = cli(str(QUERIES_DIR / "tasks-led-by-agency.rq"))  # the header's default: 省残联
    assert len(json.loads(default.stdout)["results"]["bindings"]) == expected.LEADS["省残联"]
    wrong = cli(str(QUERIES_DIR / "tasks-led-by-agency.rq"), "--param", "nam=省残联")
    assert wrong.returncode == 2 and "has no parameter nam" in wrong.stderr


def test_service_answers_like_the_store(client):
    assert [r["number"] for r in api(client, "tasks-led-by-agency", name="省残联")] == expected.CDPF_LED_TASKS
    assert [r["number"] for r in api(client, "tasks-shared-by-two-agencies", first="省民政厅",
                                     second="省财政厅")] == expected.CIVIL_AFFAIRS_AND_FINANCE
    assert [r["number"] for r in api(client, "task-text-search", text="康复")] == expected.REHABILITATION_TASKS
    [overview] = api(client, "plan-overview")
    assert (overview["tasks"], overview["assignments"]) == (expected.TASKS, expected.ASSIGNMENTS)
    counts = {r["printedName"]: r["leads"] for r in api(client, "agency-responsibility-counts")}
    assert counts["省残联"] == expected.LEADS["省残联"] and counts["省民政厅"] == expected.LEADS["省民政厅"]
    assert [r["number"] for r in api(client, "open-list-tasks")] == expected.OPEN_TASKS


#: The questions that list tasks: each gives the printed ?number and the task's ?key (fg:outlineKey).
TASK_LISTINGS = sorted(name for name, question in QUESTIONS.items()
                       if "?number" in question.query and name not in NEEDS_MORE_DATA)


def test_every_question_listing_tasks_gives_their_keys():
    listing = {name for name, question in QUESTIONS.items() if "?number" in question.query}
    assert listing and all(re.search(r"SELECT[^\n]*\?number \?key", QUESTIONS[name].query) for name in listing)


@pytest.mark.parametrize("name", TASK_LISTINGS)
def test_jilin_tasks_come_in_document_order_under_their_keys(store, name):
    # The Jilin appendix numbers its 36 rows once, 1 to 36, down the page: a task's key is its number, its IRI
    # ends in the key, and document order is number order (within the question's own first sort key).
    for example in QUESTIONS[name].examples:
        rows = ask(store, name, **example)
        assert rows
        assert all(r["key"] == str(r["number"]) for r in rows)
        assert all(r.get("task", r.get("higherTask", "")).endswith(f"/task/{r['key']}") for r in rows
                   if "task" in r or "higherTask" in r)
        first = {"tasks-by-unit-count": "units", "tasks-mixing-types": "typeCount"}.get(name)
        order = [(-r[first] if first else 0, r["number"]) for r in rows]
        assert order == sorted(order), example


def test_task_units_by_key_or_number(store):
    by_number = ask(store, "task-units", number="14")
    assert ask(store, "task-units", key="14") == by_number
    assert ask(store, "task-units", key="14", number="14") == by_number
    assert ask(store, "task-units", key="14", number="15") == []
    assert {r["key"] for r in by_number} == {"14"}
    # Neither given: every task of the plan, in document order (all its assignments).
    every = ask(store, "task-units")
    assert len(every) == expected.ASSIGNMENTS and [r["number"] for r in every] == sorted(r["number"] for r in every)
