package dev.todo.server.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code account_tokens} table: one-time tokens sent by email, stored hashed. */
@Repository
class EmailLinks {

    enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    private final JdbcClient db;

    EmailLinks(JdbcClient db) {
        this.db = db;
    }

    /** A new token for {@code purpose}, valid until {@code expiresAt}; returns the token to send. */
    String issue(UUID userId, Purpose purpose, Instant now, Instant expiresAt) {
        String token = SecretTokens.generate();
        db.sql("""
                INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at)
                VALUES (:hash, :user, :purpose, :now, :expires)""")
                .param("hash", SecretTokens.hash(token)).param("user", userId)
                .param("purpose", purpose.name().toLowerCase()).param("now", Timestamps.of(now))
                .param("expires", Timestamps.of(expiresAt)).update();
        return token;
    }

    /** Uses the token once: the user it was sent to, if it is unused, unexpired and for {@code purpose}. */
    Optional<UUID> consume(String token, Purpose purpose, Instant now) {
        return db.sql("""
                UPDATE account_tokens SET used_at = :now
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                RETURNING user_id""")
                .param("now", Timestamps.of(now)).param("hash", SecretTokens.hash(token))
                .param("purpose", purpose.name().toLowerCase())
                .query(UUID.class).optional();
    }
}
