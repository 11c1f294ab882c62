"""Speaker-mention rules added after the third held-out measurement (heldout3/FINDINGS.md).

Every example here is invented for the rule it checks (none is a held-out passage); each rule has
positives and the negatives that guard it against what other councils' minutes also write.
"""

from __future__ import annotations

from indexer.extract.attendance import roll_spans
from indexer.extract.pipeline import extract_minutes


def mentions(text: str) -> list[str]:
    return [m for s in extract_minutes(text).speakers for m in s.mentions]


# ------------------------------------------------------------------ 1. attendance lists


def test_present_line_names_are_attendees_not_speakers():
    text = (
        "Present: Councillors Ormsby (Chair), Tull and Varga\n"
        "Also present: Hettie Lamb (Legal Adviser), Owen Price (Licensing Officer)\n\n"
        "The Chair opened the hearing. The Legal Adviser explained the procedure. Councillor Tull asked "
        "about the CCTV. Owen Price replied that it had been repaired.\n"
    )
    got = mentions(text)
    assert "The Chair" in got and "The Legal Adviser" in got and "Councillor Tull" in got
    assert "Owen Price" in got  # named again in the narrative, where he speaks
    for listed in ("Councillors Ormsby", "Hettie Lamb", "Councillors Ormsby (Chair), Tull and Varga"):
        assert listed not in got


def test_comma_list_of_councillors_and_courtesy_titles_in_roll():
    text = (
        "Present: Cllr P Quist (Town Mayor, in the Chair), Cllrs B Abara, C Denny and E Fenwick\n"
        "In attendance: Mrs G Hale (Town Clerk), Mr J Irwin (Engineer)\n\n"
        "12/24 ROADS\nCllr Denny asked about potholes. The Engineer said that the repairs were due. "
        "Mr Irwin added that the budget was spent.\n"
    )
    got = mentions(text)
    assert "Cllr Denny" in got and "The Engineer" in got and "Mr Irwin" in got
    assert not any(m.startswith(("Cllrs B Abara", "Mrs G Hale", "Mr J Irwin", "Cllr P Quist")) for m in got)


def test_one_name_per_line_roll_and_sederunt():
    text = (
        "Sederunt:\nCouncillor Mhairi Lennox (Convener)\nCouncillor Ross Dalgety\nMs Una Kerr (Clerk)\n\n"
        "1. MINUTE\nThe Convener moved approval. Councillor Ross Dalgety seconded.\n"
    )
    got = mentions(text)
    assert got.count("Councillor Ross Dalgety") == 1
    assert "The Convener" in got
    assert "Councillor Mhairi Lennox" not in got and "Ms Una Kerr" not in got


def test_roll_span_stops_at_narrative_and_headings():
    text = "Present: Councillor Abel, Councillor Brice\nCouncillor Abel said the road was unsafe.\n"
    spans = roll_spans(text, 0, len(text))
    assert len(spans) == 1 and text[spans[0][0]:spans[0][1]] == "Councillor Abel, Councillor Brice"
    assert "Councillor Abel" in mentions(text)


def test_members_colon_is_a_roll_only_before_names():
    # note-form minutes use "Members:" as a speaker label too
    assert roll_spans("Members: asked whether the car park would close.\n", 0, 48) == []
    text = "Members: Cllr Dyer, Cllr Ely, Mr Frost (co-opted)\n"
    assert roll_spans(text, 0, len(text))


# ------------------------------------------------------------------ 10. mover and seconder lines


def test_mover_name_does_not_run_on_into_the_seconder_line():
    text = (
        "The Manager reported on the grants.\n\n"
        "Proposed by Councillor Ferriter\nSeconded by Alderman Quill and\n"
        "AGREED – that the grants be approved.\n"
    )
    got = mentions(text)
    assert "Councillor Ferriter" in got and "Alderman Quill" in got
    assert not any("\n" in m for m in got)


