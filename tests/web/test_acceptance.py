"""What the acceptance pass (councillor, journalist, officer) found, as tests over the real index.

Person pages scoped by council, links between record pages, the commitments register's full
committee list, page titles, canonical links, "Prevent 2019" typed as words, facet "more" lists,
"Back to your results", meeting pages, committee summaries whose counts lead to those items, and
the item page's contents list, speaker wording and printable citation.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from web_corpus import NORTHWICK, SAMPLETON, SEED_ID, _item, _meeting, sample_items

from archive import create_app
from scraper.records import ArchivedItem, Committee
from scraper.settings import InstancePaths

SAMPLETON_COUNCIL = SAMPLETON.name
NORTHWICK_COUNCIL = NORTHWICK.name


def soup(response, status: int = 200) -> BeautifulSoup:
    assert response.status_code == status, response.data[:500]
    return BeautifulSoup(response.data, "html.parser")


def query(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


# ---------------------------------------------------------------- people with one name in two councils

@pytest.fixture(scope="module")
def twin_client(tmp_path_factory):
    """Two councils that each have a 'Councillor Tom Grant' who speaks: different people, one name."""
    from conftest import build_index

    north_osc = Committee(site=NORTHWICK.key, committee_id=11, title="Overview Select Committee")
    south_osc = Committee(site=SAMPLETON.key, committee_id=10, title="Overview Select Committee")
    m_north = _meeting(NORTHWICK, north_osc, 801, date(2020, 2, 6))
    m_south = _meeting(SAMPLETON, south_osc, 802, date(2021, 5, 13))
    records = [
        (NORTHWICK, north_osc, m_north, _item(NORTHWICK, m_north, 8001, "4.", "Bus services review", 0,
            minutes_text="Councillor Tom Grant asked about evening bus services to the hospital. "
            "The Director of Transport said that a new timetable would start in April.")),
        (SAMPLETON, south_osc, m_south, _item(SAMPLETON, m_south, 8002, "6.", "Library opening hours", 0,
            minutes_text="Councillor Tom Grant asked whether library opening hours would be restored. "
            "The Head of Libraries said that Saturday opening would return in June.")),
    ]
    items = [ArchivedItem(item=i, meeting=m, committee=c, site=s, content_hash=f"hash-{i.key}") for s, c, m, i in records]
    paths = InstancePaths(tmp_path_factory.mktemp("twins") / "instance").ensure()
    build_index(paths, items)
    return create_app({"TESTING": True, "INSTANCE_PATH": str(paths.root)}).test_client()


def test_a_person_page_can_be_scoped_to_one_council(twin_client):
    name = quote("Councillor Tom Grant")
    both = soup(twin_client.get(f"/people/{name}"))
    assert len(both.select(".history-meeting li a")) == 2
    chooser = both.select_one(".item-header .notice")
    assert chooser is not None and "several councils" in chooser.get_text()
    choices = {a.get_text(strip=True): query(a["href"])["council"] for a in chooser.select("a")}
    assert choices == {NORTHWICK_COUNCIL: [NORTHWICK_COUNCIL], SAMPLETON_COUNCIL: [SAMPLETON_COUNCIL]}

    north = soup(twin_client.get(f"/people/{name}?council={quote(NORTHWICK_COUNCIL)}"))
    assert [a.get_text(strip=True) for a in north.select(".history-meeting li a")] == ["4. Bus services review"]
    assert NORTHWICK_COUNCIL in north.select_one(".kicker").get_text()
    assert north.select_one(".item-header .notice") is None
    canonical = north.select_one("link[rel=canonical]")["href"]
    assert query(canonical)["council"] == [NORTHWICK_COUNCIL]
    # the committee summary links to the committee in that council, not to both
    committee_link = north.select_one("#summary-committee").find_parent("section").select_one("a")
    assert query(committee_link["href"])["council"] == [NORTHWICK_COUNCIL]


def test_links_to_people_carry_the_council_they_spoke_in(twin_client):
    page = soup(twin_client.get("/search?q=library"))
    speaker = page.select_one(".result-speakers a")
    assert speaker.get_text() == "Councillor Tom Grant"
    assert query(speaker["href"])["council"] == [SAMPLETON_COUNCIL]
    item = soup(twin_client.get(f"/items/{NORTHWICK.key}/item/8001"))
    link = item.select_one(".speakers a")
    assert query(link["href"])["council"] == [NORTHWICK_COUNCIL]
    assert twin_client.get(link["href"]).status_code == 200


def test_person_council_parameter_is_bounded(twin_client):
    assert twin_client.get("/people/x?council=" + "c" * 300).status_code == 400
    assert twin_client.get(f"/people/{quote('Councillor Tom Grant')}?council=Nowhere").status_code == 404


# ---------------------------------------------------------------- commitments register

def test_register_offers_every_committee_with_commitments_not_just_the_top_facets(web_instance):
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(web_instance.root), "FACET_SIZE": 1, "FACET_LIST_SIZE": 1})
    client = app.test_client()
    committees = {row.committee for row in _all_commitments(client)}
    assert len(committees) > 1, "the corpus has commitments in several committees"
    page = soup(client.get("/commitments"))
    options = [o["value"] for o in page.select("#f-committee option") if o["value"]]
    assert set(options) == committees


def _all_commitments(client):
    with client.application.app_context():
        from archive.backend import get_backend

        return list(get_backend().commitments())


def test_register_suggests_who_and_explains_overdue(client):
    page = soup(client.get("/commitments"))
    who = page.select_one("#f-who")
    datalist = page.select_one(f"datalist#{who['list']}")
    assert datalist is not None and datalist.select("option")
    assert "cannot tell whether the promise was kept" in page.get_text()
    where = page.select_one("table.register tbody tr td[data-label=Where]")
    assert where.select_one("a[href^='/items/']") and where.select_one("a[href^='/committees/']")


def test_register_empty_state_offers_a_way_out(client):
    page = soup(client.get("/commitments?who=nobody-by-this-name"))
    assert page.select_one(".empty-state a[href='/commitments']") is not None


# ---------------------------------------------------------------- titles and canonical links

@pytest.mark.parametrize("path, title", [
    ("/", "Search council minutes · Minutes Archive"),
    ("/search?q=prevent&committee=Overview+Select+Committee&year=2018",
     "“prevent”, Overview Select Committee, 2018: 1 result · Minutes Archive"),
    ("/search?q=school&page=2&per_page=2", None),
    (f"/items/{SEED_ID}", "Item 5: Presentation on the Prevent Programme – Overview Select Committee, 1 Nov 2018 · Minutes Archive"),
    (f"/meetings/{SAMPLETON.key}/meeting/101", f"Overview Select Committee, 1 Nov 2018 – {SAMPLETON_COUNCIL} · Minutes Archive"),
    (f"/committees/Planning%20Committee?council={quote(SAMPLETON_COUNCIL)}", f"Planning Committee, {SAMPLETON_COUNCIL} · Minutes Archive"),
    ("/commitments?strength=firm", "Commitments register: firm · Minutes Archive"),
    ("/coverage", "What the archive covers · Minutes Archive"),
])
def test_every_page_has_a_title_that_says_what_it_is(client, path, title):
    text = soup(client.get(path)).title.get_text()
    if title is None:
        assert text.startswith("“school” (page 2): ") and "result" in text
    else:
        assert text == title


@pytest.mark.parametrize("path, expected", [
    (f"/items/{SEED_ID}?q=prevent&committee=Overview+Select+Committee", f"/items/{SEED_ID}"),
    (f"/meetings/{SAMPLETON.key}/meeting/101", f"/meetings/{SAMPLETON.key}/meeting/101"),
    ("/topics/Housing", "/topics/Housing"),
    ("/search?sort=newest&q=school&junk=1", "/search?q=school&sort=newest"),
])
def test_pages_name_their_canonical_url(client, path, expected):
    response = client.get(path)
    if response.status_code == 404:
        pytest.skip("no such topic in this corpus")
    link = soup(response).select_one("link[rel=canonical]")
    assert link is not None and link["href"] == "http://localhost" + expected


# ---------------------------------------------------------------- search page

def test_a_year_typed_into_the_search_box_is_offered_as_a_filter(client):
    assert client.get("/api/search?q=prevent+2018").get_json()["total"] == 0
    page = soup(client.get("/search?q=prevent+2018"))
    hint = page.select_one(".year-hint a")
    assert hint is not None
    assert query(hint["href"]) == {"q": ["prevent"], "year": ["2018"]}
    assert soup(client.get(hint["href"])).select(".result")
    # nothing to offer when the year finds nothing, or is already a filter, or is part of a phrase
    assert soup(client.get("/search?q=prevent+1999")).select_one(".year-hint") is None
    assert soup(client.get("/search?q=prevent+2018&year=2018")).select_one(".year-hint") is None
    assert soup(client.get('/search?q="prevent+2018"')).select_one(".year-hint") is None


def test_long_facets_list_the_rest_under_more_and_the_api_stays_compact(web_instance):
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(web_instance.root), "FACET_SIZE": 2, "PAGE_SIZE": 2})
    client = app.test_client()
    page = soup(client.get("/search"))
    section = page.select_one("#facet-committee").find_parent("section")
    visible = section.select(":scope > ul.facet-values > li")
    more = section.select("details.facet-more li")
    assert len(visible) == 2 and more
    assert re.match(r"\d+ more committees?$", section.select_one("details summary").get_text(strip=True))
    all_names = {a.select_one(".facet-value").get_text(strip=True) for a in section.select("a")}
    assert all_names == {a.committee.title for a in sample_items()}
    api = client.get("/api/search").get_json()
    assert len(api["facets"]["committee"]) == 2


def test_a_selected_value_past_the_visible_few_stays_in_view(web_instance):
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(web_instance.root), "FACET_SIZE": 1})
    client = app.test_client()
    page = soup(client.get("/search?committee=Children%27s+Services+Scrutiny+Commission"))
    section = page.select_one("#facet-committee").find_parent("section")
    selected = section.select(":scope > ul.facet-values > li.selected")
    assert [li.select_one(".facet-value").get_text(strip=True) for li in selected] == ["Children's Services Scrutiny Commission"]


def test_an_item_opened_from_results_leads_back_to_the_same_results(client):
    url = "/search?q=school&committee=Overview+Select+Committee&sort=oldest"
    page = soup(client.get(url))
    item_href = page.select_one(".result-title a")["href"]
    assert query(item_href) == {"q": ["school"], "committee": ["Overview Select Committee"], "sort": ["oldest"]}
    item = soup(client.get(item_href))
    back = item.find("a", string="Back to your results")
    assert back is not None and query(back["href"]) == query(url)
    # an item reached any other way offers no "back to results"
    assert soup(client.get(f"/items/{SEED_ID}")).find("a", string="Back to your results") is None


def test_search_page_has_a_skip_link_to_the_results(client):
    page = soup(client.get("/search?q=school"))
    skips = [a["href"] for a in page.select("a.skip-link")]
    assert skips == ["#main", "#results-title"]
    assert page.select_one("#results-title") is not None
    assert page.select_one(".facets a[href='#results-title']") is not None  # back from the filters on a phone


# ---------------------------------------------------------------- item page

def test_item_page_lists_its_parts_and_words_speakers_plainly(client):
    page = soup(client.get(f"/items/{SEED_ID}"))
    contents = page.select_one("nav.on-this-page")
    targets = [a["href"] for a in contents.select("a")]
    assert "#minutes-title" in targets and "#cite-title" in targets
    for target in targets:
        assert page.select_one(target) is not None, target
    text = page.select_one(".speakers").get_text(" ", strip=True)
    assert "anonymous_member" not in text and "anonymous member" not in text
    assert "A member not named in the minutes" in text


def test_item_page_gives_a_permalink_and_a_printable_citation(client):
    page = soup(client.get(f"/items/{SEED_ID}?q=prevent"))
    permalink = page.select_one(".permalink a")
    assert permalink["href"] == f"http://localhost/items/{SEED_ID}"
    printed = page.select_one(".citation-print").get_text()
    assert printed == page.select_one("textarea#citation").get_text()


def test_item_commitments_link_to_the_register(client):
    page = soup(client.get(f"/items/{SAMPLETON.key}/item/1003"))
    section = page.select_one("#commitments-title").find_parent("section")
    link = section.select_one("a[href^='/commitments']")
    assert query(link["href"]) == {"committee": ["Overview Select Committee"]}


# ---------------------------------------------------------------- meeting, committee and topic pages

def test_meeting_page_links_speakers_orders_attendance_and_walks_meetings(client):
    page = soup(client.get(f"/meetings/{SAMPLETON.key}/meeting/101"))
    for meta in page.select(".agenda .meta"):
        assert meta.select("a"), "a 'Speakers:' line is never empty"
        assert all(query(a["href"])["council"] == [SAMPLETON_COUNCIL] for a in meta.select("a"))
    groups = [h.get_text(strip=True) for h in page.select("#attendance-title ~ h3")]
    assert groups == ["Present (2)", "Apologies (1)"]
    # an attendee is linked exactly when they have a person page in this council (spoke somewhere)
    for li in page.select(".attendees li"):
        name = li.get_text(",", strip=True).split(",")[0]
        has_page = client.get(f"/people/{quote(name)}?council={quote(SAMPLETON_COUNCIL)}").status_code == 200
        assert (li.select_one("a") is not None) == has_page, name
    assert page.select(".attendees a")
    nxt = page.select_one("nav.neighbours a[rel=next]")
    assert nxt is not None and nxt["href"] == f"/meetings/{SAMPLETON.key}/meeting/102"
    assert page.select_one("nav.neighbours a[rel=prev]") is None  # the committee's first meeting
    back = soup(client.get(nxt["href"])).select_one("nav.neighbours a[rel=prev]")
    assert back["href"] == f"/meetings/{SAMPLETON.key}/meeting/101"


def test_committee_page_counts_meetings_and_its_summary_counts_lead_to_those_items(client):
    page = soup(client.get(f"/committees/Overview%20Select%20Committee?council={quote(SAMPLETON_COUNCIL)}"))
    heading = page.select_one("#history-title").get_text(" ", strip=True)
    assert "(2 meetings, 6 items, newest first)" in heading
    assert not any("Overview Select Committee" in h.get_text() for h in page.select(".history-meeting h3"))
    for link in page.select(".summary-list a.count"):
        count = int(re.match(r"\d+", link.get_text(strip=True)).group())
        params = query(link["href"])
        assert params["committee"] == ["Overview Select Committee"] and params["council"] == [SAMPLETON_COUNCIL]
        total = client.get("/api/search?" + urlsplit(link["href"]).query).get_json()["total"]
        assert total == count


def test_items_per_year_show_empty_years_and_link_to_each_year(client):
    page = soup(client.get("/people/" + quote("Councillor Jane Hartley")))
    years = [li.select_one(".year").get_text() for li in page.select(".year-bars li")]
    assert years == [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
    for li in page.select(".year-bars li"):
        link = li.select_one("a")
        if link is None:
            assert li.select_one(".count").get_text() == "none"
        else:
            assert query(link["href"])["year"] == [li.select_one(".year").get_text()]


# ---------------------------------------------------------------- error pages

def test_a_refused_search_offers_the_same_words_again(client):
    page = soup(client.get("/search?q=school&page=0&sort=sideways"), status=400)
    retry = page.find("a", string="Search for “school” again")
    assert retry is not None and query(retry["href"]) == {"q": ["school"]}
    assert soup(client.get("/search?q=" + "x" * 600), status=400).find("a", string=re.compile("again")) is None
    assert soup(client.get("/people/x?page=0"), status=400).find("a", string=re.compile("again")) is None



def test_register_shows_its_active_filters_as_removable_chips(client):
    page = soup(client.get("/commitments?who=Director&strength=firm&status=overdue"))
    chips = {a.get_text(" ", strip=True).split(" ×")[0]: a["href"] for a in page.select(".chips a.chip")}
    assert set(chips) == {"Who: Director", "Strength: Firm", "Due: Overdue", "Clear all filters"}
    assert query(chips["Who: Director"]) == {"strength": ["firm"], "status": ["overdue"]}
    assert chips["Clear all filters"] == "/commitments"
    assert page.select_one("a.filters-link").get_text(strip=True) == "Filters (3 on)"
    assert soup(client.get("/commitments")).select_one(".chips") is None


def test_register_finds_a_promise_by_its_words_in_any_form(client):
    """'We said we would report back: did we?' An officer looks a promise up by its words."""
    page = soup(client.get("/commitments?q=reported+backs"))
    rows = page.select("table.register tbody tr")
    assert rows and all("report" in r.select_one("td[data-label=Commitment]").get_text().lower() for r in rows)
    assert soup(client.get("/commitments?q=xylophone")).select_one(".empty-state") is not None
    assert client.get("/commitments?q=" + "w" * 300).status_code == 400


@pytest.mark.parametrize("text, words, expected", [
    ("Councillors should expect to be briefed", "brief councillors", True),
    ("Councillors should expect to be briefed", "briefing", True),
    ("The Director will circulate the figures", "brief", False),
    ("A report on parking charges", "parking report", True),
    ("A report on parking charges", "parking reports budget", False),
])
def test_register_word_matching(text, words, expected):
    from archive.views.registers import mentions_all

    assert mentions_all(text, words) is expected


@pytest.mark.parametrize("path, tidy", [
    ("/commitments?q=brief&committee=&who=&strength=&status=&due_before=", "/commitments?q=brief"),
    ("/search?q=school&from=&to=&sort=newest", "/search?q=school&sort=newest"),
    ("/search?from=&to=", "/search"),
])
def test_forms_submitting_empty_fields_land_on_a_tidy_permalink(client, path, tidy):
    response = client.get(path)
    assert response.status_code == 302 and response.headers["Location"] == tidy
    assert client.get(tidy).status_code == 200


def test_a_single_hidden_facet_value_is_counted_in_the_singular(web_instance):
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(web_instance.root), "FACET_SIZE": 2})
    page = soup(app.test_client().get("/search"))
    section = page.select_one("#facet-council").find_parent("section")
    assert section.select_one("details summary") is None  # two councils: nothing hidden
    committee = page.select_one("#facet-committee").find_parent("section").select_one("details summary")
    assert committee.get_text(strip=True) == "1 more committee"


# ---------------------------------------------------------------- structure every page shares

STRUCTURE_PAGES = [
    "/", "/search?q=school&committee=Overview+Select+Committee", "/search?q=xylophonequartet", f"/items/{SEED_ID}?q=prevent",
    f"/meetings/{SAMPLETON.key}/meeting/101", f"/committees/Overview%20Select%20Committee?council={quote(SAMPLETON_COUNCIL)}",
    "/people/" + quote("Councillor Jane Hartley"), "/commitments?strength=firm", "/coverage", "/no-such-page", "/search?page=0",
]


@pytest.mark.parametrize("path", STRUCTURE_PAGES)
def test_every_page_has_one_h1_landmarks_ordered_headings_and_labelled_controls(client, path):
    response = client.get(path)
    page = BeautifulSoup(response.data, "html.parser")
    assert len(page.select("h1")) == 1, path
    assert page.select_one("main#main") and page.select_one("header") and page.select_one("footer")
    assert page.select_one("nav[aria-label=Main]")
    levels = [int(h.name[1]) for h in page.select("h1, h2, h3, h4, h5, h6")]
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"{path}: heading level jumps from h{before} to h{after}"
    for control in page.select("input:not([type=hidden]), select, textarea"):
        labelled = control.get("aria-label") or control.get("aria-labelledby") or (
            control.get("id") and page.select_one(f"label[for='{control['id']}']"))
        assert labelled, f"{path}: {control} has no label"
    ids = [el["id"] for el in page.select("[id]")]
    assert len(ids) == len(set(ids)), f"{path}: duplicate ids"


def test_coverage_lists_each_councils_committees_with_links(client):
    page = soup(client.get("/coverage"))
    section = next(s for s in page.select("section.coverage-committees") if SAMPLETON_COUNCIL in s.h2.get_text())
    links = {a.get_text(strip=True): a["href"] for a in section.select("a")}
    assert set(links) == {"Overview Select Committee", "Planning Committee"}
    for href in links.values():
        assert query(href)["council"] == [SAMPLETON_COUNCIL] and client.get(href).status_code == 200


def test_result_titles_mark_the_searched_words_too(client):
    """A match only in the title (the snippet comes from the text) is still visibly a match."""
    page = soup(client.get("/search?q=ofsted"))
    title = page.select_one(".result-title a")
    assert [m.get_text() for m in title.select("mark")] == ["Ofsted"]
    planted = soup(client.get("/search?q=parks+consultation")).select_one(".result-title a")
    assert planted.select("mark") and planted.select_one("script") is None
    assert "<script>" in planted.get_text()  # the council's text, shown as text
    assert not soup(client.get("/search")).select(".result-title mark")


def test_register_pages_keep_their_filters(web_instance):
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(web_instance.root), "COMMITMENTS_PAGE_SIZE": 1})
    client = app.test_client()
    page = soup(client.get("/commitments?strength=firm&who=Director"))
    nxt = page.select_one("nav.pagination a[rel=next]")
    assert nxt is not None, "more than one firm commitment by a Director in the corpus"
    assert query(nxt["href"]) == {"strength": ["firm"], "who": ["Director"], "page": ["2"]}
    second = soup(client.get(nxt["href"]))
    assert all("Firm" in row.get_text() for row in second.select("table.register tbody tr"))


@pytest.fixture(scope="module")
def surname_client(tmp_path_factory):
    """One council whose minutes name 'Councillor Raj Bhogal' in one meeting and only 'Councillor
    Bhogal' (not an attendee there) in another, as real minutes do."""
    from conftest import build_index

    cabinet = Committee(site=SAMPLETON.key, committee_id=30, title="Cabinet")
    m1 = _meeting(SAMPLETON, cabinet, 901, date(2022, 3, 10))
    m2 = _meeting(SAMPLETON, cabinet, 902, date(2022, 6, 9))
    records = [
        (SAMPLETON, cabinet, m1, _item(SAMPLETON, m1, 9101, "4.", "Homelessness strategy", 0,
            minutes_text="Councillor Raj Bhogal asked how the strategy would prevent homelessness among young people. "
            "The Head of Housing said that a joint protocol had been agreed.")),
        (SAMPLETON, cabinet, m2, _item(SAMPLETON, m2, 9102, "5.", "Rough sleeping update", 0,
            minutes_text="Councillor Bhogal asked about night shelter places for rough sleepers with dogs. "
            "The Head of Housing said that two kennels had been funded.")),
    ]
    items = [ArchivedItem(item=i, meeting=m, committee=c, site=st, content_hash=f"hash-{i.key}") for st, c, m, i in records]
    paths = InstancePaths(tmp_path_factory.mktemp("surnames") / "instance").ensure()
    build_index(paths, items)
    return create_app({"TESTING": True, "INSTANCE_PATH": str(paths.root)}).test_client()


