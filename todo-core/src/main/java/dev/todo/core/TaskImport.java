package dev.todo.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every task of an export file before any is imported: all or nothing. The console's
 * {@code import} command and the server's import endpoint both go through here.
 */
public final class TaskImport {

    /** More than this in one file is refused, so a wrong file cannot fill the memory. */
    public static final int MAX_TASKS = 10_000;

    private TaskImport() {
    }

    /**
     * Returns the tasks, in file order, with id 0 (the caller assigns ids), or throws
     * {@link TaskImportException} listing every problem found.
     */
    public static List<Task> validate(List<ImportedTask> imported, Instant now) {
        if (imported.size() > MAX_TASKS) {
            throw new TaskImportException(List.of(new ImportProblem(MAX_TASKS, null, "file",
                    "Too many tasks: " + imported.size() + " (at most " + MAX_TASKS + " per import)")));
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<Task> tasks = new ArrayList<>(imported.size());
        for (int i = 0; i < imported.size(); i++) {
            Task task = toTask(i, imported.get(i), now, problems);
            if (task != null) {
                tasks.add(task);
            }
        }
        if (!problems.isEmpty()) {
            throw new TaskImportException(problems);
        }
        return List.copyOf(tasks);
    }

    private static Task toTask(int index, ImportedTask raw, Instant now, List<ImportProblem> problems) {
        int before = problems.size();
        Field field = new Field(index, raw.title(), problems);
        String title = field.check("title", () -> TaskFields.title(raw.title()));
        String description = field.check("description", () -> TaskFields.description(raw.description()));
        TaskStatus status = raw.status() == null ? TaskStatus.PENDING
                : field.check("status", () -> TaskStatus.fromWireName(raw.status()));
        Priority priority = raw.priority() == null ? Priority.MEDIUM
                : field.check("priority", () -> Priority.fromWireName(raw.priority()));
        LocalDate dueDate = field.check("dueDate", () -> date(raw.dueDate()));
        List<String> tags = field.check("tags", () -> TaskFields.tags(raw.tags()));
        Instant createdAt = field.check("createdAt", () -> timestamp(raw.createdAt()));
        Instant updatedAt = field.check("updatedAt", () -> timestamp(raw.updatedAt()));
        Instant completedAt = field.check("completedAt", () -> timestamp(raw.completedAt()));
        if (problems.size() > before) {
            return null;
        }
        Instant created = createdAt == null ? now : createdAt;
        Instant updated = updatedAt == null ? created : updatedAt;
        Instant completed = status != TaskStatus.DONE ? null
                : completedAt != null ? completedAt : updated;
        return new Task(0, title, description, status, priority, dueDate, tags, created, updated, completed);
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidTaskException("dueDate", "'" + text + "' is not a date like 2026-11-23");
        }
    }

    private static Instant timestamp(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidTaskException("timestamp",
                    "'" + text + "' is not a timestamp like 2026-11-23T09:30:00Z");
        }
    }

    /** Collects a problem per failing field instead of stopping at the first. */
    private record Field(int index, String title, List<ImportProblem> problems) {

        <T> T check(String name, java.util.function.Supplier<T> rule) {
            try {
                return rule.get();
            } catch (InvalidTaskException e) {
                problems.add(new ImportProblem(index, title, name, e.getMessage()));
                return null;
            }
        }
    }
}
