"""The SearchBackend contract: written against the protocol only, run for every engine in
``conftest.BACKEND_FACTORIES`` (through the ``backend`` fixture)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from indexer.search_api import SORTS, BadRequest, SearchRequest

LEICESTER = "Leicester City Council"


def all_hits(backend, **kw):
    """Every matching hit, paging through (per_page 100)."""
    out, page = [], 1
    while True:
        p = backend.search(SearchRequest(per_page=100, page=page, facets=False, highlight=False, **kw))
        out.extend(p.results)
        if len(out) >= p.total or not p.results:
            return out, p.total
        page += 1


def test_title_match_ranks_above_body_match(backend):
    page = backend.search(SearchRequest(q="prevent"))
    titles = [h.title for h in page.results]
    assert titles[0] == "Presentation on the Prevent programme"
    # "Housing allocations policy" mentions prevent only in its body
    assert titles.index("Housing allocations policy") > 0


def test_plain_words_are_stemmed_quoted_phrases_are_exact(backend):
    stemmed = {h.title for h in backend.search(SearchRequest(q="plans")).results}
    assert "Local plan consultation" in stemmed  # "planning"/"plans" -> plan
    assert "Housing allocations policy" in stemmed  # "planning of new council homes"
    exact = {h.title for h in backend.search(SearchRequest(q='"plans for"')).results}
    assert exact == {"Local plan consultation"}
    assert backend.search(SearchRequest(q='"community safety"')).total == 1  # not "community and safety"
    assert backend.search(SearchRequest(q="community safety")).total >= 1


def test_phrase_of_three_words(backend):
    page = backend.search(SearchRequest(q='"a correct record"'))
    assert [h.title for h in page.results] == ["Minutes of the previous meeting"]


def test_operators(backend):
    both = backend.search(SearchRequest(q="prevent housing")).total
    either = backend.search(SearchRequest(q="prevent OR housing")).total
    only_prevent = backend.search(SearchRequest(q="prevent -housing")).total
    not_form = backend.search(SearchRequest(q="prevent NOT housing")).total
    prevent = backend.search(SearchRequest(q="prevent")).total
    assert both <= prevent <= either
    assert only_prevent == not_form == prevent - both
    grouped = backend.search(SearchRequest(q="(prevent OR housing) allocations")).total
    assert grouped == backend.search(SearchRequest(q="housing allocations")).total


def test_field_prefixes(backend, corpus_docs):
    assert {h.title for h in backend.search(SearchRequest(q="speaker:knopp")).results} == {
        "Presentation on the Prevent programme", "Bus services <script>alert(1)</script>"}
    assert [h.committee for h in backend.search(SearchRequest(q="committee:planning")).results] == [
        "Planning and Development Control Committee"]
    assert backend.search(SearchRequest(q="title:prevent")).total == 1
    assert backend.search(SearchRequest(q='topic:"community safety"')).total == sum(
        "community safety" in d["topics"] for d in corpus_docs)
    assert backend.search(SearchRequest(q="speaker:(knopp OR pancholi)")).total == 2


def test_highlight_is_escaped_and_marks_matches(backend):
    page = backend.search(SearchRequest(q="bus routes"))
    snip = page.results[0].snippet_html
    assert "<mark>routes</mark>" in snip
    assert "<img" not in snip and "&lt;img" in snip
    assert snip.replace("<mark>", "").replace("</mark>", "").count("<") == 0


@pytest.mark.parametrize("name,values", [
    ("committee", ("Committee Alpha",)),
    ("committee", ("Committee Alpha", "Committee Beta")),
    ("speaker", ("Ann Able", "Gus Grant")),
    ("topic", ("housing",)),
    ("council", (LEICESTER,)),
    ("year", (2012, 2015)),
])
def test_filters_match_brute_force(backend, corpus_docs, name, values):
    hits, total = all_hits(backend, q="budget", **{name: values})
    key = {"committee": "committee", "speaker": "speakers", "topic": "topics", "council": "council", "year": "year"}[name]

    def has(doc):
        v = doc[key]
        return bool(set(v) & set(values)) if isinstance(v, list) else v in values

    expected = {d["id"] for d in corpus_docs if has(d) and "budget" in (d["title"] + " " + d["minutes_text"] + " " + d["agenda_text"]).lower()}
    assert {h.id for h in hits} == expected
    assert total == len(expected)


def test_date_range_filter(backend, corpus_docs):
    lo, hi = date(2012, 1, 1), date(2014, 6, 30)
    hits, total = all_hits(backend, date_from=lo, date_to=hi)
    expected = {d["id"] for d in corpus_docs if d["date"] and lo <= d["date"] <= hi}
    assert {h.id for h in hits} == expected and total == len(expected)


def test_facet_counts_equal_brute_force_and_are_disjunctive(backend, corpus_docs):
    page = backend.search(SearchRequest(q="school", committee=("Committee Alpha",), topic=("housing",)))
    matches = [d for d in corpus_docs if "school" in (d["title"] + " " + d["minutes_text"] + " " + d["agenda_text"]).lower()]
    # committee facet: counted with the topic filter but not the committee filter
    expected_committee = Counter(d["committee"] for d in matches if "housing" in d["topics"])
    got = {f.value: f.count for f in page.facets["committee"]}
    assert got == dict(expected_committee)
    assert any(f.selected and f.value == "Committee Alpha" for f in page.facets["committee"])
    # speaker facet: counted with both filters
    both = [d for d in matches if "housing" in d["topics"] and d["committee"] == "Committee Alpha"]
    expected_speakers = Counter(s for d in both for s in d["speakers"])
    assert {f.value: f.count for f in page.facets["speaker"]} == dict(expected_speakers)
    # year facet
    expected_years = Counter(str(d["year"]) for d in both if d["year"])
    assert {f.value: f.count for f in page.facets["year"]} == dict(expected_years)
    assert page.total == len(both)


def test_facet_size_is_bounded(backend):
    for values in backend.search(SearchRequest()).facets.values():
        assert len(values) <= 20


@pytest.mark.parametrize("sort", SORTS)
def test_sort_orders(backend, sort):
    hits, _ = all_hits(backend, q="road", sort=sort)
    dates = [h.date for h in hits if h.date]
    if sort == "newest":
        assert dates == sorted(dates, reverse=True)
    elif sort == "oldest":
        assert dates == sorted(dates)
    else:
        scores = [h.score for h in hits]
        assert scores == sorted(scores, reverse=True)
    if sort != "relevance":
        assert all(h.date for h in hits[: len(dates)])  # undated items come last


def test_meeting_listing_follows_agenda_order(backend):
    page = backend.search(SearchRequest(meeting="leicester.moderngov.co.uk/meeting/77", sort="oldest"))
    assert [h.title for h in page.results] == ["Minutes of the previous meeting", "Presentation on the Prevent programme"]


@pytest.mark.parametrize("kw", [
    {"page": 0}, {"page": -1}, {"page": 10**12}, {"page": "2"}, {"per_page": 0}, {"per_page": 1000},
    {"sort": "random"}, {"committee": tuple(f"c{i}" for i in range(50))}, {"year": ("x",)},
    {"date_from": date(2020, 1, 1), "date_to": date(2019, 1, 1)},
])
def test_bad_requests_are_refused_clearly(backend, kw):
    with pytest.raises(BadRequest) as info:
        backend.search(SearchRequest(**kw))
    assert str(info.value)


def test_pagination_is_consistent(backend):
    first = backend.search(SearchRequest(q="park", per_page=5))
    second = backend.search(SearchRequest(q="park", per_page=5, page=2))
    both = backend.search(SearchRequest(q="park", per_page=10))
    assert [h.id for h in first.results + second.results] == [h.id for h in both.results]
    assert first.total == both.total


@pytest.mark.parametrize("q", ["*a*", "[a TO z]", "x" * 10_000, "word " * 2000, '"unbalanced', "((((", "the of and",
                               "NOT", "OR OR", "-", "committee:", 'speaker:"', "/re.*gex/", "plannign~2", "a:b:c"])
def test_hostile_queries_answer_without_error(backend, q):
    page = backend.search(SearchRequest(q=q))
    assert page.total >= 0 and not page.partial and page.elapsed_ms < 1500


def test_stop_words_only_is_an_exact_phrase(backend):
    page = backend.search(SearchRequest(q="the Chair"))  # "the" dropped, "chair" searched
    assert page.total >= 1
    only = backend.search(SearchRequest(q="of the"))
    assert 0 < only.total < backend.search(SearchRequest()).total


def test_did_you_mean(backend):
    page = backend.search(SearchRequest(q="prevnet programme"))
    assert page.total == 0
    assert page.suggestion == "prevent programme"


def test_empty_query_lists_everything_newest_first(backend, corpus_docs):
    page = backend.search(SearchRequest(per_page=100))
    assert page.total == len(corpus_docs)
    dates = [h.date for h in page.results if h.date]
    assert dates == sorted(dates, reverse=True)


def test_get_item_returns_everything_the_item_page_needs(backend):
    item = backend.get_item("leicester.moderngov.co.uk/item/1")
    assert item.title == "Presentation on the Prevent programme"
    assert item.committee == "Overview Select Committee" and item.council == LEICESTER
    assert item.date == date(2018, 11, 1) and item.position == 4
    assert "Knopp" in item.minutes_text and item.decision_text.startswith("that the presentation")
    assert {s["name"] for s in item.speakers} == {"William Knopp", "Daxa Pancholi", None}
    assert item.meeting["key"] == "leicester.moderngov.co.uk/meeting/77"
    assert item.meeting["attendees"][0]["name"] == "Councillor Grant"
    assert len(item.commitments) == 2 and item.topics == ("community safety",)
    assert backend.get_item("nope/item/0") is None


def test_restricted_item_is_indexed_by_title_only(backend):
    item = backend.get_item("leicester.moderngov.co.uk/item/6")
    assert item.restricted and item.minutes_text == ""
    assert backend.search(SearchRequest(q="contract award")).total == 1


def test_more_like_this(backend):
    related = backend.more_like_this("leicester.moderngov.co.uk/item/1", 3)
    assert 0 < len(related) <= 3
    assert all(h.id != "leicester.moderngov.co.uk/item/1" for h in related)


def test_commitments_register(backend):
    rows = list(backend.commitments())
    assert [r.text for r in rows][:2] == ["hold a Channel event", "arrange a further training session"]
    assert [r.strength for r in backend.commitments(strength="soft")] == ["soft"]
    assert [r.who for r in backend.commitments(who="knopp")] == ["Inspector Knopp"]
    assert list(backend.commitments(due_before=date(2018, 11, 1))) == []
    assert list(backend.commitments(committee=("Transport Panel",))) == []


def test_coverage(backend, corpus_docs):
    rows = {r.site: r for r in backend.coverage()}
    for site, row in rows.items():
        mine = [d for d in corpus_docs if d["site"] == site]
        assert row.items == len(mine)
        assert row.meetings == len({d["meeting"] for d in mine})
        assert row.first_date == min(d["date"] for d in mine if d["date"])
