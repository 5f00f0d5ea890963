package dev.todo.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.Api.Session;
import dev.todo.server.ApiTest;

@ApiTest
class TaskApiTest {

    private final Api api;

    TaskApiTest(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    private JsonNode create(Session user, Map<String, Object> fields) {
        Response response = api.post("/api/v1/tasks", fields, user.accessToken());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("task");
    }

    private List<String> titles(Response list) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        list.json().get("tasks").values().forEach(t -> titles.add(t.get("title").stringValue()));
        return titles;
    }

    private List<String> list(Session user, String query) {
        return titles(api.get("/api/v1/tasks" + query, user.accessToken()));
    }

    @Test
    void aCreatedTaskHasEveryFieldOfTheContract() {
        Session user = api.register();

        Response response = api.post("/api/v1/tasks", Map.of("title", "  Review PRs ", "description", "the open ones",
                "priority", "high", "dueDate", "2026-12-01", "tags", List.of("#Work", "code")), user.accessToken());

        assertThat(response.status()).isEqualTo(201);
        JsonNode task = response.json().get("task");
        assertThat(task.get("id").longValue()).isPositive();
        assertThat(task.get("userId").stringValue()).isEqualTo(user.userId());
        assertThat(task.get("title").stringValue()).isEqualTo("Review PRs");
        assertThat(task.get("description").stringValue()).isEqualTo("the open ones");
        assertThat(task.get("status").stringValue()).isEqualTo("pending");
        assertThat(task.get("priority").stringValue()).isEqualTo("high");
        assertThat(task.get("dueDate").stringValue()).isEqualTo("2026-12-01");
        assertThat(task.get("tags").values()).extracting(JsonNode::stringValue).containsExactly("work", "code");
        assertThat(task.get("position").doubleValue()).isPositive();
        assertThat(task.get("createdAt").stringValue()).endsWith("Z").isEqualTo(task.get("updatedAt").stringValue());
        assertThat(task.get("completedAt").isNull()).isTrue();
        assertThat(api.get("/api/v1/tasks/" + task.get("id").longValue(), user.accessToken()).json().get("task"))
                .isEqualTo(task);
    }

    @Test
    void defaultsAreMediumPendingWithoutDueDateOrTags() {
        JsonNode task = create(api.register(), Map.of("title", "Buy milk"));

        assertThat(task.get("priority").stringValue()).isEqualTo("medium");
        assertThat(task.get("status").stringValue()).isEqualTo("pending");
        assertThat(task.get("dueDate").isNull()).isTrue();
        assertThat(task.get("tags").size()).isZero();
        assertThat(task.get("description").isNull()).isTrue();
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsCreated() {
        Session user = api.register();
        Map<String, Object> bad = new HashMap<>();
        bad.put("title", "t".repeat(201));
        bad.put("description", "d".repeat(1001));
        bad.put("status", "finished");
        bad.put("priority", "urgent");
        bad.put("dueDate", "tomorrow");
        bad.put("tags", List.of("no spaces"));
        bad.put("colour", "red");

        Response response = api.post("/api/v1/tasks", bad, user.accessToken());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors.propertyNames())
                .containsExactlyInAnyOrder("title", "description", "status", "priority", "dueDate", "tags", "colour");
        assertThat(errors.get("title").stringValue()).isEqualTo("Title must be at most 200 characters (it has 201)");
        assertThat(errors.get("dueDate").stringValue()).isEqualTo("'tomorrow' is not a date like 2026-11-23");
        assertThat(errors.get("colour").stringValue())
                .isEqualTo("Unknown field; a task has title, description, status, priority, dueDate, tags, dueTime, reminderMinutesBefore, recurrence, recurFrom");
        assertThat(api.get("/api/v1/tasks", user.accessToken()).json().get("total").intValue()).isZero();
    }

    @Test
    void aTitleIsRequiredAndMustBeText() {
        Session user = api.register();

        assertThat(api.post("/api/v1/tasks", Map.of("description", "x"), user.accessToken())
                .json().get("errors").get("title").stringValue()).isEqualTo("Title is required");
        assertThat(api.post("/api/v1/tasks", Map.of("title", "   "), user.accessToken())
                .json().get("errors").get("title").stringValue()).isEqualTo("Title is required");
        assertThat(api.post("/api/v1/tasks", Map.of("title", 42), user.accessToken())
                .json().get("errors").get("title").stringValue()).isEqualTo("Title must be a string");
        assertThat(api.post("/api/v1/tasks", Map.of("title", "ok", "tags", "work"), user.accessToken())
                .json().get("errors").get("tags").stringValue()).isEqualTo("Tags must be a list of strings");
        assertThat(api.post("/api/v1/tasks", "[1, 2]", user.accessToken())
                .json().get("errors").get("body").stringValue()).isEqualTo("The request body must be a JSON object");
        assertThat(api.post("/api/v1/tasks", "{\"title\": ", user.accessToken()).status()).isEqualTo(400);
    }

