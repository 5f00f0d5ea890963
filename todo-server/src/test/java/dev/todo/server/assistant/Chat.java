package dev.todo.server.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.Api.Session;

/** One user's conversation with the assistant over the real chat API (JSON mode), and their tasks over the task API. */
final class Chat {

    private final Api api;
    final Session user;
    String conversationId;
    /** The last answer's tool calls. */
    List<JsonNode> calls = List.of();

    Chat(Api api, Session user) {
        this.api = api;
        this.user = user;
    }

    /** Sends a message in this conversation (starting it on the first), returns the assistant's reply. */
    String say(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        Response response = api.send("POST", "/api/v1/chat", body, user.accessToken(), Map.of("Accept", "application/json"));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode json = response.json();
        conversationId = json.get("conversationId").stringValue();
        calls = new ArrayList<>();
        json.get("toolCalls").forEach(calls::add);
        return json.get("response").stringValue();
    }

    /** The names of the last answer's tool calls, in order. */
    List<String> callNames() {
        return calls.stream().map(c -> c.get("name").stringValue()).toList();
    }

    /** The last answer's only tool call that changed something. */
    JsonNode onlyChange() {
        List<JsonNode> changes = calls.stream()
                .filter(c -> !List.of("list_tasks", "search_tasks", "get_task").contains(c.get("name").stringValue()))
                .toList();
        assertThat(changes).as("changes in %s", calls).hasSize(1);
        return changes.get(0);
    }

    JsonNode addTask(Map<String, Object> task) {
        Response response = api.post("/api/v1/tasks", task, user.accessToken());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("task");
    }

    List<JsonNode> tasks() {
        List<JsonNode> tasks = new ArrayList<>();
        api.get("/api/v1/tasks?status=all&limit=100", user.accessToken()).json().get("tasks").forEach(tasks::add);
        return tasks;
    }

    /** The user's task titled {@code title}, as the task API shows it. */
    JsonNode task(String title) {
        return tasks().stream().filter(t -> t.get("title").stringValue().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no task '" + title + "' in " + tasks()));
    }
}
