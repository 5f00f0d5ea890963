package dev.todo.server.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Session;
import dev.todo.server.ApiTest;
import dev.todo.server.EventListeners;
import dev.todo.server.task.TaskChanged;
import dev.todo.server.task.TaskJson;
import dev.todo.server.task.Via;

/** Completing a repeating task creates its next occurrence, once. */
@ApiTest
class RepeatingTaskTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Api api;
    private final JdbcClient db;
    private final NextOccurrence nextOccurrence;

    RepeatingTaskTest(@LocalServerPort int port, JdbcClient db, NextOccurrence nextOccurrence) {
        this.api = new Api(port);
        this.db = db;
        this.nextOccurrence = nextOccurrence;
    }

    @Test
    void completingARepeatingTaskCreatesTheNextOccurrenceWithEverythingButTheDate() throws Exception {
        Session user = api.register();
        JsonNode task = api.post("/api/v1/tasks", Map.of("title", "Water the plants", "priority", "high",
                "tags", List.of("home"), "dueDate", "2030-03-04", "dueTime", "08:15", "reminderMinutesBefore", 15,
                "recurrence", "FREQ=WEEKLY"), user.accessToken()).json().get("task");
        assertThat(task.get("recurrence").stringValue()).isEqualTo("FREQ=WEEKLY");
        assertThat(task.get("recurFrom").stringValue()).isEqualTo("due");

        api.patch("/api/v1/tasks/" + task.get("id").longValue(), Map.of("status", "done"), user.accessToken());
        JsonNode next = awaitPending(user, 1).getFirst();

        assertThat(next.get("id").longValue()).isNotEqualTo(task.get("id").longValue());
        assertThat(next.get("title").stringValue()).isEqualTo("Water the plants");
        assertThat(next.get("priority").stringValue()).isEqualTo("high");
        assertThat(next.get("tags").get(0).stringValue()).isEqualTo("home");
        assertThat(next.get("dueDate").stringValue()).isEqualTo("2030-03-11");
        assertThat(next.get("dueTime").stringValue()).isEqualTo("08:15");
        assertThat(next.get("reminderMinutesBefore").intValue()).isEqualTo(15);
        assertThat(next.get("recurrence").stringValue()).isEqualTo("FREQ=WEEKLY");
        assertThat(next.get("status").stringValue()).isEqualTo("pending");
    }

    @Test
    void aRepeatCountedFromCompletionStartsFromTheDayItWasDone() throws Exception {
        Session user = api.register();
        long id = api.post("/api/v1/tasks", Map.of("title", "Stretch", "dueDate", "2020-01-01",
                "recurrence", "FREQ=WEEKLY", "recurFrom", "completion"), user.accessToken())
                .json().get("task").get("id").longValue();

        api.patch("/api/v1/tasks/" + id, Map.of("status", "done"), user.accessToken());
        JsonNode next = awaitPending(user, 1).getFirst();

        assertThat(next.get("dueDate").stringValue()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusWeeks(1).toString());
        assertThat(next.get("recurFrom").stringValue()).isEqualTo("completion");
    }

    @Test
    void aCompletionSeenTwiceOrRepeatedAfterReopeningMakesOneNextOccurrence() throws Exception {
        Session user = api.register();
        long id = api.post("/api/v1/tasks", Map.of("title", "Pay rent", "dueDate", "2030-01-01",
                "recurrence", "FREQ=WEEKLY"), user.accessToken()).json().get("task").get("id").longValue();
        JsonNode done = api.patch("/api/v1/tasks/" + id, Map.of("status", "done"), user.accessToken())
                .json().get("task");
        awaitPending(user, 1);

        // The same completion delivered again (a redelivery, or a second replica seeing it).
        TaskJson completed = Api.JSON.treeToValue(done, TaskJson.class);
        nextOccurrence.taskCompleted(new TaskChanged(UUID.randomUUID(), TaskChanged.Type.TASK_COMPLETED,
                java.time.Instant.now(), UUID.fromString(user.userId()), id, "Pay rent", "medium", completed, null,
                "test", Via.API));
        // Reopened and completed again.
        api.patch("/api/v1/tasks/" + id, Map.of("status", "pending"), user.accessToken());
        api.patch("/api/v1/tasks/" + id, Map.of("status", "done"), user.accessToken());
        EventListeners.awaitDone(db);

        assertThat(db.sql("SELECT count(*) FROM tasks WHERE follows_task_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(awaitPending(user, 1)).hasSize(1);
    }

    @Test
    void aTaskWithoutRepeatOrADeletedOneMakesNoNextOccurrence() throws Exception {
        Session user = api.register();
        long once = api.post("/api/v1/tasks", Map.of("title", "Once", "dueDate", "2030-01-01"), user.accessToken())
                .json().get("task").get("id").longValue();
        long stopped = api.post("/api/v1/tasks", Map.of("title", "Stopped", "dueDate", "2030-01-01",
                "recurrence", "FREQ=DAILY"), user.accessToken()).json().get("task").get("id").longValue();
        assertThat(api.patch("/api/v1/tasks/" + stopped, nullRecurrence(), user.accessToken()).json()
                .get("task").get("recurrence").isNull()).isTrue();

        api.patch("/api/v1/tasks/" + once, Map.of("status", "done"), user.accessToken());
        api.patch("/api/v1/tasks/" + stopped, Map.of("status", "done"), user.accessToken());
        EventListeners.awaitDone(db);

        assertThat(db.sql("SELECT count(*) FROM tasks WHERE follows_task_id IS NOT NULL AND user_id = :u")
                .param("u", UUID.fromString(user.userId())).query(Long.class).single()).isZero();
    }

    @Test
    void aRepeatNeedsADueDateAndARuleItUnderstands() {
        Session user = api.register();

        Api.Response noDate = api.post("/api/v1/tasks", Map.of("title", "x", "recurrence", "FREQ=DAILY"),
                user.accessToken());
        Api.Response nonsense = api.post("/api/v1/tasks", Map.of("title", "x", "dueDate", "2030-01-01",
                "recurrence", "sometimes"), user.accessToken());
        Api.Response badFrom = api.post("/api/v1/tasks", Map.of("title", "x", "dueDate", "2030-01-01",
                "recurrence", "FREQ=DAILY", "recurFrom", "whenever"), user.accessToken());

        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.json().get("errors").get("recurrence").stringValue()).isEqualTo("A repeating task needs a due date");
        assertThat(nonsense.status()).isEqualTo(400);
        assertThat(nonsense.json().get("errors").has("recurrence")).isTrue();
        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.json().get("errors").has("recurFrom")).isTrue();
        assertThat(api.get("/api/v1/tasks", user.accessToken()).json().get("total").intValue()).isZero();
    }

    private static Map<String, Object> nullRecurrence() {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("recurrence", null);
        return body;
    }


    /** The user's pending tasks, once there are {@code count} of them. */
    private List<JsonNode> awaitPending(Session user, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode tasks = api.get("/api/v1/tasks?status=pending", user.accessToken()).json().get("tasks");
            if (tasks.size() >= count || System.nanoTime() > deadline) {
                List<JsonNode> list = new java.util.ArrayList<>();
                tasks.forEach(list::add);
                assertThat(list).as("pending tasks").hasSize(count);
                return list;
            }
            Thread.sleep(50);
        }
    }
}
