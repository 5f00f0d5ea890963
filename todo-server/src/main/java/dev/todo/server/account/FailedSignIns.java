package dev.todo.server.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-account limit on password guessing (OWASP ASVS 4.0 2.2.1), whatever address the guesses come
 * from: after {@code todo.sign-in.max-failures} failed sign-ins within {@code todo.sign-in.failure-window},
 * the account's sign-ins are refused for {@code todo.sign-in.lockout}, even with the right password
 * (else the lock would only tell a guesser when they got it). Kept in the {@code sign_in_failures}
 * table, so every replica counts the same guesses and a restart forgets none.
 *
 * <p>An attempt is counted before its password is checked, in a transaction of its own that holds the
 * account's row only for that moment: parallel guesses cannot all slip in before the count reaches the
 * limit, and none waits on another's password hashing. A correct password takes its attempt back.
 */
@Component
class FailedSignIns {

    private final JdbcClient db;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;

    FailedSignIns(JdbcClient db, @Value("${todo.sign-in.max-failures:5}") int maxFailures,
                  @Value("${todo.sign-in.failure-window:15m}") Duration window,
                  @Value("${todo.sign-in.lockout:15m}") Duration lockout) {
        if (maxFailures < 1 || !window.isPositive() || !lockout.isPositive()) {
            throw new IllegalArgumentException("todo.sign-in.max-failures must be at least 1 and "
                    + "todo.sign-in.failure-window and todo.sign-in.lockout longer than zero, not "
                    + maxFailures + ", " + window + ", " + lockout);
        }
        this.db = db;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /**
     * Counts an attempt to sign in as {@code email} (normalized); empty when it may be checked, else the
     * moment the account's lock ends. The attempt that reaches the limit is still checked.
     */
    @Transactional
    Optional<Instant> charge(String email, Instant now) {
        byte[] key = SecretTokens.hash(email);
        db.sql("""
                INSERT INTO sign_in_failures (email_hash, failures, window_started_at) VALUES (:key, 0, :now)
                ON CONFLICT (email_hash) DO NOTHING""")
                .param("key", key).param("now", Timestamps.of(now)).update();
        Count count = db.sql("""
                SELECT failures, window_started_at, locked_until FROM sign_in_failures
                WHERE email_hash = :key FOR UPDATE""")
                .param("key", key)
                .query((row, n) -> new Count(row.getInt("failures"), Timestamps.read(row, "window_started_at"),
                        Timestamps.read(row, "locked_until")))
                .single();
        if (count.lockedUntil() != null && count.lockedUntil().isAfter(now)) {
            return Optional.of(count.lockedUntil());
        }
        // A lock that is over, or a window that is, and the count starts again.
        boolean fresh = count.lockedUntil() != null || !count.windowStartedAt().plus(window).isAfter(now);
        int failures = (fresh ? 0 : count.failures()) + 1;
        db.sql("""
                UPDATE sign_in_failures SET failures = :failures, window_started_at = :start, locked_until = :lock
                WHERE email_hash = :key""")
                .param("failures", failures).param("start", Timestamps.of(fresh ? now : count.windowStartedAt()))
                .param("lock", failures >= maxFailures ? Timestamps.of(now.plus(lockout)) : null)
                .param("key", key).update();
        return Optional.empty();
    }

    /** The right password, or a new one by reset: the account's count and lock are gone. */
    void clear(String email) {
        db.sql("DELETE FROM sign_in_failures WHERE email_hash = :key").param("key", SecretTokens.hash(email)).update();
    }

    /** Forgets the counts that no longer matter: the window and any lock are over. */
    int deleteStale(Instant now) {
        return db.sql("""
                DELETE FROM sign_in_failures
                WHERE window_started_at <= :windowStart AND (locked_until IS NULL OR locked_until <= :now)""")
                .param("windowStart", Timestamps.of(now.minus(window))).param("now", Timestamps.of(now)).update();
    }

    private record Count(int failures, Instant windowStartedAt, Instant lockedUntil) {
    }
}
