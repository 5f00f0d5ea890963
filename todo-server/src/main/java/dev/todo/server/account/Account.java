package dev.todo.server.account;

import java.time.Instant;
import java.util.UUID;

/** A user as the API shows them (never with the password hash); {@code emailReminders}: reminders also by email. */
public record Account(UUID id, String email, String name, boolean emailVerified, String timeZone,
                      Instant createdAt, boolean emailReminders) {
}
