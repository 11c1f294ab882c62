"""Polite HTTP: the only module in the project that touches the network.

Everything a council's server sees from us goes through ``PoliteClient``, so politeness is
enforced in one place rather than trusted to every caller (design.md §3.9):

* an identifying User-Agent with a contact URL and no library token (some CDNs block
  ``python-requests``, GUIDE.md §8.2);
* a (connect, read) timeout on every request;
* a per-host rate limit in which *every* request counts, robots.txt and redirect hops included,
  never below ``MIN_DELAY`` for any host but this machine's (loopback: tests, the demo);
* robots.txt per RFC 9309, fetched as the first request to a host: 4xx means everything is
  allowed, 5xx or unreachable means nothing is fetched from that host (429 "too many requests"
  counts with the 5xx, as the host is asking us to stay away); ``Crawl-delay`` is honoured up to
  a cap;
* bounded retries with exponential backoff on connection errors, 429 and 5xx, honouring
  ``Retry-After`` (policy from urllib3's ``Retry``; the sleeping goes through an injectable
  ``Clock`` so tests can run with a fake one); a read timeout is retried once at most, as each
  retry of a host too slow to answer costs another full read timeout; an ASP.NET "request format
  is unrecognized" error (a web service with GET switched off) is not retried at all, and is
  flagged on the result (``FetchResult.request_format_unrecognized``);
* a maximum body size, enforced while streaming, and a deadline for the whole body (the read
  timeout alone restarts with every packet, so a trickling answer could hold a crawl forever);
* TLS verification always on (never switched off here), against requests' CA bundle (certifi)
  or one the operator names: ``ca_bundle``, else ``REQUESTS_CA_BUNDLE`` or ``SSL_CERT_FILE``
  from the environment, which is read for this and nothing else (no proxies, no .netrc).

Redirects are followed by hand, one hop at a time, so each hop is rate-limited and checked
against the robots.txt of the host it lands on.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Mapping, Protocol
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

import requests
from protego import Protego
from urllib3.exceptions import InvalidHeader, MaxRetryError
from urllib3.util.retry import Retry

from scraper import __version__

log = logging.getLogger(__name__)

PROJECT_URL = "https://github.com/minutes-archive/minutes-archive"
ROBOTS_TOKEN = "MinutesArchive"  # the product token robots.txt groups are matched against
DEFAULT_USER_AGENT = f"{ROBOTS_TOKEN}/{__version__} (+{PROJECT_URL})"

# Named limits with documented defaults (design.md §3.6).
DEFAULT_DELAY = 1.0  # seconds between two requests to one host
# Servers limit bursts: requests at least 0.5 s apart (GUIDE.md §8.2). Held for every host, whatever
# delay was asked for, except loopback ones (the sample council, test servers), which nobody else shares.
MIN_DELAY = 0.5
DEFAULT_CONNECT_TIMEOUT = 10.0
# Self-hosted installs take up to 60 s to answer, some 30-40 s routinely (GUIDE.md §8.2): a
# timeout of exactly 60 s cuts the slowest off, so leave half as much again above it.
DEFAULT_READ_TIMEOUT = 90.0
DEFAULT_MAX_BODY = 32 * 1024 * 1024  # bytes; a meeting page is ~100 KB, XML a few MB at most
# The read timeout restarts with every packet, so a body that trickles in needs its own limit.
DEFAULT_MAX_BODY_SECONDS = 600.0
DEFAULT_RETRIES = 4  # attempts after the first
# ... but after a read timeout only this many: a host that did not answer in DEFAULT_READ_TIMEOUT
# seldom answers on the next tries, and each one waits the whole timeout again.
DEFAULT_READ_TIMEOUT_RETRIES = 1
DEFAULT_BACKOFF_FACTOR = 2.0  # backoff: 0, 4, 8, 16 … seconds (urllib3's formula), capped
DEFAULT_BACKOFF_MAX = 120.0
DEFAULT_RETRY_AFTER_MAX = 300  # never wait longer than this for one Retry-After
DEFAULT_CRAWL_DELAY_CAP = 30.0  # a robots.txt Crawl-delay above this is held at this
MAX_REDIRECTS = 5  # RFC 9309 §2.3.1.2 asks crawlers to follow at least five for robots.txt
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 §2.5: parse at least 500 KiB
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# ASP.NET's answer (HTTP 500) to a web-service call in a protocol the install has switched off:
# ``mgWebService.asmx`` speaks SOAP over POST, and answering GET is optional (GUIDE.md §7.1).
# Asking again never changes it, so it is not retried.
_FORMAT_UNRECOGNIZED = re.compile(rb"request\s+format\s+is\s+(?:unrecognized|unrecognised|invalid)", re.I)
_FORMAT_SCAN_BYTES = 256 * 1024
_CHUNK = 64 * 1024
# Where a CA bundle may come from besides the ``ca_bundle`` argument, in order: requests' own
# variable, then OpenSSL's (which requests ignores, as it hands OpenSSL certifi's file).
CA_BUNDLE_ENV = ("REQUESTS_CA_BUNDLE", "SSL_CERT_FILE")


class Clock(Protocol):
    """Time as the client sees it: injectable so tests can record sleeps instead of waiting."""

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)


# --------------------------------------------------------------------------- errors


class HttpError(Exception):
    """Base class: something went wrong fetching ``url``."""

    def __init__(self, url: str, message: str) -> None:
        super().__init__(f"{message}: {url}")
        self.url = url
        self.reason = message


class RobotsDisallowed(HttpError):
    """The host's robots.txt does not allow us to fetch this URL."""

    def __init__(self, url: str) -> None:
        super().__init__(url, "robots.txt disallows fetching")


