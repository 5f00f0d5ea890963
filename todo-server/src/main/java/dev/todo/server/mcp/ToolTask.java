package dev.todo.server.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.todo.core.Task;

/** A task as the tools show it: snake_case like their parameters, dates as ISO text. */
final class ToolTask {

    private ToolTask() {
    }

    static Map<String, Object> of(Task task) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", task.id());
        json.put("title", task.title());
        json.put("description", task.description());
        json.put("status", task.status().wireName());
        json.put("priority", task.priority().wireName());
        json.put("due_date", task.dueDate() == null ? null : task.dueDate().toString());
        json.put("tags", task.tags());
        json.put("created_at", task.createdAt().toString());
        json.put("updated_at", task.updatedAt().toString());
        json.put("completed_at", task.completedAt() == null ? null : task.completedAt().toString());
        json.put("due_time", task.dueTime() == null ? null : task.dueTime().toString());
        json.put("reminder_minutes_before", task.reminderMinutesBefore());
        json.put("recurrence", task.recurrence());
        json.put("recur_from", task.recurFrom().wireName());
        return json;
    }
}
