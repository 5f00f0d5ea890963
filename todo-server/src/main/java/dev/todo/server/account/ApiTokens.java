package dev.todo.server.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.todo.server.security.PersonalTokens;
import dev.todo.server.security.UserId;
import dev.todo.server.web.InvalidRequestException;

/**
 * Personal API tokens: a user creates one per AI client, sees its secret once, and revokes it when done.
 * The database keeps a SHA-256 hash of the secret (it is 256 random bits, so a fast hash is enough) and
 * a short prefix people can recognise.
 */
@Service
class ApiTokens implements PersonalTokens {

    static final int NAME_MAX_LENGTH = 100;
    static final int MAX_TOKENS_PER_USER = 50;
    private static final int SHOWN_PREFIX_LENGTH = PREFIX.length() + 6;

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token as its owner sees it; never the secret. */
    record ApiToken(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
    }

    /** A new token and its secret, the only time the secret is shown. */
    record Created(ApiToken token, String secret) {
    }

    Created create(UserId user, String rawName) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty()) {
            throw new InvalidRequestException("name", "Name is required: say which client uses the token");
        }
        if (name.length() > NAME_MAX_LENGTH) {
            throw new InvalidRequestException("name", "Name must be at most " + NAME_MAX_LENGTH + " characters");
        }
        int count = jdbc.sql("SELECT count(*) FROM api_tokens WHERE user_id = :user")
                .param("user", user.value()).query(Integer.class).single();
        if (count >= MAX_TOKENS_PER_USER) {
            throw new InvalidRequestException("name", "You have " + MAX_TOKENS_PER_USER
                    + " tokens already; revoke one you no longer use first");
        }
        String secret = PREFIX + SecretTokens.generate();
        ApiToken token = new ApiToken(UUID.randomUUID(), name, secret.substring(0, SHOWN_PREFIX_LENGTH),
                clock.instant().truncatedTo(ChronoUnit.MICROS), null);
        jdbc.sql("""
                INSERT INTO api_tokens (id, user_id, name, prefix, token_hash, created_at)
                VALUES (:id, :user, :name, :prefix, :hash, :created)""")
                .param("id", token.id()).param("user", user.value()).param("name", token.name())
                .param("prefix", token.prefix()).param("hash", SecretTokens.hash(secret))
                .param("created", Timestamps.of(token.createdAt()))
                .update();
        return new Created(token, secret);
    }

    List<ApiToken> list(UserId user) {
        return jdbc.sql("""
                SELECT id, name, prefix, created_at, last_used_at FROM api_tokens
                WHERE user_id = :user ORDER BY created_at DESC""")
                .param("user", user.value())
                .query((row, n) -> new ApiToken(row.getObject("id", UUID.class), row.getString("name"),
                        row.getString("prefix"), Timestamps.read(row, "created_at"),
                        Timestamps.read(row, "last_used_at")))
                .list();
    }

    /** Revokes one of the user's tokens; false when the user has no such token. */
    boolean revoke(UserId user, UUID id) {
        return jdbc.sql("DELETE FROM api_tokens WHERE id = :id AND user_id = :user")
                .param("id", id).param("user", user.value()).update() == 1;
    }

    @Override
    public Optional<UserId> authenticate(String secret) {
        byte[] hash = SecretTokens.hash(secret);
        record Owner(UUID userId, Instant lastUsedAt) {
        }
        Optional<Owner> owner = jdbc.sql("SELECT user_id, last_used_at FROM api_tokens WHERE token_hash = :hash")
                .param("hash", hash)
                .query((row, n) -> new Owner(row.getObject("user_id", UUID.class), Timestamps.read(row, "last_used_at")))
                .optional();
        // Last use is kept to the minute: at most one write a minute per token, not one per call.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        owner.filter(o -> o.lastUsedAt() == null || o.lastUsedAt().isBefore(now.minusSeconds(60)))
                .ifPresent(o -> jdbc.sql("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash")
                        .param("now", Timestamps.of(now)).param("hash", hash).update());
        return owner.map(o -> new UserId(o.userId()));
    }
}
