package dev.todo.core.assistant;

import dev.todo.core.InvalidTaskException;
import dev.todo.core.RecurFrom;
import dev.todo.core.Recurrence;
import dev.todo.core.TaskFields;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The assistant's tools (create_task, list_tasks, search_tasks, get_task, update_task, complete_task,
 * delete_task) over tasks held in memory, with the same arguments, results and errors as the server's MCP
 * tools. Used by the evaluation and the tests to drive {@link LocalEngine} without a server.
 */
public final class InMemoryTools {

    private static final String NOW = "2026-01-01T09:00:00Z";
    private static final List<String> PRIORITIES = List.of("low", "medium", "high");
    private static final List<String> STATUSES = List.of("pending", "in_progress", "done");

    private final Map<Long, Map<String, Object>> tasks = new LinkedHashMap<>();
    private final LocalDate today;
    private long nextId = 1;

    /** Tools over copies of {@code tasks} (task maps as the tools return them), with today's date for views. */
    public InMemoryTools(List<Map<String, Object>> tasks, LocalDate today) {
        this.today = today;
        for (Map<String, Object> task : tasks) {
            Map<String, Object> copy = new LinkedHashMap<>(task);
            long id = ((Number) copy.get("id")).longValue();
            copy.put("id", id);
            copy.putIfAbsent("description", null);
            copy.putIfAbsent("status", "pending");
            copy.putIfAbsent("priority", "medium");
            copy.putIfAbsent("due_date", null);
            copy.put("tags", new ArrayList<>(copy.get("tags") == null ? List.of() : (List<?>) copy.get("tags")));
            copy.putIfAbsent("created_at", NOW);
            copy.putIfAbsent("updated_at", NOW);
            copy.putIfAbsent("completed_at", "done".equals(copy.get("status")) ? NOW : null);
            this.tasks.put(id, copy);
            nextId = Math.max(nextId, id + 1);
        }
    }

    /** The tasks now held, in id order. */
    public List<Map<String, Object>> tasks() {
        return tasks.values().stream().map(t -> (Map<String, Object>) new LinkedHashMap<>(t)).toList();
    }

    /** Runs tool {@code name}; a failure is returned as an error call with a message, never thrown. */
    public ToolCall execute(String name, Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        try {
            Object result = switch (name) {
                case "create_task" -> create(args);
                case "list_tasks" -> list(args);
                case "search_tasks" -> search(args);
                case "get_task" -> Map.of("task", copy(find(args)));
                case "update_task" -> update(args);
                case "complete_task" -> {
                    Map<String, Object> task = find(args);
                    setStatus(task, "done");
                    yield Map.of("task", copy(task));
                }
                case "delete_task" -> {
                    Map<String, Object> task = find(args);
                    tasks.remove((Long) task.get("id"));
                    yield Map.of("task", copy(task), "deleted", true);
                }
                default -> throw new IllegalArgumentException("Unknown tool '" + name + "'");
            };
            return new ToolCall(name, args, result, false);
        } catch (IllegalArgumentException | InvalidTaskException e) {
            return new ToolCall(name, args, e.getMessage(), true);
        }
    }

