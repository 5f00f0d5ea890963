package dev.todo.core.assistant;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What one message means on its own, before looking at the tasks or the conversation: the intent and the
 * details it carries. Fields that do not apply to the intent are {@code null} or empty.
 *
 * @param title       create: the task's title; update: the new title when renaming
 * @param dueDate     create or update: the due date asked for
 * @param clearDue    update: remove the due date
 * @param priority    create, update: "low", "medium" or "high"
 * @param tags        create: all tags (explicit and inferred); update: tags to add
 * @param removeTags  update: tags to remove
 * @param description create or update: a note for the task
 * @param target      complete, reopen, update, delete, get: the words naming the task ("the groceries", "it", "task 3")
 * @param bulk        complete or delete: many tasks at once, selected by {@code query}
 * @param query       list, or a bulk change: which tasks
 * @param askDue      create: a bare "add a task to ..." with no date, so the assistant asks when
 * @param chat        chat: "greeting", "thanks", "feeling", "bye", "ack" or "unknown"
 * @param status      update: a new status ("in_progress") other than done or pending
 * @param recurrence  create or update: how the task repeats, a canonical RRULE ("every Monday": FREQ=WEEKLY;BYDAY=MO)
 * @param recurFrom   with a recurrence: "completion" when the next date counts from the completion, else null (from the due date)
 * @param dueTime     create or update: the time of day ("at 5pm": 17:00), only with a due date
 * @param reminderMinutesBefore create or update: "remind me 30 minutes before": 30, only with a due date
 */
public record Interpretation(Intent intent, String title, LocalDate dueDate, boolean clearDue, String priority,
        List<String> tags, List<String> removeTags, String description, String target, boolean bulk,
        ListQuery query, boolean askDue, String chat, String status, String recurrence, String recurFrom,
        LocalTime dueTime, Integer reminderMinutesBefore) {

    public Interpretation {
        tags = tags == null ? List.of() : List.copyOf(tags);
        removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
    }

    /** Without repeat, due time or reminder. */
    public Interpretation(Intent intent, String title, LocalDate dueDate, boolean clearDue, String priority,
            List<String> tags, List<String> removeTags, String description, String target, boolean bulk,
            ListQuery query, boolean askDue, String chat, String status) {
        this(intent, title, dueDate, clearDue, priority, tags, removeTags, description, target, bulk, query, askDue,
                chat, status, null, null, null, null);
    }

    /** This interpretation with a repeat, due time and reminder (each may be null), and {@code dueDate}. */
    Interpretation withSchedule(LocalDate date, String rrule, String from, LocalTime time, Integer reminder) {
        return new Interpretation(intent, title, date, clearDue, priority, tags, removeTags, description, target, bulk,
                query, askDue && date == null, chat, status, rrule, from, time, reminder);
    }

    static Interpretation of(Intent intent) {
        return new Interpretation(intent, null, null, false, null, List.of(), List.of(), null, null, false, null,
                false, null, null);
    }

    static Interpretation chat(String kind) {
        return new Interpretation(Intent.CHAT, null, null, false, null, List.of(), List.of(), null, null, false, null,
                false, kind, null);
    }

    static Interpretation target(Intent intent, String target) {
        return new Interpretation(intent, null, null, false, null, List.of(), List.of(), null, target, false, null,
                false, null, null);
    }

    static Interpretation list(ListQuery query) {
        return new Interpretation(Intent.LIST, null, null, false, null, List.of(), List.of(), null, null, false, query,
                false, null, null);
    }

    static Interpretation bulk(Intent intent, ListQuery query) {
        return new Interpretation(intent, null, null, false, null, List.of(), List.of(), null, null, true, query,
                false, null, null);
    }

    /** True if an update carries at least one change. */
    public boolean hasChanges() {
        return title != null || dueDate != null || clearDue || priority != null || !tags.isEmpty()
                || !removeTags.isEmpty() || description != null || status != null || recurrence != null
                || dueTime != null || reminderMinutesBefore != null;
    }
}
