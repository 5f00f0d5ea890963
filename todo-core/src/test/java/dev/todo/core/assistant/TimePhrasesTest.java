package dev.todo.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimePhrasesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "call mom at 5pm       | 17:00",
            "call mom at 5 pm      | 17:00",
            "call mom at 5:30pm    | 17:30",
            "call mom at 17:30     | 17:30",
            "dentist 9am tomorrow  | 09:00",
            "lunch at 12pm         | 12:00",
            "party at 12 a.m.      | 00:00",
            "lunch at noon         | 12:00",
            "call @ 8:15           | 08:15",
    })
    void readsATimeOfDay(String text, String time) {
        assertThat(TimePhrases.time(text)).contains(LocalTime.parse(time));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"meeting with client at 10", "review 3 PRs", "call at 25:00", "at 13pm", "room 5 at the office"})
    void findsNoTimeInABareNumber(String text) {
        assertThat(TimePhrases.time(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "call mom at 5pm, remind me 30 minutes before         | 30",
            "call mom at 5pm and remind me an hour before         | 60",
            "dentist friday with a reminder 2 hours ahead         | 120",
            "flight on friday, remind me a day in advance         | 1440",
            "standup at 9am, ping me fifteen mins before it       | 15",
            "standup at 9am, remind me half an hour beforehand    | 30",
    })
    void readsAReminder(String text, int minutes) {
        TimePhrases.Reminder reminder = TimePhrases.reminder(text).orElseThrow();
        assertThat(reminder.minutes()).isEqualTo(minutes);
        assertThat(text.substring(0, reminder.start())).doesNotContain("remind", "reminder", "ping");
    }

    @Test
    void aReminderPhraseIsCutOutWhole() {
        String text = "call mom at 5pm, remind me 30 minutes before";
        TimePhrases.Reminder reminder = TimePhrases.reminder(text).orElseThrow();
        assertThat(text.substring(0, reminder.start()) + text.substring(reminder.end())).isEqualTo("call mom at 5pm");
    }

    @Test
    void findsNoReminderInARequestToBeReminded() {
        assertThat(TimePhrases.reminder("remind me to buy milk tomorrow")).isEmpty();
    }
}
