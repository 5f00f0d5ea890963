package dev.todo.cli;

import dev.todo.core.Task;
import dev.todo.core.TaskStatus;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's tasks, in memory, in creation order. Ids are sequential and never reused, so an id
 * the user saw always means the same task. The last {@value #RESTORABLE} deleted tasks are kept on a
 * stack so {@code restore} can bring them back.
 */
final class TaskList {

    static final int RESTORABLE = 100;

    private final Map<Long, Task> tasks = new LinkedHashMap<>();
    private final Deque<Task> deleted = new ArrayDeque<>();
    private final Clock clock;
    private long nextId = 1;

    TaskList(Clock clock) {
        this.clock = clock;
    }

    Task add(String title, String description) {
        Task task = Task.create(nextId, title, description, clock.instant());
        nextId++;
        tasks.put(task.id(), task);
        return task;
    }

    Optional<Task> find(long id) {
        return Optional.ofNullable(tasks.get(id));
    }

    /** Stores a changed version of a task that is in the list. */
    void update(Task task) {
        tasks.replace(task.id(), task);
    }

    Optional<Task> delete(long id) {
        Task task = tasks.remove(id);
        if (task != null) {
            deleted.push(task);
            if (deleted.size() > RESTORABLE) {
                deleted.removeLast();
            }
        }
        return Optional.ofNullable(task);
    }

    /** Puts the most recently deleted task back under its own id, in id order. */
    Optional<Task> restoreLastDeleted() {
        Task task = deleted.poll();
        if (task == null) {
            return Optional.empty();
        }
        List<Task> all = new ArrayList<>(tasks.values());
        all.add(task);
        all.sort((a, b) -> Long.compare(a.id(), b.id()));
        tasks.clear();
        all.forEach(t -> tasks.put(t.id(), t));
        return Optional.of(task);
    }

    /** Adds already validated tasks under fresh ids; returns them as stored. */
    List<Task> addAll(List<Task> imported) {
        List<Task> added = new ArrayList<>(imported.size());
        for (Task task : imported) {
            Task stored = task.withId(nextId++);
            tasks.put(stored.id(), stored);
            added.add(stored);
        }
        return added;
    }

    /** Every task, or those of one status when {@code status} is not null. */
    List<Task> list(TaskStatus status) {
        if (status == null) {
            return List.copyOf(tasks.values());
        }
        return tasks.values().stream().filter(task -> task.status() == status).toList();
    }

    int size() {
        return tasks.size();
    }

    Clock clock() {
        return clock;
    }
}
