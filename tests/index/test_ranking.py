"""Ranking beyond plain BM25: standing (procedural) items demoted, exact word forms preferred."""

from __future__ import annotations

from datetime import date

import pytest
from index_corpus import docs, make_item

from indexer.procedural import is_procedural, is_procedural_title, normalise_title, title_patterns
from indexer.search_api import SearchRequest
from indexer.settings import SearchSettings
from indexer.whoosh_backend import WhooshBackend

SETTINGS = SearchSettings(refresh_interval_s=0.0)

PROCEDURAL = [
    "Apologies for Absence", "1. Apologies for absence", "Apologies and Substitutions",
    "Declarations of Interest", "2 Declarations of Disclosable Pecuniary Interests", "Declaration of Members' Interests",
    "Minutes of the Previous Meeting", "Minutes of the meeting held on 12 March 2020", "Minutes",
    "Any Other Urgent Business", "Urgent Business", "Exclusion of the Press and Public",
    "Date of Next Meeting", "Dates of Future Meetings", "Work Programme", "Work Programme 2024/25",
    "Chair's Announcements", "Item 3: Confirmation of Minutes",
]
SUBSTANTIVE = [
    "Suicide Prevention Plan", "Minutes of the Health and Wellbeing Board", "Election of the Mayor",
    "Public Health Annual Report", "Interest Rates and Treasury Management", "Urgent Care Centre Review",
    "Presentation on the Prevent Programme", "Apology from the Leader regarding the flooding response",
]


@pytest.mark.parametrize("title", PROCEDURAL)
def test_standing_item_titles_are_procedural(title):
    assert is_procedural_title(title), normalise_title(title)


@pytest.mark.parametrize("title", SUBSTANTIVE)
def test_substantive_titles_are_not_procedural(title):
    assert not is_procedural_title(title)


def test_roll_call_text_is_a_low_information_signal():
    assert is_procedural("Attendance", ("Apologies for absence were received from Councillors Ahmed and Brown.",))
    assert is_procedural("Item 2", ("There were no declarations of interest.",))
    long_text = "Apologies were received from Councillor Ahmed. " + "The budget gap was discussed at length. " * 20
    assert not is_procedural("Budget", (long_text,))
    assert not is_procedural("Budget", ("",))


def test_patterns_file_is_data_with_comments():
    assert title_patterns().fullmatch("apologies for absence")


def _council(tmp_path, settings: SearchSettings = SETTINGS) -> WhooshBackend:
    """Six meetings whose standing items name many councillors, and two substantive items that
    mention a councillor once in a longer text (plain BM25 ranks the roll-calls first)."""
    pairs = []
    for m in range(6):
        meeting = 500 + m
        when = date(2020 + m, 3, 1)
        pairs.append(make_item(meeting * 10 + 1, "Apologies for Absence",
                               minutes="Apologies were received from Councillor Ahmed and Councillor Brown. "
                                       "Councillor Cole attended as a substitute for Councillor Ahmed.",
                               meeting_id=meeting, when=when, position=0))
        pairs.append(make_item(meeting * 10 + 2, "Declarations of Interest",
                               minutes="Councillor Dean declared an interest in the school places item as a governor.",
                               meeting_id=meeting, when=when, position=1))
    pairs.append(make_item(9001, "School places in the north of the borough",
                           minutes="The Director of Children's Services presented the report on school places. "
                                   "Councillor Evans asked whether the new primary school would open on time; "
                                   "the Director said the contractor had been appointed and building would start "
                                   "in the spring, with places available from September.",
                           meeting_id=505, when=date(2025, 3, 1), position=2))
    pairs.append(make_item(9002, "Library opening hours",
                           minutes="The Cabinet Member for Culture introduced the consultation results. A Member "
                                   "asked about Sunday opening; Councillor Fox replied that volunteers would staff "
                                   "the branch libraries on Sundays during the trial period.",
                           meeting_id=504, when=date(2024, 3, 1), position=2))
    backend = WhooshBackend(tmp_path / "index", settings)
    backend.add_new(docs(pairs))
    backend.commit()
    return backend


