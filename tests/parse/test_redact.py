"""Exempt items' text is removed from a GetMeeting answer before it is stored."""

from __future__ import annotations

from scraper.parse.redact import redact_restricted_items
from scraper.parse.webservice import parse_meeting

ANSWER = b"""<?xml version="1.0" encoding="utf-8"?>
<meeting><meetingid>9</meetingid><meetingdate>10/02/2026</meetingdate><meetingstatus>Confirmed</meetingstatus>
<agendaitems>
 <agendaitem><agendaitemid>1</agendaitemid><agendaitemtitle>Open item</agendaitemtitle>
  <fulldisplaynumberformat>1.</fulldisplaynumberformat><isrestricted>False</isrestricted>
  <minutesnonemptyhtmlbody>&lt;p&gt;Public minutes.&lt;/p&gt;</minutesnonemptyhtmlbody></agendaitem>
 <agendaitem><agendaitemid>2</agendaitemid><agendaitemtitle>Exempt property matter</agendaitemtitle>
  <fulldisplaynumberformat>2.</fulldisplaynumberformat><isrestricted>True</isrestricted>
  <agendatext>&lt;p&gt;Sale price of 4 Mill Lane: 250,000 pounds.&lt;/p&gt;</agendatext>
  <minutesnonemptyhtmlbody>&lt;p&gt;The tenant, Mr Secret, owes rent.&lt;/p&gt;</minutesnonemptyhtmlbody>
  <linkeddocuments><linkeddoc><attachmentid>5</attachmentid><title>Valuation</title>
   <url>https://example.gov.uk/mgConvert2PDF.aspx?ID=5</url></linkeddoc></linkeddocuments></agendaitem>
</agendaitems></meeting>"""


def test_restricted_text_and_documents_are_removed_and_the_rest_kept():
    redacted = redact_restricted_items(ANSWER)
    assert redacted is not None
    for secret in (b"250,000", b"Mr Secret", b"Valuation", b"mgConvert2PDF"):
        assert secret not in redacted
    for kept in (b"Exempt property matter", b"Public minutes", b"<isrestricted>True</isrestricted>"):
        assert kept in redacted


def test_parsing_the_redacted_answer_gives_the_same_records():
    def parsed(body: bytes):
        return parse_meeting(body, "example.gov.uk", 144, "https://example.gov.uk")

    assert parsed(redact_restricted_items(ANSWER)) == parsed(ANSWER)


def test_nothing_to_redact_or_not_xml_leaves_the_body_alone():
    assert redact_restricted_items(ANSWER.replace(b"<isrestricted>True", b"<isrestricted>False")) is None
    assert redact_restricted_items(b"<html><body>isrestricted</body></html") is None
    assert redact_restricted_items(b"no xml at all") is None
