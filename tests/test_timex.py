"""TimeML (TIMEX3) rules of the timeline's tagger: one test per rule, expected values read from the sentence."""

from __future__ import annotations

from kzlib.timeline import extract_dates


def _timex(text: str, published: str) -> list[tuple[str, str, str]]:
    """(TimeML span text, type, value) of each expression, in text order."""
    df = extract_dates(text, published=published)
    df = df[df["timex_value"] != ""].sort_values("timex_start")
    return [(text[s:e], t, v) for s, e, t, v in zip(df["timex_start"], df["timex_end"], df["timex_type"],
                                                     df["timex_value"])]


def test_previously_and_formerly_order_events_and_are_not_expressions() -> None:
    # "previously" places the bid before another event, not at a time; "recently" stays a PAST_REF
    text = "The bank previously said the bid was too low. Its formerly chief economist recently resigned."
    assert _timex(text, "1989-10-30") == [("recently", "DATE", "PAST_REF")]


def test_weekday_before_a_month_and_day_is_one_date() -> None:
    # a Saturday story quoting Monday's editorial, and a weekday that fixes the year
    assert _timex("The Times said in an editorial on Monday, Oct. 26: the court erred.", "1998-10-25") == [
        ("Monday, Oct. 26", "DATE", "1998-10-26")]
    # "will" looks ahead (September 1990), but Sept. 29 is a Friday in 1989, not in 1990
    assert _timex("The fund will report on the losses of Friday, Sept. 29.", "1989-10-01") == [
        ("Friday, Sept. 29", "DATE", "1989-09-29")]


def test_month_after_the_dct_and_deadlines_look_ahead() -> None:
    oct30 = "1989-10-30"
    # the month after the DCT's is the coming one even in a past-tense sentence (a year back is "last November")
    assert _timex("Dealers placed orders for November transactions.", oct30) == [("November", "DATE", "1989-11")]
    # an end written with "through", "until", "by" lies ahead; a period "through January" in the past stays past
    assert _timex("The bank extended the loans through January.", oct30) == [("January", "DATE", "1990-01")]
    assert _timex("Sales rose 5% in the 12 months through January.", oct30) == [
        ("the 12 months", "DURATION", "P12M"), ("January", "DATE", "1989-01")]
    assert _timex("The talks were supposed to conclude by May.", oct30) == [("May", "DATE", "1990-05")]


def test_as_soon_as_a_weekday_looks_ahead() -> None:
    # 3 April 2000 is a Monday: "as soon as Tuesday" is the next day, though "said" is past
    assert _timex("The group could come as soon as Tuesday, Castro said.", "2000-04-03") == [
        ("Tuesday", "DATE", "2000-04-04")]


def test_late_yesterday_is_one_expression() -> None:
    # TimeML keeps a position word with the day it modifies: "late yesterday", mod END
    text = "Officials were not available for comment late yesterday."
    assert _timex(text, "1989-10-27") == [("late yesterday", "DATE", "1989-10-26")]
    df = extract_dates(text, published="1989-10-27")
    assert df.loc[df["timex_value"] == "1989-10-26", "timex_mod"].tolist() == ["END"]


def test_a_unit_after_a_plural_count_is_a_rate() -> None:
    # "four flights a week" is a frequency (TimeML SET), "waited for a week" a duration
    assert _timex("Qantas runs four flights a week to Bombay.", "1998-02-13") == [("a week", "SET", "P1W")]
    assert _timex("Over fifty thousand CDs a year are sold.", "1998-03-03") == [("a year", "SET", "P1Y")]
    assert _timex("They waited for a week.", "1998-03-03") == [("a week", "DURATION", "P1W")]


def test_until_a_weekday_with_a_past_perfect_looks_back() -> None:
    # 7 May 1999 is a Friday: "until Thursday ... had not" is the Thursday just past; "postponed until" looks ahead
    assert _timex("Until Thursday, they had not called Kopp a suspect.", "1999-05-07") == [
        ("Thursday", "DATE", "1999-05-06")]
    assert _timex("The hearing was postponed until Thursday.", "1999-05-07") == [("Thursday", "DATE", "1999-05-13")]


