"""The browser UI in a real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium).

Data: tests/data/ui/jilin-sample.trig — rows 14 and 16 of the Jilin table, both led by 省残联 (the first unit
listed in both rows of data/sources/jilin-disability-13fyp.txt). Chromium is installed by
scripts/install-system-deps.sh; without it these tests fail (they are not skipped), since CI installs it.
"""

from __future__ import annotations

import csv
import io
import shutil
import urllib.parse
import urllib.request

import pytest

from fengong.questions import QUERIES_DIR, load_questions

pytest_plugins = ["ui_fixtures"]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,768"]
#: Longest wait for the page to reach a state (a bound on the test, not a measured threshold).
WAIT_SECONDS = 30
TASK_14_TEXT = "制定实施国家残疾预防行动计划。广泛开展三级预防,实施重点干预工程"


@pytest.fixture
def browser(ui_service):
    """A fresh headless Chromium for each test (one shared across tests hung on reloading the editor)."""
    if ui_service.request("GET", "/assets/yasgui/yasgui.min.js").status != 200:
        pytest.fail("the service has no YASGUI to serve: run scripts/setup-ui.sh", pytrace=False)
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not shutil.which(path)]
    if missing:
        pytest.fail(f"the browser test needs {', '.join(missing)}: run scripts/install-system-deps.sh "
                    "(apt-get install -y chromium chromium-driver)", pytrace=False)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("the browser test needs Selenium: .venv/bin/pip install -e '.[dev]'", pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    yield driver
    driver.quit()


def wait(driver, condition, what: str):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # An element read while the page is being replaced (a form just sent) is stale: the condition is tried again.
    return WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.2,
                         ignored_exceptions=(StaleElementReferenceException,)).until(condition, message=what)


