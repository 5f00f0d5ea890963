package dev.todo.server.task;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.todo.core.Priority;
import dev.todo.core.RecurFrom;
import dev.todo.core.Task;
import dev.todo.core.TaskStatus;

/** The {@code tasks} table. Every statement names the owner, so no query can reach another user's task. */
@Repository
class TaskStore {

    private static final String COLUMNS = "id, user_id, title, description, status, priority, due_date, tags, "
            + "position, created_at, updated_at, completed_at, due_time, reminder_minutes_before, remind_at, "
            + "recurrence, recur_from";
    private static final String INSERT = """
            INSERT INTO tasks (user_id, title, description, status, priority, due_date, tags, position,
                               created_at, updated_at, completed_at, due_time, reminder_minutes_before, remind_at,
                               recurrence, recur_from, follows_task_id)
            VALUES (:userId, :title, :description, :status, :priority, :dueDate, CAST(:tags AS text[]), :position,
                    :createdAt, :updatedAt, :completedAt, :dueTime, :reminder, :remindAt, :recurrence, :recurFrom,
                    :followsTaskId)""";

    private final JdbcClient db;
    private final NamedParameterJdbcTemplate jdbc;

    TaskStore(JdbcClient db, NamedParameterJdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /** Adds a task at the end of the user's manual order; its reminder fires at {@code remindAt}. */
    StoredTask insertAtEnd(UUID userId, Task task, Instant remindAt) {
        MapSqlParameterSource params = params(userId, task, remindAt)
                .addValue("position", lastPosition(userId) + Positions.STEP).addValue("followsTaskId", null);
        return jdbc.queryForObject(INSERT + " RETURNING " + COLUMNS, params, TaskStore::map);
    }

    /**
     * Adds the next occurrence of repeating task {@code followsTaskId}, unless one was added already (a
     * completion seen twice): then returns empty.
     */
    Optional<StoredTask> insertNextOccurrence(UUID userId, Task task, Instant remindAt, long followsTaskId) {
        MapSqlParameterSource params = params(userId, task, remindAt)
                .addValue("position", lastPosition(userId) + Positions.STEP).addValue("followsTaskId", followsTaskId);
        return jdbc.query(INSERT + " ON CONFLICT (follows_task_id) DO NOTHING RETURNING " + COLUMNS, params,
                TaskStore::map).stream().findFirst();
    }

    /** Adds tasks at the end of the user's manual order, in the given order; returns them. */
    List<StoredTask> insertAllAtEnd(UUID userId, List<Task> tasks, Function<Task, Instant> remindAt) {
        double position = lastPosition(userId);
        List<StoredTask> stored = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            position += Positions.STEP;
            MapSqlParameterSource row = params(userId, task, remindAt.apply(task))
                    .addValue("position", position).addValue("followsTaskId", null);
            stored.add(jdbc.queryForObject(INSERT + " RETURNING " + COLUMNS, row, TaskStore::map));
        }
        return stored;
    }

    private double lastPosition(UUID userId) {
        return db.sql("SELECT coalesce(max(position), 0) FROM tasks WHERE user_id = :userId")
                .param("userId", userId).query(Double.class).single();
    }

    /** The user's open tasks that have a reminder, locked until the transaction ends. */
    List<StoredTask> lockWithReminders(UUID userId) {
        return db.sql("SELECT " + COLUMNS + " FROM tasks WHERE user_id = :userId AND reminder_minutes_before IS NOT NULL"
                        + " AND status <> 'done' ORDER BY id FOR UPDATE")
                .param("userId", userId).query(TaskStore::map).list();
    }

    Optional<StoredTask> find(UUID userId, long id) {
        return db.sql("SELECT " + COLUMNS + " FROM tasks WHERE id = :id AND user_id = :userId")
                .param("id", id).param("userId", userId).query(TaskStore::map).optional();
    }

    /** The task, locked against concurrent changes until the transaction ends. */
    Optional<StoredTask> lock(UUID userId, long id) {
        return db.sql("SELECT " + COLUMNS + " FROM tasks WHERE id = :id AND user_id = :userId FOR UPDATE")
                .param("id", id).param("userId", userId).query(TaskStore::map).optional();
    }