def test_planned_to_looks_ahead() -> None:
    # 30 September 1998 is a Wednesday
    assert _timex("The team planned to leave Nairobi on Thursday.", "1998-09-30") == [
        ("Thursday", "DATE", "1998-10-01")]


def test_fractional_years_are_years_and_months() -> None:
    # TimeML writes two and a half years as P2Y6M; half a year stays P6M
    assert _timex("They lived in the camps for 2 1/2 years.", "1998-02-27") == [("2 1/2 years", "DURATION", "P2Y6M")]


def test_a_possessive_is_no_part_of_the_expression() -> None:
    text = "The chain reported a loss for its fourth quarter ended Sept. 30."
    assert _timex(text, "1989-11-02")[0] == ("fourth quarter", "DATE", "1989-Q4")


def test_the_following_year_counts_from_the_year_just_named() -> None:
    text = "In 1995, Farkas was made a general, and the following year he was appointed attache."
    assert _timex(text, "1998-04-18") == [("1995", "DATE", "1995"), ("the following year", "DATE", "1996")]


def test_an_abbreviated_month_and_day_after_last_is_a_day() -> None:
    # "last Oct. 23" is a day (the month's full stop belongs to "Oct."), not the month of October
    assert _timex("He was shot to death last Oct. 23 at his home.", "1999-04-19") == [
        ("Oct. 23", "DATE", "1998-10-23")]


def test_the_year_ended_is_a_period_and_for_the_year_is_this_year() -> None:
    nov2 = "1989-11-02"
    assert _timex("Rally had net income of $2 million for the year ended July 2.", nov2) == [
        ("the year", "DURATION", "P1Y"), ("July 2", "DATE", "1989-07-02")]
    assert _timex("For the year, pet food volume was flat.", nov2) == [("the year", "DATE", "1989")]


def test_the_near_term_is_a_future_reference() -> None:
    text = "The plan may placate holders in the short term, but the near-term outlook is poor."
    assert _timex(text, "1989-10-30") == [("the short term", "DATE", "FUTURE_REF")]


def test_a_weekday_evening_is_a_time() -> None:
    # 12 February 1998 is a Thursday: "Thursday evening" is that day's evening, a TIME
    assert _timex("A woman was killed Thursday evening in Brownsville.", "1998-02-12") == [
        ("Thursday evening", "TIME", "1998-02-12TEV")]


def test_a_plan_in_the_past_perfect_looks_back() -> None:
    # 30 October 1989 is a Monday: the offer "had been due to expire" on the Friday before (then it was extended)
    assert _timex("It had been due to expire Friday evening.", "1989-10-30") == [
        ("Friday evening", "TIME", "1989-10-27TEV")]
    assert _timex("The offer will expire Friday.", "1989-10-30") == [("Friday", "DATE", "1989-11-03")]


def test_an_abbreviated_month_without_its_full_stop_before_a_name_is_a_name() -> None:
    text = "Geremek of Poland and Jan Kavan of the Czech Republic signed in Jan. and again on Jan 9."
    assert _timex(text, "1999-03-13") == [("Jan.", "DATE", "1999-01"), ("Jan 9", "DATE", "1999-01-09")]


def test_earlier_that_day_and_later_that_year_are_one_expression() -> None:
    text = "He fled to Florida in June 1998 and returned to Cuba later that year."
    assert _timex(text, "2000-01-28") == [("June 1998", "DATE", "1998-06"), ("later that year", "DATE", "1998")]
    text = "He was killed on Oct. 23, 1998. Earlier that day, the family sent a fax."
    assert _timex(text, "1999-10-24") == [("Oct. 23, 1998", "DATE", "1998-10-23"),
                                          ("Earlier that day", "DATE", "1998-10-23")]


