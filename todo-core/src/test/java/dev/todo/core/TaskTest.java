package dev.todo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final Instant CREATED = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-21T10:30:00Z");

    private final Task task = Task.create(1, " Buy groceries ", "Milk, eggs, bread", CREATED);

    @Test
    void newTaskIsPendingMediumWithoutCompletion() {
        assertThat(task.id()).isEqualTo(1);
        assertThat(task.title()).isEqualTo("Buy groceries");
        assertThat(task.description()).isEqualTo("Milk, eggs, bread");
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(task.dueDate()).isNull();
        assertThat(task.tags()).isEmpty();
        assertThat(task.createdAt()).isEqualTo(CREATED);
        assertThat(task.updatedAt()).isEqualTo(CREATED);
        assertThat(task.completedAt()).isNull();
        assertThat(task.isDone()).isFalse();
    }

    @Test
    void completingRecordsTheTimeAndReopeningClearsIt() {
        Task done = task.complete(LATER);
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.isDone()).isTrue();
        assertThat(done.completedAt()).isEqualTo(LATER);
        assertThat(done.updatedAt()).isEqualTo(LATER);

        Instant reopenedAt = LATER.plusSeconds(60);
        Task reopened = done.reopen(reopenedAt);
        assertThat(reopened.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(reopened.completedAt()).isNull();
        assertThat(reopened.updatedAt()).isEqualTo(reopenedAt);
    }

    @Test
    void movingToInProgressFromDoneClearsCompletion() {
        Task inProgress = task.complete(LATER).withStatus(TaskStatus.IN_PROGRESS, LATER.plusSeconds(1));
        assertThat(inProgress.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(inProgress.completedAt()).isNull();
    }

    @Test
    void stayingInTheSameStatusChangesNothing() {
        Task done = task.complete(LATER);
        assertThat(done.complete(LATER.plusSeconds(99))).isSameAs(done);
        assertThat(task.reopen(LATER)).isSameAs(task);
    }

    @Test
    void editsValidateAndMoveUpdatedAt() {
        Task edited = task.withTitle("Buy organic groceries", LATER)
                .withDescription(" ", LATER)
                .withPriority(Priority.HIGH, LATER)
                .withDueDate(LocalDate.of(2026, 11, 23), LATER)
                .withTags(List.of("Errands"), LATER);
        assertThat(edited.title()).isEqualTo("Buy organic groceries");
        assertThat(edited.description()).isNull();
        assertThat(edited.priority()).isEqualTo(Priority.HIGH);
        assertThat(edited.dueDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(edited.tags()).containsExactly("errands");
        assertThat(edited.updatedAt()).isEqualTo(LATER);
        assertThat(edited.createdAt()).isEqualTo(CREATED);
        assertThat(edited.withDueDate(null, LATER).dueDate()).isNull();
        assertThat(edited.withId(7).id()).isEqualTo(7);
        assertThat(edited.withId(7).title()).isEqualTo(edited.title());

        assertThatThrownBy(() -> task.withTitle("", LATER)).hasMessage("Title is required");
        assertThatThrownBy(() -> task.withDescription("x".repeat(1001), LATER))
                .isInstanceOf(InvalidTaskException.class);
    }

    @Test
    void completionTimeMustMatchTheStatus() {
        assertThatThrownBy(() -> new Task(1, "t", null, TaskStatus.DONE, Priority.LOW, null, List.of(),
                CREATED, CREATED, null)).hasMessageContaining("completedAt");
        assertThatThrownBy(() -> new Task(1, "t", null, TaskStatus.PENDING, Priority.LOW, null, List.of(),
                CREATED, CREATED, LATER)).hasMessageContaining("completedAt");
        assertThatThrownBy(() -> new Task(1, "t", null, null, Priority.LOW, null, List.of(),
                CREATED, CREATED, null)).isInstanceOf(NullPointerException.class);
    }
}
