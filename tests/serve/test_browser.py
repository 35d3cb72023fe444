"""End to end in headless Chromium: every view, with a screenshot of each (kept in $SCREENSHOTS_DIR when set)."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.serve.app import MAX_CSV_ROWS
from tests.serve.conftest import LAG

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"{CHROMIUM} is not installed"),
]


@pytest.fixture()
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: $SCREENSHOTS_DIR (to look at them), else the test's own folder."""
    folder = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 860})
        tab = context.new_page()
        tab.errors = []
        tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
        tab.on("console", lambda msg: tab.errors.append(msg.text) if msg.type == "error" else None)
        yield tab
        browser.close()


def test_search_open_article_click_event_shows_evidence(page: Any, base_url: str, shots: Path) -> None:
    page.goto(base_url + "/")
    page.fill("#quick-q", "Hamburg")
    page.click("#quick-search button")
    page.wait_for_selector("ol.results li a.title")
    assert page.locator("ol.results mark").first.text_content().lower() == "hamburg"
    page.screenshot(path=str(shots / "search.png"), full_page=True)
    page.click("text=Trump meets Putin in Hamburg")
    page.wait_for_selector("#article-text .hl-trigger")
    page.click("#article-text .hl-trigger >> nth=0")
    evidence = page.wait_for_selector("#evidence-sentence")
    assert "Vladimir Putin in Hamburg" in evidence.text_content()
    # The whole evidence sentence is highlighted, plain words between the marked ones included.
    highlighted = "".join(page.locator("#article-text .evidence").all_text_contents())
    assert highlighted == evidence.text_content()
    page.screenshot(path=str(shots / "reader.png"), full_page=True)
    assert (shots / "reader.png").stat().st_size > 10_000
    # Keyboard: focus the quote, press Enter, and the panel shows it.
    page.focus("#article-text .hl-quote >> nth=0")
    page.keyboard.press("Enter")
    assert "We had a very good talk," in page.text_content("#record-panel")
    assert page.errors == []


def test_seed_article_event_evidence(page: Any, base_url: str, shots: Path) -> None:
    found = page.request.get(base_url + "/api/articles?q=Trump+Putin+Plummeting").json()
    if not found["total"]:
        pytest.skip("the seed article is not in the store (shared data absent)")
    page.goto(base_url + "/")
    page.fill("#quick-q", "Trump Putin Plummeting")
    page.press("#quick-q", "Enter")
    page.click("ol.results li a.title >> nth=0")
    page.wait_for_selector("#article-text")
    if page.locator("#article-text .hl-trigger").count() == 0:
        pytest.skip("the events stage found no event in the seed yet")
    page.click("#article-text .hl-trigger >> nth=0")
    assert page.wait_for_selector("#evidence-sentence").text_content().strip()
    page.screenshot(path=str(shots / "seed.png"), full_page=True)


def test_hostile_article_renders_as_text(page: Any, base_url: str) -> None:
    page.goto(base_url + "/#/articles?q=onerror")
    page.wait_for_selector("ol.results li a.title")
    page.click("ol.results li a.title >> nth=0")
    page.wait_for_selector("#article-text")
    assert "<script>window.__pwned = 1</script>" in page.text_content("#article-text")
    assert 'onerror="window.__pwned=2"' in page.text_content("#article-text")
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.evaluate("window.__pwned === undefined")
    assert page.errors == []


def test_views_draw_pictures(page: Any, base_url: str, shots: Path) -> None:
    page.goto(base_url + "/#/events")
    page.wait_for_selector("svg.timeline rect")
    page.screenshot(path=str(shots / "events.png"), full_page=True)
    page.goto(base_url + "/#/network")
    page.wait_for_selector("svg.network .node")
    page.keyboard.press("Tab")
    page.screenshot(path=str(shots / "network.png"), full_page=True)
    page.goto(base_url + "/#/actor/donald-trump.usa")
    page.wait_for_selector("text=What they said")
    assert "We had a very good talk" in page.text_content("main")
    page.screenshot(path=str(shots / "actor.png"), full_page=True)
    page.goto(base_url + "/#/actors")
    page.wait_for_selector("main table tbody tr")
    page.screenshot(path=str(shots / "actors.png"), full_page=True)
    page.goto(base_url + "/docs")
    page.wait_for_selector("text=GET /api/events")
    page.screenshot(path=str(shots / "docs.png"), full_page=True)
    assert page.errors == []


