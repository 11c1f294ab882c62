"""Security headers on every response, and a refusal of anything but reads.

The archive shows text written by others (council pages), so the browser is told to run only our
own scripts and styles (a CSP without 'unsafe-inline'), never to sniff types, never to be framed,
and to send only the origin as referrer when leaving for a council's site.
"""

from __future__ import annotations

from flask import Flask, Response, request

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def add_security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.path.startswith("/api/"):
        # Public, read-only, no cookies: any site's script may read the JSON (no credentials sent).
        response.headers.setdefault("Access-Control-Allow-Origin", "*")
    return response


def init_security(app: Flask) -> None:
    app.after_request(add_security_headers)
