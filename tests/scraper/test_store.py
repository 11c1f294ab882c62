"""ArchiveStore: captures before records, idempotent upserts, resumable runs, reading API."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, datetime, timezone

import pytest

from scraper import serialize
from scraper.records import AgendaItem, Attendee, Committee, Document, Meeting, Site
from scraper.store import SCHEMA_VERSION, ArchiveStore, StoreError

SITE = Site("council.example", "https://council.example", "Example Council")


def meeting(mid: int = 10, **kw) -> Meeting:
    base = dict(site=SITE.key, meeting_id=mid, committee_id=1, date=date(2021, 3, 4),
                attendees=(Attendee("Councillor A", "Chair", "Present", member_id=5),),
                documents=(Document("Pack", "https://council.example/documents/g10/pack.pdf"),))
    base.update(kw)
    return Meeting(**base)


def item(iid: int, mid: int = 10, **kw) -> AgendaItem:
    base = dict(site=SITE.key, item_id=iid, meeting_id=mid, committee_id=1, number=f"{iid}.", title=f"Item {iid}",
                minutes_text=f"Minutes of {iid}.")
    base.update(kw)
    return AgendaItem(**base)


@pytest.fixture
def store(tmp_path):
    s = ArchiveStore(tmp_path / "archive.sqlite3")
    s.upsert_site(SITE, "webservice")
    s.upsert_committee(Committee(SITE.key, 1, "Cabinet"), [])
    yield s
    s.close()


def test_schema_is_versioned_and_wal(tmp_path):
    path = tmp_path / "a.sqlite3"
    ArchiveStore(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        ArchiveStore(path)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable archive"):
        ArchiveStore(path)


def test_capture_round_trip_and_body_dedup(store):
    now = datetime.now(timezone.utc)
    args = dict(requested_url="https://council.example/x?a=1", url="https://council.example/x?a=1", status=200,
                content_type="text/html", headers=[("Content-Type", "text/html")], fetched_at=now)
    first = store.add_capture(SITE.key, "html_meeting", body=b"<p>page</p>" * 50, meta={"meeting_id": 3}, **args)
    second = store.add_capture(SITE.key, "html_meeting", body=b"<p>page</p>" * 50, **args)
    cap = store.get_capture(first)
    assert cap.body == b"<p>page</p>" * 50 and cap.status == 200 and cap.meta == {"meeting_id": 3}
    assert cap.headers == (("Content-Type", "text/html"),) and cap.fetched_at == now
    assert store._db.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1  # same body stored once
    stored_size = store._db.execute("SELECT length(data) FROM blobs").fetchone()[0]
    assert stored_size < len(cap.body)  # compressed
    store.reject_capture(second, "Incapsula/Imperva challenge")
    assert store.get_capture(second).rejected == "Incapsula/Imperva challenge"


def test_meeting_upsert_reports_new_changed_unchanged(store):
    items = [item(1), item(2)]
    w = store.write_meeting(meeting(), items, source_mode="webservice", sources={})
    assert (w.meeting, w.items_new) == ("new", 2)
    w = store.write_meeting(meeting(), items, source_mode="webservice", sources={})
    assert (w.meeting, w.items_new, w.items_changed, w.items_unchanged) == ("unchanged", 0, 0, 2)
    w = store.write_meeting(meeting(), [item(1), item(2, minutes_text="Amended.")], source_mode="html", sources={})
    assert (w.meeting, w.items_changed, w.items_unchanged) == ("changed", 1, 1)
    w = store.write_meeting(meeting(), [item(1)], source_mode="html", sources={})
    assert (w.meeting, w.items_removed) == ("changed", 1)
    assert store.item_keys() == {item(1).key}


def test_restricted_items_keep_title_only_on_write(store):
    leaked = item(7, restricted=True, agenda_text="secret", minutes_text="secret", decision_text="secret",
                  documents=(Document("Exempt appendix", "https://council.example/documents/s1/x.pdf"),))
    store.write_meeting(meeting(), [leaked], source_mode="webservice", sources={})
    (archived,) = list(store.iter_archived_items())
    assert archived.item.title == "Item 7" and archived.item.restricted
    assert (archived.item.agenda_text, archived.item.minutes_text, archived.item.decision_text) == ("", "", "")
    assert archived.item.documents == ()
    raw = store._db.execute("SELECT record FROM items").fetchone()[0]
    assert "secret" not in raw


def test_iter_archived_items_gives_context_and_stable_hashes(store):
    store.write_meeting(meeting(), [item(1), item(2)], source_mode="webservice", sources={})
    first = list(store.iter_archived_items())
    assert [a.item.item_id for a in first] == [1, 2]
    a = first[0]
    assert a.site == SITE and a.committee.title == "Cabinet" and a.meeting.attendees[0].member_id == 5
    assert a.meeting.documents[0].title == "Pack" and a.meeting.date == date(2021, 3, 4)
    assert [x.content_hash for x in store.iter_archived_items()] == [x.content_hash for x in first]
    # A meeting-level change (attendance) changes its items' hashes: they must be re-indexed.
    store.write_meeting(meeting(attendees=()), [item(1), item(2)], source_mode="webservice", sources={})
    assert [x.content_hash for x in store.iter_archived_items()][0] != first[0].content_hash
    assert list(store.iter_archived_items(site="elsewhere")) == []


def test_records_round_trip_through_json():
    m = meeting()
    assert serialize.loads(Meeting, serialize.dumps(m)) == m
    i = item(3, documents=(Document("D", "https://x/y.pdf", 4, date(2020, 1, 1)),))
    assert serialize.loads(AgendaItem, serialize.dumps(i)) == i
    assert serialize.content_hash(i) == serialize.content_hash(serialize.loads(AgendaItem, serialize.dumps(i)))


def test_runs_progress_and_resume_lookup(store):
    opts = {"source": "auto", "committees": [], "refresh": False}
    run = store.start_run(SITE.key, SITE.base_url, None, None, opts)
    store.write_meeting(meeting(), [item(1)], source_mode="webservice", sources={}, run_id=run)
    assert store.find_unfinished_run(SITE.key, None, None, opts) == run
    assert store.find_unfinished_run(SITE.key, date(2020, 1, 1), None, opts) is None
    assert store.completed_meetings(run)[meeting().key][0] == "new"
    store.finish_run(run, "completed", {"new": 2})
    assert store.find_unfinished_run(SITE.key, None, None, opts) is None
    assert store.last_harvested(SITE.base_url) is not None
    store.record_error(SITE.key, run, "parse", "https://council.example/x", "no div#modgov")
    (status,) = store.site_status()
    assert (status.committees, status.meetings, status.items, status.errors) == (1, 1, 1, 1)
    assert status.last_crawl.summary == {"new": 2}


def test_readers_see_consistent_snapshots_while_a_writer_writes(tmp_path):
    path = tmp_path / "a.sqlite3"
    writer = ArchiveStore(path)
    writer.upsert_site(SITE)
    writer.upsert_committee(Committee(SITE.key, 1, "Cabinet"), [])
    stop = threading.Event()
    errors: list[BaseException] = []

    def read() -> None:
        reader = ArchiveStore(path, readonly=True)
        try:
            while not stop.is_set():
                items = list(reader.iter_archived_items())
                # Meetings are written whole: a reader never sees half a meeting.
                assert len(items) % 5 == 0
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            reader.close()

    thread = threading.Thread(target=read)
    thread.start()
    for mid in range(1, 40):
        writer.write_meeting(meeting(mid), [item(mid * 10 + k, mid) for k in range(5)], source_mode="webservice",
                             sources={})
    stop.set()
    thread.join()
    assert not errors
    assert len(list(writer.iter_archived_items())) == 39 * 5


def test_item_hash_changes_only_with_what_the_indexer_sees(store):
    store.write_meeting(meeting(), [item(1), item(2)], source_mode="webservice", sources={})
    before = {a.item.item_id: a.content_hash for a in store.iter_archived_items()}
    # Another item of the same meeting changes: item 1 need not be re-indexed.
    store.write_meeting(meeting(), [item(1), item(2, minutes_text="Amended.")], source_mode="webservice", sources={})
    after = {a.item.item_id: a.content_hash for a in store.iter_archived_items()}
    assert after[1] == before[1] and after[2] != before[2]
    # The committee is renamed: every item of it must be re-indexed (the committee facet).
    store.upsert_committee(Committee(SITE.key, 1, "Cabinet (Executive)"), [])
    renamed = {a.item.item_id: a.content_hash for a in store.iter_archived_items()}
    assert renamed[1] != after[1] and renamed[2] != after[2]
    assert [a.item.item_id for a in store.iter_archived_items(site="https://council.example/")] == [1, 2]


def test_records_stored_by_older_or_newer_versions_still_load():
    old = '{"site":"s","item_id":1,"meeting_id":2,"committee_id":3,"number":"1.","title":"T"}'
    loaded = serialize.loads(AgendaItem, old)  # fields added since then take their defaults
    assert loaded.documents == () and loaded.minutes_text == "" and not loaded.restricted
    newer = '{"site":"s","meeting_id":2,"committee_id":3,"date":null,"future_field":[1,2]}'
    assert serialize.loads(Meeting, newer).date is None  # unknown fields are ignored
    assert serialize.canonical_json(meeting()) == serialize.canonical_json(serialize.loads(Meeting, serialize.dumps(meeting())))
