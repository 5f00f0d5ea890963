package dev.todo.server.assistant;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assistant's conversations in PostgreSQL: every message with the tool calls made for it. Nothing is
 * kept in memory, so any server replica (or the same one after a restart) continues any conversation.
 * Every query names the owner: one user never reads another's conversation.
 */
@Repository
class Conversations {

    /** How many conversations the list shows, newest first. */
    static final int LIST_LIMIT = 100;
    static final int TITLE_MAX_LENGTH = 80;
    private static final TypeReference<List<ToolCallRecord>> TOOL_CALLS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Conversations(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    record Summary(UUID id, String title, Instant createdAt, Instant updatedAt) {
    }

    record StoredMessage(UUID id, String role, String content, List<ToolCallRecord> toolCalls, Instant createdAt) {
    }

    /** A new conversation titled after its first message. */
    Summary create(UUID userId, String firstMessage) {
        Instant now = now();
        Summary conversation = new Summary(UUID.randomUUID(), title(firstMessage), now, now);
        jdbc.sql("""
                INSERT INTO conversations (id, user_id, title, created_at, updated_at)
                VALUES (:id, :user, :title, :now, :now)""")
                .param("id", conversation.id()).param("user", userId).param("title", conversation.title())
                .param("now", at(now))
                .update();
        return conversation;
    }

    Optional<Summary> find(UUID userId, UUID id) {
        return jdbc.sql("SELECT id, title, created_at, updated_at FROM conversations WHERE id = :id AND user_id = :user")
                .param("id", id).param("user", userId)
                .query((row, n) -> summary(row)).optional();
    }

    List<Summary> list(UUID userId) {
        return jdbc.sql("""
                SELECT id, title, created_at, updated_at FROM conversations WHERE user_id = :user
                ORDER BY updated_at DESC, id LIMIT :limit""")
                .param("user", userId).param("limit", LIST_LIMIT)
                .query((row, n) -> summary(row)).list();
    }

    /** The conversation's messages in order; at most the last {@code limit}. */
    List<StoredMessage> messages(UUID conversationId, int limit) {
        List<StoredMessage> latest = jdbc.sql("""
                SELECT id, role, content, tool_calls, created_at FROM conversation_messages
                WHERE conversation_id = :id ORDER BY seq DESC LIMIT :limit""")
                .param("id", conversationId).param("limit", limit)
                .query((row, n) -> new StoredMessage(row.getObject("id", UUID.class), row.getString("role"),
                        row.getString("content"), json.readValue(row.getString("tool_calls"), TOOL_CALLS),
                        row.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
        return latest.reversed();
    }

    /** Adds a message at the end of the conversation (one writer at a time per conversation). */
    @Transactional
    StoredMessage append(UUID conversationId, String role, String content, List<ToolCallRecord> toolCalls) {
        jdbc.sql("SELECT id FROM conversations WHERE id = :id FOR UPDATE").param("id", conversationId)
                .query(UUID.class).single();
        Instant now = now();
        StoredMessage message = new StoredMessage(UUID.randomUUID(), role, content, List.copyOf(toolCalls), now);
        jdbc.sql("""
                INSERT INTO conversation_messages (id, conversation_id, seq, role, content, tool_calls, created_at)
                VALUES (:id, :conversation,
                        (SELECT coalesce(max(seq), 0) + 1 FROM conversation_messages WHERE conversation_id = :conversation),
                        :role, :content, CAST(:calls AS jsonb), :now)""")
                .param("id", message.id()).param("conversation", conversationId).param("role", role)
                .param("content", content).param("calls", json.writeValueAsString(toolCalls)).param("now", at(now))
                .update();
        jdbc.sql("UPDATE conversations SET updated_at = :now WHERE id = :id")
                .param("now", at(now)).param("id", conversationId).update();
        return message;
    }

    boolean delete(UUID userId, UUID id) {
        return jdbc.sql("DELETE FROM conversations WHERE id = :id AND user_id = :user")
                .param("id", id).param("user", userId).update() == 1;
    }

    /** The first message, on one line, cut at a word near {@link #TITLE_MAX_LENGTH} characters. */
    static String title(String message) {
        String line = message.strip().replaceAll("\\s+", " ");
        if (line.length() <= TITLE_MAX_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', TITLE_MAX_LENGTH - 1);
        return line.substring(0, cut > TITLE_MAX_LENGTH / 2 ? cut : TITLE_MAX_LENGTH - 1) + "…";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Summary summary(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Summary(row.getObject("id", UUID.class), row.getString("title"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