def test_event_dates_are_the_events_own(page: Any, base_url: str, shots: Path) -> None:
    page.goto(base_url + "/#/events?article=hand000000000001&bucket=day")
    page.wait_for_selector("table.events tbody tr")
    dates = page.locator("table.events tbody tr td:first-child").all_text_contents()
    # The accusation happened "last week": its own date is that week, never the publication day.
    assert sorted(dates) == ["7 Jul 2017", "week of 26 Jun 2017"]
    note = page.text_content(".not-drawn")
    assert "1 event dated only to a week" in note
    page.screenshot(path=str(shots / "events-by-day.png"), full_page=True)
    page.goto(base_url + "/#/events?article=hand000000000001&bucket=week")
    page.wait_for_selector("svg.timeline rect")
    assert page.locator(".not-drawn").count() == 0
    page.click("svg.timeline g.bar >> nth=0")  # the week of 26 June: its events only
    page.wait_for_url("**until=2017-07-02*")
    page.wait_for_function("() => document.querySelectorAll('table.events tbody tr').length === 1")
    assert page.text_content("table.events tbody tr td:first-child") == "week of 26 Jun 2017"
    assert page.errors == []


def test_network_labels_do_not_overlap_and_fit(page: Any, base_url: str, shots: Path) -> None:
    for query, name in (("", "network-all"), ("?country=RUS", "network-country")):
        page.goto(base_url + "/#/network" + query)
        page.wait_for_selector("svg.network .node")
        boxes = page.evaluate("""() => {
            const svg = document.querySelector("svg.network");
            const view = svg.viewBox.baseVal;
            const shown = [...svg.querySelectorAll(".node:not(.label-on-hover) .node-label, .node circle")];
            return {view: [view.width, view.height], boxes: shown.map((n) => {
                const b = n.getBBox(); return [n.tagName, b.x, b.y, b.width, b.height]; })};
        }""")
        width, height = boxes["view"]
        for _, x, y, w, h in boxes["boxes"]:
            assert x >= -1 and y >= -1 and x + w <= width + 1 and y + h <= height + 1, (name, x, y, w, h)
        labels = [b for b in boxes["boxes"] if b[0] == "text"]
        assert labels, name
        for i, (_, x1, y1, w1, h1) in enumerate(labels):
            for _, x2, y2, w2, h2 in labels[i + 1:]:
                assert not (x1 < x2 + w2 - 1 and x2 < x1 + w1 - 1 and y1 < y2 + h2 - 1 and y2 < y1 + h1 - 1), name
        page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    assert page.errors == []