def test_name_wrapped_over_a_line_break_is_still_one_name():
    text = "The item was introduced.\nCouncillor Mairead\nO'Hagan asked about the budget.\n"
    assert "Councillor Mairead\nO'Hagan" in mentions(text)


# ------------------------------------------------------------------ 4. titles and ranks


def test_unfamiliar_title_keeps_its_article():
    text = ("The Cyfarwyddwr Addysg said that the school places review was complete. "
            "Councillor Morgan asked about transport, and the Cadeirydd replied that it would be reviewed.\n")
    got = mentions(text)
    assert "The Cyfarwyddwr Addysg" in got and "the Cadeirydd" in got
    assert "Cyfarwyddwr Addysg" not in got


def test_bodies_after_the_are_not_titles():
    text = ("The Assembly noted the letter. The Council agreed to respond. The Senedd said nothing. "
            "The Trust confirmed the dates.\n")
    assert mentions(text) == []


def test_second_capitalised_phrase_between_commas_is_a_title_not_a_second_person():
    got = mentions("Gwen Harries, Rheolwr Tai, explained the allocations policy.\n")
    assert got == ["Gwen Harries"]
    got = mentions("Mr Amos, Mr Bell and Ms Cole spoke against the application.\n")
    assert got and "Rheolwr" not in " ".join(got)


def test_fire_ranks_and_city_deputies_are_titles():
    text = ("Watch Commander Pryce said that crews had attended 40 incidents. "
            "Deputy Okoro asked about the budget. The Deputy Town Clerk replied that it was on track.\n")
    got = mentions(text)
    assert "Watch Commander Pryce" in got and "Deputy Okoro" in got and "The Deputy Town Clerk" in got
    ex = extract_minutes(text)
    okoro = next(s for s in ex.speakers if "Deputy Okoro" in s.mentions)
    assert okoro.kind == "councillor"


def test_heading_line_does_not_join_the_rank_on_the_next_line():
    text = ("7. ROAD SAFETY – ANNUAL FIGURES\nChief Inspector Moss presented the figures.\n\n"
            "Neighbourhood Policing Report\nSuperintendent Ida Vale (County Police) introduced the report.\n")
    got = mentions(text)
    assert "Chief Inspector Moss" in got and "Superintendent Ida Vale" in got


def test_role_then_body_between_commas_before_the_verb():
    text = ("Dr Nia Pugh, Director of Nursing, Afon Teifi University Health Board, said that "
            "waiting times had fallen.\n")
    got = mentions(text)
    assert got == ["Dr Nia Pugh"]


# ------------------------------------------------------------------ 13. apposition heads


def test_role_head_before_apposed_name_is_the_mention():
    text = ("The Ward Member, Cllr. Bryn Oakley, spoke in support of the application. "
            "A carer, Mrs Dawn Ferrie, described the wait for a care package. "
            "The Elected Mayor, Mayor Colin Voss, responded that the scheme would continue.\n")
    got = mentions(text)
    assert "The Ward Member" in got and "A carer" in got and "The Elected Mayor" in got
    for apposed in ("Cllr. Bryn Oakley", "Mrs Dawn Ferrie", "Mayor Colin Voss", "Colin Voss", "Mayor"):
        assert apposed not in got


def test_name_first_apposition_with_relative_clause_keeps_the_name():
    got = mentions("Mr Len Astor, a carer who had registered to speak, described his experience.\n")
    assert got == ["Mr Len Astor"]


def test_public_word_inside_a_role_is_not_a_separate_person():
    got = mentions("Asha Bell, Carers Lead at the Hospital Trust, responded that funding was agreed.\n")
    assert got == ["Asha Bell"]


def test_parishioners_speak_like_residents():
    text = ("Parishioners raised the state of the bus shelter. A parishioner from Mill Row asked about "
            "the footpath.\n")
    got = mentions(text)
    assert "Parishioners" in got and "A parishioner" in got


# ------------------------------------------------------------------ 16. printed text, note form, non-contributions


