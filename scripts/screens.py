"""Screenshots of the service's screens at a laptop's window size, for docs/screens/ (linked from the README).

Usage: .venv/bin/python scripts/screens.py [BASE_URL] [OUT_DIR]  (default http://127.0.0.1:8000, docs/screens)
against a running `make serve`. Needs Chromium and its driver (scripts/install-system-deps.sh) and Selenium.
"""

from __future__ import annotations

import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

SIZE = (1366, 768)
WAIT_SECONDS = 30

#: name → (path, script run once the page is ready, or None; condition the page is ready when true).
SCREENS = {
    "editor": ("/", """
        const picker = document.getElementById('examples');
        picker.value = 'tasks-led-by-agency';
        picker.dispatchEvent(new Event('change'));
        setTimeout(() => document.querySelector('.tabPanel.active .yasqe_queryButton').click(), 300);
        window.fengongYasgui.getTab().getYasqe().setSize(null, 200);""",
               "return document.querySelectorAll('.tabPanel.active .yasr tbody tr').length > 1"),
    "plan": ("/id/plan/jilin-disability-13fyp", "document.getElementById('tasks').scrollIntoView()", None),
    "agency": ("/id/agency/220000/0001", "document.querySelector('h3.incoming').scrollIntoView()", None),
    "network": ("/network?plan=https://w3id.org/fengong/id/plan/jilin-disability-13fyp", None,
                "return document.body.dataset.ready === 'true'"),
    "shacl": ("/shacl", None, None),
    "ontology": ("/ontology", "document.getElementById('class-diagram').scrollIntoView()",
                 "return document.getElementById('class-diagram').dataset.ready === 'true'"),
    "question-suggestions": ("/queries/tasks-led-by-agency?name=民政厅", None, None),
    "not-found": ("/id/plan/no-such-plan", None, None),
}


def browser() -> webdriver.Chrome:
    """A fresh headless Chromium at :data:`SIZE` (one per screen: a shared one hung on going to a drawing page)."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 f"--window-size={SIZE[0]},{SIZE[1]}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main(base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, (path, script, ready) in SCREENS.items():
        driver = browser()
        try:
            driver.get(base.rstrip("/") + path)
            wait = WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.2)
            if script:
                driver.execute_script(script)
            if ready:
                wait.until(lambda d, ready=ready: d.execute_script(ready))
            driver.save_screenshot(str(out / f"{name}.png"))
            print(out / f"{name}.png")
        finally:
            driver.quit()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000",
         Path(sys.argv[2]) if len(sys.argv) > 2 else Path("docs/screens"))
