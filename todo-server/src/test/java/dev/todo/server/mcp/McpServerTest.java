package dev.todo.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.Api.Session;
import dev.todo.server.ApiTest;

/**
 * The MCP server over real HTTP, driven by the official MCP Java SDK client (Streamable HTTP), with every
 * effect checked through the HTTP API as the same user.
 */
@ApiTest
class McpServerTest {

    private static final List<String> TOOLS = List.of("create_task", "list_tasks", "search_tasks", "get_task",
            "update_task", "complete_task", "delete_task");
    private static final Map<String, String> MCP_HEADERS = Map.of("Accept", "application/json, text/event-stream");

    private final Api api;
    private final String baseUrl;
    private final List<McpSyncClient> clients = new ArrayList<>();

    McpServerTest(@LocalServerPort int port) {
        this.api = new Api(port);
        this.baseUrl = "http://localhost:" + port;
    }

    @AfterEach
    void closeClients() {
        clients.forEach(McpSyncClient::closeGracefully);
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /** An SDK client that sends {@code token} (if any) as its Bearer credential; not yet initialized. */
    private McpSyncClient client(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl)
                .endpoint("/mcp")
                .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))
                .httpRequestCustomizer((builder, method, uri, body, context) -> {
                    if (token != null) {
                        builder.header("Authorization", "Bearer " + token);
                    }
                })
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("todo-tests", "1.0"))
                .requestTimeout(Duration.ofSeconds(20))
                .initializationTimeout(Duration.ofSeconds(20))
                // Check every structured result against the output schema the server announced.
                .enableCallToolSchemaCaching(true)
                .build();
        clients.add(client);
        return client;
    }

    /** An initialized client for {@code token} that has listed the tools (so their output schemas are checked). */
    private McpSyncClient connect(String token) {
        McpSyncClient client = client(token);
        client.initialize();
        client.listTools();
        return client;
    }

    private McpSyncClient connect(Session user) {
        return connect(user.accessToken());
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
    }

    /** The structured content of a successful call, after checking its text twin says the same. */
    private static JsonNode ok(CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isFalse();
        JsonNode structured = Api.JSON.valueToTree(result.structuredContent());
        assertThat(Api.JSON.readTree(text(result))).as("the text content mirrors the structured content")
                .isEqualTo(structured);
        return structured;
    }

    /** The message of a failed call. */
    private static String error(CallToolResult result) {
        assertThat(result.isError()).as(String.valueOf(result.structuredContent())).isTrue();
        assertThat(result.structuredContent()).isNull();
        return text(result);
    }

    private static String text(CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        return ((TextContent) result.content().getFirst()).text();
    }

    private static JsonNode task(CallToolResult result) {
        return ok(result).get("task");
    }

    private static List<String> titles(CallToolResult result) {
        List<String> titles = new ArrayList<>();
        ok(result).get("tasks").values().forEach(task -> titles.add(task.get("title").stringValue()));
        return titles;
    }

    private JsonNode createOverHttp(Session user, Map<String, Object> fields) {
        Response response = api.post("/api/v1/tasks", fields, user.accessToken());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("task");
    }

    private Response getOverHttp(Session user, long id) {
        return api.get("/api/v1/tasks/" + id, user.accessToken());
    }

    private JsonNode personalToken(Session user, String name) {
        Response response = api.post("/api/v1/tokens", Map.of("name", name), user.accessToken());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    /** A plain JSON-RPC request to /mcp, as any HTTP client could send it. */
    private Response rawMcp(String token, String method, Map<String, Object> params) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("jsonrpc", "2.0");
        request.put("id", 1);
        request.put("method", method);
        request.put("params", params);
        return api.send("POST", "/mcp", request, token, MCP_HEADERS);
    }

    private static Map<String, Object> initializeParams() {
        return Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                "clientInfo", Map.of("name", "curl", "version", "1"));
    }

    /** The JSON-RPC message of a response, whether sent as JSON or as one server-sent event. */
    private static JsonNode jsonRpc(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        String body = response.text();
        if (String.valueOf(response.header("Content-Type")).startsWith("text/event-stream")) {
            body = body.lines().filter(line -> line.startsWith("data:")).map(line -> line.substring(5))
                    .reduce("", String::concat);
        }
        return Api.JSON.readTree(body);
    }

    /** The SDK client gave up because the server answered 401 (not for any other reason). */
    private static void assertRefusedWith401(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof McpHttpClientTransportAuthorizationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("an authorization error caused %s", thrown).isNotNull();
        assertThat(((McpHttpClientTransportAuthorizationException) cause).getResponseInfo().statusCode()).isEqualTo(401);
    }

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            args.put((String) pairs[i], pairs[i + 1]);
        }
        return args;
    }

    // ---- the protocol ---------------------------------------------------------------------------------

    @Test
    void initializeNamesTheServerGivesInstructionsAndOffersToolsResourcesAndPrompts() {
        InitializeResult init = client(api.register().accessToken()).initialize();

        assertThat(init.serverInfo().name()).isEqualTo("todo");
        assertThat(init.serverInfo().version()).isNotBlank();
        assertThat(init.instructions()).contains("list_tasks").contains("delete");
        assertThat(init.capabilities().tools()).isNotNull();
        assertThat(init.capabilities().resources()).isNotNull();
        assertThat(init.capabilities().prompts()).isNotNull();
    }

    @Test
    void exactlySevenToolsEachWithDescribedInputsAnOutputSchemaAndAnnotations() {
        List<Tool> tools = connect(api.register()).listTools().tools();

        assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
        for (Tool tool : tools) {
            assertThat(tool.title()).as(tool.name()).isNotBlank();
            assertThat(tool.description()).as(tool.name()).isNotBlank();
            assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object")
                    .containsEntry("additionalProperties", false);
            Map<String, Object> properties = map(tool.inputSchema().get("properties"));
            assertThat(properties).as(tool.name()).isNotEmpty();
            properties.forEach((name, property) -> assertThat(map(property).get("description"))
                    .as(tool.name() + "." + name + " has a description").asString().isNotBlank());
            assertThat(tool.outputSchema()).as(tool.name()).containsEntry("type", "object");
            assertThat(tool.annotations()).as(tool.name()).isNotNull();
            assertThat(tool.annotations().openWorldHint()).as(tool.name()).isFalse();
        }
    }

    @Test
    void createTaskRequiresATitleAndDescribesPriorityAndDueDate() {
        Map<String, Tool> tools = tools();
        Tool create = tools.get("create_task");

        assertThat(create.inputSchema().get("required")).isEqualTo(List.of("title"));
        Map<String, Object> properties = map(create.inputSchema().get("properties"));
        assertThat(properties.keySet()).containsExactlyInAnyOrder("title", "description", "due_date", "priority", "tags",
                "due_time", "reminder_minutes_before", "recurrence", "recur_from");
        assertThat(map(properties.get("priority")).get("enum")).isEqualTo(List.of("low", "medium", "high"));
        assertThat(map(properties.get("due_date")).get("format")).isEqualTo("date");
        assertThat(map(properties.get("title")).get("maxLength")).isEqualTo(200);
        Map<String, Object> task = map(map(create.outputSchema().get("properties")).get("task"));
        assertThat(map(task.get("properties")).keySet()).containsExactly("id", "title", "description",
                "status", "priority", "due_date", "tags", "due_time", "reminder_minutes_before", "recurrence",
                "recur_from", "created_at", "updated_at", "completed_at");
        for (String name : List.of("get_task", "update_task", "complete_task", "delete_task")) {
            assertThat(tools.get(name).inputSchema().get("required")).as(name).isEqualTo(List.of("task_id"));
        }
        assertThat(tools.get("search_tasks").inputSchema().get("required")).isEqualTo(List.of("query"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        assertThat(json).isInstanceOf(Map.class);
        return (Map<String, Object>) json;
    }

    @Test
    void annotationsTellWhatEachToolDoes() {
        Map<String, Tool> tools = tools();
        for (String name : List.of("list_tasks", "search_tasks", "get_task")) {
            assertThat(tools.get(name).annotations().readOnlyHint()).as(name).isTrue();
            assertThat(tools.get(name).annotations().destructiveHint()).as(name).isFalse();
        }
        for (String name : List.of("create_task", "update_task", "complete_task", "delete_task")) {
            assertThat(tools.get(name).annotations().readOnlyHint()).as(name).isFalse();
        }
        assertThat(tools.get("delete_task").annotations().destructiveHint()).isTrue();
        assertThat(tools.get("create_task").annotations().destructiveHint()).isFalse();
        assertThat(tools.get("create_task").annotations().idempotentHint()).isFalse();
        assertThat(tools.get("update_task").annotations().idempotentHint()).isTrue();
        assertThat(tools.get("complete_task").annotations().idempotentHint()).isTrue();
    }

    /** The tools the server lists, by name. */
    private Map<String, Tool> tools() {
        Map<String, Tool> tools = new LinkedHashMap<>();
        connect(api.register()).listTools().tools().forEach(tool -> tools.put(tool.name(), tool));
        return tools;
    }

    // ---- the tools ------------------------------------------------------------------------------------

    @Test
    void createTaskMakesATaskTheHttpApiShows() {
        Session user = api.register();

        JsonNode task = task(call(connect(user), "create_task", args("title", "  Send the report ",
                "description", "to Ana", "due_date", "2026-12-01", "priority", "high", "tags", List.of("Work", "email"))));

        long id = task.get("id").longValue();
        assertThat(id).isPositive();
        assertThat(task.get("title").stringValue()).isEqualTo("Send the report");
        assertThat(task.get("description").stringValue()).isEqualTo("to Ana");
        assertThat(task.get("status").stringValue()).isEqualTo("pending");
        assertThat(task.get("priority").stringValue()).isEqualTo("high");
        assertThat(task.get("due_date").stringValue()).isEqualTo("2026-12-01");
        assertThat(task.get("tags").values()).extracting(JsonNode::stringValue).containsExactly("work", "email");
        assertThat(task.get("completed_at").isNull()).isTrue();
        JsonNode stored = getOverHttp(user, id).json().get("task");
        assertThat(stored.get("title").stringValue()).isEqualTo("Send the report");
        assertThat(stored.get("dueDate").stringValue()).isEqualTo("2026-12-01");
        assertThat(stored.get("priority").stringValue()).isEqualTo("high");
        assertThat(stored.get("tags").values()).extracting(JsonNode::stringValue).containsExactly("work", "email");
        assertThat(stored.get("createdAt").stringValue()).isEqualTo(task.get("created_at").stringValue());
    }

    @Test
    void createAndUpdateTaskTakeADueTimeAReminderAndARepeat() {
        Session user = api.register();
        McpSyncClient client = connect(user);

        JsonNode task = task(call(client, "create_task", args("title", "Stand-up", "due_date", "2030-01-07",
                "due_time", "9:30", "reminder_minutes_before", 10, "recurrence", "rrule:freq=weekly;byday=fr,mo")));
        long id = task.get("id").longValue();
        JsonNode changed = task(call(client, "update_task", args("task_id", id, "recurrence", "FREQ=WEEKLY;INTERVAL=2",
                "recur_from", "completion")));

        assertThat(task.get("due_time").stringValue()).isEqualTo("09:30");
        assertThat(task.get("reminder_minutes_before").intValue()).isEqualTo(10);
        assertThat(task.get("recurrence").stringValue()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,FR");
        assertThat(task.get("recur_from").stringValue()).isEqualTo("due");
        assertThat(changed.get("recurrence").stringValue()).isEqualTo("FREQ=WEEKLY;INTERVAL=2");
        assertThat(changed.get("recur_from").stringValue()).isEqualTo("completion");
        JsonNode stored = getOverHttp(user, id).json().get("task");
        assertThat(stored.get("remindAt").stringValue()).isEqualTo("2030-01-07T09:20:00Z");
        assertThat(error(call(client, "create_task", args("title", "x", "recurrence", "FREQ=DAILY"))))
                .contains("A repeating task needs a due date");
        assertThat(error(call(client, "update_task", args("task_id", id, "recurrence", "FREQ=HOURLY"))))
                .contains("HOURLY");
    }

    @Test
    void createTaskDefaultsToMediumWithoutDueDateOrTags() {
        JsonNode task = task(call(connect(api.register()), "create_task", args("title", "Buy milk")));

        assertThat(task.get("priority").stringValue()).isEqualTo("medium");
        assertThat(task.get("due_date").isNull()).isTrue();
        assertThat(task.get("description").isNull()).isTrue();
        assertThat(task.get("tags").size()).isZero();
    }

    @Test
    void listTasksFiltersByStatusViewPriorityDueDateAndTags() {
        Session user = api.register();
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        createOverHttp(user, Map.of("title", "overdue", "priority", "high", "dueDate", today.minusDays(2).toString(),
                "tags", List.of("work")));
        createOverHttp(user, Map.of("title", "due today", "priority", "low", "dueDate", today.toString(),
                "tags", List.of("home")));
        createOverHttp(user, Map.of("title", "next week", "dueDate", today.plusDays(5).toString(),
                "tags", List.of("work", "email")));
        createOverHttp(user, Map.of("title", "someday"));
        createOverHttp(user, Map.of("title", "finished", "status", "done", "dueDate", today.toString()));
        createOverHttp(user, Map.of("title", "started", "status", "in_progress"));
        McpSyncClient client = connect(user);

        JsonNode pending = ok(call(client, "list_tasks", Map.of()));
        assertThat(pending.get("total").intValue()).isEqualTo(4);
        assertThat(titles(call(client, "list_tasks", Map.of())))
                .containsExactlyInAnyOrder("overdue", "due today", "next week", "someday");
        assertThat(titles(call(client, "list_tasks", args("status", "done")))).containsExactly("finished");
        assertThat(titles(call(client, "list_tasks", args("status", "in_progress")))).containsExactly("started");
        assertThat(ok(call(client, "list_tasks", args("status", "all"))).get("total").intValue()).isEqualTo(6);
        assertThat(titles(call(client, "list_tasks", args("view", "today")))).containsExactly("overdue", "due today");
        assertThat(titles(call(client, "list_tasks", args("view", "upcoming")))).containsExactly("next week");
        assertThat(titles(call(client, "list_tasks", args("view", "completed")))).containsExactly("finished");
        assertThat(titles(call(client, "list_tasks", args("priority", "high")))).containsExactly("overdue");
        assertThat(titles(call(client, "list_tasks", args("due_before", today.toString())))).containsExactly("overdue");
        assertThat(titles(call(client, "list_tasks", args("due_after", today.toString())))).containsExactly("next week");
        assertThat(titles(call(client, "list_tasks", args("tags", List.of("work")))))
                .containsExactly("overdue", "next week");
        assertThat(titles(call(client, "list_tasks", args("tags", List.of("work", "email")))))
                .containsExactly("next week");
        JsonNode page = ok(call(client, "list_tasks", args("limit", 1)));
        assertThat(page.get("tasks").size()).isEqualTo(1);
        assertThat(page.get("total").intValue()).isEqualTo(4);
    }

    @Test
    void searchTasksFindsTextInTitlesAndDescriptionsOfAnyStatus() {
        Session user = api.register();
        createOverHttp(user, Map.of("title", "Buy groceries", "status", "done"));
        createOverHttp(user, Map.of("title", "Call mom", "description", "ask about the GROCERY list"));
        createOverHttp(user, Map.of("title", "Water the plants"));
        McpSyncClient client = connect(user);

        JsonNode found = ok(call(client, "search_tasks", args("query", "grocer")));

        assertThat(found.get("total").intValue()).isEqualTo(2);
        assertThat(titles(call(client, "search_tasks", args("query", "grocer"))))
                .containsExactlyInAnyOrder("Buy groceries", "Call mom");
        assertThat(titles(call(client, "search_tasks", args("query", "grocer", "status", "pending"))))
                .containsExactly("Call mom");
        assertThat(ok(call(client, "search_tasks", args("query", "dentist"))).get("total").intValue()).isZero();
    }

    @Test
    void getTaskShowsEveryFieldWhetherTheIdIsTextOrANumber() {
        Session user = api.register();
        JsonNode created = createOverHttp(user, Map.of("title", "Review PRs", "description", "the open ones",
                "priority", "low", "dueDate", "2026-11-23", "tags", List.of("code")));
        long id = created.get("id").longValue();
        McpSyncClient client = connect(user);

        JsonNode task = task(call(client, "get_task", args("task_id", Long.toString(id))));

        assertThat(task.get("id").longValue()).isEqualTo(id);
        assertThat(task.get("title").stringValue()).isEqualTo("Review PRs");
        assertThat(task.get("description").stringValue()).isEqualTo("the open ones");
        assertThat(task.get("status").stringValue()).isEqualTo("pending");
        assertThat(task.get("priority").stringValue()).isEqualTo("low");
        assertThat(task.get("due_date").stringValue()).isEqualTo("2026-11-23");
        assertThat(task.get("tags").values()).extracting(JsonNode::stringValue).containsExactly("code");
        assertThat(task.get("created_at").stringValue()).isEqualTo(created.get("createdAt").stringValue());
        assertThat(task.get("updated_at").stringValue()).isEqualTo(created.get("updatedAt").stringValue());
        assertThat(task.get("completed_at").isNull()).isTrue();
        assertThat(task(call(client, "get_task", args("task_id", id)))).isEqualTo(task);
    }

    @Test
    void updateTaskChangesOnlyTheGivenFieldsAndNullRemovesADueDate() {
        Session user = api.register();
        long id = createOverHttp(user, Map.of("title", "Review PRs", "description", "all of them",
                "dueDate", "2026-12-01", "tags", List.of("code"))).get("id").longValue();
        McpSyncClient client = connect(user);

        JsonNode renamed = task(call(client, "update_task", args("task_id", id, "title", "Review GitHub PRs",
                "due_date", null)));

        assertThat(renamed.get("title").stringValue()).isEqualTo("Review GitHub PRs");
        assertThat(renamed.get("due_date").isNull()).isTrue();
        assertThat(renamed.get("description").stringValue()).isEqualTo("all of them");
        JsonNode stored = getOverHttp(user, id).json().get("task");
        assertThat(stored.get("title").stringValue()).isEqualTo("Review GitHub PRs");
        assertThat(stored.get("dueDate").isNull()).isTrue();
        assertThat(stored.get("description").stringValue()).isEqualTo("all of them");
        assertThat(stored.get("tags").values()).extracting(JsonNode::stringValue).containsExactly("code");

        JsonNode started = task(call(client, "update_task", args("task_id", Long.toString(id),
                "status", "in_progress", "priority", "high", "tags", List.of(), "description", null)));

        assertThat(started.get("status").stringValue()).isEqualTo("in_progress");
        stored = getOverHttp(user, id).json().get("task");
        assertThat(stored.get("status").stringValue()).isEqualTo("in_progress");
        assertThat(stored.get("priority").stringValue()).isEqualTo("high");
        assertThat(stored.get("tags").size()).isZero();
        assertThat(stored.get("description").isNull()).isTrue();
        assertThat(stored.get("title").stringValue()).isEqualTo("Review GitHub PRs");
    }

    @Test
    void completeTaskMarksItDoneAndDoingItAgainChangesNothing() {
        Session user = api.register();
        long id = createOverHttp(user, Map.of("title", "Pay rent")).get("id").longValue();
        McpSyncClient client = connect(user);

        JsonNode done = task(call(client, "complete_task", args("task_id", id)));

        assertThat(done.get("status").stringValue()).isEqualTo("done");
        assertThat(done.get("completed_at").isNull()).isFalse();
        JsonNode stored = getOverHttp(user, id).json().get("task");
        assertThat(stored.get("status").stringValue()).isEqualTo("done");
        assertThat(stored.get("completedAt").stringValue()).isEqualTo(done.get("completed_at").stringValue());

        JsonNode again = task(call(client, "complete_task", args("task_id", id)));

        assertThat(again.get("status").stringValue()).isEqualTo("done");
        assertThat(again.get("completed_at").stringValue()).isEqualTo(done.get("completed_at").stringValue());

        JsonNode reopened = task(call(client, "update_task", args("task_id", id, "status", "pending")));

        assertThat(reopened.get("completed_at").isNull()).isTrue();
        assertThat(getOverHttp(user, id).json().get("task").get("status").stringValue()).isEqualTo("pending");
    }

    @Test
    void deleteTaskRemovesItForGood() {
        Session user = api.register();
        long id = createOverHttp(user, Map.of("title", "Old idea")).get("id").longValue();
        McpSyncClient client = connect(user);

        JsonNode deleted = ok(call(client, "delete_task", args("task_id", id)));

        assertThat(deleted.get("deleted").booleanValue()).isTrue();
        assertThat(deleted.get("task").get("title").stringValue()).isEqualTo("Old idea");
        assertThat(getOverHttp(user, id).status()).isEqualTo(404);
        assertThat(error(call(client, "get_task", args("task_id", id)))).contains("not found");
        assertThat(error(call(client, "delete_task", args("task_id", id)))).contains("not found");
    }

    // ---- errors ---------------------------------------------------------------------------------------

    @Test
    void badArgumentsAreToolErrorsThatSayWhatIsWrongAndCreateNothing() {
        Session user = api.register();
        McpSyncClient client = connect(user);

        assertThat(error(call(client, "create_task", Map.of()))).contains("title");
        assertThat(error(call(client, "create_task", args("title", "t".repeat(201))))).contains("title").contains("200");
        assertThat(error(call(client, "create_task", args("title", "ok", "priority", "urgent"))))
                .contains("priority").contains("\"low\", \"medium\", \"high\"");
        assertThat(error(call(client, "create_task", args("title", "ok", "due_date", "tomorrow"))))
                .contains("due_date").contains("tomorrow");
        assertThat(error(call(client, "create_task", args("title", "ok", "colour", "red")))).contains("colour");
        assertThat(error(call(client, "create_task", args("title", "ok", "description", "d".repeat(1001)))))
                .contains("description").contains("1000");
        assertThat(error(call(client, "create_task", args("title", "ok", "tags", List.of("no spaces")))))
                .contains("tags");
        assertThat(error(call(client, "list_tasks", args("due_before", "next friday")))).contains("due_before");
        assertThat(error(call(client, "list_tasks", args("limit", 0)))).contains("limit");

        assertThat(api.get("/api/v1/tasks?status=all", user.accessToken()).json().get("total").intValue()).isZero();
    }

    @Test
    void aBadOrMissingTaskIdIsAToolError() {
        Session user = api.register();
        long id = createOverHttp(user, Map.of("title", "Pay rent")).get("id").longValue();
        McpSyncClient client = connect(user);

        assertThat(error(call(client, "get_task", args("task_id", "abc")))).contains("task_id");
        assertThat(error(call(client, "get_task", Map.of()))).contains("task_id");
        assertThat(error(call(client, "get_task", args("task_id", 999999)))).contains("999999").contains("not found");
        assertThat(error(call(client, "complete_task", args("task_id", "999999")))).contains("not found");
        assertThat(error(call(client, "update_task", args("task_id", id)))).contains("Nothing to change");
        assertThat(error(call(client, "update_task", args("task_id", id, "status", "finished")))).contains("status");
        assertThat(error(call(client, "update_task", args("task_id", id, "title", "")))).contains("title");
        assertThat(error(call(client, "update_task", args("task_id", id, "due_date", "2026-02-30"))))
                .contains("due_date").contains("2026-02-30");

        JsonNode stored = getOverHttp(user, id).json().get("task");
        assertThat(stored.get("title").stringValue()).isEqualTo("Pay rent");
        assertThat(stored.get("status").stringValue()).isEqualTo("pending");
    }

    @Test
    void anUnknownToolIsAProtocolErrorNotACrash() {
        McpSyncClient client = connect(api.register());

        assertThatThrownBy(() -> call(client, "drop_database", Map.of()))
                .isInstanceOfSatisfying(McpError.class, e -> {
                    assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                    assertThat(e.getJsonRpcError().data()).asString().contains("drop_database");
                });
        assertThat(ok(call(client, "list_tasks", Map.of())).get("total").intValue()).isZero();
    }

    // ---- who may call ---------------------------------------------------------------------------------

    @Test
    void withoutATokenOrWithAGarbageOneTheEndpointAnswers401() {
        Response anonymous = rawMcp(null, "initialize", initializeParams());
        Response garbage = rawMcp("not-a-token", "initialize", initializeParams());
        Response fakePersonal = rawMcp("todo_pat_" + "x".repeat(43), "initialize", initializeParams());

        for (Response response : List.of(anonymous, garbage, fakePersonal)) {
            assertThat(response.status()).as(response.text()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(fakePersonal.header("WWW-Authenticate")).contains("invalid_token")
                .contains("Unknown or revoked API token");
    }

    @Test
    void theProtectedResourceMetadataThe401PointsToSaysHowToSendTheToken() {
        String pointer = rawMcp(null, "initialize", initializeParams()).header("WWW-Authenticate");
        assertThat(pointer).contains("resource_metadata=\"" + baseUrl + "/.well-known/oauth-protected-resource\"");

        Response metadata = api.get("/.well-known/oauth-protected-resource", null);

        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().get("resource_name").stringValue()).isEqualTo("Todo");
        assertThat(metadata.json().get("bearer_methods_supported").get(0).stringValue()).isEqualTo("header");
        assertThat(metadata.json().get("tls_client_certificate_bound_access_tokens").booleanValue()).isFalse();
    }

    @Test
    void theSdkClientCannotInitializeWithoutAToken() {
        McpSyncClient client = client(null);

        assertRefusedWith401(client::initialize);
    }

    @Test
    void aPersonalApiTokenWorksUntilItIsRevoked() {
        Session user = api.register();
        JsonNode created = personalToken(user, "Claude Desktop");
        String secret = created.get("secret").stringValue();
        McpSyncClient client = connect(secret);

        JsonNode task = task(call(client, "create_task", args("title", "Made with a personal token")));

        assertThat(getOverHttp(user, task.get("id").longValue()).status()).isEqualTo(200);
        assertThat(titles(call(client, "list_tasks", Map.of()))).containsExactly("Made with a personal token");

        assertThat(api.delete("/api/v1/tokens/" + created.get("token").get("id").stringValue(), user.accessToken())
                .status()).isEqualTo(204);

        assertRefusedWith401(() -> call(client, "list_tasks", Map.of()));
        assertRefusedWith401(() -> client(secret).initialize());
        assertThat(rawMcp(secret, "initialize", initializeParams()).status()).isEqualTo(401);
    }

    @Test
    void aPersonalApiTokenIsRefusedOutsideTheMcpEndpoint() {
        Session user = api.register();
        String secret = personalToken(user, "Cursor").get("secret").stringValue();

        assertThat(api.get("/api/v1/tasks", secret).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/tasks", Map.of("title", "sneaky"), secret).status()).isEqualTo(401);
        assertThat(api.get("/api/tasks", secret).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tasks?status=all", user.accessToken()).json().get("total").intValue()).isZero();
    }

    @Test
    void anAccessTokenOfAnEndedSessionIsRefused() {
        Session user = api.register();
        assertThat(rawMcp(user.accessToken(), "initialize", initializeParams()).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", user.refreshToken()), user.accessToken())
                .status()).isEqualTo(200);

        assertThat(rawMcp(user.accessToken(), "initialize", initializeParams()).status()).isEqualTo(401);
    }

    @Test
    void noUserCanReachAnotherUsersTasks() {
        Session alice = api.register();
        Session bob = api.register();
        long id = createOverHttp(alice, Map.of("title", "Alice's secret plan", "dueDate",
                LocalDate.now(ZoneId.of("UTC")).toString())).get("id").longValue();
        McpSyncClient asBob = connect(bob);

        assertThat(error(call(asBob, "get_task", args("task_id", id)))).contains("not found");
        assertThat(error(call(asBob, "update_task", args("task_id", id, "title", "Bob's now")))).contains("not found");
        assertThat(error(call(asBob, "complete_task", args("task_id", id)))).contains("not found");
        assertThat(error(call(asBob, "delete_task", args("task_id", id)))).contains("not found");
        assertThat(ok(call(asBob, "list_tasks", args("status", "all"))).get("total").intValue()).isZero();
        assertThat(ok(call(asBob, "list_tasks", args("view", "today"))).get("total").intValue()).isZero();
        assertThat(ok(call(asBob, "search_tasks", args("query", "secret plan"))).get("total").intValue()).isZero();

        JsonNode stored = getOverHttp(alice, id).json().get("task");
        assertThat(stored.get("title").stringValue()).isEqualTo("Alice's secret plan");
        assertThat(stored.get("status").stringValue()).isEqualTo("pending");
        assertThat(titles(call(connect(alice), "search_tasks", args("query", "secret plan"))))
                .containsExactly("Alice's secret plan");
    }

    // ---- resource and prompt --------------------------------------------------------------------------

    @Test
    void theTodayResourceListsTheCallersTasksDueTodayOrOverdue() {
        ZoneId zone = ZoneId.of("Pacific/Kiritimati");
        LocalDate today = LocalDate.now(zone);
        Session user = api.register("today-" + System.nanoTime() + "@example.com", zone.getId());
        createOverHttp(user, Map.of("title", "overdue", "dueDate", today.minusDays(1).toString()));
        createOverHttp(user, Map.of("title", "today", "dueDate", today.toString()));
        createOverHttp(user, Map.of("title", "tomorrow", "dueDate", today.plusDays(1).toString()));
        createOverHttp(user, Map.of("title", "done today", "dueDate", today.toString(), "status", "done"));
        createOverHttp(api.register(), Map.of("title", "someone else's", "dueDate", today.toString()));
        McpSyncClient client = connect(user);

        assertThat(client.listResources().resources()).extracting(McpSchema.Resource::uri)
                .containsExactly("todo://tasks/today");
        ReadResourceResult read = client.readResource(new ReadResourceRequest("todo://tasks/today"));

        assertThat(read.contents()).hasSize(1);
        TextResourceContents contents = (TextResourceContents) read.contents().getFirst();
        assertThat(contents.uri()).isEqualTo("todo://tasks/today");
        assertThat(contents.mimeType()).isEqualTo("application/json");
        JsonNode json = Api.JSON.readTree(contents.text());
        assertThat(json.get("total").intValue()).isEqualTo(2);
        List<String> titles = new ArrayList<>();
        json.get("tasks").values().forEach(task -> titles.add(task.get("title").stringValue()));
        assertThat(titles).containsExactly("overdue", "today");
    }

    @Test
    void thePlanMyDayPromptAsksAsTheUserToPlanFromTodaysTasks() {
        McpSyncClient client = connect(api.register());

        assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name).containsExactly("plan_my_day");
        GetPromptResult prompt = client.getPrompt(new GetPromptRequest("plan_my_day", Map.of()));

        assertThat(prompt.messages()).hasSize(1);
        assertThat(prompt.messages().getFirst().role()).isEqualTo(McpSchema.Role.USER);
        assertThat(((TextContent) prompt.messages().getFirst().content()).text()).contains("list_tasks")
                .contains("today");
    }

    // ---- statelessness --------------------------------------------------------------------------------

    @Test
    void twoClientsWithoutASharedSessionSeeTheSameTasks() {
        Session user = api.register();
        McpSyncClient first = connect(user);
        McpSyncClient second = connect(user);

        long id = task(call(first, "create_task", args("title", "From the first client"))).get("id").longValue();

        assertThat(task(call(second, "get_task", args("task_id", id))).get("title").stringValue())
                .isEqualTo("From the first client");
        task(call(second, "complete_task", args("task_id", id)));
        assertThat(task(call(first, "get_task", args("task_id", id))).get("status").stringValue()).isEqualTo("done");
    }

    @Test
    void initializeHandsOutNoSessionAndAToolCallNeedsNoInitializeFirst() {
        Session user = api.register();

        Response init = rawMcp(user.accessToken(), "initialize", initializeParams());
        assertThat(jsonRpc(init).get("result").get("serverInfo").get("name").stringValue()).isEqualTo("todo");
        assertThat(init.header("Mcp-Session-Id")).isNull();

        Response created = rawMcp(user.accessToken(), "tools/call",
                Map.of("name", "create_task", "arguments", Map.of("title", "No handshake needed")));

        JsonNode result = jsonRpc(created).get("result");
        assertThat(result.get("isError").booleanValue()).isFalse();
        long id = result.get("structuredContent").get("task").get("id").longValue();
        assertThat(getOverHttp(user, id).json().get("task").get("title").stringValue())
                .isEqualTo("No handshake needed");

        JsonNode listed = jsonRpc(rawMcp(user.accessToken(), "tools/call",
                Map.of("name", "list_tasks", "arguments", Map.of()))).get("result");
        assertThat(listed.get("structuredContent").get("total").intValue()).isEqualTo(1);
    }

    @Test
    void notificationsAreAcceptedAndThereIsNoStreamToListenOn() {
        Session user = api.register();

        Response notification = api.send("POST", "/mcp",
                Map.of("jsonrpc", "2.0", "method", "notifications/initialized"), user.accessToken(), MCP_HEADERS);
        Response listen = api.send("GET", "/mcp", null, user.accessToken(), Map.of("Accept", "text/event-stream"));

        assertThat(notification.status()).isEqualTo(202);
        assertThat(listen.status()).as("a stateless server has no stream to keep open").isEqualTo(405);
    }
}
