package dev.todo.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class InMemoryToolsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    private static InMemoryTools tools() throws Exception {
        return new InMemoryTools(Evaluation.fixture(), TODAY);
    }

    private static List<Object> titles(ToolCall call) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) call.result()).get("tasks")).stream()
                .map(t -> t.get("title")).map(Object.class::cast).toList();
    }

    @Test
    void createsWithDefaultsAndValidates() throws Exception {
        InMemoryTools tools = tools();
        ToolCall created = tools.execute("create_task", Map.of("title", " Buy milk ", "tags", List.of("#Errands")));
        Map<String, Object> task = (Map<String, Object>) ((Map<String, Object>) created.result()).get("task");
        assertThat(task).containsEntry("id", 15L).containsEntry("title", "Buy milk").containsEntry("priority", "medium")
                .containsEntry("status", "pending").containsEntry("due_date", null);
        assertThat((List<Object>) task.get("tags")).containsExactly("errands");
        assertThat(tools.execute("create_task", Map.of("title", "")).result()).isEqualTo("Title is required");
        assertThat(tools.execute("create_task", Map.of("title", "x", "priority", "huge")).error()).isTrue();
        assertThat(tools.execute("create_task", Map.of("title", "x", "due_date", "someday")).result())
                .isEqualTo("due_date must be a date like 2026-11-23");
        assertThat(tools.execute("create_task", Map.of("title", "x", "tags", "work")).result()).isEqualTo("tags must be a list");
        assertThat(tools.execute("fly", null).result()).isEqualTo("Unknown tool 'fly'");
    }

    @Test
    void listsWithFiltersAndViews() throws Exception {
        InMemoryTools tools = tools();
        assertThat(titles(tools.execute("list_tasks", Map.of("view", "today"))))
                .containsExactly("Pay rent", "Fix production bug", "Buy groceries", "Water the plants");
        assertThat(titles(tools.execute("list_tasks", Map.of("view", "upcoming")))).contains("Dentist appointment")
                .doesNotContain("Book flights for vacation", "Buy groceries");
        assertThat(titles(tools.execute("list_tasks", Map.of("view", "completed")))).containsExactly("Renew passport", "Submit expense report");
        assertThat(titles(tools.execute("list_tasks", Map.of("status", "pending", "priority", "high")))).containsExactly("Pay rent", "Prepare meeting slides");
        assertThat(titles(tools.execute("list_tasks", Map.of("due_before", "2026-11-18")))).containsExactly("Pay rent");
        assertThat(titles(tools.execute("list_tasks", Map.of("due_after", "2026-11-24", "status", "all")))).containsExactly("Book flights for vacation");
        assertThat(titles(tools.execute("list_tasks", Map.of("tags", List.of("work", "meeting"), "status", "all"))))
                .containsExactly("Prepare meeting slides", "Email John about project meeting");
        ToolCall limited = tools.execute("list_tasks", Map.of("status", "all", "limit", 2));
        assertThat(titles(limited)).hasSize(2);
        assertThat(((Map<String, Object>) limited.result()).get("total")).isEqualTo(14);
        assertThat(tools.execute("list_tasks", Map.of("limit", 0)).error()).isTrue();
        assertThat(tools.execute("list_tasks", Map.of("status", "late")).error()).isTrue();
    }

    @Test
    void searchesGetsUpdatesCompletesAndDeletes() throws Exception {
        InMemoryTools tools = tools();
        assertThat(titles(tools.execute("search_tasks", Map.of("query", "meeting")))).hasSize(2);
        assertThat(titles(tools.execute("search_tasks", Map.of("query", "passport", "status", "pending")))).isEmpty();
        assertThat(tools.execute("search_tasks", Map.of()).error()).isTrue();
        assertThat(tools.execute("get_task", Map.of("task_id", "12")).error()).isFalse();
        assertThat(tools.execute("get_task", Map.of("task_id", "99")).result()).isEqualTo("Task 99 not found");
        assertThat(tools.execute("get_task", Map.of("task_id", "abc")).error()).isTrue();
        Map<String, Object> changes = new HashMap<>(Map.of("task_id", "6", "title", "Pay the rent", "priority", "low",
                "tags", List.of("home"), "description", "landlord", "status", "in_progress"));
        changes.put("due_date", null);
        Map<String, Object> updated = (Map<String, Object>) ((Map<String, Object>) tools.execute("update_task", changes).result()).get("task");
        assertThat(updated).containsEntry("title", "Pay the rent").containsEntry("priority", "low").containsEntry("due_date", null)
                .containsEntry("description", "landlord").containsEntry("status", "in_progress");
        tools.execute("update_task", Map.of("task_id", "6", "due_date", "2026-12-01"));
        ToolCall done = tools.execute("complete_task", Map.of("task_id", "6"));
        assertThat(((Map<String, Object>) ((Map<String, Object>) done.result()).get("task")).get("completed_at")).isNotNull();
        tools.execute("update_task", Map.of("task_id", "6", "status", "pending"));
        assertThat(tools.tasks().get(5)).containsEntry("completed_at", null).containsEntry("due_date", "2026-12-01");
        ToolCall deleted = tools.execute("delete_task", Map.of("task_id", 6));
        assertThat((Map<String, Object>) deleted.result()).containsEntry("deleted", true);
        assertThat(tools.tasks()).hasSize(13);
    }

    @Test
    void json() {
        Object value = Json.parse(" {\"a\": [1, 2.5, -3e2, true, false, null, \"x\\n\\\"\\u00e9\\t\\\\\\/\\r\\b\\f\"], \"b\": {}, \"c\": []} ");
        assertThat(value).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, 2.5, -300.0, true, false, null, "x\n\"é\t\\/\r\b\f"),
                "b", Map.of(), "c", List.of()));
        for (String bad : List.of("", "{", "[1,", "{\"a\" 1}", "{1: 2}", "tru", "\"abc", "1 2", "-", "[1 2]", "\"\\u12\"", "\"\\")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
