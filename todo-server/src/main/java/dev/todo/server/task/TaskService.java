package dev.todo.server.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

import dev.todo.core.ImportedTask;
import dev.todo.core.Task;
import dev.todo.core.TaskImport;
import dev.todo.server.account.AccountProfiles;
import dev.todo.server.web.InvalidRequestException;

/** The tasks of one user: the rules come from todo-core, this class runs them against the database. */
@Service
class TaskService {

    private final TaskStore store;
    private final AccountProfiles profiles;
    private final Clock clock;

    TaskService(TaskStore store, AccountProfiles profiles, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.clock = clock;
    }

    @Transactional
    StoredTask create(UUID userId, JsonNode body) {
        Task task = TaskInput.create(body, now());
        return store.insertAtEnd(userId, task);
    }

    StoredTask get(UUID userId, long id) {
        return store.find(userId, id).orElseThrow(TaskNotFoundException::new);
    }

    @Transactional
    StoredTask update(UUID userId, long id, JsonNode body) {
        StoredTask current = store.lock(userId, id).orElseThrow(TaskNotFoundException::new);
        Task changed = TaskInput.update(body, current.task(), now());
        return changed.equals(current.task()) ? current : store.update(userId, changed);
    }

    @Transactional
    void delete(UUID userId, long id) {
        if (!store.delete(userId, id)) {
            throw new TaskNotFoundException();
        }
    }

    TaskStore.Page list(UUID userId, TaskQuery query) {
        LocalDate today = query.needsToday() ? LocalDate.now(clock.withZone(profiles.timeZone(userId))) : null;
        return store.list(userId, query, today);
    }

    /** Puts the task right before or right after another of the user's tasks in manual order. */
    @Transactional
    StoredTask move(UUID userId, long id, Long beforeId, Long afterId) {
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
        return new StoredTask(moving.task(), userId, position.getAsDouble());
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
        return store.insertAllAtEnd(userId, tasks);
    }

    /** PostgreSQL keeps microseconds; the task returned must equal the task read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
