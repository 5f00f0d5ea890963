package dev.todo.server.mcp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads tool arguments (snake_case JSON values) into what the task module takes, with a clear message for
 * each kind of mistake. The task rules themselves (title length, tag format, ...) are not repeated here:
 * the task module checks them and its messages reach the caller.
 */
final class Arguments {

    /** Tool parameter → HTTP API field, for the fields a task has. */
    private static final Map<String, String> TASK_FIELDS = Map.ofEntries(
            Map.entry("title", "title"), Map.entry("description", "description"), Map.entry("status", "status"),
            Map.entry("due_date", "dueDate"), Map.entry("priority", "priority"), Map.entry("tags", "tags"),
            Map.entry("due_time", "dueTime"), Map.entry("reminder_minutes_before", "reminderMinutesBefore"),
            Map.entry("recurrence", "recurrence"), Map.entry("recur_from", "recurFrom"));

    private Arguments() {
    }

    static void onlyKnown(Map<String, Object> args, Set<String> known) {
        Set<String> unknown = new TreeSet<>(args.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new ToolInputException("Unknown argument" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + "; this tool takes " + String.join(", ", known));
        }
    }

    /** A task id given as "12" or 12. */
    static long taskId(Map<String, Object> args) {
        Object value = args.get("task_id");
        if (value == null) {
            throw new ToolInputException("task_id is required: the id of a task, as list_tasks shows it");
        }
        String text = value.toString().strip();
        if (value instanceof Number number && number.doubleValue() == number.longValue()) {
            text = Long.toString(number.longValue());
        }
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ToolInputException("task_id must be a task's id, a positive number like \"12\", not '" + value + "'");
    }

    /** The task fields present in {@code args}, named as the task module names them. */
    static Map<String, Object> taskFields(Map<String, Object> args, boolean creating) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> arg : args.entrySet()) {
            String field = TASK_FIELDS.get(arg.getKey());
            if (field == null || (creating && field.equals("status"))) {
                continue;
            }
            Object value = arg.getValue();
            if (field.equals("dueDate") && value != null) {
                value = date(args, arg.getKey()).toString();
            }
            fields.put(field, value);
        }
        return fields;
    }

    static String requiredText(Map<String, Object> args, String name) {
        Object value = args.get(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new ToolInputException(name + " is required: a non-empty string");
        }
        return text.strip();
    }

    /** An optional value that must be one of {@code allowed}. */
    static String oneOf(Map<String, Object> args, String name, List<String> allowed) {
        Object value = args.get(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(text)) {
            throw new ToolInputException(name + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
        }
        return text;
    }

    static LocalDate date(Map<String, Object> args, String name) {
        Object value = args.get(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw new ToolInputException(name + " must be a date like 2026-11-23 (YYYY-MM-DD), not '" + value + "'");
        }
    }

    static List<String> strings(Map<String, Object> args, String name) {
        Object value = args.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new ToolInputException(name + " must be a list of strings, e.g. [\"work\"]");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw new ToolInputException(name + " must be a list of strings, e.g. [\"work\"]");
            }
            strings.add(text);
        }
        return strings;
    }

    static int limit(Map<String, Object> args, int defaultLimit) {
        Object value = args.get("limit");
        if (value == null) {
            return defaultLimit;
        }
        if (value instanceof Number number && number.doubleValue() == number.intValue()
                && number.intValue() >= 1 && number.intValue() <= 100) {
            return number.intValue();
        }
        throw new ToolInputException("limit must be a whole number from 1 to 100, not '" + value + "'");
    }

    /** A task module field name as the tools call it ({@code dueDate} → {@code due_date}). */
    static String toolName(String field) {
        return TASK_FIELDS.entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey)
                .findFirst().orElse(field);
    }
}
