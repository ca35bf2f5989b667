"""The web view in a real browser: Debian's headless Chromium driven by Selenium.

A ``kamer serve`` subprocess on a free 127.0.0.1 port serves the demo store;
nothing reaches beyond this machine (the driver and browser are Debian's,
Selenium Manager is never asked for one). Screenshots of the main pages go
to outputs/screenshots/.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import ROOT

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM and DRIVER), reason="Debian chromium and chromium-driver are not installed"
    ),
]
SHOTS = ROOT / "outputs" / "screenshots"
LETTER = "corpus/letters/brief-uitvoering-motie-van-nispen-2025.txt"
MOTION = "kst-28844-290"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(demo_db: Path) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "serve",
            "--db",
            str(demo_db),
            "--port",
            str(port),
            "--today",
            "2026-12-01",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/", timeout=1).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None:
                    raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "serve died") from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    # headless, and nothing of Chromium's own reaching out (updates, sync, metrics, safe browsing)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-domain-reliability",
        "--metrics-recording-only",
        "--no-first-run",
        "--no-pings",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    driver.implicitly_wait(2)
    try:
        yield driver
    finally:
        driver.quit()


def _shot(browser: webdriver.Chrome, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / f"{name}.png"))


def _open(browser: webdriver.Chrome, server: str, path: str) -> None:
    browser.get(server + path)


def _navigate(browser: webdriver.Chrome, act: Callable[[], object]) -> None:
    """Click or submit, then wait until the next page has replaced this one (no stale reads)."""
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    old = browser.find_element(By.TAG_NAME, "html")
    act()
    WebDriverWait(browser, 10).until(expected_conditions.staleness_of(old))


def test_a_letter_shows_its_text_with_facts_highlighted(browser: webdriver.Chrome, server: str) -> None:
    _open(browser, server, "/show/" + quote(LETTER, safe=""))
    assert browser.find_element(By.TAG_NAME, "h1").text == (
        "Openbaarmaking van financiële belangen van bewindspersonen (brief, 2025-10-14)"
    )
    text = browser.find_element(By.CSS_SELECTOR, "article.text").text
    assert "Met deze brief geef ik uitvoering aan deze motie." in text
    refs = browser.find_elements(By.CSS_SELECTOR, "a.ref")
    assert "Kamerstuk 28 844, nr. 290" in [r.text for r in refs]
    assert browser.find_elements(By.CSS_SELECTOR, ".commitment")
    _shot(browser, "document")


def test_from_a_letter_click_the_follow_up_to_the_motion_and_back(
    browser: webdriver.Chrome, server: str
) -> None:
    _open(browser, server, "/show/" + quote(LETTER, safe=""))
    follow_up = next(a for a in browser.find_elements(By.CSS_SELECTOR, "a.follow-up") if a.text == "Met ")
    assert "fulfils Motie van het lid Van Nispen" in (follow_up.get_attribute("title") or "")
    _navigate(browser, follow_up.click)
    assert browser.current_url.endswith("/show/" + MOTION)
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith(
        "Motie van het lid Van Nispen over openbaarmaking"
    )
    assert browser.find_element(By.CSS_SELECTOR, ".state").text == "done"
    step = browser.find_element(By.CSS_SELECTOR, "li.step-fulfils")
    assert "Met deze brief geef ik uitvoering aan deze motie." in step.text
    _shot(browser, "motion")
    _navigate(browser, step.find_element(By.TAG_NAME, "a").click)  # back, through the life of the motion
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Openbaarmaking van financiële belangen")
    browser.back()
    browser.back()
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Openbaarmaking van financiële belangen")


def test_a_motion_page_shows_its_life(browser: webdriver.Chrome, server: str) -> None:
    _open(browser, server, "/show/" + quote("36600 VIII nr. 38"))
    assert "Westerveld en Kostic over een wettelijk verbod" in browser.find_element(By.TAG_NAME, "h1").text
    steps = [li.get_attribute("class") for li in browser.find_elements(By.CSS_SELECTOR, "ol.life li")]
    assert steps == ["step step-submitted", "step step-appraised", "step step-voted"]
    assert "Ontraden" in browser.find_element(By.CSS_SELECTOR, "ol.life").text
    assert browser.find_element(By.CSS_SELECTOR, ".state").text == "open"


def test_a_commitment_page_names_who_and_by_when(browser: webdriver.Chrome, server: str) -> None:
    _open(browser, server, "/open-commitments")
    link = browser.find_element(By.CSS_SELECTOR, "table.dashboard tbody tr td a.subject")
    promise = link.text
    _navigate(browser, link.click)
    assert browser.find_element(By.CSS_SELECTOR, "blockquote.promise").text.split()[:4] == promise.split()[:4]
    assert browser.find_element(By.CSS_SELECTOR, "dl.meta").text.startswith("Who")
    _shot(browser, "commitment")


def test_dashboards_and_their_downloads_hold_the_same_rows(browser: webdriver.Chrome, server: str) -> None:
    import csv
    import io
    import json

    _open(browser, server, "/open-motions")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.dashboard tbody tr")
    ids = [r.find_elements(By.TAG_NAME, "td")[0].text for r in rows]
    assert ids and MOTION not in ids and "kst-36600-VIII-38" in ids
    _shot(browser, "open-motions")
    data = json.loads(urllib.request.urlopen(server + "/open-motions.json").read())
    table = list(
        csv.DictReader(io.StringIO(urllib.request.urlopen(server + "/open-motions.csv").read().decode()))
    )
    assert [d["id"] for d in data] == ids == [t["id"] for t in table]
    _open(browser, server, "/open-commitments?overdue=1")
    shown = len(browser.find_elements(By.CSS_SELECTOR, "table.dashboard tbody tr"))
    data = json.loads(urllib.request.urlopen(server + "/open-commitments.json?overdue=1").read())
    assert shown == len(data) and all(d["overdue"] == "yes" for d in data)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Open toezeggingen: overdue"
    _shot(browser, "overdue-commitments")
    _open(browser, server, "/open-commitments?kind=doel")
    goals = browser.find_elements(By.CSS_SELECTOR, "table.dashboard tbody tr")
    assert goals and browser.find_element(By.TAG_NAME, "h1").text == "Open doelen"
    assert len(json.loads(urllib.request.urlopen(server + "/open-commitments.json?kind=doel").read())) == len(
        goals
    )


def test_a_search_finds_a_sentence(browser: webdriver.Chrome, server: str) -> None:
    _open(browser, server, "/")
    box = browser.find_element(By.CSS_SELECTOR, "header input[name=q]")
    box.send_keys("financiele belangen drempelbedrag")  # no diaeresis: still found
    _navigate(browser, box.submit)
    hits = browser.find_elements(By.CSS_SELECTOR, "ol.hits li")
    assert hits
    assert "drempelbedrag" in hits[0].find_element(By.CSS_SELECTOR, "mark").text + hits[0].text
    assert hits[0].find_element(By.TAG_NAME, "a").text.startswith("Openbaarmaking van financiële belangen")
    _shot(browser, "search")
    _navigate(browser, hits[0].find_element(By.TAG_NAME, "a").click)
    anchor = browser.current_url.rsplit("#", 1)[1]
    assert browser.find_element(By.ID, anchor).text.startswith("Bewindspersonen maken bij hun aantreden")


def test_a_script_in_a_document_is_shown_as_text(browser: webdriver.Chrome, server: str) -> None:
    _open(browser, server, "/show/" + quote("brief-script.txt", safe=""))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith(
        "Beveiliging van de website <script>alert(1)</script>"
    )
    assert (
        "De tekst <script>alert(1)</script> is een proef."
        in browser.find_element(By.CSS_SELECTOR, "article.text").text
    )
    assert browser.find_elements(By.TAG_NAME, "script") == []
    _open(browser, server, "/search?q=" + quote("script alert"))
    assert "<script>alert(1)</script>" in browser.find_element(By.CSS_SELECTOR, "ol.hits").text


def test_nothing_can_be_changed_and_the_store_stays_as_it_was(server: str, demo_db: Path) -> None:
    before = hashlib.sha256(demo_db.read_bytes()).hexdigest()
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        for path in ("/", "/show/" + MOTION, "/open-motions.csv", "/no/such/route"):
            req = urllib.request.Request(server + path, data=b"x=1", method=method)
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(req)
            assert err.value.code == 405
    head = urllib.request.urlopen(server + "/")
    assert "default-src 'none'" in head.headers["content-security-policy"]
    assert "script-src" not in head.headers["content-security-policy"]
    assert hashlib.sha256(demo_db.read_bytes()).hexdigest() == before
    assert not Path(str(demo_db) + "-wal").exists() or os.path.getsize(str(demo_db) + "-wal") == 0


def test_a_dossier_page_is_a_timeline_and_a_member_page_lists_their_motions(
    browser: webdriver.Chrome, server: str
) -> None:
    _open(browser, server, "/show/" + quote("kst-36600-VIII-38"))
    _navigate(browser, browser.find_element(By.LINK_TEXT, "dossier-36600-VIII").click)
    assert browser.find_element(By.TAG_NAME, "h1").text == "dossier 36600-VIII"
    (entry,) = browser.find_elements(By.CSS_SELECTOR, "ol.timeline li")
    assert entry.text.startswith("2024-11-18 motion Motie van de leden Westerveld en Kostic")
    _open(browser, server, "/show/" + MOTION)
    _navigate(browser, browser.find_element(By.LINK_TEXT, "Van Nispen").click)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Van Nispen"
    submitted = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "main ul li a")]
    assert any(t.startswith("Motie van het lid Van Nispen over openbaarmaking") for t in submitted)
    assert any(t.startswith("Motie van de leden Van Nispen en Chakor") for t in submitted)


def test_a_motion_shows_its_neighbourhood_as_svg_and_links_its_file(
    browser: webdriver.Chrome, server: str
) -> None:
    _open(browser, server, "/show/" + MOTION)
    titles = [
        t.get_attribute("textContent")
        for t in browser.find_elements(By.CSS_SELECTOR, "figure.neighbourhood svg circle title")
    ]
    assert "Openbaarmaking van financiële belangen van bewindspersonen (brief, 2025-10-14)" in titles
    _navigate(browser, browser.find_element(By.LINK_TEXT, "The motion's text").click)
    assert "verzoekt de regering" in browser.find_element(By.CSS_SELECTOR, "article.text").text.lower()
    original = browser.find_element(By.LINK_TEXT, "the original").get_attribute("href")
    assert original and original.startswith(server + "/file/")
    body = urllib.request.urlopen(original).read().decode()
    assert "Van Nispen" in body and body.lstrip().startswith("<?xml")


def test_a_footnote_marker_leads_to_its_note_and_back(browser: webdriver.Chrome, server: str) -> None:
    _open(browser, server, "/show/" + quote("kamerbrief-imvo-convenanten-2016.pdf", safe=""))
    marker = browser.find_element(By.ID, "fnref-1")
    assert marker.text == "1"
    marker.click()
    assert browser.current_url.endswith("#fn-1")
    note = browser.find_element(By.ID, "fn-1")
    following = browser.execute_script("return arguments[0].parentNode.textContent", note)
    assert "Stand van zaken Sector Risico Analyse (SRA). Kamerstuk 26 485, nr. 187" in following
    assert browser.find_elements(By.CSS_SELECTOR, ".footnote")


def test_from_the_home_page_to_a_bewindspersoons_open_promises(
    browser: webdriver.Chrome, server: str
) -> None:
    _open(browser, server, "/")
    first = browser.find_element(By.CSS_SELECTOR, "table.actors tbody tr")
    who, open_count, _ = (td.text for td in first.find_elements(By.TAG_NAME, "td"))
    _navigate(browser, first.find_element(By.TAG_NAME, "a").click)
    assert browser.find_element(By.TAG_NAME, "h1").text == who
    assert browser.find_element(By.CSS_SELECTOR, "p.count").text.startswith(f"{open_count} open toezegging")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.dashboard tbody tr")
    cells = [[td.text for td in r.find_elements(By.TAG_NAME, "td")] for r in rows]
    assert sum(c[0].startswith("open") and c[1] == "toezegging" for c in cells) == int(open_count)
    _shot(browser, "person")


def test_look_up_a_motion_by_its_number_as_people_write_it(browser: webdriver.Chrome, server: str) -> None:
    _open(browser, server, "/")
    box = browser.find_element(By.CSS_SELECTOR, "form.lookup input[name=id]")
    box.send_keys("36600 VIII nr. 38")
    _navigate(browser, box.submit)
    assert "Westerveld en Kostic" in browser.find_element(By.TAG_NAME, "h1").text
    _open(browser, server, "/show?id=" + quote("99999 nr. 1"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Not in the store"
    assert "99999 nr. 1" in browser.find_element(By.CSS_SELECTOR, "p.missing").text


def test_a_debate_names_each_speaker_where_their_turn_begins(browser: webdriver.Chrome, server: str) -> None:
    _open(browser, server, "/show/" + quote("vlos-plenair-2014-10-15-vergadering-14-excerpt.xml", safe=""))
    assert (
        browser.find_element(By.TAG_NAME, "h1").text
        == "14e vergadering, woensdag 15 oktober 2014 (handelingen, 2014-10-15)"
    )
    turns = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "article.text .turn")]
    assert turns[:4] == ["Arib (PvdA)", "Berndsen-Jansen (D66)", "Arib (PvdA)", "Van Tongeren (GroenLinks)"]
    _shot(browser, "debate")
