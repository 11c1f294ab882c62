"""Quoted phrases of three or more words match only the exact word sequence (issue 4).

The word-pair postings give candidates ("school places" and "places funding" both present); an item
that has those pairs in different places must not match "school places funding". These tests pin
that down for results, totals, facets, highlighting, boolean combinations, filters, the title
prefix and the verification bound.
"""

from __future__ import annotations

import pytest
from index_corpus import docs, make_item

from indexer.search_api import SearchRequest
from indexer.settings import SearchSettings
from indexer.whoosh_backend import WhooshBackend

EXACT = "Schools committee"
SPLIT = "Finance committee"


def corpus():
    return [
        # exact phrase, mixed case
        make_item(1, "Education report", minutes="The School Places Funding formula was approved by Members.",
                  committee=EXACT, committee_id=1),
        # exact under the analyser: punctuation between the words does not break the phrase
        make_item(2, "Admissions", minutes="Concerns about school places; funding was short this year.",
                  committee=EXACT, committee_id=1),
        # every pair present, but in separate sentences: NOT the phrase
        make_item(3, "Capital programme", minutes="There are enough school places. The places funding review is due.",
                  committee=SPLIT, committee_id=2),
        # pairs split across parts (title / minutes): NOT the phrase
        make_item(4, "School places", minutes="Places funding was reviewed.", committee=SPLIT, committee_id=2),
        # 4-word phrase, exact
        make_item(5, "Budget", minutes="The adult social care budget rose by four per cent.", committee=EXACT,
                  committee_id=1),
        # 4-word phrase: every pair, never the sequence
        make_item(6, "Workforce", minutes="Adult social workers met. Social care was discussed. The care budget fell.",
                  committee=SPLIT, committee_id=2),
        # 4-word phrase: three of its words exact, the fourth pair elsewhere
        make_item(7, "Reablement", minutes="Adult social care was praised. The care budget was set.", committee=SPLIT,
                  committee_id=2),
        # title phrases
        make_item(8, "School places funding formula", minutes="Noted.", committee=EXACT, committee_id=1),
        make_item(9, "School places and places funding", minutes="Noted.", committee=SPLIT, committee_id=2),
    ]


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    b = WhooshBackend(tmp_path_factory.mktemp("phrases") / "index", SearchSettings(refresh_interval_s=0))
    b.add_new(docs(corpus()))
    b.commit()
    return b


def titles(page) -> set[str]:
    return {h.title for h in page.results}


def test_three_word_phrase_matches_only_the_exact_sequence(backend):
    page = backend.search(SearchRequest(q='"school places funding"'))
    assert titles(page) == {"Education report", "Admissions", "School places funding formula"}
    assert page.total == 3 and not page.partial


def test_four_word_phrase_matches_only_the_exact_sequence(backend):
    page = backend.search(SearchRequest(q='"adult social care budget"'))
    assert titles(page) == {"Budget"}
    assert page.total == 1
    # its three-word prefix is in items 5 and 7 (not 6)
    assert titles(backend.search(SearchRequest(q='"adult social care"'))) == {"Budget", "Reablement"}


def test_two_word_phrases_still_match_every_item_with_the_pair(backend):
    page = backend.search(SearchRequest(q='"places funding"'))
    assert titles(page) == {"Education report", "Admissions", "Capital programme", "School places",
                            "School places funding formula", "School places and places funding"}


def test_case_and_punctuation_follow_the_analyser(backend):
    for q in ('"SCHOOL PLACES FUNDING"', '"school, places - funding"', '"School-Places-Funding"'):
        assert titles(backend.search(SearchRequest(q=q))) == {"Education report", "Admissions",
                                                               "School places funding formula"}, q


def test_totals_and_facets_count_only_exact_matches(backend):
    page = backend.search(SearchRequest(q='"school places funding"', facets=True))
    committees = {f.value: f.count for f in page.facets["committee"]}
    assert committees.get(EXACT) == 3
    assert committees.get(SPLIT, 0) == 0
    # with the other committee selected (disjunctive facets), its count is still verified
    page = backend.search(SearchRequest(q='"school places funding"', committee=(SPLIT,), facets=True))
    assert page.total == 0 and page.results == ()
    committees = {f.value: f.count for f in page.facets["committee"]}
    assert committees.get(EXACT) == 3 and committees.get(SPLIT, 0) == 0


def test_highlight_marks_the_whole_phrase(backend):
    page = backend.search(SearchRequest(q='"school places funding"', highlight=True))
    snippets = {h.title: h.snippet_html for h in page.results}
    assert "<mark>School Places Funding</mark>" in snippets["Education report"]
    assert "<mark>school places; funding</mark>" in snippets["Admissions"]


def test_phrase_combined_with_words_or_and_not(backend):
    assert titles(backend.search(SearchRequest(q='"school places funding" formula'))) == {
        "Education report", "School places funding formula"}
    assert titles(backend.search(SearchRequest(q='"school places funding" OR "adult social care budget"'))) == {
        "Education report", "Admissions", "School places funding formula", "Budget"}
    # NOT must exclude only the exact matches, so the split items stay
    page = backend.search(SearchRequest(q='places NOT "school places funding"'))
    assert titles(page) == {"Capital programme", "School places", "School places and places funding"}
    page = backend.search(SearchRequest(q='care NOT "adult social care budget"'))
    assert titles(page) == {"Workforce", "Reablement"}