def test_counts_words_and_empty_states(page: Any, base_url: str, shots: Path) -> None:
    page.goto(base_url + "/#/articles")
    page.wait_for_selector("#store-stats a")
    header = {a.split(" ", 1)[1].rstrip("s"): int(a.split(" ", 1)[0].replace(",", ""))
              for a in page.locator("#store-stats a").all_text_contents()}
    for view, noun in (("articles", "article"), ("events", "event"), ("actors", "actor"), ("quotes", "quote")):
        page.goto(f"{base_url}/#/{view}")
        page.wait_for_selector("nav.pager")
        found = page.text_content("nav.pager").split(" found")[0]
        assert found == (f"{header[noun]:,} {noun}" + ("" if header[noun] == 1 else "s")), (view, found, header)
        assert " 1 events" not in page.text_content("main") and " 1 articles" not in page.text_content("main")
    notes = page.evaluate("""async () => {
        const { timelineChart } = await import("/static/charts.js");
        const rows = (far) => [3, 4, 5, 6, 7].map((d) => ({ period: `2017-07-0${d}`, quad: 1, events: 10 }))
            .concat(far.map((period) => ({ period, quad: 4, events: 1 })));
        return [["2019-10-25"], ["2019-10-25", "2001-09-11"]].map((far) => timelineChart(
            { bucket: "day", periods: rows(far), coarser: [], undated: 0 }).textContent);
    }""")
    assert "1 event lies outside the drawn range" in notes[0] and "2 events lie outside" in notes[1]
    page.goto(base_url + "/#/articles?q=zanzibar")
    page.wait_for_selector(".empty-state")
    assert "No articles match these filters." in page.text_content(".empty-state")
    assert "0 found" not in page.text_content("main")
    page.screenshot(path=str(shots / "empty.png"), full_page=True)
    assert page.errors == []


def test_the_search_box_follows_the_view(page: Any, base_url: str) -> None:
    page.goto(base_url + "/#/actors")
    page.wait_for_selector("main table")
    assert page.get_attribute("#quick-q", "placeholder") == "Search actors by name…"
    page.fill("#quick-q", "putin")
    page.press("#quick-q", "Enter")
    page.wait_for_url("**/#/actors?q=putin")
    # The searched list, not the full one still shown until the search answers (it names Putin too).
    page.wait_for_function("""() => {
        const names = [...document.querySelectorAll("main table tbody tr td:first-child")].map((td) => td.textContent);
        return names.length > 0 && names.every((name) => name.includes("Putin"));
    }""")
    assert "Vladimir Putin" in page.locator("main table tbody tr td:first-child").all_text_contents()
    assert page.input_value("#quick-q") == "putin"
    page.goto(base_url + "/#/quotes")
    page.wait_for_selector("ul.quotes li")
    assert page.get_attribute("#quick-q", "placeholder") == "Words in a quote…"
    assert page.input_value("#quick-q") == ""
    assert page.errors == []


def test_a_late_answer_for_a_view_left_behind_never_replaces_the_view_shown(page: Any, base_url: str) -> None:
    page.goto(base_url + "/#/actors")
    page.wait_for_selector("main table")
    # The search for an actor answers late; meanwhile the reader goes on to the quotes.
    page.goto(base_url + f"/#/actors?q=putin&{LAG}=1.5")
    page.goto(base_url + "/#/quotes")
    page.wait_for_selector("ul.quotes li")
    page.wait_for_timeout(2500)  # the actors' answer has come (or would have) by now
    assert page.text_content("main h2") == "Quotes"
    assert page.locator("ul.quotes li").count() > 0
    assert page.locator("main table, main .error").count() == 0
    assert page.get_attribute("#quick-q", "placeholder") == "Words in a quote…"
    assert page.errors == []


def test_a_request_left_behind_with_its_view_reports_no_error(page: Any, base_url: str) -> None:
    page.goto(base_url + "/#/articles")
    page.wait_for_selector("ol.results li")
    # A request nothing waits for (as a click's follow-up request), still out when the reader moves on.
    page.evaluate(f"""async () => {{
        const {{ api }} = await import("/static/dom.js");
        api("/api/stats", {{ {LAG}: 1 }});
    }}""")
    page.goto(base_url + "/#/quotes")
    page.wait_for_selector("ul.quotes li")
    page.wait_for_timeout(1500)
    assert page.errors == []


def test_stories_are_counted_in_words_and_a_story_address_with_no_id_lists_them(page: Any, base_url: str) -> None:
    stories = page.request.get(base_url + "/api/stats").json()["stories"]
    page.goto(base_url + "/#/story/")
    page.wait_for_selector("ol.results li")
    assert page.text_content("main h2") == "Stories"
    lines = page.locator("ol.results li span.muted").all_text_contents()
    assert len(lines) == min(stories, 20)
    for line in lines:
        assert re.search(r"\b\d+ articles? · \d+ sources? · \d+ events?$", line.strip()), line
        assert not re.search(r"\b1 (articles|sources|events)\b", line), line
    assert page.text_content("nav.pager") == f"{stories} {'story' if stories == 1 else 'stories'} found"
    assert page.errors == []