class HostUnavailable(HttpError):
    """robots.txt answered 5xx or could not be reached: RFC 9309 says fetch nothing from this host."""


class FetchFailed(HttpError):
    """No usable answer: connection errors after all retries, too many redirects, bad status."""

    def __init__(self, url: str, message: str, status: int | None = None) -> None:
        super().__init__(url, message)
        self.status = status


class BodyTooLarge(HttpError):
    """The response body exceeded the configured maximum; the download was aborted."""


class CaBundleError(ValueError):
    """The CA bundle asked for (argument or environment) does not exist or holds no certificates."""


# --------------------------------------------------------------------------- result


@dataclass(frozen=True)
class FetchResult:
    """One HTTP response as received, after retries and redirects.

    ``requested_url`` is what the caller asked for (with its query string), ``url`` where the
    answer came from after redirects. ``headers`` keeps the response headers in order.
    """

    requested_url: str
    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    content_type: str | None
    body: bytes
    fetched_at: datetime

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def request_format_unrecognized(self) -> bool:
        """An error answer saying the server does not take requests in this form: what an
        ASP.NET web service (``mgWebService.asmx``) with GET switched off answers every GET call,
        HTTP 500 with "Request format is unrecognized ..." (or "... is invalid"). Not retried:
        the service is only usable through its HTML pages (or SOAP, which this client does not
        speak)."""
        return self.status >= 400 and _FORMAT_UNRECOGNIZED.search(self.body[:_FORMAT_SCAN_BYTES]) is not None

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None

    def raise_for_status(self) -> "FetchResult":
        if not self.ok:
            reason = f"HTTP {self.status}"
            if self.request_format_unrecognized:
                reason += " (request format unrecognized: the web service does not take GET requests here)"
            raise FetchFailed(self.url, reason, status=self.status)
        return self


# --------------------------------------------------------------------------- helpers


