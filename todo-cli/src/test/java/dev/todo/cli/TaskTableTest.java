package dev.todo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.core.Task;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTableTest {

    private static final Instant CREATED = Instant.parse("2026-11-22T23:30:00Z");

    @Test
    void longTitlesAreCutToTheWidthWithAnEllipsis() {
        Task task = Task.create(12, "A".repeat(150), null, CREATED);
        String table = new TaskTable(Style.PLAIN, ZoneOffset.UTC, 60).render(List.of(task));
        String row = table.lines().toList().get(2);
        assertThat(row).hasSize(60).contains("A…");
        assertThat(row).startsWith("12 | AAAA").endsWith(" | pending | 2026-11-22");
    }

    @Test
    void aNarrowScreenStillShowsTenTitleColumns() {
        Task task = Task.create(1, "Buy groceries and more", null, CREATED);
        String row = new TaskTable(Style.PLAIN, ZoneOffset.UTC, 20).render(List.of(task)).lines().toList().get(2);
        assertThat(row).isEqualTo("1  | Buy groce… | pending | 2026-11-22");
    }

    @Test
    void createdDateIsInTheLocalTimeZone() {
        Task task = Task.create(1, "t", null, CREATED);
        String table = new TaskTable(Style.PLAIN, ZoneId.of("Asia/Tokyo"), 80).render(List.of(task));
        assertThat(table).contains("2026-11-23");
    }

    @Test
    void wideCharactersAreMeasuredInScreenColumns() {
        assertThat(TaskTable.displayWidth("買い物")).isEqualTo(6);
        assertThat(TaskTable.fit("買い物リスト", 7)).isEqualTo("買い物…");
        assertThat(TaskTable.fit("short", 10)).isEqualTo("short");
        Task task = Task.create(1, "買い物", null, CREATED);
        List<String> lines = new TaskTable(Style.PLAIN, ZoneOffset.UTC, 80).render(List.of(task)).lines().toList();
        assertThat(TaskTable.displayWidth(lines.get(0).substring(0, lines.get(0).indexOf("| Status"))))
                .isEqualTo(TaskTable.displayWidth(lines.get(2).substring(0, lines.get(2).indexOf("| pending"))));
    }

    @Test
    void lineBreaksInTitlesDoNotBreakTheTable() {
        Task task = new Task(1, "two\nlines", null, dev.todo.core.TaskStatus.PENDING, dev.todo.core.Priority.LOW,
                null, List.of(), CREATED, CREATED, null);
        assertThat(new TaskTable(Style.PLAIN, ZoneOffset.UTC, 80).render(List.of(task))).contains("| two lines |");
    }
}