def test_a_week_or_so_ago_is_one_expression() -> None:
    # 25 February 1991 is in ISO week 9: a week before is week 8
    assert _timex("Then, a week or so ago, the general picked a date.", "1991-02-25") == [
        ("a week or so ago", "DATE", "1991-W08")]


def test_daily_and_weekly_before_a_noun_are_recurrences() -> None:
    # "his weekly radio address" recurs every week; "its quarterly dividend" and "average daily volume" name a
    # reporting period and a statistic's unit, not a recurrence
    assert _timex("Clinton said in his weekly radio address that justice would be done.", "1998-08-08") == [
        ("weekly", "SET", "P1W")]
    assert _timex("It raised its quarterly dividend; average daily volume was 133 million shares.", "1989-10-26") == []


def test_ordinal_second_and_fractions_are_not_durations() -> None:
    text = "A second group of directors joined. Iraq imports about three-quarters of its food."
    assert _timex(text, "1990-08-15") == []
    assert _timex("Junk bonds account for more than a quarter of the market.", "1989-10-27") == []
    assert _timex("The lights went out for a second.", "1990-08-15") == [("a second", "DURATION", "PT1S")]


def test_soon_in_a_past_sentence_is_relative_to_the_past_event() -> None:
    assert _timex("He was taken to a hospital and was soon released.", "2000-02-24") == []
    assert _timex("The budget will soon move into surplus.", "1998-02-06") == [("soon", "DATE", "FUTURE_REF")]


def test_plural_weekdays_are_sets() -> None:
    # "on Mondays" and "Tuesday nights" recur every week (TimeML SET); "on Monday" is one day
    assert _timex("The shop is closed on Mondays.", "1998-02-13") == [("Mondays", "SET", "XXXX-WXX-1")]
    assert _timex("Two flights leave on Tuesday nights.", "1998-02-13") == [("Tuesday nights", "SET", "XXXX-WXX-2TNI")]


# --- reference time: anaphoric expressions count from the day the text names, deictic ones from the DCT ---

def test_the_previous_weekday_counts_from_the_day_just_named() -> None:
    # 1989-10-30 is a Monday; the story is about Friday 27 October, and "the previous Friday" is the one before it
    text = "London stocks fell Thursday, Oct. 26. The index closed down 4.5% from the previous Friday."
    assert _timex(text, "1989-10-30")[-1] == ("the previous Friday", "DATE", "1989-10-20")
    # with no day named before it, it counts from the DCT (the Friday before Monday 30 October)
    assert _timex("The index closed down 4.5% from the previous Friday.", "1989-10-30") == [
        ("the previous Friday", "DATE", "1989-10-27")]


def test_a_clock_time_takes_the_weekday_after_it_and_a_deadline_looks_ahead() -> None:
    # 1998-08-08 is a Saturday: the blast "at 10:35 a.m. (0735 GMT) Friday" was the day before
    text = "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building."
    assert ("10:35 a.m.", "TIME", "1998-08-07T10:35") in _timex(text, "1998-08-08")
    # 2000-04-03 is a Monday: a deadline "until 9 a.m. Tuesday" is the next day, though "has given" is past
    assert _timex("The agency has given the family until 9 a.m. Tuesday to sign.", "2000-04-03") == [
        ("9 a.m. Tuesday", "TIME", "2000-04-04T09:00")]


def test_a_part_of_the_day_belongs_to_the_day_just_named() -> None:
    # "in the morning" after "Friday" (the 27th, before Monday 30 October) is Friday morning; alone, the DCT's
    text = "Hopes were dashed Friday. Dealers placed heavy buy orders in the morning."
    assert _timex(text, "1989-10-30") == [("Friday", "DATE", "1989-10-27"), ("the morning", "TIME", "1989-10-27TMO")]
    assert _timex("By mid afternoon, officials were saying the offensive was over.", "1998-03-06") == [
        ("mid afternoon", "TIME", "1998-03-06TAF")]
    # a morning paper or "the morning of the attack" is no time of the story's day
    assert _timex("He said in the morning papers that the talks failed.", "1998-03-06") == []


