package dev.todo.server.account;

/** Someone asked to reset the password of an existing account; {@code resetLink} lets them choose a new one. */
public record PasswordResetRequested(String email, String name, String resetLink) {
}
