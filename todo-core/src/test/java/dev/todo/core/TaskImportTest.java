package dev.todo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskImportTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static ImportedTask titled(String title) {
        return new ImportedTask(title, null, null, null, null, null, null, null, null);
    }

    @Test
    void fullTaskIsImportedWithEveryField() {
        List<Task> tasks = TaskImport.validate(List.of(new ImportedTask(
                "Review PRs", "The backlog", "done", "high", "2026-11-23", List.of("Work"),
                "2026-11-20T09:00:00+01:00", "2026-11-21T10:00:00Z", "2026-11-21T09:59:00Z")), NOW);

        Task task = tasks.get(0);
        assertThat(task.id()).isZero();
        assertThat(task.title()).isEqualTo("Review PRs");
        assertThat(task.description()).isEqualTo("The backlog");
        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
        assertThat(task.priority()).isEqualTo(Priority.HIGH);
        assertThat(task.dueDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(task.tags()).containsExactly("work");
        assertThat(task.createdAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(task.updatedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(task.completedAt()).isEqualTo(Instant.parse("2026-11-21T09:59:00Z"));
    }

    @Test
    void missingFieldsTakeDefaults() {
        Task task = TaskImport.validate(List.of(titled("Call mom")), NOW).get(0);
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(task.createdAt()).isEqualTo(NOW);
        assertThat(task.updatedAt()).isEqualTo(NOW);
        assertThat(task.completedAt()).isNull();
    }

    @Test
    void doneWithoutCompletionTimeUsesUpdateTimeAndPendingDropsIt() {
        Task done = TaskImport.validate(List.of(new ImportedTask("a", null, "done", null, " ", null,
                "2026-11-01T00:00:00Z", null, null)), NOW).get(0);
        assertThat(done.completedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));

        Task pending = TaskImport.validate(List.of(new ImportedTask("a", null, "pending", null, null, null,
                null, null, "2026-11-01T00:00:00Z")), NOW).get(0);
        assertThat(pending.completedAt()).isNull();
    }

    @Test
    void everyProblemOfEveryTaskIsReportedAndNothingIsReturned() {
        List<ImportedTask> file = List.of(
                titled("Fine"),
                new ImportedTask("", "d".repeat(1001), "finished", "urgent", "next week", List.of("a b"),
                        "yesterday", null, null),
                titled("x".repeat(201)));

        assertThatThrownBy(() -> TaskImport.validate(file, NOW))
                .isInstanceOfSatisfying(TaskImportException.class, e -> {
                    assertThat(e.problems()).extracting(ImportProblem::index, ImportProblem::field)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple(1, "title"),
                                    org.assertj.core.groups.Tuple.tuple(1, "description"),
                                    org.assertj.core.groups.Tuple.tuple(1, "status"),
                                    org.assertj.core.groups.Tuple.tuple(1, "priority"),
                                    org.assertj.core.groups.Tuple.tuple(1, "dueDate"),
                                    org.assertj.core.groups.Tuple.tuple(1, "tags"),
                                    org.assertj.core.groups.Tuple.tuple(1, "createdAt"),
                                    org.assertj.core.groups.Tuple.tuple(2, "title"));
                    assertThat(e.problems().get(4).message()).isEqualTo("'next week' is not a date like 2026-11-23");
                    assertThat(e.problems().get(6).message())
                            .isEqualTo("'yesterday' is not a timestamp like 2026-11-23T09:30:00Z");
                    assertThat(e.getMessage()).startsWith("Task 2, title: Title is required\n");
                });
    }

    @Test
    void tooManyTasksAreRefusedWhole() {
        List<ImportedTask> many = new ArrayList<>(Collections.nCopies(TaskImport.MAX_TASKS + 1, titled("t")));
        assertThatThrownBy(() -> TaskImport.validate(many, NOW))
                .hasMessageContaining("Too many tasks: 10001 (at most 10000 per import)");
        assertThat(TaskImport.validate(many.subList(0, TaskImport.MAX_TASKS), NOW)).hasSize(10_000);
    }

    @Test
    void problemDescriptionNamesTheTaskByPositionAndTitle() {
        assertThat(new ImportProblem(0, "Buy milk", "priority", "bad").describe())
                .isEqualTo("Task 1 (\"Buy milk\"), priority: bad");
        assertThat(new ImportProblem(4, null, "title", "Title is required").describe())
                .isEqualTo("Task 5, title: Title is required");
        assertThat(new ImportProblem(1, "  ", "title", "m").describe()).isEqualTo("Task 2, title: m");
        assertThat(new ImportProblem(2, "a\n very  long title that goes on and on past forty chars", "x", "m")
                .describe()).isEqualTo("Task 3 (\"a very long title that goes on and on p…\"), x: m");
    }
}
