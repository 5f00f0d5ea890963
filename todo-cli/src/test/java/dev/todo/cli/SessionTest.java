package dev.todo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.core.Task;
import dev.todo.core.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {

    private final MutableClock clock = new MutableClock("2026-11-22T09:00:00Z");
    private final TaskList tasks = new TaskList(clock);
    private final Session session = new Session(tasks, Style.PLAIN, ZoneOffset.UTC, 100);

    private String run(String line) {
        Session.Reply reply = session.execute(line);
        assertThat(reply.exit()).isFalse();
        return reply.text();
    }

    @Test
    void addCreatesPendingTaskWithSequentialIds() {
        assertThat(run("add Buy groceries")).isEqualTo("Created task #1: Buy groceries");
        assertThat(run("add Call mom --desc 'Ask about weekend plans'")).isEqualTo("Created task #2: Call mom");
        Task task = tasks.find(2).orElseThrow();
        assertThat(task.description()).isEqualTo("Ask about weekend plans");
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void invalidTitleOrDescriptionChangesNothing() {
        assertThat(run("add " + "x".repeat(201))).isEqualTo("Title must be at most 200 characters (it has 201)");
        assertThat(run("add ok --desc '" + "d".repeat(1001) + "'"))
                .isEqualTo("Description must be at most 1000 characters (it has 1001)");
        assertThat(run("add '   '")).isEqualTo("Title is required");
        assertThat(tasks.size()).isZero();
        assertThat(run("add next")).isEqualTo("Created task #1: next");
    }

    @Test
    void listShowsTheTableAndASummary() {
        run("add Buy groceries");
        clock.advance(Duration.ofDays(1));
        run("add Call mom");
        run("done 1");
        assertThat(run("list")).isEqualTo("""
                ID | Title         | Status  | Created
                ---|---------------|---------|-----------
                1  | Buy groceries | done    | 2026-11-22
                2  | Call mom      | pending | 2026-11-23
                2 tasks: 1 pending, 1 done""");
        assertThat(run("list --status pending")).isEqualTo("""
                ID | Title    | Status  | Created
                ---|----------|---------|-----------
                2  | Call mom | pending | 2026-11-23
                1 pending task (2 in all)""");
        assertThat(run("list --status done")).contains("1  | Buy groceries | done").doesNotContain("Call mom");
    }

    @Test
    void listEmptyStates() {
        assertThat(run("list")).isEqualTo("No tasks yet. Add one with: add <title>");
        run("add a");
        assertThat(run("list --status done")).isEqualTo("No done tasks (1 task in all: list --status all).");
    }

    @Test
    void doneRecordsCompletionAndUndoClearsIt() {
        run("add Buy groceries");
        clock.advance(Duration.ofMinutes(5));
        assertThat(run("done 1")).isEqualTo("Marked task #1 as done.");
        assertThat(tasks.find(1).orElseThrow().completedAt()).isEqualTo(Instant.parse("2026-11-22T09:05:00Z"));
        assertThat(run("done 1")).isEqualTo("Task #1 is already done.");
        assertThat(run("undo 1")).isEqualTo("Marked task #1 as pending.");
        assertThat(tasks.find(1).orElseThrow().completedAt()).isNull();
        assertThat(tasks.find(1).orElseThrow().status()).isEqualTo(TaskStatus.PENDING);
        assertThat(run("undo 1")).isEqualTo("Task #1 is already pending.");
    }

    @Test
    void missingTasksAreReportedByEveryCommand() {
        for (String command : new String[] {"done", "undo", "delete", "show"}) {
            assertThat(run(command + " 999")).isEqualTo("Task 999 not found");
        }
        assertThat(run("edit 999 --title x")).isEqualTo("Task 999 not found");
    }

    @Test
    void deleteConfirmsAndRestoreBringsTheTaskBackInPlace() {
        run("add one");
        run("add two");
        run("add three");
        assertThat(run("delete 2")).isEqualTo("Deleted task #2: two  (type 'restore' to bring it back)");
        assertThat(tasks.find(2)).isEmpty();
        assertThat(run("delete 1")).startsWith("Deleted task #1: one");
        assertThat(run("restore")).isEqualTo("Restored task #1: one");
        assertThat(run("restore")).isEqualTo("Restored task #2: two");
        assertThat(run("restore")).isEqualTo("Nothing to restore: no task was deleted in this session.");
        assertThat(tasks.list(null)).extracting(Task::id).containsExactly(1L, 2L, 3L);
        assertThat(run("add four")).isEqualTo("Created task #4: four");
    }

    @Test
    void onlyTheLastHundredDeletionsCanBeRestored() {
        for (int i = 1; i <= TaskList.RESTORABLE + 1; i++) {
            run("add task " + i);
            run("delete " + i);
        }
        for (int i = 0; i < TaskList.RESTORABLE; i++) {
            assertThat(run("restore")).startsWith("Restored task #");
        }
        assertThat(run("restore")).startsWith("Nothing to restore");
        assertThat(tasks.find(1)).as("the oldest deletion is gone for good").isEmpty();
        assertThat(tasks.find(2)).isPresent();
    }

    @Test
    void editChangesTitleAndOrDescription() {
        run("add Buy groceries");
        assertThat(run("edit 1 --title 'Buy organic groceries'")).isEqualTo("Updated task #1: Buy organic groceries");
        assertThat(run("edit 1 --desc 'From the farmers market'")).isEqualTo("Updated task #1: Buy organic groceries");
        assertThat(tasks.find(1).orElseThrow().description()).isEqualTo("From the farmers market");
        assertThat(run("edit 1 --desc ''")).startsWith("Updated task #1");
        assertThat(tasks.find(1).orElseThrow().description()).isNull();
        assertThat(run("edit 1 --title '' --desc 'kept?'")).isEqualTo("Title is required");
        assertThat(tasks.find(1).orElseThrow().description()).as("a refused edit changes nothing").isNull();
    }

    @Test
    void showPrintsEveryField() {
        run("add Buy groceries --desc 'Milk, eggs'");
        assertThat(run("show 1")).isEqualTo("""
                Task #1: Buy groceries
                Status:      pending
                Description: Milk, eggs
                Created:     2026-11-22 09:00""");
        clock.advance(Duration.ofHours(2));
        run("done 1");
        run("edit 1 --desc ''");
        assertThat(run("show 1")).contains("Description: (none)").endsWith("Completed:   2026-11-22 11:00");
    }

    @Test
    void exportThenImportRoundTripsEveryTaskUnderFreshIds(@TempDir Path dir) throws Exception {
        run("add Buy groceries --desc 'Milk, eggs'");
        run("add Call mom");
        run("done 2");
        Path file = dir.resolve("tasks.json");
        assertThat(run("export " + file)).isEqualTo("Exported 2 tasks to " + file);
        assertThat(Files.readString(file)).contains("\"title\" : \"Buy groceries\"", "\"status\" : \"done\"");

        assertThat(run("import " + file)).isEqualTo("Imported 2 tasks (#3 to #4) from " + file);
        Task copy = tasks.find(4).orElseThrow();
        Task original = tasks.find(2).orElseThrow();
        assertThat(copy.withId(2)).isEqualTo(original);
    }

    @Test
    void importReportsProblemsAndImportsNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                [{"title": "Fine"}, {"title": ""}, {"title": "x", "status": "finished"}]""");
        assertThat(run("import " + file)).isEqualTo("Nothing imported: " + file + " has 2 problems:\n"
                + "  Task 2, title: Title is required\n"
                + "  Task 3 (\"x\"), status: Unknown status 'finished': use pending, in_progress, done");
        assertThat(tasks.size()).isZero();

        Path one = dir.resolve("one.json");
        Files.writeString(one, "[{\"title\": \"Only\"}]");
        assertThat(run("import " + one)).isEqualTo("Imported 1 task (#1) from " + one);
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "[]");
        assertThat(run("import " + empty)).isEqualTo("Nothing to import: " + empty + " holds no tasks.");
    }

    @Test
    void exportToAMissingDirectoryIsAnError(@TempDir Path dir) {
        assertThat(run("export " + dir.resolve("nope/tasks.json"))).startsWith("Cannot write ");
    }

    @Test
    void exportExpandsTheHomeDirectory() throws Exception {
        String name = "todo-session-test-" + ProcessHandle.current().pid() + ".json";
        Path file = Path.of(System.getProperty("user.home"), name);
        try {
            assertThat(run("export ~/" + name)).isEqualTo("Exported 0 tasks to " + file);
            assertThat(file).exists();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void parseErrorsAreMessages() {
        assertThat(run("lst")).startsWith("Unknown command 'lst'. Did you mean 'list'?");
        assertThat(run("add 'unclosed")).isEqualTo("Missing closing ' quote");
        assertThat(run("")).isEmpty();
    }

    @Test
    void helpListsEveryCommandAndDetailsOne() {
        String help = run("help");
        for (CommandSpec spec : CommandSpec.values()) {
            assertThat(help).contains(spec.usage + " ").contains(spec.summary);
        }
        assertThat(run("help rm")).isEqualTo("""
                delete <id>
                  Delete a task
                Also: rm
                Example: delete 1""");
        assertThat(run("help add")).contains("Options:\n  --desc, -d <text>");
    }

    @Test
    void exitEndsTheSession() {
        Session.Reply reply = session.execute("exit");
        assertThat(reply.exit()).isTrue();
        assertThat(reply.text()).isEqualTo("Bye!");
    }

    @Test
    void coloursMarkSuccessErrorsAndStatuses() {
        Session coloured = new Session(tasks, new Style(true), ZoneOffset.UTC, 100);
        assertThat(coloured.execute("add a").text()).isEqualTo("\u001b[32mCreated task #1: a\u001b[0m");
        assertThat(coloured.execute("done 9").text()).isEqualTo("\u001b[31mTask 9 not found\u001b[0m");
        assertThat(coloured.execute("list").text()).contains("\u001b[33mpending\u001b[0m", "\u001b[1mID\u001b[0m");
        assertThat(new Style(true).status(TaskStatus.IN_PROGRESS, "x")).isEqualTo("\u001b[36mx\u001b[0m");
        assertThat(new Style(true).status(TaskStatus.DONE, "x")).isEqualTo("\u001b[32mx\u001b[0m");
    }
}
