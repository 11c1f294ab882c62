"""Test corpora built from record objects directly (no archive store needed)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from indexer.documents import build_document
from indexer.extract.model import Commitment, Decision, Extraction, Speaker
from scraper.records import AgendaItem, ArchivedItem, Attendee, Committee, Meeting, Site

LEICESTER = Site(key="leicester.moderngov.co.uk", base_url="https://leicester.moderngov.co.uk", name="Leicester City Council")
NOTTS = Site(key="notts.moderngov.co.uk", base_url="https://notts.moderngov.co.uk", name="Nottingham City Council")


def make_item(
    item_id: int,
    title: str,
    minutes: str = "",
    agenda: str = "",
    decision: str = "",
    *,
    site: Site = LEICESTER,
    committee: str = "Overview Select Committee",
    committee_id: int = 1,
    meeting_id: int | None = None,
    when: date | None = date(2018, 11, 1),
    position: int = 0,
    speakers: tuple[tuple[str | None, str], ...] = (),
    topics: tuple[str, ...] = (),
    commitments: tuple[Commitment, ...] = (),
    restricted: bool = False,
) -> tuple[ArchivedItem, Extraction]:
    meeting_id = meeting_id if meeting_id is not None else item_id // 10 + 1000
    item = AgendaItem(
        site=site.key, item_id=item_id, meeting_id=meeting_id, committee_id=committee_id,
        number=f"{position + 1}.", title=title, agenda_text=agenda, minutes_text=minutes,
        decision_text=decision, restricted=restricted, position=position,
        source_url=f"{site.base_url}/mgAi.aspx?ID={item_id}",
    )
    meeting = Meeting(site=site.key, meeting_id=meeting_id, committee_id=committee_id, date=when,
                      source_url=f"{site.base_url}/ieListDocuments.aspx?MId={meeting_id}",
                      attendees=(Attendee("Councillor Grant", "Committee Member", "Present"),))
    com = Committee(site=site.key, committee_id=committee_id, title=committee)
    archived = ArchivedItem(item=item, meeting=meeting, committee=com, site=site, content_hash=f"h{item_id}")
    extraction = Extraction(
        speakers=tuple(Speaker(name=n, role=None, kind=k, mentions=(n or "A Member",)) for n, k in speakers),
        decisions=(Decision(decision),) if decision else (),
        commitments=commitments,
        topics=topics,
    )
    return archived, extraction


def docs(pairs) -> list[dict]:
    return [build_document(a, e) for a, e in pairs]


def fixed_corpus() -> list[tuple[ArchivedItem, Extraction]]:
    """Hand-written items for ranking, phrase and highlighting assertions."""
    return [
        make_item(1, "Presentation on the Prevent programme",
                  minutes="Inspector Knopp replied that schools submitted the largest numbers of referrals. "
                          "A further training session could be arranged if required.",
                  agenda="The Committee will receive an update on the anti-terror Prevent programme.",
                  decision="that the presentation and comments from Members be noted.",
                  speakers=(("William Knopp", "external"), ("Daxa Pancholi", "officer"), (None, "anonymous_member")),
                  topics=("community safety",),
                  commitments=(Commitment("arrange a further training session", "Prevent Co-ordinator", None, "soft", "if required"),
                               Commitment("hold a Channel event", "Inspector Knopp", date(2018, 11, 14), "firm")),
                  when=date(2018, 11, 1), position=4, meeting_id=77),
        make_item(2, "Housing allocations policy",
                  minutes="Members discussed the planning of new council homes and the prevent eviction scheme. "
                          "Councillor Grant asked about the housing waiting list.",
                  speakers=(("Councillor Grant", "councillor"),), topics=("housing",),
                  committee="Housing Scrutiny Commission", committee_id=2, when=date(2019, 3, 5), meeting_id=88),
        make_item(3, "Local plan consultation",
                  minutes="The planning officer presented the plans for the city centre. Members said the plans "
                          "for community safety were welcome; community and safety teams would work together.",
                  speakers=(("Grant Shaw", "officer"),), topics=("planning", "community safety"),
                  committee="Planning and Development Control Committee", committee_id=3, when=date(2020, 6, 9), meeting_id=99),
        make_item(4, "Minutes of the previous meeting",
                  minutes="The minutes of the meeting held on 4 October were agreed as a correct record. "
                          "The Chair thanked the Prevent team.",
                  speakers=((None, "chair"),), when=date(2018, 11, 1), position=0, meeting_id=77),
        make_item(5, "Bus services <script>alert(1)</script>",
                  minutes='Concerns about bus routes <img src=x onerror="alert(1)"> and fares were raised.',
                  committee="Transport Panel", committee_id=4, site=NOTTS, when=date(2021, 1, 20), meeting_id=5,
                  topics=("transport and highways",), speakers=(("William Knopp", "external"),)),
        make_item(6, "Exempt item: contract award", restricted=True, when=None, committee="Cabinet",
                  committee_id=5, meeting_id=6),
    ]


COMMITTEES = [f"Committee {name}" for name in ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta")]
PEOPLE = ["Ann Able", "Bob Baker", "Cat Clark", "Dan Dodd", "Eve Evans", "Fay Ford", "Gus Grant", "Hal Hill"]
TOPICS = ["housing", "planning", "transport and highways", "community safety", "finance and budget"]
WORDS = ("budget school road housing police safety waste library park grant funding report review "
         "consultation residents ward traffic parking homes repairs officers members scheme policy").split()


def random_corpus(n: int = 120, seed: int = 7) -> list[tuple[ArchivedItem, Extraction]]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        # meeting-level facts (date, committee, council) are the same for the meeting's four items
        mrnd = random.Random(seed * 100_003 + i // 4)
        when = date(2010, 1, 1) + timedelta(days=mrnd.randrange(0, 365 * 12)) if mrnd.random() > 0.05 else None
        com = mrnd.choice(COMMITTEES)
        site = LEICESTER if mrnd.random() < 0.7 else NOTTS
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(20, 60)))
        out.append(make_item(
            1000 + i,
            " ".join(rnd.choice(WORDS) for _ in range(3)).capitalize(),
            minutes=text,
            agenda=" ".join(rnd.choice(WORDS) for _ in range(10)),
            site=site,
            committee=com, committee_id=10 + COMMITTEES.index(com),
            meeting_id=2000 + i // 4, position=i % 4, when=when,
            speakers=tuple((p, "councillor") for p in rnd.sample(PEOPLE, rnd.randint(0, 3))),
            topics=tuple(rnd.sample(TOPICS, rnd.randint(0, 2))),
        ))
    return out
