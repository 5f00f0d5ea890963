package dev.todo.server.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Schema pieces for the tools' input and output schemas, written out plainly. */
final class Schemas {

    private Schemas() {
    }

    /** An object with these properties (in order), of which {@code required} must be present; nothing else. */
    static Map<String, Object> object(List<String> required, Map<String, Object> properties) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    static Map<String, Object> string(String description, int minLength, int maxLength) {
        return Map.of("type", "string", "description", description, "minLength", minLength, "maxLength", maxLength);
    }

    static Map<String, Object> nullableString(String description, int maxLength) {
        return Map.of("type", List.of("string", "null"), "description", description, "maxLength", maxLength);
    }

    static Map<String, Object> oneOf(String description, List<String> values) {
        return Map.of("type", "string", "description", description, "enum", values);
    }

    static Map<String, Object> date(String description) {
        return Map.of("type", "string", "format", "date", "description", description);
    }

    static Map<String, Object> nullableDate(String description) {
        return Map.of("type", List.of("string", "null"), "format", "date", "description", description);
    }

    static Map<String, Object> strings(String description, int maxItems) {
        return Map.of("type", "array", "items", Map.of("type", "string"), "maxItems", maxItems,
                "description", description);
    }

    static Map<String, Object> integer(String description, int minimum, int maximum) {
        return Map.of("type", "integer", "description", description, "minimum", minimum, "maximum", maximum);
    }

    /** The due time, reminder and repeat parameters, shared by create_task and update_task. */
    static void schedule(Map<String, Object> properties, String clears) {
        properties.put("due_time", Map.of("type", List.of("string", "null"), "pattern", "^[0-9]{1,2}:[0-9]{2}$",
                "description", "Optional time of day the task is due, HH:mm in the user's time zone; needs a "
                        + "due_date" + clears));
        properties.put("reminder_minutes_before", Map.of("type", List.of("integer", "null"), "minimum", 0,
                "maximum", dev.todo.core.TaskFields.REMINDER_MAX_MINUTES, "description", "Optional reminder, in "
                        + "minutes before the due time (0 = at the due time; 09:00 without a due_time); needs a "
                        + "due_date" + clears));
        properties.put("recurrence", Map.of("type", List.of("string", "null"), "maxLength", 100, "description",
                "Optional repeat as an RRULE: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY, INTERVAL=n, BYDAY=MO,TU,... "
                        + "(weekly), BYMONTHDAY=1..31 (monthly), e.g. FREQ=WEEKLY;BYDAY=MO,WE; needs a due_date"
                        + clears));
        properties.put("recur_from", Map.of("type", "string", "enum", List.of("due", "completion"), "description",
                "Whether the next date counts from the due date (default) or from when the task is completed"));
    }

    static Map<String, Object> taskId() {
        return Map.of("type", List.of("string", "integer"), "pattern", "^[0-9]+$",
                "description", "The task's id, as list_tasks or search_tasks show it, e.g. \"12\"");
    }

    /** One task as the tools return it (snake_case, like their parameters). */
    static Map<String, Object> task() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", Map.of("type", "integer"));
        properties.put("title", Map.of("type", "string"));
        properties.put("description", Map.of("type", List.of("string", "null")));
        properties.put("status", Map.of("type", "string", "enum", List.of("pending", "in_progress", "done")));
        properties.put("priority", Map.of("type", "string", "enum", List.of("low", "medium", "high")));
        properties.put("due_date", Map.of("type", List.of("string", "null"), "format", "date"));
        properties.put("tags", Map.of("type", "array", "items", Map.of("type", "string")));
        properties.put("due_time", Map.of("type", List.of("string", "null"), "pattern", "^[0-9]{2}:[0-9]{2}$"));
        properties.put("reminder_minutes_before", Map.of("type", List.of("integer", "null")));
        properties.put("recurrence", Map.of("type", List.of("string", "null")));
        properties.put("recur_from", Map.of("type", "string", "enum", List.of("due", "completion")));
        properties.put("created_at", Map.of("type", "string", "format", "date-time"));
        properties.put("updated_at", Map.of("type", "string", "format", "date-time"));
        properties.put("completed_at", Map.of("type", List.of("string", "null"), "format", "date-time"));
        return Map.of("type", "object", "properties", properties, "required", List.copyOf(properties.keySet()));
    }

    /** {@code {"task": Task}}, plus {@code deleted} for delete_task. */
    static Map<String, Object> taskResult(boolean deleted) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("task", task());
        if (deleted) {
            properties.put("deleted", Map.of("type", "boolean"));
        }
        return Map.of("type", "object", "properties", properties, "required", List.copyOf(properties.keySet()));
    }

    /** {@code {"tasks": [Task], "total": n}}: total counts every match, tasks is one page of them. */
    static Map<String, Object> taskListResult() {
        return Map.of("type", "object", "properties", Map.of(
                        "tasks", Map.of("type", "array", "items", task()),
                        "total", Map.of("type", "integer", "description", "How many tasks match in all")),
                "required", List.of("tasks", "total"));
    }
}
