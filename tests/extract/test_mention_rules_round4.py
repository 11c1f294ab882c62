"""Speaker-mention rules added after tuning on the fourth held-out set (heldout4).

Every example here is invented for the rule it checks (none is a held-out passage); each rule has
positives and the negatives that guard it against what other councils' minutes also write.
"""

from __future__ import annotations

from indexer.extract.pipeline import extract_minutes


def speakers(text: str):
    return extract_minutes(text).speakers


def mentions(text: str) -> list[str]:
    return [m for s in speakers(text) for m in s.mentions]


# ------------------------------------------------------------------ 1. Welsh "Cyng." prefix


def test_welsh_cyng_prefix_names_a_councillor():
    text = (
        "4. Llwybrau / Footpaths: Cyng. Morwenna Price reported that the stile at Cae Du was broken. "
        "Cyng. Price asked that the county be told.\n"
        "Cynigiwyd / Proposed: Cyng. Tomos Rhys.\n"
    )
    got = speakers(text)
    by_name = {s.name: s for s in got}
    assert by_name["Councillor Morwenna Price"].mentions == ("Cyng. Morwenna Price", "Cyng. Price")
    assert by_name["Councillor Morwenna Price"].kind == "councillor"
    assert "Cyng. Tomos Rhys" in mentions(text)


def test_welsh_cyng_in_apologies_is_not_a_speaker():
    text = "1. Ymddiheuriadau / Apologies: Cyng. Alys Jenkins, Cyng. Bryn Owen.\n\n2. The Clerk reported on the bins.\n"
    got = mentions(text)
    assert not any("Jenkins" in m or "Owen" in m for m in got)


def test_other_tier_councillor_report_heading_makes_a_guest():
    text = ("7. District Councillor's report: District Cllr Imogen Tait reported that the car park "
            "charges would be reviewed.\n")
    (s,) = speakers(text)
    assert s.name == "District Councillor Imogen Tait"
    assert s.kind == "external"
    # at the district council itself a district councillor is a member
    (s,) = speakers("District Cllr Imogen Tait asked about the car park charges.\n")
    assert s.kind == "councillor"


# ------------------------------------------------------------------ 2. Welsh titles, head first


def test_welsh_title_with_its_portfolio_is_the_apposition_head():
    text = ("The Aelod Cabinet dros yr Amgylchedd, Cllr. R. Bevan, presented the report. "
            "Cllr. Bevan added that the bins would be replaced.\n")
    (s,) = speakers(text)
    assert s.mentions == ("The Aelod Cabinet dros yr Amgylchedd", "Cllr. Bevan")
    assert s.kind == "councillor"


def test_welsh_title_after_a_name_is_a_role_not_two_more_people():
    text = ("Mr Aled Morgan, Pennaeth Gwasanaethau'r Cyngor (Head of Council Services), explained the "
            "timetable. Mr Morgan confirmed the dates.\n")
    (s,) = speakers(text)
    assert s.mentions == ("Mr Aled Morgan", "Mr Morgan")
    assert s.kind == "officer"
    assert "Gwasanaethau" not in " ".join(mentions(text))


def test_welsh_title_as_object_is_not_a_speaker():
    text = "Cllr. N. Hughes thanked the Rheolwr Tai for the report.\n"
    assert mentions(text) == ["Cllr. N. Hughes"]


# ------------------------------------------------------------------ 3. one person, two posts


def test_clerk_and_rfo_is_one_person_and_the_clerk_later():
    text = ("6. Finance: The Clerk and RFO, Mrs Delyth Amos, presented the accounts. Councillor Finch "
            "asked about the reserves. The Clerk replied that they were adequate.\n")
    got = {s.name: s for s in speakers(text)}
    assert got["Mrs Delyth Amos"].mentions == ("The Clerk and RFO", "The Clerk")
    assert got["Mrs Delyth Amos"].kind == "officer"


def test_police_and_crime_commissioner_stays_one_post():
    text = ("The Police and Crime Commissioner, Mr Owen Pell, presented the plan. The Commissioner "
            "added that the precept would rise.\n")
    (s,) = speakers(text)
    assert s.name == "Mr Owen Pell" and s.mentions == ("The Police and Crime Commissioner", "The Commissioner")


