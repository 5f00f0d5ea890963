package dev.todo.server.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reminders table: what is due when, and whether it fired. */
@Repository
class Reminders {

    private final JdbcClient db;

    Reminders(JdbcClient db) {
        this.db = db;
    }

    /** A reminder as stored. */
    record Row(long taskId, UUID userId, String title, Instant dueAt, Instant remindAt) {
    }

    /**
     * Sets the task's reminder as of {@code now}: one moved to another time fires again, one only renamed does not,
     * and one set (or moved) to a time already past does not fire at all.
     */
    void put(long taskId, UUID userId, String title, Instant dueAt, Instant remindAt, Instant now) {
        db.sql("""
                INSERT INTO reminders (task_id, user_id, title, due_at, remind_at, fired_at)
                VALUES (:task, :user, :title, :due, :at, CAST(:fired AS timestamptz))
                ON CONFLICT (task_id) DO UPDATE SET title = EXCLUDED.title, due_at = EXCLUDED.due_at,
                    fired_at = CASE WHEN reminders.remind_at = EXCLUDED.remind_at THEN reminders.fired_at
                                    ELSE EXCLUDED.fired_at END,
                    remind_at = EXCLUDED.remind_at""")
                .param("task", taskId).param("user", userId).param("title", title)
                .param("due", Timestamp.from(dueAt)).param("at", Timestamp.from(remindAt))
                .param("fired", remindAt.isAfter(now) ? null : Timestamp.from(now)).update();
    }

    void remove(long taskId) {
        db.sql("DELETE FROM reminders WHERE task_id = :task").param("task", taskId).update();
    }

    /**
     * Marks up to {@code limit} reminders due at {@code now} as fired and returns them, oldest first. Rows another
     * replica is claiming at the same moment are skipped, so each fires once.
     */
    List<Row> claimDue(Instant now, int limit) {
        return db.sql("""
                UPDATE reminders SET fired_at = :now WHERE task_id IN (
                    SELECT task_id FROM reminders WHERE fired_at IS NULL AND remind_at <= :now
                    ORDER BY remind_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING task_id, user_id, title, due_at, remind_at""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(Reminders::map).list()
                .stream().sorted(Comparator.comparing(Row::remindAt)).toList();
    }

    private static Row map(ResultSet row, int n) throws SQLException {
        return new Row(row.getLong("task_id"), row.getObject("user_id", UUID.class), row.getString("title"),
                row.getTimestamp("due_at").toInstant(), row.getTimestamp("remind_at").toInstant());
    }
}