def result_rows(driver) -> list[list[str]]:
    """The cells of YASR's result table in the visible tab (empty while it shows no data), read in one script
    so that a redraw of the table cannot come between two reads."""
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('.tabPanel.active .yasr table tbody tr'))
            .map(row => Array.from(row.querySelectorAll('td')).map(cell => cell.innerText))
            .filter(cells => cells.length > 1);""")


def column(driver, name: str) -> list[str]:
    headers = driver.execute_script("""
        return Array.from(document.querySelectorAll('.tabPanel.active .yasr table thead th'))
            .map(cell => cell.innerText);""")
    index = headers.index(name)
    return [row[index] for row in result_rows(driver)]


def run_visible_query(driver) -> None:
    from selenium.webdriver.common.by import By

    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, ".yasqe_queryButton") if b.is_displayed()]
    buttons[0].click()
    wait(driver, lambda d: result_rows(d), "the result table to fill")


def open_editor(driver, url: str) -> None:
    """Load the editor afresh: from a blank page, since going from ``/#…`` to ``/`` would only change the
    fragment of the open page (a shared link opens a new page)."""
    from selenium.webdriver.common.by import By

    driver.get("about:blank")
    driver.get(url)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".tabsList .tab"), "YASGUI to draw its tabs")


def open_example(driver, name: str) -> None:
    """Choose the question ``name`` in the picker above the editor; it opens in a tab of its own."""
    driver.execute_script("""
        const picker = document.getElementById('examples');
        picker.value = arguments[0];
        picker.dispatchEvent(new Event('change'));""", name)
    wait(driver, lambda d: d.execute_script("return window.fengongYasgui.getTab().getYasqe().getValue()")
         .startswith("# " + load_questions(QUERIES_DIR)[name].title("zh")), f"the tab of {name} to open")


def test_examples_are_in_a_picker_grouped_by_kind_with_bilingual_titles(ui_service, browser):
    from selenium.webdriver.common.by import By

    from fengong.questions import GROUPS

    open_editor(browser, ui_service.url + "/")
    questions = load_questions(QUERIES_DIR)
    groups = browser.find_elements(By.CSS_SELECTOR, "#examples optgroup")
    assert [g.get_attribute("label") for g in groups] == [f"{t['zh']} · {t['en']}" for t in GROUPS.values()]
    listed = {option.get_attribute("value"): (group.get_attribute("label"), option.text)
              for group in groups for option in group.find_elements(By.TAG_NAME, "option")}
    assert listed.keys() == questions.keys()
    for name, (group, text) in listed.items():
        assert text == f"{questions[name].title('zh')} · {questions[name].title('en')}"
        assert group.startswith(GROUPS[questions[name].group]["zh"])
    # One tab, not one per question: the editor starts high on the page.
    assert len(browser.find_elements(By.CSS_SELECTOR, ".tabsList .tab")) == 1
    assert browser.find_element(By.CSS_SELECTOR, ".CodeMirror").rect["y"] < 300


def test_editor_runs_a_question_and_shows_its_table(ui_service, browser):
    from selenium.webdriver.common.by import By

    open_editor(browser, ui_service.url + "/")
    open_example(browser, "tasks-led-by-agency")
    run_visible_query(browser)
    # The default agency is 省残联, which leads rows 14 and 16: numbers show as numbers.
    assert column(browser, "number") == ["14", "16"]
    assert any(TASK_14_TEXT in cell for cell in column(browser, "text"))
    # IRIs show their label above their compact form, and link to this service's own pages.
    assert column(browser, "agency")[0] == "吉林省残疾人联合会\nfgid:agency/220000/0001"
    links = browser.execute_script("""
        return Array.from(document.querySelectorAll('.tabPanel.active .yasr tbody a.iri'))
            .map(a => [a.href, a.target]);""")
    assert [ui_service.url + "/id/agency/220000/0001", ""] in links
    assert all(href.startswith(ui_service.url + "/") for href, _ in links)
    # The download links below the editor give the same answer as CSV and JSON.
    link = browser.find_element(By.ID, "download-csv").get_attribute("href")
    assert link.startswith(ui_service.url + "/sparql?")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["format"] == ["csv"]
    with urllib.request.urlopen(link, timeout=WAIT_SECONDS) as answer:
        table = list(csv.DictReader(io.StringIO(answer.read().decode("utf-8"))))
    assert [row["number"] for row in table] == ["14", "16"]
    json_link = browser.find_element(By.ID, "download-json").get_attribute("href")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(json_link).query)["format"] == ["json"]


def test_every_example_answer_fits_a_laptop_window(ui_service, browser):
    """At 1,366 × 768 no question's result table scrolls sideways, and no cell hides its text."""
    open_editor(browser, ui_service.url + "/")
    assert browser.execute_script("return window.innerWidth") <= 1366
    for name in load_questions(QUERIES_DIR):
        open_example(browser, name)
        browser.execute_script("""
            window.drawn = false;
            window.fengongYasgui.getTab().getYasr().once('drawn', () => { window.drawn = true; });
            document.querySelector('.tabPanel.active .yasqe_queryButton').click();""")
        wait(browser, lambda d: d.execute_script("return window.drawn"), f"{name} to answer")
        widths = browser.execute_script("""
            const results = document.querySelector('.tabPanel.active .yasr_results');
            const clipped = Array.from(results.querySelectorAll('td > div'))
                .filter(cell => cell.scrollWidth > cell.clientWidth + 1).length;
            return [document.documentElement.scrollWidth, window.innerWidth, results.scrollWidth,
                    results.clientWidth, clipped];""")
        page, window, table, box, clipped = widths
        assert page <= window and table <= box, (name, widths)
        assert clipped == 0, (name, widths)
        browser.execute_script("window.fengongYasgui.getTab().close()")


def test_shared_link_opens_and_runs_its_query(ui_service, browser):
    query = ("PREFIX fg: <https://w3id.org/fengong/ontology#>\n"
             "SELECT ?number WHERE { ?task fg:taskNumber ?number } ORDER BY DESC(?number)")
    open_editor(browser, ui_service.url + "/?" + urllib.parse.urlencode({"query": query}))
    wait(browser, lambda d: d.execute_script(
        "return window.fengongYasgui.getTab().getYasqe().getValue()") == query, "the linked query to open")
    # The editor's share button makes a link (the query in the fragment) that opens the same query.
    link = browser.execute_script(
        "return Yasgui.linkUtils.createShareLink(window.location.href, window.fengongYasgui.getTab())")
    assert link.startswith(ui_service.url + "/")
    browser.get("about:blank")
    # Opened by script: chromedriver's own get() can hang on a page that rewrites its fragment while loading.
    browser.execute_script("window.location.href = arguments[0]", link)
    wait(browser, lambda d: d.current_url.startswith(ui_service.url) and d.execute_script(
        "return window.fengongYasgui && window.fengongYasgui.getTab().getYasqe().getValue()") == query,
        "the shared link to open its query")
    run_visible_query(browser)
    assert column(browser, "number") == ["16", "14"]


