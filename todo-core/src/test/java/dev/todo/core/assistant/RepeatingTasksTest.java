package dev.todo.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Repeat, time-of-day and reminder phrases, from the message to the tool call the engine makes. */
class RepeatingTasksTest {

    /** A Wednesday. */
    static final LocalDate WED = LocalDate.of(2026, 11, 18);
    /** A Monday. */
    static final LocalDate MON = LocalDate.of(2026, 11, 23);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "add water the plants every Monday             | Water plants   | 2026-11-23 | FREQ=WEEKLY;BYDAY=MO",
            "remind me to file the report each weekday     | File report    | 2026-11-18 | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            "add pay rent monthly on the 1st               | Pay rent       | 2026-12-01 | FREQ=MONTHLY;BYMONTHDAY=1",
            "add review goals every 2 weeks                | Review goals   | 2026-11-18 | FREQ=WEEKLY;INTERVAL=2",
            "add stretch every day                         | Stretch        | 2026-11-18 | FREQ=DAILY",
            "add renew passport yearly                     | Renew passport | 2026-11-18 | FREQ=YEARLY",
            "add team sync every other week                | Team sync      | 2026-11-18 | FREQ=WEEKLY;INTERVAL=2",
            "add water the plants every Friday, due Dec 4  | Water plants   | 2026-12-04 | FREQ=WEEKLY;BYDAY=FR",
            "add gym every monday starting tomorrow        | Gym            | 2026-11-23 | FREQ=WEEKLY;BYDAY=MO",
            "add pay rent on the 31st of every month       | Pay rent       | 2026-11-30 | FREQ=MONTHLY;BYMONTHDAY=31",
            "can you add a recurring task to water the plants every monday? | Water plants | 2026-11-23 | FREQ=WEEKLY;BYDAY=MO",
            "add take out the bins every tuesday evening   | Take out bins  | 2026-11-24 | FREQ=WEEKLY;BYDAY=TU",
    })
    void aNewRepeatingTaskStartsOnTheRulesFirstDate(String message, String title, String due, String rrule) {
        Conversation chat = Conversation.withTitles(WED);
        String reply = chat.say(message);
        ToolCall call = chat.onlyChange();
        assertThat(call.name()).isEqualTo("create_task");
        assertThat(call.arguments()).containsEntry("title", title).containsEntry("due_date", due)
                .containsEntry("recurrence", rrule).doesNotContainKey("recur_from");
        assertThat(chat.task(title)).containsEntry("recurrence", rrule);
        assertThat(reply).contains("It repeats every");
    }

    @Test
    void everyMondayOnAMondayIsDueToday() {
        Conversation chat = Conversation.withTitles(MON);
        String reply = chat.say("add water the plants every Monday");
        assertThat(chat.onlyChange().arguments()).containsEntry("due_date", "2026-11-23");
        assertThat(reply).isEqualTo("I've created a task 'Water plants' due today. It repeats every week on Monday. Tags: home.");
    }

    @Test
    void aTasksDetailsShowItsRepeatTimeAndReminder() {
        Conversation chat = Conversation.withTitles(WED);
        chat.say("add gym every monday and thursday at 7am, remind me an hour before");
        assertThat(chat.onlyChange().arguments()).containsEntry("recurrence", "FREQ=WEEKLY;BYDAY=MO,TH")
                .containsEntry("due_date", "2026-11-19").containsEntry("due_time", "07:00").containsEntry("reminder_minutes_before", 60);
        assertThat(chat.say("show me the gym task")).contains("Due: tomorrow at 07:00\n")
                .contains("Repeats: every week on Monday and Thursday\n").contains("Reminder: 1 hour before");
    }

    @Test
    void afterICompleteItCountsFromTheCompletion() {
        Conversation chat = Conversation.withTitles(WED);
        String reply = chat.say("add mow the lawn every 2 weeks after I finish it");
        assertThat(chat.onlyChange().arguments()).containsEntry("title", "Mow lawn")
                .containsEntry("recurrence", "FREQ=WEEKLY;INTERVAL=2").containsEntry("recur_from", "completion");
        assertThat(reply).contains("It repeats every 2 weeks after completion.");
    }

    @Test
    void aTaskCanBeMadeToRepeat() {
        Conversation chat = new Conversation(List.of(
                Conversation.task(3, "Prepare meeting slides", "2026-11-18", "high", "pending"),
                Conversation.task(5, "Call mom", null, "medium", "pending")), WED);
        String reply = chat.say("make task 3 repeat every Friday");
        assertThat(chat.onlyChange().name()).isEqualTo("update_task");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "3").containsEntry("recurrence", "FREQ=WEEKLY;BYDAY=FR")
                .doesNotContainKey("due_date");
        assertThat(reply).isEqualTo("Done! I've updated 'Prepare meeting slides': it repeats every week on Friday.");

        // A task without a due date gets the rule's first date, as a repeat needs one.
        chat.say("make call mom repeat every Sunday");
        assertThat(chat.onlyChange().arguments()).containsEntry("recurrence", "FREQ=WEEKLY;BYDAY=SU")
                .containsEntry("due_date", "2026-11-22");
        assertThat(chat.task("Call mom")).containsEntry("recurrence", "FREQ=WEEKLY;BYDAY=SU").containsEntry("due_date", "2026-11-22");
    }

    @Test
    void aRepeatWithoutAVerbIsForTheTaskOfThatName() {
        Conversation chat = new Conversation(List.of(Conversation.task(12, "Water the plants", null, "medium", "pending")), WED);
        String reply = chat.say("every monday water the plants");
        assertThat(chat.onlyChange().name()).isEqualTo("update_task");
        assertThat(chat.onlyChange().arguments()).containsEntry("task_id", "12").containsEntry("due_date", "2026-11-23")
                .containsEntry("recurrence", "FREQ=WEEKLY;BYDAY=MO");
        assertThat(reply).isEqualTo("Done! I've updated 'Water the plants': it's now due on Monday, Nov 23 and it repeats every week on Monday.");
    }

    @Test
    void aTimeOfDayAndAReminderGoWithADueDate() {
        Conversation chat = Conversation.withTitles(WED);
        String reply = chat.say("add call mom friday at 17:30, remind me 30 minutes before");
        assertThat(chat.onlyChange().arguments()).containsEntry("title", "Call mom at 17:30").containsEntry("due_date", "2026-11-20")
                .containsEntry("due_time", "17:30").containsEntry("reminder_minutes_before", 30);
        assertThat(reply).startsWith("I've created a task 'Call mom at 17:30' due on Friday, Nov 20 at 17:30. I'll remind you 30 minutes before.");

        chat.say("add stretch every day at 7am");
        assertThat(chat.onlyChange().arguments()).containsEntry("recurrence", "FREQ=DAILY").containsEntry("due_date", "2026-11-18")
                .containsEntry("due_time", "07:00");
    }

    @Test
    void aTimeGoesWithTheDateTheMessageGivesAndABareHourIsNoTime() {
        Conversation chat = Conversation.withTitles(WED);
        // "at 5pm" alone already meant today; now it is today at 17:00.
        chat.say("add call the plumber at 5pm");
        assertThat(chat.onlyChange().arguments()).containsEntry("due_date", "2026-11-18").containsEntry("due_time", "17:00");

        chat.say("add call the electrician at 10");
        assertThat(chat.onlyChange().arguments()).doesNotContainKeys("due_time", "due_date");

        // A reminder without a due date has nothing to count back from: the message reads as before.
        chat.say("add renew the lease, remind me 2 days before");
        assertThat(chat.onlyChange().arguments()).doesNotContainKeys("reminder_minutes_before", "due_date");
    }

    @Test
    void wordsThatOnlyLookLikeARepeatChangeNothing() {
        Conversation chat = new Conversation(List.of(Conversation.task(6, "Pay rent", null, "medium", "pending")), WED);
        chat.say("tag pay rent as monthly");
        assertThat(chat.onlyChange().arguments()).containsEntry("tags", List.of("monthly")).doesNotContainKey("recurrence");

        chat.say("add write the weekly status report by friday");
        assertThat(chat.onlyChange().arguments()).containsEntry("title", "Write weekly status report")
                .containsEntry("due_date", "2026-11-20").doesNotContainKey("recurrence");

        chat.say("add water the plants every day this week");
        assertThat(chat.onlyChange().arguments()).doesNotContainKey("recurrence");
    }
}