    StoredTask update(UUID userId, Task task, Instant remindAt) {
        MapSqlParameterSource params = params(userId, task, remindAt).addValue("id", task.id());
        return jdbc.queryForObject("""
                UPDATE tasks SET title = :title, description = :description, status = :status,
                       priority = :priority, due_date = :dueDate, tags = CAST(:tags AS text[]),
                       updated_at = :updatedAt, completed_at = :completedAt, due_time = :dueTime,
                       reminder_minutes_before = :reminder, remind_at = :remindAt, recurrence = :recurrence,
                       recur_from = :recurFrom
                WHERE id = :id AND user_id = :userId
                RETURNING\s""" + COLUMNS, params, TaskStore::map);
    }

    boolean delete(UUID userId, long id) {
        return db.sql("DELETE FROM tasks WHERE id = :id AND user_id = :userId")
                .param("id", id).param("userId", userId).update() == 1;
    }

    /** The page of tasks the query asks for, and how many match in all. */
    Page list(UUID userId, TaskQuery query, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("userId", userId);
        String where = query.where(params, today);
        // One round trip: each row carries the number of matches; only a page past the end needs a count.
        long[] total = {-1};
        List<StoredTask> tasks = jdbc.query("SELECT " + COLUMNS + ", count(*) OVER () AS total FROM tasks WHERE "
                + where + query.orderAndPage(params), params, (row, n) -> {
                    total[0] = row.getLong("total");
                    return map(row, n);
                });
        if (tasks.isEmpty()) {
            total[0] = query.page() == 1 ? 0
                    : jdbc.queryForObject("SELECT count(*) FROM tasks WHERE " + where, params, Long.class);
        }
        return new Page(tasks, total[0]);
    }

    /** The position of the user's task right before (or after) {@code position}, ignoring {@code exceptId}. */
    Double neighbour(UUID userId, double position, boolean before, long exceptId) {
        String sql = before
                ? "SELECT max(position) FROM tasks WHERE user_id = :userId AND position < :position AND id <> :id"
                : "SELECT min(position) FROM tasks WHERE user_id = :userId AND position > :position AND id <> :id";
        return db.sql(sql).param("userId", userId).param("position", position).param("id", exceptId)
                .query(Double.class).optional().orElse(null);
    }

    void setPosition(UUID userId, long id, double position) {
        db.sql("UPDATE tasks SET position = :position WHERE id = :id AND user_id = :userId")
                .param("position", position).param("id", id).param("userId", userId).update();
    }

    /** Spreads the user's positions {@link Positions#STEP} apart again, keeping their order. */
    void respread(UUID userId) {
        db.sql("""
                UPDATE tasks t SET position = r.rank * :step
                FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS rank FROM tasks WHERE user_id = :userId) r
                WHERE t.id = r.id""")
                .param("step", Positions.STEP).param("userId", userId).update();
    }

    private static MapSqlParameterSource params(UUID userId, Task task, Instant remindAt) {
        return new MapSqlParameterSource()
                .addValue("userId", userId)
                .addValue("title", task.title())
                .addValue("description", task.description())
                .addValue("status", task.status().wireName())
                .addValue("priority", task.priority().wireName())
                .addValue("dueDate", task.dueDate())
                .addValue("tags", task.tags().toArray(String[]::new))
                .addValue("createdAt", timestamp(task.createdAt()))
                .addValue("updatedAt", timestamp(task.updatedAt()))
                .addValue("completedAt", timestamp(task.completedAt()))
                .addValue("dueTime", task.dueTime())
                .addValue("reminder", task.reminderMinutesBefore())
                .addValue("remindAt", timestamp(remindAt))
                .addValue("recurrence", task.recurrence())
                .addValue("recurFrom", task.recurFrom().wireName());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static StoredTask map(ResultSet row, int n) throws SQLException {
        Array tags = row.getArray("tags");
        Task task = new Task(row.getLong("id"), row.getString("title"), row.getString("description"),
                TaskStatus.fromWireName(row.getString("status")), Priority.fromWireName(row.getString("priority")),
                row.getObject("due_date", LocalDate.class), List.of((String[]) tags.getArray()),
                instant(row, "created_at"), instant(row, "updated_at"), instant(row, "completed_at"),
                row.getObject("due_time", LocalTime.class), (Integer) row.getObject("reminder_minutes_before"),
                row.getString("recurrence"), RecurFrom.fromWireName(row.getString("recur_from")));
        return new StoredTask(task, row.getObject("user_id", UUID.class), row.getDouble("position"),
                instant(row, "remind_at"));
    }

    record Page(List<StoredTask> tasks, long total) {
    }
}