def test_the_editor_loads_nothing_from_elsewhere(ui_service, browser):
    open_editor(browser, ui_service.url + "/")
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert any(name.endswith("/assets/yasgui/yasgui.min.js") for name in loaded)
    assert [name for name in loaded if not name.startswith(ui_service.url + "/")] == []


def test_question_page_form(ui_service, browser):
    from selenium.webdriver.common.by import By

    browser.get(ui_service.url + "/queries/tasks-joined-by-agency")
    field = browser.find_element(By.ID, "param-name")
    field.clear()
    field.send_keys("省公安厅")
    browser.find_element(By.CSS_SELECTOR, "form.params button[type=submit]").click()
    wait(browser, lambda d: "name=%E7%9C%81%E5%85%AC%E5%AE%89%E5%8E%85" in d.current_url, "the form to submit")
    rows = browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")
    # 省公安厅 is listed (third, not leading) in row 14 only.
    assert len(rows) == 1
    assert "/id/plan/jilin-disability-13fyp/task/14" in rows[0].get_attribute("innerHTML")


def test_network_page_draws_the_network_and_shows_a_nodes_measures(ui_service, browser):
    """/network draws the co-responsibility network with vis-network (served locally) from /network.json.

    The sample holds tasks 14 and 16: their units are 省残联、省卫生计生委、省公安厅、省人力资源社会保障厅、省民政厅、
    省财政厅 and 省残联、省发展改革委、省财政厅、省卫生计生委 — 7 distinct agencies; 省残联 leads both tasks.
    """
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get(ui_service.url + "/network")
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"), "network drawn")
    assert browser.find_element(By.ID, "summary").text.startswith("7 个单位 agencies")
    assert browser.find_elements(By.CSS_SELECTOR, "#network canvas"), "vis-network drew no canvas"
    wait(browser, lambda d: d.execute_script(
        "return Object.keys(window.fengongNetwork.getPositions()).length") == 7, "7 nodes placed")
    # Click 省残联's node where vis-network placed it, and read its measures.
    x, y = browser.execute_script("""
        const net = window.fengongNetwork;
        const id = net.body.data.nodes.get().find(n => n.label === '省残联').id;
        const p = net.canvasToDOM(net.getPositions([id])[id]);
        return [p.x, p.y];""")
    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    width, height = canvas.size["width"], canvas.size["height"]
    ActionChains(browser).move_to_element_with_offset(canvas, int(x - width / 2), int(y - height / 2)).click().perform()
    wait(browser, lambda d: "tasks_led" in d.find_element(By.ID, "details").text, "details of the clicked node")
    cells = dict(row.split("\t") if "\t" in row else row.rsplit(" ", 1)
                 for row in browser.find_element(By.ID, "details").text.splitlines())
    assert cells["label"] == "省残联" and cells["tasks_led"] == "2"
    foreign = browser.execute_script("""
        return performance.getEntriesByType('resource').map(e => e.name)
            .filter(u => !u.startsWith(location.origin));""")
    assert foreign == []


def test_plan_page_shows_the_task_table_as_the_appendix_prints_it(jilin_service, browser):
    """The plan's page at 1,366 × 768: its 36 rows, each with the units in printed order and the first marked as
    the lead, as tests/groundtruth/jilin_appendix.py (typed by hand from the source) has them."""
    from groundtruth.jilin_appendix import JILIN_TASKS, OPEN_TASKS
    from selenium.webdriver.common.by import By

    browser.get(jilin_service.url + "/id/plan/jilin-disability-13fyp")
    rows = browser.execute_script("""
        return Array.from(document.querySelectorAll('table.plan-tasks tbody tr')).map(row => [
            row.cells[0].innerText, row.cells[1].innerText,
            Array.from(row.cells[2].querySelectorAll('a')).map(a => [a.innerText, a.classList.contains('lead')]),
            !!row.cells[2].querySelector('.open')]);""")
    assert len(rows) == len(JILIN_TASKS)
    for (number, text, units, is_open), (expected_number, expected_text, expected_units) in zip(
            rows, JILIN_TASKS, strict=True):
        assert number == str(expected_number)
        assert text == expected_text
        assert [name for name, _ in units] == expected_units, number
        assert [lead for _, lead in units] == [True] + [False] * (len(expected_units) - 1), number
        assert is_open == (expected_number in OPEN_TASKS)
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    table = browser.find_element(By.CSS_SELECTOR, "table.plan-tasks")
    assert table.rect["x"] + table.rect["width"] <= browser.execute_script("return window.innerWidth")


