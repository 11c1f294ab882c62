"""Headers on every response, no inline code, only reads, and clear errors instead of tracebacks."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from web_corpus import SEED_ID

URLS = [
    "/", "/search?q=school", f"/items/{SEED_ID}", "/commitments", "/coverage", "/api/search?q=x",
    f"/api/items/{SEED_ID}", "/search.csv?q=x", "/search.atom?q=x", "/opensearch.xml", "/static/style.css",
    "/static/app.js", "/no-such-page", "/search?page=0", "/api/search?page=0", "/api/items/none",
]


@pytest.mark.parametrize("url", URLS)
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"]


def test_the_read_only_api_may_be_read_from_other_sites_without_credentials(client):
    assert client.get("/api/search").headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in client.get("/api/search").headers
    assert "Access-Control-Allow-Origin" not in client.get("/search").headers


@pytest.mark.parametrize("url", ["/", "/search?q=prevent", f"/items/{SEED_ID}?q=prevent", "/commitments", "/coverage", "/no-such-page"])
def test_pages_have_no_inline_scripts_or_styles_and_are_accessible(client, url):
    page = BeautifulSoup(client.get(url).data, "html.parser")
    assert all(s.get("src") for s in page.select("script")), "no inline <script> (CSP would block it)"
    assert not page.select("style") and not page.select("[style]")
    assert not [tag for tag in page.find_all(True) if any(attr.startswith("on") for attr in tag.attrs)]
    assert page.select_one("html")["lang"]
    assert page.select_one("a.skip-link")["href"] == "#main" and page.select_one("main#main")
    assert page.select_one("header") and page.select_one("footer") and page.select_one("nav")
    for field in page.select("input:not([type=hidden]), select, textarea"):
        assert page.select_one(f"label[for='{field['id']}']"), f"field {field.get('name')} has a label"


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_nothing_changes_state_and_only_reads_are_allowed(client, method):
    response = getattr(client, method)("/search?q=x")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize(
    "query, message",
    [
        ("page=0", "page must be a whole number of 1 or more"),
        ("page=10000000000000", "page must be at most"),
        ("page=two", "page must be a whole number"),
        ("sort=best", "Unknown sort"),
        ("from=2019-99-01", "must be a date in YYYY-MM-DD form"),
        ("from=2020-01-01&to=2019-01-01", "back to front"),
        ("&".join(f"committee=c{i}" for i in range(50)), "Too many"),
        ("q=" + "word%20" * 1500, "the limit is 500"),
    ],
)
def test_bad_parameters_give_a_400_page_with_the_reason(client, query, message):
    response = client.get(f"/search?{query}")
    assert response.status_code == 400 and response.mimetype == "text/html"
    page = BeautifulSoup(response.data, "html.parser")
    assert message in page.select_one("main").get_text(" ", strip=True)


@pytest.mark.parametrize("path", ["/search.csv?page=0", "/search.atom?sort=zzz", "/people/x?page=0", "/items/x?q=" + "y" * 600])
def test_other_views_refuse_bad_parameters_too(client, path):
    assert client.get(path).status_code in (400, 404)


def test_missing_index_is_a_friendly_503(empty_app):
    client = empty_app.test_client()
    response = client.get("/search?q=x")
    assert response.status_code == 503
    assert "minutes index" in response.data.decode()
    assert "Traceback" not in response.data.decode()
    api = client.get("/api/search?q=x")
    assert api.status_code == 503 and "minutes index" in api.get_json()["error"]
    assert client.get("/opensearch.xml").status_code == 200  # pages that need no index still work


def test_hostile_queries_answer_without_errors(client):
    for q in ["*a*", "[a TO z]", '"unbalanced', "((((", "NOT", "committee:", "a OR OR b", "the of and", "\x00", "ñ€𝄞"]:
        response = client.get("/api/search", query_string={"q": q})
        assert response.status_code in (200, 400), q
