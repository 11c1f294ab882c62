"""Many threads searching at once through waitress get the same answers as one thread alone."""

from __future__ import annotations

import http.client
import json
import threading
from urllib.parse import urlencode, urlsplit

QUERIES = [
    {"q": "school"}, {"q": "prevent", "sort": "newest"}, {"q": "parking"}, {"committee": "Planning Committee"},
    {"q": "school", "council": "Sampleton Borough Council", "from": "2018-01-01"}, {"q": '"school places"'},
    {"q": "referrals OR parking"}, {"year": "2019"}, {},
]


def fetch(port: int, params: dict) -> tuple[int, list[str]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/api/search?" + urlencode(params))
    response = conn.getresponse()
    body = json.loads(response.read())
    conn.close()
    return response.status, [hit["id"] for hit in body.get("results", [])]


def test_concurrent_searches_are_consistent(live_server):
    port = urlsplit(live_server.url).port
    expected = {i: fetch(port, params) for i, params in enumerate(QUERIES)}
    assert all(status == 200 for status, _ in expected.values())
    mismatches: list[str] = []

    def worker(offset: int) -> None:
        for n in range(30):
            i = (offset + n) % len(QUERIES)
            got = fetch(port, QUERIES[i])
            if got != expected[i]:
                mismatches.append(f"{QUERIES[i]}: {got} != {expected[i]}")

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not mismatches, mismatches[:3]
