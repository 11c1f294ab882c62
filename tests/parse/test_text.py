"""Text cleaning and URL joining shared by the web-service and HTML parsers."""

from __future__ import annotations

import html

import pytest

from scraper.parse.text import absolute_url, clean_inline, html_to_text
from scraper.parse.values import find_text_date, parse_clock_time, parse_flag, parse_int, parse_uk_date
from scraper.sample_site.wordhtml import expected_text, render_word_html


def test_word_paragraphs_are_unwrapped_and_nbsp_spacers_dropped():
    markup = """<div class="WordSection1">
<p class="MsoNormal"><span style="">The Committee considered
a report   of the Director.</span><o:p></o:p></p>
<p class="MsoNormal"><span style="">&nbsp;</span></p>
<p class="MsoNormal">&nbsp;&nbsp;</p>
<p class="MsoNormal">AGREED:</p></div>"""
    assert html_to_text(markup) == "The Committee considered a report of the Director.\n\nAGREED:"


def test_word_symbol_bullets_and_list_items_become_bullet_lines():
    markup = (
        '<p class="MsoListParagraph"><span style="font-family:Symbol">·<span>&nbsp;&nbsp;&nbsp;&nbsp; </span></span>'
        "First point.</p>"
        "<p>\u00b7\u00a0\u00a0\u00a0\u00a0 Second point.</p>"
        "<p>Then prose.</p><ul><li>One</li><li> Two </li></ul><ol><li>Alpha</li><li>Beta</li></ol>"
    )
    # A numbered list stays one block like a bulleted one (it was split by blank lines before).
    assert html_to_text(markup) == "• First point.\n• Second point.\n\nThen prose.\n\n• One\n• Two\n\n1. Alpha\n2. Beta"


def test_hidden_refs_file_sizes_scripts_and_comments_are_removed():
    markup = (
        '<p>Admission of the Public<span class="mgHide"> ref&#58; 13149</span></p>'
        '<p><a href="x.pdf">Report <span class="mgFileSize"><img alt="pdf icon"> PDF 119 KB</span></a></p>'
        "<script>var tracking = 1;</script><style>p{}</style><!-- a comment -->"
    )
    assert html_to_text(markup) == "Admission of the Public\n\nReport"


def test_numeric_entities_and_double_escaping_are_decoded():
    assert html_to_text("<p>Council&#39;s plan &#40;2019&#41; &#38; more</p>") == "Council's plan (2019) & more"
    # "&amp;#39;" survives one parse as the text "&#39;"; it must still read as an apostrophe.
    assert html_to_text("<p>The Council&amp;#39;s report</p>") == "The Council's report"
    assert clean_inline("Homes &amp;#38; Neighbourhoods") == "Homes & Neighbourhoods"


def test_markup_written_as_text_stays_text():
    text = html_to_text("<p>a title such as &lt;script&gt;alert(1)&lt;/script&gt; was stored</p>")
    assert text == "a title such as <script>alert(1)</script> was stored"


@pytest.mark.parametrize("style", [0, 1, 2, 3])
def test_every_sample_site_word_style_round_trips(style):
    paragraphs = ["Councillor O'Hara asked about the 2019/20 budget & reserves.", "• First bullet", "• Second bullet",
                  "RESOLVED:", "(a) that the report be noted; and", "(b) that officers report back."]
    assert html_to_text(render_word_html(paragraphs, style)) == expected_text(paragraphs)
    assert html_to_text(render_word_html(paragraphs, style, double_escape=True)) == expected_text(paragraphs)


def test_empty_and_plain_inputs():
    assert html_to_text(None) == "" and html_to_text("   \n ") == ""
    assert html_to_text("Plain text\n\nSecond") == "Plain text\n\nSecond"


BASE = "https://ww5.swindon.gov.uk/moderngov"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        # The joining trap: without a trailing slash urljoin would drop /moderngov.
        ("documents/s7942/polc2 - 23.09.2015.pdf", f"{BASE}/documents/s7942/polc2%20-%2023.09.2015.pdf"),
        # CR/LF and tabs inside hrefs (Irish installs); ?T= kept.
        ("documents/g11742/Public\r\n reports pack.pdf?T=10", f"{BASE}/documents/g11742/Public%20reports%20pack.pdf?T=10"),
        ("/moderngov/mgAi.aspx?ID=5", f"{BASE}/mgAi.aspx?ID=5"),
        # Private hosts are rebased onto the public base, keeping the base's sub-path.
        ("http://10.170.34.172:9071/UserData/2/Info1/smallpic.jpg", f"{BASE}/UserData/2/Info1/smallpic.jpg"),
        ("http://mgsrv01:9071/moderngov/documents/s1/a.pdf", f"{BASE}/documents/s1/a.pdf"),
        # The same host over http takes the base's scheme.
        ("http://ww5.swindon.gov.uk/moderngov/mgConvert2PDF.aspx?ID=1", f"{BASE}/mgConvert2PDF.aspx?ID=1"),
        ("https://www.gov.uk/guidance", "https://www.gov.uk/guidance"),
        ("javascript:mgOpenDocument('documents/s1/a.pdf')", None),
        ("JavaScript:void(0)", None),
        ("mailto:democratic.services@example.org", None),
        ("file:///C:/reports/a.pdf", None),
        ("#AI123", None),
        ("", None),
        (None, None),
    ],
)
def test_absolute_url(href, expected):
    assert absolute_url(href, BASE) == expected


def test_values():
    assert parse_int(" 2") == 2 and parse_int("\n  ") is None and parse_int("two") is None
    assert parse_flag("True") is True and parse_flag("false") is False and parse_flag("") is None
    assert parse_uk_date("02/10/2019").isoformat() == "2019-10-02"
    with pytest.raises(ValueError):
        parse_uk_date("2019-10-02")
    assert parse_clock_time("10.00 am").isoformat() == "10:00:00"
    assert parse_clock_time("6.30pm").isoformat() == "18:30:00"
    assert parse_clock_time("12 noon").isoformat() == "12:00:00"
    assert parse_clock_time("12.15 am").isoformat() == "00:15:00"
    assert parse_clock_time("TBC") is None
    assert find_text_date("Licensing Sub-Committee - Saturday, 14th April, 2018 10.00 am").isoformat() == "2018-04-14"
    assert find_text_date("31 Mar 2020 6.30 pm").isoformat() == "2020-03-31"
    assert find_text_date("Item 31 Widgets 2020") is None


def test_a_body_escaped_twice_as_a_whole_is_read_as_markup():
    # What some installs send: the XML field holds "&amp;lt;p&amp;gt;...", i.e. "&lt;p&gt;..." once parsed.
    markup = "<p>RESOLVED that it&#39;s noted.</p><p class=\"MsoNormal\">Two<br/>lines</p>"
    assert html_to_text(html.escape(markup)) == html_to_text(markup)
    assert html_to_text(html.escape(markup)).startswith("RESOLVED that it's noted.\n\nTwo")
    # Text that merely mentions a comparison or a non-body tag stays text.
    assert html_to_text("Spend &lt; budget &amp; income &gt; 0") == "Spend < budget & income > 0"
    assert html_to_text("the &lt;script&gt; tag was discussed") == "the <script> tag was discussed"
