package dev.todo.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Session;
import dev.todo.server.ApiTest;
import dev.todo.server.EventListeners;

/** Every change of a task is kept and shown, newest first, to its owner only. */
@ApiTest
class TaskHistoryTest {

    private final Api api;
    private final JdbcClient db;

    TaskHistoryTest(@LocalServerPort int port, JdbcClient db) {
        this.api = new Api(port);
        this.db = db;
    }

    @Test
    void theHistoryShowsEachChangeWithWhatChangedNewestFirst() throws Exception {
        Session user = api.register();
        long id = api.post("/api/v1/tasks", Map.of("title", "Draft", "priority", "low"), user.accessToken())
                .json().get("task").get("id").longValue();
        api.patch("/api/v1/tasks/" + id, Map.of("title", "Final", "priority", "high"), user.accessToken());
        api.patch("/api/v1/tasks/" + id, Map.of("status", "done"), user.accessToken());
        EventListeners.awaitDone(db);

        List<JsonNode> history = list(api.get("/api/v1/tasks/" + id + "/history", user.accessToken()).json()
                .get("history"));

        assertThat(history).extracting(e -> e.get("type").stringValue())
                .containsExactly("TaskCompleted", "TaskUpdated", "TaskCreated");
        assertThat(history).allSatisfy(e -> assertThat(e.get("via").stringValue()).isEqualTo("api"));
        List<JsonNode> renamed = list(history.get(1).get("changes"));
        assertThat(renamed).extracting(c -> c.get("field").stringValue()).containsExactly("title", "priority");
        assertThat(renamed.getFirst().get("from").stringValue()).isEqualTo("Draft");
        assertThat(renamed.getFirst().get("to").stringValue()).isEqualTo("Final");
        assertThat(list(history.getFirst().get("changes"))).extracting(c -> c.get("to").stringValue())
                .containsExactly("done");
        assertThat(history.getFirst().get("task").get("status").stringValue()).isEqualTo("done");
    }

    @Test
    void aDeletedTaskKeepsItsHistoryAndEachEventIsRecordedOnce() throws Exception {
        Session user = api.register();
        long id = api.post("/api/v1/tasks", Map.of("title", "Gone soon"), user.accessToken())
                .json().get("task").get("id").longValue();
        api.delete("/api/v1/tasks/" + id, user.accessToken());
        EventListeners.awaitDone(db);

        List<JsonNode> history = list(api.get("/api/v1/tasks/" + id + "/history", user.accessToken()).json()
                .get("history"));

        assertThat(history).extracting(e -> e.get("type").stringValue()).containsExactly("TaskDeleted", "TaskCreated");
        assertThat(history.getFirst().get("task").isNull()).isTrue();
        assertThat(db.sql("SELECT count(DISTINCT id) = count(*) FROM task_events").query(Boolean.class).single()).isTrue();
    }

    @Test
    void anotherUsersOrAnUnknownTasksHistoryIsNotFound() throws Exception {
        Session owner = api.register();
        Session other = api.register();
        long id = api.post("/api/v1/tasks", Map.of("title", "Mine"), owner.accessToken())
                .json().get("task").get("id").longValue();
        EventListeners.awaitDone(db);

        assertThat(api.get("/api/v1/tasks/" + id + "/history", other.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tasks/999999/history", owner.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tasks/" + id + "/history", null).status()).isEqualTo(401);
    }


    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
