package dev.todo.server.mcp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import dev.todo.core.Task;
import dev.todo.core.TaskFields;
import dev.todo.core.TaskStatus;
import dev.todo.server.task.TaskNotFoundException;
import dev.todo.server.task.Tasks;
import dev.todo.server.web.InvalidRequestException;

/**
 * The task tools of the MCP server: the spec's five plus {@code complete_task} and {@code search_tasks}.
 * Each runs the task module's own rules ({@link Tasks}) as the calling user; a bad argument or a missing
 * task is a tool result with {@code isError: true} and a message a model can act on.
 */
@Configuration(proxyBeanMethods = false)
class TaskTools {

    static final List<String> STATUSES = List.of("pending", "in_progress", "done");
    static final List<String> PRIORITIES = List.of("low", "medium", "high");
    private static final int DEFAULT_LIMIT = 50;

    private final Tasks tasks;
    private final JsonMapper json;

    TaskTools(Tasks tasks, JsonMapper json) {
        this.tasks = tasks;
        this.json = json;
    }

    @Bean
    List<SyncToolSpecification> taskToolSpecifications() {
        return List.of(createTask(), listTasks(), searchTasks(), getTask(), updateTask(), completeTask(), deleteTask());
    }

    private SyncToolSpecification createTask() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", Schemas.string("What to do, short and specific, e.g. \"Buy groceries\"", 1,
                TaskFields.TITLE_MAX_LENGTH));
        properties.put("description", Schemas.string("Optional details, at most "
                + TaskFields.DESCRIPTION_MAX_LENGTH + " characters"));
        properties.put("due_date", Schemas.date("Optional due date, YYYY-MM-DD (compute it from today's date)"));
        properties.put("priority", Schemas.oneOf("Optional; medium when left out. high for urgent or important "
                + "work, low for 'when I get a chance'", PRIORITIES));
        properties.put("tags", Schemas.strings("Optional labels, lower-case words such as work, email, "
                + "meeting, errands, health", TaskFields.MAX_TAGS));
        Schemas.schedule(properties, "");
        return tool("create_task", "Create task", "Create a new todo task for the user.",
                Schemas.object(List.of("title"), properties), Schemas.taskResult(false),
                annotations(false, false, false),
                (user, args) -> {
                    Arguments.onlyKnown(args, properties.keySet());
                    return taskResult(tasks.create(user.id(), user.via(), Arguments.taskFields(args, true)));
                });
    }

    private SyncToolSpecification listTasks() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", Schemas.oneOf("Which tasks: pending (the default: not done yet), in_progress, "
                + "done, or all", List.of("pending", "in_progress", "done", "all")));
        properties.put("view", Schemas.oneOf("A ready-made view in the user's time zone: today (due today or "
                + "overdue, not done), upcoming (due in the next 7 days), completed (done, latest first). "
                + "Overrides status", List.of("today", "upcoming", "completed")));
        properties.put("priority", Schemas.oneOf("Only tasks of this priority", PRIORITIES));
        properties.put("due_before", Schemas.date("Only tasks due before this date (exclusive), YYYY-MM-DD; "
                + "due_before = today finds overdue tasks"));
        properties.put("due_after", Schemas.date("Only tasks due after this date (exclusive), YYYY-MM-DD"));
        properties.put("tags", Schemas.strings("Only tasks carrying all of these tags", TaskFields.MAX_TAGS));
        properties.put("limit", Schemas.integer("At most this many tasks (default " + DEFAULT_LIMIT + ")", 1, 100));
        return tool("list_tasks", "List tasks", "Get the user's tasks, with optional filters. Returns the "
                        + "matching tasks (one page) and how many match in all.",
                Schemas.object(List.of(), properties), Schemas.taskListResult(), annotations(true, false, true),
                (user, args) -> {
                    Arguments.onlyKnown(args, properties.keySet());
                    Map<String, String> query = new LinkedHashMap<>();
                    String view = Arguments.oneOf(args, "view", List.of("today", "upcoming", "completed"));
                    if (view != null) {
                        query.put("view", view);
                    } else {
                        String status = Arguments.oneOf(args, "status", List.of("pending", "in_progress", "done", "all"));
                        query.put("status", status == null ? "pending" : status);
                    }
                    putIfPresent(query, "priority", Arguments.oneOf(args, "priority", PRIORITIES));
                    LocalDate before = Arguments.date(args, "due_before");
                    LocalDate after = Arguments.date(args, "due_after");
                    putIfPresent(query, "due_before", before == null ? null : before.toString());
                    putIfPresent(query, "due_after", after == null ? null : after.toString());
                    List<String> tags = Arguments.strings(args, "tags");
                    putIfPresent(query, "tags", tags == null || tags.isEmpty() ? null : String.join(",", tags));
                    if ("upcoming".equals(view) || (view == null && (before != null || after != null))) {
                        query.put("sort", "due_date");
                    }
                    query.put("limit", Integer.toString(Arguments.limit(args, DEFAULT_LIMIT)));
                    return listResult(tasks.list(user.id(), query));
                });
    }

    private SyncToolSpecification searchTasks() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("query", Schemas.string("Words to find in titles and descriptions (case-insensitive), "
                + "e.g. \"groceries\"", 1, 200));
        properties.put("status", Schemas.oneOf("Which tasks to search: all (the default), pending, "
                + "in_progress or done", List.of("pending", "in_progress", "done", "all")));
        properties.put("limit", Schemas.integer("At most this many tasks (default " + DEFAULT_LIMIT + ")", 1, 100));
        return tool("search_tasks", "Search tasks", "Find the user's tasks whose title or description contains "
                        + "the query text.",
                Schemas.object(List.of("query"), properties), Schemas.taskListResult(), annotations(true, false, true),
                (user, args) -> {
                    Arguments.onlyKnown(args, properties.keySet());
                    String text = Arguments.requiredText(args, "query");
                    String status = Arguments.oneOf(args, "status", List.of("pending", "in_progress", "done", "all"));
                    Map<String, String> query = new LinkedHashMap<>();
                    query.put("q", text);
                    query.put("status", status == null ? "all" : status);
                    query.put("limit", Integer.toString(Arguments.limit(args, DEFAULT_LIMIT)));
                    return listResult(tasks.list(user.id(), query));
                });
    }

    private SyncToolSpecification getTask() {
        Map<String, Object> properties = Map.of("task_id", Schemas.taskId());
        return tool("get_task", "Get task", "Get every detail of one of the user's tasks.",
                Schemas.object(List.of("task_id"), properties), Schemas.taskResult(false),
                annotations(true, false, true),
                (user, args) -> {
                    Arguments.onlyKnown(args, properties.keySet());
                    return taskResult(tasks.get(user.id(), Arguments.taskId(args)));
                });
    }

    private SyncToolSpecification updateTask() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("task_id", Schemas.taskId());
        properties.put("title", Schemas.string("New title", 1, TaskFields.TITLE_MAX_LENGTH));
        properties.put("description", Schemas.nullableString("New details; null removes them",
                TaskFields.DESCRIPTION_MAX_LENGTH));
        properties.put("status", Schemas.oneOf("New status; done completes the task, pending reopens it", STATUSES));
        properties.put("due_date", Schemas.nullableDate("New due date, YYYY-MM-DD; null removes it"));
        properties.put("priority", Schemas.oneOf("New priority", PRIORITIES));
        properties.put("tags", Schemas.strings("The task's new tags (replaces the old ones); [] removes all",
                TaskFields.MAX_TAGS));
        Schemas.schedule(properties, "; null removes it");
        return tool("update_task", "Update task", "Change some fields of one of the user's tasks; fields left "
                        + "out stay as they are.",
                Schemas.object(List.of("task_id"), properties), Schemas.taskResult(false),
                annotations(false, true, true),
                (user, args) -> {
                    Arguments.onlyKnown(args, properties.keySet());
                    long id = Arguments.taskId(args);
                    Map<String, Object> changes = Arguments.taskFields(args, false);
                    if (changes.isEmpty()) {
                        throw new ToolInputException("Nothing to change: give at least one of title, description, "
                                + "status, due_date, priority or tags");
                    }
                    return taskResult(tasks.update(user.id(), user.via(), id, changes));
                });
    }

    private SyncToolSpecification completeTask() {
        Map<String, Object> properties = Map.of("task_id", Schemas.taskId());
        return tool("complete_task", "Complete task", "Mark one of the user's tasks as done.",
                Schemas.object(List.of("task_id"), properties), Schemas.taskResult(false),
                annotations(false, false, true),
                (user, args) -> {
                    Arguments.onlyKnown(args, properties.keySet());
                    return taskResult(tasks.update(user.id(), user.via(), Arguments.taskId(args),
                            Map.of("status", TaskStatus.DONE.wireName())));
                });
    }

    private SyncToolSpecification deleteTask() {
        Map<String, Object> properties = Map.of("task_id", Schemas.taskId());
        return tool("delete_task", "Delete task", "Delete one of the user's tasks for good. Ask the user to "
                        + "confirm first.",
                Schemas.object(List.of("task_id"), properties), Schemas.taskResult(true),
                annotations(false, true, true),
                (user, args) -> {
                    Arguments.onlyKnown(args, properties.keySet());
                    Map<String, Object> result = taskResult(tasks.delete(user.id(), user.via(), Arguments.taskId(args)));
                    result.put("deleted", true);
                    return result;
                });
    }

    /** A tool whose handler turns the arguments into structured content, or throws to report an error. */
    private SyncToolSpecification tool(String name, String title, String description, Map<String, Object> input,
                                       Map<String, Object> output, ToolAnnotations annotations,
                                       BiFunction<McpUser.Caller, Map<String, Object>, Map<String, Object>> handler) {
        Tool tool = Tool.builder().name(name).title(title).description(description).inputSchema(input)
                .outputSchema(output).annotations(annotations).build();
        return new SyncToolSpecification(tool, (context, request) -> call(context, request, handler));
    }

    private CallToolResult call(McpTransportContext context, CallToolRequest request,
                                BiFunction<McpUser.Caller, Map<String, Object>, Map<String, Object>> handler) {
        McpUser.Caller user = McpUser.of(context);
        if (user == null) {
            return error("Not signed in: call the MCP endpoint with an access token or a personal API token");
        }
        Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
        try {
            Map<String, Object> result = handler.apply(user, args);
            return CallToolResult.builder().structuredContent(result)
                    .addTextContent(json.writeValueAsString(result)).isError(false).build();
        } catch (ToolInputException e) {
            return error(e.getMessage());
        } catch (TaskNotFoundException e) {
            return error("Task " + args.get("task_id") + " not found. Use list_tasks or search_tasks to find "
                    + "the task's id.");
        } catch (InvalidRequestException e) {
            List<String> problems = new ArrayList<>();
            e.errors().forEach((field, message) -> problems.add(Arguments.toolName(field) + ": " + message));
            return error("Invalid arguments: " + String.join("; ", problems));
        }
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static ToolAnnotations annotations(boolean readOnly, boolean destructive, boolean idempotent) {
        return ToolAnnotations.builder().readOnlyHint(readOnly).destructiveHint(destructive)
                .idempotentHint(idempotent).openWorldHint(false).build();
    }

    static Map<String, Object> taskResult(Task task) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task", ToolTask.of(task));
        return result;
    }

    static Map<String, Object> listResult(Tasks.Listing listing) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tasks", listing.tasks().stream().map(ToolTask::of).toList());
        result.put("total", listing.total());
        return result;
    }

    private static void putIfPresent(Map<String, String> query, String key, String value) {
        if (value != null) {
            query.put(key, value);
        }
    }
}
