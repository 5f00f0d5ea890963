package dev.todo.server.task;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.todo.core.ImportProblem;
import dev.todo.core.ImportedTask;
import dev.todo.core.TaskImportException;

/**
 * Reads the console's export format (a JSON array of task objects) into raw {@link ImportedTask}s.
 * Only the shape is checked here; the task rules are {@code TaskImport}'s. Unknown fields, such as the
 * console's {@code id}, are ignored: imported tasks get fresh ids.
 */
final class ExportFile {

    private static final List<String> TEXT_FIELDS = List.of("title", "description", "status", "priority", "dueDate",
            "createdAt", "updatedAt", "completedAt");

    private ExportFile() {
    }

    static List<ImportedTask> read(JsonNode file) {
        if (file == null || !file.isArray()) {
            throw new TaskImportException(List.of(new ImportProblem(0, null, "file",
                    "An import file is a JSON array of tasks, as written by the console's export command")));
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportedTask> tasks = new ArrayList<>(file.size());
        int index = 0;
        for (JsonNode item : file.values()) {
            ImportedTask task = read(index++, item, problems);
            if (task != null) {
                tasks.add(task);
            }
        }
        if (!problems.isEmpty()) {
            throw new TaskImportException(problems);
        }
        return tasks;
    }

    private static ImportedTask read(int index, JsonNode item, List<ImportProblem> problems) {
        if (!item.isObject()) {
            problems.add(new ImportProblem(index, null, "task", "Each task must be a JSON object"));
            return null;
        }
        String title = item.path("title").isString() ? item.get("title").stringValue() : null;
        int before = problems.size();
        for (String field : TEXT_FIELDS) {
            JsonNode value = item.get(field);
            if (value != null && !value.isNull() && !value.isString()) {
                problems.add(new ImportProblem(index, title, field, "Must be a string"));
            }
        }
        List<String> tags = new ArrayList<>();
        JsonNode tagNode = item.get("tags");
        if (tagNode != null && !tagNode.isNull()) {
            if (!tagNode.isArray() || tagNode.values().stream().anyMatch(t -> !t.isString())) {
                problems.add(new ImportProblem(index, title, "tags", "Must be a list of strings"));
            } else {
                tagNode.values().forEach(t -> tags.add(t.stringValue()));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new ImportedTask(title, text(item, "description"), text(item, "status"), text(item, "priority"),
                text(item, "dueDate"), tags, text(item, "createdAt"), text(item, "updatedAt"),
                text(item, "completedAt"));
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? null : value.stringValue();
    }
}