def test_title_hyphenated_across_a_line_break():
    text = ("12.1 Coun-\ncillor Radley-Hart asked about the reserves. The Head of Cor-\nporate Finance "
            "replied that they were adequate.\n12.2 The report, which pro-\nposed no change, was noted.\n")
    got = mentions(text)
    assert "Coun-\ncillor Radley-Hart" in got and "The Head of Cor-\nporate Finance" in got
    ex = extract_minutes(text)
    head = next(s for s in ex.speakers if "The Head of Cor-\nporate Finance" in s.mentions)
    assert head.role == "Head of Corporate Finance"


def test_initials_given_with_a_role_in_brackets_name_the_speaker():
    text = ("Attendees: Cllrs Orme (Chair), Tay; Wendy Rusk (WR, Housing Lead)\n"
            "1. Allocations\n- WR: outlined the new banding scheme.\n- Cllr Tay: asked about waiting times. WR said "
            "they had fallen.\n- WR to circulate the policy.\n")
    got = mentions(text)
    assert "WR" in got and "Cllr Tay" in got
    assert "Wendy Rusk" not in got


def test_note_form_colon_label_without_a_verb():
    text = ("- Cllr Dunne: worried about parking at the school gates.\n"
            "- Cllr Ebbs: declared an interest as a school governor.\n"
            "- Members: keen to see the survey results.\n")
    got = mentions(text)
    assert "Cllr Dunne" in got and "Members" in got
    assert "Cllr Ebbs" not in got


def test_colon_after_a_name_mid_sentence_is_not_a_note_label():
    assert mentions("The letter was copied to Councillor Fry: no reply was received.\n") == []


def test_self_declaration_and_prior_submission_are_not_contributions():
    text = ("Councillor Ede declared that she was a governor of the school. "
            "The owner, Mr Saul Ash, had submitted a statement opposing the order. "
            "Councillor Ede asked about the timetable.\n")
    got = mentions(text)
    assert got == ["Councillor Ede"] or set(got) == {"Councillor Ede"}
    # the first sentence alone gives no mention
    assert mentions("Councillor Ede declared that she was a governor of the school.\n") == []


def test_call_in_signatories_are_not_speakers_but_what_they_say_counts():
    text = ("The Committee considered a call-in of the decision submitted by Councillors Lam, Moss and Nye. "
            "Councillor Moss set out the reasons for the call-in.\n")
    got = mentions(text)
    assert got == ["Councillor Moss"]
    # an ordinary agent stays an agent
    assert "Councillor Lam" in mentions("A question was submitted by Councillor Lam about the library.\n")


# ------------------------------------------------------------------ 2. speaking frames


def test_numbered_question_heading_names_a_present_questioner():
    text = ("Question 1 – from Mrs Alma Reid to the Cabinet Member for Parks\n"
            '"When will the play area reopen?"\n'
            "Written response: \"In May.\"\n"
            "Question 2 – from Mr Cyril Mabey to the Leader\n"
            '"Why are fees rising?"\n'
            "Mr Mabey was not present and a written answer would be sent.\n"
            "Question No. 3: from Ms Tansy Hoult to the Cabinet Member for Housing\n"
            '"How many homes are empty?"\n'
            "The question was withdrawn.\n")
    got = mentions(text)
    assert "Mrs Alma Reid" in got
    assert "Mr Cyril Mabey" not in got and "Ms Tansy Hoult" not in got


def test_public_speakers_list_is_not_counted_on_its_own():
    # the labelled sets count the narrative, not the list ("Public speakers: ..."), see heldout2 p10
    text = ("Public speakers:\nObjector – Mr Ivo Barr\nAgent – Ms Lyn Odell\n\n"
            "Mr Barr said that the road flooded. Ms Odell responded that drainage would be improved.\n")
    got = mentions(text)
    assert set(got) == {"Mr Barr", "Ms Odell"}


