package dev.todo.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepeatPhrasesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "water the plants every Monday            | FREQ=WEEKLY;BYDAY=MO           | every Monday",
            "gym each monday and thursday             | FREQ=WEEKLY;BYDAY=MO,TH        | each monday and thursday",
            "gym every fri, wed and mon               | FREQ=WEEKLY;BYDAY=MO,WE,FR     | every fri, wed and mon",
            "call grandma on sundays                  | FREQ=WEEKLY;BYDAY=SU           | on sundays",
            "file the report each weekday             | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | each weekday",
            "standup every working day                | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | every working day",
            "standup on weekdays                      | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | on weekdays",
            "hike every weekend                       | FREQ=WEEKLY;BYDAY=SA,SU        | every weekend",
            "pay rent monthly on the 1st              | FREQ=MONTHLY;BYMONTHDAY=1      | monthly on the 1st",
            "pay rent on the 1st of every month       | FREQ=MONTHLY;BYMONTHDAY=1      | on the 1st of every month",
            "pay rent every month on the 31st         | FREQ=MONTHLY;BYMONTHDAY=31     | every month on the 31st",
            "invoice every 15th                       | FREQ=MONTHLY;BYMONTHDAY=15     | every 15th",
            "review goals every 2 weeks               | FREQ=WEEKLY;INTERVAL=2         | every 2 weeks",
            "review goals every three months          | FREQ=MONTHLY;INTERVAL=3        | every three months",
            "team sync every other week               | FREQ=WEEKLY;INTERVAL=2         | every other week",
            "team sync every other tuesday            | FREQ=WEEKLY;INTERVAL=2;BYDAY=TU | every other tuesday",
            "team sync every 2 weeks on friday        | FREQ=WEEKLY;INTERVAL=2;BYDAY=FR | every 2 weeks on friday",
            "stretch every day                        | FREQ=DAILY                     | every day",
            "stretch daily                            | FREQ=DAILY                     | daily",
            "water the plants weekly, please          | FREQ=WEEKLY                    | weekly",
            "bins weekly on tuesday                   | FREQ=WEEKLY;BYDAY=TU           | weekly on tuesday",
            "renew passport yearly                    | FREQ=YEARLY                    | yearly",
            "check the smoke alarm annually           | FREQ=YEARLY                    | annually",
            "clean the gutters every year             | FREQ=YEARLY                    | every year",
            "payroll fortnightly                      | FREQ=WEEKLY;INTERVAL=2         | fortnightly",
    })
    void readsTheRepeat(String text, String rrule, String phrase) {
        RepeatPhrases.Match m = RepeatPhrases.find(text).orElseThrow();
        assertThat(m.rrule()).isEqualTo(rrule);
        assertThat(text.substring(m.start(), m.end())).isEqualTo(phrase);
        assertThat(m.fromCompletion()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "mow the lawn every 2 weeks after I finish it",
            "clean the fridge monthly after completion",
            "water the plants every 3 days, counting from when it's done",
            "descale the kettle every month from the last time I did it",
    })
    void readsACountFromTheCompletion(String text) {
        RepeatPhrases.Match m = RepeatPhrases.find(text).orElseThrow();
        assertThat(m.fromCompletion()).isTrue();
        assertThat(text.substring(m.end()).strip()).isEmpty();
    }

    @Test
    void aStartingWordGoesWithTheRepeatAndLeavesTheDate() {
        String text = "water the plants every Wednesday starting next week";
        RepeatPhrases.Match m = RepeatPhrases.find(text).orElseThrow();
        assertThat(m.rrule()).isEqualTo("FREQ=WEEKLY;BYDAY=WE");
        assertThat(text.substring(m.end()).strip()).isEqualTo("next week");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "write the weekly status report by friday",
            "put together the monthly report before Dec 2",
            "create a task called Weekly planning for Monday",
            "water the plants every day this week",
            "call mom every day until friday",
            "take vitamins every morning",
            "check every item on the list",
            "set up a recurring backup for the photos",
            "remind me to back up my laptop every... well just friday",
            "buy milk tomorrow",
            "the daily standup notes",
    })
    void findsNoRepeatWhereThereIsNone(String text) {
        assertThat(RepeatPhrases.find(text)).isEmpty();
    }
}