    private Map<String, Object> create(Map<String, Object> args) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", nextId);
        task.put("title", TaskFields.title(string(args, "title")));
        task.put("description", TaskFields.description(string(args, "description")));
        task.put("status", "pending");
        task.put("priority", args.get("priority") == null ? "medium" : oneOf(args, "priority", PRIORITIES));
        task.put("due_date", args.get("due_date") == null ? null : date(args, "due_date").toString());
        task.put("tags", new ArrayList<>(TaskFields.tags(strings(args, "tags"))));
        schedule(task, args);
        task.put("created_at", NOW);
        task.put("updated_at", NOW);
        task.put("completed_at", null);
        tasks.put(nextId++, task);
        return Map.of("task", copy(task));
    }

    private Map<String, Object> update(Map<String, Object> args) {
        Map<String, Object> task = find(args);
        Map<String, Object> changed = new LinkedHashMap<>(task);
        if (args.containsKey("title")) {
            changed.put("title", TaskFields.title(string(args, "title")));
        }
        if (args.containsKey("description")) {
            changed.put("description", TaskFields.description(string(args, "description")));
        }
        if (args.containsKey("priority")) {
            changed.put("priority", oneOf(args, "priority", PRIORITIES));
        }
        if (args.containsKey("due_date")) {
            changed.put("due_date", args.get("due_date") == null ? null : date(args, "due_date").toString());
        }
        if (args.containsKey("tags")) {
            changed.put("tags", new ArrayList<>(TaskFields.tags(strings(args, "tags"))));
        }
        if (args.containsKey("due_date") && args.get("due_date") == null) {
            // Clearing the due date clears what counts from it.
            changed.put("due_time", null);
            changed.put("reminder_minutes_before", null);
            changed.put("recurrence", null);
            changed.put("recur_from", "due");
        }
        schedule(changed, args);
        String status = args.containsKey("status") ? oneOf(args, "status", STATUSES) : null;
        task.putAll(changed);
        if (status != null) {
            setStatus(task, status);
        }
        return Map.of("task", copy(task));
    }

    /**
     * The Phase V fields given in {@code args} (due_time, reminder_minutes_before, recurrence, recur_from), checked
     * by the same rules as the server's: each needs a due date, the repeat is stored in its canonical form.
     */
    private static void schedule(Map<String, Object> task, Map<String, Object> args) {
        if (args.containsKey("due_time")) {
            task.put("due_time", args.get("due_time") == null ? null : time(args));
        }
        if (args.containsKey("reminder_minutes_before")) {
            Object value = args.get("reminder_minutes_before");
            task.put("reminder_minutes_before", TaskFields.reminderMinutesBefore(value == null ? null : ((Number) value).intValue()));
        }
        if (args.containsKey("recurrence")) {
            task.put("recurrence", args.get("recurrence") == null ? null : Recurrence.parse(string(args, "recurrence")).rrule());
        }
        if (args.containsKey("recur_from")) {
            task.put("recur_from", RecurFrom.fromWireName(string(args, "recur_from")).wireName());
        }
        if (task.get("due_date") == null) {
            if (task.get("due_time") != null) {
                throw new InvalidTaskException("dueTime", "A due time needs a due date");
            }
            if (task.get("reminder_minutes_before") != null) {
                throw new InvalidTaskException("reminderMinutesBefore", "A reminder needs a due date");
            }
            if (task.get("recurrence") != null) {
                throw new InvalidTaskException("recurrence", "A repeating task needs a due date");
            }
        }
    }

    private static String time(Map<String, Object> args) {
        try {
            return java.time.LocalTime.parse(string(args, "due_time")).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("due_time must be a time HH:mm, such as 17:30");
        }
    }

    private void setStatus(Map<String, Object> task, String status) {
        task.put("completed_at", status.equals("done") ? (task.get("completed_at") == null ? NOW : task.get("completed_at")) : null);
        task.put("status", status);
    }

    private Map<String, Object> list(Map<String, Object> args) {
        String status = args.get("status") == null ? "pending" : oneOf(args, "status",
                List.of("pending", "in_progress", "done", "all"));
        String priority = args.get("priority") == null ? null : oneOf(args, "priority", PRIORITIES);
        LocalDate before = args.get("due_before") == null ? null : date(args, "due_before");
        LocalDate after = args.get("due_after") == null ? null : date(args, "due_after");
        List<String> tags = TaskFields.tags(strings(args, "tags"));
        String view = args.get("view") == null ? null : oneOf(args, "view", List.of("today", "upcoming", "completed"));
        int limit = args.get("limit") == null ? 50 : ((Number) args.get("limit")).intValue();
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be between 1 and 100");
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> task : tasks.values()) {
            String s = (String) task.get("status");
            LocalDate due = task.get("due_date") == null ? null : LocalDate.parse((String) task.get("due_date"));
            boolean keep = view == null ? status.equals("all") || status.equals(s) : switch (view) {
                case "today" -> !s.equals("done") && due != null && !due.isAfter(today);
                case "upcoming" -> !s.equals("done") && due != null && due.isAfter(today) && !due.isAfter(today.plusDays(7));
                default -> s.equals("done");
            };
            keep &= priority == null || priority.equals(task.get("priority"));
            keep &= before == null || (due != null && due.isBefore(before));
            keep &= after == null || (due != null && due.isAfter(after));
            keep &= ((Collection<?>) task.get("tags")).containsAll(tags);
            if (keep) {
                found.add(copy(task));
            }
        }
        found.sort(ORDER);
        return Map.of("tasks", new ArrayList<>(found.subList(0, Math.min(limit, found.size()))), "total", found.size());
    }

    /** Due date first (none last), then high priority first, then id. */
    private static final Comparator<Map<String, Object>> ORDER = Comparator
            .comparing((Map<String, Object> t) -> t.get("due_date") == null ? "9999" : (String) t.get("due_date"))
            .thenComparing(t -> PRIORITIES.size() - PRIORITIES.indexOf(t.get("priority")))
            .thenComparing(t -> (Long) t.get("id"));

    private Map<String, Object> search(Map<String, Object> args) {
        String query = string(args, "query");
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query is required");
        }
        String status = args.get("status") == null ? "all" : oneOf(args, "status",
                List.of("pending", "in_progress", "done", "all"));
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> task : tasks.values()) {
            String text = (task.get("title") + " " + (task.get("description") == null ? "" : task.get("description")))
                    .toLowerCase(Locale.ROOT);
            boolean keep = status.equals("all") || status.equals(task.get("status"));
            for (String word : query.toLowerCase(Locale.ROOT).split("\\s+")) {
                keep &= text.contains(word);
            }
            if (keep) {
                found.add(copy(task));
            }
        }
        found.sort(ORDER);
        return Map.of("tasks", found, "total", found.size());
    }

    private Map<String, Object> find(Map<String, Object> args) {
        Object raw = args.get("task_id");
        long id;
        try {
            id = Long.parseLong(String.valueOf(raw).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("task_id must be a task number, not '" + raw + "'");
        }
        Map<String, Object> task = tasks.get(id);
        if (task == null) {
            throw new IllegalArgumentException("Task " + id + " not found");
        }
        return task;
    }

    private static Map<String, Object> copy(Map<String, Object> task) {
        Map<String, Object> copy = new LinkedHashMap<>(task);
        copy.put("tags", new ArrayList<>((Collection<?>) task.get("tags")));
        return copy;
    }

    private static String string(Map<String, Object> args, String key) {
        Object value = args.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static String oneOf(Map<String, Object> args, String key, List<String> allowed) {
        String value = string(args, key);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(key + " must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    private static LocalDate date(Map<String, Object> args, String key) {
        try {
            return LocalDate.parse(string(args, key));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a date like 2026-11-23");
        }
    }

    private static List<String> strings(Map<String, Object> args, String key) {
        Object value = args.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(key + " must be a list");
        }
        return list.stream().map(String::valueOf).toList();
    }
}
