"""Errors raised by the pure parsers.

A parser fails loudly when a page's structure is not what it must be (design.md §3.3): the message
names what was missing (selector or element) and, when the caller passed it, the page's URL, so that a
crawl can record "this URL failed to parse because ..." and carry on. An empty list is never an error.
"""

from __future__ import annotations


class ParseError(Exception):
    """A response could not be turned into records; the message says what was wrong and where."""

    def __init__(self, reason: str, url: str | None = None) -> None:
        self.reason = reason
        self.url = url
        super().__init__(f"{reason} (at {url})" if url else reason)


class NotWebServiceXML(ParseError):
    """A web-service call answered with something that is not its XML (WAF stub, HTML error page...).

    ModernGov and the firewalls in front of it answer HTTP 200 with HTML when the service is disabled
    or blocked (GUIDE.md §8.2); the caller should fall back to the HTML pages for that host.
    """


__all__ = ["ParseError", "NotWebServiceXML"]