def test_phrase_with_filters(backend):
    page = backend.search(SearchRequest(q='"school places funding"', committee=(EXACT,)))
    assert page.total == 3
    page = backend.search(SearchRequest(q='"adult social care budget"', committee=(SPLIT,)))
    assert page.total == 0


def test_title_phrase_is_exact_within_the_title(backend):
    assert titles(backend.search(SearchRequest(q='title:"school places funding"'))) == {"School places funding formula"}


def test_phrase_verification_bound_flags_partial(tmp_path):
    """With more candidates than ``max_phrase_verify``, only that many are verified (best first):
    the page is flagged partial, and nothing unverified is ever counted or returned."""
    items = [make_item(100 + i, f"Exact {i}", minutes="The school places funding formula.") for i in range(6)]
    items += [make_item(200 + i, f"Split {i}", minutes="Enough school places. The places funding review.")
              for i in range(6)]
    b = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0, max_phrase_verify=4))
    b.add_new(docs(items))
    b.commit()
    page = b.search(SearchRequest(q='"school places funding"', facets=True))
    assert page.partial
    assert 0 < page.total <= 4
    assert all(t.startswith("Exact") for t in titles(page))
    assert sum(f.count for f in page.facets["committee"]) == page.total
    full = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0))
    page = full.search(SearchRequest(q='"school places funding"'))
    assert page.total == 6 and not page.partial


def test_phrase_verification_under_time_limit_never_returns_false_matches(tmp_path):
    items = [make_item(300 + i, f"Split {i}", minutes="Enough school places. The places funding review.")
             for i in range(5)]
    items.append(make_item(400, "Exact", minutes="The school places funding formula."))
    b = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0, time_limit_ms=0))
    b.add_new(docs(items))
    b.commit()
    page = b.search(SearchRequest(q='"school places funding"'))
    assert page.partial
    assert titles(page) <= {"Exact"} and page.total <= 1


def test_phrase_matcher_agrees_with_the_tokenizer():
    """The regex the searcher uses answers exactly as tokenizing and comparing word sequences,
    over random texts made of phrase words, apostrophes, punctuation, control characters and
    non-ASCII letters."""
    import random

    from indexer import analysis

    rnd = random.Random(4)
    vocabulary = ["school", "School", "places", "PLACES", "funding", "x", "é", "s", "2", "o"]
    separators = [" ", " ", " ", "'", "\u2019", "-", ", ", "_", "\n", '"', "\\", "\u001f", "", "''", " '", "' ", "\t"]
    phrases = [["school", "places", "funding"], ["places", "funding", "x"], ["school's", "places"],
               ["o'school", "places", "funding"], ["x", "é", "s"], ["2", "school", "places"], ["school", "places"]]
    positives = 0
    for _ in range(4000):
        text = rnd.choice(separators + [""] * 5)
        for _ in range(rnd.randint(1, 8)):
            text += rnd.choice(vocabulary) + rnd.choice(separators)
        for words in phrases:
            m = analysis.PhraseMatcher(words)
            expected = analysis.contains_phrase([text], words)
            positives += expected
            assert m.in_text(text) == expected, (text, words)
            # what the index keeps (analysis.phrase_text) gives the same answer, part by part
            stored = analysis.phrase_parts(analysis.phrase_text(("", text, "x")))
            assert any(m.in_normalised(p) for p in stored) == expected, (text, words)
    assert positives > 200  # the generator does produce real matches


def test_repeated_phrase_query_reuses_verification(backend):
    first = backend.search(SearchRequest(q='"school places funding"', per_page=1))
    second = backend.search(SearchRequest(q='"school places funding"', per_page=1, page=2))
    filtered = backend.search(SearchRequest(q='"school places funding"', committee=(EXACT,)))
    assert first.total == second.total == filtered.total == 3
    assert first.results[0].id != second.results[0].id


def test_cut_short_verification_under_not_never_lets_the_phrase_through(tmp_path):
    items = [make_item(500 + i, f"Exact {i}", minutes="The school places funding formula.") for i in range(6)]
    items += [make_item(600 + i, f"Split {i}", minutes="Enough school places. The places funding review.")
              for i in range(6)]
    b = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0, max_phrase_verify=3))
    b.add_new(docs(items))
    b.commit()
    page = b.search(SearchRequest(q='places NOT "school places funding"', per_page=50))
    assert page.partial
    assert all(t.startswith("Split") for t in titles(page))
    full = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0))
    page = full.search(SearchRequest(q='places NOT "school places funding"', per_page=50))
    assert titles(page) == {f"Split {i}" for i in range(6)} and not page.partial


def test_phrase_verification_after_incremental_commits_and_merges(tmp_path):
    """The phrase_text column survives segment merges and updates (verification reads it)."""
    b = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0))
    for chunk in (corpus()[:3], corpus()[3:6], corpus()[6:]):
        b.add_new(docs(chunk))
        b.commit()
    assert titles(b.search(SearchRequest(q='"school places funding"'))) == {
        "Education report", "Admissions", "School places funding formula"}
    # the exact item is edited: it no longer contains the phrase, and the search follows
    b.index(docs([make_item(1, "Education report", minutes="The school places review and the funding formula.",
                            committee=EXACT, committee_id=1)]))
    b.commit()
    assert titles(b.search(SearchRequest(q='"school places funding"'))) == {"Admissions", "School places funding formula"}
