package dev.todo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecurrenceTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    // ----- parsing and the canonical form -----

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "FREQ=DAILY                          | FREQ=DAILY",
            "freq=daily                          | FREQ=DAILY",
            "  RRULE: FREQ = weekly ; BYDAY = we, mo  | FREQ=WEEKLY;BYDAY=MO,WE",
            "rrule:FREQ=WEEKLY;BYDAY=FR,MO,FR,MO | FREQ=WEEKLY;BYDAY=MO,FR",
            "BYDAY=SU,SA;FREQ=WEEKLY;INTERVAL=2  | FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU",
            "FREQ=WEEKLY;INTERVAL=1              | FREQ=WEEKLY",
            "FREQ=MONTHLY;BYMONTHDAY=31;INTERVAL=03 | FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31",
            "FREQ=YEARLY;INTERVAL=365;          | FREQ=YEARLY;INTERVAL=365",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR    | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    })
    void parsesTheSubsetIntoItsCanonicalForm(String text, String canonical) {
        Recurrence rule = Recurrence.parse(text);
        assertThat(rule.rrule()).isEqualTo(canonical);
        assertThat(rule.toString()).isEqualTo(canonical);
        assertThat(Recurrence.parse(canonical)).isEqualTo(rule).hasSameHashCodeAs(rule);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL                                | Repeat must be an RRULE such as FREQ=WEEKLY;BYDAY=MO",
            "'   '                               | Repeat must be an RRULE such as FREQ=WEEKLY;BYDAY=MO",
            "every monday                        | Repeat must be an RRULE such as FREQ=WEEKLY;BYDAY=MO",
            "INTERVAL=2                          | Repeat must be an RRULE such as FREQ=WEEKLY;BYDAY=MO",
            "FREQ=WEEKLY;INTERVAL                | Repeat must be an RRULE such as FREQ=WEEKLY;BYDAY=MO",
            "FREQ=FORTNIGHTLY                    | Unknown FREQ FORTNIGHTLY (use DAILY, WEEKLY, MONTHLY or YEARLY)",
            "FREQ=HOURLY                         | FREQ=HOURLY is not supported: a task repeats DAILY, WEEKLY, MONTHLY or YEARLY",
            "FREQ=DAILY;INTERVAL=0               | INTERVAL must be a whole number from 1 to 365",
            "FREQ=DAILY;INTERVAL=366             | INTERVAL must be a whole number from 1 to 365",
            "FREQ=DAILY;INTERVAL=-1              | INTERVAL must be a whole number from 1 to 365",
            "FREQ=DAILY;INTERVAL=1.5             | INTERVAL must be a whole number from 1 to 365",
            "FREQ=DAILY;BYDAY=MO                 | BYDAY works only with FREQ=WEEKLY",
            "FREQ=MONTHLY;BYDAY=MO               | BYDAY works only with FREQ=WEEKLY",
            "FREQ=WEEKLY;BYDAY=MO,MX             | Unknown day MX in BYDAY (use MO,TU,WE,TH,FR,SA,SU)",
            "FREQ=MONTHLY;BYDAY=1MO              | BYDAY works only with FREQ=WEEKLY",
            "FREQ=WEEKLY;BYDAY=1MO               | Unknown day 1MO in BYDAY (use MO,TU,WE,TH,FR,SA,SU)",
            "FREQ=WEEKLY;BYDAY=                  | BYDAY needs at least one day (MO,TU,WE,TH,FR,SA,SU)",
            "FREQ=WEEKLY;BYMONTHDAY=3            | BYMONTHDAY works only with FREQ=MONTHLY",
            "FREQ=MONTHLY;BYMONTHDAY=0           | BYMONTHDAY must be one day of the month from 1 to 31",
            "FREQ=MONTHLY;BYMONTHDAY=32          | BYMONTHDAY must be one day of the month from 1 to 31",
            "FREQ=MONTHLY;BYMONTHDAY=-1          | BYMONTHDAY must be one day of the month from 1 to 31",
            "FREQ=MONTHLY;BYMONTHDAY=1,15        | BYMONTHDAY must be one day of the month from 1 to 31",
            "FREQ=DAILY;FREQ=WEEKLY              | FREQ appears more than once in the repeat rule",
            "FREQ=WEEKLY;BYDAY=MO;BYDAY=TU       | BYDAY appears more than once in the repeat rule",
            "FREQ=DAILY;COUNT=5                  | COUNT is not supported: a repeating task repeats until you stop it",
            "FREQ=DAILY;UNTIL=20261231           | UNTIL is not supported: a repeating task repeats until you stop it",
            "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1    | BYSETPOS is not supported (use BYDAY with FREQ=WEEKLY or BYMONTHDAY with FREQ=MONTHLY)",
            "FREQ=WEEKLY;WKST=SU                 | WKST is not supported: weeks start on Monday",
            "FREQ=DAILY;COLOR=RED                | Unknown part COLOR in the repeat rule (use FREQ, INTERVAL, BYDAY or BYMONTHDAY)",
    })
    void refusesAnythingOutsideTheSubsetWithAClearMessage(String text, String message) {
        assertThatThrownBy(() -> Recurrence.parse(text))
                .isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.field()).isEqualTo("recurrence"))
                .hasMessage(message);
    }

    @Test
    void exposesItsParts() {
        Recurrence rule = Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR,MO");
        assertThat(rule.frequency()).isEqualTo(Recurrence.Frequency.WEEKLY);
        assertThat(rule.interval()).isEqualTo(2);
        assertThat(rule.days()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        assertThat(rule).isNotEqualTo(Recurrence.parse("FREQ=WEEKLY;BYDAY=FR,MO"));
    }

    // ----- the next date -----

    @ParameterizedTest(name = "{0} after {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // DAILY and WEEKLY without days: the interval from the date itself
            "FREQ=DAILY                      | 2026-12-31 | 2027-01-01",
            "FREQ=DAILY;INTERVAL=3           | 2026-02-27 | 2026-03-02",
            "FREQ=WEEKLY                     | 2026-12-09 | 2026-12-16",
            "FREQ=WEEKLY;INTERVAL=2          | 2026-12-30 | 2027-01-13",
            // WEEKLY with days: later in the same Monday-to-Sunday week, else the first day interval weeks on
            "FREQ=WEEKLY;BYDAY=MO            | 2026-12-07 | 2026-12-14",
            "FREQ=WEEKLY;BYDAY=MO            | 2026-12-06 | 2026-12-07",
            "FREQ=WEEKLY;BYDAY=MO,WE,FR      | 2026-12-07 | 2026-12-09",
            "FREQ=WEEKLY;BYDAY=MO,WE,FR      | 2026-12-11 | 2026-12-14",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | 2026-12-12 | 2026-12-14",
            "FREQ=WEEKLY;BYDAY=SU            | 2026-12-13 | 2026-12-20",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH | 2026-12-07 | 2026-12-10",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH | 2026-12-10 | 2026-12-21",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH | 2026-12-13 | 2026-12-21",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU | 2026-12-29 | 2027-01-12",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU | 2026-12-28 | 2026-12-29",
            // MONTHLY without a day: the same day a month on, the last day of a shorter month
            "FREQ=MONTHLY                    | 2026-01-15 | 2026-02-15",
            "FREQ=MONTHLY                    | 2026-01-31 | 2026-02-28",
            "FREQ=MONTHLY                    | 2028-01-31 | 2028-02-29",
            "FREQ=MONTHLY;INTERVAL=3         | 2026-11-30 | 2027-02-28",
            // MONTHLY on a day: later this month if still ahead, else that day interval months on, clamped
            "FREQ=MONTHLY;BYMONTHDAY=1       | 2026-12-01 | 2027-01-01",
            "FREQ=MONTHLY;BYMONTHDAY=15      | 2026-12-07 | 2026-12-15",
            "FREQ=MONTHLY;BYMONTHDAY=15      | 2026-12-15 | 2027-01-15",
            "FREQ=MONTHLY;BYMONTHDAY=31      | 2026-01-31 | 2026-02-28",
            "FREQ=MONTHLY;BYMONTHDAY=31      | 2026-02-28 | 2026-03-31",
            "FREQ=MONTHLY;BYMONTHDAY=31      | 2028-01-31 | 2028-02-29",
            "FREQ=MONTHLY;BYMONTHDAY=31      | 2026-04-10 | 2026-04-30",
            "FREQ=MONTHLY;BYMONTHDAY=30      | 2026-01-30 | 2026-02-28",
            "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=31 | 2026-12-31 | 2027-02-28",
            "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=10 | 2026-12-20 | 2027-02-10",
            // YEARLY: a year on; Feb 29 falls on Feb 28 in a common year
            "FREQ=YEARLY                     | 2026-03-01 | 2027-03-01",
            "FREQ=YEARLY                     | 2028-02-29 | 2029-02-28",
            "FREQ=YEARLY;INTERVAL=4          | 2028-02-29 | 2032-02-29",
    })
    void nextIsTheFirstDateOfTheRuleStrictlyAfter(String rule, String after, String next) {
        assertThat(Recurrence.parse(rule).next(d(after))).isEqualTo(d(next));
    }

    @Test
    void monthlyOnThe31stKeepsReturningToTheMonthEnd() {
        Recurrence rule = Recurrence.parse("FREQ=MONTHLY;BYMONTHDAY=31");
        LocalDate date = d("2026-01-31");
        List<LocalDate> dates = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            date = rule.next(date);
            dates.add(date);
        }
        assertThat(dates).containsExactly(d("2026-02-28"), d("2026-03-31"), d("2026-04-30"), d("2026-05-31"));
    }

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "FREQ=DAILY                 | 2026-12-07 | 2026-12-07",
            "FREQ=WEEKLY;INTERVAL=2     | 2026-12-07 | 2026-12-07",
            "FREQ=WEEKLY;BYDAY=MO       | 2026-12-07 | 2026-12-07",
            "FREQ=WEEKLY;BYDAY=MO       | 2026-12-08 | 2026-12-14",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR | 2026-12-12 | 2026-12-18",
            "FREQ=MONTHLY;BYMONTHDAY=1  | 2026-12-07 | 2027-01-01",
            "FREQ=MONTHLY;BYMONTHDAY=1  | 2027-01-01 | 2027-01-01",
            "FREQ=MONTHLY;BYMONTHDAY=31 | 2026-02-10 | 2026-02-28",
    })
    void firstOnOrAfterStartsASeries(String rule, String day, String first) {
        assertThat(Recurrence.parse(rule).firstOnOrAfter(d(day))).isEqualTo(d(first));
    }

    @Test
    void nextDueCountsFromTheDueDateOrFromTheCompletion() {
        Recurrence everyTwoWeeks = Recurrence.parse("FREQ=WEEKLY;INTERVAL=2");
        LocalDate due = d("2026-12-01");
        LocalDate completed = d("2026-12-10");
        assertThat(everyTwoWeeks.nextDue(due, completed, RecurFrom.DUE)).isEqualTo(d("2026-12-15"));
        assertThat(everyTwoWeeks.nextDue(due, completed, RecurFrom.COMPLETION)).isEqualTo(d("2026-12-24"));
        // A fixed schedule: completing long after the due date may give a next date that is already past.
        assertThat(everyTwoWeeks.nextDue(due, d("2026-12-31"), RecurFrom.DUE)).isEqualTo(d("2026-12-15"));

        Recurrence mondays = Recurrence.parse("FREQ=WEEKLY;BYDAY=MO");
        assertThat(mondays.nextDue(d("2026-12-07"), d("2026-12-09"), RecurFrom.DUE)).isEqualTo(d("2026-12-14"));
        assertThat(mondays.nextDue(d("2026-12-07"), d("2026-12-14"), RecurFrom.COMPLETION)).isEqualTo(d("2026-12-21"));
    }

    // ----- in words -----

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "FREQ=DAILY                       | Every day",
            "FREQ=DAILY;INTERVAL=3            | Every 3 days",
            "FREQ=WEEKLY                      | Every week",
            "FREQ=WEEKLY;INTERVAL=2           | Every 2 weeks",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | Every weekday",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR | Every 2 weeks on Monday, Tuesday, Wednesday, Thursday and Friday",
            "FREQ=WEEKLY;BYDAY=WE,MO          | Every week on Monday and Wednesday",
            "FREQ=WEEKLY;BYDAY=FR             | Every week on Friday",
            "FREQ=WEEKLY;BYDAY=MO,WE,FR       | Every week on Monday, Wednesday and Friday",
            "FREQ=MONTHLY                     | Every month",
            "FREQ=MONTHLY;BYMONTHDAY=1        | Every month on the 1st",
            "FREQ=MONTHLY;BYMONTHDAY=2        | Every month on the 2nd",
            "FREQ=MONTHLY;BYMONTHDAY=13       | Every month on the 13th",
            "FREQ=MONTHLY;BYMONTHDAY=22       | Every month on the 22nd",
            "FREQ=MONTHLY;BYMONTHDAY=31       | Every month on the 31st (or the last day)",
            "FREQ=MONTHLY;INTERVAL=3          | Every 3 months",
            "FREQ=YEARLY                      | Every year",
            "FREQ=YEARLY;INTERVAL=2           | Every 2 years",
    })
    void describesTheRuleInWords(String rule, String words) {
        assertThat(Recurrence.parse(rule).describe()).isEqualTo(words);
        assertThat(Recurrence.parse(rule).describe(RecurFrom.DUE)).isEqualTo(words);
    }

    @Test
    void describesACountFromTheCompletion() {
        assertThat(Recurrence.parse("FREQ=WEEKLY;INTERVAL=2").describe(RecurFrom.COMPLETION))
                .isEqualTo("Every 2 weeks after completion");
    }

    // ----- on a task -----

    @Test
    void aTaskStoresTheCanonicalRule() {
        Instant now = Instant.parse("2026-12-07T09:00:00Z");
        Task task = Task.create(1, "Water the plants", null, now).withDueDate(d("2026-12-07"), now)
                .withRecurrence("rrule: freq=weekly; byday=we,mo,we", RecurFrom.DUE, now);
        assertThat(task.recurrence()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,WE");
        assertThat(task.repeats()).isTrue();
    }

    @Test
    void aTaskRefusesARuleOutsideTheSubset() {
        Instant now = Instant.parse("2026-12-07T09:00:00Z");
        Task task = Task.create(1, "Water the plants", null, now).withDueDate(d("2026-12-07"), now);
        assertThatThrownBy(() -> task.withRecurrence("FREQ=DAILY;COUNT=3", RecurFrom.DUE, now))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessage("COUNT is not supported: a repeating task repeats until you stop it");
        assertThatThrownBy(() -> Task.create(2, "Stretch", null, now).withRecurrence("FREQ=DAILY", RecurFrom.DUE, now))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessage("A repeating task needs a due date");
    }
}