def test_two_councillors_each_with_a_title_are_two_mentions():
    got = mentions("Councillor Ada Pike and Councillor Rees Vaughan paid tribute to her years of service.\n")
    assert "Councillor Ada Pike" in got and "Councillor Rees Vaughan" in got


def test_attended_to_answer_questions_is_an_introduction_with_a_purpose():
    text = ("Ms Ola Grant, Head of Networks at Riverbend Water, and Mr Ned Shaw, Operations Manager, "
            "attended to answer the Panel's questions. Councillor Ives asked about the pumps.\n")
    got = mentions(text)
    assert "Ms Ola Grant" in got and "Mr Ned Shaw" in got
    assert "Riverbend Water" not in got
    # attending alone, with no purpose, is not a contribution
    assert mentions("Mr Ned Shaw attended the meeting as an observer.\n") == []


def test_attended_and_then_spoke_in_one_sentence():
    text = ("Councillor Una Bright, Chair of the Scrutiny Commission, attended under Standing Order 18 and "
            "thanked the Cabinet for its response.\n")
    assert "Councillor Una Bright" in mentions(text)


def test_heard_from_then_and_from():
    text = ("The Committee heard from Mrs Ida Noon, who objected to the scheme, and from Mr Abe Lowe "
            "of Lowe Design, speaking for the applicant.\n")
    got = mentions(text)
    assert "Mrs Ida Noon" in got and "Mr Abe Lowe" in got
    # "and from" without a hearing before it is not an agent
    assert mentions("A letter had arrived from Mrs Ida Noon and from Mr Abe Lowe.\n") == []


def test_clarification_sought_by_is_a_passive_agent():
    text = "Clarification was sought by County Councillor Ebbw on the legal test. The Solicitor confirmed it.\n"
    got = mentions(text)
    assert "County Councillor Ebbw" in got and "The Solicitor" in got


def test_from_named_person_who_addressed_the_meeting():
    text = "One nomination had been received, from Mrs Vera Holt, who addressed the meeting briefly.\n"
    assert mentions(text) == ["Mrs Vera Holt"]
    # "who" after "on behalf of" a role still belongs to the earlier speaker
    got = mentions("Mr Dale spoke on behalf of the Chief Officer of Police, who was unable to attend.\n")
    assert got == ["Mr Dale"]


def test_young_people_known_by_first_name_at_the_start_of_a_sentence():
    text = ("Maisie and Tariq, members of the Youth Council, presented their survey. Maisie said that buses "
            "were too expensive. Tariq asked the Board to fund a youth pass.\n")
    got = mentions(text)
    assert "Maisie" in got and "Tariq" in got
    # two services joined by "and" are not two people
    assert mentions("Planning and Licensing, the two services concerned, presented a joint report.\n") == []


# ------------------------------------------------------------------ guards against look-alikes


def test_documents_and_party_groups_after_the_are_not_titles():
    text = ("The Survey showed strong support. The Guidance stated that fees should be cost-neutral. "
            "The Conservatives argued against the budget.\n")
    assert mentions(text) == []


def test_deputy_before_other_titles_is_not_a_member_title():
    got = mentions("Deputy Lieutenant Hal Corder said a few words. The Deputy Mayor thanked everyone.\n")
    assert "The Deputy Mayor" in got
    assert not any(m.startswith("Deputy Lieutenant") for m in got)


def test_only_a_body_word_after_a_name_makes_it_a_body():
    from indexer.extract.people import find_noun_phrases
    nps = find_noun_phrases("The visit by Ann Lee Monday last was noted.")
    assert any(np.text == "Ann Lee" for np in nps)
    nps = find_noun_phrases("Delivered with Hywel Mawr University Health Board.")
    assert not any(np.kind == "bare" for np in nps)


def test_table_label_with_a_bare_role_is_not_a_note_form_speaker():
    assert mentions("Lead Officer: to be confirmed\nResponsible Officer: all directors\n") == []


