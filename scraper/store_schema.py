"""The archive database's schema, as numbered migrations (``PRAGMA user_version`` = how many ran).

A new version appends a migration; none is ever edited once released, so any older archive can be
brought forward and a newer one is refused with a clear message by ``ArchiveStore``.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: initial schema
    """
    CREATE TABLE sites (
        key         TEXT PRIMARY KEY,
        base_url    TEXT NOT NULL,
        name        TEXT NOT NULL,
        source_mode TEXT,                      -- how the last crawl listed it: webservice | html
        first_seen  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    CREATE TABLE blobs (
        sha256      TEXT PRIMARY KEY,          -- of the uncompressed body
        size        INTEGER NOT NULL,
        compression TEXT NOT NULL,             -- 'zlib'
        data        BLOB NOT NULL
    );
    CREATE TABLE crawl_runs (
        id          INTEGER PRIMARY KEY,
        site        TEXT NOT NULL,
        base_url    TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        status      TEXT NOT NULL,             -- running | completed | failed
        since       TEXT,
        until       TEXT,
        options     TEXT NOT NULL,             -- canonical JSON: source, committees, refresh
        summary     TEXT                       -- JSON counts, written when the run ends
    );
    CREATE INDEX crawl_runs_site ON crawl_runs(site, status);
    CREATE TABLE captures (
        id            INTEGER PRIMARY KEY,
        site          TEXT NOT NULL,           -- a site key; no FK: a URL that fails validation is no site
        run_id        INTEGER REFERENCES crawl_runs(id),
        kind          TEXT NOT NULL,           -- ws_committees, ws_meetings, ws_meeting, html_meeting, ...
        requested_url TEXT NOT NULL,
        url           TEXT NOT NULL,           -- after redirects
        fetched_at    TEXT NOT NULL,
        status        INTEGER NOT NULL,
        content_type  TEXT,
        headers       TEXT NOT NULL,           -- JSON list of [name, value]
        sha256        TEXT NOT NULL REFERENCES blobs(sha256),
        size          INTEGER NOT NULL,
        meta          TEXT NOT NULL,           -- JSON: what was asked for (committee_id, meeting_id, item_id, ...)
        rejected      TEXT                     -- why it is not data (WAF challenge, error page), else NULL
    );
    CREATE INDEX captures_site_kind ON captures(site, kind);
    CREATE INDEX captures_url ON captures(requested_url);
    CREATE TABLE committees (
        key          TEXT PRIMARY KEY,
        site         TEXT NOT NULL REFERENCES sites(key),
        committee_id INTEGER NOT NULL,
        title        TEXT NOT NULL,
        record       TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        sources      TEXT NOT NULL,            -- JSON: capture ids it was parsed from
        first_seen   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,            -- last time its content changed
        last_seen    TEXT NOT NULL
    );
    CREATE INDEX committees_site ON committees(site);
    CREATE TABLE meetings (
        key          TEXT PRIMARY KEY,
        site         TEXT NOT NULL REFERENCES sites(key),
        meeting_id   INTEGER NOT NULL,
        committee_id INTEGER NOT NULL,
        date         TEXT,
        record       TEXT NOT NULL,            -- Meeting JSON, attendees and documents included
        content_hash TEXT NOT NULL,            -- of the meeting record and its items together
        has_minutes  INTEGER NOT NULL,
        source_mode  TEXT NOT NULL,            -- webservice | html
        sources      TEXT NOT NULL,            -- JSON: which captures it was built from (for reparse)
        first_seen   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,            -- last time its content changed
        last_checked TEXT NOT NULL             -- last time it was fetched and parsed
    );
    CREATE INDEX meetings_site ON meetings(site, committee_id, date);
    CREATE TABLE items (
        key          TEXT PRIMARY KEY,
        site         TEXT NOT NULL REFERENCES sites(key),
        meeting_key  TEXT NOT NULL REFERENCES meetings(key) ON DELETE CASCADE,
        item_id      INTEGER NOT NULL,
        position     INTEGER NOT NULL,
        record       TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        first_seen   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    );
    CREATE INDEX items_meeting ON items(meeting_key, position);
    CREATE INDEX items_site ON items(site);
    CREATE TABLE crawl_progress (
        run_id      INTEGER NOT NULL REFERENCES crawl_runs(id) ON DELETE CASCADE,
        meeting_key TEXT NOT NULL,
        outcome     TEXT NOT NULL,             -- new | changed | unchanged | settled
        detail      TEXT NOT NULL,             -- JSON: item counts of that meeting's write
        done_at     TEXT NOT NULL,
        PRIMARY KEY (run_id, meeting_key)
    );
    CREATE TABLE crawl_errors (
        id     INTEGER PRIMARY KEY,
        site   TEXT NOT NULL,
        run_id INTEGER REFERENCES crawl_runs(id),
        kind   TEXT NOT NULL,                  -- fetch | parse | rejected | robots | skipped_link
        url    TEXT NOT NULL,
        reason TEXT NOT NULL,
        at     TEXT NOT NULL
    );
    CREATE INDEX crawl_errors_site ON crawl_errors(site, run_id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]
