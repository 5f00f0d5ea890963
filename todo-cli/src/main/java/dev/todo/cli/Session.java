package dev.todo.cli;

import dev.todo.core.InvalidTaskException;
import dev.todo.core.Task;
import dev.todo.core.TaskImportException;
import dev.todo.core.TaskStatus;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One console session: runs each typed line against the task list and returns the text to print.
 * Whatever goes wrong with a line is a message for the user, and the task list is left unchanged.
 */
final class Session {

    /** What to print after a line, and whether the session is over. */
    record Reply(String text, boolean exit) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskList tasks;
    private final Style style;
    private final ZoneId zone;
    private final int width;

    /** {@code width}: screen columns for the task table. */
    Session(TaskList tasks, Style style, ZoneId zone, int width) {
        this.tasks = tasks;
        this.style = style;
        this.zone = zone;
        this.width = width;
    }

    Reply execute(String line) {
        try {
            Command command = CommandParser.parse(line);
            if (command == null) {
                return new Reply("", false);
            }
            if (command instanceof Command.Exit) {
                return new Reply("Bye!", true);
            }
            return new Reply(run(command), false);
        } catch (UsageException | InvalidTaskException e) {
            return new Reply(style.error(e.getMessage()), false);
        }
    }

    private String run(Command command) {
        return switch (command) {
            case Command.Add add -> {
                Task task = tasks.add(add.title(), add.description());
                yield style.success("Created task #" + task.id() + ": " + task.title());
            }
            case Command.ListTasks list -> list(list.status());
            case Command.Show show -> details(existing(show.id()));
            case Command.Done done -> changeStatus(done.id(), TaskStatus.DONE);
            case Command.Undo undo -> changeStatus(undo.id(), TaskStatus.PENDING);
            case Command.Edit edit -> edit(edit);
            case Command.Delete delete -> {
                Task task = tasks.delete(delete.id()).orElseThrow(() -> notFound(delete.id()));
                yield style.success("Deleted task #" + task.id() + ": " + task.title())
                        + style.dim("  (type 'restore' to bring it back)");
            }
            case Command.Restore restore -> tasks.restoreLastDeleted()
                    .map(task -> style.success("Restored task #" + task.id() + ": " + task.title()))
                    .orElseGet(() -> "Nothing to restore: no task was deleted in this session.");
            case Command.Export export -> export(export.file());
            case Command.Import imp -> importFile(imp.file());
            case Command.Help help -> Help.text(help.topic(), style);
            case Command.Exit exit -> throw new IllegalStateException("exit is handled before run");
        };
    }

    private String list(TaskStatus status) {
        List<Task> shown = tasks.list(status);
        if (tasks.size() == 0) {
            return "No tasks yet. Add one with: add <title>";
        }
        if (shown.isEmpty()) {
            return "No " + status.wireName() + " tasks (" + plural(tasks.size(), "task") + " in all: list --status all).";
        }
        return new TaskTable(style, zone, width).render(shown) + style.dim(summary(shown, status));
    }

    /** "3 tasks: 2 pending, 1 done", or for a filtered list "2 pending tasks (5 in all)". */
    private String summary(List<Task> shown, TaskStatus status) {
        if (status != null) {
            return plural(shown.size(), status.wireName() + " task") + " (" + tasks.size() + " in all)";
        }
        Map<TaskStatus, Long> counts = shown.stream()
                .collect(Collectors.groupingBy(Task::status, () -> new java.util.EnumMap<>(TaskStatus.class),
                        Collectors.counting()));
        return plural(shown.size(), "task") + ": " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().wireName())
                .collect(Collectors.joining(", "));
    }

    private String details(Task task) {
        StringBuilder out = new StringBuilder();
        out.append(style.bold("Task #" + task.id() + ": " + task.title())).append('\n');
        out.append("Status:      ").append(style.status(task.status(), task.status().wireName())).append('\n');
        out.append("Description: ").append(task.description() == null ? style.dim("(none)") : task.description())
                .append('\n');
        out.append("Created:     ").append(TIME.format(task.createdAt().atZone(zone)));
        if (task.completedAt() != null) {
            out.append('\n').append("Completed:   ").append(TIME.format(task.completedAt().atZone(zone)));
        }
        return out.toString();
    }

    private String changeStatus(long id, TaskStatus to) {
        Task task = existing(id);
        if (task.status() == to) {
            return "Task #" + id + " is already " + to.wireName() + ".";
        }
        tasks.update(task.withStatus(to, tasks.clock().instant()));
        return style.success("Marked task #" + id + " as " + to.wireName() + ".");
    }

    private String edit(Command.Edit edit) {
        Task task = existing(edit.id());
        var now = tasks.clock().instant();
        Task changed = task;
        if (edit.title() != null) {
            changed = changed.withTitle(edit.title(), now);
        }
        if (edit.description() != null) {
            changed = changed.withDescription(edit.description(), now);
        }
        tasks.update(changed);
        return style.success("Updated task #" + changed.id() + ": " + changed.title());
    }

    private String export(String file) {
        Path path = Path.of(expandHome(file));
        List<Task> all = tasks.list(null);
        try {
            TaskFile.write(all, path);
        } catch (NoSuchFileException e) {
            throw new UsageException("Cannot write " + file + ": no such directory");
        } catch (IOException e) {
            throw new UsageException("Cannot write " + file + ": " + e.getMessage());
        }
        return style.success("Exported " + plural(all.size(), "task") + " to " + path.toAbsolutePath().normalize());
    }

    private String importFile(String file) {
        Path path = Path.of(expandHome(file));
        List<Task> added;
        try {
            added = tasks.addAll(TaskFile.read(path, tasks.clock().instant()));
        } catch (TaskImportException e) {
            int count = e.problems().size();
            return style.error("Nothing imported: " + file + " has " + plural(count, "problem") + ":\n"
                    + e.problems().stream().map(p -> "  " + p.describe()).collect(Collectors.joining("\n")));
        }
        if (added.isEmpty()) {
            return "Nothing to import: " + file + " holds no tasks.";
        }
        String ids = added.size() == 1 ? "#" + added.get(0).id()
                : "#" + added.get(0).id() + " to #" + added.get(added.size() - 1).id();
        return style.success("Imported " + plural(added.size(), "task") + " (" + ids + ") from " + file);
    }

    private Task existing(long id) {
        return tasks.find(id).orElseThrow(() -> notFound(id));
    }

    private static UsageException notFound(long id) {
        return new UsageException("Task " + id + " not found");
    }

    private static String expandHome(String file) {
        return file.equals("~") || file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file;
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