def host_key(url: str) -> str:
    """Rate limits and robots.txt are per origin: scheme, host and port."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def build_url(url: str, params: Mapping[str, object] | None = None) -> str:
    """``url`` with ``params`` appended as a query string (order kept, values as str)."""
    if not params:
        return url
    query = urlencode([(k, str(v)) for k, v in params.items()])
    return f"{url}{'&' if urlsplit(url).query else '?'}{query}"


def robots_token(user_agent: str) -> str:
    """The product token robots.txt groups are matched against (RFC 9309 §2.2.1): the leading
    ``[A-Za-z_-]`` run of the User-Agent, so a custom ``--user-agent`` gets its own rules."""
    match = re.match(r"[A-Za-z_-]+", user_agent.strip())
    return match.group(0) if match else ROBOTS_TOKEN


def is_loopback_host(host: str | None) -> bool:
    """``localhost`` or a loopback address (127.0.0.0/8, ::1): a server on this machine. Names are
    not resolved, so only these spellings count."""
    name = (host or "").strip().strip("[]").lower().rstrip(".")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_name(url: str) -> str:
    """The rate limit is per machine: http and https (or two ports) of one host share it."""
    return (urlsplit(url).hostname or "").lower()


def resolve_ca_bundle(
    ca_bundle: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> str | bool:
    """What to verify certificates against: ``ca_bundle``, else the first of ``CA_BUNDLE_ENV`` set
    (empty values ignored), else ``True`` (requests' bundle). Never ``False``.

    A file of PEM certificates or a directory of hashed ones, as OpenSSL takes them; one that does
    not exist or holds no certificate raises ``CaBundleError`` now rather than at the first
    request, where it would look like the council's TLS failing.
    """
    environ = os.environ if environ is None else environ
    if ca_bundle is not None and str(ca_bundle):
        source, path = "CA bundle", str(ca_bundle)
    else:
        found = next(((name, environ[name]) for name in CA_BUNDLE_ENV if environ.get(name)), None)
        if found is None:
            return True
        source, path = f"{found[0]}=", found[1]
    label = f"{source}{path}" if source.endswith("=") else f"{source} {path}"
    target = Path(path).expanduser()
    if not target.exists():
        raise CaBundleError(f"{label} does not exist")
    try:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        if target.is_dir():
            context.load_verify_locations(capath=str(target))
        else:
            context.load_verify_locations(cafile=str(target))
            if not context.get_ca_certs():
                raise ssl.SSLError("no certificates in it")
    except (ssl.SSLError, OSError) as exc:
        raise CaBundleError(f"{label} holds no CA certificates OpenSSL can read ({_short(exc)})") from None
    return str(target)


@dataclass
class _HostState:
    """robots.txt is per origin (scheme, host, port: RFC 9309 §2.3)."""

    robots: Protego | None = None
    unavailable: str | None = None  # reason, once robots.txt said 5xx/unreachable


@dataclass
class _RateState:
    """The rate limit is per host name; a Crawl-delay of any of its origins applies to all."""

    last_request: float | None = None
    crawl_delay: float = 0.0
    floor: float = MIN_DELAY  # 0 for loopback hosts
    lock: threading.Lock = field(default_factory=threading.Lock)


# --------------------------------------------------------------------------- client


class PoliteClient:
    """A requests Session that cannot be rude.

    One client per crawl. Thread-safe per host (a lock serialises requests to one host), though
    the harvester itself is single-threaded: one connection per host is the polite default.
    """

    def __init__(
        self,
        *,
        user_agent: str = DEFAULT_USER_AGENT,
        delay: float = DEFAULT_DELAY,
        timeout: tuple[float, float] = (DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT),
        max_body: int = DEFAULT_MAX_BODY,
        max_body_seconds: float = DEFAULT_MAX_BODY_SECONDS,
        retries: int = DEFAULT_RETRIES,
        read_timeout_retries: int = DEFAULT_READ_TIMEOUT_RETRIES,
        backoff_factor: float = DEFAULT_BACKOFF_FACTOR,
        backoff_max: float = DEFAULT_BACKOFF_MAX,
        retry_after_max: int = DEFAULT_RETRY_AFTER_MAX,
        crawl_delay_cap: float = DEFAULT_CRAWL_DELAY_CAP,
        ca_bundle: str | os.PathLike[str] | None = None,
        obey_robots: bool = True,
        clock: Clock | None = None,
        now: Callable[[], datetime] | None = None,
        session: requests.Session | None = None,
    ) -> None:
        if not user_agent or "python-requests" in user_agent.lower():
            raise ValueError("the User-Agent must identify the crawler (and how to reach its operator), "
                             "not the HTTP library")
        if delay < 0:
            raise ValueError("delay must be >= 0 seconds")
        self.user_agent = user_agent
        self.robots_token = robots_token(user_agent)
        self.delay = float(delay)
        self.timeout = timeout
        self.max_body = max_body
        self.max_body_seconds = max_body_seconds
        self.crawl_delay_cap = crawl_delay_cap
        self.read_timeout_retries = max(0, min(read_timeout_retries, retries))
        self.obey_robots = obey_robots
        self.clock: Clock = clock or SystemClock()
        self._now = now or (lambda: datetime.now(timezone.utc))
        self._retry = Retry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            other=0,
            redirect=False,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET"}),
            backoff_factor=backoff_factor,
            backoff_max=backoff_max,
            respect_retry_after_header=True,
            retry_after_max=retry_after_max,
        )
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = user_agent
        self.session.headers.setdefault("Accept-Encoding", "gzip, deflate")
        self.session.trust_env = False  # no proxies or .netrc credentials picked up silently
        # ... but the CA bundle is: a current one is the remedy for chains strict stacks reject
        # (GUIDE.md §8.2). Verification itself is never turned off.
        self.session.verify = resolve_ca_bundle(ca_bundle)
        if self.session.verify is not True:
            log.info("verifying TLS certificates against %s", self.session.verify)
        self._hosts: dict[str, _HostState] = {}
        self._rates: dict[str, _RateState] = {}
        self._hosts_lock = threading.Lock()
        self.request_count = 0
        # Called with every response received (retried ones, redirect hops and robots.txt
        # included) and its purpose ("robots" or "page"), before the caller sees it: this is how
        # the harvester stores every response before anything parses it.
        self.on_response: Callable[[FetchResult, str], None] | None = None

    # -- public -------------------------------------------------------------------------

    def get(self, url: str, params: Mapping[str, object] | None = None) -> FetchResult:
        """GET ``url`` politely and return the final response, whatever its status.

        Raises ``RobotsDisallowed`` / ``HostUnavailable`` before any request when robots.txt
        forbids it, ``FetchFailed`` when no response could be had (after retries) or redirects
        loop, ``BodyTooLarge`` when the body passes ``max_body``. A 4xx/5xx that survives the
        retries is *returned*, so the caller can store it; ``raise_for_status()`` turns it
        into ``FetchFailed``.
        """
        requested = build_url(url, params)
        current = requested
        for _hop in range(MAX_REDIRECTS + 1):
            self._check_allowed(current)
            result = self._fetch_with_retries(current, requested)
            location = result.header("Location")
            if result.status in (301, 302, 303, 307, 308) and location:
                current = urljoin(current, location.strip())
                if urlsplit(current).scheme not in ("http", "https"):
                    raise FetchFailed(requested, f"redirect to a non-HTTP URL {current!r}")
                continue
            return result
        raise FetchFailed(requested, f"more than {MAX_REDIRECTS} redirects")

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> "PoliteClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- robots.txt ---------------------------------------------------------------------

    def _rate(self, url: str) -> _RateState:
        key = host_name(url)
        with self._hosts_lock:
            rate = self._rates.get(key)
            if rate is None:
                rate = self._rates[key] = _RateState(floor=0.0 if is_loopback_host(key) else MIN_DELAY)
            return rate

    def _host(self, url: str) -> _HostState:
        key = host_key(url)
        with self._hosts_lock:
            state = self._hosts.get(key)
            if state is None:
                state = self._hosts[key] = _HostState()
            return state

    def _check_allowed(self, url: str) -> None:
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchFailed(url, "not an http(s) URL")
        if not self.obey_robots:
            return
        state = self._host(url)
        if state.robots is None and state.unavailable is None:
            self._load_robots(url, state)
        if state.unavailable is not None:
            raise HostUnavailable(url, state.unavailable)
        assert state.robots is not None
        if not state.robots.can_fetch(url, self.robots_token):
            raise RobotsDisallowed(url)

    def _load_robots(self, url: str, state: _HostState) -> None:
        """Fetch and parse robots.txt: always the first request we make to a host."""
        target = robots_url(url)
        try:
            for _hop in range(MAX_REDIRECTS + 1):
                result = self._fetch_with_retries(
                    target, target, max_body=ROBOTS_MAX_BYTES, truncate=True, purpose="robots"
                )
                location = result.header("Location")
                if result.status in (301, 302, 303, 307, 308) and location:
                    target = urljoin(target, location.strip())
                    continue  # each hop is rate-limited by the host it goes to
                break
            else:
                # RFC 9309 §2.3.1.2: too many redirects may be treated as unavailable (allowed).
                state.robots = Protego.parse("")
                return
        except FetchFailed as exc:
            # Said as the user needs it: the host itself cannot be reached, robots.txt is only how.
            state.unavailable = f"the host cannot be reached: {exc.reason}"
            return
        if 500 <= result.status or result.status == 429:
            state.unavailable = (
                f"robots.txt answered HTTP {result.status}, so nothing is fetched from this host"
            )
            return
        if 400 <= result.status < 500:
            state.robots = Protego.parse("")  # "unavailable": everything is allowed
            return
        if not result.ok:
            state.robots = Protego.parse("")
            return
        text = result.body.decode("utf-8", errors="replace")
        state.robots = Protego.parse(text)
        crawl_delay = state.robots.crawl_delay(self.robots_token)
        if crawl_delay:
            rate = self._rate(url)
            rate.crawl_delay = max(rate.crawl_delay, min(float(crawl_delay), self.crawl_delay_cap))
            log.info("%s asks for Crawl-delay %s s (using %s s)", host_key(url), crawl_delay, rate.crawl_delay)

    # -- one URL, with retries ------------------------------------------------------------

    def _fetch_with_retries(
        self, url: str, requested: str, *, max_body: int | None = None, truncate: bool = False, purpose: str = "page"
    ) -> FetchResult:
        retry = self._retry
        read_timeouts = 0
        while True:
            wait = 0.0
            try:
                result, raw = self._fetch_once(url, requested, max_body=max_body, truncate=truncate)
            except BodyTooLarge:
                raise
            except requests.exceptions.SSLError as exc:
                raise FetchFailed(requested, describe_exception(exc)) from exc
            except (
                requests.exceptions.ConnectionError,
                requests.exceptions.Timeout,
                requests.exceptions.ChunkedEncodingError,  # connection dropped mid-body
            ) as exc:
                if _is_unknown_host(exc):
                    # A host name that does not resolve will not resolve in 30 s of backoff either.
                    raise FetchFailed(requested, describe_exception(exc)) from exc
                if _is_read_timeout(exc):
                    read_timeouts += 1
                    if read_timeouts > self.read_timeout_retries:
                        attempts = len(retry.history) + 1
                        raise FetchFailed(
                            requested, f"{describe_exception(exc)}, after {attempts} attempt{'s' * (attempts > 1)}"
                        ) from exc
                try:
                    retry = retry.increment(method="GET", url=url, error=_as_urllib3_error(exc))
                except MaxRetryError:
                    attempts = len(retry.history) + 1  # ``retry`` is the state before this last failure
                    raise FetchFailed(requested, f"{describe_exception(exc)}, after {attempts} attempts") from exc
                except Exception:
                    raise FetchFailed(requested, describe_exception(exc)) from exc
                wait = retry.get_backoff_time()
                log.info("retrying %s in %.1f s after %s", url, wait, describe_exception(exc))
            except requests.exceptions.RequestException as exc:
                raise FetchFailed(requested, describe_exception(exc)) from exc
            else:
                if self.on_response is not None:
                    self.on_response(result, purpose)
                has_retry_after = result.header("Retry-After") is not None
                if not retry.is_retry("GET", result.status, has_retry_after):
                    return result
                if result.request_format_unrecognized:
                    log.info("%s: HTTP %s, request format unrecognized (GET switched off?); not retried",
                             url, result.status)
                    return result
                try:
                    retry = retry.increment(method="GET", url=url, response=raw)
                except MaxRetryError:
                    return result  # out of retries: hand back the last answer, to be stored
                wait = retry.get_backoff_time()
                retry_after = result.header("Retry-After")
                if retry_after is not None:
                    try:
                        wait = max(wait, retry.parse_retry_after(retry_after))
                    except InvalidHeader:
                        pass
                log.info("retrying %s in %.1f s after HTTP %s", url, wait, result.status)
            if wait > 0:
                self.clock.sleep(wait)

    def _fetch_once(
        self, url: str, requested: str, *, max_body: int | None, truncate: bool
    ) -> tuple[FetchResult, object]:
        limit = self.max_body if max_body is None else max_body
        state = self._rate(url)
        with state.lock:
            self._wait_turn(state)
            self.request_count += 1
            try:
                response = self.session.get(url, timeout=self.timeout, allow_redirects=False, stream=True)
                try:
                    body = self._read_body(response, limit, requested, truncate)
                finally:
                    response.close()
            finally:
                # The gap is kept from the end of the previous exchange: a slow, struggling host
                # gets its full breathing space rather than a request the moment it answers.
                state.last_request = self.clock.monotonic()
        headers = tuple((k, v) for k, v in response.headers.items())
        result = FetchResult(
            requested_url=requested,
            url=url,
            status=response.status_code,
            headers=headers,
            content_type=response.headers.get("Content-Type"),
            body=body,
            fetched_at=self._now(),
        )
        return result, response.raw

    def _wait_turn(self, state: _RateState) -> None:
        """Hold the per-host rate limit; every request, robots.txt included, passes here."""
        gap = max(self.delay, state.crawl_delay, state.floor)
        now = self.clock.monotonic()
        if state.last_request is not None:
            wait = state.last_request + gap - now
            if wait > 0:
                self.clock.sleep(wait)
                now = self.clock.monotonic()
        state.last_request = now

    def _read_body(self, response: requests.Response, limit: int, url: str, truncate: bool) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit and not truncate:
            raise BodyTooLarge(url, f"body of {int(declared)} bytes exceeds the {limit}-byte limit")
        chunks: list[bytes] = []
        size = 0
        deadline = time.monotonic() + self.max_body_seconds  # real time: this waits on the network
        for chunk in _stream(response):
            if time.monotonic() > deadline:
                raise FetchFailed(url, f"the answer took more than {self.max_body_seconds:g} s to arrive")
            size += len(chunk)
            if size > limit:
                if truncate:
                    chunks.append(chunk[: len(chunk) - (size - limit)])
                    break
                raise BodyTooLarge(url, f"body exceeds the {limit}-byte limit")
            chunks.append(chunk)
        return b"".join(chunks)


def _stream(response: requests.Response) -> Iterator[bytes]:
    """The decoded body in pieces as they arrive. ``iter_content`` would block until a whole
    chunk has come, however slowly; ``read1`` returns what is there, so the caller can keep a
    deadline. urllib3's errors are mapped as requests maps them in ``iter_content``."""
    from urllib3.exceptions import DecodeError, ProtocolError, ReadTimeoutError
    from urllib3.exceptions import SSLError as Urllib3SSLError

    raw = response.raw
    try:
        while True:
            chunk = raw.read1(_CHUNK, decode_content=True)
            if not chunk:
                return
            yield chunk
    except ProtocolError as exc:
        raise requests.exceptions.ChunkedEncodingError(exc) from exc
    except DecodeError as exc:
        raise requests.exceptions.ContentDecodingError(exc) from exc
    except ReadTimeoutError as exc:
        # requests' iter_content calls this a ConnectionError; it is the server going silent for
        # the whole read timeout, the same slow host as one that sends no headers in time.
        raise requests.exceptions.ReadTimeout(exc) from exc
    except Urllib3SSLError as exc:
        raise requests.exceptions.SSLError(exc) from exc


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it wraps: requests puts urllib3's error in ``args[0]``, which keeps its
    own cause in ``reason`` (MaxRetryError) or ``__cause__``/``__context__``."""
    seen: list[BaseException] = []
    todo: list[object] = [exc]
    while todo:
        item = todo.pop(0)
        if not isinstance(item, BaseException) or any(item is s for s in seen) or len(seen) > 12:
            continue
        seen.append(item)
        todo.extend([*item.args[:1], getattr(item, "reason", None), item.__cause__, item.__context__])
    return seen


# getaddrinfo's "this name does not exist" answers; EAI_AGAIN ("try again") is transient and retried.
_UNKNOWN_NAME_ERRORS = frozenset(
    code for code in (getattr(socket, "EAI_NONAME", None), getattr(socket, "EAI_NODATA", None)) if code is not None
)


def _is_unknown_host(exc: BaseException) -> bool:
    """The DNS said this host name does not exist: no point retrying it."""
    return any(isinstance(c, socket.gaierror) and c.errno in _UNKNOWN_NAME_ERRORS for c in _causes(exc))


def _is_read_timeout(exc: BaseException) -> bool:
    """The server accepted the connection but sent nothing for the whole read timeout (before
    the headers or in the middle of the body)."""
    from urllib3.exceptions import ReadTimeoutError

    return isinstance(exc, requests.exceptions.ReadTimeout) or any(
        isinstance(c, ReadTimeoutError) for c in _causes(exc)
    )


def describe_exception(exc: BaseException) -> str:
    """One short phrase a person can act on for a failed request, instead of urllib3's nested
    ``HTTPConnectionPool(...): Max retries exceeded ... (Caused by ...)`` repr."""
    from urllib3.exceptions import NameResolutionError

    causes = _causes(exc)
    text = " ".join(str(c) for c in causes)
    if _is_unknown_host(exc):
        return "host name not found (DNS lookup failed)"
    if any(isinstance(c, (NameResolutionError, socket.gaierror)) for c in causes):
        return "DNS lookup failed (the name server did not answer)"
    if isinstance(exc, requests.exceptions.SSLError):
        if re.search(r"WRONG_VERSION_NUMBER|record layer failure|http request|packet length too long", text, re.I):
            return "TLS handshake failed: the server does not seem to speak https (try http://)"
        if "CERTIFICATE_VERIFY_FAILED" in text:
            detail = re.search(r"certificate verify failed: ([^()\]'\"]+)", text)
            return f"TLS certificate not trusted ({detail.group(1).strip() if detail else 'verify failed'})"
        return "TLS error"
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return "the server did not answer in time (read timeout)"
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return "the connection dropped in the middle of the answer"
    if any(isinstance(c, ConnectionRefusedError) for c in causes) or "Connection refused" in text:
        return "connection refused (nothing is listening there)"
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                        requests.exceptions.InvalidSchema)):
        return f"invalid URL ({_short(exc)})"
    if isinstance(exc, requests.exceptions.ConnectionError):
        reset = re.search(r"Connection (?:reset|aborted)|RemoteDisconnected|BrokenPipe", text, re.I)
        return "the connection was reset by the server" if reset else f"connection failed ({_short(exc)})"
    return f"request failed ({_short(exc)})"


def _as_urllib3_error(exc: requests.exceptions.RequestException) -> Exception:
    """Map a requests exception onto the urllib3 error ``Retry.increment`` classifies."""
    from urllib3.exceptions import ConnectTimeoutError, ProtocolError, ReadTimeoutError

    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return ConnectTimeoutError(str(exc))
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return ReadTimeoutError(None, None, str(exc))  # type: ignore[arg-type]
    if isinstance(exc, requests.exceptions.ConnectionError):
        # Refused/reset connections: urllib3 counts ProtocolError as a read error for GET,
        # and NewConnectionError as a connect error; both are retried a bounded number of times.
        return ConnectTimeoutError(str(exc))
    return ProtocolError(str(exc))


__all__ = [
    "Clock",
    "SystemClock",
    "PoliteClient",
    "FetchResult",
    "HttpError",
    "RobotsDisallowed",
    "HostUnavailable",
    "FetchFailed",
    "BodyTooLarge",
    "CaBundleError",
    "resolve_ca_bundle",
    "DEFAULT_USER_AGENT",
    "DEFAULT_DELAY",
    "DEFAULT_READ_TIMEOUT",
    "MIN_DELAY",
    "is_loopback_host",
    "host_key",
    "build_url",
    "describe_exception",
]
