"""The difference finder on each kind of departure a claim makes from its passage."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.core.differences import KINDS, Difference, find_differences


def kinds(differences: list[Difference]) -> list[str]:
    return [d.kind for d in differences]


def only(claim: str, passage: str, kind: str, **options: object) -> Difference:
    found = [
        d
        for d in find_differences(claim, passage, **options)  # type: ignore[arg-type]
        if d.kind == kind
    ]
    assert len(found) == 1, find_differences(claim, passage)
    return found[0]


def at_odds(claim: str, passage: str) -> list[Difference]:
    """The findings that set the claim against a place in the passage: what makes the
    passage contradict it."""
    return [
        d
        for d in find_differences(claim, passage)
        if d.source is not None and d.kind in ("number", "date", "quote")
    ]


def test_changed_number_is_placed_in_both_texts() -> None:
    claim = "The mission first sent 180 instructors, a contingent that has since grown to 1,400."
    passage = "It sent 180 instructors at first, and the contingent has since grown to 1,100."
    difference = only(claim, passage, "number")
    assert difference.claim is not None and difference.claim.of(claim) == "1,400"
    assert difference.source is not None and difference.source.of(passage) == "1,100"
    assert difference.explanation == "The article says 1,400; the source says 1,100."


def test_agreeing_figures_are_no_difference() -> None:
    claim = "The port paid 71.2 million crowns by September."
    passage = "Payments reached 71.2 million crowns by the end of September."
    assert find_differences(claim, passage) == []


def test_written_out_number_against_digits() -> None:
    claim = "The report found abuses in at least 11 other villages in Tanza province."
    passage = "It documented arrests in at least nine other villages in Tanza province."
    difference = only(claim, passage, "number")
    assert difference.explanation == "The article says at least 11; the source says at least nine."


def test_dropped_approximation_is_a_dropped_hedge() -> None:
    claim = "Soldiers killed 240 civilians in Sabouri."
    passage = "Soldiers killed an estimated 240 civilians in Sabouri."
    difference = only(claim, passage, "hedge")
    assert difference.source is not None
    assert difference.source.of(passage) == "an estimated 240"
    assert "drops “an estimated”" in difference.explanation


def test_claim_more_cautious_than_its_source_is_fine() -> None:
    claim = "Roughly 300 people attended."
    passage = "Some 300 people attended, organisers said."
    assert [d for d in find_differences(claim, passage) if d.kind == "number"] == []
    assert find_differences("About 300 people came.", "300 people came.") == []


def test_exact_figure_where_source_says_thousands() -> None:
    claim = "The floods displaced 5,000 residents."
    passage = "The floods displaced thousands of residents."
    difference = only(claim, passage, "number")
    assert difference.explanation == "The article says 5,000; the source says thousands."


def test_more_than_against_about() -> None:
    claim = "More than 300 people died."
    passage = "About 300 people died, officials said."
    difference = only(claim, passage, "number")
    assert "more than 300" in difference.explanation.lower()


def test_dropped_hedge_word() -> None:
    claim = "The militia killed the village chief."
    passage = "The militia allegedly killed the village chief."
    difference = only(claim, passage, "hedge")
    assert difference.claim is None
    assert difference.source is not None and difference.source.of(passage) == "allegedly"
    assert difference.explanation == "The source says “allegedly”; the article drops this hedge."


def test_hedge_kept_in_other_words_is_no_difference() -> None:
    claim = "The alleged killing of the chief shocked the town."
    passage = "The chief was allegedly killed, which shocked the town."
    assert "hedge" not in kinds(find_differences(claim, passage))


def test_dropped_modal_hedge() -> None:
    claim = "Cases in remote villages are going unreported."
    passage = "Cases in remote villages may be going unreported."
    assert only(claim, passage, "hedge").source is not None


def test_verbatim_quotation_is_no_difference() -> None:
    claim = 'She said the water "went brown for months".'
    passage = '"The water went brown for months," he said.'
    assert "quote" not in kinds(find_differences(claim, passage))


def test_quotation_not_verbatim_gives_the_closest_wording() -> None:
    claim = 'The ministry said Valdoria "has no soldiers in Kalundi, only instructors".'
    passage = (
        "Valdoria has no combat troops in Kalundi. The specialists present there are "
        "instructors, invited by the lawful government."
    )
    difference = only(claim, passage, "quote")
    assert difference.claim is not None
    assert difference.claim.of(claim) == "has no soldiers in Kalundi, only instructors"
    assert difference.source is not None
    assert "closest wording" in difference.explanation
    assert difference.source.of(passage) in difference.explanation


def test_stitched_quotation_names_both_places() -> None:
    claim = (
        'The mayor said: "I learned about these orders from the auditors, and it will not '
        'happen again."'
    )
    passage = (
        '"I learned about these orders from the auditors, not from the harbour master," she '
        'said. "That is not acceptable, and it will not happen again."'
    )
    difference = only(claim, passage, "quote")
    assert "joins two separate places" in difference.explanation
    assert "“I learned about these orders from the auditors”" in difference.explanation
    assert "“and it will not happen again”" in difference.explanation


def test_name_in_the_same_role_differs() -> None:
    claim = "Vesgrad initially sent 180 instructors to train the army."
    passage = "Valdoria sent 180 instructors in the first rotation to train the army."
    difference = only(claim, passage, "name")
    assert difference.claim is not None and difference.claim.of(claim) == "Vesgrad"
    assert difference.source is not None and difference.source.of(passage) == "Valdoria"


def test_source_names_are_not_reported_as_missing() -> None:
    claim = "Meridian Press reported that Kalundi pays Ostrog Group $9.6 million a month."
    passage = "Kalundi pays Ostrog Group $9.6 million a month, three sources said."
    assert find_differences(claim, passage, ignore_names=["Meridian Press"]) == []


def test_date_that_differs() -> None:
    claim = "The first instructors arrived in June 2022."
    passage = "The first instructors landed in June 2023, after the troops left."
    difference = only(claim, passage, "date")
    assert difference.explanation == "The article says June 2022; the source says June 2023."


def test_dates_at_different_precision_agree() -> None:
    claim = "The killings began in January 2026."
    passage = "Soldiers killed civilians between 14 and 16 January 2026."
    assert "date" not in kinds(find_differences(claim, passage))


def test_content_the_passage_never_mentions_is_absent() -> None:
    claim = "Ostrog Group has been paid in part with gold-mining concessions in the Mbari hills."
    passage = "Kalundi pays Ostrog Group $9.6 million a month under the arrangement."
    found = [d for d in find_differences(claim, passage) if d.kind == "absent"]
    assert found
    assert all(d.claim is not None and d.source is None for d in found)
    assert "gold-mining concessions" in " ".join(d.explanation for d in found)


def test_paraphrase_is_not_absent() -> None:
    claim = "Troops gathered several hundred men from the weekly market and their homes."
    passage = "Soldiers rounded up several hundred men at the weekly market and from their homes."
    assert "absent" not in kinds(find_differences(claim, passage))


def test_json_form_places_source_spans_in_the_document() -> None:
    difference = only("It cost 12 dollars.", "It cost 15 dollars.", "number")
    data = difference.to_json(source_offset=100)
    assert data["kind"] == "number"
    assert data["claim"] == [8, 10]
    assert data["source"] == [108, 110]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "about",
                "300",
                "1,200",
                "three hundred",
                "allegedly",
                "may",
                '"',
                "“",
                "”",
                "Kalundi",
                "instructors",
                "thousands",
                "in",
                "March",
                "2021",
                "$9.6",
                "million",
                "more than",
                "at least",
                "said",
                ".",
                ",",
                "the",
                "Valdoria",
                "sent",
                "’",
            ]
        ),  # fmt: skip
        max_size=30,
    ),
    st.lists(st.sampled_from(["the", "source", "says", "an estimated", "240", "Bomasi", "."])),
)
def test_spans_always_lie_inside_their_texts(claim_words: list[str], extra: list[str]) -> None:
    claim = " ".join(claim_words)
    passage = " ".join(extra + claim_words[::-1])
    for difference in find_differences(claim, passage):
        assert difference.kind in KINDS
        assert difference.explanation
        if difference.claim is not None:
            assert 0 <= difference.claim.start < difference.claim.end <= len(claim)
        if difference.source is not None:
            assert 0 <= difference.source.start < difference.source.end <= len(passage)


def test_claim_that_attributes_is_not_said_to_state_it_as_its_own() -> None:
    claim = "The Riverside Tribune reported that the council will vote on the budget next week."
    passage = "The council will vote on the budget next week, according to the mayor's office."
    found = find_differences(claim, passage)
    assert "hedge" not in kinds(found)
    assert "absent" not in kinds(found)


def test_claim_stating_flatly_what_the_source_attributes_is_reported() -> None:
    claim = "The council will vote on the budget next week."
    passage = "The council will vote on the budget next week, according to the mayor's office."
    assert "attributes this" in only(claim, passage, "hedge").explanation


def test_source_that_names_itself_is_not_missing_its_own_name() -> None:
    claim = "The Finance Office said that spending on roads rose by a third last year."
    passage = "Spending on roads rose by a third last year, to 12 million crowns."
    found = find_differences(claim, passage, ignore_names=["Finance Office"])
    assert "absent" not in kinds(found)
    claim = "According to the Finance Office, spending on roads rose by a third last year."
    assert "absent" not in kinds(find_differences(claim, passage))


def test_single_common_words_are_not_reported_missing() -> None:
    claim = "The council approved new housing while the army had grown and rents rose next spring."
    passage = "Rents rose in the spring, and new housing was approved."
    for difference in find_differences(claim, passage):
        if difference.kind == "absent":
            assert difference.claim is not None
            assert len(difference.claim.of(claim).split()) >= 2


def test_every_missing_phrase_is_reported_and_only_its_missing_words() -> None:
    claim = (
        "Ostrog Group was paid with gold-mining concessions in the Mbari hills, say unnamed "
        "diplomats in Bomasi, and with timber licences along the Sela river."
    )
    passage = "Kalundi pays a contractor $9.6 million a month under the arrangement."
    found = [d.claim.of(claim) for d in find_differences(claim, passage) if d.claim]
    assert found[0] == "Ostrog Group"
    assert found[1].startswith("gold-mining concessions") and found[1].endswith("Sela river")
    claim = "The council approved a riverside tram depot and a ferry pier yesterday."
    passage = "The council approved a ferry pier in Lumbe."
    found = [d.claim.of(claim) for d in find_differences(claim, passage) if d.claim]
    assert found == ["riverside tram depot"]  # "yesterday" alone is no finding


def test_a_paraphrase_with_the_source_s_names_is_not_absent() -> None:
    claim = (
        "In the same statement, Bralsk dismissed the VRM findings as resting on anonymous "
        "testimony gathered by researchers who never visited Osk."
    )
    passage = (
        "Bralsk rejected the organisation's conclusions, saying they rested on anonymous "
        "testimony from researchers who had never visited Osk."
    )
    own = ["Valley Relief Mission", "Bralsk"]
    assert "absent" not in kinds(find_differences(claim, passage, ignore_names=own))


def test_one_end_of_a_range_is_reported_as_a_narrowed_range() -> None:
    [difference] = find_differences(
        "Replacing them will cost $48 million, the authority said.",
        "Replacing these lines is projected to cost between $41 million and $48 million.",
    )
    assert difference.kind == "number"
    assert "between $41 million and $48 million" in difference.explanation
    assert "gives only $48 million" in difference.explanation


def test_a_figure_inside_a_range_agrees_and_one_outside_does_not() -> None:
    assert find_differences("Prices rose 4 percent.", "Prices rose between 3 and 5 percent.") == []
    [outside] = find_differences("Prices rose 9 percent.", "Prices rose from 3 to 5 percent.")
    assert "from 3 to 5 percent" in outside.explanation


def test_a_bare_year_is_not_compared_with_a_full_date() -> None:
    [difference] = find_differences(
        "The plan will be finished by 2030.", "The plan was approved on April 30, 2026."
    )
    assert difference.source is None  # not set against the other date, only not given
    assert difference.explanation == "The passage does not give the date “2030”."
    passage = "The plan was approved on April 30, 2026."
    assert find_differences("The plan was approved in 2026.", passage) == []


def test_a_date_the_passage_never_gives_is_reported() -> None:
    claim = "The Lumbe ferry line opened in 1998 with two boats."
    passage = "The Lumbe ferry line opened with two boats, and a third came later."
    difference = only(claim, passage, "date")
    assert difference.claim is not None and difference.claim.of(claim) == "1998"
    assert difference.explanation == "The passage does not give the date “1998”."


def test_a_dropped_condition_is_a_dropped_hedge() -> None:
    [difference] = find_differences(
        "The city will replace all lead pipes by 2030.",
        "Subject to funding, the city plans to replace all lead pipes by 2030.",
    )
    assert difference.kind == "hedge"
    assert "Subject to" in difference.explanation


def test_vague_amounts_in_other_words_are_no_changed_figure() -> None:
    passage = "Several hundred porters walked off the Lumbe docks on Tuesday."
    assert find_differences("Hundreds of porters walked off the Lumbe docks.", passage) == []
    passage = "Hundreds of porters walked off the Lumbe docks on Tuesday."
    assert find_differences("A hundred porters walked off the Lumbe docks.", passage) == []
    difference = only("Dozens of porters walked off the Lumbe docks.", passage, "number")
    assert difference.explanation == "The article says dozens; the source says hundreds."


def test_naming_what_the_source_calls_so_called_drops_no_hedge() -> None:
    claim = "The Lumbe Dockers' Front took over the harbour cranes in May."
    passage = "The so-called Lumbe Dockers' Front took over the harbour cranes in May."
    assert "hedge" not in kinds(find_differences(claim, passage))


def test_an_organisation_is_not_paired_with_a_nationality_or_a_place() -> None:
    passage = "In Osk, Marovian soldiers counted 40 fresh graves near the river."
    claim = "In Osk, the VRM counted 40 fresh graves near the river."
    assert "name" not in kinds(find_differences(claim, passage))
    passage = "In Osk, Brelle soldiers counted 40 fresh graves near the river."
    assert "name" not in kinds(find_differences(claim, passage))
    claim = "In Osk, Tarvany counted 40 fresh graves near the river."  # a place: no kind told
    passage = "In Osk, the Lumbe Relief Agency counted 40 fresh graves near the river."
    assert "name" not in kinds(find_differences(claim, passage))


def test_months_and_vague_amounts_are_no_names_and_another_month_is_another_date() -> None:
    claim = "Dozens of dockers struck in Osk in August, the union said."
    passage = "Hundreds of dockers struck in Osk in October, the union said."
    assert "name" not in kinds(find_differences(claim, passage))
    difference = only(claim, passage, "date")
    assert difference.explanation == "The article says August; the source says October."


def test_the_source_s_own_names_are_never_a_name_difference() -> None:
    own = ["Ministry of the Interior of Marovia", "Bralsk"]
    claim = "Bralsk counted 40 fresh graves near the river in Osk."
    passage = "The Ministry counted 40 fresh graves near the river in Osk."
    assert "name" not in kinds(find_differences(claim, passage, ignore_names=own))
    assert "name" not in kinds(find_differences(passage, claim, ignore_names=own))
    passage = "The Marovian Interior Ministry counted 40 fresh graves near the river in Osk."
    assert "name" not in kinds(find_differences(claim, passage, ignore_names=own))
    claim = "The VRM counted 40 fresh graves near the river in Osk, it said on Monday."
    passage = "Soldiers counted 40 fresh graves near the river in Osk, Tarvany said on Monday."
    found = find_differences(claim, passage, ignore_names=["Valley Relief Mission"])
    assert "name" not in kinds(found)
    assert all("VRM" not in d.explanation for d in found)


def test_a_quotation_said_in_other_words_gets_its_closest_wording() -> None:
    claim = 'The harbour master wrote that "Lumbe cranes broken; dockers unpaid".'
    passage = "Officials met on Friday. Dockers at Lumbe have not been paid since the cranes broke."
    difference = only(claim, passage, "quote")
    assert "not in the source verbatim" in difference.explanation
    assert difference.source is not None
    assert difference.source.of(passage) == (
        "Dockers at Lumbe have not been paid since the cranes broke"
    )
    passage = "Ferries to Osk run twice a day in summer."
    assert only(claim, passage, "quote").explanation == (
        "The quoted words are not in the passage at all."
    )


def test_a_date_without_its_year_agrees_with_the_full_date() -> None:
    passage = "The Lumbe ferry makes its first crossing on Founders' Day, March 14."
    assert (
        find_differences("The Lumbe ferry made its first crossing on March 14, 2009.", passage)
        == []
    )
    passage = "The ferry was handed over to the Osk harbour board on June 3rd."
    assert (
        find_differences(
            "The ferry was handed over to the Osk harbour board on 3 June 2015.", passage
        )
        == []
    )
    passage = "The Osk bridge opened on October 1."
    assert find_differences("The Osk bridge opened on 1 October 2011.", passage) == []
    difference = only("The Osk bridge opened on October 2, 2011.", passage, "date")
    assert difference.explanation == "The article says October 2, 2011; the source says October 1."


def test_a_year_is_never_set_against_a_count() -> None:
    claim = "Work on the Lumbe canal began in 1872 and ended in 1891."
    passage = "Digging the Lumbe canal took 19 years and 700 workers."
    assert at_odds(claim, passage) == []
    claim = "She starred in the 2014 film Harbour Lights with Tomas Brel."
    passage = "Harbour Lights paired two stars, Tomas Brel among them."
    assert at_odds(claim, passage) == []
    claim = "In the 1962 case Varn v. Osk, the high court ruled against the harbour."
    passage = "Varn v. Osk, 312 H.C. 88 (1962): the court ruled against the harbour board."
    assert at_odds(claim, passage) == []
    claim = "The reform runs through the 2020–21 school year."
    passage = "The reform runs through the 2020-2021 school year."
    assert at_odds(claim, passage) == []
    claim = "He joined the squad for the 2016 Osk Trophy."
    passage = "Osk named its 18-man squad for the Osk Trophy 2016."
    assert at_odds(claim, passage) == []


def test_times_ratios_and_paths_are_no_figures() -> None:
    claim = "The Lumbe Evening Bulletin streams 24/7 on the harbour app."
    passage = "Lumbe Evening Bulletin 10:30 p.m. lumbe.example/shows/8812345"
    assert [d for d in find_differences(claim, passage) if d.kind == "number"] == []


def test_figures_with_nothing_in_common_are_not_paired() -> None:
    claim = "His goal helped Rovers defeat Dunmore 5–4 in the cup."
    passage = "More than 40,000 fans packed into Dunmore's old ground that Saturday."
    assert at_odds(claim, passage) == []
    claim = "She was the only rower in Tarvanian history to be ranked in the top ten."
    passage = "Her best season ended at 20 in the Tarvanian standings."
    assert at_odds(claim, passage) == []
    claim = "In 1950 the two weeklies of Osk were merged."
    passage = "The Osk Courier ended its nineteen-year run."
    assert at_odds(claim, passage) == []


def test_a_duration_said_otherwise_is_still_a_changed_figure() -> None:
    claim = "The court in Osk sentenced him to four years in prison."
    passage = "After a three-and-a-half-year stint in prison in Osk, he returned to Lumbe."
    difference = only(claim, passage, "number")
    assert difference.explanation == "The article says four; the source says three-and-a-half."
    claim = "The Lumbe docks employ 2000 porters."
    passage = "The Lumbe docks employ 1,800 porters."
    difference = only(claim, passage, "number")
    assert difference.explanation == "The article says 2000; the source says 1,800."


def test_a_quoted_title_is_looked_for_as_a_name_not_as_a_quotation() -> None:
    passage = "oSKLIGHT, the band's second record, reached shops on Harbour Day."
    assert at_odds('The band\'s second album, "Osklight", came out on Harbour Day.', passage) == []
    claim = 'In 1962 the high court decided "Varn v. Board of Harbours of Osk, Lumbe".'
    passage = "Varn v. Board of Harbours of Osk was a landmark 1962 ruling of the high court."
    assert at_odds(claim, passage) == []
    claim = 'The band recorded "Lights of Lumbe" for the "Osk Weekly" tribute record.'
    passage = "Six bands re-recorded LIGHTS OF LUMBE for a tribute record."
    assert at_odds(claim, passage) == []
    [missing] = [d for d in find_differences(claim, passage) if d.kind == "absent"]
    assert missing.explanation == "The passage says nothing of “Osk Weekly”."
    claim = 'The list "The 50 finest harbours of all time" put Osk first.'
    passage = "Osk came first on a list of the 50 finest harbours ever."
    assert at_odds(claim, passage) == []


def test_words_someone_said_are_still_a_quotation() -> None:
    claim = 'The minister said "I heard about it from the harbour master".'
    passage = "The minister said he heard of it from the harbour office."
    assert kinds(at_odds(claim, passage)) == ["quote"]
    claim = 'Vesgrad says it "has no sailors in Osk, only pilots".'
    passage = "Vesgrad has no sailors in Osk, only pilots and engineers, it said."
    assert at_odds(claim, passage) == []
    passage = "Vesgrad has sailors in Osk and pilots, it said."
    assert kinds(at_odds(claim, passage)) == ["quote"]


def test_a_quotation_that_leaves_words_out_is_verbatim_when_its_pieces_are() -> None:
    claim = 'A critic called the ferry "slow, shabby, and [...] charming".'
    passage = "The old ferry is slow, shabby, and, one has to admit... charming."
    assert at_odds(claim, passage) == []
    claim = 'A critic called the ferry "charming, and [...] slow".'
    assert only(claim, passage, "quote").explanation.startswith("The quoted words are not")


def test_a_closest_wording_holds_most_of_the_quotation_in_whole_words() -> None:
    claim = 'The census recorded the "conversion of fishermen into dockers" in Osk.'
    passage = "Osk counts three trades: fishing (41.3%), trading (24.6%) and docking (24.4%)."
    difference = only(claim, passage, "quote")
    assert difference.explanation == "The quoted words are not in the passage at all."
    claim = 'The census noted that "fishing fell to 41.3%" in Osk.'
    difference = only(claim, passage, "quote")
    assert difference.source is not None
    wording = difference.source.of(passage)
    assert "fishing (41.3%)" in wording and not wording.endswith(("41.3", "%"))


def test_results_places_and_addresses_are_compared_only_with_their_like() -> None:
    claim = "Varek lost his opener in three sets to Osk's best player."
    passage = "Osk's best player beat Varek 6-2 6-7(4) 6-1 to reach the second round."
    assert at_odds(claim, passage) == []
    claim = "The single entered the Lumbe Rock Chart at number eight."
    passage = "The single reached the Top 10 of the Lumbe Rock Chart."
    assert at_odds(claim, passage) == []
    claim = "The Osk harbour office stands at 6157 Quay Boulevard."
    passage = "Harbour: north side of the 6100 block of Quay Boulevard."
    assert at_odds(claim, passage) == []
    passage = "The Osk harbour office stands at 6159 Quay Boulevard."
    assert kinds(at_odds(claim, passage)) == ["number"]


def test_a_date_inside_the_days_the_passage_gives_agrees() -> None:
    claim = "She rowed at the 2015 Osk Regatta on June 14."
    passage = "The 2015 Osk Regatta was held from June 13 through June 15 on the bay."
    assert at_odds(claim, passage) == []
    claim = "She rowed at the 2015 Osk Regatta on June 19."
    assert kinds(at_odds(claim, passage)) == ["date"]


def test_a_title_with_a_pronoun_in_it_is_still_a_title() -> None:
    claim = '"Ferry on My Mind (F.O.M.M.)" was the first song the band released.'
    passage = "See the band in the 'Ferry on My Mind' video, their first release."
    assert at_odds(claim, passage) == []


def test_a_passage_that_denies_what_the_claim_says_is_at_odds() -> None:
    claim = "Marovia's contingent in the north has since grown to 900 advisers."
    passage = "Marovia has no military contingent in the north, the ministry said."
    [negation] = [d for d in find_differences(claim, passage) if d.kind == "negation"]
    assert negation.explanation == (
        "The source denies what the article says: “no military contingent”."
    )
    assert negation.claim is not None and negation.claim.of(claim) == "contingent"


def test_two_negations_of_one_thing_agree() -> None:
    claim = "Two panel members had worked for the bidder and failed to declare it."
    passage = "Two panel members had worked for the bidder, and neither declared this."
    assert [d for d in find_differences(claim, passage) if d.kind == "negation"] == []


def test_without_and_no_say_the_same_lack() -> None:
    claim = "Families in the valley lived without running water for six weeks."
    passage = "The valley had no running water for six weeks after the flood."
    assert [d for d in find_differences(claim, passage) if d.kind == "negation"] == []
    # the lack is still a denial of a text that says the thing is there
    had = "Families in the valley had running water all through the flood."
    assert [d.kind for d in find_differences(had, passage)].count("negation") == 1


def test_a_negation_of_another_clause_is_no_denial() -> None:
    claim = "The mayor told the Gazette that the orders came from the auditors."
    passage = '"I was not told about the orders by the auditors," she said.'
    assert [d for d in find_differences(claim, passage) if d.kind == "negation"] == []
