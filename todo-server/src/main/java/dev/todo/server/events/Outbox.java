package dev.todo.server.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox: events written with the change that caused them ({@code outbox}), published later by
 * {@link OutboxRelay}, which moves each batch it hands to the broker (or to this process) to {@code published_events},
 * numbered by {@code publish_seq} in the order it went out: what a resuming stream, and every replica's
 * {@link OutboxTail}, count from. The outbox itself has only its primary key, so writing an event stays cheap.
 */
@Repository
class Outbox {

    /** An advisory lock key of Todo's own (the bytes of "todorely"): one relay at a time across replicas. */
    private static final long RELAY_LOCK = 0x746f646f72656c79L;
    /** A published event read as a {@link Row}: its publication number stands in for the outbox's. */
    private static final String PUBLISHED = "publish_seq AS seq, event_id, topic, user_id, event_type, payload, created_at";

    private final JdbcClient db;

    Outbox(JdbcClient db) {
        this.db = db;
    }

    /** One event as stored: {@code payload} is the JSON that goes on the wire. */
    record Row(long seq, UUID eventId, String topic, UUID userId, String eventType, String payload, Instant createdAt) {
    }

    /** How far behind the relay is. */
    record Backlog(long rows, Instant oldest) {
    }

    void append(UUID eventId, String topic, UUID userId, String eventType, String payload, Instant createdAt) {
        db.sql("""
                INSERT INTO outbox (event_id, topic, user_id, event_type, payload, created_at)
                VALUES (:id, :topic, :user, :type, :payload, :created)""")
                .param("id", eventId).param("topic", topic).param("user", userId).param("type", eventType)
                .param("payload", payload).param("created", Timestamp.from(createdAt)).update();
    }

    /** True if this transaction is now the only relay; released when it ends. */
    boolean takeRelayLock() {
        return Boolean.TRUE.equals(db.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", RELAY_LOCK)
                .query(Boolean.class).single());
    }

    /**
     * Moves the oldest events (up to {@code limit}) from the outbox to the published ones, numbering them in the
     * order they were written, and returns them in that order. Part of the caller's transaction: if the batch cannot
     * be sent, rolling back puts it back in the outbox.
     */
    List<Row> publishOldest(int limit, Instant now) {
        return db.sql("""
                WITH batch AS (
                    DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox ORDER BY seq LIMIT :limit)
                    RETURNING seq, event_id, topic, user_id, event_type, payload, created_at),
                numbered AS (
                    SELECT nextval('outbox_publish_seq') AS publish_seq, b.*
                    FROM (SELECT * FROM batch ORDER BY seq) AS b),
                moved AS (
                    INSERT INTO published_events
                        (publish_seq, event_id, topic, user_id, event_type, payload, created_at, published_at)
                    SELECT publish_seq, event_id, topic, user_id, event_type, payload, created_at, :now FROM numbered)
                SELECT seq, event_id, topic, user_id, event_type, payload, created_at FROM numbered ORDER BY publish_seq""")
                .param("limit", limit).param("now", Timestamp.from(now)).query(Outbox::map).list();
    }

    /**
     * The user's events published after {@code eventId}, in publication order; empty if that event is not (or no
     * longer) in the outbox, so the stream cannot resume from it.
     */
    Optional<List<Row>> publishedAfter(UUID userId, UUID eventId, int limit) {
        Optional<Long> from = db.sql("SELECT publish_seq FROM published_events WHERE event_id = :id AND user_id = :user")
                .param("id", eventId).param("user", userId).query(Long.class).optional();
        return from.map(seq -> db.sql("SELECT " + PUBLISHED + " FROM published_events"
                        + " WHERE user_id = :user AND publish_seq > :seq ORDER BY publish_seq LIMIT :limit")
                .param("user", userId).param("seq", seq).param("limit", limit).query(Outbox::map).list());
    }

    /** Published rows after {@code publishSeq}, in publication order: what every replica's tail reads. */
    List<Published> publishedSince(long publishSeq, int limit) {
        return db.sql("SELECT " + PUBLISHED + ", publish_seq FROM published_events WHERE publish_seq > :seq"
                        + " ORDER BY publish_seq LIMIT :limit")
                .param("seq", publishSeq).param("limit", limit)
                .query((row, n) -> new Published(map(row, n), row.getLong("publish_seq"))).list();
    }

    /** The last publication number handed out so far (0 before the first). */
    long lastPublishSeq() {
        return db.sql("SELECT coalesce(max(publish_seq), 0) FROM published_events").query(Long.class).single();
    }

    /** A published row with its publication number. */
    record Published(Row row, long publishSeq) {
    }

    Backlog backlog() {
        return db.sql("SELECT count(*) AS n, min(created_at) AS oldest FROM outbox")
                .query((row, n) -> new Backlog(row.getLong("n"),
                        row.getTimestamp("oldest") == null ? null : row.getTimestamp("oldest").toInstant()))
                .single();
    }

    /**
     * Deletes the events published before {@code before}; returns how many. They are numbered in publication order,
     * so the first one published since then bounds them (found by walking the primary key from the oldest).
     */
    int purgePublishedBefore(Instant before) {
        return db.sql("""
                DELETE FROM published_events WHERE publish_seq < coalesce(
                    (SELECT publish_seq FROM published_events WHERE published_at >= :before ORDER BY publish_seq LIMIT 1),
                    9223372036854775807)""")
                .param("before", Timestamp.from(before)).update();
    }

    private static Row map(ResultSet row, int n) throws SQLException {
        return new Row(row.getLong("seq"), row.getObject("event_id", UUID.class), row.getString("topic"),
                row.getObject("user_id", UUID.class), row.getString("event_type"), row.getString("payload"),
                row.getTimestamp("created_at").toInstant());
    }
}
