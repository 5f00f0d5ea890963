package dev.todo.server.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

import dev.todo.core.ImportedTask;
import dev.todo.core.Task;
import dev.todo.core.TaskImport;
import dev.todo.server.account.AccountProfiles;
import dev.todo.server.account.TimeZoneChanged;
import dev.todo.server.web.InvalidRequestException;

/**
 * The tasks of one user: the rules come from todo-core, this class runs them against the database. Every
 * change publishes a {@link TaskChanged} inside its transaction, so the change and its event commit together.
 */
@Service
class TaskService {

    private final TaskStore store;
    private final AccountProfiles profiles;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TaskService(TaskStore store, AccountProfiles profiles, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.profiles = profiles;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    StoredTask create(UUID userId, JsonNode body, Via via) {
        Task task = TaskInput.create(body, now());
        StoredTask stored = store.insertAtEnd(userId, task, remindAt(userId, task));
        publish(TaskChanged.Type.TASK_CREATED, null, stored, via);
        return stored;
    }

    /**
     * The next occurrence of a repeating task that was completed: once, however often the completion is
     * seen. Empty if it exists already.
     */
    @Transactional
    Optional<StoredTask> createNextOccurrence(UUID userId, long completedTaskId, Task next) {
        Optional<StoredTask> stored = store.insertNextOccurrence(userId, next, remindAt(userId, next), completedTaskId);
        stored.ifPresent(s -> publish(TaskChanged.Type.TASK_CREATED, null, s, Via.RECURRENCE));
        return stored;
    }

    StoredTask get(UUID userId, long id) {
        return store.find(userId, id).orElseThrow(TaskNotFoundException::new);
    }

    @Transactional
    StoredTask update(UUID userId, long id, JsonNode body, Via via) {
        StoredTask current = store.lock(userId, id).orElseThrow(TaskNotFoundException::new);
        Task changed = TaskInput.update(body, current.task(), now());
        if (changed.equals(current.task())) {
            return current;
        }
        StoredTask stored = store.update(userId, changed, remindAt(userId, changed));
        boolean completed = changed.isDone() && !current.task().isDone();
        publish(completed ? TaskChanged.Type.TASK_COMPLETED : TaskChanged.Type.TASK_UPDATED, current, stored, via);
        return stored;
    }

    /** Deletes the task and returns it as it was. */
    @Transactional
    StoredTask delete(UUID userId, long id, Via via) {
        StoredTask current = store.lock(userId, id).orElseThrow(TaskNotFoundException::new);
        store.delete(userId, id);
        publish(TaskChanged.Type.TASK_DELETED, current, null, via);
        return current;
    }

    /**
     * The user changed time zone: their reminders follow their due dates and times to the new zone's wall clock (a
     * task due at 09:00 stays due at 09:00 where they now are). In the transaction of the change.
     */
    @EventListener
    void timeZoneChanged(TimeZoneChanged change) {
        ZoneId zone = ZoneId.of(change.timeZone());
        for (StoredTask current : store.lockWithReminders(change.userId())) {
            Instant remindAt = current.task().remindAt(zone);
            if (!remindAt.equals(current.remindAt())) {
                StoredTask moved = store.update(change.userId(), current.task(), remindAt);
                publish(TaskChanged.Type.TASK_UPDATED, current, moved, Via.API);
            }
        }
    }

    TaskStore.Page list(UUID userId, TaskQuery query) {
        LocalDate today = query.needsToday() ? LocalDate.now(clock.withZone(profiles.timeZone(userId))) : null;
        return store.list(userId, query, today);
    }

    /** Puts the task right before or right after another of the user's tasks in manual order. */
    @Transactional
    StoredTask move(UUID userId, long id, Long beforeId, Long afterId, Via via) {
        if ((beforeId == null) == (afterId == null)) {
            throw new InvalidRequestException("before", "Give exactly one of before or after: the id of another task");
        }
        long anchorId = beforeId != null ? beforeId : afterId;
        if (anchorId == id) {
            throw new InvalidRequestException(beforeId != null ? "before" : "after", "A task cannot move next to itself");
        }
        StoredTask moving = store.lock(userId, id).orElseThrow(TaskNotFoundException::new);
        store.lock(userId, anchorId).orElseThrow(TaskNotFoundException::new);
        OptionalDouble position = placeNextTo(userId, id, anchorId, beforeId != null);
        if (position.isEmpty()) {
            store.respread(userId);
            position = placeNextTo(userId, id, anchorId, beforeId != null);
        }
        store.setPosition(userId, id, position.orElseThrow());
        StoredTask moved = new StoredTask(moving.task(), userId, position.getAsDouble(), moving.remindAt());
        publish(TaskChanged.Type.TASK_UPDATED, moving, moved, via);
        return moved;
    }

    private OptionalDouble placeNextTo(UUID userId, long id, long anchorId, boolean before) {
        double anchor = store.find(userId, anchorId).orElseThrow(TaskNotFoundException::new).position();
        Double other = store.neighbour(userId, anchor, before, id);
        return before ? Positions.between(other, anchor) : Positions.between(anchor, other);
    }

    /** All tasks of an export file, or none: {@link TaskImport} checks every one first. */
    @Transactional
    int importTasks(UUID userId, List<ImportedTask> file) {
        List<Task> tasks = TaskImport.validate(file, now());
        List<StoredTask> stored = store.insertAllAtEnd(userId, tasks, task -> remindAt(userId, task));
        stored.forEach(s -> publish(TaskChanged.Type.TASK_CREATED, null, s, Via.IMPORT));
        return stored.size();
    }

    /** The owner's time zone is read only for a task that has a reminder. */
    private Instant remindAt(UUID userId, Task task) {
        return task.reminderMinutesBefore() == null ? null : task.remindAt(profiles.timeZone(userId));
    }

    private void publish(TaskChanged.Type type, StoredTask before, StoredTask after, Via via) {
        StoredTask subject = after != null ? after : before;
        Task task = subject.task();
        events.publishEvent(new TaskChanged(UUID.randomUUID(), type, now(), subject.userId(), task.id(), task.title(),
                task.priority().wireName(), after == null ? null : TaskJson.of(after),
                before == null ? null : TaskJson.of(before), CorrelationId.current(), via));
    }

    /** PostgreSQL keeps microseconds; the task returned must equal the task read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