def test_the_week_of_a_date_is_that_week() -> None:
    # 6 March 2000 is the Monday of ISO week 10
    assert _timex("A hearing is set for the week of March 6.", "2000-02-24") == [
        ("the week of March 6", "DATE", "2000-W10")]


def test_a_unit_and_a_half_and_the_last_half_of_a_year() -> None:
    assert _timex("But a minute and a half later, a pilot called.", "1998-01-14") == [
        ("a minute and a half", "DURATION", "PT1M30S")]
    assert _timex("The talks lasted a year and a half.", "1998-01-14") == [("a year and a half", "DURATION", "P18M")]
    # "the last half of 1989" is its second half; "the last quarter" alone stays the quarter before the DCT's
    assert _timex("Earnings will be lower for the last half of 1989.", "1989-10-26") == [
        ("the last half of 1989", "DATE", "1989-H2")]


def test_the_quarter_ended_a_date_is_the_calendar_quarter_of_its_months() -> None:
    # May, June, July: mostly the second quarter; with a fiscal quarter named before, its stated end still dates it
    # (issue 19: it took the fiscal frame's number, 1989-Q1, for July-September)
    assert _timex("In the quarter ended July 31, Jayark had sales of $5 million.", "1989-10-30") == [
        ("the quarter", "DATE", "1989-Q2"), ("July 31", "DATE", "1989-07-31")]
    text = "Profit rose in its fiscal first quarter. In the quarter ended Sept. 30, sales rose 5%."
    assert [v for _, _, v in _timex(text, "1989-10-26")] == ["1989-Q1", "1989-Q3", "1989-09-30"]


def test_the_next_year_is_next_year_as_the_past_year_is_last_year() -> None:
    assert _timex("The plants will be closed over the next year, a spokesman said.", "1989-11-02") == [
        ("the next year", "DATE", "1990")]
    assert _timex("Sales rose over the past year.", "1989-11-02") == [("the past year", "DATE", "1988")]


def test_a_second_day_after_and_shares_the_month() -> None:
    # the summit "on April 24 and 25" (DCT in February 1999: the coming April); "April 24 and 25 people" is no date
    assert _timex("The summit will be held on April 24 and 25.", "1999-02-10") == [
        ("April 24", "DATE", "1999-04-24"), ("25", "DATE", "1999-04-25")]
    assert _timex("The summit will be held on April 24 and 25 people will come.", "1999-02-10") == [
        ("April 24", "DATE", "1999-04-24")]


def test_a_year_after_pre_or_post_is_no_count() -> None:
    # "post-1959 politics": the years after 1959 (a plural noun after a bare year is otherwise a count: "1959 trucks")
    assert _timex("The post-1959 politics split families.", "2000-02-24") == [("post-1959", "DATE", "1959")]


def test_a_weekday_after_a_clock_time_and_another_clause_is_not_its_day() -> None:
    # 1998-08-08 is a Saturday: "at 10 a.m." with no day of its own is the DCT's; Friday belongs to the vote
    assert ("10 a.m.", "TIME", "1998-08-08T10:00") in _timex("Talks start at 10 a.m. and the vote is Friday.", "1998-08-08")


def test_a_capitalised_unit_inside_a_name_is_a_title() -> None:
    # programmes and papers: "This Week", "60 Minutes", "USA Today" (in prose: "this week", "60 minutes", "today")
    assert _timex('Baker said on ABC News\' "This Week," that the request helps.', "1990-08-13") == []
    assert _timex("Gonzalez said on CBS's ''60 Minutes'' that they abuse him.", "2000-04-17") == []
    assert _timex("He told USA Today the plan was dead.", "2000-04-17") == []
    # a sentence's first word and a headline in capitals stay dates
    assert _timex("Talks ended Friday. Today the sides meet again.", "2000-04-17")[-1] == ("Today", "DATE", "2000-04-17")
    assert _timex("It rained all week. This week was dry.", "2000-04-17") == [("This week", "DATE", "2000-W16")]


