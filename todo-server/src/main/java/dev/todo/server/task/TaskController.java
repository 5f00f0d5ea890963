package dev.todo.server.task;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import dev.todo.server.security.UserId;

/** The tasks API of the signed-in user. */
@RestController
@RequestMapping({"/api/v1/tasks", "/api/tasks"})
class TaskController {

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    TaskPage list(UserId user, @RequestParam Map<String, String> params) {
        TaskQuery query = TaskQuery.parse(params);
        TaskStore.Page page = tasks.list(user.value(), query);
        return new TaskPage(page.tasks().stream().map(TaskJson::of).toList(), page.total(), query.page(), query.limit());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a task", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = TaskWrite.class))))
    TaskBody create(UserId user, @RequestBody JsonNode body) {
        return TaskBody.of(tasks.create(user.value(), body, Via.API));
    }

    @GetMapping("/{id}")
    TaskBody get(UserId user, @PathVariable long id) {
        return TaskBody.of(tasks.get(user.value(), id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields of a task; null clears description, dueDate or tags",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = TaskWrite.class))))
    TaskBody update(UserId user, @PathVariable long id, @RequestBody JsonNode body) {
        return TaskBody.of(tasks.update(user.value(), id, body, Via.API));
    }

    @DeleteMapping("/{id}")
    Map<String, String> delete(UserId user, @PathVariable long id) {
        tasks.delete(user.value(), id, Via.API);
        return Map.of("message", "Task deleted");
    }

    /** Manual order: {@code {"before": 12}} or {@code {"after": 12}} places the task next to task 12. */
    @PostMapping("/{id}/move")
    TaskBody move(UserId user, @PathVariable long id, @RequestBody MoveRequest request) {
        return TaskBody.of(tasks.move(user.value(), id, request.before(), request.after(), Via.API));
    }

    /** The console's export file: every task is checked first, then all are added or none. */
    @PostMapping("/import")
    @Operation(summary = "Import the console's export file, all tasks or none",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = ExportedTask.class)))))
    Map<String, Integer> importFile(UserId user, @RequestBody JsonNode file) {
        return Map.of("imported", tasks.importTasks(user.value(), ExportFile.read(file)));
    }

    record TaskPage(List<TaskJson> tasks, long total, int page, int limit) {
    }

    record TaskBody(TaskJson task) {
        static TaskBody of(StoredTask stored) {
            return new TaskBody(TaskJson.of(stored));
        }
    }

    record MoveRequest(Long before, Long after) {
    }

    /** The fields a create or update body may have (documentation: bodies are read field by field). */
    record TaskWrite(@Schema(maxLength = 200, requiredMode = Schema.RequiredMode.REQUIRED) String title,
                     @Schema(maxLength = 1000) String description,
                     @Schema(allowableValues = {"pending", "in_progress", "done"}) String status,
                     @Schema(allowableValues = {"low", "medium", "high"}) String priority,
                     @Schema(type = "string", format = "date") String dueDate,
                     List<String> tags,
                     @Schema(type = "string", pattern = "^\\d{2}:\\d{2}$", example = "17:30") String dueTime,
                     @Schema(minimum = "0", maximum = "40320") Integer reminderMinutesBefore,
                     @Schema(example = "FREQ=WEEKLY;BYDAY=MO,WE") String recurrence,
                     @Schema(allowableValues = {"due", "completion"}) String recurFrom) {
    }

    /** One task of the console's export file (documentation). */
    record ExportedTask(long id, String title, String description, String status, String priority,
                        @Schema(type = "string", format = "date") String dueDate, List<String> tags,
                        @Schema(type = "string", format = "date-time") String createdAt,
                        @Schema(type = "string", format = "date-time") String updatedAt,
                        @Schema(type = "string", format = "date-time") String completedAt) {
    }
}
