"""Pure parts: the query language and the one place that makes highlight HTML."""

from __future__ import annotations

import pytest
from index_corpus import docs, fixed_corpus, random_corpus

from indexer.highlight import highlight, highlight_query, snippet, terms_for
from indexer.query import And, MatchAll, Not, Or, Phrase, QueryOptions, Wildcard, Words, parse
from indexer.search_api import SearchRequest
from indexer.settings import SearchSettings
from indexer.whoosh_backend import WhooshBackend


def test_grammar():
    assert parse("prevent schools").root == And((Words(("prevent",)), Words(("schools",))))
    assert parse('"far right" OR cage').root == Or((Phrase(("far", "right")), Words(("cage",))))
    assert parse("prevent -schools").root == And((Words(("prevent",)), Not(Words(("schools",)))))
    assert parse("speaker:(knopp OR grant)").root == Or((Words(("knopp",), "speaker"), Words(("grant",), "speaker")))
    assert parse("far-right").root == Phrase(("far", "right"))
    assert parse("rock or roll").root == And((Words(("rock",)), Words(("roll",))))  # lower-case "or" is a word


@pytest.mark.parametrize("text", ['"unbalanced', "(((", "a AND", "OR", "NOT", "x)", 'speaker:"'])
def test_unparseable_input_falls_back_to_words(text):
    parsed = parse(text)
    assert parsed.fell_back or parsed.stopword_phrase or isinstance(parsed.root, (MatchAll, Words, And, Phrase))


def test_syntax_is_off_unless_enabled():
    assert not isinstance(parse("plan*").root, Wildcard)
    assert parse("plan*", QueryOptions(allow_wildcards=True)).root == Wildcard("plan*")
    assert parse("[a TO z]").root == Words(("z",))  # ranges are just words
    big = parse("word " * 5000)
    assert big.truncated and len(big.text) <= 1000


def test_stop_words_only_become_a_phrase():
    parsed = parse("to be or not to be")
    assert parsed.stopword_phrase and parsed.root == Phrase(("to", "be", "or", "not", "to", "be"))


def test_highlight_escapes_everything_but_mark():
    text = 'Plans <script>alert("x")</script> & planning onerror=1'
    out = highlight_query(text, "plan")
    assert out == ('<mark>Plans</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; '
                   '<mark>planning</mark> onerror=1')


def test_phrase_highlight_is_exact():
    stems, phrases = terms_for('"community safety"')
    out = highlight("community and safety; Community Safety", stems, phrases)
    assert out == "community and safety; <mark>Community Safety</mark>"


def test_snippet_picks_the_window_with_matches():
    text = "filler " * 100 + "the Prevent programme was discussed " + "filler " * 100
    out = snippet(text, *terms_for("prevent programme"), max_chars=80)
    assert "<mark>Prevent</mark> <mark>programme</mark>" in out
    assert out.startswith("\u2026") and out.endswith("\u2026") and len(out) < 200


def test_time_limit_returns_partial_results(tmp_path):
    b = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0, time_limit_ms=0))
    b.add_new(docs(fixed_corpus() + random_corpus(50)))
    b.commit()
    page = b.search(SearchRequest(q="budget"))
    assert page.partial and page.total > 0 and page.results and page.facets == {}


def test_wildcards_and_fuzzy_when_enabled(tmp_path):
    b = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0, allow_wildcards=True, allow_fuzzy=True))
    b.add_new(docs(fixed_corpus()))
    b.commit()
    assert {h.title for h in b.search(SearchRequest(q="preven*")).results} >= {"Presentation on the Prevent programme"}
    assert b.search(SearchRequest(q="*ousing")).total >= 1
    assert b.search(SearchRequest(q="prevant~")).total >= 1
    off = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0))
    assert off.search(SearchRequest(q="preven*")).total == 0  # a literal word, not a pattern


def test_searcher_is_reused_and_refreshed(tmp_path):
    b = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0))
    b.add_new(docs(fixed_corpus()[:2]))
    b.commit()
    reader = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0))
    first = reader.snapshot()
    assert reader.snapshot() is first
    b.add_new(docs(fixed_corpus()[2:]))
    b.commit()
    assert reader.snapshot() is not first
    assert reader.search(SearchRequest()).total == len(fixed_corpus())


def test_phrase_in_title_ranks_above_phrase_in_body(tmp_path):
    from index_corpus import make_item

    b = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0))
    b.add_new(docs([
        make_item(1, "Budget monitoring", minutes="The youth service review was discussed at length. " * 3),
        make_item(2, "Youth service review", minutes="Members noted the report."),
        make_item(3, "Parks", minutes="A youth club and a service road."),
    ]))
    b.commit()
    page = b.search(SearchRequest(q='"youth service review"'))
    assert [h.title for h in page.results] == ["Youth service review", "Budget monitoring"]
    assert [h.title for h in b.search(SearchRequest(q='title:"youth service"')).results] == ["Youth service review"]


def test_date_ranges_only_when_enabled(tmp_path):
    from datetime import date

    corpus = docs(fixed_corpus() + random_corpus(80))
    on = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0, allow_ranges=True))
    on.add_new(corpus)
    on.commit()
    by_filter = on.search(SearchRequest(q="budget", date_from=date(2012, 1, 1), date_to=date(2013, 12, 31), per_page=100))
    by_syntax = on.search(SearchRequest(q="budget year:[2012 TO 2013]", per_page=100))
    assert by_syntax.total == by_filter.total > 0
    assert {h.id for h in by_syntax.results} == {h.id for h in by_filter.results}
    open_end = on.search(SearchRequest(q="date:[2020-01-01 TO *]", per_page=100))
    assert open_end.total == sum(1 for d in corpus if d["date"] and d["date"] >= date(2020, 1, 1))
    assert on.search(SearchRequest(q="year:2012..2013 budget")).total == by_filter.total
    off = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0))
    assert off.search(SearchRequest(q="budget year:[2012 TO 2013]")).total == 0  # just words


def test_regex_only_when_enabled_and_only_safe(tmp_path):
    from indexer.query import Regex

    assert parse("/pl[ae]n.*/").root != Regex("pl[ae]n.*")
    assert parse("/pl[ae]n.*/", QueryOptions(allow_regex=True)).root == Regex("pl[ae]n.*")
    for evil in ["/(a+)+$/", "/(x|x)*y/", "/a*a*a*a*a*a*a*b/", "/" + "a" * 80 + "/"]:
        assert not isinstance(parse(evil, QueryOptions(allow_regex=True)).root, Regex)
    b = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0, allow_regex=True))
    b.add_new(docs(fixed_corpus()))  # "prevent" occurs in three items (the vocabulary needs two)
    b.commit()
    titles = {h.title for h in b.search(SearchRequest(q="/prev[ae]nt/")).results}
    assert "Presentation on the Prevent programme" in titles
    page = b.search(SearchRequest(q="/(a+)+$/"))
    assert not page.partial and page.elapsed_ms < 1500