def test_declaring_a_view_is_still_speaking():
    got = mentions("The Chair declared that the motion was carried. Councillor Ede declared that she "
                   "was a governor of the school.\n")
    assert "The Chair" in got and "Councillor Ede" not in got


def test_membership_lines_by_group_are_rolls_too():
    text = ("Independent Members: Mr Eli Varma, Mrs Joy Tan\n"
            "Trade Union Side: Ms Pat Oduya (UNISON), Mr Lee Grove (GMB)\n\n"
            "Mr Varma asked about patrols. Ms Oduya said that staff had not been consulted.\n")
    got = mentions(text)
    assert set(got) == {"Mr Varma", "Ms Oduya"}


def test_members_colon_before_lower_case_words_is_a_note_label_not_a_roll():
    text = "- Members: raised a concern about the car park.\n"
    assert roll_spans(text, 0, len(text)) == []
    assert mentions(text) == ["Members"]


def test_named_vote_lines_are_not_note_form_contributions():
    text = "Recorded vote:\n- Cllr Roe: for\n- Cllr Poe: against\n- Councillor Moe: abstained\n"
    assert mentions(text) == []


def test_more_verbs_of_contributing():
    text = ("Councillor Ula Vine nominated Councillor Wes Yale as Vice-Chair. Councillor Zia Abbot criticised the "
            "delay and Mr Bob Carr protested that no one had been consulted. Residents had complained about noise.\n")
    got = mentions(text)
    assert {"Councillor Ula Vine", "Councillor Zia Abbot", "Mr Bob Carr"} <= set(got)
    assert "Councillor Wes Yale" not in got and "Residents" not in got


def test_welsh_titles_carry_their_kinds():
    text = "The Arweinydd welcomed the report. The Cadeirydd asked for comments. The Prif Weithredwr replied.\n"
    kinds = {m: s.kind for s in extract_minutes(text).speakers for m in s.mentions}
    assert kinds == {"The Arweinydd": "councillor", "The Cadeirydd": "chair", "The Prif Weithredwr": "officer"}


def test_a_name_does_not_wrap_onto_a_word_that_cannot_be_a_name():
    text = "Proposed by Councillor Ross\nUnanimously agreed that the grant be made.\n"
    assert mentions(text) == ["Councillor Ross"]
    text = "Moved by Mr Hale\nSupported by all members present.\n"
    assert mentions(text) == ["Mr Hale"]


def test_roll_entry_that_says_why_the_person_came_counts_when_they_speak():
    text = ("Present: Councillors Ames and Bray\nIn attendance: Inspector Kay Lamb (to present item 6), Mr Rob Moss (Clerk)\n\n"
            "6. POLICING\nInspector Lamb reported a fall in burglary. Mr Moss read the correspondence.\n")
    got = mentions(text)
    assert "Inspector Kay Lamb" in got and "Inspector Lamb" in got
    assert "Mr Rob Moss" not in got and "Mr Moss" in got
    lamb = next(s for s in extract_minutes(text).speakers if "Inspector Lamb" in s.mentions)
    assert lamb.name == "Kay Lamb" and lamb.role == "Inspector" and lamb.kind == "external"


def test_passive_records_of_a_contribution_name_its_agent():
    text = ("Concern was expressed by Councillor Gwen Ives about the closures. Support was expressed by "
            "the Ward Member. A question was asked by Mr Otto Penn about parking.\n")
    got = mentions(text)
    assert {"Councillor Gwen Ives", "the Ward Member", "Mr Otto Penn"} <= set(got)
    # a document's author is not a contributor
    assert mentions("The report was written by the Head of Finance.\n") == []


def test_people_with_role_and_body_in_commas_listed_together():
    text = ("Dr Ann Lee, Consultant in Public Health, Riverbend Health Board, and Mr Tom Ray, Chief Executive, "
            "Riverbend Community Trust, presented the report.\n")
    got = mentions(text)
    assert set(got) == {"Dr Ann Lee", "Mr Tom Ray"}