def test_irregular_past_forms_and_passives_mark_the_tense() -> None:
    # 2000-01-12 is a Wednesday: "fought Monday" is the Monday before, though "will" comes earlier in the sentence
    assert _timex("The guerrillas that will face trial fought Monday.", "2000-01-12") == [("Monday", "DATE", "2000-01-10")]
    # "is heard": a passive's participle says nothing, its "is" does (May after a March DCT: the coming one)
    assert _timex("The relatives could lose when the case is heard in May.", "2000-03-29") == [("May", "DATE", "2000-05")]


def test_that_week_that_month_and_that_summer_count_from_what_the_text_named() -> None:
    # a story of 20 January 2022 about January 2021: "that month" is January 2021, not the DCT's month
    text = "Protests began in January 2021. That month, the president resigned. The same month, prices rose."
    assert [v for _, _, v in _timex(text, "2022-01-20")] == ["2021-01", "2021-01", "2021-01"]
    # 2 January 2021 is a Saturday (ISO week 53 of 2020); the following week is week 1 of 2021
    text = "Protests began on Jan. 2, 2021. That week, troops came. The following week, they left."
    assert [v for _, _, v in _timex(text, "2022-01-20")] == ["2021-01-02", "2020-W53", "2021-W01"]
    assert _timex("Protests began in 2019. That summer, troops arrived.", "2022-01-20")[-1] == (
        "That summer", "DATE", "2019-SU")
    # "that evening" is the evening of the day just named (a TIME, as "Friday evening")
    assert _timex("Protests began on Jan. 2, 2021. That evening, troops arrived.", "2022-01-20")[-1] == (
        "That evening", "TIME", "2021-01-02TEV")
    # with nothing named before, "that week" has no known week; "over the following week" stays a duration; and
    # "that" opening a clause is no determiner
    assert _timex("That week was hard.", "2022-01-20") == [("That week", "DATE", "XXXX-WXX")]
    assert _timex("We hope that weekend talks will help.", "2022-01-20") == []
    assert _timex("Prices will fall over the following week.", "2022-01-20") == [
        ("the following week", "DURATION", "P1W")]


def test_over_the_previous_month_is_a_length_and_an_old_date_frames_nothing() -> None:
    # "over the previous month" counts back from the DCT (a duration), though a month was named before
    assert _timex("Talks began in July 2021. Prices rose over the previous month.", "2022-01-20")[-1] == (
        "the previous month", "DURATION", "P1M")
    # "The following month" right after March is April; a month named far back (over 1,000 characters) is no reference
    assert _timex("In March 1989, the bid failed. The following month, the company sold.", "1989-10-27")[-1] == (
        "The following month", "DATE", "1989-04")
    far = "In March 1989, the bid failed. " + "The market was quiet. " * 60 + "That month, the company sold."
    assert _timex(far, "1989-10-27")[-1] == ("That month", "DATE", "XXXX-XX")


def test_digit_patterns_start_with_a_digit_and_plans_match_the_rules() -> None:
    """The tagger searches its digit patterns from a text's first digit on (each must start with ``\\d``) and keeps
    its plan of rules per set of words: the same expressions as a fresh plan."""
    from kzlib.timeline import _timex

    assert all(d.pattern.startswith("\\d") for _, d in _timex._digit_rules())
    text = "Over the past three years, 2,000 people met at 10:30 a.m. on Jan. 5, 2021, and again a while later."
    first = [(m.start, m.end, m.rule) for m in _timex.find(text)]
    _timex._rule_groups.clear()
    _timex._needs_quantity.clear()
    _timex._decoded.clear()
    assert [(m.start, m.end, m.rule) for m in _timex.find(text)] == first
    assert [(m.start, m.end, m.rule) for m in _timex.find(text)] == first
    assert first