def test_procedural_items_are_demoted_but_still_found(tmp_path):
    page = _council(tmp_path).search(SearchRequest(q="councillor", per_page=20))
    titles = [h.title for h in page.results]
    assert page.total == 14  # every item mentions a councillor: all still found
    assert set(titles[:2]) == {"School places in the north of the borough", "Library opening hours"}
    assert titles.count("Apologies for Absence") == 6


def test_without_the_multiplier_plain_bm25_puts_roll_calls_first(tmp_path):
    """The control: the demotion (not some other signal) is what moves substantive items up."""
    page = _council(tmp_path, SearchSettings(refresh_interval_s=0.0, procedural_weight=1.0)).search(
        SearchRequest(q="councillor", per_page=20))
    assert page.results[0].title == "Apologies for Absence"


def test_school_query_puts_the_school_item_before_declarations(tmp_path):
    page = _council(tmp_path).search(SearchRequest(q="school"))
    assert page.results[0].title == "School places in the north of the borough"
    assert {h.title for h in page.results[1:]} == {"Declarations of Interest"}


def test_browsing_by_relevance_lists_substantive_items_first(tmp_path):
    backend = _council(tmp_path)
    browse = backend.search(SearchRequest(q="", per_page=20))
    assert [h.title for h in browse.results[:2]] == ["School places in the north of the borough", "Library opening hours"]
    newest = backend.search(SearchRequest(q="", sort="newest", per_page=3))
    assert newest.results[0].date == date(2025, 3, 1) and newest.results[0].title == "Apologies for Absence"


def test_meeting_pages_keep_agenda_order(tmp_path):
    page = _council(tmp_path).search(SearchRequest(meeting=_meeting_key(tmp_path), sort="oldest"))
    assert [h.title for h in page.results] == [
        "Apologies for Absence", "Declarations of Interest", "School places in the north of the borough"]


def _meeting_key(tmp_path) -> str:
    backend = WhooshBackend(tmp_path / "index", SETTINGS)
    hit = backend.search(SearchRequest(q='"school places" "north"')).results[0]
    return hit.meeting_id


def _pair(tmp_path, first: str, second: str) -> WhooshBackend:
    """Two items alike in every signal (length, field, date) except one word form."""
    text = "Members discussed how the council could {} harm among young people in the borough."
    pairs = [
        make_item(1, "Youth services review", minutes=text.format(first), meeting_id=1, when=date(2020, 1, 1)),
        make_item(2, "Youth services review", minutes=text.format(second), meeting_id=2, when=date(2020, 1, 1)),
    ]
    backend = WhooshBackend(tmp_path / "index", SETTINGS)
    backend.add_new(docs(pairs))
    backend.commit()
    return backend


def test_exact_word_form_beats_stem_only_match(tmp_path):
    backend = _pair(tmp_path, "prevention", "prevent")  # item 1 stem-only for "prevent"
    page = backend.search(SearchRequest(q="prevent"))
    assert page.total == 2  # stemmed recall kept
    assert page.results[0].source_url.endswith("ID=2")
    assert page.results[0].score > page.results[1].score
    page = backend.search(SearchRequest(q="prevention"))
    assert page.total == 2 and page.results[0].source_url.endswith("ID=1")


def test_exact_form_preference_also_for_plurals(tmp_path):
    backend = _pair(tmp_path, "plans", "planning")
    assert [h.source_url[-4:] for h in backend.search(SearchRequest(q="planning")).results] == ["ID=2", "ID=1"]
    assert [h.source_url[-4:] for h in backend.search(SearchRequest(q="plans")).results] == ["ID=1", "ID=2"]


def test_equal_scores_put_substantive_items_first(tmp_path):
    """A filter-only query (committee:) scores nothing: standing items still come after."""
    backend = _council(tmp_path)
    page = backend.search(SearchRequest(q="committee:overview", per_page=20))
    assert page.total == 14
    assert {h.title for h in page.results[:2]} == {"School places in the north of the borough", "Library opening hours"}
