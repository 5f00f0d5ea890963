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
 * The outbox table: events written with the change that caused them, published later by {@link OutboxRelay}.
 * A row is unpublished until the relay has handed it to the broker (or to this process) and stamped it with
 * {@code publish_seq}, the order it went out in, which is what a resuming stream counts from.
 */
@Repository
class Outbox {

    /** An advisory lock key of Todo's own (the bytes of "todorely"): one relay at a time across replicas. */
    private static final long RELAY_LOCK = 0x746f646f72656c79L;
    private static final String COLUMNS = "seq, event_id, topic, user_id, event_type, payload, created_at";

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

    /** The oldest unpublished rows, in the order they were written. */
    List<Row> unpublished(int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT :limit")
                .param("limit", limit).query(Outbox::map).list();
    }

    /** Stamps the rows as published, numbering them in the order they were written (one statement per batch). */
    void markPublished(List<Row> rows, Instant now) {
        Long[] seqs = rows.stream().map(Row::seq).toArray(Long[]::new);
        db.sql("""
                UPDATE outbox SET publish_seq = numbered.publish_seq, published_at = :now
                FROM (SELECT seq, nextval('outbox_publish_seq') AS publish_seq
                      FROM (SELECT seq FROM outbox WHERE seq = ANY(:seqs) ORDER BY seq) AS batch) AS numbered
                WHERE outbox.seq = numbered.seq""")
                .param("now", Timestamp.from(now)).param("seqs", seqs).update();
    }

    /**
     * The user's events published after {@code eventId}, in publication order; empty if that event is not (or no
     * longer) in the outbox, so the stream cannot resume from it.
     */
    Optional<List<Row>> publishedAfter(UUID userId, UUID eventId, int limit) {
        Optional<Long> from = db.sql("SELECT publish_seq FROM outbox WHERE event_id = :id AND user_id = :user"
                        + " AND publish_seq IS NOT NULL")
                .param("id", eventId).param("user", userId).query(Long.class).optional();
        return from.map(seq -> db.sql("SELECT " + COLUMNS + " FROM outbox WHERE user_id = :user AND publish_seq > :seq"
                        + " ORDER BY publish_seq LIMIT :limit")
                .param("user", userId).param("seq", seq).param("limit", limit).query(Outbox::map).list());
    }

    /** Published rows after {@code publishSeq}, in publication order: what every replica's tail reads. */
    List<Published> publishedSince(long publishSeq, int limit) {
        return db.sql("SELECT " + COLUMNS + ", publish_seq FROM outbox WHERE publish_seq > :seq ORDER BY publish_seq"
                        + " LIMIT :limit")
                .param("seq", publishSeq).param("limit", limit)
                .query((row, n) -> new Published(map(row, n), row.getLong("publish_seq"))).list();
    }

    /** The last publication number handed out so far (0 before the first). */
    long lastPublishSeq() {
        return db.sql("SELECT coalesce(max(publish_seq), 0) FROM outbox").query(Long.class).single();
    }

    /** A published row with its publication number. */
    record Published(Row row, long publishSeq) {
    }

    Backlog backlog() {
        return db.sql("SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE published_at IS NULL")
                .query((row, n) -> new Backlog(row.getLong("n"),
                        row.getTimestamp("oldest") == null ? null : row.getTimestamp("oldest").toInstant()))
                .single();
    }

    /** Deletes published rows older than {@code before}; returns how many. */
    int purgePublishedBefore(Instant before) {
        return db.sql("DELETE FROM outbox WHERE published_at < :before").param("before", Timestamp.from(before)).update();
    }

    private static Row map(ResultSet row, int n) throws SQLException {
        return new Row(row.getLong("seq"), row.getObject("event_id", UUID.class), row.getString("topic"),
                row.getObject("user_id", UUID.class), row.getString("event_type"), row.getString("payload"),
                row.getTimestamp("created_at").toInstant());
    }
}