def test_names_that_are_no_dates_are_skipped_where_all_their_words_occur() -> None:
    """The not-dates pattern is searched only where all words of one of its names occur: "Good Friday" and
    "RUSSIA  TODAY" are no expressions; "Friday" and "today" elsewhere in the text are."""
    from kzlib.timeline import _timex

    def spans(text: str) -> list[str]:
        return [text[m.start:m.end] for m in _timex.find(text)]

    assert spans("He left on Good Friday, watched RUSSIA  TODAY on Friday and today.") == ["Friday", "today"]
    assert spans("He left on Good Friday.") == []
    assert spans("Good news on Friday: Russia said today.") == ["Friday", "today"]


def test_a_quarter_ended_on_a_weekday_is_no_month_and_no_crash() -> None:
    # "the quarter ended Saturday 30 June": the word after "ended" is a weekday, not a month; this raised KeyError
    found = _timex("Profit fell in the quarter ended Saturday 30 June.", "2018-08-01")
    assert ("the quarter", "DATE", "2018-Q2") in found


def test_that_opening_a_clause_is_no_season_or_day() -> None:
    # "said that summer jobs ...": "that" opens the reported clause; "that summer" at a sentence's end is a time
    assert _timex("He said that summer jobs were scarce.", "2020-05-05") == []
    assert _timex("Analysts warned that fall in prices would hurt.", "2020-05-05") == []
    assert _timex("It rained that summer.", "2020-05-05") == [("that summer", "DATE", "XXXX-SU")]


def test_a_weekday_before_a_british_date_is_part_of_it():
    # "Sunday 2 January" (2022-01-02 was a Sunday) is one date, not Sunday the 9th and 2 January
    m = extract_dates("Protests began on Sunday 2 January in Zhanaozen.", published="2022-01-10")
    assert m["date"].tolist() == ["2022-01-02"]
    assert m["timex_value"].tolist() == ["2022-01-02"]
    # the weekday's value does not replace the date's: 30 June 2021, not the Saturday before publication
    m = extract_dates("The quarter ended Saturday 30 June with a loss.", published="2022-01-10")
    assert m.loc[m["expression"].str.contains("June"), "date"].tolist() == ["2021-06-30"]


def test_a_weekday_with_its_date_after_a_comma_is_one_date():
    # "On Sunday, the 2nd of January" (2022-01-02 was a Sunday): one mention, not also Sunday the 9th
    m = extract_dates("On Sunday, the 2nd of January, troops arrived.", published="2022-01-10")
    assert m["date"].tolist() == ["2022-01-02"]
    # two weekdays are two dates
    m = extract_dates("On Friday and Saturday, protests spread.", published="2022-01-10")
    assert m["date"].tolist() == ["2022-01-07", "2022-01-08"]


def test_last_year_after_a_figure_is_the_quarter_compared_and_alone_the_year() -> None:
    # a quarterly report (DCT 1 November 1989, the third quarter just reported): "$2 million last year" compares
    # the quarter's figure with the same quarter of 1988, as "last year's results" does; a sentence that starts with
    # "Last year" tells what happened in 1988
    text = "Acme said its third-quarter profit rose to $5 million from $2 million last year."
    assert _timex(text, "1989-11-01")[-1] == ("last year", "DATE", "1988-Q3")
    text = "Acme said its third-quarter profit rose 5%. Last year's results included a gain."
    assert _timex(text, "1989-11-01")[-1] == ("Last year", "DATE", "1988-Q3")
    text = "Acme said its third-quarter profit rose 5%. Last year, Acme sold its truck unit."
    assert _timex(text, "1989-11-01")[-1] == ("Last year", "DATE", "1988")


