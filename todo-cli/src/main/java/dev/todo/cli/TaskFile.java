package dev.todo.cli;

import dev.todo.core.ImportProblem;
import dev.todo.core.ImportedTask;
import dev.todo.core.Task;
import dev.todo.core.TaskImport;
import dev.todo.core.TaskImportException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The task JSON file that {@code export} writes and {@code import} reads: an array of tasks in the
 * shape of the HTTP API ({@code id, title, description, status, priority, dueDate, tags, createdAt,
 * updatedAt, completedAt}), so the server's import endpoint takes the same file.
 */
final class TaskFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TEXT_FIELDS = List.of(
            "title", "description", "status", "priority", "dueDate", "createdAt", "updatedAt", "completedAt");

    private TaskFile() {
    }

    /** Writes the tasks to {@code file}, replacing it whole or not at all. */
    static void write(List<Task> tasks, Path file) throws IOException {
        ArrayNode array = JSON.createArrayNode();
        for (Task task : tasks) {
            ObjectNode node = array.addObject();
            node.put("id", task.id());
            node.put("title", task.title());
            node.put("description", task.description());
            node.put("status", task.status().wireName());
            node.put("priority", task.priority().wireName());
            node.put("dueDate", task.dueDate() == null ? null : task.dueDate().toString());
            ArrayNode tags = node.putArray("tags");
            task.tags().forEach(tags::add);
            node.put("createdAt", task.createdAt().toString());
            node.put("updatedAt", task.updatedAt().toString());
            node.put("completedAt", task.completedAt() == null ? null : task.completedAt().toString());
        }
        Path target = file.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), ".todo-export-", ".json");
        try {
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n");
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads and checks every task of {@code file}. Throws {@link UsageException} when the file cannot
     * be read or is not a JSON array, and {@link TaskImportException} listing every bad task.
     */
    static List<Task> read(Path file, Instant now) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("Cannot read " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UsageException("Cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new UsageException("Cannot read " + file + ": " + e.getMessage());
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            var where = e.getLocation();
            throw new UsageException(file + " is not valid JSON"
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new UsageException(file + " must hold a JSON array of tasks, like the file export writes");
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportedTask> imported = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            imported.add(toImportedTask(i, root.get(i), problems));
        }
        try {
            List<Task> tasks = TaskImport.validate(imported, now);
            if (problems.isEmpty()) {
                return tasks;
            }
        } catch (TaskImportException e) {
            Set<String> reported = new HashSet<>();
            problems.forEach(p -> reported.add(p.index() + "/" + p.field()));
            e.problems().stream()
                    .filter(p -> !reported.contains(p.index() + "/" + p.field()) && !reported.contains(p.index() + "/task"))
                    .forEach(problems::add);
        }
        problems.sort(Comparator.comparingInt(ImportProblem::index));
        throw new TaskImportException(problems);
    }

    /** The raw fields of one array element; fields of the wrong JSON type become problems and null. */
    private static ImportedTask toImportedTask(int index, JsonNode node, List<ImportProblem> problems) {
        if (!node.isObject()) {
            problems.add(new ImportProblem(index, null, "task", "must be a JSON object with at least a title"));
            return new ImportedTask("", null, null, null, null, null, null, null, null);
        }
        String title = node.path("title").isString() ? node.get("title").stringValue() : null;
        String[] text = new String[TEXT_FIELDS.size()];
        for (int f = 0; f < text.length; f++) {
            String field = TEXT_FIELDS.get(f);
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isString()) {
                text[f] = value.stringValue();
            } else {
                problems.add(new ImportProblem(index, title, field, "must be text, not " + value));
            }
        }
        List<String> tags = new ArrayList<>();
        JsonNode tagNode = node.get("tags");
        if (tagNode != null && !tagNode.isNull()) {
            if (tagNode.isArray() && tagNode.valueStream().allMatch(JsonNode::isString)) {
                tagNode.valueStream().map(JsonNode::stringValue).forEach(tags::add);
            } else {
                problems.add(new ImportProblem(index, title, "tags", "must be a list of text, like [\"work\"]"));
            }
        }
        return new ImportedTask(text[0], text[1], text[2], text[3], text[4], tags, text[5], text[6], text[7]);
    }
}
