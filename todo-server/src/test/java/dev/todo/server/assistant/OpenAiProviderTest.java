package dev.todo.server.assistant;

import static dev.todo.server.assistant.ScriptedOpenAi.error;
import static dev.todo.server.assistant.ScriptedOpenAi.text;
import static dev.todo.server.assistant.ScriptedOpenAi.textThenToolCalls;
import static dev.todo.server.assistant.ScriptedOpenAi.toolCall;
import static dev.todo.server.assistant.ScriptedOpenAi.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.Api.Session;
import dev.todo.server.ApiTest;
import dev.todo.server.assistant.ScriptedOpenAi.Call;

/**
 * The assistant with an OpenAI-compatible model: Spring AI's OpenAiChatModel (the openai-java SDK over OkHttp)
 * talking to {@link ScriptedOpenAi} on a real socket, the tools running through the server's own MCP endpoint
 * against the real database, called over real HTTP.
 */
@ApiTest
class OpenAiProviderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ScriptedOpenAi openAi = ScriptedOpenAi.start();
    private static final List<String> TOOLS = List.of("create_task", "list_tasks", "search_tasks", "get_task",
            "update_task", "complete_task", "delete_task");

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("todo.ai.base-url", openAi::baseUrl);
        registry.add("todo.ai.api-key", () -> "test-key");
        registry.add("todo.ai.model", () -> "test-model");
        registry.add("todo.ai.timeout", () -> TIMEOUT.toSeconds() + "s");
    }

    @AfterAll
    static void stopProvider() {
        openAi.close();
    }

    private final Api api;

    OpenAiProviderTest(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @BeforeEach
    void resetScript() {
        openAi.reset();
    }

    // ---- A turn with a tool call ------------------------------------------------------------------------

    @Test
    void aToolCallCreatesTheTaskAndTheAnswerStreams() {
        // A zone whose date differs from UTC's right now, so "today in the user's zone" is really checked.
        ZoneId zone = zoneAwayFromUtc();
        Session user = api.register("user-" + java.util.UUID.randomUUID() + "@example.com", zone.getId());
        LocalDate today = LocalDate.now(zone);
        String tomorrow = today.plusDays(1).toString();
        String arguments = "{\"title\":\"Buy groceries\",\"due_date\":\"" + tomorrow + "\"}";
        List<String> pieces = List.of("I've added ", "**Buy groceries**", " for tomorrow (" + tomorrow + ").");
        openAi.then(toolCall("call_groceries1", "create_task", arguments), text(pieces.toArray(String[]::new)));

        Response response = chat(user, Map.of("message", "remind me to buy groceries tomorrow"), "text/event-stream");

        // The task really exists, for this user.
        JsonNode tasks = api.get("/api/v1/tasks", user.accessToken()).json();
        assertThat(tasks.get("total").intValue()).isEqualTo(1);
        JsonNode task = tasks.get("tasks").get(0);
        assertThat(task.get("title").stringValue()).isEqualTo("Buy groceries");
        assertThat(task.get("dueDate").stringValue()).isEqualTo(tomorrow);

        // The stream: start, the tool call with its result, the text as it came, done.
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/event-stream");
        List<Event> events = events(response);
        assertThat(events).extracting(Event::name).containsExactly("start", "tool_call", "delta", "delta", "delta", "done");
        String conversationId = events.getFirst().data().get("conversationId").stringValue();
        JsonNode call = events.get(1).data();
        assertThat(call.get("name").stringValue()).isEqualTo("create_task");
        assertThat(call.get("error").booleanValue()).isFalse();
        assertThat(call.get("arguments")).isEqualTo(Api.JSON.readTree(arguments));
        assertThat(call.get("result").get("task").get("title").stringValue()).isEqualTo("Buy groceries");
        assertThat(call.get("result").get("task").get("id").longValue()).isEqualTo(task.get("id").longValue());
        assertThat(events.subList(2, 5)).extracting(e -> e.data().get("text").stringValue())
                .containsExactlyElementsOf(pieces);
        JsonNode done = events.getLast().data();
        assertThat(done.get("conversationId").stringValue()).isEqualTo(conversationId);

        // What the provider was sent, first: the whole request as OpenAI expects it.
        List<ScriptedOpenAi.Request> requests = openAi.requests();
        assertThat(requests).hasSize(2);
        ScriptedOpenAi.Request first = requests.getFirst();
        assertThat(first.path()).isEqualTo("/v1/chat/completions");
        assertThat(first.header("Authorization")).isEqualTo("Bearer test-key");
        JsonNode body = first.body();
        assertThat(body.get("store").isBoolean()).isTrue();
        assertThat(body.get("store").booleanValue()).isFalse();
        assertThat(body.get("model").stringValue()).isEqualTo("test-model");
        assertThat(body.get("stream").booleanValue()).isTrue();
        Map<String, JsonNode> schemas = mcpInputSchemas(user);
        assertThat(schemas.keySet()).containsExactlyInAnyOrderElementsOf(TOOLS);
        List<String> sent = new ArrayList<>();
        for (JsonNode tool : body.get("tools").values()) {
            assertThat(tool.get("type").stringValue()).isEqualTo("function");
            String name = tool.get("function").get("name").stringValue();
            sent.add(name);
            assertThat(tool.get("function").get("description").stringValue()).isNotBlank();
            assertThat(tool.get("function").get("parameters")).as(name).isEqualTo(schemas.get(name));
        }
        assertThat(sent).containsExactlyInAnyOrderElementsOf(TOOLS);
        JsonNode createTask = tool(body, "create_task").get("function").get("parameters");
        assertThat(createTask.get("type").stringValue()).isEqualTo("object");
        assertThat(createTask.get("required").values()).extracting(JsonNode::stringValue).containsExactly("title");
        assertThat(createTask.get("properties").propertyNames())
                .contains("title", "description", "due_date", "priority", "tags");
        JsonNode messages = first.messages();
        assertThat(roles(messages)).containsExactly("system", "user");
        assertThat(messages.get(0).get("content").stringValue())
                .contains("Today is " + today + " (").contains(zone.getId());
        assertThat(messages.get(1).get("content").stringValue()).isEqualTo("remind me to buy groceries tomorrow");

        // Then: the same conversation with the model's tool call and the tool's result after it.
        JsonNode second = requests.get(1).body();
        assertThat(second.get("store").booleanValue()).isFalse();
        assertThat(second.get("stream").booleanValue()).isTrue();
        JsonNode followUp = second.get("messages");
        assertThat(roles(followUp)).containsExactly("system", "user", "assistant", "tool");
        JsonNode requested = followUp.get(2).get("tool_calls");
        assertThat(requested.size()).isEqualTo(1);
        assertThat(requested.get(0).get("id").stringValue()).isEqualTo("call_groceries1");
        assertThat(requested.get(0).get("type").stringValue()).isEqualTo("function");
        assertThat(requested.get(0).get("function").get("name").stringValue()).isEqualTo("create_task");
        assertThat(Api.JSON.readTree(requested.get(0).get("function").get("arguments").stringValue()))
                .isEqualTo(Api.JSON.readTree(arguments));
        JsonNode toolMessage = followUp.get(3);
        assertThat(toolMessage.get("tool_call_id").stringValue()).isEqualTo("call_groceries1");
        JsonNode result = Api.JSON.readTree(toolMessage.get("content").stringValue());
        assertThat(result.get("task").get("id").longValue()).isEqualTo(task.get("id").longValue());
        assertThat(result.get("task").get("title").stringValue()).isEqualTo("Buy groceries");
        assertThat(result.get("task").get("due_date").stringValue()).isEqualTo(tomorrow);

        // And the conversation keeps the exchange with its tool call.
        JsonNode stored = conversation(user, conversationId).get("messages");
        assertThat(roles(stored)).containsExactly("user", "assistant");
        assertThat(stored.get(1).get("id").stringValue()).isEqualTo(done.get("messageId").stringValue());
        assertThat(stored.get(1).get("content").stringValue()).isEqualTo(String.join("", pieces));
        assertThat(stored.get(1).get("toolCalls").size()).isEqualTo(1);
        assertThat(stored.get(1).get("toolCalls").get(0).get("name").stringValue()).isEqualTo("create_task");
        assertThat(stored.get(1).get("toolCalls").get(0).get("result").get("task").get("title").stringValue())
                .isEqualTo("Buy groceries");
        assertThat(openAi.unused()).isZero();
    }

    @Test
    void parallelToolCallsInOneAnswerAllRun() {
        Session user = api.register();
        // OpenAI's parallel tool calls: the second call starts (index 1, its id and name) after the first's arguments.
        openAi.then(toolCalls(new Call("call_milk", "create_task", "{\"title\":\"Buy milk\",\"tags\":[\"shopping\"]}"),
                        new Call("call_eggs", "create_task", "{\"title\":\"Buy eggs\",\"priority\":\"high\"}")),
                text("Added both."));

        List<Event> events = events(chat(user, Map.of("message", "add buy milk and buy eggs (urgent)"), "text/event-stream"));

        assertThat(events).extracting(Event::name).containsExactly("start", "tool_call", "tool_call", "delta", "done");
        assertThat(events.subList(1, 3)).extracting(e -> e.data().get("result").get("task").get("title").stringValue())
                .containsExactly("Buy milk", "Buy eggs");
        JsonNode tasks = api.get("/api/v1/tasks", user.accessToken()).json().get("tasks");
        Map<String, String> priorities = new HashMap<>();
        tasks.values().forEach(t -> priorities.put(t.get("title").stringValue(), t.get("priority").stringValue()));
        assertThat(priorities).containsExactlyInAnyOrderEntriesOf(Map.of("Buy milk", "medium", "Buy eggs", "high"));
        JsonNode followUp = openAi.requests().get(1).messages();
        assertThat(roles(followUp)).containsExactly("system", "user", "assistant", "tool", "tool");
        assertThat(followUp.get(2).get("tool_calls").values()).extracting(c -> c.get("id").stringValue())
                .containsExactly("call_milk", "call_eggs");
        assertThat(followUp.get(3).get("tool_call_id").stringValue()).isEqualTo("call_milk");
        assertThat(followUp.get(4).get("tool_call_id").stringValue()).isEqualTo("call_eggs");
        assertThat(Api.JSON.readTree(followUp.get(4).get("content").stringValue()).get("task").get("title").stringValue())
                .isEqualTo("Buy eggs");
    }

    @Test
    void textBeforeAToolCallStaysApartFromTheTextAfterIt() {
        Session user = api.register();
        // Models often say what they are about to do in the same answer as the tool call.
        openAi.then(textThenToolCalls(List.of("Sure, ", "adding it now."),
                        new Call("call_plants", "create_task", "{\"title\":\"Water the plants\"}")),
                text("Added **Water the plants**."));

        Response response = chat(user, Map.of("message", "add water the plants"), "text/event-stream");

        List<Event> events = events(response);
        assertThat(events).extracting(Event::name)
                .containsExactly("start", "delta", "delta", "tool_call", "delta", "done");
        JsonNode assistant = openAi.requests().get(1).messages().get(2);
        assertThat(assistant.get("role").stringValue()).isEqualTo("assistant");
        assertThat(assistant.get("content").stringValue()).isEqualTo("Sure, adding it now.");
        assertThat(assistant.get("tool_calls").get(0).get("id").stringValue()).isEqualTo("call_plants");
        String streamed = events.stream().filter(e -> e.name().equals("delta"))
                .map(e -> e.data().get("text").stringValue()).reduce("", String::concat);
        JsonNode stored = conversation(user, events.getFirst().data().get("conversationId").stringValue())
                .get("messages").get(1);
        assertThat(stored.get("content").stringValue())
                .isEqualTo(streamed)
                .isEqualTo("Sure, adding it now.\n\nAdded **Water the plants**.");
    }

    @Test
    void aToolThatDoesNotExistIsAnErrorForTheModelToCorrect() {
        Session user = api.register();
        openAi.then(toolCall("call_ghost", "create_tasks", "{\"title\":\"Buy milk\"}"),
                toolCall("call_real", "create_task", "{\"title\":\"Buy milk\"}"),
                text("Added **Buy milk**."));

        List<Event> events = events(chat(user, Map.of("message", "add buy milk"), "text/event-stream"));

        assertThat(events).extracting(Event::name).containsExactly("start", "tool_call", "tool_call", "delta", "done");
        JsonNode ghost = events.get(1).data();
        assertThat(ghost.get("name").stringValue()).isEqualTo("create_tasks");
        assertThat(ghost.get("error").booleanValue()).isTrue();
        JsonNode toolMessage = openAi.requests().get(1).messages().get(3);
        assertThat(toolMessage.get("tool_call_id").stringValue()).isEqualTo("call_ghost");
        assertThat(Api.JSON.readTree(toolMessage.get("content").stringValue()).get("error").stringValue())
                .contains("create_tasks").contains("create_task,");
        assertThat(api.get("/api/v1/tasks", user.accessToken()).json().get("total").intValue()).isEqualTo(1);
        assertThat(openAi.requests()).hasSize(3);
    }

    // ---- History ----------------------------------------------------------------------------------------

    @Test
    void theNextMessageReplaysTheConversationInOrder() {
        Session user = api.register();
        String arguments = "{\"title\":\"Call the dentist\",\"priority\":\"high\"}";
        openAi.then(toolCall("call_dentist", "create_task", arguments), text("Added **Call the dentist** (high). "));
        List<Event> firstTurn = events(chat(user, Map.of("message", "I must call the dentist, urgent"), "text/event-stream"));
        assertThat(firstTurn.getLast().name()).isEqualTo("done");
        String conversationId = firstTurn.getFirst().data().get("conversationId").stringValue();
        JsonNode originalResult = openAi.requests().get(1).messages().get(3).get("content");

        openAi.reset();
        openAi.then(text("You have one task: Call the dentist."));
        List<Event> secondTurn = events(chat(user,
                Map.of("message", "what is on my list?", "conversationId", conversationId), "text/event-stream"));

        assertThat(secondTurn).extracting(Event::name).containsExactly("start", "delta", "done");
        assertThat(secondTurn.getLast().data().get("conversationId").stringValue()).isEqualTo(conversationId);
        List<ScriptedOpenAi.Request> requests = openAi.requests();
        assertThat(requests).hasSize(1);
        JsonNode messages = requests.getFirst().messages();
        assertThat(roles(messages)).containsExactly("system", "user", "assistant", "tool", "assistant", "user");
        assertThat(messages.get(1).get("content").stringValue()).isEqualTo("I must call the dentist, urgent");
        JsonNode replayedCall = messages.get(2).get("tool_calls");
        assertThat(replayedCall.size()).isEqualTo(1);
        assertThat(replayedCall.get(0).get("type").stringValue()).isEqualTo("function");
        assertThat(replayedCall.get(0).get("function").get("name").stringValue()).isEqualTo("create_task");
        assertThat(Api.JSON.readTree(replayedCall.get(0).get("function").get("arguments").stringValue()))
                .isEqualTo(Api.JSON.readTree(arguments));
        assertThat(messages.get(3).get("tool_call_id").stringValue())
                .isEqualTo(replayedCall.get(0).get("id").stringValue());
        assertThat(Api.JSON.readTree(messages.get(3).get("content").stringValue()))
                .isEqualTo(Api.JSON.readTree(originalResult.stringValue()));
        assertThat(messages.get(4).get("content").stringValue()).isEqualTo("Added **Call the dentist** (high).");
        assertThat(messages.get(5).get("content").stringValue()).isEqualTo("what is on my list?");
        assertThat(roles(conversation(user, conversationId).get("messages")))
                .containsExactly("user", "assistant", "user", "assistant");
    }

    // ---- JSON mode --------------------------------------------------------------------------------------

    @Test
    void jsonModeAnswersWithTheTextAndTheToolCalls() {
        Session user = api.register();
        openAi.then(toolCall("call_report", "create_task", "{\"title\":\"Send the report\",\"tags\":[\"work\"]}"),
                text("Added ", "**Send the report**", "."));

        Response response = chat(user, Map.of("message", "add send the report"), "application/json");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.get("response").stringValue()).isEqualTo("Added **Send the report**.");
        assertThat(body.get("toolCalls").size()).isEqualTo(1);
        JsonNode call = body.get("toolCalls").get(0);
        assertThat(call.get("name").stringValue()).isEqualTo("create_task");
        assertThat(call.get("arguments").get("title").stringValue()).isEqualTo("Send the report");
        assertThat(call.get("result").get("task").get("tags").values()).extracting(JsonNode::stringValue)
                .containsExactly("work");
        assertThat(call.get("error").booleanValue()).isFalse();
        // The agent streams from the provider in both modes.
        assertThat(openAi.requests()).hasSize(2).allSatisfy(r -> assertThat(r.body().get("stream").booleanValue()).isTrue());
        JsonNode stored = conversation(user, body.get("conversationId").stringValue()).get("messages");
        assertThat(stored.get(1).get("id").stringValue()).isEqualTo(body.get("messageId").stringValue());
        assertThat(api.get("/api/v1/tasks", user.accessToken()).json().get("tasks").get(0).get("title").stringValue())
                .isEqualTo("Send the report");
    }

    // ---- Provider errors --------------------------------------------------------------------------------

    static Stream<Arguments> providerErrors() {
        return Stream.of(
                // Not retried: one request.
                Arguments.of(401, "invalid_request_error", "invalid_api_key",
                        "Incorrect API key provided: test-key. You can find your API key at "
                                + "https://platform.openai.com/account/api-keys.", 1,
                        "The AI provider refused the server's API key. Whoever runs Todo should check OPENAI_API_KEY."),
                // Retried once (maxRetries 1): two requests.
                Arguments.of(429, "requests", "rate_limit_exceeded",
                        "Rate limit reached for test-model in organization org-x on requests per min (RPM): Limit 3, "
                                + "Used 3, Requested 1.", 2,
                        "The AI provider is busy right now (too many requests). Please try again in a minute."),
                Arguments.of(500, "server_error", null,
                        "The server had an error while processing your request. Sorry about that!", 2,
                        "The AI provider had an error (HTTP 500). Please try again in a moment."));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @MethodSource("providerErrors")
    void aProviderErrorIsAClearMessageInTheStream(int status, String type, String code, String providerMessage,
                                                  int attempts, String expected) {
        Session user = api.register();
        for (int i = 0; i < attempts; i++) {
            openAi.then(error(status, type, code, providerMessage));
        }

        Response response = chat(user, Map.of("message", "add buy bread"), "text/event-stream");

        assertThat(response.status()).isEqualTo(200);
        List<Event> events = events(response);
        assertThat(events).extracting(Event::name).containsExactly("start", "error");
        String conversationId = events.getFirst().data().get("conversationId").stringValue();
        assertThat(events.get(1).data().get("message").stringValue()).isEqualTo(expected)
                .doesNotContain(providerMessage);
        assertThat(events.get(1).data().get("conversationId").stringValue()).isEqualTo(conversationId);
        assertThat(openAi.requests()).hasSize(attempts);
        assertThat(openAi.unused()).isZero();
        assertKeptOnlyTheMessageAndTheError(user, conversationId, "add buy bread", expected);
    }

    @Test
    void aProviderErrorInJsonModeIsA502ProblemWithTheMessage() {
        Session user = api.register();
        openAi.then(error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: test-key."));

        Response response = chat(user, Map.of("message", "what is due today?"), "application/json");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        String expected = "The AI provider refused the server's API key. Whoever runs Todo should check OPENAI_API_KEY.";
        assertThat(problem.get("status").intValue()).isEqualTo(502);
        assertThat(problem.get("detail").stringValue()).isEqualTo(expected);
        assertKeptOnlyTheMessageAndTheError(user, problem.get("conversationId").stringValue(), "what is due today?",
                expected);
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsATimeOut() {
        Session user = api.register();
        // Silent for far longer than the time-out; twice, in case the client retries (maxRetries is 1).
        openAi.then(openAi.slow(Duration.ofSeconds(60), text("too late")), openAi.slow(Duration.ofSeconds(60), text("too late")));

        long started = System.nanoTime();
        Response response = chat(user, Map.of("message", "add buy bread"), "text/event-stream");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<Event> events = events(response);
        assertThat(events).extracting(Event::name).containsExactly("start", "error");
        String expected = "The AI provider did not answer in time. Please try again.";
        assertThat(events.get(1).data().get("message").stringValue()).isEqualTo(expected);
        // Bounded by the time-out, not by the provider: it would have stayed silent for a minute. (The SDK does not
        // retry a streamed request that timed out, so one attempt is seen; the agent allows three time-outs in all.)
        assertThat(took).isLessThan(TIMEOUT.multipliedBy(3));
        assertThat(openAi.requests()).isNotEmpty();
        assertKeptOnlyTheMessageAndTheError(user, events.getFirst().data().get("conversationId").stringValue(),
                "add buy bread", expected);
    }

    @Test
    void aTimeOutInJsonModeIsA504() {
        Session user = api.register();
        // As above: silent for far longer than the time-out, twice in case the client retries.
        openAi.then(openAi.slow(Duration.ofSeconds(60), text("too late")), openAi.slow(Duration.ofSeconds(60), text("too late")));

        Response response = chat(user, Map.of("message", "add buy bread"), "application/json");

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        String expected = "The AI provider did not answer in time. Please try again.";
        assertThat(response.json().get("detail").stringValue()).isEqualTo(expected);
        assertKeptOnlyTheMessageAndTheError(user, response.json().get("conversationId").stringValue(), "add buy bread",
                expected);
    }

    @Test
    void aStreamThatStallsIsATimeOut() {
        Session user = api.register();
        openAi.then(openAi.stallAfter("Let me", Duration.ofSeconds(60)));

        List<Event> events = events(chat(user, Map.of("message", "what is due today?"), "text/event-stream"));

        assertThat(events).extracting(Event::name).containsExactly("start", "delta", "error");
        assertThat(events.get(1).data().get("text").stringValue()).isEqualTo("Let me");
        assertThat(events.get(2).data().get("message").stringValue())
                .isEqualTo("The AI provider did not answer in time. Please try again.");
    }

    @Test
    void aFailureAfterAToolCallKeepsWhatWasDone() {
        Session user = api.register();
        openAi.then(toolCall("call_bread", "create_task", "{\"title\":\"Buy bread\"}"),
                error(500, "server_error", null, "The server had an error while processing your request."),
                error(500, "server_error", null, "The server had an error while processing your request."));

        List<Event> events = events(chat(user, Map.of("message", "add buy bread"), "text/event-stream"));

        assertThat(events).extracting(Event::name).containsExactly("start", "tool_call", "error");
        String expected = "The AI provider had an error (HTTP 500). Please try again in a moment.";
        assertThat(events.get(2).data().get("message").stringValue()).isEqualTo(expected);
        // The task was made before the provider failed, and the stored reply says so.
        assertThat(api.get("/api/v1/tasks", user.accessToken()).json().get("tasks").get(0).get("title").stringValue())
                .isEqualTo("Buy bread");
        JsonNode stored = conversation(user, events.getFirst().data().get("conversationId").stringValue()).get("messages");
        assertThat(roles(stored)).containsExactly("user", "assistant");
        assertThat(stored.get(1).get("content").stringValue()).isEqualTo(expected);
        assertThat(stored.get(1).get("toolCalls").get(0).get("name").stringValue()).isEqualTo("create_task");
        assertThat(stored.get(1).get("toolCalls").get(0).get("error").booleanValue()).isFalse();
    }

    // ---- Tool errors ------------------------------------------------------------------------------------

    @Test
    void aToolErrorGoesBackToTheModel() {
        Session user = api.register();
        openAi.then(toolCall("call_missing", "get_task", "{\"task_id\":\"999999\"}"),
                text("I could not find task 999999. Shall I list your tasks?"));

        List<Event> events = events(chat(user, Map.of("message", "show me task 999999"), "text/event-stream"));

        assertThat(events).extracting(Event::name).containsExactly("start", "tool_call", "delta", "done");
        JsonNode call = events.get(1).data();
        assertThat(call.get("name").stringValue()).isEqualTo("get_task");
        assertThat(call.get("error").booleanValue()).isTrue();
        assertThat(call.get("result").stringValue()).contains("999999").contains("not found");
        JsonNode toolMessage = openAi.requests().get(1).messages().get(3);
        assertThat(toolMessage.get("role").stringValue()).isEqualTo("tool");
        assertThat(toolMessage.get("tool_call_id").stringValue()).isEqualTo("call_missing");
        JsonNode content = Api.JSON.readTree(toolMessage.get("content").stringValue());
        assertThat(content.propertyNames()).containsExactly("error");
        assertThat(content.get("error").stringValue()).contains("not found");
        JsonNode stored = conversation(user, events.getFirst().data().get("conversationId").stringValue())
                .get("messages").get(1);
        assertThat(stored.get("content").stringValue()).isEqualTo("I could not find task 999999. Shall I list your tasks?");
        assertThat(stored.get("toolCalls").get(0).get("error").booleanValue()).isTrue();
    }

    @Test
    void theModelReachesOnlyTheUsersOwnTasks() {
        Session owner = api.register();
        Session other = api.register();
        Response created = api.post("/api/v1/tasks", Map.of("title", "Owner's secret plan"), owner.accessToken());
        assertThat(created.status()).isEqualTo(201);
        long taskId = created.json().get("task").get("id").longValue();
        openAi.then(text("Delete task " + taskId + "? Say yes to confirm."));
        String conversationId = events(chat(other, Map.of("message", "delete task " + taskId), "text/event-stream"))
                .getFirst().data().get("conversationId").stringValue();
        openAi.then(toolCall("call_delete", "delete_task", "{\"task_id\":\"" + taskId + "\"}"),
                text("I could not find that task."));

        List<Event> events = events(chat(other, Map.of("message", "yes", "conversationId", conversationId),
                "text/event-stream"));

        assertThat(events).extracting(Event::name).containsExactly("start", "tool_call", "delta", "done");
        JsonNode call = events.get(1).data();
        assertThat(call.get("name").stringValue()).isEqualTo("delete_task");
        assertThat(call.get("error").booleanValue()).isTrue();
        assertThat(call.get("result").stringValue()).contains("not found").doesNotContain("Owner's secret plan");
        JsonNode toolMessage = last(openAi.requests().get(2).messages());
        assertThat(toolMessage.get("role").stringValue()).isEqualTo("tool");
        assertThat(toolMessage.get("content").stringValue()).contains("not found").doesNotContain("Owner's secret plan");
        Response stillThere = api.get("/api/v1/tasks/" + taskId, owner.accessToken());
        assertThat(stillThere.status()).isEqualTo(200);
        assertThat(stillThere.json().get("task").get("title").stringValue()).isEqualTo("Owner's secret plan");
        JsonNode stored = conversation(other, conversationId).get("messages").get(3);
        assertThat(stored.get("toolCalls").get(0).get("error").booleanValue()).isTrue();
    }

    @Test
    void aDeletionTheUserDidNotConfirmIsRefusedAndTheModelToldToAsk() {
        Session user = api.register();
        long taskId = api.post("/api/v1/tasks", Map.of("title", "Water plants"), user.accessToken()).json()
                .get("task").get("id").longValue();
        openAi.then(toolCall("call_delete", "delete_task", "{\"task_id\":\"" + taskId + "\"}"),
                text("Shall I delete 'Water plants'?"));

        List<Event> events = events(chat(user, Map.of("message", "delete the plants task"), "text/event-stream"));

        JsonNode call = events.get(1).data();
        assertThat(call.get("name").stringValue()).isEqualTo("delete_task");
        assertThat(call.get("error").booleanValue()).isTrue();
        assertThat(call.get("result").stringValue()).startsWith("Not deleted: ask the user to confirm first");
        assertThat(last(openAi.requests().get(1).messages()).get("content").stringValue())
                .contains("ask the user to confirm first");
        assertThat(api.get("/api/v1/tasks/" + taskId, user.accessToken()).status()).isEqualTo(200);

        String conversationId = events.getFirst().data().get("conversationId").stringValue();
        openAi.then(toolCall("call_delete_2", "delete_task", "{\"task_id\":\"" + taskId + "\"}"),
                text("Deleted 'Water plants'."));
        List<Event> confirmed = events(chat(user, Map.of("message", "yes please", "conversationId", conversationId),
                "text/event-stream"));

        assertThat(confirmed.get(1).data().get("error").booleanValue()).isFalse();
        assertThat(api.get("/api/v1/tasks/" + taskId, user.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void changingMoreThanThreeTasksWithoutAYesStopsAtTheFourth() {
        Session user = api.register();
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            ids.add(api.post("/api/v1/tasks", Map.of("title", "Chore " + i), user.accessToken()).json()
                    .get("task").get("id").longValue());
        }
        openAi.then(toolCalls(ids.stream().map(id -> new ScriptedOpenAi.Call("call_" + id, "complete_task",
                        "{\"task_id\":\"" + id + "\"}")).toArray(ScriptedOpenAi.Call[]::new)),
                text("I completed three; shall I complete the fourth too?"));

        List<Event> events = events(chat(user, Map.of("message", "I did all my chores"), "text/event-stream"));

        List<JsonNode> calls = events.stream().filter(e -> e.name().equals("tool_call")).map(Event::data).toList();
        assertThat(calls).hasSize(4);
        assertThat(calls.subList(0, 3)).allMatch(c -> !c.get("error").booleanValue());
        assertThat(calls.get(3).get("error").booleanValue()).isTrue();
        assertThat(calls.get(3).get("result").stringValue()).startsWith("Not changed: that is more than 3 tasks");
        assertThat(api.get("/api/v1/tasks/" + ids.get(3), user.accessToken()).json().get("task").get("status")
                .stringValue()).isEqualTo("pending");
    }

    // ---- Helpers ----------------------------------------------------------------------------------------

    /** One server-sent event of the chat stream. */
    record Event(String name, JsonNode data) {
    }

    private Response chat(Session user, Map<String, Object> body, String accept) {
        return api.send("POST", "/api/v1/chat", body, user.accessToken(), Map.of("Accept", accept));
    }

    private static List<Event> events(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<Event> events = new ArrayList<>();
        for (String block : response.text().split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()).strip());
                }
            }
            events.add(new Event(name, Api.JSON.readTree(data.toString())));
        }
        return events;
    }

    private JsonNode conversation(Session user, String id) {
        Response response = api.get("/api/v1/conversations/" + id, user.accessToken());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private void assertKeptOnlyTheMessageAndTheError(Session user, String conversationId, String message, String error) {
        JsonNode messages = conversation(user, conversationId).get("messages");
        assertThat(roles(messages)).containsExactly("user", "assistant");
        assertThat(messages.get(0).get("content").stringValue()).isEqualTo(message);
        assertThat(messages.get(1).get("content").stringValue()).isEqualTo(error);
        assertThat(messages.get(1).get("toolCalls").size()).isZero();
        assertThat(api.get("/api/v1/tasks?status=all", user.accessToken()).json().get("total").intValue()).isZero();
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static List<String> roles(JsonNode messages) {
        List<String> roles = new ArrayList<>();
        messages.values().forEach(m -> roles.add(m.get("role").stringValue()));
        return roles;
    }

    private static JsonNode tool(JsonNode body, String name) {
        for (JsonNode tool : body.get("tools").values()) {
            if (tool.get("function").get("name").stringValue().equals(name)) {
                return tool;
            }
        }
        throw new AssertionError("no tool " + name + " in " + body.get("tools"));
    }

    /** The tools' input schemas as the MCP endpoint lists them to any MCP client. */
    private Map<String, JsonNode> mcpInputSchemas(Session user) {
        Response response = api.send("POST", "/mcp", Map.of("jsonrpc", "2.0", "id", 1, "method", "tools/list"),
                user.accessToken(), Map.of("Accept", "application/json, text/event-stream"));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        String text = response.text().strip();
        if (!text.startsWith("{")) {
            text = text.lines().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).strip())
                    .reduce("", String::concat);
        }
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        for (JsonNode tool : Api.JSON.readTree(text).get("result").get("tools").values()) {
            schemas.put(tool.get("name").stringValue(), tool.get("inputSchema"));
        }
        return schemas;
    }

    private static ZoneId zoneAwayFromUtc() {
        LocalDate utc = LocalDate.now(ZoneOffset.UTC);
        ZoneId east = ZoneId.of("Pacific/Kiritimati");
        return LocalDate.now(east).equals(utc) ? ZoneId.of("Pacific/Pago_Pago") : east;
    }
}