def test_the_next_couple_of_years_is_a_duration_of_two_years() -> None:
    assert _timex("Prices may stay low over the next couple of years.", "1998-01-08") == [
        ("the next couple of years", "DURATION", "P2Y")]


def test_overnight_after_a_day_named_is_the_night_before_it() -> None:
    # 30 October 1989 is a Monday: shares fell on Friday 27 October after losses in the night before it (the 26th);
    # "the previous Friday" still counts from the Friday named, not from that night
    text = "Tokyo shares fell Friday after overnight losses in Chicago, down 2% from the previous Friday."
    assert _timex(text, "1989-10-30") == [("Friday", "DATE", "1989-10-27"), ("overnight", "TIME", "1989-10-26TNI"),
                                          ("the previous Friday", "DATE", "1989-10-20")]
    assert _timex("The storm passed overnight.", "1989-10-30") == [("overnight", "TIME", "1989-10-30TNI")]


def test_earlier_this_year_keeps_earlier_in_its_span() -> None:
    # TimeML: the part of the period ("earlier" = its start, mod START) belongs to the expression
    assert _timex("The firm sold its truck unit earlier this year.", "1989-10-30") == [
        ("earlier this year", "DATE", "1989")]
    assert _timex("Later this month, the board will vote.", "1989-10-30") == [("Later this month", "DATE", "1989-10")]


def test_a_middle_initial_ends_no_sentence_and_a_future_just_before_the_dct_is_that_date() -> None:
    # the tense of "Feb. 1" is that of "will succeed", across the initial "Q."; published 26 October 1989: next February
    text = "Mr. Brown, 58 years old, will succeed John Q. Adams Feb. 1, soon after Mr. Adams retires."
    assert _timex(text, "1989-10-26")[-1] == ("Feb. 1", "DATE", "1990-02-01")
    # published 20 March: "would ... by March 18" is a deadline two days before publication, seen from the past,
    # not March 18 of next year
    text = "The lawyers said they would file the appeal by March 18."
    assert _timex(text, "1999-03-20") == [("March 18", "DATE", "1999-03-18")]
    assert _timex("The lawyers will file the appeal by March 28.", "1999-03-20") == [
        ("March 28", "DATE", "1999-03-28")]


def test_review_a_country_abbreviation_ends_its_sentence_for_the_tense() -> None:
    # "the U.S." ends the past sentence; "visits ... on March 5" is the next one's (present): the coming March 5
    text = "Tokayev flew back from the U.S. The envoy visits Almaty on March 5."
    assert _timex(text, "2022-01-20")[-1] == ("March 5", "DATE", "2022-03-05")


def test_review_overnight_counts_from_a_day_named_in_its_own_sentence_only() -> None:
    # the 2nd is named in the sentence before: "Overnight" is the night of publication, as without it
    text = "Protests began in Zhanaozen on Jan. 2. Overnight, police detained 500 people in Almaty."
    assert _timex(text, "2022-01-06")[-1] == ("Overnight", "TIME", "2022-01-06TNI")


def test_review_a_plain_future_more_than_a_week_before_publication_is_next_year() -> None:
    # published 3 January: "will be held on Dec. 25" is the coming December, not nine days ago
    assert _timex("The forum will next be held on Dec. 25.", "2022-01-03") == [("Dec. 25", "DATE", "2022-12-25")]


def test_the_ends_of_a_range_of_durations_are_two_expressions() -> None:
    # TimeML tags each end of a range on its own: the first number borrows the unit written after the second
    assert _timex("The plant will reopen within four to six weeks.", "2001-05-02") == [
        ("four", "DURATION", "P4W"), ("six weeks", "DURATION", "P6W")]
    assert _timex("Repairs usually take between 3 and 5 days.", "2001-05-02") == [
        ("3", "DURATION", "P3D"), ("5 days", "DURATION", "P5D")]
    # "and" without "between" is no range; a number that is part of an amount is no end of one
    assert _timex("He was fined $10 and spent 20 days in jail.", "2001-05-02") == [("20 days", "DURATION", "P20D")]


