package dev.todo.server.notification;

import java.time.Instant;

/** One plain-text email. */
record Mail(String to, String subject, String body, Instant sentAt) {
}
