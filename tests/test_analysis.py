"""The coordination analysis: measures on hand-built fixtures against hand-computed values, the output files,
and facts about the Jilin plan read from its appendix (tests/expected_jilin.py)."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import expected_jilin as expected  # tests/ is on sys.path under pytest
import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from jilin_graph import jilin_files
from matplotlib import image

from fengong.analysis.brokerage import brokerage
from fengong.analysis.cli import analyze_command
from fengong.analysis.load import NoAssignments, read_mentions
from fengong.analysis.networks import Options
from fengong.analysis.plan_measures import communities, gini, hhi
from fengong.analysis.run import analyse
from fengong.store import open_store

SMALL = Path(__file__).parent / "data" / "analysis" / "small-plan.trig"
AG = "https://w3id.org/fengong/id/agency/990000/"
A, B, C, D, E = (AG + x for x in "ABCDE")
L = "https://w3id.org/fengong/id/collective/990000/L"


@pytest.fixture(scope="module")
def small_mentions():
    return read_mentions(open_store(None, [SMALL]).store)


def by_agent(analysis) -> dict[str, dict]:
    return {row["agent"]: row for row in analysis.agencies}


# ---------------------------------------------------------------- plan-level formulas


def test_gini_and_hhi_by_hand():
    # 0,0,1,3: mean absolute difference over ordered pairs 20/16, halved and divided by the mean 1 → 0.625
    assert gini([3, 0, 1, 0]) == pytest.approx(0.625)
    assert gini([5, 5, 5]) == pytest.approx(0.0)
    assert gini([]) == 0.0
    assert hhi([0, 0, 1, 3]) == pytest.approx((1 / 4) ** 2 + (3 / 4) ** 2)
    assert hhi([2, 2]) == pytest.approx(0.5)


def test_communities_of_two_triangles_joined_by_a_bridge():
    graph = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"), ("c", "d")],
                     weight=1)
    for u, v in graph.edges:
        graph[u][v]["weight"] = 1
    parts = communities(graph)
    assert sorted(map(sorted, parts.groups)) == [["a", "b", "c"], ["d", "e", "f"]]
    # Q = Σ_c (L_c/m − (d_c/2m)²) = 2·(3/7 − (7/14)²)
    assert parts.modularity == pytest.approx(2 * (3 / 7 - 0.25))
    # c: two ties inside, one across → P = 1 − (2/3)² − (1/3)²
    assert parts.participation["c"] == pytest.approx(4 / 9)
    assert parts.participation["a"] == 0 and parts.reached["d"] == 2


def test_brokerage_roles_by_hand():
    # b in group 1 brokers from x1, y1, z to x2, y2 (groups: x 1, y 2, z 3)
    graph = nx.DiGraph([("x1", "b"), ("y1", "b"), ("z", "b"), ("b", "x2"), ("b", "y2")])
    group = {"x1": 1, "x2": 1, "b": 1, "y1": 2, "y2": 2, "z": 3}
    roles = brokerage(graph, group)["b"]
    # x1→x2 coordinator; y1→x2, z→x2 gatekeeper; x1→y2 representative; y1→y2 consultant; z→y2 liaison
    assert dict(roles) == {"coordinator": 1, "gatekeeper": 2, "representative": 1, "consultant": 1,
                           "liaison": 1}
    graph.add_edge("z", "y2")  # a direct tie closes the two-path: no brokerage there
    assert brokerage(graph, group)["b"]["liaison"] == 0


# ---------------------------------------------------------------- the small plan, computed by hand


def test_small_plan_networks(small_mentions):
    analysis = analyse(small_mentions, Options())
    co = analysis.co
    assert set(co) == {A, B, C, D, E}  # the collective L is left out by default ...
    assert analysis.summary["excluded_agents"] == ["甲省地方各级政府"]  # ... and said so
    assert {frozenset(e) for e in co.edges} == {frozenset(p) for p in [(A, B), (A, C), (B, C), (C, D), (D, E),
                                                                       (A, D)]}
    assert co[A][D]["open_list_tasks"] == 1 and co[A][B]["open_list_tasks"] == 0
    assert set(analysis.lead.edges) == {(A, B), (A, C), (C, D), (D, E), (A, D)}
    assert analysis.bipartite.number_of_nodes() == 4 + 5
    assert analysis.summary["density"] == pytest.approx(6 / 10)
    assert analysis.summary["open_list_tasks"] == [4]


def test_small_plan_agency_measures(small_mentions):
    rows = by_agent(analyse(small_mentions, Options()))
    assert {a: (rows[a]["tasks_led"], rows[a]["tasks_joined"]) for a in rows} == {
        A: (2, 0), B: (0, 1), C: (1, 1), D: (1, 2), E: (0, 1)}
    assert {a: rows[a]["degree"] for a in rows} == {A: 3, B: 2, C: 3, D: 3, E: 1}
    assert {a: rows[a]["strength"] for a in rows} == {A: 3, B: 2, C: 3, D: 3, E: 1}
    # shortest paths: A–E via D; B–D via A or C (½ each); B–E via A or C then D; C–E via D; pairs / 6
    assert {a: rows[a]["betweenness"] for a in rows} == pytest.approx(
        {A: 1 / 6, B: 0, C: 1 / 6, D: 3 / 6, E: 0}, abs=1e-6)
    # effective size n − 2t/n: A (B, C, D; ties B–C, C–D) 3 − 4/3; D (A, C, E; tie A–C) 3 − 2/3
    assert rows[A]["effective_size"] == pytest.approx(3 - 4 / 3, abs=1e-6)
    assert rows[D]["effective_size"] == pytest.approx(3 - 2 / 3, abs=1e-6)
    assert rows[B]["effective_size"] == pytest.approx(1.0)
    # constraint Σ_v (p_uv + Σ_w p_uw p_wv)²: D: 2·(1/3 + 1/9)² + (1/3)² = 41/81; B: 2·(1/2 + 1/6)²; E: 1
    assert rows[D]["constraint"] == pytest.approx(41 / 81, abs=1e-6)
    assert rows[B]["constraint"] == pytest.approx(8 / 9, abs=1e-6)
    assert rows[E]["constraint"] == pytest.approx(1.0)
    assert {a: rows[a]["core_number"] for a in rows} == {A: 2, B: 2, C: 2, D: 2, E: 1}
    # D brokers C → D → E and A → D → E (no C → E, no A → E): Party organ between three other groups
    assert rows[D]["liaison"] == 2 and rows[D]["brokerage_total"] == 2
    assert sum(rows[a]["brokerage_total"] for a in rows) == 2
    eigen = {a: rows[a]["eigenvector"] for a in rows}
    assert max(eigen, key=eigen.get) in (A, C, D) and eigen[E] < eigen[B] < eigen[A]


def test_small_plan_concentration(small_mentions):
    summary = analyse(small_mentions, Options()).summary
    # tasks led 2, 0, 1, 1, 0: sorted 0 0 1 1 2, Σ i·x = 17 → 34/20 − 6/5
    assert summary["lead_gini"] == pytest.approx(0.5)
    assert summary["lead_hhi"] == pytest.approx(0.375)  # (2/4)² + 2·(1/4)²
    assert summary["distinct_leads"] == 3


def test_collectives_kept_on_request(small_mentions):
    analysis = analyse(small_mentions, Options(collectives="keep"))
    assert L in analysis.co and analysis.co.nodes[L]["kind"] == "collective"
    assert analysis.co.has_edge(D, L) and analysis.co.has_edge(E, L)
    assert analysis.summary["excluded_agents"] == [] and analysis.summary["collective_agents"] == ["甲省地方各级政府"]


def test_open_lists_left_out_on_request(small_mentions):
    analysis = analyse(small_mentions, Options(open_lists="exclude"))
    assert not analysis.co.has_edge(A, D)
    assert analysis.summary["excluded_tasks"] == [4]
    rows = by_agent(analysis)
    # without A → D, C now brokers A → C → D (dept, people's, Party) and D still brokers C → D → E
    assert (rows[C]["liaison"], rows[D]["liaison"]) == (1, 1)


def test_bad_options_and_no_data():
    with pytest.raises(ValueError):
        Options(collectives="expand")
    with pytest.raises(NoAssignments):
        read_mentions(ox.Store())


# ---------------------------------------------------------------- the command and its files


@pytest.fixture(scope="module")
def small_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("small-analysis")
    result = CliRunner().invoke(analyze_command, ["--data", str(SMALL), "--out", str(out), "--date", "2026-01-02"])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_command_reports_what_it_left_out(small_output):
    _, output = small_output
    assert "left out (collectives): 甲省地方各级政府" in output
    assert "open lists (等), kept, flagged: tasks 4" in output


def test_figures_are_non_empty_images(small_output):
    out, _ = small_output
    for name in ("co_responsibility", "lead_participant", "leads_and_participations"):
        pixels = image.imread(out / f"{name}.png")
        assert pixels.shape[0] > 100 and pixels.shape[1] > 100
        assert pixels.std() > 0.01  # not a blank canvas
        root = ET.parse(out / f"{name}.svg").getroot()
        assert root.tag.endswith("svg") and len(list(root.iter())) > 50


def test_network_files_load_back_with_nodes_and_weights(small_output, small_mentions):
    out, _ = small_output
    analysis = analyse(small_mentions, Options())
    for name, graph in (("co_responsibility", analysis.co), ("lead_participant", analysis.lead)):
        for reader in (nx.read_graphml, nx.read_gexf):
            loaded = reader(out / f"{name}.{'graphml' if reader is nx.read_graphml else 'gexf'}")
            assert set(loaded) == set(graph)
            weights = {(u, v): float(d["weight"]) for u, v, d in loaded.edges(data=True)}
            for u, v, d in graph.edges(data=True):
                assert weights.get((u, v), weights.get((v, u))) == d["weight"]
    bipartite = nx.read_graphml(out / "bipartite.graphml")
    assert bipartite.number_of_nodes() == 9 and bipartite.number_of_edges() == 9  # 10 assignments − L


def test_tables_report_and_rdf(small_output):
    out, _ = small_output
    assert (out / "agencies.csv").read_text(encoding="utf-8-sig").splitlines()[0].startswith("agent,label")
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "甲省地方各级政府" in report and "co_responsibility.png" in report
    store = ox.Store()
    store.load(path=str(out / "measures.trig"), format=ox.RdfFormat.TRIG)
    rows = list(store.query(
        "PREFIX fga: <https://w3id.org/fengong/ontology/analysis#> PREFIX dct: <http://purl.org/dc/terms/> "
        "SELECT ?g ?date ?density ?b WHERE { GRAPH ?g { ?run a fga:NetworkAnalysis ; dct:date ?date ; "
        "fga:density ?density ; fga:method ?m . ?x fga:analysis ?run ; fga:agent <" + D + "> ; "
        "fga:betweenness ?b } FILTER (LANG(?m) = 'zh') }"))
    assert len(rows) == 1
    assert rows[0]["g"].value == "https://w3id.org/fengong/graph/analysis/small"
    assert rows[0]["date"].value == "2026-01-02"
    assert float(rows[0]["density"].value) == pytest.approx(0.6)
    assert float(rows[0]["b"].value) == pytest.approx(0.5)


def test_command_help_and_errors(tmp_path):
    assert "--collectives" in CliRunner().invoke(analyze_command, ["--help"]).output
    # Data without a single assignment breaks the analysis' rule (exit 1); an empty file cannot be read (exit 2).
    none = tmp_path / "none.ttl"
    none.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    result = CliRunner().invoke(analyze_command, ["--data", str(none), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "no task assignments" in result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- the Jilin plan


@pytest.fixture(scope="module")
def jilin(tmp_path_factory):
    store = open_store(None, jilin_files(tmp_path_factory.mktemp("jilin"))).store
    return read_mentions(store, expected.PLAN)


def test_jilin_networks(jilin):
    analysis = analyse(jilin, Options())
    rows = {row["label"]: row for row in analysis.agencies}
    assert analysis.summary["tasks"] == expected.TASKS
    assert analysis.co.number_of_nodes() == expected.AGENCIES
    assert analysis.summary["excluded_agents"] == ["吉林省地方各级人民政府"]
    assert analysis.summary["open_list_tasks"] == expected.OPEN_TASKS
    cdpf = rows["省残联"]
    assert (cdpf["tasks_led"], cdpf["tasks_joined"]) == (expected.LEADS["省残联"], len(expected.CDPF_JOINED_TASKS))
    assert (cdpf["degree"], cdpf["strength"]) == (expected.CDPF_DEGREE, expected.CDPF_STRENGTH)
    assert max(analysis.agencies, key=lambda r: r["betweenness"])["label"] == "省残联"
    for name, leads in expected.LEADS.items():
        assert rows[name]["tasks_led"] == leads
    assert analysis.summary["lead_hhi"] == pytest.approx(expected.LEAD_HHI, abs=1e-6)
    assert analysis.summary["lead_gini"] == pytest.approx(expected.LEAD_GINI, abs=1e-6)
    assert analysis.summary["distinct_leads"] == expected.DISTINCT_LEADS
    assert analysis.lead.size(weight="weight") == expected.AGENCY_PARTICIPATIONS
    assert not math.isnan(analysis.summary["modularity"])


def test_jilin_with_the_collective_kept(jilin):
    analysis = analyse(jilin, Options(collectives="keep"))
    assert analysis.co.number_of_nodes() == expected.DISTINCT_AGENTS
    rows = {row["label"]: row for row in analysis.agencies}
    assert rows["地方各级政府"]["tasks_joined"] == len(expected.COLLECTIVE_TASKS)


def test_service_network_page_and_json(tmp_path):
    from fengong.service.app import create_app

    client = create_app({"load": [str(f) for f in jilin_files(tmp_path)]}).test_client()
    data = client.get("/network.json").get_json()
    nodes = {n["label"]: n for n in data["nodes"]}
    assert len(nodes) == expected.AGENCIES
    assert (nodes["省残联"]["degree"], nodes["省残联"]["strength"]) == (expected.CDPF_DEGREE, expected.CDPF_STRENGTH)
    assert len(client.get("/network.json?collectives=keep").get_json()["nodes"]) == expected.DISTINCT_AGENTS
    assert client.get("/network.json?collectives=expand").status_code == 400
    page = client.get("/network").get_data(as_text=True)
    assert "/assets/vis-network/vis-network.min.js" in page and "https://" not in page.split("<script")[1]
    asset = client.get("/assets/vis-network/vis-network.min.js")
    assert asset.status_code == 200 and len(asset.data) > 10_000


def test_jilin_figures_have_no_overlapping_labels(jilin, tmp_path, monkeypatch):
    """The labels of both network figures, measured where matplotlib draws them, overlap nowhere (in the
    lead → participant figure the central agencies' labels used to lie on top of each other)."""
    from fengong.analysis import figures
    from fengong.analysis.spread import label_boxes, overlaps

    analysis = analyse(jilin, Options())
    found = {}

    def measure(figure, directory, name):
        ax = figure.axes[0]
        figure.canvas.draw()
        found[name] = ([text.get_text() for text in ax.texts], overlaps(label_boxes(ax, ax.texts)))
        return []

    monkeypatch.setattr(figures, "_save", measure)
    figures.network_figure(analysis.co, tmp_path, "co", "co")
    figures.network_figure(analysis.lead, tmp_path, "lead", "lead")
    for name, (labels, clashes) in found.items():
        assert len(labels) == expected.AGENCIES, name
        assert [(labels[i], labels[j]) for i, j in clashes] == [], name


def test_spread_separates_boxes_and_leaves_apart_ones_alone():
    from fengong.analysis.spread import GAP, spread

    apart = [[0, 0], [100, 0]]
    assert spread(apart, [(10, 10), (10, 10)]) == apart
    moved = spread([[0, 0], [2, 1], [1, 2]], [(40, 10)] * 3)
    for i in range(3):
        for j in range(i + 1, 3):
            assert abs(moved[i][0] - moved[j][0]) >= 40 + GAP - 1e-9 or abs(moved[i][1] - moved[j][1]) >= 10 + GAP - 1e-9
