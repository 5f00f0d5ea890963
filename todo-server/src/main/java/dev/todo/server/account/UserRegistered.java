package dev.todo.server.account;

/** A new account was created; {@code verificationLink} confirms its email address. */
public record UserRegistered(String email, String name, String verificationLink) {
}
