package dev.todo.server.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import dev.todo.core.InvalidTaskException;
import dev.todo.core.Priority;
import dev.todo.core.RecurFrom;
import dev.todo.core.Recurrence;
import dev.todo.core.Task;
import dev.todo.core.TaskFields;
import dev.todo.core.TaskStatus;
import dev.todo.server.web.InvalidRequestException;

/**
 * A create or update body applied to a task through the rules of todo-core. Every bad field is reported
 * at once, by name; a field present with {@code null} clears it (description, due date, tags), an absent
 * field is left alone.
 */
final class TaskInput {

    static final List<String> FIELDS = List.of("title", "description", "status", "priority", "dueDate", "tags",
            "dueTime", "reminderMinutesBefore", "recurrence", "recurFrom");

    private TaskInput() {
    }

    /** A new task from a create body: a title is required, the rest defaults as in {@link Task#create}. */
    static Task create(JsonNode body, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkObject(body);
        JsonNode title = body.get("title");
        String validTitle = "untitled";
        if (title == null || title.isNull()) {
            errors.put("title", "Title is required");
        } else {
            validTitle = attempt(errors, "title", () -> TaskFields.title(text(title, "title")), validTitle);
        }
        Task task = apply(body, Task.create(0, validTitle, null, now), now, errors, false);
        throwIfAny(errors);
        return task;
    }

    /** {@code current} with the changes of an update body. */
    static Task update(JsonNode body, Task current, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkObject(body);
        Task task = apply(body, current, now, errors, true);
        throwIfAny(errors);
        return task;
    }

    private static Task apply(JsonNode body, Task start, Instant now, Map<String, String> errors, boolean withTitle) {
        Task task = start;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            Task before = task;
            task = switch (name) {
                case "title" -> withTitle
                        ? attempt(errors, name, () -> before.withTitle(value.isNull() ? null : text(value, name), now), before)
                        : before;
                case "description" -> attempt(errors, name,
                        () -> before.withDescription(value.isNull() ? null : text(value, name), now), before);
                case "status" -> attempt(errors, name,
                        () -> before.withStatus(TaskStatus.fromWireName(text(value, name)), now), before);
                case "priority" -> attempt(errors, name,
                        () -> before.withPriority(Priority.fromWireName(text(value, name)), now), before);
                case "dueDate" -> attempt(errors, name,
                        () -> before.withDueDate(value.isNull() ? null : date(text(value, name)), now), before);
                case "tags" -> attempt(errors, name,
                        () -> before.withTags(value.isNull() ? List.of() : strings(value, name), now), before);
                case "dueTime", "reminderMinutesBefore", "recurrence", "recurFrom" -> before;
                default -> {
                    errors.put(name, "Unknown field; a task has " + String.join(", ", FIELDS));
                    yield before;
                }
            };
        }
        return applySchedule(body, task, now, errors);
    }

    /**
     * The due time, reminder and repeat, after the due date (they need one): a body may set a date and a time
     * together, in any order. The rule that each needs a date is the task's own, reported on the field.
     */
    private static Task applySchedule(JsonNode body, Task task, Instant now, Map<String, String> errors) {
        LocalTime dueTime = task.dueTime();
        Integer reminder = task.reminderMinutesBefore();
        String recurrence = task.recurrence();
        RecurFrom recurFrom = task.recurFrom();
        try {
            if (body.has("dueTime")) {
                dueTime = attempt(errors, "dueTime", () -> time(body.get("dueTime")), dueTime);
            }
            if (body.has("reminderMinutesBefore")) {
                reminder = attempt(errors, "reminderMinutesBefore",
                        () -> minutes(body.get("reminderMinutesBefore")), reminder);
            }
            if (body.has("recurrence")) {
                JsonNode value = body.get("recurrence");
                recurrence = attempt(errors, "recurrence",
                        () -> value.isNull() ? null : Recurrence.parse(text(value, "recurrence")).rrule(), recurrence);
            }
            if (body.has("recurFrom")) {
                JsonNode value = body.get("recurFrom");
                recurFrom = attempt(errors, "recurFrom",
                        () -> value.isNull() ? RecurFrom.DUE : RecurFrom.fromWireName(text(value, "recurFrom")), recurFrom);
            }
            boolean unchanged = java.util.Objects.equals(dueTime, task.dueTime())
                    && java.util.Objects.equals(reminder, task.reminderMinutesBefore())
                    && java.util.Objects.equals(recurrence, task.recurrence()) && recurFrom == task.recurFrom();
            if (!errors.isEmpty() || unchanged) {
                return task;
            }
            return task.withDueTime(dueTime, now).withReminder(reminder, now)
                    .withRecurrence(recurrence, recurFrom, now);
        } catch (InvalidTaskException e) {
            errors.put(e.field(), e.getMessage());
            return task;
        }
    }

    private static LocalTime time(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        String text = text(value, "dueTime").strip();
        if (!text.matches("\\d{1,2}:\\d{2}")) {
            throw new InvalidTaskException("dueTime", "'" + text + "' is not a time like 17:30");
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new InvalidTaskException("dueTime", "'" + text + "' is not a time like 17:30");
        }
    }

    private static Integer minutes(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidTaskException("reminderMinutesBefore",
                    "Reminder must be a whole number of minutes before the due time, or null for none");
        }
        return TaskFields.reminderMinutesBefore(value.intValue());
    }

    static String text(JsonNode value, String field) {
        if (!value.isString()) {
            throw new InvalidTaskException(field, capitalized(field) + " must be a string");
        }
        return value.stringValue();
    }

    static List<String> strings(JsonNode value, String field) {
        if (!value.isArray()) {
            throw new InvalidTaskException(field, capitalized(field) + " must be a list of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : value.values()) {
            list.add(text(item, field));
        }
        return list;
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidTaskException("dueDate", "'" + text + "' is not a date like 2026-11-23");
        }
    }

    private static void checkObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "The request body must be a JSON object");
        }
    }

    private static <T> T attempt(Map<String, String> errors, String field, Supplier<T> change,
                                 T fallback) {
        try {
            return change.get();
        } catch (InvalidTaskException e) {
            errors.put(field, e.getMessage());
            return fallback;
        }
    }

    private static String capitalized(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    private static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