def test_network_page_has_the_layout_a_legend_and_labels_that_do_not_overlap(jilin_service, browser):
    """/network on the whole Jilin plan at 1,366 × 768: the site's navigation, a legend entry (in the nodes'
    colour) for each agency type drawn, measures rounded, and no two node boxes (dot and label, as vis-network
    places them) overlapping."""
    from selenium.webdriver.common.by import By

    browser.get(jilin_service.url + "/network")
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"), "network drawn")
    assert browser.find_element(By.CSS_SELECTOR, "header.site nav").is_displayed()
    drawn = browser.execute_script("""
        const net = window.fengongNetwork;
        return net.body.data.nodes.get().map(n => [n.label, n.color, net.getBoundingBox(n.id)]);""")
    assert len(drawn) == 30
    overlaps = [(a[0], b[0]) for i, a in enumerate(drawn) for b in drawn[i + 1:]
                if min(a[2]["right"], b[2]["right"]) > max(a[2]["left"], b[2]["left"])
                and min(a[2]["bottom"], b[2]["bottom"]) > max(a[2]["top"], b[2]["top"])]
    assert overlaps == []
    legend = {item.text: item.find_element(By.CSS_SELECTOR, ".swatch").value_of_css_property("background-color")
              for item in browser.find_elements(By.CSS_SELECTOR, "#legend li") if item.is_displayed()}
    used = {colour for _, colour, _ in drawn}
    assert len(legend) == len(used) >= 5
    assert {_rgb(colour) for colour in used} == {value.replace("rgba", "rgb").replace(", 1)", ")")
                                                 for value in legend.values()}
    assert "政府组成部门 department" in legend
    summary = browser.find_element(By.ID, "summary").text
    assert "density 0.287 " in summary and "lead Gini 0.824 " in summary


def _rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def test_shacl_page_lists_the_rules_and_checks_an_uploaded_file(ui_service, browser, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(ui_service.url + "/shacl")
    rules = browser.find_elements(By.CSS_SELECTOR, "#rules tbody tr")
    assert len(rules) > 10 and browser.find_element(By.ID, "rules").is_displayed()
    mine = tmp_path / "mine.ttl"
    mine.write_text('@prefix fg: <https://w3id.org/fengong/ontology#> .\n'
                    '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
                    '<https://w3id.org/fengong/id/agency/220000/9999> a fg:Agency ; '
                    'skos:prefLabel "吉林省测试厅"@zh .\n', encoding="utf-8")
    browser.find_element(By.ID, "upload-data").send_keys(str(mine))
    browser.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
    wait(browser, lambda d: "(mine.ttl)" in d.find_element(By.CSS_SELECTOR, "p.lead").text, "the file's report")
    failed = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "#rules tr.failed")]
    assert len(failed) == 2 and any("缺少英文正式名称" in row for row in failed)
    assert "不符合" in browser.find_element(By.CSS_SELECTOR, "p.error").text


def test_ontology_page_has_contents_and_a_generated_class_diagram(ui_service, browser):
    """The class diagram holds every class the ontology declares (read here with rdflib), with no two boxes
    overlapping; the contents link to the diagram and to each section."""
    import rdflib
    from rdflib.namespace import OWL, RDF
    from selenium.webdriver.common.by import By

    from fengong.namespaces import FG

    ontology = rdflib.Graph().parse(QUERIES_DIR.parent / "ontology" / "fengong.ttl")
    classes = {str(c) for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(FG))}
    browser.get(ui_service.url + "/ontology")
    wait(browser, lambda d: d.execute_script(
        "return document.getElementById('class-diagram').dataset.ready === 'true'"), "the class diagram")
    contents = [a.get_attribute("href").rsplit("#", 1)[1]
                for a in browser.find_elements(By.CSS_SELECTOR, "nav.ontology-toc p:first-child a")]
    assert contents[0] == "diagram" and len(contents) == 5
    assert all(browser.find_elements(By.ID, anchor) for anchor in contents)
    drawn = browser.execute_script("""
        const net = window.fengongClassDiagram;
        return net.body.data.nodes.get().map(n => [n.id, net.getBoundingBox(n.id)]);""")
    assert classes <= {node for node, _ in drawn}
    boxes = [box for _, box in drawn]
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if min(a["right"], b["right"]) > max(a["left"], b["left"])
                and min(a["bottom"], b["bottom"]) > max(a["top"], b["top"])]
    edges = browser.execute_script("return window.fengongClassDiagram.body.data.edges.get().map(e => e.label)")
    assert "fg:task" in edges and "fg:role" in edges