# ------------------------------------------------------------------ 4. "who" after the body people came from


def test_who_after_the_body_is_the_welcomed_people():
    text = ("The Chair welcomed Ms Nia Hale and Mr Rob Tate from Hillcrest Allotment Society, who spoke "
            "about the water supply.\n")
    got = mentions(text)
    assert "Ms Nia Hale" in got and "Mr Rob Tate" in got


def test_welcomed_without_a_speaking_who_is_not_a_contribution():
    text = ("The Chair welcomed Ms Nia Hale from Hillcrest Allotment Society, which had won the county prize. "
            "Councillor Penn asked about the water supply.\n")
    assert mentions(text) == ["The Chair", "Councillor Penn"]


# ------------------------------------------------------------------ 5. surnames opening on a particle


def test_irish_surname_particle_joins_short_and_full_mentions():
    text = ("Councillor Orla Nic Aodha asked about the greenway. Alderman Gault replied. "
            "Councillor Nic Aodha thanked him.\n")
    got = {s.name: s.mentions for s in speakers(text)}
    assert got["Councillor Orla Nic Aodha"] == ("Councillor Orla Nic Aodha", "Councillor Nic Aodha")


def test_different_given_names_with_a_particle_surname_stay_two_people():
    text = "Councillor Ana de Souza asked about parking. Councillor Rui de Souza replied.\n"
    assert len(speakers(text)) == 2


# ------------------------------------------------------------------ 6. lower-case roles vouched for by a name


def test_lower_case_role_before_a_named_apposition_is_the_head():
    text = ("The employer side pensions adviser, Ms Ruth Kane, said that contributions would rise. "
            "The staff side representative, Mr Leo Ames, asked about the deficit.\n")
    got = {s.name: s for s in speakers(text)}
    assert got["Ms Ruth Kane"].mentions == ("The employer side pensions adviser",)
    assert got["Mr Leo Ames"].mentions == ("The staff side representative",)
    assert got["Mr Leo Ames"].kind == "external"


def test_lower_case_words_before_a_head_without_a_name_are_not_a_role():
    # no apposition: "the long awaited officer" is not vouched for, and the object stays an object
    text = "Councillor Pike thanked the hard working enforcement officer, who had retired. The Chair agreed.\n"
    assert mentions(text) == ["Councillor Pike", "The Chair"]


# ------------------------------------------------------------------ 7. the presiding member's acts


def test_putting_the_motion_to_the_vote_is_the_chairs_act():
    text = ("Councillor Ross moved the motion. The Chair put the amended motion to the vote and it was carried.\n")
    assert "The Chair" in mentions(text)


def test_a_motion_put_by_nobody_names_no_one():
    text = "The motion was put to the vote and declared carried.\n"
    assert mentions(text) == []


def test_accepted_by_the_chair_is_a_passive_agent_but_not_accepted_by_members():
    text = ("Councillor Hale proposed an additional recommendation, which was accepted by the Chairman. "
            "The report was accepted by Members.\n")
    got = mentions(text)
    assert "the Chairman" in got and "Members" not in got


# ------------------------------------------------------------------ 8. owners of the questions answered


def test_answered_members_questions_gives_members():
    text = "Superintendent Lyle Barr answered Members' questions on the night-time economy.\n"
    assert mentions(text) == ["Superintendent Lyle Barr", "Members"]


def test_answering_members_questions_participle_stays_as_labelled_before():
    text = "Answering Members' questions, the Head of Parks said that the lake would be dredged.\n"
    assert mentions(text) == ["the Head of Parks"]


# ------------------------------------------------------------------ 9. "who attended to ..." introductions


def test_who_attended_to_answer_introduces_apposed_heads_who_then_speak():
    text = ("The Chair welcomed the Police and Crime Commissioner, Ms Dara Quill, and the Chief Constable, "
            "Mr Ivo Penn, who attended to answer the Panel's questions. Ms Quill said that the precept "
            "would rise. Mr Penn added that recruitment was on track.\n")
    got = mentions(text)
    assert "the Police and Crime Commissioner" in got and "the Chief Constable" in got


