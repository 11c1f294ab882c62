"""The JSON API (design.md §2), CSV export, the Atom feed and the OpenSearch description."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from web_corpus import FORMULA_TITLE, PLANTED_ID, SEED_ID, sample_items

ATOM = "{http://www.w3.org/2005/Atom}"
RESULT_KEYS = ["id", "title", "committee", "council", "date", "item_number", "url", "source_url", "snippet_html", "speakers", "topics"]


def test_api_search_has_the_documented_shape(client):
    response = client.get("/api/search?q=prevent&per_page=5")
    assert response.status_code == 200 and response.mimetype == "application/json"
    data = response.get_json()
    assert list(data) == ["query", "total", "page", "per_page", "results", "facets", "suggestion"]
    assert (data["query"], data["page"], data["per_page"]) == ("prevent", 1, 5)
    assert data["total"] >= 1 and len(data["results"]) == min(5, data["total"])
    hit = data["results"][0]
    assert list(hit) == RESULT_KEYS
    assert hit["url"].endswith(f"/items/{hit['id']}")
    assert "<mark>" in hit["snippet_html"]
    assert {"committee", "speaker", "topic", "year"} <= set(data["facets"])
    for values in data["facets"].values():
        for value in values:
            assert list(value) == ["value", "count", "selected"]


def test_api_repeated_parameters_select_several_values(client):
    data = client.get("/api/search?council=Sampleton+Borough+Council&council=Northwick+City+Council").get_json()
    assert data["total"] == len(sample_items())
    selected = {v["value"] for v in data["facets"]["council"] if v["selected"]}
    assert selected == {"Sampleton Borough Council", "Northwick City Council"}


def test_api_item_is_the_whole_item(client):
    data = client.get(f"/api/items/{SEED_ID}").get_json()
    for key in ("id", "title", "agenda_text", "minutes_text", "speakers", "decisions", "commitments", "documents", "meeting", "source_url"):
        assert key in data
    assert data["id"] == SEED_ID and data["date"] == "2018-11-01"
    assert data["meeting"]["key"].endswith("/meeting/101")


@pytest.mark.parametrize(
    "query, fragment",
    [
        ("page=0", "page"), ("page=abc", "page"), ("page=99999999", "page"), ("per_page=1000", "per_page"),
        ("sort=sideways", "sort"), ("from=2019-02-30", "from"), ("to=yesterday", "to"),
        ("q=" + "x" * 10_000, "limit"), ("&".join(f"speaker=s{i}" for i in range(50)), "Too many"),
    ],
)
def test_api_bad_parameters_are_400_json(client, query, fragment):
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400 and response.mimetype == "application/json"
    assert fragment in response.get_json()["error"]


def test_api_unknown_item_and_path_are_404_json(client):
    response = client.get("/api/items/nowhere/item/1")
    assert response.status_code == 404 and "nowhere/item/1" in response.get_json()["error"]
    assert client.get("/api/nothing-here").get_json()["error"]


def test_csv_export_is_escaped_and_protected_against_formulas(client):
    response = client.get("/search.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["id", "title", "committee", "council", "date", "item_number", "url", "source_url", "speakers", "topics", "snippet", "citation"]
    assert len(rows) - 1 == len(sample_items())
    by_id = {row[0]: row for row in rows[1:]}
    formula_row = next(row for row in rows[1:] if FORMULA_TITLE in row[1])
    assert formula_row[1] == "'" + FORMULA_TITLE
    assert by_id[PLANTED_ID][1].startswith("Parks consultation <script>")  # quoted, comma-safe, intact
    for row in rows[1:]:
        assert all(not cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_csv_export_carries_the_items_citation(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/search.csv?q=prevent").data.decode("utf-8-sig"))))
    seed = next(row for row in rows if row["id"] == SEED_ID)
    page = BeautifulSoup(client.get(f"/items/{SEED_ID}").data, "html.parser")
    assert seed["citation"] == page.select_one("textarea#citation").get_text()
    assert seed["citation"].startswith("Sampleton Borough Council, Overview Select Committee, 1 Nov 2018, item 5: ")


def test_csv_export_follows_the_search(client):
    rows = list(csv.reader(io.StringIO(client.get("/search.csv?committee=Planning+Committee").data.decode("utf-8-sig"))))
    assert len(rows) > 1 and all(row[2] == "Planning Committee" for row in rows[1:])
    assert "<mark>" not in "".join(",".join(r) for r in rows)


def test_atom_feed_is_valid_newest_first_with_stable_ids(client):
    first = client.get("/search.atom?q=school")
    assert first.status_code == 200 and first.mimetype == "application/atom+xml"
    feed = ET.fromstring(first.data)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith("urn:uuid:")
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("http")
    again = ET.fromstring(client.get("/search.atom?q=school&page=3").data)
    assert [e.findtext(f"{ATOM}id") for e in again.findall(f"{ATOM}entry")] == [e.findtext(f"{ATOM}id") for e in entries]
    assert again.findtext(f"{ATOM}id") == feed.findtext(f"{ATOM}id")
    other = ET.fromstring(client.get("/search.atom?q=parking").data)
    assert other.findtext(f"{ATOM}id") != feed.findtext(f"{ATOM}id")


def test_atom_feed_keeps_council_markup_as_text(client):
    feed = ET.fromstring(client.get("/search.atom?q=consultation").data)
    entry = feed.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title").startswith("Parks consultation <script>")  # text, not markup
    # a reader lists entries by title alone: say which committee and when ("Apologies" is every meeting)
    assert entry.findtext(f"{ATOM}title").endswith(" – Planning Committee, 21 Jan 2021")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert "<script>" not in summary.text and "<mark>" in summary.text


def test_opensearch_description_is_linked_and_valid(client):
    response = client.get("/opensearch.xml")
    assert response.mimetype == "application/opensearchdescription+xml"
    doc = ET.fromstring(response.data)
    ns = "{http://a9.com/-/spec/opensearch/1.1/}"
    templates = {u.get("type"): u.get("template") for u in doc.findall(f"{ns}Url")}
    assert templates["text/html"].endswith("/search?q={searchTerms}&page={startPage?}")
    assert "application/atom+xml" in templates
    page = client.get("/").data.decode()
    assert 'rel="search" type="application/opensearchdescription+xml"' in page