def test_a_surname_only_speaker_points_to_the_full_name_in_the_same_council(surname_client):
    """Minutes say 'Councillor Bhogal' where they named 'Councillor Raj Bhogal' before: offer one from the other."""
    client = surname_client
    speakers = {fv["value"] for fv in client.get("/api/search").get_json()["facets"]["speaker"]}
    if "Councillor Bhogal" not in speakers:
        pytest.skip("the extractors now resolve surname-only speakers across meetings")
    assert "Councillor Raj Bhogal" in speakers
    council = "?council=" + quote(SAMPLETON_COUNCIL)
    page = soup(client.get("/people/" + quote("Councillor Bhogal") + council))
    links = {a.get_text(): query(a["href"]) for a in page.select(".see-also a")}
    assert links == {"Councillor Raj Bhogal": {"council": [SAMPLETON_COUNCIL]}}
    back = soup(client.get("/people/" + quote("Councillor Raj Bhogal") + council))
    assert [a.get_text() for a in back.select(".see-also a")] == ["Councillor Bhogal"]


def test_no_see_also_without_a_shared_surname(client):
    assert soup(client.get("/people/" + quote("Councillor Jane Hartley"))).select_one(".see-also") is None


@pytest.mark.parametrize("name, key", [
    ("Councillor Raj Bhogal", ("councillor", "bhogal")), ("Councillor Bhogal", ("councillor", "bhogal")),
    ("Mr. D. Reyes", ("mr", "reyes")), ("Daxa", None),
])
def test_surname_key(name, key):
    from archive.views.pages import surname_key

    assert surname_key(name) == key


def test_person_role_says_where_it_was_recorded(client):
    page = soup(client.get("/people/" + quote("Councillor Jane Hartley") + "?council=" + quote(SAMPLETON_COUNCIL)))
    line = page.select_one(".role-line").get_text(" ", strip=True)
    assert re.search(r"Chair\b.*as recorded at the (Overview Select|Planning) Committee on \d+ \w+ \d{4}", line), line


def test_item_breadcrumbs_walk_up_council_committee_meeting(client):
    crumbs = soup(client.get(f"/items/{SEED_ID}")).select("nav.breadcrumbs a")
    assert [a.get_text(strip=True) for a in crumbs] == ["Search", SAMPLETON_COUNCIL, "Overview Select Committee", "Meeting of 1 Nov 2018"]
    assert query(crumbs[2]["href"])["council"] == [SAMPLETON_COUNCIL]


def test_person_without_a_recorded_role_reads_as_a_sentence(twin_client):
    page = soup(twin_client.get("/people/" + quote("Councillor Tom Grant") + "?council=" + quote(NORTHWICK_COUNCIL)))
    line = " ".join(page.select_one(".role-line").get_text().split())
    assert line.startswith("Councillor, as recorded at the Overview Select Committee on 6 Feb 2020"), line