def test_plural_quarters_in_a_past_sentence_are_dated() -> None:
    # a past sentence speaks of one year's quarters, not of a habit (review): a DATE, not a SET
    out = _timex("The company met its targets in the second and fourth quarters.", "2001-05-02")
    assert [t[1] for t in out] == ["DATE", "DATE"]
    assert all(t[2].endswith(("-Q2", "-Q4")) and not t[2].startswith("XXXX") for t in out)
    # ... unless the sentence says it is a habit
    assert _timex("Sales usually peaked in the second and fourth quarters.", "2001-05-02") == [
        ("second", "SET", "XXXX-Q2"), ("fourth quarters", "SET", "XXXX-Q4")]


def test_an_ordinal_before_and_shares_the_plural_quarters_after_it() -> None:
    # "the first and third quarters": recurring quarters of no given year (TimeML SET), one expression each
    assert _timex("Most orders usually arrive in the first and third quarters.", "2001-05-02") == [
        ("first", "SET", "XXXX-Q1"), ("third quarters", "SET", "XXXX-Q3")]


def test_the_first_two_quarters_of_a_year_are_its_first_half() -> None:
    assert _timex("Analysts expect losses in the first two quarters of 2002.", "2001-05-02") == [
        ("the first two quarters of 2002", "DATE", "2002-H1")]
    assert _timex("Profits fell in the first two quarters of this year.", "2001-11-02") == [
        ("the first two quarters of this year", "DATE", "2001-H1")]
    # without a year "the last two quarters" is two quarters counted back, no half of any year (review)
    assert _timex("Profits fell in the last two quarters.", "2001-05-02") == [
        ("the last two quarters", "DURATION", "P2Q")]


def test_the_past_three_summers_are_a_set_of_seasons() -> None:
    # each of the last three summers (TimeML SET, as "every summer"), not "the past" (PAST_REF) and a bare noun
    assert _timex("The town has flooded during the past three summers.", "2001-05-02") == [
        ("the past three summers", "SET", "XXXX-SU")]


def test_this_crucial_moment_is_the_present_as_this_moment() -> None:
    assert _timex("Leaving the talks at this crucial moment would be a mistake.", "2001-05-02") == [
        ("this crucial moment", "DATE", "PRESENT_REF")]
    # a determiner after "this" is no adjective of the moment (review)
    assert _timex("Was this the moment he had waited for?", "2001-05-02") == []
    assert _timex("Is this that moment?", "2001-05-02") == []


def test_a_bare_month_after_can_or_may_looks_ahead() -> None:
    # "can/may" + a verb in a sentence that is not past looks ahead as "will" does: in a December story "in
    # April" is next April; "may have" looks back, and a past-tense sentence keeps last April
    dec = "2001-12-05"
    assert _timex("The new members can take part in the summit in April.", dec) == [("April", "DATE", "2002-04")]
    assert _timex("The plant may close in March or April.", dec) == [("March", "DATE", "2002-03"),
                                                                     ("April", "DATE", "2002-04")]
    # a verb of memory or comparison: the month dates its object, not a possibility ahead (review)
    assert _timex("Residents can still recall the flood in April.", dec) == [("April", "DATE", "2001-04")]
    assert _timex("Investors may remember the crash of January.", "2001-06-05") == [("January", "DATE", "2001-01")]
    assert _timex("The rebels may have crossed the border in April.", dec) == [("April", "DATE", "2001-04")]
    assert _timex("The members took part in the summit in April.", dec) == [("April", "DATE", "2001-04")]


def test_march_of_a_capitalised_name_is_no_month() -> None:
    assert _timex("Thousands joined the March of the Living in Warsaw.", "2001-05-02") == []
    assert _timex("Prices rose in March of last year.", "2001-05-02")[0][:2] == ("March", "DATE")