def test_a_page_past_the_last_says_so_and_leads_to_the_first(page: Any, base_url: str) -> None:
    total = page.request.get(base_url + "/api/articles").json()["total"]
    page.goto(base_url + "/#/articles?q=&offset=1000")
    page.wait_for_selector(".empty-state")
    assert page.text_content(".empty-state p") == f"{total} articles found, none from number 1,001 on."
    page.click("text=Go to the first page")
    page.wait_for_selector("ol.results li")
    assert page.url.endswith("/#/articles")
    assert page.errors == []


def test_a_refused_filter_says_why_and_offers_the_view_without_filters(page: Any, base_url: str) -> None:
    page.goto(base_url + "/#/events?quad=9&type=ACCUSE")
    page.wait_for_selector("main .error")
    assert "quad: Input should be less than or equal to 4" in page.text_content("main .error")
    page.click("text=Show this view without these filters")
    page.wait_for_selector("table.events tbody tr")
    assert page.url.endswith("/#/events")
    # The browser logs the refused request (422) itself; nothing else went wrong.
    assert page.errors and all("422" in error for error in page.errors)
    page.errors.clear()


def test_a_range_that_ends_before_it_starts_is_stopped_at_the_form(page: Any, base_url: str) -> None:
    # Either end may be the one the reader fixes: the form sends once the range is whole again.
    for view, row in (("articles", "ol.results li"), ("events", "table.events tbody tr")):
        for fixed, day in (("until", "2021-12-31"), ("since", "2019-01-01")):
            page.goto(f"{base_url}/#/{view}")
            page.wait_for_selector(row)
            page.fill("#f-since", "2021-01-01")
            page.fill("#f-until", "2019-12-31")
            page.click("form.filters button")
            assert "no day lies between" in page.evaluate("document.getElementById('f-until').validationMessage")
            assert page.url.endswith(f"/#/{view}"), view  # not sent: the form and the list stay
            assert page.locator(row).count() > 0
            page.fill(f"#f-{fixed}", day)
            page.click("form.filters button")
            page.wait_for_url(f"**/#/{view}?*{fixed}={day}*")
    assert page.errors == []


def test_a_failure_that_is_no_refused_filter_offers_no_view_without_filters(page: Any, base_url: str) -> None:
    page.goto(base_url + "/#/article/no-such-article?event=3")
    page.wait_for_selector("main .error")
    assert "404" in page.text_content("main .error") or "not" in page.text_content("main .error").lower()
    # The same view without its parameters fails the same way: it is not offered.
    assert page.locator("text=Show this view without these filters").count() == 0
    assert page.errors and all("404" in error for error in page.errors)
    page.errors.clear()


def test_of_two_quick_actor_clicks_the_last_one_leads(page: Any, base_url: str) -> None:
    page.goto(base_url + "/#/articles?q=Hamburg")
    page.click("text=Trump meets Putin in Hamburg")
    chips = page.locator("#record-panel .chip")
    chips.first.wait_for()
    names = list(dict.fromkeys(chips.all_text_contents()))
    assert len(names) >= 2
    held: list[Any] = []

    def hold(route: Any) -> None:  # each lookup waits until the test lets it go
        held.append(route)

    page.route("**/api/actors?*", hold)
    try:
        page.click(f"#record-panel .chip >> text={names[0]}")
        page.click(f"#record-panel .chip >> text={names[1]}")
        for _ in range(50):
            if len(held) == 2:
                break
            page.wait_for_timeout(100)
        assert len(held) == 2, "each click asked for its actor"
        # The first click's answer comes first; the reader is taken where the second click points.
        with contextlib.suppress(Exception):  # a lookup given up has nothing left to answer
            held[0].continue_()
        page.wait_for_timeout(500)
        held[1].continue_()
        page.wait_for_url("**/#/actor/*")
        page.wait_for_timeout(500)
    finally:
        page.unroute("**/api/actors?*")
    second = page.url
    first = page.request.get(base_url + "/api/actors", params={"q": names[0], "limit": 5}).json()["items"]
    assert first and all(f"/#/actor/{actor['key']}" not in second for actor in first if actor["name"] == names[0])
    assert page.errors == []


