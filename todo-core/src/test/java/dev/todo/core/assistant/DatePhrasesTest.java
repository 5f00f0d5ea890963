package dev.todo.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatePhrasesTest {

    /** A Wednesday. */
    static final LocalDate WED = LocalDate.of(2026, 11, 18);
    static final LocalDate SAT = LocalDate.of(2026, 11, 21);
    static final LocalDate SUN = LocalDate.of(2026, 11, 22);
    static final LocalDate FRI = LocalDate.of(2026, 11, 20);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "today, 2026-11-18", "tonight, 2026-11-18", "this evening, 2026-11-18", "by eod, 2026-11-18",
            "tomorrow, 2026-11-19", "tomorrow morning, 2026-11-19", "tomorow, 2026-11-19", "tmrw, 2026-11-19",
            "tmr, 2026-11-19", "Tomorrow!, 2026-11-19", "day after tomorrow, 2026-11-20", "yesterday, 2026-11-17",
            "friday, 2026-11-20", "on fri, 2026-11-20", "by Friday, 2026-11-20", "this friday, 2026-11-20",
            "wednesday, 2026-11-25", "wensday, 2026-11-25", "this wednesday, 2026-11-18", "coming wednesday, 2026-11-25",
            "next Monday, 2026-11-23", "next friday, 2026-11-27", "on sat, 2026-11-21", "monday night, 2026-11-23",
            "this weekend, 2026-11-21", "the weekend, 2026-11-21", "next weekend, 2026-11-28",
            "next week, 2026-11-23", "end of week, 2026-11-20", "by end of the week, 2026-11-20", "this week, 2026-11-20",
            "end of next week, 2026-11-27", "end of month, 2026-11-30", "by the end of the month, 2026-11-30",
            "next month, 2026-12-01", "end of next month, 2026-12-31",
            "in 3 days, 2026-11-21", "in two weeks, 2026-12-02", "in a week, 2026-11-25", "in a couple of days, 2026-11-20",
            "in a few days, 2026-11-21", "in a month, 2026-12-18", "in a fortnight, 2026-12-02", "5 days from now, 2026-11-23",
            "Dec 5, 2026-12-05", "december 5th, 2026-12-05", "5 December, 2026-12-05", "the 5th of dec, 2026-12-05",
            "12/05, 2026-12-05", "12/5/2027, 2027-12-05", "2026-12-05, 2026-12-05", "Jan 3, 2027-01-03",
            "Nov 1, 2027-11-01", "the 25th, 2026-11-25", "the 1st, 2026-12-01", "'Friday, Nov 27', 2026-11-27",
            "dec 5 2027, 2027-12-05"})
    void parsesPhrasesRelativeToAWednesday(String phrase, String expected) {
        assertThat(DatePhrases.parse(phrase, WED)).as(phrase).contains(LocalDate.parse(expected));
    }

    @Test
    void weekBoundariesOnASaturday() {
        assertThat(DatePhrases.parse("this weekend", SAT)).contains(SAT);
        assertThat(DatePhrases.parse("end of week", SAT)).contains(LocalDate.of(2026, 11, 27));
        assertThat(DatePhrases.parse("next week", SAT)).contains(LocalDate.of(2026, 11, 23));
        assertThat(DatePhrases.parse("next monday", SAT)).contains(LocalDate.of(2026, 11, 23));
        assertThat(DatePhrases.parse("saturday", SAT)).contains(LocalDate.of(2026, 11, 28));
    }

    @Test
    void weekBoundariesOnASunday() {
        assertThat(DatePhrases.parse("this weekend", SUN)).contains(SUN);
        assertThat(DatePhrases.parse("by end of week", SUN)).contains(LocalDate.of(2026, 11, 27));
        assertThat(DatePhrases.parse("next monday", SUN)).contains(LocalDate.of(2026, 11, 23));
        assertThat(DatePhrases.parse("monday", SUN)).contains(LocalDate.of(2026, 11, 23));
    }

    @Test
    void endOfWeekOnAFridayIsToday() {
        assertThat(DatePhrases.parse("end of week", FRI)).contains(FRI);
        assertThat(DatePhrases.parse("friday", FRI)).contains(LocalDate.of(2026, 11, 27));
    }

    @Test
    void findsThePhraseInsideAMessageWithItsPreposition() {
        String text = "Call the bank by Friday about the loan";
        DatePhrases.Match m = DatePhrases.find(text, WED).orElseThrow();
        assertThat(m.date()).isEqualTo(FRI);
        assertThat(text.substring(m.start(), m.end())).isEqualTo("by Friday");
    }

    @Test
    void prefersTheLongestPhrase() {
        DatePhrases.Match m = DatePhrases.find("buy milk the day after tomorrow", WED).orElseThrow();
        assertThat(m.date()).isEqualTo(FRI);
    }

    @Test
    void ignoresNonDates() {
        assertThat(DatePhrases.find("buy milk and eggs", WED)).isEmpty();
        assertThat(DatePhrases.find("prepare slides for monday's meeting", WED)).isEmpty();
        assertThat(DatePhrases.find("sat down with the team", WED)).isEmpty();
        assertThat(DatePhrases.parse("13/45", WED)).isEmpty();
        assertThat(DatePhrases.parse("Feb 30", WED)).isEmpty();
        assertThat(DatePhrases.parse("the 31st", LocalDate.of(2027, 2, 1))).contains(LocalDate.of(2027, 3, 31));
        assertThat(DatePhrases.parse("tomorrow and more", WED)).isEmpty();
    }

    @Test
    void describesDatesInWords() {
        assertThat(DatePhrases.describe(WED, WED)).isEqualTo("today");
        assertThat(DatePhrases.describe(WED.plusDays(1), WED)).isEqualTo("tomorrow");
        assertThat(DatePhrases.describe(WED.minusDays(1), WED)).isEqualTo("yesterday");
        assertThat(DatePhrases.describe(LocalDate.of(2026, 11, 27), WED)).isEqualTo("Friday, Nov 27");
        assertThat(DatePhrases.describe(LocalDate.of(2027, 1, 4), WED)).isEqualTo("Monday, Jan 4, 2027");
        assertThat(DatePhrases.due(LocalDate.of(2026, 11, 27), WED)).isEqualTo("due on Friday, Nov 27");
        assertThat(DatePhrases.due(WED, WED)).isEqualTo("due today");
    }
}
