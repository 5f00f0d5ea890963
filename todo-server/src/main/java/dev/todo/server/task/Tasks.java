package dev.todo.server.task;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.todo.core.Task;

/**
 * The task module's public API for other modules (the MCP tools): the same rules and the same errors as
 * the HTTP API, because it is the same {@link TaskService}. Fields use the HTTP API's names
 * ({@code dueDate}); bad input throws {@link dev.todo.server.web.InvalidRequestException} with every bad
 * field, a missing task (or another user's) throws {@link TaskNotFoundException}.
 */
@Component
public class Tasks {

    private final TaskService service;
    private final JsonMapper json;

    Tasks(TaskService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /** One page of a listing and how many tasks match in all. */
    public record Listing(List<Task> tasks, long total) {
    }

    public Task create(UUID userId, Via via, Map<String, Object> fields) {
        return service.create(userId, body(fields), via).task();
    }

    public Task get(UUID userId, long id) {
        return service.get(userId, id).task();
    }

    public Task update(UUID userId, Via via, long id, Map<String, Object> changes) {
        return service.update(userId, id, body(changes), via).task();
    }

    /** Deletes the task and returns it as it was. */
    public Task delete(UUID userId, Via via, long id) {
        return service.delete(userId, id, via).task();
    }

    /**
     * Adds {@code next}, the next occurrence of the repeating task {@code completedTaskId}, unless it was added
     * already; true if it was added now.
     */
    public boolean createNextOccurrence(UUID userId, long completedTaskId, Task next) {
        return service.createNextOccurrence(userId, completedTaskId, next).isPresent();
    }

    /** A listing with the query parameters of {@code GET /api/v1/tasks} ({@code status}, {@code view}, ...). */
    public Listing list(UUID userId, Map<String, String> query) {
        TaskQuery parsed = TaskQuery.parse(query);
        TaskStore.Page page = service.list(userId, parsed);
        return new Listing(page.tasks().stream().map(StoredTask::task).toList(), page.total());
    }

    private JsonNode body(Map<String, Object> fields) {
        return json.valueToTree(fields);
    }
}
