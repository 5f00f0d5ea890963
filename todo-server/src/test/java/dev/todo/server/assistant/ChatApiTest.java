package dev.todo.server.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.ApiTest;

/**
 * The assistant end to end with its built-in local language engine: real chat API, the agent's tool calls
 * through the real MCP endpoint, real PostgreSQL. The spec's scenarios FR-3.1 to FR-3.3, the "voice-like"
 * journey, the safety rules (NFR-3.3) and the API's contract.
 */
@ApiTest
class ChatApiTest {

    private final Api api;

    ChatApiTest(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    private Chat newChat() {
        return new Chat(api, api.register());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    // ----- FR-3.1: natural language task management -----

    @Test
    void aReminderBecomesATaskDueTomorrow() {
        Chat chat = newChat();

        String reply = chat.say("remind me to buy groceries tomorrow");

        assertThat(reply).startsWith("I've created a task 'Buy groceries' due tomorrow");
        assertThat(chat.onlyChange().get("name").stringValue()).isEqualTo("create_task");
        JsonNode task = chat.task("Buy groceries");
        assertThat(task.get("dueDate").stringValue()).isEqualTo(today().plusDays(1).toString());
        assertThat(task.get("status").stringValue()).isEqualTo("pending");
    }

    @Test
    void sayingATaskIsDoneCompletesTheTaskItMeans() {
        Chat chat = newChat();
        chat.addTask(Map.of("title", "Call mom"));
        chat.addTask(Map.of("title", "Buy groceries"));
        chat.addTask(Map.of("title", "Pay rent"));

        String reply = chat.say("I bought the groceries");

        assertThat(reply).isEqualTo("Great! I've marked 'Buy groceries' as done.");
        assertThat(chat.task("Buy groceries").get("status").stringValue()).isEqualTo("done");
        assertThat(chat.task("Buy groceries").get("completedAt").isNull()).isFalse();
        assertThat(chat.task("Call mom").get("status").stringValue()).isEqualTo("pending");
        assertThat(chat.task("Pay rent").get("status").stringValue()).isEqualTo("pending");
    }

    @Test
    void todaysTasksAreListedWithASummaryOfPriorities() {
        Chat chat = journeyTasks();

        String reply = chat.say("what do I need to do today?");

        assertThat(chat.callNames()).containsExactly("list_tasks");
        assertThat(chat.calls.get(0).get("arguments").get("view").stringValue()).isEqualTo("today");
        assertThat(reply).startsWith("You have 4 tasks today. 2 are high priority: ")
                .contains("Fix production bug", "Prepare meeting slides", "1 is overdue: Pay rent",
                        "Buy groceries — due today")
                .doesNotContain("Call mom");
    }

    // ----- FR-3.2: smart task understanding -----

    @Test
    void priorityTagsAndDatesAreInferredFromTheWords() {
        Chat chat = newChat();

        chat.say("urgent: fix production bug");
        JsonNode bug = chat.task("Fix production bug");
        chat.say("email John about the project meeting");
        JsonNode email = chat.task("Email John about project meeting");
        chat.say("I need to review 3 PRs by Friday for the frontend team");
        JsonNode review = chat.task("Review 3 PRs for frontend team");

        assertThat(bug.get("priority").stringValue()).isEqualTo("high");
        assertThat(strings(email.get("tags"))).containsExactlyInAnyOrder("email", "work", "meeting");
        assertThat(review.get("dueDate").stringValue())
                .isEqualTo(today().with(TemporalAdjusters.next(DayOfWeek.FRIDAY)).toString());
        assertThat(strings(review.get("tags"))).contains("code-review");
    }

    // ----- FR-3.3: conversational context -----

    @Test
    void aRequestWithoutADateIsFollowedUpWithAQuestion() {
        Chat chat = newChat();

        assertThat(chat.say("Add a task to call mom")).isEqualTo("When should I set this for?");
        assertThat(chat.calls).isEmpty();
        assertThat(chat.tasks()).isEmpty();

        String reply = chat.say("This weekend");

        LocalDate saturday = today().getDayOfWeek().getValue() >= 6 ? today()
                : today().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        assertThat(chat.task("Call mom").get("dueDate").stringValue()).isEqualTo(saturday.toString());
        assertThat(reply).startsWith("I've created a task 'Call mom' due");
    }

    @Test
    void anAmbiguousRequestOffersANumberedChoice() {
        Chat chat = newChat();
        chat.addTask(Map.of("title", "Buy groceries"));
        chat.addTask(Map.of("title", "Call mom"));

        String question = chat.say("Mark it done");

        assertThat(question).startsWith("Which task? You have:").contains("1. Buy groceries", "2. Call mom");
        assertThat(chat.tasks()).allMatch(t -> t.get("status").stringValue().equals("pending"));

        assertThat(chat.say("The first one")).isEqualTo("Great! I've marked 'Buy groceries' as done.");
        assertThat(chat.task("Buy groceries").get("status").stringValue()).isEqualTo("done");
        assertThat(chat.task("Call mom").get("status").stringValue()).isEqualTo("pending");
    }

    @Test
    void tasksListedEarlierCanBeReferredToByName() {
        Chat chat = journeyTasks();
        chat.say("What's on my plate for today?");

        String reply = chat.say("Move the meeting prep to tomorrow");

        assertThat(chat.onlyChange().get("name").stringValue()).isEqualTo("update_task");
        assertThat(chat.task("Prepare meeting slides").get("dueDate").stringValue())
                .isEqualTo(today().plusDays(1).toString());
        assertThat(reply).contains("Prepare meeting slides").contains("tomorrow");
    }

    /** The spec's "voice-like task management" journey, step by step. */
    @Test
    void theVoiceLikeJourney() {
        Chat chat = journeyTasks();

        assertThat(chat.say("What's my day looking like?")).startsWith("You have 4 tasks today. 2 are high priority");

        String created = chat.say("Add 'Review quarterly report' for tomorrow, high priority");
        JsonNode report = chat.task("Review quarterly report");
        assertThat(report.get("dueDate").stringValue()).isEqualTo(today().plusDays(1).toString());
        assertThat(report.get("priority").stringValue()).isEqualTo("high");
        assertThat(created).contains("Review quarterly report", "tomorrow");

        String moved = chat.say("Actually, make that by end of week");
        LocalDate friday = today().getDayOfWeek().getValue() >= 6
                ? today().with(TemporalAdjusters.next(DayOfWeek.FRIDAY))
                : today().with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        assertThat(chat.task("Review quarterly report").get("dueDate").stringValue()).isEqualTo(friday.toString());
        assertThat(chat.onlyChange().get("name").stringValue()).isEqualTo("update_task");
        assertThat(moved).contains("Review quarterly report");

        chat.say("Done with the grocery shopping");
        assertThat(chat.task("Buy groceries").get("status").stringValue()).isEqualTo("done");

        String left = chat.say("What's left for today?");
        assertThat(left).startsWith("You have 3 tasks today").doesNotContain("Buy groceries");
    }

    // ----- NFR-3.3: safety -----

    @Test
    void deletingAsksFirstAndOnlyAYesDeletes() {
        Chat chat = newChat();
        chat.addTask(Map.of("title", "Buy groceries"));

        assertThat(chat.say("delete the groceries task")).isEqualTo("Delete 'Buy groceries'? Reply yes to confirm or no to keep it.");
        assertThat(chat.tasks()).hasSize(1);
        assertThat(chat.say("no")).contains("won't delete");
        assertThat(chat.tasks()).hasSize(1);

        chat.say("delete the groceries task");
        assertThat(chat.say("yes")).contains("deleted 'Buy groceries'");
        assertThat(chat.callNames()).containsExactly("delete_task");
        assertThat(chat.tasks()).isEmpty();
    }

    @Test
    void changingManyTasksAtOnceAsksFirst() {
        Chat chat = journeyTasks();

        assertThat(chat.say("mark all today's tasks done")).startsWith("Mark these 4 tasks as done?");
        assertThat(chat.tasks()).allMatch(t -> t.get("status").stringValue().equals("pending"));

        assertThat(chat.say("yes")).startsWith("Great! I've marked 4 tasks as done");
        assertThat(chat.calls).hasSize(4).allMatch(c -> c.get("name").stringValue().equals("complete_task"));
        assertThat(chat.task("Call mom").get("status").stringValue()).as("not due today").isEqualTo("pending");
    }

    @Test
    void theAssistantNeverSeesOrChangesAnotherUsersTasks() {
        Chat owner = newChat();
        owner.addTask(Map.of("title", "Buy groceries", "dueDate", today().toString()));
        Chat stranger = newChat();

        String listed = stranger.say("what do I need to do today?");
        stranger.say("I bought the groceries");
        stranger.say("delete the groceries task");
        stranger.say("yes");

        assertThat(listed).doesNotContain("Buy groceries");
        assertThat(stranger.calls).noneMatch(c -> c.get("name").stringValue().equals("delete_task"));
        JsonNode task = owner.task("Buy groceries");
        assertThat(task.get("status").stringValue()).isEqualTo("pending");
        assertThat(stranger.tasks()).isEmpty();
    }

    // ----- help and fallback -----

    @Test
    void helpAndNonsenseGetAHelpfulAnswerAndChangeNothing() {
        Chat chat = newChat();

        assertThat(chat.say("help")).startsWith("Here's what I can do:").contains("remind me to buy groceries tomorrow");
        String nonsense = chat.say("qwzx blorf?");

        assertThat(nonsense).as("points to what works instead").contains("say \"help\"")
                .doesNotStartWith("Here's what I can do:");
        assertThat(chat.calls).isEmpty();
        assertThat(chat.tasks()).isEmpty();
    }

    // ----- the API's contract -----

    @Test
    void theReplyStreamsAsServerSentEvents() {
        var user = api.register();

        Response response = api.send("POST", "/api/v1/chat", Map.of("message", "remind me to call the dentist tomorrow"),
                user.accessToken(), Map.of("Accept", "text/event-stream"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/event-stream");
        List<Event> events = Event.parse(response.text());
        assertThat(events.get(0).name()).isEqualTo("start");
        assertThat(events.get(1).name()).isEqualTo("tool_call");
        assertThat(events.get(events.size() - 1).name()).isEqualTo("done");
        String conversationId = events.get(0).data().get("conversationId").stringValue();
        assertThat(events.get(events.size() - 1).data().get("conversationId").stringValue()).isEqualTo(conversationId);

        JsonNode call = events.get(1).data();
        assertThat(call.get("name").stringValue()).isEqualTo("create_task");
        assertThat(call.get("error").booleanValue()).isFalse();
        assertThat(call.get("result").get("task").get("title").stringValue()).isEqualTo("Call dentist");
        List<Event> deltas = events.stream().filter(e -> e.name().equals("delta")).toList();
        assertThat(deltas).hasSizeGreaterThan(1);
        String streamed = String.join("", deltas.stream().map(e -> e.data().get("text").stringValue()).toList());

        JsonNode stored = api.get("/api/v1/conversations/" + conversationId, user.accessToken()).json();
        JsonNode reply = stored.get("messages").get(1);
        assertThat(reply.get("content").stringValue()).isEqualTo(streamed.strip());
        assertThat(reply.get("id").stringValue())
                .isEqualTo(events.get(events.size() - 1).data().get("messageId").stringValue());
    }

    @Test
    void conversationsAreStoredWithTheirToolCallsAndBelongToTheirUser() {
        Chat chat = newChat();
        chat.say("remind me to water the plants tomorrow");
        chat.say("what's due tomorrow?");
        String token = chat.user.accessToken();

        JsonNode list = api.get("/api/v1/conversations", token).json().get("conversations");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").stringValue()).isEqualTo(chat.conversationId);
        assertThat(list.get(0).get("title").stringValue()).isEqualTo("remind me to water the plants tomorrow");

        JsonNode conversation = api.get("/api/v1/conversations/" + chat.conversationId, token).json();
        JsonNode messages = conversation.get("messages");
        assertThat(messages).hasSize(4);
        assertThat(strings(messages, "role")).containsExactly("user", "assistant", "user", "assistant");
        assertThat(messages.get(0).get("content").stringValue()).isEqualTo("remind me to water the plants tomorrow");
        JsonNode created = messages.get(1).get("toolCalls").get(0);
        assertThat(created.get("name").stringValue()).isEqualTo("create_task");
        assertThat(created.get("arguments").get("title").stringValue()).isEqualTo("Water plants");
        assertThat(created.get("result").get("task").get("id").isNumber()).isTrue();
        assertThat(messages.get(3).get("toolCalls").get(0).get("name").stringValue()).isEqualTo("list_tasks");

        var stranger = api.register();
        assertThat(api.get("/api/v1/conversations/" + chat.conversationId, stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/conversations", stranger.accessToken()).json().get("conversations")).isEmpty();
        assertThat(api.delete("/api/v1/conversations/" + chat.conversationId, stranger.accessToken()).status()).isEqualTo(404);
        Response continued = api.send("POST", "/api/v1/chat",
                Map.of("message", "mark it done", "conversationId", chat.conversationId), stranger.accessToken(),
                Map.of("Accept", "application/json"));
        assertThat(continued.status()).isEqualTo(404);
        assertThat(continued.json().get("detail").stringValue()).isEqualTo("Conversation not found");

        assertThat(api.delete("/api/v1/conversations/" + chat.conversationId, token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/conversations/" + chat.conversationId, token).status()).isEqualTo(404);
        assertThat(chat.task("Water plants").get("status").stringValue()).as("deleting a conversation keeps the tasks")
                .isEqualTo("pending");
    }

    @Test
    void badRequestsGetAClearMessageAndChangeNothing() {
        var user = api.register();
        String token = user.accessToken();

        assertProblem(chat(Map.of("message", "   "), token), 400, "message", "Message is required");
        assertProblem(chat(Map.of("message", "x".repeat(2001)), token), 400, "message", "Message must be at most 2000 characters");
        assertProblem(chat(Map.of("message", "hi", "timezone", "Mars/Olympus"), token), 400, "timezone",
                "'Mars/Olympus' is not a time zone like Europe/Paris");
        assertProblem(chat(Map.of("message", "hi", "conversationId", "nope"), token), 400, "conversationId",
                "conversationId must be the id of one of your conversations");
        Response unknown = chat(Map.of("message", "hi", "conversationId", "6f1c3a52-5b8e-4d7e-9a51-0c2f4a1b9e77"), token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.send("POST", "/api/v1/chat", "{not json", token, Map.of("Accept", "application/json")).status())
                .isEqualTo(400);
        assertThat(chat(Map.of("message", "hi"), null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/conversations", null).status()).isEqualTo(401);

        assertThat(api.get("/api/v1/conversations", token).json().get("conversations")).isEmpty();
    }

    @Test
    void todayIsTheUsersToday() {
        // UTC+14 and UTC-11: at any moment of the day, at least one of them is not on UTC's date.
        for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago")) {
            var user = api.register("tz-" + zone.replace('/', '-') + "-" + System.nanoTime() + "@example.com", zone);
            Chat chat = new Chat(api, user);

            chat.say("remind me to stretch today");

            assertThat(chat.task("Stretch").get("dueDate").stringValue()).as(zone)
                    .isEqualTo(LocalDate.now(ZoneId.of(zone)).toString());
        }
        Chat chat = newChat();
        Response told = api.send("POST", "/api/v1/chat", Map.of("message", "remind me to stretch today",
                "timezone", "Pacific/Kiritimati"), chat.user.accessToken(), Map.of("Accept", "application/json"));
        assertThat(told.status()).isEqualTo(200);
        assertThat(chat.task("Stretch").get("dueDate").stringValue()).as("the request's time zone wins")
                .isEqualTo(LocalDate.now(ZoneId.of("Pacific/Kiritimati")).toString());
    }

    // ----- helpers -----

    /** The journey's tasks: four due today (two high, one overdue) and one without a date. */
    private Chat journeyTasks() {
        Chat chat = newChat();
        String today = today().toString();
        chat.addTask(Map.of("title", "Buy groceries", "dueDate", today));
        chat.addTask(Map.of("title", "Fix production bug", "dueDate", today, "priority", "high"));
        chat.addTask(Map.of("title", "Prepare meeting slides", "dueDate", today, "priority", "high"));
        chat.addTask(Map.of("title", "Pay rent", "dueDate", today().minusDays(1).toString()));
        chat.addTask(Map.of("title", "Call mom"));
        return chat;
    }

    private Response chat(Map<String, Object> body, String token) {
        return api.send("POST", "/api/v1/chat", body, token, Map.of("Accept", "application/json"));
    }

    private static void assertProblem(Response response, int status, String field, String message) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(field).stringValue()).isEqualTo(message);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.stringValue()));
        return out;
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).stringValue()));
        return out;
    }

    /** One server-sent event: its name and its JSON data. */
    record Event(String name, JsonNode data) {

        static List<Event> parse(String stream) {
            List<Event> events = new ArrayList<>();
            for (String frame : stream.split("\n\n")) {
                String name = null;
                String data = null;
                for (String line : frame.split("\n")) {
                    if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data = line.substring(6);
                    }
                }
                if (name != null && data != null) {
                    events.add(new Event(name, Api.JSON.readTree(data)));
                }
            }
            return events;
        }
    }
}
