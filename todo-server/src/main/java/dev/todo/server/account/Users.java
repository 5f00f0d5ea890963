package dev.todo.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
class Users {

    private static final String COLUMNS = "id, email, name, email_verified, time_zone, created_at, password_hash, email_reminders";

    private final JdbcClient db;

    Users(JdbcClient db) {
        this.db = db;
    }

    /** Inserts the user; a taken email fails with {@code DuplicateKeyException}. */
    void insert(StoredUser user) {
        Account a = user.account();
        db.sql("""
                INSERT INTO users (id, email, name, password_hash, email_verified, time_zone, created_at, updated_at)
                VALUES (:id, :email, :name, :hash, :verified, :zone, :created, :created)""")
                .param("id", a.id()).param("email", a.email()).param("name", a.name())
                .param("hash", user.passwordHash()).param("verified", a.emailVerified())
                .param("zone", a.timeZone()).param("created", Timestamps.of(a.createdAt()))
                .update();
    }

    Optional<StoredUser> findByEmail(String email) {
        return db.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .param("email", email).query(Users::map).optional();
    }

    Optional<StoredUser> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id).query(Users::map).optional();
    }

    void updateProfile(UUID id, String name, String timeZone, boolean emailReminders, Instant now) {
        db.sql("""
                UPDATE users SET name = :name, time_zone = :zone, email_reminders = :reminders, updated_at = :now
                WHERE id = :id""")
                .param("name", name).param("zone", timeZone).param("reminders", emailReminders)
                .param("now", Timestamps.of(now)).param("id", id).update();
    }

    void markEmailVerified(UUID id, Instant now) {
        db.sql("UPDATE users SET email_verified = TRUE, updated_at = :now WHERE id = :id")
                .param("now", Timestamps.of(now)).param("id", id).update();
    }

    void updatePassword(UUID id, String hash, Instant now) {
        db.sql("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                .param("hash", hash).param("now", Timestamps.of(now)).param("id", id).update();
    }

    private static StoredUser map(ResultSet row, int n) throws SQLException {
        return new StoredUser(new Account(row.getObject("id", UUID.class), row.getString("email"),
                row.getString("name"), row.getBoolean("email_verified"), row.getString("time_zone"),
                Timestamps.read(row, "created_at"), row.getBoolean("email_reminders")), row.getString("password_hash"));
    }

    /** A user with the hash their password is checked against. */
    record StoredUser(Account account, String passwordHash) {
    }
}
