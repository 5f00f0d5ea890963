package dev.todo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.core.ImportProblem;
import dev.todo.core.Priority;
import dev.todo.core.Task;
import dev.todo.core.TaskImportException;
import dev.todo.core.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskFileTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        return Files.writeString(dir.resolve("tasks.json"), json);
    }

    @Test
    void writesTheApiShapeAndReadsItBack() throws Exception {
        Task task = new Task(7, "Review PRs", "Backlog", TaskStatus.DONE, Priority.HIGH, LocalDate.of(2026, 11, 23),
                List.of("work", "code-review"), NOW, NOW.plusSeconds(60), NOW.plusSeconds(60));
        Path path = dir.resolve("out.json");
        TaskFile.write(List.of(task), path);

        String json = Files.readString(path);
        assertThat(json).contains("\"id\" : 7", "\"dueDate\" : \"2026-11-23\"", "\"tags\" : [ \"work\", \"code-review\" ]",
                "\"completedAt\" : \"2026-11-22T09:01:00Z\"", "\"priority\" : \"high\"");
        assertThat(TaskFile.read(path, NOW)).containsExactly(task.withId(0));
        assertThat(dir.toFile().list()).as("no temporary file is left behind").containsExactly("out.json");
    }

    @Test
    void unknownFieldsSuchAsServerIdsAreIgnored() throws Exception {
        Path path = file("[{\"id\": \"abc\", \"userId\": 3, \"position\": 1.5, \"title\": \"From the web\"}]");
        assertThat(TaskFile.read(path, NOW)).extracting(Task::title).containsExactly("From the web");
    }

    @Test
    void fieldsOfTheWrongTypeAreReportedOncePerField() throws Exception {
        Path path = file("""
                [
                  {"title": 42},
                  "just text",
                  {"title": "ok", "tags": "work"},
                  {"title": "ok", "tags": [1]},
                  {"title": "ok", "dueDate": 20261123}
                ]""");
        assertThatThrownBy(() -> TaskFile.read(path, NOW))
                .isInstanceOfSatisfying(TaskImportException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::describe)
                        .containsExactly(
                                "Task 1, title: must be text, not 42",
                                "Task 2, task: must be a JSON object with at least a title",
                                "Task 3 (\"ok\"), tags: must be a list of text, like [\"work\"]",
                                "Task 4 (\"ok\"), tags: must be a list of text, like [\"work\"]",
                                "Task 5 (\"ok\"), dueDate: must be text, not 20261123"));
    }

    @Test
    void malformedJsonSaysWhere() throws Exception {
        Path path = file("[\n  {\"title\": \"a\",}\n]");
        assertThatThrownBy(() -> TaskFile.read(path, NOW))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith(path + " is not valid JSON (line 2, column ");
    }

    @Test
    void theFileMustHoldAnArray() throws Exception {
        assertThatThrownBy(() -> TaskFile.read(file("{\"title\": \"a\"}"), NOW))
                .hasMessageEndingWith("must hold a JSON array of tasks, like the file export writes");
        assertThatThrownBy(() -> TaskFile.read(file(""), NOW)).hasMessageContaining("must hold a JSON array");
    }

    @Test
    void unreadableFilesAreReported() throws Exception {
        assertThatThrownBy(() -> TaskFile.read(dir.resolve("missing.json"), NOW))
                .hasMessageEndingWith("missing.json: no such file");
        assertThatThrownBy(() -> TaskFile.read(dir, NOW)).hasMessageStartingWith("Cannot read " + dir);
    }
}
