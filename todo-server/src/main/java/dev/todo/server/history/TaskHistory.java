package dev.todo.server.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The task_events table: one row per event, written once however often the event is delivered. */
@Repository
class TaskHistory {

    private final JdbcClient db;

    TaskHistory(JdbcClient db) {
        this.db = db;
    }

    /** One stored event: {@code data} is {@code {task, before}} as JSON. */
    record Entry(UUID id, String type, Instant timestamp, String via, String data) {
    }

    /** False if the event was recorded already. */
    boolean record(UUID id, long taskId, UUID userId, String type, String data, Instant timestamp,
                   String correlationId, String via) {
        return db.sql("""
                INSERT INTO task_events (id, task_id, user_id, event_type, data, timestamp, correlation_id, via)
                SELECT :id, :task, :user, :type, CAST(:data AS jsonb), :at, :correlation, :via
                WHERE EXISTS (SELECT 1 FROM users WHERE id = :user)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", id).param("task", taskId).param("user", userId).param("type", type).param("data", data)
                .param("at", Timestamp.from(timestamp)).param("correlation", correlationId).param("via", via)
                .update() == 1;
    }

    /** The task's events, newest first; only the owner's. */
    List<Entry> of(UUID userId, long taskId, int limit) {
        return db.sql("""
                SELECT id, event_type, timestamp, via, data::text AS data FROM task_events
                WHERE user_id = :user AND task_id = :task ORDER BY timestamp DESC, event_type DESC LIMIT :limit""")
                .param("user", userId).param("task", taskId).param("limit", limit).query(TaskHistory::map).list();
    }

    private static Entry map(ResultSet row, int n) throws SQLException {
        return new Entry(row.getObject("id", UUID.class), row.getString("event_type"),
                row.getTimestamp("timestamp").toInstant(), row.getString("via"), row.getString("data"));
    }
}
