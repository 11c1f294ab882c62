#!/usr/bin/env python
"""Search benchmark: the archive's Whoosh index against a SQLite FTS5 baseline, same corpus, same run.

    .venv/bin/python scripts/bench_search.py --items 20000 [--queries 60] [--keep DIR] [--skip-sqlite]

Generates a synthetic corpus shaped like real minutes (reported speech, ~2 KB items, 40 committees,
~600 speakers, the topic taxonomy, meetings 2005-2026), indexes it through the real pipeline
(``documents.build_document`` -> ``WhooshBackend.rebuild``), then runs a fixed query mix:

  words      1-3 word queries, facets on
  phrase     "two or three word" phrases, facets on
  longphrase "three or four word" phrases (verified against the stored text), facets on
  filtered   words + committee, speaker and year filters, facets on
  daterange  words + a date range, facets on
  highlight  words, top 10 with highlighted snippets, facets on

and prints p50/p95 per class, build rate, index size and peak memory, then the same for FTS5
(bm25 ranking, facets by GROUP BY over the match set) and the ratios. Figures vary +-25% on a
shared machine; compare ratios within one run.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.documents import build_document  # noqa: E402
from indexer.extract.model import Commitment, Extraction, Speaker  # noqa: E402
from indexer.search_api import SearchRequest  # noqa: E402
from indexer.settings import SearchSettings  # noqa: E402
from indexer.whoosh_backend import WhooshBackend  # noqa: E402
from scraper.records import AgendaItem, ArchivedItem, Committee, Meeting, Site  # noqa: E402

TOPICS = ["community safety", "planning", "housing", "education and schools", "adult social care",
          "children's services", "public health", "transport and highways", "environment and climate",
          "finance and budget", "equalities and community cohesion", "licensing", "governance and standards",
          "regeneration and economy", "culture and leisure", "waste"]
COMMON = ("council committee members report officer meeting agreed noted city budget plan planning "
          "housing schools school children services service community safety police residents ward "
          "funding review consultation proposals proposal scheme policy strategy update data support "
          "work programme development transport road roads traffic parking waste recycling health care "
          "social adult public people local area areas years year month months cost costs savings "
          "contract procurement performance risk risks issues issue concerns concern question questions "
          "response partners partnership training event events group groups number numbers increase "
          "decrease level levels impact needs provision access centre centres library libraries park "
          "parks leisure culture heritage climate emergency carbon energy homes tenants repairs rent "
          "licence licensing application applications appeal decision decisions recommendation").split()
VERBS = ["asked", "replied", "explained", "added", "reported", "suggested", "confirmed", "noted", "stated",
         "welcomed", "queried", "advised", "commented", "responded"]
ROLES = ["Director of Finance", "Head of Community Safety", "City Mayor", "Chief Executive", "Planning Officer",
         "Director of Public Health", "Scrutiny Policy Officer", "Head of Housing", "Police Inspector"]


def make_vocab(rnd: random.Random, n: int = 12000) -> list[str]:
    sy = ["ban", "cor", "del", "fin", "gra", "hol", "ket", "lan", "mor", "nes", "pol", "ris", "sta", "tur",
          "ven", "wel", "ary", "ment", "tion", "ing", "ed", "er", "ous", "ive", "al"]
    words = set(COMMON)
    while len(words) < n:
        words.add("".join(rnd.choice(sy) for _ in range(rnd.randint(2, 4))))
    out = list(COMMON) + sorted(words - set(COMMON))
    return out


class CorpusGenerator:
    """Deterministic: item i is the same every time it is generated (both engines see one corpus)."""

    def __init__(self, n: int, seed: int = 42) -> None:
        rnd = random.Random(seed)
        self.n = n
        self.seed = seed
        self.vocab = make_vocab(rnd)
        self.weights = [1.0 / (i + 1) ** 1.05 for i in range(len(self.vocab))]
        self.cum = list(_accumulate(self.weights))
        first = ["William", "Daxa", "Sean", "Rita", "Ross", "Sue", "John", "Ann", "Patrick", "Elly", "Kirk",
                 "Mohammed", "Vi", "Lynn", "Paul", "Deborah", "Hemant", "Manjula", "Abdul", "Ted"]
        last = ["Knopp", "Pancholi", "Grant", "Patel", "Willmott", "Cole", "Barton", "Singh", "Kitterick",
                "Cutkelvin", "Master", "Dawood", "Rae", "Bajaj", "Clair", "Joshi", "Russell", "Waddington",
                "Porter", "Dempster", "Sood", "Chamund", "Aldred", "Halford", "Unsworth", "Moore", "Gee",
                "Kaur", "Thalukdar", "March", "Westley"]
        people = [f"{f} {l}" for f in first for l in last]
        rnd.shuffle(people)
        self.speakers = people[:600]
        self.committees = [f"{w.title()} {k}" for w, k in zip(
            (COMMON * 3)[:40], ["Scrutiny Commission", "Committee", "Board", "Panel"] * 10)]
        self.site = Site("bench.moderngov.co.uk", "https://bench.moderngov.co.uk", "Bench City Council")
        self.site2 = Site("bench2.moderngov.co.uk", "https://bench2.moderngov.co.uk", "Second Borough Council")

    def words(self, rnd: random.Random, k: int) -> list[str]:
        return rnd.choices(self.vocab, cum_weights=self.cum, k=k)

    def sentence(self, rnd: random.Random, who: str) -> str:
        body = " ".join(self.words(rnd, rnd.randint(10, 22)))
        return f"{who} {rnd.choice(VERBS)} that {body}."

    def item(self, i: int) -> tuple[ArchivedItem, Extraction]:
        rnd = random.Random(self.seed * 1_000_003 + i)
        meeting_id = i // 8
        mrnd = random.Random(self.seed * 7919 + meeting_id)
        committee_no = mrnd.randrange(40)
        when = date(2005, 1, 1) + timedelta(days=mrnd.randrange(0, 365 * 21 + 300))
        site = self.site if committee_no < 30 else self.site2
        names = rnd.sample(self.speakers[committee_no * 15: committee_no * 15 + 40], rnd.randint(2, 5))
        paras = []
        size = 0
        while size < 1700:
            who = rnd.choice([f"Councillor {n.split()[-1]}" for n in names] + ["The Chair", "A Member"]
                             + [f"The {r}" for r in ROLES[:3]])
            p = self.sentence(rnd, who)
            paras.append(p)
            size += len(p) + 2
        minutes = "\n\n".join(paras)
        title = " ".join(self.words(rnd, rnd.randint(2, 6))).capitalize()
        agenda = " ".join(self.words(rnd, 40)).capitalize() + "."
        item = AgendaItem(site=site.key, item_id=i, meeting_id=meeting_id, committee_id=committee_no, number=f"{i % 8 + 1}.",
                          title=title, agenda_text=agenda, minutes_text=minutes,
                          decision_text="RESOLVED: that the report be noted." if rnd.random() < 0.5 else "",
                          position=i % 8, source_url=f"{site.base_url}/mgAi.aspx?ID={i}")
        meeting = Meeting(site=site.key, meeting_id=meeting_id, committee_id=committee_no, date=when)
        com = Committee(site=site.key, committee_id=committee_no, title=self.committees[committee_no])
        extraction = Extraction(
            speakers=tuple(Speaker(n, None, "councillor", (f"Councillor {n.split()[-1]}",)) for n in names),
            commitments=(Commitment("circulate the figures", names[0], None, "firm"),) if rnd.random() < 0.2 else (),
            topics=tuple(rnd.sample(TOPICS, rnd.randint(1, 3))),
        )
        return ArchivedItem(item=item, meeting=meeting, committee=com, site=site), extraction

    def documents(self):
        for i in range(self.n):
            a, e = self.item(i)
            yield build_document(a, e, fp=f"{i:032x}")


def _accumulate(ws):
    total = 0.0
    for w in ws:
        total += w
        yield total


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(p / 100.0 * (len(s) - 1)))))
    return s[k]


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children: a build figure that a busy shared
    machine disturbs less than wall time."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# ----------------------------------------------------------------------------------- query mix

def query_mix(gen: CorpusGenerator, count: int, seed: int = 9) -> dict[str, list[SearchRequest]]:
    rnd = random.Random(seed)
    mid = gen.vocab[20:2000]
    phrases: list[str] = []
    while len(phrases) < count:
        a, e = gen.item(rnd.randrange(gen.n))
        toks = [t for t in a.item.minutes_text.replace(".", " ").split() if t.islower()]
        j = rnd.randrange(0, max(1, len(toks) - 3))
        phrases.append('"' + " ".join(toks[j: j + rnd.randint(2, 3)]) + '"')
    # 3-4 word phrases (own generator, so the other classes stay the same as in earlier runs):
    # these are the ones verified against the stored text after the word-pair candidate step.
    long_rnd = random.Random(seed + 1)
    long_phrases: list[str] = []
    while len(long_phrases) < count:
        a, e = gen.item(long_rnd.randrange(gen.n))
        toks = [t for t in a.item.minutes_text.replace(".", " ").split() if t.islower()]
        j = long_rnd.randrange(0, max(1, len(toks) - 4))
        long_phrases.append('"' + " ".join(toks[j: j + long_rnd.randint(3, 4)]) + '"')

    def words() -> str:
        return " ".join(rnd.choice(mid if rnd.random() < 0.7 else COMMON) for _ in range(rnd.randint(1, 3)))

    mix: dict[str, list[SearchRequest]] = {"words": [], "phrase": [], "longphrase": [], "filtered": [], "daterange": [],
                                           "highlight": [], "misspelt": [], "hostile": []}
    hostile = ["*a*", "[a TO z]", "x" * 10_000, "council " * 1200, '"unbalanced quote', "((((", "the of and to",
               "NOT", "-council", "speaker:", "/re.*gex/"]
    for _ in range(count):
        mix["words"].append(SearchRequest(q=words(), highlight=False))
        mix["phrase"].append(SearchRequest(q=phrases[len(mix["phrase"])], highlight=False))
        mix["longphrase"].append(SearchRequest(q=long_phrases[len(mix["longphrase"])], highlight=False))
        c = rnd.randrange(40)
        mix["filtered"].append(SearchRequest(
            q=words(), committee=(gen.committees[c],), speaker=(rnd.choice(gen.speakers[c * 15: c * 15 + 40]),),
            year=tuple(sorted(rnd.sample(range(2005, 2027), 2))), highlight=False))
        y = rnd.randrange(2005, 2024)
        mix["daterange"].append(SearchRequest(q=words(), date_from=date(y, 1, 1), date_to=date(y + rnd.randint(0, 3), 12, 31),
                                              highlight=False))
        mix["highlight"].append(SearchRequest(q=words(), per_page=10, highlight=True))
        w = list(rnd.choice(mid[:500]))
        i = rnd.randrange(1, len(w) - 1)
        w[i], w[i + 1] = w[i + 1], w[i]  # a transposition typo: exercises "did you mean"
        mix["misspelt"].append(SearchRequest(q="".join(w) + " " + rnd.choice(COMMON), highlight=True))
        mix["hostile"].append(SearchRequest(q=hostile[len(mix["hostile"]) % len(hostile)], highlight=True))
    return mix


# ------------------------------------------------------------------------------------ whoosh

def _docs_for(gen: CorpusGenerator):
    def to_docs(batch):
        return [build_document(*gen.item(i), fp=f"{i:032x}") for i in batch]
    return to_docs


def run_whoosh(gen: CorpusGenerator, mix, workdir: Path, procs: int = 1) -> dict:
    backend = WhooshBackend(workdir / "index", SearchSettings(refresh_interval_s=3600, time_limit_ms=60_000))
    t0 = time.perf_counter()
    cpu0 = _cpu_seconds()
    if procs > 1:
        backend.rebuild_parallel(range(gen.n), _docs_for(gen), procs=procs)
    else:
        backend.rebuild(gen.documents())
    build_s = time.perf_counter() - t0
    build_cpu = _cpu_seconds() - cpu0
    t0 = time.perf_counter()
    backend.search(SearchRequest(q="council"))  # opens the searcher, loads arrays
    open_s = time.perf_counter() - t0
    results = {"build_s": build_s, "rate": gen.n / build_s, "open_s": open_s, "cpu_rate": gen.n / build_cpu,
               "size_mb": dir_size(workdir / "index") / 1e6, "classes": {}}
    for name, reqs in mix.items():
        times = []
        suggested = partial = hits = 0
        for r in reqs:
            t = time.perf_counter()
            page = backend.search(r)
            times.append((time.perf_counter() - t) * 1000)
            suggested += page.suggestion is not None
            partial += page.partial
            if page.partial:
                print(f"  partial: {name} {r.q[:60]!r} ({page.total} results, {times[-1]:.0f} ms)", file=sys.stderr)
            hits += page.total
        results["classes"][name] = times
        results.setdefault("hits", {})[name] = hits
        results.setdefault("notes", {})[name] = (suggested, partial)
    results["peak_mb"] = peak_rss_mb()
    results["child_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    return results


# ------------------------------------------------------------------------------------ sqlite

def fts_query(q: str) -> str:
    if q.startswith('"'):
        return q
    return " AND ".join('"%s"' % w.replace('"', "") for w in q.split())


def run_sqlite(gen: CorpusGenerator, mix, workdir: Path) -> dict:
    path = workdir / "fts.sqlite3"
    db = sqlite3.connect(path)
    db.executescript("""
        PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
        CREATE TABLE items(rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, committee TEXT, council TEXT, year INT, date INT,
                           title TEXT, body TEXT);
        CREATE TABLE speakers(rowid INT, speaker TEXT);
        CREATE TABLE topics(rowid INT, topic TEXT);
        CREATE VIRTUAL TABLE fts USING fts5(title, body, content='items', content_rowid='rowid', tokenize='porter');
    """)
    t0 = time.perf_counter()
    with db:
        for n, d in enumerate(gen.documents(), 1):
            dn = d["date"].year * 10000 + d["date"].month * 100 + d["date"].day if d["date"] else 0
            body = "\n".join((d["agenda_text"], d["minutes_text"], d["decision_text"]))
            db.execute("INSERT INTO items VALUES (?,?,?,?,?,?,?,?)", (n, d["id"], d["committee"], d["council"], d["year"], dn, d["title"], body))
            db.execute("INSERT INTO fts(rowid, title, body) VALUES (?,?,?)", (n, d["title"], body))
            db.executemany("INSERT INTO speakers VALUES (?,?)", [(n, s) for s in d["speakers"]])
            db.executemany("INSERT INTO topics VALUES (?,?)", [(n, s) for s in d["topics"]])
        db.execute("CREATE INDEX sp ON speakers(rowid)")
        db.execute("CREATE INDEX tp ON topics(rowid)")
        db.execute("CREATE INDEX sps ON speakers(speaker)")
    build_s = time.perf_counter() - t0
    results = {"build_s": build_s, "rate": gen.n / build_s, "size_mb": path.stat().st_size / 1e6, "classes": {}}

    def search(r: SearchRequest) -> None:
        where = ["fts MATCH ?"]
        args: list = [fts_query(r.q)]
        if r.committee:
            where.append("items.committee IN (%s)" % ",".join("?" * len(r.committee)))
            args += list(r.committee)
        if r.year:
            where.append("items.year IN (%s)" % ",".join("?" * len(r.year)))
            args += list(r.year)
        if r.speaker:
            where.append("items.rowid IN (SELECT rowid FROM speakers WHERE speaker IN (%s))" % ",".join("?" * len(r.speaker)))
            args += list(r.speaker)
        if r.date_from:
            where.append("items.date BETWEEN ? AND ?")
            args += [r.date_from.year * 10000 + 101, r.date_to.year * 10000 + 1231]
        w = " AND ".join(where)
        base = f"FROM fts JOIN items ON items.rowid = fts.rowid WHERE {w}"
        snip = "snippet(fts, 1, '<mark>', '</mark>', '…', 30)" if r.highlight else "''"
        db.execute(f"SELECT items.id, items.title, {snip} {base} ORDER BY bm25(fts, 3.0, 1.0) LIMIT ?", args + [r.per_page]).fetchall()
        db.execute(f"SELECT count(*) {base}", args).fetchone()
        db.execute(f"SELECT items.committee, count(*) {base} GROUP BY 1 ORDER BY 2 DESC LIMIT 20", args).fetchall()
        db.execute(f"SELECT items.year, count(*) {base} GROUP BY 1", args).fetchall()
        db.execute(f"SELECT items.council, count(*) {base} GROUP BY 1", args).fetchall()
        db.execute(f"SELECT s.speaker, count(*) FROM speakers s WHERE s.rowid IN (SELECT items.rowid {base}) GROUP BY 1 ORDER BY 2 DESC LIMIT 20", args).fetchall()
        db.execute(f"SELECT t.topic, count(*) FROM topics t WHERE t.rowid IN (SELECT items.rowid {base}) GROUP BY 1 ORDER BY 2 DESC LIMIT 20", args).fetchall()

    for name, reqs in mix.items():
        if name == "hostile":
            continue  # FTS5 would need its own escaping; not a like-for-like class
        times = []
        for r in reqs:
            t = time.perf_counter()
            search(r)
            times.append((time.perf_counter() - t) * 1000)
        results["classes"][name] = times
    db.close()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=20000)
    ap.add_argument("--queries", type=int, default=60, help="queries per class")
    ap.add_argument("--keep", type=Path, default=None, help="keep the indexes in this directory")
    ap.add_argument("--skip-sqlite", action="store_true")
    ap.add_argument("--procs", type=int, default=2, help="worker processes for the Whoosh build (1: in-process)")
    args = ap.parse_args()

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench-search-"))
    workdir.mkdir(parents=True, exist_ok=True)
    gen = CorpusGenerator(args.items)
    sample = gen.item(0)[0].item
    avg = statistics.mean(len(gen.item(i)[0].item.minutes_text) + len(gen.item(i)[0].item.agenda_text) for i in range(50))
    mix = query_mix(gen, args.queries)
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    print(f"corpus: {args.items} items, ~{avg:,.0f} chars each, 40 committees, {len(gen.speakers)} speakers; "
          f"{args.queries} queries per class (e.g. {sample.title!r})")
    try:
        w = run_whoosh(gen, mix, workdir, args.procs)
        s = None if args.skip_sqlite else run_sqlite(gen, mix, workdir)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(f"{'':<12}{'whoosh p50':>12}{'p95':>9}{'fts5 p50':>11}{'p95':>9}{'p95 ratio':>11}")
    for name, times in w["classes"].items():
        line = f"{name:<12}{pct(times, 50):>10.1f}ms{pct(times, 95):>7.1f}ms"
        if s and name in s["classes"]:
            st = s["classes"][name]
            line += f"{pct(st, 50):>9.1f}ms{pct(st, 95):>7.1f}ms{pct(times, 95) / max(pct(st, 95), 1e-9):>10.1f}x"
        print(line)
    sug, _ = w["notes"]["misspelt"]
    print(f"(misspelt: 'did you mean' offered for {sug} of {len(w['classes']['misspelt'])}; "
          f"partial results: {sum(p for _, p in w['notes'].values())} of all queries)")
    print(f"(total hits summed over the class: phrase {w['hits']['phrase']:,}, longphrase {w['hits']['longphrase']:,})")
    print()
    print(f"whoosh: build {w['rate']:,.0f} items/s ({w['build_s']:.1f} s, {args.procs} process(es); "
          f"{w['cpu_rate']:,.0f} items per CPU-second), first search "
          f"{w['open_s'] * 1000:.0f} ms, index {w['size_mb']:.0f} MB, peak RSS {w['peak_mb']:.0f} MB"
          + (f" (largest build worker {w['child_peak_mb']:.0f} MB)" if args.procs > 1 else ""))
    if s:
        print(f"fts5:   build {s['rate']:,.0f} items/s ({s['build_s']:.1f} s), database {s['size_mb']:.0f} MB; "
              f"build ratio {w['rate'] / s['rate']:.2f}x")


if __name__ == "__main__":
    main()
