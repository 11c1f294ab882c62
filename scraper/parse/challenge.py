"""Recognise HTTP-200 answers that are not data: WAF challenges, redirect stubs, error pages.

ModernGov hosts and the firewalls in front of them answer many failures with status 200 (GUIDE.md
§8.2): Incapsula/Imperva challenges (Surrey, Redbridge), JavaScript HTTP->HTTPS stubs (Denbighshire),
a SharePoint error page (Leeds), ModernGov's own ``mgError.aspx``. Storing such a body as "the meeting"
would record "no items" for a meeting that has them, so the crawler asks this module first.

The checks are deliberately conservative: each looks for a marker that only the non-answer carries
(a vendor's script path or cookie name, a page title), and the generic "redirect stub" check only
applies to small bodies that contain neither ``#modgov`` nor web-service XML. A real page whose
minutes merely *mention* Cloudflare or a redirect is never flagged. Returns a short reason, or None.
"""

from __future__ import annotations

import re

_SCAN_BYTES = 65536  # markers live in the head of a stub; never scan a whole large page
_SMALL_BODY = 6144  # redirect stubs are tiny; real pages are tens of kilobytes

_INCAPSULA = re.compile(rb"_Incapsula_Resource|Incapsula incident ID|incap_ses_|visid_incap_|/_Incapsula_", re.I)
_CLOUDFLARE = re.compile(
    rb"<title>\s*(?:Just a moment\.\.\.|Attention Required! \| Cloudflare)\s*</title>|cf-browser-verification|"
    rb"/cdn-cgi/challenge-platform/|window\._cf_chl_opt|cf-challenge-running",
    re.I,
)
_AKAMAI_OTHER = re.compile(rb"<title>\s*(?:Access Denied|Request Rejected)\s*</title>.*?(?:Reference #|support ID)", re.I | re.S)
_SHAREPOINT = re.compile(
    rb"(?:Sorry, something went wrong|An unexpected error has occurred).{0,4000}?(?:SharePoint|Correlation ID)|"
    rb"MicrosoftSharePointTeamServices|<title>\s*Error\s*</title>.{0,4000}?_layouts/",
    re.I | re.S,
)
_MG_ERROR = re.compile(rb"<form[^>]+action=\"[^\"]*mgError\.aspx|mgError\.aspx\?", re.I)
_REDIRECT = re.compile(
    rb"(?:window|document|top|self)\.location(?:\.href)?\s*=|location\.(?:replace|assign)\s*\(|"
    rb"<meta[^>]+http-equiv\s*=\s*[\"']?refresh",
    re.I,
)
_MODGOV = re.compile(rb"id\s*=\s*[\"']?modgov\b", re.I)
_XML_ROOT = re.compile(rb"^\s*(?:\xef\xbb\xbf)?(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?!html\b|!doctype)[a-zA-Z_]", re.I | re.S)


def detect_challenge(body: bytes | None, content_type: str | None = None, *, url: str | None = None) -> str | None:
    """Why this 200 response is not data ("Incapsula/Imperva challenge", ...), or None if it may be.

    ``content_type`` is used only to avoid running HTML heuristics on binary documents (PDFs);
    ``url`` (the final URL after redirects) catches a redirect to ``mgError.aspx``.
    """
    if url and re.search(r"/mgError\.aspx(?:$|[?#])", url, re.I):
        return "ModernGov error page (redirected to mgError.aspx)"
    if body is None or not body.strip():
        return "empty body"
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media and not (media.startswith("text/") or "xml" in media or "html" in media or "json" in media):
        return None  # a document (PDF, Word): not ours to judge
    head = body[:_SCAN_BYTES]
    if _INCAPSULA.search(head):
        return "Incapsula/Imperva challenge"
    if _CLOUDFLARE.search(head):
        return "Cloudflare challenge"
    if _AKAMAI_OTHER.search(head):
        return "WAF access-denied page"
    is_modgov = bool(_MODGOV.search(body))
    if not is_modgov and _SHAREPOINT.search(head):
        return "SharePoint error page"
    if _MG_ERROR.search(head) and not re.search(rb"mgItemTable|mgWordPara", head, re.I):
        return "ModernGov error page (mgError.aspx)"
    if len(body) <= _SMALL_BODY and not is_modgov and not _XML_ROOT.match(body) and _REDIRECT.search(body):
        return "JavaScript or meta-refresh redirect stub"
    return None


__all__ = ["detect_challenge"]
