package dev.todo.server.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.todo.server.security.UserId;
import dev.todo.server.task.TaskNotFoundException;

/** {@code GET /api/v1/tasks/{id}/history}: what changed in a task, when and through which door, newest first. */
@RestController
@RequestMapping({"/api/v1/tasks", "/api/tasks"})
class HistoryController {

    private static final int LIMIT = 500;
    /** The fields a person changes; updatedAt, completedAt and remindAt follow from them. */
    static final List<String> FIELDS = List.of("title", "description", "status", "priority", "dueDate", "dueTime",
            "reminderMinutesBefore", "recurrence", "recurFrom", "tags", "position");

    private final TaskHistory history;
    private final JsonMapper json;

    HistoryController(TaskHistory history, JsonMapper json) {
        this.history = history;
        this.json = json;
    }

    /** One change of one field. */
    record Change(String field, JsonNode from, JsonNode to) {
    }

    /** One event as the history shows it; {@code task} is the task after it (null once deleted). */
    record Item(String id, String type, java.time.Instant timestamp, String via, List<Change> changes, JsonNode task) {
    }

    @Operation(summary = "A task's history: its events, newest first, with the fields each one changed")
    @GetMapping("/{id}/history")
    Map<String, List<Item>> history(UserId user, @PathVariable long id) {
        List<TaskHistory.Entry> entries = history.of(user.value(), id, LIMIT);
        if (entries.isEmpty()) {
            throw new TaskNotFoundException();
        }
        List<Item> items = new ArrayList<>(entries.size());
        for (TaskHistory.Entry entry : entries) {
            JsonNode data = json.readTree(entry.data());
            JsonNode task = data.get("task");
            JsonNode before = data.get("before");
            items.add(new Item(entry.id().toString(), entry.type(), entry.timestamp(), entry.via(),
                    changes(before, task), task == null || task.isNull() ? null : task));
        }
        return Map.of("history", items);
    }

    static List<Change> changes(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        for (String field : FIELDS) {
            JsonNode from = before == null || before.isNull() ? null : before.get(field);
            JsonNode to = after == null || after.isNull() ? null : after.get(field);
            if (!Objects.equals(nullIfNull(from), nullIfNull(to))) {
                changes.add(new Change(field, nullIfNull(from), nullIfNull(to)));
            }
        }
        return changes;
    }

    private static JsonNode nullIfNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
