"""A web service that does not take GET requests says so once: no retries, a recognisable answer.

``mgWebService.asmx`` is an ASP.NET web service whose own protocol is SOAP over POST; answering
``GET /mgWebService.asmx/<Op>`` is an option an install can switch off (GUIDE.md §7.1). Switched
off, ASP.NET answers every such call with HTTP 500 and an error whose text says the "request
format is unrecognized". Asking again will never change that, so the client returns the answer at
once (for the harvester to store and fall back to HTML), flagged so it is not mistaken for a
server in trouble.
"""

from __future__ import annotations

import pytest

from scraper.http import FetchFailed, PoliteClient

# How ASP.NET words it (a plain-text trace, or inside its HTML error page), in several spellings.
UNRECOGNIZED = (
    "System.InvalidOperationException: Request format is unrecognized for URL unexpectedly ending in "
    "'/GetCommittees'.\r\n   at System.Web.Services.Protocols.WebServiceHandlerFactory.CoreGetHandler()"
)
HTML_PAGE = (
    "<html><head><title>Request format is unrecognized for URL unexpectedly ending in &#39;/GetMeeting&#39;."
    "</title></head><body><h1>Server Error in '/' Application.</h1><h2><i>REQUEST FORMAT IS UNRECOGNIZED "
    "for URL unexpectedly ending in '/GetMeeting'.</i></h2></body></html>"
)
INVALID = "System.InvalidOperationException: Request format is invalid: .\r\n   at System.Web.Services..."


def client(clock, **kwargs) -> PoliteClient:
    return PoliteClient(clock=clock, delay=0, obey_robots=False, **kwargs)


@pytest.mark.parametrize("status,body", [(500, UNRECOGNIZED), (500, HTML_PAGE), (500, INVALID), (503, UNRECOGNIZED),
                                         (400, INVALID)])
def test_request_format_unrecognized_is_returned_at_once(scripted_server, fake_clock, status, body):
    srv = scripted_server
    srv.routes["/mgWebService.asmx/GetCommittees"] = srv.reply(status, body, Content_Type="text/html; charset=utf-8")
    c = client(fake_clock, retries=4)
    result = c.get(srv.base_url + "/mgWebService.asmx/GetCommittees")
    assert srv.paths().count("/mgWebService.asmx/GetCommittees") == 1  # not 1 + 4 retries
    assert c.request_count == 1 and fake_clock.sleeps == []
    assert result.status == status  # the answer as received, for the harvester to store
    assert result.request_format_unrecognized
    with pytest.raises(FetchFailed) as info:
        result.raise_for_status()
    assert info.value.status == status and "request format" in str(info.value)


def test_the_answer_is_reported_like_any_other(scripted_server, fake_clock):
    """The harvester stores every response through ``on_response``: this one too, once."""
    srv = scripted_server
    srv.routes["/mgWebService.asmx/GetMeeting"] = srv.reply(500, UNRECOGNIZED)
    c = client(fake_clock)
    seen = []
    c.on_response = lambda result, purpose: seen.append((result.status, purpose))
    c.get(srv.base_url + "/mgWebService.asmx/GetMeeting", {"lMeetingId": 7})
    assert seen == [(500, "page")]


def test_other_server_errors_are_still_retried(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/mgWebService.asmx/GetMeeting"] = srv.reply(
        500, "<html><h1>Server Error in '/' Application.</h1><h2><i>Runtime Error</i></h2></html>"
    )
    c = client(fake_clock, retries=2)
    result = c.get(srv.base_url + "/mgWebService.asmx/GetMeeting")
    assert result.status == 500 and not result.request_format_unrecognized
    assert srv.paths().count("/mgWebService.asmx/GetMeeting") == 3


def test_a_successful_page_that_quotes_the_words_is_not_flagged(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/mgAi.aspx"] = srv.reply(200, "<p>The officer said the request format is unrecognized.</p>")
    result = client(fake_clock).get(srv.base_url + "/mgAi.aspx")
    assert result.ok and not result.request_format_unrecognized
