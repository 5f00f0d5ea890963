package dev.todo.core;

import java.util.List;

/**
 * One task as read from an export file, before any rule was checked: every field is the raw text
 * found in the file ({@code null} when absent). {@link TaskImport} turns it into a {@link Task}.
 */
public record ImportedTask(
        String title,
        String description,
        String status,
        String priority,
        String dueDate,
        List<String> tags,
        String createdAt,
        String updatedAt,
        String completedAt) {
}