    @Test
    void titlesCountCharactersAsPeopleDo() {
        Session user = api.register();
        assertThat(api.post("/api/v1/tasks", Map.of("title", "✅".repeat(200)), user.accessToken()).status())
                .isEqualTo(201);
    }

    @Test
    void editingChangesOnlyTheFieldsGiven() {
        Session user = api.register();
        JsonNode task = create(user, Map.of("title", "Review PRs", "description", "all", "dueDate", "2026-12-01"));
        long id = task.get("id").longValue();

        Response edited = api.patch("/api/v1/tasks/" + id, Map.of("title", "Review GitHub PRs"), user.accessToken());

        assertThat(edited.status()).isEqualTo(200);
        JsonNode after = edited.json().get("task");
        assertThat(after.get("title").stringValue()).isEqualTo("Review GitHub PRs");
        assertThat(after.get("description").stringValue()).isEqualTo("all");
        assertThat(after.get("dueDate").stringValue()).isEqualTo("2026-12-01");
        assertThat(after.get("updatedAt").stringValue()).isGreaterThan(task.get("updatedAt").stringValue());
        assertThat(api.get("/api/v1/tasks/" + id, user.accessToken()).json().get("task")).isEqualTo(after);
    }

    @Test
    void nullClearsDescriptionDueDateAndTags() {
        Session user = api.register();
        long id = create(user, Map.of("title", "t", "description", "d", "dueDate", "2026-12-01",
                "tags", List.of("a"))).get("id").longValue();
        Map<String, Object> clear = new HashMap<>();
        clear.put("description", null);
        clear.put("dueDate", null);
        clear.put("tags", null);

        JsonNode after = api.patch("/api/v1/tasks/" + id, clear, user.accessToken()).json().get("task");

        assertThat(after.get("description").isNull()).isTrue();
        assertThat(after.get("dueDate").isNull()).isTrue();
        assertThat(after.get("tags").size()).isZero();
    }