def test_who_attended_as_observers_is_not_an_introduction():
    text = ("The Chair welcomed the Leader, Councillor Ada Vine, who attended as an observer. "
            "Councillor Bell asked about the budget.\n")
    got = mentions(text)
    assert "the Leader" not in got and "Councillor Ada Vine" not in got


# ------------------------------------------------------------------ 10. annual parish meeting of electors


def test_electors_are_the_public_at_a_parish_meeting():
    text = ("The Chairman of the Parish Council, Mrs Ivy Dunn, welcomed those present. An elector asked about the pond. "
            "Two electors said that the footpath was overgrown.\n")
    got = {tuple(s.mentions): s.kind for s in speakers(text)}
    assert got[("An elector",)] == "public"
    assert got[("Two electors",)] == "public"
    assert got[("The Chairman of the Parish Council",)] == "chair"


def test_electoral_services_is_not_an_elector():
    text = "The Electoral Services Manager said that the register would be published in December.\n"
    (s,) = speakers(text)
    assert s.kind == "officer"


# ------------------------------------------------------------------ 11. headings of answers


def test_response_heading_names_the_answering_member_by_role():
    text = ('(2) Mrs Gail Oro asked the following question:\n"Why is the library shut?"\n\n'
            'Response from the Cabinet Member for Culture, Councillor Idris Nye:\n"Staffing has been difficult."\n')
    got = {s.name: s.mentions for s in speakers(text)}
    assert got["Councillor Idris Nye"] == ("the Cabinet Member for Culture",)


def test_response_from_in_running_prose_is_not_a_heading():
    text = "The Clerk said that a response from the Highways Officer, Mr Ned Ives, was awaited.\n"
    assert mentions(text) == ["The Clerk"]


# ------------------------------------------------------------------ 12. a name, then a role listing areas


def test_name_before_a_role_with_a_comma_list_is_the_person():
    text = ("Tariq Noon, Waste, Recycling and Street Scene Manager at Vale Services, presented the report. "
            "Councillor Egan asked about glass.\n")
    got = {s.name: s for s in speakers(text)}
    assert got["Tariq Noon"].mentions == ("Tariq Noon",)
    assert "Street Scene Manager" in (got["Tariq Noon"].role or "")


def test_a_role_listing_areas_stays_one_role():
    text = "The Head of Waste, Recycling and Street Scene said that glass would be collected weekly.\n"
    assert mentions(text) == ["The Head of Waste, Recycling and Street Scene"]


# ------------------------------------------------------------------ 13. a post's remit in lower case


def test_lower_case_remit_belongs_to_the_apposed_post():
    text = ("The co-opted member for parent governors, Mrs Una Reid, asked about exclusions. "
            "The Director replied.\n")
    got = {s.name: s.mentions for s in speakers(text)}
    assert got["Mrs Una Reid"] == ("The co-opted member for parent governors",)


def test_lower_case_phrase_after_the_without_a_name_is_not_taken():
    text = "The Chair of the panel, Councillor Bea Moss, opened the meeting and welcomed everyone.\n"
    assert "The Chair" in mentions(text)


# ------------------------------------------------------------------ 14. "of" inside a post's name


def test_of_inside_the_words_before_the_head():
    text = ("Ms Lena Ford, Freedom of Information Officer, presented the annual return. "
            "The Freedom of Information Officer added that requests had doubled.\n")
    got = {s.name: s.mentions for s in speakers(text)}
    assert got["Ms Lena Ford"] == ("Ms Lena Ford", "The Freedom of Information Officer")


def test_report_of_an_officer_is_not_a_post():
    text = "The Report of Planning Officer was noted. Councillor Ames asked about the appeal.\n"
    assert mentions(text) == ["Councillor Ames"]


# ------------------------------------------------------------------ 15. headings with a dash


def test_heading_dash_with_a_capitalised_participle_is_not_a_contribution():
    text = "7.  Scrutiny Review – Proposed Changes to Bin Collections\n\nThe Waste Manager introduced the report.\n"
    assert mentions(text) == ["The Waste Manager"]


