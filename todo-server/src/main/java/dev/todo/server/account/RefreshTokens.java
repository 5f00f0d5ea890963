package dev.todo.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.todo.server.security.EndedSessions;

/**
 * The {@code refresh_tokens} table. A family is one sign-in: the token issued at login and each token
 * that replaced it by rotation.
 */
@Repository
class RefreshTokens implements EndedSessions {

    private final JdbcClient db;

    RefreshTokens(JdbcClient db) {
        this.db = db;
    }

    void insert(UUID userId, UUID familyId, byte[] hash, Instant now, Instant expiresAt) {
        db.sql("""
                INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at)
                VALUES (:id, :user, :family, :hash, :now, :expires)""")
                .param("id", UUID.randomUUID()).param("user", userId).param("family", familyId)
                .param("hash", hash).param("now", Timestamps.of(now)).param("expires", Timestamps.of(expiresAt))
                .update();
    }

    /** The token with this hash, locked until the transaction ends so two refreshes cannot both use it. */
    Optional<StoredRefreshToken> lockByHash(byte[] hash) {
        return db.sql("""
                SELECT id, user_id, family_id, expires_at, used_at, revoked_at
                FROM refresh_tokens WHERE token_hash = :hash FOR UPDATE""")
                .param("hash", hash).query(RefreshTokens::map).optional();
    }

    void markUsed(UUID id, Instant now) {
        db.sql("UPDATE refresh_tokens SET used_at = :now WHERE id = :id")
                .param("now", Timestamps.of(now)).param("id", id).update();
    }

    void revokeFamily(UUID familyId, Instant now) {
        db.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .param("now", Timestamps.of(now)).param("family", familyId).update();
    }

    void revokeAllOf(UUID userId, Instant now) {
        db.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .param("now", Timestamps.of(now)).param("user", userId).update();
    }

    /** A sign-in (a family) has ended when it was revoked: logout, a replayed token, a password reset. */
    @Override
    public boolean hasEnded(UUID familyId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = :family AND revoked_at IS NOT NULL)")
                .param("family", familyId).query(Boolean.class).single();
    }

    private static StoredRefreshToken map(ResultSet row, int n) throws SQLException {
        return new StoredRefreshToken(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
                row.getObject("family_id", UUID.class), Timestamps.read(row, "expires_at"),
                Timestamps.read(row, "used_at"), Timestamps.read(row, "revoked_at"));
    }

    record StoredRefreshToken(UUID id, UUID userId, UUID familyId, Instant expiresAt, Instant usedAt,
                              Instant revokedAt) {

        /** Presented again after rotation or after the family was revoked: someone replays it. */
        boolean isSpent() {
            return usedAt != null || revokedAt != null;
        }
    }
}