def test_an_actor_click_left_behind_with_its_view_leads_nowhere(page: Any, base_url: str) -> None:
    page.goto(base_url + "/#/articles?q=Hamburg")
    page.click("text=Trump meets Putin in Hamburg")
    page.locator("#record-panel .chip").first.wait_for()
    held: list[Any] = []

    def hold(route: Any) -> None:  # the lookup waits until the reader has gone on to the quotes
        held.append(route)

    page.route("**/api/actors?*", hold)
    try:
        page.locator("#record-panel .chip").first.click()
        for _ in range(50):
            if held:
                break
            page.wait_for_timeout(100)
        assert held, "the click asked for its actor"
        page.goto(base_url + "/#/quotes")
        page.wait_for_selector("ul.quotes li")
        with contextlib.suppress(Exception):  # a lookup given up has nothing left to answer
            held[0].continue_()
        page.wait_for_timeout(800)
    finally:
        page.unroute("**/api/actors?*")
    assert page.url.endswith("/#/quotes")
    assert page.errors == []


def test_a_csv_download_of_more_events_than_it_holds_says_so(page: Any, base_url: str) -> None:
    def larger(route: Any) -> None:  # the store as if it held more events than one CSV download holds
        answer = route.fetch()
        route.fulfill(response=answer, json={**answer.json(), "total": MAX_CSV_ROWS + 10_000})

    page.goto(base_url + "/#/events")
    page.wait_for_selector("a[download]")
    assert page.text_content("a[download]").startswith("Download these ")
    page.route("**/api/events?*", larger)
    try:
        page.goto(base_url + "/#/events?status=occurred")
        page.wait_for_selector("a[download][href*='status=occurred']")
    finally:
        page.unroute("**/api/events?*")
    assert page.text_content("a[download]") == "Download the first 50,000 events of these 60,000 as CSV"
    assert f"limit={MAX_CSV_ROWS}" in page.get_attribute("a[download]", "href")
    assert "every event: dateline export" in page.text_content("main")
    assert page.errors == []


def test_an_actor_page_lists_each_quote_once(page: Any, base_url: str) -> None:
    page.goto(base_url + "/#/actor/donald-trump.usa")
    page.wait_for_selector("ul.quotes li")
    quotes = page.locator("ul.quotes li blockquote").all_text_contents()
    assert quotes and len(quotes) == len(set(quotes))
    assert page.errors == []


def test_quotes_filtered_by_kind(page: Any, base_url: str, shots: Path) -> None:
    page.goto(base_url + "/#/quotes")
    page.wait_for_selector("ul.quotes li")
    page.fill("#f-speaker", "donald-trump.usa")
    page.select_option("#f-kind", "speech")
    page.click("form.filters button")
    page.wait_for_url("**/#/quotes?*kind=speech*")
    # The new list replaces the old one when its request returns: wait for that, not for any list.
    page.wait_for_function("""() => {
        const items = [...document.querySelectorAll("ul.quotes li p")].map((p) => p.textContent);
        return items.length > 0 && items.every((t) => t.includes("· speech ·") && t.includes("Trump"));
    }""")
    assert "We had a very good talk" in page.text_content("main")
    assert all("· speech ·" in text for text in page.locator("ul.quotes li p").all_text_contents())
    page.screenshot(path=str(shots / "quotes.png"), full_page=True)
    assert page.errors == []