def test_note_form_dash_then_a_verb_still_speaks():
    text = "- Cllr Ryan Hale – asked whether the depot would move.\n- Cllr Joan Poll – Proposed the motion.\n"
    got = mentions(text)
    assert "Cllr Ryan Hale" in got and "Cllr Joan Poll" in got


# ------------------------------------------------------------------ 16. declarations of lobbying


def test_declared_lobbying_is_a_declaration_not_a_contribution():
    text = ("Councillor Nina Holt declared that she had been lobbied by the applicant on item 5. "
            "Councillor Vic Dale declared that he was approached by objectors.\n")
    assert mentions(text) == []


def test_declaring_the_meeting_open_is_still_the_chairs_act():
    text = "The Chair declared that the meeting was quorate and welcomed the new Clerk.\n"
    assert mentions(text) == ["The Chair"]


# ------------------------------------------------------------------ 17. an adjective inside a public role


def test_adjective_before_a_public_role_keeps_it_in_apposition():
    text = "Mr Lars Penn, a neighbouring householder, spoke against the extension. The Planning Officer replied.\n"
    got = {s.name: s for s in speakers(text)}
    assert set(mentions(text)) == {"Mr Lars Penn", "The Planning Officer"}
    assert got["Mr Lars Penn"].kind == "public"


def test_adjective_public_role_as_subject():
    text = "An elderly resident asked whether the bus would stop at the surgery.\n"
    assert mentions(text) == ["An elderly resident"]


# ------------------------------------------------------------------ 18. kinds: speaking for an outside body


def test_person_of_an_outside_body_is_external():
    text = ("Ms Ada Holt of the Riverside Housing Association said that repairs were behind. "
            "Mr Jon Kerr, Eastfield Community Council, asked about the bus.\n")
    got = {s.name: s.kind for s in speakers(text)}
    assert got["Ms Ada Holt"] == "external"
    assert got["Mr Jon Kerr"] == "external"


def test_person_of_a_principal_council_or_a_department_is_not_made_external():
    text = ("Ms Ada Holt of Northmoor District Council said that the depot was full. "
            "Mr Jon Kerr of Legal Services advised on the lease.\n")
    got = {s.name: s.kind for s in speakers(text)}
    assert got["Ms Ada Holt"] != "external"
    assert got["Mr Jon Kerr"] != "external"


def test_kinds_of_interest_members_clinicians_and_internal_audit():
    text = ("Sam Kite (farming interests) asked about stiles. Dr Mo Abel, Consultant Renal Physician, said that "
            "dialysis would move. The Head of Internal Audit, Ms Tia Rowe, reported on the opinion. "
            "The external auditor, Mr Ben Cole of Grant Avery LLP, said that the audit was late.\n")
    got = {s.name: s.kind for s in speakers(text)}
    assert got["Sam Kite"] == "external"
    assert got["Dr Mo Abel"] == "external"
    assert got["Ms Tia Rowe"] == "officer"
    assert got["Mr Ben Cole"] == "external"


# ------------------------------------------------------------------ 19. a Mayor who is not in the chair


def test_mayor_answering_questions_where_the_chair_presides_is_a_member():
    text = ("The Chair welcomed the Mayor, Ms Rita Vance, who attended to answer questions. "
            "The Mayor said that fares would be capped. The Chair thanked her.\n")
    got = {tuple(s.mentions): s.kind for s in speakers(text)}
    assert got[("the Mayor", "The Mayor")] == "councillor"
    assert got[("The Chair",)] == "chair"


def test_mayor_presiding_at_full_council_stays_chair():
    text = "The Mayor welcomed everyone and put the motion to the vote. Councillor Ames asked for a recorded vote.\n"
    got = {tuple(s.mentions): s.kind for s in speakers(text)}
    assert got[("The Mayor",)] == "chair"


# ------------------------------------------------------------------ 20. a street in brackets is not a name


