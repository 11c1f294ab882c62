"""Search-result snippets: where they come from when only the title matched, and that they are
always escaped text whose only markup is <mark>."""

from __future__ import annotations

import random
import re
from html import unescape

from index_corpus import docs, make_item

from indexer.highlight import ELLIPSIS, best_snippet, snippet
from indexer.search_api import SearchRequest
from indexer.settings import SearchSettings
from indexer.whoosh_backend import WhooshBackend

MARK = re.compile(r"</?mark>")


def assert_safe(html: str, source: str) -> None:
    """Only <mark>/</mark> as markup, balanced and never nested; the rest unescapes to the source."""
    tags = MARK.findall(html)
    assert tags == ["<mark>", "</mark>"] * (len(tags) // 2)
    plain = MARK.sub("", html)
    assert "<" not in plain and ">" not in plain and '"' not in plain and "'" not in plain
    text = unescape(plain).strip(ELLIPSIS)
    assert text in " ".join(source.split())


def _backend(tmp_path) -> WhooshBackend:
    pairs = [
        make_item(1, "Suicide Prevention Plan",
                  minutes="The Director of Public Health presented the report. Members asked how progress "
                          "would be measured and the Director agreed to circulate the figures.",
                  agenda="To consider the draft plan."),
        make_item(2, "Suicide Prevention Strategy",
                  minutes="Members welcomed the work on prevention with schools and asked for quarterly updates."),
        make_item(3, "Planning <b>applications</b> & \"appeals\"",
                  minutes="Councillor O'Neil said <script>alert('x')</script> the planning appeals & <mark>fees</mark> "
                          "were too high.",),
    ]
    backend = WhooshBackend(tmp_path / "index", SearchSettings(refresh_interval_s=0.0))
    backend.add_new(docs(pairs))
    backend.commit()
    return backend


def test_title_only_match_falls_back_to_the_start_of_the_minutes(tmp_path):
    page = _backend(tmp_path).search(SearchRequest(q="suicide"))
    hit = next(h for h in page.results if h.title == "Suicide Prevention Plan")
    assert hit.snippet_html.startswith("The Director of Public Health presented the report.")
    assert "<mark>" not in hit.snippet_html


def test_phrase_in_title_marks_its_words_in_the_minutes(tmp_path):
    page = _backend(tmp_path).search(SearchRequest(q='"suicide prevention"'))
    hit = next(h for h in page.results if h.title == "Suicide Prevention Strategy")
    assert "the work on <mark>prevention</mark> with schools" in hit.snippet_html


def test_stems_are_marked(tmp_path):
    page = _backend(tmp_path).search(SearchRequest(q="plans"))
    hit = next(h for h in page.results if h.title.startswith("Planning"))
    assert "the <mark>planning</mark> appeals" in hit.snippet_html


def test_hostile_item_text_is_escaped(tmp_path):
    page = _backend(tmp_path).search(SearchRequest(q="fees appeals"))
    [hit] = page.results
    assert "&lt;script&gt;" in hit.snippet_html and "&lt;mark&gt;<mark>fees</mark>&lt;/mark&gt;" in hit.snippet_html
    assert_safe(hit.snippet_html, "Councillor O'Neil said <script>alert('x')</script> the planning appeals & "
                                  "<mark>fees</mark> were too high.")


def test_best_snippet_order_and_fallbacks():
    texts = ["", "Agenda text about parking.", "Decision on parking permits and parking zones."]
    assert best_snippet(texts, {"park"}, []).startswith("Decision on <mark>parking</mark>")
    assert best_snippet(texts, {"zebra"}, []) == "Agenda text about parking."
    assert best_snippet(texts, set(), []) == "Agenda text about parking."
    assert best_snippet(["", "", ""], {"park"}, []) == ""


def test_snippets_are_always_escaped_text_and_marks_only():
    rng = random.Random(11)
    alphabet = list("abc <>&\"' =/") + ["mark", "<mark>", "</mark>", "&amp;", "plan", "planning", "\u2019", "\n"]
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        stems = {"plan", "mark", "abc"} if rng.random() < 0.7 else set()
        phrases = [("plan", "mark")] if rng.random() < 0.3 else []
        html = snippet(text, stems, phrases, max_chars=rng.choice([20, 80, 240]))
        assert_safe(html, text)
        html = best_snippet([text, text[::-1]], stems, phrases, 60)
        tags = MARK.findall(html)
        assert tags == ["<mark>", "</mark>"] * (len(tags) // 2)
        assert "<" not in MARK.sub("", html)
