"""'Did you mean': only for words the index does not know (stems included), never an inflection of
the query's own word, and the candidate that finds the most items."""

from __future__ import annotations

from datetime import date

from index_corpus import docs, make_item

from indexer.search_api import SearchRequest
from indexer.settings import SearchSettings
from indexer.suggest import Vocabulary, suggest
from indexer.whoosh_backend import WhooshBackend


def _backend(tmp_path) -> WhooshBackend:
    pairs = [
        make_item(1, "Chief Executive's report", minutes="The chief executive briefed councillors on the budget."),
        make_item(2, "Chief Officer appointments", minutes="The chief officer panel met; councillors approved it."),
        make_item(3, "Chief Constable update", minutes="The chief constable spoke. It was causing concern."),
        make_item(4, "Brief update", minutes="A brief note for councillors on the school place planning."),
        make_item(5, "School place planning", minutes="Each school place costs money; the place plan was agreed."),
        make_item(6, "Traffic", minutes="Roadworks were causing delays; the works were causing congestion."),
        make_item(7, "Parking", minutes="Parking was causing problems and causing complaints."),
        make_item(8, "Housing allocations", minutes="The housing allocations policy was agreed."),
        make_item(9, "Housing allocations review", minutes="Housing allocations were reviewed."),
    ]
    backend = WhooshBackend(tmp_path / "index", SearchSettings(refresh_interval_s=0.0))
    backend.add_new(docs(pairs))
    backend.commit()
    return backend


def test_no_suggestion_when_every_word_is_in_the_index(tmp_path):
    backend = _backend(tmp_path)
    page = backend.search(SearchRequest(q="brief councillors"))  # "brief" once, "briefed" once
    assert page.total == 2
    assert page.suggestion is None  # not "chief councillors"


def test_no_suggestion_when_the_stem_is_in_the_index(tmp_path):
    backend = _backend(tmp_path)
    page = backend.search(SearchRequest(q="school places"))  # "places" nowhere, "place" everywhere
    assert page.total == 2
    assert page.suggestion is None  # not "school place"


def test_prefers_the_candidate_that_finds_items(tmp_path):
    backend = _backend(tmp_path)
    # "hausing" is one edit from both "causing" (more frequent) and "housing"; only the latter
    # finds anything together with "allocations".
    page = backend.search(SearchRequest(q="hausing allocations"))
    assert page.total == 0
    assert page.suggestion == "housing allocations"


def test_plain_typo_is_still_corrected(tmp_path):
    page = _backend(tmp_path).search(SearchRequest(q="councilors"))
    assert page.total == 0 and page.suggestion == "councillors"


def test_never_offers_an_inflection_of_the_same_word():
    vocab = Vocabulary([("place", 5), ("placed", 4), ("plaice", 2), ("planning", 3), ("planned", 3)])
    assert [w for w, _d in vocab.near("places")] == ["plaice"]  # not "place" or "placed"
    assert [w for w, _d in vocab.near("plannings")] == []  # "planning" and "planned" are inflections
    assert suggest(vocab, ["plannings"], "plannings", in_index=lambda w: True) is None


def test_suggestion_must_find_more_than_the_query():
    vocab = Vocabulary([("chief", 9), ("brief", 1)])
    assert suggest(vocab, ["chiff"], "chiff", hits=lambda q: 0, current_hits=0) is None
    assert suggest(vocab, ["chiff"], "chiff", hits=lambda q: 3, current_hits=0) == "chief"