    @Test
    void aRejectedEditChangesNothing() {
        Session user = api.register();
        JsonNode task = create(user, Map.of("title", "Keep me"));
        long id = task.get("id").longValue();

        Response response = api.patch("/api/v1/tasks/" + id, Map.of("title", "New title", "priority", "urgent"),
                user.accessToken());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get("priority").stringValue())
                .isEqualTo("Unknown priority 'urgent': use low, medium, high");
        assertThat(api.get("/api/v1/tasks/" + id, user.accessToken()).json().get("task")).isEqualTo(task);
    }

    @Test
    void completingSetsCompletedAtAndReopeningClearsIt() {
        Session user = api.register();
        long id = create(user, Map.of("title", "Ship it")).get("id").longValue();

        JsonNode done = api.patch("/api/v1/tasks/" + id, Map.of("status", "done"), user.accessToken()).json().get("task");
        JsonNode inProgress = api.patch("/api/v1/tasks/" + id, Map.of("status", "in_progress"), user.accessToken())
                .json().get("task");

        assertThat(done.get("status").stringValue()).isEqualTo("done");
        assertThat(done.get("completedAt").stringValue()).isEqualTo(done.get("updatedAt").stringValue());
        assertThat(inProgress.get("status").stringValue()).isEqualTo("in_progress");
        assertThat(inProgress.get("completedAt").isNull()).isTrue();
    }

    @Test
    void anEmptyEditChangesNothing() {
        Session user = api.register();
        JsonNode task = create(user, Map.of("title", "Same"));

        assertThat(api.patch("/api/v1/tasks/" + task.get("id").longValue(), Map.of(), user.accessToken())
                .json().get("task")).isEqualTo(task);
    }

    @Test
    void deletingRemovesTheTask() {
        Session user = api.register();
        long id = create(user, Map.of("title", "Gone soon")).get("id").longValue();

        Response deleted = api.delete("/api/v1/tasks/" + id, user.accessToken());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").stringValue()).isEqualTo("Task deleted");
        Response again = api.get("/api/v1/tasks/" + id, user.accessToken());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("detail").stringValue()).isEqualTo("Task not found");
        assertThat(api.delete("/api/v1/tasks/" + id, user.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void anotherUsersTaskIsNotFound() {
        Session owner = api.register();
        Session stranger = api.register();
        JsonNode task = create(owner, Map.of("title", "Private"));
        long id = task.get("id").longValue();
        long strangersOwn = create(stranger, Map.of("title", "Mine")).get("id").longValue();
        String path = "/api/v1/tasks/" + id;

        assertThat(api.get(path, stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api.patch(path, Map.of("title", "Hacked"), stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api.delete(path, stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api.post(path + "/move", Map.of("before", strangersOwn), stranger.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/tasks/" + strangersOwn + "/move", Map.of("before", id), stranger.accessToken())
                .status()).isEqualTo(404);
        assertThat(list(stranger, "")).containsExactly("Mine");
        assertThat(api.get(path, owner.accessToken()).json().get("task")).isEqualTo(task);
    }

    @Test
    void aNonNumericIdIsABadRequest() {
        Response response = api.get("/api/v1/tasks/abc", api.register().accessToken());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get("id").stringValue()).isEqualTo("'abc' is not a valid id");
    }

    @Test
    void filtersByStatusPriorityTagsAndDueDates() {
        Session user = api.register();
        create(user, Map.of("title", "A", "priority", "high", "tags", List.of("work", "urgent"), "dueDate", "2026-12-01"));
        create(user, Map.of("title", "B", "priority", "low", "tags", List.of("work"), "dueDate", "2026-12-10"));
        create(user, Map.of("title", "C", "status", "done", "tags", List.of("home")));
        create(user, Map.of("title", "D", "status", "in_progress"));

        assertThat(list(user, "?status=pending")).containsExactly("A", "B");
        assertThat(list(user, "?status=in_progress")).containsExactly("D");
        assertThat(list(user, "?status=done")).containsExactly("C");
        assertThat(list(user, "?status=all")).containsExactly("A", "B", "C", "D");
        assertThat(list(user, "?priority=high")).containsExactly("A");
        assertThat(list(user, "?priority=high,low")).containsExactly("A", "B");
        assertThat(list(user, "?tags=work")).containsExactly("A", "B");
        assertThat(list(user, "?tags=WORK,%23urgent")).containsExactly("A");
        assertThat(list(user, "?due_before=2026-12-10")).containsExactly("A");
        assertThat(list(user, "?due_after=2026-12-01")).containsExactly("B");
        assertThat(list(user, "?due_after=2026-11-30&due_before=2026-12-31&priority=low")).containsExactly("B");
    }

    @Test
    void searchIsCaseInsensitiveInTitleAndDescriptionAndTakesWildcardsLiterally() {
        Session user = api.register();
        create(user, Map.of("title", "Call the BANK"));
        create(user, Map.of("title", "Groceries", "description", "milk, bread from the bank street shop"));
        create(user, Map.of("title", "100% done report"));
        create(user, Map.of("title", "Unrelated"));

        assertThat(list(user, "?q=bank")).containsExactly("Call the BANK", "Groceries");
        assertThat(list(user, "?q=%25")).containsExactly("100% done report");
        assertThat(list(user, "?q=_")).isEmpty();
    }

    @Test
    void viewsFollowTheUsersTimeZone() {
        // Kiritimati is UTC+14: its "today" is usually tomorrow in UTC, so a UTC-based view would be wrong.
        ZoneId zone = ZoneId.of("Pacific/Kiritimati");
        Session user = api.register("tz-" + java.util.UUID.randomUUID() + "@example.com", zone.getId());
        LocalDate today = LocalDate.now(zone);
        create(user, Map.of("title", "overdue", "dueDate", today.minusDays(3).toString()));
        create(user, Map.of("title", "today", "dueDate", today.toString()));
        create(user, Map.of("title", "tomorrow", "dueDate", today.plusDays(1).toString()));
        create(user, Map.of("title", "in a week", "dueDate", today.plusDays(7).toString()));
        create(user, Map.of("title", "in eight days", "dueDate", today.plusDays(8).toString()));
        create(user, Map.of("title", "no date"));
        create(user, Map.of("title", "done today", "dueDate", today.toString(), "status", "done"));

        assertThat(list(user, "?view=today")).containsExactly("overdue", "today");
        assertThat(list(user, "?view=upcoming")).containsExactly("tomorrow", "in a week");
        assertThat(list(user, "?view=completed")).containsExactly("done today");
        assertThat(list(user, "?view=all")).hasSize(7);
    }

    @Test
    void theCompletedViewShowsTheLatestCompletionFirst() {
        Session user = api.register();
        long first = create(user, Map.of("title", "first")).get("id").longValue();
        long second = create(user, Map.of("title", "second")).get("id").longValue();
        api.patch("/api/v1/tasks/" + second, Map.of("status", "done"), user.accessToken());
        api.patch("/api/v1/tasks/" + first, Map.of("status", "done"), user.accessToken());

        assertThat(list(user, "?view=completed")).containsExactly("first", "second");
    }

    @Test
    void sortsByPriorityDueDateTitleAndCreation() {
        Session user = api.register();
        create(user, Map.of("title", "b low", "priority", "low", "dueDate", "2026-12-03"));
        create(user, Map.of("title", "A high", "priority", "high"));
        create(user, Map.of("title", "c medium", "priority", "medium", "dueDate", "2026-12-01"));

        assertThat(list(user, "")).containsExactly("b low", "A high", "c medium");
        assertThat(list(user, "?sort=priority")).containsExactly("A high", "c medium", "b low");
        assertThat(list(user, "?sort=-priority")).containsExactly("b low", "c medium", "A high");
        assertThat(list(user, "?sort=due_date")).containsExactly("c medium", "b low", "A high");
        assertThat(list(user, "?sort=-due_date")).containsExactly("b low", "c medium", "A high");
        assertThat(list(user, "?sort=title")).containsExactly("A high", "b low", "c medium");
        assertThat(list(user, "?sort=-created_at")).containsExactly("c medium", "A high", "b low");
    }

    @Test
    void pagesAreCountedAndBounded() {
        Session user = api.register();
        for (int i = 1; i <= 5; i++) {
            create(user, Map.of("title", "task " + i));
        }

        Response second = api.get("/api/v1/tasks?limit=2&page=2", user.accessToken());
        assertThat(titles(second)).containsExactly("task 3", "task 4");
        assertThat(second.json().get("total").intValue()).isEqualTo(5);
        assertThat(second.json().get("page").intValue()).isEqualTo(2);
        assertThat(second.json().get("limit").intValue()).isEqualTo(2);
        Response pastTheEnd = api.get("/api/v1/tasks?limit=2&page=4", user.accessToken());
        assertThat(titles(pastTheEnd)).isEmpty();
        assertThat(pastTheEnd.json().get("total").intValue()).isEqualTo(5);
        assertThat(api.get("/api/v1/tasks?q=nothing-matches", user.accessToken()).json().get("total").intValue()).isZero();
        assertThat(api.get("/api/v1/tasks", user.accessToken()).json().get("limit").intValue()).isEqualTo(20);

        Response tooMany = api.get("/api/v1/tasks?limit=101&page=0", user.accessToken());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").get("limit").stringValue()).isEqualTo("Limit must be a whole number from 1 to 100");
        assertThat(tooMany.json().get("errors").get("page").stringValue()).isEqualTo("Page must be a whole number from 1 up");
    }

    @Test
    void badListParametersAreNamed() {
        Response response = api.get("/api/v1/tasks?status=later&priority=urgent&due_before=soon&view=someday&sort=colour"
                + "&tags=a%20b", api.register().accessToken());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").propertyNames())
                .containsExactlyInAnyOrder("status", "priority", "due_before", "view", "sort", "tags");
    }

    @Test
    void tasksMoveBeforeAndAfterOthers() {
        Session user = api.register();
        long a = create(user, Map.of("title", "a")).get("id").longValue();
        long b = create(user, Map.of("title", "b")).get("id").longValue();
        long c = create(user, Map.of("title", "c")).get("id").longValue();

        Response moved = api.post("/api/v1/tasks/" + c + "/move", Map.of("before", a), user.accessToken());
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("task").get("title").stringValue()).isEqualTo("c");
        assertThat(list(user, "")).containsExactly("c", "a", "b");

        api.post("/api/v1/tasks/" + c + "/move", Map.of("after", a), user.accessToken());
        assertThat(list(user, "")).containsExactly("a", "c", "b");

        api.post("/api/v1/tasks/" + a + "/move", Map.of("after", b), user.accessToken());
        assertThat(list(user, "?sort=position")).containsExactly("c", "b", "a");
    }

    @Test
    void manyMovesIntoTheSameGapKeepTheOrder() {
        Session user = api.register();
        long first = create(user, Map.of("title", "first")).get("id").longValue();
        long last = create(user, Map.of("title", "last")).get("id").longValue();
        List<String> expected = new ArrayList<>(List.of("first"));
        // Each new task goes right before "last": the gap halves every time, past what a double can split.
        long previous = first;
        for (int i = 0; i < 60; i++) {
            long id = create(user, Map.of("title", "t" + i)).get("id").longValue();
            assertThat(api.post("/api/v1/tasks/" + id + "/move", Map.of("after", previous), user.accessToken())
                    .status()).isEqualTo(200);
            expected.add("t" + i);
            previous = id;
        }
        expected.add("last");

        assertThat(list(user, "?limit=100")).containsExactlyElementsOf(expected);
        assertThat(last).isPositive();
    }

    @Test
    void aMoveNeedsExactlyOneOtherTask() {
        Session user = api.register();
        long a = create(user, Map.of("title", "a")).get("id").longValue();
        long b = create(user, Map.of("title", "b")).get("id").longValue();

        assertThat(api.post("/api/v1/tasks/" + a + "/move", Map.of(), user.accessToken()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/tasks/" + a + "/move", Map.of("before", b, "after", b), user.accessToken())
                .status()).isEqualTo(400);
        assertThat(api.post("/api/v1/tasks/" + a + "/move", Map.of("before", a), user.accessToken())
                .json().get("detail").stringValue()).isEqualTo("A task cannot move next to itself");
        assertThat(api.post("/api/v1/tasks/" + a + "/move", Map.of("before", 999_999_999), user.accessToken())
                .status()).isEqualTo(404);
        assertThat(list(user, "")).containsExactly("a", "b");
    }

    @Test
    void anExportFileImportsWholeAndInOrder() {
        Session user = api.register();
        create(user, Map.of("title", "already here"));
        String file = """
                [
                  {"id": 7, "title": "Buy milk", "description": null, "status": "pending", "priority": "medium",
                   "dueDate": null, "tags": [], "createdAt": "2026-11-20T09:00:00Z", "updatedAt": "2026-11-20T09:00:00Z",
                   "completedAt": null},
                  {"id": 8, "title": "Pay rent", "description": "before the 1st", "status": "done", "priority": "high",
                   "dueDate": "2026-12-01", "tags": ["home"], "createdAt": "2026-11-20T09:00:00Z",
                   "updatedAt": "2026-11-21T10:00:00+01:00", "completedAt": "2026-11-21T10:00:00+01:00"}
                ]""";

        Response response = api.post("/api/v1/tasks/import", file, user.accessToken());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("imported").intValue()).isEqualTo(2);
        assertThat(list(user, "")).containsExactly("already here", "Buy milk", "Pay rent");
        JsonNode rent = api.get("/api/v1/tasks?q=rent", user.accessToken()).json().get("tasks").get(0);
        assertThat(rent.get("id").longValue()).isNotEqualTo(8);
        assertThat(rent.get("status").stringValue()).isEqualTo("done");
        assertThat(rent.get("completedAt").stringValue()).isEqualTo("2026-11-21T09:00:00Z");
        assertThat(rent.get("createdAt").stringValue()).isEqualTo("2026-11-20T09:00:00Z");
        assertThat(rent.get("tags").get(0).stringValue()).isEqualTo("home");
    }

    @Test
    void anImportWithOneBadTaskImportsNothing() {
        Session user = api.register();
        String file = """
                [{"title": "Fine"}, {"title": "", "status": "later"}, {"title": "Also fine", "tags": "x"}, 5]""";

        Response response = api.post("/api/v1/tasks/import", file, user.accessToken());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").stringValue()).startsWith("Nothing was imported");
        assertThat(response.json().get("problems").values()).extracting(p -> p.get("index").intValue() + ":"
                + p.get("field").stringValue()).containsExactlyInAnyOrder("2:tags", "3:task");
        assertThat(response.json().get("errors").get("[2].tags").stringValue()).isEqualTo("Must be a list of strings");
        assertThat(api.post("/api/v1/tasks/import", "[{\"title\": \"\", \"status\": \"later\"}]", user.accessToken())
                .json().get("problems").values()).extracting(p -> p.get("field").stringValue())
                .containsExactlyInAnyOrder("title", "status");
        assertThat(api.post("/api/v1/tasks/import", "{\"title\": \"x\"}", user.accessToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/tasks", user.accessToken()).json().get("total").intValue()).isZero();
    }

    @Test
    void theUnversionedPathServesTheCurrentVersion() {
        Session user = api.register();
        Response created = api.post("/api/tasks", Map.of("title", "via alias"), user.accessToken());

        assertThat(created.status()).isEqualTo(201);
        assertThat(titles(api.get("/api/tasks", user.accessToken()))).containsExactly("via alias");
        assertThat(api.get("/api/tasks/" + created.json().get("task").get("id").longValue(), user.accessToken())
                .status()).isEqualTo(200);
    }
}
