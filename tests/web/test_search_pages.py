"""The search page over the real index: results, facets, filters, sort, pagination, empty state."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup
from web_corpus import PLANTED_ID, SEED_ID, sample_items


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.data[:500]
    return BeautifulSoup(response.data, "html.parser")


def result_titles(page: BeautifulSoup) -> list[str]:
    return [a.get_text(" ", strip=True) for a in page.select(".result-title a")]


def test_front_page_browses_the_whole_archive_newest_first(client):
    page = soup(client.get("/"))
    assert page.find("input", {"name": "q", "id": "q"}) is not None
    assert page.find("label", {"for": "q"}) is not None
    assert f"{len(sample_items())} items in the archive" in page.get_text(" ", strip=True)
    dates = [t["datetime"] for t in page.select(".result-meta time")]
    assert dates == sorted(dates, reverse=True)
    facet_titles = [h.get_text(strip=True) for h in page.select(".facet h3")]
    for name in ("Committee", "Council", "Year"):
        assert name in facet_titles


def test_search_shows_the_parts_of_a_result(client):
    page = soup(client.get("/search?q=prevent"))
    titles = result_titles(page)
    assert "Presentation on the Prevent Programme" in titles
    first = page.select_one(".result")
    assert first.select_one(".snippet mark") is not None
    assert "Overview Select Committee" in first.select_one(".result-meta").get_text()
    assert first.select_one(".result-meta time") is not None
    assert re.search(r"item \w+", first.select_one(".result-meta").get_text())
    text = page.get_text(" ", strip=True)
    assert re.search(r"\d+ results? for “prevent”", text)
    speakers = [a.get_text(strip=True) for a in page.select(".result-speakers a")]
    assert speakers, "speaker names are shown and linked"
    assert all(a["href"].startswith("/people/") for a in page.select(".result-speakers a"))


def test_result_links_carry_the_query_for_highlighting(client):
    page = soup(client.get("/search?q=prevent"))
    href = page.select_one(".result-title a")["href"]
    assert href.startswith("/items/") and parse_qs(urlsplit(href).query)["q"] == ["prevent"]


def test_facet_counts_match_the_results_and_toggle_links_select_values(client):
    page = soup(client.get("/search?q=schools"))
    total = int(re.match(r"(\d+)", page.select_one(".results-count").get_text(strip=True)).group(1))
    committee_facet = page.select_one("#facet-committee").find_parent("section")
    counts = {a.select_one(".facet-value").get_text(strip=True): int(a.select_one(".count").get_text()) for a in committee_facet.select("a")}
    assert sum(counts.values()) == total  # one committee per item
    name, count = next(iter(counts.items()))
    link = committee_facet.select_one("a")["href"]
    assert parse_qs(urlsplit(link).query)["committee"] == [name]
    narrowed = soup(client.get(link))
    assert narrowed.select_one(".results-count").get_text(strip=True).startswith(str(count))
    selected = narrowed.select_one("#facet-committee").find_parent("section").select_one("li.selected a")
    assert selected is not None and "☑" in selected.get_text()
    # clicking a selected value removes it again
    assert "committee" not in parse_qs(urlsplit(selected["href"]).query)


def test_two_values_of_one_facet_are_or_and_chips_clear_one_or_all(client):
    one = client.get("/api/search?committee=Planning+Committee").get_json()["total"]
    two = client.get("/api/search?committee=Planning+Committee&committee=Overview+Select+Committee").get_json()["total"]
    other = client.get("/api/search?committee=Overview+Select+Committee").get_json()["total"]
    assert two == one + other
    page = soup(client.get("/search?q=school&committee=Planning+Committee&committee=Overview+Select+Committee&from=2018-01-01"))
    chips = page.select(".chips a.chip")
    labels = [c.get_text(" ", strip=True) for c in chips]
    assert any(label.startswith("Committee: Planning Committee") for label in labels)
    assert any(label.startswith("From: 2018-01-01") for label in labels)
    remove_planning = next(c["href"] for c in chips if "Planning Committee" in c.get_text())
    query = parse_qs(urlsplit(remove_planning).query)
    assert query["committee"] == ["Overview Select Committee"] and query["q"] == ["school"] and query["from"] == ["2018-01-01"]
    clear_all = page.select_one("a.clear-all")["href"]
    assert parse_qs(urlsplit(clear_all).query) == {"q": ["school"]}


def test_date_range_and_sort_orders(client):
    newest = client.get("/api/search?sort=newest&per_page=50").get_json()["results"]
    oldest = client.get("/api/search?sort=oldest&per_page=50").get_json()["results"]
    assert [r["date"] for r in newest] == sorted((r["date"] for r in newest), reverse=True)
    assert [r["date"] for r in oldest] == sorted(r["date"] for r in oldest)
    in_2019 = client.get("/api/search?from=2019-01-01&to=2019-12-31&per_page=50").get_json()
    assert in_2019["total"] > 0 and all(r["date"].startswith("2019") for r in in_2019["results"])
    page = soup(client.get("/search?q=school&sort=oldest"))
    assert page.select_one("#sort option[selected]")["value"] == "oldest"


def test_pagination_links_walk_the_results(client):
    total = client.get("/api/search").get_json()["total"]
    first = soup(client.get("/search?per_page=3"))
    nav = first.select_one("nav.pagination")
    assert nav is not None
    assert nav.select_one("a[aria-current=page]").get_text(strip=True).endswith("1")
    next_href = nav.select_one("a[rel=next]")["href"]
    second = soup(client.get(next_href))
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert second.select_one("ol.result-list")["start"] == "4"
    last = -(-total // 3)
    past_end = soup(client.get(f"/search?per_page=3&page={last + 1}"))
    assert "past the end" in past_end.get_text()


def test_did_you_mean_offers_the_corrected_search(client):
    data = client.get("/api/search?q=prevnt").get_json()
    assert data["suggestion"] == "prevent"
    page = soup(client.get("/search?q=prevnt"))
    link = page.select_one(".suggestion a")
    assert parse_qs(urlsplit(link["href"]).query)["q"] == ["prevent"]


def test_empty_state_helps(client):
    page = soup(client.get("/search?q=xylophonequartet&committee=Planning+Committee"))
    text = page.get_text(" ", strip=True)
    assert "No results" in text and "Nothing in the archive matches" in text
    assert page.select_one(".empty-state a[href^='/search']") is not None  # search without filters
    assert page.select_one(".empty-state a[href='/coverage']") is not None


def test_search_state_lives_in_the_url_and_forms_use_get(client):
    page = soup(client.get("/search?q=school&speaker=Tom+Grant&sort=newest"))
    for form in page.select("form"):
        assert form.get("method", "get").lower() == "get"
    main_form = page.select_one("#search-form")
    hidden = {(i["name"], i["value"]) for i in main_form.select("input[type=hidden]")}
    assert ("speaker", "Tom Grant") in hidden and ("sort", "newest") in hidden


def test_council_text_is_escaped_in_results(client):
    response = client.get("/search?q=parks")
    body = response.data.decode()
    assert "window.__pwned" in body  # the text is there, as text
    assert "<script>window" not in body and "&lt;script&gt;" in body
    assert PLANTED_ID in body and SEED_ID not in body
