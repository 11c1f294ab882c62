"""Pure helpers behind the pages: citations, safe links, paragraphs, CSV cells, page windows."""

from __future__ import annotations

from datetime import date

import pytest
from markupsafe import Markup

from archive.templating import citation, format_date, item_number_label, page_numbers, paragraphs, safe_url
from archive.views.feeds import neutralise_formula, snippet_text


def test_citation_has_the_documented_shape():
    text = citation(
        "Leicester City Council", "Overview Select Committee", date(2018, 11, 1), "5.",
        "Presentation on the Prevent programme", "https://cabinet.leicester.gov.uk/mgAi.aspx?ID=84370",
    )
    assert text == (
        "Leicester City Council, Overview Select Committee, 1 Nov 2018, item 5: "
        "Presentation on the Prevent programme, https://cabinet.leicester.gov.uk/mgAi.aspx?ID=84370"
    )


def test_citation_leaves_out_unsafe_links_and_missing_numbers():
    text = citation("C", "Cttee", date(2020, 6, 4), None, "Title", "javascript:alert(1)")
    assert text == "C, Cttee, 4 Jun 2020: Title"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://x.gov.uk/mgAi.aspx?ID=1", "https://x.gov.uk/mgAi.aspx?ID=1"),
        ("http://127.0.0.1:8000/a", "http://127.0.0.1:8000/a"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox", None),
        ("//evil.example/x", None),
        ("/relative", None),
        ("https://", None),
        ("", None),
        (None, None),
    ],
)
def test_only_absolute_http_links_are_rendered(url, expected):
    assert safe_url(url) == expected


def test_paragraphs_escape_plain_text_and_keep_structure():
    html = paragraphs("First <script>x</script>\nline two\n\n• one\n• two")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert html.count("<p>") == 1 and "<br>" in html
    assert "<ul><li>one</li><li>two</li></ul>" in html


def test_paragraphs_trust_markup_from_the_highlighter_only():
    html = paragraphs(Markup("a <mark>b</mark> &lt;i&gt;"))
    assert "<mark>b</mark>" in html and "&lt;i&gt;" in html


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(cell):
    assert neutralise_formula(cell) == "'" + cell


def test_ordinary_cells_are_untouched():
    assert neutralise_formula("Prevent programme") == "Prevent programme"
    assert neutralise_formula("") == ""


def test_snippet_text_drops_marks_and_decodes_entities():
    assert snippet_text("the &lt;b&gt; <mark>Prevent</mark> &amp; co") == "the <b> Prevent & co"


def test_dates_and_numbers_print_as_people_write_them():
    assert format_date(date(2018, 11, 1)) == "1 Nov 2018"
    assert format_date(date(2018, 11, 1), "long") == "Thursday 1 November 2018"
    assert format_date("2019-03-14") == "14 Mar 2019"
    assert format_date(None) == ""
    assert item_number_label("5.") == "5" and item_number_label("3a") == "3a" and item_number_label(None) == ""


def test_page_window_marks_gaps():
    assert page_numbers(1, 1) == [1]
    assert page_numbers(1, 10) == [1, 2, 3, None, 10]
    assert page_numbers(6, 12) == [1, None, 4, 5, 6, 7, 8, None, 12]