def test_street_in_brackets_after_a_colon_label_is_not_the_speakers_name():
    text = "- Resident (Ash Crescent): worried about lorries at the school gate.\n"
    (s,) = speakers(text)
    assert s.name is None and s.kind == "public"


# ------------------------------------------------------------------ 21. bilingual roll labels, Welsh determiner


def test_bilingual_present_label_is_a_roll_and_y_cadeirydd_is_the_chair():
    text = ("Presennol / Present: Cyng. Siân Elis (Cadeirydd), Cyng. Rhodri Huws, Cyng. Mair Lloyd\n\n"
            "3. Cyng. Huws asked about the bus shelter. Y Cadeirydd said that the Clerk would write.\n")
    got = {s.name: s for s in speakers(text)}
    assert got["Councillor Rhodri Huws"].mentions == ("Cyng. Huws",)
    assert got["Councillor Siân Elis"].mentions == ("Y Cadeirydd",)
    assert got["Councillor Siân Elis"].kind == "chair"
    assert "Councillor Mair Lloyd" not in got


def test_second_post_of_a_joint_role_resolves_to_the_holder():
    text = ("The Town Clerk and RFO, Mrs Jo Hart, reported on the precept. The RFO added that reserves "
            "were healthy.\n")
    (s,) = speakers(text)
    assert s.mentions == ("The Town Clerk and RFO", "The RFO")


def test_parent_and_tenant_are_public_roles():
    text = ("Ms Viv Lowe, a concerned parent, addressed the Committee about school transport. "
            "A tenant asked about damp.\n")
    got = {tuple(s.mentions): s.kind for s in speakers(text)}
    assert got[("Ms Viv Lowe",)] == "public" and got[("A tenant",)] == "public"
    # a parent governor is a co-opted member's post, not a member of the public
    (s,) = speakers("The Parent Governor representative, Mrs Kay Bell, asked about exclusions.\n")
    assert s.kind != "public"


# ------------------------------------------------------------------ 22. Welsh proposer lines, national bodies


def test_welsh_proposed_and_seconded_by():
    text = "Cynigiwyd gan Cyng. Alun Rees ac eiliwyd gan Cyng. Beca Jones.\n"
    assert mentions(text) == ["Cyng. Alun Rees", "Cyng. Beca Jones"]


def test_national_body_named_after_the_nation_is_outside():
    text = "Ms Tara Vos of Historic England said that the listing was under review.\n"
    (s,) = speakers(text)
    assert s.kind == "external"


# ------------------------------------------------------------------ 23. initials after the prefix in notes


def test_cllr_with_initials_is_the_member_those_initials_belong_to():
    text = ("Present: Cllr Hana Voss (HV) (Chair), Cllr Omar Reed (OR); Officers: Lyn Tait (LT), Energy Officer.\n\n"
            "- LT explained the solar survey.\n- Cllr HV: the panels should go on the depot first.\n")
    got = {s.name: s for s in speakers(text)}
    assert got["Councillor Hana Voss"].mentions == ("Cllr HV",)
    assert got["Councillor Hana Voss"].kind == "chair"
    assert got["Lyn Tait"].mentions == ("LT",)


def test_cllr_with_unknown_capitals_stays_as_written():
    text = "- Cllr JB: the panels should go on the depot first.\n"
    (s,) = speakers(text)
    assert s.mentions == ("Cllr JB",)


# ------------------------------------------------------------------ 24. a dashed role before "who presented"


def test_dashed_role_tail_before_who_presented():
    text = ("The Chair welcomed Omar Tull, Head of Service – Housing Options and Homelessness, who presented "
            "the strategy.\n")
    assert "Omar Tull" in mentions(text)


def test_dashed_role_tail_then_which_is_not_a_speaker():
    text = ("The Chair welcomed Omar Tull, Head of Service – Housing Options, which was a new post. "
            "Councillor Ray asked about rough sleeping.\n")
    assert "Omar Tull" not in mentions(text)


def test_welsh_title_does_not_run_onto_the_next_line_or_an_english_word():
    text = "The report was presented by the Aelod Cabinet\nMembers asked about fees.\n"
    got = mentions(text)
    assert "the Aelod Cabinet" in got and "Members" in got
